/*
 * test_dovecot_delivery.c - Dovecot's delivery lines (parse/dovecot.c:
 * its LDA's and LMTP server's "msgid=<ID>: ...", Sieve's actions and
 * failures, in 2.0 to 2.4's wordings, with and without the "dovecot:"
 * tag) and what diagnose makes of them (dovecot_delivery.c): a quota
 * refusal is local-mailbox-full, a script's abort sieve-script-failing
 * unless a store failed just before for the same user, the user's own
 * filing, discard, forward mailbox-sieve-action; LMTP's reply that Sieve
 * failed, and the look-alikes that stay what they were.
 */
#include "progs.h"
#include "diagnose/diag_internal.h"
#include "diagnose/rules.h"

#include <string.h>

/* field - a NUL-ended copy of an event's span, for CHECK_STR */
static const char *field(struct span s)
{
	static char b[4][256];
	static int k;
	char *o = b[k++ & 3];
	size_t n = s.n < 255 ? s.n : 255;
	memcpy(o, s.p ? s.p : "", n);
	o[n] = 0;
	return o;
}

/* classify - the finding id of one whole log line, or "" */
static const char *classify(const char *line)
{
	struct diag_hit hit;
	if (!diag_classify(progs_line(line), &hit))
		return "";
	return finding_id(hit.id);
}

#define DV "Mar 10 09:50:12 mx1 dovecot: "

TEST(dovecot_delivery_parse)
{
	/* 2.3's LMTP, Pigeonhole 0.5's "fileinto action: " */
	const struct event *ev = progs_line(DV "lmtp(erin@example.com)<3212><Cd34Ef56Gh78Ij90Kl12Mn>: sieve: "
					    "msgid=<a.b@example.net>: fileinto action: stored mail into mailbox 'Junk'");
	CHECK_STR(field(ev->action), "saved");
	CHECK_STR(field(ev->to), "erin@example.com");
	CHECK_STR(field(ev->message_id), "a.b@example.net");
	CHECK_STR(field(ev->relay), "Junk");
	/* 2.2's "Info: SESSION: " and a forward */
	ev = progs_line(DV "lmtp(frank@example.com): Info: Ef56Gh78Ij90Kl12Mn34Op: sieve: msgid=<x@example.net>: "
			   "forwarded to <frank.home@example.org>");
	CHECK_STR(field(ev->action), "forwarded");
	CHECK_STR(field(ev->relay), "frank.home@example.org");
	/* the LDA's store refused for quota, "Error: " before "sieve: " */
	ev = progs_line(DV "lda(heidi)<3215><Gh78>: Error: sieve: msgid=<q@example.net>: failed to store into "
			   "mailbox 'INBOX': Quota exceeded (mailbox for user is full)");
	CHECK_STR(field(ev->action), "store_failed");
	CHECK_STR(field(ev->relay), "INBOX");
	CHECK_STR(field(ev->reason), "Quota exceeded (mailbox for user is full)");
	/* mail-deliver.c without Sieve, 1.x's "deliver(" */
	ev = progs_line(DV "deliver(bob): msgid=<m@example.net>: saved mail to INBOX");
	CHECK_STR(field(ev->action), "saved");
	CHECK_STR(field(ev->relay), "INBOX");
	CHECK_STR(field(ev->to), "bob");
	/* 2.4's capital "Marked", and a Message-ID holding ": " */
	ev = progs_line(DV "lmtp(kim@example.com)<1><S>: sieve: msgid=<odd: id@example.net>: Marked message to be "
			   "discarded if not explicitly delivered (discard action)");
	CHECK_STR(field(ev->action), "discarded");
	CHECK_STR(field(ev->message_id), "odd: id@example.net");
	/* the script's abort names the script (2.4 quotes it) */
	ev = progs_line(DV "lmtp(c@example.com)<1><S>: Error: sieve: Execution of script '/etc/dovecot/after.sieve' "
			   "was aborted due to temporary failure");
	CHECK_STR(field(ev->action), "script_aborted");
	CHECK_STR(field(ev->relay), "/etc/dovecot/after.sieve");
	/* Dovecot's own log_path: the process in the tag's place */
	ev = progs_line("Mar 10 10:10:12 lmtp(kim@example.com): Info: Jk01Lm23No45Pq67Rs89Tu: sieve: "
			"msgid=<k@example.net>: marked message to be discarded if not explicitly delivered (discard action)");
	CHECK_STR(field(ev->action), "discarded");
	CHECK_STR(field(ev->to), "kim@example.com");
	/* mail_debug's steps, 2.2's lmtp(PID) lines, auth lines: no outcome */
	ev = progs_line(DV "lmtp(leo@example.com)<1><S>: Debug: sieve: msgid=<d@example.net>: Executing discard action");
	CHECK(!ev->action.n);
	ev = progs_line(DV "lmtp(19672): Disconnect from local: Temporary internal failure (in DATA)");
	CHECK(!ev->action.n);
	ev = progs_line(DV "lmtp(u@example.com)<1><S>: sieve: msgid=<unterminated");
	CHECK(!ev->action.n);
	ev = progs_line(DV "lmtp(" "u@example.com");
	CHECK(!ev->action.n);
}

TEST(dovecot_delivery_findings)
{
	CHECK_STR(classify(DV "lmtp(h@example.com)<1><S>: sieve: msgid=<q@example.net>: failed to store into mailbox "
			      "'INBOX': Quota exceeded (mailbox for user is full)"),
		  "local-mailbox-full");
	CHECK_STR(classify(DV "lmtp(j@example.com)<1><S>: msgid=<p@example.net>: save failed to INBOX: Permission denied"),
		  "");
	CHECK_STR(classify(DV "lmtp(c@example.com)<1><S>: Error: sieve: Execution of script /x.sieve was aborted due "
			      "to temporary failure"),
		  "sieve-script-failing");
	CHECK_STR(classify(DV "lmtp(e@example.com)<1><S>: sieve: msgid=<j@example.net>: stored mail into mailbox 'Junk'"),
		  "mailbox-sieve-action");
	CHECK_STR(classify(DV "lmtp(e@example.com)<1><S>: sieve: msgid=<j@example.net>: stored mail into mailbox 'INBOX'"),
		  "");
	CHECK_STR(classify(DV "lmtp(e@example.com)<1><S>: sieve: msgid=<j@example.net>: sent vacation response to "
			      "<a@example.org>"),
		  "");
	/* LMTP's reply that Sieve failed: this host's backend, told as Sieve */
	CHECK_STR(classify("Mar 10 09:40:12 mx1 postfix/lmtp[3205]: 2A3B4C5D6E: to=<c@example.com>, "
			   "relay=mx1.example.com[private/dovecot-lmtp], delay=1.1, delays=0.2/0.01/0.05/0.84, "
			   "dsn=4.2.0, status=deferred (host mx1.example.com[private/dovecot-lmtp] said: 451 4.2.0 "
			   "<c@example.com> Execution of Sieve filters was aborted due to temporary failure (in reply "
			   "to end of DATA command))"),
		  "sieve-script-failing");
	/* the same words from a remote server are a remote server's */
	CHECK(strcmp(classify("Mar 10 09:40:12 mx1 postfix/smtp[3206]: 2A3B4C5D6F: to=<c@example.net>, "
			      "relay=mx.example.net[198.51.100.60]:25, delay=1.1, delays=0.2/0.01/0.05/0.84, "
			      "dsn=4.2.0, status=deferred (host mx.example.net[198.51.100.60] said: 451 4.2.0 "
			      "Execution of Sieve filters was aborted due to temporary failure (in reply to end of "
			      "DATA command))"),
		     "sieve-script-failing"));
	/* another program's words are not Dovecot's */
	CHECK_STR(classify("Mar 10 09:40:12 mx1 postgrey[99]: lmtp(x)<1><S>: sieve: msgid=<j@e>: stored mail into "
			   "mailbox 'Junk'"),
		  "");
}

TEST(dovecot_delivery_abort_after_store)
{
	struct diag *d = diag_new();
	struct diag_hit hit = {.id = F_SIEVE_FAILING};
	/* a store failure for dave, then the abort: the failure's */
	const struct event *ev = progs_line("Mar 10 09:41:12 mx1 dovecot: lmtp(dave@example.com)<1><S>: Error: sieve: "
					    "msgid=<m@example.net>: failed to store into mailbox 'INBOX': Internal error");
	CHECK(diag_dovecot_take(d, ev, NULL));
	ev = progs_line("Mar 10 09:41:13 mx1 dovecot: lmtp(dave@example.com)<1><S>: Error: sieve: Execution of "
			"script /d.sieve was aborted due to temporary failure");
	CHECK(!diag_dovecot_take(d, ev, &hit));
	/* another user's abort, or dave's a minute and more later: the script's */
	ev = progs_line("Mar 10 09:41:13 mx1 dovecot: lmtp(carol@example.com)<2><T>: Error: sieve: Execution of "
			"script /c.sieve was aborted due to temporary failure");
	CHECK(diag_dovecot_take(d, ev, &hit));
	ev = progs_line("Mar 10 09:43:13 mx1 dovecot: lmtp(dave@example.com)<3><U>: Error: sieve: Execution of "
			"script /d.sieve was aborted due to temporary failure");
	CHECK(diag_dovecot_take(d, ev, &hit));
	diag_free(d);
}
