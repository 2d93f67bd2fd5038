/*
 * finding.h - what can go wrong on a Postfix server, as rows of data.
 *
 * A finding is a problem (or a benign curiosity) that the log proves,
 * with the side at fault (a hostile client, a remote server, this
 * server's configuration, this host's network or DNS, nobody), how
 * serious it is, and what it breaks.  FINDINGS is the one table of
 * them: adding a finding is one row here, one prose row in
 * finding_prose.c, the matching rule(s) in rules.c, and its tests.
 *
 * The decision (which finding a line shows) lives in rules.c and is a
 * pure function of the line; the words live in finding_prose.c.
 */
#ifndef POSTSLEUTH_FINDING_H
#define POSTSLEUTH_FINDING_H

#include <stdbool.h>

/* who is at fault: enum, JSON id, words */
#define FINDING_SIDES(X)                                                        \
	X(SIDE_HOSTILE, "hostile-client", "a hostile client")                  \
	X(SIDE_REMOTE, "remote-server", "a remote server")                     \
	X(SIDE_CONFIG, "local-configuration", "this server's configuration")   \
	X(SIDE_NETWORK, "local-network-dns", "this host's network or DNS")     \
	X(SIDE_HOST, "local-resources", "this host's resources (memory, processes, open files, disk space)") \
	X(SIDE_BENIGN, "benign", "nobody (benign)")                           \
	X(SIDE_UNTOLD, "undetermined", "not told by these lines") \
	X(SIDE_USER_DEVICE, "user-device", "a device behind a user's address (its mail program, or another machine there)")

enum finding_side {
#define X(e, s, w) e,
	FINDING_SIDES(X)
#undef X
	SIDE__COUNT
};

/* what it breaks: enum, JSON id, words */
#define FINDING_IMPACTS(X)                                                      \
	X(IMPACT_NONE, "nothing", "nothing is broken")                         \
	X(IMPACT_DELAYED, "mail-delayed", "mail is delayed (deferred, retried)") \
	X(IMPACT_NOT_LEAVING, "mail-not-leaving", "outgoing mail is not delivered") \
	X(IMPACT_REFUSED, "mail-refused", "incoming mail is refused")          \
	X(IMPACT_NOT_DELIVERED, "mail-not-delivered", "mail is not delivered into this server's mailboxes (bounced or waiting)") \
	X(IMPACT_LOST, "mail-lost", "mail is lost (gone from the queue)")               \
	X(IMPACT_HELD, "mail-held", "mail waits in the hold queue until someone releases it") \
	X(IMPACT_REDIRECTED, "mail-redirected", "mail went to another address instead of its recipients") \
	X(IMPACT_SERVICE_DOWN, "service-down", "a Postfix service is failing") \
	X(IMPACT_DEGRADED, "degraded", "a feature is not working")             \
	X(IMPACT_COMMAND, "command-failed", "an administration command failed (the table or aliases it builds were not rebuilt)") \
	X(IMPACT_REPUTATION, "reputation-at-risk", "this server may send spam: its IP reputation is at risk")

enum finding_impact {
#define X(e, s, w) e,
	FINDING_IMPACTS(X)
#undef X
	IMPACT__COUNT
};

/*
 * The findings: enum, JSON id, side, severity (0 benign .. 4 critical),
 * impact, headline.  Ordered by family: outbound delivery, inbound
 * refusals, local configuration, daemons, TLS, benign.
 */
#define FINDINGS(X)                                                                            \
	/* outbound: this server's mail to others */                                           \
	X(F_OUT_REPUTATION, "outbound-ip-reputation", SIDE_REMOTE, 3, IMPACT_NOT_LEAVING,       \
	  "a remote server refuses mail because of this server's IP reputation")               \
	X(F_OUT_COMPLAINTS, "outbound-spam-complaints", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,     \
	  "a remote server slows or refuses mail because its users complained about mail from this server's IP") \
	X(F_OUT_AUTH_CHECKS, "outbound-spf-dkim-dmarc", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,     \
	  "a remote server refuses mail that fails SPF, DKIM or DMARC")                        \
	X(F_OUT_IPV6_AUTH, "outbound-ipv6-sender-unauthenticated", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING, \
	  "a remote server refuses mail this server sent over IPv6: its IPv6 address fails SPF or has no proper reverse DNS") \
	X(F_OUT_HELO_REJECTED, "outbound-helo-rejected", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,    \
	  "a remote server refuses this server's HELO name")                                   \
	X(F_OUT_SENDER_REJECTED, "outbound-sender-rejected", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING, \
	  "a remote server refuses the sender address: its domain does not resolve, it is not fully qualified, or it does not take mail") \
	X(F_OUT_TLS_REQUIRED, "outbound-tls-required", SIDE_CONFIG, 2, IMPACT_NOT_LEAVING,      \
	  "a remote server requires TLS, and this server does not start it")                   \
	X(F_OUT_NO_PTR, "outbound-no-ptr", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,                  \
	  "a remote server refuses mail because this server's IP has no proper reverse DNS")   \
	X(F_OUT_BLOCKLISTED, "outbound-blocklisted", SIDE_REMOTE, 3, IMPACT_NOT_LEAVING,        \
	  "a remote server refuses mail because this server's IP is on a blocklist")           \
	X(F_OUT_REMOTE_DNSBL_ERROR, "outbound-remote-dnsbl-error", SIDE_REMOTE, 2, IMPACT_NOT_LEAVING, \
	  "a remote server refuses mail on its DNS blocklist's error answer (its resolver is refused), not on a listing of this server") \
	X(F_OUT_RATE_REFUSED, "outbound-rate-refused", SIDE_REMOTE, 3, IMPACT_NOT_LEAVING,       \
	  "a remote server refuses mail for good for going over its rate or recipient limits")  \
	X(F_OUT_RATE_LIMITED, "outbound-rate-limited", SIDE_REMOTE, 2, IMPACT_DELAYED,          \
	  "a remote server slows this server down (rate limit)")                               \
	X(F_OUT_TOO_MANY_CONNS, "outbound-too-many-connections", SIDE_REMOTE, 2, IMPACT_DELAYED, \
	  "a remote server takes only a few connections at once from this server: the rest of the mail waits") \
	X(F_OUT_RCPT_RATE, "outbound-recipient-receiving-too-fast", SIDE_REMOTE, 1, IMPACT_DELAYED, \
	  "one recipient's mailbox gets more mail than its provider takes in a period: mail to that address waits") \
	X(F_OUT_RCPT_LIMIT, "outbound-recipients-per-message-limit", SIDE_REMOTE, 1, IMPACT_DELAYED, \
	  "a remote server takes fewer recipients in one transaction than this server gave: the rest are sent again later") \
	X(F_OUT_GREYLISTED, "outbound-greylisted", SIDE_BENIGN, 1, IMPACT_DELAYED,              \
	  "a remote server greylists this server's mail (it will be retried)")                 \
	X(F_MAIL_EXPIRED, "mail-expired", SIDE_UNTOLD, 3, IMPACT_LOST,                          \
	  "mail stayed in the queue too long and was returned to its sender (expired)")         \
	X(F_OUT_BOUNCE_UNREAD, "bounce-reason-not-in-log", SIDE_UNTOLD, 2, IMPACT_NOT_LEAVING, \
	  "mail bounced (non-delivery notices were sent), but the lines that say why are not among those read") \
	X(F_OUT_CONTENT, "outbound-content-refused", SIDE_REMOTE, 2, IMPACT_NOT_LEAVING,        \
	  "a remote server refuses mail as spam or virus")                                     \
	X(F_OUT_RELAY_DENIED, "outbound-relay-denied", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,      \
	  "the relay host (smarthost) refuses to relay this server's mail (Relay access denied)") \
	X(F_OUT_MX_RELAY_DENIED, "outbound-mx-relay-denied", SIDE_REMOTE, 2, IMPACT_NOT_LEAVING, \
	  "a domain's mail server refuses mail for its own domain (Relay access denied)")      \
	X(F_OUT_MX_LOGIN, "outbound-mx-login-required", SIDE_REMOTE, 2, IMPACT_NOT_LEAVING,     \
	  "a domain's mail server wants a login before it takes mail for its own domain")      \
	X(F_OUT_TOO_BIG, "outbound-message-too-big", SIDE_BENIGN, 1, IMPACT_NOT_LEAVING,       \
	  "a remote server refuses a message as too big")                                      \
	X(F_OUT_SMTPUTF8, "outbound-smtputf8-unsupported", SIDE_REMOTE, 1, IMPACT_NOT_LEAVING,  \
	  "a message needs SMTPUTF8 (non-ASCII addresses) and the remote server does not offer it") \
	X(F_OUT_MALFORMED, "outbound-message-malformed", SIDE_CONFIG, 2, IMPACT_NOT_LEAVING,  \
	  "a remote server refuses this server's mail as malformed (headers not RFC 5322)")   \
	X(F_OUT_USER_UNKNOWN, "outbound-user-unknown", SIDE_BENIGN, 1, IMPACT_NOT_LEAVING,      \
	  "mail to recipient addresses that do not exist")                                    \
	X(F_OUT_MAILBOX_FULL, "outbound-mailbox-full", SIDE_REMOTE, 1, IMPACT_DELAYED,          \
	  "a recipient's mailbox is full")                                                     \
	X(F_OUT_DANE, "outbound-dane-dnssec", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,               \
	  "mail waits because the TLS policy needs DNSSEC/DANE the destination does not have") \
	X(F_OUT_TLS_FAIL, "outbound-tls-failed", SIDE_REMOTE, 2, IMPACT_DELAYED,                \
	  "TLS with a remote server fails")                                                    \
	X(F_OUT_TLS_NOT_OFFERED, "outbound-tls-not-offered", SIDE_CONFIG, 2, IMPACT_DELAYED,   \
	  "this server's TLS policy requires TLS, and a destination does not offer it: the mail waits") \
	X(F_OUT_TLS_WRAPPER, "outbound-tls-mode-mismatch", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING, \
	  "this server's SMTP client and the next hop disagree on implicit TLS (port 465) and STARTTLS") \
	X(F_OUT_TLS_UNVERIFIED, "outbound-tls-certificate-unverified", SIDE_REMOTE, 2, IMPACT_DELAYED, \
	  "a destination's TLS certificate fails verification, and the TLS policy requires it") \
	X(F_OUT_TLS_NAME, "outbound-tls-match-mismatch", SIDE_CONFIG, 2, IMPACT_DELAYED,      \
	  "a destination's certificate chain verifies, but not the names this server's TLS policy asks for (match=)") \
	X(F_OUT_TLS_TRUST, "outbound-tls-trust-missing", SIDE_CONFIG, 3, IMPACT_DELAYED,       \
	  "certificates fail verification because this server's trusted CA list is missing or wrong (many unrelated servers, or a public root called untrusted)") \
	X(F_OUT_TLS_POLICY, "outbound-tls-policy-unusable", SIDE_CONFIG, 3, IMPACT_DELAYED,    \
	  "this server's TLS policy table (smtp_tls_policy_maps, an MTA-STS or DANE plugin) answers with an entry the SMTP client cannot use") \
	X(F_OUT_BIND_ADDRESS, "outbound-bind-address-missing", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING, \
	  "smtp_bind_address names an address this host does not have: outgoing connections fail") \
	X(F_OUT_RELAYHOST_NOT_FOUND, "relayhost-not-found", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING, \
	  "relayhost (or smtp_fallback_relay) names a host that DNS does not know")           \
	X(F_OUT_PORT25_BLOCKED, "outbound-port25-blocked", SIDE_NETWORK, 4, IMPACT_NOT_LEAVING, \
	  "outbound port 25 looks blocked: connections to many unrelated mail servers time out") \
	X(F_OUT_TIMEOUT, "outbound-connect-timeout", SIDE_REMOTE, 2, IMPACT_DELAYED,            \
	  "connections to a remote mail server time out")                                     \
	X(F_OUT_CONV_LOST, "outbound-conversation-lost", SIDE_REMOTE, 2, IMPACT_DELAYED,        \
	  "a remote mail server drops or stalls the conversation after connecting")              \
	X(F_OUT_REFUSED, "outbound-connect-refused", SIDE_REMOTE, 2, IMPACT_DELAYED,            \
	  "a remote mail server refuses connections")                                          \
	X(F_RELAY_NEXT_HOP_DOWN, "relay-next-hop-unreachable", SIDE_CONFIG, 2, IMPACT_DELAYED, \
	  "mail this server passes on to its own next hop (a backup MX's primary, a gateway's internal server) cannot get through") \
	X(F_OUT_NET_UNREACHABLE, "outbound-network-unreachable", SIDE_NETWORK, 2, IMPACT_DELAYED, \
	  "this host has no route to some destinations")                                      \
	X(F_OUT_DNS_TEMP, "outbound-dns-failure", SIDE_NETWORK, 3, IMPACT_DELAYED,              \
	  "DNS lookups for destinations fail temporarily (this host's resolver)")              \
	X(F_OUT_DEST_DNS, "outbound-destination-dns-failure", SIDE_REMOTE, 2, IMPACT_DELAYED,   \
	  "one destination's DNS fails while other domains resolve (that domain's name servers)") \
	X(F_OUT_DNS_TEMP_ONE, "outbound-dns-failure-one-domain", SIDE_UNTOLD, 2, IMPACT_DELAYED, \
	  "one destination domain's DNS lookups fail temporarily: its name servers or this host's resolver") \
	X(F_OUT_DNS_NXDOMAIN, "outbound-domain-not-found", SIDE_BENIGN, 1, IMPACT_NOT_LEAVING,  \
	  "mail to domains that do not exist or have no mail server")                          \
	X(F_OUT_RESOLVER_NXDOMAIN, "outbound-resolver-not-found", SIDE_NETWORK, 3, IMPACT_NOT_LEAVING, \
	  "this host's resolver says domains that exist do not: mail to them bounces")          \
	X(F_OUT_DNS_MALFORMED, "destination-dns-malformed", SIDE_REMOTE, 1, IMPACT_NOT_LEAVING, \
	  "a destination domain publishes broken MX data (a null MX, an IP address or a malformed name)") \
	X(F_OUT_LOOP, "outbound-mail-loop", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,                 \
	  "mail for a domain loops back to this server")                                       \
	X(F_OUT_OWN_ORIGIN_NXDOMAIN, "local-name-sent-to-unknown-domain", SIDE_CONFIG, 2, IMPACT_NOT_DELIVERED, \
	  "mail to a local name (root) got a domain from this server's own settings that it does not deliver locally, and was sent out") \
	X(F_MAIL_LOOP, "mail-forwarding-loop", SIDE_CONFIG, 3, IMPACT_NOT_DELIVERED,            \
	  "mail goes round in a loop (aliases, .forward files or servers forwarding to each other)") \
	X(F_OUT_SUSPENDED, "outbound-delivery-suspended", SIDE_REMOTE, 2, IMPACT_DELAYED,       \
	  "Postfix suspended delivery to a destination after failures")                        \
	X(F_OUT_RELAY_LOGIN_REFUSED, "relayhost-login-refused", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING, \
	  "the relay host (smarthost) refuses this server's login (user name, password or account)") \
	X(F_OUT_RELAY_SASL, "relayhost-sasl-failed", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING,        \
	  "this server cannot log in to its relay host (smarthost)")                           \
	X(F_OUT_RELAY_PLUGIN, "relayhost-sasl-plugin-failed", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING, \
	  "this server's SASL plugin gave up during its login to the relay host (an OAuth token, the plugin's setup)") \
	X(F_OUT_RELAY_NO_MECH, "relayhost-no-usable-mechanism", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING, \
	  "the relay host offers no login this server may use on that connection (AUTH only after STARTTLS, or smtp_sasl_mechanism_filter removes its mechanisms)") \
	X(F_OUT_RELAY_NO_LOGIN, "relayhost-login-missing", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING,   \
	  "the relay host (smarthost) wants a login that this server does not give")            \
	X(F_OUT_RELAY_BLANK_LOGIN, "relayhost-login-blank", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING, \
	  "this server logs in to its relay host with an empty user name: its password table gives it no login") \
	X(F_OUT_RELAY_SENDER, "relayhost-sender-refused", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,    \
	  "the relay host refuses the sender address for the account this server logs in with") \
	X(F_OUT_LOCAL_ERROR, "outbound-local-error", SIDE_CONFIG, 3, IMPACT_DELAYED,           \
	  "the SMTP client stops deliveries on an error of this server's own (local data error)") \
	X(F_OUT_REMOTE_TEMP, "outbound-remote-temporary", SIDE_REMOTE, 1, IMPACT_DELAYED,       \
	  "a remote server answers with a temporary error")                                    \
	X(F_OUT_REMOTE_PERM, "outbound-remote-refused", SIDE_REMOTE, 2, IMPACT_NOT_LEAVING,     \
	  "a remote server refuses mail for another reason")                                   \
	X(F_OUT_FORWARD_REFUSED, "forwarded-mail-refused", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,   \
	  "mail this server forwards (aliases, .forward, virtual aliases to other domains) is refused by the target's server") \
	X(F_OUT_DMARC_FOREIGN_FROM, "outbound-dmarc-foreign-from", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING, \
	  "mail sent in another domain's name (a mailing list keeping the poster's From:) is refused under that domain's DMARC policy") \
	X(F_OUT_DMARC_UNALIGNED, "outbound-dmarc-unaligned", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING, \
	  "a remote server defers or refuses mail whose SPF or DKIM domain is not the From: header's domain (DMARC alignment)") \
	/* inbound: mail to this server */                                                     \
	X(F_IN_OWN_RELAY_DENIED, "own-client-relay-denied", SIDE_CONFIG, 3, IMPACT_REFUSED,     \
	  "the server refuses to relay for a client on its own network")                       \
	X(F_IN_USER_RELAY_DENIED, "user-client-relay-denied", SIDE_CONFIG, 2, IMPACT_NOT_LEAVING, \
	  "a user's mail is refused with \"Relay access denied\": the mail program sends without logging in") \
	X(F_IN_USER_TLS_FAILED, "user-client-tls-failed", SIDE_CONFIG, 2, IMPACT_NOT_LEAVING,  \
	  "a mail program of this server's own users fails the TLS handshake")                 \
	X(F_IN_USER_REFUSED, "user-client-refused", SIDE_CONFIG, 2, IMPACT_NOT_LEAVING,         \
	  "a user's mail is refused by this server's own checks, after the user logged in")   \
	X(F_IN_USER_NOAUTH_REFUSED, "user-address-refused-without-login", SIDE_USER_DEVICE, 2,    \
	  IMPACT_NOT_LEAVING,                                                                   \
	  "mail from an address where a user logs in is refused when it comes without a login: the user's mail program, or another machine behind that address") \
	X(F_IN_KNOWN_SENDER_REFUSED, "known-sender-refused", SIDE_CONFIG, 2, IMPACT_REFUSED,   \
	  "this server's checks refuse mail from servers it otherwise takes mail from, or from a large provider's servers") \
	X(F_IN_SENDER_AUTH_REFUSED, "sender-authentication-refused", SIDE_REMOTE, 1,          \
	  IMPACT_REFUSED,                                                                       \
	  "a DMARC, DKIM or SPF milter refused incoming mail for its sender domain's authentication: a forgery, or the sender's own setup") \
	X(F_IN_SERVICE_DOMAIN_NOT_FOUND, "sending-service-domain-not-found", SIDE_CONFIG, 2,     \
	  IMPACT_DELAYED,                                                                       \
	  "mail from a sending service's servers (Amazon SES, SendGrid, Mailgun, Gmail...) is deferred: its sender domain was \"not found\" (reject_unknown_sender_domain)") \
	X(F_IN_OWN_DOMAIN_RELAY_DENIED, "own-domain-relay-denied", SIDE_CONFIG, 3, IMPACT_REFUSED, \
	  "mail that large providers deliver here is refused with \"Relay access denied\": a domain this server receives is missing from its domain lists") \
	X(F_IN_ACCESS_DENIED_PROVIDER, "access-rule-refuses-provider", SIDE_CONFIG, 2, IMPACT_REFUSED, \
	  "this server's own access rules refuse mail from a large provider's servers (\"Access denied\")") \
	X(F_IN_OWN_RATE_LIMITED, "own-client-rate-limited", SIDE_CONFIG, 2, IMPACT_DELAYED,    \
	  "a user's or the own network's client is refused by a connection or rate limit (anvil)") \
	X(F_IN_DMARC_ACCEPTED, "dmarc-fail-accepted", SIDE_CONFIG, 1, IMPACT_NONE,             \
	  "mail whose From: domain failed DMARC was accepted: its domain asks for nothing stricter, or OpenDMARC only records results") \
	X(F_IN_AUTH_DNS_FAILING, "auth-checks-dns-failing", SIDE_NETWORK, 2, IMPACT_DEGRADED,  \
	  "the SPF or DKIM checks of incoming mail get no DNS answers for several sender domains: this host's resolver is failing them") \
	X(F_IN_SPF_NOT_PASS, "spf-not-pass-accepted", SIDE_BENIGN, 0, IMPACT_NONE,            \
	  "mail whose SPF result was none, neutral or softfail was let through, as SPF intends") \
	X(F_IN_OWN_DOMAIN_FORGED, "own-domain-forged", SIDE_HOSTILE, 1, IMPACT_NONE,          \
	  "outside servers send mail in this server's own domain that fails SPF: forged senders (or users sending through another provider's server)") \
	X(F_IN_KNOWN_RATE_LIMITED, "known-sender-rate-limited", SIDE_CONFIG, 2, IMPACT_DELAYED, \
	  "a connection or rate limit (anvil) refuses mail servers: ones this server takes mail from, large providers' or ones named in DNS") \
	X(F_IN_SUBMISSION_LIMITED, "submission-client-rate-limited", SIDE_CONFIG, 2, IMPACT_DELAYED, \
	  "a connection or rate limit (anvil) refuses a client on a submission port (587, 465) that the log cannot place: an application or office of your own, or a flood") \
	X(F_IN_OWN_CONTENT_REFUSED, "own-mail-refused-by-checks", SIDE_CONFIG, 2, IMPACT_NOT_LEAVING, \
	  "header_checks, body_checks or a milter refuse mail of this server's own users")    \
	X(F_IN_OWN_CLIENT_REFUSED, "own-client-refused", SIDE_CONFIG, 2, IMPACT_REFUSED,        \
	  "the server refuses mail from a client on its own network (a HELO, DNS or address check)") \
	X(F_IN_OWN_PIPELINING, "own-client-pipelining", SIDE_USER_DEVICE, 2, IMPACT_REFUSED,    \
	  "a client of your own sends SMTP commands without waiting for the replies, and the server refuses it (reject_unauth_pipelining)") \
	X(F_IN_OWN_BARE_LF, "own-client-bare-newline", SIDE_USER_DEVICE, 2, IMPACT_REFUSED,      \
	  "a client of your own ends its lines with a bare newline (LF without CR), and the server refuses it (smtpd_forbid_bare_newline, the SMTP smuggling defence)") \
	X(F_IN_BARE_LF_SERVERS, "bare-newline-refuses-servers", SIDE_CONFIG, 1, IMPACT_REFUSED, \
	  "smtpd_forbid_bare_newline = reject refuses mail from named mail servers whose lines end in a bare newline") \
	X(F_IN_OWN_POSTSCREEN_REFUSED, "own-client-postscreen-refused", SIDE_CONFIG, 2,         \
	  IMPACT_REFUSED,                                                                       \
	  "postscreen refuses mail from a client on this server's own network (it talked before the greeting, or a test or blocklist failed)") \
	X(F_IN_SUBMISSION_NO_LOGIN, "submission-login-required", SIDE_USER_DEVICE, 2,          \
	  IMPACT_NOT_LEAVING,                                                                     \
	  "a mail program or device sends on the submission port without logging in, and the service refuses it (\"Access denied\")") \
	X(F_IN_OWN_TEXT_AS_COMMANDS, "own-client-protocol-error", SIDE_USER_DEVICE, 2,          \
	  IMPACT_NOT_LEAVING,                                                                     \
	  "a program of your own sends its message's text (To:, Subject:) as SMTP commands: its MAIL, RCPT or DATA was refused, or it does not wait for the replies") \
	X(F_IN_OWN_SENDER_DOMAIN, "own-client-sender-domain-unknown", SIDE_USER_DEVICE, 2,       \
	  IMPACT_NOT_LEAVING,                                                                     \
	  "a device or program of your own sends with a sender address whose domain does not exist (nas.lan, localhost.localdomain), and the server refuses it") \
	X(F_IN_OWN_LOGIN_REQUIRED, "own-client-login-required", SIDE_USER_DEVICE, 2,          \
	  IMPACT_NOT_LEAVING,                                                                     \
	  "a program or device of your own sends as a user's address without logging in, and the server refuses it (\"Sender address rejected: not logged in\")") \
	X(F_IN_LOCAL_LOGIN_REQUIRED, "local-program-login-required", SIDE_CONFIG, 2,          \
	  IMPACT_NOT_LEAVING,                                                                     \
	  "a program on this host (a webmail, a web application, a script) sends as a user's address without logging in, and the server refuses it (\"Sender address rejected: not logged in\")") \
	X(F_IN_LOGIN_MAP_OWN_ADDRESS, "sender-login-map-misses-own-address", SIDE_CONFIG, 2,     \
	  IMPACT_NOT_LEAVING,                                                                     \
	  "a user is refused its own address as sender: smtpd_sender_login_maps does not give the login its own name") \
	X(F_IN_ERROR_TRANSPORT, "outside-mail-error-transport", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING, \
	  "this server refuses mail to outside domains itself: they resolve to the error transport (default_transport or relay_transport = error, a \"local only\" setup)") \
	X(F_IN_NAT_HIDES, "nat-hides-clients", SIDE_NETWORK, 3, IMPACT_REFUSED,                 \
	  "Internet clients arrive from a private address (a large provider's server, an open-relay tester): a NAT (Docker's published ports) hides the real clients") \
	X(F_IN_SENDER_LOGIN_MISMATCH, "sender-login-mismatch", SIDE_CONFIG, 2, IMPACT_REFUSED, \
	  "a logged-in user's mail is refused: the sender address is not one its login owns") \
	X(F_IN_MAILBOX_FULL, "mailbox-full-refused", SIDE_BENIGN, 1, IMPACT_REFUSED,             \
	  "mail to a user of this server is refused: the mailbox is full (quota)")              \
	X(F_IN_PTR_LOOKUP_FAILING, "reverse-dns-lookups-failing", SIDE_NETWORK, 3, IMPACT_REFUSED, \
	  "mail from large providers is refused: this host's DNS cannot find their servers' names") \
	X(F_IN_TOO_BIG, "inbound-message-too-big", SIDE_BENIGN, 1, IMPACT_REFUSED,             \
	  "mail refused for being larger than message_size_limit")                             \
	X(F_IN_DNSBL_ERROR, "dnsbl-answers-error", SIDE_NETWORK, 3, IMPACT_REFUSED,             \
	  "a DNS blocklist answers with an error code, not a listing")                         \
	X(F_IN_DNSBL_BIG_PROVIDER, "dnsbl-refuses-big-provider", SIDE_CONFIG, 2, IMPACT_REFUSED, \
	  "a DNS blocklist refuses mail from a large, legitimate mail provider")               \
	X(F_IN_HELO_NOT_FOUND, "helo-hostname-not-found", SIDE_CONFIG, 1, IMPACT_REFUSED,       \
	  "legitimate senders refused for an unresolvable HELO name")                          \
	X(F_IN_CLIENT_NAME_NOT_FOUND, "client-hostname-not-found", SIDE_CONFIG, 1, IMPACT_REFUSED, \
	  "senders refused because their IP address has no (matching) reverse DNS name")       \
	X(F_RESOLVER_FAILING, "resolver-domain-lookups-failing", SIDE_NETWORK, 3, IMPACT_DELAYED, \
	  "this host's DNS lookups fail: well-known domains refused as \"Domain not found\"") \
	X(F_IN_NO_STORAGE, "insufficient-storage", SIDE_CONFIG, 4, IMPACT_REFUSED,              \
	  "mail refused: too little free space for the queue")                                 \
	X(F_IN_CONFIG_PROBLEM, "server-configuration-problem", SIDE_CONFIG, 4, IMPACT_REFUSED,  \
	  "mail refused with \"Server configuration problem\" (451 4.3.5)")                    \
	X(F_IN_ROLE_MISSING, "role-address-missing", SIDE_CONFIG, 2, IMPACT_REFUSED,          \
	  "mail to postmaster@ or abuse@ of a domain of this server is refused: no such user")  \
	X(F_IN_RCPT_MISSING, "recipient-missing-from-table", SIDE_CONFIG, 2, IMPACT_REFUSED,  \
	  "mail for one address, from several real mail servers, is refused as unknown: the address may be missing from a lookup table") \
	X(F_IN_USER_UNKNOWN_HARVEST, "recipient-harvesting", SIDE_HOSTILE, 2, IMPACT_NONE,      \
	  "a client tries many addresses that do not exist (dictionary attack)")               \
	X(F_IN_LMTP_USER_UNKNOWN, "lmtp-user-unknown", SIDE_CONFIG, 3, IMPACT_NOT_LEAVING,      \
	  "mail accepted for a local domain bounces: the mailbox server does not know the user") \
	X(F_IN_BACKSCATTER, "backscatter", SIDE_CONFIG, 3, IMPACT_REPUTATION,                    \
	  "mail for unknown users is accepted, then bounced to its (often forged) sender: backscatter") \
	X(F_IN_TRUSTED_NAT, "trusted-address-open-relay-risk", SIDE_CONFIG, 3, IMPACT_REPUTATION, \
	  "mail from many outside senders arrives without login through one private address: an open relay if it is a NAT gateway") \
	X(F_IN_TRUSTED_PRIVATE, "trusted-private-address", SIDE_CONFIG, 1, IMPACT_NONE,          \
	  "mail is accepted without login from a private address, and no client with a public address appears") \
	X(F_IN_OPEN_RELAY, "public-open-relay", SIDE_CONFIG, 4, IMPACT_REPUTATION,              \
	  "mail from Internet clients that did not log in is relayed to outside domains: an open relay") \
	X(F_IN_TRUSTED_PUBLIC, "trusted-public-address", SIDE_CONFIG, 2, IMPACT_NONE,           \
	  "a public address relays mail to outside domains without login: it is trusted (mynetworks)") \
	X(F_IN_REMOTE_DNS, "client-dns-inconsistent", SIDE_REMOTE, 0, IMPACT_NONE,             \
	  "a client's or sender domain's DNS is inconsistent or malformed (their side)")        \
	X(F_IN_NAME_LOOKUP_TEMP, "client-name-lookups-failing", SIDE_NETWORK, 2, IMPACT_DELAYED, \
	  "this host's DNS lookups of clients' names fail for now (\"Temporary failure in name resolution\")") \
	X(F_IN_RCPT_NO_DOMAIN, "recipient-without-domain", SIDE_BENIGN, 1, IMPACT_NONE,        \
	  "a client sent mail to a bare name without a domain: Postfix completes it with this server's own domain") \
	X(F_IN_ADDR_SYNTAX, "client-address-syntax", SIDE_REMOTE, 0, IMPACT_NONE,               \
	  "a client sent an address with illegal syntax (refused with 501)")                    \
	X(F_IN_DNSBL_TIMEOUT, "dnsbl-reply-timeout", SIDE_NETWORK, 1, IMPACT_DEGRADED,          \
	  "a DNS blocklist does not answer in time: postscreen scores clients without it")     \
	X(F_IN_DNSBL_RESOLVER, "dnsbl-lookups-all-time-out", SIDE_NETWORK, 3, IMPACT_DEGRADED,  \
	  "several DNS blocklists time out together: this host's resolver is not answering")   \
	/* local configuration and daemons */                                                  \
	X(F_SASL_BACKEND_DOWN, "sasl-backend-unreachable", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN, \
	  "smtpd cannot reach its SASL backend (Dovecot auth or saslauthd)")                   \
	X(F_SASL_BACKEND_FAILS, "sasl-backend-failing", SIDE_CONFIG, 3, IMPACT_SERVICE_DOWN,   \
	  "logins fail because smtpd's SASL backend broke off or did not answer, not because of the passwords") \
	X(F_SASL_NO_MECHS, "sasl-no-mechanisms", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN,           \
	  "smtpd has no SASL mechanism: logins are impossible")                                \
	X(F_MAP_TYPE, "lookup-table-type-unsupported", SIDE_CONFIG, 4, IMPACT_REFUSED,          \
	  "this Postfix does not support a lookup table type that the configuration names")    \
	X(F_MAP_PLUGINS_SKIPPED, "table-plugin-list-skipped", SIDE_CONFIG, 3, IMPACT_DEGRADED, \
	  "Postfix skips its list of lookup table plugins (dynamicmaps.cf): the file's owner or mode is wrong") \
	X(F_MAP_MISSING, "lookup-table-missing", SIDE_CONFIG, 4, IMPACT_REFUSED,                \
	  "a lookup table named in main.cf or master.cf cannot be opened")                     \
	X(F_CACHE_CANNOT_OPEN, "cache-table-cannot-open", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN, \
	  "a cache that Postfix creates itself (postscreen's, address verification's) cannot be opened or created") \
	X(F_TLS_SCACHE, "tls-session-cache-unusable", SIDE_CONFIG, 1, IMPACT_DEGRADED,          \
	  "the TLS session cache file cannot be opened: TLS works without session reuse")      \
	X(F_MAP_TEMP_FAILURE, "lookup-temporary-failure", SIDE_CONFIG, 3, IMPACT_REFUSED,       \
	  "smtpd answers 451 4.3.0 Temporary lookup failure: a lookup table of this server fails") \
	X(F_VERIFY_SOFT, "verify-refusal-temporary", SIDE_CONFIG, 1, IMPACT_DELAYED,            \
	  "address verification answers 450 for addresses the next hop refused for good")      \
	X(F_VERIFY_PROBE_LOCAL, "verify-probe-fails-here", SIDE_CONFIG, 3, IMPACT_REFUSED,      \
	  "address verification refuses mail because its probe fails on this server itself")   \
	X(F_MAP_SERVER_DOWN, "lookup-server-unreachable", SIDE_CONFIG, 4, IMPACT_REFUSED,       \
	  "the server of a lookup table (LDAP, MySQL, PostgreSQL, tcp:) does not answer")       \
	X(F_MAP_SYNTAX, "lookup-table-syntax", SIDE_CONFIG, 2, IMPACT_DEGRADED,                 \
	  "a line or query of a lookup table (regexp, pcre, cidr, SQL) is wrong or repeated")    \
	X(F_MAP_STALE, "lookup-table-stale", SIDE_CONFIG, 2, IMPACT_DEGRADED,                  \
	  "a lookup table is older than its source file (postmap not run)")                    \
	X(F_MAP_UNAPPROVED, "proxymap-unapproved-table", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN,   \
	  "proxymap refuses a table not listed in proxy_read_maps/proxy_write_maps")          \
	X(F_MAP_CORRUPT, "lookup-table-corrupt", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN,           \
	  "a database file is corrupt (Berkeley DB errors, panics)")                          \
	X(F_MILTER_DOWN, "milter-unreachable", SIDE_CONFIG, 3, IMPACT_DEGRADED,                 \
	  "a milter (OpenDKIM, rspamd, ...) does not answer")                                  \
	X(F_MILTER_CRASHED, "milter-crashed", SIDE_CONFIG, 3, IMPACT_DEGRADED,                  \
	  "a milter broke off while Postfix talked to it (crash, hang or timeout)")                \
	X(F_MILTER_TEMPFAIL, "milter-failure-refuses-mail", SIDE_CONFIG, 4, IMPACT_REFUSED,      \
	  "incoming mail is refused because a milter fails")                                  \
	X(F_DKIM_SIGN, "dkim-signing-failed", SIDE_CONFIG, 2, IMPACT_DEGRADED,                 \
	  "the DKIM signer (OpenDKIM) does not sign some of this server's mail: no signing table entry for the sender, or a key it will not load") \
	X(F_FILTER_DOWN, "content-filter-unreachable", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING,      \
	  "the content filter (Amavis, ...) on this host cannot be reached")                   \
	X(F_LMTP_DOWN, "mailbox-delivery-unreachable", SIDE_CONFIG, 4, IMPACT_NOT_DELIVERED,    \
	  "local mailbox delivery (LMTP, Dovecot) cannot be reached")                          \
	X(F_FILTER_FAILED, "content-filter-failed", SIDE_CONFIG, 3, IMPACT_DELAYED,             \
	  "the content filter (Amavis, ...) on this host fails while it takes mail")           \
	X(F_OWN_DELIVERY_FAILED, "mailbox-delivery-failed", SIDE_CONFIG, 3, IMPACT_NOT_DELIVERED, \
	  "this host's own mailbox delivery (local, virtual, LMTP/Dovecot, a pipe) fails")     \
	X(F_OWN_LDA_ACCESS, "dovecot-lda-permission-denied", SIDE_CONFIG, 3, IMPACT_NOT_DELIVERED, \
	  "Dovecot's delivery agent (dovecot-lda, deliver), run by Postfix, is refused access to Dovecot's sockets or to the mailbox") \
	X(F_SIEVE_FAILING, "sieve-script-failing", SIDE_CONFIG, 3, IMPACT_DELAYED,               \
	  "the mailbox server's Sieve scripts fail while it delivers: mail waits in the queue, or is kept without the user's rules") \
	X(F_SIEVE_ACTION, "mailbox-sieve-action", SIDE_BENIGN, 0, IMPACT_NONE,                   \
	  "a user's own Sieve rule filed mail into another folder, discarded, forwarded or refused it") \
	X(F_PIPE_ONE_RCPT, "pipe-flag-needs-one-recipient", SIDE_CONFIG, 3, IMPACT_NOT_DELIVERED, \
	  "a pipe transport with the D or O flag is handed several recipients at once: mail to more than one of its recipients waits in the queue") \
	X(F_OWN_SMTPUTF8, "own-backend-smtputf8-unsupported", SIDE_CONFIG, 3, IMPACT_NOT_DELIVERED, \
	  "mail that needs SMTPUTF8 bounces at this host's own mailbox delivery or content filter, which does not offer it") \
	X(F_FORWARD_FILE, "forward-file-unusable", SIDE_CONFIG, 2, IMPACT_NOT_DELIVERED,        \
	  "local delivery cannot use a .forward or :include: file (permissions, owner, path)")  \
	X(F_OWN_MAILBOX_LIMIT, "mailbox-limit-refuses-all", SIDE_CONFIG, 3, IMPACT_NOT_DELIVERED, \
	  "every delivery to this server's mailboxes fails on a size limit or quota")          \
	X(F_OWN_MAILBOX_FULL, "local-mailbox-full", SIDE_BENIGN, 1, IMPACT_NOT_DELIVERED,        \
	  "a mailbox on this server is full (quota or mailbox size limit)")                    \
	X(F_OWN_USER_UNKNOWN, "local-user-unknown", SIDE_BENIGN, 1, IMPACT_NOT_DELIVERED,        \
	  "mail to local addresses that do not exist on this server")                          \
	X(F_SITE_DOMAIN_LOCAL, "site-domain-delivered-locally", SIDE_CONFIG, 2, IMPACT_NOT_DELIVERED, \
	  "programs on this host mail their own site's domain and it bounces here: the domain is in mydestination, its mailboxes elsewhere") \
	X(F_ALIAS_COMMAND_AS_USER, "alias-command-taken-as-user", SIDE_CONFIG, 2, IMPACT_NOT_DELIVERED, \
	  "mail to a list or program address bounces: its \"| command\" or file is reached through a table that takes it as a user name") \
	X(F_ALIAS_TARGET_UNKNOWN, "alias-target-unknown", SIDE_CONFIG, 2, IMPACT_NOT_DELIVERED,  \
	  "mail to an alias bounces: the alias points at an address that does not exist")      \
	X(F_SYSTEM_ACCOUNT_UNKNOWN, "system-account-unknown", SIDE_CONFIG, 2, IMPACT_NOT_DELIVERED, \
	  "mail to a system account of this host (root, amavis, clamav...) bounces: it has no mailbox and no alias") \
	X(F_ALIAS_DB_MISSING, "alias-database-missing", SIDE_CONFIG, 3, IMPACT_DELAYED,         \
	  "the aliases database cannot be opened: local delivery waits (newaliases not run)")  \
	X(F_OWN_MAILBOX_ACCESS, "mailbox-permissions-wrong", SIDE_CONFIG, 3, IMPACT_NOT_DELIVERED, \
	  "local delivery cannot write a mailbox: its owner or permissions are wrong")       \
	X(F_OWN_CONTENT, "local-filter-refused-content", SIDE_BENIGN, 1, IMPACT_NOT_LEAVING,   \
	  "this host's own content filter refused a message as spam or virus")                 \
	X(F_TRANSPORT_MISSING, "transport-unavailable", SIDE_CONFIG, 4, IMPACT_NOT_LEAVING,     \
	  "a transport named in main.cf or a table is not in master.cf")                       \
	X(F_POLICY_DOWN, "policy-service-unreachable", SIDE_CONFIG, 4, IMPACT_REFUSED,          \
	  "a policy service (postgrey, SPF, quota) does not answer")                           \
	X(F_PROXY_FILTER_DOWN, "before-queue-filter-unreachable", SIDE_CONFIG, 4, IMPACT_REFUSED, \
	  "the before-queue content filter (smtpd_proxy_filter) does not answer: incoming mail is refused") \
	X(F_PROXY_HANDSHAKE, "proxy-protocol-handshake-failed", SIDE_CONFIG, 3, IMPACT_REFUSED,   \
	  "connections reach a port that expects the PROXY protocol (HAProxy, a load balancer) without a valid PROXY header: Postfix drops them") \
	X(F_PROXY_CLOSED, "proxy-protocol-connection-closed", SIDE_CONFIG, 1, IMPACT_NONE,      \
	  "connections to a port that expects the PROXY protocol close before sending a header: most often the load balancer's health check") \
	X(F_PROXY_UNEXPECTED, "proxy-protocol-not-enabled", SIDE_CONFIG, 3, IMPACT_REFUSED,       \
	  "a proxy in front sends the PROXY protocol header, but this Postfix service is not set to read it: clients through the proxy are refused") \
	X(F_PROXY_IGNORED, "proxy-protocol-ignored-behind-postscreen", SIDE_CONFIG, 1, IMPACT_NONE, \
	  "smtpd_upstream_proxy_protocol is set on an smtpd behind postscreen, where it is ignored") \
	X(F_DOMAIN_DOUBLE, "domain-listed-twice", SIDE_CONFIG, 2, IMPACT_DEGRADED,              \
	  "a domain is in both mydestination and another domain list")                         \
	X(F_BIND_IN_USE, "listen-address-in-use", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN,          \
	  "a service cannot listen: the address and port are taken")                           \
	X(F_MASTER_DUPLICATE, "master-cf-duplicate-service", SIDE_CONFIG, 2, IMPACT_DEGRADED,   \
	  "master.cf defines a service twice: only the last entry is used")                    \
	X(F_DAEMON_THROTTLED, "daemon-throttled", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN,          \
	  "a Postfix daemon keeps dying and master throttles it")                              \
	X(F_DAEMON_FATAL, "daemon-fatal-error", SIDE_CONFIG, 3, IMPACT_SERVICE_DOWN,            \
	  "a Postfix daemon stops with a fatal error")                                         \
	X(F_SERVICE_HOST_UNKNOWN, "service-host-not-found", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN, \
	  "a daemon stops: the host name of a service it must connect to (a milter, policy server or filter) does not resolve") \
	X(F_DAEMON_CRASHED, "daemon-crashed", SIDE_CONFIG, 3, IMPACT_SERVICE_DOWN,              \
	  "a Postfix daemon crashes: it was killed by a signal")                               \
	X(F_MASTER_WAKEUP, "master-wakeup-failed", SIDE_CONFIG, 3, IMPACT_DELAYED,             \
	  "master cannot wake pickup or qmgr through their trigger pipes in the queue directory") \
	X(F_NO_SUCH_INTERFACE, "listen-address-missing", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN,   \
	  "Postfix cannot start: inet_interfaces names an address this host does not have")    \
	X(F_POSTFIX_DOWN, "postfix-not-running", SIDE_CONFIG, 3, IMPACT_SERVICE_DOWN,           \
	  "a command found the Postfix mail system not running")                               \
	X(F_POSTFIX_CANNOT_START, "postfix-cannot-start", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN,  \
	  "Postfix does not run: the master daemon (or the postfix command that starts it) stopped on a fatal error") \
	X(F_PICKUP_DOWN, "pickup-unreachable", SIDE_CONFIG, 3, IMPACT_DELAYED,                  \
	  "locally submitted mail waits: the pickup service is not reachable")                 \
	X(F_TLS_KEY, "tls-key-certificate", SIDE_CONFIG, 3, IMPACT_DEGRADED,                    \
	  "the server's TLS key or certificate cannot be used: TLS is off")                    \
	X(F_TLS_CERT_DISTRUSTED, "tls-certificate-distrusted", SIDE_CONFIG, 2, IMPACT_DEGRADED, \
	  "clients end the TLS handshake because they do not trust this server's certificate") \
	X(F_TLS_LIB_MISMATCH, "tls-library-version-mismatch", SIDE_CONFIG, 1, IMPACT_DEGRADED, \
	  "Postfix runs with another OpenSSL version than the one it was built with")          \
	X(F_TLS_SETTINGS_IN, "tls-settings-mismatch", SIDE_CONFIG, 2, IMPACT_DEGRADED,          \
	  "many clients, or a large provider's server, share no TLS protocol or cipher with this server") \
	X(F_TLS_HANDSHAKE_IN, "tls-handshake-failures", SIDE_BENIGN, 1, IMPACT_NONE,            \
	  "clients fail the TLS handshake (old clients or scanners)")                          \
	X(F_QUEUE_FILE, "queue-file-problem", SIDE_CONFIG, 3, IMPACT_DELAYED,                   \
	  "Postfix cannot read or write queue files")                                          \
	X(F_SPOOL_PERMISSIONS, "queue-directory-permissions", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN, \
	  "Postfix's own programs are refused their queue directory: its owner or modes are wrong") \
	X(F_DISK_FULL, "disk-full", SIDE_HOST, 4, IMPACT_REFUSED,                               \
	  "a file system of this host is full: Postfix cannot write its queue or a mailbox") \
	X(F_HOST_MEMORY, "host-out-of-memory", SIDE_HOST, 4, IMPACT_SERVICE_DOWN,             \
	  "this host ran out of memory: Postfix's daemons or the filters beside them cannot allocate it, or the kernel kills processes") \
	X(F_HOST_FORK, "host-fork-failed", SIDE_HOST, 4, IMPACT_SERVICE_DOWN,                  \
	  "this host refuses new processes (fork: Resource temporarily unavailable): a limit on processes or threads is reached") \
	X(F_HOST_FILES, "host-open-files-limit", SIDE_HOST, 3, IMPACT_SERVICE_DOWN,             \
	  "Postfix runs out of open files: the limit on file descriptors of its processes or of the whole host is reached") \
	X(F_COMMAND_FAILED, "command-failed", SIDE_CONFIG, 1, IMPACT_NONE,                      \
	  "a Postfix command run by hand stopped with an error (no daemon stopped)")             \
	X(F_LOCAL_SUBMIT_BLOCKED, "local-submission-blocked", SIDE_CONFIG, 3, IMPACT_SERVICE_DOWN, \
	  "programs on this host cannot hand mail to Postfix: sendmail or postdrop is refused the queue directory") \
	X(F_LOCAL_MASS_MAIL, "local-program-mass-mail", SIDE_CONFIG, 3, IMPACT_REPUTATION,     \
	  "a program on this host sends mass mail that remote servers refuse (a web application or script)") \
	X(F_LOCAL_TOO_BIG, "local-submission-too-big", SIDE_CONFIG, 1, IMPACT_REFUSED,          \
	  "a message submitted on this host (sendmail, postdrop) was refused as too big")        \
	X(F_MAILBOX_LIMIT_SMALL, "mailbox-limit-below-message-limit", SIDE_CONFIG, 4, IMPACT_NOT_DELIVERED, \
	  "local or virtual delivery stops: mailbox_size_limit or virtual_mailbox_limit is smaller than message_size_limit") \
	X(F_QUEUE_VANISHED, "queue-file-vanished", SIDE_CONFIG, 2, IMPACT_LOST,                 \
	  "messages vanish from the queue while Postfix delivers them (deleted behind its back)") \
	X(F_DELAY_BEFORE_QMGR, "delays-before-queue-manager", SIDE_CONFIG, 2, IMPACT_DELAYED,   \
	  "mail takes long to reach the queue manager: a before-queue milter or content filter, cleanup or the disk is slow") \
	X(F_DELAY_IN_QMGR, "delays-in-active-queue", SIDE_CONFIG, 2, IMPACT_DELAYED,            \
	  "mail waits long in the active queue for a delivery agent")              \
	X(F_OUT_SLOW_SETUP, "outbound-slow-connection-setup", SIDE_REMOTE, 1, IMPACT_DELAYED,   \
	  "setting up connections to a remote server is slow (delays=c: connect, greeting, HELO, TLS)") \
	X(F_OUT_SLOW_TRANSFER, "outbound-slow-transmission", SIDE_REMOTE, 1, IMPACT_DELAYED,    \
	  "sending mail to a remote server is slow (delays=d)")                                \
	X(F_OUT_SLOW_EVERYWHERE, "outbound-slow-everywhere", SIDE_NETWORK, 2, IMPACT_DELAYED,   \
	  "connections to many unrelated mail servers are slow: this host's DNS resolver or network link") \
	X(F_QUEUE_CONGESTED, "active-queue-congested", SIDE_CONFIG, 3, IMPACT_DELAYED,         \
	  "one destination fills the active queue: other mail waits behind it")                \
	X(F_PROCESS_LIMIT, "process-limit-reached", SIDE_CONFIG, 2, IMPACT_DELAYED,             \
	  "a service reached its process limit in master.cf: new clients wait")                \
	X(F_PS_SLOW, "postscreen-slow-lookup", SIDE_CONFIG, 2, IMPACT_DELAYED,                  \
	  "postscreen's cache or address-list lookups are slow: every new client waits")      \
	X(F_INTERNAL_SERVICE, "internal-service-unreachable", SIDE_CONFIG, 2, IMPACT_DEGRADED,  \
	  "a Postfix internal service (anvil, tlsmgr, scache, proxymap) does not answer")      \
	X(F_MAIL_HELD, "mail-held", SIDE_CONFIG, 2, IMPACT_HELD,                                \
	  "mail was accepted and then put on hold")                                              \
	X(F_MAIL_DISCARDED, "mail-discarded", SIDE_CONFIG, 1, IMPACT_LOST,                      \
	  "mail was accepted and then thrown away")                                              \
	X(F_CHECKS_REFUSED_REAL_SERVER, "content-checks-refused-real-server", SIDE_CONFIG, 1, IMPACT_REFUSED, \
	  "this server's content checks (a milter, header_checks or body_checks) refused mail of a server that otherwise looks legitimate") \
	X(F_FILTER_BLOCKED, "content-filter-blocked", SIDE_BENIGN, 1, IMPACT_NOT_DELIVERED,     \
	  "this host's content filter (Amavis) blocked messages: kept in its quarantine or dropped, not delivered") \
	X(F_POSTMASTER_ALIAS, "postmaster-alias-missing", SIDE_CONFIG, 2, IMPACT_LOST,          \
	  "mail to postmaster (or MAILER-DAEMON) is thrown away: the aliases table has no entry for it") \
	X(F_ALIAS_EXPANSION, "alias-expansion-refused", SIDE_CONFIG, 3, IMPACT_REFUSED,         \
	  "an address map expands an address into too many addresses, too deep or too long: cleanup refuses the mail for it") \
	X(F_MAP_MULTI_VALUED, "address-map-multi-valued", SIDE_CONFIG, 2, IMPACT_NOT_DELIVERED, \
	  "a canonical or generic map gives one address several: Postfix uses only the first") \
	X(F_RULE_REDIRECTED, "mail-redirected-by-rule", SIDE_CONFIG, 1, IMPACT_REDIRECTED,   \
	  "a REDIRECT rule of this server sent mail to another address instead of its recipients") \
	X(F_RULE_NOTE, "content-rule-note", SIDE_BENIGN, 0, IMPACT_NONE,                        \
	  "this server's header, body or access rules acted on mail and let it go on (WARN, INFO, PREPEND, REPLACE, STRIP, BCC)") \
	X(F_FILE_PERMISSIONS, "file-ownership-wrong", SIDE_CONFIG, 1, IMPACT_DEGRADED,           \
	  "postfix check finds files of Postfix with the wrong owner or writable by others")    \
	X(F_CHROOT_STALE, "chroot-files-differ", SIDE_CONFIG, 1, IMPACT_DEGRADED,               \
	  "the chroot's copies of system files differ from the originals")                     \
	X(F_CHROOT_MISSING, "chroot-file-missing", SIDE_CONFIG, 3, IMPACT_SERVICE_DOWN,         \
	  "a chrooted daemon cannot look up a service name: the chroot lacks etc/services")    \
	X(F_RELAY_GUARD_MISSING, "relay-restriction-missing", SIDE_CONFIG, 4, IMPACT_SERVICE_DOWN, \
	  "the SMTP server refuses to start: no restriction stops relaying (reject_unauth_destination is missing)") \
	X(F_CONFIG_IGNORED, "config-setting-ignored", SIDE_CONFIG, 2, IMPACT_DEGRADED,           \
	  "main.cf or master.cf sets something Postfix ignores (a misspelt or removed name, a repeated entry)") \
	X(F_CONFIG_DEPRECATED, "config-setting-deprecated", SIDE_CONFIG, 1, IMPACT_NONE,        \
	  "main.cf or master.cf uses a name that still works but a later Postfix release removes") \
	X(F_BOUNCE_TEMPLATE, "bounce-template-time-unit", SIDE_CONFIG, 1, IMPACT_NONE,          \
	  "delay and bounce notices print a time as 0: the template's time unit is too large") \
	/* benign */                                                                           \
	X(F_PS_CACHE_CLOSE, "postscreen-cache-close", SIDE_BENIGN, 0, IMPACT_NONE,              \
	  "a cache's \"close database\" message at shutdown (postscreen, verify)")             \
	X(F_IN_DATA_STALLS, "inbound-data-stalls", SIDE_NETWORK, 3, IMPACT_DELAYED,              \
	  "incoming mail stalls while it is sent: several servers time out or hang up during its data") \
	X(F_PS_DEEP_PROVIDERS, "postscreen-tests-delay-providers", SIDE_CONFIG, 2, IMPACT_DELAYED, \
	  "postscreen's after-greeting tests keep deferring a large provider, whose retries come from other addresses") \
	X(F_IN_GREYLISTING, "greylisting", SIDE_BENIGN, 0, IMPACT_DELAYED,                      \
	  "greylisting defers new senders once (a real server retries)")                        \
	X(F_IN_GREYLIST_RETRIES, "greylisting-refuses-retries", SIDE_CONFIG, 1, IMPACT_DELAYED, \
	  "greylisting refuses the same sender and recipient again at their retry")              \
	X(F_PS_DEEP_TEMPFAIL, "postscreen-after-greeting-tests", SIDE_BENIGN, 0, IMPACT_NONE,   \
	  "postscreen answers 450 4.3.2 to new clients until they pass its tests")             \
	X(F_SASL_LIB_NOTE, "sasl-library-failure-note", SIDE_BENIGN, 0, IMPACT_NONE,            \
	  "the SASL library's own note of a failed login (the client's line tells who)")       \
	X(F_BENIGN_NOTICE, "benign-notice", SIDE_BENIGN, 0, IMPACT_NONE,                       \
	  "a Postfix notice that needs no action")                                              \
	X(F_LOG_LINES_DROPPED, "log-lines-dropped", SIDE_CONFIG, 2, IMPACT_DEGRADED,          \
	  "the system logger dropped lines of this log (journald or rsyslog rate limiting): what happened then is not all here") \
	X(F_LOG_LINES_DOUBLED, "log-lines-doubled", SIDE_CONFIG, 1, IMPACT_NONE,               \
	  "every line of this log is written twice (two syslog rules or two loggers write the same file): this report's counts are doubled") \
	X(F_OTHER_WARNING, "other-warnings", SIDE_CONFIG, 1, IMPACT_NONE,                      \
	  "other warnings from Postfix")

enum finding_id {
#define X(e, s, side, sev, imp, t) e,
	FINDINGS(X)
#undef X
	F__COUNT
};

/* the words of a finding (finding_prose.c): what it means, what to do */
struct finding_prose {
	const char *meaning;    /* what the lines say, in plain words */
	const char *fix;        /* the next step(s) */
	const char *caveat;     /* what the lines cannot show; may be NULL */
};

const char *finding_id(enum finding_id f);
const char *finding_title(enum finding_id f);
const char *finding_key_words(const char *key);
enum finding_side finding_side(enum finding_id f);
int finding_severity(enum finding_id f);
enum finding_impact finding_impact(enum finding_id f);
bool finding_from_id(const char *s, enum finding_id *f);
const char *finding_side_id(enum finding_side s);
const char *finding_side_words(enum finding_side s);
const char *finding_impact_id(enum finding_impact i);
const char *finding_impact_words(enum finding_impact i);
const struct finding_prose *finding_prose(enum finding_id f);
/* the rows themselves, in English: the outbound findings' in
 * finding_prose_out.c, inbound mail's in finding_prose_in.c (this
 * server's own users' and clients' in finding_prose_users.c), this host's
 * own delivery's in finding_prose_local.c, master's daemons' in
 * finding_prose_master.c, bulk sending's in finding_prose_bulk.c, this
 * host's resources' (memory, processes, open files) in
 * finding_prose_host.c, the
 * others' in finding_prose.c; read them
 * through finding_prose() (translated) or
 * finding_prose_en() */
extern const struct finding_prose finding_prose_table[F__COUNT];
extern const struct finding_prose finding_prose_in[F__COUNT];
extern const struct finding_prose finding_prose_users[F__COUNT];
extern const struct finding_prose finding_prose_out[F__COUNT];
extern const struct finding_prose finding_prose_local[F__COUNT];
extern const struct finding_prose finding_prose_master[F__COUNT];
extern const struct finding_prose finding_prose_bulk[F__COUNT];
extern const struct finding_prose finding_prose_routes[F__COUNT];
extern const struct finding_prose finding_prose_host[F__COUNT];
const struct finding_prose *finding_prose_en(enum finding_id f);

#endif
