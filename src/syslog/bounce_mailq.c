/*
 * bounce_mailq.c - Postfix's other outputs pasted among its log lines,
 * read as the status lines Postfix logs for the same facts:
 *
 *   - a bounce report's recipient paragraphs (bounce(8), bounce_notify_util.c:
 *     "<rcpt> (expanded from <orig>): REASON", wrapped at 76 columns,
 *     continued by lines that start with blanks): "to=<rcpt>, orig_to=<orig>,
 *     relay=none, status=bounced (REASON)", or status=deferred under the delay
 *     notice's "THIS IS A WARNING ONLY"; a success notice's are not read; a
 *     server's reply pasted without its recipient line ("host H[A] said: ...",
 *     "host H[A] refused to talk to me: ...", also from the server's name on,
 *     its "host" left on the line above, when a 4XX or 5XX reply follows) is
 *     an unknown recipient's paragraph, deferred when the reply is a 4XX one
 *     outside a notice; a markdown editor's links to themselves are undone
 *     ("[mx.example.com](http://mx.example.com/)"), one blank line allowed
 *     between a paragraph's pieces (doubled line ends);
 *   - mailq / postqueue -p (postqueue/showq_compat.c): an entry "QID[*!#] SIZE
 *     Www Mmm dd hh:mm:ss SENDER", then "(REASON)" (padded towards column 76,
 *     or from column 0 when long) before the recipients it applies to, each
 *     indented: qmgr's "QID: from=<sender>, size=N, nrcpt=K (queue active)"
 *     (postsuper's "QID: placed on hold" for a held entry, '!'), and "QID:
 *     to=<rcpt>, relay=none, status=deferred (REASON)" for each recipient
 *     with a reason; a reason listed without its recipients (a paste cut
 *     short) is one deferral of "<>";
 *   - a delivery's reason pasted alone, no recipient, no notice, in the SMTP
 *     client's or the retry service's words that name its server ("host H[A]
 *     said: ...", "delivery temporarily suspended: ...", local's "cannot
 *     update mailbox PATH for user U. ..."), also in its status line's
 *     parentheses: one failure of "<>" (lone_reason);
 *   - a DSN's fields ("Final-Recipient:", "Diagnostic-Code: smtp; ..."): bounce_dsn.c;
 *   - a refusal of smtpd pasted alone ("550 5.1.1 <a>: Recipient address
 *     rejected: ..."): bounce_reply.c.
 *
 * The relay is the server the reason names ("connect to H[A]:P", "host
 * H[A] said:"...), else none; the program is the one the relay names
 * (LMTP by its port or socket), else the one the reason's words name
 * (syslog_bare_daemon), else error(8), which logs a reason with
 * relay=none.  A paragraph outside a bounce report (no heading seen) is
 * read only when its reason has a delivery failure's shape: prose like
 * "<me@example.com>: my address" stays text.  Untrusted input: each field
 * is bounded and copied; what is made goes through the log line parsers.
 */
#include "bounce_mailq.h"
#include "prefix.h"

#include <stdio.h>
#include <string.h>

/* bm_logline - the Postfix line of text made from a pasted output, as
 * the bare reader makes one (no time of its own: ts, the last read) */
void bm_logline(struct logline *l, const char *daemon, struct span text, struct stamp ts)
{
	memset(l, 0, sizeof *l);
	l->raw = l->text = text;
	l->prog = l->daemon = span_of(daemon);
	l->instance = l->service = l->host = SPAN_NULL;
	l->pid = -1;
	l->postfix = true;
	l->inferred = true;
	l->format = FMT_NOTIME;
	l->ts = ts;
}

/* bm_init - nothing pending, no report seen, no DSN field (all zero:
 * BM_NONE, BM_NO_REPORT) */
void bm_init(struct bounce_mailq *bm)
{
	memset(bm, 0, sizeof *bm);
}

static inline bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* tail_trim - without the line end, trailing blanks and a markdown
 * fence or inline code closing the paste ("...command)) ```", "...`") */
static struct span tail_trim(struct span s)
{
	for (;;) {
		while (s.n && (blank(s.p[s.n - 1]) || s.p[s.n - 1] == '\r' || s.p[s.n - 1] == '\n'))
			s.n--;
		if (s.n >= 3 && !memcmp(s.p + s.n - 3, "```", 3)) {
			s.n -= 3;
			continue;
		}
		if (s.n && s.p[s.n - 1] == '`') {
			s.n--;
			continue;
		}
		return s;
	}
}

/* bm_text_add - s to the reason being read, after one blank, cut to fit */
void bm_text_add(struct bounce_mailq *bm, struct span s)
{
	if (!s.n)
		return;
	size_t room = sizeof bm->text - 1 - bm->text_n;
	if (bm->text_n && room) {
		bm->text[bm->text_n++] = ' ';
		room--;
	}
	if (s.n > room)
		s.n = room;
	memcpy(bm->text + bm->text_n, s.p, s.n);
	bm->text_n += s.n;
	bm->text[bm->text_n] = 0;
}

/* depth - '(' minus ')' in the reason read so far */
static int depth(const struct bounce_mailq *bm)
{
	int d = 0;
	for (size_t i = 0; i < bm->text_n; i++)
		d += bm->text[i] == '(' ? 1 : bm->text[i] == ')' ? -1 : 0;
	return d;
}

/* angle_addr - "<addr>" at *cur: the address into dst, *cur past '>' */
static bool angle_addr(struct span *cur, char *dst)
{
	if (!cur->n || cur->p[0] != '<')
		return false;
	for (size_t i = 1; i < cur->n && i < BM_ADDR_MAX; i++) {
		char c = cur->p[i];
		if (c == '>') {
			span_cstr(dst, BM_ADDR_MAX, span_make(cur->p + 1, i - 1));
			*cur = span_skip(*cur, i + 1);
			return i > 1;
		}
		if (c == '<' || blank(c))
			return false;
	}
	return false;
}

/* reply_tail_only - a server's reply quoted without its "host H[A]
 * said: " (a notice's words copied from their reason on): some text,
 * then the SMTP client's own "(in reply to NAME command)" ending the
 * line (smtp_proto.c's xfer_request names) */
static bool reply_tail_only(struct span r)
{
	static const char *const names[] = {
	    "MAIL FROM", "RCPT TO", "DATA", "end of DATA", "BDAT", "HELO", "EHLO", "LHLO",
	    "STARTTLS", "AUTH", "XFORWARD", "RSET", "QUIT",
	};
	r = span_trim(r);
	if (!span_ends(r, " command)"))
		return false;
	/* with its "host H[A] said: " it is no reply cut from its text on
	 * (lone_reason reads that one when it starts the line; a line of
	 * smtp's own, "QID: host H[A] said: ...", is a log line's message) */
	if (span_index(r, " said: ") >= 0 || span_index(r, " refused to talk to me: ") >= 0)
		return false;
	ptrdiff_t at = span_index(r, " (in reply to ");
	size_t from = (size_t)at + strlen(" (in reply to "), tail = strlen(" command)");
	if (at < 1 || from + tail > r.n) /* "x (in reply to command)": the two overlap */
		return false;
	struct span name = span_make(r.p + from, r.n - from - tail);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (span_eqs(name, names[i]))
			return true;
	return false;
}

/* failure_shape - a reason in the words of a delivery that failed
 * (smtp(8), local(8), virtual(8), error(8), the retry service) */
static bool failure_shape(struct span r)
{
	static const char *const starts[] = {
	    "connect to ",
	    "Host or domain name not found",
	    "Name service error for name=",
	    "lost connection with ",
	    "conversation with ",
	    "delivery temporarily suspended: ",
	    "TLS is required, but ", "SMTPUTF8 is required, but ",
	    "SASL authentication failed",
	    "Server certificate not verified",
	    "unknown user: ",
	    "User unknown",
	    "mail for ",
	    "cannot update mailbox ",
	    "cannot append message to ",
	    "maildir delivery failed: ",
	    "message size exceeds ",
	    "Command died with status ", "Command time limit exceeded",
	    "undeliverable address: ",
	    "mail transport unavailable",
	    "message has been in the queue too long",
	};
	for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
		if (span_starts(r, starts[i]))
			return true;
	return reply_tail_only(r) || (span_starts(r, "host ") &&
	       (span_index(r, " said: ") > 0 || span_index(r, " refused to talk to me: ") > 0));
}

/* reason_relay - the server a reason in the SMTP or LMTP client's words
 * names ("connect to H[A]:P: ...", "host H[A] said: ...", "lost
 * connection with H[A] while ...", "conversation with H[A] timed out
 * ...", "TLS is required, but was not offered by host H[A]"): the relay=
 * Postfix logs beside it, port included where the reason gives it; an
 * empty span for any other reason ("delivery temporarily suspended: ..."
 * is logged with relay=none: the retry service connects to nothing) */
static struct span reason_relay(struct span r)
{
	static const char *const leads[] = {
	    "connect to ", "host ", "lost connection with ", "conversation with ",
	    "TLS is required, but was not offered by host ", "SMTPUTF8 is required, but was not offered by host ",
	};
	size_t i = 0;
	while (i < sizeof leads / sizeof *leads && !span_starts(r, leads[i]))
		i++;
	if (i == sizeof leads / sizeof *leads)
		return span_make(r.p, 0);
	struct span h = span_skip(r, strlen(leads[i]));
	size_t k = 0;
	while (k < h.n && k < BM_ADDR_MAX && h.p[k] != '[' && !blank(h.p[k]))
		k++;
	if (k && k + 1 < h.n && h.p[k] == ' ' && h.p[k + 1] == '[') /* masked: "NAME [ADDR]" */
		return span_head(h, k);
	if (!k || k >= h.n || h.p[k] != '[')
		return span_make(r.p, 0);
	while (k < h.n && k < BM_ADDR_MAX && h.p[k] != ']' && !blank(h.p[k]))
		k++;
	if (k >= h.n || h.p[k] != ']')
		return span_make(r.p, 0);
	k++;
	if (k + 1 < h.n && h.p[k] == ':' && h.p[k + 1] >= '0' && h.p[k + 1] <= '9') {
		k++;
		while (k < h.n && k < BM_ADDR_MAX && h.p[k] >= '0' && h.p[k] <= '9')
			k++;
	}
	return span_head(h, k);
}

/* emit_status - "[QID: ]to=<rcpt>, [orig_to=<orig>, ]relay=R,
 * status=S (REASON)" with the program its relay or its reason names: R
 * the server the reason names, else none */
static void emit_status(struct bounce_mailq *bm, const char *qid, const char *rcpt, const char *orig,
			const char *status, const char *reason, bm_emit_fn emit, void *ctx)
{
	struct span rel = reason_relay(span_make(reason, strlen(reason)));
	/* local(8)'s words (virtual(8) writes the same): logged with
	 * relay=local, which names the agent (bare.c relay_daemon) */
	if (!rel.n && !strncmp(reason, "cannot update mailbox ", 22))
		rel = span_of("local");
	int n = snprintf(bm->out, sizeof bm->out, "%s%sto=<%s>, %s%s%srelay=none, status=%s (%s)",
			 qid, *qid ? ": " : "", rcpt, *orig ? "orig_to=<" : "", orig,
			 *orig ? ">, " : "", status, reason);
	if (n < 0)
		return;
	struct span t = span_make(bm->out, (size_t)n < sizeof bm->out ? (size_t)n : sizeof bm->out - 1);
	const char *d = syslog_bare_daemon(t); /* by the reason's words */
	if (rel.n) {
		n = snprintf(bm->out, sizeof bm->out, "%s%sto=<%s>, %s%s%srelay=%.*s, status=%s (%s)",
			     qid, *qid ? ": " : "", rcpt, *orig ? "orig_to=<" : "", orig,
			     *orig ? ">, " : "", (int)rel.n, rel.p, status, reason);
		if (n < 0)
			return;
		t = span_make(bm->out, (size_t)n < sizeof bm->out ? (size_t)n : sizeof bm->out - 1);
		const char *by_relay = syslog_bare_daemon(t); /* LMTP by its port or socket */
		if (by_relay)
			d = by_relay;
	}
	if (!d && reply_tail_only(span_of(reason)))
		d = "smtp"; /* "(in reply to ... command)" is the SMTP client's */
	emit(ctx, d ? d : "error", t, bm->lineno, bm->ts);
}

/* reply_class - the first digit of the server's reply in a reason
 * ("host H[A] said: 4..", "refused to talk to me: 5.."), or 0 */
static char reply_class(struct span r)
{
	static const char *const marks[] = {" said: ", " refused to talk to me: "};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		long k = span_index(r, marks[i]);
		size_t at = (size_t)k + strlen(marks[i]);
		if (k >= 0 && at < r.n)
			return r.p[at];
	}
	return 0;
}

/* lone_reason - a delivery's reason pasted alone, in the SMTP client's
 * or the retry service's words, naming its server where those words do
 * (smtp_proto.c "host H[A] said: ..." and "... refused to talk to me:
 * ...", smtp_connect.c "connect to H[A]:P: ...", "lost connection with
 * H[A] ...", "conversation with H[A] ...", smtp_sasl_proto.c "SASL
 * authentication failed; server H[A] said: ..." / "...; cannot
 * authenticate to server H[A]: ...", the retry service's "delivery
 * temporarily suspended: ...", local(8)'s and virtual(8)'s "cannot update
 * mailbox PATH for user U. ...", a reply quoted from its text on,
 * reply_tail_only): stricter than a notice's paragraph,
 * which its recipient and heading vouch for */
static bool lone_reason(struct span r)
{
	if (span_starts(r, "delivery temporarily suspended: ") || reply_tail_only(r))
		return true;
	if (span_starts(r, "cannot update mailbox /")) /* a mailbox is a path */
		return span_index(r, " for user ") > 0;
	if (span_starts(r, "SASL authentication failed; "))
		return span_index(r, "; server ") > 0 || span_index(r, "; cannot authenticate to server ") > 0;
	if (!reason_relay(r).n)
		return false;
	/* the reply itself may follow on the next, indented lines */
	if (span_starts(r, "host "))
		return span_index(r, " said:") > 0 || span_index(r, " refused to talk to me:") > 0;
	return span_starts(r, "connect to ") || span_starts(r, "lost connection with ") ||
	       span_starts(r, "conversation with ") || span_starts(r, "TLS is required, but ") ||
	       span_starts(r, "SMTPUTF8 is required, but ");
}

/* host_word_cut - "H[A] said: ..." or "H[A] refused to talk to me: ...":
 * a bounce report's reason whose first word, "host", ended the line above
 * (bounce(8) wraps "<rcpt>: host" and goes on with the server's name) and
 * was left out of the paste; H a host name with a dot, A what Postfix
 * puts between the brackets, and the server's reply code on the line */
static bool host_word_cut(struct span r)
{
	size_t k = 0;
	bool dot = false;
	while (k < r.n && k < BM_ADDR_MAX && r.p[k] != '[') {
		char c = r.p[k];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return false;
		dot |= c == '.';
		k++;
	}
	if (!k || !dot || k >= r.n || r.p[k] != '[')
		return false;
	while (k < r.n && k < 2 * BM_ADDR_MAX && r.p[k] != ']' && !blank(r.p[k]))
		k++;
	if (k >= r.n || r.p[k] != ']')
		return false;
	struct span rest = span_skip(r, k + 1);
	if (span_starts(rest, " said: "))
		rest = span_skip(rest, 7);
	else if (span_starts(rest, " refused to talk to me: "))
		rest = span_skip(rest, 24);
	else
		return false;
	/* weaker than "host H[A]": the server's 4XX or 5XX reply must follow */
	return rest.n >= 3 && (rest.p[0] == '4' || rest.p[0] == '5') && rest.p[1] >= '0' &&
	       rest.p[1] <= '9' && rest.p[2] >= '0' && rest.p[2] <= '9' &&
	       (rest.n == 3 || blank(rest.p[3]) || rest.p[3] == '-'); /* "550-5.7.25": a multi-line reply */
}

/* unparen - "(REASON)", as the tail of a status line or mailq shows a
 * reason, without its parentheses; any other text as it is */
static struct span unparen(struct span s)
{
	s = span_trim(s);
	if (s.n >= 2 && s.p[0] == '(' && s.p[s.n - 1] == ')')
		return span_make(s.p + 1, s.n - 2);
	return s;
}

/* reply_code_at - "DDD-X.Y.Z" or "DDD X.Y.Z" at s's start (a server's
 * reply code and enhanced status, as each line of a multi-line reply
 * begins): its length, or 0 */
static size_t reply_code_at(struct span s)
{
	size_t i = 0;
	while (i < 3 && i < s.n && s.p[i] >= '0' && s.p[i] <= '9')
		i++;
	if (i != 3 || i + 1 >= s.n || (s.p[3] != '-' && s.p[3] != ' ') || s.p[4] < '2' || s.p[4] > '5')
		return 0;
	i = 5;
	for (int part = 0; part < 2; part++) {
		if (i >= s.n || s.p[i] != '.')
			return 0;
		size_t d = ++i;
		while (i < s.n && i - d < 3 && s.p[i] >= '0' && s.p[i] <= '9')
			i++;
		if (i == d)
			return 0;
	}
	return i < s.n && s.p[i] != ' ' ? 0 : i;
}

/* reply_goes_on - a line that goes on with a reason (alone, or a notice's
 * paragraph whose indent a web page lost) whose reply a mail program
 * wrapped without indenting it (a report's text copied): the reason has
 * not reached its "(in reply to ... command)", the line is no log line
 * nor a reply of its own, and it carries the reply's code and enhanced
 * status (each line of a multi-line reply begins with them: "550-5.7.26
 * ..."); when the reason ends at "said:", the line begins with a code;
 * a one-line reply's lines go on without it */
static bool reply_goes_on(const struct bounce_mailq *bm, struct span cur)
{
	struct span r = span_make(bm->text, bm->text_n);
	if (span_index(r, "(in reply to ") >= 0 || span_index(cur, " said:") >= 0 ||
	    span_index(cur, "]: ") >= 0 || span_index(cur, "postfix/") >= 0)
		return false;
	long k = span_index(r, " said:");
	if (k < 0)
		return false;
	struct span reply = span_trim(span_skip(r, (size_t)k + 6));
	if (!reply.n)
		return reply_code_at(cur) > 0;
	size_t n = reply_code_at(reply);
	if (!n)
		return false;
	/* a one-line reply ("554 5.7.1 ...": a blank after the code, which
	 * no later line repeats) goes on up to its "(in reply to": the next
	 * line, no blank line between, not the next recipient's "<" */
	if (reply.p[3] == ' ' && !bm->gap && cur.p[0] != '<' && span_index(cur, "postfix") < 0)
		return true;
	/* the same code with either separator ("550-5.7.26", "550 5.7.26") */
	for (size_t i = 0; i + n <= cur.n; i++)
		if (!memcmp(cur.p + i, reply.p, 3) && (cur.p[i + 3] == '-' || cur.p[i + 3] == ' ') &&
		    !memcmp(cur.p + i + 4, reply.p + 4, n - 4) && (i + n == cur.n || cur.p[i + n] == ' '))
			return true;
	return false;
}

/* lone_status - what Postfix logs beside a reason alone: bounced for a
 * server's permanent refusal (its reply a 5XX one), else deferred; a
 * failed login to the relay defers whatever its code
 * (smtp_sasl_auth_soft_bounce) */
static const char *lone_status(struct span r)
{
	if (span_starts(r, "SASL authentication failed"))
		return "deferred";
	char c = reply_class(r);
	if (!c && reply_tail_only(r) && r.n > 3 && r.p[0] >= '2' && r.p[0] <= '5' && r.p[1] >= '0' &&
	    r.p[1] <= '9' && r.p[2] >= '0' && r.p[2] <= '9' && (r.p[3] == ' ' || r.p[3] == '-'))
		c = r.p[0]; /* the reply quoted from its code on */
	return c == '5' ? "bounced" : "deferred";
}

/* flush_paragraph - a bounce report's paragraph, if it is to be read;
 * outside a report the reply's class tells bounced from deferred (a
 * reason pasted alone, as a DSN or the queue shows it) */
static void flush_paragraph(struct bounce_mailq *bm, bm_emit_fn emit, void *ctx)
{
	struct span r = span_make(bm->text, bm->text_n);
	if (bm->report == BM_DELIVERED || !r.n)
		return;
	if (bm->report == BM_NO_REPORT && !failure_shape(r))
		return;
	bool later = bm->report == BM_DELAYED || (bm->report == BM_NO_REPORT && reply_class(r) == '4');
	const char *status = bm->lone ? lone_status(r) : later ? "deferred" : "bounced";
	emit_status(bm, "", bm->rcpt, strcmp(bm->orig, bm->rcpt) ? bm->orig : "", status, bm->text,
		    emit, ctx);
}

/* flush_entry - a mailq entry: the message, then its recipients' reasons */
static void flush_entry(struct bounce_mailq *bm, bm_emit_fn emit, void *ctx)
{
	if (bm->reason_open && bm->nreasons < BM_REASONS) /* cut before its ')' */
		span_cstr(bm->reasons[bm->nreasons++], BM_TEXT_MAX, span_make(bm->text, bm->text_n));
	int n;
	if (bm->hold)
		n = snprintf(bm->out, sizeof bm->out, "%s: placed on hold", bm->qid);
	else
		n = snprintf(bm->out, sizeof bm->out, "%s: from=<%s>, size=%llu, nrcpt=%u (queue active)",
			     bm->qid, bm->sender, (unsigned long long)bm->size,
			     bm->nrcpt ? bm->nrcpt : 1);
	if (n > 0 && (size_t)n < sizeof bm->out)
		emit(ctx, bm->hold ? "postsuper" : "qmgr", span_make(bm->out, (size_t)n), bm->lineno,
		     bm->ts);
	for (unsigned i = 0; i < bm->nkept; i++) {
		int k = bm->rcpts[i].reason;
		if (k < 0 || !strcmp(bm->reasons[k], "reason unavailable"))
			continue;
		emit_status(bm, bm->qid, bm->rcpts[i].addr, "", "deferred", bm->reasons[k], emit, ctx);
	}
	if (!bm->nrcpt && bm->nreasons) /* the recipients were not pasted */
		emit_status(bm, bm->qid, "", "", "deferred", bm->reasons[bm->nreasons - 1], emit, ctx);
}

/* bm_flush - what the pending paragraph or entry says, if any */
void bm_flush(struct bounce_mailq *bm, bm_emit_fn emit, void *ctx)
{
	if (bm->kind == BM_PARAGRAPH)
		flush_paragraph(bm, emit, ctx);
	else if (bm->kind == BM_ENTRY)
		flush_entry(bm, emit, ctx);
	else if (bm->kind == BM_DSN)
		bm_dsn_flush(bm, emit, ctx);
	else if (bm->kind == BM_REPLY)
		bm_reply_flush(bm, emit, ctx);
	bm->kind = BM_NONE;
	bm->text_n = 0;
	bm->gap = false;
}

/* heading - a notice's heading tells what its paragraphs are: every
 * notice starts "This is the mail system at host X." (returned mail's
 * words unless the delay or success notice's follow) */
static void heading(struct bounce_mailq *bm, struct span s)
{
	if (s.p[0] != 'T' && s.p[0] != '#' && s.p[0] != 'Y')
		return; /* none of the headings: most lines, at one byte's cost */
	if (span_index(s, "This is the mail system at host ") >= 0)
		bm->report = BM_RETURNED;
	else if (span_index(s, "THIS IS A WARNING ONLY") >= 0)
		bm->report = BM_DELAYED;
	else if (span_starts(s, "Your message was successfully delivered"))
		bm->report = BM_DELIVERED;
}

/* word - the next blank-separated word of *cur, blanks before it skipped */
static struct span word(struct span *cur)
{
	size_t i = 0;
	while (i < cur->n && blank(cur->p[i]))
		i++;
	size_t j = i;
	while (j < cur->n && !blank(cur->p[j]))
		j++;
	struct span w = span_make(cur->p + i, j - i);
	*cur = span_skip(*cur, j);
	return w;
}

static bool in3(struct span w, const char *list)
{
	if (w.n != 3)
		return false;
	for (const char *p = list; *p; p += 3)
		if (!memcmp(w.p, p, 3))
			return true;
	return false;
}

/* entry_start - "QID[*!#] SIZE Www Mmm dd hh:mm:ss SENDER" */
static bool entry_start(struct bounce_mailq *bm, struct span cur)
{
	struct span id = word(&cur);
	size_t n = id.n;
	bool hold = false;
	while (n && (id.p[n - 1] == '*' || id.p[n - 1] == '!' || id.p[n - 1] == '#'))
		hold |= id.p[--n] == '!';
	if (n < 6 || n >= BM_QID_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = id.p[i];
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
			return false;
	}
	uint64_t size;
	struct span sz = word(&cur), wd = word(&cur), mo = word(&cur), day = word(&cur),
		    hms = word(&cur);
	if (!span_u64(sz, &size) || !in3(wd, "MonTueWedThuFriSatSun") ||
	    !in3(mo, "JanFebMarAprMayJunJulAugSepOctNovDec") || !day.n || day.n > 2 ||
	    !span_digits(day) || hms.n != 8 || hms.p[2] != ':' || hms.p[5] != ':')
		return false;
	struct span sender = span_trim(cur);
	if (span_eqs(sender, "MAILER-DAEMON"))
		sender.n = 0;
	if (span_chr(sender, ' ') >= 0)
		return false;
	span_cstr(bm->qid, BM_QID_MAX, span_make(id.p, n));
	span_cstr(bm->sender, BM_ADDR_MAX, sender);
	bm->size = size;
	bm->hold = hold;
	bm->reason_open = false;
	bm->nrcpt = bm->nkept = bm->nreasons = 0;
	bm->cur_reason = -1;
	bm->kind = BM_ENTRY;
	return true;
}

/* paragraph_start - "<rcpt>[ (expanded from <orig>)]: reason..." */
static bool paragraph_start(struct bounce_mailq *bm, struct span cur)
{
	if (!angle_addr(&cur, bm->rcpt))
		return false;
	bm->orig[0] = 0;
	bm->lone = false;
	if (span_eat(&cur, " (expanded from ")) {
		if (!angle_addr(&cur, bm->orig) || !span_eat(&cur, ")"))
			return false;
	}
	if (!span_eat(&cur, ":"))
		return false;
	bm->text_n = 0;
	bm_text_add(bm, span_trim(cur));
	bm->kind = BM_PARAGRAPH;
	return true;
}

/* reason_take - the entry's "(REASON)" read whole (or as far as the
 * paste went): the reason of the recipients listed after it */
static void reason_take(struct bounce_mailq *bm)
{
	struct span r = span_make(bm->text, bm->text_n);
	if (r.n && r.p[r.n - 1] == ')')
		r.n--;
	bm->reason_open = false;
	if (bm->nreasons < BM_REASONS) {
		span_cstr(bm->reasons[bm->nreasons], BM_TEXT_MAX, r);
		bm->cur_reason = (int)bm->nreasons++;
	}
	bm->text_n = 0;
}

/* entry_line - a line inside an entry; false when it ends the entry */
static bool entry_line(struct bounce_mailq *bm, struct span cur, bool lead_blank)
{
	if (bm->reason_open) {
		bm_text_add(bm, cur);
		if (depth(bm) < 0 || ++bm->reason_lines >= 8 || bm->text_n + 1 >= sizeof bm->text)
			reason_take(bm);
		return true;
	}
	if (cur.n && cur.p[0] == '(') {
		bm->text_n = 0;
		bm_text_add(bm, span_skip(cur, 1));
		bm->reason_open = true;
		bm->reason_lines = 0;
		if (depth(bm) < 0)
			reason_take(bm);
		return true;
	}
	if (!lead_blank || span_chr(cur, ' ') >= 0 || span_chr(cur, '\t') >= 0)
		return false;
	bm->nrcpt++;
	if (bm->nkept < BM_RCPTS) {
		span_cstr(bm->rcpts[bm->nkept].addr, BM_ADDR_MAX, cur);
		bm->rcpts[bm->nkept++].reason = bm->cur_reason;
	}
	return true;
}

/* unquote - the line without its end and a mail quote's "> " marks;
 * *lead_blank: it then starts with a blank (a continuation's sign) */
static struct span unquote(struct span line, bool *lead_blank)
{
	struct span cur = tail_trim(line);
	while (cur.n && cur.p[0] == '>') {
		cur = span_skip(cur, 1);
		if (cur.n && cur.p[0] == ' ')
			cur = span_skip(cur, 1);
	}
	*lead_blank = cur.n && blank(cur.p[0]);
	syslog_strip_decorations(&cur);
	syslog_strip_compose_label(&cur);
	return cur;
}

/* link_end - "[TEXT](URL)" at p[0..n): its length when URL names TEXT
 * (mailto:TEXT, http[s]://TEXT[/]), as a markdown editor links an
 * address or a host name pasted in its text; else 0 */
static size_t link_end(const char *p, size_t n, size_t *text_n)
{
	size_t t = 1;
	while (t < n && t < BM_ADDR_MAX && p[t] != ']' && p[t] != '[' && !blank(p[t]))
		t++;
	if (t >= n || p[t] != ']' || t + 1 >= n || p[t + 1] != '(' || t == 1)
		return 0;
	struct span text = span_make(p + 1, t - 1), url = span_make(p + t + 2, 0);
	size_t u = t + 2;
	while (u < n && u - t < 2 * BM_ADDR_MAX && p[u] != ')' && !blank(p[u]))
		u++;
	if (u >= n || p[u] != ')')
		return 0;
	url.n = u - (t + 2);
	if (!span_eat(&url, "mailto:") && !span_eat(&url, "http://"))
		span_eat(&url, "https://");
	if (url.n && url.p[url.n - 1] == '/')
		url.n--;
	if (url.n != text.n || memcmp(url.p, text.p, text.n))
		return 0;
	*text_n = text.n;
	return u + 1;
}

/* delink - line with its markdown links to themselves undone
 * ("[host.example](http://host.example/)" back to "host.example"), in
 * bm->line; line itself when it has none */
static struct span delink(struct bounce_mailq *bm, struct span line)
{
	if (span_index(line, "](") < 0)
		return line;
	size_t o = 0;
	for (size_t i = 0; i < line.n && o + 1 < sizeof bm->line;) {
		size_t tn, k = line.p[i] == '[' ? link_end(line.p + i, line.n - i, &tn) : 0;
		if (k) {
			if (o + tn >= sizeof bm->line)
				break;
			memcpy(bm->line + o, line.p + i + 1, tn);
			o += tn;
			i += k;
		} else {
			bm->line[o++] = line.p[i++];
		}
	}
	return span_make(bm->line, o);
}

/* bm_continues - would line go on with the pending paragraph or entry
 * (else the caller flushes before the line's own event) */
bool bm_continues(const struct bounce_mailq *bm, struct span line)
{
	bool lead_blank;
	struct span cur = unquote(line, &lead_blank);
	if (!cur.n) /* one blank line may sit inside a paragraph (bm_line) */
		return bm->kind == BM_PARAGRAPH && !bm->gap;
	if (bm->kind == BM_DSN)
		return bm_dsn_continues(bm, cur, lead_blank);
	if (bm->kind == BM_PARAGRAPH)
		return lead_blank || reply_goes_on(bm, cur);
	if (bm->kind != BM_ENTRY)
		return false;
	if (bm->reason_open || cur.p[0] == '(')
		return true;
	return lead_blank && span_chr(cur, ' ') < 0 && span_chr(cur, '\t') < 0;
}

/* bm_line - one line with no syslog prefix */
void bm_line(struct bounce_mailq *bm, struct span line, uint64_t lineno, struct stamp ts,
	     bm_emit_fn emit, void *ctx)
{
	bool lead_blank;
	struct span cur = unquote(delink(bm, line), &lead_blank);
	if (bm_dsn_line(bm, cur, lead_blank, lineno, ts, emit, ctx))
		return;
	if (!cur.n) {
		/* a blank line ends either; a paragraph may go on after one
		 * when the paste doubled its line ends (a markdown editor) */
		if (bm->kind == BM_PARAGRAPH && !bm->gap) {
			bm->gap = true;
			return;
		}
		bm_flush(bm, emit, ctx);
		return;
	}
	bm->gap = false;
	if (bm->kind == BM_PARAGRAPH && (lead_blank || reply_goes_on(bm, cur))) {
		bm_text_add(bm, cur);
		return;
	}
	if (bm->kind == BM_ENTRY && entry_line(bm, cur, lead_blank))
		return;
	bm_flush(bm, emit, ctx);
	heading(bm, cur);
	bm->lineno = lineno;
	bm->ts = ts;
	/* a reason alone may come indented (a code block of a forum) */
	struct span lead = cur;
	while (lead.n && blank(lead.p[0]))
		lead = span_skip(lead, 1);
	if (bm_reply_line(bm, lead)) {
		/* a refusal of smtpd pasted alone: one line (bounce_reply.c) */
	} else if (cur.p[0] == '<') {
		paragraph_start(bm, cur);
	} else if (lone_reason(unparen(lead))) {
		/* a reason pasted without its recipient: one failure of "<>",
		 * as mailq's reason listed without its recipients; in the
		 * parentheses of its status line too */
		bm->rcpt[0] = bm->orig[0] = 0;
		bm->lone = true;
		bm->text_n = 0;
		bm_text_add(bm, span_trim(unparen(cur)));
		bm->kind = BM_PARAGRAPH;
	} else if (host_word_cut(lead)) {
		/* the same, its "host" left on the report's line above */
		bm->rcpt[0] = bm->orig[0] = 0;
		bm->lone = true;
		bm->text_n = 0;
		bm_text_add(bm, SPAN_LIT("host"));
		bm_text_add(bm, span_trim(cur));
		bm->kind = BM_PARAGRAPH;
	} else if (cur.p[0] >= '0' && cur.p[0] <= 'z') {
		entry_start(bm, cur);
	}
}
