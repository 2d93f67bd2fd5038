/*
 * test_scanner.c - the Internet-wide scanners by their names
 * (parse/scanner.c: a whole label under a scanner's domain, case-blind)
 * and the verdict of a client whose verified name is one (CD_SCANNER):
 * a probe when it only looked, its own verdict when it did more; the
 * marks a session leaves on its client (session_marks.c).
 */
#include "tap.h"

#include "analyze/analysis.h"
#include "parse/scanner.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

TEST(scanner_name_labels)
{
	static const struct {
		const char *host, *want;
	} cases[] = {
	    {"burger.census.shodan.io", "Shodan"},
	    {"scanner-24.ch1.censys-scanner.com", "Censys"},
	    {"ZG-0301C-25.STRETCHOID.COM", "Stretchoid"},
	    {"104.152.52.58.internet-measurement.com", "Driftnet (internet-measurement.com)"},
	    {"scan-59l.shadowserver.org", "Shadowserver"},
	    {"shodan.io", NULL},                     /* no label before the domain */
	    {"notshodan.io", NULL},                  /* not at a label boundary */
	    {"census.shodan.io.example.net", NULL},  /* the domain inside a name */
	    {"mail.example.com", NULL},
	    {"unknown", NULL},
	    {"", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = scanner_name(span_of(cases[i].host));
		if (!got != !cases[i].want || (got && strcmp(got, cases[i].want)))
			test_fail(__FILE__, __LINE__, "%s: got %s", cases[i].host, got ? got : "NULL");
	}
	CHECK(!scanner_name((struct span){0}));
	/* a name cut short of its domain is none (no read past n) */
	CHECK(!scanner_name((struct span){"x.census.shodan.io", 12}));
}

TEST(scanner_verdict)
{
	/* the Shodan client of threads AX 10: two hang-ups after CONNECT
	 * (unknown), one EHLO + STARTTLS and leave, one TLS broken off */
	struct client c = {0};
	c.sessions = 4;
	c.by_verdict[V_UNKNOWN] = 2;
	c.by_verdict[V_CAPABILITY_PROBE] = 1;
	c.by_verdict[V_TLS_FAILURE] = 1;
	CHECK_STR(verdict_id(verdict_decide(&c)), "unknown");
	c.diag_flags |= CD_SCANNER;
	CHECK_STR(verdict_id(verdict_decide(&c)), "capability-probe");
	/* its name does not excuse what it did beyond looking */
	struct client g = c;
	g.auth_failures = g.pw_failures = 3;
	CHECK_STR(verdict_id(verdict_decide(&g)), "auth-bruteforce");
	struct client r = c;
	r.relay_denied = 2;
	CHECK_STR(verdict_id(verdict_decide(&r)), "relay-attempt");
	struct client n = c;
	n.by_verdict[V_UNKNOWN] = 0;
	n.by_verdict[V_NON_SMTP_PROBE] = 2;
	n.non_smtp = 2;
	CHECK_STR(verdict_id(verdict_decide(&n)), "non-smtp-probe");
	struct client m = c;
	m.messages = 1;
	CHECK_STR(verdict_id(verdict_decide(&m)), "legitimate");
	struct client x = c;
	x.rejects = 1; /* refused by the restrictions: not told apart here */
	CHECK(verdict_decide(&x) != V_CAPABILITY_PROBE);
}

TEST(session_marks_flags)
{
	struct session s = {0};
	struct client c = {0};
	session_marks(&c, &s);
	CHECK_INT(c.diag_flags, 0);
	char scan[] = "burger.census.shodan.io", fake[] = "census.shodan.io.example.net", unk[] = "unknown";
	s.client_name = fake;
	session_marks(&c, &s);
	CHECK_INT(c.diag_flags & CD_SCANNER, 0);
	s.client_name = unk;
	session_marks(&c, &s);
	CHECK_INT(c.diag_flags & CD_SCANNER, 0);
	s.client_name = scan;
	session_marks(&c, &s);
	CHECK_INT(c.diag_flags & CD_SCANNER, CD_SCANNER);
	/* refused at VRFY (a log without counts: threads AX 15) */
	char vrfy[] = "VRFY", rcpt[] = "RCPT";
	struct client v = {0};
	s.client_name = NULL;
	s.last_reject_stage = rcpt;
	session_marks(&v, &s);
	CHECK_INT(v.diag_flags & CD_VRFY, 0);
	s.last_reject_stage = vrfy;
	session_marks(&v, &s);
	CHECK_INT(v.diag_flags & CD_VRFY, CD_VRFY);
	/* a session that sent mail asked VRFY as a client, not a harvester */
	struct client m = {0};
	s.messages = 1;
	session_marks(&m, &s);
	CHECK_INT(m.diag_flags & CD_VRFY, 0);
	/* counted in the disconnect line: "vrfy=0/2" */
	struct client n = {0};
	struct session u = {0};
	struct session_stat st = {"vrfy", 0, 2};
	u.stats = &st;
	u.nstats = 1;
	u.have_stats = true;
	session_marks(&n, &u);
	CHECK_INT(n.diag_flags & CD_VRFY, CD_VRFY);
	/* bytes behind QUIT */
	struct client q = {0};
	struct session t = {0};
	t.quit_pipelined = true;
	session_marks(&q, &t);
	CHECK_INT(q.diag_flags, CD_QUIT_PIPE);
}

/* the suffixes as scanner.c had them before its groups by top-level
 * domain (one loop over all, the host's last byte first) */
static const struct {
	const char *suffix, *name;
} plain_scanners[] = {
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

static const char *plain_scanner_name(struct span host)
{
	if (!host.p || host.n < 4)
		return NULL;
	for (size_t i = 0; i < sizeof plain_scanners / sizeof plain_scanners[0]; i++) {
		size_t n = strlen(plain_scanners[i].suffix);
		if (host.n > n && host.p[host.n - n - 1] == '.' &&
		    !strncasecmp(host.p + host.n - n, plain_scanners[i].suffix, n))
			return plain_scanners[i].name;
	}
	return NULL;
}

static uint64_t scan_rnd_state = 32;
static unsigned scan_rnd(unsigned m)
{
	scan_rnd_state = scan_rnd_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(scan_rnd_state >> 33) % m;
}

/* the groups answer as the plain loop: random names of labels, the
 * suffixes whole or cut, upper-cased bytes, control and high bytes that
 * fold onto '.', '-' or a letter (0x0e, 0x0d, 0xc1, ...), each name in a
 * buffer of its own size; every suffix found more than 100 times */
TEST(scanner_name_groups_equiv)
{
	static const char *const pieces[] = {"x", "mail", ".", "-", "com", "io", "org", "net", "ninja", "\x0e",
					     "\x0d", "\xc3", "\xef", "OM", "Io", "jA", "rG", "eT", "", "\x00"};
	size_t ns = sizeof plain_scanners / sizeof plain_scanners[0];
	unsigned found[sizeof plain_scanners / sizeof plain_scanners[0]] = {0};
	char text[128];
	for (int round = 0; round < 300000; round++) {
		size_t n = 0;
		for (unsigned k = scan_rnd(5); k; k--) {
			const char *p = pieces[scan_rnd(sizeof pieces / sizeof pieces[0])];
			size_t m = p[0] ? strlen(p) : scan_rnd(2); /* "\x00": a NUL inside */
			if (n + m < 60)
				memcpy(text + n, p, m), n += m;
		}
		if (scan_rnd(3)) {
			if (scan_rnd(2))
				text[n++] = '.';
			const char *suf = plain_scanners[scan_rnd((unsigned)ns)].suffix;
			size_t m = strlen(suf);
			size_t from = scan_rnd(4) ? 0 : scan_rnd((unsigned)m); /* cut at its start */
			memcpy(text + n, suf + from, m - from);
			n += m - from;
		}
		for (size_t i = 0; i < n; i++)
			if (!scan_rnd(6) && text[i] >= 'a' && text[i] <= 'z')
				text[i] = (char)(text[i] - 32);
			else if (!scan_rnd(40))
				text[i] = (char)(text[i] ^ 0x20);
		char *own = malloc(n ? n : 1);
		memcpy(own, text, n);
		struct span host = {own, n};
		const char *got = scanner_name(host), *want = plain_scanner_name(host);
		if (!got != !want || (got && strcmp(got, want))) {
			test_fail(__FILE__, __LINE__, "%.*s: got %s, want %s", (int)n, own, got ? got : "NULL",
				  want ? want : "NULL");
			free(own);
			break;
		}
		for (size_t i = 0; want && i < ns; i++)
			if (!strcmp(want, plain_scanners[i].name))
				found[i]++;
		free(own);
	}
	for (size_t i = 0; i < ns; i++)
		if (found[i] <= 100)
			test_fail(__FILE__, __LINE__, "%s found %u times", plain_scanners[i].suffix, found[i]);
}
