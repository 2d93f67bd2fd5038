/*
 * reply_words.c - the words of a refusal's text that fault.c asks about,
 * found in one pass, and a memo of the answers for the texts asked last.
 *
 * The refusals' words in one pass.  ev_reject_accuses_nobody (fault.c)
 * asks up to fourteen questions of a refusal's text (the functions there),
 * each a search of its own: about 3 000 instructions a refusal.
 * reply_scan reads the text once and notes which of the words below it
 * holds, each where the function that asks for it would find it: the
 * case-sensitive ones anywhere in the text (span_find), greylisting's
 * and a full mailbox's case-blind within the first 1 KiB before a NUL
 * (has_folded).  A position is looked at only when its two bytes are the
 * first two of some word (two tables of 256 bit sets, made once).
 * test_parse_smtpd.c holds ev_reject_accuses_nobody to the chain of the
 * functions themselves.
 */
#include "reply_words.h"
#include "event.h"

#include <pthread.h>
#include <string.h>

#define W(s) {s, sizeof s - 1}
static const struct {
	const char *s;
	size_t n;
} reply_words[RW__COUNT] = {
    W("Service unavailable - try again later"), W("Server configuration problem"),
    W("Server configuration error"), W("Insufficient system storage"),
    W("Temporary lookup failure"), W("Error: too many hops"), W("Address lookup failure"),
    W("SPF Temporary Error"),
    W("blocked using "), W("Error: "),
    W("Client host rejected: cannot find your "),
    W("Client host rejected: cannot find your hostname"),
    W("Client host rejected: cannot find your reverse hostname"),
    W("Recipient address rejected: User unknown"), W("Helo command rejected: Host not found"),
    W("Message size exceeds fixed limit"), W("Recipient address rejected"),
    W("Sender address rejected"), W("Sender address rejected: Domain not found"),
    W("Recipient address rejected: Domain not found"), W("Service currently unavailable"),
    W("4.3.2"), W("Relay access denied"), W("not owned by user "),
    /* ev_greylist_text's words, then ev_reject_mailbox_full's (lower case) */
    W("greylist"), W("graylist"), W("grey-list"), W("gray-list"), W("grey list"),
    W("gray list"), W("try again later"), W("come back later"), W("come back in "),
    W("retry later"), W("postgrey"), W("mailbox full"), W("mailbox is full"), W("over quota"),
    W("quota exceeded")};
#undef W

/* the words whose first byte is [c] and those whose second byte is [c]
 * (both cases of a letter for the case-blind words) */
static uint64_t rw_first[256], rw_second[256];
static pthread_once_t rw_made = PTHREAD_ONCE_INIT;

static void rw_make_addr(void);

static void rw_make(void)
{
	rw_make_addr();
	for (int w = 0; w < RW__COUNT; w++)
		for (int k = 0; k < 2; k++) {
			unsigned char c = (unsigned char)reply_words[w].s[k];
			uint64_t *t = k ? rw_second : rw_first;
			t[c] |= RW_BIT(w);
			if (w >= RW_FOLDED && c >= 'a' && c <= 'z')
				t[c - 32] |= RW_BIT(w);
		}
}


/* folded_at - s[0..n) is the lower-case word w, case-blind (has_folded
 * lowers 'A'..'Z' only) */
static bool folded_at(const char *s, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
		if (c != w[i])
			return false;
	}
	return true;
}

/* reply_scan - which of reply_words the text r holds */
static struct reply_seen reply_scan(struct span r)
{
	static _Thread_local bool ready;
	if (!ready) {
		pthread_once(&rw_made, rw_make);
		ready = true;
	}
	struct reply_seen seen = {0, 0, 0};
	if (r.n < 2)
		return seen;
	/* has_folded's reach: the first 1023 bytes, up to a NUL */
	size_t reach = r.n < 1023 ? r.n : 1023;
	const char *nul = memchr(r.p, 0, reach);
	if (nul)
		reach = (size_t)(nul - r.p);
	const unsigned char *p = (const unsigned char *)r.p;
	for (size_t i = 0; i + 1 < r.n; i++) {
		uint64_t cand = rw_first[p[i]] & rw_second[p[i + 1]];
		while (cand) {
			int w = __builtin_ctzll(cand);
			cand &= cand - 1;
			size_t n = reply_words[w].n;
			bool at = w < RW_FOLDED ? i + n <= r.n && !memcmp(r.p + i, reply_words[w].s, n)
						: i + n <= reach && folded_at(r.p + i, reply_words[w].s, n);
			if (!at)
				continue;
			if (w == RW_BLOCKED && !(seen.has & RW_BIT(RW_BLOCKED)))
				seen.blocked = i;
			if (w == RW_ERROR)
				seen.last_error = i;
			seen.has |= RW_BIT(w);
		}
	}
	return seen;
}

/*
 * The answers of reply_scan kept by text: a refusal's text comes back
 * again and again (a client retrying, a HELO refused for each recipient:
 * 2 485 refusals of 803 texts on the conformance slice, 184 of 10 on the
 * example).  A slot per hash of the text (64 a thread, 14 KB) keeps the
 * last text of up to RS_TEXT bytes that fell there, whole, and its answer;
 * a text is answered from its slot only when the bytes are the same, so
 * the answer is always reply_scan's.  Longer texts are scanned each time.
 *
 * The texts are told apart mostly by the client's address ("Client host
 * [ADDRESS] blocked using ...": 803 texts, 171 without it), so the key is
 * the text without the bytes between its first '[' and the ']' after it
 * when those are an address's (hex digits, '.', ':', at most 64) and hold
 * none of the words made only of such bytes ("4.3.2", found among
 * reply_words when the tables are made, so a word added later is
 * handled): no word holds '[' or ']', so each word of "A[INNER]B" lies in
 * A, INNER or B, and the text's answer is "A[]B"'s with the positions in
 * B moved by INNER's length (speed21, as speed20's content_reject memo;
 * test_reply_memo.c).
 */
#define RS_SLOTS 64
#define RS_TEXT 192
#define RS_ADDR_MAX 64
struct reply_memo {
	uint32_t n; /* the key's length + 1; 0: an empty slot */
	struct reply_seen seen; /* positions in the key */
	char text[RS_TEXT];
};

/* the words of reply_words made only of an address's bytes (the case-blind
 * ones lowered), and their number; made with the tables */
static int rw_addr_words[RW__COUNT], rw_naddr;

/* addr_byte - a byte of an IPv4 or IPv6 address's text, either case */
static inline bool addr_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' ||
	       c == ':';
}

static void rw_make_addr(void)
{
	for (int w = 0; w < RW__COUNT; w++) {
		size_t i = 0;
		while (i < reply_words[w].n && addr_byte((unsigned char)reply_words[w].s[i]))
			i++;
		if (i == reply_words[w].n)
			rw_addr_words[rw_naddr++] = w;
	}
}

/* inner_has_word - does s[0..n) (an address's bytes) hold one of
 * rw_addr_words, as reply_scan would find it (case-blind for the folded) */
static bool inner_has_word(const char *s, size_t n)
{
	for (int k = 0; k < rw_naddr; k++) {
		int w = rw_addr_words[k];
		size_t wn = reply_words[w].n;
		for (size_t i = 0; i + wn <= n; i++)
			if (w < RW_FOLDED ? s[i] == reply_words[w].s[0] && !memcmp(s + i, reply_words[w].s, wn)
					  : folded_at(s + i, reply_words[w].s, wn))
				return true;
	}
	return false;
}

/* reply_key - the memo's key of r in key[] (at most RS_TEXT bytes): r with
 * its first bracketed address left out; *lb is where the '[' is and *cut
 * how many bytes were left out (0: the key is r) */
static size_t reply_key(struct span r, char *key, size_t *lb, size_t *cut)
{
	*lb = 0, *cut = 0;
	const char *o = memchr(r.p, '[', r.n);
	if (o) {
		size_t a = (size_t)(o - r.p) + 1, e = a;
		while (e < r.n && e - a <= RS_ADDR_MAX && addr_byte((unsigned char)r.p[e]))
			e++;
		if (e < r.n && r.p[e] == ']' && e > a && e - a <= RS_ADDR_MAX && !inner_has_word(r.p + a, e - a)) {
			*lb = a - 1;
			*cut = e - a;
		}
	}
	size_t head = *cut ? *lb + 1 : r.n;
	memcpy(key, r.p, head);
	if (*cut)
		memcpy(key + head, r.p + head + *cut, r.n - head - *cut);
	return r.n - *cut;
}

/* seen_move - positions after the '[' at lb moved by d (a word never
 * starts at the '[' nor inside the address left out) */
static struct reply_seen seen_move(struct reply_seen s, size_t lb, ptrdiff_t d)
{
	if (s.has & RW_BIT(RW_BLOCKED) && s.blocked > lb)
		s.blocked = (size_t)((ptrdiff_t)s.blocked + d);
	if (s.has & RW_BIT(RW_ERROR) && s.last_error > lb)
		s.last_error = (size_t)((ptrdiff_t)s.last_error + d);
	return s;
}

/* reply_scan_memo - reply_scan(r), from its slot when r's key was asked last */
struct reply_seen reply_scan_memo(struct span r)
{
	static _Thread_local struct reply_memo memo[RS_SLOTS];
	static _Thread_local bool ready;
	if (!ready) {
		pthread_once(&rw_made, rw_make);
		ready = true;
	}
	if (r.n > RS_TEXT || !r.n)
		return reply_scan(r);
	char key[RS_TEXT];
	size_t lb, cut, kn = reply_key(r, key, &lb, &cut);
	struct reply_memo *m = &memo[span_hash(span_make(key, kn)) & (RS_SLOTS - 1)];
	if (m->n == kn + 1 && !memcmp(m->text, key, kn))
		return cut ? seen_move(m->seen, lb, (ptrdiff_t)cut) : m->seen;
	struct reply_seen seen = reply_scan(r);
	m->seen = cut ? seen_move(seen, lb, -(ptrdiff_t)cut) : seen;
	m->n = (uint32_t)kn + 1;
	memcpy(m->text, key, kn);
	return seen;
}

/* ev_reply_scan_test - reply_scan's answer for r, plain or from the memo
 * (test_reply_memo.c) */
uint64_t ev_reply_scan_test(struct span r, bool memo, size_t *blocked, size_t *last_error)
{
	struct reply_seen s = memo ? reply_scan_memo(r) : reply_scan(r);
	*blocked = s.blocked;
	*last_error = s.last_error;
	return s.has;
}

