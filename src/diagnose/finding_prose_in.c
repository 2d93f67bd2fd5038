/*
 * finding_prose_in.c - the words of the findings about mail to this
 * server from strangers and other servers (refusals, relaying,
 * backscatter, this host's resolver as the clients' checks see it, the
 * caches postscreen and address verification keep): what the lines
 * mean, the next step, and what the lines cannot show.  This server's
 * own users' and clients' words are in finding_prose_users.c, outbound
 * delivery's in finding_prose_out.c, the rest in finding_prose.c;
 * finding_prose_en() reads them all.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_in[F__COUNT] = {
    [F_IN_AUTH_DNS_FAILING] = {
	"The SPF policy service (policyd-spf: Temperror) or OpenDKIM (\"key retrieval failed ... "
	"query timed out\") got no answer from DNS for the records of several sender domains, "
	"or of a large provider's domain, whose name servers always answer: this host's own "
	"resolver is failing the lookups. Mail is then deferred (TempError_Defer, OpenDKIM's "
	"On-DNSError tempfail) or passes unchecked, and DMARC judges it without SPF or DKIM.",
	"Test the resolver these services use: dig TXT gmail.com and dig TXT "
	"google._domainkey.gmail.com on this host (inside the container, if they run in one); "
	"check /etc/resolv.conf, OpenDKIM's Nameservers setting, the local resolver (unbound, "
	"systemd-resolved) and a firewall that blocks outgoing DNS over UDP or TCP port 53.",
	"A single sender domain failing alone is that domain's own name servers: no finding."},
    [F_IN_SPF_NOT_PASS] = {
	"policyd-spf added a Received-SPF header with None (the sender's domain publishes no "
	"SPF record), Neutral (?all: its record says nothing of this server) or Softfail (~all: "
	"not listed, but the domain asks receivers not to refuse) and let the mail through: "
	"these results are no proof of forgery, and most domains' forwarded mail gets them.",
	"Nothing to fix here. The header is for the spam filter to weigh; refuse on Softfail "
	"only for chosen domains (policyd-spf's Reject_Not_Pass_Domains).",
	NULL},
    [F_IN_OWN_DOMAIN_FORGED] = {
	"The SPF check refused mail whose envelope sender is in the same domain as its "
	"recipient, one of this server's own domains, from a public server that is not one "
	"this domain's SPF record lists: mail claiming to come from your own domain from "
	"outside. Spammers and phishers forge the recipient's own domain; the refusal is the "
	"check working.",
	"Nothing to change for forgeries. If these are your own users sending through another "
	"provider's or their ISP's server, have them submit with a login on port 587 (or 465) "
	"of this server instead, or add that server to your domain's SPF record.",
	"The client's verdict is in the client list; an address of your own network is never "
	"called a forger here."},
    [F_IN_KNOWN_SENDER_REFUSED] = {
	"This server's own checks refused mail, in sessions without a login, from a large "
	"provider's server (Gmail, Microsoft...; its name confirmed by DNS, or its address in "
	"the provider's networks and its HELO the provider's), or refused for SPF, DKIM or "
	"DMARC the mail of a server whose other mail this server accepts (in other sessions of "
	"the log). A forwarder, a mailing list or a provider's forwarding passes on mail in "
	"another domain's name: the original sender's domain does not list the forwarding "
	"server, so forwarded mail fails SPF, and a list that changes the message breaks its "
	"DKIM signature and then DMARC. The senders do not know their mail was refused until "
	"the bounce comes back.",
	"If the refused mail is wanted, let these servers through before the check: "
	"check_client_access with OK for their addresses or names (cidr: or pcre: table) ahead "
	"of check_policy_service in smtpd_recipient_restrictions; for SPF, list the forwarders "
	"in the SPF policy server's allow list (policyd-spf's skip_addresses or Whitelist) or "
	"only mark SPF failures instead of refusing them; for DMARC, let the milter only mark "
	"failures (OpenDMARC's RejectFailures false) or trust the mailing lists' ARC seals.",
	"Phishing in a bank's name fails the same checks: the sample's from= says whose domain "
	"failed, and whether the mail was wanted."},
    [F_IN_SERVICE_DOMAIN_NOT_FOUND] = {
	"This server's reject_unknown_sender_domain deferred mail (450 4.1.8 \"Sender address "
	"rejected: Domain not found\") carried by a sending service's or a large provider's "
	"servers (Amazon SES, SendGrid, Mailgun, Mailchimp, Gmail...: their names confirmed by "
	"DNS). These services send newsletters, notifications and password resets for their "
	"customers, with a return address in the customer's own bounce domain (bounces+...@, "
	"a MAIL FROM subdomain such as email.example.com); when that domain has no MX or A "
	"record, or this host's DNS did not answer in time, the check refuses real mail. The "
	"server is no spammer: it retries the 450 for days, then the customer's mail is "
	"bounced. The key is the service; the sample's from= is the domain that was not found.",
	"Check the domain from here: dig MX and dig A of the domain in the sample's from=. If "
	"it does not exist, the sender must publish it (SES's custom MAIL FROM domain, "
	"SendGrid's or Mailgun's sending domain): tell them, and meanwhile let the mail in with "
	"check_sender_access (an OK for the address or domain) ahead of "
	"reject_unknown_sender_domain, or in smtpd_client_restrictions for the service's "
	"servers. If it exists, this host's resolver failed: fix it (a local caching resolver). "
	"Keep the reply temporary (unknown_address_reject_code = 450, "
	"unknown_address_tempfail_action = defer_if_permit) so a DNS failure never bounces "
	"real mail; never put such servers on a ban list.",
	"One refusal cannot tell a domain that does not exist from a DNS lookup that timed out "
	"here; a lookup from this host now does. Nor do the lines show whether the mail was "
	"wanted."},
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
    [F_IN_KNOWN_RATE_LIMITED] = {
	"anvil's limits (smtpd_client_connection_count_limit, "
	"smtpd_client_connection_rate_limit, smtpd_client_message_rate_limit, "
	"smtpd_client_recipient_rate_limit) refused a mail server that this server takes mail "
	"from in other sessions of the log, a large provider's server, or on port 25 a server "
	"whose name DNS confirms (no ISP pool's or scanner's) held back by a limit that a sender "
	"with mail reaches: connections at once, messages or recipients per time unit. Such "
	"servers open several connections at once and deliver in bursts when their queue for "
	"this domain fills, and a limit set against spam bots slows them down. Their mail waits "
	"in their queue (421 or 450) and comes later, or bounces after days. A flood of "
	"connections (the connection rate) from a stranger without a name is the limit at "
	"work, no problem.",
	"Exempt the servers you want mail from: smtpd_client_event_limit_exceptions = "
	"$mynetworks plus their networks (a cidr: table), or raise the limit past the peaks "
	"that anvil's \"statistics: max connection count\" and \"max connection rate\" lines "
	"show; postscreen in front keeps spam bots away without a tight limit.",
	NULL},
    [F_IN_ROLE_MISSING] = {
	"Mail to postmaster (or abuse) of a domain this server receives for was refused or "
	"bounced as an unknown user. RFC 5321 requires every mail domain to take mail for "
	"postmaster, and RFC 2142 adds abuse: bounces, DMARC and abuse reports, other admins "
	"and providers' checks write to them, and get a refusal instead of reaching the "
	"admin.",
	"Make the addresses exist for every domain: for virtual domains, a line \"postmaster@DOMAIN "
	"ADMIN-ADDRESS\" (and abuse@) in virtual_alias_maps, then postmap and postfix reload; "
	"for the domains of mydestination, \"postmaster: root\" and \"abuse: root\" in the "
	"aliases file, root aliased to a real mailbox, then newaliases.",
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
	"table or service named in a restriction failed (Postfix never treats a failed "
	"lookup as \"no match\"), or a restriction is written wrong: a name smtpd does not "
	"know, a table without its type (\"need maptype:mapname\"), an access table that "
	"answers OK where Postfix forbids it (\"returns OK\": use DUNNO). Mail is refused "
	"until it is fixed.",
	"Look at the warning lines just before (table lookup problem, unavailable, connect "
	"to ..., unknown smtpd restriction, bad argument, returns OK) and fix the table, "
	"service or restriction they name, then postfix reload.",
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
    [F_IN_ERROR_TRANSPORT] = {
	"smtpd refused a recipient with \"5.1.1 <address>: Recipient address rejected:\" "
	"followed by nothing but a next hop: the relay host (\"[smtp.example.com]:587\") or "
	"the recipient's own domain. That is Postfix's answer for an address that resolves to "
	"the error transport: default_transport = error or relay_transport = error (what "
	"Debian's \"Local only\" choice writes in main.cf), or a transport_maps entry "
	"\"error:\" without a text. Mail to those domains never reaches the relay host or "
	"the Internet: this server refuses it at RCPT, whoever sends it.",
	"Set default_transport = smtp (and relay_transport = relay, or remove both lines "
	"to get the defaults) in main.cf, or remove the transport_maps entry, then run "
	"\"postfix reload\"; with a relay host, also check relayhost and the SASL "
	"settings for it (smtp_sasl_auth_enable, smtp_sasl_password_maps). On Debian, "
	"\"dpkg-reconfigure postfix\" and the choice \"Internet with smarthost\" does "
	"the same.",
	"The lines cannot show which of the settings holds \"error\": run \"postconf "
	"default_transport relay_transport transport_maps\"."},
    [F_IN_NAT_HIDES] = {
	"smtpd refused a client whose address is private (RFC 1918, 100.64/10, ULA) but "
	"whose HELO names a large provider's mail server (Microsoft, Amazon SES, Google...), or "
	"that tested for an open relay as bots on the Internet do (an outside address mailed "
	"to itself under a HELO that is no domain name, such as spameri@tiscali.it from "
	"\"WIN-...\"), or that an SPF check refused (SPF judges the client address, and a "
	"private one is in no sender's SPF record): such a client is on the Internet, not on "
	"this network, so the address is a gateway's "
	"that stands for it, most often Docker's published ports (its userland proxy or NAT "
	"puts the bridge's gateway, 172.17.0.1 or the like, in place of every client). Every "
	"check of the client address then judges the gateway: SPF fails for every sender, "
	"DNSBLs and reverse DNS say nothing, and a mynetworks that holds the gateway makes an "
	"open relay.",
	"Let the real client address reach Postfix: publish port 25 without Docker's "
	"userland proxy (\"userland-proxy\": false in daemon.json, or host networking for "
	"the mail container), or put a proxy in front that speaks the PROXY protocol "
	"(postscreen_upstream_proxy_protocol = haproxy, smtpd_upstream_proxy_protocol). Do "
	"not add the gateway to mynetworks.",
	"The lines cannot show which real addresses the gateway hides, nor, for an SPF refusal "
	"alone, whether the client is one of your own devices sending under an outside "
	"domain (then put permit_mynetworks before the SPF check instead)."},
    [F_PROXY_HANDSHAKE] = {
	"A Postfix service set to expect the PROXY protocol (postscreen_upstream_proxy_protocol "
	"or smtpd_upstream_proxy_protocol = haproxy) reads, at the start of each connection, a "
	"header with the real client's address, sent by the proxy in front (HAProxy, nginx, "
	"Traefik, a cloud or Kubernetes load balancer). These connections brought no header "
	"Postfix could read, and it dropped them. \"time limit exceeded\" or \"timeout error\": "
	"a client waited for the greeting while Postfix waited for the header, a program "
	"connecting straight to the port instead of through the proxy (fetchmail, a web "
	"application, the content filter's return to 127.0.0.1:10025); its mail is refused. "
	"\"bad or missing protocol header\" or \"short protocol header\": a client spoke SMTP or "
	"TLS at once, past the proxy. smtpd's fatal error in smtpd_peer_hostaddr_to_sockaddr: "
	"a header whose address or port it cannot use (a health check's, with port 0); that "
	"smtpd process dies each time, and real clients can wait while master restarts it.",
	"Let every connection to these ports come through the proxy with the header: in "
	"HAProxy, send-proxy or send-proxy-v2 on the server line, and check-send-proxy for its "
	"health checks (or check a port without the protocol). Give what connects straight a "
	"port without it: a separate master.cf service for local programs and for the content "
	"filter's return (127.0.0.1:10025 without -o smtpd_upstream_proxy_protocol). Set the "
	"protocol only on the public listeners: postscreen_upstream_proxy_protocol for port 25 "
	"when postscreen runs there, smtpd_upstream_proxy_protocol for submission. Never ban the "
	"proxy's address: every client arrives through it.",
	"The lines do not say where the connection came from: the proxy's log, or the "
	"program's, tells a health check, a local program and a client that went past the "
	"proxy apart."},
    [F_PROXY_CLOSED] = {
	"A Postfix service set to expect the PROXY protocol (postscreen_upstream_proxy_protocol "
	"or smtpd_upstream_proxy_protocol = haproxy) reads a header with the real client's "
	"address at the start of each connection. These connections closed before sending any "
	"(\"haproxy read: EOF\", \"unexpected EOF\", \"lost connection\"): most often the "
	"proxy's own health check (HAProxy's check, a cloud load balancer's TCP check), which "
	"opens the port and closes it, refusing nothing; or a program that connected straight "
	"to the port and gave up waiting for the greeting (the content filter's return to "
	"127.0.0.1:10025, fetchmail), whose mail then waits.",
	"Let the health check send the header (HAProxy: check-send-proxy beside send-proxy or "
	"send-proxy-v2 on the server line) or check a port without the protocol. Give a "
	"program of this host a port without the protocol (the content filter's return service "
	"in master.cf without -o smtpd_upstream_proxy_protocol). Never ban the proxy's "
	"address: every client arrives through it.",
	"The lines do not say where the connection came from: when no health check runs, the "
	"proxy's log tells which client closed it."},
    [F_PROXY_UNEXPECTED] = {
	"The client's first bytes were a PROXY protocol header (\"PROXY TCP4 ...\", or version "
	"2's binary signature, logged as \"\\r\\n\\r\\n\\000\\r\\nQUIT\\n\"): the proxy or load "
	"balancer in front (HAProxy's send-proxy, nginx's proxy_protocol, Traefik, a cloud load "
	"balancer) passes on the real client's address, but this Postfix service is not set "
	"to read it. postscreen takes the header for a client talking before the greeting "
	"(PREGREET), smtpd for commands sent too early or for a command it does not know, and "
	"every client that arrives through the proxy is refused. The address logged is the "
	"proxy's: it is no bot.",
	"Set the service to read the header: postscreen_upstream_proxy_protocol = haproxy "
	"for port 25 with postscreen, or -o smtpd_upstream_proxy_protocol=haproxy on the "
	"smtpd service in master.cf (submission, or port 25 without postscreen); postfix "
	"reload. Or stop the proxy from sending it (remove send-proxy). Do not ban the proxy's "
	"address nor exempt it from the tests: every client arrives through it.",
	"The lines do not tell whether other clients reach the port without the proxy: once "
	"the setting is on, they are dropped."},
    [F_PROXY_IGNORED] = {
	"This smtpd receives its connections from postscreen, which reads the PROXY header "
	"itself (postscreen_upstream_proxy_protocol) and passes the real client on, so the "
	"smtpd_upstream_proxy_protocol set for this smtpd (in master.cf or main.cf) is ignored. "
	"If every client still shows the proxy's address, postscreen is not reading the "
	"header.",
	"Remove smtpd_upstream_proxy_protocol from the smtpd behind postscreen (keep it on a "
	"submission service that postscreen does not front) and set "
	"postscreen_upstream_proxy_protocol = haproxy for port 25; postfix reload.",
	NULL},
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
    [F_IN_DMARC_ACCEPTED] = {
	"OpenDMARC checked messages from outside and logged \"QID: DOMAIN fail\": the From: "
	"domain's DMARC check failed (neither an aligned SPF pass nor an aligned DKIM "
	"signature), and no refusal of the message by the DMARC policy follows. OpenDMARC "
	"logs \"fail\" for two different cases: the domain publishes p=none (its owner asks "
	"receivers to accept and only report: nothing to fix here), or the domain publishes "
	"p=reject or p=quarantine and OpenDMARC only records the result because its "
	"RejectFailures is false (the default). In the second case forged mail in a protected "
	"domain's name (a bank, your own domain, your CEO's) reaches the mailboxes.",
	"Look up each domain's policy: dig +short TXT _dmarc.DOMAIN. For p=none the message "
	"was accepted as its domain's owner asked; leave it to the spam filter. For p=reject or "
	"p=quarantine, set RejectFailures true in opendmarc.conf and restart it: it then "
	"refuses only the domains that ask for it, and holds p=quarantine's mail. For your own "
	"domain, publish SPF with -all, sign with DKIM and publish p=quarantine or p=reject, "
	"so that forgeries of it fail here too.",
	"Mailing lists and forwarders that change a message break its DMARC: with "
	"RejectFailures true such posts of p=reject domains are refused (trust the lists' ARC "
	"seals, or let a content filter weigh the result instead). The log does not show the "
	"domain's policy nor the DMARC header OpenDMARC added."},
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
	"many domains; the trust is this server's configuration. Each such client gets the "
	"verdict relay-abuser (ban lists it) unless it logs in elsewhere in the log, is on "
	"this server's own network, or every message it relayed came from a sender of a "
	"domain this server takes mail for (an office or a partner sending as the site; "
	"spammers forge senders of other domains).",
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
	"every other address in it can relay too. The client keeps its verdict: one or two "
	"clients with a few messages are as often your own machines as a spammer's first "
	"test; spammers' relaying shows as public-open-relay (more clients, more domains, "
	"or the remote servers refusing it).",
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
    [F_IN_NAME_LOOKUP_TEMP] = {
	"smtpd found a client's reverse (PTR) name but could not look that name up again: "
	"\"hostname H does not resolve to address A: Temporary failure in name resolution\" "
	"(\"Try again\" on musl systems) is a DNS lookup that did not get an answer, not a "
	"name that does not match. It fails at the resolver this host uses (down, "
	"unreachable, a container's DNS that hangs) or, less often, at the name's own DNS "
	"servers. Postfix names the client \"unknown\" for now, and every check that needs a "
	"name or a domain (reject_unknown_client_hostname, reject_unknown_sender_domain: "
	"\"450 ... Domain not found\") defers its mail: the client did nothing wrong.",
	"Test the resolver Postfix uses: dig -x on the client's address, then dig on the name, "
	"on this host (in a container, inside it: mailcow's unbound, Mailu's resolver). If it "
	"fails or hangs, fix or restart the resolver; deferred senders retry and get through "
	"once it answers.",
	"One such line can be the name's own DNS servers failing; many, or with other lookups "
	"failing (outgoing mail's \"Name service error\"), are this host's resolver."},
    [F_IN_RCPT_NO_DOMAIN] = {
	"smtpd looked up the mail servers of a recipient written without a domain (\"Unable to "
	"look up MX host helga for Recipient address helga\", from a check_*_mx_access or "
	"check_*_ns_access restriction): the mail program sent RCPT TO with a bare name, a "
	"webmail or script that let its user type a name only. The warning itself is harmless, "
	"but Postfix then appends this server's own domain ($myorigin, append_at_myorigin) and "
	"delivers to name@that-domain: rarely who the user meant, so that mail bounces as "
	"unknown or reaches a local account.",
	"Tell the user to write the full address. To refuse such recipients at once, so the "
	"user sees the error in the mail program, add reject_non_fqdn_recipient to "
	"smtpd_recipient_restrictions (and to the submission service's).",
	"The lines do not show where the completed address went: its delivery lines "
	"(to=<name@...>) do."},
    [F_IN_ADDR_SYNTAX] = {
	"smtpd refused a MAIL FROM or RCPT TO address that breaks the SMTP syntax (unbalanced "
	"<>, quotes or brackets, a bare space) with 501 5.1.7 or 5.1.3. Broken bulk-mail "
	"software and spam tools send these; the client has to fix its software.",
	"Nothing to do on this server. If a wanted sender is refused, its admin must fix the "
	"address its software writes; strict_rfc821_envelopes = no (the default) already "
	"accepts the common sloppy forms.",
	NULL},
    [F_CACHE_CANNOT_OPEN] = {
	"A cache that Postfix makes and fills itself (postscreen_cache_map, "
	"address_verify_map) cannot be opened or created: postmap plays no part in it. "
	"Most often its directory (data_directory, normally /var/lib/postfix) is missing or "
	"not owned by postfix, as in a container whose volume is mounted elsewhere or empty, "
	"or its map type is one this Postfix lacks. The daemon that needs it stops (master "
	"then throttles it), so postscreen's port 25 or address verification fails until "
	"it is fixed.",
	"Check that data_directory exists and belongs to postfix (postfix set-permissions, "
	"or mkdir and chown postfix it; in a container, mount the state volume there), and "
	"that the map type is listed by postconf -m; a proxy: cache must also be in "
	"proxy_write_maps. Then postfix reload; the daemon makes a new empty cache.",
	"The lines name the file, not whether the directory is missing or only not "
	"writable: ls -ld on the directory tells."},
    [F_IN_DNSBL_TIMEOUT] = {
	"postscreen asked dnsblog to look clients up in a DNS blocklist and got no answer "
	"within postscreen_dnsbl_timeout (or dnsblog's lookup failed); those clients are "
	"scored without that list. The list is slow or ignores this host's queries, or this "
	"host's resolver is slow.",
	"Test the resolver with the list's test entry (dig 2.0.0.127.zen.spamhaus.org); use a "
	"local caching resolver (unbound); drop lists that keep timing out from "
	"postscreen_dnsbl_sites.",
	NULL},
    [F_IN_DNSBL_RESOLVER] = {
	"Lookups in three or more unrelated DNS blocklists timed out or failed within the "
	"same minute (postscreen's \"dnsblog reply timeout\", dnsblog's \"lookup error for "
	"DNS query\"). Independent lists do not fail together: the part they share is this "
	"host's resolver (in a container bundle its own resolver container, such as "
	"mailcow's unbound), which does not answer or cannot reach the Internet. Meanwhile "
	"clients are scored without the lists, and the same resolver serves Postfix's other "
	"lookups (the MX records of outgoing mail, client names).",
	"Query the resolver from where Postfix runs (dig 2.0.0.127.zen.spamhaus.org; in a "
	"bundle, inside the Postfix container); repair or restart it and let it reach the "
	"root servers (outgoing port 53 through the firewall). Keep a local recursive "
	"resolver: most blocklists refuse queries that come through a public forwarder.",
	"The lines do not show whether the resolver is down or only slow; its own log "
	"tells."},
    [F_RELAY_GUARD_MISSING] = {
	"The SMTP server stops at start because neither smtpd_relay_restrictions nor "
	"smtpd_recipient_restrictions holds a restriction that refuses mail for other "
	"domains (reject_unauth_destination, defer_unauth_destination, reject, defer): "
	"Postfix will not run as an open relay. Every smtpd exits, master throttles the "
	"service, and no mail is received over SMTP until it is fixed.",
	"Put reject_unauth_destination into smtpd_relay_restrictions (postconf -e "
	"'smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, "
	"reject_unauth_destination'), or end smtpd_recipient_restrictions with it; a "
	"service in master.cf with -o smtpd_relay_restrictions= or "
	"-o smtpd_recipient_restrictions= needs it too. Then postfix reload.",
	"compatibility_level below 1 leaves smtpd_relay_restrictions empty, so an old "
	"main.cf that set only smtpd_recipient_restrictions without it fails after an "
	"upgrade; raising compatibility_level hides this but the restriction belongs in "
	"the file."},
    [F_RELAY_NEXT_HOP_DOWN] = {
	"The SMTP client could not connect to the server it passes this mail on to, and that "
	"server is this site's own: the delivery went through the relay transport, which Postfix "
	"uses for the domains of relay_domains (a backup MX handing mail to the primary, a "
	"gateway to the mailbox server behind it), or to a private address on port 25 (an "
	"internal Exchange, Domino or mailbox server, a relay host on the LAN). Postfix keeps the "
	"mail and retries, which is what a backup MX is for; no stranger's server is at fault. "
	"Past maximal_queue_lifetime (5 days by default) the mail bounces to its senders.",
	"Bring the next hop back, or check how this host reaches it: telnet NAME 25 from this "
	"host, its firewall, the transport_maps entry (postmap -q DOMAIN "
	"hash:/etc/postfix/transport) or the domain's MX records for a backup MX. Then postqueue "
	"-f to send the queue at once. For a long outage raise maximal_queue_lifetime on the "
	"backup MX so the mail does not bounce.",
	"If this server sends all its mail through the relay transport (default_transport = "
	"relay), the next hop can be a stranger's server after all; a private address can also "
	"be a NAT address of an outside server."},
    [F_CHECKS_REFUSED_REAL_SERVER] = {
	"This server's own content checks refused a message after its data from a client that "
	"otherwise looks like a real mail server (a name, its other traffic ordinary): a milter "
	"(rspamd, SpamAssassin's, Amavis's, MailScanner's) answered a permanent refusal "
	"(milter-reject), or a header_checks or body_checks rule whose action is REJECT matched "
	"(\"reject: header Subject: ...\"). The sending server was told, so its sender gets a "
	"bounce; the examples show the sender, the recipient and the rule's own text. Often it "
	"is spam from a real provider and all is well; when the recipient was waiting for it "
	"(a login code, an invoice) the check caught wanted mail.",
	"Find why the check matched: for rspamd, its web interface's history or \"rspamc "
	"symbols\" on a copy shows the symbols and the score over the reject action; for a "
	"header or body rule, test the pattern with postmap -q \"Subject: the subject\" "
	"pcre:/etc/postfix/header_checks (body_checks likewise). Then whitelist the sender, "
	"raise the score of the reject action (add_header instead), or narrow the rule, and "
	"postfix reload.",
	"The lines cannot tell whether the message was wanted: only its recipient can."},
};
