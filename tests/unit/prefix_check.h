/*
 * prefix_check.h - helpers of the syslog prefix tests (test_prefix*.c):
 * parse one line with the state given, a stamp as ISO-8601 text, and a
 * table of pasted lines checked field by field in one state.
 */
#ifndef POSTSLEUTH_TEST_PREFIX_CHECK_H
#define POSTSLEUTH_TEST_PREFIX_CHECK_H

#include "tap.h"
#include "syslog/prefix.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>

/* parse - one line with a fixed reference year */
static inline bool parse(struct syslog_state *st, const char *line, struct logline *l)
{
	return syslog_parse(st, span_of(line), l);
}

/* iso_of - the stamp as ISO-8601 text */
static inline const char *iso_of(struct stamp t)
{
	static char out[64];
	struct buf b = {0};
	buf_stamp(&b, t);
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p);
	buf_free(&b);
	return out;
}

/* one pasted line: want_ok, then what the logline must hold; host NULL
 * means "no host", ts NULL means "no time on the line" (FMT_NOTIME) */
struct pasted_case {
	const char *line;
	bool ok;
	const char *ts, *host, *prog;
	long long pid;
	const char *severity, *text;
};

/* check_pasted - run one table of lines through one state, in order */
static inline void check_pasted(const struct pasted_case *c, size_t n)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	for (size_t i = 0; i < n; i++, c++) {
		bool ok = parse(&st, c->line, &l);
		if (ok != c->ok) {
			test_fail(__FILE__, __LINE__, "%s: got %s, want %s", c->line,
				  ok ? "a log line" : "no prefix", c->ok ? "a log line" : "no prefix");
			continue;
		}
		if (!ok)
			continue;
		if (c->ts) {
			CHECK_STR(iso_of(l.ts), c->ts);
			CHECK(l.format == FMT_ISO || l.format == FMT_CLASSIC);
		} else {
			CHECK_INT(l.format, FMT_NOTIME);
		}
		if (!c->host ? l.host.n != 0 : !span_eqs(l.host, c->host))
			test_fail(__FILE__, __LINE__, "%s: host: got \"%.*s\", want \"%s\"", c->line,
				  (int)l.host.n, l.host.p ? l.host.p : "", c->host ? c->host : "");
		if (!span_eqs(l.prog, c->prog))
			test_fail(__FILE__, __LINE__, "%s: prog: got \"%.*s\", want \"%s\"", c->line,
				  (int)l.prog.n, l.prog.p ? l.prog.p : "", c->prog);
		if (l.pid != c->pid)
			test_fail(__FILE__, __LINE__, "%s: pid: got %lld, want %lld", c->line,
				  (long long)l.pid, c->pid);
		if (!span_eqs(l.severity, c->severity))
			test_fail(__FILE__, __LINE__, "%s: severity: got \"%.*s\", want \"%s\"", c->line,
				  (int)l.severity.n, l.severity.p ? l.severity.p : "", c->severity);
		if (!span_eqs(l.text, c->text))
			test_fail(__FILE__, __LINE__, "%s: text: got \"%.*s\", want \"%s\"", c->line,
				  (int)l.text.n, l.text.p ? l.text.p : "", c->text);
	}
}

#endif
