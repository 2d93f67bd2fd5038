/*
 * dispatch.c - route a syslog line to the parser of its Postfix program.
 *
 * Routing is by the daemon part of the tag (postfix/submission/smtpd ->
 * smtpd), so any syslog_name and multi-instance prefix works.  Every
 * Postfix line ends up typed: if no parser knows it, it is EV_UNKNOWN
 * (counted and shown by the callers, never dropped silently).
 * Addresses are made canonical here, once, whichever parser found them
 * (pc_addr_canon): no parser can forget it.
 */
#include "common.h"

/* canon_addrs - every address of the event in its one canonical text */
static void canon_addrs(struct event *ev)
{
	if (ev->client_ip.p)
		pc_addr_canon(&ev->client_ip, ev->addr_text[EV_ADDR_CLIENT]);
	if (ev->relay_ip.p)
		pc_addr_canon(&ev->relay_ip, ev->addr_text[EV_ADDR_RELAY]);
	if (ev->server_ip.p)
		pc_addr_canon(&ev->server_ip, ev->addr_text[EV_ADDR_SERVER]);
}

/* by_daemon - the parser of the line's program */
static void by_daemon(const struct logline *l, struct event *ev)
{
	struct span d = l->daemon;
	if (span_eqs(d, "smtpd"))
		parse_smtpd(l, ev);
	else if (span_eqs(d, "qmgr") || span_eqs(d, "nqmgr") || span_eqs(d, "oqmgr"))
		parse_qmgr(l, ev);
	else if (span_eqs(d, "cleanup"))
		parse_cleanup(l, ev);
	else if (span_eqs(d, "smtp") || span_eqs(d, "lmtp") || span_eqs(d, "local") ||
		 span_eqs(d, "virtual") || span_eqs(d, "pipe") || span_eqs(d, "error") ||
		 span_eqs(d, "retry") || span_eqs(d, "discard") || span_eqs(d, "relay"))
		parse_delivery(l, ev);
	else if (span_eqs(d, "bounce") || span_eqs(d, "defer") || span_eqs(d, "trace"))
		parse_bounce(l, ev);
	else if (span_eqs(d, "pickup"))
		parse_pickup(l, ev);
	else if (span_eqs(d, "postsuper"))
		parse_postsuper(l, ev);
	else if (span_eqs(d, "postscreen") || span_eqs(d, "dnsblog"))
		parse_postscreen(l, ev);
	else if (span_eqs(d, "master") || span_eqs(d, "postfix-script") || span_eqs(d, "postfix") ||
		 span_eqs(d, "postlog"))
		parse_master(l, ev);
	else if (span_eqs(d, "anvil"))
		parse_anvil(l, ev);
	else if (span_eqs(d, "scache"))
		parse_scache(l, ev);
	else if (span_eqs(d, "tlsproxy"))
		parse_tlsproxy(l, ev);
}

/* parse_line - fill ev from line */
void parse_line(const struct logline *l, struct event *ev)
{
	ev_reset(ev, l);
	if (!l->postfix) {
		ev->type = EV_OTHER;
		ev->text = l->text;
		if (span_eqs(l->daemon, "dovecot")) {
			parse_dovecot(l, ev);
			canon_addrs(ev);
		} else if (parse_dovecot_own(l, ev) || parse_policy(l, ev)) {
			canon_addrs(ev);
		}
		return;
	}
	ev->type = EV_UNKNOWN;
	if (parse_verbose(l, ev))
		return;
	/* the Perl SPF policy server logs as postfix/policy-spf, and
	 * policyd-weight as postfix/policyd-weight (every line of each, their
	 * starts, the Perl one's "handler sender_policy_framework: is
	 * decisive." and policyd-weight's cache's included): another
	 * program's line for all that */
	bool weight = span_eqs(l->daemon, "policyd-weight") || span_eqs(l->daemon, "policy-spf");
	if (weight) {
		parse_policy(l, ev);
		ev->type = EV_OTHER;
		ev->text = l->text;
		canon_addrs(ev);
		return;
	}
	by_daemon(l, ev);
	/* a message's line whose queue ID was made up or masked before it
	 * was pasted: read again, that token taken as the queue ID */
	if (ev->type == EV_UNKNOWN && !l->severity.n && pc_masked_qid_line(l->text)) {
		ev_reset(ev, l);
		ev->type = EV_UNKNOWN;
		pc_relaxed_qid = true;
		by_daemon(l, ev);
		pc_relaxed_qid = false;
	}
	if (ev->type == EV_UNKNOWN)
		parse_generic(l, ev);
	if (!ev->text.p && (ev->type == EV_UNKNOWN || ev->type == EV_NOISE || ev->type == EV_INFO))
		ev->text = l->text;
	canon_addrs(ev);
}
