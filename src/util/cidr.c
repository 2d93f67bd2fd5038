/*
 * cidr.c - parse, compare and print IPv4/IPv6 addresses and prefixes.
 *
 * Input text is untrusted (log lines, command line, postconf output):
 * only what inet_pton accepts, optionally followed by "/LEN" in decimal,
 * is an address; everything else is refused.
 */
#include "cidr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* unmap - ::ffff:a.b.c.d becomes a.b.c.d (prefix length adjusted) */
static void unmap(struct cidr *c)
{
	static const unsigned char pfx[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	if (c->family != AF_INET6 || memcmp(c->a, pfx, sizeof pfx) != 0 || c->plen < 96)
		return;
	memmove(c->a, c->a + 12, 4);
	memset(c->a + 4, 0, 12);
	c->family = AF_INET;
	c->plen -= 96;
}

/* cidr_quad_text - the text inet_ntop(AF_INET) writes for the four
 * bytes q ("%u.%u.%u.%u", at most 15 bytes and a NUL, in out[16]),
 * without the formatted print under it (some 1 800 instructions an
 * address); its length (tests/unit/test_cidr.c holds it to inet_ntop) */
size_t cidr_quad_text(const unsigned char q[4], char out[16])
{
	char *o = out;
	for (int i = 0; i < 4; i++) {
		unsigned v = q[i];
		if (i)
			*o++ = '.';
		if (v >= 100)
			*o++ = (char)('0' + v / 100);
		if (v >= 10)
			*o++ = (char)('0' + v / 10 % 10);
		*o++ = (char)('0' + v % 10);
	}
	*o = 0;
	return (size_t)(o - out);
}

/* quad_part - one number of a dotted quad at *sp (1 to 3 digits, no
 * leading zero, at most 255; a NUL ends the text) into *out, *sp moved
 * past it */
static inline bool quad_part(const unsigned char **sp, unsigned char *out)
{
	const unsigned char *s = *sp;
	unsigned v = (unsigned)*s - '0', d;
	if (v > 9)
		return false;
	s++;
	if ((d = (unsigned)*s - '0') <= 9) {
		if (!v) /* a leading zero */
			return false;
		v = v * 10 + d;
		s++;
		if ((d = (unsigned)*s - '0') <= 9) {
			v = v * 10 + d;
			s++;
			if (v > 255)
				return false;
		}
	}
	*out = (unsigned char)v;
	*sp = s;
	return true;
}

/* cidr_dotted_quad - p[0..n) in the one form inet_pton (and inet_ntop)
 * takes an IPv4 address: four numbers 0-255 without leading zeros,
 * dots between, nothing else; its four bytes.  What it refuses may
 * still be an address of another form (IPv6, ::ffff:a.b.c.d): ask
 * inet_pton.  Most addresses of a log are read here, without the copy
 * and the library call (tests/unit/test_cidr.c holds it to inet_pton). */
bool cidr_dotted_quad(const char *p, size_t n, unsigned char out[4])
{
	if (n < 7 || n > 15)
		return false;
	/* the text copied with a NUL after it (two fixed-size copies that
	 * overlap): the bytes are then read with no end to test at each */
	unsigned char b[16];
	if (n >= 8) {
		memcpy(b, p, 8);
		memcpy(b + n - 8, p + n - 8, 8);
	} else {
		memcpy(b, p, 4);
		memcpy(b + 3, p + 3, 4);
	}
	b[n] = 0;
	const unsigned char *s = b;
	if (!quad_part(&s, &out[0]) || *s++ != '.' || !quad_part(&s, &out[1]) || *s++ != '.' ||
	    !quad_part(&s, &out[2]) || *s++ != '.' || !quad_part(&s, &out[3]))
		return false;
	return s == b + n;
}

/* pton - inet_pton of a bounded copy, either family */
static bool pton(const char *s, size_t n, struct cidr *out)
{
	char tmp[INET6_ADDRSTRLEN + 1];
	if (n == 0 || n >= sizeof tmp)
		return false;
	memset(out, 0, sizeof *out);
	if (cidr_dotted_quad(s, n, out->a)) {
		out->family = AF_INET;
		out->plen = 32;
		return true;
	}
	memcpy(tmp, s, n);
	tmp[n] = 0;
	if (inet_pton(AF_INET, tmp, out->a) == 1) {
		out->family = AF_INET;
		out->plen = 32;
		return true;
	}
	if (inet_pton(AF_INET6, tmp, out->a) == 1) {
		out->family = AF_INET6;
		out->plen = 128;
		return true;
	}
	return false;
}

/* cidr_maxlen - 32 or 128 */
unsigned cidr_maxlen(const struct cidr *c)
{
	return c->family == AF_INET ? 32 : 128;
}

/* cidr_addr - one address exactly as inet_pton reads it, as a /32 or /128 */
bool cidr_addr(const char *s, struct cidr *out)
{
	if (!s || !pton(s, strlen(s), out))
		return false;
	unmap(out);
	return true;
}

/* cidr_mask - shorten to plen bits, clearing the host bits */
void cidr_mask(struct cidr *c, unsigned plen)
{
	unsigned max = cidr_maxlen(c);
	if (plen > max)
		plen = max;
	c->plen = plen;
	for (unsigned bit = plen; bit < max; bit++)
		c->a[bit / 8] &= (unsigned char)~(0x80u >> (bit % 8));
}

/* cidr_parse - "addr", "addr/len", "[v6]" or "[v6]/len" (Postfix style);
 * host bits are cleared and reported through *host_bits */
bool cidr_parse(const char *s, struct cidr *out, bool *host_bits)
{
	if (host_bits)
		*host_bits = false;
	if (!s)
		return false;
	size_t n = strlen(s);
	const char *slash = memchr(s, '/', n);
	size_t alen = slash ? (size_t)(slash - s) : n;
	const char *a = s;
	if (alen >= 2 && a[0] == '[' && a[alen - 1] == ']') {
		a++;
		alen -= 2;
		if (memchr(a, ':', alen) == NULL)
			return false;   /* brackets are for IPv6 only */
	}
	if (!pton(a, alen, out))
		return false;
	unsigned max = cidr_maxlen(out);
	unsigned plen = max;
	if (slash) {
		const char *d = slash + 1;
		size_t dn = n - alen - (size_t)(a != s ? 2 : 0) - 1;
		if (dn == 0 || dn > 3)
			return false;
		plen = 0;
		for (size_t i = 0; i < dn; i++) {
			if (d[i] < '0' || d[i] > '9')
				return false;
			plen = plen * 10 + (unsigned)(d[i] - '0');
		}
		if (plen > max)
			return false;
	}
	struct cidr full = *out;
	cidr_mask(out, plen);
	if (host_bits)
		*host_bits = memcmp(full.a, out->a, sizeof out->a) != 0;
	unmap(out);
	return true;
}

/* cidr_contains - is x (address or prefix) inside net */
bool cidr_contains(const struct cidr *net, const struct cidr *x)
{
	if (net->family != x->family || x->plen < net->plen)
		return false;
	/* x shortened to net's length (cidr_mask), compared with net: a
	 * byte at a time, not a bit at a time (it runs on every failed
	 * delivery, cidr_own_network) */
	unsigned max = cidr_maxlen(x), plen = net->plen < max ? net->plen : max;
	for (unsigned i = 0; i < 16; i++) {
		unsigned lo = i * 8;
		unsigned keep = lo >= max || lo + 8 <= plen ? 0xffu
				: lo >= plen		 ? 0u
							 : (0xff00u >> (plen - lo)) & 0xffu;
		if ((x->a[i] & keep) != net->a[i])
			return false;
	}
	return true;
}

/* cidr_overlaps - do two prefixes share any address */
bool cidr_overlaps(const struct cidr *x, const struct cidr *y)
{
	return cidr_contains(x, y) || cidr_contains(y, x);
}

/* cidr_cmp - IPv4 before IPv6, then by address, then shorter prefix first */
int cidr_cmp(const struct cidr *x, const struct cidr *y)
{
	if (x->family != y->family)
		return x->family == AF_INET ? -1 : 1;
	int c = memcmp(x->a, y->a, 16);
	if (c)
		return c < 0 ? -1 : 1;
	return x->plen == y->plen ? 0 : x->plen < y->plen ? -1 : 1;
}

/* cidr_format - inet_ntop text, with "/len" unless it is a single
 * address and always_len is false */
void cidr_format(const struct cidr *c, char *out, size_t n, bool always_len)
{
	char a[INET6_ADDRSTRLEN];
	if (!inet_ntop(c->family, c->a, a, sizeof a))
		a[0] = 0;
	if (always_len || c->plen != cidr_maxlen(c))
		snprintf(out, n, "%s/%u", a, c->plen);
	else
		snprintf(out, n, "%s", a);
}

/* cidr_special - why an address can never be a remote client worth
 * banning (loopback, link-local, multicast, unspecified), or NULL */
const char *cidr_special(const struct cidr *c)
{
	static const struct {
		const char *net, *why;
	} specials[] = {
	    {"127.0.0.0/8", "loopback"},      {"::1/128", "loopback"},
	    {"0.0.0.0/8", "unspecified"},     {"::/128", "unspecified"},
	    {"169.254.0.0/16", "link-local"}, {"fe80::/10", "link-local"},
	    {"224.0.0.0/4", "multicast"},     {"ff00::/8", "multicast"},
	    {"255.255.255.255/32", "broadcast"},
	};
	for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++) {
		struct cidr net;
		if (cidr_parse(specials[i].net, &net, NULL) && cidr_contains(&net, c))
			return specials[i].why;
	}
	return NULL;
}

/* the loopback networks a test plays the Internet from, and the site's
 * own networks, parsed once for the whole process: pthread_once, as the
 * feed's two threads may both ask first (feed/pipeline.c) */
enum { TEST_NETS_MAX = 8 };
static struct cidr test_nets[TEST_NETS_MAX];
static size_t test_nets_n;
static const char *const own_nets[] = {"127.0.0.0/8",   "10.0.0.0/8",  "172.16.0.0/12",
				       "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16",
				       "::1/128",       "fc00::/7",    "fe80::/10"};
enum { OWN_NETS = sizeof own_nets / sizeof own_nets[0] };
static struct cidr own_parsed[OWN_NETS];
static bool own_ok[OWN_NETS];
static uint32_t own_v4[OWN_NETS], own_v4_mask[OWN_NETS];   /* the IPv4 ones, as numbers */
static pthread_once_t nets_once = PTHREAD_ONCE_INIT;

/* v4_number - an IPv4 address as a number */
static uint32_t v4_number(const struct cidr *c)
{
	return (uint32_t)c->a[0] << 24 | (uint32_t)c->a[1] << 16 | (uint32_t)c->a[2] << 8 | c->a[3];
}

/* nets_parse - both tables ($POSTSLEUTH_TEST_BANNABLE, comma-separated
 * CIDRs inside 127.0.0.0/8; make e2e sets it, nothing else should) */
static void nets_parse(void)
{
	const char *e = getenv("POSTSLEUTH_TEST_BANNABLE");
	char buf[256];
	snprintf(buf, sizeof buf, "%s", e ? e : "");
	struct cidr lo;
	cidr_parse("127.0.0.0/8", &lo, NULL);
	char *save = NULL;
	for (char *t = strtok_r(buf, ", \t", &save); t && test_nets_n < TEST_NETS_MAX;
	     t = strtok_r(NULL, ", \t", &save))
		if (cidr_parse(t, &test_nets[test_nets_n], NULL) && cidr_contains(&lo, &test_nets[test_nets_n]))
			test_nets_n++;
	for (size_t i = 0; i < OWN_NETS; i++) {
		own_ok[i] = cidr_parse(own_nets[i], &own_parsed[i], NULL);
		if (own_ok[i] && own_parsed[i].family == AF_INET) {
			own_v4[i] = v4_number(&own_parsed[i]);
			own_v4_mask[i] = own_parsed[i].plen ? UINT32_MAX << (32 - own_parsed[i].plen) : 0;
		}
	}
}

/* test_internet - is a in a loopback network that a test on loopback
 * plays the Internet from */
static bool test_internet(const struct cidr *a)
{
	for (size_t i = 0; i < test_nets_n; i++)
		if (cidr_contains(&test_nets[i], a))
			return true;
	return false;
}

/* cidr_own - the address a (from cidr_addr) is loopback, private
 * (RFC 1918, RFC 6598), ULA or link-local: a network of the site itself */
bool cidr_own(const struct cidr *a)
{
	static const unsigned char zero[12];
	pthread_once(&nets_once, nets_parse);
	if (test_internet(a))
		return false;
	if (a->family == AF_INET && a->plen == 32 && !memcmp(a->a + 4, zero, sizeof zero)) {
		/* an IPv4 address (what cidr_addr gives): as cidr_contains,
		 * a compare per network rather than a loop over 16 bytes */
		uint32_t x = v4_number(a);
		for (size_t i = 0; i < OWN_NETS; i++)
			if (own_ok[i] && own_parsed[i].family == AF_INET && (x & own_v4_mask[i]) == own_v4[i])
				return true;
		return false;
	}
	for (size_t i = 0; i < OWN_NETS; i++)
		if (own_ok[i] && cidr_contains(&own_parsed[i], a))
			return true;
	return false;
}

/* cidr_masked_own - the text is an IPv4 address of loopback or a private
 * network (10/8, 172.16/12, 192.168/16, 127/8) with its last octets typed
 * over before pasting ("192.168.xx.xx", "10.0.x.x", "172.17.0.*"): what
 * is left shows a host of the site's own network.  The masked part holds
 * only mask characters, digits and dots, at least one mask character. */
bool cidr_masked_own(const char *p, size_t n)
{
	unsigned o[2] = {0, 0};
	size_t i = 0, k = 0;
	for (; k < 2; k++) {
		size_t d = 0;
		while (i < n && d < 3 && p[i] >= '0' && p[i] <= '9')
			o[k] = o[k] * 10 + (unsigned)(p[i++] - '0'), d++;
		if (!d || i >= n || p[i] != '.')
			break;
		i++;
	}
	size_t fixed = o[0] == 10 || o[0] == 127 ? 1 : (o[0] == 192 && o[1] == 168) ||
		      (o[0] == 172 && o[1] >= 16 && o[1] <= 31) ? 2 : 0;
	if (!fixed || k < fixed || n > 24)
		return false;
	bool mask = false;
	for (i = 0; i < n; i++) {
		char c = p[i];
		if (c == 'x' || c == 'X' || c == '*' || c == '#' || c == '?' || c == '_')
			mask = true;
		else if (!(c == '.' || (c >= '0' && c <= '9')))
			return false;
	}
	return mask;
}

/* the last text cidr_own_network answered, per thread (the rules ask on
 * the feed's reading thread, the analysis on the consumer's) */
#define OWN_SLOTS 64
static _Thread_local struct {
	uint8_t n; /* 0: none yet */
	bool own;
	char text[CIDR_STRLEN];
} own_last[OWN_SLOTS];

/* cidr_own_network - the address text p[0..n) is one of cidr_own's (or
 * such an address masked before pasting: cidr_masked_own).  The
 * same address is asked again and again in a row (a refusal's client, then
 * its session's verdict; deliveries deferred to one unreachable server: 77 %
 * of the example slice's asks, 45 % of the conformance slice's), and comes
 * back between others (a client's next refusal), so the last answer of
 * each slot of the text's last two bytes is kept with its text (speed13
 * kept the last one, speed15 one a slot; test_cidr_own_memo.c) */
bool cidr_own_network(const char *p, size_t n)
{
	char buf[CIDR_STRLEN];
	if (!n || n >= sizeof buf)
		return false;
	unsigned x = (unsigned char)p[n - 1], y = n > 1 ? (unsigned char)p[n - 2] : 0;
	unsigned slot = (x ^ (y << 2) ^ (y >> 4)) & (OWN_SLOTS - 1);
	if (n == own_last[slot].n && !memcmp(p, own_last[slot].text, n))
		return own_last[slot].own;
	memcpy(buf, p, n);
	buf[n] = 0;
	struct cidr a;
	bool own = cidr_addr(buf, &a) ? cidr_own(&a) : cidr_masked_own(p, n);
	memcpy(own_last[slot].text, p, n);
	own_last[slot].n = (uint8_t)n;
	own_last[slot].own = own;
	return own;
}

/* cidr_loopback_text - see cidr.h */
bool cidr_loopback_text(const char *p, size_t n)
{
	if (!p)
		return false;
	if (n >= 5 && !strncasecmp(p, "ipv6:", 5))
		p += 5, n -= 5;
	if (n >= 7 && !strncasecmp(p, "::ffff:", 7))
		p += 7, n -= 7;
	return (n >= 4 && !memcmp(p, "127.", 4)) || (n == 3 && !memcmp(p, "::1", 3));
}

/* cidr_container_name - see cidr.h.  Postfix shows a client's name only
 * when the name's own lookup gives the address back; a last label with
 * '_' is no top-level domain of the public DNS, so such a name came from
 * this host's own resolver (Docker's embedded DNS names a container
 * "container.network", Compose's networks "project_default",
 * "project_name-network"): one of the admin's own containers, whatever
 * its address (a Docker network may hand out global IPv6).  The name is
 * the client's text: bounded, at least one dot, the last label of
 * letters, digits, '-' and '_' only */
bool cidr_container_name(const char *p, size_t n)
{
	if (!p || n < 3 || n > 253)
		return false;
	size_t i = n;
	while (i > 0 && p[i - 1] != '.')
		i--;
	if (i < 2 || i == n)
		return false;
	bool underscore = false;
	for (size_t j = i; j < n; j++) {
		char c = p[j];
		if (c == '_')
			underscore = true;
		else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return underscore;
}
