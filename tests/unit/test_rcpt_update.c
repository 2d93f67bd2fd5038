/*
 * test_rcpt_update.c - a recipient's strings rebuilt field by field
 * (model_rcpt_update) and the host's own delivery agent told by the
 * name's length (model_mailbox_agent), correlate.c, speed12: the same
 * strings, at the same places in the blob, and the same agent, as the
 * former functions (kept here), on random sequences of status lines of
 * one recipient: fields set and unset, empty, longer than MODEL_STR_MAX
 * with a UTF-8 character across the cut, NULs; every daemon name and
 * its near misses, each in a buffer of its own size.
 */
#include "tap.h"
#include "model/model_internal.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* the former functions, as they were */
static void rcpt_update_before(struct rcpt *r, struct span to, struct span orig_to, const struct event *ev)
{
	struct span f[8] = {
	    to, orig_to,
	    ev && ev->status.p ? ev->status : span_of(r->status),
	    ev && ev->dsn.p ? ev->dsn : span_of(r->dsn),
	    ev && ev->relay.p ? ev->relay : span_of(r->relay),
	    ev && ev->reason.p ? ev->reason : span_of(r->reason),
	    ev && ev->delay.p ? ev->delay : span_of(r->delay),
	    ev && ev->delays.p ? ev->delays : span_of(r->delays),
	};
	bool set[8];
	size_t total = 0;
	for (int i = 0; i < 8; i++) {
		set[i] = f[i].p != NULL;
		f[i] = span_cut(f[i], MODEL_STR_MAX);
		total += set[i] ? f[i].n + 1 : 0;
	}
	char *blob = xmalloc(total + 1), *p = blob;
	char *out[8];
	for (int i = 0; i < 8; i++) {
		if (!set[i]) {
			out[i] = NULL;
			continue;
		}
		memcpy(p, f[i].p, f[i].n);
		p[f[i].n] = 0;
		out[i] = p;
		p += f[i].n + 1;
	}
	free(r->blob); /* after the copy: the old strings were inputs */
	r->blob = blob;
	r->to = out[0], r->orig_to = out[1], r->status = out[2], r->dsn = out[3];
	r->relay = out[4], r->reason = out[5], r->delay = out[6], r->delays = out[7];
}

static const char *mailbox_agent_before(struct span daemon)
{
	static const char *const agents[] = {"local", "virtual", "pipe", "lmtp", "error", "qmgr"};
	for (size_t i = 0; i < sizeof agents / sizeof agents[0]; i++)
		if (span_eqs(daemon, agents[i]))
			return agents[i];
	return NULL;
}

static uint64_t rnd_state = 0x1F83D9ABFB41BD6BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

static const char *const words[] = {"sent", "deferred", "bounced", "expired", "2.0.0", "4.4.1", "5.1.1",
				    "mx.example.test[192.0.2.1]:25", "none", "local", "0.5", "1.2/0.01/0.3/0.1",
				    "250 2.0.0 Ok: queued as 4B3F2A1C", "(", ")", " ", "\xc3\xa9", "\xe2\x82\xac",
				    "\xf0\x9f\x93\xa7", "\0", "user@example.test", "x"};

/* a random field: unset, empty, or words glued, up to past the cap */
static struct span field(char *buf, size_t cap)
{
	unsigned how = (unsigned)(rnd() % 6);
	if (how == 0)
		return SPAN_NULL;
	if (how == 1)
		return span_make(buf, 0);
	size_t n = 0;
	if (how == 2) { /* long: a character across MODEL_STR_MAX */
		size_t k = MODEL_STR_MAX - 3 + (size_t)(rnd() % 6);
		memset(buf, 'a', k);
		n = k;
	}
	tap_parts(buf, &n, cap, words, sizeof words / sizeof words[0], (int)(rnd() % 6) + 1, &rnd_state);
	return span_make(buf, n);
}

/* same_rcpt - the same strings at the same offsets of their blobs */
static bool same_field(const struct rcpt *a, const char *fa, const struct rcpt *b, const char *fb)
{
	if (!fa || !fb)
		return !fa && !fb;
	return fa - a->blob == fb - b->blob && !strcmp(fa, fb);
}

static bool same_rcpt(const struct rcpt *a, const struct rcpt *b)
{
	return same_field(a, a->to, b, b->to) && same_field(a, a->orig_to, b, b->orig_to) &&
	       same_field(a, a->status, b, b->status) && same_field(a, a->dsn, b, b->dsn) &&
	       same_field(a, a->relay, b, b->relay) && same_field(a, a->reason, b, b->reason) &&
	       same_field(a, a->delay, b, b->delay) && same_field(a, a->delays, b, b->delays);
}

TEST(rcpt_update_same_as_before)
{
	static char bufs[10][MODEL_STR_MAX + 200];
	int bad = 0;
	for (int seq = 0; seq < 20000 && bad < 5; seq++) {
		struct rcpt a, b;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		int steps = 1 + (int)(rnd() % 5);
		for (int k = 0; k < steps; k++) {
			static struct event ev;
			memset(&ev, 0, sizeof ev);
			struct span to = field(bufs[0], sizeof bufs[0]), orig = field(bufs[1], sizeof bufs[1]);
			ev.status = field(bufs[2], sizeof bufs[2]);
			ev.dsn = field(bufs[3], sizeof bufs[3]);
			ev.relay = field(bufs[4], sizeof bufs[4]);
			ev.reason = field(bufs[5], sizeof bufs[5]);
			ev.delay = field(bufs[6], sizeof bufs[6]);
			ev.delays = field(bufs[7], sizeof bufs[7]);
			const struct event *e = rnd() % 8 ? &ev : NULL;
			model_rcpt_update(&a, to, orig, e);
			rcpt_update_before(&b, to, orig, e);
			if (!same_rcpt(&a, &b) && bad++ < 5)
				test_fail(__FILE__, __LINE__, "model_rcpt_update differs (sequence %d, step %d)", seq, k);
		}
		free(a.blob);
		free(b.blob);
	}
	CHECK_INT(bad, 0);
}

TEST(mailbox_agent_same_as_before)
{
	static const char *const names[] = {"local", "virtual", "pipe", "lmtp", "error", "qmgr", "smtp",
					    "smtpd", "relay", "retry", "discard", "lmtpx", "pip", "Local",
					    "virtua", "virtuals", "qmgrr", "error ", "locall", "", "nqmgr",
					    "oqmgr", "bounce"};
	int bad = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		for (size_t k = 0; k <= n; k++) { /* the name and its prefixes */
			char *t = malloc(k ? k : 1);
			memcpy(t, names[i], k);
			struct span s = span_make(t, k);
			const char *got = model_mailbox_agent(s), *want = mailbox_agent_before(s);
			if ((got == NULL) != (want == NULL) || (got && strcmp(got, want))) {
				bad++;
				test_fail(__FILE__, __LINE__, "model_mailbox_agent(\"%.*s\"): got %s, want %s", (int)k,
					  t, got ? got : "NULL", want ? want : "NULL");
			}
			free(t);
		}
	}
	CHECK_INT(bad, 0);
}
