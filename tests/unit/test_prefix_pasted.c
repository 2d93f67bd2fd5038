/*
 * test_prefix_pasted.c - the shapes lines take when pasted (paste.c):
 * docker-compose prefixes, web-UI columns, markdown and mail artefacts,
 * lines without time, host or pid, prose that stays prose, editors' and
 * grep's line numbers and file names, a line logged again by another
 * program, foreign tags, a shell comment mark.
 */
#include "prefix_check.h"

/* docker-compose prefixes: "service  | " before the syslog line, colour
 * codes or not (qa-dev 05, 37) */
TEST(prefix_pasted_docker_compose)
{
	static const struct pasted_case c[] = {
	    {"postfix-mailcow_1    | Oct 12 11:39:44 mx postfix/error[7376]: 0A8CA8070E: to=<munged>, relay=none, dsn=4.4.3, status=deferred (delivery temporarily suspended: Host or domain name not found. Name service error",
	     true, "2026-10-12T11:39:44+00:00", "mx", "postfix/error", 7376, "",
	     "0A8CA8070E: to=<munged>, relay=none, dsn=4.4.3, status=deferred (delivery temporarily suspended: Host or domain name not found. Name service error"},
	    {"postfix-mailcow_1    | May 31 11:00:46 postfix/smtpd[782]: warning: not enough free space in mail queue: 9679581184 bytes < 1.5*message size limit",
	     true, "2026-05-31T11:00:46+00:00", NULL, "postfix/smtpd", 782, "warning",
	     "not enough free space in mail queue: 9679581184 bytes < 1.5*message size limit"},
	    {"\x1b[36mmailserver_1  |\x1b[0m Feb 16 11:03:54 mail postfix/postscreen[12994]: PASS OLD [172.21.0.1]:54410",
	     true, "2026-02-16T11:03:54+00:00", "mail", "postfix/postscreen", 12994, "",
	     "PASS OLD [172.21.0.1]:54410"},
	    /* the colour codes with their escape byte printed as text, as a
	     * log viewer ("ESC"), cat -v or less ("^[") or a JSON export
	     * ("\u001b") shows them */
	    {"ESC[36mmail              |ESC[0m Apr 29 14:16:25 mail postfix/smtpd[1701]: warning: connect to localhost:65265: Cannot assign requested address",
	     true, "2026-04-29T14:16:25+00:00", "mail", "postfix/smtpd", 1701, "warning",
	     "connect to localhost:65265: Cannot assign requested address"},
	    {"^[[36mmail  |^[[0m Apr 29 14:16:25 mail postfix/smtpd[1701]: connect from unknown[192.0.2.1]",
	     true, "2026-04-29T14:16:25+00:00", "mail", "postfix/smtpd", 1701, "",
	     "connect from unknown[192.0.2.1]"},
	    {"\\u001b[1;32mmail  |\\u001b[0m Apr 29 14:16:25 mail postfix/smtpd[1701]: connect from unknown[192.0.2.1]",
	     true, "2026-04-29T14:16:25+00:00", "mail", "postfix/smtpd", 1701, "",
	     "connect from unknown[192.0.2.1]"},
	    {"mailserver-1  | 2026-02-16T11:03:54.123456+00:00 mail postfix/smtpd[13007]: connect from unknown[172.21.0.1]",
	     true, "2026-02-16T11:03:54.123456+00:00", "mail", "postfix/smtpd", 13007, "",
	     "connect from unknown[172.21.0.1]"},
	    /* a service named "postfix" is a label, not a tag */
	    {"postfix  | Feb 16 11:03:54 mail postfix/smtpd[13007]: connect from unknown[172.21.0.1]",
	     true, "2026-02-16T11:03:54+00:00", "mail", "postfix/smtpd", 13007, "",
	     "connect from unknown[172.21.0.1]"},
	    /* docker logs -t: the engine's time first, syslog's skipped */
	    {"2026-07-12T10:11:12.123456789Z Jul 12 10:11:12 mail postfix/smtpd[1]: connect from x[192.0.2.1]",
	     true, "2026-07-12T10:11:12.123456+00:00", "mail", "postfix/smtpd", 1, "",
	     "connect from x[192.0.2.1]"},
	    /* kubectl logs --prefix */
	    {"[pod/mail-0/postfix] Feb 16 11:03:54 mail postfix/smtpd[9]: connect from x[192.0.2.1]",
	     true, "2026-02-16T11:03:54+00:00", "mail", "postfix/smtpd", 9, "", "connect from x[192.0.2.1]"},
	    /* a container runtime's (CRI) log file: time, stream, F or P */
	    {"2026-07-12T10:11:12.123456789Z stdout F Jul 12 10:11:12 mail postfix/smtpd[1]: connect from x[192.0.2.1]",
	     true, "2026-07-12T10:11:12.123456+00:00", "mail", "postfix/smtpd", 1, "",
	     "connect from x[192.0.2.1]"},
	    {"2026-07-12T10:11:13.5Z stderr P postfix/smtpd[2]: warning: hostname x does not resolve to address 192.0.2.1",
	     true, "2026-07-12T10:11:13.5+00:00", NULL, "postfix/smtpd", 2, "warning",
	     "hostname x does not resolve to address 192.0.2.1"},
	    /* a log printer that wrote the whole prefix twice */
	    {"mail    | Sep  7 18:38:01 mail postfix/submission/smtpd[5384]: mail    | Sep  7 18:38:01 mail postfix/submission/smtpd[5384]: connect from x[192.0.2.1]",
	     true, "2026-09-07T18:38:01+00:00", "mail", "postfix/submission/smtpd", 5384, "",
	     "connect from x[192.0.2.1]"},
	    /* a text that only starts like the prefix keeps it */
	    {"mail    | Sep  7 18:38:01 mail postfix/smtpd[5384]: mail    | Sep  7 18:38:02 x",
	     true, "2026-09-07T18:38:01+00:00", "mail", "postfix/smtpd", 5384, "",
	     "mail    | Sep  7 18:38:02 x"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* web-UI exports: "date | level | message" and other column orders,
 * tabs, a markdown table, newest first */
TEST(prefix_pasted_web_ui_columns)
{
	static const struct pasted_case c[] = {
	    {"2026-01-02 10:11:12 | warning | postfix/smtpd[123]: warning: hostname mail.example does not resolve to address 192.0.2.7",
	     true, "2026-01-02T10:11:12+00:00", NULL, "postfix/smtpd", 123, "warning",
	     "hostname mail.example does not resolve to address 192.0.2.7"},
	    {"2026-01-02 10:11:11 | info | postfix/smtpd[123]: connect from mail.example[192.0.2.7]",
	     true, "2026-01-02T10:11:11+00:00", NULL, "postfix/smtpd", 123, "",
	     "connect from mail.example[192.0.2.7]"},
	    {"2026-01-02 10:11:10 | mx1 | INFO | postfix/smtpd[123]: connect from a[192.0.2.8]",
	     true, "2026-01-02T10:11:10+00:00", "mx1", "postfix/smtpd", 123, "",
	     "connect from a[192.0.2.8]"},
	    {"warning | 2026-01-02 10:11:09 | postfix/smtpd[123]: warning: x",
	     true, "2026-01-02T10:11:09+00:00", NULL, "postfix/smtpd", 123, "warning", "x"},
	    {"2026-01-02 10:11:08\tinfo\tpostfix/qmgr[7]: 4C3F81234: removed",
	     true, "2026-01-02T10:11:08+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81234: removed"},
	    /* the message first, the level and date after it */
	    {"postfix/qmgr[7]: 4C3F81235: removed | info | 2026-01-02 10:11:07",
	     true, "2026-01-02T10:11:07+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81235: removed"},
	    {"| 2026-01-02 10:11:06 | info | postfix/qmgr[7]: 4C3F81236: removed |",
	     true, "2026-01-02T10:11:06+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81236: removed"},
	    /* the tag in a column of its own */
	    {"2026-01-02 10:11:05 | postfix/qmgr[7] | 4C3F81237: removed",
	     true, "2026-01-02T10:11:05+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81237: removed"},
	    {"2026-01-02 10:11:04,517 INFO postfix/qmgr[7]: 4C3F81238: removed",
	     true, "2026-01-02T10:11:04+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81238: removed"},
	    /* a browser's locale date, the day first ("d.m.yyyy, hh:mm:ss"),
	     * quoted in an issue; the tag was not in the table */
	    {"> 4.1.2026, 11:16:09 | warning | warning: process /usr/lib/postfix/sbin/smtpd pid 342 exit status 1",
	     true, "2026-01-04T11:16:09+00:00", NULL, "", -1, "warning",
	     "process /usr/lib/postfix/sbin/smtpd pid 342 exit status 1"},
	    {"04.01.2026 11:16:10 | info | postfix/qmgr[7]: 4C3F81239: removed",
	     true, "2026-01-04T11:16:10+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81239: removed"},
	    /* not a date: a version, a day past 31, a two-digit year */
	    {.line = "3.1.6, 11:16:09 | info | started"},
	    {.line = "32.1.2026, 11:16:09 | info | started"},
	    /* the header row of the table is no log line */
	    {.line = "| Time | Level | Message |"},
	    {.line = "Time\tPriority\tMessage"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* "ISO-ts LEVEL postfix/...": the level is not the host */
TEST(prefix_pasted_iso_level)
{
	static const struct pasted_case c[] = {
	    {"2021-03-04T05:06:07.123Z INFO postfix/smtpd[12]: connect from unknown[192.0.2.1]",
	     true, "2021-03-04T05:06:07.123+00:00", NULL, "postfix/smtpd", 12, "",
	     "connect from unknown[192.0.2.1]"},
	    {"2021-03-04T05:06:08Z mx1 WARNING postfix/smtpd[12]: warning: x", true,
	     "2021-03-04T05:06:08+00:00", "mx1", "postfix/smtpd", 12, "warning", "x"},
	    {"2021-03-04T05:06:09Z [error] postfix/smtpd[12]: x", true, "2021-03-04T05:06:09+00:00",
	     NULL, "postfix/smtpd", 12, "", "x"},
	    {"Mar  4 05:06:10 notice postfix/smtpd[12]: x", true, "2026-03-04T05:06:10+00:00", NULL,
	     "postfix/smtpd", 12, "", "x"},
	    /* a '|' where the host goes is no host */
	    {"2021-03-04 05:06:11 | postfix/smtpd[12]: x", true, "2021-03-04T05:06:11+00:00", NULL,
	     "postfix/smtpd", 12, "", "x"},
	    /* real host names that start like level words stay hosts */
	    {"2021-03-04T05:06:12Z email postfix/smtpd[12]: x", true, "2021-03-04T05:06:12+00:00",
	     "email", "postfix/smtpd", 12, "", "x"},
	    {"2021-03-04T05:06:13Z info.example.org postfix/smtpd[12]: x", true,
	     "2021-03-04T05:06:13+00:00", "info.example.org", "postfix/smtpd", 12, "", "x"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* markdown and mail artefacts: bullets, quotes, numbers, indentation; a
 * line wrapped by the paste tool stays without prefix (qa-dev 26) */
TEST(prefix_pasted_markdown)
{
	static const struct pasted_case c[] = {
	    {"- Feb 16 11:03:54 mail postfix/smtpd[13007]: warning: texthash:/tmp/docker-mailserver/postfix-send-access.cf is unavailable. open database /tmp/docker-mailserver/postfix-send-access.cf: No such f",
	     true, "2026-02-16T11:03:54+00:00", "mail", "postfix/smtpd", 13007, "warning",
	     "texthash:/tmp/docker-mailserver/postfix-send-access.cf is unavailable. open database /tmp/docker-mailserver/postfix-send-access.cf: No such f"},
	    {.line = "- ile or directory"},
	    {"> Feb 16 11:03:55 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:55+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    {">> Feb 16 11:03:56 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:56+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    {"* Feb 16 11:03:57 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:57+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    {"    Feb 16 11:03:58 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:58+00:00",
	     "mail", "postfix/smtpd", 1, "", "x"},
	    {"\tFeb 16 11:03:59 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:59+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    {"12. Feb 16 11:04:00 mail postfix/smtpd[1]: x", true, "2026-02-16T11:04:00+00:00",
	     "mail", "postfix/smtpd", 1, "", "x"},
	    {"\xe2\x80\xa2 Feb 16 11:04:01 mail postfix/smtpd[1]: x", true,
	     "2026-02-16T11:04:01+00:00", "mail", "postfix/smtpd", 1, "", "x"},
	    {"`Feb 16 11:04:02 mail postfix/smtpd[1]: x`", true, "2026-02-16T11:04:02+00:00", "mail",
	     "postfix/smtpd", 1, "", "x`"},
	    {"\xef\xbb\xbf" "Feb 16 11:04:03 mail postfix/smtpd[1]: x", true,
	     "2026-02-16T11:04:03+00:00", "mail", "postfix/smtpd", 1, "", "x"},
	    /* threads18K: markdown italics or bold around the line */
	    {"_Feb 16 11:04:04 mail postfix/smtpd[1]: x y_", true, "2026-02-16T11:04:04+00:00", "mail",
	     "postfix/smtpd", 1, "", "x y"},
	    {"**Feb 16 11:04:05 mail postfix/smtpd[1]: x**", true, "2026-02-16T11:04:05+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    /* a non-Postfix line pasted with its time: read, not Postfix's */
	    {"- Jan 19 14:16:13 host kernel: rmilter[2867]: segfault at 7fafac021024", true,
	     "2026-01-19T14:16:13+00:00", "host", "kernel", -1, "",
	     "rmilter[2867]: segfault at 7fafac021024"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* no time, no host, no pid, an empty pid, no tag (qa-dev 17, 19, 23, 28) */
TEST(prefix_pasted_no_time_no_pid)
{
	static const struct pasted_case c[] = {
	    {"postfix/master[843]: fatal: bind IP.IP.IP.IP port 465: Address already in use", true,
	     NULL, NULL, "postfix/master", 843, "fatal", "bind IP.IP.IP.IP port 465: Address already in use"},
	    {"mail postfix/master[20375]: warning: process /usr/lib/postfix/sbin/proxymap pid 21497 killed by signal 6",
	     true, NULL, "mail", "postfix/master", 20375, "warning",
	     "process /usr/lib/postfix/sbin/proxymap pid 21497 killed by signal 6"},
	    {"postfix/cleanup: warning: connect to Milter service inet:localhost:8891: Connection refused",
	     true, NULL, NULL, "postfix/cleanup", -1, "warning",
	     "connect to Milter service inet:localhost:8891: Connection refused"},
	    {"Sep 16 09:22:05 nixe.k4cg.org postfix/qmgr[23117]: warning: connect to transport private/mailman: No such file or directory",
	     true, "2026-09-16T09:22:05+00:00", "nixe.k4cg.org", "postfix/qmgr", 23117, "warning",
	     "connect to transport private/mailman: No such file or directory"},
	    /* Postfix's own text with no tag at all: its time is the last one read */
	    {"warning: database /var/lib/mlmmj/transports.db is older than source file /var/lib/mlmmj/transports",
	     true, NULL, NULL, "", -1, "warning",
	     "database /var/lib/mlmmj/transports.db is older than source file /var/lib/mlmmj/transports"},
	    {"Feb 16 11:03:54 mail postfix/smtpd[]: connect from unknown[192.0.2.1]", true,
	     "2026-02-16T11:03:54+00:00", "mail", "postfix/smtpd", -1, "", "connect from unknown[192.0.2.1]"},
	    {"postfix/smtpd[]: connect from unknown[192.0.2.1]", true, NULL, NULL, "postfix/smtpd", -1,
	     "", "connect from unknown[192.0.2.1]"},
	    {"postfix-mailcow_1 | postfix/smtpd[5]: connect from unknown[192.0.2.1]", true, NULL, NULL,
	     "postfix/smtpd", 5, "", "connect from unknown[192.0.2.1]"},
	    /* the table and configuration commands' stderr, bare tag, as a
	     * container's start script prints it (colour codes, a label) */
	    {"\x1b[36mmail   |\x1b[0m postalias: fatal: unsupported dictionary type: lmdb. Is the postfix-lmdb package installed?",
	     true, NULL, NULL, "postalias", -1, "fatal",
	     "unsupported dictionary type: lmdb. Is the postfix-lmdb package installed?"},
	    {"postmap: fatal: open /etc/postfix/transport: No such file or directory", true, NULL, NULL,
	     "postmap", -1, "fatal", "open /etc/postfix/transport: No such file or directory"},
	    {"postconf: warning: /etc/postfix/main.cf: unused parameter: smtpd_foo=yes", true, NULL, NULL,
	     "postconf", -1, "warning", "/etc/postfix/main.cf: unused parameter: smtpd_foo=yes"},
	    /* threads18K: another program's line with its pid (a panel's mail
	     * handlers in Plesk's maillog): read, not Postfix's; without a
	     * pid, or after a word, it is prose */
	    {"/usr/lib64/plesk-9.0/psa-pc-remote[5977]: REJECT during call 'limit-out' handler", true, NULL,
	     NULL, "/usr/lib64/plesk-9.0/psa-pc-remote", 5977, "", "REJECT during call 'limit-out' handler"},
	    {"Note: the handler said REJECT", false, NULL, NULL, NULL, 0, NULL, NULL},
	    {"The log[1]: says more", false, NULL, NULL, NULL, 0, NULL, NULL},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
	/* the time a line without one takes: the last one read, or none */
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "postfix/master[1]: warning: x", &l));
	CHECK_INT(l.ts.us, 0);
	CHECK(parse(&st, "2026-09-16T09:22:05Z mx postfix/qmgr[2]: warning: x", &l));
	CHECK(parse(&st, "warning: database a.db is older than source file a", &l));
	CHECK_STR(iso_of(l.ts), "2026-09-16T09:22:05+00:00");
	CHECK_INT(l.format, FMT_NOTIME);
}

/* what must stay without prefix: prose, mail headers, a pasted
 * transcript's dialogue (read by transcript.c from lines with no prefix),
 * a timeless line of another program, a wrapped line */
TEST(prefix_pasted_rejects_prose)
{
	static const struct pasted_case c[] = {
	    {.line = "Transcript of session follows."},
	    {.line = "Out: 220 hostname.tld ESMTP Postfix"},
	    {.line = "In: ."},
	    {.line = "Out: 502 5.5.2 Error: command not recognized"},
	    {.line = "Session aborted, reason: lost connection"},
	    {.line = "Subject: Postfix SMTP server: errors from unknown[192.0.2.1]"},
	    {.line = "Received: from mail.example.com (mail.example.com [192.0.2.1])"},
	    {.line = "X-Postfix-Queue-ID: 4C3F81234"},
	    {.line = "kernel: rmilter[20385]: segfault at 7fe124021034"},
	    {.line = "I see postfix/smtpd[1]: connect from x[192.0.2.1] every minute"},
	    {.line = "Postfix warning: something"},
	    {.line = "ile or directory"},
	    {.line = "(some cipher text)"},
	    {.line = "- "},
	    {.line = "|"},
	    {.line = "\x1b[0m"},
	    {.line = "ESC[0m"},
	    {.line = "ESC[ is not a colour code: postfix/smtpd[1]: connect from x[192.0.2.1]"},
	    {.line = "```"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* a refused line leaves the year as it was: prose quoting a January time
 * in a November log (the seeds' questions have such prose) would have
 * moved it to the next year */
TEST(prefix_refused_line_keeps_year)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "Nov 30 10:00:00 mx postfix/smtpd[1]: connect from a[192.0.2.1]", &l));
	CHECK(!parse(&st, "Jan  3 10:00:00 was when it broke, then", &l));
	CHECK(!parse(&st, "On Jan  3 10:00:00 it broke, I think", &l));
	CHECK(parse(&st, "Nov 30 10:00:01 mx postfix/smtpd[1]: disconnect from a[192.0.2.1]", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-30T10:00:01+00:00");
}

/* an editor's or cat -n's line number before the time; a number before
 * a word that is no time, or a day-month-year date, is not taken off as one */
TEST(prefix_editor_line_number)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, " 14 Mar 10 08:26:19 mx opendkim[1745]: x: error loading key 'y'", &l));
	CHECK_SPAN(l.host, "mx");
	CHECK_SPAN(l.prog, "opendkim");
	CHECK(parse(&st, "    120\t2026-03-10T08:26:19+00:00 mx postfix/smtpd[7]: connect from a[192.0.2.1]", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_SPAN(l.text, "connect from a[192.0.2.1]");
	CHECK(!parse(&st, "14 apples mx postfix/smtpd[1]: x", &l) || !span_eqs(l.host, "mx"));
	static const char whole[] = "  1234567 Mar 10 08:26:19 mx postfix/smtpd[1]: x";
	for (size_t n = 0; n < sizeof whole - 1; n++) {
		char *p = malloc(n ? n : 1);
		memcpy(p, whole, n);
		(void)syslog_parse(&st, span_make(p, n), &l);
		free(p);
	}
}

/* the file name (and line number) grep puts before each line when it
 * searches several files; a name that is no log file's, or no time
 * right after it, is not taken off */
TEST(prefix_grep_file_name)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "/var/log/mail.log.1:Dec  3 10:00:00 mx postfix/smtpd[123]: connect from a[192.0.2.1]", &l));
	CHECK_SPAN(l.host, "mx");
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_SPAN(l.text, "connect from a[192.0.2.1]");
	CHECK(parse(&st, "maillog:1234:Dec  3 10:00:00 mx postfix/qmgr[9]: x", &l));
	CHECK_SPAN(l.daemon, "qmgr");
	CHECK_INT(l.pid, 9);
	CHECK(parse(&st, "mail.log.2.gz:2026-12-03T10:00:00.5+00:00 mx postfix/smtp[7]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-12-03T10:00:00.5+00:00");
	CHECK(parse(&st, "/var/log/messages-20261203:Dec  3 10:00:00 mx postfix/smtpd[1]: x", &l));
	CHECK_SPAN(l.host, "mx");
	/* not a log file's name; no time after the name; a line number
	 * with no time after it */
	CHECK(!parse(&st, "notes:Dec  3 10:00:00 mx postfix/smtpd[1]: x", &l) || !span_eqs(l.host, "mx"));
	CHECK(!parse(&st, "mail.log:postfix/smtpd[1] x", &l));
	CHECK(!parse(&st, "mail.log:12:notatime mx postfix/smtpd[1]: x", &l));
	/* cut short anywhere: no over-read (the sanitizer build checks) */
	static const char whole[] = "/var/log/mail.log:12:Dec  3 10:00:00 mx postfix/smtpd[1]: x";
	for (size_t n = 0; n < sizeof whole - 1; n++) {
		char *p = malloc(n ? n : 1);
		memcpy(p, whole, n);
		(void)syslog_parse(&st, span_make(p, n), &l);
		free(p);
	}
}

/* a Postfix line logged once more by another program: a container's
 * output forwarded through syslog (Mailu's "smtp[N]: " before the whole
 * line), s6-log's "TIME  mail.warn: " before it; the inner line is read.
 * Another program's text that only starts like a time stays its own */
TEST(prefix_relogged_inner_line)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "Jan 25 08:43:17 mail smtp[1426]: Jan 25 08:43:17 mail postfix/smtpd[384]: error: unsupported dictionary type: hash", &l));
	CHECK(l.postfix);
	CHECK(span_eqs(l.prog, "postfix/smtpd"));
	CHECK_INT(l.pid, 384);
	CHECK(span_eqs(l.severity, "error"));
	CHECK(span_eqs(l.text, "unsupported dictionary type: hash"));
	CHECK(span_eqs(l.raw, "Jan 25 08:43:17 mail smtp[1426]: Jan 25 08:43:17 mail postfix/smtpd[384]: error: unsupported dictionary type: hash"));
	CHECK(parse(&st, "2026-08-27 14:53:06.009959358  mail.warn: Aug 27 14:53:06 postfix/smtps/smtpd[408]: warning: connect to mysql server db: Unknown server host 'db' (-3)", &l));
	CHECK(l.postfix);
	CHECK(span_eqs(l.prog, "postfix/smtps/smtpd"));
	CHECK_STR(iso_of(l.ts), "2026-08-27T14:53:06.009959+00:00");
	/* the outer ISO time keeps its year when the inner classic one has none */
	CHECK(parse(&st, "2024-08-27 14:53:07.5  mail.warn: Aug 27 14:53:07 postfix/smtpd[409]: warning: x", &l));
	CHECK(l.postfix);
	CHECK_STR(iso_of(l.ts), "2024-08-27T14:53:07.5+00:00");
	CHECK(parse(&st, "Jan 25 08:43:18 mail cron[7]: Jan 25 backup started on mail with 3 jobs", &l));
	CHECK(!l.postfix);
	CHECK(span_eqs(l.prog, "cron"));
	CHECK(parse(&st, "Jan 25 08:43:19 mail app[8]: Jan 25 08:43:19 mail app[9]: hello there", &l));
	CHECK(!l.postfix);
	CHECK(span_eqs(l.prog, "app"));
	CHECK_INT(l.pid, 8);
	/* docker compose under systemd: journald's line, compose's service
	 * column, then the container's own syslog line (threads16E) */
	CHECK(parse(&st, "Oct 13 18:20:57 host docker-compose[20080]: mailserver-mailserver-1  | Oct 13 18:20:57 mail postfix/smtpd[51726]: NOQUEUE: reject: RCPT from unknown[192.168.224.1]: 450 4.7.25 Client host rejected: cannot find your hostname, [192.168.224.1]; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<mail-lf1-x130.google.com>", &l));
	CHECK(l.postfix);
	CHECK(span_eqs(l.prog, "postfix/smtpd"));
	CHECK_INT(l.pid, 51726);
	CHECK(span_starts(l.text, "NOQUEUE: reject: RCPT from unknown[192.168.224.1]"));
	/* a column that is not a service name, or no blank before the '|' */
	CHECK(parse(&st, "Oct 13 18:20:58 host docker-compose[20080]: two words | Oct 13 18:20:58 mail postfix/smtpd[51727]: x", &l));
	CHECK(!l.postfix);
	CHECK(parse(&st, "Oct 13 18:20:59 host docker-compose[20080]: svc| Oct 13 18:20:59 mail postfix/smtpd[51728]: x", &l));
	CHECK(!l.postfix);
}

/* threads18L: a Postfix line under a tag that is not "postfix/...": a
 * setup script's over postconf's stderr, postfix-script's and master's
 * bare tags (master's start, reload and stop lines only: Cyrus's master
 * logs as "master" too) */
TEST(prefix_foreign_tags)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "Dec 24 00:11:47 h setup.sh[3359]: postconf: warning: /etc/postfix/master.cf: "
			 "undefined parameter: mua_client_restrictions", &l));
	CHECK(l.postfix);
	CHECK_SPAN(l.daemon, "postconf");
	CHECK_SPAN(l.severity, "warning");
	CHECK_SPAN(l.text, "/etc/postfix/master.cf: undefined parameter: mua_client_restrictions");
	CHECK(parse(&st, "Dec 24 00:11:47 h cron[1]: postponed: warning: x", &l));
	CHECK(!l.postfix);
	CHECK(parse(&st, "Jun 22 17:33:54 h postfix-script[139]: starting the Postfix mail system", &l));
	CHECK(l.postfix);
	CHECK(parse(&st, "Jun 22 17:33:55 h master[141]: daemon started -- version 2.10.1, configuration /etc/postfix", &l));
	CHECK(l.postfix);
	CHECK(parse(&st, "Jun 22 17:33:55 h master[141]: process started", &l));
	CHECK(!l.postfix);
}

/* a line pasted after a shell comment's or root prompt's '#' (a line
 * commented out in a code block: "# mailserver  | Jan 27 ..."); a
 * command after the prompt stays no log line */
TEST(prefix_pasted_comment_mark)
{
	static const struct pasted_case c[] = {
	    {"# mailserver  | Jan 27 00:46:44 mx postfix/submission/smtpd[1230]: error: open database /etc/postfix/vmailbox: No such file or directory",
	     true, "2026-01-27T00:46:44+00:00", "mx", "postfix/submission/smtpd", 1230, "error",
	     "open database /etc/postfix/vmailbox: No such file or directory"},
	    {"## Jan 27 00:46:45 mx postfix/smtpd[1231]: connect from unknown[192.0.2.1]",
	     true, "2026-01-27T00:46:45+00:00", "mx", "postfix/smtpd", 1231, "",
	     "connect from unknown[192.0.2.1]"},
	    {"# postqueue -p", false, NULL, NULL, NULL, 0, NULL, NULL},
	    {"#1 Jan 27 00:46:45 is no comment mark", false, NULL, NULL, NULL, 0, NULL, NULL},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}
