/*
 * diag_internal.h - what diagnose.c shares with the diagnosis's other
 * files (accepted.c): the groups by (finding, cause), and the bounded
 * copy of a raw line kept as a sample.
 */
#ifndef POSTSLEUTH_DIAG_INTERNAL_H
#define POSTSLEUTH_DIAG_INTERNAL_H

#include "diagnose.h"

struct diag_group *diag_group_get(struct diag *d, enum finding_id id, const char *key);
void diag_group_drop(struct diag *d, struct diag_group *g);
char *diag_sample_copy(const struct logline *l, bool show_secrets);
void diag_group_time(struct diag_group *g, struct stamp ts);

/* accepted.c: the clients' addresses as the lines go by, and the
 * conclusions at the end (before the list is sorted) */
void diag_accepted_event(struct diag *d, const struct event *ev, bool hit);
void diag_accepted_groups(struct diag *d);
void diag_accepted_fold(struct diag *d);
void diag_accepted_free(struct diag *d);

/* unknown_rcpt.c: one address refused as unknown to several real servers */
void diag_unknown_event(struct diag *d, const struct event *ev);
void diag_unknown_groups(struct diag *d);
const struct diag_group *diag_unknown_group(const struct diag *d, const struct event *ev);
void diag_unknown_free(struct diag *d);

#endif
