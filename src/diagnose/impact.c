/*
 * impact.c - what a finding's group breaks, as the report says it: the
 * finding row's impact (finding.h), except where the group's own lines
 * tell another.  A lookup table that cannot be opened, answers with an
 * error or whose server is down refuses incoming mail when smtpd or
 * cleanup reads it (the row's impact); when only a delivery agent read
 * it (smtp_sasl_password_maps, smtp_tls_policy_maps, a local or virtual
 * delivery's tables), the mail waits in the queue instead: outgoing mail
 * deferred, or mail for this server's mailboxes not delivered.  When only
 * an administration command failed on it (postmap, postalias,
 * newaliases: "postalias: fatal: unsupported dictionary type: lmdb" in a
 * package upgrade's output), no mail was refused: the table or aliases
 * were not rebuilt.  A table whose query the database refused fails
 * every lookup as one whose server is down does.  An address map that
 * cleanup cannot apply refuses the message since Postfix 2.11, defers it
 * in 2.8 to 2.10, and before (or for canonical maps) lets it go on
 * without the addresses it could not make.
 */
#include "diagnose.h"
#include "finding.h"

#include <string.h>

/* agent_of - the Postfix program that logged a kept sample line
 * ("... postfix/smtp[123]: ...", "postfix-out/lmtp[9]:"), as a span
 * into it; an empty span for a line without one */
static struct span agent_of(const char *line)
{
	const char *end = line ? strstr(line, "]: ") : NULL;
	if (!end)
		return SPAN_LIT("");
	const char *open = end;
	while (open > line && *open != '[' && *open != ' ')
		open--;
	if (*open != '[')
		return SPAN_LIT("");
	const char *name = open;
	while (name > line && name[-1] != '/' && name[-1] != ' ')
		name--;
	if (name == line || name[-1] != '/')
		return SPAN_LIT("");
	return span_make(name, (size_t)(open - name));
}

/* command_of - the command a line starts with, when it has no syslog
 * prefix ("postalias: fatal: ...", as a terminal or a package upgrade
 * shows it): the name before its first ": ", alone at the start; an
 * empty span otherwise */
static struct span command_of(const char *line)
{
	if (!line)
		return SPAN_LIT("");
	size_t n = 0;
	while (n < 32 && ((line[n] >= 'a' && line[n] <= 'z') || line[n] == '-'))
		n++;
	if (n == 0 || line[n] != ':' || line[n + 1] != ' ')
		return SPAN_LIT("");
	return span_make(line, n);
}

/* table_reader_impact - what a table's failure breaks when every kept
 * line of g was logged by one kind of delivery agent or of table-building
 * command; IMPACT_NONE when
 * the lines do not say (another program among them, or no program) */
static enum finding_impact table_reader_impact(const struct diag_group *g)
{
	enum finding_impact im = IMPACT_NONE;
	for (uint32_t j = 0; j < g->nsample; j++) {
		struct span a = agent_of(g->sample[j]);
		if (!a.n)
			a = command_of(g->sample[j]);
		enum finding_impact here;
		if (span_eqs(a, "postmap") || span_eqs(a, "postalias") || span_eqs(a, "newaliases"))
			here = IMPACT_COMMAND;
		else if (span_eqs(a, "smtp") || span_eqs(a, "lmtp"))
			here = IMPACT_DELAYED;
		else if (span_eqs(a, "local") || span_eqs(a, "virtual") || span_eqs(a, "pipe"))
			here = IMPACT_NOT_DELIVERED;
		else
			return IMPACT_NONE;
		if (im != IMPACT_NONE && here != im)
			return IMPACT_NONE;
		im = here;
	}
	return im;
}

/* diag_group_impact - what g breaks (see the top of the file) */
enum finding_impact diag_group_impact(const struct diag_group *g)
{
	enum finding_impact row = finding_impact(g->id);
	switch (g->id) {
	case F_MAP_TYPE:
	case F_MAP_MISSING:
	case F_MAP_TEMP_FAILURE:
	case F_MAP_SERVER_DOWN: {
		enum finding_impact im = table_reader_impact(g);
		return im != IMPACT_NONE ? im : row;
	}
	case F_MAP_SYNTAX:
		/* a query the database or directory refused ("SQL query",
		 * "LDAP query": diag_fold_sql_query) fails every lookup of its
		 * table, as a server down does; a bad line of a regexp, pcre or
		 * cidr table only skips that rule (the row's impact) */
		if (g->key && (!strcmp(g->key, "SQL query") || !strcmp(g->key, "LDAP query"))) {
			enum finding_impact im = table_reader_impact(g);
			return im != IMPACT_NONE ? im : finding_impact(F_MAP_SERVER_DOWN);
		}
		return row;
	case F_ALIAS_EXPANSION: {
		/* cleanup's tail says what became of the message (address_maps.c):
		 * since 2.11 it is refused (the row's impact), in 2.8 to 2.10
		 * deferred; with no tail (older, or canonical nesting) the mail
		 * went on without the addresses past the limit */
		bool refused = false, deferred = false;
		for (uint32_t j = 0; j < g->nsample; j++) {
			const char *l = g->sample[j];
			refused |= l && strstr(l, "-- message not accepted, try again later") != NULL;
			deferred |= l && strstr(l, "-- deferring delivery") != NULL;
		}
		return refused || !g->nsample ? row : deferred ? IMPACT_DELAYED : IMPACT_NOT_DELIVERED;
	}
	case F_SIEVE_FAILING: {
		/* Pigeonhole's "Execution of script S failed, but implicit keep
		 * was successful" (lda-sieve-plugin.c): the mail is in INBOX,
		 * only the user's rules were not applied; an abort or an
		 * unsuccessful keep (LMTP's 451) leaves it waiting (the row) */
		bool kept = g->nsample > 0;
		for (uint32_t j = 0; j < g->nsample && kept; j++)
			kept = g->sample[j] && strstr(g->sample[j], "implicit keep was successful") != NULL;
		return kept ? IMPACT_DEGRADED : row;
	}
	case F_DOMAIN_DOUBLE:
		/* its own refusals of the shadowed domain's users joined it
		 * (unknown_rcpt.c): incoming mail refused */
		for (uint32_t j = 0; j < g->nsample; j++)
			if (span_eqs(agent_of(g->sample[j]), "smtpd"))
				return IMPACT_REFUSED;
		return row;
	default:
		return row;
	}
}
