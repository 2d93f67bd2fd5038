/*
 * test_hostile_text.c - the escaping of untrusted text (util/buf.c) and
 * the AUTH decoder (analyze/auth.c) on every byte and on the tricks a
 * client can play: terminal escape sequences, C1 controls, newlines and
 * NUL in base64 payloads, invalid or overlong UTF-8, bidi overrides.
 */
#include "tap.h"

#include <stdlib.h>
#include "analyze/auth.h"
#include "util/buf.h"

/* term - buf_term of n bytes, as a NUL-terminated static string */
static const char *term(const char *p, size_t n)
{
	static char out[4096];
	struct buf b = {0};
	buf_term(&b, span_make(p, n));
	size_t k = b.n < sizeof out - 1 ? b.n : sizeof out - 1;
	memcpy(out, b.p ? b.p : "", k);
	out[k] = 0;
	buf_free(&b);
	return out;
}

/* json - buf_json of n bytes, as a NUL-terminated static string */
static const char *json(const char *p, size_t n)
{
	static char out[4096];
	struct buf b = {0};
	buf_json(&b, span_make(p, n));
	size_t k = b.n < sizeof out - 1 ? b.n : sizeof out - 1;
	memcpy(out, b.p, k);
	out[k] = 0;
	buf_free(&b);
	return out;
}

#define S(lit) lit, sizeof(lit) - 1

/* every single byte: printable ASCII as is, nothing else raw */
TEST(hostile_text_every_byte)
{
	for (int c = 0; c < 256; c++) {
		char in = (char)c;
		const char *t = term(&in, 1);
		for (const unsigned char *q = (const unsigned char *)t; *q; q++)
			if (*q < 0x20 || *q >= 0x7f)
				test_fail(__FILE__, __LINE__, "byte 0x%02x gave 0x%02x", c, *q);
		const char *j = json(&in, 1);
		for (const unsigned char *q = (const unsigned char *)j; *q; q++)
			if (*q < 0x20 || *q >= 0x7f)
				test_fail(__FILE__, __LINE__, "json byte 0x%02x gave 0x%02x", c, *q);
	}
}

struct tcase {
	const char *in;
	size_t n;
	const char *term, *json;
};

/* the tricks, and what each writer makes of them */
TEST(hostile_text_tricks)
{
	static const struct tcase cases[] = {
	    {S("\x1b]0;title\x07"), "^[]0;title^G", "\"\\u001b]0;title\\u0007\""},
	    {S("\x1b[2J\x1b[31mred"), "^[[2J^[[31mred", "\"\\u001b[2J\\u001b[31mred\""},
	    {S("a\r\nFAKE"), "a^M^JFAKE", "\"a\\u000d\\u000aFAKE\""},
	    {S("nul\0byte"), "nul^@byte", "\"nul\\u0000byte\""},
	    {S("del\x7f\x08"), "del^?^H", "\"del\\u007f\\u0008\""},
	    {S("c1\xc2\x9b" "31m"), "c1?31m", "\"c1\xc2\x9b" "31m\""},
	    {S("bad\xff\xfe"), "bad??", "\"bad\\ufffd\\ufffd\""},
	    {S("overlong\xc0\xaf"), "overlong??", "\"overlong\\ufffd\\ufffd\""},
	    {S("surrogate\xed\xa0\x80"), "surrogate???", "\"surrogate\\ufffd\\ufffd\\ufffd\""},
	    {S("cut\xe2\x82"), "cut??", "\"cut\\ufffd\\ufffd\""},
	    {S("euro\xe2\x82\xac"), "euro\xe2\x82\xac", "\"euro\xe2\x82\xac\""},
	    {S("tab\there"), "tab here", "\"tab\\u0009here\""},
	    {S("quote\"back\\"), "quote\"back\\", "\"quote\\\"back\\\\\""},
	    /* bidi overrides and line separators reorder or split what is shown */
	    {S("rlo\xe2\x80\xae" "gpj.exe"), "rlo?gpj.exe", NULL},
	    {S("lri\xe2\x81\xa6x\xe2\x81\xa9"), "lri?x?", NULL},
	    {S("ls\xe2\x80\xa8ps\xe2\x80\xa9"), "ls?ps?", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct tcase *c = &cases[i];
		CHECK_STR(term(c->in, c->n), c->term);
		if (c->json)
			CHECK_STR(json(c->in, c->n), c->json);
	}
}

/* base64: bounded by the output capacity, stops on junk, marks cuts */
TEST(hostile_text_base64)
{
	unsigned char out[8];
	bool tr;
	CHECK_INT(base64_decode(span_of("AGFsaWNlAHNlY3JldA=="), out, sizeof out, &tr), 8);
	CHECK(tr); /* 13 bytes did not fit in 8 */
	CHECK_INT(base64_decode(span_of("YWJj"), out, sizeof out, &tr), 3);
	CHECK(!tr);
	CHECK_INT(base64_decode(span_of("YWJ"), out, sizeof out, &tr), 2);
	CHECK(tr);
	CHECK_INT(base64_decode(span_of("YW\x1b[31m"), out, sizeof out, &tr), 1);
	CHECK(tr);
	CHECK_INT(base64_decode(span_of(""), out, sizeof out, &tr), 0);
	CHECK(!tr);
	CHECK_INT(base64_decode(span_make(NULL, 0), out, 0, &tr), 0);
}

/* AUTH payloads that decode to escapes, newlines and NUL stay inside
 * their fixed, terminated fields */
TEST(hostile_text_auth_fields)
{
	struct dialogue_line d[] = {
	    {'<', false, (char *)"AUTH PLAIN AHVzZXIbWzMxbQpGQUtFDQBwdxtdMDt4Bwh/", false},
	    {'<', false, (char *)"AUTH LOGIN", false},
	    {'>', false, (char *)"334 VXNlcm5hbWU6", false},
	    {'<', false, (char *)"Ym9iG1sxQRtbMksKRkFLRQ==", false},
	    {'>', false, (char *)"334 UGFzc3dvcmQ6", false},
	    {'<', false, (char *)"eA0KRkFLRQAbWzBt", false},
	    {'<', false, (char *)"AUTH PLAIN", false},
	    {'<', false, (char *)"*", false},
	    {'<', false, (char *)"auth plain QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB", false},
	};
	struct session s = {0};
	s.dialogue = d;
	s.ndialogue = sizeof d / sizeof d[0];
	struct auth_try t[AUTH_MAX_TRIES];
	size_t k = auth_from_dialogue(&s, t, AUTH_MAX_TRIES);
	CHECK_INT(k, 4);
	CHECK_STR(t[0].mech, "PLAIN");
	CHECK_STR(t[0].user, "user\x1b[31m\nFAKE\r");
	CHECK_STR(t[0].secret, "pw\x1b]0;x\x07\x08\x7f");
	CHECK_STR(t[1].mech, "LOGIN");
	CHECK_STR(t[1].user, "bob\x1b[1A\x1b[2K\nFAKE");
	CHECK_STR(t[1].secret, "x\r\nFAKE"); /* cut at the NUL */
	CHECK(t[1].have_secret);
	CHECK(!t[2].have_secret); /* cancelled with "*" */
	CHECK_INT(strlen(t[3].user), sizeof t[3].user - 1); /* capped, terminated */
	/* at most max tries, whatever the dialogue holds */
	CHECK_INT(auth_from_dialogue(&s, t, 2), 2);
	CHECK_STR(term(t[0].user, strlen(t[0].user)), "user^[[31m^JFAKE^M");
}
