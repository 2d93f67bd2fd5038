/* test_fail2ban.c - the rules postsleuth uses to count what each fail2ban
 * filter matches (f2b_classify), on lines from the corpus and variants
 * built from Postfix's format strings.  The regular expressions
 * themselves are checked by the real fail2ban-regex in
 * tests/suite-fail2ban.sh. */
#include "progs.h"
#include "act/fail2ban_rules.h"

#include <stdlib.h>

#define CAP (1u << F2B_CAPABILITY)
#define NSM (1u << F2B_NON_SMTP)
#define AUT (1u << F2B_AUTH)
#define REL (1u << F2B_RELAY)
#define NSL (1u << F2B_NON_SMTP_LINES)
#define AUL (1u << F2B_AUTH_LINES)
#define PRE (1u << F2B_PREGREET)
#define PIP (1u << F2B_PIPELINING)
#define LIM (1u << F2B_PS_LIMIT)

static const struct {
	const char *prog, *msg;
	unsigned want;
} rows[] = {
    /* corpus lines (Postfix 3.7.11) */
    {"postfix/smtpd", "disconnect from unknown[203.0.113.67] ehlo=1 quit=1 commands=2", CAP},
    {"postfix/smtpd", "disconnect from unknown[198.51.100.132] ehlo=1 commands=1", CAP},
    {"postfix/smtpd", "disconnect from unknown[192.0.2.120] unknown=0/1 commands=0/1", NSM},
    {"postfix/smtpd", "disconnect from unknown[192.0.2.2] unknown=0/20 commands=0/20", NSM},
    {"postfix/submission/smtpd",
     "disconnect from unknown[198.51.100.206] ehlo=2 starttls=1 auth=0/3 quit=1 commands=4/7", AUT},
    {"postfix/submission/smtpd",
     "disconnect from unknown[198.51.100.206] ehlo=1 auth=0/1 quit=1 commands=2/3", AUT},
    {"postfix/smtpd",
     "NOQUEUE: reject: RCPT from unknown[198.51.100.160]: 554 5.7.1 <info@offshore-shop.test>: "
     "Relay access denied; from=<test@example.test> to=<info@offshore-shop.test> proto=ESMTP "
     "helo=<WIN-8D2KE>",
     REL},
    {"postfix/smtpd", "warning: non-SMTP command from unknown[198.51.100.208]: GET / HTTP/1.1", NSL},
    {"postfix/smtpd", "lost connection after UNKNOWN from unknown[192.0.2.120]", NSL},
    {"postfix/smtpd", "too many errors after UNKNOWN from unknown[192.0.2.2]", NSL},
    {"postfix/submission/smtpd",
     "warning: unknown[198.51.100.206]: SASL LOGIN authentication failed: UGFzc3dvcmQ6", AUL},
    /* not probes: legitimate sessions */
    {"postfix/smtpd",
     "disconnect from mx.news-c.test[198.51.100.128] ehlo=1 mail=1 rcpt=2 data=1 quit=1 commands=6", 0},
    {"postfix/submission/smtpd",
     "disconnect from unknown[203.0.113.29] ehlo=2 starttls=1 auth=1 mail=2 rcpt=4 data=2 quit=1 "
     "commands=13",
     0},
    {"postfix/smtpd", "disconnect from unknown[192.0.2.9] commands=0/0", 0},
    {"postfix/smtpd", "lost connection after CONNECT from unknown[192.0.2.9]", 0},
    {"postfix/smtpd", "timeout after EHLO from unknown[198.51.100.132]", 0},
    /* a login that finally worked is not guessing; one EHLO with garbage is neither */
    {"postfix/submission/smtpd",
     "disconnect from unknown[203.0.113.185] ehlo=2 starttls=1 auth=1/2 mail=1 rcpt=1 data=1 "
     "quit=1 commands=8/9",
     0},
    {"postfix/smtpd", "disconnect from unknown[192.0.2.50] ehlo=1 unknown=0/2 quit=1 commands=2/4", 0},
    /* variants: port logging, a failed EHLO, AUTH plus garbage, 3.10 queue-ID prefixes */
    {"postfix/smtpd", "disconnect from unknown[192.0.2.51]:40001 ehlo=1 quit=1 commands=2", CAP},
    {"postfix/smtpd", "disconnect from unknown[192.0.2.52] ehlo=0/1 unknown=0/1 commands=0/2", NSM},
    {"postfix/smtpd", "disconnect from unknown[192.0.2.53] auth=0/1 unknown=0/1 commands=0/2",
     NSM | AUT},
    {"postfix/smtpd", "NOQUEUE: lost connection after UNKNOWN from unknown[192.0.2.54]", NSL},
    {"postfix/smtpd",
     "4Xk2Zq0c9Gz9sWD: reject: RCPT from unknown[192.0.2.55]: 454 4.7.1 <a@b.test>: Relay access "
     "denied; from=<x@y.test> to=<a@b.test> proto=ESMTP helo=<h>",
     REL},
    /* a reject_warning (warn_if_reject) is not a refusal; other daemons do not count */
    {"postfix/smtpd",
     "NOQUEUE: reject_warning: RCPT from unknown[192.0.2.56]: 554 5.7.1 <a@b.test>: Relay access "
     "denied; from=<x@y.test> to=<a@b.test> proto=ESMTP helo=<h>",
     0},
    {"postfix/postscreen", "DISCONNECT [192.0.2.57]:4000", 0},
    /* postscreen's tests and smtpd's pipelining (the postscreen filters) */
    {"postfix/postscreen", "PREGREET 11 after 0.07 from [192.0.2.60]:40001: EHLO User\\r\\n", PRE},
    {"postfix/postscreen", "PREGREET 11 after 0.07: EHLO User\\r\\n", 0},
    {"postfix/postscreen", "PREGREET 11 after 0.07 from [192.0.2.60]:40001", 0},
    {"postfix/postscreen", "COMMAND PIPELINING from [192.0.2.61]:40002 after EHLO: QUIT\\r\\n", PIP},
    {"postfix/postscreen", "BARE NEWLINE from [192.0.2.62]:40003 after EHLO bot.example.net", LIM},
    {"postfix/postscreen", "COMMAND TIME LIMIT from [192.0.2.63]:40004 after RCPT", LIM},
    {"postfix/postscreen", "COMMAND COUNT LIMIT from [2001:db8::64]:40005 after NOOP", LIM},
    {"postfix/postscreen", "COMMAND LENGTH LIMIT from [192.0.2.65]:40006 after DATA", 0},
    {"postfix/postscreen", "NON-SMTP COMMAND from [192.0.2.66]:40007 after CONNECT: GET / HTTP/1.1", 0},
    {"postfix/postscreen", "HANGUP after 0.5 from [192.0.2.67]:40008 in tests after SMTP handshake", 0},
    {"postfix/postscreen", "BARE NEWLINE from [192.0.2.72]:40009", 0},
    {"postfix/smtpd", "improper command pipelining after CONNECT from unknown[192.0.2.68]: EHLO x\\r\\n",
     PRE},
    {"postfix/smtpd",
     "improper command pipelining after EHLO from mail.example.net[192.0.2.69]:25025: MAIL FROM:<a@b>",
     PIP},
    {"postfix/smtpd", "improper command pipelining after DATA from unknown[192.0.2.70]:", PIP},
    {"postfix/submission/smtpd", "improper command pipelining after RCPT from unknown[192.0.2.71]", PIP},
    /* after QUIT smtpd reads nothing: a monitor's QUIT written with more
     * bytes (threads AX 04: check_ssmtp), never a bot's pipelining */
    {"postfix/smtpd", "improper command pipelining after QUIT from monitor.example.net[192.0.2.74]:", 0},
    /* other daemons' pipelining words are not smtpd's */
    {"postfix/smtp", "improper command pipelining after CONNECT from unknown[192.0.2.73]: x", 0},
};

/* f2b_compare's tolerance: a postscreen filter may match a legitimate
 * client fewer than maxretry times; a smtpd filter not at all */
TEST(f2b_compare_tolerates_below_maxretry)
{
	size_t n;
	const struct f2b_filter *fl = f2b_filters(&n), *ps = NULL, *cap = NULL;
	for (size_t i = 0; i < n; i++) {
		if (fl[i].kind == F2B_PS_LIMIT)
			ps = &fl[i];
		if (fl[i].kind == F2B_CAPABILITY)
			cap = &fl[i];
	}
	CHECK(ps && cap && ps->tolerant && !cap->tolerant);
	if (!ps || !cap)
		return;
	struct cidr bot, legit;
	CHECK(cidr_addr("192.0.2.1", &bot) && cidr_addr("198.51.100.2", &legit));
	for (uint64_t hits = 1; hits <= (uint64_t)ps->maxretry + 1; hits++) {
		for (int k = 0; k < 2; k++) {
			struct f2b_alist ours = {0}, theirs = {0}, lg = {0};
			f2b_alist_add(&ours, &bot, 4);
			f2b_alist_add(&ours, &legit, hits);
			f2b_alist_add(&theirs, &bot, 4);
			f2b_alist_add(&theirs, &legit, hits);
			f2b_alist_add(&lg, &legit, 1);
			f2b_alist_fold(&ours);
			f2b_alist_fold(&theirs);
			f2b_alist_fold(&lg);
			struct f2b_check c = {.f = k ? cap : ps, .ours = 4 + hits};
			f2b_compare(&c, &ours, &theirs, &lg);
			bool want = !k && hits < (uint64_t)ps->maxretry;
			if (c.verified != want)
				test_fail(__FILE__, __LINE__, "%s, %llu legitimate hits: verified %d",
					  c.f->name, (unsigned long long)hits, c.verified);
			CHECK(c.legit_hits == hits && c.legit_max == hits);
			free(ours.v);
			free(theirs.v);
			free(lg.v);
		}
	}
}

TEST(f2b_classify_rows)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct event *ev = progs_msg(rows[i].prog, rows[i].msg);
		unsigned got = f2b_classify(ev);
		if (got != rows[i].want)
			test_fail(__FILE__, __LINE__, "row %zu (%s): got %#x, want %#x", i, rows[i].msg, got,
				  rows[i].want);
	}
}

TEST(f2b_filters_table_is_consistent)
{
	size_t n;
	const struct f2b_filter *f = f2b_filters(&n);
	CHECK(n >= 4);
	for (size_t i = 0; i < n; i++) {
		CHECK(f[i].name && !strncmp(f[i].name, "postsleuth-", 11));
		CHECK(f[i].failregex[0] && strstr(f[i].failregex[0], "<HOST>"));
		CHECK(f[i].maxretry > 0);
		/* the verdict it is named after */
		CHECK(strstr(f[i].name, verdict_id(f[i].verdict)) != NULL);
	}
}
