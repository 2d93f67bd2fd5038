/*
 * pickup.c - the pickup daemon: a message submitted with sendmail(1) or
 * postdrop enters the queue.
 *
 *   QID: uid=N from=<sender>[ orig_id=QID]        (pickup/pickup.c:374)
 *
 * Untrusted: the sender address (any local user may choose it).
 */
#include "common.h"

/* parse_pickup - fill ev from a pickup line */
void parse_pickup(const struct logline *l, struct event *ev)
{
	struct span t = l->text, qid, v;
	if (l->severity.n || !pc_take_queue_id(&t, &qid))
		return;
	ev->queue_id = qid;
	if (!pc_word_value(&t, "uid", &v) || !span_digits(v))
		return;
	ev->uid = v;
	if (!span_eat(&t, " from=<"))
		return;
	/* the sender ends at the last "> orig_id=QID", else at the last '>' */
	ptrdiff_t k, last = -1;
	struct span s = t;
	while ((k = span_index(s, "> orig_id=")) >= 0) {
		last = (s.p - t.p) + k;
		s = span_skip(s, (size_t)k + 1);
	}
	if (last >= 0 && pc_queue_id(span_skip(t, (size_t)last + 10))) {
		ev->orig_queue_id = span_skip(t, (size_t)last + 10);
	} else if ((last = span_rchr(t, '>')) < 0) {
		return;
	}
	ev->from = span_head(t, (size_t)last);
	ev->type = EV_PICKUP;
}
