/*
 * explain.c - "postsleuth explain": which sessions and messages a
 * request selects, the stories kept for them (each session told by
 * explain_story.c), and, with no selector, the top-findings mode: each
 * finding with its verdict's explanation and a few of its sessions, in
 * text or JSON.  Log text passes buf_term / buf_json.
 */
#include "explain.h"
#include "explain_lines.h"
#include "explain_story.h"
#include "model_json.h"
#include "report.h"
#include "trace_text.h"
#include "../util/i18n.h"
#include "../util/strset.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define EXPLAIN_MAX_ITEMS 2000
#define DEFAULT_PER_CLIENT 1

struct xitem {
	struct buf text, json;
	char *ip;
	char *user;              /* the account it logged in as */
	uint64_t session_id;
	size_t told_under;       /* findings_text: 1 + the finding it was told under, or 0 */
	enum verdict v;
	size_t vpos;             /* where the heading's verdict id is in text (SIZE_MAX: none) */
};

/* a finding to tell, chosen after the first pass; its explanation is
 * written when it is told (explain --all on a million clients kept a
 * million explanations), its stories found through ->items, not by
 * comparing every finding with every story kept */
struct xfinding {
	bool client;             /* a client; else an account */
	char *who;               /* its address or username */
	enum verdict v;
	const struct client *c;  /* what to explain (in the analysis) */
	const struct account *ac;
	size_t same;             /* 1 + the next finding of the same kind and who, or 0 */
	size_t seen;             /* stories of it pushed so far */
	size_t *items, nitems;   /* its stories, in the order kept */
};

struct explain {
	char *select, *value;
	bool show_secrets, color;
	struct xitem *items;
	size_t n, cap, dropped;
	struct strset kept;      /* "verdict ip user" of the stories kept (no selector) */
	/* no selector: the findings to tell (explain_focus) */
	bool top;
	struct strset ips, users;
	struct hmap by_who;      /* the findings by kind and who (find_finding) */
	struct xfinding *findings;
	size_t nfindings, more_clients, more_accounts;
	/* a short input told line by line (explain_by_line) */
	struct explain_lines *lines;
	const struct diag *diag;
};

/* explain_new - what to explain: ip, account, session, queue-id or all */
struct explain *explain_new(const char *select, const char *value, bool show_secrets, bool color)
{
	struct explain *x = xcalloc(1, sizeof *x);
	x->select = xstrdup(select);
	x->value = value ? xstrdup(value) : NULL;
	x->show_secrets = show_secrets;
	x->color = color;
	x->top = !strcmp(select, "top");
	strset_init(&x->kept, 0);
	strset_init(&x->ips, 0);
	strset_init(&x->users, 0);
	hmap_init(&x->by_who);
	return x;
}

/* who_hash - a finding's key: its kind and its address or username */
static uint64_t who_hash(bool client, const char *who)
{
	return span_hash(span_of(who)) ^ (client ? 0x9e3779b97f4a7c15ULL : 0);
}

struct who_key {
	bool client;
	const char *who;
};

static bool who_eq(const void *obj, const void *key)
{
	const struct xfinding *f = obj;
	const struct who_key *k = key;
	return f->client == k->client && !strcmp(f->who, k->who);
}

/* find_finding - the first finding of that kind and who, or NULL */
static struct xfinding *find_finding(const struct explain *x, bool client, const char *who)
{
	if (!who)
		return NULL;
	struct who_key k = {client, who};
	return hmap_get(&x->by_who, who_hash(client, who), who_eq, &k);
}

/* explain_focus - with no selector: the findings whose sessions to tell,
 * most serious first, and how many more there were */
void explain_focus(struct explain *x, const struct analysis *a, const struct explain_finding *f,
		   size_t n, size_t more_clients, size_t more_accounts)
{
	x->findings = xcalloc(n + 1, sizeof *x->findings);
	x->nfindings = n;
	x->more_clients = more_clients;
	x->more_accounts = more_accounts;
	(void)a; /* read when the findings are told (explain_write), not here */
	for (size_t i = 0; i < n; i++) {
		struct xfinding *xf = &x->findings[i];
		if (f[i].client) {
			xf->client = true;
			xf->who = xstrdup(client_addr(f[i].client).s);
			xf->v = (enum verdict)f[i].client->verdict;
			xf->c = f[i].client;
			strset_add(&x->ips, span_of(xf->who));
		} else {
			xf->who = xstrdup(f[i].account->name);
			xf->ac = f[i].account;
			strset_add(&x->users, span_of(xf->who));
		}
		/* the same who twice: chained behind the first, in order */
		struct xfinding *first = find_finding(x, xf->client, xf->who);
		if (!first) {
			hmap_put(&x->by_who, who_hash(xf->client, xf->who), xf);
			continue;
		}
		while (first->same)
			first = &x->findings[first->same - 1];
		first->same = i + 1;
	}
}

/* finding_explanation - why the finding has its verdict, as the analysis says */
static void finding_explanation(const struct xfinding *f, const struct analysis *a, struct buf *b)
{
	if (f->client)
		client_explain(a, f->c, b);
	else
		account_explain(a, f->ac, b);
	buf_putc(b, 0);
}

/* finding_add - story j belongs to every finding of that kind and who;
 * true when it is among the first EXPLAIN_STORIES_MAX of one of them
 * (so it may be shown) */
static bool finding_add(struct explain *x, bool client, const char *who, size_t j)
{
	bool shown = false;
	for (struct xfinding *f = find_finding(x, client, who); f;
	     f = f->same ? &x->findings[f->same - 1] : NULL) {
		if (f->seen++ < EXPLAIN_STORIES_MAX)
			shown = true;
		if (!(f->nitems & (f->nitems + 1))) /* 0, 1, 3, 7...: grow */
			f->items = xrealloc(f->items, (2 * f->nitems + 1) * sizeof *f->items);
		f->items[f->nitems++] = j;
	}
	return shown;
}

/* client_of - the session's client address as the analysis names it
 * ("unknown[]" has its address removed: CLIENT_NO_ADDRESS) */
static const char *client_of(const struct session *s)
{
	return s->client_ip && !*s->client_ip ? CLIENT_NO_ADDRESS : s->client_ip;
}

/* selected - does this session belong to the request */
static bool selected(const struct explain *x, const struct session *s)
{
	if (x->top)
		return (client_of(s) && strset_has(&x->ips, span_of(client_of(s)))) ||
		       (s->sasl_username && strset_has(&x->users, span_of(s->sasl_username)));
	if (!x->value)
		return true;
	if (!strcmp(x->select, "ip"))
		return s->client_ip && !strcmp(s->client_ip, x->value);
	if (!strcmp(x->select, "session"))
		return (uint64_t)strtoull(x->value, NULL, 10) == s->id;
	if (!strcmp(x->select, "account")) {
		if (s->sasl_username && !strcmp(s->sasl_username, x->value))
			return true;
		for (uint32_t i = 0; i < s->ntried; i++)
			if (!strcmp(s->tried[i].name, x->value))
				return true;
		return false;
	}
	if (!strcmp(x->select, "queue-id")) {
		for (uint32_t i = 0; i < s->nqids; i++)
			if (!strcmp(s->qids[i], x->value))
				return true;
		return false;
	}
	return true;
}

/* push - keep a rendered item */
static struct xitem *push(struct explain *x)
{
	if (x->n >= EXPLAIN_MAX_ITEMS) {
		x->dropped++;
		return NULL;
	}
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 32;
		x->items = xrealloc(x->items, x->cap * sizeof *x->items);
	}
	struct xitem *it = &x->items[x->n++];
	memset(it, 0, sizeof *it);
	return it;
}

/* explain_session - render a selected session */
void explain_session(struct explain *x, const struct session *s)
{
	if (!selected(x, s))
		return;
	/* with no selector: one session per client and kind is enough */
	char key[600];
	struct span k = SPAN_NULL;
	if (!x->value && s->client_ip) {
		/* a set of the kept (verdict, address) pairs: a linear look
		 * through the stories made explain quadratic in the clients */
		int n = snprintf(key, sizeof key, "%d %s %s", (int)verdict_session(s), s->client_ip,
				 s->sasl_username ? s->sasl_username : "");
		k = span_make(key, n < 0 ? 0 : (size_t)n < sizeof key ? (size_t)n : sizeof key - 1);
		if (strset_has(&x->kept, k))
			return;
	}
	struct xitem *it = push(x);
	if (!it)
		return;
	if (k.p)
		strset_add(&x->kept, k);
	it->ip = client_of(s) ? xstrdup(client_of(s)) : NULL;
	it->user = s->sasl_username ? xstrdup(s->sasl_username) : NULL;
	it->session_id = s->id;
	it->v = verdict_session(s);
	if (x->top) {
		/* no selector: only the first few stories of each finding are
		 * told; the others are only counted, not written */
		size_t j = (size_t)(it - x->items);
		bool shown = finding_add(x, true, it->ip, j);
		if (finding_add(x, false, it->user, j))
			shown = true;
		if (!shown)
			return;
	}
	explain_story(&it->text, s, x->show_secrets, x->color);
	/* the heading's verdict id, the last one on the first line: the
	 * client's verdict may relabel it when the story is told */
	it->vpos = SIZE_MAX;
	const char *id = verdict_id(it->v);
	struct span first = buf_span(&it->text);
	ptrdiff_t nl = span_chr(first, '\n');
	if (nl >= 0)
		first.n = (size_t)nl;
	for (size_t e = first.n; e >= strlen(id) && it->vpos == SIZE_MAX; e--)
		if (!memcmp(first.p + e - strlen(id), id, strlen(id)))
			it->vpos = e - strlen(id);
	session_json(&it->json, s, x->show_secrets);
}

/* explain_message - messages of a --queue-id or --account request */
void explain_message(struct explain *x, const struct message *m)
{
	if (!x->value)
		return;
	bool hit = (!strcmp(x->select, "queue-id") && !strcmp(m->qid, x->value)) ||
		   (!strcmp(x->select, "account") && m->sasl_username &&
		    !strcmp(m->sasl_username, x->value));
	if (!hit)
		return;
	struct xitem *it = push(x);
	if (!it)
		return;
	trace_text_message(&it->text, m, x->color);
	message_json(&it->json, m);
}

/* more_text - "27 more findings (20 clients, 7 accounts)" and how to see them */
static void more_text(struct buf *b, const struct explain *x)
{
	size_t more = x->more_clients + x->more_accounts;
	struct buf who = {0};
	if (x->more_accounts)
		buf_printf(&who, P_("%zu account", "%zu accounts", x->more_accounts), x->more_accounts);
	if (x->more_accounts && x->more_clients)
		buf_puts(&who, ", ");
	if (x->more_clients)
		buf_printf(&who, P_("%zu client", "%zu clients", x->more_clients), x->more_clients);
	buf_putc(&who, 0);
	/* TRANSLATORS: "27 more findings (7 accounts, 20 clients) not told
	 * here: ..."; the second %zu is the number that tells them all */
	buf_printf(b, P_("%zu more finding (%s) not told here: postsleuth explain --top %zu tells them all, "
			 "--ip ADDRESS or --account USER one of them in full.",
			 "%zu more findings (%s) not told here: postsleuth explain --top %zu tells them all, "
			 "--ip ADDRESS or --account USER one of them in full.",
			 more),
		   more, who.p, x->nfindings + more);
	buf_free(&who);
}

/* findings_json - {"select":"top","findings":[...],"more":{...}} */
static void findings_json(struct explain *x, const struct analysis *a, struct buf *out)
{
	buf_printf(out, "{\"select\":\"top\",\"value\":null,\"findings\":[");
	for (size_t i = 0; i < x->nfindings; i++) {
		const struct xfinding *f = &x->findings[i];
		struct buf why = {0};
		finding_explanation(f, a, &why);
		buf_puts(out, i ? ",{\"kind\":" : "{\"kind\":");
		if (f->client) {
			buf_puts(out, "\"client\",\"ip\":");
			buf_jsons(out, f->who);
			buf_printf(out, ",\"verdict\":\"%s\",\"severity\":%d,\"explanation\":",
				   verdict_id(f->v), verdict_severity(f->v));
			buf_jsons(out, why.p);
		} else {
			buf_puts(out, "\"account\",\"username\":");
			buf_jsons(out, f->who);
			buf_puts(out, ",\"verdict\":\"compromised-suspect\",\"explanation\":");
			buf_jsons(out, why.p);
		}
		buf_free(&why);
		buf_puts(out, ",\"items\":[");
		size_t k = 0, total = f->nitems;
		for (; k < total && k < EXPLAIN_STORIES_MAX; k++) {
			if (k)
				buf_putc(out, ',');
			buf_putspan(out, buf_span(&x->items[f->items[k]].json));
		}
		buf_printf(out, "],\"more_items\":%zu}", total - k);
	}
	buf_printf(out, "],\"more\":{\"clients\":%zu,\"accounts\":%zu}}\n", x->more_clients,
		   x->more_accounts);
}

/* indented - text with every line shifted right */
static void indented(struct buf *out, struct span t, int by)
{
	while (t.n) {
		ptrdiff_t nl = span_chr(t, '\n');
		size_t len = nl < 0 ? t.n : (size_t)nl + 1;
		buf_printf(out, "%*s", by, "");
		buf_put(out, t.p, len);
		t = span_skip(t, len);
	}
}

/* story_text - a story as told: its heading's verdict id is the
 * client's when that verdict spares the session (verdict_of_evidence) */
static struct buf story_text(const struct analysis *a, const struct xitem *it)
{
	struct buf t = {0};
	struct span s = buf_span(&it->text);
	const struct client *c = a && it->ip && it->vpos != SIZE_MAX
					 ? analysis_client((struct analysis *)a, it->ip)
					 : NULL;
	enum verdict v = c ? verdict_of_evidence(it->v, c->verdict) : it->v;
	if (v == it->v) {
		buf_putspan(&t, s);
		return t;
	}
	size_t old = strlen(verdict_id(it->v));
	buf_put(&t, s.p, it->vpos);
	buf_puts(&t, verdict_id(v));
	buf_put(&t, s.p + it->vpos + old, s.n - it->vpos - old);
	return t;
}

/* explain_client_words - the address, or "(address not logged)" translated */
const char *explain_client_words(const char *addr)
{
	/* TRANSLATORS: stands for a client's address when the log does not
	 * give it (Postfix wrote "unknown[]") */
	return addr && !strcmp(addr, CLIENT_NO_ADDRESS) ? _("(address not logged)") : addr;
}

/* findings_text - each finding: its verdict, why, and a few of its sessions */
static void findings_text(struct explain *x, const struct analysis *a, struct buf *out)
{
	if (!x->nfindings) {
		buf_puts(out, _("Nothing to explain: no client or account looks hostile or unclear.\n"
				"postsleuth explain --ip ADDRESS tells any client's sessions.\n"));
		return;
	}
	size_t more = x->more_clients + x->more_accounts;
	if (more)
		text_heading(out, x->color,
			     P_("The %zu most serious of %zu findings (the others at the end)",
				"The %zu most serious of %zu findings (the others at the end)", x->nfindings),
			     x->nfindings, x->nfindings + more);
	else if (x->nfindings == 1)
		text_heading(out, x->color, "%s", _("One finding"));
	else
		text_heading(out, x->color,
			     P_("%zu findings, most serious first", "%zu findings, most serious first", x->nfindings),
			     x->nfindings);
	buf_putc(out, '\n');
	for (size_t i = 0; i < x->nfindings; i++) {
		const struct xfinding *f = &x->findings[i];
		struct buf h = {0};
		if (f->client)
			/* TRANSLATORS: "1. Client 192.0.2.7: auth-bruteforce": its
			 * rank, address and verdict id (not translated) */
			buf_printf(&h, _("%zu. Client %s: %s"), i + 1, explain_client_words(f->who), verdict_id(f->v));
		else
			/* TRANSLATORS: "2. Account info@example.com: compromised-suspect":
			 * its rank and username; compromised-suspect is an id, kept */
			buf_printf(&h, _("%zu. Account %s: compromised-suspect"), i + 1, f->who);
		buf_putc(&h, 0);
		text_heading(out, x->color, "%s", h.p);
		buf_free(&h);
		struct buf why = {0};
		finding_explanation(f, a, &why);
		wrap_text(out, why.p, 3, 78);
		buf_free(&why);
		size_t k = 0, total = f->nitems;
		for (; k < total && k < EXPLAIN_STORIES_MAX; k++) {
			struct xitem *it = &x->items[f->items[k]];
			buf_putc(out, '\n');
			if (it->told_under)
				/* TRANSLATORS: the session's number, then the finding's rank */
				buf_printf(out, _("   Session #%llu: told above, under %zu.\n"),
					   (unsigned long long)it->session_id, it->told_under);
			else {
				struct buf t = story_text(a, it);
				indented(out, buf_span(&t), 3);
				buf_free(&t);
			}
			if (!it->told_under)
				it->told_under = i + 1;
		}
		if (total > k)
			/* TRANSLATORS: "--%s %s" is an option and its value: "--ip 192.0.2.7" */
			buf_printf(out, P_("\n   (%zu more kind of session: postsleuth explain --%s %s)\n",
					   "\n   (%zu more kinds of session: postsleuth explain --%s %s)\n", total - k),
				   total - k, f->client ? "ip" : "account", f->who);
		else if (!total)
			buf_puts(out, _("   (no session of it in the log: it appears only in side lines)\n"));
		buf_putc(out, '\n');
	}
	if (more) {
		struct buf t = {0};
		more_text(&t, x);
		buf_putc(&t, 0);
		wrap_text(out, t.p, 0, 78);
		buf_free(&t);
	}
	if (x->dropped)
		buf_printf(out, P_("(%zu more sessions not kept)\n", "(%zu more sessions not kept)\n", x->dropped),
			   x->dropped);
}

/* explain_by_line - tell the lines one by one rather than the top findings */
void explain_by_line(struct explain *x, struct explain_lines *el, const struct diag *d)
{
	x->lines = el;
	x->diag = d;
}

/* explain_write - the rendered stories, then the client's verdict */
void explain_write(struct explain *x, const struct analysis *a, struct buf *out, bool json)
{
	if (x->lines) {
		if (json) {
			explain_lines_json(out, x->lines, a, x->diag);
			return;
		}
		bool problems = explain_lines_text(out, x->lines, x->diag, x->color);
		if (x->nfindings)
			findings_text(x, a, out);
		else if (!problems)
			buf_puts(out, _("Nothing wrong: no problem of the server and no client that is "
					"hostile or unclear in these lines.\n"));
		return;
	}
	if (x->top) {
		if (json)
			findings_json(x, a, out);
		else
			findings_text(x, a, out);
		return;
	}
	if (json) {
		buf_puts(out, "{\"select\":");
		buf_jsons(out, x->select);
		buf_puts(out, ",\"value\":");
		buf_jsons(out, x->value);
		buf_puts(out, ",\"items\":[");
		for (size_t i = 0; i < x->n; i++) {
			if (i)
				buf_putc(out, ',');
			buf_putspan(out, buf_span(&x->items[i].json));
		}
		buf_puts(out, "]");
		if (!strcmp(x->select, "ip") && x->value) {
			struct client *c = analysis_client((struct analysis *)a, x->value);
			if (c) {
				struct buf t = {0};
				client_explain(a, c, &t);
				buf_puts(out, ",\"verdict\":");
				buf_jsons(out, verdict_id(c->verdict));
				buf_puts(out, ",\"explanation\":");
				buf_json(out, buf_span(&t));
				buf_free(&t);
			}
		}
		buf_puts(out, "}\n");
		return;
	}
	if (!strcmp(x->select, "ip") && x->value) {
		struct client *c = analysis_client((struct analysis *)a, x->value);
		if (c) {
			/* TRANSLATORS: %s is the client's verdict id (not translated) */
			text_heading(out, x->color, _("In short: %s"), verdict_id(c->verdict));
			wrap_explanation(out, a, c, 2);
			buf_putc(out, '\n');
		}
	}
	if (!x->n)
		buf_puts(out, _("No session matches.\n"));
	for (size_t i = 0; i < x->n; i++) {
		if (i)
			buf_putc(out, '\n');
		struct buf t = story_text(a, &x->items[i]);
		buf_putspan(out, buf_span(&t));
		buf_free(&t);
	}
	if (x->dropped)
		buf_printf(out, P_("\n(%zu more not shown)\n", "\n(%zu more not shown)\n", x->dropped), x->dropped);
}

/* explain_free - everything */
void explain_free(struct explain *x)
{
	for (size_t i = 0; i < x->n; i++) {
		buf_free(&x->items[i].text);
		buf_free(&x->items[i].json);
		free(x->items[i].ip);
		free(x->items[i].user);
	}
	free(x->items);
	free(x->select);
	free(x->value);
	for (size_t i = 0; i < x->nfindings; i++) {
		free(x->findings[i].who);
		free(x->findings[i].items);
	}
	free(x->findings);
	explain_lines_free(x->lines);
	strset_free(&x->kept);
	strset_free(&x->ips);
	strset_free(&x->users);
	hmap_free(&x->by_who);
	free(x);
}
