/*
 * test_cmd_slot.c - records_cmd_slot (records.h) tells a session's
 * command counter by its first byte and one word (speed12): the same
 * slot as the former loop of strcmp over the names, after its test for
 * "commands", on every name, their prefixes and extensions, other case,
 * and random names from their bytes, each in a buffer of its own size.
 */
#include "tap.h"
#include "analyze/records.h"

#include <stdlib.h>
#include <string.h>

/* the former code: analysis_session's "commands" test, then cmd_index */
static int slot_before(const char *name)
{
	static const char *const names[] = {"ehlo", "helo", "starttls", "auth", "mail", "rcpt",
					    "data", "quit", "rset", "noop", "unknown", NULL};
	if (!strcmp(name, "commands"))
		return -1;
	for (int i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return i;
	return 11;
}

static const char *const words[] = {"ehlo", "helo", "starttls", "auth", "mail", "rcpt", "data", "quit",
				    "rset", "noop", "unknown", "commands", "bdat", "xclient", "vrfy", "etrn",
				    "expn", "EHLO", "Quit", "rcp", "rsetx", "r", "", "c", "command", "commandss"};

static uint64_t rnd_state = 0xA54FF53A5F1D36F1ULL;

/* slot_check - both answers on s, copied to a buffer of its own size */
static int slot_check(const char *s, size_t n)
{
	char *b = malloc(n + 1);
	memcpy(b, s, n);
	b[n] = 0;
	int got = records_cmd_slot(b), want = slot_before(b);
	if (got != want)
		test_fail(__FILE__, __LINE__, "records_cmd_slot(\"%s\"): got %d, want %d", b, got, want);
	free(b);
	return got != want;
}

TEST(cmd_slot_same_as_before)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i]);
		for (size_t k = 0; k <= n; k++)
			bad += slot_check(words[i], k); /* every prefix, the word itself */
		char t[32];
		memcpy(t, words[i], n);
		t[n] = 'x';
		bad += slot_check(t, n + 1);
	}
	/* random names: the words' bytes, cut and glued */
	static const char *const parts[] = {"e", "h", "l", "o", "s", "t", "a", "r", "u", "m", "i", "c",
					    "p", "d", "q", "n", "k", "w", "x", "ehlo", "rcpt", "rset",
					    "commands", "auth", "\x80", "_"};
	for (int iter = 0; iter < 200000 && bad < 5; iter++) {
		char t[32];
		size_t n = 0;
		tap_parts(t, &n, sizeof t, parts, sizeof parts / sizeof parts[0],
			  (int)(tap_rnd(&rnd_state) % 4) + 1, &rnd_state);
		bad += slot_check(t, n);
	}
	CHECK_INT(bad, 0);
}
