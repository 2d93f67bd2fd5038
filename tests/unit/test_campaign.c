/*
 * test_campaign.c - campaigns_find on client records whose verdicts and
 * counters are set by hand: the distributed password guessing, the
 * networks, the threshold, and the members listed per campaign.
 */
#include "tap.h"
#include "analyze/analysis.h"
#include "analyze/campaign.h"

#include <stdio.h>
#include <string.h>

/* client - a client record with a verdict, failures and a time */
static struct client *client(struct analysis *a, const char *ip)
{
	return spillvec_at(&a->clients, analysis_client_get(a, span_of(ip)));
}

/* set - after analysis_finish, the record as the verdicts would leave it */
static void set(struct analysis *a, const char *ip, enum verdict v, uint32_t fails, int64_t t)
{
	struct client *c = analysis_client(a, ip);
	c->verdict = (uint8_t)v;
	c->auth_failures = fails;
	c->auth_fail_smtp = fails ? 1 : 0;
	c->sessions = 1;
	c->first_us = c->last_us = t;
}

/* members_agree - campaign_members and campaign_of tell the same groups */
static bool members_agree(const struct campaigns *cs, const struct analysis *a)
{
	size_t total = 0;
	for (size_t k = 0; k < cs->n; k++) {
		size_t n;
		const uint32_t *m = campaign_members(cs, k, &n);
		if (n != cs->list[k].addresses)
			return false;
		for (size_t j = 0; j < n; j++)
			if (campaign_of(cs, m[j]) != &cs->list[k])
				return false;
		total += n;
	}
	size_t marked = 0;
	for (size_t i = 0; i < a->nclist; i++)
		marked += campaign_of(cs, i) != NULL;
	return total == marked && total == cs->members;
}

TEST(campaign_distributed_auth)
{
	struct analysis *a = analysis_new();
	char ip[32];
	for (int i = 0; i < 7; i++) {
		snprintf(ip, sizeof ip, "%d.%d.1.%d", 20 + i * 9, i * 31, i + 1);
		client(a, ip);
	}
	client(a, "203.0.113.5");
	client(a, "203.0.113.6");
	analysis_finish(a);
	for (int i = 0; i < 7; i++) {
		snprintf(ip, sizeof ip, "%d.%d.1.%d", 20 + i * 9, i * 31, i + 1);
		set(a, ip, V_AUTH_BRUTEFORCE, 1 + i % 2, INT64_C(1700000000000000) + i * INT64_C(600000000));
	}
	/* two that tried often enough to be banned: not part of it */
	set(a, "203.0.113.5", V_AUTH_BRUTEFORCE, 30, INT64_C(1700000000000000));
	set(a, "203.0.113.6", V_AUTH_BRUTEFORCE, 12, INT64_C(1700000000000000));
	struct campaigns cs;
	campaigns_find(&cs, a);
	CHECK_INT(cs.n, 1);
	if (cs.n == 1) {
		const struct campaign *c = &cs.list[0];
		CHECK_INT(c->kind, CK_SLOW_AUTH);
		CHECK_INT(c->addresses, 7);
		CHECK_INT(c->attempts, 1 + 2 + 1 + 2 + 1 + 2 + 1);
		CHECK_INT(c->max_per_address, 2);
		CHECK_INT(c->networks, 7);
		CHECK(!campaign_few_networks(c)); /* seven networks: banning them is banning addresses */
		CHECK_INT(c->auth_fail_port25, 7);
		CHECK_INT((c->last.us - c->first.us) / 1000000, 3600);
		CHECK_INT((int64_t)campaign_rate_per_hour(c), 10);
		CHECK_INT(campaign_severity(c), 3);
		CHECK(campaign_of(&cs, 0) == NULL || a->clist[0]->auth_failures <= CAMPAIGN_SLOW_MAX);
	}
	for (size_t i = 0; i < a->nclist; i++)
		if (a->clist[i]->auth_failures > CAMPAIGN_SLOW_MAX)
			CHECK(campaign_of(&cs, i) == NULL);
	CHECK(members_agree(&cs, a));
	campaigns_free(&cs);
	analysis_free(a);
}

/* guessing from many addresses of one IPv6 /64: a few networks, which
 * banning stops (ban --aggregate) */
TEST(campaign_distributed_auth_one_network)
{
	struct analysis *a = analysis_new();
	char ip[64];
	for (int i = 0; i < 8; i++) {
		snprintf(ip, sizeof ip, "2001:db8:1234:5678::%x", i + 1);
		client(a, ip);
	}
	analysis_finish(a);
	for (int i = 0; i < 8; i++) {
		snprintf(ip, sizeof ip, "2001:db8:1234:5678::%x", i + 1);
		set(a, ip, V_AUTH_BRUTEFORCE, 2, INT64_C(1700000000000000) + i * INT64_C(60000000));
	}
	struct campaigns cs;
	campaigns_find(&cs, a);
	CHECK_INT(cs.n, 1);
	if (cs.n == 1) {
		CHECK_INT(cs.list[0].kind, CK_SLOW_AUTH);
		CHECK_INT(cs.list[0].networks, 1);
		CHECK_INT(cs.list[0].networks_shared, 0);
		CHECK(campaign_few_networks(&cs.list[0]));
	}
	campaigns_free(&cs);
	analysis_free(a);
	/* the same, with a user's laptop in that /64: no network to ban */
	a = analysis_new();
	for (int i = 0; i < 8; i++) {
		snprintf(ip, sizeof ip, "2001:db8:1234:5678::%x", i + 1);
		client(a, ip);
	}
	client(a, "2001:db8:1234:5678::1:1");
	analysis_finish(a);
	for (int i = 0; i < 8; i++) {
		snprintf(ip, sizeof ip, "2001:db8:1234:5678::%x", i + 1);
		set(a, ip, V_AUTH_BRUTEFORCE, 2, INT64_C(1700000000000000) + i * INT64_C(60000000));
	}
	set(a, "2001:db8:1234:5678::1:1", V_LEGITIMATE, 0, INT64_C(1700000000000000));
	campaigns_find(&cs, a);
	CHECK_INT(cs.n, 1);
	if (cs.n == 1) {
		CHECK_INT(cs.list[0].networks_shared, 1);
		CHECK(!campaign_few_networks(&cs.list[0]));
	}
	campaigns_free(&cs);
	analysis_free(a);
}

TEST(campaign_needs_five)
{
	struct analysis *a = analysis_new();
	const char *ips[] = {"198.51.100.1", "203.0.113.2", "192.0.2.3", "100.64.0.4"};
	for (size_t i = 0; i < 4; i++)
		client(a, ips[i]);
	analysis_finish(a);
	for (size_t i = 0; i < 4; i++)
		set(a, ips[i], V_AUTH_BRUTEFORCE, 1, INT64_C(1700000000000000));
	struct campaigns cs;
	campaigns_find(&cs, a);
	CHECK_INT(cs.n, 0);
	CHECK_INT(cs.members, 0);
	campaigns_free(&cs);
	analysis_free(a);
}

TEST(campaign_networks)
{
	struct analysis *a = analysis_new();
	char ip[64];
	for (int i = 0; i < 6; i++) {
		snprintf(ip, sizeof ip, "192.0.2.%d", 10 + i);
		client(a, ip);
		snprintf(ip, sizeof ip, "2001:db8:0:1::%x", 0x10 + i);
		client(a, ip);
	}
	for (int i = 0; i < 3; i++) {
		snprintf(ip, sizeof ip, "198.51.100.%d", 10 + i);
		client(a, ip);
	}
	client(a, "192.0.2.99");       /* same network, legitimate: not a member */
	analysis_finish(a);
	for (int i = 0; i < 6; i++) {
		snprintf(ip, sizeof ip, "192.0.2.%d", 10 + i);
		set(a, ip, V_CAPABILITY_PROBE, 0, INT64_C(1700000000000000) + i);
		snprintf(ip, sizeof ip, "2001:db8:0:1::%x", 0x10 + i);
		set(a, ip, V_NON_SMTP_PROBE, 0, INT64_C(1700000000000000) + i);
	}
	for (int i = 0; i < 3; i++) {
		snprintf(ip, sizeof ip, "198.51.100.%d", 10 + i);
		set(a, ip, V_CAPABILITY_PROBE, 0, INT64_C(1700000000000000));
	}
	set(a, "192.0.2.99", V_LEGITIMATE, 0, INT64_C(1700000000000000));
	struct campaigns cs;
	campaigns_find(&cs, a);
	CHECK_INT(cs.n, 2);
	bool v4 = false, v6 = false;
	for (size_t k = 0; k < cs.n; k++) {
		const struct campaign *c = &cs.list[k];
		CHECK_INT(c->kind, CK_NETWORK);
		CHECK_INT(c->addresses, 6);
		CHECK_INT(c->networks, 1);
		CHECK_INT(campaign_severity(c), 2);
		if (!strcmp(c->key, "192.0.2.0/24"))
			v4 = c->verdict == V_CAPABILITY_PROBE;
		if (!strcmp(c->key, "2001:db8:0:1::/64"))
			v6 = c->verdict == V_NON_SMTP_PROBE;
	}
	CHECK(v4);
	CHECK(v6);
	for (size_t i = 0; i < a->nclist; i++) {
		const char *t = client_addr(a->clist[i]).s;
		if (!strncmp(t, "198.51.100.", 11) || !strcmp(t, "192.0.2.99"))
			CHECK(campaign_of(&cs, i) == NULL);
	}
	CHECK(members_agree(&cs, a));
	campaigns_free(&cs);
	analysis_free(a);
}
