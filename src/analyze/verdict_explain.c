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
#include "../parse/scanner.h"
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
		if (d && d->tls_submission) {
			buf_puts(b, _(": it and this server have no TLS protocol version or cipher in "
				      "common, on a submission port (587, 465), where the clients are "
				      "this server's users' mail programs. If users say they cannot "
				      "send, this server's TLS settings or certificate leave their "
				      "programs out (smtpd_tls_mandatory_protocols, "
				      "smtpd_tls_mandatory_ciphers, the certificate's key type after a "
				      "renewal; test with openssl s_client -starttls smtp -connect "
				      "HOST:587); a scanner on 587 leaves the same lines."));
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
	case TLSE_SERVER:
		buf_puts(b, _(": this server's own TLS key or certificate did not load, so it has no TLS "
			    "for any client (see the problem about the server's TLS key or "
			    "certificate). The client is not at fault."));
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

/* scanner_text - a known Internet-wide scanner's probes in words (its
 * verified name is one of the scanner's: CD_SCANNER); false when it is
 * none, or its name was not kept */
static bool scanner_text(struct buf *b, const struct client *c, const struct client_detail *d)
{
	const char *who = (c->diag_flags & CD_SCANNER) && d && d->ptr ? scanner_name(span_of(d->ptr)) : NULL;
	if (!who)
		return false;
	/* TRANSLATORS: the first %s is the client's host name, the second the
	 * scanner's project ("Shodan", "Censys") */
	buf_printf(b, _(" Its name %s is one of %s's: a project that scans the whole Internet and "
			"records what every server answers on its ports (the greeting, the capabilities, "
			"STARTTLS and the certificate). It connected, looked and left, without trying to "
			"log in or to send mail: a probe cataloguing the server, not a password guesser "
			"nor a spammer. It is harmless; ban it only if you would rather not be catalogued "
			"(these projects publish their address ranges and how to opt out)."),
		   d->ptr, who);
	if (d->lost_stage)
		buf_printf(b, _(" (Some sessions ended with a lost connection or timeout after %s.)"),
			   d->lost_stage);
	return true;
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
		else if (other && c->messages && client_greylist_example(d))
			/* TRANSLATORS: a count, then an example of Postfix's refusal (quoted) */
			buf_printf(b, P_(" %llu of its commands was deferred by greylisting (e.g. \"%s\"); it "
					 "retried and its mail was accepted: greylisting working as meant.",
					 " %llu of its commands were deferred by greylisting (e.g. \"%s\"); it "
					 "retried and its mail was accepted: greylisting working as meant.", other),
				   (unsigned long long)other, client_greylist_example(d));
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
		if (scanner_text(b, c, d))
			break;
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
		client_unknown_text(b, a, c, d, ip.s);
		break;
	}
	client_identity_text(b, c, d, ip.s);
	if (c->diag_flags & CD_QUIT_PIPE)
		buf_puts(b, _(" It sent QUIT with more bytes right behind it, before the server's reply "
			      "(\"improper command pipelining after QUIT\"), and left: what a monitoring "
			      "check does (Nagios and Icinga check_smtp and check_ssmtp are known to), "
			      "not a bot; smtpd reads nothing after QUIT. If it is your monitor, keep its "
			      "address out of fail2ban (ignoreip)."));
	if (c->diag_flags & CD_VRFY)
		buf_puts(b, _(" It asked the server with VRFY whether addresses exist and sent no mail: "
			      "that is address harvesting, collecting valid usernames to guess passwords "
			      "for or to spam. Postfix answers VRFY unless told not to: disable_vrfy_command "
			      "= yes makes it answer 502 and tell nothing."));
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
