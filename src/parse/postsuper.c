/*
 * postsuper.c - the queue maintenance command, run by the admin.
 *
 *   QID: removed | requeued | placed on hold | released from hold | expired
 *   Deleted: N message[s]       Requeued: N message[s]
 *   Placed on hold: N message[s]  Released from hold: N message[s]
 *   Force-expired: N message[s]   Renamed to match inode number: N ...
 *                                                (postsuper/postsuper.c)
 */
#include "common.h"

/* count_line - "Deleted: 7280 messages" */
static bool count_line(struct span t, struct event *ev)
{
	static const char *const kinds[] = {
	    "Deleted", "Requeued", "Placed on hold", "Released from hold", "Force-expired",
	    "Renamed to match inode number", NULL};
	for (int i = 0; kinds[i]; i++) {
		struct span s = t;
		if (!span_eat(&s, kinds[i]) || !span_eat(&s, ": "))
			continue;
		struct span num;
		uint64_t n;
		if (!span_until_chr(&s, ' ', &num) || !span_u64(num, &n) ||
		    !span_starts(s, "message"))
			return false;
		ev->type = EV_POSTSUPER;
		ev->action = span_head(t, strlen(kinds[i]));
		ev->count = pc_count(n);
		return true;
	}
	return false;
}

/* parse_postsuper - fill ev from a postsuper line */
void parse_postsuper(const struct logline *l, struct event *ev)
{
	static const char *const acts[] = {
	    "removed", "requeued", "placed on hold", "released from hold", "expired", NULL};
	struct span t = l->text, qid;
	if (l->severity.n)
		return;
	if (count_line(t, ev))
		return;
	if (!pc_take_queue_id(&t, &qid))
		return;
	for (int i = 0; acts[i]; i++)
		if (span_eqs(t, acts[i])) {
			ev->type = EV_POSTSUPER;
			ev->queue_id = qid;
			ev->action = t;
			return;
		}
}
