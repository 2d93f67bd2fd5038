/*
 * file_head.c - an existing file's first bytes against an output's own
 * first words (see file_head.h).
 */
#include "file_head.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

bool file_head_foreign(const char *path, const char *const *prefixes, size_t n)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
		return false;
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char head[32] = {0};
	size_t got = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(prefixes[i]);
		if (k < sizeof head && got >= k && !strncasecmp(head, prefixes[i], k))
			return false;
	}
	return true;
}
