/*
 * test_table_folds.c - a table's client-side lookup errors told as the
 * cause another line names (table_folds.c): a mysql: table whose .cf
 * file cannot be read (threads BA 03: "Permission denied") is that file's
 * problem, not a database server that does not answer; the server stays
 * when its own lines say so or the lookups name another table.  And
 * pickup's "message has been queued for N days" while cleanup refuses
 * messages for one table is that table's, not a pickup service down.
 * Fed through the whole front of the pipeline (blame_pipe.h).
 */
#include "blame_pipe.h"

#define H "Aug 30 05:10:07 panel postfix/"
#define UNREADABLE H "proxymap[31721]: warning: mysql:/etc/postfix/mysql-fwd.cf is unavailable. open /etc/postfix/mysql-fwd.cf: Permission denied"
#define LOOKUP H "cleanup[31846]: warning: proxy:mysql:/etc/postfix/mysql-fwd.cf lookup error for \"hello@mail.com\""
#define REFUSED H "cleanup[31846]: warning: CC3AC410AF57: virtual_alias_maps map lookup problem for hello@mail.com -- message not accepted, try again later"
#define WAITS H "pickup[3024]: warning: CC3AC410AF57: message has been queued for 45 days"

/* holds - whether the pipeline's diagnosis of lines holds id */
static bool holds(const char *const *lines, enum finding_id id)
{
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	bool has = has_finding(p, id);
	pipe_free(p);
	return has;
}

TEST(table_folds_unreadable_cf_file)
{
	static const char *const perm[] = {UNREADABLE, LOOKUP, REFUSED, NULL};
	CHECK(holds(perm, F_MAP_MISSING));
	CHECK(!holds(perm, F_MAP_SERVER_DOWN));
	/* the old wording "TYPE:PATH: table lookup problem" likewise */
	static const char *const old[] = {
	    UNREADABLE, H "smtpd[9]: warning: mysql:/etc/postfix/mysql-fwd.cf: table lookup problem", NULL};
	CHECK(holds(old, F_MAP_MISSING));
	CHECK(!holds(old, F_MAP_SERVER_DOWN));
	/* the lookups name another table: its server stays */
	static const char *const other[] = {
	    UNREADABLE, H "cleanup[31846]: warning: proxy:mysql:/etc/postfix/mysql-alias.cf lookup error for \"a@b\"", NULL};
	CHECK(holds(other, F_MAP_MISSING));
	CHECK(holds(other, F_MAP_SERVER_DOWN));
	/* a path that only begins like the unreadable one ("x.cf.new") */
	static const char *const longer[] = {
	    UNREADABLE, H "cleanup[31846]: warning: proxy:mysql:/etc/postfix/mysql-fwd.cf.new lookup error for \"a@b\"", NULL};
	CHECK(holds(longer, F_MAP_SERVER_DOWN));
	/* the server's own line (a refused connection) keeps it a server */
	static const char *const down[] = {
	    UNREADABLE, H "cleanup[31846]: warning: connect to mysql server 127.0.0.1: Connection refused", LOOKUP, NULL};
	CHECK(holds(down, F_MAP_SERVER_DOWN));
	/* the lookup errors alone: the server, as before */
	static const char *const alone[] = {LOOKUP, NULL};
	CHECK(holds(alone, F_MAP_SERVER_DOWN));
	CHECK(!holds(alone, F_MAP_MISSING));
}

TEST(table_folds_maildrop_waits)
{
	static const char *const waits[] = {UNREADABLE, LOOKUP, REFUSED, WAITS, NULL};
	CHECK(holds(waits, F_MAP_MISSING));
	CHECK(!holds(waits, F_PICKUP_DOWN));
	/* the waits alone: pickup (Postfix) was not running */
	static const char *const alone[] = {WAITS, NULL};
	CHECK(holds(alone, F_PICKUP_DOWN));
	/* a table failing in smtpd only: cleanup refused nothing */
	static const char *const smtpd[] = {
	    H "smtpd[9]: error: open database /etc/postfix/access.db: No such file or directory", WAITS, NULL};
	CHECK(holds(smtpd, F_MAP_MISSING));
	CHECK(holds(smtpd, F_PICKUP_DOWN));
	/* pickup that cannot be reached is not a wait in the maildrop */
	static const char *const down[] = {
	    UNREADABLE, LOOKUP, REFUSED, H "postdrop[77]: warning: unable to look up public/pickup: No such file or directory", NULL};
	CHECK(holds(down, F_PICKUP_DOWN));
	/* two tables refused by cleanup: the log does not say which */
	static const char *const two[] = {
	    UNREADABLE, LOOKUP, REFUSED,
	    H "cleanup[31846]: warning: pcre:/etc/postfix/header_checks is unavailable. unsupported dictionary type: pcre",
	    H "cleanup[31846]: warning: CD3AC410AF57: header_checks map lookup problem -- message not accepted, try again later",
	    WAITS, NULL};
	CHECK(holds(two, F_PICKUP_DOWN));
}

/* subject_of - whether the diagnosis of lines has a group of id whose
 * subjects hold s, and how many subjects that group has (or -1) */
static int subjects_of(const char *const *lines, enum finding_id id, const char *s, bool *has)
{
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	*has = group_subject(p, id, s);
	const struct diag_group *g = group_with(p, id);
	int n = g ? (int)strset_len(&g->subjects) : -1;
	pipe_free(p);
	return n;
}

/* a query the database refused is told with the tables its lines name
 * (threads BA 02, 06): the older "mysql query failed" names none, the
 * lookup errors folded into it do; dict_mysql.c's newer "mysql:FILE:
 * query failed: ..." names its own.  A path ends at a blank, a ':' or a
 * quote; a type alone, or a type named inside a word, adds nothing */
TEST(table_folds_query_names_its_tables)
{
	static const char *const old[] = {
	    H "proxymap[106]: warning: mysql query failed: You have an error in your SQL syntax; check the manual",
	    H "smtpd[107]: warning: proxy:mysql:/opt/postfix/conf/sql/mysql_virtual_sender_acl.cf lookup error for \"a@b\"",
	    NULL};
	bool has;
	CHECK(subjects_of(old, F_MAP_SYNTAX, "/opt/postfix/conf/sql/mysql_virtual_sender_acl.cf", &has) == 1);
	CHECK(has);
	CHECK(!holds(old, F_MAP_SERVER_DOWN));
	static const char *const newer[] = {
	    H "proxymap[106]: warning: mysql:/etc/postfix/sql/acl.cf: query failed: Unknown column 'x' in 'where clause'",
	    H "smtpd[107]: warning: proxy:mysql:/etc/postfix/sql/acl.cf lookup error for \"a@b\"", NULL};
	CHECK(subjects_of(newer, F_MAP_SYNTAX, "/etc/postfix/sql/acl.cf", &has) == 1);
	CHECK(has);
	/* the lookups alone name no refused query: no query group */
	static const char *const alone[] = {H "smtpd[107]: warning: proxy:mysql:/etc/postfix/sql/acl.cf lookup error for \"a@b\"", NULL};
	CHECK(subjects_of(alone, F_MAP_SYNTAX, "/etc/postfix/sql/acl.cf", &has) == -1);
	/* a regexp table's line: its finding, with no table subjects */
	static const char *const rx[] = {
	    H "cleanup[5]: warning: regexp map /etc/postfix/header_checks, line 3: ignoring unrecognized request", NULL};
	CHECK(subjects_of(rx, F_MAP_SYNTAX, "/etc/postfix/header_checks", &has) == 0);
	CHECK(!has);
	/* "mysql:/" with nothing after the slash, a quote right after it */
	static const char *const bare[] = {
	    H "proxymap[106]: warning: mysql query failed: Unknown column 'mysql:/' in 'field list'", NULL};
	CHECK(subjects_of(bare, F_MAP_SYNTAX, "/", &has) == 0);
}
