/*
 * tag.c - the program tag of a syslog line: "prog[pid]" or "prog", its
 * parts ("postfix-out/submission/smtpd": instance, master.cf service,
 * daemon), whether Postfix wrote it, and metalog's "[postfix/smtpd]".
 * Untrusted input: every byte read is inside the given span.
 */
#include "prefix.h"
#include "prefix_internal.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* syslog_is_postfix_daemon - a program name that Postfix ships */
bool syslog_is_postfix_daemon(struct span d)
{
	static const char *const names[] = {
	    "smtpd", "smtp", "lmtp", "qmgr", "nqmgr", "cleanup", "pickup", "bounce", "defer",
	    "trace", "local", "virtual", "pipe", "error", "retry", "discard", "master", "anvil",
	    "scache", "showq", "flush", "proxymap", "proxywrite", "verify", "tlsmgr",
	    "tlsproxy", "postscreen", "dnsblog", "spawn", "qmqpd", "oqmgr", "postdrop",
	    "postsuper", "postqueue", "sendmail", "postfix-script", "postmap", "postalias",
	    "postlog", "postlogd", "postconf", "postmulti", "postkick", "postcat", "relay",
	    "policy-spf", "postfix", NULL};
	for (int i = 0; names[i]; i++)
		if (span_eqs(d, names[i]))
			return true;
	return false;
}

/* split_tag_at - syslog_split_tag with the first and last '/' known */
static bool split_tag_at(struct span tag, ptrdiff_t first, ptrdiff_t last, struct logline *out)
{
	out->prog = tag;
	if (first < 0) {
		out->instance = SPAN_NULL;
		out->service = SPAN_NULL;
		out->daemon = tag;
		/* a bare "sendmail" tag is Sendmail 8; Postfix's is postfix/sendmail.
		 * The table and configuration commands write their errors to
		 * stderr with a bare tag ("postalias: fatal: ...", as a
		 * container's start script shows them); no other program has
		 * these names */
		out->postfix = span_eqs(tag, "postfix") || span_eqs(tag, "postsuper") ||
			       span_eqs(tag, "postqueue") || span_eqs(tag, "postdrop") ||
			       span_eqs(tag, "postlog") || span_eqs(tag, "postmap") ||
			       span_eqs(tag, "postalias") || span_eqs(tag, "postconf") ||
			       span_eqs(tag, "postmulti") || span_eqs(tag, "postfix-script");
		return out->postfix;
	}
	out->instance = span_head(tag, (size_t)first);
	out->daemon = span_skip(tag, (size_t)last + 1);
	if (last > first)
		out->service = span_make(tag.p + first + 1, (size_t)(last - first - 1));
	else
		out->service = SPAN_NULL;
	out->postfix = span_starts(out->instance, "postfix") || syslog_is_postfix_daemon(out->daemon);
	return out->postfix;
}

/* syslog_split_tag - fill prog/instance/service/daemon from "a/b/c" */
bool syslog_split_tag(struct span tag, struct logline *out)
{
	return split_tag_at(tag, span_chr(tag, '/'), span_rchr(tag, '/'), out);
}

/* syslog_tag_n - "prog[pid]" or "prog", the n bytes at p (n >= 1) before
 * the tag's ':'.  One forward pass finds the first and last '/' and the
 * '['; the pid digits are read in the same pass (this runs on every line). */
bool syslog_tag_n(const char *p, size_t n, struct logline *out)
{
	const size_t taglen = n;
	out->pid = -1;
	size_t i = (size_t)(span_scan(p, p + n, '[') - p);
	ptrdiff_t first = span_scan(p, p + i, '/') - p, last = -1;
	if ((size_t)first == i) {
		first = -1;
	} else {
		last = (ptrdiff_t)i - 1;
		while (p[last] != '/')
			last--;
	}
	if (i < n) {
		/* "[digits]" must end the tag; a '[' elsewhere: fall back */
		if (i == 0 || p[n - 1] != ']')
			goto slow;
		size_t j = i + 1;
		bool neg = j < n - 1 && p[j] == '-';
		j += neg;
		if (j >= n - 1 || n - 1 - j > 19)
			goto slow;
		uint64_t v = 0;
		if (!neg && n - 1 - j <= 8 && n - 1 >= 8 && swar_digits(p + n - 9, n - 1 - j, &v))
			j = n - 1;
		for (; j < n - 1; j++) {
			unsigned d = (unsigned)(unsigned char)p[j] - '0';
			if (d > 9)
				goto slow;
			v = v * 10 + d;
		}
		if (v > (uint64_t)INT64_MAX)
			v = (uint64_t)INT64_MAX;
		out->pid = neg ? -(int64_t)v : (int64_t)v;
		n = i;
	} else if (p[n - 1] == ']') {
		return false; /* "x]:" with no '[' */
	}
	if (!n)
		return false;
	split_tag_at(span_make(p, n), first, last, out);
	return true;
slow:
	/* a '[' inside the name or an odd pid: the general rules */
	{
		struct span t = span_make(p, taglen);
		if (t.p[t.n - 1] != ']') {
			syslog_split_tag(t, out); /* "prog[x:": all of it is the name */
			return true;
		}
		ptrdiff_t lb = span_rchr(t, '[');
		if (lb <= 0)
			return false;
		int64_t v = -1; /* "prog[]": the pid was cut out of a pasted line */
		struct span in = span_make(t.p + lb + 1, t.n - (size_t)lb - 2);
		if (in.n && !span_i64(in, &v) && !syslog_pid_masked(in)) /* "prog[xxxxx]" */
			return false;
		out->pid = v;
		t.n = (size_t)lb;
		syslog_split_tag(t, out);
		return true;
	}
}

/* syslog_read_tag - "prog[pid]" or "prog" without its ':' (paste.c) */
bool syslog_read_tag(struct span name_pid, struct logline *out)
{
	return name_pid.n && syslog_tag_n(name_pid.p, name_pid.n, out);
}

/* syslog_metalog_tag - metalog's "[postfix/smtpd]" (no host, pid, colon);
 * not "[info]", "[cron]".  Also NethServer 8's log viewer, which puts the
 * node's number and the module's instance before the tag,
 * "[1:mail1:postfix/lmtp]": the instance is the line's host */
bool syslog_metalog_tag(struct span tok, struct logline *out)
{
	struct span in = span_make(tok.p + 1, tok.n >= 4 ? tok.n - 2 : 0), module = SPAN_NULL;
	if (tok.n < 4 || tok.p[tok.n - 1] != ']' || span_chr(in, '[') >= 0 || span_chr(in, ']') >= 0)
		return false;
	size_t i = 0;
	while (i < in.n && i < 8 && in.p[i] >= '0' && in.p[i] <= '9')
		i++;
	if (i && i < in.n && in.p[i] == ':') {
		struct span rest = span_skip(in, i + 1);
		ptrdiff_t c = span_chr(rest, ':');
		if (c <= 0 || c > 64)
			return false;
		module = span_head(rest, (size_t)c);
		in = span_skip(rest, (size_t)c + 1);
	}
	if (span_chr(in, '/') < 1 || !span_starts(in, "postfix"))
		return false;
	syslog_split_tag(in, out);
	if (module.n)
		out->host = module;
	out->pid = -1;
	return true;
}
