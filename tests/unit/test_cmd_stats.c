/*
 * test_cmd_stats.c - pc_cmd_stats (common.c) reads each token of a
 * disconnect line's command counts forward once (speed28): the same
 * answer and the same counts, names and spans as the former loop (every
 * byte tested for '=', '/' and ' '), on random texts of names, '=', '/',
 * digits (long runs too: the counts saturate), blanks, NULs and junk, cut
 * anywhere, each in a buffer of its own size.
 */
#include "tap.h"
#include "parse/common.h"

#include <stdlib.h>
#include <string.h>

/* the former function and its digits, as they were */
static bool digits_before(const char *p, const char *e, uint32_t *out)
{
	if (p == e)
		return false;
	uint64_t v = 0;
	for (; p < e; p++) {
		unsigned d = (unsigned)(unsigned char)*p - '0';
		if (d > 9)
			return false;
		v = v * 10 + d;
		if (v > UINT32_MAX)
			v = (uint64_t)UINT32_MAX + 1;
	}
	*out = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
	return true;
}

static bool cmd_stats_before(struct span s, struct event *ev)
{
	ev->nstats = 0;
	const char *p = s.p, *end = s.p + s.n;
	while (p < end) {
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		const char *tok = p, *eq = NULL, *sl = NULL;
		while (p < end && *p != ' ') {
			if (*p == '=' && !eq)
				eq = p;
			else if (*p == '/' && eq && !sl)
				sl = p;
			p++;
		}
		if (!eq)
			continue;
		uint32_t ok, total;
		if (!digits_before(eq + 1, sl ? sl : p, &ok))
			continue;
		if (sl) {
			if (!digits_before(sl + 1, p, &total))
				continue;
		} else {
			total = ok;
		}
		if (ev->nstats < CMD_STATS_MAX) {
			struct cmd_stat *cs = &ev->stats[ev->nstats++];
			cs->name = span_make(tok, (size_t)(eq - tok));
			cs->ok = ok;
			cs->total = total;
		}
	}
	return ev->nstats > 0;
}

static uint64_t rnd_state = 0x3C6EF372FE94F82BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

TEST(cmd_stats_same_as_before)
{
	static const char *const parts[] = {
	    "ehlo=1",     " ",      "  ",   "quit=1",     "commands=2", "commands=2/3", "auth=0/1",
	    "rcpt=12/40", "=",      "/",    "1",          "0",          "99999999999",  "4294967295",
	    "4294967296", "ehlo",   "mail", "notes=bare_lf", "=1",      "x=/1",         "x=1/",
	    "x=1//2",     "x=1/2/3", "a=b=1", "a/b=1",    "data=1a",    "\0",           "\t",
	    "commands=0/25"};
	const size_t nparts = sizeof parts / sizeof *parts;
	char t[320];
	unsigned ok = 0, stats = 0, many = 0;
	for (int round = 0; round < 300000; round++) {
		size_t n = 0;
		if (rnd() % 40 == 0) { /* more counts than the event keeps */
			for (int k = 20 + (int)(rnd() % 10); k > 0; k--) {
				memcpy(t + n, "x=1 ", 4);
				n += 4;
			}
		} else if (rnd() % 3 == 0) { /* the usual line, a byte perhaps changed */
			static const char *const lines[] = {
			    "ehlo=1 quit=1 commands=2", "ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
			    "ehlo=2 starttls=1 auth=0/1 quit=1 commands=4/5", "unknown=0/1 commands=0/1",
			    " ehlo=1 mail=1 rcpt=0/1 rset=1 quit=1 commands=4/5"};
			const char *l = lines[rnd() % 5];
			n = strlen(l);
			memcpy(t, l, n);
			if (rnd() % 3 == 0)
				t[rnd() % n] = "=/ 0a\0x9"[rnd() % 8];
		}
		tap_parts(t, &n, sizeof t, parts, nparts, n ? (int)(rnd() % 3) : 1 + (int)(rnd() % 40),
			  &rnd_state);
		if (rnd() % 5 == 0 && n)
			n -= 1 + rnd() % n; /* cut short: a digit or '=' may be the last byte */
		char *h = malloc(n ? n : 1);
		memcpy(h, t, n);
		struct span s = span_make(h, n);
		struct event a, b;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		bool ra = pc_cmd_stats(s, &a), rb = cmd_stats_before(s, &b);
		if (ra != rb || memcmp(&a, &b, sizeof a) != 0) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\": %d, want %d (stats %u, want %u)",
				  round, (int)n, t, ra, rb, a.nstats, b.nstats);
			free(h);
			return;
		}
		free(h);
		ok += rb;
		stats += b.nstats;
		many += b.nstats == CMD_STATS_MAX;
	}
	/* the draws reach every part of the function */
	CHECK(ok > 100000);
	CHECK(ok < 290000);
	CHECK(stats > 300000);
	CHECK(many > 10);
}
