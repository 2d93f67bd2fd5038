/*
 * test_pipe_flags.c - pipe_flags.h's reading of pipe(8)'s own 4.3.5
 * "mail system configuration error" (flag D or O with several
 * recipients), and the whole line's finding through diag_classify
 * against look-alikes: local(8)'s same words, a command's own output.
 */
#include "progs.h"
#include "diagnose/pipe_flags.h"
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

#define PIPE(relay, dsn, reason)                                                                        \
	"Jul 20 11:47:31 mail postfix/pipe[663]: 72A62733: to=<user2@example.com>, relay=" relay ", "    \
	"delay=495, delays=495/0.01/0/0.08, dsn=" dsn ", status=deferred (" reason ")"

TEST(pipe_needs_one_recipient_rows)
{
	CHECK(pipe_needs_one_recipient(progs_line(PIPE("dovecot", "4.3.5", "mail system configuration error")),
				       span_of("mail system configuration error")));
	/* the words inside a command's output, or another daemon's */
	CHECK(!pipe_needs_one_recipient(progs_line(PIPE("dovecot", "4.3.0", "temporary failure")),
					span_of("temporary failure. Command output: mail system configuration "
						"error")));
	CHECK(!pipe_needs_one_recipient(progs_line("Jul 20 11:47:32 mail postfix/local[664]: 72A62734: "
						   "to=<u@example.com>, relay=local, delay=1, "
						   "delays=1/0/0/0, dsn=5.3.5, status=bounced (mail "
						   "system configuration error)"),
					span_of("mail system configuration error")));
}

TEST(pipe_needs_one_recipient_lines)
{
	CHECK(!strcmp(classify(PIPE("dovecot", "4.3.5", "mail system configuration error")),
		      "pipe-flag-needs-one-recipient"));
	CHECK(!strcmp(classify(PIPE("maildrop", "4.3.5", "mail system configuration error")),
		      "pipe-flag-needs-one-recipient"));
	/* a command's output that holds the same words: the command's */
	CHECK(!strcmp(classify(PIPE("dovecot", "4.3.0", "temporary failure. Command output: mail system "
						      "configuration error")),
		      "mailbox-delivery-failed"));
	/* local(8)'s home or :include: path (5.3.5): never the pipe's flag */
	CHECK(strcmp(classify("Jul 20 11:47:32 mail postfix/local[664]: 72A62734: to=<u@example.com>, "
			      "relay=local, delay=1, delays=1/0/0/0, dsn=5.3.5, status=bounced (mail system "
			      "configuration error)"),
		     "pipe-flag-needs-one-recipient"));
}

TEST(pipe_flag_warning_rows)
{
	struct diag_hit hit;
	CHECK(pipe_flag_warning(span_of("pipe flag `D' requires dovecot_destination_recipient_limit = 1"), &hit));
	CHECK(hit.id == F_PIPE_ONE_RCPT && !strcmp(hit.key, "dovecot"));
	CHECK(pipe_flag_warning(span_of("pipe flag `O' requires maildrop_destination_recipient_limit = 1"), &hit));
	CHECK(!strcmp(hit.key, "maildrop"));
	/* another flag, no transport name, a name with a blank, another limit */
	CHECK(!pipe_flag_warning(span_of("pipe flag `R' requires dovecot_destination_recipient_limit = 1"), &hit));
	CHECK(!pipe_flag_warning(span_of("pipe flag `D' requires _destination_recipient_limit = 1"), &hit));
	CHECK(!pipe_flag_warning(span_of("pipe flag `D' requires a b_destination_recipient_limit = 1"), &hit));
	CHECK(!pipe_flag_warning(span_of("pipe flag `D' requires dovecot_destination_concurrency_limit = 1"), &hit));
	CHECK(!pipe_flag_warning(span_of("pipe flag `"), &hit));
	CHECK(!pipe_flag_warning(SPAN_NULL, &hit));
	/* the whole warning line: the same finding and key as its deferrals */
	CHECK(!strcmp(classify("Jul 20 11:47:31 mail postfix/pipe[663]: warning: pipe flag `D' requires "
			       "dovecot_destination_recipient_limit = 1"),
		      "pipe-flag-needs-one-recipient"));
}
