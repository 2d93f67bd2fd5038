/*
 * fail2ban_rules.c - the fail2ban filters for the behaviours postsleuth
 * finds, and f2b_classify(), the same rules over parsed events, with
 * which postsleuth counts the lines each filter must match.
 *
 * Each filter is written for fail2ban's conventions: common.conf's
 * __prefix_line and prefregex, <HOST>, _daemon for every smtpd service
 * name (postfix/smtpd, postfix/submission/smtpd, postfix-out/smtpd),
 * journalmatch for Debian's postfix@-.service.  Beside each regular
 * expression, f2b_classify() states the same rule over parsed events.
 * No text from the log goes into a filter.
 *
 * unit, what and jail_note are prose (N_(): translated by the writers,
 * which put "# " before each of their lines: the msgids hold no "#").
 */
#include "fail2ban_rules.h"
#include "../util/i18n.h"
#include "../util/span.h"

#include <stdio.h>
#include <string.h>

/* NOT_PROXY - after the text's ": ", not a PROXY protocol header (a
 * proxy in front whose header the service does not read: its address is
 * everyone's, ev_proxy_header); v2's signature as Postfix escapes it */
#define NOT_PROXY "(?! ?(?:PROXY (?:TCP[46] |UNKNOWN)|\\\\r\\\\n\\\\r\\\\n\\\\000\\\\r\\\\nQUIT\\\\n))"

/* the filters of postscreen's lines also read smtpd's */
#define PS_DAEMON "postfix(-[\\w.-]+)?/(?:[\\w.-]+/)?(?:smtpd|postscreen)"

/* the end of a "disconnect from" line after NAMADDR, shared by the rules */
#define DISC_TAIL "(?: [a-z]+=\\d+(?:/\\d+)?)+(?: notes=\\S+)?$"
#define CLIENT "^[^[]*\\[<HOST>\\]%(_port)s"
#define DISC_PREF "^%(__prefix_line)sdisconnect from <F-CONTENT>.+</F-CONTENT>$"

/* the reasons of a failed login that this server's SASL backend caused
 * (parse/event.h): no password was checked, the client guessed nothing */
#define SASL_REASON_RE(reason, backend) reason
#define SASL_SERVER_SIDE_RE "(?:" SASL_SERVER_SIDE(SASL_REASON_RE, "|") ")"
/* nor did one refused for its mechanism alone (a mail agent trying
 * CRAM-MD5 first); fail2ban's own postfix-sasl ignores it too */
#define SASL_MECH_REFUSED "Invalid authentication mechanism"

/* the jail notes of a behaviour that has two filters (by session since
 * Postfix 3.0, by line before): the same clients, the same advice */
#define NOTE_SCANNERS N_("Port scanners and web scanners that hit port 25.")
#define NOTE_BOTS N_("Spam bots that postscreen caught breaking SMTP's rules.  Mail servers\n" \
		     "do it rarely and once: the jail waits for maxretry matches.")
#define NOTE_GUESSERS N_("Password guessing.  Guessers rotate addresses: bans slow them down,\n" \
			 "strong passwords stop them.")

static const struct f2b_filter filters[] = {
    {
	.name = "postsleuth-capability-probe",
	.kind = F2B_CAPABILITY,
	.verdict = V_CAPABILITY_PROBE,
	.unit = N_("sessions"),
	.what = N_("the \"disconnect from\" line of an smtpd session in which the client\n"
		"greeted (EHLO or HELO accepted), perhaps started TLS, and left: no AUTH,\n"
		"no MAIL, no RCPT, no unknown command (\"ehlo=1 quit=1 commands=2\").\n"
		"One match is one session.  Needs Postfix 3.0 or later (command counts)."),
	.prefregex = DISC_PREF,
	.failregex = {CLIENT "(?=(?: \\S+)*? (?:ehlo|helo)=[1-9])"
			     "(?: (?:helo|ehlo|starttls|rset|noop|quit)=\\d+(?:/\\d+)?)+"
			     " commands=\\d+(?:/\\d+)?(?: notes=\\S+)?$"},
	.maxretry = 20,
	.findtime = "1h",
	.bantime = "1h",
	.jail_note = N_("Scanners cataloguing servers.  An external monitor that checks port 25\n"
		     "with EHLO/QUIT looks the same: put its address in ignoreip."),
    },
    {
	.name = "postsleuth-non-smtp-probe",
	.kind = F2B_NON_SMTP,
	.verdict = V_NON_SMTP_PROBE,
	.unit = N_("sessions"),
	.what = N_("the \"disconnect from\" line of an smtpd session in which the client\n"
		"sent lines Postfix did not recognise as commands (\".\", HTTP, garbage:\n"
		"\"unknown=0/1\") and never had an EHLO or HELO accepted.\n"
		"One match is one session.  Needs Postfix 3.0 or later (command counts)."),
	.prefregex = DISC_PREF,
	.failregex = {CLIENT "(?!(?: \\S+)*? (?:ehlo|helo)=[1-9])"
			     "(?=(?: \\S+)*? unknown=(?:\\d+/)?[1-9])" DISC_TAIL},
	.maxretry = 3,
	.findtime = "10m",
	.bantime = "1h",
	.jail_note = NOTE_SCANNERS,
    },
    {
	.name = "postsleuth-auth-bruteforce",
	.kind = F2B_AUTH,
	.verdict = V_AUTH_BRUTEFORCE,
	.unit = N_("sessions"),
	.what = N_("the \"disconnect from\" line of an smtpd session in which every AUTH\n"
		"command failed (\"auth=0/3\"): wrong passwords, unknown users, AUTH\n"
		"refused before STARTTLS.  A session where a login finally worked does\n"
		"not match.  One match is one session.  Needs Postfix 3.0 or later."),
	.prefregex = DISC_PREF,
	.failregex = {CLIENT "(?=(?: \\S+)*? auth=0/[1-9])" DISC_TAIL},
	.maxretry = 3,
	.findtime = "1h",
	.bantime = "1h",
	.jail_note = NOTE_GUESSERS,
    },
    {
	.name = "postsleuth-relay-attempt",
	.kind = F2B_RELAY,
	.verdict = V_RELAY_ATTEMPT,
	.per_line = true,
	.unit = N_("refused RCPT commands"),
	.what = N_("\"reject: RCPT from ...: 554 5.7.1 <rcpt>: Relay access denied\": a client\n"
		"that did not authenticate asked to send to a domain this server does not\n"
		"serve.  One match is one refused recipient."),
	.prefregex = "^%(__prefix_line)s(?:NOQUEUE|[0-9A-Za-z]+): reject: RCPT from "
		     "<F-CONTENT>.+</F-CONTENT>$",
	.failregex = {CLIENT ": [45]\\d\\d [45]\\.\\d{1,3}\\.\\d{1,3} <.*>: Relay access denied;"},
	.maxretry = 3,
	.findtime = "1h",
	.bantime = "1h",
	.jail_note = N_("Open-relay testers.  Postfix refused them; banning repeat testers is\n"
		     "optional."),
    },
    {
	.name = "postsleuth-non-smtp-probe",
	.kind = F2B_NON_SMTP_LINES,
	.verdict = V_NON_SMTP_PROBE,
	.per_line = true,
	.legacy = true,
	.unit = N_("lines"),
	.what = N_("what Postfix before 3.0 logs for clients that do not speak SMTP:\n"
		"\"warning: non-SMTP command from ...\" and \"lost connection / timeout /\n"
		"too many errors after UNKNOWN from ...\".  One session can give two\n"
		"matches (a warning and a lost connection)."),
	.failregex = {"^%(__prefix_line)swarning: non-SMTP command from [^[]*\\[<HOST>\\]%(_port)s: " NOT_PROXY,
		      "^%(__prefix_line)s(?:NOQUEUE: |[0-9A-Za-z]+: )?(?:lost connection|timeout|"
		      "too many errors) after UNKNOWN from [^[]*\\[<HOST>\\]%(_port)s$"},
	.maxretry = 5,
	.findtime = "10m",
	.bantime = "1h",
	.jail_note = NOTE_SCANNERS,
    },
    {
	.name = "postsleuth-auth-bruteforce",
	.kind = F2B_AUTH_LINES,
	.verdict = V_AUTH_BRUTEFORCE,
	.per_line = true,
	.legacy = true,
	.unit = N_("failed AUTH attempts"),
	.what = N_("\"warning: ...: SASL LOGIN authentication failed: ...\": one failed\n"
		"password (or unknown user).  For logs without command counts\n"
		"(Postfix before 3.0); AUTH refused before STARTTLS is not logged."),
	.prefregex = "^%(__prefix_line)swarning: <F-CONTENT>.+</F-CONTENT>$",
	.failregex = {CLIENT ": SASL \\S+ authentication failed: (?!" SASL_SERVER_SIDE_RE "|" SASL_MECH_REFUSED ")"},
	.maxretry = 5,
	.findtime = "1h",
	.bantime = "1h",
	.jail_note = NOTE_GUESSERS,
    },
    {
	.name = "postsleuth-pregreet",
	.kind = F2B_PREGREET,
	.verdict = V_PREGREET,
	.per_line = true,
	.any_version = true,
	.tolerant = true,
	.daemon = PS_DAEMON,
	.unit = N_("lines"),
	.what = N_("postscreen's \"PREGREET N after T from [A]:P: TEXT\" and smtpd's \"improper\n"
		"command pipelining after CONNECT from X[A]: TEXT\": the client talked\n"
		"before the server's greeting, as spam bots do.  One match is one\n"
		"connection.  A mail server that does it once in a while is not banned:\n"
		"the jail needs maxretry of them."),
	.failregex = {"^%(__prefix_line)sPREGREET \\d+ after \\S+ from \\[<HOST>\\]:\\d+: " NOT_PROXY,
		      "^%(__prefix_line)simproper command pipelining after CONNECT from "
		      "[^[]*\\[<HOST>\\]%(_port)s(?::" NOT_PROXY "|$)"},
	.maxretry = 3,
	.findtime = "1h",
	.bantime = "1h",
	.jail_note = NOTE_BOTS,
    },
    {
	.name = "postsleuth-pipelining",
	.kind = F2B_PIPELINING,
	.verdict = V_PIPELINING,
	.per_line = true,
	.any_version = true,
	.tolerant = true,
	.daemon = PS_DAEMON,
	.unit = N_("lines"),
	.what = N_("postscreen's \"COMMAND PIPELINING from [A]:P after CMD\" and smtpd's\n"
		"\"improper command pipelining after CMD from X[A]\": the client sent\n"
		"commands without waiting for the replies, where SMTP forbids it.  One\n"
		"match is one connection."),
	.failregex = {"^%(__prefix_line)sCOMMAND PIPELINING from \\[<HOST>\\]:\\d+ after ",
		      "^%(__prefix_line)simproper command pipelining after (?!CONNECT |QUIT )\\S+ from "
		      "[^[]*\\[<HOST>\\]%(_port)s(?::|$)"},
	.maxretry = 3,
	.findtime = "1h",
	.bantime = "1h",
	.jail_note = NOTE_BOTS,
    },
    {
	.name = "postsleuth-protocol-violation",
	.kind = F2B_PS_LIMIT,
	.verdict = V_PROTOCOL_VIOLATION,
	.per_line = true,
	.any_version = true,
	.tolerant = true,
	.daemon = PS_DAEMON,
	.unit = N_("lines"),
	.what = N_("postscreen's \"BARE NEWLINE\", \"COMMAND TIME LIMIT\" and \"COMMAND COUNT\n"
		"LIMIT from [A]:P after CMD\": the client broke SMTP's line endings,\n"
		"stalled, or sent too many commands in postscreen's deep tests.  A mail\n"
		"server with many recipients can meet the count limit once and pass\n"
		"later: the jail needs maxretry of them."),
	.failregex = {"^%(__prefix_line)s(?:BARE NEWLINE|COMMAND (?:TIME|COUNT) LIMIT) from "
		      "\\[<HOST>\\]:\\d+ after "},
	.maxretry = 3,
	.findtime = "1h",
	.bantime = "1h",
	.jail_note = NOTE_BOTS,
    },
};

/* f2b_filters - the table */
const struct f2b_filter *f2b_filters(size_t *n)
{
	*n = sizeof filters / sizeof filters[0];
	return filters;
}

/* stat_of - ok/total of one command in a disconnect line; false if absent */
static bool stat_of(const struct event *ev, const char *name, uint32_t *ok, uint32_t *total)
{
	for (unsigned i = 0; i < ev->nstats; i++)
		if (span_eqs(ev->stats[i].name, name)) {
			*ok = ev->stats[i].ok;
			*total = ev->stats[i].total;
			return true;
		}
	*ok = *total = 0;
	return false;
}

/* only_greeting - every counted command is a greeting, TLS, RSET, NOOP or QUIT */
static bool only_greeting(const struct event *ev)
{
	static const char *const ok[] = {"helo", "ehlo", "starttls", "rset", "noop", "quit",
					 "commands", NULL};
	for (unsigned i = 0; i < ev->nstats; i++) {
		bool found = false;
		for (int k = 0; ok[k] && !found; k++)
			found = span_eqs(ev->stats[i].name, ok[k]);
		if (!found)
			return false;
	}
	return true;
}

/* bracketed - the client's address stands between '[' and ']' in the
 * line's own text, as the filters' "\[<HOST>\]" wants it */
static bool bracketed(const struct event *ev)
{
	struct span t = ev->line->text, a = ev->client_ip;
	return a.n && a.p > t.p && a.p + a.n < t.p + t.n && a.p[-1] == '[' && a.p[a.n] == ']';
}

/* one_word - a stage the filters' "\S+" takes whole */
static bool one_word(struct span s)
{
	if (!s.n)
		return false;
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] == ' ' || s.p[i] == '\t')
			return false;
	return true;
}

/* postscreen_kind - postscreen's lines: the rows' first regular expressions */
static unsigned postscreen_kind(const struct event *ev)
{
	if (!bracketed(ev) || !ev->client_port.n)
		return 0;
	switch (ev->type) {
	case EV_PS_PREGREET:
		/* "PREGREET N after T from [A]:P: TEXT" */
		return ev->command.p && one_word(ev->delay) && !ev_proxy_header(ev->command) ? 1u << F2B_PREGREET : 0;
	case EV_PS_VIOLATION:
		/* "NAME from [A]:P after CMD" */
		if (!ev->stage.p)
			return 0;
		if (span_eqs(ev->action, "COMMAND PIPELINING"))
			return 1u << F2B_PIPELINING;
		if (span_eqs(ev->action, "BARE NEWLINE") || span_eqs(ev->action, "COMMAND TIME LIMIT") ||
		    span_eqs(ev->action, "COMMAND COUNT LIMIT"))
			return 1u << F2B_PS_LIMIT;
		return 0;
	default:
		return 0;
	}
}

/* f2b_classify - which kinds (bit 1 << enum f2b_kind) an smtpd or
 * postscreen event is; the same rules as the filters' regular
 * expressions, over parsed events */
unsigned f2b_classify(const struct event *ev)
{
	if (!ev->line || !ev->client_ip.p)
		return 0;
	if (span_eqs(ev->line->daemon, "postscreen"))
		return postscreen_kind(ev);
	if (!span_eqs(ev->line->daemon, "smtpd"))
		return 0;
	unsigned k = 0;
	uint32_t ok, total, hok, htot;
	switch (ev->type) {
	case EV_DISCONNECT:
		if (!stat_of(ev, "commands", &ok, &total))
			return 0;
		stat_of(ev, "ehlo", &hok, &htot);
		stat_of(ev, "helo", &ok, &total);
		hok += ok;
		if (hok && only_greeting(ev))
			k |= 1u << F2B_CAPABILITY;
		if (!hok && stat_of(ev, "unknown", &ok, &total) && total)
			k |= 1u << F2B_NON_SMTP;
		if (stat_of(ev, "auth", &ok, &total) && total && !ok)
			k |= 1u << F2B_AUTH;
		return k;
	case EV_REJECT:
		if (span_eqs(ev->action, "reject") && span_eqs(ev->stage, "RCPT") &&
		    span_starts(ev->reason, "<") && span_ends(ev->reason, ">: Relay access denied"))
			k |= 1u << F2B_RELAY;
		return k;
	case EV_NON_SMTP: /* a proxy's header is no probe's (NOT_PROXY) */
		return ev_proxy_header(ev->command) ? 0 : 1u << F2B_NON_SMTP_LINES;
	case EV_LOST:
		if (span_eqs(ev->stage, "UNKNOWN") &&
		    (span_eqs(ev->reason, "lost connection") || span_eqs(ev->reason, "timeout") ||
		     span_eqs(ev->reason, "too many errors")))
			k |= 1u << F2B_NON_SMTP_LINES;
		return k;
	case EV_PIPELINING:
		/* "improper command pipelining after STAGE from X[A]: TEXT" */
		if (!bracketed(ev) || !one_word(ev->stage))
			return 0;
		if (span_eqs(ev->stage, "CONNECT"))
			return ev_proxy_header(ev->command) ? 0 : 1u << F2B_PREGREET;
		/* after QUIT smtpd reads nothing more: a monitoring check's
		 * QUIT written with its line end, no bot (model/sessions.c) */
		return span_eqs(ev->stage, "QUIT") ? 0 : 1u << F2B_PIPELINING;
	case EV_SASL_FAIL:
		return ev_sasl_backend_fault(ev) || span_starts(ev->reason, SASL_MECH_REFUSED) ? 0
											  : 1u << F2B_AUTH_LINES;
	default:
		return 0;
	}
}
