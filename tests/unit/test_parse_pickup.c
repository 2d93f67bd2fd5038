/*
 * test_parse_pickup.c - pickup and postsuper lines.  Real lines from the
 * conformance logs; orig_id built from pickup/pickup.c:374.
 */
#include "progs.h"

TEST(pickup_uid_from)
{
	const struct event *ev = progs_msg("postfix/pickup", "3mKxs308vpz7sXd: uid=1206 from=<system>");
	CHECK_STR(progs_type(ev), "pickup");
	CHECK_SPAN(ev->queue_id, "3mKxs308vpz7sXd");
	CHECK_SPAN(ev->uid, "1206");
	CHECK_SPAN(ev->from, "system");
	CHECK_SPAN(ev->orig_queue_id, NULL);
}

TEST(pickup_orig_id_and_hostile_sender)
{
	const struct event *ev = progs_msg("postfix/pickup",
					   "9A1B2116601: uid=0 from=<a> orig_id=x@y> orig_id=5C3D1116600");
	CHECK_STR(progs_type(ev), "pickup");
	CHECK_SPAN(ev->uid, "0");
	CHECK_SPAN(ev->from, "a> orig_id=x@y");
	CHECK_SPAN(ev->orig_queue_id, "5C3D1116600");
	ev = progs_msg("postfix/pickup", "9A1B2116601: uid=0 from=<root>");
	CHECK_SPAN(ev->from, "root");
	ev = progs_msg("postfix/pickup", "9A1B2116601: uid=abc from=<root>");
	CHECK_STR(progs_type(ev), "unknown");
	ev = progs_msg("postfix/pickup", "9A1B2116601: uid=12 from=<ro");
	CHECK(ev->type == EV_UNKNOWN || ev->type == EV_PICKUP);
}

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
