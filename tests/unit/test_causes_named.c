/*
 * test_causes_named.c - diag_cause_hit passes by the hits of findings its
 * rules do not name (speed23: before the host's hash and the rows'
 * scans): every effect and cause of diag_effects and the renames' are
 * named, and a hit of any other finding, keyed or not, leaves the hit
 * and the tracker as they were, as the rows' scans did.
 */
#include "tap.h"
#include "diagnose/causes.h"
#include "parse/event.h"
#include "syslog/prefix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TEST(causes_named_table)
{
	for (size_t e = 0; e < diag_neffects; e++) {
		CHECK(diag_cause_named(diag_effects[e].effect));
		for (size_t j = 0; j < 8 && diag_effects[e].causes[j]; j++)
			CHECK(diag_cause_named(diag_effects[e].causes[j]));
	}
	CHECK(diag_cause_named(F_OUT_TLS_FAIL) && diag_cause_named(F_OUT_TLS_WRAPPER));
	CHECK(diag_cause_named(F_OUT_TLS_UNVERIFIED) && diag_cause_named(F_OUT_TLS_NAME));
	size_t named = 0;
	for (int id = 0; id < F__COUNT; id++)
		named += diag_cause_named((enum finding_id)id);
	CHECK(named < 30); /* the few the rules name, not all */
}

TEST(causes_unnamed_untouched)
{
	struct diag_causes *c = calloc(1, sizeof *c), *before = malloc(sizeof *c);
	struct logline l = {.pid = 10, .host = span_of("a")};
	struct event ev = {.line = &l};
	/* a tracker with causes remembered, of this process and others */
	struct diag_hit h = {.id = F_MAP_MISSING};
	snprintf(h.key, sizeof h.key, "/etc/postfix/x");
	diag_cause_hit(c, &ev, &h);
	struct diag_hit w = {.id = F_OUT_TLS_WRAPPER};
	struct logline l2 = {.pid = 11, .host = span_of("a")};
	struct event ev2 = {.line = &l2};
	diag_cause_hit(c, &ev2, &w);
	size_t passed = 0;
	for (int id = 0; id < F__COUNT; id++) {
		if (diag_cause_named((enum finding_id)id))
			continue;
		for (int keyed = 0; keyed < 2; keyed++) {
			struct diag_hit x = {.id = (enum finding_id)id};
			if (keyed)
				snprintf(x.key, sizeof x.key, "/etc/postfix/x");
			struct diag_hit x0 = x;
			memcpy(before, c, sizeof *c);
			CHECK(!diag_cause_hit(c, &ev, &x));
			CHECK(!diag_cause_hit(c, &ev2, &x));
			CHECK(!memcmp(&x, &x0, sizeof x));
			CHECK(!memcmp(before, c, sizeof *c));
			passed++;
		}
	}
	CHECK(passed > 100);
	/* and the named ones still work after them */
	struct diag_hit e = {.id = F_IN_CONFIG_PROBLEM};
	CHECK(diag_cause_hit(c, &ev, &e) && e.id == F_MAP_MISSING);
	free(c);
	free(before);
}
