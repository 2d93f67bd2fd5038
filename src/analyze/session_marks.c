/*
 * session_marks.c - what one closed session's verified name and commands
 * mark on its client's record for the verdict and its words: a name of
 * an Internet-wide scanner (CD_SCANNER), VRFY asked without mail
 * (CD_VRFY), bytes sent behind QUIT (CD_QUIT_PIPE).  Called by the analysis for every session (session_counts).
 */
#include "analysis.h"
#include "../parse/scanner.h"

#include <string.h>

/* session_marks - c's marks from s */
void session_marks(struct client *c, const struct session *s)
{
	/* smtpd logs a name only when it resolves back to the address
	 * ("unknown" otherwise): a scanner's name cannot be claimed */
	const char *name = s->client_name;
	if (name && name[0] && !(name[0] == 'u' && !strcmp(name, "unknown")) && scanner_name(span_of(name)))
		c->diag_flags |= CD_SCANNER;
	/* VRFY counted in the disconnect line, or refused at VRFY (a log
	 * without counts); a session that sent mail asked it as a client */
	uint32_t ok = 0, vrfy = 0;
	if (!s->messages && ((session_stat(s, "vrfy", &ok, &vrfy) && vrfy) ||
			     (s->last_reject_stage && !strcmp(s->last_reject_stage, "VRFY"))))
		c->diag_flags |= CD_VRFY;
	if (s->quit_pipelined)
		c->diag_flags |= CD_QUIT_PIPE;
}
