/*
 * test_prefix_bare.c - a Postfix message pasted alone (journalctl -o cat,
 * docker logs, a forum post): the program bare.c tells from its text,
 * and such a line read whole.
 */
#include "prefix_check.h"

/* bare - the program bare.c tells from a message alone, "" when none */
static const char *bare(const char *text)
{
	const char *d = syslog_bare_daemon(span_of(text));
	return d ? d : "";
}

/* the message text alone (journalctl -o cat, docker logs, a paste of the
 * text only): each row of bare.c's table, and the shapes two programs
 * write, which stay unread */
TEST(prefix_bare_shape_to_daemon)
{
	CHECK_STR(bare("connect from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("connect from mail.example.com[192.0.2.1]:40022"), "smtpd");
	CHECK_STR(bare("disconnect from unknown[192.0.2.1] ehlo=1 quit=1 commands=2"), "smtpd");
	CHECK_STR(bare("disconnect from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("lost connection after AUTH from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("NOQUEUE: lost connection after AUTH from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("4C3F81235: timeout after DATA (1234 bytes) from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("too many errors after RCPT from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("improper command pipelining after CONNECT from unknown[192.0.2.1]: EHLO x\\r\\n"), "smtpd");
	CHECK_STR(bare("4C3F81235: client=unknown[192.0.2.1], sasl_method=PLAIN, sasl_username=u"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <a@example.com>: Relay access denied; from=<b@example.com> to=<a@example.com> proto=ESMTP helo=<x>"), "smtpd");
	CHECK_STR(bare("4C3F81235: reject: END-OF-MESSAGE from unknown[192.0.2.1]: 550 no; from=<>"), "smtpd");
	CHECK_STR(bare("NOQUEUE: milter-reject: MAIL from unknown[192.0.2.1]: 451 4.7.1 Try again; from=<>"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from [192.0.2.1]:4711: 550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org; from=<a@example.com>, to=<b@example.com>, proto=ESMTP, helo=<x>"), "postscreen");
	CHECK_STR(bare("NOQUEUE: reject: CONNECT from [192.0.2.1]:4711: too many connections"), "postscreen");
	CHECK_STR(bare("4C3F81235: reject: header Subject: win from unknown[192.0.2.1]; from=<a@example.com> to=<b@example.com> proto=ESMTP helo=<x>: 5.7.1 no"), "cleanup");
	CHECK_STR(bare("4C3F81235: message-id=<1@example.com>"), "cleanup");
	CHECK_STR(bare("4C3F81235: from=<a@example.com>, size=1234, nrcpt=1 (queue active)"), "qmgr");
	CHECK_STR(bare("4C3F81235: from=<>, status=expired, returned to sender"), "qmgr");
	CHECK_STR(bare("4C3F81235: uid=0 from=<root>"), "pickup");
	CHECK_STR(bare("4C3F81235: sender non-delivery notification: 5D2A11236"), "bounce");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=mx.example.com[203.0.113.5]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)"), "smtp");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=mail.example.com[private/dovecot-lmtp], delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Saved)"), "lmtp");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, orig_to=<b@example.com>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)"), "local");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=virtual, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to maildir)"), "virtual");
	CHECK_STR(bare("CONNECT from [192.0.2.1]:4711 to [198.51.100.1]:25"), "postscreen");
	CHECK_STR(bare("PASS NEW [192.0.2.1]:4711"), "postscreen");
	CHECK_STR(bare("PASS NEW [ potfisxpc/stosreen[15]: PASS OLD [192.0.2.1]:4711"), "");
	CHECK_STR(bare("CONNECT from [192.0.2.1]"), "");
	CHECK_STR(bare("DNSBL rank 3 for [192.0.2.1]:4711"), "postscreen");
	CHECK_STR(bare("statistics: max connection rate 3/60s for (smtp:192.0.2.1) at Dec  3 10:00:00"), "anvil");
	CHECK_STR(bare("statistics: max simultaneous domains=1 addresses=1 connection=1"), "scache");
	CHECK_STR(bare("daemon started -- version 3.7.11, configuration /etc/postfix"), "master");
	CHECK_STR(bare("starting the Postfix mail system"), "postfix-script");
	CHECK_STR(bare("starting the Postfix mail system, said he"), "");
	CHECK_STR(bare("terminating on signal 15"), "master");
	CHECK_STR(bare("improper command pipelining after ..."), "");
	CHECK_STR(bare("HANGUP after 2.1 from [192.0.2.1]:4711 in tests after SMTP handshake"), "postscreen");
	CHECK_STR(bare("statistics: max cache size 12"), "");
	/* qmgr's and postsuper's: read as qmgr's (bare.c) */
	CHECK_STR(bare("4C3F81235: removed"), "qmgr");
	CHECK_STR(bare("4C3F81235: removed it"), "");
	CHECK_STR(bare("removed"), "");
	/* a milter's action at the end of the message is cleanup's only,
	 * with or without the queue ID pasted; before it, smtpd's or
	 * cleanup's (non_smtpd_milters): unread unless NOQUEUE */
	CHECK_STR(bare("4C3F81235: milter-reject: END-OF-MESSAGE from unknown[192.0.2.1]: 5.7.1 Spam; from=<>"), "cleanup");
	CHECK_STR(bare("milter-reject: END-OF-MESSAGE from unknown[192.0.2.1]: 4.7.1 Service unavailable - try again later"), "cleanup");
	CHECK_STR(bare("4C3F81235: milter-reject: RCPT from unknown[192.0.2.1]: 5.7.1 Spam; from=<>"), "");
	CHECK_STR(bare("milter-reject: RCPT from unknown[192.0.2.1]: 5.7.1 Spam; from=<>"), "");
	/* smtpd's checks with the queue ID cut off, or the client typed over */
	CHECK_STR(bare("reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <a@example.com>: Relay access denied; from=<b@example.com>"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from <redacted>: 554 5.7.1 Service unavailable; Client host [redacted] blocked using zen.spamhaus.org; Error: open resolver"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from [hidden]: 450 4.7.1 no"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from <red acted>: 554 5.7.1 no"), "");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from <redacted>: we saw 554"), "");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from x[y: 554 5.7.1 no"), "");
	/* relay=none: the reason's own words tell the program */
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to x[192.0.2.9]:25: Connection refused)"), "smtp");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to x[192.0.2.9]:25: Connection refused)"), "error");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.3.0, status=deferred (mail transport unavailable)"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=5.4.4, status=bounced (Host or domain name not found)"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.0.0, status=deferred (host x[192.0.2.9] replied)"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.0.0, status=deferred (host x[192.0.2.9] said: 450 try later)"), "smtp");
	/* fragments: the queue ID, or the line up to relay= or status=, cut off */
	CHECK_STR(bare("to=<a@example.com>, relay=none, delay=0.1, delays=0.1/0/0/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again)"), "smtp");
	CHECK_STR(bare("to=<a@example.com>, relay=mx.example.com[203.0.113.5]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)"), "smtp");
	CHECK_STR(bare("relay=mx.example.com[203.0.113.5]:25, delay=1, delays=1/0/0.1/0, dsn=4.7.0, status=deferred (SASL authentication failed: server mx.example.com[203.0.113.5] offered no compatible authentication mechanisms for this type of connection security)"), "smtp");
	CHECK_STR(bare("relay=local, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)"), "local");
	CHECK_STR(bare("status=deferred (TLS is required, but was not offered by host 127.0.0.1[127.0.0.1])"), "smtp");
	/* the TLS policy's own deferrals (smtp_tls_policy.c), relay=none */
	CHECK_STR(bare("to=<a@example.com>, relay=none, delay=0.6, delays=0.1/0.02/0.5/0, dsn=4.7.5, status=deferred (no TLSA records found)"), "smtp");
	CHECK_STR(bare("to=<a@example.com>, relay=none, delay=0.6, delays=0.1/0/0.5/0, dsn=4.7.5, status=deferred (TLSA lookup error for mx.example.com:25)"), "smtp");
	CHECK_STR(bare("status=deferred (client TLS configuration problem)"), "smtp");
	CHECK_STR(bare("status=deferred (Cannot start TLS: handshake failure)"), "smtp");
	CHECK_STR(bare("to=<a@example.com>, relay=none, delay=0.6, delays=0.1/0/0.5/0, dsn=4.7.5, status=deferred (no TLSA records here)"), "");
	CHECK_STR(bare("status=deferred (delivery temporarily suspended: connect to x[192.0.2.9]:25: Connection refused)"), "error");
	/* a fragment cut right after "said:", the reply on the lines below */
	CHECK_STR(bare("status=deferred (host mx.example.net[192.0.2.25] said:"), "smtp");
	CHECK_STR(bare("status=deferred (host is down, they said:"), "");
	CHECK_STR(bare("status=deferred (host mx.example.net[192.0.2.25] said"), "");
	CHECK_STR(bare("status=sent (250 2.0.0 Ok: queued as 5D2A11236)"), "");
	CHECK_STR(bare("status=deferred"), "");
	CHECK_STR(bare("relay=mx.example.com[203.0.113.5]:25, delay=1"), "");
	/* two programs write these: unread */
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 OK)"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=dovecot, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (delivered via dovecot service)"), "");
	CHECK_STR(bare("daemon started"), "");
	/* read under a journal unit's prefix only (unit_tag.c):
	 * pasted, the first piece of a reply wrapped over the lines below,
	 * or debug_peer's dialogue after a quote's "> " */
	CHECK_STR(bare("463F01A2EBD: host mx.example.net[192.0.2.26] said: 421-4.7.28 [198.51.100.9 15]"), "");
	CHECK_STR(bare("463F01A2EBD: lost connection with mx.example.net[192.0.2.26] while receiving the initial server greeting"), "");
	CHECK_STR(bare("< unknown[192.0.2.9]: EHLO x"), "");
	/* the TLS handshake's summary: smtpd's from a client, smtp's to a server */
	CHECK_STR(bare("Anonymous TLS connection established from unknown[192.0.2.9]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)"), "smtpd");
	CHECK_STR(bare("Verified TLS connection established to mx.example.net[192.0.2.5]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)"), "smtp");
	/* near misses: prose, headers, a transcript, a cut line */
	CHECK_STR(bare("connect from unknown[192.0.2.1] every minute, why?"), "");
	CHECK_STR(bare("connect from somewhere"), "");
	CHECK_STR(bare("I see NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554"), "");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from unknown[192.0.2.1]"), "");
	CHECK_STR(bare("NOQUEUE: client=unknown[192.0.2.1]"), "");
	CHECK_STR(bare("Note: client=unknown[192.0.2.1]"), "");
	CHECK_STR(bare("Received: from mail.example.com (mail.example.com [192.0.2.1])"), "");
	CHECK_STR(bare("In: EHLO example.com"), "");
	CHECK_STR(bare("Out: 250 mail.example.com"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=mx.example.com[203.0.113.5]:25, delay=1"), "");
	CHECK_STR(bare("lost connection after AUTH from"), "");
	CHECK_STR(bare("connect from [192.0.2.1"), "");
	CHECK_STR(bare(""), "");
	/* tls_verify.c: the SMTP client's check of the server's certificate */
	CHECK_STR(bare("server certificate verification failed for mx.example.net[192.0.2.5]:25: num=62:hostname mismatch"), "smtp");
	CHECK_STR(bare("server certificate verification failed for mx.example.net[192.0.2.5]:25: certificate has expired"), "smtp");
	/* look-alikes: no port, no reason, prose, the other side's, no side */
	CHECK_STR(bare("server certificate verification failed for mx.example.net[192.0.2.5]: num=62:hostname mismatch"), "");
	CHECK_STR(bare("server certificate verification failed for mx.example.net[192.0.2.5]:25"), "");
	CHECK_STR(bare("server certificate verification failed for mx.example.net, why?"), "");
	CHECK_STR(bare("client certificate verification failed for unknown[192.0.2.9]:41234: num=20:unable to get local issuer certificate"), "");
	CHECK_STR(bare("certificate verification failed for mx.example.net[192.0.2.5]:25: untrusted issuer /CN=Example CA"), "");
}

/* such a line read whole: no host, no pid, the last time before it, the
 * program marked as told by the text; a bullet before it taken off */
TEST(prefix_bare_lines)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "connect from unknown[192.0.2.1]", &l));
	CHECK_INT(l.format, FMT_NOTIME);
	CHECK_INT(l.ts.us, 0);
	CHECK(l.postfix && l.inferred);
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_SPAN(l.prog, "smtpd");
	CHECK(!l.host.n && !l.instance.p && !l.service.p);
	CHECK_INT(l.pid, -1);
	CHECK_SPAN(l.text, "connect from unknown[192.0.2.1]");
	CHECK(parse(&st, "Dec  3 10:00:00 mx postfix/smtpd[1]: connect from unknown[192.0.2.2]", &l));
	CHECK(!l.inferred);
	CHECK(parse(&st, "- 4C3F81235: message-id=<1@example.com>", &l));
	CHECK_STR(iso_of(l.ts), "2026-12-03T10:00:00+00:00");
	CHECK_SPAN(l.daemon, "cleanup");
	CHECK_SPAN(l.text, "4C3F81235: message-id=<1@example.com>");
	CHECK_SPAN(l.raw, "4C3F81235: message-id=<1@example.com>");
	/* in backticks, in prose: the text ends at the closing one */
	CHECK(parse(&st, "   `NOQUEUE: milter-reject: RCPT from unknown[192.0.2.7]: 550 5.7.1 Command rejected; from=<>`,", &l));
	CHECK_SPAN(l.text, "NOQUEUE: milter-reject: RCPT from unknown[192.0.2.7]: 550 5.7.1 Command rejected; from=<>");
	CHECK(!parse(&st, "| `improper command pipelining after ...` | smtpd | `smtpd/smtpd.c:5829` |", &l));
	CHECK(!parse(&st, "| `statistics: max ... rate|count ...` | anvil |", &l));
	/* a tagless SASL warning gets smtpd; other warnings keep no program */
	CHECK(parse(&st, "warning: unknown[192.0.2.1]: SASL LOGIN authentication failed: UGFzc3dvcmQ6", &l));
	CHECK_SPAN(l.severity, "warning");
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK(l.inferred);
	CHECK(parse(&st, "warning: non-SMTP command from unknown[192.0.2.1]: GET / HTTP/1.1", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK(parse(&st, "warning: database /etc/postfix/x.db is older than source file /etc/postfix/x", &l));
	CHECK(!l.daemon.n && !l.inferred);
	CHECK(parse(&st, "4C3F81235: removed", &l));
	CHECK_SPAN(l.daemon, "qmgr");
	CHECK(parse(&st, "4C3F81235: milter-reject: END-OF-MESSAGE from unknown[192.0.2.9]: 5.7.1 Spam; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<x>", &l));
	CHECK_SPAN(l.daemon, "cleanup");
	CHECK(!parse(&st, "4C3F81235: milter-reject: RCPT from unknown[192.0.2.9]: 5.7.1 Spam; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<x>", &l));
	CHECK(!parse(&st, "Out: 250 mail.example.com", &l));
	/* a -v line's text names a socket, not a program (journalctl -o cat) */
	CHECK(!parse(&st, "private/anvil: wanted attribute: status", &l));
	CHECK(!parse(&st, "public/pickup: wanted attribute: (list terminator)", &l));
	CHECK(parse(&st, "postfix/anvil[7]: statistics: max cache size 1 at Dec  3 10:00:00", &l));
}
