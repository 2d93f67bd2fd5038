/*
 * summary_internal.h - what summary.c and summary_store.c share: the
 * per-queue-ID state and the store's functions the event handlers call.
 * Not for use outside src/analyze/summary*.c.
 */
#ifndef POSTSLEUTH_SUMMARY_INTERNAL_H
#define POSTSLEUTH_SUMMARY_INTERNAL_H

#include "summary.h"

/* the state of one queue ID between its first line and "removed" */
struct qent {
	struct qent *hnext, *prev, *next;
	uint64_t h;
	char qid[SUM_QID_LEN + 1];
	size_t qlen;
	bool rcvd;              /* client=/pickup seen, its qmgr line not yet */
	bool sized;             /* qmgr "from=<>, size=" seen */
	bool deferred;          /* counted among the deferred messages */
	int64_t size;
	char *rcvd_from;        /* pflogsumm's rcvdMsg: client domain or "pickup" */
	char *sasl;             /* SASL account that submitted it */
	char *from;             /* sender, for the outliers */
	double max_delay;       /* longest delay= of its deliveries */
	uint32_t dlv;           /* delivery lines seen */
};

/* summary_store.c: tables of distinct keys */
void summary_stab_init(struct stab *t, size_t max, uint64_t *dropped);
void summary_stab_free(struct stab *t);
struct srow *summary_stab_get(struct stab *t, struct span key);
void summary_count2(struct stab *t, struct span k1, struct span k2);
void summary_count3(struct stab *t, struct span k1, struct span k2, struct span k3);

/* summary_store.c: the queue ID table */
void summary_q_free(struct summary *s, struct qent *e);
struct qent *summary_q_get(struct summary *s, struct span qid, bool create);

/* summary_store.c: numbers and time */
#define SUM_SECS_MAX 1e9        /* a delay above ~31 years is cut to it */
double summary_parse_secs(struct span v);
void summary_hist_add(struct shist *h, double v);
int64_t summary_local_secs(struct stamp t);
struct sday *summary_day_row(struct summary *s, int64_t day);
void summary_bump(struct summary *s, const struct logline *l, int k);

#endif
