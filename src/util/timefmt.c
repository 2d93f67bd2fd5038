/*
 * timefmt.c - civil <-> day-number conversion (proleptic Gregorian) and
 * ISO-8601 output.  No libc time zone calls here: they are slow and
 * depend on the environment; the syslog layer decides offsets.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timefmt.h"
#include "i18n.h"
#include "span.h"

/* days_from_civil - days since 1970-01-01 of y-m-d */
int64_t days_from_civil(int y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* buf_day - a day number as its date, 2026-11-22 */
void buf_day(struct buf *b, int64_t day)
{
	int y;
	unsigned m, d;
	civil_from_days(day, &y, &m, &d);
	buf_printf(b, "%04d-%02u-%02u", y, m, d);
}

/* civil_from_days - inverse of days_from_civil */
void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

/* floordiv - division rounding toward minus infinity */
static int64_t floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* two - two zero-padded digits */
static void two(struct buf *b, unsigned v)
{
	buf_putc(b, (char)('0' + (v / 10) % 10));
	buf_putc(b, (char)('0' + v % 10));
}

/* stamp_parts - local civil parts of a stamp */
static void stamp_parts(struct stamp t, int *y, unsigned *mo, unsigned *d, unsigned *h,
			unsigned *mi, unsigned *s, unsigned *us)
{
	/* clamped: a time near the end of 9999 shown east of UTC stays in 9999 */
	int64_t local = time_clamp(t.us) + (int64_t)t.tzoff * 60 * 1000000;
	if (local > TIME_MAX_US)
		local = TIME_MAX_US;
	int64_t secs = floordiv(local, 1000000);
	*us = (unsigned)(local - secs * 1000000);
	int64_t days = floordiv(secs, 86400);
	unsigned sod = (unsigned)(secs - days * 86400);
	civil_from_days(days, y, mo, d);
	*h = sod / 3600;
	*mi = sod / 60 % 60;
	*s = sod % 60;
}

/* buf_stamp - ISO-8601 with the fraction the source had and its offset */
void buf_stamp(struct buf *b, struct stamp t)
{
	int y;
	unsigned mo, d, h, mi, s, us;
	stamp_parts(t, &y, &mo, &d, &h, &mi, &s, &us);
	if (y < 0 || y > 9999)
		y = 0;
	two(b, (unsigned)y / 100);
	two(b, (unsigned)y % 100);
	buf_putc(b, '-');
	two(b, mo);
	buf_putc(b, '-');
	two(b, d);
	buf_putc(b, 'T');
	two(b, h);
	buf_putc(b, ':');
	two(b, mi);
	buf_putc(b, ':');
	two(b, s);
	if (t.prec) {
		char frac[7];
		unsigned v = us;
		for (int i = 5; i >= 0; i--) {
			frac[i] = (char)('0' + v % 10);
			v /= 10;
		}
		buf_putc(b, '.');
		buf_put(b, frac, t.prec > 6 ? 6 : t.prec);
	}
	int off = t.tzoff;
	buf_putc(b, off < 0 ? '-' : '+');
	if (off < 0)
		off = -off;
	two(b, (unsigned)off / 60);
	buf_putc(b, ':');
	two(b, (unsigned)off % 60);
}

/* buf_stamp_short - "YYYY-MM-DD hh:mm:ss" in the stamp's own offset */
void buf_stamp_short(struct buf *b, struct stamp t)
{
	int y;
	unsigned mo, d, h, mi, s, us;
	stamp_parts(t, &y, &mo, &d, &h, &mi, &s, &us);
	if (y < 0 || y > 9999)
		y = 0;
	/* TRANSLATORS: a date and time in the text output, as strftime(3)
	 * writes it; only the numeric conversions %Y %m %d %H %M %S */
	const char *fmt = C_("date and time", "%Y-%m-%d %H:%M:%S");
	if (!strcmp(fmt, "%Y-%m-%d %H:%M:%S")) {
		buf_printf(b, "%04d-%02u-%02u %02u:%02u:%02u", y, mo, d, h, mi, s);
		return;
	}
	struct tm tm = {.tm_year = y - 1900, .tm_mon = (int)mo - 1, .tm_mday = (int)d,
			.tm_hour = (int)h, .tm_min = (int)mi, .tm_sec = (int)s};
	char out[64];
	size_t n = strftime(out, sizeof out, fmt, &tm);
	if (n)
		buf_put(b, out, n);
	else
		buf_printf(b, "%04d-%02u-%02u %02u:%02u:%02u", y, mo, d, h, mi, s);
}

/* buf_stamp_clock - "hh:mm:ss" in the stamp's own offset, or with date
 * "YYYY-MM-DD hh:mm:ss": a text that names times of a log spanning more
 * than one calendar day must say which day */
void buf_stamp_clock(struct buf *b, struct stamp t, bool date)
{
	if (date) {
		buf_stamp_short(b, t);
		return;
	}
	int y;
	unsigned mo, d, h, mi, s, us;
	stamp_parts(t, &y, &mo, &d, &h, &mi, &s, &us);
	buf_printf(b, "%02u:%02u:%02u", h, mi, s);
}

/* stamp_same_day - do both fall on one calendar day, each read in its own
 * offset (as they are printed) */
bool stamp_same_day(struct stamp a, struct stamp b)
{
	int ya, yb;
	unsigned ma, mb, da, db, h, mi, s, us;
	stamp_parts(a, &ya, &ma, &da, &h, &mi, &s, &us);
	stamp_parts(b, &yb, &mb, &db, &h, &mi, &s, &us);
	return ya == yb && ma == mb && da == db;
}

/* month_from_locale - a month as journalctl or syslog writes it under
 * a locale whose abbreviation month_from_abbr does not read (glibc's
 * abmon, what strftime's %b gives): French "janv." "févr." "mars"
 * "avril" "juin" "juil." "août" "sept." "déc.", German "Mär", Spanish
 * "sept", Russian "янв".."дек" (and "май" beside "мая"), Polish "sty"
 * "kwi" "cze" "wrz" "paź" "gru"..., Czech "led" "úno" "bře" "kvě" "čen"
 * "čec" "srp" "zář" "říj" "pro"..., and the CJK "12月" ("1月", " 1月":
 * Japanese pads it), "12월"; 1..12, *len the bytes it took (a final '.'
 * included), when a blank follows; else 0.  ASCII letters in any case,
 * the others as glibc writes them.  Reads p[0..n) only: called when the
 * English three letters did not match, never on an ordinary line */
int month_from_locale(const char *p, size_t n, size_t *len)
{
	static const struct {
		const char *name;
		unsigned char mo;
	} names[] = {
	    {"janv", 1},  {"f\xc3\xa9vr", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
	    {"juil", 7},  {"ao\xc3\xbbt", 8}, {"sept", 9}, {"d\xc3\xa9\x63", 12},
	    {"M\xc3\xa4r", 3}, {"m\xc3\xa4r", 3},
	    {"\xd1\x8f\xd0\xbd\xd0\xb2", 1}, {"\xd1\x84\xd0\xb5\xd0\xb2", 2},
	    {"\xd0\xbc\xd0\xb0\xd1\x80", 3}, {"\xd0\xb0\xd0\xbf\xd1\x80", 4},
	    {"\xd0\xbc\xd0\xb0\xd1\x8f", 5}, {"\xd0\xbc\xd0\xb0\xd0\xb9", 5},
	    {"\xd0\xb8\xd1\x8e\xd0\xbd", 6}, {"\xd0\xb8\xd1\x8e\xd0\xbb", 7},
	    {"\xd0\xb0\xd0\xb2\xd0\xb3", 8}, {"\xd1\x81\xd0\xb5\xd0\xbd", 9},
	    {"\xd0\xbe\xd0\xba\xd1\x82", 10}, {"\xd0\xbd\xd0\xbe\xd1\x8f", 11},
	    {"\xd0\xb4\xd0\xb5\xd0\xba", 12},
	    {"sty", 1},   {"lut", 2},   {"kwi", 4},   {"cze", 6},  {"lip", 7},
	    {"sie", 8},   {"wrz", 9},   {"pa\xc5\xba", 10}, {"lis", 11}, {"gru", 12},
	    {"led", 1},   {"\xc3\xbano", 2}, {"b\xc5\x99\x65", 3}, {"dub", 4},
	    {"kv\xc4\x9b", 5}, {"\xc4\x8d\x65n", 6}, {"\xc4\x8d\x65\x63", 7}, {"srp", 8},
	    {"z\xc3\xa1\xc5\x99", 9}, {"\xc5\x99\xc3\xadj", 10}, {"pro", 12},
	};
	size_t i = 0;
	if (n && p[0] == ' ') /* ja_JP's " 1月" */
		i = 1;
	if (i < n && p[i] >= '0' && p[i] <= '9') {
		int mo = p[i] - '0';
		i++;
		if (i < n && p[i] >= '0' && p[i] <= '9')
			mo = mo * 10 + (p[i++] - '0');
		if (mo < 1 || mo > 12 || i + 3 >= n || p[i + 3] != ' ')
			return 0;
		if ((unsigned char)p[i] == 0xe6 && (unsigned char)p[i + 1] == 0x9c &&
		    (unsigned char)p[i + 2] == 0x88) /* 月 */
			return *len = i + 3, mo;
		if ((unsigned char)p[i] == 0xec && (unsigned char)p[i + 1] == 0x9b &&
		    (unsigned char)p[i + 2] == 0x94) /* 월 */
			return *len = i + 3, mo;
		return 0;
	}
	for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
		const char *w = names[k].name;
		size_t m = strlen(w), j = 0;
		if (m >= n)
			continue;
		while (j < m) {
			char a = p[j], b = w[j];
			if ((unsigned char)b < 0x80 && ((a | 0x20) >= 'a' && (a | 0x20) <= 'z'))
				a |= 0x20, b |= 0x20;
			if (a != b)
				break;
			j++;
		}
		if (j < m)
			continue;
		if (p[m] == '.' && m + 1 < n)
			m++;
		if (p[m] != ' ')
			continue;
		*len = m;
		return names[k].mo;
	}
	return 0;
}

/* month_from_abbr - a three-letter month to 1..12, else 0: English, and
 * the abbreviations journalctl writes under other locales (strftime's
 * %b) that differ from it: German (Mai, Okt, Dez, Mrz), Dutch (mrt, mei,
 * okt), Spanish (ene, abr, ago, dic), Portuguese (fev, abr, mai, ago,
 * set, out, dez), Italian (gen, mag, giu, lug, ago, set, ott, dic); any
 * case ("ott", "Ott", "OTT").  A name of four bytes or more (French
 * "févr.", German "M\xc3\xa4r") stays unread.  By the first letter,
 * then the others (a classic syslog line asks for every line: a loop
 * over the names cost 70 instructions for "Dec").  It reads p[1] only
 * after a month's first letter and p[2] only after a month's first two,
 * as a comparison name by name would */
int month_from_abbr(const char *p)
{
	char a = p[0] | 0x20, b, c;
	switch (a) {
	case 'j':
		b = p[1] | 0x20;
		if (b != 'a' && b != 'u')
			return 0;
		c = p[2] | 0x20;
		if (b == 'a')
			return c == 'n' ? 1 : 0;
		return c == 'n' ? 6 : c == 'l' ? 7 : 0;
	case 'f':
		b = p[1] | 0x20;
		if (b != 'e')
			return 0;
		c = p[2] | 0x20;
		return c == 'b' || c == 'v' ? 2 : 0;
	case 'm':
		b = p[1] | 0x20;
		if (b == 'r') {
			c = p[2] | 0x20;
			return c == 'z' || c == 't' ? 3 : 0;
		}
		if (b == 'e')
			return (p[2] | 0x20) == 'i' ? 5 : 0;
		if (b != 'a')
			return 0;
		c = p[2] | 0x20;
		return c == 'r' ? 3 : c == 'y' || c == 'i' || c == 'g' ? 5 : 0;
	case 'a':
		b = p[1] | 0x20;
		if (b == 'p')
			return (p[2] | 0x20) == 'r' ? 4 : 0;
		if (b == 'u')
			return (p[2] | 0x20) == 'g' ? 8 : 0;
		if (b == 'b')
			return (p[2] | 0x20) == 'r' ? 4 : 0;
		if (b == 'g')
			return (p[2] | 0x20) == 'o' ? 8 : 0;
		return 0;
	case 's':
		b = p[1] | 0x20;
		if (b != 'e')
			return 0;
		c = p[2] | 0x20;
		return c == 'p' || c == 't' ? 9 : 0;
	case 'o':
		b = p[1] | 0x20;
		if (b != 'c' && b != 'k' && b != 't' && b != 'u')
			return 0;
		return (p[2] | 0x20) == 't' ? 10 : 0;
	case 'n':
		b = p[1] | 0x20;
		return b == 'o' && (p[2] | 0x20) == 'v' ? 11 : 0;
	case 'd':
		b = p[1] | 0x20;
		if (b == 'e') {
			c = p[2] | 0x20;
			return c == 'c' || c == 'z' ? 12 : 0;
		}
		return b == 'i' && (p[2] | 0x20) == 'c' ? 12 : 0;
	case 'g':
		b = p[1] | 0x20;
		if (b == 'e')
			return (p[2] | 0x20) == 'n' ? 1 : 0;
		return b == 'i' && (p[2] | 0x20) == 'u' ? 6 : 0;
	case 'l':
		b = p[1] | 0x20;
		return b == 'u' && (p[2] | 0x20) == 'g' ? 7 : 0;
	case 'e':
		b = p[1] | 0x20;
		return b == 'n' && (p[2] | 0x20) == 'e' ? 1 : 0;
	default:
		return 0;
	}
}

/* parse_time_arg - "YYYY-MM-DD[ THH:MM[:SS]]" in local time, or "@EPOCH"
 * (seconds, any number of digits); the result is clamped (time_clamp) */
bool parse_time_arg(const char *s, int64_t *us)
{
	if (s[0] == '@') {
		int64_t v;
		if (!span_i64(span_of(s + 1), &v))
			return false;
		/* whole seconds first, so that v * 1000000 cannot overflow */
		if (v > TIME_MAX_US / 1000000)
			*us = TIME_MAX_US;
		else if (v < TIME_MIN_US / 1000000)
			*us = TIME_MIN_US;
		else
			*us = time_clamp(v * 1000000);
		return true;
	}
	struct tm tm = {0};
	int n = 0;
	int y, mo, d, h = 0, mi = 0, se = 0;
	/* field widths: no conversion can overflow an int */
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
		return false;
	const char *rest = s + n;
	if (*rest == 'T' || *rest == ' ') {
		int k = 0;
		if (sscanf(rest + 1, "%2d:%2d%n", &h, &mi, &k) != 2)
			return false;
		rest += 1 + k;
		if (*rest == ':') {
			if (sscanf(rest + 1, "%2d%n", &se, &k) != 1)
				return false;
			rest += 1 + k;
		}
	}
	if (*rest)
		return false;
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || se < 0 || se > 60)
		return false;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	/* years 0..9999 (and the day the zone moves them) stay far from overflow */
	*us = time_clamp((int64_t)t * 1000000);
	return true;
}
