/*
 * advise_internal.h - what advise.c, advise_rules.c and postconf.c share:
 * the current Postfix settings (postconf.c) and the advice rules, one
 * item each (advise_rules.c).  Not for use outside "postsleuth advise".
 */
#ifndef POSTSLEUTH_ADVISE_INTERNAL_H
#define POSTSLEUTH_ADVISE_INTERNAL_H

#include "act.h"
#include "../report/advise.h"

#include <stdbool.h>

#define PC_MAX 32

/* the current settings: main.cf values by name, master.cf's smtp/inet service */
struct pc {
	bool ok;
	char *name[PC_MAX], *value[PC_MAX];
	int n;
	char *smtp_fields[8];           /* master.cf "smtp inet ..." line, split */
	int nsmtp;
	char *smtp_opt[PC_MAX];         /* its -o options: "name=value" */
	int nsmtp_opt;
};

/* postconf.c */
void pc_load(struct pc *pc);
const char *pc_get(const struct pc *pc, const char *name);
void pc_free(struct pc *pc);
char *pc_list_merge(const char *cur, const char *const *want, bool first, const char *from,
		    const char *to, bool *unchanged);

/* advise_rules.c: adv_rate and adv_helo return false when the log gives no reason */
void adv_compromised(struct advice *a, struct act_run *r, const struct pc *pc);
void adv_auth(struct advice *a, struct act_run *r, const struct pc *pc, bool postscreen_too);
void adv_relay(struct advice *a, struct act_run *r, const struct pc *pc);
void adv_debug(struct advice *a, struct act_run *r, const struct pc *pc);
void adv_non_smtp(struct advice *a, struct act_run *r, const struct pc *pc, const char *version);
void adv_postscreen(struct advice *a, struct act_run *r, const struct pc *pc, bool auth_off);
bool adv_rate(struct advice *a, struct act_run *r, const struct pc *pc);
bool adv_helo(struct advice *a, struct act_run *r, const struct pc *pc);
void adv_pipelining(struct advice *a, struct act_run *r, const struct pc *pc);
void adv_dnsbl_error(struct advice *a, struct act_run *r, const struct pc *pc);

#endif
