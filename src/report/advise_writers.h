/*
 * advise.h - the Postfix settings "postsleuth advise" proposes, each
 * tied to its evidence in the log and with the caveats experts give,
 * and their text and JSON writers.
 *
 * Evidence sentences may quote the log (addresses, HELO names, account
 * names): writers escape them (buf_term, buf_json).  Setting names and
 * values are postsleuth's own words, or the admin's current values as
 * postconf printed them; nothing from the log goes into a setting.
 */
#ifndef POSTSLEUTH_ADVISE_H
#define POSTSLEUTH_ADVISE_H

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
