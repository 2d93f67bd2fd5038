/*
 * cmd.h - the options every subcommand shares, and the subcommands.
 *
 * main.c parses the command line into struct opts; each cmd_*.c wires
 * the pipeline stages for one subcommand and returns the exit status.
 */
#ifndef POSTSLEUTH_CMD_H
#define POSTSLEUTH_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct analysis;
struct feed;
struct feed_stats;
struct model_stats;

#define OPTS_MAX_LIST 64        /* repeated --verdict / --allow */

struct opts {
	int year;               /* --year, 0 = infer */
	bool json;              /* --json */
	const char *html;       /* report --html FILE ("-": standard output) */
	bool all;               /* events --all: also noise and non-Postfix lines */
	bool journal;           /* --journal */
	bool show_secrets;      /* --show-secrets */
	int color;              /* -1 auto, 0 never, 1 always */
	bool have_since, have_until;
	int64_t since_us, until_us;
	const char *query;      /* trace ID / explain selector value */
	const char *select;     /* explain: ip, account, session, queue-id */
	int top;                /* explain --top N, 0 = the default */
	const char *sort;       /* clients/accounts --sort */
	const char *verdict;    /* clients/accounts --verdict filter */
	char **files;
	int nfiles;
	size_t memory_budget;   /* --memory-budget, bytes (0: the default) */
	/* ban, fail2ban, advise (act.c, ban.c, fail2ban.c, advise.c) */
	const char *verdicts[OPTS_MAX_LIST];   /* ban --verdict, repeatable, comma lists */
	int nverdicts;
	const char *allow[OPTS_MAX_LIST];      /* ban --allow CIDR, repeatable */
	int nallow;
	const char *format;     /* ban --format */
	const char *output;     /* fail2ban --output DIR */
	long min_sessions;      /* ban --min-sessions */
	bool include_auth;      /* ban --include-authenticated */
	bool aggregate;         /* ban --aggregate */
	/* inputs (common.c) */
	uint64_t decompress_max;  /* --decompress-max: decoder memory, 0 = the default */
	int threads;              /* --threads: 0 chosen per input, 1, 2 (more: 2) */
	bool have_threads;        /* --threads given: it wins over POSTSLEUTH_THREADS */
	uint64_t spool_max;       /* --spool-max: piped input kept for a second pass */
	bool have_spool_max;
	/* watch (watch.c), and report --state */
	const char *state_path;   /* --state DB */
	const char *nft_set, *nft_set6;  /* --nft-set "FAMILY TABLE SET" */
	const char *ipset;        /* --ipset NAME */
	uint64_t ban_seconds;     /* --ban-time */
	bool act;                 /* --act: run the actions (default: dry run) */
	const char *hook;         /* --hook PROGRAM */
	const char *metrics;      /* --metrics FILE */
	bool once;                /* --once: read to the end, save, exit */
	bool from_end;            /* --from-end: a first start skips what is there */
	long max_age_days;        /* --max-age: state rows kept (days) */
};

int cmd_events(struct opts *o);
int cmd_stats(struct opts *o);
int cmd_trace(struct opts *o);
int cmd_summary(struct opts *o);

/* helpers shared by the commands (common.c) */
struct writer;
bool cmd_color(const struct opts *o);
const struct writer *cmd_writer(const struct opts *o);
void cmd_feed_setup(struct feed *f, const struct opts *o);
char **cmd_inputs(const struct opts *o, int *n, bool *journal);
void cmd_inputs_free(char **paths, int n);
bool cmd_rereadable(char **paths, int n, bool journal);
int cmd_run_inputs(struct feed *f, const struct opts *o);
char **cmd_reread_setup(struct feed *f, const struct opts *o, int *n, bool *journal, bool keep);
void cmd_input_note(const struct feed_stats *f, const struct model_stats *m);
struct buf;
bool cmd_input_problem(const struct feed *f, const struct opts *o, char **paths, int n, bool journal,
		       struct buf *b);
int cmd_input_check(const struct feed *f, const struct opts *o, char **paths, int n, bool journal,
		    int rc);
void cmd_analysis_note(const struct analysis *a);
int cmd_report(struct opts *o);
int cmd_clients(struct opts *o);
int cmd_accounts(struct opts *o);
int cmd_explain(struct opts *o);
int cmd_ban(struct opts *o);
int cmd_fail2ban(struct opts *o);
int cmd_advise(struct opts *o);
int cmd_watch(struct opts *o);
int cmd_report_state(struct opts *o);

/* the action commands' pass (cmd.c over act/act.c) */
struct act_run;
int cmd_act_run(struct act_run *r, struct opts *o);

#endif
