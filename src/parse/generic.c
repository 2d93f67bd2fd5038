/*
 * generic.c - the fallback for Postfix lines no program parser claimed:
 * warnings, errors, fatal errors and panics become EV_WARNING (with the
 * severity in ev->action and the queue ID when the text starts with one);
 * everything else stays EV_UNKNOWN.
 */
#include "common.h"

/* parse_generic - classify what the specific parsers left */
void parse_generic(const struct logline *l, struct event *ev)
{
	if (ev->type != EV_UNKNOWN)
		return;
	struct span t = l->text, qid;
	if (l->severity.n) {
		ev->type = EV_WARNING;
		ev->action = l->severity;
		if (pc_take_queue_id(&t, &qid))
			ev->queue_id = qid;
		ev->text = t;
		return;
	}
	/* library lines any daemon may log (util/dict_cache.c, table reloads,
	 * compatibility_level notes, util/dict_db.c's close at exit) */
	if ((span_starts(t, "table ") && span_ends(t, " has changed -- restarting")) ||
	    (span_starts(t, "close database ") && span_ends(t, " (possible Berkeley DB bug)")) ||
	    (span_starts(t, "cache ") && span_find(t, " cleanup: retained=").p) ||
	    span_find(t, "using backwards-compatible default setting ").p) {
		ev->type = EV_INFO;
		ev->text = t;
		/* master_ent.c's "master.cf: line N: using backwards-compatible
		 * default setting chroot=y", server_acl.c's, flush_clnt.c's */
		if (span_find(t, "using backwards-compatible default setting ").p)
			ev->action = SPAN_LIT("compat");
	}
}
