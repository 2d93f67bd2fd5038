/*
 * unflatten.c - records that a copy site or a chat tool flattened onto
 * one physical line, split again before they are read:
 *
 *   Sep 19 16:00:16 t7 postfix/smtpd[1309]: connect from a[192.0.2.1] Sep
 *   19 16:00:16 t7 postfix/smtpd[1309]: 34D37115F3A: client=a[192.0.2.1] ...
 *
 * A line whose own start is a syslog prefix (classic or ISO time, a host,
 * a program tag of its own) is cut before each blank-led time of the same
 * shape that is followed by the same host and reads as a whole prefix
 * with a tag again; a line whose prefix has no host ("Feb 23 11:57:42
 * postfix/smtpd[1]: ...", as some pastes and copy sites give it) is cut
 * before each such time followed at once by a tag, the piece's prefix
 * again without a host.  Each piece keeps its trailing text, without the
 * blanks before the next.  Postfix never writes such lines, and a sender
 * address or a header can carry words that look like a prefix: order.c
 * asks only for a short pasted input it keeps whole (the evidence of a
 * paste), never for a log read as it comes.
 */
#include "unflatten.h"
#include "../syslog/prefix.h"

#include <string.h>

static inline bool dig(char c)
{
	return c >= '0' && c <= '9';
}

/* time_len - the length of a time of the shape fmt at p (n bytes left)
 * up to its blank, or 0: "Mmm dd hh:mm:ss" (with a fraction or not) or
 * "yyyy-mm-ddThh:mm:ss..." */
static size_t time_len(enum line_format fmt, const char *p, size_t n)
{
	size_t k;
	if (fmt == FMT_CLASSIC) {
		if (n < 16 || !(p[0] >= 'A' && p[0] <= 'Z') || !(p[1] >= 'a' && p[1] <= 'z') ||
		    !(p[2] >= 'a' && p[2] <= 'z') || p[3] != ' ' || !(p[4] == ' ' || dig(p[4])) ||
		    !dig(p[5]) || p[6] != ' ' || !dig(p[7]) || !dig(p[8]) || p[9] != ':' ||
		    !dig(p[10]) || !dig(p[11]) || p[12] != ':' || !dig(p[13]) || !dig(p[14]))
			return 0;
		k = 15;
	} else if (fmt == FMT_ISO) {
		if (n < 20 || !dig(p[0]) || !dig(p[1]) || !dig(p[2]) || !dig(p[3]) || p[4] != '-' ||
		    !dig(p[5]) || !dig(p[6]) || p[7] != '-' || !dig(p[8]) || !dig(p[9]) ||
		    (p[10] != 'T' && p[10] != ' '))
			return 0;
		k = 11;
	} else {
		return 0;
	}
	while (k < n && p[k] != ' ')
		k++;
	return k < n ? k : 0;
}

/* starts_record - a record of the line's shape and host begins at p */
static bool starts_record(struct syslog_state *scratch, const struct logline *first, const char *p,
			  size_t n)
{
	size_t t = time_len(first->format, p, n);
	if (!t || t + 1 + first->host.n + 1 > n)
		return false;
	/* with a host, the same host and a blank; without, no blank at once */
	if (first->host.n ? memcmp(p + t + 1, first->host.p, first->host.n) ||
				    p[t + 1 + first->host.n] != ' '
			  : p[t + 1] == ' ')
		return false;
	struct logline l;
	/* the text inside the piece (a state's buffer holds a rewritten one),
	 * the host as absent as the line's first */
	return syslog_parse(scratch, span_make(p, n), &l) && !l.inferred && l.format == first->format &&
	       (l.host.n == 0) == (first->host.n == 0) && l.text.p > p + t && l.text.p <= p + n;
}

/* trim_end - without the blanks before the next record */
static struct span trim_end(const char *p, size_t n)
{
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return span_make(p, n);
}

/* unflatten_split - line's records into out (at most max), their count
 * when there are two or more; 0 for a line of one record */
size_t unflatten_split(struct syslog_state *scratch, struct span line, struct span *out, size_t max)
{
	struct logline first;
	if (max < 2 || line.n < 40 || !syslog_parse(scratch, line, &first) || first.inferred ||
	    (first.format != FMT_CLASSIC && first.format != FMT_ISO))
		return 0;
	/* the scan starts at the text, which must lie in the line (a table
	 * squeezed of its doubled blanks is read from the state's buffer) */
	if (first.text.p < line.p || first.text.p > line.p + line.n)
		return 0;
	/* the host is in the line: a copy, since the scratch state's next
	 * parse may point it elsewhere */
	char host[PREFIX_NAME_MAX + 1];
	if (first.host.n > PREFIX_NAME_MAX)
		return 0;
	if (first.host.n) /* a line without a host may have no pointer for it */
		memcpy(host, first.host.p, first.host.n);
	first.host = span_make(host, first.host.n);
	size_t k = 0, start = 0;
	const char *p = line.p;
	for (size_t i = (size_t)(first.text.p - line.p); i + 1 < line.n && k + 1 < max; i++) {
		if (p[i] != ' ' || p[i + 1] == ' ')
			continue;
		if (!starts_record(scratch, &first, p + i + 1, line.n - i - 1))
			continue;
		out[k++] = trim_end(p + start, i - start);
		start = i + 1;
	}
	if (!k)
		return 0;
	out[k++] = trim_end(p + start, line.n - start);
	return k;
}
