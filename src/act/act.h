/*
 * act.h - the pipeline that "ban", "fail2ban" and "advise" share: feed ->
 * model -> analysis.  The per-address facts the actions need (successful
 * AUTH without mail, the busiest minute, where AUTH failed) are in the
 * analysis's client records; fail2ban adds its per-behaviour event
 * counts, one row per client number.
 *
 * Everything here comes from the log and is untrusted text; addresses
 * are checked with inet_pton (util/cidr.h) before any action uses them.
 */
#ifndef POSTSLEUTH_ACT_H
#define POSTSLEUTH_ACT_H

#include "../analyze/analysis.h"
#include "../feed/feed.h"
#include "../model/correlate.h"

#define ACT_KINDS 12            /* per-address event counters for fail2ban */

struct diag;

struct act_run {
	struct feed feed;
	struct model *model;
	struct analysis *a;
	struct diag *diag;              /* the server's own problems (src/diagnose) */
	char **paths;
	int npaths;
	bool journal;
	bool reread;                    /* the inputs are read again after (reread_open) */
	uint32_t (*kinds)[ACT_KINDS];   /* fail2ban behaviours by client number (act_kinds) */
	size_t nkinds;
	/* log-wide facts */
	uint64_t sessions_with_stats, sessions_without_stats;
	uint64_t debug_lines;           /* -v dialogue and TLS debug lines */
	uint64_t postscreen_lines;      /* postscreen runs in front of smtpd: the log proves it */
	uint64_t dnsbl_answers;         /* DNSBL answers (dnsblog, DNSBL rank, "blocked using") */
	uint64_t pregreet_passed;       /* PREGREET clients that still reached smtpd (greet test not enforced) */
	char postfix_version[24];       /* from master's "daemon started -- version X" */
	/* optional: every event, after the pipeline saw it */
	void (*event_hook)(struct act_run *r, const struct event *ev);
	void *hook_ctx;
};

void act_begin(struct act_run *r, size_t memory_budget, bool show_secrets);
void act_end(struct act_run *r);
void act_free(struct act_run *r);
uint32_t *act_kinds(struct act_run *r, struct span ip);
uint32_t act_kind(const struct act_run *r, const struct client *c, unsigned k);
uint64_t act_auth_fail_smtp(const struct act_run *r);
bool act_list_add(char ***list, int *n, const char *arg);

#endif
