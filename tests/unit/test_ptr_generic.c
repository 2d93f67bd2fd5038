/*
 * test_ptr_generic.c - ptr_is_generic (client_facts.c): an ISP's pool
 * name is generic, a large provider's or a sending service's server is
 * not, whatever words its name holds ("pool", many digits); a look-alike
 * domain that only ends in a provider's name stays generic.
 */
#include "tap.h"
#include "analyze/analysis.h"

TEST(ptr_generic_provider_pool_word)
{
	/* ISPs' pools */
	CHECK(ptr_is_generic("dsl-203-0-113-7-dyn.example.net", "203.0.113.7"));
	CHECK(ptr_is_generic("pool-198-51-100-9.example.com", "198.51.100.9"));
	CHECK(ptr_is_generic("host7.pool.example.org", "192.0.2.7"));
	/* a large provider's outbound pool and a sending service's server */
	CHECK(!ptr_is_generic("tx2outboundsmtppool2.messaging.microsoft.com", "192.0.2.132"));
	CHECK(!ptr_is_generic("mail-pool-42.google.com", "192.0.2.42"));
	CHECK(!ptr_is_generic("o1.ptr1234.sendgrid.net", "192.0.2.1"));
	/* a look-alike that only ends in the provider's name */
	CHECK(ptr_is_generic("smtppool2.evilmicrosoft.com", "192.0.2.2"));
	CHECK(!ptr_is_generic(NULL, "192.0.2.2"));
}
