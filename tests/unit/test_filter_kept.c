/*
 * test_filter_kept.c - mail a content filter took and kept (threads BB):
 * Amavis's "250 2.7.0 Ok, discarded" and "250 2.5.0 Ok, id=..., BOUNCE"
 * replies (parse/filter_reply.c) against its ordinary "queued as" and
 * look-alikes; the summary counting them discarded and bounced, never
 * delivered; and Amavis's own "Blocked" line as content-filter-blocked
 * keyed by verdict and fate, its "Passed" line and other programs' look-
 * alikes not (tests/data/variants-families3/143*, 144*).
 */
#include "progs.h"
#include "analyze/summary.h"
#include "summary_feed.h"
#include "diagnose/rules.h"
#include "parse/filter_reply.h"

TEST(filter_reply_drop_kinds)
{
	static const struct {
		const char *reason;
		enum filter_drop want;
	} cases[] = {
	    {"250 2.7.0 Ok, discarded, id=00585-01 - spam", FILTER_DISCARDED},
	    {"250 2.7.0 Ok, discarded, id=00675-01 - INFECTED: Win.Test.EICAR_HDB-1", FILTER_DISCARDED},
	    {"250 2.5.0 Ok, id=01043-01, BOUNCE", FILTER_BOUNCED},
	    /* passed on, or not Amavis's words */
	    {"250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as E8339132AB", FILTER_PASSED},
	    {"250 2.0.0 Ok: queued as 4B2C3D", FILTER_PASSED},
	    {"250 2.5.0 Ok, id=01043-01", FILTER_PASSED},
	    {"250 2.5.0 Ok, id=, BOUNCE", FILTER_PASSED},
	    {"250 2.5.0 Ok, id=01043-01 BOUNCE", FILTER_PASSED},
	    {"250 2.5.0 Ok, id=", FILTER_PASSED},
	    {"", FILTER_PASSED},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (filter_reply_drop(span_of(cases[i].reason)) != cases[i].want)
			test_fail(__FILE__, __LINE__, "case %zu: [%s]", i, cases[i].reason);
	/* a span cut before its terminator: nothing read past it */
	const char *s = "250 2.5.0 Ok, id=01043-01, BOUNCE";
	CHECK(filter_reply_drop(span_make(s, 26)) == FILTER_PASSED);
	CHECK(filter_reply_drop(span_make(s, 33)) == FILTER_BOUNCED);
}


TEST(summary_filter_kept_not_delivered)
{
	static const char *const lines[] = {
	    "Jul  2 17:23:01 mail postfix/smtp[594]: 8139A778: to=<joe@example.org>, relay=127.0.0.1[127.0.0.1]:10024, "
	    "delay=5.6, delays=0.34/0.01/0.01/5.2, dsn=2.7.0, status=sent (250 2.7.0 Ok, discarded, id=00585-01 - spam)",
	    "Feb 12 20:55:30 mail postfix/smtp[13246]: 35EE580A20: to=<ann@example.org>, relay=127.0.0.1[127.0.0.1]:10024, "
	    "delay=28, delays=27/0/0.01/1, dsn=2.5.0, status=sent (250 2.5.0 Ok, id=01043-01, BOUNCE)",
	    "Feb 12 20:55:31 mail postfix/smtp[13246]: 45EE580A20: to=<bob@example.org>, relay=127.0.0.1[127.0.0.1]:10024, "
	    "delay=1, delays=0.1/0/0.01/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: "
	    "queued as 55EE580A20)",
	    NULL,
	};
	struct summary *s = feed(lines);
	CHECK_INT(s->delivered, 1);
	CHECK_INT(s->discarded, 1);
	CHECK_INT(s->bounced, 1);
	summary_free(s);
	/* a remote server that answers so (an Amavis in front of its own
	 * port 25) took the message: delivered, as far as this host goes */
	static const char *const remote[] = {
	    "Jul  2 17:23:02 mail postfix/smtp[595]: 9139A778: to=<joe@remote.example>, relay=mx.remote.example[198.51.100.9]:25, "
	    "delay=1, delays=0.1/0/0.4/0.5, dsn=2.7.0, status=sent (250 2.7.0 Ok, discarded, id=00586-01 - spam)",
	    NULL,
	};
	s = feed(remote);
	CHECK_INT(s->delivered, 1);
	CHECK_INT(s->discarded, 0);
	summary_free(s);
}

TEST(diagnose_amavis_blocked)
{
	static const struct {
		const char *line, *key; /* key NULL: not content-filter-blocked */
	} cases[] = {
	    {"Jul  2 17:23:01 mail amavis[585]: (00585-01) Blocked SPAM {DiscardedInbound,Quarantined}, [1.1.1.1]:54163 "
	     "[1.1.1.1] <a@example.com> -> <b@example.com>, quarantine: g/spam-g6Yyuff9jLdF.gz, Queue-ID: 8139A778, "
	     "mail_id: g6Yyuff9jLdF, Hits: 1000.364, size: 3706, 5233 ms",
	     "Blocked SPAM {DiscardedInbound,Quarantined}"},
	    {"Feb 10 01:27:49 mx-1 amavis[27693]: (27693-06) Blocked INFECTED (Win.Trojan.Generickd-2094), "
	     "[194.214.158.196] [167.88.35.187] <a@example.net> -> <x@example.org>, quarantine: 3/virus-3tsxby3v3tSL, "
	     "mail_id: 3tsxby3v3tSL, Hits: -, size: 253117, 284 ms",
	     "Blocked INFECTED"},
	    {"Feb 12 20:55:30 mail amavis[1043]: (01043-01) Blocked SPAM {BouncedInternal,Quarantined}, LOCAL "
	     "[172.19.3.101]:57278 <k@example.nl> -> <h@example.com>, quarantine: L/spam-LMHsfmxldtMS.gz, "
	     "Queue-ID: 35EE580A20, mail_id: LMHsfmxldtMS, Hits: 1005.482, size: 544, 999 ms",
	     "Blocked SPAM {BouncedInternal,Quarantined}"},
	    {"Mar  1 10:00:00 mx amavisd[900]: (00900-02) Blocked BANNED (multipart/mixed | application/x-msdownload,.exe,"
	     "setup.exe) {DiscardedInbound,Quarantined}, [192.0.2.5]:4000 <a@example.net> -> <b@example.com>, "
	     "quarantine: banned-ab12, mail_id: ab12, Hits: -, size: 1000, 20 ms",
	     "Blocked BANNED {DiscardedInbound,Quarantined}"},
	    /* delivered (tagged); another program's words; a Postfix line
	     * quoting them; no category */
	    {"Jan  7 01:43:53 mail amavis[803]: (00803-01) Passed SPAM {RelayedTaggedInbound,Quarantined}, "
	     "[127.0.0.1]:57256 <r@example.test> -> <h@example.test>, quarantine: S/spam-SvjFaxs_mgzs.gz", NULL},
	    {"Jan  7 01:43:53 mail spamd[580]: spamd: Blocked SPAM {DiscardedInbound}, <a@example.com>", NULL},
	    {"Jan  7 01:43:53 mail postfix/cleanup[797]: E8339132AB: warning: Blocked SPAM {DiscardedInbound}", NULL},
	    {"Jan  7 01:43:53 mail amavis[803]: (00803-01) Blocked , [127.0.0.1]:57256", NULL},
	    {"Jan  7 01:43:53 mail amavis[803]: (00803-01", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct event *ev = progs_line(cases[i].line);
		struct diag_hit hit;
		bool got = ev && diag_classify(ev, &hit) && hit.id == F_FILTER_BLOCKED;
		if (got != !!cases[i].key)
			test_fail(__FILE__, __LINE__, "case %zu: content-filter-blocked %s", i, got ? "given" : "missing");
		else if (got && strcmp(hit.key, cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: key [%s], want [%s]", i, hit.key, cases[i].key);
	}
}
