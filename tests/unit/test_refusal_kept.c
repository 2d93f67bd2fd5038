/*
 * test_refusal_kept.c - a session's first refusal no rule explains
 * (users.c's diag_user_refusal): its cause, whether it is a milter's
 * content verdict and whether the client is a large provider's server,
 * asked ahead on the reading thread (diag_front keeps them in the note,
 * speed23) must be what the consumer computes itself: on random
 * refusals, the note's answer equals the former code's plain questions,
 * and a session's slot filled from the note equals one filled without;
 * the refusal's client's kind (diag_addr_kind, for diag_accepted_event)
 * kept in the note is the plain answer.
 */
#include "tap.h"
#include "diagnose/diag_internal.h"
#include "parse/event.h"
#include "parse/provider.h"
#include "syslog/prefix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rnd_state = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void)
{
	return tap_rnd(&rnd_state);
}

/* pick - one of the strings of a NULL-ended list, or an unset span */
static struct span pick(const char *const *list, size_t n)
{
	const char *s = list[next() % n];
	return s ? span_of(s) : SPAN_NULL;
}
#define PICK(list) pick(list, sizeof list / sizeof list[0])

/* plain - the former code of diag_user_refusal's first refusal: 0 when
 * it keeps nothing of the event, else its answers as DIAG_REFUSAL_ bits */
static unsigned plain(const struct event *ev, char *why, size_t n)
{
	if (ev->type != EV_REJECT || !span_eqs(ev->line->daemon, "smtpd"))
		return 0;
	bool milter = span_eqs(ev->action, "milter-reject");
	if (!milter && !span_eqs(ev->action, "reject"))
		return 0;
	if (!diag_refusal_why(ev, why, n))
		return DIAG_REFUSAL_ASKED;
	return DIAG_REFUSAL_ASKED | DIAG_REFUSAL_WHY |
	       (milter && !ev_sender_auth_text(ev->reason) ? DIAG_REFUSAL_CONTENT : 0) |
	       (ev_provider_server(ev->client_name, ev->client_ip, ev->helo) ? DIAG_REFUSAL_PROVIDER : 0);
}

TEST(refusal_kept_same_as_plain)
{
	static const char *const parts[] = {
	    "<bob@example.com>: ", "Recipient address rejected: ", "Relay access denied",
	    "Client host rejected: ", "blocked using ", "zen.spamhaus.org", "; from=<a@b>", ";",
	    " [192.0.2.1]", " [", ",", "Access denied", "User unknown", "Domain not found",
	    "5.7.1 Spam message rejected", "SPF fail", "DMARC policy", "DKIM", "Message content rejected",
	    "Service unavailable", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    "\"", "x", " ", "Improper use of SMTP command pipelining", "Helo command rejected: Host not found"};
	static const char *const actions[] = {"reject", "milter-reject", "reject_warning", "discard", NULL};
	static const char *const daemons[] = {"smtpd", "smtpd", "postscreen", "cleanup"};
	static const char *const names[] = {"unknown", "mail-wr1-f41.google.com", "mx.example.net",
					    "mail-am6eur05on2041.outbound.protection.outlook.com", NULL};
	static const char *const ips[] = {"209.85.128.5", "40.92.1.1", "198.51.100.7", "10.1.2.3", "127.0.0.1", "fd00::1", "x"};
	static const char *const helos[] = {"mail-wr1-f41.google.com", "EUR05-AM6-obe.outbound.protection.outlook.com",
					    "mx.example.net", "x", NULL};
	static const char *const codes[] = {"550", "554", "450", NULL};
	static const char *const dsns[] = {"5.7.1", "5.1.1", "4.7.1", NULL};
	static const enum ev_type types[] = {EV_REJECT, EV_REJECT, EV_REJECT, EV_CLEANUP_ACTION};
	struct diag *d1 = diag_new(), *d2 = diag_new();
	size_t kept = 0, whys = 0, contents = 0, providers = 0, firsts = 0, kinds = 0;
	char text[700];
	for (int round = 0; round < 100000; round++) {
		size_t len = 0;
		tap_parts(text, &len, sizeof text, parts, sizeof parts / sizeof *parts, (int)(next() % 7), &rnd_state);
		struct logline l = {0};
		l.daemon = PICK(daemons);
		l.pid = 100 + (int64_t)(next() % 3);
		l.raw = span_make(text, len);
		l.text = l.raw;
		struct event ev = {0};
		ev.line = &l;
		ev.type = types[next() % (sizeof types / sizeof *types)];
		ev.reason = span_make(text, len);
		ev.action = PICK(actions);
		ev.client_name = PICK(names);
		ev.client_ip = span_of(ips[next() % (sizeof ips / sizeof *ips)]);
		ev.helo = PICK(helos);
		ev.code = PICK(codes);
		ev.dsn = PICK(dsns);
		ev.stage = span_of("RCPT");

		/* the note, as the reading thread writes it (the bytes of a
		 * note used before: never cleared per line) */
		struct diag_note n;
		memset(&n, 0x5a, sizeof n);
		diag_front(&ev, &n, next() % 2 ? DIAG_FRONT_USUAL : DIAG_FRONT_ALL);
		/* the client's kind, kept for every refusal looked at */
		if (n.looked && ev.type == EV_REJECT &&
		    n.addr_kind != 1 + (unsigned)diag_addr_kind(ev.client_ip)) {
			test_fail(__FILE__, __LINE__, "round %d: kind %u kept for %.*s, want 1 + %d", round,
				  n.addr_kind, (int)ev.client_ip.n, ev.client_ip.p, diag_addr_kind(ev.client_ip));
			break;
		}
		kinds += n.looked && ev.type == EV_REJECT && n.addr_kind == 1 + ADDR_PRIVATE;
		char want[DIAG_KEY_MAX];
		unsigned p = plain(&ev, want, sizeof want);
		if (!n.looked || n.hit) {
			if (n.looked && n.refusal) {
				test_fail(__FILE__, __LINE__, "round %d: a hit kept a refusal's answer %u", round,
					  n.refusal);
				break;
			}
		} else if (n.refusal != p || ((p & DIAG_REFUSAL_WHY) && strcmp(n.h.key, want))) {
			test_fail(__FILE__, __LINE__, "round %d: kept %u \"%.40s\", want %u \"%.40s\"", round,
				  n.refusal, n.h.key, p, want);
			break;
		} else {
			kept += p != 0;
			whys += (p & DIAG_REFUSAL_WHY) != 0;
			contents += (p & DIAG_REFUSAL_CONTENT) != 0;
			providers += (p & DIAG_REFUSAL_PROVIDER) != 0;
		}

		/* a session's slot filled from the note and without it */
		if (next() % 4 == 0) {
			diag_serving_take(d1, l.pid, ev.client_ip);
			diag_serving_take(d2, l.pid, ev.client_ip);
		}
		diag_user_refusal(d1, &ev, 0, NULL);
		diag_user_refusal(d2, &ev, n.looked && !n.hit ? n.refusal : 0, n.h.key);
		int i1 = diag_serving_find(d1, l.pid), i2 = diag_serving_find(d2, l.pid);
		if (i1 != i2) {
			test_fail(__FILE__, __LINE__, "round %d: slots %d and %d", round, i1, i2);
			break;
		}
		if (i1 < 0)
			continue;
		firsts += d1->serving[i1].refused == 1;
		if (d1->serving[i1].refused != d2->serving[i2].refused ||
		    (d1->serving[i1].refused && strcmp(d1->serving[i1].why, d2->serving[i2].why)) ||
		    d1->serving[i1].content != d2->serving[i2].content ||
		    d1->serving[i1].provider != d2->serving[i2].provider ||
		    !d1->serving[i1].sample != !d2->serving[i2].sample ||
		    (d1->serving[i1].sample && strcmp(d1->serving[i1].sample, d2->serving[i2].sample))) {
			test_fail(__FILE__, __LINE__, "round %d: the slot differs (%u \"%.40s\" %d %d, %u \"%.40s\" %d %d)",
				  round, d1->serving[i1].refused, d1->serving[i1].why, d1->serving[i1].content,
				  d1->serving[i1].provider, d2->serving[i2].refused, d2->serving[i2].why,
				  d2->serving[i2].content, d2->serving[i2].provider);
			break;
		}
	}
	diag_free(d1);
	diag_free(d2);
	/* each kind of answer seen, not only the empty ones */
	CHECK(kept > 10000);
	CHECK(whys > 5000);
	CHECK(contents > 500);
	CHECK(providers > 500);
	CHECK(firsts > 1000);
	CHECK(kinds > 1000);
}

/* an smtpd client accepted without a login: whether its name is a large
 * provider's (diag_hit_event's provider_accepted_last) kept in the note
 * by diag_front (speed24) must be provider_name's answer, and two
 * states, one fed the notes and one asking itself, must keep the same
 * last time */
TEST(client_provider_kept_same_as_plain)
{
	static const char *const names[] = {"unknown", "mail-wr1-f41.google.com", "mx.example.net",
					    "mail-am6eur05on2041.outbound.protection.outlook.com",
					    "o1.outbound-mail.SendGrid.net", "google.com.example.net", NULL};
	static const char *const daemons[] = {"smtpd", "smtpd", "postscreen", "cleanup"};
	static const enum ev_type types[] = {EV_CLIENT, EV_CLIENT, EV_CLIENT, EV_CONNECT, EV_REJECT};
	struct diag *d1 = diag_new(), *d2 = diag_new();
	size_t asked = 0, yes = 0, bad = 0;
	int64_t us = 1000000;
	for (int round = 0; round < 50000; round++) {
		struct logline l = {0};
		l.daemon = PICK(daemons);
		l.pid = 100 + (int64_t)(next() % 3);
		us += (int64_t)(next() % 3) * 1000000 - (next() % 8 == 0 ? 2000000 : 0);
		l.ts.us = us;
		struct event ev = {0};
		ev.line = &l;
		ev.type = types[next() % (sizeof types / sizeof *types)];
		ev.client_name = PICK(names);
		ev.client_ip = span_of("198.51.100.7");
		ev.sasl_username = next() % 4 == 0 ? span_of("alice") : SPAN_NULL;
		struct diag_note n;
		memset(&n, 0x5a, sizeof n);
		diag_front(&ev, &n, next() % 2 ? DIAG_FRONT_USUAL : DIAG_FRONT_ALL);
		bool want_asked = ev.type == EV_CLIENT && span_eqs(l.daemon, "smtpd") && !ev.sasl_username.n;
		if (n.looked && ev.type == EV_CLIENT &&
		    n.provider != (want_asked ? 1 + (provider_name(ev.client_name) != NULL) : 0)) {
			if (bad++ < 5)
				test_fail(__FILE__, __LINE__, "round %d: provider %u kept for %.*s", round,
					  n.provider, (int)ev.client_name.n, ev.client_name.p);
		}
		asked += n.looked && want_asked;
		yes += n.looked && want_asked && n.provider == 2;
		diag_event_noted(d1, &ev, &n);
		if (!diag_passes_by(&ev))
			diag_event(d2, &ev);
		if (d1->provider_accepted_last.us != d2->provider_accepted_last.us) {
			if (bad++ < 5)
				test_fail(__FILE__, __LINE__, "round %d: last %lld, want %lld", round,
					  (long long)d1->provider_accepted_last.us,
					  (long long)d2->provider_accepted_last.us);
		}
	}
	diag_free(d1);
	diag_free(d2);
	CHECK_INT(bad, 0);
	CHECK(asked > 5000);
	CHECK(yes > 1000);
}
