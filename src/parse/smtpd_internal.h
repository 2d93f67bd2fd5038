/*
 * smtpd_internal.h - what smtpd.c and smtpd_warnings.c share: the
 * readers of a client written "name[address]" and the warnings' parser.
 */
#ifndef POSTSLEUTH_SMTPD_INTERNAL_H
#define POSTSLEUTH_SMTPD_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include "event.h"

bool smtpd_client(struct span s, struct event *ev);
bool smtpd_take_client(struct span *t, struct event *ev);
ptrdiff_t smtpd_rfind(struct span s, const char *needle);
void smtpd_parse_warning(const struct logline *l, struct span t, struct event *ev);

#endif
