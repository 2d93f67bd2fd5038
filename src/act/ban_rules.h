/*
 * ban_rules.h - the rules of "postsleuth ban" (ban_rules.c): which
 * addresses are listed, which are left out and why, and /24 or /64
 * prefixes where nothing else of the log lives.  The writers of the
 * list are in report/ban_writers.c.
 */
#ifndef POSTSLEUTH_BAN_RULES_H
#define POSTSLEUTH_BAN_RULES_H

#include "act.h"
#include "../analyze/analysis.h"
#include "../util/cidr.h"

#include <stdbool.h>
#include <stdint.h>

struct ban_item {
	struct cidr net;
	enum verdict verdict;   /* the most severe verdict among its addresses */
	uint32_t naddrs;        /* addresses it stands for: 1 unless aggregated */
	uint64_t sessions;
	uint32_t vmask;         /* 1 << verdict of every address in it */
};

/* hostile addresses left out of the list, by reason */
struct ban_skipped {
	uint64_t placeholder, invalid, special, allowed, authenticated, few_sessions;
};

/* networks never listed, each with where it came from */
struct ban_nets {
	struct cidr *v;
	char **why;             /* where each came from: "--allow", "mynetworks" */
	size_t n;
};

/* what to list: from the command's options */
struct ban_rules {
	bool sel[V__COUNT];     /* the verdicts to list */
	long min_sessions;
	bool include_auth;      /* also addresses that logged in only as compromised accounts */
	bool aggregate;         /* /24 and /64 prefixes */
	struct ban_nets allow, special;
};

/* the list: items sorted by address */
struct ban_list {
	struct ban_item *v;
	size_t n;
	uint64_t naddrs;        /* addresses before aggregation */
	struct ban_skipped skipped;
};

bool ban_default_verdict(enum verdict v);
void ban_nets_add(struct ban_nets *s, const struct cidr *c, const char *why);
ptrdiff_t ban_nets_hit(const struct ban_nets *s, const struct cidr *c);
void ban_nets_free(struct ban_nets *s);
void ban_mynetworks(struct ban_nets *allow, const char *cmd);
void ban_special_nets(struct ban_nets *s);
void ban_select(struct ban_list *out, struct act_run *r, const struct ban_rules *rules);

#endif
