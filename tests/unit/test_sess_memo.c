/*
 * test_sess_memo.c - the model's memo of the last session found
 * (sessions.c, sess_find) changes no session: random smtpd lines of a
 * few hosts, processes and clients, with and without a pid, under a cap
 * that evicts, give the same sessions, field by field and in the same
 * order, as the same model that forgets the memo before every line; and
 * the records of emitted sessions used again for new ones (sess_open)
 * give what fresh ones give.  Since speed17 a connect that finds no
 * session, or replaces the one it found, opens its own under the hash
 * of the first lookup (sess_open_at), the map not asked again: the
 * model without the memo asks the map each time and gives the hash that
 * way; the test fails when the session is opened under another hash, or
 * under none when the memo answered the connect.
 */
#include "tap.h"
#include "model/model_internal.h"
#include "syslog/prefix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
	size_t n, len;
	char text[1 << 20];
};

/* on_sess - one line per session, every field the sink reads */
static void on_sess(const struct session *s, void *ctx)
{
	struct record *r = ctx;
	if (r->len + 512 > sizeof r->text)
		return;
	int k = snprintf(r->text + r->len, 512,
			 "%llu %s %s %lld %lld-%lld %d %s %llu-%llu %s %s q=%u rej=%u af=%u tls=%d %s\n",
			 (unsigned long long)s->id, s->host, s->service, (long long)s->pid,
			 (long long)s->start.us, (long long)s->end.us, s->saw_connect,
			 session_end_name(s->end_kind), (unsigned long long)s->first_line,
			 (unsigned long long)s->last_line, s->client_ip ? s->client_ip : "-",
			 s->helo ? s->helo : "-", s->nqids, s->rejects, s->auth_failures, s->tls,
			 s->tls_error ? s->tls_error : "-");
	r->len += (size_t)k;
	r->n++;
}

static uint64_t rnd_state = 0x243F6A8885A308D3ULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/* make_line - an smtpd line of one of a few hosts, processes and clients */
static void make_line(char *t, size_t cap, int i)
{
	static const char *const host[] = {"mx1", "mx1", "mx1", "mx2", "mail.example.org"};
	static const char *const prog[] = {"postfix/smtpd", "postfix/smtpd", "postfix/submission/smtpd"};
	static const char *const ip[] = {"192.0.2.1", "192.0.2.2", "198.51.100.7", "2001:db8::5"};
	const char *c = ip[rnd() % 4];
	char pid[16];
	uint64_t r = rnd() % 10;
	if (r == 0)
		pid[0] = 0; /* no pid: the session keyed by the client */
	else
		snprintf(pid, sizeof pid, "[%u]", (unsigned)(rnd() % 5 + 100));
	const char *h = host[rnd() % 5], *p = prog[rnd() % 3];
	int sec = i / 7 % 60, min = i / 420 % 60;
	switch (rnd() % 10) {
	case 0:
	case 1:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s %s%s: connect from unknown[%s]", min, sec, h, p,
			 pid, c);
		break;
	case 2:
	case 3:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s %s%s: disconnect from unknown[%s] ehlo=1 quit=1 commands=2",
			 min, sec, h, p, pid, c);
		break;
	case 4:
		snprintf(t, cap,
			 "Nov  3 10:%02d:%02d %s %s%s: NOQUEUE: reject: RCPT from unknown[%s]: 554 5.7.1 <x@example.com>: Relay access denied; from=<a@b.c> to=<x@example.com> proto=ESMTP helo=<h%u>",
			 min, sec, h, p, pid, c, (unsigned)(rnd() % 3));
		break;
	case 5:
		snprintf(t, cap,
			 "Nov  3 10:%02d:%02d %s %s%s: warning: unknown[%s]: SASL LOGIN authentication failed: authentication failure",
			 min, sec, h, p, pid, c);
		break;
	case 6:
		if (rnd() % 2) /* one that names its client: maybe not the open session's */
			snprintf(t, cap, "Nov  3 10:%02d:%02d %s %s%s: SSL_accept error from unknown[%s]: lost connection",
				 min, sec, h, p, pid, c);
		else
			snprintf(t, cap, "Nov  3 10:%02d:%02d %s %s%s: warning: TLS library problem: error:0A000076:SSL routines::no suitable signature algorithm",
				 min, sec, h, p, pid);
		break;
	case 7:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s %s%s: lost connection after EHLO from unknown[%s]", min,
			 sec, h, p, pid, c);
		break;
	case 8: /* before its connect: the session opened by it stays (pre_connect) */
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s %s%s: warning: hostname mail%u.example.com does not resolve to address %s: Name or service not known",
			 min, sec, h, p, pid, (unsigned)(rnd() % 3), c);
		break;
	default:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s %s%s: %X: client=unknown[%s]", min, sec, h, p, pid,
			 (unsigned)(rnd() % 0xFFFFF + 0x100000), c);
	}
}

/* run - the lines through one model; forget: clear the memo before each,
 * and keep no emitted session's record for the next */
static void run(struct record *r, uint64_t seed, int nlines, uint64_t cap, bool forget)
{
	memset(r, 0, offsetof(struct record, text));
	struct model_sink sink = {on_sess, NULL, r};
	struct model *m = model_new(&sink);
	model_limits(m, cap, 1000, 0);
	if (forget)
		m->spare_max = 0; /* each session a record of its own, as calloc gave */
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	rnd_state = seed;
	char t[512];
	for (int i = 0; i < nlines; i++) {
		make_line(t, sizeof t, i);
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(t), &l))
			continue;
		parse_line(&l, &ev);
		if (forget)
			m->last_sess = NULL;
		model_event(m, &ev, (uint64_t)i + 1, 0);
	}
	model_finish(m);
	model_free(m);
}

TEST(sess_memo_same_sessions)
{
	static struct record a, b;
	const uint64_t caps[] = {20000, 3, 1};
	for (int k = 0; k < 3; k++) {
		run(&a, 0x9E3779B97F4A7C15ULL + (uint64_t)k, 60000, caps[k], false);
		run(&b, 0x9E3779B97F4A7C15ULL + (uint64_t)k, 60000, caps[k], true);
		CHECK_INT(a.n, b.n);
		CHECK(a.n > 5000);
		if (a.len != b.len || memcmp(a.text, b.text, a.len)) {
			size_t i = 0;
			while (i < a.len && i < b.len && a.text[i] == b.text[i])
				i++;
			while (i > 0 && a.text[i - 1] != '\n')
				i--;
			test_fail(__FILE__, __LINE__, "cap %llu: got \"%.120s\", want \"%.120s\"",
				  (unsigned long long)caps[k], a.text + i, b.text + i);
		}
	}
}

/* on_session_event's answer is what model_event asked of sess_find again
 * after it before speed15 (every event but a disconnect): the same
 * session, or none, and asking sess_find then changes nothing of it (its
 * touch, its end, its place at the end of the LRU list).  The lines
 * above (a TLS error of another client's process, a session replaced by
 * another client's line, one opened before its connect, disconnects)
 * under caps that evict; each line in a heap buffer of its own size */
TEST(sess_memo_answer_of_on_session_event)
{
	const uint64_t caps[] = {20000, 3, 1};
	size_t bad = 0, found = 0, none = 0;
	for (int k = 0; k < 3; k++) {
		struct model_sink sink = {NULL, NULL, NULL};
		struct model *m = model_new(&sink);
		model_limits(m, caps[k], 1000, 0);
		struct syslog_state st;
		syslog_state_init(&st, 2026, 0);
		rnd_state = 0x452821E638D01377ULL + (uint64_t)k;
		char t[512];
		for (int i = 0; i < 60000; i++) {
			make_line(t, sizeof t, i);
			size_t n = strlen(t);
			char *line = malloc(n);
			memcpy(line, t, n);
			struct logline l;
			struct event ev;
			if (!syslog_parse(&st, span_make(line, n), &l)) {
				free(line);
				continue;
			}
			parse_line(&l, &ev);
			if (!session_event_type(ev.type) || !is_smtpd(&ev)) {
				model_event(m, &ev, (uint64_t)i + 1, 0);
				free(line);
				continue;
			}
			if (l.ts.us > m->now)
				m->now = l.ts.us;
			struct osess *got = on_session_event(m, &ev, (uint64_t)i + 1, 0);
			struct osess *tail = m->stail;
			int64_t touched = got ? got->touched : 0, end = got ? got->s.end.us : 0;
			bool untimed = got && got->s.end_untimed;
			struct osess *want = ev.type == EV_DISCONNECT ? NULL : sess_find(m, &ev, false);
			found += want != NULL;
			none += want == NULL;
			if (got != want || m->stail != tail ||
			    (got && (got->touched != touched || got->s.end.us != end || got->s.end_untimed != untimed)))
				if (bad++ < 5)
					test_fail(__FILE__, __LINE__, "cap %llu, \"%s\": got %p, want %p",
						  (unsigned long long)caps[k], t, (void *)got, (void *)want);
			free(line);
		}
		model_finish(m);
		model_free(m);
	}
	CHECK_INT(bad, 0);
	CHECK(found > 50000);
	CHECK(none > 10000);
}
