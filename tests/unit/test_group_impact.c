/* test_group_impact.c - diag_group_impact (diagnose/impact.c): a lookup
 * table's failure keeps its row's impact (incoming mail refused) unless
 * every kept line was logged by one kind of delivery agent or of
 * table-building command; the program's name is read off the line's
 * prefix only (or a command's name starting a line without one), never
 * off its text */
#include "tap.h"
#include "diagnose/diagnose.h"

#include <string.h>

/* impact_of - the impact of a group of id with the given sample lines */
static enum finding_impact impact_of(enum finding_id id, const char *const *lines, uint32_t n)
{
	struct diag_group g;
	memset(&g, 0, sizeof g);
	g.id = id;
	g.nsample = n;
	for (uint32_t i = 0; i < n && i < DIAG_SAMPLES; i++)
		g.sample[i] = (char *)lines[i];
	return diag_group_impact(&g);
}

TEST(group_impact_table_read_by_delivery_agent)
{
	static const char *const smtp[] = {
	    "Nov 12 08:00:02 mx postfix/smtp[7104]: warning: hash:/etc/postfix/sasl_passwd is unavailable.",
	    "2026-11-12T08:00:02.1+00:00 mx postfix-out/lmtp[7105]: warning: hash:/x lookup error for \"a\""};
	static const char *const local[] = {"Nov 12 08:00:02 mx postfix/local[7]: warning: hash:/etc/aliases is unavailable."};
	static const char *const mixed[] = {"Nov 12 08:00:02 mx postfix/smtp[1]: warning: hash:/x is unavailable.",
					    "Nov 12 08:00:02 mx postfix/local[2]: warning: hash:/x is unavailable."};
	static const char *const smtpd[] = {"Nov 12 08:00:02 mx postfix/smtp[1]: warning: hash:/x is unavailable.",
					    "Nov 12 08:00:02 mx postfix/smtpd[2]: warning: hash:/x is unavailable."};
	/* the text names smtp, the prefix is smtpd's; a line without a
	 * program; a bracket at the start; a "/smtp[" after the "]: " */
	static const char *const text[] = {"Nov 12 08:00:02 mx postfix/smtpd[2]: warning: see postfix/smtp[1]: x"};
	static const char *const bare[] = {"warning: hash:/etc/postfix/sasl_passwd is unavailable."};
	static const char *const odd[] = {"[1]: x", "/smtp[", "]: ", ""};
	static const char *const after[] = {"x]: postfix/smtp[1]: warning"};

	CHECK(impact_of(F_MAP_MISSING, smtp, 2) == IMPACT_DELAYED);
	CHECK(impact_of(F_MAP_SERVER_DOWN, smtp, 1) == IMPACT_DELAYED);
	CHECK(impact_of(F_MAP_MISSING, local, 1) == IMPACT_NOT_DELIVERED);
	CHECK(impact_of(F_MAP_MISSING, mixed, 2) == finding_impact(F_MAP_MISSING));
	CHECK(impact_of(F_MAP_MISSING, smtpd, 2) == IMPACT_REFUSED);
	CHECK(impact_of(F_MAP_MISSING, text, 1) == IMPACT_REFUSED);
	CHECK(impact_of(F_MAP_MISSING, bare, 1) == IMPACT_REFUSED);
	CHECK(impact_of(F_MAP_MISSING, after, 1) == IMPACT_REFUSED);
	for (uint32_t i = 0; i < 4; i++)
		CHECK(impact_of(F_MAP_MISSING, odd + i, 1) == IMPACT_REFUSED);
	CHECK(impact_of(F_MAP_MISSING, smtp, 0) == IMPACT_REFUSED);
	/* postalias, postmap or newaliases failing on a table refuse no mail */
	static const char *const cmds[] = {
	    "postalias: fatal: unsupported dictionary type: lmdb. Is the postfix-lmdb",
	    "Nov 12 08:00:02 mx postfix/postmap[31]: fatal: open database /etc/postfix/virtual.db: No such file",
	    "newaliases: fatal: unsupported dictionary type: hash"};
	static const char *const cmd_smtpd[] = {"postalias: fatal: unsupported dictionary type: lmdb",
						"Nov 12 08:00:02 mx postfix/smtpd[2]: warning: lmdb:/x is unavailable."};
	/* a command named in the text, a capital, a space, a colon alone */
	static const char *const not_cmd[] = {"warning: postalias: fatal: x", "Postalias: fatal: x",
					      "postalias : fatal", "postalias:fatal", "postmap:", "postmap"};
	CHECK(impact_of(F_MAP_TYPE, cmds, 3) == IMPACT_COMMAND);
	CHECK(impact_of(F_MAP_MISSING, cmds + 1, 1) == IMPACT_COMMAND);
	CHECK(impact_of(F_MAP_TYPE, cmd_smtpd, 2) == IMPACT_REFUSED);
	for (uint32_t i = 0; i < 6; i++)
		CHECK(impact_of(F_MAP_TYPE, not_cmd + i, 1) == IMPACT_REFUSED);
	/* another finding keeps its row's impact whoever logged it */
	CHECK(impact_of(F_OUT_REMOTE_TEMP, smtp, 2) == finding_impact(F_OUT_REMOTE_TEMP));
	CHECK(impact_of(F_MAP_SYNTAX, smtp, 2) == finding_impact(F_MAP_SYNTAX));
	CHECK(impact_of(F_MAP_SYNTAX, cmds, 3) == finding_impact(F_MAP_SYNTAX));
}

/* impact_keyed - impact_of for a group keyed by key */
static enum finding_impact impact_keyed(enum finding_id id, const char *key, const char *const *lines, uint32_t n)
{
	struct diag_group g;
	memset(&g, 0, sizeof g);
	g.id = id;
	g.key = (char *)key;
	g.nsample = n;
	for (uint32_t i = 0; i < n && i < DIAG_SAMPLES; i++)
		g.sample[i] = (char *)lines[i];
	return diag_group_impact(&g);
}

/* a query the database or directory refused fails every lookup of its
 * table: incoming mail refused when smtpd or cleanup asked it (threads BA
 * 02, 06), mail deferred when only the SMTP client did; a bad line of a
 * regexp or pcre table keeps its row's impact (the rule is skipped) */
TEST(group_impact_refused_query)
{
	static const char *const smtpd[] = {
	    "Feb 12 18:14:07 mx postfix/proxymap[106]: warning: mysql query failed: You have an error in your SQL syntax",
	    "Feb 12 18:14:07 mx postfix/smtpd[107]: warning: proxy:mysql:/opt/postfix/conf/sql/x.cf lookup error for \"a@b\""};
	static const char *const smtp[] = {
	    "Nov 12 08:00:02 mx postfix/smtp[7104]: warning: pgsql:/etc/postfix/tls.cf lookup error for \"b\""};
	CHECK(impact_keyed(F_MAP_SYNTAX, "SQL query", smtpd, 2) == IMPACT_REFUSED);
	CHECK(impact_keyed(F_MAP_SYNTAX, "LDAP query", smtpd, 2) == IMPACT_REFUSED);
	CHECK(impact_keyed(F_MAP_SYNTAX, "SQL query", smtp, 1) == IMPACT_DELAYED);
	CHECK(impact_keyed(F_MAP_SYNTAX, "SQL query", smtpd, 0) == IMPACT_REFUSED);
	CHECK(impact_keyed(F_MAP_SYNTAX, "/etc/postfix/header_checks", smtpd, 2) == finding_impact(F_MAP_SYNTAX));
	CHECK(impact_keyed(F_MAP_SYNTAX, "SQL query ", smtpd, 2) == finding_impact(F_MAP_SYNTAX));
	CHECK(impact_keyed(F_MAP_SYNTAX, "", smtpd, 2) == finding_impact(F_MAP_SYNTAX));
	CHECK(finding_impact(F_MAP_SYNTAX) != IMPACT_REFUSED);
}

/* an address map cleanup cannot apply: what its tail says of the message */
TEST(group_impact_alias_expansion_by_version)
{
	static const char *const now[] = {
	    "Nov 12 08:00:02 mx postfix/cleanup[7]: 4B1C2: warning: unreasonable virtual_alias_maps map nesting for a@example.com -- message not accepted, try again later"};
	static const char *const old[] = {
	    "Nov 12 08:00:02 mx postfix/cleanup[7]: 4B1C2: warning: unreasonable virtual_alias_maps map expansion size for a@example.com -- deferring delivery"};
	static const char *const oldest[] = {
	    "Nov 12 08:00:02 mx postfix/cleanup[7]: 4B1C2: warning: unreasonable canonical_maps map nesting for a@example.com"};
	/* not static: clang takes no element of another array as a constant */
	const char *const both[] = {oldest[0], now[0]};
	CHECK(impact_of(F_ALIAS_EXPANSION, now, 1) == IMPACT_REFUSED);
	CHECK(impact_of(F_ALIAS_EXPANSION, old, 1) == IMPACT_DELAYED);
	CHECK(impact_of(F_ALIAS_EXPANSION, oldest, 1) == IMPACT_NOT_DELIVERED);
	CHECK(impact_of(F_ALIAS_EXPANSION, both, 2) == IMPACT_REFUSED);
	CHECK(impact_of(F_ALIAS_EXPANSION, NULL, 0) == IMPACT_REFUSED);
}

/* a Sieve script that fails: kept in INBOX without the user's rules (a
 * feature not working), or left waiting when aborted (the row's) */
TEST(group_impact_sieve_implicit_keep)
{
	static const char *const kept[] = {
	    "Mar  4 10:00:01 mx dovecot: lmtp(anna@example.com)<4711><AbCd>: Error: sieve: msgid=<a@example.org>: Execution of script /var/vmail/anna/.dovecot.sieve failed, but implicit keep was successful (user logfile /var/vmail/anna/.dovecot.sieve.log may reveal additional details)"};
	static const char *const aborted[] = {
	    "Mar  4 10:00:01 mx dovecot: lmtp(anna@example.com)<4711><AbCd>: Error: sieve: msgid=<a@example.org>: Execution of script /var/vmail/anna/.dovecot.sieve was aborted due to temporary failure"};
	const char *const both[] = {kept[0], aborted[0]};
	CHECK(impact_of(F_SIEVE_FAILING, kept, 1) == IMPACT_DEGRADED);
	CHECK(impact_of(F_SIEVE_FAILING, aborted, 1) == IMPACT_DELAYED);
	CHECK(impact_of(F_SIEVE_FAILING, both, 2) == IMPACT_DELAYED);
	CHECK(impact_of(F_SIEVE_FAILING, kept, 0) == IMPACT_DELAYED);
}
