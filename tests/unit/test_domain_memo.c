/*
 * test_domain_memo.c - the memo of the last domain put in a set
 * (diag_domain_add, speed25: the port-25 deliveries' sent_domains, the
 * local deliveries' site_hosted) changes no set: random domains as a log
 * writes them (runs of one, case variants, a NUL inside, empty, too
 * long, sets that reach their cap) give the same members and the same
 * count of refused inserts as lowering and adding each (the plain code
 * before speed25); and a memo of a domain refused at the cap is none.
 */
#include "tap.h"
#include "diagnose/diag_internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t rnd_state = 0x3C6EF372FE94F82BULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/* make_domain - one of a few domains, maybe with a letter's case
 * changed, a NUL, empty or longer than a key */
static size_t make_domain(char *t, size_t cap)
{
	static const char *const dom[] = {"example.org", "example.net", "Example.ORG", "mail.example.com",
					  "a.b", "x", "gmail.com", "GMAIL.com"};
	unsigned k = (unsigned)(rnd() % 12);
	if (k == 8)
		return 0;
	if (k == 9) {
		size_t n = DIAG_KEY_MAX - 2 + rnd() % 4;
		memset(t, 'l', n);
		return n;
	}
	if (k == 10) {
		memcpy(t, "ex\0mple.org", 11);
		return 11;
	}
	if (k == 11) { /* one of many: fills a set to its cap */
		return (size_t)snprintf(t, cap, "d%u.example", (unsigned)(rnd() % 300));
	}
	size_t n = strlen(dom[k]);
	memcpy(t, dom[k], n);
	if (rnd() % 4 == 0)
		t[rnd() % n] ^= 0x20 * (t[0] >= 'a');
	return n;
}

TEST(domain_memo_same_set_as_plain)
{
	const size_t caps[] = {0, 1000, 64, 3};
	for (int c = 0; c < 4; c++) {
		struct strset a, b;
		strset_init(&a, caps[c]);
		strset_init(&b, caps[c]);
		char last[DIAG_KEY_MAX];
		size_t last_n = 0, hits = 0;
		for (int i = 0; i < 200000; i++) {
			char t[DIAG_KEY_MAX + 8];
			size_t n = make_domain(t, sizeof t);
			/* runs of the same domain, as deliveries come */
			int run = 1 + (int)(rnd() % 4);
			for (int r = 0; r < run; r++) {
				struct span raw = {t, n};
				if (diag_domain_last(raw, last, last_n))
					hits++;
				diag_domain_add(&a, raw, last, &last_n);
				char low[DIAG_KEY_MAX];
				if (diag_lower_span(raw, low, sizeof low))
					strset_add(&b, span_of(low));
			}
		}
		CHECK_INT(strset_len(&a), strset_len(&b));
		CHECK_INT(a.dropped > 0, b.dropped > 0);
		CHECK(hits > 20000);
		/* every member of the plain set is in the memo's */
		size_t missing = 0;
		for (unsigned k = 0; k < 300; k++) {
			char d[32];
			snprintf(d, sizeof d, "d%u.example", k);
			missing += strset_has(&a, span_of(d)) != strset_has(&b, span_of(d));
		}
		const char *const fixed[] = {"example.org", "example.net", "mail.example.com", "a.b",
					     "x", "gmail.com", "ex"};
		for (int k = 0; k < 7; k++)
			missing += strset_has(&a, span_of(fixed[k])) != strset_has(&b, span_of(fixed[k]));
		CHECK_INT(missing, 0);
		strset_free(&a);
		strset_free(&b);
	}
}

/* a domain refused at the cap is not the memo's: asked again, it is
 * refused again (the plain code's count), and the memo holds nothing */
TEST(domain_memo_refused_is_none)
{
	struct strset s;
	strset_init(&s, 1);
	char last[DIAG_KEY_MAX];
	size_t last_n = 0;
	diag_domain_add(&s, SPAN_LIT("one.example"), last, &last_n);
	CHECK_INT(last_n, 11);
	diag_domain_add(&s, SPAN_LIT("two.example"), last, &last_n);
	CHECK_INT(last_n, 0);
	CHECK_INT(s.dropped, 1);
	diag_domain_add(&s, SPAN_LIT("two.example"), last, &last_n);
	CHECK_INT(s.dropped, 2);
	diag_domain_add(&s, SPAN_LIT("ONE.example"), last, &last_n);
	CHECK_INT(s.dropped, 2);
	CHECK_INT(strset_len(&s), 1);
	strset_free(&s);
}
