/*
 * test_parse_bounce.c - bounce/defer/trace notifications.  Real lines from
 * ../corpus and the conformance logs; the failure warnings are built from
 * bounce_notify_service.c:249/259 and :204.
 */
#include "progs.h"

TEST(bounce_sender_non_delivery)
{
	const struct event *ev = progs_line("Nov 22 11:36:39 mx1 postfix/bounce[16144]: ADB29116594: "
					    "sender non-delivery notification: BE82711658A");
	CHECK_STR(progs_type(ev), "notification");
	CHECK_SPAN(ev->queue_id, "ADB29116594");
	CHECK_SPAN(ev->new_queue_id, "BE82711658A");
	CHECK_SPAN(ev->action, "non-delivery");
}

TEST(bounce_postmaster_delay_trace)
{
	const struct event *ev = progs_line("Dec 15 07:46:45 phoenix postfix/bounce[29114]: "
					    "5EDC01104345: postmaster non-delivery notification: "
					    "837471100954");
	CHECK_STR(progs_type(ev), "notification");
	CHECK_SPAN(ev->queue_id, "5EDC01104345");
	CHECK_SPAN(ev->new_queue_id, "837471100954");
	CHECK_SPAN(ev->action, "postmaster-non-delivery");
	ev = progs_line("Nov 22 11:40:03 mx1 postfix/bounce[16372]: BBE251165CE: sender delay "
			"notification: C8838116567");
	CHECK_STR(progs_type(ev), "notification");
	CHECK_SPAN(ev->queue_id, "BBE251165CE");
	CHECK_SPAN(ev->new_queue_id, "C8838116567");
	CHECK_SPAN(ev->action, "delay");
	/* the verify/trace service logs under postfix/bounce too */
	ev = progs_msg("postfix/bounce", "AE11A4011B7B: sender delivery status notification: 9C37E404B379");
	CHECK_STR(progs_type(ev), "notification");
	CHECK_SPAN(ev->new_queue_id, "9C37E404B379");
	CHECK_SPAN(ev->action, "delivery-status");
}

TEST(bounce_notification_failed)
{
	const struct event *ev = progs_msg(
	    "postfix/bounce",
	    "warning: 7A2B01165C3: sender notification failed to <>-x@example.org: Message content rejected");
	CHECK_STR(progs_type(ev), "notification");
	CHECK_SPAN(ev->queue_id, "7A2B01165C3");
	CHECK_SPAN(ev->action, "sender-failed");
	CHECK_SPAN(ev->to, "<>-x@example.org");
	CHECK_SPAN(ev->reason, "Message content rejected");
	CHECK_SPAN(ev->new_queue_id, NULL);
	ev = progs_msg("postfix/bounce", "warning: 7A2B01165C3: sender notification failed to "
					 "dave@example.test");
	CHECK_STR(progs_type(ev), "notification");
	CHECK_SPAN(ev->to, "dave@example.test");
	CHECK_SPAN(ev->reason, NULL);
	ev = progs_msg("postfix/bounce", "warning: 7A2B01165C3: postmaster notification failed: "
					 "Insufficient system storage");
	CHECK_STR(progs_type(ev), "notification");
	CHECK_SPAN(ev->action, "postmaster-failed");
	CHECK_SPAN(ev->reason, "Insufficient system storage");
}

TEST(bounce_config_warnings_are_warnings)
{
	/* ../corpus: Debian 3.7's bounce template warning */
	const struct event *ev = progs_line(
	    "Nov 22 11:40:03 mx1 postfix/bounce[16372]: warning: [built-in]: zero result in delay "
	    "template conversion of parameter \"delay_warning_time_hours\"");
	CHECK_STR(progs_type(ev), "warning");
	CHECK_SPAN(ev->queue_id, NULL);
	/* a damaged child queue ID: still the notification, no bogus link */
	ev = progs_msg("postfix/bounce", "ADB29116594: sender non-delivery notification: BE8271");
	CHECK_STR(progs_type(ev), "notification");
	CHECK_SPAN(ev->new_queue_id, "BE8271");
	ev = progs_msg("postfix/bounce", "ADB29116594: sender non-delivery notification: ");
	CHECK_STR(progs_type(ev), "notification");
	CHECK_SPAN(ev->new_queue_id, NULL);
}
