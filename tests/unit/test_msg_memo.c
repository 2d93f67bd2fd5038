/*
 * test_msg_memo.c - the model's memo of the messages found (correlate.c,
 * msg_find_key: speed11 kept the last one, speed15 the last one of each
 * slot of the queue ID's last two bytes) changes no message: random queue
 * lines of two hosts, two instances and a few queue IDs that come back
 * (removed, then used again; a message begun again before its removed
 * line; bounces with a child's queue ID), under caps that evict, give the
 * same messages, field by field and in the same order, as the same model
 * that forgets the memo before every line.
 *
 * A cap of one message is asked too: model_limits keeps two open, since
 * link_to_qid's child would otherwise evict its parent, which model_link
 * then read after it was freed (found by this test; the default cap of
 * 50 000 cannot reach it: the parent was just touched, so the oldest
 * message is another one).  Under ASan the cap of one fails without it.
 */
#include "tap.h"
#include "model/model_internal.h"
#include "syslog/prefix.h"

#include <stdio.h>
#include <string.h>

struct record {
	size_t n, len;
	char text[1 << 21];
};

/* on_msg - one line per message, the fields the sink reads */
static void on_msg(const struct message *m, void *ctx)
{
	struct record *r = ctx;
	if (r->len + 600 > sizeof r->text)
		return;
	int k = snprintf(r->text + r->len, 600,
			 "%llu %s %s %s %lld-%lld %d %d %llu-%llu %s %s %s %lld %lld r=%u c=%u %s %s\n",
			 (unsigned long long)m->id, m->host, m->instance, m->qid, (long long)m->start.us,
			 (long long)m->end.us, (int)m->end_kind, (int)m->origin,
			 (unsigned long long)m->first_line, (unsigned long long)m->last_line,
			 m->client_ip ? m->client_ip : "-", m->from ? m->from : "-",
			 m->message_id ? m->message_id : "-", (long long)m->size, (long long)m->nrcpt,
			 m->nrcpts, m->nchildren, m->parent_qid ? m->parent_qid : "-",
			 m->nrcpts ? (m->rcpts[0].status ? m->rcpts[0].status : "?") : "-");
	r->len += (size_t)k;
	r->n++;
}

static uint64_t rnd_state = 0x13198A2E03707344ULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

/* make_line - a queue line of one of a few hosts, instances and queue IDs */
static void make_line(char *t, size_t cap, int i)
{
	static const char *const host[] = {"mx1", "mx1", "mx2"};
	static const char *const inst[] = {"postfix", "postfix", "postfix-out"};
	/* the last four share msg_slot's slot with the first ones (the same
	 * last two bytes) */
	static const char *const qid[] = {"3F1A2B4C5D", "3F1A2B4C5E", "4B0C1D2E3F", "4B0C1D2E3",
					  "5C6D7E8F90", "AB12CD34EF", "9A1A2B4C5D", "77EE2B4C5E",
					  "1234562E3F", "5C6D7E8FEF"};
	const char *h = host[rnd() % 3], *in = inst[rnd() % 3], *q = qid[rnd() % 10];
	const char *child = qid[rnd() % 10];
	int sec = i / 7 % 60, min = i / 420 % 60;
	unsigned pid = (unsigned)(rnd() % 4 + 200);
	char pre[96];
	snprintf(pre, sizeof pre, "Nov  3 10:%02d:%02d %s %s", min, sec, h, in);
	switch (rnd() % 12) {
	case 0:
		snprintf(t, cap, "%s/smtpd[%u]: %s: client=unknown[192.0.2.%u]", pre, pid, q,
			 (unsigned)(rnd() % 4));
		break;
	case 1:
		snprintf(t, cap, "%s/pickup[%u]: %s: uid=0 from=<root>", pre, pid, q);
		break;
	case 2:
		snprintf(t, cap, "%s/cleanup[%u]: %s: message-id=<m%u@x.test>", pre, pid, q,
			 (unsigned)(rnd() % 9));
		break;
	case 3:
	case 4:
		snprintf(t, cap, "%s/qmgr[%u]: %s: from=<a%u@b.test>, size=%u, nrcpt=1 (queue active)",
			 pre, pid, q, (unsigned)(rnd() % 3), (unsigned)(rnd() % 5000));
		break;
	case 5:
	case 6:
		snprintf(t, cap,
			 "%s/smtp[%u]: %s: to=<c%u@d.test>, relay=mx.d.test[198.51.100.1]:25, delay=1, "
			 "delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as %s)",
			 pre, pid, q, (unsigned)(rnd() % 3), child);
		break;
	case 7:
		snprintf(t, cap,
			 "%s/smtp[%u]: %s: to=<c%u@d.test>, relay=none, delay=9, delays=9/0/0/0, "
			 "dsn=4.4.1, status=deferred (connect to mx.d.test[198.51.100.1]:25: Connection refused)",
			 pre, pid, q, (unsigned)(rnd() % 3));
		break;
	case 8:
		snprintf(t, cap, "%s/bounce[%u]: %s: sender non-delivery notification: %s", pre, pid, q,
			 child);
		break;
	case 9:
	case 10:
		snprintf(t, cap, "%s/qmgr[%u]: %s: removed", pre, pid, q);
		break;
	default:
		snprintf(t, cap, "%s/local[%u]: %s: to=<u%u@x.test>, relay=local, delay=0.1, "
			 "delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)",
			 pre, pid, q, (unsigned)(rnd() % 3));
	}
}

/* run - the lines through one model; forget: clear the memo before each */
static void run(struct record *r, uint64_t seed, int nlines, uint64_t cap, bool forget)
{
	memset(r, 0, offsetof(struct record, text));
	struct model_sink sink = {NULL, on_msg, r};
	struct model *m = model_new(&sink);
	model_limits(m, 20000, cap, 0);
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
			memset(m->msg_slots, 0, sizeof m->msg_slots);
		model_event(m, &ev, (uint64_t)i + 1, 0);
	}
	model_finish(m);
	model_free(m);
}

TEST(msg_memo_same_messages)
{
	static struct record a, b;
	const uint64_t caps[] = {50000, 4, 2, 1}; /* 1: see the note above */
	for (int k = 0; k < 4; k++) {
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
			test_fail(__FILE__, __LINE__, "cap %llu: got \"%.160s\", want \"%.160s\"",
				  (unsigned long long)caps[k], a.text + i, b.text + i);
		}
	}
}

/* a key with a NUL inside: its message's copy is cut there, so the key
 * never finds it again (each lookup opens another), and the slot it was
 * put in is the key's: emitting it must empty that slot, or the next
 * lookup reads a freed message (ASan) */
TEST(msg_memo_nul_key)
{
	static struct record r;
	memset(&r, 0, offsetof(struct record, text));
	struct model_sink sink = {NULL, on_msg, &r};
	struct model *m = model_new(&sink);
	model_limits(m, 20000, 2, 0);
	static const char keys[][12] = {"AB\0CD12345", "XY\0Z9876Q5", "AB\0CD12345", "QQ\0RR55555"};
	struct stamp ts = {0};
	for (int i = 0; i < 40; i++) {
		const char *k = keys[i % 4];
		struct omsg *o = msg_find_key(m, span_of("mx1"), span_of("postfix"), span_make(k, 10), &ts, true);
		CHECK(o != NULL);
		if (o)
			CHECK_INT(o->qid_n, 2);
		/* a real key of the same last two bytes, in between */
		o = msg_find_key(m, span_of("mx1"), span_of("postfix"), span_of("7F1A2B2345"), &ts, i % 3 == 0);
		if (i % 3 == 0)
			CHECK(o != NULL);
	}
	model_finish(m);
	model_free(m);
	CHECK(r.n >= 40);
}
