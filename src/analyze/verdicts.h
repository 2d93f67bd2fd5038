/*
 * verdicts.h - what a client was doing, as one table: VERDICTS has a row
 * per verdict and every writer and rule reads its column from here
 * (verdict.c decides which row applies; DESIGN.md says how to add one).
 *
 * Columns of a row:
 *   e        the enum name
 *   id       the stable name in JSON, --verdict and the report
 *   sev      severity, enum verdict_sev: 0 ok .. 4 alarm; "hostile" is
 *            severity 3 and more (verdict_hostile), and only that
 *   side     who is at fault: nobody, the client, an account's owner
 *            (its password is known to someone else), or unclear
 *   ban      listed by "ban" when no --verdict is given
 *   own      the admin's own client or device (ordinary traffic, a
 *            monitor, a webmail's address, a phone with an old
 *            password): no fail2ban filter may catch it (fail2ban
 *            checks its filters against these addresses and writes none
 *            for a behaviour seen only from them)
 *   act      its paragraph in the report's "What to do" (enum verdict_act;
 *            the paragraphs' words are in report/actions_text.c)
 *   nlist    how many of its addresses that paragraph names
 *   title    the report's headline for such a client
 *   reason   why "ban" lists its addresses, in a few words
 *   reject   the reply text of a Postfix check_client_access REJECT
 *
 * The order of the rows is the order of the enum; fail2ban filters name
 * the verdict they ban for in their own table (act/fail2ban_rules.c),
 * since a verdict may have one filter per Postfix generation, or none.
 */
#ifndef POSTSLEUTH_VERDICTS_H
#define POSTSLEUTH_VERDICTS_H

#include <stdbool.h>

#define REJ_DEFAULT "Access denied"
#define REJ_AUTH "Access denied: repeated authentication failures"

/* X(e, id, sev, side, ban, own, act, nlist, title, reason, reject) */
#define VERDICTS(X)                                                                                            \
	X(V_UNKNOWN, "unknown", SEV_UNCLEAR, VSIDE_UNCLEAR, false, false, VACT_NONE, 0,                        \
	  "not enough evidence", "chosen with --verdict", REJ_DEFAULT)                                         \
	X(V_LEGITIMATE, "legitimate", SEV_OK, VSIDE_NONE, false, true, VACT_NONE, 0,                           \
	  "ordinary mail traffic", "chosen with --verdict", REJ_DEFAULT)                                       \
	X(V_HEALTH_CHECK, "health-check", SEV_OK, VSIDE_NONE, false, true, VACT_NONE, 0,                       \
	  "health check (own network or a monitor)", "chosen with --verdict", REJ_DEFAULT)                     \
	X(V_TLS_FAILURE, "tls-failure", SEV_UNCLEAR, VSIDE_UNCLEAR, false, false, VACT_NONE, 0,                \
	  "TLS handshake failed", "chosen with --verdict", REJ_DEFAULT)                                        \
	X(V_CAPABILITY_PROBE, "capability-probe", SEV_NUISANCE, VSIDE_CLIENT, true, false, VACT_PROBES, 5,     \
	  "capability probe (EHLO, then QUIT)", "probed the server's capabilities (EHLO, then QUIT)",          \
	  REJ_DEFAULT)                                                                                         \
	X(V_NON_SMTP_PROBE, "non-smtp-probe", SEV_NUISANCE, VSIDE_CLIENT, true, false, VACT_NON_SMTP, 5,       \
	  "probing with non-SMTP input", "sent input that is not SMTP", REJ_DEFAULT)                           \
	X(V_PREGREET, "pregreet", SEV_NUISANCE, VSIDE_CLIENT, true, false, VACT_PROBES, 3,                     \
	  "talks before the greeting (bot)", "talked before the server's greeting", REJ_DEFAULT)               \
	X(V_PIPELINING, "pipelining", SEV_NUISANCE, VSIDE_CLIENT, true, false, VACT_PROBES, 3,                 \
	  "improper pipelining (bot)", "sent commands without waiting for the replies", REJ_DEFAULT)           \
	X(V_SPAM_REJECTED, "spam-rejected", SEV_NUISANCE, VSIDE_CLIENT, false, false, VACT_NONE, 0,            \
	  "refused by your restrictions", "its mail was refused by the restrictions", REJ_DEFAULT)             \
	X(V_RELAY_ATTEMPT, "relay-attempt", SEV_HOSTILE, VSIDE_CLIENT, true, false, VACT_RELAY_TEST, 5,        \
	  "testing for an open relay", "tried to relay mail to other domains",                                 \
	  "Access denied: relay attempts")                                                                     \
	X(V_AUTH_BRUTEFORCE, "auth-bruteforce", SEV_HOSTILE, VSIDE_CLIENT, true, false,                        \
	  VACT_PASSWORD_GUESSING, 5, "guessing SASL passwords", "guessed SASL passwords", REJ_AUTH)            \
	/* the client-wide verdicts (V__SESSION_COUNT): no session gets them */                                \
	X(V_ACCOUNT_ABUSE, "account-abuse", SEV_ALARM, VSIDE_ACCOUNT, true, false, VACT_NONE, 0,               \
	  "sending through a compromised account", "sent mail through a compromised account",                  \
	  "Access denied: abuse")                                                                              \
	X(V_AUTH_SUCCESS_AFTER_FAILURES, "auth-success-after-failures", SEV_ALARM, VSIDE_ACCOUNT,              \
	  true, false, VACT_LOGIN_AFTER_FAILURES, 5, "logged in after failed password attempts",               \
	  "logged in after failed password attempts", REJ_AUTH)                                                \
	X(V_SHARED_FRONT, "shared-front", SEV_UNCLEAR, VSIDE_NONE, false, true, VACT_SHARED_FRONT, 5,          \
	  "logins of several users through one address of your own (webmail, proxy, NAT)",                     \
	  "relayed the logins of several users", REJ_DEFAULT)                                                  \
	X(V_STALE_PASSWORD, "stale-password", SEV_UNCLEAR, VSIDE_ACCOUNT, false, true, VACT_STALE_PASSWORD, 5, \
	  "a user's device with an old password",                                                              \
	  "kept failing to log in as a user who logs in from elsewhere", REJ_DEFAULT)                           \
	X(V_RELAY_ABUSE, "relay-abuser", SEV_HOSTILE, VSIDE_CLIENT, true, false, VACT_RELAY_ABUSE, 5,          \
	  "used this server as an open relay", "had mail relayed to other domains without logging in",       \
	  "Access denied: relay abuse")                                                                        \
	X(V_PROTOCOL_VIOLATION, "protocol-violation", SEV_NUISANCE, VSIDE_CLIENT, true, false, VACT_PROBES, 3, \
	  "broke SMTP's rules in postscreen's tests (bot)",                                                    \
	  "broke SMTP's rules in postscreen's tests (bare newline, command limits)", REJ_DEFAULT)

enum verdict {
#define X(e, id, sev, side, ban, own, act, nlist, title, reason, reject) e,
	VERDICTS(X)
#undef X
	V__COUNT
};

/* the verdicts a session can get come first; those after are decided
 * for a client as a whole (analysis_finish) */
#define V__SESSION_COUNT V_ACCOUNT_ABUSE

/* severities, with the report's word for each */
#define VERDICT_SEVERITIES(X) \
	X(SEV_OK, "ok")               \
	X(SEV_UNCLEAR, "unclear")     \
	X(SEV_NUISANCE, "nuisance")   \
	X(SEV_HOSTILE, "hostile")     \
	X(SEV_ALARM, "ALARM")

enum verdict_sev {
#define X(e, word) e,
	VERDICT_SEVERITIES(X)
#undef X
};

/* who is at fault */
enum verdict_side {
	VSIDE_NONE,             /* ordinary traffic */
	VSIDE_UNCLEAR,          /* too little evidence to say */
	VSIDE_CLIENT,           /* the client: banning its address helps */
	VSIDE_ACCOUNT,          /* an account's owner: the password is known, change it */
};

/* the report's "What to do" paragraphs that verdicts have, in the order
 * they are written (a compromised account's comes first, from the
 * accounts, not from a verdict) */
enum verdict_act {
	VACT_NONE,
	VACT_LOGIN_AFTER_FAILURES,
	VACT_PASSWORD_GUESSING,
	VACT_STALE_PASSWORD,
	VACT_SHARED_FRONT,
	VACT_RELAY_ABUSE,
	VACT_RELAY_TEST,
	VACT_NON_SMTP,
	VACT_PROBES,
	VACT__COUNT
};

/* one row */
struct verdict_row {
	const char *id;
	enum verdict_sev sev;
	enum verdict_side side;
	bool ban;
	bool own;
	enum verdict_act act;
	unsigned nlist;
	const char *title, *reason, *reject;
};

const struct verdict_row *verdict_row(enum verdict v);
const char *verdict_id(enum verdict v);
int verdict_severity(enum verdict v);
const char *verdict_severity_word(int sev);
bool verdict_hostile(enum verdict v);
/* the verdict shown beside a session's evidence lines: the session's
 * own, unless the client's says more (a legitimate-looking login of an
 * abused client) or spares it (a failed login of a user's old device, a
 * webmail's address, a mail program on the wrong port) */
enum verdict verdict_of_evidence(enum verdict session, enum verdict client);
bool verdict_from_id(const char *s, enum verdict *v);

#endif
