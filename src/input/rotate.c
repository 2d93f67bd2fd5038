/*
 * rotate.c - turn the command line's inputs into an ordered file list:
 * directories are expanded to the mail logs in them, and each rotated
 * set (mail.log.3.gz mail.log.2.gz mail.log.1 mail.log, dated
 * mail.log-20261120, or Postfix's own postfix.log.20261121-101010.gz) is
 * put in time order, oldest first, whatever order it was named in.  A
 * file named twice (a symbolic link beside its target) is read once.
 * With no inputs: /var/log/mail.log and its rotations, then
 * /var/log/maillog, else the systemd journal.
 */
#include "rotate.h"
#include "../util/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct rot {
	char *path;
	char *base;     /* path without compression and rotation suffixes */
	long index;     /* .N rotation number; 0 for the live file */
	int64_t date;   /* YYYYMMDDhhmmss of a dated suffix, 0 if none */
	int order;      /* position of the set's first mention */
};

/* strip_suffix - remove sfx from the end of s if present */
static bool strip_suffix(char *s, const char *sfx)
{
	size_t n = strlen(s), k = strlen(sfx);
	if (n > k && strcmp(s + n - k, sfx) == 0) {
		s[n - k] = 0;
		return true;
	}
	return false;
}

/* digits - the value of p[0..n) if all decimal digits, else -1 */
static int64_t digits(const char *p, size_t n)
{
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* date_suffix - YYYYMMDDhhmmss of a rotation date after a '.' or '-':
 * "YYYYMMDD" (logrotate's dateext), "YYYYMMDDhh", "YYYYMMDD-hhmmss"
 * (Postfix's maillog_file_rotate_suffix, %Y%m%d-%H%M%S); 0 if s is not one */
static int64_t date_suffix(const char *s)
{
	size_t n = strlen(s);
	int64_t d = n >= 8 ? digits(s, 8) : -1;
	if (d < 0 || d / 10000 < 1970 || d / 100 % 100 < 1 || d / 100 % 100 > 12 || d % 100 < 1 ||
	    d % 100 > 31)
		return 0;
	const char *t = s + 8;
	if (*t == '-')
		t++;
	size_t k = strlen(t);
	int64_t hms = k == 0 ? 0 : k == 2 || k == 4 || k == 6 ? digits(t, k) : -1;
	if (hms < 0 || (t > s + 8 && k != 6))
		return 0;
	for (; k < 6; k += 2)
		hms *= 100;
	return d * 1000000 + hms;
}

/* classify - base name, rotation index and date of a path */
static void classify(struct rot *r)
{
	char *b = xstrdup(r->path);
	if (!strip_suffix(b, ".gz") && !strip_suffix(b, ".xz") && !strip_suffix(b, ".zst"))
		strip_suffix(b, ".bz2");
	r->index = 0;
	r->date = 0;
	char *slash = strrchr(b, '/');
	char *name = slash ? slash + 1 : b;
	/* a dated suffix: the last '.' or '-' that starts one */
	for (char *p = b + strlen(b); p > name; p--) {
		if ((p[-1] == '.' || p[-1] == '-') && p - 1 > name && (r->date = date_suffix(p))) {
			p[-1] = 0;
			break;
		}
	}
	char *dot = strrchr(name, '.');
	if (!r->date && dot && dot[1]) {
		char *end;
		long v = strtol(dot + 1, &end, 10);
		if (!*end && v >= 0 && dot[1] != '-' && dot[1] != '+') {
			r->index = v + 1; /* explicit .0 sorts after .1, before the live file */
			*dot = 0;
		}
	}
	r->base = b;
}

/* rot_cmp - sets by first mention; inside a set oldest first */
static int rot_cmp(const void *a, const void *b)
{
	const struct rot *x = a, *y = b;
	if (x->order != y->order)
		return x->order - y->order;
	/* dated files: older dates first; the undated live file last */
	if (x->date != y->date) {
		if (!x->date)
			return 1;
		if (!y->date)
			return -1;
		return x->date < y->date ? -1 : 1;
	}
	if (x->index != y->index)
		return x->index > y->index ? -1 : 1; /* .3 before .2 before .1 before live */
	return strcmp(x->path, y->path);
}

/* looks_like_mail_log - names taken from a directory (scandir filter) */
static int looks_like_mail_log(const struct dirent *e)
{
	const char *name = e->d_name;
	return strncmp(name, "mail.log", 8) == 0 || strncmp(name, "maillog", 7) == 0 ||
	       strncmp(name, "mail.info", 9) == 0 || strncmp(name, "postfix.log", 11) == 0 ||
	       strncmp(name, "mail-", 5) == 0;
}

/* add_dir - the mail logs inside a directory, looked at in name order */
static void add_dir(const char *dir, char ***list, int *n, int *cap)
{
	struct dirent **names;
	int nnames = scandir(dir, &names, looks_like_mail_log, alphasort);
	if (nnames < 0) {
		if (*n == *cap) {
			*cap *= 2;
			*list = xrealloc(*list, (size_t)*cap * sizeof **list);
		}
		(*list)[(*n)++] = xstrdup(dir); /* let the reader report it */
		return;
	}
	int before = *n;
	for (int k = 0; k < nnames; k++) {
		struct dirent *e = names[k];
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		char *p = xmalloc(len);
		snprintf(p, len, "%s/%s", dir, e->d_name);
		free(e);
		struct stat st, lst;
		if (stat(p, &st) != 0) {
			/* a rotation that is not there is worth a word */
			int err = errno;
			bool link = lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode);
			warnx_("%s: %s, skipped", p,
			       link && err == ENOENT ? "a dangling symbolic link"
			       : link && err == ELOOP ? "a symbolic link in a loop" : strerror(err));
			free(p);
			continue;
		}
		if (!S_ISREG(st.st_mode)) {
			if (!S_ISDIR(st.st_mode))
				warnx_("%s: not a regular file, skipped", p);
			free(p);
			continue;
		}
		if (*n == *cap) {
			*cap *= 2;
			*list = xrealloc(*list, (size_t)*cap * sizeof **list);
		}
		(*list)[(*n)++] = p;
	}
	free(names);
	if (*n == before) {
		/* no mail log in it: the reader says so, rather than nothing */
		if (*n == *cap) {
			*cap *= 2;
			*list = xrealloc(*list, (size_t)*cap * sizeof **list);
		}
		(*list)[(*n)++] = xstrdup(dir);
	}
}

struct file_id {
	dev_t dev;
	ino_t ino;
	bool regular, link;
};

/* dedupe - a regular file named twice (a symbolic link beside its target,
 * a name given twice) is read once, under the name that is not a link */
static int dedupe(char **list, int n)
{
	struct file_id *id = xcalloc((size_t)n + 1, sizeof *id);
	int m = 0;
	for (int i = 0; i < n; i++) {
		struct stat st, lst;
		struct file_id me = {0};
		if (strcmp(list[i], "-") != 0 && stat(list[i], &st) == 0 && S_ISREG(st.st_mode))
			me = (struct file_id){st.st_dev, st.st_ino, true,
					      lstat(list[i], &lst) == 0 && S_ISLNK(lst.st_mode)};
		int j = 0;
		while (me.regular && j < m && !(id[j].regular && id[j].dev == me.dev && id[j].ino == me.ino))
			j++;
		if (!me.regular || j == m) {
			list[m] = list[i];
			id[m++] = me;
			continue;
		}
		char *drop = list[i];
		if (id[j].link && !me.link) {
			drop = list[j];
			list[j] = list[i];
			id[j] = me;
		}
		warnx_("%s: the same file as %s, read once", drop, list[j]);
		free(drop);
	}
	free(id);
	return m;
}

/* rotate_expand - ordered list of files; *use_journal when none given/found */
char **rotate_expand(char **args, int nargs, int *nout, bool *use_journal, bool (*have_journal)(void))
{
	int cap = 16 + nargs, n = 0;
	char **list = xmalloc((size_t)cap * sizeof *list);
	*use_journal = false;
	if (nargs == 0) {
		struct stat st;
		if (stat("/var/log/mail.log", &st) == 0 || stat("/var/log/maillog", &st) == 0) {
			add_dir("/var/log", &list, &n, &cap);
		} else if (have_journal()) {
			*use_journal = true;
		} else {
			list[n++] = xstrdup("/var/log/mail.log");
		}
	}
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			add_dir(args[i], &list, &n, &cap);
			continue;
		}
		if (n + 1 >= cap) {
			cap *= 2;
			list = xrealloc(list, (size_t)cap * sizeof *list);
		}
		list[n++] = xstrdup(args[i]);
	}
	n = dedupe(list, n);
	struct rot *r = xcalloc((size_t)n + 1, sizeof *r);
	int nsets = 0;
	for (int i = 0; i < n; i++) {
		r[i].path = list[i];
		classify(&r[i]);
		r[i].order = nsets;
		for (int j = 0; j < i; j++)
			if (strcmp(r[j].base, r[i].base) == 0) {
				r[i].order = r[j].order;
				break;
			}
		if (r[i].order == nsets)
			nsets++;
	}
	qsort(r, (size_t)n, sizeof *r, rot_cmp);
	for (int i = 0; i < n; i++) {
		list[i] = r[i].path;
		free(r[i].base);
	}
	free(r);
	*nout = n;
	return list;
}
