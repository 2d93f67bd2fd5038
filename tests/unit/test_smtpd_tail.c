/*
 * test_smtpd_tail.c - pc_smtpd_tail (common.c) tries each key only where
 * its first byte is, and pc_angle_value compares a next key's first two
 * bytes before strlen and memcmp (speed11): the same answer, spans and
 * event, byte for byte, as the former functions, on random reject tails
 * (from, to, helo, proto, the sasl_* fields, with ' ' or ", " between,
 * '>' and quotes inside the values, look-alike keys, NULs, cut
 * anywhere) and on pc_angle_value alone with one-byte and empty next
 * keys; each text in a buffer of its own size.
 */
#include "tap.h"
#include "parse/common.h"

#include <stdlib.h>
#include <string.h>

/* the former functions, as they were */
static bool angle_before(struct span *cur, const char *key, const char *const *next_keys,
			 struct span *out)
{
	if (!cur->n || cur->p[0] != key[0])
		return false;
	size_t kn = strlen(key);
	if (cur->n < kn + 2 || memcmp(cur->p, key, kn) != 0 || cur->p[kn] != '=' ||
	    cur->p[kn + 1] != '<')
		return false;
	struct span v = span_skip(*cur, kn + 2);
	size_t q = 0;
	if (v.n && v.p[0] == '"')
		for (size_t i = 1; i < v.n; i++) {
			if (v.p[i] == '\\') {
				i++;
			} else if (v.p[i] == '"') {
				q = i + 1;
				break;
			}
		}
	struct span vq = span_skip(v, q);
	ptrdiff_t best = -1;
	if (next_keys) {
		const char *p = vq.p, *end = vq.p + vq.n, *gt;
		while (best < 0 && p < end && (gt = memchr(p, '>', (size_t)(end - p)))) {
			struct span rest = span_make(gt + 1, (size_t)(end - gt - 1));
			for (int i = 0; next_keys[i]; i++)
				if (span_starts(rest, next_keys[i])) {
					best = gt - vq.p;
					break;
				}
			p = gt + 1;
		}
	}
	if (best < 0) {
		if (next_keys && next_keys[0] == NULL)
			return false;
		best = span_rchr(vq, '>');
		if (best < 0)
			return false;
	}
	best += (ptrdiff_t)q;
	*out = span_head(v, (size_t)best);
	*cur = span_skip(v, (size_t)best + 1);
	return true;
}

static void tail_before(struct span t, struct event *ev)
{
	static const char *const after_from[] = {" to=<", ", to=<", " proto=", ", proto=", NULL};
	static const char *const after_to[] = {" proto=", ", proto=", " helo=<", ", helo=<", NULL};
	static const char *const after_helo[] = {" sasl_", ", sasl_", NULL};
	while (t.n) {
		while (t.n && (t.p[0] == ' ' || t.p[0] == ',' || t.p[0] == ';'))
			t = span_skip(t, 1);
		struct span v;
		if (angle_before(&t, "from", after_from, &v))
			ev->from = v;
		else if (angle_before(&t, "to", after_to, &v))
			ev->to = v;
		else if (angle_before(&t, "helo", after_helo, &v))
			ev->helo = v;
		else if (pc_word_value(&t, "proto", &v))
			ev->proto = v;
		else if (pc_word_value(&t, "sasl_method", &v))
			ev->sasl_method = v;
		else if (span_starts(t, "sasl_username=<") &&
			 angle_before(&t, "sasl_username", after_helo, &v))
			ev->sasl_username = v;
		else if (pc_word_value(&t, "sasl_username", &v))
			ev->sasl_username = v;
		else if (span_starts(t, "sasl_sender=<") && angle_before(&t, "sasl_sender", NULL, &v))
			ev->sasl_sender = v;
		else if (pc_word_value(&t, "sasl_sender", &v))
			ev->sasl_sender = v;
		else {
			size_t i = 0;
			while (i < t.n && t.p[i] != ' ')
				i++;
			t = span_skip(t, i);
		}
	}
}

static uint64_t rnd_state = 0x1F83D9ABFB41BD6BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

static const char *const parts[] = {
    "from=<", "to=<", "helo=<", "proto=", "sasl_method=", "sasl_username=<", "sasl_username=",
    "sasl_sender=<", "sasl_sender=", "sasl_", "fro", "t", "h", "s", "p", "from=", "to=", " ",
    ", ", ",", ";", "<", ">", "\"", "\\", "a@b.test", "ESMTP", "PLAIN", "mail.example.test",
    "x", "=", "\0"};

/* draw - a random tail into t (cap bytes), its length */
static size_t draw(char *t, size_t cap)
{
	size_t n = 0;
	if (rnd() % 2) { /* the usual shape, perhaps with a byte changed */
		static const char *const tails[] = {
		    "from=<a@b.test> to=<c@d.test> proto=ESMTP helo=<mail.example.test>",
		    "from=<> to=<c@d.test> proto=SMTP helo=<[192.0.2.1]>",
		    "from=<a>b@c> to=<d> proto=ESMTP helo=<h>",
		    "from=<\"a> b\"@c.test>, to=<d@e.test>, proto=ESMTP, helo=<h>",
		    "from=<a@b> to=<c@d> proto=ESMTP helo=<h> sasl_method=PLAIN sasl_username=<u>",
		    "from=<a@b> to=<c@d> proto=ESMTP helo=<h>, sasl_username=u, sasl_sender=<s@t>",
		    "from=<a@b> proto=ESMTP helo=<h>", "to=<c@d> helo=<h", "helo=<h> x=y"};
		const char *s = tails[rnd() % 9];
		n = strlen(s);
		memcpy(t, s, n);
		if (rnd() % 3 == 0)
			t[rnd() % n] = "<>, =\"\\\0fthsp"[rnd() % 14];
	}
	tap_parts(t, &n, cap, parts, sizeof parts / sizeof *parts,
		  n ? (int)(rnd() % 3) : 1 + (int)(rnd() % 16), &rnd_state);
	if (rnd() % 5 == 0 && n)
		n -= 1 + rnd() % n;
	return n;
}

TEST(smtpd_tail_same_as_before)
{
	char t[256];
	unsigned helos = 0, sasl = 0;
	for (int round = 0; round < 300000; round++) {
		size_t n = draw(t, sizeof t);
		char *h = malloc(n ? n : 1);
		memcpy(h, t, n);
		struct event a, b;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		pc_smtpd_tail(span_make(h, n), &a);
		tail_before(span_make(h, n), &b);
		if (memcmp(&a, &b, sizeof a) != 0) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\": event differs", round, (int)n, h);
			free(h);
			return;
		}
		helos += b.helo.p != NULL;
		sasl += b.sasl_username.p || b.sasl_sender.p;
		free(h);
	}
	CHECK(helos > 30000);
	CHECK(sasl > 3000);
}

TEST(angle_value_same_as_before)
{
	static const char *const k1[] = {" to=<", ", to=<", " proto=", ", proto=", NULL};
	static const char *const k2[] = {", size=", ", status=", NULL};
	static const char *const k3[] = {">", "x", NULL};
	static const char *const k4[] = {"", NULL};
	static const char *const k5[] = {NULL};
	static const char *const *const sets[] = {k1, k2, k3, k4, k5, NULL};
	static const char *const keys[] = {"from", "to", "helo", "f"};
	char t[256];
	unsigned ok = 0;
	for (int round = 0; round < 300000; round++) {
		size_t n = draw(t, sizeof t);
		if (rnd() % 3 == 0) { /* ", size=" and ", status=" behind a '>' */
			static const char *const more[] = {", size=1", ", status=expired", ">x", ">>", ">"};
			const char *m = more[rnd() % 5];
			for (size_t j = 0; m[j] && n < sizeof t; j++)
				t[n++] = m[j];
		}
		char *h = malloc(n ? n : 1);
		memcpy(h, t, n);
		const char *key = keys[rnd() % 4];
		const char *const *nk = sets[rnd() % 6];
		struct span ca = span_make(h, n), cb = ca, oa = SPAN_NULL, ob = SPAN_NULL;
		bool a = pc_angle_value(&ca, key, nk, &oa), b = angle_before(&cb, key, nk, &ob);
		if (a != b || ca.p != cb.p || ca.n != cb.n || oa.p != ob.p || oa.n != ob.n) {
			test_fail(__FILE__, __LINE__, "round %d key %s \"%.*s\": %d, want %d", round, key,
				  (int)n, h, a, b);
			free(h);
			return;
		}
		ok += a;
		free(h);
	}
	CHECK(ok > 20000);
}
