/*
 * evidence.c - second pass over the inputs for the lines that prove a
 * verdict.  Line numbers are those of the first pass (struct feed).
 * Each input is read only where references want lines: between them it
 * jumps to the nearest line mark the first pass took (input/jump.h), in
 * a plain file, a spool or a gzip file; an xz or zstd file is read from
 * its start, its decoders having no place to start again from.
 */
#include "evidence.h"
#include "feed.h"
#include "journal_text.h"
#include "../input/jump.h"
#include "../input/lines.h"
#include "../input/source.h"
#include "../parse/event.h"
#include "../syslog/prefix.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ref_cmp - by file, then first line */
static int ref_cmp(const void *x, const void *y)
{
	const struct evidence_lines *a = x, *b = y;
	if (a->ref->file_index != b->ref->file_index)
		return a->ref->file_index < b->ref->file_index ? -1 : 1;
	if (a->ref->first_line != b->ref->first_line)
		return a->ref->first_line < b->ref->first_line ? -1 : 1;
	return 0;
}

/* kept_line - the line as shown: cut, and its secrets (m) replaced.  A
 * journal entry (journalctl -o json, or an entry over several lines
 * gathered by journal_text.c) is shown as its time, host, program and
 * message, not as its JSON. */
static char *kept_line(struct span line, const struct logline *l, const struct redact_mask *m)
{
	bool masked = m && m->n;
	if (!masked && l->format != FMT_JOURNAL)
		return xspandup(span_cut(line, EVIDENCE_LINE_MAX));
	struct buf b = {0};
	if (l->format == FMT_JOURNAL) {
		redact_line(&b, l, m);
	} else if (l->text.p >= line.p && l->text.p + l->text.n <= line.p + line.n) {
		redact_put(&b, line, m);
	} else {
		buf_putspan(&b, l->prog);
		if (l->pid >= 0)
			buf_printf(&b, "[%lld]", (long long)l->pid);
		buf_puts(&b, ": ");
		redact_put(&b, l->text, m);
	}
	char *s = xspandup(span_cut(buf_span(&b), EVIDENCE_LINE_MAX));
	buf_free(&b);
	return s;
}

/* the lines of an input as the first pass read them: journalctl's
 * entries over several lines gathered (journal_text.c) */
struct text_reader {
	struct lines *lr;
	bool entries;           /* the first pass met such entries (feed_input) */
	struct jtext jt;
	struct span rest;       /* a line to give after the entry it ended */
	uint64_t rest_no;
	bool ended;
};

/* text_restart - after a jump: nothing gathered is kept */
static void text_restart(struct text_reader *t)
{
	jtext_free(&t->jt);
	t->rest = SPAN_NULL;
	t->ended = false;
}

/* text_next - the next line or entry, *no its line number */
static bool text_next(struct text_reader *t, struct span *line, uint64_t *no)
{
	if (t->rest.p) {
		*line = t->rest, *no = t->rest_no;
		t->rest = SPAN_NULL;
		return true;
	}
	for (;;) {
		struct span raw, entry, rest;
		uint64_t at = 0;
		if (!lines_next(t->lr, &raw)) {
			if (t->ended)
				return false;
			t->ended = true;
			jtext_end(&t->jt, &entry, &at);
			*line = entry, *no = at;
			return entry.p != NULL;
		}
		uint64_t n = t->lr->lineno;
		if (!t->entries || !jtext_maybe(&t->jt, raw)) {
			*line = raw, *no = n;
			return true;
		}
		jtext_line(&t->jt, raw, n, &entry, &at, &rest);
		if (entry.p) {
			if (rest.p)
				t->rest = rest, t->rest_no = n;
			*line = entry, *no = at;
			return true;
		}
		if (rest.p) {
			*line = rest, *no = n;
			return true;
		}
	}
}

/* evidence_collect - read each file once, keeping the chosen lines */
void evidence_collect(struct evidence_set *out, struct evidence_ref *const *refs, size_t nrefs,
		      const struct feed *feed, int forced_year, bool show_secrets)
{
	out->n = nrefs;
	out->v = xcalloc(nrefs + 1, sizeof *out->v);
	for (size_t i = 0; i < nrefs; i++) {
		out->v[i].ref = refs[i];
		redact_init(&out->v[i].rd, false);
	}
	qsort(out->v, nrefs, sizeof *out->v, ref_cmp);
	size_t next = 0;
	while (next < nrefs) {
		uint64_t f = out->v[next].ref->file_index;
		const struct feed_input *in = reread_input(feed, f);
		struct source *src = in ? reread_open(in) : NULL;
		if (!src || src->error || src->kind == SRC_JOURNAL) {
			if (src)
				source_close(src);
			while (next < nrefs && out->v[next].ref->file_index == f)
				next++;
			continue;
		}
		uint64_t upto = in->spool ? in->lines : UINT64_MAX;
		struct syslog_state st;
		syslog_state_init(&st, forced_year, src->mtime);
		struct lines lr;
		lines_init(&lr, src);
		struct text_reader tr = {.lr = &lr, .entries = in->entries};
		jtext_init(&tr.jt);
		uint64_t back = in->entries ? JT_BACK_LINES : 0;
		struct span line;
		size_t lo = next, hi = next;
		while (hi < nrefs && out->v[hi].ref->file_index == f)
			hi++;
		size_t started = lo;    /* the refs before this begin at or before the next line */
		uint64_t reach = 0;     /* the last line any of them wants */
		uint64_t tried = 0;     /* the mark last jumped to (or failed to) */
		for (;;) {
			uint64_t want = lr.lineno + 1;
			/* the lowest number the next line or entry may have: an
			 * entry over lines has its MESSAGE line's */
			uint64_t low = want > back ? want - back : 1;
			while (started < hi && out->v[started].ref->first_line <= want) {
				if (out->v[started].ref->last_line > reach)
					reach = out->v[started].ref->last_line;
				started++;
			}
			if (low > reach) {
				if (started == hi)
					break; /* every reference has its lines */
				/* no reference wants the next lines: on to the
				 * nearest mark before the next one that does (an
				 * entry's first line before its MESSAGE line) */
				uint64_t first = out->v[started].ref->first_line;
				struct jump_line m;
				if (in->jump && jump_find_line(in->jump, first > back ? first - back : 1, &m) &&
				    m.lineno > want && m.lineno != tried) {
					tried = m.lineno;
					lines_seek(&lr, m.off, m.lineno - 1, in->jump);
					text_restart(&tr);
				}
			}
			uint64_t no;
			if (!text_next(&tr, &line, &no) || no > upto)
				break;
			while (lo < hi && out->v[lo].ref->last_line < no)
				lo++;
			struct logline l;
			struct event ev;
			bool parsed = false, typed = false;
			for (size_t k = lo; k < hi && out->v[k].ref->first_line <= no; k++) {
				struct evidence_lines *e = &out->v[k];
				if (no > e->ref->last_line)
					continue;
				if (!parsed) {
					if (!syslog_parse(&st, line, &l))
						break;
					parsed = true;
				}
				if (l.pid != e->ref->pid || !span_eqs(l.host, e->ref->host ? e->ref->host : ""))
					continue;
				if (!typed) {
					parse_line(&l, &ev);
					typed = true;
				}
				/* every line of the process moves the conversation on,
				 * shown or not */
				struct redact_mask m;
				if (!show_secrets)
					redact_msg(&e->rd, &l, &m);
				if (ev.type == EV_NOISE)
					continue;
				if (e->n < EVIDENCE_MAX_LINES)
					e->line[e->n++] = kept_line(l.raw.p ? l.raw : line, &l,
								    show_secrets ? NULL : &m);
				else
					e->more++;
			}
		}
		next = hi;
		jtext_free(&tr.jt);
		lines_free(&lr);
		source_close(src);
	}
}

/* evidence_for - the lines of one reference, or NULL */
const struct evidence_lines *evidence_for(const struct evidence_set *set, const struct evidence_ref *ref)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->v[i].ref == ref)
			return &set->v[i];
	return NULL;
}

/* evidence_free - the copied lines */
void evidence_free(struct evidence_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		for (uint32_t j = 0; j < set->v[i].n; j++)
			free(set->v[i].line[j]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}
