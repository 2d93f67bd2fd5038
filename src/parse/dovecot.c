/*
 * dovecot.c - the Dovecot lines that name a client, for the SASL
 * failures Postfix does not see (Dovecot is its SASL server) and for
 * one address text per host across programs.  They stay EV_OTHER.
 *
 *   auth: DRIVER(USER,ADDR[,<SESSION>]): RESULT       client_ip,
 *   (not "auth: Debug: ...": auth_debug's steps, no result)
 *   auth-worker(PID): DRIVER(USER,ADDR[,...]): RESULT  sasl_username, reason
 *   imap-login: Login: user=<U>, method=M, rip=ADDR, lip=ADDR, ...
 *   pop3-login: Disconnected (...): user=<U>, ..., rip=ADDR, ...   client_ip
 *
 * Untrusted: the username (any bytes the client sent) and so anything
 * before the address; "rip=" is taken from the right, after the user.
 */
#include "common.h"
#include "masked.h"

/* auth - "auth: DRIVER(user,addr[,id]): result", "auth-worker(N): ..." */
static bool auth(struct span t, struct event *ev)
{
	if (!span_eat(&t, "auth: ") && !span_eat(&t, "auth-worker"))
		return false;
	/* "auth: Debug: passwd-file(user,addr): Performing passdb lookup":
	 * auth_debug's steps of one attempt, not its result; counted, they
	 * made one try of a guesser five, each "failed" with a step's name */
	if (span_starts(t, "Debug: "))
		return false;
	ptrdiff_t lp = span_index(t, "(");
	ptrdiff_t rp = span_index(t, "): ");
	if (lp < 0 || rp < lp)
		return false;
	struct span inner = span_make(t.p + lp + 1, (size_t)(rp - lp - 1));
	struct span result = span_skip(t, (size_t)rp + 3);
	if (span_digits(inner)) {
		/* "auth-worker(123): " first: the driver's parenthesis follows */
		t = result;
		lp = span_index(t, "(");
		rp = span_index(t, "): ");
		if (lp < 0 || rp < lp)
			return false;
		inner = span_make(t.p + lp + 1, (size_t)(rp - lp - 1));
		result = span_skip(t, (size_t)rp + 3);
	}
	struct span user, ip;
	if (!span_until_chr(&inner, ',', &user))
		return false;
	if (!span_until_chr(&inner, ',', &ip))
		ip = inner;
	ev->sasl_username = user;
	/* "passwd-file(bob@example.com,malicious ip)": a placeholder typed
	 * over the address is no client of its own */
	ev->client_ip = ip.n && addr_is_masked(ip) ? SPAN_NULL : ip;
	ev->reason = span_trim(result);
	return true;
}

/* login - the last ", rip=ADDR" of a login process's line */
static bool login(struct span t, struct event *ev)
{
	ptrdiff_t k = -1, at;
	struct span s = t;
	while ((at = span_index(s, ", rip=")) >= 0) {
		k = (s.p - t.p) + at;
		s = span_skip(s, (size_t)at + 6);
	}
	if (k < 0)
		return false;
	struct span v = span_skip(t, (size_t)k + 6);
	size_t i = 0;
	while (i < v.n && v.p[i] != ',' && v.p[i] != ' ')
		i++;
	if (!i)
		return false;
	ev->client_ip = addr_is_masked(span_head(v, i)) ? SPAN_NULL : span_head(v, i);
	return true;
}

/* parse_dovecot - the client of a Dovecot line, when it names one */
void parse_dovecot(const struct logline *l, struct event *ev)
{
	if (!auth(l->text, ev))
		login(l->text, ev);
}
