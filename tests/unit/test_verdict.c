/*
 * test_verdict.c - a client's verdict as a pure function of its compact
 * facts (table: facts -> verdict), and client addresses: kept in binary,
 * printed back exactly as the log wrote them, ordered like their text.
 */
#include "tap.h"

#include <stdlib.h>
#include "analyze/analysis.h"

/* facts - a client record with the given counters */
struct facts {
	const char *name;
	uint32_t sessions, fails, successes, messages, relay, rejects, pregreet, pipelining, non_smtp;
	uint8_t flags;
	int64_t first_fail, last_success;
	enum verdict dominant;      /* by_verdict: every session of this kind */
	enum verdict want;
};

TEST(verdict_decide_table)
{
	static const struct facts cases[] = {
	    {"guesser", 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1, INT64_MIN, V_AUTH_BRUTEFORCE, V_AUTH_BRUTEFORCE},
	    {"one failure, one name", 1, 1, 0, 0, 0, 0, 0, 0, 0, CF_TRIED_ONE, 1, INT64_MIN,
	     V_AUTH_BRUTEFORCE, V_AUTH_BRUTEFORCE},
	    {"one failure, two names", 2, 1, 0, 0, 0, 0, 0, 0, 0, CF_TRIED_MANY, 1, INT64_MIN,
	     V_UNKNOWN, V_AUTH_BRUTEFORCE},
	    {"one failure among probes", 4, 1, 0, 0, 0, 0, 0, 0, 0, CF_TRIED_ONE, 1, INT64_MIN,
	     V_CAPABILITY_PROBE, V_CAPABILITY_PROBE},
	    {"failures then a login", 5, 4, 1, 0, 0, 0, 0, 0, 0, CF_TRIED_MANY, 10, 20, V_LEGITIMATE,
	     V_AUTH_SUCCESS_AFTER_FAILURES},
	    {"login before the failures", 5, 4, 1, 0, 0, 0, 0, 0, 0, CF_TRIED_MANY, 30, 20,
	     V_AUTH_BRUTEFORCE, V_AUTH_BRUTEFORCE},
	    {"abused account", 2, 0, 2, 40, 0, 0, 0, 0, 0, CF_ABUSED, INT64_MAX, 5, V_LEGITIMATE,
	     V_ACCOUNT_ABUSE},
	    {"relay tester", 2, 0, 0, 0, 2, 2, 0, 0, 0, 0, INT64_MAX, INT64_MIN, V_RELAY_ATTEMPT,
	     V_RELAY_ATTEMPT},
	    {"relay refusal of a sender", 9, 0, 0, 8, 1, 1, 0, 0, 0, 0, INT64_MAX, INT64_MIN,
	     V_LEGITIMATE, V_LEGITIMATE},
	    {"relay refusal of a user who logs in", 3, 0, 1, 0, 1, 1, 0, 0, 0, 0, INT64_MAX, 5,
	     V_RELAY_ATTEMPT, V_LEGITIMATE},
	    {"dot prober", 3, 0, 0, 0, 0, 0, 0, 0, 3, 0, INT64_MAX, INT64_MIN, V_NON_SMTP_PROBE,
	     V_NON_SMTP_PROBE},
	    {"pregreet", 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, INT64_MAX, INT64_MIN, V_PREGREET, V_PREGREET},
	    {"pipelining", 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, INT64_MAX, INT64_MIN, V_PIPELINING, V_PIPELINING},
	    {"sender", 4, 0, 0, 4, 0, 0, 0, 0, 0, 0, INT64_MAX, INT64_MIN, V_LEGITIMATE, V_LEGITIMATE},
	    {"refused", 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, INT64_MAX, INT64_MIN, V_SPAM_REJECTED,
	     V_SPAM_REJECTED},
	    {"capability probe", 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, INT64_MAX, INT64_MIN, V_CAPABILITY_PROBE,
	     V_CAPABILITY_PROBE},
	    {"nothing", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, INT64_MAX, INT64_MIN, V_UNKNOWN, V_UNKNOWN},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct facts *f = &cases[i];
		struct client c = {0};
		c.sessions = f->sessions;
		c.auth_failures = f->fails;
		c.pw_failures = f->fails;       /* SASL failure lines: passwords checked */
		c.auth_successes = f->successes;
		c.messages = f->messages;
		c.relay_denied = f->relay;
		c.rejects = f->rejects;
		c.pregreet = f->pregreet;
		c.pipelining = f->pipelining;
		c.non_smtp = f->non_smtp;
		c.flags = f->flags;
		c.first_fail_us = f->first_fail;
		c.last_success_us = f->last_success;
		c.by_verdict[f->dominant] = f->sessions;
		enum verdict got = verdict_decide(&c);
		if (got != f->want)
			test_fail(__FILE__, __LINE__, "%s: got %s, want %s", f->name, verdict_id(got),
				  verdict_id(f->want));
	}
	/* postscreen's bare newline, command count or time limit caught it
	 * (CT_PS_LIMIT): a bot unless postscreen passed it, it reached
	 * smtpd or it sent mail */
	struct client pv = {0};
	pv.times = CT_PS_LIMIT;
	CHECK_INT(verdict_decide(&pv), V_PROTOCOL_VIOLATION);
	pv.times = CT_PS_LIMIT | CT_PS_PASSED;
	CHECK_INT(verdict_decide(&pv), V_UNKNOWN);
	pv.times = CT_PS_LIMIT;
	pv.sessions = 1;
	CHECK_INT(verdict_decide(&pv), V_UNKNOWN);
	pv.messages = 1;
	CHECK_INT(verdict_decide(&pv), V_LEGITIMATE);
	pv = (struct client){.times = CT_PS_PASSED};
	CHECK_INT(verdict_decide(&pv), V_UNKNOWN);
	/* the diagnosis found its mail relayed through an open relay:
	 * relay-abuser; never for a client that logs in, or an own
	 * application's address */
	struct client rl = {0};
	rl.sessions = rl.messages = 3;
	rl.by_verdict[V_LEGITIMATE] = 3;
	CHECK_INT(verdict_decide(&rl), V_LEGITIMATE);
	rl.diag_flags = CD_RELAY_ABUSE;
	CHECK_INT(verdict_decide(&rl), V_RELAY_ABUSE);
	rl.auth_ok_sessions = 1;
	CHECK_INT(verdict_decide(&rl), V_LEGITIMATE);
	rl.auth_ok_sessions = 0;
	rl.flags = CF_OWN_APP;
	CHECK_INT(verdict_decide(&rl), V_LEGITIMATE);
	/* AUTH refused with no password checked (auth=0/1, no SASL failure
	 * line) from an address that logs in: a mail program on the wrong
	 * port, not failures before a login; a guesser's refused AUTH (no
	 * login anywhere) stays a guess */
	struct client c = {0};
	c.sessions = 5;
	c.auth_failures = 4;
	c.auth_successes = 1;
	c.messages = 1;
	c.first_fail_us = 10;
	c.last_success_us = 20;
	c.by_verdict[V_AUTH_BRUTEFORCE] = 4;
	CHECK_STR(verdict_id(verdict_decide(&c)), "legitimate");
	c.pw_failures = 4;
	CHECK_STR(verdict_id(verdict_decide(&c)), "auth-success-after-failures");
	c.pw_failures = 0;
	c.auth_successes = 0;
	c.messages = 0;
	CHECK_STR(verdict_id(verdict_decide(&c)), "auth-bruteforce");
}

/* the server's own failures: neither its SASL backend failing nor its own
 * application refused relaying is an attack */
TEST(verdict_decide_server_side)
{
	struct client c = {0};
	c.sessions = 1;
	c.auth_failures = 1;
	c.flags = CF_TRIED_ONE;
	c.first_fail_us = 1;
	c.last_success_us = INT64_MIN;
	c.by_verdict[V_AUTH_BRUTEFORCE] = 1;
	CHECK_INT(verdict_decide(&c), V_AUTH_BRUTEFORCE);
	c.auth_backend_fail = 1; /* "generic failure": saslauthd down */
	CHECK(verdict_severity(verdict_decide(&c)) < 3);
	c.auth_failures = 4;     /* three real failures beside it */
	CHECK_INT(verdict_decide(&c), V_AUTH_BRUTEFORCE);
	struct client r = {0};
	r.sessions = 2;
	r.relay_denied = 2;
	r.rejects = 2;
	r.by_verdict[V_RELAY_ATTEMPT] = 2;
	CHECK_INT(verdict_decide(&r), V_RELAY_ATTEMPT);
	r.flags = CF_OWN_APP;
	CHECK_INT(verdict_decide(&r), V_LEGITIMATE);
}

TEST(client_addresses_print_back_as_written)
{
	static const char *const in[] = {
	    "192.0.2.1", "10.0.0.10", "10.0.0.2", "2001:db8::7", "2001:DB8::7", "::ffff:192.0.2.1",
	    "fe80::1%eth0", "", "unknown", "001.2.3.4", "1.2.3", "255.255.255.255", "::",
	};
	struct analysis *a = analysis_new();
	size_t n = sizeof in / sizeof in[0];
	for (size_t i = 0; i < n; i++)
		CHECK_INT(analysis_client_get(a, span_of(in[i])), i);
	/* the same texts again are the same clients */
	for (size_t i = 0; i < n; i++)
		CHECK_INT(analysis_client_get(a, span_of(in[i])), i);
	analysis_finish(a);
	CHECK_INT(a->nclist, n);
	for (size_t i = 0; i < n; i++) {
		const struct client *c = spillvec_at(&a->clients, i);
		CHECK_STR(client_addr(c).s, in[i][0] ? in[i] : CLIENT_NO_ADDRESS);
	}
	CHECK_INT(((const struct client *)spillvec_at(&a->clients, 0))->kind, CA_V4);
	CHECK_INT(((const struct client *)spillvec_at(&a->clients, 3))->kind, CA_V6);
	CHECK_INT(((const struct client *)spillvec_at(&a->clients, 4))->kind, CA_TEXT);
	CHECK_INT(((const struct client *)spillvec_at(&a->clients, 5))->kind, CA_V6);
	CHECK(client_is_placeholder(spillvec_at(&a->clients, 7)));
	CHECK(analysis_client(a, "10.0.0.2") == spillvec_at(&a->clients, 2));
	CHECK(analysis_client(a, "10.0.0.3") == NULL);
	analysis_free(a);
}

TEST(client_ipv4_only_in_inet_ntop_form)
{
	/* records.c reads the usual dotted quad itself: only the form
	 * inet_ntop writes is an IPv4 address, every other text is kept as
	 * written (and printed back so) */
	static const struct {
		const char *ip;
		int kind;
	} cases[] = {
	    {"0.0.0.0", CA_V4},      {"255.255.255.255", CA_V4}, {"10.20.30.40", CA_V4},
	    {"1.2.3.256", CA_TEXT},  {"1.2.3.04", CA_TEXT},      {"01.2.3.4", CA_TEXT},
	    {"1.2.3.4.", CA_TEXT},   {"1..2.3", CA_TEXT},        {"1.2.3.4x", CA_TEXT},
	    {"1.2.3.4 ", CA_TEXT},   {"1.2.3.1000", CA_TEXT},    {"1.2.3", CA_TEXT},
	    {".1.2.3.4", CA_TEXT},   {"1.2.3.-4", CA_TEXT},
	};
	struct analysis *a = analysis_new();
	size_t n = sizeof cases / sizeof cases[0];
	for (size_t i = 0; i < n; i++)
		CHECK_INT(analysis_client_get(a, span_of(cases[i].ip)), i);
	for (size_t i = 0; i < n; i++) {
		const struct client *c = spillvec_at(&a->clients, i);
		CHECK_INT(c->kind, cases[i].kind);
		CHECK_STR(client_addr(c).s, cases[i].ip);
	}
	analysis_free(a);
}

TEST(client_order_is_text_order)
{
	struct analysis *a = analysis_new();
	char t[64];
	uint64_t rnd = 0x2545F4914F6CDD1DULL;
	enum { N = 3000 };
	for (int i = 0; i < N; i++) {
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		if (i % 10 == 0)
			snprintf(t, sizeof t, "2001:db8::%x", (unsigned)(rnd & 0xffff));
		else if (i % 10 == 1)
			snprintf(t, sizeof t, "x%u", (unsigned)(rnd & 0xff));
		else
			snprintf(t, sizeof t, "%u.%u.%u.%u", (unsigned)(rnd & 0xff),
				 (unsigned)(rnd >> 8 & 0x3), (unsigned)(rnd >> 16 & 0xff),
				 (unsigned)(rnd >> 24 & 0xff));
		analysis_client_get(a, span_of(t));
	}
	analysis_finish(a);
	size_t bad = 0;
	for (size_t i = 1; i < a->nclist; i++) {
		const struct client *x = a->clist[i - 1], *y = a->clist[i];
		bad += strcmp(client_addr(x).s, client_addr(y).s) >= 0;
		bad += (client_cmp_addr(x, y) < 0) != (strcmp(client_addr(x).s, client_addr(y).s) < 0);
	}
	CHECK_INT(bad, 0);
	CHECK(a->nclist > N / 2);
	analysis_free(a);
	/* every octet against every other, in each place */
	for (int place = 0; place < 4; place++) {
		a = analysis_new();
		for (int i = 0; i < 256; i++) {
			unsigned o[4] = {9, 9, 9, 9};
			o[place] = (unsigned)i;
			snprintf(t, sizeof t, "%u.%u.%u.%u", o[0], o[1], o[2], o[3]);
			CHECK_INT(analysis_client_get(a, span_of(t)), i);
		}
		bad = 0;
		for (size_t i = 0; i < 256; i++)
			for (size_t j = 0; j < 256; j++) {
				const struct client *x = spillvec_at(&a->clients, i), *y = spillvec_at(&a->clients, j);
				int want = strcmp(client_addr(x).s, client_addr(y).s);
				int got = client_cmp_addr(x, y);
				bad += (want < 0) != (got < 0) || (want > 0) != (got > 0);
			}
		CHECK_INT(bad, 0);
		analysis_free(a);
	}
}

/* the VERDICTS rows are consistent: every writer finds its column filled,
 * names are unique and parse back, and the one definition of hostile
 * (severity 3 and more) is what the report and the ban default agree on */
TEST(verdict_rows_complete)
{
	for (int i = 0; i < V__COUNT; i++) {
		enum verdict v = (enum verdict)i, back;
		const struct verdict_row *r = verdict_row(v);
		CHECK(r->id && r->id[0]);
		CHECK(r->title && r->title[0]);
		CHECK(r->reason && r->reason[0]);
		CHECK(r->reject && !strncmp(r->reject, "Access denied", 13));
		CHECK(verdict_from_id(r->id, &back) && back == v);
		CHECK_INT(verdict_severity(v), r->sev);
		CHECK_INT(verdict_hostile(v), r->sev >= SEV_HOSTILE);
		CHECK(r->sev >= SEV_OK && r->sev <= SEV_ALARM);
		/* a hostile client is always listed by default; nobody at fault never */
		if (verdict_hostile(v))
			CHECK(r->ban);
		/* nobody at fault: never banned, never hostile (a paragraph of
		 * what to do is allowed: a webmail's address, shared-front) */
		if (r->side == VSIDE_NONE || r->side == VSIDE_UNCLEAR)
			CHECK(!r->ban && !verdict_hostile(v));
		/* an own client is never banned, never hostile, nobody's fault
		 * but perhaps its owner's (an old password) */
		if (r->own)
			CHECK(!r->ban && r->sev <= SEV_UNCLEAR && r->side != VSIDE_CLIENT);
		/* a "What to do" paragraph names some addresses, and only then */
		CHECK_INT(r->act != VACT_NONE, r->nlist > 0);
		for (int j = 0; j < i; j++)
			CHECK(strcmp(verdict_row((enum verdict)j)->id, r->id) != 0);
	}
	CHECK_STR(verdict_id((enum verdict)V__COUNT), "unknown");
	CHECK_INT(verdict_severity((enum verdict)-1), SEV_UNCLEAR);
	CHECK_STR(verdict_severity_word(SEV_HOSTILE), "hostile");
	CHECK_STR(verdict_severity_word(SEV_ALARM), "ALARM");
	CHECK_STR(verdict_severity_word(9), "ok");
	CHECK(!verdict_from_id("hostile", &(enum verdict){0}));
}
