/*
 * test_diagnose_queue_perms.c - Postfix's own queue directory refused
 * (tests/data/variants-families3/91*): qmgr's "scan_dir_push: open
 * directory active: Permission denied" and sendmail's or postdrop's
 * "chdir /var/spool/postfix: Permission denied" are a queue-file problem;
 * the same words quoted from a client by smtpd, or another errno, are not.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"
#include "syslog/prefix.h"

static const struct {
	const char *line;
	bool queue; /* queue-file-problem [Permission denied] */
} queue_perm_cases[] = {
    {"May 13 15:17:47 mail postfix/qmgr[10810]: fatal: scan_dir_push: open directory active: Permission denied", true},
    {"May 13 15:18:05 mail postfix/sendmail[10821]: fatal: chdir /var/spool/postfix: Permission denied", true},
    {"May 13 15:18:06 mail postfix/postdrop[10822]: fatal: chdir /var/spool/postfix-out: Permission denied", true},
    /* look-alikes: a client's words in smtpd's warning, a missing directory */
    {"May 13 15:18:48 mail postfix/smtpd[10826]: warning: Illegal address syntax from unknown[198.51.100.77] in MAIL command: <chdir /var/spool/postfix: Permission denied>", false},
    {"May 13 15:18:49 mail postfix/qmgr[10830]: fatal: scan_dir_push: open directory defer: No such file or directory", false},
};

TEST(diagnose_queue_directory_permissions)
{
	for (size_t i = 0; i < sizeof queue_perm_cases / sizeof queue_perm_cases[0]; i++) {
		const struct event *ev = progs_line(queue_perm_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		bool queue = got && !strcmp(finding_id(hit.id), "queue-file-problem") &&
			     !strcmp(hit.key, "Permission denied");
		if (queue != queue_perm_cases[i].queue)
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s]", i, got ? finding_id(hit.id) : "",
				  got ? hit.key : "");
	}
}
