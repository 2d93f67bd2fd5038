/*
 * rules_out.c - a delivery that did not succeed, an SMTP client error or
 * connection failure (SRC_OUT): the rows of rule_tables.c read on its
 * reason, relay and recipient, then what the rows cannot tell (a relay
 * service, this host's own backend, a sender refused, port 465's
 * silence), and the whole answer remembered by the fields it depends on
 * (speed16).  diag_classify (rules.c) asks it for those events.
 */
#include "rules.h"
#include "rules_internal.h"
#include "rules_match.h"
#include "lda_output.h"
#include "own_backend.h"
#include "pipe_flags.h"
#include "needles.h"
#include "../parse/provider.h"
#include "../util/cidr.h"
#include <stdio.h>
#include <string.h>

/* classify_out's whole answer by the fields it depends on (see
 * classify_out below) */
enum { OUT_SLOTS = 256, OUT_KEY = 400 };
struct out_entry {
	uint16_t n; /* key bytes; 0: empty */
	bool r;
	struct diag_hit hit;
	char key[OUT_KEY];
};
static _Thread_local struct out_entry out_memo[OUT_SLOTS];

/* diag_out_memo_reset - classify_out's answers forgotten */
void diag_out_memo_reset(void)
{
	memset(out_memo, 0, sizeof out_memo);
}

/* remote_other - a remote server's answer that no row names: temporary
 * or permanent, keyed by the provider or the host.  An SMTP client's
 * line without a status (lost connection, a reply before the delivery
 * line) is permanent only when the reply says 5xx */
static void remote_other(const struct event *ev, struct span t, struct diag_hit *hit)
{
	bool temp = span_eqs(ev->status, "deferred") || (ev->dsn.n && ev->dsn.p[0] == '4') ||
		    (ev->type != EV_DELIVERY && !ev->status.n && !(ev->dsn.n && ev->dsn.p[0] == '5') &&
		     !(ev->code.n && ev->code.p[0] == '5'));
	/* smtp_proto.c: a server that greets with 5XX is skipped and the
	 * mail deferred (smtp_skip_5xx_greeting), yet the server refuses:
	 * "refused to talk to me: 554 ..." is a refusal retried in vain */
	if (temp && span_index(t, " refused to talk to me: 5") >= 0)
		temp = false;
	hit->id = temp ? F_OUT_REMOTE_TEMP : F_OUT_REMOTE_PERM;
	struct span host = diag_conn_host(ev, t);
	const char *p = provider_name(host);
	if (p)
		snprintf(hit->key, sizeof hit->key, "%s", p);
	else
		diag_copy_key(hit->key, host.n ? host : diag_rcpt_domain(ev->to));
}

/* sender_refusal - the reply refuses the envelope sender: it names it
 * ("Sender address rejected", "Sender denied") or answers MAIL FROM (the
 * words of the whole text, as match_memo found them) */
static bool sender_refusal(const struct text_match *m)
{
	return m->lit[OUT_SENDER_REJECTED] || m->lit[OUT_SENDER_DENIED] || m->lit[OUT_MAIL_FROM];
}

/* relay_service - the server is a relay service this server submits
 * to, never a domain's MX: Google Workspace's SMTP relay, Amazon SES's
 * SMTP endpoints (email-smtp.REGION.amazonaws.com), the bulk senders'
 * relays; or a Microsoft 365 tenant's inbound host
 * (example-com.mail.protection.outlook.com names its domain) for a
 * domain other than the recipient's (this server relays through that
 * tenant's connector).  Their refusal to relay on port 25 is this side's */
static bool relay_service(const struct event *ev, struct span t)
{
	static const char tenant[] = ".mail.protection.outlook.com", ses[] = ".amazonaws.com";
	static const char *const relays[] = {"smtp-relay.gmail.com", "smtp.sendgrid.net", "smtp.mailgun.org",
					     "smtp.eu.mailgun.org", "smtp-relay.brevo.com", "smtp-relay.sendinblue.com",
					     "in-v3.mailjet.com", "smtp.sparkpostmail.com", "smtp.postmarkapp.com"};
	struct span host = ev->relay_name.n ? ev->relay_name : diag_conn_host(ev, t);
	for (size_t i = 0; i < sizeof relays / sizeof relays[0]; i++)
		if (host.n == strlen(relays[i]) && !strncasecmp(host.p, relays[i], host.n))
			return true;
	if (host.n > sizeof ses - 1 && !strncasecmp(host.p, "email-smtp.", 11) &&
	    !strncasecmp(host.p + host.n - (sizeof ses - 1), ses, sizeof ses - 1))
		return true;
	struct span dom = diag_rcpt_domain(ev->to);
	return host.n > sizeof tenant - 1 && dom.n &&
	       !strncasecmp(host.p + host.n - (sizeof tenant - 1), tenant, sizeof tenant - 1) &&
	       !diag_host_in_domain(host, dom);
}

/* bare_local_name - a bare local name with a domain appended
 * (orig_to=<root>, to=<root@NAME>): no alias rewrote it */
static bool bare_local_name(const struct event *ev)
{
	return ev->orig_to.n && span_chr(ev->orig_to, '@') < 0 && ev->to.n > ev->orig_to.n + 1 &&
	       !memcmp(ev->to.p, ev->orig_to.p, ev->orig_to.n) && ev->to.p[ev->orig_to.n] == '@';
}

/* own_origin_to_itself - a bare local name with a domain appended
 * (orig_to=<root>, to=<root@NAME>) whose delivery connects to NAME */
static bool own_origin_to_itself(const struct event *ev, struct span t)
{
	if (!bare_local_name(ev))
		return false;
	struct span dom = span_skip(ev->to, ev->orig_to.n + 1);
	struct span c = span_find(t, "connect to ");
	if (!c.p)
		return false;
	c = span_skip(c, 11);
	return c.n > dom.n && c.p[dom.n] == '[' && !strncasecmp(c.p, dom.p, dom.n);
}

/* mx_host_without_address - the delivery text's "name=HOST type=A" (or
 * AAAA) answered "Host found but no data record", HOST being another name
 * than the recipient's domain: the domain's MX host has no address */
/* reply_quotes_ipv6 - the reply begins, after its code and enhanced
 * status, with the sending address in brackets and that address is IPv6
 * (Gmail's "550-5.7.25 [2001:db8::1] The IP address sending this
 * message does not have a PTR record setup"): the reply of "said: " in
 * the text, else the text itself (a DSN's Diagnostic-Code) */
static bool reply_quotes_ipv6(struct span t)
{
	struct span r = span_find(t, " said: ");
	r = r.p ? span_skip(r, strlen(" said: ")) : t;
	r = span_cut(r, 160);
	size_t i = 0;
	while (i < 3 && i < r.n && r.p[i] >= '0' && r.p[i] <= '9')
		i++;
	if (i != 3 || i >= r.n || (r.p[i] != '-' && r.p[i] != ' '))
		return false;
	i++;
	while (i < r.n && ((r.p[i] >= '0' && r.p[i] <= '9') || r.p[i] == '.'))
		i++;
	while (i < r.n && r.p[i] == ' ')
		i++;
	if (i >= r.n || r.p[i] != '[')
		return false;
	struct span in = span_cut(span_skip(r, i + 1), 48);
	ptrdiff_t end = span_chr(in, ']');
	return end > 2 && span_chr(span_head(in, (size_t)end), ':') >= 0;
}

/* sent_over_ipv6 - did the refused delivery leave over IPv6: the
 * relay's address, else the address of "host NAME[ADDR] said", holds a
 * ':'; or the reply names IPv6 (Gmail's "IPv6 sending guidelines",
 * "IPv6AuthError", "with ip: [2001:db8::1]", a leading "[2001:db8::1]") */
static bool sent_over_ipv6(const struct event *ev, struct span t)
{
	struct span ip = ev->relay_ip;
	if (!ip.n) {
		struct span h = span_find(t, "host ");
		struct span lb = h.p ? span_find(span_cut(h, 300), "[") : SPAN_NULL;
		if (lb.p) {
			ip = span_skip(lb, 1);
			ptrdiff_t end = span_chr(span_cut(ip, 64), ']');
			ip = end >= 0 ? span_head(ip, (size_t)end) : SPAN_NULL;
		}
	}
	if (ip.n && span_chr(ip, ':') >= 0)
		return true;
	struct span q = span_find(t, "with ip: [");
	if (q.p) {
		struct span in = span_cut(span_skip(q, strlen("with ip: [")), 64);
		ptrdiff_t end = span_chr(in, ']');
		if (end > 0 && span_chr(span_head(in, (size_t)end), ':') >= 0)
			return true;
	}
	return span_find(t, "IPv6 sending guidelines").p || span_find(t, "IPv6AuthError").p || reply_quotes_ipv6(t);
}

static bool mx_host_without_address(const struct event *ev, struct span t)
{
	if (!span_find(t, "no data record").p)
		return false;
	struct span n = span_find(t, "name=");
	if (!n.p)
		return false;
	n = span_skip(n, 5);
	ptrdiff_t sp = span_chr(n, ' ');
	if (sp <= 0)
		return false;
	struct span host = span_head(n, (size_t)sp);
	struct span rest = span_skip(n, (size_t)sp);
	if (!span_starts(rest, " type=A:") && !span_starts(rest, " type=AAAA:"))
		return false;
	if (host.n && host.p[host.n - 1] == '.')
		host.n--;
	struct span dom = diag_rcpt_domain(ev->to);
	return dom.n && !(dom.n == host.n && !strncasecmp(dom.p, host.p, host.n));
}

/* masked_filter_port - an address masked in a paste and, after its
 * ']', a content filter's usual port (own_backend.h): this host's own
 * filter, as a loopback address there would be */
static bool masked_filter_port(struct span ip, struct span after)
{
	if (!own_masked_addr(ip) || !span_starts(after, ":"))
		return false;
	after = span_skip(after, 1);
	ptrdiff_t colon = span_chr(after, ':');
	return colon >= 0 && own_filter_port(span_head(after, (size_t)colon));
}

/* rcpt_limit_reply - a 452 with enhanced status 4.5.3 to RCPT TO (RFC
 * 5321 "too many recipients"; Microsoft's "Recipients belong to multiple
 * regions"): smtp_rcpt.c keeps those recipients for a later transaction,
 * no refusal.  The SMTP client's own line gives code, dsn and stage; a
 * delivery line the dsn and the reply in its reason.  A 552 5.5.3
 * bounces: a limit refused for good */
static bool rcpt_limit_reply(const struct event *ev, struct span t)
{
	if (!span_eqs(ev->dsn, "4.5.3"))
		return false;
	if (ev->code.n)
		return span_eqs(ev->code, "452") && span_eqs(ev->stage, "RCPT TO");
	ptrdiff_t k = span_index(t, "452 4.5.3 ");
	if (k < 0)
		k = span_index(t, "452-4.5.3 ");
	return k >= 0 && span_index(span_skip(t, (size_t)k), "(in reply to RCPT TO command)") >= 0;
}

/* conn_limit_reply - the remote server's answer is a limit on the
 * connections this server's IP has open at once, not on how much mail
 * it sends: "421 Too many concurrent SMTP connections", "Too many
 * connections from IP", Microsoft's 451 4.7.652 "has exceeded the
 * maximum number of connections" (S3115), Exchange's "concurrent server
 * connections", Orange's "Trop de connexions".  Case-blind; the code
 * "4.7.652" also where a paste glued it to its reply code ("4514.7.652") */
static bool conn_limit_reply(struct span t)
{
	static const char *const words[] = {
	    "too many connections",	 "too many concurrent", "maximum number of connections",
	    "concurrent server connections", "too many simultaneous", "trop de connexions",
	    "4.7.652",			 "connection count limit", "too many open connections"};
	/* every word but the code holds "conne": one scan for the usual
	 * temporary answer, which names neither */
	if (span_index(t, "4.7.652") < 0 && ci_find(t, "conne") < 0)
		return false;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (ci_find(t, words[i]) >= 0)
			return true;
	return false;
}

/* reason_cut_short - a status line whose "(TEXT)" the paste cut after a
 * few bytes ("status=bounced (unkn"): log_adhoc.c always closes the
 * reason with ')', so a line that ends without it lost its end, and
 * under 12 bytes of a reason name no cause; the agent's own backend or
 * a remote server is not to be blamed on "unkn".  A function of the
 * line alone, before the memo (whose key has the reason, not the line) */
static bool reason_cut_short(const struct event *ev)
{
	if (ev->type != EV_DELIVERY || !ev->reason.n || ev->reason.n >= 12 || !ev->line)
		return false;
	struct span l = ev->line->text;
	while (l.n && (l.p[l.n - 1] == ' ' || l.p[l.n - 1] == '\t' || l.p[l.n - 1] == '\r'))
		l.n--;
	return l.n && l.p[l.n - 1] != ')';
}

/* classify_out_find - a delivery that did not succeed */
static bool classify_out_find(const struct event *ev, struct diag_hit *hit)
{
	struct span t = ev->type == EV_SMTP_CONN_FAIL ? ev->line->text
			: ev->reason.n				 ? ev->reason
								 : ev->text;
	if (!t.n)
		return false;
	memset(hit, 0, sizeof *hit);
	struct text_match m;
	diag_match(MEMO_OUT, ev, t, &m);
	if (m.cause >= 0) {
		hit->id = rule_out[m.cause].id;
		diag_make_key(&rule_out[m.cause], ev, span_skip(t, sizeof diag_suspended - 1), hit);
	} else if (m.rule >= 0) {
		hit->id = rule_out[m.rule].id;
		diag_make_key(&rule_out[m.rule], ev, t, hit);
	} else {
		remote_other(ev, t, hit);
	}
	/* a row that names "a remote server's other reason" keeps the text
	 * from the broader rows below it (the remote's own rule, its filter
	 * failing): temporary or permanent as remote_other says */
	if (hit->id == F_OUT_REMOTE_PERM) {
		memset(hit, 0, sizeof *hit);
		remote_other(ev, t, hit);
	}
	/* "address rejected", "5.1.0" or "mailbox unavailable" said of the
	 * envelope sender is no recipient that does not exist */
	if (hit->id == F_OUT_USER_UNKNOWN && sender_refusal(&m)) {
		memset(hit, 0, sizeof *hit);
		remote_other(ev, t, hit);
	}
	/* the relay host this server submits to (a submission port, or a
	 * relay service) refusing the envelope sender for good in words no
	 * row names ("550 Sender address is not allowed", in reply to MAIL
	 * FROM): the senders the account may use, this side's setting, not a
	 * destination's policy.  A temporary one stays the remote's (a quota,
	 * a rate) */
	if (hit->id == F_OUT_REMOTE_PERM && sender_refusal(&m) &&
	    (span_eqs(ev->relay_port, "587") || span_eqs(ev->relay_port, "465") || relay_service(ev, t))) {
		memset(hit, 0, sizeof *hit);
		hit->id = F_OUT_RELAY_SENDER;
		diag_copy_key(hit->key, diag_conn_host(ev, t));
	}
	/* smtp_connect.c: a relayhost (or smtp_fallback_relay) that does not
	 * resolve is deferred with 4.3.5, "relayhost configuration problem",
	 * even when its name does not exist: the name is this server's own
	 * setting, not the recipient's domain */
	if (hit->id == F_OUT_DNS_NXDOMAIN && span_eqs(ev->dsn, "4.3.5")) {
		hit->id = F_OUT_RELAYHOST_NOT_FOUND;
		hit->key[0] = 0;
	}
	/* a bare local name (orig_to=<root>, to=<root@NAME>: no alias
	 * rewrote it, only a domain was added, myorigin) whose domain this
	 * server then did not find in DNS: its own settings, not a
	 * recipient's typo */
	if (hit->id == F_OUT_DNS_NXDOMAIN && ev->orig_to.n && span_chr(ev->orig_to, '@') < 0 &&
	    ev->to.n > ev->orig_to.n && !memcmp(ev->to.p, ev->orig_to.p, ev->orig_to.n) &&
	    ev->to.p[ev->orig_to.n] == '@' && !span_eqs(ev->status, "deferred") &&
	    !(ev->dsn.n && ev->dsn.p[0] == '4')) {
		hit->id = F_OUT_OWN_ORIGIN_NXDOMAIN;
		hit->key[0] = 0;
	}
	/* dns_lookup's "Name service error for name=HOST type=A: Host found
	 * but no data record of requested type" names the MX host that has no
	 * address record, not the recipient's domain (which exists: it has
	 * that MX): the destination's DNS is broken, as smtp's "no MX host for
	 * DOMAIN has a valid address record" beside it says; not a mistyped
	 * domain.  The domain's own name (no MX, no address) stays a domain
	 * that takes no mail */
	if (hit->id == F_OUT_DNS_NXDOMAIN && mx_host_without_address(ev, t)) {
		hit->id = F_OUT_DNS_MALFORMED;
		diag_copy_key(hit->key, diag_rcpt_domain(ev->to));
	}
	/* dns_lookup.c's "Name service error for name=DOMAIN type=MX:
	 * Malformed or unexpected name server reply": an answer came back
	 * (a resolver that is down times out, "try again") but its records
	 * could not be used: the destination's DNS data, as with a malformed
	 * MX name.  A mailbox provider's domain (gmail.com, outlook.com...)
	 * always answers well-formed data: its reply was mangled on the way
	 * to this host (its resolver, a middlebox on port 53), this host's
	 * DNS as a temporary failure is */
	if ((hit->id == F_OUT_DNS_NXDOMAIN || hit->id == F_OUT_DNS_TEMP) &&
	    span_find(t, "Malformed or unexpected name server reply").p && ev->to.n) {
		bool known = provider_mailbox_domain(diag_rcpt_domain(ev->to));
		hit->id = known ? F_OUT_DNS_TEMP : F_OUT_DNS_MALFORMED;
		if (known)
			hit->key[0] = 0;
		else
			diag_copy_key(hit->key, diag_rcpt_domain(ev->to));
	}
	/* Postfix defers on a DNS lookup only when the failure is temporary
	 * (SERVFAIL, time-out: dsn 4.4.3); a domain that does not exist bounces */
	if (hit->id == F_OUT_DNS_NXDOMAIN &&
	    (span_eqs(ev->status, "deferred") || (ev->dsn.n && ev->dsn.p[0] == '4'))) {
		hit->id = F_OUT_DNS_TEMP;
		hit->key[0] = 0;
	}
	/* 452 4.5.3 to RCPT TO: the recipients over the remote's limit per
	 * transaction, kept for the next one ("too many" is no rate here) */
	if ((hit->id == F_OUT_RATE_LIMITED || hit->id == F_OUT_REMOTE_TEMP) && rcpt_limit_reply(ev, t)) {
		struct span host = diag_conn_host(ev, t);
		const char *p = provider_name(host);
		memset(hit, 0, sizeof *hit);
		hit->id = F_OUT_RCPT_LIMIT;
		if (p)
			snprintf(hit->key, sizeof hit->key, "%s", p);
		else
			diag_copy_key(hit->key, host.n ? host : diag_rcpt_domain(ev->to));
	}
	/* a limit on this server's connections at once (a rate row's "too
	 * many", or a temporary answer no row names): the fix is this
	 * server's concurrency toward that destination */
	if ((hit->id == F_OUT_RATE_LIMITED || hit->id == F_OUT_REMOTE_TEMP) && conn_limit_reply(t))
		hit->id = F_OUT_TOO_MANY_CONNS;
	/* a rate or recipient limit answered with a 5xx bounces the mail:
	 * nothing goes out later */
	if ((hit->id == F_OUT_RATE_LIMITED || hit->id == F_OUT_RCPT_RATE || hit->id == F_OUT_TOO_MANY_CONNS) &&
	    (span_eqs(ev->status, "bounced") || (ev->dsn.n && ev->dsn.p[0] == '5')))
		hit->id = F_OUT_RATE_REFUSED;
	/* a sender-authentication or reverse-DNS refusal of mail that left
	 * over IPv6 (the relay's address, or the sending address the reply
	 * quotes, is IPv6; Gmail's "IPv6 sending guidelines"): the IPv6
	 * address lacks the SPF entry or PTR its IPv4 one has */
	if ((hit->id == F_OUT_AUTH_CHECKS || hit->id == F_OUT_NO_PTR) && sent_over_ipv6(ev, t))
		hit->id = F_OUT_IPV6_AUTH;
	/* a refused connection to this host's own services is a local service down */
	if (hit->id == F_OUT_REFUSED || hit->id == F_OUT_TIMEOUT) {
		struct span ip = ev->relay_ip;
		struct span c = span_find(t, "connect to ");
		if (!c.p)
			c = span_find(t, "connect to[");
		if (c.p) {
			struct span lb = span_find(c, "[");
			ip = SPAN_NULL;
			if (lb.p) {
				struct span in = span_skip(lb, 1);
				ptrdiff_t end = span_chr(in, ']');
				if (end >= 0)
					ip = span_head(in, (size_t)end);
			}
			ptrdiff_t rb = span_chr(c, ']');
			bool unix_socket = rb < 0;
			if (unix_socket || span_eqs(ev->line->daemon, "lmtp"))
				hit->id = span_eqs(ev->line->daemon, "lmtp") || m.lit[OUT_LMTP] ? F_LMTP_DOWN
											: F_TRANSPORT_MISSING;
			else if ((cidr_own_network(ip.p, ip.n) || masked_filter_port(ip, span_skip(c, (size_t)rb + 1))) &&
				 !m.lit[OUT_PORT25])
				/* port 24 is LMTP's (lmtp_tcp_port): the mailbox
				 * server, also in the retry service's deferral */
				hit->id = span_starts(span_skip(c, (size_t)rb + 1), ":24:") ? F_LMTP_DOWN
											 : F_FILTER_DOWN;
		}
	}
	/* the same bare local name (orig_to=<root>, to=<root@NAME>) sent to
	 * NAME itself ("connect to NAME[...]"): NAME had no MX, so its address
	 * is this host's own, and mail meant for a local mailbox left by SMTP
	 * toward this server's public address (through NAT that times out,
	 * else it loops back): its own settings, not a remote's outage */
	if ((hit->id == F_OUT_TIMEOUT || hit->id == F_OUT_REFUSED) && own_origin_to_itself(ev, t)) {
		hit->id = F_OUT_OWN_ORIGIN_NXDOMAIN;
		hit->key[0] = 0;
	}
	/* a backup MX's primary, a gateway's internal server: this site's
	 * own next hop (the relay transport, a private address on port 25),
	 * unless it is a smarthost service this server submits to */
	if ((hit->id == F_OUT_TIMEOUT || hit->id == F_OUT_REFUSED) && diag_relay_next_hop(ev, t) &&
	    !relay_service(ev, t))
		hit->id = F_RELAY_NEXT_HOP_DOWN;
	/* the same bare local name given to the SMTP client whose delivery
	 * then failed on this host's own bounce or defer service ("bounce or
	 * trace service failure", relay=none): no remote answered at all;
	 * local mail left by SMTP (it loops back to this server and its
	 * notice does the same) */
	if (span_eqs(ev->line->daemon, "smtp") && span_eqs(ev->relay_name, "none") &&
	    span_starts(t, "bounce or trace service failure") && bare_local_name(ev)) {
		hit->id = F_OUT_OWN_ORIGIN_NXDOMAIN;
		hit->key[0] = 0;
	}
	/* "Relay access denied" from port 25 is the domain's MX refusing its
	 * own domain (their stale configuration); from a submission port, or
	 * from a relay service on port 25, a smarthost that does not take
	 * this server (this side's) */
	if (hit->id == F_OUT_RELAY_DENIED && (span_eqs(ev->relay_port, "25") || m.lit[OUT_PORT25]) &&
	    !relay_service(ev, t))
		hit->id = F_OUT_MX_RELAY_DENIED;
	/* a login asked on port 25 by a server under the recipient's domain
	 * is that domain's MX refusing anonymous mail (their configuration);
	 * elsewhere, or from a server named as a submission host, this
	 * server's relay host */
	if (hit->id == F_OUT_RELAY_NO_LOGIN && (span_eqs(ev->relay_port, "25") || m.lit[OUT_PORT25]) &&
	    diag_host_in_domain(ev->relay_name.n ? ev->relay_name : diag_conn_host(ev, t),
				diag_rcpt_domain(ev->to)))
		hit->id = F_OUT_MX_LOGIN;
	/* port 465 silent until the client speaks first: a server of
	 * implicit TLS (SMTPS) dialled without smtp_tls_wrappermode */
	if (hit->id == F_OUT_CONV_LOST && span_eqs(ev->relay_port, "465") &&
	    span_find(t, "while receiving the initial server greeting").p)
		hit->id = F_OUT_TLS_WRAPPER;
	/* this host's own backend is never "a remote server" */
	char own[DIAG_KEY_MAX];
	enum own_kind kind = own_backend(ev, t, own);
	if (kind != OWN_NONE) {
		bool temp = span_eqs(ev->status, "deferred") || (ev->dsn.n && ev->dsn.p[0] == '4');
		enum finding_id to = own_finding(hit->id, kind, ev->dsn, temp);
		/* Dovecot's LDA refused by the system as the user it runs as */
		if (to == F_OWN_DELIVERY_FAILED && lda_refused_access(t))
			to = F_OWN_LDA_ACCESS;
		/* Pigeonhole's LMTP/LDA reply that the Sieve scripts failed */
		if (to == F_OWN_DELIVERY_FAILED && diag_sieve_reply(t))
			to = F_SIEVE_FAILING;
		/* pipe's D or O flag handed several recipients at once */
		if (to == F_OWN_DELIVERY_FAILED && pipe_needs_one_recipient(ev, t))
			to = F_PIPE_ONE_RCPT;
		if (to != hit->id || to == F_IN_LMTP_USER_UNKNOWN) {
			hit->id = to;
			memset(hit->key, 0, sizeof hit->key);
			memcpy(hit->key, own, strlen(own));
		}
	}
	hit->port25 = m.lit[OUT_PORT25];
	if (ev->to.n) {
		hit->recipient = true;
		diag_copy_key(hit->subject, diag_rcpt_domain(ev->to));
	}
	return true;
}

/*
 * The whole answer of classify_out, remembered (speed16): a deferred
 * queue gives the same reason to every recipient of a message and at
 * every retry, and each was classified from the start (match_memo,
 * diag_make_key, own_backend, the rows' afterthoughts: about 2 300
 * instructions).  The answer depends on the event's fields below only,
 * and on tables fixed for the process (the own networks, the providers);
 * the recipient only by its domain, whether it is empty, and whether it
 * is a bare orig_to with a domain added (then by the whole recipient).  Each slot keeps the fields'
 * bytes, each with its length, and the answer; a slot by the text's
 * length and two of its bytes, per thread.  A field too long to keep is
 * asked the long way.  tests/unit/test_out_memo.c holds it to the rules
 * with the memo off.
 */

/* out_put - a span into the key, after its length (false: too long) */
static bool out_put(char *key, size_t *n, struct span s)
{
	if (*n + 2 + s.n > OUT_KEY)
		return false;
	key[*n] = (char)(s.n & 0xff);
	key[*n + 1] = (char)(s.n >> 8);
	if (s.n)
		memcpy(key + *n + 2, s.p, s.n);
	*n += 2 + s.n;
	return true;
}

/* the fields of the key after its four bytes, in order (the text first:
 * its length tells most other texts apart).  Every field of the event
 * that classify_out_find, or anything it calls, reads must be here (or
 * in out_head): a row that reads another one adds it, else the memo
 * gives one event another's answer (test_out_memo.c) */
enum { OUT_FIELDS = 14 };
static inline __attribute__((always_inline)) void out_fields(const struct event *ev, struct span t,
							     bool reason_is_t, bool bare, struct span *f)
{
	f[0] = t;
	f[1] = ev->line->daemon;
	f[2] = ev->line->service;
	f[3] = ev->status;
	f[4] = ev->dsn;
	f[5] = ev->code;
	f[6] = diag_rcpt_domain(ev->to);
	f[7] = ev->relay;
	f[8] = ev->relay_name;
	f[9] = ev->relay_ip;
	f[10] = ev->relay_port;
	f[11] = ev->client_ip;
	f[12] = reason_is_t ? SPAN_NULL : ev->reason;
	/* a bare orig_to given a domain: the whole recipient (its orig_to is
	 * the part before its first '@'), for the rows that compare the name
	 * the domain was added to with the host connected to */
	f[13] = bare ? ev->to : SPAN_NULL;
}

/* out_head - the key's first four bytes: the type and the recipient's
 * three facts the answer may depend on (see above), as one word */
static inline uint32_t out_head(const struct event *ev, struct span t, bool *reason_is_t, bool *bare)
{
	struct span to = ev->to, orig = ev->orig_to;
	*bare = orig.n && span_chr(orig, '@') < 0 && to.n > orig.n && !memcmp(to.p, orig.p, orig.n) &&
		to.p[orig.n] == '@';
	*reason_is_t = ev->reason.p == t.p && ev->reason.n == t.n;
	return (uint32_t)(unsigned char)ev->type | (uint32_t)*bare << 8 | (uint32_t)(to.n != 0) << 16 |
	       (uint32_t)*reason_is_t << 24;
}

/* out_same - the entry's key is the head and these fields, byte for byte
 * (its lengths first: nothing is read past a span) */
static inline bool out_same(const struct out_entry *e, uint32_t head, const struct span *f)
{
	const unsigned char *k = (const unsigned char *)e->key;
	if (!e->n || (uint32_t)(k[0] | k[1] << 8 | k[2] << 16 | (uint32_t)k[3] << 24) != head)
		return false;
	size_t at = 4;
	for (int i = 0; i < OUT_FIELDS; i++) {
		size_t n = (size_t)k[at] | (size_t)k[at + 1] << 8;
		if (n != f[i].n)
			return false;
		if (n && !bytes_eq((const char *)k + at + 2, f[i].p, n))
			return false;
		at += 2 + n;
	}
	return at == e->n;
}

/* out_slot - the slot of a text and its recipient's domain (the
 * addresses inside the text, the domains of one relay tell them apart) */
static inline unsigned out_slot(struct span t, struct span dom)
{
	uint64_t h = diag_text_mix(t.n * 0x9E3779B97F4A7C15ULL, t);
	return diag_slot(diag_mix(h, dom), OUT_SLOTS);
}

/* classify_out - classify_out_find, remembered */
bool diag_classify_out(const struct event *ev, struct diag_hit *hit)
{
	if (reason_cut_short(ev))
		return false;
	struct span t = ev->type == EV_SMTP_CONN_FAIL ? ev->line->text
			: ev->reason.n				 ? ev->reason
								 : ev->text;
	if (diag_rules_memo_is_off() || !t.n)
		return classify_out_find(ev, hit);
	bool reason_is_t, bare;
	uint32_t head = out_head(ev, t, &reason_is_t, &bare);
	struct span f[OUT_FIELDS];
	out_fields(ev, t, reason_is_t, bare, f);
	struct out_entry *e = &out_memo[out_slot(t, f[6])];
	if (out_same(e, head, f)) {
		if (e->r)
			*hit = e->hit;
		return e->r;
	}
	bool r = classify_out_find(ev, hit);
	/* kept when every field fits, else the slot is emptied */
	size_t n = 4;
	memcpy(e->key, &(unsigned char[4]){(unsigned char)head, (unsigned char)(head >> 8),
					    (unsigned char)(head >> 16), (unsigned char)(head >> 24)},
	       4);
	e->n = 0;
	for (int i = 0; i < OUT_FIELDS; i++)
		if (!out_put(e->key, &n, f[i]))
			return r;
	e->n = (uint16_t)n;
	e->r = r;
	if (r)
		e->hit = *hit;
	return r;
}
