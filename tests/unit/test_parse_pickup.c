/*
 * test_parse_pickup.c - pickup lines.  A real line from the conformance
 * logs; orig_id and a hostile sender built from pickup/pickup.c:374.
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

