/*
 * test_diagnose_host.c - this host's resources told apart from Postfix's
 * configuration: ENOMEM, fork's EAGAIN and EMFILE/ENFILE in any Postfix
 * program's line (and local's, pipe's, Amavis's), the kernel's
 * out-of-memory killer by each wording of mm/oom_kill.c, keyed by the
 * process it killed; look-alikes (EAGAIN on a socket, a client's or a
 * remote server's words, Dovecot's own limit) are not; master's signal 9
 * for a pid the killer chose, and master's exit and throttling of a
 * daemon that stopped on a resource, fold into it at the end
 * (tests/data/variants-families3/160* to 163*).
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

static const struct {
	const char *line, *finding, *key; /* finding NULL: none of this host's */
} host_cases[] = {
    {"Feb 23 06:26:22 mx postfix/smtpd[3936]: fatal: socket: Cannot allocate memory", "host-out-of-memory", "Cannot allocate memory"},
    {"Feb 23 06:26:22 mx postfix/smtpd[3938]: warning: connect #1 to subsystem private/proxymap: Cannot allocate memory",
     "host-out-of-memory", "Cannot allocate memory"},
    {"Nov  2 16:40:01 mail postfix/cleanup[7003]: fatal: mymalloc: insufficient memory for 1048576 bytes: Cannot allocate memory",
     "host-out-of-memory", "Cannot allocate memory"},
    {"Nov  2 16:40:01 mail postfix/proxymap[7003]: fatal: dict_mysql: insufficient memory", "host-out-of-memory", "Cannot allocate memory"},
    {"Jun  3 14:03:15 relay postfix/master[2188]: warning: master_spawn: fork: Cannot allocate memory -- throttling",
     "host-out-of-memory", "Cannot allocate memory"},
    {"Jun  3 14:03:15 relay postfix/master[2188]: warning: master_spawn: fork: Resource temporarily unavailable -- throttling",
     "host-fork-failed", "fork: Resource temporarily unavailable"},
    {"Jun  3 14:04:40 relay postfix/local[2230]: warning: fork: Resource temporarily unavailable", "host-fork-failed",
     "fork: Resource temporarily unavailable"},
    {"Jun  3 14:04:40 relay postfix/local[2230]: 6A1B91A0080: to=<alerts@relay.example.com>, relay=local, delay=0.3, "
     "delays=0.1/0.1/0/0.1, dsn=4.3.0, status=deferred (temporary failure. Command output: fork: Resource temporarily unavailable )",
     "host-fork-failed", "fork: Resource temporarily unavailable"},
    {"Sep 21 09:41:17 gw postfix/postscreen[1501]: error: accept connection: Too many open files", "host-open-files-limit",
     "Too many open files"},
    {"Sep 21 09:41:20 gw postfix/proxymap[1530]: fatal: open database /etc/postfix/virtual.db: Too many open files",
     "host-open-files-limit", "Too many open files"},
    {"Sep 21 09:41:25 gw postfix/anvil[1502]: warning: socket: Too many open files in system", "host-open-files-limit",
     "Too many open files in system"},
    {"Jun 15 10:00:00 mail postfix/master[10341]: fatal: unable to determine open file limit", "host-open-files-limit",
     "Too many open files"},
    {"Aug 18 14:12:05 mail amavis[977]: (00977-01) (!!)file(1) utility (/usr/bin/file) FAILED: run_command: can't fork: "
     "Cannot allocate memory at /usr/sbin/amavisd-new line 4713.",
     "host-out-of-memory", "Cannot allocate memory"},
    /* the kernel's out-of-memory killer, each wording, keyed by its victim */
    {"Feb  6 10:04:59 mx kernel: Out of memory: Killed process 1584309 (dnf) total-vm:944600kB, anon-rss:817340kB", "host-out-of-memory",
     "Killed process dnf"},
    {"Feb  6 10:04:59 mx kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
     "task_memcg=/system.slice/dnf-makecache.service,task=dnf,pid=1584309,uid=0",
     "host-out-of-memory", "Killed process dnf"},
    {"Mar  1 02:00:00 mx kernel: Out of memory: Kill process 2211 (clamd) score 512 or sacrifice child", "host-out-of-memory",
     "Killed process clamd"},
    {"Mar  1 02:00:00 mx kernel: [ 8123.456789] Killed process 2211 (clamd) total-vm:1632480kB, anon-rss:1210332kB", "host-out-of-memory",
     "Killed process clamd"},
    {"Mar  1 02:00:01 mx kernel: Memory cgroup out of memory: Killed process 4188 (smtpd) total-vm:91244kB", "host-out-of-memory",
     "Killed process smtpd"},
    {"Mar  1 02:00:02 mx kernel: oom_reaper: reaped process 2211 (clamd), now anon-rss:0kB, file-rss:0kB", "host-out-of-memory",
     "Killed process clamd"},
    {"Oct 27 06:29:31 mx kernel: fail2ban-server invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE), order=0", "host-out-of-memory",
     "oom-killer"},
    /* hostile: no closing parenthesis, an overlong name, control bytes */
    {"Mar  1 02:00:03 mx kernel: Out of memory: Killed process 2211 (clamd total-vm:1632480kB", NULL, NULL},
    {"Mar  1 02:00:04 mx kernel: Out of memory: Killed process 2211 (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)",
     NULL, NULL},
    {"Mar  1 02:00:05 mx kernel: Out of memory: Killed process 2211 (a\x1b[2Jb) total-vm:1kB", "host-out-of-memory",
     "Killed process a?[2Jb"},
    /* look-alikes: EAGAIN that is no fork; a client's words; a remote
     * server's reply; Dovecot's own vsz_limit; another kernel line; the
     * same throttling for another errno */
    {"Jun  3 15:10:02 relay postfix/postscreen[3301]: warning: psc_dnsbl_request: connect to private/dnsblog service: Resource "
     "temporarily unavailable",
     "internal-service-unreachable", NULL},
    {"Sep 21 10:02:01 gw postfix/smtpd[1620]: warning: Illegal address syntax from unknown[203.0.113.90] in MAIL command: <Too many open files>",
     NULL, NULL},
    {"Sep 21 10:03:11 gw postfix/smtp[1623]: 5C1D23E0120: to=<admin@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1.1, "
     "delays=0.05/0.01/0.5/0.5, dsn=4.3.0, status=deferred (host mx.example.net[198.51.100.25] said: 451 4.3.0 Too many open files, "
     "try again later (in reply to end of DATA command))",
     NULL, NULL},
    {"Mar 12 11:06:02 mx dovecot: imap(anna@example.com)<6110><Qx1y2z3>: Fatal: block_alloc(268435456): Out of memory", NULL, NULL},
    {"Mar 12 11:06:03 mx kernel: usb 1-1: new high-speed USB device number 2 using xhci_hcd", NULL, NULL},
    {"Mar  4 16:50:02 mx postfix/master[880]: warning: master_spawn: fork: Operation not permitted -- throttling", "daemon-throttled", NULL},
};

TEST(diagnose_host_rules)
{
	for (size_t i = 0; i < sizeof host_cases / sizeof host_cases[0]; i++) {
		const struct event *ev = progs_line(host_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *want = host_cases[i].finding;
		if (!want) {
			if (got && (hit.id == F_HOST_MEMORY || hit.id == F_HOST_FORK || hit.id == F_HOST_FILES))
				test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want none of this host's", i,
					  finding_id(hit.id), hit.key);
			continue;
		}
		if (!got) {
			test_fail(__FILE__, __LINE__, "case %zu: got no finding, want %s", i, want);
			continue;
		}
		if (strcmp(finding_id(hit.id), want) || (host_cases[i].key && strcmp(hit.key, host_cases[i].key)))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, finding_id(hit.id), hit.key, want,
				  host_cases[i].key ? host_cases[i].key : "");
	}
}

/* the side: this host's resources, its own words */
TEST(diagnose_host_side)
{
	CHECK_STR(finding_side_id(finding_side(F_HOST_MEMORY)), "local-resources");
	CHECK_STR(finding_side_id(finding_side(F_HOST_FORK)), "local-resources");
	CHECK_STR(finding_side_id(finding_side(F_HOST_FILES)), "local-resources");
	CHECK_STR(finding_side_id(finding_side(F_DAEMON_CRASHED)), "local-configuration");
}

/* count_of - the groups of finding f in d's list */
static size_t count_of(const struct diag *d, enum finding_id f)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nlist; i++)
		n += d->list[i]->id == f;
	return n;
}

/* master's signal 9 for the pid the killer chose joins the victim's
 * group; one for another pid stays daemon-crashed; the request line joins
 * the victim's */
TEST(diagnose_host_oom_fold)
{
	static const char *const lines[] = {
	    "Mar 12 09:20:41 mx kernel: clamd invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0",
	    "Mar 12 09:20:44 mx kernel: Out of memory: Killed process 4188 (smtpd) total-vm:91244kB, anon-rss:5120kB",
	    "Mar 12 09:20:44 mx postfix/master[871]: warning: process /usr/libexec/postfix/smtpd pid 4188 killed by signal 9",
	    "Mar 12 09:25:00 mx postfix/master[871]: warning: process /usr/libexec/postfix/qmgr pid 900 killed by signal 9",
	};
	struct diag *d = diag_new();
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		diag_event(d, progs_line(lines[i]));
	diag_finish(d);
	CHECK_INT(count_of(d, F_HOST_MEMORY), 1);
	CHECK_INT(count_of(d, F_DAEMON_CRASHED), 1);
	for (size_t i = 0; i < d->nlist; i++) {
		if (d->list[i]->id == F_HOST_MEMORY) {
			CHECK_STR(d->list[i]->key, "Killed process smtpd");
			CHECK_INT(d->list[i]->lines, 3);
		} else if (d->list[i]->id == F_DAEMON_CRASHED) {
			CHECK_STR(d->list[i]->key, "/usr/libexec/postfix/qmgr");
		}
	}
	diag_free(d);
}

/* a daemon's own fatal on a resource: master's exit and throttling of it
 * join the resource's group; another daemon's stay its own */
TEST(diagnose_host_stop_fold)
{
	static const char *const lines[] = {
	    "Nov  2 16:40:01 mail postfix/cleanup[7003]: fatal: mymalloc: insufficient memory for 1048576 bytes: Cannot allocate memory",
	    "Nov  2 16:40:02 mail postfix/master[6990]: warning: process /usr/libexec/postfix/cleanup pid 7003 exit status 1",
	    "Nov  2 16:40:02 mail postfix/master[6990]: warning: /usr/libexec/postfix/cleanup: bad command startup -- throttling",
	    "Nov  2 17:12:31 mail postfix/master[6990]: warning: process /usr/libexec/postfix/trivial-rewrite pid 7101 exit status 1",
	};
	struct diag *d = diag_new();
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		diag_event(d, progs_line(lines[i]));
	diag_finish(d);
	CHECK_INT(count_of(d, F_HOST_MEMORY), 1);
	CHECK_INT(count_of(d, F_DAEMON_THROTTLED), 0);
	CHECK_INT(count_of(d, F_DAEMON_FATAL), 1);
	for (size_t i = 0; i < d->nlist; i++) {
		if (d->list[i]->id == F_HOST_MEMORY)
			CHECK_INT(d->list[i]->lines, 3);
		else if (d->list[i]->id == F_DAEMON_FATAL)
			CHECK_STR(d->list[i]->key, "/usr/libexec/postfix/trivial-rewrite");
	}
	diag_free(d);
}
