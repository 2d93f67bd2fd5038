/*
 * spool_owner.c - Postfix's own programs refused their queue directory:
 * "Permission denied" written by three or more different Postfix
 * programs (smtpd on private/anvil or the SASL socket under
 * /var/spool/postfix, master on public/pickup, qmgr on the active queue,
 * sendmail or postdrop on the maildrop) has one cause, the owner or modes
 * of the queue directory (a volume mounted with another owner, a restore
 * or a chown -R), not five.  Those groups, and the stops they cause
 * (that daemon's fatal exit and master's throttling of it, "no SASL
 * authentication mechanisms" after its socket was denied), become one
 * spool-permissions finding (diag_finish, after the other folds of
 * master's lines).  One program denied, or two, stays as it was: a
 * Dovecot listener's mode, a sandboxed unit's sendmail.
 */
#include "diag_internal.h"

#include <string.h>

enum { SPOOL_PROGRAMS = 3, SPOOL_NAME = 24, SPOOL_MAX = 8 };

/* denied_kind - the findings whose "Permission denied" is one on the queue directory */
static bool denied_kind(enum finding_id id)
{
	return id == F_INTERNAL_SERVICE || id == F_SASL_BACKEND_DOWN || id == F_MASTER_WAKEUP ||
	       id == F_QUEUE_FILE || id == F_LOCAL_SUBMIT_BLOCKED || id == F_PICKUP_DOWN;
}

/* program_of - the program name of a kept line, "postfix/NAME[PID]: "
 * (any syslog_name before the slash) into out; false if not that shape */
static bool program_of(const char *line, char *out, size_t n)
{
	const char *end = strstr(line, "]: ");
	if (!end)
		return false;
	const char *lb = end;
	while (lb > line && lb[-1] != '[')
		lb--;
	if (lb == line)
		return false;
	lb--; /* at '[' */
	const char *p = lb;
	while (p > line && p[-1] != '/' && p[-1] != ' ')
		p--;
	if (p == line || p[-1] != '/' || p == lb || (size_t)(lb - p) >= n)
		return false;
	memcpy(out, p, (size_t)(lb - p));
	out[lb - p] = 0;
	return true;
}

/* denied_by - the program of g's first kept line that says "Permission denied" */
static bool denied_by(const struct diag_group *g, char *out, size_t n)
{
	for (uint32_t j = 0; j < g->nsample; j++)
		if (g->sample[j] && strstr(g->sample[j], "Permission denied") && program_of(g->sample[j], out, n))
			return true;
	return false;
}

struct spool_seen {
	char name[SPOOL_MAX][SPOOL_NAME];
	size_t n;
	bool sasl;
};

static bool seen_has(const struct spool_seen *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->name[i], name))
			return true;
	return false;
}

/* daemon_base - the daemon a master's group is keyed by (a path: its last part) */
static const char *daemon_base(const struct diag_group *g)
{
	const char *slash = strrchr(g->key, '/');
	return slash ? slash + 1 : g->key;
}

/* effect_of - g is a stop the denials caused: a denied daemon's fatal
 * exit or its throttling by master, or no SASL mechanism after the SASL
 * socket was denied */
static bool effect_of(const struct diag_group *g, const struct spool_seen *s)
{
	if (g->id == F_DAEMON_FATAL || g->id == F_DAEMON_THROTTLED)
		return seen_has(s, daemon_base(g));
	return g->id == F_SASL_NO_MECHS && s->sasl;
}

void diag_fold_spool_owner(struct diag *d)
{
	struct spool_seen seen = {.n = 0};
	char name[SPOOL_NAME];
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		if (!denied_kind(g->id) || !denied_by(g, name, sizeof name))
			continue;
		seen.sasl |= g->id == F_SASL_BACKEND_DOWN;
		if (!seen_has(&seen, name) && seen.n < SPOOL_MAX)
			memcpy(seen.name[seen.n++], name, sizeof name);
	}
	if (seen.n < SPOOL_PROGRAMS)
		return;
	struct diag_group *into = diag_group_fresh(F_SPOOL_PERMISSIONS, "Permission denied");
	/* the denials first, then their effects: an effect is one only of a
	 * program denied, which the first pass has named */
	for (int pass = 0; pass < 2; pass++) {
		size_t k = 0;
		for (size_t i = 0; i < d->nlist; i++) {
			struct diag_group *g = d->list[i];
			if (!(pass ? effect_of(g, &seen) : denied_kind(g->id) && denied_by(g, name, sizeof name))) {
				d->list[k++] = g;
				continue;
			}
			diag_alias_add(d, g->id, g->key, into, g);
			diag_group_time(into, g->first);
			diag_group_time(into, g->last);
			into->lines += g->lines;
			into->recipients += g->recipients;
			diag_subjects_add(&into->subjects, &g->subjects);
			diag_samples_take(into, g->sample, g->nsample);
			diag_group_drop(d, g);
		}
		d->nlist = k;
	}
	d->list[d->nlist++] = into;
	diag_group_adopt(d, into);
}
