/*
 * dovecot_meaning.c - what Dovecot did with a message Postfix handed it
 * (parse/dovecot.c marks the line: ev->action the outcome, ev->to the
 * user, ev->message_id, ev->relay the mailbox or address, ev->reason the
 * error), for explain on a pasted excerpt: "Postfix says sent, but the
 * user never sees it" is answered by the folder, the discard or the
 * forward of the user's own Sieve rule, the full quota, the script that
 * failed.  Log text goes through buf_term, bounded by the line's caps.
 */
#include "dovecot_meaning.h"

#include "../util/i18n.h"

#include <string.h>

/* quota - the error says the user's quota or mailbox is full */
static bool quota(struct span s)
{
	return span_find(s, "uota exceeded").p || span_find(s, "over quota").p || span_find(s, "ailbox is full").p ||
	       span_find(s, "mailbox full").p || span_find(s, "Not enough disk quota").p;
}

/* term - a printable, NUL-ended copy of s */
static void term(struct buf *t, struct span s)
{
	buf_term(t, s);
	buf_putc(t, 0);
}

bool dovecot_meaning(struct buf *b, const struct event *ev)
{
	struct span a = ev->action;
	struct span d = ev->line->daemon;
	if (!a.n || !(span_eqs(d, "dovecot") || span_starts(d, "lmtp(") || span_starts(d, "lda(") ||
		      span_starts(d, "deliver(") || span_starts(d, "dovecot-lda(")))
		return false;
	struct buf msg = {0}, user = {0}, what = {0}, why = {0};
	if (ev->message_id.n) {
		struct buf id = {0};
		term(&id, ev->message_id);
		/* TRANSLATORS: %s is the message's Message-ID, "...@example.com" */
		buf_printf(&msg, _("message <%s>"), id.p);
		buf_free(&id);
	} else {
		buf_puts(&msg, _("a message"));
	}
	buf_putc(&msg, 0);
	if (ev->to.n)
		term(&user, ev->to);
	else
		buf_puts(&user, _("its recipient")), buf_putc(&user, 0);
	term(&what, ev->relay);
	term(&why, ev->reason);
	bool told = true;
	if (span_eqs(a, "saved") && span_ieq(ev->relay, span_of("INBOX")))
		/* TRANSLATORS: "message <ID>" or "a message", the user, the mailbox ("INBOX") */
		buf_printf(b, _("Dovecot delivered %s for %s into mailbox %s: it is there"), msg.p, user.p, what.p);
	else if (span_eqs(a, "saved"))
		/* TRANSLATORS: "message <ID>" or "a message", the user, the folder ("Junk") */
		buf_printf(b, _("Dovecot delivered %s for %s into the folder %s, not INBOX: the user's own Sieve rule "
				"(or the delivery's -m) put it there; tell the user to look there"),
			   msg.p, user.p, what.p);
	else if (span_eqs(a, "store_failed") && quota(ev->reason))
		/* TRANSLATORS: "message <ID>" or "a message", the user, the mailbox */
		buf_printf(b, _("Dovecot could not store %s for %s into %s: the user's mailbox is full (quota); the "
				"recipient must make room, the sender did nothing wrong"),
			   msg.p, user.p, what.p);
	else if (span_eqs(a, "store_failed"))
		/* TRANSLATORS: "message <ID>" or "a message", the user, the mailbox, Dovecot's error */
		buf_printf(b, _("Dovecot could not store %s for %s into %s: %s; its other lines at this time say why"),
			   msg.p, user.p, what.p, why.p);
	else if (span_eqs(a, "discarded"))
		/* TRANSLATORS: "message <ID>" or "a message", the user */
		buf_printf(b, _("the user's own Sieve rule discarded %s for %s: it is in no mailbox, though Postfix's "
				"line says sent"),
			   msg.p, user.p);
	else if (span_eqs(a, "forwarded"))
		/* TRANSLATORS: "message <ID>" or "a message", the user, the address it went to */
		buf_printf(b, _("the user's own Sieve rule forwarded %s for %s to %s"), msg.p, user.p, what.p);
	else if (span_eqs(a, "rejected"))
		/* TRANSLATORS: "message <ID>" or "a message", the user, Sieve's words */
		buf_printf(b, _("the user's own Sieve rule refused %s for %s: %s"), msg.p, user.p, why.p);
	else if (span_eqs(a, "vacation"))
		/* TRANSLATORS: the user, the address the reply went to */
		buf_printf(b, _("Sieve sent %s's vacation reply to %s"), user.p, what.p);
	else if (span_eqs(a, "script_aborted"))
		/* TRANSLATORS: the Sieve script's name or path, the user */
		buf_printf(b, _("the Sieve script %s failed for %s: the message is not delivered now (it waits in "
				"Postfix's queue), unless Dovecot could not store it just before: then that is the cause"),
			   what.p, user.p);
	else if (span_eqs(a, "script_failed"))
		/* TRANSLATORS: the Sieve script's name or path, the user */
		buf_printf(b, _("the Sieve script %s failed for %s: the message was kept in INBOX without the user's "
				"rules"),
			   what.p, user.p);
	else if (span_eqs(a, "sieve_binary"))
		buf_puts(b, _("Sieve could not save its compiled script: harmless to delivery, the message is stored "
			      "anyway (precompile the script with sievec, or let the mail user write its directory)"));
	else
		told = false;
	buf_free(&msg), buf_free(&user), buf_free(&what), buf_free(&why);
	return told;
}
