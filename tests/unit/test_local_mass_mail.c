/*
 * test_local_mass_mail.c - local-program-mass-mail (local_senders.c): a
 * program on this host (pickup's uid=N) mailing many domains whose mail
 * the remote servers refuse is told; a newsletter that is delivered, a
 * cron job mailing one outside domain, the same mail from an SMTP client,
 * or too few messages are not.  Fed through the whole front of the
 * pipeline (blame_pipe.h).
 */
#include "blame_pipe.h"

#include <stdio.h>

enum { MM_MAX = 64 * 5 + 1 };
static char mm_buf[MM_MAX][512];
static const char *mm_lines[MM_MAX];

/* mass - n messages of one program, to ndom domains, every fail-th
 * recipient bounced with dsn (0: none); via smtpd instead of pickup when
 * smtpd is set, and delivered by local(8) when local is set */
static const char *const *mass(int n, int ndom, int fail, const char *dsn, bool smtpd, bool local)
{
	size_t k = 0;
	for (int i = 0; i < n && k + 5 < MM_MAX; i++) {
		char q[16];
		snprintf(q, sizeof q, "5C0%04X", i);
		int s = i % 60;
		if (smtpd)
			snprintf(mm_buf[k++], 512,
				 "Dec  4 10:00:%02d web1 postfix/smtpd[2100]: %s: client=web2.example.com[198.51.100.9]", s, q);
		else
			snprintf(mm_buf[k++], 512,
				 "Dec  4 10:00:%02d web1 postfix/pickup[2101]: %s: uid=33 from=<www-data@web1.example.com>", s, q);
		snprintf(mm_buf[k++], 512, "Dec  4 10:00:%02d web1 postfix/cleanup[2102]: %s: message-id=<%d@web1.example.com>",
			 s, q, i);
		snprintf(mm_buf[k++], 512,
			 "Dec  4 10:00:%02d web1 postfix/qmgr[1201]: %s: from=<www-data@web1.example.com>, size=2311, nrcpt=1 (queue active)",
			 s, q);
		bool bad = fail && i % fail == 0;
		int d = i % ndom;
		if (local)
			snprintf(mm_buf[k++], 512,
				 "Dec  4 10:00:%02d web1 postfix/local[2104]: %s: to=<u%d@web1.example.com>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=%s, status=%s",
				 s, q, i, bad ? "5.1.1" : "2.0.0", bad ? "bounced (unknown user: \"u\")" : "sent (delivered to mailbox)");
		else
			snprintf(mm_buf[k++], 512,
				 "Dec  4 10:00:%02d web1 postfix/smtp[2103]: %s: to=<u%d@d%d.example.net>, relay=mx.d%d.example.net[203.0.113.%d]:25, delay=0.5, delays=0/0/0.2/0.3, dsn=%s, status=%s",
				 s, q, i, d, d, d + 1, bad ? dsn : "2.0.0",
				 bad ? "bounced (host mx.example.net[203.0.113.1] said: 550 Rejected (in reply to end of DATA command))"
				     : "sent (250 2.0.0 Ok)");
		snprintf(mm_buf[k++], 512, "Dec  4 10:00:%02d web1 postfix/qmgr[1201]: %s: removed", s, q);
	}
	for (size_t i = 0; i < k; i++)
		mm_lines[i] = mm_buf[i];
	mm_lines[k] = NULL;
	return mm_lines;
}

/* told - whether the pipeline's diagnosis holds local-program-mass-mail */
static bool told(const char *const *lines)
{
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	bool got = has_finding(p, F_LOCAL_MASS_MAIL);
	pipe_free(p);
	return got;
}

TEST(local_mass_mail_refused_told)
{
	/* a third bounced (not as spam): a quarter or more failed */
	CHECK(told(mass(30, 15, 3, "5.1.1", false, false)));
	/* a few refused as spam (5.7.1) among many delivered */
	CHECK(told(mass(60, 20, 15, "5.7.1", false, false)));
}

TEST(local_mass_mail_look_alikes_quiet)
{
	CHECK(!told(mass(40, 20, 0, "", false, false)));       /* a newsletter, all delivered */
	CHECK(!told(mass(40, 1, 2, "5.7.1", false, false)));   /* one outside domain (cron to a mailbox) */
	CHECK(!told(mass(40, 20, 2, "5.7.1", true, false)));   /* an SMTP client's: not pickup's */
	CHECK(!told(mass(15, 15, 2, "5.7.1", false, false)));  /* too few messages */
	CHECK(!told(mass(40, 20, 2, "5.1.1", false, true)));   /* this host's own mailboxes */
	CHECK(!told(mass(40, 20, 10, "5.1.1", false, false))); /* one in ten bounced, none as spam */
}
