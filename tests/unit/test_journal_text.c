/*
 * test_journal_text.c - journalctl's entries over several lines
 * (feed/journal_text.c): -o verbose, export and json-pretty entries
 * handed over as one JSON line at their MESSAGE line; json-seq's
 * separator taken off; a line that cannot be part of an entry ends it
 * and is read on its own (a "{" or "__CURSOR=" line in an ordinary log
 * swallows nothing); random lines never read out of bounds (ASan).
 */
#include "tap.h"
#include "feed/journal_text.h"

#include <stdlib.h>
#include <string.h>

/* what feeding some lines gave: the entries and the lines read alone */
struct got {
	char entry[4][512];
	uint64_t at[4];
	int nentries;
	char rest[4][256];
	int nrest;
};

static void take(struct got *g, struct span entry, uint64_t at, struct span rest)
{
	if (entry.p && g->nentries < 4) {
		snprintf(g->entry[g->nentries], sizeof g->entry[0], "%.*s", (int)entry.n, entry.p);
		g->at[g->nentries++] = at;
	}
	if (rest.p && g->nrest < 4) {
		snprintf(g->rest[g->nrest++], sizeof g->rest[0], "%.*s", (int)rest.n, rest.p);
	}
}

/* run - the lines (n of them, lengths given for binary ones, else
 * strlen) through one jtext, line numbers from 1, then its end */
static void run(struct got *g, const char *const *lines, const size_t *lens, size_t n)
{
	memset(g, 0, sizeof *g);
	struct jtext j;
	jtext_init(&j);
	for (size_t i = 0; i < n; i++) {
		struct span line = span_make(lines[i], lens && lens[i] ? lens[i] : strlen(lines[i]));
		struct span entry = SPAN_NULL, rest = line;
		uint64_t at = 0;
		if (jtext_maybe(&j, line))
			jtext_line(&j, line, i + 1, &entry, &at, &rest);
		take(g, entry, at, rest);
	}
	struct span entry;
	uint64_t at = 0;
	jtext_end(&j, &entry, &at);
	take(g, entry, at, SPAN_NULL);
	jtext_free(&j);
}

TEST(journal_text_verbose)
{
	static const char *const lines[] = {
		"Sun 2026-11-22 11:35:05.442594 UTC [s=8d39;i=138;b=6d61;m=e16f9fc4;t=660dbde63ad22;x=4509]",
		"    _TRANSPORT=syslog",
		"    _HOSTNAME=mx1",
		"    SYSLOG_IDENTIFIER=postfix/submission/smtpd",
		"    SYSLOG_PID=15320",
		"    MESSAGE=warning: unknown[198.51.100.206]: SASL LOGIN authentication failed: \"x\"",
		"    SYSLOG_TIMESTAMP=Nov 22 11:35:05 ",
		"Sun 2026-11-22 11:35:06.000001 UTC [s=8d39;i=139;b=6d61;m=e16f9fc5;t=660dbde73b0c5;x=4510]",
		"    SYSLOG_IDENTIFIER=postfix/anvil",
		"    MESSAGE=statistics",
		"Nov 22 11:35:07 mx1 postfix/smtpd[1]: connect from x[192.0.2.1]",
	};
	struct got g;
	run(&g, lines, NULL, sizeof lines / sizeof lines[0]);
	CHECK_INT(g.nentries, 2);
	/* t=660dbde63ad22 is 1795347305442594 microseconds */
	CHECK_STR(g.entry[0], "{\"__REALTIME_TIMESTAMP\":\"1795347305442594\",\"_HOSTNAME\":\"mx1\","
			      "\"SYSLOG_IDENTIFIER\":\"postfix/submission/smtpd\",\"SYSLOG_PID\":\"15320\","
			      "\"MESSAGE\":\"warning: unknown[198.51.100.206]: SASL LOGIN authentication "
			      "failed: \\\"x\\\"\"}");
	CHECK_INT(g.at[0], 6); /* its MESSAGE line */
	CHECK_INT(g.at[1], 10);
	CHECK_INT(g.nrest, 1);
	CHECK_STR(g.rest[0], "Nov 22 11:35:07 mx1 postfix/smtpd[1]: connect from x[192.0.2.1]");
}

TEST(journal_text_export_binary_field)
{
	/* MESSAGE_ID as a binary field of 6 bytes, a line end among them;
	 * then MESSAGE, the entry ended by an empty line */
	static const char bin1[] = "MESSAGE_ID";
	static const char len_and_data[] = "\x06\x00\x00\x00\x00\x00\x00\x00" "ab";
	static const char *const lines[] = {
		"__CURSOR=s=1;i=2",
		"__REALTIME_TIMESTAMP=1795347305442594",
		"SYSLOG_IDENTIFIER=postfix/qmgr",
		bin1,
		len_and_data,
		"cde",
		"_PID=42",
		"MESSAGE=ABC123: removed",
		"",
		"Nov 22 11:35:07 mx1 postfix/smtpd[1]: connect from x[192.0.2.1]",
	};
	size_t lens[sizeof lines / sizeof lines[0]] = {0};
	lens[4] = 10;
	struct got g;
	run(&g, lines, lens, sizeof lines / sizeof lines[0]);
	CHECK_INT(g.nentries, 1);
	CHECK_STR(g.entry[0], "{\"__REALTIME_TIMESTAMP\":\"1795347305442594\",\"SYSLOG_IDENTIFIER\":"
			      "\"postfix/qmgr\",\"_PID\":\"42\",\"MESSAGE\":\"ABC123: removed\"}");
	CHECK_INT(g.at[0], 8);
	CHECK_INT(g.nrest, 1);
}

TEST(journal_text_pretty_and_seq)
{
	static const char *const lines[] = {
		"{",
		"\t\"__REALTIME_TIMESTAMP\" : \"1795347305442594\",",
		"\t\"MESSAGE_ID\" : [",
		"\t\t1,",
		"\t\t2",
		"\t],",
		"\t\"MESSAGE\" : \"connect from x[192.0.2.1]\",",
		"\t\"SYSLOG_IDENTIFIER\" : \"postfix/smtpd\"",
		"}",
		"\x1e{\"MESSAGE\":\"disconnect\"}",
	};
	struct got g;
	run(&g, lines, NULL, sizeof lines / sizeof lines[0]);
	CHECK_INT(g.nentries, 1);
	CHECK_STR(g.entry[0], "{\"__REALTIME_TIMESTAMP\" : \"1795347305442594\",\"MESSAGE_ID\" : [1,2],\"MESSAGE\" "
			      ": \"connect from x[192.0.2.1]\",\"SYSLOG_IDENTIFIER\" : \"postfix/smtpd\"}");
	CHECK_INT(g.at[0], 7);
	CHECK_INT(g.nrest, 1);
	CHECK_STR(g.rest[0], "{\"MESSAGE\":\"disconnect\"}");
}

TEST(journal_text_lookalikes_swallow_nothing)
{
	/* a "{" alone, a "__CURSOR=" line and a line ending in "[s=..;t=..]"
	 * in an ordinary log: the lines after them are read as they are */
	static const char *const lines[] = {
		"{",
		"Nov 22 11:35:07 mx1 postfix/smtpd[1]: connect from x[192.0.2.1]",
		"__CURSOR=s=1",
		"Nov 22 11:35:08 mx1 postfix/smtpd[1]: lost connection after EHLO from x[192.0.2.1]",
		"__CURSOR=s=2",
		"MAIL",
		"Nov 22 11:35:09 mx1 postfix/smtpd[1]: disconnect from x[192.0.2.1]",
	};
	struct got g;
	run(&g, lines, NULL, sizeof lines / sizeof lines[0]);
	CHECK_INT(g.nentries, 1);
	CHECK_STR(g.entry[0], "{"); /* read as a line of its own */
	CHECK_INT(g.at[0], 1);
	CHECK_INT(g.nrest, 3);
	CHECK_STR(g.rest[0], "Nov 22 11:35:07 mx1 postfix/smtpd[1]: connect from x[192.0.2.1]");
	CHECK_STR(g.rest[1], "Nov 22 11:35:08 mx1 postfix/smtpd[1]: lost connection after EHLO from x[192.0.2.1]");
	/* "MAIL" read as a binary field's name: the next line's first bytes
	 * are no length a field could have */
	CHECK_STR(g.rest[2], "Nov 22 11:35:09 mx1 postfix/smtpd[1]: disconnect from x[192.0.2.1]");
}

TEST(journal_text_random_lines)
{
	static const char *const parts[] = {"{", "}", "\t", "    ", "MESSAGE=", "_PID=", "__CURSOR=", "\"MESSAGE\" : \"",
					    "x", "=", " [s=1;t=", "ff", "]", ";", "\x1e", "\n", "\x08", "\xff", "",
					    "SYSLOG_IDENTIFIER=postfix/smtpd"};
	uint64_t s = 0x51ED2701ULL;
	struct jtext j;
	jtext_init(&j);
	unsigned entries = 0;
	for (int round = 0; round < 200000; round++) {
		char t[64];
		size_t n = 0;
		tap_parts(t, &n, sizeof t, parts, sizeof parts / sizeof parts[0], (int)(1 + tap_rnd(&s) % 4), &s);
		char *p = malloc(n ? n : 1); /* exactly its size: ASan sees a read past it */
		memcpy(p, t, n);
		struct span line = span_make(p, n), entry, rest;
		uint64_t at = 0;
		if (jtext_maybe(&j, line)) {
			jtext_line(&j, line, (uint64_t)round + 1, &entry, &at, &rest);
			if (entry.p) {
				entries++;
				CHECK(at >= 1 && at <= (uint64_t)round + 1);
				CHECK(entry.n <= 256 * 1024 + 2);
			}
			CHECK(!rest.p || (rest.p >= p && rest.p + rest.n <= p + n));
		}
		free(p);
	}
	jtext_free(&j);
	CHECK(entries > 100);
}

TEST(journal_text_other_json_documents)
{
	/* a pretty-printed JSON document of another kind (a test case, a
	 * tool's output): its lines are read one by one, as before */
	static const char *const lines[] = {
		"{",
		"  \"input\": {",
		"    \"message\": \"disconnect from unknown[1.1.1.1] ehlo=1 quit=1 commands=2\"",
		"  }",
		"}",
	};
	struct got g;
	run(&g, lines, NULL, sizeof lines / sizeof lines[0]);
	CHECK_INT(g.nentries, 1);
	CHECK_STR(g.entry[0], "{");
	CHECK_INT(g.nrest, 4);
	CHECK_STR(g.rest[0], "  \"input\": {");
	CHECK_STR(g.rest[3], "}");
	CHECK(jtext_pretty_field(span_of("\t\"MESSAGE\" : \"x\",")));
	CHECK(jtext_pretty_field(span_of("  \"_PID\": \"1\"")));
	CHECK(!jtext_pretty_field(span_of("  \"message\": \"x\"")));
	CHECK(!jtext_pretty_field(span_of("\"MESSAGE\" : \"x\"")));
	CHECK(!jtext_pretty_field(span_of("\t\"MESSAGE")));
}
