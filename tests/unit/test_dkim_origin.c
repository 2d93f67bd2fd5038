/*
 * test_dkim_origin.c - OpenDKIM's "no signing ... match" is another
 * domain's incoming mail only after both "not internal" and "not
 * authenticated" of its own job (dkim_origin.c); other jobs, one note
 * alone, and hostile job IDs (too long, empty, with a blank) never count.
 */
#include "progs.h"
#include "diagnose/diag_internal.h"

#include <stdlib.h>

/* note - an OpenDKIM line noted */
static void note(struct diag *d, const char *msg)
{
	diag_dkim_note(d, progs_msg("opendkim", msg));
}

/* outside - is this OpenDKIM line another domain's incoming mail */
static bool outside(struct diag *d, const char *msg)
{
	return diag_dkim_outside(d, progs_msg("opendkim", msg));
}

TEST(dkim_origin_both_notes_of_the_job)
{
	struct diag *d = diag_new();
	note(d, "AB12CD34: lists.example.org [198.51.100.49] not internal");
	CHECK(!outside(d, "AB12CD34: no signing domain match for 'example.net'"));
	note(d, "AB12CD34: not authenticated");
	CHECK(outside(d, "AB12CD34: no signing domain match for 'example.net'"));
	CHECK(outside(d, "AB12CD34: no signing table match for 'a@example.net'"));
	/* another job, another line of the same job */
	CHECK(!outside(d, "EF56AB78: no signing domain match for 'example.net'"));
	CHECK(!outside(d, "AB12CD34: no signature data"));
	diag_free(d);
}

TEST(dkim_origin_only_recent_jobs)
{
	struct diag *d = diag_new();
	note(d, "00AA: host [192.0.2.1] not internal");
	note(d, "00AA: not authenticated");
	char msg[64];
	for (int i = 0; i < DIAG_DKIM_JOBS; i++) {
		snprintf(msg, sizeof msg, "%04X: not authenticated", 0x100 + i);
		note(d, msg);
	}
	CHECK(!outside(d, "00AA: no signing domain match for 'example.net'"));
	diag_free(d);
}

TEST(dkim_origin_hostile_job_ids)
{
	struct diag *d = diag_new();
	static const char *const bad[] = {
	    ": not authenticated",
	    "A B: not authenticated",
	    "0123456789ABCDEF0123456789ABCDEF0123: not authenticated",
	    "not authenticated",
	    "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		note(d, "X1: h [192.0.2.2] not internal");
		note(d, bad[i]);
	}
	CHECK(!outside(d, "X1: no signing domain match for 'example.net'"));
	CHECK(!outside(d, "0123456789ABCDEF0123456789ABCDEF0123: no signing domain match for 'example.net'"));
	CHECK(!outside(d, ": no signing domain match"));
	diag_free(d);
}
