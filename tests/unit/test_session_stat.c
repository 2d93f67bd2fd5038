/* test_session_stat.c - session_stat's quick answers (session.h: no counts,
 * or no name of that first byte, told by stat_firsts) against a plain look
 * at every name, on sessions the model built from random disconnect lines
 * (speed21) */
#include "tap.h"
#include "model/correlate.h"
#include "syslog/prefix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the names a disconnect line may hold and a caller may ask: Postfix's own,
 * first bytes whose low six bits are the same ('a' 0x61 and '!' 0x21, 'A'
 * 0x41 and 0x01's neighbour '\xc1', 'q' and '1'), a UTF-8 one, an empty
 * one, one longer than the 15 bytes kept, one cut to the same 15 bytes */
static const char *const names[] = {
	"auth", "ehlo", "helo", "mail", "rcpt", "data", "bdat", "quit", "rset", "noop",
	"vrfy", "etrn", "starttls", "unknown", "commands", "!auth", "a", "A", "\xc1x",
	"\xc3\xa9t\xc3\xa9", "", "averyveryverylongname", "averyveryverylongnamf", "1q", "q",
	"xclient", "Auth", "AUTH",
};
#define NNAMES (sizeof names / sizeof names[0])

struct st_ctx {
	int sessions, with_stats, asked, fails;
};

/* plain - the first statistic named name, every name looked at */
static bool plain(const struct session *s, const char *name, uint32_t *ok, uint32_t *total)
{
	for (uint32_t i = 0; i < s->nstats; i++)
		if (!strcmp(s->stats[i].name, name)) {
			*ok = s->stats[i].ok;
			*total = s->stats[i].total;
			return true;
		}
	*ok = *total = 0;
	return false;
}

/* ask - session_stat and the plain look give the same answer for every name */
static void ask(struct st_ctx *c, const struct session *s)
{
	for (size_t i = 0; i < NNAMES; i++) {
		uint32_t ok1 = 7, total1 = 7, ok2, total2;
		bool f1 = session_stat(s, names[i], &ok1, &total1);
		bool f2 = plain(s, names[i], &ok2, &total2);
		c->asked++;
		if (f1 != f2 || ok1 != ok2 || total1 != total2) {
			if (c->fails++ < 5)
				test_fail(__FILE__, __LINE__, "\"%s\": got %d %u/%u, want %d %u/%u (%u names)",
					  names[i], f1, ok1, total1, f2, ok2, total2, s->nstats);
		}
	}
}

/* on_sess - every session the model gives, asked every name */
static void on_sess(const struct session *s, void *ctx)
{
	struct st_ctx *c = ctx;
	c->sessions++;
	c->with_stats += s->nstats > 0;
	ask(c, s);
}

static void on_msg(const struct message *m, void *ctx)
{
	(void)m, (void)ctx;
}

/* feed - one line through the prefix, the parser and the model */
static void feed(struct model *m, struct syslog_state *st, const char *line, uint64_t *lineno)
{
	struct logline l;
	struct event ev;
	if (!syslog_parse(st, span_of(line), &l))
		return;
	parse_line(&l, &ev);
	model_event(m, &ev, ++*lineno, 0);
}

/* next - xorshift */
static uint32_t next(uint64_t *r)
{
	*r ^= *r << 13;
	*r ^= *r >> 7;
	*r ^= *r << 17;
	return (uint32_t)(*r >> 11);
}

TEST(session_stat_quick_answers_same_as_plain)
{
	struct st_ctx c = {0};
	struct model_sink sink = {on_sess, on_msg, &c};
	struct model *m = model_new(&sink);
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	uint64_t r = 0x9e3779b97f4a7c15ULL;
	char line[1024];
	uint64_t lineno = 0;
	for (int k = 0; k < 6000; k++) {
		unsigned pid = 1000 + (unsigned)k, a = (unsigned)k % 250 + 1, b = (unsigned)k / 250 % 250 + 1;
		snprintf(line, sizeof line,
			 "Nov 22 11:%02u:%02u mx1 postfix/smtpd[%u]: connect from unknown[10.1.%u.%u]",
			 (unsigned)k / 60 % 60, (unsigned)k % 60, pid, b, a);
		feed(m, &st, line, &lineno);
		/* none to thirty statistics (the model keeps 24), names
		 * repeated now and then (the first one counts) */
		int n = (int)(next(&r) % 31);
		if (k % 7 == 0)
			n = 0; /* a disconnect line without counts */
		size_t at = (size_t)snprintf(line, sizeof line,
					     "Nov 22 11:%02u:%02u mx1 postfix/smtpd[%u]: disconnect from unknown[10.1.%u.%u]",
					     (unsigned)k / 60 % 60, (unsigned)k % 60, pid, b, a);
		for (int i = 0; i < n && at < sizeof line - 64; i++) {
			const char *nm = names[next(&r) % NNAMES];
			unsigned ok = next(&r) % 4, total = ok + next(&r) % 3;
			if (next(&r) % 2)
				at += (size_t)snprintf(line + at, sizeof line - at, " %s=%u", nm, ok);
			else
				at += (size_t)snprintf(line + at, sizeof line - at, " %s=%u/%u", nm, ok, total);
		}
		feed(m, &st, line, &lineno);
	}
	model_finish(m);
	model_free(m);
	CHECK(c.sessions >= 6000);
	CHECK(c.with_stats > 4000);
	CHECK(c.fails == 0);

	/* a session whose counts were set by hand, stat_firsts never set:
	 * every name looked at */
	struct session s;
	memset(&s, 0, sizeof s);
	struct session_stat hand[3] = {{"auth", 1, 2}, {"!x", 3, 3}, {"quit", 1, 1}};
	s.stats = hand;
	s.nstats = 3;
	s.have_stats = true;
	ask(&c, &s);
	uint32_t ok, total;
	CHECK(session_stat(&s, "auth", &ok, &total) && ok == 1 && total == 2);
	CHECK(!session_stat(&s, "ehlo", &ok, &total) && ok == 0 && total == 0);
	CHECK(c.fails == 0);
}
