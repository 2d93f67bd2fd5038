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
	/* grouped by their top-level domain, which picks the group (a new
	 * suffix goes into its TLD's group below, and into
	 * tests/unit/test_scanner.c's list) */
	static const struct {
		const char *suffix;
		size_t n;
		const char *name;
	} scanners[] = {
#define S(suffix, name) {suffix, sizeof suffix - 1, name}
	    /* .com: 0..4 */
	    S("censys-scanner.com", "Censys"),
	    S("stretchoid.com", "Stretchoid"),
	    S("internet-measurement.com", "Driftnet (internet-measurement.com)"),
	    S("criminalip.com", "Criminal IP"),
	    S("netsystemsresearch.com", "Net Systems Research"),
	    /* .io: 5..7 */
	    S("shodan.io", "Shodan"),
	    S("alphastrike.io", "AlphaStrike"),
	    S("modat.io", "Modat"),
	    /* .org: 8..9 */
	    S("shadowserver.org", "Shadowserver"),
	    S("internettl.org", "InterneTTL"),
	    /* .net: 10..11 */
	    S("onyphe.net", "ONYPHE"),
	    S("recyber.net", "ReCyber"),
	    /* .ninja: 12 */
	    S("binaryedge.ninja", "BinaryEdge"),
#undef S
	};
	if (!host.p || host.n < 4)
		return NULL;
	/* the host's last two bytes, folded, pick the one group that can
	 * end it (asked of every session: speed); '.' and '-' never end a
	 * suffix, so folding what is not a letter finds no group wrongly
	 * that strncasecmp would refuse anyway */
	unsigned last = (unsigned char)host.p[host.n - 1] | 0x20u;
	unsigned before = (unsigned char)host.p[host.n - 2] | 0x20u;
	size_t lo, hi;
	switch (last << 8 | before) {
	case 'm' << 8 | 'o': lo = 0, hi = 5; break;
	case 'o' << 8 | 'i': lo = 5, hi = 8; break;
	case 'g' << 8 | 'r': lo = 8, hi = 10; break;
	case 't' << 8 | 'e': lo = 10, hi = 12; break;
	case 'a' << 8 | 'j': lo = 12, hi = 13; break;
	default: return NULL;
	}
	for (size_t i = lo; i < hi; i++) {
		size_t n = scanners[i].n;
		if (host.n > n && host.p[host.n - n - 1] == '.' &&
		    !strncasecmp(host.p + host.n - n, scanners[i].suffix, n))
			return scanners[i].name;
	}
	return NULL;
}
