/*
 * metrics.h - the watcher's numbers in the Prometheus text exposition
 * format, as a file for node_exporter's textfile collector (written to
 * a temporary file and renamed: a scrape never sees half of it).
 *
 * The counters come from the state (state_counters: they survive
 * restarts) under names "family" or "family:label-value"; METRICS in
 * metrics.c maps each family to its metric name, label and help.
 */
#ifndef POSTSLEUTH_METRICS_H
#define POSTSLEUTH_METRICS_H

#include <stdbool.h>
#include "state.h"

struct metrics_gauges {
	double lag_seconds;     /* wall clock minus the time of the last line read */
	bool have_lag;
	uint64_t clients, accounts;     /* records in memory */
	uint64_t rotations;
};

/* an existing file that is not a metrics textfile (watch refuses it) */
bool metrics_foreign(const char *path);
bool metrics_write(const char *path, const struct state_counter *c, size_t n,
		   const struct metrics_gauges *g, char **err);
void metrics_text(struct buf *b, const struct state_counter *c, size_t n,
		  const struct metrics_gauges *g);

#endif
