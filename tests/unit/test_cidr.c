/* test_cidr.c - addresses and prefixes for the ban lists: only what
 * inet_pton accepts, prefix arithmetic on the bytes. */
#include "tap.h"
#include <stdlib.h>
#include "util/cidr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* fmt - format helper for the checks */
static const char *fmt(const struct cidr *c, bool always)
{
	static char t[CIDR_STRLEN];
	cidr_format(c, t, sizeof t, always);
	return t;
}

TEST(cidr_addr_accepts_only_addresses)
{
	struct cidr c;
	CHECK(cidr_addr("192.0.2.1", &c));
	CHECK_INT(c.family, AF_INET);
	CHECK_INT(c.plen, 32);
	CHECK_STR(fmt(&c, false), "192.0.2.1");
	CHECK(cidr_addr("2001:DB8::1", &c));
	CHECK_STR(fmt(&c, false), "2001:db8::1");   /* written back by inet_ntop */
	CHECK_INT(c.plen, 128);
	static const char *const bad[] = {"", "unknown", "192.0.2", "192.0.2.256", "192.0.2.1 ",
					  " 192.0.2.1", "192.0.2.1;reboot", "192.0.2.1/24",
					  "(address not logged)", "1.2.3.4\n", "fe80::1%eth0",
					  "[2001:db8::1]", "0x7f.1.1.1", "01.2.3.4", NULL};
	for (int i = 0; bad[i]; i++)
		if (cidr_addr(bad[i], &c))
			test_fail(__FILE__, __LINE__, "cidr_addr accepted \"%s\"", bad[i]);
}

TEST(cidr_addr_unmaps_v4_mapped)
{
	struct cidr c;
	CHECK(cidr_addr("::ffff:198.51.100.7", &c));
	CHECK_INT(c.family, AF_INET);
	CHECK_STR(fmt(&c, false), "198.51.100.7");
}

TEST(cidr_parse_networks_postfix_style)
{
	struct cidr c;
	bool host;
	CHECK(cidr_parse("192.0.2.0/24", &c, &host));
	CHECK(!host);
	CHECK_STR(fmt(&c, false), "192.0.2.0/24");
	CHECK(cidr_parse("192.0.2.77/24", &c, &host));
	CHECK(host);                                 /* host bits cleared, and said */
	CHECK_STR(fmt(&c, false), "192.0.2.0/24");
	CHECK(cidr_parse("[::1]/128", &c, &host));   /* mynetworks writes IPv6 in brackets */
	CHECK_STR(fmt(&c, false), "::1");
	CHECK(cidr_parse("[::ffff:127.0.0.0]/104", &c, &host));
	CHECK_INT(c.family, AF_INET);
	CHECK_STR(fmt(&c, true), "127.0.0.0/8");
	CHECK(cidr_parse("2001:db8::/32", &c, NULL));
	CHECK_STR(fmt(&c, true), "2001:db8::/32");
	CHECK(cidr_parse("0.0.0.0/0", &c, NULL));
	CHECK_INT(c.plen, 0);
	static const char *const bad[] = {"192.0.2.0/33", "2001:db8::/129", "192.0.2.0/", "/24",
					  "192.0.2.0/2x", "192.0.2.0/-1", "[192.0.2.1]",
					  "hash:/etc/postfix/network_table", "192.0.2.0/0024",
					  "192.0.2.0/24/8", NULL};
	for (int i = 0; bad[i]; i++)
		if (cidr_parse(bad[i], &c, NULL))
			test_fail(__FILE__, __LINE__, "cidr_parse accepted \"%s\"", bad[i]);
}

TEST(cidr_contains_and_overlaps)
{
	struct cidr net, a, b, v6;
	CHECK(cidr_parse("198.51.100.0/24", &net, NULL));
	CHECK(cidr_addr("198.51.100.206", &a));
	CHECK(cidr_addr("198.51.101.1", &b));
	CHECK(cidr_parse("2001:db8::/64", &v6, NULL));
	CHECK(cidr_contains(&net, &a));
	CHECK(!cidr_contains(&net, &b));
	CHECK(!cidr_contains(&a, &net));
	CHECK(cidr_overlaps(&a, &net) && cidr_overlaps(&net, &a));
	CHECK(!cidr_overlaps(&net, &v6));
	struct cidr m = a;
	cidr_mask(&m, 24);
	CHECK(cidr_cmp(&m, &net) == 0);
	CHECK(cidr_cmp(&a, &v6) < 0);                /* IPv4 sorts first */
}

/* contains_by_mask - cidr_contains as it was written first: x shortened
 * to net's length with cidr_mask, then the 16 bytes compared */
static bool contains_by_mask(const struct cidr *net, const struct cidr *x)
{
	if (net->family != x->family || x->plen < net->plen)
		return false;
	struct cidr t = *x;
	cidr_mask(&t, net->plen);
	return memcmp(t.a, net->a, 16) == 0;
}

TEST(cidr_contains_as_by_mask)
{
	/* random pairs close to each other, host bits set or not, bytes past
	 * an IPv4 address set or not, every length */
	uint64_t r = 88172645463325252u;
	size_t wrong = 0, inside = 0;
	for (int k = 0; k < 200000; k++) {
		struct cidr net = {0}, x = {0};
		r ^= r << 13, r ^= r >> 7, r ^= r << 17;
		net.family = x.family = r & 1 ? AF_INET6 : AF_INET;
		if ((r >> 1 & 15) == 0)
			x.family = net.family == AF_INET ? AF_INET6 : AF_INET;
		unsigned max = net.family == AF_INET ? 32 : 128;
		net.plen = (unsigned)(r >> 8) % (max + 1);
		x.plen = (unsigned)(r >> 16) % (max + 1);
		if (r >> 24 & 1)
			x.plen = max;
		for (int i = 0; i < 16; i++) {
			r ^= r << 13, r ^= r >> 7, r ^= r << 17;
			net.a[i] = (unsigned char)r;
			x.a[i] = r >> 8 & 3 ? net.a[i] : (unsigned char)(r >> 16);
		}
		r ^= r << 13, r ^= r >> 7, r ^= r << 17;
		if (r & 1)
			cidr_mask(&net, net.plen);
		if (r & 2 && net.family == AF_INET)
			memset(net.a + 4, 0, 12), memset(x.a + 4, 0, 12);
		bool want = contains_by_mask(&net, &x);
		inside += want;
		if (cidr_contains(&net, &x) != want)
			wrong++;
	}
	CHECK_INT(wrong, 0);
	CHECK(inside > 1000);
}

TEST(cidr_special_ranges)
{
	struct cidr c;
	CHECK(cidr_addr("127.0.0.5", &c));
	CHECK_STR(cidr_special(&c), "loopback");
	CHECK(cidr_addr("::1", &c));
	CHECK_STR(cidr_special(&c), "loopback");
	CHECK(cidr_addr("::ffff:127.0.0.1", &c));
	CHECK_STR(cidr_special(&c), "loopback");
	CHECK(cidr_addr("fe80::1", &c));
	CHECK_STR(cidr_special(&c), "link-local");
	CHECK(cidr_addr("0.0.0.0", &c));
	CHECK_STR(cidr_special(&c), "unspecified");
	CHECK(cidr_addr("203.0.113.67", &c));
	CHECK(cidr_special(&c) == NULL);
}

TEST(cidr_dotted_quad_is_inet_pton)
{
	/* the fast IPv4 reading takes exactly what inet_pton takes, with the
	 * same bytes, on edge cases and on a million random strings */
	static const char *const edge[] = {"0.0.0.0", "255.255.255.255", "256.1.1.1", "1.2.3",
					   "1.2.3.4.", ".1.2.3.4", "1..2.3", "01.2.3.4", "1.2.3.04",
					   "1.2.3.0", "1.2.3.4 ", "1.2.3.1000", "1.2.3.999", "192.0.2.1",
					   "00.1.1.1", "1.2.3.4.5", "", "::1", NULL};
	const char alpha[] = "0123456789.:a ";
	char s[40];
	uint64_t r = 0x9e3779b97f4a7c15ULL;
	int wrong = 0, accepted = 0;
	for (int k = 0; k < 1000000 + 19; k++) {
		if (k < 19 && edge[k]) {
			snprintf(s, sizeof s, "%s", edge[k]);
		} else {
			/* 3 to 5 runs of 0 to 4 digits, dots between, now and then
			 * another byte: near misses of an address, and addresses */
			size_t n = 0;
			r ^= r << 13, r ^= r >> 7, r ^= r << 17;
			int parts = 3 + (int)(r % 3);
			for (int part = 0; part < parts; part++) {
				r ^= r << 13, r ^= r >> 7, r ^= r << 17;
				if (part)
					s[n++] = (r & 0xf00) ? '.' : alpha[(r >> 12) % (sizeof alpha - 1)];
				int digits = (int)(r % 5);
				for (int i = 0; i < digits; i++, r >>= 4)
					s[n++] = (char)('0' + (r >> 16) % 10 % ((r & 0xf000) ? 10 : 3));
			}
			s[n] = 0;
		}
		unsigned char a[4], b[4];
		bool fast = cidr_dotted_quad(s, strlen(s), a);
		bool lib = inet_pton(AF_INET, s, b) == 1;
		accepted += fast;
		if (fast != lib || (fast && memcmp(a, b, 4)))
			wrong++;
	}
	CHECK_INT(wrong, 0);
	CHECK(accepted > 1000);
}

TEST(cidr_quad_text_is_inet_ntop)
{
	/* every value in every place (the others random), then a million
	 * random addresses: the same text and its length */
	uint64_t r = 0x3c6ef372fe94f82bULL;
	int wrong = 0;
	for (int k = 0; k < 4 * 256 + 1000000; k++) {
		r ^= r << 13, r ^= r >> 7, r ^= r << 17;
		unsigned char q[4];
		memcpy(q, &r, 4);
		if (k < 4 * 256)
			q[k / 256] = (unsigned char)(k % 256);
		char fast[16], lib[INET_ADDRSTRLEN];
		memset(fast, 'x', sizeof fast);
		size_t n = cidr_quad_text(q, fast);
		if (!inet_ntop(AF_INET, q, lib, sizeof lib) || strcmp(fast, lib) || n != strlen(lib))
			wrong++;
	}
	CHECK_INT(wrong, 0);
}

TEST(cidr_own_v4_as_cidr_contains)
{
	/* cidr_own's compare per IPv4 network says what cidr_contains says */
	static const char *const nets[] = {"127.0.0.0/8",    "10.0.0.0/8",     "172.16.0.0/12",
					   "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"};
	static const unsigned char first[] = {10, 127, 172, 192, 100, 169, 8, 203};
	struct cidr net[6];
	for (int i = 0; i < 6; i++)
		CHECK(cidr_parse(nets[i], &net[i], NULL));
	uint64_t r = 0x2545f4914f6cdd1dULL;
	int wrong = 0, own = 0;
	for (int k = 0; k < 200000; k++) {
		r ^= r << 13, r ^= r >> 7, r ^= r << 17;
		char s[CIDR_STRLEN];
		snprintf(s, sizeof s, "%u.%u.%u.%u", first[r % 8], (unsigned)(r >> 8) & 0xff,
			 (unsigned)(r >> 16) & 0xff, (unsigned)(r >> 24) & 0xff);
		struct cidr a;
		CHECK(cidr_addr(s, &a));
		bool want = false;
		for (int i = 0; i < 6; i++)
			want |= cidr_contains(&net[i], &a);
		own += want;
		wrong += cidr_own(&a) != want || cidr_own_network(s, strlen(s)) != want;
	}
	CHECK_INT(wrong, 0);
	CHECK(own > 20000 && own < 180000);
	struct cidr a;
	CHECK(cidr_addr("::ffff:10.0.0.1", &a) && cidr_own(&a));
	CHECK(cidr_addr("fe80::1", &a) && cidr_own(&a));
	CHECK(cidr_addr("2001:db8::1", &a) && !cidr_own(&a));
	CHECK(cidr_parse("10.0.0.0/7", &a, NULL) && !cidr_own(&a));   /* a wider prefix is not inside */
}

/* a private or loopback IPv4 address with its last octets typed over
 * before pasting still shows the site's own network; a public one, a
 * placeholder without a visible private prefix, or other text does not */
TEST(cidr_masked_own_prefix)
{
	static const char *const own[] = {"192.168.xx.xx", "192.168.x.x", "10.0.x.x", "10.x.x.x",
					  "172.17.0.*", "172.31.XXX.XXX", "127.0.0.x"};
	static const char *const not_own[] = {"192.168.1.5", "x.x.x.x", "203.0.113.x", "172.32.x.x",
					      "172.15.x.x", "192.169.x.x", "192.168.xx.xx evil",
					      "10.0.0.0/8x", "", "192.168", "1000.x.x.x", "IP"};
	for (size_t i = 0; i < sizeof own / sizeof *own; i++) {
		CHECK(cidr_masked_own(own[i], strlen(own[i])));
		CHECK(cidr_own_network(own[i], strlen(own[i])));
	}
	for (size_t i = 0; i < sizeof not_own / sizeof *not_own; i++)
		CHECK(!cidr_masked_own(not_own[i], strlen(not_own[i])));
	/* exact-size heap copies: no byte past the text is read */
	static const char whole[] = "192.168.xx.xx";
	for (size_t n = 0; n <= sizeof whole - 1; n++) {
		char *p = malloc(n ? n : 1);
		memcpy(p, whole, n);
		(void)cidr_masked_own(p, n);
		free(p);
	}
}

/* a Docker container's name (its last label with '_', which no public
 * top-level domain has) is told from public names, single labels and
 * other text; no byte past the text is read */
TEST(cidr_container_name_docker_only)
{
	static const char *const yes[] = {
	    "mailcowdockerized_php-fpm-mailcow_1.mailcowdockerized_mailcow-network",
	    "groupware_1.mail_default", "web-1.shop_default"};
	static const char *const no[] = {"mail.example.com", "mx01.example.net", "unknown",
					 "project_default", ".a_b", "a_b.", "host.ex ample_x",
					 "evil.example.com_x/", "", "a.b_c[d]"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		CHECK(cidr_container_name(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		CHECK(!cidr_container_name(no[i], strlen(no[i])));
	CHECK(!cidr_container_name(NULL, 4));
	static const char whole[] = "web_1.shop_default";
	for (size_t n = 0; n <= sizeof whole - 1; n++) {
		char *q = malloc(n ? n : 1);
		memcpy(q, whole, n);
		(void)cidr_container_name(q, n);
		free(q);
	}
}

/* this host's own address as logs write it (127/8, ::1, an IPv4 loopback
 * address mapped into IPv6, with or without Postfix's "ipv6:"), and
 * nothing that only begins like one; read within the given length */
TEST(cidr_loopback_text_forms)
{
	static const char *const yes[] = {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1",
					  "::FFFF:127.0.0.2", "ipv6:::1", "IPv6:::ffff:127.0.0.1"};
	static const char *const no[] = {"", "12.7.0.0.1", "128.0.0.1", "::11", "::1:2",
					 "::ffff:10.0.0.1", "ipv6:", "::ffff:", "1127.0.0.1",
					 "2001:db8::1", "unknown"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		CHECK(cidr_loopback_text(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		CHECK(!cidr_loopback_text(no[i], strlen(no[i])));
	CHECK(!cidr_loopback_text(NULL, 3));
	/* the length bounds the read: "::1" cut to "::" is not loopback, and
	 * "127.0.0.1" cut to "127" neither */
	CHECK(!cidr_loopback_text("::1", 2));
	CHECK(!cidr_loopback_text("127.0.0.1", 3));
	static const char whole[] = "ipv6:::ffff:127.0.0.1";
	for (size_t n = 0; n <= sizeof whole - 1; n++) {
		char *q = malloc(n ? n : 1);
		memcpy(q, whole, n);
		CHECK(cidr_loopback_text(q, n) == (n >= 16));
		free(q);
	}
}
