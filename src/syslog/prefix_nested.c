/*
 * prefix_nested.c - a Postfix line inside another line (prefix.c reads
 * the outer one): Docker's json-file log, docker compose's service
 * column, a container's line forwarded through syslog once more, a
 * command's line under the postfix command's tag.  Untrusted input:
 * every access is bounds-checked through span helpers.
 */
#include "prefix.h"
#include "prefix_internal.h"

#include <string.h>

/* severity_len - the length of "warning", "error", "fatal" or "panic"
 * when t starts with one and ": ", else 0 */
static size_t severity_len(struct span t)
{
	static const char *const words[] = {"warning: ", "error: ", "fatal: ", "panic: "};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (span_starts(t, words[i]))
			return strlen(words[i]) - 2;
	return 0;
}

/* nested - the command and severity a line starts with ("postconf:
 * warning: ...", "/usr/sbin/postmap: fatal: ..."), made the line's
 * daemon and severity; false (nothing changed) for any other text */
static bool nested(struct logline *out)
{
	static const char *const names[] = {"postconf", "postmap", "postalias", "postsuper", "postqueue",
					    "postdrop", "postmulti", "postlog", "sendmail"};
	struct span t = out->text;
	ptrdiff_t colon = span_index(t, ": ");
	if (colon <= 0 || colon > 64)
		return false;
	struct span path = span_head(t, (size_t)colon), name = path;
	ptrdiff_t slash = span_rchr(path, '/');
	if (slash >= 0)
		name = span_skip(path, (size_t)slash + 1);
	bool known = false;
	for (size_t i = 0; i < sizeof names / sizeof *names && !known; i++)
		known = span_eqs(name, names[i]);
	struct span rest = span_skip(t, (size_t)colon + 2);
	size_t k = known ? severity_len(rest) : 0;
	if (!k)
		return false;
	out->daemon = name;
	out->severity = span_head(rest, k);
	out->text = span_skip(rest, k + 2);
	return true;
}

/* syslog_nested_command - the postfix command's tag over a line a command it
 * ran wrote to stderr ("postfix[12]: /usr/sbin/postconf: warning:
 * /etc/postfix/main.cf: support for parameter ..."): that command is the
 * daemon, its severity the line's */
void syslog_nested_command(struct logline *out)
{
	if (span_eqs(out->daemon, "postfix"))
		nested(out);
}

/* syslog_nested_foreign - another program's tag over a Postfix command's
 * stderr line (a setup script's, "configure-instance.sh[3359]: postconf:
 * warning: /etc/postfix/master.cf: undefined parameter: ..."): the line
 * is Postfix's, the command its daemon.  Only the command names and a
 * severity after them make it one: no other program writes that */
void syslog_nested_foreign(struct logline *out)
{
	if (nested(out))
		out->postfix = true;
}

/* syslog_parse_docker - a line of Docker's json-file log: the program's own line
 * inside it, read as any other line (plain, pasted or bare); one with no
 * time of its own, or a classic one (no year, no zone), takes the
 * driver's, which has both */
bool syslog_parse_docker(struct syslog_state *st, struct span line, struct logline *out)
{
	struct span inner, time;
	if (!syslog_docker_json(st, line, &inner, &time))
		return false;
	if (!syslog_parse_plain(st, inner, out) && !syslog_parse_pasted(st, inner, out) &&
	    !syslog_parse_bare(st, inner, out))
		return false;
	struct stamp ts;
	if (out->format != FMT_ISO && out->format != FMT_RFC5424 && time.n && isdig(time.p[0]) &&
	    syslog_read_iso(st, &time, &ts)) {
		out->ts = ts;
		out->format = FMT_ISO;
	}
	out->unescaped = true;
	return true;
}

/* compose_column - t without the service column docker compose prints
 * before each line of a container ("mailserver-mailserver-1  | "), as
 * journald keeps it when docker compose runs under systemd ("Oct 13
 * 18:20:57 host docker-compose[20080]: mailserver-1  | Oct 13 18:20:57
 * mail postfix/smtpd[51726]: ..."); t itself when it has none */
static struct span compose_column(struct span t)
{
	size_t i = 0;
	while (i < t.n && i < 64 &&
	       ((t.p[i] >= 'a' && t.p[i] <= 'z') || (t.p[i] >= 'A' && t.p[i] <= 'Z') || isdig(t.p[i]) ||
		t.p[i] == '-' || t.p[i] == '_' || t.p[i] == '.'))
		i++;
	size_t j = i;
	while (j < t.n && j < 96 && t.p[j] == ' ')
		j++;
	if (!i || j == i || j + 1 >= t.n || t.p[j] != '|' || t.p[j + 1] != ' ')
		return t;
	return span_skip(t, j + 2);
}

/* syslog_relogged - a line of another program whose text is a whole Postfix
 * line, time first: a container's log forwarded through syslog once
 * more ("Jan 25 08:43:17 mail smtp[1426]: Jan 25 08:43:17 mail
 * postfix/smtpd[384]: ..."), or s6-log's "TIME  mail.warn: " before it.
 * Read the inner line in place of the outer one; only a line that is not
 * Postfix's and whose text starts like a time is tried */
bool syslog_relogged(struct syslog_state *st, struct logline *out)
{
	struct span t = compose_column(out->text);
	if (t.n < 20 || !((t.p[3] == ' ' && t.p[0] >= 'A' && t.p[0] <= 'Z') ||
			  (isdig(t.p[0]) && t.p[4] == '-')))
		return false;
	int year = st->year, last_month = st->last_month;
	struct logline in;
	if (!syslog_parse_plain(st, t, &in) || !in.postfix) {
		st->year = year, st->last_month = last_month;
		return false;
	}
	in.raw = out->raw;
	/* a classic inner time has no year: the outer ISO one has it */
	if (in.format == FMT_CLASSIC && (out->format == FMT_ISO || out->format == FMT_RFC5424)) {
		in.ts = out->ts;
		in.format = out->format;
	}
	*out = in;
	return true;
}

