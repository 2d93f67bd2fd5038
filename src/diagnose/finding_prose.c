/*
 * finding_prose.c - the words of every finding but outbound delivery's
 * (those are in finding_prose_out.c): what the lines mean, the next
 * step, and what the lines cannot show.  One row per FINDINGS row in one
 * of the two tables (a unit test checks that none is missing).  Kept
 * apart from the decision (rules.c) so that the words can change, or be
 * translated, without touching it.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_table[F__COUNT] = {
    [F_IN_OWN_RELAY_DENIED] = {
	"A client on this server's own network (loopback or a private address) was refused "
	"with \"Relay access denied\": it tried to send mail to outside domains without "
	"logging in and is not in mynetworks. This is the server's own application or user, "
	"not an attacker testing for an open relay.",
	"Let the application log in on the submission port (587 or 465, with SASL), or, for a "
	"trusted local application only, add its address to mynetworks. Behind Docker or a "
	"NAT every client looks local: make sure the real addresses reach Postfix (proxy "
	"protocol, host networking) before widening mynetworks.",
	NULL},
    [F_IN_USER_RELAY_DENIED] = {
	"A client that logs in to this server in other sessions (a user of this server) had "
	"mail to outside domains refused with \"Relay access denied\": in those sessions its "
	"mail program sent without logging in. The user's mail did not leave; this is not an "
	"attacker testing for an open relay.",
	"Set the user's mail program to send on the submission port (587 with STARTTLS, or "
	"465) with authentication (\"my server requires authentication\") for every message. "
	"Do not add the address to mynetworks: it is a public address that changes.",
	NULL},
    [F_IN_USER_TLS_FAILED] = {
	"An address that logs in to this server (or hands over mail from its own network) also "
	"failed the TLS handshake, in other sessions: a mail program or device of one of your "
	"users (often a second device behind the same address: an old Outlook, a phone, a "
	"scanner or printer) cannot start TLS with this server, so it can neither log in nor "
	"send. The sample lines tell why: no protocol version or cipher in common (it offers "
	"only TLS 1.0 or 1.1, or old ciphers, that this server no longer accepts), a "
	"certificate it refuses (self-signed, expired, another name, a missing intermediate), "
	"or it hangs up in the middle.",
	"Find the device behind the address (its successful sessions name the user) and update "
	"its mail program or its TLS settings. For a refused certificate, serve the whole chain "
	"(smtpd_tls_chain_files with the full chain) under the name the device connects to. "
	"Only for a device that cannot be updated, accept its old protocol on the one service "
	"it uses: in master.cf, -o smtpd_tls_protocols and -o smtpd_tls_mandatory_protocols on "
	"that service (with OpenSSL 3, TLS 1.0 and 1.1 also need a lower security level, set "
	"through tls_config_file).",
	"TLS 1.0 and 1.1 are weak: never allow them on port 25 or for every service."},
    [F_IN_USER_REFUSED] = {
	"In sessions where the client logged in with SASL (one of this server's users), this "
	"server's own restrictions refused its mail: the check named here runs before "
	"permit_sasl_authenticated, or on the submission service, where only users come. A "
	"DNS blocklist (\"blocked using\") lists the user's home or mobile address: lists of "
	"dynamic addresses such as Spamhaus PBL are meant for mail sent straight to an MX, not "
	"for users who log in. A rate or quota limit of a policy service, or a HELO or "
	"client-name check, refuses a user the same way. The user's mail did not leave.",
	"Put permit_sasl_authenticated before the checks that refuse (reject_rbl_client, "
	"reject_unknown_client_hostname, reject_*_helo_hostname, check_policy_service) in "
	"smtpd_relay_restrictions and smtpd_recipient_restrictions, or give the submission "
	"service its own restrictions in master.cf (-o "
	"smtpd_recipient_restrictions=permit_sasl_authenticated,reject). A limit a policy "
	"service applies to users on purpose is working as set: raise it for that user if the "
	"mail is wanted.",
	"When the account sends spam (see its verdict), the refusals are the checks doing their "
	"job: change its password instead."},
    [F_IN_OWN_DOMAIN_RELAY_DENIED] = {
	"smtpd refused mail with \"Relay access denied\" from a large provider's server "
	"(Gmail, Microsoft, Yahoo...; its name confirmed by DNS). Those servers never test for "
	"open relays: they deliver only to the mail servers that a domain's MX records name. So "
	"the recipient's domain points its MX here, and this server does not count it as its "
	"own: every sender's mail to that domain is refused.",
	"Add the domain to the list it belongs to: mydestination (local users), "
	"virtual_mailbox_domains (virtual mailboxes), virtual_alias_domains or relay_domains "
	"(mail passed on to another server); then postfix reload, and check with: postconf "
	"mydestination virtual_mailbox_domains relay_domains. If the domain is no longer served "
	"here, change its MX records instead.",
	NULL},
    [F_IN_ACCESS_DENIED_PROVIDER] = {
	"smtpd refused mail from a large provider's server (Gmail, Microsoft, Yahoo...; its "
	"name confirmed by DNS) with a bare \"Access denied\": that is the text of an access "
	"table's REJECT without words of its own (check_recipient_access, check_sender_access, "
	"check_client_access) or of a plain \"reject\" in a restriction list. The provider only "
	"passes its users' mail on; the refusal is this server's own rule, and when it is a "
	"catch-all (\"permit_mynetworks, permit_sasl_authenticated, reject\" in "
	"smtpd_recipient_restrictions) it refuses everyone's mail.",
	"Find the rule: postconf -n | grep restrictions, and postmap -q ADDRESS on each access "
	"table. A restriction list that ends in reject must let mail for this server's own "
	"domains through first (reject_unauth_destination, then permit). If the rule is meant "
	"to block that one address, nothing needs fixing; give it a text (REJECT reason) so the "
	"log says why.",
	NULL},
    [F_IN_OWN_RATE_LIMITED] = {
	"anvil's limits (smtpd_client_connection_rate_limit, "
	"smtpd_client_connection_count_limit, smtpd_client_message_rate_limit, "
	"smtpd_client_recipient_rate_limit) refused a client that is this server's own: it logs "
	"in, or its address is on this server's own network. Its mail is refused with 421 or "
	"450 until the limit's time unit passes; a user's mail program or a web application "
	"sending in bursts hits such limits without doing anything wrong.",
	"Exempt trusted clients: smtpd_client_event_limit_exceptions = $mynetworks plus the "
	"addresses of the own applications, or raise the limit (anvil's \"statistics: max "
	"connection rate\" lines show the peaks), or set the limit only on port 25 in "
	"master.cf (-o smtpd_client_connection_rate_limit=0 for submission). A mail program "
	"opening a new connection for every message is worth reconfiguring too.",
	"Limits are per client address: users behind one NAT share it, so a whole office can "
	"hit a limit that no single user reaches."},
    [F_IN_OWN_CONTENT_REFUSED] = {
	"cleanup refused a message of this server's own users (a client that logs in, one on "
	"the own network, or a local submission) with a header_checks or body_checks REJECT "
	"rule: the user's outgoing mail did not leave. Either the rule is meant to stop such "
	"mail (an attachment type, a spam word) and the user should know, or its pattern is "
	"wider than intended.",
	"Find the rule: the rejected line is in the log line (header Subject: ..., body ...); "
	"test it with postmap -q \"TEXT\" pcre:/etc/postfix/header_checks. Narrow the pattern, "
	"or apply the checks to inbound mail only: in master.cf give the submission service its "
	"own cleanup (-o cleanup_service_name=cleanup_out) that has -o header_checks= -o "
	"body_checks=.",
	NULL},
    [F_IN_RCPT_MISSING] = {
	"smtpd refused mail for one address of this server as unknown (\"User unknown in "
	"virtual mailbox table\", \"... in local recipient table\"...), and it came from several "
	"mail servers whose names DNS confirms, a large provider's among them: different "
	"people wrote to that address through their own providers. A dictionary attack tries "
	"many addresses from one client; this is one address that the world uses and this "
	"server's tables do not have.",
	"Check the address in the table the refusal names: postmap -q ADDRESS "
	"hash:/etc/postfix/vmailbox (virtual_mailbox_maps), or the alias, local user or "
	"relay_recipient_maps entry; add it, run postmap on the file, and postfix reload. If "
	"the address was retired on purpose, nothing needs fixing.",
	"A mailing list or a newsletter can keep writing to an address long after it was "
	"removed: the senders' names tell whether they are people or lists."},
    [F_IN_PTR_LOOKUP_FAILING] = {
	"smtpd refused a server of a large provider (Gmail, Microsoft, Yahoo) with \"cannot find "
	"your hostname\": it comes from that provider's own network and greets with its own "
	"server name, and those servers all have proper reverse DNS. The lookup failed on this "
	"side: this host's resolver does not answer reverse (PTR) queries, or answers too "
	"slowly. With reject_unknown_client_hostname every client whose name cannot be looked "
	"up is refused, legitimate mail included.",
	"Check the resolver Postfix uses: dig -x with the refused address must give a name, "
	"from the host and from Postfix's chroot (/var/spool/postfix/etc/resolv.conf is a copy "
	"of /etc/resolv.conf made at start: it may be stale or point to a resolver the chroot "
	"cannot reach). A local caching resolver (unbound) is the usual fix. Until it works, "
	"take reject_unknown_client_hostname out, or use the gentler "
	"reject_unknown_reverse_client_hostname.",
	NULL},
    [F_IN_DNSBL_ERROR] = {
	"The DNS blocklist answered with an error code (127.255.255.x, or \"Error: open "
	"resolver\"), not with a listing. The blocklist refuses queries from this host's "
	"resolver (a public or shared resolver), and Postfix may be refusing mail on that "
	"answer.",
	"Use a local recursive resolver (unbound) instead of a public one, or the blocklist's "
	"own query service with a key; filter the answer codes: "
	"postscreen_dnsbl_sites = zen.spamhaus.org=127.0.0.[2..11]*3 and "
	"reject_rbl_client zen.spamhaus.org=127.0.0.[2..11].",
	NULL},
    [F_IN_DNSBL_BIG_PROVIDER] = {
	"A DNS blocklist listed a server of a large mail provider (Google, Microsoft, Yahoo, "
	"...), and Postfix refused its mail. Those servers send mostly legitimate mail: this "
	"list refuses mail the users want.",
	"Drop aggressive lists from reject_rbl_client (or use them only as a score in "
	"postscreen_dnsbl_sites with a threshold), and allow the provider's known servers "
	"(postscreen_dnsbl_allowlist_threshold, check_client_access).",
	NULL},
    [F_IN_SENDER_LOGIN_MISMATCH] = {
	"A user logged in (SMTP AUTH) and then sent with a sender address that its login does "
	"not own, and smtpd refused it (reject_sender_login_mismatch or "
	"reject_authenticated_sender_login_mismatch, with smtpd_sender_login_maps): \"Sender "
	"address rejected: not owned by user NAME\". It is your own user, not an attacker: "
	"its mail client is set up with a From address (an alias, a shared mailbox, an old "
	"address) that the map does not give to that login, and its mail does not leave.",
	"Correct the identity (the From address) in the user's mail client, or, if the login "
	"may use that address, add it to the login's entry in smtpd_sender_login_maps (then "
	"postmap the table if it is a hash or lmdb file). The account's entry in the report "
	"names the address and the client.",
	"Many such refusals from one login to many recipients can also be someone else with "
	"its password trying to send as other senders: if its owner did not send them, change "
	"the password."},
    [F_IN_MAILBOX_FULL] = {
	"smtpd refused mail for one of this server's own users because the user's mailbox is "
	"full: a quota policy service (such as Dovecot's quota-status) answered \"552 5.2.2 "
	"Mailbox is full\" (or 452 4.2.2, temporary). The senders did nothing wrong; the mail "
	"does not arrive until there is room.",
	"Tell the user to make room (delete or archive mail), or raise the user's quota in the "
	"mailbox server (Dovecot: quota_rule). A temporary 452 makes senders retry; a 552 makes "
	"them bounce the mail back.",
	NULL},
    [F_IN_HELO_NOT_FOUND] = {
	"Senders were refused because their HELO name does not resolve "
	"(reject_unknown_helo_hostname). Many legitimate servers use such names; the reply is "
	"temporary (450), so they retry and then give up.",
	"Remove reject_unknown_helo_hostname, or keep it only as a warning "
	"(warn_if_reject reject_unknown_helo_hostname) and watch what it would refuse.",
	NULL},
    [F_IN_CLIENT_NAME_NOT_FOUND] = {
	"Senders were refused because their IP address has no reverse DNS name, or one that "
	"does not resolve back to the address (reject_unknown_client_hostname: \"cannot find "
	"your hostname\"; reject_unknown_reverse_client_hostname: \"cannot find your reverse "
	"hostname\"). Many small but legitimate servers have no matching PTR; the reply is "
	"usually temporary (450), so they retry and then give up.",
	"Keep reject_unknown_reverse_client_hostname at most, not the stricter "
	"reject_unknown_client_hostname; let known senders through first with "
	"check_client_access (an OK entry for their address), or make it a warning "
	"(warn_if_reject reject_unknown_client_hostname) and watch what it would refuse.",
	"The lines do not show whether the PTR is missing or the lookup failed on this host "
	"(a temporary DNS failure gives the same 450)."},
    [F_RESOLVER_FAILING] = {
	"smtpd refused senders or recipients with \"Domain not found\" for domains that "
	"always exist (gmail.com, outlook.com, yahoo.com...): the DNS lookups failed on this "
	"host, not at the senders. The refused clients did nothing wrong; with the default "
	"450 they retry, and their mail is delayed until the resolver answers again.",
	"Check the resolver Postfix uses: dig MX gmail.com on this host, /etc/resolv.conf and "
	"the chroot's copy in /var/spool/postfix/etc/resolv.conf (in a container, the "
	"resolver the container sees, e.g. mailcow's unbound container); restart it if it "
	"hangs. A local caching resolver (unbound) makes this rarer.",
	"The lines do not show why the resolver failed (down, unreachable, rate-limited by a "
	"public resolver)."},
    [F_IN_NO_STORAGE] = {
	"Postfix refuses mail (452 4.3.1 Insufficient system storage) because the queue's file "
	"system has less free space than queue_minfree or than 1.5 times message_size_limit. "
	"The check is made at every MAIL FROM, so every sender is refused, not only large "
	"messages.",
	"Compare the free space the warning gives (\"N bytes < 1.5*message size limit\") with "
	"postconf message_size_limit. If gigabytes are free, message_size_limit is set far too "
	"high: set a realistic value (e.g. postconf -e message_size_limit=52428800, with "
	"mailbox_size_limit at least as large) and postfix reload. If little is free, free disk "
	"space on the queue's file system (df -h /var/spool/postfix).",
	NULL},
    [F_IN_TOO_BIG] = {
	"Messages larger than message_size_limit were refused with 552 5.3.4 \"Message size "
	"exceeds fixed limit\": announced with SIZE= at MAIL FROM, or found while the data "
	"came (cleanup's \"queue file size limit exceeded\"). The senders did nothing wrong; "
	"they got the refusal, and those messages did not arrive.",
	"If such messages must arrive, raise message_size_limit (e.g. postconf -e "
	"message_size_limit=52428800, with mailbox_size_limit and virtual_mailbox_limit at "
	"least as large), then postfix reload. Otherwise nothing: the limit did its job.",
	NULL},
    [F_IN_CONFIG_PROBLEM] = {
	"Postfix answered clients with 451 4.3.5 \"Server configuration problem\": a lookup "
	"table or service named in a restriction failed, and Postfix never treats a failed "
	"lookup as \"no match\". Mail is refused until it is fixed.",
	"Look at the warning lines just before (table lookup problem, unavailable, connect "
	"to ...) and fix the table or service they name, then postfix reload.",
	NULL},
    [F_IN_USER_UNKNOWN_HARVEST] = {
	"One client tried many different recipient addresses that do not exist here: it is "
	"guessing addresses (a dictionary attack) or sending to an old list. Postfix refused "
	"them, so no mail was accepted.",
	"Nothing is broken. postscreen and fail2ban's postfix filter (mode = more) can block "
	"such clients early; smtpd_hard_error_limit bounds the attempts per session.",
	NULL},
    [F_IN_LMTP_USER_UNKNOWN] = {
	"Postfix accepted mail for a domain it hands to the mailbox server (LMTP, Dovecot), "
	"and the mailbox server says the user does not exist. Accepted mail that bounces "
	"later is backscatter risk, and the users' mail is lost.",
	"Make Postfix know the valid recipients before accepting (virtual_mailbox_maps, or "
	"reject_unverified_recipient), and check that the mailbox server's user database and "
	"Postfix's domain lists agree (a domain split between two servers must relay, not "
	"deliver locally).",
	NULL},
    [F_IN_OWN_CLIENT_REFUSED] = {
	"smtpd refused a client whose address is on this server's own network (loopback or a "
	"private address: RFC 1918, 100.64/10, ULA, link-local) for a reason other than "
	"relaying: a HELO check, a missing reverse DNS name, a sender or recipient "
	"restriction. Such a client is usually one of your own machines or applications (a "
	"PC, a printer, a web application), and its mail is refused; behind Docker or a NAT "
	"it may also be anyone on the Internet, its real address hidden.",
	"Read the refusal's text for the restriction that fired; put permit_mynetworks (or "
	"permit_sasl_authenticated, the client logging in on port 587) before it in that "
	"smtpd_*_restrictions list, or fix the client (a fully qualified HELO name, a valid "
	"sender address). If the address is a NAT gateway or a proxy, do not exempt it: keep "
	"the real client address instead (host networking, or the PROXY protocol: "
	"postscreen_upstream_proxy_protocol, smtpd_upstream_proxy_protocol).",
	"The lines cannot show whether the address is one machine of yours or a gateway in "
	"front of many clients."},
    [F_IN_BACKSCATTER] = {
	"An SMTP client on the Internet, not logged in, handed over mail for a recipient "
	"that smtpd accepted (its \"client=\" line) and that this server then could not "
	"deliver (local, virtual, pipe or LMTP delivery said the user is unknown, or the "
	"site's internal server that this gateway passes a relay domain to did); the "
	"bounce daemon then sent a non-delivery notification to the envelope sender. Spam "
	"to made-up addresses carries a forged sender, so these notifications go to "
	"innocent third parties: that is backscatter, and it gets this server's IP onto "
	"blocklists (backscatter lists). The cause is that smtpd does not know the valid "
	"recipients, not the client.",
	"Make smtpd refuse unknown recipients at RCPT time (550), so that no bounce is ever "
	"made. Keep reject_unlisted_recipient (the default, smtpd_reject_unlisted_recipient "
	"= yes) and give smtpd the list of users: local_recipient_maps (the default "
	"proxy:unix:passwd.byname $alias_maps; never empty) for mydestination, "
	"virtual_mailbox_maps (or virtual_alias_maps) for virtual domains, "
	"relay_recipient_maps for relay domains; when the mailboxes are known only to the "
	"backend (Dovecot, a remote store), use reject_unverified_recipient in "
	"smtpd_recipient_restrictions. A gateway in front of an internal server (Exchange, "
	"another MTA) needs relay_recipient_maps with that server's valid addresses, or "
	"reject_unverified_recipient (address verification asks the internal server at "
	"RCPT time). Check with postconf -n and postmap -q ADDRESS MAP. "
	"Then clean the queue of notifications still waiting: postqueue -p lists them "
	"with the sender MAILER-DAEMON; delete them with postqueue -p | tail -n +2 | "
	"awk 'BEGIN { RS = \"\" } $7 == \"MAILER-DAEMON\" { print $1 }' | tr -d '*!' | "
	"postsuper -d - (postsuper -d QUEUEID for one).",
	"A bounce for a typo of a real user who logged in (SASL) or sends from this "
	"server's own network is a normal bounce, not backscatter: those are not counted "
	"here. The lines cannot show whether the sender was forged; spam to unknown users "
	"almost always is."},
    [F_IN_TRUSTED_NAT] = {
	"Every SMTP client in this log comes from a private address, yet mail from many "
	"different sender domains and HELO names arrives through one private address "
	"without a login: that is what a NAT gateway looks like (Docker's published "
	"ports, a load balancer, a port forward on a router), with the real clients hidden "
	"behind it. If that address is trusted (mynetworks, permit_mynetworks), Postfix "
	"relays for the whole Internet: an open relay, found and abused by spammers "
	"within days. The client itself is not to blame: the trust is this server's "
	"configuration.",
	"Check postconf mynetworks and smtpd_relay_restrictions: the gateway's address "
	"must not be in mynetworks (keep it to 127.0.0.0/8 [::1]/128, or the real LAN "
	"only); relay only for permit_sasl_authenticated, then reject_unauth_destination. "
	"Keep the real client address: host networking for the container, or the PROXY "
	"protocol from the load balancer (postscreen_upstream_proxy_protocol = haproxy, "
	"or smtpd_upstream_proxy_protocol = haproxy without postscreen). Then test from "
	"outside with an open-relay checker.",
	"The lines cannot show what mynetworks holds, nor whether the recipients are this "
	"server's own domains (then it is inbound mail, not relaying); they only show that "
	"unauthenticated mail from many senders arrives through one private address."},
    [F_IN_TRUSTED_PRIVATE] = {
	"Mail was accepted without a login from a private address (RFC 1918, 100.64/10 or "
	"fc00::/7), and no SMTP client with a public address appears in this log. On an "
	"office network that is the usual trust of the LAN (mynetworks). But if port 25 is "
	"published through Docker or a NAT, every client on the Internet arrives with the "
	"gateway's private address, and trusting it makes an open relay.",
	"Check whether the address is a real machine of yours or a gateway: postconf "
	"mynetworks, and whether outside mail also arrives from it. If it is a gateway, "
	"keep the real client address (host networking, or the PROXY protocol: "
	"postscreen_upstream_proxy_protocol, smtpd_upstream_proxy_protocol), keep "
	"mynetworks to loopback and let relaying depend on permit_sasl_authenticated; "
	"test from outside with an open-relay checker.",
	"A short excerpt may simply hold no outside client; nothing in the lines says the "
	"client is hostile: it is most likely the admin's own test or own network."},
    [F_IN_OPEN_RELAY] = {
	"SMTP clients with public addresses handed over mail without logging in (no "
	"sasl_username on the message's \"client=\" line), and this server passed it on by "
	"SMTP to outside domains: not to its own mailboxes, not to its own internal server. "
	"Postfix relays for a client that has not logged in only when it trusts the "
	"client's address (permit_mynetworks with a mynetworks far too wide: 0.0.0.0/0, a "
	"/8, a provider's range) or when smtpd_relay_restrictions lacks "
	"reject_unauth_destination (or permits before it). Mail to this many domains or "
	"from this many clients is spammers using an open relay: the remote servers defer "
	"and refuse it, the bounces come back here, and this server's address lands on "
	"blocklists. The lines show which addresses relayed how many messages to how "
	"many domains; the clients are not this server's users, the trust is its "
	"configuration.",
	"Check postconf mynetworks mynetworks_style smtpd_relay_restrictions: keep "
	"mynetworks to 127.0.0.0/8 [::1]/128 and the addresses of your own machines one by "
	"one (mynetworks_style = host), and relay only after a login: "
	"smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated "
	"defer_unauth_destination. postfix reload, then test from a machine outside with "
	"an open-relay test (telnet to port 25: MAIL FROM an outside address, RCPT TO "
	"another outside address must get \"454 4.7.1 Relay access denied\"). Then clean "
	"the queue of the spam still waiting (postqueue -p; postsuper -d QUEUEID) and "
	"check the blocklists for this server's address.",
	"A machine of your own that sends without logging in (an application server, a "
	"copier) must be listed by its own address (/32), never by a range. The lines "
	"cannot show mynetworks itself; a domain this server relays for on purpose "
	"(relay_domains, a backup MX) but whose mail goes to a server that the log does "
	"not show as this site's own is counted here as outside."},
    [F_IN_TRUSTED_PUBLIC] = {
	"A client with a public address handed over mail without logging in, and this "
	"server passed it on by SMTP to outside domains: Postfix trusts that address "
	"(permit_mynetworks, with the address or a range around it in mynetworks), or "
	"smtpd_relay_restrictions lacks reject_unauth_destination. It is little mail from "
	"few clients: most likely a machine of yours (an office, an application server) "
	"that should log in or be listed precisely. If mynetworks holds a whole range, "
	"every other address in it can relay too.",
	"Check postconf mynetworks mynetworks_style smtpd_relay_restrictions: list only "
	"that machine's own address (/32, mynetworks_style = host), never a provider's "
	"range, or better let it log in on the submission port (587) and relay with "
	"smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated "
	"defer_unauth_destination. Test from outside with an open-relay test (an outside "
	"RCPT TO must get \"Relay access denied\").",
	"The lines cannot show mynetworks itself, nor whether the client is yours; a "
	"domain this server relays for on purpose (relay_domains, a backup MX) whose "
	"server the log does not show as this site's own is counted here as outside."},
    [F_IN_REMOTE_DNS] = {
	"The DNS of a client or of a sender's domain is inconsistent: the client's reverse "
	"(PTR) name does not resolve back to its address (\"hostname ... does not resolve to "
	"address\", \"address not listed for hostname\"), or a DNS answer holds a malformed "
	"name (valid_hostname, a null or numeric MX). That is their DNS, not this server's, and "
	"no sign of an attack: many legitimate servers and most home connections have it. "
	"Postfix then names the client \"unknown\"; mail is refused only where a restriction "
	"asks for a verified name (reject_unknown_client_hostname).",
	"Nothing to do on this server. If a wanted sender is refused because of it, ask its "
	"admin to fix the PTR record, or use reject_unknown_reverse_client_hostname instead of "
	"reject_unknown_client_hostname.",
	"Many of these saying \"Temporary failure in name resolution\", together with DNS "
	"failures on outgoing mail, point to this host's resolver instead: try dig -x on one of "
	"the addresses."},
    [F_IN_ADDR_SYNTAX] = {
	"smtpd refused a MAIL FROM or RCPT TO address that breaks the SMTP syntax (unbalanced "
	"<>, quotes or brackets, a bare space) with 501 5.1.7 or 5.1.3. Broken bulk-mail "
	"software and spam tools send these; the client has to fix its software.",
	"Nothing to do on this server. If a wanted sender is refused, its admin must fix the "
	"address its software writes; strict_rfc821_envelopes = no (the default) already "
	"accepts the common sloppy forms.",
	NULL},
    [F_IN_DNSBL_TIMEOUT] = {
	"postscreen asked dnsblog to look clients up in a DNS blocklist and got no answer "
	"within postscreen_dnsbl_timeout (or dnsblog's lookup failed); those clients are "
	"scored without that list. The list is slow or ignores this host's queries, or this "
	"host's resolver is slow.",
	"Test the resolver with the list's test entry (dig 2.0.0.127.zen.spamhaus.org); use a "
	"local caching resolver (unbound); drop lists that keep timing out from "
	"postscreen_dnsbl_sites.",
	NULL},
    [F_SASL_BACKEND_DOWN] = {
	"smtpd cannot connect to its SASL authentication backend: Dovecot's auth socket "
	"(smtpd_sasl_path, usually private/auth) is missing or refuses, or saslauthd is not "
	"running or its socket may not be opened. Every login fails, so users cannot send "
	"mail; their failed logins are not their fault.",
	"Start the backend (systemctl status dovecot / saslauthd) and check that its socket "
	"is where smtpd looks, inside Postfix's queue directory when smtpd runs chrooted: "
	"Dovecot's /var/spool/postfix/private/auth (its unix_listener with user postfix, and "
	"smtpd_sasl_path = private/auth), Debian's saslauthd in "
	"/var/spool/postfix/var/run/saslauthd. On \"Permission denied\" the postfix user may "
	"not open the socket: adduser postfix sasl for saslauthd, the listener's user, group "
	"and mode for Dovecot.",
	"The lines do not show why the backend is down; its own log does (journalctl -u "
	"dovecot)."},
    [F_SASL_NO_MECHS] = {
	"smtpd stopped with \"no SASL authentication mechanisms\": it could not get any "
	"mechanism from its SASL backend (Dovecot's auth socket, or the Cyrus SASL library), "
	"so this smtpd service is down for every client.",
	"Fix the SASL backend first (the warning before it names the socket or daemon). With "
	"Cyrus SASL (smtpd_sasl_type = cyrus), \"no applicable SASL mechanisms\" means that no "
	"mechanism plugin is installed or that mech_list in smtpd.conf names none that is "
	"(Debian: apt install libsasl2-modules; /etc/postfix/sasl/smtpd.conf). Then postfix "
	"reload.",
	NULL},
    [F_MAP_TYPE] = {
	"Postfix cannot open a table because it does not support its type (\"unsupported "
	"dictionary type\"): the type is not built in, or comes as a plugin package that is "
	"not installed. Postfix built without Berkeley DB has no hash: or btree:. Every "
	"lookup in such a table fails with a temporary error, so mail in that path is "
	"refused or deferred.",
	"List the types this Postfix has with postconf -m. Install the missing one (Debian: "
	"postfix-lmdb, postfix-cdb, postfix-mysql, postfix-pgsql, postfix-ldap, "
	"postfix-pcre), or change the type in main.cf and master.cf to one it has (lmdb: "
	"instead of hash:) and build the table again with postmap; then postfix reload.",
	NULL},
    [F_MAP_MISSING] = {
	"A lookup table that the configuration names cannot be opened (the file is missing, "
	"or its .db was never built). Postfix answers with a temporary error wherever the "
	"table is used, so mail in that path is refused or deferred.",
	"Create the file (an empty one is enough for a check_*_access table) and run postmap "
	"on it for hash:/lmdb:/btree:/cdb: tables (texthash: needs no postmap), or remove the "
	"reference from main.cf/master.cf; then postfix reload.",
	NULL},
    [F_MAP_SYNTAX] = {
	"Postfix found a line it cannot use in a lookup table: a regular expression that does "
	"not compile, a missing delimiter or replacement, an unknown option in a regexp or pcre "
	"table (header_checks, body_checks, access maps), a bad network in a cidr table, or a "
	"key listed twice in a table postmap builds. The line is skipped (or the second key "
	"ignored), so that rule does not do what it says.",
	"Open the table at the line number in the message and fix it; test it with postmap -q "
	"\"text\" regexp:/etc/postfix/header_checks (or pcre:, cidr:), then postfix reload. "
	"For a duplicate key, keep one line and run postmap on the table again.",
	NULL},
    [F_MAP_STALE] = {
	"A table's compiled .db is older than its text source: someone edited the file but "
	"did not run postmap, so Postfix still uses the old contents.",
	"Run postmap on the source file named in the warning (postalias for aliases), then "
	"postfix reload.",
	NULL},
    [F_MAP_UNAPPROVED] = {
	"proxymap refused a table because it is not listed in proxy_read_maps or "
	"proxy_write_maps; the daemon that asked for it (often postscreen with a shared "
	"cache) stops with a fatal error. The default lists hold the tables that main.cf's "
	"own parameters name, so the table is usually named only in a master.cf -o option, "
	"or the list was set without its default.",
	"Add the table, exactly as the warning names it, to the parameter the warning names "
	"(proxy_read_maps for read-only access, proxy_write_maps for read-write), keeping "
	"the default list in front, e.g. postconf -e 'proxy_read_maps = $proxy_read_maps "
	"proxy:mysql:/etc/postfix/FILE.cf'; then postfix reload.",
	NULL},
    [F_MAP_CORRUPT] = {
	"A database file Postfix uses is corrupt (Berkeley DB seek/cursor errors, LMDB's "
	"MDB_CORRUPTED or MDB_PAGE_NOTFOUND, a proxymap panic), often after the disk filled "
	"up. The daemons using it keep dying.",
	"Stop Postfix, remove the corrupt cache file (postscreen_cache, verify_cache and the "
	"TLS session caches can be deleted: they are rebuilt) or rebuild the table with "
	"postmap, free disk space, start Postfix.",
	NULL},
    [F_MILTER_DOWN] = {
	"Postfix cannot connect to a milter (DKIM signing, spam filtering). What happens to the "
	"mail depends on milter_default_action: by default (tempfail) mail is refused "
	"temporarily; with accept it passes unsigned or unfiltered.",
	"Start the milter (systemctl status opendkim / rspamd) and check that it listens "
	"where smtpd_milters / non_smtpd_milters say (ss -ltnp); inside the chroot a unix "
	"socket must be under /var/spool/postfix.",
	NULL},
    [F_MILTER_CRASHED] = {
	"The milter broke off while Postfix was talking to it (it closed or reset the "
	"connection, or did not answer within milter_*_timeout): the milter crashed or hangs. "
	"milter_default_action decides what happens to the mail: tempfail (the default) "
	"refuses it with 4.7.1 \"Service unavailable - try again later\", accept lets it "
	"through unsigned or unscanned.",
	"Look at the milter's own log and the kernel log (segfaults); update or restart it. "
	"Set milter_default_action to decide what happens to mail meanwhile.",
	NULL},
    [F_FILTER_DOWN] = {
	"Postfix hands mail to a content filter on this host (content_filter, e.g. Amavis on "
	"127.0.0.1:10024) and the filter refuses the connection: mail stays in the queue.",
	"Start the filter (systemctl status amavis) or, if it was removed on purpose, remove "
	"content_filter from main.cf and the -o content_filter overrides in master.cf, then "
	"postqueue -f.",
	NULL},
    [F_LMTP_DOWN] = {
	"Delivery to the mailboxes (LMTP to Dovecot or similar) is refused: the socket or port "
	"does not answer. Mail for local users stays in the queue.",
	"Start the mailbox server (systemctl status dovecot), check its LMTP listener "
	"matches virtual_transport / mailbox_transport, then postqueue -f.",
	NULL},
    [F_FILTER_FAILED] = {
	"Postfix hands mail to a content filter on this host (content_filter, e.g. Amavis on "
	"127.0.0.1:10024, or its re-injection service on 127.0.0.1:10025 in master.cf) and the "
	"filter breaks off or answers with an error while it takes the mail. This is not a "
	"remote server: the mail stays in the queue (or bounces) because of this host's filter.",
	"Read the filter's own log at the same time (journalctl -u amavis, or the amavis lines "
	"of the mail log): a crash, a time-out or a virus scanner that does not answer. Make "
	"the smtp transport's maxproc for the filter in master.cf no larger than the filter's "
	"own process count ($max_servers in amavisd.conf), check that the 127.0.0.1:10025 "
	"service in master.cf exists and answers, then postqueue -f.",
	"The reason comes from the filter: the lines do not show what failed inside it."},
    [F_OWN_DELIVERY_FAILED] = {
	"Delivery into the mailboxes of this host (the local or virtual delivery agent, LMTP "
	"to Dovecot on a socket or loopback, or a pipe transport in master.cf) fails: the "
	"backend answers with an error or breaks off. This is not a remote server: this "
	"host's own delivery backend, mailbox store or their configuration refuses.",
	"Read the backend's own log at the same time (Dovecot: journalctl -u dovecot or "
	"doveadm log errors, it says what \"Internal error occurred\" was; a pipe: its "
	"command's exit status and output; local or virtual: the file and error named in "
	"the reason: permissions, a full disk (df -h), a lock). Fix it, then postqueue -f "
	"for the deferred mail.",
	"The lines show the backend's answer, not what failed inside it."},
    [F_OWN_MAILBOX_LIMIT] = {
	"Every delivery into this server's mailboxes in the log failed on a size limit or "
	"quota (\"File too large\", 5.2.2 or 4.2.2, \"Quota exceeded\") for several "
	"different recipients, and not one local delivery succeeded: it is not one user's full "
	"mailbox but a limit that is too small for all of them, or a full disk.",
	"Compare the limits: mailbox_size_limit (local(8)) and virtual_mailbox_limit "
	"(virtual(8)) must be at least message_size_limit (postconf mailbox_size_limit "
	"virtual_mailbox_limit message_size_limit); 0 means no limit; with Dovecot read its "
	"quota rules (doveadm quota get -A). Check the free space of the mail store (df -h "
	"/var/mail).",
	NULL},
    [F_OWN_MAILBOX_FULL] = {
	"A mailbox on this server is full: the local or virtual delivery agent cannot make "
	"the mailbox file larger than mailbox_size_limit or virtual_mailbox_limit (\"File too "
	"large\"), or the mailbox server (Dovecot) says the user's quota is exceeded. This "
	"host's own store refuses, not a remote server.",
	"The recipient must make room (delete or archive mail). If the limit is too small "
	"for everyone, raise mailbox_size_limit or virtual_mailbox_limit (never below "
	"message_size_limit; 0 for no limit) or the Dovecot quota, and check the free space "
	"of the mail store (df -h).",
	NULL},
    [F_OWN_USER_UNKNOWN] = {
	"This host's own delivery (the local or virtual delivery agent, a pipe, or its "
	"content filter handing back) found no such user: the mail was addressed to a local "
	"domain and the message bounces to its sender. Mail from the Internet is normally "
	"refused at RCPT TO instead; these came another way (sendmail on this host, an alias "
	"or .forward, or a lookup table that accepts more users than exist).",
	"A typo of a local sender needs nothing. If mail from outside gets this far, make "
	"smtpd know the users: local_recipient_maps must not be empty, and "
	"virtual_mailbox_maps or virtual_alias_maps must list exactly the existing users.",
	NULL},
    [F_OWN_CONTENT] = {
	"This host's own content filter (Amavis on loopback, a pipe to SpamAssassin or "
	"a scanner, a Sieve rule) refused a message as spam or virus: the filter did its job, "
	"no remote server refused anything.",
	"Nothing to fix if the verdicts are right. If the refused mail comes from this "
	"server's own users, look at the sending account (a compromised password sends spam); "
	"if good mail is refused, tune the filter's score.",
	NULL},
    [F_TRANSPORT_MISSING] = {
	"Mail is routed to a transport (in transport_maps, virtual_transport, ...) that is "
	"not defined in master.cf, or whose service socket is missing: it waits in the "
	"queue with \"mail transport unavailable\".",
	"Define the transport in master.cf or fix the transport name in the table or "
	"main.cf (postconf -M lists the services), postmap the transport table, postfix "
	"reload, postqueue -f.",
	NULL},
    [F_POLICY_DOWN] = {
	"A policy service named in the restrictions (check_policy_service: postgrey, an SPF "
	"checker, a quota service) does not answer; Postfix answers 451 4.3.5 to clients "
	"while it is down.",
	"Start the policy service, or remove it from the restrictions; "
	"smtpd_policy_service_default_action can make Postfix go on when it is down.",
	NULL},
    [F_DOMAIN_DOUBLE] = {
	"A domain is listed both in mydestination and in another address class "
	"(virtual_mailbox_domains, virtual_alias_domains or relay_domains); Postfix treats "
	"it as one class only, and the other setting is ignored for it.",
	"Keep each domain in one class only: mydestination for this host's own Unix "
	"accounts, virtual_mailbox_domains for virtual mailboxes, virtual_alias_domains for "
	"forwarding only, relay_domains for mail passed on to another server. Remove it from "
	"the others (postconf mydestination virtual_mailbox_domains virtual_alias_domains "
	"relay_domains shows them), then postfix reload.",
	NULL},
    [F_BIND_IN_USE] = {
	"The master daemon cannot listen on an address and port because another process (or "
	"a second service line for the same port in master.cf) already holds it. That "
	"service, or the whole of Postfix, does not start.",
	"Find who holds the port (ss -ltnp 'sport = :PORT'): another MTA (exim4, sendmail), a "
	"second Postfix, a container that publishes the same port, or a second master.cf "
	"line for the same port (postconf -M); stop or remove it, then start Postfix.",
	NULL},
    [F_MASTER_DUPLICATE] = {
	"master.cf has two entries with the same service name and type; the master daemon "
	"uses only the last one, with its own command and -o options, and ignores the first. "
	"Usually a service (submission, smtps, a content filter's listener) was added again "
	"beside the existing line, so the options of one of them silently do not apply.",
	"List the entries with postconf -M (postconf -M submission/inet for one), keep one "
	"entry per service in /etc/postfix/master.cf with all the -o options it needs, then "
	"postfix reload.",
	NULL},
    [F_DAEMON_THROTTLED] = {
	"A Postfix daemon keeps exiting at start-up, and the master daemon throttles it "
	"(\"bad command startup -- throttling\"): that service is down.",
	"Read the fatal line the daemon writes just before (it says why), fix it, then "
	"postfix reload.",
	NULL},
    [F_DAEMON_FATAL] = {
	"A Postfix daemon stopped with a fatal error or a panic; what it serves fails until "
	"the cause is fixed.",
	"Read the fatal line: it names the file, table or setting at fault. postfix check "
	"finds many of these.",
	NULL},
    [F_PICKUP_DOWN] = {
	"Mail submitted locally (sendmail, postdrop) cannot reach the pickup service; it "
	"waits in the maildrop directory.",
	"Start Postfix (postfix status) and check the pickup line in master.cf; the mail is "
	"picked up once it runs.",
	NULL},
    [F_TLS_KEY] = {
	"The server cannot use its TLS key or certificate (missing file, wrong permissions, "
	"or a key that does not match the certificate), so it offers no TLS. Clients that "
	"require TLS cannot send, and logins on port 587 fail.",
	"Check smtpd_tls_chain_files (or smtpd_tls_cert_file/smtpd_tls_key_file): the files "
	"exist, are readable by root, and the key matches the certificate "
	"(openssl x509 -noout -pubkey -in CERT vs openssl pkey -pubout -in KEY).",
	NULL},
    [F_TLS_SETTINGS_IN] = {
	"Several different clients started TLS and the handshake failed because they and "
	"this server have no protocol version or cipher in common (\"no shared cipher\", "
	"\"unsupported protocol\", \"wrong version number\"). One client doing this is a "
	"scanner or an old server; many different ones point at this server's TLS settings: "
	"too strict (only TLSv1.3, a high OpenSSL security level, a short cipher list) or too "
	"old (a certificate or OpenSSL build that current clients refuse).",
	"Compare postconf smtpd_tls_protocols smtpd_tls_mandatory_protocols "
	"smtpd_tls_ciphers smtpd_tls_mandatory_ciphers tls_high_cipherlist with the Postfix "
	"defaults (postconf -d); on port 25 keep opportunistic TLS with the defaults "
	"(smtpd_tls_security_level = may), then postfix reload.",
	"The lines do not show which TLS versions the clients offered; "
	"posttls-finger or openssl s_client -starttls smtp against this server shows what "
	"it accepts."},
    [F_TLS_HANDSHAKE_IN] = {
	"Clients started TLS and the handshake failed (no shared cipher or protocol, a "
	"client that does not trust the certificate, or a scanner). Mail from them, if any, "
	"is not accepted over TLS.",
	"Usually nothing: scanners and very old clients do this. If a real partner is among "
	"them, compare its TLS versions with smtpd_tls_protocols and "
	"smtpd_tls_mandatory_ciphers.",
	NULL},
    [F_QUEUE_FILE] = {
	"Postfix cannot read or write files in its queue (permissions, a full disk, a "
	"damaged file).",
	"Run postfix check (it fixes ownership) and postfix set-permissions; check free "
	"space and the kernel log for file-system errors.",
	NULL},
    [F_COMMAND_FAILED] = {
	"A Postfix command run by hand or by a script (postsuper, postqueue, postmap, "
	"postalias, sendmail...) stopped with an error: a usage message means wrong options, "
	"an open error means a file that does not exist. No daemon stopped, but what the "
	"command was meant to do (rebuild a table, delete or flush mail) did not happen.",
	"Run the command again with the options of its manual page (man postsuper, man "
	"postqueue, man postmap) and the right file name; check cron jobs and scripts that "
	"call Postfix commands.",
	NULL},
    [F_LOCAL_TOO_BIG] = {
	"A message submitted on this host with sendmail or postdrop was larger than "
	"message_size_limit (or the file-size limit of the process that wrote it), and was "
	"refused: the program that sent it got an error and nothing was queued.",
	"If such messages must go out, raise message_size_limit (and mailbox_size_limit, which "
	"must not be smaller) with postconf -e, then postfix reload; otherwise ask whoever "
	"sends them to send smaller files or links.",
	NULL},
    [F_QUEUE_VANISHED] = {
	"A delivery agent (or qmgr) could not find a queue file that qmgr had just moved to the "
	"active queue (\"open active ID: No such file or directory\"). The file was deleted "
	"behind Postfix's back: by postsuper -d while deliveries ran, by a script or a person "
	"removing files under the queue directory, or by a second Postfix instance or master "
	"using the same queue_directory. Those messages are gone, and nobody gets a bounce.",
	"Find what deletes queue files: cron jobs and scripts that touch the queue directory "
	"(postconf queue_directory) and postsuper -d runs; check that one master only runs on "
	"this queue (postfix status; ps -C master -o pid,args) and that no two instances share "
	"its queue_directory (postmulti -l). Delete mail with postsuper -d only, never with rm.",
	"When an admin deleted those messages on purpose (postsuper -d ALL after a spam run), "
	"nothing else is wrong; the lines cannot tell who deleted them."},
    [F_QUEUE_CONGESTED] = {
	"qmgr warns that mail for one destination takes (nearly) all of the active queue's "
	"entries (qmgr_message_recipient_limit): mail for that destination arrives faster "
	"than it leaves, and every other message waits in the incoming queue behind it. The "
	"destination is slow or failing: a content filter or LMTP server on this host that "
	"cannot keep up, or a remote server that accepts mail slowly or times out.",
	"Find out why that destination is slow: for a filter on this host (127.0.0.1:10024), "
	"its own log and its process count (the master.cf maxproc of its transport and the "
	"filter's own children must match); for a remote one, its deferrals in this log. "
	"Lower smtp_connect_timeout and smtp_helo_timeout so dead hosts are skipped quickly, "
	"raise the transport's maxproc, and watch the queue with qshape active incoming.",
	NULL},
    [F_PROCESS_LIMIT] = {
	"master runs as many processes of a service as its maxproc column in master.cf (or "
	"default_process_limit) allows; new connections wait until one is free. Under a flood "
	"of hostile clients they cause it; under normal traffic the limit is too low for the "
	"load.",
	"See who holds the processes (the clients section: slow or idle clients); raise the "
	"service's maxproc in master.cf (or default_process_limit) if the host has the memory, "
	"put postscreen in front of smtpd, and read STRESS_README (smtpd_timeout under load); "
	"then postfix reload.",
	NULL},
    [F_INTERNAL_SERVICE] = {
	"A Postfix daemon could not talk to one of Postfix's own helper services: anvil "
	"(connection and rate limits), tlsmgr (TLS session cache and random seed), scache (the "
	"SMTP connection cache) or proxymap/proxywrite (shared tables). Postfix goes on without "
	"it: no rate limits, no connection reuse, no shared cache. The line names the socket.",
	"Check that the service is in master.cf and enabled (postconf -M anvil/unix, "
	"tlsmgr/unix, scache/unix, proxywrite/unix), that master runs it (fatal or exit lines "
	"of that daemon in this log), and its socket (ls -l /var/spool/postfix/private); then "
	"postfix reload.",
	"One such line at a reload or shutdown (\"Interrupted system call\") is harmless."},
    [F_MAP_SERVER_DOWN] = {
	"A lookup table in main.cf or master.cf is served by a database server (LDAP, MySQL, "
	"PostgreSQL, a tcp: or socketmap service), and Postfix could not reach it or log in to "
	"it. Every lookup in that table fails with a temporary error: mail whose path needs it "
	"is refused with 451 4.3.0 or 4.3.5, or deferred.",
	"Start the database server or fix the address and the credentials in the table's .cf "
	"file (hosts, server_host, user, password, bind_dn); from a chrooted daemon a UNIX "
	"socket path must lie inside /var/spool/postfix, or use TCP to 127.0.0.1. Test with "
	"postmap -q KEY TYPE:/etc/postfix/FILE.cf, then postfix reload.",
	NULL},
    [F_NO_SUCH_INTERFACE] = {
	"master or a daemon stopped at start: a parameter (inet_interfaces, or "
	"proxy_interfaces) names an address that no interface of this host has. The usual "
	"case is ::1 or \"all\" with IPv6 switched off on the host, or an address that "
	"changed. Postfix does not listen until it is fixed.",
	"Set inet_interfaces to addresses the host has (ip addr; \"all\" or \"loopback-only\"), "
	"and inet_protocols = ipv4 when the host has no IPv6; then postfix start (or "
	"systemctl restart postfix).",
	NULL},
    [F_POSTFIX_DOWN] = {
	"A postfix command (stop, reload, flush) or a program that submits or lists mail "
	"(sendmail, postqueue: \"Mail system is down -- accessing queue directly\") found that "
	"the master daemon was not running: at that moment Postfix received and delivered "
	"nothing.",
	"Check whether it is running now (systemctl status postfix, postfix status); read why "
	"it stopped in the lines before (a fatal error, a failed start), fix that, and start it "
	"(systemctl start postfix).",
	"After a deliberate postfix stop this line is expected; the lines cannot tell who "
	"stopped it."},
    [F_TLS_CERT_DISTRUSTED] = {
	"Clients ended the TLS handshake with an alert that they do not accept this server's "
	"certificate (unknown CA, bad or unknown certificate, expired): it is self-signed, "
	"expired, made for another name, or served without its intermediate certificates. "
	"Clients that insist on a trusted certificate cannot use TLS here.",
	"Serve the whole chain (smtpd_tls_chain_files, or Let's Encrypt's fullchain.pem), renew "
	"an expired certificate, and check from outside with posttls-finger or openssl s_client "
	"-starttls smtp -connect HOST:25 -showcerts.",
	"Scanners and clients with their own trust lists send these alerts too: from a single "
	"address they say little."},
    [F_CHROOT_MISSING] = {
	"A daemon that runs chrooted (y in master.cf's chroot column) could not translate a "
	"service name to a port (\"unknown service: smtp/tcp\"): the chroot under the queue "
	"directory has no etc/services (nor, usually, the other system files it needs). It "
	"stops at every attempt: for smtp, no outgoing mail leaves.",
	"Copy the system files into the chroot (on Debian systemctl restart postfix does it: "
	"etc/services, resolv.conf, hosts, nsswitch.conf under /var/spool/postfix), or set n "
	"in that service's chroot column in master.cf, then postfix reload.",
	NULL},
    [F_PS_SLOW] = {
	"postscreen is one process that handles every incoming connection, and it times its "
	"lookups in its cache and its address lists: these took more than 100 ms on average. "
	"While a lookup waits, every client waits: the disk under the cache is slow or busy, "
	"the cache file grew large, or a table behind it (proxy:, LDAP, SQL) answers slowly.",
	"Put postscreen_cache_map on a fast local disk (or memcache:), keep "
	"postscreen_cache_cleanup_interval on, use cidr: or texthash: tables for "
	"postscreen_access_list rather than a remote database, and look at the disk's load "
	"(iostat) at the times of these lines.",
	"Postfix writes this line at most once a minute: a few lines can stand for a long slow "
	"period."},
    [F_CHROOT_STALE] = {
	"postfix check (run at every start) found that the copies of system files inside the "
	"chroot, under the queue directory (etc/resolv.conf, etc/hosts, the TLS CA file, NSS "
	"libraries), differ from the originals. Daemons that run chrooted (y in master.cf's "
	"chroot column) read the old copies: stale DNS servers, host names or CA certificates.",
	"Copy the files named in the lines again (on Debian, systemctl restart postfix does it), "
	"or run those daemons without chroot (n in master.cf's chroot column), then postfix "
	"reload.",
	"Library copies that differ right after a system upgrade are harmless until the next "
	"restart refreshes them."},
    [F_CONFIG_IGNORED] = {
	"Postfix says a setting does nothing: main.cf or master.cf names a parameter it does "
	"not know (\"unused parameter\": usually a typo, such as smtpd_recipient_restriction "
	"without the s), a parameter or restriction that this version removed, sets the same "
	"parameter twice (\"overriding earlier entry\": only the last one counts), or turns "
	"on SASL or TLS that this build lacks. What the admin meant is not in effect.",
	"Run postconf -n and postconf -nf to see what is really in effect, fix the name (postconf "
	"NAME says whether it exists), keep a single entry of each parameter, and replace a "
	"removed one as the warning says; then postfix reload. For \"not compiled in\", install "
	"a Postfix package built with SASL or TLS.",
	NULL},
    [F_POSTMASTER_ALIAS] = {
	"local(8) found no alias for postmaster (or MAILER-DAEMON), a name every mail server "
	"must receive mail for (RFC 5321), and threw the message away: it logs it as "
	"delivered (\"discarded\"), so nobody is told. Reports about this server's mail "
	"(abuse, bounces, DMARC) that go to postmaster are lost.",
	"Add \"postmaster: root\" (and root: a real mailbox) to /etc/aliases, run newaliases, "
	"and check with: postmap -q postmaster hash:/etc/aliases. With virtual domains, give "
	"each one a postmaster@ alias too.",
	NULL},
    [F_FILE_PERMISSIONS] = {
	"postfix check (run by postfix start) found files of Postfix with the wrong owner, or "
	"writable by group or others: queue files or sockets not owned by the mail owner "
	"(postfix) stop the daemons from using them, and a main.cf or table that others can "
	"write lets them change the mail system.",
	"Run postfix set-permissions (it restores the owners and modes Postfix expects), or "
	"chown/chmod the files named in the warning; a socket made by another program (Dovecot's "
	"auth socket) gets its owner from that program's own settings (user = postfix). Then "
	"postfix check again.",
	NULL},
    [F_BOUNCE_TEMPLATE] = {
	"The bounce daemon prints times in its notices in the unit the template asks for "
	"(delay_warning_time_hours, maximal_queue_lifetime_days); the configured time is less "
	"than one such unit, so notices say \"0 hours\" or \"0 days\". The notices still go "
	"out; only their text is wrong.",
	"Use a smaller unit in a template of your own (bounce_template_file; bounce(5) lists "
	"the _seconds, _minutes, _hours, _days and _weeks forms), or set delay_warning_time and "
	"maximal_queue_lifetime to at least one hour and one day.",
	NULL},
    [F_PS_CACHE_CLOSE] = {
	"postscreen (or verify, for its address cache) writes this when it closes its "
	"Berkeley DB cache at shutdown or reload inside the chroot; the \"possible Berkeley "
	"DB bug\" text is harmless here.",
	"Nothing to do.",
	NULL},
    [F_IN_GREYLISTING] = {
	"A greylisting policy service (postgrey, sqlgrey, policyd, milter-greylist, rspamd) "
	"answers a temporary refusal (4xx) to every sender it has not seen before, whoever it "
	"is. A real mail server retries after a few minutes and gets in; much spam software "
	"never retries. Those refusals accuse nobody: the clients refused only this way are not "
	"counted as spam.",
	"Nothing to do, unless the first delay matters: then let known senders and the large "
	"providers (which retry from other addresses of theirs) through the greylisting's "
	"whitelist, or greylist only clients that other checks find suspicious.",
	NULL},
    [F_PS_DEEP_TEMPFAIL] = {
	"postscreen's after-greeting tests (pipelining, non-SMTP, bare newline) are on: a "
	"new client is told 450 4.3.2 once, passes the tests, and is let in when it retries. "
	"Real mail servers retry, so mail is only delayed a few minutes the first time.",
	"Nothing to do, unless the delay matters: then turn the after-greeting tests off or "
	"allow known senders (postscreen_access_list).",
	NULL},
    [F_SASL_LIB_NOTE] = {
	"The Cyrus SASL library logs a line of its own for a failed login (\"SASL "
	"authentication failure: Password verification failed\"), just before smtpd logs the "
	"client and the mechanism. It says nothing about this server: one login failed.",
	"Nothing here: the client's own line that follows is judged in the clients section (a "
	"user's wrong password, or password guessing).",
	"When the same log says that smtpd cannot reach saslauthd or its password database "
	"(sasl-backend-unreachable), the logins fail because of that, whatever the password."},
    [F_BENIGN_NOTICE] = {
	"Postfix noted something harmless: IPv6 is off because the host has none "
	"(inet_protocols), a client hung up before postscreen could look at it (getpeername), "
	"NIS lookups are off because no NIS domain is set (an old default of alias_maps), "
	"Postfix lowered bounce_queue_lifetime to maximal_queue_lifetime, postfix check "
	"found a symbolic link that leaves the configuration directory, or queue_minfree is "
	"smaller than 1.5 times message_size_limit (smtpd checks the free space against the "
	"larger of the two anyway).",
	"Nothing to do. To silence them: inet_protocols = ipv4 on a host without IPv6, "
	"alias_maps without nis: (alias_maps = hash:/etc/aliases), bounce_queue_lifetime no "
	"larger than maximal_queue_lifetime, queue_minfree = 0 or at least 1.5 times "
	"message_size_limit.",
	NULL},
    [F_OTHER_WARNING] = {
	"Postfix logged warnings that no finding above explains.",
	"Read them: postfix check and postconf -n help with most.",
	NULL},
};
