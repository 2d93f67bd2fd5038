/*
 * test_own_backend.c - own_backend.h's one test of "an address masked
 * in a paste at a content filter's port is this host's own filter",
 * shared by own_backend() (relay=[]:10024) and rules_out.c's
 * "connect to[]:10024"; and the relay keys cut to their first bytes.
 */
#include "progs.h"
#include "diagnose/own_backend.h"
#include "diagnose/rules.h"

#include <string.h>

/* classify - the finding id of one whole log line, or "" */
static const char *classify(const char *line)
{
	struct diag_hit hit;
	if (!diag_classify(progs_line(line), &hit))
		return "";
	return finding_id(hit.id);
}

TEST(own_filter_port_rows)
{
	CHECK(own_filter_port(span_of("10024")));
	CHECK(own_filter_port(span_of("10025")));
	CHECK(own_filter_port(span_of("10026")));
	CHECK(!own_filter_port(span_of("10027")));
	CHECK(!own_filter_port(span_of("1002")));
	CHECK(!own_filter_port(span_of("100245")));
	CHECK(!own_filter_port(span_of("25")));
	CHECK(!own_filter_port(SPAN_NULL));
}

TEST(own_masked_addr_rows)
{
	CHECK(own_masked_addr(SPAN_NULL));
	CHECK(own_masked_addr(span_of("x.x.x.x")));
	CHECK(own_masked_addr(span_of("IP")));
	CHECK(!own_masked_addr(span_of("127.0.0.1")));
	CHECK(!own_masked_addr(span_of("x.x.x.1")));
	CHECK(!own_masked_addr(span_of("::")));
	CHECK(!own_masked_addr(span_of("xxxx::x")));
	CHECK(!own_masked_addr(span_of("private/amavis")));
}

#define SUSPENDED(addr)                                                                             \
	"Aug  7 13:33:43 mail postfix/error[27108]: 9EB99700176: to=<abc@example.com>, relay=none, " \
	"delay=310, delays=310/0/0/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: "  \
	"connect to " addr ": Connection refused)"

TEST(connect_to_masked_filter)
{
	/* the retry service's deferral names a masked address at a filter's port */
	CHECK(!strcmp(classify(SUSPENDED("[]:10024")), "content-filter-unreachable"));
	CHECK(!strcmp(classify(SUSPENDED("x.x.x.x[x.x.x.x]:10026")), "content-filter-unreachable"));
	/* another port, a real public address or an IPv6 literal: not masked */
	CHECK(strcmp(classify(SUSPENDED("x.x.x.x[x.x.x.x]:10027")), "content-filter-unreachable"));
	CHECK(strcmp(classify(SUSPENDED("filter.example.net[192.0.2.44]:10024")), "content-filter-unreachable"));
	CHECK(strcmp(classify(SUSPENDED("x[2001:db8::1]:10024")), "content-filter-unreachable"));
	/* the port only once it is whole: ":10024x:" is not ":10024:" */
	CHECK(strcmp(classify(SUSPENDED("[]:10024x")), "content-filter-unreachable"));
}

TEST(masked_relay_key_first_bytes)
{
	/* a masked relay longer than the key's 64 bytes keeps its first 64 */
	char mask[101], line[1024], want[80];
	memset(mask, 'x', 100);
	mask[100] = 0;
	snprintf(line, sizeof line,
		 "Aug  7 13:33:43 mail postfix/smtp[27108]: 9EB99700176: to=<abc@example.com>, relay=[%s]:10026, "
		 "delay=3, delays=0/0/0/3, dsn=4.5.0, status=deferred (lost connection with [%s] while sending "
		 "end of data -- message may be sent more than once)",
		 mask, mask);
	const struct event *ev = progs_line(line);
	char key[DIAG_KEY_MAX] = "";
	CHECK(own_backend(ev, ev->reason, key) == OWN_FILTER);
	snprintf(want, sizeof want, "[%.64s]:10026", mask);
	CHECK(!strcmp(key, want));
}

#define LOST(peer)                                                                                    \
	"May  3 10:12:01 mx postfix/error[3101]: 4A5B6C7D8E: to=<conan@example.org>, relay=none, "     \
	"delay=4021, delays=4021/0.01/0/0, dsn=4.4.2, status=deferred (delivery temporarily suspended: " \
	"lost connection with " peer " while sending end of data -- message may be sent more than once)"

TEST(own_store_by_name)
{
	/* a mailbox store's container by its software's name on a private
	 * address: this host's own delivery, not a remote server */
	CHECK(!strcmp(classify(LOST("dovecot[172.22.1.250]")), "mailbox-delivery-failed"));
	CHECK(!strcmp(classify(LOST("Cyrus.mail_default[10.0.3.7]")), "mailbox-delivery-failed"));
	CHECK(!strcmp(classify("May  3 10:12:02 mx postfix/error[3101]: 4A5B6C7D8F: to=<a@example.org>, "
			       "relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (delivery "
			       "temporarily suspended: connect to dovecot[172.22.1.250]:24: Connection refused)"),
		      "mailbox-delivery-unreachable"));
	/* the same name on a public address, a name that only begins with
	 * it, another name on a private address: what they were */
	CHECK(!strcmp(classify(LOST("dovecot.example.net[203.0.113.40]")), "outbound-conversation-lost"));
	CHECK(!strcmp(classify(LOST("dovecotmail.example.net[172.22.1.9]")), "outbound-conversation-lost"));
	CHECK(strcmp(classify(LOST("mx2.example.org[172.22.1.9]")), "mailbox-delivery-failed"));
}
