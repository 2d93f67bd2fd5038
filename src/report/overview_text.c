/*
 * overview_text.c - "At a glance": the report's first screen.  One item
 * per thing that matters (a compromised account, a campaign, a kind of
 * server problem, a kind of client), each a count, words and the one
 * next step, most serious first, cut to fit REPORT_SCREEN lines with
 * what came before it; the sections below tell each in full.
 *
 * Everything from the log goes through buf_term.
 */
#include "report.h"
#include "findings.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define GLANCE_CAMPAIGNS 3      /* campaigns told one by one here; the rest in one item */
#define GLANCE_ADDRS 3          /* addresses named in an item */

struct glance {
	int sev;
	size_t order;
	struct buf t;
};

struct glances {
	struct glance *v;
	size_t n, cap;
};

/* item - a new item of severity sev, its text to fill */
static struct buf *item(struct glances *g, int sev)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		g->v = xrealloc(g->v, g->cap * sizeof *g->v);
	}
	struct glance *x = &g->v[g->n];
	memset(x, 0, sizeof *x);
	x->sev = sev;
	x->order = g->n++;
	return &x->t;
}

static int cmp_glance(const void *p, const void *q)
{
	const struct glance *x = p, *y = q;
	if (x->sev != y->sev)
		return x->sev > y->sev ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* duration_text - seconds in the unit a person reads at once */
static void duration_text(struct buf *b, int64_t s)
{
	if (s < 120)
		buf_printf(b, "%lld s", (long long)s);
	else if (s < 2 * 3600)
		buf_printf(b, "%lld min", (long long)(s / 60));
	else if (s < 2 * 86400)
		buf_printf(b, "%lld h", (long long)((s + 1800) / 3600));
	else
		buf_printf(b, "%lld days", (long long)((s + 43200) / 86400));
}

/* when_text - "09:08:30 to 11:10:00 (2 h)", each time with its date when
 * the log spans more than one day */
void when_text(struct buf *b, const struct analysis *a, struct stamp first, struct stamp last)
{
	bool date = (a->have_time && !stamp_same_day(a->first, a->last)) || !stamp_same_day(first, last);
	if (first.us == last.us) {
		buf_puts(b, "at ");
		buf_stamp_clock(b, first, date);
		return;
	}
	buf_stamp_clock(b, first, date);
	buf_puts(b, " to ");
	buf_stamp_clock(b, last, date);
	buf_puts(b, " (");
	duration_text(b, (last.us - first.us) / 1000000);
	buf_putc(b, ')');
}

/* addrs - up to max addresses of verdict v outside the campaigns, and "and N more" */
static void addrs(struct buf *b, const struct report_input *in, enum verdict v, size_t n)
{
	const struct analysis *a = in->a;
	size_t k = 0;
	for (size_t i = 0; i < a->nclist && k < GLANCE_ADDRS; i++) {
		if (a->clist[i]->verdict != v || campaign_of(in->campaigns, i))
			continue;
		buf_puts(b, k++ ? ", " : "");
		buf_term(b, span_of(client_addr(a->clist[i]).s));
	}
	if (n > k)
		buf_printf(b, " and %zu more", n - k);
}

/* accounts_item - the compromised accounts */
static void accounts_item(struct glances *g, const struct analysis *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->nalist; i++)
		n += a->alist[i]->compromised;
	if (!n)
		return;
	struct buf *t = item(g, 4);
	buf_printf(t, "%zu SASL account%s look%s compromised and send%s spam: ", n, n == 1 ? "" : "s",
		   n == 1 ? "s" : "", n == 1 ? "s" : "");
	size_t k = 0;
	for (size_t i = 0; i < a->nalist && k < GLANCE_ADDRS; i++)
		if (a->alist[i]->compromised) {
			buf_puts(t, k++ ? ", " : "");
			buf_term(t, span_of(a->alist[i]->name));
		}
	if (n > k)
		buf_printf(t, " and %zu more", n - k);
	buf_printf(t, ". Next: change %s password%s now (banning the address does not help).",
		   n == 1 ? "its" : "their", n == 1 ? "" : "s");
}

/* campaign_next - a campaign's one next step */
static const char *campaign_next(const struct campaign *c)
{
	if (c->kind == CK_SLOW_AUTH)
		return "per-address banning cannot stop it; offer AUTH only on ports 587/465 and "
		       "limit failures per username.";
	switch (c->verdict) {
	case V_AUTH_BRUTEFORCE:
		return "ban them, and offer AUTH only on ports 587/465.";
	case V_RELAY_ATTEMPT:
		return "nothing leaked; keep reject_unauth_destination.";
	case V_SPAM_REJECTED:
		return "nothing: your restrictions refused them.";
	default:
		return c->kind == CK_NETWORK ? "harmless; ban the network if they annoy you."
					     : "harmless; postscreen turns most away.";
	}
}

/* campaign_items - the largest campaigns, one item each, the rest in one */
static void campaign_items(struct glances *g, const struct report_input *in)
{
	const struct campaigns *cs = in->campaigns;
	if (!cs)
		return;
	size_t rest = 0;
	uint64_t rest_addrs = 0;
	int rest_sev = 0;
	size_t told = 0;
	for (size_t i = 0; i < cs->n; i++) {
		const struct campaign *c = &cs->list[i];
		if (campaign_severity(c) < 3)
			continue;       /* nuisance: in the probes' item */
		if (told++ >= GLANCE_CAMPAIGNS) {
			rest++;
			rest_addrs += c->addresses;
			if (campaign_severity(c) > rest_sev)
				rest_sev = campaign_severity(c);
			continue;
		}
		struct buf *t = item(g, campaign_severity(c));
		campaign_headline(t, c, in->a);
		buf_puts(t, ". Next: ");
		buf_puts(t, campaign_next(c));
	}
	if (rest)
		buf_printf(item(g, rest_sev), "%zu more campaign%s of clients that act alike (%llu addresses): "
			   "see \"Campaigns\".", rest, rest == 1 ? "" : "s", (unsigned long long)rest_addrs);
}

/* finding_items - each kind of server problem worth a warning, the minor ones in one */
static void finding_items(struct glances *g, const struct diag *d)
{
	if (!d)
		return;
	bool done[F__COUNT] = {false};
	size_t minor = 0;
	const char *minor_title = NULL;
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *x = d->list[i];
		int sev = finding_severity(x->id);
		if (done[x->id] || sev < 1)
			continue;
		done[x->id] = true;
		if (sev == 1) {
			if (!minor++)
				minor_title = finding_title(x->id);
			continue;
		}
		uint64_t lines = 0, rcpt = 0;
		size_t nkeys = 0;
		struct buf keys = {0};
		for (size_t j = i; j < d->nlist; j++) {
			if (d->list[j]->id != x->id)
				continue;
			lines += d->list[j]->lines;
			rcpt += d->list[j]->recipients;
			if (d->list[j]->key[0] && nkeys < 3) {
				buf_puts(&keys, nkeys ? ", " : "");
				buf_term(&keys, span_of(d->list[j]->key));
			}
			nkeys += !!d->list[j]->key[0];
		}
		if (nkeys > 3)
			buf_printf(&keys, " and %zu more", nkeys - 3);
		struct buf *t = item(g, sev);
		buf_puts(t, finding_title(x->id));
		t->p[0] = (char)toupper((unsigned char)t->p[0]);
		if (keys.n) {
			buf_puts(t, " (");
			buf_put(t, keys.p, keys.n);
			buf_putc(t, ')');
		}
		buf_printf(t, ": %llu line%s", (unsigned long long)lines, lines == 1 ? "" : "s");
		if (rcpt)
			buf_printf(t, ", %llu recipient%s", (unsigned long long)rcpt, rcpt == 1 ? "" : "s");
		buf_printf(t, "; %s. Next: ", finding_impact_words(finding_impact(x->id)));
		finding_next_step(t, x->id);
		buf_free(&keys);
	}
	if (minor == 1)
		buf_printf(item(g, 1), "Minor: %s: see \"Problems found\".", minor_title);
	else if (minor)
		buf_printf(item(g, 1), "%zu minor kinds of problem (%s, ...): see \"Problems found\".", minor,
			   minor_title);
}

/* client_items - the clients outside the campaigns, by kind */
static void client_items(struct glances *g, const struct report_input *in)
{
	const struct analysis *a = in->a;
	size_t by[V__COUNT] = {0};
	uint64_t fails = 0;
	size_t alike = 0, nalike = 0;       /* nuisance campaigns, their members */
	for (size_t i = 0; in->campaigns && i < in->campaigns->n; i++)
		if (campaign_severity(&in->campaigns->list[i]) < 3) {
			alike++;
			nalike += in->campaigns->list[i].addresses;
		}
	for (size_t i = 0; i < a->nclist; i++) {
		const struct campaign *c = campaign_of(in->campaigns, i);
		if (c && campaign_severity(c) >= 3)
			continue;
		if (c) {
			by[a->clist[i]->verdict]++;     /* a nuisance: counted with the others */
			continue;
		}
		by[a->clist[i]->verdict]++;
		if (a->clist[i]->verdict == V_AUTH_BRUTEFORCE)
			fails += a->clist[i]->auth_failures;
	}
	size_t n;
	if ((n = by[V_AUTH_SUCCESS_AFTER_FAILURES])) {
		struct buf *t = item(g, 4);
		buf_printf(t, "%zu address%s logged in after failed password attempts (", n, n == 1 ? "" : "es");
		addrs(t, in, V_AUTH_SUCCESS_AFTER_FAILURES, n);
		buf_puts(t, "). Next: ask the account's owner whether that login was theirs.");
	}
	if ((n = by[V_AUTH_BRUTEFORCE])) {
		struct buf *t = item(g, 3);
		buf_printf(t, "%zu address%s guessed SASL passwords, %llu failures (", n, n == 1 ? "" : "es",
			   (unsigned long long)fails);
		addrs(t, in, V_AUTH_BRUTEFORCE, n);
		buf_printf(t, "). Next: ban %s (postsleuth ban), and offer AUTH only on ports 587/465.",
			   n == 1 ? "it" : "them");
	}
	if ((n = by[V_RELAY_ATTEMPT])) {
		struct buf *t = item(g, 3);
		buf_printf(t, "%zu address%s tested for an open relay and %s refused (", n, n == 1 ? "" : "es",
			   n == 1 ? "was" : "were");
		addrs(t, in, V_RELAY_ATTEMPT, n);
		buf_puts(t, "). Next: nothing leaked; keep reject_unauth_destination.");
	}
	size_t nuis = 0;
	for (int v = 0; v < V__COUNT; v++)
		if (verdict_severity((enum verdict)v) == 2)
			nuis += by[v];
	if (nuis) {
		struct buf *t = item(g, 2);
		buf_printf(t, "%zu address%s only probed or %s refused (", nuis, nuis == 1 ? "" : "es",
			   nuis == 1 ? "was" : "were");
		bool first = true;
		for (int v = V__COUNT - 1; v >= 0; v--)
			if (by[v] && verdict_severity((enum verdict)v) == 2) {
				buf_printf(t, "%s%zu %s", first ? "" : ", ", by[v], verdict_id((enum verdict)v));
				first = false;
			}
		buf_putc(t, ')');
		if (alike)
			buf_printf(t, ", %zu of them in %zu campaign%s of alike clients", nalike, alike,
				   alike == 1 ? "" : "s");
		buf_puts(t, ". Next: harmless; postscreen turns most of them away.");
	}
	if ((n = by[V_UNKNOWN]))
		buf_printf(item(g, 1), "%zu address%s left too little evidence to judge.", n, n == 1 ? "" : "es");
	if ((n = by[V_TLS_FAILURE]))
		buf_printf(item(g, 1), "%zu address%s failed the TLS handshake; the clients section says "
			   "why.", n, n == 1 ? "" : "es");
	if ((n = by[V_LEGITIMATE]))
		buf_printf(item(g, 0), "%zu client%s sent ordinary mail or logged in.", n, n == 1 ? "" : "s");
	if ((n = by[V_HEALTH_CHECK]))
		buf_printf(item(g, 0), "%zu address%s of this server's own network or a monitor only "
			   "connected and left (health checks).", n, n == 1 ? "" : "es");
}

/* lines_of - newlines in b */
static size_t lines_of(const struct buf *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		n += b->p[i] == '\n';
	return n;
}

/* overview_text - the "At a glance" section; lines_before: the report's
 * lines above it, counted in the first screen */
void overview_text(struct buf *b, const struct report_input *in, size_t lines_before)
{
	const struct analysis *a = in->a;
	struct glances g = {0};
	accounts_item(&g, a);
	if (a->orphans.remote_content_rejects)
		buf_printf(item(&g, 3), "%llu recipients of mail whose sender is not in this log were refused "
			   "by remote servers as spam or virus. Next: look their queue IDs up in older logs "
			   "(see \"Mail whose origin is not in this log\").",
			   (unsigned long long)a->orphans.remote_content_rejects);
	campaign_items(&g, in);
	finding_items(&g, in->diag);
	client_items(&g, in);
	if (in->feed->by_type[EV_TLS_READ] || in->feed->by_type[EV_SMTP_IN])
		buf_puts(item(&g, 2), "Debug logging is on: the log holds what clients sent, AUTH credentials "
			 "included. Next: turn it back down and protect these logs.");
	if (g.n)
		qsort(g.v, g.n, sizeof *g.v, cmp_glance); /* own list: the items made above */

	if (in->color)
		buf_puts(b, "\033[1m");
	buf_puts(b, "At a glance, most serious first");
	if (in->color)
		buf_puts(b, "\033[0m");
	buf_putc(b, '\n');
	size_t used = lines_before + 1, shown = 0;
	if (!g.n) {
		buf_puts(b, "  No client sessions, accounts or server problems in this log.\n");
		used++;
	}
	for (size_t i = 0; i < g.n; i++) {
		buf_putc(&g.v[i].t, 0);
		struct buf w = {0};
		wrap_text(&w, g.v[i].t.p, 4, REPORT_WIDTH);
		if (w.n >= 4)
			memcpy(w.p + 2, "- ", 2);
		size_t n = lines_of(&w);
		/* keep a line for "... more" unless this is the last item */
		if (used + n + (i + 1 < g.n) > REPORT_SCREEN - 1) {
			buf_free(&w);
			break;
		}
		buf_put(b, w.p, w.n);
		used += n;
		shown++;
		buf_free(&w);
	}
	if (shown < g.n)
		buf_printf(b, "  ... and %zu more below.\n", g.n - shown);
	buf_putc(b, '\n');
	for (size_t i = 0; i < g.n; i++)
		buf_free(&g.v[i].t);
	free(g.v);
}
