/*
 * advise_writers.c - writers of "postsleuth advise": each item's evidence, why,
 * settings (main.cf, master.cf), the postconf commands that apply them,
 * and the caveats.  Evidence may quote the log and goes through
 * buf_term / buf_json; the postconf commands are single-quoted for the
 * shell and hold only setting names and values (ours or postconf's).
 */
#include "advise_writers.h"
#include "findings.h"
#include "model_json.h"
#include "report.h"
#include "../util/i18n.h"

#include <stdlib.h>
#include <string.h>

/* shell_quote - 'text' for a POSIX shell, quotes inside escaped */
static void shell_quote(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

/* setting_cmd - "postconf -e 'name = value'" and friends */
static void setting_cmds(struct buf *b, const struct advice *a)
{
	for (int i = 0; i < a->nmain; i++) {
		if (a->main[i].unchanged)
			continue;
		struct buf t = {0};
		buf_printf(&t, "%s = %s", a->main[i].name, a->main[i].value);
		buf_putc(&t, 0);
		buf_puts(b, "      postconf -e ");
		shell_quote(b, t.p);
		buf_putc(b, '\n');
		buf_free(&t);
	}
	for (int i = 0; i < a->nmaster; i++) {
		struct buf t = {0};
		buf_printf(&t, "%s=%s", a->master[i].key, a->master[i].value);
		buf_putc(&t, 0);
		buf_printf(b, "      postconf -%c ", a->master[i].op);
		shell_quote(b, t.p);
		buf_putc(b, '\n');
		buf_free(&t);
	}
}

/* bullet - "     - text", wrapped with the continuation lines under the text */
static void bullet(struct buf *b, const char *text)
{
	struct buf t = {0};
	wrap_text(&t, text, 7, 78);
	if (t.n >= 7)
		memcpy(t.p, "     - ", 7);
	buf_put(b, t.p, t.n);
	buf_free(&t);
}

/* advise_text - the items for people */
void advise_text(struct buf *b, const struct advise_out *o)
{
	buf_puts(b, _("postsleuth advise: Postfix settings for what this log shows.\n"));
	/* TRANSLATORS: keep the line break (lines of at most 78 columns) */
	buf_puts(b, _("Nothing was changed.  Review each item, apply it yourself, then run\n"
		      "\"postfix check\" and \"postfix reload\".\n"));
	/* TRANSLATORS: where the current settings were read ("from postconf ...") */
	buf_printf(b, _("Current values: %s.\n"), o->config_source);
	if (o->postfix_version && *o->postfix_version)
		buf_printf(b, _("The log shows Postfix %s.\n"), o->postfix_version);
	bool problems = o->diag && diag_worst(o->diag) >= 1;
	if (!o->n && !problems)
		buf_puts(b, _("\nNothing in this log calls for a change.\n"));
	if (problems) {
		buf_putc(b, '\n');
		wrap_text(b, _("Problems of the server itself that the log shows (postsleuth report "
			       "tells them with their evidence):"), 0, 78);
		findings_actions_text(b, o->diag);
	}
	for (int i = 0; i < o->n; i++) {
		const struct advice *a = &o->v[i];
		buf_printf(b, "\n%d. %s  [%s]\n", i + 1, a->title, a->id);
		buf_puts(b, _("   Evidence:\n"));
		for (int k = 0; k < a->nevidence; k++)
			bullet(b, a->evidence[k]);
		buf_puts(b, _("   Why:\n"));
		wrap_text(b, a->why, 5, 78);
		if (a->nsteps || a->step_extra) {
			buf_puts(b, _("   Do:\n"));
			for (int k = 0; k < a->nsteps; k++)
				bullet(b, a->steps[k]);
			if (a->step_extra)
				bullet(b, a->step_extra);
		}
		if (a->nmain) {
			buf_puts(b, "   main.cf:\n");
			for (int k = 0; k < a->nmain; k++) {
				const struct adv_main *m = &a->main[k];
				buf_puts(b, "      ");
				buf_term(b, span_of(m->name));
				buf_puts(b, " = ");
				buf_term(b, span_of(m->value));
				if (m->unchanged && m->current && strcmp(m->current, m->value)) {
					struct buf t = {0};
					buf_term(&t, span_of(m->current));
					/* TRANSLATORS: after a proposed setting: its current value */
					buf_printf(b, _("    (now %.*s: fine as it is)\n"), (int)t.n, t.p);
					buf_free(&t);
				} else if (m->unchanged) {
					buf_puts(b, _("    (already set)\n"));
				} else if (m->current) {
					struct buf t = {0};
					if (*m->current)
						buf_term(&t, span_of(m->current));
					else
						/* TRANSLATORS: a setting's current value is empty */
						buf_puts(&t, _("empty"));
					/* TRANSLATORS: under a proposed setting: its current value */
					buf_printf(b, _("\n        (now: %.*s)\n"), (int)t.n, t.p);
					buf_free(&t);
				} else {
					buf_putc(b, '\n');
				}
			}
		}
		if (a->nmaster) {
			buf_puts(b, "   master.cf:\n");
			for (int k = 0; k < a->nmaster; k++) {
				const struct adv_master *m = &a->master[k];
				if (m->op == 'P') {
					/* TRANSLATORS: a master.cf service ("smtpd/pass") follows */
					buf_puts(b, _("      service "));
					const char *slash = strrchr(m->key, '/');
					size_t n = slash ? (size_t)(slash - m->key) : strlen(m->key);
					buf_term(b, span_make(m->key, n));
					buf_printf(b, ":  -o %s=", slash ? slash + 1 : "");
					buf_term(b, span_of(m->value));
					buf_putc(b, '\n');
				} else {
					buf_puts(b, "      ");
					buf_term(b, span_of(m->value));
					buf_putc(b, '\n');
				}
			}
		}
		if (a->nmain || a->nmaster) {
			bool any = a->nmaster > 0;
			for (int k = 0; k < a->nmain; k++)
				any |= !a->main[k].unchanged;
			if (any) {
				buf_puts(b, _("   Apply:\n"));
				setting_cmds(b, a);
			}
		}
		if (a->ncaveats) {
			buf_puts(b, _("   Caveats:\n"));
			for (int k = 0; k < a->ncaveats; k++)
				bullet(b, a->caveats[k]);
		}
	}
}

/* str_array - a JSON array of strings */
static void str_array(struct buf *b, bool *first, const char *key, const char *const *v, int n,
		      const char *extra)
{
	json_key(b, first, key);
	buf_putc(b, '[');
	for (int i = 0; i < n; i++) {
		if (i)
			buf_putc(b, ',');
		buf_jsons(b, v[i]);
	}
	if (extra) {
		if (n)
			buf_putc(b, ',');
		buf_jsons(b, extra);
	}
	buf_putc(b, ']');
}

/* advise_json - one document: {"config_source":..., "advice":[...]} */
void advise_json(struct buf *b, const struct advise_out *o)
{
	bool f = true;
	buf_putc(b, '{');
	json_kv_str(b, &f, "config_source", o->config_source);
	json_kv_str(b, &f, "postfix_version", o->postfix_version ? o->postfix_version : "");
	if (o->diag) {
		json_key(b, &f, "findings");
		findings_json(b, o->diag);
	}
	json_key(b, &f, "advice");
	buf_putc(b, '[');
	for (int i = 0; i < o->n; i++) {
		const struct advice *a = &o->v[i];
		bool g = true;
		buf_puts(b, i ? ",{" : "{");
		json_kv_str(b, &g, "id", a->id);
		json_kv_str(b, &g, "title", a->title);
		str_array(b, &g, "evidence", (const char *const *)a->evidence, a->nevidence, NULL);
		json_kv_str(b, &g, "why", a->why);
		str_array(b, &g, "steps", a->steps, a->nsteps, a->step_extra);
		json_key(b, &g, "main_cf");
		buf_putc(b, '[');
		for (int k = 0; k < a->nmain; k++) {
			bool h = true;
			buf_puts(b, k ? ",{" : "{");
			json_kv_str(b, &h, "name", a->main[k].name);
			json_kv_str(b, &h, "value", a->main[k].value);
			if (a->main[k].current)
				json_kv_str(b, &h, "current", a->main[k].current);
			json_kv_bool(b, &h, "unchanged", a->main[k].unchanged);
			buf_putc(b, '}');
		}
		buf_putc(b, ']');
		json_key(b, &g, "master_cf");
		buf_putc(b, '[');
		for (int k = 0; k < a->nmaster; k++) {
			bool h = true;
			char op[3] = {'-', a->master[k].op, 0};
			buf_puts(b, k ? ",{" : "{");
			json_kv_str(b, &h, "postconf", op);
			json_kv_str(b, &h, "key", a->master[k].key);
			json_kv_str(b, &h, "value", a->master[k].value);
			buf_putc(b, '}');
		}
		buf_putc(b, ']');
		str_array(b, &g, "caveats", a->caveats, a->ncaveats, NULL);
		buf_putc(b, '}');
	}
	buf_puts(b, "]}\n");
}
