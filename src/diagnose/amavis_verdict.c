/*
 * amavis_verdict.c - Amavis's own line about a message it blocked, the
 * one that says where the message went: "(PID-NN) Blocked SPAM
 * {DiscardedInbound,Quarantined}, [IP]:PORT [IP] <from> -> <to>,
 * quarantine: g/spam-ID.gz, Queue-ID: QID, ...", "Blocked INFECTED
 * (NAME) {...}", "Blocked BANNED (PART) {...}" (amavisd's main log entry,
 * log level 0; "{...}" since 2.7: Discarded, Bounced, Rejected or
 * TempFailed, then Quarantined when a copy was kept). Postfix's side of
 * it is a "250 2.7.0 Ok, discarded" or "..., BOUNCE" from the filter
 * (filter_reply.c). One finding, content-filter-blocked, a group per
 * verdict and fate ("Blocked SPAM {DiscardedInbound,Quarantined}"); the
 * quarantine's name stays in the line shown as its example. "Passed"
 * lines (delivered, perhaps tagged) say nothing.
 */
#include "rules.h"

#include <string.h>

/* diag_amavis_hit - an Amavis "Blocked" line: content-filter-blocked */
bool diag_amavis_hit(const struct event *ev, struct diag_hit *hit)
{
	const struct logline *l = ev->line;
	if (!l || !span_starts(l->daemon, "amavis"))
		return false;
	struct span t = l->text;
	if (t.n && t.p[0] == '(') { /* the "(PID-NN) " log ID */
		ptrdiff_t e = span_index(t, ") ");
		if (e < 0 || e > 64)
			return false;
		t = span_skip(t, (size_t)e + 2);
	}
	if (!span_starts(t, "Blocked "))
		return false;
	/* "Blocked CATEGORY", then " (virus or part)", then " {fate}"; the
	 * name in parentheses differs by message and stays out of the key */
	size_t cat = 8;
	while (cat < t.n && cat < 8 + 40 && t.p[cat] != ' ' && t.p[cat] != ',' && t.p[cat] != '{')
		cat++;
	if (cat == 8)
		return false;
	struct span fate = SPAN_NULL;
	struct span head = span_head(t, t.n < 512 ? t.n : 512);
	ptrdiff_t lb = span_chr(head, '{');
	ptrdiff_t comma = span_index(head, ", ");
	if (lb >= 0 && (comma < 0 || lb < comma)) {
		struct span f = span_skip(head, (size_t)lb);
		ptrdiff_t rb = span_chr(f, '}');
		if (rb > 0 && rb < 80)
			fate = span_head(f, (size_t)rb + 1);
	}
	memset(hit, 0, sizeof *hit);
	hit->id = F_FILTER_BLOCKED;
	char key[DIAG_KEY_MAX];
	size_t n = cat < sizeof key - 1 ? cat : sizeof key - 1;
	memcpy(key, t.p, n);
	if (fate.n && n + 1 + fate.n < sizeof key) {
		key[n++] = ' ';
		memcpy(key + n, fate.p, fate.n);
		n += fate.n;
	}
	diag_copy_key(hit->key, span_make(key, n));
	return true;
}
