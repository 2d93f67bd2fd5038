/*
 * test_session_close.c - what a session's close (analysis_session) asks
 * once where it asked twice (speed35): session_auth_failures handed to
 * verdict_session_fails, the client's own network and its service asked
 * once in the refusal's tests.  Random sessions of every kind (logins,
 * failures, relay tests, pipelining, probes, refusals of each kind, on
 * port 25 and submission, from this network, loopback, the Internet and
 * no address, with and without the disconnect counts), every string in
 * a heap buffer of its exact size: verdict_session is
 * verdict_session_fails with the session's failures; a refused session
 * that reaches the refusal's tests gets the former code's verdict (kept
 * here); and the clients' counters after analysis_session are the sums
 * of the sessions' own (failures, verdicts).  And the clients refused as
 * spam are in a->dnf_clients and a->dnf_other as when each refused
 * session put its client's address there (dnf_clients.c asks each client
 * once a set), over sessions of every kind and clients that come back.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analyze/analysis.h"
#include "analyze/records.h"
#include "model/session.h"
#include "parse/event.h"
#include "parse/provider.h"
#include "util/cidr.h"
#include "util/strset.h"

#define NCLIENT 12

static char *heap_pick(const char *const *v, size_t n, uint64_t *r)
{
	const char *t = v[tap_rnd(r) % n];
	if (!t)
		return NULL;
	size_t k = strlen(t);
	char *b = malloc(k + 1);
	memcpy(b, t, k + 1);
	return b;
}

/* the former code of verdict_session's refusal tests, for a session
 * that reaches them: no login, proxy, failure, relay test, pipelining,
 * non-SMTP command, message, lost stage, dialogue or counts (what
 * follows the tests then says V_UNKNOWN: the refusals are work) */
static enum verdict ref_refusal(const struct session *s)
{
	bool big_listed = s->last_reject &&
			  ev_provider_server(span_of(s->client_name), span_of(s->client_ip), span_of(s->helo)) &&
			  (strstr(s->last_reject, "blocked using ") || ev_sender_auth_text(span_of(s->last_reject)));
	bool nat = !big_listed && s->client_ip && cidr_own_network(s->client_ip, strlen(s->client_ip)) &&
		   !cidr_loopback_text(s->client_ip, strlen(s->client_ip)) &&
		   ((s->helo && provider_name(span_of(s->helo))) ||
		    (s->last_reject && ev_spf_refusal(span_of(s->last_reject))));
	bool unlogged = session_submission_unlogged(s);
	bool own_sender = s->last_reject &&
			  ((s->client_ip && cidr_own_network(s->client_ip, strlen(s->client_ip))) ||
			   analysis_is_submission(s->service)) &&
			  (strstr(s->last_reject, "Sender address rejected: Domain not found") ||
			   strstr(s->last_reject, "Sender address rejected: need fully-qualified address") ||
			   strstr(s->last_reject, "Sender address rejected: not logged in"));
	if (!big_listed && !nat && !unlogged && !own_sender)
		return V_SPAM_REJECTED;
	return V_UNKNOWN;
}

struct kinds {
	const char *const *v;
	size_t n;
};
#define KINDS(a) ((struct kinds){a, sizeof a / sizeof *a})

static const char *const ips[] = {"203.0.113.7", "192.168.1.20", "10.0.0.5", "127.0.0.1", "127.0.0.2",
				  "::1", "2001:db8::25", "fd00::7", "198.51.100.9", "172.16.4.4",
				  "100.64.0.1", "8.8.8.8"};
static const char *const names[] = {NULL, "unknown", "mail-ot1-f54.google.com", "mail.example.net",
				    "scanner.shodan.io", "", "a0-1.outbound.protection.outlook.com"};
static const char *const helos[] = {NULL, "ylmf-pc", "mail-ot1-f54.google.com", "[192.0.2.1]",
				    "EUR05-AM6-obe.outbound.protection.outlook.com", "x", "uptimerobot"};
static const char *const services[] = {NULL, "smtpd", "postfix/smtpd", "postfix/submission/smtpd",
				       "postfix/smtps/smtpd", "postfix-out/smtpd", "postfix/smtp/smtpd"};
static const char *const rejects[] = {
    NULL,
    "554 5.7.1 Service unavailable; Client host [203.0.113.7] blocked using zen.spamhaus.org",
    "450 4.1.8 <a@nowhere.invalid>: Sender address rejected: Domain not found",
    "504 5.5.2 <root>: Sender address rejected: need fully-qualified address",
    "553 5.7.1 <u@example.com>: Sender address rejected: not logged in",
    "554 5.7.1 <x@y>: Client host rejected: Access denied",
    "550 5.7.23 <u@example.com>: Recipient address rejected: Message rejected due to: SPF fail",
    "554 5.7.1 <x@y>: Relay access denied",
    "550 5.7.1 <u@example.com>: Sender address rejected: DMARC policy",
    "450 4.7.1 Client host rejected: cannot find your hostname"};
static const char *const stages[] = {NULL, "CONNECT", "EHLO", "AUTH", "STARTTLS", "UNKNOWN", "DATA"};
static const char *const reasons[] = {NULL, "lost connection", "timeout", "too many errors"};
static const char *const piped[] = {NULL, "GET / HTTP/1.1", "\\026\\003\\001", "QUIT", "EHLO x"};
static const char *const users[] = {NULL, "admin", "info@example.com"};

/* rnd_session - a session of any kind (refusing: one that reaches the
 * refusal's tests); its strings on the heap */
static void rnd_session(struct session *s, struct session_stat *st, uint64_t *r, bool refusing)
{
	memset(s, 0, sizeof *s);
	s->saw_connect = tap_rnd(r) % 5 != 0;
	s->end_kind = tap_rnd(r) % 4 ? END_DISCONNECT : END_OPEN;
	s->client_ip = heap_pick(ips, sizeof ips / sizeof *ips, r);
	s->client_name = heap_pick(names, sizeof names / sizeof *names, r);
	s->helo = heap_pick(helos, sizeof helos / sizeof *helos, r);
	s->service = heap_pick(services, sizeof services / sizeof *services, r);
	s->last_reject = heap_pick(rejects, sizeof rejects / sizeof *rejects, r);
	if (refusing) {
		if (!s->last_reject)
			s->last_reject = heap_pick(rejects + 1, sizeof rejects / sizeof *rejects - 1, r);
		s->rejects = 1 + (uint32_t)(tap_rnd(r) % 3);
		s->local_rejects = (uint32_t)(tap_rnd(r) % s->rejects);
		s->domain_rejects = (uint32_t)(tap_rnd(r) % (s->rejects + 1));
		s->last_reject_login = 1;
		return;
	}
	if (tap_rnd(r) % 3 == 0)
		s->client_ip = (free(s->client_ip), NULL);
	s->rejects = s->last_reject ? (uint32_t)(tap_rnd(r) % 3) : 0;
	s->local_rejects = s->rejects ? (uint32_t)(tap_rnd(r) % (s->rejects + 1)) : 0;
	s->domain_rejects = s->rejects ? (uint32_t)(tap_rnd(r) % (s->rejects + 1)) : 0;
	s->last_reject_login = (uint8_t)(tap_rnd(r) % 3);
	s->sasl_username = tap_rnd(r) % 6 ? NULL : heap_pick(users + 1, 2, r);
	s->auth_failures = (uint32_t)(tap_rnd(r) % 4 ? 0 : tap_rnd(r) % 4);
	s->auth_backend_failures = s->auth_failures ? (uint32_t)(tap_rnd(r) % (s->auth_failures + 1)) : 0;
	s->auth_mech_refused = s->auth_failures ? (uint32_t)(tap_rnd(r) % (s->auth_failures + 1)) : 0;
	s->relay_denied = tap_rnd(r) % 8 ? 0 : 1;
	s->relay_tests = tap_rnd(r) % 8 ? 0 : 1;
	s->proxy_header = tap_rnd(r) % 16 == 0;
	s->pipelining = heap_pick(piped, sizeof piped / sizeof *piped, r);
	if (s->pipelining && tap_rnd(r) % 3)
		s->pipelining = (free(s->pipelining), NULL);
	s->pipelining_stage = s->pipelining ? heap_pick(stages + 1, 2, r) : NULL;
	s->messages = tap_rnd(r) % 5 ? 0 : 1;
	s->lost_stage = heap_pick(stages, sizeof stages / sizeof *stages, r);
	s->lost_reason = s->lost_stage ? heap_pick(reasons + 1, 3, r) : NULL;
	s->tls = tap_rnd(r) % 3 == 0;
	if (tap_rnd(r) % 2) {
		static const char *const stat_names[] = {"ehlo", "auth", "mail", "rcpt", "quit", "starttls", "unknown"};
		s->have_stats = true;
		s->nstats = 1 + (uint32_t)(tap_rnd(r) % 4);
		for (uint32_t i = 0; i < s->nstats; i++) {
			const char *n = stat_names[tap_rnd(r) % 7];
			snprintf(st[i].name, sizeof st[i].name, "%s", n);
			st[i].total = (uint32_t)(tap_rnd(r) % 3);
			st[i].ok = st[i].total ? (uint32_t)(tap_rnd(r) % (st[i].total + 1)) : 0;
			s->stat_firsts |= 1ULL << ((unsigned char)n[0] & 63);
		}
		s->stats = st;
	}
}

static void session_strings_free(struct session *s)
{
	free(s->client_ip), free(s->client_name), free(s->helo), free(s->service), free(s->last_reject);
	free(s->sasl_username), free(s->pipelining), free(s->pipelining_stage), free(s->lost_stage);
	free(s->lost_reason);
}

TEST(session_close_verdict_same)
{
	uint64_t r = 0x35c105e;
	int bad = 0, refused = 0, spam = 0;
	struct session_stat st[4];
	for (int k = 0; k < 200000 && bad < 5; k++) {
		struct session s;
		bool refusing = k % 3 == 0;
		rnd_session(&s, st, &r, refusing);
		enum verdict v = verdict_session(&s);
		if (v != verdict_session_fails(&s, session_auth_failures(&s)))
			bad++, test_fail(__FILE__, __LINE__, "verdict_session_fails differs, session %d", k);
		if (refusing && s.rejects > s.local_rejects) {
			enum verdict w = ref_refusal(&s);
			refused++;
			spam += w == V_SPAM_REJECTED;
			if (v != w)
				bad++, test_fail(__FILE__, __LINE__, "refusal %d (%s, %s, %s): got %d, want %d", k,
						 s.client_ip, s.service ? s.service : "-", s.last_reject, (int)v, (int)w);
		}
		session_strings_free(&s);
	}
	CHECK_INT(bad, 0);
	CHECK(refused > 30000);
	CHECK(spam > 5000 && spam < refused - 5000); /* both ways, often */
}

TEST(session_close_counts_same)
{
	uint64_t r = 0xc105ed;
	struct session_stat st[4];
	for (int round = 0; round < 3; round++) {
		struct analysis *a = analysis_new();
		uint32_t fails[NCLIENT] = {0}, by_verdict[NCLIENT][V__SESSION_COUNT];
		memset(by_verdict, 0, sizeof by_verdict);
		for (int k = 0; k < 4000; k++) {
			struct session s;
			rnd_session(&s, st, &r, k % 3 == 0);
			s.id = (uint64_t)k + 1;
			s.start.us = s.end.us = 1795347125000000LL + (int64_t)k * 1000000;
			int ci = -1;
			for (int i = 0; s.client_ip && i < NCLIENT; i++)
				if (!strcmp(s.client_ip, ips[i]))
					ci = i;
			if (ci >= 0) {
				uint32_t f = session_auth_failures(&s);
				fails[ci] = fails[ci] + f < fails[ci] ? UINT32_MAX : fails[ci] + f;
				by_verdict[ci][verdict_session(&s)]++;
			}
			analysis_session(a, &s);
			session_strings_free(&s);
		}
		bool same = true;
		for (int i = 0; i < NCLIENT; i++) {
			struct client *c = analysis_client(a, ips[i]);
			if (!c)
				continue;
			same &= c->auth_failures == fails[i];
			same &= !memcmp(c->by_verdict, by_verdict[i], sizeof by_verdict[i]);
		}
		CHECK(same);
		analysis_free(a);
	}
}

TEST(session_close_dnf_sets_same)
{
	uint64_t r = 0xd7f5e75;
	struct session_stat st[4];
	for (int round = 0; round < 3; round++) {
		struct analysis *a = analysis_new();
		bool want[2][NCLIENT];
		memset(want, 0, sizeof want);
		int spam = 0;
		for (int k = 0; k < 3000; k++) {
			struct session s;
			rnd_session(&s, st, &r, k % 2 == 0);
			s.id = (uint64_t)k + 1;
			int ci = -1;
			for (int i = 0; s.client_ip && i < NCLIENT; i++)
				if (!strcmp(s.client_ip, ips[i]))
					ci = i;
			if (ci >= 0 && verdict_session(&s) == V_SPAM_REJECTED) {
				bool dnf = s.domain_rejects && s.rejects - s.local_rejects == s.domain_rejects;
				want[dnf ? 0 : 1][ci] = true;
				spam++;
			}
			analysis_session(a, &s);
			session_strings_free(&s);
		}
		bool same = true;
		size_t n0 = 0, n1 = 0;
		for (int i = 0; i < NCLIENT; i++) {
			struct client *c = analysis_client(a, ips[i]);
			if (!c) {
				same &= !want[0][i] && !want[1][i];
				continue;
			}
			struct client_addr ip = client_addr(c);
			same &= strset_has(&a->dnf_clients, span_of(ip.s)) == want[0][i];
			same &= strset_has(&a->dnf_other, span_of(ip.s)) == want[1][i];
			n0 += want[0][i], n1 += want[1][i];
		}
		CHECK(same);
		CHECK(strset_len(&a->dnf_clients) == n0 && strset_len(&a->dnf_other) == n1);
		CHECK(spam > 300 && n0 > 3 && n1 > 3);
		analysis_free(a);
	}
}
