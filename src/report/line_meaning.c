/*
 * line_meaning.c - one log line in plain words, for "postsleuth explain"
 * on a pasted excerpt (explain_lines.c): what the program that wrote it
 * is for, and what the line says (a refusal, a delivery and where the
 * mail went, a policy service's decision...).  Every log string passes
 * buf_term: the words are the reader's, the log's data its arguments.
 */
#include "explain.h"
#include "explain_lines.h"
#include "line_meaning.h"
#include "check_meaning.h"
#include "dovecot_meaning.h"
#include "../syslog/bounce_mailq.h"
#include "findings.h"
#include "report.h"
#include "trace_text.h"
#include "../parse/dnsbl.h"
#include "../diagnose/own_backend.h"
#include "../diagnose/rules.h"
#include "../diagnose/rules.h"
#include "../feed/feed.h"
#include "../feed/order.h"
#include "../input/lines.h"
#include "../input/source.h"
#include "../parse/redact.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* what each Postfix program is for */
static const struct {
	const char *daemon, *role;
} roles[] = {
    {"smtpd", N_("receives mail over SMTP")},
    {"postscreen", N_("screens SMTP clients on port 25 before smtpd")},
    {"dnsblog", N_("postscreen's DNS blocklist lookups")},
    {"tlsproxy", N_("TLS for postscreen and the SMTP client")},
    {"smtp", N_("delivers mail to other servers")},
    {"lmtp", N_("delivers mail to the mailbox server over LMTP")},
    {"local", N_("delivers to local mailboxes, aliases and .forward")},
    {"virtual", N_("delivers to virtual mailboxes")},
    {"pipe", N_("hands mail to an external program")},
    {"error", N_("defers or bounces mail without trying to deliver it")},
    {"discard", N_("throws mail away on purpose")},
    {"qmgr", N_("the queue manager")},
    {"cleanup", N_("checks and writes new messages into the queue")},
    {"pickup", N_("takes locally submitted mail into the queue")},
    {"bounce", N_("writes delivery status notifications")},
    {"defer", N_("writes delivery status notifications")},
    {"trace", N_("writes delivery status notifications")},
    {"master", N_("starts and watches the Postfix daemons")},
    {"proxymap", N_("reads lookup tables for other daemons")},
    {"trivial-rewrite", N_("resolves addresses and transports")},
    {"anvil", N_("counts connections and rates per client")},
    {"scache", N_("caches connections to other servers")},
    {"verify", N_("address verification")},
    {"tlsmgr", N_("TLS session cache and random numbers")},
    {"postfix-script", N_("the postfix command (start, stop, check)")},
    {"postsuper", N_("queue maintenance")},
    {"postqueue", N_("the queue listing and flush command")},
    {"postdrop", N_("local submission (sendmail)")},
    {"sendmail", N_("local submission")},
    {"postmap", N_("builds lookup tables")},
};

/* line_own_kind - the smtp or lmtp client's line is about this host's own
 * backend (a content filter on loopback, the mail store over LMTP or a
 * socket: diagnose/own_backend.c), or OWN_NONE */
enum own_kind line_own_kind(const struct logline *l, const struct event *ev)
{
	if (!span_eqs(l->daemon, "smtp") && !span_eqs(l->daemon, "lmtp"))
		return OWN_NONE;
	char key[DIAG_KEY_MAX];
	return own_backend(ev, ev->reason.n ? ev->reason : l->text, key);
}

/* line_role - what the program is for, in the reader's language, or NULL; the
 * SMTP or LMTP client talking to this host's own backend does not
 * deliver "to other servers" */
const char *line_role(const struct logline *l, enum own_kind own)
{
	if (own == OWN_FILTER)
		return _("passes mail to this host's own content filter");
	if (own == OWN_MAILBOX && !span_eqs(l->daemon, "lmtp")) /* lmtp's own words say it */
		return _("delivers mail to this host's own mail store");
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (span_eqs(l->daemon, roles[i].daemon))
			return _(roles[i].role);
	return NULL;
}

/* verb - the SMTP command word at the start of what a client sent (only
 * the word: the rest may be login data) */
static void verb(struct buf *b, struct span cmd)
{
	static const char *const verbs[] = {"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT",
					    "DATA", "BDAT", "RSET", "NOOP", "VRFY", "QUIT", "ETRN",
					    NULL};
	for (int i = 0; verbs[i]; i++) {
		size_t k = strlen(verbs[i]);
		if (cmd.n >= k && !strncasecmp(cmd.p, verbs[i], k) &&
		    (cmd.n == k || cmd.p[k] == ' ' || cmd.p[k] == ':' || cmd.p[k] == '?')) {
			/* TRANSLATORS: %s is an SMTP command word (EHLO, AUTH...) */
			buf_printf(b, _(": the %s command"), verbs[i]);
			return;
		}
	}
}

/* kernel_oom - the kernel's out-of-memory killer's line (host_resources.c
 * reads it): the process it killed, or the one whose request set it off */
static bool kernel_oom(struct buf *b, const struct event *ev)
{
	struct diag_hit hit;
	if (!diag_oom_hit(ev, &hit))
		return false;
	if (strncmp(hit.key, "Killed process ", 15)) {
		buf_puts(b, _("the kernel's out-of-memory killer ran: this host has no memory left (the process "
			      "named asked for memory; it is not always the one killed)"));
		return true;
	}
	struct buf t = {0};
	buf_term(&t, span_make(hit.key + 15, strlen(hit.key + 15)));
	buf_putc(&t, 0);
	/* TRANSLATORS: %s is the name of the process the kernel killed */
	buf_printf(b, _("the kernel's out-of-memory killer killed %s to free memory: this host ran out of it"), t.p);
	buf_free(&t);
	return true;
}

/* other_policy - a policy service's own decision (parse/policy.c) in
 * words: postgrey's greylisting or pass, policyd-spf's result or
 * refusal, policyd-weight's score or decision; false for any other line
 * of another program */
static bool other_policy(struct buf *b, const struct event *ev)
{
	if (!ev->action.n || !ev->client_ip.n)
		return false;
	struct buf ip = {0}, why = {0};
	buf_term(&ip, ev->client_ip);
	buf_putc(&ip, 0);
	buf_term(&why, ev->reason);
	buf_putc(&why, 0);
	bool told = true;
	bool weight = span_eqs(ev->line->daemon, "policyd-weight");
	if (weight && (span_eqs(ev->action, "reject") || span_eqs(ev->action, "defer")))
		/* TRANSLATORS: the client's address, the policy service's reply text */
		buf_printf(b, _("the policy service policyd-weight refused the client %s: %s"), ip.p, why.p);
	else if (span_eqs(ev->action, "score"))
		/* TRANSLATORS: the client's address, policyd-weight's score ("rate: 13") */
		buf_printf(b, _("the policy service policyd-weight scored the client %s (%s): the higher, the more it looks like spam"), ip.p, why.p);
	else if (span_eqs(ev->action, "greylist"))
		/* TRANSLATORS: postgrey's decision: the client's address, postgrey's reason ("new", "early-retry (173s missing)") */
		buf_printf(b, _("greylisted the client %s (%s): a real server retries later"), ip.p, why.p);
	else if (span_eqs(ev->action, "pass"))
		/* TRANSLATORS: postgrey's decision: the client's address, postgrey's reason ("triplet found", "client whitelist") */
		buf_printf(b, _("let the client %s through (%s)"), ip.p, why.p);
	else if (span_eqs(ev->action, "prepend"))
		/* TRANSLATORS: the SPF policy service's result ("Pass", "Fail", "Softfail", "None"), the client's address */
		buf_printf(b, _("SPF result %s for the client %s"), why.p, ip.p);
	else if (span_eqs(ev->action, "reject") || span_eqs(ev->action, "defer"))
		/* TRANSLATORS: the client's address, the SPF policy service's reply text */
		buf_printf(b, _("refused the client %s on SPF: %s"), ip.p, why.p);
	else
		told = false;
	buf_free(&ip);
	buf_free(&why);
	return told;
}

/* auth_meaning - OpenDKIM's key lookup that failed and policyd-spf's
 * deferral for a failed lookup, in words; false for any other line */
static bool auth_meaning(struct buf *b, const struct event *ev)
{
	struct span t = ev->line->text;
	if (span_eqs(ev->line->daemon, "opendkim") && span_find(t, "key retrieval failed (s=").p) {
		buf_puts(b, _("OpenDKIM could not fetch the sender's DKIM public key from DNS (\"query timed "
			      "out\": this host's resolver or the domain's name servers; \"record not found\": "
			      "the sender's own record is missing)"));
		return true;
	}
	if (span_eqs(ev->action, "defer") && span_find(t, "SPF Temporary Error").p) {
		buf_puts(b, _("the SPF policy service deferred the mail: its DNS lookup failed (Temperror); "
			      "a real server retries"));
		return true;
	}
	return false;
}

/* span_has - s holds word, ASCII case ignored */
static bool span_has(struct span s, const char *word)
{
	size_t k = strlen(word);
	for (size_t i = 0; i + k <= s.n; i++)
		if (!strncasecmp(s.p + i, word, k))
			return true;
	return false;
}

/* took - a time in seconds, in the reader's words */
static void took(struct buf *b, double secs)
{
	if (secs < 120)
		/* TRANSLATORS: a duration */
		buf_printf(b, _("%.0f seconds"), secs);
	else if (secs < 7200)
		buf_printf(b, _("%.0f minutes"), secs / 60);
	else if (secs < 2 * 86400)
		buf_printf(b, _("%.1f hours"), secs / 3600);
	else
		buf_printf(b, _("%.1f days"), secs / 86400);
}

/* check_action - what a header_checks, body_checks (cleanup_message.c's
 * cleanup_act_log, smtp_header_checks: smtp_proto.c) or milter action
 * does to the message, by the action word as logged */
static void check_action(struct buf *b, struct span act)
{
	static const struct {
		const char *word, *says;
	} acts[] = {
	    {"warning", N_("; a WARN rule only logged this line: the message went on")},
	    {"info", N_("; an INFO rule only logged this line: the message went on")},
	    {"replace", N_("; a REPLACE rule rewrote this header")},
	    {"prepend", N_("; a PREPEND rule added a header before this one")},
	    {"strip", N_("; a STRIP rule removed this header")},
	    {"redirect", N_("; a REDIRECT rule sent the message to another address instead of its recipients")},
	    {"bcc", N_("; a BCC rule sent a copy of the message to another address")},
	    {"filter", N_("; a FILTER rule routed the message to another transport (a content filter)")},
	    {"hold", N_("; the message is on hold: it waits until released (postsuper -H)")},
	    {"milter-hold", N_("; the message is on hold: it waits until released (postsuper -H)")},
	    {"discard", N_("; the message was accepted and thrown away: neither its sender nor its recipients are told")},
	    {"milter-discard", N_("; the message was accepted and thrown away: neither its sender nor its recipients are told")},
	    {"reject", N_("; the message was refused: the client that sent it is told, with the rule's text")},
	    {"milter-reject", N_("; the message was refused: the client that sent it is told, with the milter's text")},
	};
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++)
		if (span_eqs(act, acts[i].word)) {
			buf_puts(b, _(acts[i].says));
			return;
		}
}

/* map_warning - what cleanup's (and the SMTP client's) warning about an
 * address map of this server says: cleanup_map1n.c's "unreasonable TITLE
 * map nesting|expansion size for ADDR", "unreasonable TITLE result ...",
 * cleanup_map11.c's and smtp_map11.c's "multi-valued TITLE entry|result
 * for ADDR" (Postfix's words only; the address is not copied) */
static void map_warning(struct buf *b, struct span t)
{
	bool unreasonable = span_find(t, ": unreasonable ").p || span_starts(t, "unreasonable ");
	if (unreasonable && span_find(t, "_maps map nesting for ").p)
		buf_puts(b, _(": an address map of this server rewrites this address again and again (a loop "
			      "of aliases, or deeper than virtual_alias_recursion_limit); with \"message not "
			      "accepted\" or \"deferring delivery\" the message is refused for now (451 4.6.0 "
			      "Alias expansion error)"));
	else if (unreasonable && span_find(t, "_maps map expansion size for ").p)
		buf_puts(b, _(": an alias of this server expands into more addresses than "
			      "virtual_alias_expansion_limit; with \"message not accepted\" or \"deferring "
			      "delivery\" the message is refused for now (451 4.6.0 Alias expansion error)"));
	else if (unreasonable && span_find(t, "_maps result ").p && span_find(t, "... --").p)
		buf_puts(b, _(": an alias of this server expands into an address longer than "
			      "virtual_alias_address_length_limit: the message is refused for now"));
	else if ((span_find(t, ": multi-valued ").p || span_starts(t, "multi-valued ")) &&
		 (span_find(t, "_maps entry for ").p || span_find(t, "_maps result for ").p))
		buf_puts(b, _(": a one-to-one map of this server (canonical or generic) gives several "
			      "addresses for this one: only the first gets the mail"));
}

/* delivery_where - where a delivery line says the mail went, and what
 * it cannot show: the hand-over to this host's content filter and the
 * queue ID it comes back under, or its discard; a command (pipe, local
 * "delivered to command"), whose exit status is all Postfix sees; a
 * forward under a new queue ID; the next server's acceptance, after
 * which the log says nothing (the inbox, a spam folder, a quarantine);
 * and where a slow delivery lost its time (delays=a/b/c/d) */
static void delivery_where(struct buf *b, const struct event *ev, enum own_kind own)
{
	const struct logline *l = ev->line;
	struct span why = ev->reason;
	struct buf q = {0};
	if (ev->new_queue_id.n) {
		buf_term(&q, ev->new_queue_id);
		buf_putc(&q, 0);
	}
	if (span_eqs(ev->status, "sent")) {
		if (own == OWN_FILTER && span_has(why, "discard"))
			buf_puts(b, _("; the filter discarded it (spam or a virus, on purpose): it goes no further"));
		else if (own == OWN_FILTER && q.n)
			/* TRANSLATORS: %s is the queue ID the message comes back under */
			buf_printf(b, _("; the filter gave it back as a new message, %s: the delivery goes on under that queue ID"), q.p);
		else if (span_starts(why, "delivered to command") || span_starts(why, "delivered via ")) {
			buf_puts(b, _("; it was handed to a command, which ended without error: that is all Postfix knows; what the command did with it is in the command's own log"));
			struct span svc = span_find(why, " service (");
			if (svc.p && why.n && why.p[why.n - 1] == ')') {
				svc = span_skip(svc, strlen(" service ("));
				svc.n = svc.n ? svc.n - 1 : 0;
				if (svc.n) {
					buf_puts(b, _("; it printed: "));
					buf_term(b, span_cut(svc, 200));
				}
			}
		} else if (span_starts(why, "forwarded as ") && q.n)
			/* TRANSLATORS: %s is the new message's queue ID */
			buf_printf(b, _("; it was forwarded (an alias or a .forward file) as a new message, %s, which goes on to the new address"), q.p);
		else if (own == OWN_NONE && span_eqs(l->daemon, "smtp") && ev->relay_name.n &&
			 !span_eqs(ev->relay_name, "none"))
			buf_puts(b, _("; the receiving server accepted it: what it does next (the inbox, a spam folder, a quarantine) is not in this log"));
	}
	if (span_find(why, "message may be sent more than once").p)
		buf_puts(b, _("; the server may have taken the message before the connection broke: the recipient can get it twice when Postfix tries again"));
	double t[4] = {0, 0, 0, 0};
	double all = 0;
	char d[64];
	if (ev->delays.n && ev->delays.n < sizeof d) {
		memcpy(d, ev->delays.p, ev->delays.n);
		d[ev->delays.n] = 0;
		if (sscanf(d, "%lf/%lf/%lf/%lf", &t[0], &t[1], &t[2], &t[3]) == 4 && t[0] >= 0 &&
		    t[1] >= 0 && t[2] >= 0 && t[3] >= 0 && t[0] < 1e9 && t[1] < 1e9 && t[2] < 1e9 &&
		    t[3] < 1e9)
			all = t[0] + t[1] + t[2] + t[3];
	}
	if (all >= 60) {
		static const char *const part[4] = {
		    N_("before the queue manager (receiving, filters, cleanup; for a retried message its time in the deferred queue)"),
		    N_("in the active queue, waiting for a delivery agent"),
		    N_("setting up the connection (DNS, connect, greeting, TLS)"),
		    N_("transmitting the message")};
		int m = 0;
		for (int i = 1; i < 4; i++)
			if (t[i] > t[m])
				m = i;
		buf_puts(b, _("; it had taken "));
		took(b, all);
		buf_puts(b, _(", most of it "));
		buf_puts(b, _(part[m]));
	}
	buf_free(&q);
}

/* line_meaning - what the line says, in words */
void line_meaning(struct buf *b, const struct event *ev, enum own_kind own)
{
	const struct logline *l = ev->line;
	switch (ev->type) {
	case EV_CONNECT:
		buf_puts(b, span_eqs(ev->client_name, "unknown")
				? _("a client opened an SMTP connection; its address has no PTR name that "
				    "resolves back to it (\"unknown\")")
				: _("a client opened an SMTP connection"));
		break;
	case EV_DISCONNECT:
		buf_puts(b, _("the connection ended; the counts are the commands it sent (name=ok/tried)"));
		break;
	case EV_LOST:
		buf_puts(b, span_eqs(ev->reason, "timeout") ? _("the client stopped talking and the server gave up")
			    : span_eqs(ev->reason, "too many errors") ? _("the client made too many errors and was cut off")
			    : span_eqs(ev->reason, "bare <LF> received")
				? _("the server cut the client off: a line it sent ended in a bare newline (LF "
				    "without CR), which smtpd_forbid_bare_newline refuses (the SMTP smuggling "
				    "defence)")
				: _("the client hung up without QUIT"));
		if (ev->stage.n) {
			struct buf t = {0};
			buf_term(&t, ev->stage);
			buf_putc(&t, 0);
			/* TRANSLATORS: %s is the SMTP command or stage (CONNECT, EHLO, AUTH...) */
			buf_printf(b, _(", after %s"), t.p);
			buf_free(&t);
			if (span_eqs(ev->stage, "CONNECT"))
				buf_puts(b, _(" (before sending any command)"));
			else if (span_eqs(ev->stage, "STARTTLS"))
				buf_puts(b, _(" (in or right after the TLS handshake)"));
		}
		break;
	case EV_REJECT:
		/* TRANSLATORS: Postfix's reason for the refusal follows, as logged */
		buf_puts(b, span_eqs(ev->action, "reject_warning") ? _("a refusal only logged (warn_if_reject): ")
			    : ev->code.n && ev->code.p[0] == '4' ? _("refused for now (a temporary error: the sender retries): ")
								   : _("refused: "));
		{
			struct span r = span_trim(ev->reason);
			while (r.n && (r.p[r.n - 1] == ';' || r.p[r.n - 1] == ' '))
				r.n--;
			buf_term(b, span_cut(r, 200));
		}
		if (ev_reject_local_fault(ev))
			buf_puts(b, _(" -- this reply is the server's own failure, not the client's"));
		break;
	case EV_SASL_FAIL:
		if (ev->sasl_username.n) {
			struct buf t = {0};
			buf_term(&t, ev->sasl_username);
			buf_putc(&t, 0);
			/* TRANSLATORS: %s is the username the client tried */
			buf_printf(b, _("a SASL login failed for %s"), t.p);
			buf_free(&t);
		} else {
			buf_puts(b, _("a SASL login failed"));
		}
		if (ev_sasl_backend_fault(ev))
			buf_puts(b, _(": the server's authentication backend did not answer (saslauthd, "
				      "Dovecot's auth), not a wrong password"));
		else if (ev->reason.n) {
			buf_puts(b, ": ");
			buf_term(b, span_cut(ev->reason, 120));
		}
		break;
	case EV_SASL_ABORT: buf_puts(b, _("the client gave up its login (\"*\")")); break;
	case EV_CLIENT:
		if (ev->sasl_username.n) {
			struct buf t = {0};
			buf_term(&t, ev->sasl_username);
			buf_putc(&t, 0);
			/* TRANSLATORS: %s is the SASL username */
			buf_printf(b, _("a message was accepted from this client and queued; it logged in as %s"), t.p);
			buf_free(&t);
		} else {
			buf_puts(b, _("a message was accepted from this client and queued"));
		}
		break;
	case EV_HOSTNAME_VERIFY:
		buf_puts(b, _("the client's PTR name does not resolve back to its address"));
		break;
	case EV_NON_SMTP: buf_puts(b, _("the client sent something that is not SMTP (HTTP, garbage)")); break;
	case EV_PIPELINING:
		buf_puts(b, span_eqs(ev->stage, "CONNECT")
				? _("the client sent commands without waiting for the replies, even before "
				    "the greeting: real mail servers wait, bots do not")
				: _("the client sent commands without waiting for the replies"));
		break;
	case EV_RATE_LIMIT: buf_puts(b, _("anvil's limit on connections or commands was reached")); break;
	case EV_TLS: {
		struct buf t[2] = {{0}};
		buf_term(&t[0], ev->tls_proto);
		buf_putc(&t[0], 0);
		buf_term(&t[1], ev->tls_cipher);
		buf_putc(&t[1], 0);
		/* TRANSLATORS: the TLS protocol and cipher, as logged */
		buf_printf(b, _("TLS was set up: %s with %s"), t[0].p, t[1].p);
		buf_free(&t[0]);
		buf_free(&t[1]);
		break;
	}
	case EV_TLS_ERROR: {
		struct span why = ev->reason.n ? ev->reason : l->text;
		buf_puts(b, _("a TLS handshake failed"));
		switch (ev_tls_error_kind(why)) {
		case TLSE_MISMATCH: buf_puts(b, _(": no protocol version or cipher in common")); break;
		case TLSE_NOT_TLS: buf_puts(b, _(": the peer did not speak TLS (HTTP to a mail port)")); break;
		case TLSE_CERT: buf_puts(b, _(": a certificate was refused")); break;
		case TLSE_SERVER: buf_puts(b, _(": this server's own TLS set-up (its key, certificate or cipher list) did not load, so it has no TLS for any client")); break;
		case TLSE_HANGUP: buf_puts(b, _(": the peer hung up mid-handshake (the handshake's -1 or 0 says no more)")); break;
		default: break;
		}
		if (ev->client_ip.n == 0 && l->pid >= 0)
			buf_puts(b, _("; the line names no client: it is the one this process serves"));
		break;
	}
	case EV_SMTP_IN:
	case EV_TLS_READ:
		buf_puts(b, ev->type == EV_SMTP_IN ? _("verbose logging: what the peer sent")
						   : _("TLS debug logging: what the peer sent"));
		verb(b, ev->command);
		break;
	case EV_SMTP_OUT: buf_puts(b, _("verbose logging: the reply")); break;
	case EV_TLS_WRITE: buf_puts(b, _("TLS debug logging: what this side sent")); break;
	case EV_MESSAGE_ID: buf_puts(b, _("the message's Message-ID header, as cleanup saw it")); break;
	case EV_CLEANUP_ACTION:
		/* TRANSLATORS: cleanup's action word follows, as logged (reject, hold, discard...) */
		buf_puts(b, _("a header, body or milter check acted on the message: "));
		buf_term(b, ev->action);
		check_action(b, ev->action);
		break;
	case EV_CLEANUP_REMOVED: buf_puts(b, _("the message was removed before it was queued")); break;
	case EV_QUEUED: buf_puts(b, _("the message is in the active queue: sender, size, number of recipients")); break;
	case EV_REMOVED: buf_puts(b, _("the message is done and left the queue")); break;
	case EV_EXPIRED: buf_puts(b, _("the message waited too long in the queue and is returned to its sender")); break;
	case EV_DELIVERY:
		if (span_eqs(ev->status, "sent") && own == OWN_FILTER)
			buf_puts(b, _("the message was passed to this host's content filter"));
		else if (span_eqs(ev->status, "sent"))
			buf_puts(b, _("a recipient was delivered"));
		else if (span_eqs(ev->status, "deliverable") || span_eqs(ev->status, "undeliverable"))
			buf_puts(b, span_eqs(ev->status, "deliverable")
					? _("an address verification probe: the recipient would be accepted; nothing was delivered")
					: _("an address verification probe: the recipient would not be accepted; nothing was sent"));
		else if (span_eqs(ev->status, "deferred"))
			buf_puts(b, _("delivery to a recipient failed for now and will be retried"));
		else if (span_eqs(ev->status, "bounced"))
			buf_puts(b, _("delivery to a recipient failed for good: the sender gets a bounce"));
		else {
			/* TRANSLATORS: the delivery status follows, as logged */
			buf_puts(b, _("a delivery attempt: status "));
			buf_term(b, ev->status);
		}
		if (ev->reason.n && !span_eqs(ev->status, "sent")) {
			buf_puts(b, " (");
			buf_term(b, span_cut(ev->reason, 200));
			buf_putc(b, ')');
		}
		delivery_where(b, ev, own);
		break;
	case EV_SMTP_CONN_FAIL:
		buf_puts(b, own == OWN_FILTER	 ? _("this server could not connect to its own content filter")
			    : own == OWN_MAILBOX ? _("this server could not connect to its own mail store")
						 : _("this server could not connect to another server"));
		break;
	case EV_SMTP_ERROR:
		buf_puts(b, own == OWN_FILTER	 ? _("this host's own content filter answered with an error")
			    : own == OWN_MAILBOX ? _("this host's own mail store answered with an error")
						 : _("another server answered this server with an error"));
		break;
	case EV_NOTIFICATION: buf_puts(b, _("a delivery status notification (bounce, delay warning) was made")); break;
	case EV_PICKUP: buf_puts(b, _("a locally submitted message was picked up")); break;
	case EV_POSTSUPER: buf_puts(b, _("the admin changed the queue (postsuper)")); break;
	case EV_PS_CONNECT: buf_puts(b, _("a client connected; postscreen checks it before smtpd sees it")); break;
	case EV_PS_PASS:
		buf_puts(b, span_eqs(ev->action, "OLD") ? _("the client passed postscreen's tests before (cached) and goes on to smtpd")
			    : _("the client passed postscreen's tests and goes on to smtpd"));
		break;
	case EV_PS_PREGREET:
		buf_printf(b, P_("the client sent %lld byte before the server's greeting",
				 "the client sent %lld bytes before the server's greeting", (unsigned long long)ev->count),
			   (long long)ev->count);
		verb(b, ev->command); /* only the word: the rest may be login data */
		buf_puts(b, _(": real mail servers wait for the greeting, spam bots do not"));
		if (span_find(ev->command, "??").p || span_find(ev->command, "\\r\\n").p)
			buf_puts(b, _("; \"??\" or \"\\r\\n\" is the line end postscreen cannot print"));
		break;
	case EV_PS_HANGUP: buf_puts(b, _("the client hung up during postscreen's tests")); break;
	case EV_PS_DNSBL:
		if (ev->listed.n) {
			const char *m = dnsbl_meaning(ev->listed, ev->reason);
			struct buf t[2] = {{0}};
			buf_term(&t[0], ev->listed);
			buf_putc(&t[0], 0);
			buf_term(&t[1], ev->reason);
			buf_putc(&t[1], 0);
			/* TRANSLATORS: "a DNS blocklist answered for the client:
			 * zen.spamhaus.org says 127.0.0.4": the list and its answer */
			buf_printf(b, _("a DNS blocklist answered for the client: %s says %s"), t[0].p, t[1].p);
			buf_free(&t[0]);
			buf_free(&t[1]);
			if (m)
				buf_printf(b, ", %s", _(m));
		} else {
			buf_printf(b, _("the client's DNSBL score is %lld (the sum of the weights of the "
					"lists that answered; postscreen_dnsbl_threshold decides)"),
				   (long long)ev->count);
		}
		break;
	case EV_PS_VIOLATION: buf_puts(b, _("the client broke the SMTP protocol during postscreen's tests")); break;
	case EV_PS_LISTED: buf_puts(b, _("the client is on postscreen's access list")); break;
	case EV_PS_DISCONNECT: buf_puts(b, _("postscreen's connection ended")); break;
	case EV_ANVIL:
		/* a peak anvil records, not a limit reached: that is smtpd's own
		 * "warning: ... limit exceeded" line */
		buf_puts(b, _("anvil's statistics: the most connections or commands of one client, a peak "
			      "recorded, nothing refused (a limit that refuses logs smtpd's own \"... limit "
			      "exceeded\" warning); the peak is what a limit must stay above"));
		break;
	case EV_MASTER:
	case EV_INFO:
		/* the parser's "compat": Postfix keeps an older default because
		 * compatibility_level is below its release's (an upgrade) */
		if (span_eqs(ev->action, "compat"))
			buf_puts(b, _("a compatibility notice after an upgrade: compatibility_level is below this "
				      "release's, so Postfix keeps an older default; not a fault. Write the old "
				      "setting into main.cf or master.cf where it is wanted, then raise "
				      "compatibility_level (postconf compatibility_level=...; postfix reload)"));
		else
			buf_puts(b, ev->type == EV_MASTER ? _("master, about the daemons it runs") : _("an informational line"));
		break;
	case EV_NOISE: buf_puts(b, _("verbose or debug detail, no story of its own")); break;
	case EV_OTHER:
		if (!auth_meaning(b, ev) && !other_policy(b, ev) && !check_meaning(b, ev) &&
		    !dovecot_meaning(b, ev) && !kernel_oom(b, ev)) /* check_meaning.c */
			buf_puts(b, _("a line of another program"));
		break;
	default:
		if (span_eqs(l->severity, "error")) {
			buf_puts(b, _("an error logged by Postfix"));
		} else if (span_eqs(l->severity, "warning")) {
			buf_puts(b, _("a warning logged by Postfix"));
			map_warning(b, l->text);
		} else if (span_eqs(l->severity, "fatal")) {
			buf_puts(b, _("a fatal logged by Postfix"));
		} else if (span_eqs(l->severity, "panic")) {
			buf_puts(b, _("a panic logged by Postfix"));
		} else if (l->severity.n) {
			struct buf t = {0};
			buf_term(&t, l->severity);
			buf_putc(&t, 0);
			/* TRANSLATORS: %s is Postfix's severity word, as logged */
			buf_printf(b, _("a %s logged by Postfix"), t.p);
			buf_free(&t);
		} else {
			buf_puts(b, _("a Postfix line of no kind postsleuth knows"));
		}
		break;
	}
}

