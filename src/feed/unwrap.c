/*
 * unwrap.c - a Postfix line that a paste tool, a mail client or a
 * terminal wrapped over several lines, joined again before it is read.
 *
 * A wrapped line is a line with a syslog prefix followed by lines
 * without one that go on with it: a line that starts with blanks (an
 * indented wrap, or the blank the cut fell on), a line after one that
 * ends with a blank (a word wrap that kept it), or a line after a cut
 * at a width (unwrap_continues says when: a terminal cuts every piece at
 * the same column, a web page where a word ends, mid-word if need be).  The
 * pieces are joined with one blank where either side of the cut had
 * blanks and with none where neither had (the cut fell inside a word).
 * The join is kept only when the whole reads as a Postfix line that
 * says more than the first piece alone (unwrap_join says how): a whole
 * line followed by a line that happens to start with a blank stays as it
 * is.  A line quoted in a mail ("> " before each piece, as a list
 * archive keeps a reply) is joined without the marks of its pieces.  Its
 * pieces after the first then belong to it (order.c hands the joined
 * line over with the first piece's number).  Postfix never writes such
 * lines: only pasted inputs are joined (order.c decides).
 */
#include "unwrap.h"
#include "../parse/event.h"
#include "../syslog/prefix.h"
#include "../util/buf.h"

#include <string.h>

#define UNWRAP_MIN_WIDTH 60

static inline bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* trim_end - without its trailing blanks and CR */
static struct span trim_end(struct span s)
{
	while (s.n && (blank(s.p[s.n - 1]) || s.p[s.n - 1] == '\r'))
		s.n--;
	return s;
}

/* fields - how many of the event's fields the line filled */
static int fields(const struct event *ev)
{
	int n = 0;
#define X(m, s) n += ev->m.p != NULL;
	EVENT_SPANS(X)
#undef X
	return n;
}

/* unwrap_continues - does line (no prefix) go on with the wrapped line,
 * prev being the piece before it: it starts with a blank, or prev ends
 * with one; or it follows a cut at a width (width: the head has a
 * program tag of its own; after the message alone, journalctl -o cat,
 * the next program's line is no piece of it), prev at least
 * UNWRAP_MIN_WIDTH long and either a later piece as long as the head (a
 * terminal cuts every piece at the same column; later: prev is not the
 * head) or the text so far cut short (cut: the head alone reads as no
 * known line or as a delivery line without its status=, or a bracket is
 * still open) */
bool unwrap_continues(struct span prev, struct span line, bool width, size_t head_n, bool later,
		      bool cut)
{
	struct span t = trim_end(line);
	if (!t.n)
		return false; /* a blank line ends it */
	if (blank(line.p[0]))
		return true;
	if (prev.n && blank(prev.p[prev.n - 1]))
		return true;
	struct span pt = trim_end(prev);
	if (pt.n && (pt.p[pt.n - 1] == ',' || pt.p[pt.n - 1] == ':'))
		return true; /* key=value items wrapped after a comma, "QID:" before its text */
	return width && prev.n >= UNWRAP_MIN_WIDTH && ((later && prev.n == head_n) || cut);
}

/* brackets - '(' minus ')', '[' minus ']', '<' minus '>' of s, added */
static void brackets(struct span s, int *open)
{
	for (size_t i = 0; i < s.n; i++) {
		char c = s.p[i];
		open[0] += c == '(' ? 1 : c == ')' ? -1 : 0;
		open[1] += c == '[' ? 1 : c == ']' ? -1 : 0;
		open[2] += c == '<' ? 1 : c == '>' ? -1 : 0;
	}
}

/* join - head and the k lines after it, into *out; false past the size */
static bool join(struct span head, const struct span *after, size_t k, struct buf *out)
{
	out->n = 0;
	struct span h = trim_end(head);
	buf_putspan(out, h);
	bool cut_blank = head.n && (blank(head.p[head.n - 1]) || (h.n && (h.p[h.n - 1] == ',' || h.p[h.n - 1] == ':')));
	for (size_t i = 0; i < k; i++) {
		struct span s = after[i];
		bool lead = s.n && blank(s.p[0]);
		while (s.n && blank(s.p[0]))
			s = span_skip(s, 1);
		s = trim_end(s);
		if (out->n + s.n + 1 > UNWRAP_MAX_BYTES)
			return false;
		if ((cut_blank || lead) && out->n)
			buf_putc(out, ' ');
		buf_putspan(out, s);
		cut_blank = after[i].n && blank(after[i].p[after[i].n - 1]);
		cut_blank |= s.n && (s.p[s.n - 1] == ',' || s.p[s.n - 1] == ':');
	}
	return true;
}

/* balanced - as many '(' as ')' and '[' as ']': a line read to its
 * end (a cut one leaves "(host ... said: 550-Reques" open) */
static bool balanced(struct span s)
{
	int par = 0, sq = 0;
	for (size_t i = 0; i < s.n; i++) {
		char c = s.p[i];
		par += c == '(' ? 1 : c == ')' ? -1 : 0;
		sq += c == '[' ? 1 : c == ']' ? -1 : 0;
	}
	return !par && !sq;
}

/* closed - 2 when balanced; 1 when read to the end of the SMTP client's
 * reply, "(in reply to ... command)": a reply whose paste lost one of
 * its parentheses ("(host [] said: 451 ... (in reply to end of DATA
 * command)") still ends where Postfix's line ends, where a cut one ends
 * inside its reply ("(host"); prose after a cut reply ends elsewhere */
static int closed(struct span s)
{
	struct span t = trim_end(s);
	static const char end[] = " command)";
	size_t n = sizeof end - 1;
	if (balanced(s))
		return 2;
	return t.n >= n && !memcmp(t.p + t.n - n, end, n) && span_find(t, "(in reply to ").p;
}

/* score - four times the fields a line fills, and how closed it is;
 * -1 when it is no Postfix line of a known kind; *type its kind, *short
 * (may be NULL) a delivery line without its status= (one Postfix always
 * writes: the line was cut before it) */
static int score(struct syslog_state *scratch, struct span line, enum ev_type *type, bool *cut_short)
{
	struct logline l;
	struct event ev;
	*type = EV_UNKNOWN;
	if (cut_short)
		*cut_short = false;
	if (!syslog_parse(scratch, line, &l) || !l.postfix)
		return -1;
	parse_line(&l, &ev);
	*type = ev.type;
	if (cut_short)
		*cut_short = ev.type == EV_DELIVERY && !ev.status.p;
	if (ev.type == EV_UNKNOWN || ev.type == EV_OTHER)
		return -1;
	return 4 * fields(&ev) + closed(line);
}

/* quote_len - the mail quote marks a line starts with (">", "> ",
 * "> > "): each '>' with the one blank after it; 0 when none */
static size_t quote_len(struct span s)
{
	size_t i = 0, end = 0;
	while (i < s.n && s.p[i] == '>') {
		i++;
		if (i < s.n && blank(s.p[i]))
			i++;
		end = i;
		while (i < s.n && blank(s.p[i]) && i + 1 < s.n && s.p[i + 1] == '>')
			i++;
	}
	return end;
}

/* unquote - a piece of a wrapped line quoted in a mail as its head was
 * ("> " before each piece, q the head's marks): the piece without them,
 * its own blanks after them kept (a wrap's indent); SPAN_NULL when it
 * lacks them (the quote ended) */
static struct span unquote(struct span s, struct span q)
{
	if (s.n >= q.n && !memcmp(s.p, q.p, q.n))
		return span_skip(s, q.n);
	/* "> " in the head, ">" alone before a piece (a client that trims) */
	if (q.n && blank(q.p[q.n - 1]) && s.n >= q.n - 1 && !memcmp(s.p, q.p, q.n - 1))
		return span_skip(s, q.n - 1);
	return SPAN_NULL;
}

/* unwrap_join - head and the n lines after it (none with a prefix, or
 * indented words alone): how many of them go on with it, the joined line
 * left in *out; 0 when none does.  Of the runs of pieces that go on
 * (unwrap_continues), the shortest that scores best, above the head
 * alone: a line of a known kind where the head alone was none; else of
 * the head's own kind with more of the event's fields (a delivery line
 * cut before its status gets it back), or the same and its brackets
 * closed (a reason cut short gets its end); prose after a whole line
 * makes no line of its kind, or adds nothing, and stays apart */
size_t unwrap_join(struct syslog_state *scratch, struct span head, bool tagged, const struct span *after,
		   size_t n, struct buf *out)
{
	/* a head names its program ("postfix/smtpd", or the message alone
	 * told by its words): a bare "postfix:" (a YAML key in a test file)
	 * starts no wrapped line */
	struct logline hl;
	if (!syslog_parse(scratch, head, &hl) || !hl.daemon.n ||
	    (!hl.inferred && span_chr(hl.prog, '/') < 0))
		return 0;
	/* a line quoted in a mail ("> " before each piece): the pieces
	 * without the marks, up to the first that lacks them */
	struct span q = span_head(head, quote_len(head)), un[UNWRAP_MAX_PARTS];
	if (q.n) {
		size_t m = 0;
		while (m < n && m < UNWRAP_MAX_PARTS && (un[m] = unquote(after[m], q)).p)
			m++;
		after = un;
		n = m;
	}
	enum ev_type alone, t;
	bool cut_short;
	int best_score = score(scratch, head, &alone, &cut_short);
	size_t most = 0;
	struct span prev = head;
	int open[3] = {0, 0, 0};
	brackets(head, open);
	/* a reply whose '(' or '[' a piece already carried on stays open
	 * past a short piece too: a page that broke the line where the
	 * remote's own reply had its line breaks; the join is kept only if
	 * it then closes (score) */
	while (most < n && most < UNWRAP_MAX_PARTS &&
	       (unwrap_continues(prev, after[most], tagged, head.n, most > 0,
				 best_score < 0 || cut_short || open[0] > 0 || open[1] > 0 || open[2] > 0) ||
		(tagged && most > 0 && (open[0] > 0 || open[1] > 0) && trim_end(after[most]).n))) {
		prev = after[most++];
		brackets(prev, open);
	}
	if (!most)
		return 0;
	/* a head of a kind of its own keeps it: "QID: removed" and the
	 * question pasted after it make no line of another kind; the SMTP
	 * client's "QID: TEXT" catch-all (a delivery line cut before its
	 * relay= reads so) may become the line it was cut from */
	bool keeps = best_score >= 0 && alone != EV_SMTP_ERROR;
	size_t best = 0;
	for (size_t k = 1; k <= most; k++) {
		if (!join(head, after, k, out))
			break;
		int sc = score(scratch, buf_span(out), &t, NULL);
		if (keeps && t != alone)
			continue;
		if (sc > best_score) {
			best = k;
			best_score = sc;
		}
	}
	if (best && !join(head, after, best, out))
		return 0;
	return best;
}
