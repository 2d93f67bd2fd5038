/*
 * rule_actions.c - what this server's own rules did to mail they let
 * through, as cleanup and smtpd log it:
 *
 *   cleanup_message.c cleanup_act_log "QID: ACTION: header|body CONTENT
 *   from ORIGIN; from=<> to=<> ...[: TEXT]" (header_checks, body_checks;
 *   cleanup_milter.c logs milter_header_checks' the same way), ACTION
 *   redirect, bcc, warning, info, prepend, replace, strip;
 *   smtpd_check.c log_whatsup "QID: ACTION: WHERE from CLIENT: <ADDR>:
 *   CLASS triggers REDIRECT|BCC VALUE; ..." and the access tables' WARN
 *   and INFO ("warn", "info").  FILTER (a route through the content
 *   filter, the usual plumbing of Amavis setups) is no note.
 *
 * REDIRECT sends the message to another address instead of its
 * recipients: mail-redirected-by-rule (this server's configuration; the
 * client is not at fault).  The others let the message go on as
 * written: content-rule-note (benign).  HOLD and DISCARD are
 * mail-held and mail-discarded (rules.c), REJECT the refusals' rows.
 * The key is the action in the rule's upper case and its value (the
 * target address or the rule's text), else 'header "NAME"' or "body";
 * all of it the sender's or the rule's text, bounded.
 */
#include "rules_internal.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *logged, *rule;
	bool redirect;
} acts[] = {
    {"redirect", "REDIRECT", true}, {"bcc", "BCC", false},
    {"warning", "WARN", false},     {"warn", "WARN", false},       {"info", "INFO", false},
    {"prepend", "PREPEND", false},  {"replace", "REPLACE", false}, {"strip", "STRIP", false},
};

/* what_of - the words after the action in the key: the rule's value
 * (cleanup's TEXT; smtpd's "... triggers ACTION VALUE" or the text after
 * "<ADDR>: "), else "header NAME" or "body" */
static void what_of(const struct event *ev, char *out, size_t size)
{
	struct span v = SPAN_NULL;
	if (ev->type == EV_REJECT) {
		struct span tr = span_find(ev->reason, " triggers ");
		if (tr.p) {
			v = span_skip(tr, strlen(" triggers "));
			ptrdiff_t sp = span_chr(v, ' ');
			v = sp >= 0 ? span_skip(v, (size_t)sp + 1) : SPAN_NULL;
		} else {
			ptrdiff_t gt = span_index(ev->reason, ">: ");
			v = gt >= 0 ? span_skip(ev->reason, (size_t)gt + 3) : ev->reason;
		}
	} else if (ev->text.n) {
		v = ev->text;
	} else {
		ptrdiff_t colon = span_chr(ev->reason, ':');
		struct span name = span_eqs(ev->stage, "header") && colon > 0 ? span_head(ev->reason, (size_t)colon)
									     : SPAN_NULL;
		char nm[72];
		diag_copy_key(nm, span_head(name, name.n < 64 ? name.n : 64));
		/* the header's name quoted: it is the message's word, not ours */
		snprintf(out, size, "%.*s%s%s%s", (int)(ev->stage.n < 16 ? ev->stage.n : 16), ev->stage.p,
			 name.n ? " \"" : "", nm, name.n ? "\"" : "");
		return;
	}
	char tmp[DIAG_KEY_MAX];
	diag_copy_key(tmp, v);
	snprintf(out, size, "%s", tmp);
}

bool diag_rule_action(const struct event *ev, struct diag_hit *hit)
{
	if (ev->type == EV_CLEANUP_ACTION) {
		if (!span_eqs(ev->stage, "header") && !span_eqs(ev->stage, "body"))
			return false;
	} else if (ev->type != EV_REJECT || !ev->line || !span_eqs(ev->line->daemon, "smtpd")) {
		return false;
	}
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		if (!span_eqs(ev->action, acts[i].logged))
			continue;
		/* cleanup logs "warning", smtpd "warn": each its own */
		if (ev->type == EV_REJECT ? !strcmp(acts[i].logged, "warning") : !strcmp(acts[i].logged, "warn"))
			return false;
		char what[DIAG_KEY_MAX];
		what_of(ev, what, sizeof what);
		memset(hit, 0, sizeof *hit);
		hit->id = acts[i].redirect ? F_RULE_REDIRECTED : F_RULE_NOTE;
		snprintf(hit->key, sizeof hit->key, "%s%s%.140s", acts[i].rule, what[0] ? " " : "", what);
		return true;
	}
	return false;
}
