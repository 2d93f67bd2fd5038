/*
 * test_parse_cleanup.c - cleanup lines: message IDs, header/body and
 * milter actions, 3.10's "removed (...)".  Real lines from ../corpus,
 * seed 003 and the conformance sets; 3.10 lines built from
 * cleanup_api.c:371.
 */
#include "progs.h"

TEST(cleanup_message_id)
{
	const struct event *ev = progs_line(
	    "Nov 22 11:33:31 mx1 postfix/cleanup[15313]: 8885E11658A: "
	    "message-id=<20261122113331.8885E11658A@mx1.example.test>");
	CHECK_EVENT(ev, "message_id",
		    "queue_id", "8885E11658A",
		    "message_id", "20261122113331.8885E11658A@mx1.example.test",
		    "action", NULL);
}

TEST(cleanup_message_id_seed_obfuscated)
{
	/* seed 003: a web page's address obfuscation inside the brackets */
	const struct event *ev = progs_line("Apr 16 06:29:12 mail.xxx.com postfix/cleanup[7936]: "
					    "6711A1D7B7: message-id=<[email protected]>");
	CHECK_EVENT(ev, "message_id", "queue_id", "6711A1D7B7", "message_id", "[email protected]");
}

TEST(cleanup_message_id_raw_and_empty)
{
	/* lightmeter cases: a header without brackets, and an empty one */
	const struct event *ev = progs_line("Jan 25 10:00:04 mx postfix/cleanup[21978]: AF98F2E0768: "
					    "message-id=2021-01-25 10:00:05.006274");
	CHECK_EVENT(ev, "message_id",
		    "queue_id", "AF98F2E0768",
		    "message_id", "2021-01-25 10:00:05.006274");
	ev = progs_line("Jan 29 17:27:21 mx postfix/cleanup[22582]: A55EA2E01B5: message-id=");
	CHECK_EVENT(ev, "message_id", "message_id", "");
	/* cleanup_message.c:803 when there is no Message-ID header at all */
	ev = progs_msg("postfix/cleanup", "A55EA2E01B5: message-id=<>");
	CHECK_EVENT(ev, "message_id", "message_id", "");
}

TEST(cleanup_resent_message_id)
{
	/* msimerson's cases: a complete and a truncated value */
	const struct event *ev = progs_msg(
	    "postfix/cleanup", "3mL1Hq0Tgvz7sWh: resent-message-id=<3mL1Hq0Tgvz7sWh@mx14.example.net>");
	CHECK_EVENT(ev, "message_id",
		    "queue_id", "3mL1Hq0Tgvz7sWh",
		    "message_id", "3mL1Hq0Tgvz7sWh@mx14.example.net",
		    "action", "resent");
	ev = progs_msg("postfix/cleanup", "3mgs0P5v1lz7sh1: resent-message-id=<"
					  "DM2PR0801MB602DCC95DD755B7E98634E0EE8D0@DM2PR0801MB602.namp");
	CHECK_EVENT(ev, "message_id",
		    "message_id", "DM2PR0801MB602DCC95DD755B7E98634E0EE8D0@DM2PR0801MB602.namp");
}

TEST(cleanup_header_replace_with_text)
{
	/* lightmeter: a header_checks REPLACE on a multi-instance syslog name */
	const struct event *ev = progs_line(
	    "Dec  9 10:18:23 mail postfix/sender-cleanup/cleanup[20048]: BA8F630001DA: replace: "
	    "header MIME-Version: 1.0 from client.example.com[89.247.252.52]; "
	    "from=<sender@mydomain.com> to=<recipient1@dst2.example.com> proto=ESMTP "
	    "helo=<[192.168.0.170]>: Mime-Version: 1.0");
	CHECK_EVENT(ev, "cleanup_action",
		    "queue_id", "BA8F630001DA",
		    "action", "replace",
		    "stage", "header",
		    "reason", "MIME-Version: 1.0",
		    "client_name", "client.example.com",
		    "client_ip", "89.247.252.52",
		    "from", "sender@mydomain.com",
		    "to", "recipient1@dst2.example.com",
		    "proto", "ESMTP",
		    "helo", "[192.168.0.170]",
		    "text", "Mime-Version: 1.0",
		    "dsn", NULL);
}

TEST(cleanup_header_prepend_from_header)
{
	/* Sekoia's case: the header's own "From:" and '<' do not end it */
	const struct event *ev = progs_msg(
	    "postfix/cleanup",
	    "000FA5FD8F: prepend: header From: John Doe <jdoe@example.org> from "
	    "localhost[127.0.0.1]; from=<jdoe@example.org> to=<jane.doe@example.com> proto=ESMTP "
	    "helo=<smtp.example.org>: X-NMFP-TRUST: TRUE");
	CHECK_EVENT(ev, "cleanup_action",
		    "action", "prepend",
		    "reason", "From: John Doe <jdoe@example.org>",
		    "client_name", "localhost",
		    "client_ip", "127.0.0.1",
		    "from", "jdoe@example.org",
		    "to", "jane.doe@example.com",
		    "helo", "smtp.example.org",
		    "text", "X-NMFP-TRUST: TRUE");
}

TEST(cleanup_header_warning_local_origin)
{
	/* Sekoia's case: pickup-submitted mail has origin "local", no proto/helo,
	 * and the header text holds ';' */
	const struct event *ev = progs_msg(
	    "postfix/cleanup",
	    "707A12000A: warning: header Content-Disposition: attachment;??filename=\""
	    "?iso-8859-2?q?representative_on_migration.pdf?=\"; size=259210;?? from local; "
	    "from=<photo@mordor.com> to=<Pipin.touque@lacomte.net>");
	CHECK_EVENT(ev, "cleanup_action",
		    "queue_id", "707A12000A",
		    "action", "warning",
		    "stage", "header",
		    "reason", "Content-Disposition: attachment;??filename=\""
			      "?iso-8859-2?q?representative_on_migration.pdf?=\"; size=259210;??",
		    "client_name", "local",
		    "client_ip", NULL,
		    "from", "photo@mordor.com",
		    "to", "Pipin.touque@lacomte.net",
		    "proto", NULL,
		    "text", NULL);
}

TEST(cleanup_header_reject_with_dsn)
{
	/* built from cleanup_message.c:272,339: REJECT text gets a 5.7.1 prefix */
	const struct event *ev = progs_msg(
	    "postfix/cleanup",
	    "4B1C61165A3: reject: header Subject: You have won from unknown[203.0.113.9]; "
	    "from=<a@example.com> to=<b@example.test> proto=ESMTP helo=<x.example.com>: 5.7.1 "
	    "Spam is not welcome here");
	CHECK_EVENT(ev, "cleanup_action",
		    "action", "reject",
		    "reason", "Subject: You have won",
		    "client_name", "unknown",
		    "client_ip", "203.0.113.9",
		    "dsn", "5.7.1",
		    "code", NULL,
		    "text", "Spam is not welcome here");
}

TEST(cleanup_milter_reject)
{
	const struct event *ev = progs_line(
	    "Jan 25 18:54:51 mx postfix/cleanup[8966]: B37FD2E05B9: milter-reject: END-OF-MESSAGE "
	    "from h-ca74a0a011076cd81347f8f11e[254.65.43.194]: 4.7.1 Try again later; "
	    "from=<bounce+1b6a63.922c68-christoph=h-ffd2115d4f@h-79b594737831a5d176dabf9.com> "
	    "to=<h-7abde52c2@h-ffd2115d4f.com> proto=ESMTP helo=<h-ca74a0a011076cd81347f8f11e>");
	CHECK_EVENT(ev, "cleanup_action",
		    "queue_id", "B37FD2E05B9",
		    "action", "milter-reject",
		    "stage", "END-OF-MESSAGE",
		    "client_name", "h-ca74a0a011076cd81347f8f11e",
		    "client_ip", "254.65.43.194",
		    "dsn", "4.7.1",
		    "reason", "Try again later",
		    "from", "bounce+1b6a63.922c68-christoph=h-ffd2115d4f@h-79b594737831a5d176dabf9.com",
		    "to", "h-7abde52c2@h-ffd2115d4f.com",
		    "proto", "ESMTP",
		    "helo", "h-ca74a0a011076cd81347f8f11e");
}

TEST(cleanup_removed_310)
{
	/* built from cleanup_api.c:371 (3.10-20241113+) */
	const struct event *ev = progs_msg("postfix/cleanup", "4B1C61165A3: removed (canceled)");
	CHECK_EVENT(ev, "cleanup_removed", "queue_id", "4B1C61165A3", "reason", "canceled");
	ev = progs_msg("postfix/cleanup", "4B1C61165A3: removed (discarded)");
	CHECK_EVENT(ev, "cleanup_removed", "reason", "discarded");
}

TEST(cleanup_warnings_keep_queue_id)
{
	/* cleanup_milter.c:619 and a milter I/O warning: generic.c types them */
	const struct event *ev =
	    progs_msg("postfix/cleanup", "warning: 4B1C61165A3: queue file size limit exceeded");
	CHECK_EVENT(ev, "warning", "queue_id", "4B1C61165A3");
	ev = progs_line("Dec 15 07:48:34 phoenix postfix/cleanup[30164]: warning: database "
			"/etc/postfix/virtual_domains.db is older than source file "
			"/etc/postfix/virtual_domains");
	CHECK_EVENT(ev, "warning", "queue_id", NULL);
}

TEST(cleanup_hostile_header_text)
{
	/* a Subject that imitates the tail: the real " from ORIGIN;" is
	 * found, nothing crashes, and truncated lines stay in bounds */
	const struct event *ev = progs_msg(
	    "postfix/cleanup", "4B1C61165A3: hold: header Subject: a; from=<x> from unknown[192.0.2.1]; "
			       "from=<a@example.com> to=<b@example.test> proto=SMTP helo=<h>");
	CHECK_EVENT(ev, "cleanup_action", "client_ip", "192.0.2.1", "helo", "h");
	const char *trunc[] = {"4B1C61165A3: reject: header Subject: x from",
			       "4B1C61165A3: reject: header Subject: x from a[",
			       "4B1C61165A3: milter-reject: END-OF-MESSAGE from a[1.2.3.4]: ",
			       "4B1C61165A3: message-id=<",
			       "4B1C61165A3: removed ("};
	for (size_t i = 0; i < sizeof trunc / sizeof trunc[0]; i++) {
		ev = progs_msg("postfix/cleanup", trunc[i]);
		CHECK(ev->type != EV_NONE);
	}
}

/* forge - a reject of header CONTENT from ORIGIN with sender S, as
 * cleanup_act_log writes it */
static const struct event *forge(const char *content, const char *origin, const char *sender)
{
	static char msg[4096];
	snprintf(msg, sizeof msg,
		 "4B1C61165A3: reject: header Subject: %s from %s; from=<%s> to=<b@example.test> "
		 "proto=ESMTP helo=<mail.real.example>: 5.7.1 Spam is not welcome here",
		 content, origin, sender);
	return progs_msg("postfix/cleanup", msg);
}

/* want_real - the reject is told of the real client, with the real tail */
#define WANT_REAL(ev, subject, sender)                                          \
	do {                                                                    \
		CHECK_STR(progs_type(ev), "cleanup_action");                    \
		CHECK_SPAN((ev)->client_name, "real.example");                  \
		CHECK_SPAN((ev)->client_ip, "203.0.113.9");                     \
		CHECK_SPAN((ev)->reason, "Subject: " subject);                  \
		CHECK_SPAN((ev)->from, sender);                                 \
		CHECK_SPAN((ev)->to, "b@example.test");                         \
		CHECK_SPAN((ev)->proto, "ESMTP");                               \
		CHECK_SPAN((ev)->helo, "mail.real.example");                    \
		CHECK_SPAN((ev)->dsn, "5.7.1");                                 \
		CHECK_SPAN((ev)->text, "Spam is not welcome here");             \
	} while (0)

/* a Subject (any sender writes it) or the sender address (the client
 * writes it) that names another client, with "; from=<" and a whole
 * forged tail: the reject is still the real client's */
TEST(cleanup_forged_origin_in_subject)
{
	const char *real = "real.example[203.0.113.9]";
	/* a bare mention: the first " from X;" was taken before */
	const struct event *ev = forge("hello from evil.example[198.51.100.66]; bye", real, "a@example.com");
	WANT_REAL(ev, "hello from evil.example[198.51.100.66]; bye", "a@example.com");
	/* a whole forged tail, reply text included */
	ev = forge("x from evil.example[198.51.100.66]; from=<boss@example.test> to=<c@example.test> "
		   "proto=ESMTP helo=<evil>: 5.7.1 ok", real, "a@example.com");
	WANT_REAL(ev, "x from evil.example[198.51.100.66]; from=<boss@example.test> "
		      "to=<c@example.test> proto=ESMTP helo=<evil>: 5.7.1 ok", "a@example.com");
	/* a forged tail whose HELO or sender would swallow the real origin */
	ev = forge("x from evil.example[198.51.100.66]; from=<a> to=<b> proto=ESMTP helo=<e", real,
		   "a@example.com");
	WANT_REAL(ev, "x from evil.example[198.51.100.66]; from=<a> to=<b> proto=ESMTP helo=<e",
		  "a@example.com");
	ev = forge("x from evil.example[198.51.100.66]; from=<a", real, "a@example.com");
	WANT_REAL(ev, "x from evil.example[198.51.100.66]; from=<a", "a@example.com");
	/* ... with a quote opened in the Subject, closed in the real sender */
	ev = forge("x from evil.example[198.51.100.66]; from=<\"", real, "\"q\"@example.com");
	WANT_REAL(ev, "x from evil.example[198.51.100.66]; from=<\"", "\"q\"@example.com");
	/* the forged origin as IPv6, and "unknown" */
	ev = forge("x from unknown[2001:db8::66]; from=<a> to=<b> proto=ESMTP helo=<e>: 5.7.1 x", real,
		   "a@example.com");
	WANT_REAL(ev, "x from unknown[2001:db8::66]; from=<a> to=<b> proto=ESMTP helo=<e>: 5.7.1 x",
		  "a@example.com");
}

TEST(cleanup_forged_origin_in_sender)
{
	const char *real = "real.example[203.0.113.9]";
	/* the client's own quoted sender holds a whole forged tail */
	const char *s1 = "\"x from evil.example[198.51.100.66]; from=<a> to=<b> proto=ESMTP "
			 "helo=<e>: \"@example.com";
	const struct event *ev = forge("hi", real, s1);
	WANT_REAL(ev, "hi",
		  "\"x from evil.example[198.51.100.66]; from=<a> to=<b> proto=ESMTP helo=<e>: "
		  "\"@example.com");
	/* both at once: the Subject and the sender forged */
	ev = forge("y from evil.example[198.51.100.77]; from=<c> to=<d> proto=ESMTP helo=<f>: 5.7.1 z",
		   real, s1);
	WANT_REAL(ev, "y from evil.example[198.51.100.77]; from=<c> to=<d> proto=ESMTP helo=<f>: 5.7.1 z",
		  "\"x from evil.example[198.51.100.66]; from=<a> to=<b> proto=ESMTP helo=<e>: "
		  "\"@example.com");
}

/* a Subject as long as Postfix logs one (200 bytes) with forged origins
 * all through it; and a log no Postfix writes (a Subject of 40 forged
 * origins): bounded work, some origin from the line, no crash */
TEST(cleanup_forged_origin_many)
{
	char content[256] = "";
	while (strlen(content) < 180)
		strcat(content, " from e[192.0.2.6];");
	const struct event *ev = forge(content, "real.example[203.0.113.9]", "a@example.com");
	CHECK_SPAN(ev->client_ip, "203.0.113.9");
	char big[2048] = "";
	for (int i = 0; i < 40; i++)
		strcat(big, " from e[192.0.2.6]; from=<a> to=<b>: t");
	ev = forge(big, "real.example[203.0.113.9]", "a@example.com");
	CHECK_STR(progs_type(ev), "cleanup_action");
	CHECK(ev->client_ip.p != NULL);
}

TEST(cleanup_action_without_origin)
{
	/* Sekoia's case: header_checks logged with no "from ORIGIN;" part */
	const struct event *ev = progs_msg(
	    "postfix/cleanup",
	    "95BCC140E40: replace: header From: Example Mailbox <[test@example.org](mailto:test@example.org)>: "
	    "From: [noreply@example.org](mailto:noreply@example.org)");
	CHECK_EVENT(ev, "cleanup_action",
		    "queue_id", "95BCC140E40",
		    "action", "replace",
		    "stage", "header",
		    "client_name", NULL,
		    "reason", "From: Example Mailbox <[test@example.org](mailto:test@example.org)>: "
			      "From: [noreply@example.org](mailto:noreply@example.org)");
}

TEST(cleanup_verbose_is_noise)
{
	/* infohtreasure's cleanup -v log (cleanup_envelope.c:138, _extracted.c:120) */
	const struct event *ev = progs_line("Feb 26 12:27:16 server1 postfix/cleanup[6009]: initial "
					    "envelope A client_address=127.0.0.1");
	CHECK_STR(progs_type(ev), "noise");
	ev = progs_msg("postfix/cleanup", "extracted envelope E");
	CHECK_STR(progs_type(ev), "noise");
	ev = progs_msg("postfix/cleanup", "something else entirely");
	CHECK_STR(progs_type(ev), "unknown");
}
