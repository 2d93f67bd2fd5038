/*
 * report_text.c - the text report: a first screen that says what matters
 * most ("At a glance", overview_text.c), then what to do, then one
 * section per kind of finding (accounts, campaigns, the server's
 * problems, clients, mail of unknown origin) ordered by the most serious
 * thing in each, with the first --top N items of each told in full, then
 * the input counters; --all tells every item and adds the traffic
 * summary.
 *
 * Everything from the log goes through buf_term.
 */
#include "report.h"
#include "findings.h"
#include "../util/i18n.h"
#include "../util/timefmt.h"

#include <limits.h>
#include <string.h>

#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_YEL "\033[33m"
#define C_GRN "\033[32m"
#define C_OFF "\033[0m"

/* col - a colour code when colour is on */
static void col(struct buf *b, bool color, const char *code)
{
	if (color)
		buf_puts(b, code);
}

/* while set, wrap_text folds nothing: the JSON report's copies of the
 * text sections, one paragraph a line (the writers run on one thread) */
static bool unbounded;

/* wrap_set_unbounded - fold nothing (on) or at each call's width again */
void wrap_set_unbounded(bool on)
{
	unbounded = on;
}

/* wrap_is_unbounded - whether wrap_text folds nothing now */
bool wrap_is_unbounded(void)
{
	return unbounded;
}

/* wrap_text - untrusted text folded at width, each line indented */
void wrap_text(struct buf *b, const char *text, int indent, int width)
{
	struct buf clean = {0};
	buf_term(&clean, span_of(text));
	struct span t = buf_span(&clean);
	int avail = unbounded ? INT_MAX : width - indent;
	if (avail < 20)
		avail = 20;
	while (t.n) {
		while (t.n && t.p[0] == ' ')
			t = span_skip(t, 1);
		if (!t.n)
			break;
		size_t cut = t.n;
		/* count display columns roughly: UTF-8 continuation bytes are free */
		size_t cols = 0, i = 0, last_space = 0;
		for (; i < t.n; i++) {
			if (((unsigned char)t.p[i] & 0xc0) != 0x80)
				cols++;
			if (t.p[i] == ' ')
				last_space = i;
			if (cols > (size_t)avail)
				break;
		}
		if (i < t.n)
			cut = last_space ? last_space : i;
		buf_printf(b, "%*s", indent, "");
		buf_put(b, t.p, cut);
		buf_putc(b, '\n');
		t = span_skip(t, cut);
	}
	buf_free(&clean);
}

/* evidence_text - the lines behind a client's verdict */
void evidence_text(struct buf *b, const struct client *c, const struct client_detail *d,
		   const struct evidence_set *ev)
{
	if (!ev || !d)
		return;
	for (uint32_t i = 0; i < d->nevidence; i++) {
		const struct evidence_lines *e = evidence_for(ev, &d->evidence[i]);
		if (!e || !e->n)
			continue;
		/* a session that looked legitimate on its own is evidence of what
		 * the client is (a login to a compromised account): say that */
		enum verdict v = verdict_of_evidence(d->evidence[i].verdict, c->verdict);
		if (d->evidence[i].session_id)
			buf_printf(b, _("      evidence (session #%llu, %s):\n"),
				   (unsigned long long)d->evidence[i].session_id, verdict_id(v));
		else
			buf_puts(b, _("      evidence (postscreen, before any smtpd session):\n"));
		for (uint32_t j = 0; j < e->n; j++) {
			buf_puts(b, "        ");
			buf_term(b, span_of(e->line[j]));
			buf_putc(b, '\n');
		}
		if (e->more)
			buf_printf(b, P_("        ... %u more line\n", "        ... %u more lines\n", e->more), e->more);
	}
}

/* wrap_explanation - a client's verdict in words, folded */
void wrap_explanation(struct buf *b, const struct analysis *a, const struct client *c, int indent)
{
	struct buf t = {0};
	client_explain(a, c, &t);
	buf_putc(&t, 0);
	wrap_text(b, t.p, indent, 78);
	buf_free(&t);
}

/* finding_client - one client as a finding */
static void finding_client(struct buf *b, const struct analysis *a, const struct client *c,
			   const struct evidence_set *ev, const struct campaigns *cs, size_t i, bool color)
{
	int sev = verdict_severity(c->verdict);
	buf_puts(b, "  ");
	col(b, color, sev >= 4 ? C_BOLD C_RED : sev == 3 ? C_RED : sev == 2 ? C_YEL : "");
	buf_printf(b, "[%s] ", verdict_id(c->verdict));
	buf_term(b, span_of(client_shown(c).s));
	col(b, color, C_OFF);
	buf_puts(b, " - ");
	buf_puts(b, _(verdict_row(c->verdict)->title));
	buf_printf(b, " (%s)\n", report_severity_tag(sev));
	wrap_explanation(b, a, c, 6);
	const struct campaign *k = campaign_of(cs, i);
	if (k) {
		struct buf t = {0};
		buf_printf(&t, _("It is one of the %u addresses of campaign %zu (%s): see \"Campaigns\"."),
			   k->addresses, (size_t)(k - cs->list) + 1,
			   k->kind == CK_SLOW_AUTH ? _("distributed password guessing")
						   : _(verdict_row(k->verdict)->title));
		buf_putc(&t, 0);
		wrap_text(b, t.p, 6, REPORT_WIDTH);
		buf_free(&t);
	}
	evidence_text(b, c, client_detail(a, c), ev);
	buf_putc(b, '\n');
}

/* orphans_text - mail whose sender the log cannot name, and how to find it */
static void orphans_text(struct buf *b, const struct orphans *o, bool color)
{
	if (!o->messages)
		return;
	col(b, color, C_BOLD);
	buf_puts(b, _("Mail whose origin is not in this log\n"));
	col(b, color, C_OFF);
	struct buf t = {0};
	char msgs[64], rcpts[64];
	snprintf(msgs, sizeof msgs, P_("%llu message", "%llu messages", o->messages),
		 (unsigned long long)o->messages);
	snprintf(rcpts, sizeof rcpts, P_("%llu recipient", "%llu recipients", o->recipients),
		 (unsigned long long)o->recipients);
	/* TRANSLATORS: "3 messages", "5 recipients" */
	buf_printf(&t, _("Delivered or attempted: %s to %s whose receiving lines (smtpd "
			 "\"QUEUEID: client=...\" with sasl_username, or pickup \"uid=\") are not in "
			 "this log: that mail came in before it starts. So the sending account and the "
			 "source address cannot be told from it."),
		   msgs, rcpts);
	char sent[64], bounced[64], deferred[64];
	/* TRANSLATORS: English uses one form for every count in "Of their recipients 3 were
	 * delivered, 1 bounced, 0 deferred."; give your language's singular and plural */
	snprintf(sent, sizeof sent, P_("%llu were delivered", "%llu were delivered", o->sent),
		 (unsigned long long)o->sent);
	snprintf(bounced, sizeof bounced, P_("%llu bounced", "%llu bounced", o->bounced),
		 (unsigned long long)o->bounced);
	snprintf(deferred, sizeof deferred, P_("%llu deferred", "%llu deferred", o->deferred),
		 (unsigned long long)o->deferred);
	/* TRANSLATORS: "3 were delivered", "1 bounced", "0 deferred" */
	buf_printf(&t, _(" Of their recipients %s, %s, %s."), sent, bounced, deferred);
	if (o->filtered)
		buf_printf(&t, P_(" %llu was handed to this host's content filter: its delivery goes on under "
				  "the new queue ID the filter gave it back under.",
				  " %llu were handed to this host's content filter: their delivery goes on under "
				  "the new queue IDs the filter gave them back under.", o->filtered),
			   (unsigned long long)o->filtered);
	if (o->filter_discarded)
		buf_printf(&t, P_(" %llu was kept by this host's content filter (spam or a virus, on purpose: "
				  "discarded or quarantined, or bounced to its sender): it went no further.",
				  " %llu were kept by this host's content filter (spam or a virus, on purpose: "
				  "discarded or quarantined, or bounced to their senders): they went no further.", o->filter_discarded),
			   (unsigned long long)o->filter_discarded);
	if (o->remote_content_rejects) {
		/* TRANSLATORS: a count, then an example of the remote server's refusal (quoted) */
		buf_printf(&t, P_(" %llu was refused by a remote server as spam, virus or policy violation "
				  "(e.g. \"%s\").",
				  " %llu were refused by remote servers as spam, virus or policy violation "
				  "(e.g. \"%s\").", o->remote_content_rejects),
			   (unsigned long long)o->remote_content_rejects, o->example_reject);
		buf_puts(&t, orphans_alarming(o)
				     ? _(" A sign of a compromised account or machine sending through this "
					 "server.")
				     : _(" They name this server's IP address or its reputation, not what was "
					 "sent: they say little about the sender (see \"Problems found\")."));
	}
	struct buf q = {0};
	for (uint32_t i = 0; i < o->nqids; i++)
		buf_printf(&q, "%s%s", i ? ", " : "", o->qids[i]);
	buf_putc(&q, 0);
	if (o->messages > o->nqids)
		/* TRANSLATORS: a list of queue IDs, then how many more there are */
		buf_printf(&t, _(" To find the sender, search the older logs for the queue IDs' client= "
				 "lines, or run postsleuth trace QUEUEID on them. Queue IDs: %s and %llu "
				 "more."),
			   q.p, (unsigned long long)(o->messages - o->nqids));
	else
		/* TRANSLATORS: %s is a list of queue IDs */
		buf_printf(&t, _(" To find the sender, search the older logs for the queue IDs' client= "
				 "lines, or run postsleuth trace QUEUEID on them. Queue IDs: %s."),
			   q.p);
	buf_free(&q);
	buf_putc(&t, 0);
	wrap_text(b, t.p, 2, 78);
	buf_free(&t);
	buf_putc(b, '\n');
}

/* accounts_text - the compromised accounts and those refused a sender
 * their login does not own in full, the others named */
static void accounts_text(struct buf *b, const struct report_input *in)
{
	const struct analysis *a = in->a;
	bool color = in->color;
	if (!a->nalist)
		return;
	col(b, color, C_BOLD);
	buf_puts(b, _("Accounts\n"));
	col(b, color, C_OFF);
	size_t normal = 0, shown = 0, more = 0;
	for (size_t i = 0; i < a->nalist; i++) {
		const struct account *ac = a->alist[i];
		if (!account_has_story(ac) && !in->all_clients) {
			normal++;
			continue;
		}
		if (in->top && shown >= in->top) {
			more++;
			continue;
		}
		shown++;
		buf_puts(b, "  ");
		col(b, color, ac->compromised ? C_BOLD C_RED : C_GRN);
		buf_printf(b, "[%s] ", ac->compromised ? "compromised-suspect" : "normal"); /* ids */
		buf_term(b, span_of(ac->name));
		col(b, color, C_OFF);
		buf_putc(b, '\n');
		struct buf t = {0};
		account_explain(a, ac, &t);
		buf_putc(&t, 0);
		wrap_text(b, t.p, 6, REPORT_WIDTH);
		buf_free(&t);
	}
	if (more)
		/* TRANSLATORS: compromised-suspect is the verdict's id: keep it */
		buf_printf(b, _("  ... and %zu more compromised-suspect: report --top %zu or --all tells them\n"),
			   more, shown + more);
	if (normal) {
		struct buf t = {0};
		/* TRANSLATORS: the accounts whose verdict is normal, then their names */
		buf_printf(&t, _("Normal (%zu): "), normal);
		size_t k = 0;
		for (size_t i = 0; i < a->nalist; i++) {
			const struct account *ac = a->alist[i];
			if (account_has_story(ac))
				continue;
			if (k == 20) {
				buf_printf(&t, _(" and %zu more (report --all tells them)"), normal - 20);
				break;
			}
			buf_puts(&t, k++ ? ", " : "");
			buf_term(&t, span_of(ac->name));
		}
		buf_putc(&t, 0);
		wrap_text(b, t.p, 2, REPORT_WIDTH);
		buf_free(&t);
	}
	buf_putc(b, '\n');
}

/* clients_text - the clients outside the campaigns that are not
 * legitimate, the first in->top in full, the rest counted by verdict;
 * then the legitimate ones named */
static void clients_text(struct buf *b, const struct report_input *in)
{
	const struct analysis *a = in->a;
	bool color = in->color;
	col(b, color, C_BOLD);
	buf_puts(b, _("Clients, most serious first\n"));
	col(b, color, C_OFF);
	size_t shown = 0, more[V__COUNT] = {0}, nmore = 0, legit = 0, in_campaigns = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		if (campaign_of(in->campaigns, i) && !in->all_clients) {
			in_campaigns++;
			continue;
		}
		if (c->verdict == V_LEGITIMATE) {
			legit++;
			if (!in->all_clients)
				continue;
		}
		if (in->top && shown >= in->top) {
			more[c->verdict]++;
			nmore++;
			continue;
		}
		finding_client(b, a, c, in->evidence, in->campaigns, i, color);
		shown++;
		if (in->out && b->n > (1 << 16))
			buf_flush(b, in->out);
	}
	if (nmore) {
		struct buf t = {0};
		/* TRANSLATORS: followed by counts of verdict ids: " 3 auth-bruteforce, 2 ..." */
		buf_printf(&t, _("... and %zu more:"), nmore);
		for (int v = V__COUNT - 1; v >= 0; v--)
			if (more[v])
				buf_printf(&t, " %zu %s,", more[v], verdict_id((enum verdict)v));
		t.n--; /* the last comma */
		buf_printf(&t, _(" (report --top %zu or --all tells them; postsleuth clients --verdict V "
				 "lists them)."),
			   shown + nmore);
		buf_putc(&t, 0);
		wrap_text(b, t.p, 2, REPORT_WIDTH);
		buf_free(&t);
		buf_putc(b, '\n');
	}
	if (in_campaigns)
		buf_printf(b, shown || legit ? P_("  %zu more address is told under \"Campaigns\".\n\n",
						  "  %zu more addresses are told under \"Campaigns\".\n\n",
						  in_campaigns)
					     : P_("  %zu address is told under \"Campaigns\".\n\n",
						  "  %zu addresses are told under \"Campaigns\".\n\n", in_campaigns),
			   in_campaigns);
	if (!shown && !in_campaigns)
		buf_puts(b, a->nclist ? _("  nothing hostile or unclear\n\n") : _("  no SMTP client sessions in this log\n\n"));
	if (legit && !in->all_clients) {
		struct buf t = {0};
		/* TRANSLATORS: the clients whose verdict is legitimate, then their addresses */
		buf_printf(&t, _("Legitimate (%zu): "), legit);
		size_t k = 0;
		for (size_t i = 0; i < a->nclist; i++) {
			const struct client *c = a->clist[i];
			if (c->verdict != V_LEGITIMATE)
				continue;
			if (k == 20) {
				/* TRANSLATORS: after a list of addresses */
				buf_printf(&t, P_(" and %zu more", " and %zu more", legit - 20), legit - 20);
				break;
			}
			if (k++)
				buf_puts(&t, ", ");
			buf_term(&t, span_of(client_shown(c).s));
			const struct client_detail *d = client_detail(a, c);
			if (d && d->ptr) {
				buf_puts(&t, " (");
				buf_term(&t, span_of(d->ptr));
				buf_putc(&t, ')');
			}
		}
		buf_putc(&t, 0);
		wrap_text(b, t.p, 2, REPORT_WIDTH);
		buf_free(&t);
		buf_putc(b, '\n');
	}
}

/* the sections below "What to do", each with the severity of the most
 * serious thing it tells (0..4, one scale for clients and findings) */
enum section { S_ACCOUNTS, S_CAMPAIGNS, S_PROBLEMS, S_CLIENTS, S_ORPHANS, S__COUNT };

/* section_severity - what decides a section's place */
static int section_severity(const struct report_input *in, enum section s)
{
	const struct analysis *a = in->a;
	int worst = 0;
	switch (s) {
	case S_ACCOUNTS:
		for (size_t i = 0; i < a->nalist; i++)
			if (a->alist[i]->compromised)
				return 4;
		return 0;
	case S_CAMPAIGNS:
		for (size_t i = 0; in->campaigns && i < in->campaigns->n; i++)
			if (campaign_severity(&in->campaigns->list[i]) > worst)
				worst = campaign_severity(&in->campaigns->list[i]);
		return worst;
	case S_PROBLEMS:
		return in->diag && in->diag->nlist ? diag_worst(in->diag) : 0;
	case S_CLIENTS:
		for (size_t i = 0; i < a->nclist; i++)
			if (!campaign_of(in->campaigns, i) && verdict_severity(a->clist[i]->verdict) > worst)
				worst = verdict_severity(a->clist[i]->verdict);
		return worst;
	default:
		return orphans_alarming(&a->orphans) ? 3 : a->orphans.remote_content_rejects ? 2 : 1;
	}
}

/* section_text - one section */
static void section_text(struct buf *b, const struct report_input *in, enum section s)
{
	switch (s) {
	case S_ACCOUNTS: accounts_text(b, in); break;
	case S_CAMPAIGNS: campaigns_text(b, in); break;
	case S_PROBLEMS: findings_text(b, in->diag, in->color, in->top); break;
	case S_CLIENTS: clients_text(b, in); break;
	default: orphans_text(b, &in->a->orphans, in->color); break;
	}
}

/* report_text - the whole report */
void report_text(struct buf *b, const struct report_input *in)
{
	const struct analysis *a = in->a;
	bool color = in->color;
	size_t start = b->n;
	col(b, color, C_BOLD);
	buf_puts(b, "postsleuth report");
	col(b, color, C_OFF);
	if (a->have_time) {
		buf_puts(b, ": ");
		buf_stamp_short(b, a->first);
		buf_puts(b, _(" to "));
		buf_stamp_short(b, a->last);
	}
	buf_putc(b, '\n');
	struct buf t = {0};
	if (in->problem) {
		buf_puts(&t, _("Warning: "));
		buf_puts(&t, in->problem);
		buf_puts(&t, ".");
		buf_putc(&t, 0);
		wrap_text(b, t.p, 0, REPORT_WIDTH);
		t.n = 0;
	}
	/* each count with its own plural */
	char ns[64], nc[64], nm[192], na[64];
	snprintf(ns, sizeof ns, P_("%llu session", "%llu sessions", a->sessions), (unsigned long long)a->sessions);
	snprintf(nc, sizeof nc, P_("%zu client address", "%zu client addresses", a->nclist), a->nclist);
	snprintf(nm, sizeof nm, P_("%llu message", "%llu messages", a->messages), (unsigned long long)a->messages);
	if (a->verify_probes) {
		size_t k = strlen(nm);
		/* TRANSLATORS: after "N messages": Postfix's own address verification probes */
		snprintf(nm + k, sizeof nm - k,
			 P_(" (and %llu address verification probe)", " (and %llu address verification probes)",
			    a->verify_probes),
			 (unsigned long long)a->verify_probes);
	}
	snprintf(na, sizeof na, P_("%zu SASL account", "%zu SASL accounts", a->nalist), a->nalist);
	/* TRANSLATORS: the report's opening line: "7 sessions", "3 client addresses",
	 * "2 messages", "1 SASL account" */
	struct buf open = {0};
	buf_printf(&open, _("%s from %s, %s, %s.\n"), ns, nc, nm, na);
	if (open.n && open.p[open.n - 1] == '\n')
		open.p[--open.n] = 0;
	wrap_text(b, open.p, 0, REPORT_WIDTH);
	buf_free(&open);
	size_t hostile = 0, probes = 0, legit = 0, unclear = 0, health = 0, stale = 0, front = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		int sev = verdict_severity(a->clist[i]->verdict);
		bool hc = a->clist[i]->verdict == V_HEALTH_CHECK;
		bool st = a->clist[i]->verdict == V_STALE_PASSWORD;
		bool fr = a->clist[i]->verdict == V_SHARED_FRONT;
		hostile += sev >= 3;
		probes += sev == 2;
		unclear += sev == 1 && !st && !fr;
		stale += st;
		front += fr;
		legit += sev == 0 && !hc;
		health += hc;
	}
	if (a->nclist) {
		buf_printf(&t, P_("%zu client behaved in a hostile way, %zu only probed or were refused, "
				  "%zu sent ordinary mail, ",
				  "%zu clients behaved in a hostile way, %zu only probed or were refused, "
				  "%zu sent ordinary mail, ", hostile),
			   hostile, probes, legit);
		if (health)
			buf_printf(&t, P_("%zu was a health check (your own network or a monitor), ",
					  "%zu were health checks (your own network or a monitor), ", health),
				   health);
		if (front)
			buf_printf(&t, P_("%zu logged in for several users (a webmail, proxy or NAT of "
					  "yours), ",
					  "%zu logged in for several users (webmails, proxies or NATs of "
					  "yours), ", front),
				   front);
		if (stale)
			buf_printf(&t, P_("%zu was a user's device with an old password, ",
					  "%zu were users' devices with old passwords, ", stale),
				   stale);
		buf_printf(&t, _("%zu left too little evidence."), unclear);
		buf_putc(&t, 0);
		wrap_text(b, t.p, 0, REPORT_WIDTH);
		t.n = 0;
	}
	/* what could not be kept: one paragraph each, folded */
	analysis_note_text(&t, a, "");
	for (struct span r = buf_span(&t); r.n;) {
		const char *nl = memchr(r.p, '\n', r.n);
		size_t n = nl ? (size_t)(nl - r.p) + 1 : r.n;
		struct buf p = {0};
		buf_put(&p, r.p, nl ? n - 1 : n);
		buf_putc(&p, 0);
		wrap_text(b, p.p, 0, REPORT_WIDTH);
		buf_free(&p);
		r = span_skip(r, n);
	}
	buf_free(&t);
	buf_putc(b, '\n');
	size_t before = 0;
	for (size_t i = start; i < b->n; i++)
		before += b->p[i] == '\n';
	overview_text(b, in, before);
	report_actions_text(b, a, in->diag, in->campaigns, color, report_debug_seen(in), in->problem != NULL);

	enum section order[S__COUNT];
	int sev[S__COUNT];
	for (int s = 0; s < S__COUNT; s++) {
		sev[s] = section_severity(in, (enum section)s);
		int j = s;
		while (j > 0 && sev[order[j - 1]] < sev[s]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = (enum section)s;
	}
	for (int s = 0; s < S__COUNT; s++)
		section_text(b, in, order[s]);
	if (in->extra_text)
		in->extra_text(b, in->extra_ctx, color);
	report_input_text(b, in);
}

/* report_debug_seen - what debug logging the input shows: the dialogue
 * (smtpd -v's "<" lines, TLS's "Read N chars"), only chatter, or none */
enum debug_seen report_debug_seen(const struct report_input *in)
{
	if (in->feed->by_type[EV_TLS_READ] || in->feed->by_type[EV_SMTP_IN])
		return DEBUG_DIALOGUE;
	return in->feed->noise ? DEBUG_CHATTER : DEBUG_NONE;
}

/* report_input_text - what was read, so that nothing is lost silently */
void report_input_text(struct buf *b, const struct report_input *in)
{
	const struct feed_stats *f = in->feed;
	col(b, in->color, C_BOLD);
	buf_puts(b, _("Input\n"));
	col(b, in->color, C_OFF);
	char inputs[64];
	snprintf(inputs, sizeof inputs, P_("%llu input", "%llu inputs", f->files), (unsigned long long)f->files);
	/* TRANSLATORS: lines read, then "2 inputs" (files or streams), then counts of lines */
	buf_printf(b, _("  %llu lines read from %s: %llu Postfix lines (%llu recognised, of which "
			"%llu verbose/debug noise; %llu unknown), %llu lines of other programs, %llu lines "
			"without a syslog prefix, %llu truncated at 64 KiB.\n"),
		   (unsigned long long)f->lines, inputs,
		   (unsigned long long)f->postfix, (unsigned long long)f->recognised,
		   (unsigned long long)f->noise, (unsigned long long)f->unknown,
		   (unsigned long long)f->other, (unsigned long long)f->no_prefix,
		   (unsigned long long)f->truncated);
	if (f->transcripts)
		/* TRANSLATORS: "Transcript of session follows" is what the transcripts say: keep it */
		buf_printf(b, P_("  %llu postmaster transcript (\"Transcript of session follows\") read as sessions.\n",
				 "  %llu postmaster transcripts (\"Transcript of session follows\") read as sessions.\n",
				 f->transcripts),
			   (unsigned long long)f->transcripts);
	if (f->pasted)
		/* TRANSLATORS: mailq is the command's name: keep it */
		buf_printf(b, P_("  %llu line made from a pasted bounce report or mailq listing, as Postfix logs its facts.\n",
				 "  %llu lines made from a pasted bounce report or mailq listing, as Postfix logs their facts.\n",
				 f->pasted),
			   (unsigned long long)f->pasted);
	if (f->file_errors)
		buf_printf(b, P_("  %llu input could not be read completely (see the messages above).\n",
				 "  %llu inputs could not be read completely (see the messages above).\n",
				 f->file_errors),
			   (unsigned long long)f->file_errors);
	const struct model_stats *m = in->model;
	if (m) {
		buf_printf(b, _("  Sessions: %llu rebuilt (%llu began before the log, %llu still open at its "
				"end, %llu without a disconnect line, %llu given up at the memory cap, "
				"%llu given up after an hour without a line).\n"),
			   (unsigned long long)m->sessions, (unsigned long long)m->sessions_partial,
			   (unsigned long long)m->sessions_unclosed, (unsigned long long)m->sessions_replaced,
			   (unsigned long long)(m->sessions_evicted - m->sessions_idle),
			   (unsigned long long)m->sessions_idle);
		/* TRANSLATORS: the list goes on with the next two strings, then "), N links..." */
		buf_printf(b, _("  Messages: %llu rebuilt (%llu still in the queue at the end, %llu given up "
				"at the memory cap"),
			   (unsigned long long)m->messages, (unsigned long long)m->messages_unclosed,
			   (unsigned long long)m->messages_evicted);
		if (m->messages_replaced)
			/* TRANSLATORS: continues "Messages: 40 rebuilt (...": removed is the log's word */
			buf_printf(b, _(", %llu whose \"removed\" line is missing"),
				   (unsigned long long)m->messages_replaced);
		/* TRANSLATORS: closes the list of "Messages: 40 rebuilt (..." */
		buf_printf(b, _("), %llu links between queue IDs"), (unsigned long long)m->links);
		if (m->links_pending_dropped)
			buf_printf(b, _(" (%llu more given up: the queue ID they named never appeared)"),
				   (unsigned long long)m->links_pending_dropped);
		buf_puts(b, ".\n");
	}
	analysis_note_text(b, in->a, "  ");
}

/* analysis_note_text - one line per thing the analysis could not keep in
 * memory (nothing when all was kept) */
void analysis_note_text(struct buf *b, const struct analysis *a, const char *indent)
{
	if (a->clients_detail_lost)
		/* TRANSLATORS: the first %s is the line's indent (spaces): keep it first */
		buf_printf(b, _("%sDetails (names, usernames tried, evidence) are kept for the %u most active "
				"client addresses only: %llu of %zu have incomplete details; every address "
				"is still counted and judged.\n"),
			   indent, a->cdetail_max, (unsigned long long)a->clients_detail_lost, a->nclist);
	if (a->accounts_detail_lost)
		/* TRANSLATORS: the first %s is the line's indent (spaces): keep it first */
		buf_printf(b, _("%sDetails (recipient domains, message times) are kept for the %u most "
				"active accounts only: %llu of %zu have incomplete details; every account is "
				"still counted and judged.\n"),
			   indent, a->adetail_max, (unsigned long long)a->accounts_detail_lost, a->nalist);
	if (a->budget.spilled)
		/* TRANSLATORS: the first %s is the line's indent (spaces): keep it first */
		buf_printf(b, _("%sThe per-client tables outgrew the memory budget (%zu MiB) and were moved "
				"to a file on disk (%llu MiB): nothing was dropped.\n"),
			   indent, a->budget.limit >> 20, (unsigned long long)(a->budget.spilled >> 20));
	if (a->budget.failed)
		/* TRANSLATORS: the first %s is the line's indent (spaces): keep it first */
		buf_printf(b, _("%sThe per-client tables outgrew the memory budget (%zu MiB) and no spill "
				"file could be made: they were kept in memory.\n"),
			   indent, a->budget.limit >> 20);
}

/* chars - the characters of UTF-8 text (printf's widths count bytes) */
static int chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* cell - s in a column w characters wide, left-aligned when w < 0 */
static void cell(struct buf *b, const char *s, int w)
{
	int width = w < 0 ? -w : w, n = chars(s), pad = n < width ? width - n : 0;
	if (w < 0)
		buf_puts(b, s);
	buf_printf(b, "%*s", pad, "");
	if (w >= 0)
		buf_puts(b, s);
}

/* heading - a table's column headings, each at least as wide as its
 * column (w[i], left-aligned when negative), widened to fit a translated
 * heading, which w[i] then says */
static void heading(struct buf *b, const char *const *h, int *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int width = w[i] < 0 ? -w[i] : w[i];
		if (chars(h[i]) > width)
			w[i] = w[i] < 0 ? -chars(h[i]) : chars(h[i]);
		if (i)
			buf_putc(b, ' ');
		cell(b, h[i], w[i]);
	}
}

/* clients_table - one line per client (flushed into out as it goes, when set) */
void clients_table(struct buf *b, const struct analysis *a, struct client *const *list, size_t n,
		   bool color, FILE *out)
{
	/* TRANSLATORS: the clients table's headings (a longer one widens its column) */
	const char *h[] = {C_("column", "CLIENT"), C_("column", "VERDICT"), C_("column", "SESSIONS"),
			   C_("column", "MESSAGES")};
	int w[] = {-28, -27, 8, 8};
	heading(b, h, w, 4);
	buf_puts(b, "  AUTH-  AUTH+ PTR / HELO\n");
	for (size_t i = 0; i < n; i++) {
		const struct client *c = list[i];
		const struct client_detail *d = client_detail(a, c);
		int sev = verdict_severity(c->verdict);
		struct buf ip = {0};
		buf_term(&ip, span_of(client_shown(c).s));
		buf_putc(&ip, 0);
		cell(b, ip.p, w[0]); /* a translated placeholder has accented letters */
		buf_putc(b, ' ');
		buf_free(&ip);
		col(b, color, sev >= 3 ? C_RED : sev == 2 ? C_YEL : "");
		buf_printf(b, "%*s", w[1], verdict_id(c->verdict));
		col(b, color, sev >= 2 ? C_OFF : "");
		buf_printf(b, " %*llu %*llu %6llu %6llu ", w[2], (unsigned long long)c->sessions, w[3],
			   (unsigned long long)c->messages, (unsigned long long)c->auth_failures,
			   (unsigned long long)c->auth_successes);
		if (d || !(c->flags & CF_DETAIL_LOST)) {
			buf_term(b, span_of(d && d->ptr ? d->ptr : "unknown"));
			if (d && d->nhelo) {
				buf_puts(b, " / ");
				buf_term(b, span_of(d->helo[0].name));
			}
		} else {
			buf_puts(b, _("(not kept)"));
		}
		buf_putc(b, '\n');
		if (out && b->n > (1 << 16))
			buf_flush(b, out);
	}
}

/* accounts_table - one line per account (flushed into out as it goes, when set) */
void accounts_table(struct buf *b, const struct analysis *a, struct account *const *list, size_t n,
		    bool color, FILE *out)
{
	/* TRANSLATORS: the accounts table's headings (a longer one widens its column) */
	const char *h[] = {C_("column", "ACCOUNT"),    C_("column", "VERDICT"),
			   C_("column", "LOGINS"),     C_("column", "MESSAGES"),
			   C_("column", "RECIPIENTS"), C_("column", "BOUNCED"),
			   C_("column", "DOMAINS"),    C_("column", "SOURCE ADDRESSES")};
	int w[] = {-32, -20, 7, 8, 10, 8, 7, -1};
	heading(b, h, w, 8);
	buf_putc(b, '\n');
	for (size_t i = 0; i < n; i++) {
		const struct account *ac = list[i];
		struct buf name = {0};
		buf_term(&name, span_of(ac->name));
		buf_putc(&name, 0);
		cell(b, name.p, w[0]); /* a login name may be UTF-8 */
		buf_putc(b, ' ');
		buf_free(&name);
		col(b, color, ac->compromised ? C_RED : "");
		buf_printf(b, "%*s", w[1], ac->compromised ? "compromised-suspect" : "normal");
		col(b, color, ac->compromised ? C_OFF : "");
		bool at_least;
		size_t ndom = account_domains(a, ac, &at_least);
		char domains[24];
		snprintf(domains, sizeof domains, "%zu%s", ndom, at_least ? "+" : "");
		buf_printf(b, " %*llu %*llu %*llu %*llu %*s ", w[2], (unsigned long long)ac->logins, w[3],
			   (unsigned long long)ac->messages, w[4], (unsigned long long)ac->recipients, w[5],
			   (unsigned long long)ac->bounced + ac->expired, w[6], domains);
		for (uint32_t k = 0; k < ac->nlogin && k < ACCOUNT_SHOW_IPS; k++) {
			if (k)
				buf_puts(b, ", ");
			buf_term(b, span_of(client_shown(login_client(a, account_login(a, ac, k))).s));
		}
		if (ac->nlogin > ACCOUNT_SHOW_IPS)
			/* TRANSLATORS: after a list of addresses */
			buf_printf(b, P_(" and %u more", " and %u more", ac->nlogin - ACCOUNT_SHOW_IPS),
				   ac->nlogin - ACCOUNT_SHOW_IPS);
		buf_putc(b, '\n');
		if (out && b->n > (1 << 16))
			buf_flush(b, out);
	}
}
