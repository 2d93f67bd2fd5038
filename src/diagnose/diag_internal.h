/*
 * diag_internal.h - what diagnose.c shares with the diagnosis's other
 * files (accepted.c, backscatter.c, users.c, relayed.c, unknown_rcpt.c,
 * folds.c, reclassify.c): the groups by (finding, cause), the bounded copy of a
 * raw line kept as a sample, and the helpers that widen a kept time span
 * and hand kept samples and subjects to a group.
 */
#ifndef POSTSLEUTH_DIAG_INTERNAL_H
#define POSTSLEUTH_DIAG_INTERNAL_H

#include "diagnose.h"

struct diag_group *diag_group_get(struct diag *d, enum finding_id id, const char *key);
struct diag_group *diag_group_find(const struct diag *d, enum finding_id id, const char *key);
void diag_group_drop(struct diag *d, struct diag_group *g);
char *diag_sample_copy(const struct logline *l, bool show_secrets);
void diag_group_time(struct diag_group *g, struct stamp ts);
void diag_line_time(struct stamp *first, struct stamp *last, const struct logline *l);
void diag_samples_take(struct diag_group *g, char **from, uint32_t n);
void diag_subjects_add(struct strset *to, const struct strset *from);

/* dkim_origin.c: OpenDKIM's notes of a message from outside, and
 * whether its "no signing ... match" is that message's */
void diag_dkim_note(struct diag *d, const struct event *ev);
/* dmarc_accepted.c: a message OpenDMARC refused or held takes back a "fail" */
void diag_dmarc_refused(struct diag *d, const struct event *ev);
/* auth_results.c: failed SPF/DKIM lookups of one sender domain alone dropped */
void diag_auth_dns(struct diag *d);
bool diag_dkim_outside(const struct diag *d, const struct event *ev);
/* dovecot_delivery.c: note a Dovecot store failure; false when hit (a
 * Sieve abort) is that failure's, told by its own lines */
bool diag_dovecot_take(struct diag *d, const struct event *ev, const struct diag_hit *hit);

/* forwarded.c: the queue IDs of mail with an SRS sender (the relabel,
 * diag_forward_take, is in diagnose.h: explain asks it too) */
void diag_forward_note(struct diag *d, const struct event *ev);

/* greylist_retries.c: when each sender and recipient was first
 * greylisted (the relabel, diag_greylist_take, is in diagnose.h) */
void diag_greylist_note(struct diag *d, const struct event *ev, const struct diag_hit *hit);

/* accepted.c: the clients' addresses as the lines go by, and the
 * conclusions at the end (before the list is sorted) */
/* kept_kind: 1 + diag_addr_kind of the client asked ahead (the note's), or 0 */
void diag_accepted_event(struct diag *d, const struct event *ev, bool hit, unsigned kept_kind);
void diag_accepted_groups(struct diag *d);
void diag_accepted_fold(struct diag *d);
void diag_accepted_free(struct diag *d);

/* users.c: a client's lines kept until the end; the users' failed TLS
 * handshakes and refused mail */
void diag_note_line(struct diag_relay *r, const struct event *ev, bool show_secrets);
struct diag_relay *diag_client_note(struct diag_relay *tab, uint8_t *tags, uint32_t *n, uint32_t cap,
				    struct span ip, const struct event *ev, bool show_secrets);
/* diag_ip_tag - the byte diag_client_note's tags[] keep of an address */
static inline uint8_t diag_ip_tag(struct span ip)
{
	uint32_t h = (uint32_t)ip.n * 0x9Du;
	for (size_t k = ip.n > 4 ? ip.n - 4 : 0; k < ip.n; k++)
		h = h * 31u + (unsigned char)ip.p[k];
	return (uint8_t)(h ^ h >> 8);
}
void diag_serving_reset(struct diag *d, uint32_t slot);
int diag_serving_find(const struct diag *d, int64_t pid);
void diag_serving_take(struct diag *d, int64_t pid, struct span ip);
/* own_backend.c: a failed handshake with this host's own backend, and
 * the relay-less TLS failure line of its process after it */
void diag_own_tls_note(struct diag *d, const struct event *ev);
void diag_own_tls_take(struct diag *d, const struct event *ev, struct diag_hit *hit);
/* diag_refusal_ask - what diag_user_refusal keeps of a session's first
 * refusal no rule explains, asked of the event alone: its cause into
 * why (diag_refusal_why), and the bits below; 0 for an event it does
 * not keep (not smtpd's reject or milter-reject) */
enum {
	DIAG_REFUSAL_ASKED = 1,    /* asked (always set in an answer but 0) */
	DIAG_REFUSAL_WHY = 2,      /* a cause (not a typing mistake): in why */
	DIAG_REFUSAL_CONTENT = 4,  /* a milter's verdict on the content */
	DIAG_REFUSAL_PROVIDER = 8, /* a large provider's server */
};
unsigned diag_refusal_ask(const struct event *ev, char *why, size_t n);
/* kept: diag_refusal_ask's answer asked ahead (why in kept_why), or 0 */
void diag_user_refusal(struct diag *d, const struct event *ev, unsigned kept, const char *kept_why);
bool diag_refusal_why(const struct event *ev, char *out, size_t n);
void diag_user_disconnect(struct diag *d, const struct event *ev);
void diag_tls_note(struct diag *d, const struct event *ev, const char *ip, const char *key);
void diag_sasl_note(struct diag *d, const struct event *ev);
void diag_user_tls(struct diag *d, struct analysis *a);
/* the kept tables of users.c, and where each client is in them
 * (diag_user_marks): a small table by client number, of a fixed size
 * whatever the number of clients */
enum { UT_TLSFAIL, UT_TLSHANG, UT_USERREF, UT_NOAUTHREF, UT_SASLFAIL, UT__COUNT };
#define UM_SLOTS 1024 /* a power of two, at least twice the tables' entries */
struct user_marks {
	struct {
		uint32_t num;           /* the client's number + 1; 0: an empty slot */
		uint8_t at[UT__COUNT];  /* 1 + its entry in each table; 0: none */
	} slot[UM_SLOTS];
};
void diag_user_marks(struct diag *d, struct analysis *a, struct user_marks *um);
const uint8_t *diag_user_marks_of(const struct user_marks *um, uint32_t num);
void diag_user_tls_fold(struct diag *d);
void diag_user_tls_free(struct diag *d);

/* diagnose.c: a group told as another finding and key; a new group
 * made apart, then put in the hash */
void diag_group_relabel(struct diag *d, struct diag_group *g, enum finding_id id, const char *key);
struct diag_group *diag_group_fresh(enum finding_id id, const char *key);
void diag_group_adopt(struct diag *d, struct diag_group *g);

/* folds.c: the conclusions that fold groups together (diag_finish) */
bool diag_lower_span(struct span s, char *out, size_t n);
/* diag_domain_last - raw (a domain as the log wrote it) is the memo's
 * last (n bytes): its lower-case form is in the set the memo serves,
 * which only grows (speed25: site_hosted, sent_domains) */
static inline bool diag_domain_last(struct span raw, const char *last, size_t n)
{
	return raw.n && raw.n == n && !memcmp(raw.p, last, n);
}
/* diag_domain_keep - raw as the memo's last, when the set now holds its
 * lower-case form (in: the insert was not refused at the cap); else none */
static inline void diag_domain_keep(struct span raw, char *last, size_t *n, bool in)
{
	if (in && raw.n < DIAG_KEY_MAX) {
		memcpy(last, raw.p, raw.n);
		*n = raw.n;
	} else {
		*n = 0;
	}
}
/* diag_domain_add - raw's lower-case form into set (nothing for an empty
 * or too long one, as diag_lower_span), unless it is the memo's last */
static inline void diag_domain_add(struct strset *set, struct span raw, char *last, size_t *n)
{
	char low[DIAG_KEY_MAX];
	if (diag_domain_last(raw, last, *n) || !diag_lower_span(raw, low, sizeof low))
		return;
	size_t dropped = set->dropped;
	strset_add(set, span_of(low));
	diag_domain_keep(raw, last, n, dropped == set->dropped);
}
void diag_nx_note(struct diag *d, const struct event *ev);
void diag_absorb(struct diag *d, struct diag_group *into, size_t i);
void diag_fold_own_hop_tls(struct diag *d);
/* diag_life_sample - a message's life in the log's words, after the head
 * the caller wrote in b (its client= or queued as, its from=): the
 * recipient's delivery line with that status and the notification, cut
 * to DIAG_SAMPLE_MAX; b is freed (backscatter.c) */
char *diag_life_sample(struct buf *b, const struct message *m, const struct rcpt *r,
		       const char *status, const char *child);
/* the lines of (id, key) are now to's (explain finds them there); aliases
 * to `from`, a group about to be dropped, follow it (NULL: none) */
void diag_alias_add(struct diag *d, enum finding_id id, const char *key, struct diag_group *to,
		    const struct diag_group *from);
void diag_fold_sql_query(struct diag *d);
void diag_fold_tables(struct diag *d);
void diag_fold_maildrop_waits(struct diag *d);
void diag_fold_crashed_transport(struct diag *d);
void diag_fold_throttled_crash(struct diag *d);

/* notes.c: events noted for the whole-log conclusions */
void diag_ps_provider_note(struct diag *d, const struct event *ev);
/* the notes a hit leaves: diag_ps_provider_note, diag_dnsbl_note */
void diag_hit_notes(struct diag *d, const struct event *ev, const struct diag_hit *hit);
/* dnsbl_resolver.c: a blocklist's timeout noted (its list, its time);
 * at the end, three lists within a minute make every timeout the
 * resolver's (dnsbl-lookups-all-time-out) */
void diag_dnsbl_note(struct diag *d, const struct event *ev, const char *list);
void diag_dnsbl_resolver(struct diag *d);
/* log_gaps.c: the system logger's own word that it dropped lines (a
 * hit of the rules, its count summed, the sum into the key at the end) */
void diag_log_gap_note(struct diag *d, const struct event *ev);
void diag_log_gaps(struct diag *d);
void diag_ps_deep_providers(struct diag *d);
void diag_ndr_event(struct diag *d, const struct event *ev);
void diag_ndr_finding(struct diag *d);
void diag_fold_text_commands(struct diag *d);
void diag_fold_write_error(struct diag *d);
/* spool_owner.c: "Permission denied" from three or more Postfix programs
 * is the queue directory's owner or modes: one finding */
void diag_fold_spool_owner(struct diag *d);
/* host_resources.c: what hits of this host's resources and master's
 * kills leave for the end; and the fold there of the stops they caused
 * (master's signal 9 for a victim's pid, the exit status and throttling
 * of a daemon that stopped on a resource) into them */
void diag_host_note(struct diag *d, const struct event *ev, const struct diag_hit *hit);
void diag_fold_host_resources(struct diag *d);
void diag_fold_map_type(struct diag *d);
void diag_fold_tls_policy_server(struct diag *d);
void diag_fold_effects(struct diag *d);
void diag_resolver_nxdomain(struct diag *d);
void diag_fold_own_names(struct diag *d);
void diag_fold_port25(struct diag *d);
/* dual_stack.c: a delivery ended on the missing IPv6 route (IPv4 failed too) */
bool diag_v6_unreachable_ended(const struct diag *d);
void diag_fold_tls_trust(struct diag *d);

/* reclassify.c: the conclusions that relabel or drop groups (diag_finish) */
void diag_dest_dns(struct diag *d);
void diag_drop_weak(struct diag *d);
void diag_tls_settings(struct diag *d);
void diag_own_limit(struct diag *d);

/* closed.c: a remote server's 421 kept by process; the lost connection
 * with that server after it (its effect) */
void diag_closed_note(struct diag *d, const struct event *ev);
/* diag_said_421 - the text holds " said: 421" (closed.c) */
bool diag_said_421(struct span t);
bool diag_closed_by_421(struct diag *d, const struct event *ev);

/* site_domain.c: a site's domain delivered here while hosted elsewhere */
void diag_site_message(struct diag *d, const struct message *m);
void diag_site_domain(struct diag *d);

/* accepted.c's address kinds and its reading of an unknown recipient */
enum addr_kind { ADDR_NONE, ADDR_LOOPBACK, ADDR_PRIVATE, ADDR_PUBLIC };
/* smtpd's refusal of a client that does not wait for the replies
 * (reject_unauth_pipelining: smtpd_check.c) */
#define PIPELINING_REFUSED "Improper use of SMTP command pipelining"
/* smtpd's refusal of a line ended in a bare newline (smtpd_forbid_bare_newline
 * = reject: smtpd.c's log_whatsup "bare <LF> received", 3.9 and later) */
#define BARE_LF_REFUSED "bare <LF> received"
enum addr_kind diag_addr_kind(struct span ip);
/* a closed message's names for a trusted private address (backscatter.c) */
void diag_trusted_names(struct diag *d, struct span ip, struct span helo, struct span from);
/* backscatter.c: a bounce that says the recipient does not exist */
bool diag_user_unknown(const struct rcpt *r);

/* relayed.c: mail from the Internet passed on by SMTP, to this site's
 * own servers or to outside domains (diag_message feeds it) */
void diag_relayed_local(struct diag *d, const struct message *m);
/* diag_relayed_local_domains - the domains diag_relayed_local gathered
 * (NULL before the first); test_relayed_local.c's view */
const struct strset *diag_relayed_local_domains(const struct diag *d);
void diag_relayed_message(struct diag *d, const struct message *m, const char *ip, const char *child,
			  bool notify);
void diag_relayed_filtered(struct diag *d, const char *qid, const char *ip);
const char *diag_relayed_filtered_ip(const struct diag *d, const char *qid);
void diag_relayed_groups(struct diag *d);
void diag_relayed_peek(struct diag *d, const struct message *m);
void diag_relayed_verdicts(struct diag *d, struct analysis *a);
const struct diag_group *diag_relayed_line_group(const struct diag *d, const struct event *ev);
void diag_relayed_free(struct diag *d);

/* held.c: held mail followed until postsuper releases or deletes it */
void diag_held_event(struct diag *d, const struct event *ev, const struct diag_hit *hit);
bool diag_held_waiting(const struct diag *d);

/* stalls.c: incoming mail that stalls while its data is sent */
void diag_stall_event(struct diag *d, const struct event *ev);
bool diag_stalls_proven(const struct diag *d, const struct diag_group *g);

/* delays.c: delivered mail slow by the parts of delays=a/b/c/d */
bool diag_delays_parse(struct span s, double out[4]);
void diag_delays_message(struct diag *d, const struct message *m);
void diag_delays_groups(struct diag *d);
const struct diag_group *diag_delays_line_group(const struct diag *d, const struct event *ev);
void diag_delays_free(struct diag *d);

/* local_senders.c: mass mail from a program on this host */
void diag_local_message(struct diag *d, const struct message *m);
void diag_local_groups(struct diag *d);
const struct diag_group *diag_local_line_group(const struct diag *d, const struct event *ev);
void diag_local_free(struct diag *d);

/* unknown_rcpt.c: one address refused as unknown to several real servers */
void diag_unknown_event(struct diag *d, const struct event *ev);
bool diag_unknown_shadowed(const struct diag *d, const struct event *ev, struct diag_hit *hit);
void diag_unknown_groups(struct diag *d);
const struct diag_group *diag_unknown_group(const struct diag *d, const struct event *ev);
void diag_unknown_free(struct diag *d);

#endif
