/*
 * protocol_refusal.c - a session refused for how it spoke SMTP, not for
 * what it sent: smtpd_forbid_bare_newline = reject's "bare <LF> received"
 * (smtpd.c's log_whatsup, Postfix 3.9 and later; the back-ported 3.5 to
 * 3.8 releases end the session with "bare <LF> received after ..."
 * instead, no refusal).  Such a refusal says nothing about spam: the
 * client's software ends lines with LF alone (a printer, a script, an old
 * MTA), so it does not make spam-rejected a client of this server's own
 * network or one whose name resolves back to its address (the findings
 * own-client-bare-newline and bare-newline-refuses-servers); an unnamed
 * stranger doing it stays the spam sender it most often is (verdict.c).
 */
#include "analysis.h"
#include "../util/cidr.h"

#include <string.h>

/* session_protocol_refused - see analysis.h */
bool session_protocol_refused(const struct session *s)
{
	if (!s->last_reject || strcmp(s->last_reject, "bare <LF> received") || !s->client_ip)
		return false;
	bool named = s->client_name && *s->client_name && strcmp(s->client_name, "unknown");
	return named || cidr_own_network(s->client_ip, strlen(s->client_ip));
}
