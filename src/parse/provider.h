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

#endif
