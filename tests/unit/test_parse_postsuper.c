/*
 * test_parse_postsuper.c - the postsuper command's lines.  Real lines from
 * the conformance logs; the other actions built from postsuper.c:625-806.
 */
#include "progs.h"

TEST(postsuper_actions)
{
	const struct event *ev = progs_line(
	    "Nov  6 01:01:03 mailq2 postfix/postsuper[1936]: 3nsRhm5bH5z306M: removed");
	CHECK_STR(progs_type(ev), "postsuper");
	CHECK_SPAN(ev->queue_id, "3nsRhm5bH5z306M");
	CHECK_SPAN(ev->action, "removed");
	CHECK_INT(ev->count, -1);
	const char *acts[] = {"requeued", "placed on hold", "released from hold", "expired"};
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		char msg[80];
		snprintf(msg, sizeof msg, "3C4631165B1: %s", acts[i]);
		ev = progs_msg("postfix/postsuper", msg);
		CHECK_STR(progs_type(ev), "postsuper");
		CHECK_SPAN(ev->action, acts[i]);
	}
}

TEST(postsuper_counts)
{
	const struct event *ev =
	    progs_line("Dec 15 11:04:46 phoenix postfix/postsuper[4378]: Deleted: 7280 messages");
	CHECK_STR(progs_type(ev), "postsuper");
	CHECK_SPAN(ev->action, "Deleted");
	CHECK_INT(ev->count, 7280);
	CHECK_SPAN(ev->queue_id, NULL);
	ev = progs_msg("postfix/postsuper", "Requeued: 1 message");
	CHECK_STR(progs_type(ev), "postsuper");
	CHECK_SPAN(ev->action, "Requeued");
	CHECK_INT(ev->count, 1);
	ev = progs_msg("postfix/postsuper", "Placed on hold: 3 messages");
	CHECK_SPAN(ev->action, "Placed on hold");
	CHECK_INT(ev->count, 3);
	ev = progs_line("Dec 15 11:01:51 phoenix postfix/postsuper[4274]: fatal: usage: postsuper "
			"[-c config_dir] [-d queue_id (delete)]");
	CHECK_STR(progs_type(ev), "warning");
}
