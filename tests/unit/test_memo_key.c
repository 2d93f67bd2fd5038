/*
 * test_memo_key.c - which needles let rules.c's memo key leave the
 * addresses in "[...]" out (memo_key.h), and that every rule table's
 * do; test_diagnose.c's diagnose_rules_memo_addresses holds the memo's
 * answers to the tables' with addresses in every text.
 */
#include "tap.h"

#include "diagnose/memo_key.h"
#include "diagnose/rules.h"

/* needle_allows - what memo_key_needle says of one needle alone */
static bool needle_allows(const char *s)
{
	static struct memo_keyer k;
	memset(&k, 0, sizeof k);
	return memo_key_needle(&k, s);
}

TEST(memo_key_needles)
{
	/* a '[' or ']' whose run of address bytes ends (or starts) in the
	 * needle at another byte: no inside can overlap it */
	CHECK(needle_allows("[CS01]"));
	CHECK(needle_allows("[cs02]"));
	CHECK(needle_allows("]:25:"));
	CHECK(needle_allows("x]"));
	CHECK(needle_allows("[x"));
	CHECK(needle_allows("a ["));
	CHECK(needle_allows("] said"));
	CHECK(needle_allows("Connection refused"));
	CHECK(needle_allows("5.7.26")); /* all address bytes: looked for in the insides */
	/* ones an inside could overlap, or that hold one */
	CHECK(!needle_allows("[]"));
	CHECK(!needle_allows("[1.2"));
	CHECK(!needle_allows("x[1.2"));
	CHECK(!needle_allows("1]"));
	CHECK(!needle_allows("1.2]:25"));
	CHECK(!needle_allows("a[1]"));
	CHECK(!needle_allows("[c5]"));
	CHECK(!needle_allows("[CAFE]x"));
	CHECK(!needle_allows("x[C"));
}

TEST(memo_key_leaves_addresses_out)
{
	static struct memo_keyer k;
	memset(&k, 0, sizeof k);
	CHECK(memo_key_needle(&k, "[CS01]"));
	CHECK(memo_key_needle(&k, "5.7.26"));
	k.mask = true;
	char key[64];
	size_t n = memo_key(&k, SPAN_LIT("host mx[192.0.2.7] said: [CS01] x"), key, sizeof key);
	CHECK(span_eqs(span_make(key, n), "host mx[] said: [CS01] x"));
	n = memo_key(&k, SPAN_LIT("host mx[2001:DB8::1] said: [CAFE] x"), key, sizeof key);
	CHECK(span_eqs(span_make(key, n), "host mx[] said: [] x"));
	/* an inside that holds a needle of address bytes: no key */
	CHECK_INT(memo_key(&k, SPAN_LIT("host mx[45.7.26.1] said: x"), key, sizeof key), 0);
	/* longer than the room: no key */
	CHECK_INT(memo_key(&k, SPAN_LIT("0123456789012345678901234567890123456789012345678901234567890123456789"),
			   key, sizeof key),
		  0);
}

/* every table's needles allow the key without addresses: a new needle
 * that did not ("[1", "a1]") would make the memo miss for each address,
 * as "[CS01]" did before memo_key_needle told a run of address bytes
 * that ends inside the needle from one that does not */
TEST(diagnose_rules_memo_masked)
{
	CHECK_INT(diag_rules_memo_masked(), 0xf);
}
