/*
 * rules_internal.h - the shape of a rule (rules.c's tables) and the
 * group keys it asks for (keys.c).
 */
#ifndef POSTSLEUTH_RULES_INTERNAL_H
#define POSTSLEUTH_RULES_INTERNAL_H

#include "rules.h"

enum src { SRC_OUT = 1, SRC_REJECT = 2, SRC_DIAG = 4, SRC_PLAIN = 8, SRC_OTHER = 16 };

enum key_kind {
	K_NONE,      /* one group for the whole finding */
	K_AFTER,     /* the token after rule->after */
	K_PATH,      /* the first path-like token (a table, a socket); none: the
	              * word after rule->after, when it names one */
	K_CONNHOST,  /* the host of "connect to HOST[...]", else the relay */
	K_PROVIDER,  /* the remote provider (Gmail, Microsoft...), else relay */
	K_SERVICE,   /* the logging service: smtps/smtpd */
	K_CLIENT,    /* the client address */
	K_NETFAMILY, /* IPv6 or IPv4, from the relay address */
	K_TLSKIND,   /* what a failed TLS handshake's reason says */
	K_FIXED,     /* the words in rule->after, for lines that name no cause */
	K_PARAM,     /* rule->after's words and the parameter name after them
	              * ("unused parameter: smtpd_tls_protocols") */
	K_DNSBL_ZONE, /* the list of the DNS query name after rule->after, the
	               * client's reversed address left off (dnsblog's
	               * "155.144.143.198.zen.spamhaus.org" -> zen.spamhaus.org) */
	K_MAPTYPE,   /* the table type a message says this Postfix lacks:
	              * "unsupported dictionary type: T", "unsupported map
	              * type: T" (and "... for this operation: T"), "Berkeley
	              * DB support for 'T:/path' is not available" */
};

#define NEEDLES 12

struct rule {
	enum finding_id id;
	unsigned src;                /* SRC_* */
	const char *daemon;          /* only this daemon, or NULL */
	const char *any[NEEDLES];    /* one of these (case-blind), NULL-ended */
	const char *also;            /* and this too, or NULL */
	enum key_kind key;
	const char *after;           /* K_AFTER, K_PARAM; K_FIXED: the key itself */
};

/* rule_tables.c, rule_tables_severity.c: the rows, and how many of each */
extern const struct rule rule_out[], rule_reject[], rule_diag[], rule_plain[], rule_other[];
extern const size_t rule_out_n, rule_reject_n, rule_diag_n, rule_plain_n, rule_other_n;
/* is d the program of a rule_other row (each row names its program) */
bool diag_other_program(struct span d);

/* rules_out.c: the finding of a failed delivery, SMTP client error or
 * connection failure (SRC_OUT), its answer remembered */
bool diag_classify_out(const struct event *ev, struct diag_hit *hit);

/* service_host.c: inet_connect.c's fatal "host/service NAME/PORT not
 * found: ..." (the endpoint's host name does not resolve) */
bool diag_service_host(struct span text, struct diag_hit *hit);

/* address_maps.c: cleanup's "unreasonable TITLE map expansion size|
 * nesting for ADDR", "unreasonable TITLE result ...", "multi-valued TITLE
 * entry for ADDR" (and smtp_map11.c's "... result for ADDR"): true and
 * *hit filled (alias-expansion-refused, address-map-multi-valued) */
bool diag_address_map(struct span text, struct diag_hit *hit);
/* rule_actions.c: a header/body check's or smtpd access table's action
 * that let the message go on (REDIRECT: mail-redirected-by-rule; BCC,
 * FILTER, WARN, INFO, PREPEND, REPLACE, STRIP: content-rule-note) */
bool diag_rule_action(const struct event *ev, struct diag_hit *hit);

/* client_words.c: text up to the first words a client-facing daemon's
 * warning quotes from the client (a login's username, an address, a
 * command's bytes); the whole text for other daemons */
struct span diag_server_words(struct span daemon, struct span text);
/* proxy_protocol.c: a postscreen or smtpd line about the PROXY protocol
 * (a connection without a header it could read, its setting ignored
 * behind postscreen): true and *hit filled */
bool diag_proxy_protocol(const struct logline *l, struct diag_hit *hit);
/* proxy_protocol.c: a PROXY header sent to a service that does not read
 * it (postscreen's PREGREET, smtpd's pipelining or non-SMTP text) */
bool diag_proxy_sent(const struct event *ev, struct diag_hit *hit);

/* keys.c */
void diag_make_key(const struct rule *r, const struct event *ev, struct span t, struct diag_hit *hit);
/* the host of "connect to HOST[...]" in t, else the relay's name */
struct span diag_conn_host(const struct event *ev, struct span t);
/* the DNS list of a blocklist query name: the name without its leading
 * reversed address (4 labels of an IPv4 address, 32 nibbles of an IPv6
 * one, a pasted mask such as "*" or "xx" in their place); the name
 * itself when it starts with no such address */
struct span diag_dnsbl_zone(struct span query);
/* the domain of a recipient address */
struct span diag_rcpt_domain(struct span to);
/* does the host's name belong to the domain: the domain itself or a name
 * under it, a name under the domain's parent when the host's parent holds
 * a dot (mail.example.com for sub.example.com), or Microsoft 365's
 * "example-com.mail.protection.outlook.com" form; never a name that
 * starts as a submission server's does (smtp..., relay..., out...) */
bool diag_host_in_domain(struct span host, struct span dom);
/* diag_relay_next_hop - a connection failure toward this site's own
 * next hop: the relay transport (relay_domains) or a private address on
 * port 25, never a large provider's server nor loopback (relay_next_hop.c) */
bool diag_relay_next_hop(const struct event *ev, struct span t);

#endif
