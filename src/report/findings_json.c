/*
 * findings_json.c - the server's problems as the report's "findings"
 * array (docs/report.md): one object per (finding, cause).
 */
#include "findings.h"
#include "model_json.h"

#include <stdlib.h>

/* subjects_json - the sorted subject set */
static void subjects_json(struct buf *b, const struct diag_group *g)
{
	size_t k;
	const char **all = diag_subjects(g, &k);
	buf_putc(b, '[');
	for (size_t i = 0; i < k; i++) {
		if (i)
			buf_putc(b, ',');
		buf_jsons(b, all[i]);
	}
	buf_putc(b, ']');
	free((void *)all);
}

/* group_json - one finding group */
static void group_json(struct buf *b, const struct diag_group *g)
{
	bool f = true;
	const struct finding_prose *p = finding_prose(g->id);
	buf_putc(b, '{');
	json_kv_str(b, &f, "id", finding_id(g->id));
	json_kv_str(b, &f, "title", finding_title(g->id));
	json_kv_str(b, &f, "key", g->key);
	json_kv_str(b, &f, "side", finding_side_id(finding_side(g->id)));
	json_kv_int(b, &f, "severity", finding_severity(g->id));
	json_kv_str(b, &f, "impact", finding_impact_id(diag_group_impact(g)));
	json_kv_int(b, &f, "lines", (int64_t)g->lines);
	json_kv_int(b, &f, "recipients", (int64_t)g->recipients);
	if (g->lines && g->first.us) {
		json_kv_stamp(b, &f, "first", g->first);
		json_kv_stamp(b, &f, "last", g->last);
	}
	json_key(b, &f, "subjects");
	subjects_json(b, g);
	if (g->subjects.dropped)
		json_kv_int(b, &f, "subjects_dropped", (int64_t)g->subjects.dropped);
	json_kv_str(b, &f, "meaning", p->meaning);
	json_kv_str(b, &f, "fix", p->fix);
	if (p->caveat)
		json_kv_str(b, &f, "caveat", p->caveat);
	json_key(b, &f, "evidence");
	buf_putc(b, '[');
	for (uint32_t i = 0; i < g->nsample; i++) {
		if (i)
			buf_putc(b, ',');
		buf_jsons(b, g->sample[i]);
	}
	buf_putc(b, ']');
	buf_putc(b, '}');
}

/* findings_json - "findings":[...] members' value */
void findings_json(struct buf *b, const struct diag *d)
{
	buf_putc(b, '[');
	for (size_t i = 0; d && i < d->nlist; i++) {
		if (i)
			buf_putc(b, ',');
		group_json(b, d->list[i]);
	}
	buf_putc(b, ']');
}
