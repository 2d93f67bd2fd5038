/*
 * keys.c - what a finding's group is keyed by (struct rule's key kind):
 * the token after some words, a table's or a socket's path, the remote
 * host or its provider, the service, the client, the TLS failure's kind,
 * the network family.  Every key is a bounded copy out of untrusted text
 * (diag_copy_key).
 */
#include "rules.h"
#include "rules_internal.h"
#include "needles.h"
#include "../parse/masked.h"
#include "../parse/provider.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* is_stop - a byte that ends a key token */
static bool is_stop(char c)
{
	return c == ' ' || c == ':' || c == ';' || c == ',' || c == '"' || c == '\'' || c == '(' ||
	       c == ')' || c == '\t';
}

/* diag_token - the token at the start of s (up to a stop byte) */
struct span diag_token(struct span s)
{
	size_t i = 0;
	while (i < s.n && !is_stop(s.p[i]))
		i++;
	return span_head(s, i);
}

/* word - the word at the start of s, a trailing ':' or '.' dropped (so
 * that "inet:localhost:8891" stays whole and "465:" becomes "465") */
static struct span word(struct span s)
{
	size_t i = 0;
	while (i < s.n && s.p[i] != ' ' && s.p[i] != ';' && s.p[i] != ',' && s.p[i] != '"' &&
	       s.p[i] != '\'' && s.p[i] != '\t')
		i++;
	while (i && (s.p[i - 1] == ':' || s.p[i - 1] == '.'))
		i--;
	return span_head(s, i);
}

/* map_type - the table type in dict_open.c's "unsupported dictionary
 * type: T", mkmap_open.c's "unsupported map type: T" (before 3.12: "...
 * for this operation: T") and nbdb_surrogate.c's "Berkeley DB support for
 * 'T:/path' is not available ..." (Postfix 3.11 and later on a system
 * without Berkeley DB): the word after the first ": " that follows
 * "unsupported ", or the quoted name up to its ':' */
static struct span map_type(struct span t)
{
	static const char bdb[] = "Berkeley DB support for '";
	ptrdiff_t i = ci_find(t, bdb);
	if (i >= 0) {
		struct span name = word(span_skip(t, (size_t)i + sizeof bdb - 1));
		ptrdiff_t colon = span_chr(name, ':');
		return colon >= 0 ? span_head(name, (size_t)colon) : name;
	}
	i = ci_find(t, "unsupported ");
	if (i < 0)
		return SPAN_NULL;
	struct span rest = span_skip(t, (size_t)i);
	ptrdiff_t sep = ci_find(rest, ": ");
	return sep >= 0 ? word(span_skip(rest, (size_t)sep + 2)) : SPAN_NULL;
}

/* key_path - the first path-like token ("/..." or "private/...", the part
 * after a "type:" prefix), with a compiled table's suffix dropped so that
 * a table and its .db group together */
static struct span key_path(struct span t)
{
	for (size_t i = 0; i < t.n; i++) {
		bool start = !i || t.p[i - 1] == ' ' || t.p[i - 1] == ':' || t.p[i - 1] == '"';
		if (!start)
			continue;
		struct span rest = span_skip(t, i);
		bool path = rest.p[0] == '/' || span_starts(rest, "private/") || span_starts(rest, "public/");
		if (!path)
			continue;
		struct span k = diag_token(rest);
		static const char *const sufx[] = {".db", ".lmdb", ".cdb", ".dir", ".pag"};
		for (size_t j = 0; j < sizeof sufx / sizeof sufx[0]; j++)
			if (span_ends(k, sufx[j]) && k.n > strlen(sufx[j]) + 1) {
				k.n -= strlen(sufx[j]);
				break;
			}
		return k;
	}
	return SPAN_NULL;
}

/* ends_with - do the bytes of t up to and including its byte at b end
 * with the n bytes of w */
static inline bool ends_with(struct span t, size_t b, const char *w, size_t n)
{
	return b + 1 >= n && !memcmp(t.p + b + 1 - n, w, n);
}

/* stop3 - the index of the first a, b or c in s, or s.n: the first a or
 * b a word at a time (the usual host name ends at its '['), then c before it */
static inline size_t stop3(struct span s, char a, char b, char c)
{
	size_t i = (size_t)(span_scan2(s.p, s.p + s.n, a, b) - s.p);
	const char *q = i ? memchr(s.p, c, i) : NULL;
	return q ? (size_t)(q - s.p) : i;
}

/* conn_host_text - diag_conn_host's host as the text names it: true and
 * *out (a part of t, maybe empty) when the text names one */
static bool conn_host_text(struct span t, struct span *out)
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
		if (before == ':' && ends_with(t, b, " said: ", 7)) {
			cut = b - 6;
			break;
		}
		if (before == 'o' && conn == SIZE_MAX && ends_with(t, b, "connect to ", 11))
			conn = b;
		else if (before == 'r' && srv == SIZE_MAX && ends_with(t, b, "to server ", 10))
			srv = b;
		if (before == 'r' && failed == SIZE_MAX && ends_with(t, b, "failed; server ", 15))
			failed = b;
	}
	t = span_head(t, cut);
	/* each kept as the offset of its first byte after the word, or unset */
	conn = conn < cut ? conn + 1 : SIZE_MAX;
	srv = srv < cut ? srv + 1 : SIZE_MAX;
	failed = failed < cut ? failed + 1 : SIZE_MAX;
	if (conn != SIZE_MAX) {
		struct span c = span_skip(t, conn);
		size_t i = stop3(c, '[', ' ', ':');
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
				return *out = in, true;
			if (rb >= 0 && (size_t)rb + 1 < c.n && c.p[rb + 1] == ':') {
				struct span port = diag_token(span_skip(c, (size_t)rb + 2));
				if (port.n && !span_eqs(port, "25"))
					return *out = span_make(host.p, (size_t)(port.p + port.n - host.p)), true;
			}
			return *out = host, true;
		}
		if (i)
			return *out = diag_token(c), true;
	}
	/* smtp_sasl_glue.c: "... failed; server HOST[ADDR] said" */
	size_t at = srv != SIZE_MAX ? srv : failed;
	if (at != SIZE_MAX) {
		struct span h = span_skip(t, at);
		size_t i = stop3(h, '[', ' ', ':');
		if (i)
			return *out = span_head(h, i), true;
	}
	if (span_starts(t, "host ")) {
		struct span h = span_skip(t, 5);
		size_t i = (size_t)(span_scan2(h.p, h.p + h.n, '[', ' ') - h.p);
		if (i)
			return *out = span_head(h, i), true;
	}
	return false;
}

/* the last text diag_conn_host read, per thread, and what it named
 * (where in the text): a deferred queue's lines give the same reason
 * again and again, and each is asked for its host by the key, the
 * remote's other reasons and the relay services */
enum { CONN_LAST_MAX = 512 };
static _Thread_local struct {
	uint16_t n; /* 0: none yet */
	bool named;
	uint16_t at, len;
	char text[CONN_LAST_MAX];
} conn_last;

/* diag_conn_host - the host of "connect to HOST[", or the relay name; only
 * Postfix's own words count, never the remote reply after " said: "
 * ("Refer to server log" is no host named "log"); the last text's answer
 * kept (test_conn_host_memo.c) */
struct span diag_conn_host(const struct event *ev, struct span t)
{
	struct span h;
	bool named;
	if (t.n && t.n == conn_last.n && !memcmp(t.p, conn_last.text, t.n)) {
		named = conn_last.named;
		h = span_make(t.p + conn_last.at, conn_last.len);
	} else {
		named = conn_host_text(t, &h);
		if (t.n && t.n <= CONN_LAST_MAX) {
			memcpy(conn_last.text, t.p, t.n);
			conn_last.n = (uint16_t)t.n;
			conn_last.named = named;
			conn_last.at = named ? (uint16_t)(h.p - t.p) : 0;
			conn_last.len = named ? (uint16_t)h.n : 0;
		}
	}
	if (named)
		return h;
	if (ev->relay_name.n && !span_eqs(ev->relay_name, "none"))
		return ev->relay_name;
	return SPAN_NULL;
}

/* conversation_host - the host of smtp_trouble.c's "lost connection with
 * HOST[ADDR] while ..." and "conversation with HOST[ADDR] timed out while
 * ...", for the lines that name no relay ("delivery temporarily
 * suspended: lost connection with ...", relay=none) */
static struct span conversation_host(struct span t)
{
	static const char *const with[] = {"lost connection with ", "conversation with "};
	for (size_t w = 0; w < sizeof with / sizeof with[0]; w++) {
		struct span h = span_find(t, with[w]);
		if (!h.p)
			continue;
		h = span_skip(h, strlen(with[w]));
		size_t i = (size_t)(span_scan2(h.p, h.p + h.n, '[', ' ') - h.p);
		if (i && i < h.n && h.p[i] == '[')
			return span_head(h, i);
	}
	return SPAN_NULL;
}

/* diag_rcpt_domain - the domain of a recipient address */
struct span diag_rcpt_domain(struct span to)
{
	ptrdiff_t at = span_rchr(to, '@');
	return at >= 0 ? span_skip(to, (size_t)at + 1) : SPAN_NULL;
}

/* ci_tail - does s end with t, letters in either case, at a label's start */
static bool ci_tail(struct span s, struct span t)
{
	if (!t.n || t.n > s.n || strncasecmp(s.p + s.n - t.n, t.p, t.n) != 0)
		return false;
	return s.n == t.n || s.p[s.n - t.n - 1] == '.';
}

/* diag_host_in_domain - does a host's name belong to the domain (and
 * not read as a submission server's) */
bool diag_host_in_domain(struct span host, struct span dom)
{
	while (host.n && host.p[host.n - 1] == '.')
		host.n--;
	while (dom.n && dom.p[dom.n - 1] == '.')
		dom.n--;
	if (!host.n || !dom.n)
		return false;
	/* a submission server's name (smtp.gmail.com, smtp-relay.gmail.com,
	 * relay2.example.net) is no domain's MX, whatever domain it sits
	 * under: its first label, up to a dash and without trailing digits */
	static const char *const submit[] = {"smtp",	  "smtps",    "submission", "submit", "relay",
					     "smarthost", "smtpauth", "auth",	    "mailout", "outbound",
					     "out",	  "send"};
	size_t w = 0;
	while (w < host.n && host.p[w] != '.' && host.p[w] != '-')
		w++;
	while (w && host.p[w - 1] >= '0' && host.p[w - 1] <= '9')
		w--;
	for (size_t i = 0; i < sizeof submit / sizeof *submit; i++)
		if (w == strlen(submit[i]) && strncasecmp(host.p, submit[i], w) == 0)
			return false;
	if (ci_tail(host, dom))
		return true;
	/* mail.example.com for sub.example.com: the host's parent, when it
	 * is a name of two labels or more, holds the domain */
	ptrdiff_t dot = span_chr(host, '.');
	if (dot > 0) {
		struct span parent = span_skip(host, (size_t)dot + 1);
		if (span_chr(parent, '.') > 0 && ci_tail(dom, parent))
			return true;
	}
	/* example-com.mail.protection.outlook.com: the domain with its dots
	 * written as dashes, as the first label */
	if (host.n > dom.n && host.p[dom.n] == '.') {
		size_t i = 0;
		while (i < dom.n) {
			char a = host.p[i], b = dom.p[i] == '.' ? '-' : dom.p[i];
			if ((a | 0x20) != (b | 0x20) && a != b)
				break;
			i++;
		}
		if (i == dom.n)
			return true;
	}
	return false;
}

/* address_label - one label of a reversed address in a DNS query: 1-3
 * digits (IPv4), one hex digit (IPv6), or a paste's mask ("*", "xx") */
static bool address_label(struct span l)
{
	if (!l.n || l.n > 3)
		return false;
	bool digits = true, mask = true;
	for (size_t i = 0; i < l.n; i++) {
		digits &= l.p[i] >= '0' && l.p[i] <= '9';
		mask &= l.p[i] == '*' || l.p[i] == 'x' || l.p[i] == 'X';
	}
	bool nibble = l.n == 1 && ((l.p[0] | 0x20) >= 'a' && (l.p[0] | 0x20) <= 'f');
	return digits || mask || nibble;
}

struct span diag_dnsbl_zone(struct span query)
{
	struct span rest = query, after4 = SPAN_NULL;
	size_t labels = 0;
	while (labels < 32) {
		ptrdiff_t dot = span_chr(rest, '.');
		if (dot <= 0 || !address_label(span_head(rest, (size_t)dot)))
			break;
		rest = span_skip(rest, (size_t)dot + 1);
		if (++labels == 4)
			after4 = rest;
	}
	/* 32 nibbles: an IPv6 address; 4 to 31 labels: an IPv4 address
	 * and a list whose first label looks like one ("b.barracudacentral.org") */
	if (labels == 32 && rest.n)
		return rest;
	if (labels >= 4 && after4.n)
		return after4;
	return query;
}

/* diag_make_key - the group key a rule asks for */
void diag_make_key(const struct rule *r, const struct event *ev, struct span t, struct diag_hit *hit)
{
	struct span k = SPAN_NULL;
	switch (r->key) {
	case K_NONE:
		break;
	case K_AFTER: {
		ptrdiff_t i = ci_find(t, r->after);
		if (i >= 0)
			k = word(span_skip(t, (size_t)i + strlen(r->after)));
		break;
	}
	case K_MAPTYPE:
		k = map_type(t);
		break;
	case K_DNSBL_ZONE: {
		ptrdiff_t i = ci_find(t, r->after);
		if (i >= 0)
			k = diag_dnsbl_zone(word(span_skip(t, (size_t)i + strlen(r->after))));
		break;
	}
	case K_PATH:
		k = key_path(t);
		if (!k.n && r->after) { /* no path: the word after rule->after (socketmap:inet:H:P:NAME) */
			ptrdiff_t i = ci_find(t, r->after);
			if (i >= 0)
				k = word(span_skip(t, (size_t)i + strlen(r->after)));
		}
		break;
	case K_CONNHOST:
		k = diag_conn_host(ev, t);
		if (!k.n)
			k = conversation_host(t);
		break;
	case K_PROVIDER: {
		struct span host = diag_conn_host(ev, t);
		const char *p = provider_name(host);
		if (!p)
			p = provider_name(diag_rcpt_domain(ev->to));
		if (p) {
			snprintf(hit->key, sizeof hit->key, "%s", p);
			return;
		}
		k = host.n ? host : diag_rcpt_domain(ev->to);
		break;
	}
	case K_SERVICE:
		k = ev->line->service.n ? ev->line->service : ev->line->daemon;
		if (ev->line->service.n) {
			snprintf(hit->key, sizeof hit->key, "%.*s/%.*s", span_prec(ev->line->service, 64),
				 ev->line->service.p, span_prec(ev->line->daemon, 64), ev->line->daemon.p);
			return;
		}
		break;
	case K_CLIENT:
		k = ev->client_ip;
		break;
	case K_FIXED:
		snprintf(hit->key, sizeof hit->key, "%s", r->after ? r->after : "");
		return;
	case K_PARAM: {
		/* ": unused parameter: NAME=VALUE" -> "unused parameter: NAME" */
		struct span label = span_of(r->after);
		while (label.n && (label.p[0] == ':' || label.p[0] == ' '))
			label = span_skip(label, 1);
		while (label.n && (label.p[label.n - 1] == ':' || label.p[label.n - 1] == ' '))
			label.n--;
		ptrdiff_t i = ci_find(t, r->after);
		struct span name = i >= 0 ? word(span_skip(t, (size_t)i + strlen(r->after))) : SPAN_NULL;
		ptrdiff_t eq = span_chr(name, '=');
		if (eq >= 0)
			name = span_head(name, (size_t)eq);
		char nm[DIAG_KEY_MAX];
		diag_copy_key(nm, span_cut(name, 96));
		snprintf(hit->key, sizeof hit->key, nm[0] ? "%.*s: %s" : "%.*s", (int)label.n, label.p, nm);
		return;
	}
	case K_TLSKIND: {
		static const char *const words[] = {
		    [TLSE_NONE] = "another TLS error", [TLSE_HANGUP] = "the client hung up mid-handshake",
		    [TLSE_MISMATCH] = "no protocol version or cipher in common",
		    [TLSE_NOT_TLS] = "not TLS (HTTP to a mail port)",
		    [TLSE_CERT] = "a certificate refused",
		    [TLSE_SERVER] = "this server's key or certificate did not load",
		    [TLSE_OTHER] = "another TLS error"};
		struct span why = ev->reason.n ? ev->reason : t;
		snprintf(hit->key, sizeof hit->key, "%s", words[ev_tls_error_kind(why)]);
		diag_copy_key(hit->subject, ev->client_ip);
		return;
	}
	case K_NETFAMILY: {
		struct span ip = ev->relay_ip;
		struct span c = span_find(t, "[");
		if (!ip.n && c.p) {
			ip = span_skip(c, 1);
			ptrdiff_t end = span_chr(ip, ']');
			ip = end >= 0 ? span_head(ip, (size_t)end) : SPAN_NULL;
		}
		if (ip.n && addr_is_masked(ip)) {
			/* a placeholder typed over the address ("<IPv6>",
			 * "x.x.x.x", "XXX"): its family only when it says so */
			k = SPAN_NULL;
			char low[32];
			size_t n = ip.n < sizeof low - 1 ? ip.n : sizeof low - 1;
			for (size_t j = 0; j < n; j++)
				low[j] = (char)((ip.p[j] >= 'A' && ip.p[j] <= 'Z') ? ip.p[j] + 32 : ip.p[j]);
			low[n] = '\0';
			if (strstr(low, "ipv6"))
				k = SPAN_LIT("IPv6");
			else if (strstr(low, "ipv4"))
				k = SPAN_LIT("IPv4");
			break;
		}
		k = span_chr(ip, ':') >= 0 ? SPAN_LIT("IPv6") : ip.n ? SPAN_LIT("IPv4") : SPAN_NULL;
		break;
	}
	}
	diag_copy_key(hit->key, k);
}
