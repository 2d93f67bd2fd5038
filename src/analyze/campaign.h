/*
 * campaign.h - clients that act alike, told as one finding.
 *
 * After analysis_finish, campaigns_find groups the clients whose
 * verdicts are hostile or nuisance by what they share: the same verdict
 * and the same usernames tried, the same HELO name, or one network (/24
 * for IPv4, /64 for IPv6).  Apart from those, many addresses that each
 * failed SASL authentication only a few times (under any per-address
 * limit such as fail2ban's maxretry) are one distributed password-
 * guessing campaign whatever else they share: that is how a botnet
 * guesses passwords, and it is the one case where banning addresses
 * cannot help.
 *
 * Built from the compact client records and the detail kept for them;
 * the memory is a few words per client for the grouping (freed before
 * campaigns_find returns), two words per client for the membership, and
 * per campaign its CAMPAIGN_USERS most tried usernames (counted from the
 * usernames kept in the detail cache, itself bounded).  The per-client verdicts
 * are not touched: campaigns are told on top of them.
 */
#ifndef POSTSLEUTH_CAMPAIGN_H
#define POSTSLEUTH_CAMPAIGN_H

#include "analysis.h"
#include "../util/timefmt.h"

#define CAMPAIGN_MIN 5          /* addresses that make a campaign */
#define CAMPAIGN_SLOW_MAX 4     /* SASL failures per address that stay under fail2ban's maxretry (5) */
#define CAMPAIGN_USERS 6        /* the most tried usernames kept per campaign */
#define CAMPAIGN_SAMPLES 2      /* members whose evidence lines are shown */

#define CAMPAIGN_KINDS(X)                                                       \
	X(CK_SLOW_AUTH, "distributed-auth", "many addresses, few SASL failures each") \
	X(CK_USERNAMES, "same-usernames", "the same usernames tried")           \
	X(CK_HELO, "same-helo", "the same HELO name")                           \
	X(CK_NETWORK, "same-network", "one network")

enum campaign_kind {
#define X(e, s, w) e,
	CAMPAIGN_KINDS(X)
#undef X
	CK__COUNT
};

struct campaign_user {
	char *name;             /* the member's detail's string (valid as long as the analysis) */
	uint32_t count;
};

struct campaign {
	enum campaign_kind kind;
	enum verdict verdict;
	uint32_t addresses;     /* members */
	uint32_t networks;      /* distinct /24 (IPv4) and /64 (IPv6) among them */
	uint32_t networks_shared; /* of those, holding a client outside it that ban would not list
				   * (counted for a crowded campaign only) */
	uint64_t sessions;
	uint64_t attempts;      /* SASL failures (password guessing), sessions otherwise */
	uint32_t max_per_address;
	uint64_t auth_fail_port25, auth_fail_other;   /* sessions with failed AUTH, by service */
	struct stamp first, last;
	char key[CLIENT_ADDR_MAX];   /* the HELO name or the network, as text */
	uint32_t nusers;        /* distinct usernames tried (at least, when users_partial) */
	bool users_partial;     /* some members' usernames were not kept */
	uint32_t ntop;
	struct campaign_user top[CAMPAIGN_USERS];   /* the most tried, most first */
	uint32_t nsample;
	uint32_t sample[CAMPAIGN_SAMPLES];          /* indexes into a->clist */
	uint32_t found;         /* the order it was found in (ties in the sort) */
};

struct campaigns {
	struct campaign *list;  /* most serious first, then the largest */
	size_t n;
	uint32_t *member;       /* per a->clist index: 1 + its campaign, or 0 */
	size_t nmember;
	uint64_t members;       /* clients in a campaign */
	uint32_t *by;           /* the members' clist indexes, campaign after campaign */
	size_t *start;          /* campaign k's are by[start[k] .. start[k + 1]) */
};

/* campaign_crowded - its addresses crowd into a few networks (/24,
 * /64): four or more to a network, four networks at most;
 * campaign_few_networks - crowded, and none of them
 * holding a client of the log that ban would not list (a user's laptop
 * in the same /24).  An IPv6 host takes a new address of its /64 at
 * will: banning the network stops what banning the addresses cannot
 * (ban --aggregate) */
static inline bool campaign_crowded(const struct campaign *c)
{
	return c->networks && c->networks <= 4 && c->addresses >= 4 * c->networks;
}
static inline bool campaign_few_networks(const struct campaign *c)
{
	return campaign_crowded(c) && !c->networks_shared;
}

void campaigns_find(struct campaigns *cs, const struct analysis *a);
void campaigns_free(struct campaigns *cs);
const char *campaign_kind_id(enum campaign_kind k);
int campaign_severity(const struct campaign *c);
double campaign_rate_per_hour(const struct campaign *c);

/* campaign_members - the clist indexes of campaign k's members, in clist order */
static inline const uint32_t *campaign_members(const struct campaigns *cs, size_t k, size_t *n)
{
	*n = cs->start[k + 1] - cs->start[k];
	return cs->by + cs->start[k];
}

/* campaign_of - the campaign client clist[i] belongs to, or NULL */
static inline const struct campaign *campaign_of(const struct campaigns *cs, size_t i)
{
	return cs && cs->member && i < cs->nmember && cs->member[i] ? &cs->list[cs->member[i] - 1] : NULL;
}

#endif
