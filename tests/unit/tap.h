/*
 * tap.h - the unit test harness: TEST() registers a case, CHECK* record
 * failures with "got X, want Y" messages.  tests/unit/main.c runs every
 * case and prints "N passed, N failed".
 */
#ifndef POSTSLEUTH_TAP_H
#define POSTSLEUTH_TAP_H

#include <stdio.h>
#include <string.h>
#include "util/span.h"

#include <stdint.h>

/* tap_rnd - xorshift64: the equivalence tests' random numbers, the same
 * on every run */
static inline uint64_t tap_rnd(uint64_t *s)
{
	*s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17;
	return *s;
}

/* tap_parts - k parts drawn from parts[0..nparts) appended to t[*n..cap)
 * (up to the first that does not fit); a part that starts with a NUL
 * ("\0") stands for that one byte */
static inline void tap_parts(char *t, size_t *n, size_t cap, const char *const *parts, size_t nparts,
			     int k, uint64_t *s)
{
	for (; k > 0; k--) {
		size_t w = tap_rnd(s) % nparts;
		size_t pn = parts[w][0] ? strlen(parts[w]) : 1;
		if (*n + pn > cap)
			break;
		memcpy(t + *n, parts[w], pn);
		*n += pn;
	}
}

void test_register(const char *name, void (*fn)(void));
void test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define TEST(name)                                                              \
	static void name(void);                                                 \
	__attribute__((constructor)) static void reg_##name(void)               \
	{                                                                       \
		test_register(#name, name);                                     \
	}                                                                       \
	static void name(void)

#define CHECK(cond)                                                             \
	do {                                                                    \
		if (!(cond))                                                    \
			test_fail(__FILE__, __LINE__, "check failed: %s", #cond); \
	} while (0)

#define CHECK_INT(got, want)                                                    \
	do {                                                                    \
		long long g_ = (long long)(got), w_ = (long long)(want);        \
		if (g_ != w_)                                                   \
			test_fail(__FILE__, __LINE__, "%s: got %lld, want %lld", #got, g_, w_); \
	} while (0)

#define CHECK_STR(got, want)                                                    \
	do {                                                                    \
		const char *g_ = (got), *w_ = (want);                           \
		if ((g_ == NULL) != (w_ == NULL) || (g_ && strcmp(g_, w_)))     \
			test_fail(__FILE__, __LINE__, "%s: got \"%s\", want \"%s\"", #got, \
				  g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	} while (0)

/* CHECK_SPAN - want NULL means "unset" */
#define CHECK_SPAN(got, want)                                                   \
	do {                                                                    \
		struct span g_ = (got);                                         \
		const char *w_ = (want);                                        \
		if (w_ == NULL ? g_.p != NULL : (!g_.p || !span_eqs(g_, w_)))   \
			test_fail(__FILE__, __LINE__, "%s: got \"%.*s\"%s, want \"%s\"", #got, \
				  (int)(g_.p ? g_.n : 0), g_.p ? g_.p : "", g_.p ? "" : "(unset)", \
				  w_ ? w_ : "(unset)");                           \
	} while (0)

#endif
