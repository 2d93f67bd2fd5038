/*
 * held.c - mail on hold, kept by queue ID until the admin releases or
 * deletes it (postsuper -H, postsuper -d: "QID: released from hold",
 * "QID: removed"). When every held message of the log was released or
 * deleted in it, nothing waits any more and mail-held is not said; a
 * held line without a queue ID, or more held messages than are kept,
 * leaves it said.
 */
#include "diag_internal.h"

#include <string.h>

/* diag_held_event - a held message noted (hit: the line's finding, or
 * NULL), or one of them released or deleted */
void diag_held_event(struct diag *d, const struct event *ev, const struct diag_hit *hit)
{
	if (hit && hit->id == F_MAIL_HELD) {
		d->held_seen = true;
		if (!ev->queue_id.n || (!strset_add(&d->held_qids, ev->queue_id) && !strset_has(&d->held_qids, ev->queue_id)))
			d->held_unknown = true; /* no queue ID, or the set is full */
		return;
	}
	if (ev->type == EV_POSTSUPER && ev->queue_id.n && d->held_seen &&
	    (span_eqs(ev->action, "released from hold") || span_eqs(ev->action, "removed")))
		strset_del(&d->held_qids, ev->queue_id);
}

/* diag_held_waiting - some held mail may still wait */
bool diag_held_waiting(const struct diag *d)
{
	return d->held_unknown || strset_len(&d->held_qids) > 0;
}
