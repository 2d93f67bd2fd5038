/*
 * act.h - the pipeline that "ban", "fail2ban" and "advise" share: feed ->
 * model -> analysis, plus the few per-address facts the actions need
 * that the analysis does not keep (successful AUTH without mail, the
 * busiest minute, where AUTH failed, per-behaviour event counts).
 *
 * Everything here comes from the log and is untrusted text; addresses
 * are checked with inet_pton (util/cidr.h) before any action uses them.
 */
#ifndef POSTSLEUTH_ACT_H
#define POSTSLEUTH_ACT_H

#include "cmd.h"
#include "../analyze/analysis.h"
#include "../input/feed.h"
#include "../model/correlate.h"
#include "../util/hmap.h"

#define ACT_RING 64             /* session starts kept per address for the peak */
#define ACT_MAX_IPS 200000      /* as ANALYSIS_MAX_CLIENTS */
#define ACT_KINDS 8             /* per-address event counters for fail2ban */

struct act_ip {
	char *ip;
	uint32_t sessions;
	uint32_t auth_ok_sessions;      /* some AUTH succeeded (counts or client= login) */
	uint32_t auth_named_sessions;   /* ... and the log names the account */
	uint32_t auth_fail_smtp;        /* sessions with failed AUTH on the port 25 service */
	uint32_t auth_fail_other;       /* ... on submission or any other service */
	uint32_t peak_minute;           /* most sessions begun within 60 s (at most ACT_RING) */
	uint32_t nring, ring_pos;
	int64_t ring[ACT_RING];
	uint64_t kind[ACT_KINDS];       /* fail2ban behaviours, see report/fail2ban.h */
};

struct act_run {
	struct feed feed;
	struct model *model;
	struct analysis *a;
	char **paths;
	int npaths;
	bool journal;
	bool reread;                    /* the inputs are read again after (reread_open) */
	struct hmap ips;
	uint64_t nips, ips_dropped;
	struct act_ip **iplist;         /* after act_run: sorted by address text */
	/* log-wide facts */
	uint64_t sessions_with_stats, sessions_without_stats;
	uint64_t debug_lines;           /* -v dialogue and TLS debug lines */
	char postfix_version[24];       /* from master's "daemon started -- version X" */
	/* optional: every event, after the pipeline saw it */
	void (*event_hook)(struct act_run *r, const struct event *ev);
	void *hook_ctx;
};

int act_run(struct act_run *r, struct opts *o);
void act_free(struct act_run *r);
struct act_ip *act_ip(struct act_run *r, const char *ip);
struct act_ip *act_ip_get(struct act_run *r, struct span ip);
bool act_is_port25(const char *program);
bool act_list_add(char ***list, int *n, const char *arg);

#endif
