/*
 * events_json.c - write one event as a JSON object on one line.
 *
 * Field order is fixed: ts, host, service, pid, severity, type, then the
 * type's fields in the order of EVENT_SPANS/EVENT_NUMS, then stats.  All
 * strings pass through buf_json (escaped, UTF-8 repaired); the fields of
 * the line's text through redact_json first, so that a secret is hidden
 * in whichever field the parser put it.
 */
#include "events_json.h"
#include "model_json.h"
#include "../util/timefmt.h"

/* events_json_write - append ev as one NDJSON line, m's secrets hidden */
void events_json_write(struct buf *b, const struct event *ev, const struct redact_mask *mask)
{
	const struct logline *l = ev->line;
	buf_putc(b, '{');
	if (l->format != FMT_NOTIME) { /* a pasted line with no time has none */
		buf_puts(b, "\"ts\":\"");
		buf_stamp(b, l->ts);
		buf_puts(b, "\",");
	}
	buf_puts(b, "\"host\":");
	buf_json(b, l->host);
	buf_puts(b, ",\"service\":");
	buf_json(b, l->prog);
	if (l->inferred) /* the line had no tag: its text told the program */
		buf_puts(b, ",\"service_inferred\":true");
	if (l->pid >= 0) {
		buf_puts(b, ",\"pid\":");
		buf_i64(b, l->pid);
	}
	if (l->severity.n) {
		buf_puts(b, ",\"severity\":");
		buf_json(b, l->severity);
	}
	buf_puts(b, ",\"type\":\"");
	buf_puts(b, ev_type_name(ev->type));
	buf_putc(b, '"');
#define X(m, s)                                                                  \
	if (ev->m.p) {                                                           \
		buf_puts(b, ",\"" s "\":");                                      \
		redact_json(b, ev->m, mask);                                     \
	}
	EVENT_SPANS(X)
#undef X
#define X(m, s)                                                                  \
	if (ev->m >= 0) {                                                        \
		buf_puts(b, ",\"" s "\":");                                      \
		buf_i64(b, ev->m);                                               \
	}
	EVENT_NUMS(X)
#undef X
	if (ev->nstats) {
		buf_puts(b, ",\"stats\":{");
		for (unsigned i = 0; i < ev->nstats; i++)
			json_cmd_stat(b, i == 0, ev->stats[i].name, ev->stats[i].ok, ev->stats[i].total);
		buf_putc(b, '}');
	}
	buf_puts(b, "}\n");
}
