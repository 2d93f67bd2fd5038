/*
 * test_diagnose_upgrade.c - what an upgrade or a move to another host
 * leaves in the log (tests/data/variants-families3/114*, 115*, 116*):
 * a table type this Postfix lacks in each of its messages (dict_open.c,
 * mkmap_open.c before and after 3.12, 3.11's Berkeley DB surrogate), keyed
 * by the type; dynamicmaps.cf skipped for its owner or mode; OpenSSL 3's
 * refusal of this server's own certificate (ssl_rsa.c) told apart from a
 * client's handshake.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"
#include "syslog/prefix.h"

static const struct {
	const char *line;
	const char *finding;
	const char *key; /* NULL: any */
} upgrade_cases[] = {
    {"Jun 09 17:23:27 mail postfix/smtpd[84]: error: unsupported dictionary type: hash",
     "lookup-table-type-unsupported", "hash"},
    {"Jan 03 18:58:14 rleap postfix/smtp[10034]: warning: unsupported dictionary type: lmdb "
     "(/usr/lib/postfix/postfix-lmdb.so: No such file or directory)",
     "lookup-table-type-unsupported", "lmdb"},
    {"Jun 30 10:00:00 mail postfix/postalias[70]: fatal: unsupported map type for this operation: lmdb",
     "lookup-table-type-unsupported", "lmdb"},
    {"Jun 30 10:00:00 mail postfix/postmap[71]: fatal: unsupported map type: hash",
     "lookup-table-type-unsupported", "hash"},
    {"Dec  7 01:00:04 mx postfix/smtpd[100]: warning: hash:/etc/postfix/virtual is unavailable. "
     "Berkeley DB support for 'hash:/etc/postfix/virtual' is not available for this OS "
     "distribution; see https://www.postfix.org/NON_BERKELEYDB_README.html for alternatives",
     "lookup-table-type-unsupported", "hash"},
    {"Dec  7 01:00:04 mx postfix/tlsmgr[101]: error: Berkeley DB support for "
     "'btree:/var/lib/postfix/smtpd_scache' is not available for this build; see "
     "https://www.postfix.org/NON_BERKELEYDB_README.html for alternatives",
     "lookup-table-type-unsupported", "btree"},
    {"Jun 30 10:00:00 mail postfix/postalias[70]: warning: /etc/postfix/dynamicmaps.cf: file is "
     "owned or writable by non-root users -- skipping this file",
     "table-plugin-list-skipped", "/etc/postfix/dynamicmaps.cf"},
    {"Jun 30 10:00:00 mail postfix/smtpd[72]: warning: /etc/postfix/dynamicmaps.cf.d/lmdb: file is "
     "owned or writable by other users -- skipping this file",
     "table-plugin-list-skipped", "/etc/postfix/dynamicmaps.cf.d/lmdb"},
    {"Dec  7 01:00:00 mx postfix/smtpd[100]: warning: TLS library problem: error:0A00018F:SSL "
     "routines::ee key too small:ssl/ssl_rsa.c:101:",
     "tls-key-certificate", ""},
    /* look-alikes: a table whose file is missing (its type is there), a
     * plugin list read, a client's refusal of an old protocol */
    {"Apr 27 03:53:51 BOX postfix/trivial-rewrite[15377]: warning: hash:/etc/postfix/kz is "
     "unavailable. open database /etc/postfix/kz.db: No such file or directory",
     "lookup-table-missing", "/etc/postfix/kz"},
    {"Jun 30 10:00:00 mail postfix/smtpd[72]: warning: /etc/postfix/dynamicmaps.cf: line 3: "
     "bad number of fields",
     "other-warnings", NULL},
    {"Dec  7 01:00:07 mx postfix/smtpd[100]: warning: TLS library problem: error:0A000102:SSL "
     "routines::unsupported protocol:ssl/statem/statem_srvr.c:1657:",
     "tls-handshake-failures", NULL},
};

TEST(diagnose_upgrade_table_types)
{
	for (size_t i = 0; i < sizeof upgrade_cases / sizeof upgrade_cases[0]; i++) {
		const struct event *ev = progs_line(upgrade_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		bool ok = !strcmp(id, upgrade_cases[i].finding) &&
			  (!upgrade_cases[i].key || !strcmp(hit.key, upgrade_cases[i].key));
		if (!ok)
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s]", i, id, got ? hit.key : "");
	}
}

/* OpenSSL 3 names no function, only the file: ssl_rsa.c loads this
 * server's own certificate, so its security level's refusal is the
 * server's setup; the same words from the handshake's files stay a
 * handshake that had nothing in common */
TEST(tls_error_kind_openssl3_own_certificate)
{
	CHECK_INT(ev_tls_error_kind(span_of("error:0A00018F:SSL routines::ee key too small:ssl/ssl_rsa.c:101:")),
		  TLSE_SERVER);
	CHECK_INT(ev_tls_error_kind(span_of("error:0A00018E:SSL routines::ca md too weak:ssl/ssl_rsa.c:101:")),
		  TLSE_SERVER);
	CHECK_INT(ev_tls_error_kind(span_of("error:0A00018A:SSL routines::dh key too small:"
					   "ssl/statem/statem_clnt.c:2103:")),
		  TLSE_MISMATCH);
	CHECK_INT(ev_tls_error_kind(span_of("error:0A00018F:SSL routines::ee key too small:"
					   "ssl/statem/statem_srvr.c:3500:")),
		  TLSE_MISMATCH);
}
