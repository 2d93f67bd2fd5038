/*
 * dkim_origin.c - why OpenDKIM left a message unsigned.  With LogWhy it
 * tells, for a message from outside, "QID: host [addr] not internal"
 * and "QID: not authenticated" (the client is neither in InternalHosts
 * nor logged in), and then "QID: no signing domain match for 'dom'"
 * (table, subdomain, keylist): that message is only verified, never
 * signed, and the last line names another domain's incoming mail, not
 * a signing failure.  The same line without both notes of its job is
 * mail OpenDKIM was to sign (dkim-signing-failed).  A few jobs are
 * remembered: the lines of one message come together.
 */
#include "diag_internal.h"

#include <string.h>

/* job_of - the job ID ahead of ": " (OpenDKIM's queue ID), and the rest */
static bool job_of(struct span text, struct span *job, struct span *rest)
{
	ptrdiff_t colon = span_index(text, ": ");
	if (colon <= 0 || (size_t)colon >= sizeof ((struct diag *)0)->dkim_jobs[0].job)
		return false;
	*job = span_head(text, (size_t)colon);
	if (span_chr(*job, ' ') >= 0)
		return false;
	*rest = span_skip(text, (size_t)colon + 2);
	return true;
}

/* job_slot - the remembered job, or NULL */
static int job_slot(const struct diag *d, struct span job)
{
	for (int i = 0; i < DIAG_DKIM_JOBS; i++)
		if (d->dkim_jobs[i].marks && span_eqs(job, d->dkim_jobs[i].job))
			return i;
	return -1;
}

/* diag_dkim_note - an OpenDKIM line: its job's "not internal" and "not
 * authenticated" noted */
void diag_dkim_note(struct diag *d, const struct event *ev)
{
	struct span job, rest;
	if (!job_of(ev->text, &job, &rest))
		return;
	unsigned mark = span_ends(rest, " not internal") ? 1u : span_eqs(rest, "not authenticated") ? 2u : 0u;
	if (!mark)
		return;
	int i = job_slot(d, job);
	if (i < 0) {
		i = (int)(d->dkim_next++ % DIAG_DKIM_JOBS);
		memcpy(d->dkim_jobs[i].job, job.p, job.n);
		d->dkim_jobs[i].job[job.n] = '\0';
		d->dkim_jobs[i].marks = 0;
	}
	d->dkim_jobs[i].marks |= (unsigned char)mark;
}

/* diag_dkim_outside - an OpenDKIM "no signing ... match" line of a
 * message from a client neither internal nor logged in */
bool diag_dkim_outside(const struct diag *d, const struct event *ev)
{
	struct span job, rest;
	if (!job_of(ev->text, &job, &rest) || !span_starts(rest, "no signing "))
		return false;
	int i = job_slot(d, job);
	return i >= 0 && d->dkim_jobs[i].marks == 3;
}
