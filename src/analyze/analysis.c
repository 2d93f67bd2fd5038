/*
 * analysis.c - aggregate sessions, messages and side events per client
 * address and per SASL account.  Verdicts are in verdict.c.
 *
 * Untrusted: every name kept here came from the log; they are copied
 * (capped) and escaped by the writers.
 */
#include "analysis.h"
#include "auth.h"
#include "../parse/redact.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NAME_CAP 256

/* cap_dup - a capped copy */
static char *cap_dup(struct span s)
{
	if (s.n > NAME_CAP)
		s.n = NAME_CAP;
	return xspandup(s);
}

/* client_eq - clients by address */
static bool client_eq(const void *obj, const void *key)
{
	return span_eqs(*(const struct span *)key, ((const struct client *)obj)->ip);
}

/* account_eq - accounts by name */
static bool account_eq(const void *obj, const void *key)
{
	return span_eqs(*(const struct span *)key, ((const struct account *)obj)->name);
}

/* analysis_new - empty */
struct analysis *analysis_new(void)
{
	struct analysis *a = xcalloc(1, sizeof *a);
	a->rng = 0x9e3779b97f4a7c15ULL;
	hmap_init(&a->clients);
	hmap_init(&a->accounts);
	strset_init(&a->local_domains, ANALYSIS_MAX_LOCAL_DOMAINS);
	return a;
}

static void client_free(void *obj);

/* client_score - how much a client matters for the report so far */
static uint64_t client_score(const struct client *c)
{
	return c->sessions + c->auth_failures + c->rejects + c->non_smtp + c->relay_denied +
	       c->messages + 3 * c->auth_successes + c->ps_connects + c->ntried;
}

/* client_evict - free the least significant of 16 sampled clients */
static void client_evict(struct analysis *a)
{
	struct client *worst = NULL;
	uint64_t worst_h = 0;
	int seen = 0;
	for (int k = 0; k < 256 && seen < 16; k++) {
		a->rng ^= a->rng << 13;
		a->rng ^= a->rng >> 7;
		a->rng ^= a->rng << 17;
		uint64_t h;
		struct client *c = hmap_slot(&a->clients, a->rng, &h);
		if (!c)
			continue;
		seen++;
		if (!worst || client_score(c) < client_score(worst))
			worst = c, worst_h = h;
	}
	if (!worst)
		return;
	hmap_del(&a->clients, worst_h, worst);
	client_free(worst);
	a->nclients--;
	a->clients_evicted++;
}

/* client_get - the client for ip, created unless over the cap */
static struct client *client_get(struct analysis *a, struct span ip)
{
	if (!ip.p)
		return NULL;
	if (!ip.n)
		ip = SPAN_LIT(CLIENT_NO_ADDRESS); /* "unknown[]": the address was removed */
	uint64_t h = span_hash(ip);
	struct client *c = hmap_get(&a->clients, h, client_eq, &ip);
	if (c)
		return c;
	if (a->nclients >= ANALYSIS_MAX_CLIENTS)
		client_evict(a);
	c = xcalloc(1, sizeof *c);
	c->ip = cap_dup(ip);
	c->prev_start_us = INT64_MIN;
	c->first_fail_us = INT64_MAX;
	c->last_success_us = INT64_MIN;
	hmap_put(&a->clients, h, c);
	a->nclients++;
	return c;
}

/* analysis_client - lookup by address (NULL when unknown) */
struct client *analysis_client(struct analysis *a, const char *ip)
{
	struct span k = span_of(ip);
	return hmap_get(&a->clients, span_hash(k), client_eq, &k);
}

/* account_get - the account for name, created unless over the cap */
static struct account *account_get(struct analysis *a, struct span name)
{
	if (!name.p || !name.n)
		return NULL;
	uint64_t h = span_hash(name);
	struct account *ac = hmap_get(&a->accounts, h, account_eq, &name);
	if (ac)
		return ac;
	if (a->naccounts >= ANALYSIS_MAX_ACCOUNTS) {
		a->accounts_dropped++;
		return NULL;
	}
	ac = xcalloc(1, sizeof *ac);
	ac->name = cap_dup(name);
	strset_init(&ac->domains, 100000);
	hmap_put(&a->accounts, h, ac);
	a->naccounts++;
	return ac;
}

/* analysis_account - lookup by name */
struct account *analysis_account(struct analysis *a, const char *name)
{
	struct span k = span_of(name);
	return hmap_get(&a->accounts, span_hash(k), account_eq, &k);
}

/* count_name - bump name in a small fixed table */
static void count_name(struct named_count *t, uint32_t *n, uint32_t max, struct span name,
		       uint32_t by)
{
	for (uint32_t i = 0; i < *n; i++)
		if (span_eqs(name, t[i].name)) {
			t[i].count += by;
			return;
		}
	if (*n < max)
		t[(*n)++] = (struct named_count){cap_dup(name), by};
}

/* tried_get - the tried-username record, added if room */
static struct tried_user *tried_get(struct client *c, struct span name)
{
	for (uint32_t i = 0; i < c->ntried; i++)
		if (span_eqs(name, c->tried[i].name))
			return &c->tried[i];
	if (c->ntried >= CLIENT_MAX_TRIED) {
		c->tried_dropped++;
		return NULL;
	}
	if ((c->ntried & (c->ntried - 1)) == 0) { /* 0, 1, 2, 4, 8 ...: grow by doubling */
		uint32_t cap = c->ntried ? c->ntried * 2 : 1;
		c->tried = xrealloc(c->tried, cap * sizeof *c->tried);
	}
	struct tried_user *t = &c->tried[c->ntried++];
	memset(t, 0, sizeof *t);
	t->name = cap_dup(name);
	return t;
}

/* stamp_span - widen [first, last] */
static void stamp_span(struct stamp *first, struct stamp *last, bool *have, struct stamp t)
{
	if (!*have || t.us < first->us)
		*first = t;
	if (!*have || t.us > last->us)
		*last = t;
	*have = true;
}

/* line_part_dup - a part of a log line, kept with its SASL secrets
 * hidden (Dovecot's auth_verbose_passwords "given password: ...") */
static char *line_part_dup(const struct analysis *a, const struct logline *l, struct span part)
{
	if (a->show_secrets)
		return cap_dup(part);
	struct redact st;
	struct redact_mask m;
	redact_init(&st, true);
	redact_msg(&st, l, &m);
	if (!redact_touches(&m, part))
		return cap_dup(part);
	struct buf b = {0};
	redact_put(&b, part, &m);
	char *s = cap_dup(buf_span(&b));
	buf_free(&b);
	return s;
}

/* dovecot_auth - "auth: passwd-file(user,1.2.3.4[,<id>]): unknown user",
 * as parse_dovecot split it (the address canonical) */
static void dovecot_auth(struct analysis *a, const struct event *ev)
{
	struct span user = ev->sasl_username, ip = ev->client_ip, result = ev->reason;
	if (!user.p || !ip.p || !result.p)
		return;
	if (span_starts(result, "Debug:") || span_starts(result, "Info:"))
		return;
	struct client *c = client_get(a, ip);
	if (!c || !user.n)
		return;
	struct tried_user *tu = tried_get(c, user);
	if (!tu)
		return;
	tu->from_dovecot++;
	if (!tu->result || span_starts(result, "Password mismatch"))
		{ free(tu->result); tu->result = line_part_dup(a, ev->line, span_trim(result)); }
}

/* analysis_event - the side events the model does not keep */
void analysis_event(struct analysis *a, const struct event *ev)
{
	if (ev->line->format != FMT_NOTIME) /* a pasted line with no time */
		stamp_span(&a->first, &a->last, &a->have_time, ev->line->ts);
	switch (ev->type) {
	case EV_OTHER:
		if (span_eqs(ev->line->daemon, "dovecot"))
			dovecot_auth(a, ev);
		break;
	case EV_PS_CONNECT: {
		struct client *c = client_get(a, ev->client_ip);
		if (c)
			c->ps_connects++;
		break;
	}
	case EV_PS_PREGREET: {
		struct client *c = client_get(a, ev->client_ip);
		if (c) {
			c->pregreet++;
			c->by_verdict[V_PREGREET]++;
		}
		break;
	}
	case EV_PS_DNSBL: {
		struct client *c = client_get(a, ev->client_ip);
		if (c && ev->count > 0 && (uint64_t)ev->count > c->ps_dnsbl_rank)
			c->ps_dnsbl_rank = (uint64_t)ev->count;
		break;
	}
	case EV_DELIVERY:
		/* this server's own domains: what its mailbox delivery agents deliver */
		if (span_eqs(ev->line->daemon, "local") || span_eqs(ev->line->daemon, "virtual") ||
		    span_eqs(ev->line->daemon, "lmtp")) {
			ptrdiff_t at = span_rchr(ev->to, '@');
			char low[256];
			struct span d = at >= 0 ? span_skip(ev->to, (size_t)at + 1) : SPAN_NULL;
			if (d.n && d.n < sizeof low) {
				for (size_t i = 0; i < d.n; i++)
					low[i] = (char)tolower((unsigned char)d.p[i]);
				strset_add(&a->local_domains, span_make(low, d.n));
			}
		}
		break;
	case EV_REJECT:
		if (span_find(ev->reason, "Relay access denied").p && ev->from.n) {
			struct client *c = client_get(a, ev->client_ip);
			ptrdiff_t at = span_rchr(ev->from, '@');
			if (c && !c->relay_from && at >= 0) {
				c->relay_from = cap_dup(span_skip(ev->from, (size_t)at + 1));
				for (char *p = c->relay_from; *p; p++)
					*p = (char)tolower((unsigned char)*p);
			}
		}
		/* postscreen rejects never reach a smtpd session */
		if (span_eqs(ev->line->daemon, "postscreen")) {
			struct client *c = client_get(a, ev->client_ip);
			if (c) {
				c->rejects++;
				c->by_verdict[V_SPAM_REJECTED]++;
			}
		}
		break;
	default:
		break;
	}
}

/* cmd_index - slot of a command name in client->cmd */
static int cmd_index(const char *name)
{
	static const char *const names[] = {"ehlo", "helo", "starttls", "auth", "mail", "rcpt",
					    "data", "quit", "rset", "noop", "unknown", NULL};
	for (int i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return i;
	return 11;
}

/* collect_offered - capabilities the server advertised, from the dialogue */
static void collect_offered(struct client *c, const struct session *s)
{
	if (c->offered)
		return;
	struct buf b = {0};
	for (uint32_t i = 0; i < s->ndialogue; i++) {
		const struct dialogue_line *d = &s->dialogue[i];
		if (d->dir != '>')
			continue;
		struct span t = span_of(d->text);
		/* "250-STARTTLS" or TLS-debug "250-x??250-PIPELINING??250 ..." */
		while (t.n) {
			struct span part;
			if (!span_until(&t, "??", &part)) {
				part = t;
				t = span_skip(t, t.n);
			}
			if (part.n > 4 && span_starts(part, "250") && (part.p[3] == '-' || part.p[3] == ' ')) {
				struct span cap = span_skip(part, 4);
				if (span_starts(cap, "STARTTLS") || span_starts(cap, "AUTH")) {
					if (b.n)
						buf_puts(&b, ", ");
					buf_putspan(&b, cap);
				}
			}
		}
	}
	if (b.n)
		c->offered = cap_dup(buf_span(&b));
	buf_free(&b);
}

/* analysis_session - fold one closed smtpd session into its client */
void analysis_session(struct analysis *a, const struct session *s)
{
	a->sessions++;
	if (!s->client_ip)
		return;
	struct client *c = client_get(a, span_of(s->client_ip));
	if (!c)
		return;
	enum verdict v = verdict_session(s);
	c->by_verdict[v]++;
	if (!c->sessions || s->start.us < c->first.us)
		c->first = s->start;
	if (!c->sessions || s->end.us > c->last.us)
		c->last = s->end;
	c->sessions++;
	/* periodicity: intervals between successive session starts */
	if (c->prev_start_us != INT64_MIN && s->saw_connect) {
		double iv = fabs((double)(s->start.us - c->prev_start_us)) / 1e6;
		c->nintervals++;
		double d = iv - c->iv_mean;
		c->iv_mean += d / (double)c->nintervals;
		c->iv_m2 += d * (iv - c->iv_mean);
		if (c->nsample < CLIENT_MAX_INTERVALS) {
			if (!c->sample)
				c->sample = xcalloc(CLIENT_MAX_INTERVALS, sizeof *c->sample);
			c->sample[c->nsample++] = iv * 1000 > 4e9 ? 4000000000u : (uint32_t)(iv * 1000);
		}
	}
	if (s->saw_connect)
		c->prev_start_us = s->start.us;
	if (s->client_name && strcmp(s->client_name, "unknown") != 0) {
		if (!c->ptr)
			c->ptr = xstrdup(s->client_name);
	} else {
		c->sessions_unresolved++;
	}
	if (s->helo)
		count_name(c->helo, &c->nhelo, CLIENT_MAX_NAMES, span_of(s->helo), 1);
	count_name(c->service, &c->nservice, 4, span_of(s->service), 1);
	c->tls_sessions += s->tls;
	uint32_t fails = session_auth_failures(s);
	c->auth_failures += fails;
	if (fails && s->start.us < c->first_fail_us)
		c->first_fail_us = s->start.us;
	if (s->sasl_username) {
		c->auth_successes++;
		if (s->end.us > c->last_success_us)
			c->last_success_us = s->end.us;
		count_name(c->login, &c->nlogin, CLIENT_MAX_NAMES, span_of(s->sasl_username), 1);
		struct tried_user *tu = NULL;
		for (uint32_t i = 0; i < c->ntried; i++)
			if (!strcmp(c->tried[i].name, s->sasl_username))
				tu = &c->tried[i];
		if (tu)
			tu->successes++;
		struct account *ac = account_get(a, span_of(s->sasl_username));
		if (ac) {
			ac->logins++;
			struct acct_ip *ai = NULL;
			for (uint32_t i = 0; i < ac->nips; i++)
				if (!strcmp(ac->ips[i].ip, s->client_ip))
					ai = &ac->ips[i];
			if (!ai && ac->nips < ACCOUNT_MAX_IPS) {
				ai = &ac->ips[ac->nips++];
				ai->ip = xstrdup(s->client_ip);
				ai->first = s->start;
				ai->last = s->end;
			}
			if (ai) {
				ai->logins++;
				if (s->start.us < ai->first.us)
					ai->first = s->start;
				if (s->end.us > ai->last.us)
					ai->last = s->end;
			}
		}
	}
	for (uint32_t i = 0; i < s->ntried; i++) {
		struct tried_user *tu = tried_get(c, span_of(s->tried[i].name));
		if (tu)
			tu->from_postfix += s->tried[i].count;
	}
	/* AUTH decoded from -v or TLS-debug dialogue, when 3.9+ did not name it */
	if (s->ndialogue && !s->ntried) {
		struct auth_try tries[AUTH_MAX_TRIES];
		size_t n = auth_from_dialogue(s, tries, AUTH_MAX_TRIES);
		for (size_t i = 0; i < n; i++) {
			if (!tries[i].user[0])
				continue;
			c->nauth_decoded++;
			if (s->sasl_username && !strcmp(tries[i].user, s->sasl_username))
				continue; /* the successful login */
			struct tried_user *tu = tried_get(c, span_of(tries[i].user));
			if (tu)
				tu->from_postfix++;
		}
	}
	c->messages += s->messages;
	c->rejects += s->rejects;
	c->relay_denied += s->relay_denied;
	c->non_smtp += s->non_smtp_count;
	if (s->pipelining && s->pipelining_stage && !strcmp(s->pipelining_stage, "CONNECT"))
		c->pregreet++;
	else if (s->pipelining)
		c->pipelining++;
	c->rate_limited += s->rate_limited;
	if (s->last_reject)
		count_name(c->reject_text, &c->nreject_text, 4, span_of(s->last_reject), 1);
	if (s->lost_stage) {
		free(c->lost_stage);
		c->lost_stage = xstrdup(s->lost_stage);
	}
	for (uint32_t i = 0; i < s->nstats; i++) {
		if (!strcmp(s->stats[i].name, "commands"))
			continue;
		c->cmd[cmd_index(s->stats[i].name)] += s->stats[i].total;
	}
	collect_offered(c, s);
	/* evidence: the first session, and the first of another kind */
	bool have_kind = false;
	for (uint32_t i = 0; i < c->nevidence; i++)
		have_kind |= c->evidence[i].verdict == v;
	if (c->nevidence < CLIENT_MAX_EVIDENCE && !have_kind && s->first_line) {
		struct evidence_ref *e = &c->evidence[c->nevidence++];
		e->file_index = s->file_index;
		e->first_line = s->first_line;
		e->last_line = s->last_line;
		e->pid = s->pid;
		e->host = xstrdup(s->host ? s->host : "");
		e->session_id = s->id;
		e->verdict = v;
	}
}

/* rcpt_domain - the domain of an address, lower-cased into buf */
static struct span rcpt_domain(const char *addr, char *buf, size_t cap)
{
	const char *at = strrchr(addr, '@');
	if (!at)
		return SPAN_NULL;
	size_t n = 0;
	for (const char *p = at + 1; *p && n < cap; p++)
		buf[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
	return span_make(buf, n);
}

/* content_reject - a remote 5xx that speaks of virus/spam/policy */
static bool content_reject(const char *reason)
{
	static const char *const words[] = {"virus", "Virus", "spam", "Spam", "SPAM", "blocked",
					    "blacklist", "blocklist", "reputation", "5.7.1",
					    "policy", "security issue", NULL};
	for (int i = 0; words[i]; i++)
		if (strstr(reason, words[i]))
			return true;
	return false;
}

/* orphan_message - a message received before the log began */
static void orphan_message(struct analysis *a, const struct message *m)
{
	struct orphans *o = &a->orphans;
	if (m->origin != ORIGIN_UNKNOWN || !m->nrcpts || (m->have_from && m->from && !*m->from))
		return; /* known origin, no delivery seen, or a notification (null sender) */
	if (!o->messages || m->start.us < o->first.us)
		o->first = m->start;
	if (m->end.us > o->last.us)
		o->last = m->end;
	o->messages++;
	o->recipients += m->nrcpts;
	if (o->nqids < ORPHAN_MAX_QIDS)
		o->qids[o->nqids++] = xstrdup(m->qid);
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		const char *st = r->status ? r->status : "";
		if (!strcmp(st, "sent"))
			o->sent++;
		else if (!strcmp(st, "bounced"))
			o->bounced++;
		else if (!strcmp(st, "deferred"))
			o->deferred++;
		if (!strcmp(st, "bounced") && r->reason && content_reject(r->reason)) {
			o->remote_content_rejects++;
			if (!o->example_reject)
				o->example_reject = xstrdup(r->reason);
		}
	}
}

/* analysis_message - fold one closed message into its client and account */
void analysis_message(struct analysis *a, const struct message *m)
{
	a->messages++;
	orphan_message(a, m);
	if (m->origin == ORIGIN_SMTPD && m->client_ip) {
		struct client *c = client_get(a, span_of(m->client_ip));
		if (c)
			c->recipients += m->nrcpts;
	}
	if (!m->sasl_username || m->origin == ORIGIN_REINJECTED)
		return;
	struct account *ac = account_get(a, span_of(m->sasl_username));
	if (!ac)
		return;
	ac->messages++;
	ac->recipients += m->nrcpts + m->rcpts_dropped;
	if (!ac->first.us || m->start.us < ac->first.us)
		ac->first = m->start;
	if (m->start.us > ac->last.us)
		ac->last = m->start;
	if (ac->ntimes == ac->times_cap && ac->times_cap < ACCOUNT_MAX_TIMES) {
		ac->times_cap = ac->times_cap ? ac->times_cap * 2 : 16;
		ac->times = xrealloc(ac->times, ac->times_cap * sizeof *ac->times);
	}
	if (ac->ntimes < ac->times_cap)
		ac->times[ac->ntimes++] = m->start.us;
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		char dom[256];
		struct span d = rcpt_domain(r->to ? r->to : "", dom, sizeof dom);
		if (d.p)
			strset_add(&ac->domains, d);
		const char *st = r->status ? r->status : "";
		if (!strcmp(st, "sent"))
			ac->sent++;
		else if (!strcmp(st, "bounced"))
			ac->bounced++;
		else if (!strcmp(st, "expired") || (m->expired && !strcmp(st, "deferred")))
			ac->expired++;
		else if (!strcmp(st, "deferred"))
			ac->deferred++;
		else
			ac->pending++;
		if (!strcmp(st, "bounced") && r->reason && content_reject(r->reason)) {
			ac->remote_content_rejects++;
			if (!ac->remote_reject_example)
				ac->remote_reject_example = xstrdup(r->reason);
		}
	}
	if (m->client_ip) {
		for (uint32_t i = 0; i < ac->nips; i++)
			if (!strcmp(ac->ips[i].ip, m->client_ip)) {
				ac->ips[i].messages++;
				ac->ips[i].recipients += m->nrcpts;
			}
	}
}

/* by_severity - clients: most serious verdict first, then sessions, then address */
static int by_severity(const void *x, const void *y)
{
	const struct client *a = *(struct client *const *)x, *b = *(struct client *const *)y;
	int sa = verdict_severity(a->verdict), sb = verdict_severity(b->verdict);
	if (sa != sb)
		return sb - sa;
	if (a->sessions != b->sessions)
		return a->sessions < b->sessions ? 1 : -1;
	return strcmp(a->ip, b->ip);
}

/* by_account - compromised first, then volume, then name */
static int by_account(const void *x, const void *y)
{
	const struct account *a = *(struct account *const *)x, *b = *(struct account *const *)y;
	if (a->compromised != b->compromised)
		return b->compromised - a->compromised;
	if (a->recipients != b->recipients)
		return a->recipients < b->recipients ? 1 : -1;
	return strcmp(a->name, b->name);
}

/* collect_client - hmap_each callback */
static void collect_client(void *obj, void *ctx)
{
	struct analysis *a = ctx;
	a->clist[a->nclist++] = obj;
}

/* collect_account - hmap_each callback */
static void collect_account(void *obj, void *ctx)
{
	struct analysis *a = ctx;
	a->alist[a->nalist++] = obj;
}

/* analysis_finish - verdicts for everyone, sorted lists */
void analysis_finish(struct analysis *a)
{
	a->clist = xcalloc(a->nclients + 1, sizeof *a->clist);
	a->alist = xcalloc(a->naccounts + 1, sizeof *a->alist);
	hmap_each(&a->clients, collect_client, a);
	hmap_each(&a->accounts, collect_account, a);
	for (size_t i = 0; i < a->nalist; i++)
		verdict_account(a, a->alist[i]);
	for (size_t i = 0; i < a->nclist; i++)
		verdict_client(a, a->clist[i]);
	qsort(a->clist, a->nclist, sizeof *a->clist, by_severity);
	qsort(a->alist, a->nalist, sizeof *a->alist, by_account);
}

/* client_free - one client */
static void client_free(void *obj)
{
	struct client *c = obj;
	free(c->ip);
	free(c->ptr);
	for (uint32_t i = 0; i < c->nhelo; i++)
		free(c->helo[i].name);
	for (uint32_t i = 0; i < c->nservice; i++)
		free(c->service[i].name);
	for (uint32_t i = 0; i < c->ntried; i++) {
		free(c->tried[i].name);
		free(c->tried[i].result);
	}
	free(c->tried);
	for (uint32_t i = 0; i < c->nlogin; i++)
		free(c->login[i].name);
	for (uint32_t i = 0; i < c->nreject_text; i++)
		free(c->reject_text[i].name);
	for (uint32_t i = 0; i < c->nevidence; i++)
		free(c->evidence[i].host);
	free(c->offered);
	free(c->sample);
	free(c->lost_stage);
	free(c->relay_from);
	free(c->explanation);
	free(c);
}

/* account_free - one account */
static void account_free(void *obj)
{
	struct account *ac = obj;
	free(ac->name);
	free(ac->remote_reject_example);
	strset_free(&ac->domains);
	for (uint32_t i = 0; i < ac->nips; i++)
		free(ac->ips[i].ip);
	free(ac->explanation);
	free(ac->new_ip);
	free(ac->times);
	free(ac);
}

/* analysis_free - everything */
void analysis_free(struct analysis *a)
{
	hmap_foreach(&a->clients, client_free);
	hmap_foreach(&a->accounts, account_free);
	hmap_free(&a->clients);
	hmap_free(&a->accounts);
	for (uint32_t i = 0; i < a->orphans.nqids; i++)
		free(a->orphans.qids[i]);
	free(a->orphans.example_reject);
	free(a->clist);
	free(a->alist);
	strset_free(&a->local_domains);
	free(a);
}
