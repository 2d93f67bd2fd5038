/*
 * test_local_senders.c - the pasted shapes of this host's own senders'
 * lines (threads AR): a message pasted inside a pair of double quotes,
 * a status line whose selection began inside "to=<", a status line whose
 * reason the paste cut after a few bytes; and their look-alikes.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"
#include "syslog/prefix.h"

/* threads AR 02: "\"postdrop: warning: unable to look up public/pickup: ...\"" */
TEST(local_senders_quoted_whole_line)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	const char *q = "\"postdrop: warning: unable to look up public/pickup: No such file or directory\"";
	CHECK(syslog_parse(&st, span_of(q), &l));
	CHECK_SPAN(l.daemon, "postdrop");
	CHECK_SPAN(l.text, "unable to look up public/pickup: No such file or directory");
	/* a prefixed line in quotes, trailing blanks after the quote */
	const char *p = "\"Jul 28 12:14:29 h postfix/postdrop[7]: warning: mail_queue_enter: create file "
			"maildrop/1.7: Permission denied\"  ";
	CHECK(syslog_parse(&st, span_of(p), &l));
	CHECK_SPAN(l.text, "mail_queue_enter: create file maildrop/1.7: Permission denied");
	/* look-alikes: a CSV export's quoted columns stay unread; one quote
	 * alone is no pair; the quotes inside a message stay */
	CHECK(!syslog_parse(&st, span_of("\"postdrop\",\"warning: unable to look up public/pickup\""), &l));
	CHECK(!syslog_parse(&st, span_of("\""), &l));
	const char *in = "Jul 30 09:36:11 h postfix/local[3]: A1: to=<j@example.org>, relay=local, delay=0.4, "
			 "delays=0.2/0/0/0.1, dsn=5.1.1, status=bounced (unknown user: \"j\")";
	CHECK(syslog_parse(&st, span_of(in), &l));
	CHECK(span_index(l.text, "(unknown user: \"j\")") > 0);
}

/* threads AR 10: "o=<r>, relay=..., status=bounced (...)" read from relay=,
 * its reason kept; a line starting "o=<" without a relay is no status */
TEST(local_senders_status_cut_inside_to)
{
	const struct event *ev = progs_bare(
	    "o=<ann@gmail.com>, relay=gmail-smtp-in.l.google.com[74.125.21.26]:25, delay=0.24, "
	    "delays=0/0/0.22/0.02, dsn=5.1.7, status=bounced (host gmail-smtp-in.l.google.com[74.125.21.26] "
	    "said: 553 5.1.7 The sender address <www-data> is not a valid RFC-5321 address. x - gsmtp (in "
	    "reply to MAIL FROM command))");
	CHECK(ev != NULL);
	if (!ev)
		return;
	CHECK_EVENT(ev, "delivery", "status", "bounced", "dsn", "5.1.7", "relay_name", "gmail-smtp-in.l.google.com");
	struct diag_hit hit;
	CHECK(diag_classify(ev, &hit));
	CHECK(!strcmp(finding_id(hit.id), "outbound-sender-rejected"));
	/* no relay=: not a status line, whatever follows */
	CHECK(progs_bare("o=<ann@gmail.com>, status=bounced (x)") == NULL);
}

/* threads AR 09: a local bounce whose reason the paste cut after four
 * bytes names no cause: not this host's delivery failing; the same line
 * whole, and a longer cut reason, keep theirs */
TEST(local_senders_reason_cut_short)
{
	struct diag_hit hit;
	const struct event *ev = progs_line(
	    "Jul 30 09:36:12 h postfix/local[3837]: C1A091DC2626: to=<jeff@example.org>, relay=local, "
	    "delay=0.52, delays=0.41/0/0/0.11, dsn=5.1.1, status=bounced (unkn");
	CHECK(!diag_classify(ev, &hit));
	ev = progs_line("Jul 30 09:36:12 h postfix/local[3837]: C1A091DC2626: to=<jeff@example.org>, relay=local, "
			"delay=0.52, delays=0.41/0/0/0.11, dsn=5.1.1, status=bounced (unknown user: \"jeff\")");
	CHECK(diag_classify(ev, &hit) && !strcmp(finding_id(hit.id), "local-user-unknown"));
	ev = progs_line("Jul 30 09:36:12 h postfix/smtp[3838]: C1A091DC2627: to=<kim@example.net>, "
			"relay=mx.example.net[198.51.100.20]:25, delay=0.3, delays=0.1/0/0.1/0.1, dsn=4.2.0, "
			"status=deferred (host mx.example.net[198.51.100.20] said: 451 4.2.0 Internal error");
	CHECK(diag_classify(ev, &hit));
}
