/*
 * cmd_ban.c - "postsleuth ban": the hostile client addresses of the log
 * as a ban list for nftables, ipset, Postfix or postscreen, or plain
 * text; which addresses is decided in act/ban_rules.c.
 *
 * Every address comes from the log and is untrusted: it must pass
 * inet_pton (util/cidr.c) and is written back by inet_ntop.  Never
 * listed: loopback and other special addresses, the server's own
 * networks (--allow, and mynetworks as postconf reports it), the
 * "(address not logged)" placeholder, and any address that logged in
 * successfully (unless every account it used is compromised-suspect and
 * --include-authenticated is given).  Prefixes (--aggregate) are only
 * formed where they hold no address that is not being banned.  The list
 * is printed: no firewall or Postfix setting is touched.
 */
#include "cmd.h"
#include "../act/act.h"
#include "../act/ban_rules.h"
#include "../report/ban_writers.h"
#include "../util/cidr.h"
#include "../util/run.h"
#include "../util/i18n.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef POSTSLEUTH_VERSION
#define POSTSLEUTH_VERSION "0.1.0"
#endif

/* cmd_ban - the ban list */
int cmd_ban(struct opts *o)
{
	const char *fmt = o->format ? o->format : o->json ? "json" : "plain";
	if (o->json && strcmp(fmt, "json") != 0)
		fatal(EXIT_USAGE, _("ban: --json and --format %s: choose one"), fmt);
	const struct ban_backend *be = ban_backend_find(fmt);
	if (!be)
		fatal(EXIT_USAGE, _("ban: --format: want nft, ipset, postfix-cidr, postscreen, json or plain"));
	struct ban_rules rules = {.min_sessions = o->min_sessions, .include_auth = o->include_auth,
				  .aggregate = o->aggregate};
	bool *sel = rules.sel;
	bool any_sel = false;
	for (int i = 0; i < o->nverdicts; i++) {
		char **words = NULL;
		int nw = 0;
		act_list_add(&words, &nw, o->verdicts[i]);
		for (int k = 0; k < nw; k++) {
			enum verdict v;
			if (!verdict_from_id(words[k], &v))
				fatal(EXIT_USAGE, _("ban: --verdict: no verdict '%s' (see postsleuth(1))"),
				      words[k]);
			sel[v] = any_sel = true;
			free(words[k]);
		}
		free(words);
	}
	for (int v = 0; !any_sel && v < V__COUNT; v++)
		sel[v] = ban_default_verdict((enum verdict)v);
	ban_special_nets(&rules.special);
	for (int i = 0; i < o->nallow; i++) {
		char **words = NULL;
		int nw = 0;
		act_list_add(&words, &nw, o->allow[i]);
		for (int k = 0; k < nw; k++) {
			struct cidr c;
			bool host;
			if (!cidr_parse(words[k], &c, &host))
				fatal(EXIT_USAGE, _("ban: --allow: '%s' is not an address or CIDR network"),
				      words[k]);
			ban_nets_add(&rules.allow, &c, "--allow");
			free(words[k]);
		}
		free(words);
	}
	ban_mynetworks(&rules.allow, "ban");

	struct act_run r = {0};
	int rc = cmd_act_run(&r, o);
	struct analysis *a = r.a;
	struct ban_list bl;
	ban_select(&bl, &r, &rules);
	struct ban_item *items = bl.v;
	size_t n = bl.n;
	uint64_t naddrs = bl.naddrs;
	struct ban_skipped sk = bl.skipped;

	struct buf words = {0};
	for (int v = 0; v < V__COUNT; v++)
		if (sel[v])
			buf_printf(&words, "%s%s", words.n ? ", " : "", verdict_id((enum verdict)v));
	buf_putc(&words, 0);
	struct buf period = {0};
	if (a->have_time) {
		buf_stamp_short(&period, a->first);
		/* TRANSLATORS: between the first and last times of the log ("A to B") */
		buf_puts(&period, _(" to "));
		buf_stamp_short(&period, a->last);
	}
	buf_putc(&period, 0);
	struct ban_set set = {.v = items, .n = n, .naddrs = naddrs, .verdicts = words.p,
			      .period = period.p, .version = POSTSLEUTH_VERSION,
			      .have_time = a->have_time, .first = a->first, .last = a->last, .skipped = &sk};
	struct buf out = {0};
	be->write(&out, &set);
	buf_flush(&out, stdout);
	buf_free(&out);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, _("write error on standard output"));
	char wa[64], we[64];
	snprintf(wa, sizeof wa, P_("%llu address", "%llu addresses", naddrs), (unsigned long long)naddrs);
	snprintf(we, sizeof we, P_("%zu entry", "%zu entries", n), n);
	/* TRANSLATORS: "N addresses", "N entries", the format (nft, plain...) */
	fprintf(stderr, _("postsleuth: ban: %s in %s (%s)"), wa, we, be->name);
	uint64_t left = sk.placeholder + sk.invalid + sk.special + sk.allowed + sk.authenticated +
			sk.few_sessions;
	if (left) {
		fputs(_("; not listed:"), stderr);
		const char *sep = " ";
		const struct {
			uint64_t n;
			const char *what;
		} why[] = {
		    /* TRANSLATORS: after a count of addresses not listed */
		    {sk.authenticated, N_("logged in successfully")},
		    {sk.allowed, N_("in --allow or mynetworks")},
		    {sk.special, N_("loopback or special")},
		    {sk.placeholder, N_("address not logged")},
		    {sk.invalid, N_("not an IP address")},
		    {sk.few_sessions, N_("fewer sessions than --min-sessions")},
		};
		for (size_t i = 0; i < sizeof why / sizeof why[0]; i++)
			if (why[i].n) {
				fprintf(stderr, "%s%llu %s", sep, (unsigned long long)why[i].n, _(why[i].what));
				sep = ", ";
			}
	}
	fputc('\n', stderr);
	cmd_analysis_note(a);
	buf_free(&words);
	buf_free(&period);
	free(items);
	ban_nets_free(&rules.allow);
	ban_nets_free(&rules.special);
	act_free(&r);
	return rc;
}
