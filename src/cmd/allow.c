/*
 * allow.c - the networks a ban must never touch: --allow, Postfix's
 * mynetworks (as postconf reports it) and the special ranges (loopback,
 * link-local, multicast...), each with where it came from; shared by
 * "ban" and "watch".
 */
#include "allow.h"
#include "../util/buf.h"
#include "../util/run.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* nets_add - one network with its origin */
void nets_add(struct nets *s, const struct cidr *c, const char *why)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->why = xrealloc(s->why, (s->n + 1) * sizeof *s->why);
	s->v[s->n] = *c;
	s->why[s->n] = xstrdup(why);
	s->n++;
}

/* nets_hit - the first network containing or overlapping c, or -1 */
ptrdiff_t nets_hit(const struct nets *s, const struct cidr *c)
{
	for (size_t i = 0; i < s->n; i++)
		if (cidr_overlaps(&s->v[i], c))
			return (ptrdiff_t)i;
	return -1;
}

/* nets_free - the list */
void nets_free(struct nets *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->why[i]);
	free(s->v);
	free(s->why);
}

/* mynetworks - the networks "postconf -xh mynetworks" reports, when
 * postconf is installed; tables and names cannot be read and are said so */
void mynetworks(struct nets *allow, const char *cmd)
{
	if (!run_find("postconf")) {
		fprintf(stderr, "postsleuth: %s: postconf not found: mynetworks not read (use --allow "
				"for your own networks)\n",
			cmd);
		return;
	}
	const char *argv[] = {"postconf", "-xh", "mynetworks", NULL};
	struct run_result rr;
	run_prog(argv, &rr);
	if (rr.status != 0) {
		fprintf(stderr, "postsleuth: %s: postconf -xh mynetworks failed: mynetworks not read "
				"(use --allow for your own networks)\n",
			cmd);
		run_result_free(&rr);
		return;
	}
	buf_putc(&rr.out, 0);
	char *p = rr.out.p;
	while (*p) {
		size_t k = strcspn(p, ", \t\r\n");
		if (k) {
			char tok[128];
			struct cidr c;
			bool host;
			snprintf(tok, sizeof tok, "%.*s", (int)(k < 127 ? k : 127), p);
			if (k < sizeof tok && cidr_parse(tok, &c, &host)) {
				nets_add(allow, &c, "mynetworks");
			} else {
				struct buf b = {0};
				buf_term(&b, span_cut(span_make(p, k), 80));
				fprintf(stderr, "postsleuth: %s: mynetworks entry \"%.*s\" is not an address "
						"or network (a table?): not read; pass those networks with "
						"--allow\n",
					cmd, (int)b.n, b.p);
				buf_free(&b);
			}
		}
		p += k;
		while (*p == ',' || *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
	}
	run_result_free(&rr);
}

/* special_nets - the ranges cidr_special() knows, for overlap tests */
void special_nets(struct nets *s)
{
	static const char *const nets[] = {"127.0.0.0/8", "::1/128", "0.0.0.0/8", "::/128",
					   "169.254.0.0/16", "fe80::/10", "224.0.0.0/4", "ff00::/8",
					   "255.255.255.255/32", NULL};
	for (int i = 0; nets[i]; i++) {
		struct cidr c;
		if (cidr_parse(nets[i], &c, NULL))
			nets_add(s, &c, nets[i]);
	}
}

