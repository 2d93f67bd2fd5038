/*
 * test_sender_refusal.c - rules_out.c's diag_classify_out turns a "user unknown"
 * row into a remote server's refusal when the reply refuses the envelope
 * sender.  It searched the text for the three words with ci_find on each
 * such reply; the words are now found with the rows' answer and kept in
 * the rules' memo.  Held here to the former search (kept below) on random
 * bounced deliveries: the words in any case, cut, doubled blanks, glued,
 * with addresses of several lengths in "[...]" so that the memo is hit
 * with other bytes, through one memo and with the memo off.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "diagnose/needles.h"

#include <ctype.h>
#include <stdint.h>

/* sender_refusal_ref - rules.c's sender_refusal as it was */
static bool sender_refusal_ref(struct span t)
{
	return ci_find(t, "Sender address rejected") >= 0 || ci_find(t, "Sender denied") >= 0 ||
	       ci_find(t, "in reply to MAIL FROM command") >= 0;
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

/* next - xorshift64 */
static unsigned next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* piece - one random part of a reply: the words, their near misses,
 * fillers, in a random case now and then */
static void piece(char *out, size_t size)
{
	static const char *const parts[] = {
	    "Sender address rejected", "Sender denied", "in reply to MAIL FROM command",
	    "in reply to RCPT TO command", "Sender address reject", "Sender  denied", "Senderdenied",
	    "Sender addressrejected", "in reply to MAIL FROM", "reply to MAIL FROM command",
	    "Sender", "denied", "address rejected", "User unknown", "5.1.1", "by policy", "for <a@b>",
	    "MAIL FROM", "(", ")", ":", ";", "x"};
	const char *p = parts[next(sizeof parts / sizeof parts[0])];
	size_t n = strlen(p);
	if (n >= size)
		n = size - 1;
	unsigned mode = next(4); /* 0: as written, 1: upper, 2: lower, 3: one byte's case flipped */
	size_t flip = n ? next((unsigned)n) : 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (mode == 1 || (mode == 3 && i == flip && islower((unsigned char)c)))
			c = (char)toupper((unsigned char)c);
		else if (mode == 2 || (mode == 3 && i == flip))
			c = (char)tolower((unsigned char)c);
		out[i] = c;
	}
	out[n] = 0;
}

/* line - a bounced delivery whose reply is the given text */
static void line(char *out, size_t size, const char *addr, const char *reply)
{
	snprintf(out, size,
		 "Dec  4 10:00:00 mx1 postfix/smtp[4242]: 3F2A91C0B7: to=<u@example.net>, "
		 "relay=mx.example.net[%s]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, "
		 "status=bounced (host mx.example.net[%s] said: %s)",
		 addr, addr, reply);
}

/* make_reply - a "user unknown" reply with up to six random pieces after it */
static void make_reply(char *reply, size_t size)
{
	size_t at = (size_t)snprintf(reply, size, "550 5.1.1 <x@example.net>: User unknown");
	unsigned np = 1 + next(6);
	for (unsigned k = 0; k < np && at < size - 80; k++) {
		char p[64];
		piece(p, sizeof p);
		at += (size_t)snprintf(reply + at, size - at, "%s%s", next(3) ? " " : "", p);
	}
}

TEST(sender_refusal_same_as_search)
{
	static const char *const addrs[] = {"203.0.113.7", "203.0.113.77", "2001:db8::25", "10.1.2.3"};
	enum { POOL = 64 };
	static char pool[POOL][600];
	char neutral[1024], buf[1024], fresh[600];
	struct diag_hit other, got;
	unsigned refused = 0, unknown = 0;
	for (int i = 0; i < POOL; i++)
		make_reply(pool[i], sizeof pool[i]);
	for (int pass = 0; pass < 2; pass++) {
		diag_rules_memo(pass == 0);
		for (int i = 0; i < 40000; i++) {
			/* half the texts asked again (the memo's hits), with other addresses */
			const char *reply = pool[next(POOL)];
			if (next(2)) {
				make_reply(fresh, sizeof fresh);
				reply = fresh;
			}
			const char *addr = addrs[next(4)];
			/* the same delivery, with a reply no row takes: remote_other */
			line(neutral, sizeof neutral, addr, "550 go away");
			CHECK(diag_classify(progs_line(neutral), &other));
			CHECK_INT(other.id, F_OUT_REMOTE_PERM);
			line(buf, sizeof buf, addr, reply);
			const struct event *ev = progs_line(buf);
			bool refusal = sender_refusal_ref(ev->reason);
			struct diag_hit want = other;
			if (!refusal)
				want.id = F_OUT_USER_UNKNOWN;
			refused += refusal;
			unknown += !refusal;
			CHECK(diag_classify(ev, &got));
			if (memcmp(&got, &want, sizeof got))
				test_fail(__FILE__, __LINE__, "pass %d, \"%s\": got %s [%s], want %s [%s]", pass, reply,
					  finding_id(got.id), got.key, finding_id(want.id), want.key);
		}
	}
	diag_rules_memo(true);
	/* both answers were asked for often */
	CHECK(refused > 10000);
	CHECK(unknown > 10000);
}
