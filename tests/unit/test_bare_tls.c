/*
 * test_bare_tls.c - the TLS library's handshake failure lines pasted
 * without a syslog prefix (bare_tls.c): their program told by their
 * shape, and the "TLS library problem" warnings right after them given
 * the same program, while a warning with another line between keeps none.
 */
#include "prefix_check.h"

/* tls - the program bare_tls.c tells, "" when none */
static const char *tls(const char *text)
{
	const char *d = syslog_bare_tls_daemon(span_of(text));
	return d ? d : "";
}

TEST(bare_tls_shape_to_daemon)
{
	CHECK_STR(tls("SSL_connect error to smtp.example.net[192.0.2.7]:465: -1"), "smtp");
	CHECK_STR(tls("SSL_connect error to smtp.example.net[...]:587: Connection reset by peer"), "smtp");
	CHECK_STR(tls("SSL_accept error from unknown[192.0.2.1]: -1"), "smtpd");
	CHECK_STR(tls("SSL_accept error from mail.example.org[192.0.2.1]: lost connection"), "smtpd");
	/* the client's namaddr has a port, the server's none; no reason,
	 * a blank in the address, prose after the words: unread */
	CHECK_STR(tls("SSL_connect error to smtp.example.net[192.0.2.7]: -1"), "");
	CHECK_STR(tls("SSL_accept error from unknown[192.0.2.1]:25: -1"), "");
	CHECK_STR(tls("SSL_accept error from unknown[192.0.2.1]: "), "");
	CHECK_STR(tls("SSL_accept error from unknown[192.0.2.1]"), "");
	CHECK_STR(tls("SSL_accept error from domain.example.com [x.x.x.x] -1"), "");
	CHECK_STR(tls("SSL_accept error from [192.0.2.1]: -1"), "");
	CHECK_STR(tls("SSL_accept errors from everywhere, said he"), "");
	CHECK_STR(tls("SSL_connect error to"), "");
	/* bare.c's table falls through to these */
	CHECK_STR(syslog_bare_daemon(span_of("SSL_connect error to relay.example.net[192.0.2.9]:465: -1")), "smtp");
}

TEST(bare_tls_warning_pairs)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "SSL_connect error to smtp.example.net[192.0.2.7]:465: -1", &l));
	CHECK(l.postfix && l.inferred);
	CHECK_SPAN(l.daemon, "smtp");
	CHECK(parse(&st, "warning: TLS library problem: error:0A00010B:SSL routines::wrong version number", &l));
	CHECK_SPAN(l.severity, "warning");
	CHECK_SPAN(l.daemon, "smtp");
	CHECK(l.inferred);
	/* tls_print_errors writes several: each takes it */
	CHECK(parse(&st, "warning: TLS library problem: error:0A000126:SSL routines::unexpected eof while reading", &l));
	CHECK_SPAN(l.daemon, "smtp");
	/* another line between ends the pairing */
	CHECK(parse(&st, "connect from unknown[192.0.2.1]", &l));
	CHECK(parse(&st, "warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol", &l));
	CHECK(!l.daemon.n && !l.inferred);
	CHECK(parse(&st, "SSL_accept error from unknown[192.0.2.1]: -1", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK(parse(&st, "warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	/* a warning of other words after a handshake line keeps no program */
	CHECK(parse(&st, "SSL_accept error from unknown[192.0.2.1]: -1", &l));
	CHECK(parse(&st, "warning: database /etc/postfix/x.db is older than source file /etc/postfix/x", &l));
	CHECK(!l.daemon.n);
	/* a new file starts unpaired */
	CHECK(parse(&st, "SSL_accept error from unknown[192.0.2.1]: -1", &l));
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol", &l));
	CHECK(!l.daemon.n);
}
