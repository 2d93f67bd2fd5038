/*
 * test_steady_checks.c - verdict_steady_checks: a monitor's steady
 * capability checks (four or more, each ended by QUIT from a resolved
 * name, 20 s or more apart on average, nothing else) and what is not
 * one: a burst, an unresolved or hung-up probe, a refusal, untimed lines.
 */
#include "tap.h"

#include <string.h>
#include "analyze/analysis.h"

/* steady - a client of n steady checks over span seconds */
static struct client steady(uint32_t n, int64_t span)
{
	struct client c;
	memset(&c, 0, sizeof c);
	c.sessions = n;
	c.by_verdict[V_CAPABILITY_PROBE] = n;
	c.times = CT_TIMED;
	c.first_us = 1000000000000;
	c.last_us = c.first_us + span * 1000000;
	return c;
}

TEST(steady_checks_monitor)
{
	struct client c = steady(4, 73);
	CHECK(verdict_steady_checks(&c));
	CHECK(verdict_decide(&c) == V_HEALTH_CHECK);
	c = steady(12, 313);
	CHECK(verdict_steady_checks(&c));
}

TEST(steady_checks_not_a_monitor)
{
	struct client c = steady(3, 600); /* too few */
	CHECK(!verdict_steady_checks(&c));
	c = steady(5, 4); /* a burst */
	CHECK(!verdict_steady_checks(&c));
	CHECK(verdict_decide(&c) == V_CAPABILITY_PROBE);
	c = steady(6, 600);
	c.diag_flags |= CD_UNSTEADY; /* one hung up, or no resolved name */
	CHECK(!verdict_steady_checks(&c));
	c = steady(6, 600);
	c.times |= CT_UNTIMED;
	CHECK(!verdict_steady_checks(&c));
	c = steady(6, 600);
	c.rejects = 1;
	CHECK(!verdict_steady_checks(&c));
	c = steady(6, 600);
	c.by_verdict[V_CAPABILITY_PROBE] = 5;
	c.by_verdict[V_UNKNOWN] = 1;
	CHECK(!verdict_steady_checks(&c));
	c = steady(6, 600);
	c.auth_failures = 1;
	CHECK(!verdict_steady_checks(&c));
}
