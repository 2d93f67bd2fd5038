/*
 * filter_reply.c - a content filter's "250" reply that accepted a message
 * and did not pass it on. Amavis answers its client (Postfix's smtp or
 * lmtp on 10024) with a success for every message it takes, whatever it
 * does with it: "250 2.0.0 from MTA(...): 250 2.0.0 Ok: queued as QID"
 * when it passed the message back, "250 2.7.0 Ok, discarded, id=ID -
 * spam" (D_DISCARD: quarantined or dropped, nobody told), "250 2.5.0 Ok,
 * id=ID, BOUNCE" (D_BOUNCE: a notice went to the sender instead). Postfix
 * logs such a delivery status=sent: for the last two the message went no
 * further than the filter.
 */
#include "filter_reply.h"

/* filter_reply_drop - what a "250" reply says became of the message */
enum filter_drop filter_reply_drop(struct span reason)
{
	if (span_starts(reason, "250 2.7.0 Ok, discarded"))
		return FILTER_DISCARDED;
	if (!span_starts(reason, "250 2.5.0 Ok, id="))
		return FILTER_PASSED;
	/* the ID is Amavis's "PID-NN" (digits, '-'); ", BOUNCE" follows it */
	struct span rest = span_skip(reason, 17);
	size_t i = 0;
	while (i < rest.n && i < 64 && ((rest.p[i] >= '0' && rest.p[i] <= '9') || rest.p[i] == '-' ||
					(rest.p[i] >= 'A' && rest.p[i] <= 'Z') || (rest.p[i] >= 'a' && rest.p[i] <= 'z')))
		i++;
	return i && span_starts(span_skip(rest, i), ", BOUNCE") ? FILTER_BOUNCED : FILTER_PASSED;
}
