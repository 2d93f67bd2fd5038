/*
 * fold.h - text laid out in terminal columns: a column is a UTF-8
 * character, not a byte, so that accented prose (the pt_BR and es
 * catalogues) pads and folds like English.  Wide (CJK) characters are
 * not measured: no catalogue needs them.
 */
#ifndef POSTSLEUTH_FOLD_H
#define POSTSLEUTH_FOLD_H

#include <stddef.h>
#include "buf.h"

/* utf8_cols - the columns of n bytes of UTF-8 (continuation bytes are free) */
size_t utf8_cols(const char *p, size_t n);

/* fold_cut - the bytes of t's first line when folded at avail columns:
 * up to the last space that keeps it within avail, or the whole first
 * word when even that is wider; all of t when it fits */
size_t fold_cut(const char *t, size_t avail);

/* buf_pad - s, then spaces up to width columns (like "%-*s", in characters) */
void buf_pad(struct buf *b, const char *s, int width);

/* buf_rpad - spaces, then s ending at width columns (like "%*s", in characters) */
void buf_rpad(struct buf *b, const char *s, int width);

/* buf_prefix_lines - every line of text after prefix ("# ": comment
 * lines of a configuration file, whatever a translation holds); an empty
 * line gets the prefix without its trailing spaces; a final newline is
 * added when text lacks one */
void buf_prefix_lines(struct buf *b, const char *prefix, const char *text);

/* buf_comment - fmt's text as "# " comment lines (buf_prefix_lines) */
void buf_comment(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
