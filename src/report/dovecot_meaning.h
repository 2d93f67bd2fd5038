/*
 * dovecot_meaning.h - Dovecot's delivery lines (its LDA's and LMTP
 * server's, Sieve's actions) in plain words (dovecot_meaning.c), for
 * line_meaning.c: where the message ended after Postfix handed it over.
 */
#ifndef POSTSLEUTH_DOVECOT_MEANING_H
#define POSTSLEUTH_DOVECOT_MEANING_H

#include "../parse/event.h"
#include "../util/buf.h"

/* the delivery line's outcome in words; false for any other line */
bool dovecot_meaning(struct buf *b, const struct event *ev);

#endif
