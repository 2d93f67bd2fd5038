/*
 * bare.c - a Postfix line with no syslog prefix and no program tag: the
 * message alone, as "journalctl -o cat", "docker logs" of a container
 * whose Postfix writes only the message, or an admin who pasted the
 * message part gives it ("connect from unknown[192.0.2.1]",
 * "4C3F81235: to=<a@example.com>, relay=..., status=sent ...").
 *
 * The program is inferred from the message's own shape, where Postfix's
 * source leaves one program that writes it: the table below, each row
 * with the place in postfix/src that writes it (docs/VARIANTS.md,
 * "Lines without a prefix").  A shape two programs write is left unread,
 * a line without prefix as before: a delivery with relay=none (smtp, error, qmgr), a milter action with a
 * queue ID (smtpd, cleanup), a bare "daemon started" (every server).
 * One exception, documented: qmqpd writes "connect from", "disconnect
 * from" and "QID: client=" in smtpd's words; QMQP is off unless
 * master.cf turns it on, and those lines are read as smtpd's.  Another:
 * "QID: removed" is qmgr's (the message left the queue) and postsuper's
 * (an admin deleted it); it is read as qmgr's, the usual one, so that a
 * pasted message's life ends where it ends.
 *
 * Each shape is matched whole (its words, a queue ID where Postfix puts
 * one, a client as name[address] where it ends the line), so prose, mail
 * headers and a transcript's "In:"/"Out:" lines stay lines without a
 * prefix.  Tried only after every other shape has failed.  The line gets
 * the last time read before it in its input, or none (FMT_NOTIME).
 * One line of another program is read so too: postgrey's decision
 * (policy_decision), which names its client, sender and recipient.
 * Untrusted input: every access is bounds-checked.
 */
#include "prefix.h"
#include "prefix_internal.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <string.h>

/* what stands before the message's own words */
enum bare_lead {
	L_NONE,      /* nothing */
	L_QID,       /* a queue ID and ": " */
	L_OPT_QID,   /* a queue ID or NOQUEUE and ": ", or nothing (older Postfix) */
};

/* what must follow the words */
enum bare_tail {
	T_ANY,         /* anything */
	T_CLIENT,      /* name[address] ending the line */
	T_CLIENT_MORE, /* name[address], then the end, a blank or a comma */
	T_FROM_CLIENT, /* anything, then " from name[address]" ending the line */
	T_PS_ADDR,     /* after the words' '[': "address]:port" (postscreen) */
	T_HAS_PS_ADDR, /* "[address]:port" somewhere after the words */
	T_FROM_COLON,  /* " from name[address]: " somewhere after the words */
	T_AT_TIME,     /* ending with " at Mmm dd hh:mm:ss" (ctime's %.15s) */
	T_NUMBER,      /* ending with a digit */
	T_CONFIG,      /* ", configuration " after the words */
	T_PORT25,      /* name[address]:25, then ": " and the error */
	T_LISTED,      /* "address listed by domain D as A" (dnsblog) */
	T_PEER_WHY,    /* name[address]:port, then ": " and the reason (a TLS peer) */
	T_END,         /* nothing */
};

/* the shapes, first match wins */
static const struct bare_shape {
	enum bare_lead lead;
	const char *words;
	enum bare_tail tail;
	const char *daemon;
} shapes[] = {
    /* smtpd/smtpd.c:6486 (qmqpd.c:783 too, see above) */
    {L_NONE, "connect from ", T_CLIENT, "smtpd"},
    /* smtpd/smtpd.c:6535, the command counts after it since 3.0 */
    {L_NONE, "disconnect from ", T_CLIENT_MORE, "smtpd"},
    /* smtpd/smtpd.c:6294-6308, REASON_* :1677; the queue ID since 3.10 */
    {L_OPT_QID, "lost connection after ", T_FROM_CLIENT, "smtpd"},
    {L_OPT_QID, "timeout after ", T_FROM_CLIENT, "smtpd"},
    {L_OPT_QID, "too many errors after ", T_FROM_CLIENT, "smtpd"},
    /* smtp/smtp_connect.c, smtp_connect_sock(): "connect to %s[%s]:%d: %m" (lmtp's too: the
     * same source; port 25 is smtp's, lmtp_tcp_port is 24) */
    {L_NONE, "connect to ", T_PORT25, "smtp"},
    /* tls/tls_verify.c:315, :326, :357 "%s certificate verification failed
     * for %s: ..." with "server": the SMTP client checking the server it
     * delivers to ("client", smtpd's, is not read: a bare "certificate
     * verification failed" has no side and stays unread) */
    {L_NONE, "server certificate verification failed for ", T_PEER_WHY, "smtp"},
    /* smtpd/smtpd.c:5829 */
    {L_NONE, "improper command pipelining after ", T_FROM_COLON, "smtpd"},
    /* smtpd/smtpd.c:2456 (qmqpd.c:284 too, see above) */
    {L_QID, "client=", T_CLIENT_MORE, "smtpd"},
    /* cleanup/cleanup_message.c:639, :645, :803 */
    {L_QID, "message-id=", T_ANY, "cleanup"},
    {L_QID, "resent-message-id=", T_ANY, "cleanup"},
    /* global/opened.c:90 from qmgr/qmgr_message.c:665; qmgr_active.c:463 */
    {L_QID, "from=<", T_ANY, "qmgr"},
    /* qmgr/qmgr_active.c:585 (postsuper/postsuper.c:625 too, see above) */
    {L_QID, "removed", T_END, "qmgr"},
    /* pickup/pickup.c:374, :379 */
    {L_QID, "uid=", T_ANY, "pickup"},
    /* bounce/bounce_notify_service.c:191, :234, bounce_warn_service.c:222,
     * bounce_trace_service.c:184 */
    {L_QID, "sender non-delivery notification: ", T_ANY, "bounce"},
    {L_QID, "postmaster non-delivery notification: ", T_ANY, "bounce"},
    {L_QID, "sender delay notification: ", T_ANY, "bounce"},
    {L_QID, "sender delivery status notification: ", T_ANY, "bounce"},
    /* postscreen/postscreen.c:854, :901, :934, :967, :993 */
    {L_NONE, "CONNECT from [", T_PS_ADDR, "postscreen"},
    {L_NONE, "PASS OLD [", T_PS_ADDR, "postscreen"},
    {L_NONE, "WHITELISTED [", T_PS_ADDR, "postscreen"},
    {L_NONE, "BLACKLISTED [", T_PS_ADDR, "postscreen"},
    {L_NONE, "ALLOWLISTED [", T_PS_ADDR, "postscreen"},
    {L_NONE, "DENYLISTED [", T_PS_ADDR, "postscreen"},
    {L_NONE, "WHITELIST VETO [", T_PS_ADDR, "postscreen"},
    {L_NONE, "ALLOWLIST VETO [", T_PS_ADDR, "postscreen"},
    /* postscreen/postscreen_misc.c:113, :139, :159 */
    {L_NONE, "PASS NEW [", T_PS_ADDR, "postscreen"},
    {L_NONE, "DISCONNECT [", T_PS_ADDR, "postscreen"},
    {L_NONE, "HANGUP after ", T_HAS_PS_ADDR, "postscreen"},
    /* postscreen/postscreen_early.c:183, :246 */
    {L_NONE, "DNSBL rank ", T_HAS_PS_ADDR, "postscreen"},
    {L_NONE, "PREGREET ", T_HAS_PS_ADDR, "postscreen"},
    /* postscreen/dnsblog.c:218, its one line of a listing */
    {L_NONE, "addr ", T_LISTED, "dnsblog"},
    /* postscreen/postscreen_smtpd.c (command and content limits), :601, :632 */
    {L_NONE, "COMMAND PIPELINING from [", T_PS_ADDR, "postscreen"},
    {L_NONE, "COMMAND TIME LIMIT from [", T_PS_ADDR, "postscreen"},
    {L_NONE, "COMMAND COUNT LIMIT from [", T_PS_ADDR, "postscreen"},
    {L_NONE, "COMMAND LENGTH LIMIT from [", T_PS_ADDR, "postscreen"},
    {L_NONE, "NON-SMTP COMMAND from [", T_PS_ADDR, "postscreen"},
    {L_NONE, "BARE NEWLINE from [", T_PS_ADDR, "postscreen"},
    {L_NONE, "DATA without valid RCPT from [", T_PS_ADDR, "postscreen"},
    {L_NONE, "BDAT without valid RCPT from [", T_PS_ADDR, "postscreen"},
    /* scache/scache.c:495, before anvil's "statistics: max ..." */
    {L_NONE, "statistics: max simultaneous domains=", T_NUMBER, "scache"},
    /* anvil/anvil.c:525, :535, :954 */
    {L_NONE, "statistics: max ", T_AT_TIME, "anvil"},
    /* master/master.c:550, :583, master_sig.c:205 */
    {L_NONE, "daemon started -- version ", T_CONFIG, "master"},
    {L_NONE, "reload -- version ", T_CONFIG, "master"},
    {L_NONE, "terminating on signal ", T_NUMBER, "master"},
    /* conf/postfix-script:147, :183, :204, :218 ($INFO; its tag is
     * postfix/postfix-script) */
    {L_NONE, "starting the Postfix mail system", T_END, "postfix-script"},
    {L_NONE, "stopping the Postfix mail system", T_END, "postfix-script"},
    {L_NONE, "refreshing the Postfix mail system", T_END, "postfix-script"},
    {L_NONE, "waiting for the Postfix mail system to terminate", T_END, "postfix-script"},
    {L_NONE, "aborting the Postfix mail system", T_END, "postfix-script"},
};

/* smtpd's places in a session (smtpd/smtpd.h:244-270), as log_whatsup
 * (smtpd_check.c:1006) names them */
static const char *const smtpd_where[] = {
    "CONNECT", "HELO", "EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "BDAT",
    "END-OF-MESSAGE", "RSET", "NOOP", "VRFY", "ETRN", "QUIT", "XCLIENT", "XFORWARD", "UNKNOWN",
};

/* smtpd_check.c's actions (:1101-1104, :2463-2600) */
static const char *const check_actions[] = {
    "reject", "reject_warning", "hangup", "info", "warn", "filter", "hold", "discard", "redirect",
};

/* in_list - s is one of the n words */
static bool in_list(struct span s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (span_eqs(s, list[i]))
			return true;
	return false;
}

/* alnum - ASCII letter or digit */
static inline bool alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* syslog_bare_take_qid - a queue ID (5 to 20 letters and digits: short
 * hex IDs and long base-52 ones) and ": " at *cur, consumed; NOQUEUE too
 * when noqueue.  *was_noqueue says which.  (unit_tag.c reads it too.) */
bool syslog_bare_take_qid(struct span *cur, bool noqueue, bool *was_noqueue)
{
	size_t i = 0;
	while (i < cur->n && i <= 20 && alnum(cur->p[i]))
		i++;
	if (i < 5 || i > 20 || i + 2 > cur->n || cur->p[i] != ':' || cur->p[i + 1] != ' ')
		return false;
	*was_noqueue = i == 7 && !memcmp(cur->p, "NOQUEUE", 7);
	if (*was_noqueue && !noqueue)
		return false;
	*cur = span_skip(*cur, i + 2);
	return true;
}

/* syslog_bare_client_at - see prefix_internal.h */
size_t syslog_bare_client_at(struct span s, bool *port)
{
	size_t i = 0;
	*port = false;
	while (i < s.n && i < 256 && (alnum(s.p[i]) || s.p[i] == '.' || s.p[i] == '-' || s.p[i] == '_'))
		i++;
	if (!i || i >= s.n || s.p[i] != '[')
		return 0;
	size_t a = ++i;
	while (i < s.n && i - a < 128 && s.p[i] != ']' && s.p[i] != ' ' && s.p[i] != '[')
		i++;
	if (i == a || i >= s.n || s.p[i] != ']')
		return 0;
	i++;
	if (i + 1 < s.n && s.p[i] == ':' && s.p[i + 1] >= '0' && s.p[i + 1] <= '9') {
		i++;
		while (i < s.n && s.p[i] >= '0' && s.p[i] <= '9')
			i++;
		*port = true;
	}
	return i;
}

static size_t client_at(struct span s)
{
	bool port;
	return syslog_bare_client_at(s, &port);
}

/* tail_ok - what follows the words fits the row */
static bool tail_ok(struct span rest, enum bare_tail tail)
{
	size_t n;
	switch (tail) {
	case T_CLIENT:
		return (n = client_at(rest)) && n == rest.n;
	case T_PORT25:
		return (n = client_at(rest)) && n >= 4 && !memcmp(rest.p + n - 3, ":25", 3) &&
		       n + 2 < rest.n && rest.p[n] == ':' && rest.p[n + 1] == ' ';
	case T_PEER_WHY:
		return (n = client_at(rest)) && n >= 4 && rest.p[n - 1] >= '0' && rest.p[n - 1] <= '9' &&
		       n + 2 < rest.n && rest.p[n] == ':' && rest.p[n + 1] == ' ';
	case T_CLIENT_MORE:
		return (n = client_at(rest)) && (n == rest.n || rest.p[n] == ' ' || rest.p[n] == ',');
	case T_FROM_CLIENT:
		for (size_t i = rest.n; i >= 6; i--)
			if (!memcmp(rest.p + i - 6, " from ", 6)) {
				struct span c = span_skip(rest, i);
				return (n = client_at(c)) && n == c.n;
			}
		return false;
	case T_PS_ADDR:
		for (n = 0; n < rest.n && n < 64 && rest.p[n] != ']' && rest.p[n] != ' '; n++)
			;
		return n && n + 2 < rest.n && rest.p[n] == ']' && rest.p[n + 1] == ':' &&
		       rest.p[n + 2] >= '0' && rest.p[n + 2] <= '9';
	case T_HAS_PS_ADDR:
		for (size_t i = 0; i + 1 < rest.n; i++)
			if (rest.p[i] == '[' && tail_ok(span_skip(rest, i + 1), T_PS_ADDR))
				return true;
		return false;
	case T_FROM_COLON:
		for (size_t i = 0; i + 6 <= rest.n; i++)
			if (!memcmp(rest.p + i, " from ", 6)) {
				struct span c = span_skip(rest, i + 6);
				if ((n = client_at(c)) && n < c.n && c.p[n] == ':')
					return true;
			}
		return false;
	case T_AT_TIME: {
		/* " at Dec  3 10:00:00" */
		if (rest.n < 19)
			return false;
		const char *t = rest.p + rest.n - 19;
		return !memcmp(t, " at ", 4) && month_from_abbr(t + 4) && t[7] == ' ' && t[10] == ' ' &&
		       t[13] == ':' && t[16] == ':';
	}
	case T_NUMBER:
		return rest.n && rest.p[rest.n - 1] >= '0' && rest.p[rest.n - 1] <= '9';
	case T_LISTED: {
		/* an address (IPv4 or IPv6 digits, dots, colons), then the
		 * list's words, a domain and " as " the answer */
		for (n = 0; n < rest.n && n < 64 && (isxdigit((unsigned char)rest.p[n]) ||
						     rest.p[n] == '.' || rest.p[n] == ':');
		     n++)
			;
		struct span after = span_skip(rest, n);
		if (n < 2 || !span_eat(&after, " listed by domain "))
			return false;
		ptrdiff_t as = span_index(after, " as ");
		return as > 0 && (size_t)as + 4 < after.n && span_chr(span_head(after, (size_t)as), ' ') < 0;
	}
	case T_CONFIG:
		for (size_t i = 0; i + 16 <= rest.n; i++)
			if (!memcmp(rest.p + i, ", configuration ", 16))
				return true;
		return false;
	case T_END:
		return !rest.n;
	default:
		return true;
	}
}

/* syslog_placeholder_client - a client an admin typed over before
 * pasting, one word of no blank or stray bracket ("<redacted>", "xxx",
 * "[hidden]"), then ": " and an SMTP reply code: the word's length, or 0
 * (parse/smtpd.c takes the same for a tagged line) */
size_t syslog_placeholder_client(struct span s)
{
	size_t i = 0;
	while (i < s.n && i < 64 && s.p[i] != ' ' && s.p[i] != ':' && s.p[i] != '\t')
		i++;
	if (!i || i + 6 > s.n || s.p[i] != ':' || s.p[i + 1] != ' ')
		return 0;
	bool square = s.p[0] == '[' && s.p[i - 1] == ']';
	if (!square && (memchr(s.p, '[', i) || memchr(s.p, ']', i)))
		return 0;
	const char *c = s.p + i + 2;
	return (c[0] == '4' || c[0] == '5') && c[1] >= '0' && c[1] <= '9' && c[2] >= '0' &&
			       c[2] <= '9' && c[3] == ' '
		   ? i
		   : 0;
}

/* check_daemon - "QID: action: WHERE from client: ..." (smtpd_check.c
 * :1006 log_whatsup, smtpd.c:1874 milters), "NOQUEUE: reject: RCPT from
 * [address]:port: ..." (postscreen_smtpd.c:577, postscreen.c:872), "QID:
 * action: header|body ..." (cleanup_message.c:272): the program, or NULL.
 * A milter's action at END-OF-MESSAGE is cleanup's (cleanup_milter.c
 * :2215, :2781; smtpd's milter replies stop at DATA and BDAT,
 * smtpd.c:1918-4204), with or without its queue ID.  A paste that cut
 * the queue ID off ("reject: RCPT from ...") is read as with it. */
static const char *check_daemon(struct span cur)
{
	bool noqueue = false, qid = false;
	size_t w = 0;
	while (w < cur.n && w < 24 && ((cur.p[w] >= 'a' && cur.p[w] <= 'z') || cur.p[w] == '-'))
		w++;
	struct span first = span_head(cur, w);
	if (w + 1 >= cur.n || cur.p[w] != ':' ||
	    (!span_starts(first, "milter-") &&
	     !in_list(first, check_actions, sizeof check_actions / sizeof *check_actions)))
		qid = syslog_bare_take_qid(&cur, true, &noqueue); /* "reject: ..." is no queue ID */
	size_t i = 0;
	while (i < cur.n && i < 24 && ((cur.p[i] >= 'a' && cur.p[i] <= 'z') || cur.p[i] == '_' ||
				       cur.p[i] == '-'))
		i++;
	if (!i || i + 2 > cur.n || cur.p[i] != ':' || cur.p[i + 1] != ' ')
		return NULL;
	struct span action = span_head(cur, i);
	cur = span_skip(cur, i + 2);
	if (qid && !noqueue && (span_starts(cur, "header ") || span_starts(cur, "body ")))
		return "cleanup";
	bool milter = span_starts(action, "milter-");
	if (!milter && !in_list(action, check_actions, sizeof check_actions / sizeof *check_actions))
		return NULL;
	bool eom = milter && span_starts(cur, "END-OF-MESSAGE from ");
	if (milter && !noqueue && !eom)
		return NULL; /* cleanup_milter.c:2255-2339 writes the same with a queue ID */
	ptrdiff_t sp = span_chr(cur, ' ');
	if (sp <= 0)
		return NULL;
	struct span where = span_head(cur, (size_t)sp);
	if (!in_list(where, smtpd_where, sizeof smtpd_where / sizeof *smtpd_where))
		return NULL;
	cur = span_skip(cur, (size_t)sp + 1);
	if (!span_eat(&cur, "from "))
		return NULL;
	if (cur.n && cur.p[0] == '[' && tail_ok(span_skip(cur, 1), T_PS_ADDR))
		return noqueue && span_eqs(action, "reject") &&
			       (span_eqs(where, "RCPT") || span_eqs(where, "CONNECT"))
			   ? "postscreen"
			   : NULL;
	size_t n = client_at(cur);
	if (!n)
		n = syslog_placeholder_client(cur);
	if (!n || n >= cur.n || cur.p[n] != ':')
		return NULL;
	return eom ? "cleanup" : "smtpd";
}

/* cut_after_said - "host NAME[ADDR] said:" and nothing after it: the
 * SMTP client's reply cut before its text (one name[address], no blank) */
static bool cut_after_said(struct span r)
{
	if (!span_starts(r, "host ") || !span_ends(r, " said:") || r.n < 5 + 6 + 3)
		return false;
	struct span host = span_make(r.p + 5, r.n - 5 - 6);
	for (size_t i = 0; i < host.n; i++)
		if (host.p[i] == ' ' || host.p[i] == '\t')
			return false;
	return span_chr(host, '[') > 0 && host.p[host.n - 1] == ']';
}

/* own_reason_daemon - the delivery agent of this host whose own words
 * open a reason (a status fragment cut before relay=, as a forum or a
 * web UI quotes "status=bounced (unknown user: "eimis")"), or NULL:
 * local/unknown.c and virtual/unknown.c "unknown user: \"%s\"" (local
 * names the local part, virtual the whole address: its '@' tells them
 * apart); local/recipient.c "mail forwarding loop for %s" (pipe.c writes
 * it too, with relay= its service: a fragment without relay is read as
 * local's, this host's own delivery either way); local/mailbox.c
 * "cannot update mailbox %s for user %s. ".  r is the text after
 * "status=".  Only there: a relay=none status is error(8)'s or qmgr's
 * (relay_daemon), whatever its words. */
static const char *own_reason_daemon(struct span r)
{
	ptrdiff_t open = span_chr(r, '(');
	if (open <= 0 || open > 12)
		return NULL;
	r = span_skip(r, (size_t)open + 1);
	if (span_starts(r, "unknown user: \"")) {
		struct span u = span_skip(r, 15);
		ptrdiff_t q = span_chr(u, '"');
		if (q <= 0)
			return NULL;
		return span_chr(span_head(u, (size_t)q), '@') >= 0 ? "virtual" : "local";
	}
	if (span_starts(r, "mail forwarding loop for ")) /* and an address */
		return r.n > 25 && r.p[25] != ')' && r.p[25] != ' ' ? "local" : NULL;
	if (span_starts(r, "cannot update mailbox /"))
		return span_index(r, " for user ") > 0 ? "local" : NULL;
	return NULL;
}

/* reason_daemon - the program whose source writes a delivery's reason
 * text, when the relay does not tell (relay=none, or a fragment cut
 * before relay=): the SMTP client's own words (smtp/smtp_addr.c,
 * smtp_connect.c, smtp_proto.c, smtp_sasl_proto.c, smtp_trouble.c: "host
 * H[A] said:" and "host H[A] refused to talk to me:" among them; a
 * fragment cut right after "said:", its reply on the lines below),
 * the retry service's deferral of a destination found dead ("delivery
 * temporarily suspended: ", error(8) run as retry: logged as "error" by
 * Postfix 3.x); NULL for any other text (error(8) and qmgr write
 * relay=none for other reasons) */
static const char *reason_daemon(struct span r)
{
	static const char *const smtp[] = {
	    "Host or domain name not found. Name service error for name=",
	    "Name service error for name=",
	    "connect to ",
	    "lost connection with ",
	    "conversation with ",
	    "TLS is required, but ",
	    "SASL authentication failed",
	    "Server certificate not verified",
	    /* smtp_tls_policy.c: a DANE or TLS policy that stops the
	     * delivery before it connects (relay=none) */
	    "no TLSA records found",
	    "non DNSSEC destination",
	    "TLSA lookup error for ",
	    "TLSA records unusable",
	    "client TLS configuration problem",
	    "Cannot start TLS: ",
	    /* smtp_proto.c: the message needs SMTPUTF8, the peer lacks it */
	    "SMTPUTF8 is required, but was not offered by host ",
	    "host ",
	};
	ptrdiff_t par = span_index(r, "status=");
	if (par < 0)
		return NULL;
	r = span_skip(r, (size_t)par + 7);
	ptrdiff_t open = span_chr(r, '(');
	if (open <= 0 || open > 12)
		return NULL;
	r = span_skip(r, (size_t)open + 1);
	if (span_starts(r, "delivery temporarily suspended: "))
		return "error";
	for (size_t i = 0; i < sizeof smtp / sizeof *smtp; i++)
		if (span_starts(r, smtp[i]))
			return i + 1 < sizeof smtp / sizeof *smtp || span_index(r, " said: ") > 0 ||
					       cut_after_said(r) ||
					       span_index(r, " refused to talk to me: ") > 0
				       ? "smtp"
				       : NULL;
	return NULL;
}

/* key_before_status - a status line cut after relay=, at one of the
 * keys log_adhoc.c writes before its status ("dsn=5.6.7, status=...",
 * "delays=a/b/c/d, dsn=..."): cur moved to its "status=" */
static bool key_before_status(struct span *cur)
{
	static const char *const keys[] = {"conn_use=", "delay=", "delays=", "tls=", "dsn="};
	size_t i = 0;
	while (i < sizeof keys / sizeof *keys && !span_starts(*cur, keys[i]))
		i++;
	ptrdiff_t at = i < sizeof keys / sizeof *keys ? span_index(*cur, ", status=") : -1;
	if (at <= 0 || span_chr(span_head(*cur, (size_t)at), '(') >= 0)
		return false;
	*cur = span_skip(*cur, (size_t)at + 2);
	return true;
}

/* relay_daemon - "QID: to=<...>, ..., relay=R, ..., status=..."
 * (global/log_adhoc.c:118-233, every delivery agent): the agent by its
 * relay, or NULL when the relay leaves it open.  local.c:757 and
 * virtual.c:406 log their master.cf service name ("local", "virtual" in
 * the stock master.cf); smtp(8) and lmtp(8) the server, where a UNIX
 * socket is LMTP's only (smtp/smtp_connect.c:27) and the port tells the
 * rest: 25 smtp, 24 lmtp (lmtp_tcp_port).  relay=none is the reason's
 * (reason_daemon).  A paste that cut the queue ID off, or the line's
 * start up to "relay=" or "status=", is read the same way (the delivery
 * parser reads such fragments: parse/delivery.c). */
static const char *relay_daemon(struct span cur)
{
	bool noqueue;
	syslog_bare_take_qid(&cur, false, &noqueue);
	struct span r;
	/* "o=<r>, relay=": the paste's selection began inside "to=<" */
	if (span_starts(cur, "to=<") || span_starts(cur, "o=<") || span_starts(cur, "=<")) {
		ptrdiff_t at = -1;
		for (size_t i = 0; i + 8 <= cur.n; i++)
			if (!memcmp(cur.p + i, ", relay=", 8)) {
				at = (ptrdiff_t)i;
				break;
			}
		if (at < 0)
			return NULL;
		r = span_skip(cur, (size_t)at + 8);
	} else if (span_starts(cur, "relay=")) {
		r = span_skip(cur, 6);
	} else if (span_starts(cur, "status=") || key_before_status(&cur)) {
		const char *own = own_reason_daemon(span_skip(cur, 7));
		return own ? own : reason_daemon(cur);
	} else {
		return NULL;
	}
	bool status = false;
	for (size_t i = 0; i + 9 <= r.n && !status; i++)
		status = !memcmp(r.p + i, ", status=", 9);
	ptrdiff_t comma = span_chr(r, ',');
	if (!status || comma <= 0)
		return NULL;
	struct span rest = r;
	r = span_head(r, (size_t)comma);
	if (span_eqs(r, "local"))
		return "local";
	if (span_eqs(r, "virtual"))
		return "virtual";
	if (span_eqs(r, "none"))
		return reason_daemon(rest);
	size_t n = client_at(r);
	ptrdiff_t lb = span_chr(r, '[');
	if (!n || n != r.n || lb < 0)
		return NULL;
	struct span inside = span_make(r.p + lb + 1, r.n - (size_t)lb - 1);
	ptrdiff_t rb = span_chr(inside, ']');
	if (rb < 0)
		return NULL;
	struct span port = span_skip(inside, (size_t)rb + 1);
	if (span_chr(span_head(inside, (size_t)rb), '/') >= 0 && !port.n)
		return "lmtp"; /* relay=host[private/dovecot-lmtp] */
	if (span_eqs(port, ":25"))
		return "smtp";
	if (span_eqs(port, ":24"))
		return "lmtp";
	return NULL;
}

/* syslog_bare_reply - smtpd's refusal pasted from its reply on: "CODE
 * D.D.D TEXT; from=<S> to=<R> proto=P helo=<H>", the part of
 * smtpd_check.c's log_whatsup line after "from CLIENT: " (the tail's
 * "; from=<" and " proto=" are that line's only); or cut after its
 * sender, "...; from=<S>" ending the paste, or after " to=<R>" */
bool syslog_bare_reply(struct span t)
{
	if (t.n < 12 || (t.p[0] != '4' && t.p[0] != '5') || t.p[1] < '0' || t.p[1] > '9' ||
	    t.p[2] < '0' || t.p[2] > '9' || t.p[3] != ' ' || t.p[4] != t.p[0] || t.p[5] != '.')
		return false;
	ptrdiff_t from = span_index(t, "; from=<");
	if (from <= 8)
		return false;
	struct span tail = span_skip(t, (size_t)from + 8);
	if (span_index(tail, " proto=") > 0)
		return true;
	ptrdiff_t gt = span_chr(tail, '>');
	if (gt < 0 || span_chr(span_head(tail, (size_t)gt), ' ') >= 0)
		return false;
	struct span after = span_skip(tail, (size_t)gt + 1);
	if (!after.n)
		return true;
	if (!span_eat(&after, " to=<"))
		return false;
	gt = span_chr(after, '>');
	return gt >= 0 && (size_t)gt + 1 == after.n && span_chr(span_head(after, (size_t)gt), ' ') < 0;
}

/* config_daemon - postconf's warnings on the configuration files with
 * their "postconf: warning: " not pasted: postconf/postconf_unused.c
 * "%s/%s: unused parameter: %s=%s" and postconf/postconf_user.c
 * "%s: undefined parameter: %s", FILE being main.cf or master.cf (a
 * path that ends so); no other program writes these */
static const char *config_daemon(struct span text)
{
	if (!text.n || text.p[0] != '/')
		return NULL;
	ptrdiff_t colon = span_index(text, ": ");
	if (colon <= 0)
		return NULL;
	struct span file = span_head(text, (size_t)colon), rest = span_skip(text, (size_t)colon + 2);
	if (!span_ends(file, "/main.cf") && !span_ends(file, "/master.cf"))
		return NULL;
	return span_starts(rest, "unused parameter: ") || span_starts(rest, "undefined parameter: ")
		   ? "postconf"
		   : NULL;
}

/* syslog_bare_daemon - the program that writes the message text, or NULL
 * when its shape is none of the table's or more than one program's */
const char *syslog_bare_daemon(struct span text)
{
	for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
		const struct bare_shape *s = &shapes[i];
		struct span cur = text;
		bool noqueue;
		if (s->lead == L_QID && !syslog_bare_take_qid(&cur, false, &noqueue))
			continue;
		if (s->lead == L_OPT_QID) {
			struct span q = cur;
			if (syslog_bare_take_qid(&q, true, &noqueue))
				cur = q;
		}
		if (!span_eat(&cur, s->words))
			continue;
		if (tail_ok(cur, s->tail))
			return s->daemon;
		return NULL; /* the words matched, the rest did not: no other row */
	}
	const char *d = check_daemon(text);
	d = d ? d : config_daemon(text);
	if (!d && syslog_bare_reply(text))
		d = "smtpd";
	d = d ? d : relay_daemon(text);
	return d ? d : syslog_bare_tls_daemon(text);
}

/* syslog_bare_warning_daemon - the program of a tagless Postfix warning
 * ("warning: " already taken off), or NULL:
 *   smtpd/smtpd.c:6200 "non-SMTP command from name[address]: ...", "Illegal address syntax";
 *   smtpd/smtpd_sasl_glue.c:340, :351 "name[address]: SASL X
 *   authentication failed|aborted...";
 *   xsasl_cyrus_client.c via xsasl_cyrus_log.c "SASL authentication
 *   failure: No worthy mechs found" (sasl_client_start's words: the SMTP
 *   client is Postfix's one SASL client; read as smtp's, lmtp's alike);
 *   conf/postfix-script (postfix check) "not owned by USER: PATH",
 *   "group or other writable: PATH", "symlink leaves directory: PATH",
 *   "not set-gid or not owner+group+world executable: PATH",
 *   conf/postfix-script:412, :425 "/PATH and /PATH differ";
 *   bounce/bounce_template.c:436-443 "for instructions see the bounce(5)
 *   manual", "NAME: zero result in KIND template conversion of parameter
 *   P", "please reduce time unit "U" of "P" in KIND template to ..." */
const char *syslog_bare_warning_daemon(struct span text)
{
	static const char *const check[] = {"not owned by ", "group or other writable: /",
					    "symlink leaves directory: /",
					    "not set-gid or not owner+group+world executable: /"};
	for (size_t i = 0; i < sizeof check / sizeof *check; i++)
		if (span_starts(text, check[i]))
			return span_find(text, ": /").p ? "postfix-script" : NULL;
	if (span_starts(text, "SASL authentication failure: No worthy mechs found"))
		return "smtp";
	if (text.n && text.p[0] == '/')
		return span_ends(text, " differ") && span_find(text, " and /").p ? "postfix-script" : NULL;
	if (span_starts(text, "for instructions see the bounce(5) manual") ||
	    span_starts(text, "please reduce time unit \"") ||
	    (span_find(text, ": zero result in ").p && span_find(text, " template conversion of parameter ").p))
		return "bounce";
	struct span cur = text;
	if (span_eat(&cur, "non-SMTP command from ") || span_eat(&cur, "Illegal address syntax from ")) {
		size_t n = client_at(cur); /* smtpd.c:2555 "... from %s in %s command: %s" */
		return n && n < cur.n && cur.p[n] == (text.p[0] == 'I' ? ' ' : ':') ? "smtpd" : NULL;
	}
	size_t n = client_at(text);
	if (!n)
		return NULL;
	cur = span_skip(text, n);
	if (!span_eat(&cur, ": SASL "))
		return NULL;
	ptrdiff_t sp = span_chr(cur, ' ');
	if (sp <= 0)
		return NULL;
	cur = span_skip(cur, (size_t)sp + 1);
	return span_starts(cur, "authentication failed") || span_starts(cur, "authentication aborted")
		   ? "smtpd"
		   : NULL;
}

/* policy_decision - postgrey's decision line alone ("action=greylist,
 * reason=new, client_name=..., client_address=..., sender=...,
 * recipient=..."): the one shape of another program read without its
 * tag, for the greylisting a paste of its lines shows (parse/policy.c) */
static bool policy_decision(struct span t)
{
	return (span_starts(t, "action=greylist, reason=") || span_starts(t, "action=pass, reason=")) &&
	       span_index(t, ", client_address=") > 0;
}

/* syslog_parse_bare - a line of message text alone (after the marks a
 * paste put before it); false when its program cannot be told */
bool syslog_parse_bare(struct syslog_state *st, struct span line, struct logline *out)
{
	struct span cur = line;
	syslog_strip_decorations(&cur);
	syslog_strip_compose_label(&cur);
	/* "`connect from ...`," in markdown: the text ends at the closing
	 * backtick of the one the decorations took off */
	if (span_chr(span_head(line, (size_t)(cur.p - line.p)), '`') >= 0) {
		ptrdiff_t bt = span_chr(cur, '`');
		if (bt >= 0)
			cur = span_head(cur, (size_t)bt);
	}
	const char *d = syslog_bare_daemon(cur);
	bool other = !d && policy_decision(cur);
	if (other)
		d = "postgrey";
	if (!d)
		return false;
	zero(out, sizeof *out);
	out->raw = cur;
	out->text = cur;
	out->prog = out->daemon = span_of(d);
	out->instance = out->service = SPAN_NULL;
	out->host = SPAN_NULL;
	out->pid = -1;
	out->postfix = !other;
	out->inferred = true;
	/* postconf writes those only as warnings (config_daemon) */
	if (!strcmp(d, "postconf"))
		out->severity = span_of("warning");
	out->format = FMT_NOTIME;
	out->ts = st->last_ts;
	return true;
}
