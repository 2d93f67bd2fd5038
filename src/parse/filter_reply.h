/*
 * filter_reply.h - a content filter's "250" that took a message and did
 * not pass it on (Amavis: discarded, or bounced to its sender)
 */
#ifndef POSTSLEUTH_FILTER_REPLY_H
#define POSTSLEUTH_FILTER_REPLY_H

#include "../util/span.h"

enum filter_drop {
	FILTER_PASSED = 0, /* any other reply: the message went on (or is not a filter's) */
	FILTER_DISCARDED,  /* "250 2.7.0 Ok, discarded, id=... - spam" */
	FILTER_BOUNCED,    /* "250 2.5.0 Ok, id=..., BOUNCE" */
};

enum filter_drop filter_reply_drop(struct span reason);

#endif
