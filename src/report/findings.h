/*
 * findings.h - the writers of the server's problems (src/diagnose): a
 * text section with the evidence lines, the "what to do" paragraphs, and
 * the JSON array.  Every string from the log passes buf_term or buf_json.
 */
#ifndef POSTSLEUTH_FINDINGS_H
#define POSTSLEUTH_FINDINGS_H

#include "../diagnose/diagnose.h"
#include "../util/buf.h"

/* causes listed under each finding in the text report; the rest are
 * counted (report --json has them all) */
#define FINDINGS_CAUSES_MAX 6

void findings_text(struct buf *b, const struct diag *d, bool color, size_t top);
void finding_next_step(struct buf *b, enum finding_id id);
bool findings_actions_text(struct buf *b, const struct diag *d);
void findings_headline_text(struct buf *b, const struct diag *d);
void findings_json(struct buf *b, const struct diag *d);
const char *finding_severity_word(int sev);

#endif
