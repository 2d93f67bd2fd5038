/*
 * test_hostile_input.c - the front of the pipeline on awkward inputs:
 * directories that cannot be listed, lines of any length with any bytes.
 * The checks are on what rotate_expand and the line reader return; the
 * sanitized build also sees any write out of bounds.
 */
#include "tap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "feed/feed.h"
#include "input/lines.h"
#include "input/rotate.h"
#include "input/source.h"

/* touch - create an empty file */
static void touch(const char *dir, const char *name)
{
	char p[700];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0)
		close(fd);
}

/* a directory whose mail logs fill the list to its capacity, then one
 * that cannot be listed: the list must grow for it (it was written one
 * past its end).  Listing is refused by mode 000, as an ordinary user. */
TEST(hostile_input_unlistable_dir_after_full_list)
{
	char top[] = "/tmp/postsleuth-test.XXXXXX";
	if (!mkdtemp(top)) {
		test_fail(__FILE__, __LINE__, "mkdtemp failed");
		return;
	}
	chmod(top, 0755);
	char full[600], shut[600];
	snprintf(full, sizeof full, "%s/full", top);
	snprintf(shut, sizeof shut, "%s/shut", top);
	mkdir(full, 0755);
	mkdir(shut, 0);
	/* rotate_expand's first capacity is 16 + number of arguments */
	for (int i = 0; i < 18; i++) {
		char name[32];
		snprintf(name, sizeof name, "mail.log.%d", i + 1);
		touch(full, name);
	}
	pid_t pid = fork();
	if (pid == 0) {
		if (geteuid() == 0 && setuid(65534) != 0)
			_exit(2);
		char *args[] = {full, shut};
		int n;
		bool journal;
		char **list = rotate_expand(args, 2, &n, &journal, feed_journal_available);
		int found = 0;
		for (int i = 0; i < n; i++)
			found += strcmp(list[i], shut) == 0;
		_exit(n == 19 && found == 1 ? 0 : 1);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status));
	CHECK_INT(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
	CHECK_INT(system(cmd), 0);
}
