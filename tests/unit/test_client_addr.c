/*
 * test_client_addr.c - a client's address as text (records.c,
 * client_addr) from the per-thread table of texts formatted before, or
 * seeded with the log's text when the client was looked up, is the text
 * inet_ntop writes: random addresses of a few pools (so that entries are
 * hit, replaced and hit again), IPv4 and IPv6, "::ffff:a.b.c.d" beside the
 * IPv4 address of the same 16 bytes, texts that are not inet_ntop's form,
 * asked in the order they come and again for clients seen before.
 */
#include "tap.h"
#include "analyze/records.h"

#include <arpa/inet.h>
#include <stdio.h>

static uint64_t rnd_state = 0x8A5CD789635D2DFFULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/* make_addr - one address text of the pools */
static void make_addr(char *t, size_t cap)
{
	unsigned a = (unsigned)(rnd() % 4), b = (unsigned)(rnd() % 256), c = (unsigned)(rnd() % 3);
	unsigned d = (unsigned)(rnd() % 256);
	switch (rnd() % 8) {
	case 0:
	case 1: /* a small pool: hits */
		snprintf(t, cap, "192.0.%u.%u", a, d % 40);
		break;
	case 2: /* any IPv4 address */
		snprintf(t, cap, "%u.%u.%u.%u", b, d, (unsigned)(rnd() % 256), (unsigned)(rnd() % 256));
		break;
	case 3: /* the same 16 bytes as an IPv4 address, written as IPv6 */
		snprintf(t, cap, "::ffff:192.0.%u.%u", a, d % 40);
		break;
	case 4:
		snprintf(t, cap, "2001:db8:%x::%x", c, d % 50);
		break;
	case 5: /* not inet_ntop's form: leading zeros, capitals, zeros written out */
		snprintf(t, cap, c == 0 ? "192.0.%u.0%u" : c == 1 ? "2001:DB8::%X" : "2001:db8:0:0:0:0:0:%x", a,
			 d % 40 + 1);
		if (c)
			snprintf(t, cap, c == 1 ? "2001:DB8::%X" : "2001:db8:0:0:0:0:0:%x", d % 40 + 10);
		break;
	case 6:
		snprintf(t, cap, "fe80::%x:%x", b, d);
		break;
	default:
		snprintf(t, cap, "%s", rnd() % 2 ? "unknown" : "");
	}
}

/* want - what client_addr wrote before its table: inet_ntop's text */
static void want(const struct client *c, char *t, size_t cap)
{
	t[0] = 0;
	if (c->kind == CA_V4)
		inet_ntop(AF_INET, c->addr + 12, t, (socklen_t)cap);
	else if (c->kind == CA_V6)
		inet_ntop(AF_INET6, c->addr, t, (socklen_t)cap);
	else
		snprintf(t, cap, "%.*s", (int)(cap - 1), client_addr(c).s); /* CA_TEXT: not from the table */
}

TEST(client_addr_same_as_ntop)
{
	struct analysis *a = analysis_new();
	static struct client seen[4096]; /* copies: client_addr reads the kind and the bytes */
	size_t nseen = 0;
	char t[64], w[300];
	unsigned bad = 0, v4 = 0, v6 = 0;
	for (int i = 0; i < 200000; i++) {
		const struct client *c;
		if (nseen && rnd() % 3 == 0) {
			/* one seen before, not looked up again: its entry may
			 * have gone to another address since */
			c = &seen[rnd() % (nseen < 4096 ? nseen : 4096)];
		} else {
			make_addr(t, sizeof t);
			c = records_client_get(a, span_of(t));
			if (!c)
				continue;
			seen[nseen++ % 4096] = *c;
		}
		v4 += c->kind == CA_V4;
		v6 += c->kind == CA_V6;
		want(c, w, sizeof w);
		const char *got = client_addr(c).s;
		if (strcmp(got, w) && bad++ < 5)
			test_fail(__FILE__, __LINE__, "kind %d: got \"%s\", want \"%s\"", c->kind, got, w);
	}
	CHECK_INT(bad, 0);
	CHECK(v4 > 10000 && v6 > 10000);
	analysis_free(a);
}
