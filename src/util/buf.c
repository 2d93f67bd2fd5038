/*
 * buf.c - growable buffers and escaping of untrusted text for terminal,
 * JSON and HTML output.
 */
#include "buf.h"
#include "xalloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>

/* buf_grow - make room for extra more bytes */
void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->n + extra;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

/* buf_free - release the storage */
void buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

/* buf_put - append n bytes */
void buf_put(struct buf *b, const void *p, size_t n)
{
	if (!n)
		return;
	buf_grow(b, n);
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

/* buf_puts - append a C string */
void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

/* buf_putspan - append a span verbatim (trusted text only) */
void buf_putspan(struct buf *b, struct span s)
{
	buf_put(b, s.p, s.n);
}

/* buf_printf - append formatted text */
void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (k <= 0)
		return;
	buf_grow(b, (size_t)k + 1);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)k;
}

/* buf_u64 - append a decimal number */
void buf_u64(struct buf *b, uint64_t v)
{
	char tmp[24];
	int i = 24;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_put(b, tmp + i, (size_t)(24 - i));
}

/* buf_i64 - append a signed decimal number */
void buf_i64(struct buf *b, int64_t v)
{
	if (v < 0) {
		buf_putc(b, '-');
		buf_u64(b, (uint64_t)0 - (uint64_t)v);
	} else {
		buf_u64(b, (uint64_t)v);
	}
}

/* utf8_seq - length of a valid UTF-8 sequence at p, 0 if invalid */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	if (c < 0x80)
		return 1;
	size_t len;
	unsigned min;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	unsigned cp = c & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* utf8_valid_prefix - how many leading bytes form valid UTF-8 */
size_t utf8_valid_prefix(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k = utf8_seq(p + i, n - i);
		if (!k)
			break;
		i += k;
	}
	return i;
}

/* is_c1 - a two-byte UTF-8 C1 control (U+0080..U+009F) */
static int is_c1(const unsigned char *p, size_t k)
{
	return k == 2 && p[0] == 0xc2 && p[1] < 0xa0;
}

/* is_bidi - U+200E/F, U+202A..E, U+2066..9 (they reorder what follows on
 * screen) and U+2028/9 (some viewers break the line there) */
static int is_bidi(const unsigned char *p, size_t k)
{
	if (k != 3 || p[0] != 0xe2)
		return 0;
	if (p[1] == 0x80)
		return p[2] == 0x8e || p[2] == 0x8f || (p[2] >= 0xa8 && p[2] <= 0xae);
	return p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9;
}

/* buf_json - append s as a JSON string: escapes, U+FFFD for bad UTF-8 */
void buf_json(struct buf *b, struct span s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s.p;
	buf_grow(b, s.n + 2);
	buf_putc(b, '"');
	size_t i = 0;
	while (i < s.n) {
		size_t run = i;
		while (run < s.n && p[run] >= 0x20 && p[run] < 0x7f && p[run] != '"' &&
		       p[run] != '\\')
			run++;
		if (run > i) {
			buf_put(b, p + i, run - i);
			i = run;
			continue;
		}
		unsigned c = p[i];
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			buf_put(b, e, 6);
			i++;
		} else {
			size_t k = utf8_seq(p + i, s.n - i);
			if (!k) {
				buf_puts(b, "\\ufffd");
				i++;
			} else {
				buf_put(b, p + i, k);
				i += k;
			}
		}
	}
	buf_putc(b, '"');
}

/* buf_jsons - buf_json on a C string; NULL becomes null */
void buf_jsons(struct buf *b, const char *s)
{
	if (!s)
		buf_puts(b, "null");
	else
		buf_json(b, span_of(s));
}

/* buf_json_num - a JSON number with prec decimals; JSON has no infinity
 * or NaN ("inf", "nan" would make the whole document invalid): null */
void buf_json_num(struct buf *b, double v, int prec)
{
	if (!isfinite(v))
		buf_puts(b, "null");
	else
		buf_printf(b, "%.*f", prec, v);
}

/* buf_term - append s with controls and bad UTF-8 made visible and inert */
void buf_term(struct buf *b, struct span s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0;
	while (i < s.n) {
		unsigned c = p[i];
		if (c >= 0x20 && c < 0x7f) {
			buf_putc(b, (char)c);
			i++;
		} else if (c == '\t') {
			buf_putc(b, ' ');
			i++;
		} else if (c < 0x80) {
			/* C0 and DEL: caret notation, never the raw byte */
			buf_putc(b, '^');
			buf_putc(b, (char)(c == 0x7f ? '?' : c + 0x40));
			i++;
		} else {
			size_t k = utf8_seq(p + i, s.n - i);
			if (!k || is_c1(p + i, k) || is_bidi(p + i, k)) {
				buf_putc(b, '?');
				i += k ? k : 1;
			} else {
				buf_put(b, p + i, k);
				i += k;
			}
		}
	}
}

/* buf_html - append s escaped for HTML text and attribute values */
void buf_html(struct buf *b, struct span s)
{
	struct buf tmp = {0};
	buf_term(&tmp, s);
	for (size_t i = 0; i < tmp.n; i++) {
		switch (tmp.p[i]) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, tmp.p[i]);
		}
	}
	buf_free(&tmp);
}

/* buf_flush - write the contents to f and empty the buffer */
void buf_flush(struct buf *b, FILE *f)
{
	if (b->n && fwrite(b->p, 1, b->n, f) != b->n)
		fatal(EXIT_ENV, "write error on output");
	b->n = 0;
}
