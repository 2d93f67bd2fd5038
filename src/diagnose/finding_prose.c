/*
 * finding_prose.c - the words of the server's own findings (services,
 * tables, backends, TLS, the queue): what the lines mean, the next step,
 * and what the lines cannot show.  Outbound delivery's words are in
 * finding_prose_out.c, inbound mail's in finding_prose_in.c, this host's
 * own delivery's in finding_prose_local.c, the lives of master's daemons
 * in finding_prose_master.c.  One row per
 * FINDINGS row in one of the five tables (a unit test checks that none
 * is missing).  Kept
 * apart from the decision (rules.c) so that the words can change, or be
 * translated, without touching it.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_table[F__COUNT] = {
    [F_SASL_BACKEND_DOWN] = {
	"smtpd cannot connect to its SASL authentication backend: Dovecot's auth socket "
	"(smtpd_sasl_path, usually private/auth) is missing or refuses, saslauthd is not "
	"running or its socket may not be opened, or Cyrus SASL's smtpd.conf names a "
	"pwcheck_method it does not have (\"unknown password verifier\"). Every login fails, "
	"so users cannot send mail; their failed logins are not their fault.",
	"Start the backend (systemctl status dovecot / saslauthd) and check that its socket "
	"is where smtpd looks, inside Postfix's queue directory when smtpd runs chrooted: "
	"Dovecot's /var/spool/postfix/private/auth (its unix_listener with user postfix, and "
	"smtpd_sasl_path = private/auth), Debian's saslauthd in "
	"/var/spool/postfix/var/run/saslauthd. On \"Permission denied\" the postfix user may "
	"not open the socket: adduser postfix sasl for saslauthd, the listener's user, group "
	"and mode for Dovecot. With Cyrus's sasldb (\"unable to open Berkeley db "
	"/etc/sasldb2\") the backend is that file: let the postfix user read it (chgrp "
	"postfix /etc/sasldb2; chmod 640 /etc/sasldb2) and, chrooted, copy it to "
	"/var/spool/postfix/etc/sasldb2.",
	"The lines do not show why the backend is down; its own log does (journalctl -u "
	"dovecot)."},
    [F_SASL_BACKEND_FAILS] = {
	"smtpd refused logins with a temporary failure because its SASL backend failed, "
	"not because of a wrong password: \"Connection lost to authentication server\" or "
	"\"Can't connect to authentication server\" (Dovecot's auth process died, restarted "
	"or did not answer within smtpd's 10 seconds), \"generic failure\" or \"remote "
	"authentication server unavailable\" (Cyrus SASL: saslauthd or its backend not "
	"answering). The password was never checked: the clients that met it are not "
	"guessing, and no other failure of theirs says so.",
	"Look at the backend's own log at the times shown (journalctl -u dovecot: an auth "
	"process killed or restarting, \"auth client ... disconnected with pending "
	"requests\"; journalctl -u saslauthd). A slow password database (LDAP, SQL) makes "
	"Dovecot's auth answer after smtpd's 10 seconds: check it and Dovecot's auth worker "
	"limits; check that the auth socket smtpd uses (smtpd_sasl_path, private/auth) is "
	"Dovecot's auth-client listener.",
	"Clients that also failed ordinary logins are judged by those (Dovecot delays the "
	"answers to a guessing address, auth_penalty, which smtpd may take for a lost "
	"connection): they are not counted here."},
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
    [F_MAP_MISSING] = {
	"A lookup table that the configuration names cannot be opened (the file is missing, "
	"or its .db was never built). Postfix answers with a temporary error wherever the "
	"table is used, so mail in that path is refused or deferred.",
	"Create the file (an empty one is enough for a check_*_access table) and run postmap "
	"on it for hash:/lmdb:/btree:/cdb: tables (texthash: needs no postmap), or remove the "
	"reference from main.cf/master.cf; then postfix reload.",
	NULL},
    [F_MAP_TEMP_FAILURE] = {
	"smtpd refused mail with \"451 4.3.0 <ADDRESS>: Temporary lookup failure\": a lookup "
	"in one of this server's tables (an access map, virtual_alias_maps, "
	"virtual_mailbox_maps, relay_recipient_maps, or the database behind one of them) "
	"returned an error instead of an answer. The sending server is not at fault: every "
	"sender whose mail needs that table is refused while it lasts, and real servers "
	"retry later, so mail is delayed. Address verification's \"450 4.1.1 ... unverified "
	"address: Address lookup failure\" (reject_unverified_recipient) is the same: its "
	"probe could not resolve this server's own address, for a table or DNS lookup failed here.",
	"Read the warning lines of smtpd, trivial-rewrite, cleanup or proxymap just before "
	"the refusal: they name the table (a .db that was never built, a database server "
	"down, a proxymap table not approved). Test it with postmap -q ADDRESS "
	"TYPE:/etc/postfix/FILE, fix it, then postfix reload.",
	NULL},
    [F_VERIFY_SOFT] = {
	"smtpd's address verification (reject_unverified_recipient, or "
	"reject_unverified_sender) asked the next hop about an address, the next hop refused "
	"it for good (the 5xx reply quoted after \"said:\"), and smtpd still answered the "
	"client with a temporary 450 \"unverified address\": unverified_recipient_reject_code "
	"(unverified_sender_reject_code for senders) is at its default, 450. The sending "
	"server retries for days an address that does not exist, and its sender hears of it "
	"only when it gives up; a harvester keeps trying too.",
	"Once verification works as intended (the refusals quoted are real: addresses that do "
	"not exist), set unverified_recipient_reject_code = 550 (unverified_sender_reject_code "
	"= 550 for senders), then postfix reload. Keep 450 while the next hop is still being "
	"set up: a mistake there would then refuse good mail for good.",
	"The probe's answer is the next hop's: whether the address should exist is the "
	"mailbox server's to say."},
    [F_VERIFY_PROBE_LOCAL] = {
	"smtpd's address verification (reject_unverified_recipient, or "
	"reject_unverified_sender) checks an address by sending a probe through this server's "
	"own delivery path, and refuses the client's mail when the probe fails. Here the probe "
	"failed on this server, before any other server was asked: its reason (the key) is "
	"this server's own. \"mail for DOMAIN loops back to myself\": the domain is in no "
	"address class that delivers it here, or in two (myhostname or mydestination and a "
	"virtual or relay domain), so the probe leaves by SMTP for the domain's MX, which is "
	"this host. \"unknown mail transport error\" or \"mail transport unavailable\": a "
	"transport named by transport_maps or a *_transport setting is not in master.cf, or "
	"its table was not rebuilt. Mail for or from that address is refused although the "
	"address may well exist; the senders are not at fault.",
	"See the probe's cause with sendmail -bv ADDRESS (Postfix mails you its delivery "
	"report) and postmap -q ADDRESS on each table it names. Fix that cause: list the "
	"domain in one address class only (postconf mydestination myhostname "
	"virtual_mailbox_domains relay_domains), or define the transport in master.cf and "
	"postmap the transport table, then postfix reload. Then drop the failed answers the "
	"verify cache keeps: postfix stop, remove the address_verify_map file "
	"(/var/lib/postfix/verify_cache.db by default), postfix start; or wait for "
	"address_verify_negative_expire_time (3 days).",
	"Until the cache forgets it, the old answer keeps refusing mail after the fix: the "
	"reason quoted is the one the cache holds, perhaps from before a change."},
    [F_MAP_SYNTAX] = {
	"Postfix found a line it cannot use in a lookup table: a regular expression that does "
	"not compile, a missing delimiter or replacement, an unknown option in a regexp or pcre "
	"table (header_checks, body_checks, access maps), a bad network in a cidr table, or a "
	"key listed twice in a table postmap builds. The line is skipped (or the second key "
	"ignored), so that rule does not do what it says. An address list of main.cf "
	"(mynetworks, postscreen_access_list: a list, not a table) with a bad entry, a network "
	"with host bits set (\"127.0.0.1/8\") or a '[' without its ']', makes every check "
	"through that list fail: smtpd answers 451 4.3.0 Temporary lookup failure. Or the "
	"database refused the query of a mysql: or pgsql: table (\"error in your SQL syntax\", an unknown column or "
	"table): the server answers, but every lookup in that table fails.",
	"Fix the line or the query the warning names (a regexp, pcre or cidr table at its line "
	"number, an SQL table's query in its .cf file); test it with postmap -q "
	"\"text\" regexp:/etc/postfix/header_checks (or pcre:, cidr:), then postfix reload. "
	"For a duplicate key, keep one line and run postmap on the table again. For an SQL "
	"table, fix the query line of its .cf file (the quotes around the key's placeholder, column and "
	"table names) and test it with postmap -q \"user@example.com\" mysql:/etc/postfix/FILE.cf. "
	"For an address list, write the entry the warning names as Postfix wants it "
	"(127.0.0.0/8; brackets only around an IPv6 address, [::1]/128, never around the "
	"list), check with postconf mynetworks, then postfix reload.",
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
	"temporarily; with accept it passes unsigned or unfiltered. A milter that takes the "
	"connection and fails the first exchange (\"can't read SMFIC_OPTNEG reply packet "
	"header\", \"read error in initial handshake\") is as good as absent: another service "
	"listens on that port, or the milter drops new connections.",
	"Start the milter (systemctl status opendkim / rspamd) and check that it listens "
	"where smtpd_milters / non_smtpd_milters say (ss -ltnp) and that the port is the "
	"milter's own (rspamd: its proxy worker in milter mode, 11332, not the normal worker "
	"on 11333); inside the chroot a unix "
	"socket must be under /var/spool/postfix. On \"Permission denied\" the milter runs but "
	"the postfix user may not open its socket: add postfix to the milter's group (adduser "
	"postfix opendkim) and let the group use the socket (UMask 007 in opendkim.conf), then "
	"restart both. On \"Cannot assign requested address\" the name localhost gave ::1 where "
	"IPv6 is off (a container): name the milter inet:127.0.0.1:PORT.",
	NULL},
    [F_MILTER_CRASHED] = {
	"The milter broke off while Postfix was talking to it (it closed or reset the "
	"connection, or did not answer within milter_*_timeout): the milter crashed or hangs. "
	"milter_default_action decides what happens to the mail: tempfail (the default) "
	"refuses it with 4.7.1 \"Service unavailable - try again later\", accept lets it "
	"through unsigned or unscanned.",
	"Look at the milter's own log and the kernel log (segfaults); update or restart it. "
	"Set milter_default_action to decide what happens to mail meanwhile.",
	"\"bad protocol information\", \"unexpected reply\" or a complaint about the protocol "
	"version means the milter answered, but not in the milter protocol: another program "
	"listens on its port (ss -ltnp shows which), or milter_protocol is higher than the "
	"milter supports; it need not have crashed."},
    [F_MILTER_TEMPFAIL] = {
	"smtpd answered its clients \"451 4.7.1 Service unavailable - try again later\": a "
	"milter failed (it does not answer, crashed or timed out: its own finding says which) "
	"and milter_default_action is tempfail, Postfix's default. Incoming mail is refused "
	"while the milter is down: senders retry, their mail is delayed and bounces back to "
	"them after their retry limit (often five days). The clients are not at fault.",
	"Bring the milter back: systemctl status opendkim or rspamd, and its own finding "
	"tells what fails. If mail must flow while it is down, set milter_default_action = accept (mail "
	"then passes unsigned or unfiltered) and postfix reload.",
	NULL},
    [F_DKIM_SIGN] = {
	"OpenDKIM, the milter that signs this server's outgoing mail, left messages unsigned. "
	"\"no signing table match\" (or \"no signing domain match\") names a sender whose domain "
	"its SigningTable or Domain list does not hold; \"key data is not secure\" and \"error "
	"loading key\" are a private key it refuses: the file, or a directory above it, can be "
	"written or read by another user than OpenDKIM's and root (with RequireSafeKeys false "
	"it only warns and still signs). Unsigned mail fails DKIM at the receivers and, when the "
	"domain publishes DMARC, may be refused or put in the spam folder.",
	"For a missing entry: add the sender's domain to the SigningTable and KeyTable (or "
	"Domain) that opendkim.conf names, with its key; for a refused key: give the key file to "
	"the opendkim user with mode 600 and make no directory above it writable by others (ls "
	"-ld on each). Restart OpenDKIM and send a test message to a DKIM checker.",
	NULL},
    [F_FILTER_DOWN] = {
	"Postfix hands mail to a content filter on this host (content_filter, e.g. Amavis on "
	"127.0.0.1:10024) and cannot reach it (the connection is refused or times out, or its "
	"host name does not resolve): mail stays in the queue.",
	"Start the filter (systemctl status amavis) or, if it was removed on purpose, remove "
	"content_filter from main.cf and the -o content_filter overrides in master.cf, then "
	"postqueue -f.",
	NULL},
    [F_LMTP_DOWN] = {
	"Delivery to the mailboxes (LMTP to Dovecot or similar) cannot reach its server: the "
	"socket or port does not answer, or its host name does not resolve. Mail for local "
	"users stays in the queue.",
	"Start the mailbox server (systemctl status dovecot), check its LMTP listener "
	"matches virtual_transport / mailbox_transport, then postqueue -f. When the lines say "
	"\"Host not found\", the host name in the transport must resolve on this host (in a "
	"container or a cluster, the mailbox service's name as its DNS knows it: getent hosts "
	"NAME).",
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
    [F_PROXY_FILTER_DOWN] = {
	"smtpd hands each message to a filter before it accepts it (smtpd_proxy_filter in "
	"master.cf, e.g. Amavis or a DKIM signer on 127.0.0.1:10024), and the filter refused "
	"the connection, timed out or hung up. smtpd then answers the client with a temporary "
	"error, so mail through that smtpd is refused while the filter is down.",
	"Start the filter (systemctl status amavis) and check that it listens where "
	"smtpd_proxy_filter points (ss -ltnp); raise smtpd_proxy_timeout if it is only slow; "
	"or remove the -o smtpd_proxy_filter override from master.cf and postfix reload.",
	NULL},
    [F_DOMAIN_DOUBLE] = {
	"A domain is listed in two address classes (the warning names both). Postfix gives "
	"it the first of them only, in this order: mydestination (this host's Unix accounts "
	"and aliases), virtual_alias_domains, virtual_mailbox_domains, relay_domains; the "
	"other setting is ignored for that domain. With mydestination first, its virtual "
	"mailboxes are refused as \"User unknown in local recipient table\"; with "
	"virtual_alias_domains first, every address without an alias is refused as \"User "
	"unknown in virtual alias table\".",
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
    [F_PICKUP_DOWN] = {
	"Mail submitted locally (sendmail, postdrop) cannot reach the pickup service; it "
	"waits in the maildrop directory.",
	"Start Postfix (postfix status) and check the pickup line in master.cf; the mail is "
	"picked up once it runs.",
	NULL},
    [F_TLS_KEY] = {
	"The server cannot use its TLS key or certificate (none configured, missing file, wrong permissions, "
	"or a key that does not match the certificate), so it offers no TLS. Clients that "
	"require TLS cannot send, and logins on port 587 fail.",
	"Check smtpd_tls_chain_files (or smtpd_tls_cert_file/smtpd_tls_key_file): they are set, the files "
	"exist, are readable by root, and the key matches the certificate "
	"(openssl x509 -noout -pubkey -in CERT vs openssl pkey -pubout -in KEY).",
	"A TLS setting beside the certificate turns TLS off the same way: a CA file that does "
	"not load (smtpd_tls_CAfile, \"cannot load Certificate Authority data\"), a digest the "
	"TLS library lacks (smtpd_tls_fingerprint_digest, \"Digest algorithm not found\"), a protocol name this "
	"Postfix does not know (smtpd_tls_protocols, \"Invalid TLS protocol list\"), a cipher list that matches no "
	"cipher (tls_high_cipherlist, smtpd_tls_ciphers, smtpd_tls_exclude_ciphers: \"no cipher match\", then \"invalid TLS cipher list ... aborting TLS session\" for each client; postconf -d shows the defaults): fix the setting the warning names."},
    [F_TLS_SETTINGS_IN] = {
	"Several different clients, or a large provider's server, started TLS and the "
	"handshake failed because they and this server have no protocol version or cipher in "
	"common (\"no shared cipher\", \"unsupported protocol\", \"wrong version number\"). "
	"One client doing this is a scanner or an old server; many different ones, or one of "
	"Gmail's, Microsoft's or Yahoo's servers (they speak every current TLS version), "
	"point at this server's TLS settings: "
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
    [F_DISK_FULL] = {
	"A file system of this host is full: the operating system answered \"No space left on "
	"device\" when Postfix wrote a queue file (postdrop's maildrop file for sendmail, "
	"cleanup's queue file for mail from smtpd) or when local or virtual delivery wrote a "
	"mailbox. While it lasts, mail submitted on this host fails, smtpd refuses mail with "
	"452 4.3.1, and delivery into the mailboxes waits. Not a permission problem, not a "
	"user's quota: the disk (or its inodes) is used up.",
	"Find the full file system and free space on it: df -h /var/spool/postfix /var/mail "
	"(and df -i for inodes); the usual culprits are logs, a deferred queue that grows "
	"(postqueue -p | tail -1; remove junk with postsuper -d), backups and core files. Then "
	"postqueue -f. Keep a margin above queue_minfree.",
	"The lines do not show what filled the disk."},
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
    [F_DELAY_BEFORE_QMGR] = {
	"Delivered mail's delays=a/b/c/d says where its time went (Postfix's log_adhoc.c): a is "
	"the time before the queue manager: the client's transmission, a before-queue milter "
	"or content filter (smtpd_milters, smtpd_proxy_filter), cleanup, and the wait in the "
	"incoming queue. Here a was 30 seconds or more for five or more messages from two or "
	"more clients, on their first delivery attempt (a retried message's a holds its time "
	"in the deferred queue, and is not counted): not one client's slow link, but this "
	"server taking long to accept and queue mail; or 15 minutes or more for one message "
	"submitted on this host, where no client's link can be the cause.",
	"Check the before-queue milters and filters (their own logs and timings: a spam or "
	"virus scanner at its process limit, a DNS lookup inside a milter), the disk under the "
	"queue (iostat; a full or slow file system), and the incoming queue (qshape incoming: "
	"mail piling up there means the queue manager cannot keep up, or qmgr is not running).",
	"The lines do not tell which of these steps took the time; a slow client sending large "
	"messages adds to a too, which is why one client's messages are not enough."},
    [F_DELAY_IN_QMGR] = {
	"Delivered mail's delays=b (the second part of delays=a/b/c/d) is the time a message "
	"spent in the active queue waiting for a delivery agent. Here it was 60 seconds or more "
	"for five or more messages, or 15 minutes or more for one: deliveries wait for a free process of their transport or "
	"for their destination's concurrency (default_destination_concurrency_limit, "
	"a transport's _destination_rate_delay), usually because slow or failing destinations "
	"hold the agents. qmgr's warning about a congested active queue "
	"(active-queue-congested), when present, is the same problem at its worst.",
	"See which destinations the waiting mail is for (the recipient domains here, and "
	"qshape active); lower smtp_connect_timeout and smtp_helo_timeout so that dead "
	"servers free the agents quickly, raise the transport's maxproc in master.cf or its "
	"destination concurrency when the remote side allows it, and check a rate delay set on "
	"purpose.",
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
    [F_TLS_SCACHE] = {
	"tlsmgr cannot open the TLS session cache (smtpd_tls_session_cache_database or "
	"smtp_tls_session_cache_database, a btree: or lmdb: file in data_directory): the "
	"file was written by another Berkeley DB or LMDB version (\"File exists\" after an "
	"upgrade or a new container image), it is damaged, or its directory is not writable. "
	"TLS still works, only without resuming sessions; no mail is lost.",
	"Stop Postfix, delete the cache file the line names (it is only a cache: Postfix "
	"creates it again), check that data_directory belongs to postfix (postfix "
	"set-permissions), then start Postfix.",
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
	"socket path must lie inside /var/spool/postfix, or use TCP to 127.0.0.1. A server "
	"name that does not resolve (\"Unknown MySQL server host\", \"Unknown server host\", "
	"\"could not translate host name\") is this host's name lookup, not the database: a "
	"chrooted daemon reads /var/spool/postfix/etc/resolv.conf and hosts (copy them, or "
	"write the address in hosts =). Test with postmap -q KEY TYPE:/etc/postfix/FILE.cf, "
	"then postfix reload.",
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
    [F_POSTFIX_CANNOT_START] = {
	"The master daemon, which starts every other Postfix process, or the postfix command "
	"that starts it, stopped on a fatal error: its lock file cannot be opened (the data "
	"directory belongs to another user, a volume mounted with the wrong owner), main.cf "
	"holds a value it refuses (myhostname an IP address, an unrendered template, two "
	"values where one is allowed), master.cf names a port that /etc/services lacks "
	"(\"Servname not supported\"), or the host's limits are unreadable. Until it runs, "
	"Postfix receives and delivers nothing: every port is closed and mail waits on the "
	"senders' side.",
	"Fix what the fatal line names (postfix set-permissions, or chown -R postfix of the "
	"data directory; the main.cf value; a port number instead of a service name in "
	"master.cf), run postfix check, then postfix start (systemctl start postfix) and "
	"check with postfix status that it stays up.",
	NULL},
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
	"without the s, or a parameter of a later Postfix than this one, copied from a newer "
	"guide), a parameter or restriction that this version removed, sets the same "
	"parameter twice (\"overriding earlier entry\": only the last one counts), lists a "
	"restriction after one that always decides (\"restriction `X' after `permit' is "
	"ignored\"), or turns on SASL or TLS that this build lacks. What the admin meant is "
	"not in effect.",
	"Run postconf -n and postconf -nf to see what is really in effect, fix the name (postconf "
	"-d NAME says whether this Postfix knows it; postconf(5) says since which version a "
	"parameter exists, and mail_version which this one is), keep a single entry of each parameter, and replace a "
	"removed one as the warning says; then postfix reload. For \"not compiled in\", install "
	"a Postfix package built with SASL or TLS. For a SASL restriction where AUTH is off "
	"(\"ignored: no SASL support\": smtpd_sasl_auth_enable = no, as on port 25 on purpose), "
	"the mail is not affected: move the restriction to the submission services' "
	"-o smtpd_sender_restrictions in master.cf to silence it.",
	NULL},
    [F_CONFIG_DEPRECATED] = {
	"Postfix warns that a parameter or restriction of main.cf or master.cf is deprecated "
	"(\"support for parameter X will be removed; instead, specify Y\", Postfix 3.9 and "
	"later: smtpd_use_tls, smtp_use_tls, smtpd_tls_dh1024_param_file, "
	"smtpd_tls_eecdh_grade...). The setting still takes effect today: nothing is broken. "
	"A later Postfix release will not know it, and then it will do nothing.",
	"Replace each name as the warning says before the next upgrade (smtpd_use_tls = yes "
	"becomes smtpd_tls_security_level = may, smtp_use_tls = yes becomes "
	"smtp_tls_security_level = may; \"do not specify\" means delete the line), check with "
	"postconf -n, then postfix reload.",
	NULL},
    [F_MAIL_HELD] = {
	"This server accepted the mail (the sender was told it was taken) and then put it in "
	"the hold queue instead of delivering it: a header_checks or body_checks rule whose "
	"action is HOLD, an access table's HOLD (check_sender_access, check_client_access...), "
	"or a milter's quarantine. Held mail is neither delivered nor bounced; it waits until "
	"someone releases or deletes it (postqueue -p marks it with '!').",
	"Look at the held mail (postqueue -p; postcat -vq QUEUEID), release what is wanted "
	"(postsuper -H QUEUEID, or postsuper -H ALL hold) and delete the rest (postsuper -d "
	"QUEUEID hold). If the rule holds wanted mail, narrow it (the key is its text), then "
	"postfix reload.",
	"Mail held before the log starts does not show here (postqueue -p shows it); when every "
	"message held in the log was released (postsuper -H) or deleted (postsuper -d) in it, "
	"nothing is said. A HOLD rule on the Received: header holds every message on purpose "
	"when MailScanner takes mail from the hold queue: then only mail that stays held (its "
	"MailScanner stopped) is a problem."},
    [F_MAIL_DISCARDED] = {
	"This server accepted the mail and then threw it away without delivering it or telling "
	"anyone: the sender was told it was taken. A header_checks or body_checks rule whose "
	"action is DISCARD, an access table's DISCARD, a milter's discard, or a transport that "
	"is discard(8) (its deliveries say status=sent, relay=none). Usually on purpose (spam, "
	"a no-reply address); when the mail was wanted, it is lost.",
	"If wanted mail is among these (the examples show its sender and the rule), change the "
	"rule to REJECT, so that the sender is told, or to HOLD, so that it can be released; or "
	"take the address out of the discard transport. Then postfix reload.",
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
    [F_IN_DATA_STALLS] = {
	"Several unrelated mail servers (with names that resolve) got past MAIL FROM and RCPT "
	"TO, then timed out or hung up while sending the message itself (\"timeout after DATA "
	"(N bytes)\", \"lost connection after END-OF-MESSAGE\"), and most of their messages "
	"did not arrive: that mail waits in their queues and bounces after some days. One "
	"server doing so is its own problem; many at the same stage point at this side: large "
	"packets lost on the way in (a firewall or VPN link with a smaller MTU that blocks "
	"ICMP \"fragmentation needed\"), a firewall's SMTP inspection, a before-queue filter "
	"(smtpd_proxy_filter) or milter too slow at the end of the data, or a slow or full "
	"disk.",
	"Send a large test message from outside (swaks --server THIS-HOST --to USER --attach "
	"FILE of a few MB) and watch where it stops; check the firewall for SMTP or ESMTP "
	"inspection, the MTU of the interfaces on the way (ip link) and that ICMP type 3 code "
	"4 is allowed; compare the milters' and filters' times with milter_content_timeout and "
	"smtpd_proxy_timeout; check the free space of the queue (df -h /var/spool/postfix).",
	"A few drops during the data are normal (clients that give up, spam software): this is "
	"said only when three or more named servers stall and their stalls are a fifth or more "
	"of the named clients' DATA commands."},
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
    [F_IN_GREYLIST_RETRIES] = {
	"The greylisting refused a sender and recipient again ten minutes or more after it "
	"first refused them: longer than the usual greylisting delay (5 minutes for postgrey, "
	"sqlgrey and rspamd). Either the greylist did not record the first try (its database "
	"is not writable, was lost, or is not shared between the servers that answer), or its "
	"delay is longer than the sender's retries, or the sender retries from other addresses "
	"of its pool while the greylist keys on the address (large providers and mailing "
	"services do). The sender is not at fault: its mail waits, and may give up after days.",
	"Check the greylisting service's own log and database (postgrey's, Redis for rspamd, "
	"sqlgrey's tables: writable, kept across restarts, one database for every server), its "
	"delay and how it keys a sender (postgrey --lookup-by-subnet keys on the /24); let the "
	"large providers and the mailing services you expect through its whitelist.",
	"If the sender got in later (a delivery of the same message), this was only a long "
	"delay; milter-greylist's default delay is 30 minutes, and retries refused within it "
	"are its normal working."},
    [F_PS_DEEP_PROVIDERS] = {
	"postscreen's after-greeting tests (pipelining, non-SMTP, bare newline) told 450 4.3.2 "
	"to three or more addresses of one large provider (Gmail, Microsoft, Yahoo: known by "
	"their published networks and their HELO names). Such a provider sends from a large "
	"pool and retries from another address, which postscreen has not seen yet and defers "
	"again: its mail can wait hours, and some gives up. The clients told the same that are "
	"not the provider's are in the same lines.",
	"Let large providers skip the tests: score them as good, postscreen_dnsbl_sites = "
	"list.dnswl.org=127.0.[0..255].[1..3]*-5 with postscreen_dnsbl_allowlist_threshold = -1 "
	"(postscreen_dnsbl_whitelist_threshold before Postfix 3.6), or permit their networks "
	"in postscreen_access_list (a cidr: table of the ranges in their SPF records); or turn "
	"the after-greeting tests off (postscreen_pipelining_enable, "
	"postscreen_non_smtp_command_enable and postscreen_bare_newline_enable = no).",
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
	"found a symbolic link that leaves the configuration directory, queue_minfree is "
	"smaller than 1.5 times message_size_limit (smtpd checks the free space against the "
	"larger of the two anyway), or postfix start found Postfix already running.",
	"Nothing to do. To silence them: inet_protocols = ipv4 on a host without IPv6, "
	"alias_maps without nis: (alias_maps = hash:/etc/aliases), bounce_queue_lifetime no "
	"larger than maximal_queue_lifetime, queue_minfree = 0 or at least 1.5 times "
	"message_size_limit.",
	NULL},
    [F_LOG_LINES_DROPPED] = {
	"The system logger says it threw lines away: systemd-journald's \"Suppressed N "
	"messages from postfix...\" (its RateLimitBurst per service, 10000 lines in 30 "
	"seconds on recent systemd, 1000 on older), rsyslog's \"imuxsock ... lost N "
	"messages\" (a limit per process on /dev/log) or \"imjournal: N messages lost due "
	"to rate-limiting\" (the limit on what it reads from the journal). Postfix itself "
	"worked as its other lines show; only the log is incomplete. The number after each "
	"logger's name is the sum of what its lines say it dropped. Near those times a session may lack its connect or its "
	"disconnect line and a message its delivery or removed line: a hole in the log, "
	"not a hostile client and not lost mail.",
	"Let the logger keep Postfix's lines: in /etc/systemd/journald.conf raise "
	"RateLimitBurst (or set RateLimitIntervalSec=0), then systemctl restart "
	"systemd-journald; for rsyslog, raise or turn off imjournal's ratelimit.interval "
	"and ratelimit.burst, or imuxsock's SysSock.RateLimit.Interval (the old "
	"$SystemLogRateLimitInterval 0 and $IMUXSockRateLimitInterval 0), and restart "
	"rsyslog. With Postfix 3.4 or later, maillog_file = /var/log/postfix.log and the "
	"postlog service in master.cf write the log without syslog and its limits.",
	"Rsyslog's count, and journald's when its line names no service, covers every "
	"program's dropped lines, Postfix's among them or not; what the dropped lines held "
	"no tool can tell, so the counts, verdicts and summary of those minutes are short."},
    [F_LOG_LINES_DOUBLED] = {
	"Many lines of this log are the same as the line just before them, byte for byte: "
	"time, host, process ID and words. Postfix logs each event once; two copies in a "
	"row come from the logging: two rules of rsyslog.conf (or a file in "
	"/etc/rsyslog.d) that both write the mail facility to this file, journald "
	"forwarding to syslog while rsyslog also reads the journal, or two syslog daemons. "
	"Mail is not affected, but every count read from this file (sessions, messages, "
	"refusals, pflogsumm's totals) is twice the truth.",
	"Find what writes this file twice: grep -rn mail /etc/rsyslog.conf /etc/rsyslog.d/ "
	"and keep one rule that writes mail.* to it; with rsyslog reading the journal "
	"(imjournal), set ForwardToSyslog=no in /etc/systemd/journald.conf, or drop "
	"imuxsock, so that a line does not arrive twice. Restart rsyslog and check that "
	"new lines appear once.",
	"Only copies next to each other are seen; a line whose copy is further away, or a "
	"doubled line of another host, is not counted."},
    [F_OTHER_WARNING] = {
	"Postfix logged warnings that no finding above explains.",
	"Read them: postfix check and postconf -n help with most.",
	NULL},
};
