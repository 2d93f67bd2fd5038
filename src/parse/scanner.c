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
		const char *suffix;
		size_t n;
		const char *name;
	} scanners[] = {
#define S(suffix, name) {suffix, sizeof suffix - 1, name}
	    S("shodan.io", "Shodan"),
	    S("censys-scanner.com", "Censys"),
	    S("stretchoid.com", "Stretchoid"),
	    S("internet-measurement.com", "Driftnet (internet-measurement.com)"),
	    S("shadowserver.org", "Shadowserver"),
	    S("binaryedge.ninja", "BinaryEdge"),
	    S("onyphe.net", "ONYPHE"),
	    S("criminalip.com", "Criminal IP"),
	    S("alphastrike.io", "AlphaStrike"),
	    S("recyber.net", "ReCyber"),
	    S("modat.io", "Modat"),
	    S("netsystemsresearch.com", "Net Systems Research"),
	    S("internettl.org", "InterneTTL"),
#undef S
	};
	if (!host.p || host.n < 4)
		return NULL;
	/* every suffix ends in a lowercase letter: the host's last byte,
	 * folded, rules most of them out before any compare (asked of
	 * every session: speed) */
	char last = host.p[host.n - 1] | 0x20;
	for (size_t i = 0; i < sizeof scanners / sizeof scanners[0]; i++) {
		size_t n = scanners[i].n;
		if (last == scanners[i].suffix[n - 1] && host.n > n && host.p[host.n - n - 1] == '.' &&
		    !strncasecmp(host.p + host.n - n, scanners[i].suffix, n))
			return scanners[i].name;
	}
	return NULL;
}
