/*
 * advise_writers.h - the text and JSON writers of "postsleuth advise":
 * the items of act/advise_rules.c with their evidence, settings, the
 * postconf commands that apply them, and the server's own problems.
 * Evidence may quote the log: it goes through buf_term / buf_json.
 */
#ifndef POSTSLEUTH_ADVISE_WRITERS_H
#define POSTSLEUTH_ADVISE_WRITERS_H

#include "../act/advise_rules.h"
#include "../diagnose/diagnose.h"

#include <stdbool.h>
#include "../util/buf.h"

struct advise_out {
	struct advice *v;
	int n;
	const char *config_source;      /* "postconf (/etc/postfix)" or why not */
	const char *postfix_version;    /* from the log, or "" */
	const struct diag *diag;        /* the server's own problems, or NULL */
};

void advise_text(struct buf *b, const struct advise_out *o);
void advise_json(struct buf *b, const struct advise_out *o);

#endif
