/*
 * account_explain.c - an account's verdict in plain words
 * (account_explain): where it logged in from, what it sent, how much of
 * it bounced or was refused by remote servers, the senders its login was
 * refused for, and why that is the verdict (verdict.c decides it).
 *
 * As in verdict_explain.c, every sentence is one msgid with the log's
 * data as %s arguments, and each count gets its language's plural.
 */
#include "analysis.h"
#include "explain_internal.h"
#include "../util/buf.h"
#include "../util/i18n.h"

#include <stdio.h>
#include <string.h>

/* sender_refused_text - its mail refused because the login does not own
 * the sender address (reject_sender_login_mismatch) */
static void sender_refused_text(struct buf *b, const struct account_detail *d)
{
	/* TRANSLATORS: a count, the sender address, the client's address */
	buf_printf(b, P_(" %llu recipient of its mail was refused because the sender address "
			 "(e.g. <%s>, from %s) is not one this login owns (smtpd_sender_login_maps, "
			 "reject_sender_login_mismatch): its mail client is set up with a From address "
			 "it may not use. Correct the identity in the mail client, or add the address "
			 "to the account's entry in smtpd_sender_login_maps if it may use it.",
			 " %llu recipients of its mail were refused because the sender address "
			 "(e.g. <%s>, from %s) is not one this login owns (smtpd_sender_login_maps, "
			 "reject_sender_login_mismatch): its mail client is set up with a From address "
			 "it may not use. Correct the identity in the mail client, or add the address "
			 "to the account's entry in smtpd_sender_login_maps if it may use it.",
			 d->sender_refused),
		   (unsigned long long)d->sender_refused, d->sender_example ? d->sender_example : "",
		   d->sender_client ? d->sender_client : "?");
	if (d->sender_refused >= 20)
		buf_puts(b, _(" So many refusals can also be someone else who has the account's password "
			      "trying to send as other senders: if its owner did not send them, change "
			      "the password."));
}

/* account_explain - the account's verdict in words */
void account_explain(const struct analysis *a, const struct account *ac, struct buf *b)
{
	const struct account_detail *d = account_detail(a, ac);
	uint64_t done = (uint64_t)ac->sent + ac->bounced + ac->expired;
	double bounce = done ? (double)(ac->bounced + ac->expired) / (double)done : 0;
	bool at_least;
	size_t domains = account_domains(a, ac, &at_least);
	char logins[64], msgs[64], rcpts[64], doms[64];
	struct buf from = {0}, when = {0};
	for (uint32_t i = 0; i < ac->nlogin && i < 5; i++) {
		const struct login *l = account_login(a, ac, i);
		buf_printf(&from, "%s%s (%u)", i ? ", " : "", client_shown(login_client(a, l)).s, l->logins);
	}
	if (ac->nlogin > 5)
		/* TRANSLATORS: ends the list of an account's source addresses */
		buf_printf(&from, P_(", %u more address", ", %u more addresses", ac->nlogin - 5),
			   ac->nlogin - 5);
	buf_putc(&from, 0);
	if (ac->messages > 1 && ac->last.us > ac->first.us) {
		double secs = (double)(ac->last.us - ac->first.us) / 1e6;
		if (secs < 120)
			/* TRANSLATORS: ends "alice logged in 3 times and sent 40 messages to 90
			 * recipients in 12 domains"; the most messages in any 10 minutes */
			buf_printf(&when, _(" within %.0f seconds (at most %u in 10 minutes)"), secs,
				   ac->peak_10min);
		else
			/* TRANSLATORS: ends "alice logged in 3 times and sent 40 messages to 90
			 * recipients in 12 domains"; the most messages in any 10 minutes */
			buf_printf(&when, _(" over %.0f minutes (at most %u in 10 minutes)"), secs / 60,
				   ac->peak_10min);
	}
	buf_putc(&when, 0);
	explain_count(logins, sizeof logins, P_("%llu time", "%llu times", ac->logins), ac->logins);
	explain_count(msgs, sizeof msgs, P_("%llu message", "%llu messages", ac->messages), ac->messages);
	explain_count(rcpts, sizeof rcpts, P_("%llu recipient", "%llu recipients", ac->recipients),
		   ac->recipients);
	explain_count(doms, sizeof doms,
		   at_least ? P_("at least %llu domain", "at least %llu domains", domains)
			    : P_("%llu domain", "%llu domains", domains),
		   domains);
	if (!ac->logins && !ac->messages && (ac->flags & AF_SENDER_REFUSED))
		/* TRANSLATORS: the account's name */
		buf_printf(b, _("%s logged in, but none of its mail was accepted."), ac->name);
	else if (ac->nlogin)
		/* TRANSLATORS: the account's name, "3 times", its source addresses with their
		 * logins "192.0.2.1 (2), 192.0.2.7 (1)", "40 messages", "90 recipients",
		 * "12 domains", then empty or " within 30 seconds (at most 40 in 10 minutes)" */
		buf_printf(b, _("%s logged in %s from %s and sent %s to %s in %s%s."), ac->name, logins,
			   from.p, msgs, rcpts, doms, when.p);
	else
		/* TRANSLATORS: the account's name, "3 times", "40 messages", "90 recipients",
		 * "12 domains", then empty or " within 30 seconds (at most 40 in 10 minutes)" */
		buf_printf(b, _("%s logged in %s and sent %s to %s in %s%s."), ac->name, logins, msgs, rcpts,
			   doms, when.p);
	buf_free(&from);
	buf_free(&when);
	if (done) {
		char sent[64], bounced[64], expired[64];
		/* TRANSLATORS: English uses one form for every count in "(3 delivered, 1 bounced,
		 * 0 expired)"; give your language's singular and plural */
		explain_count(sent, sizeof sent, P_("%llu delivered", "%llu delivered", ac->sent), ac->sent);
		explain_count(bounced, sizeof bounced, P_("%llu bounced", "%llu bounced", ac->bounced),
			   ac->bounced);
		explain_count(expired, sizeof expired, P_("%llu expired", "%llu expired", ac->expired),
			   ac->expired);
		/* TRANSLATORS: a share of recipients, then "63 delivered", "45 bounced", "13 expired" */
		buf_printf(b, _(" %.0f %% of the recipients bounced or expired (%s, %s, %s)."), bounce * 100,
			   sent, bounced, expired);
	}
	if (ac->remote_content_rejects)
		/* TRANSLATORS: a count, then an example of the remote server's refusal (quoted) */
		buf_printf(b, P_(" %llu recipient was refused by remote servers as spam, virus or policy "
				 "violation (e.g. \"%s\").",
				 " %llu recipients were refused by remote servers as spam, virus or policy "
				 "violation (e.g. \"%s\").", ac->remote_content_rejects),
			   (unsigned long long)ac->remote_content_rejects,
			   d && d->remote_reject_example ? d->remote_reject_example : "?");
	const struct login *earliest, *top = account_new_source(a, ac, &earliest);
	if (top)
		/* TRANSLATORS: recipients from the new address, all recipients, the new
		 * address, the earlier address */
		buf_printf(b, _(" %u of its %llu recipients came from %s, an address it had not used before "
				"in this log (its earlier address was %s)."),
			   top->recipients, (unsigned long long)ac->recipients,
			   client_shown(login_client(a, top)).s, client_shown(login_client(a, earliest)).s);
	bool refused = d && d->sender_refused;
	if (refused)
		sender_refused_text(b, d);
	double spread_secs;
	uint32_t spread = ac->flags & AF_SPREAD ? account_spread(a, ac, &spread_secs) : 0;
	if (spread)
		/* TRANSLATORS: a count of networks, then minutes */
		buf_printf(b, _(" It sent from %u different networks within %.0f minutes (IPv4 /16, IPv6 /32): "
				"one person's phone, laptop and office make two or three; a password that "
				"others have is used from many machines at once."),
			   spread, spread_secs < 60 ? 1.0 : spread_secs / 60);
	if (ac->compromised)
		buf_puts(b, _(" This looks like a compromised account used to send spam: change its password "
			      "now (banning the address does not stop whoever has the password)."));
	else if (spread)
		buf_puts(b, _(" Nothing else says its mail is unwanted yet (no high bounce rate, no refusal as "
			      "spam, no bulk). Ask its owner: unless the account is shared on purpose, treat it "
			      "as compromised and change its password."));
	else if (account_bulk(ac))
		buf_puts(b, _(" It sent in bulk (a newsletter, a mailing, a busy day), but nothing says the "
			      "mail is unwanted or not its owner's: no high bounce rate, no refusal as spam, "
			      "no unusual new address. If its owner did not send it, treat the account as "
			      "compromised."));
	else if (!refused)
		buf_puts(b, _(" Nothing unusual."));
	if (ac->flags & AF_DETAIL_LOST)
		buf_puts(b, _(" (Not all of its details were kept, because the log has more active accounts "
			      "than the detail memory holds: its domains and busiest ten minutes are lower "
			      "bounds.)"));
}
