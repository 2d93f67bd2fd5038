/*
 * smtpd.c - the SMTP server, under any master.cf service name
 * (postfix/smtpd, postfix/submission/smtpd, ...): sessions, policy
 * decisions, SASL, TLS and the warnings an smtpd writes about clients.
 *
 *   connect from NAMADDR                                  EV_CONNECT
 *   disconnect from NAMADDR[ cmd=N[/M]... commands=N[/M]][ notes=bare_lf]
 *                                                         EV_DISCONNECT
 *   [QID|NOQUEUE: ]REASON after WHERE[ ([approximately ]N bytes)] from NAMADDR
 *        REASON: lost connection, timeout, too many errors,
 *        bare <LF> received (3.9 snapshots)               EV_LOST
 *   disconnect: bare <LF> received from NAMADDR           EV_LOST
 *   QID|NOQUEUE: ACTION: WHERE from NAMADDR: REPLY;[ from=<> to=<> proto=
 *        helo=<>[ sasl_*]]                                EV_REJECT (permit: EV_INFO)
 *        (pasted with the ':' after NAMADDR lost, "NAMADDR 450 4.7.25 ...":
 *        the same, when a reply code follows the ']')
 *   [QID: ]proxy-reject|proxy-accept: WHERE: REPLY;TAIL   EV_REJECT / EV_INFO
 *   CODE D.D.D TEXT; from=<> to=<> proto=P helo=<>        EV_REJECT
 *        (a refusal pasted from its reply on: no client, RCPT when to=)
 *   QID: client=NAMADDR[, sasl_method=M][, sasl_username=U][, sasl_sender=S]
 *        [, orig_queue_id=Q][, orig_client=C]             EV_CLIENT
 *        (pasted with the queue ID, the address or the username masked or
 *        cut out: still EV_CLIENT, the masked parts not shown)
 *   improper command pipelining after WHERE from NAMADDR[: TEXT]
 *                                                         EV_PIPELINING
 *   the TLS library's lines (summary, SSL_accept error, certificate
 *        failures, set-up and detail): pc_tls in tls.c   EV_TLS, EV_TLS_ERROR, EV_INFO
 *   NOQUEUE: abort: TLS from NAMADDR: WHY                 EV_TLS_ERROR
 *   warning: NAMADDR: SASL M authentication failed: R[, sasl_username=U]
 *                                                         EV_SASL_FAIL
 *   warning: NAMADDR: SASL M authentication aborted       EV_SASL_ABORT
 *   warning: hostname H does not resolve to address A[: R]
 *   warning: A: address not listed for hostname H         (before 2.9)
 *   warning: A: hostname H verification failed: R         (before 2.9)
 *                                                         EV_HOSTNAME_VERIFY
 *   warning: non-SMTP command from NAMADDR: TEXT          EV_NON_SMTP
 *   warning: KIND limit exceeded: N from NAMADDR for service S
 *                                                         EV_RATE_LIMIT
 *   warning: TLS library problem: ..., Refusing STARTTLS request from ...
 *                                                         EV_TLS_ERROR
 *
 * NAMADDR is "name[addr]" or "name[addr]:port".  The other info lines we
 * know are EV_INFO (with the client when the text starts with NAMADDR);
 * other warnings, errors, fatals and panics are EV_WARNING (action = the
 * severity) with the queue ID and client when the text has them.  A line
 * nobody knows stays EV_UNKNOWN.
 *
 * Untrusted: addresses, HELO names, SASL usernames and reply texts are
 * client controlled; fields end at the next known key (quoted local
 * parts skipped), never at the first delimiter.  All fields are spans
 * into the line, or into static strings (action of EV_HOSTNAME_VERIFY, a
 * SASL username emptied before pasting).
 */
#include "common.h"
#include "smtpd_internal.h"

/* set_client - copy a parsed name/addr/port into ev */
static void set_client(struct event *ev, struct span name, struct span ip, struct span port)
{
	ev->client_name = name;
	ev->client_ip = ip;
	if (port.p)
		ev->client_port = port;
}

/* namaddr - pc_namaddr, and the name holds no blank (it is a hostname);
 * "name [x.x.x.x]": the blank that came with a masked address is dropped */
static bool namaddr(struct span s, struct span *name, struct span *ip, struct span *port)
{
	if (!pc_namaddr(s, name, ip, port))
		return false;
	if (name->n && name->p[name->n - 1] == ' ' && !ip->n && ip->p[0] != ']')
		name->n--; /* ip->p is inside s: ']' there means "[]" as logged */
	/* the name, its '[' and the address in one search when they lie
	 * together (the name not cut): one memchr call where two were */
	if (ip->n && ip->p == name->p + name->n + 1)
		return span_chr(span_make(name->p, name->n + 1 + ip->n), ' ') < 0;
	return span_chr(*name, ' ') < 0 && span_chr(*ip, ' ') < 0;
}

/*
 * smtpd_client - "name[addr]" or "name[addr]:port" (blanks trimmed).
 * Tolerates junk after the closing ']' (seen in logs mangled by CSV
 * exports); the junk is ignored.
 */
bool smtpd_client(struct span s, struct event *ev)
{
	struct span name, ip, port;
	s = span_trim(s);
	if (!s.n && s.p) {
		/* nothing: the admin deleted the client before pasting
		 * ("connect from ", "too many errors after UNKNOWN from "),
		 * as Postfix never logs it; "(address not logged)", as for
		 * a placeholder typed over it */
		ev->client_name = ev->client_ip = s;
		return true;
	}
	if (namaddr(s, &name, &ip, &port)) {
		set_client(ev, name, ip, port);
		return true;
	}
	ptrdiff_t lb = span_chr(s, '[');
	if (lb < 0)
		return false;
	ptrdiff_t rb = span_chr(span_skip(s, (size_t)lb), ']');
	if (rb < 0)
		return false;
	size_t end = (size_t)lb + (size_t)rb + 1;
	if (end < s.n && s.p[end] == ':') {
		size_t k = end + 1;
		while (k < s.n && s.p[k] >= '0' && s.p[k] <= '9')
			k++;
		if (k > end + 1)
			end = k;
	}
	if (!namaddr(span_head(s, end), &name, &ip, &port))
		return false;
	set_client(ev, name, ip, port);
	return true;
}

/*
 * take_placeholder - at *t "WORD: CODE ...": a client an admin replaced
 * before pasting ("<redacted>", "xxx") by one word followed by an SMTP
 * reply code (syslog_placeholder_client).  Its name is the word, its
 * address empty: "(address not logged)", as for "client=<hidden>".
 */
static bool take_placeholder(struct span *t, struct event *ev)
{
	size_t n = syslog_placeholder_client(*t);
	if (!n)
		return false;
	ev->client_name = span_head(*t, n);
	ev->client_ip = span_make(t->p + n, 0);
	*t = span_skip(*t, n + 2);
	return true;
}

/*
 * smtpd_take_client - at *t "NAMADDR: rest": fill the client, leave *t at rest.
 * The client ends at the first ']' (names and addresses hold none),
 * optionally followed by ":port".  A placeholder typed over the whole
 * client is taken as one (take_placeholder).
 */
bool smtpd_take_client(struct span *t, struct event *ev)
{
	ptrdiff_t rb = span_chr(*t, ']');
	if (rb < 0)
		return take_placeholder(t, ev);
	size_t end = (size_t)rb + 1;
	if (end < t->n && t->p[end] == ':' && end + 1 < t->n && t->p[end + 1] != ' ') {
		size_t k = end + 1;
		while (k < t->n && t->p[k] >= '0' && t->p[k] <= '9')
			k++;
		end = k;
	}
	if (end + 1 >= t->n || t->p[end] != ':' || t->p[end + 1] != ' ')
		return take_placeholder(t, ev);
	struct span name, ip, port;
	if (!namaddr(span_head(*t, end), &name, &ip, &port))
		return take_placeholder(t, ev);
	set_client(ev, name, ip, port);
	*t = span_skip(*t, end + 2);
	return true;
}

/* smtpd_rfind - index of the last occurrence of needle (not empty) in s,
 * or -1.  speed34: searched from the end (memrchr of its first byte, then
 * the rest compared), not forwards again and again until no later one is
 * found: " from " before a client, which holds no blank, is found at the
 * first try instead of after two searches over the line
 * (tests/unit/test_smtpd_rfind.c holds it to the former loop) */
ptrdiff_t smtpd_rfind(struct span s, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0 || n > s.n)
		return n == 0 ? (ptrdiff_t)s.n : -1;
	/* the starts left to try: [0, k), each with n bytes after it */
	size_t k = s.n - n + 1;
	const char first = needle[0], last = needle[n - 1];
	while (k) {
		const char *q = memrchr(s.p, first, k);
		if (!q)
			return -1;
		if (q[n - 1] == last && memcmp(q, needle, n) == 0)
			return q - s.p;
		k = (size_t)(q - s.p);
	}
	return -1;
}

/* take_qid - "QID: " or "NOQUEUE: " at the start of *t */
static bool take_qid(struct span *t, struct event *ev)
{
	struct span qid;
	if (span_eat(t, "NOQUEUE: "))
		return true;
	if (pc_take_queue_id(t, &qid)) {
		ev->queue_id = qid;
		return true;
	}
	return false;
}

/* ---- session start and end ---------------------------------------------- */

/* parse_disconnect - "NAMADDR[ stats][ notes=...]" */
static bool parse_disconnect(struct span t, struct event *ev)
{
	t = span_trim(t);
	ptrdiff_t sp = span_chr(t, ' ');
	struct span who = sp < 0 ? t : span_head(t, (size_t)sp);
	if (!smtpd_client(who, ev))
		return false;
	ev->type = EV_DISCONNECT;
	if (sp >= 0) {
		struct span rest = span_skip(t, (size_t)sp + 1);
		pc_cmd_stats(rest, ev);
		ptrdiff_t k = span_index(rest, "notes=");
		if (k >= 0) {
			struct span v = span_skip(rest, (size_t)k + 6);
			ptrdiff_t e = span_chr(v, ' ');
			ev->reason = e < 0 ? v : span_head(v, (size_t)e);
		}
	}
	return true;
}

/* pc_lost_reason - the length of the REASON that starts t when " after "
 * follows it ("lost connection", "timeout", "too many errors", "bare <LF>
 * received"), else 0.  Told by the first byte, each word a literal: this
 * is asked of nearly every smtpd line (speed12) */
size_t pc_lost_reason(struct span t)
{
	size_t n;
	if (!t.n)
		return 0;
	switch (t.p[0]) {
	case 'l':
		if (!span_starts(t, "lost connection"))
			return 0;
		n = 15;
		break;
	case 't':
		if (span_starts(t, "timeout"))
			n = 7;
		else if (span_starts(t, "too many errors"))
			n = 15;
		else
			return 0;
		break;
	case 'b':
		if (!span_starts(t, "bare <LF> received"))
			return 0;
		n = 18;
		break;
	default:
		return 0;
	}
	return span_starts(span_skip(t, n), " after ") ? n : 0;
}

/*
 * parse_lost - "REASON after WHERE[ (N bytes)] from NAMADDR"; the caller
 * has taken any "QID: " / "NOQUEUE: " prefix (Postfix 3.10 and later).
 */
static bool parse_lost(struct span t, struct event *ev)
{
	size_t n = pc_lost_reason(t);
	if (!n)
		return false;
	struct span reason = span_head(t, n);
	t = span_skip(t, n + 7);
	ptrdiff_t f = smtpd_rfind(t, " from ");
	if (f < 0)
		return false;
	struct span where = span_head(t, (size_t)f);
	if (!smtpd_client(span_skip(t, (size_t)f + 6), ev))
		return false;
	/* "DATA (123 bytes)", "DATA (approximately 123 bytes)": the " ("
	 * searched only when the stage ends so (speed34: most are "CONNECT",
	 * "AUTH", "RCPT") */
	ptrdiff_t par;
	if (span_ends(where, " bytes)") && (par = span_index(where, " (")) >= 0) {
		struct span num = span_skip(where, (size_t)par + 2);
		num = span_head(num, num.n - 7);
		span_eat(&num, "approximately ");
		uint64_t v;
		if (span_u64(num, &v))
			ev->count = pc_count(v);
		where = span_head(where, (size_t)par);
	}
	ev->type = EV_LOST;
	ev->reason = reason;
	ev->stage = where;
	return true;
}

/* ---- policy decisions ---------------------------------------------------- */

/* pc_tail_starts - is s empty (but for blanks) or " key=..." of an smtpd
 * reject tail: " from=<", " to=<", " proto=", " helo=<", " sasl_method=",
 * " sasl_username=", " sasl_sender=".  The key told by the byte after the
 * blank, each a literal (speed12: asked at every ';' of a refusal) */
bool pc_tail_starts(struct span s)
{
	if (span_trim(s).n == 0)
		return true;
	if (s.n < 2 || s.p[0] != ' ')
		return false;
	switch (s.p[1]) {
	case 'f':
		return span_starts(s, " from=<");
	case 't':
		return span_starts(s, " to=<");
	case 'p':
		return span_starts(s, " proto=");
	case 'h':
		return span_starts(s, " helo=<");
	case 's':
		return span_starts(s, " sasl_method=") || span_starts(s, " sasl_username=") ||
		       span_starts(s, " sasl_sender=");
	default:
		return false;
	}
}

/* reply_end - index of the ';' that ends the reply, or -1; quoted
 * strings ("a;b"@example.com, 3.5+ external form) are skipped if asked */
static ptrdiff_t reply_end(struct span s, bool skip_quotes)
{
	if (!s.n)
		return -1;
	if (!skip_quotes || !memchr(s.p, '"', s.n)) {
		/* no quote to skip (the usual reply): from ';' to ';' */
		for (const char *p = s.p, *end = s.p + s.n; p < end; p++) {
			p = memchr(p, ';', (size_t)(end - p));
			if (!p)
				return -1;
			if (pc_tail_starts(span_skip(s, (size_t)(p - s.p) + 1)))
				return p - s.p;
		}
		return -1;
	}
	bool quoted = false;
	for (size_t i = 0; i < s.n; i++) {
		char c = s.p[i];
		if (skip_quotes && quoted) {
			if (c == '\\')
				i++;
			else if (c == '"')
				quoted = false;
		} else if (skip_quotes && c == '"') {
			quoted = true;
		} else if (c == ';' && pc_tail_starts(span_skip(s, i + 1))) {
			return (ptrdiff_t)i;
		}
	}
	return -1;
}

/*
 * split_reply - "REPLY;TAIL": the reply ends at the first ';' outside a
 * quoted local part that is followed by a tail key or by the end of the
 * text (DNSBL replies hold "; " themselves); when quotes are unbalanced,
 * quotes are ignored.  Without such a ';' the whole text is the reply
 * (the 421 "Server local data error" form has no tail).
 */
static void split_reply(struct span s, struct span *reply, struct span *tail)
{
	ptrdiff_t i = reply_end(s, true);
	if (i < 0)
		i = reply_end(s, false);
	if (i < 0) {
		*reply = span_trim(s);
		*tail = SPAN_NULL;
		return;
	}
	*reply = span_head(s, (size_t)i);
	*tail = span_skip(s, (size_t)i + 1);
}

/* fill_reply - code/dsn/reason from a reply, tail fields from the tail */
static void fill_reply(struct span reply_tail, struct event *ev)
{
	struct span reply, tail, code, dsn, text;
	split_reply(reply_tail, &reply, &tail);
	pc_reply(reply, &code, &dsn, &text);
	ev->code = code;
	ev->dsn = dsn;
	ev->reason = text;
	if (tail.p)
		pc_smtpd_tail(tail, ev);
}

/* is_action - a lowercase action word: reject, reject_warning, milter-hold */
static bool is_action(struct span a)
{
	if (!a.n || a.n > 32)
		return false;
	for (size_t i = 0; i < a.n; i++) {
		char c = a.p[i];
		if (!((c >= 'a' && c <= 'z') || c == '_' || c == '-'))
			return false;
	}
	return true;
}

/*
 * take_client_coded - at *t "NAMADDR CODE ...": a refusal pasted with the
 * ':' after the client lost (a forum's or a mail client's copy), taken
 * only when a three-digit 4xx/5xx reply code and a blank follow the ']'
 * right away, so a client name can never swallow text.
 */
static bool take_client_coded(struct span *t, struct event *ev)
{
	ptrdiff_t rb = span_chr(*t, ']');
	if (rb < 0)
		return false;
	size_t end = (size_t)rb + 1;
	if (end + 5 > t->n || t->p[end] != ' ')
		return false;
	const char *c = t->p + end + 1;
	if ((c[0] != '4' && c[0] != '5') || c[1] < '0' || c[1] > '9' || c[2] < '0' ||
	    c[2] > '9' || c[3] != ' ')
		return false;
	struct span name, ip, port;
	if (!namaddr(span_head(*t, end), &name, &ip, &port))
		return false;
	set_client(ev, name, ip, port);
	*t = span_skip(*t, end + 1);
	return true;
}

/*
 * parse_action - after the queue ID: "ACTION: WHERE from NAMADDR: REPLY;TAIL"
 * (smtpd_check log_whatsup, milter replies, the 421 data error).  "permit"
 * (smtpd_log_access_permit_actions) is EV_INFO; every other action is
 * EV_REJECT with ev->action telling which.
 */
static bool parse_action(struct span t, struct event *ev)
{
	ptrdiff_t c = span_index(t, ": ");
	if (c < 0 || !is_action(span_head(t, (size_t)c)))
		return false;
	struct span action = span_head(t, (size_t)c);
	struct span rest = span_skip(t, (size_t)c + 2);
	ptrdiff_t f = span_index(rest, " from ");
	if (f <= 0 || f > 40)
		return false;
	struct span where = span_head(rest, (size_t)f);
	rest = span_skip(rest, (size_t)f + 6);
	if (!smtpd_take_client(&rest, ev) && !take_client_coded(&rest, ev))
		return false;
	ev->type = span_eqs(action, "permit") ? EV_INFO : EV_REJECT;
	ev->action = action;
	ev->stage = where;
	fill_reply(rest, ev);
	return true;
}

/*
 * parse_reply_fragment - a refusal pasted from its reply on, "CODE D.D.D
 * TEXT; from=<S> to=<R> proto=P helo=<H>" (what follows "NOQUEUE: reject:
 * WHERE from CLIENT: " in log_whatsup's line; syslog_bare_reply tells
 * it): a reject with no client and no stage (RCPT when the tail names a
 * recipient), so its reason is still read
 */
static bool parse_reply_fragment(struct span t, struct event *ev)
{
	if (!syslog_bare_reply(t))
		return false;
	ev->type = EV_REJECT;
	ev->action = SPAN_LIT("reject");
	fill_reply(t, ev);
	ev->stage = ev->to.p ? SPAN_LIT("RCPT") : SPAN_NULL;
	return true;
}

/* parse_proxy - "proxy-accept|proxy-reject: WHERE: REPLY;TAIL" (smtpd_proxy_filter) */
static bool parse_proxy(struct span t, struct event *ev)
{
	if (!span_starts(t, "proxy-accept: ") && !span_starts(t, "proxy-reject: "))
		return false;
	struct span action = span_head(t, 12);
	t = span_skip(t, 14);
	ptrdiff_t c = span_index(t, ": ");
	if (c <= 0)
		return false;
	ev->type = span_eqs(action, "proxy-reject") ? EV_REJECT : EV_INFO;
	ev->action = action;
	ev->stage = span_head(t, (size_t)c);
	fill_reply(span_skip(t, (size_t)c + 2), ev);
	return true;
}

/* ---- transactions ---------------------------------------------------------- */

/* pc_next_key - the earliest of keys[from..] in s, its index and which
 * (in *which; untouched when none), or -1.  Every key starts with ',':
 * one pass over the commas, each tried against the keys (none is a
 * prefix of another, so at most one starts there), not a search of s
 * per key (speed12) */
ptrdiff_t pc_next_key(struct span s, const char *const *keys, int from, int *which)
{
	const char *p = s.p, *end = s.p + s.n;
	while (p < end && (p = memchr(p, ',', (size_t)(end - p))) != NULL) {
		struct span rest = span_make(p, (size_t)(end - p));
		for (int k = from; keys[k]; k++)
			if (span_starts(rest, keys[k])) {
				*which = k;
				return p - s.p;
			}
		p++;
	}
	return -1;
}

/* parse_client_line - after "QID: client=" */
static bool parse_client_line(struct span t, struct event *ev)
{
	static const char *const keys[] = {", sasl_method=", ", sasl_username=", ", sasl_sender=",
					   ", orig_queue_id=", ", orig_client=", NULL};
	int which = 0;
	ptrdiff_t k = pc_next_key(t, keys, 0, &which);
	struct span head = k < 0 ? t : span_head(t, (size_t)k);
	if (!smtpd_client(head, ev)) {
		/* "client=unknown", "client=<hidden>": the address was cut out
		 * before pasting; the login and the rest still count */
		head = span_trim(head);
		if (!head.n || span_chr(head, ' ') >= 0)
			return false;
		ev->client_name = head;
		ev->client_ip = span_make(head.p + head.n, 0);
	}
	ev->type = EV_CLIENT;
	while (k >= 0) {
		int cur = which;
		t = span_skip(t, (size_t)k + strlen(keys[cur]));
		k = pc_next_key(t, keys, cur + 1, &which);
		struct span v = span_trim(k < 0 ? t : span_head(t, (size_t)k));
		switch (cur) {
		case 0: ev->sasl_method = v; break;
		case 1: /* emptied before pasting: the login happened all the same */
			ev->sasl_username = v.n ? v : SPAN_LIT("(username not shown)");
			break;
		case 2: ev->sasl_sender = v; break;
		case 3: ev->orig_queue_id = v; break;
		default: ev->orig_client = v; break;
		}
	}
	return true;
}

/* masked_qid - a queue ID typed over: mask characters only ("XXXXXXXXXX",
 * "**********"), or a word in brackets ("[QID]", "<queue-id>"); a wrong
 * ID that looks like one (made-up test data) is not taken */
static bool masked_qid(struct span q)
{
	if (q.n >= 3 && ((q.p[0] == '[' && q.p[q.n - 1] == ']') ||
			 (q.p[0] == '<' && q.p[q.n - 1] == '>')))
		return span_chr(q, ' ') < 0;
	for (size_t i = 0; i < q.n; i++)
		if (!strchr("xX*#?._-", q.p[i]) || !q.p[i])
			return false;
	return q.n >= 3;
}

/* parse_queue_line - lines that start with "QID: " or "NOQUEUE: " */
static bool parse_queue_line(struct span t, struct event *ev)
{
	if (!take_qid(&t, ev)) {
		/* "XXXXXXXXXX: client=...": a queue ID masked before pasting is
		 * no queue ID (messages would merge), but the login still counts */
		ptrdiff_t c = span_index(t, ": client=");
		if (c <= 0 || c > 32 || !masked_qid(span_head(t, (size_t)c)))
			return false;
		return parse_client_line(span_skip(t, (size_t)c + 9), ev);
	}
	if (span_eat(&t, "client="))
		return parse_client_line(t, ev);
	if (parse_lost(t, ev) || parse_proxy(t, ev))
		return true;
	if (span_eat(&t, "abort: TLS from ")) {
		if (!smtpd_take_client(&t, ev))
			return false;
		ev->type = EV_TLS_ERROR;
		ev->reason = span_trim(t);
		return true;
	}
	if (parse_action(t, ev))
		return true;
	if (span_starts(t, "reply filter ")) {
		ev->type = EV_INFO;
		return true;
	}
	return false;
}

/* ---- TLS ------------------------------------------------------------------ */

/*
 * parse_tls_info - TLS lines at info level: the TLS library's (summary,
 * SSL_accept errors, certificate failures, set-up and detail lines) are
 * pc_tls's (tls.c, shared with the smtp client); smtpd adds its own.
 */
static bool parse_tls_info(const struct logline *l, struct span t, struct event *ev)
{
	if (pc_tls(l, t, ev))
		return true;
	static const char *const infos[] = {"TLS SNI ", "skipping TLS trace output",
					    "TLS protocol trace for ", "subject=", "issuer=", NULL};
	for (int i = 0; infos[i]; i++)
		if (span_starts(t, infos[i])) {
			ev->type = EV_INFO;
			if (i == 2) /* a compatibility_level default (smtpd.c) */
				ev->action = SPAN_LIT("compat");
			return true;
		}
	return false;
}

/* ---- other info lines ------------------------------------------------------ */

/* parse_info - the remaining everyday info lines */
static bool parse_info(struct span t, struct event *ev)
{
	if (span_eat(&t, "improper command pipelining after ")) {
		ptrdiff_t f = span_index(t, " from ");
		if (f < 0)
			return false;
		struct span where = span_head(t, (size_t)f);
		t = span_skip(t, (size_t)f + 6);
		if (smtpd_take_client(&t, ev)) {
			ev->command = t;
		} else {
			/* older versions log no text; some end in a bare ':' */
			t = span_trim(t);
			if (span_ends(t, ":"))
				t.n--;
			if (!smtpd_client(t, ev))
				return false;
			/* no text, yet the pipelining happened: an empty
			 * command (set, not null) still marks the session */
			ev->command = span_skip(t, t.n);
		}
		ev->type = EV_PIPELINING;
		ev->stage = where;
		return true;
	}
	static const char *const infos[] = {
	    "discarding EHLO keywords: ", "table ", "using backwards-compatible default setting",
	    "skipping address family ", "Relaying allowed for ", NULL};
	for (int i = 0; infos[i]; i++)
		if (span_starts(t, infos[i])) {
			ev->type = EV_INFO;
			if (i == 2) /* a compatibility_level default (smtpd.c) */
				ev->action = SPAN_LIT("compat");
			return true;
		}
	/* "NAMADDR: TLS cipher list ...", "NAMADDR: Issuing session ticket ...",
	 * "NAMADDR: Reusing old session", "NAMADDR: subject_CN=...", "NAMADDR:
	 * replacing command ..." */
	struct span r = t;
	if (smtpd_take_client(&r, ev)) {
		ev->type = EV_INFO;
		return true;
	}
	return false;
}

/* parse_smtpd - fill ev from an smtpd line */
void parse_smtpd(const struct logline *l, struct event *ev)
{
	struct span t = l->text;
	if (l->severity.n) {
		smtpd_parse_warning(l, t, ev);
		return;
	}
	if (span_eat(&t, "connect from ")) {
		if (smtpd_client(t, ev))
			ev->type = EV_CONNECT;
		return;
	}
	if (span_eat(&t, "disconnect from ")) {
		parse_disconnect(t, ev);
		return;
	}
	if (span_eqs(t, "connect from") || span_eqs(t, "disconnect from")) {
		/* the client deleted with the blank before it (smtpd_client) */
		ev->client_name = ev->client_ip = span_skip(t, t.n);
		ev->type = t.p[0] == 'c' ? EV_CONNECT : EV_DISCONNECT;
		return;
	}
	/* 3.9 snapshots, 3.8.4, 3.7.9 ...: smtpd_forbid_bare_newline */
	if (span_eat(&t, "disconnect: bare <LF> received from ")) {
		if (smtpd_client(t, ev)) {
			ev->type = EV_LOST;
			ev->reason = SPAN_LIT("bare <LF> received");
		}
		return;
	}
	if (parse_lost(t, ev) || parse_queue_line(t, ev) || parse_proxy(t, ev) ||
	    parse_tls_info(l, t, ev) || parse_info(t, ev))
		return;
	/* Postfix 2.0 and older: "reject: RCPT from C: 554 ...;" with no NOQUEUE */
	if ((span_starts(t, "reject: ") || span_starts(t, "reject_warning: ")) && parse_action(t, ev))
		return;
	parse_reply_fragment(t, ev);
}
