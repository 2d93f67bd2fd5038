/*
 * test_client_note.c - diag_client_note (users.c) finds a kept client by
 * its address without a strlen of every kept address: the same tables,
 * entry for entry, as the search it replaced, over random addresses of a
 * small pool (hits, a full table), prefixes of one another, and with NUL
 * bytes inside (never found, each a new entry while there is room);
 * since speed29 looked up through the table's tags (diag_ip_tag), whose
 * bytes the addresses of the pool share now and then.
 */
#include "tap.h"
#include "diagnose/diag_internal.h"
#include "syslog/prefix.h"

#include <stdlib.h>

/* note_before - diag_client_note as it was: strlen and memcmp per entry */
static struct diag_relay *note_before(struct diag_relay *tab, uint32_t *n, uint32_t cap, struct span ip,
				      const struct event *ev)
{
	if (!ip.n || ip.n >= sizeof tab[0].ip)
		return NULL;
	struct diag_relay *r = NULL;
	for (uint32_t i = 0; i < *n && !r; i++)
		if (strlen(tab[i].ip) == ip.n && !memcmp(tab[i].ip, ip.p, ip.n))
			r = &tab[i];
	if (!r) {
		if (*n == cap)
			return NULL;
		r = &tab[(*n)++];
		memcpy(r->ip, ip.p, ip.n);
		r->ip[ip.n] = 0;
	}
	diag_note_line(r, ev, false);
	return r;
}

static uint64_t rnd_state = 0x452821E638D01377ULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

static void free_samples(struct diag_relay *tab, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		for (uint32_t j = 0; j < tab[i].nsample; j++)
			free(tab[i].sample[j]);
}

TEST(client_note_same_as_strlen)
{
	static struct diag_relay a[DIAG_TLS_CLIENTS], b[DIAG_TLS_CLIENTS];
	static uint8_t tags[DIAG_TLS_CLIENTS];
	static struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	struct logline l;
	CHECK(syslog_parse(&st, span_of("Nov  3 10:00:00 mx1 postfix/smtpd[1]: NOQUEUE: reject: x"), &l));
	struct event ev = {0};
	ev.line = &l;
	static const char *const pool[] = {"192.0.2.1", "192.0.2.10", "192.0.2.100", "2001:db8::1",
					   "2001:db8::10", "1", "10", "198.51.100.7"};
	for (int round = 0; round < 200; round++) {
		memset(a, 0, sizeof a), memset(b, 0, sizeof b);
		uint32_t na = 0, nb = 0, cap = round % 2 ? DIAG_TLS_CLIENTS : 1 + (uint32_t)(rnd() % 8);
		for (int i = 0; i < 400; i++) {
			char t[80];
			size_t n;
			uint64_t r = rnd() % 10;
			if (r < 6) {
				const char *p = pool[rnd() % 8];
				n = strlen(p);
				memcpy(t, p, n);
			} else if (r < 8) {
				n = (size_t)snprintf(t, sizeof t, "203.0.113.%u", (unsigned)(rnd() % 100));
			} else {
				n = 1 + (size_t)(rnd() % 70); /* up to past the 64 bytes kept */
				for (size_t k = 0; k < n; k++)
					t[k] = "12.0\0:a"[rnd() % 7];
			}
			if (rnd() % 8 == 0 && n > 1)
				n--; /* a prefix of a kept one */
			struct diag_relay *ra = diag_client_note(a, tags, &na, cap, span_make(t, n), &ev, false);
			struct diag_relay *rb = note_before(b, &nb, cap, span_make(t, n), &ev);
			CHECK((ra ? ra - a : -1) == (rb ? rb - b : -1));
		}
		CHECK_INT(na, nb);
		for (uint32_t i = 0; i < na && i < nb; i++)
			if (memcmp(a[i].ip, b[i].ip, sizeof a[i].ip) || a[i].lines != b[i].lines ||
			    a[i].nsample != b[i].nsample)
				test_fail(__FILE__, __LINE__, "round %d entry %u: \"%s\" %llu, want \"%s\" %llu",
					  round, i, a[i].ip, (unsigned long long)a[i].lines, b[i].ip,
					  (unsigned long long)b[i].lines);
		free_samples(a, na), free_samples(b, nb);
	}
}
