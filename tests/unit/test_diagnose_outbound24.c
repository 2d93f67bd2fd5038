/*
 * test_diagnose_outbound24.c - outbound shapes read off admins' threads
 * (tests/data/variants-families3/23*..29*): the SASL plugin giving up
 * during the login to the relay host (the library's words after "cannot
 * authenticate to server"), with the relay's own reply and the missing
 * mechanism as look-alikes; the address family of a masked destination.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

#include <string.h>

TEST(diagnose_relay_sasl_plugin_gave_up)
{
	struct diag_hit hit;
	const struct event *ev = progs_line(
	    "Apr 14 08:10:02 app postfix/smtp[902]: 6C3D4E5F60: to=<dave@example.org>, relay=smtp.example.net[198.51.100.40]:587, delay=1.1, delays=0.02/0.01/1/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.example.net[198.51.100.40]: bad protocol / cancel)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "relayhost-sasl-plugin-failed");
	CHECK_STR(hit.key, "smtp.example.net");
	ev = progs_line(
	    "Apr 14 08:25:03 app postfix/smtp[903]: 6C3D4E5F60: to=<dave@example.org>, relay=smtp.example.net[198.51.100.40]:587, delay=902, delays=901/0.01/1/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.example.net[198.51.100.40]: generic failure)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "relayhost-sasl-plugin-failed");
	/* the library found no mechanism: the plugins are missing */
	ev = progs_line(
	    "Apr 14 08:10:03 app postfix/smtp[904]: 8E5F607182: to=<erin@example.org>, relay=smtp2.example.net[198.51.100.41]:587, delay=0.4, delays=0.02/0.01/0.3/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp2.example.net[198.51.100.41]: no mechanism available)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "relayhost-sasl-failed");
	/* the relay's own reply holding the same words */
	ev = progs_line(
	    "Apr 14 08:10:02 app postfix/smtp[902]: 7D4E5F6071: to=<dave@example.org>, relay=smtp.example.net[198.51.100.40]:587, delay=1.1, delays=0.02/0.01/1/0, dsn=5.7.8, status=bounced (SASL authentication failed; server smtp.example.net[198.51.100.40] said: 535 5.7.8 Error: authentication failed: generic failure)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "relayhost-login-refused");
}

TEST(diagnose_unreachable_masked_family)
{
	struct diag_hit hit;
	const struct event *ev = progs_line(
	    "Mar 03 10:00:32 mx postfix/smtp[802]: 4A1B2C3D4E: to=<ops@example.net>, relay=none, delay=31, delays=0.02/0.01/31/0, dsn=4.4.1, status=deferred (connect to mx.example.net[<IPv6 address>]:25: Network is unreachable)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "outbound-network-unreachable");
	CHECK_STR(hit.key, "IPv6");
	ev = progs_line(
	    "Mar 03 10:00:32 mx postfix/smtp[803]: 4A1B2C3D4E: to=<ops@example.org>, relay=none, delay=31, delays=0.02/0.01/31/0, dsn=4.4.1, status=deferred (connect to mx.example.org[x.x.x.x]:25: Network is unreachable)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(hit.key, "");
	ev = progs_line(
	    "Mar 03 10:00:32 mx postfix/smtp[804]: 5B2C3D4E5F: to=<ops@example.net>, relay=none, delay=1, delays=0.02/0.01/1/0, dsn=4.4.1, status=deferred (connect to mx.example.net[203.0.113.25]:25: Network is unreachable)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(hit.key, "IPv4");
	ev = progs_line(
	    "Mar 03 10:00:32 mx postfix/smtp[805]: 5B2C3D4E5F: to=<ops@example.net>, relay=none, delay=1, delays=0.02/0.01/1/0, dsn=4.4.1, status=deferred (connect to mx.example.net[2001:db8::25]:25: Network is unreachable)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(hit.key, "IPv6");
}

TEST(diagnose_auth_refused_over_ipv6)
{
	struct diag_hit hit;
	/* the relay's address is IPv6 */
	const struct event *ev = progs_line(
	    "May 05 07:30:12 mx postfix/smtp[1203]: 9A1B2C3D4E: to=<bob@example.net>, relay=mx1.example.net[2001:db8:25::1b]:25, delay=0.8, delays=0.04/0.05/0.2/0.5, dsn=5.7.26, status=bounced (host mx1.example.net[2001:db8:25::1b] said: 550-5.7.26 Your email has been blocked because the sender is unauthenticated. 550-5.7.26 SPF [example.com] with ip: [2001:db8:5::10] = did not pass 550 5.7.26 (in reply to end of DATA command))");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "outbound-ipv6-sender-unauthenticated");
	/* no relay=: the "host NAME[ADDR] said" address */
	ev = progs_line(
	    "May 05 07:30:12 mx postfix/smtp[1203]: 9A1B2C3D4E: host mx1.example.net[2001:db8:25::1b] said: 550 5.7.25 The IP address sending this message does not have a PTR record setup (in reply to end of DATA command)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "outbound-ipv6-sender-unauthenticated");
	/* over IPv4, the sending address beginning with 2: not it */
	ev = progs_line(
	    "May 05 07:40:12 mx postfix/smtp[1303]: 1C2D3E4F5A: to=<bob@example.net>, relay=mx1.example.net[203.0.113.27]:25, delay=0.8, delays=0.04/0.05/0.2/0.5, dsn=5.7.26, status=bounced (host mx1.example.net[203.0.113.27] said: 550-5.7.26 SPF [example.com] with ip: [203.0.113.5] = did not pass 550 5.7.26 (in reply to end of DATA command))");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "outbound-spf-dkim-dmarc");
	ev = progs_line(
	    "May 05 07:41:12 mx postfix/smtp[1304]: 2D3E4F5A6B: to=<dan@example.org>, relay=mx.example.org[198.51.100.25]:25, delay=0.5, delays=0.04/0.05/0.2/0.2, dsn=5.7.25, status=bounced (host mx.example.org[198.51.100.25] said: 550-5.7.25 [203.0.113.5] The IP address sending this message does not have a 550-5.7.25 PTR record setup (in reply to end of DATA command))");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "outbound-no-ptr");
	/* an IPv6 reputation refusal is not an authentication one */
	ev = progs_line(
	    "May 05 07:42:12 mx postfix/smtp[1305]: 3E4F5A6B7C: to=<erin@example.net>, relay=mx1.example.net[2001:db8:25::1b]:25, delay=0.5, delays=0.04/0.05/0.2/0.2, dsn=5.7.1, status=bounced (host mx1.example.net[2001:db8:25::1b] said: 550 5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address (in reply to end of DATA command))");
	CHECK(diag_classify(ev, &hit));
	CHECK(strcmp(finding_id(hit.id), "outbound-ipv6-sender-unauthenticated"));
}
