/*
 * campaigns_text.c - the "Campaigns" section: clients that act alike
 * (analyze/campaign.c) told as one finding each, with their population,
 * span, rate, the usernames they tried, what stops them, a few of their
 * addresses and one member's evidence lines.
 *
 * Everything from the log goes through buf_term.
 */
#include "report.h"
#include "../util/i18n.h"

#include <string.h>

#define CAMPAIGN_ADDRS_SHOWN 8

/* verdict_plural - what the members are, as a plural noun */
static const char *verdict_plural(enum verdict v)
{
	switch (v) {
	case V_AUTH_BRUTEFORCE: return "password guessers";
	case V_RELAY_ATTEMPT: return "open-relay testers";
	case V_NON_SMTP_PROBE: return "non-SMTP probes";
	case V_CAPABILITY_PROBE: return "capability probes";
	case V_PREGREET: return "bots talking before the greeting";
	case V_PIPELINING: return "bots pipelining commands";
	case V_SPAM_REJECTED: return "senders refused by your restrictions";
	default: return "clients";
	}
}

/* users_text - the most tried usernames with their counts */
static void users_text(struct buf *b, const struct campaign *c)
{
	for (uint32_t i = 0; i < c->ntop; i++) {
		buf_puts(b, i ? ", " : "");
		buf_term(b, span_of(c->top[i].name));
		buf_printf(b, " %u", c->top[i].count);
	}
	if (c->nusers > c->ntop)
		buf_printf(b, " and %u more", c->nusers - c->ntop);
}

/* campaign_headline - one sentence: what, how many, how long, how fast */
void campaign_headline(struct buf *b, const struct campaign *c, const struct analysis *a)
{
	if (c->kind == CK_SLOW_AUTH) {
		buf_printf(b, "One distributed password-guessing campaign from %u addresses: %llu SASL "
			      "failure%s, at most %u per address",
			   c->addresses, (unsigned long long)c->attempts, c->attempts == 1 ? "" : "s",
			   c->max_per_address);
	} else {
		buf_printf(b, "%u %s ", c->addresses, verdict_plural(c->verdict));
		if (c->kind == CK_HELO) {
			buf_puts(b, "with the same HELO name \"");
			buf_term(b, span_of(c->key));
			buf_putc(b, '"');
		} else if (c->kind == CK_NETWORK) {
			buf_puts(b, "from one network, ");
			buf_term(b, span_of(c->key));
		} else {
			buf_puts(b, "trying the same usernames");
		}
		if (c->verdict == V_AUTH_BRUTEFORCE)
			buf_printf(b, ": %llu SASL failure%s", (unsigned long long)c->attempts,
				   c->attempts == 1 ? "" : "s");
		else
			buf_printf(b, ": %llu session%s", (unsigned long long)c->sessions,
				   c->sessions == 1 ? "" : "s");
	}
	if (c->nusers)
		buf_printf(b, ", %s%u username%s tried", c->users_partial ? "at least " : "", c->nusers,
			   c->nusers == 1 ? "" : "s");
	if (c->first.us) {
		buf_puts(b, ", ");
		when_text(b, a, c->first, c->last);
		if (c->last.us - c->first.us >= INT64_C(60000000))
			buf_printf(b, ", %.0f an hour", campaign_rate_per_hour(c));
	}
}

/* what_works - what stops a campaign */
static const char *what_works(const struct campaign *c)
{
	if (c->kind == CK_SLOW_AUTH)
		return "Each address stays under any per-address limit (fail2ban's postfix-sasl jail bans "
		       "after 5 failures within 10 minutes by default): per-address banning cannot stop "
		       "it. What works: offer AUTH only where users submit mail, on submission (587) and "
		       "submissions (465), with -o smtpd_sasl_auth_enable=no on the port 25 \"smtp\" service "
		       "in master.cf; limit failures per username rather than per address (a policy "
		       "service, or Dovecot's auth_failure_delay and auth penalty when Postfix "
		       "authenticates through Dovecot); strong, unique passwords on every account; and "
		       "watch for a successful login from an unusual address. fail2ban with a long findtime "
		       "(a day) and maxretry 2 only slows it down.";
	switch (c->verdict) {
	case V_AUTH_BRUTEFORCE:
		return "One botnet or one operator behind many addresses: ban them (postsleuth ban "
		       "writes the list), but expect new addresses; offering AUTH only on ports 587/465 "
		       "and strong passwords are what stop it.";
	case V_RELAY_ATTEMPT:
		return "One scanner behind many addresses testing for an open relay; Postfix refused every "
		       "attempt. Keep reject_unauth_destination.";
	case V_SPAM_REJECTED:
		return "One sender behind many addresses; your restrictions refused it every time.";
	default:
		return c->kind == CK_NETWORK
			       ? "One scanner or botnet in one network: harmless, but banning the network "
				 "stops all of it at once."
			       : "One scanner or botnet behind many addresses: harmless; postscreen with "
				 "DNS blocklists turns most of them away.";
	}
}

/* campaign_text - one campaign in full */
static void campaign_text(struct buf *b, const struct report_input *in, const struct campaign *c,
			  size_t no)
{
	const struct analysis *a = in->a;
	int sev = campaign_severity(c);
	buf_printf(b, "  [%s] campaign %zu: ", verdict_severity_word(sev), no);
	buf_puts(b, c->kind == CK_SLOW_AUTH ? "distributed password guessing" : _(verdict_row(c->verdict)->title));
	buf_putc(b, '\n');
	struct buf t = {0};
	campaign_headline(&t, c, a);
	buf_printf(&t, ", from %u network%s (/24, /64).", c->networks, c->networks == 1 ? "" : "s");
	if (c->ntop) {
		buf_puts(&t, " Usernames most tried: ");
		users_text(&t, c);
		buf_putc(&t, '.');
	}
	if (c->auth_fail_port25 || c->auth_fail_other)
		buf_printf(&t, " Sessions with failed AUTH: %llu on port 25 (smtp), %llu on other services "
			       "(submission).",
			   (unsigned long long)c->auth_fail_port25, (unsigned long long)c->auth_fail_other);
	if (c->auth_fail_port25 && !c->auth_fail_other)
		buf_puts(&t, " All of them came to port 25: with AUTH off there, this campaign gets nothing.");
	buf_putc(&t, ' ');
	buf_puts(&t, what_works(c));
	buf_putc(&t, 0);
	wrap_text(b, t.p, 6, REPORT_WIDTH);
	t.n = 0;
	buf_puts(&t, "Addresses: ");
	size_t k = 0, n, limit = in->all_clients ? c->addresses : CAMPAIGN_ADDRS_SHOWN;
	const uint32_t *m = campaign_members(in->campaigns, no - 1, &n);
	for (; k < n && k < limit; k++) {
		buf_puts(&t, k ? ", " : "");
		buf_term(&t, span_of(client_addr(a->clist[m[k]]).s));
	}
	if (c->addresses > k)
		buf_printf(&t, " and %llu more (report --all or --json lists them)",
			   (unsigned long long)(c->addresses - k));
	buf_putc(&t, '.');
	buf_putc(&t, 0);
	wrap_text(b, t.p, 6, REPORT_WIDTH);
	buf_free(&t);
	for (uint32_t i = 0; i < c->nsample && (i == 0 || in->all_clients); i++) {
		const struct client *s = a->clist[c->sample[i]];
		buf_puts(b, "      sample: ");
		buf_term(b, span_of(client_addr(s).s));
		buf_putc(b, '\n');
		evidence_text(b, s, client_detail(a, s), in->evidence);
	}
	buf_putc(b, '\n');
}

/* campaigns_text - the "Campaigns" section: the first in->top (0: all) */
void campaigns_text(struct buf *b, const struct report_input *in)
{
	const struct campaigns *cs = in->campaigns;
	if (!cs || !cs->n)
		return;
	if (in->color)
		buf_puts(b, "\033[1m");
	buf_puts(b, "Campaigns: clients that act alike, most serious first\n");
	if (in->color)
		buf_puts(b, "\033[0m");
	size_t shown = 0;
	for (size_t i = 0; i < cs->n; i++) {
		if (in->top && shown >= in->top)
			break;
		campaign_text(b, in, &cs->list[i], i + 1);
		shown++;
	}
	if (shown < cs->n)
		buf_printf(b, "  ... and %zu more campaign%s: report --top %zu or --all tells them\n\n",
			   cs->n - shown, cs->n - shown == 1 ? "" : "s", cs->n);
}
