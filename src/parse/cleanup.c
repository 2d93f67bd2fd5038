/*
 * cleanup.c - the cleanup daemon: message IDs, header/body/milter check
 * actions, and (3.10+) messages removed before they were queued.
 *
 *   QID: message-id=<ID>          (or the raw header value, or <>)
 *   QID: resent-message-id=<ID>
 *   QID: ACTION: header|body CONTENT from ORIGIN; from=<a> to=<b>
 *        proto=P helo=<h>[: TEXT]                 (cleanup_message.c:272)
 *   QID: milter-ACTION: EVENT from NAME[IP]: TEXT; from=<a> ...
 *                                                 (cleanup_milter.c:2120)
 *   QID: milter-header-ACTION: header CONTENT from NAME[IP]; ...
 *   QID: reject: mime-error ERR: TEXT from ORIGIN; from=<a> to=<b>
 *   QID: removed (canceled|discarded)             (cleanup_api.c:371)
 *
 * Untrusted: everything after the queue ID - header lines and addresses
 * come from the sender, so "from " or "; from=<" may appear inside them.
 * The origin of a header/body action is found as Postfix wrote it
 * (find_origin): CONTENT, at most 200 bytes, comes before the real
 * " from ORIGIN;" and the addresses after it, so the real one is the
 * first whose tail reads exactly as cleanup_act_log writes it and after
 * whose addresses no other " from ORIGIN;" appears.
 */
#include "common.h"

/* message_id - the value after "message-id=": <ID>, <>, or raw text */
static void message_id(struct span v, struct event *ev)
{
	if (span_starts(v, "<")) {
		ptrdiff_t e = span_rchr(v, '>');
		if (e > 0)
			v = span_make(v.p + 1, (size_t)e - 1);
		else
			v = span_skip(v, 1);
	}
	ev->message_id = v;
	ev->type = EV_MESSAGE_ID;
}

/* is_action - a lower-case action word: reject, milter-reject, ... */
static bool is_action(struct span a)
{
	if (a.n == 0 || a.n > 40)
		return false;
	for (size_t i = 0; i < a.n; i++)
		if (!((a.p[i] >= 'a' && a.p[i] <= 'z') || a.p[i] == '-' || a.p[i] == '_'))
			return false;
	return true;
}

/* origin_ok - an origin as Postfix logs it: "local", "unknown", or
 * NAME[ADDR] with an optional ":PORT" (NAME a host name or "unknown") */
static bool origin_ok(struct span o)
{
	if (span_eqs(o, "local") || span_eqs(o, "unknown"))
		return true;
	ptrdiff_t lb = span_chr(o, '[');
	if (lb <= 0)
		return false;
	for (ptrdiff_t i = 0; i < lb; i++) {
		char c = o.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '-' || c == '_'))
			return false;
	}
	size_t i = (size_t)lb + 1, a = i;
	while (i < o.n && o.p[i] != ']') {
		char c = o.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == ':' || c == '%' || c == '-' || c == '_'))
			return false;
		i++;
	}
	if (i == a || i >= o.n)
		return false;
	struct span port = span_skip(o, i + 1);
	return port.n == 0 || (port.p[0] == ':' && port.n > 1 && span_digits(span_skip(port, 1)));
}

/* addr_ok - an envelope address as Postfix logs it (external form): a
 * local part that needs quoting is quoted, so outside a leading quoted
 * string there is no blank and no quote */
static bool addr_ok(struct span a)
{
	size_t q = pc_quoted_len(a);
	if (a.n && a.p[0] == '"' && !q)
		return false;
	struct span rest = span_skip(a, q);
	if (q && rest.n && rest.p[0] != '@')
		return false;
	return span_chr(rest, ' ') < 0 && span_chr(rest, '"') < 0;
}

/* angle_end - in "VALUE>REST", the '>' (after a leading quoted string)
 * that one of keys, or the end of v, follows; -1 if none */
static ptrdiff_t angle_end(struct span v, const char *const *keys)
{
	for (size_t i = pc_quoted_len(v); i < v.n; i++) {
		if (v.p[i] != '>')
			continue;
		struct span rest = span_skip(v, i + 1);
		if (!rest.n)
			return (ptrdiff_t)i;
		for (int k = 0; keys[k]; k++)
			if (span_starts(rest, keys[k]))
				return (ptrdiff_t)i;
	}
	return -1;
}

/* angle_field - at *t " KEY=<VALUE>" followed by one of keys or the end;
 * VALUE an address as Postfix logs it */
static bool angle_field(struct span *t, const char *key, const char *const *keys, struct span *v)
{
	if (!span_eat(t, key))
		return false;
	ptrdiff_t e = angle_end(*t, keys);
	if (e < 0 || !addr_ok(span_head(*t, (size_t)e)))
		return false;
	*v = span_head(*t, (size_t)e);
	*t = span_skip(*t, (size_t)e + 1);
	return true;
}

/* the fields after "from ORIGIN", as cleanup_act_log writes them */
struct act_tail {
	struct span from, to, proto, helo, text;
	const char *addrs_end;  /* after the addresses: only Postfix's own words follow */
};

/*
 * act_tail - t is ";" " from=<S>"[" to=<R>"][" proto=P"][" helo=<H>"][": TEXT"]
 * exactly (cleanup_message.c, cleanup_act_log).  The HELO name holds none
 * of <>();:@\" (smtpd neuters them), the protocol is one word.
 */
static bool act_tail(struct span t, struct act_tail *o)
{
	static const char *const after_from[] = {" to=<", " proto=", " helo=<", ": ", NULL};
	static const char *const after_to[] = {" proto=", " helo=<", ": ", NULL};
	*o = (struct act_tail){0};
	if (!span_eat(&t, ";") || !angle_field(&t, " from=<", after_from, &o->from))
		return false;
	angle_field(&t, " to=<", after_to, &o->to);
	if (span_starts(t, " to=<"))
		return false;
	o->addrs_end = t.p;
	if (span_eat(&t, " proto=")) {
		size_t i = 0;
		while (i < t.n && t.p[i] != ' ' && t.p[i] != ':')
			i++;
		if (!i)
			return false;
		o->proto = span_head(t, i);
		t = span_skip(t, i);
	}
	if (span_eat(&t, " helo=<")) {
		size_t i = 0;
		while (i < t.n && !strchr("<>();:@\\\"", t.p[i]))
			i++;
		if (i >= t.n || t.p[i] != '>')
			return false;
		o->helo = span_head(t, i);
		t = span_skip(t, i + 1);
	}
	if (span_eat(&t, ": "))
		o->text = t;
	else if (t.n)
		return false;
	return true;
}

#define ORIGIN_CANDIDATES 32    /* CONTENT (200 bytes) holds at most 19 */

/*
 * find_origin - the offset of the real " from ORIGIN;" in t, or -1.
 * CONTENT before it and the addresses after it are the sender's: the
 * real one is the first candidate whose tail reads exactly as Postfix
 * writes it (act_tail) with no later candidate after its addresses (a
 * forged one in CONTENT has the real one in its "TEXT").  When no
 * candidate passes, the first " from ORIGIN;" (*strict false).
 */
static ptrdiff_t find_origin(struct span t, struct span *origin, struct act_tail *tail, bool *strict)
{
	ptrdiff_t at[ORIGIN_CANDIDATES];
	struct span org[ORIGIN_CANDIDATES];
	int n = 0;
	struct span s = t;
	ptrdiff_t k;
	while (n < ORIGIN_CANDIDATES && (k = span_index(s, " from ")) >= 0) {
		struct span o = span_skip(s, (size_t)k + 6);
		size_t i = 0;
		while (i < o.n && o.p[i] != ' ' && o.p[i] != ';')
			i++;
		if (i > 0 && i < o.n && o.p[i] == ';' && origin_ok(span_head(o, i))) {
			at[n] = (s.p - t.p) + k;
			org[n++] = span_head(o, i);
		}
		s = span_skip(s, (size_t)k + 1);
	}
	*strict = false;
	for (int c = 0; c < n; c++) {
		struct act_tail tl;
		if (!act_tail(span_skip(t, (size_t)at[c] + 6 + org[c].n), &tl))
			continue;
		int later = c + 1;
		while (later < n && t.p + at[later] < tl.addrs_end)
			later++;
		if (later < n)
			continue;
		*origin = org[c];
		*tail = tl;
		*strict = true;
		return at[c];
	}
	if (!n)
		return -1;
	*origin = org[0];
	return at[0];
}

/* set_origin - "name[addr]" into client_*, else "local"/"unknown" as name */
static void set_origin(struct span o, struct event *ev)
{
	struct span name, ip, port;
	if (pc_namaddr(o, &name, &ip, &port)) {
		ev->client_name = name;
		ev->client_ip = ip;
		if (port.p)
			ev->client_port = port;
	} else {
		ev->client_name = o;
	}
}

/* dsn_text - "5.7.1 text" (a check's optional text) into dsn and text */
static void dsn_text(struct span s, struct event *ev)
{
	struct span code, dsn, text;
	if (pc_reply(s, &code, &dsn, &text)) {
		ev->code = code;
		ev->dsn = dsn;
		ev->text = text;
		return;
	}
	size_t i = 0;
	int dots = 0;
	while (i < s.n && ((s.p[i] >= '0' && s.p[i] <= '9') || s.p[i] == '.'))
		dots += s.p[i++] == '.';
	if (dots == 2 && i >= 5 && (s.p[0] == '2' || s.p[0] == '4' || s.p[0] == '5') &&
	    (i == s.n || s.p[i] == ' ')) {
		ev->dsn = span_head(s, i);
		s = span_skip(s, i + (i < s.n));
	}
	ev->text = s;
}

/*
 * tail - "from=<a> to=<b> proto=P helo=<h>[: TEXT]" after "ORIGIN;".
 * The HELO name cannot hold '>' (smtpd replaces it), so the first '>'
 * after "helo=<" ends it and what follows ": " is the optional text.
 */
static void tail(struct span t, struct event *ev)
{
	ptrdiff_t h = span_index(t, " helo=<");
	if (h >= 0) {
		struct span hv = span_skip(t, (size_t)h + 7), helo;
		if (span_until_chr(&hv, '>', &helo)) {
			ev->helo = helo;
			if (span_eat(&hv, ": "))
				dsn_text(hv, ev);
			t = span_head(t, (size_t)h);
		}
	} else {
		/* no HELO (local origin): the text follows the last address */
		ptrdiff_t k, last = -1;
		struct span s = t;
		while ((k = span_index(s, ">: ")) >= 0) {
			last = (s.p - t.p) + k;
			s = span_skip(s, (size_t)k + 1);
		}
		if (last >= 0) {
			dsn_text(span_skip(t, (size_t)last + 3), ev);
			t = span_head(t, (size_t)last + 1);
		} else {
			ptrdiff_t p = span_index(t, " proto=");
			struct span pv = p >= 0 ? span_skip(t, (size_t)p + 7) : SPAN_NULL;
			ptrdiff_t c = span_index(pv, ": ");
			if (c >= 0) {
				dsn_text(span_skip(pv, (size_t)c + 2), ev);
				t = span_head(t, (size_t)(pv.p - t.p) + (size_t)c);
			}
		}
	}
	struct span save_helo = ev->helo;
	pc_smtpd_tail(t, ev);
	if (save_helo.p)
		ev->helo = save_helo;
}

/* check_action - "ACTION: CLASS CONTENT from ORIGIN; tail" */
static bool check_action(struct span act, struct span t, struct event *ev)
{
	struct span cls = t, c;
	if (!span_until_chr(&cls, ' ', &c)) {
		/* a paste cut right after the class ("QID: redirect: header",
		 * the rest wrapped away): the action and the class still tell */
		if (!span_eqs(t, "header") && !span_eqs(t, "body"))
			return false;
		ev->stage = t;
		ev->action = act;
		ev->type = EV_CLEANUP_ACTION;
		return true;
	}
	struct span rest = cls, origin;
	if (span_eqs(c, "header") || span_eqs(c, "body") || span_eqs(c, "mime-error")) {
		struct act_tail tl;
		bool strict;
		ptrdiff_t o = find_origin(rest, &origin, &tl, &strict);
		ev->stage = c;
		if (o < 0) {
			/* no origin (smtp_hbc_logger's form): content[: text] */
			ev->reason = rest;
		} else {
			ev->reason = span_head(rest, (size_t)o);
			set_origin(origin, ev);
			if (strict) {
				ev->from = tl.from;
				ev->to = tl.to;
				ev->proto = tl.proto;
				ev->helo = tl.helo;
				if (tl.text.p)
					dsn_text(tl.text, ev);
			} else {
				tail(span_skip(rest, (size_t)o + 6 + origin.n + 1), ev);
			}
		}
	} else {
		/* milter: "EVENT from NAME[IP]: TEXT; from=<a> ..." */
		if (!span_eat(&rest, "from "))
			return false;
		ptrdiff_t rb = span_index(rest, "]: ");
		if (rb < 0)
			return false;
		set_origin(span_head(rest, (size_t)rb + 1), ev);
		rest = span_skip(rest, (size_t)rb + 3);
		static const char *const keys[] = {"; from=<", "; to=<", "; proto=", "; helo=<", NULL};
		ptrdiff_t best = -1;
		for (int i = 0; keys[i]; i++) {
			ptrdiff_t k = span_index(rest, keys[i]);
			if (k >= 0 && (best < 0 || k < best))
				best = k;
		}
		struct span text = rest;
		if (best >= 0) {
			text = span_head(rest, (size_t)best);
			tail(span_skip(rest, (size_t)best + 1), ev);
		} else if (span_ends(text, ";")) {
			text.n--;
		}
		ev->stage = c;
		dsn_text(text, ev);
		ev->reason = ev->text;
		ev->text = SPAN_NULL;
	}
	ev->action = act;
	ev->type = EV_CLEANUP_ACTION;
	return true;
}

/* verbose - cleanup -v's record dump (cleanup_envelope.c:138 ...) */
static bool verbose(struct span t)
{
	static const char *const pfx[] = {
	    "initial envelope ", "extracted envelope ", "open incoming/", "open maildrop/",
	    "cleanup flags = ", "client flags = ", "server flags = ", "cleanup_open: ",
	    "cleanup_flush: ", "cleanup_out: ", NULL};
	for (int i = 0; pfx[i]; i++)
		if (span_starts(t, pfx[i]))
			return true;
	return false;
}

/* parse_cleanup - fill ev from a cleanup line */
void parse_cleanup(const struct logline *l, struct event *ev)
{
	struct span t = l->text, qid;
	if (l->severity.n)
		return; /* warnings (milter trouble, hopcount...): generic.c */
	if (!pc_take_queue_id(&t, &qid)) {
		struct span rest = t, act;
		if (verbose(t))
			ev->type = EV_NOISE;
		else if (span_starts(t, "milter-") && span_until(&rest, ": ", &act) && is_action(act))
			check_action(act, rest, ev); /* a paste that cut the queue ID off */
		return;
	}
	ev->queue_id = qid;
	if (span_eat(&t, "message-id=")) {
		message_id(t, ev);
		return;
	}
	if (span_eat(&t, "resent-message-id=")) {
		message_id(t, ev);
		ev->action = SPAN_LIT("resent");
		return;
	}
	if (span_eat(&t, "removed (")) {
		if (span_ends(t, ")"))
			t.n--;
		ev->type = EV_CLEANUP_REMOVED;
		ev->action = SPAN_LIT("removed");
		ev->reason = t;
		return;
	}
	struct span rest = t, act;
	if (span_until(&rest, ": ", &act) && is_action(act) && check_action(act, rest, ev))
		return;
}
