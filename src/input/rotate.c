/*
 * rotate.c - turn the command line's inputs into an ordered file list:
 * directories are expanded to the mail logs in them, and each rotated
 * set (mail.log.3.gz mail.log.2.gz mail.log.1 mail.log, or dated
 * mail.log-20261120) is put in time order, oldest first, whatever order
 * it was named in.  With no inputs: /var/log/mail.log and its rotations,
 * then /var/log/maillog, else the systemd journal.
 */
#include "feed.h"
#include "../util/xalloc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct rot {
	char *path;
	char *base;     /* path without compression and rotation suffixes */
	long index;     /* .N rotation number; 0 for the live file */
	long date;      /* -YYYYMMDD suffix, 0 if none */
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

/* classify - base name, rotation index and date of a path */
static void classify(struct rot *r)
{
	char *b = xstrdup(r->path);
	if (!strip_suffix(b, ".gz") && !strip_suffix(b, ".xz") && !strip_suffix(b, ".zst"))
		strip_suffix(b, ".bz2");
	r->index = 0;
	r->date = 0;
	char *dot = strrchr(b, '.');
	char *slash = strrchr(b, '/');
	if (dot && (!slash || dot > slash) && dot[1]) {
		char *end;
		long v = strtol(dot + 1, &end, 10);
		if (!*end && v >= 0) {
			r->index = v + 1; /* explicit .0 sorts after .1, before the live file */
			*dot = 0;
		}
	}
	char *dash = strrchr(b, '-');
	if (r->index == 0 && dash && (!slash || dash > slash) && strlen(dash + 1) == 8) {
		char *end;
		long v = strtol(dash + 1, &end, 10);
		if (!*end && v > 19700000) {
			r->date = v;
			*dash = 0;
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

/* looks_like_mail_log - names taken from a directory */
static bool looks_like_mail_log(const char *name)
{
	return strncmp(name, "mail.log", 8) == 0 || strncmp(name, "maillog", 7) == 0 ||
	       strncmp(name, "mail.info", 9) == 0 || strncmp(name, "postfix.log", 11) == 0 ||
	       strncmp(name, "mail-", 5) == 0;
}

/* add_dir - the mail logs inside a directory */
static void add_dir(const char *dir, char ***list, int *n, int *cap)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (*n == *cap) {
			*cap *= 2;
			*list = xrealloc(*list, (size_t)*cap * sizeof **list);
		}
		(*list)[(*n)++] = xstrdup(dir); /* let the reader report it */
		return;
	}
	struct dirent *e;
	int before = *n;
	while ((e = readdir(d))) {
		if (!looks_like_mail_log(e->d_name))
			continue;
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		char *p = xmalloc(len);
		snprintf(p, len, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		if (*n == *cap) {
			*cap *= 2;
			*list = xrealloc(*list, (size_t)*cap * sizeof **list);
		}
		(*list)[(*n)++] = p;
	}
	closedir(d);
	if (*n == before) {
		/* no mail log in it: the reader says so, rather than nothing */
		if (*n == *cap) {
			*cap *= 2;
			*list = xrealloc(*list, (size_t)*cap * sizeof **list);
		}
		(*list)[(*n)++] = xstrdup(dir);
	}
}

/* feed_expand - ordered list of files; *use_journal when none given/found */
char **feed_expand(char **args, int nargs, int *nout, bool *use_journal)
{
	int cap = 16 + nargs, n = 0;
	char **list = xmalloc((size_t)cap * sizeof *list);
	*use_journal = false;
	if (nargs == 0) {
		struct stat st;
		if (stat("/var/log/mail.log", &st) == 0 || stat("/var/log/maillog", &st) == 0) {
			add_dir("/var/log", &list, &n, &cap);
		} else if (feed_journal_available()) {
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
