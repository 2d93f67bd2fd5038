/*
 * advise.h - the Postfix settings "postsleuth advise" proposes, each
 * tied to its evidence in the log and with the caveats experts give,
 * and their text and JSON writers.
 *
 * Evidence sentences may quote the log (addresses, HELO names, account
 * names): writers escape them (buf_term, buf_json).  Setting names and
 * values are postsleuth's own words, or the admin's current values as
 * postconf printed them; nothing from the log goes into a setting.
 */
#ifndef POSTSLEUTH_ADVISE_H
#define POSTSLEUTH_ADVISE_H

#include "../diagnose/diagnose.h"

#include <stdbool.h>
#include "../util/buf.h"

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

struct advise_out {
	struct advice *v;
	int n;
	const char *config_source;      /* "postconf (/etc/postfix)" or why not */
	const char *postfix_version;    /* from the log, or "" */
	const struct diag *diag;        /* the server's own problems, or NULL */
};

void advise_text(struct buf *b, const struct advise_out *o);
void advise_json(struct buf *b, const struct advise_out *o);
void advice_free(struct advice *a);
void shell_quote(struct buf *b, const char *s);

#endif
