/*
 * dual_stack.c - what a dual-stack destination's failures tell together.
 * Postfix tries a destination's IPv6 and IPv4 addresses in turn
 * (inet_protocols = all, smtp_address_preference) and its status line
 * gives the reason of the last address tried: a delivery whose status
 * names an IPv6 "Network is unreachable" or "No route to host" failed
 * over IPv4 too, so the IPv4 connect timeouts logged beside it (Gmail's,
 * Microsoft's, which answer on port 25 around the clock) ended that
 * delivery as much as the reason its status names (folds.c's
 * diag_fold_port25 reads it).
 */
#include "diagnose.h"
#include "diag_internal.h"

#include <string.h>

/* diag_v6_unreachable_ended - did a delivery end on this host's missing
 * IPv6 route: an outbound-network-unreachable group keyed IPv6 that holds
 * a status line (a recipient), not only the connect attempts */
bool diag_v6_unreachable_ended(const struct diag *d)
{
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		if (g->id == F_OUT_NET_UNREACHABLE && g->recipients && g->key && !strcmp(g->key, "IPv6"))
			return true;
	}
	return false;
}
