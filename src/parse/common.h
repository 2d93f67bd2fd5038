/*
 * common.h - field scanners shared by the per-program parsers.
 *
 * All take spans into the current line and return spans into it.
 * Untrusted input: addresses may hold spaces, '>' and ','; anchors are
 * the next known key, never the first delimiter (see the grammar notes).
 */
#ifndef POSTSLEUTH_PARSE_COMMON_H
#define POSTSLEUTH_PARSE_COMMON_H

#include "event.h"

#include <string.h>

bool pc_queue_id(struct span tok);
bool pc_take_queue_id(struct span *text, struct span *qid);
/* a pasted line's queue ID made up or masked ("XXX", "4mGC2s3EdYa3LNN4"
 * with vowels): taken as one while set (dispatch.c's second reading of a
 * line no parser knew) */
extern _Thread_local bool pc_relaxed_qid;
bool pc_masked_qid_line(struct span text);
bool pc_namaddr(struct span s, struct span *name, struct span *ip, struct span *port);
void pc_addr_canon_other(struct span *addr, char buf[EV_ADDR_MAX]);

/* pc_digits_dots - s holds only '0'-'9' and '.' (IPv4 text, canonical or
 * not an address); true for the empty text.  Up to 16 bytes in two
 * overlapping words, no branch per byte: it runs for nearly every
 * address (speed11; test_addr_canon.c holds it to the byte loop) */
SPAN_INLINE bool pc_digits_dots(struct span s)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	if (s.n - 4 <= 12) {
		uint64_t w0, w1;
		if (s.n >= 8) {
			memcpy(&w0, s.p, 8);
			memcpy(&w1, s.p + s.n - 8, 8);
		} else { /* 4 to 7 bytes: the first four and the last four */
			uint32_t a, b;
			memcpy(&a, s.p, 4);
			memcpy(&b, s.p + s.n - 4, 4);
			w0 = w1 = a | (uint64_t)b << 32;
		}
		/* a byte below '.', one above '9' (or with its high bit), a '/':
		 * each test is exact as to whether the word holds one */
		uint64_t bad = 0;
		for (int k = 0; k < 2; k++) {
			uint64_t w = k ? w1 : w0, sl = w ^ (ones * '/');
			bad |= ((w - ones * '.') & ~w) | ((w + ones * (127 - '9')) | w) |
			       ((sl - ones) & ~sl);
		}
		return !(bad & highs);
	}
	for (size_t i = 0; i < s.n; i++)
		if (!((s.p[i] >= '0' && s.p[i] <= '9') || s.p[i] == '.'))
			return false;
	return true;
}

/* pc_quoted_len - the bytes of the quoted string ("...", with \ escapes)
 * that starts v, its closing quote included, or 0 when v does not start
 * with one or it is not closed: a quoted local part ("a>b"@x; Postfix
 * 3.5+ quotes one holding '>', ',' or blanks) */
static inline size_t pc_quoted_len(struct span v)
{
	if (!v.n || v.p[0] != '"')
		return 0;
	for (size_t i = 1; i < v.n; i++) {
		if (v.p[i] == '\\')
			i++;
		else if (v.p[i] == '"')
			return i + 1;
	}
	return 0;
}

/*
 * pc_addr_canon - one text per host: *addr as inet_ntop writes it (see
 * pc_addr_canon_other).  Text of digits and dots is left alone at once,
 * inline: it is either canonical IPv4 or no address at all (inet_pton
 * takes only a.b.c.d without leading zeros), and it is nearly every
 * address of a log.
 */
SPAN_INLINE void pc_addr_canon(struct span *addr, char buf[EV_ADDR_MAX])
{
	if (addr->n && !pc_digits_dots(*addr))
		pc_addr_canon_other(addr, buf);
}
bool pc_angle_value_n(struct span *cur, const char *key, size_t kn, const char *const *next_keys,
		      struct span *out);
/* pc_angle_value - pc_angle_value_n with the key's length taken here, where
 * a literal key's strlen is a constant (speed21) */
static inline bool pc_angle_value(struct span *cur, const char *key, const char *const *next_keys,
				  struct span *out)
{
	return pc_angle_value_n(cur, key, strlen(key), next_keys, out);
}
/* pc_word_value - at *cur "key=value" up to ", " or ' ' or end */
SPAN_INLINE bool pc_word_value(struct span *cur, const char *key, struct span *out)
{
	if (!cur->n || cur->p[0] != key[0])
		return false;
	size_t kn = strlen(key);
	if (cur->n < kn + 1 || memcmp(cur->p, key, kn) != 0 || cur->p[kn] != '=')
		return false;
	struct span v = span_skip(*cur, kn + 1);
	size_t i = (size_t)(span_scan2(v.p, v.p + v.n, ',', ' ') - v.p);
	*out = span_head(v, i);
	*cur = span_skip(v, i);
	return true;
}

/* pc_count - a number read from the line, bounded to EV_NUM_MAX */
SPAN_INLINE int64_t pc_count(uint64_t n)
{
	return n > (uint64_t)EV_NUM_MAX ? EV_NUM_MAX : (int64_t)n;
}

bool pc_reply(struct span s, struct span *code, struct span *dsn, struct span *text);
void pc_smtpd_tail(struct span tail, struct event *ev);
/* smtpd.c: the reason of a "lost connection after ..." line, the start of
 * a refusal's tail after its ';' (tests/unit/test_smtpd_words.c) */
size_t pc_lost_reason(struct span t);
bool pc_tail_starts(struct span s);
/* smtpd.c: the earliest of the keys (each starting with ',') in a
 * "client=" line (tests/unit/test_smtpd_words.c) */
ptrdiff_t pc_next_key(struct span s, const char *const *keys, int from, int *which);
bool pc_cmd_stats(struct span s, struct event *ev);
bool pc_delivery_status(struct span t, struct event *ev);
bool pc_tls(const struct logline *l, struct span t, struct event *ev);

void parse_smtpd(const struct logline *l, struct event *ev);
void parse_postscreen(const struct logline *l, struct event *ev);
void parse_qmgr(const struct logline *l, struct event *ev);
void parse_cleanup(const struct logline *l, struct event *ev);
void parse_delivery(const struct logline *l, struct event *ev);
void parse_bounce(const struct logline *l, struct event *ev);
void parse_pickup(const struct logline *l, struct event *ev);
void parse_postsuper(const struct logline *l, struct event *ev);
void parse_master(const struct logline *l, struct event *ev);
void parse_anvil(const struct logline *l, struct event *ev);
void parse_scache(const struct logline *l, struct event *ev);
void parse_tlsproxy(const struct logline *l, struct event *ev);
bool parse_verbose(const struct logline *l, struct event *ev);
void parse_generic(const struct logline *l, struct event *ev);
void parse_dovecot(const struct logline *l, struct event *ev);
/* dovecot.c: a delivery line of Dovecot's own log file (log_path), its
 * process ("lmtp(USER)") in the tag's place: true and ev filled */
bool parse_dovecot_own(const struct logline *l, struct event *ev);
bool parse_policy(const struct logline *l, struct event *ev);

#endif
