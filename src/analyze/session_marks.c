/*
 * session_marks.c - what one closed session's verified name and commands
 * mark on its client's record for the verdict and its words: a name of
 * an Internet-wide scanner (CD_SCANNER).  Called by the analysis for every session (session_counts).
 */
#include "analysis.h"
#include "../parse/scanner.h"

/* session_marks - c's marks from s */
void session_marks(struct client *c, const struct session *s)
{
	/* smtpd logs a name only when it resolves back to the address
	 * ("unknown" otherwise): a scanner's name cannot be claimed */
	if (s->client_name && scanner_name(span_of(s->client_name)))
		c->diag_flags |= CD_SCANNER;
}
