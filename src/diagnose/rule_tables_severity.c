/*
 * rule_tables_severity.c - the rows of the line -> finding rules for the
 * lines that are not a delivery's nor a refusal's (those are in
 * rule_tables.c): Postfix's lines with a severity (warning, error,
 * fatal, panic: the server telling about itself), the few plain lines
 * that matter, and other programs' own lines (OpenDKIM, Amavis) that
 * tell of this server's setup.  Same row shape (rules_internal.h);
 * rules.c reads them top to bottom, the first match wins.  Data only.
 */
#include "rules_internal.h"

#include <stddef.h>

/* lines with a severity: the server telling about itself */
const struct rule rule_diag[] = {
    /* ENOSPC in any Postfix daemon or command: postdrop's "mail_queue_enter:
     * create file maildrop/...: No space left on device", cleanup's queue
     * file, a fatal write error; the disk, whatever wrote to it, before
     * the rows of the daemon's own failure */
    {F_DISK_FULL, SRC_DIAG, NULL, {"No space left on device"}, NULL, K_FIXED, "No space left on device"},
    /* this host's resources, whatever the program or the call (the
     * errno text of %m): ENOMEM ("socket: Cannot allocate memory",
     * mail_connect.c's "connect #%d to subsystem %s/%s: %m", master_spawn.c's
     * "fork: %m -- throttling"), mymalloc.c's "mymalloc: insufficient memory
     * for %ld bytes: %m" and dict_mysql.c's "dict_mysql: insufficient
     * memory"; fork's EAGAIN (master_spawn.c, pipe_command.c, mail_stream.c,
     * postscreen.c, tlsproxy.c "fork: %m"); EMFILE and ENFILE
     * (event_server.c's "accept connection: %m", a table's or queue file's
     * open) and events.c's "unable to determine open file limit" and
     * "could allocate space for only %d open files"; before the rows of
     * the call that failed (a socket, a table, master's throttling) */
    {F_HOST_MEMORY, SRC_DIAG, NULL, {"Cannot allocate memory", "insufficient memory"}, NULL, K_FIXED, "Cannot allocate memory"},
    {F_HOST_FORK, SRC_DIAG, NULL, {"fork: Resource temporarily unavailable", "fork: Too many processes"}, NULL, K_FIXED, "fork: Resource temporarily unavailable"},
    {F_HOST_FILES, SRC_DIAG, NULL, {"Too many open files in system"}, NULL, K_FIXED, "Too many open files in system"},
    {F_HOST_FILES, SRC_DIAG, NULL, {"Too many open files", "unable to determine open file limit", "could allocate space for only "}, NULL, K_FIXED, "Too many open files"},
    /* scan_dir.c "scan_dir_push: open directory %s: %m" (qmgr: a fatal),
     * refused: Postfix's queue has the wrong owner (a volume, a restored
     * copy), the cause of the other daemons' failures beside it.  By
     * daemon: smtpd's warnings quote a client's words.  sendmail's or
     * postdrop's "chdir %s: %m" and mail_queue.c's "mail_queue_enter: create
     * file %s: %m" (postdrop, again every 10 s): a local program's mail */
    {F_QUEUE_FILE, SRC_DIAG, "qmgr", {"scan_dir_push: open directory "}, "Permission denied", K_FIXED, "Permission denied"},
    {F_LOCAL_SUBMIT_BLOCKED, SRC_DIAG, "sendmail", {"chdir "}, "Permission denied", K_FIXED, "Permission denied"},
    {F_LOCAL_SUBMIT_BLOCKED, SRC_DIAG, "postdrop", {"chdir "}, "Permission denied", K_FIXED, "Permission denied"},
    {F_LOCAL_SUBMIT_BLOCKED, SRC_DIAG, "postdrop", {"mail_queue_enter: create file "}, "Permission denied", K_FIXED, "Permission denied"},
    {F_QUEUE_FILE, SRC_DIAG, "postqueue", {"chdir "}, "Permission denied", K_FIXED, "Permission denied"},
    /* Postfix 3.7 names the socket: "SASL: Connect to Dovecot auth socket 'private/auth' failed: ..." */
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"SASL: Connect to Dovecot auth socket '"}, "failed", K_AFTER, "auth socket '"},
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"SASL: Connect to "}, "failed", K_AFTER, "Connect to "},
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"cannot connect to saslauthd server"}, NULL, K_NONE, NULL},
    /* xsasl_dovecot_server.c: a socket that is not Dovecot's auth-client
     * (auth-master, auth-userdb) or a Dovecot that does not speak its protocol */
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"SASL: Connected to wrong auth socket", "SASL: Couldn't send handshake", "SASL: Protocol version"}, NULL, K_FIXED, "Dovecot auth"},
    /* local/maildir.c, virtual/maildir.c: the warning beside a "maildir
     * delivery failed" deferral (the same finding, the agent its key) */
    {F_OWN_DELIVERY_FAILED, SRC_DIAG, NULL, {"maildir access problem for UID/GID="}, NULL, K_SERVICE, NULL},
    /* local/mailbox.c: the warning beside "destination %s is not owned by
     * recipient" (strict_mailbox_ownership): the mailbox file's owner */
    {F_OWN_MAILBOX_ACCESS, SRC_DIAG, NULL, {"to ignore mailbox ownership mismatch"}, NULL, K_SERVICE, NULL},
    /* mail_connect.c "connect #%d to subsystem %s/%s: %m": a daemon's
     * connection to one of Postfix's own services (public/pickup,
     * private/proxymap...) fails after retries */
    {F_INTERNAL_SERVICE, SRC_DIAG, NULL, {" to subsystem private/"}, "connect #", K_PATH, NULL},
    /* Cyrus SASL cannot read its own password file: no login can succeed */
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"unable to open Berkeley db"}, "SASL", K_PATH, NULL},
    /* xsasl_cyrus_log.c: Cyrus SASL's pwcheck_method (smtpd.conf) names a
     * method it does not have: every login fails with "generic failure" */
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"SASL authentication problem: unknown password verifier"}, NULL, K_FIXED, "Cyrus SASL pwcheck_method"},
    {F_SASL_NO_MECHS, SRC_DIAG, NULL, {"no SASL authentication mechanisms"}, NULL, K_SERVICE, NULL},
    /* xsasl_cyrus_server.c, smtpd_sasl_glue.c: Cyrus SASL offers no
     * mechanism (no plugin installed, smtpd.conf's mech_list) or does not
     * start at all; the fatal "no SASL authentication mechanisms" follows */
    {F_SASL_NO_MECHS, SRC_DIAG, NULL, {"no applicable SASL mechanisms", "xsasl_cyrus_server_get_mechanism_list: ", "SASL per-process initialization failed", "SASL per-connection server initialization: ", "SASL per-connection initialization failed", " discards all mechanisms in ", "unsupported SASL server implementation: "}, NULL, K_SERVICE, NULL},
    /* xsasl_cyrus_log.c: the library's echo of a failed login; smtpd's next line names the client */
    {F_SASL_LIB_NOTE, SRC_DIAG, "smtpd", {"Password verification failed", "checkpass failed", "no secret in database", "user not found"}, "SASL authentication failure: ", K_NONE, NULL},
    /* before the deferral: smtp_sasl_proto.c's list of the relay's mechanisms, none of which
     * smtp_sasl_mechanism_filter keeps; the library's blank login from the password table */
    {F_OUT_RELAY_NO_MECH, SRC_DIAG, "smtp", {"offered no supported AUTH mechanisms", "offered null AUTH mechanism list"}, NULL, K_NONE, NULL},
    {F_OUT_RELAY_BLANK_LOGIN, SRC_DIAG, "smtp", {"All-whitespace username"}, "SASL authentication failure: ", K_NONE, NULL},
    {F_OUT_RELAY_SASL, SRC_DIAG, "smtp", {"No worthy mechs found", "SASL authentication failed", "cannot authenticate to server"}, NULL, K_NONE, NULL},
    /* deliver_request.c "open %s %s: %m" (ENOENT only; other errors are
     * fatal) and qmgr_active.c "remove %s from %s: %m": the queue file
     * was deleted under Postfix */
    {F_QUEUE_VANISHED, SRC_DIAG, NULL, {"open active ", "from active: ", "open deferred ", "open incoming "}, "No such file or directory", K_FIXED, "active"},
    {F_QUEUE_FILE, SRC_DIAG, NULL, {"open active ", "open deferred ", "open incoming ", "open hold ", "open bounce ", "open defer ", "open trace "}, NULL, K_AFTER, "open "},
    /* DNS data of other domains (dns_lookup.c valid_rr_name, smtp_addr.c,
     * util/valid_hostname.c): the SMTP client's are its destinations' */
    {F_OUT_DNS_MALFORMED, SRC_DIAG, "smtp", {"numeric domain name in ", "malformed domain name in "}, NULL, K_AFTER, " record for "},
    {F_OUT_DNS_MALFORMED, SRC_DIAG, "smtp", {"has a valid address record"}, NULL, K_AFTER, " host for "},
    {F_OUT_DNS_MALFORMED, SRC_DIAG, "smtp", {"valid_hostname: "}, NULL, K_FIXED, "valid_hostname"},
    {F_IN_REMOTE_DNS, SRC_DIAG, NULL, {"does not resolve to address ", "address not listed for hostname "}, NULL, K_FIXED, "reverse DNS does not match"},
    {F_IN_REMOTE_DNS, SRC_DIAG, NULL, {"valid_hostname: ", "numeric domain name in ", "malformed domain name in ", "has a valid address record"}, NULL, K_FIXED, "malformed DNS data"},
    /* smtp_proto.c: the next hop answers with this server's own name (a
     * loop when it is this host; the delivery line says "loops back") */
    {F_OUT_LOOP, SRC_DIAG, "smtp", {"greeted me with my own hostname ", "replied to HELO/EHLO with my own hostname "}, NULL, K_CONNHOST, NULL},
    /* postscreen_dnsbl.c, dnsblog.c: a blocklist that does not answer */
    {F_IN_DNSBL_TIMEOUT, SRC_DIAG, NULL, {"dnsblog reply timeout "}, NULL, K_AFTER, "s for "},
    {F_IN_DNSBL_TIMEOUT, SRC_DIAG, "dnsblog", {"lookup error for DNS query "}, NULL, K_DNSBL_ZONE, "lookup error for DNS query "},
    /* the same line pasted without its program name: dnsblog.c's own
     * function name says whose it is (not a lookup table's, below) */
    {F_IN_DNSBL_TIMEOUT, SRC_DIAG, NULL, {"dnsblog_query: lookup error for DNS query "}, NULL, K_DNSBL_ZONE, "lookup error for DNS query "},
    /* postscreen_dict.c: a time-critical lookup averages over 100 ms */
    {F_PS_SLOW, SRC_DIAG, "postscreen", {" average delay is "}, NULL, K_PATH, NULL},
    /* master_avail.c: three lines for one event */
    {F_PROCESS_LIMIT, SRC_DIAG, "master", {"has reached its process limit", "to avoid this condition, increase the process count", "STRESS_README.html for"}, NULL, K_NONE, NULL},
    /* Postfix's own helper services (scache_clnt.c, attr_clnt.c for
     * anvil and tlsmgr, postscreen's dnsblog and proxywrite) */
    {F_INTERNAL_SERVICE, SRC_DIAG, NULL, {"problem talking to service ", "problem talking to server private/anvil", "problem talking to server private/tlsmgr", "dnsblog service", "service private/proxy", "service private/scache"}, NULL, K_PATH, NULL},
    {F_INTERNAL_SERVICE, SRC_DIAG, NULL, {"disabling connection caching"}, NULL, K_FIXED, "private/scache"},
    /* postfix-script (postfix check): "$queue_directory/$path and /$path differ" */
    {F_CHROOT_STALE, SRC_DIAG, "postfix-script", {" differ"}, " and /", K_PATH, NULL},
    /* bounce_template.c: a time printed in a unit it does not fill */
    {F_BOUNCE_TEMPLATE, SRC_DIAG, "bounce", {"template conversion of parameter", "time unit \"", "see the bounce(5) manual"}, NULL, K_NONE, NULL},
    /* dict_regexp.c, dict_pcre.c, dict_cidr.c "TYPE map %s, line %d: ...";
     * dict_dbm.c, dict_cdb.c "%s: duplicate entry" */
    {F_MAP_SYNTAX, SRC_DIAG, NULL, {"regexp map ", "pcre map ", "cidr map ", "regexp file ", "pcre file "}, ", line ", K_PATH, NULL},
    {F_MAP_SYNTAX, SRC_DIAG, NULL, {": duplicate entry: "}, NULL, K_PATH, NULL},
    /* cidr_match.c: "non-null host address bits in \"%s\", perhaps you
     * should use \"%s\" instead" (mynetworks, a cidr: table, an access
     * list): the entry is refused, and a lookup through it fails */
    {F_MAP_SYNTAX, SRC_DIAG, NULL, {"non-null host address bits in \""}, NULL, K_AFTER, "bits in \""},
    /* match_list.c: "%s: missing ']' character after \"%s\"" (a list
     * such as mynetworks written with brackets around its entries): the
     * list's lookups fail, 451 4.3.0 Temporary lookup failure */
    {F_MAP_SYNTAX, SRC_DIAG, NULL, {"missing ']' character after \""}, NULL, K_AFTER, "after \""},
    /* smtpd.c "Illegal address syntax from %s in %s command: %s" */
    {F_IN_ADDR_SYNTAX, SRC_DIAG, "smtpd", {"Illegal address syntax from "}, NULL, K_CLIENT, NULL},
    /* cleanup_strerror.c's text in sendmail's fatal, postdrop's EFBIG */
    {F_LOCAL_TOO_BIG, SRC_DIAG, NULL, {"message file too big", "File too large"}, NULL, K_NONE, NULL},
    /* harmless notes: inet_proto.c's warnings (its fatal is none: rules.c), postscreen_endpt.c, dict_nis.c, qmgr.c, postfix-script */
    {F_BENIGN_NOTICE, SRC_DIAG, NULL, {"disabling IPv6 name/address support", "IPv6 support is disabled", "configuring for IPv4 support only"}, NULL, K_FIXED, "inet_protocols"},
    {F_BENIGN_NOTICE, SRC_DIAG, "postscreen", {"getpeername: "}, "dropping this connection", K_FIXED, "getpeername"},
    {F_BENIGN_NOTICE, SRC_DIAG, NULL, {"NIS domain name not set - NIS lookups disabled"}, NULL, K_FIXED, "dict_nis"},
    {F_BENIGN_NOTICE, SRC_DIAG, "qmgr", {"bounce_queue_lifetime is larger than maximal_queue_lifetime"}, NULL, K_FIXED, "bounce_queue_lifetime"},
    {F_BENIGN_NOTICE, SRC_DIAG, "postfix-script", {"symlink leaves directory"}, NULL, K_FIXED, "postfix check"},
    /* smtpd.c: queue_minfree below 1.5*message_size_limit; the free-space
     * check at MAIL FROM takes the larger of the two anyway */
    {F_BENIGN_NOTICE, SRC_DIAG, "smtpd", {"should be at least 1.5*message_size_limit"}, "queue_minfree", K_FIXED, "queue_minfree"},
    {F_MAP_STALE, SRC_DIAG, NULL, {"is older than source file"}, NULL, K_PATH, NULL},
    {F_MAP_UNAPPROVED, SRC_DIAG, NULL, {"request for unapproved table", "to approve this table", "service is not configured for table"}, NULL, K_PATH, NULL},
    {F_MAP_CORRUPT, SRC_DIAG, NULL, {"dict_db_sequence", "DB_RUNRECOVERY", "seeking ", "database is corrupt", "bad magic", "DB->", "initializing cursor for ", "MDB_CORRUPTED", "MDB_PAGE_NOTFOUND", "MDB_INVALID"}, NULL, K_PATH, NULL},
    /* a table's type not in this Postfix (dict_open.c, mkmap_open.c, 3.11's
     * nbdb_surrogate.c: key the type), and dynamicmaps.c's plugin list
     * skipped for its owner or mode (its types are then unsupported) */
    {F_MAP_TYPE, SRC_DIAG, NULL, {"unsupported dictionary type: ", "unsupported map type", "Berkeley DB support for '"}, NULL, K_MAPTYPE, NULL},
    {F_MAP_PLUGINS_SKIPPED, SRC_DIAG, NULL, {"dynamicmaps.cf"}, " -- skipping this file", K_PATH, NULL},
    /* the database answered and refused the query of the table's .cf
     * file (MySQL's "You have an error in your SQL syntax", "Unknown
     * column", "Table ... doesn't exist"; PostgreSQL's "syntax error at
     * or near", "column ... does not exist"): the query is wrong, the
     * server is up; and the other refusals of the statement itself:
     * a feature this server version lacks, "Reference 'X' not supported
     * (forward reference in item list)", "Column 'X' in where clause is
     * ambiguous", "Illegal mix of collations", "Unknown table") */
    {F_MAP_SYNTAX, SRC_DIAG, NULL, {"error in your SQL syntax", "Unknown column ", "doesn't exist", "syntax error at or near", "does not exist", "not supported", "is ambiguous", "Illegal mix of collations", "Unknown table "}, "query failed", K_FIXED, "SQL query"},
    /* dict_sqlite.c's fatal "sqlite:FILE: SQL prepare failed: no such
     * table: T" (or column, or a syntax error): the query again */
    {F_MAP_SYNTAX, SRC_DIAG, NULL, {"SQL prepare failed"}, "sqlite:", K_FIXED, "SQL query"},
    /* dict_ldap.c "dict_ldap_lookup: Search error %d: %s": the directory
     * answered; "No such object" (32: search_base names no entry), "Bad
     * search filter" (87), "Invalid DN syntax" (34), "Undefined attribute
     * type" (17) are the table's .cf file; any other error the server's */
    {F_MAP_SYNTAX, SRC_DIAG, NULL, {"No such object", "Bad search filter", "Invalid DN syntax", "Undefined attribute type"}, "Search error ", K_FIXED, "LDAP query"},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"dict_ldap_lookup: Search error "}, NULL, K_FIXED, "LDAP"},
    /* "table lookup problem", "query failed" of a table served by a
     * database server (dict_mysql.c, dict_pgsql.c, dict_ldap.c): the
     * server, not a file; keyed by the type, which fold_map_type
     * gives to F_MAP_TYPE when the type itself is not supported */
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"table lookup problem", " lookup error for ", ": query failed"}, "mysql:", K_FIXED, "MySQL"},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"mysql query failed"}, NULL, K_FIXED, "MySQL"},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"table lookup problem", " lookup error for "}, "pgsql:", K_FIXED, "PostgreSQL"},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"table lookup problem", " lookup error for "}, "ldap:", K_FIXED, "LDAP"},
    /* dict_sockmap.c: "table socketmap:unix:PATH:NAME lookup error: %m",
     * then the map's "socketmap:...:NAME lookup error for \"KEY\"": a
     * socketmap table is a server (Mailu's podop, postsrsd), and it does
     * not answer; keyed by its socket (not a file to postmap), a TCP one
     * ("socketmap:inet:HOST:PORT:NAME": an MTA-STS or DANE resolver) by
     * the words after "socketmap:" */
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {" lookup error"}, "socketmap:", K_PATH, "socketmap:"},
    /* tlsmgr's TLS session caches (smtpd_/smtp_/lmtp_tls_session_cache_
     * database): "btree:.../smtpd_scache is unavailable. open database
     * ...: File exists" (a file of another Berkeley DB version): TLS goes
     * on without session reuse; not a table mail needs, nor a service
     * to start: the file to delete */
    {F_TLS_SCACHE, SRC_DIAG, NULL, {"_scache is unavailable", "_scache.db: "}, NULL, K_PATH, NULL},
    /* tls_dane.c "DANE TLSA lookup problem: ...", smtp_tls_policy.c "TLS
     * policy lookup for D/H: TLSA lookup error for H:25": the warnings
     * before the deferral "TLSA lookup error" (a rule_out row);
     * before the tables' " lookup error for " */
    {F_OUT_DANE, SRC_DIAG, "smtp", {"DANE TLSA lookup problem", "TLSA lookup error for "}, NULL, K_NONE, NULL},
    /* smtp_tls_policy.c: the policy table's answer cannot be used
     * ("smtp_tls_policy_maps, next-hop destination \"D\": invalid
     * attribute name: ...", "... malformed attribute/value pair ...",
     * "... attribute \"match\" has empty value"), then "TLS policy
     * lookup for D/H: client TLS configuration problem" */
    {F_OUT_TLS_POLICY, SRC_DIAG, NULL, {"_tls_policy_maps, next-hop destination ", "client TLS configuration problem"}, NULL, K_NONE, NULL},
    /* the aliases database (alias_maps: hash:/etc/aliases, "open database
     * /etc/aliases.db: ..."), and local/alias.c's "hash:/etc/aliases:
     * lookup of 'root' failed": newaliases builds it, not postmap; a
     * file named aliases in any directory ("/aliases"), not a virtual
     * alias table ("/virtual_aliases", "mysql-aliases.cf") */
    {F_ALIAS_DB_MISSING, SRC_DIAG, NULL, {"open database ", "table lookup problem", " is unavailable", ": lookup of '", " lookup error for "}, "/aliases", K_PATH, NULL},
    /* the caches Postfix makes itself, not postmap (postscreen_cache_map,
     * address_verify_map: "error: open database
     * /var/lib/postfix/postscreen_cache.db: No such file or directory",
     * "btree:.../verify_cache is unavailable"): their directory is
     * missing or not postfix's, and the daemon that needs one stops */
    {F_CACHE_CANNOT_OPEN, SRC_DIAG, NULL, {"open database ", " is unavailable"}, "/postscreen_cache", K_PATH, NULL},
    {F_CACHE_CANNOT_OPEN, SRC_DIAG, NULL, {"open database ", " is unavailable"}, "/verify_cache", K_PATH, NULL},
    {F_MAP_MISSING, SRC_DIAG, NULL, {"open database ", "table lookup problem", " is unavailable", "open lookup table", " lookup error for "}, NULL, K_PATH, NULL},
    /* dict_stream.c "open %s: %m", the file tables' (regexp:, pcre:,
     * cidr:, texthash:) own line as dict_surrogate logs it ("error: open
     * /etc/postfix/helo.regexp: No such file or directory", fatal in a
     * daemon that allows no surrogate): alone, before or without the
     * "TYPE:/path is unavailable" warning (keyed by the path, the same
     * group) */
    {F_MAP_MISSING, SRC_DIAG, NULL, {"open /"}, ": No such file or directory", K_PATH, NULL},
    /* a table whose server does not answer: dict_ldap.c, dict_mysql.c,
     * dict_pgsql.c, dict_tcp.c */
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"Unable to connect to LDAP server", "Unable to bind to server ", "Can't contact LDAP server"}, NULL, K_FIXED, "LDAP"},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"connect to mysql server "}, NULL, K_AFTER, "connect to mysql server "},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"connect to pgsql server "}, NULL, K_AFTER, "connect to pgsql server "},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"pgsql query failed"}, NULL, K_FIXED, "PostgreSQL"},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"read TCP map reply"}, NULL, K_FIXED, "tcp:"},
    /* dict_tcp.c "connect to TCP map %s: %m": the tcp: table's server
     * (a policy daemon's SRS or lookup port) does not listen */
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"connect to TCP map "}, NULL, K_AFTER, "connect to TCP map "},
    /* local/alias.c, local/dotforward.c, virtual's maps: "TYPE:NAME:
     * lookup of 'KEY' failed" (the table could not be read) */
    {F_MAP_MISSING, SRC_DIAG, NULL, {"map lookup problem", "lookup failure", ": lookup of '"}, NULL, K_PATH, NULL},
    /* smtp_connect.c: "smtp_connect_addr: bind ADDR: Cannot assign requested address" */
    {F_OUT_BIND_ADDRESS, SRC_DIAG, "smtp", {"smtp_connect_addr: bind "}, NULL, K_AFTER, "bind "},
    /* own_inet_addr.c: "parameter inet_interfaces: no local interface found for ::1" */
    {F_NO_SUCH_INTERFACE, SRC_DIAG, NULL, {"no local interface found for "}, NULL, K_AFTER, "found for "},
    /* inet_listen.c "bind %s port %s: %m" with EADDRNOTAVAIL: the same, said by master */
    {F_NO_SUCH_INTERFACE, SRC_DIAG, NULL, {"Cannot assign requested address", "Can't assign requested address"}, "bind ", K_AFTER, "bind "},
    /* smtp_connect.c, dict_mysql.c: getservbyname() inside a chroot without etc/services */
    {F_CHROOT_MISSING, SRC_DIAG, NULL, {"unknown service: "}, "/tcp", K_AFTER, "unknown service: "},
    /* smtpd_check.c fail_required(): "in parameter smtpd_relay_restrictions
     * or smtpd_recipient_restrictions, specify at least one working
     * instance of: reject_unauth_destination, ..." (Postfix 2.9 and older:
     * "parameter \"smtpd_recipient_restrictions\": specify ..."): smtpd
     * will not run as an open relay, so every smtpd exits at start */
    {F_RELAY_GUARD_MISSING, SRC_DIAG, "smtpd", {"specify at least one working instance of"}, "restrictions", K_FIXED, "smtpd_relay_restrictions"},
    /* postfix-script's stop/reload/flush/drain, and its start that failed
     * (master's own fatal line before it says why); postqueue.c, sendmail */
    {F_POSTFIX_DOWN, SRC_DIAG, NULL, {"the Postfix mail system is not running", "Mail system is down -- accessing queue directly", "mail system startup failed", "Queue report unavailable - mail system is down"}, NULL, K_NONE, NULL},
    /* smtpd_check.c: a name in smtpd_*_restrictions it does not know (a
     * typo, a restriction of a newer Postfix): mail gets 451 4.3.5 */
    {F_IN_CONFIG_PROBLEM, SRC_DIAG, "smtpd", {"unknown smtpd restriction: \""}, NULL, K_AFTER, "restriction: \""},
    /* smtpd_check.c: a restriction's table written without its type, and
     * an access table that answers OK where Postfix forbids it
     * (forbid_allowlist, three lines): reject_server_error, 451 4.3.5 */
    {F_IN_CONFIG_PROBLEM, SRC_DIAG, "smtpd", {": need maptype:mapname"}, "bad argument \"", K_AFTER, "restriction "},
    {F_IN_CONFIG_PROBLEM, SRC_DIAG, "smtpd", {"this is not allowed for security reasons", "use DUNNO instead of OK if you want to make an exception"}, NULL, K_FIXED, "restriction returns OK"},
    {F_IN_CONFIG_PROBLEM, SRC_DIAG, "smtpd", {" returns OK for "}, "restriction ", K_FIXED, "restriction returns OK"},
    /* qmgr_entry.c: one destination holds a fifth or more of the active
     * queue, and the advice lines that follow the warning */
    {F_QUEUE_CONGESTED, SRC_DIAG, "qmgr", {" active queue entries", "this may slow down other mail deliveries", "you may need to ", "so that Postfix quickly skips", "so that Postfix wastes less time", "so that Postfix can make more parallel", "please avoid flushing the whole queue", "lots of deferred mail, that is bad for performance", "to turn off these warnings specify: qmgr_clog_warn_time"}, NULL, K_NONE, NULL},
    /* postconf_unused.c, smtpd_check.c, dict.c, smtpd.c, smtp.c: a
     * setting that does nothing (a typo, a removed name, a second entry) */
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {": unused parameter: "}, NULL, K_PARAM, ": unused parameter: "},
    /* postconf_user.c: "undefined parameter: NAME": master.cf or main.cf
     * uses $NAME that nothing defines (a tutorial's mua_*_restrictions):
     * it expands to nothing, the option it feeds is not what was meant */
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {": undefined parameter: "}, NULL, K_PARAM, ": undefined parameter: "},
    /* postconf's and smtpd_check.c's deprecation (Postfix 3.9 and later):
     * "support for parameter \"%s\" will be removed; instead, %s": the
     * name still works (before the row of names already removed) */
    {F_CONFIG_DEPRECATED, SRC_DIAG, NULL, {"support for parameter ", "support for restriction \""}, " will be removed", K_FIXED, "deprecated name"},
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {"support for parameter ", "support for restriction \""}, " removed", K_FIXED, "removed name"},
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {": overriding earlier entry: "}, NULL, K_PARAM, ": overriding earlier entry: "},
    /* master_ent.c at postfix reload: "service %s: ignoring %s change"
     * and "to change %s, stop and start Postfix" (inet_interfaces,
     * inet_protocols): the new value waits for a stop and a start */
    {F_CONFIG_IGNORED, SRC_DIAG, "master", {"ignoring inet_interfaces change", "ignoring inet_protocols change", ", stop and start Postfix"}, NULL, K_FIXED, "changed at reload: needs postfix stop and start"},
    /* smtpd_check.c: "restriction `%s' after `%s' is ignored" (after permit, reject...) */
    {F_CONFIG_IGNORED, SRC_DIAG, "smtpd", {"' is ignored"}, "restriction `", K_FIXED, "restriction never reached"},
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {"but SASL support is not compiled in", "but TLS support is not compiled in"}, NULL, K_FIXED, "not compiled in"},
    /* smtpd_check.c "restriction `%s' ignored: no SASL support": a SASL
     * restriction on a service where AUTH is off (smtpd_sasl_auth_enable
     * = no, as on port 25 on purpose), seldom a build without SASL */
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {"' ignored: no SASL support"}, NULL, K_FIXED, "SASL restriction where AUTH is off"},
    /* local/unknown.c: mail to postmaster or MAILER-DAEMON discarded */
    {F_POSTMASTER_ALIAS, SRC_DIAG, "local", {"required alias not found: "}, NULL, K_AFTER, "not found: "},
    /* cleanup_message.c: "%s: message rejected: hopcount exceeded" */
    {F_MAIL_LOOP, SRC_DIAG, "cleanup", {"message rejected: hopcount exceeded"}, NULL, K_FIXED, "too many hops"},
    /* local/alias.c's warning before the bounce above: the same loop */
    {F_MAIL_LOOP, SRC_DIAG, "local", {"alias database loop for "}, NULL, K_FIXED, "local"},
    /* local/include.c, dotforward.c: an :include: file (the alias bounces)
     * or a .forward file (skipped) that local will not use */
    {F_FORWARD_FILE, SRC_DIAG, "local", {":include: file ", "cannot open include file ", ":include: nesting limit exceeded", " uses a relative path", "cannot find :include: file owner"}, NULL, K_PATH, NULL},
    {F_FORWARD_FILE, SRC_DIAG, "local", {" is world writable", " has bad owner uid ", " is not a regular file", "cannot open file "}, "file ", K_PATH, NULL},
    /* match_list.c: "open file %s: %m": a "/file/name" entry of a list
     * (mynetworks, a *_domains list) whose file is missing ("/32" left
     * by an address that came out empty); after local's "cannot open
     * file" of a .forward, which holds the same words */
    {F_MAP_MISSING, SRC_DIAG, NULL, {"open file /"}, NULL, K_AFTER, "open file "},
    /* postfix-script (postfix check, postfix start) */
    {F_FILE_PERMISSIONS, SRC_DIAG, "postfix-script", {"not owned by ", "group or other writable: ", "not set-gid or not owner+group+world executable: "}, NULL, K_PATH, NULL},
    /* qmgr_deliver.c: a delivery agent that died or is not Postfix's (a
     * master.cf command line wrong); its own fatal line says why */
    {F_DAEMON_FATAL, SRC_DIAG, "qmgr", {" socket: malformed response"}, NULL, K_PATH, NULL},
    {F_DAEMON_FATAL, SRC_DIAG, "qmgr", {"failure -- see a previous warning/fatal/panic logfile record"}, "transport ", K_AFTER, "transport "},
    /* smtp_sasl_glue.c: "QID: smtp_sasl_password_maps lookup error": the
     * password table failed (its own lines before, of the same process,
     * name it: causes.c tells this line as theirs); the SMTP client then
     * defers with "local data error while talking to" the relay */
    {F_OUT_LOCAL_ERROR, SRC_DIAG, "smtp", {"smtp_sasl_password_maps lookup error"}, NULL, K_NONE, NULL},
    /* smtp.c: SASL on, but no password table */
    {F_OUT_RELAY_SASL, SRC_DIAG, "smtp", {"smtp_sasl_password_maps"}, NULL, K_FIXED, "smtp_sasl_password_maps"},
    /* master.c: a second master (postfix start while it runs) */
    {F_BENIGN_NOTICE, SRC_DIAG, "master", {"master.lock: unable to set exclusive lock"}, NULL, K_FIXED, "already running"},
    /* postfix-script: a postfix command it does not know ("error:
     * unknown command: 'restart'", then "fatal: usage: postfix start (or
     * stop, ...)"): the command typed did nothing, no daemon stopped */
    {F_COMMAND_FAILED, SRC_DIAG, "postfix-script", {"unknown command: '", "usage: postfix "}, NULL, K_FIXED, "postfix"},
    /* postfix-script: postfix start while it runs */
    {F_BENIGN_NOTICE, SRC_DIAG, "postfix-script", {"the Postfix mail system is already running"}, NULL, K_FIXED, "already running"},
    {F_MILTER_DOWN, SRC_DIAG, NULL, {"connect to Milter service "}, NULL, K_AFTER, "Milter service "},
    /* milter8.c: smtpd_milters names no usable endpoint (a typo) */
    {F_MILTER_DOWN, SRC_DIAG, NULL, {"Milter service needs transport:endpoint instead of \""}, NULL, K_AFTER, "instead of \""},
    {F_MILTER_DOWN, SRC_DIAG, NULL, {"in Milter service: "}, "invalid transport name: ", K_AFTER, "in Milter service: "},
    /* milter8.c's connect: the endpoint takes the connection, then the
     * option negotiation gets no answer ("can't read SMFIC_OPTNEG reply
     * packet header", "read error in initial handshake"): no milter
     * serves there (another service's port: rspamd's normal worker on
     * 11333 for its proxy's 11332) or it drops new connections; no
     * message reached it, as when the connection is refused */
    {F_MILTER_DOWN, SRC_DIAG, NULL, {"can't read SMFIC_OPTNEG", "can't write SMFIC_OPTNEG", "read error in initial handshake", "write error in initial handshake"}, "milter ", K_AFTER, "milter "},
    {F_MILTER_CRASHED, SRC_DIAG, NULL, {"can't read SMFIC", "read error", "unexpected EOF", "timeout", "can't read", "can't write", "Connection reset", "EOF while reading", "error writing command", "write error", "packet length", "malformed reply"}, "milter ", K_AFTER, "milter "},
    /* milter8.c: a milter that breaks the protocol (a bug, another
     * service on its port): Postfix stops talking to it as after a crash */
    {F_MILTER_CRASHED, SRC_DIAG, NULL, {"unexpected filter response ", "unexpected reply ", "bad protocol information", "no protocol version information", "unexpected protocol version"}, "milter ", K_AFTER, "milter "},
    {F_TRANSPORT_MISSING, SRC_DIAG, NULL, {"connect to transport "}, NULL, K_AFTER, "connect to transport "},
    {F_TRANSPORT_MISSING, SRC_DIAG, NULL, {"unknown mail transport", "unknown transport"}, NULL, K_NONE, NULL},
    /* spawn(8) runs the policy servers of master.cf (policyd-spf...):
     * one that exits or dies is a policy service down */
    {F_POLICY_DOWN, SRC_DIAG, "spawn", {"exit status ", "killed by signal "}, "command ", K_PATH, NULL},
    /* attr_scan*.c "%s on %s while reading input attribute name": a
     * service that hung up or timed out mid-answer; Postfix's own helpers
     * first, then a policy server's socket */
    {F_INTERNAL_SERVICE, SRC_DIAG, "smtpd", {" on private/anvil ", " on private/tlsmgr ", " on private/scache ", " on private/proxymap ", " on private/proxywrite "}, " while reading input attribute", K_PATH, NULL},
    {F_POLICY_DOWN, SRC_DIAG, "smtpd", {"premature end-of-input on ", "timeout on "}, " while reading input attribute", K_AFTER, " on "},
    {F_POLICY_DOWN, SRC_DIAG, NULL, {"problem talking to server "}, NULL, K_AFTER, "problem talking to server "},
    /* attr_clnt.c, auto_clnt.c: smtpd's connection to a service of its
     * own; Postfix's own helpers first, then a policy server's socket */
    {F_INTERNAL_SERVICE, SRC_DIAG, "smtpd", {"connect to private/anvil", "connect to private/tlsmgr", "connect to private/scache", "connect to private/proxymap", "connect to private/proxywrite"}, NULL, K_PATH, NULL},
    /* smtpd_proxy.c: the before-queue filter (smtpd_proxy_filter) refuses
     * the connection, times out or hangs up; smtpd answers the client 451
     * (before the policy row: "connect to " is its prefix too) */
    {F_PROXY_FILTER_DOWN, SRC_DIAG, "smtpd", {"connect to proxy filter "}, NULL, K_AFTER, "connect to proxy filter "},
    {F_PROXY_FILTER_DOWN, SRC_DIAG, "smtpd", {"timeout talking to proxy "}, NULL, K_AFTER, "timeout talking to proxy "},
    {F_PROXY_FILTER_DOWN, SRC_DIAG, "smtpd", {"lost connection with proxy "}, NULL, K_AFTER, "lost connection with proxy "},
    /* auto_clnt.c "connect to PATH: %m" from a daemon that asks no
     * policy server, only tables: the server of a socketmap table
     * (its "lookup error" lines follow, keyed the same) */
    {F_MAP_SERVER_DOWN, SRC_DIAG, "trivial-rewrite", {"connect to /"}, NULL, K_PATH, NULL},
    {F_MAP_SERVER_DOWN, SRC_DIAG, "cleanup", {"connect to /"}, NULL, K_PATH, NULL},
    {F_MAP_SERVER_DOWN, SRC_DIAG, "proxymap", {"connect to /"}, NULL, K_PATH, NULL},
    {F_POLICY_DOWN, SRC_DIAG, "smtpd", {"connect to "}, NULL, K_AFTER, "connect to "},
    {F_DOMAIN_DOUBLE, SRC_DIAG, NULL, {"do not list domain "}, " in BOTH ", K_AFTER, "do not list domain "},
    {F_BIND_IN_USE, SRC_DIAG, NULL, {"Address already in use"}, "bind ", K_AFTER, "port "},
    /* master_conf.c: "duplicate master.cf entry for service \"%s\" (%s) -- using the last entry" */
    {F_MASTER_DUPLICATE, SRC_DIAG, "master", {"duplicate master.cf entry for service "}, NULL, K_AFTER, "for service \""},
    {F_DAEMON_THROTTLED, SRC_DIAG, NULL, {"bad command startup -- throttling"}, NULL, K_PATH, NULL},
    /* master_spawn.c "%s: fork: %m -- throttling": no process to start */
    {F_DAEMON_THROTTLED, SRC_DIAG, "master", {": fork: "}, "-- throttling", K_PATH, NULL},
    /* master_spawn.c's "process %s pid %d killed by signal %d": a crash
     * (11, 6) or a kill (9), not a fatal error the daemon wrote */
    {F_DAEMON_CRASHED, SRC_DIAG, "master", {"killed by signal"}, "process ", K_PATH, NULL},
    {F_DAEMON_CRASHED, SRC_DIAG, "", {"killed by signal"}, "process /", K_PATH, NULL},
    {F_DAEMON_FATAL, SRC_DIAG, "master", {"killed by signal", "exit status"}, "process ", K_PATH, NULL},
    /* master_spawn.c's "process %s pid %d exit status %d" pasted without
     * its tag (a web UI's table keeps only the level and the text): the
     * full path of a daemon is master's alone */
    {F_DAEMON_FATAL, SRC_DIAG, "", {"killed by signal", "exit status"}, "process /", K_PATH, NULL},
    {F_IN_NO_STORAGE, SRC_DIAG, NULL, {"not enough free space in mail queue"}, NULL, K_NONE, NULL},
    /* cleanup_out.c, smtpd.c: the message grew past message_size_limit while it came */
    {F_IN_TOO_BIG, SRC_DIAG, NULL, {": queue file size limit exceeded"}, NULL, K_NONE, NULL},
    /* master_wakeup.c's "%s: service %s(%s): %m": master cannot write to a
     * service's trigger (public/pickup, public/qmgr); before pickup's row,
     * which would tell Postfix as not running */
    {F_MASTER_WAKEUP, SRC_DIAG, "master", {"master_wakeup_timer_event: service "}, NULL, K_NONE, NULL},
    {F_PICKUP_DOWN, SRC_DIAG, NULL, {"unable to look up public/pickup", "public/pickup"}, NULL, K_NONE, NULL},
    /* pickup.c: a maildrop file older than a day when pickup reads it:
     * locally submitted mail waited while pickup (Postfix) was not running */
    {F_PICKUP_DOWN, SRC_DIAG, "pickup", {": message has been queued for "}, NULL, K_NONE, NULL},
    /* tls_misc.c's "Digest algorithm \"%s\" not found": smtpd_tls_fingerprint_digest (or
     * tls_*_digest) names a digest the TLS library lacks; TLS is turned off after it */
    /* smtpd.c, postscreen_tls_conf.c, tlsproxy_server.c: "No server certs available" (no certificate file set) */
    {F_TLS_KEY, SRC_DIAG, NULL, {"private key", "key values mismatch", "cannot load certificate", "cannot get certificate", "disabling TLS support", "cannot load RSA", "cannot load ECDSA", "No certificate", "Digest algorithm \"", "No server certs available. TLS won't be enabled", "No server certs available. TLS can't be enabled"}, NULL, K_PATH, NULL},
    /* tls_misc.c tls_check_version(): OpenSSL's run-time and compile-time versions differ */
    {F_TLS_LIB_MISMATCH, SRC_DIAG, NULL, {"run-time library vs. compile-time header version mismatch"}, NULL, K_NONE, NULL},
    /* the TLS library's lines after "cannot get RSA certificate from file":
     * the functions (OpenSSL 3: their file, ssl_rsa.c) that failed to load this
     * server's own key or certificate (fopen's errors, a key that does not match,
     * one below OpenSSL's security level); key-less, join the file's (causes.c) */
    {F_TLS_KEY, SRC_DIAG, NULL, {"X509_check_private_key", "use_certificate", "use_PrivateKey", "PEM_read_bio", "PEM routines", "BIO routines", "fopen", "ssl_rsa.c", "no cipher match"}, "TLS library problem", K_NONE, NULL},
    /* tls_misc.c tls_set_ciphers(): this server's cipher settings match no cipher; each session's TLS aborts */
    {F_TLS_KEY, SRC_DIAG, NULL, {" cipher list: \""}, ": aborting TLS session", K_FIXED, "cipher list"},
    /* the client's handshake got plain SMTP back ("wrong version number": wrapper
     * mode towards a STARTTLS port); the opposite is a plain line (SRC_PLAIN rows) */
    {F_OUT_TLS_WRAPPER, SRC_DIAG, "smtp", {"wrong version number"}, "TLS library problem", K_NONE, NULL},
    {F_OUT_TLS_UNVERIFIED, SRC_DIAG, "smtp", {"certificate verify failed"}, "TLS library problem", K_NONE, NULL},
    {F_OUT_TLS_FAIL, SRC_DIAG, "smtp", {"TLS library problem"}, NULL, K_TLSKIND, NULL},
    /* smtp_connect.c: the relay host's name has no address (not a temporary failure) */
    {F_OUT_RELAYHOST_NOT_FOUND, SRC_DIAG, "smtp", {"relayhost configuration problem", "smtp_fallback_relay configuration problem"}, NULL, K_NONE, NULL},
    /* OpenSSL's alerts from the client: it refused this server's certificate */
    {F_TLS_CERT_DISTRUSTED, SRC_DIAG, "smtpd", {"alert unknown ca", "alert bad certificate", "alert certificate unknown", "alert certificate expired", "alert certificate revoked"}, NULL, K_NONE, NULL},
    {F_TLS_CERT_DISTRUSTED, SRC_DIAG, "tlsproxy", {"alert unknown ca", "alert bad certificate", "alert certificate unknown", "alert certificate expired", "alert certificate revoked"}, NULL, K_NONE, NULL},
    /* a pasted warning whose program was lost: OpenSSL's client side
     * (statem_clnt.c, s3_clnt.c) is this server's SMTP client failing a
     * handshake with a server (OpenSSL 3's "legacy sigalg disallowed",
     * "dh key too small" after an upgrade); an alert that a certificate
     * was refused, without it, is a client refusing this server's */
    {F_OUT_TLS_FAIL, SRC_DIAG, "", {"statem_clnt.c", "s3_clnt.c"}, "TLS library problem", K_TLSKIND, NULL},
    {F_TLS_CERT_DISTRUSTED, SRC_DIAG, "", {"alert unknown ca", "alert bad certificate", "alert certificate unknown", "alert certificate expired", "alert certificate revoked"}, "TLS library problem", K_NONE, NULL},
    {F_TLS_HANDSHAKE_IN, SRC_DIAG, "smtpd", {"no shared cipher", "unsupported protocol", "wrong version number", "version too low", "unknown protocol", "no suitable", "http request"}, NULL, K_TLSKIND, NULL},
    /* tlsproxy does postscreen's STARTTLS: its clients' handshakes */
    {F_TLS_HANDSHAKE_IN, SRC_DIAG, "tlsproxy", {"TLS library problem", "ciphertext read/write ", "SSL_accept error", "deadlock on "}, NULL, K_TLSKIND, NULL},
    /* a pasted warning whose program was lost: OpenSSL's server side
     * (statem_srvr.c, s3_srvr.c, the client hello's functions) proves a
     * client's handshake with this server, whichever daemon logged it */
    {F_TLS_HANDSHAKE_IN, SRC_DIAG, NULL, {"statem_srvr.c", "s3_srvr.c", "client_hello:"}, "TLS library problem", K_TLSKIND, NULL},
    {F_LOCAL_SUBMIT_BLOCKED, SRC_DIAG, "postdrop", {"mail_queue_enter: create file "}, "Read-only file system", K_FIXED, "Read-only file system"},
    /* cleanup_strerror.c's status relayed by smtpd, sendmail or postdrop:
     * its own key, so that a full disk in the same log takes it
     * (write_error.c) */
    {F_QUEUE_FILE, SRC_DIAG, NULL, {"queue file write error"}, NULL, K_FIXED, "queue file write error"},
    {F_QUEUE_FILE, SRC_DIAG, NULL, {"queue file", "corrupt queue", "maildrop/", "incoming/", "active/", "deferred/"}, NULL, K_PATH, NULL},
};

/* the few lines without a severity that still tell a story */
const struct rule rule_plain[] = {
    {F_PS_CACHE_CLOSE, SRC_PLAIN, NULL, {"possible Berkeley DB bug"}, "close database ", K_PATH, NULL},
    {F_TLS_HANDSHAKE_IN, SRC_PLAIN, "smtpd", {"SSL_accept error from "}, NULL, K_TLSKIND, NULL},
    /* tls_misc.c (msg_info): smtpd_tls_CAfile or CApath cannot be loaded;
     * the daemon runs without TLS */
    {F_TLS_KEY, SRC_PLAIN, NULL, {"cannot load Certificate Authority data"}, NULL, K_FIXED, "CA file"},
    /* tls_verify.c's note of why a server's certificate failed, keyed
     * by the server's name as the deferral's "Server certificate not
     * verified" is (one group for both lines) */
    {F_OUT_TLS_UNVERIFIED, SRC_PLAIN, "smtp", {"certificate verification failed for "}, NULL, K_CONNHOST, NULL},
    /* smtp_connect.c (msg_info): port 465 without smtp_tls_wrappermode */
    {F_OUT_TLS_WRAPPER, SRC_PLAIN, "smtp", {"SMTPS wrappermode (TCP port 465) requires"}, NULL, K_NONE, NULL},
};

/* other programs' own lines (EV_OTHER) that tell of this server's
 * setup; every row names its program, so that the lines of the others
 * (dovecot, postgrey...) are not searched */
const struct rule rule_other[] = {
    /* opendkim.c (LogWhy): the sender's domain is not among those it
     * signs for (SigningTable, Domain, KeyList): the message leaves
     * unsigned; not "no signature data" alone, which the verification
     * of an unsigned incoming message logs too */
    {F_DKIM_SIGN, SRC_OTHER, "opendkim", {"no signing table match for ", "no signing domain match for ", "no signing subdomain match for ", "no signing keylist match for "}, NULL, K_FIXED, "no signing table entry for the sender"},
    /* opendkim.c: a private key it refuses (RequireSafeKeys: a file or
     * directory others may write) or cannot read: nothing is signed */
    {F_DKIM_SIGN, SRC_OTHER, "opendkim", {"key data is not secure", "error loading key ", "can't load key from "}, NULL, K_FIXED, "signing key not loaded"},
    /* Amavis (amavisd's run_command, its child processes) on this host:
     * "can't fork: Cannot allocate memory", "... Resource temporarily
     * unavailable"; the content filter's host out of memory or processes */
    {F_HOST_MEMORY, SRC_OTHER, "amavis", {"Cannot allocate memory", "Out of memory"}, NULL, K_FIXED, "Cannot allocate memory"},
    {F_HOST_MEMORY, SRC_OTHER, "amavisd", {"Cannot allocate memory", "Out of memory"}, NULL, K_FIXED, "Cannot allocate memory"},
    {F_HOST_FORK, SRC_OTHER, "amavis", {"fork: Resource temporarily unavailable"}, NULL, K_FIXED, "fork: Resource temporarily unavailable"},
    {F_HOST_FORK, SRC_OTHER, "amavisd", {"fork: Resource temporarily unavailable"}, NULL, K_FIXED, "fork: Resource temporarily unavailable"},
};

const size_t rule_diag_n = sizeof rule_diag / sizeof rule_diag[0];
const size_t rule_plain_n = sizeof rule_plain / sizeof rule_plain[0];
const size_t rule_other_n = sizeof rule_other / sizeof rule_other[0];

bool diag_other_program(struct span d)
{
	for (size_t i = 0; i < rule_other_n; i++)
		if (span_eqs(d, rule_other[i].daemon))
			return true;
	return false;
}
