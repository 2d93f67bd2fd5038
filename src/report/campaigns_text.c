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
	case V_AUTH_BRUTEFORCE: return _("password guessers");
	case V_RELAY_ATTEMPT: return _("open-relay testers");
	case V_RELAY_ABUSE: return _("clients of the open relay");
	case V_NON_SMTP_PROBE: return _("non-SMTP probes");
	case V_CAPABILITY_PROBE: return _("capability probes");
	case V_PREGREET: return _("bots talking before the greeting");
	case V_PIPELINING: return _("bots pipelining commands");
	case V_PROTOCOL_VIOLATION: return _("bots breaking SMTP's rules");
	case V_SPAM_REJECTED: return _("senders refused by your restrictions");
	default: return _("clients");
	}
}

/* report_severity_tag - the campaign's tag: the severity word of analyze/verdicts.h,
 * in the reader's language */
const char *report_severity_tag(int sev)
{
	switch (sev) {
	case SEV_OK: return C_("severity tag", "ok");
	case SEV_UNCLEAR: return C_("severity tag", "unclear");
	case SEV_NUISANCE: return C_("severity tag", "nuisance");
	case SEV_HOSTILE: return C_("severity tag", "hostile");
	case SEV_ALARM: return C_("severity tag", "ALARM");
	default: return verdict_severity_word(sev);
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
		buf_printf(b, P_(" and %u more", " and %u more", c->nusers - c->ntop), c->nusers - c->ntop);
}

/* campaign_headline - one sentence: what, how many, how long, how fast */
void campaign_headline(struct buf *b, const struct campaign *c, const struct analysis *a)
{
	if (c->kind == CK_SLOW_AUTH) {
		buf_printf(b, P_("One distributed password-guessing campaign from %u addresses: %llu SASL "
				 "failure, at most %u per address",
				 "One distributed password-guessing campaign from %u addresses: %llu SASL "
				 "failures, at most %u per address", c->attempts),
			   c->addresses, (unsigned long long)c->attempts, c->max_per_address);
	} else {
		struct buf key = {0};
		buf_term(&key, span_of(c->key));
		buf_putc(&key, 0);
		/* TRANSLATORS: the first %s is what they are ("password guessers", ...) */
		if (c->kind == CK_HELO)
			buf_printf(b, _("%u %s with the same HELO name \"%s\""), c->addresses,
				   verdict_plural(c->verdict), key.p);
		else if (c->kind == CK_NETWORK)
			buf_printf(b, _("%u %s from one network, %s"), c->addresses, verdict_plural(c->verdict),
				   key.p);
		else
			buf_printf(b, _("%u %s trying the same usernames"), c->addresses,
				   verdict_plural(c->verdict));
		buf_free(&key);
		if (c->verdict == V_AUTH_BRUTEFORCE)
			buf_printf(b, P_(": %llu SASL failure", ": %llu SASL failures", c->attempts),
				   (unsigned long long)c->attempts);
		else
			buf_printf(b, P_(": %llu session", ": %llu sessions", c->sessions),
				   (unsigned long long)c->sessions);
	}
	if (c->nusers && c->users_partial)
		buf_printf(b, P_(", at least %u username tried", ", at least %u usernames tried", c->nusers),
			   c->nusers);
	else if (c->nusers)
		buf_printf(b, P_(", %u username tried", ", %u usernames tried", c->nusers), c->nusers);
	if (c->first.us) {
		buf_puts(b, ", ");
		when_text(b, a, c->first, c->last);
		if (c->last.us - c->first.us >= INT64_C(60000000))
			buf_printf(b, _(", %.0f an hour"), campaign_rate_per_hour(c));
	}
}

/* what_works - what stops a campaign */
static const char *what_works(const struct campaign *c)
{
	if (c->kind == CK_SLOW_AUTH)
		return _("Each address stays under any per-address limit (fail2ban's postfix-sasl jail bans "
		       "after 5 failures within 10 minutes by default): per-address banning cannot stop "
		       "it. What works: offer AUTH only where users submit mail, on submission (587) and "
		       "submissions (465), with -o smtpd_sasl_auth_enable=no on the port 25 \"smtp\" service "
		       "in master.cf; limit failures per username rather than per address (a policy "
		       "service, or Dovecot's auth_failure_delay and auth penalty when Postfix "
		       "authenticates through Dovecot); strong, unique passwords on every account; and "
		       "watch for a successful login from an unusual address. fail2ban with a long findtime "
		       "(a day) and maxretry 2 only slows it down.");
	switch (c->verdict) {
	case V_AUTH_BRUTEFORCE:
		return _("One botnet or one operator behind many addresses: ban them (postsleuth ban "
		       "writes the list), but expect new addresses; offering AUTH only on ports 587/465 "
		       "and strong passwords are what stop it.");
	case V_RELAY_ATTEMPT:
		return _("One scanner behind many addresses testing for an open relay; Postfix refused every "
			 "attempt. Keep reject_unauth_destination.");
	case V_SPAM_REJECTED:
		return _("One sender behind many addresses; your restrictions refused it every time.");
	case V_RELAY_ABUSE:
		return _("One spammer behind many addresses, sending through this server as an open relay: "
			 "close the relay first (public-open-relay); banning them only waits for the next "
			 "addresses.");
	default:
		return c->kind == CK_NETWORK
			       ? _("One scanner or botnet in one network: harmless, but banning the network "
				   "stops all of it at once.")
			       : _("One scanner or botnet behind many addresses: harmless; postscreen with "
				   "DNS blocklists turns most of them away.");
	}
}

/* campaign_text - one campaign in full */
static void campaign_text(struct buf *b, const struct report_input *in, const struct campaign *c,
			  size_t no)
{
	const struct analysis *a = in->a;
	int sev = campaign_severity(c);
	buf_printf(b, _("  [%s] campaign %zu: "), report_severity_tag(sev), no);
	buf_puts(b, c->kind == CK_SLOW_AUTH ? _("distributed password guessing") : _(verdict_row(c->verdict)->title));
	buf_putc(b, '\n');
	struct buf t = {0};
	campaign_headline(&t, c, a);
	buf_printf(&t, P_(", from %u network (/24, /64).", ", from %u networks (/24, /64).", c->networks),
		   c->networks);
	if (c->kind == CK_SLOW_AUTH && campaign_few_networks(c))
		buf_puts(&t, _(" Banning its /24 or /64 networks stops it (postsleuth ban --aggregate), "
			       "where banning its addresses cannot."));
	if (c->ntop) {
		struct buf u = {0};
		users_text(&u, c);
		buf_putc(&u, 0);
		buf_printf(&t, _(" Usernames most tried: %s."), u.p);
		buf_free(&u);
	}
	if (c->auth_fail_port25 || c->auth_fail_other)
		buf_printf(&t, _(" Sessions with failed AUTH: %llu on port 25 (smtp), %llu on other services "
				 "(submission)."),
			   (unsigned long long)c->auth_fail_port25, (unsigned long long)c->auth_fail_other);
	if (c->auth_fail_port25 && !c->auth_fail_other)
		buf_puts(&t, _(" All of them came to port 25: with AUTH off there, this campaign gets nothing."));
	buf_putc(&t, ' ');
	buf_puts(&t, what_works(c));
	buf_putc(&t, 0);
	wrap_text(b, t.p, 6, REPORT_WIDTH);
	struct buf l = {0};
	size_t k = 0, n, limit = in->all_clients ? c->addresses : CAMPAIGN_ADDRS_SHOWN;
	const uint32_t *m = campaign_members(in->campaigns, no - 1, &n);
	for (; k < n && k < limit; k++) {
		buf_puts(&l, k ? ", " : "");
		buf_term(&l, span_of(client_addr(a->clist[m[k]]).s));
	}
	if (c->addresses > k)
		buf_printf(&l, P_(" and %llu more (report --all or --json lists them)",
				  " and %llu more (report --all or --json lists them)", c->addresses - k),
			   (unsigned long long)(c->addresses - k));
	buf_putc(&l, 0);
	t.n = 0;
	buf_printf(&t, _("Addresses: %s."), l.p);
	buf_putc(&t, 0);
	wrap_text(b, t.p, 6, REPORT_WIDTH);
	buf_free(&l);
	buf_free(&t);
	for (uint32_t i = 0; i < c->nsample && (i == 0 || in->all_clients); i++) {
		const struct client *s = a->clist[c->sample[i]];
		buf_puts(b, _("      sample: "));
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
	buf_puts(b, _("Campaigns: clients that act alike, most serious first\n"));
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
		buf_printf(b, P_("  ... and %zu more campaign: report --top %zu or --all tells them\n\n",
				 "  ... and %zu more campaigns: report --top %zu or --all tells them\n\n",
				 cs->n - shown),
			   cs->n - shown, cs->n);
}
