/*
 * rules.c - from one event to the finding it shows: tables of rules, read
 * top to bottom, the first match wins.
 *
 * Four kinds of line are looked at, nothing else (so the usual traffic
 * costs one switch on the event type):
 *   SRC_OUT     a delivery that did not succeed (status deferred, bounced,
 *               expired), an SMTP client error or connection failure: the
 *               reason text, the relay, the recipient;
 *   SRC_REJECT  smtpd's and postscreen's NOQUEUE/queue-ID rejects;
 *   SRC_DIAG    a line with a severity (warning, error, fatal, panic);
 *   SRC_PLAIN   the few daemon lines that matter without a severity;
 * and qmgr's expiry of a message, which names no cause (one finding).
 * Every text is untrusted: rules only search it (bounded, case-blind) and
 * copy a bounded key out of it.
 */
#include "rules.h"
#include "rules_internal.h"
#include "needles.h"
#include "own_backend.h"
#include "../parse/provider.h"
#include "../util/cidr.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <pthread.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * Outbound: the reason of a failed delivery.  Local causes first (they
 * name this host's own services), then DNS and connectivity, then the
 * remote server's answer by what it says.
 */
static const struct rule out_rules[] = {
    {F_OUT_LOOP, SRC_OUT, NULL, {"loops back to myself", "greeted me with my own hostname"}, NULL, K_CONNHOST, NULL},
    /* smtp_proto.c: the message needs SMTPUTF8 and the server does not offer it */
    {F_OUT_SMTPUTF8, SRC_OUT, NULL, {"SMTPUTF8 is required", "SMTPUTF8 support required", "5.6.7"}, NULL, K_CONNHOST, NULL},
    {F_OUT_DANE, SRC_OUT, NULL, {"non DNSSEC destination", "TLSA lookup error", "no TLSA records", "DANE"}, NULL, K_CONNHOST, NULL},
    /* smtp_sasl_glue.c: "SASL authentication failed; server %s said: %s" is
     * the relay's refusal of the account; "cannot authenticate to server"
     * is this side's SASL library */
    {F_OUT_RELAY_LOGIN_REFUSED, SRC_OUT, NULL, {"SASL authentication failed; server "}, " said: ", K_CONNHOST, NULL},
    {F_OUT_RELAY_SASL, SRC_OUT, NULL, {"SASL authentication failed", "No worthy mechs", "cannot authenticate to server"}, NULL, K_CONNHOST, NULL},
    {F_TRANSPORT_MISSING, SRC_OUT, NULL, {"mail transport unavailable", "unknown mail transport"}, NULL, K_NONE, NULL},
    /* smtp_connect.c: bind() to smtp_bind_address failed (EADDRNOTAVAIL) */
    {F_OUT_BIND_ADDRESS, SRC_OUT, NULL, {"Cannot assign requested address"}, NULL, K_NONE, NULL},
    {F_OUT_NET_UNREACHABLE, SRC_OUT, NULL, {"Network is unreachable", "No route to host"}, NULL, K_NETFAMILY, NULL},
    /* the remote server refuses this server's own name, sender or lack
     * of TLS (before the DNS rows: "Helo command rejected: Host not
     * found" is the remote's lookup of this server's name, not ours) */
    {F_OUT_HELO_REJECTED, SRC_OUT, NULL, {"Helo command rejected", "EHLO command rejected", "HELO command rejected", "invalid HELO", "bad HELO", "HELO hostname", "EHLO hostname", "HELO name", "EHLO name"}, NULL, K_PROVIDER, NULL},
    {F_OUT_SENDER_REJECTED, SRC_OUT, NULL, {"Sender address rejected: Domain not found", "Sender address rejected: need fully-qualified", "Sender address rejected: Malformed", "Sender verify failed", "sender domain does not exist", "5.1.8", "4.1.8"}, NULL, K_PROVIDER, NULL},
    {F_OUT_TLS_REQUIRED, SRC_OUT, NULL, {"Must issue a STARTTLS", "STARTTLS is required", "STARTTLS required", "Encryption required"}, NULL, K_PROVIDER, NULL},
    {F_OUT_DNS_TEMP, SRC_OUT, NULL, {"try again", "SERVFAIL", "Temporary failure in name resolution"}, "Name service error", K_NONE, NULL},
    {F_OUT_DNS_TEMP, SRC_OUT, NULL, {"Host or domain name not found. Name service error"}, "try again", K_NONE, NULL},
    {F_OUT_DNS_NXDOMAIN, SRC_OUT, NULL, {"Host or domain name not found", "Host not found", "Domain not found", "no MX host", "Name service error", "MX host for", "does not accept mail (nullMX)"}, NULL, K_CONNHOST, NULL},
    {F_OUT_TIMEOUT, SRC_OUT, NULL, {"Connection timed out", "conversation with", "timed out while"}, "timed out", K_CONNHOST, NULL},
    {F_OUT_REFUSED, SRC_OUT, NULL, {"Connection refused", "No such file or directory"}, "connect to ", K_CONNHOST, NULL},
    /* the remote server's answer */
    {F_OUT_REPUTATION, SRC_OUT, NULL, {"unsolicited mail originating from your IP", "IP reputation", "low reputation", "poor reputation", "sender reputation", "UnsolicitedIP", "TSS04", "TSS09"}, NULL, K_PROVIDER, NULL},
    {F_OUT_REPUTATION, SRC_OUT, NULL, {"S3150", "S3140", "banned sending IP", "5.7.606", "5.7.511", "part of their network is on our block list", "reputation"}, NULL, K_PROVIDER, NULL},
    /* Proofpoint's and Cloudmark's verdict on the sending IP (Apple
     * iCloud's [CSnn] codes); T-Online's refusal of an IP it does not
     * trust names its postmaster desk */
    {F_OUT_REPUTATION, SRC_OUT, NULL, {"ipcheck.proofpoint.com", "[CS01]", "[CS02]", "csi.cloudmark.com", "csi.mimecast.org", "tosa@rx.t-online.de"}, NULL, K_PROVIDER, NULL},
    /* the message as this side built it: Gmail's "not RFC 5322 compliant"
     * (RfcMessageNonCompliant), Microsoft's bare line feeds, "5.6.0" */
    {F_OUT_MALFORMED, SRC_OUT, NULL, {"RFC 5322", "RFC5322", "RFC 2822", "RfcMessageNonCompliant", "invalid header", "malformed header", "header is missing", "missing a valid Message-ID", "duplicate header", "BareLinefeedsAreIllegal", "bare linefeed", "5.6.0"}, NULL, K_PROVIDER, NULL},
    {F_OUT_AUTH_CHECKS, SRC_OUT, NULL, {"authentication checks", "SPF", "DKIM", "DMARC", "5.7.26", "5.7.27", "5.7.23", "unauthenticated email", "5.7.515", "5.7.509", "required authentication level", "sender is unauthenticated"}, NULL, K_PROVIDER, NULL},
    {F_OUT_NO_PTR, SRC_OUT, NULL, {"5.7.25", "PTR record", "reverse DNS", "rDNS", "reverse hostname", "does not have a reverse", "cannot find your hostname"}, NULL, K_PROVIDER, NULL},
    {F_OUT_BLOCKLISTED, SRC_OUT, NULL, {"blocked using", "listed at", "listed on", "listed in", "Spamhaus", "blacklist", "blocklist", "barracuda", "block listed", "black listed", "DNSBL"}, NULL, K_PROVIDER, NULL},
    {F_OUT_RATE_LIMITED, SRC_OUT, NULL, {"4.7.28", "rate limit", "rate-limit", "ratelimit", "too many", "unusual rate", "temporarily rate"}, NULL, K_PROVIDER, NULL},
    {F_OUT_GREYLISTED, SRC_OUT, NULL, {"greylist", "graylist", "grey-list", "gray-list", "greylisted"}, NULL, K_PROVIDER, NULL},
    {F_OUT_MAILBOX_FULL, SRC_OUT, NULL, {"5.2.2", "quota", "mailbox full", "mailbox is full", "insufficient storage", "over quota"}, NULL, K_PROVIDER, NULL},
    /* the next hop is no MX of the domain and does not take this server as a relay client */
    {F_OUT_RELAY_DENIED, SRC_OUT, NULL, {"Relay access denied", "Relaying denied", "relay not permitted", "not permitted to relay", "relaying not allowed", "5.7.64"}, NULL, K_CONNHOST, NULL},
    {F_OUT_TOO_BIG, SRC_OUT, NULL, {"5.3.4", "Message size exceeds", "message too big", "message is too big", "exceeds size limit", "size exceeds"}, NULL, K_PROVIDER, NULL},
    {F_IN_LMTP_USER_UNKNOWN, SRC_OUT, "lmtp", {"User doesn't exist", "5.1.1", "User unknown", "does not exist", "no such user", "unknown user"}, NULL, K_CONNHOST, NULL},
    {F_OUT_USER_UNKNOWN, SRC_OUT, NULL, {"5.1.1", "User unknown", "does not exist", "no such user", "unknown user", "mailbox unavailable", "address rejected", "user not found", "invalid recipient", "5.1.0", "5.2.1", "Unrouteable address"}, NULL, K_PROVIDER, NULL},
    {F_OUT_CONTENT, SRC_OUT, NULL, {"spam", "virus", "phish", "malware", "content rejected", "message rejected", "content presents", "BlockedMessage", "message content", "security issue"}, NULL, K_PROVIDER, NULL},
    /* smtp_proto.c: the TLS policy (secure, verify, dane) wants a certificate that verifies */
    {F_OUT_TLS_UNVERIFIED, SRC_OUT, NULL, {"Server certificate not verified", "Server certificate not trusted", "certificate verification failed"}, NULL, K_CONNHOST, NULL},
    {F_OUT_TLS_FAIL, SRC_OUT, NULL, {"TLS is required", "Must issue a STARTTLS", "Cannot start TLS", "TLS handshake", "SSL_connect error", "certificate verification failed", "Server certificate not verified", "Server certificate not trusted"}, NULL, K_CONNHOST, NULL},
    {F_OUT_SUSPENDED, SRC_OUT, NULL, {"delivery temporarily suspended"}, NULL, K_CONNHOST, NULL},
};

/* inbound: what smtpd and postscreen refused, when the refusal itself is the finding */
static const struct rule reject_rules[] = {
    {F_IN_NO_STORAGE, SRC_REJECT, NULL, {"Insufficient system storage"}, NULL, K_NONE, NULL},
    /* smtpd_check.c at MAIL FROM with SIZE=, smtpd.c after the data */
    {F_IN_TOO_BIG, SRC_REJECT, NULL, {"Message size exceeds fixed limit"}, NULL, K_NONE, NULL},
    {F_IN_CONFIG_PROBLEM, SRC_REJECT, NULL, {"Server configuration problem", "Server configuration error"}, NULL, K_NONE, NULL},
    {F_IN_DNSBL_ERROR, SRC_REJECT, NULL, {"Error: open resolver", "127.255.255.", "Error: "}, "blocked using ", K_AFTER, "blocked using "},
    {F_PS_DEEP_TEMPFAIL, SRC_REJECT, "postscreen", {"Service currently unavailable"}, NULL, K_NONE, NULL},
    {F_IN_HELO_NOT_FOUND, SRC_REJECT, NULL, {"Helo command rejected: Host not found"}, NULL, K_NONE, NULL},
    /* smtpd_check.c reject_unknown_client, reject_unknown_reverse_name */
    {F_IN_CLIENT_NAME_NOT_FOUND, SRC_REJECT, NULL, {"Client host rejected: cannot find your hostname", "Client host rejected: cannot find your reverse hostname"}, NULL, K_NONE, NULL},
    /* reject_unknown_sender_domain, reject_unknown_recipient_domain: kept
     * only when well-known domains are among them (diagnose.c, drop_weak) */
    {F_RESOLVER_FAILING, SRC_REJECT, NULL, {"Sender address rejected: Domain not found", "Recipient address rejected: Domain not found"}, NULL, K_NONE, NULL},
    /* smtpd_check.c reject_auth_sender_login_mismatch: "Sender address
     * rejected: not owned by user %s"; the key is the login */
    {F_IN_SENDER_LOGIN_MISMATCH, SRC_REJECT, NULL, {"Sender address rejected: not owned by user "}, NULL, K_AFTER, "not owned by user "},
    /* a quota policy service (Dovecot's quota-status): this server's user's mailbox */
    {F_IN_MAILBOX_FULL, SRC_REJECT, NULL, {"mailbox is full", "mailbox full", "over quota"}, "Recipient address rejected", K_NONE, NULL},
    /* postgrey, sqlgrey, gld, milter-greylist, policyd: a temporary refusal */
    {F_IN_GREYLISTING, SRC_REJECT, NULL, {"greylist", "graylist", "grey-list", "gray-list"}, NULL, K_NONE, NULL},
    {F_POLICY_DOWN, SRC_REJECT, NULL, {"Policy rejection not logged", "policy service"}, "4.3.5", K_NONE, NULL},
    /* milter8.c's reply when a milter fails and milter_default_action =
     * tempfail (smtpd's or cleanup's milter-reject): every sender refused */
    {F_MILTER_DOWN, SRC_REJECT, NULL, {"Service unavailable - try again later"}, NULL, K_FIXED, "milter_default_action"},
};

/* lines with a severity: the server telling about itself */
static const struct rule diag_rules[] = {
    /* Postfix 3.7 names the socket: "SASL: Connect to Dovecot auth socket 'private/auth' failed: ..." */
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"SASL: Connect to Dovecot auth socket '"}, "failed", K_AFTER, "auth socket '"},
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"SASL: Connect to "}, "failed", K_AFTER, "Connect to "},
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"cannot connect to saslauthd server"}, NULL, K_NONE, NULL},
    /* xsasl_dovecot_server.c: a socket that is not Dovecot's auth-client
     * (auth-master, auth-userdb) or a Dovecot that does not speak its protocol */
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"SASL: Connected to wrong auth socket", "SASL: Couldn't send handshake", "SASL: Protocol version"}, NULL, K_FIXED, "Dovecot auth"},
    /* Cyrus SASL cannot read its own password file: no login can succeed */
    {F_SASL_BACKEND_DOWN, SRC_DIAG, NULL, {"unable to open Berkeley db"}, "SASL", K_PATH, NULL},
    {F_SASL_NO_MECHS, SRC_DIAG, NULL, {"no SASL authentication mechanisms"}, NULL, K_SERVICE, NULL},
    /* xsasl_cyrus_server.c, smtpd_sasl_glue.c: Cyrus SASL offers no
     * mechanism (no plugin installed, smtpd.conf's mech_list) or does not
     * start at all; the fatal "no SASL authentication mechanisms" follows */
    {F_SASL_NO_MECHS, SRC_DIAG, NULL, {"no applicable SASL mechanisms", "xsasl_cyrus_server_get_mechanism_list: ", "SASL per-process initialization failed", "SASL per-connection server initialization: ", "SASL per-connection initialization failed", " discards all mechanisms in "}, NULL, K_SERVICE, NULL},
    /* xsasl_cyrus_log.c: the library's echo of a login that failed; the
     * next smtpd line names the client, and the verdicts judge it */
    {F_SASL_LIB_NOTE, SRC_DIAG, "smtpd", {"Password verification failed", "checkpass failed", "no secret in database", "user not found"}, "SASL authentication failure: ", K_NONE, NULL},
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
    /* postscreen_dnsbl.c, dnsblog.c: a blocklist that does not answer */
    {F_IN_DNSBL_TIMEOUT, SRC_DIAG, NULL, {"dnsblog reply timeout "}, NULL, K_AFTER, "s for "},
    {F_IN_DNSBL_TIMEOUT, SRC_DIAG, "dnsblog", {"lookup error for DNS query "}, NULL, K_NONE, NULL},
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
    /* smtpd.c "Illegal address syntax from %s in %s command: %s" */
    {F_IN_ADDR_SYNTAX, SRC_DIAG, "smtpd", {"Illegal address syntax from "}, NULL, K_CLIENT, NULL},
    /* cleanup_strerror.c's text in sendmail's fatal, postdrop's EFBIG */
    {F_LOCAL_TOO_BIG, SRC_DIAG, NULL, {"message file too big", "File too large"}, NULL, K_NONE, NULL},
    /* harmless notes: inet_proto.c, postscreen_endpt.c, dict_nis.c, qmgr.c, postfix-script */
    {F_BENIGN_NOTICE, SRC_DIAG, NULL, {"disabling IPv6 name/address support"}, NULL, K_FIXED, "inet_protocols"},
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
    /* dict_open.c "unsupported dictionary type: %s" (alone, or after
     * "TYPE:NAME is unavailable."): the type is not built in or its
     * plugin package is not installed; key the type */
    {F_MAP_TYPE, SRC_DIAG, NULL, {"unsupported dictionary type: "}, NULL, K_AFTER, "unsupported dictionary type: "},
    {F_MAP_MISSING, SRC_DIAG, NULL, {"open database ", "table lookup problem", " is unavailable", "open lookup table", " lookup error for "}, NULL, K_PATH, NULL},
    /* a table whose server does not answer: dict_ldap.c, dict_mysql.c,
     * dict_pgsql.c, dict_tcp.c */
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"Unable to connect to LDAP server", "Unable to bind to server ", "Can't contact LDAP server"}, NULL, K_FIXED, "LDAP"},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"connect to mysql server "}, NULL, K_AFTER, "connect to mysql server "},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"connect to pgsql server "}, NULL, K_AFTER, "connect to pgsql server "},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"pgsql query failed"}, NULL, K_FIXED, "PostgreSQL"},
    {F_MAP_SERVER_DOWN, SRC_DIAG, NULL, {"read TCP map reply"}, NULL, K_FIXED, "tcp:"},
    {F_MAP_MISSING, SRC_DIAG, NULL, {"map lookup problem", "lookup failure"}, NULL, K_PATH, NULL},
    /* smtp_connect.c: "smtp_connect_addr: bind ADDR: Cannot assign requested address" */
    {F_OUT_BIND_ADDRESS, SRC_DIAG, "smtp", {"smtp_connect_addr: bind "}, NULL, K_AFTER, "bind "},
    /* own_inet_addr.c: "parameter inet_interfaces: no local interface found for ::1" */
    {F_NO_SUCH_INTERFACE, SRC_DIAG, NULL, {"no local interface found for "}, NULL, K_AFTER, "found for "},
    /* inet_listen.c "bind %s port %s: %m" with EADDRNOTAVAIL: the same, said by master */
    {F_NO_SUCH_INTERFACE, SRC_DIAG, NULL, {"Cannot assign requested address"}, "bind ", K_AFTER, "bind "},
    /* smtp_connect.c, dict_mysql.c: getservbyname() inside a chroot without etc/services */
    {F_CHROOT_MISSING, SRC_DIAG, NULL, {"unknown service: "}, "/tcp", K_AFTER, "unknown service: "},
    /* postfix-script's stop/reload/flush/drain, and its start that failed
     * (master's own fatal line before it says why); postqueue.c, sendmail */
    {F_POSTFIX_DOWN, SRC_DIAG, NULL, {"the Postfix mail system is not running", "Mail system is down -- accessing queue directly", "mail system startup failed", "Queue report unavailable - mail system is down"}, NULL, K_NONE, NULL},
    /* smtpd_check.c: a name in smtpd_*_restrictions it does not know (a
     * typo, a restriction of a newer Postfix): mail gets 451 4.3.5 */
    {F_IN_CONFIG_PROBLEM, SRC_DIAG, "smtpd", {"unknown smtpd restriction: \""}, NULL, K_AFTER, "restriction: \""},
    /* qmgr_entry.c: one destination holds a fifth or more of the active
     * queue, and the advice lines that follow the warning */
    {F_QUEUE_CONGESTED, SRC_DIAG, "qmgr", {" active queue entries", "this may slow down other mail deliveries", "you may need to ", "so that Postfix quickly skips", "so that Postfix wastes less time", "so that Postfix can make more parallel", "please avoid flushing the whole queue", "lots of deferred mail, that is bad for performance", "to turn off these warnings specify: qmgr_clog_warn_time"}, NULL, K_NONE, NULL},
    /* postconf_unused.c, smtpd_check.c, dict.c, smtpd.c, smtp.c: a
     * setting that does nothing (a typo, a removed name, a second entry) */
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {": unused parameter: "}, NULL, K_FIXED, "unused parameter"},
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {"support for parameter ", "support for restriction \""}, " removed", K_FIXED, "removed name"},
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {": overriding earlier entry: "}, NULL, K_FIXED, "repeated entry"},
    {F_CONFIG_IGNORED, SRC_DIAG, NULL, {"but SASL support is not compiled in", "but TLS support is not compiled in"}, NULL, K_FIXED, "not compiled in"},
    /* master.c: a second master (postfix start while it runs) */
    {F_BENIGN_NOTICE, SRC_DIAG, "master", {"master.lock: unable to set exclusive lock"}, NULL, K_FIXED, "already running"},
    {F_MILTER_DOWN, SRC_DIAG, NULL, {"connect to Milter service "}, NULL, K_AFTER, "Milter service "},
    /* milter8.c: smtpd_milters names no usable endpoint (a typo) */
    {F_MILTER_DOWN, SRC_DIAG, NULL, {"Milter service needs transport:endpoint instead of \""}, NULL, K_AFTER, "instead of \""},
    {F_MILTER_DOWN, SRC_DIAG, NULL, {"in Milter service: "}, "invalid transport name: ", K_AFTER, "in Milter service: "},
    {F_MILTER_CRASHED, SRC_DIAG, NULL, {"can't read SMFIC", "read error", "unexpected EOF", "timeout", "can't read", "can't write", "Connection reset", "EOF while reading", "error writing command", "write error", "packet length", "malformed reply"}, "milter ", K_AFTER, "milter "},
    /* milter8.c: a milter that breaks the protocol (a bug, another
     * service on its port): Postfix stops talking to it as after a crash */
    {F_MILTER_CRASHED, SRC_DIAG, NULL, {"unexpected filter response ", "unexpected reply ", "bad protocol information", "no protocol version information", "unexpected protocol version"}, "milter ", K_AFTER, "milter "},
    {F_TRANSPORT_MISSING, SRC_DIAG, NULL, {"connect to transport "}, NULL, K_AFTER, "connect to transport "},
    {F_TRANSPORT_MISSING, SRC_DIAG, NULL, {"unknown mail transport", "unknown transport"}, NULL, K_NONE, NULL},
    {F_POLICY_DOWN, SRC_DIAG, NULL, {"problem talking to server "}, NULL, K_AFTER, "problem talking to server "},
    {F_DOMAIN_DOUBLE, SRC_DIAG, NULL, {"do not list domain "}, " in BOTH ", K_AFTER, "do not list domain "},
    {F_BIND_IN_USE, SRC_DIAG, NULL, {"Address already in use"}, "bind ", K_AFTER, "port "},
    /* master_conf.c: "duplicate master.cf entry for service \"%s\" (%s) -- using the last entry" */
    {F_MASTER_DUPLICATE, SRC_DIAG, "master", {"duplicate master.cf entry for service "}, NULL, K_AFTER, "for service \""},
    {F_DAEMON_THROTTLED, SRC_DIAG, NULL, {"bad command startup -- throttling"}, NULL, K_PATH, NULL},
    {F_DAEMON_FATAL, SRC_DIAG, "master", {"killed by signal", "exit status"}, "process ", K_PATH, NULL},
    {F_IN_NO_STORAGE, SRC_DIAG, NULL, {"not enough free space in mail queue"}, NULL, K_NONE, NULL},
    /* cleanup_out.c, smtpd.c: the message grew past message_size_limit while it came */
    {F_IN_TOO_BIG, SRC_DIAG, NULL, {": queue file size limit exceeded"}, NULL, K_NONE, NULL},
    {F_PICKUP_DOWN, SRC_DIAG, NULL, {"unable to look up public/pickup", "public/pickup"}, NULL, K_NONE, NULL},
    {F_TLS_KEY, SRC_DIAG, NULL, {"private key", "key values mismatch", "cannot load certificate", "cannot get certificate", "disabling TLS support", "cannot load RSA", "cannot load ECDSA", "No certificate"}, NULL, K_PATH, NULL},
    {F_OUT_TLS_UNVERIFIED, SRC_DIAG, "smtp", {"certificate verify failed"}, "TLS library problem", K_NONE, NULL},
    {F_OUT_TLS_FAIL, SRC_DIAG, "smtp", {"TLS library problem"}, NULL, K_TLSKIND, NULL},
    /* smtp_connect.c: the relay host's name has no address (not a temporary failure) */
    {F_OUT_RELAYHOST_NOT_FOUND, SRC_DIAG, "smtp", {"relayhost configuration problem", "smtp_fallback_relay configuration problem"}, NULL, K_NONE, NULL},
    /* OpenSSL's alerts from the client: it refused this server's certificate */
    {F_TLS_CERT_DISTRUSTED, SRC_DIAG, "smtpd", {"alert unknown ca", "alert bad certificate", "alert certificate unknown", "alert certificate expired", "alert certificate revoked"}, NULL, K_NONE, NULL},
    {F_TLS_CERT_DISTRUSTED, SRC_DIAG, "tlsproxy", {"alert unknown ca", "alert bad certificate", "alert certificate unknown", "alert certificate expired", "alert certificate revoked"}, NULL, K_NONE, NULL},
    {F_TLS_HANDSHAKE_IN, SRC_DIAG, "smtpd", {"no shared cipher", "unsupported protocol", "wrong version number", "version too low", "unknown protocol", "no suitable", "http request"}, NULL, K_TLSKIND, NULL},
    /* tlsproxy does postscreen's STARTTLS: its clients' handshakes */
    {F_TLS_HANDSHAKE_IN, SRC_DIAG, "tlsproxy", {"TLS library problem", "ciphertext read/write ", "SSL_accept error", "deadlock on "}, NULL, K_TLSKIND, NULL},
    {F_QUEUE_FILE, SRC_DIAG, NULL, {"queue file", "corrupt queue", "maildrop/", "incoming/", "active/", "deferred/"}, NULL, K_PATH, NULL},
};

/* the few lines without a severity that still tell a story */
static const struct rule plain_rules[] = {
    {F_PS_CACHE_CLOSE, SRC_PLAIN, NULL, {"possible Berkeley DB bug"}, "close database ", K_PATH, NULL},
    {F_TLS_HANDSHAKE_IN, SRC_PLAIN, "smtpd", {"SSL_accept error from "}, NULL, K_TLSKIND, NULL},
    /* tls_verify.c's note of why a server's certificate failed */
    {F_OUT_TLS_UNVERIFIED, SRC_PLAIN, "smtp", {"certificate verification failed for "}, NULL, K_AFTER, "failed for "},
};

struct crule {
	struct cneedle also, any[NEEDLES];
};

/* rule_matches - does the rule take this text */
static bool rule_matches(const struct rule *r, const struct crule *c, const struct event *ev,
			 const struct folded *t)
{
	if (r->daemon && !span_eqs(ev->line->daemon, r->daemon))
		return false;
	if (r->also && !ci_has(t, &c->also))
		return false;
	for (int i = 0; i < NEEDLES && r->any[i]; i++)
		if (ci_has(t, &c->any[i]))
			return true;
	return false;
}

/* first_rule - the index of the first rule of a table that takes the
 * text, or -1 */
static int first_rule(const struct rule *rules, const struct crule *c, size_t n, const struct event *ev,
		      const struct folded *f)
{
	for (size_t i = 0; i < n; i++)
		if (rule_matches(&rules[i], &c[i], ev, f))
			return (int)i;
	return -1;
}

/* the lowered needles of each table, made once, at the first
 * classification (pthread_once: the feed's reading thread classifies
 * some events while the consumer's classifies others, diagnose.c) */
#define NRULES(tab) (sizeof tab / sizeof tab[0])
static struct crule out_rules_c[NRULES(out_rules)], reject_rules_c[NRULES(reject_rules)],
    diag_rules_c[NRULES(diag_rules)], plain_rules_c[NRULES(plain_rules)];
static pthread_once_t compiled = PTHREAD_ONCE_INIT;

/*
 * What a table says of a text depends on the text and the daemon only (a
 * rule may name one), and those texts repeat: a deferred queue retries
 * the same host, a remote server gives every message the same reply,
 * smtpd refuses the same HELO again and again, a daemon warns in the
 * same words.  So each answer (the row, and for out_rules and
 * reject_rules the words looked for after it) is remembered per thread
 * in a small memo per table (two ways a set), keyed by the daemon and the
 * text, both compared in full: a hit gives exactly what the table would,
 * without folding the text or trying the rows.  A text too long for an
 * entry is not kept.  Bounded: 2 * MEMO_SETS entries per table and thread,
 * whatever the log.
 *
 * The key leaves out the inside of every "[ADDR]" whose bytes are all an
 * address's (hex digits, '.', ':'): "host mx.example.com[192.0.2.7]
 * said: ..." and the same reply from the next address of that host are
 * one entry.  That gives the same answer, because every row only asks
 * whether the text holds some needles (case-blind), and a needle N
 * occurs in the text T exactly when it occurs in the key K = T without
 * those insides, provided that
 *   - N holds no '[' followed by an address byte, no address byte
 *     followed by ']', and no "[]": then an occurrence in T cannot
 *     overlap an inside (it would have to be all address bytes, or cross
 *     a bracket next to one), and an occurrence in K cannot straddle a
 *     removed inside (it would hold "[]");
 *   - N is not all address bytes ("5.7.26", "127.255.255.") or occurs in
 *     no inside left out: memo_key checks each inside against such
 *     needles and keeps no entry for a text where one occurs.
 * A table with a needle that fails the first condition (the words
 * looked for after the row count too) keeps the insides in its key
 * (memo_info, made with the needles; none does today).  "delivery temporarily suspended: " holds no '[', so T and K
 * start with it together and its cause (T and K from byte 32 on) obeys
 * the same argument.
 */
struct text_match {
	int cause;      /* out: the row that takes "delivery temporarily suspended: CAUSE"'s cause, or -1 */
	int rule;       /* else the row that takes the whole text, or -1 */
	bool lit[3];    /* which of the table's words (OUT_LIT, REJECT_LIT) the text holds */
};

enum { OUT_LMTP, OUT_PORT25 };
enum { REJECT_RELAY_DENIED, REJECT_BLOCKED, REJECT_USER_UNKNOWN };
static const char *const out_lits[] = {[OUT_LMTP] = "lmtp", [OUT_PORT25] = "]:25:", NULL};
static const char *const reject_lits[] = {[REJECT_RELAY_DENIED] = "Relay access denied",
					  [REJECT_BLOCKED] = "blocked using ",
					  [REJECT_USER_UNKNOWN] = "User unknown", NULL};
static const char *const no_lits[] = {NULL};

enum memo_table { MEMO_OUT, MEMO_REJECT, MEMO_DIAG, MEMO_PLAIN, MEMO__COUNT };

/* each memo's table, and how its key may be made */
#define ADDR_NEEDLES 64
#define ADDR_MAX 45 /* INET6_ADDRSTRLEN - 1 */
static struct memo_info {
	const struct rule *rules;
	struct crule *c;
	size_t n;
	const char *const *lits;
	bool mask;                         /* addresses left out of the key */
	size_t naddr;                      /* needles of address bytes only */
	struct span addr[ADDR_NEEDLES];    /* lowered */
	char low[ADDR_NEEDLES][ADDR_MAX + 1];
	uint64_t first[256];               /* by a lowered byte: the needles that start with it */
	uint64_t second[256];              /* ... that have it second (all one-byte needles too) */
} memo_info[MEMO__COUNT] = {
    [MEMO_OUT] = {.rules = out_rules, .c = out_rules_c, .n = NRULES(out_rules), .lits = out_lits},
    [MEMO_REJECT] = {.rules = reject_rules, .c = reject_rules_c, .n = NRULES(reject_rules), .lits = reject_lits},
    [MEMO_DIAG] = {.rules = diag_rules, .c = diag_rules_c, .n = NRULES(diag_rules), .lits = no_lits},
    [MEMO_PLAIN] = {.rules = plain_rules, .c = plain_rules_c, .n = NRULES(plain_rules), .lits = no_lits},
};

/* addr_byte - a byte of an IPv4 or IPv6 address, lowered */
static bool addr_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '.' || c == ':';
}

/* info_needle - what one needle allows: false when the table's key must
 * keep addresses; a needle of address bytes only is noted to be looked
 * for in them */
static bool info_needle(struct memo_info *mi, const char *s)
{
	if (!s || !*s)
		return true;
	size_t n = strlen(s);
	bool all = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = lower((unsigned char)s[i]);
		unsigned char next = i + 1 < n ? lower((unsigned char)s[i + 1]) : 0;
		if (c == '[' && (next == ']' || addr_byte(next)))
			return false;
		if (addr_byte(c) && next == ']')
			return false;
		all = all && addr_byte(c);
	}
	if (!all)
		return true;
	if (n > ADDR_MAX || mi->naddr == ADDR_NEEDLES)
		return false;
	for (size_t i = 0; i < n; i++)
		mi->low[mi->naddr][i] = (char)lower((unsigned char)s[i]);
	mi->addr[mi->naddr] = span_make(mi->low[mi->naddr], n);
	mi->first[(unsigned char)mi->low[mi->naddr][0]] |= 1ULL << mi->naddr;
	for (int c = 0; c < 256; c++)
		if (n == 1 || (unsigned char)mi->low[mi->naddr][1] == c)
			mi->second[c] |= 1ULL << mi->naddr;
	mi->naddr++;
	return true;
}

/* info_make - whether a table's key may leave addresses out */
static void info_make(struct memo_info *mi)
{
	bool ok = true;
	for (size_t i = 0; i < mi->n && ok; i++) {
		ok = info_needle(mi, mi->rules[i].also);
		for (int j = 0; j < NEEDLES && mi->rules[i].any[j] && ok; j++)
			ok = info_needle(mi, mi->rules[i].any[j]);
	}
	for (size_t i = 0; mi->lits[i] && ok; i++)
		ok = info_needle(mi, mi->lits[i]);
	mi->mask = ok;
}

/* compile_table - lower the needles of one table */
static void compile_table(const struct rule *rules, struct crule *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		needle_compile(&c[i].also, rules[i].also);
		for (int j = 0; j < NEEDLES; j++)
			needle_compile(&c[i].any[j], rules[i].any[j]);
	}
}

/* compile - every table, and what its memo's key may leave out */
static void compile(void)
{
	compile_table(out_rules, out_rules_c, NRULES(out_rules));
	compile_table(reject_rules, reject_rules_c, NRULES(reject_rules));
	compile_table(diag_rules, diag_rules_c, NRULES(diag_rules));
	compile_table(plain_rules, plain_rules_c, NRULES(plain_rules));
	for (int i = 0; i < MEMO__COUNT; i++)
		info_make(&memo_info[i]);
}

#define MEMO_SETS 256
#define MEMO_TEXT 232
#define MEMO_DAEMON 16

struct memo_entry {
	struct text_match m;
	uint16_t n;                  /* key bytes; 0: the entry is empty */
	uint8_t dn;                  /* daemon bytes */
	char daemon[MEMO_DAEMON];
	char text[MEMO_TEXT];
};

/* two ways a set: a text and its neighbour in the table both stay */
static _Thread_local struct memo_entry memo[MEMO__COUNT][MEMO_SETS][2];
static _Thread_local uint8_t memo_victim[MEMO__COUNT][MEMO_SETS]; /* the way a miss replaces */
static _Thread_local bool memo_off;

/* diag_rules_memo - use the memo or not (the unit tests compare both) */
void diag_rules_memo(bool on)
{
	memo_off = !on;
	memset(memo, 0, sizeof memo);
	memset(memo_victim, 0, sizeof memo_victim);
}

static const char suspended[] = "delivery temporarily suspended: ";

/* match_find - a table on a text: its first row that takes it (out:
 * first on the cause of a suspended delivery) and its words */
static void match_find(enum memo_table tab, const struct event *ev, struct span t, struct text_match *m)
{
	const struct memo_info *mi = &memo_info[tab];
	/* the text is folded once for every search below */
	struct folded f;
	fold(&f, t);
	m->cause = m->rule = -1;
	/* "delivery temporarily suspended: CAUSE": the cause tells more */
	if (tab == MEMO_OUT && span_starts(t, suspended)) {
		fold_skip(&f, (ptrdiff_t)sizeof suspended - 1);
		m->cause = first_rule(mi->rules, mi->c, mi->n, ev, &f);
		fold_skip(&f, -((ptrdiff_t)sizeof suspended - 1));
	}
	if (m->cause < 0)
		m->rule = first_rule(mi->rules, mi->c, mi->n, ev, &f);
	memset(m->lit, 0, sizeof m->lit);
	for (int i = 0; i < 3 && mi->lits[i]; i++)
		m->lit[i] = ci_has_lit(&f, mi->lits[i]);
	fold_free(&f);
}

/* in_addr - does an address's inside hold one of the table's needles of
 * address bytes: at each byte, only the needles that start with it and
 * the next byte */
static bool in_addr(const struct memo_info *mi, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t b = mi->first[lower((unsigned char)p[i])];
		if (b && i + 1 < n)
			b &= mi->second[lower((unsigned char)p[i + 1])];
		while (b) {
			const struct span *a = &mi->addr[__builtin_ctzll(b)];
			b &= b - 1;
			size_t k = 1;
			while (k < a->n && i + k < n && lower((unsigned char)p[i + k]) == (unsigned char)a->p[k])
				k++;
			if (k == a->n)
				return true;
		}
	}
	return false;
}

/* memo_key - the memo's key for a text into key (MEMO_TEXT bytes): the
 * text, with the inside of each "[ADDR]" left out when the table allows
 * it; its length, or 0 when there is no key (too long, or an address
 * holds a needle) */
static size_t memo_key(const struct memo_info *mi, struct span t, char *key)
{
	size_t n = 0, i = 0;
	while (i < t.n) {
		const char *lb = mi->mask ? memchr(t.p + i, '[', t.n - i) : NULL;
		size_t to = lb ? (size_t)(lb - t.p) + 1 : t.n;
		if (to - i > MEMO_TEXT - n)
			return 0;
		memcpy(key + n, t.p + i, to - i);
		n += to - i;
		i = to;
		if (!lb)
			break;
		size_t j = i;
		while (j < t.n && j - i <= ADDR_MAX && addr_byte(lower((unsigned char)t.p[j])))
			j++;
		if (j == i || j - i > ADDR_MAX || j == t.n || t.p[j] != ']')
			continue;
		if (mi->naddr && in_addr(mi, t.p + i, j - i))
			return 0;
		i = j;
	}
	return n;
}

/* match_memo - match_find, remembered */
static void match_memo(enum memo_table tab, const struct event *ev, struct span t, struct text_match *m)
{
	struct span d = ev->line->daemon;
	char key[MEMO_TEXT];
	size_t n;
	if (memo_off || !t.n || d.n > MEMO_DAEMON || !(n = memo_key(&memo_info[tab], t, key))) {
		match_find(tab, ev, t, m);
		return;
	}
	struct span k = span_make(key, n);
	size_t set = span_hash_seed(k, span_hash(d)) % MEMO_SETS;
	for (int w = 0; w < 2; w++) {
		struct memo_entry *e = &memo[tab][set][w];
		if (e->n == n && e->dn == d.n && !memcmp(e->text, key, n) &&
		    (!d.n || !memcmp(e->daemon, d.p, d.n))) {
			memo_victim[tab][set] = (uint8_t)!w;
			*m = e->m;
			return;
		}
	}
	match_find(tab, ev, t, m);
	uint8_t w = memo_victim[tab][set];
	struct memo_entry *e = &memo[tab][set][w];
	memo_victim[tab][set] = (uint8_t)!w;
	e->m = *m;
	e->n = (uint16_t)n;
	e->dn = (uint8_t)d.n;
	memcpy(e->text, key, n);
	if (d.n)
		memcpy(e->daemon, d.p, d.n);
}

/* apply_memo - the first row of a table (without words) that takes a
 * text, as the hit it makes */
static bool apply_memo(enum memo_table tab, const struct event *ev, struct span t, struct diag_hit *hit)
{
	struct text_match m;
	match_memo(tab, ev, t, &m);
	if (m.rule < 0)
		return false;
	const struct rule *r = &memo_info[tab].rules[m.rule];
	memset(hit, 0, sizeof *hit);
	hit->id = r->id;
	diag_make_key(r, ev, t, hit);
	return true;
}

/* classify_out - a delivery that did not succeed */
static bool classify_out(const struct event *ev, struct diag_hit *hit)
{
	struct span t = ev->type == EV_SMTP_CONN_FAIL ? ev->line->text
			: ev->reason.n				 ? ev->reason
								 : ev->text;
	if (!t.n)
		return false;
	memset(hit, 0, sizeof *hit);
	struct text_match m;
	match_memo(MEMO_OUT, ev, t, &m);
	if (m.cause >= 0) {
		hit->id = out_rules[m.cause].id;
		diag_make_key(&out_rules[m.cause], ev, span_skip(t, sizeof suspended - 1), hit);
	} else if (m.rule >= 0) {
		hit->id = out_rules[m.rule].id;
		diag_make_key(&out_rules[m.rule], ev, t, hit);
	} else {
		/* an SMTP client's line without a status (lost connection,
		 * a reply before the delivery line) is permanent only when the
		 * reply says 5xx */
		bool temp = span_eqs(ev->status, "deferred") || (ev->dsn.n && ev->dsn.p[0] == '4') ||
			    (ev->type != EV_DELIVERY && !ev->status.n &&
			     !(ev->dsn.n && ev->dsn.p[0] == '5') && !(ev->code.n && ev->code.p[0] == '5'));
		hit->id = temp ? F_OUT_REMOTE_TEMP : F_OUT_REMOTE_PERM;
		struct span host = diag_conn_host(ev, t);
		const char *p = provider_name(host);
		if (p)
			snprintf(hit->key, sizeof hit->key, "%s", p);
		else
			diag_copy_key(hit->key, host.n ? host : diag_rcpt_domain(ev->to));
	}
	/* Postfix defers on a DNS lookup only when the failure is temporary
	 * (SERVFAIL, time-out: dsn 4.4.3); a domain that does not exist bounces */
	if (hit->id == F_OUT_DNS_NXDOMAIN &&
	    (span_eqs(ev->status, "deferred") || (ev->dsn.n && ev->dsn.p[0] == '4'))) {
		hit->id = F_OUT_DNS_TEMP;
		hit->key[0] = 0;
	}
	/* a refused connection to this host's own services is a local service down */
	if (hit->id == F_OUT_REFUSED || hit->id == F_OUT_TIMEOUT) {
		struct span ip = ev->relay_ip;
		struct span c = span_find(t, "connect to ");
		if (c.p) {
			struct span lb = span_find(c, "[");
			ip = SPAN_NULL;
			if (lb.p) {
				struct span in = span_skip(lb, 1);
				ptrdiff_t end = span_chr(in, ']');
				if (end >= 0)
					ip = span_head(in, (size_t)end);
			}
			ptrdiff_t rb = span_chr(c, ']');
			bool unix_socket = rb < 0;
			if (unix_socket || span_eqs(ev->line->daemon, "lmtp"))
				hit->id = span_eqs(ev->line->daemon, "lmtp") || m.lit[OUT_LMTP] ? F_LMTP_DOWN
											: F_TRANSPORT_MISSING;
			else if (cidr_own_network(ip.p, ip.n) && !m.lit[OUT_PORT25])
				hit->id = F_FILTER_DOWN;
		}
	}
	/* "Relay access denied" from port 25 is the domain's MX refusing its
	 * own domain (their stale configuration); from a submission port, a
	 * smarthost that does not take this server (this side's) */
	if (hit->id == F_OUT_RELAY_DENIED && (span_eqs(ev->relay_port, "25") || m.lit[OUT_PORT25]))
		hit->id = F_OUT_MX_RELAY_DENIED;
	/* this host's own backend is never "a remote server" */
	char own[DIAG_KEY_MAX];
	enum own_kind kind = own_backend(ev, t, own);
	if (kind != OWN_NONE) {
		bool temp = span_eqs(ev->status, "deferred") || (ev->dsn.n && ev->dsn.p[0] == '4');
		enum finding_id to = own_finding(hit->id, kind, ev->dsn, temp);
		if (to != hit->id || to == F_IN_LMTP_USER_UNKNOWN) {
			hit->id = to;
			memset(hit->key, 0, sizeof hit->key);
			memcpy(hit->key, own, strlen(own));
		}
	}
	hit->port25 = m.lit[OUT_PORT25];
	if (ev->to.n) {
		hit->recipient = true;
		diag_copy_key(hit->subject, diag_rcpt_domain(ev->to));
	}
	return true;
}

/* classify_reject - a refusal that says something about this server */
static bool classify_reject(const struct event *ev, struct diag_hit *hit)
{
	struct span t = ev->reason;
	struct text_match m;
	memset(hit, 0, sizeof *hit);
	match_memo(MEMO_REJECT, ev, t, &m);
	/* a large provider's own server that this host could not name: its
	 * DNS, before the row that blames the client's missing name */
	if (ev_reject_unresolved_provider(ev)) {
		hit->id = F_IN_PTR_LOOKUP_FAILING;
		diag_copy_key(hit->key, span_of(provider_name(ev->helo)));
	} else if (m.rule >= 0) {
		hit->id = reject_rules[m.rule].id;
		diag_make_key(&reject_rules[m.rule], ev, t, hit);
		/* the subject is the domain that was not found */
		struct span dom;
		if (hit->id == F_RESOLVER_FAILING && ev_reject_domain_not_found(ev, &dom)) {
			diag_copy_key(hit->subject, dom);
			for (char *p = hit->subject; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			return true;
		}
	} else if (m.lit[REJECT_RELAY_DENIED] && ev_reject_provider_relay_denied(ev)) {
		/* a large provider delivers only to a domain's MX: the domain is ours */
		hit->id = F_IN_OWN_DOMAIN_RELAY_DENIED;
		struct span dom = diag_rcpt_domain(ev->to);
		diag_copy_key(hit->key, dom);
		for (char *p = hit->key; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	} else if (m.lit[REJECT_RELAY_DENIED] && cidr_own_network(ev->client_ip.p, ev->client_ip.n)) {
		hit->id = F_IN_OWN_RELAY_DENIED;
		diag_copy_key(hit->key, ev->client_ip);
	} else if (m.lit[REJECT_BLOCKED] && provider_name(ev->client_name)) {
		hit->id = F_IN_DNSBL_BIG_PROVIDER;
		struct span after = span_find(t, "blocked using ");
		diag_copy_key(hit->key, diag_token(span_skip(after, 14)));
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
	static const char *const commands[] = {"postsuper", "postqueue", "postmap", "postalias",
					       "postconf", "postcat", "postmulti", "postlog",
					       "postkick", "postlock", "sendmail", "mailq", "newaliases"};
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (span_eqs(daemon, commands[i]))
			return true;
	return false;
}

/* diag_classify - the finding one event shows, if any */
bool diag_classify(const struct event *ev, struct diag_hit *hit)
{
	/* once per thread through pthread_once (which orders compile's
	 * writes before this thread's reads), then a thread-local test */
	static _Thread_local bool ready;
	if (!ready) {
		pthread_once(&compiled, compile);
		ready = true;
	}
	/* hit is cleared only on the way to a finding: most events show none */
	const struct logline *l = ev->line;
	if (!l)
		return false;
	switch (ev->type) {
	case EV_DELIVERY:
		if (span_eqs(ev->status, "sent") || span_eqs(ev->status, "deliverable") ||
		    span_eqs(ev->status, "undeliverable"))
			return false;
		return classify_out(ev, hit);
	case EV_SMTP_ERROR:
	case EV_SMTP_CONN_FAIL:
		return classify_out(ev, hit);
	case EV_REJECT:
		return classify_reject(ev, hit);
	case EV_CLEANUP_ACTION: /* cleanup's milter-reject after the message's data */
		if (span_eqs(ev->action, "milter-reject"))
			return classify_reject(ev, hit);
		break;
	case EV_PS_DNSBL:
		return classify_dnsbl(ev, hit);
	case EV_EXPIRED: /* qmgr gave up: the message's fate, not a reason */
		memset(hit, 0, sizeof *hit);
		hit->id = F_MAIL_EXPIRED;
		return true;
	default:
		break;
	}
	if (!l->postfix)
		return false;
	/* the client's DNS, not this server's: never a sign against it */
	if (ev->type == EV_HOSTNAME_VERIFY) {
		memset(hit, 0, sizeof *hit);
		hit->id = F_IN_REMOTE_DNS;
		snprintf(hit->key, sizeof hit->key, "reverse DNS does not match");
		diag_copy_key(hit->subject, ev->client_ip);
		return true;
	}
	if (l->severity.n) {
		if (apply_memo(MEMO_DIAG, ev, l->text, hit))
			return true;
		bool fatal = span_eqs(l->severity, "fatal") || span_eqs(l->severity, "panic");
		if (fatal || ev->type == EV_WARNING)
			memset(hit, 0, sizeof *hit);
		if (fatal && is_command(l->daemon)) {
			hit->id = F_COMMAND_FAILED;
			diag_copy_key(hit->key, l->daemon);
			return true;
		}
		if (fatal) {
			hit->id = F_DAEMON_FATAL;
			diag_copy_key(hit->key, l->daemon);
			return true;
		}
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
		return apply_memo(MEMO_PLAIN, ev, l->text, hit);
	default:
		return false;
	}
}
