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
#include "blame_pipe.h"
#include "diagnose/rules.h"

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

/* explained - the lines through the whole front (blame_pipe.h); the
 * client's explanation into out; the client known and not blamed */
static void explained(const char *const *lines, const char *ip, char *out, size_t n)
{
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	snprintf(out, n, "%s", explanation(p, ip));
	int v = verdict_of(p, ip);
	CHECK(v >= 0);
	if (v >= 0)
		CHECK(v != V_SPAM_REJECTED && verdict_severity((enum verdict)v) < 3);
	pipe_free(p);
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

#define BS_LINES(agent, hop, domain)                                                                         \
	"Mar  5 02:11:01 mx2 postfix/smtpd[4101]: connect from unknown[203.0.113.77]",                          \
	    "Mar  5 02:11:01 mx2 postfix/smtpd[4101]: 6A1B2C3D4E: client=unknown[203.0.113.77]",                 \
	    "Mar  5 02:11:02 mx2 postfix/cleanup[4102]: 6A1B2C3D4E: message-id=<x1@spam.example>",               \
	    "Mar  5 02:11:02 mx2 postfix/qmgr[900]: 6A1B2C3D4E: from=<victim@example.org>, size=4100, nrcpt=1 "  \
	    "(queue active)",                                                                                    \
	    "Mar  5 02:11:02 mx2 postfix/smtpd[4101]: disconnect from unknown[203.0.113.77] ehlo=1 mail=1 rcpt=1 " \
	    "data=1 quit=1 commands=5",                                                                          \
	    "Mar  5 02:11:03 mx2 postfix/" agent "[4103]: 6A1B2C3D4E: to=<qwxz@" domain ">, relay=" hop            \
	    ":25, delay=1.5, delays=0.5/0.01/0.5/0.5, dsn=5.1.1, status=bounced (host " hop " said: 550 5.1.1 "   \
	    "<qwxz@" domain ">: Recipient address rejected: User unknown in virtual mailbox table (in reply to "  \
	    "RCPT TO command))",                                                                                 \
	    "Mar  5 02:11:03 mx2 postfix/bounce[4104]: 6A1B2C3D4E: sender non-delivery notification: 7B2C3D4E5F", \
	    "Mar  5 02:11:03 mx2 postfix/qmgr[900]: 7B2C3D4E5F: from=<>, size=6200, nrcpt=1 (queue active)",      \
	    "Mar  5 02:11:03 mx2 postfix/qmgr[900]: 6A1B2C3D4E: removed",                                         \
	    "Mar  5 02:11:04 mx2 postfix/smtp[4105]: 7B2C3D4E5F: to=<victim@example.org>, "                      \
	    "relay=mx.example.org[198.51.100.9]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 Ok)", \
	    "Mar  5 02:11:04 mx2 postfix/qmgr[900]: 7B2C3D4E5F: removed"

/* a backup MX (the relay transport) accepts Internet mail for an unknown
 * user of the relay domain, its primary refuses it, the notification
 * goes to the forged sender: backscatter of this server, keyed by the
 * primary, the outbound "user unknown" folded in; the same refusal of
 * mail the plain smtp transport took to a stranger's domain is that
 * stranger's answer */
TEST(relay_transport_backscatter)
{
	static const char *const relay[] = {BS_LINES("relay/smtp", "mx1.example.com[192.0.2.10]", "example.com"), NULL};
	static const char *const plain[] = {BS_LINES("smtp", "mx.example.net[203.0.113.80]", "example.net"), NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, relay);
	CHECK(has_finding(p, F_IN_BACKSCATTER));
	CHECK(!has_finding(p, F_OUT_USER_UNKNOWN));
	const struct diag_group *g = group_with(p, F_IN_BACKSCATTER);
	CHECK(g && !strcmp(g->key, "mx1.example.com"));
	pipe_free(p);
	p = pipe_new();
	pipe_lines(p, plain);
	CHECK(!has_finding(p, F_IN_BACKSCATTER));
	pipe_free(p);
}
