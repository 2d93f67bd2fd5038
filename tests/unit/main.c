/*
 * main.c - run every registered unit test case; print each failure and
 * the summary line "N passed, N failed".  Exit 1 on any failure.
 */
#include "tap.h"

#include <stdarg.h>
#include <stdlib.h>

struct tcase {
	const char *name;
	void (*fn)(void);
};

static struct tcase cases[4096];
static int ncases;
static int failures_in_case;

/* test_register - called from TEST()'s constructor */
void test_register(const char *name, void (*fn)(void))
{
	if (ncases < (int)(sizeof cases / sizeof cases[0]))
		cases[ncases++] = (struct tcase){name, fn};
}

/* test_fail - record one failed check */
void test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "  %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	failures_in_case++;
}

/* by_name - stable order */
static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct tcase *)a)->name, ((const struct tcase *)b)->name);
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	qsort(cases, (size_t)ncases, sizeof cases[0], by_name);
	for (int i = 0; i < ncases; i++) {
		if (argc > 1 && !strstr(cases[i].name, argv[1]))
			continue;
		failures_in_case = 0;
		cases[i].fn();
		if (failures_in_case) {
			fprintf(stderr, "FAIL %s\n", cases[i].name);
			failed++;
		} else {
			passed++;
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
