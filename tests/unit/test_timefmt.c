/* test_timefmt.c - clocks with or without the date, and calendar days in
 * each stamp's own offset. */
#include "tap.h"
#include "util/timefmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* at - a stamp from civil UTC time and an offset in minutes */
static struct stamp at(int y, unsigned mo, unsigned d, int h, int mi, int s, int tzoff)
{
	int64_t secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	return (struct stamp){secs * 1000000, (int16_t)tzoff, 0};
}

/* clock - buf_stamp_clock into a static string */
static const char *clock(struct stamp t, bool date)
{
	static char out[64];
	struct buf b = {0};
	buf_stamp_clock(&b, t, date);
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p);
	buf_free(&b);
	return out;
}

TEST(timefmt_clock_with_and_without_date)
{
	struct stamp t = at(2026, 11, 21, 23, 59, 58, 0);
	CHECK_STR(clock(t, false), "23:59:58");
	CHECK_STR(clock(t, true), "2026-11-21 23:59:58");
	/* shown in the stamp's own offset: 23:30 UTC is 01:30 the next day at +02:00 */
	struct stamp e = at(2026, 12, 31, 23, 30, 0, 120);
	CHECK_STR(clock(e, false), "01:30:00");
	CHECK_STR(clock(e, true), "2027-01-01 01:30:00");
}

TEST(timefmt_same_day_in_own_offset)
{
	CHECK(stamp_same_day(at(2026, 11, 22, 0, 0, 0, 0), at(2026, 11, 22, 23, 59, 59, 0)));
	CHECK(!stamp_same_day(at(2026, 11, 22, 23, 59, 59, 0), at(2026, 11, 23, 0, 0, 0, 0)));
	CHECK(!stamp_same_day(at(2026, 11, 22, 12, 0, 0, 0), at(2027, 11, 22, 12, 0, 0, 0)));
	/* the same UTC day, two local days at -05:00 */
	CHECK(!stamp_same_day(at(2026, 11, 22, 3, 0, 0, -300), at(2026, 11, 22, 6, 0, 0, -300)));
	/* two UTC days, one local day at +01:00 */
	CHECK(stamp_same_day(at(2026, 11, 21, 23, 30, 0, 60), at(2026, 11, 22, 22, 0, 0, 60)));
	/* the ends of the range times are clamped into (1970..9999) */
	CHECK(stamp_same_day(at(1970, 1, 1, 0, 0, 1, 0), at(1970, 1, 1, 23, 59, 59, 0)));
	CHECK(!stamp_same_day(at(1970, 1, 1, 23, 59, 59, 0), at(1970, 1, 2, 0, 0, 0, 0)));
	CHECK(!stamp_same_day(at(9999, 12, 30, 23, 59, 59, 0), at(9999, 12, 31, 0, 0, 0, 0)));
}

/* month_ref - month_from_abbr as a comparison name by name, in any case:
 * the English names, then the other locales' that differ (German,
 * Dutch, Spanish, Portuguese, Italian) */
#define MONTH_NAMES 30
static int month_ref(const char *p)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec"
				    "mrzmaioktdez" "mrtmei" "eneabragodic" "fevsetout" "genmaggiulugott";
	static const int month[MONTH_NAMES] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 3, 5, 10, 12, 3, 5,
					       1, 4, 8, 12, 2, 9, 10, 1, 5, 6, 7, 10};
	char low[3];
	for (int k = 0; k < 3; k++)
		low[k] = p[k] >= 'A' && p[k] <= 'Z' ? (char)(p[k] + 32) : p[k];
	for (int i = 0; i < MONTH_NAMES; i++)
		if (low[0] == names[i * 3] && low[1] == names[i * 3 + 1] && low[2] == names[i * 3 + 2])
			return month[i];
	return 0;
}

/* every three bytes of the months' letters, their other case and a few
 * others give the name-by-name answer; and it reads no byte past the
 * first that no month's name has there (a NUL stops it) */
TEST(month_from_abbr_same_as_names)
{
	static const char bytes[] = "JFMASONDGLE" "anebrpyulgctovkzitd" "jfmsdgle" "EBRPYULGCTVIZKTD"
				     " x\xc1@[`{"; /* some twice */
	size_t bad = 0, months = 0;
	for (size_t a = 0; a < sizeof bytes - 1; a++)
		for (size_t b = 0; b < sizeof bytes - 1; b++)
			for (size_t c = 0; c < sizeof bytes - 1; c++) {
				char p[3] = {bytes[a], bytes[b], bytes[c]};
				int want = month_ref(p);
				months += want != 0;
				bad += month_from_abbr(p) != want;
			}
	CHECK_INT(bad, 0);
	CHECK(months >= MONTH_NAMES * 2); /* each name at least in two cases */
	CHECK_INT(month_from_abbr("ott"), 10);
	CHECK_INT(month_from_abbr("DIC"), 12);
	CHECK_INT(month_from_abbr("Out"), 10);
	CHECK_INT(month_from_abbr("Thu"), 0);
	CHECK_INT(month_from_abbr("Wed"), 0);
	CHECK_INT(month_from_abbr("Dec"), 12);
	CHECK_INT(month_from_abbr("Okt"), 10);
	CHECK_INT(month_from_abbr("Mai"), 5);
	CHECK_INT(month_from_abbr("Ja"), 0); /* "Ja\0": stops at the NUL */
	CHECK_INT(month_from_abbr("D"), 0);
	CHECK_INT(month_from_abbr(""), 0);
}

/* month_from_locale: each locale's abbreviation as glibc's abmon writes
 * it (its length, a final '.' taken), the CJK numbered months; a blank
 * must follow; a name cut by the end of the input, another word, or a
 * month number out of range are no month (each read from an exact heap
 * copy: ASan sees a read past its end) */
static int loc(const char *s, size_t *len)
{
	size_t n = strlen(s);
	char *p = malloc(n ? n : 1);
	memcpy(p, s, n);
	*len = 0;
	int mo = month_from_locale(p, n, len);
	free(p);
	return mo;
}

TEST(month_from_locale_names)
{
	static const struct {
		const char *in;
		int mo;
		size_t len;
	} cases[] = {
	    {"janv. 05", 1, 5},  {"f\xc3\xa9vr. 05", 2, 6}, {"mars 05", 3, 4},  {"avril 05", 4, 5},
	    {"juin 05", 6, 4},   {"juil. 05", 7, 5},        {"ao\xc3\xbbt 05", 8, 5},
	    {"sept. 05", 9, 5},  {"sept 05", 9, 4},         {"d\xc3\xa9\x63. 05", 12, 5},
	    {"M\xc3\xa4r 05", 3, 4}, {"JANV. 05", 1, 5},
	    {"\xd0\xb4\xd0\xb5\xd0\xba 05", 12, 6}, {"\xd0\xbc\xd0\xb0\xd1\x8f 05", 5, 6},
	    {"\xd0\xbc\xd0\xb0\xd0\xb9 05", 5, 6},  {"\xd1\x8f\xd0\xbd\xd0\xb2. 05", 1, 7},
	    {"gru 05", 12, 3},   {"pa\xc5\xba 05", 10, 4},  {"kwi 05", 4, 3},
	    {"\xc5\x99\xc3\xadj 05", 10, 5}, {"\xc3\xbano 05", 2, 4}, {"pro 05", 12, 3},
	    {"12\xe6\x9c\x88 05", 12, 5}, {"1\xe6\x9c\x88 05", 1, 4}, {" 1\xe6\x9c\x88 05", 1, 5},
	    {"11\xec\x9b\x94 05", 11, 5},
	    /* no month */
	    {"d\xc3\xa9\x63", 0, 0}, {"decembre 05", 0, 0}, {"gruz 05", 0, 0}, {"13\xe6\x9c\x88 05", 0, 0},
	    {"0\xe6\x9c\x88 05", 0, 0}, {"12\xe6\x9c 05", 0, 0}, {"12\xe6\x9c\x88", 0, 0},
	    {"", 0, 0}, {" ", 0, 0}, {"1", 0, 0}, {"Dec 05", 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len;
		int mo = loc(cases[i].in, &len);
		if (mo != cases[i].mo || (mo && len != cases[i].len)) {
			fprintf(stderr, "  case %zu: %d/%zu\n", i, mo, len);
			CHECK(0);
		}
	}
}
