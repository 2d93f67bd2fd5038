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
