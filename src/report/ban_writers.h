/*
 * ban_writers.h - the ban list writers of "postsleuth ban": one backend per
 * consumer (nftables, ipset, Postfix check_client_access, postscreen
 * access list, plain text, JSON), chosen from a table by name.
 *
 * A ban_set holds only addresses in binary form (struct cidr, parsed
 * with inet_pton) and verdicts; the writers print them with inet_ntop
 * and fixed text, so nothing from the log reaches the output verbatim.
 */
#ifndef POSTSLEUTH_BAN_WRITERS_H
#define POSTSLEUTH_BAN_WRITERS_H

#include "../act/ban_rules.h"
#include "../analyze/analysis.h"
#include "../util/buf.h"
#include "../util/cidr.h"
#include "../util/timefmt.h"

struct ban_set {
	struct ban_item *v;     /* sorted: IPv4 first, then by address */
	size_t n;
	uint64_t naddrs;        /* addresses in all items */
	const char *verdicts;   /* "auth-bruteforce, relay-attempt" (our own words) */
	const char *period;     /* "2026-11-22 11:32:03 to 2026-11-22 11:43:57" or "" */
	const char *version;
	bool have_time;         /* the log's period, for JSON */
	struct stamp first, last;
	const struct ban_skipped *skipped;      /* NULL: not told */
};

struct ban_backend {
	const char *name;
	const char *what;       /* one line for --help and errors */
	void (*write)(struct buf *b, const struct ban_set *s);
};

const struct ban_backend *ban_backends(size_t *n);
const struct ban_backend *ban_backend_find(const char *name);

#endif
