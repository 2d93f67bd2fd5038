/*
 * test_parse_anvil.c - anvil's and scache's statistics.  Real lines from
 * ../corpus, the conformance logs and the grok-pattern test data; the
 * other rates built from anvil.c:525.
 */
#include "progs.h"

TEST(anvil_statistics)
{
	const struct event *ev = progs_line(
	    "Nov 22 11:42:05 mx1 postfix/anvil[15101]: statistics: max connection rate 22/60s for "
	    "(smtp:203.0.113.67) at Nov 22 11:33:04");
	CHECK_STR(progs_type(ev), "anvil");
	CHECK_SPAN(ev->action, "connection rate");
	CHECK_INT(ev->count, 22);
	CHECK_SPAN(ev->client_ip, "203.0.113.67");
	ev = progs_line("Nov 22 11:42:05 mx1 postfix/anvil[15101]: statistics: max connection count "
			"1 for (smtp:203.0.113.67) at Nov 22 11:32:05");
	CHECK_SPAN(ev->action, "connection count");
	CHECK_INT(ev->count, 1);
	CHECK_SPAN(ev->client_ip, "203.0.113.67");
	ev = progs_line("Nov 22 11:42:05 mx1 postfix/anvil[15101]: statistics: max cache size 18 at "
			"Nov 22 11:37:40");
	CHECK_STR(progs_type(ev), "anvil");
	CHECK_SPAN(ev->action, "cache size");
	CHECK_INT(ev->count, 18);
	CHECK_SPAN(ev->client_ip, NULL);
	/* anvil.c:525 with an IPv6 client and the other rates */
	ev = progs_msg("postfix/anvil", "statistics: max recipient rate 120/60s for "
					"(submission:2001:db8::7) at Mar 14 02:47:07");
	CHECK_SPAN(ev->action, "recipient rate");
	CHECK_INT(ev->count, 120);
	CHECK_SPAN(ev->client_ip, "2001:db8::7");
	ev = progs_msg("postfix/anvil", "statistics: max newtls rate 3/60s for (smtp:192.0.2.4) at "
					"Mar 14 02:47:07");
	CHECK_SPAN(ev->action, "newtls rate");
}

TEST(scache_statistics)
{
	const struct event *ev =
	    progs_msg("postfix/scache", "statistics: domain lookup hits=0 miss=149 success=0%");
	CHECK_STR(progs_type(ev), "info");
	CHECK_SPAN(ev->action, "statistics");
	ev = progs_msg("postfix/scache", "statistics: start interval Dec 15 07:40:09");
	CHECK_STR(progs_type(ev), "info");
	ev = progs_msg("postfix/scache", "statistics: something new");
	CHECK_STR(progs_type(ev), "unknown");
}

TEST(anvil_service_names_and_unknown_client)
{
	/* grok-pattern test data: an inet-listener service name and an unknown
	 * client address (no client_ip then) */
	const struct event *ev = progs_msg("postfix/anvil", "statistics: max connection count 1 for "
							     "(127.0.0.1:2525:127.0.0.1) at Oct 26 19:46:00");
	CHECK_STR(progs_type(ev), "anvil");
	CHECK_SPAN(ev->client_ip, "127.0.0.1");
	ev = progs_msg("postfix/anvil", "statistics: max connection rate 1/5m for "
					"(smtpd:2604:8d00:0:1::3) at Oct 26 17:46:59");
	CHECK_SPAN(ev->client_ip, "2604:8d00:0:1::3");
	CHECK_INT(ev->count, 1);
	ev = progs_msg("postfix/anvil", "statistics: max connection rate 1/7d for (smtp:unknown) at "
					"Sep 7 07:14:19");
	CHECK_STR(progs_type(ev), "anvil");
	CHECK_SPAN(ev->client_ip, NULL);
}
