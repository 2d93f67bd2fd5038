/*
 * test_name_tempfail.c - ev_name_lookup_tempfail and ev_reject_needs_dns
 * (fault.c): smtpd_peer.c's "hostname H does not resolve to address A: R"
 * is a lookup that failed for now only for getaddrinfo's EAI_AGAIN
 * (glibc's and musl's words), and the refusals such a failure gives by
 * itself are the temporary "Domain not found" (4.1.8, 4.1.2, also cut
 * inside its words) and "cannot find your hostname"; other refusals,
 * permanent ones, and other reasons are not.
 */
#include "tap.h"
#include "progs.h"

#include "parse/common.h"
#include "parse/event.h"
#include "syslog/prefix.h"


#define W "Jun 23 14:40:04 mx postfix/smtpd[2107]: warning: hostname h.example.net does not resolve to address 192.0.2.9"
#define R "Jun 23 14:40:04 mx postfix/smtpd[2107]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: "

TEST(name_lookup_tempfail_only_eai_again)
{
	CHECK(ev_name_lookup_tempfail(progs_line(W ": Temporary failure in name resolution")));
	CHECK(ev_name_lookup_tempfail(progs_line(W ": Try again")));
	CHECK(!ev_name_lookup_tempfail(progs_line(W ": Name or service not known")));
	CHECK(!ev_name_lookup_tempfail(progs_line(W ": Name does not resolve")));
	CHECK(!ev_name_lookup_tempfail(progs_line(W)));
	CHECK(!ev_name_lookup_tempfail(progs_line(W ": Temporary failure in name resolution, really")));
	/* the words in another line are not the warning */
	CHECK(!ev_name_lookup_tempfail(progs_line(R "450 4.7.1 <a@example.org>: Recipient address rejected: "
						"Temporary failure in name resolution; from=<b@example.net> "
						"to=<a@example.org> proto=ESMTP helo=<h.example.net>")));
}

TEST(reject_needs_dns_temporary_lookups_only)
{
	CHECK(ev_reject_needs_dns(progs_line(R "450 4.1.8 <b@h.example.net>: Sender address rejected: Domain not found; "
					   "from=<b@h.example.net> to=<a@example.org> proto=ESMTP helo=<h.example.net>")));
	CHECK(ev_reject_needs_dns(progs_line(R "450 4.1.2 <a@x.example.com>: Recipient address rejected: Domain not found; "
					   "from=<b@h.example.net> to=<a@x.example.com> proto=ESMTP helo=<h.example.net>")));
	/* a pasted line cut inside the words */
	CHECK(ev_reject_needs_dns(progs_line(R "450 4.1.8 <b@h.example.net>: Sender address rejected: Domain not f")));
	CHECK(ev_reject_needs_dns(progs_line(R "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.9]; "
					   "from=<b@h.example.net> to=<a@example.org> proto=ESMTP helo=<h.example.net>")));
	/* permanent: the domain does not exist */
	CHECK(!ev_reject_needs_dns(progs_line(R "550 5.1.8 <b@h.example.net>: Sender address rejected: Domain not found; "
					    "from=<b@h.example.net> to=<a@example.org> proto=ESMTP helo=<h.example.net>")));
	/* refusals no lookup failure gives */
	CHECK(!ev_reject_needs_dns(progs_line(R "454 4.7.1 <a@example.net>: Relay access denied; "
					    "from=<b@example.net> to=<a@example.net> proto=SMTP helo=<x>")));
	CHECK(!ev_reject_needs_dns(progs_line(R "450 4.1.8 <b@h.example.net>: Sender address rejected: "
					    "Malformed DNS server reply; from=<b@h.example.net> to=<a@example.org> "
					    "proto=ESMTP helo=<h.example.net>")));
	CHECK(!ev_reject_needs_dns(progs_line(W ": Temporary failure in name resolution")));
}
