/*
 * unknown_explain.c - the words for a client whose intent the log does
 * not show (client_unknown_text, for client_explain in
 * verdict_explain.c): what it does show, own network or not, greylisting
 * that accuses nobody, a full mailbox, a resolver failing.  Nothing here
 * changes a verdict.
 *
 * Every sentence is one msgid of the catalogues (po/), with the log's
 * data (addresses, names, replies) as %s arguments; a sentence that has
 * several counts is built from counted pieces ("3 messages") so each
 * count gets its language's plural.
 */
#include "analysis.h"
#include "explain_internal.h"
#include "../parse/provider.h"
#include "../parse/dnsbl.h"
#include "../util/buf.h"
#include "../util/cidr.h"
#include "../util/i18n.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* mailbox_full_text - a kept refusal "452 4.2.2 ...", "552 5.2.2 ..." or in
 * a quota service's words */
static bool mailbox_full_text(const char *t)
{
	return strstr(t, " 4.2.2 ") || strstr(t, " 5.2.2 ") || strcasestr(t, "mailbox is full") ||
	       strcasestr(t, "mailbox full") || strcasestr(t, "over quota");
}

/* client_greylist_example - one of its kept refusals in greylisting's words, or NULL */
const char *client_greylist_example(const struct client_detail *d)
{
	for (uint32_t i = 0; d && i < d->nreject_text; i++)
		if (d->reject_text[i].name[0] == '4' && ev_greylist_text(span_of(d->reject_text[i].name)))
			return d->reject_text[i].name;
	return NULL;
}

/* anvil_cut_text - every session of it turned away at once by anvil's
 * limit on connections (smtpd's 421 right after the connect): it could
 * send nothing; a mail server by its confirmed name waits and retries,
 * a stranger without one that comes back past the 421 is a flood */
static void anvil_cut_text(struct buf *b, const struct client_detail *d, bool own)
{
	/* TRANSLATORS: %s names the parameter, smtpd_client_connection_count_limit
	 * (connections at once) or smtpd_client_connection_rate_limit (per minute) */
	buf_printf(b, _(" This server turned every connection of it away at once, with 421 4.7.0 \"too many "
			"connections\": its own anvil limit (%s) was reached, so the client could not send "
			"a single command."),
		   (d->anvil_kinds & 1) && (d->anvil_kinds & 2)
		       ? "smtpd_client_connection_count_limit, smtpd_client_connection_rate_limit"
		   : (d->anvil_kinds & 1) ? "smtpd_client_connection_count_limit"
					  : "smtpd_client_connection_rate_limit");
	if (own)
		return;
	if (d->ptr) {
		struct buf name = {0}; /* the log's text: printable only */
		buf_term(&name, span_of(d->ptr));
		buf_putc(&name, 0);
		/* TRANSLATORS: %s is the client's host name, confirmed by DNS */
		buf_printf(b, _(" Its name, %s, is confirmed by DNS: a mail server held back by this "
				"server's limit retries later and its mail waits in its queue; if it is one "
				"you take mail from, list it in smtpd_client_event_limit_exceptions or raise "
				"the limit."),
			   name.p);
		buf_free(&name);
	} else
		buf_puts(b, _(" Its address has no name that resolves back to it: a stranger that keeps "
			      "coming back past the 421 is a flood, and its address a candidate for a ban."));
}

/* greylist_text - refused by greylisting only: it accuses nobody; what
 * the log shows of a retry (the time it goes on after the last attempt) */
static void greylist_text(struct buf *b, const struct analysis *a, const struct client *c,
			  const char *example)
{
	/* TRANSLATORS: %s is Postfix's refusal (quoted), e.g. "450 4.2.0 <u@example.com>:
	 * Recipient address rejected: Greylisted, see http://..." */
	buf_printf(b, _(" It was refused only by greylisting (e.g. \"%s\"): the temporary refusal that "
			"greylisting gives every sender it has not seen before, whoever it is. That "
			"accuses nobody: a real mail server retries after a few minutes and gets in."),
		   example);
	if (!a->have_time || a->last.us < c->last_us)
		return;
	unsigned long long after = (unsigned long long)((a->last.us - c->last_us) / 60000000);
	if (after >= 60)
		buf_printf(b, P_(" It did not come back in the %llu minute the log goes on after its last "
				 "attempt: a sender that never retries is what greylisting keeps out (spam "
				 "software seldom retries; a large provider may retry from another of its "
				 "addresses).",
				 " It did not come back in the %llu minutes the log goes on after its last "
				 "attempt: a sender that never retries is what greylisting keeps out (spam "
				 "software seldom retries; a large provider may retry from another of its "
				 "addresses).", after),
			   after);
	else
		buf_printf(b, P_(" The log ends %llu minute after its last attempt: too soon to tell "
				 "whether it retries.",
				 " The log ends %llu minutes after its last attempt: too soon to tell "
				 "whether it retries.", after),
			   after);
}

/* client_unknown_text - a client whose intent the log does not show: say what it does show */
void client_unknown_text(struct buf *b, const struct analysis *a, const struct client *c,
			 const struct client_detail *d, const char *ip)
{
	bool own = cidr_own_network(ip, strlen(ip));
	const char *grey = client_greylist_example(d);
	uint64_t fails = c->auth_failures > c->auth_backend_fail ? c->auth_failures - c->auth_backend_fail : 0;
	if (own && fails && !c->messages && !c->auth_successes && !c->auth_ok_sessions) {
		buf_printf(b, P_(" It failed SASL authentication %llu time and sent no mail. On this "
				 "server's own network that is one of your devices or applications with a "
				 "wrong password (a phone, a webmail, a script), or a gateway (Docker's "
				 "published ports, a router's NAT) through which password guessers on the "
				 "Internet reach the server, all of them then showing this one address: find "
				 "the real clients before banning anything.",
				 " It failed SASL authentication %llu times and sent no mail. On this "
				 "server's own network that is one of your devices or applications with a "
				 "wrong password (a phone, a webmail, a script), or a gateway (Docker's "
				 "published ports, a router's NAT) through which password guessers on the "
				 "Internet reach the server, all of them then showing this one address: find "
				 "the real clients before banning anything.", fails),
			   (unsigned long long)fails);
	} else if (own && (c->pregreet || c->pipelining) && !c->messages) {
		buf_puts(b, _(" It sent commands before the server's greeting or without waiting for the "
			      "replies (improper command pipelining). From this server's own network that "
			      "is most often a test by hand (a telnet client: its option bytes \\377\\373 "
			      "start the line), a monitoring check or an old device, or a gateway passing "
			      "on bots from the Internet."));
	} else if (own && (c->times & CT_PS_LIMIT) && !c->messages) {
		buf_puts(b, _(" postscreen's after-greeting tests caught it (a bare newline, or its command "
			      "count or time limit). From this server's own network that is a device or a "
			      "script with simple SMTP code of its own, a test by hand, or a gateway passing "
			      "on bots from the Internet: not to be banned before you know which."));
	} else if (!own && c->relay_denied && !c->messages && c->relay_null_from && !c->relay_from_hash) {
		buf_printf(b, P_(" It was refused %llu time with \"Relay access denied\", always for a "
				 "bounce (MAIL FROM:<>): a mail server returning a delivery report to a return "
				 "address in a domain this server does not receive; no relay test. Either mail "
				 "sent from here used that return address (a web "
				 "application's or a mailing list's bounce address on a name this server should "
				 "receive: add the domain), or spam forged it (backscatter: nothing to do).",
				 " It was refused %llu times with \"Relay access denied\", always for a "
				 "bounce (MAIL FROM:<>): a mail server returning a delivery report to a return "
				 "address in a domain this server does not receive; no relay test. Either mail "
				 "sent from here used that return address (a web "
				 "application's or a mailing list's bounce address on a name this server should "
				 "receive: add the domain), or spam forged it (backscatter: nothing to do).",
				 c->relay_denied),
			   (unsigned long long)c->relay_denied);
	} else if (own && c->relay_denied && !c->messages) {
		buf_printf(b, P_(" It was refused %llu time with \"Relay access denied\": it sent to "
				 "outside domains without logging in. On this server's own network that is "
				 "most often your own application or device (not in mynetworks, not logged "
				 "in), or a gateway's address that stands for the clients behind it (below); "
				 "the log shows no mail for this server's own domains to tell its sender "
				 "apart. See the problem \"the server refuses to relay for a client on its "
				 "own network\".",
				 " It was refused %llu times with \"Relay access denied\": it sent to "
				 "outside domains without logging in. On this server's own network that is "
				 "most often your own application or device (not in mynetworks, not logged "
				 "in), or a gateway's address that stands for the clients behind it (below); "
				 "the log shows no mail for this server's own domains to tell its sender "
				 "apart. See the problem \"the server refuses to relay for a client on its "
				 "own network\".",
				 c->relay_denied),
			   (unsigned long long)c->relay_denied);
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && grey) {
		greylist_text(b, a, c, grey);
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && d && d->nreject_text &&
		   strstr(d->reject_text[0].name, "Message size exceeds fixed limit")) {
		buf_puts(b, _(" It was refused only because its message was larger than this server "
			      "accepts (message_size_limit: \"552 5.3.4 Message size exceeds fixed "
			      "limit\"): an honest sender with a large attachment gets that refusal too. "
			      "If such mail is wanted, raise message_size_limit."));
	} else if (c->rejects && (c->diag_flags & CD_DOMAIN_SHADOWED)) {
		buf_puts(b, _(" It was refused because the recipient's domain is listed both in "
			      "mydestination and in another domain list (virtual_mailbox_domains...): "
			      "Postfix then looks its users up among this host's own accounts (\"User "
			      "unknown in local recipient table\"), where the virtual mailboxes are not. "
			      "The refusal is this server's configuration, not the sender's: see the "
			      "problem \"a domain is in both mydestination and another domain list\"."));
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && d && d->nreject_text &&
		   strstr(d->reject_text[0].name, "User unknown in relay recipient table")) {
		/* TRANSLATORS: %s is Postfix's refusal (quoted) */
		buf_printf(b, _(" It was refused only because the recipient is not in relay_recipient_maps "
				"(e.g. \"%s\"): the list of valid addresses of a domain this server passes on "
				"to another server (a backup MX, a gateway in front of the real mailboxes). If "
				"the address is real, that list here lacks it: bring it up to date from the "
				"primary server's users; if it does not exist, the refusal is right and spares "
				"a bounce later. The client is not accused."),
			   d->reject_text[0].name);
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && d && d->nreject_text &&
		   strstr(d->reject_text[0].name, "Recipient address rejected: User unknown") &&
		   d->ptr && provider_name(span_of(d->ptr))) {
		/* TRANSLATORS: the provider's name, then Postfix's refusal (quoted) */
		buf_printf(b, _(" It is a server of %s, refused only because the recipient does not exist "
				"here (e.g. \"%s\"): one of its users wrote to a wrong or old address, or a "
				"mailing list it relays still has one. The refusal is right and accuses "
				"nobody; the sender gets a bounce."),
			   provider_name(span_of(d->ptr)), d->reject_text[0].name);
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && d && d->nreject_text &&
		   mailbox_full_text(d->reject_text[0].name)) {
		/* TRANSLATORS: %s is Postfix's refusal (quoted) */
		buf_printf(b, _(" It was refused only because the recipient's mailbox on this server is "
				"full (e.g. \"%s\"): the sender did nothing wrong; the mailbox's owner "
				"has to make room, or its quota has to grow."),
			   d->reject_text[0].name);
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && (c->diag_flags & CD_NAME_TEMPFAIL)) {
		buf_puts(b, _(" It was refused only for now: this host's DNS lookup of its name failed "
			      "(\"Temporary failure in name resolution\": see \"Problems found\"), and a "
			      "check that needs a name or a domain deferred its mail. The client did "
			      "nothing wrong; a real server retries, and its mail comes through once the "
			      "lookup answers."));
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && d && d->nreject_text &&
		   strstr(d->reject_text[0].name, "Domain not found") && analysis_resolver_failing(a)) {
		buf_puts(b, _(" It was refused only with \"Domain not found\" while this host's DNS "
			      "lookups were failing (domains that always exist were not found either: see "
			      "\"Problems found\"). The sender did nothing wrong; a real server retries "
			      "the 450, and its mail comes through once the resolver answers again."));
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && d && d->nreject_text &&
		   strstr(d->reject_text[0].name, "Domain not found") && d->ptr &&
		   provider_sending_service(span_of(d->ptr))) {
		/* TRANSLATORS: the sending service's name (SendGrid, Gmail...) */
		buf_printf(b, _(" It is a server of %s, deferred only because a domain of the mail it "
				"carries was \"not found\" (reject_unknown_sender_domain or "
				"reject_unknown_recipient_domain): its customer's domain has no DNS, or this "
				"host's DNS did not answer. It is no spammer: it retries the 450 and, while "
				"the lookup fails, its mail is delayed, then bounced. See \"Problems found\" "
				"for the fix."),
			   provider_sending_service(span_of(d->ptr)));
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && d && d->nreject_text &&
		   strstr(d->reject_text[0].name, "Client host rejected: cannot find your")) {
		buf_puts(b, _(" It was refused only because its address has no PTR name that resolves "
			      "back to it (reject_unknown_client_hostname or "
			      "reject_unknown_reverse_client_hostname), with a temporary 450, while it "
			      "greeted with a proper host name: this server's strict policy, not a sign of "
			      "spam. A real server retries and gives up after some days; see \"Problems "
			      "found\" for the fix."));
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && (c->times & CT_SUB_NOLOGIN)) {
		buf_puts(b, _(" It was refused on a submission port (587 or 465, a service of master.cf "
			      "other than smtp) without trying to log in: a mail program or device not set "
			      "to log in (SMTP authentication), refused by smtpd's restrictions for that "
			      "service (permit_sasl_authenticated, then reject), not postscreen. Next: "
			      "turn on authentication in the client's outgoing server settings; no spam "
			      "is shown."));
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && d && d->nreject_text &&
		   strstr(d->reject_text[0].name, "Sender address rejected: not logged in")) {
		buf_puts(b, _(" It is on this server's own network (or on a submission port) and was "
			      "refused a sender address of this server's users because it did not log "
			      "in (reject_sender_login_mismatch or "
			      "reject_unauthenticated_sender_login_mismatch): a webmail, application or "
			      "device of your own set up without SMTP authentication. Next: give it the "
			      "account's login (port 587 with STARTTLS, or 465); no spam is shown."));
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED] && analysis_own_app_refused(a, c)) {
		buf_puts(b, _(" It is on this server's own network and every refusal named a sender in a "
			      "domain this server delivers to itself: your own application or device, "
			      "refused by this server's own checks (a HELO or client-name check it does "
			      "not pass). See the problem \"the server refuses mail from a client on its "
			      "own network\"."));
	} else if (c->rejects && !c->by_verdict[V_SPAM_REJECTED]) {
		buf_puts(b, _(" It was refused, but only by replies that accuse nobody: this server's "
			    "own fault (a configuration error such as \"451 4.3.5 Server configuration "
			    "problem\", a missing table, or a DNS blocklist answering an error code: see "
			    "\"Problems found\"), a DNS blocklist listing a large mail provider's "
			    "server, a strict HELO check's temporary 450 (reject_unknown_helo_hostname) "
			    "to a server whose address has a real name, or postscreen's temporary "
			    "450 4.3.2 to a new client until it passes the tests after the greeting. It "
			    "is no hostile client: a "
			    "real server retries, and its mail comes through once the cause is gone."));
	} else if (d && d->anvil_cut && d->anvil_cut >= c->sessions) {
		anvil_cut_text(b, d, own);
	} else if (d && d->lost_errors && d->lost_stage) {
		/* TRANSLATORS: %s is the SMTP stage (RCPT, DATA, AUTH...), twice */
		buf_printf(b, _(" Postfix itself ended its session after %s (\"too many errors after %s\"): "
				"the client went on until it reached smtpd_hard_error_limit (20 refused or "
				"failed commands by default) in one connection. A harvest or spam run does "
				"that, and so can a mailing list server with many dead addresses: the "
				"refusals before this line tell which, and a ban on this line alone should "
				"wait for more than one of them."),
			   d->lost_stage, d->lost_stage);
	} else if (d && d->open_sessions && d->open_sessions >= c->sessions) {
		buf_puts(b, _(" The log ends before its session does, so it does not show what the client "
			    "went on to do."));
	} else if (d && d->partial_sessions && d->partial_sessions >= c->sessions && !c->messages) {
		buf_puts(b, _(" The log shows only the end of its session (no connect line, and a "
			      "disconnect line without command counts): an excerpt, which does not show "
			      "what the client did."));
	} else if (c->diag_flags & CD_QUIT_PIPE) {
		/* it sent QUIT: no silent connect; told for every verdict
		 * after the verdict's words (client_explain) */
	} else if (c->sessions && d && !d->cmd[0] && !d->cmd[1] && !d->cmd[3] && !d->cmd[4] &&
		   d->lost_stage && strcasecmp(d->lost_stage, "CONNECT")) {
		/* a session without counts that ended after a command: it did
		 * send that one, so it is no silent connect */
		/* TRANSLATORS: %s is the SMTP stage, such as EHLO, MAIL or DATA */
		buf_printf(b, _(" It hung up after %s, the last command it sent (lost connection after "
				"%s); the log has no command counts to say what came before."),
			   d->lost_stage, d->lost_stage);
	} else if (c->sessions && d && !d->cmd[0] && !d->cmd[1] && !d->cmd[3] && !d->cmd[4]) {
		struct buf lost = {0};
		if (d->lost_stage)
			/* TRANSLATORS: %s is the SMTP stage, such as CONNECT or EHLO */
			buf_printf(&lost, _(" (lost connection after %s)"), d->lost_stage);
		buf_putc(&lost, 0);
		/* TRANSLATORS: %s is empty or " (lost connection after STAGE)" */
		buf_printf(b, own ? _(" It connected and left without sending a single command%s.")
				  : _(" It connected and left without sending a single command%s: a port "
				      "scanner or a monitoring check; the log does not say more."),
			   lost.p);
		buf_free(&lost);
	} else {
		buf_puts(b, _(" The log does not show enough to tell what it wanted."));
	}
	if (own)
		buf_puts(b, _(" Its address is on this server's own network (loopback or private): one "
			    "of your own hosts or applications, or a container or NAT gateway that stands "
			    "in for the real clients (a Docker bridge gateway such as 172.17.0.1 hides "
			    "their addresses), so it is not to be banned."));
}
