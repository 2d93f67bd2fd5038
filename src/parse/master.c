/*
 * master.c - the master daemon, postfix-script and the postfix command:
 * starts, stops, reloads, and child processes that die.
 *
 *   daemon started -- version X, configuration Y      (master/master.c:550)
 *   reload -- version X, configuration Y              (master/master.c:583)
 *   terminating on signal N                           (master/master_sig.c)
 *   warning: process PATH pid N exit status N | killed by signal N
 *   warning: PATH: bad command startup -- throttling  (master/master_spawn.c)
 *   starting|stopping|refreshing|aborting the Postfix mail system
 *                                                     (conf/postfix-script)
 *   Postfix is using backwards-compatible default settings (postfix.c:602)
 */
#include "common.h"

static const struct {
	const char *text, *action;
} script[] = {
    {"starting the Postfix mail system", "start"},
    {"stopping the Postfix mail system with force", "stop-force"},
    {"stopping the Postfix mail system", "stop"},
    {"refreshing the Postfix mail system", "refresh"},
    {"aborting the Postfix mail system", "abort"},
    {"waiting for the Postfix mail system to terminate", "stop-wait"},
    {"the Postfix mail system is running", "running"},
    {"the Postfix mail system is not running", "not-running"},
    {"the Postfix mail system is already running", "running"},
    {"daemon started -- version ", "started"},
    {"reload -- version ", "reload"},
    {"terminating on signal ", "terminate"},
    {"master exit time has arrived", "exit"},
    /* the postfix command at start with a low compatibility_level */
    {"Postfix is using backwards-compatible default settings", "compat"},
    {"Postfix is running with backwards-compatible default settings", "compat"},
    {"See https://www.postfix.org/COMPATIBILITY_README.html", "compat"},
    {"See http://www.postfix.org/COMPATIBILITY_README.html", "compat"},
    {"To disable backwards compatibility use ", "compat"},
};

/* number_at - the decimal number that starts s */
static int64_t number_at(struct span s)
{
	size_t i = 0;
	uint64_t n;
	while (i < s.n && s.p[i] >= '0' && s.p[i] <= '9')
		i++;
	if (!span_u64(span_head(s, i), &n))
		return -1;
	return pc_count(n);
}

/* child - "process PATH pid N exit status N", "PATH: bad command startup" */
static bool child(struct span t, struct event *ev)
{
	static const struct {
		const char *text, *action;
	} ends[] = {
	    {" exit status ", "process-exit"},
	    {" killed by signal ", "process-killed"},
	    {" stopped by signal ", "process-stopped"},
	};
	struct span path;
	if (span_eat(&t, "process ")) {
		if (!span_until(&t, " pid ", &path))
			return false;
		for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
			struct span s = span_find(t, ends[i].text);
			if (!s.p)
				continue;
			ev->type = EV_MASTER;
			ev->action = span_of(ends[i].action);
			ev->command = path;
			ev->count = number_at(span_skip(s, strlen(ends[i].text)));
			return true;
		}
		return false;
	}
	if (span_ends(t, ": bad command startup -- throttling")) {
		ev->type = EV_MASTER;
		ev->action = SPAN_LIT("throttle");
		ev->command = span_head(t, t.n - strlen(": bad command startup -- throttling"));
		return true;
	}
	bool released = span_starts(t, "throttle released");
	if (span_eat(&t, "throttling command ") || span_eat(&t, "throttle released for command ")) {
		ev->type = EV_MASTER;
		ev->action = released ? SPAN_LIT("throttle-released") : SPAN_LIT("throttle");
		ev->command = t;
		return true;
	}
	return false;
}

/* parse_master - fill ev from a master/postfix-script/postfix line */
void parse_master(const struct logline *l, struct event *ev)
{
	struct span t = l->text;
	for (size_t i = 0; i < sizeof script / sizeof script[0]; i++)
		if (span_starts(t, script[i].text)) {
			ev->type = EV_MASTER;
			ev->action = span_of(script[i].action);
			ev->text = t;
			if (span_eqs(ev->action, "terminate"))
				ev->count = number_at(span_skip(t, strlen(script[i].text)));
			return;
		}
	if (child(t, ev)) {
		ev->text = t;
		return;
	}
}
