/*
 * analysis.c - aggregate closed sessions and the side events the model
 * does not keep per client address and per SASL account into their
 * records (records.c); closed messages are folded in messages.c; what
 * the whole log concludes, and the verdicts, run in conclude.c (the
 * rules in verdict.c).
 *
 * Untrusted: every name kept here came from the log; they are copied
 * (capped) and escaped by the writers.
 */
#include "records.h"
#include "auth.h"
#include "../parse/provider.h"
#include "../parse/redact.h"
#include "../util/cidr.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* cap_dup - a capped copy */
static char *cap_dup(struct span s)
{
	if (s.n > NAME_CAP)
		s.n = NAME_CAP;
	return xspandup(s);
}

#define sat_add records_sat_add

/* detail_set - s as a NUL-terminated string in d's pool, in old's room
 * when it fits (old from d's pool, or NULL): what free(old) and
 * xspandup(s) gave, "" for an unset span; a string longer than the
 * pool's cut is kept whole (pool_keep), as xspandup kept it */
static char *detail_set(struct client_detail *d, char *old, struct span s)
{
	if (!s.p)
		s = SPAN_LIT("");
	return s.n <= POOL_STR_MAX ? pool_set(&d->pool, old, s) : pool_keep(&d->pool, s);
}

/* detail_cap - cap_dup's copy, in d's pool (detail_set) */
static char *detail_cap(struct client_detail *d, char *old, struct span s)
{
	if (s.n > NAME_CAP)
		s.n = NAME_CAP;
	return detail_set(d, old, s);
}

/* cap_join - s then sep appended to text[0..n), NAME_CAP bytes at most
 * (what detail_cap keeps anyway); the new length */
static size_t cap_join(char text[NAME_CAP], size_t n, struct span s, const char *sep)
{
	size_t m = s.n < NAME_CAP - n ? s.n : NAME_CAP - n;
	if (m)
		memcpy(text + n, s.p, m);
	n += m;
	for (; *sep && n < NAME_CAP; sep++)
		text[n++] = *sep;
	return n;
}

/* ---- names in the detail ---- */

/* count_name - bump name in a small fixed table; name is cut at NAME_CAP
 * first, as it is kept, so that a long text found again is counted */
static void count_name(struct client_detail *d, struct named_count *t, uint32_t *n, uint32_t max,
		       struct span name, uint32_t by)
{
	if (name.n > NAME_CAP)
		name.n = NAME_CAP;
	for (uint32_t i = 0; i < *n; i++)
		if (span_eqs(name, t[i].name)) {
			t[i].count += by;
			return;
		}
	if (*n < max)
		t[(*n)++] = (struct named_count){detail_cap(d, NULL, name), by};
}

/* analysis_refusal_text - a refusal's words kept with the client's
 * other refusals, for the verdict's quote (messages.c) */
void analysis_refusal_text(struct client_detail *d, struct span text)
{
	count_name(d, d->reject_text, &d->nreject_text, 4, text, 1);
}

/* dnsbl_note - dnsblog's answers for the client, "LIST as ANSWER" joined
 * by "; ", at most DNSBL_NOTED lists: postscreen asks several at once and
 * the list that explains the refusal need not be the last to answer.  An
 * error code stands alone until a listing comes, which replaces it */
#define DNSBL_NOTED 3
static void dnsbl_note(struct client_detail *d, const struct event *ev)
{
	bool error = ev_dnsbl_error_answer(ev->reason);
	struct span old = d->dnsbl ? span_of(d->dnsbl) : SPAN_NULL;
	size_t n = old.n ? 1 : 0;
	for (struct span t = old; ; n++) {
		ptrdiff_t i = span_index(t, "; ");
		struct span item = i >= 0 ? span_head(t, (size_t)i) : t;
		ptrdiff_t as = span_index(item, " as ");
		if (old.n && as >= 0 && span_eq(span_head(item, (size_t)as), ev->listed))
			return; /* that list already answered */
		if (i < 0)
			break;
		t = span_skip(t, (size_t)i + 2);
	}
	bool replace = !old.n || (!error && d->dnsbl_error_only);
	if (!replace && (error || n >= DNSBL_NOTED))
		return;
	struct buf b = {0};
	if (!replace) {
		buf_putspan(&b, old);
		buf_puts(&b, "; ");
	}
	buf_putspan(&b, span_head(ev->listed, ev->listed.n < 96 ? ev->listed.n : 96));
	buf_puts(&b, " as ");
	buf_putspan(&b, span_head(ev->reason, ev->reason.n < 64 ? ev->reason.n : 64));
	d->dnsbl = detail_set(d, d->dnsbl, buf_span(&b));
	d->dnsbl_error_only = error;
	buf_free(&b);
}

/* tried_note - the compact facts: one username, or several (a fixed
 * seed: the verdict must not depend on the run's) */
static void tried_note(struct client *c, struct span name)
{
	uint32_t h = records_name_hash(name);
	if (!(c->flags & (CF_TRIED_ONE | CF_TRIED_MANY))) {
		c->flags |= CF_TRIED_ONE;
		c->tried_hash = h;
	} else if ((c->flags & CF_TRIED_ONE) && h != c->tried_hash) {
		c->flags = (uint8_t)((c->flags & ~CF_TRIED_ONE) | CF_TRIED_MANY);
	}
}

/* tried_get - the tried-username record in d, added if room */
static struct tried_user *tried_get(struct client_detail *d, struct span name)
{
	for (uint32_t i = 0; i < d->ntried; i++)
		if (span_eqs(name, d->tried[i].name))
			return &d->tried[i];
	if (d->ntried >= CLIENT_MAX_TRIED) {
		d->tried_dropped++;
		return NULL;
	}
	if ((d->ntried & (d->ntried - 1)) == 0) { /* 0, 1, 2, 4, 8 ...: grow by doubling */
		uint32_t cap = d->ntried ? d->ntried * 2 : 1;
		d->tried = xrealloc(d->tried, cap * sizeof *d->tried);
	}
	struct tried_user *t = &d->tried[d->ntried++];
	memset(t, 0, sizeof *t);
	t->name = detail_cap(d, NULL, name);
	return t;
}

/* client_tried_names - how many different usernames c tried (2 stands
 * for "two or more" when the detail was not kept) */
uint32_t client_tried_names(const struct analysis *a, const struct client *c)
{
	uint32_t n = c->flags & CF_TRIED_MANY ? 2 : c->flags & CF_TRIED_ONE ? 1 : 0;
	const struct client_detail *d = client_detail(a, c);
	return d && d->ntried > n ? d->ntried : n;
}

/* analysis_domain_hash - a domain's hash, case-blind, never 0 */
uint32_t analysis_domain_hash(struct span d)
{
	char low[256];
	size_t n = d.n < sizeof low ? d.n : sizeof low;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)d.p[i]);
	uint32_t h = (uint32_t)span_hash_seed(span_make(low, n), 0x72656c);
	return h ? h : 1;
}

/* stamp_span - widen [first, last] */
static void stamp_span(struct stamp *first, struct stamp *last, bool *have, struct stamp t)
{
	analysis_widen(first, last, have, t);
}

/* line_part_dup - a part of a log line, kept with its SASL secrets
 * hidden (Dovecot's auth_verbose_passwords "given password: ...") */
static char *line_part_dup(const struct analysis *a, struct client_detail *d, char *old,
			   const struct logline *l, struct span part)
{
	if (a->show_secrets)
		return detail_cap(d, old, part);
	struct redact st;
	struct redact_mask m;
	redact_init(&st, true);
	redact_msg(&st, l, &m);
	if (!redact_touches(&m, part))
		return detail_cap(d, old, part);
	struct buf b = {0};
	redact_put(&b, part, &m);
	char *s = detail_cap(d, old, buf_span(&b));
	buf_free(&b);
	return s;
}

/* dovecot_auth - "auth: passwd-file(user,1.2.3.4[,<id>]): unknown user",
 * as parse_dovecot split it (the address canonical) */
static void dovecot_auth(struct analysis *a, const struct event *ev)
{
	struct span user = ev->sasl_username, ip = ev->client_ip, result = ev->reason;
	if (!user.p || !ip.p || !result.p)
		return;
	if (span_starts(result, "Debug:") || span_starts(result, "Info:"))
		return;
	struct client *c = records_client_get(a, ip);
	if (!c || !user.n)
		return;
	tried_note(c, user);
	struct client_detail *d = records_detail_get(a, c);
	struct tried_user *tu = d ? tried_get(d, user) : NULL;
	if (!tu)
		return;
	tu->from_dovecot++;
	if (!tu->result || span_starts(result, "Password mismatch"))
		tu->result = line_part_dup(a, d, tu->result, ev->line, span_trim(result));
}

/* ps_evidence - a postscreen or dnsblog line as evidence for a client
 * no smtpd session tells of: the line itself, one per kind */
static void ps_evidence(struct analysis *a, struct client *c, const struct event *ev, enum verdict v)
{
	if (!a->at_line || c->sessions)
		return;
	struct client_detail *d = records_detail_get(a, c);
	if (!d || d->nevidence >= CLIENT_MAX_EVIDENCE)
		return;
	for (uint32_t i = 0; i < d->nevidence; i++)
		if (d->evidence[i].verdict == v)
			return;
	struct evidence_ref *e = &d->evidence[d->nevidence++];
	e->file_index = a->at_file;
	e->first_line = e->last_line = a->at_line;
	e->pid = ev->line->pid;
	e->host = detail_set(d, NULL, ev->line->host);
	e->session_id = 0;
	e->verdict = v;
}

/* ps_violation - postscreen's after-greeting tests caught the client
 * (postscreen_smtpd.c): "NON-SMTP COMMAND" (HTTP, garbage) is a non-SMTP
 * probe and "COMMAND PIPELINING" (commands sent before the replies) a
 * pipelining bot, as smtpd's own lines of the same kinds are, and so is
 * "COMMAND LENGTH LIMIT" (a line past line_length_limit, 2048 bytes: no
 * SMTP command comes near it, smtpd's "command line too long").  The
 * others, "BARE NEWLINE" (a line ended without CR), "COMMAND COUNT
 * LIMIT" (more commands than postscreen_command_count_limit while its
 * dummy engine refuses every one) and "COMMAND TIME LIMIT" (the session
 * outlasted postscreen_command_time_limit), are kept apart: a client
 * they caught that postscreen never passed and that never reached smtpd
 * is protocol-violation (verdict.c), one that came back and passed is
 * not (a mail server with many recipients can meet the count limit) */
static void ps_violation(struct analysis *a, const struct event *ev)
{
	bool non_smtp = span_eqs(ev->action, "NON-SMTP COMMAND") ||
			span_eqs(ev->action, "COMMAND LENGTH LIMIT");
	uint8_t limit = span_eqs(ev->action, "BARE NEWLINE")          ? PSL_BARE_NEWLINE
			: span_eqs(ev->action, "COMMAND COUNT LIMIT") ? PSL_COUNT
			: span_eqs(ev->action, "COMMAND TIME LIMIT")  ? PSL_TIME
								      : 0;
	if (!non_smtp && !limit && !span_eqs(ev->action, "COMMAND PIPELINING"))
		return;
	struct client *c = records_client_get(a, ev->client_ip);
	if (!c)
		return;
	if (limit) {
		c->times |= CT_PS_LIMIT;
		struct client_detail *d = records_detail_get(a, c);
		if (d) {
			sat_add(&d->ps_limits, 1);
			d->ps_limit_kinds |= limit;
			uint64_t port;
			if (limit == PSL_BARE_NEWLINE && span_u64(ev->client_port, &port) && port <= UINT16_MAX)
				d->ps_bare_port = (uint16_t)port;
		}
		ps_evidence(a, c, ev, V_PROTOCOL_VIOLATION);
		return;
	}
	enum verdict v = non_smtp ? V_NON_SMTP_PROBE : V_PIPELINING;
	sat_add(non_smtp ? &c->non_smtp : &c->pipelining, 1);
	sat_add(&c->by_verdict[v], 1);
	ps_evidence(a, c, ev, v);
}

/* login_mismatch - "Sender address rejected: not owned by user alice":
 * the account alice logged in and its mail client sent with a sender
 * address the login does not own; told in the account's entry */
static void login_mismatch(struct analysis *a, const struct event *ev)
{
	struct span user = ev_reject_login_mismatch(ev);
	if (!user.n || span_eqs(ev->action, "reject_warning"))
		return;
	struct account *ac = records_account_get(a, user);
	if (!ac)
		return;
	ac->flags |= AF_SENDER_REFUSED;
	struct account_detail *d = records_adetail_get(a, ac);
	if (!d)
		return;
	sat_add(&d->sender_refused, 1);
	if (!d->sender_example && ev->from.n)
		d->sender_example = cap_dup(ev->from);
	if (!d->sender_client && ev->client_ip.n)
		d->sender_client = cap_dup(ev->client_ip);
}

/* analysis_event - the side events the model does not keep */
void analysis_event(struct analysis *a, const struct event *ev)
{
	if (ev->line->format != FMT_NOTIME) /* a pasted line with no time */
		stamp_span(&a->first, &a->last, &a->have_time, ev->line->ts);
	switch (ev->type) {
	case EV_OTHER:
		if (span_eqs(ev->line->daemon, "dovecot"))
			dovecot_auth(a, ev);
		break;
	case EV_SASL_FAIL:
		/* the server's own backend failing (Cyrus's "generic failure":
		 * saslauthd unreachable; Dovecot's "Connection lost to
		 * authentication server": the auth process died or did not
		 * answer in time), not a wrong password: never a guess.  A
		 * guesser whose answers Dovecot delays (auth_penalty) past
		 * smtpd's 10 s also meets it; its other failures count */
		if (ev_sasl_backend_fault(ev)) {
			struct client *c = records_client_get(a, ev->client_ip);
			if (c)
				sat_add(&c->auth_backend_fail, 1);
		}
		break;
	case EV_PS_CONNECT: {
		struct client *c = records_client_get(a, ev->client_ip);
		if (c)
			sat_add(&c->ps_connects, 1);
		break;
	}
	case EV_PS_PREGREET: { /* a proxy's PROXY header is no bot's talk (finding) */
		bool proxy = ev_proxy_header(ev->command);
		struct client *c = records_client_get(a, ev->client_ip);
		if (c && proxy)
			c->diag_flags |= CD_PROXY_HEADER;
		if (c && !proxy) {
			sat_add(&c->pregreet, 1);
			sat_add(&c->by_verdict[V_PREGREET], 1);
			struct client_detail *d = records_detail_get(a, c);
			if (d && !d->pregreet) {
				d->pregreet = line_part_dup(a, d, NULL, ev->line, ev->command);
				d->pregreet_bytes = ev->count > 0 && ev->count < UINT32_MAX ? (uint32_t)ev->count : 0;
			}
			ps_evidence(a, c, ev, V_PREGREET);
		}
		break;
	}
	case EV_PS_VIOLATION:
		ps_violation(a, ev);
		break;
	case EV_PS_PASS: {
		/* passed: a mail server that met a limit once and came back;
		 * not the PASS NEW of the very session that sent a bare
		 * newline, which postscreen's default action (ignore) passes */
		struct client *c = records_client_get(a, ev->client_ip);
		if (!c)
			break;
		const struct client_detail *d = client_detail(a, c);
		uint64_t port;
		if (!(d && d->ps_bare_port && span_u64(ev->client_port, &port) && port == d->ps_bare_port))
			c->times |= CT_PS_PASSED;
		break;
	}
	case EV_PS_DNSBL: {
		struct client *c = records_client_get(a, ev->client_ip);
		if (!c)
			break;
		if (ev->listed.n) {
			/* dnsblog's answer: a listing, or an error code that is none */
			c->flags |= ev_dnsbl_error_answer(ev->reason) ? CF_DNSBL_ERROR : CF_DNSBL_LISTED;
			struct client_detail *d = records_detail_get(a, c);
			if (d)
				dnsbl_note(d, ev);
			break;
		}
		if (ev->count > 0 && (uint64_t)ev->count > c->ps_dnsbl_rank)
			c->ps_dnsbl_rank = ev->count > UINT16_MAX ? UINT16_MAX : (uint16_t)ev->count;
		ps_evidence(a, c, ev, V_UNKNOWN);
		break;
	}
	case EV_DELIVERY:
		/* this server's own domains: what its mailbox delivery agents deliver */
		if (span_eqs(ev->line->daemon, "local") || span_eqs(ev->line->daemon, "virtual") ||
		    span_eqs(ev->line->daemon, "lmtp")) {
			ptrdiff_t at = span_rchr(ev->to, '@');
			char low[256];
			struct span d = at >= 0 ? span_skip(ev->to, (size_t)at + 1) : SPAN_NULL;
			if (d.n && d.n < sizeof low) {
				for (size_t i = 0; i < d.n; i++)
					low[i] = (char)tolower((unsigned char)d.p[i]);
				strset_add(&a->local_domains, span_make(low, d.n));
			}
		}
		break;
	case EV_REJECT: {
		struct span dom;
		if (ev_reject_domain_not_found(ev, &dom) && dom.n && dom.n < 256) {
			char low[256];
			for (size_t i = 0; i < dom.n; i++)
				low[i] = (char)tolower((unsigned char)dom.p[i]);
			if (strset_add(&a->dnf_domains, span_make(low, dom.n)) &&
			    provider_mailbox_domain(span_make(low, dom.n)))
				a->dnf_known++;
		}
	}
		login_mismatch(a, ev);
		if (ev_reject_relay_denied(ev) && span_set(ev->from)) {
			struct client *c = records_client_get(a, ev->client_ip);
			ptrdiff_t at = span_rchr(ev->from, '@');
			if (c && !c->relay_from_hash && at >= 0)
				c->relay_from_hash = analysis_domain_hash(span_skip(ev->from, (size_t)at + 1));
			else if (c && !ev->from.n)
				c->relay_null_from = 1;
		}
		analysis_refused_sender(a, ev);
		/* postscreen rejects never reach a smtpd session; a refusal
		 * that was the server's own fault (a DNSBL's error code, its
		 * configuration) accuses nobody */
		if (span_eqs(ev->line->daemon, "postscreen")) {
			struct client *c = records_client_get(a, ev->client_ip);
			if (!c)
				break;
			sat_add(&c->rejects, 1);
			bool own = ev_reject_accuses_nobody(ev) || ev_reject_provider_listed(ev) ||
				   ((c->flags & CF_DNSBL_ERROR) && !(c->flags & CF_DNSBL_LISTED) &&
				    span_find(ev->reason, "blocked using").p);
			sat_add(&c->by_verdict[own ? V_UNKNOWN : V_SPAM_REJECTED], 1);
			/* its words, as a session's last refusal is kept: the
			 * verdict quotes one */
			struct client_detail *d = records_detail_get(a, c);
			if (d) {
				char text[NAME_CAP];
				size_t n = 0;
				if (ev->code.p)
					n = cap_join(text, n, ev->code, " ");
				if (ev->dsn.p)
					n = cap_join(text, n, ev->dsn, " ");
				n = cap_join(text, n, ev->reason, "");
				count_name(d, d->reject_text, &d->nreject_text, 4, span_make(text, n), 1);
			}
			ps_evidence(a, c, ev, own ? V_UNKNOWN : V_SPAM_REJECTED);
		}
		break;
	default:
		break;
	}
}

/* collect_offered - capabilities the server advertised, from the dialogue */
static void collect_offered(struct client_detail *d, const struct session *s)
{
	if (d->offered)
		return;
	struct buf b = {0};
	for (uint32_t i = 0; i < s->ndialogue; i++) {
		const struct dialogue_line *dl = &s->dialogue[i];
		if (dl->dir != '>')
			continue;
		struct span t = span_of(dl->text);
		/* "250-STARTTLS" or TLS-debug "250-x??250-PIPELINING??250 ..." */
		while (t.n) {
			struct span part;
			if (!span_until(&t, "??", &part)) {
				part = t;
				t = span_skip(t, t.n);
			}
			if (part.n > 4 && span_starts(part, "250") && (part.p[3] == '-' || part.p[3] == ' ')) {
				struct span cap = span_skip(part, 4);
				if (span_starts(cap, "STARTTLS") || span_starts(cap, "AUTH")) {
					if (b.n)
						buf_puts(&b, ", ");
					buf_putspan(&b, cap);
				}
			}
		}
	}
	if (b.n)
		d->offered = detail_cap(d, NULL, buf_span(&b));
	buf_free(&b);
}

/* analysis_is_port25 - is this smtpd program name the port 25 "smtp" service:
 * postfix/smtpd or postfix-inst/smtp/smtpd, not postfix/submission/smtpd */
bool analysis_is_port25(const char *program)
{
	if (!program)
		return false;
	const char *s1 = strchr(program, '/');
	if (!s1)
		return false;
	const char *s2 = strchr(s1 + 1, '/');
	if (!s2)
		return true;
	return (size_t)(s2 - s1 - 1) == 4 && !strncmp(s1 + 1, "smtp", 4);
}

/* analysis_is_submission - a Postfix service of master.cf's other than
 * the port 25 "smtp" one ("postfix/submission/smtpd",
 * "postfix/smtps/smtpd"): users' programs send there; a bare "smtpd" or
 * "postfix/smtpd" tells no service */
bool analysis_is_submission(const char *program)
{
	const char *s1 = program ? strchr(program, '/') : NULL;
	const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
	return s2 && !((size_t)(s2 - s1 - 1) == 4 && !strncmp(s1 + 1, "smtp", 4));
}

/* session_submission_unlogged - refused on a submission service (587,
 * 465) without ever trying to log in, by the bare "reject" that follows
 * permit_sasl_authenticated there ("Client host rejected: Access
 * denied", the same words for a sender or recipient restriction), not
 * for relaying: a mail program or device not set to log in (no
 * postscreen guards those ports).  Another check's refusal there
 * (reject_multi_recipient_bounce...) says something else */
bool session_submission_unlogged(const struct session *s)
{
	uint32_t ok = 0, auth = 0;
	session_stat(s, "auth", &ok, &auth);
	return s->rejects && analysis_is_submission(s->service) && !auth && !s->auth_failures &&
	       !s->relay_denied && s->last_reject && strstr(s->last_reject, " rejected: Access denied");
}

/* session_counts - the compact facts of one session */
static void session_counts(struct client *c, const struct session *s, enum verdict v, uint32_t fails)
{
	sat_add(&c->by_verdict[v], 1);
	uint32_t quit = 0, quits = 0;
	/* a steady checker (verdict_steady_checks) ends with QUIT and has a name of its
	 * own: not "unknown", nor an ISP's by address ("s198-51-100-2.static.example.net":
	 * the blocklisted client of seed 000 that probes every few minutes) */
	if (v == V_CAPABILITY_PROBE && !(session_stat(s, "quit", &quit, &quits) && quit && s->client_name &&
					 strcmp(s->client_name, "unknown") &&
					 !ptr_is_generic(s->client_name, s->client_ip)))
		c->diag_flags |= CD_UNSTEADY;
	/* the client's span from timed lines only: a pasted line without a time
	 * carries the last time read before it, not when this session was */
	bool timed = !s->start_untimed && !s->end_untimed;
	bool none_yet = !(c->times & CT_TIMED) && !c->first_us && !c->last_us;
	c->times |= timed ? CT_TIMED : CT_UNTIMED;
	if (timed && (none_yet || s->start.us < c->first_us)) {
		c->first_us = s->start.us;
		c->first_tz = s->start.tzoff;
		c->first_prec = s->start.prec;
	}
	if (timed && (none_yet || s->end.us > c->last_us)) {
		c->last_us = s->end.us;
		c->last_tz = s->end.tzoff;
		c->last_prec = s->end.prec;
	}
	sat_add(&c->sessions, 1);
	sat_add(&c->tls_sessions, s->tls);
	sat_add(&c->auth_failures, fails);
	if (s->auth_failures > s->auth_backend_failures + s->auth_mech_refused)
		sat_add(&c->pw_failures, s->auth_failures - s->auth_backend_failures - s->auth_mech_refused);
	if (fails && s->start.us < c->first_fail_us)
		c->first_fail_us = s->start.us;
	if (s->sasl_username) {
		sat_add(&c->auth_successes, 1);
		if (s->end.us > c->last_success_us)
			c->last_success_us = s->end.us;
	}
	uint32_t ok = 0, total = 0;
	session_stat(s, "auth", &ok, &total);
	if (ok || session_logged_in(s)) {
		sat_add(&c->auth_ok_sessions, 1);
		if (s->sasl_username)
			sat_add(&c->auth_named_sessions, 1);
	}
	if (fails && s->sasl_username)
		c->times |= s->auth_fell_back ? CT_FELL_BACK : CT_SAME_MECH;
	if (fails && !ok && !s->sasl_username) {
		sat_add(analysis_is_port25(s->service) ? &c->auth_fail_smtp : &c->auth_fail_other, 1);
		if (session_mech_fallback(s) && c->auth_fallback < UINT8_MAX)
			c->auth_fallback++;
	}
	for (uint32_t i = 0; i < s->ntried; i++)
		tried_note(c, span_of(s->tried[i].name));
	sat_add(&c->messages, s->messages);
	sat_add(&c->rejects, s->rejects);
	if (session_submission_unlogged(s))
		c->times |= CT_SUB_NOLOGIN;
	/* a monitoring tool's HELO; its verified name only on a health check (speed) */
	if (!(c->flags & CF_MONITOR_HELO) && ((s->helo && ev_monitor_helo(span_of(s->helo))) ||
					       (v == V_HEALTH_CHECK && session_monitor(s))))
		c->flags |= CF_MONITOR_HELO;
	if (s->proxy_header)
		c->diag_flags |= CD_PROXY_HEADER;
	session_marks(c, s);
	sat_add(&c->relay_denied, s->relay_denied);
	if (v == V_RELAY_ATTEMPT && !s->relay_denied && s->relay_tests) {
		sat_add(&c->relay_denied, s->relay_tests);
		c->times |= CT_RELAY_TEST;
	}
	sat_add(&c->non_smtp, s->non_smtp_count);
	if (s->pipelining && s->pipelining_stage && !strcmp(s->pipelining_stage, "CONNECT")) {
		if (v != V_TLS_FAILURE) /* TLS at once from the own network: session_tls_hello */
			sat_add(&c->pregreet, 1);
	}
	else if (s->pipelining)
		sat_add(&c->pipelining, 1);
}

/* session_login - a successful login: the account and the pair */
static void session_login(struct analysis *a, struct client *c, const struct session *s)
{
	struct account *ac = records_account_get(a, span_of(s->sasl_username));
	if (!ac)
		return;
	sat_add(&ac->logins, 1);
	struct login *l = records_login_get(a, records_client_number(a, c), records_account_number(a, ac));
	if (!l->logins) {
		l->first = s->start;
		l->last = s->end;
	}
	sat_add(&l->logins, 1);
	if (s->start.us < l->first.us)
		l->first = s->start;
	if (s->end.us > l->last.us)
		l->last = s->end;
}

/* note_start - the busiest minute of an address, over its last starts */
static void note_start(struct client *c, struct client_detail *d, int64_t us)
{
	if (!d->ring)
		d->ring = xcalloc(CLIENT_RING, sizeof *d->ring);
	d->ring[d->ring_pos] = us;
	d->ring_pos = (d->ring_pos + 1) % CLIENT_RING;
	if (d->nring < CLIENT_RING)
		d->nring++;
	uint32_t n = 0;
	for (uint32_t i = 0; i < d->nring; i++)
		if (d->ring[i] <= us && us - d->ring[i] < 60LL * 1000000)
			n++;
	if (n > c->peak_minute)
		c->peak_minute = (uint8_t)n;
}

/* session_detail - what only the prose needs */
static void session_detail(struct analysis *a, struct client_detail *d, struct client *c,
			   const struct session *s, enum verdict v)
{
	/* periodicity: intervals between successive session starts (the
	 * timed ones: a pasted line without a time has its neighbour's) */
	bool timed = s->saw_connect && !s->start_untimed;
	if (d->prev_start_us != INT64_MIN && timed) {
		double iv = fabs((double)(s->start.us - d->prev_start_us)) / 1e6;
		d->nintervals++;
		double dv = iv - d->iv_mean;
		d->iv_mean += dv / (double)d->nintervals;
		d->iv_m2 += dv * (iv - d->iv_mean);
		if (d->nsample < CLIENT_MAX_INTERVALS) {
			if (!d->sample)
				d->sample = xcalloc(CLIENT_MAX_INTERVALS, sizeof *d->sample);
			d->sample[d->nsample++] = iv * 1000 > 4e9 ? 4000000000u : (uint32_t)(iv * 1000);
		}
	}
	if (timed)
		d->prev_start_us = s->start.us;
	if (timed && a->track_peak)
		note_start(c, d, s->start.us);
	if (s->client_name && strcmp(s->client_name, "unknown") != 0 && !d->ptr)
		d->ptr = detail_set(d, NULL, span_of(s->client_name));
	if (s->helo)
		count_name(d, d->helo, &d->nhelo, CLIENT_MAX_NAMES, span_of(s->helo), 1);
	count_name(d, d->service, &d->nservice, 4, span_of(s->service), 1);
	if (s->sasl_username)
		for (uint32_t i = 0; i < d->ntried; i++)
			if (!strcmp(d->tried[i].name, s->sasl_username))
				d->tried[i].successes++;
	for (uint32_t i = 0; i < s->ntried; i++) {
		struct tried_user *tu = tried_get(d, span_of(s->tried[i].name));
		if (tu)
			tu->from_postfix += s->tried[i].count;
	}
	if (s->last_reject)
		count_name(d, d->reject_text, &d->nreject_text, 4, span_of(s->last_reject), 1);
	if (s->lost_stage) {
		d->lost_stage = detail_set(d, d->lost_stage, span_of(s->lost_stage));
		d->lost_errors = s->lost_reason && !strcmp(s->lost_reason, "too many errors");
	}
	if (session_tls_hello(s))
		d->pregreet_tls = true;
	if (s->tls_error && !d->tls_error)
		d->tls_error = detail_set(d, NULL, span_of(s->tls_error));
	if (s->tls_error && analysis_is_submission(s->service))
		d->tls_submission = true;
	/* a lost connection (or Postfix's "too many errors") ended it: only
	 * the disconnect line after it is missing, not what the client did */
	if (s->anvil_cut) {
		d->anvil_cut++;
		d->anvil_kinds |= s->anvil_cut;
	} else if (s->end_kind == END_OPEN && !s->lost_reason)
		d->open_sessions++;
	else if (!s->saw_connect && !s->have_stats)
		d->partial_sessions++;
	for (uint32_t i = 0; i < s->nstats; i++) {
		int k = records_cmd_slot(s->stats[i].name);
		if (k >= 0)
			d->cmd[k] += s->stats[i].total;
	}
	collect_offered(d, s);
	/* evidence: the first session, and the first of another kind */
	bool have_kind = false;
	for (uint32_t i = 0; i < d->nevidence; i++)
		have_kind |= d->evidence[i].verdict == v;
	if (d->nevidence < CLIENT_MAX_EVIDENCE && !have_kind && s->first_line) {
		struct evidence_ref *e = &d->evidence[d->nevidence++];
		e->file_index = s->file_index;
		e->first_line = s->first_line;
		e->last_line = s->last_line;
		e->pid = s->pid;
		e->host = detail_set(d, NULL, span_of(s->host ? s->host : ""));
		e->session_id = s->id;
		e->verdict = v;
	}
}

/* analysis_session - fold one closed smtpd session into its client */
void analysis_session(struct analysis *a, const struct session *s)
{
	a->sessions++;
	if (!s->client_ip)
		return;
	struct client *c = records_client_get(a, span_of(s->client_ip));
	uint32_t fails = session_auth_failures(s); /* asked once for both (speed35) */
	enum verdict v = verdict_session_fails(s, fails);
	session_counts(c, s, v, fails);
	if (s->name_tempfail && c)
		c->diag_flags |= CD_NAME_TEMPFAIL;
	if (v == V_SPAM_REJECTED && c) {
		/* refused for a domain that did not resolve, and nothing else:
		 * this host's resolver may be the one to blame (analysis_finish) */
		bool dnf = s->domain_rejects && s->rejects - s->local_rejects == s->domain_rejects;
		analysis_dnf_note(a, c, dnf);
	}
	if (s->sasl_username)
		session_login(a, c, s);
	/* AUTH decoded from -v or TLS-debug dialogue, when 3.9+ did not name it */
	struct auth_try tries[AUTH_MAX_TRIES];
	size_t ntries = 0;
	if (s->ndialogue && !s->ntried)
		ntries = auth_from_dialogue(s, tries, AUTH_MAX_TRIES);
	for (size_t i = 0; i < ntries; i++) {
		if (!tries[i].user[0])
			continue;
		a->auth_decoded++;
		if (!(s->sasl_username && !strcmp(tries[i].user, s->sasl_username)))
			tried_note(c, span_of(tries[i].user));
	}
	struct client_detail *d = records_detail_get(a, c);
	if (!d)
		return;
	session_detail(a, d, c, s, v);
	for (size_t i = 0; i < ntries; i++) {
		if (!tries[i].user[0] || (s->sasl_username && !strcmp(tries[i].user, s->sasl_username)))
			continue; /* the successful login */
		struct tried_user *tu = tried_get(d, span_of(tries[i].user));
		if (tu)
			tu->from_postfix++;
	}
}
