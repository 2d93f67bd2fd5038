/*
 * ban_writers.c - ban list backends: nftables sets (nft -f), an ipset restore
 * file (ipset restore), a Postfix check_client_access CIDR table and a
 * postscreen_access_list CIDR table (cidr:), one address per line, or
 * one JSON document (docs/actions.md).
 *
 * Input is a ban_set of binary addresses: every address is printed with
 * inet_ntop (cidr_format), every other word is ours.  Each file says in
 * its comments what it is and how to load it; none is loaded here.
 * Only the comment lines are translated (gettext), and buf_comment() puts
 * "# " before every line of a translation, so that nft, ipset and Postfix
 * read the same file in every language.
 */
#include "ban_writers.h"
#include "../util/fold.h"
#include "../util/i18n.h"

#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

/* header - "# ..." lines common to the commented formats */
static void header(struct buf *b, const struct ban_set *s, const char *load)
{
	char e[64], a[64];
	snprintf(e, sizeof e, P_("%zu entry", "%zu entries", s->n), s->n);
	snprintf(a, sizeof a, P_("%llu address", "%llu addresses", s->naddrs),
		 (unsigned long long)s->naddrs);
	/* TRANSLATORS: a comment line of a ban file ("# " is put in front of
	 * each line): the version, "N entries", "N addresses" */
	buf_comment(b, _("Written by postsleuth %s (ban): %s for %s."), s->version, e, a);
	/* TRANSLATORS: a comment line: the verdict ids follow */
	buf_comment(b, _("Verdicts: %s."), s->verdicts);
	if (s->period && *s->period)
		buf_comment(b, _("Log period: %s."), s->period);
	buf_comment(b, "%s", _("Review before use: postsleuth changed nothing."));
	/* TRANSLATORS: a comment line: the command that loads the file follows */
	buf_comment(b, _("Load with: %s"), load);
}

/* addr - one entry as text: address, or prefix/len */
static void addr(struct buf *b, const struct ban_item *it)
{
	char t[CIDR_STRLEN];
	cidr_format(&it->net, t, sizeof t, false);
	buf_puts(b, t);
}

/* note - "# 198.51.100.206: auth-bruteforce, 14 sessions" */
static void note(struct buf *b, const struct ban_item *it)
{
	struct buf t = {0};
	addr(&t, it);
	/* TRANSLATORS: in a comment line "# ADDRESS: verdict, N sessions" */
	buf_printf(&t, P_(": %s, %llu session", ": %s, %llu sessions", it->sessions),
		   verdict_id(it->verdict), (unsigned long long)it->sessions);
	if (it->naddrs > 1)
		/* TRANSLATORS: after "# PREFIX: verdict, N sessions" (always 2 or more) */
		buf_printf(&t, P_(" from %u address", " from %u addresses", it->naddrs), it->naddrs);
	buf_putc(&t, 0);
	buf_prefix_lines(b, "# ", t.p);
	buf_free(&t);
}

/* count_family - items of one address family */
static size_t count_family(const struct ban_set *s, int family)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		n += s->v[i].net.family == family;
	return n;
}

/* nft_set - one "set" block; elements omitted when empty (nft refuses "{ }") */
static void nft_set(struct buf *b, const struct ban_set *s, int family)
{
	bool v4 = family == AF_INET;
	buf_printf(b, "\tset %s {\n\t\ttype %s\n\t\tflags interval\n", v4 ? "ban4" : "ban6",
		   v4 ? "ipv4_addr" : "ipv6_addr");
	if (count_family(s, family)) {
		buf_puts(b, "\t\telements = {");
		size_t k = 0;
		for (size_t i = 0; i < s->n; i++) {
			if (s->v[i].net.family != family)
				continue;
			buf_puts(b, k ? ",\n\t\t\t" : "\n\t\t\t");
			addr(b, &s->v[i]);
			k++;
		}
		buf_puts(b, "\n\t\t}\n");
	}
	buf_puts(b, "\t}\n");
}

/* write_nft - an inet table with two interval sets and a chain that drops
 * their SMTP traffic; reloading replaces the table */
static void write_nft(struct buf *b, const struct ban_set *s)
{
	header(b, s, _("nft -f FILE   (check first with: nft -c -f FILE)"));
	buf_comment(b, "%s", _("Only SMTP ports are blocked (25, 465, 587); everything else is accepted."));
	for (size_t i = 0; i < s->n; i++)
		note(b, &s->v[i]);
	buf_putc(b, '\n');
	buf_comment(b, "%s", _("replace the table as a whole on reload"));
	buf_puts(b, "table inet postsleuth\n"
		    "delete table inet postsleuth\n\n"
		    "table inet postsleuth {\n");
	nft_set(b, s, AF_INET);
	buf_putc(b, '\n');
	nft_set(b, s, AF_INET6);
	buf_puts(b, "\n\tchain input {\n"
		    "\t\ttype filter hook input priority filter - 5; policy accept;\n"
		    "\t\tip saddr @ban4 tcp dport { 25, 465, 587 } drop\n"
		    "\t\tip6 saddr @ban6 tcp dport { 25, 465, 587 } drop\n"
		    "\t}\n"
		    "}\n");
}

/* write_ipset - two hash:net sets, flushed and refilled */
static void write_ipset(struct buf *b, const struct ban_set *s)
{
	header(b, s, "ipset restore < FILE");
	/* TRANSLATORS: two comment lines: the commands as they are, the
	 * second one under the first */
	buf_comment(b, "%s", _("then, e.g.: iptables -I INPUT -p tcp -m multiport --dports 25,465,587 "
			   "-m set --match-set postsleuth4 src -j DROP\n"
			   "      ip6tables ... --match-set postsleuth6 src -j DROP"));
	static const struct {
		int family;
		const char *name, *fam;
	} sets[] = {{AF_INET, "postsleuth4", "inet"}, {AF_INET6, "postsleuth6", "inet6"}};
	for (size_t k = 0; k < 2; k++) {
		buf_printf(b, "create %s hash:net family %s -exist\nflush %s\n", sets[k].name,
			   sets[k].fam, sets[k].name);
		for (size_t i = 0; i < s->n; i++) {
			if (s->v[i].net.family != sets[k].family)
				continue;
			note(b, &s->v[i]);
			buf_printf(b, "add %s ", sets[k].name);
			addr(b, &s->v[i]);
			buf_puts(b, " -exist\n");
		}
	}
}

/* write_postfix_cidr - check_client_access cidr table: ADDR REJECT text */
static void write_postfix_cidr(struct buf *b, const struct ban_set *s)
{
	header(b, s, "smtpd_client_restrictions = ... check_client_access cidr:/etc/postfix/FILE");
	/* TRANSLATORS: two comment lines */
	buf_comment(b, "%s", _("(cidr: tables are read directly: no postmap needed; test with\n"
			   " postmap -q 192.0.2.1 cidr:/etc/postfix/FILE)"));
	for (size_t i = 0; i < s->n; i++) {
		note(b, &s->v[i]);
		addr(b, &s->v[i]);
		buf_printf(b, " REJECT %s\n", verdict_row(s->v[i].verdict)->reject);
	}
}

/* write_postscreen - postscreen_access_list cidr table: ADDR reject */
static void write_postscreen(struct buf *b, const struct ban_set *s)
{
	header(b, s, "postscreen_access_list = permit_mynetworks, cidr:/etc/postfix/FILE");
	/* TRANSLATORS: two comment lines */
	buf_comment(b, "%s", _("(postscreen_blacklist_action / postscreen_denylist_action decides what\n"
			   " happens to them: ignore (default), enforce or drop)"));
	for (size_t i = 0; i < s->n; i++) {
		note(b, &s->v[i]);
		addr(b, &s->v[i]);
		buf_puts(b, " reject\n");
	}
}

/* json_words - "a, b, c" (our own verdict names) as a JSON array */
static void json_words(struct buf *b, const char *words)
{
	buf_putc(b, '[');
	for (const char *p = words; *p;) {
		size_t k = strcspn(p, ",");
		if (p != words)
			buf_putc(b, ',');
		buf_json(b, span_make(p, k));
		p += k;
		while (*p == ',' || *p == ' ')
			p++;
	}
	buf_putc(b, ']');
}

/* write_json - {"generator","verdicts","period","addresses","entries":[...],
 * "not_listed"}: one entry per address or prefix, with its verdicts,
 * sessions and the reason it is listed */
static void write_json(struct buf *b, const struct ban_set *s)
{
	buf_puts(b, "{\"generator\":");
	buf_printf(b, "\"postsleuth %s\",\"verdicts\":", s->version);
	json_words(b, s->verdicts);
	if (s->have_time) {
		buf_puts(b, ",\"period\":{\"first\":\"");
		buf_stamp(b, s->first);
		buf_puts(b, "\",\"last\":\"");
		buf_stamp(b, s->last);
		buf_puts(b, "\"}");
	}
	buf_printf(b, ",\"addresses\":%llu,\"entries\":[", (unsigned long long)s->naddrs);
	for (size_t i = 0; i < s->n; i++) {
		const struct ban_item *it = &s->v[i];
		buf_puts(b, i ? ",{\"address\":\"" : "{\"address\":\"");
		addr(b, it);
		buf_printf(b, "\",\"prefix\":%s,\"verdict\":\"%s\",\"verdicts\":[",
			   it->naddrs > 1 ? "true" : "false", verdict_id(it->verdict));
		bool first = true;
		for (int v = V__COUNT - 1; v >= 0; v--) {
			if (!(it->vmask & (1u << v)))
				continue;
			buf_printf(b, "%s\"%s\"", first ? "" : ",", verdict_id((enum verdict)v));
			first = false;
		}
		buf_printf(b, "],\"addresses\":%u,\"sessions\":%llu,\"reason\":\"%s\"}", it->naddrs,
			   (unsigned long long)it->sessions, verdict_row(it->verdict)->reason);
	}
	buf_putc(b, ']');
	if (s->skipped) {
		const struct ban_skipped *k = s->skipped;
		buf_printf(b, ",\"not_listed\":{\"authenticated\":%llu,\"allowed\":%llu,\"special\":%llu,"
			      "\"address_not_logged\":%llu,\"invalid\":%llu,\"few_sessions\":%llu}",
			   (unsigned long long)k->authenticated, (unsigned long long)k->allowed,
			   (unsigned long long)k->special, (unsigned long long)k->placeholder,
			   (unsigned long long)k->invalid, (unsigned long long)k->few_sessions);
	}
	buf_puts(b, "}\n");
}

/* write_plain - one address or prefix per line, nothing else */
static void write_plain(struct buf *b, const struct ban_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		addr(b, &s->v[i]);
		buf_putc(b, '\n');
	}
}

static const struct ban_backend backends[] = {
    {"nft", "an nftables table with sets ban4/ban6 and a chain dropping their SMTP traffic",
     write_nft},
    {"ipset", "an ipset restore file with sets postsleuth4/postsleuth6", write_ipset},
    {"postfix-cidr", "a check_client_access CIDR table: ADDRESS REJECT text", write_postfix_cidr},
    {"postscreen", "a postscreen_access_list CIDR table: ADDRESS reject", write_postscreen},
    {"plain", "one address or prefix per line", write_plain},
    {"json", "one JSON object: entries with their verdicts, sessions and reason", write_json},
};

/* ban_backends - the table */
const struct ban_backend *ban_backends(size_t *n)
{
	*n = sizeof backends / sizeof backends[0];
	return backends;
}

/* ban_backend_find - by name, NULL when unknown */
const struct ban_backend *ban_backend_find(const char *name)
{
	for (size_t i = 0; i < sizeof backends / sizeof backends[0]; i++)
		if (!strcmp(backends[i].name, name))
			return &backends[i];
	return NULL;
}
