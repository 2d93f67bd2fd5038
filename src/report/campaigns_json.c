/*
 * campaigns_json.c - the report's "campaigns" array (docs/report.md):
 * each group of clients that act alike with its figures, the usernames
 * it tried most and every member's address.  Strings from the log pass
 * buf_json.
 */
#include "report.h"
#include "model_json.h"

/* campaigns_json - "[{kind, verdict, severity, addresses, ...}, ...]" */
void campaigns_json(struct buf *b, const struct analysis *a, const struct campaigns *cs)
{
	buf_putc(b, '[');
	for (size_t i = 0; cs && i < cs->n; i++) {
		const struct campaign *c = &cs->list[i];
		bool f = true;
		buf_puts(b, i ? ",{" : "{");
		json_kv_str(b, &f, "kind", campaign_kind_id(c->kind));
		json_kv_str(b, &f, "verdict", verdict_id(c->verdict));
		json_kv_int(b, &f, "severity", campaign_severity(c));
		if (c->key[0])
			json_kv_str(b, &f, "key", c->key);
		json_kv_int(b, &f, "addresses", c->addresses);
		json_kv_int(b, &f, "networks", c->networks);
		json_kv_int(b, &f, "sessions", (int64_t)c->sessions);
		json_kv_int(b, &f, "attempts", (int64_t)c->attempts);
		json_kv_int(b, &f, "max_per_address", c->max_per_address);
		json_kv_int(b, &f, "auth_fail_sessions_port25", (int64_t)c->auth_fail_port25);
		json_kv_int(b, &f, "auth_fail_sessions_other", (int64_t)c->auth_fail_other);
		if (c->first.us) {
			json_kv_stamp(b, &f, "first_seen", c->first);
			json_kv_stamp(b, &f, "last_seen", c->last);
			json_key(b, &f, "span_s");
			buf_json_num(b, (double)(c->last.us - c->first.us) / 1e6, 0);
			json_key(b, &f, "rate_per_hour");
			buf_json_num(b, campaign_rate_per_hour(c), 1);
		}
		json_kv_int(b, &f, "usernames", c->nusers);
		if (c->users_partial)
			json_kv_bool(b, &f, "usernames_incomplete", true);
		json_key(b, &f, "usernames_top");
		buf_putc(b, '[');
		for (uint32_t j = 0; j < c->ntop; j++) {
			buf_puts(b, j ? ",{\"username\":" : "{\"username\":");
			buf_jsons(b, c->top[j].name);
			buf_printf(b, ",\"count\":%u}", c->top[j].count);
		}
		buf_putc(b, ']');
		json_key(b, &f, "members");
		buf_putc(b, '[');
		size_t n;
		const uint32_t *m = campaign_members(cs, i, &n);
		for (size_t k = 0; k < n; k++) {
			if (k)
				buf_putc(b, ',');
			buf_jsons(b, client_addr(a->clist[m[k]]).s);
		}
		buf_puts(b, "]}");
	}
	buf_putc(b, ']');
}
