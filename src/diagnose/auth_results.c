/*
 * auth_results.c - the SPF and DKIM checks of incoming mail, by their
 * own result lines and the refusals they cause:
 *
 *   auth-checks-dns-failing  policyd-spf's "prepend Received-SPF:
 *       Temperror (mailfrom) ...; envelope-from=S; ..." and its deferral
 *       ("451 4.4.3 SPF Temporary Error: DNS Timeout ..."), the Perl
 *       one's "Policy action=PREPEND Received-SPF: temperror (...)", and
 *       OpenDKIM's "JOBID: key retrieval failed (s=SEL, d=DOM): '...'
 *       query timed out" (opendkim.c, dkim_eom: "%s: key retrieval
 *       failed (s=%s, d=%s)%s%s" with libopendkim's error): the lookups
 *       of the checks got no answer.  One sender domain failing alone is
 *       that domain's name servers; the group is kept (diag_auth_dns) when
 *       two domains or more failed, or a large mail provider's (whose DNS
 *       always answers): then this host's resolver is the one failing.
 *       "record not found" and "no key" are the sender's own records,
 *       never this host's.
 *   spf-not-pass-accepted  policyd-spf's header for a result that is no
 *       pass and no fail (None, Neutral, Softfail): let through as SPF
 *       means it, a benign note keyed by the result.
 *   own-domain-forged  smtpd's SPF refusal ("SPF fail - not authorized",
 *       ev_spf_refusal) of a public client, not a large provider's
 *       server, whose envelope sender is in the recipient's domain: mail
 *       from outside claiming this server's own domain (a forgery, or one
 *       of its users sending through another provider's server); keyed by
 *       the client, whose verdict stays the verdicts' (a refusal).
 *
 * Pure functions of the event but diag_auth_dns; every value copied is
 * bounded (DIAG_KEY_MAX) and lower-cased, and none is read past its span.
 */
#include "diag_internal.h"
#include "rules_internal.h"
#include "../parse/provider.h"

#include <string.h>

#define SPF_TEMP_KEY "Temperror"
#define DKIM_DNS_KEY "key retrieval failed"

/* lower_eq - s equals the lower-case word w, whatever the case of s */
static bool lower_eq(struct span s, const char *w)
{
	size_t n = strlen(w);
	if (s.n != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s.p[i] >= 'A' && s.p[i] <= 'Z' ? (char)(s.p[i] + 32) : s.p[i];
		if (c != w[i])
			return false;
	}
	return true;
}

/* domain_ok - a domain name's bytes, with a dot, short enough for a key */
static bool domain_ok(struct span d)
{
	if (!d.n || d.n >= DIAG_KEY_MAX)
		return false;
	bool dot = false;
	for (size_t i = 0; i < d.n; i++) {
		char c = d.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
		      c == '-' || c == '_'))
			return false;
		dot |= c == '.';
	}
	return dot;
}

/* envelope_domain - the domain of policyd-spf's last "envelope-from="
 * value (its quotes and the ';' after it off): the client's own text,
 * used only as a subject; empty when it is no domain */
static struct span envelope_domain(struct span t)
{
	struct span v = SPAN_NULL;
	size_t off = 0;
	ptrdiff_t at;
	while ((at = span_index(span_skip(t, off), "envelope-from=")) >= 0) {
		v = span_skip(t, off + (size_t)at + 14);
		off += (size_t)at + 1;
	}
	if (!v.p)
		return SPAN_NULL;
	ptrdiff_t end = span_chr(v, ';');
	if (end >= 0)
		v = span_head(v, (size_t)end);
	while (v.n && (v.p[v.n - 1] == ' ' || v.p[v.n - 1] == '"'))
		v.n--;
	ptrdiff_t atsign = -1;
	for (size_t i = 0; i < v.n; i++)
		if (v.p[i] == '@')
			atsign = (ptrdiff_t)i;
	struct span d = atsign >= 0 ? span_skip(v, (size_t)atsign + 1) : v;
	return domain_ok(d) ? d : SPAN_NULL;
}

/* put_lower - a bounded lower-case copy of s into out (DIAG_KEY_MAX) */
static void put_lower(char *out, struct span s)
{
	size_t n = s.n < DIAG_KEY_MAX - 1 ? s.n : DIAG_KEY_MAX - 1;
	for (size_t i = 0; i < n; i++)
		out[i] = s.p[i] >= 'A' && s.p[i] <= 'Z' ? (char)(s.p[i] + 32) : s.p[i];
	out[n] = 0;
}

/* spf_result - the result word of policyd-spf's header line: the Python
 * one's "prepend Received-SPF: Pass (mailfrom) ..." or the Perl one's
 * ": Policy action=PREPEND Received-SPF: pass (...) ..."; empty for
 * another line */
static struct span spf_result(struct span t)
{
	struct span r = span_find(t, "Received-SPF: ");
	if (!r.p)
		return SPAN_NULL;
	struct span head = span_head(t, (size_t)(r.p - t.p));
	if (!(span_eqs(head, "prepend ") || span_ends(head, "Policy action=PREPEND ")))
		return SPAN_NULL;
	r = span_skip(r, 14);
	ptrdiff_t sp = span_chr(r, ' ');
	return sp >= 0 ? span_head(r, (size_t)sp) : r;
}

/* spf_hit - policyd-spf's Temperror (header or deferral) or a result
 * that is no pass and no fail */
static bool spf_hit(struct span t, struct diag_hit *hit)
{
	struct span res = spf_result(t);
	bool temp = lower_eq(res, "temperror");
	/* its deferral: "451 4.4.3 SPF Temporary Error: ...", and a site's
	 * own "450 4.7.1 ... SPF Temperror" */
	if (!res.n && t.n > 4 && t.p[0] == '4' && span_digits(span_head(t, 3)) && t.p[3] == ' ')
		temp = span_find(t, "SPF Temporary Error").p || span_find(t, "Temperror").p ||
		       span_find(t, "TempError").p;
	memset(hit, 0, sizeof *hit);
	if (temp) {
		hit->id = F_IN_AUTH_DNS_FAILING;
		memcpy(hit->key, SPF_TEMP_KEY, sizeof SPF_TEMP_KEY);
		struct span d = envelope_domain(t);
		if (!d.n) {
			/* the deferral names the domain after "looking up " */
			struct span l = span_find(t, "looking up ");
			if (l.p) {
				l = span_skip(l, 11);
				ptrdiff_t sp = span_chr(l, ' ');
				if (sp >= 0)
					l = span_head(l, (size_t)sp);
				while (l.n && (l.p[l.n - 1] == '.' || l.p[l.n - 1] == ':'))
					l.n--;
				d = domain_ok(l) ? l : SPAN_NULL;
			}
		}
		put_lower(hit->subject, d);
		return true;
	}
	if (lower_eq(res, "none") || lower_eq(res, "neutral") || lower_eq(res, "softfail")) {
		hit->id = F_IN_SPF_NOT_PASS;
		put_lower(hit->key, res);
		put_lower(hit->subject, envelope_domain(t));
		return true;
	}
	return false;
}

/* dkim_hit - OpenDKIM's "key retrieval failed (s=SEL, d=DOM): ..." whose
 * error is a lookup that got no answer (a timeout, SERVFAIL, "try
 * again"), not a record that is missing */
static bool dkim_hit(struct span t, struct diag_hit *hit)
{
	struct span k = span_find(t, "key retrieval failed (s=");
	if (!k.p)
		return false;
	struct span rest = span_skip(k, 24);
	if (!(span_find(rest, "timed out").p || span_find(rest, "SERVFAIL").p ||
	      span_find(rest, "try again").p))
		return false;
	struct span d = span_find(rest, ", d=");
	if (!d.p)
		return false;
	d = span_skip(d, 4);
	ptrdiff_t close = span_chr(d, ')');
	if (close < 0)
		return false;
	d = span_head(d, (size_t)close);
	memset(hit, 0, sizeof *hit);
	hit->id = F_IN_AUTH_DNS_FAILING;
	memcpy(hit->key, DKIM_DNS_KEY, sizeof DKIM_DNS_KEY);
	put_lower(hit->subject, domain_ok(d) ? d : SPAN_NULL);
	return true;
}

/* diag_auth_hit - policyd-spf's or OpenDKIM's result line: one of the
 * findings above, or false */
bool diag_auth_hit(const struct event *ev, struct diag_hit *hit)
{
	const struct logline *l = ev->line;
	if (!l)
		return false;
	if (span_eqs(l->daemon, "opendkim"))
		return dkim_hit(l->text, hit);
	if (span_eqs(l->daemon, "policyd-spf") || span_eqs(l->daemon, "policy-spf"))
		return spf_hit(l->text, hit);
	return false;
}

/* diag_forged_own_hit - smtpd's SPF refusal of a public client (no large
 * provider's server) whose envelope sender's domain is the recipient's:
 * own-domain-forged, keyed by the client */
bool diag_forged_own_hit(const struct event *ev, struct diag_hit *hit)
{
	if (ev->type != EV_REJECT || !ev_spf_refusal(ev->reason) || !ev->from.n || !ev->to.n)
		return false;
	enum addr_kind k = diag_addr_kind(ev->client_ip);
	if (k == ADDR_LOOPBACK || k == ADDR_PRIVATE)
		return false;
	if (ev_provider_server(ev->client_name, ev->client_ip, ev->helo))
		return false;
	struct span fd = diag_rcpt_domain(ev->from), td = diag_rcpt_domain(ev->to);
	if (!domain_ok(fd) || fd.n != td.n)
		return false;
	for (size_t i = 0; i < fd.n; i++) {
		char a = fd.p[i] >= 'A' && fd.p[i] <= 'Z' ? (char)(fd.p[i] + 32) : fd.p[i];
		char b = td.p[i] >= 'A' && td.p[i] <= 'Z' ? (char)(td.p[i] + 32) : td.p[i];
		if (a != b)
			return false;
	}
	memset(hit, 0, sizeof *hit);
	hit->id = F_IN_OWN_DOMAIN_FORGED;
	put_lower(hit->key, fd);
	diag_copy_key(hit->subject, ev->client_ip);
	return true;
}

/* the large providers' own domains: their DNS answers; a lookup of one
 * that timed out is this host's */
static const char *const big_domains[] = {"gmail.com", "google.com", "googlemail.com", "outlook.com",
					  "hotmail.com", "microsoft.com", "yahoo.com", "icloud.com",
					  "amazonses.com", "facebookmail.com"};

/* dns_kept - a group of failed lookups that tells of this host: two
 * domains or more, or one of the large providers' */
static bool dns_kept(const struct diag_group *g)
{
	if (strset_len(&g->subjects) >= 2)
		return true;
	for (size_t i = 0; i < sizeof big_domains / sizeof big_domains[0]; i++)
		if (strset_has(&g->subjects, span_of(big_domains[i])))
			return true;
	return false;
}

/* diag_auth_dns - the auth-checks-dns-failing groups that tell of one
 * sender domain's name servers only are dropped (whole log, before the
 * list is sorted) */
void diag_auth_dns(struct diag *d)
{
	static const char *const keys[] = {SPF_TEMP_KEY, DKIM_DNS_KEY};
	for (size_t i = 0; i < 2; i++) {
		struct diag_group *g = diag_group_find(d, F_IN_AUTH_DNS_FAILING, keys[i]);
		if (g && !dns_kept(g))
			diag_group_drop(d, g);
	}
}
