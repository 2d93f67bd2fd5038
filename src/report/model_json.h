/*
 * model_json.h - JSON objects for closed sessions and messages, used by
 * "events" (as NDJSON records), "trace --json" and "explain --json".  A
 * session's dialogue and the client input it quotes are printed with
 * their SASL secrets hidden (parse/redact.h) unless show_secrets.
 */
#ifndef POSTSLEUTH_MODEL_JSON_H
#define POSTSLEUTH_MODEL_JSON_H

#include "../model/message.h"
#include "../util/buf.h"

void session_json(struct buf *b, const struct session *s, bool show_secrets);
void message_json(struct buf *b, const struct message *m);
void json_kv_str(struct buf *b, bool *first, const char *key, const char *val);
void json_kv_int(struct buf *b, bool *first, const char *key, int64_t val);
void json_kv_bool(struct buf *b, bool *first, const char *key, bool val);
void json_kv_stamp(struct buf *b, bool *first, const char *key, struct stamp t);
void json_key(struct buf *b, bool *first, const char *key);
/* json_cmd_stat - "name":[ok,total], after a comma unless first */
void json_cmd_stat(struct buf *b, bool first, struct span name, uint32_t ok, uint32_t total);

#endif
