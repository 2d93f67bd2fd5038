/*
 * test_relayed_local.c - diag_relayed_local (relayed.c) passes by a
 * recipient whose domain has the same bytes as the last one found a
 * member of the domains this host delivers itself (speed20): held to the
 * plain gathering (each domain lowered and added, as before) on 30 000
 * messages of one to four recipients, each address in a heap buffer of
 * its own size: domains in runs and at random, in upper and lower case
 * (the same domain in other bytes), more than the set's cap (1 024, so
 * that domains are dropped and asked again), none, an empty one, one
 * too long, recipients of other agents (none, error, qmgr).  After
 * every message the set's members, size and drops are the shadow's.
 */
#include "tap.h"

#include "diagnose/diag_internal.h"
#include "util/strset.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

/* the plain gathering, as relayed.c did it before its memo */
static void shadow_add(struct strset *s, const struct rcpt *r)
{
	if (!r->agent || !strcmp(r->agent, "error") || !strcmp(r->agent, "qmgr"))
		return;
	const char *at = r->to ? strrchr(r->to, '@') : NULL;
	char buf[128];
	if (!at || !at[1] || strlen(at + 1) >= sizeof buf)
		return;
	size_t i = 0;
	for (const char *p = at + 1; *p; p++)
		buf[i++] = (char)tolower((unsigned char)*p);
	buf[i] = 0;
	strset_add(s, span_of(buf));
}

TEST(relayed_local_same_as_plain)
{
	static const char *const agents[] = {"local", "virtual", "lmtp", "pipe", "error", "qmgr", NULL};
	uint64_t seed = 0x13198a2e03707344ULL;
	struct diag *d = diag_new();
	struct strset shadow;
	strset_init(&shadow, 1024);
	char long_dom[200];
	memset(long_dom, 'x', sizeof long_dom - 1);
	long_dom[sizeof long_dom - 1] = 0;
	unsigned differ = 0, last = 0;
	char names[4][300];
	for (int it = 0; it < 30000; it++) {
		struct rcpt rc[4];
		memset(rc, 0, sizeof rc);
		uint32_t n = 1 + (uint32_t)(tap_rnd(&seed) % 4);
		for (uint32_t i = 0; i < n; i++) {
			uint64_t k = tap_rnd(&seed) % 16;
			/* a run of one domain, a few domains at random, or one of 1 500 */
			unsigned dom = k < 6 ? last : k < 10 ? (unsigned)(tap_rnd(&seed) % 8) : (unsigned)(tap_rnd(&seed) % 1500);
			last = dom;
			const char *user = tap_rnd(&seed) % 2 ? "root" : "a@b";
			switch (tap_rnd(&seed) % 24) {
			case 0:
				snprintf(names[i], sizeof names[i], "%s", user); /* no '@' after the last */
				if (!strchr(user, '@'))
					break;
				/* fall through */
			case 1:
				snprintf(names[i], sizeof names[i], "%s@", user);
				break;
			case 2:
				snprintf(names[i], sizeof names[i], "%s@%s", user, long_dom);
				break;
			case 3:
			case 4:
				snprintf(names[i], sizeof names[i], "%s@Dom%u.EXAMPLE", user, dom);
				break;
			default:
				snprintf(names[i], sizeof names[i], "%s@dom%u.example", user, dom);
			}
			size_t len = strlen(names[i]);
			char *to = tap_rnd(&seed) % 32 ? malloc(len + 1) : NULL;
			if (to)
				memcpy(to, names[i], len + 1);
			rc[i].to = to;
			rc[i].agent = tap_rnd(&seed) % 8 ? agents[tap_rnd(&seed) % 4] : agents[4 + tap_rnd(&seed) % 3];
		}
		struct message m = {0};
		m.rcpts = rc;
		m.nrcpts = n;
		diag_relayed_local(d, &m);
		for (uint32_t i = 0; i < n; i++)
			shadow_add(&shadow, &rc[i]);
		const struct strset *got = diag_relayed_local_domains(d);
		size_t glen = got ? strset_len(got) : 0, gdrop = got ? got->dropped : 0;
		bool same = glen == strset_len(&shadow) && gdrop == shadow.dropped;
		for (uint32_t i = 0; same && i < n; i++) {
			const char *at = rc[i].to ? strrchr(rc[i].to, '@') : NULL;
			if (!at)
				continue;
			char low[300];
			size_t j = 0;
			for (const char *p = at + 1; *p; p++)
				low[j++] = (char)tolower((unsigned char)*p);
			low[j] = 0;
			same = (got && strset_has(got, span_of(low))) == strset_has(&shadow, span_of(low));
		}
		if (!same && differ++ < 5)
			test_fail(__FILE__, __LINE__, "message %d: %zu members, %zu dropped; plain %zu, %zu", it, glen,
				  gdrop, strset_len(&shadow), shadow.dropped);
		for (uint32_t i = 0; i < n; i++)
			free(rc[i].to);
	}
	CHECK_INT(differ, 0);
	CHECK(shadow.dropped > 0);
	strset_free(&shadow);
	diag_free(d);
}
