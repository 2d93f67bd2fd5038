/*
 * postscreen.c - postscreen (the zombie blocker in front of smtpd) and
 * its DNS helper dnsblog.  Every line names the client as [ADDR]:PORT.
 *
 *   CONNECT from [IP]:PORT to [IP]:PORT              (postscreen.c:854)
 *   PASS NEW|OLD [IP]:PORT                           (postscreen_misc.c:113)
 *   PREGREET N after T from [IP]:PORT: TEXT          (postscreen_early.c:246)
 *   HANGUP after T from [IP]:PORT in STAGE           (postscreen_misc.c:159)
 *   DNSBL rank N for [IP]:PORT                       (postscreen_early.c:183)
 *   NON-SMTP COMMAND|BARE NEWLINE|COMMAND PIPELINING|COMMAND TIME LIMIT|
 *   COMMAND COUNT LIMIT|COMMAND LENGTH LIMIT from [IP]:PORT after X[: TEXT]
 *   ALLOW|DENY|WHITE|BLACKLISTED [IP]:PORT, ALLOW|WHITELIST VETO [IP]:PORT
 *   DISCONNECT [IP]:PORT
 *   NOQUEUE: reject: RCPT from [IP]:PORT: REPLY; from=<a>, to=<b>,
 *            proto=P, helo=<h>                        (postscreen_smtpd.c:577)
 *   NOQUEUE: reject: CONNECT from [IP]:PORT: too many connections
 *   dnsblog: addr IP listed by domain D as A         (dnsblog.c:218)
 *
 * Untrusted: the pregreet and command texts (the client's bytes, made
 * printable by postscreen), the envelope addresses, the HELO name.
 */
#include "common.h"
#include "masked.h"

/* bare_client - an address without brackets ("1.2.3.4", "1.2.3.4:5678",
 * "2001:db8::1"), as some log rewriters and pasted excerpts show it */
static bool bare_client(struct span s, struct event *ev)
{
	size_t dots = 0, colons = 0;
	if (!s.n || s.n > 64)
		return false;
	for (size_t i = 0; i < s.n; i++) {
		char c = s.p[i];
		dots += c == '.';
		colons += c == ':';
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
		      c == '.' || c == ':'))
			return false;
	}
	if (dots == 3 && colons == 1) {
		ptrdiff_t c = span_chr(s, ':');
		ev->client_ip = span_head(s, (size_t)c);
		ev->client_port = span_skip(s, (size_t)c + 1);
		return ev->client_ip.n && ev->client_port.n;
	}
	if (!(dots == 3 && !colons) && colons < 2)
		return false;
	ev->client_ip = s;
	return true;
}

/* client - "[IP]:PORT" (or a bare address) into client_ip/client_port */
static bool client(struct span s, struct event *ev)
{
	struct span name, ip, port;
	if (!pc_namaddr(s, &name, &ip, &port) || name.n != 0)
		return bare_client(s, ev);
	ev->client_ip = ip;
	ev->client_port = port;
	return true;
}

/* client_until - "[IP]:PORT" up to delim, the cursor moved past it */
static bool client_until(struct span *t, const char *delim, struct event *ev)
{
	struct span c;
	if (!span_until(t, delim, &c))
		return false;
	return client(c, ev);
}

/* violations - "NAME from [IP]:PORT after X[: TEXT]" */
static const char *const violations[] = {
    "NON-SMTP COMMAND", "BARE NEWLINE", "COMMAND PIPELINING", "COMMAND TIME LIMIT",
    "COMMAND COUNT LIMIT", "COMMAND LENGTH LIMIT", "DATA without valid RCPT",
    "BDAT without valid RCPT", NULL};

/* violation - a failed after-greeting test */
static bool violation(struct span t, struct event *ev)
{
	for (int i = 0; violations[i]; i++) {
		struct span s = t;
		if (!span_eat(&s, violations[i]) || !span_eat(&s, " from "))
			continue;
		ev->action = span_head(t, strlen(violations[i]));
		ptrdiff_t a = span_index(s, " after ");
		if (a < 0) {
			if (!client(s, ev))
				return false;
		} else {
			if (!client(span_head(s, (size_t)a), ev))
				return false;
			s = span_skip(s, (size_t)a + 7);
			struct span st;
			if (span_until(&s, ": ", &st)) {
				ev->stage = st;
				ev->command = s;
			} else {
				ev->stage = s;
			}
		}
		ev->type = EV_PS_VIOLATION;
		return true;
	}
	return false;
}

/* listed - "ALLOWLISTED [IP]:PORT", "WHITELIST VETO [IP]:PORT" ... */
static bool listed(struct span t, struct event *ev)
{
	static const struct {
		const char *word, *list;
	} lists[] = {
	    {"ALLOWLISTED ", "allowlist"}, {"WHITELISTED ", "allowlist"},
	    {"DENYLISTED ", "denylist"},   {"BLACKLISTED ", "denylist"},
	    {"ALLOWLIST VETO ", "allowlist"}, {"WHITELIST VETO ", "allowlist"},
	};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		struct span s = t;
		if (!span_eat(&s, lists[i].word) || !client(s, ev))
			continue;
		ev->type = EV_PS_LISTED;
		ev->action = span_head(t, strlen(lists[i].word) - 1);
		ev->listed = span_of(lists[i].list);
		return true;
	}
	return false;
}

/* reject - "NOQUEUE: reject: RCPT|CONNECT from [IP]:PORT: REPLY; tail" */
static bool reject(struct span t, struct event *ev)
{
	if (!span_eat(&t, "NOQUEUE: ")) {
		/* "reject: connect from [IP]:PORT: all screening ports busy" */
		if (!span_starts(t, "reject: connect from "))
			return false;
	}
	struct span act, stage;
	if (!span_until(&t, ": ", &act) || !span_until(&t, " from ", &stage))
		return false;
	if (!client_until(&t, ": ", ev))
		return false;
	ptrdiff_t semi = span_index(t, "; from=<");
	struct span reply = t;
	if (semi >= 0) {
		reply = span_head(t, (size_t)semi);
		pc_smtpd_tail(span_skip(t, (size_t)semi + 1), ev);
	}
	struct span code, dsn, text;
	if (pc_reply(reply, &code, &dsn, &text)) {
		ev->code = code;
		ev->dsn = dsn;
	}
	ev->reason = text;
	ev->type = EV_REJECT;
	ev->action = act;
	ev->stage = stage;
	return true;
}

/* dnsblog - "addr IP listed by domain D as A" */
static void dnsblog(const struct logline *l, struct event *ev)
{
	struct span t = l->text, ip, dom;
	if (l->severity.n || !span_eat(&t, "addr "))
		return;
	if (!span_until(&t, " listed by domain ", &ip) || !span_until(&t, " as ", &dom))
		return;
	ev->type = EV_PS_DNSBL;
	/* a placeholder typed over the address ("addr X listed ..."): not
	 * shown, as in postscreen's own "[X]:PORT" (common.c), and the same
	 * client as that one (an empty address, not none) */
	if (addr_is_masked(ip))
		ip.n = 0;
	ev->client_ip = ip;
	ev->listed = dom;
	ev->reason = t;
}

/* info - postscreen's informational lines about itself */
static bool info(struct span t, struct event *ev)
{
	static const char *const infos[] = {
	    "cache ", "entering STRESS mode", "leaving STRESS mode", "table ",
	    "using backwards-compatible default setting", NULL};
	for (int i = 0; infos[i]; i++)
		if (span_starts(t, infos[i])) {
			ev->type = EV_INFO;
			ev->text = t;
			if (i == 4) /* a compatibility_level default (postscreen.c) */
				ev->action = SPAN_LIT("compat");
			return true;
		}
	return false;
}

/* parse_postscreen - fill ev from a postscreen or dnsblog line */
void parse_postscreen(const struct logline *l, struct event *ev)
{
	struct span t = l->text, s, v;
	uint64_t n;
	if (span_eqs(l->daemon, "dnsblog")) {
		dnsblog(l, ev);
		return;
	}
	if (l->severity.n)
		return; /* dnsblog reply timeout ...: generic.c */
	if (span_eat(&t, "CONNECT from ")) {
		struct span srv;
		if (!client_until(&t, " to ", ev) || !pc_namaddr(t, &v, &srv, &s))
			return;
		ev->server_ip = srv;
		ev->server_port = s;
		ev->type = EV_PS_CONNECT;
	} else if (span_eat(&t, "PASS ")) {
		if (!span_until_chr(&t, ' ', &v) || !client(t, ev))
			return;
		ev->type = EV_PS_PASS;
		ev->action = v;
	} else if (span_eat(&t, "DISCONNECT ")) {
		if (client(t, ev))
			ev->type = EV_PS_DISCONNECT;
	} else if (span_eat(&t, "PREGREET ")) {
		if (!span_until(&t, " after ", &v) || !span_u64(v, &n))
			return;
		if (span_find(t, " from ").p == NULL) {
			/* "PREGREET N after T: TEXT": the address left out of
			 * the paste; the client is then one whose address is
			 * not logged, as a masked one */
			if (!span_until(&t, ": ", &s) && !span_until(&t, ":", &s))
				return;
			ev->type = EV_PS_PREGREET;
			ev->client_ip = span_make(l->text.p, 0);
			ev->count = pc_count(n);
			ev->delay = s;
			ev->command = t;
			return;
		}
		if (!span_until(&t, " from ", &s))
			return;
		/* the text may be missing: cut by the paste, or by a log
		 * rewriter that keeps only "from ADDR" */
		if (!client_until(&t, ": ", ev)) {
			if (!client(span_trim(t), ev))
				return;
			t = SPAN_NULL;
		}
		ev->type = EV_PS_PREGREET;
		ev->count = pc_count(n);
		ev->delay = s;
		ev->command = t;
	} else if (span_eat(&t, "HANGUP after ")) {
		if (!span_until(&t, " from ", &s) || !client_until(&t, " in ", ev))
			return;
		ev->type = EV_PS_HANGUP;
		ev->delay = s;
		ev->stage = t;
	} else if (span_eat(&t, "DNSBL rank ")) {
		if (!span_until(&t, " for ", &v) || !span_u64(v, &n) || !client(t, ev))
			return;
		ev->type = EV_PS_DNSBL;
		ev->count = pc_count(n);
	} else if (violation(t, ev) || listed(t, ev) || reject(t, ev) || info(t, ev)) {
		return;
	}
}
