/*
 * accepted.c - what the clients of accepted mail say about this server's
 * configuration: mail accepted without a login from a private address
 * while no client has a public one: relaying on the trust of an address
 * that may be a NAT gateway (over the clients' addresses as the lines go
 * by; backscatter.c hands it each closed message's names); the refusals
 * of clients on this server's own network that no rule of rules.c
 * explains; a user's client refused by an anvil limit or by header/body
 * checks (decided with the verdicts); and which group a line belongs to
 * for explain.
 *
 * Memory is bounded: DIAG_TRUSTED private addresses, each with capped
 * sets of names.
 */
#include "diag_internal.h"
#include "../parse/provider.h"
#include "../parse/scanner.h"
#include "../analyze/analysis.h"
#include "../analyze/verdicts.h"
#include "../util/buf.h"
#include "../util/cidr.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the last text diag_addr_kind answered in each slot (of the text's last
 * two bytes), per thread (the rules ask on the feed's reading thread, the
 * findings on the consumer's): a client's lines, its refusals and its
 * messages come in a row, but the messages' asks come between a refused
 * client's (speed31: one slot answered 1 503 of the conformance slice's
 * 5 544 asks), and the networks a text is told by are fixed for the
 * process (cidr.c) */
#define KIND_SLOTS 64
static _Thread_local struct {
	uint8_t n; /* 0: none yet */
	uint8_t kind;
	char text[CIDR_STRLEN];
} kind_last[KIND_SLOTS];

/* diag_addr_kind - what kind of address a client's text is: loopback,
 * private (RFC 1918, 100.64/10, ULA, link-local), public, or not one;
 * the last text's answer of its slot kept (test_addr_kind_memo.c) */
enum addr_kind diag_addr_kind(struct span ip)
{
	char buf[CIDR_STRLEN];
	if (!ip.n || ip.n >= sizeof buf)
		return ADDR_NONE;
	unsigned x = (unsigned char)ip.p[ip.n - 1], y = ip.n > 1 ? (unsigned char)ip.p[ip.n - 2] : 0;
	unsigned slot = (x ^ (y << 2) ^ (y >> 4)) & (KIND_SLOTS - 1);
	if (ip.n == kind_last[slot].n && !memcmp(ip.p, kind_last[slot].text, ip.n))
		return (enum addr_kind)kind_last[slot].kind;
	memcpy(buf, ip.p, ip.n);
	buf[ip.n] = 0;
	struct cidr a;
	enum addr_kind k;
	if (!cidr_addr(buf, &a))
		k = ADDR_NONE;
	else if (!cidr_own(&a))
		k = ADDR_PUBLIC;
	else {
		const char *why = cidr_special(&a);
		k = why && !strcmp(why, "loopback") ? ADDR_LOOPBACK : ADDR_PRIVATE;
	}
	memcpy(kind_last[slot].text, ip.p, ip.n);
	kind_last[slot].n = (uint8_t)ip.n;
	kind_last[slot].kind = (uint8_t)k;
	return k;
}

/* service_port25 - a master.cf service name that is port 25: "smtp" (or
 * "25"), an address's "HOST:smtp" / "HOST:25", and "smtpd", the pass
 * service postscreen hands port 25's clients to (master.cf's
 * "smtpd pass ... smtpd": smtpd.c then says "for service smtpd") */
static bool service_port25(struct span svc)
{
	ptrdiff_t c = span_rchr(svc, ':');
	if (c >= 0)
		svc = span_skip(svc, (size_t)c + 1);
	return span_eqs(svc, "smtp") || span_eqs(svc, "25") || span_eqs(svc, "smtpd");
}

/* limit_service_submission - an anvil limit on a service other than port
 * 25's: the tag's (postfix/submission/smtpd), else smtpd.c's "for
 * service S" (a plain postfix/smtpd tag when master.cf sets no
 * syslog_name) */
static bool limit_service_submission(const struct event *ev)
{
	if (ev->line->service.n)
		return !span_eqs(ev->line->service, "smtp");
	struct span t = ev->line->text;
	ptrdiff_t k;
	while ((k = span_index(t, " for service ")) >= 0) /* the last one */
		t = span_skip(t, (size_t)k + 13);
	if (t.p == ev->line->text.p)
		return false;
	struct span svc = span_trim(t);
	ptrdiff_t sp = span_chr(svc, ' ');
	svc = sp >= 0 ? span_head(svc, (size_t)sp) : svc;
	return svc.n && !service_port25(svc);
}

/* trusted_get - the record of a private address, made on first use;
 * NULL past DIAG_TRUSTED */
static struct diag_trusted *trusted_get(struct diag *d, struct span ip, bool create)
{
	for (uint32_t i = 0; i < d->ntrusted; i++)
		if (span_eqs(ip, d->trusted[i].ip))
			return &d->trusted[i];
	if (!create || d->ntrusted == DIAG_TRUSTED || ip.n >= sizeof d->trusted[0].ip)
		return NULL;
	struct diag_trusted *t = &d->trusted[d->ntrusted++];
	memcpy(t->ip, ip.p, ip.n);
	t->ip[ip.n] = 0;
	strset_init(&t->helos, DIAG_TRUSTED_NAMES);
	strset_init(&t->senders, DIAG_TRUSTED_NAMES);
	return t;
}

/* trusted_names - a HELO name and a sender's domain seen with a private
 * address (a message's, a refusal's, a header check's line) */
static void trusted_names(struct diag_trusted *t, struct span helo, struct span from)
{
	if (helo.n)
		strset_add(&t->helos, helo);
	ptrdiff_t at = span_rchr(from, '@');
	if (at >= 0 && (size_t)at + 1 < from.n)
		strset_add(&t->senders, span_skip(from, (size_t)at + 1));
}

/* diag_trusted_names - a closed message's HELO name and sender of a
 * private address already trusted (backscatter.c) */
void diag_trusted_names(struct diag *d, struct span ip, struct span helo, struct span from)
{
	struct diag_trusted *t = trusted_get(d, ip, false);
	if (t)
		trusted_names(t, helo, from);
}

/* nat_hides - a private client that greets as a large provider's mail
 * server, or that an SPF check refused: a gateway stands for it (loopback is a proxy of this host's
 * own, told apart by nothing here: left to own-client-refused) */
static bool nat_hides(const struct event *ev)
{
	if (!ev->client_ip.n || cidr_loopback_text(ev->client_ip.p, ev->client_ip.n))
		return false;
	return (ev->helo.n && provider_name(ev->helo)) || ev_spf_refusal(ev->reason);
}

/* own_refused_id - the finding of such a refusal: its client talking out
 * of turn (the client's software), a gateway standing for a large
 * provider's server, or any other check */
static enum finding_id own_refused_id(const struct event *ev)
{
	if (span_index(ev->reason, PIPELINING_REFUSED) >= 0)
		return F_IN_OWN_PIPELINING;
	if (span_eqs(ev->reason, BARE_LF_REFUSED))
		return F_IN_OWN_BARE_LF;
	return nat_hides(ev) ? F_IN_NAT_HIDES : F_IN_OWN_CLIENT_REFUSED;
}

/* by_client - ev's line counted in finding f's group of its client's
 * address */
static void by_client(struct diag *d, const struct event *ev, enum finding_id f)
{
	char key[DIAG_KEY_MAX];
	snprintf(key, sizeof key, "%.*s", (int)ev->client_ip.n, ev->client_ip.p); /* short: an address */
	struct diag_group *g = diag_group_get(d, f, key);
	if (!g) {
		d->dropped++;
		return;
	}
	g->lines++;
	if (ev->line->format != FMT_NOTIME)
		diag_group_time(g, ev->line->ts);
	if (g->nsample < DIAG_SAMPLES)
		g->sample[g->nsample++] = diag_sample_copy(ev->line, d->show_secrets);
}

/* own_postscreen_refused - postscreen refused the mail of a client of
 * this server's own network (loopback or private) and no rule told why:
 * one of the admin's own applications or containers, sent through port
 * 25's tests (it talked before the greeting: "PREGREET ... EHLO", then
 * "550 5.5.1 Protocol error"); one greeting as a large provider is a
 * gateway standing for it (nat-hides-clients) */
static bool own_postscreen_refused(struct diag *d, const struct event *ev, bool hit)
{
	if (hit || ev->type != EV_REJECT || !span_eqs(ev->line->daemon, "postscreen") ||
	    !ev->client_ip.n)
		return false;
	by_client(d, ev, nat_hides(ev) ? F_IN_NAT_HIDES : F_IN_OWN_POSTSCREEN_REFUSED);
	return true;
}

/* own_refused - smtpd refused a client of this server's own network
 * (loopback or private) and no rule told why (hit: one did) */
static void own_refused(struct diag *d, const struct event *ev, bool hit)
{
	if (hit || ev->type != EV_REJECT || !span_eqs(ev->action, "reject"))
		return;
	char key[DIAG_KEY_MAX];
	snprintf(key, sizeof key, "%.*s", (int)ev->client_ip.n, ev->client_ip.p); /* short: an address */
	struct diag_group *g = diag_group_get(d, own_refused_id(ev), key);
	if (!g) {
		d->dropped++;
		return;
	}
	g->lines++;
	if (ev->line->format != FMT_NOTIME)
		diag_group_time(g, ev->line->ts);
	if (g->nsample < DIAG_SAMPLES)
		g->sample[g->nsample++] = diag_sample_copy(ev->line, d->show_secrets);
}

/* limit_named - the client of an anvil limit's line has a name DNS
 * confirms (smtpd writes "unknown" otherwise) that is no ISP pool's
 * generic name nor an Internet-wide scanner's: a mail server by its name */
static bool limit_named(const struct event *ev)
{
	char name[256], ip[CIDR_STRLEN];
	struct span n = ev->client_name;
	if (!n.n || n.n >= sizeof name || !ev->client_ip.n || ev->client_ip.n >= sizeof ip ||
	    span_eqs(n, "unknown") || span_chr(n, '.') < 0 || scanner_name(n))
		return false;
	memcpy(name, n.p, n.n);
	name[n.n] = 0;
	memcpy(ip, ev->client_ip.p, ev->client_ip.n);
	ip[ev->client_ip.n] = 0;
	return !ptr_is_generic(name, ip);
}

/* limit_for_mail - an anvil limit that a server with mail to deliver
 * reaches (smtpd.c's "Connection concurrency limit exceeded",
 * "Message delivery request rate limit exceeded", "Recipient address
 * rate limit exceeded"); a connection rate, a TLS session rate or an
 * AUTH rate is what a flood or a password guesser reaches */
static bool limit_for_mail(struct span kind)
{
	return span_starts(kind, "Connection concurrency ") || span_starts(kind, "Message delivery request ") ||
	       span_starts(kind, "Recipient address ");
}

/* relay_note - a public client's "Relay access denied", any client's
 * anvil limit or header/body checks refusal, kept for diag_clients (the
 * first DIAG_RELAY_CLIENTS clients and kinds only) */
static void relay_note(struct diag *d, const struct event *ev, enum diag_note_kind kind)
{
	if (kind == NOTE_RELAY && !span_ends(ev->reason, ">: Relay access denied"))
		return;
	if (ev->client_ip.n >= sizeof d->relay[0].ip)
		return;
	struct diag_relay *r = NULL;
	for (uint32_t i = 0; i < d->nrelay && !r; i++)
		if (d->relay[i].kind == kind && strlen(d->relay[i].ip) == ev->client_ip.n &&
		    !memcmp(d->relay[i].ip, ev->client_ip.p, ev->client_ip.n))
			r = &d->relay[i];
	if (!r) {
		if (d->nrelay_kind[kind] == DIAG_RELAY_CLIENTS)
			return;
		d->nrelay_kind[kind]++;
		r = &d->relay[d->nrelay++];
		memcpy(r->ip, ev->client_ip.p, ev->client_ip.n);
		r->ip[ev->client_ip.n] = 0;
		r->kind = (uint8_t)kind;
	}
	diag_note_line(r, ev, d->show_secrets);
	if ((kind == NOTE_LIMIT || kind == NOTE_CHECKS) && !r->provider)
		r->provider = ev_provider_server(ev->client_name, ev->client_ip, ev->helo);
	/* a service of master.cf other than smtp: submission, smtps */
	if (kind == NOTE_LIMIT && limit_service_submission(ev))
		r->submission = true;
	if (kind == NOTE_LIMIT && r->lines == 1)
		r->named = limit_named(ev);
	if (kind == NOTE_LIMIT && limit_for_mail(ev->reason))
		r->mail_limit = true;
	if (kind == NOTE_CHECKS && ev->dsn.n && ev->dsn.p[0] == '4')
		r->temp = true;
}

/* user_relay - a user's mail program refused with "Relay access
 * denied": its lines as noted (samples, times), else the analysis's count */
static void user_relay(struct diag *d, enum finding_id id, const char *ip, uint64_t lines,
		       struct stamp first, struct stamp last)
{
	enum diag_note_kind kind = id == F_IN_USER_RELAY_DENIED                               ? NOTE_RELAY
				   : id == F_IN_OWN_RATE_LIMITED || id == F_IN_KNOWN_RATE_LIMITED ||
					     id == F_IN_SUBMISSION_LIMITED
					 ? NOTE_LIMIT
												  : NOTE_CHECKS;
	struct diag_group *g = diag_group_get(d, id, ip);
	if (!g) {
		d->dropped += lines;
		return;
	}
	strset_add(&g->subjects, span_of(ip));
	for (uint32_t i = 0; i < d->nrelay; i++) {
		struct diag_relay *r = &d->relay[i];
		if (r->kind != kind || strcmp(r->ip, ip))
			continue;
		g->lines += r->lines;
		if (r->first.us) {
			diag_group_time(g, r->first);
			diag_group_time(g, r->last);
		}
		diag_samples_take(g, r->sample, r->nsample);
		return;
	}
	g->lines += lines;
	if (first.us) {
		diag_group_time(g, first);
		diag_group_time(g, last);
	}
}

/* any_harvest - a group of user-unknown-harvest (*ctx set): without one,
 * the clients need no address text made to look for theirs (speed18:
 * 0.55 M of a spammed server's 2 600 clients, for no group) */
static void any_harvest(void *obj, void *ctx)
{
	if (((const struct diag_group *)obj)->id == F_IN_USER_UNKNOWN_HARVEST)
		*(bool *)ctx = true;
}

/* text_groups - the own-client-protocol-error groups, all of them
 * (their number is bounded by the diag's group limit) */
struct text_groups {
	struct diag_group **g;
	size_t n, cap;
};
static void text_group(void *obj, void *ctx)
{
	struct text_groups *t = ctx;
	struct diag_group *g = obj;
	if (g->id != F_IN_OWN_TEXT_AS_COMMANDS)
		return;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->g = xrealloc(t->g, t->cap * sizeof *t->g);
	}
	t->g[t->n++] = g;
}

/* shadowed_clients - the clients refused for a domain listed twice
 * (unknown_rcpt.c put them among domain-listed-twice's subjects): their
 * refusal is this server's configuration, as their story says */
static void shadowed_clients(void *obj, void *ctx)
{
	const struct diag_group *g = obj;
	if (g->id != F_DOMAIN_DOUBLE)
		return;
	for (uint64_t r = 0; r < g->subjects.map.cap; r++) {
		uint64_t h;
		const char *ip = hmap_slot(&g->subjects.map, r, &h);
		struct client *c = ip ? analysis_client(ctx, ip) : NULL;
		if (c)
			c->diag_flags |= CD_DOMAIN_SHADOWED;
	}
}

/* drop_hostile_text - a message's header words as commands are a mail
 * program's only when the session showed one (verdict.c): a client the
 * verdicts call a probe or hostile (a scanner on 587 that sends "From: x" after its
 * EHLO and nothing else) is no own client's protocol error.  The groups
 * are taken first, then dropped: a group cannot leave the hash while
 * hmap_each walks it */
static void drop_hostile_text(struct diag *d, struct analysis *a)
{
	struct text_groups t = {0};
	if (d->ngroups)
		hmap_each(&d->groups, text_group, &t);
	for (size_t i = 0; i < t.n; i++) {
		const struct client *c = analysis_client(a, t.g[i]->key);
		if (c && (c->verdict == V_NON_SMTP_PROBE || verdict_hostile(c->verdict)))
			diag_group_drop(d, t.g[i]);
	}
	free(t.g);
}

/* diag_clients - a client with a public address, legitimate because it
 * logs in (in another session), whose mail was refused with "Relay
 * access denied": a user's mail program that does not log in for every
 * message.  Clients of the own network have own-client-relay-denied.
 * Then the users' failed TLS handshakes (users.c).  First, the clients
 * whose mail went through an open relay get their verdict (relayed.c). */
void diag_clients(struct diag *d, struct analysis *a)
{
	diag_relayed_verdicts(d, a);
	drop_hostile_text(d, a);
	if (d->domain_double_hits && d->ngroups)
		hmap_each(&d->groups, shadowed_clients, a);
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		if (c->verdict != V_LEGITIMATE || !c->relay_denied ||
		    !(c->auth_successes || c->auth_ok_sessions) || (c->flags & CF_OWN_APP))
			continue;
		struct client_addr ip = client_addr(c);
		if (diag_addr_kind(span_of(ip.s)) != ADDR_PUBLIC)
			continue;
		user_relay(d, F_IN_USER_RELAY_DENIED, ip.s, c->relay_denied, client_first(c), client_last(c));
	}
	/* a client whose own mail is accepted without a login and called
	 * legitimate passes on its senders' mail (a backup MX, a forwarder,
	 * a mailing list with old subscribers): the unknown recipients it
	 * was refused for are theirs, not a harvest of its own */
	bool harvest = false;
	if (d->ngroups)
		hmap_each(&d->groups, any_harvest, &harvest);
	for (size_t i = 0; i < a->nclist && harvest; i++) {
		const struct client *c = a->clist[i];
		if (c->verdict != V_LEGITIMATE || !c->messages || c->auth_successes || c->auth_ok_sessions)
			continue;
		struct diag_group *g = diag_group_find(d, F_IN_USER_UNKNOWN_HARVEST, client_addr(c).s);
		if (g)
			diag_group_drop(d, g);
	}
	/* an anvil limit or a header/body check that refused a client of
	 * this server's own: one that logs in, or on its own network; a
	 * limit that refused a server whose other mail is accepted without a
	 * login, or a large provider's, slows down mail that is wanted */
	for (uint32_t i = 0; i < d->nrelay; i++) {
		const struct diag_relay *r = &d->relay[i];
		if (r->kind == NOTE_RELAY)
			continue;
		const struct client *c = analysis_client(a, r->ip);
		bool own = diag_addr_kind(span_of(r->ip)) != ADDR_PUBLIC ||
			   (c && (c->auth_successes || c->auth_ok_sessions) && verdict_severity(c->verdict) < 3);
		if (own)
			user_relay(d, r->kind == NOTE_LIMIT ? F_IN_OWN_RATE_LIMITED : F_IN_OWN_CONTENT_REFUSED,
				   r->ip, r->lines, r->first, r->last);
		else if (r->kind == NOTE_LIMIT &&
			 (r->provider || (c && c->verdict == V_LEGITIMATE && c->messages)))
			user_relay(d, F_IN_KNOWN_RATE_LIMITED, r->ip, r->lines, r->first, r->last);
		/* a stranger refused on port 25 is the limit at work; on a
		 * submission service, where the clients are the users', a
		 * client the log cannot place (not hostile) needs a look */
		else if (r->kind == NOTE_LIMIT && r->submission && !(c && verdict_hostile(c->verdict)))
			user_relay(d, F_IN_SUBMISSION_LIMITED, r->ip, r->lines, r->first, r->last);
		/* on port 25, a mail server by its confirmed name held back by a
		 * limit that senders with mail reach (connections at once,
		 * messages, recipients) and that the verdicts call nothing
		 * worse than unclear: its mail waits in its queue; a
		 * connection-rate flood or an unnamed stranger stays the
		 * limit at work */
		else if (r->kind == NOTE_LIMIT && r->named && r->mail_limit &&
			 !(c && verdict_severity(c->verdict) >= SEV_NUISANCE))
			user_relay(d, F_IN_KNOWN_RATE_LIMITED, r->ip, r->lines, r->first, r->last);
		/* a header/body check or a milter that refused for good, after
		 * its data, mail of a large provider's server or of a legitimate
		 * one whose other mail was accepted (threads BB 06): perhaps
		 * mail that was wanted; not a stranger known by its spam alone */
		else if (r->kind == NOTE_CHECKS && !r->temp && c && c->verdict == V_LEGITIMATE &&
			 (r->provider || c->messages > r->lines))
			user_relay(d, F_CHECKS_REFUSED_REAL_SERVER, r->ip, r->lines, r->first, r->last);
	}
	diag_user_tls(d, a);
}

/* bare_lf_server - smtpd_forbid_bare_newline = reject refused a public
 * client whose name resolves back to its address (not "unknown"): a
 * mail server's software, possibly real mail; an unnamed one is left to
 * its verdict (a bot's habit) */
static bool bare_lf_server(struct diag *d, const struct event *ev)
{
	if (!span_eqs(ev->action, "reject") || !span_eqs(ev->reason, BARE_LF_REFUSED) ||
	    !ev->client_name.n || span_eqs(ev->client_name, "unknown"))
		return false;
	by_client(d, ev, F_IN_BARE_LF_SERVERS);
	return true;
}

/* diag_accepted_event - a client's address on smtpd's or postscreen's
 * connect, client= or refusal line, or a header check's line (hit: a
 * rule of rules.c found the line's finding): a public one is counted; a
 * private one (not loopback) that hands over mail without a login (not
 * a content filter's re-injection) is remembered, with the HELO names
 * and sender domains that come with it; a refusal of a loopback or
 * private one that no rule explains is a finding */
void diag_accepted_event(struct diag *d, const struct event *ev, bool hit, unsigned kept_kind)
{
	bool smtpd = span_eqs(ev->line->daemon, "smtpd");
	bool cleanup = ev->type == EV_CLEANUP_ACTION && span_eqs(ev->line->daemon, "cleanup");
	if (ev->type == EV_RATE_LIMIT && smtpd) {
		relay_note(d, ev, NOTE_LIMIT);
		return;
	}
	/* a milter's refusal after the data, of a loopback client (a
	 * webmail, a panel's script: Plesk's psa-pc-remote handlers) or a
	 * public one that logs in; not of a private address, which may be
	 * Docker's gateway in front of the whole Internet */
	if (cleanup && !hit &&
	    (span_eqs(ev->action, "reject") ||
	     (span_eqs(ev->action, "milter-reject") && diag_addr_kind(ev->client_ip) != ADDR_PRIVATE)))
		relay_note(d, ev, NOTE_CHECKS);
	if (!smtpd && !cleanup && !span_eqs(ev->line->daemon, "postscreen"))
		return;
	/* once a public client is seen nothing is trusted by address: only
	 * refusals still need the address's kind (and the parse is spared) */
	if (d->public_clients && ev->type != EV_REJECT)
		return;
	/* a refusal's asked on the reading thread (diag_front, speed23) */
	enum addr_kind k = kept_kind ? (enum addr_kind)(kept_kind - 1) : diag_addr_kind(ev->client_ip);
	/* a container of the admin's own Docker network, named by the local
	 * resolver, on a global IPv6 address */
	if (k == ADDR_PUBLIC && cidr_container_name(ev->client_name.p, ev->client_name.n))
		k = ADDR_PRIVATE;
	if (k == ADDR_PUBLIC) {
		d->public_clients += !cleanup;
		if (!hit && ev->type == EV_REJECT && smtpd && !bare_lf_server(d, ev))
			relay_note(d, ev, NOTE_RELAY);
		return;
	}
	if (k != ADDR_NONE && smtpd)
		own_refused(d, ev, hit);
	else if (k != ADDR_NONE)
		(void)own_postscreen_refused(d, ev, hit);
	if (k != ADDR_PRIVATE)
		return;
	bool accepted = ev->type == EV_CLIENT && smtpd && !ev->sasl_username.n && !ev->orig_queue_id.n;
	if (!accepted && !((ev->type == EV_REJECT && smtpd) || cleanup))
		return;
	struct diag_trusted *t = trusted_get(d, ev->client_ip, true);
	if (!t) {
		d->trusted_dropped += accepted;
		return;
	}
	if (!accepted) {
		trusted_names(t, ev->helo, ev->from);
		return;
	}
	t->messages++;
	diag_line_time(&t->first, &t->last, ev->line);
	if (t->nsample < DIAG_SAMPLES)
		t->sample[t->nsample++] = diag_sample_copy(ev->line, d->show_secrets);
}

/* trusted_group - a private address's finding, NAT or not */
static void trusted_group(struct diag *d, const struct diag_trusted *t, bool nat)
{
	struct diag_group *g = diag_group_get(d, nat ? F_IN_TRUSTED_NAT : F_IN_TRUSTED_PRIVATE, t->ip);
	if (!g) {
		d->dropped += t->messages;
		return;
	}
	g->lines += t->messages;
	diag_group_time(g, t->first);
	diag_group_time(g, t->last);
	diag_subjects_add(&g->subjects, &t->helos);
	for (uint32_t i = 0; i < t->nsample && g->nsample < DIAG_SAMPLES; i++)
		g->sample[g->nsample++] = xstrdup(t->sample[i]);
}

/* diag_accepted_groups - relaying on the trust of an address: only when
 * no client in the whole log has a public address (an office LAN whose
 * server also takes mail from the Internet shows them); a NAT gateway
 * when one private address brings mail from DIAG_NAT_NAMES HELO names
 * and as many sender domains; a caution when a single private address
 * sends (several, each its own machine, are an office LAN) */
void diag_accepted_groups(struct diag *d)
{
	if (d->public_clients)
		return;
	uint32_t senders = 0;
	for (uint32_t i = 0; i < d->ntrusted; i++)
		senders += d->trusted[i].messages > 0;
	for (uint32_t i = 0; i < d->ntrusted; i++) {
		const struct diag_trusted *t = &d->trusted[i];
		if (!t->messages)
			continue;
		bool nat = strset_len(&t->helos) >= DIAG_NAT_NAMES &&
			   strset_len(&t->senders) >= DIAG_NAT_NAMES;
		if (nat || (senders == 1 && !d->trusted_dropped))
			trusted_group(d, t, nat);
	}
}

/* folded_into - the backscatter group that the "user unknown" bounces of
 * group g are all part of, or NULL: LMTP's own finding (all its groups
 * together) or the plain outbound one of the same delivery agent, when
 * backscatter counts at least as many recipients for that agent */
static struct diag_group *folded_into(const struct diag *d, const struct diag_group *g)
{
	const char *agent = g->id == F_IN_LMTP_USER_UNKNOWN ? "lmtp"
			    : g->id == F_OUT_USER_UNKNOWN || g->id == F_OWN_USER_UNKNOWN ? g->key
							     : NULL;
	if (!agent)
		return NULL;
	struct diag_group *bs = NULL;
	uint64_t lines = 0;
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *h = d->list[i];
		if (h->id == F_IN_BACKSCATTER && !strcmp(h->key, agent))
			bs = d->list[i];
		else if (h->id == g->id && (g->id == F_IN_LMTP_USER_UNKNOWN || !strcmp(h->key, g->key)))
			lines += h->lines;
	}
	return bs && lines <= bs->recipients ? bs : NULL;
}

/* diag_accepted_fold - the "user unknown" bounces of mail that is all
 * backscatter (LMTP's finding, or the outbound one of local, virtual...)
 * are told once, as backscatter: their lines join its evidence as room
 * allows; when there are more of them, the rest is mail from this
 * server's own users and both stay */
void diag_accepted_fold(struct diag *d)
{
	size_t n = d->nlist;
	struct diag_group **into = xcalloc(n + 1, sizeof *into);
	for (size_t i = 0; i < n; i++)
		into[i] = folded_into(d, d->list[i]);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct diag_group *g = d->list[i], *bs = into[i];
		if (!bs) {
			d->list[k++] = g;
			continue;
		}
		diag_samples_take(bs, g->sample, g->nsample);
		bs->merged++;
		diag_group_drop(d, g);
	}
	d->nlist = k;
	free(into);
}

/* list_group - the first group of a finding in the sorted list, with
 * this key (NULL: any key) */
static const struct diag_group *list_group(const struct diag *d, enum finding_id id, struct span key)
{
	for (size_t i = 0; i < d->nlist; i++)
		if (d->list[i]->id == id && (!key.p || span_eqs(key, d->list[i]->key)))
			return d->list[i];
	return NULL;
}

/* diag_line_group - a line of backscatter (the message accepted, its
 * recipient bounced, the notification), the client= line of an address
 * trusted without login, a refusal of an own client no rule explains, or
 * a login failed by this server's SASL backend */
const struct diag_group *diag_line_group(const struct diag *d, const struct event *ev)
{
	if (!d)
		return NULL;
	if (ev->queue_id.n && strset_len(&d->backscatter_qids) &&
	    strset_has(&d->backscatter_qids, ev->queue_id)) {
		if (ev->type == EV_DELIVERY && span_eqs(ev->status, "bounced")) {
			const struct diag_group *g = list_group(d, F_IN_BACKSCATTER, ev->line->daemon);
			if (g)
				return g;
			/* the notification's own failed delivery (the forged sender
			 * does not exist either) keeps the finding its rule gives */
			struct diag_hit own;
			if (diag_classify(ev, &own) && list_group(d, own.id, span_of(own.key)))
				return NULL;
			return list_group(d, F_IN_BACKSCATTER, SPAN_NULL);
		}
		if (ev->type == EV_CLIENT || ev->type == EV_NOTIFICATION)
			return list_group(d, F_IN_BACKSCATTER, SPAN_NULL);
	}
	/* a non-delivery notice whose failed delivery was not read */
	if (ev->type == EV_NOTIFICATION && span_eqs(ev->action, "non-delivery")) {
		const struct diag_group *g = list_group(d, F_OUT_BOUNCE_UNREAD, SPAN_NULL);
		if (g)
			return g;
	}
	const struct diag_group *unknown = diag_unknown_group(d, ev);
	if (unknown)
		return unknown;
	const struct diag_group *slow = diag_delays_line_group(d, ev);
	if (slow)
		return slow;
	const struct diag_group *local = diag_local_line_group(d, ev);
	if (local)
		return local;
	if (ev->type == EV_RATE_LIMIT && ev->client_ip.n) {
		const struct diag_group *g = list_group(d, F_IN_OWN_RATE_LIMITED, ev->client_ip);
		if (!g)
			g = list_group(d, F_IN_KNOWN_RATE_LIMITED, ev->client_ip);
		return g ? g : list_group(d, F_IN_SUBMISSION_LIMITED, ev->client_ip);
	}
	if (ev->type == EV_CLEANUP_ACTION &&
	    (span_eqs(ev->action, "reject") || (span_eqs(ev->action, "milter-reject") && ev->client_ip.n)) &&
	    (ev->client_ip.n || span_eqs(ev->client_name, "local"))) {
		const struct diag_group *g =
		    list_group(d, F_IN_OWN_CONTENT_REFUSED, ev->client_ip.n ? ev->client_ip : span_of("local"));
		return g || !ev->client_ip.n ? g : list_group(d, F_CHECKS_REFUSED_REAL_SERVER, ev->client_ip);
	}
	/* a login this server's SASL backend failed, of a client that failed
	 * no other (users.c) */
	if (ev->type == EV_SASL_FAIL && ev->client_ip.n && ev_sasl_backend_fault(ev))
		for (size_t i = 0; i < d->nlist; i++)
			if (d->list[i]->id == F_SASL_BACKEND_FAILS &&
			    strset_has(&d->list[i]->subjects, ev->client_ip))
				return d->list[i];
	if (ev->type == EV_REJECT && ev->client_ip.n && span_eqs(ev->line->daemon, "postscreen")) {
		const struct diag_group *g = list_group(d, F_IN_OWN_POSTSCREEN_REFUSED, ev->client_ip);
		if (g)
			return g;
	}
	struct diag_hit hit;
	/* "User unknown" without proven harvesting (diag_drop_weak) is an
	 * own client's refusal like any other */
	if (ev->type == EV_REJECT && ev->client_ip.n && span_eqs(ev->line->daemon, "smtpd") &&
	    (!diag_classify(ev, &hit) ||
	     (hit.id == F_IN_USER_UNKNOWN_HARVEST && !list_group(d, hit.id, span_of(hit.key))))) {
		/* a user's address refused without a login (users.c) */
		if (strset_len(&d->noauth_ips) && strset_has(&d->noauth_ips, ev->client_ip))
			for (size_t i = 0; i < d->nlist; i++)
				if (d->list[i]->id == F_IN_USER_NOAUTH_REFUSED &&
				    strset_has(&d->list[i]->subjects, ev->client_ip))
					return d->list[i];
		/* a known sender's (users.c) */
		if (strset_len(&d->known_ips) && strset_has(&d->known_ips, ev->client_ip))
			for (size_t i = 0; i < d->nlist; i++)
				if (d->list[i]->id == F_IN_KNOWN_SENDER_REFUSED &&
				    strset_has(&d->list[i]->subjects, ev->client_ip))
					return d->list[i];
		enum finding_id id = own_refused_id(ev);
		const struct diag_group *g = id != F_IN_OWN_CLIENT_REFUSED ? list_group(d, id, ev->client_ip) : NULL;
		if (!g && id == F_IN_OWN_BARE_LF)
			g = list_group(d, F_IN_BARE_LF_SERVERS, ev->client_ip);
		return g ? g : list_group(d, F_IN_OWN_CLIENT_REFUSED, ev->client_ip);
	}
	if (ev->type == EV_CLIENT && span_eqs(ev->line->daemon, "smtpd") && !ev->sasl_username.n &&
	    ev->client_ip.n) {
		const struct diag_group *g = diag_relayed_line_group(d, ev);
		if (g)
			return g;
		g = list_group(d, F_IN_TRUSTED_NAT, ev->client_ip);
		return g ? g : list_group(d, F_IN_TRUSTED_PRIVATE, ev->client_ip);
	}
	return NULL;
}

/* diag_accepted_free - the private addresses' records */
void diag_accepted_free(struct diag *d)
{
	for (uint32_t i = 0; i < d->ntrusted; i++) {
		strset_free(&d->trusted[i].helos);
		strset_free(&d->trusted[i].senders);
		for (uint32_t j = 0; j < d->trusted[i].nsample; j++)
			free(d->trusted[i].sample[j]);
	}
	d->ntrusted = 0;
	for (uint32_t i = 0; i < d->nrelay; i++)
		for (uint32_t j = 0; j < d->relay[i].nsample; j++)
			free(d->relay[i].sample[j]);
	d->nrelay = 0;
	memset(d->nrelay_kind, 0, sizeof d->nrelay_kind);
	strset_free(&d->backscatter_qids);
	strset_free(&d->filtered_qids[0]);
	strset_free(&d->filtered_qids[1]);
}
