/*
 * test_needles.c - the rule tables' case-blind needles (needles.h): a
 * needle with a digit at an edge is a number there, found only where no
 * digit adjoins it; other needles are plain substrings.
 */
#include "tap.h"

#include "diagnose/needles.h"

/* has - does text hold needle, as the rules ask it */
static bool has(const char *text, const char *needle)
{
	struct cneedle c;
	memset(&c, 0, sizeof c);
	needle_compile(&c, needle);
	struct folded f;
	fold(&f, span_make(text, strlen(text)));
	bool r = ci_has(&f, &c);
	fold_free(&f);
	return r;
}

TEST(needles_numbers_are_tokens)
{
	/* a status code is not found inside a longer one */
	CHECK(!has("550 5.2.121 Recipient's per hour message receive limit exceeded", "5.2.1"));
	CHECK(!has("550 5.7.606 Access denied, banned sending IP", "5.7.60"));
	CHECK(!has("554 5.2.252 SendAsDenied", "5.2.2"));
	CHECK(!has("x 15.2.1 y", "5.2.1"));
	/* ... but where it stands alone: mid-text, at either end, before
	 * punctuation, or after a first occurrence that was part of another */
	CHECK(has("550 5.2.1 The email account is disabled", "5.2.1"));
	CHECK(has("5.2.1", "5.2.1"));
	CHECK(has("dsn 5.2.1", "5.2.1"));
	CHECK(has("5.2.1 first", "5.2.1"));
	CHECK(has("(5.2.1)", "5.2.1"));
	CHECK(has("550 5.2.121 then 550 5.2.1 again", "5.2.1"));
	CHECK(has("550-5.7.26 DMARC", "5.7.26"));
	/* letters then digits: only the digit end counts, case-blind */
	CHECK(has("421 4.7.0 [tss04] Messages", "TSS04"));
	CHECK(!has("421 TSS041 x", "TSS04"));
	CHECK(has("xTSS04 x", "TSS04"));
	/* digits then letters: only the start counts */
	CHECK(has("Error: 127.255.255.254 is an error code", "127.255.255."));
	CHECK(!has("Error: 1127.255.255.254", "127.255.255."));
	/* no digit at an edge: a plain substring, as before */
	CHECK(has("x[CS01]9", "[CS01]"));
	CHECK(has("barracudanetworks", "danet"));
	CHECK(has("RFC5322 header", "RFC5322"));
	CHECK(!has("RFC53221", "RFC5322"));
}

/* a "~word" needle is prose: not found in a URL or a host name the reply
 * points to, found anywhere else (the content row's "spam", "virus") */
TEST(needles_prose_words_skip_urls_and_hosts)
{
	CHECK(has("550 5.7.1 Message rejected as spam", "~spam"));
	CHECK(has("550 5.7.1 Looks like SPAM.", "~spam"));
	CHECK(has("550 High probability of spam: see https://help.example.org/x", "~spam"));
	CHECK(has("554 X-Spam-Flag: YES", "~spam"));
	CHECK(has("554 spam/virus detected", "~spam"));
	CHECK(has("550 5.7.1 spam.detected", "~spam"));       /* no top-level label of 2-6 letters */
	CHECK(has("550 rejected by spam.", "~spam"));
	CHECK(has("550 see example.spam", "~spam"));          /* the name's end, not inside it */
	CHECK(!has("421 4.7.0 Try again later (EHLO) https://mailspamprotection.example.net", "~spam"));
	CHECK(!has("421 see http://www.example.org/antispam/faq.html", "~spam"));
	CHECK(!has("451 visit www.antispam.example.net", "~spam"));
	CHECK(!has("554 see antispam.example.org for details", "~spam"));
	CHECK(!has("554 see <https://spam.example.org/>", "~spam"));
	CHECK(!has("554 (antivirus.example.com)", "~virus"));
	/* one occurrence in a URL, another in prose: found */
	CHECK(has("554 https://spam.example.org says: this is spam", "~spam"));
	/* without the mark, a plain substring as before */
	CHECK(has("421 https://mailspamprotection.example.net", "spam"));
	/* hostile text: the needle at either end, alone, or in a long token */
	CHECK(has("spam", "~spam"));
	CHECK(!has("a.spam.xy", "~spam"));
	CHECK(!has("://spam", "~spam"));
	char big[3000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = 0;
	memcpy(big + 1500, "spam", 4);
	CHECK(has(big, "~spam"));
	memcpy(big, "www.", 4);
	CHECK(!has(big, "~spam"));
}
