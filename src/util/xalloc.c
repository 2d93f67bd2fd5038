/*
 * xalloc.c - checked allocation and fatal/warning messages on stderr.
 */
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *progname = "postsleuth";

/* oom - allocation failure is an environment error */
static void oom(size_t n)
{
	fatal(EXIT_ENV, "out of memory allocating %zu bytes", n);
}

/* xmalloc - malloc or exit */
void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

/* xcalloc - zeroed allocation or exit */
void *xcalloc(size_t k, size_t n)
{
	void *p = calloc(k ? k : 1, n ? n : 1);
	if (!p)
		oom(k * n);
	return p;
}

/* xrealloc - realloc or exit */
void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

/* xgrow_bytes - a byte array by record number (p, *cap bytes) made to
 * hold index i: doubled from first (or its size) until it does, the new
 * bytes zero */
uint8_t *xgrow_bytes(uint8_t *p, size_t *cap, size_t i, size_t first)
{
	if (i < *cap)
		return p;
	size_t n = *cap ? *cap : first;
	while (n <= i)
		n *= 2;
	p = xrealloc(p, n);
	memset(p + *cap, 0, n - *cap);
	*cap = n;
	return p;
}

/* xstrdup - strdup or exit */
char *xstrdup(const char *s)
{
	size_t n = strlen(s);
	char *d = xmalloc(n + 1);
	memcpy(d, s, n + 1);
	return d;
}

/* xspandup - a NUL-terminated heap copy of a span */
char *xspandup(struct span s)
{
	char *d = xmalloc(s.n + 1);
	if (s.n)
		memcpy(d, s.p, s.n);
	d[s.n] = 0;
	return d;
}

/* fatal - print "postsleuth: msg" and exit with code */
void fatal(int code, const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

/* warnx_ - print "postsleuth: msg" and go on */
void warnx_(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* zero - memset(p, 0, n), always libc's: GCC turns a fixed-size memset of
 * a few hundred bytes into "rep stos", whose start-up costs more than the
 * whole vector memset.  The hot per-line resets (the event, the syslog
 * line) go through here. */
__attribute__((noinline)) void zero(void *p, size_t n)
{
	memset(p, 0, n);
}
