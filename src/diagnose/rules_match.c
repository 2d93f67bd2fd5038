/*
 * rules_match.c - a table of rows on a text: the rows' needles compiled
 * once, the first row that takes a text (case-blind, bounded), the
 * table's words it holds, and the answer remembered per thread (a memo
 * per table keyed by the daemon and the text, the last text of each of
 * its slots).  rules.c asks it (rules_match.h) and classifies.
 * Every text is untrusted: rows only search it (bounded, case-blind).
 */
#include "rules.h"
#include "rules_internal.h"
#include "rules_match.h"
#include "memo_key.h"
#include "needles.h"
#include "../util/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct crule {
	struct cneedle also, any[NEEDLES];
};

/* rule_matches - does the rule take this text */
static bool rule_matches(const struct rule *r, const struct crule *c, const struct event *ev,
			 const struct folded *t)
{
	if (r->daemon && !span_eqs(ev->line->daemon, r->daemon))
		return false;
	if (r->also && !ci_has(t, &c->also))
		return false;
	for (int i = 0; i < NEEDLES && r->any[i]; i++)
		if (ci_has(t, &c->any[i]))
			return true;
	return false;
}

/* first_rule - the index of the first rule of a table that takes the
 * text, or -1 */
static int first_rule(const struct rule *rules, const struct crule *c, size_t n, const struct event *ev,
		      const struct folded *f)
{
	for (size_t i = 0; i < n; i++)
		if (rule_matches(&rules[i], &c[i], ev, f))
			return (int)i;
	return -1;
}

/* the lowered needles of each table, made once, at the first
 * classification (pthread_once: the feed's reading thread classifies
 * some events while the consumer's classifies others, diagnose.c) */
static pthread_once_t compiled = PTHREAD_ONCE_INIT;

static void compile(void);

/* diag_rules_ready - the tables compiled (once for the process) */
void diag_rules_ready(void)
{
	pthread_once(&compiled, compile);
}

/*
 * What a table says of a text depends on the text and the daemon only (a
 * rule may name one), and those texts repeat: a deferred queue retries
 * the same host, a remote server gives every message the same reply,
 * smtpd refuses the same HELO again and again, a daemon warns in the
 * same words.  So each answer (the row, and for rule_out and
 * rule_reject the words looked for after it) is remembered per thread
 * in a small memo per table (four ways a set), keyed by the daemon and the
 * text, both compared in full: a hit gives exactly what the table would,
 * without folding the text or trying the rows.  A text too long for an
 * entry is not kept.  Bounded: MEMO_WAYS * MEMO_SETS entries per table and thread,
 * whatever the log.
 *
 * The key leaves out the inside of every "[ADDR]" (memo_key.h says why
 * the answer stays the same, and what a table's words must be for it).
 * "delivery temporarily suspended: " holds no '[', so T and K start
 * with it together and its cause (T and K from byte 32 on) obeys the
 * same argument.
 */

static const char *const out_lits[] = {[OUT_LMTP] = "lmtp",
				       [OUT_PORT25] = "]:25:",
				       [OUT_SENDER_REJECTED] = "Sender address rejected",
				       [OUT_SENDER_DENIED] = "Sender denied",
				       [OUT_MAIL_FROM] = "in reply to MAIL FROM command",
				       NULL};
static const char *const reject_lits[] = {[REJECT_RELAY_DENIED] = "Relay access denied",
					  [REJECT_BLOCKED] = "blocked using ",
					  [REJECT_USER_UNKNOWN] = "User unknown", NULL};
static const char *const no_lits[] = {NULL};


/* each memo's table, and how its key may be made */
static struct memo_info {
	const struct rule *rules;
	struct crule *c;
	size_t n;
	const char *const *lits;
	struct memo_keyer k;
} memo_info[MEMO__COUNT] = {
    [MEMO_OUT] = {.rules = rule_out, .lits = out_lits},
    [MEMO_REJECT] = {.rules = rule_reject, .lits = reject_lits},
    [MEMO_DIAG] = {.rules = rule_diag, .lits = no_lits},
    [MEMO_PLAIN] = {.rules = rule_plain, .lits = no_lits},
    [MEMO_OTHER] = {.rules = rule_other, .lits = no_lits},
};

/* info_make - whether a table's key may leave addresses out */
static void info_make(struct memo_info *mi)
{
	bool ok = true;
	for (size_t i = 0; i < mi->n && ok; i++) {
		ok = memo_key_needle(&mi->k, mi->rules[i].also);
		for (int j = 0; j < NEEDLES && mi->rules[i].any[j] && ok; j++)
			ok = memo_key_needle(&mi->k, mi->rules[i].any[j]);
	}
	for (size_t i = 0; mi->lits[i] && ok; i++)
		ok = memo_key_needle(&mi->k, mi->lits[i]);
	mi->k.mask = ok;
}

/* compile_table - lower the needles of one table */
static void compile_table(const struct rule *rules, struct crule *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		needle_compile(&c[i].also, rules[i].also);
		for (int j = 0; j < NEEDLES; j++)
			needle_compile(&c[i].any[j], rules[i].any[j]);
	}
}

/* compile - every table, and what its memo's key may leave out */
static void compile(void)
{
	const size_t n[MEMO__COUNT] = {rule_out_n, rule_reject_n, rule_diag_n, rule_plain_n, rule_other_n};
	for (int i = 0; i < MEMO__COUNT; i++) {
		/* made once for the process, like the tables themselves */
		memo_info[i].c = xcalloc(n[i], sizeof *memo_info[i].c);
		memo_info[i].n = n[i];
		compile_table(memo_info[i].rules, memo_info[i].c, n[i]);
	}
	for (int i = 0; i < MEMO__COUNT; i++)
		info_make(&memo_info[i]);
}

#define MEMO_SETS 128
#define MEMO_WAYS 4
#define MEMO_KEY 248
#define MEMO_DAEMON 16

/* the key: the daemon's length in a byte, the daemon, then memo_key's
 * key of the text (one hash and one comparison for both) */
struct memo_entry {
	struct text_match m;
	uint16_t n;                  /* key bytes; 0: the entry is empty */
	char key[MEMO_KEY];
};

/* four ways a set, the oldest replaced: up to four texts whose keys
 * hash to one set all stay (with two, three such texts missed in turn) */
static _Thread_local struct memo_entry memo[MEMO__COUNT][MEMO_SETS][MEMO_WAYS];
static _Thread_local uint8_t memo_victim[MEMO__COUNT][MEMO_SETS]; /* the way a miss replaces */
static _Thread_local bool memo_off;

/* diag_rules_memo_is_off - the unit tests turned the memos off */
bool diag_rules_memo_is_off(void)
{
	return memo_off;
}

/* the last text asked of each table (of each slot, below), whole, with
 * its daemon and answer: a deferred queue asks the same reply in a row
 * (every recipient of a message, every message to a host that is down),
 * and a text equal in every byte needs neither the key (memo_key, the
 * addresses left out) nor its hash.  The answer depends on the daemon and
 * the text only */
struct memo_last {
	uint16_t n;     /* text bytes; 0: nothing kept */
	uint8_t dn;     /* daemon bytes */
	char daemon[MEMO_DAEMON];
	char text[MEMO_KEY];
	struct text_match m;
};
/* speed16: not the last text only but the last of each of LAST_SLOTS
 * slots, by a hash of the text and its daemon: bounce(8) warns five texts
 * in turn, refused clients come back between others */
#define LAST_SLOTS 64
static _Thread_local struct memo_last memo_last[MEMO__COUNT][LAST_SLOTS];

/* diag_rules_memo - use the memo or not (the unit tests compare both) */
void diag_rules_memo(bool on)
{
	memo_off = !on;
	memset(memo, 0, sizeof memo);
	memset(memo_victim, 0, sizeof memo_victim);
	memset(memo_last, 0, sizeof memo_last);
	diag_out_memo_reset();
}

/* diag_rules_memo_masked - the tables whose memo key leaves the
 * addresses out, a bit each (all of them: the unit tests check) */
unsigned diag_rules_memo_masked(void)
{
	pthread_once(&compiled, compile);
	unsigned bits = 0;
	for (int i = 0; i < MEMO__COUNT; i++)
		bits |= (unsigned)memo_info[i].k.mask << i;
	return bits;
}

/* reply_at - where the remote's own words start in smtp's "host
 * NAME[ADDR] said: REPLY" and "host NAME[ADDR] refused to talk to me:
 * REPLY", else 0: the rows read the reply, not the server's name, whose
 * words are no verdict ("antispam.example.com", "mx.spamexperts.com"
 * hold "spam"); in a command's failure, what it wrote.  The memo's key
 * keeps what this depends on: the first ']' and the words after it (an
 * address's inside holds no ']'), the words of the command's failure */
static size_t reply_at(struct span t)
{
	static const char said[] = " said: ", refused[] = " refused to talk to me: ";
	static const char died[] = "Command died with status ", output[] = "Command output: ";
	/* pipe's and local's 'Command died with status N: "CMD". Command
	 * output: OUTPUT': what the command said, never its name ("spamc",
	 * "spamassassin" hold "spam"); nothing when it said nothing */
	if (span_starts(t, died)) {
		ptrdiff_t o = span_index(t, output);
		return o >= 0 ? (size_t)o + sizeof output - 1 : t.n;
	}
	if (!span_starts(t, "host "))
		return 0;
	ptrdiff_t rb = span_chr(t, ']');
	if (rb < 0)
		return 0;
	struct span rest = span_skip(t, (size_t)rb + 1);
	if (span_starts(rest, said))
		return (size_t)rb + sizeof said;
	if (span_starts(rest, refused))
		return (size_t)rb + sizeof refused;
	return 0;
}

/* first_reply_rule - first_rule on the reply part of the folded text (see
 * reply_at), the text then given back whole */
static int first_reply_rule(const struct memo_info *mi, const struct event *ev, struct folded *f)
{
	ptrdiff_t k = (ptrdiff_t)reply_at(f->t);
	fold_skip(f, k);
	int r = first_rule(mi->rules, mi->c, mi->n, ev, f);
	fold_skip(f, -k);
	return r;
}

/* match_find - a table on a text: its first row that takes it (out:
 * first on the cause of a suspended delivery) and its words */
static void match_find(enum memo_table tab, const struct event *ev, struct span t, struct text_match *m)
{
	const struct memo_info *mi = &memo_info[tab];
	/* the text is folded once for every search below */
	struct folded f;
	fold(&f, t);
	m->cause = m->rule = -1;
	/* "delivery temporarily suspended: CAUSE": the cause tells more */
	if (tab == MEMO_OUT && span_starts(t, diag_suspended)) {
		fold_skip(&f, (ptrdiff_t)sizeof diag_suspended - 1);
		m->cause = first_reply_rule(mi, ev, &f);
		fold_skip(&f, -((ptrdiff_t)sizeof diag_suspended - 1));
	}
	if (m->cause < 0)
		m->rule = tab == MEMO_OUT ? first_reply_rule(mi, ev, &f)
					  : first_rule(mi->rules, mi->c, mi->n, ev, &f);
	memset(m->lit, 0, sizeof m->lit);
	for (int i = 0; i < LITS_MAX && mi->lits[i]; i++)
		m->lit[i] = ci_has_lit(&f, mi->lits[i]);
	fold_free(&f);
}

/* memo_keep_last - keep a text and its answer as the table's last (a
 * text too long for it is not kept: the last one kept stays) */
static void memo_keep_last(struct memo_last *last, struct span d, struct span t, const struct text_match *m)
{
	if (t.n > sizeof last->text)
		return;
	last->n = (uint16_t)t.n;
	last->dn = (uint8_t)d.n;
	memcpy(last->text, t.p, t.n);
	if (d.n)
		memcpy(last->daemon, d.p, d.n);
	last->m = *m;
}


/* last_slot - the slot of a text and daemon in memo_last: a long text
 * by its first 48 bytes (the host and its address), its middle and its
 * end (diag_text_mix, as out_slot) */
static inline unsigned last_slot(struct span t, struct span d)
{
	return diag_slot(diag_text_mix((t.n + 131 * d.n) * 0x9E3779B97F4A7C15ULL, t), LAST_SLOTS);
}

/* diag_match - match_find, remembered */
void diag_match(enum memo_table tab, const struct event *ev, struct span t, struct text_match *m)
{
	struct span d = ev->line->daemon;
	char key[MEMO_KEY];
	size_t n;
	if (memo_off || !t.n || d.n > MEMO_DAEMON) {
		match_find(tab, ev, t, m);
		return;
	}
	struct memo_last *last = &memo_last[tab][last_slot(t, d)];
	if (last->n == t.n && last->dn == d.n && !memcmp(last->text, t.p, t.n) &&
	    (!d.n || !memcmp(last->daemon, d.p, d.n))) {
		*m = last->m;
		return;
	}
	if (!(n = memo_key(&memo_info[tab].k, t, key + 1 + d.n, MEMO_KEY - 1 - d.n))) {
		match_find(tab, ev, t, m);
		memo_keep_last(last, d, t, m);
		return;
	}
	key[0] = (char)d.n;
	if (d.n)
		memcpy(key + 1, d.p, d.n);
	n += 1 + d.n;
	size_t set = span_hash(span_make(key, n)) % MEMO_SETS;
	for (int w = 0; w < MEMO_WAYS; w++) {
		struct memo_entry *e = &memo[tab][set][w];
		if (e->n == n && !memcmp(e->key, key, n)) {
			*m = e->m;
			memo_keep_last(last, d, t, m);
			return;
		}
	}
	match_find(tab, ev, t, m);
	memo_keep_last(last, d, t, m);
	uint8_t w = memo_victim[tab][set];
	struct memo_entry *e = &memo[tab][set][w];
	memo_victim[tab][set] = (uint8_t)((w + 1) % MEMO_WAYS);
	e->m = *m;
	e->n = (uint16_t)n;
	memcpy(e->key, key, n);
}

/* diag_apply - the first row of a table (without words) that takes a
 * text, as the hit it makes */
bool diag_apply(enum memo_table tab, const struct event *ev, struct span t, struct diag_hit *hit)
{
	struct text_match m;
	diag_match(tab, ev, t, &m);
	if (m.rule < 0)
		return false;
	const struct rule *r = &memo_info[tab].rules[m.rule];
	memset(hit, 0, sizeof *hit);
	hit->id = r->id;
	diag_make_key(r, ev, t, hit);
	return true;
}
