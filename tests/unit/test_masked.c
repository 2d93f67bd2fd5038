/* test_masked.c - addresses typed over before pasting, and real ones. */
#include "tap.h"
#include "parse/masked.h"

/* one address as Postfix logs it between brackets, or as a person typed it */
struct masked_case {
	const char *addr;
	bool masked;
};

TEST(masked_placeholders_and_addresses)
{
	static const struct masked_case c[] = {
	    /* placeholders seen in pasted questions (qa-dev 10, 19, 37; seed 003) */
	    {"IP", true},
	    {"x.x.x.x", true},
	    {"XXX.XXX.XXX.XXX", true},
	    {"xxx.xxx.xxx.xxx", true},
	    {"198.x.x.x", true},
	    {"1.2.3.xxx", true},
	    {"IP.IP.IP.IP", true},
	    {"a.b.c.d", true},
	    {"REDACTED", true},
	    {"...", true},
	    {"***.***.***.***", true},
	    {"my.ip.address", true},
	    {"<IP>", true},
	    {"2001:db8:xxxx::1", true},
	    {"dead.beef", true},
	    {"1.2.3.4 ", true},
	    /* zero-padded by hand (threads AJ 13): inet_ntop never pads */
	    {"000.000.000.000", true},
	    {"010.0.0.1", true},
	    {"192.0.2.001", true},
	    {"1.2.3.09", true},
	    {"10.0.0.0", false},
	    {"1.0", false},
	    {"10.0.0.1", false},
	    {"0.0.0.0", false},
	    {"203.0.113.0", false},
	    {"100.64.0.10", false},
	    /* what Postfix itself logs there */
	    {"", false},
	    {"unknown", false},
	    {"192.0.2.1", false},
	    {"203.0.113.255", false},
	    {"2001:db8::1", false},
	    {"2a00:1450:4864:20::1a", false},
	    {"::1", false},
	    {"::ffff:192.0.2.1", false},
	    {"fe80::1%eth0", false},
	    {"IPv6:2001:DB8::7", false},
	    {"ipv6:::1", false},
	    {"IPv6:x.x.x.x", true},
	    {"/var/run/dovecot/lmtp", false},
	    {"private/dovecot-lmtp", false},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		bool got = addr_is_masked(span_of(c[i].addr));
		if (got != c[i].masked)
			test_fail(__FILE__, __LINE__, "\"%s\": got %s, want %s", c[i].addr,
				  got ? "masked" : "an address", c[i].masked ? "masked" : "an address");
	}
	/* a NUL inside is no address; a long text is no address either */
	CHECK(addr_is_masked(span_make("1.2.3.4\0x", 9)));
	CHECK(addr_is_masked(span_of("x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x")));
}
