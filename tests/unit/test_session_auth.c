/*
 * test_session_auth.c - session_auth_failures on sessions built by hand:
 * what the end of a session says of its AUTH commands when the disconnect
 * line carries no counts (Postfix before 3.0, or an excerpt).
 */
#include "tap.h"

#include <string.h>
#include "analyze/analysis.h"

/* lost - a session that ended "REASON after STAGE", no counts */
static struct session lost(char *reason, char *stage)
{
	struct session s;
	memset(&s, 0, sizeof s);
	s.lost_reason = reason;
	s.lost_stage = stage;
	return s;
}

TEST(session_auth_lost_after_auth_counts_one)
{
	char r[] = "lost connection", st[] = "AUTH";
	struct session s = lost(r, st);
	CHECK_INT(session_auth_failures(&s), 1);
}

TEST(session_auth_lost_after_auth_look_alikes)
{
	/* after another command, a timeout (a slow client), or a login
	 * that succeeded: no failure */
	char r[] = "lost connection", st[] = "EHLO", t[] = "timeout", a[] = "AUTH";
	struct session s = lost(r, st);
	CHECK_INT(session_auth_failures(&s), 0);
	s = lost(t, a);
	CHECK_INT(session_auth_failures(&s), 0);
	char user[] = "alice@example.org";
	s = lost(r, a);
	s.sasl_username = user;
	CHECK_INT(session_auth_failures(&s), 0);
}
