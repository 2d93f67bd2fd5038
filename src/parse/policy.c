/*
 * policy.c - the lines of the policy services smtpd asks
 * (check_policy_service) that log their own decisions: postgrey,
 * policyd-spf (the Python one; the Perl one logs as postfix/policy-spf)
 * and policyd-weight (as postfix/policyd-weight).
 * They stay EV_OTHER (another program's lines: counted apart), with the
 * client, the envelope and the decision:
 *
 *   postgrey: action=greylist, reason=new, client_name=N,
 *             client_address=A[/M], sender=S, recipient=R
 *                                      action, reason, client_*, from, to
 *   postgrey: action=pass, reason=triplet found, delay=305, client_name=...
 *   policyd-spf: prepend Received-SPF: Pass (mailfrom) identity=mailfrom;
 *             client-ip=A; helo=H; envelope-from=S; receiver=R
 *                                      action "prepend", reason "Pass"
 *   policyd-spf: 550 5.7.23 Message rejected due to: SPF fail - not
 *             authorized. Please see http://.../Why?s=mfrom;id=S;ip=A;r=R
 *                                      action "reject", code, dsn, reason
 *   policyd-spf: 451 4.4.3 SPF Temporary Error: DNS Timeout ...
 *                                      action "defer"
 *   postfix/policy-spf: QID: Policy action=PREPEND Received-SPF: none
 *             (...) receiver=R; ...; helo=H; client-ip=A
 *                                      action "prepend", reason "none"
 *   postfix/policyd-weight: decided action=550 Mail appeared to be SPAM
 *             or forged. ...; <client=N[A]> <helo=H> <from=S> <to=R>;
 *             delay: 0s                action "reject", code, reason
 *   postfix/policyd-weight: decided action=DUNNO ...  action "pass"
 *   postfix/policyd-weight: weighted check: CHECKS; <client=N[A]> ...;
 *             rate: N                  action "score", reason "rate: N"
 *
 * Untrusted: the sender, the recipient and the HELO name are what the
 * client sent, so every value is found where the client's text cannot
 * have put it: postgrey's client_address before the sender (client_name
 * is Postfix's checked name or "unknown"), its recipient from the right;
 * policyd-spf's client-ip before the HELO name, the refusal's ip= from
 * the right (after it only the receiver, this host).
 */
#include "common.h"

/* value - the value of key (", key=" or "; key=" form, key given with
 * its '=') in t, up to the separator sep or the end */
static struct span value(struct span t, const char *key, char sep)
{
	struct span v = span_find(t, key);
	if (!v.p)
		return SPAN_NULL;
	v = span_skip(v, strlen(key));
	ptrdiff_t end = span_chr(v, sep);
	return end >= 0 ? span_head(v, (size_t)end) : v;
}

/* last_index - where needle last starts in t, or -1 */
static ptrdiff_t last_index(struct span t, const char *needle)
{
	ptrdiff_t last = -1, at;
	size_t off = 0;
	while ((at = span_index(span_skip(t, off), needle)) >= 0) {
		last = (ptrdiff_t)off + at;
		off += (size_t)at + 1;
	}
	return last;
}

/* address - an address value without postgrey's "/32" (its
 * --lookup-by-subnet prefix length) */
static struct span address(struct span v)
{
	ptrdiff_t slash = span_chr(v, '/');
	return slash >= 0 ? span_head(v, (size_t)slash) : v;
}

/* postgrey - "action=X, reason=Y, ... client_address=A, sender=S, recipient=R" */
static bool postgrey(struct span t, struct event *ev)
{
	if (!span_starts(t, "action="))
		return false;
	ev->action = value(t, "action=", ',');
	struct span r = span_find(t, ", reason=");
	if (r.p) {
		/* the reason ends at the next field (it may hold blanks:
		 * "early-retry (173s missing)") */
		r = span_skip(r, 9);
		ptrdiff_t end = span_index(r, ", ");
		ev->reason = end >= 0 ? span_head(r, (size_t)end) : r;
	}
	struct span c = span_find(t, ", client_name=");
	if (c.p) {
		ev->client_name = value(c, ", client_name=", ',');
		c = span_skip(c, 14);
	} else {
		c = t;
	}
	struct span a = span_find(c, ", client_address=");
	if (!a.p)
		return ev->action.n > 0;
	ev->client_ip = address(value(a, ", client_address=", ','));
	struct span rest = span_skip(a, 17 + ev->client_ip.n);
	struct span s = span_find(rest, ", sender=");
	ptrdiff_t rc = last_index(rest, ", recipient=");
	if (rc >= 0) {
		ev->to = span_skip(rest, (size_t)rc + 12);
		if (s.p && s.p < rest.p + rc)
			ev->from = span_make(s.p + 9, (size_t)(rest.p + rc - (s.p + 9)));
	} else if (s.p) {
		ev->from = span_skip(s, 9);
	}
	return true;
}

/* spf - policyd-spf's header to prepend, or its refusal */
static bool spf(struct span t, struct event *ev)
{
	if (span_starts(t, "prepend Received-SPF: ")) {
		struct span r = span_skip(t, 22);
		ptrdiff_t sp = span_chr(r, ' ');
		ev->action = span_make(t.p, 7);
		ev->reason = sp >= 0 ? span_head(r, (size_t)sp) : r;
		ev->client_ip = value(r, "client-ip=", ';');
		ev->helo = value(r, "; helo=", ';');
		return true;
	}
	/* the Perl one: "QID: Policy action=PREPEND Received-SPF: none (...)
	 * receiver=R; identity=I; envelope-from=\"S\"; helo=H; client-ip=A"
	 * (its queue ID empty before the data): the client's address is
	 * the last field, after the client's own words */
	ptrdiff_t pa = span_index(t, ": Policy action=PREPEND Received-SPF: ");
	if (pa >= 0 && pa <= 32 && span_chr(span_head(t, (size_t)pa), ' ') < 0) {
		struct span r = span_skip(t, (size_t)pa + 38);
		ptrdiff_t sp = span_chr(r, ' ');
		ev->action = span_of("prepend");
		ev->reason = sp >= 0 ? span_head(r, (size_t)sp) : r;
		ptrdiff_t ip = last_index(r, "; client-ip=");
		if (ip >= 0)
			ev->client_ip = value(span_skip(r, (size_t)ip), "; client-ip=", ';');
		return true;
	}
	if (t.n < 4 || (t.p[0] != '4' && t.p[0] != '5') || !span_digits(span_head(t, 3)) ||
	    t.p[3] != ' ')
		return false;
	ev->code = span_head(t, 3);
	ev->action = span_of(t.p[0] == '5' ? "reject" : "defer");
	struct span rest = span_skip(t, 4);
	ptrdiff_t sp = span_chr(rest, ' ');
	if (sp > 0 && rest.p[0] == t.p[0] && rest.p[1] == '.') {
		ev->dsn = span_head(rest, (size_t)sp);
		rest = span_skip(rest, (size_t)sp + 1);
	}
	ev->reason = rest;
	ptrdiff_t ip = last_index(rest, ";ip=");
	if (ip >= 0)
		ev->client_ip = value(span_skip(rest, (size_t)ip), ";ip=", ';');
	return true;
}

/* weight - policyd-weight's decision "decided action=550 TEXT; <client=N[A]>
 * <helo=H> <from=S> <to=R>; delay: 0s" (a code and text: a refusal; a
 * word: DUNNO, PREPEND...) or its score "weighted check: CHECKS;
 * <client=N[A]> ...; rate: N".  The client is the first "<client=":
 * before it only policyd-weight's own words; the HELO name and the
 * envelope after it are the client's, not taken */
static bool weight(struct span t, struct event *ev)
{
	bool decided = span_starts(t, "decided action=");
	if (!decided && !span_starts(t, "weighted check: "))
		return false;
	struct span c = span_find(t, "<client=");
	if (!c.p)
		return false;
	struct span own = span_head(t, (size_t)(c.p - t.p));
	c = span_skip(c, 8);
	ptrdiff_t gt = span_chr(c, '>');
	if (gt >= 0)
		c = span_head(c, (size_t)gt);
	ptrdiff_t lb = span_chr(c, '[');
	if (lb < 0 || !c.n || c.p[c.n - 1] != ']')
		return false;
	ev->client_name = span_head(c, (size_t)lb);
	ev->client_ip = span_make(c.p + lb + 1, c.n - (size_t)lb - 2);
	if (!decided) {
		ev->action = span_of("score");
		ptrdiff_t r = last_index(t, "; rate: ");
		ev->reason = r >= 0 ? span_skip(t, (size_t)r + 2) : SPAN_NULL;
		return true;
	}
	struct span a = span_skip(own, 15);
	while (a.n && (a.p[a.n - 1] == ' ' || a.p[a.n - 1] == ';'))
		a.n--;
	if (a.n >= 4 && (a.p[0] == '4' || a.p[0] == '5') && span_digits(span_head(a, 3)) && a.p[3] == ' ') {
		ev->code = span_head(a, 3);
		ev->action = span_of(a.p[0] == '5' ? "reject" : "defer");
		ev->reason = span_skip(a, 4);
	} else {
		/* DUNNO (and its "using cached result"), PREPEND ...: let through */
		ev->action = span_of("pass");
		ev->reason = a;
	}
	return true;
}

/* parse_policy - the decision of a policy service's line, when it is one */
bool parse_policy(const struct logline *l, struct event *ev)
{
	struct span d = l->daemon;
	if (span_eqs(d, "postgrey"))
		return postgrey(l->text, ev);
	if (span_eqs(d, "policyd-spf") || span_eqs(d, "policy-spf"))
		return spf(l->text, ev);
	if (span_eqs(d, "policyd-weight"))
		return weight(l->text, ev);
	return false;
}
