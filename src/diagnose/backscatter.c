/*
 * backscatter.c - a closed message's fate, read when the model lets it
 * go: mail an Internet client handed over without a login (or a content
 * filter's copy of it) whose recipient this host's own delivery bounced
 * as unknown, with a notification to a (usually forged) sender:
 * backscatter; mail that expired in the queue; and each closed message
 * handed to the other per-message readers (delays.c, relayed.c,
 * site_domain.c, the trusted private addresses of accepted.c).
 *
 * Memory is bounded: the content filter's copies are two generations of
 * DIAG_FILTERED_QIDS queue IDs; the backscatter is counted in ordinary
 * groups.
 */
#include "diag_internal.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* diag_user_unknown - a bounce that says the recipient does not exist */
bool diag_user_unknown(const struct rcpt *r)
{
	static const char *const words[] = {"unknown user", "user unknown", "user doesn't exist",
					    "user does not exist", "no such user", "mailbox unknown"};
	/* local's "unknown user: \"| command\"" (or a "/file"): an alias's
	 * command taken as a user name, this server's setup
	 * (alias-command-taken-as-user), not a recipient that does not exist */
	const char *u = r->reason ? strstr(r->reason, "unknown user: \"") : NULL;
	if (u) {
		u += sizeof "unknown user: \"" - 1;
		while (*u == ' ')
			u++;
		if (*u == '|' || (*u == '/' && u[1] && u[1] != '"'))
			return false;
	}
	if (r->dsn && !strcmp(r->dsn, "5.1.1"))
		return true;
	for (size_t i = 0; r->reason && i < sizeof words / sizeof words[0]; i++)
		if (strcasestr(r->reason, words[i]))
			return true;
	return false;
}

/* relay_hop_name - the host name of a delivery's relay= ("NAME[ADDR]:PORT")
 * into out (DIAG_KEY_MAX, cut), "relay" when there is none */
static void relay_hop_name(const char *relay, char out[DIAG_KEY_MAX])
{
	size_t n = relay ? strcspn(relay, "[") : 0;
	if (!n || !strcmp(relay, "none"))
		snprintf(out, DIAG_KEY_MAX, "relay");
	else
		snprintf(out, DIAG_KEY_MAX, "%.*s", (int)(n < DIAG_KEY_MAX - 1 ? n : DIAG_KEY_MAX - 1), relay);
}

/* bounce_child - the queue ID of the sender notification a message caused */
static const char *bounce_child(const struct message *m)
{
	for (uint32_t i = 0; i < m->nchildren; i++)
		if (m->children[i].kind == LINK_BOUNCE)
			return m->children[i].qid;
	return NULL;
}

/* rcpt_domain - the domain of an address, or the address */
static const char *rcpt_domain(const char *to)
{
	const char *at = to ? strrchr(to, '@') : NULL;
	return at && at[1] ? at + 1 : to ? to : "";
}

/* diag_life_sample - see diag_internal.h */
char *diag_life_sample(struct buf *b, const struct message *m, const struct rcpt *r,
		       const char *status, const char *child)
{
	buf_printf(b, " | %s: to=<%s>, relay=%s, dsn=%s, status=%s (%s)", m->qid, r->to ? r->to : "",
		   r->relay ? r->relay : "none", r->dsn ? r->dsn : "", status ? status : "",
		   r->reason ? r->reason : "");
	if (child)
		buf_printf(b, " | %s: sender non-delivery notification: %s", m->qid, child);
	char *s = xspandup(span_cut(buf_span(b), DIAG_SAMPLE_MAX));
	buf_free(b);
	return s;
}

/* backscatter_sample - the message's life in the log's own words:
 * accepted (or handed back by the content filter: "queued as"),
 * bounced, notified */
static char *backscatter_sample(const struct message *m, const struct rcpt *r, const char *child,
				bool filtered)
{
	struct buf b = {0};
	if (filtered)
		buf_printf(&b, "%s: queued as %s", m->parent_qid, m->qid);
	else
		buf_printf(&b, "%s: client=%s[%s]", m->qid, m->client_name ? m->client_name : "unknown",
			   m->client_ip);
	if (m->have_from && m->from)
		buf_printf(&b, ", from=<%s>", m->from);
	return diag_life_sample(&b, m, r, "bounced", child);
}

/* filtered_add - a content filter's copy of Internet mail, awaited: a
 * full generation becomes the old one, the old one is dropped */
static void filtered_add(struct diag *d, const char *qid)
{
	if (strset_len(&d->filtered_qids[0]) >= DIAG_FILTERED_QIDS) {
		strset_free(&d->filtered_qids[1]);
		d->filtered_qids[1] = d->filtered_qids[0];
		strset_init(&d->filtered_qids[0], DIAG_FILTERED_QIDS);
	}
	strset_add(&d->filtered_qids[0], span_of(qid));
}

/* filtered_has - is this message such a copy */
static bool filtered_has(const struct diag *d, const char *qid)
{
	for (int i = 0; i < 2; i++)
		if (strset_len(&d->filtered_qids[i]) && strset_has(&d->filtered_qids[i], span_of(qid)))
			return true;
	return false;
}

/* expired_message - a message qmgr gave up on after the queue lifetime
 * (its line is counted by rules.c): the recipients it still waited for,
 * and their domains */
static void expired_message(struct diag *d, const struct message *m)
{
	struct diag_group *g = diag_group_get(d, F_MAIL_EXPIRED, "");
	if (!g) {
		d->dropped++;
		return;
	}
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		if (r->status && (!strcmp(r->status, "sent") || !strcmp(r->status, "bounced")))
			continue;
		g->recipients++;
		strset_add(&g->subjects, span_of(rcpt_domain(r->to)));
	}
}

/* diag_message_peek - an open message handed over by an Internet client
 * without a login, as it stands: its recipients relayed so far are
 * counted now, and the message not again when it closes (relayed.c;
 * watch, for its relay-abuser verdicts, since a deferred message stays
 * open for days) */
void diag_message_peek(struct diag *d, const struct message *m)
{
	if (m->origin != ORIGIN_SMTPD || !m->client_ip || m->parent_kind == LINK_FILTER ||
	    (m->sasl_username && m->sasl_username[0]) || diag_addr_kind(span_of(m->client_ip)) != ADDR_PUBLIC)
		return;
	diag_relayed_peek(d, m);
}

/* diag_message - a closed message: mail an Internet client handed over
 * without a login (or a content filter's copy of it), one of its
 * recipients bounced by this host's own delivery as unknown, and a
 * notification to a real sender (the bounce daemon's child, or a sender
 * that is not the null one): backscatter.  And the HELO name and sender
 * domain of mail trusted by address. */
void diag_message(struct diag *d, const struct message *m)
{
	if (m->expired)
		expired_message(d, m);
	diag_delays_message(d, m);
	diag_local_message(d, m);
	diag_relayed_local(d, m);
	diag_site_message(d, m);
	/* the copy a content filter (Amavis...) handed back: its client is
	 * the filter on loopback, its fate the original's */
	bool filtered = m->parent_kind == LINK_FILTER && m->parent_qid && filtered_has(d, m->qid);
	if (!filtered) {
		if (m->origin != ORIGIN_SMTPD || !m->client_ip || m->parent_kind == LINK_FILTER)
			return;
		struct span ip = span_of(m->client_ip);
		enum addr_kind k = diag_addr_kind(ip);
		bool login = m->sasl_username && m->sasl_username[0];
		if (k == ADDR_PRIVATE && !login)
			diag_trusted_names(d, ip, span_of(m->helo), m->have_from ? span_of(m->from) : SPAN_NULL);
		if (k != ADDR_PUBLIC || login)
			return;
		for (uint32_t i = 0; i < m->nchildren; i++)
			if (m->children[i].kind == LINK_FILTER) {
				filtered_add(d, m->children[i].qid);
				diag_relayed_filtered(d, m->children[i].qid, m->client_ip);
			}
	}
	const char *child = bounce_child(m);
	bool notify = m->have_from && m->from && m->from[0];
	diag_relayed_message(d, m, filtered ? diag_relayed_filtered_ip(d, m->qid) : m->client_ip, child,
			     notify);
	if (!child && !notify)
		return; /* the null sender gets no notification */
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		if ((!r->agent && !r->relay_transport) || !r->status || strcmp(r->status, "bounced") ||
		    !diag_user_unknown(r))
			continue;
		strset_add(&d->backscatter_qids, span_of(m->qid));
		if (child)
			strset_add(&d->backscatter_qids, span_of(child));
		if (filtered)
			strset_add(&d->backscatter_qids, span_of(m->parent_qid));
		/* a relay domain's next hop (a backup MX's primary) by its name,
		 * as the outbound finding of its refusal (diag_accepted_fold) */
		char hop[DIAG_KEY_MAX];
		if (!r->agent)
			relay_hop_name(r->relay, hop);
		struct diag_group *g = diag_group_get(d, F_IN_BACKSCATTER, r->agent ? r->agent : hop);
		if (!g) {
			d->dropped++;
			continue;
		}
		g->lines++;
		g->recipients++;
		diag_group_time(g, m->start);
		diag_group_time(g, r->last);
		strset_add(&g->subjects, span_of(rcpt_domain(r->to)));
		if (g->nsample < DIAG_SAMPLES)
			g->sample[g->nsample++] = backscatter_sample(m, r, child, filtered);
	}
}
