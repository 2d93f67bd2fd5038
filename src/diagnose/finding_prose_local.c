/*
 * finding_prose_local.c - the words of this host's own delivery findings
 * (the local, virtual and pipe agents: mailboxes, their limits and
 * permissions, local users, aliases, .forward files, mailbox commands;
 * cleanup's address maps that cannot be applied, and what this server's
 * own REDIRECT, WARN, BCC... rules did to mail they let through):
 * what the lines mean, the next step, and what the lines cannot show.
 * The other findings' words are in finding_prose.c, finding_prose_in.c,
 * finding_prose_master.c and finding_prose_out.c; finding_prose_en()
 * reads all five.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_local[F__COUNT] = {
    /* the TLS library this host's Postfix runs with (its package, not a peer) */
    [F_TLS_LIB_MISMATCH] = {
	"When a Postfix daemon starts TLS it compares the OpenSSL library it runs with to the "
	"OpenSSL headers it was compiled against (\"run-time library vs. compile-time header "
	"version mismatch\"): here they differ. A newer patch release of the same version is "
	"usually harmless; another minor or major version can make TLS fail in ways that look "
	"like the peers' fault (handshakes that break, daemons that stop). It comes from how "
	"Postfix was installed on this host: OpenSSL upgraded without the Postfix package built "
	"for it, or a Postfix built by hand against another OpenSSL. No client causes it.",
	"Install the Postfix package built for the OpenSSL this system has (upgrade both from "
	"the distribution together), or rebuild Postfix against the installed OpenSSL; "
	"postconf mail_version and openssl version show the two. Then postfix reload and test "
	"a handshake: openssl s_client -connect localhost:25 -starttls smtp.",
	"Handshake failures logged beside it are not all its doing: read their clients (a "
	"test site such as internet.nl offers old protocol versions on purpose).",
    },
    [F_FORWARD_FILE] = {
	"The local delivery agent would not use a .forward file or an :include: file of the "
	"aliases: it is writable by everyone, not a regular file, owned by another user, "
	"unreadable by the account delivery runs as, named by a relative path, or nested too "
	"deep. Mail to an alias with such an :include: file bounces (5.3.5 \"mail system "
	"configuration error\"); a .forward file that cannot be used is skipped, so the "
	"mail stays in the local mailbox instead of being forwarded.",
	"Fix the file the warning names: owned by the user (or root), not writable by "
	"others (chmod 644), a plain file, readable by the user it is delivered as (for an "
	":include: file, the owner of the aliases file or default_privs); write :include: "
	"paths in full (:include:/etc/postfix/lists/staff). Nothing needs a reload.",
	NULL},
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
    [F_OWN_LDA_ACCESS] = {
	"Postfix hands the mail to Dovecot's delivery agent (mailbox_command = "
	"/usr/lib/dovecot/deliver or dovecot-lda, or a pipe transport in master.cf), and the "
	"agent stops on \"Permission denied\" or \"Operation not permitted\" (its own words, "
	"after \"Command output:\"). The agent runs with the rights Postfix gives it: "
	"mailbox_command as the recipient (mail for root as default_privs, nobody), a pipe as "
	"its user= attribute. That user may not open a socket of Dovecot (stats-writer, "
	"auth-userdb), write the mail home, or switch to mail_privileged_group. The mail waits "
	"in the queue (4.3.0) or bounces; the senders and the mailbox's owner did nothing wrong.",
	"Give the user the agent runs as what the output names: for \"stats-writer\" or "
	"\"auth-userdb\" the socket's group and mode in Dovecot (service stats { "
	"unix_listener stats-writer { group = vmail; mode = 0660 } }, the same for auth-userdb "
	"in service auth), for a directory its owner (chown -R the mail home to the user or "
	"to mail_uid), for setegid the group in mail_privileged_group. Mail for root: alias "
	"root to a real user in /etc/aliases and run newaliases, the agent cannot write /root. "
	"Virtual users: run the pipe as the mailboxes' owner (user=vmail). Then systemctl "
	"reload dovecot and postqueue -f.",
	"The Postfix line shows the first error the agent printed; Dovecot's own lines for the "
	"same time (dovecot: lda(USER)) name the others."},
    [F_SIEVE_FAILING] = {
	"Dovecot runs the Sieve scripts while it delivers (Pigeonhole, in LMTP or the LDA), "
	"and a script fails: \"Execution of script S was aborted due to temporary failure\" "
	"(the mail is refused for now: LMTP answers 451 4.2.0 \"Execution of Sieve filters was "
	"aborted due to temporary failure\" and it waits in Postfix's queue), \"failed, but "
	"implicit keep was successful\" (the mail went to INBOX without the user's rules), or "
	"\"Temporarily unable to access necessary Sieve scripts\" (the script's storage cannot "
	"be read). This server's mailbox server and its scripts, not the sender.",
	"Read Dovecot's own lines for the same user and time (journalctl -u dovecot or "
	"doveadm log errors): the line before the abort names the action or the script line "
	"that failed (a redirect the submission service refused, a fileinto into a folder that "
	"cannot be created, a global script in sieve_before/sieve_after that does not "
	"compile). Check the script with sievec FILE and sieve-test, and the script storage's "
	"owner (the mail user must read it; the compiled .svbin must be writable or "
	"precompiled). Then postqueue -f for the waiting mail.",
	"An abort after a message Dovecot could not store (quota, permissions) is that "
	"failure's, told by its own finding, not counted here."},
    [F_SIEVE_ACTION] = {
	"Dovecot delivered the message, and the recipient's own Sieve rules decided where: "
	"filed it into a folder other than INBOX (Junk, a list's folder), discarded it "
	"(\"discard action\": in no mailbox), forwarded it to another address (redirect) or "
	"refused it (reject). Postfix's line says \"sent\" because the mailbox server took "
	"it; the rest is the user's own filter. Nothing is broken on this server.",
	"When a user says the mail never arrived, tell them the folder or the rule shown "
	"here (their webmail's filters, ManageSieve); a global rule (sieve_before, "
	"sieve_after) is the admin's own. A forward that should not exist may be an account "
	"taken over: check the user's rules.",
	NULL},
    [F_PIPE_ONE_RCPT] = {
	"pipe(8) defers the whole delivery with 4.3.5 \"mail system configuration error\" "
	"without running its command: the transport's master.cf entry has the D flag "
	"(Delivered-To:) or the O flag (X-Original-To:), which take one recipient per "
	"delivery, and the queue manager hands it several (its "
	"TRANSPORT_destination_recipient_limit is not 1). Mail to an alias of several local "
	"users, or a message to more than one of them, waits in the queue; mail to one "
	"recipient passes. Dovecot's LDA as a pipe (flags=DRhu ... dovecot-lda -d "
	"${user}@${nexthop}) is the usual one; pipe's warning says \"pipe flag `D' requires "
	"TRANSPORT_destination_recipient_limit = 1\".",
	"Give the transport named (relay= of the line) one recipient per delivery in main.cf: "
	"postconf -e 'dovecot_destination_recipient_limit = 1' (the transport's name before "
	"_destination_recipient_limit), then postfix reload and postqueue -f. Or drop the D "
	"and O flags, or deliver to Dovecot over LMTP (virtual_transport = "
	"lmtp:unix:private/dovecot-lmtp), which takes several recipients.",
	"The same words follow a command line pipe(8) cannot expand (a misspelt ${name}); "
	"then its warning names that instead of the flag."},
    [F_OWN_SMTPUTF8] = {
	"A message flagged SMTPUTF8 (a non-ASCII address, or UTF-8 in a header of mail that "
	"smtputf8_autodetect_classes flags) was handed to this host's own mailbox delivery or "
	"content filter (LMTP to Dovecot on a socket or loopback, Amavis, a delivery daemon), "
	"and that backend does not offer SMTPUTF8, so Postfix returned the message to its "
	"sender (\"SMTPUTF8 is required, but was not offered by host\"). No remote server is "
	"involved and the sender did nothing wrong: mail to this server's own users is lost.",
	"Make the two ends agree. While the mailbox store or filter lacks SMTPUTF8 (Dovecot's "
	"LMTP and older Amavis do not offer it), set smtputf8_enable = no in main.cf (Postfix "
	"then neither offers nor requires it; docker-mailserver and mailcow ship it so) and "
	"postfix reload; if smtputf8_autodetect_classes was widened to all, set it back to its "
	"default (sendmail, verify). Enable SMTPUTF8 again once the backend offers it. Mail "
	"already returned is not retried: its senders must send it again.",
	"The line does not say whether the message had a non-ASCII address or only UTF-8 in a "
	"header; the returned message shows it."},
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
	"A typo of a local sender needs nothing. A name that a program or a cron job mails on "
	"purpose (a monitor's own address, root) needs an alias to a real mailbox in "
	"/etc/aliases, then newaliases. If mail from outside gets this far, make "
	"smtpd know the users: local_recipient_maps must not be empty, and "
	"virtual_mailbox_maps or virtual_alias_maps must list exactly the existing users.",
	"When a program on this host (a web site's contact form, cron) mails its own site's "
	"domain and that domain's mailboxes live on another server (its MX points elsewhere), "
	"the domain is wrongly in mydestination (often through myhostname or mydomain): take "
	"it out, and the mail goes to the MX. The lines do not show where the domain's "
	"mailboxes are: dig MX tells."},
    [F_SITE_DOMAIN_LOCAL] = {
	"Programs on this host (a web site's contact form, cron, a script calling sendmail) "
	"mail their own site's domain, and the local delivery agent bounces every such "
	"message: no such user. This server counts the domain as its own (it is in "
	"mydestination, often through myhostname or mydomain, which is also why the sender "
	"carries the same domain), so the mail never goes to the domain's own mail servers; "
	"and no mail to that domain was delivered here.",
	"Take the domain out of mydestination (postconf mydestination; give myhostname the "
	"host's own full name, such as web1.example.com, and keep localhost), then postfix "
	"reload: the mail then goes to the domain's MX. If this server should host those "
	"mailboxes after all, create the users or aliases instead. The bounced messages went "
	"back to their sender on this host: send them again.",
	"The lines do not show where the domain's mailboxes are: dig MX tells. A log holding "
	"no other delivery to the domain cannot rule out a domain really hosted here whose "
	"only mail in the log was mistyped."},
    [F_ALIAS_DB_MISSING] = {
	"The aliases database (alias_maps, alias_database: /etc/aliases.db, built from "
	"/etc/aliases) is missing or cannot be read. The local delivery agent then defers "
	"every local recipient (\"alias database unavailable\", 4.3.0), and smtpd, which "
	"reads the same table through local_recipient_maps, answers mail for local "
	"addresses with a temporary error: the mail waits in the queue or at the sender.",
	"Build the database: newaliases (postalias FILE for another file of alias_maps), "
	"then postqueue -f. If this host delivers no mail to local accounts (virtual "
	"mailboxes or LMTP only), empty alias_maps and alias_database in main.cf instead "
	"(postconf -e 'alias_maps =' 'alias_database ='), then postfix reload.",
	"The lines do not show whether local accounts get mail here at all."},
    [F_OWN_MAILBOX_ACCESS] = {
	"The local or virtual delivery agent cannot write a mailbox: the mailbox file belongs "
	"to another user than the recipient (\"is not owned by recipient\", "
	"strict_mailbox_ownership), or the mailbox, its directory or the lock file in it may "
	"not be written (\"Permission denied\"). local(8) writes as the recipient, "
	"virtual(8) as virtual_uid_maps' user: a copied, restored or container volume often "
	"keeps another owner (uid 5000, root). The mail waits in the queue (4.2.0) or "
	"bounces.",
	"Give the mailbox back to its user: chown USER:mail /var/mail/USER (mbox; the spool "
	"directory /var/mail must let local create lock files: root:mail, mode 2775 or "
	"1777), or chown -R to the uid and gid of virtual_uid_maps / virtual_gid_maps for "
	"Maildirs. For a system account that should not get mail here (root, amavis, "
	"nobody), alias it to a real mailbox in /etc/aliases and run newaliases. Then "
	"postqueue -f.",
	"The lines do not show who owns the file now (ls -ln the path named)."},
    [F_ALIAS_COMMAND_AS_USER] = {
	"Local delivery was handed an address whose name is a command (\"| program\") or a "
	"file (\"/path\"), and looked it up as a user: \"unknown user\". Postfix runs a "
	"command or writes a file only when it is the target of an entry in alias_maps (or a "
	".forward file); a mailing list's aliases (Mailman, Sympa, schleuder) put in "
	"virtual_alias_maps, or in a table of virtual_mailbox_maps, only rewrite the address "
	"into the command's text, which local then takes as a user name.",
	"Put the list's command aliases in an aliases file that alias_maps names (and run "
	"newaliases or postalias on it), and map the list's virtual addresses to those local "
	"names (list@example.org -> list in virtual_alias_maps); or give the list software "
	"its own pipe transport in master.cf and route its domain there with transport_maps.",
	NULL},
    [F_ALIAS_TARGET_UNKNOWN] = {
	"An alias or forwarding entry of this server (aliases, virtual_alias_maps, an LDAP or "
	"SQL alias query) turned the address the sender wrote into one that this server does "
	"not know, so the mail bounces as \"User unknown\" although the address written "
	"exists. The line shows both: orig_to= is the address written, to= the alias's "
	"target.",
	"Look the alias up (postmap -q ADDRESS with the table of virtual_alias_maps, or "
	"postalias -q NAME /etc/aliases) and correct its target, or create the target's "
	"mailbox; run postmap (or newaliases) on a file table after editing it.",
	NULL},
    [F_SYSTEM_ACCOUNT_UNKNOWN] = {
	"Mail for an account of this host's own programs (root, amavis, clamav, www-data...) "
	"bounced as unknown: this server's delivery (local, virtual or the mailbox server "
	"behind LMTP) has no mailbox for it, and no alias sends its mail to a person. Such "
	"mail is the host's own notices: cron's output, the content filter's and the virus "
	"scanner's reports, a web application's errors. Nobody reads them, and each one "
	"makes a bounce.",
	"Alias the account to a mailbox someone reads: in /etc/aliases (root: "
	"admin@example.com, amavis: root) and newaliases, when the domain is this host's "
	"own (mydestination); for a domain of virtual mailboxes, in virtual_alias_maps "
	"(root@DOMAIN admin@DOMAIN) and postmap. Or turn the notices off in the program "
	"that sends them.",
	"The lines do not show who sent the message: a notice of a program on this host "
	"(pickup, 127.0.0.1) is this finding's; a message from the Internet to such an "
	"address (a spammer trying root@) is backscatter when the log shows its arrival."},
    [F_COMMAND_FAILED] = {
	"A Postfix command run by hand or by a script (postsuper, postqueue, postmap, "
	"postalias, sendmail...) stopped with an error: a usage message means wrong options, "
	"an open error means a file that does not exist. No daemon stopped, but what the "
	"command was meant to do (rebuild a table, delete or flush mail) did not happen.",
	"Run the command again with the options of its manual page (man postsuper, man "
	"postqueue, man postmap) and the right file name; check cron jobs and scripts that "
	"call Postfix commands.",
	NULL},
    [F_LOCAL_SUBMIT_BLOCKED] = {
	"A program on this host (cron, a web application's PHP mail(), a monitoring tool, a "
	"script) ran sendmail and it could not put the message into Postfix's maildrop "
	"directory: postdrop, which writes it with the set-group-ID postdrop, was refused "
	"(\"Permission denied\"), the directory is read-only for that program (\"Read-only "
	"file system\"), or sendmail could not even enter the queue directory (chdir). postdrop "
	"tries again every 10 seconds while the program waits; its mail is not in the queue. "
	"Mail over SMTP is not affected.",
	"When one service's mail fails (a systemd unit: a monitor, cron's mail on failure, a "
	"web application), its unit forbids what postdrop needs: NoNewPrivileges=yes or "
	"DynamicUser=yes drops the set-group-ID (Permission denied), ProtectSystem=strict or "
	"ReadOnlyPaths makes the maildrop read-only; allow them for that unit "
	"(NoNewPrivileges=no, ReadWritePaths=/var/spool/postfix/maildrop) or let the program "
	"send over SMTP to localhost. When every program's mail fails: ls -l /usr/sbin/postdrop "
	"/usr/sbin/postqueue must show -r-xr-sr-x root postdrop, and the maildrop directory "
	"drwx-wx--T postfix postdrop; after a reinstall or a restored copy run postfix "
	"set-permissions (postconf setgid_group must name a group that exists); /var/spool and "
	"/var/spool/postfix must be searchable by everyone (chmod 755).",
	"The line does not name the program that ran sendmail: its process ID is postdrop's; "
	"the program's own log or the journal around that time names it."},
    [F_LOCAL_MASS_MAIL] = {
	"A program on this host handed Postfix many messages through sendmail (pickup's "
	"\"uid=N from=<...>\" lines: PHP's mail(), a web application, a script, cron) to many "
	"recipient domains, and the remote servers refused or deferred a good part of them, "
	"or refused some as spam. Mail like that from the web server's uid (33, www-data, on "
	"Debian) is most often a compromised site or an abused contact form sending spam; it "
	"can also be a mass mailing the recipients do not want. Either way this server's "
	"address is getting a spammer's reputation.",
	"Find the program: the uid is the account that ran sendmail (getent passwd N); "
	"postsleuth trace QUEUEID on the first message named, and postcat -q QUEUEID on one "
	"still queued (PHP's mail.add_x_header = On writes X-PHP-Originating-Script, naming "
	"the script). Stop it (the site, the form, the cron job), remove what is still queued "
	"(postqueue -p lists it; postsuper -d QUEUEID, or postsuper -d - with the queue IDs on "
	"standard input), and look for files "
	"uploaded to the site. To keep a web server's uid from mailing at all, "
	"authorized_submit_users = !www-data, static:all.",
	"A newsletter or an application that sends much mail on purpose is not a spammer: "
	"check its list (bounces mean addresses that no longer exist) and its SPF, DKIM and "
	"DMARC before stopping it."},
    [F_LOCAL_TOO_BIG] = {
	"A message submitted on this host with sendmail or postdrop was larger than "
	"message_size_limit (or the file-size limit of the process that wrote it), and was "
	"refused: the program that sent it got an error and nothing was queued.",
	"If such messages must go out, raise message_size_limit (and mailbox_size_limit, which "
	"must not be smaller) with postconf -e, then postfix reload; otherwise ask whoever "
	"sends them to send smaller files or links.",
	NULL},
    [F_MAILBOX_LIMIT_SMALL] = {
	"The local or virtual delivery agent stopped at its start: a mailbox may not be "
	"smaller than the largest message Postfix takes, so mailbox_size_limit (local) or "
	"virtual_mailbox_limit (virtual) below message_size_limit is refused; recent "
	"releases refuse message_size_limit = 0 (no size limit) with a mailbox limit other "
	"than 0 too. master restarts the agent and throttles it: mail to this host's "
	"mailboxes waits in the queue until the setting is fixed.",
	"Make the mailbox limit at least as large as message_size_limit (postconf -n "
	"message_size_limit mailbox_size_limit virtual_mailbox_limit), e.g. postconf -e "
	"mailbox_size_limit=0 for no mailbox limit (quotas belong to Dovecot), or give "
	"message_size_limit a real value again; then postfix reload and postqueue -f. "
	"Raising message_size_limit alone, as for larger attachments, is what usually "
	"breaks this.",
	NULL},
    /* address_maps.c: cleanup's own refusal of an address its maps cannot
     * expand (cleanup_map1n.c, cleanup_map11.c) */
    [F_ALIAS_EXPANSION] = {
	"cleanup could not apply this server's address maps to a recipient (the key names "
	"the map's parameter, most often virtual_alias_maps; the lines name the address). "
	"\"map nesting\" means an alias that is rewritten again and again: a loop (two "
	"aliases pointing at each other, an alias of a catch-all domain back into itself, a "
	"domain rewritten into another that is rewritten back) or a chain deeper than "
	"virtual_alias_recursion_limit (1000). \"map expansion size\" means an alias that "
	"grows into more addresses than virtual_alias_expansion_limit (1000), \"result "
	"length\" an address longer than virtual_alias_address_length_limit. Since Postfix "
	"2.11 (\"-- message not accepted, try again later\"; 2.8 to 2.10: \"-- deferring "
	"delivery\") cleanup refuses the whole message: the sending server is told \"451 "
	"4.6.0 Alias expansion error\" and retries until it gives up and bounces it, mail "
	"from this host (sendmail, pickup) waits in the queue. Older versions delivered to the "
	"addresses found before the limit and dropped the rest. For canonical_maps the same "
	"nesting leaves the address as the last rewrite made it. The sender and the recipient "
	"are not at fault: the maps are this server's.",
	"Follow the address through the maps: postmap -q ADDRESS TYPE:TABLE for each table "
	"of the parameter (postconf virtual_alias_maps), then again with each answer, until "
	"you see it come back (the loop) or grow. Remove the loop: an alias pointing back at "
	"itself through others, a catch-all (@domain) that also catches its own targets (give "
	"real mailboxes an identity row, user@domain user@domain), a domain mapped to "
	"another and back. A list that is simply large belongs in a mailing list manager (or "
	"raise virtual_alias_expansion_limit). postmap the table, postfix reload.",
	"The refused messages are retried by their senders: once the maps are fixed they "
	"arrive, unless a sender gave up first."},
    [F_MAP_MULTI_VALUED] = {
	"A one-to-one address map of this server (canonical_maps, sender_canonical_maps, "
	"recipient_canonical_maps in cleanup; smtp_generic_maps in the SMTP client) returned "
	"several addresses for one address. These maps replace an address, they cannot "
	"multiply it: Postfix warns and uses only the first one, so the other addresses named "
	"in the entry never get the mail.",
	"To send one address's mail to several, use virtual_alias_maps (one-to-many) instead "
	"of a canonical map, or a BCC map for a copy; give the canonical or generic entry a "
	"single address. postmap the table, postfix reload.",
	NULL},
    /* rule_actions.c: what this server's rules did to mail they let through */
    [F_RULE_REDIRECTED] = {
	"A rule of this server with the REDIRECT action (header_checks, body_checks, "
	"milter_header_checks in cleanup, or an smtpd access table) matched these messages: "
	"Postfix replaced all their recipients with the address the rule names (the key). The "
	"recipients written on the envelope never get them; the deliveries that follow show "
	"the new address as to= and the written one as orig_to=. Nobody else is told. The "
	"client that sent the mail is not at fault.",
	"If the rule is meant (a quarantine address, a test), nothing to do. If it catches "
	"wanted mail, narrow its pattern (postmap -q \"Subject: ...\" pcre:/etc/postfix/"
	"header_checks shows which rule matches) or use BCC for a copy that leaves the "
	"recipients their mail; then postfix reload.",
	NULL},
    [F_RULE_NOTE] = {
	"Rules of this server acted on these messages and let them go on: WARN and INFO only "
	"logged a line, PREPEND added a header, REPLACE rewrote one, STRIP removed one, BCC "
	"sent a copy to another address (the key names it) while the recipients still got "
	"theirs. These are notes of rules doing what they were written to do, not problems.",
	"Nothing to do unless a rule is no longer wanted: then remove or narrow it "
	"(header_checks, body_checks, the access table) and postfix reload. A WARN rule is the "
	"way to test a pattern before making it REJECT or HOLD.",
	NULL},
    [F_FILTER_BLOCKED] = {
	"Amavis, this host's content filter, blocked these messages as spam, a virus or a "
	"banned attachment: they were not delivered. The braces in its line tell their fate: "
	"Discarded (dropped, nobody told), Bounced (a notice went to the sender, often a forged "
	"one: backscatter), Rejected (the sending server was refused), and Quarantined when "
	"Amavis kept a copy, named after \"quarantine:\" in the line (a file under "
	"/var/lib/amavis/virusmails, or its mail_id in an SQL quarantine). Postfix logs the "
	"same message as sent to the filter (\"250 2.7.0 Ok, discarded\" or \"..., BOUNCE\"), "
	"so a recipient who says it never arrived is right.",
	"Nothing to fix if the verdicts are right. To deliver a quarantined message after "
	"all: amavisd-release NAME (the quarantine name of its line), or fetch the file and "
	"send it on. If wanted mail is blocked, whitelist its sender, or raise the kill level "
	"($sa_kill_level_deflt; SA_KILL in docker-mailserver) or set $final_spam_destiny = "
	"D_PASS so that spam is delivered tagged instead; prefer D_DISCARD or D_REJECT to "
	"D_BOUNCE, whose notices go to forged senders. Then restart amavis.",
	"Without Quarantined in the braces no copy was kept: such a message is gone."},
};
