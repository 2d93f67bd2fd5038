/*
 * common.c - scanners for the pieces every Postfix program logs:
 * queue IDs, "name[addr]:port", key=<value> lists, SMTP replies, the
 * smtpd reject tail and disconnect command statistics.
 */
#include "common.h"
#include "masked.h"
#include "../util/cidr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <strings.h>

/* qid_class - per byte: 1 short-ID (upper hex) char, 2 long-ID char, 3
 * both; 4 is set for every ASCII letter and digit.  Short IDs are 0-9A-F,
 * long IDs 0-9 and the letters without vowels (the long ID's 'z' is its
 * separator). */
static const unsigned char qid_class[256] = {
	['0'] = 7, ['1'] = 7, ['2'] = 7, ['3'] = 7, ['4'] = 7, ['5'] = 7, ['6'] = 7, ['7'] = 7,
	['8'] = 7, ['9'] = 7, ['A'] = 5, ['B'] = 7, ['C'] = 7, ['D'] = 7, ['E'] = 5, ['F'] = 7,
	['G'] = 6, ['H'] = 6, ['I'] = 4, ['J'] = 6, ['K'] = 6, ['L'] = 6, ['M'] = 6, ['N'] = 6,
	['O'] = 4, ['P'] = 6, ['Q'] = 6, ['R'] = 6, ['S'] = 6, ['T'] = 6, ['U'] = 4, ['V'] = 6,
	['W'] = 6, ['X'] = 6, ['Y'] = 6, ['Z'] = 6, ['a'] = 4, ['b'] = 6, ['c'] = 6, ['d'] = 6,
	['e'] = 4, ['f'] = 6, ['g'] = 6, ['h'] = 6, ['i'] = 4, ['j'] = 6, ['k'] = 6, ['l'] = 6,
	['m'] = 6, ['n'] = 6, ['o'] = 4, ['p'] = 6, ['q'] = 6, ['r'] = 6, ['s'] = 6, ['t'] = 6,
	['u'] = 4, ['v'] = 6, ['w'] = 6, ['x'] = 6, ['y'] = 6, ['z'] = 6
};

/* qid_ok - the class bits of a whole candidate: a short or a long ID */
static inline bool qid_ok(unsigned all, bool z, size_t n)
{
	return (all & 1) || ((all & 2) && z && n >= 12);
}

/* pc_queue_id - a short (hex) or long (base-52 with 'z') queue ID */
bool pc_queue_id(struct span t)
{
	if (t.n < 5 || t.n > 32)
		return false;
	unsigned all = 3;
	bool z = false;
	for (size_t i = 0; i < t.n && all; i++) {
		all &= qid_class[(unsigned char)t.p[i]];
		z |= t.p[i] == 'z';
	}
	return qid_ok(all, z, t.n);
}

/* the queue ID pc_take_queue_id took last, per thread (the parsers run on
 * the reading thread): a queue's lines often follow one another */
static _Thread_local struct {
	size_t n; /* 0: none */
	char b[32];
} last_qid;

/* the queue IDs taken before, one a slot named by the ID's first eight
 * bytes (speed26): a message's lines come between other messages' lines,
 * so the ID of the line before was this line's for about a third of them.
 * Only an ID of eight bytes or more that the pass accepts as a short or
 * long ID (not by pc_relaxed_qid) is kept: its bytes are letters and
 * digits ended by the ':', so the pass would stop there and accept it
 * again (test_take_qid.c) */
#define QID_SEEN_SLOTS 64
struct qid_seen {
	uint8_t n; /* 0: none */
	char b[32];
};
static _Thread_local struct qid_seen qid_seen[QID_SEEN_SLOTS];

static inline unsigned qid_seen_slot(uint64_t w)
{
	return (unsigned)((w * 0x9E3779B97F4A7C15ULL) >> 58); /* 64 slots */
}
_Static_assert(QID_SEEN_SLOTS == 64, "qid_seen_slot gives six bits");

/* pc_take_queue_id - "QID: rest" -> qid, text = rest.  One pass over the
 * letters and digits at the start; they must end at ": " (this runs on
 * most lines).  The queue ID taken last, followed by ": ", is taken at
 * once: its bytes are letters and digits ended by the ':', so the pass
 * would stop there and accept them again (speed11; test_take_qid.c). */
bool pc_take_queue_id(struct span *text, struct span *qid)
{
	const char *p = text->p;
	size_t n = text->n, m = last_qid.n;
	if (m && n > m + 1 && p[m] == ':' && p[m + 1] == ' ' && bytes_eq(p, last_qid.b, m)) {
		*qid = span_head(*text, m);
		*text = span_skip(*text, m + 2);
		return true;
	}
	struct qid_seen *e = NULL;
	if (n >= 8) {
		/* a queue ID seen before, by its first eight bytes */
		e = &qid_seen[qid_seen_slot(load_le64(p))];
		size_t k = e->n;
		if (k && n > k + 1 && p[k] == ':' && p[k + 1] == ' ' && bytes_eq(p, e->b, k)) {
			memcpy(last_qid.b, e->b, sizeof e->b);
			last_qid.n = k;
			*qid = span_head(*text, k);
			*text = span_skip(*text, k + 2);
			return true;
		}
	}
	size_t lim = n < 33 ? n : 33, i = 0;
	unsigned all = 7;
	while (i < lim) {
		unsigned c = qid_class[(unsigned char)p[i]];
		if (!(c & 4))
			break;
		all &= c;
		i++;
	}
	bool strict = false;
	if (i < 5 || i > 32 || i + 1 >= n || p[i] != ':' || p[i + 1] != ' ') {
		if (!pc_relaxed_qid || i < 3 || i > 32 || i + 1 >= n || p[i] != ':' || p[i + 1] != ' ')
			return false;
	} else if ((all & 1) || qid_ok(all, memchr(p, 'z', i) != NULL, i)) {
		/* the 'z' of a long ID is looked for only when the short form fails */
		strict = true;
	} else if (!pc_relaxed_qid) {
		return false;
	}
	if (strict && i >= 8) {
		/* only an ID the pass accepts without pc_relaxed_qid, whose
		 * slot is the one its first eight bytes name */
		e->n = (uint8_t)i;
		memcpy(e->b, p, i);
	}
	memcpy(last_qid.b, p, i);
	last_qid.n = i;
	*qid = span_head(*text, i);
	*text = span_skip(*text, i + 2);
	return true;
}

_Thread_local bool pc_relaxed_qid;

/* pc_masked_qid_line - "TOKEN: to=<...", "TOKEN: from=<...", "TOKEN:
 * removed"...: a message's line whose queue ID is no Postfix queue ID
 * (made up or masked before pasting: "XXX", vowels in a long ID) */
bool pc_masked_qid_line(struct span t)
{
	/* smtpd's "client=" with a masked ID ("XXXXXXXXXX") is read on the
	 * first pass, without it (smtpd.c): no second pass reaches it */
	static const char *const keys[] = {"to=", "from=", "message-id=", "removed", "client=", "uid=",
					   "sender non-delivery notification: ", "host ",
					   "lost connection with ", "conversation with ", NULL};
	size_t i = 0;
	while (i < t.n && i < 33 && ((t.p[i] >= '0' && t.p[i] <= '9') || (t.p[i] >= 'A' && t.p[i] <= 'Z') ||
				   (t.p[i] >= 'a' && t.p[i] <= 'z')))
		i++;
	if (i < 3 || i > 32 || i + 1 >= t.n || t.p[i] != ':' || t.p[i + 1] != ' ')
		return false;
	struct span rest = span_skip(t, i + 2);
	for (int k = 0; keys[k]; k++)
		if (span_starts(rest, keys[k]))
			return true;
	/* cleanup's header and body checks: "QID: ACTION: header ..." or
	 * "... body ..." (info, warning, reject, hold, discard, ...) */
	size_t w = 0;
	while (w < rest.n && w <= 10 && rest.p[w] >= 'a' && rest.p[w] <= 'z')
		w++;
	if (w < 2 || w > 10)
		return false;
	struct span act = span_skip(rest, w);
	return span_starts(act, ": header ") || span_starts(act, ": body ");
}

/* pc_namaddr - "name[addr]" or "name[addr]:port"; an address masked
 * before pasting (masked.c) comes back empty, as in "unknown[]" */
bool pc_namaddr(struct span s, struct span *name, struct span *ip, struct span *port)
{
	*port = SPAN_NULL;
	/* most lines' client ends the text: its ']' without a search */
	ptrdiff_t rb = s.n && s.p[s.n - 1] == ']' ? (ptrdiff_t)s.n - 1 : span_rchr(s, ']');
	if (rb < 0)
		return false;
	if ((size_t)rb + 1 < s.n) {
		if (s.p[rb + 1] != ':')
			return false;
		*port = span_skip(s, (size_t)rb + 2);
		if (!span_digits(*port))
			return false;
	}
	struct span head = span_head(s, (size_t)rb);
	ptrdiff_t lb = span_rchr(head, '[');
	if (lb < 0)
		return false;
	*name = span_head(s, (size_t)lb);
	*ip = span_make(s.p + lb + 1, (size_t)(rb - lb - 1));
	if (span_eqs(*ip, "unknown"))
		ip->n = 0; /* smtpd's "unknown[unknown]": the client left before
			    * Postfix could read its address; no address to ban */
	else if (addr_is_masked(*ip) && !cidr_masked_own(ip->p, ip->n))
		ip->n = 0; /* "[IP]", "[x.x.x.x]" in a pasted line: not shown; a
			    * private one ("[192.168.xx.xx]") is kept as written:
			    * it still shows a client of the site's own network */
	return true;
}

/* zone_ok - an IPv6 zone (scope) after '%': an interface name or index */
static bool zone_ok(struct span z)
{
	if (z.n == 0 || z.n >= 16)
		return false;
	for (size_t i = 0; i < z.n; i++) {
		char c = z.p[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      c == '.' || c == '-' || c == '_'))
			return false;
	}
	return true;
}

/*
 * pc_addr_canon_other - pc_addr_canon (common.h) of a text that is not
 * digits and dots only.  IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes
 * a.b.c.d, IPv6 is lower case and compressed (RFC 5952), an "IPv6:"
 * prefix is dropped, a zone ("fe80::1%eth0") is kept after the canonical
 * address.  Anything inet_pton refuses ("unknown", junk) is left as it
 * is.  When the canonical text differs from the line's, it is written to
 * buf and *addr points there.
 */
void pc_addr_canon_other(struct span *addr, char buf[EV_ADDR_MAX])
{
	struct span s = *addr;
	if (s.n > 5 && (s.p[0] == 'I' || s.p[0] == 'i') && strncasecmp(s.p, "IPv6:", 5) == 0) {
		s = span_skip(s, 5);
		if (pc_digits_dots(s)) {
			*addr = s;
			return;
		}
	}
	struct span zone = SPAN_NULL;
	ptrdiff_t pct = span_chr(s, '%');
	if (pct >= 0) {
		zone = span_skip(s, (size_t)pct + 1);
		s = span_head(s, (size_t)pct);
		if (!zone_ok(zone))
			return;
	}
	char tmp[INET6_ADDRSTRLEN];
	unsigned char a[16];
	if (s.n == 0 || s.n >= sizeof tmp || span_chr(s, ':') < 0)
		return;
	memcpy(tmp, s.p, s.n);
	tmp[s.n] = 0;
	if (inet_pton(AF_INET6, tmp, a) != 1)
		return;
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	bool v4 = memcmp(a, mapped, sizeof mapped) == 0;
	if (!inet_ntop(v4 ? AF_INET : AF_INET6, v4 ? a + 12 : a, buf, INET6_ADDRSTRLEN))
		return;
	size_t n = strlen(buf);
	if (zone.p && !v4) {
		buf[n++] = '%';
		memcpy(buf + n, zone.p, zone.n);
		n += zone.n;
	}
	struct span canon = span_make(buf, n);
	/* already canonical: keep the line's own text */
	*addr = span_eq(canon, *addr) ? *addr : canon;
}

/* key_at - span_starts(rest, k), its first two bytes compared first: after
 * a '>' most keys tried fail there (speed11); the rest compared byte by
 * byte up to k's NUL, without strlen and memcmp (the keys are a few bytes:
 * speed21) */
static inline bool key_at(struct span rest, const char *k)
{
	if (k[0] && (!rest.n || rest.p[0] != k[0] || (k[1] && (rest.n < 2 || rest.p[1] != k[1]))))
		return false;
	for (size_t i = k[0] ? (k[1] ? 2 : 1) : 0; k[i]; i++)
		if (i >= rest.n || rest.p[i] != k[i])
			return false;
	return true;
}

/*
 * pc_angle_value - at *cur "key=<value>" followed by ", nextkey=" or end.
 * The value ends at the first ">" that is followed by one of next_keys
 * (each given with its leading ", "), or at the last ">" of the text when
 * next_keys is NULL.
 */
bool pc_angle_value_n(struct span *cur, const char *key, size_t kn, const char *const *next_keys,
		      struct span *out)
{
	if (!cur->n || cur->p[0] != key[0])
		return false;
	if (cur->n < kn + 2 || cur->p[kn] != '=' || cur->p[kn + 1] != '<')
		return false;
	/* the key's bytes one by one (a few; its length known at the call:
	 * common.h's pc_angle_value, speed21) */
	for (size_t i = 1; i < kn; i++)
		if (cur->p[i] != key[i])
			return false;
	struct span v = span_skip(*cur, kn + 2);
	/* 3.5+ quotes a local part holding '>', ',' or blanks: search after it */
	size_t q = pc_quoted_len(v);
	struct span vq = span_skip(v, q);
	ptrdiff_t best = -1;
	if (next_keys) {
		/* the first '>' that one of the next keys follows */
		const char *p = vq.p, *end = vq.p + vq.n, *gt;
		while (best < 0 && p < end && (gt = memchr(p, '>', (size_t)(end - p)))) {
			struct span rest = span_make(gt + 1, (size_t)(end - gt - 1));
			for (int i = 0; next_keys[i]; i++)
				if (key_at(rest, next_keys[i])) {
					best = gt - vq.p;
					break;
				}
			p = gt + 1;
		}
	}
	if (best < 0) {
		if (next_keys && next_keys[0] == NULL)
			return false;
		best = span_rchr(vq, '>');
		if (best < 0)
			return false;
	}
	best += (ptrdiff_t)q;
	*out = span_head(v, (size_t)best);
	*cur = span_skip(v, (size_t)best + 1);
	return true;
}

/* pc_reply - "554 5.7.1 text" or "554 text" -> code, dsn, text */
bool pc_reply(struct span s, struct span *code, struct span *dsn, struct span *text)
{
	*code = *dsn = SPAN_NULL;
	*text = s;
	if (s.n < 3 || !span_digits(span_head(s, 3)) || (s.n > 3 && s.p[3] != ' ' && s.p[3] != '-'))
		return false;
	*code = span_head(s, 3);
	s = span_skip(s, 4);
	/* D.D.D enhanced status */
	size_t i = 0;
	int dots = 0;
	while (i < s.n && ((s.p[i] >= '0' && s.p[i] <= '9') || s.p[i] == '.')) {
		dots += s.p[i] == '.';
		i++;
	}
	if (dots == 2 && i >= 5 && (i == s.n || s.p[i] == ' ')) {
		*dsn = span_head(s, i);
		s = span_skip(s, i + (i < s.n));
	}
	*text = s;
	return true;
}

/*
 * pc_smtpd_tail - the "; from=<a> to=<b> proto=ESMTP helo=<h>" tail of a
 * reject line (smtpd separates with ' ', postscreen with ", "; milter
 * and 3.10+ add sasl_* fields).
 */
void pc_smtpd_tail(struct span t, struct event *ev)
{
	static const char *const after_from[] = {" to=<", ", to=<", " proto=", ", proto=", NULL};
	static const char *const after_to[] = {" proto=", ", proto=", " helo=<", ", helo=<", NULL};
	static const char *const after_helo[] = {" sasl_", ", sasl_", NULL};
	while (t.n) {
		while (t.n && (t.p[0] == ' ' || t.p[0] == ',' || t.p[0] == ';'))
			t = span_skip(t, 1);
		struct span v;
		/* each key is tried only where its first byte is (each test
		 * below fails at once on another one: speed11) */
		char c = t.n ? t.p[0] : 0;
		if (c == 'f' && pc_angle_value(&t, "from", after_from, &v))
			ev->from = v;
		else if (c == 't' && pc_angle_value(&t, "to", after_to, &v))
			ev->to = v;
		else if (c == 'h' && pc_angle_value(&t, "helo", after_helo, &v))
			ev->helo = v;
		else if (c == 'p' && pc_word_value(&t, "proto", &v))
			ev->proto = v;
		else if (c == 's' && pc_word_value(&t, "sasl_method", &v))
			ev->sasl_method = v;
		else if (c == 's' && span_starts(t, "sasl_username=<") &&
			 pc_angle_value(&t, "sasl_username", after_helo, &v))
			ev->sasl_username = v;
		else if (c == 's' && pc_word_value(&t, "sasl_username", &v))
			ev->sasl_username = v;
		else if (c == 's' && span_starts(t, "sasl_sender=<") &&
			 pc_angle_value(&t, "sasl_sender", NULL, &v))
			ev->sasl_sender = v;
		else if (c == 's' && pc_word_value(&t, "sasl_sender", &v))
			ev->sasl_sender = v;
		else {
			/* unknown key: skip one token */
			size_t i = 0;
			while (i < t.n && t.p[i] != ' ')
				i++;
			t = span_skip(t, i);
		}
	}
}

/* digits_u32 - [p, e) all digits and not empty: the value, saturated */
static inline bool digits_u32(const char *p, const char *e, uint32_t *out)
{
	if (p == e)
		return false;
	uint64_t v = 0;
	for (; p < e; p++) {
		unsigned d = (unsigned)(unsigned char)*p - '0';
		if (d > 9)
			return false;
		v = v * 10 + d;
		if (v > UINT32_MAX)
			v = (uint64_t)UINT32_MAX + 1; /* stays put: saturates below */
	}
	*out = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
	return true;
}

/* pc_cmd_stats - " ehlo=1 auth=0/1 quit=1 commands=2/3" into ev->stats.
 * A token (a run of bytes other than ' ') counts when it is NAME=OK or
 * NAME=OK/TOTAL, NAME without '=' or ' ', OK and TOTAL digits; any other
 * token ("notes=bare_lf") is passed over.  speed28: each token read
 * forward once (the name up to '=' a word at a time, then the digits,
 * then ' ' or the end) instead of every byte tested for '=', '/' and ' '
 * (550 instructions a disconnect line of three tokens, now about 200);
 * test_cmd_stats.c holds it to the former loop */
bool pc_cmd_stats(struct span s, struct event *ev)
{
	ev->nstats = 0;
	const char *p = s.p, *end = s.p + s.n;
	while (p < end) {
		if (*p == ' ') {
			p++;
			continue;
		}
		const char *tok = p, *eq = span_scan2(p, end, '=', ' ');
		p = eq;
		if (p == end || *p == ' ')
			continue; /* no '=' in the token */
		/* OK: digits up to '/', ' ' or the end */
		const char *d = ++p;
		while (p < end && (unsigned)(unsigned char)*p - '0' <= 9)
			p++;
		uint32_t ok = 0, total;
		bool good = p > d && digits_u32(d, p, &ok);
		total = ok;
		if (good && p < end && *p == '/') {
			d = ++p;
			while (p < end && (unsigned)(unsigned char)*p - '0' <= 9)
				p++;
			good = p > d && digits_u32(d, p, &total);
		}
		if (p < end && *p != ' ') {
			/* another byte in the token: passed over to its end */
			p = span_scan2(p, end, ' ', ' ');
			continue;
		}
		if (!good)
			continue;
		if (ev->nstats < CMD_STATS_MAX) {
			struct cmd_stat *cs = &ev->stats[ev->nstats++];
			cs->name = span_make(tok, (size_t)(eq - tok));
			cs->ok = ok;
			cs->total = total;
		}
	}
	return ev->nstats > 0;
}
