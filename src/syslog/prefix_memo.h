/*
 * prefix_memo.h - the memo of the usual line's prefix, read on every line
 * (prefix.c's plain_rest): " HOST NAME[PID]: " where the host and the
 * tag's name are those of lines read before (struct prefix_memo).  What
 * it gives is what the parse would: each part is asserted only when its
 * bytes are those the parse accepted before (tests/unit/test_prefix_memo.c
 * holds it to the parse without the memo).
 */
#ifndef POSTSLEUTH_PREFIX_MEMO_H
#define POSTSLEUTH_PREFIX_MEMO_H

#include "prefix.h"

/* memo_eq - the n bytes at a (1 <= n <= PREFIX_NAME_MAX, a + n <= end)
 * equal key[0..n), key zero-padded to PREFIX_NAME_MAX: one masked word
 * when n <= 8 and eight bytes can be read at a, overlapping words else */
static inline bool memo_eq(const char *a, const char *end, const char *key, size_t n)
{
	if (n <= 8 && end - a >= 8) {
		uint64_t mask = n == 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
		return ((load_le64(a) ^ load_le64(key)) & mask) == 0;
	}
	if (n <= 16)
		return bytes_eq(a, key, n);
	return bytes_eq(a, key, 16) && bytes_eq(a + n - 16, key + n - 16, 16);
}

/* pid_digits - the decimal digits at p (before end): their count (1..18)
 * and value, or 0 when there are none or more than 18.  Seven or fewer
 * with eight bytes to read: one word, no loop (a pid is on every line) */
static inline size_t pid_digits(const char *p, const char *end, uint64_t *v)
{
	const uint64_t zeros = 0x3030303030303030ULL, highs = 0x8080808080808080ULL;
	if (end - p >= 8) {
		uint64_t w = load_le64(p);
		/* the first byte outside '0'..'9' flags exactly (carries and
		 * borrows only move upwards, past it) */
		uint64_t nd = ((w + 0x4646464646464646ULL) | (w - zeros) | w) & highs;
		if (nd) {
			size_t d = (size_t)__builtin_ctzll(nd) >> 3;
			if (!d)
				return 0;
			w = (w << (8 * (8 - d))) | (zeros >> (8 * d));
			w -= zeros;
			w = (w * 10 + (w >> 8)) & 0x00FF00FF00FF00FFULL;
			w = (w * 100 + (w >> 16)) & 0x0000FFFF0000FFFFULL;
			*v = (w * 10000 + (w >> 32)) & 0xFFFFFFFFULL;
			return d;
		}
	}
	size_t d = 0;
	uint64_t x = 0;
	while (p + d < end && d < 19 && (unsigned)(unsigned char)p[d] - '0' <= 9)
		x = x * 10 + (unsigned)(unsigned char)p[d++] - '0';
	if (d > 18)
		return 0;
	*v = x;
	return d;
}

/* tag_slot - the memo's slot of a tag name: its length, its last two
 * bytes and its ninth (the daemon's first after "postfix/"; the last when
 * shorter).  speed28: the former hash (the middle byte, "x" or "/" in
 * most Postfix names, in place of the ninth) gave postfix/cleanup and
 * postfix/virtual one slot, and postfix/smtp and postfix/lmtp another:
 * on a log with both of a pair each evicted the other (2 323 lines of
 * the example slice read the long way).  This one gives each of the 23
 * usual names (smtpd, submission/smtpd, qmgr, smtp, cleanup, bounce,
 * local, virtual, pickup, anvil, error, lmtp, pipe, postscreen, dnsblog,
 * tlsproxy, scache, smtps/smtpd, master, trivial-rewrite, postsuper,
 * relay/smtp, verify, each after "postfix/") a slot of its own */
static inline uint8_t tag_slot(const char *t, size_t n)
{
	unsigned h = (unsigned)n * 4u + 8u * (unsigned char)t[n - 1] + 3u * (unsigned char)t[n > 1 ? n - 2 : 0] +
		     3u * (unsigned char)t[n > 8 ? 8 : n - 1];
	return (uint8_t)(h % PREFIX_TAGS);
}

/* tag_word_slot - the by-word index's slot of the eight bytes after a
 * tag name's fifth ("ix/smtpd", "ix/qmgr[": a short name's pid digits
 * give another slot each time, a miss) */
static inline unsigned tag_word_slot(uint64_t w)
{
	return (unsigned)((w * 0x9E3779B97F4A7C15ULL) >> (64 - PREFIX_TAG_WORD_BITS));
}

/* rest_memo - plain_rest from the memo (inline: it runs on every line): " HOST NAME[PID]: text" where HOST
 * is the host of the line before (a token accepted as a host: no tag, no
 * level word) and NAME a tag name read before (no '[' or ' ' in it); the
 * pid's digits and the ": " are read here.  The tokens are then those
 * plain_rest would cut, so the answer is its own.  False (nothing written
 * that plain_rest does not write again) when the line has another shape;
 * *name is then where the tag's name starts after the memo's host. */
static inline __attribute__((always_inline)) bool rest_memo(struct syslog_state *st, struct span cur,
							    struct logline *out, const char **name)
{
	struct prefix_memo *m = &st->memo;
	const char *p = cur.p, *end = cur.p + cur.n;
	size_t hn = m->host_len;
	*name = NULL;
	if (!hn || cur.n < hn + 4 || p[0] != ' ' || p[hn + 1] != ' ' || !memo_eq(p + 1, end, m->host, hn))
		return false;
	const char *t = p + hn + 2, *b;
	size_t n;
	/* the tag of the line before, else the slot of the name found */
	struct prefix_tag *e = &m->tag[m->last_tag];
	uint8_t *by_word = NULL;
	if (e->len && (size_t)(end - t) > e->len && t[e->len] == '[' && memo_eq(t, end, e->name, e->len)) {
		n = e->len;
		b = t + n;
	} else if (end - t >= 13 &&
		   *(by_word = &m->tag_by_word[tag_word_slot(load_le64(t + 5))]) &&
		   (e = &m->tag[*by_word - 1])->len && (size_t)(end - t) > e->len && t[e->len] == '[' &&
		   memo_eq(t, end, e->name, e->len)) {
		/* the slot its bytes 5..12 named when it was found last: the
		 * same test as the tag of the line before's (speed26) */
		n = e->len;
		b = t + n;
		m->last_tag = (uint8_t)(*by_word - 1);
	} else {
		b = span_scan2(t, end, '[', ' ');
		n = (size_t)(b - t);
		if (b == end || *b != '[' || !n || n > PREFIX_NAME_MAX)
			return false;
		*name = t; /* a name plain_rest may teach the memo */
		uint8_t slot = tag_slot(t, n);
		e = &m->tag[slot];
		if (e->len != n || !memo_eq(t, end, e->name, n))
			return false;
		m->last_tag = slot;
		if (by_word)
			*by_word = (uint8_t)(slot + 1);
	}
	/* "[digits]:" then a space or the end: parse_tag_n's usual case.
	 * The pid of the tag's line before, with its "]: ", is one masked
	 * word: its digits end at the ']', so pid_digits would read them.
	 * A pid of six or seven digits (pid_max is 4194304 on a 64-bit
	 * systemd host) fills the word: the ": " or ' ' left are tested
	 * apart (speed38) */
	uint64_t v;
	const char *q;
	if (e->pid_n && end - b > 8 && ((load_le64(b + 1) ^ e->pid_w) & e->pid_mask) == 0 &&
	    (e->pid_n <= 8 || (end - b > e->pid_n && b[e->pid_n] == ' ' && b[e->pid_n - 1] == ':'))) {
		v = (uint64_t)e->pid_v;
		q = b + e->pid_n - 2;
	} else {
		size_t d = pid_digits(b + 1, end, &v);
		q = b + 1 + d;
		if (!d || end - q < 2 || q[0] != ']' || q[1] != ':' || (end - q > 2 && q[2] != ' '))
			return false;
		if (d + 3 <= 10 && end - b > 8 && end - q > 2) {
			e->pid_n = (uint8_t)(d + 3);
			e->pid_mask = d + 3 >= 8 ? ~0ULL : (1ULL << (8 * (d + 3))) - 1;
			e->pid_w = load_le64(b + 1) & e->pid_mask;
			e->pid_v = (int64_t)v;
		}
	}
	out->host = span_make(p + 1, hn);
	out->pid = (int64_t)v;
	struct span tag = span_make(t, n);
	out->prog = tag;
	if (e->first < 0) {
		out->instance = SPAN_NULL;
		out->service = SPAN_NULL;
		out->daemon = tag;
	} else {
		out->instance = span_head(tag, (size_t)e->first);
		out->daemon = span_skip(tag, (size_t)e->last + 1);
		out->service = e->last > e->first
				   ? span_make(t + e->first + 1, (size_t)(e->last - e->first - 1))
				   : SPAN_NULL;
	}
	out->postfix = e->postfix;
	q += end - q > 2 ? 3 : 2;
	out->text = span_make(q, (size_t)(end - q));
	return true;
}

/* prefix_memo.c: after plain_rest read a line the long way, what the
 * memo keeps of it */
void syslog_memo_learn(struct syslog_state *st, struct span cur, const struct logline *out,
		       const char *name);

#endif
