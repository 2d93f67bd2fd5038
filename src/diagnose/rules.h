/*
 * rules.h - which finding a log line shows, if any: a pure function of
 * the event (and its line), driven by the rule tables in rules.c.
 */
#ifndef POSTSLEUTH_DIAG_RULES_H
#define POSTSLEUTH_DIAG_RULES_H

#include "finding.h"
#include "../parse/event.h"

#define DIAG_KEY_MAX 160

struct diag_hit {
	enum finding_id id;
	char key[DIAG_KEY_MAX];      /* what it is about: a table, socket, domain... */
	char subject[DIAG_KEY_MAX];  /* who is affected: a recipient domain, a client */
	bool recipient;              /* a delivery line: one recipient affected */
	bool port25;                 /* an outbound connection to port 25 */
};

bool diag_classify(const struct event *ev, struct diag_hit *hit);
/* the failed deliveries' memo on (the default) or off, for this thread */
void diag_rules_memo(bool on);

#endif
