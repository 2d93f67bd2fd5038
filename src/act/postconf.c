/*
 * postconf.c - the current Postfix settings as postconf prints them
 * (MAIL_CONFIG is honoured), and restriction lists extended with the
 * words advise wants rather than replaced.
 *
 * Untrusted: postconf's output (the admin's own configuration), kept as
 * text and escaped when shown.  Nothing is changed here.
 */
#include "advise_rules.h"
#include "../util/run.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define LIST_MAX_WORDS 64

static const char *const pc_names[] = {
    "config_directory", "mail_version", "mynetworks", "smtpd_delay_reject",
    "smtpd_helo_required", "smtpd_helo_restrictions", "smtpd_relay_restrictions",
    "smtpd_data_restrictions", "smtpd_sender_restrictions", "smtpd_sender_login_maps",
    "smtpd_client_auth_rate_limit", "smtpd_client_connection_rate_limit", "smtpd_tls_auth_only",
    "smtpd_tls_loglevel", "debug_peer_list", "smtpd_forbidden_commands", "postscreen_dnsbl_sites",
    "postscreen_dnsbl_threshold", "postscreen_dnsbl_action", "postscreen_greet_action",
    "smtpd_client_restrictions", "smtpd_recipient_restrictions", NULL,
};

/* postconf_load - current values from "postconf -x NAME..." and the smtp/inet
 * service from "postconf -M smtp/inet"; pc->ok false when unavailable */
void postconf_load(struct postconf *pc)
{
	memset(pc, 0, sizeof *pc);
	if (!run_find("postconf"))
		return;
	const char *argv[POSTCONF_MAX + 3] = {"postconf", "-x"};
	int k = 2;
	for (int i = 0; pc_names[i] && k < POSTCONF_MAX + 2; i++)
		argv[k++] = pc_names[i];
	argv[k] = NULL;
	struct run_result rr;
	run_prog(argv, &rr);
	if (rr.status != 0) {
		run_result_free(&rr);
		return;
	}
	pc->ok = true;
	struct span out = buf_span(&rr.out), line;
	while (out.n && pc->n < POSTCONF_MAX) {
		if (!span_until_chr(&out, '\n', &line)) {
			line = out;
			out.n = 0;
		}
		ptrdiff_t eq = span_index(line, " =");
		if (eq <= 0)
			continue;
		pc->name[pc->n] = xspandup(span_head(line, (size_t)eq));
		pc->value[pc->n] = xspandup(span_trim(span_skip(line, (size_t)eq + 2)));
		pc->n++;
	}
	run_result_free(&rr);
	const char *margv[] = {"postconf", "-M", "smtp/inet", NULL};
	run_prog(margv, &rr);
	if (rr.status == 0) {
		struct span t = buf_span(&rr.out), w;
		while (t.n && (t.p[t.n - 1] == '\n' || t.p[t.n - 1] == '\r'))
			t.n--;
		while (t.n && pc->nsmtp < 8) {
			t = span_trim(t);
			if (!span_until_chr(&t, ' ', &w)) {
				w = t;
				t.n = 0;
			}
			if (w.n)
				pc->smtp_fields[pc->nsmtp++] = xspandup(w);
		}
	}
	run_result_free(&rr);
	/* "smtp/inet/NAME = VALUE": carried over to smtpd/pass with postscreen */
	const char *pargv[] = {"postconf", "-P", "smtp/inet", NULL};
	run_prog(pargv, &rr);
	struct span out2 = buf_span(&rr.out);
	while (rr.status == 0 && out2.n && pc->nsmtp_opt < POSTCONF_MAX) {
		if (!span_until_chr(&out2, '\n', &line)) {
			line = out2;
			out2.n = 0;
		}
		ptrdiff_t eq = span_index(line, " = ");
		if (!span_starts(line, "smtp/inet/") || eq < 10)
			continue;
		struct buf b = {0};
		buf_putspan(&b, span_make(line.p + 10, (size_t)eq - 10));
		buf_putc(&b, '=');
		buf_putspan(&b, span_skip(line, (size_t)eq + 3));
		buf_putc(&b, 0);
		pc->smtp_opt[pc->nsmtp_opt++] = b.p;
	}
	run_result_free(&rr);
}

/* postconf_get - a current value, NULL when unknown */
const char *postconf_get(const struct postconf *pc, const char *name)
{
	for (int i = 0; i < pc->n; i++)
		if (!strcmp(pc->name[i], name))
			return pc->value[i];
	return NULL;
}

/* postconf_free - the values */
void postconf_free(struct postconf *pc)
{
	for (int i = 0; i < pc->n; i++) {
		free(pc->name[i]);
		free(pc->value[i]);
	}
	for (int i = 0; i < pc->nsmtp; i++)
		free(pc->smtp_fields[i]);
	for (int i = 0; i < pc->nsmtp_opt; i++)
		free(pc->smtp_opt[i]);
}

/* split_words - a restriction list into words; {...} stays one word */
static int split_words(const char *s, char **w, int max)
{
	int n = 0;
	while (s && *s && n < max) {
		while (*s == ',' || *s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		const char *st = s;
		int depth = 0;
		while (*s && (depth > 0 || !(*s == ',' || *s == ' ' || *s == '\t' || *s == '\n'))) {
			if (*s == '{')
				depth++;
			else if (*s == '}' && depth > 0)
				depth--;
			s++;
		}
		w[n++] = xspandup(span_make(st, (size_t)(s - st)));
	}
	return n;
}

/* word_at - index of word in w[0..n), or -1 */
static int word_at(char **w, int n, const char *word)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(w[i], word))
			return i;
	return -1;
}

/* insert_word - w[pos] = word, the rest moved up */
static void insert_word(char **w, int *n, int pos, const char *word)
{
	if (*n >= LIST_MAX_WORDS)
		return;
	memmove(w + pos + 1, w + pos, (size_t)(*n - pos) * sizeof *w);
	w[pos] = xstrdup(word);
	(*n)++;
}

/* postconf_list_merge - the current restriction list with the wanted words added:
 * permit_mynetworks and permit_sasl_authenticated first, the others after
 * them (or at the very start with first); from[i] is replaced by to[i] */
char *postconf_list_merge(const char *cur, const char *const *want, bool first, const char *from,
		    const char *to, bool *unchanged)
{
	char *w[LIST_MAX_WORDS + 1];
	int n = split_words(cur, w, LIST_MAX_WORDS);
	*unchanged = true;
	if (from) {
		int i = word_at(w, n, from);
		if (i >= 0 && word_at(w, n, to) < 0) {
			free(w[i]);
			w[i] = xstrdup(to);
			*unchanged = false;
		}
	}
	int pos = 0;
	for (int k = 0; want[k]; k++) {
		int i = word_at(w, n, want[k]);
		if (!strcmp(want[k], "permit_mynetworks")) {
			if (i < 0) {
				insert_word(w, &n, 0, want[k]), *unchanged = false;
				i = 0;
			}
		} else if (!strcmp(want[k], "permit_sasl_authenticated")) {
			if (i < 0) {
				int m = word_at(w, n, "permit_mynetworks");
				insert_word(w, &n, m + 1, want[k]), *unchanged = false;
				i = m + 1;
			}
		} else if (i < 0) {
			if (!first && pos == 0) {
				int a = word_at(w, n, "permit_mynetworks");
				int b = word_at(w, n, "permit_sasl_authenticated");
				pos = (a > b ? a : b) + 1;
			}
			insert_word(w, &n, pos, want[k]), *unchanged = false;
			i = pos;
		}
		if (!first || strncmp(want[k], "permit_", 7) != 0)
			pos = i + 1 > pos ? i + 1 : pos;
	}
	struct buf b = {0};
	for (int i = 0; i < n; i++) {
		buf_printf(&b, "%s%s", i ? ", " : "", w[i]);
		free(w[i]);
	}
	buf_putc(&b, 0);
	return b.p;
}

/* refuses_users - a restriction that may refuse a logged-in user's mail
 * when it comes before permit_sasl_authenticated: blocklists, client and
 * HELO name checks, policy services and access tables */
static bool refuses_users(const char *w)
{
	static const char *const pre[] = {
	    "reject_rbl_client", "reject_rhsbl_", "reject_unknown_client_hostname",
	    "reject_unknown_reverse_client_hostname", "reject_invalid_helo_hostname",
	    "reject_non_fqdn_helo_hostname", "reject_unknown_helo_hostname", "check_policy_service",
	    "check_client_access", "check_helo_access", "check_reverse_client_hostname_access",
	    "check_client_a_access", "check_helo_a_access", "reject_unknown_sender_domain",
	};
	for (size_t i = 0; i < sizeof pre / sizeof *pre; i++)
		if (!strncmp(w, pre[i], strlen(pre[i])))
			return true;
	return false;
}

/* postconf_sasl_first - the restriction list with permit_sasl_authenticated
 * moved (or added) before its first check that may refuse a logged-in
 * user; unchanged when there is none before it */
char *postconf_sasl_first(const char *cur, bool *unchanged)
{
	char *w[LIST_MAX_WORDS + 1];
	int n = split_words(cur, w, LIST_MAX_WORDS);
	int ps = word_at(w, n, "permit_sasl_authenticated");
	int rc = -1;
	for (int i = 0; i < n && rc < 0; i++)
		if (refuses_users(w[i]))
			rc = i;
	*unchanged = rc < 0 || (ps >= 0 && ps < rc);
	if (!*unchanged) {
		if (ps >= 0) {
			free(w[ps]);
			memmove(w + ps, w + ps + 1, (size_t)(n - ps - 1) * sizeof *w);
			n--;
		}
		insert_word(w, &n, rc, "permit_sasl_authenticated");
	}
	/* a restriction's argument (a list name, a table, a socket) stays
	 * beside it: "reject_rbl_client zen.spamhaus.org" */
	struct buf b = {0};
	for (int i = 0; i < n; i++) {
		bool arg = i && strpbrk(w[i], ".:/=[{") != NULL;
		buf_printf(&b, "%s%s", !i ? "" : arg ? " " : ", ", w[i]);
		free(w[i]);
	}
	buf_putc(&b, 0);
	return b.p;
}
