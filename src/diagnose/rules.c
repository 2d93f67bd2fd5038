/*
 * rules.c - from one event to the finding it shows: tables of rules, read
 * top to bottom, the first match wins.
 *
 * Four kinds of line are looked at, nothing else (so the usual traffic
 * costs one switch on the event type):
 *   SRC_OUT     a delivery that did not succeed (status deferred, bounced,
 *               expired), an SMTP client error or connection failure: the
 *               reason text (of "host NAME[ADDR] said: REPLY", the reply),
 *               the relay, the recipient;
 *   SRC_REJECT  smtpd's and postscreen's NOQUEUE/queue-ID rejects;
 *   SRC_DIAG    a line with a severity (warning, error, fatal, panic);
 *   SRC_PLAIN   the few daemon lines that matter without a severity;
 * and qmgr's expiry of a message, which names no cause (one finding).
 * The rows are in rule_tables.c (deliveries, refusals) and
 * rule_tables_severity.c (severities, plain lines, other programs');
 * SRC_OUT is read in rules_out.c; a table's first row that takes a
 * text, and the answer remembered, in rules_match.c.
 * Every text is untrusted: rules only search it (bounded, case-blind) and
 * copy a bounded key out of it.
 */
#include "rules.h"
#include "pipe_flags.h"
#include "rules_internal.h"
#include "rules_match.h"
#include "own_backend.h"
#include "../parse/provider.h"
#include "../parse/reply_words.h"
#include "../util/cidr.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <pthread.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* role_address - postmaster@ (RFC 5321) or abuse@ (RFC 2142), any case */
static bool role_address(struct span to)
{
	ptrdiff_t at = span_rchr(to, '@');
	if (at < 0)
		return false;
	static const char *const roles[] = {"postmaster", "abuse"};
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if ((size_t)at == strlen(roles[i]) && !strncasecmp(to.p, roles[i], (size_t)at))
			return true;
	return false;
}

/* role_key - the role address, lowered, as the group's key */
static void role_key(struct diag_hit *hit, struct span to)
{
	diag_copy_key(hit->key, to);
	for (char *p = hit->key; *p; p++)
		*p = (char)tolower((unsigned char)*p);
}

/* system_account - the recipient's local part names an account of this
 * host's own programs, whose notices (cron's output, the content
 * filter's and the virus scanner's reports) go to it: Debian's and Red
 * Hat's service users, in any case */
static bool system_account(struct span to)
{
	ptrdiff_t at = span_rchr(to, '@');
	size_t n = at >= 0 ? (size_t)at : to.n;
	static const char *const names[] = {
	    "root", "daemon", "bin", "www-data", "apache", "nginx", "mail",
	    "postfix", "dovecot", "vmail", "amavis", "clamav", "clamupdate", "debian-spamd",
	    "spamd", "opendkim", "opendmarc", "_rspamd", "rspamd", "logcheck", "logwatch",
	    "cron", "mysql", "postgres", "backup"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (n == strlen(names[i]) && !strncasecmp(to.p, names[i], n))
			return true;
	return false;
}

/* alias_expanded - the delivery's recipient came from an alias: orig_to=
 * names another local part than to= (not "root" made "root@host" by
 * appending the domain) */
static bool alias_expanded(const struct event *ev)
{
	struct span o = ev->orig_to, t = ev->to;
	if (!o.n || !t.n)
		return false;
	ptrdiff_t oa = span_chr(o, '@'), ta = span_chr(t, '@');
	struct span ol = oa >= 0 ? span_head(o, (size_t)oa) : o;
	struct span tl = ta >= 0 ? span_head(t, (size_t)ta) : t;
	return !span_ieq(ol, tl);
}

/* command_as_user - local's "unknown user: \"NAME\"" (local/unknown.c)
 * whose NAME is a command ("| program") or a file ("/path"): an alias
 * target reached through a table that only rewrites addresses
 * (virtual_alias_maps), taken as a user name */
static bool command_as_user(const struct event *ev)
{
	struct span r = span_find(ev->reason, "unknown user: \"");
	if (!r.p)
		return false;
	r = span_skip(r, sizeof "unknown user: \"" - 1);
	while (r.n && r.p[0] == ' ')
		r = span_skip(r, 1);
	return r.n > 1 && (r.p[0] == '|' || (r.p[0] == '/' && r.p[1] != '"'));
}

/* relay_tester_behind_nat - a "Relay access denied" from a private
 * address (not loopback) whose sender is its recipient, an outside
 * address mailed to itself, under a HELO that is no domain name
 * ("WIN-9QL4SDRB93L"): how open-relay testers on the Internet probe
 * (they send to a mailbox of their own to see whether it arrives), not
 * how the admin's own application sends; the private address is a
 * gateway's (Docker's published ports, a NAT) that stands for them */
static bool relay_tester_behind_nat(const struct event *ev)
{
	return !cidr_loopback_text(ev->client_ip.p, ev->client_ip.n) && ev->from.n &&
	       span_eq(ev->from, ev->to) && ev->helo.n && span_chr(ev->helo, '.') < 0;
}

/* submission_unlogged - a bare "reject" on a submission service (a
 * master.cf service other than the port 25 "smtp": submission, smtps),
 * "Client host rejected: Access denied" and its sender and recipient
 * forms: the restriction that follows permit_sasl_authenticated there,
 * which only a client that did not log in reaches (a mail program or
 * device not set to log in); "Relay access denied" and the other
 * checks' words are not it */
static bool submission_unlogged(const struct event *ev, struct span t)
{
	struct span svc = ev->line->service;
	/* at CONNECT, HELO, EHLO nobody has logged in: the service refuses all */
	if (span_eqs(ev->stage, "CONNECT") || span_eqs(ev->stage, "HELO") || span_eqs(ev->stage, "EHLO"))
		return false;
	return svc.n && !span_eqs(svc, "smtp") && span_eqs(ev->line->daemon, "smtpd") &&
	       span_find(t, " rejected: Access denied").p;
}

/* classify_text_command - a message's own line (To:, Subject:) logged as
 * a non-SMTP command of a client on this server's network or on a
 * submission service: a user's program sending its text as commands,
 * keyed by the client */
static bool classify_text_command(const struct event *ev, struct diag_hit *hit)
{
	struct span svc = ev->line->service;
	bool submission = svc.n && !span_eqs(svc, "smtp");
	if (!ev->client_ip.n || !ev_message_header(ev->command) ||
	    !(submission || cidr_own_network(ev->client_ip.p, ev->client_ip.n)))
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = F_IN_OWN_TEXT_AS_COMMANDS;
	diag_copy_key(hit->key, ev->client_ip);
	diag_copy_key(hit->subject, ev->client_ip);
	return true;
}

/* own_sender_domain - a sender domain that does not exist ("Domain not
 * found", reject_unknown_sender_domain) or is no domain at all ("need
 * fully-qualified address", reject_non_fqdn_sender), refused to a client
 * of this server's own network or on a submission service: a device or
 * program of the admin's that sends as nas@nas.lan or root@localhost;
 * not a large provider's mailbox domain (gmail.com always exists: this
 * host's resolver failed), nor a private address greeting as a large
 * provider's server (a NAT standing for it); the domain in *dom */
static bool own_sender_domain(const struct event *ev, struct span t, struct span *dom)
{
	if (ev_reply_lacks(ev, RW_BIT(RW_SENDER_REJECTED)))
		return false;
	if (!span_find(t, "Sender address rejected: Domain not found").p &&
	    !span_find(t, "Sender address rejected: need fully-qualified address").p)
		return false;
	struct span svc = ev->line->service;
	bool submission = svc.n && !span_eqs(svc, "smtp") && span_eqs(ev->line->daemon, "smtpd");
	bool own = ev->client_ip.n && cidr_own_network(ev->client_ip.p, ev->client_ip.n) &&
		   !(ev->helo.n && provider_name(ev->helo));
	if (!submission && !own)
		return false;
	ptrdiff_t at = span_rchr(ev->from, '@');
	*dom = at >= 0 ? span_skip(ev->from, (size_t)at + 1) : ev->from;
	return !(dom->n && provider_mailbox_domain(*dom));
}

/* own_login_required - smtpd_check.c's reject_unauthenticated_sender_login_mismatch
 * (also part of reject_sender_login_mismatch): "Sender address rejected:
 * not logged in", a sender address that smtpd_sender_login_maps gives to
 * a login, used by a client that did not log in; of a client on this
 * server's own network (not one greeting as a large provider's server: a
 * NAT standing for it) or on a submission service it is a web
 * application, a container or a device of the admin's set up without
 * SMTP AUTH.  A stranger on port 25 sending as a user is a forger, whose
 * refusal is the check working: not this */
static bool own_login_required(const struct event *ev, struct span t)
{
	if (!ev->client_ip.n || ev_reply_lacks(ev, RW_BIT(RW_SENDER_REJECTED)) ||
	    !span_find(t, "Sender address rejected: not logged in").p)
		return false;
	struct span svc = ev->line->service;
	bool submission = svc.n && !span_eqs(svc, "smtp") && span_eqs(ev->line->daemon, "smtpd");
	return submission || (cidr_own_network(ev->client_ip.p, ev->client_ip.n) &&
			      !(ev->helo.n && provider_name(ev->helo)));
}

/* login_refused_own_address - "<ADDR>: Sender address rejected: not owned
 * by user LOGIN" where LOGIN is ADDR itself (case aside): the login sent
 * as its own address and smtpd_sender_login_maps did not give it to it,
 * so the map's lookup is what fails (a query returning another form of
 * the name, a missing domain part), not the user's identity; the login
 * in *login */
static bool login_refused_own_address(struct span t, struct span *login)
{
	ptrdiff_t k = span_index(t, ": Sender address rejected: not owned by user ");
	if (k <= 0)
		return false;
	struct span rest = span_skip(t, (size_t)k + 45), addr = span_head(t, (size_t)k);
	ptrdiff_t lt = span_rchr(addr, '<');
	if (lt < 0 || !span_ends(addr, ">"))
		return false;
	addr = span_head(span_skip(addr, (size_t)lt + 1), addr.n - (size_t)lt - 2);
	ptrdiff_t end = span_chr(rest, ';');
	*login = span_trim(end >= 0 ? span_head(rest, (size_t)end) : rest);
	return addr.n && login->n == addr.n && !strncasecmp(login->p, addr.p, addr.n);
}

/* error_transport_refusal - smtpd_check.c's refusal of a recipient that
 * resolves to the error transport (default_transport or relay_transport
 * = error, a transport_maps entry "error:" without a text): "5.1.1
 * <addr>: Recipient address rejected: NEXTHOP", the next hop being the
 * relay host ("[smtp.example.com]:587", "smtp.example.com:587") or the
 * recipient's own domain; an access table's or a recipient table's words
 * ("Access denied", "User unknown in ...") are not it.  The next hop in
 * *hop */
static bool error_transport_refusal(const struct event *ev, struct span t, struct span *hop)
{
	static const char said[] = ": Recipient address rejected: ";
	if (ev_reply_lacks(ev, RW_BIT(RW_RCPT_REJECTED)))
		return false;
	struct span h = span_find(t, said);
	if (!h.p || !span_eqs(ev->dsn, "5.1.1"))
		return false;
	h = span_skip(h, sizeof said - 1);
	ptrdiff_t semi = span_chr(h, ';');
	if (semi >= 0)
		h.n = (size_t)semi;
	while (h.n && h.p[h.n - 1] == ' ')
		h.n--;
	if (!h.n || h.n > 255)
		return false;
	for (size_t i = 0; i < h.n; i++) {
		unsigned char c = (unsigned char)h.p[i];
		if (!isalnum(c) && (!c || !strchr(".-_[]:", c)))
			return false;
	}
	*hop = h;
	struct span dom = diag_rcpt_domain(ev->to);
	if (dom.n == h.n && !strncasecmp(dom.p, h.p, h.n))
		return true;
	struct span port = h;
	if (h.p[0] == '[') {
		ptrdiff_t close = span_chr(h, ']');
		if (close < 2)
			return false;
		port = span_skip(h, (size_t)close + 1);
		if (!port.n)
			return true;
	} else {
		ptrdiff_t colon = span_chr(h, ':');
		if (colon < 1 || span_chr((struct span){h.p, (size_t)colon}, '.') < 0)
			return false;
		port = span_skip(h, (size_t)colon);
	}
	return port.n > 1 && port.p[0] == ':' && span_digits(span_skip(port, 1));
}

/* classify_reject - a refusal that says something about this server */
static bool classify_reject(const struct event *ev, struct diag_hit *hit)
{
	struct span t = ev->reason, what;
	struct text_match m;
	memset(hit, 0, sizeof *hit);
	diag_match(MEMO_REJECT, ev, t, &m);
	/* a large provider's own server that this host could not name: its
	 * DNS, before the row that blames the client's missing name */
	if (ev_reject_unresolved_provider(ev)) {
		hit->id = F_IN_PTR_LOOKUP_FAILING;
		diag_copy_key(hit->key, span_of(provider_name(ev->helo)));
	} else if (ev_reject_cannot_find(ev) && provider_name(ev->helo) &&
		   !cidr_loopback_text(ev->client_ip.p, ev->client_ip.n) &&
		   cidr_own_network(ev->client_ip.p, ev->client_ip.n)) {
		/* a large provider's server "without a name" at a private
		 * address: a NAT (Docker's published ports) stands for it; the
		 * gateway has no PTR, the provider's server has one */
		hit->id = F_IN_NAT_HIDES;
		diag_copy_key(hit->key, ev->client_ip);
	} else if (own_sender_domain(ev, t, &what)) {
		hit->id = F_IN_OWN_SENDER_DOMAIN;
		diag_copy_key(hit->key, what);
		for (char *p = hit->key; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	} else if (!ev_reply_lacks(ev, RW_BIT(RW_NOT_OWNED)) && login_refused_own_address(t, &what)) {
		hit->id = F_IN_LOGIN_MAP_OWN_ADDRESS;
		diag_copy_key(hit->key, what);
	} else if (own_login_required(ev, t)) {
		/* keyed by the client, its subject too; on loopback the
		 * program runs on this host: its settings are this server's */
		bool loopback = cidr_loopback_text(ev->client_ip.p, ev->client_ip.n);
		hit->id = loopback ? F_IN_LOCAL_LOGIN_REQUIRED : F_IN_OWN_LOGIN_REQUIRED;
		diag_copy_key(hit->key, ev->client_ip);
		diag_copy_key(hit->subject, ev->client_ip);
	} else if (ev_verify_probe_local(ev, &what)) {
		/* keyed by the probe's reason, the address refused its subject */
		hit->id = F_VERIFY_PROBE_LOCAL;
		diag_copy_key(hit->key, what);
		diag_copy_key(hit->subject, span_find(t, "Sender address rejected: ").p ? ev->from : ev->to);
		return true;
	} else if (error_transport_refusal(ev, t, &what)) {
		/* keyed by the next hop, the client its subject */
		hit->id = F_IN_ERROR_TRANSPORT;
		diag_copy_key(hit->key, what);
	} else if (submission_unlogged(ev, t)) {
		/* keyed by the service, the client its subject */
		hit->id = F_IN_SUBMISSION_NO_LOGIN;
		diag_copy_key(hit->key, ev->line->service);
	} else if (m.rule >= 0) {
		hit->id = rule_reject[m.rule].id;
		diag_make_key(&rule_reject[m.rule], ev, t, hit);
		/* a milter's SPF or DMARC refusal of a large provider's server
		 * at a private address: the check judged a gateway's address */
		if (hit->id == F_IN_SENDER_AUTH_REFUSED && provider_name(ev->helo) &&
		    !cidr_loopback_text(ev->client_ip.p, ev->client_ip.n) &&
		    cidr_own_network(ev->client_ip.p, ev->client_ip.n)) {
			memset(hit->key, 0, sizeof hit->key);
			hit->id = F_IN_NAT_HIDES;
			diag_copy_key(hit->key, ev->client_ip);
		}
		/* the subject is the domain that was not found */
		struct span dom;
		const char *service;
		if (hit->id == F_RESOLVER_FAILING && span_find(t, "Sender address rejected").p &&
		    (service = ev_reject_service_domain(ev, &dom))) {
			/* a sending service's server, deferred for its
			 * customer's domain: the service is the key */
			hit->id = F_IN_SERVICE_DOMAIN_NOT_FOUND;
			diag_copy_key(hit->key, span_of(service));
			diag_copy_key(hit->subject, ev->client_ip);
			return true;
		}
		if (hit->id == F_RESOLVER_FAILING && ev_reject_domain_not_found(ev, &dom)) {
			diag_copy_key(hit->subject, dom);
			for (char *p = hit->subject; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			return true;
		}
	} else if (ev_reject_greylist(ev)) {
		/* greylisting's words no row above names (rspamd's "4.7.1 Try
		 * again later" through its milter, policyd's "come back later"):
		 * the same test that makes such a refusal accuse nobody */
		hit->id = F_IN_GREYLISTING;
	} else if (m.lit[REJECT_RELAY_DENIED] && ev_reject_provider_relay_denied(ev)) {
		/* a large provider delivers only to a domain's MX: the domain is ours */
		hit->id = F_IN_OWN_DOMAIN_RELAY_DENIED;
		struct span dom = diag_rcpt_domain(ev->to);
		diag_copy_key(hit->key, dom);
		for (char *p = hit->key; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	} else if (ev_reject_provider_access_denied(ev, &what)) {
		hit->id = F_IN_ACCESS_DENIED_PROVIDER;
		diag_copy_key(hit->key, what);
	} else if (m.lit[REJECT_RELAY_DENIED] && cidr_own_network(ev->client_ip.p, ev->client_ip.n)) {
		hit->id = relay_tester_behind_nat(ev) ? F_IN_NAT_HIDES : F_IN_OWN_RELAY_DENIED;
		diag_copy_key(hit->key, ev->client_ip);
	} else if (m.lit[REJECT_BLOCKED] && ev_provider_server(ev->client_name, ev->client_ip, ev->helo)) {
		hit->id = F_IN_DNSBL_BIG_PROVIDER;
		struct span after = span_find(t, "blocked using ");
		diag_copy_key(hit->key, diag_token(span_skip(after, 14)));
	} else if (m.lit[REJECT_USER_UNKNOWN] && role_address(ev->to)) {
		hit->id = F_IN_ROLE_MISSING;
		role_key(hit, ev->to);
	} else if (m.lit[REJECT_USER_UNKNOWN] && ev->client_ip.n) {
		hit->id = F_IN_USER_UNKNOWN_HARVEST;
		diag_copy_key(hit->key, ev->client_ip);
		diag_copy_key(hit->subject, ev->to);
		return true;
	} else {
		return false;
	}
	diag_copy_key(hit->subject, ev->client_ip);
	return true;
}

/* classify_dnsbl - dnsblog's answers: 127.255.255.x is an error code */
static bool classify_dnsbl(const struct event *ev, struct diag_hit *hit)
{
	if (!span_starts(ev->reason, "127.255.255."))
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = F_IN_DNSBL_ERROR;
	diag_copy_key(hit->key, ev->listed);
	diag_copy_key(hit->subject, ev->client_ip);
	return true;
}

/* is_command - a Postfix program that a person or a script runs, not a
 * daemon that master runs: its fatal error stops that command only */
static bool is_command(struct span daemon)
{
	/* each name with its length, compared only at its own length
	 * (speed31: span_eqs's strlen of each of the thirteen cost about
	 * 280 instructions a warning line) */
#define C(s) {s, sizeof s - 1}
	static const struct {
		const char *s;
		size_t n;
	} commands[] = {C("postsuper"), C("postqueue"), C("postmap"),  C("postalias"), C("postconf"),
			C("postcat"),	C("postmulti"), C("postlog"),  C("postkick"),  C("postlock"),
			C("sendmail"),	C("mailq"),	C("newaliases")};
#undef C
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (daemon.n == commands[i].n && !memcmp(daemon.p, commands[i].s, daemon.n))
			return true;
	return false;
}

/* own_name_refused - mail_params.c's check of this host's own name
 * (myhostname from gethostname(), mydomain): "valid_hostname: numeric
 * hostname: 192.0.2.1" and "unable to use my own hostname", or "parameter
 * myhostname: bad parameter value", said by master, the postfix command
 * or another command that reads main.cf; every Postfix program stops so */
static bool own_name_refused(const struct logline *l)
{
	struct span d = l->daemon;
	if (!span_eqs(d, "master") && !span_eqs(d, "postfix") && !span_eqs(d, "postdrop") && !is_command(d))
		return false;
	struct span t = l->text;
	return span_starts(t, "valid_hostname: ") || span_starts(t, "unable to use my own hostname") ||
	       span_find(t, "parameter myhostname: bad parameter value").p ||
	       span_find(t, "parameter mydomain: bad parameter value").p;
}

/* server_lookup_addr - smtpd_check.c's check_server_access warning
 * "Unable to look up MX|NS host H for CLASS ADDRESS: R" (the MX or NS
 * host of an address's domain has no address): the address in *addr.
 * An address without '@' is its own domain (a bare name such as "helga":
 * the client wrote no domain); one with '@' is the domain's DNS data */
static bool server_lookup_addr(const struct logline *l, struct span *addr)
{
	if (!span_eqs(l->daemon, "smtpd"))
		return false;
	struct span t = l->text;
	if (!span_eat(&t, "Unable to look up MX host ") && !span_eat(&t, "Unable to look up NS host "))
		return false;
	struct span f = span_find(t, " for Recipient address ");
	size_t k = 23;
	if (!f.p) {
		f = span_find(t, " for Sender address ");
		k = 20;
	}
	if (!f.p)
		return false;
	struct span a = span_skip(f, k);
	ptrdiff_t colon = span_index(a, ": ");
	if (colon <= 0 || colon > 320)
		return false;
	*addr = span_head(a, (size_t)colon);
	return span_chr(*addr, ' ') < 0;
}

/* quarantine_key - what held or discarded the mail, as the group's key:
 * a header or body rule's own text ("hold: header Subject: ... : TEXT"),
 * else its class and header name ("header Subject"); an access table's or
 * a milter's words ("Sender address triggers HOLD action", without the
 * address before them); the discard(8) transport */
static void quarantine_key(const struct event *ev, struct diag_hit *hit)
{
	struct span k = ev->reason;
	if (ev->type == EV_DELIVERY) {
		snprintf(hit->key, sizeof hit->key, "the discard transport");
		return;
	}
	if (ev->type == EV_CLEANUP_ACTION && (span_eqs(ev->stage, "header") || span_eqs(ev->stage, "body"))) {
		if (ev->text.n) {
			diag_copy_key(hit->key, ev->text);
			return;
		}
		ptrdiff_t colon = span_chr(k, ':');
		struct span name = span_eqs(ev->stage, "header") && colon > 0 ? span_head(k, (size_t)colon) : SPAN_NULL;
		snprintf(hit->key, sizeof hit->key, "%.*s%s%.*s", (int)ev->stage.n, ev->stage.p, name.n ? " " : "",
			 (int)(name.n < 64 ? name.n : 64), name.p);
		return;
	}
	ptrdiff_t gt = span_index(k, ">: ");
	if (k.n && k.p[0] == '<' && gt >= 0)
		k = span_skip(k, (size_t)gt + 3);
	diag_copy_key(hit->key, k);
}

static bool is_command(struct span daemon);

/* own_config_file - a file table's "open /PATH: No such file or
 * directory" row that names Postfix's own main.cf or master.cf (the
 * configuration itself is missing), or that a command wrote (postmap,
 * postalias given a source file that is not there): the command or
 * daemon fails, no table of the running server is missing */
static bool own_config_file(const struct diag_hit *hit, const struct logline *l)
{
	if (hit->id != F_MAP_MISSING || !span_starts(l->text, "open /"))
		return false;
	struct span k = span_of(hit->key);
	return span_ends(k, "/main.cf") || span_ends(k, "/master.cf") || is_command(l->daemon);
}

/* classify_quarantine - mail accepted and then held or thrown away: a
 * HOLD or DISCARD action (smtpd's access tables, cleanup's header and
 * body checks, a milter), or a delivery by the discard(8) transport */
static bool classify_quarantine(const struct event *ev, struct diag_hit *hit)
{
	struct span a = ev->action;
	bool held = span_eqs(a, "hold") || span_eqs(a, "milter-hold");
	bool gone = span_eqs(a, "discard") || span_eqs(a, "milter-discard");
	if (ev->type == EV_DELIVERY)
		gone = span_eqs(ev->line->daemon, "discard") && span_eqs(ev->status, "sent");
	if (!held && !gone)
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = held ? F_MAIL_HELD : F_MAIL_DISCARDED;
	quarantine_key(ev, hit);
	return true;
}

bool diag_classify(const struct event *ev, struct diag_hit *hit)
{
	/* once per thread through pthread_once (which orders compile's
	 * writes before this thread's reads), then a thread-local test */
	static _Thread_local bool ready;
	if (!ready) {
		diag_rules_ready();
		ready = true;
	}
	/* hit is cleared only on the way to a finding: most events show none */
	const struct logline *l = ev->line;
	if (!l)
		return false;
	if ((ev->type == EV_PS_PREGREET || ev->type == EV_PIPELINING || ev->type == EV_NON_SMTP) &&
	    diag_proxy_sent(ev, hit))
		return true;
	switch (ev->type) {
	case EV_DELIVERY:
		if (span_eqs(ev->status, "sent") || span_eqs(ev->status, "deliverable") ||
		    span_eqs(ev->status, "undeliverable")) {
			/* Amavis took the message and kept it: "250 2.7.0 Ok,
			 * discarded, id=... - SPAM", "250 2.5.0 Ok, id=..., BOUNCE"
			 * (this host's own filter refusing it as spam or a virus) */
			if (filter_reply_drop(ev->reason) != FILTER_PASSED) {
				memset(hit, 0, sizeof *hit);
				if (own_backend(ev, ev->reason, hit->key) != OWN_FILTER)
					return false;
				hit->id = F_OWN_CONTENT;
				return true;
			}
			return span_eqs(ev->line->daemon, "discard") && classify_quarantine(ev, hit);
		}
		if (!diag_classify_out(ev, hit))
			return false;
		/* local or virtual: no such user, for a role every domain has */
		if (hit->id == F_OWN_USER_UNKNOWN && command_as_user(ev)) {
			hit->id = F_ALIAS_COMMAND_AS_USER;
			hit->key[0] = 0;
		} else if (hit->id == F_OWN_USER_UNKNOWN && role_address(ev->to)) {
			hit->id = F_IN_ROLE_MISSING;
			role_key(hit, ev->to);
		} else if (hit->id == F_OWN_USER_UNKNOWN && alias_expanded(ev)) {
			/* keyed by the alias's domain (its lines name each alias) */
			hit->id = F_ALIAS_TARGET_UNKNOWN;
			role_key(hit, diag_rcpt_domain(ev->orig_to));
		} else if ((hit->id == F_OWN_USER_UNKNOWN || hit->id == F_IN_LMTP_USER_UNKNOWN) &&
			   system_account(ev->to)) {
			/* keyed by the account (its lines name its domains) */
			hit->id = F_SYSTEM_ACCOUNT_UNKNOWN;
			ptrdiff_t at = span_rchr(ev->to, '@');
			role_key(hit, at >= 0 ? span_head(ev->to, (size_t)at) : ev->to);
		}
		return true;
	case EV_SMTP_ERROR:
	case EV_SMTP_CONN_FAIL:
		return diag_classify_out(ev, hit);
	case EV_NON_SMTP:
		return classify_text_command(ev, hit);
	case EV_REJECT:
		if (classify_quarantine(ev, hit) || diag_rule_action(ev, hit) || diag_forged_own_hit(ev, hit))
			return true;
		return classify_reject(ev, hit);
	case EV_CLEANUP_ACTION: /* cleanup's milter-reject after the message's data */
		if (span_eqs(ev->action, "milter-reject"))
			return classify_reject(ev, hit);
		if (classify_quarantine(ev, hit) || diag_rule_action(ev, hit))
			return true;
		break;
	case EV_PS_DNSBL:
		return classify_dnsbl(ev, hit);
	case EV_OTHER: /* a policy service's own decision (parse/policy.c) */
		if (diag_log_gap_hit(ev, hit) || diag_amavis_hit(ev, hit) || diag_dmarc_hit(ev, hit) ||
		    diag_oom_hit(ev, hit) || diag_auth_hit(ev, hit) || diag_dovecot_hit(ev, hit))
			return true;
		if (!span_eqs(ev->action, "greylist"))
			/* another program that tells of this server's setup
			 * (OpenDKIM not signing): rule_other, by its program */
			return diag_other_program(l->daemon) && diag_apply(MEMO_OTHER, ev, l->text, hit);
		memset(hit, 0, sizeof *hit);
		hit->id = F_IN_GREYLISTING;
		diag_copy_key(hit->subject, ev->client_ip);
		return true;
	case EV_EXPIRED: /* qmgr gave up: the message's fate, not a reason */
		memset(hit, 0, sizeof *hit);
		hit->id = F_MAIL_EXPIRED;
		return true;
	default:
		break;
	}
	if (!l->postfix)
		return false;
	/* the client's DNS, not this server's: never a sign against it; a
	 * lookup that failed for now (EAI_AGAIN) is DNS that did not answer,
	 * most often this host's resolver */
	if (ev->type == EV_HOSTNAME_VERIFY && ev_name_lookup_tempfail(ev)) {
		memset(hit, 0, sizeof *hit);
		hit->id = F_IN_NAME_LOOKUP_TEMP;
		diag_copy_key(hit->subject, ev->client_ip);
		return true;
	}
	if (ev->type == EV_HOSTNAME_VERIFY) {
		memset(hit, 0, sizeof *hit);
		hit->id = F_IN_REMOTE_DNS;
		snprintf(hit->key, sizeof hit->key, "reverse DNS does not match");
		diag_copy_key(hit->subject, ev->client_ip);
		return true;
	}
	struct span looked;
	if (l->severity.n && server_lookup_addr(l, &looked)) {
		/* a recipient written without a domain: Postfix completes it
		 * with $myorigin; with one, its domain's MX data is broken */
		memset(hit, 0, sizeof *hit);
		bool bare = span_chr(looked, '@') < 0 && span_find(l->text, " for Recipient address ").p;
		hit->id = bare ? F_IN_RCPT_NO_DOMAIN : F_IN_REMOTE_DNS;
		if (bare)
			diag_copy_key(hit->subject, looked);
		else
			snprintf(hit->key, sizeof hit->key, "malformed DNS data");
		return true;
	}
	if (l->severity.n) {
		/* this host's own name, not a client's DNS, before the rows */
		if (own_name_refused(l)) {
			memset(hit, 0, sizeof *hit);
			hit->id = F_POSTFIX_CANNOT_START;
			snprintf(hit->key, sizeof hit->key, "myhostname");
			return true;
		}
		if (diag_proxy_protocol(l, hit) || diag_address_map(l->text, hit))
			return true;
		bool fatal = span_eqs(l->severity, "fatal") || span_eqs(l->severity, "panic");
		/* inet_proto.c's warning as a fatal is no notice (inet_protocols = ipv6 alone) */
		if (diag_apply(MEMO_DIAG, ev, diag_server_words(l->daemon, l->text), hit) && !own_config_file(hit, l) &&
		    !(fatal && hit->id == F_BENIGN_NOTICE && !strcmp(hit->key, "inet_protocols")))
			return true;
		if (fatal || ev->type == EV_WARNING)
			memset(hit, 0, sizeof *hit);
		/* master's own end, or the postfix command's that starts it
		 * (postfix-script's "Postfix integrity check failed!", "no
		 * master.cf file found"): no Postfix process runs at all */
		if (fatal && (span_eqs(l->daemon, "master") || span_eqs(l->daemon, "postfix") ||
			      span_eqs(l->daemon, "postfix-script"))) {
			hit->id = F_POSTFIX_CANNOT_START;
			diag_copy_key(hit->key, l->daemon);
			return true;
		}
		if (fatal && is_command(l->daemon)) {
			hit->id = F_COMMAND_FAILED;
			diag_copy_key(hit->key, l->daemon);
			return true;
		}
		/* local.c, virtual.c: "main.cf configuration error: %s is
		 * smaller than %s" (the mailbox limit, message_size_limit) */
		if (fatal && span_find(l->text, " is smaller than message_size_limit").p) {
			hit->id = F_MAILBOX_LIMIT_SMALL;
			diag_copy_key(hit->key, l->daemon.n ? l->daemon : SPAN_LIT("main.cf"));
			return true;
		}
		/* inet_connect.c "host/service %s/%s not found: %s": a milter,
		 * policy or filter endpoint whose host name does not resolve */
		if (fatal && diag_service_host(l->text, hit))
			return true;
		if (fatal) {
			hit->id = F_DAEMON_FATAL;
			diag_copy_key(hit->key, l->daemon);
			return true;
		}
		if (ev->type == EV_WARNING && pipe_flag_warning(l->text, hit))
			return true;
		/* client-related warnings belong to the verdicts, not here */
		if (ev->type == EV_WARNING) {
			hit->id = F_OTHER_WARNING;
			diag_copy_key(hit->key, l->daemon);
			return true;
		}
		return false;
	}
	switch (ev->type) {
	case EV_UNKNOWN:
	case EV_INFO:
	case EV_TLS_ERROR:
	case EV_MASTER:
		return diag_apply(MEMO_PLAIN, ev, l->text, hit);
	default:
		return false;
	}
}
