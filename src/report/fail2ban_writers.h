/*
 * fail2ban_writers.h - the texts of "postsleuth fail2ban": a filter.d
 * file per filter with its counts, the jail file, the table that shows
 * postsleuth's and fail2ban-regex's counts side by side, and the JSON.
 */
#ifndef POSTSLEUTH_FAIL2BAN_WRITERS_H
#define POSTSLEUTH_FAIL2BAN_WRITERS_H

#include "../act/fail2ban_rules.h"
#include "../util/buf.h"

/* everything "fail2ban --json" says, for f2b_json */
struct f2b_doc {
	const char *version;
	const char *tool;               /* "fail2ban-regex 1.0.2" */
	const struct f2b_check *checks;
	size_t n;
	const struct buf *filter_text;  /* one per check, with its counts */
	const struct buf *jail_text;    /* NULL: no filter */
	const char *output;             /* --output DIR, NULL: printed only */
	bool legacy;                    /* no command counts (Postfix < 3.0) */
	uint64_t unbannable;            /* lines of behaviours no filter can ban */
	uint64_t sessions_without_counts;
	bool verified;                  /* every filter verified */
	/* the filter posted for "." probes, run on the same log */
	bool dot_checked;
	const char *dot_error;
	uint64_t dot_matches, dot_probes, dot_addresses;
	/* behaviours seen only from legitimate clients: no filter written */
	const struct f2b_check *own_only;
	size_t nown;
};

void f2b_filter_text(struct buf *b, const struct f2b_filter *f, const struct f2b_check *c,
		     const char *version);
void f2b_jail_text(struct buf *b, const struct f2b_check *checks, size_t n, const char *version);
void f2b_dot_filter_why(struct buf *b);
void f2b_table(struct buf *b, const struct f2b_check *checks, size_t n, const char *tool);
void f2b_json(struct buf *b, const struct f2b_doc *d);

#endif
