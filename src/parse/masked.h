/*
 * masked.h - addresses that whoever pasted a log line typed over before
 * pasting it ("[IP]", "[x.x.x.x]", "[XXX.XXX.XXX.XXX]", "[1.2.3.xxx]",
 * "[IP.IP.IP.IP]", "[REDACTED]"): the line is still read, and the
 * address is taken as not shown, as Postfix's own "unknown[]" is, never
 * as a client address.  The common cases, an IPv4 address and an IPv6
 * one, are decided inline (this runs on most lines); the rest in
 * masked.c.
 */
#ifndef POSTSLEUTH_MASKED_H
#define POSTSLEUTH_MASKED_H

#include "../util/span.h"

/* byte classes of an address: digit, hex letter, colon, anything else */
enum { ADDR_DIGIT = 1, ADDR_HEX = 2, ADDR_COLON = 4, ADDR_OTHER = 8 };
extern const unsigned char addr_class[256];

bool addr_is_masked_slow(struct span addr);

/* addr_outside - the high bit of each byte of w that is not in '.'..'9'
 * (digits, '.' and '/': a path is no placeholder either) */
static inline uint64_t addr_outside(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL;
	return ((w - ones * '.') & ~w) | ((w + ones * (127 - '9')) | w);
}

/* addr_zero_padded - the first or last octet written with a leading
 * zero ("000.000.000.000", "010.0.0.1", "192.0.2.001"): Postfix prints
 * addresses with inet_ntop, which never pads; a person typed it.  The
 * middle octets are not asked: a loop over every byte cost about 70
 * instructions an address on most lines (1.4 M on the conformance
 * slice); the ends cost about 20 */
static inline bool addr_zero_padded(struct span a)
{
	if (a.n < 2)
		return false;
	if (a.p[0] == '0' && a.p[1] >= '0' && a.p[1] <= '9')
		return true;
	size_t i = a.n; /* back to the last octet's dot: at most 4 bytes */
	if (a.n >= 8) {
		/* the last '.' among the last five bytes, in one word (an
		 * exact test per byte: no borrow from one byte to the next);
		 * the loop below cost about 26 instructions an address */
		const uint64_t lows = 0x7F7F7F7F7F7F7F7FULL;
		uint64_t w = load_le64(a.p + a.n - 8) ^ 0x2E2E2E2E2E2E2E2EULL;
		uint64_t z = ~(((w & lows) + lows) | w) & 0x8080808080000000ULL;
		if (!z)
			return false;
		i = a.n - 8 + (size_t)((63 - __builtin_clzll(z)) >> 3) + 1;
	} else {
		while (i > 0 && i + 4 > a.n && a.p[i - 1] != '.')
			i--;
		if (!i || a.p[i - 1] != '.')
			return false;
	}
	return i + 1 < a.n && a.p[i] == '0' && a.p[i + 1] >= '0' && a.p[i + 1] <= '9';
}

/* addr_is_masked - addr (the text between the brackets) is a placeholder
 * typed over an address, rather than an address, "unknown", a socket
 * path or nothing.  An IPv4 address (up to 16 bytes of digits and dots)
 * is told in two word tests; the rest by a table lookup per byte. */
static inline bool addr_is_masked(struct span a)
{
	if (a.n - 1 < 16) {
		uint64_t w0, w1;
		if (a.n >= 8) {
			memcpy(&w0, a.p, 8);
			memcpy(&w1, a.p + a.n - 8, 8);
		} else {
			w0 = w1 = 0x3030303030303030ULL; /* '0' where the address is not */
			memcpy(&w0, a.p, a.n);
		}
		if (!((addr_outside(w0) | addr_outside(w1)) & 0x8080808080808080ULL) &&
		    a.p[0] != '.')
			/* digits and dots: an IPv4 address ("...": none), unless
			 * zero-padded by hand */
			return addr_zero_padded(a);
	}
	unsigned all = 0;
	for (size_t i = 0; i < a.n; i++)
		all |= addr_class[(unsigned char)a.p[i]];
	if (!a.n || ((all & (ADDR_OTHER | ADDR_DIGIT)) == ADDR_DIGIT &&
		     ((all & ADDR_COLON) || !(all & ADDR_HEX))))
		return false; /* "unknown[]", an IPv6 address */
	return addr_is_masked_slow(a);
}

#endif
