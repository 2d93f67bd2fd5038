/*
 * test_reply_login.c - ev_reply_login (fault.c) finds "not owned by user "
 * by memchr of its 'w' (speed12): the same login as the former function
 * (kept here: span_find of the key), on random refusal texts of the key,
 * its near misses ("not owned by use", no blank after "user", "owned by
 * user" alone), words full of 'w' and 'n', the key at the very start or
 * end, cut anywhere, each text in a buffer of its own size.
 */
#include "tap.h"
#include "parse/event.h"

#include <stdlib.h>
#include <string.h>

static struct span reply_login_before(struct span reply)
{
	static const char key[] = "not owned by user ";
	struct span u = span_find(reply, key);
	if (!u.p)
		return SPAN_NULL;
	u = span_skip(u, sizeof key - 1);
	size_t n = 0;
	while (n < u.n && u.p[n] != ';' && u.p[n] != ' ' && u.p[n] != ',')
		n++;
	return span_head(u, n);
}

static uint64_t rnd_state = 0x1F83D9ABFB41BD6BULL ^ 0x77;

TEST(reply_login_same_as_before)
{
	static const char *const parts[] = {
	    "not owned by user ", "not owned by user", "not owned by use", "owned by user ", "not owned ",
	    "w", "ww", "n", "not ", "unknown ", "alice", "bob@example.test", ";", ",", " ", "553 5.7.1 <a@b>: ",
	    "Sender address rejected: ", "now ", "\0", "user ", "wnot owned by user x",
	};
	int bad = 0;
	unsigned yes = 0;
	for (int iter = 0; iter < 300000 && bad < 5; iter++) {
		char tmp[200];
		size_t n = 0;
		tap_parts(tmp, &n, sizeof tmp, parts, sizeof parts / sizeof parts[0],
			  (int)(tap_rnd(&rnd_state) % 8), &rnd_state);
		if (tap_rnd(&rnd_state) % 4 == 0 && n)
			n = (size_t)(tap_rnd(&rnd_state) % (n + 1));
		char *b = malloc(n ? n : 1); /* its own size: a read past it is seen */
		memcpy(b, tmp, n);
		struct span s = span_make(b, n);
		struct span g = ev_reply_login(s), w = reply_login_before(s);
		if ((g.p != w.p || g.n != w.n) && bad++ < 5)
			test_fail(__FILE__, __LINE__, "ev_reply_login(\"%.*s\"): got \"%.*s\", want \"%.*s\"", (int)n, b,
				  (int)g.n, g.p ? g.p : "", (int)w.n, w.p ? w.p : "");
		yes += w.p != NULL;
		free(b);
	}
	CHECK_INT(bad, 0);
	CHECK(yes > 30000 && yes < 270000);
}
