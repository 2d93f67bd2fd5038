/*
 * fuzz_syslog.c - libFuzzer target: syslog_parse on one arbitrary line,
 * with the year inferred and forced (and journalctl -o json lines).
 * Every span of the result must lie inside the line or the unescaped
 * MESSAGE (but a program told by a tagless line's words, one of
 * Postfix's names or postgrey), and the time inside 1970..9999.
 */
#include "fuzz.h"
#include "syslog/prefix.h"

#include <string.h>

static struct syslog_state st;

/* inside - s is unset, or within the line [p, p + n) or the unescaped
 * MESSAGE of a journalctl -o json line */
static void inside(struct span s, const char *p, size_t n)
{
	const char *j = st.json_msg;
	if (s.p && (s.p < p || s.p + s.n > p + n) &&
	    (s.p < j || s.p + s.n > j + sizeof st.json_msg))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* LLVMFuzzerTestOneInput - one input, two year modes */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *p = fuzz_copy(data, size);
	for (int forced = 0; forced <= 2026; forced += 2026) {
		struct logline l;
		syslog_state_init(&st, forced, 1795000000);
		if (syslog_parse(&st, span_make(p, size), &l)) {
			inside(l.host, p, size), inside(l.text, p, size);
			inside(l.instance, p, size), inside(l.service, p, size);
			inside(l.severity, p, size);
			if (l.inferred) {
				/* no tag: the program bare.c or paste.c told is one
				 * of Postfix's names, a constant string (or postgrey,
				 * then not Postfix's: its decision line alone) */
				bool postgrey = span_eqs(l.daemon, "postgrey") && !l.postfix;
				if (l.prog.p != l.daemon.p || l.prog.n != l.daemon.n ||
				    strlen(l.daemon.p) != l.daemon.n ||
				    (!syslog_is_postfix_daemon(l.daemon) && !postgrey))
					abort();
			} else {
				inside(l.prog, p, size), inside(l.daemon, p, size);
			}
			if (l.ts.us < TIME_MIN_US || l.ts.us > TIME_MAX_US)
				abort();
		}
	}
	free(p);
	return 0;
}
