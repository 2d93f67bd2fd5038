/*
 * summary_keys.c - the textual rules by which pflogsumm names what it
 * counts: client "domains", the trimming of reasons, the grouping keys
 * of its reject detail, and the sort key of its lists; plus our own
 * reject grouping by restriction and by reply.
 *
 * Each function re-implements, on spans, the behaviour of one of
 * pflogsumm 1.1.5's regular expressions (named in the comment above
 * it), including its oddities, so that our details group exactly as
 * pflogsumm's do.  Input is hostile log text: every scan is bounded by
 * the span, nothing is assumed about the bytes.
 */
#include "summary.h"

#include <string.h>

/* isdig - ASCII digit */
static bool isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* isspc - Perl's \s */
static bool isspc(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* isword - Perl's \w, ASCII */
static bool isword(char c)
{
	return isdig(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* lower - ASCII lower case */
static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* at - does s hold lit at offset i */
static bool at(struct span s, size_t i, const char *lit)
{
	size_t n = strlen(lit);
	return i <= s.n && s.n - i >= n && memcmp(s.p + i, lit, n) == 0;
}

/* find_from - first offset >= i of lit in s, or -1 */
static ptrdiff_t find_from(struct span s, size_t i, const char *lit)
{
	if (i > s.n)
		return -1;
	ptrdiff_t k = span_index(span_skip(s, i), lit);
	return k < 0 ? -1 : k + (ptrdiff_t)i;
}

/* rfind - last offset of lit in s, or -1 */
static ptrdiff_t rfind(struct span s, const char *lit)
{
	size_t n = strlen(lit);
	if (n > s.n)
		return -1;
	for (size_t i = s.n - n + 1; i > 0; i--)
		if (memcmp(s.p + i - 1, lit, n) == 0)
			return (ptrdiff_t)(i - 1);
	return -1;
}

/* ipv4_at - (?:\d{1,3}\.){3}\d{1,3} at i; its end or 0 */
static size_t ipv4_at(struct span s, size_t i)
{
	for (int part = 0; part < 4; part++) {
		size_t d = 0;
		while (i + d < s.n && isdig(s.p[i + d]))
			d++;
		if (d < 1 || d > 3)
			return 0;
		i += d;
		if (part < 3) {
			if (i >= s.n || s.p[i] != '.')
				return 0;
			i++;
		}
	}
	return i;
}

/* reduce_host - s/^(.*)\.([^\.]+)\.([^\.]{3}|[^\.]{2,3}\.[^\.]{2})$/\L$2.$3/ */
static void reduce_host(struct span d, struct buf *out)
{
	ptrdiff_t l1 = span_rchr(d, '.');
	size_t keep = 0; /* bytes kept from the end, 0 = no match */
	if (l1 >= 0) {
		size_t ylen = d.n - (size_t)l1 - 1;
		ptrdiff_t l2 = span_rchr(span_head(d, (size_t)l1), '.');
		if (ylen == 3 && l2 >= 0 && l1 - l2 > 1) {
			keep = d.n - (size_t)l2 - 1;
		} else if (ylen == 2 && l2 >= 0) {
			size_t zlen = (size_t)(l1 - l2 - 1);
			ptrdiff_t l3 = span_rchr(span_head(d, (size_t)l2), '.');
			if (zlen >= 2 && zlen <= 3 && l3 >= 0 && l2 - l3 > 1)
				keep = d.n - (size_t)l3 - 1;
		}
	}
	if (!keep) {
		buf_putspan(out, d);
		return;
	}
	for (size_t i = d.n - keep; i < d.n; i++)
		buf_putc(out, lower(d.p[i]));
}

/* sk_gimme_domain - pflogsumm's gimme_domain(): a client's "domain" */
void sk_gimme_domain(struct span c, struct buf *out)
{
	struct span dom = SPAN_NULL, ip = SPAN_NULL;
	ptrdiff_t lb = span_chr(c, '[');
	ptrdiff_t sl = span_chr(c, '/');
	size_t e;
	if (lb >= 0 && (e = ipv4_at(c, (size_t)lb + 1)) && e < c.n && c.p[e] == ']') {
		/* "dom.ain[i.p.add.ress]" */
		dom = span_head(c, (size_t)lb);
		ip = span_make(c.p + lb + 1, e - (size_t)lb - 1);
	} else if (sl >= 0) {
		/* "dom.ain/i.p.add.ress", case-insensitive hex */
		size_t i = (size_t)sl + 1, j = i;
		while (j < c.n && (isdig(c.p[j]) || (lower(c.p[j]) >= 'a' && lower(c.p[j]) <= 'f') ||
				   c.p[j] == '.' || c.p[j] == ':'))
			j++;
		if (j > i) {
			dom = span_head(c, (size_t)sl);
			ip = span_make(c.p + i, j - i);
		}
	}
	if (!ip.p) {
		/* ^([^\[\(\/]*)[\[\(\/]([^\]\)]+)[\]\)]:?\d*$ */
		size_t q = 0;
		while (q < c.n && c.p[q] != '[' && c.p[q] != '(' && c.p[q] != '/')
			q++;
		size_t r = q + 1;
		while (r < c.n && c.p[r] != ']' && c.p[r] != ')')
			r++;
		if (q < c.n && r > q + 1 && r < c.n) {
			size_t t = r + 1;
			if (t < c.n && c.p[t] == ':')
				t++;
			while (t < c.n && isdig(c.p[t]))
				t++;
			if (t == c.n) {
				dom = span_head(c, q);
				ip = span_make(c.p + q + 1, r - q - 1);
			}
		}
	}
	if (!dom.n || span_eqs(dom, "unknown"))
		buf_putspan(out, ip);
	else
		reduce_host(dom, out);
}

/* sk_trim - pflogsumm's string_trimmer(): cut to max with "..." */
void sk_trim(struct span s, size_t max, struct buf *out)
{
	if (s.n > max) {
		buf_putspan(out, span_cut(s, max - 3));
		buf_puts(out, "...");
	} else {
		buf_putspan(out, s);
	}
}

/* sk_said_trim - said_string_trimmer(): drop "... said: ", then leading
 * "xxx: " parts, until it fits; else cut with "..." */
void sk_said_trim(struct span s, size_t max, struct buf *out)
{
	while (s.n > max) {
		ptrdiff_t k = rfind(s, " said: ");
		if (k >= 0) {
			s = span_skip(s, (size_t)k + 7);
			continue;
		}
		ptrdiff_t c = span_chr(s, ':');
		if (c >= 0) {
			s = span_skip(s, (size_t)c + 1);
			while (s.n && s.p[0] == ' ')
				s = span_skip(s, 1);
			continue;
		}
		sk_trim(s, max, out);
		return;
	}
	buf_putspan(out, s);
}

/* put_cp - one code point as two big-endian bytes, for sort keys */
static void put_cp(struct buf *out, unsigned v)
{
	buf_putc(out, (char)(v >> 8 & 0xff));
	buf_putc(out, (char)(v & 0xff));
}

/* sk_normalize_host - normalize_host(): the sort key of pflogsumm's
 * lists; IPv4 addresses by octet, names by reversed labels, lower case */
void sk_normalize_host(struct span s, struct buf *out)
{
	size_t n = 0;
	while (n < s.n && !isspc(s.p[n]))
		n++;
	s = span_head(s, n);
	size_t e = ipv4_at(s, 0);
	if (e && e == s.n) {
		size_t i = 0;
		for (int part = 0; part < 4; part++) {
			unsigned v = 0;
			while (i < s.n && isdig(s.p[i]))
				v = v * 10 + (unsigned)(s.p[i++] - '0');
			put_cp(out, v);
			i++;
		}
		return;
	}
	/* split /[.@]/ drops trailing empty fields; then reverse */
	while (s.n && (s.p[s.n - 1] == '.' || s.p[s.n - 1] == '@'))
		s.n--;
	size_t end = s.n;
	for (size_t i = s.n + 1; i > 0; i--) {
		size_t k = i - 1;
		if (k == 0 || s.p[k - 1] == '.' || s.p[k - 1] == '@') {
			for (size_t j = k; j < end; j++)
				put_cp(out, (unsigned char)lower(s.p[j]));
			end = k ? k - 1 : 0;
		}
	}
}

/* sk_lower_domain - s/(@.+)/\L$1/: lower-case from the first '@' on */
void sk_lower_domain(struct span a, struct buf *out)
{
	ptrdiff_t at_ = span_chr(a, '@');
	if (at_ < 0 || (size_t)at_ + 1 >= a.n) {
		buf_putspan(out, a);
		return;
	}
	buf_putspan(out, span_head(a, (size_t)at_));
	for (size_t i = (size_t)at_; i < a.n; i++)
		buf_putc(out, lower(a.p[i]));
}

/* tail_match - "(\S+) from (\S+?): (.*)$" at i */
static bool tail_match(struct span t, size_t i, struct span *type, struct span *from,
		       struct span *rest)
{
	size_t j = i;
	while (j < t.n && !isspc(t.p[j]))
		j++;
	if (j == i || !at(t, j, " from "))
		return false;
	*type = span_make(t.p + i, j - i);
	size_t f = j + 6, k = f + 1;
	for (; k < t.n && !isspc(t.p[k - 1]); k++) {
		if (t.p[k] == ':' && k + 1 < t.n && t.p[k + 1] == ' ') {
			if (isspc(t.p[f]))
				return false;
			*from = span_make(t.p + f, k - f);
			*rest = span_skip(t, k + 2);
			return true;
		}
	}
	return false;
}

/* sk_reject_parts - /^.* \b(?:reject(?:_warning)?|hold|discard): (\S+)
 * from (\S+?): (.*)$/ on the text (which follows "prog[pid]: ") */
bool sk_reject_parts(struct span t, struct span *type, struct span *from, struct span *rest)
{
	static const char *const kw[] = {"reject: ", "reject_warning: ", "hold: ", "discard: ",
					 NULL};
	for (size_t p = t.n + 1; p > 0; p--) {
		size_t i = p - 1;
		if (i > 0 && t.p[i - 1] != ' ')
			continue;
		/* the first letters of kw[] */
		if (i >= t.n || (t.p[i] != 'r' && t.p[i] != 'h' && t.p[i] != 'd'))
			continue;
		for (int k = 0; kw[k]; k++)
			if (at(t, i, kw[k]) && tail_match(t, i + strlen(kw[k]), type, from, rest))
				return true;
	}
	return false;
}

/* run_not - length of the run at i of bytes not in set */
static size_t run_not(struct span s, size_t i, const char *set)
{
	size_t j = i;
	while (j < s.n && (s.p[j] == '\0' || !strchr(set, s.p[j])))
		j++;
	return j - i;
}

/* reason_rcpt - pflogsumm's rules for RCPT, DATA and CONNECT rejects */
static void reason_rcpt(struct span r, struct buf *out)
{
	struct buf a = {0};
	/* s/^(\d{3} <).*?(>:)/$1$2/ */
	if (r.n >= 5 && isdig(r.p[0]) && isdig(r.p[1]) && isdig(r.p[2]) && at(r, 3, " <")) {
		ptrdiff_t k = find_from(r, 5, ">:");
		if (k >= 0) {
			buf_putspan(&a, span_head(r, 5));
			buf_putspan(&a, span_skip(r, (size_t)k));
			r = buf_span(&a);
		}
	}
	/* s/^(?:\d{3} \d\.\d\.\d )(Protocol error);.*$/$1/ */
	if (r.n >= 10 && isdig(r.p[0]) && isdig(r.p[1]) && isdig(r.p[2]) && r.p[3] == ' ' &&
	    isdig(r.p[4]) && r.p[5] == '.' && isdig(r.p[6]) && r.p[7] == '.' && isdig(r.p[8]) &&
	    r.p[9] == ' ' && at(r, 10, "Protocol error;"))
		r = SPAN_LIT("Protocol error");
	/* s/^(?:.*?[:;] )(?:\[[^\]]+\] )?([^;,]+)[;,].*$/$1/ */
	for (size_t i = 0; i + 1 < r.n; i++) {
		if ((r.p[i] != ':' && r.p[i] != ';') || r.p[i + 1] != ' ')
			continue;
		size_t st = i + 2, n;
		if (st < r.n && r.p[st] == '[') {
			size_t b = run_not(r, st + 1, "]");
			size_t after = st + 1 + b;
			if (b && at(r, after, "] ")) {
				n = run_not(r, after + 2, ";,");
				if (n && after + 2 + n < r.n) {
					r = span_make(r.p + after + 2, n);
					goto rule4;
				}
			}
		}
		n = run_not(r, st, ";,");
		if (n && st + n < r.n) {
			r = span_make(r.p + st, n);
			goto rule4;
		}
	}
rule4:
	/* s/^((?:Sender|Recipient) address rejected: [^:]+):.*$/$1/ */
	{
		size_t pl = at(r, 0, "Sender address rejected: ")	 ? 25
			    : at(r, 0, "Recipient address rejected: ") ? 28
								       : 0;
		if (pl) {
			size_t n = run_not(r, pl, ":");
			if (n && pl + n < r.n)
				r = span_head(r, pl + n);
		}
	}
	/* s/(client|Client host|Sender address) .+? blocked/blocked/ */
	static const char *const who[] = {"client ", "Client host ", "Sender address ", NULL};
	for (size_t i = 0; i < r.n; i++) {
		for (int w = 0; who[w]; w++) {
			if (!at(r, i, who[w]))
				continue;
			ptrdiff_t k = find_from(r, i + strlen(who[w]) + 1, " blocked");
			if (k < 0)
				continue;
			buf_putspan(out, span_head(r, i));
			buf_puts(out, "blocked");
			buf_putspan(out, span_skip(r, (size_t)k + 8));
			buf_free(&a);
			return;
		}
	}
	buf_putspan(out, r);
	buf_free(&a);
}

/* reason_mail - s/^\d{3} (?:<.+>: )?([^;:]+)[;:]?.*$/$1/ */
static void reason_mail(struct span r, struct buf *out)
{
	if (r.n >= 4 && isdig(r.p[0]) && isdig(r.p[1]) && isdig(r.p[2]) && r.p[3] == ' ') {
		if (r.n > 4 && r.p[4] == '<') {
			for (size_t k = r.n; k > 6; k--) {
				size_t g = k - 1;
				if (!at(r, g, ">: "))
					continue;
				size_t n = run_not(r, g + 3, ";:");
				if (n) {
					buf_putspan(out, span_make(r.p + g + 3, n));
					return;
				}
			}
		}
		size_t n = run_not(r, 4, ";:");
		if (n) {
			buf_putspan(out, span_make(r.p + 4, n));
			return;
		}
	}
	buf_putspan(out, r);
}

/* reason_other - s/^(?:.*[:;] )?([^,]+).*$/$1/ */
static void reason_other(struct span r, struct buf *out)
{
	for (size_t k = r.n; k > 1; k--) {
		size_t i = k - 2;
		if ((r.p[i] != ':' && r.p[i] != ';') || r.p[i + 1] != ' ')
			continue;
		size_t n = run_not(r, i + 2, ",");
		if (n) {
			buf_putspan(out, span_make(r.p + i + 2, n));
			return;
		}
	}
	size_t n = run_not(r, 0, ",");
	buf_putspan(out, n ? span_head(r, n) : r);
}

/* sk_reject_reason - pflogsumm's reject "reason" from the stage and the
 * text after "from CLIENT: " */
void sk_reject_reason(struct span type, struct span rest, struct buf *out)
{
	if (span_eqs(type, "RCPT") || span_eqs(type, "DATA") || span_eqs(type, "CONNECT"))
		reason_rcpt(rest, out);
	else if (span_eqs(type, "MAIL"))
		reason_mail(rest, out);
	else
		reason_other(rest, out);
}

/* angle_value - key=<([^>]+)> at its first matching place */
static bool angle_value(struct span r, const char *key, struct span *v)
{
	size_t kl = strlen(key);
	for (ptrdiff_t k = find_from(r, 0, key); k >= 0; k = find_from(r, (size_t)k + 1, key)) {
		size_t st = (size_t)k + kl, n = run_not(r, st, ">");
		if (n && st + n < r.n) {
			*v = span_make(r.p + st, n);
			return true;
		}
	}
	return false;
}

/* reject_to - the recipient as pflogsumm snags it from a reject */
static struct span reject_to(struct span r)
{
	struct span v;
	if (angle_value(r, "to=<", &v))
		return v;
	/* \d{3} <([^>]+)>: User unknown  */
	for (ptrdiff_t k = find_from(r, 0, " <"); k >= 0; k = find_from(r, (size_t)k + 1, " <")) {
		if (k < 3 || !isdig(r.p[k - 1]) || !isdig(r.p[k - 2]) || !isdig(r.p[k - 3]))
			continue;
		size_t st = (size_t)k + 2, n = run_not(r, st, ">");
		if (n && at(r, st + n, ">: User unknown "))
			return span_make(r.p + st, n);
	}
	/* to=<(.*?)(?:[, ]|$) */
	ptrdiff_t k = find_from(r, 0, "to=<");
	if (k >= 0)
		return span_make(r.p + k + 4, run_not(r, (size_t)k + 4, ", "));
	return SPAN_LIT("<>");
}

/* pipelining_src - /^.+? from (\S+?):.*$/ on the whole line */
static struct span pipelining_src(struct span t)
{
	for (ptrdiff_t k = find_from(t, 0, " from "); k >= 0;
	     k = find_from(t, (size_t)k + 1, " from ")) {
		size_t st = (size_t)k + 6;
		for (size_t j = st + 1; j < t.n && !isspc(t.p[j - 1]); j++)
			if (t.p[j] == ':')
				return span_make(t.p + st, j - st);
	}
	return SPAN_LIT("");
}

/* has_code_phrase - /^.*?\d{3} PHRASE;/: is "ddd PHRASE;" anywhere */
static bool has_code_phrase(struct span r, const char *phrase)
{
	for (ptrdiff_t k = find_from(r, 0, phrase); k >= 0;
	     k = find_from(r, (size_t)k + 1, phrase)) {
		size_t e = (size_t)k + strlen(phrase);
		if (k >= 4 && r.p[k - 1] == ' ' && isdig(r.p[k - 2]) && isdig(r.p[k - 3]) &&
		    isdig(r.p[k - 4]) && e < r.n && r.p[e] == ';')
			return true;
	}
	return false;
}

/* sk_reject_detail - proc_smtpd_reject(): pflogsumm's reason for a
 * reject (or warning, hold, discard) and the "who" key listed under it.
 * text is the whole line text, type/from/rest come from sk_reject_parts */
void sk_reject_detail(struct span text, struct span type, struct span from, struct span rest,
		      struct buf *reason, struct buf *key)
{
	size_t r0 = reason->n;
	sk_reject_reason(type, rest, reason);
	struct span v, rs = SPAN_LIT("");
	if (reason->p) /* nothing written yet: not NULL + 0 */
		rs = span_make(reason->p + r0, reason->n - r0);
	if (span_starts(rs, "Sender address rejected:")) {
		buf_putspan(key, angle_value(rest, "from=<", &v) ? v : SPAN_LIT("<>"));
		return;
	}
	if (span_starts(rs, "Recipient address rejected:") || span_eqs(rs, "User unknown") ||
	    span_starts(rs, "User unknown ")) {
		buf_putspan(key, reject_to(rest));
		return;
	}
	static const struct {
		const char *phrase, *as;
	} rew[] = {
	    {"Improper use of SMTP command pipelining", "Improper use of SMTP command pipelining"},
	    {"Message size exceeds fixed limit", "Message size exceeds fixed limit"},
	    {"Server configuration error", "(Local) Server configuration error"},
	    {"Server configuration problem", "(Local) Server configuration problem"},
	};
	for (size_t i = 0; i < sizeof rew / sizeof rew[0]; i++) {
		if (!has_code_phrase(rs, rew[i].phrase))
			continue;
		reason->n = r0;
		buf_puts(reason, rew[i].as);
		if (i == 0)
			buf_putspan(key, pipelining_src(text));
		else
			sk_gimme_domain(from, key);
		return;
	}
	sk_gimme_domain(from, key);
}

/* sk_cleanup_parts - /.*?\b((?:milter-)?reject|warning|hold|discard):
 * (header|body|END-OF-MESSAGE) (.*)$/ on the full text of a cleanup line */
bool sk_cleanup_parts(struct span t, struct span *action, struct span *where, struct span *rest)
{
	static const char *const kw[] = {"milter-reject", "reject", "warning", "hold", "discard",
					 NULL};
	static const char *const wh[] = {"header", "body", "END-OF-MESSAGE", NULL};
	for (size_t i = 0; i < t.n; i++) {
		/* the first letters of kw[]: most bytes are ruled out at once */
		char c = t.p[i];
		if (c != 'm' && c != 'r' && c != 'w' && c != 'h' && c != 'd')
			continue;
		if (i > 0 && isword(t.p[i - 1]))
			continue;
		for (int k = 0; kw[k]; k++) {
			size_t kl = strlen(kw[k]);
			if (!at(t, i, kw[k]) || !at(t, i + kl, ": "))
				continue;
			for (int w = 0; wh[w]; w++) {
				size_t st = i + kl + 2, wl = strlen(wh[w]);
				if (at(t, st, wh[w]) && at(t, st + wl, " ")) {
					*action = span_make(t.p + i, kl);
					*where = span_make(t.p + st, wl);
					*rest = span_skip(t, st + wl + 1);
					return true;
				}
			}
		}
	}
	return false;
}

/* sk_cleanup_key - s/( from \S+?)?; from=<.*$//, then trimmed to 64 */
void sk_cleanup_key(struct span r, struct buf *out)
{
	for (size_t i = 0; i < r.n; i++) {
		if (at(r, i, " from ")) {
			for (size_t k = i + 7; k <= r.n && !isspc(r.p[k - 1]); k++)
				if (at(r, k, "; from=<")) {
					r = span_head(r, i);
					goto done;
				}
		}
		if (at(r, i, "; from=<")) {
			r = span_head(r, i);
			goto done;
		}
	}
done:
	sk_trim(r, 64, out);
}

/* Postfix's reject texts and the restriction that writes them
 * (smtpd_check.c); the first match wins */
static const struct {
	const char *text, *restriction;
} restrictions[] = {
    {"Relay access denied", "reject_unauth_destination"},
    {"Sender address rejected: User unknown", "reject_unlisted_sender"},
    {"User unknown in local recipient table", "reject_unlisted_recipient (local_recipient_maps)"},
    {"User unknown in virtual mailbox table", "reject_unlisted_recipient (virtual_mailbox_maps)"},
    {"User unknown in virtual alias table", "reject_unlisted_recipient (virtual_alias_maps)"},
    {"User unknown in relay recipient table", "reject_unlisted_recipient (relay_recipient_maps)"},
    {"cannot find your reverse hostname", "reject_unknown_reverse_client_hostname"},
    {"cannot find your hostname", "reject_unknown_client_hostname"},
    {"Helo command rejected: need fully-qualified hostname", "reject_non_fqdn_helo_hostname"},
    {"Helo command rejected: Invalid name", "reject_invalid_helo_hostname"},
    {"Helo command rejected: Host not found", "reject_unknown_helo_hostname"},
    {"Sender address rejected: need fully-qualified address", "reject_non_fqdn_sender"},
    {"Recipient address rejected: need fully-qualified address", "reject_non_fqdn_recipient"},
    {"Sender address rejected: Domain not found", "reject_unknown_sender_domain"},
    {"Sender address rejected: Malformed DNS server reply", "reject_unknown_sender_domain"},
    {"Recipient address rejected: Domain not found", "reject_unknown_recipient_domain"},
    {"Recipient address rejected: Malformed DNS server reply", "reject_unknown_recipient_domain"},
    {"Sender address rejected: not owned by user", "reject_sender_login_mismatch"},
    {"Sender address rejected: not logged in", "reject_unauthenticated_sender_login_mismatch"},
    {"Recipient address rejected: undeliverable address", "reject_unverified_recipient"},
    {"Sender address rejected: undeliverable address", "reject_unverified_sender"},
    {"Client host rejected: Access denied", "check_client_access"},
    {"Helo command rejected: Access denied", "check_helo_access"},
    {"Sender address rejected: Access denied", "check_sender_access"},
    {"Recipient address rejected: Access denied", "check_recipient_access"},
    {"Client host blocked using", "reject_rbl_client"},
    {"Client host [", "reject_rbl_client"},
    {"Sender address blocked using", "reject_rhsbl_sender"},
    {"Helo command blocked using", "reject_rhsbl_helo"},
    {"Recipient address blocked using", "reject_rhsbl_recipient"},
    {"Improper use of SMTP command pipelining", "reject_unauth_pipelining"},
    {"Message size exceeds fixed limit", "message_size_limit"},
    {"Insufficient system storage", "queue_minfree"},
    {"Multi-recipient bounce", "reject_multi_recipient_bounce"},
    {"Server configuration error", "(server configuration error)"},
    {"Server configuration problem", "(server configuration problem)"},
    {"Temporary lookup failure", "(table lookup failure)"},
    {"Server local data error", "(server local data error)"},
    {"Service currently unavailable", "postscreen"},
    {"Protocol error", "(protocol error)"},
    {"Client host rejected:", "client restriction (access table or policy)"},
    {"Helo command rejected:", "helo restriction (access table or policy)"},
    {"Sender address rejected:", "sender restriction (access table or policy)"},
    {"Recipient address rejected:", "recipient restriction (access table or policy)"},
    {"Data command rejected:", "data restriction (access table or policy)"},
    {"Etrn command rejected:", "etrn restriction (access table or policy)"},
    {"blocked using", "DNS block list"},
};

/* sk_restriction - which restriction a reject reply comes from; the
 * daemon tells postscreen's own tests from smtpd's restrictions */
const char *sk_restriction(struct span reason, struct span daemon)
{
	if (span_eqs(daemon, "postscreen")) {
		if (span_index(reason, "blocked using") >= 0)
			return "postscreen_dnsbl_sites (postscreen_dnsbl_action)";
		if (span_index(reason, "Protocol error") >= 0)
			return "postscreen protocol tests (bare newline, non-SMTP command, pipelining)";
		return "postscreen (pregreet, DNSBL or denylist)";
	}
	for (size_t i = 0; i < sizeof restrictions / sizeof restrictions[0]; i++)
		if (span_index(reason, restrictions[i].text) >= 0)
			return restrictions[i].restriction;
	return "other";
}

/* sk_reply_reason - the reply of a reject without what varies per
 * message: "<address>: " prefixes, [bracketed] addresses, the list
 * lookup URL, and the "; from=<...> to=<...>" tail */
void sk_reply_reason(struct span r, struct buf *out)
{
	static const char *const tails[] = {"; from=<", "; to=<", "; proto=", "; helo=<",
					    "; sasl_", NULL};
	size_t end = r.n;
	for (int i = 0; tails[i]; i++) {
		ptrdiff_t k = span_index(r, tails[i]);
		if (k >= 0 && (size_t)k < end)
			end = (size_t)k;
	}
	r = span_head(r, end);
	size_t start = out->n;
	for (size_t i = 0; i < r.n; i++) {
		if (r.p[i] == '<') {
			ptrdiff_t k = find_from(r, i, ">: ");
			if (k >= 0) {
				i = (size_t)k + 2;
				continue;
			}
		}
		if (r.p[i] == '[') {
			ptrdiff_t k = find_from(r, i, "]");
			if (k >= 0) {
				while (out->n > start && out->p[out->n - 1] == ' ')
					out->n--;
				i = (size_t)k;
				continue;
			}
		}
		if (at(r, i, " blocked using ")) {
			size_t st = i + 15, n = run_not(r, st, ";, ");
			buf_puts(out, " blocked using ");
			buf_putspan(out, span_make(r.p + st, n));
			break;
		}
		buf_putc(out, r.p[i]);
	}
	while (out->n > start && (out->p[out->n - 1] == ' ' || out->p[out->n - 1] == ',' ||
				  out->p[out->n - 1] == ';'))
		out->n--;
	if (out->n - start > 120) {
		out->n = start + utf8_cut(out->p + start, out->n - start, 117);
		buf_puts(out, "...");
	}
}
