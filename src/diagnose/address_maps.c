/*
 * address_maps.c - the words of cleanup and the SMTP client that an
 * address map of this server could not be applied as written:
 *
 *   cleanup_map1n.c (virtual_alias_maps and the other one-to-many maps):
 *     "QID: unreasonable TITLE map expansion size for ADDR -- TAIL"
 *     "QID: unreasonable TITLE map nesting for ADDR -- TAIL"
 *     "QID: unreasonable TITLE result VALUE... -- TAIL"
 *   TAIL is "message not accepted, try again later" since 2.11 (cleanup
 *   refuses the message: 4.6.0 Alias expansion error), "deferring
 *   delivery" in 2.8 to 2.10, and absent before (the expansion stopped
 *   there and the addresses found so far got the mail);
 *   cleanup_map11.c (canonical_maps, sender_ and recipient_canonical_maps):
 *     "QID: unreasonable TITLE map nesting for ADDR" (the address is
 *     left as the last rewrite made it)
 *   -> alias-expansion-refused, keyed "TITLE map expansion size", "TITLE
 *   map nesting" or "TITLE result length", the address its subject;
 *
 *   cleanup_map11.c "QID: multi-valued TITLE entry for ADDR" and
 *   smtp_map11.c "multi-valued TITLE result for ADDR" (smtp_generic_maps):
 *   a one-to-one map given several addresses, of which only the first is
 *   used -> address-map-multi-valued, keyed by TITLE.
 *
 * TITLE is a parameter name (lower case, digits, '_'); ADDR and VALUE
 * are the sender's text: bounded copies, control bytes made '?'.
 */
#include "rules_internal.h"

#include <stdio.h>
#include <string.h>

/* after_qid - the text after a leading "QID: " (a token without blanks),
 * or the text itself (a paste that cut the queue ID off) */
static struct span after_qid(struct span t)
{
	ptrdiff_t c = span_index(t, ": ");
	if (c > 0 && c <= 32 && span_chr(span_head(t, (size_t)c), ' ') < 0)
		return span_skip(t, (size_t)c + 2);
	return t;
}

/* take_title - a map's parameter name and the blank after it */
static bool take_title(struct span *t, struct span *title)
{
	size_t n = 0;
	while (n < t->n && n < 64 && ((t->p[n] >= 'a' && t->p[n] <= 'z') ||
				      (t->p[n] >= '0' && t->p[n] <= '9') || t->p[n] == '_'))
		n++;
	if (n < 5 || n >= t->n || t->p[n] != ' ' || !span_ends(span_head(*t, n), "_maps"))
		return false;
	*title = span_head(*t, n);
	*t = span_skip(*t, n + 1);
	return true;
}

/* until_tail - ADDR up to " -- " (the version's tail), or all of it */
static struct span until_tail(struct span t)
{
	ptrdiff_t d = span_index(t, " -- ");
	return d >= 0 ? span_head(t, (size_t)d) : t;
}

/* fill - the hit: its finding, "TITLE WORDS" as key, ADDR as subject */
static bool fill(struct diag_hit *hit, enum finding_id id, struct span title,
		 const char *words, struct span addr)
{
	memset(hit, 0, sizeof *hit);
	hit->id = id;
	snprintf(hit->key, sizeof hit->key, "%.*s%s", (int)title.n, title.p, words);
	diag_copy_key(hit->subject, addr);
	return true;
}

bool diag_address_map(struct span text, struct diag_hit *hit)
{
	struct span t = after_qid(text), title;
	if (span_eat(&t, "unreasonable ")) {
		if (!take_title(&t, &title))
			return false;
		if (span_eat(&t, "map expansion size for "))
			return fill(hit, F_ALIAS_EXPANSION, title, " map expansion size", until_tail(t));
		if (span_eat(&t, "map nesting for "))
			return fill(hit, F_ALIAS_EXPANSION, title, " map nesting", until_tail(t));
		/* "result %.300s... --": an address longer than
		 * virtual_alias_address_length_limit */
		if (span_eat(&t, "result ") && span_find(t, "... --").p)
			return fill(hit, F_ALIAS_EXPANSION, title, " result length",
				    span_head(t, (size_t)span_index(t, "... --")));
		return false;
	}
	if (span_eat(&t, "multi-valued ")) {
		if (!take_title(&t, &title))
			return false;
		if (span_eat(&t, "entry for ") || span_eat(&t, "result for "))
			return fill(hit, F_MAP_MULTI_VALUED, title, "", t);
	}
	return false;
}
