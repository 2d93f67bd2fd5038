/*
 * table_folds.c - the lines that only tell a lookup table's failure
 * from the client side, told as the cause that another line names.
 * Postfix's maps.c logs "TYPE:NAME lookup error for \"KEY\"" (and older
 * versions "TYPE:NAME: table lookup problem") wherever a table gave an
 * error instead of an answer, whatever the reason: for a mysql:, pgsql:
 * or ldap: table those lines alone are told as the database server's
 * (F_MAP_SERVER_DOWN, keyed "MySQL", "PostgreSQL", "LDAP").  When the
 * log says why (the database refused the query, the table's .cf file
 * cannot be read), they are that cause's; and the locally submitted mail
 * that cleanup kept refusing for the table, which pickup then finds in
 * the maildrop directory days old, is the table's too, not a pickup
 * service that does not run.
 */
#include "diag_internal.h"

#include <string.h>

/* diag_fold_sql_query - a table whose SQL query the database refused
 * (F_MAP_SYNTAX keyed "SQL query") also fails its lookups: those lines,
 * told as the database server's (F_MAP_SERVER_DOWN, "MySQL" or
 * "PostgreSQL": "mysql:/etc/postfix/x.cf lookup error for"), are the
 * query's; the server answered.  An LDAP table's search the directory
 * refused ("LDAP query": no such search base, a bad filter) likewise
 * takes the "LDAP" lookup errors */
/* ldap_cause - an "LDAP" group whose lines tell a cause of their own
 * (the server not reached, another search error), not only the lookup
 * errors that follow a refused search */
static bool ldap_cause(const struct diag_group *g)
{
	for (uint32_t j = 0; j < g->nsample; j++)
		if (g->sample[j] && (strstr(g->sample[j], "Search error ") || strstr(g->sample[j], "LDAP server") ||
				     strstr(g->sample[j], "bind to server")))
			return true;
	return false;
}

/* table_names - the tables that the kept lines of g name as
 * "TYPE:/PATH" of a database type (maps.c's "TYPE:PATH lookup error
 * for", dict_mysql.c's "mysql:PATH: query failed: ...", through proxy:
 * or not), added to the subjects of into: the report names the table
 * whose query failed, not only "SQL query".  A path ends at a blank,
 * a ':' or a quote, and is kept only when it fits a key */
static void table_names(struct diag_group *into, const struct diag_group *g)
{
	static const char *const types[] = {"mysql:/", "pgsql:/", "sqlite:/", "ldap:/"};
	for (uint32_t j = 0; j < g->nsample; j++) {
		const char *s = g->sample[j];
		for (size_t t = 0; s && t < sizeof types / sizeof types[0]; t++)
			for (const char *at = strstr(s, types[t]); at; at = strstr(at + 1, types[t])) {
				const char *path = strchr(at, '/');
				size_t n = strcspn(path, " \t:\"'");
				if (n > 1 && n < DIAG_KEY_MAX)
					strset_add(&into->subjects, span_make(path, n));
			}
	}
}

void diag_fold_sql_query(struct diag *d)
{
	struct diag_group *query = NULL, *ldap = NULL;
	for (size_t t = 0; t < d->nlist; t++)
		if (d->list[t]->id == F_MAP_SYNTAX && !strcmp(d->list[t]->key, "SQL query"))
			query = d->list[t];
		else if (d->list[t]->id == F_MAP_SYNTAX && !strcmp(d->list[t]->key, "LDAP query"))
			ldap = d->list[t];
	for (size_t i = d->nlist; i-- > 0;) {
		const struct diag_group *g = d->list[i];
		if (g->id != F_MAP_SERVER_DOWN)
			continue;
		if (query && (!strcmp(g->key, "MySQL") || !strcmp(g->key, "PostgreSQL"))) {
			table_names(query, g);
			diag_absorb(d, query, i);
		} else if (ldap && !strcmp(g->key, "LDAP") && !ldap_cause(g)) {
			table_names(ldap, g);
			diag_absorb(d, ldap, i);
		}
	}
	if (query)
		table_names(query, query);
}

/* lookup_of - line is the client side of a lookup in the table at
 * path: maps.c's "TYPE:PATH lookup error for" or "TYPE:PATH: table
 * lookup problem", the path right after a type's ':' */
static bool lookup_of(const char *line, const char *path)
{
	size_t n = strlen(path);
	if (!n)
		return false;
	for (const char *at = line; (at = strstr(at, path)); at++) {
		if (at == line || at[-1] != ':')
			continue;
		if (!strncmp(at + n, " lookup error for ", 18) || !strncmp(at + n, ": table lookup problem", 22))
			return true;
	}
	return false;
}

/* effect_line - a line that tells what a failed table broke and names
 * no table: cleanup's "NAME map lookup problem for ADDR -- message not
 * accepted", smtpd's 451 4.3.0 / 4.3.5 refusals (causes.c joins them
 * to the cause the same process logged before) */
static bool effect_line(const char *line)
{
	return strstr(line, " map lookup problem for ") || strstr(line, "Server configuration problem") ||
	       strstr(line, ": Temporary lookup failure");
}

/* only_lookups_of - every kept line of the server group g is a lookup
 * of the table at path or an effect line, and one is a lookup of it:
 * no line of g tells a cause of its own (a connection refused, a
 * query the database refused, another table) */
static bool only_lookups_of(const struct diag_group *g, const char *path)
{
	bool named = false;
	for (uint32_t j = 0; j < g->nsample; j++) {
		const char *s = g->sample[j];
		if (!s)
			continue;
		if (lookup_of(s, path))
			named = true;
		else if (!effect_line(s))
			return false;
	}
	return named;
}

/* fold_unreadable_table - a mysql:, pgsql: or ldap: table whose .cf
 * file cannot be opened ("mysql:/etc/postfix/x.cf is unavailable. open
 * /etc/postfix/x.cf: Permission denied", F_MAP_MISSING keyed by the
 * path) fails every lookup: the lookup errors of that table, told as the
 * database server's, are the file's; the server was never asked */
static void fold_unreadable_table(struct diag *d)
{
	for (size_t t = 0; t < d->nlist; t++) {
		struct diag_group *file = d->list[t];
		if (file->id != F_MAP_MISSING || file->key[0] != '/')
			continue;
		bool folded = false;
		for (size_t i = d->nlist; i-- > 0;) {
			const struct diag_group *g = d->list[i];
			if (g->id == F_MAP_SERVER_DOWN &&
			    (!strcmp(g->key, "MySQL") || !strcmp(g->key, "PostgreSQL") || !strcmp(g->key, "LDAP")) &&
			    only_lookups_of(g, file->key)) {
				diag_absorb(d, file, i);
				folded = true;
			}
		}
		if (folded)
			t = (size_t)-1; /* the list moved: look again (diag_fold_map_type) */
	}
}

/* cleanup_refused - a table group whose kept lines show cleanup
 * refusing a message for it ("... map lookup problem for ADDR --
 * message not accepted, try again later") */
static bool cleanup_refused(const struct diag_group *g)
{
	if (g->id != F_MAP_TYPE && g->id != F_MAP_MISSING && g->id != F_MAP_SERVER_DOWN &&
	    g->id != F_MAP_CORRUPT && g->id != F_MAP_UNAPPROVED && g->id != F_MAP_SYNTAX)
		return false;
	for (uint32_t j = 0; j < g->nsample; j++)
		if (g->sample[j] && strstr(g->sample[j], "postfix/cleanup") &&
		    strstr(g->sample[j], " -- message not accepted"))
			return true;
	return false;
}

/* maildrop_waits - every kept line of g is pickup's "ID: message [PATH]
 * has been queued for N days" (pickup.c: a maildrop file older than a
 * day), none a pickup service that cannot be reached */
static bool maildrop_waits(const struct diag_group *g)
{
	if (g->id != F_PICKUP_DOWN || !g->nsample)
		return false;
	for (uint32_t j = 0; j < g->nsample; j++)
		if (!g->sample[j] || !strstr(g->sample[j], "postfix/pickup[") ||
		    !strstr(g->sample[j], " has been queued for "))
			return false;
	return true;
}

/* fold_maildrop_waits - locally submitted mail days old in the maildrop
 * directory while cleanup refuses messages for one table: pickup runs
 * and hands each file to cleanup again, which refuses it again; the
 * waits are that table's.  With several such tables the log does not
 * say which one: the waits stay as they are.  Run after the effects
 * fold (diag_fold_effects): cleanup's refusals join their table there */
void diag_fold_maildrop_waits(struct diag *d)
{
	struct diag_group *table = NULL;
	for (size_t t = 0; t < d->nlist; t++)
		if (cleanup_refused(d->list[t])) {
			if (table)
				return;
			table = d->list[t];
		}
	if (!table)
		return;
	for (size_t i = d->nlist; i-- > 0;)
		if (maildrop_waits(d->list[i]))
			diag_absorb(d, table, i);
}

/* diag_fold_tables - a refused query, then a table file that cannot be
 * read */
void diag_fold_tables(struct diag *d)
{
	diag_fold_sql_query(d);
	fold_unreadable_table(d);
}
