/*
 * emphasis.c - markdown's emphasis inside a pasted Postfix line: an
 * issue tracker's or forum's author marked words of the message with
 * '*' or '**' ("END-OF-MESSAGE *from mail.example.net[192.0.2.1]*: 4.7.1
 * Try again later; ... to=<*bob@example.com*>"), and the page kept the
 * marks.  Postfix writes no such pairs: the text is read without them,
 * in the state's message buffer (as syslog_plain_quotes' is).  Asked for
 * a paste only; the raw line keeps the paste.  Untrusted input: every
 * access is bounds-checked, the copy bounded by the buffer.
 */
#include "prefix.h"
#include "prefix_internal.h"

#include <string.h>

/* opens - a run of '*' (one or two) at i that starts a word: the start
 * of the text or a blank, '<' or '(' before it, a word character after */
static size_t opens(struct span t, size_t i)
{
	size_t m = 0;
	while (i + m < t.n && m < 3 && t.p[i + m] == '*')
		m++;
	if (!m || m > 2 || i + m >= t.n)
		return 0;
	char before = i ? t.p[i - 1] : ' ';
	char after = t.p[i + m];
	if (before != ' ' && before != '<' && before != '(')
		return 0;
	if (after == ' ' || after == '\t' || after == '*' || after == '@')
		return 0;
	return m;
}

/* closes - the same run of m '*' at j that ends a word: a word character
 * before it, the end of the text, a blank or a delimiter after it */
static bool closes(struct span t, size_t j, size_t m)
{
	if (j + m > t.n || !j)
		return false;
	for (size_t k = 0; k < m; k++)
		if (t.p[j + k] != '*')
			return false;
	char before = t.p[j - 1];
	if (before == ' ' || before == '\t' || before == '*')
		return false;
	if (j + m == t.n)
		return true;
	char after = t.p[j + m];
	return after == ' ' || after == ':' || after == ';' || after == ',' || after == '>' || after == ')' ||
	       after == '.';
}

/* pair_end - where the run of m marks opened at i closes, within the
 * same stretch of text (no other '*' between): its index, 0 when none */
static size_t pair_end(struct span t, size_t i, size_t m)
{
	for (size_t j = i + m; j < t.n; j++) {
		if (t.p[j] != '*')
			continue;
		return closes(t, j, m) ? j : 0;
	}
	return 0;
}

void syslog_plain_emphasis(struct syslog_state *st, struct logline *out)
{
	struct span t = out->text;
	if (!t.n || !memchr(t.p, '*', t.n) || t.n >= sizeof st->json_msg)
		return;
	/* the pairs first: nothing is copied for a text without one */
	bool any = false;
	for (size_t i = 0; i < t.n && !any; i++) {
		size_t m = t.p[i] == '*' ? opens(t, i) : 0;
		any = m && pair_end(t, i, m);
	}
	if (!any)
		return;
	/* removal only shrinks the text: copied forward, also in place when
	 * it already is the buffer (syslog_plain_quotes') */
	size_t n = 0;
	for (size_t i = 0; i < t.n;) {
		size_t m = t.p[i] == '*' ? opens(t, i) : 0;
		size_t j = m ? pair_end(t, i, m) : 0;
		if (!j) {
			st->json_msg[n++] = t.p[i++];
			continue;
		}
		for (size_t k = i + m; k < j; k++)
			st->json_msg[n++] = t.p[k];
		i = j + m;
	}
	out->text = span_make(st->json_msg, n);
	out->unescaped = true;
}
