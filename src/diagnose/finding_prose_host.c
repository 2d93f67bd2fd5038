/*
 * finding_prose_host.c - the words of the findings about this host's
 * resources, the side at fault that is neither Postfix's configuration
 * nor the network: memory (ENOMEM in any program, mymalloc's
 * "insufficient memory", the kernel's out-of-memory killer), processes
 * (fork's EAGAIN) and open files (EMFILE, ENFILE, a limit master cannot
 * read or set).  What the lines mean, which limit to raise or which
 * process to look at, and what the lines cannot show.  finding_prose_en()
 * reads this table with the others.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_host[F__COUNT] = {
    [F_HOST_MEMORY] = {
	"This host (or the container or VPS Postfix runs in) ran out of memory: the operating "
	"system answered \"Cannot allocate memory\" when a Postfix daemon or a filter beside it "
	"(Amavis, ClamAV) asked for memory, a socket or a new process, Postfix's own allocator "
	"stopped a daemon (\"insufficient memory for N bytes\"), or the kernel's out-of-memory "
	"killer killed a process (the key then names the process it chose: the one using the "
	"most memory). The daemon that stops takes its service with it: smtpd's clients are "
	"refused or cut off, qmgr's queue waits, a content filter's mail is deferred; master "
	"restarts and throttles what keeps dying. This is not a Postfix setting to fix.",
	"See what uses the memory at that time (free -m, ps aux --sort=-rss | head, journalctl "
	"-k for \"Out of memory\" and \"oom-kill\": its task= and task_memcg= name the process "
	"and its unit). Add memory or swap, stop or limit the process that grew (MemoryMax= on "
	"its systemd unit, fewer ClamAV or Amavis children), or make Postfix smaller "
	"(default_process_limit, the smtpd line's maxproc in master.cf). In a VPS or container "
	"the limit is the container's (its memory cgroup, Virtuozzo's beancounters such as "
	"numothersock): raise it there.",
	"The lines do not show how much memory the host has, nor what it was doing before the "
	"first line."},
    [F_HOST_FORK] = {
	"This host refused Postfix a new process: fork() failed with \"Resource temporarily "
	"unavailable\" (EAGAIN). The master daemon then throttles the service it could not "
	"start (\"fork: ... -- throttling\"): new SMTP clients wait or are refused, deliveries "
	"and the queue manager's work stop until a process can start again; pipe and local "
	"delivery to a command are deferred. The usual cause is a limit on processes or "
	"threads, not memory: the user's process limit (ulimit -u, RLIMIT_NPROC), systemd's "
	"TasksMax for postfix.service or the user's slice, a container's pids limit, or "
	"kernel.pid_max and threads-max; sometimes a program on the host that forks without "
	"end.",
	"Count the tasks (ps -eLf | wc -l; systemctl status postfix shows Tasks: N (limit: M)), "
	"find who holds them (ps -eo user,comm | sort | uniq -c | sort -n | tail), then raise "
	"the limit that is reached (TasksMax= in a drop-in for postfix.service, LimitNPROC=, "
	"the container's pids limit) or stop the runaway program; postfix reload is not needed "
	"once processes can start again.",
	"The lines do not say which limit was reached: fork() answers the same for all of "
	"them."},
    [F_HOST_FILES] = {
	"Postfix ran out of file descriptors: the operating system answered \"Too many open "
	"files\" (the process's own limit, RLIMIT_NOFILE) or \"Too many open files in system\" "
	"(the host's total, fs.file-max) when a daemon accepted a connection, opened a socket, "
	"a lookup table or a queue file; or the master daemon could not read or set its limit "
	"at start (\"unable to determine open file limit\") and Postfix did not start, or found "
	"it very low (\"could allocate space for only N open files\"). Connections are refused "
	"or dropped and mail waits while it lasts; each postscreen, tlsproxy, anvil or "
	"proxymap process serves many clients, so they reach the limit first.",
	"Raise the limit Postfix runs under: LimitNOFILE= in a drop-in for postfix.service, "
	"the container's nofile ulimit (docker run --ulimit nofile=..., the pod's runtime), "
	"/etc/security/limits.conf for a start from a shell; for \"in system\" raise "
	"fs.file-max (sysctl) and find the program that holds the files (lsof | awk '{print "
	"$1}' | sort | uniq -c | sort -n | tail). A container whose limit is unlimited or "
	"forbids setrlimit() makes master stop: give it a finite limit.",
	"The lines do not show the limit in force nor which program holds the files."},
};
