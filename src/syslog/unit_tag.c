/*
 * unit_tag.c - a line whose tag is a systemd unit, as "journalctl -o
 * with-unit" writes it ("postfix@-.service[2211]: connect from ...",
 * "dovecot.service[15057]: imap-login: ..."): the program's name is
 * gone, the unit stands in its place.  Another program's unit gives its
 * name without ".service" and the instance after '@'.  Postfix's unit
 * ("postfix.service", "postfix@-.service" for the default instance,
 * "postfix@NAME.service" for postmulti's) makes the line Postfix's, and
 * its daemon is told by the message's own shape as for a line without a
 * tag (bare.c's table: one program writes that shape); a shape more than
 * one daemon writes is kept as the unnamed "postfix" program's line.
 * The pid stays: sessions and processes are keyed by it.
 * Untrusted input: every byte read is inside the tag's span.
 */
#include "prefix.h"
#include "prefix_internal.h"

/* syslog_unit_tag - take_severity's work on a line whose tag (out->daemon,
 * no '/') ends in ".service"; false when it is no unit's name */
bool syslog_unit_tag(struct logline *out)
{
	struct span unit = out->daemon;
	if (unit.n <= 8 || !span_ends(unit, ".service"))
		return false;
	unit.n -= 8;
	struct span name = unit, inst = SPAN_NULL;
	ptrdiff_t at = span_chr(unit, '@');
	if (at == 0)
		return false;
	if (at > 0) {
		name = span_head(unit, (size_t)at);
		inst = span_skip(unit, (size_t)at + 1);
	}
	if (!span_eqs(name, "postfix")) {
		out->prog = out->daemon = name;
		return true;
	}
	/* "postfix@-": the default instance, whose syslog_name is "postfix" */
	out->instance = !inst.n || span_eqs(inst, "-") ? name : inst;
	out->service = SPAN_NULL;
	out->prog = out->daemon = name;
	out->postfix = true;
	syslog_take_severity(out);
	const char *d = NULL;
	if (out->severity.n && span_eqs(out->severity, "warning"))
		d = syslog_bare_warning_daemon(out->text);
	if (!d)
		d = syslog_bare_daemon(out->text);
	if (!d)
		d = syslog_bare_dialogue_daemon(out->text);
	if (d) {
		out->prog = out->daemon = span_of(d);
		out->inferred = true;
	}
	return true;
}
