/*
 * unit_tag.c - a line whose tag is a systemd unit, as "journalctl -o
 * with-unit" writes it ("postfix@-.service[2211]: connect from ...",
 * "dovecot.service[15057]: imap-login: ..."): the program's name is
 * gone, the unit stands in its place.  Another program's unit gives its
 * name without ".service" and the instance after '@'.  Postfix's unit
 * ("postfix.service", "postfix@-.service" for the default instance,
 * "postfix@NAME.service" for postmulti's) makes the line Postfix's, and
 * its daemon is told by the message's own shape as for a line without a
 * tag (bare.c's table: one program writes that shape), and by the shapes
 * read only here: the SMTP client's "QID: host H[A] said:" and its kin
 * (smtp's, lmtp's with a socket in the brackets), debug_peer's dialogue
 * (smtpd's without a port, smtp's with one); a shape more than one
 * daemon writes otherwise is kept as the unnamed "postfix" program's line.
 * The pid stays: sessions and processes are keyed by it.
 * Untrusted input: every byte read is inside the tag's span.
 */
#include "prefix.h"
#include "prefix_internal.h"

/* dialogue_daemon - debug_peer's dialogue: smtpd/smtpd_chat.c "< %s: %s"
 * and "> %s: %s" with the client's namaddr (name[address]), and
 * smtp/smtp_chat.c the same with the server's namaddrport
 * (name[address]:port; a UNIX socket in the brackets is LMTP's) */
static const char *dialogue_daemon(struct span cur)
{
	if (cur.n < 3 || (cur.p[0] != '<' && cur.p[0] != '>') || cur.p[1] != ' ')
		return NULL;
	cur = span_skip(cur, 2);
	bool port;
	size_t n = syslog_bare_client_at(cur, &port);
	if (!n || n + 1 >= cur.n || cur.p[n] != ':' || cur.p[n + 1] != ' ')
		return NULL;
	ptrdiff_t lb = span_chr(cur, '[');
	if (lb >= 0 && span_chr(span_make(cur.p + lb, n - (size_t)lb), '/') >= 0)
		return "lmtp";
	return port ? "smtp" : "smtpd";
}

/* qid_reason_daemon - "QID: REASON" with REASON the SMTP client's own
 * words naming its server (smtp/smtp_trouble.c:254, :429 msg_info("%s:
 * %s") when a soft error sends the recipients on to the next server):
 * "host H[A] said: ", "host H[A] refused to talk to me: ", "lost
 * connection with H[A] while ", "conversation with H[A] timed out
 * while ".  smtp(8) and lmtp(8) are one program: a UNIX socket in the
 * brackets (H[private/dovecot-lmtp]) is LMTP's, an address smtp's (the
 * usual writer; LMTP over TCP is read as smtp, whose reasons are the
 * same words) */
static const char *qid_reason_daemon(struct span cur)
{
	bool noqueue;
	if (!syslog_bare_take_qid(&cur, false, &noqueue) || noqueue)
		return NULL;
	static const char *const lead[] = {"host ", "lost connection with ", "conversation with "};
	size_t i = 0;
	while (i < sizeof lead / sizeof *lead && !span_eat(&cur, lead[i]))
		i++;
	if (i == sizeof lead / sizeof *lead)
		return NULL;
	bool port;
	size_t n = syslog_bare_client_at(cur, &port);
	if (!n || n >= cur.n)
		return NULL;
	struct span rest = span_skip(cur, n);
	bool ok = i == 0 ? span_starts(rest, " said: ") || span_starts(rest, " refused to talk to me: ")
		  : i == 1 ? span_starts(rest, " while ")
			   : span_starts(rest, " timed out while ");
	if (!ok)
		return NULL;
	ptrdiff_t lb = span_chr(cur, '[');
	return lb >= 0 && span_chr(span_make(cur.p + lb, n - (size_t)lb), '/') >= 0 ? "lmtp" : "smtp";
}

/* unit_daemon - the shapes read only on a line whose prefix says it is
 * Postfix's (a journal unit's), never on a paste (bare.c): there "> "
 * is a quote's mark, and "QID: host H[A] said:" is often the
 * first piece of a reply wrapped over the lines below, which the paste
 * readers join (unwrap.c) only while the piece stays unread */
static const char *unit_daemon(struct span text)
{
	const char *d = qid_reason_daemon(text);
	return d ? d : dialogue_daemon(text);
}

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
		d = unit_daemon(out->text);
	if (d) {
		out->prog = out->daemon = span_of(d);
		out->inferred = true;
	}
	return true;
}
