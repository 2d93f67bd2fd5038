/*
 * test_diagnose_dual_stack.c - IPv6 and dual-stack hosts (threads BD,
 * tests/data/variants-families3/150* and 151*): inet_proto.c's warnings
 * when the kernel has IPv6 off (harmless: Postfix goes on with IPv4) and
 * the same words in a fatal (inet_protocols = ipv6 alone: Postfix does
 * not start); a large provider's MX timing out over IPv4 while the
 * delivery's status names the missing IPv6 route (port 25 blocked here),
 * and the look-alikes that must not say so.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"

#include <string.h>

static const struct {
	const char *line, *finding, *key;
} inet_proto_cases[] = {
    /* inet_proto.c's two warnings when inet_protocols = all (threads BD 03) */
    {"Apr  8 18:53:17 web postfix/sendmail[3993]: warning: inet_protocols: IPv6 support is disabled: Address family not supported by protocol",
     "benign-notice", "inet_protocols"},
    {"Apr  8 18:53:17 web postfix/sendmail[3993]: warning: inet_protocols: configuring for IPv4 support only",
     "benign-notice", "inet_protocols"},
    {"Apr  8 18:53:17 web postfix/postfix-script[3990]: warning: inet_protocols: disabling IPv6 name/address support: Address family not supported by protocol",
     "benign-notice", "inet_protocols"},
    /* the same words in master's fatal (inet_protocols = ipv6): no notice */
    {"Apr  8 18:53:17 web postfix/master[3991]: fatal: inet_protocols: IPv6 support is disabled: Address family not supported by protocol",
     "postfix-cannot-start", "master"},
    /* a daemon's fatal: that daemon stops, no notice either */
    {"Apr  8 18:53:17 web postfix/smtpd[3992]: fatal: inet_protocols: IPv6 support is disabled: Address family not supported by protocol",
     "daemon-fatal-error", "smtpd"},
};

TEST(diagnose_inet_protocols_ipv6_off)
{
	for (size_t i = 0; i < sizeof inet_proto_cases / sizeof inet_proto_cases[0]; i++) {
		struct diag_hit hit;
		bool got = diag_classify(progs_line(inet_proto_cases[i].line), &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (strcmp(id, inet_proto_cases[i].finding) || strcmp(hit.key, inet_proto_cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", inet_proto_cases[i].finding, inet_proto_cases[i].key);
	}
}

/* blocked - does the log, diagnosed alone, say outbound port 25 is blocked */
static bool blocked(const char *const *lines, size_t n)
{
	struct diag *d = diag_new();
	for (size_t i = 0; i < n; i++)
		diag_event(d, progs_line(lines[i]));
	diag_finish(d);
	bool got = diag_has(d, F_OUT_PORT25_BLOCKED);
	diag_free(d);
	return got;
}

#define GMAIL_V4_TIMEOUT \
	"Oct 23 11:00:41 mx postfix/smtp[301]: connect to alt1.aspmx.l.google.com[192.0.2.26]:25: Connection timed out"
#define GMAIL_V6_STATUS \
	"Oct 23 11:00:42 mx postfix/smtp[301]: B88245E60A5F: to=<a@example.com>, relay=none, delay=94, delays=1.8/0.02/92/0, dsn=4.4.1, status=deferred (connect to alt1.aspmx.l.google.com[2001:db8:4003:c02::1b]:25: Network is unreachable)"

TEST(diagnose_port25_blocked_behind_ipv6_reason)
{
	/* threads BD 07: Gmail's IPv4 address times out, the status names the
	 * IPv6 one Postfix tried last: the delivery failed over both */
	static const char *const both[] = {GMAIL_V4_TIMEOUT, GMAIL_V6_STATUS};
	CHECK(blocked(both, 2));
	/* the IPv6 attempt without a status line: no delivery ended (threads BD 06) */
	static const char *const attempts[] = {
	    GMAIL_V4_TIMEOUT,
	    "Oct 23 11:00:42 mx postfix/smtp[301]: connect to alt1.aspmx.l.google.com[2001:db8:4003:c02::1b]:25: Network is unreachable",
	};
	CHECK(!blocked(attempts, 2));
	/* a delivery that went out over port 25 in the same log: not blocked */
	static const char *const sent[] = {
	    GMAIL_V4_TIMEOUT, GMAIL_V6_STATUS,
	    "Oct 23 11:01:00 mx postfix/smtp[302]: C1A2B3C4D5E6: to=<b@example.org>, relay=mx.example.org[198.51.100.25]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
	};
	CHECK(!blocked(sent, 3));
	/* an unknown server timing out beside the IPv6 status: that server's
	 * trouble (one server, no provider that always answers) */
	static const char *const other[] = {
	    "Oct 23 11:00:41 mx postfix/smtp[301]: connect to mx.example.net[192.0.2.30]:25: Connection timed out",
	    "Oct 23 11:00:42 mx postfix/smtp[301]: B88245E60A60: to=<a@example.net>, relay=none, delay=94, delays=1.8/0.02/92/0, dsn=4.4.1, status=deferred (connect to mx.example.net[2001:db8::30]:25: Network is unreachable)",
	};
	CHECK(!blocked(other, 2));
	/* the status naming an IPv4 "Network is unreachable": no IPv6 reason */
	static const char *const v4[] = {
	    GMAIL_V4_TIMEOUT,
	    "Oct 23 11:00:42 mx postfix/smtp[301]: B88245E60A61: to=<a@example.com>, relay=none, delay=94, delays=1.8/0.02/92/0, dsn=4.4.1, status=deferred (connect to alt2.aspmx.l.google.com[192.0.2.27]:25: Network is unreachable)",
	};
	CHECK(!blocked(v4, 2));
}
