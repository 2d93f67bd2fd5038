/*
 * test_user_marks.c - diag_user_marks (diagnose/users.c, speed18): for
 * every client and each of the five kept tables (failed handshakes,
 * hang-ups, a user's refusals, refusals without a login, SASL backend
 * failures) the entry that the former search found, kept here (noted: the
 * first entry whose address is the client's address text).  Clients of
 * IPv4, IPv6 and text addresses; tables holding their texts, the same
 * addresses written otherwise (upper case, zeros written out, IPv4 in
 * IPv6), addresses of no client, the same address twice, an empty one
 * and one of 63 bytes; each client's address text in a heap buffer of its
 * own size for the former search.  Every other round has thousands of
 * clients more, and the tables name clients of any number, so that
 * clients share a slot of the marks' table.
 */
#include "tap.h"
#include "analyze/analysis.h"
#include "diagnose/diag_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the former search, as it was */
static struct diag_relay *noted(struct diag_relay *tab, uint32_t n, const char *ip)
{
	for (uint32_t i = 0; i < n; i++) /* the first byte before a call */
		if (tab[i].ip[0] == ip[0] && !strcmp(tab[i].ip, ip))
			return &tab[i];
	return NULL;
}

static uint64_t rnd_state = 0x0DDBA11CAFEF00D5ULL;

/* an_address - one of the shapes of an address, from r */
static void an_address(char *ip, size_t cap, uint64_t r)
{
	unsigned x = (unsigned)(r >> 8) % 40, y = (unsigned)(r >> 20) % 7;
	switch ((r >> 40) % 12) {
	case 0:
		snprintf(ip, cap, "2001:db8::%x", x);
		break;
	case 1:
		snprintf(ip, cap, "2001:DB8::%X", x); /* upper case */
		break;
	case 2:
		snprintf(ip, cap, "2001:db8:0:0::%x", x); /* zeros written out */
		break;
	case 3:
		snprintf(ip, cap, "::ffff:192.0.2.%u", x);
		break;
	case 4:
		snprintf(ip, cap, "host%u.example", x);
		break;
	case 5:
		snprintf(ip, cap, "%s", "");
		break;
	case 6:
		snprintf(ip, cap, "%.63s", "198.51.100.1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		break;
	case 7:
		snprintf(ip, cap, "192.0.2.0%u", x % 10); /* a leading zero */
		break;
	default:
		snprintf(ip, cap, "%u.0.2.%u", 192 + y, x);
		break;
	}
}

TEST(user_marks_as_the_search_found)
{
	int bad = 0;
	unsigned found = 0;
	for (int round = 0; round < 40 && bad < 5; round++) {
		struct analysis *a = analysis_new();
		struct diag *d = diag_new();
		char ip[64];
		int nclients = 20 + (int)(tap_rnd(&rnd_state) % 200);
		for (int i = 0; i < nclients; i++) {
			an_address(ip, sizeof ip, tap_rnd(&rnd_state));
			(void)analysis_client_get(a, span_of(ip));
		}
		/* every other round, thousands more: client numbers that fall in
		 * the same slot of the marks */
		for (int i = 0; round % 2 && i < 4000; i++) {
			uint64_t r = tap_rnd(&rnd_state);
			snprintf(ip, sizeof ip, "10.%u.%u.%u", (unsigned)(r >> 8) % 256, (unsigned)(r >> 16) % 256,
				 (unsigned)(r >> 24) % 256);
			(void)analysis_client_get(a, span_of(ip));
		}
		analysis_finish(a);
		struct diag_relay *tabs[UT__COUNT] = {d->tlsfail, d->tlshang, d->userref, d->noauthref, d->saslfail};
		uint32_t *ns[UT__COUNT] = {&d->ntlsfail, &d->ntlshang, &d->nuserref, &d->nnoauthref, &d->nsaslfail};
		for (int t = 0; t < UT__COUNT; t++) {
			uint32_t n = round % 7 == t ? 0 : (uint32_t)(tap_rnd(&rnd_state) % (DIAG_TLS_CLIENTS + 1));
			for (uint32_t j = 0; j < n; j++) {
				memset(tabs[t][j].ip, 0, sizeof tabs[t][j].ip);
				uint64_t r = tap_rnd(&rnd_state);
				if (r % 3 == 0) { /* a client's own text, of any number */
					struct client_addr ca = client_addr(a->clist[(r >> 8) % a->nclist]);
					size_t l = strlen(ca.s);
					memcpy(tabs[t][j].ip, ca.s, l < 63 ? l : 63);
				} else
					an_address(tabs[t][j].ip, sizeof tabs[t][j].ip, r);
			}
			*ns[t] = n;
		}
		struct user_marks *um = malloc(sizeof *um);
		diag_user_marks(d, a, um);
		for (size_t i = 0; i < a->nclist && bad < 5; i++) {
			const struct client *c = a->clist[i];
			struct client_addr ca = client_addr(c);
			size_t len = strlen(ca.s) + 1;
			char *text = malloc(len); /* its own size */
			memcpy(text, ca.s, len);
			const uint8_t *m = diag_user_marks_of(um, analysis_client_number(a, c));
			for (int t = 0; t < UT__COUNT; t++) {
				struct diag_relay *want = noted(tabs[t], *ns[t], text);
				uint8_t got = m ? m[t] : 0;
				uint8_t w = want ? (uint8_t)(want - tabs[t] + 1) : 0;
				found += w != 0;
				if (got != w && bad++ < 5)
					test_fail(__FILE__, __LINE__, "client %s, table %d: got entry %d, want %d", text, t,
						  got - 1, w - 1);
			}
			free(text);
		}
		free(um);
		/* diag_free frees the tables' samples: none were taken */
		diag_free(d);
		analysis_free(a);
	}
	CHECK(found > 200); /* the tables name clients often enough to test */
}
