/*
 * decorations.c - what a paste puts around a Postfix line before its
 * columns (paste.c): blanks and ANSI colour codes (also with the escape
 * byte printed as text), markdown bullets and quote marks, emphasis
 * around the whole line, grep's file name, an editor's line number,
 * "uniq -c"'s count, a log shipper's field name, docker-compose's service
 * label.  Untrusted input: every access is bounds-checked.
 */
#include "prefix.h"
#include "prefix_internal.h"

#include <string.h>
#include <strings.h>

/* esc_text_len - the escape byte as a paste shows it once it is lost:
 * "ESC" (log viewers), "^[" (cat -v, less), "\e", "\033", "\x1b",
 * "\u001b" (a JSON export); 0 when s does not start with one */
static size_t esc_text_len(struct span s)
{
	static const char *const forms[] = {"ESC", "^[", "\\e", "\\033", "\\x1b", "\\u001b", "\\u001B", "\\x1B"};
	for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
		size_t n = strlen(forms[k]);
		if (s.n > n && memcmp(s.p, forms[k], n) == 0 && s.p[n] == '[')
			return n;
	}
	return 0;
}

/* syslog_ansi_len - the bytes of an ANSI escape at the start of s, 0 when none:
 * ESC '[' parameter bytes and one final byte, or ESC and one byte; the
 * escape byte printed as text (esc_text_len) only before a colour code,
 * '[' digits and ';' then 'm', so that a word "ESC[" stays text */
size_t syslog_ansi_len(struct span s)
{
	if (!s.n)
		return 0;
	if (s.p[0] != '\x1b') {
		size_t i = esc_text_len(s);
		if (!i)
			return 0;
		i++; /* '[' */
		while (i < s.n && (isdig(s.p[i]) || s.p[i] == ';'))
			i++;
		return i < s.n && s.p[i] == 'm' ? i + 1 : 0;
	}
	size_t i = 1;
	if (i < s.n && s.p[i] == '[') {
		i++;
		while (i < s.n && (unsigned char)s.p[i] >= 0x20 && (unsigned char)s.p[i] <= 0x3f)
			i++;
		if (i < s.n && (unsigned char)s.p[i] >= 0x40 && (unsigned char)s.p[i] <= 0x7e)
			i++;
	} else if (i < s.n) {
		i++;
	}
	return i;
}

/* skip_ansi - an ANSI escape at the start of *cur, consumed */
static bool skip_ansi(struct span *cur)
{
	size_t n = syslog_ansi_len(*cur);
	if (!n)
		return false;
	*cur = span_skip(*cur, n);
	return true;
}

/* syslog_skip_blanks - blanks and colour codes */
void syslog_skip_blanks(struct span *cur)
{
	for (;;) {
		if (cur->n && col_blank(cur->p[0]))
			*cur = span_skip(*cur, 1);
		else if (!skip_ansi(cur))
			return;
	}
}

/* time_follows - s starts like a time: ISO "YYYY-MM-DD" or a classic
 * month "Mon " */
static bool time_follows(struct span s)
{
	if (s.n >= 10 && isdig(s.p[0]) && isdig(s.p[3]) && s.p[4] == '-' && s.p[7] == '-')
		return true;
	return s.n >= 4 && s.p[3] == ' ' && month_from_abbr(s.p);
}

/* grep_prefix - the file name grep or zgrep puts before each line when it
 * searches several files ("/var/log/mail.log.1:", "maillog:"), with the
 * line number of -n ("mail.log:1234:"), right before the time; a name
 * that does not look like a log file's is left alone */
static bool grep_prefix(struct span *cur)
{
	size_t i = 0;
	while (i < cur->n && i < 255 && cur->p[i] != ':' && !col_blank(cur->p[i]))
		i++;
	if (!i || i >= cur->n || cur->p[i] != ':')
		return false;
	struct span name = span_head(*cur, i);
	if (span_chr(name, '/') < 0 && span_index(name, "log") < 0 && span_index(name, "mail") < 0 &&
	    span_index(name, "messages") < 0)
		return false;
	struct span rest = span_skip(*cur, i + 1);
	size_t d = 0;
	while (d < rest.n && d < 10 && isdig(rest.p[d]))
		d++;
	if (d && d < rest.n && rest.p[d] == ':' && time_follows(span_skip(rest, d + 1)))
		rest = span_skip(rest, d + 1); /* grep -n's line number */
	if (!time_follows(rest))
		return false;
	*cur = rest;
	return true;
}

/* uniq_count - the count "sort | uniq -c" puts before each distinct line
 * (GNU uniq: right-aligned in 7 columns, then a blank; lead is the blanks
 * before the digits), before a time or before what "cut -d']' -f2-" left
 * of a line cut after its program's "[pid]": ": warning: ...", the ": "
 * taken off too.  The count itself is not kept: the line is read once. */
static bool uniq_count(struct span *cur, size_t lead)
{
	size_t i = 0;
	while (i < cur->n && i < 12 && isdig(cur->p[i]))
		i++;
	if (!i || (lead + i != 7 && !(lead == 0 && i > 7)) || i >= cur->n || cur->p[i] != ' ')
		return false;
	struct span rest = span_skip(*cur, i + 1);
	if (time_follows(rest)) {
		*cur = rest;
		return true;
	}
	if (!span_starts(rest, ": "))
		return false;
	struct span text = span_skip(rest, 2);
	if (!span_starts(text, "warning: ") && !span_starts(text, "error: ") &&
	    !span_starts(text, "fatal: ") && !span_starts(text, "panic: "))
		return false;
	*cur = text;
	return true;
}

/* emphasis - markdown's italics or bold around a whole line ("_Mar 13
 * 18:39:34 box postfix/smtpd[1]: ..._", "**...**"): the marks before a
 * time, and the same marks ending the line, taken off */
static bool emphasis(struct span *cur);

/* field_label - the name of the field a log shipper's export or the
 * journal's export format puts before the line ("message: ", Kibana's
 * and Graylog's; "msg: "; "MESSAGE=", journalctl -o export), taken off:
 * what follows must still be a line's shape */
static bool field_label(struct span *cur)
{
	static const char *const labels[] = {"message: ", "msg: ", "MESSAGE=", NULL};
	for (int i = 0; labels[i]; i++) {
		size_t n = strlen(labels[i]);
		if (cur->n > n && !strncasecmp(cur->p, labels[i], n)) {
			*cur = span_skip(*cur, n);
			return true;
		}
	}
	return false;
}

static bool emphasis(struct span *cur)
{
	const char *p = cur->p;
	size_t n = cur->n, m = 0;
	if (!n || (p[0] != '_' && p[0] != '*'))
		return false;
	while (m < n && m < 2 && p[m] == p[0])
		m++;
	struct span rest = span_skip(*cur, m);
	if (!time_follows(rest))
		return false;
	while (rest.n && col_blank(rest.p[rest.n - 1]))
		rest.n--;
	size_t k = 0;
	while (k < m && k < rest.n && rest.p[rest.n - 1 - k] == p[0])
		k++;
	if (k == m)
		rest.n -= m;
	*cur = rest;
	return true;
}

/* quoted_whole - a line pasted inside a pair of ASCII double quotes
 * ("\"postdrop: warning: unable to look up public/pickup: ...\""): both
 * taken off.  Postfix never starts a line with '"'; a CSV export's
 * quoted columns ("\",\"" inside) stay as they are */
static bool quoted_whole(struct span *cur)
{
	size_t n = cur->n;
	while (n && col_blank(cur->p[n - 1]))
		n--;
	if (n < 3 || cur->p[0] != '"' || cur->p[n - 1] != '"')
		return false;
	struct span in = {cur->p + 1, n - 2};
	if (span_index(in, "\",\"") >= 0)
		return false;
	*cur = in;
	return true;
}

/* monotonic_stamp - journalctl -o short-monotonic's time since boot
 * ("[ 3600.250713] ") or -o short-delta's, with the gap since the line
 * before ("[ 3600.250713 <    0.000000>] "): no time of day, so the line
 * is read as one without a time */
static bool monotonic_stamp(struct span *cur)
{
	struct span s = *cur;
	size_t i = 1;
	for (int part = 0; part < 2; part++) {
		while (i < s.n && i < 40 && s.p[i] == ' ')
			i++;
		size_t d = i;
		while (i < s.n && i - d < 12 && isdig(s.p[i]))
			i++;
		if (i == d || i >= s.n || s.p[i] != '.')
			return false;
		d = ++i;
		while (i < s.n && i - d < 9 && isdig(s.p[i]))
			i++;
		if (i == d)
			return false;
		while (i < s.n && i < 40 && s.p[i] == ' ')
			i++;
		if (i >= s.n)
			return false;
		if (part) {
			if (s.p[i] != '>')
				return false;
			i++;
		} else if (s.p[i] == '<') {
			i++; /* short-delta's "<gap>" */
			continue;
		}
		break;
	}
	if (i + 1 >= s.n || s.p[i] != ']' || s.p[i + 1] != ' ')
		return false;
	*cur = span_skip(s, i + 2);
	return true;
}

/* syslog_strip_decorations - what a paste put before the line */
void syslog_strip_decorations(struct span *cur)
{
	for (int k = 0; k < 8; k++) {
		const char *was = cur->p;
		syslog_skip_blanks(cur);
		if (!k && uniq_count(cur, (size_t)(cur->p - was)))
			continue;
		const char *p = cur->p;
		size_t n = cur->n, i = 0;
		if (!n)
			return;
		if (n >= 3 && (!memcmp(p, "\xef\xbb\xbf", 3) || !memcmp(p, "\xe2\x80\xa2", 3))) {
			*cur = span_skip(*cur, 3); /* a byte-order mark, a bullet */
			continue;
		}
		if (p[0] == '[' && monotonic_stamp(cur))
			continue;
		if (p[0] == '>' || p[0] == '`' || p[0] == '|') {
			*cur = span_skip(*cur, 1); /* quote, code, table */
			continue;
		}
		if (quoted_whole(cur))
			continue;
		if (grep_prefix(cur))
			continue;
		if (emphasis(cur) || field_label(cur))
			continue;
		if ((p[0] == '-' || p[0] == '*' || p[0] == '+') && n >= 2 && col_blank(p[1])) {
			*cur = span_skip(*cur, 2); /* a bullet */
			continue;
		}
		while (i < n && i < 3 && p[i] == '#')
			i++;
		if (i && i < n && col_blank(p[i])) {
			*cur = span_skip(*cur, i + 1); /* "# ": a comment, a root prompt */
			continue;
		}
		i = 0;
		while (i < n && i < 3 && isdig(p[i]))
			i++;
		if (i && i + 1 < n && (p[i] == '.' || p[i] == ')') && col_blank(p[i + 1])) {
			*cur = span_skip(*cur, i + 2); /* "1. " */
			continue;
		}
		/* an editor's or cat -n's line number before a time and its
		 * day ("14 Mar 10 08:26:19 ...", "   120\t2026-03-10T..."); not
		 * a year before a classic time ("2013 Jun 10 ...": prefix.c's
		 * own shape, which refuses "1969") */
		while (i < n && i < 7 && isdig(p[i]))
			i++;
		bool year = i == 4 && ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'));
		if (i && !year && i < n && col_blank(p[i])) {
			size_t j = i;
			while (j < n && j < i + 8 && col_blank(p[j]))
				j++;
			struct span rest = span_skip(*cur, j);
			if (time_follows(rest) && (isdig(rest.p[0]) || (rest.n > 5 && (isdig(rest.p[4]) || isdig(rest.p[5]))))) {
				*cur = rest;
				continue;
			}
		}
		return;
	}
}

/* syslog_strip_compose_label - docker-compose's "SERVICE  | " before a
 * message that has no syslog prefix of its own ("postfix_1  | host
 * smtp.example.net[192.0.2.4] said: ..."): one word of letters, digits,
 * '_', '-' or '.', blanks, then '|' and a blank; taken off with the
 * decorations after it.  For the message-alone readers only (bare.c,
 * bounce_mailq.c): a prefixed line keeps its label as a word of its
 * prefix. */
void syslog_strip_compose_label(struct span *cur)
{
	size_t i = 0;
	while (i < cur->n && i < 64 &&
	       ((cur->p[i] >= 'a' && cur->p[i] <= 'z') || (cur->p[i] >= 'A' && cur->p[i] <= 'Z') ||
		isdig(cur->p[i]) || cur->p[i] == '_' || cur->p[i] == '-' || cur->p[i] == '.'))
		i++;
	if (!i || i >= cur->n || !col_blank(cur->p[i]))
		return;
	size_t j = i;
	while (j < cur->n && col_blank(cur->p[j]))
		j++;
	if (j + 1 >= cur->n || cur->p[j] != '|' || !col_blank(cur->p[j + 1]))
		return;
	*cur = span_skip(*cur, j + 2);
	syslog_strip_decorations(cur);
}
