/*
 * fail2ban_rules.h - fail2ban filters for the behaviours postsleuth
 * finds and the rule postsleuth itself uses to count the same log lines
 * (fail2ban_rules.c), the counts per address and their check against
 * fail2ban-regex (fail2ban_count.c).  The writers are in
 * report/fail2ban_writers.c.
 *
 * The filters' regular expressions and f2b_classify() describe the same
 * lines twice, once for fail2ban and once over postsleuth's parsed
 * events; "postsleuth fail2ban" runs fail2ban-regex to prove that they
 * agree on the log at hand.  Nothing from the log is ever written into
 * a filter or a jail: only counts and validated addresses in comments.
 */
#ifndef POSTSLEUTH_FAIL2BAN_RULES_H
#define POSTSLEUTH_FAIL2BAN_RULES_H

#include "act.h"
#include "../analyze/analysis.h"
#include "../util/cidr.h"
#include "../parse/event.h"
#include "../util/buf.h"

/* the _daemon of the smtpd filters: every smtpd service name */
#define SMTPD_DAEMON "postfix(-[\\w.-]+)?/(?:[\\w.-]+/)?smtpd"

#define EXIT_UNVERIFIED 4       /* a filter did not match what postsleuth counted */

/* what one match stands for */
enum f2b_kind {
	F2B_CAPABILITY,         /* disconnect: EHLO/HELO, maybe STARTTLS, QUIT; nothing else */
	F2B_NON_SMTP,           /* disconnect: unknown commands, no successful EHLO/HELO */
	F2B_AUTH,               /* disconnect: auth=0/N, no AUTH succeeded */
	F2B_RELAY,              /* reject: RCPT ... Relay access denied */
	F2B_NON_SMTP_LINES,     /* Postfix < 3.0: non-SMTP warning, lost/timeout/errors after UNKNOWN */
	F2B_AUTH_LINES,         /* Postfix < 3.0: SASL ... authentication failed */
	F2B_PREGREET,           /* postscreen PREGREET, smtpd's pipelining after CONNECT */
	F2B_PIPELINING,         /* postscreen COMMAND PIPELINING, smtpd's after a command */
	F2B_PS_LIMIT,           /* postscreen BARE NEWLINE, COMMAND TIME/COUNT LIMIT */
	F2B__COUNT
};

struct f2b_filter {
	const char *name;               /* postsleuth-auth-bruteforce */
	enum f2b_kind kind;
	enum verdict verdict;           /* the verdict it bans for */
	bool per_line;                  /* matches lines rather than sessions */
	bool legacy;                    /* for logs without per-command counts */
	bool any_version;               /* lines every Postfix writes alike (legacy ignored) */
	bool tolerant;                  /* a legitimate client may match, fewer than maxretry times */
	const char *daemon;             /* the _daemon regex; NULL: smtpd's */
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
	uint64_t legit_max;             /* most of them on one such client */
	uint64_t mismatched;            /* addresses whose counts differ */
	char mismatch_example[96];      /* "192.0.2.1: postsleuth 3, fail2ban 2" */
	char legit_example[64];
	uint64_t garbage;               /* fail2ban output lines that are not addresses */
	uint64_t unbannable;            /* our lines without an address ("unknown[]") */
	uint64_t addrs_users;           /* of addrs_ours: the admin's own users (f2b_spared) */
	char ignoreip[256];             /* matched own-network addresses the jail ignores */
	const char *error;              /* could not be checked, and why */
	bool verified;
};

const struct f2b_filter *f2b_filters(size_t *n);
unsigned f2b_classify(const struct event *ev);

/* fail2ban_count.c: postsleuth's counts per address, fail2ban-regex's
 * matches per address, and the check of one against the other */
struct f2b_addr_count {
	struct cidr a;
	uint64_t n;
};

struct f2b_alist {
	struct f2b_addr_count *v;
	size_t n, cap;
};

void f2b_count_event(struct act_run *r, const struct event *ev);
const char *f2b_odd_tag(void);
void f2b_alist_add(struct f2b_alist *l, const struct cidr *a, uint64_t n);
void f2b_alist_fold(struct f2b_alist *l);
const struct f2b_addr_count *f2b_alist_find(const struct f2b_alist *l, const struct cidr *a);
void f2b_ours_list(struct act_run *r, enum f2b_kind k, struct f2b_alist *l);
bool f2b_spared(unsigned verdict);
bool f2b_client_spared(const struct client *c);
void f2b_legit_list(struct act_run *r, struct f2b_alist *l);
void f2b_compare(struct f2b_check *c, const struct f2b_alist *ours, const struct f2b_alist *theirs,
		 const struct f2b_alist *legit);
void f2b_own_list(struct act_run *r, struct f2b_alist *l);
void f2b_ignore_own(struct f2b_check *c, struct f2b_alist *theirs, const struct f2b_alist *own);

#endif
