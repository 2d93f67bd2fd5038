/*
 * delays.c - where delivered mail lost its time, by the four parts of
 * Postfix's "delays=a/b/c/d" (global/log_adhoc.c): a, before the queue
 * manager (the client's transmission, a before-queue milter or content
 * filter, cleanup, the incoming queue); b, in the queue manager (waiting
 * in the active queue for a delivery agent); c, the connection's setup
 * (DNS, connect, greeting, HELO, TLS); d, the transmission.  Read over
 * the model's closed messages, for recipients delivered (status=sent):
 *  - a: only a message's first attempt (a retried message's a holds its
 *    time in the deferred queue), of a message whose arrival the log
 *    holds;
 *  - c, d: only SMTP deliveries to another host (not loopback, not a
 *    socket, not LMTP or another of this host's own backends), per next
 *    hop; three or more
 *    unrelated hops slow is this host's resolver or link, not theirs.
 * Each needs several messages (DL_MIN_*), never one; but one message that
 * waited DL_ONE_SLOW or more in the active queue (b), or before it when it
 * was submitted on this host (a of a pickup: no client's link to blame),
 * is told too: a pasted excerpt of one slow message is the question.
 */
#include "diag_internal.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DL_A_SLOW 30.0       /* seconds before the queue manager */
#define DL_B_SLOW 60.0       /* seconds in the active queue */
#define DL_C_SLOW 30.0       /* seconds to set up the connection */
#define DL_D_SLOW 60.0       /* seconds to transmit */
#define DL_MIN_QUEUE 5       /* messages slow in a or b */
#define DL_ONE_SLOW 900.0    /* ... or one message this slow (a: submitted locally) */
#define DL_MIN_CLIENTS 2     /* ... a from that many clients (one is that client's link) */
#define DL_MIN_HOP 3         /* messages slow in c or d to one next hop */
#define DL_MANY_HOPS 3       /* that many hops slow: this host's side */
#define DL_HOPS 64           /* next hops followed */
#define DL_NAME 128

enum dl_part { DL_A, DL_B, DL_C, DL_D, DL__PARTS };

/* what is kept of one slowness: messages, recipients, times, subjects,
 * samples */
struct dl_slow {
	uint64_t msgs, rcpts;
	struct stamp first, last;
	struct strset subjects;      /* clients (a) or recipient domains */
	uint32_t nsample;
	char *sample[DIAG_SAMPLES];
};

/* a next hop of SMTP or LMTP deliveries, slow in c or d */
struct dl_hop {
	char name[DL_NAME];
	struct dl_slow part[2];      /* c, d */
};

struct diag_delays {
	struct dl_slow queue[2];     /* a, b */
	bool one[2];                 /* one message past DL_ONE_SLOW in a (local) or b */
	struct dl_hop *hop[DL_HOPS];
	uint32_t nhop;
	uint64_t hops_dropped;
};

static void slow_init(struct dl_slow *s)
{
	strset_init(&s->subjects, DIAG_SUBJECTS);
}

static void slow_free(struct dl_slow *s)
{
	strset_free(&s->subjects);
	for (uint32_t i = 0; i < s->nsample; i++)
		free(s->sample[i]);
}

/* delays_get - the state, made on first use */
static struct diag_delays *delays_get(struct diag *d)
{
	if (!d->delays) {
		d->delays = xcalloc(1, sizeof *d->delays);
		slow_init(&d->delays->queue[0]);
		slow_init(&d->delays->queue[1]);
	}
	return d->delays;
}

/* plain_number - the usual field of delays=, "digits" or "digits.digits"
 * with at most 15 digits in all, ending at stop: its value into *v and the
 * end into *end; false for any other shape (then strtod reads it).  The
 * digits make an integer n < 2^53 and 10^k (k <= 15) is exact, so n / 10^k
 * is one correctly rounded division: the double strtod gives for the text
 * (Clinger's fast path; test_delays.c holds it to strtod) */
static bool plain_number(const char *p, char stop, double *v, const char **end)
{
	static const double pow10[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
					 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	uint64_t n = 0;
	int digits = 0, frac = 0;
	const char *q = p;
	while (*q >= '0' && *q <= '9' && digits < 16)
		n = n * 10 + (uint64_t)(*q++ - '0'), digits++;
	if (!digits)
		return false;
	if (*q == '.' && q[1] >= '0' && q[1] <= '9') {
		q++;
		while (*q >= '0' && *q <= '9' && digits < 16)
			n = n * 10 + (uint64_t)(*q++ - '0'), digits++, frac++;
	}
	if (digits > 15 || *q != stop)
		return false;
	*v = (double)n / pow10[frac];
	*end = q;
	return true;
}

/* delays_parse_slow - diag_delays_parse on a NUL-ended copy, strtod for
 * any field that is not plain_number's shape */
static bool delays_parse_slow(struct span s, double out[4])
{
	char buf[96];
	if (!s.p || !s.n || s.n >= sizeof buf)
		return false;
	memcpy(buf, s.p, s.n);
	buf[s.n] = 0;
	char *p = buf;
	for (int i = 0; i < 4; i++) {
		char *end;
		const char *fast;
		if (plain_number(p, i < 3 ? '/' : 0, &out[i], &fast))
			end = p + (fast - p);
		else
			out[i] = strtod(p, &end);
		if (end == p || out[i] < 0 || (i < 3 && *end != '/') || (i == 3 && *end))
			return false;
		p = end + 1;
	}
	return true;
}

/* diag_delays_parse - "a/b/c/d" into four seconds; false unless all four
 * are there and are numbers.  The usual text, four fields of
 * plain_number's shape ("digits" or "digits.digits", 15 digits at most),
 * is read in place, in one pass over the span; anything else (a field of
 * another shape, a byte that is none of these) goes to delays_parse_slow,
 * which answers as before (test_delays.c holds both to strtod) */
bool diag_delays_parse(struct span s, double out[4])
{
	static const double pow10[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
					 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	if (!s.p || !s.n || s.n >= 96)
		return false;
	const unsigned char *q = (const unsigned char *)s.p, *e = q + s.n;
	for (int i = 0; i < 4; i++) {
		uint64_t n = 0;
		int digits = 0, frac = 0;
		while (q < e && (unsigned)(*q - '0') < 10 && digits < 16)
			n = n * 10 + (uint64_t)(*q++ - '0'), digits++;
		if (!digits)
			return delays_parse_slow(s, out);
		if (q + 1 < e && *q == '.' && (unsigned)(q[1] - '0') < 10) {
			q++;
			while (q < e && (unsigned)(*q - '0') < 10 && digits < 16)
				n = n * 10 + (uint64_t)(*q++ - '0'), digits++, frac++;
		}
		if (digits > 15 || (i < 3 ? q == e || *q != '/' : q != e))
			return delays_parse_slow(s, out);
		out[i] = (double)n / pow10[frac];
		q++;
	}
	return true;
}

/* hop_name - the next hop of a delivery to another host: the name before
 * "[address]", not loopback nor a socket ("private/...", "/path") */
static bool hop_name(const char *relay, char name[DL_NAME])
{
	const char *lb = relay ? strchr(relay, '[') : NULL;
	const char *rb = lb ? strchr(lb, ']') : NULL;
	if (!lb || !rb || lb == relay || (size_t)(lb - relay) >= DL_NAME)
		return false;
	enum addr_kind k = diag_addr_kind(span_make(lb + 1, (size_t)(rb - lb - 1)));
	if (k != ADDR_PUBLIC && k != ADDR_PRIVATE)
		return false;
	memcpy(name, relay, (size_t)(lb - relay));
	name[lb - relay] = 0;
	return true;
}

/* rcpt_domain - the recipient's domain, or the whole address */
static struct span rcpt_domain(const char *to)
{
	const char *at = to ? strrchr(to, '@') : NULL;
	return span_of(at && at[1] ? at + 1 : to ? to : "");
}

/* sample - a delivery in the log's words */
static char *sample(const struct message *m, const struct rcpt *r)
{
	struct buf b = {0};
	buf_printf(&b, "%s: to=<%s>, relay=%s, delay=%s, delays=%s, dsn=%s, status=%s (%s)", m->qid,
		   r->to ? r->to : "", r->relay ? r->relay : "none", r->delay ? r->delay : "",
		   r->delays ? r->delays : "", r->dsn ? r->dsn : "", r->status ? r->status : "",
		   r->reason ? r->reason : "");
	char *s = xspandup(span_cut(buf_span(&b), DIAG_SAMPLE_MAX));
	buf_free(&b);
	return s;
}

/* slow_note - one recipient of m slow in this part (first: the message's
 * first in it) */
static void slow_note(struct dl_slow *s, const struct message *m, const struct rcpt *r, struct span subject,
		      bool first)
{
	s->rcpts++;
	s->msgs += first;
	strset_add(&s->subjects, subject);
	struct stamp t = r->last.us ? r->last : m->start;
	if (t.us && (!s->first.us || t.us < s->first.us))
		s->first = t;
	if (t.us && (!s->last.us || t.us > s->last.us))
		s->last = t;
	if (first && s->nsample < DIAG_SAMPLES)
		s->sample[s->nsample++] = sample(m, r);
}

/* hop_get - a next hop's record, made on first use; NULL past DL_HOPS */
static struct dl_hop *hop_get(struct diag_delays *s, const char *name)
{
	for (uint32_t i = 0; i < s->nhop; i++)
		if (!strcmp(s->hop[i]->name, name))
			return s->hop[i];
	if (s->nhop == DL_HOPS) {
		s->hops_dropped++;
		return NULL;
	}
	struct dl_hop *h = xcalloc(1, sizeof *h);
	strcpy(h->name, name);
	slow_init(&h->part[0]);
	slow_init(&h->part[1]);
	s->hop[s->nhop++] = h;
	return h;
}

/* diag_delays_message - a closed message's delivered recipients, by the
 * parts of their delays= */
void diag_delays_message(struct diag *d, const struct message *m)
{
	bool seen[DL__PARTS] = {0};
	struct diag_delays *s = NULL;
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		double t[4];
		if (!r->status || strcmp(r->status, "sent") || !r->delays ||
		    !diag_delays_parse(span_of(r->delays), t))
			continue;
		if (!s)
			s = delays_get(d);
		/* a: a first attempt of a message that arrived within the log */
		if (t[DL_A] >= DL_A_SLOW && r->attempts == 1 && !r->deferrals && m->origin != ORIGIN_UNKNOWN) {
			const char *who = m->client_ip ? m->client_ip : m->origin == ORIGIN_PICKUP ? "local" : "?";
			slow_note(&s->queue[0], m, r, span_of(who), !seen[DL_A]);
			seen[DL_A] = true;
			s->one[0] |= t[DL_A] >= DL_ONE_SLOW && m->origin == ORIGIN_PICKUP;
		}
		if (t[DL_B] >= DL_B_SLOW) {
			s->one[1] |= t[DL_B] >= DL_ONE_SLOW;
			slow_note(&s->queue[1], m, r, rcpt_domain(r->to), !seen[DL_B]);
			seen[DL_B] = true;
		}
		char name[DL_NAME];
		if ((t[DL_C] < DL_C_SLOW && t[DL_D] < DL_D_SLOW) || r->agent || !hop_name(r->relay, name))
			continue;
		struct dl_hop *h = hop_get(s, name);
		if (!h)
			continue;
		for (int p = DL_C; p <= DL_D; p++)
			if (t[p] >= (p == DL_C ? DL_C_SLOW : DL_D_SLOW)) {
				/* a message counted once per part (one next hop per attempt) */
				slow_note(&h->part[p - DL_C], m, r, rcpt_domain(r->to), !seen[p]);
				seen[p] = true;
			}
	}
}

/* to_group - a slowness told as finding id, keyed key */
static struct diag_group *to_group(struct diag *d, enum finding_id id, const char *key, struct dl_slow *s,
				   bool subjects)
{
	struct diag_group *g = diag_group_get(d, id, key);
	if (!g) {
		d->dropped += s->rcpts;
		return NULL;
	}
	g->lines += s->rcpts;
	g->recipients += s->rcpts;
	diag_group_time(g, s->first);
	diag_group_time(g, s->last);
	if (subjects) {
		size_t n;
		const char **all = diag_subjects(&(struct diag_group){.subjects = s->subjects}, &n);
		for (size_t i = 0; i < n; i++)
			strset_add(&g->subjects, span_of(all[i]));
		free(all);
		g->subjects.dropped += s->subjects.dropped;
	}
	for (uint32_t i = 0; i < s->nsample && g->nsample < DIAG_SAMPLES; i++) {
		g->sample[g->nsample++] = s->sample[i];
		s->sample[i] = NULL;
	}
	return g;
}

/* diag_delays_groups - at the end: the slownesses with enough messages;
 * three or more next hops slow are this host's side, in one group named
 * by them */
void diag_delays_groups(struct diag *d)
{
	struct diag_delays *s = d->delays;
	if (!s)
		return;
	if ((s->queue[0].msgs >= DL_MIN_QUEUE && strset_len(&s->queue[0].subjects) >= DL_MIN_CLIENTS) ||
	    s->one[0])
		to_group(d, F_DELAY_BEFORE_QMGR, "delays=a", &s->queue[0], true);
	if (s->queue[1].msgs >= DL_MIN_QUEUE || s->one[1])
		to_group(d, F_DELAY_IN_QMGR, "delays=b", &s->queue[1], true);
	uint32_t slow = 0;
	for (uint32_t i = 0; i < s->nhop; i++)
		slow += s->hop[i]->part[0].msgs >= DL_MIN_HOP || s->hop[i]->part[1].msgs >= DL_MIN_HOP;
	for (uint32_t i = 0; i < s->nhop; i++) {
		struct dl_hop *h = s->hop[i];
		bool ok[2] = {h->part[0].msgs >= DL_MIN_HOP, h->part[1].msgs >= DL_MIN_HOP};
		if (slow < DL_MANY_HOPS) {
			for (int p = 0; p < 2; p++)
				if (ok[p])
					to_group(d, p ? F_OUT_SLOW_TRANSFER : F_OUT_SLOW_SETUP, h->name, &h->part[p],
						 true);
			continue;
		}
		if (!ok[0] && !ok[1])
			continue;
		/* one hop's deliveries counted once: its slower part's */
		int p = !ok[0] || (ok[1] && h->part[1].rcpts > h->part[0].rcpts);
		struct diag_group *g = to_group(d, F_OUT_SLOW_EVERYWHERE, "delays=c/d", &h->part[p], false);
		if (g) /* named by the hops, not their recipients' domains */
			strset_add(&g->subjects, span_of(h->name));
	}
}

/* diag_delays_line_group - the group a delivery line of a slowness
 * belongs to, after diag_finish; or NULL */
const struct diag_group *diag_delays_line_group(const struct diag *d, const struct event *ev)
{
	double t[4];
	if (!d->delays || ev->type != EV_DELIVERY || !span_eqs(ev->status, "sent") ||
	    !diag_delays_parse(ev->delays, t))
		return NULL;
	char name[DL_NAME] = "";
	char relay[DL_NAME * 2];
	snprintf(relay, sizeof relay, "%.*s", (int)(ev->relay.n % sizeof relay), ev->relay.p ? ev->relay.p : "");
	bool hop = hop_name(relay, name);
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		bool mine = (g->id == F_DELAY_BEFORE_QMGR && t[DL_A] >= DL_A_SLOW) ||
			    (g->id == F_DELAY_IN_QMGR && t[DL_B] >= DL_B_SLOW);
		if (hop && (t[DL_C] >= DL_C_SLOW || t[DL_D] >= DL_D_SLOW))
			mine |= (g->id == F_OUT_SLOW_EVERYWHERE && strset_has(&g->subjects, span_of(name))) ||
				(g->id == F_OUT_SLOW_SETUP && t[DL_C] >= DL_C_SLOW && !strcmp(g->key, name)) ||
				(g->id == F_OUT_SLOW_TRANSFER && t[DL_D] >= DL_D_SLOW && !strcmp(g->key, name));
		if (mine)
			return g;
	}
	return NULL;
}

/* diag_delays_free - everything */
void diag_delays_free(struct diag *d)
{
	struct diag_delays *s = d->delays;
	if (!s)
		return;
	slow_free(&s->queue[0]);
	slow_free(&s->queue[1]);
	for (uint32_t i = 0; i < s->nhop; i++) {
		slow_free(&s->hop[i]->part[0]);
		slow_free(&s->hop[i]->part[1]);
		free(s->hop[i]);
	}
	free(s);
	d->delays = NULL;
}
