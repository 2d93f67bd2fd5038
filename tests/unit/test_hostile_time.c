/*
 * test_hostile_time.c - classic syslog has no year: the year is inferred
 * (or forced) and moved on at Dec -> Jan.  Merged or disordered logs put
 * a late December line after the first January ones; that line belongs
 * to the old year and must not move the rest of the log a year ahead.
 */
#include "tap.h"

#include "syslog/prefix.h"
#include "util/timefmt.h"

/* year_of - the local year syslog_parse gives a classic line */
static int year_of(struct syslog_state *st, const char *line)
{
	struct logline l;
	if (!syslog_parse(st, span_of(line), &l))
		return -1;
	time_t t = (time_t)(l.ts.us / 1000000);
	struct tm tm;
	localtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

#define LINE(d) d " mx1 postfix/smtpd[1]: connect from unknown[192.0.2.1]"

/* the plain rollover, forced and inferred from the file's date */
TEST(hostile_time_dec_jan_rollover)
{
	struct syslog_state st;
	syslog_state_init(&st, 2025, 0);
	CHECK_INT(year_of(&st, LINE("Dec 31 23:59:58")), 2025);
	CHECK_INT(year_of(&st, LINE("Jan  1 00:00:02")), 2026);
	CHECK_INT(year_of(&st, LINE("Feb  1 00:00:02")), 2026);
	syslog_state_init(&st, 0, 1767571200); /* file dated 2026-01-05 */
	CHECK_INT(year_of(&st, LINE("Dec 30 10:00:00")), 2025);
	CHECK_INT(year_of(&st, LINE("Jan  4 10:00:00")), 2026);
}

/* a late December line among the January ones keeps its year, and the
 * January lines after it stay in the new year */
TEST(hostile_time_late_line_at_rollover)
{
	struct syslog_state st;
	syslog_state_init(&st, 2025, 0);
	CHECK_INT(year_of(&st, LINE("Dec 31 23:59:58")), 2025);
	CHECK_INT(year_of(&st, LINE("Jan  1 00:00:01")), 2026);
	CHECK_INT(year_of(&st, LINE("Dec 31 23:59:59")), 2025);
	CHECK_INT(year_of(&st, LINE("Jan  1 00:00:02")), 2026);
	CHECK_INT(year_of(&st, LINE("Dec 31 23:59:59")), 2025);
	CHECK_INT(year_of(&st, LINE("Jan  2 00:00:00")), 2026);
	CHECK_INT(year_of(&st, LINE("Mar  2 00:00:00")), 2026);
}
