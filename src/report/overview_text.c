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
#include "../util/i18n.h"
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

/* cstr - b's text NUL-terminated, for a %s of a translated sentence */
static const char *cstr(struct buf *b)
{
	buf_putc(b, 0);
	b->n--;
	return b->p;
}

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
		buf_printf(b, P_("%lld day", "%lld days", (unsigned long long)((s + 43200) / 86400)),
			   (long long)((s + 43200) / 86400));
}

/* when_text - "09:08:30 to 11:10:00 (2 h)", each time with its date when
 * the log spans more than one day */
void when_text(struct buf *b, const struct analysis *a, struct stamp first, struct stamp last)
{
	bool date = (a->have_time && !stamp_same_day(a->first, a->last)) || !stamp_same_day(first, last);
	struct buf from = {0}, to = {0}, len = {0};
	buf_stamp_clock(&from, first, date);
	if (first.us == last.us) {
		/* TRANSLATORS: the moment of a campaign: "at 12:54:35" */
		buf_printf(b, _("at %s"), cstr(&from));
	} else {
		buf_stamp_clock(&to, last, date);
		duration_text(&len, (last.us - first.us) / 1000000);
		/* TRANSLATORS: a campaign's span: "12:54:35 to 12:56:20 (105 s)" */
		buf_printf(b, _("%s to %s (%s)"), cstr(&from), cstr(&to), cstr(&len));
	}
	buf_free(&from);
	buf_free(&to);
	buf_free(&len);
}

/* addrs - up to GLANCE_ADDRS of the n addresses of verdict v outside the
 * campaigns, and "and N more", as a string held in b (reused) */
static const char *addrs(struct buf *b, const struct report_input *in, enum verdict v, size_t n)
{
	const struct analysis *a = in->a;
	size_t k = 0;
	b->n = 0;
	for (size_t i = 0; i < a->nclist && k < GLANCE_ADDRS; i++) {
		if (a->clist[i]->verdict != v || campaign_of(in->campaigns, i))
			continue;
		buf_puts(b, k++ ? ", " : "");
		buf_term(b, span_of(client_shown(a->clist[i]).s)); /* in the reader's language */
	}
	if (n > k)
		buf_printf(b, P_(" and %zu more", " and %zu more", n - k), n - k);
	return cstr(b);
}

/* which accounts account_names names */
enum account_kind { ACCOUNTS_COMPROMISED, ACCOUNTS_SPREAD, ACCOUNTS_BULK };

/* account_kind_of - what the glance says of an account, in that order */
static enum account_kind account_kind_of(const struct account *ac, bool *any)
{
	*any = true;
	if (ac->compromised)
		return ACCOUNTS_COMPROMISED;
	if (ac->flags & AF_SPREAD)
		return ACCOUNTS_SPREAD;
	*any = account_bulk(ac);
	return ACCOUNTS_BULK;
}

/* account_names - the first GLANCE_ADDRS of the n accounts of one kind
 * (compromised; sent from many networks; only sent in bulk), then "and N more" */
static void account_names(struct buf *names, const struct analysis *a, size_t n, enum account_kind kind)
{
	size_t k = 0;
	for (size_t i = 0; i < a->nalist && k < GLANCE_ADDRS; i++) {
		const struct account *ac = a->alist[i];
		bool any;
		if (account_kind_of(ac, &any) != kind || !any)
			continue;
		buf_puts(names, k++ ? ", " : "");
		buf_term(names, span_of(ac->name));
	}
	if (n > k)
		buf_printf(names, P_(" and %zu more", " and %zu more", n - k), n - k);
}

/* account_glance - one glance line naming the n accounts of a kind
 * (fmt: the translated sentence, its count and the names) */
static void account_glance(struct glances *g, const struct analysis *a, size_t n, enum account_kind kind,
			   int severity, const char *fmt)
{
	if (!n)
		return;
	struct buf names = {0};
	account_names(&names, a, n, kind);
	buf_printf(item(g, severity), fmt, n, cstr(&names));
	buf_free(&names);
}

/* accounts_item - the compromised accounts, those that sent from many
 * networks at once, those that only sent in bulk */
static void accounts_item(struct glances *g, const struct analysis *a)
{
	size_t n[3] = {0};
	for (size_t i = 0; i < a->nalist; i++) {
		bool any;
		enum account_kind k = account_kind_of(a->alist[i], &any);
		n[k] += any;
	}
	account_glance(g, a, n[ACCOUNTS_SPREAD], ACCOUNTS_SPREAD, 2,
		       P_("%zu SASL account sent from many networks at once: %s. Next: ask its owner; "
			  "unless it is shared on purpose, change its password.",
			  "%zu SASL accounts sent from many networks at once: %s. Next: ask their owners; "
			  "unless they are shared on purpose, change their passwords.", n[ACCOUNTS_SPREAD]));
	account_glance(g, a, n[ACCOUNTS_BULK], ACCOUNTS_BULK, 1,
		       P_("%zu SASL account sent in bulk with nothing unusual about it: %s. Next: "
			  "make sure its owner meant to.",
			  "%zu SASL accounts sent in bulk with nothing unusual about them: %s. Next: "
			  "make sure their owners meant to.", n[ACCOUNTS_BULK]));
	account_glance(g, a, n[ACCOUNTS_COMPROMISED], ACCOUNTS_COMPROMISED, 4,
		       P_("%zu SASL account looks compromised and sends spam: %s. Next: change its "
			  "password now (banning the address does not help).",
			  "%zu SASL accounts look compromised and send spam: %s. Next: change their "
			  "passwords now (banning the address does not help).", n[ACCOUNTS_COMPROMISED]));
}

/* campaign_next - a campaign's one next step */
static const char *campaign_next(const struct campaign *c)
{
	if (c->kind == CK_SLOW_AUTH && campaign_few_networks(c))
		return _("ban its /24 or /64 networks (postsleuth ban --aggregate), and offer AUTH only "
			 "on ports 587/465.");
	if (c->kind == CK_SLOW_AUTH)
		return _("per-address banning cannot stop it; offer AUTH only on ports 587/465 and "
			 "limit failures per username.");
	switch (c->verdict) {
	case V_AUTH_BRUTEFORCE:
		return _("ban them, and offer AUTH only on ports 587/465.");
	case V_RELAY_ATTEMPT:
		return _("nothing leaked; keep reject_unauth_destination.");
	case V_RELAY_ABUSE:
		return _("close the relay first (public-open-relay), then ban them.");
	case V_SPAM_REJECTED:
		return _("nothing: your restrictions refused them.");
	default:
		return c->kind == CK_NETWORK ? _("harmless; ban the network if they annoy you.")
					     : _("harmless; postscreen turns most away.");
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
		struct buf head = {0};
		campaign_headline(&head, c, in->a);
		/* TRANSLATORS: an item of the first screen: what, then the one next step */
		buf_printf(item(g, campaign_severity(c)), _("%s. Next: %s"), cstr(&head), campaign_next(c));
		buf_free(&head);
	}
	if (rest)
		buf_printf(item(g, rest_sev),
			   P_("%zu more campaign of clients that act alike (%llu addresses): see \"Campaigns\".",
			      "%zu more campaigns of clients that act alike (%llu addresses): see \"Campaigns\".",
			      rest),
			   rest, (unsigned long long)rest_addrs);
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
				buf_term(&keys, span_of(finding_key_words(d->list[j]->key)));
			}
			nkeys += !!d->list[j]->key[0];
		}
		if (nkeys > 3)
			buf_printf(&keys, P_(" and %zu more", " and %zu more", nkeys - 3), nkeys - 3);
		struct buf what = {0}, count = {0}, next = {0};
		buf_puts(&what, finding_title(x->id));
		what.p[0] = (char)toupper((unsigned char)what.p[0]);
		if (keys.n) {
			buf_puts(&what, " (");
			buf_put(&what, keys.p, keys.n);
			buf_putc(&what, ')');
		}
		buf_printf(&count, P_("%llu line", "%llu lines", lines), (unsigned long long)lines);
		if (rcpt)
			buf_printf(&count, P_(", %llu recipient", ", %llu recipients", rcpt),
				   (unsigned long long)rcpt);
		finding_next_step(&next, x->id);
		/* TRANSLATORS: a kind of server problem: its title (and where), how many log
		 * lines and recipients, what it costs, the one next step */
		buf_printf(item(g, sev), _("%s: %s; %s. Next: %s"), cstr(&what), cstr(&count),
			   finding_impact_words(diag_group_impact(x)), cstr(&next));
		buf_free(&what);
		buf_free(&count);
		buf_free(&next);
		buf_free(&keys);
	}
	if (minor == 1)
		buf_printf(item(g, 1), _("Minor: %s: see \"Problems found\"."), minor_title);
	else if (minor)
		buf_printf(item(g, 1),
			   P_("%zu minor kind of problem (%s, ...): see \"Problems found\".",
			      "%zu minor kinds of problem (%s, ...): see \"Problems found\".", minor),
			   minor, minor_title);
}

/* client_items - the clients outside the campaigns, by kind */
static void client_items(struct glances *g, const struct report_input *in)
{
	const struct analysis *a = in->a;
	size_t by[V__COUNT] = {0};
	uint64_t fails = 0;
	size_t nplaceholder_guess = 0;      /* guessers whose address the lines lack */
	size_t nsingle_guess = 0;           /* guessers with one failed login */
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
		if (a->clist[i]->verdict == V_AUTH_BRUTEFORCE) {
			fails += a->clist[i]->auth_failures;
			nsingle_guess += a->clist[i]->auth_failures <= 1;
			nplaceholder_guess += client_is_placeholder(a->clist[i]);
		}
	}
	size_t n;
	struct buf l = {0};
	/* failed logins from this server's own network, not judged (a
	 * gateway's address, or a device of the admin's: conclude.c's
	 * own_front): the guessing stays in view, the ban does not */
	size_t nown = 0;
	uint64_t own_fails = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		if (!analysis_own_failed_logins(c))
			continue;
		struct client_addr ip = client_addr(c);
		if (nown < GLANCE_ADDRS) {
			buf_puts(&l, nown ? ", " : "");
			buf_term(&l, span_of(ip.s));
		}
		nown++;
		own_fails += c->auth_failures > c->auth_backend_fail ? c->auth_failures - c->auth_backend_fail : 0;
	}
	if (nown) {
		if (nown > GLANCE_ADDRS)
			buf_printf(&l, P_(" and %zu more", " and %zu more", nown - GLANCE_ADDRS),
				   nown - GLANCE_ADDRS);
		buf_printf(item(g, 3),
			   P_("%zu address of your own network failed SASL logins (%s; failed logins: "
			      "%llu): a device of yours with a wrong password, or a gateway (Docker's "
			      "published ports, a NAT) through which password guessers arrive. Next: find "
			      "the real clients; never ban that address.",
			      "%zu addresses of your own network failed SASL logins (%s; failed logins: "
			      "%llu): devices of yours with a wrong password, or gateways (Docker's "
			      "published ports, a NAT) through which password guessers arrive. Next: find "
			      "the real clients; never ban those addresses.", nown),
			   nown, cstr(&l), (unsigned long long)own_fails);
		l.n = 0;
	}
	if ((n = by[V_AUTH_SUCCESS_AFTER_FAILURES]))
		buf_printf(item(g, 4),
			   P_("%zu address logged in after failed password attempts (%s). Next: ask the "
			      "account's owner whether that login was theirs.",
			      "%zu addresses logged in after failed password attempts (%s). Next: ask the "
			      "account's owner whether that login was theirs.", n),
			   n, addrs(&l, in, V_AUTH_SUCCESS_AFTER_FAILURES, n));
	if ((n = by[V_AUTH_BRUTEFORCE]) && n == nplaceholder_guess)
		buf_printf(item(g, 3),
			   P_("%zu client guessed SASL passwords, its address not in these lines (failed "
			      "logins: %llu). Next: find its address in the full log before banning, and "
			      "offer AUTH only on ports 587/465.",
			      "%zu clients guessed SASL passwords, their addresses not in these lines "
			      "(failed logins: %llu). Next: find their addresses in the full log before "
			      "banning, and offer AUTH only on ports 587/465.", n),
			   n, (unsigned long long)fails);
	else if (n && n == nsingle_guess)
		/* one failed login each: what a user's mistyped password looks
		 * like too; the verdict stands, the glance says how little
		 * proves it */
		buf_printf(item(g, 3),
			   P_("%zu address failed one SASL login (%s): alone that proves little (a user "
			      "mistyping a password looks the same). Next: ban it only if it comes back "
			      "(the older logs, or watch), and offer AUTH only on ports 587/465.",
			      "%zu addresses failed one SASL login each (%s): alone that proves little (a "
			      "user mistyping a password looks the same). Next: ban them only if they come "
			      "back (the older logs, or watch), and offer AUTH only on ports 587/465.", n),
			   n, addrs(&l, in, V_AUTH_BRUTEFORCE, n));
	else if (n)
		buf_printf(item(g, 3),
			   P_("%zu address guessed SASL passwords (%s; failed logins: %llu). Next: ban "
			      "it (postsleuth ban), and offer AUTH only on ports 587/465.",
			      "%zu addresses guessed SASL passwords (%s; failed logins: %llu). Next: ban "
			      "them (postsleuth ban), and offer AUTH only on ports 587/465.", n),
			   n, addrs(&l, in, V_AUTH_BRUTEFORCE, n), (unsigned long long)fails);
	if ((n = by[V_RELAY_ATTEMPT]))
		buf_printf(item(g, 3),
			   P_("%zu address tested for an open relay and was refused (%s). Next: nothing "
			      "leaked; keep reject_unauth_destination.",
			      "%zu addresses tested for an open relay and were refused (%s). Next: nothing "
			      "leaked; keep reject_unauth_destination.", n),
			   n, addrs(&l, in, V_RELAY_ATTEMPT, n));
	size_t nuis = 0;
	for (int v = 0; v < V__COUNT; v++)
		if (verdict_severity((enum verdict)v) == 2)
			nuis += by[v];
	if (nuis) {
		/* the kinds by their ids (non-smtp-probe, ...): the same words in every language */
		l.n = 0;
		bool first = true;
		for (int v = V__COUNT - 1; v >= 0; v--)
			if (by[v] && verdict_severity((enum verdict)v) == 2) {
				buf_printf(&l, "%s%zu %s", first ? "" : ", ", by[v], verdict_id((enum verdict)v));
				first = false;
			}
		struct buf camp = {0};
		if (alike)
			buf_printf(&camp, P_(", %zu of them in %zu campaign of alike clients",
					     ", %zu of them in %zu campaigns of alike clients", alike),
				   nalike, alike);
		/* TRANSLATORS: the second %s is empty or ", N of them in N campaigns of alike clients" */
		buf_printf(item(g, 2),
			   P_("%zu address only probed or was refused (%s)%s. Next: harmless; postscreen "
			      "turns most of them away.",
			      "%zu addresses only probed or were refused (%s)%s. Next: harmless; postscreen "
			      "turns most of them away.", nuis),
			   nuis, cstr(&l), cstr(&camp));
		buf_free(&camp);
	}
	/* among them, real mail servers refused by a blocklist or a bare
	 * "Access denied": "What to do" asks whether their mail was wanted */
	size_t wanted = 0;
	l.n = 0;
	for (size_t i = 0; i < in->a->nclist; i++) {
		const struct client *c = in->a->clist[i];
		if (!client_listed_server(in->a, c) && !client_denied_server(in->a, c))
			continue;
		if (wanted < GLANCE_ADDRS) {
			buf_puts(&l, wanted ? ", " : "");
			buf_term(&l, span_of(client_shown(c).s));
		}
		wanted++;
	}
	if (wanted > GLANCE_ADDRS)
		buf_printf(&l, P_(" and %zu more", " and %zu more", wanted - GLANCE_ADDRS), wanted - GLANCE_ADDRS);
	if (wanted)
		buf_printf(item(g, 2),
			   P_("%zu refused address looks like a real mail server (%s). Next: ask whether "
			      "its mail was wanted (What to do).",
			      "%zu refused addresses look like real mail servers (%s). Next: ask whether "
			      "their mail was wanted (What to do).", wanted),
			   wanted, cstr(&l));
	if ((n = by[V_SHARED_FRONT]))
		buf_printf(item(g, 2),
			   P_("%zu address of your own network logs in for several users, failed logins "
			      "included (%s): a webmail, proxy or NAT. Next: judge the accounts, never ban "
			      "it.",
			      "%zu addresses of your own network log in for several users, failed logins "
			      "included (%s): webmails, proxies or NATs. Next: judge the accounts, never ban "
			      "them.", n),
			   n, addrs(&l, in, V_SHARED_FRONT, n));
	if ((n = by[V_STALE_PASSWORD]))
		buf_printf(item(g, 2),
			   P_("%zu address kept trying the old password of a user who logs in from "
			      "elsewhere (%s). Next: ask the user to update it on that device; do not ban it.",
			      "%zu addresses kept trying the old passwords of users who log in from "
			      "elsewhere (%s). Next: ask the users to update them on those devices; do not "
			      "ban them.", n),
			   n, addrs(&l, in, V_STALE_PASSWORD, n));
	buf_free(&l);
	if ((n = by[V_UNKNOWN] > nown ? by[V_UNKNOWN] - nown : 0)) /* not those told above */
		buf_printf(item(g, 1), P_("%zu address left too little evidence to judge.",
					  "%zu addresses left too little evidence to judge.", n), n);
	if ((n = by[V_TLS_FAILURE]))
		buf_printf(item(g, 1), P_("%zu address failed the TLS handshake; the clients section "
					  "says why.",
					  "%zu addresses failed the TLS handshake; the clients section "
					  "says why.", n), n);
	size_t users_tls = 0;
	for (size_t i = 0; i < a->nclist; i++)
		users_tls += a->clist[i]->verdict == V_LEGITIMATE && client_tls_at_once(a, a->clist[i]);
	size_t devices = 0;
	for (size_t i = 0; i < a->nclist; i++)
		devices += a->clist[i]->verdict == V_UNKNOWN && verdict_device_logins(a->clist[i]);
	if (devices)
		buf_printf(item(g, 1), P_("%zu address failed to log in as a mail program does whose "
					  "password is wrong (a user's device, not a guesser): its mail "
					  "does not go out. Next: ask the user to correct it.",
					  "%zu addresses failed to log in as mail programs do whose "
					  "passwords are wrong (users' devices, not guessers): their mail "
					  "does not go out. Next: ask the users to correct them.", devices),
			   devices);
	if (users_tls)
		buf_printf(item(g, 1), P_("%zu address your users log in from also opened with TLS on a "
					  "plain port: a mail program set to SSL/TLS instead of STARTTLS "
					  "(see What to do).",
					  "%zu addresses your users log in from also opened with TLS on a "
					  "plain port: mail programs set to SSL/TLS instead of STARTTLS "
					  "(see What to do).", users_tls), users_tls);
	if ((n = by[V_LEGITIMATE]))
		buf_printf(item(g, 0), P_("%zu client sent ordinary mail or logged in.",
					  "%zu clients sent ordinary mail or logged in.", n), n);
	if ((n = by[V_HEALTH_CHECK]))
		buf_printf(item(g, 0), P_("%zu address of this server's own network or a monitor only "
					  "connected and left (a health check).",
					  "%zu addresses of this server's own network or a monitor only "
					  "connected and left (health checks).", n), n);
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
		buf_printf(item(&g, orphans_alarming(&a->orphans) ? 3 : 2),
			   P_("%llu recipient of mail whose sender is not in this log was refused by a "
			      "remote server as spam, virus or policy violation. Next: look its queue ID "
			      "up in older logs (see \"Mail whose origin is not in this log\").",
			      "%llu recipients of mail whose sender is not in this log were refused by "
			      "remote servers as spam, virus or policy violation. Next: look their queue "
			      "IDs up in older logs (see \"Mail whose origin is not in this log\").",
			      a->orphans.remote_content_rejects),
			   (unsigned long long)a->orphans.remote_content_rejects);
	campaign_items(&g, in);
	finding_items(&g, in->diag);
	client_items(&g, in);
	if (in->feed->by_type[EV_TLS_READ] || in->feed->by_type[EV_SMTP_IN])
		buf_puts(item(&g, 2), _("Debug logging is on: the log holds what clients sent, AUTH credentials "
			 "included. Next: turn it back down and protect these logs."));
	if (g.n)
		qsort(g.v, g.n, sizeof *g.v, cmp_glance); /* own list: the items made above */

	if (in->color)
		buf_puts(b, "\033[1m");
	buf_puts(b, _("At a glance, most serious first"));
	if (in->color)
		buf_puts(b, "\033[0m");
	buf_putc(b, '\n');
	size_t used = lines_before + 1, shown = 0;
	if (!g.n) {
		buf_puts(b, _("  No client sessions, accounts or server problems in this log.\n"));
		used++;
	}
	for (size_t i = 0; i < g.n; i++) {
		buf_putc(&g.v[i].t, 0);
		struct buf w = {0};
		wrap_text(&w, g.v[i].t.p, 4, REPORT_WIDTH);
		if (w.n >= 4)
			memcpy(w.p + 2, "- ", 2);
		size_t n = lines_of(&w);
		/* keep a line for "... more" unless this is the last item (the
		 * JSON copy, unfolded, keeps every item) */
		if (!wrap_is_unbounded() && used + n + (i + 1 < g.n) > REPORT_SCREEN - 1) {
			buf_free(&w);
			break;
		}
		buf_put(b, w.p, w.n);
		used += n;
		shown++;
		buf_free(&w);
	}
	if (shown < g.n)
		buf_printf(b, _("  ... and %zu more below.\n"), g.n - shown);
	buf_putc(b, '\n');
	for (size_t i = 0; i < g.n; i++)
		buf_free(&g.v[i].t);
	free(g.v);
}
