/*
 * verdict.c - decide what each session, client and account was doing,
 * and say it in plain words.
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
#define X(e, id, sev, side, ban, act, nlist, title, reason, reject) \
	{id, sev, side, ban, act, nlist, title, reason, reject},
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

/* session_auth_failures - failed AUTH commands: SASL failures, or refused
 * AUTH in the disconnect counts (e.g. AUTH before STARTTLS: 503) */
uint32_t session_auth_failures(const struct session *s)
{
	uint32_t ok, total;
	session_stat(s, "auth", &ok, &total);
	uint32_t refused = total - ok;
	return s->auth_failures > refused ? s->auth_failures : refused;
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
 * or the client left right after STARTTLS with no TLS set up */
static bool session_tls_failed(const struct session *s)
{
	return !s->tls && (s->tls_error || is_stage(s->lost_stage, "STARTTLS", NULL));
}

/* own_net - loopback, a private network or ULA: the server's own side */
static bool own_net(struct span s)
{
	return s.p && cidr_own_network(s.p, s.n);
}

/* session_own - a client of this server's own network, or one that
 * names itself as a monitoring tool */
static bool session_own(const struct session *s)
{
	return (s->client_ip && own_net(span_of(s->client_ip))) ||
	       (s->helo && ev_monitor_helo(span_of(s->helo)));
}

/* verdict_session - what one session was */
enum verdict verdict_session(const struct session *s)
{
	if (s->sasl_username)
		return V_LEGITIMATE;
	/* failures the server's own SASL backend caused are no guesses */
	if (session_auth_failures(s) > s->auth_backend_failures)
		return V_AUTH_BRUTEFORCE;
	if (s->relay_denied)
		return V_RELAY_ATTEMPT;
	if (s->pipelining)
		return s->pipelining_stage && !strcmp(s->pipelining_stage, "CONNECT") ? V_PREGREET
										       : V_PIPELINING;
	struct dlg_counts dc = dialogue_counts(s);
	uint32_t hello = stat_ok(s, "ehlo") + stat_ok(s, "helo") + dc.hello;
	uint32_t unknown = stat_total(s, "unknown") + dc.unknown;
	if (s->non_smtp || (unknown && !hello) || is_stage(s->lost_stage, "UNKNOWN", NULL) ||
	    (s->lost_reason && !strcmp(s->lost_reason, "too many errors") && !hello))
		return V_NON_SMTP_PROBE;
	if (s->messages)
		return V_LEGITIMATE;
	/* refusals that were all the server's own fault accuse nobody; nor does
	 * a DNS blocklist refusing a large mail provider's server (the
	 * finding dnsbl-refuses-big-provider: the list's false positive) */
	bool big_listed = s->client_name && provider_name(span_of(s->client_name)) &&
			  s->last_reject && strstr(s->last_reject, "blocked using ");
	if (s->rejects > s->local_rejects && !big_listed)
		return V_SPAM_REJECTED;
	uint32_t work = stat_total(s, "mail") + stat_total(s, "rcpt") + stat_total(s, "auth") +
			stat_total(s, "data") + stat_total(s, "bdat") + stat_total(s, "vrfy") +
			stat_total(s, "etrn") + dc.work + s->rejects + s->auth_failures;
	if (!work && session_tls_failed(s))
		return V_TLS_FAILURE;
	/* connect, EHLO or nothing, QUIT or hang up, from this server's own
	 * network or a monitoring tool: a health check (not when the log
	 * merely ends mid-session: that proves nothing) */
	if (!work && session_own(s) && s->end_kind != END_OPEN && s->end_kind != END_EVICTED)
		return V_HEALTH_CHECK;
	if (s->have_stats && hello && !work)
		return V_CAPABILITY_PROBE;
	if (!s->have_stats && dc.hello && !dc.work)
		return V_CAPABILITY_PROBE; /* older Postfix: no counts, but a -v dialogue */
	if (!s->have_stats && is_stage(s->lost_stage, "EHLO", "HELO"))
		return V_CAPABILITY_PROBE;
	if (!s->have_stats && is_stage(s->lost_stage, "STARTTLS", NULL))
		return V_CAPABILITY_PROBE;
	return V_UNKNOWN;
}

/* helo_is_fqdn - a dotted name with letters, not an address literal */
bool helo_is_fqdn(const char *h)
{
	if (!h || !*h || h[0] == '[')
		return false;
	const char *dot = strchr(h, '.');
	if (!dot || dot == h || !dot[1])
		return false;
	bool alpha = false;
	for (const char *p = h; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			alpha = true;
		else if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_'))
			return false;
	}
	return alpha;
}

/* ptr_is_generic - a PTR name that looks assigned by an ISP to a pool */
bool ptr_is_generic(const char *ptr, const char *ip)
{
	if (!ptr)
		return false;
	static const char *const words[] = {"dsl", "pool", "dynamic", "dyn.", "-dyn", "broadband",
					    "customer", "cable", "dhcp", "ppp", "client", "static",
					    "residential", "host-", "ip-", "user", NULL};
	char low[256];
	size_t n = 0;
	for (const char *p = ptr; *p && n + 1 < sizeof low; p++)
		low[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
	low[n] = 0;
	for (int i = 0; words[i]; i++)
		if (strstr(low, words[i]))
			return true;
	/* the address's digits embedded in the name: 192-0-2-1, 1.2.0.192 ... */
	if (ip) {
		int oct[4];
		if (sscanf(ip, "%d.%d.%d.%d", &oct[0], &oct[1], &oct[2], &oct[3]) == 4) {
			char a[32], b[32];
			snprintf(a, sizeof a, "%d-%d-%d-%d", oct[0], oct[1], oct[2], oct[3]);
			snprintf(b, sizeof b, "%d.%d.%d.%d", oct[3], oct[2], oct[1], oct[0]);
			if (strstr(low, a) || strstr(low, b))
				return true;
			int digits = 0;
			for (const char *p = low; *p; p++)
				digits += *p >= '0' && *p <= '9';
			if (digits >= 8)
				return true;
		}
	}
	return false;
}

/* clock_of - "11:32:05", or "2026-11-22 11:32:05" when the log covers
 * more than one calendar day (a bare clock would not say which day) */
static void clock_of(struct buf *b, const struct analysis *a, struct stamp t)
{
	buf_stamp_clock(b, t, a->have_time && !stamp_same_day(a->first, a->last));
}

/* u32_cmp - for qsort */
static int u32_cmp(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

/* client_period - median interval between visits and its median deviation, ms */
bool client_period(const struct client_detail *d, uint32_t *median, uint32_t *mad)
{
	uint32_t n = d ? d->nsample : 0;
	if (n < 3)
		return false;
	uint32_t v[CLIENT_MAX_INTERVALS], dv[CLIENT_MAX_INTERVALS];
	memcpy(v, d->sample, n * sizeof *v);
	qsort(v, n, sizeof *v, u32_cmp);
	*median = v[n / 2];
	for (uint32_t i = 0; i < n; i++)
		dv[i] = v[i] > *median ? v[i] - *median : *median - v[i];
	qsort(dv, n, sizeof *dv, u32_cmp);
	*mad = dv[n / 2];
	return true;
}

/* period_text - "about every 180 s (± 4 s)" when the visits are regular */
static void period_text(struct buf *b, const struct client_detail *d)
{
	uint32_t med, mad;
	if (!client_period(d, &med, &mad) || med < 1000)
		return;
	if (mad * 4 <= med)
		buf_printf(b, ", regularly: about every %.0f s (± %.0f s)", med / 1000.0,
			   mad < 1000 ? 1.0 : mad / 1000.0);
	else
		buf_printf(b, ", irregularly (typically %.0f s apart)", med / 1000.0);
}

/* identity_text - PTR and HELO facts (from the detail, when kept) */
static void identity_text(struct buf *b, const struct client *c, const struct client_detail *d,
			  const char *ip)
{
	if (client_is_placeholder(c))
		buf_puts(b, " The log does not give its address (it names it \"unknown[]\", or it is a "
			    "postmaster transcript, which does not carry it).");
	else if (!d || !c->sessions)
		return; /* postscreen looks up no names: nothing to say of them */
	else if (!d->ptr)
		buf_puts(b, " Its address has no PTR name that resolves back to it (Postfix logs it as unknown).");
	else if (ptr_is_generic(d->ptr, ip))
		buf_printf(b, " Its PTR name %s looks like a dynamic or consumer address, not a mail server.",
			   d->ptr);
	if (d && d->nhelo) {
		const char *h = d->helo[0].name;
		buf_printf(b, " It introduced itself as \"%s\"", h);
		if (!helo_is_fqdn(h))
			buf_puts(b, ", which is not a fully qualified domain name");
		else if (d->ptr && strcasecmp(h, d->ptr) != 0)
			buf_printf(b, ", which does not match its PTR name %s", d->ptr);
		buf_puts(b, ".");
	}
}

/* tried_count - attempts naming a user: the larger of the two sources */
static uint32_t tried_count(const struct tried_user *t)
{
	return t->from_postfix > t->from_dovecot ? t->from_postfix : t->from_dovecot;
}

/* tried_text - "admin (3, unknown user), alice (1, Password mismatch: the account exists)" */
static void tried_text(struct buf *b, const struct client_detail *d, uint32_t max)
{
	for (uint32_t i = 0; i < d->ntried && i < max; i++) {
		const struct tried_user *t = &d->tried[i];
		buf_printf(b, "%s%s", i ? ", " : "", t->name);
		uint32_t n = tried_count(t);
		if (n > 1 || t->result) {
			buf_puts(b, " (");
			if (n > 1)
				buf_printf(b, "%u×", n);
			if (t->result) {
				if (n > 1)
					buf_puts(b, ", ");
				if (strstr(t->result, "mismatch"))
					buf_puts(b, "wrong password: this account exists");
				else
					buf_puts(b, t->result);
			}
			buf_putc(b, ')');
		}
	}
	if (d->ntried > max)
		buf_printf(b, " and %u more", d->ntried - max);
}

/* dominant - is v the verdict of at least half the client's sessions */
static bool dominant(const struct client *c, enum verdict v)
{
	uint64_t total = 0;
	for (int i = 0; i < V__COUNT; i++)
		total += c->by_verdict[i];
	return total && (uint64_t)c->by_verdict[v] * 2 >= total;
}

/* verdict_decide - the client's verdict, from its compact facts alone
 * (CF_ABUSED is set by analysis_finish from the accounts' verdicts) */
enum verdict verdict_decide(const struct client *c)
{
	/* failures the server's SASL backend caused are no guesses */
	uint64_t fails = c->auth_failures > c->auth_backend_fail ? c->auth_failures - c->auth_backend_fail : 0;
	uint32_t tried = c->flags & CF_TRIED_MANY ? 2 : c->flags & CF_TRIED_ONE ? 1 : 0;
	if (c->flags & CF_ABUSED)
		return V_ACCOUNT_ABUSE;
	if (fails >= 3 && c->auth_successes && c->last_success_us > c->first_fail_us)
		return V_AUTH_SUCCESS_AFTER_FAILURES;
	if (fails >= 3 || (fails >= 1 && tried >= 2 && !c->auth_successes) ||
	    (fails >= 1 && !c->auth_successes && !c->messages && dominant(c, V_AUTH_BRUTEFORCE)))
		return V_AUTH_BRUTEFORCE;
	if (c->relay_denied && !c->messages && (c->flags & CF_OWN_APP))
		return V_LEGITIMATE;
	if (c->relay_denied && !c->messages)
		return V_RELAY_ATTEMPT;
	if (c->by_verdict[V_NON_SMTP_PROBE] && dominant(c, V_NON_SMTP_PROBE))
		return V_NON_SMTP_PROBE;
	if (c->pregreet && !c->messages)
		return V_PREGREET;
	if (c->pipelining && !c->messages)
		return V_PIPELINING;
	if (c->messages || c->auth_successes)
		return V_LEGITIMATE;
	/* refused only because a DNSBL answered an error code: the server's fault */
	bool dnsbl_fault = (c->flags & CF_DNSBL_ERROR) && !(c->flags & CF_DNSBL_LISTED);
	if (c->rejects && !dnsbl_fault && c->by_verdict[V_SPAM_REJECTED] && dominant(c, V_SPAM_REJECTED))
		return V_SPAM_REJECTED;
	if (c->by_verdict[V_CAPABILITY_PROBE] && dominant(c, V_CAPABILITY_PROBE))
		return V_CAPABILITY_PROBE;
	if (c->by_verdict[V_TLS_FAILURE] && dominant(c, V_TLS_FAILURE))
		return V_TLS_FAILURE;
	if (c->by_verdict[V_HEALTH_CHECK] && dominant(c, V_HEALTH_CHECK))
		return V_HEALTH_CHECK;
	return V_UNKNOWN;
}

/* abused_account - the compromised-suspect account it sent through */
static const struct account *abused_account(const struct analysis *a, const struct client *c)
{
	for (uint32_t i = 0; i < c->nlogin; i++) {
		const struct login *l = client_login(a, c, i);
		const struct account *ac = login_account(a, l);
		if (!ac->compromised)
			continue;
		if (ac->new_ip && ac->new_ip - 1 == l->client)
			return ac;
		/* no earlier address in this log: the one that sent most of it */
		if (!ac->new_ip && (uint64_t)c->recipients * 10 >= (uint64_t)ac->recipients * 8 &&
		    c->recipients >= 20)
			return ac;
	}
	return NULL;
}

/* first_login - the name of the first account it logged in as, or NULL */
static const char *first_login(const struct analysis *a, const struct client *c)
{
	return c->nlogin ? login_account(a, client_login(a, c, 0))->name : NULL;
}

/* visits_text - how often and when it came */
static void visits_text(struct buf *b, const struct analysis *a, const struct client *c,
			const struct client_detail *d)
{
	if (c->sessions && !c->first_us) {
		buf_printf(b,
			   " made %llu session%s (told by lines that carry no time: postmaster"
			   " transcripts or a pasted excerpt).",
			   (unsigned long long)c->sessions, c->sessions == 1 ? "" : "s");
	} else if (c->sessions) {
		bool one_moment = c->first_us / 1000000 == c->last_us / 1000000;
		buf_printf(b, " connected %llu time%s %s ", (unsigned long long)c->sessions,
			   c->sessions == 1 ? "" : "s", one_moment ? "at" : "between");
		clock_of(b, a, client_first(c));
		if (!one_moment) {
			buf_puts(b, " and ");
			clock_of(b, a, client_last(c));
		}
		period_text(b, d);
		buf_puts(b, ".");
	} else if (c->ps_connects) {
		buf_printf(b, " was seen %llu time%s by postscreen.", (unsigned long long)c->ps_connects,
			   c->ps_connects == 1 ? "" : "s");
	} else {
		buf_puts(b, " appears only in side lines (Dovecot or postscreen).");
	}
}

/* auth_text - the SASL verdicts' prose */
static void auth_text(struct buf *b, const struct analysis *a, const struct client *c,
		      const struct client_detail *d)
{
	uint64_t fails = c->auth_failures;
	uint32_t tried_names = client_tried_names(a, c);
	if (c->verdict == V_AUTH_SUCCESS_AFTER_FAILURES) {
		buf_printf(b, " It failed SASL authentication %llu time%s and then logged in successfully",
			   (unsigned long long)fails, fails == 1 ? "" : "s");
		if (first_login(a, c))
			buf_printf(b, " as %s", first_login(a, c));
		buf_puts(b, ". Either a user mistyped a password several times, or a guessed password worked: "
			    "check with the account's owner now.");
		if (tried_names && d && d->ntried) {
			buf_puts(b, " Usernames tried: ");
			tried_text(b, d, 12);
			buf_puts(b, ".");
		}
		return;
	}
	buf_printf(b, " It failed SASL authentication %llu time%s", (unsigned long long)fails,
		   fails == 1 ? "" : "s");
	if (c->sessions && c->last_us - c->first_us >= 120LL * 1000000)
		buf_printf(b, " over %.0f minutes", (double)(c->last_us - c->first_us) / 60e6);
	if (!d || !d->ntried) {
		if (tried_names >= 2)
			buf_puts(b, ", with several different usernames");
	} else if (tried_names == 1) {
		buf_puts(b, ", as ");
		tried_text(b, d, 1);
	} else if (c->flags & CF_DETAIL_LOST) {
		buf_puts(b, ", with several different usernames, among them: ");
		tried_text(b, d, 12);
	} else {
		buf_printf(b, ", with %u different usernames: ", tried_names);
		tried_text(b, d, 12);
	}
	buf_puts(b, fails >= 3 || tried_names >= 2 ? ". This is password guessing."
						   : ". Alone this proves little, but nothing else "
						     "in the log explains it: treat it as password "
						     "guessing and watch for more.");
	if (!c->auth_successes)
		buf_puts(b, " None of its attempts succeeded.");
}

/* pregreet_text - what it sent before the greeting, and how postscreen shows it */
static void pregreet_text(struct buf *b, const struct client_detail *d)
{
	if (!d || !d->pregreet)
		return;
	buf_puts(b, " postscreen logged");
	if (d->pregreet_bytes)
		buf_printf(b, " %u byte%s", d->pregreet_bytes, d->pregreet_bytes == 1 ? "" : "s");
	buf_puts(b, " sent too early: \"");
	buf_term(b, span_cut(span_of(d->pregreet), 100));
	buf_puts(b, "\"");
	if (strstr(d->pregreet, "??") || strstr(d->pregreet, "\\r\\n"))
		buf_puts(b, " (\"\\r\\n\" or \"??\" is the carriage return and line feed that end an SMTP line, "
			    "which postscreen cannot print)");
	buf_puts(b, ".");
}

/* tls_text - a client whose TLS handshakes failed, by what the error says */
static void tls_text(struct buf *b, const struct client_detail *d)
{
	const char *e = d && d->tls_error ? d->tls_error : NULL;
	buf_puts(b, " Its TLS handshake failed after STARTTLS");
	if (e) {
		buf_puts(b, " (\"");
		buf_term(b, span_cut(span_of(e), 160));
		buf_puts(b, "\")");
	}
	switch (e ? ev_tls_error_kind(span_of(e)) : TLSE_HANGUP) {
	case TLSE_MISMATCH:
		buf_puts(b, ": it and this server have no TLS protocol version or cipher in common. If "
			    "many different clients show this, this server's TLS settings are too strict "
			    "or too old (smtpd_tls_protocols, smtpd_tls_mandatory_ciphers, the OpenSSL "
			    "security level; see the problem about TLS handshakes); if it is only this "
			    "client, it is an old mail server or a scanner testing which TLS you accept.");
		break;
	case TLSE_NOT_TLS:
		buf_puts(b, ": it did not speak TLS at all (an HTTP request to a mail port): a scanner.");
		break;
	case TLSE_CERT:
		buf_puts(b, ": a certificate was refused (the client's certificate, or the client "
			    "refusing this server's).");
		break;
	default:
		buf_puts(b, ": it hung up in the middle of the handshake. One client doing this is a "
			    "scanner or a client that does not trust this server's certificate; many "
			    "doing it points at this server's certificate or TLS settings.");
		break;
	}
}

/* unknown_text - a client whose intent the log does not show: say what it does show */
static void unknown_text(struct buf *b, const struct client *c, const struct client_detail *d,
			 const char *ip)
{
	bool own = own_net(span_of(ip));
	if (c->rejects && !c->by_verdict[V_SPAM_REJECTED]) {
		buf_puts(b, " It was refused, but only by replies that accuse nobody: this server's "
			    "own fault (a configuration error such as \"451 4.3.5 Server configuration "
			    "problem\", a missing table, or a DNS blocklist answering an error code: see "
			    "\"Problems found\"), a DNS blocklist listing a large mail provider's "
			    "server, or postscreen's temporary 450 4.3.2 to a new client "
			    "until it passes the tests after the greeting. It is no hostile client: a "
			    "real server retries, and its mail comes through once the cause is gone.");
	} else if (d && d->open_sessions && d->open_sessions >= c->sessions) {
		buf_puts(b, " The log ends before its session does, so it does not show what the client "
			    "went on to do.");
	} else if (c->sessions && d && !d->cmd[0] && !d->cmd[1] && !d->cmd[3] && !d->cmd[4]) {
		buf_puts(b, " It connected and left without sending a single command");
		if (d->lost_stage)
			buf_printf(b, " (lost connection after %s)", d->lost_stage);
		buf_puts(b, own ? "." : ": a port scanner or a monitoring check; the log does not say more.");
	} else {
		buf_puts(b, " The log does not show enough to tell what it wanted.");
	}
	if (own)
		buf_puts(b, " Its address is on this server's own network (loopback or private): one "
			    "of your own hosts or applications, or a container or NAT gateway that stands "
			    "in for the real clients (a Docker bridge gateway such as 172.17.0.1 hides "
			    "their addresses), so it is not to be banned.");
}

/* dnsbl_text - what postscreen's DNS blocklists said about it */
static void dnsbl_text(struct buf *b, const struct client *c, const struct client_detail *d)
{
	if (d && d->dnsbl) {
		struct span t = span_of(d->dnsbl), list = t, answer = SPAN_NULL;
		ptrdiff_t as = span_index(t, " as ");
		if (as >= 0) {
			list = span_head(t, (size_t)as);
			answer = span_skip(t, (size_t)as + 4);
		}
		const char *m = dnsbl_meaning(list, answer);
		buf_puts(b, " dnsblog: ");
		buf_term(b, t);
		if (m)
			buf_printf(b, " (%s)", m);
		buf_puts(b, ".");
	}
	if ((c->flags & CF_DNSBL_ERROR) && !(c->flags & CF_DNSBL_LISTED)) {
		buf_puts(b, " A DNS blocklist answered an error code for it, not a listing: that says "
			    "nothing about the client, and postscreen counted it into its rank only "
			    "because the list has no return-code filter (see the problem \"a DNS "
			    "blocklist answers with an error code\").");
		return;
	}
	if (c->ps_dnsbl_rank)
		buf_printf(b, " postscreen found it on DNS blocklists (rank %llu).",
			   (unsigned long long)c->ps_dnsbl_rank);
}

/* client_explain - the client's verdict in words (c->verdict is set) */
void client_explain(const struct analysis *a, const struct client *c, struct buf *b)
{
	static const struct client_detail none; /* nothing was ever noted: no name, no HELO */
	const struct client_detail *d = client_detail(a, c);
	if (!d && !(c->flags & CF_DETAIL_LOST))
		d = &none;
	struct client_addr ip = client_addr(c);
	buf_puts(b, ip.s);
	visits_text(b, a, c, d);
	switch (c->verdict) {
	case V_ACCOUNT_ABUSE: {
		const struct account *abused = abused_account(a, c);
		buf_printf(b, " It logged in as %s, an account that looks compromised, and sent %llu message%s "
			      "to %llu recipient%s from this address. Whoever is behind it has the account's "
			      "password; see the account's entry.",
			   abused ? abused->name : "?", (unsigned long long)c->messages,
			   c->messages == 1 ? "" : "s", (unsigned long long)c->recipients,
			   c->recipients == 1 ? "" : "s");
		break;
	}
	case V_AUTH_SUCCESS_AFTER_FAILURES:
	case V_AUTH_BRUTEFORCE:
		auth_text(b, a, c, d);
		break;
	case V_RELAY_ATTEMPT:
		buf_printf(b, " It tried %llu time%s to send mail to domains this server does not serve "
			      "without authenticating, and was refused (Relay access denied): it was testing "
			      "whether your server is an open relay.",
			   (unsigned long long)c->relay_denied, c->relay_denied == 1 ? "" : "s");
		break;
	case V_NON_SMTP_PROBE:
		buf_puts(b, " It did not speak SMTP: it sent lines the server did not recognise as commands");
		if (c->non_smtp)
			buf_puts(b, " (logged as \"non-SMTP command\")");
		else
			buf_puts(b, " (Postfix answered 500/502 5.5.2 \"command not recognized\" or \"bad "
				    "syntax\" and counted them as \"unknown\" commands)");
		buf_puts(b, " and dropped the connection. A lone \".\" followed by an empty line is a scanner "
			    "checking whether something answers on the port; an HTTP request is a web "
			    "scanner that hit port 25. No mail was involved.");
		break;
	case V_PREGREET:
		buf_puts(b, " It talked before the server's greeting (improper command pipelining after "
			    "CONNECT): real mail servers wait for the 220 banner; spam bots do not.");
		pregreet_text(b, d);
		break;
	case V_TLS_FAILURE:
		tls_text(b, d);
		break;
	case V_HEALTH_CHECK:
		buf_puts(b, c->flags & CF_MONITOR_HELO && !own_net(span_of(ip.s))
				? " It introduced itself with a monitoring tool's name"
				: " It is on this server's own network (loopback or a private address)");
		buf_puts(b, " and each time connected, at most greeted the server, and left without "
			    "logging in or sending mail: a health check (a monitoring system, a load "
			    "balancer or a container's probe), not an attack. Nothing needs doing; a "
			    "check that says QUIT keeps the log free of \"lost connection\" lines.");
		break;
	case V_PIPELINING:
		buf_puts(b, " It sent several commands without waiting for the replies although the server "
			    "did not allow it (improper command pipelining): typical of spam bots.");
		break;
	case V_LEGITIMATE:
		if (c->flags & CF_OWN_APP) {
			buf_printf(b, " It is on this server's own network and sent with a sender in a "
				      "domain this server delivers to itself, but was refused %llu time%s "
				      "(Relay access denied): it is your own application or device, not in "
				      "mynetworks and not logged in. See the problem \"the server refuses to "
				      "relay for a client on its own network\".",
				   (unsigned long long)c->relay_denied, c->relay_denied == 1 ? "" : "s");
			break;
		}
		if (c->messages)
			buf_printf(b, " It delivered %llu message%s", (unsigned long long)c->messages,
				   c->messages == 1 ? "" : "s");
		if (c->auth_successes)
			buf_printf(b, "%s logged in %llu time%s as %s", c->messages ? " and" : " It",
				   (unsigned long long)c->auth_successes, c->auth_successes == 1 ? "" : "s",
				   first_login(a, c) ? first_login(a, c) : "?");
		buf_puts(b, ": ordinary mail traffic.");
		if (c->rejects)
			buf_printf(b, " %llu of its commands were refused (e.g. \"%s\"), which is normal for a "
				      "real sender (unknown recipients and the like).",
				   (unsigned long long)c->rejects,
				   d && d->nreject_text ? d->reject_text[0].name : "?");
		break;
	case V_SPAM_REJECTED:
		buf_printf(b, " Every attempt was refused by your restrictions (%llu reject%s, e.g. \"%s\"); "
			      "nothing was accepted.",
			   (unsigned long long)c->rejects, c->rejects == 1 ? "" : "s",
			   d && d->nreject_text ? d->reject_text[0].name : "?");
		break;
	case V_CAPABILITY_PROBE:
		buf_puts(b, " Each time it greeted the server (EHLO/HELO), read the list of capabilities it "
			    "offers");
		if (d && d->offered)
			buf_printf(b, " (%s)", d->offered);
		buf_puts(b, " and left without trying to log in or to send mail. That is a scanner "
			    "cataloguing servers: it learns whether you offer STARTTLS and AUTH, to come back "
			    "later with password guessing or spam. It did nothing that needs blocking by itself, "
			    "but it is hostile reconnaissance.");
		if (d && d->lost_stage)
			buf_printf(b, " (Some sessions ended with a lost connection or timeout after %s.)",
				   d->lost_stage);
		break;
	default:
		unknown_text(b, c, d, ip.s);
		break;
	}
	identity_text(b, c, d, ip.s);
	if (c->auth_backend_fail)
		buf_printf(b, " %llu of its SASL logins failed because the server's own authentication "
			      "backend failed (\"generic failure\": saslauthd not answering), not "
			      "because of a wrong password: see the problem \"smtpd cannot "
			      "reach its SASL backend\".",
			   (unsigned long long)c->auth_backend_fail);
	dnsbl_text(b, c, d);
	if (c->flags & CF_DETAIL_LOST)
		buf_puts(b, " (Not all of its details were kept, because the log has more active clients "
			    "than the detail memory holds: its names, usernames and evidence may be "
			    "incomplete; its counts and verdict are not.)");
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

/* new_source - the unusual source that sent most of it, or NULL */
static const struct login *new_source(const struct analysis *a, const struct account *ac,
				      const struct login **earliest)
{
	const struct login *top;
	top_sources(a, ac, &top, earliest);
	bool is_new = top && *earliest && top != *earliest && top->recipients >= 20 &&
		      (uint64_t)top->recipients * 10 >= (uint64_t)ac->recipients * 8;
	return is_new ? top : NULL;
}

/* verdict_account - normal or compromised-suspect (after the logins are indexed) */
void verdict_account(struct analysis *a, struct account *ac)
{
	struct account_detail *d = ac->detail ? a->adetail[ac->detail - 1] : NULL;
	ac->peak_10min = peak_rate(d);
	uint64_t done = (uint64_t)ac->sent + ac->bounced + ac->expired;
	double bounce = done ? (double)(ac->bounced + ac->expired) / (double)done : 0;
	const struct login *earliest, *top = new_source(a, ac, &earliest);
	int score = 0;
	bool volume = ac->recipients >= 100 || (ac->recipients >= 30 && ac->peak_10min >= 20);
	score += volume;
	score += done >= 10 && bounce >= 0.25;
	score += ac->remote_content_rejects >= 3;
	score += ac->ndomain_hash >= 15;
	score += top != NULL;
	ac->compromised = score >= 2;
	ac->new_ip = top ? top->client + 1 : 0;
}

/* account_explain - the account's verdict in words */
void account_explain(const struct analysis *a, const struct account *ac, struct buf *b)
{
	const struct account_detail *d = account_detail(a, ac);
	uint64_t done = (uint64_t)ac->sent + ac->bounced + ac->expired;
	double bounce = done ? (double)(ac->bounced + ac->expired) / (double)done : 0;
	bool at_least;
	size_t domains = account_domains(a, ac, &at_least);
	buf_printf(b, "%s logged in %llu time%s", ac->name, (unsigned long long)ac->logins,
		   ac->logins == 1 ? "" : "s");
	if (ac->nlogin) {
		buf_puts(b, " from ");
		for (uint32_t i = 0; i < ac->nlogin && i < 5; i++) {
			const struct login *l = account_login(a, ac, i);
			buf_printf(b, "%s%s (%u)", i ? ", " : "", client_addr(login_client(a, l)).s,
				   l->logins);
		}
	}
	buf_printf(b, " and sent %llu message%s to %llu recipient%s in %s%zu domain%s",
		   (unsigned long long)ac->messages, ac->messages == 1 ? "" : "s",
		   (unsigned long long)ac->recipients, ac->recipients == 1 ? "" : "s",
		   at_least ? "at least " : "", domains, domains == 1 ? "" : "s");
	if (ac->messages > 1 && ac->last.us > ac->first.us) {
		double secs = (double)(ac->last.us - ac->first.us) / 1e6;
		if (secs < 120)
			buf_printf(b, " within %.0f seconds", secs);
		else
			buf_printf(b, " over %.0f minutes", secs / 60);
		buf_printf(b, " (at most %u in 10 minutes)", ac->peak_10min);
	}
	buf_puts(b, ".");
	if (done)
		buf_printf(b, " %.0f %% of the recipients bounced or expired (%llu delivered, %llu bounced, "
			      "%llu expired).",
			   bounce * 100, (unsigned long long)ac->sent, (unsigned long long)ac->bounced,
			   (unsigned long long)ac->expired);
	if (ac->remote_content_rejects)
		buf_printf(b, " %llu recipient%s refused by remote servers as spam, virus or policy "
			      "violation (e.g. \"%s\").",
			   (unsigned long long)ac->remote_content_rejects,
			   ac->remote_content_rejects == 1 ? " was" : "s were",
			   d && d->remote_reject_example ? d->remote_reject_example : "?");
	const struct login *earliest, *top = new_source(a, ac, &earliest);
	if (top)
		buf_printf(b, " %u of its %llu recipients came from %s, an address it had not used before in "
			      "this log (its earlier address was %s).",
			   top->recipients, (unsigned long long)ac->recipients,
			   client_addr(login_client(a, top)).s, client_addr(login_client(a, earliest)).s);
	if (ac->compromised)
		buf_puts(b, " This looks like a compromised account used to send spam: change its password "
			    "now (banning the address does not stop whoever has the password).");
	else
		buf_puts(b, " Nothing unusual.");
	if (ac->flags & AF_DETAIL_LOST)
		buf_puts(b, " (Not all of its details were kept, because the log has more active accounts "
			    "than the detail memory holds: its domains and busiest ten minutes are lower "
			    "bounds.)");
}
