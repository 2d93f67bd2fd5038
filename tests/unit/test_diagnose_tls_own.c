/*
 * test_diagnose_tls_own.c - this server's own TLS set-up read off single
 * lines (threads AZ): tls_misc.c's OpenSSL run-time vs compile-time
 * version warning, with look-alikes that must not give it; the TLS
 * key rows merged into one ("No server certs available" still tells a
 * missing certificate); a cipher list of this server that matches no
 * cipher (SSL_CTX_set_cipher_list's "no cipher match", tls_misc.c's
 * "invalid TLS cipher list ...: aborting TLS session"), told apart from a
 * client's "no shared cipher".
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"
#include "util/span.h"

#include <string.h>

static const struct {
	const char *line, *finding; /* finding "": no rule */
} tls_own_cases[] = {
    {"Jun 25 10:00:00 mx postfix/smtpd[1920]: warning: run-time library vs. compile-time header version mismatch: OpenSSL 3.3.0 may not be compatible with OpenSSL 3.1.0",
     "tls-library-version-mismatch"},
    {"Jun 25 10:00:00 mx postfix/tlsmgr[1921]: warning: run-time library vs. compile-time header version mismatch: OpenSSL 1.1.1 may not be compatible with OpenSSL 1.0.2",
     "tls-library-version-mismatch"},
    /* a version of something else, and an info line quoting the words */
    {"Jun 25 10:00:00 mx postfix/smtpd[1922]: warning: database /etc/postfix/x.db is older than source file /etc/postfix/x",
     "lookup-table-stale"},
    {"Jun 25 10:00:00 mx postfix/smtpd[1923]: connect from run-time.example.com[192.0.2.1]", ""},
    /* the merged TLS key row: each of its former rows' needles */
    {"Jun 25 10:00:00 mx postfix/smtpd[1924]: warning: No server certs available. TLS won't be enabled",
     "tls-key-certificate"},
    {"Jun 25 10:00:00 mx postfix/smtpd[1925]: warning: cannot get RSA private key from file \"/etc/postfix/ssl/key\": disabling TLS support",
     "tls-key-certificate"},
    /* this server's cipher list: OpenSSL 3 and 1.1 shapes, the abort per session */
    {"Jun 25 10:00:00 mx postfix/smtpd[1926]: warning: TLS library problem: error:0A0000B9:SSL routines::no cipher match:ssl/ssl_lib.c:2760:",
     "tls-key-certificate"},
    {"Jun 25 10:00:00 mx postfix/smtpd[1927]: warning: TLS library problem: 1927:error:1410D0B9:SSL routines:SSL_CTX_set_cipher_list:no cipher match:ssl_lib.c:1383:",
     "tls-key-certificate"},
    {"Jun 25 10:00:00 mx postfix/smtpd[1928]: warning: mail.example.net[198.51.100.20]: invalid TLS cipher list: \"aNULL:-aNULL:HIHG\": aborting TLS session",
     "tls-key-certificate"},
    /* a client's: no cipher in common is a handshake, not the list */
    {"Jun 25 10:00:00 mx postfix/smtpd[1929]: warning: TLS library problem: error:0A0000C1:SSL routines::no shared cipher:ssl/statem/statem_srvr.c:2220:",
     "tls-handshake-failures"},
    /* the verbose list line (msg_info) is no warning */
    {"Jun 25 10:00:00 mx postfix/smtpd[1930]: mail.example.net[198.51.100.20]: TLS cipher list \"aNULL:-aNULL:HIGH:@STRENGTH\"", ""},
};

TEST(diagnose_tls_own_rules)
{
	for (size_t i = 0; i < sizeof tls_own_cases / sizeof tls_own_cases[0]; i++) {
		const struct event *ev = progs_line(tls_own_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		CHECK_STR(got ? finding_id(hit.id) : "", tls_own_cases[i].finding);
	}
}

/* SSL_CTX_set_cipher_list's error is this server's set-up, "no shared
 * cipher" and "no ciphers available" the handshake's */
TEST(tls_error_kind_cipher_list)
{
	CHECK_INT(ev_tls_error_kind(span_of("error:0A0000B9:SSL routines::no cipher match:ssl/ssl_lib.c:2760:")), TLSE_SERVER);
	CHECK_INT(ev_tls_error_kind(span_of("error:0A0000C1:SSL routines::no shared cipher:ssl/statem/statem_srvr.c:2220:")), TLSE_MISMATCH);
	CHECK_INT(ev_tls_error_kind(span_of("error:0A0000B5:SSL routines::no ciphers available:ssl/statem/statem_clnt.c:1000:")), TLSE_MISMATCH);
}
