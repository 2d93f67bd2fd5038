/*
 * fold.c - padding and folding by UTF-8 characters (see fold.h).
 */
#include "fold.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* utf8_cols - characters, counting every byte that does not continue one */
size_t utf8_cols(const char *p, size_t n)
{
	size_t cols = 0;
	for (size_t i = 0; i < n; i++)
		cols += ((unsigned char)p[i] & 0xc0) != 0x80;
	return cols;
}

/* fold_cut - walk t by characters; remember the last space before the
 * column that no longer fits */
size_t fold_cut(const char *t, size_t avail)
{
	size_t cols = 0, last_space = 0;
	bool have_space = false;
	for (size_t i = 0; t[i]; i++) {
		if (((unsigned char)t[i] & 0xc0) == 0x80)
			continue;
		if (t[i] == ' ') {
			last_space = i;
			have_space = true;
		}
		if (++cols > avail) {
			if (t[i] == ' ')
				return i;
			return have_space && last_space ? last_space : strcspn(t, " ");
		}
	}
	return strlen(t);
}

/* buf_pad - left-justified in width characters */
void buf_pad(struct buf *b, const char *s, int width)
{
	size_t n = strlen(s);
	buf_put(b, s, n);
	for (size_t c = utf8_cols(s, n); c < (size_t)(width > 0 ? width : 0); c++)
		buf_putc(b, ' ');
}

/* buf_rpad - right-justified in width characters */
void buf_rpad(struct buf *b, const char *s, int width)
{
	size_t n = strlen(s);
	for (size_t c = utf8_cols(s, n); c < (size_t)(width > 0 ? width : 0); c++)
		buf_putc(b, ' ');
	buf_put(b, s, n);
}

/* buf_prefix_lines - line by line; "#" alone for an empty line */
void buf_prefix_lines(struct buf *b, const char *prefix, const char *text)
{
	size_t plen = strlen(prefix), bare = plen;
	while (bare > 0 && prefix[bare - 1] == ' ')
		bare--;
	const char *p = text;
	do {
		size_t k = strcspn(p, "\n");
		buf_put(b, prefix, k ? plen : bare);
		buf_put(b, p, k);
		buf_putc(b, '\n');
		p += k;
		if (*p == '\n')
			p++;
	} while (*p);
}

/* buf_comment - formatted, then line by line after "# " */
void buf_comment(struct buf *b, const char *fmt, ...)
{
	struct buf t = {0};
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(&t, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(t.p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf_prefix_lines(b, "# ", t.p);
	buf_free(&t);
}
