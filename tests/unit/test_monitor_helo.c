/*
 * test_monitor_helo.c - ev_monitor_helo (fault.c) reads the HELO name
 * once, lowering each byte as it goes, with its table of second letters
 * made at compile time (speed13): the same answer as the pass over a
 * lowered copy it replaced, on every name in both cases at every place,
 * cut, behind or holding a NUL, among bytes that are letters once OR-ed
 * with 0x20 and bytes that are not, each text in a heap buffer of its own
 * size.  And session_monitor (verdict.c): the same names in a session's
 * HELO or in its client's verified name (thread AP 12).
 */
#include "analyze/analysis.h"
#include "tap.h"
#include "parse/event.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* helo_lowered_ref - ev_monitor_helo as speed13 found it: the name lowered
 * into a copy (up to a NUL), the second letters' table made per call, one
 * pass over the copy */
static bool helo_lowered_ref(struct span helo)
{
#define N(s) {s, sizeof s - 1}
	static const struct {
		const char *s;
		size_t n;
	} names[] = {N("nagios"),     N("icinga"),       N("zabbix"), N("monit"),    N("check_smtp"),
		     N("check-smtp"), N("healthcheck"),  N("health-check"), N("uptime"), N("blackbox"),
		     N("prometheus"), N("checkmk"),      N("munin")};
#undef N
	enum { NNAMES = sizeof names / sizeof names[0] };
	char low[64];
	if (!helo.n || helo.n >= sizeof low)
		return false;
	/* lowered up to a NUL (as strstr would read it); then one pass, each
	 * name compared only where its first two letters are (every name
	 * starts with two of a-z: test_parse_smtpd.c holds this to strstr) */
	size_t n = 0;
	for (; n < helo.n && helo.p[n]; n++)
		low[n] = (char)(helo.p[n] >= 'A' && helo.p[n] <= 'Z' ? helo.p[n] + 32 : helo.p[n]);
	uint32_t second[32] = {0}; /* by a name's first letter ('a' = 0): its second letters */
	for (int k = 0; k < NNAMES; k++)
		second[(unsigned)(names[k].s[0] - 'a') & 31] |= 1u << ((unsigned)(names[k].s[1] - 'a') & 31);
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned a = (unsigned char)low[i] - 'a', b = (unsigned char)low[i + 1] - 'a';
		if (a >= 26 || b >= 26 || !(second[a] >> b & 1))
			continue;
		for (int k = 0; k < NNAMES; k++)
			if (names[k].s[0] == low[i] && names[k].n <= n - i && !memcmp(low + i, names[k].s, names[k].n))
				return true;
	}
	return false;
}

static uint64_t rnd_state = 0x510E527FADE682D1ULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

/* same - one text, copied to a heap buffer of its size, asked of both */
static bool same(const char *t, size_t n, size_t *yes)
{
	char *h = malloc(n ? n : 1);
	if (!h)
		return false;
	memcpy(h, t, n);
	bool a = ev_monitor_helo(span_make(h, n)), b = helo_lowered_ref(span_make(h, n));
	free(h);
	*yes += b;
	if (a != b)
		test_fail(__FILE__, __LINE__, "\"%.*s\" (%zu bytes): %d, want %d", (int)n, t, n, a, b);
	return a == b;
}

TEST(monitor_helo_same_as_lowered_copy)
{
	static const char *const names[] = {"nagios", "icinga", "zabbix", "monit", "check_smtp",
					    "check-smtp", "healthcheck", "health-check", "uptime",
					    "blackbox", "prometheus", "checkmk", "munin", "mu", "mo", "ch",
					    "nagio", "MUNIN", "CheckMK", "Health-Check"};
	static const char pad[] = "mail-01.Example.NET.ab@[{`~";
	char t[128];
	size_t yes = 0;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		for (size_t at = 0; at < sizeof pad; at++)
			for (int v = 0; v < 6; v++) {
				int n = snprintf(t, sizeof t, "%.*s%s%s", (int)at, pad, names[k], pad + at);
				if (n <= 0 || (size_t)n >= sizeof t)
					continue;
				if (v == 1) /* upper case */
					for (int i = 0; i < n; i++)
						t[i] = (char)(t[i] >= 'a' && t[i] <= 'z' ? t[i] - 32 : t[i]);
				if (v == 2) /* cut before the name's last byte */
					n = (int)(at + strlen(names[k]) - 1);
				if (v == 3 && at) /* a NUL before the name */
					t[at - 1] = 0;
				if (v == 4) /* a NUL inside it */
					t[at + 1] = 0;
				if (v == 5) /* cut just after the name */
					n = (int)(at + strlen(names[k]));
				if (!same(t, (size_t)n, &yes))
					return;
			}
	/* random texts of the names' bytes, both cases, and bytes that OR
	 * 0x20 turns into letters' neighbours ('@' '[' '`' '{', 0xc1, 0xe1) */
	static const char bytes[] = "nagioscheckmkzabbixuptmeblackprometheusmunin-_HEALTHCMUN.@[`{\xc1\xe1\0";
	for (int i = 0; i < 400000; i++) {
		size_t n = rnd() % 70;
		for (size_t j = 0; j < n; j++)
			t[j] = bytes[rnd() % (sizeof bytes - 1)];
		if (!same(t, n, &yes))
			return;
	}
	CHECK(yes > 1000);
}

/* a monitoring tool named by its HELO or by the client's verified name
 * (remote8.uptimerobot.com); "unknown", a name without such a word, and
 * no name at all are not */
TEST(session_monitor_by_name)
{
	static const struct {
		const char *helo, *name;
		bool want;
	} cases[] = {
	    {"nagios.example.org", "unknown", true},     {NULL, "remote8.uptimerobot.com", true},
	    {NULL, "probe3.uptimemonitor.example.net", true}, {"mail.example.net", "mail.example.net", false},
	    {NULL, "unknown", false},                    {NULL, NULL, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct session s;
		memset(&s, 0, sizeof s);
		s.helo = (char *)cases[i].helo;
		s.client_name = (char *)cases[i].name;
		if (session_monitor(&s) != cases[i].want)
			test_fail(__FILE__, __LINE__, "case %zu: session_monitor %d, want %d", i, !cases[i].want,
				  cases[i].want);
	}
}
