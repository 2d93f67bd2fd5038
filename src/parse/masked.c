/*
 * masked.c - is the text Postfix logs between '[' and ']' an address, or
 * a placeholder typed over it?  Postfix puts there an IPv4 or IPv6
 * address (IPv6 perhaps after "IPv6:"), "unknown", nothing ("unknown[]")
 * or, for a delivery over a UNIX-domain socket, a path; anything else
 * was written by a person ("IP", "x.x.x.x", "XXX.XXX.XXX.XXX",
 * "1.2.3.xxx", "a.b.c.d", "REDACTED", "...").  What the inline test in
 * masked.h leaves goes through inet_pton on a bounded copy (no
 * allocation).
 * Untrusted input: any bytes, any length.
 */
#include "masked.h"

#include <arpa/inet.h>
#include <string.h>
#include <strings.h>

#define D ADDR_DIGIT
#define H ADDR_HEX
#define C ADDR_COLON
#define O ADDR_OTHER

/* addr_class - the class of each byte ('.' has none) */
const unsigned char addr_class[256] = {
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, 0, O,
	D, D, D, D, D, D, D, D, D, D, C, O, O, O, O, O,
	O, H, H, H, H, H, H, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, H, H, H, H, H, H, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
};

#undef D
#undef H
#undef C
#undef O

/* addr_is_masked_slow - what addr_is_masked cannot tell from the bytes'
 * classes: a path, "unknown", an address inet_pton reads, or a placeholder */
bool addr_is_masked_slow(struct span a)
{
	if (span_chr(a, '/') >= 0 || span_eqs(a, "unknown"))
		return false; /* a socket path, Postfix's own "unknown" */
	if (a.n > 5 && strncasecmp(a.p, "IPv6:", 5) == 0)
		a = span_skip(a, 5); /* tlsproxy's, the smtp client's "[IPv6:2001:db8::7]" */
	char buf[64];
	unsigned char bin[16];
	if (a.n >= sizeof buf || memchr(a.p, 0, a.n))
		return true;
	memcpy(buf, a.p, a.n);
	buf[a.n] = 0;
	char *zone = strchr(buf, '%'); /* fe80::1%eth0 */
	if (zone && strchr(buf, ':'))
		*zone = 0;
	return inet_pton(AF_INET, buf, bin) != 1 && inet_pton(AF_INET6, buf, bin) != 1;
}
