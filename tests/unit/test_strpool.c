/*
 * test_strpool.c - per-object string room: copies are exact and
 * terminated, a field set again reuses its room, growth stays bounded,
 * long values are cut, and every string survives the blocks added after it.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include "util/strpool.h"

TEST(strpool_copies_and_reuse)
{
	struct strpool p;
	pool_init(&p);
	CHECK(pool_dup(&p, SPAN_NULL) == NULL);
	CHECK(pool_strdup(&p, NULL) == NULL);
	char *a = pool_dup(&p, SPAN_LIT("hello"));
	CHECK_STR(a, "hello");
	char *e = pool_dup(&p, span_make("x", 0));
	CHECK_STR(e, "");
	/* the same field again, shorter or as long: same room */
	char *b = pool_set(&p, a, SPAN_LIT("bye"));
	CHECK(b == a);
	CHECK_STR(b, "bye");
	b = pool_set(&p, b, SPAN_LIT("fifteen chars!!"));
	CHECK(b == a); /* 16 bytes of room */
	/* its own bytes as the new value */
	b = pool_set(&p, b, span_make(b + 8, 5));
	CHECK_STR(b, "chars");
	/* longer: new room, the old value untouched elsewhere */
	char *c = pool_set(&p, b, SPAN_LIT("a value longer than sixteen"));
	CHECK(c != b);
	CHECK_STR(c, "a value longer than sixteen");
	pool_free(&p);
}

TEST(strpool_bounded_and_cut)
{
	struct strpool p;
	pool_init(&p);
	char big[2000];
	memset(big, 'y', sizeof big);
	/* one field set 100 000 times with lengths going up and down */
	char *f = NULL;
	for (int i = 0; i < 100000; i++)
		f = pool_set(&p, f, span_make(big, (size_t)(i * 7919) % 600));
	size_t blocks = 0, bytes = 0;
	for (void *b = p.blocks; b; memcpy(&b, b, sizeof b))
		blocks++;
	bytes = blocks * 4096;
	CHECK(blocks <= 4);       /* 16, 32 ... 1024 of room at most, once each */
	CHECK(bytes < 64 * 1024);
	/* cut at POOL_STR_MAX */
	char *g = pool_dup(&p, span_make(big, sizeof big));
	CHECK(strlen(g) == POOL_STR_MAX);
	pool_free(&p);
	CHECK(p.blocks == NULL);
}

TEST(strpool_many_strings_survive)
{
	struct strpool p;
	pool_init(&p);
	enum { N = 5000 };
	static char *s[N];
	for (int i = 0; i < N; i++) {
		char v[64];
		snprintf(v, sizeof v, "string number %d of the pool %*s", i, i % 40, "");
		s[i] = pool_strdup(&p, v);
	}
	bool ok = true;
	for (int i = 0; i < N && ok; i++) {
		char v[64];
		snprintf(v, sizeof v, "string number %d of the pool %*s", i, i % 40, "");
		if (strcmp(s[i], v) != 0) {
			test_fail(__FILE__, __LINE__, "string %d: got %s", i, s[i]);
			ok = false;
		}
	}
	pool_free(&p);
}

/* pool_keep: the whole value, past POOL_STR_MAX and past a uint16 of
 * room, never written over by pool_set */
TEST(strpool_keep_whole)
{
	struct strpool p;
	pool_init(&p);
	CHECK(pool_keep(&p, SPAN_NULL) == NULL);
	CHECK_STR(pool_keep(&p, span_make("x", 0)), "");
	size_t sizes[] = {1, POOL_STR_MAX, POOL_STR_MAX + 1, 70000};
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		size_t n = sizes[k];
		char *v = malloc(n);
		for (size_t i = 0; i < n; i++)
			v[i] = (char)('a' + i % 26);
		char *s = pool_keep(&p, span_make(v, n));
		CHECK(strlen(s) == n && !memcmp(s, v, n));
		/* set again with a short value: new room, the kept one intact */
		char *t = pool_set(&p, s, SPAN_LIT("short"));
		CHECK(t != s);
		CHECK_STR(t, "short");
		CHECK(strlen(s) == n && !memcmp(s, v, n));
		free(v);
	}
	pool_free(&p);
}
