/*
 * session.h - one SMTP session as smtpd saw it, from "connect from" to
 * "disconnect from" (or to whatever ended it in the log).
 *
 * Everything here is copied out of the log lines (each string capped at
 * MODEL_STR_MAX bytes) and owned by the session; the correlator frees the
 * session after handing it to the consumers.  The strings are untrusted
 * text: writers must escape them.
 */
#ifndef POSTSLEUTH_SESSION_H
#define POSTSLEUTH_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include "../util/strpool.h"
#include "../util/timefmt.h"

#define MODEL_STR_MAX 512
/* arrays in sessions and messages grow by doubling up to their cap, so an
 * open object costs only what it holds (floods of open objects stay small) */
#define SESSION_MAX_QIDS 64
#define SESSION_MAX_TRIED 32
#define SESSION_MAX_DIALOGUE 256
#define SESSION_MAX_STATS 24

enum session_end {
	END_OPEN,          /* still open when it was emitted (end of input) */
	END_DISCONNECT,    /* "disconnect from" seen */
	END_REPLACED,      /* a new connect on the same process before disconnect */
	END_EVICTED,       /* dropped for the open-session cap or idle timeout */
};

struct dialogue_line {
	char dir;           /* '<' client to server, '>' server to client */
	bool tls;           /* from TLS debug Read/Write rather than -v */
	char *text;         /* as logged; TLS debug joins lines with "??" */
	bool cut;           /* TLS debug cut the text short (it shows 40 characters) */
};

struct tried_name {
	char *name;
	uint32_t count;
};

struct session {
	uint64_t id;                 /* sequential, in order of opening */
	char *host, *service;        /* syslog host and program: postfix/submission/smtpd */
	int64_t pid;
	struct stamp start, end;
	bool start_untimed, end_untimed; /* that line carried no time of its own (a pasted
				      * line: its stamp is the last time read before it) */
	bool saw_connect;            /* false: the log began mid-session */
	enum session_end end_kind;
	uint64_t first_line, last_line; /* global line numbers for evidence */
	uint64_t file_index;

	char *client_name, *client_ip, *client_port;
	char *helo;                  /* from reject lines or the verbose dialogue */

	/* what happened */
	bool tls;
	char *tls_trust, *tls_proto, *tls_cipher;
	char *tls_error;             /* the first failed handshake's reason (SSL_accept error,
	                              * TLS library problem on the same process) */
	char *sasl_method, *sasl_username;   /* successful AUTH (client= line) */
	uint32_t auth_failures, auth_aborts;
	uint32_t auth_backend_failures;  /* of auth_failures: the server's backend failed */
	uint32_t auth_mech_refused;      /* of auth_failures: "Invalid authentication mechanism" */
	bool sasl_backend_down;      /* this smtpd said its SASL backend is unreachable */
	uint8_t auth_fail_mechs;     /* the SASL mechanisms its failures used (sasl_mech_bit) */
	uint8_t auth_last_mech;      /* the last failure's mechanism bit */
	bool auth_mech_back;         /* a failure went back to a mechanism tried before another */
	bool auth_fell_back;         /* its login succeeded with a mechanism none of its
	                              * failures used (a mail program's fallback) */
	uint32_t ntried;
	struct tried_name *tried;    /* sasl_username of failures (grows, capped) */
	char *last_auth_reason;
	char *fail_user;             /* Dovecot's last FAIL reply's user (verbose), for the next warning */
	uint32_t rejects, reject_warnings, relay_denied;
	uint32_t relay_tests;        /* of rejects: an open-relay tester's envelope, refused by
	                              * another check (sender = recipient, a HELO with no dot) */
	uint32_t local_rejects;      /* of rejects: accusing nobody (ev_reject_accuses_nobody) */
	uint32_t domain_rejects;     /* of rejects: "Domain not found" (ev_reject_domain_not_found) */
	char *last_reject;           /* "554 5.7.1 ... Relay access denied" */
	uint8_t last_reject_login;   /* its words name the client's login
	                              * (ev_reply_login: 1 no, 2 yes, 0 not
	                              * known: session_logged_in asks) */
	char *last_reject_stage;
	uint32_t nqids;
	char **qids;                 /* grows, capped at SESSION_MAX_QIDS */
	uint32_t messages;           /* client= lines */
	char *lost_reason, *lost_stage;      /* lost connection|timeout|too many errors, after X */
	char *non_smtp;              /* first non-SMTP command text */
	uint32_t non_smtp_count;
	char *pipelining;            /* improper pipelining: what was sent */
	char *pipelining_stage;
	bool rate_limited;
	uint8_t client_own;          /* 1 + cidr_own_network(client_ip) when one of its
	                              * refusals kept it for this very text (ev->kept_own,
	                              * asked on the reading thread: speed39); 0 not known */
	uint8_t anvil_cut;           /* anvil's limit turned it away at once with 421
	                              * (smtpd.c): 1 connections at once, 2 connection rate */
	bool quit_pipelined;         /* "improper command pipelining after QUIT": more bytes
	                              * behind its QUIT (a monitoring check's), not kept above */
	bool proxy_header;           /* it sent a PROXY protocol header first (ev_proxy_header) */
	bool hostname_unverified;
	bool name_tempfail;          /* its name's lookup failed for now (ev_name_lookup_tempfail) */

	/* "disconnect from ... ehlo=1 auth=0/1 quit=1 commands=2/3" */
	bool have_stats;
	uint32_t nstats;
	struct session_stat { char name[16]; uint32_t ok, total; } *stats;  /* set at disconnect */
	/* bit (c & 63) set for the first byte c of each name in stats, set
	 * with them (sessions.c); 0 (never set): session_stat looks at every
	 * name.  A name whose first byte's bit is clear is in none (speed21) */
	uint64_t stat_firsts;

	/* verbose / TLS-debug dialogue, capped; a line seen both ways is kept
	 * once, as -v logged it (complete), see correlate.c */
	uint32_t ndialogue, dialogue_dropped;
	struct dialogue_line *dialogue;
	uint32_t dialogue_cap;

	struct strpool pool;         /* every string above but host/service lives here */
};

void session_free(struct session *s);
void session_recycle(struct session *s);
bool session_stat_scan(const struct session *s, const char *name, uint32_t *ok, uint32_t *total);
/* session_stat - the ok/total counts of one disconnect statistic (0 and 0,
 * false, when the line had none of that name): a session without counts
 * (no disconnect line, or Postfix before 3.0) and a name whose first byte
 * no statistic's name begins with are told here, without a call or a look
 * at the names (a literal name's bit is a constant) */
static inline bool session_stat(const struct session *s, const char *name, uint32_t *ok, uint32_t *total)
{
	if (!s->nstats || (s->stat_firsts && !((s->stat_firsts >> ((unsigned char)name[0] & 63)) & 1))) {
		*ok = *total = 0;
		return false;
	}
	return session_stat_scan(s, name, ok, total);
}
const char *session_end_name(enum session_end e);

#endif
