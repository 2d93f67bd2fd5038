/*
 * test_address_maps.c - cleanup's words that an address map could not be
 * applied (cleanup_map1n.c, cleanup_map11.c, smtp_map11.c), in each
 * version's form, are alias-expansion-refused or address-map-multi-valued
 * keyed by the map and the kind, the address the subject; what this
 * server's REDIRECT, WARN, BCC... rules did (cleanup_act_log, smtpd's
 * log_whatsup) is mail-redirected-by-rule or content-rule-note; local's
 * "alias database loop" is mail-forwarding-loop; look-alikes and hostile
 * text stay bounded (tests/data/variants-families3/156-159).
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

#include <string.h>

static const struct {
	const char *line, *finding, *key, *subject;
} map_cases[] = {
    /* 2.11 and later: the message refused */
    {"Sep  9 13:08:27 mx postfix/cleanup[1042]: warning: 4258667796: unreasonable virtual_alias_maps map nesting for postmaster@example.com -- message not accepted, try again later",
     "alias-expansion-refused", "virtual_alias_maps map nesting", "postmaster@example.com"},
    /* 2.8 to 2.10, and before: other tails */
    {"Jun 10 14:05:11 lists postfix/cleanup[2203]: warning: 2D3E4F5A6B: unreasonable virtual_alias_maps map expansion size for members@example.org -- deferring delivery",
     "alias-expansion-refused", "virtual_alias_maps map expansion size", "members@example.org"},
    {"Jun 10 14:20:33 lists postfix/cleanup[2203]: warning: 3E4F5A6B7C: unreasonable virtual_alias_maps map expansion size for members@example.org",
     "alias-expansion-refused", "virtual_alias_maps map expansion size", "members@example.org"},
    /* an expansion result longer than the length limit */
    {"Jun 10 14:20:34 lists postfix/cleanup[2203]: warning: 3E4F5A6B7D: unreasonable virtual_alias_maps result aaaaaaaaaaaaaaaaaaaa... -- message not accepted, try again later",
     "alias-expansion-refused", "virtual_alias_maps result length", "aaaaaaaaaaaaaaaaaaaa"},
    /* cleanup_map11.c: a canonical map's loop, no tail */
    {"Jun 10 14:20:35 mx postfix/cleanup[2203]: warning: 3E4F5A6B7E: unreasonable sender_canonical_maps map nesting for a@example.com",
     "alias-expansion-refused", "sender_canonical_maps map nesting", "a@example.com"},
    /* one-to-one maps given several addresses */
    {"May 20 08:30:01 gw postfix/cleanup[5103]: warning: 6A7B8C9D0E: multi-valued recipient_canonical_maps entry for sales@example.com",
     "address-map-multi-valued", "recipient_canonical_maps", "sales@example.com"},
    {"May 20 08:41:13 gw postfix/smtp[5106]: warning: multi-valued smtp_generic_maps result for sales@gw.example.com",
     "address-map-multi-valued", "smtp_generic_maps", "sales@gw.example.com"},
    /* local's loop of /etc/aliases: the loop finding, keyed local */
    {"Mar  4 10:02:00 mx1 postfix/local[4111]: warning: alias database loop for admins",
     "mail-forwarding-loop", "local", NULL},
    /* look-alikes: the table's failure, a milter's packet, a name that is
     * no parameter, a sender's text quoting the words */
    {"Mar  4 09:12:02 mx1 postfix/cleanup[4103]: warning: 5D1A23E0F1: virtual_alias_maps map lookup problem for postmaster@example.com -- message not accepted, try again later",
     "lookup-table-missing", NULL, NULL},
    {"Jun 10 14:00:02 mx postfix/cleanup[3303]: warning: milter inet:127.0.0.1:8891: unreasonable packet length: 1073741900 > 1073741823",
     "milter-crashed", NULL, NULL},
    {"Jun 10 14:00:02 mx postfix/cleanup[3303]: warning: 4F5A6B7C8D: unreasonable Virtual-Alias map nesting for x@example.com",
     "other-warnings", NULL, NULL},
    {"Jun 10 14:00:02 mx postfix/cleanup[3303]: warning: 4F5A6B7C8D: unreasonable charset name: 'x-unreasonable virtual_alias_maps map nesting for '",
     "other-warnings", NULL, NULL},
};

TEST(diagnose_address_map_rule)
{
	for (size_t i = 0; i < sizeof map_cases / sizeof map_cases[0]; i++) {
		const struct event *ev = progs_line(map_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (strcmp(id, map_cases[i].finding)) {
			test_fail(__FILE__, __LINE__, "case %zu: got %s, want %s", i, id, map_cases[i].finding);
			continue;
		}
		if (map_cases[i].key && strcmp(hit.key, map_cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: key %s, want %s", i, hit.key, map_cases[i].key);
		if (map_cases[i].subject && strcmp(hit.subject, map_cases[i].subject))
			test_fail(__FILE__, __LINE__, "case %zu: subject %s, want %s", i, hit.subject,
				  map_cases[i].subject);
	}
}

/* the sender's address is hostile: a long one is cut at the key's size,
 * its control bytes made '?', and nothing is read past the line */
TEST(diagnose_address_map_hostile)
{
	char line[3000];
	int n = snprintf(line, sizeof line,
			 "Jun 10 14:00:02 mx postfix/cleanup[3303]: warning: 4F5A6B7C8D: unreasonable "
			 "virtual_alias_maps map nesting for ");
	memset(line + n, 'x', 2000);
	line[n + 5] = '\033';
	line[n + 2000] = 0;
	const struct event *ev = progs_line(line);
	struct diag_hit hit;
	CHECK(diag_classify(ev, &hit));
	CHECK(hit.id == F_ALIAS_EXPANSION);
	CHECK(strlen(hit.subject) == DIAG_KEY_MAX - 1);
	CHECK(hit.subject[5] == '?');
	/* the title must be a parameter's name: cut after "unreasonable " */
	ev = progs_line("Jun 10 14:00:02 mx postfix/cleanup[3303]: warning: 4F5A6B7C8D: unreasonable ");
	CHECK(!diag_classify(ev, &hit) || hit.id != F_ALIAS_EXPANSION);
	ev = progs_line("Jun 10 14:00:02 mx postfix/cleanup[3303]: warning: 4F5A6B7C8D: multi-valued _maps");
	CHECK(!diag_classify(ev, &hit) || hit.id != F_MAP_MULTI_VALUED);
}

static const struct {
	const char *line, *finding, *key;
} action_cases[] = {
    /* header_checks REDIRECT, keyed by its target */
    {"Sep 15 11:00:01 mx postfix/cleanup[6103]: 8B9C0D1E2F: redirect: header Subject: Invoice from mail.example.net[203.0.113.80]; from=<b@example.net> to=<a@example.com> proto=ESMTP helo=<mail.example.net>: review@example.com",
     "mail-redirected-by-rule", "REDIRECT review@example.com"},
    /* a paste cut right after the class still tells the action */
    {"Apr  9 23:20:38 mail postfix/cleanup[11865]: 9305215C009: redirect: header",
     "mail-redirected-by-rule", "REDIRECT header"},
    /* an access table's REDIRECT, by smtpd */
    {"Sep 15 11:10:01 mx postfix/smtpd[6101]: 9C0D1E2F3A: redirect: RCPT from mail.example.net[203.0.113.80]: <old@example.com>: Recipient address triggers REDIRECT sales@example.com; from=<b@example.net> to=<old@example.com> proto=ESMTP helo=<mail.example.net>",
     "mail-redirected-by-rule", "REDIRECT sales@example.com"},
    /* notes: WARN with its text, BCC with its copy's address, PREPEND,
     * a WARN without text keyed by the header's name */
    {"Sep 15 11:10:01 mx postfix/cleanup[6103]: 9C0D1E2F3A: warning: header Subject: Report from mail.example.net[203.0.113.80]; from=<b@example.net> to=<a@example.com> proto=ESMTP helo=<mail.example.net>: logged subject",
     "content-rule-note", "WARN logged subject"},
    {"Sep 15 11:10:01 mx postfix/cleanup[6103]: 9C0D1E2F3A: bcc: header Subject: Report from mail.example.net[203.0.113.80]; from=<b@example.net> to=<a@example.com> proto=ESMTP helo=<mail.example.net>: archive@example.com",
     "content-rule-note", "BCC archive@example.com"},
    {"Sep 15 11:10:01 mx postfix/cleanup[6103]: 9C0D1E2F3A: warning: header Subject: Weekly news from unknown[172.17.0.1]; from=<n@example.net> to=<a@example.com> proto=ESMTP helo=<mail.example.net>",
     "content-rule-note", "WARN header \"Subject\""},
    {"Mar 30 10:00:00 mx postfix/cleanup[6103]: 48rT2v1hQrz1J0N: prepend: header X-Spam-Status: Yes, score=45.1 from mx2.example.org[192.0.2.41]; from=<a@example.org> to=<r@example.net> proto=ESMTP helo=<mx2.example.org>: X-Spam-Status: Yes",
     "content-rule-note", "PREPEND X-Spam-Status: Yes"},
    /* the content filter's route and smtpd's "warning" spelling are none */
    {"Dec 17 06:28:56 sm02 postfix/smtpd[115]: NOQUEUE: filter: RCPT from unknown[198.51.100.44]: <s@example.com>: Sender address triggers FILTER smtp-amavis:[127.0.0.1]:10026; from=<s@example.com> to=<r@example.org> proto=ESMTP helo=<x>",
     NULL, NULL},
    {"Sep 15 11:10:01 mx postfix/cleanup[6103]: 9C0D1E2F3A: filter: header Subject: Report from mail.example.net[203.0.113.80]; from=<b@example.net> to=<a@example.com> proto=ESMTP helo=<mail.example.net>: smtp:[127.0.0.1]:10025",
     NULL, NULL},
};

TEST(diagnose_rule_actions)
{
	for (size_t i = 0; i < sizeof action_cases / sizeof action_cases[0]; i++) {
		const struct event *ev = progs_line(action_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		if (!action_cases[i].finding) {
			if (got && (hit.id == F_RULE_NOTE || hit.id == F_RULE_REDIRECTED))
				test_fail(__FILE__, __LINE__, "case %zu: look-alike gave %s", i, finding_id(hit.id));
			continue;
		}
		if (!got || strcmp(finding_id(hit.id), action_cases[i].finding) || strcmp(hit.key, action_cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i,
				  got ? finding_id(hit.id) : "none", got ? hit.key : "", action_cases[i].finding,
				  action_cases[i].key);
	}
}
