/*
 * main.c - postsleuth's command line: the table of commands, the table
 * of options (which commands each applies to, and its help line), the
 * help texts drawn from them, and running the command.  Nothing else
 * lives here.
 *
 * The first argument that is not an option names the command.  When it
 * is no command it is a file for the default command, but only if it
 * exists (or is "-"): a word that is neither is an unknown command, with
 * the nearest command suggested, never silently a missing file.  Options
 * may come before or after the command and the files.  An option given
 * to a command it does not apply to is refused, not ignored.
 *
 * Exit status: 0 success; 1 some input could not be read, or held no
 * Postfix line at all (what could be read was still analysed); 2 usage
 * error; 3 environment failure (out of memory, write error).
 */
#include "cmd/cmd.h"
#include "util/fold.h"
#include "util/i18n.h"
#include "live/state.h"
#include "util/suggest.h"
#include "util/spillvec.h"
#include "util/timefmt.h"
#include "util/xalloc.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef POSTSLEUTH_VERSION
#define POSTSLEUTH_VERSION "0.1.0"
#endif

/* the commands, one bit each, for the options' "applies to" masks */
enum {
	C_REPORT = 1 << 0,
	C_CLIENTS = 1 << 1,
	C_ACCOUNTS = 1 << 2,
	C_EXPLAIN = 1 << 3,
	C_EVENTS = 1 << 4,
	C_STATS = 1 << 5,
	C_TRACE = 1 << 6,
	C_SUMMARY = 1 << 7,
	C_BAN = 1 << 8,
	C_FAIL2BAN = 1 << 9,
	C_ADVISE = 1 << 10,
	C_WATCH = 1 << 11,
};
#define C_ALL ((1u << 12) - 1)
#define C_BATCH (C_ALL & ~C_WATCH)     /* the commands that read finished files */
#define C_COLOR (C_REPORT | C_CLIENTS | C_ACCOUNTS | C_EXPLAIN | C_SUMMARY | C_TRACE)
#define C_SECRETS (C_REPORT | C_EXPLAIN | C_EVENTS | C_TRACE)

struct command {
	const char *name;
	int (*run)(struct opts *);
	unsigned bit;
	bool wants_query;         /* trace: the first argument after it is the ID */
	const char *args;         /* its synopsis after the name */
	const char *summary;      /* N_(): translated where printed */
};

static const struct command commands[] = {
    {"report", cmd_report, C_REPORT, false, "[OPTIONS] [FILE...]",
     N_("what is happening and what to do (the default)")},
    {"clients", cmd_clients, C_CLIENTS, false, "[OPTIONS] [FILE...]",
     N_("one line per client address with its verdict")},
    {"accounts", cmd_accounts, C_ACCOUNTS, false, "[OPTIONS] [FILE...]",
     N_("one line per SASL account with its verdict")},
    {"explain", cmd_explain, C_EXPLAIN, false,
     "[--ip ADDR | --account USER | --session N | --queue-id QID] [OPTIONS] [FILE...]",
     N_("the top findings, or the chosen sessions, told step by step")},
    {"events", cmd_events, C_EVENTS, false, "[OPTIONS] [FILE...]",
     N_("every recognised log line as an NDJSON event")},
    {"stats", cmd_stats, C_STATS, false, "[OPTIONS] [FILE...]",
     N_("how many lines of each kind were read (parse + correlate only)")},
    {"trace", cmd_trace, C_TRACE, true, "ID [OPTIONS] [FILE...]",
     N_("the whole story of a queue ID, Message-ID or address")},
    {"summary", cmd_summary, C_SUMMARY, false, "[OPTIONS] [FILE...]",
     N_("traffic summary: pflogsumm's report and numbers, and more")},
    {"ban", cmd_ban, C_BAN, false, "[OPTIONS] [FILE...]",
     N_("hostile addresses as nft/ipset/Postfix/postscreen/plain/JSON lists")},
    {"fail2ban", cmd_fail2ban, C_FAIL2BAN, false, "[OPTIONS] [FILE...]",
     N_("fail2ban filters, checked with fail2ban-regex on the log")},
    {"advise", cmd_advise, C_ADVISE, false, "[OPTIONS] [FILE...]",
     N_("Postfix settings for what the log shows, with the evidence")},
    {"watch", cmd_watch, C_WATCH, false, "[OPTIONS] [FILE | FILE.journal | --journal]",
     N_("follow a log or the journal live, ban on verdicts, keep state")},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

enum {
	O_HELP = 'h',
	O_JSON = 'j',
	O_YEAR = 256, O_SINCE, O_UNTIL, O_JOURNAL, O_ALL, O_SECRETS, O_COLOR, O_VERSION,
	O_IP, O_ACCOUNT, O_SESSION, O_QID, O_TOP, O_SORT, O_VERDICT,
	O_FORMAT, O_ALLOW, O_MIN_SESSIONS, O_INCLUDE_AUTH, O_AGGREGATE, O_OUTPUT,
	O_DECOMPRESS_MAX, O_SPOOL_MAX, O_MEMORY_BUDGET, O_LANG, O_HTML,
	O_STATE, O_NFT_SET, O_NFT_SET6, O_IPSET, O_BAN_TIME, O_ACT, O_HOOK, O_METRICS, O_ONCE,
	O_FROM_END, O_MAX_AGE, O_FOLLOW, O_THREADS,
	O__END
};

/* one row per option and meaning: an option that means different things
 * to different commands has a row for each (same name, same key) */
struct optdef {
	const char *name;
	int has_arg;              /* no_argument, required_argument, optional_argument */
	int key;                  /* what getopt_long returns */
	char short_name;          /* 0: none */
	unsigned cmds;            /* the commands it applies to */
	const char *arg;          /* the value's name in the help (never translated) */
	const char *help;         /* N_(): translated where printed; %s is STATE_DEFAULT_PATH */
};

static const struct optdef optdefs[] = {
    {"ip", required_argument, O_IP, 0, C_EXPLAIN, "ADDR",
     N_("the sessions of this client address")},
    {"account", required_argument, O_ACCOUNT, 0, C_EXPLAIN, "USER",
     N_("the sessions and messages of this SASL account")},
    {"session", required_argument, O_SESSION, 0, C_EXPLAIN, "N", N_("session number N")},
    {"queue-id", required_argument, O_QID, 0, C_EXPLAIN, "QID",
     N_("the session and message of this queue ID")},
    {"queue-id", required_argument, O_QID, 0, C_TRACE, "QID",
     N_("the ID to trace (as the ID argument)")},
    {"top", required_argument, O_TOP, 0, C_EXPLAIN, "N",
     N_("no selector: the N most serious clients and accounts (default 10)")},
    {"all", no_argument, O_ALL, 0, C_EXPLAIN, NULL, N_("no selector: every client and account")},
    {"top", required_argument, O_TOP, 0, C_REPORT, "N",
     N_("tell the N most serious items of each section (default 5)")},
    {"all", no_argument, O_ALL, 0, C_REPORT, NULL,
     N_("every item of every section, legitimate clients too, and the traffic summary")},
    {"all", no_argument, O_ALL, 0, C_EVENTS, NULL, N_("also verbose noise and non-Postfix lines")},
    {"sort", required_argument, O_SORT, 0, C_CLIENTS, "KEY",
     N_("severity (default), sessions, ip, first-seen, auth-failures")},
    {"sort", required_argument, O_SORT, 0, C_ACCOUNTS, "KEY",
     N_("severity (default), recipients, name")},
    {"verdict", required_argument, O_VERDICT, 0, C_CLIENTS | C_ACCOUNTS, "V",
     N_("only that verdict")},
    {"verdict", required_argument, O_VERDICT, 0, C_BAN, "V",
     N_("verdicts to list (repeatable, or a comma list; default: the hostile ones)")},
    {"verdict", required_argument, O_VERDICT, 0, C_WATCH, "V",
     N_("verdicts to ban (repeatable, or a comma list; default: those of ban)")},
    {"format", required_argument, O_FORMAT, 0, C_BAN, "F",
     N_("nft, ipset, postfix-cidr, postscreen, json, plain (default)")},
    {"allow", required_argument, O_ALLOW, 0, C_BAN | C_WATCH, "CIDR",
     N_("never list these networks (repeatable; mynetworks too)")},
    {"min-sessions", required_argument, O_MIN_SESSIONS, 0, C_BAN | C_WATCH, "N",
     N_("only addresses with at least N sessions")},
    {"include-authenticated", no_argument, O_INCLUDE_AUTH, 0, C_BAN, NULL,
     N_("also addresses that logged in only as compromised accounts")},
    {"aggregate", no_argument, O_AGGREGATE, 0, C_BAN, NULL,
     N_("/24 and /64 prefixes where nothing else of the log lives")},
    {"state", required_argument, O_STATE, 0, C_WATCH, "DB", N_("the SQLite state (default %s)")},
    {"state", required_argument, O_STATE, 0, C_REPORT, "DB",
     N_("report on what watch saved in DB instead of reading logs")},
    {"nft-set", required_argument, O_NFT_SET, 0, C_WATCH, "\"F T S\"",
     N_("add IPv4 bans to nftables set S of table T, family F (a set you made, flags timeout)")},
    {"nft-set6", required_argument, O_NFT_SET6, 0, C_WATCH, "\"F T S\"", N_("the same for IPv6")},
    {"ipset", required_argument, O_IPSET, 0, C_WATCH, "NAME",
     N_("add bans to this ipset (with --nft-set: to both)")},
    {"ban-time", required_argument, O_BAN_TIME, 0, C_WATCH, "T",
     N_("how long a ban lasts: 3600, 90m, 1h, 2d (default 1h)")},
    {"act", no_argument, O_ACT, 0, C_WATCH, NULL,
     N_("run the bans and the hook (default: a dry run that prints them)")},
    {"hook", required_argument, O_HOOK, 0, C_WATCH, "PROG",
     N_("run PROG with each ban or account alert as JSON on its standard input")},
    {"metrics", required_argument, O_METRICS, 0, C_WATCH, "FILE",
     N_("Prometheus metrics in FILE, for node_exporter's textfile collector")},
    {"once", no_argument, O_ONCE, 0, C_WATCH, NULL, N_("read what is there, save, and exit")},
    {"from-end", no_argument, O_FROM_END, 0, C_WATCH, NULL,
     N_("with no saved place, start at the end of the file, not its start")},
    {"max-age", required_argument, O_MAX_AGE, 0, C_WATCH, "DAYS",
     N_("forget clients and accounts idle this long (default 30)")},
    {"follow", no_argument, O_FOLLOW, 0, C_WATCH, NULL,
     N_("accepted, as fail2ban users type it: watch follows anyway (the other commands, which "
	"read finished logs, refuse it and name watch)")},
    {"output", required_argument, O_OUTPUT, 0, C_FAIL2BAN, "DIR",
     N_("write filter.d/ and jail.d/ under DIR (default: print)")},
    {"spool-max", required_argument, O_SPOOL_MAX, 0, C_REPORT | C_FAIL2BAN, "SIZE",
     N_("piped input kept, unlinked, to read it again (default 1G); past it, no evidence lines")},
    {"memory-budget", required_argument, O_MEMORY_BUDGET, 0,
     C_ALL & ~(C_EVENTS | C_STATS | C_TRACE | C_SUMMARY), "SIZE",
     N_("memory for the per-client tables before they move to a file in $TMPDIR (default: half the RAM)")},
    {"threads", required_argument, O_THREADS, 0, C_BATCH, "N",
     N_("threads per input: 0 chooses (two for a large file when there are two CPUs, the "
	"default), 1 one, 2 or more two (a reading thread and the analysis); wins over "
	"POSTSLEUTH_THREADS")},
    {"decompress-max", required_argument, O_DECOMPRESS_MAX, 0, C_BATCH, "SIZE",
     N_("memory a gzip/xz/zstd input may take (default 256M)")},
    {"show-secrets", no_argument, O_SECRETS, 0, C_SECRETS, NULL,
     N_("print SASL passwords and AUTH data (redacted by default)")},
    {"json", no_argument, O_JSON, 'j', C_BATCH, NULL,
     N_("JSON output instead of text (events: always)")},
    {"html", required_argument, O_HTML, 0, C_REPORT, "FILE",
     N_("the report as one self-contained web page into FILE (- for stdout)")},
    {"color", optional_argument, O_COLOR, 0, C_COLOR, "WHEN",
     N_("auto (default), always, never; NO_COLOR is honoured")},
    {"colour", optional_argument, O_COLOR, 0, C_COLOR, "WHEN", N_("the same as --color")},
    {"year", required_argument, O_YEAR, 0, C_ALL, "YYYY",
     N_("year of classic syslog times (default: inferred)")},
    {"since", required_argument, O_SINCE, 0, C_BATCH & ~C_FAIL2BAN, "T",
     N_("only lines from T on: YYYY-MM-DD[THH:MM[:SS]] or @EPOCH")},
    {"until", required_argument, O_UNTIL, 0, C_BATCH & ~C_FAIL2BAN, "T",
     N_("only lines before T (the same forms)")},
    {"journal", no_argument, O_JOURNAL, 0, C_ALL, NULL, N_("read the local systemd journal")},
    {"lang", required_argument, O_LANG, 0, C_ALL, "L",
     N_("language of the prose: en, pt_BR, es (default: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)")},
    {"help", no_argument, O_HELP, 'h', C_ALL, NULL,
     N_("this text; COMMAND --help: that command's")},
    {"version", no_argument, O_VERSION, 0, C_ALL, NULL, N_("print the version")},
};
#define NOPTDEFS (sizeof optdefs / sizeof optdefs[0])

/* opt_mask - the commands an option (by key) applies to, over its rows */
static unsigned opt_mask(int key)
{
	unsigned m = 0;
	for (size_t i = 0; i < NOPTDEFS; i++)
		if (optdefs[i].key == key)
			m |= optdefs[i].cmds;
	return m;
}

/* opt_name - the first long name of an option key */
static const char *opt_name(int key)
{
	for (size_t i = 0; i < NOPTDEFS; i++)
		if (optdefs[i].key == key)
			return optdefs[i].name;
	return "?";
}

/* first_row - is row i the first with its name (the others repeat it) */
static bool first_row(size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (!strcmp(optdefs[j].name, optdefs[i].name))
			return false;
	return true;
}

/* mask_words - "ban", "clients, accounts": the commands in mask, or
 * with but, those not in it */
static void mask_words(char *out, size_t n, unsigned mask, bool but)
{
	size_t k = 0;
	out[0] = 0;
	bool first = true;
	for (size_t i = 0; i < NCOMMANDS && k < n; i++) {
		if (((mask & commands[i].bit) != 0) == but)
			continue;
		k += (size_t)snprintf(out + k, n - k, "%s%s", first ? "" : ", ", commands[i].name);
		first = false;
	}
}

/* nearly_all - an option of every command but one or two */
static bool nearly_all(unsigned mask)
{
	size_t count = 0;
	for (size_t i = 0; i < NCOMMANDS; i++)
		count += (mask & commands[i].bit) != 0;
	return count + 2 >= NCOMMANDS;
}

#define HELP_COL 28             /* where the help text of an option starts */
#define HELP_WIDTH 79

/* opt_line - "  -j, --json                 text", the text folded at
 * HELP_WIDTH under its column, counted in characters (the translated
 * help has accents); pre and post go before and after it */
static void opt_line(FILE *f, const struct optdef *d, const char *pre, const char *post)
{
	char left[64], help[400], text[800];
	int k = snprintf(left, sizeof left, "%s%s%s--%s", d->short_name ? "-" : "",
			 d->short_name ? (char[]){d->short_name, 0} : "", d->short_name ? ", " : "", d->name);
	if (d->arg && k > 0 && (size_t)k < sizeof left)
		snprintf(left + k, sizeof left - (size_t)k,
			 d->has_arg == optional_argument ? "[=%s]" : " %s", d->arg);
	snprintf(help, sizeof help, _(d->help), STATE_DEFAULT_PATH);
	snprintf(text, sizeof text, "%s%s%s", pre, help, post);
	fprintf(f, "  %-*s", HELP_COL - 3, left);
	const char *t = text;
	while (*t) {
		size_t n = fold_cut(t, HELP_WIDTH - HELP_COL);
		fprintf(f, " %.*s\n", (int)n, t);
		t += n;
		while (*t == ' ')
			t++;
		if (*t)
			fprintf(f, "%*s", HELP_COL - 1, "");
	}
}

/* usage - the --help text: every command and every option */
static void usage(FILE *f)
{
	/* TRANSLATORS: keep "usage:", the command line, COMMAND, OPTIONS, FILE
	 * and the line breaks (at most 79 columns); the rest is prose */
	fputs(_("usage: postsleuth [COMMAND] [OPTIONS] [FILE...]\n"
		"       postsleuth COMMAND --help\n"
		"\n"
		"Reads Postfix logs (plain, gzip, xz, zstd, journal files, or - for stdin;\n"
		"with no FILE: /var/log/mail.log and its rotations, else the journal),\n"
		"rebuilds every SMTP session and message, and explains what happened.\n"
		"\n"
		"commands:\n"), f);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\noptions of every command:\n"), f);
	for (size_t i = 0; i < NOPTDEFS; i++) {
		if (!nearly_all(optdefs[i].cmds))
			continue;
		char words[160], post[170] = "";
		if (optdefs[i].cmds != C_ALL) {
			mask_words(words, sizeof words, optdefs[i].cmds, true);
			/* TRANSLATORS: after an option's help: the commands it is not for */
			snprintf(post, sizeof post, _(" (not %s)"), words);
		}
		opt_line(f, &optdefs[i], "", post);
	}
	fputs(_("\noptions of some commands:\n"), f);
	for (size_t i = 0; i < NOPTDEFS; i++) {
		if (nearly_all(optdefs[i].cmds))
			continue;
		char words[160], pre[170];
		mask_words(words, sizeof words, optdefs[i].cmds, false);
		snprintf(pre, sizeof pre, "%s: ", words);
		opt_line(f, &optdefs[i], pre, "");
	}
	fputs(_("\n"
		"Exit status: 0 ok, 1 some input unreadable or no Postfix line at all,\n"
		"2 usage error, 3 environment failure.  See postsleuth(1).\n"),
	      f);
}

/* command_usage - COMMAND --help: its synopsis and the options it takes */
static void command_usage(FILE *f, const struct command *c)
{
	/* TRANSLATORS: the command's name, its synopsis (untranslated) and its
	 * summary (the translated line of postsleuth --help) */
	fprintf(f, _("usage: postsleuth %s %s\n\n%s.\n\noptions:\n"), c->name, c->args,
		_(c->summary));
	for (size_t i = 0; i < NOPTDEFS; i++)
		if (optdefs[i].cmds & c->bit)
			opt_line(f, &optdefs[i], "", "");
	fputs(_("\nSee postsleuth(1), and postsleuth --help for the other commands.\n"), f);
}

/* command_find - by exact name, NULL when none */
static const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* looks_like_word - letters, digits, '-' and '_', starting with a letter:
 * what a mistyped command looks like and a log file's name rarely does */
static bool looks_like_word(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '_'))
			return false;
	return true;
}

/* shown - an argument as it may be printed: cut, control bytes as '?' */
static const char *shown(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		out[k++] = (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s;
	out[k] = 0;
	return out;
}

/* unknown_command - a word that names no command and no file: exit 2 */
static void unknown_command(const char *word)
{
	const char *names[NCOMMANDS + 1];
	for (size_t i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	names[NCOMMANDS] = "help";
	const char *near = suggest_nearest(word, names, NCOMMANDS + 1);
	char w[80];
	shown(word, w, sizeof w);
	if (near) {
		/* TRANSLATORS: the word typed, then the nearest command */
		fprintf(stderr, _("postsleuth: unknown command '%s'; did you mean '%s'?\n"), w, near);
	} else {
		fprintf(stderr, _("postsleuth: unknown command '%s', and no file of that name; commands:"),
			w);
		for (size_t i = 0; i < NCOMMANDS; i++)
			fprintf(stderr, "%s %s", i ? "," : "", commands[i].name);
		fputs(" (postsleuth --help)\n", stderr);
	}
	exit(EXIT_USAGE);
}

/* bad_option - an option getopt did not take: unknown (with the nearest
 * option), ambiguous, a value missing or not wanted; exit 2.  getopt says
 * which through optopt: 0 for a long option it does not know, the
 * letter of an unknown short one, the key of a known one misused; arg is
 * the argument it was in (for a long option) */
static void bad_option(const char *arg, int c, int optchar, const char *shorts)
{
	char w[80];
	if (c == '?' && optchar > 0 && optchar < 256 && !strchr(shorts, optchar)) {
		char s[2] = {(char)optchar, 0};
		fprintf(stderr, _("postsleuth: unknown option '-%s' (postsleuth --help lists them)\n"),
			shown(s, w, sizeof w));
		exit(EXIT_USAGE);
	}
	if (strncmp(arg, "--", 2) != 0) {
		fprintf(stderr, _("postsleuth: bad option in '%s' (postsleuth --help lists them)\n"),
			shown(arg, w, sizeof w));
		exit(EXIT_USAGE);
	}
	char name[64];
	size_t len = strcspn(arg + 2, "=");
	snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), arg + 2);
	shown(name, w, sizeof w);
	const char *names[NOPTDEFS];
	size_t n = 0, nprefix = 0;
	for (size_t i = 0; i < NOPTDEFS; i++) {
		if (!first_row(i))
			continue;
		names[n++] = optdefs[i].name;
		if (!strcmp(optdefs[i].name, name) && c == '?') {
			fprintf(stderr, _("postsleuth: option '--%s' takes no value\n"), w);
			exit(EXIT_USAGE);
		}
		nprefix += len && !strncmp(optdefs[i].name, name, len);
	}
	if (c == ':') {
		fprintf(stderr, _("postsleuth: option '%s' needs a value\n"), shown(arg, w, sizeof w));
		exit(EXIT_USAGE);
	}
	if (nprefix > 1) {
		/* TRANSLATORS: the options it may stand for follow, each " --name" */
		fprintf(stderr, _("postsleuth: option '--%s' is ambiguous:"), w);
		for (size_t i = 0; i < n; i++)
			if (!strncmp(names[i], name, len))
				fprintf(stderr, " --%s", names[i]);
		fputc('\n', stderr);
		exit(EXIT_USAGE);
	}
	const char *near = suggest_nearest(name, names, n);
	if (near)
		fprintf(stderr, _("postsleuth: unknown option '--%s'; did you mean '--%s'?\n"), w, near);
	else
		fprintf(stderr, _("postsleuth: unknown option '--%s' (postsleuth --help lists them)\n"), w);
	exit(EXIT_USAGE);
}

/* parse_time - --since/--until value or a usage error */
static int64_t parse_time(const char *opt, const char *v)
{
	int64_t us;
	if (!parse_time_arg(v, &us))
		fatal(EXIT_USAGE, _("%s: bad time '%s' (want YYYY-MM-DD[THH:MM[:SS]] or @EPOCH)"), opt, v);
	return us;
}

/* parse_size - a byte count with an optional binary suffix (K, M, G, T,
 * and "iB" or "B" after it), at least min, or a usage error */
static uint64_t parse_size(const char *opt, const char *v, uint64_t min)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	int shift = 0;
	const char *units = "KMGT";
	const char *u = *end ? strchr(units, *end & ~0x20) : NULL;
	if (u) {
		shift = 10 * (int)(u - units + 1);
		end++;
		if (*end == 'i' && end[1] == 'B')
			end += 2;
		else if (*end == 'B')
			end++;
	}
	if (end == v || *v == '-' || *end || errno || (shift && n > (UINT64_MAX >> shift)) ||
	    (n << shift) < min)
		fatal(EXIT_USAGE, _("%s: want a size of at least %llu MiB (e.g. 512M, 2G), not '%s'"), opt,
		      (unsigned long long)(min >> 20), v);
	return (uint64_t)n << shift;
}

/* parse_count - a number in [lo, hi] or a usage error */
static long parse_count(const char *opt, const char *v, long lo, long hi)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || end == v || n < lo || n > hi)
		fatal(EXIT_USAGE, _("%s: want a number from %ld to %ld, not '%s'"), opt, lo, hi, v);
	return n;
}

/* --lang: read once the options are parsed */
static const char *lang_opt;
/* parse_duration - seconds: N, or N with s, m, h or d; at least 1 s */
static uint64_t parse_duration(const char *opt, const char *v)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	static const struct {
		char unit;
		unsigned mult;
	} units[] = {{0, 1}, {'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (*end == units[i].unit && (!*end || !end[1]) && end != v && *v != '-' && !errno &&
		    n > 0 && n <= 366ULL * 86400 / units[i].mult)
			return n * units[i].mult;
	fatal(EXIT_USAGE, _("%s: want a duration like 3600, 90m, 1h or 2d (at most a year), not '%s'"),
	      opt, v);
}

/* set_option - one parsed option into struct opts */
static void set_option(struct opts *o, int c, const char *arg)
{
	switch (c) {
	case O_JSON: o->json = true; break;
	case O_LANG: lang_opt = arg; break;
	case O_HTML: o->html = arg; break;
	case O_YEAR: o->year = (int)parse_count("--year", arg, 1970, 9999); break;
	case O_SINCE: o->since_us = parse_time("--since", arg); o->have_since = true; break;
	case O_UNTIL: o->until_us = parse_time("--until", arg); o->have_until = true; break;
	case O_JOURNAL: o->journal = true; break;
	case O_ALL: o->all = true; break;
	case O_SECRETS: o->show_secrets = true; break;
	case O_COLOR:
		if (!arg || strcmp(arg, "always") == 0)
			o->color = 1;
		else if (strcmp(arg, "never") == 0)
			o->color = 0;
		else if (strcmp(arg, "auto") == 0)
			o->color = -1;
		else
			fatal(EXIT_USAGE, _("--color: want auto, always or never"));
		break;
	case O_IP: o->select = "ip"; o->query = arg; break;
	case O_ACCOUNT: o->select = "account"; o->query = arg; break;
	case O_SESSION: o->select = "session"; o->query = arg; break;
	case O_QID: o->select = "queue-id"; o->query = arg; break;
	case O_TOP: o->top = (int)parse_count("--top", arg, 1, 1000000); break;
	case O_SORT: o->sort = arg; break;
	case O_VERDICT:
		o->verdict = arg;
		if (o->nverdicts >= OPTS_MAX_LIST)
			fatal(EXIT_USAGE, _("--verdict: too many (use commas)"));
		o->verdicts[o->nverdicts++] = arg;
		break;
	case O_FORMAT: o->format = arg; break;
	case O_ALLOW:
		if (o->nallow >= OPTS_MAX_LIST)
			fatal(EXIT_USAGE, _("--allow: too many (use commas)"));
		o->allow[o->nallow++] = arg;
		break;
	case O_MIN_SESSIONS: o->min_sessions = parse_count("--min-sessions", arg, 0, 1000000000); break;
	case O_INCLUDE_AUTH: o->include_auth = true; break;
	case O_AGGREGATE: o->aggregate = true; break;
	case O_OUTPUT: o->output = arg; break;
	case O_MEMORY_BUDGET:
		if (!membudget_parse(arg, &o->memory_budget) || o->memory_budget < (1u << 20))
			fatal(EXIT_USAGE, _("--memory-budget: want a size of at least 1M, like 512M or 4G"));
		break;
	case O_THREADS:
		o->threads = (int)parse_count("--threads", arg, 0, 1024);
		o->have_threads = true;
		break;
	case O_DECOMPRESS_MAX: o->decompress_max = parse_size("--decompress-max", arg, 1 << 20); break;
	case O_STATE: o->state_path = arg; break;
	case O_NFT_SET: o->nft_set = arg; break;
	case O_NFT_SET6: o->nft_set6 = arg; break;
	case O_IPSET: o->ipset = arg; break;
	case O_BAN_TIME: o->ban_seconds = parse_duration("--ban-time", arg); break;
	case O_ACT: o->act = true; break;
	case O_HOOK: o->hook = arg; break;
	case O_METRICS: o->metrics = arg; break;
	case O_ONCE: o->once = true; break;
	case O_FROM_END: o->from_end = true; break;
	case O_MAX_AGE: o->max_age_days = parse_count("--max-age", arg, 1, 36500); break;
	case O_FOLLOW: break;   /* watch follows anyway; check_applies names watch to the others */
	case O_SPOOL_MAX:
		o->spool_max = parse_size("--spool-max", arg, 0);
		o->have_spool_max = true;
		break;
	default: abort();
	}
}

/* check_applies - refuse the options given that the command does not take */
static void check_applies(const struct command *cmd, const bool given[O__END])
{
	for (int k = 0; k < O__END; k++) {
		if (!given[k] || (opt_mask(k) & cmd->bit))
			continue;
		char words[160];
		bool but = nearly_all(opt_mask(k));
		mask_words(words, sizeof words, opt_mask(k), but);
		/* TRANSLATORS: the option, the command typed, the commands the option
		 * is for, the command typed again */
		fprintf(stderr, but ? _("postsleuth: --%s does not apply to '%s' (it is an option of every "
					"command but %s); see postsleuth %s --help\n")
				    : _("postsleuth: --%s does not apply to '%s' (it is an option of %s); "
					"see postsleuth %s --help\n"),
			opt_name(k), cmd->name, words, cmd->name);
		exit(EXIT_USAGE);
	}
}

/* check_explain - one selector at most, and --top/--all only without one */
static void check_explain(const bool given[O__END])
{
	int n = given[O_IP] + given[O_ACCOUNT] + given[O_SESSION] + given[O_QID];
	if (n > 1)
		fatal(EXIT_USAGE, _("explain: one of --ip, --account, --session, --queue-id at a time"));
	if (n && (given[O_TOP] || given[O_ALL]))
		fatal(EXIT_USAGE, _("explain: --%s chooses among the findings, which --ip, --account, "
				    "--session and --queue-id do not list"),
		      given[O_TOP] ? "top" : "all");
	if (given[O_TOP] && given[O_ALL])
		fatal(EXIT_USAGE, _("explain: --top or --all, not both"));
}

/* the arguments that are not options, in order: file-scope, so that the
 * usage errors that exit from deep in the parsing leave nothing behind */
static char **positional;

/* lang_prescan - --lang's value before getopt runs, so that its own
 * complaints (a bad option) are already in the language: "--lang L",
 * "--lang=L" or an abbreviation getopt would take ("--la L"); the last wins */
static const char *lang_prescan(int argc, char **argv)
{
	const char *v = NULL;
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		const char *a = argv[i];
		if (strncmp(a, "--", 2) || !a[2])
			continue;
		size_t len = strcspn(a + 2, "=");
		if (len < 2 || len > 4 || strncmp(a + 2, "lang", len))
			continue;
		if (a[2 + len] == '=')
			v = a + 3 + len;
		else if (i + 1 < argc)
			v = argv[++i];
	}
	return v;
}

/* is_input - an existing path, or "-" */
static bool is_input(const char *arg)
{
	struct stat st;
	return !strcmp(arg, "-") || stat(arg, &st) == 0;
}

int main(int argc, char **argv)
{
	struct opts o = {.color = -1, .max_age_days = 30};
	struct option longopts[NOPTDEFS + 1];
	char shorts[8] = "-:";        /* in order, ':' to tell a missing value */
	size_t nl = 0, ns = 2;
	for (size_t i = 0; i < NOPTDEFS; i++) {
		const struct optdef *d = &optdefs[i];
		if (!first_row(i))
			continue;
		longopts[nl++] = (struct option){d->name, d->has_arg, NULL, d->key};
		if (d->short_name && ns + 1 < sizeof shorts)
			shorts[ns++] = d->short_name;
	}
	longopts[nl] = (struct option){NULL, 0, NULL, 0};
	shorts[ns] = 0;

	const char *lang_pre = lang_prescan(argc, argv);
	bool lang_ok = i18n_init(lang_pre);
	bool given[O__END] = {0};
	char **pos = positional = xcalloc((size_t)argc + 1, sizeof *pos);
	int npos = 0, c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, longopts, NULL)) != -1) {
		if (c == 1) {
			pos[npos++] = optarg;
		} else if (c == '?' || c == ':') {
			bad_option(argv[optind - 1], c, optopt, shorts + 2);
		} else if (c == O_VERSION) {
			printf("postsleuth %s\n", POSTSLEUTH_VERSION);
			return 0;
		} else {
			given[c] = true;
			if (c != O_HELP)
				set_option(&o, c, optarg);
		}
	}
	while (optind < argc)         /* after "--" */
		pos[npos++] = argv[optind++];
	if (lang_opt != lang_pre)
		lang_ok = i18n_init(lang_opt);
	if (!lang_ok && lang_opt)
		fprintf(stderr, "postsleuth: no catalogue for language \"%s\" (there are en, pt_BR, es): "
			"the prose stays in English\n", lang_opt);

	const struct command *cmd = NULL;
	int first = 0;
	bool help_word = false;
	if (npos > 0) {
		cmd = command_find(pos[0]);
		if (cmd) {
			first = 1;
		} else if (!strcmp(pos[0], "help")) {
			/* postsleuth help [COMMAND] */
			help_word = true;
			if (npos > 1 && !(cmd = command_find(pos[1])))
				unknown_command(pos[1]);
		} else if (!is_input(pos[0]) && looks_like_word(pos[0])) {
			unknown_command(pos[0]);
		}
	}
	if (help_word || given[O_HELP]) {
		if (cmd) {
			check_applies(cmd, given);
			command_usage(stdout, cmd);
		} else {
			usage(stdout);
		}
		free(positional);
		return 0;
	}
	if (!cmd)
		cmd = &commands[0];
	check_applies(cmd, given);

	if (cmd->bit == C_EXPLAIN)
		check_explain(given);
	if (cmd->bit == C_REPORT && given[O_TOP] && given[O_ALL])
		fatal(EXIT_USAGE, _("report: --top or --all, not both"));

	char **files = pos + first;
	int rest = npos - first;
	if (cmd->wants_query && !o.query) {
		if (rest < 1)
			fatal(EXIT_USAGE, _("%s: which ID? (see postsleuth %s --help)"), cmd->name, cmd->name);
		o.query = files[0];
		files++;
		rest--;
	}
	o.files = files;
	o.nfiles = rest;
	/* --threads wins over the variable, 0 included (the feed reads it
	 * when its ->threads is 0: chosen per input) */
	if (o.have_threads)
		unsetenv("POSTSLEUTH_THREADS");
	int rc = cmd->run(&o);
	free(positional);
	return rc;
}
