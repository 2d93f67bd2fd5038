/*
 * spillvec.h - a growable array of fixed-size records (the analysis's
 * clients, accounts and logins) that moves to disk past a memory budget
 * instead of growing without bound in memory.
 *
 * Below the budget the records are ordinary heap memory.  When a vector
 * would take the vectors' total past it, its records move to an unlinked
 * file in $TMPDIR (or /tmp), mapped shared: the kernel writes the pages
 * out and can drop them at will, and spillvec_touch hands back our own
 * mapping of them every so often, so the process's resident memory
 * stays near the budget while the data grows with the disk.  Nothing is
 * forgotten either way.  If no file can be made (read-only or full
 * $TMPDIR), the records stay in memory and that is said once on stderr.
 *
 * Records are zeroed when pushed.  A push may move the array: pointers
 * into it are valid until the next push.
 */
#ifndef POSTSLEUTH_SPILLVEC_H
#define POSTSLEUTH_SPILLVEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct membudget {
	size_t limit;           /* heap bytes the vectors may hold (SIZE_MAX: no limit) */
	size_t held;            /* what they hold now */
	uint64_t spilled;       /* bytes now in spill files */
	bool failed;            /* a spill file could not be made */
};

struct spillvec {
	unsigned char *p;
	size_t elem, n, cap;    /* record size, records, room (records) */
	struct membudget *budget;
	int fd;                 /* the spill file, or -1 while in memory */
	size_t touches;         /* since the mapping was last handed back */
};

void spillvec_init(struct spillvec *v, size_t elem, struct membudget *budget);
void *spillvec_push(struct spillvec *v);
void spillvec_touch(struct spillvec *v);
void spillvec_free(struct spillvec *v);
bool membudget_parse(const char *s, size_t *bytes);
size_t membudget_default(void);

/* spillvec_at - record i */
static inline void *spillvec_at(const struct spillvec *v, size_t i)
{
	return v->p + i * v->elem;
}

/* spillvec_spilled - do the records live in a file */
static inline bool spillvec_spilled(const struct spillvec *v)
{
	return v->fd >= 0;
}

#endif
