/*
 * verdict_explain.c - a client's verdict in plain words (client_explain):
 * who it is (names, HELO, PTR), when and how often it came, what it
 * tried, and why that is the verdict.  The decision itself is in
 * verdict.c; nothing here changes a verdict.
 */
#include "analysis.h"
#include "../parse/dnsbl.h"
#include "../util/buf.h"
#include "../util/cidr.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	bool own = cidr_own_network(ip, strlen(ip));
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
		buf_puts(b, c->flags & CF_MONITOR_HELO && !cidr_own_network(ip.s, strlen(ip.s))
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
