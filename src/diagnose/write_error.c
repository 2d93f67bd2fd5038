/*
 * write_error.c - the causes of "queue file write error" told alone: the
 * status cleanup(8) returns (cleanup_strerror.c) that smtpd, pickup,
 * sendmail and postdrop log without its reason, which alone reads as a
 * queue file problem (F_QUEUE_FILE keyed by that text).  With a full file
 * system in the same log (F_DISK_FULL: "No space left on device"), or
 * else one table that cleanup itself cannot read (cleanup_message.c's
 * "NAME map lookup problem -- message not accepted, try again later"
 * sets the same write status: a header_checks table of a type this
 * Postfix lacks, a missing or unreachable table), those lines are that
 * cause's.  A queue file problem of its own (a path, "Permission
 * denied") stays; so do they when several tables could be the cause.
 */
#include "diag_internal.h"

#include <string.h>

/* cleanup_table - a table failure that cleanup's own lines show */
static bool cleanup_table(const struct diag_group *g)
{
	if (g->id != F_MAP_TYPE && g->id != F_MAP_MISSING && g->id != F_MAP_SERVER_DOWN &&
	    g->id != F_MAP_CORRUPT && g->id != F_MAP_UNAPPROVED)
		return false;
	for (uint32_t i = 0; i < g->nsample; i++)
		if (g->sample[i] && strstr(g->sample[i], "postfix/cleanup"))
			return true;
	return false;
}

void diag_fold_write_error(struct diag *d)
{
	struct diag_group *cause = NULL;
	size_t tables = 0;
	for (size_t t = 0; t < d->nlist; t++) {
		if (d->list[t]->id == F_DISK_FULL) {
			cause = d->list[t];
			tables = 1;
			break;
		}
		if (cleanup_table(d->list[t]) && !tables++)
			cause = d->list[t];
	}
	if (!cause || tables != 1)
		return;
	for (size_t i = d->nlist; i-- > 0;)
		if (d->list[i]->id == F_QUEUE_FILE && !strcmp(d->list[i]->key, "queue file write error"))
			diag_absorb(d, cause, i);
}
