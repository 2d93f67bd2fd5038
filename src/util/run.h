/*
 * run.h - run a helper program (postconf, fail2ban-regex) directly,
 * never through a shell, and collect what it prints.
 *
 * Arguments are passed as an argv vector, so nothing in them (file
 * names, parameter names) is ever interpreted by a shell.  The output
 * is untrusted text like any log line.
 */
#ifndef POSTSLEUTH_RUN_H
#define POSTSLEUTH_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"

#define RUN_MAX_OUTPUT (64u << 20)   /* keep at most this much of each stream */

struct run_result {
	int status;             /* exit status; -1 not started, 128+N killed by signal N */
	bool not_found;         /* the program is not installed (exec failed: ENOENT) */
	bool timed_out;         /* killed at its time limit (run_prog_input_timeout) */
	struct buf out, err;
};

bool run_find(const char *prog);
void run_prog(const char *const argv[], struct run_result *r);
void run_batch(const char *const *const argv[], struct run_result r[], size_t n, size_t max);
void run_prog_input(const char *const argv[], const void *input, size_t n, struct run_result *r);
void run_prog_input_timeout(const char *const argv[], const void *input, size_t n, int timeout_ms,
			    struct run_result *r);
void run_result_free(struct run_result *r);

#endif
