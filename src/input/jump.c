/*
 * jump.c - the bounded lists of line marks and gzip resume points of
 * one input (jump.h): taken as the first read goes, thinned by halves
 * when full, looked up by a binary search.
 */
#include "jump.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* jump_init - empty lists; gz_total counts the resume points of all
 * inputs against JUMP_GZ_TOTAL */
void jump_init(struct jump_index *ix, size_t *gz_total)
{
	memset(ix, 0, sizeof *ix);
	ix->line_step = JUMP_LINE_STEP;
	ix->gz_step = JUMP_GZ_STEP;
	ix->gz_next = JUMP_GZ_STEP;
	ix->gz_total = gz_total;
}

/* jump_free - the marks and windows */
void jump_free(struct jump_index *ix)
{
	for (size_t i = 0; i < ix->ngz; i++)
		free(ix->gz[i].window);
	if (ix->gz_total)
		*ix->gz_total -= ix->ngz;
	free(ix->gz);
	free(ix->line);
	memset(ix, 0, sizeof *ix);
}

/* jump_mark_line - line lineno begins at off (off >= line_next) */
void jump_mark_line(struct jump_index *ix, uint64_t lineno, uint64_t off)
{
	if (ix->nline == JUMP_LINES) {
		/* full: keep every other mark, twice as far apart */
		for (size_t i = 0; i < JUMP_LINES / 2; i++)
			ix->line[i] = ix->line[2 * i];
		ix->nline = JUMP_LINES / 2;
		ix->line_step *= 2;
		uint64_t next = ix->line[ix->nline - 1].off + ix->line_step;
		if (off < next) {
			ix->line_next = next;
			return;
		}
	}
	if (ix->nline == ix->capline) {
		ix->capline = ix->capline ? ix->capline * 2 : 64;
		ix->line = xrealloc(ix->line, ix->capline * sizeof *ix->line);
	}
	ix->line[ix->nline++] = (struct jump_line){lineno, off};
	ix->line_next = off + ix->line_step;
}

/* jump_find_line - the last mark at or before line lineno; false if none */
bool jump_find_line(const struct jump_index *ix, uint64_t lineno, struct jump_line *out)
{
	size_t lo = 0, hi = ix->nline;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->line[mid].lineno <= lineno)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return false;
	*out = ix->line[lo - 1];
	return true;
}

/* thin_gz - keep every other resume point, twice as far apart */
static void thin_gz(struct jump_index *ix)
{
	size_t k = 0;
	for (size_t i = 0; i < ix->ngz; i++) {
		if (i % 2) {
			free(ix->gz[i].window);
			continue;
		}
		ix->gz[k++] = ix->gz[i];
	}
	*ix->gz_total -= ix->ngz - k;
	ix->ngz = k;
	ix->gz_step *= 2;
}

/* jump_gz_due - is a resume point wanted at decompressed offset out (the
 * decoder then stops at the next block boundary to take one) */
bool jump_gz_due(const struct jump_index *ix, uint64_t out)
{
	return ix->gz_total && out >= ix->gz_next;
}

/* jump_mark_gz - a resume point at a block boundary; when this input's
 * list or the shared budget is full, thin this input's list first (an
 * input left with one point takes no more) */
void jump_mark_gz(struct jump_index *ix, uint64_t out, uint64_t in, unsigned bits,
		  const unsigned char *window, unsigned wlen)
{
	if (ix->ngz == JUMP_GZ || *ix->gz_total >= JUMP_GZ_TOTAL) {
		if (ix->ngz < 2) {
			ix->gz_next = UINT64_MAX;
			return;
		}
		thin_gz(ix);
		uint64_t next = ix->gz[ix->ngz - 1].out + ix->gz_step;
		if (out < next) {
			ix->gz_next = next;
			return;
		}
	}
	if (!ix->gz)
		ix->gz = xcalloc(JUMP_GZ, sizeof *ix->gz);
	struct jump_gz *g = &ix->gz[ix->ngz++];
	++*ix->gz_total;
	g->out = out;
	g->in = in;
	g->bits = bits;
	g->wlen = wlen > JUMP_WINDOW ? JUMP_WINDOW : wlen;
	g->window = xmalloc(g->wlen + 1);
	memcpy(g->window, window, g->wlen);
	ix->gz_next = out + ix->gz_step;
}

/* jump_find_gz - the last resume point at or before out, or NULL */
const struct jump_gz *jump_find_gz(const struct jump_index *ix, uint64_t out)
{
	size_t lo = 0, hi = ix->ngz;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->gz[mid].out <= out)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? &ix->gz[lo - 1] : NULL;
}
