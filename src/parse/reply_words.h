/*
 * reply_words.h - the refusal words fault.c asks about, found in one pass
 * over a reply's text (reply_words.c), and the memo of the last texts.
 */
#ifndef POSTSLEUTH_REPLY_WORDS_H
#define POSTSLEUTH_REPLY_WORDS_H

#include "../util/span.h"

#include <stddef.h>
#include <stdint.h>

enum reply_word {
	RW_MILTER_TEMPFAIL, /* "Service unavailable - try again later" */
	RW_CONF_PROBLEM, RW_CONF_ERROR, RW_STORAGE, RW_LOOKUP, RW_HOPS, RW_ADDR_LOOKUP, RW_SPF_TEMP, /* local_fault's own[] */
	RW_BLOCKED, RW_ERROR, /* "blocked using " ... "Error: " */
	RW_CANNOT_FIND, RW_CANNOT_FIND_HOST, RW_CANNOT_FIND_REVERSE,
	RW_USER_UNKNOWN, RW_HELO_NOT_FOUND, RW_SIZE_LIMIT,
	RW_RCPT_REJECTED, RW_SENDER_REJECTED, RW_SENDER_NO_DOMAIN, RW_RCPT_NO_DOMAIN,
	RW_PS_UNAVAILABLE, RW_432,
	RW_RELAY_DENIED, RW_NOT_OWNED, /* ev_keep_refusal's kept_relay, kept_login (speed30) */
	RW_FOLDED, /* from here on case-blind, within has_folded's reach */
	RW_GREY_FIRST = RW_FOLDED, RW_GREY_LAST = RW_GREY_FIRST + 10,
	RW_FULL_FIRST, RW_FULL_LAST = RW_FULL_FIRST + 3,
	RW__COUNT
};

#define RW_BIT(w) ((uint64_t)1 << (w))
#define RW_GREY (RW_BIT(RW_GREY_LAST + 1) - RW_BIT(RW_GREY_FIRST))
#define RW_FULL (RW_BIT(RW_FULL_LAST + 1) - RW_BIT(RW_FULL_FIRST))

struct reply_seen {
	uint64_t has;      /* RW_BIT of each word the text holds */
	size_t blocked;    /* where the first "blocked using " starts */
	size_t last_error; /* where the last "Error: " starts */
};

/* reply_scan_memo - which of the words the text r holds (and where the
 * first "blocked using " and the last "Error: " start), from the memo's
 * slot when r's key was asked last */
struct reply_seen reply_scan_memo(struct span r);

#endif
