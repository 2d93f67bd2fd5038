/*
 * test_verbose_equiv.c - parse_verbose (verbose.c) tells most lines by
 * their first byte and reads an identifier's '_' from its bytes' classes
 * (speed12): the same answer and the same event, byte for byte, as the
 * former function (kept here as it was, names ending in _b), on random
 * texts of the verbose forms and their near misses (queue IDs, hex dumps,
 * identifiers with and without '_', every first byte), with and without
 * a severity, for smtpd and smtp, each text in a buffer of its own size.
 */
#include "tap.h"
#include "parse/common.h"
#include "parse/event.h"

#include <stdlib.h>
#include <string.h>

/* the former verbose.c, from its byte classes to parse_verbose */
/* byte classes, one table lookup per byte in the loops below */
enum { CB_LHEX = 1, CB_UHEX = 2, CB_IDENT = 4, CB_PATH = 8 };
static const unsigned char cls_b[256] = {
#define D (CB_LHEX | CB_UHEX | CB_IDENT | CB_PATH)
#define L (CB_LHEX | CB_IDENT | CB_PATH)
#define W (CB_IDENT | CB_PATH)
    ['0'] = D, ['1'] = D, ['2'] = D, ['3'] = D, ['4'] = D, ['5'] = D, ['6'] = D, ['7'] = D,
    ['8'] = D, ['9'] = D,
    ['a'] = L, ['b'] = L, ['c'] = L, ['d'] = L, ['e'] = L, ['f'] = L, ['g'] = W, ['h'] = W,
    ['i'] = W, ['j'] = W, ['k'] = W, ['l'] = W, ['m'] = W, ['n'] = W, ['o'] = W, ['p'] = W,
    ['q'] = W, ['r'] = W, ['s'] = W, ['t'] = W, ['u'] = W, ['v'] = W, ['w'] = W, ['x'] = W,
    ['y'] = W, ['z'] = W,
    ['A'] = CB_UHEX, ['B'] = CB_UHEX, ['C'] = CB_UHEX, ['D'] = CB_UHEX, ['E'] = CB_UHEX, ['F'] = CB_UHEX,
    ['_'] = W, ['/'] = CB_PATH, ['-'] = CB_PATH, ['.'] = CB_PATH,
#undef D
#undef L
#undef W
};

/* is_lhex_b - lowercase hex digit, as %lx prints */
static inline bool is_lhex_b(char c)
{
	return cls_b[(unsigned char)c] & CB_LHEX;
}

/* is_uhex_b - uppercase hex digit, as %lX prints */
static inline bool is_uhex_b(char c)
{
	return cls_b[(unsigned char)c] & CB_UHEX;
}

/* rtrim_b - strip trailing blanks (pasted logs often carry them) */
static struct span rtrim_b(struct span s)
{
	while (s.n && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == '\t' || s.p[s.n - 1] == '\r'))
		s.n--;
	return s;
}

/* take_peer_b - "NAME[ADDR][:PORT]: " at the start of *t */
static bool take_peer_b(struct span *t, struct span *name, struct span *ip, struct span *port)
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

/* parse_dialogue_b - "< NAMADDR: TEXT" or "> NAMADDR: TEXT" */
static bool parse_dialogue_b(const struct logline *l, struct span t, struct event *ev)
{
	if (t.n < 3 || t.p[1] != ' ')
		return false;
	bool in = t.p[0] == '<';
	t = span_skip(t, 2);
	struct span name, ip, port;
	if (!take_peer_b(&t, &name, &ip, &port)) {
		/* smtpd_proxy "< 127.0.0.1:10025: 250 ..." and the like */
		if (span_index(t, ": ") < 0)
			return false;
		ev->type = EV_NOISE;
		ev->text = l->text;
		return true;
	}
	t = rtrim_b(t);
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

/* parse_tls_rw_b - "Read N chars: TEXT" / "Write N chars: TEXT" */
static bool parse_tls_rw_b(struct span t, struct event *ev)
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


/* is_hexdump_b - "0000 16 03 01 02 ..." or "0128 - <SPACES/NULLS>" */
static bool is_hexdump_b(struct span t)
{
	size_t i = 0;
	while (i < t.n && i < 9 && is_lhex_b(t.p[i]))
		i++;
	if (i < 4 || i > 8 || i >= t.n || t.p[i] != ' ')
		return false;
	struct span r = span_skip(t, i + 1);
	if (span_starts(r, "- <SPACES/NULLS>"))
		return true;
	return r.n >= 3 && is_lhex_b(r.p[0]) && is_lhex_b(r.p[1]) && (r.p[2] == ' ' || r.p[2] == '|');
}

/* is_bio_trace_b - "read from 7FD6... [7FD6...] (11 bytes => ...)", "write to ..." */
static bool is_bio_trace_b(struct span t)
{
	if (!span_eat(&t, "read from ") && !span_eat(&t, "write to "))
		return false;
	size_t i = 0;
	while (i < t.n && is_uhex_b(t.p[i]))
		i++;
	return i > 0 && span_starts(span_skip(t, i), " [");
}

/*
 * is_ident_prefix_b - a lowercase C identifier holding '_' (or a known
 * function without one) followed by ": ", ":" at the end, or " = ".
 */
static bool is_ident_prefix_b(struct span t)
{
	size_t i = 0;
	bool under = false;
	if (!t.n || !(t.p[0] >= 'a' && t.p[0] <= 'z'))
		return false;
	while (i < t.n && (cls_b[(unsigned char)t.p[i]] & CB_IDENT)) {
		under |= t.p[i] == '_';
		i++;
	}
	if (!under) {
		struct span w = span_head(t, i);
		if (!span_eqs(w, "fsspace") && !span_eqs(w, "mynetworks"))
			return false;
	}
	struct span r = span_skip(t, i);
	return span_starts(r, ": ") || span_eqs(r, ":") || span_starts(r, " = ");
}

/* is_wanted_attr_b - "private/anvil: wanted attribute: X", "P socket: wanted attribute: X" */
static bool is_wanted_attr_b(struct span t)
{
	size_t i = 0;
	while (i < t.n && (cls_b[(unsigned char)t.p[i]] & CB_PATH))
		i++;
	if (i == 0)
		return false;
	struct span r = span_skip(t, i);
	span_eat(&r, " socket");
	return span_starts(r, ": wanted attribute: ");
}

/* is_lower_noise_b - the forms that begin with a lowercase letter.
 * Dispatched on the first byte so that each literal is compared inline. */
static bool is_lower_noise_b(struct span t)
{
	if (is_ident_prefix_b(t))
		return true;
	struct span tt = rtrim_b(t);
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
		    is_bio_trace_b(t))
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
		    is_bio_trace_b(t))
			return true;
		break;
	default:
		break;
	}
	if (is_wanted_attr_b(t))
		return true;
	/* clnt_stream.c: "%s stream disconnect" */
	if (span_ends(tt, " stream disconnect") && span_chr(span_head(tt, tt.n - 18), ' ') < 0)
		return true;
	return false;
}

/* is_noise_b - every other verbose or TLS-debug form, by its first byte */
static bool is_noise_b(struct span t)
{
	char c = t.p[0];
	if (is_lhex_b(c) && is_hexdump_b(t))
		return true;
	if (c >= 'a' && c <= 'z')
		return is_lower_noise_b(t);
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

/* parse_verbose_b - claim verbose/debug lines; false leaves the line alone */
static bool parse_verbose_b(const struct logline *l, struct event *ev)
{
	struct span t = l->text;
	if (l->severity.n || !t.n)
		return false;
	/* the everyday smtpd lines are never verbose: decide them at once */
	if (t.p[0] == 'c' || t.p[0] == 'd' || t.p[0] == 'l')
		if (span_starts(t, "connect from ") || span_starts(t, "disconnect from ") ||
		    span_starts(t, "lost connection after "))
			return false;
	switch (t.p[0]) {
	case '<':
	case '>':
		if (t.n > 1 && t.p[1] == ' ')
			return parse_dialogue_b(l, t, ev);
		break;
	case 'R':
	case 'W':
		if (parse_tls_rw_b(t, ev))
			return true;
		break;
	default:
		break;
	}
	if (!is_noise_b(t))
		return false;
	ev->type = EV_NOISE;
	ev->text = t;
	return true;
}

static uint64_t rnd_state = 0x3C6EF372FE94F82BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

/* the starts of the forms, their near misses and everyday lines */
static const char *const starts[] = {
    "< ", "> ", "<", ">", ">>> ", ">> ", "Read ", "Write ", "Rea", "Writ", "SSL_accept:", "SSL_connect:",
    "SSL3 alert ", "SSL", "Compiled against Berkeley DB", "Compiled", "Run-time linked against Berkeley DB",
    "Run-", "connect from ", "disconnect from ", "lost connection after ", "connect to subsystem ",
    "connection established", "connection closed", "connect ", "private/rewrite", "public/cleanup",
    "private/tlsmgr", "input attribute ", "input_attr", "send attr ", "smtp_stream_setup", "match_list_match",
    "fsspace", "mynetworks", "mynetwork", "read from ", "write to ", "request: ", "request ignored",
    "received master trigger", "wakeup ", "done ", "daemon started", "end move queue ",
    "end sorted recipient list", "start sorted recipient list", "start move queue ", "starting new SASL client",
    "idle timeout -- exiting", "master disconnect -- exiting", "time to retire -- exiting", "qmgr_enable_all",
    "after input_transp_cleanup: ", "before input_transp_cleanup: ", "process generation: ",
    "0000", "0128", "00a0", "a0b0", "12345678", "123456789", "4B3F2A1C", "3F2A1B4C5D", "4Qz1a2b3cdz",
    "NOQUEUE: reject: ", "Anonymous TLS connection established", "statistics: ", "warning: ", "A1B2C3",
    "fatal", "unix", "timeout after ", "x_", "a", "z", "_", "9",
    /* whole heads of the dialogue and of TLS records */
    "< unknown[203.0.113.9]: ", "> unknown[203.0.113.9]: ", "> mail.example.test[203.0.113.9]:25: ",
    "< mail.example.test[203.0.113.9]:25: ", "< 127.0.0.1:10025: ", "> unknown[]: ", "< x[y]:z: ",
    "Read 40 chars: ", "Write 12 chars: ", "Read 2 chars: ", "Write 0 chars:", "Read x chars: ",
};

/* what may follow */
static const char *const parts[] = {
    " ", "  ", ": ", ":", " = ", "=", "_", "/", "-", ".", "[", "]", "]:", "]:25", "]:25: ", "unknown",
    "203.0.113.9", "mail.example.test", " socket", ": wanted attribute: ", "wanted attribute", " chars:",
    " chars: ", "40", "12", "7", "0", "??", "?", "250 2.0.0 Ok", "535 5.7.8 Error", "EHLO x", "QUIT",
    " 16 03 01", " 16", " - <SPACES/NULLS>", " ab|", "7FD6A1B2", " [7FD6A1B2]", " (11 bytes => 11 (0xB))",
    " queue scan", " secs", " after ", " stream disconnect", "private", "anvil", "X", "y", "z", "\t", "\r",
    "\0", "\xc3\xa9", "\x80", ":25", "ESMTP", "abc_def", "deliver_attr", "Ok",
};

static const char *const daemons[] = {"smtpd", "smtp", "lmtp", "qmgr", "cleanup"};

/* one random text into buf (its length back) */
static size_t make_text(char *buf, size_t cap)
{
	size_t n = 0;
	unsigned how = (unsigned)(rnd() % 8);
	if (how == 0) {
		buf[n++] = (char)(rnd() & 0xff); /* any first byte */
	} else if (how == 1) {
		size_t k = (size_t)(rnd() % 10);
		for (size_t i = 0; i < k && n < cap; i++)
			buf[n++] = "0123456789abcdefABCDEF"[rnd() % 22];
	} else {
		const char *s = starts[rnd() % (sizeof starts / sizeof starts[0])];
		size_t sn = strlen(s);
		memcpy(buf, s, sn);
		n = sn;
	}
	tap_parts(buf, &n, cap, parts, sizeof parts / sizeof parts[0], (int)(rnd() % 8), &rnd_state);
	if (rnd() % 4 == 0 && n)
		n = (size_t)(rnd() % (n + 1)); /* cut anywhere */
	return n;
}

TEST(verbose_same_as_before)
{
	char tmp[256];
	unsigned claimed = 0, noise = 0, differ = 0;
	for (int iter = 0; iter < 400000; iter++) {
		size_t n = make_text(tmp, sizeof tmp);
		char *text = malloc(n ? n : 1); /* its own size: a read past it is seen */
		memcpy(text, tmp, n);
		struct logline l;
		memset(&l, 0, sizeof l);
		l.text = span_make(text, n);
		l.postfix = true;
		l.daemon = span_of(daemons[rnd() % (sizeof daemons / sizeof daemons[0])]);
		if (rnd() % 8 == 0)
			l.severity = span_of(rnd() % 2 ? "warning" : "error");
		static struct event a, b;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		ev_reset(&a, &l);
		ev_reset(&b, &l);
		a.type = b.type = EV_UNKNOWN;
		bool ra = parse_verbose(&l, &a), rb = parse_verbose_b(&l, &b);
		if (ra != rb || memcmp(&a, &b, sizeof a) != 0) {
			if (differ++ < 5)
				test_fail(__FILE__, __LINE__, "parse_verbose differs on \"%.*s\": %d, want %d", (int)n,
					  text, ra, rb);
		}
		claimed += rb;
		noise += rb && b.type == EV_NOISE;
		free(text);
	}
	CHECK_INT(differ, 0);
	/* the draw reaches both answers, and noise and the other types */
	CHECK(claimed > 40000 && claimed < 360000);
	CHECK(noise > 20000 && claimed - noise > 5000);
}
