/*
 * pipe_flags.h - pipe(8)'s own deferral of a delivery its master.cf
 * entry cannot make (the D or O flag with several recipients): used by
 * rules_out.c once own_backend.c has said the delivery was this host's.
 */
#ifndef POSTSLEUTH_DIAG_PIPE_FLAGS_H
#define POSTSLEUTH_DIAG_PIPE_FLAGS_H

#include "../parse/event.h"

struct diag_hit;

#include <stdbool.h>

/* pipe_needs_one_recipient - EV is pipe(8)'s deferral whose reason T is
 * its own "mail system configuration error" (4.3.5): flag D or O with
 * more than one recipient per delivery */
bool pipe_needs_one_recipient(const struct event *ev, struct span t);

/* pipe_flag_warning - TEXT is pipe.c's warning "pipe flag `D' requires
 * NAME_destination_recipient_limit = 1" (or `O'): the same finding,
 * keyed by the transport NAME as its deferrals are */
bool pipe_flag_warning(struct span text, struct diag_hit *hit);

#endif
