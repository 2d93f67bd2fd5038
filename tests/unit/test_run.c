/* test_run.c - helpers run without a shell of ours, their output kept,
 * and a time limit that really ends a hung helper (util/run.c). */
#include "tap.h"
#include "util/run.h"

#include <time.h>

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

TEST(run_input_and_output)
{
	const char *const argv[] = {"sh", "-c", "read x; printf 'got %s' \"$x\"; echo oops >&2; exit 3",
				    NULL};
	struct run_result r;
	run_prog_input_timeout(argv, "hello\n", 6, 5000, &r);
	CHECK_INT(r.status, 3);
	CHECK(!r.timed_out);
	CHECK_INT(r.out.n, 9);
	CHECK(r.out.n == 9 && !memcmp(r.out.p, "got hello", 9));
	CHECK(r.err.n == 5 && !memcmp(r.err.p, "oops\n", 5));
	run_result_free(&r);
}

TEST(run_not_installed)
{
	const char *const argv[] = {"postsleuth-no-such-program", NULL};
	struct run_result r;
	run_prog_input_timeout(argv, "", 0, 5000, &r);
	CHECK(r.not_found);
	CHECK_INT(r.status, 127);
	run_result_free(&r);
}

/* a helper that hangs is ended by SIGTERM at its limit */
TEST(run_timeout_terminates)
{
	const char *const argv[] = {"sh", "-c", "exec sleep 60", NULL};
	struct run_result r;
	double t0 = now_s();
	run_prog_input_timeout(argv, "", 0, 200, &r);
	CHECK(r.timed_out);
	CHECK_INT(r.status, 128 + 15);
	CHECK(now_s() - t0 < 30);       /* not the helper's 60 s */
	run_result_free(&r);
}

/* one that ignores SIGTERM gets SIGKILL after the grace period */
TEST(run_timeout_kills_what_ignores_term)
{
	const char *const argv[] = {"sh", "-c", "trap '' TERM; exec sleep 60", NULL};
	struct run_result r;
	double t0 = now_s();
	run_prog_input_timeout(argv, "", 0, 200, &r);
	CHECK(r.timed_out);
	CHECK_INT(r.status, 128 + 9);
	CHECK(now_s() - t0 < 30);
	run_result_free(&r);
}

/* one that closes its output early but finishes in time is waited for,
 * not killed */
TEST(run_closed_output_still_waited)
{
	const char *const argv[] = {"sh", "-c", "exec >&- 2>&-; sleep 0.3; exit 4", NULL};
	struct run_result r;
	run_prog_input_timeout(argv, "", 0, 20000, &r);
	CHECK(!r.timed_out);
	CHECK_INT(r.status, 4);
	run_result_free(&r);
}
