/*
 * test_login_kept.c - the login a refusal's words name (ev_reply_login,
 * reject_sender_login_mismatch's "not owned by user alice"), kept since
 * speed24 twice: in the event (kept_login, asked ahead by
 * ev_keep_refusal on the reading thread: 1 none, 2 ask again) and in the
 * session (last_reject_login, from the event's answer when the text the
 * session keeps, "CODE DSN reason", cannot hold a login the reason does
 * not).  Random refusals, kept ahead or not, with codes and DSNs that
 * hold the key's first letters and reasons cut by a NUL: the event's
 * kept answer must be the plain one, and every session's kept answer
 * the plain question of its last refusal's text (session_logged_in's
 * former code).  Fails with the guard on the code and DSN left out and
 * with the kept "none" read as "a login".
 */
#include "tap.h"
#include "model/model_internal.h"
#include "parse/event.h"
#include "syslog/prefix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rnd_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

static size_t nsess, nlogin, nbad;

/* on_sess - the session's kept answer against its text's */
static void on_sess(const struct session *s, void *ctx)
{
	(void)ctx;
	if (!s->last_reject)
		return;
	nsess++;
	bool plain = ev_reply_login(span_of(s->last_reject)).n != 0;
	nlogin += plain;
	if (!s->last_reject_login || (s->last_reject_login == 2) != plain) {
		if (nbad++ < 5)
			test_fail(__FILE__, __LINE__, "kept %d, text \"%s\": want %d", s->last_reject_login,
				  s->last_reject, plain);
	}
}

TEST(login_kept_same_as_plain)
{
	static const char *const words[] = {"Sender address rejected: ", "not owned by user ",
					    "not owned by user", "not owned by ", "by user ", "user ",
					    "alice", "bob@example.org", "; ", ",", " ", "w", "n",
					    "<a@example.org>: ", "not logged in", "Relay access denied"};
	static const char *const codes[] = {"553", "554", "n", "not", "not owned by", "5n", NULL};
	static const char *const dsns[] = {"5.7.1", "owned", "owned by user", "by", "5.7.n", NULL};
	struct model_sink sink = {on_sess, NULL, NULL};
	struct model *m = model_new(&sink);
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	static char texts[64][256];
	size_t bad = 0, kept_none = 0;
	for (int i = 0; i < 60000; i++) {
		char line[512];
		unsigned pid = (unsigned)(rnd() % 8 + 100);
		int sec = i / 50 % 60, min = i / 3000 % 60;
		uint64_t r = rnd() % 4;
		if (r == 0)
			snprintf(line, sizeof line, "Nov  3 10:%02d:%02d mx postfix/smtpd[%u]: connect from unknown[192.0.2.%u]",
				 min, sec, pid, pid);
		else if (r == 1)
			snprintf(line, sizeof line, "Nov  3 10:%02d:%02d mx postfix/smtpd[%u]: disconnect from unknown[192.0.2.%u] ehlo=1 quit=1 commands=2",
				 min, sec, pid, pid);
		else
			snprintf(line, sizeof line,
				 "Nov  3 10:%02d:%02d mx postfix/smtpd[%u]: NOQUEUE: reject: MAIL from unknown[192.0.2.%u]: 553 5.7.1 <a@example.org>: x; from=<a@example.org> proto=ESMTP helo=<h>",
				 min, sec, pid, pid);
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(line), &l))
			continue;
		parse_line(&l, &ev);
		if (ev.type == EV_REJECT) {
			char *t = texts[i % 64];
			size_t n = 0;
			for (int k = (int)(rnd() % 6); k > 0; k--) {
				const char *w = words[rnd() % (sizeof words / sizeof words[0])];
				size_t len = strlen(w);
				if (n + len >= sizeof texts[0])
					break;
				memcpy(t + n, w, len);
				n += len;
				if (rnd() % 16 == 0 && n + 1 < sizeof texts[0])
					t[n++] = 0; /* a NUL: the session's copy stops there */
			}
			ev.reason = span_make(t, n);
			const char *c = codes[rnd() % (sizeof codes / sizeof codes[0])];
			const char *d = dsns[rnd() % (sizeof dsns / sizeof dsns[0])];
			ev.code = c ? span_of(c) : SPAN_NULL;
			ev.dsn = d ? span_of(d) : SPAN_NULL;
			struct span want = ev_reply_login(ev.reason);
			struct span got = ev_reject_login_mismatch(&ev);
			if (rnd() % 2) {
				ev_keep_refusal(&ev);
				kept_none += ev.kept_login == 1;
				if (ev.kept_login != 1u + (want.n != 0))
					bad++;
				got = ev_reject_login_mismatch(&ev);
			}
			/* an empty login ("not owned by user ;") is none to
			 * every caller, wherever its span points */
			if (got.n != want.n || (want.n && got.p != want.p))
				bad++;
		}
		model_event(m, &ev, (uint64_t)i + 1, 0);
	}
	model_finish(m);
	model_free(m);
	CHECK_INT(bad, 0);
	CHECK_INT(nbad, 0);
	CHECK(nsess > 1000);
	CHECK(nlogin > 100);
	CHECK(kept_none > 1000);
}
