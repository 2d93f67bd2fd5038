/*
 * cidr.h - IPv4/IPv6 addresses and prefixes in binary form, for the
 * ban lists and allow lists.
 *
 * Every address that reaches a ban list comes from a log line and is
 * untrusted: it is parsed here with inet_pton (nothing else is accepted)
 * and written back with inet_ntop, so what is written is always an
 * address, never the text that came in.  IPv4-mapped IPv6 addresses
 * (::ffff:a.b.c.d) become plain IPv4.  Prefix arithmetic works on the
 * bytes, never on strings.
 */
#ifndef POSTSLEUTH_CIDR_H
#define POSTSLEUTH_CIDR_H

#include <stdbool.h>
#include <stddef.h>

#define CIDR_STRLEN 64          /* longest "addr/len" text, NUL included */

struct cidr {
	int family;             /* AF_INET or AF_INET6 */
	unsigned char a[16];    /* network byte order; IPv4 uses a[0..3] */
	unsigned plen;          /* prefix length: 0..32 or 0..128 */
};

bool cidr_addr(const char *s, struct cidr *out);
bool cidr_parse(const char *s, struct cidr *out, bool *host_bits);
void cidr_mask(struct cidr *c, unsigned plen);
unsigned cidr_maxlen(const struct cidr *c);
bool cidr_contains(const struct cidr *net, const struct cidr *x);
bool cidr_overlaps(const struct cidr *x, const struct cidr *y);
int cidr_cmp(const struct cidr *x, const struct cidr *y);
void cidr_format(const struct cidr *c, char *out, size_t n, bool always_len);
const char *cidr_special(const struct cidr *c);
bool cidr_own(const struct cidr *a);
bool cidr_own_network(const char *p, size_t n);
/* cidr_loopback_text - the text of an address of this very host as logs
 * write it: 127.0.0.0/8, ::1, an IPv4 loopback address mapped into IPv6
 * (::ffff:127.x.y.z), each also with Postfix's "ipv6:" prefix; read on
 * the text (no leading zeros: Postfix and inet_ntop write none) */
bool cidr_loopback_text(const char *p, size_t n);
/* cidr_container_name - a client name that only a local resolver gives:
 * Docker's embedded DNS ("web_1.project_default"), its last label holding
 * '_' that no public top-level domain has */
bool cidr_container_name(const char *p, size_t n);
bool cidr_masked_own(const char *p, size_t n);
bool cidr_dotted_quad(const char *p, size_t n, unsigned char out[4]);
size_t cidr_quad_text(const unsigned char q[4], char out[16]);

#endif
