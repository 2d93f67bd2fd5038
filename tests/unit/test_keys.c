/*
 * test_keys.c - diagnose/keys.c's diag_conn_host (the host a failed
 * delivery's text names) against its first version, which looked for
 * " said: " from each space and for "host " anywhere: random texts of
 * Postfix's words, hosts, addresses, ports and spaces.
 */
#include "tap.h"

#include <stdint.h>
#include "diagnose/rules_internal.h"
#include "parse/event.h"

/* token_ref - keys.c's diag_token */
static struct span token_ref(struct span s)
{
	size_t i = 0;
	while (i < s.n && !strchr(" :;,\"'()\t", s.p[i]))
		i++;
	return span_head(s, i);
}

/* conn_host_ref - diag_conn_host as it was */
static struct span conn_host_ref(const struct event *ev, struct span t)
{
	struct span said = span_find(t, " said: ");
	if (said.p)
		t = span_head(t, (size_t)(said.p - t.p));
	struct span c = span_find(t, "connect to ");
	if (c.p) {
		c = span_skip(c, 11);
		size_t i = 0;
		while (i < c.n && c.p[i] != '[' && c.p[i] != ':' && c.p[i] != ' ')
			i++;
		/* an IPv6 literal as the host: "connect to ::1[::1]:10024" */
		if (i < c.n && c.p[i] == ':') {
			size_t j = i;
			while (j < c.n && c.p[j] != '[' && c.p[j] != ' ')
				j++;
			if (j < c.n && c.p[j] == '[')
				i = j;
		}
		if (i && i < c.n && c.p[i] == '[') {
			/* keep the port: 127.0.0.1[...]:10024 -> 127.0.0.1:10024 */
			struct span host = span_head(c, i);
			ptrdiff_t rb = span_chr(c, ']');
			/* a UNIX socket: "connect to myhostname[private/dovecot-lmtp]" */
			struct span in = rb > (ptrdiff_t)i ? span_make(c.p + i + 1, (size_t)rb - i - 1) : SPAN_NULL;
			if (span_chr(in, '/') >= 0)
				return in;
			if (rb >= 0 && (size_t)rb + 1 < c.n && c.p[rb + 1] == ':') {
				struct span port = token_ref(span_skip(c, (size_t)rb + 2));
				if (port.n && !span_eqs(port, "25"))
					return span_make(host.p, (size_t)(port.p + port.n - host.p));
			}
			return host;
		}
		if (i)
			return token_ref(c);
	}
	struct span srv = span_find(t, "to server ");
	if (!srv.p && (srv = span_find(t, "failed; server ")).p)
		srv = span_skip(srv, 5); /* smtp_sasl_glue.c: "... failed; server HOST[ADDR] said" */
	if (srv.p) {
		srv = span_skip(srv, 10);
		size_t i = 0;
		while (i < srv.n && srv.p[i] != '[' && srv.p[i] != ' ' && srv.p[i] != ':')
			i++;
		if (i)
			return span_head(srv, i);
	}
	struct span h = span_find(t, "host ");
	if (h.p && h.p == t.p) {
		h = span_skip(h, 5);
		size_t i = 0;
		while (i < h.n && h.p[i] != '[' && h.p[i] != ' ')
			i++;
		if (i)
			return span_head(h, i);
	}
	if (ev->relay_name.n && !span_eqs(ev->relay_name, "none"))
		return ev->relay_name;
	return SPAN_NULL;
}

TEST(conn_host_same_as_first_version)
{
	static const char *const parts[] = {
	    "host ", "mx.example.com", "[192.0.2.7]", "[::1]", "::1", " said: ", "said: ", " said:",
	    "said", " ", "  ", "connect to ", "to server ", "failed; server ", ":25", ":10024",
	    "[private/dovecot-lmtp]", "550 5.1.1 User unknown", ": Connection refused", "(in reply to RCPT TO command)",
	    "s", "d: ", "host", "x", "connect to", "to server", "failed;", " server ", "connect", "to ",
	    "o ", "r ", ": "};
	static char t[512];
	uint64_t rnd = 0x9E3779B97F4A7C15ULL;
	size_t bad = 0, named = 0;
	for (int i = 0; i < 200000; i++) {
		size_t n = 0;
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		for (int k = (int)(rnd % 9); k > 0; k--) {
			rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
			const char *p = parts[rnd % (sizeof parts / sizeof parts[0])];
			size_t len = strlen(p);
			if (n + len > sizeof t)
				break;
			memcpy(t + n, p, len);
			n += len;
		}
		struct event ev = {0};
		ev.relay_name = rnd >> 60 ? SPAN_LIT("relay.example.net") : rnd >> 59 ? SPAN_LIT("none") : SPAN_NULL;
		struct span want = conn_host_ref(&ev, span_make(t, n)), got = diag_conn_host(&ev, span_make(t, n));
		named += want.n > 0;
		if (got.p != want.p || got.n != want.n) {
			if (bad++ < 5)
				test_fail(__FILE__, __LINE__, "\"%.*s\": got \"%.*s\", want \"%.*s\"", (int)n, t,
					  (int)got.n, got.p ? got.p : "", (int)want.n, want.p ? want.p : "");
		}
	}
	CHECK_INT(bad, 0);
	CHECK(named > 50000);
}
