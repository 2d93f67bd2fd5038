/*
 * urlish.h - does a word found in a remote's reply stand in a URL or a
 * host name the reply points to ("https://spam.example.net/faq",
 * "antispam.example.org"), rather than in its prose?  Used by the rule
 * tables' "~word" needles (diagnose/needles.c) and by the content
 * refusal test of bounced replies (analyze/messages.c).
 * Untrusted input: any bytes; reads only [start, end).
 */
#ifndef POSTSLEUTH_URLISH_H
#define POSTSLEUTH_URLISH_H

#include <stdbool.h>
#include <stddef.h>

/* the n bytes at `at` lie in [start, end); case-blind.  A token is a run
 * of bytes that are no blank, control byte, bracket, quote, ',' or ';'
 * ('[' and ']' too: an address in brackets never joins a name) */
bool urlish_at(const char *start, const char *end, const char *at, size_t n);

#endif
