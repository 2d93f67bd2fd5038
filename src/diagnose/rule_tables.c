/*
 * rule_tables.c - the rows of the line -> finding rules for outbound
 * deliveries and for smtpd's and postscreen's refusals (rules.c reads
 * them top to bottom, the first match wins; the lines with a severity,
 * the few plain lines and other programs' are in rule_tables_severity.c).
 * Each row: the finding, where the line comes from, the daemon (or any),
 * the words one of which it must hold (case-blind), a word it must hold
 * too, and how its group key is made (rules_internal.h).  Data only.
 */
#include "rules_internal.h"

#include <stddef.h>

/*
 * Outbound: the reason of a failed delivery.  Local causes first (they
 * name this host's own services), then DNS and connectivity, then the
 * remote server's answer by what it says.
 */
const struct rule rule_out[] = {
    /* local/alias.c: the aliases database could not be read ("alias
     * database unavailable", 4.3.0): this host's own table, before any row
     * of a remote's answer */
    {F_ALIAS_DB_MISSING, SRC_OUT, "local", {"alias database unavailable"}, NULL, K_FIXED, "local"},
    /* local/mailbox.c and virtual/mailbox.c "cannot update mailbox %s for
     * user %s. destination %s is not owned by recipient", or the mailbox,
     * its lock file (dot_lockfile.c "unable to create lock file %s: %m")
     * or safe_open.c's "cannot open file: %m" refused by the file system;
     * maildir.c "maildir delivery failed: create maildir file %s: %m".
     * Only local's and virtual's: "Command output: ... Permission denied"
     * is its command's (lda_output.c for Dovecot's LDA) */
    /* local's and virtual's mailbox write on a full file system ("cannot
     * update mailbox ... error writing message: No space left on device",
     * 4.3.0; "create maildir file ...: No space left on device"): this
     * host's disk; a remote server's words are never read here */
    {F_DISK_FULL, SRC_OUT, "local", {"No space left on device"}, NULL, K_FIXED, "No space left on device"},
    {F_DISK_FULL, SRC_OUT, "virtual", {"No space left on device"}, NULL, K_FIXED, "No space left on device"},
    /* local's, virtual's and pipe's own delivery (or the command it ran,
     * "Command output: fork: Resource temporarily unavailable") refused a
     * process, memory or a file by this host: its resources, not the
     * mailbox nor the command's settings; a remote server's words are
     * never read here */
    {F_HOST_MEMORY, SRC_OUT, "local", {"Cannot allocate memory"}, NULL, K_FIXED, "Cannot allocate memory"},
    {F_HOST_MEMORY, SRC_OUT, "virtual", {"Cannot allocate memory"}, NULL, K_FIXED, "Cannot allocate memory"},
    {F_HOST_MEMORY, SRC_OUT, "pipe", {"Cannot allocate memory"}, NULL, K_FIXED, "Cannot allocate memory"},
    {F_HOST_FORK, SRC_OUT, "local", {"fork: Resource temporarily unavailable"}, NULL, K_FIXED, "fork: Resource temporarily unavailable"},
    {F_HOST_FORK, SRC_OUT, "pipe", {"fork: Resource temporarily unavailable"}, NULL, K_FIXED, "fork: Resource temporarily unavailable"},
    {F_HOST_FILES, SRC_OUT, "local", {"Too many open files"}, NULL, K_FIXED, "Too many open files"},
    {F_HOST_FILES, SRC_OUT, "virtual", {"Too many open files"}, NULL, K_FIXED, "Too many open files"},
    {F_OWN_MAILBOX_ACCESS, SRC_OUT, "local", {"is not owned by recipient", "Permission denied", "Operation not permitted"}, "cannot update mailbox ", K_AFTER, "cannot update mailbox "},
    {F_OWN_MAILBOX_ACCESS, SRC_OUT, "virtual", {"is not owned by recipient", "Permission denied", "Operation not permitted"}, "cannot update mailbox ", K_AFTER, "cannot update mailbox "},
    {F_OWN_MAILBOX_ACCESS, SRC_OUT, "local", {"Permission denied", "Operation not permitted"}, "create maildir file ", K_SERVICE, NULL},
    {F_OWN_MAILBOX_ACCESS, SRC_OUT, "virtual", {"Permission denied", "Operation not permitted"}, "create maildir file ", K_SERVICE, NULL},
    {F_OUT_LOOP, SRC_OUT, NULL, {"loops back to myself", "greeted me with my own hostname"}, NULL, K_CONNHOST, NULL},
    /* local/recipient.c, pipe.c "mail forwarding loop for %s" (5.4.6: a
     * Delivered-To: of the address is already there), cleanup_strerror.c
     * "too many hops" (5.4.0), Exchange's "5.4.14 Hop count exceeded -
     * possible mail loop": the mail goes round; on this host's own
     * backends too (own_finding keeps it) */
    {F_MAIL_LOOP, SRC_OUT, NULL, {"mail forwarding loop for ", "too many hops", "hop count exceeded", "hopcount exceeded", "possible mail loop", "suspected mail loop", "mail loop detected"}, NULL, K_CONNHOST, NULL},
    /* local/alias.c "alias database loop for %s" (5.4.6): an alias of
     * alias_maps nested more than 100 deep, a loop of local aliases */
    {F_MAIL_LOOP, SRC_OUT, "local", {"alias database loop for "}, NULL, K_CONNHOST, NULL},
    /* smtp_proto.c: the message needs SMTPUTF8 and the server does not offer it */
    {F_OUT_SMTPUTF8, SRC_OUT, NULL, {"SMTPUTF8 is required", "SMTPUTF8 support required", "5.6.7"}, NULL, K_CONNHOST, NULL},
    /* smtp_tls_policy.c's own reasons at the "dane" and "dane-only"
     * levels; not the bare word "DANE", which a remote reply holds
     * inside other words ("barracudanetworks.com") */
    {F_OUT_DANE, SRC_OUT, NULL, {"non DNSSEC destination", "TLSA lookup error", "no TLSA records", "TLSA records unusable", "with dnssec lookups disabled"}, NULL, K_CONNHOST, NULL},
    /* smtp_sasl_glue.c: "SASL authentication failed; server %s said: %s" is
     * the relay's refusal of the account; "cannot authenticate to server"
     * is this side's SASL library */
    {F_OUT_RELAY_LOGIN_REFUSED, SRC_OUT, NULL, {"SASL authentication failed; server "}, " said: ", K_CONNHOST, NULL},
    /* smtp_sasl_proto.c: a password for the relay, but no mechanism
     * left after smtp_sasl_mechanism_filter, or no AUTH offered on this
     * connection (before STARTTLS): this side's settings, not the library */
    {F_OUT_RELAY_NO_MECH, SRC_OUT, NULL, {"offered no compatible authentication mechanisms"}, NULL, K_CONNHOST, NULL},
    /* smtp_sasl_glue.c "cannot authenticate to server %s: %s" with the
     * Cyrus library's SASL_BADPROT / SASL_FAIL words: the plugin chose a
     * mechanism and started, then gave up (an XOAUTH2 plugin's token);
     * "no mechanism available" (SASL_NOMECH) stays the row below */
    {F_OUT_RELAY_PLUGIN, SRC_OUT, NULL, {": bad protocol / cancel", ": generic failure"}, "cannot authenticate to server ", K_CONNHOST, NULL},
    {F_OUT_RELAY_SASL, SRC_OUT, NULL, {"SASL authentication failed", "No worthy mechs", "cannot authenticate to server"}, NULL, K_CONNHOST, NULL},
    /* Microsoft's delivery restrictions of a group or a recipient
     * (RESOLVER.RST.AuthRequired, SenderNotAuthenticatedForGroup,
     * NotAuthorized, SenderNotAllowed: only the organisation's own
     * senders may write to it): the recipient's rule, no login this
     * server could give; before the login rows, whose "authentication
     * required" it holds (a remote_other answer, rules.c) */
    {F_OUT_REMOTE_PERM, SRC_OUT, NULL, {"RESOLVER.RST."}, NULL, K_PROVIDER, NULL},
    /* the next hop wants a login this server did not give: a remote
     * Postfix's "530 5.7.0 Authentication required" and "Sender address
     * rejected: not logged in" (smtpd_sender_login_maps), Gmail's
     * "530-5.7.0 Authentication Required", Microsoft 365's "5.7.57
     * Client not authenticated" (not the bare codes: "5.7.60" is in
     * "5.7.606", a banned sending IP) */
    {F_OUT_RELAY_NO_LOGIN, SRC_OUT, NULL, {"Authentication required", "not authenticated to send", "Client not authenticated", "Client was not authenticated", "Sender address rejected: not logged in", "Unauthenticated senders not allowed"}, NULL, K_CONNHOST, NULL},
    /* the login worked, the sender is not the account's: a remote
     * Postfix's reject_sender_login_mismatch, Microsoft 365's 5.7.60
     * (SendAsDenied), a relay service's sender that is no verified
     * identity of the account (Amazon SES, SendGrid) */
    {F_OUT_RELAY_SENDER, SRC_OUT, NULL, {"Sender address rejected: not owned by user", "permissions to send as this sender", "SendAsDenied", "Email address is not verified", "verified Sender Identity"}, NULL, K_CONNHOST, NULL},
    {F_TRANSPORT_MISSING, SRC_OUT, NULL, {"mail transport unavailable", "unknown mail transport"}, NULL, K_NONE, NULL},
    /* smtp_trouble.c's SMTP_ERR_DATA: the client stopped on its own error
     * (a lookup table failing: smtp_sasl_glue.c's "smtp_sasl_password_maps
     * lookup error"; a queue file it could not read), not the remote's */
    {F_OUT_LOCAL_ERROR, SRC_OUT, NULL, {"local data error while talking to"}, NULL, K_NONE, NULL},
    /* smtp_connect.c's "connect to HOST[ADDR]:PORT: %m" with connect()'s
     * EADDRNOTAVAIL: this host has no source address of that family (an
     * IPv6 destination from a container or host without IPv6), not a
     * bind address (whose failure smtp_connect_addr logs as "bind ADDR") */
    {F_OUT_NET_UNREACHABLE, SRC_OUT, NULL, {"Cannot assign requested address", "Can't assign requested address"}, "connect to ", K_NETFAMILY, NULL},
    /* smtp_connect.c: bind() to smtp_bind_address failed (EADDRNOTAVAIL;
     * "Can't ..." is the BSDs' and macOS's strerror for it) */
    {F_OUT_BIND_ADDRESS, SRC_OUT, NULL, {"Cannot assign requested address", "Can't assign requested address"}, NULL, K_NONE, NULL},
    {F_OUT_NET_UNREACHABLE, SRC_OUT, NULL, {"Network is unreachable", "No route to host"}, NULL, K_NETFAMILY, NULL},
    /* the remote server refuses this server's own name, sender or lack
     * of TLS (before the DNS rows: "Helo command rejected: Host not
     * found" is the remote's lookup of this server's name, not ours) */
    {F_OUT_HELO_REJECTED, SRC_OUT, NULL, {"Helo command rejected", "EHLO command rejected", "HELO command rejected", "invalid HELO", "bad HELO", "HELO hostname", "EHLO hostname", "HELO name", "EHLO name", "HELO/EHLO", "EHLO/HELO"}, NULL, K_PROVIDER, NULL},
    /* a remote Postfix's reject_unverified_sender (or _recipient) on its
     * first probe of the address: deferred until the probe's answer is
     * in (it passes on retry when the address takes mail), as
     * greylisting; before the sender rows, whose "unverified address" it
     * holds, and the unknown-user rows */
    {F_OUT_GREYLISTED, SRC_OUT, NULL, {"Address verification in progress"}, NULL, K_PROVIDER, NULL},
    {F_OUT_SENDER_REJECTED, SRC_OUT, NULL, {"Sender address rejected: Domain not found", "Sender address rejected: need fully-qualified", "Sender address rejected: Malformed", "Sender verify failed", "sender domain does not exist", "5.1.8", "4.1.8"}, NULL, K_PROVIDER, NULL},
    /* the remote checked the sender and it failed: a callout to the
     * sender domain's MX refused it or did not answer (Postfix's
     * reject_unverified_sender, Exim's "Could not complete sender verify
     * callout", milters' "Sender verification failed"), or its domain has
     * no usable DNS (qmail "envelope sender domain must exist", Yahoo
     * "unresolvable RFC.5321 from address", GMX "invalid DNS MX or
     * A/AAAA resource record"); X.1.7 is a bad sender address (Gmail's
     * "not a valid RFC 5321 address") */
    {F_OUT_SENDER_REJECTED, SRC_OUT, NULL, {"Sender address rejected: unverified address", "Sender address rejected: undeliverable address", "sender verify callout", "Sender verification failed", "envelope sender domain must exist", "unresolvable RFC.5321 from address", "invalid DNS MX or A/AAAA", "5.1.7", "4.1.7", "Sender domain has no MX"}, NULL, K_PROVIDER, NULL},
    {F_OUT_TLS_REQUIRED, SRC_OUT, NULL, {"Must issue a STARTTLS", "STARTTLS is required", "STARTTLS required", "Encryption required", "TLS required", "over a TLS connection"}, NULL, K_PROVIDER, NULL},
    {F_OUT_DNS_TEMP, SRC_OUT, NULL, {"try again", "SERVFAIL", "Temporary failure in name resolution"}, "Name service error", K_NONE, NULL},
    {F_OUT_DNS_TEMP, SRC_OUT, NULL, {"Host or domain name not found. Name service error"}, "try again", K_NONE, NULL},
    {F_OUT_DNS_NXDOMAIN, SRC_OUT, NULL, {"Host or domain name not found", "Host not found", "Domain not found", "no MX host", "Name service error", "MX host for", "does not accept mail (nullMX)"}, NULL, K_CONNHOST, NULL},
    /* smtp_trouble.c's SMTP_ERR_EOF and SMTP_ERR_TIME: connected, then
     * the server hung up or went silent mid-conversation ("while
     * receiving the initial server greeting", "while sending message
     * body"); a connect that times out is the next row */
    {F_OUT_CONV_LOST, SRC_OUT, NULL, {"lost connection with ", "timed out while "}, NULL, K_CONNHOST, NULL},
    {F_OUT_TIMEOUT, SRC_OUT, NULL, {"Connection timed out", "Operation timed out", "conversation with", "timed out while"}, "timed out", K_CONNHOST, NULL},
    {F_OUT_REFUSED, SRC_OUT, NULL, {"Connection refused", "No such file or directory"}, "connect to ", K_CONNHOST, NULL},
    /* the same in a paste whose address protection ate the host and its
     * blank ("connect to[]:10024: Connection refused") */
    {F_OUT_REFUSED, SRC_OUT, NULL, {"Connection refused"}, "connect to[", K_NONE, NULL},
    /* the remote server's answer; "Client host [IP] blocked using
     * LIST" is a remote Postfix's reject_rbl_client (or its imitation)
     * naming the DNS blocklist, even when the list's own name says
     * "Reputation" (Barracuda's); T-Online's "(BL)" after its "Ask your
     * postmaster ... tosa@rx.t-online.de to clarify." is its own blocklist
     * of the address (its "none/bad reputation" without it is the
     * reputation row's) */
    /* a remote Postfix's reject_rbl_client (or rhsbl) that took its
     * list's error code for a listing: Spamhaus's 127.255.255.254 "Error:
     * open resolver" to queries from public resolvers, .255 "Error:
     * excessive number of queries"; $rbl_reason is the list's TXT answer.
     * The remote's resolver, not this server's address */
    {F_OUT_REMOTE_DNSBL_ERROR, SRC_OUT, NULL, {"Error: open resolver", "127.255.255.", "returnc/", "Error: "}, "blocked using", K_PROVIDER, NULL},
    {F_OUT_BLOCKLISTED, SRC_OUT, NULL, {"blocked using", "Trend Micro Email Reputation", ") (BL)"}, NULL, K_PROVIDER, NULL},
    /* Yahoo's and AOL's "[TSS04] Messages from IP temporarily deferred due
     * to user complaints": its users reported mail from this address as
     * spam, so the mail came from this server itself (a stolen account, a
     * web script, an open relay, backscatter); before the reputation row,
     * which "[TSS04]" would match.  Not Yahoo's later "due to unexpected
     * volume or user complaints", which may be volume alone */
    {F_OUT_COMPLAINTS, SRC_OUT, NULL, {"due to user complaints", "due to spam complaints"}, NULL, K_PROVIDER, NULL},
    {F_OUT_REPUTATION, SRC_OUT, NULL, {"unsolicited mail originating from your IP", "IP reputation", "low reputation", "poor reputation", "sender reputation", "UnsolicitedIP", "TSS04", "TSS09", "not authorized to send email directly", "spams from your IP", "dynamic IP"}, NULL, K_PROVIDER, NULL},
    /* Gmail's NotAuthorizedError ("The IP you're using to send mail is not
     * authorized to send email directly to our servers"): an address
     * range Google takes for end users; in the log its multi-line reply
     * reads "... not authorized to 550-5.7.1 send email directly ...", so
     * the needles are the words within one of its lines */
    {F_OUT_REPUTATION, SRC_OUT, NULL, {"NotAuthorizedError", "send email directly to our servers"}, NULL, K_PROVIDER, NULL},
    {F_OUT_REPUTATION, SRC_OUT, NULL, {"S3150", "S3140", "banned sending IP", "5.7.606", "5.7.511", "part of their network is on our block list", "reputation"}, NULL, K_PROVIDER, NULL},
    /* Proofpoint's and Cloudmark's verdict on the sending IP (Apple
     * iCloud's [CSnn] codes); T-Online's refusal of an IP it does not
     * trust names its postmaster desk */
    {F_OUT_REPUTATION, SRC_OUT, NULL, {"ipcheck.proofpoint.com", "[CS01]", "[CS02]", "csi.cloudmark.com", "csi.mimecast.org", "tosa@rx.t-online.de"}, NULL, K_PROVIDER, NULL},
    /* Microsoft's 5.7.708 "Access denied, traffic not accepted from this
     * IP" (an address with no sending history, or a range abused before);
     * Yahoo's [TS01] [TS02] deferrals "due to user complaints" or
     * "unexpected volume" and [TS03] "permanently deferred" */
    {F_OUT_REPUTATION, SRC_OUT, NULL, {"5.7.708", "traffic not accepted from this IP", "[TS01]", "[TS02]", "[TS03]", "[GL01]", "unexpected volume", "[TSS"}, NULL, K_PROVIDER, NULL},
    /* Gmail's 4.7.32/5.7.32: "the From: header (RFC5322) in this message
     * isn't aligned with either the authenticated SPF or DKIM
     * organizational domain" is DMARC's alignment, before the malformed
     * row's "RFC5322" */
    {F_OUT_DMARC_UNALIGNED, SRC_OUT, NULL, {"isn't aligned with", "not aligned with"}, NULL, K_PROVIDER, NULL},
    /* the message as this side built it: Gmail's "not RFC 5322 compliant"
     * (RfcMessageNonCompliant), Microsoft's bare line feeds, "5.6.0" */
    {F_OUT_MALFORMED, SRC_OUT, NULL, {"RFC 5322", "RFC5322", "RFC 2822", "RfcMessageNonCompliant", "invalid header", "malformed header", "header is missing", "missing a valid Message-ID", "duplicate header", "BareLinefeedsAreIllegal", "bare linefeed", "5.6.0"}, NULL, K_PROVIDER, NULL},
    /* Microsoft's 5.6.211 "Invalid MIME Content", Gmail's "Messages
     * missing a valid address in From: header, or having no From:
     * header" (not the bare "From: header": DMARC replies speak of its
     * alignment) */
    {F_OUT_MALFORMED, SRC_OUT, NULL, {"Invalid MIME", "valid address in From: header", "no From: header", "multiple addresses in From: header"}, NULL, K_PROVIDER, NULL},
    {F_OUT_AUTH_CHECKS, SRC_OUT, NULL, {"authentication checks", "SPF", "DKIM", "DMARC", "5.7.26", "5.7.27", "5.7.23", "unauthenticated email", "5.7.515", "5.7.509", "required authentication level", "sender is unauthenticated"}, NULL, K_PROVIDER, NULL},
    /* Mimecast's "Rejected by header based Anti-Spoofing policy": mail in
     * the recipient organisation's own name from a server it does not
     * authorise (SPF, DKIM) */
    {F_OUT_AUTH_CHECKS, SRC_OUT, NULL, {"Anti-Spoofing"}, NULL, K_PROVIDER, NULL},
    /* Yahoo's (and AOL's) "554 5.7.9 Message not accepted for policy
     * reasons": its sender-authentication refusal (SPF, DKIM, DMARC), not
     * the content row's bare "not accepted for policy reasons" */
    {F_OUT_AUTH_CHECKS, SRC_OUT, NULL, {"not accepted for policy reasons"}, "5.7.9", K_PROVIDER, NULL},
    {F_OUT_NO_PTR, SRC_OUT, NULL, {"5.7.25", "PTR record", "PTR resource record", "reverse DNS", "rDNS", "reverse hostname", "does not have a reverse", "cannot find your hostname"}, NULL, K_PROVIDER, NULL},
    {F_OUT_BLOCKLISTED, SRC_OUT, NULL, {"blocked using", "listed at", "listed on", "listed in", "Spamhaus", "blacklist", "blocklist", "barracudacentral", "block listed", "black listed", "DNSBL"}, NULL, K_PROVIDER, NULL},
    /* lists named by their lookup pages or names; a remote postscreen's
     * permanent refusal (dnsbl or access list enforce, before any
     * command); not the bare "SpamCop" (the content row's "spam") */
    {F_OUT_BLOCKLISTED, SRC_OUT, NULL, {"spamcop.net", "UCEPROTECT", "sorbs.net", "5.3.2 Service currently unavailable"}, NULL, K_PROVIDER, NULL},
    /* one recipient's limit, from all senders (before "too many"):
     * Gmail's 4.2.1 "receiving mail at a rate", Microsoft's 5.2.121/5.2.122
     * "per hour message receive limit"; Microsoft's 4.7.500-4.7.699 "Server
     * busy. Please try again later from [IP]" throttles this address */
    {F_OUT_RCPT_RATE, SRC_OUT, NULL, {"receiving mail at a rate", "receiving mail too quickly", "message receive limit"}, NULL, K_PROVIDER, NULL},
    {F_OUT_RATE_LIMITED, SRC_OUT, NULL, {"4.7.28", "Server busy. Please try again later from", "rate limit", "rate-limit", "ratelimit", "too many", "unusual rate", "temporarily rate", "maximum number of connections", "concurrent server connections"}, NULL, K_PROVIDER, NULL},
    /* the relay host's limit on this server's account (Google Workspace's
     * 5.4.5 "Daily user sending limit exceeded", "Daily sending quota
     * exceeded"): a rate, not a recipient's full mailbox */
    /* and Amazon SES's "454 Throttling failure: Maximum sending rate
     * exceeded" / "Daily message quota exceeded" (the account's limits) */
    {F_OUT_RATE_LIMITED, SRC_OUT, NULL, {"sending limit", "sending quota", "Throttling failure", "message quota exceeded"}, NULL, K_PROVIDER, NULL},
    {F_OUT_GREYLISTED, SRC_OUT, NULL, {"greylist", "graylist", "grey-list", "gray-list", "greylisted"}, NULL, K_PROVIDER, NULL},
    /* a remote postscreen's after-greeting tests: 450 until this server
     * connects again, then passed */
    {F_OUT_GREYLISTED, SRC_OUT, NULL, {"4.3.2 Service currently unavailable"}, NULL, K_PROVIDER, NULL},
    {F_OUT_MAILBOX_FULL, SRC_OUT, NULL, {"5.2.2", "quota", "mailbox full", "mailbox is full", "insufficient storage", "over quota", "exceeded storage allocation"}, NULL, K_PROVIDER, NULL},
    /* the next hop is no MX of the domain and does not take this server as a relay client */
    {F_OUT_RELAY_DENIED, SRC_OUT, NULL, {"Relay access denied", "Relaying denied", "relay not permitted", "not permitted to relay", "relaying not allowed", "5.7.64", "Unable to relay", "Relaying disallowed", "Open relay not allowed", "allowed rcpthosts", "configured to let you", "from unregistered domains"}, NULL, K_CONNHOST, NULL},
    /* Google Workspace's SMTP relay: "550 5.7.0 Mail relay denied [IP].
     * Invalid credentials for relay for one of the domains in: ..." */
    {F_OUT_RELAY_DENIED, SRC_OUT, NULL, {"Mail relay denied"}, NULL, K_CONNHOST, NULL},
    {F_OUT_TOO_BIG, SRC_OUT, NULL, {"5.3.4", "Message size exceeds", "message too big", "message is too big", "exceeds size limit", "size exceeds", "5.2.3", "maximum fixed size", "email size exceeded"}, NULL, K_PROVIDER, NULL},
    /* Microsoft 365's Directory-Based Edge Blocking: "550 5.4.1
     * Recipient address rejected: Access denied. AS(201806281)" (older:
     * "550 5.4.1 [ADDR]: Recipient address rejected: Access denied") is an
     * address the tenant does not have; any other "Recipient address
     * rejected: Access denied" (an access table's REJECT) or "Improper
     * use of SMTP command pipelining" is the remote's own rule, not an
     * unknown user (a remote_other answer, rules.c) */
    {F_OUT_USER_UNKNOWN, SRC_OUT, NULL, {"AS(201806281)", "5.4.1"}, "Recipient address rejected: Access denied", K_PROVIDER, NULL},
    {F_OUT_REMOTE_PERM, SRC_OUT, NULL, {"Recipient address rejected: Access denied", "Improper use of SMTP command pipelining"}, NULL, K_PROVIDER, NULL},
    {F_IN_LMTP_USER_UNKNOWN, SRC_OUT, "lmtp", {"User doesn't exist", "5.1.1", "User unknown", "does not exist", "no such user", "unknown user"}, NULL, K_CONNHOST, NULL},
    {F_OUT_USER_UNKNOWN, SRC_OUT, NULL, {"5.1.1", "User unknown", "does not exist", "no such user", "unknown user", "mailbox unavailable", "address rejected", "user not found", "invalid recipient", "5.1.0", "5.2.1", "Unrouteable address"}, NULL, K_PROVIDER, NULL},
    /* Yahoo's "552 1 Requested mail action aborted, mailbox not found"
     * and "554 30 ... This mailbox is disabled (554.30)"; Microsoft's
     * "5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP
     * address lookup" (5.1.1 is a number: not found inside 5.1.10) */
    {F_OUT_USER_UNKNOWN, SRC_OUT, NULL, {"mailbox not found", "mailbox is disabled", "RecipientNotFound", "Recipient not found"}, NULL, K_PROVIDER, NULL},
    /* the other wordings of a recipient that is not there: Yahoo's and
     * AOL's "This user doesn't have a yahoo.com account", Mail.ru's
     * "account is disabled", Exim's "Unknown local part", qmail's
     * validrcptto, and the plain "Recipient unknown", "No such
     * recipient", "No such mailbox", "Invalid mailbox"; X.1.6, a mailbox
     * that moved with no forwarding address */
    {F_OUT_USER_UNKNOWN, SRC_OUT, NULL, {"This user doesn't have a", "account is disabled", "Unknown local part", "validrcptto", "Recipient unknown", "unknown recipient", "No such recipient", "No such mailbox", "Invalid mailbox", "Address unknown", "5.1.6"}, NULL, K_PROVIDER, NULL},
    /* amavis's own failure ("451 4.5.0 Error in processing, id=...,
     * spam-tag FAILED"): the remote's filter broke, no verdict on the
     * mail (a remote_other answer, rules.c), before the content row */
    {F_OUT_REMOTE_PERM, SRC_OUT, NULL, {"Error in processing, id="}, NULL, K_PROVIDER, NULL},
    /* "~": a word of prose, not found in a URL or host name the reply
     * points to ("https://spam.example.net/faq" after a 421 at EHLO) */
    {F_OUT_CONTENT, SRC_OUT, NULL, {"~spam", "~virus", "~phish", "~malware", "content rejected", "message rejected", "content presents", "BlockedMessage", "message content", "security issue", "not accepted for policy reasons"}, NULL, K_PROVIDER, NULL},
    /* amavis's "Reject, id=... - INFECTED: NAME" and "- BANNED: PART"
     * (an attachment type it refuses), Mimecast's and Fastmail's "Email
     * rejected due to security policies", Symantec MessageLabs' "Message
     * filtered" */
    {F_OUT_CONTENT, SRC_OUT, NULL, {"- INFECTED", "- BANNED", "rejected due to security policies", "Message filtered"}, NULL, K_PROVIDER, NULL},
    /* smtp_proto.c: the TLS policy (secure, verify, dane) wants a certificate that verifies */
    {F_OUT_TLS_UNVERIFIED, SRC_OUT, NULL, {"Server certificate not verified", "Server certificate not trusted", "certificate verification failed"}, NULL, K_CONNHOST, NULL},
    /* smtp_proto.c: this side's policy wants TLS, the server does not
     * offer STARTTLS; no handshake was tried */
    {F_OUT_TLS_NOT_OFFERED, SRC_OUT, NULL, {"TLS is required, but was not offered"}, NULL, K_CONNHOST, NULL},
    {F_OUT_TLS_FAIL, SRC_OUT, NULL, {"TLS is required", "Must issue a STARTTLS", "Cannot start TLS", "TLS handshake", "SSL_connect error", "certificate verification failed", "Server certificate not verified", "Server certificate not trusted"}, NULL, K_CONNHOST, NULL},
    {F_OUT_SUSPENDED, SRC_OUT, NULL, {"delivery temporarily suspended"}, NULL, K_CONNHOST, NULL},
};

/* inbound: what smtpd and postscreen refused, when the refusal itself is the finding */
const struct rule rule_reject[] = {
    {F_IN_NO_STORAGE, SRC_REJECT, NULL, {"Insufficient system storage"}, NULL, K_NONE, NULL},
    /* smtpd_check.c at MAIL FROM with SIZE=, smtpd.c after the data */
    {F_IN_TOO_BIG, SRC_REJECT, NULL, {"Message size exceeds fixed limit"}, NULL, K_NONE, NULL},
    {F_IN_CONFIG_PROBLEM, SRC_REJECT, NULL, {"Server configuration problem", "Server configuration error"}, NULL, K_NONE, NULL},
    /* smtpd_check.c reject_dict_retry "<%s>: Temporary lookup failure",
     * "451 4.3.0 Temporary lookup error": a table of this server failed */
    /* smtpd_check.c's "unverified address: %s" with the verify probe's
     * "Address lookup failure": resolving the address failed here */
    {F_MAP_TEMP_FAILURE, SRC_REJECT, NULL, {": Temporary lookup failure", "4.3.0 Temporary lookup error", "unverified address: Address lookup failure"}, NULL, K_NONE, NULL},
    /* smtpd.c's cleanup error at the end of the data: the hop count */
    {F_MAIL_LOOP, SRC_REJECT, NULL, {"Error: too many hops"}, NULL, K_FIXED, "too many hops"},
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
    /* postgrey, sqlgrey, gld, milter-greylist, policyd: a temporary
     * refusal; postgrey's --delay-text as images set it ("Delayed by
     * Postgrey") names no greylist, only the service */
    {F_IN_GREYLISTING, SRC_REJECT, NULL, {"greylist", "graylist", "grey-list", "gray-list", "postgrey"}, NULL, K_NONE, NULL},
    {F_POLICY_DOWN, SRC_REJECT, NULL, {"Policy rejection not logged", "policy service"}, "4.3.5", K_NONE, NULL},
    /* milter8.c's reply when a milter fails and milter_default_action =
     * tempfail (smtpd's or cleanup's milter-reject): every sender refused,
     * the effect told apart from its cause (milter-unreachable, -crashed)
     * since it is what stops the mail */
    {F_MILTER_TEMPFAIL, SRC_REJECT, NULL, {"Service unavailable - try again later"}, NULL, K_FIXED, "milter_default_action = tempfail"},
    /* cleanup's milter-reject after the data for the sender domain's
     * authentication: OpenDMARC's "rejected by DMARC policy for %s",
     * OpenDKIM's "bad DKIM signature data", SPF milters' "SPF fail",
     * Plesk's SPF handler's "SPF validation failed", RFC 7372's codes
     * (5.7.23 SPF validation failed, 5.7.24 SPF validation error, 5.7.26
     * multiple authentication checks failed); smtpd's own refusals of the kind stay known-sender-refused's */
    {F_IN_SENDER_AUTH_REFUSED, SRC_REJECT, "cleanup", {"DMARC policy", "bad DKIM signature", "DKIM signature verification failed", "no valid DKIM signature", "SPF fail", "SPF check failed", "SPF validation failed", "SPF validation error", "5.7.23 ", "5.7.24 ", "5.7.26 "}, NULL, K_NONE, NULL},
};

const size_t rule_out_n = sizeof rule_out / sizeof rule_out[0];
const size_t rule_reject_n = sizeof rule_reject / sizeof rule_reject[0];
