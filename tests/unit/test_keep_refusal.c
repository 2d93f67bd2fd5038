/*
 * test_keep_refusal.c - a refusal's answers kept in the event by
 * ev_keep_refusal against the same questions asked of the plain event.
 * Since speed30 "Domain not found" (kept_dnf), "cannot find your "
 * (kept_cnf), "Relay access denied" (kept_relay) and whether "not owned
 * by user " is there before the login is read (kept_login) are read off
 * the reply's words (reply_scan_memo) when the
 * refusal is one whose "accuses nobody" is kept, instead of their own
 * searches: random refusals of smtpd, postscreen and cleanup, with every
 * action, built of pieces of those words (cut, doubled, a NUL inside,
 * behind a bracketed address the memo leaves out of its key), each text
 * in a buffer of its own size, with HELOs and addresses of a large
 * provider or not: every kept answer must be the plain one.  Fails when
 * kept_dnf's two words are swapped, when kept_cnf reads "cannot find
 * your hostname" alone, or when the relay's or the login's bit is another
 * word's.  Since speed31 the words themselves are kept (kept_words) and
 * the rules, the users' notes and the analysis skip a search when the
 * word its text holds is not among them: the kept set must be the plain
 * scan's, and each such search (the pairs of gated[], as the callers
 * write them) must find nothing when ev_reply_lacks says so; it fails
 * with a pair given another word (checked by breaking one) and when the
 * kept set is not the scan's.
 */
#include "tap.h"
#include "parse/event.h"
#include "parse/reply_words.h"
#include "syslog/prefix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rnd_state = 0xD1B54A32D192ED03ULL;
static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

#define N(a) (sizeof a / sizeof a[0])

/* same_answers - each kept answer of k against the plain event p's */
static bool same_answers(const struct event *p, const struct event *k)
{
	struct span d1 = SPAN_NULL, d2 = SPAN_NULL;
	struct span l1 = ev_reject_login_mismatch(p), l2 = ev_reject_login_mismatch(k);
	if (!l1.n)
		l1 = SPAN_NULL; /* an empty login is none to every caller */
	if (!l2.n)
		l2 = SPAN_NULL;
	bool f1 = ev_reject_domain_not_found(p, &d1), f2 = ev_reject_domain_not_found(k, &d2);
	return ev_reject_accuses_nobody(p) == ev_reject_accuses_nobody(k) && f1 == f2 &&
	       d1.p == d2.p && d1.n == d2.n && ev_reject_cannot_find(p) == ev_reject_cannot_find(k) &&
	       ev_reject_unresolved_provider(p) == ev_reject_unresolved_provider(k) &&
	       ev_reject_relay_denied(p) == ev_reject_relay_denied(k) && l1.p == l2.p && l1.n == l2.n;
}

/* the searches skipped on a word's absence (speed31): the text searched
 * and the word whose bit gates it, as rules.c, users.c, refused_senders.c
 * and fault.c write them */
static const struct {
	const char *needle;
	int word;
} gated[] = {
    {"Sender address rejected: Domain not found", RW_SENDER_REJECTED},
    {"Sender address rejected: need fully-qualified address", RW_SENDER_REJECTED},
    {"Sender address rejected: not logged in", RW_SENDER_REJECTED},
    {": Sender address rejected: not owned by user ", RW_NOT_OWNED},
    {": Recipient address rejected: ", RW_RCPT_REJECTED},
    {"blocked using ", RW_BLOCKED},
    {"Relay access denied", RW_RELAY_DENIED},
};

/* words_sound - k's kept words are the plain scan's, and no gated search
 * would have found its text where the gate skips it */
static bool words_sound(const struct event *k)
{
	if (!k->kept_nobody)
		return true;
	size_t b, e;
	if (k->kept_words != ev_reply_scan_test(k->reason, false, &b, &e))
		return false;
	for (size_t i = 0; i < N(gated); i++) {
		bool found = span_find(k->reason, gated[i].needle).p != NULL;
		if (found && ev_reply_lacks(k, RW_BIT(gated[i].word)))
			return false;
	}
	int bl = ev_reply_holds(k, RW_BIT(RW_BLOCKED));
	return bl == (span_find(k->reason, "blocked using ").p != NULL);
}

TEST(keep_refusal_same_as_plain)
{
	static const char *const words[] = {
	    "Client host rejected: cannot find your ", "Client host rejected: cannot find your hostname",
	    "Client host rejected: cannot find your reverse hostname", "Client host rejected: cannot find you",
	    "client host rejected: Cannot find your ", "Sender address rejected: Domain not found",
	    "Recipient address rejected: Domain not found", "Sender address rejected: Domain not foun",
	    "Recipient address rejected", "Sender address rejected", ": Domain not found", "Domain not found",
	    "Relay access denied", "blocked using ", "zen.spamhaus.org", "Error: ", "127.255.255.254",
	    "Service currently unavailable", "4.3.2", "greylisted", "try again later", "Mailbox full",
	    "Client host [192.0.2.7]", "[203.0.113.9]", "[2001:db8::4.3.2]", "[", "]", "<a@gmail.com>: ",
	    "; ", " ", "C", "S", "R", "Dom", "Relay access denie", "relay access denied",
	    "Sender address rejected: not owned by user ", "not owned by user ", "not owned by user",
	    "not owned by ", "alice", "bob@example.org", ",", "w", "n",
	    "Sender address rejected: not logged in", ": Recipient address rejected: ",
	    "Sender address rejected: need fully-qualified address", "<a@b>: Sender address rejected: ",
	};
	static const char *const lines[] = {
	    "postfix/smtpd[%u]: NOQUEUE: %s: RCPT from %s[%s]: 450 4.7.1 x; from=<a@gmail.com> to=<b@example.org> proto=ESMTP helo=<%s>",
	    "postfix/smtpd[%u]: 4F2A31C0A8: %s: MAIL from %s[%s]: 550 5.7.1 x; from=<a@example.com> proto=SMTP helo=<%s>",
	    "postfix/postscreen[%u]: NOQUEUE: %s: RCPT from %s[%s]: 450 4.3.2 x; from=<a@gmail.com>, to=<b@example.org>, proto=ESMTP, helo=<%s>",
	    "postfix/cleanup[%u]: 4F2A31C0A8: %s: END-OF-MESSAGE from %s[%s]: 4.7.1 x; from=<a@example.com> to=<b@example.org> proto=ESMTP helo=<%s>",
	};
	static const char *const actions[] = {"reject", "milter-reject", "reject_warning", "discard", "hold"};
	static const char *const names[] = {"unknown", "mail-ot1-f41.google.com", "mx.example.net",
					    "mail-oln040092.outbound.protection.outlook.com"};
	static const char *const ips[] = {"209.85.210.41", "192.0.2.1", "40.92.1.2", "10.0.0.5"};
	static const char *const helos[] = {"mail-ot1-f41.google.com", "localhost", "mx.example.net",
					    "mail-oln040092.outbound.protection.outlook.com", "x"};
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	size_t bad = 0, rejects = 0, dnf = 0, cnf = 0, kept_cnf = 0, relay = 0, login = 0, nwords = 0;
	size_t lacks[N(gated)] = {0};
	for (int i = 0; i < 200000; i++) {
		char line[1024], body[900];
		snprintf(body, sizeof body, lines[rnd() % N(lines)], (unsigned)(rnd() % 90 + 10),
			 actions[rnd() % N(actions)], names[rnd() % N(names)], ips[rnd() % N(ips)],
			 helos[rnd() % N(helos)]);
		snprintf(line, sizeof line, "Nov  3 10:00:%02d mx %s", i % 60, body);
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(line), &l))
			continue;
		parse_line(&l, &ev);
		if (ev.type != EV_REJECT)
			continue;
		rejects++;
		char text[600];
		size_t n = 0;
		for (int k = (int)(rnd() % 7); k > 0; k--) {
			const char *w = words[rnd() % N(words)];
			size_t len = strlen(w);
			if (rnd() % 5 == 0)
				len = (size_t)(rnd() % (len + 1)); /* cut */
			if (n + len + 1 >= sizeof text)
				break;
			memcpy(text + n, w, len);
			n += len;
			if (rnd() % 24 == 0)
				text[n++] = 0; /* a NUL inside */
		}
		if (rnd() % 11 == 0 && n + 240 < sizeof text) /* longer than the memo keeps */
			n += (size_t)snprintf(text + n, sizeof text - n, "%0*u", 200 + (int)(rnd() % 30), 3u);
		char *t = malloc(n ? n : 1);
		memcpy(t, text, n);
		ev.reason = span_make(t, n);
		struct event kept = ev;
		ev_keep_refusal(&kept);
		kept_cnf += kept.kept_cnf != 0;
		dnf += kept.kept_dnf > 1;
		cnf += ev_reject_cannot_find(&ev);
		relay += ev_reject_relay_denied(&ev);
		login += ev_reject_login_mismatch(&ev).n != 0;
		nwords += kept.kept_nobody != 0;
		for (size_t g = 0; g < N(gated); g++)
			lacks[g] += !ev_reply_lacks(&kept, RW_BIT(gated[g].word)) && kept.kept_nobody &&
				    span_find(ev.reason, gated[g].needle).p;
		if ((!same_answers(&ev, &kept) || !words_sound(&kept)) && bad++ < 5)
			test_fail(__FILE__, __LINE__, "\"%.*s\" (%.*s): kept dnf %d cnf %d nobody %d", (int)n, t,
				  (int)ev.action.n, ev.action.p, kept.kept_dnf, kept.kept_cnf, kept.kept_nobody);
		free(t);
	}
	CHECK_INT(bad, 0);
	CHECK(rejects > 50000);
	CHECK(dnf > 1000);
	CHECK(cnf > 1000);
	CHECK(kept_cnf > 10000);
	CHECK(relay > 1000);
	CHECK(login > 1000);
	CHECK(nwords > 30000);
	for (size_t g = 0; g < N(gated); g++) /* each gated text found past its gate */
		CHECK(lacks[g] > 100);
}
