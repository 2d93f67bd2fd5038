/*
 * qmgr.c - queue manager lines: a message entering the active queue,
 * leaving the queue, expiring.
 *
 *   QID: from=<sender>, size=N, nrcpt=N (queue active)
 *   QID: removed
 *   QID: from=<sender>, status=expired, returned to sender
 *   QID: skipped, still being delivered
 */
#include "common.h"

/* parse_qmgr - fill ev from a qmgr line */
void parse_qmgr(const struct logline *l, struct event *ev)
{
	struct span t = l->text, qid;
	if (!pc_take_queue_id(&t, &qid))
		return;
	ev->queue_id = qid;
	if (span_eqs(t, "removed")) {
		ev->type = EV_REMOVED;
		return;
	}
	/* recipients qmgr defers or bounces itself: "to=<r>, relay=none, ..." */
	if (span_starts(t, "to=") && pc_delivery_status(t, ev))
		return;
	static const char *const after_from[] = {", size=", ", status=", NULL};
	struct span from;
	if (!pc_angle_value(&t, "from", after_from, &from))
		goto info;
	ev->from = from;
	if (span_eat(&t, ", status=")) {
		struct span st;
		if (!span_until(&t, ", ", &st)) {
			st = t;
			t = span_skip(t, t.n);
		}
		ev->type = EV_EXPIRED;
		ev->status = st;
		ev->reason = t;
		return;
	}
	struct span v;
	uint64_t n;
	if (span_eat(&t, ", size=") && span_until(&t, ", ", &v) && span_u64(v, &n))
		ev->size = pc_count(n);
	else
		goto info;
	if (span_eat(&t, "nrcpt=")) {
		size_t i = 0;
		while (i < t.n && t.p[i] >= '0' && t.p[i] <= '9')
			i++;
		if (span_u64(span_head(t, i), &n))
			ev->nrcpt = pc_count(n);
		t = span_skip(t, i);
	}
	ev->type = EV_QUEUED;
	ev->reason = span_trim(t); /* "(queue active)" */
	return;
info:
	ev->type = EV_INFO;
	ev->text = l->text;
}
