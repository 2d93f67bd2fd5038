/*
 * summary.h - the traffic summary: everything pflogsumm reports, with
 * pflogsumm's definitions, computed from the event stream, plus a few
 * things pflogsumm does not do (per-SASL-account traffic, rejects by
 * restriction and by reason, delay percentiles, queue-time outliers).
 *
 * summary_event() is an event consumer: call it for every event of the
 * feed, in order.  It copies what it keeps; memory is bounded by the
 * caps below, whatever the number of log lines (what does not fit is
 * counted in struct sum_limits and reported).  The writers
 * (summary_text.c, summary_json.c) read the structures declared here;
 * nothing else should.  docs/summary.md has the definitions.
 */
#ifndef POSTSLEUTH_SUMMARY_H
#define POSTSLEUTH_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>
#include "../parse/event.h"
#include "../util/buf.h"

/* Caps on distinct keys (docs/summary.md, "Limits") */
#define SUM_MAX_USERS   200000  /* senders, recipients (each) */
#define SUM_MAX_DOMAINS 50000   /* sending, recipient domains (each) */
#define SUM_MAX_DETAIL  5000    /* keys per level of each detail table */
#define SUM_MAX_DETAIL_ROWS 100000 /* rows of all detail tables together */
#define SUM_MAX_ACCOUNTS 20000  /* SASL accounts */
#define SUM_MAX_NOSIZE  5000    /* "messages with no size data" */
#define SUM_MAX_DAYS    3660    /* per-day rows */
#define SUM_MAX_QIDS    100000  /* queue IDs open at once */
#define SUM_QID_LEN     31      /* longest queue ID kept */
#define SUM_OUTLIERS    10      /* queue-time outliers listed */
#define SUM_HIST_BUCKETS 202    /* 0, (0,1ms], then 20 per decade to 1e7 s */

/* one key of a table; which counters mean what depends on the table */
struct srow {
	char *key;
	size_t klen;
	uint64_t h;
	uint64_t count;         /* messages, lines, deliveries */
	uint64_t bytes;
	uint64_t defers;
	uint64_t sent, bounced, rejected, authfail; /* SASL accounts */
	double dly_sum, dly_max;
	char *val;              /* "no size" table: the recipient */
	struct stab *sub;       /* nested detail, or NULL */
};

/* a table of distinct keys, capped at max; rows stay in insertion order */
struct stab {
	struct srow *rows;
	size_t n, cap;
	uint32_t *idx;          /* open addressing: row index + 1, 0 empty */
	size_t icap;
	size_t max;
	uint64_t *dropped;      /* where refused additions are counted */
	size_t *pool;           /* rows used in a pool of tables, or NULL */
	size_t pool_max;
};

/* a fixed-bucket histogram of seconds, with the largest value of each
 * bucket so that percentiles are values really seen */
struct shist {
	uint64_t b[SUM_HIST_BUCKETS];
	double bmax[SUM_HIST_BUCKETS];
	uint64_t n;
	double sum, max;
};

/* per-day counters, in pflogsumm's column order */
enum { SD_RCVD, SD_DLVD, SD_DFRD, SD_BNCD, SD_REJ, SD__N };
struct sday {
	int64_t day;            /* days since the epoch, local to the log */
	uint64_t n[SD__N];
};

/* one queue-time outlier */
struct soutlier {
	char qid[SUM_QID_LEN + 1];
	char *from;
	double delay;           /* longest delay= of its deliveries */
	uint32_t rcpts;         /* delivery lines seen */
	int64_t removed_us;
	int16_t tzoff;
};

/* what did not fit under the caps */
struct sum_limits {
	uint64_t senders, recipients, sending_domains, recipient_domains;
	uint64_t detail, accounts, nosize, days, qids, qid_too_long;
};

/* the per-message state, one per open queue ID (summary_internal.h) */
struct qent;

struct summary {
	/* grand totals, as pflogsumm counts them */
	uint64_t received, delivered, forwarded, deferred, deferrals, bounced;
	uint64_t rejected, reject_warnings, held, discarded;
	uint64_t bytes_received, bytes_delivered;
	struct stab senders, recipients;          /* users */
	struct stab sending_domains, recipient_domains;
	uint64_t recipient_domains_sent;          /* domains with a delivery */
	/* traffic by time */
	uint64_t hour[24][SD__N];
	struct sday *days;
	size_t ndays, capdays;
	/* pflogsumm's details */
	struct stab nosize;                       /* queue ID -> recipient */
	struct stab deferral, bounce;             /* agent|relay -> reason */
	struct stab rejects, warns, holds, discards; /* stage -> reason -> who */
	struct stab smtp_fail;                    /* reason -> host */
	struct stab warnings, fatals, panics;     /* program -> text */
	struct stab master;                       /* text */
	/* beyond pflogsumm */
	struct stab accounts;                     /* SASL username */
	struct stab by_restriction, by_reason;    /* rejects */
	struct shist dly_total, dly_part[4];      /* delay=, delays=a/b/c/d */
	struct soutlier outliers[SUM_OUTLIERS];
	size_t noutliers;
	uint64_t milter_rejects;                  /* smtpd milter-*, see docs */
	uint64_t errors;                          /* "error:" lines (not in pflogsumm) */
	/* the window */
	bool have_first;
	struct stamp first, last;
	bool have_since, have_until;
	int64_t since_us, until_us;
	uint64_t events, postfix_lines;
	/* per-queue-ID state */
	struct qent **qbuckets;
	size_t nqbuckets, nq;
	struct qent *lru_head, *lru_tail;         /* head = least recently used */
	struct sum_limits dropped;
	size_t detail_rows;                       /* pool of the detail tables */
};

struct summary *summary_new(void);
void summary_event(struct summary *s, const struct event *ev);
void summary_window(struct summary *s, bool have_since, int64_t since_us, bool have_until,
		    int64_t until_us);
void summary_free(struct summary *s);

/* for the writers */
enum sum_order {
	SO_KEY,          /* key ascending (pflogsumm's nested headings) */
	SO_COUNT_SIZE,   /* count, then bytes, descending; then key */
	SO_COUNT_HOST,   /* count descending, then pflogsumm's normalize_host */
	SO_BYTES_HOST,   /* bytes descending, then normalize_host */
};
const struct srow **summary_sorted(const struct stab *t, enum sum_order o);
uint64_t summary_tab_total(const struct stab *t);
unsigned summary_days_seen(const struct summary *s);
bool summary_day_traffic(const struct sday *d);
double summary_percentile(const struct shist *h, double p);
uint64_t summary_pct(uint64_t part, uint64_t a, uint64_t b, uint64_t c);
uint64_t summary_open_messages(const struct summary *s);


/* pflogsumm's textual rules (summary_keys.c); results into out */
void sk_gimme_domain(struct span client, struct buf *out);
void sk_said_trim(struct span s, size_t max, struct buf *out);
void sk_trim(struct span s, size_t max, struct buf *out);
void sk_normalize_host(struct span s, struct buf *out);
void sk_lower_domain(struct span addr, struct buf *out);
bool sk_reject_parts(struct span text, struct span *type, struct span *from, struct span *rest);
void sk_reject_reason(struct span type, struct span rest, struct buf *out);
void sk_reject_detail(struct span text, struct span type, struct span from, struct span rest,
		      struct buf *reason, struct buf *key);
bool sk_cleanup_parts(struct span text, struct span *action, struct span *where,
		      struct span *rest);
void sk_cleanup_key(struct span rest, struct buf *out);
const char *sk_restriction(struct span reason, struct span daemon);
void sk_reply_reason(struct span rest, struct buf *out);

#endif
