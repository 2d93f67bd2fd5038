/*
 * analysis.h - from sessions, messages and a few raw events to what the
 * admin asked: a verdict and its reasons for every client address and
 * every SASL account.
 *
 * Fed by the correlator's sink (analysis_session, analysis_message) and
 * by events the model does not keep (analysis_event: Dovecot's auth
 * lines, postscreen, NOQUEUE rejects).  analysis_finish computes the
 * verdicts.
 *
 * No client, account or verdict is ever dropped.  Each client address
 * has a compact fixed-size record (struct client: the binary address and
 * the counters its verdict is decided from, under 200 bytes), each
 * account one too (struct account), each (client, account) pair that
 * logged in one more (struct login); they sit in flat arrays indexed by
 * hash, and past the memory budget (analysis_limits) the arrays move to
 * a file on disk (util/spillvec.h) rather than anything being forgotten.
 * What only the prose and the JSON need (names, usernames tried, reply
 * texts, evidence references, intervals between visits) is the detail:
 * kept for at most ANALYSIS_DETAIL_CLIENTS clients and
 * ANALYSIS_DETAIL_ACCOUNTS accounts, the most active ones; a client whose
 * detail had to go keeps its counts and its verdict, and is flagged
 * (CF_DETAIL_LOST) so that the writers say so.
 */
#ifndef POSTSLEUTH_ANALYSIS_H
#define POSTSLEUTH_ANALYSIS_H

#include "verdicts.h"
#include "../feed/evidence.h"
#include "../model/message.h"
#include "../parse/event.h"
#include "../util/arena.h"
#include "../util/idxmap.h"
#include "../util/spillvec.h"
#include "../util/strpool.h"
#include "../util/strset.h"

struct buf;

#define ANALYSIS_DETAIL_CLIENTS 20000
#define ANALYSIS_DETAIL_ACCOUNTS 20000
#define CLIENT_MAX_NAMES 8
#define ANALYSIS_MAX_LOCAL_DOMAINS 256
#define ANALYSIS_MAX_DNF_CLIENTS 65536
#define CLIENT_MAX_TRIED 48
#define CLIENT_MAX_EVIDENCE 2
#define CLIENT_MAX_INTERVALS 32
#define CLIENT_RING 64          /* session starts kept for the busiest minute */
#define CLIENT_NO_ADDRESS "(address not logged)"
#define CLIENT_ADDR_MAX 260     /* an address as text, NUL included */
#define ACCOUNT_SHOW_IPS 16     /* source addresses listed in the accounts table */
#define ACCOUNT_MAX_TIMES 4096
#define ACCOUNT_DOMAIN_HASHES 15

/* how a client's address is held */
enum client_kind {
	CA_V4 = 1,              /* addr is ::ffff:a.b.c.d */
	CA_V6,                  /* addr is the address (written as inet_ntop writes it) */
	CA_TEXT,                /* addr holds a char * to the text, in the analysis's arena */
};

/* client flags */
#define CF_TRIED_ONE 0x01       /* one username tried (tried_hash) */
#define CF_TRIED_MANY 0x02      /* two or more different usernames tried */
#define CF_DETAIL_LOST 0x04     /* some of its detail could not be kept */
#define CF_ABUSED 0x08          /* after finish: sent through a compromised account */
#define CF_OWN_APP 0x10         /* after finish: refused relaying, on this server's own network,
                                 * with a sender of a domain this server delivers to itself */
#define CF_DNSBL_ERROR 0x20     /* a DNSBL answered an error code for it (127.255.255.x) */
#define CF_DNSBL_LISTED 0x40    /* a DNSBL really listed it */
#define CF_MONITOR_HELO 0x80    /* it introduced itself with a monitoring tool's name */

/* struct client's times: whether its sessions' lines carried a time (a
 * pasted line without one borrows the last time read: first_us and
 * last_us are the timed sessions' only) */
#define CT_TIMED 0x01
#define CT_UNTIMED 0x02
/* two bits of the same byte (the record has no other room): a session's
 * login came after failed ones, with a mechanism none of them used (a
 * mail program's fallback), or with one they used (a password typed
 * again) */
#define CT_FELL_BACK 0x04
#define CT_SAME_MECH 0x08
/* and: a session refused on a submission service without trying to log
 * in (session_submission_unlogged) */
#define CT_SUB_NOLOGIN 0x10
/* and: its relay tests were refused by an earlier check (a HELO's), not
 * as "Relay access denied" (session relay_tests) */
#define CT_RELAY_TEST 0x20
/* and: postscreen's after-greeting tests caught it on a bare newline or
 * its command count or time limit (ps_violation); and postscreen passed
 * it (PASS NEW or PASS OLD) */
#define CT_PS_LIMIT 0x40
#define CT_PS_PASSED 0x80

/* struct client_detail's ps_limit_kinds: which of postscreen's
 * after-greeting limits caught it */
#define PSL_BARE_NEWLINE 0x01
#define PSL_COUNT 0x02
#define PSL_TIME 0x04

/* client flags the diagnosis sets, after finish (analysis_relay_abusers) */
#define CD_RELAY_ABUSE 0x01     /* its mail, handed over without a login, was relayed to
                                 * outside domains while the server was an open relay */
#define CD_UNSTEADY 0x02        /* set by the analysis as its sessions go by: one of its
                                 * capability probes did not end with QUIT, or came from a
                                 * name that does not resolve (verdict_steady_checks) */
#define CD_NAME_TEMPFAIL 0x04   /* set by the analysis: one of its sessions' name lookups
                                 * failed for now (EAI_AGAIN, ev_name_lookup_tempfail) */
#define CD_DOMAIN_SHADOWED 0x08 /* set by the diagnosis (diag_clients): refused "User unknown
                                 * in local recipient table" for a domain listed in both
                                 * mydestination and another class (domain-listed-twice) */
#define CD_PROXY_HEADER 0x10    /* set by the analysis: it sent a PROXY protocol header
                                 * first (ev_proxy_header): the proxy in front, whose
                                 * address is every client's; no filter may ban it */
#define CD_SCANNER 0x20         /* set by the analysis: a session's verified client name is
                                 * an Internet-wide scanner's (parse/scanner.c) */
#define CD_VRFY 0x40            /* set by the analysis: a session without mail asked VRFY
                                 * (counted, or refused at VRFY): address probing */
#define CD_QUIT_PIPE 0x80       /* set by the analysis: a session sent bytes behind its QUIT
                                 * ("improper command pipelining after QUIT") */

/* the compact record of one client address: everything its verdict and
 * the tables need; 200 bytes */
struct client {
	unsigned char addr[16];
	uint8_t kind, verdict, flags;
	uint8_t peak_minute;         /* most sessions begun within 60 s (at most CLIENT_RING) */
	uint32_t detail;             /* 1 + its slot in the detail cache; 0: none */
	uint32_t sessions, tls_sessions;
	uint32_t by_verdict[V__SESSION_COUNT]; /* sessions (and postscreen events) by verdict */
	uint32_t auth_failures, auth_successes, messages, recipients;
	uint32_t rejects, relay_denied, non_smtp, pregreet, pipelining;
	uint32_t ps_connects;
	uint16_t ps_dnsbl_rank;      /* the highest "DNSBL rank" (saturates) */
	uint8_t first_prec, last_prec;
	uint32_t auth_ok_sessions;   /* some AUTH succeeded (counts or a named login) */
	uint32_t auth_named_sessions;/* ... and the log names the account */
	uint32_t auth_fail_smtp;     /* sessions with only failed AUTH, port 25 service */
	uint32_t auth_fail_other;    /* ... submission or any other service */
	uint32_t tried_hash;         /* of the first username tried */
	uint32_t relay_from_hash;    /* of the sender domain of its first "Relay access denied", or 0 */
	uint32_t auth_backend_fail;  /* SASL failures that were the server's: its backend failed */
	uint32_t pw_failures;        /* SASL failure lines (a password checked), not the backend's */
	uint32_t login0, nlogin;     /* after finish: a->logins_by_client[login0 .. +nlogin] */
	int16_t first_tz, last_tz;
	uint8_t diag_flags;          /* CD_*: set by the diagnosis after finish */
	uint8_t times;               /* CT_*: its sessions' lines carried a time or not; and
	                              * how its logins after failed ones went */
	uint8_t relay_null_from;     /* a "Relay access denied" of the null sender (MAIL FROM:<>) */
	uint8_t auth_fallback;       /* sessions whose failed logins were a mail program's fallback
	                              * through the mechanisms (session_mech_fallback); saturates */
	int64_t first_us, last_us;   /* first session start, last session end */
	int64_t first_fail_us, last_success_us;
};

/* a client's address as text, for printing: client_addr(c).s */
struct client_addr {
	char s[CLIENT_ADDR_MAX];
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


/* what only the prose and the JSON need, for the most active clients */
struct client_detail {
	uint32_t owner;             /* the client's number */
	char *ptr;                  /* first resolved name; NULL: never resolved */
	int64_t prev_start_us;
	uint64_t nintervals;
	double iv_mean, iv_m2;      /* Welford over start-to-start intervals, seconds */
	uint32_t nsample;           /* the first intervals, ms, for the median */
	uint32_t *sample;
	uint32_t nhelo;
	struct named_count helo[CLIENT_MAX_NAMES];
	uint32_t nservice;
	struct named_count service[4];
	uint32_t ntried, tried_dropped;
	struct tried_user *tried;
	uint64_t cmd[12];           /* ehlo helo starttls auth mail rcpt data quit rset noop unknown other */
	uint32_t nreject_text;
	struct named_count reject_text[4];   /* most common reject replies */
	char *offered;              /* capabilities the server offered (verbose) */
	char *lost_stage;           /* most recent "lost connection after X" */
	bool lost_errors;           /* ... was Postfix's own "too many errors after X" */
	char *tls_error;            /* the first failed TLS handshake's reason */
	char *pregreet;             /* what it sent before the greeting (postscreen) */
	uint32_t ps_limits;         /* postscreen's BARE NEWLINE, COMMAND COUNT / TIME LIMIT lines */
	uint32_t orphan_refusals;   /* its messages refused by cleanup whose smtpd lines are
	                             * not in the log (messages.c) */
	uint8_t ps_limit_kinds;     /* which of them: PSL_* */
	uint16_t ps_bare_port;      /* the client port of its last BARE NEWLINE: that session's
	                             * own PASS (postscreen_bare_newline_action = ignore) clears
	                             * nothing */
	uint32_t pregreet_bytes;
	bool pregreet_tls;          /* what smtpd saw before the greeting began a TLS handshake */
	bool tls_submission;        /* a TLS error of it on a submission service (587, 465) */
	char *dnsbl;                /* "zen.spamhaus.org as 127.0.0.4; ...": dnsblog's listings
	                             * (at most 3 lists), or one error code until one comes */
	bool dnsbl_error_only;      /* ... it holds only an error code */
	uint32_t refused_from_hash; /* own network: the sender domain of its first refusal */
	bool refused_from_other;    /* ... and a refusal with another sender, or none */
	bool refused_intra;         /* ... a refusal's sender in its recipient's domain */
	bool refused_cross;         /* ... a refusal's sender in another domain, or none */
	bool blocked_self_sender;   /* outside the own network: refused by a blocklist on port 25
	                             * with a sender in its recipient's domain (refused_senders.c) */
	uint32_t open_sessions;     /* sessions the log ended in the middle of */
	uint32_t partial_sessions;  /* ... or began in, and whose end gave no command counts */
	uint32_t anvil_cut;         /* sessions anvil's connection limits turned away at once */
	uint8_t anvil_kinds;        /* ... which limits: 1 connections at once, 2 their rate */
	uint32_t nevidence;
	struct evidence_ref evidence[CLIENT_MAX_EVIDENCE];
	int64_t *ring;              /* the last CLIENT_RING session starts (analysis_track_peak) */
	uint32_t nring, ring_pos;
	/* its strings (ptr, the names' tables, the tried names and results,
	 * the texts, the evidence's hosts), all freed at once when the
	 * detail is freed or given to another client (records.c) */
	struct strpool pool;
};

/* account flags */
#define AF_DETAIL_LOST 0x02     /* some of its detail could not be kept */
#define AF_DOMAINS_MANY 0x04    /* more different domains than domain_hash holds */
#define AF_SENDER_REFUSED 0x08  /* smtpd refused a sender address this login does not own */
#define AF_SPREAD 0x10          /* after finish: sent from ACCOUNT_SPREAD_NETS networks at once */

/* the compact record of one SASL account */
struct account {
	char *name;                          /* in the analysis's arena */
	uint32_t detail;                     /* 1 + its slot in the detail cache; 0: none */
	uint8_t flags, ndomain_hash;
	bool compromised;
	uint32_t logins, messages, recipients;
	uint32_t sent, bounced, deferred, expired, pending;
	uint32_t remote_content_rejects;     /* virus/spam/policy 5xx from remote servers */
	uint32_t peak_10min;
	uint32_t new_ip;                     /* after finish: 1 + client number of the unusual source */
	uint32_t login0, nlogin;             /* after finish: a->logins_by_account[login0 .. +nlogin] */
	uint32_t domain_hash[ACCOUNT_DOMAIN_HASHES];   /* the first recipient domains */
	struct stamp first, last;
};

/* account_has_story - an account the report tells in full, not only by
 * name: compromised-suspect, its mail refused for a sender address its
 * login does not own, or sent from many networks at once */
static inline bool account_has_story(const struct account *ac)
{
	return ac->compromised || (ac->flags & (AF_SENDER_REFUSED | AF_SPREAD));
}

struct account_detail {
	uint32_t owner;
	struct strset domains;
	uint32_t ntimes, times_cap;
	int64_t *times;                      /* message start times, for the peak rate */
	char *remote_reject_example;
	uint32_t sender_refused;             /* recipients refused: sender not owned by the login */
	char *sender_example, *sender_client;/* the first such sender address, and its client */
};

/* one client address that logged in as one account */
struct login {
	uint32_t client, account;
	uint32_t logins, messages, recipients;
	struct stamp first, last;
};

/* messages whose receiving line is not in the log (seed 003) */
#define ORPHAN_MAX_QIDS 12
struct orphans {
	uint64_t messages, recipients, sent, bounced, deferred, remote_content_rejects;
	uint64_t remote_ip_rejects;          /* of those, naming this server's IP or reputation */
	uint64_t filtered;                   /* handed to this host's content filter ("queued as"), not in sent */
	uint64_t filter_discarded;           /* kept by it ("250 2.7.0 Ok, discarded", "..., BOUNCE"), not in sent */
	uint32_t nqids;
	char *qids[ORPHAN_MAX_QIDS];
	char *example_reject;
	struct stamp first, last;
};

/* orphans_alarming - remote refusals among the orphans that point at the
 * sender: one for what was sent (virus, spam content), or three of any kind
 * (the account verdict's own threshold); one or two that name this server's
 * IP or its reputation say nothing of the sender */
static inline bool orphans_alarming(const struct orphans *o)
{
	return o->remote_content_rejects > o->remote_ip_rejects || o->remote_content_rejects >= 3;
}

/* the record tables, for analysis->touched */
enum record_table { REC_CLIENT, REC_ACCOUNT, REC_LOGIN };

struct analysis {
	struct membudget budget;
	struct spillvec clients, accounts, logins;   /* struct client, account, login */
	struct idxmap client_ix, account_ix, login_ix;
	struct arena names;
	struct arena details;                /* the clients' details, never freed one by one */
	uint64_t seed, rng;
	struct client_detail **cdetail;      /* the detail cache, dense */
	struct account_detail **adetail;
	uint32_t *cdscore, *adscore;         /* their owners' scores, for eviction */
	uint32_t ncdetail, nadetail, cdetail_max, adetail_max;
	bool track_peak;                     /* keep session starts for peak_minute */
	uint64_t clients_detail_lost;        /* after finish: clients flagged CF_DETAIL_LOST */
	uint64_t accounts_detail_lost;
	uint64_t auth_decoded;               /* AUTH usernames decoded from dialogues */
	uint64_t sessions, messages;
	uint64_t verify_probes;               /* address verification probes: not in messages */
	bool show_secrets;
	struct client **clist;               /* after finish: sorted by severity */
	struct account **alist;
	size_t nclist, nalist;
	uint32_t *logins_by_client, *logins_by_account;   /* after finish: login numbers */
	struct orphans orphans;
	struct stamp first, last;            /* the time the log covers */
	bool have_time;
	struct strset dnf_domains;           /* domains smtpd refused as "Domain not found" (capped) */
	uint32_t dnf_known;                  /* of them, mailbox domains that always resolve */
	struct strset dnf_clients;           /* clients refused (as spam) for "Domain not found" only... */
	struct strset dnf_other;             /* ... and those refused for anything else too */
	uint8_t *dnf_asked;                  /* by client number: bit 1 put in dnf_clients,
	                                      * bit 2 in dnf_other (dnf_clients.c) */
	size_t ndnf_asked;
	struct strset local_domains;         /* domains delivered by local, virtual or lmtp */
	uint64_t at_file, at_line;           /* where the current event's line is (analysis_at) */
	/* the address texts records_client_get was last asked for, one a
	 * slot of the text's last two bytes (1 to CMEMO_MAX bytes; cmemo_n
	 * 0: none), and their clients' numbers: the same client is asked
	 * again in a row (a session's refusals, its verdict, its messages),
	 * and comes back (a bot's next connection, between others') */
#define CMEMO_MAX 46
#define CMEMO_SLOTS 64
	uint8_t cmemo_n[CMEMO_SLOTS];
	uint32_t cmemo_i[CMEMO_SLOTS];
	char cmemo_text[CMEMO_SLOTS][CMEMO_MAX];
	/* optional: told of every record found or made (live/watch.c keeps
	 * what changed since its last save) */
	void (*touched)(void *ctx, enum record_table t, uint32_t i);
	void *touched_ctx;
};

struct analysis *analysis_new(void);
void analysis_limits(struct analysis *a, size_t memory_budget, uint32_t detail_clients,
		     uint32_t detail_accounts);
/* analysis_at - where the next event's line is, for the evidence of the
 * clients only postscreen saw (0: not known) */
static inline void analysis_at(struct analysis *a, uint64_t file_index, uint64_t lineno)
{
	a->at_file = file_index;
	a->at_line = lineno;
}

void analysis_event(struct analysis *a, const struct event *ev);

/* analysis_widen - [first, last] widened to t */
static inline void analysis_widen(struct stamp *first, struct stamp *last, bool *have, struct stamp t)
{
	if (!*have || t.us < first->us)
		*first = t;
	if (!*have || t.us > last->us)
		*last = t;
	*have = true;
}

/* the kinds analysis_event reads more of than the line's time: its
 * switch's cases (test_stage_kinds.c holds every other kind to the time
 * alone) */
#define ANALYSIS_KIND(e) (UINT64_C(1) << (e))
#define ANALYSIS_EVENT_KINDS                                                                       \
	(ANALYSIS_KIND(EV_OTHER) | ANALYSIS_KIND(EV_SASL_FAIL) | ANALYSIS_KIND(EV_PS_CONNECT) |     \
	 ANALYSIS_KIND(EV_PS_PREGREET) | ANALYSIS_KIND(EV_PS_VIOLATION) | ANALYSIS_KIND(EV_PS_DNSBL) | \
	 ANALYSIS_KIND(EV_PS_PASS) | ANALYSIS_KIND(EV_DELIVERY) | ANALYSIS_KIND(EV_REJECT))

/* analysis_event_by_kind - analysis_event, its call made only for the
 * kinds it reads: for the others (verbose chatter, the queue's lines,
 * most of a session's: 85-95 % of a log's events) the line's time is all
 * it keeps, widened here without the call and the switch */
static inline void analysis_event_by_kind(struct analysis *a, const struct event *ev)
{
	if ((unsigned)ev->type < 64 && (ANALYSIS_EVENT_KINDS >> (unsigned)ev->type & 1))
		analysis_event(a, ev);
	else if (ev->line->format != FMT_NOTIME) /* a pasted line with no time */
		analysis_widen(&a->first, &a->last, &a->have_time, ev->line->ts);
}
void analysis_session(struct analysis *a, const struct session *s);
void analysis_message(struct analysis *a, const struct message *m);
/* analysis_content_reject - a bounced reason that speaks of virus or spam
 * (messages.c), its answer kept by the text without its first address;
 * _plain the search itself (test_content_memo.c holds one to the other) */
bool analysis_content_reject(const char *reason);
bool analysis_content_reject_plain(const char *reason);
void analysis_finish(struct analysis *a);
/* after finish: the diagnosis found these addresses' mail relayed to
 * outside domains through an open relay; those that never log in and
 * are not on this server's own network become relay-abuser (the lists
 * are sorted again); how many did */
size_t analysis_relay_abusers(struct analysis *a, const char *const *ips, size_t n);
void analysis_free(struct analysis *a);

enum verdict verdict_session(const struct session *s);
enum verdict verdict_session_fails(const struct session *s, uint32_t fails);
bool session_logged_in(const struct session *s);
/* session_monitor - the session names a monitoring tool: its HELO, or
 * the client's verified name (remote8.uptimerobot.com) (verdict.c) */
bool session_monitor(const struct session *s);
/* session_tls_hello - what the client sent before the greeting is the
 * start of a TLS handshake (smtpd's "\026\003\00N": a ClientHello) */
bool session_tls_hello(const struct session *s);
/* client_tls_at_once - a client that opened with a TLS handshake on a
 * plain port and is one of this server's: of its own network (verdict
 * tls-failure), or an address a user also logged in from (legitimate:
 * a roaming user's device with one mail program set to SSL/TLS) */
bool client_tls_at_once(const struct analysis *a, const struct client *c);
enum verdict verdict_decide(const struct client *c);
bool verdict_device_logins(const struct client *c);
/* a monitor's steady check from outside: see verdict.c */
bool verdict_steady_checks(const struct client *c);
/* a refusal's words kept with the client's others (its detail's reject_text) */
void analysis_refusal_text(struct client_detail *d, struct span text);
void client_explain(const struct analysis *a, const struct client *c, struct buf *b);
void verdict_account(struct analysis *a, struct account *ac);
/* it sent in bulk (100 recipients, 30 in a busy ten minutes, or 15
 * domains): alone that is no compromise (after verdict_account) */
bool account_bulk(const struct account *ac);
/* account_spread - the most networks (IPv4 /16, IPv6 /32) the account
 * sent from within two hours, secs the time they took; from
 * ACCOUNT_SPREAD_NETS on, a sign its password is used by others */
#define ACCOUNT_SPREAD_NETS 5
uint32_t account_spread(const struct analysis *a, const struct account *ac, double *secs);
void account_explain(const struct analysis *a, const struct account *ac, struct buf *b);
const struct login *account_new_source(const struct analysis *a, const struct account *ac,
				       const struct login **earliest);

struct client *analysis_client(struct analysis *a, const char *ip);
uint32_t analysis_client_get(struct analysis *a, struct span ip);
uint32_t analysis_client_number(const struct analysis *a, const struct client *c);
struct account *analysis_account(struct analysis *a, const char *name);
struct client_addr client_addr(const struct client *c);
struct client_addr client_shown(const struct client *c); /* for people: in their language */
bool client_is_placeholder(const struct client *c);
int client_cmp_addr(const struct client *x, const struct client *y);
struct stamp client_first(const struct client *c);
struct stamp client_last(const struct client *c);
const struct client_detail *client_detail(const struct analysis *a, const struct client *c);
/* client_visits - its smtpd sessions, or its postscreen connections when
 * postscreen never handed it to smtpd (a bot it dropped): what ban's
 * --min-sessions, watch and advise count */
static inline uint64_t client_visits(const struct client *c)
{
	return c->sessions ? c->sessions : c->ps_connects;
}
const struct account_detail *account_detail(const struct analysis *a, const struct account *ac);
uint32_t client_tried_names(const struct analysis *a, const struct client *c);
const struct login *client_login(const struct analysis *a, const struct client *c, uint32_t i);
const struct login *account_login(const struct analysis *a, const struct account *ac, uint32_t i);
const struct client *login_client(const struct analysis *a, const struct login *l);
const struct account *login_account(const struct analysis *a, const struct login *l);
size_t account_domains(const struct analysis *a, const struct account *ac, bool *at_least);

bool analysis_is_port25(const char *program);
bool analysis_is_submission(const char *program);
bool session_submission_unlogged(const struct session *s);
/* protocol_refusal.c: the session's last refusal was for a bare newline
 * (smtpd_forbid_bare_newline = reject), not for its mail, and its client is
 * on this server's network or named */
bool session_protocol_refused(const struct session *s);
bool analysis_relay_from_local(const struct analysis *a, const struct client *c);
bool analysis_own_app_refused(const struct analysis *a, const struct client *c);
/* a client of this server's own network, not judged, whose logins failed
 * and that never logged in nor sent (conclude.c) */
bool analysis_own_failed_logins(const struct client *c);
/* a blocklist refused all of it, yet its mail may have been wanted (client_facts.c) */
bool client_listed_server(const struct analysis *a, const struct client *c);
bool client_denied_server(const struct analysis *a, const struct client *c);
bool client_listed_self_sender(const struct analysis *a, const struct client *c);
bool analysis_resolver_failing(const struct analysis *a);
bool helo_is_fqdn(const char *helo);
uint32_t session_auth_failures(const struct session *s);
bool session_mech_fallback(const struct session *s);
struct dlg_counts {
	uint32_t hello, work, quit, unknown;
};
struct dlg_counts dialogue_counts(const struct session *s);
bool client_period(const struct client_detail *d, uint32_t *median_ms, uint32_t *mad_ms);
bool ptr_is_generic(const char *ptr, const char *ip);
/* a session's scanner name and VRFY on its client (session_marks.c) */
void session_marks(struct client *c, const struct session *s);
/* a session refused as spam: its client in dnf_clients or dnf_other (dnf_clients.c) */
void analysis_dnf_note(struct analysis *a, struct client *c, bool dnf);

#endif
