/*
 * xalloc.h - allocation that never fails from the caller's view, and
 * the fatal-error exits.
 *
 * Out of memory is an environment failure: we print and exit(3).  Broken
 * invariants abort via assert-like panic().
 */
#ifndef POSTSLEUTH_XALLOC_H
#define POSTSLEUTH_XALLOC_H

#include <stddef.h>
#include <stdint.h>
#include "span.h"

#define EXIT_USAGE 2
#define EXIT_INPUT 1
#define EXIT_ENV 3

void *xmalloc(size_t n);
void *xcalloc(size_t k, size_t n);
void *xrealloc(void *p, size_t n);
uint8_t *xgrow_bytes(uint8_t *p, size_t *cap, size_t i, size_t first);
char *xstrdup(const char *s);
char *xspandup(struct span s);
void zero(void *p, size_t n);
void fatal(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
void warnx_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern const char *progname;

#endif
