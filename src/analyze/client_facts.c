/*
 * client_facts.c - what the log shows of a client, in facts and short
 * phrases for its verdict in words (verdict_explain.c): whether its HELO
 * is a name and its PTR an ISP's pool, its address as a reader sees it,
 * the rhythm of its visits, its PTR and HELO, whether it looks like a mail
 * server, the abused account it sent through.  Nothing here decides.
 */
#include "analysis.h"
#include "explain_internal.h"
#include "../parse/provider.h"
#include "../parse/dnsbl.h"
#include "../util/buf.h"
#include "../util/cidr.h"
#include "../util/i18n.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* helo_is_fqdn - a dotted name with letters, not an address literal */
bool helo_is_fqdn(const char *h)
{
	if (!h || !*h || h[0] == '[')
		return false;
	const char *dot = strchr(h, '.');
	if (!dot || dot == h || !dot[1])
		return false;
	bool alpha = false;
	for (const char *p = h; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			alpha = true;
		else if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_'))
			return false;
	}
	return alpha;
}

/* ptr_is_generic - a PTR name that looks assigned by an ISP to a pool; a
 * name under a large provider's or a sending service's domain is a mail
 * server's whatever its words ("tx2outboundsmtppool2.messaging.microsoft.com"
 * holds "pool", "o1.ptr1234.sendgrid.net" eight digits) */
bool ptr_is_generic(const char *ptr, const char *ip)
{
	if (!ptr || provider_sending_service(span_of(ptr)))
		return false;
	static const char *const words[] = {"dsl", "pool", "dynamic", "dyn.", "-dyn", "broadband",
					    "customer", "cable", "dhcp", "ppp", "client", "static",
					    "residential", "host-", "ip-", "user", NULL};
	char low[256];
	size_t n = 0;
	for (const char *p = ptr; *p && n + 1 < sizeof low; p++)
		low[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
	low[n] = 0;
	for (int i = 0; words[i]; i++)
		if (strstr(low, words[i]))
			return true;
	/* the address's digits embedded in the name: 192-0-2-1, 1.2.0.192 ... */
	if (ip) {
		int oct[4];
		if (sscanf(ip, "%d.%d.%d.%d", &oct[0], &oct[1], &oct[2], &oct[3]) == 4) {
			char a[32], b[32];
			snprintf(a, sizeof a, "%d-%d-%d-%d", oct[0], oct[1], oct[2], oct[3]);
			snprintf(b, sizeof b, "%d.%d.%d.%d", oct[3], oct[2], oct[1], oct[0]);
			if (strstr(low, a) || strstr(low, b))
				return true;
			int digits = 0;
			for (const char *p = low; *p; p++)
				digits += *p >= '0' && *p <= '9';
			if (digits >= 8)
				return true;
		}
	}
	return false;
}

/* client_shown - the address as a reader sees it: CLIENT_NO_ADDRESS, the
 * placeholder of a client the log gives no address for, in the reader's
 * language (client_addr keeps it as the key JSON and the lists use) */
struct client_addr client_shown(const struct client *c)
{
	struct client_addr t = client_addr(c);
	if (client_is_placeholder(c))
		/* TRANSLATORS: stands where a client's address would be when the log
		 * does not give it ("unknown[]"); keep the parentheses */
		snprintf(t.s, sizeof t.s, "%s", _("(address not logged)"));
	return t;
}

/* client_clock - "11:32:05", or "2026-11-22 11:32:05" when the log covers
 * more than one calendar day (a bare clock would not say which day) */
void client_clock(struct buf *b, const struct analysis *a, struct stamp t)
{
	buf_stamp_clock(b, t, a->have_time && !stamp_same_day(a->first, a->last));
}

/* u32_cmp - for qsort */
static int u32_cmp(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

/* client_period - median interval between visits and its median deviation, ms */
bool client_period(const struct client_detail *d, uint32_t *median, uint32_t *mad)
{
	uint32_t n = d ? d->nsample : 0;
	if (n < 3)
		return false;
	uint32_t v[CLIENT_MAX_INTERVALS], dv[CLIENT_MAX_INTERVALS];
	memcpy(v, d->sample, n * sizeof *v);
	qsort(v, n, sizeof *v, u32_cmp);
	*median = v[n / 2];
	for (uint32_t i = 0; i < n; i++)
		dv[i] = v[i] > *median ? v[i] - *median : *median - v[i];
	qsort(dv, n, sizeof *dv, u32_cmp);
	*mad = dv[n / 2];
	return true;
}

/* client_period_text - "about every 180 s (± 4 s)" when the visits are regular */
void client_period_text(struct buf *b, const struct client_detail *d)
{
	uint32_t med, mad;
	if (!client_period(d, &med, &mad) || med < 1000)
		return;
	if (mad * 4 <= med)
		/* TRANSLATORS: continues "1.2.3.4 connected 12 times between 10:00 and 11:00" */
		buf_printf(b, _(", regularly: about every %.0f s (± %.0f s)"), med / 1000.0,
			   mad < 1000 ? 1.0 : mad / 1000.0);
	else
		/* TRANSLATORS: continues "1.2.3.4 connected 12 times between 10:00 and 11:00" */
		buf_printf(b, _(", irregularly (typically %.0f s apart)"), med / 1000.0);
}

/* client_identity_text - PTR and HELO facts (from the detail, when kept) */
void client_identity_text(struct buf *b, const struct client *c, const struct client_detail *d,
			  const char *ip)
{
	if (client_is_placeholder(c))
		buf_puts(b, _(" The log does not give its address (it names it \"unknown[]\" or "
			      "\"unknown[unknown]\": the client left before Postfix read it; a person "
			      "wrote a placeholder over it before pasting the lines, or it is a "
			      "postmaster transcript, which does not carry it)."));
	else if (!d || !c->sessions)
		return; /* postscreen looks up no names: nothing to say of them */
	else if (!d->ptr)
		buf_puts(b, _(" Its address has no PTR name that resolves back to it (Postfix logs it as "
			      "unknown)."));
	else if (ptr_is_generic(d->ptr, ip))
		/* TRANSLATORS: %s is the client's PTR (reverse DNS) name */
		buf_printf(b, _(" Its PTR name %s looks like a dynamic or consumer address, not a mail server."),
			   d->ptr);
	if (d && d->nhelo) {
		const char *h = d->helo[0].name;
		/* TRANSLATORS: %s is the name the client gave in HELO/EHLO */
		if (!helo_is_fqdn(h))
			buf_printf(b, _(" It introduced itself as \"%s\", which is not a fully qualified "
					"domain name."), h);
		else if (d->ptr && strcasecmp(h, d->ptr) != 0)
			/* TRANSLATORS: the HELO name, then the client's PTR name */
			buf_printf(b, _(" It introduced itself as \"%s\", which does not match its PTR name %s."),
				   h, d->ptr);
		else
			buf_printf(b, _(" It introduced itself as \"%s\"."), h);
	}
}

/* client_server_look - the client shows what a real mail server shows: a PTR
 * name that resolves back (Postfix logs it), is no dynamic or consumer
 * name, and is the name it greeted with, and it used STARTTLS */
bool client_server_look(const struct client_detail *d, const char *ip)
{
	/* ptr_is_generic last: it costs thousands of instructions a name */
	return d && d->ptr && d->nhelo == 1 && d->cmd[2] && !strcasecmp(d->helo[0].name, d->ptr) &&
	       helo_is_fqdn(d->helo[0].name) && !ptr_is_generic(d->ptr, ip);
}

/* big_provider - a large provider's server (Gmail, Microsoft...): the
 * findings tell those refusals (dnsbl-big-provider,
 * access-denied-provider), not the clients' steps */
static bool big_provider(const struct client_detail *d, const char *ip)
{
	return ev_provider_server(span_of(d->ptr ? d->ptr : ""), span_of(ip),
				  d->nhelo ? span_of(d->helo[0].name) : SPAN_NULL) != NULL;
}

/* refused_server - every attempt of c refused (spam-rejected), its first
 * refusal's text holding words, and it looks like a real mail server */
static bool refused_server(const struct analysis *a, const struct client *c, const char *words)
{
	if (c->verdict != V_SPAM_REJECTED)
		return false;
	const struct client_detail *d = client_detail(a, c);
	/* client_server_look's tests that need no search first (speed24:
	 * the search of the refusal's words before them cost the
	 * conformance slice's five passes a report about 0.5 M) */
	if (!d || !d->nreject_text || !d->ptr || d->nhelo != 1 || !d->cmd[2] ||
	    !strstr(d->reject_text[0].name, words))
		return false;
	struct client_addr ip = client_shown(c);
	return client_server_look(d, ip.s) && !big_provider(d, ip.s);
}

/* client_listed_server - a client every attempt of which a blocklist
 * refused, yet that looks like a real mail server (client_server_look):
 * its mail may have been wanted (a shared sending service listed for
 * another customer's mail).  The report asks the admin to check. */
bool client_listed_server(const struct analysis *a, const struct client *c)
{
	return refused_server(a, c, " blocked using ");
}

/* client_denied_server - the same for a bare "Access denied" (an access
 * table's REJECT without words of its own, or a plain reject): this
 * server's own rule refused a real mail server */
bool client_denied_server(const struct analysis *a, const struct client *c)
{
	return refused_server(a, c, " rejected: Access denied");
}

/* client_listed_self_sender - refused by a blocklist on port 25 from
 * outside the own network with a sender of its recipient's own domain and
 * no login (refused_senders.c): a forgery, or one of the admin's own users
 * sending from a listed line; the lines cannot tell */
bool client_listed_self_sender(const struct analysis *a, const struct client *c)
{
	if (c->verdict != V_SPAM_REJECTED || c->auth_successes || c->auth_ok_sessions)
		return false;
	const struct client_detail *d = client_detail(a, c);
	return d && d->blocked_self_sender;
}

/* client_abused_account - the compromised-suspect account it sent through */
const struct account *client_abused_account(const struct analysis *a, const struct client *c)
{
	for (uint32_t i = 0; i < c->nlogin; i++) {
		const struct login *l = client_login(a, c, i);
		const struct account *ac = login_account(a, l);
		if (!ac->compromised)
			continue;
		if (ac->new_ip && ac->new_ip - 1 == l->client)
			return ac;
		/* no earlier address in this log: the one that sent most of it */
		if (!ac->new_ip && (uint64_t)c->recipients * 10 >= (uint64_t)ac->recipients * 8 &&
		    c->recipients >= 20)
			return ac;
	}
	return NULL;
}

