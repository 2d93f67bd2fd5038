/*
 * prefix.h - the syslog part of a log line: time, host, program, pid,
 * severity, and the text that the program logged.
 *
 * Accepted shapes (see docs/VARIANTS.md): classic BSD syslog
 * "Mmm dd hh:mm:ss host prog[pid]: text" (also with a fraction, as
 * journalctl -o short-precise writes, zero-padded days as Postfix's own
 * maillog_file writes, and with no host at all), ISO-8601/RFC 3339
 * timestamps (rsyslog, journalctl -o short-iso), RFC 5424, and an
 * optional leading "<PRI>".  Lines pasted by hand (web-UI columns,
 * docker-compose prefixes, markdown bullets, no time) are read by
 * paste.c, and the message text alone (no prefix, no tag) by bare.c,
 * only after these shapes have failed.  Spans point into the line, or
 * for a program bare.c told, to a constant string.
 */
#ifndef POSTSLEUTH_PREFIX_H
#define POSTSLEUTH_PREFIX_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include "../util/span.h"
#include "../util/timefmt.h"

/* FMT_NOTIME: a pasted line with no time; ts is then the last time read
 * before it from the same input, or 0 (paste.c) */
enum line_format { FMT_NONE, FMT_CLASSIC, FMT_ISO, FMT_RFC5424, FMT_JOURNAL, FMT_NOTIME };

struct logline {
	struct stamp ts;
	enum line_format format;
	struct span host;       /* empty when the line had none */
	struct span prog;       /* whole tag: postfix/submission/smtpd */
	struct span instance;   /* first part of a Postfix tag: postfix, postfix-out */
	struct span daemon;     /* last part: smtpd */
	struct span service;    /* middle part, the master.cf service: submission */
	int64_t pid;            /* -1 when absent */
	struct span severity;   /* warning, error, fatal, panic, or empty */
	struct span text;       /* after "prog[pid]: " and the severity */
	struct span raw;        /* the whole line (a pasted one without its bullet) */
	bool postfix;           /* the tag is a Postfix program */
	bool inferred;          /* no tag: prog and daemon told by the text (bare.c) */
	bool unescaped;         /* its spans point into the syslog state's json_msg (Docker's json-file) */
};

/* the memo of the usual line's prefix (prefix.c): what the line before
 * gave for the same bytes, each part asserted only when the bytes are
 * equal, so that a hit gives what the parse would */
#define PREFIX_TAGS 32          /* tag names kept (direct-mapped) */
#define PREFIX_NAME_MAX 32      /* the longest host or tag name kept */
#define PREFIX_TAG_WORD_BITS 5  /* the by-word index of the tags: 32 entries */
struct prefix_tag {
	char name[PREFIX_NAME_MAX]; /* "postfix/submission/smtpd", before its '[' */
	uint8_t len;                /* 0: empty slot */
	int8_t first, last;         /* its first and last '/', or -1 */
	bool postfix;               /* split_tag_at's answer for it */
	/* the pid of its last line read from the memo: the first pid_n
	 * bytes after its '[' ("12345]: ", digits then "]: ", at most 10)
	 * as a masked word of the first 8 of them (the rest, of a pid of
	 * six or seven digits, is ": " or ' '), and the pid's value;
	 * pid_n 0: none kept */
	uint8_t pid_n;
	uint64_t pid_w, pid_mask;
	int64_t pid_v;
};
struct prefix_memo {
	/* the last ISO time of the usual shape "YYYY-MM-DDThh:mm:ss.ffffff+hh:mm":
	 * its 32 bytes as words, the fraction's masked out, and its value */
	uint64_t iso_w[4];
	int64_t iso_us;             /* the time without the fraction, UTC */
	int iso_off;                /* the zone, minutes east */
	bool iso_ok;
	/* the classic time's first bytes through "hh:mm:" (12 or 13) */
	char min_key[16];
	uint8_t min_len;            /* 0: none kept */
	int min_year_arg;           /* the year written on the line, or 0 */
	int min_year, min_month;    /* the year and month it was read with */
	int64_t min_epoch;          /* the minute's epoch seconds */
	int min_off;                /* its UTC offset, minutes */
	int64_t min_hour_key, min_hour_epoch; /* the hour cache it was read with */
	/* the host of the last line read with one (a token accepted as a host) */
	char host[PREFIX_NAME_MAX];
	uint8_t host_len;           /* 0: none kept */
	struct prefix_tag tag[PREFIX_TAGS];
	uint8_t last_tag;           /* the slot of the last line's tag */
	/* the slot + 1 (0: none) of the tag last found by the long way whose
	 * name's bytes 5..12 hash here (prefix_memo.h's tag_word_slot): a
	 * hint, each use tests the slot's name in full (speed26) */
	uint8_t tag_by_word[1 << PREFIX_TAG_WORD_BITS];
};

struct syslog_state {
	int forced_year;        /* --year, or 0 */
	int year;               /* current inferred year */
	int last_month;
	time_t ref;             /* reference time for inference (file mtime) */
	/* the last ISO date-time (19 bytes) and zone text, and their values */
	char iso_key[19];
	int64_t iso_secs;
	char zone_key[6];
	size_t zone_len;
	int zone_off;
	bool iso_valid, zone_valid;
	/* cache of the last local hour converted with mktime */
	int64_t hour_key, hour_epoch;
	int hour_off;
	struct stamp last_ts;   /* the last time read, for a line that has none */
	/* the last host name tried as a level word, and the answer
	 * (prefix.c, level_cached): a log has one or a few hosts */
	char host_key[32];
	size_t host_len;        /* 0: none kept */
	bool host_bad;
	/* the input is a paste (order.c: wrapped lines, newest first, or short
	 * and kept whole): its Postfix lines' typographic quotes are read as
	 * ASCII (paste.c, syslog_plain_quotes); a log as it comes is spared
	 * the scan */
	bool pasted;
	/* the program of a handshake failure line read without its prefix,
	 * for the tagless warnings right after it (bare_tls.c): tls_daemon
	 * is set by the line just read, tls_prev is the one before it */
	const char *tls_daemon, *tls_prev;
	struct prefix_memo memo;
	/* last: written before it is read, so not cleared by syslog_state_init */
	char json_msg[64 * 1024];   /* unescaped MESSAGE of a journalctl -o json line, or a Docker json-file "log" */
};

void syslog_state_init(struct syslog_state *st, int forced_year, time_t ref);
bool syslog_parse(struct syslog_state *st, struct span line, struct logline *out);
bool syslog_split_tag(struct span tag, struct logline *out);
bool syslog_is_postfix_daemon(struct span daemon);
void syslog_take_severity(struct logline *out);
bool syslog_parse_json(struct syslog_state *st, struct span line, struct logline *out);
bool syslog_docker_json(struct syslog_state *st, struct span line, struct span *inner, struct span *time);

/* for paste.c: the pieces of the plain shapes, and the pasted shapes */
bool syslog_read_time(struct syslog_state *st, struct span *cur, struct stamp *ts,
		      enum line_format *fmt);
bool syslog_read_tag(struct span name_pid, struct logline *out);
bool syslog_is_level(struct span tok);
bool syslog_parse_pasted(struct syslog_state *st, struct span line, struct logline *out);
void syslog_plain_quotes(struct syslog_state *st, struct logline *out);
/* markdown's '*' emphasis pairs inside a pasted message (emphasis.c) */
void syslog_plain_emphasis(struct syslog_state *st, struct logline *out);
void syslog_strip_decorations(struct span *cur);
/* docker-compose's "SERVICE  | " before a message alone (paste.c) */
void syslog_strip_compose_label(struct span *cur);

/* bare.c: the message text alone, its program told by its shape */
bool syslog_parse_bare(struct syslog_state *st, struct span line, struct logline *out);
const char *syslog_bare_daemon(struct span text);
bool syslog_bare_reply(struct span t);
const char *syslog_bare_warning_daemon(struct span text);
/* bare_tls.c: SSL_connect/SSL_accept error lines and the warnings after them */
const char *syslog_bare_tls_daemon(struct span text);
void syslog_tls_note(struct syslog_state *st, const struct logline *out);
const char *syslog_tls_warning(struct syslog_state *st, struct span text);
/* a client an admin typed over whole ("<redacted>", "xxx", "[hidden]")
 * at the start of s, followed by ": " and an SMTP reply code: its
 * length, or 0 (bare.c; the smtpd parser takes the same) */
size_t syslog_placeholder_client(struct span s);

#endif
