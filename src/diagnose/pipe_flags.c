/*
 * pipe_flags.c - pipe(8)'s own words of a delivery it did not try.
 * pipe.c's deliver_message() defers with dsb_simple(why, "4.3.5", "mail
 * system configuration error") before running the command when the
 * service's flags hold D (Delivered-To:) or O (X-Original-To:) and the
 * request has more than one recipient (it warns "pipe flag `D' requires
 * %s_destination_recipient_limit = 1"), or when the command's argv
 * cannot be expanded.  The reason is exactly those words: a command's
 * own output comes after "Command output: " and never starts the
 * reason, and local(8)'s same words carry 5.3.5 (a home or :include:
 * path), never from the pipe daemon.
 */
#include "pipe_flags.h"
#include "diag_internal.h"
#include "rules.h"

#include <string.h>

bool pipe_needs_one_recipient(const struct event *ev, struct span t)
{
	if (!span_eqs(ev->line->daemon, "pipe"))
		return false;
	struct span r = span_trim(t);
	return span_eqs(r, "mail system configuration error");
}

bool pipe_flag_warning(struct span text, struct diag_hit *hit)
{
	static const char tail[] = "_destination_recipient_limit = 1";
	struct span r = span_trim(text);
	if (!span_eat(&r, "pipe flag `") || r.n < 2 || (r.p[0] != 'D' && r.p[0] != 'O'))
		return false;
	r = span_skip(r, 1);
	if (!span_eat(&r, "' requires ") || !span_ends(r, tail) || r.n <= strlen(tail))
		return false;
	struct span name = span_head(r, r.n - strlen(tail));
	if (span_chr(name, ' ') >= 0)
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = F_PIPE_ONE_RCPT;
	diag_copy_key(hit->key, name);
	return true;
}
