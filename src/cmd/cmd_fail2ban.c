/*
 * cmd_fail2ban.c - "postsleuth fail2ban": fail2ban filters for the behaviours
 * in the log, each checked with the real fail2ban-regex on the same log:
 * its matches, address by address, must equal what postsleuth counted,
 * and it must match nothing of the clients postsleuth calls legitimate.
 *
 * Dry run by default: the files are printed; --output DIR writes them
 * under DIR/filter.d and DIR/jail.d.  Nothing is installed or reloaded.
 * fail2ban-regex runs without a shell, on the user's files (compressed
 * ones decompressed into a private scratch directory first); its output
 * is untrusted and every line must parse as an address.
 */
#include "cmd.h"
#include "../act/act.h"
#include "../input/source.h"
#include "../act/fail2ban_rules.h"
#include "../report/fail2ban_writers.h"
#include "../util/cidr.h"
#include "../util/i18n.h"
#include "../util/run.h"
#include "../util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef POSTSLEUTH_VERSION
#define POSTSLEUTH_VERSION "0.1.0"
#endif

#define F2B_COMMON "/etc/fail2ban/filter.d/common.conf"
#define F2B_COMMON_LOCAL "/etc/fail2ban/filter.d/common.local"

struct scratch {
	char *dir;
	char **files;           /* every file we made, removed at the end */
	int nfiles;
};

/* scratch_path - DIR/name, remembered for removal */
static char *scratch_path(struct scratch *s, const char *name)
{
	size_t n = strlen(s->dir) + strlen(name) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", s->dir, name);
	s->files = xrealloc(s->files, (size_t)(s->nfiles + 1) * sizeof *s->files);
	s->files[s->nfiles++] = p;
	return p;
}

/* write_file - create path exclusively (never through a symlink) with the
 * buffer's bytes; false with errno set on failure */
static bool write_file(const char *path, const struct buf *b, bool replace)
{
	int flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (replace ? O_TRUNC : O_EXCL);
	int fd = open(path, flags, 0644);
	if (fd < 0)
		return false;
	size_t off = 0;
	while (off < b->n) {
		ssize_t w = write(fd, b->p + off, b->n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = errno;
			close(fd);
			errno = e;
			return false;
		}
		off += (size_t)w;
	}
	return close(fd) == 0;
}

/* the reasons a check could not run are N_(): English in the JSON,
 * translated where the text prints them */

/* scratch_open - a private directory with filter.d/common.conf linked to
 * the system's (the one the filters will really be used with) */
static const char *scratch_open(struct scratch *s)
{
	if (access(F2B_COMMON, R_OK) != 0)
		return "no " F2B_COMMON " (is fail2ban installed?)";
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	size_t n = strlen(tmp) + 32;
	s->dir = xmalloc(n);
	snprintf(s->dir, n, "%s/postsleuth-f2b.XXXXXX", tmp);
	if (!mkdtemp(s->dir)) {
		free(s->dir);
		s->dir = NULL;
		return N_("cannot create a scratch directory");
	}
	char *fd = scratch_path(s, "filter.d");
	if (mkdir(fd, 0700) != 0)
		return N_("cannot create a scratch directory");
	if (symlink(F2B_COMMON, scratch_path(s, "filter.d/common.conf")) != 0)
		return N_("cannot link common.conf");
	if (access(F2B_COMMON_LOCAL, R_OK) == 0 &&
	    symlink(F2B_COMMON_LOCAL, scratch_path(s, "filter.d/common.local")) != 0)
		return N_("cannot link common.local");
	return NULL;
}

/* scratch_close - remove what we made, deepest first */
static void scratch_close(struct scratch *s)
{
	for (int i = s->nfiles - 1; i >= 0; i--) {
		if (unlink(s->files[i]) != 0)
			rmdir(s->files[i]);
		free(s->files[i]);
	}
	free(s->files);
	if (s->dir)
		rmdir(s->dir);
	free(s->dir);
}

/* plain_input - the input's path when fail2ban-regex can read it as it
 * is (a plain regular file), else a plain copy in the scratch directory
 * (decompressed, or what was kept of a pipe); NULL on failure */
static const char *plain_input(struct scratch *s, const struct feed_input *in, int i,
			       const char **why)
{
	if (in->journal) {
		*why = N_("journal files: export with journalctl -o short-iso first");
		return NULL;
	}
	if (in->spool && in->cut) {
		*why = N_("a piped input was longer than --spool-max (run on the file)");
		return NULL;
	}
	struct source *src = reread_open(in);
	if (!src || src->error) {
		*why = N_("an input cannot be read again");
		if (src)
			source_close(src);
		return NULL;
	}
	if (src->kind == SRC_PLAIN && in->regular) {
		source_close(src);
		return in->name;
	}
	char name[32];
	snprintf(name, sizeof name, "input-%d.log", i);
	char *out = scratch_path(s, name);
	int fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		source_close(src);
		*why = N_("cannot decompress an input into the scratch directory");
		return NULL;
	}
	char buf[1 << 16];
	ssize_t r;
	bool ok = true;
	while (ok && (r = source_read(src, buf, sizeof buf)) > 0)
		ok = write(fd, buf, (size_t)r) == r;
	if (src->error)
		ok = false;
	close(fd);
	source_close(src);
	if (!ok) {
		*why = N_("cannot decompress an input");
		return NULL;
	}
	return out;
}

struct job {
	const char *filter;     /* path of the filter in the scratch directory */
	struct f2b_alist hits;      /* what fail2ban-regex matched, per address */
	uint64_t garbage;       /* output lines that are not addresses */
	const char *error;
};

/* parse_hits - fail2ban-regex -o ip output into job->hits */
static void parse_hits(struct job *j, const struct buf *outb)
{
	struct span out = buf_span(outb), line;
	while (out.n) {
		if (!span_until_chr(&out, '\n', &line)) {
			line = out;
			out.n = 0;
		}
		line = span_trim(line);
		if (!line.n)
			continue;
		char tmp[CIDR_STRLEN];
		struct cidr a;
		if (line.n < sizeof tmp) {
			memcpy(tmp, line.p, line.n);
			tmp[line.n] = 0;
			if (cidr_addr(tmp, &a)) {
				f2b_alist_add(&j->hits, &a, 1);
				continue;
			}
		}
		j->garbage++;
	}
}

/* regex_batch - fail2ban-regex for every job on every input, in parallel
 * (one process per CPU); fills each job's hits or error */
static void regex_batch(struct job *jobs, size_t nj, const char *const *inputs, size_t ni)
{
	size_t n = nj * ni;
	const char *(*argv)[9] = xcalloc(n + 1, sizeof *argv);
	const char *const **argvp = xcalloc(n + 1, sizeof *argvp);
	struct run_result *rr = xcalloc(n + 1, sizeof *rr);
	for (size_t k = 0; k < n; k++) {
		const char *a[9] = {"fail2ban-regex", "-r", "--usedns=no", "-o", "ip", "--",
				    inputs[k % ni], jobs[k / ni].filter, NULL};
		memcpy(argv[k], a, sizeof a);
		argvp[k] = argv[k];
	}
	run_batch(argvp, rr, n, 0);
	for (size_t k = 0; k < n; k++) {
		struct job *j = &jobs[k / ni];
		if (rr[k].not_found)
			j->error = N_("fail2ban-regex not found");
		else if (rr[k].status != 0)
			j->error = N_("fail2ban-regex failed");
		else
			parse_hits(j, &rr[k].out);
		run_result_free(&rr[k]);
	}
	for (size_t i = 0; i < nj; i++)
		f2b_alist_fold(&jobs[i].hits);
	free(rr);
	free(argvp);
	free(argv);
}

/* make_dir - mkdir unless it exists as a directory */
static void make_dir(const char *path)
{
	struct stat st;
	if (mkdir(path, 0755) != 0 && (errno != EEXIST || lstat(path, &st) != 0 || !S_ISDIR(st.st_mode)))
		fatal(EXIT_ENV, _("cannot create directory %s: %s"), path, strerror(errno));
}

/* put_file - --output: write DIR/sub/name through a temporary file and
 * rename, never following a symlink; without --output: print it */
static void put_file(struct buf *out, const char *dir, const char *sub, const char *name,
		     const struct buf *content)
{
	if (!dir) {
		buf_printf(out, "==> %s/%s <==\n", sub, name);
		buf_put(out, content->p, content->n);
		buf_putc(out, '\n');
		return;
	}
	size_t n = strlen(dir) + strlen(sub) + strlen(name) + 16;
	char *path = xmalloc(n), *tmp = xmalloc(n + 8);
	snprintf(path, n, "%s/%s/%s", dir, sub, name);
	snprintf(tmp, n + 8, "%s/%s/.%s.tmp", dir, sub, name);
	unlink(tmp);
	if (!write_file(tmp, content, false) || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		fatal(EXIT_ENV, _("cannot write %s: %s"), path, strerror(e));
	}
	/* TRANSLATORS: the file written under --output (filter.d/NAME.conf) */
	buf_printf(out, _("wrote %s/%s\n"), sub, name);
	free(path);
	free(tmp);
}

/* tool_version - "fail2ban-regex 1.0.2", printable */
static void tool_version(char *out, size_t n)
{
	const char *argv[] = {"fail2ban-regex", "--version", NULL};
	struct run_result rr;
	run_prog(argv, &rr);
	snprintf(out, n, "fail2ban-regex");
	if (rr.status == 0 && rr.out.n) {
		struct span s = span_trim(buf_span(&rr.out));
		ptrdiff_t nl = span_chr(s, '\n');
		if (nl >= 0)
			s = span_head(s, (size_t)nl);
		struct buf b = {0};
		buf_term(&b, s);
		struct span t = span_cut(buf_span(&b), n - 1 < 60 ? n - 1 : 60);
		snprintf(out, n, "%.*s", (int)t.n, t.p);
		buf_free(&b);
	}
	run_result_free(&rr);
}

/* dot_filter - the filter often posted for "." probes, into the scratch dir */
static const char *dot_filter(struct scratch *s)
{
	struct buf f = {0};
	buf_puts(&f, "[INCLUDES]\nbefore = common.conf\n[Definition]\n"
		     "failregex = reject: RCPT from (.*)\\[<HOST>\\]: 502 5.5.2\n"
		     "            reject: RCPT from (.*)\\[<HOST>\\]: 500 5.5.2\n"
		     "ignoreregex =\n");
	char *path = scratch_path(s, "filter.d/dot-probe-postfix-syntax.conf");
	bool ok = write_file(path, &f, false);
	buf_free(&f);
	return ok ? path : NULL;
}

/* dot_filter_text - what fail2ban-regex made of it, and why */
static void dot_filter_text(struct buf *out, const struct job *j, uint64_t non_smtp,
			 uint64_t non_smtp_addrs, const char *unit)
{
	uint64_t total = 0;
	for (size_t i = 0; i < j->hits.n; i++)
		total += j->hits.v[i].n;
	if (j->error)
		buf_printf(out, _("The filter often posted for \".\" probes could not be checked: %s.\n"),
			   _(j->error));
	else {
		char a[64];
		snprintf(a, sizeof a, P_("%llu address", "%llu addresses", non_smtp_addrs),
			 (unsigned long long)non_smtp_addrs);
		/* TRANSLATORS: N matches, N, "sessions" or "lines", "N addresses";
		 * keep the line break (lines under 78 columns) */
		buf_printf(out,
			   P_("The filter often posted for \".\" probes: fail2ban-regex found %llu\n"
			      "match in this log, which holds %llu non-SMTP probe %s from %s.\n",
			      "The filter often posted for \".\" probes: fail2ban-regex found %llu\n"
			      "matches in this log, which holds %llu non-SMTP probe %s from %s.\n",
			      total),
			   (unsigned long long)total, (unsigned long long)non_smtp, unit, a);
	}
	f2b_dot_filter_why(out);
	buf_putc(out, '\n');
}

/* cmd_fail2ban - filters, verification table, files */
int cmd_fail2ban(struct opts *o)
{
	/* --since/--until are refused by main.c: the filters are checked
	 * against whole files */
	struct act_run r = {.reread = true};
	r.event_hook = f2b_count_event;
	int rc = cmd_act_run(&r, o);
	bool modern = r.sessions_with_stats > 0;
	size_t nf;
	const struct f2b_filter *fl = f2b_filters(&nf);
	struct f2b_check *checks = xcalloc(nf, sizeof *checks);
	size_t nc = 0;
	uint64_t unbannable = 0;        /* of behaviours with no bannable address at all */
	/* behaviours seen only from clients no filter may ban (an own
	 * user's mail client that did not log in before "Relay access
	 * denied", a Docker gateway's address): a filter would ban the
	 * admin's own users, or everyone behind the gateway, so none */
	struct f2b_check *own_only = xcalloc(nf, sizeof *own_only);
	size_t nown = 0;
	for (size_t i = 0; i < nf; i++) {
		if (!fl[i].any_version && fl[i].legacy == modern)
			continue;
		struct f2b_check *c = &checks[nc];
		c->f = &fl[i];
		uint64_t others = 0;    /* addresses not called legitimate */
		uint64_t own_lines = 0, own_addrs = 0; /* the own network's, not accused */
		for (size_t k = 0; k < r.a->nclist; k++) {
			const struct client *cl = r.a->clist[k];
			uint64_t v = act_kind(&r, cl, fl[i].kind);
			struct cidr a;
			if (v && !cidr_addr(client_addr(cl).s, &a)) {
				c->unbannable += v;     /* "unknown[]": no filter can ban it */
				continue;
			}
			if (v && !f2b_spared(cl->verdict) && f2b_client_spared(cl)) {
				own_lines += v; /* the jail's ignoreip (f2b_ignore_own) */
				own_addrs++;
				continue;
			}
			c->ours += v;
			c->addrs_ours += v > 0;
			others += v > 0 && !f2b_spared(cl->verdict);
			c->addrs_users += v > 0 && f2b_spared(cl->verdict);
			if (v > c->max_per_addr)
				c->max_per_addr = v;
		}
		if (!c->ours && own_addrs) {
			c->ours = own_lines;
			c->addrs_ours = own_addrs;
		}
		if (c->ours && !others) {
			own_only[nown++] = *c;
			memset(c, 0, sizeof *c);
		} else if (c->ours) {
			nc++;
		} else if (c->unbannable) {
			unbannable += c->unbannable;
		}
	}
	struct buf out = {0};
	buf_printf(&out, P_("postsleuth fail2ban: %zu filter for what this log shows; nothing was "
			    "installed.\n\n",
			    "postsleuth fail2ban: %zu filters for what this log shows; nothing was "
			    "installed.\n\n",
			    nc),
		   nc);
	if (!modern && r.sessions_without_stats)
		/* TRANSLATORS: keep lines under 78 columns */
		buf_puts(&out, _("This log's \"disconnect from\" lines carry no command counts (Postfix "
				 "before 3.0):\nthe filters match single lines instead of sessions, and "
				 "capability probes\ncannot be told from a single line.\n\n"));
	if (unbannable)
		buf_printf(&out, P_("%llu matching line without a client address (\"unknown[]\", as in "
				    "redacted logs):\nno filter can ban those.\n\n",
				    "%llu matching lines without a client address (\"unknown[]\", as in "
				    "redacted logs):\nno filter can ban those.\n\n",
				    unbannable),
			   (unsigned long long)unbannable);
	for (size_t i = 0; i < nown; i++) {
		/* TRANSLATORS: keep lines under 78 columns; %s is a filter's
		 * name, the second %s its unit ("refused RCPT commands") */
		buf_printf(&out, P_("No filter for %s:\n  its %llu %s come from %llu address that "
				    "postsleuth does not\n  accuse (its own users, or this server's own "
				    "network: a Docker\n  gateway stands for every client); banning would "
				    "shut out\n  legitimate senders.\n",
				    "No filter for %s:\n  its %llu %s come from %llu addresses that "
				    "postsleuth does not\n  accuse (its own users, or this server's own "
				    "network: a Docker\n  gateway stands for every client); banning would "
				    "shut out\n  legitimate senders.\n",
				    own_only[i].addrs_ours),
			   own_only[i].f->name, (unsigned long long)own_only[i].ours,
			   _(own_only[i].f->unit), (unsigned long long)own_only[i].addrs_ours);
		if (own_only[i].f->kind == F2B_RELAY && own_only[i].addrs_users)
			/* TRANSLATORS: keep lines under 78 columns */
			buf_puts(&out, _("  \"Relay access denied\" for a client that logs in elsewhere "
					 "is an own\n  user's mail program sending without logging in: set "
					 "it to port 587\n  with authentication.\n"));
		buf_putc(&out, '\n');
	}
	if (modern && r.sessions_without_stats)
		buf_printf(&out, P_("%llu sessions without command counts (Postfix before 3.0) are not "
				    "covered.\n\n",
				    "%llu sessions without command counts (Postfix before 3.0) are not "
				    "covered.\n\n",
				    r.sessions_without_stats),
			   (unsigned long long)r.sessions_without_stats);
	/* verification */
	struct scratch s = {0};
	const char *why = NULL;
	char tool[64] = "fail2ban-regex";
	const char **inputs = xcalloc((size_t)r.npaths + 1, sizeof *inputs);
	if (nc) {
		if (r.journal || r.npaths == 0)
			why = N_("the journal: export it with journalctl -o short-iso and run on the file");
		else if (!run_find("fail2ban-regex"))
			why = N_("fail2ban-regex is not installed (Debian: apt-get install fail2ban)");
		else
			why = scratch_open(&s);
		for (int i = 0; !why && i < r.npaths; i++)
			inputs[i] = (size_t)i < r.feed.ninputs ? plain_input(&s, &r.feed.inputs[i], i, &why)
							       : NULL;
		for (int i = 0; !why && i < r.npaths; i++)
			if (!inputs[i])
				why = N_("an input cannot be read again");
		if (!why)
			tool_version(tool, sizeof tool);
	}
	struct f2b_alist legit = {0}, own = {0};
	f2b_legit_list(&r, &legit);
	f2b_own_list(&r, &own);
	uint64_t ns = 0, na = 0;
	for (size_t k = 0; k < r.a->nclist; k++) {
		uint64_t v = act_kind(&r, r.a->clist[k], modern ? F2B_NON_SMTP : F2B_NON_SMTP_LINES);
		ns += v;
		na += v > 0;
	}
	/* one job per filter, and the "." probes' filter when there are non-SMTP probes */
	struct job *jobs = xcalloc(nc + 2, sizeof *jobs);
	size_t nj = 0;
	for (size_t i = 0; !why && i < nc; i++) {
		struct buf f = {0};
		f2b_filter_text(&f, checks[i].f, NULL, POSTSLEUTH_VERSION);
		char name[96];
		snprintf(name, sizeof name, "filter.d/%s.conf", checks[i].f->name);
		char *path = scratch_path(&s, name);
		if (!write_file(path, &f, false))
			why = N_("cannot write the filters into the scratch directory");
		jobs[nj++].filter = path;
		buf_free(&f);
	}
	const struct job *dot = NULL;
	if (!why && ns && (jobs[nj].filter = dot_filter(&s)) != NULL)
		dot = &jobs[nj++];
	if (!why && nj)
		regex_batch(jobs, nj, inputs, (size_t)r.npaths);
	bool all_ok = true;
	for (size_t i = 0; i < nc; i++) {
		struct f2b_check *c = &checks[i];
		c->error = why ? why : jobs[i].error;
		c->garbage = why ? 0 : jobs[i].garbage;
		if (!c->error) {
			struct f2b_alist ours = {0};
			f2b_ours_list(&r, c->f->kind, &ours);
			f2b_ignore_own(c, &ours, &own);
			f2b_ignore_own(c, &jobs[i].hits, &own);
			f2b_compare(c, &ours, &jobs[i].hits, &legit);
			free(ours.v);
		}
		all_ok &= c->verified;
	}
	if (nc) {
		f2b_table(&out, checks, nc, tool);
		buf_putc(&out, '\n');
		if (f2b_odd_tag()[0] && !all_ok)
			buf_printf(&out, _("This log tags smtpd lines \"%s\" (a syslog_name of your own?), which "
					   "the filters'\n_daemon (postfix[-name]/[service/]smtpd) does not "
					   "match: adjust _daemon.\n\n"),
				   f2b_odd_tag());
	} else if (!nown) {
		buf_puts(&out, _("No filter to write: this log has no capability probes, non-SMTP probes, "
				 "failed\nAUTH sessions or relay attempts that a filter could match and "
				 "ban.\n\n"));
	}
	if (dot)
		dot_filter_text(&out, dot, ns, na, modern ? _("sessions") : _("lines"));
	else if (ns)
		f2b_dot_filter_why(&out), buf_putc(&out, '\n');
	/* the files */
	struct buf *ftext = xcalloc(nc + 1, sizeof *ftext), jail = {0};
	if (nc) {
		if (o->output) {
			make_dir(o->output);
			size_t n = strlen(o->output) + 16;
			char *d = xmalloc(n);
			snprintf(d, n, "%s/filter.d", o->output);
			make_dir(d);
			snprintf(d, n, "%s/jail.d", o->output);
			make_dir(d);
			free(d);
		}
		for (size_t i = 0; i < nc; i++) {
			f2b_filter_text(&ftext[i], checks[i].f, checks[i].error ? NULL : &checks[i],
					POSTSLEUTH_VERSION);
			char name[96];
			snprintf(name, sizeof name, "%s.conf", checks[i].f->name);
			put_file(&out, o->output, "filter.d", name, &ftext[i]);
		}
		f2b_jail_text(&jail, checks, nc, POSTSLEUTH_VERSION);
		put_file(&out, o->output, "jail.d", "postsleuth.conf", &jail);
	}
	if (o->json) {
		/* the same facts as the text, which is dropped */
		struct f2b_doc doc = {
		    .version = POSTSLEUTH_VERSION, .tool = why ? NULL : tool, .checks = checks, .n = nc,
		    .filter_text = ftext, .jail_text = nc ? &jail : NULL, .output = o->output,
		    .legacy = !modern && r.sessions_without_stats, .unbannable = unbannable,
		    .sessions_without_counts = modern ? r.sessions_without_stats : 0,
		    .verified = all_ok, .dot_probes = ns, .dot_addresses = na,
		    .own_only = own_only, .nown = nown};
		if (dot && !dot->error) {
			doc.dot_checked = true;
			for (size_t i = 0; i < dot->hits.n; i++)
				doc.dot_matches += dot->hits.v[i].n;
		} else if (ns) {
			doc.dot_error = dot ? dot->error : why ? why : N_("the filter could not be written");
		}
		out.n = 0;
		f2b_json(&out, &doc);
	}
	for (size_t i = 0; i < nc; i++)
		buf_free(&ftext[i]);
	free(ftext);
	buf_free(&jail);
	buf_flush(&out, stdout);
	buf_free(&out);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, _("write error on standard output"));
	if (!all_ok)
		fprintf(stderr, "postsleuth: fail2ban: %s\n",
			why ? _("the filters could not be checked") : _("a filter did not verify"));
	for (size_t i = 0; i < nj; i++)
		free(jobs[i].hits.v);
	free(jobs);
	scratch_close(&s);
	free(inputs);
	free(legit.v);
	free(own.v);
	free(checks);
	free(own_only);
	cmd_analysis_note(r.a);
	act_free(&r);
	return all_ok ? rc : EXIT_UNVERIFIED;
}
