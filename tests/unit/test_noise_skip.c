/*
 * test_noise_skip.c - the findings' two halves (diag_front and
 * diag_event_noted) pass by the kinds they never look at, verbose
 * chatter among them, without asking the rules (diagnose.h's
 * diag_passes_by, the kinds of DIAG_PASSED_KINDS since speed17); held here
 * to diag_event, which asks the rules of every event: the same groups
 * and the same counters for lines of every kind, with every share of the
 * rules between the threads, and for events made of every kind with a
 * severity or a status or neither (a severity's text can be a finding's,
 * a status "bounced" is counted whatever the kind).
 */
#include "tap.h"
#include "progs.h"
#include "diagnose/diagnose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const noise_lines[] = {
    /* smtpd -v and its IPC chatter */
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: input attribute name: request",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: input attribute value: rewrite",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: private/rewrite socket: wanted attribute: transport",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: send attr request = rewrite",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: smtp_stream_setup: maxtime=300 enable_deadline=0",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: watchdog_pat: 0x55eb1b37ba60",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: maps_find: virtual_alias_maps: dave@example.test: not found",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: match_list_match: unknown: no match",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: extract_addr: input: <dave@example.test>",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: ctable_locate: leave existing entry key dave@example.test",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: connect to subsystem private/rewrite",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: smtpd_check_rewrite: trying: permit_inet_interfaces",
    /* TLS debug */
    "Nov 22 11:32:05 mx1 postfix/submission/smtpd[310]: read from 55C1E3B0A2F0 [55C1E3B0D7A3] (5 bytes => 5 (0x5))",
    "Nov 22 11:32:05 mx1 postfix/submission/smtpd[310]: 0000 17 03 03 00 35                                   ....5",
    "Nov 22 11:32:05 mx1 postfix/submission/smtpd[310]: SSL_accept:SSLv3/TLS write finished",
    "Nov 22 11:32:05 mx1 postfix/submission/smtpd[310]: write to 55C1E3B0A2F0 [55C1E3B1A4B3] (122 bytes => 122 (0x7A))",
    /* smtp -v: the address lookups; cleanup -v */
    "Nov 22 11:32:05 mx1 postfix/smtp[411]: connecting to mx.remote.test port 25",
    "Nov 22 11:32:05 mx1 postfix/smtp[411]: begin mx.remote.test address list",
    "Nov 22 11:32:05 mx1 postfix/cleanup[512]: cleanup_envelope: A1B2C3D4E5",
};

static const char *const other_lines[] = {
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: connect from unknown[198.51.100.3]",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: NOQUEUE: reject: RCPT from unknown[198.51.100.3]: 554 5.7.1 "
    "<spam@bad.test>: Relay access denied; from=<spam@bad.test> to=<x@other.test> proto=ESMTP helo=<bad>",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: disconnect from unknown[198.51.100.3] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
    "Nov 22 11:32:05 mx1 postfix/smtp[411]: A1B2C3D4E5: to=<bob@remote.test>, relay=none, delay=30, "
    "delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.remote.test[203.0.113.9]:25: Connection timed out)",
    "Nov 22 11:32:05 mx1 postfix/smtp[411]: B1B2C3D4E5: to=<bob@gmail.com>, relay=gmail-smtp-in.l.google.com"
    "[142.250.1.26]:25, delay=1.2, delays=0/0/0.5/0.7, dsn=2.0.0, status=sent (250 2.0.0 OK)",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: warning: database /etc/postfix/virtual.db is older than source file "
    "/etc/postfix/virtual",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: fatal: no SASL authentication mechanisms",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: SSL_accept error from unknown[198.51.100.7]: lost connection",
    "Nov 22 11:32:05 mx1 postfix/postscreen[90]: close database /var/lib/postfix/postscreen_cache.db: "
    "No such file or directory (possible Berkeley DB bug)",
    "Nov 22 11:32:05 mx1 postfix/smtp[411]: certificate verification failed for mx.remote.test[203.0.113.9]:25: "
    "untrusted issuer /CN=Test",
    "Nov 22 11:32:05 mx1 postfix/qmgr[100]: A1B2C3D4E5: removed",
};

/* a line of each kind the parsers give (speed17) */
static const char *const kind_lines[] = {
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: warning: unknown[198.51.100.3]: SASL LOGIN authentication aborted",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: warning: non-SMTP command from unknown[198.51.100.3]: GET / HTTP/1.1",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: improper command pipelining after EHLO from unknown[198.51.100.3]: QUIT",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: Anonymous TLS connection established from unknown[198.51.100.3]: "
    "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: < unknown[198.51.100.3]: EHLO bad",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: > unknown[198.51.100.3]: 250-mx1.example.test",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: Read 6 chars: QUIT..",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: Write 9 chars: 221 Bye..",
    "Nov 22 11:32:05 mx1 postfix/cleanup[512]: A1B2C3D4E5: message-id=<x@y.test>",
    "Nov 22 11:32:05 mx1 postfix/qmgr[100]: A1B2C3D4E5: from=<a@b.test>, size=1234, nrcpt=1 (queue active)",
    "Nov 22 11:32:05 mx1 postfix/pickup[600]: C1B2C3D4E5: uid=1000 from=<joe>",
    "Nov 22 11:32:05 mx1 postfix/postscreen[90]: CONNECT from [198.51.100.3]:4444 to [192.0.2.1]:25",
    "Nov 22 11:32:05 mx1 postfix/postscreen[90]: PASS NEW [198.51.100.3]:4444",
    "Nov 22 11:32:05 mx1 postfix/postscreen[90]: PREGREET 11 after 0.1 from [198.51.100.3]:4444: EHLO bad\\r\\n",
    "Nov 22 11:32:05 mx1 postfix/postscreen[90]: HANGUP after 0.5 from [198.51.100.3]:4444 in tests after SMTP handshake",
    "Nov 22 11:32:05 mx1 postfix/postscreen[90]: NON-SMTP COMMAND from [198.51.100.3]:4444 after CONNECT: GET / HTTP/1.1",
    "Nov 22 11:32:05 mx1 postfix/postscreen[90]: DENYLISTED [198.51.100.3]:4444",
    "Nov 22 11:32:05 mx1 postfix/postscreen[90]: DISCONNECT [198.51.100.3]:4444",
    "Nov 22 11:32:05 mx1 postfix/anvil[80]: statistics: max connection rate 1/60s for (smtp:198.51.100.3) at Nov 22 11:30:00",
    "Nov 22 11:32:05 mx1 postfix/postscreen[90]: DNSBL rank 3 for [198.51.100.3]:4444",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: warning: hostname mail.bad.test does not resolve to address 198.51.100.3",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: warning: Connection rate limit exceeded: 31 from unknown[198.51.100.3] "
    "for service smtp",
    "Nov 22 11:32:05 mx1 postfix/postsuper[700]: A1B2C3D4E5: removed",
    "Nov 22 11:32:05 mx1 postfix/bounce[800]: A1B2C3D4E5: sender non-delivery notification: D1B2C3D4E5",
    "Nov 22 11:32:05 mx1 postfix/qmgr[100]: A1B2C3D4E5: from=<a@b.test>, status=expired, returned to sender",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: A1B2C3D4E5: client=unknown[198.51.100.3]",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: lost connection after RCPT from unknown[198.51.100.3]",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: warning: unknown[198.51.100.3]: SASL LOGIN authentication failed: "
    "authentication failure",
    "Nov 22 11:32:05 mx1 postfix/cleanup[512]: A1B2C3D4E5: reject: header Subject: spam from unknown[198.51.100.3]; "
    "from=<a@b.test> to=<c@d.test> proto=ESMTP helo=<bad>: 5.7.1 no",
    "Nov 22 11:32:05 mx1 postfix/master[1]: daemon started -- version 3.7.11, configuration /etc/postfix",
    /* a TLS line diag_passes_by lets through: smtp's "Trusted", the
     * cause of the unverified certificate of the same host after it */
    "Nov 22 11:32:05 mx1 postfix/smtp[412]: Trusted TLS connection established to mx.trusted.test[203.0.113.10]:25: "
    "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
    "Nov 22 11:32:05 mx1 postfix/smtp[412]: B1B2C3D4E5: to=<a@trusted.test>, relay=mx.trusted.test[203.0.113.10]:25, "
    "delay=1, delays=0/0/1/0, dsn=4.7.5, status=deferred (Server certificate not verified)",
    "Nov 22 11:32:05 mx1 postfix/smtp[411]: connect to mx.remote.test[203.0.113.9]:25: Connection refused",
    "Nov 22 11:32:05 mx1 postfix/smtp[411]: A1B2C3D4E5: host mx.remote.test[203.0.113.9] said: 450 4.7.1 try later "
    "(in reply to RCPT TO command)",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: something we do not know at all",
    "Nov 22 11:32:05 mx1 dovecot: imap-login: Login: user=<bob>",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: warning: something odd happened",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: NOQUEUE: filter: RCPT from unknown[198.51.100.3]: <x@y.test>: Recipient "
    "address triggers FILTER smtp:[127.0.0.1]:10025; from=<a@b.test> to=<x@y.test> proto=ESMTP helo=<bad>",
    "Nov 22 11:32:05 mx1 postfix/qmgr[100]: A1B2C3D4E5: to=<bob@remote.test>, relay=none, delay=30, "
    "delays=0/0/30/0, dsn=4.4.1, status=bounced (no such user)",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: connect from unknown[198.51.100.3]",
    "Nov 22 11:32:05 mx1 postfix/smtpd[204]: SSL_accept error from unknown[198.51.100.7]: -1",
    "Nov 22 11:32:05 mx1 postgrey[700]: action=greylist, reason=new, client_name=unknown, "
    "client_address=198.51.100.9, sender=x@z.example, recipient=y@example.org",
};

/* text - the groups and the counters that the skip could change */
static void text(const struct diag *d, char *out, size_t size)
{
	size_t at = (size_t)snprintf(out, size, "port25 %llu own %llu dropped %llu ndr %llu/%llu\n",
				     (unsigned long long)d->sent_port25, (unsigned long long)d->own_delivered,
				     (unsigned long long)d->dropped, (unsigned long long)d->ndr_notices,
				     (unsigned long long)d->ndr_failures);
	for (size_t i = 0; i < d->nlist && at < size; i++) {
		const struct diag_group *g = d->list[i];
		int n = snprintf(out + at, size - at, "%s|%s|%llu|%u|%s\n", finding_id(g->id), g->key,
				 (unsigned long long)g->lines, g->nsample, g->nsample ? g->sample[0] : "");
		if (n < 0)
			break;
		at += (size_t)n;
	}
}

/* the event kinds fed in turn: a parsed line, or a line's event told
 * as noise with the severity "warning" (made here: no parser does) */
struct made {
	struct logline l;
	struct event ev;
};

/* made - line's event emptied and told as kind, with a severity, a
 * status ("bounced", "expired", "sent" in turn) or neither (extra: 0, 1
 * severity, 2 status) */
static const struct event *made(struct made *m, const char *line, enum ev_type kind, unsigned extra,
				unsigned i)
{
	static const char *const statuses[] = {"bounced", "expired", "sent"};
	const struct event *ev = progs_line(line);
	m->l = *ev->line;
	if (extra == 1)
		m->l.severity = SPAN_LIT("warning");
	ev_reset(&m->ev, &m->l);
	m->ev.type = kind;
	if (extra == 2)
		m->ev.status = span_of(statuses[i % 3]);
	return &m->ev;
}

/* feed - every line, in a mixed order, through diag_event (ref) or the
 * two halves (mode 0..2: a share; 3: the share changing per line) */
static const struct event *pick(struct made *m, unsigned k, size_t *nnoise)
{
	size_t nn = sizeof noise_lines / sizeof noise_lines[0], no = sizeof other_lines / sizeof other_lines[0];
	size_t nk = sizeof kind_lines / sizeof kind_lines[0];
	unsigned kind = k % 6, i = k / 6;
	const struct event *ev;
	if (kind == 0 || kind == 1)
		ev = progs_line(noise_lines[i % nn]);
	else if (kind == 2)
		ev = progs_line(other_lines[i % no]);
	else if (kind == 3)
		ev = made(m, other_lines[i % no], EV_NOISE, i % 2 == 0, i);
	else if (kind == 4)
		ev = progs_line(kind_lines[i % nk]);
	else /* every kind, each with a severity, a status or neither */
		ev = made(m, kind_lines[i % nk], (enum ev_type)(i % EV__COUNT), (i / EV__COUNT) % 3, i);
	if (ev->type == EV_NOISE && !ev->line->severity.n)
		(*nnoise)++;
	return ev;
}

TEST(noise_skip_same_as_diag_event)
{
	static char want[1 << 16], got[1 << 16];
	static struct made m;
	enum { N = 6 * 400 };
	size_t nnoise = 0;
	/* each line parsed as noise is noise without a severity */
	for (size_t i = 0; i < sizeof noise_lines / sizeof noise_lines[0]; i++) {
		const struct event *ev = progs_line(noise_lines[i]);
		if (ev->type != EV_NOISE || ev->line->severity.n)
			test_fail(__FILE__, __LINE__, "not noise: %s (%s)", noise_lines[i], progs_type(ev));
	}
	struct diag *d = diag_new();
	for (unsigned k = 0; k < N; k++)
		diag_event(d, pick(&m, k, &nnoise));
	diag_finish(d);
	CHECK(d->nlist >= 6);
	CHECK(nnoise > N / 3);
	/* a line of each kind diag_passes_by passes by, and of each it does not */
	bool seen[EV__COUNT] = {0};
	for (size_t i = 0; i < sizeof kind_lines / sizeof kind_lines[0]; i++)
		seen[progs_line(kind_lines[i])->type] = true;
	static const enum ev_type want_seen[] = {
	    EV_NON_SMTP, EV_PIPELINING, EV_TLS, EV_SMTP_IN, EV_SMTP_OUT, EV_TLS_READ, EV_TLS_WRITE,
	    EV_MESSAGE_ID, EV_QUEUED, EV_PICKUP, EV_PS_CONNECT, EV_PS_PASS, EV_PS_PREGREET, EV_PS_HANGUP,
	    EV_PS_VIOLATION, EV_PS_LISTED, EV_PS_DISCONNECT, EV_ANVIL, EV_PS_DNSBL, EV_HOSTNAME_VERIFY,
	    EV_RATE_LIMIT, EV_POSTSUPER, EV_NOTIFICATION, EV_EXPIRED, EV_CLIENT, EV_LOST, EV_SASL_FAIL,
	    EV_CLEANUP_ACTION, EV_MASTER, EV_SMTP_CONN_FAIL, EV_SMTP_ERROR, EV_UNKNOWN, EV_OTHER, EV_WARNING,
	    EV_REJECT, EV_DELIVERY, EV_CONNECT, EV_TLS_ERROR};
	for (size_t i = 0; i < sizeof want_seen / sizeof want_seen[0]; i++)
		if (!seen[want_seen[i]])
			test_fail(__FILE__, __LINE__, "no line of kind %s", ev_type_name(want_seen[i]));
	text(d, want, sizeof want);
	diag_free(d);
	/* some noise made with a severity is a finding: the skip must not take it */
	CHECK(strstr(want, "older than") || strstr(want, "virtual"));
	/* and a Trusted line named the cause of a later unverified deferral */
	CHECK(strstr(want, "outbound-tls-match-mismatch") != NULL);
	for (int mode = 0; mode < 4; mode++) {
		d = diag_new();
		for (unsigned k = 0; k < N; k++) {
			const struct event *ev = pick(&m, k, &nnoise);
			struct diag_note n;
			memset(&n, 0xa5, sizeof n); /* a batch slot is not cleared */
			diag_front(ev, &n, mode < 3 ? (enum diag_front_share)mode : (enum diag_front_share)(k % 3));
			diag_event_noted(d, ev, &n);
		}
		diag_finish(d);
		text(d, got, sizeof got);
		diag_free(d);
		if (strcmp(got, want))
			test_fail(__FILE__, __LINE__, "share %d: the findings differ:\n%s\nwant:\n%s", mode, got, want);
	}
}
