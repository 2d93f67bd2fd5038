/*
 * analysis.h - from sessions, messages and a few raw events to what the
 * admin asked: a verdict and its reasons for every client address and
 * every SASL account.
 *
 * Fed by the correlator's sink (analysis_session, analysis_message) and
 * by events the model does not keep (analysis_event: Dovecot's auth
 * lines, postscreen, NOQUEUE rejects).  analysis_finish computes the
 * verdicts.  Memory is bounded by the number of distinct clients and
 * accounts, each capped (ANALYSIS_MAX_CLIENTS / _ACCOUNTS).  At the client
 * cap the least significant of a few sampled clients (fewest sessions and
 * failures) makes room and is counted in ->clients_evicted; accounts past
 * their cap are counted in ->accounts_dropped.
 */
#ifndef POSTSLEUTH_ANALYSIS_H
#define POSTSLEUTH_ANALYSIS_H

#include "../model/message.h"
#include "../parse/event.h"
#include "../util/hmap.h"
#include "../util/strset.h"

#define ANALYSIS_MAX_CLIENTS 20000
#define ANALYSIS_MAX_ACCOUNTS 20000
#define CLIENT_MAX_NAMES 8
#define ANALYSIS_MAX_LOCAL_DOMAINS 256
#define CLIENT_MAX_TRIED 48
#define CLIENT_MAX_EVIDENCE 2
#define CLIENT_MAX_INTERVALS 32
#define CLIENT_NO_ADDRESS "(address not logged)"
#define ACCOUNT_MAX_IPS 16
#define ACCOUNT_MAX_TIMES 4096

#define VERDICTS(X)                                                             \
	X(V_UNKNOWN, "unknown", 1)                                             \
	X(V_LEGITIMATE, "legitimate", 0)                                       \
	X(V_CAPABILITY_PROBE, "capability-probe", 2)                           \
	X(V_NON_SMTP_PROBE, "non-smtp-probe", 2)                               \
	X(V_PREGREET, "pregreet", 2)                                           \
	X(V_PIPELINING, "pipelining", 2)                                       \
	X(V_SPAM_REJECTED, "spam-rejected", 2)                                 \
	X(V_RELAY_ATTEMPT, "relay-attempt", 3)                                 \
	X(V_AUTH_BRUTEFORCE, "auth-bruteforce", 3)                             \
	X(V_ACCOUNT_ABUSE, "account-abuse", 4)                                 \
	X(V_AUTH_SUCCESS_AFTER_FAILURES, "auth-success-after-failures", 4)

enum verdict {
#define X(e, s, sev) e,
	VERDICTS(X)
#undef X
	V__COUNT
};

struct named_count {
	char *name;
	uint32_t count;
};

struct tried_user {
	char *name;
	uint32_t from_postfix;      /* SASL failures naming it (3.9+) or decoded AUTH */
	uint32_t from_dovecot;      /* Dovecot auth lines naming it for this address */
	uint32_t successes;
	char *result;               /* "unknown user", "Password mismatch", ... */
};

struct evidence_ref {
	uint64_t file_index, first_line, last_line;
	int64_t pid;
	char *host;
	uint64_t session_id;
	enum verdict verdict;
};

struct client {
	char *ip;
	char *ptr;                  /* first resolved name; NULL: never resolved */
	uint64_t sessions, sessions_unresolved;
	struct stamp first, last;
	int64_t prev_start_us;
	uint64_t nintervals;
	double iv_mean, iv_m2;      /* Welford over start-to-start intervals, seconds */
	uint32_t nsample;           /* the first intervals, ms, for the median */
	uint32_t *sample;
	uint32_t by_verdict[V__COUNT];
	uint32_t nhelo;
	struct named_count helo[CLIENT_MAX_NAMES];
	uint32_t nservice;
	struct named_count service[4];
	uint64_t tls_sessions, auth_failures, auth_successes, messages, recipients;
	uint64_t rejects, relay_denied, non_smtp, pregreet, pipelining, rate_limited;
	int64_t first_fail_us, last_success_us;
	uint32_t ntried, tried_dropped;
	struct tried_user *tried;
	uint32_t nlogin;
	struct named_count login[CLIENT_MAX_NAMES];  /* accounts it logged in as */
	uint64_t cmd[12];            /* ehlo helo starttls auth mail rcpt data quit rset noop unknown other */
	uint32_t nreject_text;
	struct named_count reject_text[4];   /* most common reject replies */
	char *offered;               /* capabilities the server offered (verbose) */
	char *lost_stage;            /* most recent "lost connection after X" */
	char *relay_from;            /* sender domain of its first "Relay access denied" */
	uint64_t ps_connects, ps_dnsbl_rank;
	uint32_t nevidence;
	struct evidence_ref evidence[CLIENT_MAX_EVIDENCE];
	uint32_t nauth_decoded;
	enum verdict verdict;
	char *explanation;
};

struct acct_ip {
	char *ip;
	uint32_t logins, messages, recipients;
	struct stamp first, last;
};

struct account {
	char *name;
	uint64_t logins, messages, recipients;
	uint64_t sent, bounced, deferred, expired, pending;
	uint64_t remote_content_rejects;     /* virus/spam/policy 5xx from remote servers */
	char *remote_reject_example;
	struct strset domains;
	uint32_t nips;
	struct acct_ip ips[ACCOUNT_MAX_IPS];
	uint32_t ntimes, times_cap;
	int64_t *times;                      /* message start times, for the peak rate */
	struct stamp first, last;
	uint32_t peak_10min;
	bool compromised;
	char *explanation;
	char *new_ip;                        /* the unusual source, if any */
};

/* messages whose receiving line is not in the log (seed 003) */
#define ORPHAN_MAX_QIDS 12
struct orphans {
	uint64_t messages, recipients, sent, bounced, deferred, remote_content_rejects;
	uint32_t nqids;
	char *qids[ORPHAN_MAX_QIDS];
	char *example_reject;
	struct stamp first, last;
};

struct analysis {
	struct hmap clients, accounts;
	uint64_t nclients, naccounts, clients_dropped, accounts_dropped;
	uint64_t clients_evicted;            /* the least significant, at the cap */
	uint64_t rng;
	uint64_t sessions, messages;
	bool show_secrets;
	struct client **clist;               /* after finish: sorted by severity */
	struct account **alist;
	size_t nclist, nalist;
	struct orphans orphans;
	struct stamp first, last;            /* the time the log covers */
	bool have_time;
	struct strset local_domains;         /* domains delivered by local, virtual or lmtp */
};

struct analysis *analysis_new(void);
void analysis_event(struct analysis *a, const struct event *ev);
void analysis_session(struct analysis *a, const struct session *s);
void analysis_message(struct analysis *a, const struct message *m);
void analysis_finish(struct analysis *a);
void analysis_free(struct analysis *a);

const char *verdict_id(enum verdict v);
int verdict_severity(enum verdict v);
bool verdict_from_id(const char *s, enum verdict *v);
enum verdict verdict_session(const struct session *s);
void verdict_client(struct analysis *a, struct client *c);
void verdict_account(struct analysis *a, struct account *ac);
struct client *analysis_client(struct analysis *a, const char *ip);
struct account *analysis_account(struct analysis *a, const char *name);
bool helo_is_fqdn(const char *helo);
uint32_t session_auth_failures(const struct session *s);
struct dlg_counts {
	uint32_t hello, work, quit, unknown;
};
struct dlg_counts dialogue_counts(const struct session *s);
bool client_period(const struct client *c, uint32_t *median_ms, uint32_t *mad_ms);
bool ptr_is_generic(const char *ptr, const char *ip);

#endif
