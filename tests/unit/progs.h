/*
 * progs.h - helpers for the program parser tests (test_parse_*.c other
 * than smtpd): run one whole syslog line, or one Postfix message under a
 * given program tag, through syslog_parse and parse_line, and check the
 * event's fields by name (CHECK_EVENT).  The returned event points into a
 * static buffer, valid until the next call.
 */
#ifndef POSTSLEUTH_TEST_PROGS_H
#define POSTSLEUTH_TEST_PROGS_H

#include "tap.h"

#include <stddef.h>
#include "parse/event.h"
#include "syslog/prefix.h"

/* progs_read - parse a complete log line (year forced to 2026); NULL
 * when syslog_parse reads no line in it and !always */
static inline const struct event *progs_read(const char *line, bool always)
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
	if (!syslog_parse(&st, span_make(buf, n), &l)) {
		if (!always)
			return NULL;
		memset(&l, 0, sizeof l);
	}
	parse_line(&l, &ev);
	return &ev;
}

/* progs_line - parse a complete log line (year forced to 2026) */
static inline const struct event *progs_line(const char *line)
{
	return progs_read(line, true);
}

/* progs_bare - a line without a syslog prefix, read as the feed reads it
 * (syslog_parse: a paste, then the message alone), then parsed; NULL
 * when no program is told */
static inline const struct event *progs_bare(const char *line)
{
	return progs_read(line, false);
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

/* progs_check - the event's type name, then each listed span field:
 * f holds "field", want pairs (by the field's name in EVENT_SPANS; a NULL
 * want: the field is unset), ended by a NULL field.  Fields not listed are
 * not checked.  One failure, "got X, want Y", per field that differs. */
static inline void progs_check(const char *file, int lineno, const struct event *ev,
			       const char *type, const char *const *f)
{
	static const struct { const char *name; size_t off; } fields[] = {
#define X(m, s) {s, offsetof(struct event, m)},
	    EVENT_SPANS(X)
#undef X
	};
	if (strcmp(progs_type(ev), type) != 0)
		test_fail(file, lineno, "type: got \"%s\", want \"%s\"", progs_type(ev), type);
	for (int i = 0; f[i]; i += 2) {
		size_t k = 0;
		while (k < sizeof fields / sizeof fields[0] && strcmp(fields[k].name, f[i]) != 0)
			k++;
		if (k == sizeof fields / sizeof fields[0]) {
			test_fail(file, lineno, "the check names unknown field %s", f[i]);
			continue;
		}
		struct span got = *(const struct span *)((const char *)ev + fields[k].off);
		const char *want = f[i + 1];
		if (want == NULL ? got.p != NULL : (!got.p || !span_eqs(got, want)))
			test_fail(file, lineno, "%s: got \"%.*s\"%s, want \"%s\"", f[i],
				  (int)(got.p ? got.n : 0), got.p ? got.p : "", got.p ? "" : "(unset)",
				  want ? want : "(unset)");
	}
}

/* CHECK_EVENT - ev is of type TYPE (its JSON name) and has the listed
 * fields: CHECK_EVENT(ev, "delivery", "queue_id", "8885E11658A",
 * "relay_ip", NULL) */
#define CHECK_EVENT(ev, type, ...) \
	progs_check(__FILE__, __LINE__, (ev), (type), (const char *const[]){__VA_ARGS__, NULL})

#endif
