/*
 * fuzz_parse.c - libFuzzer target: the event parsers.  The input's first
 * byte picks a Postfix program; the rest is the text it logged, put
 * behind a fixed syslog prefix for that program, then parsed again as a
 * whole line behind whatever prefix the fuzzer wrote.  Each event is
 * written as NDJSON, which reads every span (ASan) and must parse, then
 * again with the line's SASL secrets hidden (the redactor's ranges).
 */
#include "fuzz.h"
#include "parse/event.h"
#include "report/events_json.h"

static const char *const progs[] = {
    "smtpd", "submission/smtpd", "qmgr", "cleanup", "smtp", "lmtp", "local", "virtual", "pipe",
    "error", "bounce", "pickup", "postsuper", "postscreen", "dnsblog", "master", "anvil",
    "scache", "tlsproxy", "postfix-script", "trace", "discard", "sendmail", "postqueue"};

/* parse_one - syslog prefix, parser, JSON writer, oracle */
static void parse_one(const char *p, size_t n, struct buf *b)
{
	struct syslog_state st;
	struct logline l;
	struct event ev;
	syslog_state_init(&st, 2026, 0);
	if (!syslog_parse(&st, span_make(p, n), &l))
		return;
	parse_line(&l, &ev);
	b->n = 0;
	events_json_write(b, &ev, NULL);
	fuzz_check_json(b);
	/* and with its secrets hidden, as postsleuth events prints it */
	struct redact rd;
	struct redact_mask m;
	redact_init(&rd, l.pid & 1);
	redact_msg(&rd, &l, &m);
	b->n = 0;
	events_json_write(b, &ev, &m);
	fuzz_check_json(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* LLVMFuzzerTestOneInput - fixed prefix, then the input as a whole line */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	struct buf line = {0}, out = {0};
	buf_printf(&line, "Nov 22 11:32:05 mx1 postfix/%s[4242]: ",
		   progs[data[0] % (sizeof progs / sizeof progs[0])]);
	buf_put(&line, data + 1, size - 1);
	char *p = fuzz_copy((const uint8_t *)line.p, line.n);
	parse_one(p, line.n, &out);
	free(p);
	p = fuzz_copy(data + 1, size - 1);
	parse_one(p, size - 1, &out);
	free(p);
	buf_free(&line);
	buf_free(&out);
	return 0;
}
