/*
 * transcript.h - Postfix's postmaster notices "Transcript of session
 * follows." (notify_classes = protocol ...), as a mail file, an mbox, or
 * text pasted from one: the client from the Subject line, the time from
 * the Date line, the Out:/In: dialogue and the abort reason.
 *
 * Fed line by line with the lines that have no syslog prefix; returns
 * true when a transcript is complete.  Untrusted: every byte of it came
 * from the client or the mail; lines are copied, capped, and bounded in
 * number.
 */
#ifndef POSTSLEUTH_TRANSCRIPT_H
#define POSTSLEUTH_TRANSCRIPT_H

#include <stdbool.h>
#include <stdint.h>
#include "../util/span.h"
#include "../util/timefmt.h"

#define TRANSCRIPT_MAX_LINES 128
#define TRANSCRIPT_LINE_MAX 512

struct transcript_line {
	char dir;               /* '<' In: (client), '>' Out: (server) */
	char text[TRANSCRIPT_LINE_MAX];
};

struct transcript {
	bool active;            /* inside "Transcript of session follows." */
	char client[256];       /* NAME[IP] from "Subject: ... errors from NAME[IP]" */
	char host[128];         /* the server, from "Received: by HOST" */
	struct stamp ts;
	bool have_ts;
	char reason[128];       /* "lost connection", from "Session aborted, reason:" */
	uint32_t nlines, dropped;
	struct transcript_line line[TRANSCRIPT_MAX_LINES];
};

bool transcript_feed(struct transcript *t, struct span line);
bool transcript_end(struct transcript *t);
void transcript_reset(struct transcript *t);
bool transcript_date(struct span s, struct stamp *out);

#endif
