/*
 * test_service_host.c - inet_connect.c's fatal "host/service NAME/PORT
 * not found: REASON" (a milter, policy or filter endpoint whose host name
 * does not resolve: another container's service name) is
 * service-host-not-found keyed NAME/PORT; look-alikes stay what they were
 * (tests/data/variants-families3/99*).
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

static const struct {
	const char *line, *finding, *key;
} service_host_cases[] = {
    /* Mailu's rspamd milter by its container name (musl's reason) */
    {"Feb  2 10:00:01 mail postfix/smtpd[113]: fatal: host/service antispam/11332 not found: Name does not resolve",
     "service-host-not-found", "antispam/11332"},
    /* glibc's reason, cleanup's milter, a dotted name */
    {"Feb  2 10:00:02 mail postfix/cleanup[114]: fatal: host/service rspamd.mail.svc/11332 not found: Name or service not known",
     "service-host-not-found", "rspamd.mail.svc/11332"},
    /* a policy server's name that cannot be looked up now */
    {"Feb  2 10:00:03 mail postfix/smtpd[115]: fatal: host/service policyd/10023 not found: Temporary failure in name resolution",
     "service-host-not-found", "policyd/10023"},
    /* look-alikes: a warning, not the daemon's end; no port; no "not
     * found: " after the endpoint; a table's fatal */
    {"Feb  2 10:00:04 mail postfix/smtpd[116]: warning: host/service antispam/11332 not found: Name does not resolve",
     NULL, NULL},
    {"Feb  2 10:00:05 mail postfix/smtpd[117]: fatal: host/service antispam not found: Name does not resolve",
     "daemon-fatal-error", NULL},
    {"Feb  2 10:00:06 mail postfix/smtpd[118]: fatal: host/service antispam/11332 lookup: Name does not resolve",
     "daemon-fatal-error", NULL},
    {"Feb  2 10:00:07 mail postfix/smtpd[119]: fatal: open database /etc/postfix/antispam/11332.db: No such file or directory",
     NULL, NULL},
};

TEST(diagnose_service_host_rule)
{
	for (size_t i = 0; i < sizeof service_host_cases / sizeof service_host_cases[0]; i++) {
		const struct event *ev = progs_line(service_host_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		const char *want = service_host_cases[i].finding;
		if (!want) {
			if (!strcmp(id, "service-host-not-found"))
				test_fail(__FILE__, __LINE__, "case %zu: look-alike gave %s", i, id);
			continue;
		}
		if (strcmp(id, want) || (service_host_cases[i].key && strcmp(hit.key, service_host_cases[i].key)))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", want, service_host_cases[i].key ? service_host_cases[i].key : "");
	}
}

/* the endpoint cut at the key's bound: a long name is copied bounded,
 * and a name of control bytes reaches the key as '?' */
TEST(diagnose_service_host_bounded)
{
	char line[1200];
	char name[700];
	memset(name, 'a', sizeof name - 1);
	name[sizeof name - 1] = 0;
	snprintf(line, sizeof line, "Feb  2 10:00:08 mail postfix/smtpd[120]: fatal: host/service %s/25 not found: Name does not resolve", name);
	const struct event *ev = progs_line(line);
	struct diag_hit hit;
	if (!diag_classify(ev, &hit) || hit.id != F_SERVICE_HOST_UNKNOWN)
		test_fail(__FILE__, __LINE__, "long name not told as service-host-not-found");
	else if (strlen(hit.key) >= DIAG_KEY_MAX)
		test_fail(__FILE__, __LINE__, "key not bounded: %zu", strlen(hit.key));
}
