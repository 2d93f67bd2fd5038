/*
 * fuzz.h - what the libFuzzer targets in fuzz/ share: a heap copy of
 * the input of exactly its size (so ASan sees any read past the end),
 * line splitting, and the output oracles: terminal text holds no
 * control byte but '\n', no bidi override, and is valid UTF-8; JSON parses.  A broken
 * oracle prints the output and aborts, which libFuzzer records as a crash.
 */
#ifndef POSTSLEUTH_FUZZ_H
#define POSTSLEUTH_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/buf.h"
#include "util/span.h"

/* fuzz_copy - the input in a heap block of exactly n bytes */
static inline char *fuzz_copy(const uint8_t *data, size_t n)
{
	char *p = malloc(n ? n : 1);
	if (n)
		memcpy(p, data, n);
	return p;
}

/* fuzz_fail - report a broken oracle with the output, then abort */
static inline void fuzz_fail(const char *what, const struct buf *b, size_t at)
{
	fprintf(stderr, "fuzz oracle: %s at byte %zu of %zu:\n", what, at, b->n);
	fwrite(b->p, 1, b->n, stderr);
	abort();
}

/* fuzz_check_text - terminal output: no C0/DEL/C1 but '\n', no bidi, valid UTF-8 */
static inline void fuzz_check_text(const struct buf *b)
{
	const unsigned char *p = (const unsigned char *)b->p;
	for (size_t i = 0; i < b->n; i++)
		if ((p[i] < 0x20 && p[i] != '\n') || p[i] == 0x7f ||
		    (p[i] == 0xc2 && i + 1 < b->n && p[i + 1] >= 0x80 && p[i + 1] < 0xa0))
			fuzz_fail("control character in text output", b, i);
		else if (p[i] == 0xe2 && i + 2 < b->n &&
			 ((p[i + 1] == 0x80 && (p[i + 2] == 0x8e || p[i + 2] == 0x8f ||
						 (p[i + 2] >= 0xa8 && p[i + 2] <= 0xae))) ||
			  (p[i + 1] == 0x81 && p[i + 2] >= 0xa6 && p[i + 2] <= 0xa9)))
			fuzz_fail("bidi override or line separator in text output", b, i);
	size_t ok = utf8_valid_prefix(p, b->n);
	if (ok != b->n)
		fuzz_fail("invalid UTF-8 in text output", b, ok);
}

struct jcur {
	const char *p, *end, *start;
};

/* j_ws - skip JSON blanks */
static inline void j_ws(struct jcur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
		c->p++;
}

/* j_lit - a literal word */
static inline int j_lit(struct jcur *c, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n))
		return 0;
	c->p += n;
	return 1;
}

/* j_string - a JSON string: escapes known, no raw control byte */
static inline int j_string(struct jcur *c)
{
	if (c->p >= c->end || *c->p++ != '"')
		return 0;
	while (c->p < c->end && *c->p != '"') {
		unsigned char ch = (unsigned char)*c->p++;
		if (ch < 0x20)
			return 0;
		if (ch != '\\')
			continue;
		if (c->p >= c->end)
			return 0;
		ch = (unsigned char)*c->p++;
		if (ch == 'u') {
			for (int i = 0; i < 4; i++, c->p++)
				if (c->p >= c->end || !strchr("0123456789abcdefABCDEF", *c->p) || !*c->p)
					return 0;
		} else if (!strchr("\"\\/bfnrt", ch) || !ch) {
			return 0;
		}
	}
	return c->p < c->end && *c->p++ == '"';
}

/* j_number - a JSON number */
static inline int j_number(struct jcur *c)
{
	const char *s = c->p;
	if (c->p < c->end && *c->p == '-')
		c->p++;
	const char *d = c->p;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
		c->p++;
	if (c->p == d || (*d == '0' && c->p - d > 1))
		return 0;
	if (c->p < c->end && *c->p == '.') {
		d = ++c->p;
		while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
			c->p++;
		if (c->p == d)
			return 0;
	}
	if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
		c->p++;
		if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
			c->p++;
		d = c->p;
		while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
			c->p++;
		if (c->p == d)
			return 0;
	}
	return c->p > s;
}

/* j_value - any JSON value, nesting at most depth deep */
static inline int j_value(struct jcur *c, int depth)
{
	j_ws(c);
	if (c->p >= c->end || depth > 200)
		return 0;
	char open = *c->p;
	if (open == '"')
		return j_string(c);
	if (open != '{' && open != '[')
		return j_lit(c, "true") || j_lit(c, "false") || j_lit(c, "null") || j_number(c);
	char close = open == '{' ? '}' : ']';
	c->p++;
	j_ws(c);
	if (c->p < c->end && *c->p == close)
		return c->p++, 1;
	for (;;) {
		if (open == '{') {
			j_ws(c);
			if (!j_string(c))
				return 0;
			j_ws(c);
			if (c->p >= c->end || *c->p++ != ':')
				return 0;
		}
		if (!j_value(c, depth + 1))
			return 0;
		j_ws(c);
		if (c->p >= c->end)
			return 0;
		if (*c->p == close)
			return c->p++, 1;
		if (*c->p++ != ',')
			return 0;
	}
}

/* fuzz_check_json - one or more JSON values (NDJSON too), valid UTF-8 */
static inline void fuzz_check_json(const struct buf *b)
{
	size_t ok = utf8_valid_prefix((const unsigned char *)b->p, b->n);
	if (ok != b->n)
		fuzz_fail("invalid UTF-8 in JSON output", b, ok);
	struct jcur c = {b->p, b->p + b->n, b->p};
	for (;;) {
		j_ws(&c);
		if (c.p >= c.end)
			return;
		if (!j_value(&c, 0))
			fuzz_fail("invalid JSON", b, (size_t)(c.p - c.start));
	}
}

/* fuzz_next_line - cut the next '\n'-ended line of *cur; false at the end */
static inline int fuzz_next_line(struct span *cur, struct span *line)
{
	if (!cur->n)
		return 0;
	if (!span_until_chr(cur, '\n', line)) {
		*line = *cur;
		*cur = span_skip(*cur, cur->n);
	}
	return 1;
}

#endif
