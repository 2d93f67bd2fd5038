/*
 * verbose.c - verbose (-v, debug_peer_list) and TLS-debug
 * (*_tls_loglevel >= 2) chatter of any Postfix daemon.
 *
 * Called for every Postfix line before the program parser; it claims a
 * line only when the line is one of:
 *
 *   < NAMADDR: TEXT          EV_SMTP_IN   what Postfix received
 *   > NAMADDR: TEXT          EV_SMTP_OUT  what Postfix sent
 *   Read N chars: TEXT       EV_TLS_READ  (count = N, command = TEXT)
 *   Write N chars: TEXT      EV_TLS_WRITE
 *   everything else below    EV_NOISE
 *
 * For smtpd (and any daemon but smtp/lmtp) "<" lines carry the client's
 * command (ev->command) and ">" lines the server's reply (ev->code, dsn,
 * reason); the peer is the client (client_*).  For the smtp/lmtp client
 * the roles swap: "<" is the remote server's reply, ">" our command, and
 * the peer goes to relay_*.  TLS debug text is cut by Postfix at 40
 * characters and non-printable bytes show as '?': a complete text that
 * ends in "??" (CR LF) has them removed; a cut text is kept as it is.
 *
 * Noise: SSL_accept:/SSL_connect: state lines, SSL3 alerts, BIO
 * "read from/write to HEX [HEX]" lines and their hex dumps, attribute
 * protocol traces (send attr, input attribute, X: wanted attribute:),
 * "connect to subsystem", Berkeley DB versions, "process generation:",
 * "connection established/closed", "X stream disconnect", smtpd_check
 * ">>> ... <<<" banners, and the general rule: a line that starts with a
 * lowercase C identifier holding '_' followed by ": " or " = " (the
 * "myname: ..." convention of Postfix's msg_verbose logging).
 * Lines with a severity (warning:, error: ...) are never claimed: real
 * warnings also start with function names ("warning: valid_hostname: ...").
 */
#include "common.h"

/* byte classes, one table lookup per byte in the loops below */
enum { C_LHEX = 1, C_UHEX = 2, C_IDENT = 4, C_PATH = 8, C_UNDER = 16 };
static const unsigned char cls[256] = {
#define D (C_LHEX | C_UHEX | C_IDENT | C_PATH)
#define L (C_LHEX | C_IDENT | C_PATH)
#define W (C_IDENT | C_PATH)
    ['0'] = D, ['1'] = D, ['2'] = D, ['3'] = D, ['4'] = D, ['5'] = D, ['6'] = D, ['7'] = D,
    ['8'] = D, ['9'] = D,
    ['a'] = L, ['b'] = L, ['c'] = L, ['d'] = L, ['e'] = L, ['f'] = L, ['g'] = W, ['h'] = W,
    ['i'] = W, ['j'] = W, ['k'] = W, ['l'] = W, ['m'] = W, ['n'] = W, ['o'] = W, ['p'] = W,
    ['q'] = W, ['r'] = W, ['s'] = W, ['t'] = W, ['u'] = W, ['v'] = W, ['w'] = W, ['x'] = W,
    ['y'] = W, ['z'] = W,
    ['A'] = C_UHEX, ['B'] = C_UHEX, ['C'] = C_UHEX, ['D'] = C_UHEX, ['E'] = C_UHEX, ['F'] = C_UHEX,
    ['_'] = W | C_UNDER, ['/'] = C_PATH, ['-'] = C_PATH, ['.'] = C_PATH,
#undef D
#undef L
#undef W
};

/* is_lhex - lowercase hex digit, as %lx prints */
static inline bool is_lhex(char c)
{
	return cls[(unsigned char)c] & C_LHEX;
}

/* is_uhex - uppercase hex digit, as %lX prints */
static inline bool is_uhex(char c)
{
	return cls[(unsigned char)c] & C_UHEX;
}

/* rtrim - strip trailing blanks (pasted logs often carry them) */
static struct span rtrim(struct span s)
{
	while (s.n && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == '\t' || s.p[s.n - 1] == '\r'))
		s.n--;
	return s;
}

/* take_peer - "NAME[ADDR][:PORT]: " at the start of *t */
static bool take_peer(struct span *t, struct span *name, struct span *ip, struct span *port)
{
	ptrdiff_t rb = span_chr(*t, ']');
	if (rb < 0)
		return false;
	size_t end = (size_t)rb + 1;
	if (end + 1 < t->n && t->p[end] == ':' && t->p[end + 1] != ' ') {
		size_t k = end + 1;
		while (k < t->n && t->p[k] >= '0' && t->p[k] <= '9')
			k++;
		end = k;
	}
	if (end >= t->n || t->p[end] != ':' || (end + 1 < t->n && t->p[end + 1] != ' '))
		return false;
	if (!pc_namaddr(span_head(*t, end), name, ip, port))
		return false;
	*t = span_skip(*t, end + 2);
	return true;
}

/* parse_dialogue - "< NAMADDR: TEXT" or "> NAMADDR: TEXT" */
static bool parse_dialogue(const struct logline *l, struct span t, struct event *ev)
{
	if (t.n < 3 || t.p[1] != ' ')
		return false;
	bool in = t.p[0] == '<';
	t = span_skip(t, 2);
	struct span name, ip, port;
	if (!take_peer(&t, &name, &ip, &port)) {
		/* smtpd_proxy "< 127.0.0.1:10025: 250 ..." and the like */
		if (span_index(t, ": ") < 0)
			return false;
		ev->type = EV_NOISE;
		ev->text = l->text;
		return true;
	}
	t = rtrim(t);
	bool client_role = span_eqs(l->daemon, "smtp") || span_eqs(l->daemon, "lmtp");
	if (client_role) {
		ev->relay_name = name;
		ev->relay_ip = ip;
		ev->relay_port = port;
	} else {
		ev->client_name = name;
		ev->client_ip = ip;
		ev->client_port = port;
	}
	ev->type = in ? EV_SMTP_IN : EV_SMTP_OUT;
	bool is_reply = client_role ? in : !in;
	struct span code, dsn, text;
	if (is_reply && pc_reply(t, &code, &dsn, &text)) {
		ev->code = code;
		ev->dsn = dsn;
		ev->reason = text;
	} else if (is_reply) {
		ev->reason = t;
	} else {
		ev->command = t;
	}
	return true;
}

/* parse_tls_rw - "Read N chars: TEXT" / "Write N chars: TEXT" */
static bool parse_tls_rw(struct span t, struct event *ev)
{
	enum ev_type type;
	if (span_eat(&t, "Read "))
		type = EV_TLS_READ;
	else if (span_eat(&t, "Write "))
		type = EV_TLS_WRITE;
	else
		return false;
	ptrdiff_t sp = span_index(t, " chars:");
	uint64_t n;
	if (sp <= 0 || !span_u64(span_head(t, (size_t)sp), &n))
		return false;
	t = span_skip(t, (size_t)sp + 7);
	span_eat(&t, " ");
	/* complete (not cut at 40) and ending in CR LF shown as "??" */
	if (t.n == n && span_ends(t, "??"))
		t.n -= 2;
	ev->type = type;
	ev->count = pc_count(n);
	ev->command = t;
	return true;
}

/* ev_tls_cut - Postfix shows at most 40 of the N characters: was the
 * text of this Read/Write record cut short */
bool ev_tls_cut(const struct event *ev)
{
	if ((ev->type != EV_TLS_READ && ev->type != EV_TLS_WRITE) || !ev->line || !ev->command.p)
		return false;
	struct span t = ev->line->text;
	if (ev->command.p < t.p || ev->command.p > t.p + t.n)
		return false;
	size_t shown = (size_t)(t.p + t.n - ev->command.p);
	return ev->count > 0 && (uint64_t)ev->count > shown;
}

/* is_hexdump - "0000 16 03 01 02 ..." or "0128 - <SPACES/NULLS>" */
static inline bool is_hexdump(struct span t)
{
	size_t i = 0;
	while (i < t.n && i < 9 && is_lhex(t.p[i]))
		i++;
	if (i < 4 || i > 8 || i >= t.n || t.p[i] != ' ')
		return false;
	struct span r = span_skip(t, i + 1);
	if (span_starts(r, "- <SPACES/NULLS>"))
		return true;
	return r.n >= 3 && is_lhex(r.p[0]) && is_lhex(r.p[1]) && (r.p[2] == ' ' || r.p[2] == '|');
}

/* is_bio_trace - "read from 7FD6... [7FD6...] (11 bytes => ...)", "write to ..." */
static bool is_bio_trace(struct span t)
{
	if (!span_eat(&t, "read from ") && !span_eat(&t, "write to "))
		return false;
	size_t i = 0;
	while (i < t.n && is_uhex(t.p[i]))
		i++;
	return i > 0 && span_starts(span_skip(t, i), " [");
}

/*
 * is_ident_prefix - a lowercase C identifier holding '_' (or a known
 * function without one) followed by ": ", ":" at the end, or " = ".
 */
static bool is_ident_prefix(struct span t)
{
	size_t i = 0;
	unsigned seen = 0, c;
	if (!t.n || !(t.p[0] >= 'a' && t.p[0] <= 'z'))
		return false;
	/* the classes of the identifier's bytes OR-ed: C_UNDER when a '_' */
	while (i < t.n && ((c = cls[(unsigned char)t.p[i]]) & C_IDENT)) {
		seen |= c;
		i++;
	}
	if (!(seen & C_UNDER)) {
		struct span w = span_head(t, i);
		if (!span_eqs(w, "fsspace") && !span_eqs(w, "mynetworks"))
			return false;
	}
	struct span r = span_skip(t, i);
	return span_starts(r, ": ") || span_eqs(r, ":") || span_starts(r, " = ");
}

/* is_wanted_attr - "private/anvil: wanted attribute: X", "P socket: wanted attribute: X" */
static bool is_wanted_attr(struct span t)
{
	size_t i = 0;
	while (i < t.n && (cls[(unsigned char)t.p[i]] & C_PATH))
		i++;
	if (i == 0)
		return false;
	struct span r = span_skip(t, i);
	span_eat(&r, " socket");
	return span_starts(r, ": wanted attribute: ");
}

/* is_lower_noise - the forms that begin with a lowercase letter.
 * Dispatched on the first byte so that each literal is compared inline. */
static bool is_lower_noise(struct span t)
{
	if (is_ident_prefix(t))
		return true;
	struct span tt = rtrim(t);
	switch (t.p[0]) {
	case 'a':
		if (span_starts(t, "after input_transp_cleanup: "))
			return true;
		break;
	case 'b':
		if (span_starts(t, "before input_transp_cleanup: "))
			return true;
		break;
	case 'c':
		if (span_starts(t, "connect to subsystem ") ||
		    span_starts(t, "connection established") || span_starts(t, "connection closed"))
			return true;
		break;
	case 'd':
		/* qmgr: "done %s queue scan" */
		if (span_eqs(tt, "daemon started") ||
		    (span_starts(t, "done ") && span_ends(tt, " queue scan")))
			return true;
		break;
	case 'e':
		if (span_starts(t, "end move queue ") || span_eqs(tt, "end sorted recipient list"))
			return true;
		break;
	case 'i':
		if (span_starts(t, "input attribute ") || span_eqs(tt, "idle timeout -- exiting"))
			return true;
		break;
	case 'm':
		if (span_eqs(tt, "master disconnect -- exiting"))
			return true;
		break;
	case 'o':
		/* tlsmgr.c: "open %s TLS cache %s" as it starts */
		if (span_starts(t, "open ") && span_index(t, " TLS cache ") > 0)
			return true;
		break;
	case 'p':
		if (span_starts(t, "process generation: "))
			return true;
		break;
	case 'q':
		if (span_eqs(tt, "qmgr_enable_all"))
			return true;
		break;
	case 'r':
		/* trigger servers: "request: %d (%c)" */
		if (span_eqs(tt, "request ignored") || span_eqs(tt, "received master trigger") ||
		    (span_starts(t, "request: ") && t.n > 9 && t.p[9] >= '0' && t.p[9] <= '9') ||
		    is_bio_trace(t))
			return true;
		break;
	case 's':
		if (span_starts(t, "send attr ") || span_starts(t, "start move queue ") ||
		    span_starts(t, "starting new SASL client") ||
		    span_eqs(tt, "start sorted recipient list"))
			return true;
		break;
	case 't':
		if (span_eqs(tt, "time to retire -- exiting"))
			return true;
		break;
	case 'w':
		/* qmgr: "wakeup %s after %ld secs" */
		if ((span_starts(t, "wakeup ") && span_ends(tt, " secs") &&
		     span_index(t, " after ") > 0) ||
		    is_bio_trace(t))
			return true;
		break;
	default:
		break;
	}
	if (is_wanted_attr(t))
		return true;
	/* clnt_stream.c: "%s stream disconnect" */
	if (span_ends(tt, " stream disconnect") && span_chr(span_head(tt, tt.n - 18), ' ') < 0)
		return true;
	return false;
}

/* is_noise - every other verbose or TLS-debug form, by its first byte */
static bool is_noise(struct span t)
{
	char c = t.p[0];
	if (is_lhex(c) && is_hexdump(t))
		return true;
	if (c >= 'a' && c <= 'z')
		return is_lower_noise(t);
	if (c == 'S')
		return span_starts(t, "SSL_accept:") || span_starts(t, "SSL_connect:") ||
		       span_starts(t, "SSL3 alert ");
	if (c == 'C')
		return span_starts(t, "Compiled against Berkeley DB");
	if (c == 'R')
		return span_starts(t, "Run-time linked against Berkeley DB");
	if (c == '>')
		return span_starts(t, ">>> "); /* smtpd_check: ">>> START %s RESTRICTIONS <<<" */
	return false;
}

/* the first bytes of the lines that may be verbose: a hex dump's digits,
 * and the bytes verbose_rest looks for ('<', '>', 'R', 'W', 'S', 'C' and
 * every lowercase letter); any other first byte is no verbose line */
enum { F_NO, F_DIGIT, F_REST };
static const unsigned char first_kind[256] = {
    ['0'] = F_DIGIT, ['1'] = F_DIGIT, ['2'] = F_DIGIT, ['3'] = F_DIGIT, ['4'] = F_DIGIT,
    ['5'] = F_DIGIT, ['6'] = F_DIGIT, ['7'] = F_DIGIT, ['8'] = F_DIGIT, ['9'] = F_DIGIT,
    ['<'] = F_REST, ['>'] = F_REST, ['R'] = F_REST, ['W'] = F_REST, ['S'] = F_REST, ['C'] = F_REST,
    ['a'] = F_REST, ['b'] = F_REST, ['c'] = F_REST, ['d'] = F_REST, ['e'] = F_REST, ['f'] = F_REST,
    ['g'] = F_REST, ['h'] = F_REST, ['i'] = F_REST, ['j'] = F_REST, ['k'] = F_REST, ['l'] = F_REST,
    ['m'] = F_REST, ['n'] = F_REST, ['o'] = F_REST, ['p'] = F_REST, ['q'] = F_REST, ['r'] = F_REST,
    ['s'] = F_REST, ['t'] = F_REST, ['u'] = F_REST, ['v'] = F_REST, ['w'] = F_REST, ['x'] = F_REST,
    ['y'] = F_REST, ['z'] = F_REST,
};

/* verbose_rest - parse_verbose's lines that start with a byte of F_REST
 * (apart, so that the lines decided by their first byte alone, most of
 * a log, do not pay for its frame) */
/* dovecot_fail_user - the username of Dovecot's refusal as smtpd's
 * verbose log shows it, "xsasl_dovecot_handle_reply: auth reply:
 * FAIL<TAB>ID<TAB>user=NAME[<TAB>...]", the tab written as syslog or the
 * journal renders it ('?', "#011", a tab); SPAN_NULL otherwise.  Postfix
 * before 3.9-20231008 names no username in its "authentication failed"
 * warning (smtpd_sasl_glue.c): the model gives this one to that warning
 * (sessions.c). */
static struct span dovecot_fail_user(struct span t)
{
	if (!span_eat(&t, "xsasl_dovecot_handle_reply: auth reply: FAIL"))
		return SPAN_NULL;
	for (;;) {
		ptrdiff_t u = span_index(t, "user=");
		if (u < 0)
			return SPAN_NULL;
		char before = u ? t.p[u - 1] : 0;
		bool tab = before == '?' || before == '\t' ||
			   (u >= 4 && !memcmp(t.p + u - 4, "#011", 4));
		t = span_skip(t, (size_t)u + 5);
		if (!tab)
			continue;
		size_t n = 0;
		while (n < t.n && t.p[n] != '?' && t.p[n] != '\t' && t.p[n] != ' ' &&
		       !(t.n - n >= 4 && !memcmp(t.p + n, "#011", 4)))
			n++;
		return n ? span_head(t, n) : SPAN_NULL;
	}
}

static __attribute__((noinline)) bool verbose_rest(const struct logline *l, struct span t,
						     struct event *ev)
{
	/* the everyday smtpd lines are never verbose: decide them at once */
	if (t.p[0] == 'c' || t.p[0] == 'd' || t.p[0] == 'l')
		if (span_starts(t, "connect from ") || span_starts(t, "disconnect from ") ||
		    span_starts(t, "lost connection after "))
			return false;
	switch (t.p[0]) {
	case '<':
	case '>':
		if (t.n > 1 && t.p[1] == ' ')
			return parse_dialogue(l, t, ev);
		break;
	case 'R':
	case 'W':
		if (parse_tls_rw(t, ev))
			return true;
		break;
	default:
		break;
	}
	if (!is_noise(t))
		return false;
	ev->type = EV_NOISE;
	ev->text = t;
	if (t.p[0] == 'x')
		ev->sasl_username = dovecot_fail_user(t);
	return true;
}

/* parse_verbose - claim verbose/debug lines; false leaves the line alone.
 * A line that starts with a digit can only be a hex dump ("0000 16 03
 * ..."): a queue ID's line is told at its first bytes */
bool parse_verbose(const struct logline *l, struct event *ev)
{
	struct span t = l->text;
	if (l->severity.n || !t.n)
		return false;
	switch (first_kind[(unsigned char)t.p[0]]) {
	case F_DIGIT:
		if (!is_hexdump(t))
			return false;
		ev->type = EV_NOISE;
		ev->text = t;
		return true;
	case F_REST:
		return verbose_rest(l, t, ev);
	default:
		return false;
	}
}
