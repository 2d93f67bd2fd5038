/*
 * host_resources.c - this host's resources told apart from Postfix's
 * configuration: the kernel's out-of-memory killer read from its own lines
 * (mm/oom_kill.c: "Out of memory: Killed process PID (NAME) ...", before
 * Linux 5.1 "Out of memory: Kill process PID (NAME) score N or sacrifice
 * child" and "Killed process PID (NAME) ...", "Memory cgroup out of
 * memory: ..." for a cgroup's limit, "oom-kill:...,task=NAME,pid=PID,...",
 * "oom_reaper: reaped process PID (NAME), ...", and "NAME invoked
 * oom-killer: ..." that names the process whose allocation failed, not
 * the victim), each keyed by the process killed; and, at the end, the
 * stops those resources caused folded into them: master's "process PATH
 * pid N killed by signal 9" for a pid the killer chose (daemon-crashed),
 * and master's "exit status" and "bad command startup -- throttling"
 * (daemon-fatal-error, daemon-throttled) of a daemon whose own fatal line
 * was out of memory, processes or files.  Every text read is the log's:
 * bounded by its span, names copied through diag_copy_key.
 */
#include "diagnose.h"
#include "diag_internal.h"

#include <stdio.h>
#include <string.h>

/* lead_pid - the decimal number at the start of s (at most 10 digits), or -1 */
static int64_t lead_pid(struct span s)
{
	int64_t v = 0;
	size_t i = 0;
	for (; i < s.n && i < 10 && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		v = v * 10 + (s.p[i] - '0');
	return i ? v : -1;
}

/* proc_after - after "WORD PID (NAME)" at s (s at PID): the pid and the
 * name inside the parentheses (the kernel's comm, at most 16 bytes; a
 * bound of 64 kept for a hostile line) */
static bool proc_after(struct span s, int64_t *pid, struct span *name)
{
	*pid = lead_pid(s);
	if (*pid < 0)
		return false;
	ptrdiff_t open = span_chr(span_head(s, 16), '(');
	if (open < 0)
		return false;
	struct span rest = span_skip(s, (size_t)open + 1);
	ptrdiff_t close = span_chr(span_head(rest, 64), ')');
	if (close <= 0)
		return false;
	*name = span_head(rest, (size_t)close);
	return true;
}

/* oom_victim - the pid and name of the process the line says the kernel
 * killed or chose; false for a line that names none */
static bool oom_victim(struct span t, int64_t *pid, struct span *name)
{
	static const char *const killed[] = {"Killed process ", "Kill process ", "reaped process "};
	for (size_t i = 0; i < sizeof killed / sizeof killed[0]; i++) {
		struct span at = span_find(t, killed[i]);
		if (at.p && proc_after(span_skip(at, strlen(killed[i])), pid, name))
			return true;
	}
	/* oom-kill:constraint=...,task_memcg=...,task=NAME,pid=PID,uid=UID */
	struct span at = span_find(t, "oom-kill:");
	if (!at.p)
		return false;
	struct span task = span_find(at, ",task=");
	struct span p = span_find(at, ",pid=");
	if (!task.p || !p.p)
		return false;
	task = span_skip(task, 6);
	ptrdiff_t comma = span_chr(span_head(task, 64), ',');
	if (comma <= 0)
		return false;
	*name = span_head(task, (size_t)comma);
	*pid = lead_pid(span_skip(p, 5));
	return *pid >= 0;
}

/* diag_oom_hit - see diag_internal.h */
bool diag_oom_hit(const struct event *ev, struct diag_hit *hit)
{
	const struct logline *l = ev->line;
	if (!l || !span_eqs(l->daemon, "kernel"))
		return false;
	struct span t = l->text, name;
	int64_t pid;
	bool victim = oom_victim(t, &pid, &name);
	if (!victim && !span_find(t, " invoked oom-killer").p)
		return false;
	/* the victim lines, and the others of the killer only (not a line
	 * that merely says "Kill process" in another sense) */
	if (victim && !span_find(t, "out of memory").p && !span_find(t, "Out of memory").p &&
	    !span_find(t, "oom").p && !span_starts(t, "Killed process ") &&
	    !span_find(t, "] Killed process ").p)
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = F_HOST_MEMORY;
	if (victim) {
		char who[65];
		size_t n = name.n < sizeof who - 1 ? name.n : sizeof who - 1;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)name.p[i];
			who[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
		}
		who[n] = 0;
		snprintf(hit->key, sizeof hit->key, "Killed process %s", who);
	} else {
		snprintf(hit->key, sizeof hit->key, "oom-killer");
	}
	return true;
}

/* base_name - the last part of a path (or the word itself), bounded */
static void base_name(struct span s, char *out, size_t n)
{
	for (size_t i = s.n; i-- > 0;)
		if (s.p[i] == '/') {
			s = span_skip(s, i + 1);
			break;
		}
	if (s.n >= n)
		s.n = n - 1;
	memcpy(out, s.p, s.n);
	out[s.n] = 0;
}

/* host_kind - a finding of this host's resources */
static bool host_kind(enum finding_id id)
{
	return id == F_HOST_MEMORY || id == F_HOST_FORK || id == F_HOST_FILES;
}

/* diag_host_note - see diag_internal.h */
void diag_host_note(struct diag *d, const struct event *ev, const struct diag_hit *hit)
{
	struct diag_host *h = &d->host;
	const struct logline *l = ev->line;
	if (!l)
		return;
	struct span t = l->text, name;
	int64_t pid;
	if (hit->id == F_HOST_MEMORY && span_eqs(l->daemon, "kernel")) {
		if (oom_victim(t, &pid, &name)) {
			h->oom[h->noom % DIAG_HOST_PIDS].pid = pid;
			snprintf(h->oom[h->noom % DIAG_HOST_PIDS].key, sizeof h->oom[0].key, "%.*s",
				 (int)sizeof h->oom[0].key - 1, hit->key);
			h->noom++;
		}
		return;
	}
	/* master_spawn.c "process %s pid %d killed by signal %d": a kill */
	if (hit->id == F_DAEMON_CRASHED) {
		struct span at = span_find(t, " pid ");
		struct span sig = span_find(t, "killed by signal ");
		if (!at.p || !sig.p || lead_pid(span_skip(sig, 17)) != 9)
			return;
		pid = lead_pid(span_skip(at, 5));
		if (pid < 0)
			return;
		h->killed9[h->nkilled9 % DIAG_HOST_PIDS] = pid;
		h->nkilled9++;
		return;
	}
	/* a Postfix daemon's own fatal line on a resource: master's exit
	 * status and throttling of that daemon are its effects */
	if (!host_kind(hit->id) || !l->postfix || !span_eqs(l->severity, "fatal") || !l->daemon.n)
		return;
	char base[DIAG_HOST_NAME];
	base_name(l->daemon, base, sizeof base);
	for (uint32_t i = 0; i < h->nstopped; i++)
		if (!strcmp(h->stopped[i].daemon, base))
			return;
	if (h->nstopped >= DIAG_HOST_STOPPED)
		return;
	memcpy(h->stopped[h->nstopped].daemon, base, sizeof base);
	h->stopped[h->nstopped].id = hit->id;
	snprintf(h->stopped[h->nstopped].key, sizeof h->stopped[0].key, "%.*s", (int)sizeof h->stopped[0].key - 1,
		 hit->key);
	h->nstopped++;
}

/* group_of - the list's group of (id, key), or NULL */
static struct diag_group *group_of(struct diag *d, enum finding_id id, const char *key)
{
	for (size_t i = 0; i < d->nlist; i++)
		if (d->list[i]->id == id && !strcmp(d->list[i]->key, key))
			return d->list[i];
	return NULL;
}

/* killed_victim - master reaped, killed by signal 9, a pid the
 * out-of-memory killer chose, and that process is g's daemon (a kept
 * line of g names the pid, or the victim's name is the daemon's): that
 * victim's key, or NULL */
static const char *killed_victim(const struct diag *d, const struct diag_group *g)
{
	const struct diag_host *h = &d->host;
	uint32_t no = h->noom < DIAG_HOST_PIDS ? h->noom : DIAG_HOST_PIDS;
	uint32_t nk = h->nkilled9 < DIAG_HOST_PIDS ? h->nkilled9 : DIAG_HOST_PIDS;
	char base[DIAG_HOST_NAME], pidw[48];
	base_name(span_make(g->key, strlen(g->key)), base, sizeof base);
	for (uint32_t k = 0; k < nk; k++)
		for (uint32_t o = 0; o < no; o++) {
			if (h->killed9[k] != h->oom[o].pid)
				continue;
			if (!strcmp(h->oom[o].key + 15, base))
				return h->oom[o].key;
			snprintf(pidw, sizeof pidw, " pid %lld killed by signal 9", (long long)h->killed9[k]);
			for (uint32_t j = 0; j < g->nsample; j++)
				if (g->sample[j] && strstr(g->sample[j], pidw))
					return h->oom[o].key;
		}
	return NULL;
}

/* stopped_by - the host group a master's group of daemon `base` is the
 * effect of, or NULL */
static const struct diag_host_stop *stopped_by(const struct diag *d, const char *key)
{
	char base[DIAG_HOST_NAME];
	base_name(span_make(key, strlen(key)), base, sizeof base);
	for (uint32_t i = 0; i < d->host.nstopped; i++)
		if (!strcmp(d->host.stopped[i].daemon, base))
			return &d->host.stopped[i];
	return NULL;
}

/* diag_fold_host_resources - see diag_internal.h */
void diag_fold_host_resources(struct diag *d)
{
	/* "NAME invoked oom-killer" names the process that asked: when the
	 * log holds the victim's line, the request is told with it */
	struct diag_group *asked = group_of(d, F_HOST_MEMORY, "oom-killer");
	if (asked)
		for (size_t i = 0; i < d->nlist; i++)
			if (d->list[i]->id == F_HOST_MEMORY && d->list[i] != asked &&
			    !strncmp(d->list[i]->key, "Killed process ", 15)) {
				for (size_t j = 0; j < d->nlist; j++)
					if (d->list[j] == asked) {
						diag_absorb(d, d->list[i], j);
						break;
					}
				break;
			}
	for (size_t i = d->nlist; i-- > 0;) {
		struct diag_group *g = d->list[i], *into = NULL;
		if (g->id == F_DAEMON_CRASHED) {
			const char *victim = killed_victim(d, g);
			if (victim)
				into = group_of(d, F_HOST_MEMORY, victim);
		} else if (g->id == F_DAEMON_FATAL || g->id == F_DAEMON_THROTTLED) {
			const struct diag_host_stop *s = stopped_by(d, g->key);
			if (s)
				into = group_of(d, s->id, s->key);
		}
		if (into && into != g)
			diag_absorb(d, into, i);
	}
}
