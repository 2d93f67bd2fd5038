/*
 * test_fault.c - fault.c's ev_reject_accuses_nobody, which reads a
 * refusal's text once (reply_scan), against the chain of the functions
 * it stands for, each searching the text on its own: random refusals
 * made of those functions' words (whole, cut, in the other case, a byte
 * changed, after a NUL, across the first 1 KiB) and of the fields they
 * look at.
 */
#include "tap.h"

#include <stdint.h>
#include "parse/event.h"
#include "parse/provider.h"
#include "syslog/prefix.h"
#include "util/cidr.h"

/* accuses_nobody_chain - ev_reject_accuses_nobody as it was written
 * before reply_scan: one search per question */
static bool accuses_nobody_chain(const struct event *ev)
{
	if (ev_reject_local_fault(ev))
		return true;
	if (ev_reject_unresolved_provider(ev) || ev_reject_provider_unknown_user(ev) ||
	    ev_reject_provider_relay_denied(ev) || ev_reject_provider_access_denied(ev, &(struct span){0}))
		return true;
	if (ev_reject_strict_helo(ev))
		return true;
	if (ev_reject_greylist(ev) || ev_reject_server_limit(ev) || ev_reject_mailbox_full(ev))
		return true;
	struct span dom;
	if (ev_reject_domain_not_found(ev, &dom) && provider_mailbox_domain(dom))
		return true;
	if (ev_reject_service_domain(ev, &dom))
		return true;
	return ev->type == EV_REJECT && span_eqs(ev->line->daemon, "postscreen") &&
	       span_find(ev->reason, "Service currently unavailable").p &&
	       (span_eqs(ev->dsn, "4.3.2") || span_find(ev->reason, "4.3.2").p ||
		span_eqs(ev->code, "450"));
}

static uint64_t rnd = 0x2545F4914F6CDD1DULL;
static uint64_t next(void)
{
	rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
	return rnd;
}

/* pick - one of the strings of a NULL-ended list, or an unset span for
 * the NULL */
static struct span pick(const char *const *list, size_t n)
{
	const char *s = list[next() % n];
	return s ? span_of(s) : SPAN_NULL;
}
#define PICK(list) pick(list, sizeof list / sizeof list[0])

TEST(accuses_nobody_same_as_chain)
{
	static const char *const words[] = {
	    "Service unavailable - try again later", "Server configuration problem",
	    "Server configuration error", "Insufficient system storage", "Temporary lookup failure",
	    "Error: too many hops", "Address lookup failure", "blocked using ", "Error: ", "Error: open resolver", "127.255.255.254", "127.0.0.2",
	    "Client host rejected: cannot find your ", "Client host rejected: cannot find your hostname",
	    "Client host rejected: cannot find your reverse hostname",
	    "Recipient address rejected: User unknown", "Helo command rejected: Host not found",
	    "Message size exceeds fixed limit", "Recipient address rejected", "Sender address rejected",
	    "Sender address rejected: Domain not found", "Recipient address rejected: Domain not found",
	    "Service currently unavailable", "4.3.2", "greylist", "graylist", "grey-list", "gray-list",
	    "grey list", "gray list", "try again later", "come back later", "come back in ",
	    "retry later", "mailbox full", "mailbox is full", "over quota", "quota exceeded",
	    "Service unavailable; Client host [203.0.113.9] ", "; ", " ", "<bob@example.com>: ",
	    "Relay access denied", "<ann@gmail.com>: ", "undeliverable address: ",
	    "unverified address: ", "mail for gmail.com loops back to myself",
	    "unknown mail transport error", "mail transport unavailable",
	    "delivery temporarily suspended: "};
	static const char bytes[] = "eErRgGlLaA :;.-[]4\xc7\xe7\0";
	static const char *const codes[] = {"450", "451", "554", "550", "4", "45", NULL};
	static const char *const dsns[] = {"4.3.2", "5.2.2", "4.2.2", "5.7.1", "4.7.1", NULL};
	static const char *const actions[] = {"reject", "milter-reject", "reject_warning", "hold", NULL};
	static const char *const stages[] = {"RCPT", "DATA", "CONNECT", "EHLO", NULL};
	static const char *const daemons[] = {"smtpd", "postscreen", "cleanup"};
	static const char *const names[] = {"unknown", "mail-wr1-f41.google.com", "mx.example.net",
					    "mail.protection.outlook.com", "o1.outbound-mail.SendGrid.net",
					    "bad-sendgrid.net", NULL};
	static const char *const ips[] = {"209.85.128.5", "40.92.1.1", "198.51.100.7", "127.0.0.1", "10.1.2.3", NULL};
	static const char *const helos[] = {"mail-wr1-f41.google.com", "mail.protection.outlook.com",
					    "mx.example.net", "[192.0.2.1]", "10.0.0.1", "x", NULL};
	static const char *const addrs[] = {"ann@gmail.com", "bob@example.org", "outlook.com", NULL};
	static const enum ev_type types[] = {EV_REJECT, EV_REJECT, EV_REJECT, EV_CLEANUP_ACTION,
					     EV_CLEANUP_ACTION, EV_WARNING};
	static char t[1400];
	size_t yes = 0, bad = 0, shown = 0, kept = 0, dnfs = 0, relays = 0, owns = 0;
	for (int i = 0; i < 400000; i++) {
		size_t n = 0;
		if (next() % 16 == 0) { /* a word near the end of the first 1 KiB */
			n = 990 + next() % 40;
			memset(t, 'x', n);
		}
		for (int k = (int)(next() % 6); k > 0; k--) {
			uint64_t r = next();
			const char *w = words[r % (sizeof words / sizeof words[0])];
			size_t len = strlen(w);
			if (r >> 8 & 1 && len > 1) /* cut */
				len -= 1 + (r >> 9) % (len - 1);
			if (n + len >= sizeof t)
				break;
			memcpy(t + n, w, len);
			for (size_t j = 0; j < len; j++) /* the other case */
				if (r >> (12 + j % 40) & 1 && r >> 60 == 0 && t[n + j] >= 'a' && t[n + j] <= 'z')
					t[n + j] = (char)(t[n + j] - 32);
				else if (r >> (12 + j % 40) & 1 && r >> 60 == 1 && t[n + j] >= 'A' &&
					 t[n + j] <= 'Z')
					t[n + j] = (char)(t[n + j] + 32);
			if (r >> 56 == 0) /* a byte changed */
				t[n + (r >> 20) % len] = bytes[(r >> 30) % (sizeof bytes - 1)];
			n += len;
			if (next() % 4 == 0 && n + 1 < sizeof t) /* a byte between */
				t[n++] = bytes[next() % (sizeof bytes - 1)];
		}
		struct logline l = {0};
		l.daemon = span_of(daemons[next() % 3]);
		struct event ev = {0};
		ev.line = &l;
		ev.type = types[next() % (sizeof types / sizeof types[0])];
		ev.reason = next() % 64 ? span_make(t, n) : SPAN_NULL;
		ev.code = PICK(codes);
		ev.dsn = PICK(dsns);
		ev.action = PICK(actions);
		ev.stage = PICK(stages);
		ev.client_name = PICK(names);
		ev.client_ip = PICK(ips);
		ev.helo = PICK(helos);
		ev.from = PICK(addrs);
		ev.to = PICK(addrs);
		bool want = accuses_nobody_chain(&ev);
		yes += want;
		if (ev_reject_accuses_nobody(&ev) != want) {
			bad++;
			if (shown++ < 5)
				test_fail(__FILE__, __LINE__, "type %d code %.*s dsn %.*s: \"%.*s\": want %d",
					  (int)ev.type, (int)ev.code.n, ev.code.n ? ev.code.p : "",
					  (int)ev.dsn.n, ev.dsn.n ? ev.dsn.p : "", (int)n, t, want);
		}
		/* asked ahead (the reading thread's front) and kept: the same
		 * answer read from the event; kept only for the refusals the
		 * model and the analysis ask about */
		struct span dom = SPAN_NULL, kept_dom = SPAN_NULL;
		bool dnf = ev_reject_domain_not_found(&ev, &dom);
		dnfs += dnf;
		bool relay = ev_reject_relay_denied(&ev), own = ev_client_own_network(&ev);
		relays += relay;
		owns += own;
		ev_keep_refusal(&ev);
		if (ev_reject_relay_denied(&ev) != relay || ev_client_own_network(&ev) != own ||
		    relay != (span_find(ev.reason, "Relay access denied").p != NULL) ||
		    own != cidr_own_network(ev.client_ip.p, ev.client_ip.n) ||
		    (ev.kept_relay != 0) != (ev.type == EV_REJECT) ||
		    (ev.kept_own != 0) != (ev.type == EV_REJECT && span_eqs(ev.action, "reject") &&
					   span_eqs(ev.line->daemon, "smtpd"))) {
			bad++;
			if (shown++ < 5)
				test_fail(__FILE__, __LINE__, "kept relay %d own %d: \"%.*s\": want %d %d",
					  ev.kept_relay, ev.kept_own, (int)n, t, relay, own);
		}
		if ((ev.kept_dnf != 0) != (ev.type == EV_REJECT) ||
		    ev_reject_domain_not_found(&ev, &kept_dom) != dnf || kept_dom.p != dom.p ||
		    kept_dom.n != dom.n) {
			bad++;
			if (shown++ < 5)
				test_fail(__FILE__, __LINE__, "kept_dnf %d: \"%.*s\": want %d", ev.kept_dnf,
					  (int)n, t, dnf);
		}
		bool kept_for = ev.type == EV_REJECT &&
				(span_eqs(ev.action, "reject") || span_eqs(ev.action, "milter-reject") ||
				 span_eqs(ev.line->daemon, "postscreen"));
		kept += ev.kept_nobody != 0;
		if ((ev.kept_nobody != 0) != kept_for || ev_reject_accuses_nobody(&ev) != want) {
			bad++;
			if (shown++ < 5)
				test_fail(__FILE__, __LINE__, "kept %d: \"%.*s\": want %d", ev.kept_nobody,
					  (int)n, t, want);
		}
	}
	CHECK_INT(bad, 0);
	CHECK(yes > 40000);
	CHECK(yes < 360000);
	CHECK(kept > 100000);
	CHECK(dnfs > 1000);
	CHECK(relays > 1000);
	CHECK(owns > 1000);
}

/* a slot of the ring is parsed into again and again: a kept answer is
 * cleared with the rest of the event (ev_reset), so the next refusal
 * parsed there is asked afresh (speed22) */
TEST(accuses_nobody_kept_cleared)
{
	struct logline l = {0};
	l.daemon = span_of("smtpd");
	static struct event ev;
	ev_reset(&ev, &l);
	ev.type = EV_REJECT;
	ev.action = span_of("reject");
	ev.code = span_of("451");
	ev.dsn = span_of("4.3.5");
	ev.reason = span_of("<a@example.org>: Recipient address rejected: Server configuration problem");
	ev_keep_refusal(&ev);
	CHECK_INT(ev.kept_nobody, 2);
	CHECK(ev_reject_accuses_nobody(&ev));
	CHECK_INT(ev.kept_dnf, 1);
	ev_reset(&ev, &l); /* the next line in the same slot */
	CHECK_INT(ev.kept_nobody, 0);
	CHECK_INT(ev.kept_dnf, 0);
	ev.type = EV_REJECT;
	ev.action = span_of("reject");
	ev.code = span_of("554");
	ev.dsn = span_of("5.7.1");
	ev.reason = span_of("Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org");
	CHECK(!ev_reject_accuses_nobody(&ev));
	ev_keep_refusal(&ev);
	CHECK_INT(ev.kept_nobody, 1);
	CHECK(!ev_reject_accuses_nobody(&ev));
}

/* each clause on a refusal in Postfix's words, beside a look-alike that
 * must not count (the random texts above hold the scan to the chain;
 * these hold both to what the clauses mean) */
TEST(accuses_nobody_each_clause)
{
	static const struct {
		const char *daemon, *action, *code, *dsn, *client, *ip, *helo, *from, *text;
		bool want;
	} rows[] = {
	    {"smtpd", "reject", "451", "4.3.5", "unknown", "192.0.2.1", "x", NULL,
	     "<a@b.example>: Recipient address rejected: Server configuration problem", true},
	    {"smtpd", "reject", "554", "5.7.1", "unknown", "192.0.2.1", "x", NULL,
	     "Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open "
	     "resolver; https://www.spamhaus.org/returnc/pub/203.0.113.7",
	     true},
	    {"smtpd", "reject", "554", "5.7.1", "unknown", "192.0.2.1", "x", NULL,
	     "Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; "
	     "https://www.spamhaus.org/query/ip/192.0.2.1",
	     false},
	    {"smtpd", "reject", "554", "5.7.1", "unknown", "192.0.2.1", "x", NULL,
	     "Error: Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; "
	     "https://www.spamhaus.org/query/ip/192.0.2.1",
	     false},
	    {"smtpd", "reject", "450", "4.7.1", "unknown", "209.85.128.5", "mail-wr1-f41.google.com",
	     NULL, "Client host rejected: cannot find your hostname, [209.85.128.5]", true},
	    {"smtpd", "reject", "550", "5.1.1", "mail-wr1-f41.google.com", "209.85.128.5", "x", NULL,
	     "<old@example.com>: Recipient address rejected: User unknown in local recipient table",
	     true},
	    {"smtpd", "reject", "550", "5.1.1", "mx.example.net", "198.51.100.7", "x", NULL,
	     "<old@example.com>: Recipient address rejected: User unknown in local recipient table",
	     false},
	    {"smtpd", "reject", "450", "4.7.1", "mx.example.net", "198.51.100.7", "mx.example.net",
	     NULL, "<mx.example.net>: Helo command rejected: Host not found", true},
	    {"smtpd", "reject", "450", "4.7.1", "unknown", "198.51.100.7", "mx.example.net", NULL,
	     "<mx.example.net>: Helo command rejected: Host not found", false},
	    {"smtpd", "reject", "450", "4.2.0", "mx.example.net", "198.51.100.7", "x", NULL,
	     "<bob@example.com>: Recipient address rejected: Greylisted, see "
	     "http://postgrey.schweikert.ch/help/example.com.html",
	     true},
	    {"smtpd", "reject", "554", "5.7.1", "mx.example.net", "198.51.100.7", "x", NULL,
	     "<bob@example.com>: Recipient address rejected: greylisting failed", false},
	    {"smtpd", "reject", "552", "5.3.4", "mx.example.net", "198.51.100.7", "x", NULL,
	     "Message size exceeds fixed limit", true},
	    {"smtpd", "reject", "552", "5.2.2", "mx.example.net", "198.51.100.7", "x", NULL,
	     "<bob@example.com>: Recipient address rejected: Mailbox is full", true},
	    {"smtpd", "reject", "550", "5.7.1", "mx.example.net", "198.51.100.7", "x", NULL,
	     "<bob@example.com>: Recipient address rejected: Mailbox is FULL of spam from you; Sender "
	     "address rejected",
	     false},
	    {"smtpd", "reject", "450", "4.1.8", "mx.example.net", "198.51.100.7", "x", "ann@gmail.com",
	     "<ann@gmail.com>: Sender address rejected: Domain not found", true},
	    {"smtpd", "reject", "450", "4.1.8", "mx.example.net", "198.51.100.7", "x",
	     "ann@nx.example", "<ann@nx.example>: Sender address rejected: Domain not found", false},
	    {"smtpd", "reject", "554", "5.4.0", "gw.partner.example", "203.0.113.60", "x", NULL,
	     "Error: too many hops", true},
	    {"smtpd", "reject", "554", "5.7.1", "mx.example.net", "198.51.100.7", "x", NULL,
	     "Error: too many spam hops from you", false},
	    {"postscreen", "reject", "450", "4.3.2", "unknown", "198.51.100.7", "x", NULL,
	     "Service currently unavailable", true},
	    {"smtpd", "reject", "450", "4.3.2", "unknown", "198.51.100.7", "x", NULL,
	     "Service currently unavailable", false},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct logline l = {0};
		l.daemon = span_of(rows[i].daemon);
		struct event ev = {0};
		ev.line = &l;
		ev.type = EV_REJECT;
		ev.action = span_of(rows[i].action);
		ev.stage = SPAN_LIT("RCPT");
		ev.code = span_of(rows[i].code);
		ev.dsn = span_of(rows[i].dsn);
		ev.client_name = span_of(rows[i].client);
		ev.client_ip = span_of(rows[i].ip);
		ev.helo = span_of(rows[i].helo);
		ev.from = rows[i].from ? span_of(rows[i].from) : SPAN_NULL;
		ev.reason = span_of(rows[i].text);
		if (ev_reject_accuses_nobody(&ev) != rows[i].want ||
		    accuses_nobody_chain(&ev) != rows[i].want)
			test_fail(__FILE__, __LINE__, "row %zu: \"%s\": want %d", i, rows[i].text,
				  rows[i].want);
	}
}

/* a milter's temporary refusal before the envelope is its failure's
 * reply (milter_default_action = tempfail), even when a pasted line lost
 * the text after the code; not at RCPT, nor a permanent one */
TEST(accuses_nobody_milter_early_tempfail)
{
	static const struct {
		const char *action, *stage, *code, *text;
		bool want;
	} rows[] = {
	    {"milter-reject", "EHLO", "451", "", true},
	    {"milter-reject", "CONNECT", "451", "4.7.1 Slow down", true},
	    {"milter-reject", "HELO", "421", "", true},
	    {"milter-reject", "RCPT", "451", "", false},
	    {"milter-reject", "EHLO", "550", "5.7.1 Go away", false},
	    {"reject", "EHLO", "450", "", false},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct logline l = {0};
		l.daemon = SPAN_LIT("smtpd");
		struct event ev = {0};
		ev.line = &l;
		ev.type = EV_REJECT;
		ev.action = span_of(rows[i].action);
		ev.stage = span_of(rows[i].stage);
		ev.code = span_of(rows[i].code);
		ev.client_name = SPAN_LIT("mail-pg1-f200.google.com");
		ev.client_ip = SPAN_LIT("209.85.215.200");
		ev.reason = span_of(rows[i].text);
		if (ev_reject_accuses_nobody(&ev) != rows[i].want || accuses_nobody_chain(&ev) != rows[i].want)
			test_fail(__FILE__, __LINE__, "row %zu: %s at %s %s: want %d", i, rows[i].action,
				  rows[i].stage, rows[i].code, rows[i].want);
	}
}

/* ev_sasl_backend_name: the reasons of SASL_SERVER_SIDE (Postfix's
 * xsasl_dovecot_server.c, Cyrus's temporary failures) name their backend;
 * a checked password's reasons (Dovecot's base64 challenge, "(reason
 * unavailable)", Cyrus's "authentication failure") name none */
TEST(sasl_backend_reasons)
{
	static const struct {
		const char *reason, *backend;
	} rows[] = {
	    {"Connection lost to authentication server", "Dovecot auth"},
	    {"Can't connect to authentication server", "Dovecot auth"},
	    {"Authentication backend error", "Dovecot auth"},
	    {"generic failure", "Cyrus SASL"},
	    {"remote authentication server unavailable", "Cyrus SASL"},
	    {"transient failure (e.g., weak key)", "Cyrus SASL"},
	    {"no memory available", "Cyrus SASL"},
	    {"UGFzc3dvcmQ6", NULL},
	    {"(reason unavailable)", NULL},
	    {"authentication failure", NULL},
	    {"Invalid authentication mechanism: 'CRAM-MD5'", NULL},
	    {"connection lost", NULL},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct event ev = {.type = EV_SASL_FAIL, .reason = span_of(rows[i].reason)};
		const char *b = ev_sasl_backend_name(&ev);
		CHECK(rows[i].backend ? b && !strcmp(b, rows[i].backend) : !b);
		CHECK(ev_sasl_backend_fault(&ev) == (rows[i].backend != NULL));
	}
	/* the same words in another event: no failed login */
	struct event rej = {.type = EV_REJECT, .reason = span_of("generic failure")};
	CHECK(!ev_sasl_backend_fault(&rej));
}

/* the scan's answers kept by text (reply_scan_memo, speed9): refusals of
 * a few texts asked again and again, each time in the same reused buffer,
 * beside copies with one byte changed (same length, often the same slot),
 * texts around the 192 bytes a slot keeps, and the fields around them
 * drawn anew, held to the chain */
TEST(accuses_nobody_memo_same_as_chain)
{
	static const char *const pool[] = {
	    "<a@b.example>: Recipient address rejected: Greylisted, try again later",
	    "<a@b.example>: Recipient address rejected: Greylisted",
	    "Message size exceeds fixed limit",
	    "<unknown[192.0.2.1]>: Client host rejected: Access denied",
	    "<bob@example.com>: Recipient address rejected: Mailbox is full",
	    "Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open",
	    "Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: x",
	    "<mx.example.net>: Helo command rejected: Host not found",
	    "Service currently unavailable",
	    "",
	};
	static const char *const codes[] = {"450", "550", "421", NULL};
	static const char *const dsns[] = {"4.2.0", "5.7.1", "4.3.2", NULL};
	static const char *const actions[] = {"reject", "milter-reject", NULL};
	static const char *const stages[] = {"RCPT", "DATA", NULL};
	static const char *const daemons[] = {"smtpd", "postscreen"};
	static const char *const names[] = {"unknown", "mx.example.net", NULL};
	char t[300];
	size_t bad = 0, yes = 0, shown = 0;
	for (int i = 0; i < 200000; i++) {
		uint64_t r = next();
		size_t n;
		if (r % 8 == 0) { /* around what a slot keeps: 180 to 200 bytes */
			n = 180 + (r >> 3) % 21;
			memset(t, 'x', n);
			memcpy(t + n - 8, (r >> 9) & 1 ? "greylist" : "greylisx", 8);
		} else {
			const char *p = pool[(r >> 3) % (sizeof pool / sizeof pool[0])];
			n = strlen(p);
			memcpy(t, p, n);
		}
		if ((r >> 20) % 3 == 0 && n) /* one byte changed, the length kept */
			t[(r >> 24) % n] = "xQ\0 ;"[(r >> 40) % 5];
		struct logline l = {0};
		l.daemon = span_of(daemons[next() % 2]);
		struct event ev = {0};
		ev.line = &l;
		ev.type = next() % 4 ? EV_REJECT : EV_CLEANUP_ACTION;
		ev.reason = span_make(t, n);
		ev.code = PICK(codes);
		ev.dsn = PICK(dsns);
		ev.action = PICK(actions);
		ev.stage = PICK(stages);
		ev.client_name = PICK(names);
		ev.helo = span_of("mx.example.net");
		bool want = accuses_nobody_chain(&ev);
		yes += want;
		if (ev_reject_accuses_nobody(&ev) != want) {
			bad++;
			if (shown++ < 5)
				test_fail(__FILE__, __LINE__, "round %d: \"%.*s\" (%zu bytes): want %d", i,
					  (int)n, t, n, want);
		}
		memset(t, '#', sizeof t); /* the buffer reused: a kept pointer would see this */
	}
	CHECK_INT(bad, 0);
	CHECK(yes > 20000);
	CHECK(yes < 180000);
}
