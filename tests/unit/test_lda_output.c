/*
 * test_lda_output.c - lda_output.h's reading of Dovecot's delivery agent
 * as local(8) and pipe(8) relay it ("Command output: lda(USER): Error:
 * ... Permission denied"), and the whole line's finding through
 * diag_classify: the agent refused access (dovecot-lda-permission-denied)
 * against look-alikes that stay what they were.
 */
#include "progs.h"
#include "diagnose/lda_output.h"
#include "diagnose/rules.h"

#include <string.h>

/* classify - the finding id of one whole log line, or "" */
static const char *classify(const char *line)
{
	struct diag_hit hit;
	if (!diag_classify(progs_line(line), &hit))
		return "";
	return finding_id(hit.id);
}

TEST(lda_refused_access_rows)
{
	/* Dovecot 2.3's LDA as local's mailbox_command, its socket refused */
	CHECK(lda_refused_access(span_of("temporary failure. Command output: lda(root): Error: "
					 "net_connect_unix(/var/run/dovecot/stats-writer) failed: Permission denied ")));
	/* the session suffix, and 2.0's name "deliver(" */
	CHECK(lda_refused_access(span_of("temporary failure. Command output: lda(bob)<12><xY>: Error: "
					 "setegid(privileged) failed: Operation not permitted")));
	CHECK(lda_refused_access(span_of("temporary failure. Command output: deliver(bob): Error: "
					 "open(/var/mail/bob) failed: Permission denied")));
	/* the agent's name as a path's last part ("/usr/lib/dovecot/dovecot-lda(") */
	CHECK(lda_refused_access(span_of("Command output: dovecot-lda(u): Error: mkdir(/home/u/Maildir) "
					 "failed: PERMISSION DENIED")));
	/* "permission denied." is sys_exits.c's EX_NOPERM text before the
	 * output, not the agent's words: a quota refusal (-e) stays one */
	CHECK(!lda_refused_access(span_of("permission denied. Command output: lda(u): Error: Quota exceeded "
					  "(mailbox for user is full)")));
	/* another command's output, the words before "Command output:", a
	 * name inside another word, no output at all */
	CHECK(!lda_refused_access(span_of("temporary failure. Command output: maildrop: Unable to open "
					  "mailbox: Permission denied")));
	CHECK(!lda_refused_access(span_of("Permission denied lda(u) Command output: ok")));
	CHECK(!lda_refused_access(span_of("Command output: redeliver(u): Permission denied")));
	CHECK(!lda_refused_access(span_of("Command output: xlda(u): Permission denied")));
	CHECK(!lda_refused_access(span_of("temporary failure")));
	CHECK(!lda_refused_access(span_of("Command output: ")));
	CHECK(!lda_refused_access(span_of("Command output: lda(")));
	CHECK(!lda_refused_access(SPAN_NULL));
}

#define LOCAL(status, reason)                                                                         \
	"Jul 29 00:57:13 mx postfix/local[3997]: 5A58B8A0DC9: to=<root@example.org>, orig_to=<root>, " \
	"relay=local, delay=1205, delays=1205/0.02/0/0.03, dsn=4.3.0, status=" status " (" reason ")"
#define PIPE(reason)                                                                                  \
	"Jul 29 00:57:14 mx postfix/pipe[3998]: 5A58B8A0DCA: to=<u@example.org>, relay=dovecot, "      \
	"delay=1, delays=1/0/0/0.1, dsn=4.3.0, status=deferred (" reason ")"

TEST(lda_refused_access_lines)
{
	CHECK(!strcmp(classify(LOCAL("deferred", "temporary failure. Command output: lda(root): Error: "
						 "net_connect_unix(/var/run/dovecot/stats-writer) failed: "
						 "Permission denied ")),
		      "dovecot-lda-permission-denied"));
	CHECK(!strcmp(classify(PIPE("temporary failure. Command output: lda(u): Error: user u: "
				    "Initialization failed: mkdir(/home/u/Maildir) failed: Permission denied")),
		      "dovecot-lda-permission-denied"));
	/* another command, or the agent failing otherwise: the backend failing */
	CHECK(!strcmp(classify(PIPE("temporary failure. Command output: maildrop: Unable to create a "
				    "dot-lock: Permission denied")),
		      "mailbox-delivery-failed"));
	CHECK(!strcmp(classify(LOCAL("deferred", "temporary failure. Command output: lda(root): Fatal: "
						 "Error reading configuration")),
		      "mailbox-delivery-failed"));
	/* the agent's quota refusal is the user's full mailbox, never access */
	CHECK(strcmp(classify(PIPE("permission denied. Command output: lda(u): Error: Quota exceeded "
				   "(mailbox for user is full)")),
		     "dovecot-lda-permission-denied"));
	/* a remote server's words naming lda( are a remote server's */
	CHECK(strcmp(classify("Jul 29 00:57:15 mx postfix/smtp[3999]: 5A58B8A0DCB: to=<u@example.net>, "
			      "relay=mx.example.net[192.0.2.7]:25, delay=1, delays=1/0/0/0.1, dsn=4.0.0, "
			      "status=deferred (host mx.example.net[192.0.2.7] said: 451 Command output: "
			      "lda(u): Permission denied (in reply to end of DATA command))"),
		     "dovecot-lda-permission-denied"));
}
