/*
 * finding_prose_out.c - the words of the outbound findings (this
 * server's mail to others, and mail that expired): what the lines mean,
 * the next step, and what the lines cannot show.  The other findings'
 * words are in finding_prose.c; finding_prose_en() reads both.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_out[F__COUNT] = {
    [F_OUT_REPUTATION] = {
	"The remote server accepted the connection but refused the mail because of the "
	"reputation of the IP address this server sends from (the reply names the IP or "
	"speaks of unsolicited mail or low reputation). Nothing is wrong in Postfix itself; "
	"every message to that provider will be refused the same way.",
	"Check the sending IP on blocklists and the provider's postmaster tools (Google "
	"Postmaster Tools, Microsoft SNDS); make sure the IP has a PTR that matches the HELO "
	"name, and that SPF, DKIM and DMARC pass; follow the link in the reply to ask for "
	"delisting. If the address itself is burnt (common with new VPS addresses), ask the "
	"provider for another one or relay through a reputable smarthost (relayhost).",
	"The lines do not show why the IP has a bad reputation: its own sending, or an "
	"address range abused before."},
    [F_OUT_COMPLAINTS] = {
	"The remote server names complaints: its users reported mail from this server's IP "
	"address as spam, and it now slows down (defers) or refuses everything from that "
	"address. The complaints are about mail this server itself sent, recently: a user's "
	"account whose password was stolen, a web application or script (PHP mail(), a "
	"contact form) sending through sendmail, an open relay (mynetworks too wide, a "
	"Docker gateway trusted), bounces of spam sent to forged senders (backscatter), or "
	"outside mail forwarded on (aliases or .forward files, spam included; SRS-rewritten "
	"senders show it). The recipient in the line is often not one anybody here knows.",
	"Find who sends: postqueue -p (many messages from one sender?), the accounts section "
	"of this report (an account sending in bulk or from many addresses), and postsleuth "
	"trace QUEUEID on a deferred message's queue ID, whose client= line names the client "
	"address and sasl_username, or whose pickup line names the uid of a local program. "
	"Stop it (change the stolen password; block the script, or authorized_submit_users; "
	"keep mynetworks to your own hosts; reject unknown recipients at SMTP time instead "
	"of bouncing; filter spam before forwarding it), remove its mail from the queue "
	"(postsuper -d), then ask the provider "
	"to lift the block through the link in its reply.",
	"The line shows the complaints, not their cause: the lines that brought the mail in "
	"(smtpd's client=, pickup's uid=) tell which account, address or program sent it."},
    [F_OUT_BOUNCE_UNREAD] = {
	"The bounce daemon sent non-delivery notices (\"sender non-delivery notification: "
	"QUEUEID\"): some mail failed and went back to its sender. But no line read here "
	"says why: the failed delivery (\"status=bounced (...)\") is before this log starts, "
	"in another file, or was cut or wrapped when the lines were copied.",
	"Find the failed delivery by the queue ID before \"sender non-delivery notification\" "
	"(grep QUEUEID /var/log/mail.log*, or postsleuth trace QUEUEID on the whole log); when "
	"pasting, keep each line whole. Its reply text tells the cause.",
	NULL},
    [F_MAIL_EXPIRED] = {
	"Postfix kept retrying these messages until they had been in the queue for "
	"maximal_queue_lifetime (5 days by default; bounce_queue_lifetime for "
	"notifications), then gave up and returned them to their senders (qmgr's "
	"\"status=expired, returned to sender\"). The mail was not delivered. Why it was "
	"deferred all that time is said by its deferrals (\"status=deferred (...)\"): when "
	"they are in this log, the findings above for the same destinations name the "
	"cause.",
	"Find the deferral reason: postsleuth trace QUEUEID on this log and the older ones "
	"(or the notification the sender got, which quotes it), and fix what it names. "
	"Shortening maximal_queue_lifetime only makes the senders hear sooner; it delivers "
	"nothing.",
	"When the deferrals are not in this log, the lines cannot show whose side the "
	"fault is on (a remote server down, this host's network or DNS, a local "
	"service)."},
    [F_OUT_RELAY_DENIED] = {
	"The server Postfix handed the mail to, on a submission port (587, 465, 2525...), "
	"answered \"Relay access denied\": a relay host (smarthost) that does not take this "
	"server as a client allowed to relay. It wants a login, or this server's address on "
	"its list; or relayhost or a transport_maps entry names the wrong server. The same "
	"on port 25 from a relay service (Google Workspace's SMTP relay: \"Mail relay "
	"denied\"; Amazon SES; a Microsoft 365 tenant's server, "
	"DOMAIN.mail.protection.outlook.com, for mail to other domains: \"5.7.64 "
	"TenantAttribution\", \"5.7.750 unregistered domains\"): it does not recognise "
	"this server (its IP or certificate), or the sender's domain is not one of the "
	"account's.",
	"Log in to the smarthost (smtp_sasl_auth_enable = yes, smtp_sasl_password_maps with "
	"its credentials, postmap them, smtp_tls_security_level = encrypt) or ask its "
	"administrator to allow this server's address; check postconf relayhost and postmap "
	"-q DOMAIN on transport_maps. For a relay service or a Microsoft 365 connector: "
	"register this server's IP (or certificate) and the sender's domain in the account "
	"(the SMTP relay settings of Google Workspace, the tenant's connector and accepted "
	"domains).",
	NULL},
    [F_OUT_MX_RELAY_DENIED] = {
	"A mail server on port 25, reached as the recipient domain's MX (or through a "
	"transport_maps entry), answered \"Relay access denied\" for mail to that domain: it "
	"no longer takes mail for the domain (a moved or closed mail service, such as a "
	"removed Microsoft 365 tenant) while the domain's MX records still point to it.",
	"Nothing to fix here when the MX comes from DNS (dig MX DOMAIN): the domain's owner "
	"must fix their MX or their server. If this server routes the domain by hand "
	"(transport_maps, relayhost), check that entry.",
	"The lines do not show whether the route came from DNS or from this server's own "
	"tables."},
    [F_OUT_MX_LOGIN] = {
	"A mail server on port 25 whose name belongs to the recipient's domain answered that it "
	"wants a login (\"530 5.7.1 Client was not authenticated\", an Exchange receive "
	"connector without anonymous access): a domain's MX must take mail for its own domain "
	"from any server without a login, so that server is misconfigured, or the domain's MX "
	"records name an internal server.",
	"Nothing to fix here when the route comes from DNS (dig MX DOMAIN): tell the domain's "
	"postmaster, by another way than this mail, that their server refuses anonymous mail "
	"(on Exchange, the receive connector needs the Anonymous users permission). If this "
	"server routes the domain by hand (transport_maps, relayhost), that entry names a "
	"server that wants a login: give it one (smtp_sasl_password_maps) or route by MX.",
	"Read as the domain's own server because its name sits under the recipient's domain; "
	"the lines do not show whether the route came from DNS or from this server's own "
	"tables."},
    [F_OUT_SMTPUTF8] = {
	"The message needs SMTPUTF8: its sender or a recipient address has non-ASCII "
	"characters (or the sending program asked for SMTPUTF8), and the remote server does not "
	"offer the SMTPUTF8 extension. Postfix cannot downgrade such an address, so it returns "
	"the message (\"SMTPUTF8 is required, but was not offered by host\"). This server did "
	"nothing wrong; the receiving server is older.",
	"Ask the sender to write to an ASCII address of the recipient (many domains with "
	"non-ASCII names also have an ASCII or punycode form) or to send from an ASCII sender "
	"address. If mail from local programs is flagged only because of UTF-8 in its headers, "
	"check smtputf8_autodetect_classes (the default, sendmail and verify, is usually right).",
	NULL},
    [F_OUT_MALFORMED] = {
	"The remote server refused the message as malformed: a header is invalid, missing or "
	"duplicated (From:, Date:, Message-ID:), or the message is otherwise not RFC 5322 "
	"(Gmail: \"not RFC 5322 compliant\", others: \"Message contains invalid header\", "
	"5.6.0). The message is built on this side: by the sender's program, a web application "
	"or script, or a header_checks/milter rule that rewrote it.",
	"Look at a refused message's headers (postcat -q QUEUEID while it waits, or the bounce's "
	"copy): one From: with a valid address, a Date:, a Message-ID:, no raw 8-bit or overlong "
	"header lines. Fix the program that wrote it (a PHP mail() script without From: is "
	"typical); Postfix adds Date: and Message-ID: to mail from local programs "
	"(always_add_missing_headers), but never repairs a broken From:.",
	NULL},
    [F_OUT_TOO_BIG] = {
	"The remote server refused the message because it is larger than it accepts (552 "
	"5.3.4, \"Message size exceeds fixed limit\"). Nothing is wrong here: the sender gets "
	"the bounce and must send it smaller.",
	"Nothing to do on this server; the sender can share a large file as a link instead of "
	"an attachment. If this happens often, keep message_size_limit near what the big "
	"providers accept (about 25 MB) so that users learn it at submission.",
	NULL},
    [F_OUT_AUTH_CHECKS] = {
	"The remote server refused or deferred the mail because it failed sender "
	"authentication: SPF (the sending IP is not allowed for the sender's domain), DKIM "
	"(no valid signature) or DMARC (neither aligned with the From: domain). The reply "
	"names the check: Gmail's 5.7.27 is SPF, 5.7.30 DKIM, 5.7.26 both or the From: "
	"domain's DMARC policy, and its \"Authentication results:\" lists each (\"SPF [DOMAIN] "
	"with ip: [IP] = did not pass\"); Microsoft's 5.7.515 lists \"Spf= Dkim= DMARC=\"; "
	"Yahoo's 5.7.9 is the same refusal. A 4xx defers the mail (retried until "
	"maximal_queue_lifetime, then bounced), a 5xx bounces it at once.",
	"Publish an SPF record that includes this server's IP, sign outgoing mail with DKIM "
	"(OpenDKIM or rspamd as a milter) and publish the key; publish a DMARC record too "
	"(_dmarc.DOMAIN TXT \"v=DMARC1; p=none\" at least: Gmail and Yahoo require it of "
	"bulk senders, Microsoft of everyone since May 2025). The fix is on this server's "
	"side, not the recipient's; check with a test message to a mailbox that shows the "
	"Authentication-Results header. Forwarded mail keeps failing SPF: use SRS (postsrsd) "
	"for forwarding.",
	"The lines do not show the DNS records themselves; check them with dig TXT."},
    [F_OUT_FORWARD_REFUSED] = {
	"The refused mail is mail this server forwards: an alias, a .forward file or a "
	"virtual alias sends it on to an address at another domain (the line's orig_to= is "
	"the address written, to= the forward's target), or its envelope sender is an SRS "
	"address (SRS0=...) of this server's domain. The target's server judges it as mail "
	"from this server: forwarded mail fails the original sender's SPF (its envelope "
	"sender is not rewritten), fails DMARC when the forward altered the message or its "
	"DKIM signature did not survive, and forwarded spam is counted against this "
	"server's IP. The original sender gets the bounce, and the target's policy is right.",
	"Fix the forwarding here: rewrite the envelope sender with SRS (postsrsd) so that SPF "
	"passes; do not alter forwarded mail (no footer, no re-signing, no relay that "
	"rewrites it) so that its DKIM signature, and DMARC, still pass; do not forward what "
	"this server's spam filter marks as spam; or deliver the mail to a mailbox here "
	"instead of forwarding it. To stop bounces going back to the authors of a "
	"forwarding list, list its members in recipient_bcc_maps instead of aliases.",
	"The lines do not show whether this server's own filter saw the mail as spam; the "
	"reply text says which check failed."},
    [F_OUT_IPV6_AUTH] = {
	"The remote server refused mail that this server sent over IPv6, because it failed sender "
	"authentication (SPF, DKIM, DMARC) or the reverse DNS of the IPv6 address it came from. A host "
	"with IPv6 uses it first when the destination has IPv6 (Gmail, Microsoft): an SPF record that "
	"lists only the IPv4 address, or an IPv6 address without a PTR (many hosting providers give "
	"none by default), fails there, while the same mail over IPv4 passes.",
	"Add the IPv6 address to the sender domain's SPF record (ip6:ADDRESS) and give it a PTR that names "
	"this host, a name whose AAAA record points back to it; sign with DKIM. A host with a range of IPv6 "
	"addresses (a /64) may send from one without the PTR: pin it with smtp_bind_address6. Until then, "
	"send over IPv4: smtp_address_preference = ipv4 (postfix reload, postqueue -f; IPv6 stays the "
	"fallback), or inet_protocols = ipv4 (postfix stop, then start).",
	"The lines do not show the DNS records themselves; check them with dig TXT and dig -x on the "
	"IPv6 address."},
    [F_OUT_HELO_REJECTED] = {
	"The remote server refused the name this server gives in its HELO/EHLO greeting: it is "
	"not a fully qualified name (\"localhost\", a bare host name), or it does not resolve in "
	"public DNS (an internal name such as mail.internal or mx.localdomain). Every server "
	"that checks HELO names will refuse this server's mail the same way.",
	"Set myhostname (or smtp_helo_name) to the server's public mail name, one that resolves "
	"to its public IP and matches the IP's PTR record; then postfix reload and postqueue -f.",
	NULL},
    [F_OUT_SENDER_REJECTED] = {
	"The remote server refused the envelope sender: its domain does not resolve in public "
	"DNS, or the address is not fully qualified (www-data@mx.localdomain, root@localhost). "
	"Mail that local programs send with the host's own name as sender domain is the usual "
	"case. Some servers also check that the sender takes mail (a callout to the sender "
	"domain's MX: \"Sender address rejected: unverified address\", \"Sender verify "
	"failed\"): a sender such as noreply@ that its own domain refuses fails it, as does a "
	"sender domain whose MX they cannot reach.",
	"Make the sender a real domain of yours: myorigin = the public domain, or "
	"smtp_generic_maps / sender_canonical_maps to rewrite local senders (www-data, root) "
	"to a real address; make the domain resolve (an MX or A record), and make the sender "
	"an address its domain's MX accepts mail for. If the sender is "
	"someone else's, in mail this server forwards, the refusal is about that sender, not "
	"about this server.",
	NULL},
    [F_OUT_TLS_REQUIRED] = {
	"The remote server accepts mail only over TLS (\"Must issue a STARTTLS command first\"), "
	"and this server did not start TLS: its SMTP client has TLS switched off.",
	"Set smtp_tls_security_level = may (opportunistic TLS, Postfix's recommended setting for "
	"the Internet) and make sure smtp_tls_CAfile or smtp_tls_CApath is set; then postfix "
	"reload and postqueue -f.",
	NULL},
    [F_OUT_NO_PTR] = {
	"The remote server refused the mail because this server's IP has no reverse DNS "
	"(PTR) name, or one that does not resolve back to the same address.",
	"Ask whoever owns the IP (the hosting provider) to set a PTR record to this server's "
	"mail name, make the name resolve back to the IP, and use the same name in myhostname "
	"(smtp_helo_name).",
	NULL},
    [F_OUT_BLOCKLISTED] = {
	"The remote server refused the mail because this server's IP is on a DNS blocklist "
	"(the reply names the list).",
	"Look the IP up on the list named in the reply and follow its delisting procedure; "
	"first find out why it was listed (a compromised account or web form sending spam "
	"shows in the accounts section of this report).",
	NULL},
    [F_OUT_REMOTE_DNSBL_ERROR] = {
	"The remote server looked this server's address (or its HELO name or sender domain) up "
	"in a DNS blocklist and got an error code, not a listing: Spamhaus answers "
	"127.255.255.254 (\"Error: open resolver\") to queries that come through a public or "
	"shared resolver, and 127.255.255.255 to too many queries. The remote Postfix takes "
	"any answer for a listing and refuses every sender. This server is not listed; the "
	"fault is the remote server's resolver and settings.",
	"Nothing to delist, and nothing to change here. Tell the recipient domain's "
	"postmaster another way (phone, another address) that their server refuses mail with "
	"\"Error: open resolver\": they should query the list through a resolver of their own "
	"or Spamhaus's Data Query Service, and accept only the listing codes "
	"(reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]). Send the bounced mail again once "
	"they have fixed it.",
	"The lines do not show whether the remote server refuses every sender or only some; "
	"the lookup page in the reply (returnc) says it is no listing."},
    [F_OUT_RATE_LIMITED] = {
	"The remote server is limiting how much mail it takes from this server at once; "
	"Postfix defers the rest and tries again later.",
	"Usually nothing: the mail goes out later. For large sends, lower the concurrency and "
	"rate for that destination with a dedicated transport (default_destination_rate_delay, "
	"smtp_destination_concurrency_limit) and check the volume is wanted.",
	NULL},
    [F_OUT_RCPT_RATE] = {
	"The remote server limits how much mail one recipient receives in a period, from all "
	"senders together (Gmail's 450 4.2.1 \"receiving mail at a rate that prevents "
	"additional messages\"): that mailbox gets too much mail, not this server sending "
	"too fast. Postfix retries and the mail goes in when the recipient's rate drops.",
	"Nothing to change in this server's limits: a rate delay or lower concurrency does "
	"not help. Only if this server itself sends that address many messages (a "
	"forwarding rule, a monitoring script, a mail loop) slow or stop that sender.",
	NULL},
    [F_OUT_RCPT_LIMIT] = {
	"The remote server answered 452 4.5.3 to a RCPT TO (\"Too many recipients\", "
	"Microsoft's \"Recipients belong to multiple regions\"): it takes no more "
	"recipients in this transaction. It is no refusal: the Postfix SMTP client keeps "
	"those recipients and sends them in a later transaction, so they arrive a little "
	"later.",
	"Nothing is needed. If it happens for every large message to that destination, "
	"send fewer recipients per message there: a transport of its own in transport_maps "
	"with NAME_destination_recipient_limit (e.g. 50) in main.cf.",
	NULL},
    [F_OUT_RATE_REFUSED] = {
	"The remote server refused the mail permanently (a 5xx reply, the sender gets a bounce) "
	"for going over a limit: too many messages, connections or recipients from this server "
	"or this sender in a period, or too many recipients in one message (5.5.3). Either this "
	"server sends more than that server takes (a newsletter, or an account or a web form "
	"that someone else uses to send), or its limit is per message.",
	"Find who sent it (postsleuth trace QUEUEID, the accounts section): if the volume is not "
	"wanted, stop it there. For wanted bulk mail, slow down for that destination with a "
	"dedicated transport (its _destination_rate_delay, _destination_concurrency_limit and, "
	"for 5.5.3, _destination_recipient_limit), ask its postmaster for the limits, and send "
	"again what bounced.",
	NULL},
    [F_OUT_GREYLISTED] = {
	"The remote server asks this server to come back later (greylisting, a remote "
	"postscreen's tests after the greeting, or its first check of the sender or recipient "
	"address, still running). Postfix retries by itself and the mail is normally delivered "
	"on a later attempt.",
	"Nothing to do unless the mail never leaves; keep the queue retry times at their "
	"defaults.",
	NULL},
    [F_OUT_CONTENT] = {
	"The remote server refused the message's content as spam, phishing or a virus.",
	"Find who sent those messages (the accounts section and `postsleuth trace` on the "
	"queue ID); if the sender is legitimate, check what the message contained, if not, "
	"treat the account or web application as compromised.",
	NULL},
    [F_OUT_USER_UNKNOWN] = {
	"The remote server says the recipient address does not exist. The message bounces to "
	"its sender.",
	"Nothing on this server is wrong. Many of these from one sender or to random "
	"addresses point to a spam run or to backscatter (bounces of forged mail).",
	NULL},
    [F_OUT_MAILBOX_FULL] = {
	"The recipient's mailbox is over its quota on the remote side.",
	"Nothing to do here; the recipient must make room.",
	NULL},
    [F_OUT_DANE] = {
	"Postfix's TLS policy for this destination requires DANE (a TLSA record in a "
	"DNSSEC-signed zone), and the destination does not have one, or this host's resolver "
	"does not validate DNSSEC. The mail stays in the queue (dsn 4.7.5).",
	"If the policy was not meant for this destination, lower smtp_tls_security_level "
	"(dane, not dane-only) or fix the entry in smtp_tls_policy_maps; if it was, use a "
	"validating resolver (unbound) on this host and set smtp_dns_support_level = dnssec.",
	NULL},
    [F_OUT_TLS_FAIL] = {
	"The TLS handshake with the remote server failed. After an upgrade to OpenSSL 3 "
	"(Debian 12, Ubuntu 22.04 and later), \"dh key too small\", \"legacy sigalg "
	"disallowed\", \"unsupported protocol\" or \"unsafe legacy renegotiation\" mean the "
	"remote server's TLS (its DH parameters, its certificate's SHA-1 signature, TLS 1.0) is "
	"older than this host's OpenSSL now accepts.",
	"Check the remote side's certificate and the policy for it in smtp_tls_policy_maps; "
	"with smtp_tls_security_level = may Postfix falls back to plain text by itself. For an "
	"old server that must get TLS, ask its admin to upgrade, or lower the requirements for "
	"that destination only (an smtp_tls_policy_maps entry such as example.com may "
	"protocols=>=TLSv1), not for all.",
	NULL},
    [F_OUT_TLS_NOT_OFFERED] = {
	"This server's SMTP client must use TLS for this destination (smtp_tls_security_level "
	"= encrypt or stronger, or its entry in smtp_tls_policy_maps), and the server there does "
	"not offer STARTTLS (\"TLS is required, but was not offered by host\"). No handshake "
	"was tried: the mail waits in the queue until it expires. A content filter or mailbox "
	"server on this host (Amavis on 127.0.0.1:10024) never offers TLS, so a global "
	"requirement stops all mail there.",
	"Keep smtp_tls_security_level = may for the Internet and require TLS per destination in "
	"smtp_tls_policy_maps; for a transport to a local filter add -o "
	"smtp_tls_security_level=none in master.cf. Then postfix reload and postqueue -f.",
	"A large provider's MX (Gmail's, Microsoft's) always offers STARTTLS: when the log says "
	"it did not, something between the two servers removed it (a firewall's SMTP inspection, "
	"an ISP's proxy on port 25). Test from this host: posttls-finger DOMAIN, or openssl "
	"s_client -starttls smtp -connect MXHOST:25."},
    [F_OUT_TLS_POLICY] = {
	"The SMTP client looked up the TLS policy of a destination in smtp_tls_policy_maps (a "
	"table, or a socketmap to an MTA-STS or DANE plugin such as postfix-mta-sts-resolver or "
	"postfix-tlspol) and could not use the answer: an attribute this Postfix version does "
	"not know (\"invalid attribute name\", e.g. servername before Postfix 3.4), a value "
	"without its name (\"missing '=' after attribute name\"), an empty match=, then \"client "
	"TLS configuration problem\"; or got no answer at all (\"policy table lookup error\", "
	"after the table's own \"socketmap:...: lookup error for\" line): the plugin's service is "
	"down or failing, often its own DNS resolver (DNSSEC validation, MTA-STS fetches). Mail to "
	"that destination is deferred until the policy answer is fixed.",
	"Ask the table what it answers: postmap -q example.com socketmap:inet:127.0.0.1:8461:postfix "
	"(or the table's own type). Fix the entry (attribute=value pairs, ':' between the "
	"patterns of match=), update the plugin or Postfix (postconf mail_version) so that "
	"both know the same attributes, or override the destination in a static table put first "
	"in smtp_tls_policy_maps; if the table does not answer, start the plugin's service and "
	"read its log and its resolver's (systemctl status, journalctl -u). Then postqueue -f.",
	NULL},
    [F_OUT_TLS_WRAPPER] = {
	"The SMTP client and the server it connects to (usually the relay host) do not agree "
	"on how TLS starts. \"wrong version number\" at SSL_connect means the client spoke TLS "
	"at once (smtp_tls_wrappermode = yes) and the server answered in plain SMTP: a STARTTLS "
	"port (587 or 25). Postfix's own \"SMTPS wrappermode (TCP port 465) requires setting "
	"smtp_tls_wrappermode = yes\" is the opposite: port 465 without wrapper mode. Every "
	"message for that hop waits.",
	"Match the port and the mode: relayhost = [host]:587 with smtp_tls_wrappermode = no and "
	"smtp_tls_security_level = encrypt, or [host]:465 with smtp_tls_wrappermode = yes and "
	"smtp_tls_security_level = encrypt (in master.cf with -o for one transport only). Then "
	"postfix reload and postqueue -f.",
	NULL},
    [F_OUT_TLS_UNVERIFIED] = {
	"The TLS policy for this destination (smtp_tls_security_level = verify, secure or "
	"dane, or its entry in smtp_tls_policy_maps) requires a certificate that verifies, and "
	"the server's does not: it is expired, self-signed, issued by an unknown CA or for "
	"another name (\"Server certificate not verified\"). The mail waits in the queue.",
	"Look at the certificate: openssl s_client -connect HOST:25 -starttls smtp -servername "
	"HOST. If it is really wrong, tell the destination's postmaster; if the mail must go "
	"meanwhile, lower the policy for that destination only (smtp_tls_policy_maps: domain "
	"encrypt or may), never for all.",
	"When many unrelated destinations fail the same way, the trusted CA list of this server "
	"is the problem (the finding for that says so). When the same destination logged "
	"\"Trusted TLS connection established\", its chain is fine and only the name check "
	"failed: the policy's match= (secure's default is nexthop:dot-nexthop) does not name the "
	"host in the certificate; add that host's domain to match= in the entry."},
    [F_OUT_TLS_NAME] = {
	"This server's SMTP client verified the destination's certificate chain (\"Trusted TLS "
	"connection established\": a CA it trusts signed it) and then still found the "
	"certificate not verified (\"Server certificate not verified\"): the names in the "
	"certificate are not those the TLS policy's match= asks for. With "
	"smtp_tls_security_level = secure, or a secure entry in smtp_tls_policy_maps, the "
	"default match is the next-hop domain (nexthop:dot-nexthop), which the certificate of a "
	"provider's MX host rarely names; with verify, the MX host's own name. The mail waits in "
	"the queue.",
	"Read the names in the certificate (openssl s_client -connect HOST:25 -starttls smtp "
	"-servername HOST, its subjectAltName) and add them to the policy entry's match= (secure "
	"match=.provider.example); postmap the policy table, postfix reload, postqueue -f.",
	"Under DANE (TLSA records for the destination's MX) the same two lines say the "
	"certificate fails its TLSA record; then, as when it names another host than the one "
	"connected to, the destination must fix it (posttls-finger -c DOMAIN tells which)."},
    [F_OUT_TLS_TRUST] = {
	"The certificates of several unrelated servers (or of a large provider's, which are "
	"valid) fail verification under this server's TLS policy: the fault is on this side. "
	"Postfix's SMTP client has no list of trusted CAs (smtp_tls_CAfile / smtp_tls_CApath "
	"empty or not readable inside the chroot), or the policy asks for what most servers do "
	"not give (secure with a match that names the wrong host). Mail waits in the queue.",
	"Point the client at the system's CA bundle: smtp_tls_CAfile = "
	"/etc/ssl/certs/ca-certificates.crt (Debian) or /etc/pki/tls/certs/ca-bundle.crt (Red "
	"Hat), then postfix reload; with chroot, the file must be reachable from there too. "
	"Unless a destination really requires it, use smtp_tls_security_level = may (or dane) "
	"rather than verify or secure for all mail.",
	"An \"untrusted issuer\" that names a public root CA (DigiCert, GlobalSign, ISRG, "
	"Equifax...) says the same for a single server: every system bundle holds that root, so "
	"this server's list lacks it."},
    [F_OUT_BIND_ADDRESS] = {
	"The SMTP client cannot bind its outgoing connections to the address that "
	"smtp_bind_address (or smtp_bind_address6, or a master.cf -o override) names: this host "
	"does not have that address (\"Cannot assign requested address\"). No outgoing "
	"connection is made; the mail waits.",
	"Set smtp_bind_address to an address this host has (ip -br addr), or remove it to let "
	"the system choose; then postfix reload. After moving to a new server or IP, check "
	"master.cf's transports for -o smtp_bind_address too.",
	NULL},
    [F_OUT_RELAYHOST_NOT_FOUND] = {
	"The SMTP client warns that relayhost (or smtp_fallback_relay) names a host that DNS "
	"does not know: every message that should go through it waits (Postfix keeps it as a "
	"temporary error, expecting the setting to be fixed).",
	"Check the name: postconf relayhost; dig +short NAME. A host name without brackets is "
	"looked up as a domain's MX first: write [smtp.provider.example]:587 to use the host "
	"itself. A name only in /etc/hosts (Docker's extra_hosts) is not seen: the SMTP client "
	"asks DNS unless smtp_host_lookup = dns, native. Then postfix reload and postqueue -f.",
	NULL},
    [F_OUT_PORT25_BLOCKED] = {
	"Connections to the mail servers of many unrelated domains (or to a large provider's, "
	"which always answer) time out, and none gets through. That is what an outgoing port 25 "
	"filter looks like: most cloud and home providers block it by default. Outgoing mail "
	"does not leave.",
	"Ask the provider to open outbound port 25 (many do it on request for a server with a "
	"PTR), or send through a smarthost on port 587 with SASL (relayhost = [smtp.provider]:587, "
	"smtp_sasl_auth_enable = yes). Test with: nc -vz gmail-smtp-in.l.google.com 25",
	"A local firewall rule dropping outgoing SYNs looks the same: check nft list ruleset "
	"too."},
    [F_OUT_TIMEOUT] = {
	"Connections to the destination's mail server time out. It may be down or overloaded, "
	"or a firewall on either side drops the traffic.",
	"Postfix keeps retrying. If the same happens for many unrelated destinations, suspect "
	"this host's outgoing port 25.",
	NULL},
    [F_OUT_CONV_LOST] = {
	"This server connected, then the destination's mail server hung up (\"lost connection "
	"with HOST while ...\") or stopped answering (\"conversation with HOST timed out while "
	"...\") in the middle of the conversation. While waiting for its greeting: the server is "
	"overloaded, greets late on purpose (a tarpit), or drops this server's address without "
	"saying why, as some providers do for addresses with a poor reputation. While sending "
	"the message body or its end: its content filter takes longer than Postfix waits "
	"(smtp_data_done_timeout), or large packets are lost on the way (a firewall dropping "
	"ICMP \"fragmentation needed\", a link with a smaller MTU: a VPN, PPPoE). \"Message may "
	"be sent more than once\": the remote may have taken it, and the recipient may get it "
	"twice.",
	"Postfix keeps retrying, and tries the domain's other MX hosts. If it happens with many "
	"unrelated destinations, look on this side: something intercepting port 25 (an antivirus, "
	"the provider), or, for large messages only, the path MTU (ip link; allow ICMP type 3 "
	"code 4). If with one destination only, its postmaster, and this server's IP reputation.",
	"The lines do not tell a remote that drops on purpose from one that fails."},
    [F_OUT_SLOW_SETUP] = {
	"Delivered mail's delays=c (the third part of delays=a/b/c/d) is the time the SMTP "
	"client took to set up the connection: DNS lookups, the TCP connect, the server's "
	"greeting, EHLO and the TLS handshake. To this server it was 30 seconds or more for "
	"three or more messages, while other destinations were quick: that server greets late "
	"on purpose (a tarpit, a greeting delay for unknown senders) or is overloaded.",
	"Nothing to fix on this side as long as the mail is delivered; if it holds up other "
	"mail, give the destination its own transport (transport_maps) or lower "
	"smtp_helo_timeout. If many destinations are slow, suspect this host's resolver.",
	NULL},
    [F_OUT_SLOW_TRANSFER] = {
	"Delivered mail's delays=d (the last part of delays=a/b/c/d) is the time the message's "
	"transmission took, until the server's final reply. To this server it was 60 seconds "
	"or more for three or more messages, while other destinations were quick: it scans "
	"mail slowly after DATA, or the path to it is slow.",
	"Nothing to fix on this side as long as the mail is delivered; very large messages "
	"take long everywhere (message_size_limit). If many destinations are slow, suspect "
	"this host's uplink.",
	NULL},
    [F_OUT_SLOW_EVERYWHERE] = {
	"Delivered mail's delays=c (connection setup: DNS, connect, greeting, HELO, TLS) or "
	"delays=d (transmission) was slow (c 30 seconds or more, d 60 or more) for three or "
	"more messages to each of three or more unrelated mail servers: the common part is "
	"this host, its DNS resolver (slow lookups of MX and A records add to c) or its "
	"network link (a saturated or lossy uplink slows both).",
	"Time a lookup on this host (dig MX gmail.com; resolvectl statistics), use a local "
	"caching resolver, and check the uplink (its load, packet loss: mtr to one of the "
	"servers listed). The subjects are the slow servers.",
	NULL},
    [F_OUT_REFUSED] = {
	"The destination's mail server refuses the TCP connection.",
	"Postfix keeps retrying; check the destination's MX records (dig MX) if it lasts.",
	NULL},
    [F_OUT_NET_UNREACHABLE] = {
	"This host has no route to the destination address. When the addresses are IPv6, the "
	"host has IPv6 enabled in Postfix but no working IPv6 connectivity; Postfix also tries "
	"the destination's IPv4 addresses, and where one takes the mail it is only slowed. A "
	"status=deferred with this reason means that no address took it on that attempt, IPv4 "
	"included: check IPv4 delivery to that destination too.",
	"Check this host's route to those addresses (ip route, ip -6 route, and any firewall on "
	"the way), and when they are IPv6 and this host has no IPv6 route, set inet_protocols = "
	"ipv4 (or fix the IPv6 connectivity).",
	NULL},
    [F_OUT_DNS_TEMP] = {
	"DNS lookups of the destinations' mail servers fail temporarily (\"try again\", "
	"SERVFAIL). When this hits many domains, this host's resolver is the problem, not the "
	"domains.",
	"Check /etc/resolv.conf and the resolver (in a container, the one the container sees, "
	"and the chroot's copy in /var/spool/postfix/etc/resolv.conf); try dig MX gmail.com on "
	"this host. A local caching resolver (unbound) avoids most of it.",
	NULL},
    [F_OUT_RESOLVER_NXDOMAIN] = {
	"Postfix was told that a recipient domain does not exist (\"Host or domain name not "
	"found\", \"Domain not found\") although it certainly does: a mailbox provider's "
	"domain (gmail.com, outlook.com...) or a domain that mail was delivered to elsewhere in "
	"the same log. The answer came from this host's resolver, not from the domain: a "
	"resolver that filters or fails, a wrong search domain, or a stale "
	"/var/spool/postfix/etc/resolv.conf in Postfix's chroot. The mail bounced; the "
	"recipients did not mistype.",
	"Try dig MX gmail.com on this host and compare /etc/resolv.conf with "
	"/var/spool/postfix/etc/resolv.conf (the chroot's copy: restart Postfix after fixing "
	"the original, or copy it); point the host at a working resolver (a local unbound, "
	"or the provider's). Then tell the senders whose mail bounced to send it again.",
	NULL},
    [F_OUT_DEST_DNS] = {
	"The DNS lookup of one destination domain fails temporarily (\"try again\": its name "
	"servers time out or answer SERVFAIL), while mail to other domains is delivered in the "
	"same log, so this host's resolver works. The fault is that domain's DNS; Postfix keeps "
	"the mail queued and retries.",
	"Check the domain from this host: dig MX DOMAIN and dig +trace MX DOMAIN show which name "
	"server fails. Nothing needs changing here; tell the domain's administrators if it "
	"lasts, and the mail leaves by itself once their DNS answers (postqueue -f to retry "
	"now).",
	"The lines do not show whether the domain's name servers are down or refuse this "
	"host's resolver only (DNSSEC, a firewall)."},
    [F_OUT_DNS_TEMP_ONE] = {
	"The DNS lookup of one destination's mail server fails temporarily (\"try again\": a "
	"SERVFAIL or a timeout), and nothing in these lines shows whether this host's resolver "
	"works: no mail to other domains was delivered in them and no other domain failed. "
	"Either that domain's name servers are broken (down, a lame delegation, a broken DNSSEC "
	"signature) or this host's resolver fails on it. Postfix keeps the mail queued and "
	"retries until maximal_queue_lifetime, then returns it to the sender.",
	"Ask both sides: dig +trace MX DOMAIN from this host shows which name server fails, and "
	"the same lookup through another resolver (or a public DNS checker) tells whether only "
	"this host's resolver fails. If the domain's servers fail, tell its administrators and "
	"let Postfix retry (postqueue -f once it answers); if only this host's resolver fails, "
	"fix it (and its copy in /var/spool/postfix/etc/resolv.conf).",
	"Mail delivered to other domains in a longer log shows this host's resolver works; "
	"many domains failing shows it does not."},
    [F_OUT_DNS_NXDOMAIN] = {
	"The recipient's domain does not exist or has no mail server (no MX and no address "
	"record). The message bounces.",
	"Nothing on this server is wrong; the address was mistyped or the domain is gone.",
	NULL},
    [F_OUT_DNS_MALFORMED] = {
	"A destination domain's MX records hold something that is not a usable host name: a "
	"null MX (\".\": the domain declares that it takes no mail, RFC 7505), an IP address "
	"written where a name belongs, or a malformed name; or its MX host names have no "
	"address record (\"no MX host for DOMAIN has a valid address record\", \"Host found "
	"but no data record\" for the MX host). Postfix skips that DNS data; when "
	"no usable MX is left, mail to that domain is deferred or bounced (its delivery lines "
	"say which).",
	"Nothing to fix on this server: look at the domain's records with dig MX DOMAIN (and "
	"dig A on each MX host) and, "
	"if the mail matters, tell the domain's postmaster. A null MX means the domain wants no "
	"mail: the recipient address is wrong.",
	"A valid_hostname line does not name the domain; the delivery lines next to it do."},
    [F_OUT_LOOP] = {
	"Mail for a domain comes back to this server: the domain's best MX is this server "
	"itself (or the remote server greeted with this server's own name), but Postfix is not "
	"set to take that domain's mail as its final destination, so it would only send the "
	"mail to itself. The usual causes: the domain missing from mydestination or "
	"virtual_mailbox_domains, or listed as a relay (backup MX) domain on its own primary "
	"server; a backup MX behind NAT whose outside address is not in proxy_interfaces; a "
	"subdomain meant for a program (vacation, autoreply) without its transport_maps "
	"entry; two hosts (a Docker host and its mail container) with the same myhostname.",
	"If this server should receive that domain's mail, add the domain to mydestination or "
	"virtual_mailbox_domains (not relay_domains on the primary server); on a backup MX "
	"behind NAT set proxy_interfaces to its outside address; give a program's subdomain "
	"its transport_maps entry; if the domain's mail belongs elsewhere, fix its MX record "
	"or route it there with transport_maps. Give each host its own myhostname.",
	NULL},
    [F_OUT_OWN_ORIGIN_NXDOMAIN] = {
	"Mail to a bare local name (orig_to=<root>, from cron or a daemon) got this server's "
	"own domain appended (myorigin, normally myhostname), that domain is not one this "
	"server delivers locally (mydestination), so the SMTP client looked it up in DNS: where "
	"it does not exist, the mail bounces; where the name is this host's own, the client "
	"connects to this server's public address (through NAT that often times out, or the "
	"mail comes back as a loop). Often a container's or image's host name that was never "
	"meant to be public.",
	"Set myhostname (and myorigin) to this host's real mail name and keep $myhostname in "
	"mydestination, or alias root to a real mailbox (/etc/aliases, then newaliases); check "
	"with postconf myhostname myorigin mydestination.",
	NULL},
    [F_MAIL_LOOP] = {
	"A message came back to where it had already been, and Postfix stopped it with a "
	"bounce. \"mail forwarding loop for ADDRESS\" (5.4.6, the local or pipe delivery "
	"agent): the message already carries a Delivered-To: header with that address, so an "
	"alias, a virtual alias or a .forward file leads back to itself, or a user forwards to "
	"an outside mailbox that forwards back here. \"too many hops\" (5.4.0, cleanup's "
	"\"hopcount exceeded\"): the message has more Received: headers than hopcount_limit, "
	"so servers pass it back and forth (a transport, relayhost or MX that points back, "
	"two gateways relaying to each other, a mailing list subscribed to itself).",
	"Follow the address through the aliases, virtual_alias_maps and .forward files "
	"(sendmail -bv ADDRESS mails a report of where it goes) and break the cycle. For "
	"\"too many hops\", read the Received: headers in the bounce: the names that repeat "
	"are the servers in the loop; fix the transport_maps entry, relayhost or MX record "
	"that sends the mail back. The sender is not at fault.",
	NULL},
    [F_OUT_SUSPENDED] = {
	"After failures Postfix marked the destination as dead for a while and defers its "
	"mail without trying (\"delivery temporarily suspended\"); the reason after it is the "
	"real cause.",
	"Look at the reason given after \"suspended:\" and at the first failure for the same "
	"destination.",
	NULL},
    [F_OUT_RELAY_LOGIN_REFUSED] = {
	"The relay host (smarthost) answered this server's login with a refusal (smtp_sasl_glue.c: "
	"\"SASL authentication failed; server ... said: 535 ...\"): the SASL exchange itself "
	"worked, but the relay does not accept the account. A wrong user name or password in "
	"smtp_sasl_password_maps, an account that needs an app password (Gmail with 2-step "
	"verification: 5.7.8), or SMTP AUTH turned off for the account (Microsoft 365: 5.7.139). "
	"Everything sent through the relay stays in the queue.",
	"Check the relay's entry in smtp_sasl_password_maps (its key must match relayhost "
	"exactly, e.g. [smtp.office365.com]:587), postmap it, and test the login by hand (swaks "
	"--auth). Gmail: use an app password. Microsoft 365: enable Authenticated SMTP for the "
	"mailbox (admin center, or Set-CASMailbox -SmtpClientAuthenticationDisabled $false). Then "
	"postqueue -f.",
	"The lines do not show the password that was sent (Postfix never logs it), only the "
	"relay's words."},
    [F_OUT_RELAY_SASL] = {
	"This server must log in to its relay host (smarthost) but cannot: the SMTP client "
	"found no SASL mechanism in common with the relay (\"No worthy mechs found\" means the "
	"Cyrus SASL plugins for PLAIN/LOGIN are not installed), or the relay refused the "
	"credentials. Everything sent through the relay stays in the queue.",
	"Install the SASL plugins (Debian: apt install libsasl2-modules), check "
	"smtp_sasl_password_maps (postmap it) and smtp_sasl_security_options (noanonymous; "
	"allow plaintext only over TLS: smtp_tls_security_level = encrypt), then postqueue -f.",
	NULL},
    [F_OUT_RELAY_PLUGIN] = {
	"This server's SASL library chose a login mechanism for the relay host and started, "
	"then its plugin gave up (\"cannot authenticate to server ...: bad protocol / "
	"cancel\" or \"generic failure\", the Cyrus SASL library's own words): the relay "
	"did not refuse a password, this side did not finish. With an XOAUTH2 plugin "
	"(sasl-xoauth2 for Gmail or Microsoft 365) it is the token: missing, expired, made "
	"with the wrong scope, or its file not readable and writable by Postfix inside its "
	"chroot. Everything sent through the relay stays in the queue.",
	"Read the plugin's own log lines (sasl-xoauth2 logs \"auth failed: ...\" to syslog; "
	"its log_full_trace_on_failure shows more, token included: turn it off again), check the token file that "
	"smtp_sasl_password_maps names (owned by postfix, reachable from the chroot under "
	"/var/spool/postfix), and make a new token with the provider's mail scope (Gmail: "
	"https://mail.google.com/; Microsoft 365: SMTP.Send). If this server logs in with a "
	"password, not a token, keep the library off the OAuth mechanisms the relay offers "
	"(XOAUTH2, OAUTHBEARER: an installed plugin takes them and fails on a password): "
	"smtp_sasl_mechanism_filter = plain, login. Then postqueue -f.",
	"The lines do not show the plugin's reason: it logs it itself, not in Postfix's "
	"deferral."},
    [F_OUT_RELAY_NO_MECH] = {
	"This server has a password for its relay host but did not try it: \"server ... "
	"offered no compatible authentication mechanisms for this type of connection "
	"security\" (smtp_sasl_proto.c) means that after this side's filter no AUTH "
	"mechanism of the relay was left. Either the relay announced AUTH not at all on this "
	"connection (most relays offer it only after STARTTLS, and this server did not start "
	"TLS), or smtp_sasl_mechanism_filter keeps none of the mechanisms it offered (a "
	"smtp warning \"offered no supported AUTH mechanisms: '...'\" lists them). The SASL "
	"library and the password are not the cause. Everything sent through the relay stays "
	"in the queue.",
	"Use TLS to the relay (smtp_tls_security_level = encrypt; on port 465 also "
	"smtp_tls_wrappermode = yes), and empty smtp_sasl_mechanism_filter or list a mechanism "
	"the relay offers; see what it offers with \"openssl s_client -starttls smtp -connect "
	"RELAY:587\" and EHLO. Then postqueue -f.",
	"The lines do not show the relay's EHLO reply unless a warning lists its mechanisms; "
	"debug_peer_list with the relay's name logs it."},
    [F_OUT_RELAY_NO_LOGIN] = {
	"The relay host answered that it needs a login (\"530 5.7.0 Authentication required\", "
	"Microsoft 365's \"5.7.57 Client not authenticated\", \"Sender address rejected: not "
	"logged in\"): this server sent the mail without logging in. smtp_sasl_auth_enable is "
	"off, or smtp_sasl_password_maps has no entry under the name relayhost uses, or the "
	"relay offers AUTH only after STARTTLS. Everything sent through the relay stays in the "
	"queue or bounces.",
	"Set smtp_sasl_auth_enable = yes and smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd "
	"with the key written exactly as relayhost is (e.g. [smtp.example.com]:587 user:password), "
	"postmap it, set smtp_tls_security_level = encrypt and smtp_sasl_security_options = "
	"noanonymous, then postqueue -f.",
	NULL},
    [F_OUT_RELAY_SENDER] = {
	"The relay host took the login but refuses the envelope sender: the account this server "
	"logs in with may not send as that address (Postfix's \"Sender address rejected: not "
	"owned by user\", Microsoft 365's 5.7.60 \"does not have permissions to send as this "
	"sender\"). Mail from other senders (root, www-data, a second domain) keeps being "
	"refused.",
	"Send as an address the account owns: rewrite local senders with smtp_generic_maps or "
	"sender_canonical_maps; or give each sender its own login "
	"(smtp_sender_dependent_authentication = yes, smtp_sasl_password_maps keyed by sender, "
	"sender_dependent_relayhost_maps); or grant the account the right to send as that "
	"address at the provider.",
	NULL},
    [F_OUT_LOCAL_ERROR] = {
	"Postfix's SMTP client stopped the delivery on an error of this server's own, not of "
	"the remote server it was talking to (\"local data error while talking to HOST\"): a "
	"lookup table it needed failed (the warning \"smtp_sasl_password_maps lookup error\" "
	"or another \"... lookup error\" of the same process, just before), or it could not "
	"read the message's queue file. The mail stays in the queue and is tried again.",
	"Read the warning of the same smtp process (the same pid) just before: fix the table it "
	"names (postmap it, its permissions, the database server it asks) or the queue file "
	"error (disk, permissions, postsuper -s), then postqueue -f.",
	NULL},
    [F_OUT_REMOTE_TEMP] = {
	"A remote server answered with a temporary error; Postfix retries.",
	"Nothing to do unless it lasts for days; read the reply text.",
	NULL},
    [F_OUT_REMOTE_PERM] = {
	"A remote server refused the mail permanently; the sender gets a bounce.",
	"Read the reply text: it says why.",
	NULL},
};
