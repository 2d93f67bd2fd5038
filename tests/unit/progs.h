/*
 * progs.h - helpers for the program parser tests (test_parse_*.c other
 * than smtpd): run one whole syslog line, or one Postfix message under a
 * given program tag, through syslog_parse and parse_line.  The returned
 * event points into a static buffer, valid until the next call.
 */
#ifndef POSTSLEUTH_TEST_PROGS_H
#define POSTSLEUTH_TEST_PROGS_H

#include "tap.h"
#include "parse/event.h"
#include "syslog/prefix.h"

/* progs_line - parse a complete log line (year forced to 2026) */
static inline const struct event *progs_line(const char *line)
{
	static char buf[16384];
	static struct logline l;
	static struct event ev;
	struct syslog_state st;
	size_t n = strlen(line);
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, line, n);
	syslog_state_init(&st, 2026, 0);
	if (!syslog_parse(&st, span_make(buf, n), &l))
		memset(&l, 0, sizeof l);
	parse_line(&l, &ev);
	return &ev;
}

/* progs_msg - a Postfix message logged by prog (e.g. "postfix/smtp"); the
 * syslog prefix is made up, the message is the program's own text */
static inline const struct event *progs_msg(const char *prog, const char *msg)
{
	static char line[16384];
	snprintf(line, sizeof line, "Nov 22 11:32:05 mx1 %s[4242]: %s", prog, msg);
	return progs_line(line);
}

/* progs_type - the JSON type name, for readable failures */
static inline const char *progs_type(const struct event *ev)
{
	return ev_type_name(ev->type);
}

#endif
