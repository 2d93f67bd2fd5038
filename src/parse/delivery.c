/*
 * delivery.c - the delivery agents: smtp, lmtp, local, virtual, pipe,
 * error, retry, discard, relay.
 *
 *   QID: to=<r>[, orig_to=<o>], relay=R[, conn_use=N], delay=D,
 *        delays=a/b/c/d[, tls=L/F (3.11+)], dsn=X.Y.Z, status=S (TEXT)
 *        (global/log_adhoc.c; qmgr logs the same shape with relay=none)
 *   connect to HOST[IP]:PORT: REASON                     (smtp_connect.c)
 *   QID: host HOST[IP] said: REPLY (in reply to CMD command)
 *   QID: host HOST[IP] refused to talk to me: REPLY
 *   QID: lost connection with HOST[IP] while WHAT
 *   QID: conversation with HOST[IP] timed out while WHAT  (smtp_trouble.c)
 *   TLS summaries and failures (tls.c)
 *
 * Untrusted: recipient addresses (may hold ", " and ">"), every remote
 * server reply, remote host names.
 */
#include "common.h"

/* set_relay - "name[ip]:port" into relay_*, else a transport word; an
 * LMTP socket "name[/var/run/dovecot/lmtp]" has no address */
static void set_relay(struct event *ev, struct span r)
{
	struct span name, ip, port;
	ev->relay = r;
	if (pc_namaddr(r, &name, &ip, &port)) {
		ev->relay_name = name;
		if (span_chr(ip, '/') < 0)
			ev->relay_ip = ip;
		ev->relay_port = port;
	} else {
		ev->relay_name = r;
	}
}

/* take_qid_after - the queue ID after marker in s ("queued as 3F1A2B"):
 * a Postfix queue ID, or, when any_mta, the next receiving MTA's own ID
 * (five or more letters and digits: Exchange, Exim, sendmail IDs) */
SPAN_INLINE bool take_qid_after(struct span s, const char *marker, bool any_mta, struct span *qid)
{
	struct span v = span_find(s, marker);
	if (!v.p)
		return false;
	v = span_skip(v, strlen(marker));
	size_t i = 0;
	while (i < v.n && ((v.p[i] >= '0' && v.p[i] <= '9') || (v.p[i] >= 'A' && v.p[i] <= 'Z') ||
			   (v.p[i] >= 'a' && v.p[i] <= 'z')))
		i++;
	if (!pc_queue_id(span_head(v, i)) && !(any_mta && i >= 5))
		return false;
	*qid = span_head(v, i);
	return true;
}

/* skip_item - past the next ", " (an unknown key=value) */
static bool skip_item(struct span *t)
{
	struct span junk;
	return span_until(t, ", ", &junk);
}

/* angle_to - "to=<value>" at *t as pc_angle_value(t, "to", {", orig_to=<",
 * ", relay="}) reads it, the next keys tested in place: the value ends at
 * the first '>' (after a quoted local part) followed by one of them, else
 * at the last '>' */
static bool angle_to(struct span *t, struct span *out)
{
	struct span v = span_skip(*t, 4); /* "to=<", tested by the caller */
	size_t q = pc_quoted_len(v);
	const char *p = v.p + q, *end = v.p + v.n, *gt = NULL;
	while (p < end && (gt = memchr(p, '>', (size_t)(end - p)))) {
		size_t left = (size_t)(end - gt - 1);
		if (left >= 8 && gt[1] == ',' && gt[2] == ' ' &&
		    (memcmp(gt + 3, "relay=", 6) == 0 ||
		     (left >= 11 && memcmp(gt + 3, "orig_to=<", 9) == 0)))
			break;
		p = gt + 1;
		gt = NULL;
	}
	if (!gt) {
		ptrdiff_t r = span_rchr(span_make(v.p + q, v.n - q), '>');
		if (r < 0)
			return false;
		gt = v.p + q + r;
	}
	*out = span_make(v.p, (size_t)(gt - v.p));
	*t = span_make(gt + 1, (size_t)(end - gt - 1));
	return true;
}

/* the keys of a status line after to= and orig_to=, each read with its
 * '=': none of "relay=", "conn_use=", "delays=", "delay=", "tls=",
 * "dsn=", "status=" is a prefix of another, so at most one is at t */
enum dkey { DK_NONE, DK_RELAY, DK_CONN_USE, DK_DELAYS, DK_DELAY, DK_TLS, DK_DSN, DK_STATUS };

/* status_key - the key at t and the length of it with its '=' (inlined
 * whatever GCC thinks: it made a call of it, five times a status line;
 * speed34) */
static inline __attribute__((always_inline)) enum dkey status_key(struct span t, size_t *kn)
{
	const char *p = t.p;
	if (t.n < 4)
		return DK_NONE; /* "tls=", "dsn=" are the shortest */
	switch (p[0]) {
	case 'r':
		*kn = 6;
		return t.n >= 6 && memcmp(p, "relay=", 6) == 0 ? DK_RELAY : DK_NONE;
	case 'c':
		*kn = 9;
		return t.n >= 9 && memcmp(p, "conn_use=", 9) == 0 ? DK_CONN_USE : DK_NONE;
	case 'd':
		if (p[1] == 's') {
			*kn = 4;
			return p[2] == 'n' && p[3] == '=' ? DK_DSN : DK_NONE;
		}
		if (t.n < 6 || memcmp(p, "delay", 5) != 0)
			return DK_NONE;
		if (p[5] == '=') {
			*kn = 6;
			return DK_DELAY;
		}
		*kn = 7;
		return t.n >= 7 && p[5] == 's' && p[6] == '=' ? DK_DELAYS : DK_NONE;
	case 't':
		*kn = 4;
		return memcmp(p, "tls=", 4) == 0 ? DK_TLS : DK_NONE;
	case 's':
		*kn = 7;
		return t.n >= 7 && memcmp(p, "status=", 7) == 0 ? DK_STATUS : DK_NONE;
	default:
		return DK_NONE;
	}
}

/* delivery_items - "relay=R, ..., status=S (TEXT)": the keys after to=
 * and orig_to=, up to the status and its text (a line cut before to=
 * starts here: delivery_fragment) */
static inline bool delivery_items(struct span t, struct event *ev)
{
	struct span v;
	bool relay = false;
	for (;;) {
		size_t kn = 0;
		enum dkey key = status_key(t, &kn);
		if (key == DK_NONE) {
			if (!skip_item(&t))
				break;
			continue;
		}
		/* the value: up to ", " or ' ' or the end (pc_word_value) */
		const char *vp = t.p + kn, *ve = span_scan2(vp, t.p + t.n, ',', ' ');
		v = span_make(vp, (size_t)(ve - vp));
		t = span_make(ve, t.n - kn - v.n);
		if (key == DK_STATUS) {
			ev->status = v;
			if (span_eat(&t, " (")) {
				if (span_ends(t, ")"))
					t.n--;
				ev->reason = t;
			} else if (t.n) {
				ev->reason = span_trim(t); /* "expired, returned to sender" */
				if (span_eat(&ev->reason, ","))
					ev->reason = span_trim(ev->reason);
			}
			break;
		}
		switch (key) {
		case DK_RELAY:
			set_relay(ev, v);
			relay = true;
			break;
		case DK_CONN_USE:
			ev->conn_use = v;
			break;
		case DK_DELAYS:
			ev->delays = v;
			break;
		case DK_DELAY:
			ev->delay = v;
			break;
		case DK_TLS:
			ev->tls_level = v;
			break;
		default: /* DK_DSN */
			ev->dsn = v;
			break;
		}
		if (!span_eat(&t, ", "))
			break;
	}
	if (!relay && !ev->status.p)
		return false;
	struct span nq;
	if (ev->reason.p && (take_qid_after(ev->reason, "queued as ", span_eqs(ev->status, "sent"), &nq) ||
			     take_qid_after(ev->reason, "forwarded as ", false, &nq)))
		ev->new_queue_id = nq;
	ev->type = EV_DELIVERY;
	return true;
}

/* masked_to - a pasted status line whose "to=<r>" a web page's address
 * protection replaced as a whole ("QID: [email protected], relay=..."):
 * the recipient is that placeholder, when it is a short run up to
 * ", relay=" holding '@' or "[email", and a status follows */
static bool masked_to(struct span *t, struct span *v)
{
	ptrdiff_t k = span_index(*t, ", relay=");
	if (k <= 0 || k > 64 || span_index(*t, "status=") < k)
		return false;
	struct span head = span_head(*t, (size_t)k);
	if (span_chr(head, '@') < 0 && span_index(head, "[email") < 0)
		return false;
	*v = head;
	*t = span_skip(*t, (size_t)k);
	return true;
}

/* masked_status - masked_to's line: the items after the placeholder, ev
 * left as it was when they do not read as a status line */
static bool masked_status(struct span t, struct event *ev)
{
	struct span v;
	struct event keep = *ev;
	if (masked_to(&t, &v) && span_eat(&t, ", ") && delivery_items(t, ev)) {
		ev->to = v;
		return true;
	}
	*ev = keep;
	return false;
}

/*
 * pc_delivery_status - "to=<r>, ..., status=S (TEXT)" after the queue ID,
 * shared with qmgr (which logs it for recipients it defers or bounces).
 * (speed11: the keys told by their first byte, not tried in turn, and
 * to=<...>'s next keys tested in place; test_delivery_status.c holds it
 * to the former function.)
 */
bool pc_delivery_status(struct span t, struct event *ev)
{
	static const char *const after_orig[] = {", relay=", NULL};
	struct span v;
	if (span_starts(t, "to=<")) {
		if (!angle_to(&t, &v))
			return false;
	} else if (span_eat(&t, "to=")) {
		/* damaged logs drop the brackets: anchor on the next key */
		ptrdiff_t k = span_index(t, ", relay=");
		ptrdiff_t o = span_index(t, ", orig_to=");
		if (o >= 0 && (k < 0 || o < k))
			k = o;
		if (k < 0)
			return false;
		v = span_head(t, (size_t)k);
		t = span_skip(t, (size_t)k);
	} else {
		return false;
	}
	ev->to = v;
	if (span_eat(&t, ", ") && span_starts(t, "orig_to=")) {
		if (pc_angle_value(&t, "orig_to", after_orig, &v)) {
			ev->orig_to = v;
		} else {
			/* without brackets (damaged logs): up to ", relay=" */
			t = span_skip(t, 8);
			ptrdiff_t k = span_index(t, ", relay=");
			if (k < 0)
				return false;
			ev->orig_to = span_head(t, (size_t)k);
			t = span_skip(t, (size_t)k);
		}
		if (!span_eat(&t, ", "))
			return false;
	}
	return delivery_items(t, ev);
}

/* smtp_error - "host X said: ...", "lost connection with X while ..." */
static bool smtp_error(struct span t, struct event *ev)
{
	struct span na, rest = t, code, dsn, text;
	if (span_eat(&rest, "host ")) {
		ptrdiff_t i = span_index(rest, "] said: ");
		ptrdiff_t j = span_index(rest, "] refused to talk to me: ");
		if (i >= 0 && (j < 0 || i < j)) {
			na = span_head(rest, (size_t)i + 1);
			rest = span_skip(rest, (size_t)i + 8);
			ev->action = span_make(t.p + 5 + na.n + 1, 4); /* "said" */
			/* " (in reply to RCPT TO command)" ends the reply */
			ptrdiff_t r = -1, k;
			struct span s = rest;
			while ((k = span_index(s, " (in reply to ")) >= 0) {
				r = (s.p - rest.p) + k;
				s = span_skip(s, (size_t)k + 1);
			}
			if (r >= 0) {
				struct span st = span_skip(rest, (size_t)r + 14);
				if (span_ends(st, ")"))
					st.n--;
				if (span_ends(st, " command"))
					st.n -= 8;
				ev->stage = st;
				rest = span_head(rest, (size_t)r);
			}
		} else if (j >= 0) {
			na = span_head(rest, (size_t)j + 1);
			rest = span_skip(rest, (size_t)j + 25);
			ev->action = span_make(t.p + 5 + na.n + 1, 7); /* "refused" */
		} else {
			return false;
		}
		pc_reply(rest, &code, &dsn, &text);
		ev->code = code;
		ev->dsn = dsn;
		ev->reason = text;
	} else if (span_eat(&rest, "lost connection with ") ||
		   span_eat(&rest, "conversation with ")) {
		bool lost = span_starts(t, "lost");
		ptrdiff_t i = span_index(rest, lost ? "] while " : "] timed out while ");
		if (i < 0)
			return false;
		na = span_head(rest, (size_t)i + 1);
		ev->stage = span_skip(rest, (size_t)i + (lost ? 8 : 18));
		ev->action = lost ? span_make(t.p, 4) : SPAN_LIT("timeout");
		ev->reason = t;
	} else if (span_eat(&rest, "local data error while talking to ")) {
		na = rest;
		ev->action = SPAN_LIT("local-error");
		ev->reason = t;
	} else {
		return false;
	}
	struct span name, ip, port;
	if (pc_namaddr(na, &name, &ip, &port)) {
		ev->relay = na;
		ev->relay_name = name;
		ev->relay_ip = ip;
	}
	ev->type = EV_SMTP_ERROR;
	return true;
}

/* conn_fail - "connect to HOST[IP]:PORT: Connection refused" */
static bool conn_fail(struct span t, struct event *ev)
{
	if (!span_eat(&t, "connect to "))
		return false;
	struct span na;
	ptrdiff_t rb = span_chr(t, ']');
	if (rb >= 0) {
		struct span after = span_skip(t, (size_t)rb + 1);
		ptrdiff_t c = span_index(after, ": ");
		if (c < 0)
			return false;
		na = span_head(t, (size_t)rb + 1 + (size_t)c);
		t = span_skip(after, (size_t)c + 2);
		set_relay(ev, na);
	} else {
		/* unix-domain: "connect to private/dovecot-lmtp: No such file" */
		if (!span_until(&t, ": ", &na))
			return false;
		ev->relay = ev->relay_name = na;
	}
	ev->reason = t;
	ev->type = EV_SMTP_CONN_FAIL;
	return true;
}

/* is_smtp - the SMTP/LMTP client, which logs session-level failures */
static bool is_smtp(const struct logline *l)
{
	return span_eqs(l->daemon, "smtp") || span_eqs(l->daemon, "lmtp") ||
	       span_eqs(l->daemon, "relay"); /* master.cf's "relay ... smtp" */
}

/* queue_line - "QID: ..." lines other than the status line */
static void queue_line(const struct logline *l, struct span t, struct event *ev)
{
	static const char *const infos[] = {
	    "enabling PIX workarounds: ", "breaking line > ", "Sender requested REQUIRETLS",
	    "got ", "replacing server reply ", NULL};
	if (!is_smtp(l))
		return;
	if (smtp_error(t, ev))
		return;
	for (int i = 0; infos[i]; i++)
		if (span_starts(t, infos[i])) {
			ev->type = EV_INFO;
			ev->text = t;
			return;
		}
	/* smtp_header_checks: "QID: ACTION: header CONTENT[: TEXT]" */
	struct span c = t, act;
	if (span_until(&c, ": ", &act) && act.n && span_chr(act, ' ') < 0 &&
	    (span_starts(c, "header ") || span_starts(c, "body "))) {
		struct span cls;
		span_until_chr(&c, ' ', &cls);
		ev->type = EV_CLEANUP_ACTION;
		ev->action = act;
		ev->stage = cls;
		ev->reason = c;
		return;
	}
	/* a status line cut before its status= (wrapped or truncated when
	 * pasted) says nothing of what became of the mail */
	if (span_starts(t, "to=<") && span_index(t, "status=") < 0) {
		ev->type = EV_UNKNOWN;
		return;
	}
	/* every other "QID: text" is a failure reason (smtp_trouble.c:254,429) */
	ev->type = EV_SMTP_ERROR;
	ev->reason = t;
}

/* delivery_fragment - a status line pasted without its queue ID
 * ("to=<r>, relay=..."), or cut before to= ("relay=R, ..., status=S
 * (TEXT)", "dsn=X.Y.Z, status=S (TEXT)", "status=S (TEXT)", "o=<r>,
 * relay=..."; any key of the line's): read for what it says, with no message
 * to tie it to (the model follows queue IDs only) and an empty
 * recipient when to= was cut off */
static bool delivery_fragment(struct span t, struct event *ev)
{
	/* the selection began a byte or two into "to=<": read from relay= */
	if (span_starts(t, "o=<") || span_starts(t, "=<")) {
		ptrdiff_t k = span_index(t, ", relay=");
		if (k <= 0)
			return false;
		t = span_skip(t, (size_t)k + 2);
	}
	bool to = span_starts(t, "to=");
	size_t kn = 0;
	/* cut anywhere before its status: "dsn=5.6.7, status=bounced (...)" */
	if (!to && status_key(t, &kn) == DK_NONE)
		return false;
	if (span_index(t, "status=") < 0)
		return false; /* a fragment says at least what became of the mail */
	if (to)
		return pc_delivery_status(t, ev);
	ev->to = span_make(t.p, 0);
	return delivery_items(t, ev);
}

/* parse_delivery - fill ev from a delivery agent line */
void parse_delivery(const struct logline *l, struct event *ev)
{
	struct span t = l->text, qid;
	if (l->severity.n)
		return; /* warnings: generic.c (with the queue ID) */
	if (pc_take_queue_id(&t, &qid)) {
		ev->queue_id = qid;
		if (pc_delivery_status(t, ev) || masked_status(t, ev))
			return;
		queue_line(l, t, ev);
		return;
	}
	if (delivery_fragment(t, ev))
		return;
	if (is_smtp(l)) {
		if (conn_fail(t, ev) || pc_tls(l, t, ev))
			return;
		/* smtp_connect.c's hint when the next hop is port 465 and
		 * smtp_tls_wrappermode is off: "SMTPS wrappermode (TCP port
		 * 465) requires setting ..." (the finding reads its text) */
		if (span_starts(t, "discarding EHLO keywords: ") ||
		    span_starts(t, "Host offered STARTTLS: ") ||
		    span_starts(t, "SMTPS wrappermode (TCP port 465) requires setting ")) {
			ev->type = EV_INFO;
			return;
		}
		/* smtp -v: the MX and address lookups (smtp_addr.c:142-152) */
		if (span_starts(t, "host name lookup methods: ") || span_starts(t, "pref ") ||
		    span_starts(t, "connecting to ") ||
		    ((span_starts(t, "begin ") || span_starts(t, "end ")) &&
		     span_ends(t, " address list")) ||
		    (span_starts(t, "lookup ") && span_find(t, " type ").p &&
		     span_find(t, " flags ").p)) {
			ev->type = EV_NOISE;
			return;
		}
	}
}
