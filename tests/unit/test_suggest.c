/* test_suggest.c - edit distance and the nearest command or option. */
#include "tap.h"
#include "util/suggest.h"

static const char *const commands[] = {"report", "clients", "accounts", "explain", "events",
				       "stats", "trace", "summary", "ban", "fail2ban", "advise"};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

TEST(suggest_distance_counts_edits)
{
	CHECK_INT(suggest_distance("report", "report"), 0);
	CHECK_INT(suggest_distance("reprot", "report"), 1);     /* neighbours swapped */
	CHECK_INT(suggest_distance("repot", "report"), 1);      /* one left out */
	CHECK_INT(suggest_distance("reportt", "report"), 1);    /* one too many */
	CHECK_INT(suggest_distance("rexort", "report"), 1);     /* one wrong */
	CHECK_INT(suggest_distance("REPORT", "report"), 0);     /* case ignored */
	CHECK_INT(suggest_distance("", "ban"), 3);
	CHECK_INT(suggest_distance("kitten", "sitting"), 3);
	CHECK_INT(suggest_distance("ca", "abc"), 3);            /* no swap across an insertion */
}

TEST(suggest_distance_refuses_huge_words)
{
	char big[200];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = 0;
	CHECK(suggest_distance(big, "report") == (size_t)-1);
	CHECK(suggest_nearest(big, commands, NCOMMANDS) == NULL);
}

TEST(suggest_nearest_commands)
{
	CHECK_STR(suggest_nearest("reprot", commands, NCOMMANDS), "report");
	CHECK_STR(suggest_nearest("clinets", commands, NCOMMANDS), "clients");
	CHECK_STR(suggest_nearest("acounts", commands, NCOMMANDS), "accounts");
	CHECK_STR(suggest_nearest("fial2ban", commands, NCOMMANDS), "fail2ban");
	CHECK_STR(suggest_nearest("Summary", commands, NCOMMANDS), "summary");
	CHECK_STR(suggest_nearest("sum", commands, NCOMMANDS), "summary");   /* a prefix */
	CHECK_STR(suggest_nearest("exp", commands, NCOMMANDS), "explain");
	CHECK_STR(suggest_nearest("bna", commands, NCOMMANDS), "ban");
	CHECK_STR(suggest_nearest("e", commands, NCOMMANDS), NULL);          /* too short */
	CHECK_STR(suggest_nearest("ev", commands, NCOMMANDS), "events");     /* only one begins so */
	CHECK_STR(suggest_nearest("ex", commands, NCOMMANDS), "explain");
	CHECK_STR(suggest_nearest("a", commands, NCOMMANDS), NULL);
	CHECK_STR(suggest_nearest("maillog", commands, NCOMMANDS), NULL);
	CHECK_STR(suggest_nearest("postfix", commands, NCOMMANDS), NULL);
	CHECK_STR(suggest_nearest("", commands, NCOMMANDS), NULL);
}

TEST(suggest_nearest_options)
{
	static const char *const opts[] = {"json", "year", "since", "until", "verdict", "version",
					   "include-authenticated", "min-sessions", "color"};
	size_t n = sizeof opts / sizeof opts[0];
	CHECK_STR(suggest_nearest("jsno", opts, n), "json");
	CHECK_STR(suggest_nearest("verdit", opts, n), "verdict");
	CHECK_STR(suggest_nearest("colour", opts, n), "color");
	CHECK_STR(suggest_nearest("include-auth", opts, n), "include-authenticated");
	CHECK_STR(suggest_nearest("min-session", opts, n), "min-sessions");
	CHECK_STR(suggest_nearest("ver", opts, n), NULL);        /* begins two: no guess */
	CHECK_STR(suggest_nearest("frobnicate", opts, n), NULL);
}
