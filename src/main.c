/*
 * main.c - postsleuth's command line: parse options, pick the
 * subcommand, run it.  Nothing else lives here.
 *
 * Exit status: 0 success; 1 some input could not be read (what could be
 * read was still analysed); 2 usage error; 3 environment failure (out of
 * memory, write error).
 */
#include "cmd/cmd.h"
#include "util/spillvec.h"
#include "util/timefmt.h"
#include "util/xalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef POSTSLEUTH_VERSION
#define POSTSLEUTH_VERSION "0.1.0"
#endif

struct command {
	const char *name;
	int (*run)(struct opts *);
	bool wants_query;
	const char *summary;
};

static const struct command commands[] = {
    {"report", cmd_report, false, "what is happening and what to do (the default)"},
    {"clients", cmd_clients, false, "one line per client address with its verdict"},
    {"accounts", cmd_accounts, false, "one line per SASL account with its verdict"},
    {"explain", cmd_explain, false, "sessions told step by step (--ip, --account, --session, --queue-id)"},
    {"events", cmd_events, false, "every recognised log line as an NDJSON event"},
    {"stats", cmd_stats, false, "how many lines of each kind were read (parse + correlate only)"},
    {"trace", cmd_trace, true, "the whole story of a queue ID, Message-ID or address"},
    {"summary", cmd_summary, false, "traffic summary: pflogsumm's report and numbers, and more"},
    {"ban", cmd_ban, false, "hostile addresses as nft/ipset/Postfix/postscreen/plain lists"},
    {"fail2ban", cmd_fail2ban, false, "fail2ban filters, checked with fail2ban-regex on the log"},
    {"advise", cmd_advise, false, "Postfix settings for what the log shows, with the evidence"},
    {NULL, NULL, false, NULL},
};

/* usage - the --help text */
static void usage(FILE *f)
{
	fprintf(f,
		"usage: postsleuth [COMMAND] [OPTIONS] [FILE...]\n"
		"\n"
		"Reads Postfix logs (plain, gzip, xz, zstd, journal files, or - for stdin;\n"
		"with no FILE: /var/log/mail.log and its rotations, else the journal),\n"
		"rebuilds every SMTP session and message, and explains what happened.\n"
		"\n"
		"commands:\n");
	for (const struct command *c = commands; c->name; c++)
		fprintf(f, "  %-9s %s\n", c->name, c->summary);
	fprintf(f,
		"\n"
		"options:\n"
		"  --json            JSON output\n"
		"  --year YYYY       year of classic syslog timestamps (default: inferred)\n"
		"  --since T, --until T   only lines in [T, T): YYYY-MM-DD[THH:MM[:SS]] or @EPOCH\n"
		"  --journal         read the local systemd journal\n"
		"  --all             events: also verbose noise and non-Postfix lines\n"
		"  --show-secrets    print decoded AUTH passwords (hidden by default)\n"
		"  --format F        ban: nft, ipset, postfix-cidr, postscreen, plain (default)\n"
		"  --verdict V       ban: verdicts to list (repeatable; default: the hostile ones)\n"
		"  --allow CIDR      ban: never list these networks (repeatable; mynetworks too)\n"
		"  --min-sessions N  ban: only addresses with at least N sessions\n"
		"  --include-authenticated  ban: also addresses that logged in as compromised accounts\n"
		"  --aggregate       ban: /24 and /64 prefixes where nothing else lives in them\n"
		"  --output DIR      fail2ban: write filter.d/ and jail.d/ under DIR (default: print)\n"
		"  --memory-budget SIZE  memory for the per-client tables before they move to a\n"
		"                    file in $TMPDIR (e.g. 512M, 4G; default: half the RAM)\n"
		"  --color=WHEN      auto, always, never (NO_COLOR is honoured)\n"
		"  -h, --help        this text\n"
		"  --version         print the version\n"
		"\n"
		"Exit status: 0 ok, 1 some input unreadable, 2 usage error, 3 environment failure.\n"
		"See postsleuth(1).\n");
}

/* parse_time - --since/--until value or a usage error */
static int64_t parse_time(const char *opt, const char *v)
{
	int64_t us;
	if (!parse_time_arg(v, &us))
		fatal(EXIT_USAGE, "%s: bad time '%s' (want YYYY-MM-DD[THH:MM[:SS]] or @EPOCH)", opt, v);
	return us;
}

int main(int argc, char **argv)
{
	struct opts o = {.color = -1};
	const struct command *cmd = NULL;
	int argi = 1;
	if (argc > 1 && argv[1][0] != '-') {
		for (const struct command *c = commands; c->name; c++)
			if (strcmp(c->name, argv[1]) == 0)
				cmd = c;
		if (!cmd) {
			/* not a command: a file for the default command */
		} else {
			argi = 2;
		}
	}
	if (!cmd)
		cmd = &commands[0];
	enum { O_YEAR = 256, O_SINCE, O_UNTIL, O_JOURNAL, O_ALL, O_SECRETS, O_COLOR, O_VERSION,
	       O_IP, O_ACCOUNT, O_SESSION, O_QID, O_SORT, O_VERDICT,
	       O_FORMAT, O_ALLOW, O_MIN_SESSIONS, O_INCLUDE_AUTH, O_AGGREGATE, O_OUTPUT,
	       O_MEMORY_BUDGET };
	static const struct option longopts[] = {
	    {"json", no_argument, NULL, 'j'},
	    {"year", required_argument, NULL, O_YEAR},
	    {"since", required_argument, NULL, O_SINCE},
	    {"until", required_argument, NULL, O_UNTIL},
	    {"journal", no_argument, NULL, O_JOURNAL},
	    {"all", no_argument, NULL, O_ALL},
	    {"show-secrets", no_argument, NULL, O_SECRETS},
	    {"color", optional_argument, NULL, O_COLOR},
	    {"colour", optional_argument, NULL, O_COLOR},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, O_VERSION},
	    {"ip", required_argument, NULL, O_IP},
	    {"account", required_argument, NULL, O_ACCOUNT},
	    {"session", required_argument, NULL, O_SESSION},
	    {"queue-id", required_argument, NULL, O_QID},
	    {"sort", required_argument, NULL, O_SORT},
	    {"verdict", required_argument, NULL, O_VERDICT},
	    {"format", required_argument, NULL, O_FORMAT},
	    {"allow", required_argument, NULL, O_ALLOW},
	    {"min-sessions", required_argument, NULL, O_MIN_SESSIONS},
	    {"include-authenticated", no_argument, NULL, O_INCLUDE_AUTH},
	    {"aggregate", no_argument, NULL, O_AGGREGATE},
	    {"output", required_argument, NULL, O_OUTPUT},
	    {"memory-budget", required_argument, NULL, O_MEMORY_BUDGET},
	    {NULL, 0, NULL, 0},
	};
	/* getopt on the arguments after the command */
	int sub_argc = argc - argi + 1;
	char **sub_argv = argv + argi - 1;
	sub_argv[0] = argv[0];
	int c;
	opterr = 0;
	while ((c = getopt_long(sub_argc, sub_argv, "hj", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': o.json = true; break;
		case 'h': usage(stdout); return 0;
		case O_VERSION: printf("postsleuth %s\n", POSTSLEUTH_VERSION); return 0;
		case O_YEAR: {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (*end || y < 1970 || y > 9999)
				fatal(EXIT_USAGE, "--year: bad year '%s'", optarg);
			o.year = (int)y;
			break;
		}
		case O_SINCE: o.since_us = parse_time("--since", optarg); o.have_since = true; break;
		case O_UNTIL: o.until_us = parse_time("--until", optarg); o.have_until = true; break;
		case O_JOURNAL: o.journal = true; break;
		case O_ALL: o.all = true; break;
		case O_SECRETS: o.show_secrets = true; break;
		case O_COLOR:
			if (!optarg || strcmp(optarg, "always") == 0)
				o.color = 1;
			else if (strcmp(optarg, "never") == 0)
				o.color = 0;
			else if (strcmp(optarg, "auto") == 0)
				o.color = -1;
			else
				fatal(EXIT_USAGE, "--color: want auto, always or never");
			break;
		case O_IP: o.select = "ip"; o.query = optarg; break;
		case O_ACCOUNT: o.select = "account"; o.query = optarg; break;
		case O_SESSION: o.select = "session"; o.query = optarg; break;
		case O_QID: o.select = "queue-id"; o.query = optarg; break;
		case O_SORT: o.sort = optarg; break;
		case O_VERDICT:
			o.verdict = optarg;
			if (o.nverdicts >= OPTS_MAX_LIST)
				fatal(EXIT_USAGE, "--verdict: too many (use commas)");
			o.verdicts[o.nverdicts++] = optarg;
			break;
		case O_FORMAT: o.format = optarg; break;
		case O_ALLOW:
			if (o.nallow >= OPTS_MAX_LIST)
				fatal(EXIT_USAGE, "--allow: too many (use commas)");
			o.allow[o.nallow++] = optarg;
			break;
		case O_MIN_SESSIONS: {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || end == optarg || v < 0 || v > 1000000000)
				fatal(EXIT_USAGE, "--min-sessions: want a number, not '%s'", optarg);
			o.min_sessions = v;
			break;
		}
		case O_INCLUDE_AUTH: o.include_auth = true; break;
		case O_AGGREGATE: o.aggregate = true; break;
		case O_OUTPUT: o.output = optarg; break;
		case O_MEMORY_BUDGET:
			if (!membudget_parse(optarg, &o.memory_budget) || o.memory_budget < (1u << 20))
				fatal(EXIT_USAGE, "--memory-budget: want a size of at least 1M, like 512M or 4G");
			break;
		case '?':
		default:
			fprintf(stderr, "postsleuth: unknown option '%s'\n", sub_argv[optind - 1]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	/* GNU-style: options may follow files too */
	int rest = sub_argc - optind;
	char **files = sub_argv + optind;
	if (cmd->wants_query && !o.query) {
		if (rest < 1)
			fatal(EXIT_USAGE, "%s: which ID? (see --help)", cmd->name);
		o.query = files[0];
		files++;
		rest--;
	}
	o.files = files;
	o.nfiles = rest;
	return cmd->run(&o);
}
