/*
 * prefix_memo.c - what the memo of the usual line's prefix (prefix_memo.h)
 * keeps of a line that the parse read the long way: its host, and its
 * tag's name with the name's split.
 */
#include "prefix_memo.h"

#include <string.h>

/* syslog_memo_learn - after plain_rest read a line of rest_memo's shape the long
 * way: keep its host, and the tag name found at name.  A host token that
 * parse_tag refused may have had its pid set to -1 on the way (one
 * ending in ':'); the tag's parse sets it again, so the memo, which skips
 * that parse, gives the same line */
void syslog_memo_learn(struct syslog_state *st, struct span cur, const struct logline *out,
		       const char *name)
{
	struct prefix_memo *m = &st->memo;
	struct span h = out->host;
	if (!h.n || h.n > PREFIX_NAME_MAX || h.p != cur.p + 1 || out->pid < 0)
		return;
	if (!name || name != h.p + h.n + 1) {
		/* the host was not the memo's: keep it, the name comes next time */
		if (out->prog.p == h.p + h.n + 1) {
			memset(m->host, 0, sizeof m->host);
			memcpy(m->host, h.p, h.n);
			m->host_len = (uint8_t)h.n;
		}
		return;
	}
	struct span tag = out->prog;
	if (tag.p != name || !tag.n || tag.n > PREFIX_NAME_MAX || tag.p[tag.n] != '[')
		return;
	uint8_t slot = tag_slot(tag.p, tag.n);
	struct prefix_tag *e = &m->tag[slot];
	m->last_tag = slot;
	memset(e->name, 0, sizeof e->name);
	memcpy(e->name, tag.p, tag.n);
	e->len = (uint8_t)tag.n;
	ptrdiff_t first = span_chr(tag, '/');
	e->first = (int8_t)first;
	e->last = (int8_t)(first < 0 ? -1 : span_rchr(tag, '/'));
	e->postfix = out->postfix;
	e->pid_n = 0; /* the name's pid is read from its next line */
}
