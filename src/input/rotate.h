/*
 * rotate.h - the command line's inputs as an ordered file list:
 * directories expanded to the mail logs in them, each rotated set
 * oldest first, the same file named twice read once (rotate.c).
 */
#ifndef POSTSLEUTH_ROTATE_H
#define POSTSLEUTH_ROTATE_H

#include <stdbool.h>

/* rotate_expand - ordered list of files; *use_journal when none is given
 * or found and have_journal() says there is a journal to read */
char **rotate_expand(char **args, int nargs, int *nout, bool *use_journal, bool (*have_journal)(void));

#endif
