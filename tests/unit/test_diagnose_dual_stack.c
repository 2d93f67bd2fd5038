/*
 * test_diagnose_dual_stack.c - IPv6 and dual-stack hosts (threads BD,
 * tests/data/variants-families3/150*): inet_proto.c's warnings
 * when the kernel has IPv6 off (harmless: Postfix goes on with IPv4) and
 * the same words in a fatal (inet_protocols = ipv6 alone: Postfix does
 * not start).
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
