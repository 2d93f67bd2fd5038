/*
 * relay_next_hop.c - a connection refused or timed out on the way to
 * this site's own next hop, not to a stranger's server: the delivery
 * agent is master.cf's "relay" service (relay_transport, the transport
 * of the domains in relay_domains: a backup MX passing mail on to the
 * primary, a gateway to its internal server), or the next hop is a
 * private address on port 25 (the internal Exchange, Domino or mailbox
 * server behind a gateway, a relay host on the LAN).  Either way the
 * server that does not answer belongs to this site: its outage or its
 * settings, not a remote's.  A large provider's server (a tenant of
 * Microsoft 365 behind a gateway) is a stranger's, and this host's own
 * loopback services are told by rules_out.c before.  A pure function
 * of the event.
 */
#include "rules_internal.h"
#include "../parse/provider.h"
#include "../util/cidr.h"

#include <string.h>

/* hop_address - the next hop's address and port as the text gives them
 * ("connect to NAME[IP]:PORT: ..."), else the event's relay fields */
static void hop_address(const struct event *ev, struct span t, struct span *ip, struct span *port)
{
	*ip = ev->relay_ip;
	*port = ev->relay_port;
	struct span c = span_find(t, "connect to ");
	if (!c.p)
		return;
	struct span lb = span_find(c, "[");
	if (!lb.p)
		return;
	struct span in = span_skip(lb, 1);
	ptrdiff_t end = span_chr(in, ']');
	if (end < 0)
		return;
	*ip = span_head(in, (size_t)end);
	struct span rest = span_skip(in, (size_t)end + 1);
	*port = SPAN_NULL;
	if (rest.n > 1 && rest.p[0] == ':') {
		struct span digits = span_skip(rest, 1);
		size_t n = 0;
		while (n < digits.n && n < 5 && digits.p[n] >= '0' && digits.p[n] <= '9')
			n++;
		*port = span_head(digits, n);
	}
}

bool diag_relay_next_hop(const struct event *ev, struct span t)
{
	struct span host = ev->relay_name.n ? ev->relay_name : diag_conn_host(ev, t);
	if (host.n && provider_name(host))
		return false;
	struct span ip, port;
	hop_address(ev, t, &ip, &port);
	if (ip.n && cidr_loopback_text(ip.p, ip.n))
		return false;
	if (span_eqs(ev->line->service, "relay") || span_eqs(ev->line->daemon, "relay"))
		return true;
	return ip.n && span_eqs(port, "25") && cidr_own_network(ip.p, ip.n);
}
