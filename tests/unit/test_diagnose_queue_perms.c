/*
 * test_diagnose_queue_perms.c - Postfix's own queue directory refused
 * (tests/data/variants-families3/91*): qmgr's "scan_dir_push: open
 * directory active: Permission denied" and sendmail's or postdrop's
 * "chdir /var/spool/postfix: Permission denied": the first a queue-file
 * problem, the second a local program's mail that cannot enter the queue
 * (local-submission-blocked, as postdrop's refused mail_queue_enter); the
 * same words quoted from a client by smtpd, or another errno, are not.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"
#include "syslog/prefix.h"

static const struct {
	const char *line;
	const char *finding; /* with the key "Permission denied"... (NULL: neither) */
	const char *key;
} queue_perm_cases[] = {
    {"May 13 15:17:47 mail postfix/qmgr[10810]: fatal: scan_dir_push: open directory active: Permission denied", "queue-file-problem", "Permission denied"},
    /* a local program's mail that cannot enter the queue (threads AR 03,
     * 04, 06, 07, 15, 16): sendmail's or postdrop's chdir, postdrop's
     * mail_queue_enter refused (a service's sandbox, a lost set-group-ID) */
    {"May 13 15:18:05 mail postfix/sendmail[10821]: fatal: chdir /var/spool/postfix: Permission denied", "local-submission-blocked", "Permission denied"},
    {"May 13 15:18:06 mail postfix/postdrop[10822]: fatal: chdir /var/spool/postfix-out: Permission denied", "local-submission-blocked", "Permission denied"},
    {"Jan 17 14:21:00 h postfix/postdrop[14743]: warning: mail_queue_enter: create file maildrop/761931.14743: Read-only file system", "local-submission-blocked", "Read-only file system"},
    {"Jul 28 12:14:29 alpha.test mail_on_failure[343246]: postdrop: warning: mail_queue_enter: create file maildrop/887233.343246: Permission denied", "local-submission-blocked", "Permission denied"},
    /* look-alikes: a client's words in smtpd's warning, a missing
     * directory, a full disk (disk-full's), another errno of postdrop */
    {"May 13 15:18:48 mail postfix/smtpd[10826]: warning: Illegal address syntax from unknown[198.51.100.77] in MAIL command: <chdir /var/spool/postfix: Permission denied>", NULL, NULL},
    {"May 13 15:18:49 mail postfix/qmgr[10830]: fatal: scan_dir_push: open directory defer: No such file or directory", NULL, NULL},
    {"Jul 04 16:04:01 mx postfix/postdrop[891725]: warning: mail_queue_enter: create file maildrop/386940.891725: No space left on device", "disk-full", "No space left on device"},
    {"Jul 04 16:04:02 mx postfix/postdrop[891727]: warning: mail_queue_enter: create file maildrop/386942.891727: Too many open files", "host-open-files-limit", "Too many open files"},
};

TEST(diagnose_queue_directory_permissions)
{
	for (size_t i = 0; i < sizeof queue_perm_cases / sizeof queue_perm_cases[0]; i++) {
		const struct event *ev = progs_line(queue_perm_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *want = queue_perm_cases[i].finding;
		bool ok;
		if (!want)
			ok = !got || (strcmp(finding_id(hit.id), "queue-file-problem") &&
				      strcmp(finding_id(hit.id), "local-submission-blocked"));
		else
			ok = got && !strcmp(finding_id(hit.id), want) && !strcmp(hit.key, queue_perm_cases[i].key);
		if (!ok)
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i,
				  got ? finding_id(hit.id) : "", got ? hit.key : "", want ? want : "neither",
				  want ? queue_perm_cases[i].key : "");
	}
}
