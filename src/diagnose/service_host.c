/*
 * service_host.c - a daemon's fatal stop because the host name of an
 * endpoint it connects to does not resolve: util/inet_connect.c's
 * "host/service %s/%s not found: %s" (a milter, a policy server, a
 * content filter given as inet:NAME:PORT; in a container bundle, another
 * container's service name).  Keyed by "NAME/PORT".
 */
#include "rules_internal.h"

#include <string.h>

bool diag_service_host(struct span text, struct diag_hit *hit)
{
	struct span at = span_find(text, "host/service ");
	if (!at.p)
		return false;
	at = span_skip(at, strlen("host/service "));
	struct span tok = diag_token(at);
	/* NAME/PORT: one slash inside, a name before it and a port after */
	struct span slash = span_find(tok, "/");
	if (!tok.n || !slash.p || slash.p == tok.p || slash.n < 2)
		return false;
	if (!span_starts(span_skip(at, tok.n), " not found: "))
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = F_SERVICE_HOST_UNKNOWN;
	diag_copy_key(hit->key, tok);
	return true;
}
