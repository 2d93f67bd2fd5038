/*
 * fail2ban.h - fail2ban filters for the behaviours postsleuth finds, the
 * rule postsleuth itself uses to count the same log lines, the jail
 * file, and the table that shows both counts side by side.
 *
 * The filters' regular expressions and f2b_classify() describe the same
 * lines twice, once for fail2ban and once over postsleuth's parsed
 * events; "postsleuth fail2ban" runs fail2ban-regex to prove that they
 * agree on the log at hand.  Nothing from the log is ever written into
 * a filter or a jail: only counts and validated addresses in comments.
 */
#ifndef POSTSLEUTH_FAIL2BAN_H
#define POSTSLEUTH_FAIL2BAN_H

#include "../analyze/analysis.h"
#include "../parse/event.h"
#include "../util/buf.h"

#define EXIT_UNVERIFIED 4       /* a filter did not match what postsleuth counted */

/* what one match stands for */
enum f2b_kind {
	F2B_CAPABILITY,         /* disconnect: EHLO/HELO, maybe STARTTLS, QUIT; nothing else */
	F2B_NON_SMTP,           /* disconnect: unknown commands, no successful EHLO/HELO */
	F2B_AUTH,               /* disconnect: auth=0/N, no AUTH succeeded */
	F2B_RELAY,              /* reject: RCPT ... Relay access denied */
	F2B_NON_SMTP_LINES,     /* Postfix < 3.0: non-SMTP warning, lost/timeout/errors after UNKNOWN */
	F2B_AUTH_LINES,         /* Postfix < 3.0: SASL ... authentication failed */
	F2B__COUNT
};

struct f2b_filter {
	const char *name;               /* postsleuth-auth-bruteforce */
	enum f2b_kind kind;
	enum verdict verdict;           /* the verdict it bans for */
	bool per_line;                  /* matches lines rather than sessions */
	bool legacy;                    /* for logs without per-command counts */
	const char *unit;               /* "sessions", "refused RCPT commands" ... */
	const char *what;               /* comment: what a match is */
	const char *prefregex;          /* NULL: none */
	const char *failregex[3];
	int maxretry;
	const char *findtime, *bantime;
	const char *jail_note;          /* comment above the jail */
};

struct f2b_check {
	const struct f2b_filter *f;
	uint64_t ours, theirs;          /* postsleuth's count, fail2ban-regex's matches */
	uint64_t addrs_ours, addrs_theirs;
	uint64_t max_per_addr;          /* most matches of one address (ours) */
	uint64_t legit_hits;            /* fail2ban matches on clients postsleuth calls legitimate */
	uint64_t mismatched;            /* addresses whose counts differ */
	char mismatch_example[96];      /* "192.0.2.1: postsleuth 3, fail2ban 2" */
	char legit_example[64];
	uint64_t garbage;               /* fail2ban output lines that are not addresses */
	uint64_t unbannable;            /* our lines without an address ("unknown[]") */
	const char *error;              /* could not be checked, and why */
	bool verified;
};

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
};

const struct f2b_filter *f2b_filters(size_t *n);
unsigned f2b_classify(const struct event *ev);
void f2b_filter_text(struct buf *b, const struct f2b_filter *f, const struct f2b_check *c,
		     const char *version);
void f2b_jail_text(struct buf *b, const struct f2b_check *checks, size_t n, const char *version);
void f2b_seed002_text(struct buf *b);
void f2b_table(struct buf *b, const struct f2b_check *checks, size_t n, const char *tool);
void f2b_json(struct buf *b, const struct f2b_doc *d);

#endif
