/*
 * test_write_error.c - "queue file write error" told alone (pickup's,
 * smtpd's relay of cleanup's status) folded into its cause when the log
 * shows one (write_error.c): a table cleanup itself cannot read (threads
 * AU 09: header_checks = pcre: without postfix-pcre), a full disk; and
 * left a queue file problem of its own when the table failing is
 * another daemon's or two tables could be it.  Fed through the whole
 * front of the pipeline (blame_pipe.h).
 */
#include "blame_pipe.h"

#define PICKUP "May 24 06:40:50 h postfix/pickup[6381]: warning: maildrop/0D19C222C7: error writing C374722351: queue file write error"

/* findings - whether the pipeline's diagnosis holds queue-file-problem
 * and the cause finding */
static void findings(const char *const *lines, enum finding_id cause, bool *queue, bool *has_cause)
{
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	*queue = has_finding(p, F_QUEUE_FILE);
	*has_cause = has_finding(p, cause);
	pipe_free(p);
}

TEST(write_error_into_cleanup_table)
{
	static const char *const pcre[] = {
	    PICKUP,
	    "May 24 06:40:51 h postfix/cleanup[6782]: warning: pcre:/etc/postfix/header_checks is unavailable. unsupported dictionary type: pcre",
	    "May 24 06:40:51 h postfix/cleanup[6782]: warning: C5B4822351: header_checks map lookup problem -- message not accepted, try again later",
	    NULL};
	bool queue, cause;
	findings(pcre, F_MAP_TYPE, &queue, &cause);
	CHECK(cause);
	CHECK(!queue);
	/* the same table failing in smtpd (a restriction's table): not cleanup's status */
	static const char *const smtpd[] = {
	    PICKUP,
	    "May 24 06:40:51 h postfix/smtpd[6790]: warning: pcre:/etc/postfix/helo_checks is unavailable. unsupported dictionary type: pcre",
	    NULL};
	findings(smtpd, F_MAP_TYPE, &queue, &cause);
	CHECK(cause);
	CHECK(queue);
	/* two of cleanup's tables failing: either could be it, none is taken */
	static const char *const two[] = {
	    PICKUP,
	    "May 24 06:40:51 h postfix/cleanup[6782]: warning: pcre:/etc/postfix/header_checks is unavailable. unsupported dictionary type: pcre",
	    "May 24 06:40:52 h postfix/cleanup[6782]: error: open database /etc/postfix/canonical.db: No such file or directory",
	    NULL};
	findings(two, F_MAP_TYPE, &queue, &cause);
	CHECK(queue);
	/* the write error alone stays a queue file problem */
	static const char *const alone[] = {PICKUP, NULL};
	findings(alone, F_MAP_TYPE, &queue, &cause);
	CHECK(queue);
	CHECK(!cause);
}

TEST(write_error_into_full_disk)
{
	static const char *const full[] = {
	    PICKUP,
	    "May 24 06:40:51 h postfix/cleanup[6782]: warning: C5B4822351: write queue file: No space left on device",
	    NULL};
	bool queue, cause;
	findings(full, F_DISK_FULL, &queue, &cause);
	CHECK(cause);
	CHECK(!queue);
}
