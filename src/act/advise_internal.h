/*
 * advise_internal.h - what the files of advise's rules share: adding an
 * evidence sentence, a count with its noun, a main.cf or master.cf
 * change checked against the current value (advise_rules.c).
 */
#ifndef POSTSLEUTH_ADVISE_INTERNAL_H
#define POSTSLEUTH_ADVISE_INTERNAL_H

#include "advise_rules.h"

#define MAX_LISTED 5 /* addresses an evidence sentence names before "and N more" */

/* one evidence sentence */
void adv_evidence(struct advice *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "3 sessions": a count with its noun, from a P_() format */
const char *adv_count(char out[64], const char *fmt, unsigned long long n) __attribute__((format_arg(2)));
/* propose name = value; unchanged when the current value is it */
void adv_main_set(struct advice *a, const struct postconf *pc, const char *name, const char *value);
/* the same, the value already decided (and owned) */
void adv_main_set_own(struct advice *a, const struct postconf *pc, const char *name, char *value,
		      bool unchanged);
/* one postconf -M / -P change */
void adv_master_set(struct advice *a, char op, const char *key, const char *value);

#endif
