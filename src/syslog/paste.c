/*
 * paste.c - the shapes a Postfix line takes when an admin copies it out
 * of a terminal, a container log or a web page and pastes it into a
 * question, rather than when syslog writes it.  Tried only when the
 * plain shapes of prefix.c have failed (or put a level word or a '|'
 * where the host goes), so the usual lines never come here.
 *
 * A line is read as decorations, columns, the program tag, the text and
 * trailing columns:
 *   decorations  (decorations.c) blanks, ANSI colour codes (also with their escape byte
 *                printed as text: "ESC[36m", "^[[0m"), a byte-order mark, markdown
 *                bullets and quote marks ("- ", "* ", "+ ", "• ", ">",
 *                "1. "), a comment or root prompt's '#' ("# mailserver | ...":
 *                a line pasted inside a shell script or commented out in a
 *                code block), backticks, italics or bold marks around the
 *                whole line ("_TIME ... text_", "**TIME ... text**"), a table's leading '|', the file
 *                name (and line number) grep puts before a time
 *                ("/var/log/mail.log.1:", "maillog:1234:"), an editor's
 *                or cat -n's line number before a time ("14 Mar 10 ..."),
 *                a log shipper's or the journal's field name ("message: ",
 *                "msg: ", "MESSAGE="), the count "sort | uniq -c" puts
 *                first ("     83 ", with the ": " that "cut -d']' -f2-"
 *                leaves before "warning: ...");
 *   columns      separated by blanks, tabs or '|' (or a lone '-'), in
 *                any order: the time (ISO or classic; a second one is
 *                skipped: "docker logs -t" puts its own before syslog's;
 *                a time of day alone, "3:03:59", is a time column that
 *                gives no time),
 *                level words (INFO, warning, [err], <notice>, anywhere),
 *                one host name after the time, and before it one label
 *                that is never taken for the host: a docker-compose
 *                service ("mailserver_1  | "), a kubectl "[pod/P/C]";
 *                after a time, a container runtime's (CRI) stream and
 *                flag ("stdout F ") are skipped;
 *   the tag      "prog[pid]:", "prog:", "prog[]:" (prefix.c), or
 *                "prog[pid]" without its ':' when a column separator
 *                follows; or no tag at all when the text is Postfix's own
 *                "warning: ..." (error, fatal, panic): a Postfix line
 *                whose program was not pasted;
 *   trailing     columns after the text that are a time, a level word or
 *                empty (a table's closing '|') are taken off;
 *   doubled      the whole prefix written again at the start of the text
 *                (a log printer that prefixed twice) is taken off.
 * A line with no time gets the last time read before it from the same
 * input (0 when none) and format FMT_NOTIME; it must then carry a Postfix
 * tag or severity (or another program's tag with its pid, first on the
 * line: "psa-pc-remote[5977]: ..." of Plesk's maillog), so that prose, mail headers and the "In:"/"Out:"
 * lines of a pasted transcript are not taken for log lines.  A line
 * wrapped by the paste tool has none of this and stays a line without a
 * prefix (no host is made up for it).
 *
 * Untrusted input: every access is bounds-checked; at most PASTE_TOKENS
 * tokens are looked at before the tag, three columns after the text.
 */
#include "prefix.h"
#include "prefix_internal.h"
#include "../util/xalloc.h"

#include <string.h>
#include <strings.h>

#define PASTE_TOKENS 12
#define PASTE_WORDS 3 /* host and label candidates before the tag */

/* placeholder_len - "[my domain]", "[server name]", "<host name>": the
 * words an admin pasted instead of the host name, in brackets or angle
 * brackets with blanks inside (no ':' or '[', at most 64 bytes), then a
 * blank; 0 when none */
static size_t placeholder_len(struct span s)
{
	bool words = false;
	char close = s.n && s.p[0] == '<' ? '>' : ']';
	for (size_t i = 1; i < s.n && i < 64; i++) {
		char c = s.p[i];
		if (c == close)
			return words && i + 1 < s.n && col_blank(s.p[i + 1]) ? i + 1 : 0;
		if (c == ':' || c == '[' || c == '\t' || c == '|')
			return 0;
		words |= c == ' ';
	}
	return 0;
}

/* cut_token - the next token of *cur, which must not start blank: up to a
 * blank, an ESC or a '|' (a '|' alone is a token) */
static struct span cut_token(struct span *cur)
{
	size_t i = 0;
	if (cur->p[0] == '|') {
		i = 1;
	} else if ((cur->p[0] == '[' || cur->p[0] == '<') && (i = placeholder_len(*cur))) {
		/* "[my domain]", "<host name>": a host name hidden behind words */
	} else {
		while (i < cur->n && !col_blank(cur->p[i]) && cur->p[i] != '|' &&
		       !syslog_ansi_len(span_skip(*cur, i)))
			i++;
	}
	struct span tok = span_head(*cur, i);
	*cur = span_skip(*cur, i);
	return tok;
}

/* is_separator - a token that only separates columns */
static bool is_separator(struct span t)
{
	return span_eqs(t, "|") || span_eqs(t, "-") || span_eqs(t, "\xe2\x94\x82"); /* │ */
}

/* syslog_is_level - a log level word as web UIs and loggers print it:
 * INFO, warning, Err, [notice], <debug>, (crit), WARN: ... */
bool syslog_is_level(struct span tok)
{
	/* with their lengths: a host name that starts like one of them
	 * ("conch", "ns1") is tried on every line, and strlen was most of it */
#define W(s) {s, sizeof s - 1}
	static const struct {
		const char *s;
		size_t n;
	} words[] = {W("emerg"),  W("emergency"),     W("alert"), W("crit"),    W("critical"),
		     W("err"),    W("error"),         W("warn"),  W("warning"), W("notice"),
		     W("info"),   W("informational"), W("debug"), W("trace"),   W("fatal"),
		     W("panic")};
#undef W
	struct span w = tok;
	if (w.n && w.p[w.n - 1] == ':')
		w.n--;
	if (w.n >= 2 && ((w.p[0] == '[' && w.p[w.n - 1] == ']') ||
			 (w.p[0] == '<' && w.p[w.n - 1] == '>') ||
			 (w.p[0] == '(' && w.p[w.n - 1] == ')')))
		w = span_make(w.p + 1, w.n - 2);
	if (w.n < 3 || w.n > 13)
		return false;
	char low[13];
	for (size_t i = 0; i < w.n; i++) {
		char c = w.p[i];
		low[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (words[i].n == w.n && words[i].s[0] == low[0] && !memcmp(low, words[i].s, w.n))
			return true;
	return false;
}

/* facility_level - "mail.info", "local0.warn": the facility and level
 * that BusyBox's syslogd (Alpine images) and rsyslog templates with
 * %syslogfacility-text%.%syslogseverity-text% put after the host name */
static bool facility_level(struct span tok)
{
	static const char *const fac[] = {"mail", "daemon", "user", "auth", "authpriv", "syslog",
					  "local0", "local1", "local2", "local3", "local4",
					  "local5", "local6", "local7"};
	ptrdiff_t dot = span_chr(tok, '.');
	if (dot < 4 || dot > 8)
		return false;
	struct span f = span_head(tok, (size_t)dot);
	bool known = false;
	for (size_t i = 0; i < sizeof fac / sizeof fac[0] && !known; i++)
		known = span_eqs(f, fac[i]);
	return known && syslog_is_level(span_skip(tok, (size_t)dot + 1));
}

/* hostlike - letters, digits, '.', '-', '_': a host or service name;
 * a label must hold a letter (a number is no label: "2013 Jun 16
 * 16:05:06", a year before a classic time, is prefix.c's own shape) */
static bool hostlike(struct span s, bool label)
{
	bool letter = false;
	if (!s.n || s.n > 255)
		return false;
	for (size_t i = 0; i < s.n; i++) {
		char c = s.p[i];
		bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		letter |= alpha;
		if (!(alpha || isdig(c) || c == '.' || c == '-' || c == '_'))
			return false;
	}
	return letter || !label;
}

/* bracketed - "[...]": a kubectl --prefix label */
static bool bracketed(struct span s)
{
	return s.n >= 3 && s.p[0] == '[' && s.p[s.n - 1] == ']';
}

/* placeholder - a host hidden behind words in brackets or angle
 * brackets (placeholder_len) */
static bool placeholder(struct span s)
{
	bool angled = s.n >= 3 && s.p[0] == '<' && s.p[s.n - 1] == '>';
	return (bracketed(s) || angled) && span_chr(s, ' ') > 0;
}

/* may_start_time - the first byte of an ISO or classic time (a month in
 * any case and locale month_from_abbr or month_from_locale reads: the
 * Polish and Czech ones start with k c w p b z u, the Russian and some
 * Czech ones with a multibyte letter; Thu, Wed: short-full) */
static inline bool may_start_time(char c)
{
	char l = c | 0x20;
	return isdig(c) || l == 'j' || l == 'f' || l == 'm' || l == 'a' || l == 's' || l == 'o' ||
	       l == 'n' || l == 'd' || l == 'g' || l == 'l' || l == 'e' || c == 'T' || c == 'W' ||
	       l == 'k' || l == 'c' || l == 'w' || l == 'p' || l == 'b' || l == 'z' || l == 'u' ||
	       (unsigned char)c >= 0xc3;
}

/* clock_only - "3:03:59", "03:03:59.123": a time of day with no date
 * (a log viewer's column, a paste that cut the date off): its length */
static size_t clock_only(struct span c)
{
	size_t i = 0;
	while (i < c.n && i < 2 && isdig(c.p[i]))
		i++;
	if (!i || i + 6 > c.n || c.p[i] != ':' || !isdig(c.p[i + 1]) || !isdig(c.p[i + 2]) ||
	    c.p[i + 3] != ':' || !isdig(c.p[i + 4]) || !isdig(c.p[i + 5]))
		return 0;
	i += 6;
	if (i + 1 < c.n && c.p[i] == '.' && isdig(c.p[i + 1]))
		for (i++; i < c.n && isdig(c.p[i]); i++)
			;
	return i;
}

/* read_time - a time at *cur that ends its column; a ",mmm" fraction
 * (Java and Python loggers) is read over.  A time of day alone is read
 * as a column but gives no time: the line gets the last one read before
 * it (FMT_NOTIME), as a line without any */
static bool read_time(struct syslog_state *st, struct span *cur, struct stamp *ts,
		      enum line_format *fmt)
{
	if (!cur->n || !may_start_time(cur->p[0]))
		return false;
	struct span c = *cur;
	size_t clock = isdig(c.p[0]) ? clock_only(c) : 0;
	if (clock) {
		c = span_skip(c, clock);
		*ts = st->last_ts;
		*fmt = FMT_NOTIME;
	} else if (!syslog_read_time(st, &c, ts, fmt)) {
		return false;
	}
	if (c.n && c.p[0] == ',') {
		size_t i = 1;
		while (i < c.n && isdig(c.p[i]))
			i++;
		c = span_skip(c, i);
	}
	/* markdown's emphasis closed after the time alone ("*Jan 26
	 * 21:15:20* mx01 ...": decorations.c took the opening marks) */
	size_t e = 0;
	while (e < c.n && e < 2 && (c.p[e] == '*' || c.p[e] == '_') && c.p[e] == c.p[0])
		e++;
	if (e && (e == c.n || col_blank(c.p[e])))
		c = span_skip(c, e);
	if (c.n && !col_blank(c.p[0]) && c.p[0] != '|' && !syslog_ansi_len(c))
		return false;
	*cur = c;
	return true;
}

/* take_time - keep the first time of the line, skip the others */
static void take_time(struct logline *out, int *times, struct stamp ts, enum line_format fmt)
{
	if (!(*times)++) {
		out->ts = ts;
		out->format = fmt;
	}
}

/* postfix_severity - "warning:" and the like: Postfix's own text */
static bool postfix_severity(struct span t)
{
	return span_eqs(t, "warning:") || span_eqs(t, "error:") || span_eqs(t, "fatal:") ||
	       span_eqs(t, "panic:");
}

/* peel_trailing - take off the columns a web UI or a table put after the
 * text: a time (kept when the line had none), a level word, nothing */
static struct span peel_trailing(struct syslog_state *st, struct span text, struct logline *out,
				 int *times)
{
	for (int k = 0; k < 3; k++) {
		struct span t = span_trim(text);
		size_t at = t.n;
		while (at > 0 && t.p[at - 1] != '|' && t.p[at - 1] != '\t')
			at--;
		if (!at)
			return t;
		struct span col = span_trim(span_skip(t, at));
		if (col.n && !syslog_is_level(col)) {
			struct stamp ts;
			enum line_format fmt;
			struct span c = col;
			if (!read_time(st, &c, &ts, &fmt) || c.n)
				return t;
			take_time(out, times, ts, fmt);
		}
		text = span_head(t, at - 1);
	}
	return span_trim(text);
}

/* word - a token before the tag that is neither a time, a level nor a
 * separator: a host or a label */
struct word {
	struct span s;
	bool after_time;
	bool sep_after; /* a column separator followed it */
};

/* pick_host - the host among the words, or false when they are more than
 * a pasted line has (prose, a wrapped line): after a time, one word, the
 * host; before it, one label; with no time, a label followed by a
 * separator, then a host followed by none */
static bool pick_host(const struct word *w, int nw, int times, struct span *host)
{
	int before = 0, after = 0;
	*host = SPAN_NULL;
	for (int i = 0; i < nw; i++) {
		if (w[i].after_time) {
			if (after++ || !(hostlike(w[i].s, false) || placeholder(w[i].s)))
				return false;
			*host = w[i].s;
		} else if (times) {
			if (before++ || !(hostlike(w[i].s, true) || bracketed(w[i].s)))
				return false;
		} else if (i + 1 < nw) {
			if (!w[i].sep_after || before++ || !(hostlike(w[i].s, true) || bracketed(w[i].s)))
				return false;
		} else if (!w[i].sep_after) {
			if (!hostlike(w[i].s, false))
				return false;
			*host = w[i].s;
		} else if (before++ || !(hostlike(w[i].s, true) || bracketed(w[i].s))) {
			return false;
		}
	}
	return true;
}

/* next_is_separator - a column separator follows at cur (after blanks),
 * or the token before cur ended at a tab */
static bool next_is_separator(struct span cur)
{
	if (cur.n && cur.p[0] == '\t')
		return true;
	syslog_skip_blanks(&cur);
	return cur.n && cur.p[0] == '|';
}

/* severity_follows - Postfix's "warning: " (or fatal, panic, error)
 * after the blanks at cur */
static bool severity_follows(struct span cur)
{
	syslog_skip_blanks(&cur);
	if (!cur.n)
		return false;
	struct span tok = cut_token(&cur);
	return postfix_severity(tok);
}

/* squeeze_blanks - a web UI table's message copied out with its blanks
 * doubled ("NOQUEUE:  reject: RCPT from ...:  Helo command rejected: ...;
 *  from=<a> to=<b>  proto=ESMTP", mailcow's): the text with each run of
 * spaces made one, in the state's message buffer (as a json line's);
 * the message itself when it holds no doubled space.  Postfix writes
 * single spaces between its words; the line's raw text keeps the paste */
static struct span squeeze_blanks(struct syslog_state *st, struct span t)
{
	/* a json line's message is already in the buffer (its raw text too) */
	if (span_find(t, "  ").p == NULL || (t.p >= st->json_msg && t.p < st->json_msg + sizeof st->json_msg))
		return t;
	size_t n = 0;
	for (size_t i = 0; i < t.n && n + 1 < sizeof st->json_msg; i++)
		if (t.p[i] != ' ' || !n || st->json_msg[n - 1] != ' ')
			st->json_msg[n++] = t.p[i];
	return span_make(st->json_msg, n);
}

/* syslog_plain_quotes - a Postfix line pasted through a web page or a
 * word processor with its quotes made typographic ("can\u2019t read
 * SMFIC_BODYEOB", \u201clookup error for \u201c*\u201d\u201d): its text with
 * U+2018/U+2019 read as ' and U+201C/U+201D as ", in the state's message
 * buffer (as a json line's), so that the rules' needles, written as
 * Postfix writes them, match.  Postfix writes ASCII quotes only; the raw
 * line keeps the paste.  Asked for a paste only (st->pasted, set from
 * order.c): a log as it comes is spared the scan.  A text already in the
 * buffer (a json line's, a squeezed table's) is left as it is; the copy
 * is bounded by the buffer */
void syslog_plain_quotes(struct syslog_state *st, struct logline *out)
{
	struct span t = out->text;
	if (!t.n || (t.p >= st->json_msg && t.p < st->json_msg + sizeof st->json_msg))
		return;
	const char *e2 = memchr(t.p, 0xE2, t.n);
	bool any = false;
	for (; e2 && !any; e2 = memchr(e2 + 1, 0xE2, t.n - (size_t)(e2 + 1 - t.p))) {
		size_t at = (size_t)(e2 - t.p);
		if (at + 2 < t.n && (unsigned char)e2[1] == 0x80 &&
		    (unsigned char)e2[2] >= 0x98 && (unsigned char)e2[2] <= 0x9D &&
		    (unsigned char)e2[2] != 0x9A && (unsigned char)e2[2] != 0x9B)
			any = true;
		if (at + 1 >= t.n)
			break;
	}
	if (!any || t.n >= sizeof st->json_msg)
		return;
	size_t n = 0;
	for (size_t i = 0; i < t.n; i++) {
		unsigned char c2 = i + 2 < t.n ? (unsigned char)t.p[i + 2] : 0;
		if ((unsigned char)t.p[i] == 0xE2 && i + 2 < t.n && (unsigned char)t.p[i + 1] == 0x80 &&
		    c2 >= 0x98 && c2 <= 0x9D && c2 != 0x9A && c2 != 0x9B) {
			st->json_msg[n++] = c2 <= 0x99 ? '\'' : '"';
			i += 2;
		} else {
			st->json_msg[n++] = t.p[i];
		}
	}
	out->text = span_make(st->json_msg, n);
	out->unescaped = true;
}

/* syslog_parse_pasted - a line the plain shapes refused; false when no
 * log line is found in it */
bool syslog_parse_pasted(struct syslog_state *st, struct span line, struct logline *out)
{
	zero(out, sizeof *out);
	out->raw = line;
	out->pid = -1;
	struct span cur = line, text;
	syslog_strip_decorations(&cur);
	/* what the writers show of it: the line without the bullet or
	 * quote mark it was pasted with */
	out->raw = cur;
	struct word w[PASTE_WORDS];
	int nw = 0, times = 0;
	bool tagless = false, bar = false, lvl = false, level = false;
	for (int k = 0;; k++) {
		syslog_skip_blanks(&cur);
		if (!cur.n || k == PASTE_TOKENS)
			return false;
		struct stamp ts;
		enum line_format fmt;
		if (times < 2 && read_time(st, &cur, &ts, &fmt)) {
			take_time(out, &times, ts, fmt);
			continue;
		}
		struct span tok = cut_token(&cur);
		if (is_separator(tok)) {
			if (nw)
				w[nw - 1].sep_after = true;
			bar = span_eqs(tok, "|");
			continue;
		}
		if (times && (bar || lvl) && !nw) {
			/* a web UI's table (mailcow's "time | level | message",
			 * or its columns copied without the bars, "d.m.yyyy,
			 * hh:mm:ss info    text"): the message alone, its
			 * program told by its shape (bare.c) */
			struct span rest = squeeze_blanks(st, span_make(tok.p, line.n - (size_t)(tok.p - line.p)));
			const char *d = syslog_bare_daemon(rest);
			if (d) {
				out->prog = out->daemon = span_of(d);
				out->instance = out->service = SPAN_NULL;
				out->pid = -1;
				out->postfix = true;
				out->inferred = true;
				/* squeezed into the state's buffer, which the next
				 * line overwrites: the feed keeps a copy (own_text) */
				if (rest.p == st->json_msg)
					out->unescaped = true;
				text = rest;
				break;
			}
		}
		bar = lvl = false;
		if (postfix_severity(tok)) {
			/* Postfix's own "warning: text" with its tag not pasted */
			out->prog = out->daemon = span_make(tok.p, 0);
			out->instance = out->service = SPAN_NULL;
			out->pid = -1;
			out->postfix = true;
			tagless = true;
			text = span_make(tok.p, line.n - (size_t)(tok.p - line.p));
			break;
		}
		if (tok.n >= 2 && tok.p[tok.n - 1] == ':') {
			/* with no time, another program's line only with its
			 * pid ("psa-pc-remote[5977]: ...", Plesk's mail
			 * handlers pasted from its maillog): "Note: ..." is prose */
			if (!syslog_read_tag(span_head(tok, tok.n - 1), out) ||
			    (!out->postfix && !times && (out->pid < 0 || nw)))
				return false;
			/* "private/anvil: wanted attribute: status": a -v line's
			 * text names a Postfix socket; no syslog_name is private
			 * or public, the queue's socket directories */
			if (!times && (span_eqs(out->instance, "private") || span_eqs(out->instance, "public")))
				return false;
			text = cur;
			break;
		}
		if (times && next_is_separator(cur) &&
		    (span_chr(tok, '/') >= 0 || span_chr(tok, '[') >= 0) &&
		    syslog_read_tag(tok, out) && out->postfix) {
			/* "date | postfix/smtpd[1] | text": the tag's own column */
			syslog_skip_blanks(&cur);
			span_eat(&cur, "|");
			text = cur;
			break;
		}
		if (span_chr(tok, '/') >= 0 && severity_follows(cur) && syslog_read_tag(tok, out) &&
		    out->postfix) {
			/* "postfix/smtpd warning: text": the tag's ':' lost in
			 * the paste, Postfix's severity word right after it */
			text = cur;
			break;
		}
		if (level && !nw && span_chr(tok, '/') >= 0 && tok.p[tok.n - 1] == ']' && syslog_read_tag(tok, out) &&
		    out->postfix && out->pid >= 0) {
			/* "INFO    postfix/smtp[226] connect to ...": a container
			 * log viewer's level column, then the tag with its pid
			 * but without its ':' */
			text = cur;
			break;
		}
		out->pid = -1;
		if (syslog_is_level(tok) || facility_level(tok)) {
			/* a level right after the time: the message follows */
			lvl = times && !nw && syslog_is_level(tok);
			level = true;
			continue;
		}
		/* the CRI log of a container (Kubernetes' /var/log/containers,
		 * containerd): "TIME stdout F " before the program's own line
		 * (F a full line, P a part of a long one) */
		if (times && (span_eqs(tok, "stdout") || span_eqs(tok, "stderr"))) {
			struct span after = cur;
			syslog_skip_blanks(&after);
			struct span flag = after.n ? cut_token(&after) : SPAN_NULL;
			if (span_eqs(flag, "F") || span_eqs(flag, "P")) {
				cur = after;
				continue;
			}
		}
		if (nw == PASTE_WORDS)
			return false;
		w[nw++] = (struct word){tok, times > 0, false};
		if (cur.n && cur.p[0] == '\t')
			w[nw - 1].sep_after = true;
	}
	if (!pick_host(w, nw, times, &out->host) || (tagless && out->host.p))
		return false; /* "Postfix warning: ..." is prose, not a host */
	syslog_skip_blanks(&text);
	/* a log printer that wrote its prefix twice ("mail | Sep  7 ... smtpd[1]:
	 * mail | Sep  7 ... smtpd[1]: text"): the text after the second */
	size_t pre = (size_t)(text.p - out->raw.p);
	while (pre && text.n > pre && !memcmp(text.p, out->raw.p, pre))
		text = span_skip(text, pre);
	out->text = peel_trailing(st, text, out, &times);
	if (!times)
		out->ts = st->last_ts, out->format = FMT_NOTIME;
	syslog_take_severity(out);
	if (tagless && span_eqs(out->severity, "warning")) {
		/* its program, when the warning's words tell it (bare.c) */
		const char *d = syslog_bare_warning_daemon(out->text);
		if (!d)
			d = syslog_tls_warning(st, out->text);
		if (d) {
			out->prog = out->daemon = span_of(d);
			out->inferred = true;
		}
	}
	return true;
}

/* syslog_pid_masked - a pid an admin typed over before pasting
 * ("postfix/master[xxxxx]:", "[XXXX]", "[***]"): placeholder marks only,
 * at most as many as a pid has digits; the pid is then not known */
bool syslog_pid_masked(struct span pid)
{
	if (!pid.n || pid.n > 19)
		return false;
	for (size_t k = 0; k < pid.n; k++)
		if (!pid.p[k] || !strchr("xX*#.", pid.p[k]))
			return false;
	return true;
}
