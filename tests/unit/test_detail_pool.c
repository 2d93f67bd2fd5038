/*
 * test_detail_pool.c - a client's detail keeps its strings in its own
 * pool (analysis.c's detail_set and detail_cap, records.c's
 * cdetail_drop): random sessions of two dozen clients (six of them
 * busy), four details kept so that details are evicted and given to
 * other clients again, every string in a heap buffer of its exact size.  After each session every
 * kept detail's strings are held to a shadow made by the former code
 * (kept here: count_name with a capped heap copy, the tried names, the
 * first name, the last stage, the first TLS error, the evidence's hosts),
 * so that a string cut, kept from before a reuse, or overwritten by a
 * later one is seen.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analyze/analysis.h"
#include "analyze/records.h"
#include "model/session.h"
#include "util/xalloc.h"

#define NCLIENT 24

/* the former code: cap_dup and count_name on heap strings (count_name
 * now compares a long name cut at NAME_CAP, as it is kept: before, a
 * text past NAME_CAP never matched its own kept cut and was added again
 * until the table was full) */
static char *ref_cap_dup(struct span s)
{
	if (s.n > NAME_CAP)
		s.n = NAME_CAP;
	return xspandup(s);
}

static void ref_count_name(struct named_count *t, uint32_t *n, uint32_t max, struct span name)
{
	if (name.n > NAME_CAP)
		name.n = NAME_CAP;
	for (uint32_t i = 0; i < *n; i++)
		if (span_eqs(name, t[i].name)) {
			t[i].count++;
			return;
		}
	if (*n < max)
		t[(*n)++] = (struct named_count){ref_cap_dup(name), 1};
}

struct shadow {
	char *ptr, *lost_stage, *tls_error;
	uint32_t nhelo, nservice, nreject, ntried, nevidence;
	struct named_count helo[CLIENT_MAX_NAMES], service[4], reject[4];
	char *tried[CLIENT_MAX_TRIED];
	char *evidence[CLIENT_MAX_EVIDENCE];
};

static void shadow_reset(struct shadow *w)
{
	free(w->ptr), free(w->lost_stage), free(w->tls_error);
	for (uint32_t i = 0; i < w->nhelo; i++)
		free(w->helo[i].name);
	for (uint32_t i = 0; i < w->nservice; i++)
		free(w->service[i].name);
	for (uint32_t i = 0; i < w->nreject; i++)
		free(w->reject[i].name);
	for (uint32_t i = 0; i < w->ntried; i++)
		free(w->tried[i]);
	for (uint32_t i = 0; i < w->nevidence; i++)
		free(w->evidence[i]);
	memset(w, 0, sizeof *w);
}

/* shadow_apply - what the former session_detail kept of s's strings */
static void shadow_apply(struct shadow *w, const struct session *s)
{
	if (s->client_name && strcmp(s->client_name, "unknown") != 0 && !w->ptr)
		w->ptr = xstrdup(s->client_name);
	if (s->helo)
		ref_count_name(w->helo, &w->nhelo, CLIENT_MAX_NAMES, span_of(s->helo));
	ref_count_name(w->service, &w->nservice, 4, span_of(s->service));
	for (uint32_t i = 0; i < s->ntried; i++) {
		struct span n = span_of(s->tried[i].name);
		bool found = false;
		for (uint32_t j = 0; j < w->ntried && !found; j++)
			found = span_eqs(n, w->tried[j]);
		if (!found && w->ntried < CLIENT_MAX_TRIED)
			w->tried[w->ntried++] = ref_cap_dup(n);
	}
	if (s->last_reject)
		ref_count_name(w->reject, &w->nreject, 4, span_of(s->last_reject));
	if (s->lost_stage) {
		free(w->lost_stage);
		w->lost_stage = xstrdup(s->lost_stage);
	}
	if (s->tls_error && !w->tls_error)
		w->tls_error = xstrdup(s->tls_error);
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool same_names(const struct named_count *a, uint32_t na, const struct named_count *b, uint32_t nb)
{
	if (na != nb)
		return false;
	for (uint32_t i = 0; i < na; i++)
		if (a[i].count != b[i].count || !same_str(a[i].name, b[i].name))
			return false;
	return true;
}

/* shadow_same - d's strings are w's */
static bool shadow_same(const struct client_detail *d, const struct shadow *w)
{
	if (!same_str(d->ptr, w->ptr) || !same_str(d->lost_stage, w->lost_stage) ||
	    !same_str(d->tls_error, w->tls_error) || !same_names(d->helo, d->nhelo, w->helo, w->nhelo) ||
	    !same_names(d->service, d->nservice, w->service, w->nservice) ||
	    !same_names(d->reject_text, d->nreject_text, w->reject, w->nreject) ||
	    d->ntried != w->ntried || d->nevidence != w->nevidence)
		return false;
	for (uint32_t i = 0; i < d->ntried; i++)
		if (!same_str(d->tried[i].name, w->tried[i]))
			return false;
	for (uint32_t i = 0; i < d->nevidence; i++)
		if (!same_str(d->evidence[i].host, w->evidence[i]))
			return false;
	return true;
}

/* heap_str - a random text from texts (NULL among them), in a heap
 * buffer of its exact size; long[] is a text past NAME_CAP and one past
 * the pool's cut */
static char *heap_str(const char *const *texts, size_t n, uint64_t *r)
{
	const char *t = texts[tap_rnd(r) % n];
	if (!t)
		return NULL;
	size_t len = strlen(t);
	char *h = malloc(len + 1);
	memcpy(h, t, len + 1);
	return h;
}

TEST(detail_pool_matches_former_copies)
{
	static char big[700], mid[300];
	memset(big, 'h', sizeof big - 1);
	memset(mid, 'm', sizeof mid - 1);
	mid[20] = '.';
	const char *const names[] = {NULL, "unknown", "mail.example.net", "a", "", mid, big,
				     "\xc3\xa9t\xc3\xa9.example"};
	const char *const helos[] = {NULL, "ylmf-pc", "mail.example.net", "[192.0.2.1]", mid, big, "x"};
	const char *const services[] = {NULL, "smtpd", "submission/smtpd", "postfix-out/smtpd", mid};
	const char *const hosts[] = {NULL, "mx1", "mx2.example.org", big, mid, ""};
	const char *const stages[] = {NULL, "CONNECT", "EHLO", "AUTH", "DATA", "END-OF-MESSAGE", mid, big};
	const char *const errors[] = {NULL, NULL, "SSL_accept error", mid, big};
	const char *const rejects[] = {NULL, "554 5.7.1 <x@y>: Relay access denied", "450 4.7.1 Client host rejected",
				       mid, big, "550 5.1.1 unknown"};
	const char *const users[] = {"admin", "test", "info@example.com", mid, big, "", "user1"};
	uint64_t r = 0x5eed19;
	for (int round = 0; round < 4; round++) {
		struct analysis *a = analysis_new();
		analysis_limits(a, 0, 4, 100);
		struct shadow w[NCLIENT];
		memset(w, 0, sizeof w);
		char ips[NCLIENT][32];
		for (int i = 0; i < NCLIENT; i++)
			snprintf(ips[i], sizeof ips[i], "198.51.100.%d", 10 + i);
		bool all_same = true, kept[NCLIENT] = {false};
		int kept_sessions = 0, evicted = 0;
		for (int k = 0; k < 1200; k++) {
			/* a few busy clients and many seldom ones */
			int ci = (int)(tap_rnd(&r) % 3 ? tap_rnd(&r) % 6 : tap_rnd(&r) % NCLIENT);
			struct session s;
			memset(&s, 0, sizeof s);
			s.id = (uint64_t)k + 1;
			s.pid = 100 + ci;
			s.start.us = s.end.us = 1795347125000000LL + (int64_t)k * 1000000;
			s.saw_connect = true;
			s.end_kind = tap_rnd(&r) % 5 ? END_DISCONNECT : END_OPEN;
			s.first_line = s.last_line = (uint64_t)(tap_rnd(&r) % 4 ? k + 1 : 0);
			s.client_ip = heap_str((const char *const[]){ips[ci]}, 1, &r);
			s.client_name = heap_str(names, sizeof names / sizeof *names, &r);
			s.helo = heap_str(helos, sizeof helos / sizeof *helos, &r);
			s.service = heap_str(services, sizeof services / sizeof *services, &r);
			s.host = heap_str(hosts, sizeof hosts / sizeof *hosts, &r);
			s.lost_stage = heap_str(stages, sizeof stages / sizeof *stages, &r);
			s.tls_error = heap_str(errors, sizeof errors / sizeof *errors, &r);
			s.last_reject = heap_str(rejects, sizeof rejects / sizeof *rejects, &r);
			if (s.last_reject)
				s.rejects = 1;
			struct tried_name tried[3];
			s.ntried = (uint32_t)(tap_rnd(&r) % 4);
			for (uint32_t i = 0; i < s.ntried; i++)
				tried[i] = (struct tried_name){heap_str(users, sizeof users / sizeof *users, &r), 1};
			s.tried = s.ntried ? tried : NULL;
			s.auth_failures = s.ntried;
			/* a client without a detail before this session starts afresh */
			struct client *c = analysis_client(a, ips[ci]);
			if (!c || !client_detail(a, c))
				shadow_reset(&w[ci]);
			analysis_session(a, &s);
			c = analysis_client(a, ips[ci]);
			const struct client_detail *d = c ? client_detail(a, c) : NULL;
			if (d) {
				kept_sessions++;
				uint32_t had = w[ci].nevidence;
				shadow_apply(&w[ci], &s);
				if (d->nevidence == had + 1 && had < CLIENT_MAX_EVIDENCE)
					w[ci].evidence[w[ci].nevidence++] = xstrdup(s.host ? s.host : "");
			}
			/* every kept detail, not only this session's client */
			for (int i = 0; i < NCLIENT; i++) {
				struct client *o = analysis_client(a, ips[i]);
				const struct client_detail *od = o ? client_detail(a, o) : NULL;
				evicted += kept[i] && !od;
				kept[i] = od != NULL;
				if (!od)
					shadow_reset(&w[i]);
				else if (!shadow_same(od, &w[i]))
					all_same = false;
			}
			free(s.client_ip), free(s.client_name), free(s.helo), free(s.service), free(s.host);
			free(s.lost_stage), free(s.tls_error), free(s.last_reject);
			for (uint32_t i = 0; i < s.ntried; i++)
				free(tried[i].name);
		}
		CHECK(all_same);
		CHECK(kept_sessions > 500); /* the details were kept, and reused */
		CHECK(evicted > 10);
		for (int i = 0; i < NCLIENT; i++)
			shadow_reset(&w[i]);
		analysis_free(a);
	}
}
