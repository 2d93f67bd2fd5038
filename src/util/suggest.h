/*
 * suggest.h - the nearest of a list of words to a mistyped one, for
 * "unknown command 'reprot'; did you mean 'report'?".
 *
 * The distance is the optimal string alignment distance (Levenshtein
 * plus the swap of two neighbours, the commonest typo), ignoring ASCII
 * case.  The word comes from the command line: any bytes, any length.
 */
#ifndef POSTSLEUTH_SUGGEST_H
#define POSTSLEUTH_SUGGEST_H

#include <stddef.h>

size_t suggest_distance(const char *a, const char *b);
const char *suggest_nearest(const char *word, const char *const *cands, size_t n);

#endif
