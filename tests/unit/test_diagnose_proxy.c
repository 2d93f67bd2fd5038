/*
 * test_diagnose_proxy.c - the PROXY protocol in front of Postfix (threads
 * AP 01-04, tests/data/variants-families3/105*, 106*): postscreen's and
 * smtpd's "haproxy read:" lines told apart by what failed (a connection
 * closed before any header, or a header missing or unreadable), smtpd's
 * fatal error on a health check's header, its setting ignored behind
 * postscreen; look-alikes that must not give them; and a milter's DMARC
 * refusal of a large provider's server at a private address (a gateway
 * hides it) against the same refusal of a public one.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

static const struct {
	const char *line, *finding, *key; /* finding "": none of these */
} proxy_cases[] = {
    {"Mar  2 13:20:07 mx postfix/postscreen[11248]: warning: haproxy read: time limit exceeded",
     "proxy-protocol-handshake-failed", "postscreen"},
    {"Mar  2 13:20:07 mx postfix/submission/smtpd[1649]: warning: haproxy read: timeout error",
     "proxy-protocol-handshake-failed", "submission/smtpd"},
    {"Mar  2 13:20:07 mx postfix/postscreen[11248]: warning: haproxy read: short protocol header: EHLO client.example.net\\r\\n",
     "proxy-protocol-handshake-failed", "postscreen"},
    {"Mar  2 13:20:07 mx postfix/smtpd[1652]: fatal: smtpd_peer_hostaddr_to_sockaddr: cannot convert client address/port to string: Servname not supported for ai_socktype",
     "proxy-protocol-handshake-failed", "smtpd"},
    {"Apr 18 14:23:55 mx postfix/submission/smtpd[1649]: warning: haproxy read: unexpected EOF",
     "proxy-protocol-connection-closed", "submission/smtpd"},
    {"Apr 18 14:23:55 mx postfix/postscreen[1029]: warning: haproxy read: lost connection",
     "proxy-protocol-connection-closed", "postscreen"},
    {"Apr 18 14:23:55 mx postfix/smtpd[1062]: warning: haproxy read: EOF", "proxy-protocol-connection-closed", "smtpd"},
    {"warning: haproxy read: lost connection", "proxy-protocol-connection-closed", "PROXY protocol"},
    {"Apr 18 14:23:53 mx postfix/smtpd[1652]: warning: ignoring non-empty smtpd_upstream_proxy_protocol setting behind postscreen",
     "proxy-protocol-ignored-behind-postscreen", "smtpd"},
    /* look-alikes: another program's words, the words without a
     * severity, an empty reason, another setting ignored */
    {"Apr 18 14:23:52 mx dovecot: imap-login: haproxy: Client disconnected (rip=172.18.91.5)", "", NULL},
    {"Apr 18 14:23:55 mx postfix/smtpd[1062]: haproxy read: EOF", "", NULL},
    {"Apr 18 14:23:55 mx postfix/smtpd[1062]: warning: haproxy read: ", "", NULL},
    {"Apr 18 14:23:55 mx postfix/qmgr[1062]: warning: haproxy read: time limit exceeded", "", NULL},
    {"Apr 18 14:23:53 mx postfix/smtpd[1652]: warning: ignoring non-empty smtpd_proxy_filter setting", "", NULL},
};

TEST(diagnose_proxy_protocol_rows)
{
	for (size_t i = 0; i < sizeof proxy_cases / sizeof proxy_cases[0]; i++) {
		const struct event *ev = progs_line(proxy_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (!proxy_cases[i].key) {
			if (!strncmp(id, "proxy-protocol-", 15))
				test_fail(__FILE__, __LINE__, "case %zu: look-alike gave %s", i, id);
			continue;
		}
		if (strcmp(id, proxy_cases[i].finding) || strcmp(hit.key, proxy_cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", proxy_cases[i].finding, proxy_cases[i].key);
	}
}

/* a DMARC milter's refusal: a gateway's address when the client is
 * private and greets as a large provider's server; the sender's when
 * the client is public, or private without such a name, or loopback */
TEST(diagnose_milter_auth_behind_nat)
{
	static const struct {
		const char *line, *finding;
	} cases[] = {
	    {"Oct  6 10:00:01 mx postfix/cleanup[4665]: 78DA3189E7E: milter-reject: END-OF-MESSAGE from unknown[172.18.0.1]: 5.7.1 rejected by DMARC policy for google.com; from=<noreply-dmarc-support@google.com> to=<postmaster@example.com> proto=ESMTP helo=<mail-oi0-x249.google.com>",
	     "nat-hides-clients"},
	    {"Oct  6 10:00:02 mx postfix/cleanup[4665]: 78DA3189E7F: milter-reject: END-OF-MESSAGE from mail-oi0-x249.google.com[209.85.218.73]: 5.7.1 rejected by DMARC policy for google.com; from=<noreply-dmarc-support@google.com> to=<postmaster@example.com> proto=ESMTP helo=<mail-oi0-x249.google.com>",
	     "sender-authentication-refused"},
	    {"Oct  6 10:00:03 mx postfix/cleanup[4665]: 78DA3189E80: milter-reject: END-OF-MESSAGE from unknown[172.18.0.1]: 5.7.1 rejected by DMARC policy for example.net; from=<news@example.net> to=<postmaster@example.com> proto=ESMTP helo=<mta.example.net>",
	     "sender-authentication-refused"},
	    {"Oct  6 10:00:04 mx postfix/cleanup[4665]: 78DA3189E81: milter-reject: END-OF-MESSAGE from localhost[127.0.0.1]: 5.7.1 rejected by DMARC policy for google.com; from=<noreply-dmarc-support@google.com> to=<postmaster@example.com> proto=ESMTP helo=<mail-oi0-x249.google.com>",
	     "sender-authentication-refused"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct event *ev = progs_line(cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (strcmp(id, cases[i].finding))
			test_fail(__FILE__, __LINE__, "case %zu: got %s, want %s", i, id, cases[i].finding);
	}
}

/* a PROXY header where SMTP was expected: the finding, keyed by the
 * listener, for postscreen's PREGREET, smtpd's early pipelining and its
 * non-SMTP command (v1 and v2); a bot's pregreet and an HTTP request are
 * not it */
TEST(diagnose_proxy_header_unexpected)
{
	static const struct {
		const char *line, *key; /* key NULL: not proxy-protocol-not-enabled */
	} cases[] = {
	    {"Mar  5 09:00:01 mx postfix/postscreen[800]: PREGREET 47 after 0 from [10.0.0.5]:40112: PROXY TCP4 203.0.113.9 192.0.2.1 51234 25\\r\\n",
	     "postscreen"},
	    {"Mar  5 09:00:01 mx postfix/postscreen[800]: PREGREET 28 after 0 from [198.51.100.4]:40112: \\r\\n\\r\\n\\000\\r\\nQUIT\\n!\\021\\000\\014",
	     "postscreen"},
	    {"Mar  5 09:01:02 mx postfix/submission/smtpd[900]: improper command pipelining after CONNECT from unknown[10.0.0.5]: PROXY TCP6 2001:db8::5 2001:db8::1 5123 587\\r\\nEHLO laptop\\r\\n",
	     "submission/smtpd"},
	    {"Mar  5 09:01:02 mx postfix/smtpd[900]: warning: non-SMTP command from unknown[10.0.0.5]: PROXY TCP4 198.51.100.8 192.0.2.1 5123 25",
	     "smtpd"},
	    {"Mar  5 09:00:01 mx postfix/postscreen[800]: PREGREET 11 after 0.1 from [203.0.113.50]:40112: EHLO User\\r\\n", NULL},
	    {"Mar  5 09:01:02 mx postfix/smtpd[900]: warning: non-SMTP command from unknown[203.0.113.51]: GET / HTTP/1.1", NULL},
	    {"Mar  5 09:01:02 mx postfix/smtpd[900]: warning: non-SMTP command from unknown[203.0.113.52]: PROXYTCP4", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct event *ev = progs_line(cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		bool is = got && hit.id == F_PROXY_UNEXPECTED;
		if (!cases[i].key) {
			if (is)
				test_fail(__FILE__, __LINE__, "case %zu: look-alike gave proxy-protocol-not-enabled", i);
			continue;
		}
		if (!is || strcmp(hit.key, cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want proxy-protocol-not-enabled [%s]", i,
				  got ? finding_id(hit.id) : "", got ? hit.key : "", cases[i].key);
		if (diag_passes_by(ev))
			test_fail(__FILE__, __LINE__, "case %zu: passed by before the rules", i);
	}
}
