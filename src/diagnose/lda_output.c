/*
 * lda_output.c - Dovecot's delivery agent as Postfix relays its words.
 * local(8)'s mailbox_command and pipe(8) end a failed command's reason
 * with "Command output: " and what the command printed (global/
 * sys_exits.c's text before it: "temporary failure." for EX_TEMPFAIL,
 * "permission denied." for EX_NOPERM, never the command's own words).
 * Dovecot's LDA prints "lda(USER): Error: ..." (2.2 and later, with
 * "<PID><SESSION>" after it in 2.3), "deliver(USER): ..." (1.x, 2.0) or
 * "dovecot-lda(...)"; a "Permission denied" or "Operation not permitted"
 * in those words is the LDA refused by the system as the user Postfix
 * runs it as.
 */
#include "lda_output.h"
#include "needles.h"

#include <string.h>

/* the LDA's name as its messages begin ("lda(" also in "dovecot-lda(") */
static const char *const lda_names[] = {"lda(", "deliver("};

/* lda_at - where the LDA's name begins a word of OUT, or -1: not inside
 * another word ("redeliver(", "tlda(") */
static ptrdiff_t lda_at(struct span out)
{
	for (size_t i = 0; i < sizeof lda_names / sizeof lda_names[0]; i++) {
		struct span s = out;
		ptrdiff_t at;
		while ((at = ci_find(s, lda_names[i])) >= 0) {
			size_t pos = (size_t)(s.p - out.p) + (size_t)at;
			char b = pos ? out.p[pos - 1] : ' ';
			if (b == ' ' || b == '-' || b == '/')
				return (ptrdiff_t)pos;
			s = span_skip(s, (size_t)at + 1);
		}
	}
	return -1;
}

bool lda_refused_access(struct span t)
{
	static const char mark[] = "Command output: ";
	struct span out = span_find(t, mark);
	if (!out.p)
		return false;
	out = span_skip(out, strlen(mark));
	ptrdiff_t at = lda_at(out);
	if (at < 0)
		return false;
	out = span_skip(out, (size_t)at);
	return ci_find(out, "Permission denied") >= 0 || ci_find(out, "Operation not permitted") >= 0;
}
