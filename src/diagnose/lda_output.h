/*
 * lda_output.h - what the output of Dovecot's delivery agent
 * (dovecot-lda, deliver), relayed by local(8) or pipe(8) after "Command
 * output: ", tells of a failed delivery into this host's mailboxes: used
 * by rules_out.c once own_backend.c has said the delivery was this
 * host's own.
 */
#ifndef POSTSLEUTH_DIAG_LDA_OUTPUT_H
#define POSTSLEUTH_DIAG_LDA_OUTPUT_H

#include "finding.h"
#include "../util/span.h"

#include <stdbool.h>

/* lda_refused_access - T (a delivery's reason) holds Dovecot LDA's own
 * output, after "Command output: ", naming "Permission denied" or
 * "Operation not permitted": the user the LDA runs as may not open
 * Dovecot's sockets or the mailbox */
bool lda_refused_access(struct span t);

#endif
