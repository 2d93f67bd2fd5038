/*
 * test_diagnose_tls_own.c - this server's own TLS set-up read off single
 * lines (threads AZ): tls_misc.c's OpenSSL run-time vs compile-time
 * version warning, with look-alikes that must not give it, and the TLS
 * key rows merged into one ("No server certs available" still tells a
 * missing certificate).
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

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
