/*
 * buf.h - growable output buffers and the escaping rules for untrusted text.
 *
 * Everything written to a terminal goes through buf_term(): control
 * characters (C0, DEL, C1, ESC sequences), bidi overrides and invalid
 * UTF-8 are replaced,
 * so a HELO name cannot move the cursor or set a window title.  JSON goes
 * through buf_json(), HTML through buf_html(); both also repair UTF-8.
 */
#ifndef POSTSLEUTH_BUF_H
#define POSTSLEUTH_BUF_H

#include <stdint.h>
#include <stdio.h>
#include "span.h"

struct buf {
	char *p;
	size_t n, cap;
};

void buf_grow(struct buf *b, size_t extra);
void buf_free(struct buf *b);
void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putspan(struct buf *b, struct span s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_u64(struct buf *b, uint64_t v);
void buf_i64(struct buf *b, int64_t v);
void buf_json(struct buf *b, struct span s);    /* "quoted, escaped" */
void buf_jsons(struct buf *b, const char *s);
void buf_json_num(struct buf *b, double v, int prec); /* null if not finite */
void buf_term(struct buf *b, struct span s);    /* printable, no quotes */
void buf_html(struct buf *b, struct span s);
void buf_flush(struct buf *b, FILE *f);
size_t utf8_valid_prefix(const unsigned char *p, size_t n);

/* buf_putc - append one byte */
static inline void buf_putc(struct buf *b, char c)
{
	if (b->n + 1 > b->cap)
		buf_grow(b, 1);
	b->p[b->n++] = c;
}

/* buf_span - the buffer's contents as a span */
static inline struct span buf_span(const struct buf *b)
{
	return (struct span){b->p, b->n};
}

#endif
