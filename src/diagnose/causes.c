/*
 * causes.c - the effect lines told as their cause's finding, line by
 * line (causes.h), and the table of effects and causes.
 */
#include "causes.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* the lines that only tell the effect of a cause another finding names:
 * smtpd's "451 4.3.5 Server configuration problem" (a table, a policy
 * service or a restriction it needs failed: smtpd_check.c), cleanup's
 * "ID: virtual_alias_maps map lookup problem for ADDR -- message not
 * accepted" (cleanup_map11.c, cleanup_addr.c: it names the parameter,
 * not the table), spawn's "command PATH exit status N" of a policy
 * server whose socket smtpd names (another process: folded at the end
 * only), smtp's SASL library failing before the deferral that names the
 * relay host, smtp's password table failing before its "local data
 * error" */
const struct diag_effect diag_effects[] = {
    {F_POLICY_DOWN, true, {F_POLICY_DOWN}},
    /* smtp's "warning: SASL authentication failure: No worthy mechs
     * found" (the library's word, no server named) before the deferral
     * that names the relay host it could not log in to */
    {F_OUT_RELAY_SASL, false, {F_OUT_RELAY_SASL}},
    /* its warning listing the relay's mechanisms, before the deferral */
    {F_OUT_RELAY_NO_MECH, false, {F_OUT_RELAY_NO_MECH}},
    /* the TLS library's lines that did not load this server's key or
     * certificate, after the line naming its file */
    {F_TLS_KEY, false, {F_TLS_KEY}},
    {F_MAP_MISSING, false, {F_MAP_MISSING, F_MAP_TYPE, F_MAP_SERVER_DOWN, F_MAP_CORRUPT, F_MAP_UNAPPROVED}},
    /* smtp's "QID: smtp_sasl_password_maps lookup error" and its deferral
     * "local data error while talking to HOST" after the password
     * table's own failure */
    {F_OUT_LOCAL_ERROR, false, {F_MAP_MISSING, F_MAP_TYPE, F_MAP_SERVER_DOWN, F_MAP_CORRUPT, F_MAP_UNAPPROVED}},
    {F_IN_CONFIG_PROBLEM, false,
     {F_POLICY_DOWN, F_MAP_MISSING, F_MAP_TYPE, F_MAP_SERVER_DOWN, F_MAP_CORRUPT, F_MAP_UNAPPROVED,
      F_IN_CONFIG_PROBLEM}},
};
const size_t diag_neffects = sizeof diag_effects / sizeof diag_effects[0];

/* effect_row - the row whose key-less effect the hit is, or -1 */
static int effect_row(const struct diag_hit *hit)
{
	if (hit->key[0])
		return -1;
	for (size_t e = 0; e < diag_neffects; e++)
		if (!diag_effects[e].by_path && diag_effects[e].effect == hit->id)
			return (int)e;
	return -1;
}

/* is_cause - a keyed hit of a finding some row's effect may come from */
static bool is_cause(const struct diag_hit *hit)
{
	if (!hit->key[0])
		return false;
	for (size_t e = 0; e < diag_neffects; e++)
		for (size_t j = 0; j < 8 && diag_effects[e].causes[j]; j++)
			if (diag_effects[e].causes[j] == hit->id && !diag_effects[e].by_path)
				return true;
	return false;
}

/* slot_of - the process' slot, or -1 */
static int slot_of(const struct diag_causes *c, int64_t pid, uint64_t host)
{
	for (uint32_t i = 0; i < c->used; i++)
		if (c->slot[i].pid == pid && c->slot[i].host == host)
			return (int)i;
	return -1;
}

/* slot_take - the process' slot, or a new one (the oldest slot makes
 * way once all are used) */
static int slot_take(struct diag_causes *c, int64_t pid, uint64_t host)
{
	int i = slot_of(c, pid, host);
	if (i >= 0)
		return i;
	if (c->used < DIAG_CAUSE_PROCS) {
		i = (int)c->used++;
	} else {
		i = (int)c->next;
		c->next = (c->next + 1) % DIAG_CAUSE_PROCS;
	}
	c->slot[i].pid = pid;
	c->slot[i].host = host;
	return i;
}

/* the keyed effects told as the key-less cause their process logged just
 * before it (the cause names no server, the effect does and keeps its
 * key): smtp's "warning: TLS library problem: ...:wrong version number"
 * (TLS from the first byte, smtp_tls_wrappermode = yes, to a port that
 * speaks plain SMTP first: 587 or 25) before the deferral "Cannot start
 * TLS: handshake failure" naming the relay host, which alone reads as
 * the remote's TLS failing.  And a keyed one: smtp's "Trusted TLS
 * connection established to H[A]:P" (the chain verified, the names
 * not: diagnose.c notes it keyed by H) before "Server certificate not
 * verified" of the same H: the policy's match=, not the remote's
 * certificate.  And the SASL library's "All-whitespace username" (the
 * password table's login for the relay is blank) before the deferral
 * "cannot authenticate to server H: generic failure", which alone reads
 * as a plugin's failure */
static const struct {
	enum finding_id effect, cause;
	bool keyed; /* the cause has a key, and its effect the same one */
} renames[] = {
    {F_OUT_TLS_FAIL, F_OUT_TLS_WRAPPER, false},
    {F_OUT_TLS_UNVERIFIED, F_OUT_TLS_NAME, true},
    {F_OUT_RELAY_PLUGIN, F_OUT_RELAY_BLANK_LOGIN, false},
    {F_OUT_RELAY_SASL, F_OUT_RELAY_BLANK_LOGIN, false},
};

/* renamed - the rename rules for hit: a key-less cause remembered (a
 * keyed one is a line of no finding: diag_cause_line remembers it), a
 * keyed effect given its process' cause (which is then spent) */
static bool renamed(struct diag_causes *c, int64_t pid, uint64_t host, struct diag_hit *hit)
{
	for (size_t r = 0; r < sizeof renames / sizeof renames[0]; r++) {
		if (!renames[r].keyed && !hit->key[0] && hit->id == renames[r].cause) {
			int i = slot_take(c, pid, host);
			c->slot[i].id = hit->id;
			c->slot[i].key[0] = 0;
			return false;
		}
		if (hit->key[0] && hit->id == renames[r].effect) {
			int i = slot_of(c, pid, host);
			if (i < 0 || c->slot[i].id != renames[r].cause ||
			    (renames[r].keyed ? strcmp(c->slot[i].key, hit->key) != 0 : c->slot[i].key[0] != 0))
				continue;
			hit->id = renames[r].cause;
			c->slot[i].pid = -1; /* one deferral per warning */
			return true;
		}
	}
	return false;
}

/* the findings the rules above name (an effect or a cause of a row,
 * either side of a rename): diag_cause_hit passes the others by before
 * the host's hash and the rows' scans (speed23: 4 432 hits of the corpus
 * slice, about 270 instructions each, nearly all of other findings) */
static bool cause_named[F__COUNT];
static pthread_once_t cause_named_made = PTHREAD_ONCE_INIT;

static void cause_named_make(void)
{
	for (size_t e = 0; e < diag_neffects; e++) {
		cause_named[diag_effects[e].effect] = true;
		for (size_t j = 0; j < 8 && diag_effects[e].causes[j]; j++)
			cause_named[diag_effects[e].causes[j]] = true;
	}
	for (size_t r = 0; r < sizeof renames / sizeof renames[0]; r++)
		cause_named[renames[r].effect] = cause_named[renames[r].cause] = true;
}

/* diag_cause_named - whether id is one the rules above name (test_causes_named.c) */
bool diag_cause_named(enum finding_id id)
{
	pthread_once(&cause_named_made, cause_named_make);
	return (unsigned)id >= F__COUNT || cause_named[id];
}

/* diag_cause_hit - see causes.h */
bool diag_cause_hit(struct diag_causes *c, const struct event *ev, struct diag_hit *hit)
{
	if (ev->line->pid < 0 || !diag_cause_named(hit->id))
		return false;
	uint64_t host = span_hash(ev->line->host);
	if (renamed(c, ev->line->pid, host, hit))
		return true;
	int e = effect_row(hit);
	if (e >= 0) {
		int i = slot_of(c, ev->line->pid, host);
		if (i < 0)
			return false;
		for (size_t j = 0; j < 8 && diag_effects[e].causes[j]; j++)
			if (diag_effects[e].causes[j] == c->slot[i].id) {
				hit->id = c->slot[i].id;
				snprintf(hit->key, sizeof hit->key, "%s", c->slot[i].key);
				return true;
			}
		return false;
	}
	if (!is_cause(hit))
		return false;
	int i = slot_take(c, ev->line->pid, host);
	c->slot[i].id = hit->id;
	snprintf(c->slot[i].key, sizeof c->slot[i].key, "%s", hit->key);
	return false;
}

/* diag_cause_line - see causes.h: "Trusted" is the chain verified, not
 * the names; the deferral "Server certificate not verified" of the same
 * host that follows is the policy's match= (renames) */
void diag_cause_line(struct diag_causes *c, const struct event *ev)
{
	if (ev->type != EV_TLS || !span_eqs(ev->tls_trust, "Trusted") || !ev->relay_name.n ||
	    !ev->line || ev->line->pid < 0 || !span_eqs(ev->line->daemon, "smtp"))
		return;
	/* renamed()'s keyed cause, remembered without a hit's copy */
	int i = slot_take(c, ev->line->pid, span_hash(ev->line->host));
	c->slot[i].id = F_OUT_TLS_NAME;
	diag_copy_key(c->slot[i].key, ev->relay_name);
}
