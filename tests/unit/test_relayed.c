/*
 * test_relayed.c - Internet mail without login passed on by SMTP
 * (src/diagnose/relayed.c), on lines written from Postfix's format
 * strings (smtpd's client=, qmgr's from=, smtp's to= ... relay= ...
 * status=, bounce's notification) fed through prefix, parsers, model and
 * diagnosis as the report command does: relaying to outside domains on
 * the trust of a public address (many clients: public-open-relay; one:
 * trusted-public-address) against its look-alikes (a login, a private
 * address, a local domain, an alias's forward, a backup MX, a content
 * filter), and a gateway's internal server bouncing unknown users:
 * backscatter.
 */
#include "progs.h"

#include <stdlib.h>
#include "diagnose/diagnose.h"
#include "feed/feed.h"
#include "model/correlate.h"

struct run {
	struct feed feed;
	struct syslog_state st;
	struct model *model;
	struct diag *diag;
};

static void on_event(const struct event *ev, void *ctx)
{
	struct run *r = ctx;
	diag_event(r->diag, ev);
	model_event(r->model, ev, r->feed.st.lines, 0);
}

static void on_message(const struct message *m, void *ctx)
{
	diag_message(((struct run *)ctx)->diag, m);
}

/* run_new - the front of the pipeline, fed nothing yet */
static struct run *run_new(void)
{
	struct run *r = calloc(1, sizeof *r);
	r->feed.fn = on_event;
	r->feed.ctx = r;
	syslog_state_init(&r->st, 2026, 0);
	r->diag = diag_new();
	struct model_sink sink = {NULL, on_message, r};
	r->model = model_new(&sink);
	return r;
}

/* run_lines - the lines through the front of the pipeline, then the end */
static struct run *run_lines(const char *const *lines)
{
	struct run *r = run_new();
	for (size_t i = 0; lines[i]; i++)
		feed_line(&r->feed, &r->st, span_of(lines[i]));
	model_finish(r->model);
	diag_finish(r->diag);
	return r;
}

static void run_free(struct run *r)
{
	model_free(r->model);
	diag_free(r->diag);
	free(r);
}

/* count - the groups of a finding */
static size_t count(const struct run *r, enum finding_id id)
{
	size_t n = 0;
	for (size_t i = 0; i < r->diag->nlist; i++)
		n += r->diag->list[i]->id == id;
	return n;
}

/* keyed - the group of a finding with this key, or NULL */
static const struct diag_group *keyed(const struct run *r, enum finding_id id, const char *key)
{
	for (size_t i = 0; i < r->diag->nlist; i++)
		if (r->diag->list[i]->id == id && !strcmp(r->diag->list[i]->key, key))
			return r->diag->list[i];
	return NULL;
}

/* one message Q from CLIENT (a "client=" tail) by FROM, then one
 * delivery line of Q: DAEMON's to=<TO>, relay=RELAY, STATUS */
#define MSG(q, client, from)                                                                     \
	"Jun  4 09:00:01 mx postfix/smtpd[2101]: " q ": client=" client,                          \
	"Jun  4 09:00:01 mx postfix/qmgr[900]: " q ": from=<" from ">, size=2311, nrcpt=1 (queue active)"
#define TO(q, daemon, to, relay, tail)                                                           \
	"Jun  4 09:00:02 mx postfix/" daemon "[2110]: " q ": to=<" to ">, relay=" relay              \
	", delay=1.2, delays=0.1/0.01/0.4/0.69, " tail
#define SENT "dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4XyZ1)"
#define GONE(q) "Jun  4 09:00:03 mx postfix/qmgr[900]: " q ": removed"

TEST(relayed_open_relay_many_clients)
{
	static const char *const lines[] = {
	    MSG("1A00000001", "unknown[185.220.101.14]", "service@bank.example"),
	    TO("1A00000001", "smtp", "a1@example.org", "mx.example.org[203.0.113.11]:25", SENT), GONE("1A00000001"),
	    MSG("1A00000002", "unknown[185.220.101.33]", "service@bank.example"),
	    TO("1A00000002", "smtp", "b2@gmail.com", "gmail-smtp-in.l.google.com[142.250.102.27]:25",
	       "dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[142.250.102.27] said: 421-4.7.28 "
	       "unusual rate of unsolicited mail (in reply to end of DATA command))"),
	    MSG("1A00000003", "unknown[185.220.101.57]", "service@bank.example"),
	    TO("1A00000003", "smtp", "c3@example.net", "none",
	       "dsn=4.4.1, status=deferred (connect to mx.example.net[203.0.113.12]:25: Connection timed out)"),
	    /* this server's own user's mail: delivered here, not relaying */
	    MSG("1A00000004", "mail-ej1-f50.google.com[209.85.218.50]", "friend@gmail.com"),
	    TO("1A00000004", "lmtp", "anna@example.com", "mail.example.com[private/dovecot-lmtp]",
	       "dsn=2.0.0, status=sent (250 2.0.0 <anna@example.com> hG3k Saved)"), GONE("1A00000004"),
	    NULL};
	struct run *r = run_lines(lines);
	CHECK_INT(count(r, F_IN_OPEN_RELAY), 3);
	CHECK_INT(count(r, F_IN_TRUSTED_PUBLIC), 0);
	const struct diag_group *g = keyed(r, F_IN_OPEN_RELAY, "185.220.101.33");
	CHECK(g != NULL);
	if (g) {
		CHECK_INT(g->lines, 1);
		CHECK_INT(g->recipients, 1);
		CHECK_INT(strset_len(&g->subjects), 1);
		CHECK(strset_has(&g->subjects, span_of("gmail.com")));
		CHECK(g->nsample && strstr(g->sample[0], "1A00000002: client=unknown[185.220.101.33]"));
	}
	CHECK(keyed(r, F_IN_OPEN_RELAY, "209.85.218.50") == NULL);
	CHECK(finding_side(F_IN_OPEN_RELAY) == SIDE_CONFIG);
	CHECK_INT(finding_severity(F_IN_OPEN_RELAY), 4);
	/* explain ties the client= line to the client's group, not another's */
	CHECK(g && diag_line_group(r->diag, progs_line(lines[4])) == g);
	CHECK(diag_line_group(r->diag, progs_line(lines[10])) == NULL);
	run_free(r);
}

TEST(relayed_one_client_is_a_caution)
{
	static const char *const lines[] = {
	    MSG("2B00000001", "office.example-isp.net[198.51.100.20]", "erp@example.com"),
	    TO("2B00000001", "smtp", "orders@example.org", "mx.example.org[203.0.113.60]:25", SENT), GONE("2B00000001"),
	    MSG("2B00000002", "office.example-isp.net[198.51.100.20]", "erp@example.com"),
	    TO("2B00000002", "smtp", "info@example.net", "mx.example.net[203.0.113.61]:25", SENT), GONE("2B00000002"),
	    NULL};
	struct run *r = run_lines(lines);
	const struct diag_group *g = keyed(r, F_IN_TRUSTED_PUBLIC, "198.51.100.20");
	CHECK(g != NULL);
	if (g) {
		CHECK_INT(g->lines, 2);
		CHECK_INT(strset_len(&g->subjects), 2);
	}
	CHECK_INT(count(r, F_IN_OPEN_RELAY), 0);
	CHECK(finding_side(F_IN_TRUSTED_PUBLIC) == SIDE_CONFIG);
	CHECK_INT(finding_severity(F_IN_TRUSTED_PUBLIC), 2);
	run_free(r);
	/* one message says too little: a relay domain's server seen once
	 * looks the same */
	const char *const one[] = {lines[0], lines[1], lines[2], lines[3], NULL};
	r = run_lines(one);
	CHECK_INT(count(r, F_IN_TRUSTED_PUBLIC) + count(r, F_IN_OPEN_RELAY), 0);
	run_free(r);
}

TEST(relayed_look_alikes_are_not)
{
	/* a login; a private address; a local domain; an alias's forward */
	static const char *const login[] = {
	    MSG("3C00000001", "dsl.example.net[198.51.100.7], sasl_method=PLAIN, sasl_username=alice@example.com",
		"alice@example.com"),
	    TO("3C00000001", "smtp", "x@example.org", "mx.example.org[203.0.113.9]:25", SENT),
	    MSG("3C00000002", "dsl.example.net[198.51.100.8], sasl_method=PLAIN, sasl_username=bob@example.com",
		"bob@example.com"),
	    TO("3C00000002", "smtp", "y@example.net", "mx.example.net[203.0.113.10]:25", SENT), NULL};
	static const char *const lan[] = {
	    MSG("3C00000003", "app1.lan.example.com[10.20.0.15]", "noreply@example.com"),
	    TO("3C00000003", "smtp", "x@example.org", "mx.example.org[203.0.113.9]:25", SENT),
	    MSG("3C00000004", "app1.lan.example.com[10.20.0.15]", "noreply@example.com"),
	    TO("3C00000004", "smtp", "y@example.net", "mx.example.net[203.0.113.10]:25", SENT), NULL};
	static const char *const forward[] = {
	    MSG("3C00000005", "mail-oi1-f170.google.com[209.85.167.170]", "dora@gmail.com"),
	    "Jun  4 09:00:02 mx postfix/smtp[2110]: 3C00000005: to=<anna.private@example.org>, orig_to=<anna@example.com>, "
	    "relay=mx.example.org[203.0.113.9]:25, delay=1.2, delays=0.1/0.01/0.4/0.69, " SENT,
	    MSG("3C00000006", "mail-oi1-f171.google.com[209.85.167.171]", "eve@gmail.com"),
	    "Jun  4 09:00:02 mx postfix/smtp[2110]: 3C00000006: to=<bo@example.net>, orig_to=<bo@example.com>, "
	    "relay=mx.example.net[203.0.113.10]:25, delay=1.2, delays=0.1/0.01/0.4/0.69, " SENT, NULL};
	/* a backup MX: two Internet servers' mail for one domain to its primary */
	static const char *const backup[] = {
	    MSG("3C00000007", "mail0.example-sender.org[192.0.2.140]", "news@example-sender.org"),
	    TO("3C00000007", "smtp", "staff0@example-partner.net", "mx1.example-partner.net[203.0.113.77]:25", SENT),
	    MSG("3C00000008", "mail1.example-sender.org[192.0.2.141]", "news@example-sender.org"),
	    TO("3C00000008", "smtp", "staff1@example-partner.net", "mx1.example-partner.net[203.0.113.77]:25", SENT),
	    NULL};
	/* a content filter on loopback, its copy back as client=localhost,
	 * delivered by LMTP; and a discard(8) */
	static const char *const filter[] = {
	    MSG("3C00000009", "mail-wr1-f44.google.com[209.85.221.44]", "carl@gmail.com"),
	    TO("3C00000009", "smtp", "anna@example.com", "127.0.0.1[127.0.0.1]:10024",
	       "dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as 3C0000000A)"),
	    "Jun  4 09:00:02 mx postfix/smtpd[2120]: 3C0000000A: client=localhost[127.0.0.1]",
	    "Jun  4 09:00:02 mx postfix/qmgr[900]: 3C0000000A: from=<carl@gmail.com>, size=2911, nrcpt=1 (queue active)",
	    TO("3C0000000A", "lmtp", "anna@example.com", "mail.example.com[private/dovecot-lmtp]",
	       "dsn=2.0.0, status=sent (250 2.0.0 <anna@example.com> hG3k Saved)"),
	    MSG("3C0000000B", "unknown[203.0.113.200]", "x@example.biz"),
	    TO("3C0000000B", "discard", "y@example.info", "none", "dsn=2.0.0, status=sent (discarded)"),
	    NULL};
	const char *const *logs[] = {login, lan, forward, backup, filter};
	for (size_t i = 0; i < sizeof logs / sizeof logs[0]; i++) {
		struct run *r = run_lines(logs[i]);
		if (count(r, F_IN_OPEN_RELAY) || count(r, F_IN_TRUSTED_PUBLIC))
			test_fail(__FILE__, __LINE__, "log %zu: relaying said, want none", i);
		run_free(r);
	}
}

TEST(relayed_gateway_backscatter)
{
	/* a gateway passes example.com to its Exchange server, which refuses
	 * an unknown user after the gateway accepted: the notification goes
	 * to the forged sender */
	static const char *const lines[] = {
	    MSG("4D00000001", "unknown[198.51.100.88]", "r.ohm@example.net"),
	    "Jun  4 09:00:02 mx postfix/smtp[6620]: 4D00000001: to=<j.doe@example.com>, relay=exchange.example.com[192.0.2.25]:25, "
	    "delay=0.9, delays=0.1/0.01/0.3/0.49, dsn=5.1.1, status=bounced (host exchange.example.com[192.0.2.25] said: "
	    "550 5.1.1 User unknown (in reply to RCPT TO command))",
	    "Jun  4 09:00:02 mx postfix/bounce[6622]: 4D00000001: sender non-delivery notification: 4D00000002",
	    GONE("4D00000001"),
	    MSG("4D00000003", "unknown[198.51.100.89]", "ann@example.org"),
	    TO("4D00000003", "smtp", "k.lee@example.com", "exchange.example.com[192.0.2.25]:25", SENT), GONE("4D00000003"),
	    NULL};
	struct run *r = run_lines(lines);
	const struct diag_group *g = keyed(r, F_IN_BACKSCATTER, "exchange.example.com");
	CHECK(g != NULL);
	if (g) {
		CHECK_INT(g->recipients, 1);
		CHECK(g->nsample && strstr(g->sample[0], "sender non-delivery notification: 4D00000002"));
	}
	CHECK_INT(count(r, F_OUT_USER_UNKNOWN), 0); /* folded into it */
	CHECK_INT(count(r, F_IN_OPEN_RELAY) + count(r, F_IN_TRUSTED_PUBLIC), 0);
	CHECK(g && diag_line_group(r->diag, progs_line(lines[2])) == g);
	run_free(r);
	/* the same bounce from a remote server that is not this site's (the
	 * mail went to many domains' servers): a remote unknown user, and the
	 * relaying itself is said */
	const char *const remote[] = {
	    lines[0], lines[1], lines[2], lines[3],
	    MSG("4D00000004", "unknown[198.51.100.89]", "ann@example.org"),
	    TO("4D00000004", "smtp", "k.lee@example.info", "mx.example.info[203.0.113.31]:25", SENT),
	    MSG("4D00000005", "unknown[198.51.100.90]", "ann@example.org"),
	    TO("4D00000005", "smtp", "k.lee@example.biz", "mx.example.biz[203.0.113.32]:25", SENT), NULL};
	r = run_lines(remote);
	CHECK(keyed(r, F_IN_BACKSCATTER, "exchange.example.com") == NULL);
	CHECK_INT(count(r, F_OUT_USER_UNKNOWN), 1);
	CHECK_INT(count(r, F_IN_OPEN_RELAY), 3);
	run_free(r);
}

TEST(relayed_gateway_many_clients_stay_a_gateway)
{
	/* a gateway: 70 Internet servers' mail to example.com through its
	 * Exchange, and one office relaying a little outside: the office is
	 * the caution, the gateway's clients neither fill the table nor
	 * make it "many" */
	enum { N = 70 };
	static char buf[N + 2][3][320];
	const char *lines[3 * (N + 2) + 1];
	size_t k = 0;
	for (int i = 0; i < N + 2; i++) {
		bool office = i >= N;
		snprintf(buf[i][0], sizeof buf[i][0], "Jun  4 09:%02d:01 mx postfix/smtpd[2101]: 5E%08X: client=unknown[%s%d]",
			 i % 60, i, office ? "198.51.100." : "192.0.2.", office ? 20 : i + 1);
		snprintf(buf[i][1], sizeof buf[i][1],
			 "Jun  4 09:%02d:01 mx postfix/qmgr[900]: 5E%08X: from=<x%d@example.net>, size=2311, nrcpt=1 (queue active)",
			 i % 60, i, i);
		snprintf(buf[i][2], sizeof buf[i][2],
			 "Jun  4 09:%02d:02 mx postfix/smtp[2110]: 5E%08X: to=<u%d@%s>, relay=%s:25, delay=1.2, "
			 "delays=0.1/0.01/0.4/0.69, " SENT,
			 i % 60, i, i, office ? (i == N ? "example.org" : "example.info") : "example.com",
			 office ? (i == N ? "mx.example.org[203.0.113.60]" : "mx.example.info[203.0.113.61]")
				: "exchange.example.com[192.0.2.25]");
		for (int j = 0; j < 3; j++)
			lines[k++] = buf[i][j];
	}
	lines[k] = NULL;
	struct run *r = run_lines(lines);
	CHECK_INT(count(r, F_IN_OPEN_RELAY), 0);
	CHECK_INT(count(r, F_IN_TRUSTED_PUBLIC), 1);
	CHECK(keyed(r, F_IN_TRUSTED_PUBLIC, "198.51.100.20") != NULL);
	run_free(r);
}

TEST(relayed_filter_on_own_public_address)
{
	/* a content filter on this host's public address (port 2501) hands
	 * the mail back from that address: the re-injection is not a client
	 * that relays; the application that sent without login is */
	static const char *const lines[] = {
	    MSG("6F00000001", "app.example.net[203.0.113.50]", "shop@example.net"),
	    TO("6F00000001", "smtp", "c1@example.org", "198.51.100.5[198.51.100.5]:2501",
	       "dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 6F00000002)"),
	    MSG("6F00000002", "mx.example.com[198.51.100.5]", "shop@example.net"),
	    TO("6F00000002", "smtp", "c1@example.org", "mx.example.org[203.0.113.9]:25", SENT),
	    MSG("6F00000003", "app.example.net[203.0.113.50]", "shop@example.net"),
	    TO("6F00000003", "smtp", "c2@example.info", "198.51.100.5[198.51.100.5]:2501",
	       "dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 6F00000004)"),
	    MSG("6F00000004", "mx.example.com[198.51.100.5]", "shop@example.net"),
	    TO("6F00000004", "smtp", "c2@example.info", "mx.example.info[203.0.113.10]:25", SENT), NULL};
	struct run *r = run_lines(lines);
	CHECK(keyed(r, F_IN_TRUSTED_PUBLIC, "198.51.100.5") == NULL);
	CHECK(keyed(r, F_IN_OPEN_RELAY, "198.51.100.5") == NULL);
	CHECK(keyed(r, F_IN_TRUSTED_PUBLIC, "203.0.113.50") != NULL);
	run_free(r);
}

static void peek_one(void *ctx, const struct message *m)
{
	diag_message_peek(ctx, m);
}

/* watch counts open messages as they stand (peek), at each save, then
 * again at their close; each relayed message is counted once whatever the
 * number peeked: past 4096 open ones counted early, the others wait for
 * their close (the set of peeked messages started over at 1024 before,
 * and the first 1024 were counted a second time when they closed) */
TEST(relayed_peeked_counted_once)
{
	enum { N = 5000 };
	struct run *r = run_new();
	static const char *const ips[] = {"185.220.101.14", "185.220.101.33", "185.220.101.57"};
	char line[512];
	for (int i = 0; i < N; i++) {
		char q[16];
		snprintf(q, sizeof q, "1B%08X", (unsigned)i);
		snprintf(line, sizeof line, "Jun  4 09:00:01 mx postfix/smtpd[2101]: %s: client=unknown[%s]", q,
			 ips[i % 3]);
		feed_line(&r->feed, &r->st, span_of(line));
		snprintf(line, sizeof line,
			 "Jun  4 09:00:01 mx postfix/qmgr[900]: %s: from=<service@bank.example>, size=2311, "
			 "nrcpt=1 (queue active)", q);
		feed_line(&r->feed, &r->st, span_of(line));
		snprintf(line, sizeof line,
			 "Jun  4 09:00:02 mx postfix/smtp[2110]: %s: to=<u%d@example%d.org>, relay=mx.example%d.org"
			 "[203.0.113.1%d]:25, delay=1.2, delays=0.1/0.01/0.4/0.69, dsn=4.4.2, status=deferred "
			 "(lost connection with mx.example%d.org[203.0.113.1%d] while sending RCPT TO)", q, i, i % 4,
			 i % 4, i % 4, i % 4, i % 4);
		feed_line(&r->feed, &r->st, span_of(line));
		/* a save now and then, as watch does: every open message looked at */
		if (i % 700 == 699)
			model_open_messages(r->model, peek_one, r->diag);
	}
	model_open_messages(r->model, peek_one, r->diag);
	model_open_messages(r->model, peek_one, r->diag);
	model_finish(r->model);
	diag_finish(r->diag);
	uint64_t rcpts = 0;
	for (size_t k = 0; k < 3; k++) {
		const struct diag_group *g = keyed(r, F_IN_OPEN_RELAY, ips[k]);
		CHECK(g != NULL);
		rcpts += g ? g->recipients : 0;
	}
	CHECK_INT(rcpts, N);
	run_free(r);
}
