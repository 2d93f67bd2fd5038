/*
 * test_parse_pasted_table.c - a web UI's log table (mailcow's "time |
 * level | message") copied out with the message's blanks doubled
 * (threads AA 18, families3 92*): the reject is read as if written with
 * single spaces, its client, reply and envelope intact; the same line
 * single-spaced reads the same; another program's prose stays no
 * Postfix line.
 */
#include "progs.h"

TEST(pasted_table_doubled_blanks)
{
	static const char *const lines[] = {
	    "1/23/2019, 8:42:29 AM | info | NOQUEUE:  reject: RCPT from unknown[203.0.113.77]: 504 5.5.2 "
	    "<rudnlztc>:  Helo command rejected: need fully-qualified hostname;  from=<aaa@example.net> "
	    "to=<bob@example.org>  proto=ESMTP helo=<rudnlztc>",
	    "1/23/2019, 8:42:29 AM | info | NOQUEUE: reject: RCPT from unknown[203.0.113.77]: 504 5.5.2 "
	    "<rudnlztc>: Helo command rejected: need fully-qualified hostname; from=<aaa@example.net> "
	    "to=<bob@example.org> proto=ESMTP helo=<rudnlztc>",
	};
	for (int i = 0; i < 2; i++) {
		const struct event *ev = progs_line(lines[i]);
		CHECK_STR(progs_type(ev), "reject");
		CHECK_SPAN(ev->client_ip, "203.0.113.77");
		CHECK_SPAN(ev->code, "504");
		CHECK_SPAN(ev->helo, "rudnlztc");
		CHECK_SPAN(ev->stage, "RCPT");
	}
	/* another program's line in the same table, blanks doubled */
	const struct event *ev = progs_line("1/23/2019, 8:42:28 AM | info | Look  up 203.0.113.77 on whitelist, result 200 DUNNO");
	CHECK(strcmp(progs_type(ev), "reject") != 0);
}

/* the squeezed text lives in the syslog state's buffer, which the next
 * line overwrites (on the reading thread, while the consumer still reads
 * the line before): the line says so, so that the feed keeps a copy; a
 * table line without doubled blanks points into itself */
TEST(pasted_table_squeezed_text_kept)
{
	static struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	const char *doubled = "1/23/2019, 8:42:29 AM | info | NOQUEUE:  reject: RCPT from unknown[203.0.113.77]: "
			      "504 5.5.2 <x>:  Helo command rejected: need fully-qualified hostname; from=<a@example.net> "
			      "to=<b@example.org> proto=ESMTP helo=<x>";
	CHECK(syslog_parse(&st, span_make(doubled, strlen(doubled)), &l));
	CHECK(l.unescaped);
	CHECK(l.text.p >= st.json_msg && l.text.p < st.json_msg + sizeof st.json_msg);
	CHECK(strstr(doubled, "NOQUEUE:  reject") != NULL);
	CHECK(l.text.n > 16 && !memcmp(l.text.p, "NOQUEUE: reject:", 16));
	const char *single = "1/23/2019, 8:42:29 AM | info | NOQUEUE: reject: RCPT from unknown[203.0.113.77]: "
			     "504 5.5.2 <x>: Helo command rejected: need fully-qualified hostname; from=<a@example.net> "
			     "to=<b@example.org> proto=ESMTP helo=<x>";
	CHECK(syslog_parse(&st, span_make(single, strlen(single)), &l));
	CHECK(!l.unescaped);
	CHECK(l.text.p >= single && l.text.p < single + strlen(single));
}

/* level_tag - the program syslog_parse finds on the line ("" when none) */
static const char *level_tag(const char *line)
{
	static struct syslog_state st;
	static struct logline l;
	static char d[64];
	syslog_state_init(&st, 2026, 0);
	d[0] = 0;
	if (syslog_parse(&st, span_make(line, strlen(line)), &l) && l.postfix && l.daemon.n < sizeof d) {
		memcpy(d, l.daemon.p, l.daemon.n);
		d[l.daemon.n] = 0;
	}
	return d;
}

/* a container log viewer's level column, then the tag without its ':'
 * (threads AA 04, families3 93*): read as the program's line; the same
 * tag without a level before it, or without a pid, is no log line */
TEST(pasted_level_then_bare_tag)
{
	CHECK_STR(level_tag("INFO    postfix/smtp[226] connect to mx.example.net[203.0.113.40]:587: Operation timed out"),
		  "smtp");
	CHECK_STR(level_tag("postfix/smtp[226] connect to mx.example.net[203.0.113.40]:587: Operation timed out"), "");
	CHECK_STR(level_tag("INFO postfix/smtp connect to mx.example.net[203.0.113.40]:587: Operation timed out"), "");
}
