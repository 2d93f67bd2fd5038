/*
 * marks.h - a set of record numbers: a bit each and the list of those
 * set, so that clearing costs what was set (the watcher's "changed since
 * the last save" and "decide again" sets).
 */
#ifndef POSTSLEUTH_MARKS_H
#define POSTSLEUTH_MARKS_H

#include <stddef.h>
#include <stdint.h>

struct marks {
	uint8_t *bit;
	size_t cap;
	uint32_t *list;
	size_t n, lcap;
};

void marks_add(struct marks *m, uint32_t i);
void marks_clear(struct marks *m);
void marks_free(struct marks *m);

#endif
