/*
 * users.c - the mail programs of this server's own users in trouble,
 * which only the end of the log tells apart from strangers:
 *  - one that fails the TLS handshake: the lines of failed handshakes are
 *    kept per client address as they go by (the first DIAG_TLS_CLIENTS
 *    addresses); at the end, once the analysis tells which addresses are
 *    users' (they log in, or hand over mail from the own network), theirs
 *    become user-client-tls-failed, and the benign "clients fail the TLS
 *    handshake" keeps only the others (scanners, old servers);
 *  - one whose mail this server's own checks refuse in a session where it
 *    logged in (a DNS blocklist, a rate limit, a HELO or name check put
 *    before permit_sasl_authenticated): the refusals of each session wait
 *    for its disconnect line, whose command counts say whether AUTH
 *    succeeded (user-client-refused); refused in a session without a
 *    login, from an address where a user logs in elsewhere: the user's
 *    mail program sending without AUTH, or another machine behind that
 *    address (user-address-refused-without-login).
 * Also the per-client line keeping that accepted.c's "Relay access
 * denied" uses.
 */
#include "diag_internal.h"
#include "../analyze/analysis.h"
#include "../analyze/verdicts.h"
#include "../parse/reply_words.h"
#include "../util/cidr.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void user_refused(struct diag *d, struct diag_relay *r);

/* diag_note_line - one more line of a kept client: its count, the times
 * it spans, and its first samples */
void diag_note_line(struct diag_relay *r, const struct event *ev, bool show_secrets)
{
	r->lines++;
	diag_line_time(&r->first, &r->last, ev->line);
	if (r->nsample < DIAG_SAMPLES)
		r->sample[r->nsample++] = diag_sample_copy(ev->line, show_secrets);
}

/* note_group - a kept client's lines handed to the group (id, key): its
 * address, count, times and samples; false when the group table is full
 * (the lines are then counted as dropped) */
static bool note_group(struct diag *d, enum finding_id id, const char *key, struct diag_relay *r)
{
	struct diag_group *g = diag_group_get(d, id, key);
	if (!g) {
		d->dropped += r->lines;
		return false;
	}
	strset_add(&g->subjects, span_of(r->ip));
	g->lines += r->lines;
	if (r->first.us) {
		diag_group_time(g, r->first);
		diag_group_time(g, r->last);
	}
	diag_samples_take(g, r->sample, r->nsample);
	return true;
}

/* diag_client_note - one more line of a client kept until the end (its
 * count, times and first samples), in a fixed table of cap clients; a
 * client past the table's size is not kept.  tags[i] is diag_ip_tag of
 * tab[i].ip: the address is looked for only where its tag is (memchr
 * over the tags; speed29: a full table of 64 refused clients was
 * compared entry by entry for every new one, about 450 instructions) */
struct diag_relay *diag_client_note(struct diag_relay *tab, uint8_t *tags, uint32_t *n, uint32_t cap,
				    struct span ip, const struct event *ev, bool show_secrets)
{
	if (!ip.n || ip.n >= sizeof tab[0].ip)
		return NULL;
	struct diag_relay *r = NULL;
	/* a kept address is a C string: it is ip when its first ip.n bytes
	 * are ip's and a NUL ends it there, which no ip with a NUL inside
	 * can be (no strlen of each of the table's addresses per line) */
	const char *nul = memchr(ip.p, 0, ip.n);
	/* the tag of the kept C string: ip up to a NUL inside */
	uint8_t tag = diag_ip_tag(nul ? span_make(ip.p, (size_t)(nul - ip.p)) : ip);
	if (!nul)
		for (const uint8_t *t = tags, *end = tags + *n; t < end && (t = memchr(t, tag, (size_t)(end - t)));
		     t++) {
			struct diag_relay *c = &tab[t - tags];
			if (bytes_eq(c->ip, ip.p, ip.n) && !c->ip[ip.n]) {
				r = c;
				break;
			}
		}
	if (!r) {
		if (*n == cap)
			return NULL;
		tags[*n] = tag;
		r = &tab[(*n)++];
		memcpy(r->ip, ip.p, ip.n);
		r->ip[ip.n] = 0;
	}
	diag_note_line(r, ev, show_secrets);
	return r;
}

/* diag_tls_note - a failed handshake's line, of the client ip: a
 * hang-up ("SSL_accept error ...: -1", its key) apart from the lines that
 * tell why, which are told first (tls_settings in diagnose.c likewise) */
void diag_tls_note(struct diag *d, const struct event *ev, const char *ip, const char *key)
{
	if (!strcmp(key, "the client hung up mid-handshake"))
		diag_client_note(d->tlshang, d->tlshang_tag, &d->ntlshang, DIAG_TLS_CLIENTS, span_of(ip), ev,
				 d->show_secrets);
	else
		diag_client_note(d->tlsfail, d->tlsfail_tag, &d->ntlsfail, DIAG_TLS_CLIENTS, span_of(ip), ev,
				 d->show_secrets);
}

/* diag_sasl_note - a login that this server's SASL backend failed */
void diag_sasl_note(struct diag *d, const struct event *ev)
{
	struct diag_relay *r =
	    diag_client_note(d->saslfail, d->saslfail_tag, &d->nsaslfail, DIAG_TLS_CLIENTS, ev->client_ip, ev, d->show_secrets);
	if (r && !r->why[0])
		snprintf(r->why, sizeof r->why, "%s", ev_sasl_backend_name(ev));
}

/* is_user - the analysis calls the client one of the admin's own
 * (VERDICTS' "own" column) and it is a user's: it logs in, or hands over
 * mail from the own network (loopback, a private address) */
static bool is_user(const struct client *c, const char *ip)
{
	if (!verdict_row(c->verdict)->own)
		return false;
	if (c->auth_successes || c->auth_ok_sessions)
		return true;
	struct cidr x;
	return c->messages && cidr_addr(ip, &x) && cidr_own(&x);
}

/* user_tls - a user's address whose handshakes failed: its own
 * user-client-tls-failed group, with its lines */
static void user_tls(struct diag *d, struct diag_relay *r)
{
	if (note_group(d, F_IN_USER_TLS_FAILED, r->ip, r))
		strset_add(&d->user_tls_ips, span_of(r->ip));
}

/* table_of - the kept table UT_* and its size */
static struct diag_relay *table_of(struct diag *d, int t, uint32_t *n)
{
	switch (t) {
	case UT_TLSFAIL:
		return *n = d->ntlsfail, d->tlsfail;
	case UT_TLSHANG:
		return *n = d->ntlshang, d->tlshang;
	case UT_USERREF:
		return *n = d->nuserref, d->userref;
	case UT_NOAUTHREF:
		return *n = d->nnoauthref, d->noauthref;
	default:
		return *n = d->nsaslfail, d->saslfail;
	}
}

/* um_slot - the slot of client number num: its own, or the empty one
 * where it would go (the table is never full: see UM_SLOTS) */
static size_t um_slot(const struct user_marks *um, uint32_t num)
{
	size_t i = (size_t)((num * 0x9E3779B1u) >> 22) & (UM_SLOTS - 1);
	while (um->slot[i].num && um->slot[i].num != num + 1)
		i = (i + 1) & (UM_SLOTS - 1);
	return i;
}

/* diag_user_marks - where each client is in the kept tables: for a
 * client and table t, at[t] is 1 + the index of the first entry whose
 * address is the client's address text (client_addr), 0 for none (what
 * a search of the table for that text would find).  Each entry is looked
 * up once among the clients, rather than each client's text made and
 * searched for in five tables (speed18): an entry names the client its
 * text finds, when that client's text is the entry's (an address written
 * otherwise, "2001:DB8::1", names none, as the search by text found
 * none).  um: a table of fixed size, whatever the number of clients */
void diag_user_marks(struct diag *d, struct analysis *a, struct user_marks *um)
{
	_Static_assert(UM_SLOTS >= 2 * UT__COUNT * DIAG_TLS_CLIENTS, "room for every entry");
	_Static_assert((UM_SLOTS & (UM_SLOTS - 1)) == 0, "a power of two");
	memset(um, 0, sizeof *um);
	for (int t = 0; t < UT__COUNT; t++) {
		uint32_t n;
		struct diag_relay *tab = table_of(d, t, &n);
		for (uint32_t j = 0; j < n; j++) {
			const struct client *c = analysis_client(a, tab[j].ip);
			if (!c)
				continue;
			uint32_t num = analysis_client_number(a, c);
			size_t i = um_slot(um, num);
			if (um->slot[i].at[t] || strcmp(client_addr(c).s, tab[j].ip))
				continue;
			um->slot[i].num = num + 1;
			um->slot[i].at[t] = (uint8_t)(j + 1);
		}
	}
}

/* diag_user_marks_of - client number num's entries (UT__COUNT bytes), or
 * NULL when it is in no table */
const uint8_t *diag_user_marks_of(const struct user_marks *um, uint32_t num)
{
	size_t i = um_slot(um, num);
	return um->slot[i].num ? um->slot[i].at : NULL;
}

/* marked - the client's entry in table t by the marks, or NULL */
static struct diag_relay *marked(struct diag *d, const uint8_t *m, int t)
{
	uint32_t n;
	struct diag_relay *tab = table_of(d, t, &n);
	return m[t] ? &tab[m[t] - 1] : NULL;
}

/* known_sender - a client that never logs in, refused without a login by
 * this server's checks (the kept refusals of noauthref): a large
 * provider's server, or one whose other mail this server accepts refused
 * by an SPF, DKIM or DMARC check (mail it forwards or a list it runs:
 * forwarded mail fails them through no fault of its own); in the group of
 * the refusal's cause.  A blocklist refusing a server that got mail
 * through earlier is no sign of a good sender: snowshoe spam is listed
 * after its first messages; nor is a provider's sender refused by name
 * (r: the client's kept refusals in noauthref, or NULL) */
static void known_sender(struct diag *d, const struct client *c, const char *ip, struct diag_relay *r)
{
	if (!r || diag_addr_kind(span_of(ip)) != ADDR_PUBLIC)
		return;
	bool auth = ev_sender_auth_text(span_of(r->why));
	bool forwarded = auth && c->messages && c->verdict == V_LEGITIMATE;
	/* a provider's user refused by name (check_sender_access: one
	 * address blocked on purpose) is no check against the provider */
	bool sender_block = !auth && strstr(r->why, "Sender address rejected");
	if (((r->provider && !sender_block) || forwarded) &&
	    note_group(d, F_IN_KNOWN_SENDER_REFUSED, r->why, r))
		strset_add(&d->known_ips, span_of(ip));
}

/* diag_user_tls - the users' addresses among those whose handshakes
 * failed, told by the lines that say why, else by the hang-ups (called
 * with the analysis, before diag_finish) */
void diag_user_tls(struct diag *d, struct analysis *a)
{
	if (!d->ntlsfail && !d->ntlshang && !d->nuserref && !d->nnoauthref && !d->nsaslfail)
		return;
	struct user_marks *um = xmalloc(sizeof *um);
	diag_user_marks(d, a, um);
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		const uint8_t *m = diag_user_marks_of(um, analysis_client_number(a, c));
		/* a client in none of the tables has nothing asked of it
		 * (most of a spammed server's) */
		if (!m)
			continue;
		/* each of the four asks for one of the admin's own clients,
		 * but for a large provider's server refused (known_sender) */
		if (!verdict_row(c->verdict)->own) {
			if (d->nnoauthref && !verdict_hostile(c->verdict) && c->rejects)
				known_sender(d, c, client_addr(c).s, marked(d, m, UT_NOAUTHREF));
			/* logins from this host's own network (a proxy or
			 * webmail on loopback, a container gateway) that the
			 * backend failed, and none by a password: the backend,
			 * however little else the log tells of the client */
			struct diag_relay *s = marked(d, m, UT_SASLFAIL);
			if (s && !c->pw_failures && !d->sasl_down_seen && !verdict_hostile(c->verdict) &&
			    diag_addr_kind(span_of(client_addr(c).s)) != ADDR_PUBLIC)
				(void)note_group(d, F_SASL_BACKEND_FAILS, s->why, s);
			continue;
		}
		struct client_addr ip = client_addr(c);
		struct diag_relay *r = marked(d, m, UT_TLSFAIL);
		if (!r)
			r = marked(d, m, UT_TLSHANG);
		if (r && is_user(c, ip.s))
			user_tls(d, r);
		/* a compromised account's mail refused is the checks working */
		r = marked(d, m, UT_USERREF);
		if (r)
			user_refused(d, r);
		/* refused without a login from an address where a user logs
		 * in: the user's mail program on port 25 without AUTH, or
		 * another machine behind the same address (NAT) */
		r = marked(d, m, UT_NOAUTHREF);
		if (r && (c->auth_successes || c->auth_ok_sessions) &&
		    diag_addr_kind(span_of(ip.s)) == ADDR_PUBLIC &&
		    note_group(d, F_IN_USER_NOAUTH_REFUSED, r->why, r))
			strset_add(&d->noauth_ips, span_of(ip.s));
		else if (r && !(c->auth_successes || c->auth_ok_sessions))
			known_sender(d, c, ip.s, r);
		/* its logins failed by the backend, and none by a password */
		r = marked(d, m, UT_SASLFAIL);
		if (r && !c->pw_failures && !d->sasl_down_seen)
			(void)note_group(d, F_SASL_BACKEND_FAILS, r->why, r);
	}
	free(um);
}

/* user_sample - the sample line is one of the users' kept lines */
static bool user_sample(const struct diag *d, const char *line)
{
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *u = d->list[i];
		if (u->id != F_IN_USER_TLS_FAILED)
			continue;
		for (uint32_t j = 0; j < u->nsample; j++)
			if (u->sample[j] && !strcmp(u->sample[j], line))
				return true;
	}
	return false;
}

/* user_lines - how many lines of g's the users' kept tables hold */
static uint64_t user_lines(const struct diag *d, const struct diag_group *g)
{
	uint64_t n = 0;
	bool hang = !strcmp(g->key, "the client hung up mid-handshake");
	const struct diag_relay *tab = hang ? d->tlshang : d->tlsfail;
	uint32_t nt = hang ? d->ntlshang : d->ntlsfail;
	for (uint32_t i = 0; i < nt; i++)
		if (strset_has(&g->subjects, span_of(tab[i].ip)) &&
		    strset_has(&d->user_tls_ips, span_of(tab[i].ip)))
			n += tab[i].lines;
	return n;
}

/* strip_users - the users' part of a group of failed handshakes taken out
 * (told by user-client-tls-failed): their lines, addresses and samples;
 * true when nothing else is left */
static bool strip_users(struct diag *d, struct diag_group *g)
{
	size_t n = 0;
	const char **all = diag_subjects(g, &n);
	size_t users = 0;
	for (size_t j = 0; j < n; j++)
		users += strset_has(&d->user_tls_ips, span_of(all[j]));
	if (!users || users == n) {
		free(all);
		return users && users == n;
	}
	uint64_t ul = user_lines(d, g);
	g->lines = g->lines > ul ? g->lines - ul : 0;
	struct strset rest;
	strset_init(&rest, DIAG_SUBJECTS);
	for (size_t j = 0; j < n; j++)
		if (!strset_has(&d->user_tls_ips, span_of(all[j])))
			strset_add(&rest, span_of(all[j]));
	free(all);
	strset_free(&g->subjects);
	g->subjects = rest;
	uint32_t k = 0;
	for (uint32_t j = 0; j < g->nsample; j++) {
		if (g->sample[j] && user_sample(d, g->sample[j]))
			free(g->sample[j]);
		else
			g->sample[k++] = g->sample[j];
	}
	g->nsample = k;
	/* the others' kept lines stand in for the samples taken out */
	bool hang = !strcmp(g->key, "the client hung up mid-handshake");
	struct diag_relay *tab = hang ? d->tlshang : d->tlsfail;
	uint32_t nt = hang ? d->ntlshang : d->ntlsfail;
	for (uint32_t i = 0; i < nt && g->nsample < DIAG_SAMPLES; i++) {
		if (strset_has(&g->subjects, span_of(tab[i].ip)))
			diag_samples_take(g, tab[i].sample, tab[i].nsample);
	}
	return false;
}

/* diag_user_tls_fold - groups of failed handshakes lose the users' part
 * (told by user-client-tls-failed); a group of users only leaves the list */
void diag_user_tls_fold(struct diag *d)
{
	if (!strset_len(&d->user_tls_ips))
		return;
	size_t k = 0;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if ((g->id == F_TLS_HANDSHAKE_IN || g->id == F_TLS_SETTINGS_IN) && strip_users(d, g))
			diag_group_drop(d, g);
		else
			d->list[k++] = g;
	}
	d->nlist = k;
}

/* ---- a logged-in user's mail refused by this server's own checks ---- */

/* the user's own mistakes: the mail program tells the user at once.
 * Three hold "nknown" and two " address": each group is searched for
 * only when the text holds its common part (seven searches become four
 * on most refusals) */
static const char *const typing_nknown[] = {"User unknown", "user unknown", "Unknown user", NULL};
static const char *const typing_address[] = {"undeliverable address", "unverified address", NULL};

/* has_blank_address - r holds " address": an "ddress" with " a" before
 * it (speed29: a search anchored on the blank stopped at every space of
 * the refusal, about 12 memchr calls; 'd' is rarer) */
static bool has_blank_address(struct span r)
{
	for (size_t from = 0;;) {
		ptrdiff_t k = span_index(span_skip(r, from), "ddress");
		if (k < 0)
			return false;
		size_t at = from + (size_t)k;
		if (at >= 2 && r.p[at - 2] == ' ' && r.p[at - 1] == 'a')
			return true;
		from = at + 1;
	}
}

/* holds_from - r holds needle (n bytes), searched for from its byte at k
 * on (a byte rarer in refusals than its first, where memchr stops less
 * often: "need fully-qualified address" by its '-', "nknown" by its 'k'
 * rather than at every 'n' of "command", "not found"), the k bytes
 * before compared in place; every place of the rest is tried */
static bool holds_from(struct span r, const char *needle, size_t n, size_t k)
{
	for (size_t from = k;;) {
		ptrdiff_t j = span_index_n(span_skip(r, from), needle + k, n - k);
		if (j < 0)
			return false;
		size_t at = from + (size_t)j; /* >= k */
		if (!memcmp(r.p + at - k, needle, k))
			return true;
		from = at + 1;
	}
}

/* typing_mistake - r holds one of the user's own mistakes above, or an
 * address without its domain ("Sender address rejected: need
 * fully-qualified address", reject_non_fqdn_sender / _recipient); the
 * HELO check's "need fully-qualified hostname" (reject_non_fqdn_helo_
 * hostname: Outlook's EHLO DESKTOP-XXXX) is no mistake of the user's but
 * this server's restriction put before permit_sasl_authenticated */
static bool typing_mistake(struct span r)
{
	if (span_index(r, "Domain not found") >= 0 || holds_from(r, "need fully-qualified address", 28, 10))
		return true;
	if (holds_from(r, "nknown", 6, 1))
		for (int i = 0; typing_nknown[i]; i++)
			if (span_index(r, typing_nknown[i]) >= 0)
				return true;
	if (has_blank_address(r))
		for (int i = 0; typing_address[i]; i++)
			if (span_index(r, typing_address[i]) >= 0)
				return true;
	return false;
}

/* quote_into - what snprintf(out, n, "\"%.*s\"", (int)k, p) writes (k <=
 * 120): the bytes up to a NUL among the first k, between quotes, cut to
 * n - 1 bytes; without snprintf's 670 instructions a refusal */
static void quote_into(char *out, size_t n, const char *p, size_t k)
{
	if (!n)
		return;
	const char *nul = memchr(p, 0, k);
	if (nul)
		k = (size_t)(nul - p);
	size_t w = 0;
	if (w + 1 < n)
		out[w++] = '"';
	size_t c = k < n - 1 - w ? k : n - 1 - w;
	memcpy(out + w, p, c);
	w += c;
	if (w + 1 < n)
		out[w++] = '"';
	out[w] = 0;
}

/* diag_refusal_why - the cause a refusal is grouped by, quoted (the
 * server's own reply, never translated): its words without the address
 * it starts with, a blocklist by its name, cut at the first ';' or
 * bracketed address; false for a typing mistake */
bool diag_refusal_why(const struct event *ev, char *out, size_t n)
{
	struct span r = ev->reason;
	ptrdiff_t gt = span_index(r, ">: ");
	if (r.n && r.p[0] == '<' && gt >= 0)
		r = span_skip(r, (size_t)gt + 3);
	if (typing_mistake(r))
		return false;
	/* r is a part of the reason: none there when the reason's kept
	 * words hold none (speed31) */
	ptrdiff_t bl = ev_reply_lacks(ev, RW_BIT(RW_BLOCKED)) ? -1 : span_index(r, "blocked using ");
	if (bl >= 0) {
		r = span_skip(r, (size_t)bl);
		size_t k = 14;
		while (k < r.n && r.p[k] != ';' && r.p[k] != ' ' && r.p[k] != ',')
			k++;
		r = span_head(r, k);
	} else {
		ptrdiff_t cut = span_chr(r, ';');
		if (cut >= 0)
			r = span_head(r, (size_t)cut);
		cut = span_index(r, " [");
		if (cut > 0)
			r = span_head(r, (size_t)cut);
		if (r.n && r.p[r.n - 1] == ',')
			r.n--;
	}
	if (!r.n)
		return false;
	quote_into(out, n, r.p, r.n > 120 ? 120 : r.n);
	return true;
}

/* serving_slot - the slot of the line's smtpd process serving its client */
static int serving_slot(const struct diag *d, const struct event *ev)
{
	if (ev->line->pid < 0)
		return -1;
	/* the pid's one slot with an address, when it serves this client */
	int i = diag_serving_find(d, ev->line->pid);
	if (i >= 0 && (!ev->client_ip.n || span_eqs(ev->client_ip, d->serving[i].ip)))
		return i;
	return -1;
}

/* diag_serving_reset - a slot's session begins: nothing refused yet */
void diag_serving_reset(struct diag *d, uint32_t slot)
{
	d->serving[slot].refused = 0;
	d->serving[slot].why[0] = 0;
	d->serving[slot].content = d->serving[slot].provider = false;
	free(d->serving[slot].sample);
	d->serving[slot].sample = NULL;
}

/* diag_user_refusal - smtpd refused something (a "reject" or a
 * milter's "milter-reject" no rule explains): kept with its session
 * until the disconnect line, with whether the first is a milter's
 * verdict on the content (not on the sender's SPF, DKIM or DMARC) and
 * whether the client is a large provider's server */
void diag_user_refusal(struct diag *d, const struct event *ev, unsigned kept, const char *kept_why)
{
	bool milter = span_eqs(ev->action, "milter-reject");
	if (!milter && !span_eqs(ev->action, "reject"))
		return;
	int i = serving_slot(d, ev);
	if (i < 0)
		return;
	if (!d->serving[i].refused++) {
		unsigned a = kept;
		if (a) {
			/* the same size as the note's h.key it was asked into */
			_Static_assert(sizeof d->serving[i].why == DIAG_KEY_MAX, "a kept cause fits");
			if (a & DIAG_REFUSAL_WHY)
				memcpy(d->serving[i].why, kept_why, strlen(kept_why) + 1);
		} else {
			a = diag_refusal_ask(ev, d->serving[i].why, sizeof d->serving[i].why);
		}
		if (!(a & DIAG_REFUSAL_WHY)) {
			d->serving[i].refused = 0;
			return;
		}
		d->serving[i].sample = diag_sample_copy(ev->line, d->show_secrets);
		d->serving[i].content = (a & DIAG_REFUSAL_CONTENT) != 0;
		d->serving[i].provider = (a & DIAG_REFUSAL_PROVIDER) != 0;
	}
}

/* diag_refusal_ask - see diag_internal.h: the one function both threads
 * ask (the rules' diag_front ahead, diag_user_refusal if not kept) */
unsigned diag_refusal_ask(const struct event *ev, char *why, size_t n)
{
	if (ev->type != EV_REJECT || !span_eqs(ev->line->daemon, "smtpd"))
		return 0;
	bool milter = span_eqs(ev->action, "milter-reject");
	if (!milter && !span_eqs(ev->action, "reject"))
		return 0;
	if (!diag_refusal_why(ev, why, n))
		return DIAG_REFUSAL_ASKED;
	unsigned a = DIAG_REFUSAL_ASKED | DIAG_REFUSAL_WHY;
	if (milter && !ev_sender_auth_text(ev->reason))
		a |= DIAG_REFUSAL_CONTENT;
	if (ev_provider_server(ev->client_name, ev->client_ip, ev->helo))
		a |= DIAG_REFUSAL_PROVIDER;
	return a;
}

/* noauth_note - a refusal in a session without a login, kept for the
 * end; when the table is full, an address that logged in earlier takes
 * the place of one that did not (spammers' refusals fill it first) */
static struct diag_relay *noauth_note(struct diag *d, const struct event *ev)
{
	struct diag_relay *r = diag_client_note(d->noauthref, d->noauthref_tag, &d->nnoauthref, DIAG_TLS_CLIENTS,
						ev->client_ip, ev, d->show_secrets);
	if (r || ev->client_ip.n >= sizeof r->ip || !strset_has(&d->login_ips, ev->client_ip))
		return r;
	for (uint32_t i = 0; i < d->nnoauthref; i++) {
		r = &d->noauthref[i];
		if (strset_has(&d->login_ips, span_of(r->ip)))
			continue;
		for (uint32_t j = 0; j < r->nsample; j++)
			free(r->sample[j]);
		memset(r, 0, sizeof *r);
		memcpy(r->ip, ev->client_ip.p, ev->client_ip.n);
		d->noauthref_tag[i] = diag_ip_tag(span_of(r->ip)); /* up to a NUL inside */
		diag_note_line(r, ev, d->show_secrets);
		return r;
	}
	return NULL;
}

/* diag_user_disconnect - the session ends: its refusals are a user's when
 * it logged in (AUTH succeeded, by the command counts); without a login,
 * they wait for the end, which tells whether a user logs in from there */
void diag_user_disconnect(struct diag *d, const struct event *ev)
{
	bool login = false;
	for (unsigned k = 0; k < ev->nstats && k < CMD_STATS_MAX; k++)
		if (span_eqs(ev->stats[k].name, "auth") && ev->stats[k].ok)
			login = true;
	if (login && ev->client_ip.n)
		strset_add(&d->login_ips, ev->client_ip);
	int i = serving_slot(d, ev);
	if (i < 0 || !d->serving[i].refused)
		return;
	/* relaying refused without a login has its own findings
	 * (user-client-relay-denied, own-client-relay-denied: accepted.c);
	 * a milter's content verdict without a login is the check working
	 * (spam a forwarder or a backup MX passes on is still spam) */
	if (!login && (d->serving[i].content || strstr(d->serving[i].why, "Relay access denied"))) {
		diag_serving_reset(d, (uint32_t)i);
		return;
	}
	{
		struct diag_relay *r = login ? diag_client_note(d->userref, d->userref_tag, &d->nuserref, DIAG_TLS_CLIENTS,
								ev->client_ip, ev, d->show_secrets)
					     : noauth_note(d, ev);
		if (r) {
			/* the disconnect line is not the evidence: the refusal is */
			r->lines += d->serving[i].refused - 1;
			if (r->nsample && d->serving[i].sample) {
				free(r->sample[r->nsample - 1]);
				r->sample[r->nsample - 1] = d->serving[i].sample;
				d->serving[i].sample = NULL;
			}
			if (!r->why[0])
				snprintf(r->why, sizeof r->why, "%s", d->serving[i].why);
			r->provider |= d->serving[i].provider;
		}
	}
	diag_serving_reset(d, (uint32_t)i);
}

/* user_refused - a user's refusals, in the group of their cause; a
 * client talking out of turn is the client's software, grouped by its
 * address (one on this server's network was, as it came: accepted.c) */
static void user_refused(struct diag *d, struct diag_relay *r)
{
	bool bare_lf = !strcmp(r->why, BARE_LF_REFUSED);
	if (bare_lf || strstr(r->why, PIPELINING_REFUSED)) {
		if (diag_addr_kind(span_of(r->ip)) == ADDR_PUBLIC)
			(void)note_group(d, bare_lf ? F_IN_OWN_BARE_LF : F_IN_OWN_PIPELINING, r->ip, r);
		return;
	}
	(void)note_group(d, F_IN_USER_REFUSED, r->why, r);
}

/* diag_user_tls_free - the kept lines */
void diag_user_tls_free(struct diag *d)
{
	for (uint32_t i = 0; i < d->ntlsfail; i++)
		for (uint32_t j = 0; j < d->tlsfail[i].nsample; j++)
			free(d->tlsfail[i].sample[j]);
	for (uint32_t i = 0; i < d->ntlshang; i++)
		for (uint32_t j = 0; j < d->tlshang[i].nsample; j++)
			free(d->tlshang[i].sample[j]);
	for (uint32_t i = 0; i < d->nuserref; i++)
		for (uint32_t j = 0; j < d->userref[i].nsample; j++)
			free(d->userref[i].sample[j]);
	for (uint32_t i = 0; i < d->nnoauthref; i++)
		for (uint32_t j = 0; j < d->noauthref[i].nsample; j++)
			free(d->noauthref[i].sample[j]);
	for (uint32_t i = 0; i < d->nsaslfail; i++)
		for (uint32_t j = 0; j < d->saslfail[i].nsample; j++)
			free(d->saslfail[i].sample[j]);
	for (uint32_t i = 0; i < DIAG_SERVING; i++)
		diag_serving_reset(d, i);
	d->ntlsfail = d->ntlshang = d->nuserref = d->nnoauthref = d->nsaslfail = 0;
	strset_free(&d->user_tls_ips);
	strset_free(&d->noauth_ips);
	strset_free(&d->known_ips);
	strset_free(&d->ps_providers);
	strset_free(&d->login_ips);
}
