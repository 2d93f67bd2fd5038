/*
 * allow.h - networks never banned, with their origin (allow.c).
 */
#ifndef POSTSLEUTH_ALLOW_H
#define POSTSLEUTH_ALLOW_H

#include <stddef.h>
#include "../util/cidr.h"

struct nets {
	struct cidr *v;
	char **why;             /* where each came from: "--allow", "mynetworks" */
	size_t n;
};

void nets_add(struct nets *s, const struct cidr *c, const char *why);
ptrdiff_t nets_hit(const struct nets *s, const struct cidr *c);
void nets_free(struct nets *s);
void mynetworks(struct nets *allow, const char *cmd);
void special_nets(struct nets *s);

#endif
