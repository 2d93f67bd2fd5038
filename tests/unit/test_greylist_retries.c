/*
 * test_greylist_retries.c - greylist_retries.c: a greylisting refusal
 * of a sender and recipient greylisted ten minutes or more before is
 * greylisting-refuses-retries; the first refusal, a retry within the
 * delay, another recipient or sender, and a refusal naming no recipient
 * stay greylisting; the relabel asked again after the whole log (as
 * explain does) gives the same answers.
 */
#include "progs.h"
#include "diagnose/diag_internal.h"
#include "diagnose/rules.h"

#include <stdio.h>
#include <string.h>

/* grey_line - postgrey's refusal at minute m past 10:00 */
static const char *grey_line(int m, const char *from, const char *to)
{
	static char line[1024];
	snprintf(line, sizeof line,
		 "Mar  3 10:%02d:05 mx postfix/smtpd[%d]: NOQUEUE: reject: RCPT from mail.example.net[198.51.100.7]: "
		 "450 4.2.0 <%s>: Recipient address rejected: Greylisted, see "
		 "http://postgrey.schweikert.ch/help/example.com.html; from=<%s> to=<%s> proto=ESMTP "
		 "helo=<mail.example.net>",
		 m, 100 + m, to, from, to);
	return line;
}

/* seen - the finding of one line as the diagnosis tells it (note, take) */
static const char *seen(struct diag *d, const char *line)
{
	const struct event *ev = progs_line(line);
	struct diag_hit hit;
	if (!diag_classify(ev, &hit))
		return "";
	diag_greylist_note(d, ev, &hit);
	diag_greylist_take(d, ev, &hit);
	return finding_id(hit.id);
}

/* told - the same line asked after the whole log (take alone) */
static const char *told(const struct diag *d, const char *line)
{
	const struct event *ev = progs_line(line);
	struct diag_hit hit;
	if (!diag_classify(ev, &hit))
		return "";
	diag_greylist_take(d, ev, &hit);
	return finding_id(hit.id);
}

TEST(greylist_retry_refused_again)
{
	struct diag *d = diag_new();
	CHECK(!strcmp(seen(d, grey_line(0, "ann@example.net", "bob@example.com")), "greylisting"));
	/* within the delay: still a first delay */
	CHECK(!strcmp(seen(d, grey_line(4, "ann@example.net", "bob@example.com")), "greylisting"));
	/* another recipient, another sender: their own first refusal */
	CHECK(!strcmp(seen(d, grey_line(12, "ann@example.net", "eve@example.com")), "greylisting"));
	CHECK(!strcmp(seen(d, grey_line(13, "joe@example.net", "bob@example.com")), "greylisting"));
	/* the same pair 15 minutes after its first refusal */
	CHECK(!strcmp(seen(d, grey_line(15, "ann@example.net", "bob@example.com")), "greylisting-refuses-retries"));
	/* after the whole log: the first refusal stays a first delay, the late one does not */
	CHECK(!strcmp(told(d, grey_line(0, "ann@example.net", "bob@example.com")), "greylisting"));
	CHECK(!strcmp(told(d, grey_line(15, "ann@example.net", "bob@example.com")), "greylisting-refuses-retries"));
	CHECK(!strcmp(told(d, grey_line(13, "joe@example.net", "bob@example.com")), "greylisting"));
	diag_free(d);
}

TEST(greylist_retry_key_and_subject)
{
	struct diag *d = diag_new();
	seen(d, grey_line(0, "ann@example.net", "bob@example.com"));
	const struct event *ev = progs_line(grey_line(30, "ann@example.net", "bob@example.com"));
	struct diag_hit hit;
	CHECK(diag_classify(ev, &hit));
	diag_greylist_note(d, ev, &hit);
	diag_greylist_take(d, ev, &hit);
	CHECK(hit.id == F_IN_GREYLIST_RETRIES);
	CHECK(!strcmp(hit.key, "example.net"));
	CHECK(!strcmp(hit.subject, "198.51.100.7"));
	diag_free(d);
}

TEST(greylist_retry_not_other_refusals)
{
	struct diag *d = diag_new();
	/* an RBL refusal of the same pair twice is not greylisting */
	const char *rbl = "Mar  3 10:%02d:05 mx postfix/smtpd[100]: NOQUEUE: reject: RCPT from "
			  "mail.example.net[198.51.100.7]: 554 5.7.1 Service unavailable; Client host "
			  "[198.51.100.7] blocked using zen.spamhaus.org; from=<ann@example.net> "
			  "to=<bob@example.com> proto=ESMTP helo=<mail.example.net>";
	char line[1024];
	snprintf(line, sizeof line, rbl, 0);
	const char *first = seen(d, line);
	snprintf(line, sizeof line, rbl, 30);
	CHECK(!strcmp(seen(d, line), first));
	CHECK(strcmp(first, "greylisting-refuses-retries"));
	diag_free(d);
}
