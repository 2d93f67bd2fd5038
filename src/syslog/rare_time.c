/*
 * rare_time.c - the time shapes few logs have, tried by prefix.c only
 * when the usual ones (classic, ISO, RFC 5424) have failed: journalctl
 * -o short-full ("Thu 2026-12-03 10:00:00 UTC", a zone's abbreviation),
 * -o short-unix (seconds since the epoch), a classic time with its
 * year after the day (syslog-ng's $YEAR), and a web UI's date as a
 * browser's locale writes it ("30/9/2017, 00:10:17", "9/30/2017,
 * 12:10:17 AM", "d.m.yyyy, hh:mm:ss").  Untrusted input: every read
 * is bounded by the span.
 */
#include "prefix_internal.h"

#include <string.h>

/* zone_abbr - the offset (minutes east) of a time zone as journalctl
 * -o short-full names it (strftime's %Z): UTC and the abbreviations
 * that tzdata gives one zone only; CST, IST, PST, AST and the like name
 * several and are not in the table (read as local time, see syslog_rare_time) */
static bool zone_abbr(struct span z, int *off)
{
	static const struct {
		const char *name;
		int off;
	} zones[] = {
	    {"UTC", 0},      {"GMT", 0},      {"UT", 0},       {"WET", 0},      {"WEST", 60},
	    {"BST", 60},     {"CET", 60},     {"CEST", 120},   {"MET", 60},     {"MEST", 120},
	    {"EET", 120},    {"EEST", 180},   {"MSK", 180},    {"WAT", 60},     {"CAT", 120},
	    {"EAT", 180},    {"SAST", 120},   {"PKT", 300},    {"HKT", 480},    {"JST", 540},
	    {"KST", 540},    {"AWST", 480},   {"ACST", 570},   {"ACDT", 630},   {"AEST", 600},
	    {"AEDT", 660},   {"NZST", 720},   {"NZDT", 780},   {"EST", -300},   {"EDT", -240},
	    {"MST", -420},   {"MDT", -360},   {"AKST", -540},  {"AKDT", -480},  {"HST", -600},
	    {"NST", -210},   {"NDT", -150},   {"ADT", -180},
	};
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (span_eqs(z, zones[i].name)) {
			*off = zones[i].off;
			return true;
		}
	/* "+03", "-0330", "+05:30": tzdata's name for a zone without one */
	if (z.n >= 3 && (z.p[0] == '+' || z.p[0] == '-')) {
		int h = num(z.p + 1, 2), m = 0;
		if (z.n == 5)
			m = num(z.p + 3, 2);
		else if (z.n == 6 && z.p[3] == ':')
			m = num(z.p + 4, 2);
		else if (z.n != 3)
			return false;
		if (h < 0 || m < 0 || h > 23 || m > 59)
			return false;
		*off = (z.p[0] == '-' ? -1 : 1) * (h * 60 + m);
		return true;
	}
	return false;
}

/* local_stamp - a local civil time as a stamp (the process's TZ) */
static void local_stamp(struct syslog_state *st, int y, int mo, int d, int h, int mi, int s,
			int64_t us, struct stamp *ts)
{
	int64_t epoch;
	int off;
	syslog_local_hour(st, y, mo, d, h, &epoch, &off);
	ts->us = (epoch + mi * 60 + s) * 1000000 + us;
	ts->tzoff = (int16_t)off;
}

/* clock_at - "hh:mm:ss" at p (8 bytes known to be there) */
static bool clock_at(const char *p, int *h, int *mi, int *s)
{
	*h = num(p, 2), *mi = num(p + 3, 2), *s = num(p + 6, 2);
	return *h >= 0 && *mi >= 0 && *s >= 0 && p[2] == ':' && p[5] == ':' && *h <= 23 &&
	       *mi <= 59 && *s <= 60;
}

/* short_full - journalctl -o short-full: "Thu 2026-12-03 10:00:00 UTC"
 * (a weekday, the date and time, the zone's abbreviation) */
static bool short_full(struct syslog_state *st, struct span *cur, struct stamp *ts)
{
	static const char days[] = "MonTueWedThuFriSatSun";
	const char *p = cur->p;
	if (cur->n < 26 || p[3] != ' ' || p[14] != ' ' || p[8] != '-' || p[11] != '-')
		return false;
	bool day = false;
	for (int i = 0; i < 7; i++)
		day |= !memcmp(p, days + 3 * i, 3);
	int y = num(p + 4, 4), mo = num(p + 9, 2), d = num(p + 12, 2), h, mi, s;
	if (!day || y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || !clock_at(p + 15, &h, &mi, &s))
		return false;
	struct span c = span_skip(*cur, 23);
	int64_t us = parse_fraction(&c, &ts->prec);
	if (!c.n || c.p[0] != ' ')
		return false;
	c = span_skip(c, 1);
	size_t n = 0;
	while (n < c.n && n < 8 && c.p[n] != ' ')
		n++;
	if (!n || n == c.n || c.p[n] != ' ')
		return false;
	int off;
	if (zone_abbr(span_head(c, n), &off)) {
		int64_t secs = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 +
			       mi * 60 + s;
		ts->us = (secs - (int64_t)off * 60) * 1000000 + us;
		ts->tzoff = (int16_t)off;
	} else {
		bool name = true;
		for (size_t i = 0; i < n; i++)
			name &= c.p[i] >= 'A' && c.p[i] <= 'Z';
		if (!name)
			return false;
		/* a name several zones share (CST, IST) or none we know: the
		 * time is read as local, as an ISO time without a zone */
		local_stamp(st, y, mo, d, h, mi, s, us, ts);
	}
	*cur = span_skip(c, n);
	return true;
}

/* short_unix - journalctl -o short-unix: "1795347123.253598", seconds
 * since the epoch (UTC), 9 to 11 digits */
static bool short_unix(struct span *cur, struct stamp *ts)
{
	size_t i = 0;
	int64_t secs = 0;
	while (i < cur->n && i < 12 && isdig(cur->p[i]))
		secs = secs * 10 + (cur->p[i++] - '0');
	if (i < 9 || i > 11 || i == cur->n || (cur->p[i] != '.' && cur->p[i] != ' '))
		return false;
	struct span c = span_skip(*cur, i);
	int64_t us = parse_fraction(&c, &ts->prec);
	if (!c.n || c.p[0] != ' ')
		return false;
	ts->us = secs * 1000000 + us;
	ts->tzoff = 0;
	*cur = c;
	return true;
}

/* classic_year - "Mmm dd yyyy hh:mm:ss[.frac]": the classic time with the
 * year after the day (syslog-ng's $YEAR in a template).  Its day is read
 * as prefix.c's parse_classic_y reads it, in a copy: a shared inline
 * cost the usual classic line 0.16 % more instructions (callgrind) */
static bool classic_year(struct syslog_state *st, struct span *cur, struct stamp *ts)
{
	const char *p = cur->p;
	if (cur->n < 20)
		return false;
	int mo = month_from_abbr(p), d;
	size_t i;
	if (!mo || p[3] != ' ')
		return false;
	if (p[4] == ' ' && isdig(p[5]))
		d = p[5] - '0', i = 6;
	else if (isdig(p[4]) && isdig(p[5]))
		d = (p[4] - '0') * 10 + (p[5] - '0'), i = 6;
	else if (isdig(p[4]) && p[5] == ' ')
		d = p[4] - '0', i = 5;
	else
		return false;
	int y, h, mi, s;
	if (i + 14 > cur->n || p[i] != ' ' || p[i + 5] != ' ' || (y = num(p + i + 1, 4)) < 1970 ||
	    d < 1 || d > 31 || !clock_at(p + i + 6, &h, &mi, &s))
		return false;
	struct span c = span_skip(*cur, i + 14);
	int64_t us = parse_fraction(&c, &ts->prec);
	local_stamp(st, y, mo, d, h, mi, s, us, ts);
	*cur = c;
	return true;
}

/* small_num - 1 to 4 digits at *i of s, or -1; *i moved past them */
static int small_num(struct span s, size_t *i, size_t max)
{
	int v = 0;
	size_t k = 0;
	while (*i < s.n && k < max && isdig(s.p[*i])) {
		v = v * 10 + (s.p[*i] - '0');
		(*i)++;
		k++;
	}
	return k ? v : -1;
}

/* browser_time - a web UI's date as a browser's toLocaleString writes it
 * ("30/9/2017, 00:10:17", "30.9.2017, 00:10:17", "9/30/2017, 12:10:17
 * AM"): mailcow's and other panels' log tables, copied.  Day and month:
 * the one above 12 is the day; else an AM/PM clock (en-US) puts the
 * month first, and the rest of the world the day */
static bool browser_time(struct syslog_state *st, struct span *cur, struct stamp *ts)
{
	struct span c = *cur;
	size_t i = 0;
	int a = small_num(c, &i, 2);
	if (a < 1 || i >= c.n || (c.p[i] != '/' && c.p[i] != '.'))
		return false;
	char sep = c.p[i++];
	int b = small_num(c, &i, 2);
	if (b < 1 || i >= c.n || c.p[i] != sep)
		return false;
	i++;
	size_t y0 = i;
	int y = small_num(c, &i, 4);
	if (i - y0 != 4 || y < 1970 || i + 2 > c.n || c.p[i] != ',' || c.p[i + 1] != ' ')
		return false;
	i += 2;
	int h = small_num(c, &i, 2), mi = -1, sec = -1;
	if (h >= 0 && i < c.n && c.p[i] == ':') {
		i++;
		size_t m0 = i;
		mi = small_num(c, &i, 2);
		if (i - m0 != 2 || i >= c.n || c.p[i] != ':')
			return false;
		i++;
		size_t s0 = i;
		sec = small_num(c, &i, 2);
		if (i - s0 != 2)
			return false;
	}
	if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
		return false;
	bool pm = false, ampm = false;
	if (i + 3 <= c.n && c.p[i] == ' ' &&
	    ((c.p[i + 1] | 0x20) == 'a' || (c.p[i + 1] | 0x20) == 'p') && (c.p[i + 2] | 0x20) == 'm' &&
	    (i + 3 == c.n || c.p[i + 3] == ' ' || c.p[i + 3] == '|' || c.p[i + 3] == '\t')) {
		ampm = true;
		pm = (c.p[i + 1] | 0x20) == 'p';
		i += 3;
	}
	if (ampm) {
		if (h < 1 || h > 12)
			return false;
		h = h % 12 + (pm ? 12 : 0);
	}
	int d, mo;
	if (a > 12)
		d = a, mo = b;
	else if (b > 12)
		mo = a, d = b;
	else if (ampm && sep == '/')
		mo = a, d = b;
	else
		d = a, mo = b;
	if (mo > 12 || d > 31)
		return false;
	local_stamp(st, y, mo, d, h, mi, sec, 0, ts);
	ts->prec = 0;
	*cur = span_skip(c, i);
	return true;
}

/* dotted_date - "d.m.yyyy, hh:mm:ss" or "dd.mm.yyyy hh:mm:ss": the day
 * first, as a browser's toLocaleString() prints a time in the German,
 * Russian and other locales (a web UI's log table copied out, mailcow's);
 * "dd-mm-yyyy hh:mm:ss" the same in the Dutch one (mailcow's log table
 * again); read as local time.  Tried after browser_time, for what it
 * leaves: no comma after the year, a fraction of a second, dashes */
static bool dotted_date(struct syslog_state *st, struct span *cur, struct stamp *ts)
{
	const char *p = cur->p;
	size_t n = cur->n, i = 0;
	int f[3];
	char sep = 0;
	for (int k = 0; k < 3; k++) {
		size_t at = i;
		int v = 0;
		while (i < n && i - at < (k == 2 ? 4u : 2u) && isdig(p[i]))
			v = v * 10 + (p[i++] - '0');
		if (i == at || (k == 2 && i - at != 4))
			return false;
		if (k < 2) {
			if (i == n || (p[i] != '.' && p[i] != '-') || (sep && p[i] != sep))
				return false;
			sep = p[i++];
		}
		f[k] = v;
	}
	if (i < n && p[i] == ',')
		i++;
	if (i + 9 > n || p[i] != ' ')
		return false;
	int h, mi, sec;
	if (f[0] < 1 || f[0] > 31 || f[1] < 1 || f[1] > 12 || f[2] < 1970 ||
	    !clock_at(p + i + 1, &h, &mi, &sec))
		return false;
	struct span c = span_skip(*cur, i + 9);
	int64_t us = parse_fraction(&c, &ts->prec);
	local_stamp(st, f[2], f[1], f[0], h, mi, sec, us, ts);
	*cur = c;
	return true;
}

/* syslog_rare_time - the time shapes few logs have (journalctl -o short-full and
 * -o short-unix, a classic time with its year after the day): tried only
 * when the usual shapes have failed, so those cost nothing more */
bool syslog_rare_time(struct syslog_state *st, struct span *cur, struct stamp *ts)
{
	if (!cur->n)
		return false;
	if (isdig(cur->p[0]))
		return short_unix(cur, ts) || browser_time(st, cur, ts) || dotted_date(st, cur, ts);
	return short_full(st, cur, ts) || classic_year(st, cur, ts);
}
