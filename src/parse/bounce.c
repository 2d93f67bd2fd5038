/*
 * bounce.c - bounce, defer and trace: the notifications Postfix sends
 * about a message, each one a new message linked to its parent.
 *
 *   QID: sender non-delivery notification: NEWQID  (bounce_notify_service.c)
 *   QID: postmaster non-delivery notification: NEWQID
 *   QID: sender delay notification: NEWQID          (bounce_warn_service.c)
 *   QID: postmaster delay notification: NEWQID
 *   QID: sender delivery status notification: NEWQID (bounce_trace_service.c)
 *   warning: QID: sender notification failed to ADDR[: REASON]
 *   warning: QID: postmaster notification failed[: REASON]
 *
 * Untrusted: the recipient address of a failed notification.
 */
#include "common.h"

static const struct {
	const char *text, *action;
} kinds[] = {
    {"sender non-delivery notification: ", "non-delivery"},
    {"postmaster non-delivery notification: ", "postmaster-non-delivery"},
    {"sender delay notification: ", "delay"},
    {"postmaster delay notification: ", "postmaster-delay"},
    {"sender delivery status notification: ", "delivery-status"},
};

/* new_qid - the child queue ID, when the rest is one */
static void new_qid(struct span t, struct event *ev)
{
	size_t i = 0;
	while (i < t.n && t.p[i] != ' ' && t.p[i] != ',')
		i++;
	if (pc_queue_id(span_head(t, i)))
		ev->new_queue_id = span_head(t, i);
}

/* failed - the warnings about a notification that could not be sent */
static bool failed(struct span t, struct event *ev)
{
	if (span_eat(&t, "sender notification failed to ")) {
		ev->action = SPAN_LIT("sender-failed");
		/* ADDR[: REASON]; the reason (cleanup_strerror) holds no ": " */
		ptrdiff_t c = -1, k;
		struct span s = t;
		while ((k = span_index(s, ": ")) >= 0) {
			c = (s.p - t.p) + k;
			s = span_skip(s, (size_t)k + 2);
		}
		if (c >= 0) {
			ev->to = span_head(t, (size_t)c);
			ev->reason = span_skip(t, (size_t)c + 2);
		} else {
			ev->to = t;
		}
	} else if (span_eat(&t, "postmaster notification failed")) {
		ev->action = SPAN_LIT("postmaster-failed");
		if (span_eat(&t, ": "))
			ev->reason = t;
	} else if (span_eat(&t, "postmaster notice failed while bouncing to ")) {
		ev->action = SPAN_LIT("postmaster-failed");
		ev->to = t;
	} else if (span_eqs(t, "undeliverable postmaster notification discarded")) {
		ev->action = SPAN_LIT("postmaster-discarded");
	} else {
		return false;
	}
	ev->type = EV_NOTIFICATION;
	return true;
}

/* parse_bounce - fill ev from a bounce/defer/trace line */
void parse_bounce(const struct logline *l, struct event *ev)
{
	struct span t = l->text, qid;
	if (!pc_take_queue_id(&t, &qid))
		return; /* configuration warnings: generic.c */
	ev->queue_id = qid;
	if (failed(t, ev) || l->severity.n)
		return; /* other warnings: generic.c */
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (span_eat(&t, kinds[i].text)) {
			ev->type = EV_NOTIFICATION;
			ev->action = span_of(kinds[i].action);
			new_qid(t, ev);
			return;
		}
	if (span_starts(t, "not sending trace/success notification") ||
	    span_starts(t, "no trace file -- not sending a notification")) {
		ev->type = EV_INFO;
		ev->text = t;
	}
}
