/*
 * annotation.c - a remark an admin put after a line of a short paste,
 * taken off before the line is read:
 *
 *   ... SASL LOGIN authentication failed: UGFzc3dvcmQ6   <-- 这里失败了
 *   ... helo=<mail.example.com>  # здесь отказ
 *   ... status=deferred (...)  ← ошибка здесь
 *
 * An arrow ("<--", "<==", "<-", "←", "⟵", "⇐") after a blank, or a
 * comment mark ("#", "//") after two blanks or a tab, that stands outside
 * every <...>, [...] and (...) of the text and is not followed by one of
 * Postfix's own fields (" from=<", " relay=", " status=" ...), ends the
 * line's text; the blanks before it go too.  Postfix writes none of these there (an
 * address, a reply or a header it quotes sits inside its brackets), but a
 * subject or a client's words could: order.c asks only for the lines of
 * a short paste it keeps whole, never for a log read as it comes.
 * Untrusted input: every access is bounds-checked.
 */
#include "annotation.h"

#include <stddef.h>
#include <string.h>

/* arrow_at - an arrow starts at p (n bytes left) */
static bool arrow_at(const char *p, size_t n)
{
	static const char *const arrows[] = {"<--", "<==", "<- ", "\xe2\x86\x90" /* ← */,
					     "\xe2\x9f\xb5" /* ⟵ */, "\xe2\x87\x90" /* ⇐ */};
	for (size_t k = 0; k < sizeof arrows / sizeof arrows[0]; k++) {
		size_t m = strlen(arrows[k]);
		if (n >= m && memcmp(p, arrows[k], m) == 0)
			return true;
	}
	/* "<-" at the very end of the line */
	return n == 2 && p[0] == '<' && p[1] == '-';
}

/* last_field - where the last of Postfix's own "key=<" or "key=" fields
 * in line starts, or -1 (one pass per key: no rescan per mark) */
static ptrdiff_t last_field(struct span line)
{
	static const char *const keys[] = {"from=<", "to=<", "helo=<", "proto=", "relay=", "status=",
					   "dsn=", "sasl_username="};
	ptrdiff_t last = -1;
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		size_t m = strlen(keys[k]);
		const char *p = line.p, *end = line.p + line.n, *q;
		while ((size_t)(end - p) >= m && (q = memmem(p, (size_t)(end - p), keys[k], m))) {
			if (q - line.p > last)
				last = q - line.p;
			p = q + 1;
		}
	}
	return last;
}

/* annotation_cut - the length of line without the remark after its text
 * (which starts at text_off); line.n when there is none */
size_t annotation_cut(struct span line, size_t text_off)
{
	int depth = 0;
	ptrdiff_t fields = -1;
	bool fields_known = false;
	for (size_t i = text_off; i < line.n; i++) {
		char c = line.p[i];
		if (c == '<' && !(i > 0 && line.p[i - 1] == ' ' && arrow_at(line.p + i, line.n - i))) {
			depth++;
			continue;
		}
		if (c == '[' || c == '(') {
			depth++;
			continue;
		}
		if (c == '>' || c == ']' || c == ')') {
			if (depth > 0)
				depth--;
			continue;
		}
		if (depth > 0 || i == 0 || (line.p[i - 1] != ' ' && line.p[i - 1] != '\t'))
			continue;
		bool two = i >= 2 && (line.p[i - 2] == ' ' || line.p[i - 2] == '\t');
		bool tab = line.p[i - 1] == '\t';
		bool mark = arrow_at(line.p + i, line.n - i) ||
			    ((two || tab) && (c == '#' || (c == '/' && i + 1 < line.n && line.p[i + 1] == '/')));
		/* Postfix's own fields after it: a header's or a client's words
		 * (cleanup's "header Subject: <-- x from ...; from=<a> to=<b>") */
		if (!mark)
			continue;
		if (!fields_known) {
			fields = last_field(line);
			fields_known = true;
		}
		if ((ptrdiff_t)i < fields)
			continue;
		size_t end = i;
		while (end > text_off && (line.p[end - 1] == ' ' || line.p[end - 1] == '\t'))
			end--;
		/* a remark alone is no line's text: keep what there is */
		return end > text_off ? end : line.n;
	}
	return line.n;
}
