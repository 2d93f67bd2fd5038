/*
 * verdict_explain.c - a client's verdict in plain words (client_explain):
 * who it is (names, HELO, PTR), when and how often it came, what it
 * tried, and why that is the verdict.  The decision itself is in
 * verdict.c; nothing here changes a verdict.  An account's verdict in
 * words is in account_explain.c.
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

/* visits_text - the first sentence: the address, how often and when it came */
static void visits_text(struct buf *b, const struct analysis *a, const struct client *c,
			const struct client_detail *d, const char *ip)
{
	unsigned long long n = c->sessions;
	if (c->sessions && !c->first_us) {
		/* TRANSLATORS: %s is the client's address */
		buf_printf(b, P_("%s made %llu session (told by lines that carry no time: postmaster"
				 " transcripts or a pasted excerpt).",
				 "%s made %llu sessions (told by lines that carry no time: postmaster"
				 " transcripts or a pasted excerpt).", n),
			   ip, n);
	} else if (c->sessions) {
		struct buf from = {0}, to = {0};
		client_clock(&from, a, client_first(c));
		client_clock(&to, a, client_last(c));
		buf_putc(&from, 0);
		buf_putc(&to, 0);
		if (c->first_us / 1000000 == c->last_us / 1000000)
			/* TRANSLATORS: the client's address, its count of sessions, a time */
			buf_printf(b, P_("%s connected %llu time at %s", "%s connected %llu times at %s", n), ip,
				   n, from.p);
		else
			/* TRANSLATORS: the client's address, its count of sessions, two times */
			buf_printf(b, P_("%s connected %llu time between %s and %s",
					 "%s connected %llu times between %s and %s", n),
				   ip, n, from.p, to.p);
		buf_free(&from);
		buf_free(&to);
		client_period_text(b, d);
		buf_puts(b, ".");
		if (c->times & CT_UNTIMED)
			buf_puts(b, _(" Some of its sessions are told by lines that carry no time (a pasted "
				      "excerpt): those times are the other sessions'."));
	} else if (c->ps_connects) {
		n = c->ps_connects;
		/* TRANSLATORS: %s is the client's address */
		buf_printf(b, P_("%s was seen %llu time by postscreen.", "%s was seen %llu times by postscreen.", n),
			   ip, n);
	} else if (d && d->orphan_refusals) {
		/* TRANSLATORS: %s is the client's address; cleanup is Postfix's program */
		buf_printf(b, _("%s appears only in cleanup's refusals of its messages: its own smtpd lines "
				"are not in this log (an excerpt)."), ip);
	} else {
		/* TRANSLATORS: %s is the client's address */
		buf_printf(b, _("%s appears only in side lines (Dovecot or postscreen)."), ip);
	}
}

/* pregreet_text - what it sent before the greeting, and how postscreen shows it */
static void pregreet_text(struct buf *b, const struct client_detail *d)
{
	if (!d || !d->pregreet)
		return;
	struct buf t = {0};
	buf_term(&t, span_cut(span_of(d->pregreet), 100));
	buf_putc(&t, 0);
	if (d->pregreet_bytes)
		/* TRANSLATORS: a count of bytes, then what the client sent (quoted) */
		buf_printf(b, P_(" postscreen logged %u byte sent too early: \"%s\"",
				 " postscreen logged %u bytes sent too early: \"%s\"", d->pregreet_bytes),
			   d->pregreet_bytes, t.p);
	else
		/* TRANSLATORS: %s is what the client sent before the greeting (quoted) */
		buf_printf(b, _(" postscreen logged sent too early: \"%s\""), t.p);
	buf_free(&t);
	if (strstr(d->pregreet, "??") || strstr(d->pregreet, "\\r\\n"))
		buf_puts(b, _(" (\"\\r\\n\" or \"??\" is the carriage return and line feed that end an SMTP "
			      "line, which postscreen cannot print)"));
	buf_puts(b, ".");
}

/* ps_limits_text - what postscreen's after-greeting limits caught */
static void ps_limits_text(struct buf *b, const struct client_detail *d)
{
	uint8_t k = d ? d->ps_limit_kinds : 0;
	if (d && d->ps_limits)
		buf_printf(b, P_(" postscreen's after-greeting tests caught it %llu time:",
				 " postscreen's after-greeting tests caught it %llu times:", d->ps_limits),
			   (unsigned long long)d->ps_limits);
	else
		buf_puts(b, _(" postscreen's after-greeting tests caught it:"));
	if (k & PSL_BARE_NEWLINE)
		buf_puts(b, _(" it ended a line with a bare newline (BARE NEWLINE), where SMTP requires "
			      "CR LF and every mail server sends it;"));
	if (k & PSL_COUNT)
		buf_puts(b, _(" it kept sending commands after every one was refused, past "
			      "postscreen_command_count_limit (COMMAND COUNT LIMIT);"));
	if (k & PSL_TIME)
		buf_puts(b, _(" it held the connection open past postscreen_command_time_limit without "
			      "finishing (COMMAND TIME LIMIT), as bots that keep sockets open do;"));
	if (!k)
		buf_puts(b, _(" a bare newline or one of its command limits;"));
	buf_puts(b, _(" these are the marks of spam bots' own SMTP code."));
}

/* tls_text - a client whose TLS handshakes failed, by what the error says;
 * a large provider's server (by its address, provider.h) speaks every
 * current TLS version, so none in common with it is this server's */
static void tls_text(struct buf *b, const struct client_detail *d, const char *ip)
{
	const char *e = d && d->tls_error ? d->tls_error : NULL;
	if (e) {
		struct buf t = {0};
		buf_term(&t, span_cut(span_of(e), 160));
		buf_putc(&t, 0);
		/* TRANSLATORS: %s is the TLS library's error (quoted); the reason follows after ":" */
		buf_printf(b, _(" Its TLS handshake failed after STARTTLS (\"%s\")"), t.p);
		buf_free(&t);
	} else {
		/* TRANSLATORS: the reason follows after ":" */
		buf_puts(b, _(" Its TLS handshake failed after STARTTLS"));
	}
	/* TRANSLATORS: the reasons below continue "Its TLS handshake failed after STARTTLS" */
	switch (e ? ev_tls_error_kind(span_of(e)) : TLSE_HANGUP) {
	case TLSE_MISMATCH:
		if (ip && provider_of_address(span_of(ip))) {
			/* TRANSLATORS: %s is the provider's name (Gmail, Microsoft, ...) */
			buf_printf(b, _(": it and this server have no TLS protocol version or cipher in "
					"common. It is a %s server, which speaks every current TLS version: "
					"this server's TLS settings are too strict or too old "
					"(smtpd_tls_protocols, smtpd_tls_mandatory_ciphers, "
					"tls_high_cipherlist, the certificate's key type; see the problem "
					"about TLS settings), and its mail does not arrive until they are "
					"fixed."),
				   provider_of_address(span_of(ip)));
			break;
		}
		buf_puts(b, _(": it and this server have no TLS protocol version or cipher in common. If "
			    "many different clients show this, this server's TLS settings are too strict "
			    "or too old (smtpd_tls_protocols, smtpd_tls_mandatory_ciphers, the OpenSSL "
			    "security level; see the problem about TLS handshakes); if it is only this "
			    "client, it is an old mail server or a scanner testing which TLS you accept."));
		break;
	case TLSE_NOT_TLS:
		buf_puts(b, _(": it did not speak TLS at all (an HTTP request to a mail port): a scanner."));
		break;
	case TLSE_CERT:
		buf_puts(b, _(": a certificate was refused (the client's certificate, or the client "
			    "refusing this server's)."));
		break;
	default:
		buf_puts(b, _(": it hung up in the middle of the handshake. One client doing this is a "
			    "scanner or a client that does not trust this server's certificate; many "
			    "doing it points at this server's certificate or TLS settings."));
		break;
	}
}

/* other_example - a kept refusal that is not "Relay access denied" (told
 * on its own), or fallback */
static const char *other_example(const struct client_detail *d, const char *fallback)
{
	for (uint32_t i = 0; d && i < d->nreject_text; i++)
		if (!strstr(d->reject_text[i].name, "Relay access denied"))
			return d->reject_text[i].name;
	return fallback;
}

/* refused_after_login - the refusals of a client that logs in: the
 * account's mail client or this server's rules for its users */
static void refused_after_login(struct buf *b, uint64_t n, const char *example)
{
	if (strstr(example, "not owned by user"))
		/* TRANSLATORS: a count, then an example of Postfix's refusal (quoted) */
		buf_printf(b, P_(" %llu of its commands was refused (e.g. \"%s\"): its mail client sends "
				 "with a sender address that the account it logs in as does not own "
				 "(smtpd_sender_login_maps, reject_sender_login_mismatch): see the "
				 "account's entry.",
				 " %llu of its commands were refused (e.g. \"%s\"): its mail client sends "
				 "with a sender address that the account it logs in as does not own "
				 "(smtpd_sender_login_maps, reject_sender_login_mismatch): see the "
				 "account's entry.", n),
			   (unsigned long long)n, example);
	else
		/* TRANSLATORS: a count, then an example of Postfix's refusal (quoted) */
		buf_printf(b, P_(" %llu of its commands was refused (e.g. \"%s\"). It logs in, so it is "
				 "one of your own users: such refusals come from this server's rules for its "
				 "users (sender addresses, rate or size limits, access rules) or from its "
				 "mail client's settings, not from spam.",
				 " %llu of its commands were refused (e.g. \"%s\"). It logs in, so it is "
				 "one of your own users: such refusals come from this server's rules for its "
				 "users (sender addresses, rate or size limits, access rules) or from its "
				 "mail client's settings, not from spam.", n),
			   (unsigned long long)n, example);
}

/* mailbox_full_text - a kept refusal "452 4.2.2 ...", "552 5.2.2 ..." or in
 * a quota service's words */
static bool mailbox_full_text(const char *t)
{
	return strstr(t, " 4.2.2 ") || strstr(t, " 5.2.2 ") || strcasestr(t, "mailbox is full") ||
	       strcasestr(t, "mailbox full") || strcasestr(t, "over quota");
}

/* greylist_example - one of its kept refusals in greylisting's words, or NULL */
static const char *greylist_example(const struct client_detail *d)
{
	for (uint32_t i = 0; d && i < d->nreject_text; i++)
		if (d->reject_text[i].name[0] == '4' && ev_greylist_text(span_of(d->reject_text[i].name)))
			return d->reject_text[i].name;
	return NULL;
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

/* unknown_text - a client whose intent the log does not show: say what it does show */
static void unknown_text(struct buf *b, const struct analysis *a, const struct client *c,
			 const struct client_detail *d, const char *ip)
{
	bool own = cidr_own_network(ip, strlen(ip));
	const char *grey = greylist_example(d);
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
	} else if (d && d->open_sessions && d->open_sessions >= c->sessions) {
		buf_puts(b, _(" The log ends before its session does, so it does not show what the client "
			    "went on to do."));
	} else if (d && d->partial_sessions && d->partial_sessions >= c->sessions && !c->messages) {
		buf_puts(b, _(" The log shows only the end of its session (no connect line, and a "
			      "disconnect line without command counts): an excerpt, which does not show "
			      "what the client did."));
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

/* dnsbl_text - what postscreen's DNS blocklists said about it */
static void dnsbl_text(struct buf *b, const struct client *c, const struct client_detail *d)
{
	if (d && d->dnsbl) {
		/* "LIST as ANSWER; LIST as ANSWER" (analysis.c dnsbl_note) */
		buf_puts(b, " dnsblog: ");
		struct span all = span_of(d->dnsbl);
		for (bool first = true; all.n; first = false) {
			ptrdiff_t semi = span_index(all, "; ");
			struct span t = semi >= 0 ? span_head(all, (size_t)semi) : all;
			all = semi >= 0 ? span_skip(all, (size_t)semi + 2) : SPAN_NULL;
			struct span list = t, answer = SPAN_NULL;
			ptrdiff_t as = span_index(t, " as ");
			if (as >= 0) {
				list = span_head(t, (size_t)as);
				answer = span_skip(t, (size_t)as + 4);
			}
			const char *m = dnsbl_meaning(list, answer);
			if (!first)
				buf_puts(b, "; ");
			buf_term(b, t);
			if (m)
				buf_printf(b, " (%s)", _(m));
		}
		buf_puts(b, ".");
	}
	if ((c->flags & CF_DNSBL_ERROR) && !(c->flags & CF_DNSBL_LISTED)) {
		buf_puts(b, _(" A DNS blocklist answered an error code for it, not a listing: that says "
			    "nothing about the client, and postscreen counted it into its rank only "
			    "because the list has no return-code filter (see the problem \"a DNS "
			    "blocklist answers with an error code\")."));
		return;
	}
	if (c->ps_dnsbl_rank)
		buf_printf(b, _(" postscreen found it on DNS blocklists (rank %llu)."),
			   (unsigned long long)c->ps_dnsbl_rank);
}

/* client_explain - the client's verdict in words (c->verdict is set) */
void client_explain(const struct analysis *a, const struct client *c, struct buf *b)
{
	static const struct client_detail none; /* nothing was ever noted: no name, no HELO */
	const struct client_detail *d = client_detail(a, c);
	if (!d && !(c->flags & CF_DETAIL_LOST))
		d = &none;
	struct client_addr ip = client_shown(c);
	const char *reject = d && d->nreject_text ? d->reject_text[0].name : "?";
	char n1[64], n2[64], who[512];
	visits_text(b, a, c, d, ip.s);
	switch (c->verdict) {
	case V_ACCOUNT_ABUSE: {
		const struct account *abused = client_abused_account(a, c);
		/* TRANSLATORS: the account's name, "3 messages", "40 recipients" */
		buf_printf(b, _(" It logged in as %s, an account that looks compromised, and sent %s to %s "
				"from this address. Whoever is behind it has the account's password; see the "
				"account's entry."),
			   abused ? abused->name : "?",
			   explain_count(n1, sizeof n1, P_("%llu message", "%llu messages", c->messages), c->messages),
			   explain_count(n2, sizeof n2, P_("%llu recipient", "%llu recipients", c->recipients), c->recipients));
		break;
	}
	case V_AUTH_SUCCESS_AFTER_FAILURES:
	case V_AUTH_BRUTEFORCE:
		explain_auth(b, a, c, d);
		break;
	case V_STALE_PASSWORD:
		explain_stale(b, a, c, d);
		break;
	case V_SHARED_FRONT:
		explain_front(b, a, c, d);
		break;
	case V_RELAY_ABUSE:
		buf_printf(b, P_(" It handed over %llu message without logging in, and this server passed "
				 "it on to domains it does not serve: it used the server as an open relay "
				 "(see the finding public-open-relay for its recipients). Its senders are "
				 "not of this site's own domains, and it never logged in: not one of your "
				 "users or machines.",
				 " It handed over %llu messages without logging in, and this server passed "
				 "them on to domains it does not serve: it used the server as an open relay "
				 "(see the finding public-open-relay for its recipients). Its senders are "
				 "not of this site's own domains, and it never logged in: not one of your "
				 "users or machines.", c->messages),
			   (unsigned long long)c->messages);
		break;
	case V_RELAY_ATTEMPT:
		if (c->times & CT_RELAY_TEST) {
			buf_printf(b, P_(" It tried %llu time to mail an outside address from that same "
					 "address under a HELO that is no domain name (such as \"WIN-...\"), "
					 "as open-relay testers do, and an earlier check (its HELO's) refused "
					 "it before its relaying was judged; it never logged in.",
					 " It tried %llu times to mail an outside address from that same "
					 "address under a HELO that is no domain name (such as \"WIN-...\"), "
					 "as open-relay testers do, and an earlier check (its HELO's) refused "
					 "it before its relaying was judged; it never logged in.",
					 c->relay_denied),
				   (unsigned long long)c->relay_denied);
			break;
		}
		buf_printf(b, P_(" It tried %llu time to send mail to domains this server does not serve "
				 "without authenticating, and was refused (Relay access denied); it never "
				 "logged in: that is what a test for an open relay looks like.",
				 " It tried %llu times to send mail to domains this server does not serve "
				 "without authenticating, and was refused (Relay access denied); it never "
				 "logged in: that is what a test for an open relay looks like.", c->relay_denied),
			   (unsigned long long)c->relay_denied);
		if (analysis_relay_from_local(a, c))
			buf_puts(b, _(" The sender it gave is in a domain this server delivers to itself: relay "
				      "testers forge such senders to look local, but if this address is one of "
				      "your own users' (a laptop or a phone), its mail client sends without "
				      "logging in: set its outgoing server to port 587 with STARTTLS (or 465) "
				      "and authentication on."));
		break;
	case V_NON_SMTP_PROBE:
		if (c->non_smtp)
			buf_puts(b, _(" It did not speak SMTP: it sent lines the server did not recognise as "
				      "commands (logged as \"non-SMTP command\") and dropped the connection."));
		else if (c->pregreet && !c->by_verdict[V_PREGREET])
			buf_puts(b, _(" It did not speak SMTP: before the server's greeting it sent an HTTP "
				      "request (logged as \"improper command pipelining after CONNECT\"), and "
				      "the server hung up."));
		else
			buf_puts(b, _(" It did not speak SMTP: it sent lines the server did not recognise as "
				      "commands (Postfix answered 500/502 5.5.2 \"command not recognized\" or "
				      "\"bad syntax\" and counted them as \"unknown\" commands) and dropped the "
				      "connection."));
		buf_puts(b, _(" A lone \".\" followed by an empty line is a scanner checking whether "
			      "something answers on the port; an HTTP request is a web scanner that hit "
			      "port 25. No mail was involved."));
		break;
	case V_PREGREET:
		buf_puts(b, _(" It talked before the server's greeting (improper command pipelining after "
			      "CONNECT): real mail servers wait for the 220 banner; spam bots do not."));
		pregreet_text(b, d);
		if (d && d->pregreet_tls)
			buf_puts(b, _(" What it sent is the start of a TLS handshake: it expected TLS from the first "
				      "byte, as on port 465. A scanner probing for TLS does that, and so does a mail "
				      "client set to \"SSL/TLS\" on port 25 or 587: if it is one of yours, set it to "
				      "STARTTLS, or to port 465."));
		break;
	case V_TLS_FAILURE:
		if (d && d->pregreet_tls && !d->tls_error)
			buf_puts(b, _(" It opened its connections with a TLS handshake instead of waiting for the "
				      "greeting: a mail client or device of your own network set to \"SSL/TLS\" on "
				      "port 25 or 587, where the server speaks plain SMTP and offers STARTTLS. Set it "
				      "to STARTTLS, or to port 465 (smtps) if master.cf offers it."));
		else
			tls_text(b, d, ip.s);
		break;
	case V_HEALTH_CHECK:
		if (!(c->flags & CF_MONITOR_HELO) && !cidr_own_network(ip.s, strlen(ip.s)) && verdict_steady_checks(c))
			buf_puts(b, _(" Each time it greeted the server, read its capabilities and said QUIT, "
				      "at a steady pace (20 s or more apart on average), from a name that resolves, and it "
				      "tried nothing else: the steady check of a monitoring system (yours or a "
				      "service's), not a scanner, which visits once or in a burst. If it is not "
				      "yours, it still did no harm; do not ban it by these lines alone."));
		else
		buf_puts(b, c->flags & CF_MONITOR_HELO && !cidr_own_network(ip.s, strlen(ip.s))
				? _(" It introduced itself with a monitoring tool's name and each time "
				    "connected, at most greeted the server, and left without logging in or "
				    "sending mail: a health check (a monitoring system, a load balancer or a "
				    "container's probe), not an attack.")
				: _(" It is on this server's own network (loopback or a private address) and "
				    "each time connected, at most greeted the server, and left without logging "
				    "in or sending mail: a health check (a monitoring system, a load balancer or "
				    "a container's probe), not an attack."));
		buf_puts(b, _(" The client needs nothing from you; a check that says QUIT keeps the log free "
			      "of \"lost connection\" lines."));
		break;
	case V_PIPELINING:
		buf_puts(b, _(" It sent several commands without waiting for the replies although the server "
			      "did not allow it (improper command pipelining): typical of spam bots."));
		break;
	case V_PROTOCOL_VIOLATION:
		ps_limits_text(b, d);
		buf_puts(b, _(" It never reached smtpd nor came back to deliver mail: a real mail server "
			      "that meets one of these tests comes back, passes them and sends its mail. "
			      "postscreen already turned it away; banning it only keeps it off the port."));
		break;
	case V_LEGITIMATE:
		if ((c->flags & CF_OWN_APP) && !c->relay_from_hash) {
			buf_printf(b, P_(" It is on this server's own network and sent with the null "
					 "sender (MAIL FROM:<>, a mail server's bounces and notices), but was "
					 "refused %llu time (Relay access denied): a mail server of your own "
					 "handing its mail over through this one, not in mynetworks and not "
					 "logged in. See the problem \"the server refuses to relay for a client "
					 "on its own network\".",
					 " It is on this server's own network and sent with the null "
					 "sender (MAIL FROM:<>, a mail server's bounces and notices), but was "
					 "refused %llu times (Relay access denied): a mail server of your own "
					 "handing its mail over through this one, not in mynetworks and not "
					 "logged in. See the problem \"the server refuses to relay for a client "
					 "on its own network\".", c->relay_denied),
				   (unsigned long long)c->relay_denied);
			break;
		}
		if (c->flags & CF_OWN_APP) {
			buf_printf(b, P_(" It is on this server's own network and sent with a sender in a "
					 "domain this server delivers to itself, but was refused %llu time "
					 "(Relay access denied): it is your own application or device, not in "
					 "mynetworks and not logged in. See the problem \"the server refuses to "
					 "relay for a client on its own network\".",
					 " It is on this server's own network and sent with a sender in a "
					 "domain this server delivers to itself, but was refused %llu times "
					 "(Relay access denied): it is your own application or device, not in "
					 "mynetworks and not logged in. See the problem \"the server refuses to "
					 "relay for a client on its own network\".", c->relay_denied),
				   (unsigned long long)c->relay_denied);
			break;
		}
		bool logged_in = c->auth_successes || c->auth_ok_sessions;
		uint64_t other = c->rejects;
		if (!c->messages && !c->auth_successes && c->auth_ok_sessions)
			buf_printf(b, P_(" It logged in successfully in %llu session (the log does not name "
					 "the account): one of your own users.",
					 " It logged in successfully in %llu sessions (the log does not name "
					 "the account): one of your own users.", c->auth_ok_sessions),
				   (unsigned long long)c->auth_ok_sessions);
		else if (c->messages && c->auth_successes)
			/* TRANSLATORS: "3 messages", "2 times", the account's name */
			buf_printf(b, _(" It delivered %s and logged in %s as %s: ordinary mail traffic."),
				   explain_count(n1, sizeof n1, P_("%llu message", "%llu messages", c->messages), c->messages),
				   explain_count(n2, sizeof n2, P_("%llu time", "%llu times", c->auth_successes), c->auth_successes),
				   explain_login_names(a, c, who, sizeof who));
		else if (c->messages)
			buf_printf(b, P_(" It delivered %llu message: ordinary mail traffic.",
					 " It delivered %llu messages: ordinary mail traffic.", c->messages),
				   (unsigned long long)c->messages);
		else if (c->auth_successes)
			/* TRANSLATORS: a count, then the account's name */
			buf_printf(b, P_(" It logged in %llu time as %s: ordinary mail traffic.",
					 " It logged in %llu times as %s: ordinary mail traffic.", c->auth_successes),
				   (unsigned long long)c->auth_successes, explain_login_names(a, c, who, sizeof who));
		else if (!c->relay_denied)
			buf_puts(b, _(" Ordinary mail traffic."));
		if (c->relay_denied && logged_in) {
			buf_printf(b, P_(" It was refused %llu time with \"Relay access denied\" when it sent to "
					 "other domains without logging in, yet it logs in in other sessions: it "
					 "is one of your own users whose mail client did not authenticate for "
					 "those messages (authentication switched off for the outgoing server, or "
					 "sending to port 25 instead of the submission port 587). Set the client's "
					 "outgoing server to port 587 with STARTTLS (or 465) and authentication on.",
					 " It was refused %llu times with \"Relay access denied\" when it sent to "
					 "other domains without logging in, yet it logs in in other sessions: it "
					 "is one of your own users whose mail client did not authenticate for "
					 "those messages (authentication switched off for the outgoing server, or "
					 "sending to port 25 instead of the submission port 587). Set the client's "
					 "outgoing server to port 587 with STARTTLS (or 465) and authentication on.",
					 c->relay_denied),
				   (unsigned long long)c->relay_denied);
			other = other > c->relay_denied ? other - c->relay_denied : 0;
		}
		if (c->pw_failures && logged_in && c->nlogin >= 2)
			/* TRANSLATORS: a count of failed logins, then "20 times" */
			buf_printf(b, P_(" It failed to log in %llu time among its %s, as users who log in "
					 "from it: people behind a shared address (an office, a home network) "
					 "mistyping their passwords.",
					 " It failed to log in %llu times among its %s, as users who log in "
					 "from it: people behind a shared address (an office, a home network) "
					 "mistyping their passwords.", c->pw_failures),
				   (unsigned long long)c->pw_failures,
				   explain_count(n1, sizeof n1, P_("%llu successful login", "%llu successful logins",
								c->auth_successes),
					      c->auth_successes));
		if (c->auth_failures && !c->pw_failures && logged_in)
			buf_printf(b, P_(" %llu AUTH command was refused before any password was checked "
					 "(no SASL failure line: authentication not offered on that port, or "
					 "AUTH before STARTTLS), yet it logs in in other sessions: one of your "
					 "own users' mail programs is set to the wrong port. Set its outgoing "
					 "server to port 587 with STARTTLS (or 465).",
					 " %llu AUTH commands were refused before any password was checked "
					 "(no SASL failure line: authentication not offered on that port, or "
					 "AUTH before STARTTLS), yet it logs in in other sessions: one of your "
					 "own users' mail programs is set to the wrong port. Set its outgoing "
					 "server to port 587 with STARTTLS (or 465).", c->auth_failures),
				   (unsigned long long)c->auth_failures);
		if (other && logged_in)
			refused_after_login(b, other, other_example(d, reject));
		else if (other && c->messages && greylist_example(d))
			/* TRANSLATORS: a count, then an example of Postfix's refusal (quoted) */
			buf_printf(b, P_(" %llu of its commands was deferred by greylisting (e.g. \"%s\"); it "
					 "retried and its mail was accepted: greylisting working as meant.",
					 " %llu of its commands were deferred by greylisting (e.g. \"%s\"); it "
					 "retried and its mail was accepted: greylisting working as meant.", other),
				   (unsigned long long)other, greylist_example(d));
		else if (other)
			/* TRANSLATORS: a count, then an example of Postfix's refusal (quoted) */
			buf_printf(b, P_(" %llu of its commands were refused (e.g. \"%s\"), which is normal for a "
					 "real sender (unknown recipients and the like).",
					 " %llu of its commands were refused (e.g. \"%s\"), which is normal for a "
					 "real sender (unknown recipients and the like).", other),
				   (unsigned long long)other, reject);
		break;
	case V_SPAM_REJECTED:
		if (!c->rejects && c->ps_dnsbl_rank) {
			buf_puts(b, _(" postscreen turned it away: its rank on the DNS blocklists reached "
				      "postscreen_dnsbl_threshold, so it never reached the SMTP server and "
				      "nothing was accepted."));
			break;
		}
		/* TRANSLATORS: a count, then an example of Postfix's refusal (quoted) */
		buf_printf(b, P_(" Every attempt was refused by your restrictions (%llu reject, e.g. \"%s\"); "
				 "nothing was accepted.",
				 " Every attempt was refused by your restrictions (%llu rejects, e.g. \"%s\"); "
				 "nothing was accepted.", c->rejects),
			   (unsigned long long)c->rejects, reject);
		if (strstr(reject, " blocked using ") && client_server_look(d, ip.s)) /* as client_listed_server */
			buf_puts(b, _(" Yet it looks like a real mail server: its PTR name resolves back to "
				      "its address and is the name it greeted with, and it used STARTTLS. If "
				      "someone here expected its mail, the blocklist may be wrong about it "
				      "(shared sending services get listed for other customers' mail): look "
				      "the address up on the list's site and, if the mail is wanted, let it "
				      "through before the DNSBL check (check_client_access)."));
		else if (strstr(reject, " rejected: Access denied") && client_server_look(d, ip.s))
			/* as client_denied_server */
			buf_puts(b, _(" Yet it looks like a real mail server: its PTR name resolves back to "
				      "its address and is the name it greeted with, and it used STARTTLS. "
				      "\"Access denied\" with no words of its own is this server's own rule: an "
				      "access table's REJECT (check_client_access, check_sender_access, "
				      "check_recipient_access) or a plain reject in a restriction list. If its "
				      "mail was wanted, find that rule."));
		break;
	case V_CAPABILITY_PROBE:
		if (d && d->offered)
			/* TRANSLATORS: %s is the list of EHLO keywords the server offered */
			buf_printf(b, _(" Each time it greeted the server (EHLO/HELO), read the list of "
					"capabilities it offers (%s) and left without trying to log in or to "
					"send mail."),
				   d->offered);
		else
			buf_puts(b, _(" Each time it greeted the server (EHLO/HELO), read the list of "
				      "capabilities it offers and left without trying to log in or to send "
				      "mail."));
		buf_puts(b, _(" That is a scanner cataloguing servers: it learns whether you offer STARTTLS "
			      "and AUTH, to come back later with password guessing or spam. It did nothing "
			      "that needs blocking by itself, but it is hostile reconnaissance."));
		if (d && d->lost_stage)
			/* TRANSLATORS: %s is the SMTP stage, such as EHLO or AUTH */
			buf_printf(b, _(" (Some sessions ended with a lost connection or timeout after %s.)"),
				   d->lost_stage);
		break;
	default:
		unknown_text(b, a, c, d, ip.s);
		break;
	}
	client_identity_text(b, c, d, ip.s);
	if (c->auth_fallback && c->verdict != V_AUTH_BRUTEFORCE && c->verdict != V_AUTH_SUCCESS_AFTER_FAILURES)
		buf_puts(b, _(" Its failed logins came in one burst per connection that tried one "
			      "mechanism after another (PLAIN, then LOGIN) with one username: that is a mail "
			      "program whose password the server refused, falling back through the "
			      "mechanisms it offers, not a guesser. Most likely one of your users' devices "
			      "(a phone, Outlook, a printer or scanner) has a wrong or old password or "
			      "username; if the user is sure of it, test the account against the server's "
			      "SASL backend (doveadm auth test, testsaslauthd)."));
	if (c->auth_backend_fail)
		buf_printf(b, P_(" %llu of its SASL logins failed because the server's own authentication "
				 "backend did not answer (\"generic failure\", \"Connection lost to "
				 "authentication server\"), not because of a wrong password: they are "
				 "not counted as guesses.",
				 " %llu of its SASL logins failed because the server's own authentication "
				 "backend did not answer (\"generic failure\", \"Connection lost to "
				 "authentication server\"), not because of a wrong password: they are "
				 "not counted as guesses.", c->auth_backend_fail),
			   (unsigned long long)c->auth_backend_fail);
	dnsbl_text(b, c, d);
	if (d && d->blocked_self_sender && !c->auth_successes && !c->auth_ok_sessions)
		buf_puts(b, _(" A blocklist refused mail whose sender is in its recipient's own domain "
			      "(often the very same address): spam that forges your domain does that, and so "
			      "does one of your own users whose mail program sends on port 25 from an "
			      "address the lists name (a home line, a hotel's network). If it is one of "
			      "yours, have them send through submission (port 587, or 465) with a login: "
			      "postscreen and the client blocklists do not apply there."));
	if (c->flags & CF_DETAIL_LOST)
		buf_puts(b, _(" (Not all of its details were kept, because the log has more active clients "
			      "than the detail memory holds: its names, usernames and evidence may be "
			      "incomplete; its counts and verdict are not.)"));
}
