/*
 * cmd_advise.c - "postsleuth advise": the Postfix settings that answer what
 * the log shows, each with its evidence (which clients, verdicts, counts)
 * and the caveats experts give.  The admin's current values are read
 * with postconf when it is installed (MAIL_CONFIG is honoured), so that
 * restriction lists are extended rather than replaced.  Here: building
 * the items and printing them; the rules are in advise_rules.c, reading
 * postconf and editing restriction lists in postconf.c.
 *
 * Untrusted: everything from the log (it only reaches evidence text,
 * escaped by the writers) and postconf's output (the admin's own
 * configuration, kept as text and escaped when shown).  Nothing is
 * changed: the output is advice and postconf commands to run by hand.
 */
#include "cmd.h"
#include "../act/advise_rules.h"
#include "../diagnose/diagnose.h"
#include "../report/writer.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* has_verdict - any client with one of the verdicts */
static bool has_verdict(const struct analysis *an, enum verdict v1, enum verdict v2)
{
	for (size_t i = 0; i < an->nclist; i++)
		if (an->clist[i]->verdict == v1 || an->clist[i]->verdict == v2)
			return true;
	return false;
}

/* smtpd_impatient - a client that did not wait reached smtpd (bots that
 * postscreen dropped before smtpd need no smtpd setting) */
static bool smtpd_impatient(const struct analysis *an)
{
	for (size_t i = 0; i < an->nclist; i++) {
		const struct client *c = an->clist[i];
		if (c->verdict == V_PIPELINING || (c->verdict == V_PREGREET && c->sessions))
			return true;
	}
	return false;
}

/* cmd_advise - build the items, print them */
int cmd_advise(struct opts *o)
{
	struct act_run r = {0};
	int rc = cmd_act_run(&r, o);
	struct postconf pc;
	postconf_load(&pc);
	struct advice *v = xcalloc(16, sizeof *v);
	int n = 0;
	const struct analysis *an = r.a;
	bool compromised = false;
	for (size_t i = 0; i < an->nalist; i++)
		compromised |= an->alist[i]->compromised;
	const char *version = r.postfix_version[0] ? r.postfix_version : postconf_get(&pc, "mail_version");
	if (compromised) {
		v[n] = (struct advice){.id = "compromised-account", .title = _("A compromised account")};
		adv_compromised(&v[n++], &r, &pc);
	}
	bool probes = false;            /* a client of severity "nuisance" */
	for (size_t i = 0; i < an->nclist; i++)
		probes |= verdict_severity(an->clist[i]->verdict) == SEV_NUISANCE;
	bool auth = has_verdict(an, V_AUTH_BRUTEFORCE, V_AUTH_SUCCESS_AFTER_FAILURES);
	if (auth) {
		v[n] = (struct advice){.id = "auth-guessing", .title = _("Password guessing on SMTP AUTH")};
		adv_auth(&v[n++], &r, &pc, probes);
	}
	if (has_verdict(an, V_RELAY_ATTEMPT, V_RELAY_ATTEMPT)) {
		v[n] = (struct advice){.id = "relay", .title = _("Open-relay tests")};
		adv_relay(&v[n++], &r, &pc);
	}
	if (diag_has(r.diag, F_IN_USER_REFUSED)) {
		v[n] = (struct advice){.id = "users-refused",
				       .title = _("Logged-in users refused by this server's own checks")};
		adv_users_refused(&v[n++], &r, &pc);
	}
	if (diag_has(r.diag, F_IN_OPEN_RELAY) || diag_has(r.diag, F_IN_TRUSTED_PUBLIC)) {
		v[n] = (struct advice){.id = "relayed-trusted",
				       .title = _("Mail relayed without login on the trust of a public address")};
		adv_relayed(&v[n++], &r, &pc);
	}
	if (r.debug_lines) {
		v[n] = (struct advice){.id = "debug-logging", .title = _("Debug logging is on")};
		adv_debug(&v[n++], &r, &pc);
	} else if (r.feed.st.noise) {
		/* only the chatter (TLS handshake states, -v internals): no
		 * dialogue, so no credentials, but the log is flooded */
		v[n] = (struct advice){.id = "verbose-logging",
				       .title = _("Verbose or TLS debug logging is on")};
		adv_debug(&v[n++], &r, &pc);
	}
	if (has_verdict(an, V_NON_SMTP_PROBE, V_NON_SMTP_PROBE)) {
		v[n] = (struct advice){.id = "non-smtp", .title = _("Clients that do not speak SMTP")};
		adv_non_smtp(&v[n++], &r, &pc, version);
	}
	if (diag_has(r.diag, F_IN_DNSBL_ERROR)) {
		v[n] = (struct advice){.id = "dnsbl-error", .title = _("A DNS blocklist answers error "
								      "codes: filter them")};
		adv_dnsbl_error(&v[n++], &r, &pc);
	}
	if (probes) {
		v[n] = (struct advice){.id = "postscreen",
				       .title = r.postscreen_lines ? _("Probes and bots: postscreen already "
								       "runs")
								   : _("Probes and bots: postscreen with DNS "
								       "blocklists")};
		adv_postscreen(&v[n++], &r, &pc, auth && act_auth_fail_smtp(&r) > 0);
	}
	v[n] = (struct advice){.id = "connection-rate", .title = _("Connection rate limit")};
	if (adv_rate(&v[n], &r, &pc))
		n++;
	else
		advice_free(&v[n]), memset(&v[n], 0, sizeof v[n]);
	v[n] = (struct advice){.id = "helo", .title = _("Bad HELO names")};
	if (adv_helo(&v[n], &r, &pc))
		n++;
	else
		advice_free(&v[n]), memset(&v[n], 0, sizeof v[n]);
	if (smtpd_impatient(an)) {
		v[n] = (struct advice){.id = "pipelining", .title = _("Impatient clients (pipelining)")};
		adv_pipelining(&v[n++], &r, &pc);
	}
	struct buf src = {0};
	if (pc.ok) {
		const char *cd = postconf_get(&pc, "config_directory");
		buf_puts(&src, _("from postconf"));
		if (cd) {
			buf_puts(&src, " (");
			buf_term(&src, span_of(cd));
			buf_puts(&src, ")");
		}
	} else {
		buf_puts(&src, _("postconf not available here: proposals start from Postfix's defaults"));
	}
	buf_putc(&src, 0);
	struct advise_out out = {v, n, src.p, version ? version : "", r.diag};
	struct buf b = {0};
	cmd_writer(o)->advice(&b, &out);
	buf_flush(&b, stdout);
	buf_free(&b);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, _("write error on standard output"));
	for (int i = 0; i < n; i++)
		advice_free(&v[i]);
	free(v);
	buf_free(&src);
	postconf_free(&pc);
	cmd_analysis_note(r.a);
	act_free(&r);
	return rc;
}
