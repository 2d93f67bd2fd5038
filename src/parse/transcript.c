/*
 * transcript.c - recognise Postfix postmaster transcripts in mail text.
 *
 * A transcript is complete at "Session aborted, reason: ...", at a line
 * that starts another mail ("From ", headers) or at the end of input.
 * Mail headers seen before it (Subject/Date/Received) are kept for it.
 */
#include "transcript.h"

#include <stddef.h>
#include <string.h>

/* copy_cap - a span into a fixed buffer, NUL-terminated */
static void copy_cap(char *dst, size_t cap, struct span s)
{
	s = span_cut(s, cap - 1);
	memcpy(dst, s.p, s.n);
	dst[s.n] = 0;
}

/* transcript_reset - forget everything, headers included */
void transcript_reset(struct transcript *t)
{
	memset(t, 0, offsetof(struct transcript, line));
}

/* digits - n digits at p, or -1 */
static int digits(struct span s, size_t *i, size_t max)
{
	int v = 0;
	size_t k = 0;
	while (*i < s.n && k < max && s.p[*i] >= '0' && s.p[*i] <= '9') {
		v = v * 10 + (s.p[*i] - '0');
		(*i)++;
		k++;
	}
	return k ? v : -1;
}

/* transcript_date - RFC 5322 "Sun, 22 Nov 2026 11:33:31 +0000 (UTC)" */
bool transcript_date(struct span s, struct stamp *out)
{
	s = span_trim(s);
	ptrdiff_t comma = span_chr(s, ',');
	if (comma >= 0)
		s = span_trim(span_skip(s, (size_t)comma + 1));
	size_t i = 0;
	int d = digits(s, &i, 2);
	if (d < 1 || i + 5 > s.n || s.p[i] != ' ')
		return false;
	i++;
	int mo = month_from_abbr(s.p + i);
	if (!mo || i + 4 > s.n || s.p[i + 3] != ' ')
		return false;
	i += 4;
	int y = digits(s, &i, 4);
	if (y < 1970 || i >= s.n || s.p[i] != ' ')
		return false;
	i++;
	int h = digits(s, &i, 2);
	if (h < 0 || i >= s.n || s.p[i] != ':')
		return false;
	i++;
	int mi = digits(s, &i, 2);
	int se = 0;
	if (mi < 0)
		return false;
	if (i < s.n && s.p[i] == ':') {
		i++;
		se = digits(s, &i, 2);
		if (se < 0)
			return false;
	}
	int off = 0;
	while (i < s.n && s.p[i] == ' ')
		i++;
	if (i + 5 <= s.n && (s.p[i] == '+' || s.p[i] == '-')) {
		size_t j = i + 1;
		int hhmm = digits(s, &j, 4);
		if (hhmm >= 0 && j == i + 5)
			off = (hhmm / 100) * 60 + hhmm % 100;
		if (s.p[i] == '-')
			off = -off;
	}
	if (h > 23 || mi > 59 || se > 60 || d > 31)
		return false;
	int64_t secs = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + se;
	out->us = (secs - (int64_t)off * 60) * 1000000;
	out->tzoff = (int16_t)off;
	out->prec = 0;
	return true;
}

/* header - "Name: value" at the start of a line (case as Postfix writes it) */
static bool header(struct span line, const char *name, struct span *value)
{
	size_t n = strlen(name);
	if (line.n <= n || memcmp(line.p, name, n) != 0)
		return false;
	*value = span_trim(span_skip(line, n));
	return true;
}

/* transcript_end - close an active transcript; true if it held anything */
bool transcript_end(struct transcript *t)
{
	bool had = t->active && t->nlines > 0;
	t->active = false;
	return had;
}

/* transcript_feed - one line; true when a transcript just completed */
bool transcript_feed(struct transcript *t, struct span line)
{
	struct span v;
	struct span l = line;
	while (l.n && (l.p[l.n - 1] == '\r'))
		l.n--;
	if (span_starts(l, "From ") || header(l, "Return-Path:", &v)) {
		bool done = transcript_end(t);
		if (done)
			return true; /* caller resets; this line starts the next mail */
		transcript_reset(t);
		return false;
	}
	if (header(l, "Subject:", &v)) {
		bool done = transcript_end(t);
		struct span c = span_find(v, "errors from ");
		if (!done) {
			if (c.p)
				copy_cap(t->client, sizeof t->client, span_skip(c, 12));
		}
		return done;
	}
	if (!t->active && header(l, "Date:", &v)) {
		t->have_ts = transcript_date(v, &t->ts);
		return false;
	}
	if (!t->active && header(l, "Received: by ", &v)) {
		ptrdiff_t sp = span_chr(v, ' ');
		copy_cap(t->host, sizeof t->host, sp < 0 ? v : span_head(v, (size_t)sp));
		return false;
	}
	struct span tl = span_trim(l);
	if (span_starts(tl, "Transcript of session follows")) {
		t->active = true;
		t->nlines = 0;
		t->dropped = 0;
		t->reason[0] = 0;
		return false;
	}
	if (!t->active)
		return false;
	if (span_eat(&tl, "Session aborted, reason:")) {
		copy_cap(t->reason, sizeof t->reason, span_trim(tl));
		return transcript_end(t);
	}
	if (span_starts(tl, "For other details") || span_starts(tl, "--"))
		return transcript_end(t);
	char dir = 0;
	if (span_eat(&tl, "Out:"))
		dir = '>';
	else if (span_eat(&tl, "In:"))
		dir = '<';
	if (!dir)
		return false;
	/* the text after "In:" keeps its content; Postfix pads with spaces */
	while (tl.n && tl.p[0] == ' ')
		tl = span_skip(tl, 1);
	if (t->nlines >= TRANSCRIPT_MAX_LINES) {
		t->dropped++;
		return false;
	}
	struct transcript_line *tr = &t->line[t->nlines++];
	tr->dir = dir;
	copy_cap(tr->text, sizeof tr->text, tl);
	return false;
}
