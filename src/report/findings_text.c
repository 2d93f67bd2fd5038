/*
 * findings_text.c - the server's problems in words: one paragraph per
 * (finding, cause), most serious first, with who is at fault, what it
 * breaks, the figures, the meaning and the first lines that show it;
 * then, in "What to do", one paragraph per finding with its fix.
 */
#include "findings.h"
#include "report.h"
#include "../util/i18n.h"
#include "../util/timefmt.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_YEL "\033[33m"
#define C_OFF "\033[0m"

/* finding_severity_word - a short tag per severity */
const char *finding_severity_word(int sev)
{
	switch (sev) {
	case 4: return C_("severity", "critical");
	case 3: return C_("severity", "serious");
	case 2: return C_("severity", "warning");
	case 1: return C_("severity", "minor");
	default: return C_("severity", "benign");
	}
}

/* subjects_text - up to max members of a group's subject set, sorted */
static void subjects_text(struct buf *b, const struct diag_group *g, size_t max)
{
	size_t k;
	const char **all = diag_subjects(g, &k);
	for (size_t i = 0; i < k && i < max; i++) {
		buf_puts(b, i ? _(", ") : "");
		buf_term(b, span_of(all[i]));
	}
	if (k > max || g->subjects.dropped)
	{
		size_t more = k - (k > max ? max : k) + g->subjects.dropped;
		buf_printf(b, P_(" and %zu more", " and %zu more", more), more);
	}
	free((void *)all);
}

/* bullet_text - t folded at 78 columns, indented, its first line marked
 * with "- " in the last two columns of the indent */
static void bullet_text(struct buf *b, struct buf *t, int indent)
{
	buf_putc(t, 0);
	struct buf w = {0};
	wrap_text(&w, t->p, indent, 78);
	if (w.n >= (size_t)indent)
		memcpy(w.p + indent - 2, "- ", 2);
	buf_put(b, w.p, w.n);
	buf_free(&w);
}

/* group_line - one cause of a finding: its key, figures and subjects */
static void group_line(struct buf *b, const struct diag_group *g)
{
	struct buf t = {0};
	if (g->key[0]) {
		buf_term(&t, span_of(finding_key_words(g->key)));
		buf_puts(&t, ": ");
	}
	buf_printf(&t, P_("%llu line", "%llu lines", g->lines), (unsigned long long)g->lines);
	if (g->recipients)
		buf_printf(&t, P_(", %llu recipient", ", %llu recipients", g->recipients),
			   (unsigned long long)g->recipients);
	if (g->lines && g->first.us) {
		buf_puts(&t, ", ");
		buf_stamp_short(&t, g->first);
		if (g->last.us != g->first.us) {
			buf_puts(&t, _(" to "));
			buf_stamp_short(&t, g->last);
		}
	}
	if (strset_len(&g->subjects)) {
		buf_puts(&t, g->id == F_OUT_PORT25_BLOCKED || g->id == F_OUT_SLOW_EVERYWHERE ? _("; servers: ")
			     : g->id == F_DELAY_BEFORE_QMGR ? _("; clients: ")
			     : g->id == F_IN_USER_UNKNOWN_HARVEST ? _("; addresses tried: ")
			     : g->id == F_VERIFY_PROBE_LOCAL ? _("; addresses refused: ")
			     : g->id == F_IN_TRUSTED_NAT || g->id == F_IN_TRUSTED_PRIVATE ? _("; HELO names: ")
			     : g->id == F_RESOLVER_FAILING ? _("; domains not found: ")
			     : g->id == F_IN_DMARC_ACCEPTED ? _("; From: domains that failed: ")
			     : g->id == F_IN_AUTH_DNS_FAILING || g->id == F_IN_SPF_NOT_PASS ? _("; sender domains: ")
			     : g->id == F_MAP_SYNTAX ? _("; tables: ")
			     : g->id == F_OUT_BOUNCE_UNREAD ? _("; queue IDs: ")
			     : g->recipients ? _("; recipient domains: ") : _("; clients: "));
		subjects_text(&t, g, 6);
	}
	bullet_text(b, &t, 8);
	buf_free(&t);
}

/* finding_text - one finding with all its causes (groups i.. of the same id) */
static void finding_text(struct buf *b, const struct diag *d, size_t i, bool color)
{
	const struct diag_group *g = d->list[i];
	int sev = finding_severity(g->id);
	buf_puts(b, "  ");
	if (color)
		buf_puts(b, sev >= 4 ? C_BOLD C_RED : sev == 3 ? C_RED : sev == 2 ? C_YEL : "");
	buf_printf(b, "[%s] %s", finding_severity_word(sev), finding_title(g->id));
	if (color)
		buf_puts(b, C_OFF);
	buf_putc(b, '\n');
	buf_printf(b, _("      at fault: %s; %s.\n"), finding_side_words(finding_side(g->id)),
		   finding_impact_words(diag_group_impact(g)));
	size_t shown = 0, more = 0;
	uint64_t more_lines = 0;
	for (size_t j = i; j < d->nlist; j++) {
		if (d->list[j]->id != g->id)
			continue;
		if (shown < FINDINGS_CAUSES_MAX) {
			group_line(b, d->list[j]);
			shown++;
		} else {
			more++;
			more_lines += d->list[j]->lines;
		}
	}
	if (more)
		buf_printf(b, P_("      - and %zu more (%llu lines)\n", "      - and %zu more (%llu lines)\n", more),
			   more, (unsigned long long)more_lines);
	wrap_text(b, finding_prose(g->id)->meaning, 6, 78);
	if (g->nsample) {
		buf_puts(b, _("      e.g. "));
		buf_term(b, span_of(g->sample[0]));
		buf_putc(b, '\n');
	}
	buf_putc(b, '\n');
}

/* findings_headline_text - one line per finding family for "What is happening" */
void findings_headline_text(struct buf *b, const struct diag *d)
{
	bool seen[F__COUNT] = {false};
	size_t n = 0;
	for (size_t i = 0; i < d->nlist; i++) {
		enum finding_id id = d->list[i]->id;
		if (finding_severity(id) >= 2 && !seen[id]) {
			seen[id] = true;
			n++;
		}
	}
	if (!n)
		return;
	bool breaks = diag_breaks_mail(d);
	buf_printf(b, breaks ? P_("  %zu kind of problem with the server or its mail flow, and mail is affected: "
				  "see \"Problems found\".\n",
				  "  %zu kinds of problem with the server or its mail flow, and mail is affected: "
				  "see \"Problems found\".\n", n)
		   : P_("  %zu kind of problem with the server or its mail flow: see \"Problems found\".\n",
			"  %zu kinds of problem with the server or its mail flow: see \"Problems found\".\n", n),
		   n);
}

/* findings_text - the "Problems found" section: the first top kinds (0: all) */
void findings_text(struct buf *b, const struct diag *d, bool color, size_t top)
{
	if (!d || !d->nlist)
		return;
	if (color)
		buf_puts(b, C_BOLD);
	buf_puts(b, _("Problems found, most serious first\n"));
	if (color)
		buf_puts(b, C_OFF);
	bool done[F__COUNT] = {false};
	size_t shown = 0, more = 0;
	for (size_t i = 0; i < d->nlist; i++) {
		if (done[d->list[i]->id])
			continue;
		done[d->list[i]->id] = true;
		if (top && shown >= top) {
			more++;
			continue;
		}
		finding_text(b, d, i, color);
		shown++;
	}
	if (more)
		buf_printf(b, P_("  ... and %zu more kind: report --top %zu or --all tells them\n\n",
				 "  ... and %zu more kinds: report --top %zu or --all tells them\n\n", more),
			   more, shown + more);
	if (d->dropped)
		buf_printf(b, P_("  %llu more line showed problems past the limit of %d kinds and causes.\n\n",
				 "  %llu more lines showed problems past the limit of %d kinds and causes.\n\n",
				 d->dropped),
			   (unsigned long long)d->dropped, DIAG_MAX_GROUPS);
}

/* abbrev_before - the word that ends at fix[i] (a '.') is an abbreviation
 * that does not end a sentence: "e.g", "i.e" and the catalogues' "p. ej."
 * (es) and "p. ex." (pt_BR), or the dots of an ellipsis */
static bool abbrev_before(const char *fix, size_t i)
{
	static const char *const abbrevs[] = {"e.g", "i.e", "p", "ej", "ex"};
	if (i && fix[i - 1] == '.')
		return true;
	size_t w = i;
	while (w && fix[w - 1] != ' ' && fix[w - 1] != '(')
		w--;
	for (size_t k = 0; k < sizeof abbrevs / sizeof *abbrevs; k++)
		if (i - w == strlen(abbrevs[k]) && !strncasecmp(fix + w, abbrevs[k], i - w))
			return true;
	return false;
}

/* finding_next_step - the first step of a finding's fix: its text up to
 * the first sentence or clause end outside parentheses (a ';' inside
 * "(noanonymous; allow plaintext only over TLS)" ends no step) */
void finding_next_step(struct buf *b, enum finding_id id)
{
	const char *fix = finding_prose(id)->fix;
	if (!fix)
		return;
	size_t n = strlen(fix), depth = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (fix[i] == '(')
			depth++;
		else if (fix[i] == ')' && depth)
			depth--;
		else if (!depth && (fix[i] == ';' || (fix[i] == '.' && !abbrev_before(fix, i))) &&
			 fix[i + 1] == ' ') {
			n = i;
			break;
		}
	}
	if (n && (fix[n - 1] == '.' || fix[n - 1] == ';'))
		n--;
	buf_put(b, fix, n);
	buf_putc(b, '.');
}

/* findings_actions_text - one fix paragraph per finding present (severity
 * 1 and up); true when anything was written */
bool findings_actions_text(struct buf *b, const struct diag *d)
{
	bool done[F__COUNT] = {false};
	bool any = false;
	for (size_t i = 0; d && i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		if (done[g->id] || finding_severity(g->id) < 1)
			continue;
		done[g->id] = true;
		any = true;
		struct buf t = {0};
		buf_printf(&t, "%s", finding_title(g->id));
		size_t nkeys = 0;
		for (size_t j = i; j < d->nlist; j++)
			if (d->list[j]->id == g->id && d->list[j]->key[0]) {
				buf_puts(&t, nkeys ? ", " : " (");
				if (nkeys == 4) {
					buf_puts(&t, "...");
					nkeys++;
					break;
				}
				buf_term(&t, span_of(finding_key_words(d->list[j]->key)));
				nkeys++;
			}
		if (nkeys)
			buf_putc(&t, ')');
		buf_puts(&t, ":");
		bullet_text(b, &t, 4);
		buf_free(&t);
		wrap_text(b, finding_prose(g->id)->fix, 4, 78);
		if (finding_prose(g->id)->caveat)
			wrap_text(b, finding_prose(g->id)->caveat, 4, 78);
	}
	return any;
}
