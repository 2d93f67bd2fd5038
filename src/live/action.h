/*
 * action.h - what "postsleuth watch" does when a client reaches a
 * bannable verdict or an account looks compromised: add the address to
 * an nftables set with a timeout (or an ipset), run a hook command with
 * the finding as JSON on its standard input, print an alert.
 *
 * Dry run unless ->enabled (--act): each command is printed on standard
 * output as "dry-run: ..." instead of run.  Commands run with fork/execve
 * (util/run.c), never a shell; the address is re-parsed with inet_pton
 * and written by inet_ntop, so nothing of the log reaches an argument.
 * Only elements are added to a set the admin made: no table, chain, set
 * or ruleset is created or flushed.
 */
#ifndef POSTSLEUTH_ACTION_H
#define POSTSLEUTH_ACTION_H

#include <stdbool.h>
#include <stdint.h>
#include "../analyze/analysis.h"

/* a command (nft, ipset, the hook) that has not finished by then is
 * killed and counted as failed: the watcher must never hang on one */
#define ACTION_TIMEOUT_MS 10000

struct action_cfg {
	bool enabled;           /* --act: really run (default: print) */
	char *nft[3];           /* --nft-set "FAMILY TABLE SET" (IPv4) */
	char *nft6[3];          /* --nft-set6: the same for IPv6 */
	const char *ipset;      /* --ipset NAME (ipset's own family rules) */
	uint64_t ban_seconds;   /* --ban-time */
	const char *hook;       /* --hook PROGRAM */
};

/* what a ban is about */
struct action_ban {
	const char *addr;       /* as inet_ntop wrote it */
	bool v6;
	enum verdict verdict;
	const struct client *c;
};

struct action_stats {
	uint64_t bans, ban_errors, hooks, hook_errors, alerts;
};

bool action_cfg_nft(char *out[3], const char *arg);
bool action_ban(const struct action_cfg *cfg, const struct action_ban *b, struct action_stats *st);
void action_alert(const struct action_cfg *cfg, const struct account *ac, struct action_stats *st);

#endif
