/*
 * fail2ban_writers.c - the texts of "postsleuth fail2ban": each filter
 * (act/fail2ban_rules.c) as a filter.d file with its counts, the jail,
 * the table of postsleuth's and fail2ban-regex's counts, and the JSON.
 *
 * No text from the log goes into anything written here: the comments
 * hold counts, verdict names and addresses formatted by inet_ntop.
 * The comments and the table are translated (gettext); buf_comment() puts
 * "# " before every line of a translation, so that fail2ban reads the
 * same filter and jail in every language.
 */
#include "fail2ban_writers.h"
#include "../util/fold.h"
#include "../util/i18n.h"
#include "../util/span.h"

#include <stdio.h>
#include <string.h>

/* f2b_filter_text - filter.d/NAME.conf; c (may be NULL) adds the counts */
void f2b_filter_text(struct buf *b, const struct f2b_filter *f, const struct f2b_check *c,
		     const char *version)
{
	/* TRANSLATORS: comment lines of a fail2ban filter ("# " is put before
	 * each line; an empty line is a lone "#"): the filter's name, the version */
	buf_comment(b, _("%s.conf - fail2ban filter written by postsleuth %s."), f->name, version);
	buf_puts(b, "#\n");
	/* TRANSLATORS: what one match of the filter is (several lines) follows */
	buf_comment(b, _("Matches %s"), _(f->what));
	buf_puts(b, "#\n");
	if (c) {
		/* TRANSLATORS: comment lines: N, what is counted ("sessions"...),
		 * N addresses; fail2ban-regex's count, "verified" or "NOT verified" */
		buf_comment(b, P_("In the log it was made from, postsleuth counted %llu %s from %llu\n"
			      "address; fail2ban-regex matched %llu: %s.",
			      "In the log it was made from, postsleuth counted %llu %s from %llu\n"
			      "addresses; fail2ban-regex matched %llu: %s.",
			      c->addrs_ours),
			(unsigned long long)c->ours, _(f->unit), (unsigned long long)c->addrs_ours,
			(unsigned long long)c->theirs, c->verified ? _("verified") : _("NOT verified"));
		buf_puts(b, "#\n");
	}
	/* TRANSLATORS: comment lines; the command stays as it is */
	buf_comment(b, _("Check it on your own log before enabling the jail:\n"
		     "  fail2ban-regex /var/log/mail.log filter.d/%s.conf"),
		f->name);
	buf_puts(b, "\n"
		    "[INCLUDES]\n\n"
		    "before = common.conf\n\n"
		    "[Definition]\n\n");
	buf_printf(b, "_daemon = %s\n", f->daemon ? f->daemon : SMTPD_DAEMON);
	buf_puts(b, "_port = (?::\\d+)?\n\n");
	if (f->prefregex)
		buf_printf(b, "prefregex = %s\n\n", f->prefregex);
	buf_puts(b, "failregex = ");
	for (int i = 0; i < 3 && f->failregex[i]; i++)
		buf_printf(b, "%s%s\n", i ? "            " : "", f->failregex[i]);
	buf_puts(b, "\nignoreregex =\n\n"
		    "[Init]\n\n");
	buf_comment(b, "%s", _("Debian 12 runs Postfix as the postfix@-.service instance"));
	buf_puts(b, "journalmatch = _SYSTEMD_UNIT=postfix@-.service\n");
}

/* f2b_jail_text - jail.d/postsleuth.conf for the filters that verified
 * (and, marked, those that did not) */
void f2b_jail_text(struct buf *b, const struct f2b_check *checks, size_t n, const char *version)
{
	/* TRANSLATORS: comment lines of the jail file ("# " is put before each
	 * line, an empty line is a lone "#"); keep the settings, %%(syslog_mail)s
	 * and the commands as they are */
	buf_comment(b,
		_("postsleuth.conf - fail2ban jails for the postsleuth-* filters, written by\n"
		  "postsleuth %s.  Review before use: postsleuth installs nothing and\n"
		  "reloads nothing.  Copy filter.d/ and jail.d/ into /etc/fail2ban, then\n"
		  "\"fail2ban-client reload\".\n"
		  "\n"
		  "logpath: %%(syslog_mail)s is /var/log/mail.log on Debian (all mail lines;\n"
		  "postfix_log may point at mail.warn elsewhere, which lacks the\n"
		  "\"disconnect from\" lines).  Without a syslog daemon (the Debian 12\n"
		  "default) set \"backend = systemd\": the filters carry a journalmatch.\n"
		  "usedns = no: <HOST> is always the address Postfix logged."),
		version);
	for (size_t i = 0; i < n; i++) {
		const struct f2b_check *c = &checks[i];
		const struct f2b_filter *f = c->f;
		buf_putc(b, '\n');
		buf_comment(b, "%s", _(f->jail_note));
		/* TRANSLATORS: a comment line: N, what is counted ("sessions"...),
		 * N addresses, the most of one address */
		buf_comment(b, P_("This log: %llu %s from %llu address (most from one address: %llu).",
			      "This log: %llu %s from %llu addresses (most from one address: %llu).",
			      c->addrs_ours),
			(unsigned long long)c->ours, _(f->unit), (unsigned long long)c->addrs_ours,
			(unsigned long long)c->max_per_addr);
		if (!c->verified)
			buf_comment(b, "%s", _("NOT VERIFIED on this log (see the table postsleuth printed):\n"
					   "left disabled."));
		if (c->ignoreip[0])
			buf_comment(b, "%s", _("ignoreip: addresses of this server's own network that the "
					   "filter matches\nbut postsleuth does not accuse (a Docker "
					   "gateway or a NAT stands for\nevery client behind it): never "
					   "banned.  Better, let the real client\naddresses reach Postfix "
					   "(the PROXY protocol, no Docker userland proxy)."));
		buf_printf(b,
			   "[%s]\n"
			   "enabled  = %s\n"
			   "filter   = %s\n"
			   "port     = smtp,submission,submissions\n"
			   "logpath  = %%(syslog_mail)s\n"
			   "backend  = %%(postfix_backend)s\n"
			   "usedns   = no\n"
			   "maxretry = %d\n"
			   "findtime = %s\n"
			   "bantime  = %s\n",
			   f->name, c->verified ? "true" : "false", f->name, f->maxretry, f->findtime,
			   f->bantime);
		if (c->ignoreip[0])
			buf_printf(b, "ignoreip = 127.0.0.1/8 ::1 %s\n", c->ignoreip);
	}
}

/* f2b_dot_filter_why - why the filter often posted for "." probes cannot match */
void f2b_dot_filter_why(struct buf *b)
{
	/* TRANSLATORS: keep the line breaks (at most 78 columns) and the log
	 * texts and regular expression as they are */
	buf_puts(b,
		 _("Why \"reject: RCPT from (.*)\\[<HOST>\\]: 502 5.5.2\" matches nothing: Postfix\n"
		 "logs \"reject: RCPT from\" only when it refuses a RCPT TO command, and these\n"
		 "clients never get that far.  They send \".\" or \"GET /\" instead of EHLO;\n"
		 "smtpd answers 502 (or 500) 5.5.2 without logging the reply, and the session\n"
		 "ends with \"lost connection after UNKNOWN\" and \"disconnect from ...\n"
		 "unknown=0/1 commands=0/1\" (Postfix 3.7.10 and later: \"warning: non-SMTP\n"
		 "command from ...\").  The \"502 5.5.2\" text people quote comes from the\n"
		 "postmaster's session transcript mail, not from the log.\n"
		 "postsleuth-non-smtp-probe matches what the log does say.\n"));
}

/* f2b_table - the verification table */
void f2b_table(struct buf *b, const struct f2b_check *checks, size_t n, const char *tool)
{
	/* TRANSLATORS: the program and its version */
	buf_printf(b, _("Checked with %s on the same log:\n\n"), tool);
	/* TRANSLATORS: the table's column heads: at most 28, 10, 10, 9 and 10
	 * characters (the numbers below them are right-aligned) */
	buf_puts(b, "  ");
	buf_pad(b, _("FILTER"), 28);
	buf_putc(b, ' ');
	buf_rpad(b, _("POSTSLEUTH"), 10);
	buf_putc(b, ' ');
	buf_rpad(b, _("FAIL2BAN"), 10);
	buf_putc(b, ' ');
	buf_rpad(b, _("ADDRESSES"), 9);
	buf_putc(b, ' ');
	buf_rpad(b, _("LEGITIMATE"), 10);
	buf_printf(b, "  %s\n", _("RESULT"));
	for (size_t i = 0; i < n; i++) {
		const struct f2b_check *c = &checks[i];
		buf_printf(b, "  %-28s %10llu ", c->f->name, (unsigned long long)c->ours);
		if (c->error) {
			buf_printf(b, "%10s %9llu %10s  ", "-", (unsigned long long)c->addrs_ours, "-");
			/* TRANSLATORS: the reason follows */
			buf_printf(b, _("not checked: %s\n"), _(c->error));
			continue;
		}
		buf_printf(b, "%10llu %9llu %10llu  %s\n", (unsigned long long)c->theirs,
			   (unsigned long long)c->addrs_theirs, (unsigned long long)c->legit_hits,
			   c->verified ? _("verified") : _("NOT VERIFIED"));
		if (c->mismatched)
			/* TRANSLATORS: N, then an address as example */
			buf_printf(b, P_("      %llu address counted differently, e.g. %s\n",
					 "      %llu addresses counted differently, e.g. %s\n", c->mismatched),
				   (unsigned long long)c->mismatched, c->mismatch_example);
		if (c->legit_hits && c->verified)
			/* TRANSLATORS: %llu is the most lines of one such client, %d
			 * the jail's maxretry, %s an address */
			buf_printf(b, P_("      matches at most %llu line of a client postsleuth calls "
					 "legitimate\n      (%s), fewer than maxretry = %d: not banned\n",
					 "      matches at most %llu lines of a client postsleuth calls "
					 "legitimate\n      (%s), fewer than maxretry = %d: not banned\n",
					 c->legit_max),
				   (unsigned long long)c->legit_max, c->legit_example, c->f->maxretry);
		else if (c->legit_hits)
			buf_printf(b, _("      matches lines of a client postsleuth calls legitimate: %s\n"),
				   c->legit_example);
		if (c->unbannable)
			buf_printf(b, P_("      and %llu line without a client address (\"unknown[]\"): "
					 "no filter can ban those\n",
					 "      and %llu lines without a client address (\"unknown[]\"): "
					 "no filter can ban those\n",
					 c->unbannable),
				   (unsigned long long)c->unbannable);
		if (c->garbage)
			buf_printf(b, P_("      %llu line of fail2ban-regex output were not addresses\n",
					 "      %llu lines of fail2ban-regex output were not addresses\n",
					 c->garbage),
				   (unsigned long long)c->garbage);
	}
	/* TRANSLATORS: the legend under the table: the column heads as translated above */
	buf_puts(b, _("\n  POSTSLEUTH: the lines postsleuth's parser counts for that behaviour;\n"
		      "  FAIL2BAN: lines the filter matched; ADDRESSES: distinct addresses matched;\n"
		      "  LEGITIMATE: matches on clients postsleuth calls legitimate.\n"
		      "  Verified = same count for every address, and no legitimate client hit.\n"));
	bool tolerant = false;
	for (size_t i = 0; i < n; i++)
		tolerant |= checks[i].f->tolerant;
	if (tolerant)
		/* TRANSLATORS: the legend's last line, for the postscreen filters */
		buf_puts(b, _("  For the filters postsleuth-pregreet, -pipelining and -protocol-violation,\n"
			      "  verified allows a legitimate client fewer than maxretry matches (a mail\n"
			      "  server that met a postscreen test once): the jail cannot ban it on this log.\n"));
}

/* check_json - one filter's fail2ban-regex result */
static void check_json(struct buf *b, const struct f2b_check *c)
{
	buf_printf(b, "{\"postsleuth\":%llu,\"addresses_postsleuth\":%llu,\"max_per_address\":%llu,"
		      "\"unbannable\":%llu",
		   (unsigned long long)c->ours, (unsigned long long)c->addrs_ours,
		   (unsigned long long)c->max_per_addr, (unsigned long long)c->unbannable);
	if (c->error) {
		buf_puts(b, ",\"verified\":false,\"error\":");
		buf_jsons(b, c->error);
		buf_putc(b, '}');
		return;
	}
	buf_printf(b, ",\"fail2ban\":%llu,\"addresses_fail2ban\":%llu,\"legitimate_hits\":%llu,"
		      "\"mismatched_addresses\":%llu,\"unparsed_output_lines\":%llu,\"verified\":%s",
		   (unsigned long long)c->theirs, (unsigned long long)c->addrs_theirs,
		   (unsigned long long)c->legit_hits, (unsigned long long)c->mismatched,
		   (unsigned long long)c->garbage, c->verified ? "true" : "false");
	if (c->mismatched) {
		buf_puts(b, ",\"mismatch_example\":");
		buf_jsons(b, c->mismatch_example);
	}
	if (c->legit_hits) {
		buf_puts(b, ",\"legitimate_example\":");
		buf_jsons(b, c->legit_example);
		buf_printf(b, ",\"legitimate_max_per_address\":%llu", (unsigned long long)c->legit_max);
	}
	buf_putc(b, '}');
}

/* f2b_json - the filters, the jail and the fail2ban-regex checks as one
 * JSON object (docs/actions.md); texts are ours, addresses inet_ntop's */
void f2b_json(struct buf *b, const struct f2b_doc *d)
{
	buf_printf(b, "{\"generator\":\"postsleuth %s\",\"checked_with\":", d->version);
	buf_jsons(b, d->tool);
	buf_printf(b, ",\"verified\":%s,\"legacy_log\":%s,\"unbannable_lines\":%llu,"
		      "\"sessions_without_counts\":%llu",
		   d->verified ? "true" : "false", d->legacy ? "true" : "false",
		   (unsigned long long)d->unbannable, (unsigned long long)d->sessions_without_counts);
	buf_puts(b, ",\"legitimate_only\":[");
	for (size_t i = 0; i < d->nown; i++) {
		buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
		buf_jsons(b, d->own_only[i].f->name);
		buf_printf(b, ",\"matches\":%llu,\"addresses\":%llu}",
			   (unsigned long long)d->own_only[i].ours,
			   (unsigned long long)d->own_only[i].addrs_ours);
	}
	buf_putc(b, ']');
	if (d->output) {
		buf_puts(b, ",\"output\":");
		buf_jsons(b, d->output);
	}
	buf_puts(b, ",\"filters\":[");
	for (size_t i = 0; i < d->n; i++) {
		const struct f2b_filter *f = d->checks[i].f;
		buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
		buf_jsons(b, f->name);
		buf_printf(b, ",\"file\":\"filter.d/%s.conf\",\"verdict\":\"%s\",\"unit\":", f->name,
			   verdict_id(f->verdict));
		buf_jsons(b, f->unit);
		buf_printf(b, ",\"per_line\":%s,\"maxretry\":%d,\"findtime\":\"%s\",\"bantime\":\"%s\","
			      "\"check\":",
			   f->per_line ? "true" : "false", f->maxretry, f->findtime, f->bantime);
		check_json(b, &d->checks[i]);
		buf_puts(b, ",\"text\":");
		buf_json(b, buf_span(&d->filter_text[i]));
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	if (d->jail_text) {
		buf_puts(b, ",\"jail\":{\"file\":\"jail.d/postsleuth.conf\",\"text\":");
		buf_json(b, buf_span(d->jail_text));
		buf_putc(b, '}');
	}
	if (d->dot_checked || d->dot_error) {
		buf_printf(b, ",\"dot_probe_filter\":{\"non_smtp_probes\":%llu,\"addresses\":%llu",
			   (unsigned long long)d->dot_probes, (unsigned long long)d->dot_addresses);
		if (d->dot_error) {
			buf_puts(b, ",\"error\":");
			buf_jsons(b, d->dot_error);
		} else {
			buf_printf(b, ",\"fail2ban\":%llu", (unsigned long long)d->dot_matches);
		}
		buf_putc(b, '}');
	}
	buf_puts(b, "}\n");
}
