/*
 * test_spool_owner.c - "Permission denied" from three or more Postfix
 * programs folded into one queue-directory-permissions finding
 * (spool_owner.c, threads AY 14: a container's spool volume with other
 * owners), with the daemons' fatal exits and master's throttling that
 * follow; one or two programs denied stay the findings they were (a
 * Dovecot listener's mode, a sandboxed unit's sendmail).  Fed through
 * the whole front of the pipeline (blame_pipe.h).
 */
#include "blame_pipe.h"

#define ANVIL "May 13 15:17:47 mail postfix/smtpd[10809]: warning: connect to private/anvil: Permission denied"
#define AUTH "May 13 15:17:47 mail postfix/smtpd[10809]: warning: SASL: Connect to /var/spool/postfix/private/auth failed: Permission denied"
#define NOMECH "May 13 15:17:47 mail postfix/smtpd[10809]: fatal: no SASL authentication mechanisms"
#define EXIT_SMTPD "May 13 15:17:48 mail postfix/master[988]: warning: process /usr/lib/postfix/smtpd pid 10809 exit status 1"
#define THROTTLE_SMTPD "May 13 15:17:48 mail postfix/master[988]: warning: /usr/lib/postfix/smtpd: bad command startup -- throttling"
#define SENDMAIL "May 13 15:18:05 mail postfix/sendmail[10821]: fatal: chdir /var/spool/postfix: Permission denied"
#define PICKUP "May 13 15:18:21 mail postfix/master[988]: warning: master_wakeup_timer_event: service pickup(public/pickup): Permission denied"
#define QMGR "May 13 15:18:27 mail postfix/qmgr[10823]: fatal: scan_dir_push: open directory active: Permission denied"
#define EXIT_QMGR "May 13 15:18:28 mail postfix/master[988]: warning: process /usr/lib/postfix/qmgr pid 10823 exit status 1"

static const enum finding_id folded[] = {
    F_INTERNAL_SERVICE, F_SASL_BACKEND_DOWN, F_SASL_NO_MECHS, F_MASTER_WAKEUP,     F_QUEUE_FILE,
    F_LOCAL_SUBMIT_BLOCKED, F_DAEMON_FATAL, F_DAEMON_THROTTLED,
};

TEST(spool_owner_folds_three_programs)
{
	static const char *const lines[] = {ANVIL, AUTH, NOMECH, EXIT_SMTPD, THROTTLE_SMTPD, SENDMAIL, PICKUP, QMGR, EXIT_QMGR, NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(has_finding(p, F_SPOOL_PERMISSIONS));
	for (size_t i = 0; i < sizeof folded / sizeof folded[0]; i++)
		CHECK(!has_finding(p, folded[i]));
	pipe_free(p);
}

TEST(spool_owner_needs_three_programs)
{
	/* smtpd twice (anvil, the SASL socket) and sendmail: two programs */
	static const char *const two[] = {ANVIL, AUTH, NOMECH, EXIT_SMTPD, SENDMAIL, NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, two);
	CHECK(!has_finding(p, F_SPOOL_PERMISSIONS));
	CHECK(has_finding(p, F_SASL_BACKEND_DOWN));
	CHECK(has_finding(p, F_LOCAL_SUBMIT_BLOCKED));
	CHECK(has_finding(p, F_DAEMON_FATAL));
	pipe_free(p);
	/* three programs, but qmgr's directory is missing, not denied */
	static const char *const other[] = {
	    ANVIL, SENDMAIL,
	    "May 13 15:18:27 mail postfix/qmgr[10823]: fatal: scan_dir_push: open directory active: No such file or directory",
	    NULL};
	p = pipe_new();
	pipe_lines(p, other);
	CHECK(!has_finding(p, F_SPOOL_PERMISSIONS));
	CHECK(has_finding(p, F_LOCAL_SUBMIT_BLOCKED));
	pipe_free(p);
	/* a daemon master throttles that was not denied stays its own */
	static const char *const more[] = {
	    ANVIL, SENDMAIL, PICKUP,
	    "May 13 15:19:00 mail postfix/master[988]: warning: /usr/lib/postfix/cleanup: bad command startup -- throttling",
	    NULL};
	p = pipe_new();
	pipe_lines(p, more);
	CHECK(has_finding(p, F_SPOOL_PERMISSIONS));
	CHECK(has_finding(p, F_DAEMON_THROTTLED));
	CHECK(!has_finding(p, F_LOCAL_SUBMIT_BLOCKED));
	pipe_free(p);
}
