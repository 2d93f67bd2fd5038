/*
 * metrics.c - Prometheus text exposition of the watcher's counters and
 * gauges, named as the Postfix exporters name theirs (a namespace, the
 * subsystem, the unit, "_total" for counters).
 */
#include "metrics.h"
#include "../util/buf.h"
#include "../util/file_head.h"
#include "../util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* state counter family -> metric */
#define METRICS(X)                                                                               \
	X("lines", "postsleuth_lines_total", NULL, "Log lines read and counted.")                   \
	X("verdict", "postsleuth_clients_total", "verdict",                                        \
	  "Client addresses that reached a verdict, by verdict.")                                  \
	X("finding", "postsleuth_findings_total", "finding",                                       \
	  "Log lines showing one of the server's own problems, by finding.")                       \
	X("ban", "postsleuth_bans_total", "verdict",                                               \
	  "Addresses banned (or, in dry run, that would be), by verdict.")                          \
	X("ban_error", "postsleuth_ban_errors_total", NULL, "Ban commands that failed.")           \
	X("hook_error", "postsleuth_hook_errors_total", NULL, "Hook commands that failed.")       \
	X("alert", "postsleuth_account_alerts_total", NULL, "Accounts alerted on as compromised.")

static const struct {
	const char *family, *metric, *label, *help;
} metrics[] = {
#define X(f, m, l, h) {f, m, l, h},
    METRICS(X)
#undef X
};
#define NMETRICS (sizeof metrics / sizeof metrics[0])

/* label_value - a label value: our own ids, but escape as the format says */
static void label_value(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			buf_putc(b, '\\'), buf_putc(b, *s);
		else if (*s == '\n')
			buf_puts(b, "\\n");
		else
			buf_putc(b, *s);
	}
}

/* metrics_text - the whole exposition */
void metrics_text(struct buf *b, const struct state_counter *c, size_t n,
		  const struct metrics_gauges *g)
{
	for (size_t m = 0; m < NMETRICS; m++) {
		size_t fl = strlen(metrics[m].family);
		buf_printf(b, "# HELP %s %s\n# TYPE %s counter\n", metrics[m].metric, metrics[m].help,
			   metrics[m].metric);
		bool any = false;
		for (size_t i = 0; i < n; i++) {
			const char *name = c[i].name;
			if (strncmp(name, metrics[m].family, fl) != 0)
				continue;
			if (metrics[m].label && name[fl] == ':') {
				buf_printf(b, "%s{%s=\"", metrics[m].metric, metrics[m].label);
				label_value(b, name + fl + 1);
				buf_printf(b, "\"} %llu\n", (unsigned long long)c[i].value);
				any = true;
			} else if (!metrics[m].label && !name[fl]) {
				buf_printf(b, "%s %llu\n", metrics[m].metric, (unsigned long long)c[i].value);
				any = true;
			}
		}
		if (!any && !metrics[m].label)
			buf_printf(b, "%s 0\n", metrics[m].metric);
	}
	buf_puts(b, "# HELP postsleuth_follow_lag_seconds Wall clock minus the time of the last line read.\n"
		    "# TYPE postsleuth_follow_lag_seconds gauge\n");
	if (g->have_lag)
		buf_printf(b, "postsleuth_follow_lag_seconds %.3f\n", g->lag_seconds);
	buf_printf(b, "# HELP postsleuth_follow_rotations_total Rotations and truncations of the log "
		      "followed since start.\n"
		      "# TYPE postsleuth_follow_rotations_total counter\n"
		      "postsleuth_follow_rotations_total %llu\n"
		      "# HELP postsleuth_tracked_clients Client address records held.\n"
		      "# TYPE postsleuth_tracked_clients gauge\n"
		      "postsleuth_tracked_clients %llu\n"
		      "# HELP postsleuth_tracked_accounts SASL account records held.\n"
		      "# TYPE postsleuth_tracked_accounts gauge\n"
		      "postsleuth_tracked_accounts %llu\n",
		   (unsigned long long)g->rotations, (unsigned long long)g->clients,
		   (unsigned long long)g->accounts);
}

/* metrics_foreign - an existing regular file with something in it that
 * is not a metrics textfile (its first byte neither '#' nor the start of
 * a postsleuth_ metric): the log itself, say, that metrics_write's
 * rename would replace */
bool metrics_foreign(const char *path)
{
	static const char *const ours[] = {"#", "postsleuth_"};
	return file_head_foreign(path, ours, sizeof ours / sizeof *ours);
}

/* metrics_write - path.tmp, then renamed over path */
bool metrics_write(const char *path, const struct state_counter *c, size_t n,
		   const struct metrics_gauges *g, char **err)
{
	struct buf b = {0};
	metrics_text(&b, c, n, g);
	size_t pn = strlen(path) + 8;
	char *tmp = xmalloc(pn);
	snprintf(tmp, pn, "%s.tmp", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	bool ok = fd >= 0 && write(fd, b.p, b.n) == (ssize_t)b.n;
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		char t[512];
		snprintf(t, sizeof t, "%s: %s", tmp, strerror(errno));
		*err = xstrdup(t);
		unlink(tmp);
	}
	free(tmp);
	buf_free(&b);
	return ok;
}
