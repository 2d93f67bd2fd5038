/*
 * provider.h - the large mail providers, known by the names of their
 * servers: a host name in a log line (a relay, a client's PTR) tells
 * which provider's machines they are.
 */
#ifndef POSTSLEUTH_PROVIDER_H
#define POSTSLEUTH_PROVIDER_H

#include "../util/span.h"

/* provider_name - "Gmail", "Microsoft", ... for a host under one of
 * their domains; NULL for any other name */
const char *provider_name(struct span host);

/* provider_of_address - the same names for an IPv4 address in the
 * outbound networks the largest providers publish in their SPF records
 * (Gmail, Microsoft, Yahoo); NULL for any other address or for IPv6 */
const char *provider_of_address(struct span ip);

#endif
