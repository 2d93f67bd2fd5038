/*
 * test_relay_next_hop.c - backup MX, relay domains and gateways (threads
 * AQ 05, 06; tests/data/variants-families3/108*, 109*): a connection
 * refused or timed out toward this site's own next hop (the relay
 * transport of relay_domains, a private address on port 25) told as
 * relay-next-hop-unreachable, against the same failure toward a
 * stranger's server, a large provider's, this host's loopback filter or
 * a smarthost service; and a client refused by relay_recipient_maps told
 * as such (the list of a relayed domain), not as a typo at its end.
 */
#include "progs.h"
#include "analyze/analysis.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "model/correlate.h"
#include "parse/event.h"
#include "syslog/prefix.h"
#include "util/buf.h"

static const struct {
	const char *line, *finding, *key; /* key NULL: a look-alike, not this finding */
} hop_cases[] = {
    {"Mar  3 10:00:02 mx2 postfix/relay/smtp[2103]: connect to mx1.example.com[192.0.2.10]:25: Connection refused",
     "relay-next-hop-unreachable", "mx1.example.com"},
    {"Mar  3 10:00:02 mx2 postfix/relay/smtp[2103]: 4F1A2B3C4D: to=<bob@example.com>, relay=none, delay=1.2, delays=0.2/0.01/1/0, dsn=4.4.1, status=deferred (connect to mx1.example.com[192.0.2.10]:25: Connection refused)",
     "relay-next-hop-unreachable", "mx1.example.com"},
    {"Mar  3 10:00:32 mx2 postfix/relay[2104]: connect to mx1.example.com[192.0.2.10]:25: Connection timed out",
     "relay-next-hop-unreachable", "mx1.example.com"},
    {"Mar  3 10:00:02 gw postfix/smtp[2103]: connect to exchange.example.local[10.0.0.5]:25: Connection refused",
     "relay-next-hop-unreachable", "exchange.example.local"},
    {"Mar  3 10:00:32 gw postfix/smtp[2105]: 4F1A2B3C4E: to=<carol@example.com>, relay=none, delay=30, delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to 192.168.10.20[192.168.10.20]:25: Connection timed out)",
     "relay-next-hop-unreachable", "192.168.10.20"},
    /* look-alikes: a stranger's server, a large provider's through the
     * relay service, a loopback filter, a private address on another
     * port (a filter), a smarthost service through the relay service */
    {"Mar  3 10:00:02 mx postfix/smtp[2103]: connect to mx.example.net[192.0.2.10]:25: Connection refused",
     "outbound-connect-refused", NULL},
    {"Mar  3 10:00:02 mx postfix/relay/smtp[2103]: connect to gmail-smtp-in.l.google.com[142.250.102.27]:25: Connection timed out",
     "outbound-connect-timeout", NULL},
    {"Mar  3 10:00:02 mx postfix/smtp[2103]: connect to 127.0.0.1[127.0.0.1]:10024: Connection refused", "", NULL},
    {"Mar  3 10:00:02 mx postfix/smtp[2103]: connect to 10.0.0.5[10.0.0.5]:10024: Connection refused", "", NULL},
    {"Mar  3 10:00:02 mx postfix/relay/smtp[2103]: connect to smtp-relay.brevo.com[1.179.112.1]:587: Connection refused", "",
     NULL},
};

TEST(relay_next_hop_rows)
{
	for (size_t i = 0; i < sizeof hop_cases / sizeof hop_cases[0]; i++) {
		const struct event *ev = progs_line(hop_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (!hop_cases[i].key) {
			if (!strcmp(id, "relay-next-hop-unreachable") ||
			    (*hop_cases[i].finding && strcmp(id, hop_cases[i].finding)))
				test_fail(__FILE__, __LINE__, "case %zu: look-alike gave %s", i, id);
			continue;
		}
		if (strcmp(id, hop_cases[i].finding) || strcmp(hit.key, hop_cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", hop_cases[i].finding, hop_cases[i].key);
	}
}

/* on_session, on_message - the analysis behind the model, as report wires it */
static void on_session(const struct session *s, void *a)
{
	analysis_session(a, s);
}
static void on_message(const struct message *m, void *a)
{
	analysis_message(a, m);
}

/* explained - the lines through prefix, parser, model and analysis; the
 * client's explanation into out */
static void explained(const char *const *lines, const char *ip, char *out, size_t n)
{
	struct analysis *a = analysis_new();
	struct model_sink sink = {on_session, on_message, a};
	struct model *m = model_new(&sink);
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	for (uint64_t i = 0; lines[i]; i++) {
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(lines[i]), &l))
			continue;
		parse_line(&l, &ev);
		analysis_event(a, &ev);
		model_event(m, &ev, i + 1, 0);
	}
	model_finish(m);
	model_free(m);
	analysis_finish(a);
	struct client *c = analysis_client(a, ip);
	struct buf b = {0};
	if (c)
		client_explain(a, c, &b);
	snprintf(out, n, "%.*s", (int)b.n, b.p ? b.p : "");
	buf_free(&b);
	CHECK(c != NULL);
	if (c)
		CHECK(c->verdict != V_SPAM_REJECTED && verdict_severity(c->verdict) < 3);
	analysis_free(a);
}

#define SESSION(rcpt, table)                                                                              \
	"Dec 12 14:45:08 mx2 postfix/smtpd[31993]: connect from dub004-omc2s18.hotmail.com[157.55.1.157]",     \
	    "Dec 12 14:45:08 mx2 postfix/smtpd[31993]: NOQUEUE: reject: RCPT from "                           \
	    "dub004-omc2s18.hotmail.com[157.55.1.157]: 550 5.1.1 <" rcpt ">: Recipient address rejected: "  \
	    "User unknown in " table "; from=<ann@live.com> to=<" rcpt "> proto=ESMTP "                      \
	    "helo=<DUB004-OMC2S18.hotmail.com>",                                                              \
	    "Dec 12 14:45:08 mx2 postfix/smtpd[31993]: disconnect from dub004-omc2s18.hotmail.com[157.55.1.157] " \
	    "ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4"

/* a refusal by relay_recipient_maps names the list of the relayed domain;
 * the same refusal by the virtual mailbox table stays a wrong address */
TEST(relay_recipient_table_told)
{
	static const char *const relay[] = {SESSION("ryan@example.com", "relay recipient table"), NULL};
	static const char *const virt[] = {SESSION("ryan@example.com", "virtual mailbox table"), NULL};
	char out[4096];
	explained(relay, "157.55.1.157", out, sizeof out);
	CHECK(strstr(out, "relay_recipient_maps") != NULL);
	CHECK(strstr(out, "wrong or old address") == NULL);
	explained(virt, "157.55.1.157", out, sizeof out);
	CHECK(strstr(out, "relay_recipient_maps") == NULL);
	CHECK(strstr(out, "wrong or old address") != NULL);
}
