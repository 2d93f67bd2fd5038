/*
 * test_parse_smtpd.c - smtpd lines, whole syslog lines through
 * syslog_parse and parse_line; every event field is checked: the ones a
 * row lists must have that value, all others must be unset.
 *
 * Lines come from ../corpus (Postfix 3.7.11), the seeds, the conformance
 * logs, or are built from Postfix's format strings for version variants
 * (3.9 sasl_username, 3.10 queue-ID prefixes and reject sasl_* fields).
 */
#include "tap.h"

#include <stddef.h>
#include <stdlib.h>
#include "parse/common.h"
#include "parse/event.h"
#include "syslog/prefix.h"

/* the field tables, by JSON name */
struct fref {
	const char *name;
	size_t off;
};
static const struct fref span_fields[] = {
#define X(m, s) {s, offsetof(struct event, m)},
    EVENT_SPANS(X)
#undef X
};
static const struct fref num_fields[] = {
#define X(m, s) {s, offsetof(struct event, m)},
    EVENT_NUMS(X)
#undef X
};

/* one case: a whole log line, the type, then "field", "value" pairs */
struct row {
	const char *line;
	enum ev_type type;
	const char *f[32];
};

static struct logline g_line;
static struct event g_ev;

/* parse_full - a whole syslog line to an event (static storage) */
static const struct event *parse_full(const char *line)
{
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	if (!syslog_parse(&st, span_of(line), &g_line))
		test_fail(__FILE__, __LINE__, "syslog_parse failed: %s", line);
	parse_line(&g_line, &g_ev);
	return &g_ev;
}

/* want_of - the wanted value of field name in r, or NULL */
static const char *want_of(const struct row *r, const char *name)
{
	for (int i = 0; r->f[i]; i += 2)
		if (strcmp(r->f[i], name) == 0)
			return r->f[i + 1];
	return NULL;
}

/* check_row - every span and number field of the event against r */
static void check_row(const char *file, int lineno, const struct row *r)
{
	const struct event *ev = parse_full(r->line);
	if (ev->type != r->type)
		test_fail(file, lineno, "type: got %s, want %s\n    %s", ev_type_name(ev->type),
			  ev_type_name(r->type), r->line);
	for (size_t i = 0; i < sizeof span_fields / sizeof span_fields[0]; i++) {
		const char *name = span_fields[i].name;
		if (strcmp(name, "text") == 0)
			continue;
		struct span got = *(const struct span *)((const char *)ev + span_fields[i].off);
		const char *want = want_of(r, name);
		if (want == NULL ? got.p != NULL : (!got.p || !span_eqs(got, want)))
			test_fail(file, lineno, "%s: got \"%.*s\"%s, want \"%s\"\n    %s", name,
				  (int)(got.p ? got.n : 0), got.p ? got.p : "", got.p ? "" : "(unset)",
				  want ? want : "(unset)", r->line);
	}
	for (size_t i = 0; i < sizeof num_fields / sizeof num_fields[0]; i++) {
		const char *name = num_fields[i].name;
		int64_t got = *(const int64_t *)((const char *)ev + num_fields[i].off);
		const char *w = want_of(r, name);
		long long want = w ? atoll(w) : -1;
		if (got != want)
			test_fail(file, lineno, "%s: got %lld, want %lld\n    %s", name, (long long)got,
				  want, r->line);
	}
	for (int i = 0; r->f[i]; i += 2) {
		bool known = false;
		for (size_t k = 0; k < sizeof span_fields / sizeof span_fields[0]; k++)
			known |= strcmp(span_fields[k].name, r->f[i]) == 0;
		for (size_t k = 0; k < sizeof num_fields / sizeof num_fields[0]; k++)
			known |= strcmp(num_fields[k].name, r->f[i]) == 0;
		if (!known)
			test_fail(file, lineno, "table names unknown field %s", r->f[i]);
	}
}

#define CHECK_ROWS(rows)                                                        \
	for (size_t i_ = 0; i_ < sizeof(rows) / sizeof(rows)[0]; i_++)          \
		check_row(__FILE__, __LINE__, &(rows)[i_])

#define P "2026-11-22T11:35:26.303870+00:00 mx1 postfix/smtpd[15550]: "
#define SUB "2026-11-22T11:35:26.303870+00:00 mx1 postfix/submission/smtpd[15320]: "
#define C "Nov 22 11:35:53 mx1 postfix/smtpd[15551]: "

TEST(smtpd_connect_disconnect)
{
	static const struct row rows[] = {
	    {P "connect from unknown[203.0.113.67]", EV_CONNECT,
	     {"client_name", "unknown", "client_ip", "203.0.113.67"}},
	    {C "connect from mail.example.com[192.0.2.1]:41234", EV_CONNECT,
	     {"client_name", "mail.example.com", "client_ip", "192.0.2.1", "client_port", "41234"}},
	    {C "connect from unknown[2001:db8::1]", EV_CONNECT,
	     {"client_name", "unknown", "client_ip", "2001:db8::1"}},
	    /* seed 004: the address was scrubbed */
	    {"Feb 23 11:57:42 postfix/smtpd[32451]: connect from unknown[]", EV_CONNECT,
	     {"client_name", "unknown", "client_ip", ""}},
	    /* seed 000: trailing blank */
	    {"Jun 19 16:27:21 localhost postfix/smtpd[12172]: connect from "
	     "s72-38-252-2.static.datacom.cgocable.net[72.38.252.2] ",
	     EV_CONNECT,
	     {"client_name", "s72-38-252-2.static.datacom.cgocable.net", "client_ip", "72.38.252.2"}},
	    /* a CSV-mangled export (conformance/NoLE) */
	    {C "connect from OURMAILDOMAIN.com[192.0.2.5],,,,,,,,,,,,", EV_CONNECT,
	     {"client_name", "OURMAILDOMAIN.com", "client_ip", "192.0.2.5"}},
	    {P "disconnect from unknown[198.51.100.160] ehlo=1 mail=1 rcpt=0/1 commands=2/3",
	     EV_DISCONNECT, {"client_name", "unknown", "client_ip", "198.51.100.160"}},
	    /* before 3.0: no statistics */
	    {"Jun 19 16:27:21 localhost postfix/smtpd[12172]: disconnect from "
	     "s72-38-252-2.static.datacom.cgocable.net[72.38.252.2]",
	     EV_DISCONNECT,
	     {"client_name", "s72-38-252-2.static.datacom.cgocable.net", "client_ip", "72.38.252.2"}},
	    {C "disconnect from x.example[192.0.2.7] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5 "
	       "notes=bare_lf",
	     EV_DISCONNECT, {"client_name", "x.example", "client_ip", "192.0.2.7", "reason", "bare_lf"}},
	    /* the client left before smtpd read its address: none to ban */
	    {C "disconnect from unknown[unknown] commands=0/0", EV_DISCONNECT,
	     {"client_name", "unknown", "client_ip", ""}},
	    /* the client deleted before pasting, with or without the blank
	     * before it: a client whose address is not logged */
	    {C "connect from ", EV_CONNECT, {"client_name", "", "client_ip", ""}},
	    {C "connect from", EV_CONNECT, {"client_name", "", "client_ip", ""}},
	    {C "disconnect from", EV_DISCONNECT, {"client_name", "", "client_ip", ""}},
	    {C "disconnect from  ", EV_DISCONNECT, {"client_name", "", "client_ip", ""}},
	};
	CHECK_ROWS(rows);
}

TEST(smtpd_disconnect_stats)
{
	const struct event *ev =
	    parse_full(SUB "disconnect from unknown[203.0.113.251] ehlo=2 starttls=1 auth=0/3 quit=1 "
			   "commands=4/7");
	CHECK_INT(ev->type, EV_DISCONNECT);
	CHECK_INT(ev->nstats, 5);
	CHECK_SPAN(ev->stats[2].name, "auth");
	CHECK_INT(ev->stats[2].ok, 0);
	CHECK_INT(ev->stats[2].total, 3);
	CHECK_SPAN(ev->stats[4].name, "commands");
	CHECK_INT(ev->stats[4].ok, 4);
	CHECK_INT(ev->stats[4].total, 7);
	ev = parse_full(C "disconnect from x.example[192.0.2.7] ehlo=1 quit=1 commands=2 notes=bare_lf");
	CHECK_INT(ev->nstats, 3);
}

TEST(smtpd_lost)
{
	static const struct row rows[] = {
	    {P "lost connection after DATA from unknown[198.51.100.11]", EV_LOST,
	     {"client_name", "unknown", "client_ip", "198.51.100.11", "reason", "lost connection",
	      "stage", "DATA"}},
	    {C "too many errors after UNKNOWN from unknown[192.0.2.2]", EV_LOST,
	     {"client_name", "unknown", "client_ip", "192.0.2.2", "reason", "too many errors", "stage",
	      "UNKNOWN"}},
	    {C "too many errors after UNKNOWN from ", EV_LOST,
	     {"client_name", "", "client_ip", "", "reason", "too many errors", "stage", "UNKNOWN"}},
	    {C "timeout after EHLO from unknown[198.51.100.132]", EV_LOST,
	     {"client_name", "unknown", "client_ip", "198.51.100.132", "reason", "timeout", "stage",
	      "EHLO"}},
	    {C "timeout after END-OF-MESSAGE from unknown[72.13.58.7]", EV_LOST,
	     {"client_name", "unknown", "client_ip", "72.13.58.7", "reason", "timeout", "stage",
	      "END-OF-MESSAGE"}},
	    /* 3.10: "%s: %s after %s from %s" with NOQUEUE or a queue ID */
	    {C "NOQUEUE: lost connection after CONNECT from unknown[192.0.2.9]", EV_LOST,
	     {"client_name", "unknown", "client_ip", "192.0.2.9", "reason", "lost connection", "stage",
	      "CONNECT"}},
	    {C "3F2A81C0A5: lost connection after DATA (12345 bytes) from mail.example.com[192.0.2.1]",
	     EV_LOST,
	     {"queue_id", "3F2A81C0A5", "client_name", "mail.example.com", "client_ip", "192.0.2.1",
	      "reason", "lost connection", "stage", "DATA", "count", "12345"}},
	    {C "NOQUEUE: timeout after BDAT (0 bytes) from mail.example.com[192.0.2.1]:2525", EV_LOST,
	     {"client_name", "mail.example.com", "client_ip", "192.0.2.1", "client_port", "2525",
	      "reason", "timeout", "stage", "BDAT", "count", "0"}},
	    {C "4Bk2Vx5yN9zJ7Lm: too many errors after RCPT from unknown[192.0.2.3]", EV_LOST,
	     {"queue_id", "4Bk2Vx5yN9zJ7Lm", "client_name", "unknown", "client_ip", "192.0.2.3",
	      "reason", "too many errors", "stage", "RCPT"}},
	    /* 2.x */
	    {C "lost connection after DATA (approximately 2048 bytes) from unknown[72.13.58.7]", EV_LOST,
	     {"client_name", "unknown", "client_ip", "72.13.58.7", "reason", "lost connection", "stage",
	      "DATA", "count", "2048"}},
	    /* 3.9 snapshots and the Dec 2023 stable releases (smtpd_forbid_bare_newline) */
	    {C "bare <LF> received after DATA from example.net[192.0.2.4]", EV_LOST,
	     {"client_name", "example.net", "client_ip", "192.0.2.4", "reason", "bare <LF> received",
	      "stage", "DATA"}},
	    {C "disconnect: bare <LF> received from example.net[192.0.2.4]", EV_LOST,
	     {"client_name", "example.net", "client_ip", "192.0.2.4", "reason", "bare <LF> received"}},
	};
	CHECK_ROWS(rows);
}

TEST(smtpd_reject)
{
	static const struct row rows[] = {
	    {P "NOQUEUE: reject: RCPT from unknown[198.51.100.160]: 554 5.7.1 <info@offshore-shop.test>: "
	       "Relay access denied; from=<test@example.test> to=<info@offshore-shop.test> proto=ESMTP "
	       "helo=<WIN-8D2KE>",
	     EV_REJECT,
	     {"client_name", "unknown", "client_ip", "198.51.100.160", "action", "reject", "stage",
	      "RCPT", "code", "554", "dsn", "5.7.1", "reason",
	      "<info@offshore-shop.test>: Relay access denied", "from", "test@example.test", "to",
	      "info@offshore-shop.test", "proto", "ESMTP", "helo", "WIN-8D2KE"}},
	    {P "E022B116598: reject: RCPT from mx.news-c.test[198.51.100.128]: 550 5.1.1 "
	       "<j.doe@example.test>: Recipient address rejected: User unknown in local recipient "
	       "table; from=<support@news-c.test> to=<j.doe@example.test> proto=ESMTP "
	       "helo=<mx.news-c.test>",
	     EV_REJECT,
	     {"queue_id", "E022B116598", "client_name", "mx.news-c.test", "client_ip",
	      "198.51.100.128", "action", "reject", "stage", "RCPT", "code", "550", "dsn", "5.1.1",
	      "reason",
	      "<j.doe@example.test>: Recipient address rejected: User unknown in local recipient table",
	      "from", "support@news-c.test", "to", "j.doe@example.test", "proto", "ESMTP", "helo",
	      "mx.news-c.test"}},
	    /* DNSBL replies hold "; " themselves */
	    {C "NOQUEUE: reject: RCPT from badguy.example.com[93.184.216.34]: 454 4.7.1 Service "
	       "unavailable; Client host [93.184.216.34] blocked using rbl.example.com; "
	       "http://www.example.com/query?ip=93.184.216.34; from=<spammer@example.com> "
	       "to=<goodguy@example.com> proto=ESMTP helo=<badguy.example.com>",
	     EV_REJECT,
	     {"client_name", "badguy.example.com", "client_ip", "93.184.216.34", "action", "reject",
	      "stage", "RCPT", "code", "454", "dsn", "4.7.1", "reason",
	      "Service unavailable; Client host [93.184.216.34] blocked using rbl.example.com; "
	      "http://www.example.com/query?ip=93.184.216.34",
	      "from", "spammer@example.com", "to", "goodguy@example.com", "proto", "ESMTP", "helo",
	      "badguy.example.com"}},
	    /* CONNECT stage: only proto; empty sender */
	    {C "NOQUEUE: reject: CONNECT from unknown[192.0.2.8]: 554 5.7.1 <unknown[192.0.2.8]>: "
	       "Client host rejected: Access denied; proto=SMTP",
	     EV_REJECT,
	     {"client_name", "unknown", "client_ip", "192.0.2.8", "action", "reject", "stage",
	      "CONNECT", "code", "554", "dsn", "5.7.1", "reason",
	      "<unknown[192.0.2.8]>: Client host rejected: Access denied", "proto", "SMTP"}},
	    {C "NOQUEUE: reject_warning: MAIL from x.example[192.0.2.7]: 553 5.7.1 <a@b.example>: "
	       "Sender address rejected: not owned by user joe; from=<> proto=ESMTP helo=<x>",
	     EV_REJECT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "action", "reject_warning",
	      "stage", "MAIL", "code", "553", "dsn", "5.7.1", "reason",
	      "<a@b.example>: Sender address rejected: not owned by user joe", "from", "", "proto",
	      "ESMTP", "helo", "x"}},
	    /* access(5) actions: no SMTP code in the text */
	    {C "NOQUEUE: hold: RCPT from x.example[192.0.2.7]: <a@b.example>: Sender address triggers "
	       "HOLD action; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>",
	     EV_REJECT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "action", "hold", "stage", "RCPT",
	      "reason", "<a@b.example>: Sender address triggers HOLD action", "from", "a@b.example",
	      "to", "c@d.example", "proto", "ESMTP", "helo", "x"}},
	    {C "021C03F820: filter: RCPT from mx.example.org[192.168.100.124]: "
	       "<mx.example.org[192.168.100.124]>: Client host triggers FILTER smtp:[127.0.0.1]:10025; "
	       "from=<jdoe@example.org> to=<jane@example.com> proto=ESMTP helo=<mx.example.com>",
	     EV_REJECT,
	     {"queue_id", "021C03F820", "client_name", "mx.example.org", "client_ip",
	      "192.168.100.124", "action", "filter", "stage", "RCPT", "reason",
	      "<mx.example.org[192.168.100.124]>: Client host triggers FILTER smtp:[127.0.0.1]:10025",
	      "from", "jdoe@example.org", "to", "jane@example.com", "proto", "ESMTP", "helo",
	      "mx.example.com"}},
	    {C "NOQUEUE: discard: MAIL from ccm.example.com[208.75.123.231]: <s@in.example.com>: "
	       "Sender address SPAM; from=<s@in.example.com> proto=ESMTP helo=<ccm.example.com>",
	     EV_REJECT,
	     {"client_name", "ccm.example.com", "client_ip", "208.75.123.231", "action", "discard",
	      "stage", "MAIL", "reason", "<s@in.example.com>: Sender address SPAM", "from",
	      "s@in.example.com", "proto", "ESMTP", "helo", "ccm.example.com"}},
	    {C "NOQUEUE: redirect: RCPT from x.example[192.0.2.7]: <c@d.example>: Recipient address "
	       "triggers REDIRECT abuse@example.com; from=<a@b.example> to=<c@d.example> proto=SMTP "
	       "helo=<x>",
	     EV_REJECT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "action", "redirect", "stage",
	      "RCPT", "reason", "<c@d.example>: Recipient address triggers REDIRECT abuse@example.com",
	      "from", "a@b.example", "to", "c@d.example", "proto", "SMTP", "helo", "x"}},
	    {C "NOQUEUE: warn: EHLO from x.example[192.0.2.7]: suspicious helo; proto=ESMTP helo=<x>",
	     EV_REJECT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "action", "warn", "stage", "EHLO",
	      "reason", "suspicious helo", "proto", "ESMTP", "helo", "x"}},
	    {C "NOQUEUE: hangup: CONNECT from x.example[192.0.2.7]: bye; proto=SMTP", EV_REJECT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "action", "hangup", "stage",
	      "CONNECT", "reason", "bye", "proto", "SMTP"}},
	    /* 3.10 log_whatsup: sasl_* without angle brackets */
	    {C "NOQUEUE: reject: RCPT from x.example[192.0.2.7]: 554 5.7.1 <c@d.example>: Relay access "
	       "denied; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x> sasl_method=PLAIN "
	       "sasl_username=joe@example.com sasl_sender=a@b.example",
	     EV_REJECT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "action", "reject", "stage",
	      "RCPT", "code", "554", "dsn", "5.7.1", "reason", "<c@d.example>: Relay access denied",
	      "from", "a@b.example", "to", "c@d.example", "proto", "ESMTP", "helo", "x",
	      "sasl_method", "PLAIN", "sasl_username", "joe@example.com", "sasl_sender",
	      "a@b.example"}},
	    /* milter replies: sasl_username=<...> */
	    {C "4F9D195432: milter-reject: END-OF-MESSAGE from mail.example.com[192.0.2.10]: 550 5.7.1 "
	       "Spam detected; from=<a@b.example> to=<c@d.example> proto=ESMTP "
	       "helo=<mail.example.com> sasl_username=<joe>",
	     EV_REJECT,
	     {"queue_id", "4F9D195432", "client_name", "mail.example.com", "client_ip", "192.0.2.10",
	      "action", "milter-reject", "stage", "END-OF-MESSAGE", "code", "550", "dsn", "5.7.1",
	      "reason", "Spam detected", "from", "a@b.example", "to", "c@d.example", "proto",
	      "ESMTP", "helo", "mail.example.com", "sasl_username", "joe"}},
	    {C "4F9D195432: milter-discard: END-OF-MESSAGE from mail.example.com[192.0.2.10]: milter "
	       "triggers DISCARD action; from=<a@b.example> to=<c@d.example> proto=ESMTP "
	       "helo=<mail.example.com>",
	     EV_REJECT,
	     {"queue_id", "4F9D195432", "client_name", "mail.example.com", "client_ip", "192.0.2.10",
	      "action", "milter-discard", "stage", "END-OF-MESSAGE", "reason",
	      "milter triggers DISCARD action", "from", "a@b.example", "to", "c@d.example", "proto",
	      "ESMTP", "helo", "mail.example.com"}},
	    {C "4F9D195432: milter-hold: END-OF-MESSAGE from mail.example.com[192.0.2.10]: milter "
	       "triggers HOLD action; from=<a@b.example> to=<c@d.example> proto=ESMTP "
	       "helo=<mail.example.com>",
	     EV_REJECT,
	     {"queue_id", "4F9D195432", "client_name", "mail.example.com", "client_ip", "192.0.2.10",
	      "action", "milter-hold", "stage", "END-OF-MESSAGE", "reason",
	      "milter triggers HOLD action", "from", "a@b.example", "to", "c@d.example", "proto",
	      "ESMTP", "helo", "mail.example.com"}},
	    /* smtpd.c: "%s: reject: %s from %s: 421 4.3.0 %s Server local data error" (no ';') */
	    {C "NOQUEUE: reject: RCPT from x.example[192.0.2.7]: 421 4.3.0 mx1.example.test Server "
	       "local data error",
	     EV_REJECT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "action", "reject", "stage",
	      "RCPT", "code", "421", "dsn", "4.3.0", "reason",
	      "mx1.example.test Server local data error"}},
	    /* 3.9 bare LF reject with queue ID */
	    {C "3F2A81C0A5: reject: DATA from x.example[192.0.2.7]: bare <LF> received; "
	       "from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>",
	     EV_REJECT,
	     {"queue_id", "3F2A81C0A5", "client_name", "x.example", "client_ip", "192.0.2.7", "action",
	      "reject", "stage", "DATA", "reason", "bare <LF> received", "from", "a@b.example", "to",
	      "c@d.example", "proto", "ESMTP", "helo", "x"}},
	    /* smtpd_log_access_permit_actions: informational */
	    {C "NOQUEUE: permit: RCPT from x.example[192.0.2.7]: action=permit_mynetworks for Client "
	       "host=x.example[192.0.2.7]; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>",
	     EV_INFO,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "action", "permit", "stage",
	      "RCPT", "reason", "action=permit_mynetworks for Client host=x.example[192.0.2.7]",
	      "from", "a@b.example", "to", "c@d.example", "proto", "ESMTP", "helo", "x"}},
	    /* before-queue content filter */
	    {C "proxy-reject: END-OF-MESSAGE: 554 5.7.0 Reject, id=31619-02 - spam; from=<> "
	       "to=<user2@example2.com> proto=SMTP helo=<17.33.12.53>",
	     EV_REJECT,
	     {"action", "proxy-reject", "stage", "END-OF-MESSAGE", "code", "554", "dsn", "5.7.0",
	      "reason", "Reject, id=31619-02 - spam", "from", "", "to", "user2@example2.com", "proto",
	      "SMTP", "helo", "17.33.12.53"}},
	    {C "3F2A81C0A5: proxy-accept: END-OF-MESSAGE: 250 2.0.0 Ok: queued as 9B1E22C0F1; "
	       "from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>",
	     EV_INFO,
	     {"queue_id", "3F2A81C0A5", "action", "proxy-accept", "stage", "END-OF-MESSAGE", "code",
	      "250", "dsn", "2.0.0", "reason", "Ok: queued as 9B1E22C0F1", "from", "a@b.example", "to",
	      "c@d.example", "proto", "ESMTP", "helo", "x"}},
	};
	CHECK_ROWS(rows);
}

TEST(smtpd_reject_quoted_address)
{
	/* a quoted local part that imitates the tail */
	const struct event *ev = parse_full(
	    C "NOQUEUE: reject: RCPT from x.example[192.0.2.7]: 554 5.7.1 <\"a; to=<x>\"@d.example>: "
	      "Relay access denied; from=<s@d.example> to=<\"a; to=<x>\"@d.example> proto=ESMTP "
	      "helo=<h>");
	CHECK_INT(ev->type, EV_REJECT);
	CHECK_SPAN(ev->client_ip, "192.0.2.7");
	CHECK_SPAN(ev->stage, "RCPT");
	CHECK_SPAN(ev->code, "554");
	CHECK_SPAN(ev->helo, "h");
	CHECK_SPAN(ev->proto, "ESMTP");
	/* the quoted local part is skipped: everything lands right */
	CHECK_SPAN(ev->reason, "<\"a; to=<x>\"@d.example>: Relay access denied");
	CHECK_SPAN(ev->from, "s@d.example");
	CHECK_SPAN(ev->to, "\"a; to=<x>\"@d.example");
	/* an unbalanced quote falls back to the first tail-looking ';' */
	ev = parse_full(C "NOQUEUE: reject: RCPT from x.example[192.0.2.7]: 550 5.1.1 <\"a@d.example>: "
			  "Recipient address rejected; from=<s@d.example> to=<\"a@d.example> proto=SMTP");
	CHECK_INT(ev->type, EV_REJECT);
	CHECK_SPAN(ev->reason, "<\"a@d.example>: Recipient address rejected");
	CHECK_SPAN(ev->from, "s@d.example");
	CHECK_SPAN(ev->proto, "SMTP");
}

TEST(smtpd_client_line)
{
	static const struct row rows[] = {
	    {SUB "A346A11658A: client=unknown[203.0.113.29], sasl_method=LOGIN, sasl_username=bob",
	     EV_CLIENT,
	     {"queue_id", "A346A11658A", "client_name", "unknown", "client_ip", "203.0.113.29",
	      "sasl_method", "LOGIN", "sasl_username", "bob"}},
	    {P "4D0F7116567: client=mail2.partner-a.test[198.51.100.3]", EV_CLIENT,
	     {"queue_id", "4D0F7116567", "client_name", "mail2.partner-a.test", "client_ip",
	      "198.51.100.3"}},
	    {C "4Bk2Vx5yN9zJ7Lm: client=x.example[192.0.2.7]:54321, sasl_method=PLAIN, "
	       "sasl_username=joe@example.com, sasl_sender=owner@example.com",
	     EV_CLIENT,
	     {"queue_id", "4Bk2Vx5yN9zJ7Lm", "client_name", "x.example", "client_ip", "192.0.2.7",
	      "client_port", "54321", "sasl_method", "PLAIN", "sasl_username", "joe@example.com",
	      "sasl_sender", "owner@example.com"}},
	    /* pasted with parts masked or cut out: the login is kept, a masked
	     * address is not shown (empty, as in "unknown[]") */
	    {C "4C3F81234: client=unknown[IP], sasl_method=PLAIN, sasl_username=XXX", EV_CLIENT,
	     {"queue_id", "4C3F81234", "client_name", "unknown", "client_ip", "", "sasl_method",
	      "PLAIN", "sasl_username", "XXX"}},
	    {C "4C3F81235: client=unknown[XXX.XXX.XXX.XXX], sasl_method=PLAIN, "
	       "sasl_username=RECP@gmail.com",
	     EV_CLIENT,
	     {"queue_id", "4C3F81235", "client_name", "unknown", "client_ip", "", "sasl_method",
	      "PLAIN", "sasl_username", "RECP@gmail.com"}},
	    {C "4C3F81236: client=xx.xx.com [xxx.xxx.xxx.xxx], sasl_method=PLAIN, "
	       "sasl_username=<user@example.com>",
	     EV_CLIENT,
	     {"queue_id", "4C3F81236", "client_name", "xx.xx.com", "client_ip", "", "sasl_method",
	      "PLAIN", "sasl_username", "<user@example.com>"}},
	    {C "4C3F81237: client=unknown, sasl_method=LOGIN, sasl_username=info@example.com",
	     EV_CLIENT,
	     {"queue_id", "4C3F81237", "client_name", "unknown", "client_ip", "", "sasl_method",
	      "LOGIN", "sasl_username", "info@example.com"}},
	    {C "4C3F81238: client=mail.example.com[x.x.x.x], sasl_method=PLAIN, sasl_username=",
	     EV_CLIENT,
	     {"queue_id", "4C3F81238", "client_name", "mail.example.com", "client_ip", "",
	      "sasl_method", "PLAIN", "sasl_username", "(username not shown)"}},
	    {C "XXXXXXXXXX: client=unknown[172.21.0.1], sasl_method=PLAIN, sasl_username=John Doe",
	     EV_CLIENT,
	     {"client_name", "unknown", "client_ip", "172.21.0.1", "sasl_method", "PLAIN",
	      "sasl_username", "John Doe"}},
	    {C "[QID]: client=unknown[IP], sasl_method=LOGIN, sasl_username=joe", EV_CLIENT,
	     {"client_name", "unknown", "client_ip", "", "sasl_method", "LOGIN", "sasl_username",
	      "joe"}},
	    {C "xxxxxxxxxx: client=a.example[192.0.2.3]", EV_CLIENT,
	     {"client_name", "a.example", "client_ip", "192.0.2.3"}},
	    /* a real address stays as logged */
	    {C "4C3F81239: client=unknown[192.0.2.1], sasl_method=PLAIN, sasl_username=a",
	     EV_CLIENT,
	     {"queue_id", "4C3F81239", "client_name", "unknown", "client_ip", "192.0.2.1",
	      "sasl_method", "PLAIN", "sasl_username", "a"}},
	    /* XFORWARD from a content filter */
	    {C "3F2A81C0A5: client=localhost[127.0.0.1], orig_queue_id=9B1E22C0F1, "
	       "orig_client=mail.example.com[192.0.2.10]",
	     EV_CLIENT,
	     {"queue_id", "3F2A81C0A5", "client_name", "localhost", "client_ip", "127.0.0.1",
	      "orig_queue_id", "9B1E22C0F1", "orig_client", "mail.example.com[192.0.2.10]"}},
	};
	CHECK_ROWS(rows);
}

TEST(smtpd_sasl)
{
	static const struct row rows[] = {
	    /* 3.9+: ", sasl_username=" always; "(unavailable)" is no username */
	    {SUB "warning: unknown[198.51.100.206]: SASL PLAIN authentication failed: Connection lost "
		 "to authentication server, sasl_username=(unavailable)",
	     EV_SASL_FAIL,
	     {"client_name", "unknown", "client_ip", "198.51.100.206", "sasl_method", "PLAIN",
	      "reason", "Connection lost to authentication server"}},
	    {SUB "warning: unknown[203.0.113.251]: SASL LOGIN authentication failed: (reason "
		 "unavailable), sasl_username=admin@example.test",
	     EV_SASL_FAIL,
	     {"client_name", "unknown", "client_ip", "203.0.113.251", "sasl_method", "LOGIN",
	      "reason", "(reason unavailable)", "sasl_username", "admin@example.test"}},
	    /* before 3.9 */
	    {"Jan 26 15:50:22 mx postfix/submission/smtpd[27009]: warning: unknown[112.95.43.75]: SASL "
	     "LOGIN authentication failed: UGFzc3dvcmQ6",
	     EV_SASL_FAIL,
	     {"client_name", "unknown", "client_ip", "112.95.43.75", "sasl_method", "LOGIN", "reason",
	      "UGFzc3dvcmQ6"}},
	    {"Feb 23 11:57:45 postfix/smtpd[32451]: warning: unknown[]: SASL PLAIN authentication "
	     "failed: ",
	     EV_SASL_FAIL,
	     {"client_name", "unknown", "client_ip", "", "sasl_method", "PLAIN", "reason", ""}},
	    {C "warning: x.example[192.0.2.7]: SASL CRAM-MD5 authentication aborted", EV_SASL_ABORT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "sasl_method", "CRAM-MD5"}},
	    /* Cyrus' own line before smtpd's: only a warning (no double count) */
	    {C "warning: SASL authentication failure: Password verification failed", EV_WARNING,
	     {"action", "warning"}},
	    {C "warning: SASL: Connect to private/auth failed: No such file or directory", EV_WARNING,
	     {"action", "warning"}},
	    {C "fatal: no SASL authentication mechanisms", EV_WARNING, {"action", "fatal"}},
	    /* the whole client typed over by one word before pasting: still
	     * a failed login, its address not shown */
	    {SUB "warning: IP: SASL PLAIN authentication failed: ", EV_SASL_FAIL,
	     {"client_name", "IP", "client_ip", "", "sasl_method", "PLAIN", "reason", ""}},
	    {C "warning: <client>: SASL LOGIN authentication failed: UGFzc3dvcmQ6", EV_SASL_FAIL,
	     {"client_name", "<client>", "client_ip", "", "sasl_method", "LOGIN", "reason",
	      "UGFzc3dvcmQ6"}},
	    /* look-alikes: a word with a blank or a bracket is no placeholder */
	    {C "warning: SASL: Connect to /run/dovecot/auth failed: Permission denied", EV_WARNING,
	     {"action", "warning"}},
	    {C "warning: a b: SASL LOGIN authentication failed: x", EV_WARNING, {"action", "warning"}},
	};
	CHECK_ROWS(rows);
}

TEST(smtpd_hostname_rate_nonsmtp)
{
	static const struct row rows[] = {
	    {C "warning: hostname hn.kd.ny.adsl does not resolve to address 182.118.53.61: Name or "
	       "service not known",
	     EV_HOSTNAME_VERIFY,
	     {"client_name", "hn.kd.ny.adsl", "client_ip", "182.118.53.61", "action", "unresolved",
	      "reason", "Name or service not known"}},
	    {C "warning: hostname example.com does not resolve to address 2001:db8::5",
	     EV_HOSTNAME_VERIFY,
	     {"client_name", "example.com", "client_ip", "2001:db8::5", "action", "unresolved"}},
	    {C "warning: 204.44.122.130: address not listed for hostname abc.example.com",
	     EV_HOSTNAME_VERIFY,
	     {"client_name", "abc.example.com", "client_ip", "204.44.122.130", "action",
	      "not_listed"}},
	    {C "warning: 192.0.2.9: hostname host.example verification failed: Temporary failure in "
	       "name resolution",
	     EV_HOSTNAME_VERIFY,
	     {"client_name", "host.example", "client_ip", "192.0.2.9", "action", "verify_failed",
	      "reason", "Temporary failure in name resolution"}},
	    {P "warning: non-SMTP command from unknown[198.51.100.208]: GET / HTTP/1.1", EV_NON_SMTP,
	     {"client_name", "unknown", "client_ip", "198.51.100.208", "command", "GET / HTTP/1.1"}},
	    {P "improper command pipelining after CONNECT from unknown[192.0.2.99]: EHLO "
	       "bot.invalid\\r\\nMAIL FROM:<a@bot.invalid>\\r\\n",
	     EV_PIPELINING,
	     {"client_name", "unknown", "client_ip", "192.0.2.99", "stage", "CONNECT", "command",
	      "EHLO bot.invalid\\r\\nMAIL FROM:<a@bot.invalid>\\r\\n"}},
	    {C "improper command pipelining after RSET from unknown[173.10.140.217]", EV_PIPELINING,
	     {"client_name", "unknown", "client_ip", "173.10.140.217", "stage", "RSET", "command", ""}},
	    {C "warning: Connection rate limit exceeded: 31 from spamhost.domain.org[192.0.2.123] for "
	       "service smtp",
	     EV_RATE_LIMIT,
	     {"client_name", "spamhost.domain.org", "client_ip", "192.0.2.123", "reason",
	      "Connection rate limit exceeded", "count", "31"}},
	    {C "warning: Connection concurrency limit exceeded: 51 from unknown[192.0.2.5] for service "
	       "smtp",
	     EV_RATE_LIMIT,
	     {"client_name", "unknown", "client_ip", "192.0.2.5", "reason",
	      "Connection concurrency limit exceeded", "count", "51"}},
	    {C "warning: Message delivery request rate limit exceeded: 334 from "
	       "spam.example.com[192.0.2.227] for service submission",
	     EV_RATE_LIMIT,
	     {"client_name", "spam.example.com", "client_ip", "192.0.2.227", "reason",
	      "Message delivery request rate limit exceeded", "count", "334"}},
	    {C "warning: Recipient address rate limit exceeded: 101 from x.example[192.0.2.7] for "
	       "service smtp",
	     EV_RATE_LIMIT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "reason",
	      "Recipient address rate limit exceeded", "count", "101"}},
	    {C "warning: AUTH command rate limit exceeded: 11 from x.example[192.0.2.7] for service "
	       "submission",
	     EV_RATE_LIMIT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "reason",
	      "AUTH command rate limit exceeded", "count", "11"}},
	    {C "warning: New TLS session rate limit exceeded: 21 from x.example[192.0.2.7] for service "
	       "smtp",
	     EV_RATE_LIMIT,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "reason",
	      "New TLS session rate limit exceeded", "count", "21"}},
	};
	CHECK_ROWS(rows);
}

TEST(smtpd_tls)
{
	static const struct row rows[] = {
	    {SUB "Anonymous TLS connection established from unknown[198.51.100.206]: TLSv1.3 with "
		 "cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature "
		 "RSA-PSS (2048 bits) server-digest SHA256",
	     EV_TLS,
	     {"client_name", "unknown", "client_ip", "198.51.100.206", "tls_trust", "Anonymous",
	      "tls_proto", "TLSv1.3", "tls_cipher", "TLS_AES_256_GCM_SHA384", "action", "established"}},
	    {"Feb 23 11:57:42 postfix/smtpd[32451]: Anonymous TLS connection established from "
	     "unknown[]: TLSv1.2 with cipher RC4-SHA (128/128 bits)",
	     EV_TLS,
	     {"client_name", "unknown", "client_ip", "", "tls_trust", "Anonymous", "tls_proto",
	      "TLSv1.2", "tls_cipher", "RC4-SHA", "action", "established"}},
	    /* SNI accepted; client port logging */
	    {C "Verified TLS connection established from x.example[192.0.2.7]:40000 to mx.example.com: "
	       "TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)",
	     EV_TLS,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "client_port", "40000",
	      "tls_trust", "Verified", "tls_proto", "TLSv1.3", "tls_cipher",
	      "TLS_AES_128_GCM_SHA256", "action", "established"}},
	    {C "SSL_accept error from unknown[72.13.58.7]: Connection timed out", EV_TLS_ERROR,
	     {"client_name", "unknown", "client_ip", "72.13.58.7", "reason", "Connection timed out"}},
	    {C "SSL_accept error from ssl-tools.net[185.55.116.145]: -1", EV_TLS_ERROR,
	     {"client_name", "ssl-tools.net", "client_ip", "185.55.116.145", "reason", "-1"}},
	    {C "warning: TLS library problem: error:14209102:SSL routines:"
	       "tls_early_post_process_client_hello:unsupported protocol:../ssl/statem/statem_srvr.c:1661:",
	     EV_TLS_ERROR,
	     {"reason", "error:14209102:SSL routines:tls_early_post_process_client_hello:unsupported "
			"protocol:../ssl/statem/statem_srvr.c:1661:"}},
	    {C "NOQUEUE: abort: TLS from x.example[192.0.2.7]: No client certificate presented",
	     EV_TLS_ERROR,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "reason",
	      "No client certificate presented"}},
	    {C "warning: tlsproxy handshake failed", EV_TLS_ERROR,
	     {"reason", "tlsproxy handshake failed"}},
	    {C "certificate verification failed for x.example[192.0.2.7]: untrusted issuer /CN=x",
	     EV_TLS_ERROR,
	     {"client_name", "x.example", "client_ip", "192.0.2.7", "reason", "untrusted issuer /CN=x"}},
	    {SUB "setting up TLS connection from unknown[203.0.113.251]", EV_INFO,
	     {"client_name", "unknown", "client_ip", "203.0.113.251"}},
	    {SUB "initializing the server-side TLS engine", EV_INFO, {NULL}},
	    {SUB "unknown[203.0.113.251]: TLS cipher list \"aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH\"",
	     EV_INFO, {"client_name", "unknown", "client_ip", "203.0.113.251"}},
	    {SUB "unknown[203.0.113.251]: Issuing session ticket, key expiration: 1795349028", EV_INFO,
	     {"client_name", "unknown", "client_ip", "203.0.113.251"}},
	};
	CHECK_ROWS(rows);
}

TEST(smtpd_other_warnings_and_info)
{
	static const struct row rows[] = {
	    {C "warning: 3F2A81C0A5: hash:/etc/postfix/sender_access lookup error for \"a@b\"",
	     EV_WARNING, {"action", "warning", "queue_id", "3F2A81C0A5"}},
	    {C "warning: Illegal address syntax from x.example[192.0.2.7] in MAIL command: <a@b",
	     EV_WARNING, {"action", "warning", "client_name", "x.example", "client_ip", "192.0.2.7"}},
	    {C "warning: x.example[192.0.2.7]: request longer than 2048: EHLO aaaa...", EV_WARNING,
	     {"action", "warning", "client_name", "x.example", "client_ip", "192.0.2.7"}},
	    {C "warning: valid_hostname: misplaced delimiter: .", EV_WARNING, {"action", "warning"}},
	    {C "error: open database /etc/postfix/access.db: No such file or directory", EV_WARNING,
	     {"action", "error"}},
	    {C "discarding EHLO keywords: CHUNKING ETRN DSN 8BITMIME", EV_INFO, {NULL}},
	    {C "table hash:/etc/postfix/access(0,lock|fold_fix) has changed -- restarting", EV_INFO,
	     {NULL}},
	    /* a queue-ID-looking token that is no queue ID (made-up test data,
	     * a pasted line's invented ID) is read on a second pass, as the
	     * lines of the same message that follow it are: otherwise its
	     * delivery lines would tell mail "of unknown origin" (a masked one,
	     * "XXXXXXXXXX", is read without a queue ID: test_parse_pasted.c) */
	    {C "FGHIJ67890: client=other.example.com[192.168.1.2]", EV_CLIENT,
	     {"queue_id", "FGHIJ67890", "client_name", "other.example.com", "client_ip", "192.168.1.2"}},
	};
	CHECK_ROWS(rows);
}

TEST(smtpd_reject_without_noqueue_old_postfix)
{
	struct syslog_state st;
	struct logline l;
	struct event ev;
	syslog_state_init(&st, 2004, 0);
	CHECK(syslog_parse(&st, span_of("Mar  3 10:00:00 mail postfix/smtpd[811]: reject: RCPT from unknown[192.0.2.5]: 554 <x@example.org>: Relay access denied; from=<a@example.net> to=<x@example.org>"), &l));
	parse_line(&l, &ev);
	CHECK_INT(ev.type, EV_REJECT);
	CHECK_SPAN(ev.queue_id, NULL);
	CHECK_SPAN(ev.action, "reject");
	CHECK_SPAN(ev.stage, "RCPT");
	CHECK_SPAN(ev.client_ip, "192.0.2.5");
	CHECK_SPAN(ev.code, "554");
	CHECK_SPAN(ev.to, "x@example.org");
}

/* monitor_helo_ref - the monitoring-HELO test as it was written first
 * (lowered, then strstr for each name): ev_monitor_helo must agree */
static bool monitor_helo_ref(const char *helo, size_t n)
{
	static const char *const names[] = {"nagios", "icinga", "zabbix", "monit", "check_smtp",
					    "check-smtp", "healthcheck", "health-check", "uptime",
					    "blackbox", "prometheus", "checkmk", "munin", NULL};
	char low[64];
	if (!n || n >= sizeof low)
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(helo[i] >= 'A' && helo[i] <= 'Z' ? helo[i] + 32 : helo[i]);
	low[n] = 0;
	for (int i = 0; names[i]; i++)
		if (strstr(low, names[i]))
			return true;
	return false;
}

/* ev_monitor_helo gives what strstr does: every name in every case at
 * every place, cut at each end, behind a NUL, and random names made of
 * the names' own bytes */
TEST(smtpd_monitor_helo_same_as_strstr)
{
	static const char *const names[] = {"nagios", "icinga", "zabbix", "monit", "check_smtp",
					    "check-smtp", "healthcheck", "health-check", "uptime",
					    "blackbox", "prometheus", "checkmk", "munin"};
	static const char pad[] = "mail-01.Example.NET";
	char h[80];
	size_t yes = 0, bad = 0;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		for (size_t at = 0; at < sizeof pad; at += 3)
			for (int variant = 0; variant < 5; variant++) {
				int n = snprintf(h, sizeof h, "%.*s%s%s", (int)at, pad, names[k], pad + at);
				if (n <= 0 || (size_t)n >= sizeof h)
					continue;
				if (variant == 1) /* upper case */
					for (int i = 0; i < n; i++)
						h[i] = (char)(h[i] >= 'a' && h[i] <= 'z' ? h[i] - 32 : h[i]);
				if (variant == 2) /* cut before the name's last byte */
					n = (int)(at + strlen(names[k]) - 1);
				if (variant == 3 && at) /* a NUL before the name */
					h[at - 1] = 0;
				if (variant == 4) /* a NUL inside it */
					h[at + 1] = 0;
				bool want = monitor_helo_ref(h, (size_t)n);
				yes += want;
				bad += ev_monitor_helo(span_make(h, (size_t)n)) != want;
			}
	uint64_t rnd = 0x9E3779B97F4A7C15ULL;
	static const char bytes[] = "nagioscheckmkzabbixunt-_HEALTH.\0";
	for (int i = 0; i < 200000; i++) {
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		size_t n = 1 + rnd % 70;
		for (size_t j = 0; j < n; j++) {
			rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
			h[j] = bytes[rnd % (sizeof bytes - 1)];
		}
		bool want = monitor_helo_ref(h, n);
		yes += want;
		bad += ev_monitor_helo(span_make(h, n)) != want;
	}
	CHECK_INT(bad, 0);
	CHECK(yes > 100);
}

/* greylist_ref - ev_greylist_text as it was written first (the text
 * lowered a byte at a time, then strstr for each word) */
static bool greylist_ref(const char *t, size_t n)
{
	static const char *const words[] = {"greylist", "graylist", "grey-list", "gray-list",
					    "grey list", "gray list", "try again later",
					    "come back later", "come back in ", "retry later", NULL};
	char low[1024];
	if (!n)
		return false;
	n = n < sizeof low - 1 ? n : sizeof low - 1;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
	low[n] = 0;
	for (int i = 0; words[i]; i++)
		if (strstr(low, words[i]))
			return true;
	return false;
}

/* the refusals' word search (fault.c's has_folded, eight bytes lowered
 * at a time, through ev_greylist_text) gives what lowering byte by byte
 * and strstr give: random texts with a word in random case, whole, cut
 * or with a byte changed, among the words' bytes, the bytes around 'A'
 * and 'Z' ('@', '[', '`', '{') and their high-bit twins, and NULs; and a
 * word at the end of the first 1 KiB, across it and after it */
TEST(greylist_words_same_as_strstr)
{
	static const char bytes[] = "greylistaGRAY-c obkTRlmin@[`{\xc1\xc7\xda\xe7\0";
	static const char *const w[] = {"greylist", "gray-list", "grey list", "try again later",
					"come back in ", "retry later"};
	static char t[1100];
	uint64_t rnd = 0x9E3779B97F4A7C15ULL;
	size_t yes = 0, bad = 0;
	for (int i = 0; i < 300000; i++) {
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		size_t n = rnd % 60;
		for (size_t j = 0; j < n; j++) {
			rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
			t[j] = bytes[rnd % (sizeof bytes - 1)];
		}
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		if (rnd & 1 && n) {
			const char *word = w[(rnd >> 1) % 6];
			size_t at = (rnd >> 8) % n, len = strlen(word) - ((rnd >> 16) % 3 == 0);
			for (size_t j = 0; j < len && at + j < n; j++)
				t[at + j] = (char)(rnd >> (20 + j % 40) & 1 && word[j] >= 'a' ? word[j] - 32 : word[j]);
			if (rnd >> 62 == 0) /* one byte of it changed */
				t[at + (rnd >> 24) % len % (n - at)] = bytes[(rnd >> 32) % (sizeof bytes - 1)];
		}
		bool want = greylist_ref(t, n);
		yes += want;
		bad += ev_greylist_text(span_make(t, n)) != want;
	}
	for (size_t at = 1005; at < 1030; at++) {
		memset(t, 'x', sizeof t);
		memcpy(t + at, "GreyListed", 10);
		bool want = greylist_ref(t, sizeof t);
		yes += want;
		bad += ev_greylist_text(span_make(t, sizeof t)) != want;
	}
	CHECK_INT(bad, 0);
	CHECK(yes > 10000);
}
