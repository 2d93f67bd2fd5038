/*
 * proxy_protocol.c - the PROXY protocol (HAProxy's) in front of Postfix,
 * as findings: the lines of postscreen and smtpd that say a connection
 * brought no PROXY header they could read (a health check, a program
 * connecting straight to the port, a proxy that sends none), and
 * smtpd's note that its own setting is ignored behind postscreen.  A
 * pure function of the line, asked before the rule tables.
 *
 * Postfix's words (postscreen_haproxy.c, smtpd_haproxy.c,
 * global/haproxy_srvr.c, smtpd_peer.c; 2.10 to 3.9):
 *   warning: haproxy read: EOF | unexpected EOF | lost connection
 *   warning: haproxy read: time limit exceeded | timeout error
 *   warning: haproxy read: line too long | %m
 *   warning: haproxy read: ERROR: ESCAPED-BYTES (bad or missing protocol
 *            header, short protocol header, bad or missing client
 *            address, ... the bytes received, escaped)
 *   fatal: smtpd_peer_hostaddr_to_sockaddr: cannot convert client
 *          address/port to string: REASON
 *   warning: ignoring non-empty smtpd_upstream_proxy_protocol setting
 *            behind postscreen
 * and the other way round, a header sent to a service not set to read
 * it, as the client's first bytes: postscreen's "PREGREET N after T from
 * [ADDR]:PORT: PROXY TCP4 ...", smtpd's "improper command pipelining
 * after CONNECT from NAME[ADDR]: PROXY TCP4 ..." and "warning: non-SMTP
 * command from NAME[ADDR]: PROXY TCP4 ..." (ev_proxy_header).
 */
#include "rules_internal.h"

#include <stdio.h>
#include <string.h>

/* proxy_daemon - postscreen and smtpd read the header; a pasted line
 * without its tag (no daemon) is read by its words alone */
static bool proxy_daemon(struct span d)
{
	return !d.n || span_eqs(d, "smtpd") || span_eqs(d, "postscreen");
}

/* service_key - the listener's name: "submission/smtpd", "postscreen" */
static void service_key(const struct logline *l, struct diag_hit *hit)
{
	if (l->service.n && l->daemon.n)
		snprintf(hit->key, sizeof hit->key, "%.*s/%.*s", span_prec(l->service, 64), l->service.p,
			 span_prec(l->daemon, 64), l->daemon.p);
	else if (l->daemon.n)
		diag_copy_key(hit->key, l->daemon);
	else
		snprintf(hit->key, sizeof hit->key, "PROXY protocol");
}

/* closed_early - the connection ended before any header: "EOF"
 * (3.5 and later), "unexpected EOF" (smtpd before 3.5), "lost
 * connection" (postscreen before 3.5), or a reset (its "%m") */
static bool closed_early(struct span why)
{
	return span_starts(why, "EOF") || span_starts(why, "unexpected EOF") ||
	       span_starts(why, "lost connection") || span_starts(why, "Connection reset");
}

bool diag_proxy_protocol(const struct logline *l, struct diag_hit *hit)
{
	if (!l->severity.n || !proxy_daemon(l->daemon))
		return false;
	enum finding_id id;
	bool fatal = span_eqs(l->severity, "fatal");
	if (!fatal && span_starts(l->text, "haproxy read: ") && l->text.n > 14)
		id = closed_early(span_skip(l->text, 14)) ? F_PROXY_CLOSED : F_PROXY_HANDSHAKE;
	else if (fatal && span_starts(l->text, "smtpd_peer_hostaddr_to_sockaddr: "))
		id = F_PROXY_HANDSHAKE;
	else if (!fatal && span_eqs(span_trim(l->text),
				    "ignoring non-empty smtpd_upstream_proxy_protocol setting behind postscreen"))
		id = F_PROXY_IGNORED;
	else
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = id;
	service_key(l, hit);
	return true;
}

bool diag_proxy_sent(const struct event *ev, struct diag_hit *hit)
{
	if (!ev_proxy_header(ev->command))
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = F_PROXY_UNEXPECTED;
	service_key(ev->line, hit);
	diag_copy_key(hit->subject, ev->client_ip);
	return true;
}
