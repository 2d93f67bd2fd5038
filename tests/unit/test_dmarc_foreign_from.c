/*
 * test_dmarc_foreign_from.c - a DMARC refusal that names a domain other
 * than the envelope sender's of the same queue ID (forwarded.c): a
 * mailing list that re-sends a post with the poster's From: (threads AT
 * 13, tests/data/variants-families3/119*) is outbound-dmarc-foreign-from;
 * the sender's own domain or its parent, another queue ID, a reply that
 * names no domain, and hostile domain lengths stay
 * outbound-spf-dkim-dmarc.
 */
#include "progs.h"
#include "diagnose/diag_internal.h"
#include "diagnose/rules.h"

#include <stdio.h>
#include <string.h>

static const char *take(struct diag *d, const char *line)
{
	const struct event *ev = progs_line(line);
	struct diag_hit hit;
	if (!diag_classify(ev, &hit))
		return "";
	diag_forward_take(d, ev, &hit);
	return finding_id(hit.id);
}

static void queued(struct diag *d, const char *qid, const char *from)
{
	char line[400];
	snprintf(line, sizeof line, "Mar  5 09:00:03 lists postfix/qmgr[900]: %s: from=<%s>, size=6210, nrcpt=2 (queue active)",
		 qid, from);
	diag_event(d, progs_line(line));
}

static const char *refused(struct diag *d, const char *qid, const char *reply)
{
	char line[900];
	snprintf(line, sizeof line,
		 "Mar  5 09:00:04 lists postfix/smtp[4005]: %s: to=<m@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.27.27]:25, "
		 "delay=1.1, delays=0.05/0.01/0.5/0.5, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[142.250.27.27] "
		 "said: %s (in reply to end of DATA command))",
		 qid, reply);
	return take(d, line);
}

#define GMAIL_DMARC(dom) "550-5.7.26 Unauthenticated email from " dom " is not accepted due to domain's 550-5.7.26 DMARC policy."

TEST(dmarc_refusal_of_another_domains_from)
{
	struct diag *d = diag_new();
	queued(d, "4F5A6B7C81", "announce-bounces@lists.example.com");
	queued(d, "5A6B7C8D92", "www-data@example.org");
	queued(d, "6B7C8D9EA3", "bounces@news.example.org");
	CHECK_STR(refused(d, "4F5A6B7C81", GMAIL_DMARC("example.net")), "outbound-dmarc-foreign-from");
	/* Microsoft's 5.7.509 names the domain in brackets */
	CHECK_STR(refused(d, "4F5A6B7C81",
			  "550 5.7.509 Access denied, sending domain [EXAMPLE.NET] does not pass DMARC verification "
			  "and has a DMARC policy of reject."),
		  "outbound-dmarc-foreign-from");
	/* the sender's own domain, its parent: this server's own mail */
	CHECK_STR(refused(d, "5A6B7C8D92", GMAIL_DMARC("example.org")), "outbound-spf-dkim-dmarc");
	CHECK_STR(refused(d, "6B7C8D9EA3", GMAIL_DMARC("Example.ORG")), "outbound-spf-dkim-dmarc");
	/* no qmgr line for the queue ID, or a reply naming no domain */
	CHECK_STR(refused(d, "7C8D9EAFB4", GMAIL_DMARC("example.net")), "outbound-spf-dkim-dmarc");
	CHECK_STR(refused(d, "4F5A6B7C81", "550-5.7.26 This mail has failed DMARC authentication."),
		  "outbound-spf-dkim-dmarc");
	/* a word read to 63 bytes only: no dot in them names no domain;
	 * nor does a name without a dot */
	CHECK_STR(refused(d, "4F5A6B7C81",
			  GMAIL_DMARC("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example")),
		  "outbound-spf-dkim-dmarc");
	CHECK_STR(refused(d, "4F5A6B7C81", GMAIL_DMARC("localhost")), "outbound-spf-dkim-dmarc");
	diag_free(d);
}
