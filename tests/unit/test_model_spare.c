/*
 * test_model_spare.c - the records of emitted messages used again for
 * new ones, their pool keeping a heap block (speed25: msg_emit,
 * msg_find_key, pool_recycle), change no message: random queue lines of
 * a few hosts (cleanup, qmgr, smtp, bounce, removed), with long texts
 * that overflow a pool's inline room, under caps that evict, give the
 * same messages, field by field and in the same order, as the same
 * model that keeps no record (spare_max 0: a calloc and a free each);
 * and a pool recycled again and again holds what a fresh pool holds,
 * keeps one block no larger than POOL_KEEP_MAX, and takes it first.
 */
#include "tap.h"
#include "model/model_internal.h"
#include "syslog/prefix.h"
#include "util/strpool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
	size_t n, len;
	char text[4 << 20];
};

static void put(struct record *r, const char *name, const char *v)
{
	if (r->len + 700 > sizeof r->text)
		return;
	r->len += (size_t)snprintf(r->text + r->len, 700, " %s=%s", name, v ? v : "-");
}

/* on_msg - one line per message, every string field and recipient */
static void on_msg(const struct message *m, void *ctx)
{
	struct record *r = ctx;
	if (r->len + 8192 > sizeof r->text)
		return;
	r->len += (size_t)snprintf(r->text + r->len, 200, "%llu %s %s %lld-%lld %d size=%lld nrcpt=%lld",
				   (unsigned long long)m->id, m->host, m->qid, (long long)m->start.us,
				   (long long)m->end.us, (int)m->end_kind, (long long)m->size,
				   (long long)m->nrcpt);
	put(r, "client", m->client_ip);
	put(r, "name", m->client_name);
	put(r, "mid", m->message_id);
	put(r, "from", m->from);
	put(r, "parent", m->parent_qid);
	put(r, "action", m->cleanup_action);
	put(r, "creason", m->cleanup_reason);
	put(r, "err", m->last_error);
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *t = &m->rcpts[i];
		put(r, "to", t->to);
		put(r, "st", t->status);
		put(r, "dsn", t->dsn);
		put(r, "relay", t->relay);
		put(r, "reason", t->reason);
		put(r, "delays", t->delays);
	}
	for (uint32_t i = 0; i < m->nchildren; i++)
		put(r, "child", m->children[i].qid);
	r->text[r->len++] = '\n';
	r->n++;
}

static uint64_t rnd_state = 0x243F6A8885A308D3ULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/* words - a text of n random words, n up to 60 (past the inline room) */
static void words(char *t, size_t cap, unsigned n)
{
	static const char *const w[] = {"mailbox", "full", "user", "unknown", "relay", "denied",
					"try", "again", "later", "4.2.2", "over", "quota"};
	size_t len = 0;
	t[0] = 0;
	for (unsigned i = 0; i < n && len + 16 < cap; i++)
		len += (size_t)snprintf(t + len, cap - len, "%s%s", i ? " " : "", w[rnd() % 12]);
}

/* make_line - a queue line of one of a few hosts and queue IDs */
static void make_line(char *t, size_t cap)
{
	static const char *const host[] = {"mx1", "mx1", "mx2"};
	const char *h = host[rnd() % 3];
	unsigned q = (unsigned)(rnd() % 40) + 0xA1000;
	int min = (int)(rnd() % 60), sec = (int)(rnd() % 60);
	char w[600];
	words(w, sizeof w, (unsigned)(rnd() % 60));
	switch (rnd() % 9) {
	case 0:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s postfix/smtpd[%u]: %X: client=unknown[192.0.2.%u]",
			 min, sec, h, (unsigned)(rnd() % 5 + 100), q, (unsigned)(rnd() % 250));
		break;
	case 1:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s postfix/cleanup[7]: %X: message-id=<%s@example.org>",
			 min, sec, h, q, rnd() % 2 ? "short" : w);
		break;
	case 2:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s postfix/qmgr[8]: %X: from=<u%u@example.org>, size=%u, nrcpt=%u (queue active)",
			 min, sec, h, q, (unsigned)(rnd() % 9), (unsigned)(rnd() % 99999), (unsigned)(rnd() % 4 + 1));
		break;
	case 3:
	case 4:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s postfix/smtp[9]: %X: to=<r%u@example.net>, relay=mx.example.net[198.51.100.%u]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=4.2.2, status=deferred (host mx.example.net said: 452 %s)",
			 min, sec, h, q, (unsigned)(rnd() % 6), (unsigned)(rnd() % 250), w);
		break;
	case 5:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s postfix/smtp[9]: %X: to=<r%u@example.net>, relay=mx.example.net[198.51.100.1]:25, delay=3, delays=0.1/0/0.5/2.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as %X)",
			 min, sec, h, q, (unsigned)(rnd() % 6), (unsigned)(rnd() % 40) + 0xB2000);
		break;
	case 6:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s postfix/cleanup[7]: %X: reject: header Subject: %s from unknown[192.0.2.9]; from=<a@example.org> to=<b@example.net> proto=ESMTP helo=<x>: 5.7.1 %s",
			 min, sec, h, q, w, rnd() % 2 ? "spam" : w);
		break;
	case 7:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s postfix/bounce[10]: %X: sender non-delivery notification: %X",
			 min, sec, h, q, (unsigned)(rnd() % 40) + 0xA1000);
		break;
	default:
		snprintf(t, cap, "Nov  3 10:%02d:%02d %s postfix/qmgr[8]: %X: removed", min, sec, h, q);
	}
}

/* run - the lines through one model; keep: use emitted records again */
static void run(struct record *r, uint64_t seed, int nlines, uint64_t cap, bool keep)
{
	memset(r, 0, offsetof(struct record, text));
	struct model_sink sink = {NULL, on_msg, r};
	struct model *m = model_new(&sink);
	model_limits(m, 1000, cap, 0);
	if (!keep)
		m->spare_max = 0;
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	rnd_state = seed;
	char t[2048];
	for (int i = 0; i < nlines; i++) {
		make_line(t, sizeof t);
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(t), &l))
			continue;
		parse_line(&l, &ev);
		model_event(m, &ev, (uint64_t)i + 1, 0);
	}
	model_finish(m);
	model_free(m);
}

TEST(model_spare_messages_same)
{
	static struct record a, b;
	const uint64_t caps[] = {20000, 5, 1};
	for (int k = 0; k < 3; k++) {
		run(&a, 0x9E3779B97F4A7C15ULL + (uint64_t)k, 40000, caps[k], true);
		run(&b, 0x9E3779B97F4A7C15ULL + (uint64_t)k, 40000, caps[k], false);
		CHECK_INT(a.n, b.n);
		CHECK(a.n > 3000);
		if (a.len != b.len || memcmp(a.text, b.text, a.len)) {
			size_t i = 0;
			while (i < a.len && i < b.len && a.text[i] == b.text[i])
				i++;
			while (i > 0 && a.text[i - 1] != '\n')
				i--;
			test_fail(__FILE__, __LINE__, "cap %llu: got \"%.200s\", want \"%.200s\"",
				  (unsigned long long)caps[k], a.text + i, b.text + i);
		}
	}
}

/* a pool recycled 20 000 times, each object a few random fields set and
 * kept (some past a block's size): the same strings as a fresh pool's,
 * the kept block taken first and never above POOL_KEEP_MAX */
TEST(strpool_recycled_same_as_fresh)
{
	static char big[9000];
	for (size_t i = 0; i < sizeof big; i++)
		big[i] = (char)('a' + i % 26);
	struct strpool p;
	pool_init(&p);
	rnd_state = 0x13198A2E03707344ULL;
	size_t taken = 0, bad = 0;
	for (int obj = 0; obj < 20000; obj++) {
		void *kept = p.kept;
		if (kept && p.blocks)
			bad++; /* recycled: no block but the kept one */
		struct strpool f;
		pool_init(&f);
		char *a[8] = {0}, *b[8] = {0};
		int nf = (int)(rnd() % 30);
		for (int i = 0; i < nf; i++) {
			unsigned k = (unsigned)(rnd() % 8);
			size_t off = rnd() % 100, len = rnd() % 5 == 0 ? rnd() % 8000 : rnd() % 120;
			struct span s = span_make(big + off, len);
			if (rnd() % 7 == 0) {
				a[k] = pool_keep(&p, s);
				b[k] = pool_keep(&f, s);
			} else {
				a[k] = pool_set(&p, a[k], s);
				b[k] = pool_set(&f, b[k], s);
			}
			if (kept && p.blocks == kept)
				taken++, kept = NULL;
		}
		for (int k = 0; k < 8; k++)
			if ((a[k] == NULL) != (b[k] == NULL) || (a[k] && strcmp(a[k], b[k])))
				bad++;
		pool_free(&f);
		pool_recycle(&p);
		CHECK(p.blocks == NULL && p.cur == p.room);
		if (p.kept) {
			size_t size;
			memcpy(&size, (char *)p.kept + sizeof(void *), sizeof size);
			CHECK(size <= POOL_KEEP_MAX);
		}
	}
	CHECK_INT(bad, 0);
	CHECK(taken > 5000); /* the kept block is the first one taken */
	pool_free(&p);
	CHECK(p.kept == NULL);
}

/* a new string's room is the least power of two from 16 up that holds
 * it and its NUL (pool_set by the highest bit since speed25, a loop
 * before): every length up to past POOL_STR_MAX */
TEST(strpool_room_power_of_two)
{
	static char big[POOL_STR_MAX + 100];
	memset(big, 'z', sizeof big);
	size_t bad = 0;
	for (size_t n = 0; n < sizeof big; n++) {
		struct strpool p;
		pool_init(&p);
		char *s = pool_dup(&p, span_make(big, n));
		uint16_t cap;
		memcpy(&cap, s - 2, 2);
		size_t m = n < POOL_STR_MAX ? n : POOL_STR_MAX, want = 16;
		while (want < m + 1)
			want *= 2;
		bad += cap != want || strlen(s) != m;
		pool_free(&p);
	}
	CHECK_INT(bad, 0);
}
