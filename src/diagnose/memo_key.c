/*
 * memo_key.c - rules.c's memo key: a text without the addresses inside
 * "[...]", and which tables' needles allow it (memo_key.h says why the
 * answer stays the same).
 */
#include "memo_key.h"
#include "needles.h"

#include <string.h>

/* addr_byte - a byte of an IPv4 or IPv6 address, lowered */
static bool addr_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '.' || c == ':';
}

/* addr_any_case - addr_byte(lower(c)) as one load (the insides' scan) */
static const bool addr_any_case[256] = {
    ['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true, ['5'] = true,
    ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true, ['a'] = true, ['b'] = true,
    ['c'] = true, ['d'] = true, ['e'] = true, ['f'] = true, ['A'] = true, ['B'] = true,
    ['C'] = true, ['D'] = true, ['E'] = true, ['F'] = true, ['.'] = true, [':'] = true};

/* the keyers' versions: one counter for all, so that a keyer filled again
 * (the tests fill one in place) never meets an answer of its old needles */
static uint64_t keyer_versions;

/* memo_key_needle - what one needle allows (memo_key.h) */
bool memo_key_needle(struct memo_keyer *ky, const char *s)
{
	if (!s || !*s)
		return true;
	size_t n = strlen(s);
	bool all = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = lower((unsigned char)s[i]);
		/* a '[' followed by address bytes: they must end in the
		 * needle, at a byte that is no ']' ("[]", "[ADDR]" or the
		 * start of an inside) */
		if (c == '[') {
			size_t j = i + 1;
			while (j < n && addr_byte(lower((unsigned char)s[j])))
				j++;
			if (j == n ? j > i + 1 : s[j] == ']')
				return false;
		}
		/* a ']' after address bytes: they must start in the needle,
		 * after a byte that is no '[' */
		if (c == ']') {
			size_t j = i;
			while (j > 0 && addr_byte(lower((unsigned char)s[j - 1])))
				j--;
			if (j < i && (j == 0 || s[j - 1] == '['))
				return false;
		}
		all = all && addr_byte(c);
	}
	if (!all)
		return true;
	if (n > ADDR_MAX || ky->naddr == ADDR_NEEDLES)
		return false;
	for (size_t i = 0; i < n; i++)
		ky->low[ky->naddr][i] = (char)lower((unsigned char)s[i]);
	ky->addr[ky->naddr] = span_make(ky->low[ky->naddr], n);
	ky->first[(unsigned char)ky->low[ky->naddr][0]] |= 1ULL << ky->naddr;
	/* its second byte, or every byte for a one-byte needle (not a loop
	 * over the 256 for each: 0.2 M instructions a run, speed15) */
	if (n == 1)
		for (int c = 0; c < 256; c++)
			ky->second[c] |= 1ULL << ky->naddr;
	else
		ky->second[(unsigned char)ky->low[ky->naddr][1]] |= 1ULL << ky->naddr;
	ky->naddr++;
	ky->version = __atomic_add_fetch(&keyer_versions, 1, __ATOMIC_RELAXED);
	return true;
}

/* in_addr - does an address's inside hold one of the table's needles of
 * address bytes: at each byte, only the needles that start with it and
 * the next byte */
static bool in_addr(const struct memo_keyer *ky, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t b = ky->first[lower((unsigned char)p[i])];
		if (b && i + 1 < n)
			b &= ky->second[lower((unsigned char)p[i + 1])];
		while (b) {
			const struct span *a = &ky->addr[__builtin_ctzll(b)];
			b &= b - 1;
			size_t k = 1;
			while (k < a->n && i + k < n && lower((unsigned char)p[i + k]) == (unsigned char)a->p[k])
				k++;
			if (k == a->n)
				return true;
		}
	}
	return false;
}

/* the last insides looked at, with in_addr's answer: a log names the same
 * relays and clients again and again.  Per thread, as rules.c's memo */
#define SEEN_SLOTS 8
struct addr_seen {
	uint64_t version;       /* the keyer's when the answer was given (the
				 * versions are one count: this names the keyer too) */
	uint8_t n;              /* 0: empty */
	bool holds;             /* in_addr's answer */
	char a[ADDR_MAX];
};
static _Thread_local struct addr_seen seen[SEEN_SLOTS];

/* in_addr_seen - in_addr, remembered for the same bytes and needles */
static bool in_addr_seen(const struct memo_keyer *ky, const char *p, size_t n)
{
	struct addr_seen *s = &seen[(n + 7u * (unsigned char)p[n - 1] + 3u * (unsigned char)p[n / 2]) % SEEN_SLOTS];
	if (s->n == n && s->version == ky->version && bytes_eq(s->a, p, n))
		return s->holds;
	bool holds = in_addr(ky, p, n);
	s->version = ky->version;
	s->n = (uint8_t)n;
	s->holds = holds;
	memcpy(s->a, p, n);
	return holds;
}

/* memo_key - the key for a text (memo_key.h) */
size_t memo_key(const struct memo_keyer *ky, struct span t, char *key, size_t cap)
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
		while (j < t.n && j - i <= ADDR_MAX && addr_any_case[(unsigned char)t.p[j]])
			j++;
		if (j == i || j - i > ADDR_MAX || j == t.n || t.p[j] != ']')
			continue;
		if (ky->naddr && in_addr_seen(ky, t.p + i, j - i))
			return 0;
		i = j;
	}
	return n;
}
