/*
 * test_session_own.c - a session keeps the own-network answer one of its
 * refusals kept (ev_keep_refusal's kept_own, asked on the reading thread
 * with two; model/sessions.c, speed39), and the session's verdict takes
 * it instead of reading the client's address again (analyze/verdict.c):
 * on many random smtpd sessions (own, public, mapped, masked and odd
 * client texts; refused or not, the refusal's client the session's or
 * another's, its answer kept or not, as report's on_front keeps it or a
 * waiting consumer's share does not) every closed session's kept answer
 * is cidr_own_network's of its client text, and its verdict is the one
 * it has with the answer taken away (the address read, as before).
 */
#include "tap.h"
#include "analyze/analysis.h"
#include "feed/feed.h"
#include "model/correlate.h"
#include "parse/event.h"
#include "util/cidr.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct own_run {
	struct feed feed;
	struct syslog_state st;
	struct model *model;
	bool keep;            /* ev_keep_refusal on this event, as on_front */
	size_t sessions, kept, bad, differ;
};

static uint64_t rnd_state = 0xBB67AE8584CAA73BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

static void own_front(struct event *ev, void *ctx, void *note, enum feed_share share)
{
	struct own_run *r = ctx;
	(void)note, (void)share;
	if (ev->type == EV_REJECT && r->keep)
		ev_keep_refusal(ev);
}

static void own_event(const struct event *ev, void *ctx)
{
	struct own_run *r = ctx;
	model_event(r->model, ev, r->feed.st.lines, 0);
}

static void own_session(const struct session *s, void *ctx)
{
	struct own_run *r = ctx;
	r->sessions++;
	if (s->client_own) {
		r->kept++;
		bool want = s->client_ip && cidr_own_network(s->client_ip, strlen(s->client_ip));
		if ((s->client_own == 2) != want && !r->bad++)
			test_fail(__FILE__, __LINE__, "client %s kept %u, want %d", s->client_ip, s->client_own, want);
	}
	struct session plain = *s;
	plain.client_own = 0;
	uint32_t fails = session_auth_failures(s);
	if (verdict_session_fails(s, fails) != verdict_session_fails(&plain, fails) && !r->differ++)
		test_fail(__FILE__, __LINE__, "client %s: verdict %d with the kept answer, %d without",
			  s->client_ip ? s->client_ip : "-", (int)verdict_session_fails(s, fails),
			  (int)verdict_session_fails(&plain, fails));
}

static void own_message(const struct message *m, void *ctx)
{
	(void)m, (void)ctx;
}

static const char *const ips[] = {"10.1.2.3",	 "192.168.1.20", "172.16.0.9", "127.0.0.1", "100.64.3.3",
				  "203.0.113.9", "198.51.100.7", "8.8.8.8",	"::1",	     "fd00::25",
				  "2001:db8::7", "::ffff:10.0.0.1", "192.168.x.x", "10.0.0.01", "unknown"};

static void line(struct own_run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line(struct own_run *r, const char *fmt, ...)
{
	char b[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b, sizeof b, fmt, ap);
	va_end(ap);
	r->keep = rnd() % 4 != 0;
	feed_line(&r->feed, &r->st, span_of(b));
}

TEST(session_own_kept_same_as_read)
{
	struct own_run *r = calloc(1, sizeof *r);
	r->feed.fn = own_event;
	r->feed.front = own_front;
	r->feed.ctx = r;
	syslog_state_init(&r->st, 2026, 0);
	struct model_sink sink = {own_session, own_message, r};
	r->model = model_new(&sink);
	const size_t nip = sizeof ips / sizeof ips[0];
	for (int i = 0; i < 3000; i++) {
		uint64_t x = rnd();
		const char *ip = ips[x % nip], *other = ips[(x >> 8) % nip];
		int pid = 100 + (int)((x >> 16) % 7);
		unsigned sec = (unsigned)i % 60;
		if ((x >> 20) % 8)
			line(r, "Dec  7 10:00:%02u mx postfix/smtpd[%d]: connect from h.example[%s]", sec, pid, ip);
		int nrej = (int)((x >> 24) % 3);
		for (int k = 0; k < nrej; k++) {
			const char *who = (x >> (28 + k)) % 6 == 0 ? other : ip;
			line(r,
			     "Dec  7 10:00:%02u mx postfix/smtpd[%d]: NOQUEUE: reject: RCPT from h.example[%s]: "
			     "554 5.7.1 <u@dest.example>: Relay access denied; from=<a@b.example> to=<u@dest.example> "
			     "proto=ESMTP helo=<h.example>",
			     sec, pid, who);
		}
		if ((x >> 32) % 5)
			line(r, "Dec  7 10:00:%02u mx postfix/smtpd[%d]: disconnect from h.example[%s] ehlo=1 mail=1 "
				"rcpt=0/1 quit=1 commands=3/4",
			     sec, pid, ip);
		else if ((x >> 32) % 5 == 0 && (x >> 36) % 2)
			line(r, "Dec  7 10:00:%02u mx postfix/smtpd[%d]: disconnect from h.example[%s] ehlo=1 quit=1 commands=2",
			     sec, pid, ip);
	}
	model_finish(r->model);
	CHECK(r->bad == 0);
	CHECK(r->differ == 0);
	CHECK(r->sessions > 2000);
	CHECK(r->kept > 300);
	CHECK(r->kept < r->sessions);
	model_free(r->model);
	free(r);
}
