/*
 * test_conn_host_memo.c - diag_conn_host (diagnose/keys.c) keeps the last
 * text it read and where in it the host was named (speed14): the same
 * span (the same bytes of the same text, or the relay's name) as the
 * function without the memo, kept below, on texts of Postfix's words
 * ("connect to ", "host ", " said: ", "to server ", "failed; server "),
 * names, addresses, ports and sockets in random order, asked again in a
 * row, a byte changed, a byte less, with another relay name; each text
 * in a heap buffer of its own size.
 */
#include "tap.h"
#include "diagnose/rules_internal.h"
#include "parse/event.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the former code: diag_conn_host without the memo ---- */
/* ends_with - do the bytes of t up to and including its byte at b end
 * with the n bytes of w */
static inline bool ref_ends_with(struct span t, size_t b, const char *w, size_t n)
{
	return b + 1 >= n && !memcmp(t.p + b + 1 - n, w, n);
}

/* stop3 - the index of the first a, b or c in s, or s.n: the first a or
 * b a word at a time (the usual host name ends at its '['), then c before it */
static inline size_t ref_stop3(struct span s, char a, char b, char c)
{
	size_t i = (size_t)(span_scan2(s.p, s.p + s.n, a, b) - s.p);
	const char *q = i ? memchr(s.p, c, i) : NULL;
	return q ? (size_t)(q - s.p) : i;
}

/* diag_conn_host - the host of "connect to HOST[", or the relay name; only
 * Postfix's own words count, never the remote reply after " said: "
 * ("Refer to server log" is no host named "log") */
static struct span conn_host_ref(const struct event *ev, struct span t)
{
	/*
	 * One pass over the text's blanks: " said: ", "connect to ", "to
	 * server " and "failed; server " each end in a blank, so the first
	 * of each ends at the first blank that ends it (each is told by the
	 * byte before that blank).  The pass stops at the first " said: ",
	 * whose leading blank cuts the text: a word found before it counts
	 * only when it ends before that blank (the first of a word that does
	 * not is the only one it could have been).
	 */
	size_t cut = t.n, conn = SIZE_MAX, srv = SIZE_MAX, failed = SIZE_MAX;
	for (const char *p = t.p, *e = t.p + t.n; (p = span_scan(p, e, ' ')) < e; p++) {
		size_t b = (size_t)(p - t.p);
		if (!b)
			continue;
		char before = t.p[b - 1];
		if (before == ':' && ref_ends_with(t, b, " said: ", 7)) {
			cut = b - 6;
			break;
		}
		if (before == 'o' && conn == SIZE_MAX && ref_ends_with(t, b, "connect to ", 11))
			conn = b;
		else if (before == 'r' && srv == SIZE_MAX && ref_ends_with(t, b, "to server ", 10))
			srv = b;
		if (before == 'r' && failed == SIZE_MAX && ref_ends_with(t, b, "failed; server ", 15))
			failed = b;
	}
	t = span_head(t, cut);
	/* each kept as the offset of its first byte after the word, or unset */
	conn = conn < cut ? conn + 1 : SIZE_MAX;
	srv = srv < cut ? srv + 1 : SIZE_MAX;
	failed = failed < cut ? failed + 1 : SIZE_MAX;
	if (conn != SIZE_MAX) {
		struct span c = span_skip(t, conn);
		size_t i = ref_stop3(c, '[', ' ', ':');
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
				struct span port = diag_token(span_skip(c, (size_t)rb + 2));
				if (port.n && !span_eqs(port, "25"))
					return span_make(host.p, (size_t)(port.p + port.n - host.p));
			}
			return host;
		}
		if (i)
			return diag_token(c);
	}
	/* smtp_sasl_glue.c: "... failed; server HOST[ADDR] said" */
	size_t at = srv != SIZE_MAX ? srv : failed;
	if (at != SIZE_MAX) {
		struct span h = span_skip(t, at);
		size_t i = ref_stop3(h, '[', ' ', ':');
		if (i)
			return span_head(h, i);
	}
	if (span_starts(t, "host ")) {
		struct span h = span_skip(t, 5);
		size_t i = (size_t)(span_scan2(h.p, h.p + h.n, '[', ' ') - h.p);
		if (i)
			return span_head(h, i);
	}
	if (ev->relay_name.n && !span_eqs(ev->relay_name, "none"))
		return ev->relay_name;
	return SPAN_NULL;
}

/* ---- the test ---- */

static uint64_t rnd_state = 0xBB67AE8584CAA73BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

/* make - a text of up to eight random pieces */
static size_t make(char *out, size_t cap)
{
	static const char *const pieces[] = {
	    "connect to ", "host ", " said: ", "said: ", "to server ", "failed; server ", "connect to",
	    "mx.example.net", "::1", "127.0.0.1", "[", "]", "[203.0.113.7]", "[2001:db8::25]", ":25",
	    ":10024", ": ", " ", ";", ",", "\"", "private/dovecot-lmtp", "[private/rewrite]", "log",
	    "Connection timed out", "550 5.1.1 Refer to server log", "lost connection with ", "o", "r",
	    "SASL authentication failed; server "};
	size_t n = 0, np = 1 + rnd() % 8;
	for (size_t k = 0; k < np; k++) {
		const char *p = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
		size_t m = strlen(p);
		if (n + m >= cap)
			break;
		memcpy(out + n, p, m);
		n += m;
	}
	return n;
}

TEST(conn_host_same_as_unmemoised)
{
	static const char *const relays[] = {"", "none", "relay.example.org", "mx.example.net"};
	char text[600], prev[600];
	size_t prev_n = 0;
	size_t named = 0, fell = 0, asked = 0;
	struct event ev;
	memset(&ev, 0, sizeof ev);
	for (int i = 0; i < 300000; i++) {
		uint64_t r = rnd();
		size_t n;
		if (i && r % 4 != 0) { /* the one before again, most of the time */
			memcpy(text, prev, prev_n);
			n = prev_n;
			if ((r >> 8) % 8 == 0 && n) /* a byte less */
				n--;
			if ((r >> 12) % 8 == 0 && n) /* a byte changed */
				text[(r >> 16) % n] = "[]: ox"[(r >> 40) % 6];
		} else {
			n = make(text, sizeof text);
		}
		memcpy(prev, text, n);
		prev_n = n;
		const char *rl = relays[(r >> 44) % 4];
		ev.relay_name = span_make(rl, strlen(rl));
		char *h = malloc(n ? n : 1);
		if (!h)
			return;
		memcpy(h, text, n);
		struct span t = span_make(n ? h : NULL, n);
		struct span got = diag_conn_host(&ev, t), want = conn_host_ref(&ev, t);
		if (got.p != want.p || got.n != want.n) {
			test_fail(__FILE__, __LINE__, "ask %d \"%.*s\" relay \"%s\": got \"%.*s\" at %td, want \"%.*s\" at %td",
				  i, (int)n, h, rl, (int)got.n, got.p ? got.p : "", got.p ? got.p - h : -1,
				  (int)want.n, want.p ? want.p : "", want.p ? want.p - h : -1);
			free(h);
			return;
		}
		asked++;
		named += want.p >= h && want.p <= h + n;
		fell += want.p == rl;
		free(h);
	}
	/* both ways were taken often */
	CHECK(named > asked / 5);
	CHECK(fell > asked / 10);
}
