/*
 * test_content_memo.c - analysis_content_reject (messages.c) keeps its
 * answer by the bounced reason without the address of its first "[...]"
 * (speed20): held to the plain search, analysis_content_reject_plain, on
 * 60 000 reasons in a row, each in a heap buffer of its own size.  The
 * reasons come back with other addresses (the memo's hits), and among
 * the addresses are ones that hold a word themselves ("5.7.26" inside
 * 10.5.7.26, "5.7.509"), ones that are no address ("[spam]", "[DKIM]",
 * a name), ones too long to leave out, a '[' never closed, several
 * brackets, none; among the replies the content words, the
 * authentication words, neither, and texts longer than the memo's key.
 */
#include "tap.h"

#include "analyze/analysis.h"

#include <stdlib.h>

static const char *const hosts[] = {"host relay.smarthost.test", "host mx.bigmail.test", "host spam-filter.example",
				    "host mx.5.7.26.example", "connect to mx.example", "", "host a", "host [x",
				    "host mx.antispam.example.net", "host www.spam"};
static const char *const addrs[] = {"[97.205.187.96]",
				    "[10.5.7.26]",
				    "[5.7.509.1]",
				    "[2001:db8::5:7:26]",
				    "[2001:DB8::ABCD]",
				    "[::ffff:5.7.27.9]",
				    "[]",
				    "[spam]",
				    "[DKIM]",
				    "[1.2.3.4",
				    "[1111:2222:3333:4444:5555:6666:7777:8888:9999:aaaa:bbbb:cccc:dddd:eeee:ffff:0]",
				    "[1.2.3.4] [5.7.26]",
				    "[127.0.0.1]:10025",
				    ""};
static const char *const replies[] = {
    " said: 550 5.1.1 user unknown (in reply to RCPT TO command)",
    " said: 552 5.7.0 message blocked (in reply to end of DATA command)",
    " said: 551 virus infected mail rejected (in reply to end of DATA command)",
    " said: 550-5.7.26 This mail is unauthenticated and has been blocked",
    " said: 554 5.7.1 sender has poor reputation",
    " said: 550 5.7.509 Access denied, DMARC policy; spam",
    " said: 550 SPF check failed, listed on a blocklist",
    " said: 554 Spam detected",
    " said: 550 5.7.1 [5.7.26] blocked",
    " said: 550 ok",
    " said: 421 4.7.0 Try again later, see https://spam.example.org/blocked",
    " said: 550 rejected as spam, see https://spam.example.org/blocked",
    ": Connection refused",
    " said: 550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking "
    "the recipient's email address for typos or unnecessary spaces. Learn more at https://support.example/mail/?p=NoSuchUser "
    "and then some more words so that the text is longer than the key the memo keeps, spam at its end"};

TEST(content_memo_same_as_search)
{
	uint64_t seed = 0x243f6a8885a308d3ULL;
	unsigned differ = 0, asked = 0;
	char text[1024];
	for (int it = 0; it < 60000; it++) {
		size_t n = 0;
		const char *parts[3] = {hosts[tap_rnd(&seed) % (sizeof hosts / sizeof hosts[0])],
					addrs[tap_rnd(&seed) % (sizeof addrs / sizeof addrs[0])],
					replies[tap_rnd(&seed) % (sizeof replies / sizeof replies[0])]};
		for (int k = 0; k < 3; k++) {
			size_t pn = strlen(parts[k]);
			memcpy(text + n, parts[k], pn);
			n += pn;
		}
		/* now and then a byte changed: the memo's compare of every byte */
		if (n && tap_rnd(&seed) % 8 == 0)
			text[tap_rnd(&seed) % n] = "s5.[]:aX"[tap_rnd(&seed) % 8];
		char *r = malloc(n + 1);
		memcpy(r, text, n);
		r[n] = 0;
		bool a = analysis_content_reject(r), b = analysis_content_reject_plain(r);
		asked++;
		if (a != b && differ++ < 5)
			test_fail(__FILE__, __LINE__, "%s: kept %d, searched %d", r, a, b);
		free(r);
	}
	CHECK_INT(differ, 0);
	CHECK_INT(asked, 60000);
	/* by hand: the same reply from an address that holds a word */
	CHECK(analysis_content_reject("host x[1.2.3.4] said: 550 spam"));
	CHECK(!analysis_content_reject("host x[10.5.7.26] said: 550 spam"));
	CHECK(analysis_content_reject("host x[1.2.3.4] said: 550 spam"));
	CHECK(!analysis_content_reject("host x[5.7.509.1] said: 550 spam"));
	CHECK(!analysis_content_reject("host x[1.2.3.4] said: 550 ok"));
	CHECK(analysis_content_reject("host x[spam] said: 550 ok"));
	CHECK(analysis_content_reject("host x[spam said: 550 ok"));
}

/* a content word counts in the reply's prose, not in the server's name
 * nor in a link the reply gives */
TEST(content_reject_words_not_in_names_or_links)
{
	CHECK(analysis_content_reject_plain("host mx.example.net[203.0.113.5] said: 550 5.7.1 rejected as spam"));
	CHECK(analysis_content_reject_plain("host mx.example.net[203.0.113.5] said: 554 Spam detected"));
	CHECK(!analysis_content_reject_plain("host mx.antispam.example.net[203.0.113.5] said: 451 4.3.0 "
					     "Internal error (in reply to end of DATA command)"));
	CHECK(!analysis_content_reject_plain("host mx.example.net[203.0.113.5] said: 421 4.7.0 Try again "
					     "later, see https://spam.example.org/blocked"));
	CHECK(analysis_content_reject_plain("host mx.antispam.example.net[203.0.113.5] said: 550 5.7.1 "
					    "blocked, see https://spam.example.org/"));
	CHECK(analysis_content_reject("host mx.antispam.example.net[203.0.113.6] said: 550 5.1.1 no such user") ==
	      analysis_content_reject_plain("host mx.antispam.example.net[203.0.113.6] said: 550 5.1.1 no such user"));
}
