/*
 * run.c - fork/exec a helper with stdin from /dev/null, its stdout and
 * stderr read through pipes with poll (no deadlock on either), no shell.
 */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* run_prog - run argv[0] (looked up in $PATH) with argv; fills r */
void run_prog(const char *const argv[], struct run_result *r)
{
	memset(r, 0, sizeof *r);
	r->status = -1;
	int po[2], pe[2], px[2];
	if (pipe(po) != 0)
		return;
	if (pipe(pe) != 0) {
		close(po[0]), close(po[1]);
		return;
	}
	if (pipe2(px, O_CLOEXEC) != 0) {
		close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
		return;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(po[0]), close(po[1]), close(pe[0]), close(pe[1]), close(px[0]), close(px[1]);
		return;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, 0);
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]), close(pe[0]), close(px[0]);
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
	struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
	int open_fds = 2;
	while (open_fds > 0) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (!drain(fds[i].fd, i == 0 ? &r->out : &r->err)) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return;
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
}

/* run_result_free - the captured output */
void run_result_free(struct run_result *r)
{
	buf_free(&r->out);
	buf_free(&r->err);
}
