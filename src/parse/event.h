/*
 * event.h - one recognised log line, as a typed event.
 *
 * The parsers (src/parse/<program>.c) fill a struct event from a struct
 * logline.  Every text field is a span into the line: valid only until
 * the next line is read.  Consumers that keep anything copy it (the model
 * interns or duplicates).  Fields a line does not carry are left unset
 * (span.p == NULL, numbers at their "absent" values, see ev_reset).
 * Addresses are canonical (pc_addr_canon, once per line in parse_line):
 * "::ffff:192.0.2.1" is 192.0.2.1, "2001:DB8:0::7" is 2001:db8::7; the
 * canonical text, when it differs, lives in the event itself.
 *
 * The JSON names of types and fields are the stable schema documented in
 * docs/events.md; keep the two tables in event.c in step with it.
 */
#ifndef POSTSLEUTH_EVENT_H
#define POSTSLEUTH_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include "../syslog/prefix.h"
#include "../util/span.h"

/* X-macro: enum name, JSON type name */
#define EVENT_TYPES(X)                                                           \
	X(EV_NONE, "none")                 /* not a log line of interest */       \
	X(EV_UNKNOWN, "unknown")           /* a Postfix line we do not know */    \
	X(EV_NOISE, "noise")               /* verbose/debug chatter, recognised */\
	X(EV_OTHER, "other")               /* a non-Postfix line (dovecot ...) */ \
	/* smtpd */                                                               \
	X(EV_CONNECT, "connect")                                                  \
	X(EV_DISCONNECT, "disconnect")                                            \
	X(EV_LOST, "lost")                 /* lost connection/timeout/too many errors after X */ \
	X(EV_REJECT, "reject")             /* NOQUEUE/QID: action: stage from ...: ... */ \
	X(EV_SASL_FAIL, "sasl_fail")                                              \
	X(EV_SASL_ABORT, "sasl_abort")                                            \
	X(EV_CLIENT, "client")             /* QID: client=... */                  \
	X(EV_HOSTNAME_VERIFY, "hostname_verify")                                  \
	X(EV_NON_SMTP, "non_smtp")         /* warning: non-SMTP command from */   \
	X(EV_PIPELINING, "pipelining")     /* improper command pipelining */      \
	X(EV_RATE_LIMIT, "rate_limit")                                            \
	X(EV_TLS, "tls")                   /* TLS connection established */       \
	X(EV_TLS_ERROR, "tls_error")                                              \
	X(EV_SMTP_IN, "smtp_in")           /* verbose "< client: COMMAND" */      \
	X(EV_SMTP_OUT, "smtp_out")         /* verbose "> client: reply" */        \
	X(EV_TLS_READ, "tls_read")         /* TLS debug "Read N chars: ..." */    \
	X(EV_TLS_WRITE, "tls_write")       /* TLS debug "Write N chars: ..." */   \
	/* cleanup */                                                             \
	X(EV_MESSAGE_ID, "message_id")                                            \
	X(EV_CLEANUP_ACTION, "cleanup_action") /* header/body/milter checks */    \
	X(EV_CLEANUP_REMOVED, "cleanup_removed")                                  \
	/* qmgr */                                                                \
	X(EV_QUEUED, "queued")             /* from=<>, size=, nrcpt= (queue active) */ \
	X(EV_REMOVED, "removed")                                                  \
	X(EV_EXPIRED, "expired")           /* from=<>, status=expired, returned */\
	/* delivery agents */                                                     \
	X(EV_DELIVERY, "delivery")         /* to=<>, relay=, status= */           \
	X(EV_SMTP_CONN_FAIL, "smtp_conn_fail") /* smtp: connect to X: refused */  \
	X(EV_SMTP_ERROR, "smtp_error")     /* smtp: QID: host X said/refused...*/ \
	/* bounce, pickup, postsuper */                                           \
	X(EV_NOTIFICATION, "notification") /* QID: sender ... notification: NEW */\
	X(EV_PICKUP, "pickup")                                                    \
	X(EV_POSTSUPER, "postsuper")                                              \
	/* postscreen */                                                          \
	X(EV_PS_CONNECT, "ps_connect")                                            \
	X(EV_PS_PASS, "ps_pass")                                                  \
	X(EV_PS_PREGREET, "ps_pregreet")                                          \
	X(EV_PS_HANGUP, "ps_hangup")                                              \
	X(EV_PS_DNSBL, "ps_dnsbl")                                                \
	X(EV_PS_VIOLATION, "ps_violation") /* NON-SMTP COMMAND, BARE NEWLINE, COMMAND PIPELINING ... */ \
	X(EV_PS_LISTED, "ps_listed")       /* ALLOWLISTED/DENYLISTED/WHITE/BLACK */ \
	X(EV_PS_DISCONNECT, "ps_disconnect")                                      \
	/* other daemons */                                                       \
	X(EV_ANVIL, "anvil")                                                      \
	X(EV_MASTER, "master")                                                    \
	X(EV_WARNING, "warning")           /* any warning/error/fatal/panic not */\
	                                   /* recognised more precisely */         \
	X(EV_INFO, "info")                 /* recognised informational line */

enum ev_type {
#define X(e, s) e,
	EVENT_TYPES(X)
#undef X
	EV__COUNT
};

/* SMTP commands counted in "disconnect from ... ehlo=1 quit=1 commands=2" */
#define CMD_STATS_MAX 24
struct cmd_stat {
	struct span name;
	uint32_t ok, total;
};

/* X-macro of span fields: member, JSON name */
#define EVENT_SPANS(X)                                                          \
	X(queue_id, "queue_id")                                                 \
	X(client_name, "client_name")                                           \
	X(client_ip, "client_ip")                                               \
	X(client_port, "client_port")                                           \
	X(helo, "helo")                                                         \
	X(sasl_method, "sasl_method")                                           \
	X(sasl_username, "sasl_username")                                       \
	X(sasl_sender, "sasl_sender")                                           \
	X(from, "from")                                                         \
	X(to, "to")                                                             \
	X(orig_to, "orig_to")                                                   \
	X(proto, "proto")                                                       \
	X(action, "action")          /* reject, hold, discard, ...; kind of */ \
	X(stage, "stage")            /* CONNECT, RCPT, DATA, ... */             \
	X(code, "code")              /* SMTP reply code, "554" */               \
	X(dsn, "dsn")                                                           \
	X(status, "status")          /* sent, deferred, bounced, expired ... */ \
	X(relay, "relay")                                                       \
	X(relay_name, "relay_name")                                             \
	X(relay_ip, "relay_ip")                                                 \
	X(relay_port, "relay_port")                                             \
	X(delay, "delay")                                                       \
	X(delays, "delays")                                                     \
	X(conn_use, "conn_use")                                                 \
	X(reason, "reason")          /* free text: (reply), SASL reason, ... */ \
	X(command, "command")        /* SMTP command line, verbose or quoted */ \
	X(message_id, "message_id")                                             \
	X(new_queue_id, "new_queue_id")   /* notification / queued as */        \
	X(orig_queue_id, "orig_queue_id")                                       \
	X(orig_client, "orig_client")                                           \
	X(tls_trust, "tls_trust")    /* Anonymous, Untrusted, Trusted, Verified */ \
	X(tls_proto, "tls_proto")                                               \
	X(tls_cipher, "tls_cipher")                                             \
	X(tls_level, "tls_level")                                               \
	X(uid, "uid")                                                           \
	X(listed, "listed")          /* postscreen list name, DNSBL detail */   \
	X(text, "text")              /* unknown/warning lines: the message */   \
	X(server_ip, "server_ip")    /* local end: postscreen CONNECT ... to */ \
	X(server_port, "server_port")

/* numbers read from a line are 0..EV_NUM_MAX (pc_count), or -1 when absent:
 * a byte count of 10^12 is beyond any message, and sums of many such
 * stay far inside 64 bits */
#define EV_NUM_MAX INT64_C(1000000000000)

#define EVENT_NUMS(X)                                                           \
	X(size, "size")                                                         \
	X(nrcpt, "nrcpt")                                                       \
	X(count, "count")            /* chars for tls_read, rank for dnsbl ... */

/* the longest canonical address text: an IPv6 address (INET6_ADDRSTRLEN,
 * 46 with the NUL), '%' and an interface name (IF_NAMESIZE, 16) */
#define EV_ADDR_MAX 64

/* the address spans that pc_addr_canon rewrites, each with its buffer */
enum { EV_ADDR_CLIENT, EV_ADDR_RELAY, EV_ADDR_SERVER, EV_ADDR__COUNT };

struct event {
	enum ev_type type;
	/* answers about a refusal asked of the event alone, kept when they
	 * were asked ahead (ev_keep_refusal, on the feed's reading thread,
	 * speed22), so that the consumer's model, analysis and rules read
	 * them: 0 not asked, else 1 + the answer (kept_dnf: 1 no, 2 the
	 * sender's domain, 3 the recipient's).  In the bytes after type,
	 * cleared by ev_reset; a parser or stage that changes a refusal's
	 * fields after they were asked must clear them */
	uint8_t kept_nobody;   /* ev_reject_accuses_nobody */
	uint8_t kept_dnf;      /* ev_reject_domain_not_found */
	uint8_t kept_relay;    /* ev_reject_relay_denied */
	/* two answers in the last byte before line (the event does not
	 * grow): ev_client_own_network, and whether ev_reject_login_mismatch
	 * names a login (speed24: 2 asks it again, 1 answers none) */
	unsigned kept_own : 2;
	unsigned kept_login : 2;
	/* whether the text holds "Client host rejected: cannot find your "
	 * (reject_unknown_[reverse_]client_hostname: the rules' and
	 * ev_reject_unresolved_provider's gate), kept with kept_nobody from
	 * the same scan of the reply's words (speed30) */
	unsigned kept_cnf : 2;
	const struct logline *line;
#define X(m, s) struct span m;
	EVENT_SPANS(X)
#undef X
#define X(m, s) int64_t m;
	EVENT_NUMS(X)
#undef X
	unsigned nstats;
	struct cmd_stat stats[CMD_STATS_MAX];
	/* client_ip, relay_ip and server_ip in canonical form when the line's
	 * text was not (pc_addr_canon): those spans point here.  Not cleared
	 * by ev_reset; an event must not be copied by value. */
	char addr_text[EV_ADDR__COUNT][EV_ADDR_MAX];
	/* the reply words (reply_words.h's RW_BIT set) that ev_keep_refusal's
	 * scan found in reason, kept with kept_nobody and meaningful only when
	 * kept_nobody is set (so ev_reset need not clear it: speed31); read
	 * through ev_reply_lacks and ev_reply_holds */
	uint64_t kept_words;
};

void ev_reset(struct event *ev, const struct logline *line);
const char *ev_type_name(enum ev_type t);
bool ev_type_from_name(const char *s, enum ev_type *t);

/* the parser entry point: fills ev from a parsed syslog line */
void parse_line(const struct logline *line, struct event *ev);

/* whose fault a refusal or a failed login is (fault.c): the server's own
 * configuration or backend, not the client */
bool ev_dnsbl_error_answer(struct span answer);
bool ev_reject_strict_helo(const struct event *ev);
bool ev_reject_local_fault(const struct event *ev);
/* verify_reply.c: address verification's refusal whose probe failed on
 * this server (a loop to itself, a transport it lacks); *why its reason */
bool ev_verify_probe_local(const struct event *ev, struct span *why);
bool ev_reject_accuses_nobody_scan(const struct event *ev);
/* ev_reject_accuses_nobody - ev_reject_accuses_nobody_scan's answer, kept
 * in the event when it was asked ahead (speed22: the reading thread asks
 * it of the refusals the consumer's model and analysis will ask) */
static inline bool ev_reject_accuses_nobody(const struct event *ev)
{
	return ev->kept_nobody ? ev->kept_nobody == 2 : ev_reject_accuses_nobody_scan(ev);
}
/* ev_reject_relay_denied - the refusal's text holds "Relay access
 * denied" (reject_unauth_destination), kept when asked ahead */
bool ev_reject_relay_denied_scan(const struct event *ev);
static inline bool ev_reject_relay_denied(const struct event *ev)
{
	return ev->kept_relay ? ev->kept_relay == 2 : ev_reject_relay_denied_scan(ev);
}
/* ev_client_own_network - the client's address is in this server's own
 * networks (cidr_own_network), kept when asked ahead */
bool ev_client_own_network_scan(const struct event *ev);
static inline bool ev_client_own_network(const struct event *ev)
{
	return ev->kept_own ? ev->kept_own == 2 : ev_client_own_network_scan(ev);
}
/* ev_reply_login - see fault.c; ev_reject_login_mismatch - an EV_REJECT's
 * (the analysis's login_mismatch asks every refusal): none when kept as
 * none by ev_keep_refusal, else asked */
struct span ev_reply_login(struct span reply);
struct span ev_reject_login_mismatch_scan(const struct event *ev);
static inline struct span ev_reject_login_mismatch(const struct event *ev)
{
	return ev->kept_login == 1 ? SPAN_NULL : ev_reject_login_mismatch_scan(ev);
}
/* ev_reject_cannot_find - the refusal's text holds "Client host
 * rejected: cannot find your " (reject_unknown_client_hostname,
 * reject_unknown_reverse_client_hostname), kept when asked ahead */
bool ev_reject_cannot_find_scan(const struct event *ev);
static inline bool ev_reject_cannot_find(const struct event *ev)
{
	return ev->kept_cnf ? ev->kept_cnf == 2 : ev_reject_cannot_find_scan(ev);
}
/* ev_reply_lacks - the refusal's reason is known (kept_words) to hold
 * none of the reply words in words (RW_BIT of reply_words.h): a search
 * for a text that contains one of them would find nothing.  False when
 * not known (the search must be made) */
static inline bool ev_reply_lacks(const struct event *ev, uint64_t words)
{
	return ev->kept_nobody && !(ev->kept_words & words);
}
/* ev_reply_holds - whether the reason holds the reply word w (RW_BIT),
 * -1 when not known */
static inline int ev_reply_holds(const struct event *ev, uint64_t w)
{
	return ev->kept_nobody ? (ev->kept_words & w) != 0 : -1;
}
/* ev_keep_refusal - the answers above asked now and kept in a refusal's
 * event, each for the refusals the consumer's stages ask it of */
void ev_keep_refusal(struct event *ev);
/* the words ev_reject_accuses_nobody reads in a refusal's text, plain or
 * from its memo (a test's accessor): the set of words, where the first
 * "blocked using " and the last "Error: " start */
uint64_t ev_reply_scan_test(struct span r, bool memo, size_t *blocked, size_t *last_error);
bool ev_reject_unresolved_provider(const struct event *ev);
/* ev_name_lookup_tempfail - "hostname H does not resolve to address A:
 * Temporary failure in name resolution" (EAI_AGAIN): a lookup that failed
 * for now, not the client's inconsistent DNS (fault.c) */
bool ev_name_lookup_tempfail(const struct event *ev);
/* ev_reject_needs_dns - a temporary "Domain not found" or "cannot find
 * your hostname" refusal: what a failed lookup alone gives (fault.c) */
bool ev_reject_needs_dns(const struct event *ev);
const char *ev_provider_server(struct span client_name, struct span client_ip, struct span helo);
bool ev_reject_provider_listed(const struct event *ev);
bool ev_sender_auth_text(struct span reply);
bool ev_spf_refusal(struct span reply);
bool ev_reject_provider_unknown_user(const struct event *ev);
/* a large provider's server (name confirmed) refused with "Relay access
 * denied": such servers deliver only to a domain's MX, so the domain is
 * this server's own and missing from its domain lists */
bool ev_reject_provider_relay_denied(const struct event *ev);
/* a large provider's server (name confirmed) refused with a bare "Access
 * denied" (an access table's REJECT without text, or a plain reject):
 * this server's own rule; the text before ": Access denied" in *what */
bool ev_reject_provider_access_denied(const struct event *ev, struct span *what);
bool ev_greylist_text(struct span reply);
bool ev_reject_greylist(const struct event *ev);
bool ev_reject_server_limit(const struct event *ev);
bool ev_reject_mailbox_full(const struct event *ev);
/* the reasons of a failed login that this server's own SASL backend
 * caused, as smtpd logs them ("SASL %s authentication failed: REASON"):
 * X(reason, backend).  Dovecot's are xsasl_dovecot_server.c's own words
 * (the auth process died, restarted, or did not answer within its 10 s);
 * Cyrus's are the library's words for SASL_FAIL, SASL_NOMEM,
 * SASL_TRYAGAIN and SASL_UNAVAIL, which xsasl_cyrus_server.c answers
 * with a temporary failure.  The password was never checked.  SEP
 * separates the rows (a comma for a C array, "|" for a regex) */
#define SASL_SERVER_SIDE(X, SEP)                                  \
	X("Connection lost to authentication server", "Dovecot auth") SEP \
	X("Can't connect to authentication server", "Dovecot auth") SEP  \
	X("Authentication backend error", "Dovecot auth") SEP            \
	X("generic failure", "Cyrus SASL") SEP                           \
	X("remote authentication server unavailable", "Cyrus SASL") SEP  \
	X("transient failure", "Cyrus SASL") SEP                         \
	X("no memory available", "Cyrus SASL")
bool ev_sasl_backend_fault(const struct event *ev);
/* the backend of such a failure ("Dovecot auth", "Cyrus SASL"), or NULL */
const char *ev_sasl_backend_name(const struct event *ev);
bool ev_reject_domain_not_found(const struct event *ev, struct span *domain);
/* ev_reject_service_domain - a temporary "Domain not found" (4.1.8,
 * 4.1.2) refused to a sending service's or a large provider's server
 * (provider_sending_service, or ev_provider_server where no name is
 * logged) for a domain that is no provider's mailbox domain: the
 * service's name, the domain in *domain; NULL otherwise */
const char *ev_reject_service_domain(const struct event *ev, struct span *domain);
bool ev_sasl_backend_warning(const struct event *ev);
bool ev_monitor_helo(struct span helo);
/* ev_proxy_header - the text a client sent before the greeting (or
 * as a command) is a PROXY protocol header, v1 or v2: the proxy in
 * front speaks it and this service does not expect it (proxy_header.c) */
bool ev_proxy_header(struct span text);
/* a "non-SMTP command" that is a line of a message (To:, Subject:...):
 * a mail program sending its text as commands (smtpd_warnings.c) */
bool ev_message_header(struct span cmd);

/* what a failed TLS handshake's reason says (fault.c) */
enum tls_error_kind {
	TLSE_NONE,
	TLSE_HANGUP,     /* the client hung up mid-handshake (-1, lost connection) */
	TLSE_MISMATCH,   /* no protocol version or cipher in common */
	TLSE_NOT_TLS,    /* it spoke something else (HTTP) to a TLS port */
	TLSE_CERT,       /* a certificate was refused */
	TLSE_SERVER,     /* this server's own key or certificate did not load: no TLS at all */
	TLSE_OTHER,
};
enum tls_error_kind ev_tls_error_kind(struct span reason);

/* a TLS-debug Read/Write whose text the log cut short (verbose.c) */
bool ev_tls_cut(const struct event *ev);

#endif
