/*
 * test_delivery_status.c - pc_delivery_status (delivery.c) tells the keys
 * of a status line by their first byte and tests to=<...>'s next keys in
 * place (speed11): the same answer and the same event, byte for byte, as
 * the former function (the keys tried in turn with pc_word_value, the
 * value read by pc_angle_value), on random status lines made of the
 * keys, their look-alikes, quoted and bracketed addresses, ", " and
 * blanks, "queued as " and "forwarded as ", NULs and junk, cut anywhere.
 */
#include "tap.h"
#include "parse/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the former function and its helpers, as they were */
static void set_relay_before(struct event *ev, struct span r)
{
	struct span name, ip, port;
	ev->relay = r;
	if (pc_namaddr(r, &name, &ip, &port)) {
		ev->relay_name = name;
		if (span_chr(ip, '/') < 0)
			ev->relay_ip = ip;
		ev->relay_port = port;
	} else {
		ev->relay_name = r;
	}
}

static bool take_qid_after_before(struct span s, const char *marker, bool any_mta, struct span *qid)
{
	struct span v = span_find(s, marker);
	if (!v.p)
		return false;
	v = span_skip(v, strlen(marker));
	size_t i = 0;
	while (i < v.n && ((v.p[i] >= '0' && v.p[i] <= '9') || (v.p[i] >= 'A' && v.p[i] <= 'Z') ||
			   (v.p[i] >= 'a' && v.p[i] <= 'z')))
		i++;
	if (!pc_queue_id(span_head(v, i)) && !(any_mta && i >= 5))
		return false;
	*qid = span_head(v, i);
	return true;
}

static bool skip_item_before(struct span *t)
{
	struct span junk;
	return span_until(t, ", ", &junk);
}

static bool delivery_status_before(struct span t, struct event *ev)
{
	static const char *const after_to[] = {", orig_to=<", ", relay=", NULL};
	static const char *const after_orig[] = {", relay=", NULL};
	struct span v;
	if (span_starts(t, "to=<")) {
		if (!pc_angle_value(&t, "to", after_to, &v))
			return false;
	} else if (span_eat(&t, "to=")) {
		ptrdiff_t k = span_index(t, ", relay=");
		ptrdiff_t o = span_index(t, ", orig_to=");
		if (o >= 0 && (k < 0 || o < k))
			k = o;
		if (k < 0)
			return false;
		v = span_head(t, (size_t)k);
		t = span_skip(t, (size_t)k);
	} else {
		return false;
	}
	ev->to = v;
	if (span_eat(&t, ", ") && span_starts(t, "orig_to=")) {
		if (pc_angle_value(&t, "orig_to", after_orig, &v)) {
			ev->orig_to = v;
		} else {
			t = span_skip(t, 8);
			ptrdiff_t k = span_index(t, ", relay=");
			if (k < 0)
				return false;
			ev->orig_to = span_head(t, (size_t)k);
			t = span_skip(t, (size_t)k);
		}
		if (!span_eat(&t, ", "))
			return false;
	}
	bool relay = false;
	for (;;) {
		if (pc_word_value(&t, "relay", &v)) {
			set_relay_before(ev, v);
			relay = true;
		} else if (pc_word_value(&t, "conn_use", &v)) {
			ev->conn_use = v;
		} else if (pc_word_value(&t, "delays", &v)) {
			ev->delays = v;
		} else if (pc_word_value(&t, "delay", &v)) {
			ev->delay = v;
		} else if (pc_word_value(&t, "tls", &v)) {
			ev->tls_level = v;
		} else if (pc_word_value(&t, "dsn", &v)) {
			ev->dsn = v;
		} else if (pc_word_value(&t, "status", &v)) {
			ev->status = v;
			if (span_eat(&t, " (")) {
				if (span_ends(t, ")"))
					t.n--;
				ev->reason = t;
			} else if (t.n) {
				ev->reason = span_trim(t);
				if (span_eat(&ev->reason, ","))
					ev->reason = span_trim(ev->reason);
			}
			break;
		} else if (!skip_item_before(&t)) {
			break;
		} else {
			continue;
		}
		if (!span_eat(&t, ", "))
			break;
	}
	if (!relay && !ev->status.p)
		return false;
	struct span nq;
	if (ev->reason.p &&
	    (take_qid_after_before(ev->reason, "queued as ", span_eqs(ev->status, "sent"), &nq) ||
	     take_qid_after_before(ev->reason, "forwarded as ", false, &nq)))
		ev->new_queue_id = nq;
	ev->type = EV_DELIVERY;
	return true;
}

static uint64_t rnd_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

TEST(delivery_status_same_as_before)
{
	static const char *const parts[] = {
	    "to=<", "to=", "orig_to=<", "orig_to=", ", ", ",", " ", "<", ">", "\"", "\\", "a@b.test",
	    "user", "relay=", "relay", "rela=", "mx.example.test[192.0.2.1]:25", "local",
	    "private/dovecot-lmtp", "h[/var/run/lmtp]", "none", "conn_use=", "conn_use", "2",
	    "delays=", "delay=", "delay", "delayx=", "delays", "0.1/0/0.2/0.3", "1.5", "tls=",
	    "tls", "may/TLSv1.3", "dsn=", "dsn", "ds=", "2.0.0", "5.1.1", "status=", "status",
	    "statu=", "sent", "deferred", "bounced", "expired", " (", ")", "(", "queued as ",
	    "forwarded as ", "queued as", "3F1A2B4C5D", "4Yz9kLmNp2qRsTx", "ABCDE", "x=", "=",
	    "250 2.0.0 Ok: ", "returned to sender", "d", "s", "t", "r", "c", "\0"};
	const size_t nparts = sizeof parts / sizeof *parts;
	char t[256];
	unsigned ok = 0, qids = 0, relays = 0, reasons = 0;
	for (int round = 0; round < 300000; round++) {
		size_t n = 0;
		if (rnd() % 2) { /* a real shape, then perhaps a byte changed */
			static const char *const tos[] = {"to=<a@b.test>", "to=<\"a>, b\"@c.test>",
							  "to=<a>b@c.test>", "to=a@b.test", "to=<>",
							  "to=<a@b.test"};
			static const char *const origs[] = {"", ", orig_to=<x@y.test>", ", orig_to=x",
							    ", orig_to=<x>, relay=y>"};
			static const char *const relays_[] = {"relay=mx.example.test[192.0.2.1]:25",
							      "relay=local", "relay=none",
							      "relay=h[/var/run/lmtp]", "relay=",
							      "relay=a,b"};
			static const char *const mids[] = {"", ", conn_use=2", ", tls=may",
							   ", delayx=3", ", foo=bar"};
			static const char *const tails[] = {
			    ", dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 3F1A2B4C5D)",
			    ", dsn=2.0.0, status=sent (250 ok forwarded as ABCDEF)",
			    ", dsn=2.0.0, status=sent (250 ok queued as abcde)",
			    ", dsn=4.4.1, status=deferred (connect to x: timed out)",
			    ", dsn=5.0.0, status=bounced (queued as 12 forwarded as 3F1A2B4C5D)",
			    ", dsn=4.0.0, status=expired, returned to sender",
			    ", status=sent", ", dsn=2.0.0, status=", ""};
			n = (size_t)snprintf(t, sizeof t, "%s%s, %s, delay=0.5, delays=0.1/0/0.2/0.2%s%s",
					     tos[rnd() % 6], origs[rnd() % 4], relays_[rnd() % 6],
					     mids[rnd() % 5], tails[rnd() % 9]);
			if (n >= sizeof t)
				n = sizeof t - 1;
			if (rnd() % 3 == 0)
				t[rnd() % n] = "<>, =()\"\\\0sdtrc"[rnd() % 15];
		}
		tap_parts(t, &n, sizeof t, parts, nparts, n ? (int)(rnd() % 3) : 1 + (int)(rnd() % 24),
			  &rnd_state);
		if (rnd() % 5 == 0 && n) {
			n -= 1 + rnd() % n; /* cut short */
		} else if (rnd() % 4 == 0 && n) {
			/* cut just before a '<', '=', '>' or ' ': the bytes past the
			 * end are those a read one byte too far would match */
			size_t at = rnd() % n;
			while (at < n && !strchr("<=> ", t[at]))
				at++;
			if (at < n)
				n = at;
		}
		/* in a buffer of its own size: a read past the end is ASan's */
		char *h = malloc(n ? n : 1);
		memcpy(h, t, n);
		struct span s = span_make(h, n);
		struct event a, b;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		bool ra = pc_delivery_status(s, &a), rb = delivery_status_before(s, &b);
		if (ra != rb || memcmp(&a, &b, sizeof a) != 0) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\": %d, want %d (event %s)", round,
				  (int)n, t, ra, rb, ra == rb ? "differs" : "-");
			free(h);
			return;
		}
		free(h);
		ok += ra;
		qids += b.new_queue_id.p != NULL;
		relays += b.relay.p != NULL;
		reasons += b.reason.p != NULL;
	}
	/* the draws reach every part of the function */
	CHECK(ok > 60000);
	CHECK(ok < 270000);
	CHECK(qids > 5000);
	CHECK(relays > 50000);
	CHECK(reasons > 30000);
}
