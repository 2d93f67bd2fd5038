/* test_correlate.c - sessions and messages rebuilt from real-shaped lines:
 * Postfix's collate model plus restarts, reused IDs, links and caps. */
#include "tap.h"
#include "model/correlate.h"
#include "syslog/prefix.h"

#include <stdlib.h>
#include <string.h>

struct got {
	int nsess, nmsg;
	char sess[16][160];
	char msg[16][200];
};

/* on_sess - record "client end_kind stats-count qids" */
static void on_sess(const struct session *s, void *ctx)
{
	struct got *g = ctx;
	if (g->nsess < 16)
		snprintf(g->sess[g->nsess], sizeof g->sess[0], "%s %s q=%u fails=%u user=%s",
			 s->client_ip ? s->client_ip : "-", session_end_name(s->end_kind), s->nqids,
			 s->auth_failures, s->sasl_username ? s->sasl_username : "-");
	g->nsess++;
}

/* on_msg - record "qid origin parent children rcpts status end" */
static void on_msg(const struct message *m, void *ctx)
{
	struct got *g = ctx;
	if (g->nmsg < 16) {
		char kids[80] = "";
		for (uint32_t i = 0; i < m->nchildren && i < 3; i++) {
			strcat(kids, m->children[i].qid);
			strcat(kids, ",");
		}
		snprintf(g->msg[g->nmsg], sizeof g->msg[0], "%s %s parent=%s kids=%s rcpts=%u %s%s",
			 m->qid, msg_origin_name(m->origin), m->parent_qid ? m->parent_qid : "-", kids,
			 m->nrcpts, m->nrcpts ? (m->rcpts[0].status ? m->rcpts[0].status : "?") : "-",
			 m->end_kind == MEND_REPLACED ? " replaced" : "");
	}
	g->nmsg++;
}

/* run - feed lines through prefix, parser and model */
static void run(struct got *g, const char *const *lines, uint64_t max_sess, uint64_t max_msg)
{
	memset(g, 0, sizeof *g);
	struct model_sink sink = {on_sess, on_msg, g};
	struct model *m = model_new(&sink);
	model_limits(m, max_sess, max_msg, 0);
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	for (uint64_t i = 0; lines[i]; i++) {
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(lines[i]), &l))
			continue;
		parse_line(&l, &ev);
		model_event(m, &ev, i + 1, 0);
	}
	model_finish(m);
	model_free(m);
}

/* check_list - a run gave exactly the n wanted records, in order (want
 * ends with NULL); one failure, "got X, want Y", per count or record that
 * differs */
static void check_list(const char *file, int lineno, const char *what, int n, const char *got,
		       size_t stride, const char *const *want)
{
	int nwant = 0;
	while (want[nwant])
		nwant++;
	if (n != nwant)
		test_fail(file, lineno, "%s: got %d, want %d", what, n, nwant);
	for (int i = 0; i < nwant && i < 16; i++)
		if (strcmp(got + (size_t)i * stride, want[i]) != 0)
			test_fail(file, lineno, "%s[%d]: got \"%s\", want \"%s\"", what, i,
				  got + (size_t)i * stride, want[i]);
}

/* WANT_SESSIONS, WANT_MESSAGES - the closed sessions or messages of g, all
 * of them, as on_sess and on_msg record them */
#define WANT_SESSIONS(g, ...) \
	check_list(__FILE__, __LINE__, "sessions", (g)->nsess, (g)->sess[0], sizeof (g)->sess[0], \
		   (const char *const[]){__VA_ARGS__, NULL})
#define WANT_MESSAGES(g, ...) \
	check_list(__FILE__, __LINE__, "messages", (g)->nmsg, (g)->msg[0], sizeof (g)->msg[0], \
		   (const char *const[]){__VA_ARGS__, NULL})

TEST(correlate_session_with_message_and_bounce)
{
	static const char *const lines[] = {
	    "Nov 22 11:36:39 mx1 postfix/submission/smtpd[15320]: connect from alice-pc.office.example.test[203.0.113.185]",
	    "Nov 22 11:36:39 mx1 postfix/submission/smtpd[15320]: ADB29116594: client=alice-pc.office.example.test[203.0.113.185], sasl_method=LOGIN, sasl_username=alice",
	    "Nov 22 11:36:39 mx1 postfix/cleanup[15322]: ADB29116594: message-id=<1795347399710.21807@example.test>",
	    "Nov 22 11:36:39 mx1 postfix/qmgr[15082]: ADB29116594: from=<alice@example.test>, size=694, nrcpt=1 (queue active)",
	    "Nov 22 11:36:39 mx1 postfix/submission/smtpd[15320]: disconnect from alice-pc.office.example.test[203.0.113.185] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8",
	    "Nov 22 11:36:39 mx1 postfix/smtp[16150]: ADB29116594: to=<gsmith@corpnet.test>, relay=mx.corpnet.test[198.51.100.40]:25, delay=0.1, delays=0/0/0/0.1, dsn=5.2.2, status=bounced (host mx.corpnet.test[198.51.100.40] said: 552 5.2.2 Mailbox full (in reply to RCPT TO command))",
	    "Nov 22 11:36:39 mx1 postfix/cleanup[15322]: BE82711658A: message-id=<20261122113639.BE82711658A@mx1.example.test>",
	    "Nov 22 11:36:39 mx1 postfix/bounce[16144]: ADB29116594: sender non-delivery notification: BE82711658A",
	    "Nov 22 11:36:39 mx1 postfix/qmgr[15082]: ADB29116594: removed",
	    "Nov 22 11:36:39 mx1 postfix/qmgr[15082]: BE82711658A: from=<>, size=3192, nrcpt=1 (queue active)",
	    "Nov 22 11:36:39 mx1 postfix/local[16151]: BE82711658A: to=<alice@example.test>, relay=local, delay=0.01, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to mailbox)",
	    "Nov 22 11:36:39 mx1 postfix/qmgr[15082]: BE82711658A: removed",
	    NULL};
	struct got g;
	run(&g, lines, 0, 0);
	WANT_SESSIONS(&g, "203.0.113.185 disconnect q=1 fails=0 user=alice");
	WANT_MESSAGES(&g, "ADB29116594 smtpd parent=- kids=BE82711658A, rcpts=1 bounced",
		      "BE82711658A notification parent=ADB29116594 kids= rcpts=1 sent");
}

TEST(correlate_connect_without_disconnect_and_pid_reuse)
{
	static const char *const lines[] = {
	    "Nov 22 11:00:00 mx1 postfix/smtpd[100]: connect from unknown[192.0.2.1]",
	    "Nov 22 11:00:01 mx1 postfix/smtpd[100]: connect from unknown[192.0.2.2]",
	    "Nov 22 11:00:02 mx1 postfix/smtpd[100]: disconnect from unknown[192.0.2.2] ehlo=1 quit=1 commands=2",
	    /* the log begins inside a session of another process */
	    "Nov 22 11:00:03 mx1 postfix/smtpd[200]: warning: unknown[198.51.100.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Nov 22 11:00:04 mx1 postfix/smtpd[200]: disconnect from unknown[198.51.100.9] ehlo=1 auth=0/1 quit=1 commands=2/3",
	    NULL};
	struct got g;
	run(&g, lines, 0, 0);
	WANT_SESSIONS(&g, "192.0.2.1 replaced q=0 fails=0 user=-",
		      "192.0.2.2 disconnect q=0 fails=0 user=-",
		      "198.51.100.9 disconnect q=0 fails=1 user=-");
}

TEST(correlate_reused_queue_id_is_two_messages)
{
	static const char *const lines[] = {
	    "Nov 22 11:00:00 mx1 postfix/pickup[5]: 1A2B3C4D5E: uid=0 from=<root>",
	    "Nov 22 11:00:00 mx1 postfix/qmgr[6]: 1A2B3C4D5E: from=<root@mx1>, size=300, nrcpt=1 (queue active)",
	    "Nov 22 11:00:01 mx1 postfix/local[7]: 1A2B3C4D5E: to=<root@mx1>, relay=local, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (delivered to mailbox)",
	    "Nov 22 11:00:01 mx1 postfix/qmgr[6]: 1A2B3C4D5E: removed",
	    "Nov 22 12:00:00 mx1 postfix/pickup[5]: 1A2B3C4D5E: uid=33 from=<www-data>",
	    "Nov 22 12:00:00 mx1 postfix/qmgr[6]: 1A2B3C4D5E: removed",
	    NULL};
	struct got g;
	run(&g, lines, 0, 0);
	WANT_MESSAGES(&g, "1A2B3C4D5E pickup parent=- kids= rcpts=1 sent",
		      "1A2B3C4D5E pickup parent=- kids= rcpts=0 -");
}

/* the "removed" line of the first message is lost: the second "client="
 * for its queue ID begins a new message instead of merging into it */
TEST(correlate_reused_queue_id_without_removed_line)
{
	static const char *const lines[] = {
	    "Nov 22 10:00:00 mx1 postfix/smtpd[1]: 3F2A1B: client=a[192.0.2.1]",
	    "Nov 22 10:00:00 mx1 postfix/qmgr[5]: 3F2A1B: from=<a@x.test>, size=100, nrcpt=1 (queue active)",
	    "Nov 22 10:00:01 mx1 postfix/local[6]: 3F2A1B: to=<u@y.test>, relay=local, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (delivered to mailbox)",
	    "Nov 22 10:05:00 mx1 postfix/smtpd[2]: 3F2A1B: client=b[192.0.2.2]",
	    "Nov 22 10:05:00 mx1 postfix/qmgr[5]: 3F2A1B: from=<b@x.test>, size=200, nrcpt=1 (queue active)",
	    "Nov 22 10:05:01 mx1 postfix/local[6]: 3F2A1B: to=<v@y.test>, relay=local, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (unknown user)",
	    "Nov 22 10:05:01 mx1 postfix/qmgr[5]: 3F2A1B: removed",
	    "Nov 22 10:06:00 mx1 postfix/pickup[7]: 3F2A1B: uid=0 from=<root>",
	    "Nov 22 10:06:00 mx1 postfix/pickup[7]: 3F2A1B: uid=0 from=<root>",
	    NULL};
	struct got g;
	run(&g, lines, 0, 0);
	WANT_MESSAGES(&g, "3F2A1B smtpd parent=- kids= rcpts=1 sent replaced",
		      "3F2A1B smtpd parent=- kids= rcpts=1 bounced",
		      "3F2A1B pickup parent=- kids= rcpts=0 - replaced",
		      "3F2A1B pickup parent=- kids= rcpts=0 -");
}

TEST(correlate_content_filter_reinjection_links_local_relay_only)
{
	static const char *const lines[] = {
	    "Nov 22 11:00:00 mx1 postfix/smtpd[10]: 1111111111: client=mail.example.org[192.0.2.7]",
	    "Nov 22 11:00:00 mx1 postfix/qmgr[6]: 1111111111: from=<a@example.org>, size=900, nrcpt=1 (queue active)",
	    "Nov 22 11:00:01 mx1 postfix/smtpd[11]: 2222222222: client=localhost[127.0.0.1]",
	    "Nov 22 11:00:01 mx1 postfix/smtp[12]: 1111111111: to=<b@example.test>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 2222222222)",
	    "Nov 22 11:00:01 mx1 postfix/qmgr[6]: 1111111111: removed",
	    /* a remote MX answering "queued as" is not a link */
	    "Nov 22 11:00:02 mx1 postfix/smtp[12]: 2222222222: to=<b@example.test>, relay=mx.remote.test[192.0.2.41]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 3333333333)",
	    "Nov 22 11:00:02 mx1 postfix/qmgr[6]: 2222222222: removed",
	    NULL};
	struct got g;
	run(&g, lines, 0, 0);
	WANT_MESSAGES(&g, "1111111111 smtpd parent=- kids=2222222222, rcpts=1 sent",
		      "2222222222 reinjected parent=1111111111 kids= rcpts=1 sent");
}

TEST(correlate_caps_evict_and_count)
{
	static const char *const lines[] = {
	    "Nov 22 11:00:00 mx1 postfix/smtpd[1]: connect from unknown[192.0.2.1]",
	    "Nov 22 11:00:00 mx1 postfix/smtpd[2]: connect from unknown[192.0.2.2]",
	    "Nov 22 11:00:00 mx1 postfix/smtpd[3]: connect from unknown[192.0.2.3]",
	    "Nov 22 11:00:01 mx1 postfix/cleanup[9]: AAAAAAAAA1: message-id=<1@x>",
	    "Nov 22 11:00:01 mx1 postfix/cleanup[9]: AAAAAAAAA2: message-id=<2@x>",
	    "Nov 22 11:00:01 mx1 postfix/cleanup[9]: AAAAAAAAA3: message-id=<3@x>",
	    NULL};
	struct got g;
	run(&g, lines, 2, 2);
	CHECK_INT(g.nsess, 3);
	CHECK_STR(g.sess[0], "192.0.2.1 evicted q=0 fails=0 user=-");
	CHECK_STR(g.sess[1], "192.0.2.2 open q=0 fails=0 user=-");
	CHECK_INT(g.nmsg, 3);
	CHECK(strncmp(g.msg[0], "AAAAAAAAA1 ", 11) == 0);
}

/* one smtpd process, one client after another, the log joined after the
 * connect lines (qa-dev 32): each address is a session of its own, its
 * failures its own */
TEST(correlate_pid_reused_without_connect)
{
	static const char *const lines[] = {
	    "Nov 14 09:08:41 mail postfix/smtpd[2380700]: warning: unknown[42.180.162.34]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Nov 14 09:09:11 mail postfix/smtpd[2380700]: warning: unknown[58.18.42.74]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Nov 14 09:09:12 mail postfix/smtpd[2380700]: disconnect from unknown[58.18.42.74] ehlo=1 auth=0/1 commands=1/2",
	    NULL};
	struct got g;
	run(&g, lines, 0, 0);
	WANT_SESSIONS(&g, "42.180.162.34 replaced q=0 fails=1 user=-",
		      "58.18.42.74 disconnect q=0 fails=1 user=-");
}
