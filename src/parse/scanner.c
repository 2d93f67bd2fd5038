/*
 * scanner.c - the Internet-wide scanners by the domains of the names
 * their scanning addresses resolve to (what each project publishes so
 * that an admin can tell it from an attacker).
 */
#include "scanner.h"

#include <string.h>
#include <strings.h>

/* scanner_name - the scanner whose domain ends host at a label boundary */
const char *scanner_name(struct span host)
{
	static const struct {
		const char *suffix, *name;
	} scanners[] = {
	    {"shodan.io", "Shodan"},
	    {"censys-scanner.com", "Censys"},
	    {"stretchoid.com", "Stretchoid"},
	    {"internet-measurement.com", "Driftnet (internet-measurement.com)"},
	    {"shadowserver.org", "Shadowserver"},
	    {"binaryedge.ninja", "BinaryEdge"},
	    {"onyphe.net", "ONYPHE"},
	    {"criminalip.com", "Criminal IP"},
	    {"alphastrike.io", "AlphaStrike"},
	    {"recyber.net", "ReCyber"},
	    {"modat.io", "Modat"},
	    {"netsystemsresearch.com", "Net Systems Research"},
	    {"internettl.org", "InterneTTL"},
	};
	if (!host.p || host.n < 4)
		return NULL;
	for (size_t i = 0; i < sizeof scanners / sizeof scanners[0]; i++) {
		size_t n = strlen(scanners[i].suffix);
		if (host.n > n && host.p[host.n - n - 1] == '.' &&
		    !strncasecmp(host.p + host.n - n, scanners[i].suffix, n))
			return scanners[i].name;
	}
	return NULL;
}
