/*
 * diagnose.h - the whole mail server's problems, not only its hostile
 * clients: every event goes through the rules (rules.c), and the hits
 * are grouped by finding and cause (one group for "Gmail refuses this
 * server's IP: 37 recipients", not 37 lines).
 *
 * Memory is bounded: at most DIAG_MAX_GROUPS groups (past that, hits are
 * counted in ->dropped), each with a few sample lines (SASL secrets
 * redacted unless ->show_secrets) and a capped set
 * of the recipients' domains or clients it touched.
 */
#ifndef POSTSLEUTH_DIAGNOSE_H
#define POSTSLEUTH_DIAGNOSE_H

#include "causes.h"
#include "finding.h"
#include "rules.h"
#include "../model/message.h"
#include "../parse/event.h"
#include "../util/hmap.h"
#include "../util/strset.h"
#include "../util/timefmt.h"

#define DIAG_MAX_GROUPS 4096
#define DIAG_ASIDE 4 /* findings of other programs' lines */
#define DIAG_SAMPLES 3
#define DIAG_SUBJECTS 256
#define DIAG_SAMPLE_MAX 512
#define DIAG_LOGIN_IPS 4096          /* addresses that logged in, remembered (users.c) */
#define DIAG_SERVING 64              /* smtpd processes whose client is remembered */
#define DIAG_TLS_SETTINGS_CLIENTS 3  /* different clients with no TLS in common: our settings */
#define DIAG_TRUSTED 64              /* private addresses sending without login, remembered */
#define DIAG_TRUSTED_NAMES 16        /* HELO names and sender domains kept per such address */
#define DIAG_NAT_NAMES 3             /* that many of each through one address: a NAT gateway */
#define DIAG_BACKSCATTER_QIDS 1024   /* queue IDs of backscatter kept to tie their lines to it */
#define DIAG_FILTERED_QIDS 1024      /* content filters' copies of Internet mail awaited, per generation */
#define DIAG_FULL_RCPTS 16           /* full own mailboxes remembered: enough to tell one from all */
#define DIAG_SENT_DOMAINS 4096       /* recipient domains delivered, remembered */
#define DIAG_HELD_QIDS 4096          /* held messages followed until released */
#define DIAG_RELAY_CLIENTS 64        /* clients whose relay, limit or checks refusals are kept, per kind */
#define DIAG_TLS_CLIENTS 64          /* clients whose failed TLS handshakes' lines are kept */

/* a client's lines kept until the end, which tells whether it is a user
 * of this server (it logs in elsewhere): a client refused with "Relay
 * access denied" (a public one), by an anvil limit, or by
 * header_checks/body_checks (accepted.c), a client whose TLS handshakes
 * failed or that was refused after it logged in (users.c) */
enum diag_note_kind { NOTE_RELAY, NOTE_LIMIT, NOTE_CHECKS };
struct diag_relay {
	char ip[64];
	uint8_t kind;                /* NOTE_* (accepted.c's table) */
	bool provider;               /* a large provider's server (users.c) */
	bool submission;             /* a limit's line came from a submission service (587, 465) */
	bool temp;                   /* a check's refusal was temporary (4.x.x: a milter's tempfail) */
	bool named;                  /* a limit's client had a name DNS confirms, neither an
	                              * ISP pool's nor a scanner's (accepted.c limit_named) */
	bool mail_limit;             /* ... and a limit a sender with mail reaches: connections
	                              * at once, messages or recipients per time unit */
	char why[DIAG_KEY_MAX];      /* the cause of its first line, where kept (users.c) */
	uint64_t lines;
	struct stamp first, last;
	uint32_t nsample;
	char *sample[DIAG_SAMPLES];
};

/* a recipient refused as unknown, with the named clients that wrote to it */
#define DIAG_UNKNOWN_RCPTS 64
struct diag_unknown {
	char rcpt[DIAG_KEY_MAX];
	struct strset clients;       /* their addresses (capped) */
	bool provider;               /* one of them a large provider's server */
	uint64_t lines;
	struct stamp first, last;
	uint32_t nsample;
	char *sample[DIAG_SAMPLES];
};

/* a private address (not loopback) that handed over mail without a login */
struct diag_trusted {
	char ip[64];
	uint64_t messages;           /* its smtpd "client=" lines */
	struct stamp first, last;
	struct strset helos, senders; /* HELO names, envelope senders' domains */
	uint32_t nsample;
	char *sample[DIAG_SAMPLES];
};

struct diag_group {
	enum finding_id id;
	char *key;                   /* the cause: a table, socket, provider... */
	uint64_t lines;              /* log lines that show it */
	uint64_t recipients;         /* delivery lines among them */
	struct stamp first, last;
	struct strset subjects;      /* recipient domains or clients touched */
	uint32_t nsample;
	char *sample[DIAG_SAMPLES];  /* the first lines, raw (cut at DIAG_SAMPLE_MAX) */
	bool port25;
	uint32_t merged;             /* groups folded into this one (port 25) */
};

struct diag_relayed;
struct diag_delays;
#define DIAG_DKIM_JOBS 16
#define DIAG_GREY_PAIRS 512 /* greylisted senders and recipients remembered (greylist_retries.c) */
#define DIAG_FWD_QIDS 64  /* queue IDs of forwarded mail remembered (forwarded.c) */
#define DIAG_HOST_PIDS 16    /* OOM victims and signal-9 kills remembered (host_resources.c) */
#define DIAG_HOST_STOPPED 8  /* daemons stopped by a resource remembered */
#define DIAG_HOST_NAME 24
#define DIAG_HOST_KEY 96
#define DV_STORE_RING 16

struct diag {
	struct hmap groups;
	size_t ngroups;
	uint64_t dropped;            /* hits past DIAG_MAX_GROUPS */
	uint64_t relay_refused;      /* smtpd's "Relay access denied" refusals (relayed.c) */
	/* the findings a policy service's own lines show (postgrey's
	 * greylisting): kept apart, and listed only when Postfix's lines did
	 * not show the same finding, so that a log holding both counts once */
	struct diag_group *aside[DIAG_ASIDE];
	uint32_t naside;
	uint64_t sent_port25;        /* deliveries that left over SMTP port 25 */
	struct stamp sent_port25_last; /* the last of them (0: no time) */
	struct stamp provider_accepted_last; /* a large provider's last mail accepted (smtpd client=) */
	uint64_t data_ok;            /* named clients' DATA/BDAT commands that succeeded (stalls.c) */
	bool data_counted;           /* a disconnect line with command counts was seen */
	bool show_secrets;           /* sample lines with their SASL data */
	/* the client each smtpd process serves, by its connect line: a
	 * pid-only "TLS library problem" warning is that client's; and the
	 * refusals of the session, until its disconnect line tells whether
	 * it logged in (users.c) */
	struct {
		int64_t pid;
		char ip[64];
		uint32_t refused;            /* refusals no rule explains, this session */
		char why[DIAG_KEY_MAX];      /* the first one's cause */
		char *sample;                /* its line */
		bool content;                /* the first one a milter's content verdict */
		bool provider;               /* refused as a large provider's server */
	} serving[DIAG_SERVING];
	uint32_t serving_next;
	/* the slots of the pids, by a hash of the pid (diag_serving_find):
	 * how many slots with an address hold a pid of the hash, and the
	 * slot given last to one */
	uint8_t serving_live[256], serving_hint[256];
	/* a pid-only handshake failure whose process served no known
	 * client (a paste without the connect line): the client its
	 * process's next line names is that failure's (tls_orphan_take) */
	struct {
		int64_t pid;                 /* -1: none */
		enum finding_id id;
		char key[DIAG_KEY_MAX];
	} tls_orphan;
	/* the users whose message Dovecot could not store last, and when:
	 * a Sieve abort for one of them soon after is that failure's
	 * (dovecot_delivery.c, a ring of DV_STORE_RING) */
	struct dv_store {
		char user[64];
		int64_t at;
		bool live;
	} dv_store[DV_STORE_RING];
	uint32_t dv_store_next;
	/* the smtp processes whose last TLS handshake failed with this
	 * host's own backend ("SSL_connect error to 127.0.0.1[127.0.0.1]:10025"):
	 * their queue ID's "Cannot start TLS" line without a relay is
	 * about that backend (diag_own_tls_take) */
	struct {
		int64_t pid;                 /* 0: free */
		int kind;                    /* enum own_kind */
		char key[DIAG_KEY_MAX];
	} own_tls[8];
	uint32_t own_tls_next;
	/* relaying on the trust of an address (accepted.c) */
	uint64_t public_clients;     /* smtpd/postscreen lines of a client with a public address */
	struct diag_trusted trusted[DIAG_TRUSTED];
	uint32_t ntrusted;
	uint64_t trusted_dropped;    /* client= lines of private addresses past DIAG_TRUSTED */
	/* the first such clients' refusals, DIAG_RELAY_CLIENTS of each kind
	 * (bots hitting anvil's limits do not crowd out the relay notes) */
	struct diag_relay relay[DIAG_RELAY_CLIENTS * 3];
	uint32_t nrelay, nrelay_kind[3];
	/* a users' mail program failing the TLS handshake (users.c) */
	struct diag_relay tlsfail[DIAG_TLS_CLIENTS]; /* the first clients' failed handshakes */
	uint32_t ntlsfail;
	uint8_t tlsfail_tag[DIAG_TLS_CLIENTS]; /* diag_client_note's index */
	struct diag_relay tlshang[DIAG_TLS_CLIENTS]; /* their hang-ups mid-handshake, apart */
	uint32_t ntlshang;
	uint8_t tlshang_tag[DIAG_TLS_CLIENTS]; /* diag_client_note's index */
	struct strset user_tls_ips;  /* those that are users' (diag_user_tls) */
	struct strset noauth_ips;    /* users' addresses refused without a login (users.c) */
	struct strset known_ips;     /* known senders' addresses refused (users.c) */
	/* the last blocklist timeouts (dnsbl_resolver.c): their lists'
	 * hashes and times; set once three lists failed within a minute */
	uint64_t dnsbl_list[8];
	int64_t dnsbl_us[8];
	uint32_t ndnsbl;
	bool dnsbl_burst;
	/* the messages the system logger says it dropped, by its kind
	 * (log_gaps.c: journald, rsyslog's imuxsock, its imjournal) */
	uint64_t log_lost[3];
	/* Postfix lines with a time and a pid, and those the same as the
	 * line before them byte for byte (the feed's counts, diag_log_doubled) */
	uint64_t log_timed, log_doubled;
	struct strset ps_providers;  /* "PROVIDER ADDRESS" told 450 4.3.2 by postscreen (DIAG_TLS_CLIENTS) */
	struct strset login_ips;     /* addresses that logged in so far (DIAG_LOGIN_IPS) */
	/* a logged-in user's mail refused by this server's own checks (users.c) */
	struct diag_relay userref[DIAG_TLS_CLIENTS];
	uint32_t nuserref;
	uint8_t userref_tag[DIAG_TLS_CLIENTS]; /* diag_client_note's index */
	/* the same in a session without a login, of any address (kept until
	 * the end tells whether a user logs in from it elsewhere) */
	struct diag_relay noauthref[DIAG_TLS_CLIENTS];
	uint32_t nnoauthref;
	uint8_t noauthref_tag[DIAG_TLS_CLIENTS]; /* diag_client_note's index */
	/* logins failed by this server's SASL backend, by client, until the
	 * end tells which clients guessed besides (users.c) */
	struct diag_relay saslfail[DIAG_TLS_CLIENTS];
	uint32_t nsaslfail;
	uint8_t saslfail_tag[DIAG_TLS_CLIENTS]; /* diag_client_note's index */
	bool sasl_down_seen;         /* smtpd said its SASL backend is unreachable */
	struct strset backscatter_qids; /* the messages and notifications of backscatter */
	struct diag_unknown unknown[DIAG_UNKNOWN_RCPTS]; /* unknown recipients (unknown_rcpt.c) */
	uint32_t nunknown, unknown_next;
	uint64_t own_delivered;      /* deliveries by this host's own agents (local, virtual, lmtp, pipe) */
	struct strset own_full_rcpts; /* recipients whose own mailbox was full (capped) */
	struct strset sent_domains;  /* recipient domains delivered over port 25, lower case (capped) */
	/* the local delivery agent's domains (site_domain.c): a program's
	 * own mail to its own domain bounced as unknown, and the domains
	 * delivered into or bounced for other mail (lower case, capped) */
	struct strset site_bounced, site_hosted;
	/* the recipient domain, as the log wrote it, that the last local
	 * delivery put in site_hosted, and the last port-25 delivery in
	 * sent_domains: a domain there already is not lowered and looked
	 * up again (speed25; n 0: none) */
	char site_last[DIAG_KEY_MAX], sent_last[DIAG_KEY_MAX];
	size_t site_last_n, sent_last_n;
	struct strset held_qids;     /* messages put on hold and not yet released or deleted (held.c) */
	bool held_seen, held_unknown; /* a message held; one not kept (no queue ID, set full) */
	struct strset nx_names;      /* names "not found" outbound: the looked-up name, else the domain */
	struct strset own_names;     /* names root's mail was sent to by local-name-sent-to-unknown-domain */
	struct diag_causes causes;   /* each process' last cause (causes.h) */
	/* the last remote servers that answered 421 (closing the connection),
	 * by process: the "lost connection with HOST" that follows is the
	 * 421's effect (diagnose.c) */
	struct diag_closed {
		int64_t pid;
		uint64_t host;
		char peer[64];
	} closed[8];
	uint32_t closed_next;
	/* non-delivery notices and the failed deliveries read (the first
	 * notices' queue IDs kept for the finding's samples) */
	uint64_t ndr_notices, ndr_failures;
	char ndr_qid[4][32];
	char *ndr_line[4];           /* their first lines, the finding's samples */
	char ndr_deferred[16][32];   /* the last deferred messages' queue IDs (a ring) */
	uint64_t domain_double_hits; /* trivial-rewrite's "do not list domain ... in BOTH" */
	uint32_t ndr_deferred_at;
	struct stamp ndr_first, ndr_last;
	/* groups folded into others by the whole-log conclusions: the
	 * (finding, key) a line's rule gives, and where its lines went */
	struct diag_alias {
		enum finding_id id;
		char *key;
		struct diag_group *to;
	} *alias;
	size_t nalias;
	struct strset filtered_qids[2]; /* a content filter's copies of mail from the
				      * Internet without login ("queued as" by the original):
				      * this generation and the one before (dropped when
				      * this one fills: bounded, and in-flight copies stay) */
	struct diag_relayed *relayed; /* Internet mail passed on by SMTP (relayed.c) */
	struct diag_delays *delays;  /* delivered mail slow by the parts of delays= (delays.c) */
	struct diag_local *local;    /* pickup's mail by uid and sender (local_senders.c) */
	/* OpenDKIM's recent jobs told "not internal" (1) and "not
	 * authenticated" (2): mail from outside (dkim_origin.c) */
	struct {
		char job[32];
		unsigned char marks;
	} dkim_jobs[DIAG_DKIM_JOBS];
	uint32_t dkim_next;
	/* recent queue IDs whose envelope sender is an SRS address:
	 * forwarded mail (forwarded.c) */
	char fwd_qids[DIAG_FWD_QIDS][24];
	uint32_t fwd_next;
	/* recent queue IDs with their envelope sender's domain, to tell a
	 * DMARC refusal of another domain's From: (forwarded.c) */
	char from_qids[DIAG_FWD_QIDS][24];
	char from_doms[DIAG_FWD_QIDS][64];
	uint32_t from_next;
	/* when each greylisted sender and recipient was first refused, by a
	 * hash of the pair (greylist_retries.c) */
	struct diag_grey {
		uint64_t h;
		int64_t first_us;
	} grey[DIAG_GREY_PAIRS];
	/* this host's resources (host_resources.c): the last processes the
	 * kernel's out-of-memory killer chose (their pid and group key),
	 * master's last kills by signal 9, and the daemons whose own fatal
	 * line was a resource's (their master lines are its effects) */
	struct diag_host {
		struct {
			int64_t pid;
			char key[DIAG_HOST_KEY];
		} oom[DIAG_HOST_PIDS];
		int64_t killed9[DIAG_HOST_PIDS];
		uint32_t noom, nkilled9;
		struct diag_host_stop {
			char daemon[DIAG_HOST_NAME];
			enum finding_id id;
			char key[DIAG_HOST_KEY];
		} stopped[DIAG_HOST_STOPPED];
		uint32_t nstopped;
	} host;
	struct diag_group **list;    /* after diag_finish: most serious first */
	size_t nlist;
};

struct diag *diag_new(void);
void diag_event(struct diag *d, const struct event *ev);
/* the same in two halves: diag_front on the feed's reading thread (it
 * touches no struct diag), diag_event_noted later on the consumer's,
 * in order, with the note diag_front wrote for that event */
struct diag_note {
	bool looked, hit;
	/* a refusal's grouping answers asked ahead (diag_refusal_ask's
	 * DIAG_REFUSAL_ bits, 0: not asked), its text in h.key: only when
	 * there is no hit, when h is not the rule's (speed23) */
	uint8_t refusal;
	union {
		/* an EV_REJECT: its client's kind (1 + diag_addr_kind, 0:
		 * not asked) */
		uint8_t addr_kind;
		/* an smtpd EV_CLIENT without a login: its client's name is
		 * a large provider's (provider_name: 1 no, 2 yes, 0 not
		 * asked; speed24) */
		uint8_t provider;
	};
	struct diag_hit h;
};
/* how many of the rules diag_front runs: none (the consumer's thread is
 * idle), the refusals' (speed37; all but the failed deliveries' before),
 * all */
enum diag_front_share { DIAG_FRONT_NONE, DIAG_FRONT_USUAL, DIAG_FRONT_ALL };
/* the kinds that neither half looks at when the line has no severity
 * and no status: diag_classify has no branch for them (its switch, the
 * hostname check and the plain tables name none of them), and
 * diag_hit_event, asked with no hit, tests each of the others by name
 * (ndr_event also any status "bounced" or "expired", hence the status).
 * Before speed17 only verbose chatter was passed by; the message's queue
 * lines (queued, message-id, removed), the dialogue and TLS lines and
 * anvil's are 20-30 % of a log's, each asked about 110 instructions of
 * tests in turn.  A kind added to diag_classify or diag_hit_event must
 * leave this list (test_noise_skip.c feeds a line of each kind): so
 * did another program's line (EV_OTHER) when a policy service's
 * greylisting became a finding, and qmgr's "from=" line (EV_QUEUED)
 * when forwarded.c began to note every sender's domain */
#define DIAG_KIND(e) (UINT64_C(1) << (e))
#define DIAG_PASSED_KINDS                                                                          \
	(DIAG_KIND(EV_NONE) | DIAG_KIND(EV_NOISE) | DIAG_KIND(EV_SASL_ABORT) |                       \
	 DIAG_KIND(EV_NON_SMTP) | DIAG_KIND(EV_PIPELINING) | DIAG_KIND(EV_TLS) |                      \
	 DIAG_KIND(EV_SMTP_IN) | DIAG_KIND(EV_SMTP_OUT) | DIAG_KIND(EV_TLS_READ) |                    \
	 DIAG_KIND(EV_TLS_WRITE) | DIAG_KIND(EV_MESSAGE_ID) | DIAG_KIND(EV_CLEANUP_REMOVED) |         \
	 DIAG_KIND(EV_REMOVED) | DIAG_KIND(EV_PICKUP) |                                               \
	 DIAG_KIND(EV_PS_CONNECT) | DIAG_KIND(EV_PS_PASS) | DIAG_KIND(EV_PS_PREGREET) |               \
	 DIAG_KIND(EV_PS_HANGUP) | DIAG_KIND(EV_PS_VIOLATION) | DIAG_KIND(EV_PS_LISTED) |             \
	 DIAG_KIND(EV_PS_DISCONNECT) | DIAG_KIND(EV_ANVIL) | DIAG_KIND(EV_WARNING))
_Static_assert(EV__COUNT <= 64, "a kind is a bit of DIAG_PASSED_KINDS");

/* diag_passes_by - an event that neither half looks at: one of the
 * kinds above (verbose or debug chatter among them) with no severity and
 * no status, and not smtp's "Trusted TLS connection established".
 * diag_front and diag_event_noted ask it first; a caller
 * may ask it instead of calling diag_event_noted (test_noise_skip.c
 * holds the two halves to diag_event, which asks all of them) */
static inline bool diag_passes_by(const struct event *ev)
{
	return (unsigned)ev->type < 64 && (DIAG_PASSED_KINDS >> (unsigned)ev->type & 1) && ev->line &&
	       !ev->line->severity.n && !ev->status.p &&
	       /* but "Trusted TLS connection established": the cause of an
	        * unverified certificate (diag_hit_event); Verified,
	        * Untrusted and Anonymous are 8 and 9 letters */
	       !(ev->type == EV_TLS && ev->tls_trust.n == 7) &&
	       /* nor a PROXY header sent before the greeting (a proxy in
	        * front that this service does not expect): a finding */
	       !((ev->type == EV_PS_PREGREET || ev->type == EV_PIPELINING) && ev_proxy_header(ev->command));
}

void diag_front(const struct event *ev, struct diag_note *n, enum diag_front_share share);
void diag_event_noted(struct diag *d, const struct event *ev, const struct diag_note *n);
/* a closed message (the model's): accepted, then bounced to its sender? */
void diag_message(struct diag *d, const struct message *m);
/* before diag_finish, after analysis_finish: what needs the clients'
 * verdicts (a user's mail program refused with "Relay access denied", a
 * user's client refused by an anvil limit or by header/body checks);
 * it gives the clients of an open relay their verdict (relay-abuser) */
struct analysis;
void diag_clients(struct diag *d, struct analysis *a);
/* the clients of an open relay as far as the log has told (relayed.c):
 * their addresses into ips, DIAG_RELAY_CLIENTS at most, for
 * analysis_relay_abusers; no finding is made (watch asks at each save) */
#define DIAG_RELAY_CLIENTS 64
size_t diag_relay_abusers(struct diag *d, const char **ips);
/* an open message, as it stands (backscatter.c): see diag_relay_abusers */
void diag_message_peek(struct diag *d, const struct message *m);
void diag_finish(struct diag *d);
/* log_gaps.c: the feed's counts of timed Postfix lines and of those that
 * are the line before them again, before diag_finish */
void diag_log_doubled(struct diag *d, uint64_t timed, uint64_t doubled);
/* the group the lines of (id, key) went to when a conclusion folded
 * theirs into another, or NULL (after diag_finish) */
const struct diag_group *diag_alias_of(const struct diag *d, enum finding_id id, const char *key);
/* the group a line belongs to by a conclusion over several lines (a
 * message's life, an address's mail), after diag_finish; or NULL */
const struct diag_group *diag_line_group(const struct diag *d, const struct event *ev);
/* a refusal of mail this server forwards (orig_to= at another domain, an
 * SRS sender) relabelled forwarded-mail-refused (forwarded.c) */
void diag_forward_take(const struct diag *d, const struct event *ev, struct diag_hit *hit);
/* a greylisting refusal of a sender and recipient greylisted ten
 * minutes or more before relabelled greylisting-refuses-retries
 * (greylist_retries.c) */
void diag_greylist_take(const struct diag *d, const struct event *ev, struct diag_hit *hit);
void diag_free(struct diag *d);
bool diag_breaks_mail(const struct diag *d);
/* diag_group_impact - what g breaks: its row's impact, or what its own
 * lines tell (impact.c) */
enum finding_impact diag_group_impact(const struct diag_group *g);
bool diag_has(const struct diag *d, enum finding_id id);
int diag_worst(const struct diag *d);
const char **diag_subjects(const struct diag_group *g, size_t *n);

#endif
