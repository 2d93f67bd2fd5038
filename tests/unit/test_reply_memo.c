/* test_reply_memo.c - the refusal words' memo (fault.c's reply_scan_memo,
 * keyed by the text without its first bracketed address) against the plain
 * scan of each text: the same words, the same places of "blocked using "
 * and "Error: " (speed21) */
#include "tap.h"
#include "parse/event.h"

#include <stdlib.h>
#include <string.h>

static const char *const heads[] = {
	"554 5.7.1 Service unavailable; Client host ",
	"450 4.3.2 Service currently unavailable ",
	"450 4.7.1 Client host rejected: cannot find your hostname, ",
	"554 5.7.1 <x@example.com>: Recipient address rejected: User unknown ",
	"451 4.7.1 Error: too many hops ",
	"450 4.2.0 Greylisted, see http://postgrey/ ",
	"452 4.2.2 Mailbox full ",
	"550 5.1.1 ",
	"Error: ",
	"",
	"blocked using ",
	"<mail.example.com>: Helo command rejected: Host not found ",
};
static const char *const inners[] = {
	"[192.0.2.1]", "[10.4.3.2]", "[4.3.2.1]", "[2001:db8::1]", "[dead:beef::4.3.2]", "[::ffff:4.3.2.9]",
	"[spam]", "[DKIM]", "[]", "[192.0.2.1", "[0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef01]",
	"[1.2.3.4][5.6.7.8]", "[127.255.255.254]", "[ERROR]", "", "[4.3.2]", "[a.b]",
};
static const char *const tails[] = {
	" blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/",
	" blocked using bl.example; https://bl.example/query?ip=192.0.2.1",
	" blocked using 127.255.255.254",
	"; Error: too many hops Error: again",
	" try again later",
	" over quota",
	" GREY LIST Retry Later",
	"",
	" Sender address rejected: Domain not found",
	" (4.3.2)",
};

/* next - xorshift */
static uint32_t next(uint64_t *r)
{
	*r ^= *r << 13;
	*r ^= *r >> 7;
	*r ^= *r << 17;
	return (uint32_t)(*r >> 11);
}

#define N(a) (sizeof a / sizeof a[0])

TEST(reply_memo_same_as_scan)
{
	uint64_t r = 0x2545f4914f6cdd1dULL;
	int fails = 0;
	char text[600];
	for (int k = 0; k < 60000; k++) {
		size_t n = (size_t)snprintf(text, sizeof text, "%s%s%s", heads[next(&r) % N(heads)],
					    inners[next(&r) % N(inners)], tails[next(&r) % N(tails)]);
		if (next(&r) % 5 == 0) /* another client's address, the same words */
			n = (size_t)snprintf(text, sizeof text, "%sClient host [198.51.%u.%u]%s",
					     heads[next(&r) % N(heads)], next(&r) % 256, next(&r) % 256,
					     tails[next(&r) % N(tails)]);
		if (next(&r) % 9 == 0) /* longer than the memo keeps */
			n += (size_t)snprintf(text + n, sizeof text - n, "%0*u", 120 + (int)(next(&r) % 40), 7u);
		if (n && next(&r) % 50 == 0)
			text[next(&r) % n] = 0; /* a NUL inside */
		if (n && next(&r) % 40 == 0)
			text[next(&r) % n] ^= 0x20; /* a byte changed */
		char *t = malloc(n ? n : 1);
		memcpy(t, text, n);
		struct span s = span_make(t, n);
		size_t b1, e1, b2, e2;
		uint64_t h1 = ev_reply_scan_test(s, true, &b1, &e1);
		uint64_t h2 = ev_reply_scan_test(s, false, &b2, &e2);
		if ((h1 != h2 || b1 != b2 || e1 != e2) && fails++ < 5)
			test_fail(__FILE__, __LINE__, "\"%.*s\": memo %llx %zu %zu, scan %llx %zu %zu", (int)n, t,
				  (unsigned long long)h1, b1, e1, (unsigned long long)h2, b2, e2);
		free(t);
	}
	CHECK(fails == 0);
}
