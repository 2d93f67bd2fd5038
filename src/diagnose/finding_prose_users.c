/*
 * finding_prose_users.c - the words of the findings about this server's
 * own users and clients when the server refuses or limits them (their
 * devices, applications and own network: relaying without a login, a
 * sender or login refused, TLS handshakes, anvil limits, their mail
 * refused by checks): what the lines mean, the next step, and what the
 * lines cannot show.  Strangers' and other servers' words are in
 * finding_prose_in.c; finding_prose_en() reads them all.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_users[F__COUNT] = {
    [F_IN_OWN_RELAY_DENIED] = {
	"A client on this server's own network (loopback or a private address) was refused "
	"with \"Relay access denied\": it tried to send mail to outside domains without "
	"logging in and is not in mynetworks. Most often this is the server's own application "
	"or user; behind Docker or a NAT the address may also stand for clients on the Internet.",
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
    [F_IN_USER_NOAUTH_REFUSED] = {
	"An address from which a user logs in to this server (in other sessions) was refused "
	"in sessions where it did not log in, by this server's checks for mail from the "
	"Internet: a DNS blocklist (Spamhaus ZEN's PBL lists home and mobile connections by "
	"design), a HELO, reverse-DNS or sender check. Two things behind one address look "
	"alike: the user's mail program sending on port 25 without logging in (its mail then "
	"does not leave), or another machine behind the same public address (a home or office "
	"NAT) that is infected and sends spam itself, which is what put the address on the "
	"blocklist. It is neither this server's fault nor an attack by the user: the checks do "
	"their job, and ban never lists an address a user logs in from.",
	"Ask the user whether the refused mail is theirs: if so, set the mail program to send "
	"on port 587 (STARTTLS) or 465 with authentication for every message; if not, a "
	"machine on their network is infected and must be cleaned. Mail after a login passes "
	"these checks; the sample's from= (their address, or senders they do not know) and "
	"its recipients tell which; the refusals already stop an infected machine's spam. Do not add the address "
	"to mynetworks nor exempt it from the blocklist: it is a public address, and the "
	"exemption would let the infected machine relay.",
	"The lines cannot tell which of the two it is; the sender, HELO name and recipients of "
	"the sample lines are the best hint."},
    [F_IN_SENDER_AUTH_REFUSED] = {
	"A milter of this server (OpenDMARC, OpenDKIM, an SPF milter) refused messages after "
	"their data because the sender's domain did not authenticate them: the From domain "
	"publishes a DMARC reject policy and neither an aligned SPF pass nor an aligned DKIM "
	"signature was found, or a DKIM signature did not verify. Most such mail is forged (a "
	"bank's or a provider's name in phishing): then the check did its job. Wanted mail fails "
	"it too when the sender's setup is incomplete: a newsletter or notification service "
	"(Mailchimp, SendGrid...) sending in the customer's name without DKIM for the customer's "
	"domain, a mailing list or a forwarder that changes the message.",
	"Read the sample: the domain named is the one that failed, the client the server that "
	"carried it. If the mail was wanted, tell the sender to sign it with DKIM for their own "
	"domain at their sending service; to receive such mail meanwhile, let the milter only "
	"mark failures (OpenDMARC's RejectFailures false, OpenDKIM's On-BadSignature accept) "
	"and let the spam filter weigh them, or trust the mailing lists' ARC seals.",
	"The lines do not show the DKIM and SPF results in full (the milter's own log lines "
	"do), nor whether the mail was wanted."},
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
    [F_IN_SUBMISSION_LIMITED] = {
	"anvil's limits (smtpd_client_connection_count_limit, default 50 at once; "
	"smtpd_client_connection_rate_limit; the message, recipient and AUTH rate limits) "
	"refused a client on a submission service (587 or 465), where the clients are this "
	"server's users' mail programs and applications, and the log neither shows it logging "
	"in nor shows it hostile. Its connections beyond the limit got 421 or 450: its mail "
	"waits. Many connections at once from one address is a bulk-sending application, a "
	"whole office behind one NAT address, or a flood of connections from a stranger.",
	"Find out whose address it is. If it is yours, exempt it "
	"(smtpd_client_event_limit_exceptions = $mynetworks plus that address) or raise the "
	"limit for submission only in master.cf (-o smtpd_client_connection_count_limit=...); "
	"an application that opens a connection per message is worth reconfiguring. If it is "
	"not yours, the limit did its job: ban the address (fail2ban) and watch for failed "
	"logins from it.",
	"The limit's line names the client but not whether it logged in in its other "
	"connections: the sessions around it (client= lines with sasl_username) tell a user "
	"from a stranger."},
    [F_IN_OWN_CONTENT_REFUSED] = {
	"cleanup refused a message of this server's own users (a client that logs in, one on "
	"the own network, or a local submission) with a header_checks or body_checks REJECT "
	"rule, or a milter of this host refused it after the data (milter-reject: a spam or "
	"virus milter, or a hosting panel's own handler, such as Plesk's limit on outgoing "
	"messages): the user's outgoing mail did not leave. Either the rule is meant to stop "
	"such mail (an attachment type, a spam word, a sending limit) and the user should "
	"know, or it is wider than intended.",
	"Find the rule: the rejected line is in the log line (header Subject: ..., body ...); "
	"test it with postmap -q \"TEXT\" pcre:/etc/postfix/header_checks. Narrow the pattern, "
	"or apply the checks to inbound mail only: in master.cf give the submission service its "
	"own cleanup (-o cleanup_service_name=cleanup_out) that has -o header_checks= -o "
	"body_checks=. For a milter-reject, the milter's own log and settings say which rule "
	"refused (rspamd's or Amavis's policy for users; Plesk: Tools & Settings > Outgoing "
	"Mail Control for its sending limits).",
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
    [F_IN_OWN_PIPELINING] = {
	"smtpd refused a client that logged in, or whose address is on this server's own "
	"network, with \"503 5.5.0 ... Improper use of SMTP command pipelining\": it sent its "
	"commands, or the message, without waiting for the server's replies, which "
	"reject_unauth_pipelining (smtpd_data_restrictions) refuses. Spam bots do this; "
	"here it is one of your own clients: a script (netcat, a shell here-document), a "
	"backup, monitoring or scanning appliance, or an old SMTP library. Its mail does not "
	"get in.",
	"Fix the client so that it waits for each reply (send through sendmail or a real SMTP "
	"library, or update the tool). Until then exempt it: put permit_mynetworks and "
	"permit_sasl_authenticated before reject_unauth_pipelining in "
	"smtpd_data_restrictions, or give the submission service its own "
	"smtpd_data_restrictions in master.cf.",
	"The lines cannot show whether the address is one machine of yours or a gateway in "
	"front of many clients."},
    [F_IN_OWN_BARE_LF] = {
	"smtpd refused a client that logged in, or whose address is on this server's own "
	"network, because a line it sent ended in a bare newline (LF without the CR that SMTP "
	"requires): Postfix 3.9 and later log \"reject: ... bare <LF> received\" and answer "
	"\"5.5.2 Error: bare <LF> received\"; the back-ported releases (3.8.4, 3.7.9, 3.6.13, "
	"3.5.23) log \"bare <LF> received after DATA\" after a 521 reply. That is "
	"smtpd_forbid_bare_newline = reject (yes on the back-ports), the defence against SMTP smuggling "
	"(CVE-2023-51764). The client is one of your own: a printer or scanner that mails, an "
	"ERP or monitoring script, an old SMTP library. Its mail does not get in.",
	"Fix the client so that it ends lines with CRLF (update its firmware or library). Until "
	"then exempt it: smtpd_forbid_bare_newline_exclusions = $mynetworks (the default) and "
	"put its address in mynetworks, or let it send through a service of its own in "
	"master.cf with -o smtpd_forbid_bare_newline=normalize (normalize, the 3.9 default, "
	"takes bare newlines as line ends and keeps the smuggling defence).",
	"Exempting a client by address also exempts anything else behind that address (a NAT "
	"gateway, a Docker bridge): exempt one device, not a network the Internet reaches."},
    [F_IN_BARE_LF_SERVERS] = {
	"smtpd refused mail from clients with a verified name, which look like real mail "
	"servers, because a line they sent ended in a bare newline (\"bare <LF> received\"): "
	"smtpd_forbid_bare_newline = reject (yes on the back-ported 3.5 to 3.8 releases). Some "
	"old or odd mail software does that with mail that is otherwise real, and it is "
	"refused; spam bots do it too.",
	"If these senders' mail is wanted, use smtpd_forbid_bare_newline = normalize (the "
	"default since Postfix 3.9): it still blocks SMTP smuggling but takes a bare newline "
	"as a line end instead of refusing the mail; or add the sending servers to "
	"smtpd_forbid_bare_newline_exclusions. Ask the sender's postmaster to fix the software.",
	"A name that resolves back to the address says who runs the host, not that it is a mail "
	"server: a bot on a named host is refused the same way, and then nothing needs fixing."},
    [F_IN_SUBMISSION_NO_LOGIN] = {
	"smtpd refused a client on a submission service (a master.cf service other than "
	"port 25's smtp: submission on 587, smtps on 465) with a bare \"Access denied\" "
	"(Client host, Sender address or Recipient address rejected): the reject that "
	"follows permit_sasl_authenticated in that service's restrictions, which only a "
	"client that did not log in reaches. It is usually a user's mail program or a "
	"device (a phone, a printer, a web application) whose outgoing server is not set to "
	"log in; being on mynetworks does not help there when the service's restrictions "
	"hold only permit_sasl_authenticated. Its mail is refused.",
	"Turn on authentication in the client's outgoing server settings (\"my server "
	"requires authentication\", the account's address and password, STARTTLS on 587 or "
	"SSL/TLS on 465). A device that cannot log in should send to port 25 from an address "
	"in mynetworks, or the submission service in master.cf gets permit_mynetworks in its "
	"-o smtpd_client_restrictions (and relay restrictions). If the session did log in "
	"(auth=1 in its disconnect line), the service's restrictions lack "
	"permit_sasl_authenticated before the reject.",
	"The lines cannot show whether the client is yours: a stranger trying the port "
	"without a login is refused the same way, and then nothing needs fixing."},
    [F_IN_OWN_TEXT_AS_COMMANDS] = {
	"smtpd logged \"non-SMTP command\" with a line of a message (To:, From:, Subject:) "
	"from a client on this server's own network (loopback, a private or Docker address) "
	"or on a submission service: a program of your own (a web application, a script, a "
	"device) went on sending its message as commands. Most often the server refused its "
	"MAIL, RCPT or DATA first (no STARTTLS or no login on port 587, a restriction) and the "
	"program did not look at the reply; or it sends the text without waiting for the "
	"354. Its mail is lost.",
	"Look at the session's first refusal (the mail=0/1, rcpt=0/1, data=0/1 counts of its "
	"disconnect line; a reject line, or with smtpd_tls_security_level=encrypt a \"530 "
	"Must issue a STARTTLS command first\" that is not logged) and set the program's "
	"SMTP settings to match the port: STARTTLS and a login on 587, SSL/TLS on 465, or "
	"port 25 from mynetworks; or let it hand the mail to sendmail. Do not ban the "
	"address.",
	"The lines cannot show the reply the program ignored when its refusal is not logged."},
    [F_IN_OWN_SENDER_DOMAIN] = {
	"smtpd refused the sender address of a client on this server's own network (loopback, "
	"a private or Docker address) or on a submission service, because its domain does not "
	"exist in the DNS (\"Sender address rejected: Domain not found\", "
	"reject_unknown_sender_domain) or is no domain at all (\"need fully-qualified "
	"address\", reject_non_fqdn_sender). Such a sender is a device's or a program's own "
	"default: a NAS, a printer, a cron job or a web application that sends as "
	"user@its-hostname, nas.lan, localhost.localdomain. A 4xx refusal is retried, but "
	"it never passes: the mail stays with the device.",
	"Set the device's or program's sender (From) address to a real address of your "
	"domain; for a Linux host's own mail, set myorigin (or masquerade_domains, "
	"smtp_generic_maps) on that host. Or, for your own network only, put "
	"permit_mynetworks (and permit_sasl_authenticated) before "
	"reject_unknown_sender_domain and reject_non_fqdn_sender in "
	"smtpd_sender_restrictions; remote servers may still refuse a sender domain that "
	"does not exist.",
	"The lines cannot show whether the address is one machine of yours or a NAT gateway "
	"in front of Internet clients (then the sender is a stranger's)."},
    [F_IN_OWN_LOGIN_REQUIRED] = {
	"smtpd refused the sender address of a client on this server's own network (loopback, "
	"a private or Docker address) or on a submission service with \"Sender address "
	"rejected: not logged in\": the address belongs to a login in "
	"smtpd_sender_login_maps, and reject_sender_login_mismatch (or "
	"reject_unauthenticated_sender_login_mismatch) lets only that login, after SMTP AUTH, "
	"send as it. The client did not log in: a web application, a container, a script or "
	"a device of yours set up to send without authentication. Its mail stays with it.",
	"Make the program log in (SMTP AUTH as the login that owns the address, on port 587 "
	"with STARTTLS, or 465), or let it send as an address no login owns. Putting "
	"permit_mynetworks before reject_sender_login_mismatch in smtpd_sender_restrictions "
	"also lets it through, but then every host in mynetworks may send as any of your "
	"users: keep mynetworks to the hosts you run.",
	"The lines cannot show whether the address is one machine of yours or a NAT gateway "
	"(Docker's) in front of Internet clients: then the sender is a stranger forging your "
	"user's address, and the refusal is right."},
    [F_IN_LOCAL_LOGIN_REQUIRED] = {
	"smtpd refused the sender address of a client on loopback (127.0.0.1 or ::1) with "
	"\"Sender address rejected: not logged in\": a program on this very host (a webmail "
	"such as Roundcube, SOGo or SnappyMail, a CMS or shop, a script) connected without "
	"SMTP AUTH and sent as an address that smtpd_sender_login_maps gives to a login; "
	"reject_sender_login_mismatch (or reject_unauthenticated_sender_login_mismatch) lets "
	"only that login send as it. The program's own SMTP settings are at fault (no "
	"login, or port 25 where it should use 587), often after an upgrade or a move. Its "
	"mail stays with it: the user sees an error or nothing.",
	"Set the program's SMTP settings to log in as the user (Roundcube: smtp_user '%u' "
	"and smtp_pass '%p' on port 587 with STARTTLS), or let it send as an address no "
	"login owns. Putting permit_mynetworks before reject_sender_login_mismatch in "
	"smtpd_sender_restrictions also lets it through, but then every program and local "
	"user of this host may send as any of your users.",
	"The log does not name the program: the web server's or the application's own log at "
	"the same time does. A local proxy or relay that connects from loopback for others "
	"(a content filter's return path, HAProxy without the PROXY protocol) would stand "
	"for clients elsewhere."},
    [F_IN_LOGIN_MAP_OWN_ADDRESS] = {
	"smtpd refused a logged-in user's mail with \"<ADDRESS>: Sender address rejected: not "
	"owned by user ADDRESS\": the login and the sender are the same address, yet "
	"reject_sender_login_mismatch (or reject_authenticated_sender_login_mismatch) found no "
	"entry giving that address to that login. The user's mail client is right; the "
	"lookup of smtpd_sender_login_maps is not: an SQL or LDAP query that returns another "
	"form of the name (a uid without the domain, a different case), an alias table used "
	"in its place, a map not rebuilt (postmap) after the user was added. Every mail of "
	"that user is refused.",
	"Ask the map what it answers: postmap -q ADDRESS followed by the table named in "
	"smtpd_sender_login_maps (postconf smtpd_sender_login_maps); it must return the exact "
	"SASL login name (as in sasl_username=). Fix the query or the table (postmap it), and "
	"check smtpd_sasl_local_domain, which can add a domain to the login.",
	"The line shows the refusal, not the map's answer: postmap -q tells what the table "
	"returns."},
    [F_IN_OWN_POSTSCREEN_REFUSED] = {
	"postscreen refused the mail of a client whose address is on this server's own "
	"network (loopback or a private address): most often one of your own applications "
	"or containers that sends through port 25 and failed one of postscreen's tests "
	"(it sent EHLO before the greeting: PREGREET, then \"550 5.5.1 Protocol error\"; or "
	"a pipelining or bare-newline test). Its mail does not get in.",
	"Let your own clients past postscreen: postscreen_access_list = permit_mynetworks "
	"(with the container network in mynetworks), or have the application submit on port "
	"587 or 465 with a login, where postscreen does not run; or fix the client so that it "
	"waits for the greeting. Then postfix reload.",
	"If the address is a Docker or NAT gateway (often the .1 of the network) that stands "
	"for clients on the Internet, postscreen rightly refuses the bots behind it: do not "
	"exempt it; keep the real addresses instead (host networking, or the PROXY protocol: "
	"postscreen_upstream_proxy_protocol)."},
};
