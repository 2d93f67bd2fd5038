/*
 * test_smtputf8_own.c - message format family (threads AU): "SMTPUTF8 is
 * required, but was not offered by host H[A]" told by whose hop refused
 * (this host's own LMTP socket or loopback backend: its settings; any
 * other server: the remote's), and the status line pasted from a key
 * after relay= on ("dsn=5.6.7, status=...") or its reason alone.
 */
#include "progs.h"
#include "diagnose/rules.h"
#include "syslog/prefix.h"

#include <string.h>

/* classify - the finding id of one whole log line, or "" */
static const char *classify(const char *line)
{
	struct diag_hit hit;
	if (!diag_classify(progs_line(line), &hit))
		return "";
	return finding_id(hit.id);
}

#define UTF8(prog, relay, peer)                                                                    \
	"Jan 17 12:25:04 mail1 postfix/" prog "[4242]: 56167101856: to=<m@example.com>, relay=" relay \
	", delay=0.68, delays=0.64/0.01/0.03/0, dsn=5.6.7, status=bounced (SMTPUTF8 is required, "     \
	"but was not offered by host " peer ")"

TEST(smtputf8_own_backend_or_remote)
{
	/* LMTP on a UNIX socket, on loopback: this host's own store */
	CHECK_STR(classify(UTF8("lmtp", "mail.example.com[private/dovecot-lmtp]",
				"mail.example.com[private/dovecot-lmtp]")),
		  "own-backend-smtputf8-unsupported");
	CHECK_STR(classify(UTF8("lmtp", "mail.example.com[/var/lib/umail/lmtp]",
				"mail.example.com[/var/lib/umail/lmtp]")),
		  "own-backend-smtputf8-unsupported");
	CHECK_STR(classify(UTF8("lmtp", "::1[::1]:24", "::1[::1]")), "own-backend-smtputf8-unsupported");
	/* a content filter on loopback */
	CHECK_STR(classify(UTF8("smtp", "127.0.0.1[127.0.0.1]:10024", "127.0.0.1[127.0.0.1]")),
		  "own-backend-smtputf8-unsupported");
	/* a real remote server, a relay host on loopback's port 25 (a tunnel) */
	CHECK_STR(classify(UTF8("smtp", "mx.example.net[198.51.100.20]:25", "mx.example.net[198.51.100.20]")),
		  "outbound-smtputf8-unsupported");
	CHECK_STR(classify(UTF8("smtp", "127.0.0.1[127.0.0.1]:25", "127.0.0.1[127.0.0.1]")),
		  "outbound-smtputf8-unsupported");
}

TEST(smtputf8_fragments)
{
	/* cut before relay=, the socket named only in the reason, a name masked with a blank */
	CHECK_STR(classify("status=bounced (SMTPUTF8 is required, but was not offered by host mail.* "
			   "[private/dovecot-lmtp])"),
		  "own-backend-smtputf8-unsupported");
	CHECK_STR(classify("dsn=5.6.7, status=bounced (SMTPUTF8 is required, but was not offered by host "
			   "::1[::1])"),
		  "own-backend-smtputf8-unsupported");
	CHECK_STR(classify("dsn=5.6.7, status=bounced (SMTPUTF8 is required, but was not offered by host "
			   "mail.xxxx [xxxxx])"),
		  "outbound-smtputf8-unsupported");
	CHECK_STR(classify("delays=0.64/0.01/0.03/0, dsn=5.6.7, status=bounced (SMTPUTF8 is required, but "
			   "was not offered by host mx.example.net[198.51.100.20])"),
		  "outbound-smtputf8-unsupported");
	/* a key without a status after it, or a status inside the text: no delivery */
	CHECK_STR(classify("dsn=5.6.7 was the code"), "");
	CHECK_STR(classify("dsn=5.6.7 (see status=bounced, in the notice)"), "");
}

TEST(smtputf8_fragment_daemon)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(syslog_parse(&st, span_of("dsn=5.6.7, status=bounced (SMTPUTF8 is required, but was not "
					"offered by host mx.example.net[198.51.100.20])"),
			   &l));
	CHECK_SPAN(l.daemon, "smtp");
	CHECK(syslog_parse(&st, span_of("status=deferred (SMTPUTF8 is required, but was not offered by host "
					"mx.example.net[198.51.100.20])"),
			   &l));
	CHECK_SPAN(l.daemon, "smtp");
	/* other words after status=: not the SMTP client's */
	CHECK(!syslog_parse(&st, span_of("dsn=5.6.7, status=bounced (it is required, said the user)"), &l) ||
	      !span_eqs(l.daemon, "smtp"));
}
