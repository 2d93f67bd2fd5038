/*
 * file_head.h - is an existing file someone else's?  Before an output
 * option writes over the file it names (report --html FILE, watch
 * --metrics FILE), a file that exists, is regular, holds something and
 * begins with none of the output's own first words is most likely the
 * log named by mistake: the caller refuses rather than empty it.
 */
#ifndef POSTSLEUTH_FILE_HEAD_H
#define POSTSLEUTH_FILE_HEAD_H

#include <stdbool.h>
#include <stddef.h>

/* file_head_foreign - true when path is a non-empty regular file whose
 * first bytes match none of the n prefixes (compared case-blind, each at
 * most 31 bytes); false when it is missing, empty, not a regular file or
 * unreadable (the caller's own open then says why) */
bool file_head_foreign(const char *path, const char *const *prefixes, size_t n);

#endif
