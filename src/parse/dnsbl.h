/*
 * dnsbl.h - what a DNS blocklist's answer (127.0.0.N, 127.255.255.N) means.
 */
#ifndef POSTSLEUTH_DNSBL_H
#define POSTSLEUTH_DNSBL_H

#include "../util/span.h"

/* the answer in words, English; marked N_(): print it through _() */
const char *dnsbl_meaning(struct span list, struct span answer);
bool dnsbl_is_error(struct span answer);

#endif
