/*
 * journal_text.c - journalctl's renderings that spread one entry over
 * several lines, each entry read as the one line of "-o json" it stands
 * for (syslog/journal_json.c reads that line):
 *
 *   -o verbose     a header "Sun 2026-11-22 11:32:03.253598 UTC [s=..;
 *                  i=..;b=..;m=..;t=HEX;x=..]" (t: the time in
 *                  microseconds, hexadecimal), then one indented
 *                  "FIELD=value" a line;
 *   -o export      "__CURSOR=..." then "FIELD=value" lines, the entry
 *                  ended by an empty line; a binary field is its name
 *                  alone on a line, then a 64-bit little-endian length
 *                  and that many bytes (passed over, never kept);
 *   -o json-pretty an object over lines, "{" alone to "}" alone, its
 *                  first field a journal field's name (a JSON document of
 *                  another kind: its "{" is read as a line of its own).
 *
 * -o json-seq's record separator (0x1e) before each object is taken off.
 * The fields kept are those journal_json.c reads.  An entry is handed
 * over with the number of its MESSAGE line (the line a reader of the
 * file looks for).  Untrusted: every field and object is bounded, an
 * entry that goes over a bound is dropped at its end, and a line that
 * cannot be part of the entry ends it (a "{" or "__CURSOR=" line in an
 * ordinary log swallows nothing).
 */
#include "journal_text.h"

#include <string.h>

enum { JT_MODE_NONE, JT_MODE_VERBOSE, JT_MODE_EXPORT, JT_MODE_PRETTY };

#define JT_FIELD_MAX (64 * 1024)   /* a kept field's value */
#define JT_OBJ_MAX (256 * 1024)    /* a json-pretty object */
#define JT_LINES_MAX JT_BACK_LINES /* the lines of one entry */
#define JT_BINARY_MAX (1024 * 1024) /* a binary field passed over */
#define JT_SKIP_LENGTH UINT64_MAX  /* export: the binary field's length is next */
#define JT_SKIP_TERM (UINT64_MAX - 1) /* export: its own line end is next, alone */

static const char *const field_names[JT_NFIELDS] = {
	"__REALTIME_TIMESTAMP", "_HOSTNAME", "SYSLOG_IDENTIFIER", "SYSLOG_PID", "_PID", "_SYSTEMD_UNIT", "MESSAGE",
};

void jtext_init(struct jtext *j)
{
	memset(j, 0, sizeof *j);
}

void jtext_free(struct jtext *j)
{
	for (int i = 0; i < JT_NFIELDS; i++)
		buf_free(&j->field[i]);
	buf_free(&j->obj);
	buf_free(&j->out);
	jtext_init(j);
}

static inline bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* name_len - the length of a journal field name at the start of s
 * (upper-case letters, digits, '_'), 0 when none */
static size_t name_len(struct span s)
{
	size_t i = 0;
	while (i < s.n && i < 64 &&
	       ((s.p[i] >= 'A' && s.p[i] <= 'Z') || (s.p[i] >= '0' && s.p[i] <= '9') || s.p[i] == '_'))
		i++;
	return i < 64 ? i : 0;
}

/* start_entry - a new entry of mode at line lineno, nothing kept yet */
static void start_entry(struct jtext *j, int mode, uint64_t lineno)
{
	j->mode = mode;
	j->broken = false;
	j->skip = 0;
	j->first = j->msg_line = lineno;
	j->nlines = 1;
	j->have = 0;
	for (int i = 0; i < JT_NFIELDS; i++)
		j->field[i].n = 0;
	j->obj.n = 0;
}

/* keep_field - "NAME=value" (s), kept when NAME is one journal_json.c
 * reads; false when s is no such pair */
static bool keep_field(struct jtext *j, struct span s, uint64_t lineno)
{
	size_t k = name_len(s);
	if (!k || k >= s.n || s.p[k] != '=')
		return false;
	struct span name = span_head(s, k), value = span_skip(s, k + 1);
	for (int i = 0; i < JT_NFIELDS; i++) {
		if (!span_eqs(name, field_names[i]))
			continue;
		j->field[i].n = 0;
		buf_putspan(&j->field[i], span_head(value, JT_FIELD_MAX));
		j->have |= 1u << i;
		if (i == JT_MESSAGE)
			j->msg_line = lineno;
		break;
	}
	return true;
}

/* header_time - the time of a -o verbose entry's header (t=, hex
 * microseconds); false when line is no such header */
static bool header_time(struct span line, uint64_t *time)
{
	if (!line.n || line.p[line.n - 1] != ']')
		return false;
	/* the last '[' (the header's has none inside): cheap on the many
	 * lines that end in "name[address]" */
	ptrdiff_t at = span_rchr(line, '[');
	if (at < 1 || line.p[at - 1] != ' ' || (size_t)at + 3 > line.n || line.p[at + 1] != 's' ||
	    line.p[at + 2] != '=')
		return false;
	struct span rest = span_skip(line, (size_t)at + 3);
	ptrdiff_t t = span_index(rest, ";t=");
	if (t < 0)
		return false;
	rest = span_skip(rest, (size_t)t + 3);
	uint64_t us = 0;
	size_t i = 0;
	for (; i < rest.n && i < 16; i++) {
		char c = rest.p[i];
		int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (v < 0)
			break;
		us = us << 4 | (uint64_t)v;
	}
	if (!i || i >= rest.n || (rest.p[i] != ';' && rest.p[i] != ']'))
		return false;
	*time = us;
	return true;
}

/* verbose_header - the header of a -o verbose entry starts one, its time
 * kept as decimal */
static bool verbose_header(struct jtext *j, struct span line, uint64_t lineno)
{
	uint64_t us;
	if (!header_time(line, &us))
		return false;
	start_entry(j, JT_MODE_VERBOSE, lineno);
	buf_u64(&j->field[JT_TIME], us);
	j->have |= 1u << JT_TIME;
	return true;
}

/* trimmed - without blanks and CR at either end */
static struct span trimmed(struct span s)
{
	while (s.n && (blank(s.p[0]) || s.p[0] == '\r'))
		s = span_skip(s, 1);
	while (s.n && (blank(s.p[s.n - 1]) || s.p[s.n - 1] == '\r'))
		s.n--;
	return s;
}

/* jtext_pretty_field - a json-pretty entry's field line: indented, a
 * journal field's name quoted, then ':' (a JSON document of another kind
 * has other keys: "input", "message") */
bool jtext_pretty_field(struct span line)
{
	if (!line.n || !blank(line.p[0]))
		return false;
	struct span t = trimmed(line);
	if (!t.n || t.p[0] != '"')
		return false;
	t = span_skip(t, 1);
	size_t k = name_len(t);
	if (!k || k >= t.n || t.p[k] != '"')
		return false;
	t = span_skip(t, k + 1);
	while (t.n && blank(t.p[0]))
		t = span_skip(t, 1);
	return t.n && t.p[0] == ':';
}

/* jtext_starts - does line start an export or verbose entry, or a
 * json-seq record (order.c: such an input is no paste to join or
 * reorder, and its lines go through jtext_line; a json-pretty entry is
 * told by its "{" and the field after it) */
bool jtext_starts(struct span line)
{
	uint64_t us;
	return span_starts(line, "__CURSOR=") || (line.n && line.p[0] == '\x1e') || header_time(line, &us);
}

/* jtext_brace - a line that is "{" alone (a json-pretty object's start) */
bool jtext_brace(struct span line)
{
	struct span t = trimmed(line);
	return t.n == 1 && t.p[0] == '{' && line.p[0] == '{';
}

/* starts - does line start an entry (kept as its first line) */
static bool starts(struct jtext *j, struct span line, uint64_t lineno)
{
	if (jtext_brace(line)) {
		start_entry(j, JT_MODE_PRETTY, lineno);
		buf_putc(&j->obj, '{');
		return true;
	}
	if (span_starts(line, "__CURSOR=")) {
		start_entry(j, JT_MODE_EXPORT, lineno);
		return true;
	}
	return verbose_header(j, line, lineno);
}

/* finish - the entry gathered, as one JSON line in *entry (none when it
 * broke a bound or holds no field); no entry pending after */
static void finish(struct jtext *j, struct span *entry, uint64_t *at)
{
	int mode = j->mode;
	j->mode = JT_MODE_NONE;
	if (j->broken || mode == JT_MODE_PRETTY || !j->have)
		return; /* a json-pretty object ends only at its "}" */
	j->out.n = 0;
	buf_putc(&j->out, '{');
	for (int i = 0; i < JT_NFIELDS; i++) {
		if (!(j->have & 1u << i))
			continue;
		if (j->out.n > 1)
			buf_putc(&j->out, ',');
		buf_jsons(&j->out, field_names[i]);
		buf_putc(&j->out, ':');
		buf_json(&j->out, buf_span(&j->field[i]));
	}
	buf_putc(&j->out, '}');
	*entry = buf_span(&j->out);
	*at = j->have & 1u << JT_MESSAGE ? j->msg_line : j->first;
}

/* export_binary - a line of an export entry's binary field: its length
 * (the first 8 bytes of the line after the name) and bytes, or its
 * bytes; false when the line cannot be that (a length cut by a line end,
 * or larger than any field we would keep: the name was an ordinary
 * line's word) */
static bool export_binary(struct jtext *j, struct span line)
{
	uint64_t got;
	if (j->skip == JT_SKIP_TERM) {
		j->skip = 0; /* the field's own line end, after bytes that ended with one */
		return true;
	}
	if (j->skip == JT_SKIP_LENGTH) {
		if (line.n < 8)
			return false;
		uint64_t len = 0;
		for (int k = 7; k >= 0; k--)
			len = len << 8 | (unsigned char)line.p[k];
		if (len > JT_BINARY_MAX)
			return false;
		j->skip = len;
		got = line.n - 8;
	} else {
		got = line.n;
	}
	if (got >= j->skip) {
		j->skip = 0; /* this line's end is the field's */
		return true;
	}
	j->skip -= got + 1; /* the line end was one of its bytes */
	if (!j->skip)
		j->skip = JT_SKIP_TERM;
	return true;
}

/* goes_on - is line part of the pending entry (kept); *entry set when it
 * ends the entry (export's empty line, json-pretty's "}") */
static bool goes_on(struct jtext *j, struct span line, uint64_t lineno, struct span *entry, uint64_t *at)
{
	if (++j->nlines > JT_LINES_MAX) {
		j->broken = true;
		return false;
	}
	switch (j->mode) {
	case JT_MODE_VERBOSE: {
		if (!line.n || !blank(line.p[0]))
			return false;
		struct span s = line;
		while (s.n && blank(s.p[0]))
			s = span_skip(s, 1);
		return keep_field(j, s, lineno);
	}
	case JT_MODE_EXPORT:
		if (j->skip) {
			if (export_binary(j, line))
				return true;
			j->broken = true;
			return false;
		}
		if (!line.n) {
			finish(j, entry, at);
			return true;
		}
		if (keep_field(j, line, lineno))
			return true;
		if (name_len(line) == line.n) {
			j->skip = JT_SKIP_LENGTH; /* a binary field's name */
			return true;
		}
		return false;
	case JT_MODE_PRETTY: {
		struct span t = trimmed(line);
		if (j->nlines == 2 && !jtext_pretty_field(line)) {
			/* no journal entry: its "{" is read as a line of its own */
			*entry = span_make("{", 1);
			*at = j->first;
			return false;
		}
		if (t.n == 1 && t.p[0] == '}' && line.p[0] == '}') {
			j->mode = JT_MODE_NONE;
			if (j->broken)
				return true;
			buf_putc(&j->obj, '}');
			*entry = buf_span(&j->obj);
			*at = j->msg_line;
			return true;
		}
		if (!line.n || !blank(line.p[0]))
			return false;
		if (span_starts(t, "\"MESSAGE\""))
			j->msg_line = lineno;
		if (j->obj.n + t.n > JT_OBJ_MAX)
			j->broken = true;
		else
			buf_putspan(&j->obj, t);
		return true;
	}
	}
	return false;
}

/* jtext_line - one line (its number lineno): *entry, when set, is an
 * entry that ended (to be read first, as line *at); *rest, when set, is
 * what to read of this line itself (none when the line was part of an
 * entry).  *entry stays valid until the next call. */
void jtext_line(struct jtext *j, struct span line, uint64_t lineno, struct span *entry, uint64_t *at,
		struct span *rest)
{
	*entry = SPAN_NULL;
	*rest = SPAN_NULL;
	if (j->mode) {
		if (goes_on(j, line, lineno, entry, at))
			return;
		finish(j, entry, at);
	}
	if (line.n && line.p[0] == '\x1e') {
		*rest = span_skip(line, 1); /* json-seq */
		return;
	}
	if (!starts(j, line, lineno))
		*rest = line;
}

/* jtext_end - the input's end ends the pending entry (an export entry
 * without its empty line, the last verbose entry) */
void jtext_end(struct jtext *j, struct span *entry, uint64_t *at)
{
	*entry = SPAN_NULL;
	if (j->mode)
		finish(j, entry, at);
}
