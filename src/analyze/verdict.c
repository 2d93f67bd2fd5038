/*
 * verdict.c - decide what each session, client and account was doing
 * (verdict_session, verdict_decide, verdict_account), and say it for an
 * account; a client's verdict in words is verdict_explain.c.
 *
 * The rules are written for the admin's questions (seeds 000-004): a
 * capability probe (EHLO then QUIT, no AUTH, no MAIL), a non-SMTP probe
 * (a lone ".", HTTP, garbage: 500/502 replies), SASL brute force, relay
 * attempts, and accounts sending mass mail.  A client that delivered
 * mail or logged in is never called hostile on weak evidence: a hostile
 * verdict needs the hostile behaviour to dominate.
 */
#include "analysis.h"
#include "../parse/dnsbl.h"
#include "../parse/provider.h"
#include "../util/buf.h"
#include "../util/cidr.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct verdict_row verdicts[] = {
#define X(e, id, sev, side, ban, own, act, nlist, title, reason, reject) \
	{id, sev, side, ban, own, act, nlist, title, reason, reject},
    VERDICTS(X)
#undef X
};

static const char *const severity_words[] = {
#define X(e, word) word,
    VERDICT_SEVERITIES(X)
#undef X
};

/* verdict_row - the row of v in VERDICTS (unknown's when out of range) */
const struct verdict_row *verdict_row(enum verdict v)
{
	return &verdicts[(unsigned)v < V__COUNT ? v : V_UNKNOWN];
}

/* verdict_id - the stable id used in JSON and --verdict */
const char *verdict_id(enum verdict v)
{
	return verdict_row(v)->id;
}

/* verdict_severity - 0 fine .. 4 alarm */
int verdict_severity(enum verdict v)
{
	return (int)verdict_row(v)->sev;
}

/* verdict_severity_word - the report's word for a severity */
const char *verdict_severity_word(int sev)
{
	return sev >= SEV_OK && sev <= SEV_ALARM ? severity_words[sev] : severity_words[SEV_OK];
}

/* verdict_hostile - the one definition of a hostile client: severity 3
 * (hostile) or 4 (alarm) */
bool verdict_hostile(enum verdict v)
{
	return verdict_row(v)->sev >= SEV_HOSTILE;
}

/* verdict_of_evidence - see verdicts.h */
enum verdict verdict_of_evidence(enum verdict session, enum verdict client)
{
	if (session == V_LEGITIMATE && client != V_LEGITIMATE)
		return client;
	if (verdict_hostile(session) && verdict_severity(client) <= SEV_UNCLEAR && client != V_UNKNOWN)
		return client;
	return session;
}

/* verdict_from_id - parse a --verdict value */
bool verdict_from_id(const char *s, enum verdict *v)
{
	for (unsigned i = 0; i < V__COUNT; i++)
		if (!strcmp(verdicts[i].id, s)) {
			*v = (enum verdict)i;
			return true;
		}
	return false;
}

/* stat_total - attempted count of one command in the disconnect line */
static uint32_t stat_total(const struct session *s, const char *name)
{
	uint32_t ok, total;
	session_stat(s, name, &ok, &total);
	return total;
}

/* stat_ok - succeeded count of one command */
static uint32_t stat_ok(const struct session *s, const char *name)
{
	uint32_t ok, total;
	session_stat(s, name, &ok, &total);
	return ok;
}

/* is_stage - lost/timeout stage equals one of the names */
static bool is_stage(const char *st, const char *a, const char *b)
{
	return st && (!strcmp(st, a) || (b && !strcmp(st, b)));
}

/* the most sessions of mechanism fallback a client may have and still be
 * a user's device rather than a guesser on a fallback-driven library */
#define MECH_FALLBACK_MAX 3

/* session_mech_fallback - its failed logins were one mail program's
 * fallback through the mechanisms the server offers: two or more
 * mechanisms in turn (PLAIN, then LOGIN, never back to PLAIN), each
 * tried at most twice, within ten seconds, on a submission port, for at
 * most one username, none the server's backend failing, and nothing
 * logged in.  A guesser
 * tries password after password on one mechanism; a mail program whose
 * password is refused tries the next mechanism with the same one
 * (Thunderbird, Outlook, phones).  A guesser built on such a library
 * looks the same once, so the client's verdict also counts its sessions
 * (verdict_decide) */
bool session_mech_fallback(const struct session *s)
{
	unsigned mechs = (unsigned)__builtin_popcount(s->auth_fail_mechs);
	/* a program falls back at once (Dovecot's auth_failure_delay makes
	 * it 2 s a failure); a guesser that paces its tries takes longer */
	bool quick = s->start_untimed || s->end_untimed || s->end.us - s->start.us <= 10LL * 1000000;
	/* on the submission ports, where users' programs send: on port 25
	 * the same PLAIN-then-LOGIN burst is a guesser's script (a
	 * library's fallback), connection after connection, from many
	 * addresses (louisitvn-pflgviewer's sample log) */
	return mechs >= 2 && quick && !analysis_is_port25(s->service) && s->auth_failures <= 2 * mechs && !s->auth_mech_back &&
	       s->ntried <= 1 && !s->sasl_username && !s->auth_backend_failures && !stat_ok(s, "auth");
}

/* session_auth_failures - failed AUTH commands: SASL failures, or refused
 * AUTH in the disconnect counts (e.g. AUTH before STARTTLS: 503), not
 * those refused for their mechanism alone; at
 * least one when smtpd hung up on "too many errors after AUTH" (its
 * error limit reached by failed logins: an excerpt of the matched lines
 * often keeps that line and drops the warnings) */
uint32_t session_auth_failures(const struct session *s)
{
	uint32_t ok, total;
	session_stat(s, "auth", &ok, &total);
	uint32_t refused = total - ok;
	uint32_t n = s->auth_failures > refused ? s->auth_failures : refused;
	/* "Invalid authentication mechanism": the client asked for a
	 * mechanism the server does not offer (a mail agent that tries
	 * CRAM-MD5 first, then falls back); no password was checked, and
	 * the disconnect line's auth=ok/total counts the same AUTH */
	n = n > s->auth_mech_refused ? n - s->auth_mech_refused : 0;
	if (!n && !ok && s->lost_reason && !strcmp(s->lost_reason, "too many errors") &&
	    is_stage(s->lost_stage, "AUTH", NULL))
		n = 1;
	/* "lost connection after AUTH" with no counts to say more (a
	 * disconnect line without them, Postfix before 3.0, or none) and no
	 * login: its last command was an AUTH that opened nothing, refused
	 * before any password (smtpd_tls_auth_only on a plain-text session
	 * answers 503 and logs no warning) or given up halfway; a client
	 * that sent AUTH is no silent port scanner */
	if (!n && !total && !s->sasl_username && s->lost_reason &&
	    !strcmp(s->lost_reason, "lost connection") && is_stage(s->lost_stage, "AUTH", NULL))
		n = 1;
	return n;
}

/* dialogue_counts - commands seen in a -v/TLS-debug dialogue, for logs
 * whose disconnect line has no counts (Postfix before 3.0) */
struct dlg_counts dialogue_counts(const struct session *s)
{
	struct dlg_counts c = {0};
	if (s->have_stats)
		return c;
	for (uint32_t i = 0; i < s->ndialogue; i++) {
		if (s->dialogue[i].dir != '<')
			continue;
		const char *t = s->dialogue[i].text;
		if (!strncasecmp(t, "EHLO", 4) || !strncasecmp(t, "HELO", 4))
			c.hello++;
		else if (!strncasecmp(t, "MAIL", 4) || !strncasecmp(t, "RCPT", 4) ||
			 !strncasecmp(t, "AUTH", 4) || !strncasecmp(t, "DATA", 4) ||
			 !strncasecmp(t, "BDAT", 4) || !strncasecmp(t, "VRFY", 4))
			c.work++;
		else if (!strncasecmp(t, "QUIT", 4))
			c.quit++;
		else if (strncasecmp(t, "STARTTLS", 8) && strncasecmp(t, "RSET", 4) &&
			 strncasecmp(t, "NOOP", 4))
			c.unknown++;
	}
	return c;
}

/* session_tls_failed - the TLS handshake failed: an error logged for it,
 * the client left right after STARTTLS with no TLS set up, or the
 * disconnect line counts a STARTTLS that failed (starttls=0/1: an excerpt
 * may keep that line and drop the error's) */
static bool session_tls_failed(const struct session *s)
{
	return !s->tls && (s->tls_error || is_stage(s->lost_stage, "STARTTLS", NULL) ||
			   stat_total(s, "starttls") > stat_ok(s, "starttls"));
}

/* own_net - loopback, a private network or ULA: the server's own side */
static bool own_net(struct span s)
{
	return s.p && cidr_own_network(s.p, s.n);
}

/* sess_own_net - own_net of the session's client address: the answer
 * one of its refusals kept when it has one (session.h's client_own, the
 * reading thread's with two: speed39), else the address read */
static bool sess_own_net(const struct session *s)
{
	if (!s->client_ip)
		return false;
	if (s->client_own)
		return s->client_own == 2;
	return own_net(span_of(s->client_ip));
}

/* session_tls_hello - see analysis.h (smtpd writes the bytes it could
 * not take as a command with octal escapes) */
bool session_tls_hello(const struct session *s)
{
	const char *t = s->pipelining;
	return t && s->pipelining_stage && !strcmp(s->pipelining_stage, "CONNECT") &&
	       !strncmp(t, "\\026\\003\\00", 11) && t[11] >= '0' && t[11] <= '4';
}

/* session_http_hello - its first bytes, sent before the greeting, are
 * an HTTP request ("GET / HTTP/1.1", a proxy test's "CONNECT host:25"):
 * a web scanner or an open-proxy probe that hit the SMTP port, which
 * smtpd logs as "improper command pipelining after CONNECT" when the
 * request came in one packet, not a mail client */
static bool session_http_hello(const struct session *s)
{
	static const char *const methods[] = {"GET ", "POST ", "HEAD ", "CONNECT ", "OPTIONS ", "PUT "};
	const char *t = s->pipelining;
	if (!t || !s->pipelining_stage || strcmp(s->pipelining_stage, "CONNECT"))
		return false;
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (!strncmp(t, methods[i], strlen(methods[i])))
			return true;
	return false;
}

/* loopback - 127.0.0.0/8 or ::1: this very host, never a NAT gateway */
static bool loopback(const char *ip)
{
	return ip && cidr_loopback_text(ip, strlen(ip));
}

/* host_itself - 127.0.0.1 or ::1, the address this host's own programs
 * (a test client, a script) connect from; the rest of 127/8 is where a
 * local proxy or a relay in front may bind the clients it passes on, who
 * can be anyone */
static bool host_itself(const char *ip)
{
	return ip && (!strcmp(ip, "127.0.0.1") || !strcmp(ip, "::1"));
}

/* session_monitor - its HELO names a monitoring tool, or its verified
 * name does (a monitoring service's probe: remote8.uptimerobot.com);
 * Postfix logs a name only when it resolves back to the address */
bool session_monitor(const struct session *s)
{
	return (s->helo && ev_monitor_helo(span_of(s->helo))) ||
	       (s->client_name && strcmp(s->client_name, "unknown") &&
		ev_monitor_helo(span_of(s->client_name)));
}

/* session_own - a client of this server's own network, or one that
 * names itself as a monitoring tool */
static bool session_own(const struct session *s)
{
	return sess_own_net(s) || session_monitor(s);
}

/* session_logged_in - its AUTH succeeded: a client= line naming the
 * account, auth=1 in the disconnect counts, or a refusal whose words
 * name its login (a pasted excerpt may have nothing else) */
bool session_logged_in(const struct session *s)
{
	return s->sasl_username || stat_ok(s, "auth") ||
	       (s->last_reject && (s->last_reject_login ? s->last_reject_login == 2
							: ev_reply_login(span_of(s->last_reject)).n != 0));
}

/* verdict_session - what one session was */
enum verdict verdict_session(const struct session *s)
{
	return verdict_session_fails(s, session_auth_failures(s));
}

/* verdict_session_fails - verdict_session with fails, its
 * session_auth_failures, asked once by the caller that needs it too
 * (analysis_session: speed35) */
enum verdict verdict_session_fails(const struct session *s, uint32_t fails)
{
	/* a session that logged in is the account's: what was refused after
	 * the login (a sender the login does not own, a rate or size limit)
	 * is the account's client or this server's rules, never spam */
	if (session_logged_in(s))
		return V_LEGITIMATE;
	/* a proxy in front that sends the PROXY header to a service not set
	 * to read it: the proxy's address, no bot (proxy-protocol-not-enabled) */
	if (s->proxy_header)
		return V_UNKNOWN;
	/* failures the server's own SASL backend caused are no guesses; a
	 * quick burst that falls back through the mechanisms is a mail
	 * program's as much as a guesser's: unclear alone (the client's
	 * other sessions decide, verdict_decide) */
	if (fails > s->auth_backend_failures && !session_mech_fallback(s))
		return V_AUTH_BRUTEFORCE;
	/* an Internet client's relay test refused by an earlier check (its
	 * HELO) is the same test; from this network's own addresses it may
	 * be a device's own mail: left to the other checks */
	if (s->relay_denied ||
	    (s->relay_tests && !sess_own_net(s)))
		return V_RELAY_ATTEMPT;
	/* TLS before the greeting from this server's own network: a mail
	 * client set to SSL/TLS on a STARTTLS port, not a bot */
	if (session_tls_hello(s) && sess_own_net(s))
		return V_TLS_FAILURE;
	if (session_http_hello(s))
		return V_NON_SMTP_PROBE;
	if (s->pipelining)
		return s->pipelining_stage && !strcmp(s->pipelining_stage, "CONNECT") ? V_PREGREET
										       : V_PIPELINING;
	struct dlg_counts dc = dialogue_counts(s);
	uint32_t hello = stat_ok(s, "ehlo") + stat_ok(s, "helo") + dc.hello;
	uint32_t unknown = stat_total(s, "unknown") + dc.unknown;
	/* "too many errors after RCPT" proves a client that got as far as
	 * RCPT: the errors were refusals, not garbage */
	bool errors_early = s->lost_reason && !strcmp(s->lost_reason, "too many errors") &&
			    (!s->lost_stage || is_stage(s->lost_stage, "CONNECT", "UNKNOWN"));
	/* unrecognised commands from 127.0.0.1 are this host's own program's
	 * (a test client that sent TLS bytes after a STARTTLS the server
	 * could not do): unknown; smtpd's own "non-SMTP command" (an HTTP
	 * request, a local proxy's scanner) stays a probe */
	/* a message's own lines (To:, Subject:) sent as commands after a
	 * greeting, from this network or on a submission service: a mail
	 * program that went on with its text when its MAIL, RCPT or DATA
	 * was refused (or did not wait for the 354), not a probe */
	/* (on a submission service from outside, only after it tried MAIL or
	 * a login: a scanner on 587 that sends "From: x" after its EHLO is
	 * no mail program) */
	if (s->non_smtp && hello && ev_message_header(span_of(s->non_smtp)) &&
	    (sess_own_net(s) ||
	     (analysis_is_submission(s->service) &&
	      (stat_total(s, "mail") || stat_total(s, "auth") || dc.work || s->auth_failures ||
	       s->sasl_username))))
		return V_UNKNOWN;
	if (s->non_smtp || (unknown && !hello) || is_stage(s->lost_stage, "UNKNOWN", NULL) ||
	    (errors_early && !hello))
		return host_itself(s->client_ip) && !s->non_smtp ? V_UNKNOWN : V_NON_SMTP_PROBE;
	if (s->messages)
		return V_LEGITIMATE;
	/* refusals that were all the server's own fault accuse nobody; nor does
	 * a DNS blocklist refusing a large mail provider's server (the
	 * finding dnsbl-refuses-big-provider: the list's false positive), nor
	 * an SPF or DMARC check refusing one (mail it forwards for its users:
	 * the original sender's domain fails, not the provider; the finding
	 * known-sender-refused) */
	if (s->rejects > s->local_rejects) {
		/* the provider's server first (speed29: its names read eight
		 * bytes at a time cost less than the four searches of the
		 * refusal's text, and most clients are none) */
		/* its own network and its service, each asked once for the
		 * three tests below (speed35) */
		bool own = sess_own_net(s);
		bool sub = analysis_is_submission(s->service);
		bool big_listed = s->last_reject &&
				  ev_provider_server(span_of(s->client_name), span_of(s->client_ip),
						     span_of(s->helo)) &&
				  (strstr(s->last_reject, "blocked using ") ||
				   ev_sender_auth_text(span_of(s->last_reject)));
		/* nor a private address greeting as a large provider's server,
		 * or refused by an SPF check: a NAT gateway's, standing for it
		 * (nat-hides-clients) */
		bool nat = !big_listed && own &&
			   !loopback(s->client_ip) &&
			   ((s->helo && provider_name(span_of(s->helo))) ||
			    (s->last_reject && ev_spf_refusal(span_of(s->last_reject))));
		/* nor a client refused on a submission service (587, 465: a
		 * service of master.cf other than smtp) that never tried to
		 * log in: a mail program or device not set to log in, refused
		 * by smtpd's submission restrictions; no postscreen there */
		bool unlogged = sub && session_submission_unlogged(s);
		/* nor a client of this network, or on a submission service,
		 * whose sender domain does not exist or is none (nas.lan,
		 * root@web01): a device's own default sender, not spam
		 * (own-client-sender-domain-unknown); nor one refused a
		 * sender of this server's users because it did not log in
		 * (reject_sender_login_mismatch: "not logged in"): a webmail
		 * or application of its own set up without SMTP AUTH */
		bool own_sender = s->last_reject && (own || sub) &&
				  (strstr(s->last_reject, "Sender address rejected: Domain not found") ||
				   strstr(s->last_reject, "Sender address rejected: need fully-qualified address") ||
				   strstr(s->last_reject, "Sender address rejected: not logged in"));
		if (!big_listed && !nat && !unlogged && !own_sender && !session_protocol_refused(s))
			return V_SPAM_REJECTED;
	}
	uint32_t work = stat_total(s, "mail") + stat_total(s, "rcpt") + stat_total(s, "auth") +
			stat_total(s, "data") + stat_total(s, "bdat") + stat_total(s, "vrfy") +
			stat_total(s, "etrn") + dc.work + s->rejects + s->auth_failures;
	if (!work && session_tls_failed(s))
		return V_TLS_FAILURE;
	/* connect, EHLO or nothing, QUIT or hang up, from this server's own
	 * network or a monitoring tool: a health check (not when the log
	 * merely ends mid-session: that proves nothing; nor a session seen
	 * only in part, without its connect line and without the counts of
	 * its disconnect line: a pasted excerpt, whose missing lines may hold
	 * its mail, such as cleanup's milter-reject of it) */
	if (!work && session_own(s) && s->end_kind != END_OPEN && s->end_kind != END_EVICTED &&
	    (s->have_stats || s->saw_connect))
		return V_HEALTH_CHECK;
	if (s->have_stats && hello && !work)
		return V_CAPABILITY_PROBE;
	/* older Postfix: no counts, but a -v dialogue; only a dialogue that
	 * ended (its disconnect line, or a new client on the process): one
	 * the log cuts off after the EHLO reply does not show what came next */
	if (!s->have_stats && dc.hello && !dc.work && s->end_kind != END_OPEN &&
	    s->end_kind != END_EVICTED)
		return V_CAPABILITY_PROBE;
	if (!s->have_stats && is_stage(s->lost_stage, "EHLO", "HELO"))
		return V_CAPABILITY_PROBE;
	if (!s->have_stats && is_stage(s->lost_stage, "STARTTLS", NULL))
		return V_CAPABILITY_PROBE;
	return V_UNKNOWN;
}

/* dominant - is v the verdict of at least half the client's sessions */
static bool dominant(const struct client *c, enum verdict v)
{
	uint64_t total = 0;
	for (int i = 0; i < V__SESSION_COUNT; i++)
		total += c->by_verdict[i];
	return total && (uint64_t)c->by_verdict[v] * 2 >= total;
}

/* verdict_device_logins - every session of c that failed to log in was
 * a mail program falling back through the mechanisms, and there were
 * few, for one username at most: a user's device with a wrong password,
 * not a guesser (session_mech_fallback) */
bool verdict_device_logins(const struct client *c)
{
	uint64_t failing = (uint64_t)c->auth_fail_smtp + c->auth_fail_other;
	return c->auth_fallback && c->auth_fallback == failing && failing <= MECH_FALLBACK_MAX &&
	       !c->auth_successes && !(c->flags & CF_TRIED_MANY);
}

/* verdict_steady_checks - four or more sessions from a name that
 * resolves, each a greeting (and STARTTLS) ended by QUIT, all timed and
 * 20 s or more apart on average, nothing tried or refused: a monitoring
 * system checking the ports, not a scanner (which catalogues a server
 * once, or in a burst) nor a bot (which hangs up) */
bool verdict_steady_checks(const struct client *c)
{
	return c->sessions >= 4 && !(c->diag_flags & CD_UNSTEADY) &&
	       c->by_verdict[V_CAPABILITY_PROBE] == c->sessions && (c->times & CT_TIMED) &&
	       !(c->times & CT_UNTIMED) && c->last_us - c->first_us >= (int64_t)(c->sessions - 1) * 20000000 &&
	       !c->rejects &&
	       !c->auth_failures && !c->messages && !c->non_smtp && !c->pregreet && !c->pipelining &&
	       !c->relay_denied;
}

/* verdict_decide - the client's verdict, from its compact facts alone
 * (CF_ABUSED is set by analysis_finish from the accounts' verdicts,
 * CD_RELAY_ABUSE by the diagnosis through analysis_relay_abusers) */
enum verdict verdict_decide(const struct client *c)
{
	/* failures the server's SASL backend caused are no guesses */
	uint64_t fails = c->auth_failures > c->auth_backend_fail ? c->auth_failures - c->auth_backend_fail : 0;
	uint32_t tried = c->flags & CF_TRIED_MANY ? 2 : c->flags & CF_TRIED_ONE ? 1 : 0;
	if (c->flags & CF_ABUSED)
		return V_ACCOUNT_ABUSE;
	bool logged_in = c->auth_successes || c->auth_ok_sessions;
	/* the diagnosis saw its mail relayed through an open relay; never a
	 * client that logs in (a user's device sending without a login) */
	if ((c->diag_flags & CD_RELAY_ABUSE) && !logged_in && !(c->flags & CF_OWN_APP))
		return V_RELAY_ABUSE;
	/* AUTH refused with no password checked (no SASL failure line: "503
	 * 5.5.1 authentication not enabled" on port 25, AUTH before
	 * STARTTLS), from an address that logs in: a user's mail program
	 * set up for the wrong port, not failed passwords */
	bool refused_only = !c->pw_failures && logged_in;
	/* failed and successful logins of several users through one address
	 * of this server's own network: its webmail, a proxy or a NAT (a
	 * Docker bridge) speaks for them, and the address says nothing of
	 * who guessed; the accounts do */
	if (fails && (c->nlogin >= 2 || (tried >= 2 && logged_in)) && !(c->flags & CF_ABUSED)) {
		struct client_addr ip = client_addr(c);
		if (cidr_own_network(ip.s, strlen(ip.s)))
			return V_SHARED_FRONT;
	}
	bool device = verdict_device_logins(c);
	/* every session with failed logins logged in after them with a
	 * mechanism none of its failures used, and none failed without
	 * logging in: a mail program (a cron agent, a phone) that tries a
	 * mechanism its password does not work with first (CRAM-MD5 without
	 * a plain-text secret), then the next one; no guess */
	bool fell = (c->times & (CT_FELL_BACK | CT_SAME_MECH)) == CT_FELL_BACK && !c->auth_fail_smtp &&
		    !c->auth_fail_other;
	if (!refused_only && !fell && fails >= 3 && c->auth_successes &&
	    c->last_success_us > c->first_fail_us)
		return V_AUTH_SUCCESS_AFTER_FAILURES;
	if (!refused_only && !device && !fell &&
	    (fails >= 3 || (fails >= 1 && tried >= 2 && !c->auth_successes) ||
	     (fails >= 1 && !c->auth_successes && !c->messages && dominant(c, V_AUTH_BRUTEFORCE))))
		return V_AUTH_BRUTEFORCE;
	/* an address that logs in elsewhere in the log is an own user's:
	 * its relaying refused is a session its mail client did not log in
	 * (AUTH off, or port 25 instead of 587), not a relay test */
	if (c->relay_denied && !c->messages && ((c->flags & CF_OWN_APP) || logged_in))
		return V_LEGITIMATE;
	/* every refused relaying carried the null sender (MAIL FROM:<>): a
	 * mail server returning a bounce to a return address in a domain
	 * this server does not receive (its own web application's, or one
	 * that spam forged), not an open-relay test */
	if (c->relay_denied && !c->messages && !(c->relay_null_from && !c->relay_from_hash))
		return V_RELAY_ATTEMPT;
	if (c->by_verdict[V_NON_SMTP_PROBE] && dominant(c, V_NON_SMTP_PROBE))
		return V_NON_SMTP_PROBE;
	if (c->pregreet && !c->messages)
		return V_PREGREET;
	if (c->pipelining && !c->messages)
		return V_PIPELINING;
	/* postscreen's bare newline, command count or time limit caught it,
	 * it never passed postscreen nor reached smtpd: a bot (a mail server
	 * that met a limit comes back and passes) */
	if ((c->times & (CT_PS_LIMIT | CT_PS_PASSED)) == CT_PS_LIMIT && !c->sessions && !c->messages &&
	    !logged_in)
		return V_PROTOCOL_VIOLATION;
	if (c->messages || logged_in)
		return V_LEGITIMATE;
	/* a known Internet-wide scanner by its verified name (Shodan, Censys:
	 * parse/scanner.c) that only looked (connected, greeted, tried or
	 * failed STARTTLS, left): a probe cataloguing the server, whatever
	 * each session's own look (a hang-up after CONNECT, a handshake it
	 * broke off on purpose) */
	if ((c->diag_flags & CD_SCANNER) && !c->auth_failures && !c->rejects)
		return V_CAPABILITY_PROBE;
	/* refused only because a DNSBL answered an error code: the server's fault */
	bool dnsbl_fault = (c->flags & CF_DNSBL_ERROR) && !(c->flags & CF_DNSBL_LISTED);
	/* postscreen logs "DNSBL rank N" only at or over its threshold
	 * (postscreen_early.c:183): listed, never passed, never reached
	 * smtpd; its reply dropped or the client left before RCPT (the
	 * drop action logs no reject line): kept out as listed */
	if (c->ps_dnsbl_rank && !dnsbl_fault && !(c->times & CT_PS_PASSED) && !c->sessions &&
	    !c->rejects && !c->auth_failures)
		return V_SPAM_REJECTED;
	if (c->rejects && !dnsbl_fault && c->by_verdict[V_SPAM_REJECTED] && dominant(c, V_SPAM_REJECTED))
		return V_SPAM_REJECTED;
	if (verdict_steady_checks(c))
		return V_HEALTH_CHECK;
	if (c->by_verdict[V_CAPABILITY_PROBE] && dominant(c, V_CAPABILITY_PROBE))
		return V_CAPABILITY_PROBE;
	if (c->by_verdict[V_TLS_FAILURE] && dominant(c, V_TLS_FAILURE))
		return V_TLS_FAILURE;
	if (c->by_verdict[V_HEALTH_CHECK] && dominant(c, V_HEALTH_CHECK))
		return V_HEALTH_CHECK;
	return V_UNKNOWN;
}

/* peak_rate - most messages in any 10-minute window */
static uint32_t peak_rate(const struct account_detail *d)
{
	if (!d)
		return 0;
	int64_t *t = d->times;
	uint32_t n = d->ntimes, best = 0;
	for (uint32_t i = 1; i < n; i++) { /* insertion sort: n is small and nearly sorted */
		int64_t x = t[i];
		uint32_t j = i;
		while (j > 0 && t[j - 1] > x) {
			t[j] = t[j - 1];
			j--;
		}
		t[j] = x;
	}
	uint32_t lo = 0;
	for (uint32_t hi = 0; hi < n; hi++) {
		while (t[hi] - t[lo] > 600LL * 1000000)
			lo++;
		if (hi - lo + 1 > best)
			best = hi - lo + 1;
	}
	return best;
}

/* top_sources - the address that carried most of the volume, and the earliest one */
static void top_sources(const struct analysis *a, const struct account *ac, const struct login **top,
			const struct login **earliest)
{
	*top = *earliest = NULL;
	for (uint32_t i = 0; i < ac->nlogin; i++) {
		const struct login *l = account_login(a, ac, i);
		if (!*top || l->recipients > (*top)->recipients)
			*top = l;
		if (!*earliest || l->first.us < (*earliest)->first.us)
			*earliest = l;
	}
}

/* account_new_source - the unusual source that sent most of it, or NULL */
const struct login *account_new_source(const struct analysis *a, const struct account *ac,
				       const struct login **earliest)
{
	const struct login *top;
	top_sources(a, ac, &top, earliest);
	bool is_new = top && *earliest && top != *earliest && top->recipients >= 20 &&
		      (uint64_t)top->recipients * 10 >= (uint64_t)ac->recipients * 8;
	return is_new ? top : NULL;
}

/* the spread of an account's sending: how many networks (an IPv4 /16,
 * an IPv6 /32) it sent from with the first sends within two hours.  A
 * person's phone, laptop and office make two or three; a password
 * shared among a botnet's machines makes many at once. */
#define SPREAD_WINDOW_US (2LL * 3600 * 1000000)
#define SPREAD_MAX 64
struct spread_send {
	int64_t us;     /* the login pair's first time */
	uint32_t net;
};

/* net_of - a client's network (/16, /32) as a number; false for a text address */
static bool net_of(const struct client *c, uint32_t *net)
{
	if (c->kind == CA_V4) {
		*net = (uint32_t)c->addr[12] << 8 | c->addr[13];
		return true;
	}
	if (c->kind == CA_V6) {
		*net = 0x80000000u ^ ((uint32_t)c->addr[0] << 24 | (uint32_t)c->addr[1] << 16 |
				      (uint32_t)c->addr[2] << 8 | c->addr[3]);
		return true;
	}
	return false;
}

/* account_spread - the most networks ac sent from within two hours
 * (secs: from the first send to the last of them); a pure function of
 * the records, for the verdict and its explanation alike */
uint32_t account_spread(const struct analysis *a, const struct account *ac, double *secs)
{
	struct spread_send s[SPREAD_MAX];
	uint32_t n = 0;
	*secs = 0;
	for (uint32_t i = 0; i < ac->nlogin && n < SPREAD_MAX; i++) {
		const struct login *l = account_login(a, ac, i);
		uint32_t net;
		if (l->messages && net_of(login_client(a, l), &net))
			s[n++] = (struct spread_send){l->first.us, net};
	}
	for (uint32_t i = 1; i < n; i++) /* by time: insertion, n is small */
		for (uint32_t j = i; j > 0 && s[j - 1].us > s[j].us; j--) {
			struct spread_send x = s[j];
			s[j] = s[j - 1];
			s[j - 1] = x;
		}
	uint32_t best = 0;
	for (uint32_t lo = 0; lo < n; lo++) {
		uint32_t nets = 0, hi = lo;
		for (; hi < n && s[hi].us - s[lo].us <= SPREAD_WINDOW_US; hi++) {
			bool seen = false;
			for (uint32_t k = lo; k < hi && !seen; k++)
				seen = s[k].net == s[hi].net;
			nets += !seen;
		}
		if (nets > best) {
			best = nets;
			*secs = (double)(s[hi - 1].us - s[lo].us) / 1e6;
		}
	}
	return best;
}

/* account_bulk - it sent in bulk: alone no sign of a compromise */
bool account_bulk(const struct account *ac)
{
	return ac->recipients >= 100 || (ac->recipients >= 30 && ac->peak_10min >= 20) ||
	       ac->ndomain_hash >= 15;
}

/* verdict_account - normal or compromised-suspect (after the logins are indexed) */
void verdict_account(struct analysis *a, struct account *ac)
{
	struct account_detail *d = ac->detail ? a->adetail[ac->detail - 1] : NULL;
	ac->peak_10min = peak_rate(d);
	uint64_t done = (uint64_t)ac->sent + ac->bounced + ac->expired;
	double bounce = done ? (double)(ac->bounced + ac->expired) / (double)done : 0;
	const struct login *earliest, *top = account_new_source(a, ac, &earliest);
	/* volume and many domains only say "bulk": a newsletter, a busy
	 * sales desk.  A compromise needs one sign that the mail is not
	 * wanted or not the owner's: a quarter of it bouncing, remote
	 * servers refusing it as spam, or an unusual new source */
	int weak = 0, strong = 0;
	weak += ac->recipients >= 100 || (ac->recipients >= 30 && ac->peak_10min >= 20);
	weak += ac->ndomain_hash >= 15;
	strong += done >= 10 && bounce >= 0.25;
	strong += ac->remote_content_rejects >= 3;
	strong += top != NULL;
	bool spread = account_spread(a, ac, &(double){0}) >= ACCOUNT_SPREAD_NETS;
	strong += spread;
	ac->flags = (uint8_t)((ac->flags & ~AF_SPREAD) | (spread ? AF_SPREAD : 0));
	ac->compromised = strong >= 1 && strong + weak >= 2;
	ac->new_ip = top ? top->client + 1 : 0;
}
