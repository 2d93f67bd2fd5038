/*
 * ban.c - "postsleuth ban": the hostile client addresses of the log as a
 * ban list for nftables, ipset, Postfix or postscreen, or plain text.
 *
 * Every address comes from the log and is untrusted: it must pass
 * inet_pton (util/cidr.c) and is written back by inet_ntop.  Never
 * listed: loopback and other special addresses, the server's own
 * networks (--allow, and mynetworks as postconf reports it), the
 * "(address not logged)" placeholder, and any address that logged in
 * successfully (unless every account it used is compromised-suspect and
 * --include-authenticated is given).  Prefixes (--aggregate) are only
 * formed where they hold no address that is not being banned.  The list
 * is printed: no firewall or Postfix setting is touched.
 */
#include "act.h"
#include "allow.h"
#include "../report/ban.h"
#include "../util/cidr.h"
#include "../util/run.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef POSTSLEUTH_VERSION
#define POSTSLEUTH_VERSION "0.1.0"
#endif

/* default_verdict - hostile: severity 3 and more, and the probes */
static bool default_verdict(enum verdict v)
{
	return verdict_severity(v) >= 3 || v == V_CAPABILITY_PROBE || v == V_NON_SMTP_PROBE ||
	       v == V_PREGREET || v == V_PIPELINING;
}

/* only_compromised - did every login of this address use a
 * compromised-suspect account, and does the log name them all */
static bool only_compromised(struct act_run *r, const struct client *c)
{
	if (!c->nlogin)
		return false;
	if (c->auth_ok_sessions != c->auth_named_sessions)
		return false;           /* a login the log does not name */
	for (uint32_t i = 0; i < c->nlogin; i++)
		if (!login_account(r->a, client_login(r->a, c, i))->compromised)
			return false;
	return true;
}

/* say_authenticated - stderr: why an authenticated address is left out */
static void say_authenticated(const struct analysis *a, const struct client *c, const char *ip,
			      bool include_auth)
{
	struct buf b = {0};
	buf_printf(&b, "postsleuth: ban: not listed: %s (%s) logged in", ip, verdict_id(c->verdict));
	for (uint32_t i = 0; i < c->nlogin && i < 3; i++) {
		buf_puts(&b, i ? ", " : " as ");
		buf_term(&b, span_of(login_account(a, client_login(a, c, i))->name));
	}
	if (include_auth)
		buf_puts(&b, ", and not only as compromised-suspect accounts");
	else
		buf_puts(&b, ": a stolen password works from any address, change it; "
			     "--include-authenticated lists it too");
	buf_putc(&b, '\n');
	fwrite(b.p, 1, b.n, stderr);
	buf_free(&b);
}

/* item_cmp - ban items by address */
static int item_cmp(const void *x, const void *y)
{
	return cidr_cmp(&((const struct ban_item *)x)->net, &((const struct ban_item *)y)->net);
}

/* cidr_cmp_v - qsort adaptor */
static int cidr_cmp_v(const void *x, const void *y)
{
	return cidr_cmp(x, y);
}

/* protected_in - the first address of keep[] inside net, or NULL */
static const struct cidr *protected_in(const struct cidr *keep, size_t nkeep, const struct cidr *net)
{
	for (size_t i = 0; i < nkeep; i++)
		if (cidr_contains(net, &keep[i]))
			return &keep[i];
	return NULL;
}

/* aggregate - merge items sharing a /24 (IPv4) or /64 (IPv6) prefix into
 * that prefix, unless it holds an address we must not ban or overlaps an
 * allowed network; returns the new count */
static size_t aggregate(struct ban_item *v, size_t n, const struct cidr *keep, size_t nkeep,
			const struct nets *allow, const struct nets *special)
{
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		struct cidr p = v[i].net;
		cidr_mask(&p, p.family == AF_INET ? 24 : 64);
		size_t j = i + 1;
		while (j < n && cidr_contains(&p, &v[j].net))
			j++;
		const struct cidr *k = NULL;
		ptrdiff_t a = -1, sp = -1;
		if (j - i >= 2) {
			k = protected_in(keep, nkeep, &p);
			a = nets_hit(allow, &p);
			sp = nets_hit(special, &p);
		}
		if (j - i < 2 || k || a >= 0 || sp >= 0) {
			if (j - i >= 2) {
				char t[CIDR_STRLEN], u[CIDR_STRLEN];
				cidr_format(&p, t, sizeof t, true);
				if (k)
					cidr_format(k, u, sizeof u, false);
				fprintf(stderr, "postsleuth: ban: %s not aggregated: it holds %s%s\n", t,
					k ? "the address " : a >= 0 ? "allowed network from " : "special range ",
					k ? u : a >= 0 ? allow->why[a] : special->why[sp]);
			}
			while (i < j)
				v[w++] = v[i++];
			continue;
		}
		struct ban_item m = {.net = p, .verdict = v[i].verdict};
		for (; i < j; i++) {
			m.naddrs += v[i].naddrs;
			m.sessions += v[i].sessions;
			m.vmask |= v[i].vmask;
			if (verdict_severity(v[i].verdict) > verdict_severity(m.verdict))
				m.verdict = v[i].verdict;
		}
		v[w++] = m;
	}
	return w;
}

/* cmd_ban - the ban list */
int cmd_ban(struct opts *o)
{
	const char *fmt = o->format ? o->format : o->json ? "json" : "plain";
	if (o->json && strcmp(fmt, "json") != 0)
		fatal(EXIT_USAGE, "ban: --json and --format %s: choose one", fmt);
	const struct ban_backend *be = ban_backend_find(fmt);
	if (!be)
		fatal(EXIT_USAGE, "ban: --format: want nft, ipset, postfix-cidr, postscreen, json or plain");
	bool sel[V__COUNT] = {0};
	bool any_sel = false;
	for (int i = 0; i < o->nverdicts; i++) {
		char **words = NULL;
		int nw = 0;
		act_list_add(&words, &nw, o->verdicts[i]);
		for (int k = 0; k < nw; k++) {
			enum verdict v;
			if (!verdict_from_id(words[k], &v))
				fatal(EXIT_USAGE, "ban: --verdict: no verdict '%s' (see postsleuth(1))",
				      words[k]);
			sel[v] = any_sel = true;
			free(words[k]);
		}
		free(words);
	}
	for (int v = 0; !any_sel && v < V__COUNT; v++)
		sel[v] = default_verdict((enum verdict)v);
	struct nets allow = {0}, special = {0};
	special_nets(&special);
	for (int i = 0; i < o->nallow; i++) {
		char **words = NULL;
		int nw = 0;
		act_list_add(&words, &nw, o->allow[i]);
		for (int k = 0; k < nw; k++) {
			struct cidr c;
			bool host;
			if (!cidr_parse(words[k], &c, &host))
				fatal(EXIT_USAGE, "ban: --allow: '%s' is not an address or CIDR network",
				      words[k]);
			nets_add(&allow, &c, "--allow");
			free(words[k]);
		}
		free(words);
	}
	mynetworks(&allow, "ban");

	struct act_run r = {0};
	int rc = act_run(&r, o);
	struct analysis *a = r.a;
	struct ban_item *items = xcalloc(a->nclist + 1, sizeof *items);
	struct cidr *keep = xcalloc(a->nclist + 1, sizeof *keep);
	size_t n = 0, nkeep = 0;
	struct ban_skipped sk = {0};
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		struct cidr addr;
		bool valid = cidr_addr(client_addr(c).s, &addr);
		uint64_t sessions = c->sessions ? c->sessions : c->ps_connects;
		bool listed = false;
		if (!sel[c->verdict]) {
			/* not wanted: only protects its prefix */
		} else if (sessions < (uint64_t)o->min_sessions) {
			sk.few_sessions++;
		} else if (client_is_placeholder(c)) {
			sk.placeholder++;
		} else if (!valid) {
			sk.invalid++;
		} else if (cidr_special(&addr)) {
			sk.special++;
		} else if (nets_hit(&allow, &addr) >= 0) {
			sk.allowed++;
		} else if ((c->auth_successes || c->nlogin || c->auth_ok_sessions) &&
			   !(o->include_auth && only_compromised(&r, c))) {
			char t[CIDR_STRLEN];
			cidr_format(&addr, t, sizeof t, false);
			say_authenticated(a, c, t, o->include_auth);
			sk.authenticated++;
		} else {
			items[n++] = (struct ban_item){addr, c->verdict, 1, sessions, 1u << c->verdict};
			listed = true;
		}
		if (valid && !listed)
			keep[nkeep++] = addr;
	}
	qsort(items, n, sizeof *items, item_cmp);
	qsort(keep, nkeep, sizeof *keep, cidr_cmp_v);
	uint64_t naddrs = n;
	if (o->aggregate)
		n = aggregate(items, n, keep, nkeep, &allow, &special);

	struct buf words = {0};
	for (int v = 0; v < V__COUNT; v++)
		if (sel[v])
			buf_printf(&words, "%s%s", words.n ? ", " : "", verdict_id((enum verdict)v));
	buf_putc(&words, 0);
	struct buf period = {0};
	if (a->have_time) {
		buf_stamp_short(&period, a->first);
		buf_puts(&period, " to ");
		buf_stamp_short(&period, a->last);
	}
	buf_putc(&period, 0);
	struct ban_set set = {.v = items, .n = n, .naddrs = naddrs, .verdicts = words.p,
			      .period = period.p, .version = POSTSLEUTH_VERSION,
			      .have_time = a->have_time, .first = a->first, .last = a->last, .skipped = &sk};
	struct buf out = {0};
	be->write(&out, &set);
	buf_flush(&out, stdout);
	buf_free(&out);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
	fprintf(stderr, "postsleuth: ban: %llu address%s in %zu entr%s (%s)",
		(unsigned long long)naddrs, naddrs == 1 ? "" : "es", n, n == 1 ? "y" : "ies", be->name);
	uint64_t left = sk.placeholder + sk.invalid + sk.special + sk.allowed + sk.authenticated +
			sk.few_sessions;
	if (left) {
		fprintf(stderr, "; not listed:");
		const char *sep = " ";
		const struct {
			uint64_t n;
			const char *what;
		} why[] = {
		    {sk.authenticated, "logged in successfully"},
		    {sk.allowed, "in --allow or mynetworks"},
		    {sk.special, "loopback or special"},
		    {sk.placeholder, "address not logged"},
		    {sk.invalid, "not an IP address"},
		    {sk.few_sessions, "fewer sessions than --min-sessions"},
		};
		for (size_t i = 0; i < sizeof why / sizeof why[0]; i++)
			if (why[i].n) {
				fprintf(stderr, "%s%llu %s", sep, (unsigned long long)why[i].n, why[i].what);
				sep = ", ";
			}
	}
	fputc('\n', stderr);
	cmd_analysis_note(a);
	buf_free(&words);
	buf_free(&period);
	free(items);
	free(keep);
	nets_free(&allow);
	nets_free(&special);
	act_free(&r);
	return rc;
}
