/*
 * run.c - fork/exec helpers with stdin from /dev/null, their stdout and
 * stderr read through pipes with poll (no deadlock on either), no shell;
 * several at once when asked (run_batch), as many as there are CPUs;
 * with a time limit when asked (run_prog_input_timeout: SIGTERM, then
 * SIGKILL after RUN_KILL_GRACE_MS), so a hung helper cannot hang us.
 */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUN_KILL_GRACE_MS 2000  /* from SIGTERM to SIGKILL */

struct child {
	pid_t pid;
	int fd[2];              /* stdout, stderr; -1 once closed */
	struct run_result *r;
	int64_t deadline;       /* monotonic ms; 0: none */
	int killed;             /* 0, then SIGTERM, then SIGKILL sent */
};

/* now_ms - the monotonic clock in milliseconds */
static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* run_find - is prog an executable in $PATH (or a path to one) */
bool run_find(const char *prog)
{
	if (strchr(prog, '/'))
		return access(prog, X_OK) == 0;
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin";
	struct buf b = {0};
	bool found = false;
	while (!found) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);
		b.n = 0;
		buf_put(&b, n ? path : ".", n ? n : 1);
		buf_putc(&b, '/');
		buf_puts(&b, prog);
		buf_putc(&b, 0);
		struct stat st;
		found = stat(b.p, &st) == 0 && S_ISREG(st.st_mode) && access(b.p, X_OK) == 0;
		if (!colon)
			break;
		path = colon + 1;
	}
	buf_free(&b);
	return found;
}

/* drain - read what is available on fd into b; false at end of stream */
static bool drain(int fd, struct buf *b)
{
	char tmp[16384];
	ssize_t r = read(fd, tmp, sizeof tmp);
	if (r < 0)
		return errno == EINTR || errno == EAGAIN;
	if (r == 0)
		return false;
	if (b->n < RUN_MAX_OUTPUT)
		buf_put(b, tmp, (size_t)r);
	return true;
}

/* start - fork and exec one helper; false (r->status -1) if it cannot */
static bool start(const char *const argv[], struct run_result *r, struct child *c, int in_fd)
{
	memset(r, 0, sizeof *r);
	r->status = -1;
	c->r = r;
	c->pid = -1;
	int po[2], pe[2], px[2];
	if (pipe2(po, O_CLOEXEC) != 0)
		return false;
	if (pipe2(pe, O_CLOEXEC) != 0) {
		close(po[0]), close(po[1]);
		return false;
	}
	if (pipe2(px, O_CLOEXEC) != 0) {
		close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
		return false;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(po[0]), close(po[1]), close(pe[0]), close(pe[1]), close(px[0]), close(px[1]);
		return false;
	}
	if (pid == 0) {
		int null = in_fd >= 0 ? in_fd : open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, 0);
		dup2(po[1], 1);
		dup2(pe[1], 2);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], (char *const *)argv);
		int e = errno;
		if (write(px[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	close(po[1]), close(pe[1]), close(px[1]);
	int e = 0;
	ssize_t got;
	do
		got = read(px[0], &e, sizeof e);
	while (got < 0 && errno == EINTR);
	close(px[0]);
	if (got == (ssize_t)sizeof e && e == ENOENT)
		r->not_found = true;
	c->pid = pid;
	c->fd[0] = po[0];
	c->fd[1] = pe[0];
	c->deadline = 0;
	c->killed = 0;
	return true;
}

/* reap - wait for a child whose pipes are closed, record its status;
 * one with a time limit is only asked (it may have closed its output and
 * go on running: its deadline then kills it), false while it runs */
static bool reap(struct child *c)
{
	int st;
	pid_t got;
	while ((got = waitpid(c->pid, &st, c->deadline ? WNOHANG : 0)) < 0)
		if (errno != EINTR)
			return true;
	if (got == 0)
		return false;
	c->r->status = WIFEXITED(st)	? WEXITSTATUS(st)
		       : WIFSIGNALED(st) ? 128 + WTERMSIG(st)
					 : -1;
	c->pid = -1;
	return true;
}

/* overdue - a child past its deadline gets SIGTERM, RUN_KILL_GRACE_MS
 * later SIGKILL, and then its pipes are closed (a grandchild that
 * inherited them must not keep us waiting); the poll timeout until the
 * next deadline, or -1 */
static int overdue(struct child *kids, size_t nkids)
{
	int64_t t = now_ms(), next = -1;
	for (size_t k = 0; k < nkids; k++) {
		struct child *c = &kids[k];
		if (!c->deadline)
			continue;
		if (t >= c->deadline) {
			c->r->timed_out = true;
			if (c->killed == 0) {
				kill(c->pid, SIGTERM);
				c->killed = SIGTERM;
				c->deadline = t + RUN_KILL_GRACE_MS;
			} else {
				if (c->killed == SIGTERM)
					kill(c->pid, SIGKILL);
				c->killed = SIGKILL;
				c->deadline = 0;
				for (int j = 0; j < 2; j++)
					if (c->fd[j] >= 0)
						close(c->fd[j]), c->fd[j] = -1;
				continue;
			}
		}
		if (next < 0 || c->deadline - t < next)
			next = c->deadline - t;
	}
	return next < 0 ? -1 : next > 60000 ? 60000 : (int)next;
}

/* batch - run_batch, the helpers' standard input from in_fd (-1: /dev/null),
 * each killed after timeout_ms (0: no limit) */
static void batch(const char *const *const argv[], struct run_result r[], size_t n, size_t max,
		  int in_fd, int timeout_ms)
{
	if (max == 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		max = cpus > 0 ? (size_t)cpus : 1;
	}
	if (max > 32)
		max = 32;
	struct child kids[32];
	size_t nkids = 0, next = 0;
	while (next < n || nkids > 0) {
		while (next < n && nkids < max) {
			if (start(argv[next], &r[next], &kids[nkids], in_fd)) {
				if (timeout_ms > 0)
					kids[nkids].deadline = now_ms() + timeout_ms;
				nkids++;
			}
			next++;
		}
		if (!nkids)
			continue;
		int wait_ms = overdue(kids, nkids);
		struct pollfd fds[64];
		size_t map[64];
		size_t nf = 0;
		for (size_t k = 0; k < nkids; k++)
			for (int j = 0; j < 2; j++)
				if (kids[k].fd[j] >= 0) {
					fds[nf] = (struct pollfd){kids[k].fd[j], POLLIN, 0};
					map[nf++] = k * 2 + (size_t)j;
				}
		/* no pipe left open: a child that closed its output and runs on
		 * is asked again every 50 ms */
		if (!nf && (wait_ms < 0 || wait_ms > 50))
			wait_ms = 50;
		if (poll(fds, nf, wait_ms) < 0 && errno != EINTR)
			break;
		for (size_t i = 0; i < nf; i++) {
			if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			struct child *c = &kids[map[i] / 2];
			int j = (int)(map[i] % 2);
			if (!drain(c->fd[j], j == 0 ? &c->r->out : &c->r->err)) {
				close(c->fd[j]);
				c->fd[j] = -1;
			}
		}
		for (size_t k = 0; k < nkids;) {
			if (kids[k].fd[0] < 0 && kids[k].fd[1] < 0 && reap(&kids[k])) {
				kids[k] = kids[--nkids];
			} else {
				k++;
			}
		}
	}
	for (size_t k = 0; k < nkids; k++) {      /* poll failed: do not leave zombies */
		for (int j = 0; j < 2; j++)
			if (kids[k].fd[j] >= 0)
				close(kids[k].fd[j]);
		if (kids[k].deadline)
			kill(kids[k].pid, SIGKILL);
		kids[k].deadline = 0;
		reap(&kids[k]);
	}
}

/* run_batch - run the n helpers, up to max at a time (0: one per CPU);
 * results in r[i], in the order given */
void run_batch(const char *const *const argv[], struct run_result r[], size_t n, size_t max)
{
	batch(argv, r, n, max, -1, 0);
}

/* run_prog - run argv[0] (looked up in $PATH) with argv; fills r */
void run_prog(const char *const argv[], struct run_result *r)
{
	const char *const *const one[] = {argv};
	batch(one, r, 1, 1, -1, 0);
}

/* run_prog_input - run_prog with n bytes of input on its standard input
 * (an unlinked memory file: no pipe to fill, no deadlock) */
void run_prog_input(const char *const argv[], const void *input, size_t n, struct run_result *r)
{
	run_prog_input_timeout(argv, input, n, 0, r);
}

/* run_prog_input_timeout - run_prog_input, killed after timeout_ms
 * (0: no limit; r->timed_out says it was) */
void run_prog_input_timeout(const char *const argv[], const void *input, size_t n, int timeout_ms,
			    struct run_result *r)
{
	int fd = memfd_create("postsleuth-input", MFD_CLOEXEC);
	if (fd < 0 || write(fd, input, n) != (ssize_t)n || lseek(fd, 0, SEEK_SET) != 0) {
		memset(r, 0, sizeof *r);
		r->status = -1;
		if (fd >= 0)
			close(fd);
		return;
	}
	const char *const *const one[] = {argv};
	batch(one, r, 1, 1, fd, timeout_ms);
	close(fd);
}

/* run_result_free - the captured output */
void run_result_free(struct run_result *r)
{
	buf_free(&r->out);
	buf_free(&r->err);
}
