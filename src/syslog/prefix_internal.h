/*
 * prefix_internal.h - what prefix.c shares with tag.c, rare_time.c and
 * prefix_nested.c: digits, a time's fraction, a local civil hour, the
 * program tag, the rare time shapes, and the lines inside lines.
 */
#ifndef POSTSLEUTH_PREFIX_INTERNAL_H
#define POSTSLEUTH_PREFIX_INTERNAL_H

#include "prefix.h"

/* isdig - ASCII digit */
static inline bool isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* col_blank - a byte between a pasted line's columns */
static inline bool col_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* num - n digits at p as a number, or -1 */
static inline int num(const char *p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdig(p[i]))
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* parse_fraction - ".ffffff" at *p; returns microseconds, sets digits */
static inline int64_t parse_fraction(struct span *cur, uint8_t *prec)
{
	*prec = 0;
	if (!cur->n || cur->p[0] != '.')
		return 0;
	if (cur->n >= 8) { /* the common case: exactly six digits (rsyslog) */
		const unsigned char *q = (const unsigned char *)cur->p + 1;
		unsigned d0 = q[0] - '0', d1 = q[1] - '0', d2 = q[2] - '0', d3 = q[3] - '0',
			 d4 = q[4] - '0', d5 = q[5] - '0', d6 = q[6] - '0';
		if (d0 <= 9 && d1 <= 9 && d2 <= 9 && d3 <= 9 && d4 <= 9 && d5 <= 9 && d6 > 9) {
			*prec = 6;
			*cur = span_skip(*cur, 7);
			return ((((d0 * 10 + d1) * 10 + d2) * 10 + d3) * 10 + d4) * 10 + d5;
		}
	}
	size_t i = 1;
	int64_t us = 0;
	int k = 0;
	while (i < cur->n && isdig(cur->p[i])) {
		if (k < 6) {
			us = us * 10 + (cur->p[i] - '0');
			k++;
		}
		i++;
	}
	if (i == 1)
		return 0;
	*prec = (uint8_t)k;
	for (int j = k; j < 6; j++)
		us *= 10;
	*cur = span_skip(*cur, i);
	return us;
}

/* swar_digits - the k (1..8) decimal digits that end w8 + 8, read as one
 * word: no chain of multiply-adds per digit (a pid is on every line) */
static inline bool swar_digits(const char *w8, size_t k, uint64_t *out)
{
	const uint64_t zeros = 0x3030303030303030ULL, highs = 0x8080808080808080ULL;
	uint64_t w = load_le64(w8), keep = k >= 8 ? ~0ULL : ~0ULL << (8 * (8 - k));
	w = (w & keep) | (zeros & ~keep); /* the bytes before the digits read as '0' */
	if (((w + 0x4646464646464646ULL) | (w - zeros) | w) & highs)
		return false; /* a byte outside '0'..'9' */
	w -= zeros;
	w = (w * 10 + (w >> 8)) & 0x00FF00FF00FF00FFULL;
	w = (w * 100 + (w >> 16)) & 0x0000FFFF0000FFFFULL;
	w = (w * 10000 + (w >> 32)) & 0xFFFFFFFFULL;
	*out = w;
	return true;
}

/* tag.c: "prog[pid]" or "prog", the n >= 1 bytes at p before the tag's
 * ':' (every line the prefix memo misses), and metalog's bracketed tag */
bool syslog_tag_n(const char *p, size_t n, struct logline *out);
bool syslog_metalog_tag(struct span tok, struct logline *out);

/* prefix.c: epoch seconds and UTC offset of a local civil hour (cached) */
void syslog_local_hour(struct syslog_state *st, int y, int mo, int d, int h, int64_t *epoch, int *off);

/* prefix.c's plain shapes and ISO time, for prefix_nested.c */
bool syslog_parse_plain(struct syslog_state *st, struct span line, struct logline *out);
bool syslog_read_iso(struct syslog_state *st, struct span *cur, struct stamp *ts);
/* prefix_nested.c */
void syslog_nested_command(struct logline *out);
void syslog_nested_foreign(struct logline *out);
/* unit_tag.c: a systemd unit as the tag (journalctl -o with-unit) */
bool syslog_unit_tag(struct logline *out);
bool syslog_parse_docker(struct syslog_state *st, struct span line, struct logline *out);
bool syslog_relogged(struct syslog_state *st, struct logline *out);

/* decorations.c: an ANSI escape's length at the start of s (0: none),
 * and blanks and colour codes skipped */
size_t syslog_ansi_len(struct span s);
void syslog_skip_blanks(struct span *cur);

/* paste.c: "xxxxx" in "prog[xxxxx]:", a pid typed over before pasting */
bool syslog_pid_masked(struct span pid);

/* rare_time.c: journalctl -o short-full and -o short-unix, a classic time
 * with its year after the day; tried only when the usual shapes failed */
__attribute__((cold)) bool syslog_rare_time(struct syslog_state *st, struct span *cur, struct stamp *ts);

/* bare.c: "name[address]" (and ":port", smtpd_client_port_logging) at
 * the start of s: its length, or 0; *port tells whether a port ended it.
 * The name is a host name or "unknown"; the address whatever an admin
 * typed over it ("[IP]") but no blank (bare_tls.c reads its peers so) */
size_t syslog_bare_client_at(struct span s, bool *port);
/* bare.c: a queue ID (or NOQUEUE when noqueue) and ": " taken off *cur */
bool syslog_bare_take_qid(struct span *cur, bool noqueue, bool *was_noqueue);

#endif
