/*
 * test_parse_master.c - master, postfix-script, the postfix command and
 * library info lines.  Real lines from ../corpus and the conformance logs.
 */
#include "progs.h"

TEST(master_start_reload_stop)
{
	const struct event *ev = progs_line("Nov 22 11:32:03 mx1 postfix/master[15080]: daemon "
					    "started -- version 3.7.11, configuration /etc/postfix");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->action, "started");
	CHECK_SPAN(ev->text, "daemon started -- version 3.7.11, configuration /etc/postfix");
	ev = progs_line("Dec 15 15:24:40 phoenix postfix/master[28943]: reload -- version 2.11.1, "
			"configuration /etc/postfix");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->action, "reload");
	ev = progs_line("2026-11-22T11:46:11.177326+00:00 mx1 postfix/master[15080]: terminating on "
			"signal 15");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->action, "terminate");
	CHECK_INT(ev->count, 15);
}

TEST(master_children)
{
	const struct event *ev = progs_line("Aug 31 12:37:51 xxxxxxxx postfix/master[30530]: warning: "
					    "process /usr/lib/postfix/sbin/smtp pid 1933 exit status 1");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->action, "process-exit");
	CHECK_SPAN(ev->command, "/usr/lib/postfix/sbin/smtp");
	CHECK_INT(ev->count, 1);
	ev = progs_line("Aug 31 12:37:51 xxxxxxxx postfix/master[30530]: warning: "
			"/usr/lib/postfix/sbin/smtp: bad command startup -- throttling");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->action, "throttle");
	CHECK_SPAN(ev->command, "/usr/lib/postfix/sbin/smtp");
	/* built from master_spawn.c:335 */
	ev = progs_msg("postfix/master",
		       "warning: process /usr/lib/postfix/sbin/smtpd pid 4711 killed by signal 9");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->action, "process-killed");
	CHECK_INT(ev->count, 9);
	/* other master warnings stay warnings */
	ev = progs_msg("postfix/master", "warning: service \"smtp\" (25) has reached its process "
					 "limit \"100\": new clients may be delayed");
	CHECK_STR(progs_type(ev), "warning");
}

TEST(postfix_script)
{
	const struct event *ev = progs_line("2026-11-22T11:32:03.519078+00:00 mx1 "
					    "postfix/postfix-script[15078]: starting the Postfix mail system");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->action, "start");
	ev = progs_line("Aug 31 21:09:55 xxxxxxxx postfix/postfix-script[5865]: stopping the "
			"Postfix mail system");
	CHECK_SPAN(ev->action, "stop");
	ev = progs_msg("postfix/postfix-script", "refreshing the Postfix mail system");
	CHECK_SPAN(ev->action, "refresh");
	ev = progs_msg("postfix/postfix-script", "warning: stopping the Postfix mail system with force");
	CHECK_SPAN(ev->action, "stop-force");
	ev = progs_msg("postfix/postfix-script", "the Postfix mail system is running: PID: 95072");
	CHECK_SPAN(ev->action, "running");
	ev = progs_line("2026-11-22T11:32:03.504311+00:00 mx1 postfix/postfix-script[15066]: warning: "
			"/var/spool/postfix/etc/resolv.conf and /etc/resolv.conf differ");
	CHECK_STR(progs_type(ev), "warning");
}

/* postfix-script run with maillog_file (containers, Postfix 3.4 and
 * later) logs through postlog(1): its lines carry postlog's tag */
TEST(postfix_script_through_postlog)
{
	const struct event *ev = progs_msg("postfix/postlog", "starting the Postfix mail system");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->action, "start");
	ev = progs_msg("postfix/postlog", "stopping the Postfix mail system");
	CHECK_SPAN(ev->action, "stop");
}

/* the postfix command logs what a command it ran wrote to stderr under
 * its own tag: that command is the line's program, its severity the
 * line's */
TEST(postfix_command_nested_program)
{
	const struct event *ev = progs_line("Mar 19 18:10:05 mx postfix[1778]: /usr/sbin/postconf: warning: "
					    "/etc/postfix/main.cf: support for parameter \"smtpd_use_tls\" "
					    "will be removed; instead, specify \"smtpd_tls_security_level\"");
	CHECK_STR(progs_type(ev), "warning");
	CHECK_SPAN(ev->line->daemon, "postconf");
	CHECK_SPAN(ev->line->severity, "warning");
	CHECK(span_starts(ev->text, "/etc/postfix/main.cf: support for parameter"));
	ev = progs_line("Mar 19 18:10:05 mx postfix[1778]: postmap: fatal: open /etc/postfix/x: No such "
			"file or directory");
	CHECK_SPAN(ev->line->daemon, "postmap");
	CHECK_SPAN(ev->line->severity, "fatal");
	/* another word before the colon stays the postfix command's text */
	ev = progs_line("Mar 19 18:10:05 mx postfix[1778]: /usr/sbin/other: warning: x");
	CHECK_SPAN(ev->line->daemon, "postfix");
	CHECK(!ev->line->severity.n);
	ev = progs_line("Mar 19 18:10:05 mx postfix[1778]: postconf: no severity here");
	CHECK_SPAN(ev->line->daemon, "postfix");
}

TEST(library_info_lines_any_daemon)
{
	/* grok-pattern test data for verify; util/dict_cache.c:463 */
	const struct event *ev = progs_msg("postfix/verify", "cache lmdb:/var/lib/postfix/verify_cache "
							     "full cleanup: retained=724 dropped=6 entries");
	CHECK_STR(progs_type(ev), "info");
	/* a table reload, as in the conformance logs (there from smtpd) */
	ev = progs_msg("postfix/trivial-rewrite", "table hash:/etc/postfix/virtual_mailbox_maps"
						  "(0,lock|fold_fix) has changed -- restarting");
	CHECK_STR(progs_type(ev), "info");
	/* util/dict_db.c at exit, pasted in qa-dev 16 (from postscreen) */
	ev = progs_line("Jun  7 19:46:36 email postfix/postscreen[17406]: close database "
			"/var/lib/postfix/postscreen_cache.db: No such file or directory (possible "
			"Berkeley DB bug)");
	CHECK_STR(progs_type(ev), "info");
	ev = progs_msg("postfix/verify", "cache lmdb:/x something else");
	CHECK_STR(progs_type(ev), "unknown");
	ev = progs_msg("postfix/verify", "close database /x: error");
	CHECK_STR(progs_type(ev), "unknown");
}

TEST(postfix_command_compat_notes)
{
	/* postfix/postfix.c:602-605, and the 3.0-era wording */
	const struct event *ev = progs_msg("postfix/postfix", "Postfix is using backwards-compatible "
							      "default settings");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->action, "compat");
	ev = progs_msg("postfix/postfix", "Postfix is running with backwards-compatible default settings");
	CHECK_SPAN(ev->action, "compat");
	ev = progs_msg("postfix/postfix", "See https://www.postfix.org/COMPATIBILITY_README.html for details");
	CHECK_SPAN(ev->action, "compat");
	ev = progs_msg("postfix/postfix", "To disable backwards compatibility use \"postconf "
					  "compatibility_level=3.6\" and \"postfix reload\"");
	CHECK_SPAN(ev->action, "compat");
	/* server_acl.c:189, logged by whichever daemon applies the default */
	ev = progs_msg("postfix/smtp", "using backwards-compatible default setting "
				       "mynetworks_style=subnet to permit request from client \"192.0.2.1\"");
	CHECK_STR(progs_type(ev), "info");
}

