/*
 * marks.c - a set of record numbers with its list (marks.h).
 */
#include "marks.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* marks_add - i into the set (once) */
void marks_add(struct marks *m, uint32_t i)
{
	m->bit = xgrow_bytes(m->bit, &m->cap, i, 1024);
	if (m->bit[i])
		return;
	m->bit[i] = 1;
	if (m->n == m->lcap) {
		m->lcap = m->lcap ? 2 * m->lcap : 256;
		m->list = xrealloc(m->list, m->lcap * sizeof *m->list);
	}
	m->list[m->n++] = i;
}

/* marks_clear - the set emptied */
void marks_clear(struct marks *m)
{
	for (size_t k = 0; k < m->n; k++)
		m->bit[m->list[k]] = 0;
	m->n = 0;
}

/* marks_free - its memory */
void marks_free(struct marks *m)
{
	free(m->bit);
	free(m->list);
}
