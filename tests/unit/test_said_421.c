/*
 * test_said_421.c - diag_said_421 (diagnose/closed.c, speed31) finds
 * " said: 421" by its ": 421" and the " said" before it: the same answer
 * as span_find on random texts built of the needle's pieces (cut, doubled,
 * overlapping, a NUL inside, at the very start and the very end), each in
 * a heap buffer of its own size so that a read past it is seen by the
 * sanitizer build.  Fails when the " said" before is not checked, or is
 * checked one byte off (checked by breaking it).
 */
#include "tap.h"
#include "diagnose/diag_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rnd_state = 0x3C6EF372FE94F82BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

TEST(said_421_same_as_find)
{
	static const char *const pieces[] = {
	    " said: 421", " said: 42", "said: 421", " said:", ": 421", ":421", " said", "said",
	    " sai", ": 4", "421", " ", ":", "s", "host mx.example.com[192.0.2.1]", " said: 450 4.7.1 ",
	    "Service not available, closing transmission channel", " said:  421", " Said: 421",
	    " said: 4210", "(in reply to RCPT TO command)", "\0", " said\0: 421",
	};
	size_t found = 0, asked = 0;
	for (int i = 0; i < 200000; i++) {
		char text[400];
		size_t n = 0;
		for (int k = (int)(rnd() % 8); k > 0; k--) {
			size_t j = (size_t)(rnd() % (sizeof pieces / sizeof pieces[0]));
			const char *w = pieces[j];
			size_t len = j == 21 ? 1 : j == 22 ? 11 : strlen(w);
			if (rnd() % 6 == 0)
				len = (size_t)(rnd() % (len + 1)); /* cut */
			if (n + len >= sizeof text)
				break;
			memcpy(text + n, w, len);
			n += len;
		}
		char *h = malloc(n ? n : 1);
		if (!h)
			return;
		memcpy(h, text, n);
		struct span t = span_make(h, n);
		bool want = span_find(t, " said: 421").p != NULL, got = diag_said_421(t);
		asked++;
		found += want;
		if (got != want) {
			test_fail(__FILE__, __LINE__, "\"%.*s\" (%zu bytes): %d, want %d", (int)n, h, n, got, want);
			free(h);
			return;
		}
		free(h);
	}
	CHECK(found > 20000);
	CHECK(asked - found > 20000);
	CHECK(!diag_said_421(SPAN_NULL));
	CHECK(diag_said_421(SPAN_LIT(" said: 421")));
	CHECK(!diag_said_421(SPAN_LIT("said: 421")));
}
