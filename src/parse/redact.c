/*
 * redact.c - the SASL secrets in log text, found by the shape of the
 * line and the state of the SMTP conversation (see redact.h).
 *
 * Where secrets are:
 *
 *   client text (smtpd "< PEER: T" and TLS "Read N chars: T", the smtp
 *   client's "> PEER: T" and "Write N chars: T", pipelined input in
 *   "improper command pipelining after S from PEER: T" and postscreen's
 *   PREGREET / COMMAND PIPELINING / NON-SMTP COMMAND, "warning: non-SMTP
 *   command from PEER: T"), one command per segment (TLS debug joins
 *   them with "??", escape() with "\r\n"):
 *       AUTH MECH INITIAL-RESPONSE      the initial response
 *       any line after AUTH or a 334    the whole line ("*" cancels)
 *       a lone base64 word while the state is unknown (a log or a
 *       --since window that begins inside an AUTH exchange)
 *   Postfix's SASL debug lines ("xsasl_...: ...", "smtp_sasl_...: ..."):
 *       ", init_response X", "decoded initial response X",
 *       "decoded response: X", "uncoded initial reply: X",
 *       "uncoded client response X", "..._get_passwd: X", "pass `X'"
 *   Dovecot's: "(given password: X)", "resp=X", "client in: CONT ... X".
 *
 * Server text only moves the state: "334 B64" opens (or goes on with)
 * an exchange and names its prompt, any other reply code closes it.
 */
#include "redact.h"
#include "../util/base64.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { RQ_NONE, RQ_USER, RQ_PASS, RQ_OTHER };
enum role { ROLE_PEER, ROLE_US, ROLE_EITHER };  /* who the client is */

#define USER_SHOWN_MAX 64

/* redact_init - a conversation seen from its start, or joined mid-way */
void redact_init(struct redact *st, bool at_start)
{
	memset(st, 0, sizeof *st);
	st->phase = at_start ? RP_SMTP : RP_UNKNOWN;
}

/* mask_clear - no hits yet */
static void mask_clear(struct redact_mask *m)
{
	m->n = 0;
	m->overflow = false;
}

/* add_hit - record a secret range; past the room, the last hit grows to
 * the end of the text (end) so that nothing after it is printed */
static void add_hit(struct redact_mask *m, const char *end, struct span s, int kind, bool cut,
		    const char *mech)
{
	if (m->n == REDACT_MAX_HITS) {
		struct redact_hit *h = &m->hit[m->n - 1];
		if (!h->n)
			h->p = s.p;
		h->n = (uint32_t)(end - h->p);
		h->kind = RK_TEXT;
		m->overflow = true;
		return;
	}
	struct redact_hit *h = &m->hit[m->n++];
	memset(h, 0, sizeof *h);
	h->p = s.p;
	h->n = (uint32_t)s.n;
	h->kind = (uint8_t)kind;
	h->cut = cut;
	if (mech)
		snprintf(h->mech, sizeof h->mech, "%s", mech);
}

/* next_segment - the next command or reply of a text that may hold
 * several: TLS debug shows CR LF as "??", escape() as "\r\n" */
static bool next_segment(struct span *cur, struct span *seg)
{
	if (!cur->n)
		return false;
	const char *p = cur->p, *end = p + cur->n;
	for (const char *q = p; q < end; q++) {
		size_t sep = 0;
		if (*q == '\r' || *q == '\n')
			sep = q + 1 < end && q[0] == '\r' && q[1] == '\n' ? 2 : 1;
		else if (*q == '?' && q + 1 < end && q[1] == '?')
			sep = 2;
		else if (*q == '\\' && q + 1 < end && (q[1] == 'r' || q[1] == 'n'))
			sep = q + 3 < end && q[1] == 'r' && q[2] == '\\' && q[3] == 'n' ? 4 : 2;
		if (sep) {
			*seg = span_make(p, (size_t)(q - p));
			*cur = span_make(q + sep, (size_t)(end - q - sep));
			return true;
		}
	}
	*seg = *cur;
	*cur = span_make(end, 0);
	return true;
}

/* upper - ASCII upper case */
static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

/* word_is - the first word of t is w (case-insensitive) */
static bool word_is(struct span t, const char *w)
{
	size_t n = strlen(w);
	if (t.n < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (upper(t.p[i]) != w[i])
			return false;
	return t.n == n || t.p[n] == ' ' || t.p[n] == '\t';
}

/* is_verb - an SMTP command word, alone (they are all base64 letters) */
static bool is_verb(struct span t)
{
	static const char *const verbs[] = {"HELO", "EHLO", "LHLO", "MAIL", "RCPT", "DATA", "BDAT",
					    "RSET", "NOOP", "QUIT", "VRFY", "EXPN", "HELP", "ETRN",
					    "TURN", "ATRN", "STARTTLS", "AUTH", "XCLIENT",
					    "XFORWARD", NULL};
	for (int i = 0; verbs[i]; i++)
		if (word_is(t, verbs[i]))
			return true;
	return false;
}

/* lone_b64 - one word of base64, as a SASL answer is */
static bool lone_b64(struct span t)
{
	if (t.n < 4)
		return false;
	for (size_t i = 0; i < t.n; i++)
		if (!base64_char((unsigned char)t.p[i]))
			return false;
	return true;
}

/* looks_reply - "ddd", "ddd text" or "ddd-text": a server reply */
static bool looks_reply(struct span t)
{
	if (t.n < 3 || !span_digits(span_head(t, 3)))
		return false;
	return t.n == 3 || t.p[3] == ' ' || t.p[3] == '-';
}

/* decoded_starts - the base64 text decodes to something that begins
 * with word (case-insensitive) */
static bool decoded_starts(struct span b64, const char *word)
{
	unsigned char dec[32];
	bool trunc;
	size_t n = base64_decode(b64, dec, sizeof dec, &trunc);
	size_t k = strlen(word);
	if (n < k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (upper((char)dec[i]) != word[i])
			return false;
	return true;
}

/* server_segment - a reply: 334 names the next answer, others end AUTH */
static void server_segment(struct redact *st, struct span seg)
{
	if (!looks_reply(seg))
		return;
	if (!span_starts(seg, "334")) {
		st->phase = RP_SMTP;
		st->prompt = RQ_NONE;
		return;
	}
	struct span arg = span_trim(span_skip(seg, 4));
	st->phase = RP_AUTH;
	st->prompt = decoded_starts(arg, "USERNAME") ? RQ_USER
		     : decoded_starts(arg, "PASSWORD") ? RQ_PASS
						       : RQ_OTHER;
}

/* auth_command - "AUTH MECH [initial response]" */
static void auth_command(struct redact *st, struct span seg, bool cut, const char *end,
			 struct redact_mask *m)
{
	struct span rest = span_skip(seg, 4);
	while (rest.n && (rest.p[0] == ' ' || rest.p[0] == '\t'))
		rest = span_skip(rest, 1);
	size_t k = 0;
	while (k < rest.n && rest.p[k] != ' ' && rest.p[k] != '\t' && rest.p[k] != '?')
		k++;
	char mech[16];
	size_t mn = k < sizeof mech - 1 ? k : sizeof mech - 1;
	for (size_t i = 0; i < mn; i++)
		mech[i] = upper(rest.p[i]);
	mech[mn] = 0;
	struct span ir = span_skip(rest, k);
	while (ir.n && (ir.p[0] == ' ' || ir.p[0] == '\t'))
		ir = span_skip(ir, 1);
	while (ir.n && (ir.p[ir.n - 1] == ' ' || ir.p[ir.n - 1] == '\t'))
		ir.n--;
	if (span_eqs(ir, "=")) /* RFC 4954: an empty initial response */
		ir = span_make(ir.p, 0);
	if (!ir.n)
		ir = span_make(rest.p + k, 0);
	add_hit(m, end, ir, RK_AUTH, cut && ir.n, mech);
	/* an answer only follows a 334, but a client that does not wait
	 * (pipelined input) sends it at once: inside AUTH, unless PLAIN's
	 * initial response already said everything */
	st->phase = ir.n && !strcmp(mech, "PLAIN") ? RP_SMTP : RP_AUTH;
	st->prompt = RQ_NONE;
	st->answers = ir.n ? 1 : 0;
	memcpy(st->mech, mech, sizeof mech);
}

/* client_segment - one line the client sent */
static void client_segment(struct redact *st, struct span seg, bool cut, const char *end,
			   struct redact_mask *m)
{
	while (seg.n && (seg.p[seg.n - 1] == ' ' || seg.p[seg.n - 1] == '\t'))
		seg.n--;
	if (!seg.n)
		return;
	if (word_is(seg, "AUTH")) {
		auth_command(st, seg, cut, end, m);
		return;
	}
	if (st->phase == RP_AUTH) {
		if (span_eqs(seg, "*")) { /* the client cancels */
			st->phase = RP_SMTP;
			st->prompt = RQ_NONE;
			return;
		}
		int kind = st->prompt == RQ_USER ? RK_USER : st->prompt == RQ_PASS ? RK_PASS
											: RK_RESPONSE;
		/* LOGIN without readable prompts: the username comes first */
		if (kind == RK_RESPONSE && !strcmp(st->mech, "LOGIN"))
			kind = st->answers ? RK_PASS : RK_USER;
		add_hit(m, end, seg, kind, cut, st->mech);
		if (st->answers < 255)
			st->answers++;
		return;
	}
	if (st->phase == RP_UNKNOWN) {
		if (is_verb(seg))
			st->phase = RP_SMTP;
		else if (lone_b64(seg))
			add_hit(m, end, seg, RK_GUESS, cut, NULL);
	}
}

/* conv - one text of the conversation; in: Postfix received it */
static void conv(struct redact *st, enum role role, bool in, struct span body, bool cut,
		 const char *end, struct redact_mask *m)
{
	struct span cur = body, seg;
	while (next_segment(&cur, &seg)) {
		bool last = cur.n == 0;
		bool client = role == ROLE_EITHER ? !looks_reply(seg) : (role == ROLE_PEER) == in;
		if (client)
			client_segment(st, seg, cut && last, end, m);
		else
			server_segment(st, seg);
	}
}

/* role_of - smtp and lmtp are the client; tlsproxy can be either side */
static enum role role_of(struct span daemon)
{
	if (span_eqs(daemon, "smtp") || span_eqs(daemon, "lmtp"))
		return ROLE_US;
	if (span_eqs(daemon, "tlsproxy"))
		return ROLE_EITHER;
	return ROLE_PEER;
}

/* after_peer - the text after "PEER: " (PEER is name[addr][:port], an
 * address:port or a service name; an IPv6 address holds no ": ") */
static bool after_peer(struct span t, struct span *body)
{
	ptrdiff_t k = span_index(t, ": ");
	if (k < 0)
		return false;
	*body = span_skip(t, (size_t)k + 2);
	return true;
}

/* pipelined_at - client text logged after a command: the state is
 * inside AUTH when the command was AUTH */
static void pipelined_at(struct span stage, struct span text, const char *end,
			 struct redact_mask *m)
{
	struct redact st;
	redact_init(&st, true);
	if (word_is(stage, "AUTH"))
		st.phase = RP_AUTH;
	conv(&st, ROLE_PEER, true, text, false, end, m);
}

/* tls_rw - "Read N chars: T" / "Write N chars: T" */
static bool tls_rw(struct redact *st, enum role role, struct span t, const char *end,
		   struct redact_mask *m)
{
	bool in = span_eat(&t, "Read ");
	if (!in && !span_eat(&t, "Write "))
		return false;
	ptrdiff_t k = span_index(t, " chars:");
	uint64_t n = 0;
	if (k <= 0 || !span_u64(span_head(t, (size_t)k), &n))
		return false;
	struct span body = span_skip(t, (size_t)k + 7);
	span_eat(&body, " ");
	conv(st, role, in, body, n > body.n, end, m);
	return true;
}

/* smtpd_info - the smtpd and postscreen lines that quote client input */
static void smtpd_info(struct span t, const char *end, struct redact_mask *m)
{
	struct span stage, body;
	if (span_eat(&t, "improper command pipelining after ")) {
		ptrdiff_t k = span_index(t, " from ");
		if (k < 0 || !after_peer(span_skip(t, (size_t)k), &body))
			return;
		pipelined_at(span_head(t, (size_t)k), body, end, m);
		return;
	}
	/* postscreen: "COMMAND PIPELINING from [A]:P after STAGE: T",
	 * "NON-SMTP COMMAND from [A]:P after STAGE: T", "PREGREET N after T
	 * from [A]:P: T" (before the greeting: no stage) */
	if (span_eat(&t, "COMMAND PIPELINING from ") || span_eat(&t, "NON-SMTP COMMAND from ")) {
		ptrdiff_t k = span_index(t, " after ");
		if (k < 0)
			return;
		t = span_skip(t, (size_t)k + 7);
		ptrdiff_t c = span_index(t, ": ");
		if (c < 0)
			return;
		stage = span_head(t, (size_t)c);
		pipelined_at(stage, span_skip(t, (size_t)c + 2), end, m);
		return;
	}
	if (span_eat(&t, "PREGREET ")) {
		ptrdiff_t k = span_index(t, " from ");
		if (k < 0)
			return;
		t = span_skip(t, (size_t)k + 6);
		ptrdiff_t c = span_index(t, ": ");
		if (c >= 0)
			pipelined_at(SPAN_NULL, span_skip(t, (size_t)c + 2), end, m);
	}
}

/* ident_prefix - "lowercase_identifier: " at the start (Postfix's
 * msg_verbose convention); its length, 0 if none */
static size_t ident_prefix(struct span t)
{
	size_t i = 0;
	while (i < t.n && ((t.p[i] >= 'a' && t.p[i] <= 'z') || (t.p[i] >= '0' && t.p[i] <= '9') ||
			   t.p[i] == '_'))
		i++;
	return i && i + 1 < t.n && t.p[i] == ':' && t.p[i + 1] == ' ' ? i : 0;
}

/* sasl_debug - Postfix's SASL debug lines that hold credentials */
static void sasl_debug(struct span t, const char *end, struct redact_mask *m)
{
	size_t k = ident_prefix(t);
	if (!k || span_index(span_head(t, k), "sasl") < 0)
		return;
	struct span name = span_head(t, k), rest = span_skip(t, k + 2);
	if (span_ends(name, "_get_passwd")) {
		add_hit(m, end, rest, RK_TEXT, false, NULL);
		return;
	}
	static const char *const marks[] = {", init_response ", "decoded initial response ",
					    "decoded response: ", "uncoded initial reply: ",
					    "uncoded client response ", NULL};
	for (int i = 0; marks[i]; i++) {
		ptrdiff_t at = span_index(rest, marks[i]);
		if (at >= 0) {
			add_hit(m, end, span_skip(rest, (size_t)at + strlen(marks[i])), RK_TEXT, false,
				NULL);
			return;
		}
	}
	/* smtp_sasl_passwd_lookup: host `H' user `U' pass `P' */
	ptrdiff_t at = span_index(rest, " pass `");
	if (at >= 0) {
		struct span pw = span_skip(rest, (size_t)at + 7);
		if (pw.n && pw.p[pw.n - 1] == '\'')
			pw.n--;
		add_hit(m, end, pw, RK_TEXT, false, NULL);
	}
}

/* b64_run - the base64 characters at the start of t */
static struct span b64_run(struct span t)
{
	size_t i = 0;
	while (i < t.n && base64_char((unsigned char)t.p[i]))
		i++;
	return span_head(t, i);
}

/* other_program - Dovecot's auth debug and auth_verbose_passwords lines */
static void other_program(struct span t, const char *end, struct redact_mask *m)
{
	ptrdiff_t at = span_index(t, "given password: ");
	if (at >= 0) {
		struct span pw = span_skip(t, (size_t)at + 16);
		const char *rp = NULL;
		for (size_t i = pw.n; i > 0 && !rp; i--)
			if (pw.p[i - 1] == ')')
				rp = pw.p + i - 1;
		if (rp)
			pw.n = (size_t)(rp - pw.p);
		add_hit(m, end, pw, RK_TEXT, false, NULL);
		return;
	}
	at = span_index(t, "resp=");
	if (at >= 0) {
		struct span r = b64_run(span_skip(t, (size_t)at + 5));
		if (r.n)
			add_hit(m, end, r, RK_TEXT, false, NULL);
	}
	if (span_index(t, "client in: CONT") >= 0) {
		size_t i = t.n;
		while (i > 0 && base64_char((unsigned char)t.p[i - 1]))
			i--;
		/* rsyslog writes the tab before it as "#011" */
		if (i > 0 && t.p[i - 1] == '#' && span_starts(span_skip(t, i), "011"))
			i += 3;
		if (i < t.n)
			add_hit(m, end, span_skip(t, i), RK_TEXT, false, NULL);
	}
}

/* redact_msg - the secrets of one log message; st follows its process */
void redact_msg(struct redact *st, const struct logline *l, struct redact_mask *m)
{
	mask_clear(m);
	struct span t = l->text, body;
	if (!t.n)
		return;
	const char *end = t.p + t.n;
	if (!l->postfix) {
		other_program(t, end, m);
		if (m->n)
			return;
		/* a Postfix under a tag not known as Postfix's: its shapes
		 * are looked for all the same */
	}
	if (l->severity.n) {
		if (span_eat(&t, "non-SMTP command from ") && after_peer(t, &body))
			pipelined_at(SPAN_NULL, body, end, m);
		return;
	}
	switch (t.p[0]) {
	case '<':
	case '>':
		if (t.n > 2 && t.p[1] == ' ' && after_peer(span_skip(t, 2), &body))
			conv(st, role_of(l->daemon), t.p[0] == '<', body, false, end, m);
		return;
	case 'R':
	case 'W':
		if (tls_rw(st, role_of(l->daemon), t, end, m))
			return;
		break;
	case 'c':
	case 'd':
		if (span_starts(t, "connect from ") || span_starts(t, "disconnect from ")) {
			redact_init(st, true);
			return;
		}
		break;
	case 'i':
	case 'C':
	case 'N':
	case 'P':
		smtpd_info(t, end, m);
		if (m->n)
			return;
		break;
	default:
		break;
	}
	sasl_debug(t, end, m);
}

/* redact_dialogue - one kept dialogue line (client: the client sent it) */
void redact_dialogue(struct redact *st, bool client, bool cut, struct span text,
		     struct redact_mask *m)
{
	mask_clear(m);
	conv(st, ROLE_PEER, client, text, cut, text.p + text.n, m);
}

/* redact_client_text - client input quoted after a command (stage),
 * such as the text of an improper pipelining line */
void redact_client_text(struct span stage, struct span text, struct redact_mask *m)
{
	mask_clear(m);
	pipelined_at(stage, text, text.p + text.n, m);
}

/* overlaps - do the hit and the span share a byte */
static bool overlaps(const struct redact_hit *h, struct span s)
{
	uintptr_t hs = (uintptr_t)h->p, he = hs + h->n, ss = (uintptr_t)s.p, se = ss + s.n;
	return h->n && hs < se && ss < he;
}

/* redact_touches - would printing s show a secret */
bool redact_touches(const struct redact_mask *m, struct span s)
{
	if (!m || !s.p)
		return false;
	for (unsigned i = 0; i < m->n; i++)
		if (overlaps(&m->hit[i], s))
			return true;
	return false;
}

/* hit_user - the username a hit shows, if the protocol says it holds one */
static bool hit_user(const struct redact_hit *h, char *out, size_t cap)
{
	bool plain = !strcmp(h->mech, "PLAIN");
	bool login_user = h->kind == RK_USER || (h->kind == RK_AUTH && !strcmp(h->mech, "LOGIN"));
	if (!(plain && (h->kind == RK_AUTH || h->kind == RK_RESPONSE)) && !login_user)
		return false;
	unsigned char dec[400];
	bool trunc;
	size_t n = base64_decode(span_make(h->p, h->n), dec, sizeof dec, &trunc);
	const unsigned char *u = dec;
	size_t un = n;
	if (plain) { /* authzid NUL authcid NUL password: the authcid, if whole */
		const unsigned char *z1 = memchr(dec, 0, n);
		if (!z1)
			return false;
		u = z1 + 1;
		const unsigned char *z2 = memchr(u, 0, n - (size_t)(u - dec));
		if (!z2)
			return false;
		un = (size_t)(z2 - u);
	} else if (trunc || h->cut || memchr(dec, 0, n)) {
		return false;
	}
	if (!un)
		return false;
	if (un > USER_SHOWN_MAX)
		un = USER_SHOWN_MAX;
	if (un >= cap)
		un = cap - 1;
	memcpy(out, u, un);
	out[un] = 0;
	return true;
}

/* placeholder - what is printed in place of a hit */
static void placeholder(struct buf *out, const struct redact_hit *h)
{
	char user[USER_SHOWN_MAX + 1];
	buf_printf(out, "<redacted: %u bytes", (unsigned)h->n);
	if (h->cut)
		buf_puts(out, ", cut");
	if (hit_user(h, user, sizeof user)) {
		buf_puts(out, "; user \"");
		buf_puts(out, user);
		buf_putc(out, '"');
	}
	buf_putc(out, '>');
}

/* redact_put - s with every hit inside it replaced by its placeholder */
void redact_put(struct buf *out, struct span s, const struct redact_mask *m)
{
	uintptr_t p = (uintptr_t)s.p, end = p + s.n;
	while (p < end) {
		/* the first hit that ends after p (hits need not be sorted) */
		const struct redact_hit *best = NULL;
		for (unsigned i = 0; m && i < m->n; i++) {
			const struct redact_hit *h = &m->hit[i];
			uintptr_t hs = (uintptr_t)h->p, he = hs + h->n;
			if (h->n && he > p && hs < end && (!best || hs < (uintptr_t)best->p))
				best = h;
		}
		if (!best)
			break;
		uintptr_t hs = (uintptr_t)best->p, he = hs + best->n;
		if (hs > p)
			buf_put(out, s.p + (p - (uintptr_t)s.p), hs - p);
		placeholder(out, best);
		p = he < end ? he : end;
	}
	if (end > p)
		buf_put(out, s.p + (p - (uintptr_t)s.p), end - p);
}

/* redact_line - the line l as shown to the reader, secrets (m, may be
 * NULL) replaced: a journal entry (journalctl -o json, or an entry over
 * several lines gathered as one) as its time, host, program and message,
 * its other fields saying nothing to the reader and its message maybe
 * escaped in the JSON; any other line as it is */
void redact_line(struct buf *out, const struct logline *l, const struct redact_mask *m)
{
	if (l->format != FMT_JOURNAL) {
		redact_put(out, l->raw, m);
		return;
	}
	buf_stamp(out, l->ts);
	buf_putc(out, ' ');
	buf_putspan(out, l->host);
	buf_putc(out, ' ');
	buf_putspan(out, l->prog);
	if (l->pid >= 0)
		buf_printf(out, "[%lld]", (long long)l->pid);
	buf_puts(out, ": ");
	redact_put(out, l->text, m);
}

/* redact_json - s as a JSON string, secrets replaced */
void redact_json(struct buf *out, struct span s, const struct redact_mask *m)
{
	if (!redact_touches(m, s)) {
		buf_json(out, s);
		return;
	}
	struct buf t = {0};
	redact_put(&t, s, m);
	buf_json(out, buf_span(&t));
	buf_free(&t);
}

/* redact_term - s made printable for a terminal, secrets replaced */
void redact_term(struct buf *out, struct span s, const struct redact_mask *m)
{
	if (!redact_touches(m, s)) {
		buf_term(out, s);
		return;
	}
	struct buf t = {0};
	redact_put(&t, s, m);
	buf_term(out, buf_span(&t));
	buf_free(&t);
}

/* ---- per-process states ------------------------------------------------ */

#define TABLE_SLOTS 4096

struct redact_table {
	struct slot {
		uint64_t key;       /* hash of host and pid; 0: empty */
		struct redact st;
	} slot[TABLE_SLOTS];
};

/* redact_table_new - empty */
struct redact_table *redact_table_new(void)
{
	return xcalloc(1, sizeof(struct redact_table));
}

/* redact_table_get - the state of (host, pid).  A slot taken by another
 * process starts over as unknown: the lone-base64 rule still hides the
 * answers of an exchange whose beginning was forgotten. */
struct redact *redact_table_get(struct redact_table *t, struct span host, int64_t pid)
{
	uint64_t key = span_hash_seed(host, (uint64_t)pid * 0x9E3779B97F4A7C15ULL + 1) | 1;
	struct slot *s = &t->slot[(key >> 20) % TABLE_SLOTS];
	if (s->key != key) {
		s->key = key;
		redact_init(&s->st, false);
	}
	return &s->st;
}

/* redact_table_free - everything */
void redact_table_free(struct redact_table *t)
{
	free(t);
}
