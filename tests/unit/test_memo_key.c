/*
 * test_memo_key.c - which needles let rules.c's memo key leave the
 * addresses in "[...]" out (memo_key.h), and that every rule table's
 * do; test_diagnose.c's diagnose_rules_memo_addresses holds the memo's
 * answers to the tables' with addresses in every text.
 */
#include "tap.h"

#include <stdlib.h>

#include "diagnose/memo_key.h"
#include "diagnose/rules.h"
#include "diagnose/rules_match.h"

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
	CHECK_INT(diag_rules_memo_masked(), (1 << MEMO__COUNT) - 1);
}

/* the key as memo_key made it before it kept the insides' answers: the
 * reference for memo_key_same_as_before */
static bool ref_addr_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '.' || c == ':';
}

static unsigned char ref_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static bool ref_in_addr(const struct memo_keyer *ky, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t a = 0; a < ky->naddr; a++) {
			size_t k = 0;
			while (k < ky->addr[a].n && i + k < n &&
			       ref_lower((unsigned char)p[i + k]) == (unsigned char)ky->addr[a].p[k])
				k++;
			if (k == ky->addr[a].n)
				return true;
		}
	return false;
}

static size_t ref_memo_key(const struct memo_keyer *ky, struct span t, char *key, size_t cap)
{
	size_t n = 0, i = 0;
	while (i < t.n) {
		const char *lb = ky->mask ? memchr(t.p + i, '[', t.n - i) : NULL;
		size_t to = lb ? (size_t)(lb - t.p) + 1 : t.n;
		if (to - i > cap - n)
			return 0;
		memcpy(key + n, t.p + i, to - i);
		n += to - i;
		i = to;
		if (!lb)
			break;
		size_t j = i;
		while (j < t.n && j - i <= ADDR_MAX && ref_addr_byte(ref_lower((unsigned char)t.p[j])))
			j++;
		if (j == i || j - i > ADDR_MAX || j == t.n || t.p[j] != ']')
			continue;
		if (ky->naddr && ref_in_addr(ky, t.p + i, j - i))
			return 0;
		i = j;
	}
	return n;
}

/* memo_key, which keeps the answers for the last insides per thread, gives
 * the keys the plain scan gives: random texts of addresses (needles in
 * them, upper-case hex, too long, unclosed) through keyers filled again
 * in place with other needles, as the tests above do */
TEST(memo_key_same_as_before)
{
	static const char *const parts[] = {
	    "host ", "mx.example.com", "[", "]", "192.0.2.7", "45.7.26.1", "10.5.1.1", "2001:DB8::5.2.2",
	    "2001:db8::1", "127.255.255.2", "CAFE", "cafe", "said: ", "550 5.7.26 x", " ", ".", ":",
	    "5.7.", "26", "0123456789abcdef0123456789abcdef0123456789abcdef", "[CS01]", "x", "4.3.5",
	    "[192.0.2.7]", "[45.7.26.1]", "[2001:DB8::5.2.2]", "[10.5.1.1]", "[CAFE]", "[127.255.255.2]",
	    "[192.0.2.7]", "[198.51.100.1]"};
	static const char *const sets[][4] = {{"5.7.26", "127.255.255.", NULL, NULL},
					      {"4.3.5", "5.1.1", "5.2.2", NULL},
					      {"[CS01]", NULL, NULL, NULL},
					      {"1", "a", "::", NULL}};
	static struct memo_keyer kys[2];
	static char t[400];
	uint64_t rnd = 0x2545F4914F6CDD1DULL;
	size_t bad = 0, keyed = 0, refused = 0;
	for (int i = 0; i < 300000; i++) {
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		if (i % 5000 == 0) { /* fill a keyer again, in place */
			struct memo_keyer *k = &kys[(i / 5000) % 2];
			memset(k, 0, sizeof *k);
			for (int j = 0; j < 4 && sets[(i / 10000) % 4][j]; j++)
				memo_key_needle(k, sets[(i / 10000) % 4][j]);
			k->mask = true;
		}
		const struct memo_keyer *k = &kys[rnd >> 63];
		size_t n = 0;
		for (int p = (int)(rnd % 12); p > 0; p--) {
			rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
			const char *s = parts[rnd % (sizeof parts / sizeof parts[0])];
			size_t len = strlen(s);
			if (n + len > sizeof t)
				break;
			memcpy(t + n, s, len);
			n += len;
		}
		char a[128], b[128];
		size_t cap = rnd % 7 ? sizeof a : 24;
		size_t got = memo_key(k, span_make(t, n), a, cap), want = ref_memo_key(k, span_make(t, n), b, cap);
		keyed += want > 0 && want < n;
		refused += want == 0 && n > 0;
		if (got != want || memcmp(a, b, got)) {
			if (bad++ < 5)
				test_fail(__FILE__, __LINE__, "\"%.*s\": got %zu \"%.*s\", want %zu \"%.*s\"", (int)n, t,
					  got, (int)got, a, want, (int)want, b);
		}
	}
	CHECK_INT(bad, 0);
	CHECK(keyed > 10000);
	CHECK(refused > 10000);
}

/* memo_key_needle's tables of first and second bytes (speed15: a needle
 * of two bytes or more sets its second byte's bit alone, not through a
 * loop over the 256) are those the former loop made: random needles of
 * address bytes, one to nine bytes, in both cases, each in a heap buffer
 * of its own size; every table is then rebuilt the former way from the
 * needles kept and compared */
TEST(memo_key_needle_tables)
{
	static const char bytes[] = "0123456789abcdefABCDEF.:";
	static struct memo_keyer k;
	uint64_t rnd = 0x9E3779B97F4A7C15ULL;
	size_t bad = 0, ones = 0;
	for (int round = 0; round < 3000; round++) {
		memset(&k, 0, sizeof k);
		int count = 1 + round % 70; /* past ADDR_NEEDLES: refused, nothing set */
		for (int j = 0; j < count; j++) {
			rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
			size_t n = 1 + rnd % 9;
			ones += n == 1;
			char *s = malloc(n + 1);
			for (size_t i = 0; i < n; i++) {
				rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
				s[i] = bytes[rnd % (sizeof bytes - 1)];
			}
			s[n] = 0;
			memo_key_needle(&k, s);
			free(s);
		}
		uint64_t first[256] = {0}, second[256] = {0};
		for (size_t a = 0; a < k.naddr; a++) {
			first[(unsigned char)k.low[a][0]] |= 1ULL << a;
			for (int c = 0; c < 256; c++)
				if (k.addr[a].n == 1 || (unsigned char)k.low[a][1] == c)
					second[c] |= 1ULL << a;
		}
		if (memcmp(first, k.first, sizeof first) || memcmp(second, k.second, sizeof second))
			if (bad++ < 3)
				test_fail(__FILE__, __LINE__, "round %d: %zu needles, tables differ", round, k.naddr);
	}
	CHECK_INT(bad, 0);
	CHECK(ones > 1000);
}
