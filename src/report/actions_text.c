/*
 * actions_text.c - "What to do": for each kind of finding present in the
 * log, the actions an expert would take, with the caveats experts give.
 * Addresses and names in it come from the log and pass buf_term.
 */
#include "report.h"
#include "findings.h"
#include "../util/i18n.h"

#include <string.h>

/* item - one action paragraph */
static void item(struct buf *b, const char *text)
{
	wrap_text(b, text, 4, 78);
}

/* in_slow - client clist[i] is part of a distributed password-guessing
 * campaign (told in its own paragraph) */
static bool in_slow(const struct campaigns *cs, size_t i)
{
	const struct campaign *c = campaign_of(cs, i);
	return c && c->kind == CK_SLOW_AUTH;
}

/* list_ips - up to max client addresses with verdict v, outside the
 * distributed password guessing */
static size_t list_ips(struct buf *b, const struct analysis *a, const struct campaigns *cs,
		       enum verdict v, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		if (a->clist[i]->verdict != v || in_slow(cs, i))
			continue;
		if (n < max) {
			buf_puts(b, n ? ", " : "");
			buf_term(b, span_of(client_shown(a->clist[i]).s)); /* in the reader's language */
		}
		n++;
	}
	if (n > max)
		buf_printf(b, P_(" and %zu more", " and %zu more", n - max), n - max);
	return n;
}

/* has - is there a client with verdict v (outside the distributed
 * password guessing) */
static bool has(const struct analysis *a, const struct campaigns *cs, enum verdict v)
{
	for (size_t i = 0; i < a->nclist; i++)
		if (a->clist[i]->verdict == v && !in_slow(cs, i))
			return true;
	return false;
}

/* only_placeholders - every client of the paragraph's verdicts (outside
 * the distributed password guessing) is the "(address not logged)" one:
 * no ban can be made from these lines */
static bool only_placeholders(const struct analysis *a, const struct campaigns *cs, enum verdict_act g)
{
	bool any = false;
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		if (verdict_row(c->verdict)->act != g || in_slow(cs, i))
			continue;
		if (!client_is_placeholder(c))
			return false;
		any = true;
	}
	return any;
}

/* slow_auth_text - what stops password guessing spread over many addresses */
static bool slow_auth_text(struct buf *b, const struct campaigns *cs)
{
	for (size_t i = 0; cs && i < cs->n; i++) {
		const struct campaign *c = &cs->list[i];
		if (c->kind != CK_SLOW_AUTH)
			continue;
		buf_printf(b, _("  - Distributed password guessing (campaign %zu, %u addresses):\n"), i + 1,
			   c->addresses);
		if (campaign_few_networks(c)) {
			struct buf t = {0};
			buf_printf(&t, P_("Its addresses come from %u network (a /24, or a /64 where an IPv6 "
					  "host takes any address it likes): ban the network rather than the "
					  "addresses (postsleuth ban --aggregate lists it, where nothing else of "
					  "the log lives).",
					  "Its addresses come from %u networks (a /24, or a /64 where an IPv6 "
					  "host takes any address it likes): ban the networks rather than the "
					  "addresses (postsleuth ban --aggregate lists them, where nothing else "
					  "of the log lives).", c->networks),
				   c->networks);
			buf_putc(&t, 0);
			item(b, t.p);
			buf_free(&t);
		} else {
			item(b, _("Banning addresses cannot stop it: each one stays under any per-address "
				"limit, and the next attempt comes from a new one."));
		}
		item(b, _("Offer AUTH only where users submit mail: in master.cf give the port 25 \"smtp\" "
			"service -o smtpd_sasl_auth_enable=no, and keep AUTH on submission (587) and "
			"submissions (465) with smtpd_tls_auth_only=yes."));
		item(b, _("Limit failures per username, not per address: a policy service, or Dovecot's "
			"auth_failure_delay and auth penalty when Postfix authenticates through Dovecot. "
			"Make every password strong and unique, and watch for a login from an unusual "
			"address (postsleuth accounts)."));
		item(b, _("fail2ban with a long findtime (a day) and a low maxretry (2) is a partial "
			"measure: it slows the campaign down, it does not stop it."));
		return true;
	}
	return false;
}

/* the paragraphs of the verdicts' act column (analyze/verdicts.h): a
 * heading, then the addresses of every verdict of the paragraph, then
 * what to do */
#define ACT_MAX_ITEMS 3
static const struct {
	const char *heading;
	const char *items[ACT_MAX_ITEMS];
} paragraphs[VACT__COUNT] = {
    [VACT_LOGIN_AFTER_FAILURES] = {
	N_("Logins after failed attempts"),
	{N_("Ask the owner of the account whether that login was theirs. If not, treat it as "
	 "compromised: change the password.")}},
    [VACT_PASSWORD_GUESSING] = {
	N_("Password guessing"),
	{N_("Ban the addresses for a while: postsleuth fail2ban writes filters checked against "
	 "this log (postsleuth-auth-bruteforce matches every session whose AUTH commands all "
	 "failed; fail2ban's own postfix-sasl jail matches only the \"SASL ... authentication "
	 "failed\" warnings, not a session cut off by \"too many errors after AUTH\" alone). "
	 "Guessers rotate addresses, so bans slow them down but strong passwords are what "
	 "stops them."),
	 N_("Offer AUTH only where users submit mail: in master.cf give the port 25 \"smtp\" "
	 "service -o smtpd_sasl_auth_enable=no, and keep AUTH on submission (587) and "
	 "submissions (465) with smtpd_tls_auth_only=yes."),
	 N_("Limit attempts per client with anvil: smtpd_client_auth_rate_limit (e.g. 10 per "
	 "anvil_rate_time_unit).")}},
    [VACT_STALE_PASSWORD] = {
	N_("Old passwords on users' devices"),
	{N_("A mail program keeps trying the old password of a user who logs in from elsewhere "
	 "(the client's entry below names the user). Ask the user to update the password on "
	 "that phone or computer. Do not ban the address: the user would be shut out. If the "
	 "user does not know the address, treat it as password guessing and change the "
	 "password.")}},
    [VACT_SHARED_FRONT] = {
	N_("Logins through a webmail, proxy or NAT of your own"),
	{N_("One address of your own network logs in for several users, failed logins included: "
	 "the address says nothing of who typed the passwords, and banning it would shut every "
	 "user behind it out. Judge the accounts (postsleuth accounts) and make the front pass "
	 "the real client's address: XCLIENT for a proxy that speaks it, such as nginx's mail "
	 "proxy (smtpd_authorized_xclient_hosts), the PROXY protocol for a TCP proxy "
	 "(smtpd_upstream_proxy_protocol = haproxy), host networking for Docker.")}},
    [VACT_RELAY_ABUSE] = {
	N_("Clients that used the open relay"),
	{N_("Their mail, handed over without a login, left this server for other domains: close "
	 "the relay first (the finding public-open-relay says how: mynetworks and "
	 "smtpd_relay_restrictions), then clean the queue. Banning their addresses (postsleuth "
	 "ban) keeps them away while you do, but does not close the relay: the next spammer "
	 "comes from another address."),
	 N_("A client that logs in, one on your own network, and one whose every relayed "
	 "message came from a sender of your own domains are not listed here: they are your "
	 "users, your machines or a partner's server sending as you.")}},
    [VACT_RELAY_TEST] = {
	N_("Open-relay tests"),
	{N_("Nothing leaked: Postfix refused them (\"Relay access denied\": 454 4.7.1 from "
	 "defer_unauth_destination, the default, 554 5.7.1 from reject_unauth_destination). "
	 "Keep one of them in smtpd_relay_restrictions. Banning repeat testers is optional."),
	 N_("If one of these addresses is your own (an application, a website or a device meant "
	 "to send mail through this server), it is no test: let it log in on the submission "
	 "port (587, or 465) or add its address to mynetworks, and do not ban it.")}},
    [VACT_NON_SMTP] = {
	N_("Non-SMTP probes"),
	{N_("Harmless: Postfix answered 500/502 5.5.2 and they left. If you want to ban them, "
	 "match what Postfix logs for these sessions: \"lost connection after UNKNOWN\", "
	 "\"unknown=0/N\" in the disconnect line, or \"warning: non-SMTP command\". A filter on "
	 "\"reject: RCPT from ...: 502 5.5.2\" never matches: those sessions never reach RCPT."),
	 N_("postscreen (postscreen_non_smtp_command_enable, postscreen_bare_newline_enable) "
	 "drops them before smtpd; Postfix 3.7.10 and later also drop them at the first bad "
	 "line with the default smtpd_forbidden_commands.")}},
    [VACT_PROBES] = {
	N_("Probes and bots"),
	{N_("Reconnaissance: nothing is broken. postscreen with DNS blocklists "
	 "(postscreen_dnsbl_sites) and its pregreet test (postscreen_greet_action = enforce) "
	 "turns most of these away before smtpd; reject_unauth_pipelining in "
	 "smtpd_data_restrictions catches the impatient ones."),
	 N_("smtpd_helo_required = yes and reject_non_fqdn_helo_hostname, "
	 "reject_invalid_helo_hostname in smtpd_helo_restrictions also stop many bots "
	 "(\"EHLO User\"), but put them after permit_mynetworks and "
	 "permit_sasl_authenticated: printers, scanners and old mail clients send bad HELO "
	 "names."),
	 N_("To keep the repeat ones off the port: postsleuth fail2ban writes a filter per "
	 "behaviour (capability and non-SMTP probes, talking before the greeting, pipelining, "
	 "postscreen's bare newline and limits), each checked against this log; postsleuth ban "
	 "lists the addresses. A monitor of your own that checks port 25 looks like a probe: "
	 "keep its address in fail2ban's ignoreip.")}},
};

/* act_paragraph - paragraph g, when a client has one of its verdicts:
 * "  - Heading (addresses of each verdict in table order):" and the items */
static bool act_paragraph(struct buf *b, const struct analysis *a, const struct campaigns *cs,
			  enum verdict_act g)
{
	bool present = false;
	for (int v = 0; v < V__COUNT && !present; v++)
		present = verdict_row((enum verdict)v)->act == g && has(a, cs, (enum verdict)v);
	if (!present)
		return false;
	buf_printf(b, "  - %s (", _(paragraphs[g].heading));
	bool listed = false;
	for (int v = 0; v < V__COUNT; v++) {
		const struct verdict_row *row = verdict_row((enum verdict)v);
		if (row->act != g || !has(a, cs, (enum verdict)v))
			continue;
		if (listed)
			buf_puts(b, ", ");
		listed = list_ips(b, a, cs, (enum verdict)v, row->nlist) > 0;
	}
	buf_puts(b, "):\n");
	if (only_placeholders(a, cs, g))
		item(b, _("These lines do not give the client's address (it is empty or masked in them, "
			"or they come from a postmaster transcript, which does not carry it): no ban can be "
			"made from them. Find the address in the full log first; what follows applies to "
			"it."));
	for (int i = 0; i < ACT_MAX_ITEMS && paragraphs[g].items[i]; i++)
		item(b, _(paragraphs[g].items[i]));
	return true;
}

/* spread_accounts - the accounts that sent from many networks at once
 * but are not (yet) compromised-suspect: a check, not a verdict */
static bool spread_accounts(struct buf *b, const struct analysis *a)
{
	struct buf names = {0};
	size_t n = 0, k = 0;
	for (size_t i = 0; i < a->nalist; i++) {
		const struct account *ac = a->alist[i];
		if (ac->compromised || !(ac->flags & AF_SPREAD))
			continue;
		if (k < 5) {
			buf_puts(&names, k++ ? ", " : "");
			buf_term(&names, span_of(ac->name));
		}
		n++;
	}
	if (n > k)
		buf_printf(&names, P_(" and %zu more", " and %zu more", n - k), n - k);
	buf_putc(&names, 0);
	if (n) {
		buf_printf(b, P_("  - Account %s (sent from many networks at once):\n",
				 "  - Accounts %s (sent from many networks at once):\n", n),
			   names.p);
		item(b, _("Ask the owner whether the account is shared on purpose (an office's scanners, "
			"servers in several places). If not, change its password now and check the owner's "
			"devices: a password that others have is used from many machines at once, and "
			"banning one address does not stop them. smtpd_sender_login_maps with "
			"reject_sender_login_mismatch limits what a stolen login can send as."));
	}
	buf_free(&names);
	return n > 0;
}

/* clients_where - up to five of the clients pred holds for into ips
 * (", ..." after them), as a reader sees them; how many in all */
static size_t clients_where(struct buf *ips, const struct analysis *a,
			    bool (*pred)(const struct analysis *, const struct client *))
{
	size_t n = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		if (!pred(a, c))
			continue;
		if (n < 5) {
			buf_puts(ips, n ? ", " : "");
			/* TRANSLATORS: in a list of addresses in parentheses, where a
			 * client's address would be when the log does not give it */
			buf_term(ips, span_of(client_is_placeholder(c) ? _("address not logged") : client_shown(c).s));
		} else if (n == 5) {
			buf_puts(ips, ", ...");
		}
		n++;
	}
	buf_putc(ips, 0);
	return n;
}

/* clients_step - the step for the clients pred holds for: heading (a
 * format with their addresses' %s) and its text; false when none */
static bool clients_step(struct buf *b, const struct analysis *a,
			 bool (*pred)(const struct analysis *, const struct client *), const char *heading,
			 const char *text)
{
	struct buf ips = {0};
	size_t n = clients_where(&ips, a, pred);
	if (n) {
		buf_printf(b, heading, ips.p);
		item(b, text);
	}
	buf_free(&ips);
	return n > 0;
}

/* tls_at_once - clients that open with a TLS handshake on a plain port
 * (a mail program set to SSL/TLS on port 25 or 587): of this server's
 * own network (verdict tls-failure), or an address a user also logged in
 * from (a roaming user's phone or laptop: legitimate, yet those sessions
 * failed); their mail does not get in until they are set right */
static bool tls_at_once(struct buf *b, const struct analysis *a)
{
	return clients_step(b, a, client_tls_at_once,
			    _("  - Mail programs of your network or your users that open with TLS on a "
			      "plain port (%s):\n"),
			    _("Set them to STARTTLS on port 587 (or 25), or to SSL/TLS on port 465 if master.cf "
			      "enables the submissions service; until then their mail does not get in."));
}

/* device_refused - a client whose only failed logins were a mail
 * program falling back through the mechanisms (verdict_device_logins)
 * and that never logged in: a user's device with a wrong password,
 * whose mail does not go out */
static bool device_refused(const struct analysis *a, const struct client *c)
{
	(void)a;
	return c->verdict == V_UNKNOWN && verdict_device_logins(c);
}

/* device_logins - the step for those devices */
static bool device_logins(struct buf *b, const struct analysis *a)
{
	return clients_step(b, a, device_refused,
			    _("  - Mail programs whose password the server refuses (%s):\n"),
			    _("A phone, Outlook, a printer or scanner of one of your users is set with a wrong "
			      "or old password or username: its mail does not go out. Ask the user to correct it; "
			      "if they are sure of it, test the account against the SASL backend (doveadm auth "
			      "test, testsaslauthd). Do not ban the address."));
}

/* own_failed - analysis_own_failed_logins, as clients_where wants it */
static bool own_failed(const struct analysis *a, const struct client *c)
{
	(void)a;
	return analysis_own_failed_logins(c);
}

/* own_failed_logins - the step for failed logins from the own network */
static bool own_failed_logins(struct buf *b, const struct analysis *a)
{
	return clients_step(b, a, own_failed,
			    _("  - Failed logins from your own network (%s):\n"),
			    _("Find what is behind the address. A device or application of yours with a wrong "
			      "password (a phone, a webmail, a script): correct it. A gateway (Docker's published "
			      "ports with its userland proxy, a router's NAT) through which every client arrives: "
			      "then password guessers on the Internet hide behind it; let their real addresses "
			      "reach Postfix (\"userland-proxy\": false, host networking, or the PROXY protocol: "
			      "smtpd_upstream_proxy_protocol, postscreen_upstream_proxy_protocol), then ban them. "
			      "Never ban the gateway: every client would be locked out."));
}

/* listed_server, listed_self_sender - client_facts.c's, as clients_where wants them */
static bool listed_server(const struct analysis *a, const struct client *c)
{
	return client_listed_server(a, c);
}

static bool denied_server(const struct analysis *a, const struct client *c)
{
	return client_denied_server(a, c);
}

static bool listed_self_sender(const struct analysis *a, const struct client *c)
{
	return client_listed_self_sender(a, c);
}

/* wanted_refused - the steps for blocklist refusals that may have been
 * wanted mail: never "Nothing needs doing" while such mail failed; a
 * check to make, not a ban and not an exception by default */
static bool wanted_refused(struct buf *b, const struct analysis *a)
{
	bool any = clients_step(b, a, listed_server,
				_("  - Mail servers refused by a DNS blocklist (%s):\n"),
				_("Every attempt of these clients was refused by a blocklist, yet they look like real "
				  "mail servers (a PTR name that resolves back, the name they greeted with, STARTTLS). "
				  "Ask whether someone here expected their mail. If so, look the address up on the "
				  "list's site (shared sending services get listed for other customers' mail) and let "
				  "that server through before the DNSBL check (check_client_access, or "
				  "postscreen_access_list for postscreen). If nobody did, the blocklist did its job."));
	any |= clients_step(b, a, denied_server,
			    _("  - Mail servers refused by your own access rule (%s):\n"),
			    _("\"Access denied\" with no words of its own is an access table's REJECT "
			      "(check_client_access, check_sender_access, check_recipient_access) or a plain "
			      "\"reject\" in a restriction list of this server, and these clients look like real "
			      "mail servers (a PTR name that resolves back, the name they greeted with, STARTTLS). "
			      "If their mail was wanted, find the rule: postconf -n | grep restrictions, and "
			      "postmap -q ADDRESS on each access table; a restriction list that ends in reject "
			      "must let mail for your own domains through first (reject_unauth_destination, then "
			      "permit). If the rule is meant to block them, nothing needs fixing; give it a text "
			      "(REJECT reason) so the log says why."));
	/* one or two addresses: perhaps a user's laptop at home or on the
	 * road; more is spam forging the domain, told in each client's
	 * explanation, with nothing to do */
	struct buf ips = {0};
	size_t n = clients_where(&ips, a, listed_self_sender);
	if (n && n <= 2) {
		buf_printf(b, _("  - Mail from your own domain refused by a DNS blocklist (%s):\n"), ips.p);
		item(b, _("A blocklist refused mail from outside your network whose sender is in the "
			  "recipient's own domain: spam forging your domain, or one of your users whose mail "
			  "program sends on port 25 from a listed address (a home line, a hotel's network). "
			  "Ask your users: one of yours must send through submission (port 587, or 465) with a "
			  "login, where the client blocklists do not apply. Forged mail needs nothing more."));
		any = true;
	}
	buf_free(&ips);
	return any;
}

/* actions - the section as written, before the headings are folded */
static void actions(struct buf *b, const struct analysis *a, const struct diag *d,
		    const struct campaigns *cs, bool color, enum debug_seen debug, bool no_postfix)
{
	if (color)
		buf_puts(b, "\033[1m");
	buf_puts(b, _("What to do"));
	if (color)
		buf_puts(b, "\033[0m");
	buf_putc(b, '\n');
	bool any = false;
	size_t ncomp = 0;
	for (size_t i = 0; i < a->nalist; i++)
		ncomp += a->alist[i]->compromised;
	if (ncomp) {
		any = true;
		struct buf names = {0};
		size_t k = 0;
		for (size_t i = 0; i < a->nalist && k < 5; i++)
			if (a->alist[i]->compromised) {
				buf_puts(&names, k++ ? ", " : "");
				buf_term(&names, span_of(a->alist[i]->name));
			}
		if (ncomp > k)
			buf_printf(&names, P_(" and %zu more", " and %zu more", ncomp - k), ncomp - k);
		buf_putc(&names, 0);
		buf_printf(b, P_("  - Account %s (compromised):\n", "  - Accounts %s (compromised):\n", ncomp),
			   names.p);
		buf_free(&names);
		item(b, _("Change the password now and check the owner's devices for malware. Banning the "
			"source address does not help: whoever has the password will log in from another one."));
		item(b, _("Remove the spam still queued (postqueue -p, then postsuper -d QUEUEID for each, "
			"or by sender), and expect bounces and delay notices to keep arriving for a while."));
		item(b, _("Make a stolen password less useful: smtpd_sender_login_maps with "
			"reject_sender_login_mismatch (a login may only send as its own addresses), and a "
			"per-user rate limit with a policy service (smtpd_client_message_rate_limit counts "
			"per client address, not per account)."));
	}
	any |= spread_accounts(b, a);
	any |= tls_at_once(b, a);
	any |= device_logins(b, a);
	any |= own_failed_logins(b, a);
	for (int g = VACT_NONE + 1; g < VACT__COUNT; g++) {
		/* distributed guessing first: what stops it is not a ban */
		if (g == VACT_PASSWORD_GUESSING && slow_auth_text(b, cs))
			any = true;
		if (g != VACT_RELAY_ABUSE) /* after the relay's own fix, below */
			any |= act_paragraph(b, a, cs, (enum verdict_act)g);
	}
	if (debug == DEBUG_DIALOGUE) {
		any = true;
		buf_puts(b, _("  - Debug logging is on (smtpd_tls_loglevel 2 or more, or debug_peer_list / -v):\n"));
		item(b, _("It writes what clients send into the log, AUTH credentials included (base64 is "
			"not encryption). Turn it back down once you have seen what you needed, and protect "
			"or purge these logs."));
	} else if (debug == DEBUG_CHATTER) {
		/* the lines an admin asks about: TLS handshake states, BIO dumps,
		 * daemons' internals; nothing wrong, but the log is flooded */
		any = true;
		buf_puts(b, _("  - Verbose or TLS debug logging is on (smtpd_tls_loglevel 2 or more, or "
			      "debug_peer_list / -v):\n"));
		item(b, _("Its lines (SSL_accept states, \"read from\" and \"write to\" dumps, daemons' "
			"internals) are no errors: they flood the log. Set smtpd_tls_loglevel "
			"(and smtp_tls_loglevel) back to 1 and remove -v or debug_peer_list once you have "
			"seen what you needed."));
	}
	if (findings_actions_text(b, d))
		any = true;
	/* the open relay's users: closing it (public-open-relay, above) comes first */
	any |= act_paragraph(b, a, cs, VACT_RELAY_ABUSE);
	any |= wanted_refused(b, a);
	if (!any && no_postfix) {
		/* an empty section would read as "all is well": nothing was
		 * looked at, and the admin needs to know what would be */
		wrap_text(b, _("No Postfix log line was recognised, so nothing can be concluded from "
			       "this input: that nothing is listed here says nothing about the server."),
			  2, 78);
		wrap_text(b, _("postsleuth reads Postfix's lines as syslog and rsyslog write them "
			       "(\"Nov 22 11:32:05 mx postfix/smtpd[123]: ...\", ISO-8601 or RFC 5424 "
			       "times), journalctl -o short, short-iso, short-precise, short-full, "
			       "short-unix or json, journal files, Postfix's own maillog_file, and "
			       "pasted excerpts. \"postsleuth stats FILE\" shows how each line was "
			       "taken (other programs, no syslog prefix); with --since or --until, "
			       "widen the window."),
			  2, 78);
	} else if (!any) {
		buf_puts(b, _("  Nothing needs doing.\n"));
	}
	buf_putc(b, '\n');
}

/* report_actions_text - the "What to do" section, its headings folded at
 * 78 columns (they name addresses, as many as fit) */
void report_actions_text(struct buf *b, const struct analysis *a, const struct diag *d,
			 const struct campaigns *cs, bool color, enum debug_seen debug, bool no_postfix)
{
	struct buf o = {0};
	actions(&o, a, d, cs, color, debug, no_postfix);
	struct span t = buf_span(&o);
	while (t.n) {
		const char *nl = memchr(t.p, '\n', t.n);
		size_t n = nl ? (size_t)(nl - t.p) + 1 : t.n;
		if (n > 80 && !memcmp(t.p, "  - ", 4)) {
			struct buf h = {0}, w = {0};
			buf_put(&h, t.p + 4, n - 5);
			buf_putc(&h, 0);
			wrap_text(&w, h.p, 4, 78);
			if (w.n >= 4)
				memcpy(w.p + 2, "- ", 2);
			buf_put(b, w.p, w.n);
			buf_free(&h);
			buf_free(&w);
		} else {
			buf_put(b, t.p, n);
		}
		t = span_skip(t, n);
	}
	buf_free(&o);
}
