/*
 * login_explain.c - a client's logins in words, for client_explain
 * (verdict_explain.c): the usernames it tried, the accounts it logged
 * in as, password guessing and logins after failures (auth-bruteforce,
 * auth-success-after-failures), a user's device with an old password
 * (stale-password), an address of the own network that speaks for
 * several users (shared-front).
 *
 * Untrusted: usernames came from the log; the writers escape them.
 */
#include "analysis.h"
#include "explain_internal.h"
#include "../util/buf.h"
#include "../util/i18n.h"

#include <stdio.h>
#include <string.h>

/* tried_count - attempts naming a user: the larger of the two sources */
static uint32_t tried_count(const struct tried_user *t)
{
	return t->from_postfix > t->from_dovecot ? t->from_postfix : t->from_dovecot;
}

/* tried_text - "admin (3, unknown user), alice (1, Password mismatch: the account exists)" */
static void tried_text(struct buf *b, const struct client_detail *d, uint32_t max)
{
	for (uint32_t i = 0; i < d->ntried && i < max; i++) {
		const struct tried_user *t = &d->tried[i];
		buf_printf(b, "%s%s", i ? ", " : "", t->name);
		uint32_t n = tried_count(t);
		if (n > 1 || t->result) {
			buf_puts(b, " (");
			if (n > 1)
				buf_printf(b, "%u×", n);
			if (t->result) {
				if (n > 1)
					buf_puts(b, ", ");
				if (strstr(t->result, "mismatch"))
					buf_puts(b, _("wrong password: this account exists"));
				else
					buf_puts(b, t->result);
			}
			buf_putc(b, ')');
		}
	}
	if (d->ntried > max)
		/* TRANSLATORS: after a list of usernames */
		buf_printf(b, P_(" and %u more", " and %u more", d->ntried - max), d->ntried - max);
}

/* explain_first_login - the name of the first account it logged in as, or NULL */
const char *explain_first_login(const struct analysis *a, const struct client *c)
{
	return c->nlogin ? login_account(a, client_login(a, c, 0))->name : NULL;
}

/* explain_login_names - the account it logged in as, or, for several, "5
 * different users (ann@example.com, ben@example.com, cat@example.com and
 * 2 more)"; in out (n bytes), or "?" */
const char *explain_login_names(const struct analysis *a, const struct client *c, char *out, size_t n)
{
	if (c->nlogin < 2)
		return explain_first_login(a, c) ? explain_first_login(a, c) : "?";
	struct buf names = {0};
	uint32_t k = 0;
	for (; k < c->nlogin && k < 3; k++) {
		buf_puts(&names, k ? ", " : "");
		buf_puts(&names, login_account(a, client_login(a, c, k))->name);
	}
	if (c->nlogin > k)
		buf_printf(&names, P_(" and %u more", " and %u more", c->nlogin - k), c->nlogin - k);
	buf_putc(&names, 0);
	/* TRANSLATORS: a count of accounts (2 or more), then their names */
	snprintf(out, n, P_("%u different user (%s)", "%u different users (%s)", c->nlogin), c->nlogin,
		 names.p);
	buf_free(&names);
	return out;
}

/* tried_list - tried_text as a string (freed by the caller) */
static struct buf tried_list(const struct client_detail *d, uint32_t max)
{
	struct buf t = {0};
	tried_text(&t, d, max);
	buf_putc(&t, 0);
	return t;
}

/* explain_auth - the SASL verdicts' prose */
void explain_auth(struct buf *b, const struct analysis *a, const struct client *c,
		      const struct client_detail *d)
{
	unsigned long long fails = c->auth_failures;
	uint32_t tried_names = client_tried_names(a, c);
	if (c->verdict == V_AUTH_SUCCESS_AFTER_FAILURES) {
		if (explain_first_login(a, c))
			/* TRANSLATORS: a count of failures, then the account's name */
			buf_printf(b, P_(" It failed SASL authentication %llu time and then logged in "
					 "successfully as %s.",
					 " It failed SASL authentication %llu times and then logged in "
					 "successfully as %s.", fails),
				   fails, explain_first_login(a, c));
		else
			buf_printf(b, P_(" It failed SASL authentication %llu time and then logged in "
					 "successfully.",
					 " It failed SASL authentication %llu times and then logged in "
					 "successfully.", fails),
				   fails);
		buf_puts(b, _(" Either a user mistyped a password several times, or a guessed password "
			      "worked: check with the account's owner now."));
		if (tried_names && d && d->ntried) {
			struct buf t = tried_list(d, 12);
			/* TRANSLATORS: %s is a list of usernames, with counts and results */
			buf_printf(b, _(" Usernames tried: %s."), t.p);
			buf_free(&t);
		}
		return;
	}
	buf_printf(b, P_(" It failed SASL authentication %llu time", " It failed SASL authentication %llu times",
			 fails),
		   fails);
	if (c->sessions && (c->times & CT_TIMED) && c->last_us - c->first_us >= 120LL * 1000000)
		/* TRANSLATORS: continues "It failed SASL authentication 40 times" (at least 2 minutes) */
		buf_printf(b, _(" over %.0f minutes"), (double)(c->last_us - c->first_us) / 60e6);
	struct buf t = {0};
	if (!d || !d->ntried) {
		if (tried_names >= 2)
			/* TRANSLATORS: continues "It failed SASL authentication 40 times" */
			buf_puts(b, _(", with several different usernames"));
	} else if (tried_names == 1) {
		t = tried_list(d, 1);
		/* TRANSLATORS: continues "It failed SASL authentication 40 times"; %s is the username */
		buf_printf(b, _(", as %s"), t.p);
	} else if (c->flags & CF_DETAIL_LOST) {
		t = tried_list(d, 12);
		/* TRANSLATORS: continues "It failed SASL authentication 40 times"; %s lists usernames */
		buf_printf(b, _(", with several different usernames, among them: %s"), t.p);
	} else {
		t = tried_list(d, 12);
		/* TRANSLATORS: continues "It failed SASL authentication 40 times"; a count (2 or more),
		 * then the list of usernames */
		buf_printf(b, P_(", with %u different username: %s", ", with %u different usernames: %s",
				 tried_names),
			   tried_names, t.p);
	}
	buf_free(&t);
	buf_puts(b, fails >= 3 || tried_names >= 2 ? _(". This is password guessing.")
						   : _(". Alone this proves little, but nothing else "
						       "in the log explains it: treat it as password "
						       "guessing and watch for more."));
	if (!c->auth_successes)
		buf_puts(b, _(" None of its attempts succeeded."));
}

/* explain_front - several users' logins through one address of this
 * server's own network (verdict.c: V_SHARED_FRONT) */
void explain_front(struct buf *b, const struct analysis *a, const struct client *c,
		       const struct client_detail *d)
{
	unsigned long long fails = c->auth_failures, ok = c->auth_successes;
	uint32_t users = c->nlogin > client_tried_names(a, c) ? c->nlogin : client_tried_names(a, c);
	char n1[64], n2[64];
	/* TRANSLATORS: "10 failed logins", "20 successful ones", a count of users */
	buf_printf(b, P_(" It made %s and %s for %u different user: this address of your own network "
			 "speaks for others (a webmail such as Roundcube, a proxy, or a NAT such as "
			 "Docker's bridge), so it tells nothing of who typed the passwords.",
			 " It made %s and %s for %u different users: this address of your own network "
			 "speaks for others (a webmail such as Roundcube, a proxy, or a NAT such as "
			 "Docker's bridge), so it tells nothing of who typed the passwords.", users),
		   explain_count(n1, sizeof n1, P_("%llu failed login", "%llu failed logins", fails), fails),
		   explain_count(n2, sizeof n2, P_("%llu successful one", "%llu successful ones", ok), ok),
		   users);
	if (d && d->ntried) {
		struct buf t = tried_list(d, 12);
		/* TRANSLATORS: %s is a list of usernames, with counts and results */
		buf_printf(b, _(" Usernames that failed: %s."), t.p);
		buf_free(&t);
	}
	buf_puts(b, _(" Never ban it: every user behind it would be shut out. Judge the accounts "
		      "instead (postsleuth accounts), and make the front pass the real client's "
		      "address: XCLIENT for a proxy that speaks it, such as nginx's mail proxy "
		      "(smtpd_authorized_xclient_hosts), the "
		      "PROXY protocol for a TCP proxy (smtpd_upstream_proxy_protocol = haproxy), host "
		      "networking for Docker. Guessers behind a webmail are banned at the webmail "
		      "(fail2ban's roundcube-auth jail)."));
}

/* explain_stale - a user's device with an old password (analysis.c's
 * stale_password: one user, who logs in elsewhere, tried a few times a
 * session, sessions a minute or more apart) */
void explain_stale(struct buf *b, const struct analysis *a, const struct client *c,
		       const struct client_detail *d)
{
	unsigned long long fails = c->auth_failures;
	struct buf t = {0};
	if (d && d->ntried)
		t = tried_list(d, 1);
	else
		buf_puts(&t, "?"), buf_putc(&t, 0);
	(void)a;
	/* TRANSLATORS: a count of failures, then the username with its count and result */
	buf_printf(b, P_(" It failed SASL authentication %llu time, as %s, a user who logs in from "
			 "another address in this log, and never got in.",
			 " It failed SASL authentication %llu times, always as %s, a user who logs in "
			 "from another address in this log, and never got in.", fails),
		   fails, t.p);
	buf_free(&t);
	buf_puts(b, _(" One or two attempts a connection, a minute or more apart: this is what a "
		      "mail program (a phone, a second computer) does when it still has the user's old "
		      "password, not what a guesser does (guessers try many names, or one name fast). "
		      "Ask the user to update the password on that device; banning the address would "
		      "shut the user out. If the user does not know the address, treat it as guessing "
		      "and change the password."));
}
