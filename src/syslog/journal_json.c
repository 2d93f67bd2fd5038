/*
 * journal_json.c - one line of "journalctl -o json": a flat JSON object
 * whose values are strings (or, for binary fields, arrays of numbers).
 * We take __REALTIME_TIMESTAMP, _HOSTNAME, SYSLOG_IDENTIFIER,
 * SYSLOG_PID/_PID, _SYSTEMD_UNIT and MESSAGE.  Also Docker's json-file
 * log ({"log":"LINE\n","stream":"stdout","time":"RFC 3339"}): its LINE
 * unescaped, for prefix.c to read as a line of its own.
 *
 * Untrusted: MESSAGE is unescaped into st->json_msg (bounded); \u0000
 * and invalid escapes are kept as '?' rather than trusted; the scanner
 * never reads past the line.  __REALTIME_TIMESTAMP is clamped into
 * 1970..9999 (time_clamp_u64).
 */
#include "prefix.h"
#include "../util/timefmt.h"

#include <string.h>

/* hexval - one hex digit, or -1 */
static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* put_utf8 - a code point as UTF-8 into out (bounded) */
static size_t put_utf8(char *out, size_t cap, size_t n, unsigned cp)
{
	char tmp[4];
	size_t k;
	if (cp < 0x80)
		tmp[0] = (char)cp, k = 1;
	else if (cp < 0x800)
		tmp[0] = (char)(0xc0 | cp >> 6), tmp[1] = (char)(0x80 | (cp & 0x3f)), k = 2;
	else
		tmp[0] = (char)(0xe0 | cp >> 12), tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3f)),
		tmp[2] = (char)(0x80 | (cp & 0x3f)), k = 3;
	for (size_t i = 0; i < k && n < cap; i++)
		out[n++] = tmp[i];
	return n;
}

/* json_string - the string at *i (after its opening quote): raw span and
 * whether it holds escapes; *i moves past the closing quote */
static bool json_string(struct span line, size_t *i, struct span *raw, bool *escaped)
{
	size_t a = *i;
	*escaped = false;
	while (*i < line.n && line.p[*i] != '"') {
		if (line.p[*i] == '\\') {
			*escaped = true;
			(*i)++;
		}
		(*i)++;
	}
	if (*i >= line.n)
		return false;
	*raw = span_make(line.p + a, *i - a);
	(*i)++;
	return true;
}

/* unescape - JSON string body into out (at most cap bytes) */
static size_t unescape(struct span s, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < s.n && n < cap; i++) {
		char c = s.p[i];
		if (c != '\\' || i + 1 >= s.n) {
			out[n++] = c;
			continue;
		}
		c = s.p[++i];
		switch (c) {
		case 'n': out[n++] = '\n'; break;
		case 't': out[n++] = '\t'; break;
		case 'r': out[n++] = '\r'; break;
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case 'u': {
			unsigned cp = 0;
			bool ok = i + 4 < s.n;
			for (int k = 1; ok && k <= 4; k++) {
				int h = hexval(s.p[i + k]);
				if (h < 0)
					ok = false;
				else
					cp = cp * 16 + (unsigned)h;
			}
			if (!ok || cp == 0 || (cp >= 0xd800 && cp <= 0xdfff)) {
				out[n++] = '?';
			} else {
				n = put_utf8(out, cap, n, cp);
				i += 4;
			}
			break;
		}
		default: out[n++] = c; break; /* \" \\ \/ */
		}
	}
	return n;
}

/* json_open - *i past the '{' that opens a flat object (after blanks) */
static bool json_open(struct span line, size_t *i)
{
	*i = 0;
	while (*i < line.n && line.p[*i] == ' ')
		(*i)++;
	if (*i >= line.n || line.p[*i] != '{')
		return false;
	(*i)++;
	return true;
}

/* json_pair - the next "key": value of a flat object at *i: 1 with its
 * key and, for a string, its raw body in *val (*esc: it holds escapes);
 * another value (an array of a binary field, a number, null) is skipped
 * to the next top-level comma and *val is SPAN_NULL; 0 at the object's
 * end, -1 when the text is no such object */
static int json_pair(struct span line, size_t *i, struct span *key, struct span *val, bool *esc)
{
	while (*i < line.n && (line.p[*i] == ' ' || line.p[*i] == ','))
		(*i)++;
	if (*i >= line.n || line.p[*i] == '}')
		return 0;
	if (line.p[*i] != '"')
		return -1;
	(*i)++;
	if (!json_string(line, i, key, esc))
		return -1;
	while (*i < line.n && line.p[*i] == ' ')
		(*i)++;
	if (*i >= line.n || line.p[*i] != ':')
		return -1;
	(*i)++;
	while (*i < line.n && line.p[*i] == ' ')
		(*i)++;
	if (*i < line.n && line.p[*i] == '"') {
		(*i)++;
		return json_string(line, i, val, esc) ? 1 : -1;
	}
	int depth = 0;
	while (*i < line.n && (depth > 0 || (line.p[*i] != ',' && line.p[*i] != '}'))) {
		if (line.p[*i] == '[')
			depth++;
		else if (line.p[*i] == ']')
			depth--;
		(*i)++;
	}
	*val = SPAN_NULL;
	*esc = false;
	return 1;
}

/* syslog_parse_json - one journalctl -o json line into out */
bool syslog_parse_json(struct syslog_state *st, struct span line, struct logline *out)
{
	size_t i;
	if (!json_open(line, &i))
		return false;
	struct span ts = SPAN_NULL, host = SPAN_NULL, ident = SPAN_NULL, pid = SPAN_NULL,
		    spid = SPAN_NULL, unit = SPAN_NULL, msg = SPAN_NULL;
	bool msg_escaped = false;
	struct span key, val;
	bool esc;
	int r;
	while ((r = json_pair(line, &i, &key, &val, &esc)) > 0) {
		if (span_eqs(key, "__REALTIME_TIMESTAMP"))
			ts = val;
		else if (span_eqs(key, "_HOSTNAME"))
			host = val;
		else if (span_eqs(key, "SYSLOG_IDENTIFIER"))
			ident = val;
		else if (span_eqs(key, "SYSLOG_PID"))
			spid = val;
		else if (span_eqs(key, "_PID"))
			pid = val;
		else if (span_eqs(key, "_SYSTEMD_UNIT"))
			unit = val;
		else if (span_eqs(key, "MESSAGE"))
			msg = val, msg_escaped = esc;
	}
	if (r < 0)
		return false;
	uint64_t us;
	if (!ts.p || !ident.p || !msg.p || !span_u64(ts, &us))
		return false;
	memset(out, 0, sizeof *out);
	out->raw = line;
	out->format = FMT_JOURNAL;
	out->ts.us = time_clamp_u64(us); /* "18446744073709551615" is a number too */
	out->ts.prec = 6;
	out->host = host.p ? host : span_make(line.p, 0);
	out->pid = -1;
	int64_t v;
	if (spid.p && span_i64(spid, &v))
		out->pid = v;
	else if (pid.p && span_i64(pid, &v))
		out->pid = v;
	if (msg_escaped) {
		size_t n = unescape(msg, st->json_msg, sizeof st->json_msg);
		out->text = span_make(st->json_msg, n);
	} else {
		out->text = msg;
	}
	syslog_split_tag(ident, out);
	if (span_starts(unit, "postfix"))
		out->postfix = true;
	syslog_take_severity(out);
	return true;
}

/* syslog_docker_json - a line of Docker's json-file log driver: its "log"
 * string unescaped into st->json_msg without its line end (*inner), and
 * its "time" (*time, raw); false for any other object */
bool syslog_docker_json(struct syslog_state *st, struct span line, struct span *inner, struct span *time)
{
	size_t i;
	if (!json_open(line, &i))
		return false;
	struct span log = SPAN_NULL, key, val;
	bool log_escaped = false, esc;
	int r;
	*time = SPAN_NULL;
	while ((r = json_pair(line, &i, &key, &val, &esc)) > 0)
		if (span_eqs(key, "log"))
			log = val, log_escaped = esc;
		else if (span_eqs(key, "time"))
			*time = val;
	if (r < 0)
		return false;
	if (!log.p)
		return false;
	size_t n = log_escaped ? unescape(log, st->json_msg, sizeof st->json_msg) : 0;
	struct span t = log_escaped ? span_make(st->json_msg, n) : log;
	while (t.n && (t.p[t.n - 1] == '\n' || t.p[t.n - 1] == '\r'))
		t.n--;
	*inner = t;
	return true;
}
