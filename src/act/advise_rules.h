/*
 * advise_rules.h - the Postfix settings "postsleuth advise" proposes
 * (struct advice, one item each, made by advise_rules.c), each tied to
 * its evidence in the log and with the caveats experts give, and the
 * current Postfix settings they are checked against (postconf.c).  The
 * writers are in report/advise_writers.c.
 *
 * Evidence sentences may quote the log (addresses, HELO names, account
 * names): writers escape them (buf_term, buf_json).  Setting names and
 * values are postsleuth's own words, or the admin's current values as
 * postconf printed them; nothing from the log goes into a setting.
 */
#ifndef POSTSLEUTH_ADVISE_RULES_H
#define POSTSLEUTH_ADVISE_RULES_H

#include "act.h"

#include <stdbool.h>

#define ADV_MAX_MAIN 8
#define ADV_MAX_MASTER 40
#define ADV_MAX_NOTES 8

struct adv_main {               /* one main.cf parameter */
	char *name, *value;
	char *current;          /* as postconf printed it; NULL: not known */
	bool unchanged;         /* current already equals value */
};

struct adv_master {             /* one master.cf change, as postconf -M / -P */
	char op;                /* 'M' service line, 'P' service parameter (-o) */
	char *key;              /* "smtpd/pass", "smtp/inet/smtpd_sasl_auth_enable" */
	char *value;
};

struct advice {
	const char *id, *title;
	char *evidence[ADV_MAX_NOTES];  /* may quote the log: escaped by the writers */
	int nevidence;
	const char *why;
	const char *steps[ADV_MAX_NOTES];   /* things to do that are not settings */
	char *step_extra;               /* one more step, built (may quote the log) */
	const char *caveats[ADV_MAX_NOTES];
	int ncaveats, nsteps;
	struct adv_main main[ADV_MAX_MAIN];
	int nmain;
	struct adv_master master[ADV_MAX_MASTER];
	int nmaster;
};

#define POSTCONF_MAX 32

/* the current settings: main.cf values by name, master.cf's smtp/inet service */
struct postconf {
	bool ok;
	char *name[POSTCONF_MAX], *value[POSTCONF_MAX];
	int n;
	char *smtp_fields[8];           /* master.cf "smtp inet ..." line, split */
	int nsmtp;
	char *smtp_opt[POSTCONF_MAX];         /* its -o options: "name=value" */
	int nsmtp_opt;
};

/* postconf.c */
void postconf_load(struct postconf *pc);
const char *postconf_get(const struct postconf *pc, const char *name);
void postconf_free(struct postconf *pc);
char *postconf_list_merge(const char *cur, const char *const *want, bool first, const char *from,
		    const char *to, bool *unchanged);
char *postconf_sasl_first(const char *cur, bool *unchanged);

/* advise_rules.c */
void advice_free(struct advice *a);

/* adv_rate and adv_helo return false when the log gives no reason */
void adv_compromised(struct advice *a, struct act_run *r, const struct postconf *pc);
void adv_auth(struct advice *a, struct act_run *r, const struct postconf *pc, bool postscreen_too);
void adv_relay(struct advice *a, struct act_run *r, const struct postconf *pc);
void adv_users_refused(struct advice *a, struct act_run *r, const struct postconf *pc);
void adv_relayed(struct advice *a, struct act_run *r, const struct postconf *pc);
void adv_debug(struct advice *a, struct act_run *r, const struct postconf *pc);
void adv_non_smtp(struct advice *a, struct act_run *r, const struct postconf *pc, const char *version);
void adv_postscreen(struct advice *a, struct act_run *r, const struct postconf *pc, bool auth_off);
bool adv_rate(struct advice *a, struct act_run *r, const struct postconf *pc);
bool adv_helo(struct advice *a, struct act_run *r, const struct postconf *pc);
void adv_pipelining(struct advice *a, struct act_run *r, const struct postconf *pc);
void adv_dnsbl_error(struct advice *a, struct act_run *r, const struct postconf *pc);

#endif
