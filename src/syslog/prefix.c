/*
 * prefix.c - parse the syslog prefix of a line in any of the shapes
 * listed in prefix.h.  Untrusted input: every access is bounds-checked
 * through span helpers; a line that fits no shape returns false.
 */
#include "prefix.h"
#include "prefix_internal.h"
#include "prefix_memo.h"
#include "../util/xalloc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* syslog_state_init - start a new file: reset year inference */
void syslog_state_init(struct syslog_state *st, int forced_year, time_t ref)
{
	memset(st, 0, offsetof(struct syslog_state, json_msg));
	st->forced_year = forced_year;
	st->ref = ref ? ref : time(NULL);
	st->hour_key = -1;
}

/* local_hour - epoch seconds and UTC offset of a local civil hour */
static void local_hour(struct syslog_state *st, int y, int mo, int d, int h, int64_t *epoch,
		       int *off)
{
	int64_t key = (((int64_t)y * 13 + mo) * 32 + d) * 24 + h;
	if (key != st->hour_key) {
		struct tm tm = {0};
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
		tm.tm_hour = h;
		tm.tm_isdst = -1;
		time_t t = mktime(&tm);
		struct tm lt;
		localtime_r(&t, &lt);
		st->hour_key = key;
		st->hour_epoch = (int64_t)t;
		st->hour_off = (int)(lt.tm_gmtoff / 60);
	}
	*epoch = st->hour_epoch;
	*off = st->hour_off;
}

/* syslog_local_hour - local_hour for rare_time.c (local_hour stays
 * static: the usual shapes call it on every line) */
void syslog_local_hour(struct syslog_state *st, int y, int mo, int d, int h, int64_t *epoch, int *off)
{
	local_hour(st, y, mo, d, h, epoch, off);
}

/* infer_year - the year of a classic timestamp in month mo */
static inline __attribute__((always_inline)) int infer_year(struct syslog_state *st, int mo)
{
	if (!st->year) {
		if (st->forced_year) {
			st->year = st->forced_year;
		} else {
			struct tm rt;
			localtime_r(&st->ref, &rt);
			st->year = rt.tm_year + 1900;
			if (mo > rt.tm_mon + 1)
				st->year--; /* a month after the file's date: last year */
		}
	} else if (st->last_month >= 10 && mo <= 3 && mo < st->last_month) {
		st->year++; /* Dec -> Jan */
	} else if (st->last_month == 1 && mo == 12) {
		return st->year - 1; /* a late line of the old year (merged logs) */
	}
	st->last_month = mo;
	return st->year;
}

/* parse_classic - "Mmm dd hh:mm:ss[.frac] "; the year inferred, or year
 * when it is not 0 (a template that writes it first) */
static inline __attribute__((always_inline)) bool parse_classic_y(struct syslog_state *st, struct span *cur,
								 struct stamp *ts, int year)
{
	const char *p = cur->p;
	if (cur->n < 14)
		return false;
	/* the minute of the line before: the same bytes through "hh:mm:", read
	 * with the same year (infer_year then changes nothing) and the same
	 * hour in local_hour's cache (mktime's answer for an hour that comes
	 * twice, when summer time ends, may change from call to call), leave
	 * only the second and the fraction to read */
	struct prefix_memo *m = &st->memo;
	size_t k = m->min_len;
	if (k && cur->n >= k + 2 && m->min_year_arg == year &&
	    (year || (st->year && st->year == m->min_year && st->last_month == m->min_month)) &&
	    st->hour_key == m->min_hour_key && st->hour_epoch == m->min_hour_epoch &&
	    st->hour_off == m->min_off && bytes_eq(p, m->min_key, k)) {
		unsigned s1 = (unsigned)(unsigned char)p[k] - '0', s0 = (unsigned)(unsigned char)p[k + 1] - '0';
		int s = (int)(s1 * 10 + s0);
		if (s1 <= 9 && s0 <= 9 && s <= 60) {
			*cur = span_skip(*cur, k + 2);
			/* parse_fraction only where a '.' follows: classic
			 * syslog times have none (speed34: its call, kept out
			 * of line by GCC, was a tenth of this path) */
			int64_t us = 0;
			if (cur->n && cur->p[0] == '.')
				us = parse_fraction(cur, &ts->prec);
			else
				ts->prec = 0;
			ts->us = (m->min_epoch + s) * 1000000 + us;
			ts->tzoff = (int16_t)m->min_off;
			return true;
		}
	}
	int mo = month_from_abbr(p);
	size_t skew = 0;
	if (!mo || p[3] != ' ') {
		/* another locale's month (French "janv.", Russian, Polish,
		 * Czech, CJK "12" and the month sign: month_from_locale),
		 * read as if its three letters ended where it ends */
		size_t ml;
		mo = month_from_locale(p, cur->n, &ml);
		if (!mo || ml < 3 || cur->n < ml + 11)
			return false;
		skew = ml - 3;
		p += skew;
	}
	int d;
	size_t i = 4;
	if (p[4] == ' ' && isdig(p[5]))
		d = p[5] - '0', i = 6;
	else if (isdig(p[4]) && isdig(p[5]))
		d = (p[4] - '0') * 10 + (p[5] - '0'), i = 6;
	else if (isdig(p[4]) && p[5] == ' ')
		d = p[4] - '0', i = 5;
	else
		return false;
	if (skew + i + 9 > cur->n || p[i] != ' ')
		return false;
	int h = num(p + i + 1, 2), mi = num(p + i + 4, 2), s = num(p + i + 7, 2);
	if (h < 0 || mi < 0 || s < 0 || p[i + 3] != ':' || p[i + 6] != ':' || h > 23 || mi > 59 ||
	    s > 60 || d < 1 || d > 31)
		return false;
	*cur = span_skip(*cur, skew + i + 9);
	int64_t us = parse_fraction(cur, &ts->prec);
	int y = year ? year : infer_year(st, mo);
	int64_t epoch;
	int off;
	local_hour(st, y, mo, d, h, &epoch, &off);
	ts->us = (epoch + mi * 60 + s) * 1000000 + us;
	ts->tzoff = (int16_t)off;
	if (skew + i + 7 > sizeof m->min_key) {
		m->min_len = 0;
		return true;
	}
	memcpy(m->min_key, p - skew, skew + i + 7);
	m->min_len = (uint8_t)(skew + i + 7);
	m->min_year_arg = year;
	m->min_year = y;
	m->min_month = mo;
	m->min_epoch = epoch + mi * 60;
	m->min_off = off;
	m->min_hour_key = st->hour_key;
	m->min_hour_epoch = st->hour_epoch;
	return true;
}

static inline __attribute__((always_inline)) bool parse_classic(struct syslog_state *st, struct span *cur, struct stamp *ts)
{
	return parse_classic_y(st, cur, ts, 0);
}

/* parse_year_classic - "yyyy Mmm dd hh:mm:ss[.frac] ": the classic time
 * after the year (some rsyslog and syslog-ng templates) */
static bool parse_year_classic(struct syslog_state *st, struct span *cur, struct stamp *ts)
{
	if (cur->n < 19 || cur->p[4] != ' ')
		return false;
	int y = num(cur->p, 4);
	if (y < 1970)
		return false;
	struct span c = span_skip(*cur, 5);
	if (!parse_classic_y(st, &c, ts, y))
		return false;
	*cur = c;
	return true;
}

/* iso_zone - "Z", "+hh:mm" or "+hhmm" at *cur: minutes east, consumed */
static bool iso_zone(struct syslog_state *st, struct span *cur, int *off, bool *have)
{
	*have = false;
	if (cur->n && cur->p[0] == 'Z') {
		*cur = span_skip(*cur, 1);
		*off = 0;
		*have = true;
		return true;
	}
	if (cur->n < 5 || (cur->p[0] != '+' && cur->p[0] != '-'))
		return true; /* no zone: local time */
	size_t len = cur->n >= 6 && cur->p[3] == ':' ? 6 : 5;
	if (st->zone_valid && st->zone_len == len && cur->p[1] == st->zone_key[1] &&
	    cur->p[2] == st->zone_key[2] && cur->p[len - 2] == st->zone_key[len - 2] &&
	    cur->p[len - 1] == st->zone_key[len - 1] && cur->p[0] == st->zone_key[0] &&
	    cur->p[3] == st->zone_key[3]) {
		*off = st->zone_off;
	} else {
		int oh = num(cur->p + 1, 2), om = num(cur->p + (len == 6 ? 4 : 3), 2);
		if (oh < 0 || om < 0 || oh > 23 || om > 59)
			return false;
		*off = oh * 60 + om;
		if (cur->p[0] == '-')
			*off = -*off;
		memcpy(st->zone_key, cur->p, len);
		st->zone_len = len;
		st->zone_off = *off;
		st->zone_valid = true;
	}
	*cur = span_skip(*cur, len);
	*have = true;
	return true;
}

/* same19 - are the 19 bytes at a and b equal (three loads each, no call) */
static inline bool same19(const char *a, const char *b)
{
	uint64_t a0, a1, a2, b0, b1, b2;
	memcpy(&a0, a, 8), memcpy(&a1, a + 8, 8), memcpy(&a2, a + 11, 8);
	memcpy(&b0, b, 8), memcpy(&b1, b + 8, 8), memcpy(&b2, b + 11, 8);
	return ((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2)) == 0;
}

/* the bytes of the usual ISO time the memo compares: all but the
 * fraction's six digits (bytes 20..25) */
#define ISO_KEEP2 0x00000000FFFFFFFFULL
#define ISO_KEEP3 0xFFFFFFFFFFFF0000ULL

static bool parse_iso_long(struct syslog_state *st, struct span *cur, struct stamp *ts);

/* parse_iso - "YYYY-MM-DD[T ]hh:mm:ss[.frac](Z|+hh:mm|+hhmm)?"
 * The shape of nearly every line of a busy log is decided here in a few
 * word operations, inline: the 32 bytes of the last such line but for the
 * fraction (the same second, '.', the same "+hh:mm" zone) and six digits;
 * the rest in parse_iso_long */
static inline __attribute__((always_inline)) bool parse_iso(struct syslog_state *st, struct span *cur,
							    struct stamp *ts)
{
	const char *p = cur->p;
	const struct prefix_memo *m = &st->memo;
	uint64_t frac;
	if (m->iso_ok && cur->n >= 32 &&
	    ((load_le64(p) ^ m->iso_w[0]) | (load_le64(p + 8) ^ m->iso_w[1]) |
	     ((load_le64(p + 16) ^ m->iso_w[2]) & ISO_KEEP2) | ((load_le64(p + 24) ^ m->iso_w[3]) & ISO_KEEP3)) == 0 &&
	    swar_digits(p + 18, 6, &frac)) {
		ts->prec = 6;
		ts->us = m->iso_us + (int64_t)frac;
		ts->tzoff = (int16_t)m->iso_off;
		*cur = span_skip(*cur, 32);
		return true;
	}
	return parse_iso_long(st, cur, ts);
}

/* parse_iso_long - parse_iso's other lines.  Lines of the same second
 * share their first 19 bytes: the converted value of the last one is
 * reused. */
static __attribute__((noinline)) bool parse_iso_long(struct syslog_state *st, struct span *cur,
						      struct stamp *ts)
{
	const char *p = cur->p;
	if (cur->n < 19)
		return false;
	struct prefix_memo *m = &st->memo;
	int64_t secs;
	int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
	if (st->iso_valid && same19(p, st->iso_key)) {
		secs = st->iso_secs;
	} else {
		if (p[4] != '-' || p[7] != '-' || (p[10] != 'T' && p[10] != ' ') || p[13] != ':' ||
		    p[16] != ':')
			return false;
		y = num(p, 4), mo = num(p + 5, 2), d = num(p + 8, 2);
		h = num(p + 11, 2), mi = num(p + 14, 2), s = num(p + 17, 2);
		if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 ||
		    mi > 59 || s < 0 || s > 60)
			return false;
		secs = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + s;
		memcpy(st->iso_key, p, 19);
		st->iso_secs = secs;
		st->iso_valid = true;
	}
	*cur = span_skip(*cur, 19);
	int64_t us = parse_fraction(cur, &ts->prec);
	int off = 0;
	bool have_off;
	if (!iso_zone(st, cur, &off, &have_off))
		return false;
	if (have_off) {
		ts->us = (secs - (int64_t)off * 60) * 1000000 + us;
		ts->tzoff = (int16_t)off;
		if (cur->p == p + 32 && ts->prec == 6 && p[19] == '.' && p[29] == ':') {
			/* the usual shape, for the memo above */
			m->iso_w[0] = load_le64(p), m->iso_w[1] = load_le64(p + 8);
			m->iso_w[2] = load_le64(p + 16) & ISO_KEEP2, m->iso_w[3] = load_le64(p + 24) & ISO_KEEP3;
			m->iso_us = (secs - (int64_t)off * 60) * 1000000;
			m->iso_off = off;
			m->iso_ok = true;
		}
		return true;
	}
	/* no zone: local time, by the hour cache */
	int64_t day = secs / 86400, sod = secs % 86400;
	int yy;
	unsigned mm, dd;
	civil_from_days(day, &yy, &mm, &dd);
	int64_t epoch;
	int loff;
	local_hour(st, yy, (int)mm, (int)dd, (int)(sod / 3600), &epoch, &loff);
	ts->us = (epoch + (sod % 3600)) * 1000000 + us;
	ts->tzoff = (int16_t)loff;
	(void)y, (void)mo, (void)d, (void)h, (void)mi, (void)s;
	return true;
}

/* next_token - cut the next space-delimited token (host names and tags
 * are short: a plain loop beats a memchr call) */
static inline bool next_token(struct span *cur, struct span *tok)
{
	const char *p = cur->p, *end = cur->p + cur->n;
	while (p < end && *p == ' ')
		p++;
	if (p == end) {
		*cur = span_make(end, 0);
		return false;
	}
	const char *q = span_scan(p, end, ' ');
	*tok = span_make(p, (size_t)(q - p));
	if (q < end)
		q++;
	*cur = span_make(q, (size_t)(end - q));
	return true;
}

/* parse_tag - "prog[pid]:" or "prog:"; false if tok is not a tag */
static inline bool parse_tag(struct span tok, struct logline *out)
{
	if (tok.n < 2 || tok.p[tok.n - 1] != ':')
		return false;
	return syslog_tag_n(tok.p, tok.n - 1, out);
}

/* take_severity - strip a Postfix "warning: ", "error: ", "fatal: " or
 * "panic: " from the text (their first letters tell them apart) */
static inline __attribute__((always_inline)) void take_severity(struct logline *out)
{
	if (!out->text.n)
		return;
	if (!out->postfix) {
		/* a systemd unit for a tag (journalctl -o with-unit): the
		 * program told by unit_tag.c, Postfix's daemons by their words */
		if (out->daemon.n > 8 && out->daemon.p[out->daemon.n - 1] == 'e' && !out->instance.n &&
		    syslog_unit_tag(out))
			return;
		/* a script's tag over a Postfix command's stderr */
		if (out->text.p[0] == 'p' || out->text.p[0] == '/')
			syslog_nested_foreign(out);
		/* master's own tag without "postfix/" (a container's log
		 * relay that drops the syslog_name): its start, reload and
		 * stop lines only, Cyrus's master also logs as "master" */
		else if (span_eqs(out->daemon, "master") && !out->instance.n &&
			 (span_starts(out->text, "daemon started -- version ") ||
			  span_starts(out->text, "reload -- version ") ||
			  span_starts(out->text, "terminating on signal ")))
			out->postfix = true;
		return;
	}
	const char *p = out->text.p;
	size_t n = out->text.n, k;
	switch (p[0]) {
	case '/':
		syslog_nested_command(out);
		return;
	case 'w':
		if (n < 9 || !bytes_eq(p, "warning: ", 9))
			return;
		k = 7;
		break;
	case 'e':
		if (n < 7 || !bytes_eq(p, "error: ", 7))
			return;
		k = 5;
		break;
	case 'f':
		if (n < 7 || !bytes_eq(p, "fatal: ", 7))
			return;
		k = 5;
		break;
	case 'p':
		if (n < 7 || !bytes_eq(p, "panic: ", 7)) {
			syslog_nested_command(out);
			return;
		}
		k = 5;
		break;
	default:
		return;
	}
	out->severity = span_head(out->text, k);
	out->text = span_skip(out->text, k + 2);
}

/* syslog_take_severity - take_severity for the other shapes' readers */
void syslog_take_severity(struct logline *out)
{
	take_severity(out);
}

/* parse_5424 - "1 TS HOST APP PROCID MSGID SD MSG" after the PRI */
static bool parse_5424(struct syslog_state *st, struct span cur, struct logline *out)
{
	struct span tok;
	if (!span_eat(&cur, "1 "))
		return false;
	if (!parse_iso(st, &cur, &out->ts) || !span_eat(&cur, " "))
		return false;
	struct span host, app, procid, msgid;
	if (!next_token(&cur, &host) || !next_token(&cur, &app) || !next_token(&cur, &procid) ||
	    !next_token(&cur, &msgid))
		return false;
	(void)msgid;
	/* structured data: "-" or one or more [..] with \] escapes */
	if (span_eat(&cur, "-")) {
		span_eat(&cur, " ");
	} else {
		while (cur.n && cur.p[0] == '[') {
			size_t i = 1;
			while (i < cur.n && cur.p[i] != ']')
				i += (cur.p[i] == '\\' && i + 1 < cur.n) ? 2 : 1;
			if (i >= cur.n)
				return false;
			cur = span_skip(cur, i + 1);
		}
		span_eat(&cur, " ");
	}
	span_eat(&cur, "\xef\xbb\xbf"); /* BOM */
	out->format = FMT_RFC5424;
	out->host = span_eqs(host, "-") ? span_make(host.p, 0) : host;
	out->pid = -1;
	syslog_split_tag(app, out);
	int64_t pid;
	if (span_i64(procid, &pid))
		out->pid = pid;
	out->text = cur;
	(void)tok;
	syslog_take_severity(out);
	return true;
}

/* host_suspect - a "host" that a pasted line put where syslog puts the
 * host: a level word (INFO, warning, [err]) or a column separator ('|',
 * '-').  One bit test rules out most host names by their first byte. */
static inline bool level_cached(struct syslog_state *st, struct span h);
static inline bool host_suspect(struct syslog_state *st, struct span h)
{
	/* bytes 64..127 that may start one: the first letters of alert crit
	 * debug emerg fatal info notice panic trace warning in both cases,
	 * '[' and '|' */
#define B(ch) (1ULL << ((ch) - 64))
	const uint64_t m = B('A') | B('C') | B('D') | B('E') | B('F') | B('I') | B('N') | B('P') |
			   B('T') | B('W') | B('a') | B('c') | B('d') | B('e') | B('f') | B('i') |
			   B('n') | B('p') | B('t') | B('w') | B('[') | B('|');
#undef B
	unsigned c = (unsigned char)h.p[0] - 64u;
	if (c < 64)
		return (m >> c & 1) && (h.n == 1 ? h.p[0] == '|' : level_cached(st, h));
	return h.n == 1 ? h.p[0] == '-' : (h.p[0] == '<' || h.p[0] == '(') && level_cached(st, h);
}

/* level_cached - syslog_is_level, remembered for the last host name: a
 * host named like a level word ("conch", "ns1") was tried on every line */
static inline bool level_cached(struct syslog_state *st, struct span h)
{
	if (h.n == st->host_len && !memcmp(h.p, st->host_key, h.n))
		return st->host_bad;
	bool bad = syslog_is_level(h);
	if (h.n && h.n <= sizeof st->host_key) {
		memcpy(st->host_key, h.p, h.n);
		st->host_len = h.n;
		st->host_bad = bad;
	}
	return bad;
}

/* clear_after_time - the line as parse_plain's zero() left it once the
 * time was read: every field cleared but the time, the format and the
 * line, and no pid.  parse_plain clears only these before the time; a
 * memo's line writes every other field itself (rest_memo, then the
 * severity and inferred), every other way clears them here first */
static void clear_after_time(struct logline *out)
{
	struct stamp ts = out->ts;
	enum line_format format = out->format;
	struct span raw = out->raw;
	zero(out, sizeof *out);
	out->ts = ts;
	out->format = format;
	out->raw = raw;
	out->pid = -1;
}

/* plain_rest - what follows the time: " host tag: text" or " tag: text" (or metalog's) */
static inline __attribute__((always_inline)) bool plain_rest(struct syslog_state *st, struct span cur,
							     struct logline *out)
{
	const char *name;
	if (rest_memo(st, cur, out, &name)) {
		/* rest_memo wrote host, pid, prog, instance, daemon, service,
		 * postfix and text: the two fields left */
		out->severity = SPAN_NULL;
		out->inferred = false;
		take_severity(out);
		return true;
	}
	clear_after_time(out); /* rest_memo wrote nothing */
	struct span at = cur;
	if (!span_eat(&cur, " "))
		return false;
	struct span tok;
	if (!next_token(&cur, &tok))
		return false;
	if (!parse_tag(tok, out) && !(tok.p[0] == '[' && syslog_metalog_tag(tok, out))) {
		out->host = tok;
		if (!next_token(&cur, &tok) || !parse_tag(tok, out) || host_suspect(st, out->host))
			return false;
	}
	out->text = cur;
	syslog_memo_learn(st, at, out, name);
	take_severity(out);
	return true;
}

/* parse_rare - a line whose time is one of syslog_rare_time's: apart from the
 * usual path, which it leaves as it was */
static __attribute__((noinline, cold)) bool parse_rare(struct syslog_state *st, struct span cur,
							 struct logline *out)
{
	clear_after_time(out);
	if (!syslog_rare_time(st, &cur, &out->ts))
		return false;
	out->format = FMT_ISO; /* a year and a zone, or local: as ISO */
	return plain_rest(st, cur, out);
}

/* parse_plain - the shapes syslog writes; false when the line has none
 * (then the pasted shapes are tried); inlined in both its callers (the
 * usual lines' syslog_parse pays no call for it) */
static inline __attribute__((always_inline)) bool parse_plain(struct syslog_state *st, struct span line,
								struct logline *out)
{
	/* the fields the time's readers see; the others are cleared after
	 * the time, unless the memo writes them all (clear_after_time) */
	out->ts = (struct stamp){0};
	out->format = FMT_NONE;
	out->raw = line;
	out->pid = -1;
	struct span cur = line;
	/* optional <PRI> */
	if (cur.n > 2 && cur.p[0] == '<') {
		size_t i = 1;
		while (i < cur.n && i < 5 && isdig(cur.p[i]))
			i++;
		if (i > 1 && i < cur.n && cur.p[i] == '>') {
			cur = span_skip(cur, i + 1);
			if (cur.n > 2 && cur.p[0] == '1' && cur.p[1] == ' ') {
				clear_after_time(out);
				return parse_5424(st, cur, out);
			}
		}
	}
	if (cur.n && isdig(cur.p[0])) {
		if (parse_iso(st, &cur, &out->ts))
			out->format = FMT_ISO;
		else if (parse_year_classic(st, &cur, &out->ts) || parse_classic(st, &cur, &out->ts))
			out->format = FMT_CLASSIC; /* parse_classic: a CJK month, "12月" */
		else
			return parse_rare(st, cur, out);
	} else {
		if (!parse_classic(st, &cur, &out->ts))
			return parse_rare(st, cur, out);
		out->format = FMT_CLASSIC;
	}
	return plain_rest(st, cur, out);
}

/* syslog_parse_plain - parse_plain for prefix_nested.c (a line inside a
 * line), not inlined there */
bool syslog_parse_plain(struct syslog_state *st, struct span line, struct logline *out)
{
	return parse_plain(st, line, out);
}

/* syslog_read_iso - parse_iso for prefix_nested.c */
bool syslog_read_iso(struct syslog_state *st, struct span *cur, struct stamp *ts)
{
	return parse_iso(st, cur, ts);
}

/* syslog_parse - parse line into out; false when it has no syslog shape.
 * The time is clamped into 1970..9999 (time_clamp): an ISO year 0000 or
 * a journal timestamp near 2^63 must not overflow the model's arithmetic. */
bool syslog_parse(struct syslog_state *st, struct span line, struct logline *out)
{
	int year = st->year, last_month = st->last_month;
	out->unescaped = false;
	st->tls_prev = st->tls_daemon, st->tls_daemon = NULL;
	if (line.n && line.p[0] == '{') {
		/* journalctl -o json, else Docker's json-file */
		if (!syslog_parse_json(st, line, out) && !syslog_parse_docker(st, line, out)) {
			st->year = year, st->last_month = last_month;
			return false;
		}
	} else if (!parse_plain(st, line, out)) {
		if (!syslog_parse_pasted(st, line, out) && !syslog_parse_bare(st, line, out)) {
			/* a refused line leaves the year as it was ("Jan  3
			 * 10:00:00" in prose in a November log would move it on) */
			st->year = year, st->last_month = last_month;
			return false;
		}
		out->ts.us = time_clamp(out->ts.us);
		if (out->format != FMT_NOTIME)
			st->last_ts = out->ts;
		syslog_tls_note(st, out);
		if (out->postfix && st->pasted) {
			syslog_plain_quotes(st, out);
			syslog_plain_emphasis(st, out);
		}
		return true;
	}
	if (!out->postfix)
		syslog_relogged(st, out);
	else if (st->pasted) {
		syslog_plain_quotes(st, out);
		syslog_plain_emphasis(st, out);
	}
	out->ts.us = time_clamp(out->ts.us);
	st->last_ts = out->ts;
	return true;
}

/* syslog_read_time - an ISO or classic time at *cur, consumed (paste.c) */
bool syslog_read_time(struct syslog_state *st, struct span *cur, struct stamp *ts,
		      enum line_format *fmt)
{
	struct span c = *cur;
	if (c.n && isdig(c.p[0]) && parse_iso(st, &c, ts)) {
		*fmt = FMT_ISO;
	} else if (c.n && !isdig(c.p[0]) && parse_classic(st, &c, ts)) {
		*fmt = FMT_CLASSIC;
	} else if (syslog_rare_time(st, &c, ts)) {
		*fmt = FMT_ISO;
	} else if (c.n && isdig(c.p[0]) && parse_classic(st, &c, ts)) {
		*fmt = FMT_CLASSIC; /* a CJK month, "12月" */
	} else {
		return false;
	}
	*cur = c;
	return true;
}
