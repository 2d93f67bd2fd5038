/*
 * scanner.h - the Internet-wide scanners (search engines of servers and
 * research projects), known by the names their addresses resolve to: a
 * client's PTR name under one of their domains is a scanner reading the
 * banner, STARTTLS and the certificate, not a mail server or a guesser.
 */
#ifndef POSTSLEUTH_SCANNER_H
#define POSTSLEUTH_SCANNER_H

#include "../util/span.h"

/* scanner_name - "Shodan", "Censys", ... for a host name under one of the
 * scanners' domains (a whole label: "x.census.shodan.io", never
 * "notshodan.io"), case-blind; NULL for any other name, "unknown" and an
 * empty one */
const char *scanner_name(struct span host);

#endif
