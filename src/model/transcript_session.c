/*
 * transcript_session.c - a postmaster transcript becomes a finished session.
 */
#include "model_internal.h"
#include "../parse/common.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* model_transcript - a postmaster transcript becomes a finished session */
void model_transcript(struct model *m, const struct transcript *t, uint64_t lineno,
		      uint64_t file_index)
{
	struct osess *o = xcalloc(1, sizeof *o);
	struct session *s = &o->s;
	pool_init(&s->pool);
	s->id = ++m->next_sid;
	s->host = model_intern(m, span_of(t->host));
	s->service = model_intern(m, SPAN_LIT("postmaster-transcript"));
	s->pid = -1;
	if (t->have_ts)
		s->start = s->end = t->ts;
	s->saw_connect = true;
	s->end_kind = END_DISCONNECT;
	s->first_line = s->last_line = lineno;
	s->file_index = file_index;
	struct span name, ip, port;
	if (pc_namaddr(span_of(t->client), &name, &ip, &port)) {
		s->client_name = pool_dup(&s->pool, name);
		s->client_ip = pool_dup(&s->pool, ip);
		s->client_port = pool_dup(&s->pool, port);
	} else {
		s->client_name = pool_strdup(&s->pool, "unknown");
		s->client_ip = pool_strdup(&s->pool, "");
	}
	for (uint32_t i = 0; i < t->nlines; i++) {
		const struct transcript_line *l = &t->line[i];
		dialogue_add(s, l->dir, false, false, span_of(l->text));
		if (l->dir == '<')
			dialogue_helo_from(s, span_of(l->text));
	}
	s->dialogue_dropped += t->dropped;
	if (t->reason[0]) {
		s->lost_reason = pool_strdup(&s->pool, t->reason);
		/* the last command the client sent, as smtpd's "after X" would say */
		static const char *const verbs[] = {"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT",
						    "DATA", "BDAT", "RSET", "NOOP", "VRFY", "ETRN",
						    "QUIT", NULL};
		const char *stage = "CONNECT";
		for (uint32_t i = t->nlines; i > 0 && !strcmp(stage, "CONNECT"); i--) {
			if (t->line[i - 1].dir != '<')
				continue;
			stage = "UNKNOWN";
			for (int k = 0; verbs[k]; k++)
				if (!strncasecmp(t->line[i - 1].text, verbs[k], strlen(verbs[k])))
					stage = verbs[k];
		}
		s->lost_stage = pool_strdup(&s->pool, stage);
	}
	m->st.sessions++;
	if (m->sink.session_closed)
		m->sink.session_closed(s, m->sink.ctx);
	session_free(s);
	free(o);
}
