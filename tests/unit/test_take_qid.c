/*
 * test_take_qid.c - pc_take_queue_id (common.c) takes the queue ID it
 * took last at once when the text starts with it and ": " (speed11): the
 * same answer and the same spans as the former function, on random
 * "QID: rest" texts drawn from a small pool (so that the ID before comes
 * back often): short and long IDs, IDs one byte longer or shorter than
 * the one before, a byte changed, ':' without its blank, lengths 4 to
 * 34, cut anywhere, each text in a buffer of its own size.
 */
#include "tap.h"
#include "parse/common.h"

#include <stdlib.h>
#include <string.h>

/* the former function, as it was (qid_ok written out) */
static const unsigned char qid_class_before[256] = {
	['0'] = 7, ['1'] = 7, ['2'] = 7, ['3'] = 7, ['4'] = 7, ['5'] = 7, ['6'] = 7, ['7'] = 7,
	['8'] = 7, ['9'] = 7, ['A'] = 5, ['B'] = 7, ['C'] = 7, ['D'] = 7, ['E'] = 5, ['F'] = 7,
	['G'] = 6, ['H'] = 6, ['I'] = 4, ['J'] = 6, ['K'] = 6, ['L'] = 6, ['M'] = 6, ['N'] = 6,
	['O'] = 4, ['P'] = 6, ['Q'] = 6, ['R'] = 6, ['S'] = 6, ['T'] = 6, ['U'] = 4, ['V'] = 6,
	['W'] = 6, ['X'] = 6, ['Y'] = 6, ['Z'] = 6, ['a'] = 4, ['b'] = 6, ['c'] = 6, ['d'] = 6,
	['e'] = 4, ['f'] = 6, ['g'] = 6, ['h'] = 6, ['i'] = 4, ['j'] = 6, ['k'] = 6, ['l'] = 6,
	['m'] = 6, ['n'] = 6, ['o'] = 4, ['p'] = 6, ['q'] = 6, ['r'] = 6, ['s'] = 6, ['t'] = 6,
	['u'] = 4, ['v'] = 6, ['w'] = 6, ['x'] = 6, ['y'] = 6, ['z'] = 6,
};

static bool take_before(struct span *text, struct span *qid)
{
	const char *p = text->p;
	size_t n = text->n, lim = n < 33 ? n : 33, i = 0;
	unsigned all = 7;
	while (i < lim) {
		unsigned c = qid_class_before[(unsigned char)p[i]];
		if (!(c & 4))
			break;
		all &= c;
		i++;
	}
	if (i < 5 || i > 32 || i + 1 >= n || p[i] != ':' || p[i + 1] != ' ')
		return false;
	if (!(all & 1) && !((all & 2) && memchr(p, 'z', i) != NULL && i >= 12))
		return false;
	*qid = span_head(*text, i);
	*text = span_skip(*text, i + 2);
	return true;
}

static uint64_t rnd_state = 0x510E527FADE682D1ULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

static bool same_span(struct span a, struct span b)
{
	return a.n == b.n && a.p == b.p;
}

/* mutated_line - a heap copy of id, one byte changed at rate 1/change,
 * a separator of seps after it, cut short at rate 1/cut: the line's
 * bytes end where the copy ends (ASan sees any read past them) */
static char *mutated_line(const char *id, unsigned change, const char *const *seps, size_t nseps,
			  unsigned cut, size_t *len)
{
	char t[96];
	size_t n = strlen(id);
	memcpy(t, id, n);
	if (rnd() % change == 0) /* a byte changed */
		t[rnd() % n] = "3Fz:. \0a"[rnd() % 8];
	const char *sep = seps[rnd() % nseps];
	memcpy(t + n, sep, strlen(sep));
	n += strlen(sep);
	if (rnd() % cut == 0 && n)
		n -= 1 + rnd() % n; /* cut short */
	char *h = malloc(n ? n : 1);
	memcpy(h, t, n);
	*len = n;
	return h;
}

TEST(take_qid_same_as_before)
{
	static const char *const ids[] = {
	    "3F1A2B4C5D", "3F1A2B4C5", "3F1A2B4C5DE", "3F1A2", "3F1A", "4Yz9kLmNp2qRsTx",
	    "4Yz9kLmNp2qRsT", "4Yz9kLmNp2qRsTxY", "4Y9kLmNp2qRsTxw", "NOQUEUE", "abcdef",
	    "3F1A2B4C5D3F1A2B4C5D3F1A2B4C5D12", "3F1A2B4C5D3F1A2B4C5D3F1A2B4C5D123", "4Yz9AEIOU"};
	static const char *const seps[] = {": ", ":", " ", ": to=<a@b>", ":x", "", ": removed"};
	unsigned taken = 0;
	for (int round = 0; round < 300000; round++) {
		const char *id = ids[rnd() % (sizeof ids / sizeof *ids)];
		size_t n;
		char *h = mutated_line(id, 8, seps, sizeof seps / sizeof *seps, 6, &n);
		struct span ta = span_make(h, n), tb = ta, qa = SPAN_NULL, qb = SPAN_NULL;
		bool a = pc_take_queue_id(&ta, &qa), b = take_before(&tb, &qb);
		if (a != b || !same_span(ta, tb) || !same_span(qa, qb)) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\": %d, want %d", round, (int)n, h,
				  a, b);
			free(h);
			return;
		}
		taken += a;
		free(h);
	}
	CHECK(taken > 40000);
	CHECK(taken < 150000);
}

/* speed25's function: the ID of the line before, then the pass (with
 * pc_relaxed_qid), its memo its own */
static struct {
	size_t n;
	char b[32];
} last25;

static bool take_speed25(struct span *text, struct span *qid, bool relaxed)
{
	const char *p = text->p;
	size_t n = text->n, m = last25.n;
	if (m && n > m + 1 && p[m] == ':' && p[m + 1] == ' ' && !memcmp(p, last25.b, m)) {
		*qid = span_head(*text, m);
		*text = span_skip(*text, m + 2);
		return true;
	}
	size_t lim = n < 33 ? n : 33, i = 0;
	unsigned all = 7;
	while (i < lim) {
		unsigned c = qid_class_before[(unsigned char)p[i]];
		if (!(c & 4))
			break;
		all &= c;
		i++;
	}
	if (i < 5 || i > 32 || i + 1 >= n || p[i] != ':' || p[i + 1] != ' ') {
		if (!relaxed || i < 3 || i > 32 || i + 1 >= n || p[i] != ':' || p[i + 1] != ' ')
			return false;
	} else if (!(all & 1) && !((all & 2) && memchr(p, 'z', i) != NULL && i >= 12) && !relaxed)
		return false;
	memcpy(last25.b, p, i);
	last25.n = i;
	*qid = span_head(*text, i);
	*text = span_skip(*text, i + 2);
	return true;
}

/* take_qid_seen_same_as_speed25 - the IDs kept by their first eight bytes
 * (speed26): 400 IDs (short, long, masked, 3 to 34 bytes, many sharing
 * their first eight bytes, so that slots are taken from one another), in
 * runs and at random, with pc_relaxed_qid now and then: the same answer,
 * spans and memo as speed25's function.  Fails when a relaxed ID or a
 * slot's ID is taken without its ": " */
TEST(take_qid_seen_same_as_speed25)
{
	static const char alpha[] = "0123456789ABCDEFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyzAEIOUaeiou";
	enum { NIDS = 400 };
	static char ids[NIDS][40];
	for (int k = 0; k < NIDS; k++) {
		size_t len = 3 + rnd() % 32;
		if (k % 3 == 0 && k) { /* the first eight bytes of another */
			memcpy(ids[k], ids[rnd() % (unsigned)k], 8);
			for (size_t j = 8; j < len; j++)
				ids[k][j] = alpha[rnd() % 16];
		} else {
			int kind = (int)(rnd() % 4);
			for (size_t j = 0; j < len; j++)
				ids[k][j] = kind == 0 ? alpha[rnd() % 16]
					    : kind == 1 ? alpha[rnd() % 56]
					    : kind == 2 ? 'X'
							: alpha[rnd() % (sizeof alpha - 1)];
			if (kind == 1 && len > 6)
				ids[k][5] = 'z';
		}
		ids[k][len] = 0;
	}
	static const char *const seps[] = {": ", ":", " ", ": to=<a@b>", ":x", "", ": removed", ": "};
	unsigned taken = 0;
	int cur = 0;
	for (int round = 0; round < 400000; round++) {
		if (rnd() % 3 == 0)
			cur = (int)(rnd() % NIDS);
		size_t n;
		char *h = mutated_line(ids[cur], 16, seps, sizeof seps / sizeof *seps, 10, &n);
		bool relaxed = rnd() % 8 == 0;
		pc_relaxed_qid = relaxed;
		struct span ta = span_make(h, n), tb = ta, qa = SPAN_NULL, qb = SPAN_NULL;
		bool a = pc_take_queue_id(&ta, &qa), b = take_speed25(&tb, &qb, relaxed);
		pc_relaxed_qid = false;
		if (a != b || !same_span(ta, tb) || !same_span(qa, qb)) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\" relaxed %d: %d, want %d", round,
				  (int)n, h, relaxed, a, b);
			free(h);
			return;
		}
		taken += a;
		free(h);
	}
	CHECK(taken > 50000);
	CHECK(taken < 350000);
}
