/*
 * fault.c - whose fault a refusal or a failed login is, by the words
 * Postfix itself uses.  A few replies are Postfix telling the client
 * that the server failed, not that the client did wrong: "451 4.3.5
 * Server configuration problem" (a table, a map or a policy service it
 * needs is missing), address verification's "unverified address: Address
 * lookup failure" (the probe of the address could not even be routed), "Insufficient system storage", "Error: too many
 * hops" (a mail loop between servers: not the client's doing), a DNS blocklist
 * answering with an error code (127.255.255.x: the query was refused,
 * an open resolver, a typo in the list name) rather than a listing, and
 * Cyrus SASL's "generic failure" (saslauthd or the auth backend not
 * answering), and a milter's "4.7.1 Service unavailable - try again
 * later" (milter8.c's reply when a milter fails and milter_default_action
 * is tempfail, or when it tempfails without words of its own).  The model and the verdicts use these to keep such
 * clients out of the hostile columns: they are victims of the server's
 * own configuration (the finding names it).  Others accuse nobody
 * either: greylisting's temporary refusal of every new sender, this
 * server's size limit, its own user's full mailbox; and one names the account a logged-in client
 * used (a sender address the login does not own).
 */
#include "event.h"
#include "reply_words.h"
#include "provider.h"
#include "../util/cidr.h"

#include <pthread.h>
#include <string.h>

/* has - s contains the literal, case-sensitively (Postfix's own words) */
static bool has(struct span s, const char *lit)
{
	return span_find(s, lit).p != NULL;
}

/* ev_dnsbl_error_answer - a DNSBL reply that is an error code, not a listing:
 * Spamhaus 127.255.255.252..255, or its text "Error: open resolver" */
bool ev_dnsbl_error_answer(struct span answer)
{
	return span_starts(answer, "127.255.255.") || has(answer, "Error: open resolver") ||
	       has(answer, "Error: ");
}

/* milter_early_tempfail - a milter's temporary refusal before the
 * envelope (at CONNECT, HELO or EHLO): before the client has sent
 * anything to judge, a milter refuses for now only when it fails
 * (milter8.c's "451 4.7.1 Service unavailable - try again later" under
 * milter_default_action = tempfail), even when a pasted line lost the
 * text after the code */
static bool milter_early_tempfail(const struct event *ev)
{
	bool temporary = ev->code.n ? ev->code.p[0] == '4' : ev->dsn.n && ev->dsn.p[0] == '4';
	return temporary && (span_eqs(ev->stage, "CONNECT") || span_eqs(ev->stage, "EHLO") ||
			     span_eqs(ev->stage, "HELO"));
}

/* ev_reject_local_fault - an EV_REJECT whose reply says the server failed */
bool ev_reject_local_fault(const struct event *ev)
{
	bool milter = span_eqs(ev->action, "milter-reject");
	if (ev->type != EV_REJECT && !(ev->type == EV_CLEANUP_ACTION && milter))
		return false;
	struct span r = ev->reason;
	if (milter && (has(r, "Service unavailable - try again later") || milter_early_tempfail(ev)))
		return true;
	static const char *const own[] = {
	    "Server configuration problem", "Server configuration error",
	    "Insufficient system storage", "Temporary lookup failure",
	    "Error: too many hops", "Address lookup failure",
	    /* policyd-spf's deferral when this host's lookups fail ("451
	     * 4.4.3 SPF Temporary Error: DNS Timeout ...") */
	    "SPF Temporary Error", NULL};
	for (int i = 0; own[i]; i++)
		if (has(r, own[i]))
			return true;
	if (ev_verify_probe_local(ev, NULL))
		return true;
	/* "blocked using zen.spamhaus.org; Error: open resolver; ..." */
	struct span bl = span_find(r, "blocked using ");
	return bl.p && ev_dnsbl_error_answer(span_skip(bl, 14));
}

/* helo_fqdn - a HELO name with a dot that is no address literal */
static bool helo_fqdn(struct span helo)
{
	return helo.n > 3 && helo.p[0] != '[' && span_chr(helo, '.') >= 0 &&
	       !(helo.p[0] >= '0' && helo.p[0] <= '9' && helo.p[helo.n - 1] >= '0' &&
		 helo.p[helo.n - 1] <= '9');
}

/* ev_reject_strict_helo - a temporary refusal by reject_unknown_helo_hostname
 * ("450 4.7.1 <name>: Helo command rejected: Host not found") of a client
 * whose own address has a real name in DNS; or one by
 * reject_unknown_client_hostname or reject_unknown_reverse_client_hostname
 * ("450 4.7.25 Client host rejected: cannot find your hostname") of a
 * client that greeted with a proper host name: many legitimate servers
 * greet with a name that is not in DNS, or have no matching PTR, and the
 * 4xx code asks them to retry.  It says the server's policy is strict,
 * not that the client is a spammer (the findings helo-hostname-not-found
 * and client-hostname-not-found tell the policy).  A 5xx (the admin's
 * unknown_*_reject_code = 550) is final: that refusal still counts. */
bool ev_reject_strict_helo(const struct event *ev)
{
	if (ev->type != EV_REJECT || ev->code.n != 3)
		return false;
	if (ev->code.p[0] != '4')
		return false;
	if (has(ev->reason, "Helo command rejected: Host not found"))
		return ev->client_name.n && !span_eqs(ev->client_name, "unknown");
	return helo_fqdn(ev->helo) &&
	       (has(ev->reason, "Client host rejected: cannot find your hostname") ||
		has(ev->reason, "Client host rejected: cannot find your reverse hostname"));
}

/* lower8 - eight bytes in ASCII lower case at once: a byte gets 0x20
 * when its low seven bits are 'A'..'Z' and its high bit is clear (the
 * sums stay below 0x100 in every byte, so nothing carries) */
static uint64_t lower8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t h = x & ~high;
	uint64_t from_a = h + ones * (0x80 - 'A');     /* high bit: >= 'A' */
	uint64_t past_z = h + ones * (0x80 - 'Z' - 1); /* high bit: > 'Z' */
	return x | ((from_a & ~past_z & ~x & high) >> 2);
}

/* has_folded - s contains one of the lower-case needles, case-blind
 * (the first 1 KiB of s: a reply text is short) */
static bool has_folded(struct span s, const char *const *needles)
{
	char low[1024];
	size_t n = s.n < sizeof low - 1 ? s.n : sizeof low - 1, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s.p + i, 8);
		x = lower8(x);
		memcpy(low + i, &x, 8);
	}
	for (; i < n; i++)
		low[i] = (char)(s.p[i] >= 'A' && s.p[i] <= 'Z' ? s.p[i] + 32 : s.p[i]);
	low[n] = 0;
	for (int k = 0; needles[k]; k++)
		if (strstr(low, needles[k]))
			return true;
	return false;
}

/* ev_greylist_text - a reply text in greylisting's words: postgrey
 * ("Greylisted, see http://postgrey..."), sqlgrey, gld and milter-greylist
 * ("Greylisting in action, please come back later"), policyd and
 * policyd-weight, rspamd's soft reject ("Try again later"), postgrey's
 * delay text as mail images set it ("Delayed by Postgrey").  Only the
 * text: the caller checks that the refusal was a temporary one */
bool ev_greylist_text(struct span reply)
{
	static const char *const words[] = {"greylist", "graylist", "grey-list", "gray-list",
					    "grey list", "gray list", "try again later",
					    "come back later", "come back in ", "retry later",
					    "postgrey", NULL};
	/* Postfix's own words when a milter (or the server) is unavailable */
	if (has(reply, "Service unavailable - try again later"))
		return false;
	return reply.n && has_folded(reply, words);
}

/* ev_reject_greylist - a temporary refusal (4xx) in greylisting's words:
 * greylisting defers every sender it has not seen before, whoever it is;
 * a real server retries after a few minutes and gets in.  It accuses
 * nobody; a client that never comes back is what it keeps out. */
bool ev_reject_greylist(const struct event *ev)
{
	if (ev->type != EV_REJECT && ev->type != EV_CLEANUP_ACTION)
		return false;
	bool temporary = ev->code.n ? ev->code.p[0] == '4' : ev->dsn.n && ev->dsn.p[0] == '4';
	return temporary && ev_greylist_text(ev->reason);
}

/* ev_reject_server_limit - a refusal by this server's own size limit
 * (message_size_limit: "552 5.3.4 Message size exceeds fixed limit"): an
 * honest sender with a large attachment gets it as well as anyone */
bool ev_reject_server_limit(const struct event *ev)
{
	return ev->type == EV_REJECT && has(ev->reason, "Message size exceeds fixed limit");
}

/* ev_reject_mailbox_full - a refusal because this server's own user's
 * mailbox is full (a quota policy service such as Dovecot's quota-status:
 * "552 5.2.2 <bob@example.com>: Recipient address rejected: Mailbox is
 * full", DSN x.2.2): the sender did nothing wrong */
bool ev_reject_mailbox_full(const struct event *ev)
{
	if (ev->type != EV_REJECT)
		return false;
	static const char *const words[] = {"mailbox full", "mailbox is full", "over quota",
					    "quota exceeded", NULL};
	return span_eqs(ev->dsn, "4.2.2") || span_eqs(ev->dsn, "5.2.2") ||
	       ((span_eqs(ev->stage, "RCPT") || span_find(ev->reason, "Recipient address rejected").p) &&
		has_folded(ev->reason, words) && !span_find(ev->reason, "Sender address rejected").p);
}

/* ev_reply_login - the account a refusal's text names as the client's
 * login (reject_sender_login_mismatch, smtpd_sender_login_maps: "Sender
 * address rejected: not owned by user alice"), or an empty span.  Postfix
 * says "not owned by user" only to a client that logged in (one that did
 * not is told "not logged in"): the text proves the login.  The account's
 * mail client sends with a From address the login does not own */
struct span ev_reply_login(struct span reply)
{
	static const char key[] = "not owned by user ";
	enum { KN = sizeof key - 1, KW = 5 }; /* key[KW] is its 'w' */
	/* the first place of key, found by memchr of its 'w', rarer in a
	 * refusal's words than its 'n' (speed12) */
	if (reply.n < KN)
		return SPAN_NULL;
	const char *q = reply.p + KW, *last = reply.p + reply.n - (KN - KW); /* the last 'w' a key can have */
	while (q <= last && (q = memchr(q, 'w', (size_t)(last - q) + 1)) != NULL) {
		if (!memcmp(q - KW, key, KN))
			break;
		q++;
	}
	if (!q || q > last)
		return SPAN_NULL;
	struct span u = span_make(q - KW + KN, (size_t)(reply.p + reply.n - (q - KW + KN)));
	size_t n = 0;
	while (n < u.n && u.p[n] != ';' && u.p[n] != ' ' && u.p[n] != ',')
		n++;
	return span_head(u, n);
}

/* ev_reject_login_mismatch_scan - an EV_REJECT's ev_reply_login */
struct span ev_reject_login_mismatch_scan(const struct event *ev)
{
	return ev->type == EV_REJECT ? ev_reply_login(ev->reason) : SPAN_NULL;
}

/* ev_reject_accuses_nobody - a refusal that says nothing against the
 * client: the server's own fault, this server's size limit, its own
 * user's full mailbox, a domain that always exists "not found" (this
 * host's resolver), greylisting's
 * temporary refusal of every new sender, or postscreen's "450 4.3.2
 * Service currently unavailable" to a new client until it passes the
 * tests run after the greeting (a real server retries and gets through).
 * Each clause is the function named beside it, asked of reply_scan's
 * answer instead of the text */
static bool accuses_nobody_seen(const struct event *ev, struct reply_seen seen);

bool ev_reject_accuses_nobody_scan(const struct event *ev)
{
	if (ev->type != EV_REJECT && ev->type != EV_CLEANUP_ACTION)
		return false;
	return accuses_nobody_seen(ev, reply_scan_memo(ev->reason));
}

/* accuses_nobody_seen - ev_reject_accuses_nobody_scan with the reply's
 * words seen already (ev_keep_refusal reads more of them) */
static bool accuses_nobody_seen(const struct event *ev, struct reply_seen seen)
{
	bool reject = ev->type == EV_REJECT;
	bool milter = span_eqs(ev->action, "milter-reject");
	struct span r = ev->reason;
	uint64_t has = seen.has;
	/* ev_reject_local_fault (a cleanup line only when a milter's) */
	if (reject || milter) {
		if (milter && (has & RW_BIT(RW_MILTER_TEMPFAIL) || milter_early_tempfail(ev)))
			return true;
		if (has & (RW_BIT(RW_CONF_PROBLEM) | RW_BIT(RW_CONF_ERROR) | RW_BIT(RW_STORAGE) |
			   RW_BIT(RW_LOOKUP) | RW_BIT(RW_HOPS) | RW_BIT(RW_ADDR_LOOKUP) |
			   RW_BIT(RW_SPF_TEMP)))
			return true;
		if (reject && has & (RW_BIT(RW_RCPT_REJECTED) | RW_BIT(RW_SENDER_REJECTED)) &&
		    ev_verify_probe_local(ev, NULL))
			return true;
		if (has & RW_BIT(RW_BLOCKED)) {
			size_t answer = seen.blocked + 14;
			if (span_starts(span_skip(r, answer), "127.255.255.") ||
			    (has & RW_BIT(RW_ERROR) && seen.last_error >= answer))
				return true;
		}
	}
	/* ev_reject_greylist: a temporary refusal in greylisting's words */
	bool temporary = ev->code.n ? ev->code.p[0] == '4' : ev->dsn.n && ev->dsn.p[0] == '4';
	if (temporary && !(has & RW_BIT(RW_MILTER_TEMPFAIL)) && has & RW_GREY)
		return true;
	if (!reject)
		return false;
	/* ev_reject_unresolved_provider, ev_reject_provider_unknown_user */
	if (has & RW_BIT(RW_CANNOT_FIND)) {
		const char *by_ip = provider_of_address(ev->client_ip);
		const char *by_helo = by_ip ? provider_name(ev->helo) : NULL;
		if (by_helo && !strcmp(by_ip, by_helo))
			return true;
	}
	/* ev_reject_provider_relay_denied, ev_reject_provider_access_denied */
	/* ev_reject_provider_relay_denied's "Relay access denied" is the
	 * word RW_RELAY_DENIED (speed31: a search fewer a refusal) */
	if ((has & (RW_BIT(RW_USER_UNKNOWN) | RW_BIT(RW_RELAY_DENIED)) && provider_name(ev->client_name)) ||
	    ev_reject_provider_access_denied(ev, &(struct span){0}))
		return true;
	/* ev_reject_strict_helo */
	if (ev->code.n == 3 && ev->code.p[0] == '4') {
		if (has & RW_BIT(RW_HELO_NOT_FOUND)) {
			if (ev->client_name.n && !span_eqs(ev->client_name, "unknown"))
				return true;
		} else if (helo_fqdn(ev->helo) &&
			   has & (RW_BIT(RW_CANNOT_FIND_HOST) | RW_BIT(RW_CANNOT_FIND_REVERSE)))
			return true;
	}
	/* ev_reject_server_limit, ev_reject_mailbox_full */
	if (has & RW_BIT(RW_SIZE_LIMIT))
		return true;
	if (span_eqs(ev->dsn, "4.2.2") || span_eqs(ev->dsn, "5.2.2") ||
	    ((span_eqs(ev->stage, "RCPT") || has & RW_BIT(RW_RCPT_REJECTED)) && has & RW_FULL &&
	     !(has & RW_BIT(RW_SENDER_REJECTED))))
		return true;
	/* ev_reject_domain_not_found: "Domain not found" for gmail.com,
	 * outlook.com...: they always exist, so this host's lookup failed,
	 * whoever the client is */
	if (has & (RW_BIT(RW_SENDER_NO_DOMAIN) | RW_BIT(RW_RCPT_NO_DOMAIN))) {
		struct span addr = has & RW_BIT(RW_SENDER_NO_DOMAIN) ? ev->from : ev->to;
		ptrdiff_t at = span_rchr(addr, '@');
		if (provider_mailbox_domain(at >= 0 ? span_skip(addr, (size_t)at + 1) : SPAN_NULL))
			return true;
		/* a sending service's server deferred for its customer's domain */
		struct span dom;
		if (ev_reject_service_domain(ev, &dom))
			return true;
	}
	return span_eqs(ev->line->daemon, "postscreen") && has & RW_BIT(RW_PS_UNAVAILABLE) &&
	       (span_eqs(ev->dsn, "4.3.2") || has & RW_BIT(RW_432) || span_eqs(ev->code, "450"));
}

static uint8_t domain_not_found_scan(const struct event *ev);

/* ev_reject_relay_denied_scan - see event.h */
bool ev_reject_relay_denied_scan(const struct event *ev)
{
	return span_find(ev->reason, "Relay access denied").p != NULL;
}

/* ev_client_own_network_scan - see event.h */
bool ev_client_own_network_scan(const struct event *ev)
{
	return cidr_own_network(ev->client_ip.p, ev->client_ip.n);
}

/* ev_keep_refusal - a refusal's answers asked now and kept in the event
 * (event.h), so that with two threads the reading thread asks them
 * instead of the consumer's: every refusal's "Domain not found" (the
 * analysis) and "Relay access denied" (the session, the analysis, the
 * rules' count); a reject's or milter-reject's or postscreen's "accuses
 * nobody" (the session, the client's record); smtpd's reject's client
 * in the own networks (the analysis's own_refused_sender); every
 * refusal's login named (the analysis's login_mismatch, the session's
 * last refusal: speed24) */
void ev_keep_refusal(struct event *ev)
{
	if (ev->type != EV_REJECT)
		return;
	bool reject = span_eqs(ev->action, "reject");
	if (reject && span_eqs(ev->line->daemon, "smtpd"))
		ev->kept_own = 1u + ev_client_own_network_scan(ev);
	if (!reject && !span_eqs(ev->action, "milter-reject") && !span_eqs(ev->line->daemon, "postscreen")) {
		ev->kept_dnf = domain_not_found_scan(ev);
		ev->kept_relay = (uint8_t)(1 + ev_reject_relay_denied_scan(ev));
		ev->kept_login = 1u + (ev_reject_login_mismatch_scan(ev).n != 0);
		return;
	}
	/* the reply's words, scanned (or remembered) once for "accuses
	 * nobody", also say "Domain not found", "cannot find your ", "Relay
	 * access denied" and "not owned by user " (the login's key, read
	 * after it only when there): reply_scan finds a word wherever
	 * span_find would (the same bytes, anywhere in the text:
	 * test_keep_refusal.c), so five searches fewer a refusal (speed30) */
	struct reply_seen seen = reply_scan_memo(ev->reason);
	ev->kept_dnf = seen.has & RW_BIT(RW_SENDER_NO_DOMAIN) ? 2 : seen.has & RW_BIT(RW_RCPT_NO_DOMAIN) ? 3 : 1;
	ev->kept_cnf = 1u + !!(seen.has & RW_BIT(RW_CANNOT_FIND));
	ev->kept_relay = (uint8_t)(1 + !!(seen.has & RW_BIT(RW_RELAY_DENIED)));
	ev->kept_login = 1u + (seen.has & RW_BIT(RW_NOT_OWNED) && ev_reject_login_mismatch_scan(ev).n != 0);
	ev->kept_words = seen.has;
	ev->kept_nobody = (uint8_t)(1 + accuses_nobody_seen(ev, seen));
}

/* ev_reject_cannot_find - see event.h */
bool ev_reject_cannot_find_scan(const struct event *ev)
{
	return has(ev->reason, "Client host rejected: cannot find your ");
}

/* ev_provider_server - the large provider whose mail server the client
 * is: its name forward-confirmed under the provider's domain, or, where
 * no name is logged (postscreen, an "unknown" client), its address in
 * the provider's published outbound networks and its HELO a name of the
 * same provider; NULL for any other client */
const char *ev_provider_server(struct span client_name, struct span client_ip, struct span helo)
{
	const char *by_name = provider_name(client_name);
	if (by_name)
		return by_name;
	/* the HELO first: most clients' is no provider's name, and the
	 * address's networks cost more to search */
	const char *by_helo = provider_name(helo);
	const char *by_ip = by_helo ? provider_of_address(client_ip) : NULL;
	return by_ip && !strcmp(by_ip, by_helo) ? by_ip : NULL;
}

/* ev_sender_auth_text - a refusal for the sender's authentication: an
 * SPF policy service's "SPF fail", a DMARC or DKIM milter's words; mail
 * a forwarder or a mailing list passes on fails them through no fault
 * of the server that passes it on */
bool ev_sender_auth_text(struct span reply)
{
	return span_find(reply, "SPF").p || span_find(reply, "DMARC").p || span_find(reply, "DKIM").p;
}

/* ev_spf_refusal - an SPF check refused the mail (policyd-spf's "SPF
 * fail - not authorized" and, for a softfail it refuses, "domain owner
 * discourages use of this host"; other SPF services' "SPF check
 * failed"): SPF judges the client's address, and a private one is in no
 * sender's record: a gateway stands for Internet servers, or one of the
 * network's own clients was checked (nat-hides-clients says both) */
bool ev_spf_refusal(struct span reply)
{
	return span_find(reply, "SPF fail").p || span_find(reply, "SPF check failed").p ||
	       span_find(reply, "domain owner discourages use of this host").p;
}

/* ev_reject_provider_listed - a DNS blocklist ("blocked using") refused a
 * large provider's mail server (ev_provider_server): the list's false
 * positive, never the provider's spam (dnsbl-refuses-big-provider) */
bool ev_reject_provider_listed(const struct event *ev)
{
	return ev->type == EV_REJECT && has(ev->reason, "blocked using ") &&
	       ev_provider_server(ev->client_name, ev->client_ip, ev->helo);
}

/* ev_reject_unresolved_provider - reject_unknown_client_hostname's or
 * reject_unknown_reverse_client_hostname's refusal ("Client host
 * rejected: cannot find your [reverse] hostname") of a client that
 * greets with a large provider's server name from that provider's own
 * network: those servers all have proper names, so this host's DNS
 * failed to find them (the finding reverse-dns-lookups-failing) */
bool ev_reject_unresolved_provider(const struct event *ev)
{
	if (ev->type != EV_REJECT || !ev_reject_cannot_find(ev))
		return false;
	const char *by_ip = provider_of_address(ev->client_ip);
	const char *by_helo = by_ip ? provider_name(ev->helo) : NULL;
	return by_helo && !strcmp(by_ip, by_helo);
}

/* ev_reject_provider_unknown_user - a large provider's server (its name
 * forward-confirmed: Postfix logs "unknown" otherwise) refused for a
 * recipient that does not exist here: its user wrote to a wrong or old
 * address, or a mailing list it relays still has one; the provider is
 * no spammer for passing it on (many such from small senders are a
 * dictionary attack: the finding for that counts them) */
bool ev_reject_provider_unknown_user(const struct event *ev)
{
	return ev->type == EV_REJECT && has(ev->reason, "Recipient address rejected: User unknown") &&
	       provider_name(ev->client_name);
}

/* ev_reject_provider_relay_denied - a large provider's server (its name
 * forward-confirmed) refused with "Relay access denied": those servers
 * never test for open relays, they deliver to the MX a domain names;
 * the domain is this server's own, missing from mydestination,
 * virtual_mailbox_domains or relay_domains (own-domain-relay-denied) */
bool ev_reject_provider_relay_denied(const struct event *ev)
{
	return ev->type == EV_REJECT && has(ev->reason, "Relay access denied") &&
	       provider_name(ev->client_name);
}

/* ev_reject_provider_access_denied - smtpd_check.c's "<%s>: %s rejected:
 * Access denied" (check_*_access REJECT with no text of its own, or a
 * bare reject in a restriction list) of a large provider's server: it
 * passes on its users' mail and is no spammer for it; what refused it
 * is this server's own rule ("Recipient address", "Sender address",
 * "Client host", "Helo command" in *what) */
bool ev_reject_provider_access_denied(const struct event *ev, struct span *what)
{
	if (ev->type != EV_REJECT || !provider_name(ev->client_name))
		return false;
	struct span r = ev->reason;
	ptrdiff_t k = span_index(r, " rejected: Access denied");
	if (k <= 0)
		return false;
	struct span head = span_head(r, (size_t)k);
	ptrdiff_t colon = span_rchr(head, ':');
	if (colon >= 0)
		head = span_skip(head, (size_t)colon + 1);
	*what = span_trim(head);
	return what->n > 0;
}

/* domain_not_found_scan - ev_reject_domain_not_found's search of the
 * text: 1 neither, 2 the sender's domain, 3 the recipient's */
static uint8_t domain_not_found_scan(const struct event *ev)
{
	if (span_find(ev->reason, "Sender address rejected: Domain not found").p)
		return 2;
	return span_find(ev->reason, "Recipient address rejected: Domain not found").p ? 3 : 1;
}

/* ev_name_lookup_tempfail - smtpd_peer.c's "hostname H does not resolve
 * to address A: R" whose R is getaddrinfo's EAI_AGAIN (glibc's
 * "Temporary failure in name resolution", musl's "Try again"): the
 * forward lookup of the client's name failed for now, at this host's
 * resolver or at the name's DNS servers.  Postfix then holds the name a
 * temporary failure (SMTPD_PEER_CODE_TEMP), not a forged one; "Name or
 * service not known" (no such name) stays the client's DNS */
bool ev_name_lookup_tempfail(const struct event *ev)
{
	if (ev->type != EV_HOSTNAME_VERIFY)
		return false;
	struct span r = span_trim(ev->reason);
	return span_eqs(r, "Temporary failure in name resolution") || span_eqs(r, "Try again");
}

/* ev_reject_needs_dns - a temporary refusal that a DNS lookup failing for
 * now gives by itself: reject_unknown_sender_domain's and
 * reject_unknown_recipient_domain's "450 4.1.8|4.1.2 <a@b>: ... rejected:
 * Domain not found" (smtpd_check.c answers a DNS_RETRY so), and
 * reject_unknown_client_hostname's "4xx ... Client host rejected: cannot
 * find your [reverse] hostname" (a name whose lookup failed for now is
 * its temporary case).  The DSN and the words' start are enough: a
 * pasted line cut inside "Domain not found" is still this refusal */
bool ev_reject_needs_dns(const struct event *ev)
{
	if (ev->type != EV_REJECT)
		return false;
	bool temporary = ev->code.n ? ev->code.p[0] == '4' : ev->dsn.n && ev->dsn.p[0] == '4';
	if (!temporary)
		return false;
	if ((span_eqs(ev->dsn, "4.1.8") || span_eqs(ev->dsn, "4.1.2")) && has(ev->reason, " rejected: Domain not"))
		return true;
	return has(ev->reason, "Client host rejected: cannot find your ");
}

/* ev_reject_domain_not_found - smtpd refused a sender's or recipient's
 * domain that did not resolve (reject_unknown_sender_domain,
 * reject_unknown_recipient_domain: "<a@b>: Sender address rejected:
 * Domain not found"); the domain in *domain.  Whether the domain is bogus
 * or this host's resolver failed only the whole log tells (provider.h) */
bool ev_reject_domain_not_found(const struct event *ev, struct span *domain)
{
	if (ev->type != EV_REJECT)
		return false;
	/* kept by ev_keep_refusal when asked ahead (speed22) */
	uint8_t k = ev->kept_dnf ? ev->kept_dnf : domain_not_found_scan(ev);
	if (k == 1)
		return false;
	struct span addr = k == 2 ? ev->from : ev->to;
	ptrdiff_t at = span_rchr(addr, '@');
	*domain = at >= 0 ? span_skip(addr, (size_t)at + 1) : SPAN_NULL;
	return true;
}

/* ev_reject_service_domain - see event.h.  Such a server is a real MTA:
 * it retries the 450, and the domain is its customer's (a bounce
 * subdomain not in DNS) or this host's resolver failed it; whoever it
 * is, the refusal says nothing against the server that carried it */
const char *ev_reject_service_domain(const struct event *ev, struct span *domain)
{
	if (ev->code.n != 3 || ev->code.p[0] != '4' || !ev_reject_domain_not_found(ev, domain) ||
	    provider_mailbox_domain(*domain))
		return NULL;
	const char *by_name = provider_sending_service(ev->client_name);
	return by_name ? by_name : ev_provider_server(ev->client_name, ev->client_ip, ev->helo);
}

/* ev_sasl_backend_name - the backend that caused a SASL failure
 * (SASL_SERVER_SIDE), or NULL: a password checked, or no failure */
const char *ev_sasl_backend_name(const struct event *ev)
{
#define SASL_ROW(reason, backend) {reason, backend}
#define SASL_COMMA ,
	static const struct {
		const char *reason, *backend;
	} rows[] = {SASL_SERVER_SIDE(SASL_ROW, SASL_COMMA)};
#undef SASL_ROW
#undef SASL_COMMA
	if (ev->type != EV_SASL_FAIL)
		return NULL;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (span_starts(ev->reason, rows[i].reason))
			return rows[i].backend;
	return NULL;
}

/* ev_sasl_backend_fault - a SASL failure the server's own backend caused */
bool ev_sasl_backend_fault(const struct event *ev)
{
	return ev_sasl_backend_name(ev) != NULL;
}

/* ev_sasl_backend_warning - smtpd's warning that its SASL backend cannot
 * be reached or read (saslauthd's socket, Cyrus's sasldb, Dovecot's auth
 * socket): the logins of that process fail whatever the password */
bool ev_sasl_backend_warning(const struct event *ev)
{
	if (ev->type != EV_WARNING)
		return false;
	struct span t = ev->line->text;
	return has(t, "cannot connect to saslauthd server") ||
	       (has(t, "SASL authentication problem: ") && has(t, "unable to open")) ||
	       (has(t, "SASL: Connect to ") && has(t, " failed"));
}

/* ev_tls_error_kind - what a failed TLS handshake's reason says */
enum tls_error_kind ev_tls_error_kind(struct span reason)
{
	static const struct {
		const char *w;
		enum tls_error_kind k;
	} words[] = {
	    /* this server's own TLS setup, not the handshake: its key or
	     * certificate did not load (OpenSSL's file, PEM and key check
	     * functions), so smtpd has no TLS context for any client;
	     * before "certificate", which their names hold */
	    {"TLS context initialization failed", TLSE_SERVER},
	    {"X509_check_private_key", TLSE_SERVER},
	    {"key values mismatch", TLSE_SERVER},
	    {"use_certificate", TLSE_SERVER},
	    {"use_PrivateKey", TLSE_SERVER},
	    {"PEM_read_bio", TLSE_SERVER},
	    {"PEM routines", TLSE_SERVER},
	    {"BIO routines", TLSE_SERVER},
	    {"fopen", TLSE_SERVER},
	    /* OpenSSL 3 names no function, only its file: ssl_rsa.c loads
	     * this server's own key and certificate (SSL_CTX_use_*), its
	     * "ee key too small" or "ca md too weak" the security level's */
	    {"ssl_rsa.c", TLSE_SERVER},
	    {"http request", TLSE_NOT_TLS}, {"http_request", TLSE_NOT_TLS},
	    {"no cipher match", TLSE_SERVER}, /* SSL_CTX_set_cipher_list: this server's list */
	    {"no shared cipher", TLSE_MISMATCH},
	    {"no suitable", TLSE_MISMATCH},
	    {"no cipher", TLSE_MISMATCH},
	    {"unsupported protocol", TLSE_MISMATCH},
	    {"version too low", TLSE_MISMATCH},
	    {"protocol version", TLSE_MISMATCH},
	    {"wrong version number", TLSE_MISMATCH},
	    {"unknown protocol", TLSE_MISMATCH},
	    {"handshake failure", TLSE_MISMATCH},
	    {"inappropriate fallback", TLSE_MISMATCH},
	    /* OpenSSL 3's security level against an older peer: its DH or
	     * key size, its signature algorithm, its renegotiation */
	    {"key too small", TLSE_MISMATCH},
	    {"legacy sigalg", TLSE_MISMATCH},
	    {"md too weak", TLSE_MISMATCH},
	    {"unsafe legacy renegotiation", TLSE_MISMATCH},
	    {"certificate", TLSE_CERT},
	    {"unknown ca", TLSE_CERT},
	    {"bad certificate", TLSE_CERT},
	    {"lost connection", TLSE_HANGUP},
	    {"unexpected eof", TLSE_HANGUP},
	    {"Connection reset", TLSE_HANGUP},
	    {"timed out", TLSE_HANGUP},
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (span_find(reason, words[i].w).p)
			return words[i].k;
	/* SSL_accept's bare return code: "-1", "0" */
	struct span r = span_trim(reason);
	if (r.n && r.n <= 3 && (r.p[0] == '-' || (r.p[0] >= '0' && r.p[0] <= '9')))
		return TLSE_HANGUP;
	return r.n ? TLSE_OTHER : TLSE_NONE;
}

/* ev_monitor_helo - a HELO name that monitoring tools use (asked of
 * every session twice, by its analysis and its verdict) */
bool ev_monitor_helo(struct span helo)
{
#define N(s) {s, sizeof s - 1}
	static const struct {
		const char *s;
		size_t n;
	} names[] = {N("nagios"),     N("icinga"),       N("zabbix"), N("monit"),    N("check_smtp"),
		     N("check-smtp"), N("healthcheck"),  N("health-check"), N("uptime"), N("blackbox"),
		     N("prometheus"), N("checkmk"),      N("munin")};
#undef N
	enum { NNAMES = sizeof names / sizeof names[0] };
	/* by a name's first letter ('a' = 0): its second letters (every
	 * name starts with two of a-z) */
#define L(c) ((c) - 'a')
#define B(c) (1u << L(c))
	static const uint32_t second[26] = {
	    [L('b')] = B('l'), [L('c')] = B('h'), [L('h')] = B('e'),	      [L('i')] = B('c'),
	    [L('m')] = B('o') | B('u'), [L('n')] = B('a'), [L('p')] = B('r'), [L('u')] = B('p'),
	    [L('z')] = B('a'),
	};
#undef B
#undef L
	if (!helo.n || helo.n >= 64)
		return false;
	/* read up to a NUL (as strstr would), lowered as it is read: a byte
	 * OR 0x20 is a lower-case letter exactly when the byte is a letter;
	 * then one pass, each name compared only where its first two
	 * letters are (test_monitor_helo.c holds it to the pass over a
	 * lowered copy it replaced, test_parse_smtpd.c to strstr) */
	const char *z = memchr(helo.p, 0, helo.n);
	size_t n = z ? (size_t)(z - helo.p) : helo.n;
	/* Horspool's skip over the names' first five letters (every name
	 * has five or more; speed24: the pass looked at every byte, 1.0 M
	 * instructions of the conformance slice's 2 447 sessions): a name
	 * can start at i only when the byte at i + 4 is one of the names'
	 * fifth letters (WIN_FIFTH); the window then moves by how near the
	 * end that byte stands among a name's first four letters (the low
	 * bits, 1 to 4), or by 5 when it is none of them (0) */
	enum { WIN_FIFTH = 8 };
#define W(c, v) [c] = (v), [(c) - 32] = (v)
	static const uint8_t win[256] = {
	    W('a', 2),		   W('b', 1),		  W('c', 1),		 W('e', 2 | WIN_FIFTH),
	    W('g', 2 | WIN_FIFTH), W('h', 3),		  W('i', 1 | WIN_FIFTH), W('k', WIN_FIFTH),
	    W('l', 1),		   W('m', 1 | WIN_FIFTH), W('n', 1 | WIN_FIFTH), W('o', 2 | WIN_FIFTH),
	    W('p', 3),		   W('r', 3),		  W('t', 2 | WIN_FIFTH), W('u', 3),
	    W('z', 4),
	};
#undef W
	for (size_t e = 4; e < n; e += win[(unsigned char)helo.p[e]] & 7 ? win[(unsigned char)helo.p[e]] & 7 : 5) {
		if (!(win[(unsigned char)helo.p[e]] & WIN_FIFTH))
			continue;
		size_t i = e - 4;
		unsigned a = ((unsigned char)helo.p[i] | 0x20u) - 'a', b = ((unsigned char)helo.p[i + 1] | 0x20u) - 'a';
		if (a >= 26 || b >= 26 || !(second[a] >> b & 1))
			continue;
		for (int k = 0; k < NNAMES; k++) {
			if ((unsigned)(unsigned char)names[k].s[0] - 'a' != a || names[k].n > n - i)
				continue;
			size_t j = 1; /* the second letter: another name's may have set its bit */
			for (; j < names[k].n; j++) {
				char c = helo.p[i + j];
				if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != names[k].s[j])
					break;
			}
			if (j == names[k].n)
				return true;
		}
	}
	return false;
}
