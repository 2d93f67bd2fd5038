/*
 * action.c - the watcher's actions: nft/ipset elements with a timeout,
 * the hook command fed JSON, the compromised-account alert (action.h).
 */
#include "action.h"
#include "../util/buf.h"
#include "../util/run.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* name_ok - an nft family, table or set name: letters, digits, '_', '-', '.' */
static bool name_ok(const char *s)
{
	return str_word_ok(s, 64, "_-.");
}

/* action_cfg_nft - "inet filter postsleuth_ban" (or with ':' between, for
 * an environment variable that systemd splits on blanks) into its three words */
bool action_cfg_nft(char *out[3], const char *arg)
{
	char *t = xstrdup(arg), *save = NULL;
	int n = 0;
	for (char *w = strtok_r(t, " \t:", &save); w; w = strtok_r(NULL, " \t:", &save)) {
		if (n == 3 || !name_ok(w)) {
			n = 4;
			break;
		}
		out[n++] = xstrdup(w);
	}
	free(t);
	if (n != 3) {
		for (int i = 0; i < n && i < 3; i++)
			free(out[i]), out[i] = NULL;
		return false;
	}
	return true;
}

/* show - "nft add element ..." as it runs (the words are ours or checked) */
static void show(struct buf *b, const char *const argv[])
{
	for (int i = 0; argv[i]; i++)
		buf_printf(b, "%s%s", i ? " " : "", argv[i]);
}

/* run_or_say - run argv (stdin: input) when enabled, else print it;
 * false when it ran and failed (said on stderr) */
static bool run_or_say(const struct action_cfg *cfg, const char *const argv[], const struct buf *input)
{
	struct buf b = {0};
	show(&b, argv);
	if (!cfg->enabled) {
		printf("dry-run: %.*s", (int)b.n, b.p);
		if (input)   /* one line: the JSON ends in its newline */
			printf(" < %.*s", (int)(input->n ? input->n - 1 : 0), input->p);
		putchar('\n');
		fflush(stdout);
		buf_free(&b);
		return true;
	}
	struct run_result rr;
	run_prog_input_timeout(argv, input ? input->p : "", input ? input->n : 0, ACTION_TIMEOUT_MS,
			       &rr);
	bool ok = rr.status == 0 && !rr.timed_out;
	if (ok) {
		printf("ran: %.*s\n", (int)b.n, b.p);
		fflush(stdout);
	} else {
		struct buf e = {0};
		buf_term(&e, span_cut(span_make(rr.err.p ? rr.err.p : "", rr.err.n), 400));
		if (rr.timed_out)
			fprintf(stderr, "postsleuth: watch: %.*s failed (killed after %d s): %.*s\n",
				(int)b.n, b.p, ACTION_TIMEOUT_MS / 1000, (int)e.n, e.p);
		else
			fprintf(stderr, "postsleuth: watch: %.*s failed (%s%d): %.*s\n", (int)b.n, b.p,
				rr.not_found ? "not installed, " : "status ", rr.status, (int)e.n, e.p);
		buf_free(&e);
	}
	run_result_free(&rr);
	buf_free(&b);
	return ok;
}

/* ban_json - the finding the hook gets */
static void ban_json(struct buf *j, const struct action_ban *b, const struct action_cfg *cfg)
{
	const struct client *c = b->c;
	buf_puts(j, "{\"type\":\"ban\",\"address\":");
	buf_jsons(j, b->addr);
	buf_puts(j, ",\"verdict\":");
	buf_jsons(j, verdict_id(b->verdict));
	buf_printf(j, ",\"severity\":%d,\"sessions\":%u,\"auth_failures\":%u,\"auth_successes\":%u,"
		      "\"messages\":%u,\"relay_denied\":%u,\"rejects\":%u",
		   verdict_severity(b->verdict), c->sessions, c->auth_failures, c->auth_successes,
		   c->messages, c->relay_denied, c->rejects);
	struct stamp f = client_first(c), l = client_last(c);
	struct buf t = {0};
	buf_stamp(&t, f);
	buf_puts(j, ",\"first\":");
	buf_json(j, span_make(t.p ? t.p : "", t.n));
	t.n = 0;
	buf_stamp(&t, l);
	buf_puts(j, ",\"last\":");
	buf_json(j, span_make(t.p ? t.p : "", t.n));
	buf_free(&t);
	buf_printf(j, ",\"ban_seconds\":%llu,\"acted\":%s}\n", (unsigned long long)cfg->ban_seconds,
		   cfg->enabled ? "true" : "false");
}

/* action_ban - every configured action for one address; false if one
 * failed (the caller still counts it as decided: it is not retried) */
bool action_ban(const struct action_cfg *cfg, const struct action_ban *b, struct action_stats *st)
{
	char secs[32];
	snprintf(secs, sizeof secs, "%llus", (unsigned long long)cfg->ban_seconds);
	bool ok = true;
	char *const *set = b->v6 ? cfg->nft6 : cfg->nft;
	if (set[0]) {
		const char *argv[] = {"nft", "add", "element", set[0], set[1], set[2], "{", b->addr,
				      "timeout", secs, "}", NULL};
		ok &= run_or_say(cfg, argv, NULL);
	}
	if (cfg->ipset) {
		char n[32];
		snprintf(n, sizeof n, "%llu", (unsigned long long)cfg->ban_seconds);
		const char *argv[] = {"ipset", "add", cfg->ipset, b->addr, "timeout", n, "-exist", NULL};
		ok &= run_or_say(cfg, argv, NULL);
	}
	if (!set[0] && !cfg->ipset) {
		printf("would ban: %s (%s): no --nft-set%s or --ipset given\n", b->addr,
		       verdict_id(b->verdict), b->v6 ? "6" : "");
		fflush(stdout);
	}
	st->bans++;
	st->ban_errors += !ok;
	if (cfg->hook) {
		struct buf j = {0};
		ban_json(&j, b, cfg);
		const char *argv[] = {cfg->hook, NULL};
		bool h = run_or_say(cfg, argv, &j);
		st->hooks++;
		st->hook_errors += !h;
		ok &= h;
		buf_free(&j);
	}
	return ok;
}

/* action_alert - an account that looks compromised: said on standard
 * output, and to the hook */
void action_alert(const struct action_cfg *cfg, const struct account *ac, struct action_stats *st)
{
	struct buf name = {0};
	buf_term(&name, span_cut(span_of(ac->name), 256));
	printf("alert: account %.*s looks compromised: %u messages, %u recipients, %u bounced, "
	       "%u rejected as spam or virus by remote servers\n",
	       (int)name.n, name.p, ac->messages, ac->recipients, ac->bounced + ac->expired,
	       ac->remote_content_rejects);
	fflush(stdout);
	buf_free(&name);
	st->alerts++;
	if (!cfg->hook)
		return;
	struct buf j = {0};
	buf_puts(&j, "{\"type\":\"account-alert\",\"account\":");
	buf_jsons(&j, ac->name);
	buf_printf(&j, ",\"verdict\":\"compromised-suspect\",\"logins\":%u,\"messages\":%u,"
		       "\"recipients\":%u,\"bounced\":%u,\"remote_content_rejects\":%u,\"acted\":%s}\n",
		   ac->logins, ac->messages, ac->recipients, ac->bounced + ac->expired,
		   ac->remote_content_rejects, cfg->enabled ? "true" : "false");
	const char *argv[] = {cfg->hook, NULL};
	st->hooks++;
	st->hook_errors += !run_or_say(cfg, argv, &j);
	buf_free(&j);
}
