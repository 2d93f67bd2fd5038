/*
 * feed_journal.c - the feed over the systemd journal: each entry that
 * syslog/journal.c makes into a line is counted and delivered like a
 * line of text (feed_logline).
 */
#include "feed.h"
#include "../syslog/journal.h"
#include "../util/xalloc.h"

#include <string.h>

/* feed_journal_available - is there a journal to read */
bool feed_journal_available(void)
{
	return journal_available();
}

/* feed_journal - entries of files (NULL-terminated; the local journal when nfiles=0) */
int feed_journal(struct feed *f, const char *const *files, int nfiles)
{
	int err = 0;
	struct journal *j = journal_open(files, nfiles, &err);
	if (!j) {
		if (err)
			warnx_("%s: cannot open the journal: %s", nfiles ? files[0] : "journal",
			       strerror(-err));
		else
			warnx_("%s: this postsleuth was built without libsystemd; use journalctl -o short-iso | postsleuth ... -",
			       nfiles ? files[0] : "journal");
		f->st.file_errors++;
		return EXIT_INPUT;
	}
	uint64_t n = 0;
	struct logline l;
	bool truncated;
	enum journal_entry e;
	while ((e = journal_next(j, &l, &truncated)) != JOURNAL_END) {
		f->st.lines++;
		n++;
		if (e == JOURNAL_NO_PREFIX) {
			f->st.no_prefix++;
			continue;
		}
		if (truncated)
			f->st.truncated++;
		f->lineno = n;
		feed_logline(f, &l);
	}
	journal_close(j);
	f->file_index++;
	return 0;
}
