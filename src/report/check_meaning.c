/*
 * check_meaning.c - what the checks run on a message said, for explain
 * on a pasted excerpt: so that "why did this spam reach my users?" is
 * answered line by line (which checks ran, which passed).  OpenDMARC's
 * result "JOBID: DOMAIN RESULT" and its own SPF check "JOBID:
 * SPF(mailfrom): DOMAIN RESULT" (opendmarc.c), OpenDKIM's verification
 * ("DKIM verification successful", "bad signature data", "no signature
 * data") and its "not internal" / "not authenticated" notes, Amavis's
 * main line "(PID-NN) Passed CATEGORY ..." / "Blocked CATEGORY ...",
 * spamd's "result: Y|. SCORE - TESTS ..." (its flag "Y" is spam, "." is
 * not).  Only the domain and the score are copied from the line, through
 * buf_term and bounded; the rest are the reader's words.
 */
#include "check_meaning.h"

#include "../util/i18n.h"

#include <string.h>

/* after_job - the text after a leading "JOBID: " (no blank in the ID, at
 * most 64 bytes), or the text itself when there is none */
static struct span after_job(struct span t)
{
	ptrdiff_t c = span_index(t, ": ");
	if (c > 0 && c <= 64 && span_chr(span_head(t, (size_t)c), ' ') < 0)
		return span_skip(t, (size_t)c + 2);
	return t;
}

/* word - the first blank-separated word of s (at most 80 bytes) */
static struct span word(struct span s)
{
	ptrdiff_t sp = span_chr(s, ' ');
	struct span w = sp >= 0 ? span_head(s, (size_t)sp) : s;
	return w.n > 80 ? span_head(w, 80) : w;
}

/* dmarc - OpenDMARC's result, or its own SPF check's */
static bool dmarc(struct buf *b, struct span t)
{
	bool spf = span_starts(t, "SPF(mailfrom): ");
	if (spf)
		t = span_skip(t, 15);
	struct span dom = word(t);
	if (!dom.n || dom.n >= t.n || span_chr(dom, '.') < 0)
		return false;
	struct span res = span_skip(t, dom.n + 1);
	struct buf d = {0};
	buf_term(&d, dom);
	buf_putc(&d, 0);
	bool told = true;
	if (spf && (span_eqs(res, "pass") || span_eqs(res, "fail") || span_eqs(res, "softfail") ||
		    span_eqs(res, "neutral") || span_eqs(res, "none") || span_eqs(res, "temperror") ||
		    span_eqs(res, "permerror")))
		/* TRANSLATORS: the envelope sender's domain; OpenDMARC's SPF result word */
		buf_printf(b, _("its own SPF check of the envelope sender's domain %s: %.*s"), d.p,
			   (int)res.n, res.p);
	else if (spf)
		told = false;
	else if (span_eqs(res, "fail"))
		/* TRANSLATORS: the message's From: domain */
		buf_printf(b, _("the From: domain %s failed DMARC (no aligned SPF pass, no aligned "
				"DKIM signature). Unless a refusal \"by DMARC policy\" follows, the message was "
				"accepted: the domain's policy is none, or OpenDMARC's RejectFailures is false"),
			   d.p);
	else if (span_eqs(res, "pass"))
		buf_printf(b, _("the From: domain %s passed DMARC: the mail comes from that domain, "
				"which says nothing of whether it is wanted"),
			   d.p);
	else if (span_eqs(res, "none"))
		buf_printf(b, _("the From: domain %s publishes no DMARC policy: nothing to enforce"), d.p);
	else
		told = false;
	buf_free(&d);
	return told;
}

/* dkim - OpenDKIM's verification of a message */
static bool dkim(struct buf *b, struct span t)
{
	if (span_eqs(t, "DKIM verification successful"))
		buf_puts(b, _("the message's DKIM signature verified: its signing domain vouches for "
			      "it (whether it is spam is another question)"));
	else if (span_eqs(t, "bad signature data"))
		buf_puts(b, _("a DKIM signature of the message did not verify (changed on the way, or "
			      "forged); OpenDKIM only marks it unless On-BadSignature says otherwise"));
	else if (span_eqs(t, "no signature data"))
		buf_puts(b, _("the message carries no DKIM signature; nothing was refused for it"));
	else if (span_eqs(t, "not authenticated") || span_ends(t, " not internal"))
		buf_puts(b, _("the client is neither in InternalHosts nor logged in: the message is "
			      "verified, not signed"));
	else
		return false;
	return true;
}

/* amavis - Amavis's verdict on a message and what it did with it */
static bool amavis(struct buf *b, struct span t)
{
	if (t.n && t.p[0] == '(') { /* the "(PID-NN) " log ID */
		ptrdiff_t e = span_index(t, ") ");
		if (e < 0 || e > 64)
			return false;
		t = span_skip(t, (size_t)e + 2);
	}
	if (span_starts(t, "Passed CLEAN"))
		buf_puts(b, _("the content checks found the message clean and passed it on"));
	else if (span_starts(t, "Passed SPAM"))
		buf_puts(b, _("scored the message as spam and still passed it on (final_spam_destiny "
			      "D_PASS, or a score under the kill level): it is delivered with its spam headers, "
			      "and a Sieve rule may file it into Junk. To refuse such mail instead, lower "
			      "sa_kill_level_deflt or set D_REJECT, accepting that a false positive is then "
			      "refused"));
	else if (span_starts(t, "Passed BAD-HEADER"))
		buf_puts(b, _("found a malformed header in the message and passed it on"));
	else if (span_starts(t, "Blocked "))
		buf_puts(b, _("blocked the message: its fate is in braces (discarded, bounced, "
			      "rejected; quarantined when a copy was kept)"));
	else
		return false;
	return true;
}

/* spamd - SpamAssassin's score of a message */
static bool spamd(struct buf *b, struct span t)
{
	if (span_starts(t, "spamd: "))
		t = span_skip(t, 7);
	if (!span_starts(t, "result: ") || t.n < 11)
		return false;
	char flag = t.p[8];
	if ((flag != 'Y' && flag != '.') || t.p[9] != ' ')
		return false;
	struct span score = word(span_skip(t, 10));
	if (!score.n || score.n > 12)
		return false;
	struct buf s = {0};
	buf_term(&s, score);
	buf_putc(&s, 0);
	if (flag == 'Y')
		/* TRANSLATORS: the message's SpamAssassin score */
		buf_printf(b, _("SpamAssassin scored the message as spam (score %s); what then happens "
				"to it is up to the program that asked: the filter, or the delivery's Sieve rule"),
			   s.p);
	else
		buf_printf(b, _("SpamAssassin scored the message under its spam threshold (score %s)"), s.p);
	buf_free(&s);
	return true;
}

bool check_meaning(struct buf *b, const struct event *ev)
{
	const struct logline *l = ev->line;
	if (!l)
		return false;
	struct span d = l->daemon, t = l->text;
	if (span_eqs(d, "opendmarc"))
		return dmarc(b, after_job(t));
	if (span_eqs(d, "opendkim"))
		return dkim(b, after_job(t));
	if (span_starts(d, "amavis"))
		return amavis(b, t);
	if (span_eqs(d, "spamd"))
		return spamd(b, t);
	return false;
}
