/*
 * advise_rules.c - the rules of "postsleuth advise": for each thing the
 * log shows, the evidence (which clients, verdicts, counts), the settings
 * that answer it, checked against the current values, and the caveats
 * experts give.
 *
 * Untrusted: everything from the log, which only reaches evidence text
 * (escaped by the writers), never a setting.
 *
 * The prose (evidence, why, steps, caveats) is translated here (gettext):
 * each sentence is one format string, its counts told by P_() phrases;
 * setting names, values and commands stay as Postfix spells them.
 */
#include "advise_rules.h"
#include "advise_internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../diagnose/diagnose.h"


/* ev_add - one evidence sentence */
void adv_evidence(struct advice *a, const char *fmt, ...)
{
	if (a->nevidence >= ADV_MAX_NOTES)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		fatal(EXIT_ENV, "out of memory");
	va_end(ap);
	a->evidence[a->nevidence++] = s;
}

/* cnt - "3 sessions": a count with its noun, from a P_() format */
const char *adv_count(char out[64], const char *fmt, unsigned long long n)
{
	snprintf(out, 64, fmt, n);
	return out;
}

/* main_set - propose name = value; unchanged when the current value is it */
void adv_main_set(struct advice *a, const struct postconf *pc, const char *name, const char *value)
{
	if (a->nmain >= ADV_MAX_MAIN)
		return;
	struct adv_main *m = &a->main[a->nmain++];
	m->name = xstrdup(name);
	m->value = xstrdup(value);
	const char *cur = pc->ok ? postconf_get(pc, name) : NULL;
	m->current = cur ? xstrdup(cur) : NULL;
	m->unchanged = cur && !strcmp(cur, value);
}

/* main_set_own - like main_set, value already decided (and owned) */
void adv_main_set_own(struct advice *a, const struct postconf *pc, const char *name, char *value,
			 bool unchanged)
{
	adv_main_set(a, pc, name, value);
	a->main[a->nmain - 1].unchanged |= unchanged && pc->ok;
	free(value);
}

/* master_set - one postconf -M / -P change */
void adv_master_set(struct advice *a, char op, const char *key, const char *value)
{
	if (a->nmaster >= ADV_MAX_MASTER)
		return;
	a->master[a->nmaster++] = (struct adv_master){op, xstrdup(key), xstrdup(value)};
}

/* count_verdict - clients and sessions with verdict v */
static size_t count_verdict(const struct analysis *an, enum verdict v, uint64_t *sessions)
{
	size_t n = 0;
	*sessions = 0;
	for (size_t i = 0; i < an->nclist; i++)
		if (an->clist[i]->verdict == v) {
			n++;
			*sessions += client_visits(an->clist[i]);
		}
	return n;
}

/* ip_list - "a (N sessions), b (M)" for up to MAX_LISTED clients of v */
static char *ip_list(const struct analysis *an, enum verdict v)
{
	struct buf b = {0};
	size_t n = 0;
	for (size_t i = 0; i < an->nclist; i++) {
		const struct client *c = an->clist[i];
		if (c->verdict != v)
			continue;
		if (n < MAX_LISTED) {
			buf_puts(&b, n ? ", " : "");
			/* TRANSLATORS: a client address and its session count */
			buf_printf(&b, P_("%s (%llu session)", "%s (%llu sessions)", client_visits(c)),
				   client_addr(c).s, (unsigned long long)client_visits(c));
		}
		n++;
	}
	if (n > MAX_LISTED)
		buf_printf(&b, P_(" and %zu more", " and %zu more", n - MAX_LISTED), n - MAX_LISTED);
	buf_putc(&b, 0);
	return b.p;
}

/* version_at_least - "3.7.11" >= a.b.c */
static bool version_at_least(const char *v, int a, int b, int c)
{
	int x = 0, y = 0, z = 0;
	if (!v || sscanf(v, "%d.%d.%d", &x, &y, &z) < 2)
		return false;
	return x != a ? x > a : y != b ? y > b : z >= c;
}

/* forbidden_default_version - Postfix versions whose default
 * smtpd_forbidden_commands drops lines not starting with a letter */
static bool forbidden_default_version(const char *v)
{
	if (version_at_least(v, 3, 10, 0))
		return true;
	if (version_at_least(v, 3, 9, 0))
		return version_at_least(v, 3, 9, 1);
	if (version_at_least(v, 3, 8, 0))
		return version_at_least(v, 3, 8, 5);
	return version_at_least(v, 3, 7, 10);
}

/* account_name_ok - safe to show in a map file example */
static bool account_name_ok(const char *s)
{
	return str_word_ok(s, 64, "._-@+");
}

/* adv_compromised - password change, sender login maps */
void adv_compromised(struct advice *a, struct act_run *r, const struct postconf *pc)
{
	const struct analysis *an = r->a;
	struct buf names = {0};
	int shown = 0;
	for (size_t i = 0; i < an->nalist; i++) {
		const struct account *ac = an->alist[i];
		if (!ac->compromised)
			continue;
		uint64_t done = ac->sent + ac->bounced + ac->expired;
		char w1[64], w2[64], w3[64], tail[160] = "";
		if (ac->new_ip)
			/* TRANSLATORS: the address most of a stolen account's mail came from */
			snprintf(tail, sizeof tail, _("; most of it from %s, an address it had not used before"),
				 client_addr(spillvec_at(&an->clients, ac->new_ip - 1)).s);
		/* TRANSLATORS: account: "N logins" from "N addresses", "N messages"
		 * to N recipients; the share that bounced; the address it came from */
		adv_evidence(a, _("%s: %s from %s, %s to %llu recipients; %.0f %% bounced or expired%s."),
		       ac->name, adv_count(w1, P_("%llu login", "%llu logins", ac->logins), ac->logins),
		       adv_count(w2, P_("%llu address", "%llu addresses", ac->nlogin), ac->nlogin),
		       adv_count(w3, P_("%llu message", "%llu messages", ac->messages), ac->messages),
		       (unsigned long long)ac->recipients,
		       done ? 100.0 * (double)(ac->bounced + ac->expired) / (double)done : 0.0, tail);
		if (account_name_ok(ac->name) && shown < 3)
			buf_printf(&names, "%syou@example.com %s", shown++ ? "\", \"" : "", ac->name);
	}
	a->why = _("Whoever sent this has the password: banning the address does not help, they log in "
		   "from another one.  Tying each login to its own sender addresses keeps a stolen "
		   "password from sending as anybody else.");
	a->steps[a->nsteps++] = _("Change the password of each account now, and check its owner's "
				  "devices for malware.");
	a->steps[a->nsteps++] = _("Remove the spam still queued: postqueue -p, then postsuper -d "
				  "QUEUEID (bounces and delay notices will keep arriving for a while).");
	a->steps[a->nsteps++] = _("Create /etc/postfix/sender_login_maps: one line per address a login "
				  "may send as, \"ADDRESS LOGIN\"; then run postmap on it.");
	if (names.n) {
		buf_putc(&names, 0);
		/* TRANSLATORS: map lines "you@example.com LOGIN" follow, quoted */
		if (asprintf(&a->step_extra, _("For example: \"%s\" (with the real addresses in place "
					       "of you@example.com)."),
			     names.p) < 0)
			fatal(EXIT_ENV, "out of memory");
	}
	buf_free(&names);
	const char *cur = postconf_get(pc, "smtpd_sender_login_maps");
	adv_main_set(a, pc, "smtpd_sender_login_maps",
		 cur && *cur ? cur : "hash:/etc/postfix/sender_login_maps");
	static const char *const want[] = {"reject_sender_login_mismatch", NULL};
	bool same;
	char *v = postconf_list_merge(postconf_get(pc, "smtpd_sender_restrictions"), want, true, NULL, NULL, &same);
	adv_main_set_own(a, pc, "smtpd_sender_restrictions", v, same);
	a->caveats[a->ncaveats++] = _("The map must list every address and alias each login may use, "
				      "or users cannot send as them any more.");
	a->caveats[a->ncaveats++] = _("reject_sender_login_mismatch also refuses unauthenticated mail "
				      "whose sender is one of the mapped addresses (forwarders, mailing "
				      "lists, devices that do not log in); if that bites, use "
				      "reject_authenticated_sender_login_mismatch, which checks logged-in "
				      "clients only.");
	a->caveats[a->ncaveats++] = _("smtpd_client_message_rate_limit counts per client address, not "
				      "per login: a per-user sending limit needs a policy service.");
}

/* runs_postscreen - does master.cf already put postscreen on port 25 */
static bool runs_postscreen(const struct postconf *pc)
{
	return pc->nsmtp >= 8 && !strcmp(pc->smtp_fields[7], "postscreen");
}

/* adv_auth - AUTH only on submission, rate limit, TLS first */
void adv_auth(struct advice *a, struct act_run *r, const struct postconf *pc, bool postscreen_too)
{
	const struct analysis *an = r->a;
	uint64_t on25 = 0, other = 0;
	size_t n = 0;
	for (size_t i = 0; i < an->nclist; i++) {
		const struct client *c = an->clist[i];
		if (c->verdict != V_AUTH_BRUTEFORCE && c->verdict != V_AUTH_SUCCESS_AFTER_FAILURES)
			continue;
		on25 += c->auth_fail_smtp;
		other += c->auth_fail_other;
		if (n++ >= MAX_LISTED)
			continue;
		uint32_t tried = client_tried_names(an, c);
		char w1[64], w2[64], w3[64];
		if (c->verdict == V_AUTH_SUCCESS_AFTER_FAILURES && c->nlogin)
			/* TRANSLATORS: address, "N AUTH attempts", the account it logged in as */
			adv_evidence(a, _("%s failed %s, then logged in as %s: ask the owner whether that was them."),
			       client_addr(c).s,
			       adv_count(w1, P_("%llu AUTH attempt", "%llu AUTH attempts", c->auth_failures),
				   c->auth_failures),
			       login_account(an, client_login(an, c, 0))->name);
		else if (c->verdict == V_AUTH_SUCCESS_AFTER_FAILURES)
			adv_evidence(a, _("%s failed %s, then logged in as an account: ask the owner whether that "
				    "was them."),
			       client_addr(c).s,
			       adv_count(w1, P_("%llu AUTH attempt", "%llu AUTH attempts", c->auth_failures),
				   c->auth_failures));
		else
			/* TRANSLATORS: address, "N failed AUTH attempts", "N sessions",
			 * "N usernames" (or "at least N usernames") */
			adv_evidence(a, _("%s (auth-bruteforce): %s in %s, %s tried."), client_addr(c).s,
			       adv_count(w1, P_("%llu failed AUTH attempt", "%llu failed AUTH attempts",
					  c->auth_failures),
				   c->auth_failures),
			       adv_count(w2, P_("%llu session", "%llu sessions", c->sessions), c->sessions),
			       c->flags & CF_DETAIL_LOST && tried >= 2
				       ? adv_count(w3, P_("at least %llu username", "at least %llu usernames", tried),
					     tried)
				       : adv_count(w3, P_("%llu username", "%llu usernames", tried), tried));
	}
	if (n > MAX_LISTED)
		adv_evidence(a, _("... and %zu more addresses."), n - MAX_LISTED);
	adv_evidence(a, _("Sessions with only failed AUTH: %llu on the port 25 service (smtp), %llu on "
		    "submission or other services."),
	       (unsigned long long)on25, (unsigned long long)other);
	a->why = _("Mail servers never log in on port 25; only your users do, on submission (587) or "
		   "submissions (465).  Not offering AUTH on port 25 removes the target, and anvil caps "
		   "how fast one address may guess where AUTH stays.");
	const char *svc = runs_postscreen(pc) ? "smtpd/pass/smtpd_sasl_auth_enable"
					      : "smtp/inet/smtpd_sasl_auth_enable";
	if (on25 && r->postscreen_lines && !runs_postscreen(pc))
		svc = "smtpd/pass/smtpd_sasl_auth_enable"; /* the log shows postscreen on port 25 */
	if (on25)
		adv_master_set(a, 'P', svc, "no");
	if (on25 && postscreen_too && !runs_postscreen(pc) && !r->postscreen_lines)
		a->caveats[a->ncaveats++] = _("With postscreen (below) smtpd runs as smtpd/pass: the "
					      "postscreen item sets this option there too.");
	else if (!on25)
		/* the log shows no AUTH on port 25: what is already so is not proposed */
		a->steps[a->nsteps++] = _("All these failures came through submission, where AUTH "
					  "belongs; the log shows no login attempt on port 25, so "
					  "nothing changes there.");
	const char *cur = postconf_get(pc, "smtpd_client_auth_rate_limit");
	long lim = cur ? strtol(cur, NULL, 10) : 0;
	adv_main_set_own(a, pc, "smtpd_client_auth_rate_limit", xstrdup("10"), lim > 0 && lim <= 30);
	adv_main_set(a, pc, "smtpd_tls_auth_only", "yes");
	a->steps[a->nsteps++] = _("Ban repeat guessers for a while: postsleuth fail2ban writes a "
				  "filter checked against this log.");
	a->caveats[a->ncaveats++] = _("Before turning AUTH off on port 25, make sure no user's mail "
				      "program submits on port 25: move them to 587 or 465 first.");
	a->caveats[a->ncaveats++] = _("anvil counts AUTH commands per client address per "
				      "anvil_rate_time_unit (60 s) and exempts "
				      "smtpd_client_event_limit_exceptions ($mynetworks): users behind "
				      "one NAT address share the limit.");
	a->caveats[a->ncaveats++] = _("Guessers rotate addresses: limits and bans slow them down; "
				      "strong passwords are what stops them.");
}

/* adv_relay - keep reject_unauth_destination */
void adv_relay(struct advice *a, struct act_run *r, const struct postconf *pc)
{
	uint64_t s;
	size_t n = count_verdict(r->a, V_RELAY_ATTEMPT, &s);
	uint64_t denied = 0;
	for (size_t i = 0; i < r->a->nclist; i++)
		if (r->a->clist[i]->verdict == V_RELAY_ATTEMPT)
			denied += r->a->clist[i]->relay_denied;
	char *l = ip_list(r->a, V_RELAY_ATTEMPT);
	char w1[64], w2[64];
	/* TRANSLATORS: "N addresses", their list, "N recipients" */
	adv_evidence(a, _("%s tested for an open relay: %s; %s refused with \"Relay access denied\"."),
	       adv_count(w1, P_("%llu address", "%llu addresses", n), n), l,
	       adv_count(w2, P_("%llu recipient", "%llu recipients", denied), denied));
	free(l);
	adv_evidence(a, "%s", _("Every attempt was refused: nothing was relayed."));
	const char *mn = postconf_get(pc, "mynetworks");
	if (mn)
		adv_evidence(a, _("mynetworks is now: %s"), mn);
	a->why = _("reject_unauth_destination is what refuses them; keep it, after the permits for your "
		   "own networks and logged-in users.  Postfix's default defer_unauth_destination answers "
		   "454 (try again later), reject answers 554 and testers stop retrying.");
	static const char *const want[] = {"permit_mynetworks", "permit_sasl_authenticated",
					   "reject_unauth_destination", NULL};
	bool same;
	const char *cur = postconf_get(pc, "smtpd_relay_restrictions");
	char *v = postconf_list_merge(cur ? cur : "permit_mynetworks, permit_sasl_authenticated, "
					    "defer_unauth_destination",
				want, false, "defer_unauth_destination", "reject_unauth_destination", &same);
	adv_main_set_own(a, pc, "smtpd_relay_restrictions", v, same);
	a->caveats[a->ncaveats++] = _("mynetworks must hold only your own networks: anything in it may "
				      "relay without a password.");
	a->caveats[a->ncaveats++] = _("Configurations from before Postfix 2.10 put "
				      "reject_unauth_destination in smtpd_recipient_restrictions; keep "
				      "it there too if it is there.");
}

/* adv_debug - turn verbose and TLS debug logging back down: the SMTP
 * dialogue (what clients sent, credentials included) or, without it,
 * only the chatter (TLS handshake states, daemons' internals) */
void adv_debug(struct advice *a, struct act_run *r, const struct postconf *pc)
{
	uint64_t decoded = r->a->auth_decoded;
	bool dialogue = r->debug_lines != 0;
	if (dialogue) {
		adv_evidence(a, P_("%llu line of SMTP dialogue from -v or smtpd_tls_loglevel 2 and more "
			     "(debug_peer_list, master.cf -v).",
			     "%llu lines of SMTP dialogue from -v or smtpd_tls_loglevel 2 and more "
			     "(debug_peer_list, master.cf -v).",
			     r->debug_lines),
		       (unsigned long long)r->debug_lines);
		a->why = _("Debug logging writes what clients send into the log, AUTH credentials included "
			   "(base64 is not encryption), and floods it.");
	} else {
		adv_evidence(a, P_("%llu line of verbose or TLS debug chatter (SSL_accept states, \"read "
			     "from\" dumps, daemons' internals).",
			     "%llu lines of verbose or TLS debug chatter (SSL_accept states, \"read "
			     "from\" dumps, daemons' internals).",
			     r->feed.st.noise),
		       (unsigned long long)r->feed.st.noise);
		a->why = _("These lines are no errors: they flood the log and hide the lines that matter.");
	}
	if (decoded)
		adv_evidence(a, P_("postsleuth could decode %llu AUTH credential from them (never shown unless "
			     "--show-secrets).",
			     "postsleuth could decode %llu AUTH credentials from them (never shown unless "
			     "--show-secrets).",
			     decoded),
		       (unsigned long long)decoded);
	const char *cur = postconf_get(pc, "smtpd_tls_loglevel");
	adv_main_set_own(a, pc, "smtpd_tls_loglevel", xstrdup("1"), cur && strtol(cur, NULL, 10) <= 1);
	adv_main_set(a, pc, "debug_peer_list", "");
	if (pc->ok && a->main[0].unchanged && a->main[1].unchanged)
		adv_evidence(a, "%s", _("The configuration here has both turned down already: the log is from "
				  "while debugging was on."));
	if (dialogue) {
		a->steps[a->nsteps++] = _("Remove any -v from the smtpd lines in master.cf.");
		a->steps[a->nsteps++] = _("Protect or purge the logs written while debugging was on (they hold "
					  "passwords): chmod 640, rotate them out.");
	} else {
		a->steps[a->nsteps++] = _("Remove any -v from the lines in master.cf, and set "
					  "smtp_tls_loglevel back to 1 too if the chatter is the SMTP client's.");
	}
	a->caveats[a->ncaveats++] = _("smtpd_tls_loglevel 1 logs one summary line per TLS session, "
				      "which is enough for day-to-day work (and for postsleuth).");
}

/* adv_non_smtp - smtpd_forbidden_commands */
void adv_non_smtp(struct advice *a, struct act_run *r, const struct postconf *pc, const char *version)
{
	uint64_t s;
	size_t n = count_verdict(r->a, V_NON_SMTP_PROBE, &s);
	char *l = ip_list(r->a, V_NON_SMTP_PROBE);
	char w1[64], w2[64];
	/* TRANSLATORS: "N addresses", "N sessions", the addresses */
	adv_evidence(a, _("%s sent non-SMTP lines (\".\", HTTP, garbage) in %s: %s."),
	       adv_count(w1, P_("%llu address", "%llu addresses", n), n),
	       adv_count(w2, P_("%llu session", "%llu sessions", s), s), l);
	free(l);
	a->why = _("They are harmless (Postfix answered 5xx and they left), but each session costs an "
		   "smtpd process until the client gives up.  smtpd_forbidden_commands ends the session "
		   "at the first line that is not a command.");
	static const char *const value = "CONNECT GET POST regexp:{{/^[^A-Z]/ Bogus}}";
	if (version && *version && !forbidden_default_version(version) &&
	    !version_at_least(version, 3, 7, 0)) {
		a->steps[a->nsteps++] = _("Upgrade Postfix: the versions from 3.7.10, 3.8.5 and 3.9.1 on "
					  "drop these clients at the first bogus line by default.");
	} else {
		adv_main_set(a, pc, "smtpd_forbidden_commands", value);
	}
	a->steps[a->nsteps++] = _("To stop the repeat visitors altogether: postsleuth fail2ban "
				  "(a filter on what Postfix really logs for them) or postscreen.");
	a->caveats[a->ncaveats++] = _("Needs Postfix 3.7 or later for the inline regexp table; it is "
				      "the default from 3.7.10, 3.8.5 and 3.9.1.");
	a->caveats[a->ncaveats++] = _("A fail2ban filter on \"reject: RCPT from ... 502 5.5.2\" never "
				      "matches these sessions: they never reach RCPT.");
}

/* adv_postscreen - postscreen with DNS blocklists in front of smtpd */
void adv_postscreen(struct advice *a, struct act_run *r, const struct postconf *pc, bool auth_off)
{
	/* the probes: every verdict of severity "nuisance", in table order */
	for (int k = 0; k < V__COUNT; k++) {
		enum verdict vk = (enum verdict)k;
		if (verdict_severity(vk) != SEV_NUISANCE)
			continue;
		uint64_t s;
		size_t n = count_verdict(r->a, vk, &s);
		if (!n)
			continue;
		char *l = ip_list(r->a, vk);
		char w1[64], w2[64];
		/* TRANSLATORS: verdict id, "N addresses", "N sessions", the addresses */
		adv_evidence(a, _("%s: %s, %s: %s."), verdict_id(vk),
		       adv_count(w1, P_("%llu address", "%llu addresses", n), n),
		       adv_count(w2, P_("%llu session", "%llu sessions", s), s), l);
		free(l);
	}
	a->why = _("postscreen talks to new clients before smtpd does: it checks DNS blocklists and "
		   "drops bots that talk before the greeting, so most probes never cost an smtpd.");
	/* what the log proves configured is not proposed again */
	if (r->dnsbl_answers)
		adv_evidence(a, P_("DNS blocklists are in use: the log shows %llu of their answers, so no "
			     "other list is proposed.",
			     "DNS blocklists are in use: the log shows %llu of their answers, so no "
			     "other list is proposed.",
			     r->dnsbl_answers),
		       (unsigned long long)r->dnsbl_answers);
	else {
		adv_main_set(a, pc, "postscreen_dnsbl_sites",
			 "zen.spamhaus.org=127.0.0.[2..11]*3, bl.spamcop.net*2, "
			 "list.dnswl.org=127.0.[0..255].[0..255]*-3");
		adv_main_set(a, pc, "postscreen_dnsbl_threshold", "3");
		adv_main_set(a, pc, "postscreen_dnsbl_action", "enforce");
	}
	if (!r->postscreen_lines || r->pregreet_passed) {
		if (r->pregreet_passed)
			adv_evidence(a, P_("%llu client talked before the greeting and still reached smtpd: "
				     "postscreen only logs the greeting test.",
				     "%llu clients talked before the greeting and still reached smtpd: "
				     "postscreen only logs the greeting test.",
				     r->pregreet_passed),
			       (unsigned long long)r->pregreet_passed);
		adv_main_set(a, pc, "postscreen_greet_action", "enforce");
	}
	if (runs_postscreen(pc) || r->postscreen_lines) {
		if (r->postscreen_lines)
			adv_evidence(a, P_("postscreen already runs on port 25: the log shows %llu of its lines.",
				     "postscreen already runs on port 25: the log shows %llu of its lines.",
				     r->postscreen_lines),
			       (unsigned long long)r->postscreen_lines);
		a->steps[a->nsteps++] = _("master.cf already runs postscreen on port 25: nothing to "
					  "install.");
	} else {
		const char *chroot = pc->nsmtp >= 8 ? pc->smtp_fields[4] : "y";
		if (strcmp(chroot, "y") && strcmp(chroot, "n") && strcmp(chroot, "-"))
			chroot = "y";
		struct buf b = {0};
		buf_printf(&b, "smtp inet n - %s - 1 postscreen", chroot);
		buf_putc(&b, 0);
		adv_master_set(a, 'M', "smtp/inet", b.p);
		b.n = 0;
		buf_printf(&b, "smtpd pass - - %s - - smtpd", chroot);
		buf_putc(&b, 0);
		adv_master_set(a, 'M', "smtpd/pass", b.p);
		b.n = 0;
		buf_printf(&b, "dnsblog unix - - %s - 0 dnsblog", chroot);
		buf_putc(&b, 0);
		adv_master_set(a, 'M', "dnsblog/unix", b.p);
		b.n = 0;
		buf_printf(&b, "tlsproxy unix - - %s - 0 tlsproxy", chroot);
		buf_putc(&b, 0);
		adv_master_set(a, 'M', "tlsproxy/unix", b.p);
		/* -M replaced the smtp line and its -o options: smtpd/pass gets them */
		bool have_auth = false;
		for (int i = 0; i < pc->nsmtp_opt; i++) {
			char *eq = strchr(pc->smtp_opt[i], '=');
			b.n = 0;
			buf_printf(&b, "smtpd/pass/%.*s", (int)(eq - pc->smtp_opt[i]), pc->smtp_opt[i]);
			buf_putc(&b, 0);
			have_auth |= !strcmp(b.p, "smtpd/pass/smtpd_sasl_auth_enable");
			adv_master_set(a, 'P', b.p, eq + 1);
		}
		if (auth_off && !have_auth)
			adv_master_set(a, 'P', "smtpd/pass/smtpd_sasl_auth_enable", "no");
		buf_free(&b);
	}
	a->caveats[a->ncaveats++] = _("Only on port 25: never put postscreen in front of submission, "
				      "users' mail programs do not retry like servers.");
	a->caveats[a->ncaveats++] = _("DNSBL queries need your own resolver: Spamhaus refuses queries "
				      "through public resolvers (8.8.8.8 and the like) and has a "
				      "free-use volume limit.");
	if (!runs_postscreen(pc) && !r->postscreen_lines)
		a->caveats[a->ncaveats++] = _("Any -o options on the old smtp/inet line must move to "
					      "the smtpd/pass line.");
	a->caveats[a->ncaveats++] = _("Leave the deep protocol tests (postscreen_pipelining_enable, "
				      "_non_smtp_command_enable, _bare_newline_enable) off unless you "
				      "accept greylisting-like delays for new senders.");
}

/* adv_rate - anvil connection rate limit, from the busiest minutes */
bool adv_rate(struct advice *a, struct act_run *r, const struct postconf *pc)
{
	uint32_t legit = 0, worst = 0;
	const struct client *legit_c = NULL, *worst_c = NULL;
	for (size_t i = 0; i < r->a->nclist; i++) {
		const struct client *c = r->a->clist[i];
		if (c->verdict == V_LEGITIMATE && c->peak_minute > legit)
			legit = c->peak_minute, legit_c = c;
		if (verdict_severity(c->verdict) >= 2 && c->peak_minute > worst)
			worst = c->peak_minute, worst_c = c;
	}
	uint32_t lim = legit * 2 > 10 ? legit * 2 : 10;
	if (worst <= lim)
		return false;
	if (worst >= CLIENT_RING)
		adv_evidence(a, _("%s opened up to %u or more connections within one minute."),
		       client_addr(worst_c).s, worst);
	else
		adv_evidence(a, _("%s opened up to %u connections within one minute."), client_addr(worst_c).s,
		       worst);
	if (legit_c)
		adv_evidence(a, _("The busiest legitimate client (%s) opened at most %u in a minute."),
		       client_addr(legit_c).s, legit);
	else
		adv_evidence(a, "%s", _("No legitimate client in this log to compare with."));
	a->why = _("anvil refuses (421) a client that opens more connections per minute than the limit, "
		   "so a scanner cannot tie up your smtpd processes.");
	char v[16];
	snprintf(v, sizeof v, "%u", lim);
	const char *cur = postconf_get(pc, "smtpd_client_connection_rate_limit");
	long c = cur ? strtol(cur, NULL, 10) : 0;
	adv_main_set_own(a, pc, "smtpd_client_connection_rate_limit", xstrdup(v), c > 0 && c <= (long)lim);
	a->caveats[a->ncaveats++] = _("Set it above your busiest real sender's peak (big providers open "
				      "many connections from one address during bursts); $mynetworks "
				      "is exempt (smtpd_client_event_limit_exceptions).");
	a->caveats[a->ncaveats++] = _("It counts per client address per anvil_rate_time_unit (60 s); "
				      "refusals are logged as \"Connection rate limit exceeded\".");
	return true;
}

/* adv_helo - require a HELO and a sane one, after the permits */
bool adv_helo(struct advice *a, struct act_run *r, const struct postconf *pc)
{
	size_t bad = 0, legit_bad = 0;
	for (size_t i = 0; i < r->a->nclist; i++) {
		const struct client *c = r->a->clist[i];
		const struct client_detail *d = client_detail(r->a, c);
		for (uint32_t k = 0; d && k < d->nhelo; k++) {
			if (helo_is_fqdn(d->helo[k].name))
				continue;
			if (c->verdict == V_LEGITIMATE) {
				if (legit_bad++ < 3)
					adv_evidence(a,
					       c->auth_successes
						       ? _("Legitimate client %s said HELO %s: it logs in, so "
							   "permit_sasl_authenticated lets it through.")
						       : _("Legitimate client %s said HELO %s: it would be "
							   "refused unless it is in mynetworks or logs in."),
					       client_addr(c).s, d->helo[k].name);
			} else if (verdict_severity(c->verdict) >= 2) {
				if (bad++ < MAX_LISTED)
					/* TRANSLATORS: address, verdict id, the HELO name it gave */
					adv_evidence(a, _("%s (%s) said HELO %s, not a fully qualified name."),
					       client_addr(c).s, verdict_id(c->verdict), d->helo[k].name);
			}
			break;
		}
	}
	if (!bad)
		return false;
	a->why = _("Bots announce themselves with names like \"User\", \"WIN-8D2KE\" or an address; real "
		   "mail servers use their fully qualified name.");
	adv_main_set(a, pc, "smtpd_helo_required", "yes");
	static const char *const want[] = {"permit_mynetworks", "permit_sasl_authenticated",
					   "reject_invalid_helo_hostname",
					   "reject_non_fqdn_helo_hostname", NULL};
	bool same;
	char *v = postconf_list_merge(postconf_get(pc, "smtpd_helo_restrictions"), want, false, NULL, NULL, &same);
	adv_main_set_own(a, pc, "smtpd_helo_restrictions", v, same);
	a->caveats[a->ncaveats++] = _("Keep them after permit_mynetworks and permit_sasl_authenticated: "
				      "printers, scanners and old mail programs send bad HELO names.");
	a->caveats[a->ncaveats++] = _("Keep smtpd_delay_reject = yes (the default): the HELO checks then "
				      "run at RCPT time, when the login is known.");
	a->caveats[a->ncaveats++] = _("Do not add reject_unknown_helo_hostname: a DNS hiccup would "
				      "refuse real mail.");
	return true;
}

/* adv_pipelining - reject_unauth_pipelining */
void adv_pipelining(struct advice *a, struct act_run *r, const struct postconf *pc)
{
	static const enum verdict vs[] = {V_PREGREET, V_PIPELINING};
	for (size_t k = 0; k < 2; k++) {
		uint64_t s;
		size_t n = count_verdict(r->a, vs[k], &s);
		if (!n)
			continue;
		char *l = ip_list(r->a, vs[k]);
		char w1[64];
		/* TRANSLATORS: verdict id, "N addresses", the addresses */
		adv_evidence(a, _("%s: %s: %s."), verdict_id(vs[k]),
		       adv_count(w1, P_("%llu address", "%llu addresses", n), n), l);
		free(l);
	}
	a->why = _("Spam bots send their commands without waiting for the replies; real servers wait "
		   "when the server did not offer PIPELINING, and always at DATA.");
	static const char *const want[] = {"reject_unauth_pipelining", NULL};
	bool same;
	char *v = postconf_list_merge(postconf_get(pc, "smtpd_data_restrictions"), want, true, NULL, NULL, &same);
	adv_main_set_own(a, pc, "smtpd_data_restrictions", v, same);
	a->caveats[a->ncaveats++] = _("postscreen's greeting test (postscreen_greet_action = enforce) "
				      "catches the ones that talk before the banner even earlier.");
}

/* advice_free - the strings an item owns */
void advice_free(struct advice *a)
{
	for (int i = 0; i < a->nevidence; i++)
		free(a->evidence[i]);
	for (int i = 0; i < a->nmain; i++) {
		free(a->main[i].name);
		free(a->main[i].value);
		free(a->main[i].current);
	}
	for (int i = 0; i < a->nmaster; i++) {
		free(a->master[i].key);
		free(a->master[i].value);
	}
	free(a->step_extra);
}
