/*
 * ban_rules.c - which client addresses "postsleuth ban" lists: the
 * chosen verdicts (by default the bannable ones of the VERDICTS table),
 * never loopback or special addresses, the site's own networks (--allow
 * and mynetworks as postconf reports it), the "(address not logged)"
 * placeholder, nor an address that logged in (unless every account it
 * used is compromised-suspect and --include-authenticated is given).
 * Prefixes (--aggregate) are only formed where they hold no address
 * that is not being banned.
 *
 * Every address comes from the log and is untrusted: it must pass
 * inet_pton (util/cidr.c) and is written back by inet_ntop.
 */
#include "ban_rules.h"
#include "../util/i18n.h"
#include "../util/run.h"
#include "../util/xalloc.h"

#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ban_nets_add - one network with its origin */
void ban_nets_add(struct ban_nets *s, const struct cidr *c, const char *why)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->why = xrealloc(s->why, (s->n + 1) * sizeof *s->why);
	s->v[s->n] = *c;
	s->why[s->n] = xstrdup(why);
	s->n++;
}

/* ban_nets_hit - the first network containing or overlapping c, or -1 */
ptrdiff_t ban_nets_hit(const struct ban_nets *s, const struct cidr *c)
{
	for (size_t i = 0; i < s->n; i++)
		if (cidr_overlaps(&s->v[i], c))
			return (ptrdiff_t)i;
	return -1;
}

/* ban_nets_free - the list */
void ban_nets_free(struct ban_nets *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->why[i]);
	free(s->v);
	free(s->why);
}

/* ban_mynetworks - the networks "postconf -xh mynetworks" reports, when
 * postconf is installed; tables and names cannot be read and are said so */
void ban_mynetworks(struct ban_nets *allow, const char *cmd)
{
	if (!run_find("postconf")) {
		fprintf(stderr, _("postsleuth: %s: postconf not found: mynetworks not read (use --allow "
				  "for your own networks)\n"), cmd);
		return;
	}
	const char *argv[] = {"postconf", "-xh", "mynetworks", NULL};
	struct run_result rr;
	run_prog(argv, &rr);
	if (rr.status != 0) {
		fprintf(stderr, _("postsleuth: %s: postconf -xh mynetworks failed: mynetworks not read "
				  "(use --allow for your own networks)\n"), cmd);
		run_result_free(&rr);
		return;
	}
	buf_putc(&rr.out, 0);
	char *p = rr.out.p;
	while (*p) {
		size_t k = strcspn(p, ", \t\r\n");
		if (k) {
			char tok[128];
			struct cidr c;
			bool host;
			snprintf(tok, sizeof tok, "%.*s", (int)(k < 127 ? k : 127), p);
			if (k < sizeof tok && cidr_parse(tok, &c, &host)) {
				ban_nets_add(allow, &c, "mynetworks");
			} else {
				struct buf b = {0};
				buf_term(&b, span_cut(span_make(p, k), 80));
				/* TRANSLATORS: the command, then the mynetworks entry */
				fprintf(stderr, _("postsleuth: %s: mynetworks entry \"%.*s\" is not an address "
						  "or network (a table?): not read; pass those networks with "
						  "--allow\n"),
					cmd, (int)b.n, b.p);
				buf_free(&b);
			}
		}
		p += k;
		while (*p == ',' || *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
	}
	run_result_free(&rr);
}

/* ban_default_verdict - listed when no --verdict is given: the row's
 * "ban" column (VERDICTS, analyze/verdicts.h) */
bool ban_default_verdict(enum verdict v)
{
	return verdict_row(v)->ban;
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
	struct buf names = {0};
	for (uint32_t i = 0; i < c->nlogin && i < 3; i++) {
		if (i)
			buf_puts(&names, ", ");
		buf_term(&names, span_of(login_account(a, client_login(a, c, i))->name));
	}
	buf_putc(&names, 0);
	/* TRANSLATORS: address, verdict id; then the accounts it logged in as */
	if (c->nlogin)
		buf_printf(&b, _("postsleuth: ban: not listed: %s (%s) logged in as %s"), ip,
			   verdict_id(c->verdict), names.p);
	else
		buf_printf(&b, _("postsleuth: ban: not listed: %s (%s) logged in"), ip,
			   verdict_id(c->verdict));
	buf_free(&names);
	if (include_auth)
		buf_puts(&b, _(", and not only as compromised-suspect accounts"));
	else
		buf_puts(&b, _(": a stolen password works from any address, change it; "
			       "--include-authenticated lists it too"));
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
			const struct ban_nets *allow, const struct ban_nets *special)
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
			a = ban_nets_hit(allow, &p);
			sp = ban_nets_hit(special, &p);
		}
		if (j - i < 2 || k || a >= 0 || sp >= 0) {
			if (j - i >= 2) {
				char t[CIDR_STRLEN], u[CIDR_STRLEN];
				cidr_format(&p, t, sizeof t, true);
				if (k)
					cidr_format(k, u, sizeof u, false);
				/* TRANSLATORS: a prefix, then the address, the origin of the allowed
				 * network (--allow or mynetworks) or the special range in it */
				fprintf(stderr, k ? _("postsleuth: ban: %s not aggregated: it holds the address %s\n")
						  : a >= 0 ? _("postsleuth: ban: %s not aggregated: it holds allowed "
							       "network from %s\n")
							   : _("postsleuth: ban: %s not aggregated: it holds special "
							       "range %s\n"),
					t, k ? u : a >= 0 ? allow->why[a] : special->why[sp]);
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

/* ban_special_nets - the ranges cidr_special() knows, for overlap tests */
void ban_special_nets(struct ban_nets *s)
{
	static const char *const nets[] = {"127.0.0.0/8", "::1/128", "0.0.0.0/8", "::/128",
					   "169.254.0.0/16", "fe80::/10", "224.0.0.0/4", "ff00::/8",
					   "255.255.255.255/32", NULL};
	for (int i = 0; nets[i]; i++) {
		struct cidr c;
		if (cidr_parse(nets[i], &c, NULL))
			ban_nets_add(s, &c, nets[i]);
	}
}

/* ban_select - the addresses to list, by the rules: sorted, aggregated
 * when asked; those left out counted by reason (out->skipped) and, when
 * they logged in, said on stderr */
void ban_select(struct ban_list *out, struct act_run *r, const struct ban_rules *rules)
{
	const struct analysis *a = r->a;
	struct ban_item *items = xcalloc(a->nclist + 1, sizeof *items);
	struct cidr *keep = xcalloc(a->nclist + 1, sizeof *keep);
	size_t n = 0, nkeep = 0;
	struct ban_skipped sk = {0};
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		struct cidr addr;
		bool valid = cidr_addr(client_addr(c).s, &addr);
		uint64_t sessions = client_visits(c);
		bool listed = false;
		if (!rules->sel[c->verdict]) {
			/* not wanted: only protects its prefix */
		} else if (sessions < (uint64_t)rules->min_sessions) {
			sk.few_sessions++;
		} else if (client_is_placeholder(c)) {
			sk.placeholder++;
		} else if (!valid) {
			sk.invalid++;
		} else if (cidr_special(&addr)) {
			sk.special++;
		} else if (ban_nets_hit(&rules->allow, &addr) >= 0) {
			sk.allowed++;
		} else if ((c->auth_successes || c->nlogin || c->auth_ok_sessions) &&
			   !(rules->include_auth && only_compromised(r, c))) {
			char t[CIDR_STRLEN];
			cidr_format(&addr, t, sizeof t, false);
			say_authenticated(a, c, t, rules->include_auth);
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
	out->naddrs = n;
	if (rules->aggregate)
		n = aggregate(items, n, keep, nkeep, &rules->allow, &rules->special);

	free(keep);
	out->v = items;
	out->n = n;
	out->skipped = sk;
}
