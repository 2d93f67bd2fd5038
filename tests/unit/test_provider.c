/*
 * test_provider.c - provider_name (provider.c) tests the dot before a
 * suffix ahead of comparing the suffix (speed9): the same answer as the
 * order it replaced, on random host names made of the suffixes, cut,
 * in upper case, with a byte changed or a NUL inside, glued to a label
 * with or without the dot.
 */
#include "tap.h"
#include "parse/provider.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* name_before - provider_name as it was: the suffix compared before the dot */
static const char *name_before(struct span name)
{
#define P(suffix, name) {suffix, sizeof suffix - 1, name}
	static const struct {
		const char *suffix;
		size_t n;
		const char *name;
	} known[] = {
	    P("google.com", "Gmail"),         P("googlemail.com", "Gmail"),
	    P("outlook.com", "Microsoft"),    P("hotmail.com", "Microsoft"),
	    P("live.com", "Microsoft"),       P("office365.us", "Microsoft"),
	    P("yahoodns.net", "Yahoo"),       P("yahoo.com", "Yahoo"),
	    P("aol.com", "Yahoo (AOL)"),      P("icloud.com", "Apple iCloud"),
	    P("apple.com", "Apple iCloud"),   P("mail.ru", "Mail.ru"),
	    P("yandex.net", "Yandex"),        P("yandex.ru", "Yandex"),
	    P("gmx.net", "GMX/web.de"),       P("web.de", "GMX/web.de"),
	    P("protonmail.ch", "Proton"),     P("zoho.com", "Zoho"),
	    P("comcast.net", "Comcast"),      P("orange.fr", "Orange"),
	    P("t-online.de", "T-Online"),     P("amazonses.com", "Amazon SES"),
	    P("pphosted.com", "Proofpoint"),  P("mimecast.com", "Mimecast"),
	    P("posteo.de", "Posteo"),         P("mailbox.org", "mailbox.org"),
	};
#undef P
	if (name.n < 2)
		return NULL;
	unsigned char z = (unsigned char)tolower((unsigned char)name.p[name.n - 1]);
	unsigned char y = (unsigned char)tolower((unsigned char)name.p[name.n - 2]);
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		size_t n = known[i].n;
		if (name.n >= n && z == (unsigned char)known[i].suffix[n - 1] &&
		    y == (unsigned char)known[i].suffix[n - 2] &&
		    !strncasecmp(name.p + name.n - n, known[i].suffix, n) &&
		    (name.n == n || name.p[name.n - n - 1] == '.'))
			return known[i].name;
	}
	return NULL;
}

static uint64_t rnd_state = 0xBB67AE8584CAA73BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

TEST(provider_name_same_as_suffix_first)
{
	static const char *const parts[] = {
	    "google.com", "googlemail.com", "outlook.com", "mail.protection.outlook.com", "live.com",
	    "yahoo.com", "aol.com", "mail.ru", "web.de", "t-online.de", "mimecast.com", "zoho.com",
	    "example.com", "com", "om", ".", "mx", "-", "x", "mail-wr1-f41.", "\0"};
	const size_t nparts = sizeof parts / sizeof *parts;
	char t[200];
	unsigned named = 0;
	for (int round = 0; round < 300000; round++) {
		size_t n = 0;
		tap_parts(t, &n, sizeof t, parts, nparts, 1 + (int)(rnd() % 4), &rnd_state);
		uint64_t r = rnd();
		if (r % 4 == 0 && n > 1) /* cut at either end */
			n -= 1 + (r >> 2) % 3 < n ? 1 + (r >> 2) % 3 : 0;
		if ((r >> 8) % 3 == 0) /* upper case */
			for (size_t i = 0; i < n; i++)
				if ((r >> (12 + i % 40)) & 1)
					t[i] = (char)toupper((unsigned char)t[i]);
		if ((r >> 52) % 8 == 0 && n) /* a byte changed */
			t[(r >> 20) % n] = ".xO\0"[(r >> 30) % 4];
		struct span s = span_make(t, n);
		const char *a = provider_name(s), *b = name_before(s);
		if (a && b ? strcmp(a, b) != 0 : a != b) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\": %s, want %s", round, (int)n, t,
				  a ? a : "NULL", b ? b : "NULL");
			return;
		}
		named += a != NULL;
	}
	CHECK(named > 30000);
	CHECK(named < 270000);
	CHECK(!provider_name(span_make(NULL, 0)));
}

/* name_walk - provider_name as speed13 found it: the table walked, told
 * by the last two bytes, the dot, then the suffix (strncasecmp) */
static const char *name_walk(struct span name)
{
#define P(suffix, name) {suffix, sizeof suffix - 1, name}
	static const struct {
		const char *suffix;
		size_t n;
		const char *name;
	} known[] = {
	    P("google.com", "Gmail"),         P("googlemail.com", "Gmail"),
	    P("outlook.com", "Microsoft"),    P("hotmail.com", "Microsoft"),
	    P("live.com", "Microsoft"),       P("office365.us", "Microsoft"),
	    P("yahoodns.net", "Yahoo"),       P("yahoo.com", "Yahoo"),
	    P("aol.com", "Yahoo (AOL)"),      P("icloud.com", "Apple iCloud"),
	    P("apple.com", "Apple iCloud"),   P("mail.ru", "Mail.ru"),
	    P("yandex.net", "Yandex"),        P("yandex.ru", "Yandex"),
	    P("gmx.net", "GMX/web.de"),       P("web.de", "GMX/web.de"),
	    P("protonmail.ch", "Proton"),     P("zoho.com", "Zoho"),
	    P("comcast.net", "Comcast"),      P("orange.fr", "Orange"),
	    P("t-online.de", "T-Online"),     P("amazonses.com", "Amazon SES"),
	    P("pphosted.com", "Proofpoint"),  P("mimecast.com", "Mimecast"),
	    P("posteo.de", "Posteo"),         P("mailbox.org", "mailbox.org"),
	};
#undef P
	if (name.n < 2)
		return NULL;
	unsigned char z = (unsigned char)tolower((unsigned char)name.p[name.n - 1]);
	unsigned char y = (unsigned char)tolower((unsigned char)name.p[name.n - 2]);
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		size_t n = known[i].n;
		if (name.n >= n && z == (unsigned char)known[i].suffix[n - 1] &&
		    y == (unsigned char)known[i].suffix[n - 2] &&
		    (name.n == n || name.p[name.n - n - 1] == '.') &&
		    !strncasecmp(name.p + name.n - n, known[i].suffix, n))
			return known[i].name;
	}
	return NULL;
}

/* speed13: the tail after the second last dot looked up by its length
 * gives the walk's answer: every suffix, its near misses (a byte more or
 * less at either end, a dot doubled, a label glued on), cut, in upper
 * case, with a byte changed; each text in a heap buffer of its own size
 * (speed29: names shorter and longer than the 16 bytes read as words) */
TEST(provider_name_same_as_walk)
{
	static const char *const parts[] = {
	    "google.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "office365.us",
	    "yahoodns.net", "yahoo.com", "aol.com", "icloud.com", "apple.com", "mail.ru", "yandex.net",
	    "yandex.ru", "gmx.net", "web.de", "protonmail.ch", "zoho.com", "comcast.net", "orange.fr",
	    "t-online.de", "amazonses.com", "pphosted.com", "mimecast.com", "posteo.de", "mailbox.org",
	    "oogle.com", "google.co",
	    "xgoogle.com", "eb.de", "googlemail.comx", "com", "de", ".", "..", "mx", "-", "x",
	    "mail-wr1-f41.", "abcdefghijklmno", "\0"};
	const size_t nparts = sizeof parts / sizeof *parts;
	char t[200];
	unsigned named = 0, kinds = 0;
	const char *seen[32] = {0};
	for (int round = 0; round < 400000; round++) {
		size_t n = 0;
		tap_parts(t, &n, sizeof t, parts, nparts, 1 + (int)(rnd() % 4), &rnd_state);
		uint64_t r = rnd();
		if (r % 4 == 0 && n > 1) /* cut at the end */
			n -= 1 + (r >> 2) % 3 < n ? 1 + (r >> 2) % 3 : 0;
		size_t skip = (r >> 5) % 7 == 0 && n > 2 ? 1 + (r >> 40) % 2 : 0; /* cut at the start */
		if ((r >> 8) % 3 == 0) /* upper case */
			for (size_t i = 0; i < n; i++)
				if ((r >> (12 + i % 40)) & 1)
					t[i] = (char)toupper((unsigned char)t[i]);
		if ((r >> 52) % 8 == 0 && n) /* a byte changed: around 'A' and 'Z', their high-bit twins (speed29's lowering by words) */
			t[(r >> 20) % n] = ".xO\0@[`{\xC1\xDA\xCF\xAE"[(r >> 30) % 12];
		size_t len = n - skip;
		char *h = malloc(len ? len : 1);
		if (!h)
			return;
		memcpy(h, t + skip, len);
		struct span s = span_make(h, len);
		const char *a = provider_name(s), *b = name_walk(s);
		if (a && b ? strcmp(a, b) != 0 : a != b) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\": %s, want %s", round, (int)len, h,
				  a ? a : "NULL", b ? b : "NULL");
			free(h);
			return;
		}
		free(h);
		if (a) {
			named++;
			size_t k = 0;
			while (k < kinds && strcmp(seen[k], a))
				k++;
			if (k == kinds && kinds < 32)
				seen[kinds++] = a;
		}
	}
	CHECK(named > 30000);
	CHECK(named < 300000);
	CHECK(kinds == 18); /* every provider's name was given */
	CHECK(!provider_name(span_make(NULL, 0)));
	CHECK(!provider_name(SPAN_LIT("google.com.")));
	CHECK(provider_name(SPAN_LIT("GOOGLE.COM")) && !strcmp(provider_name(SPAN_LIT("a.b.GOOGLE.COM")), "Gmail"));
}

/* the mailbox brands' country domains always resolve too; other names
 * that only start like them do not count */
TEST(provider_mailbox_country_domains)
{
	static const char *const yes[] = {"gmail.com", "yahoo.co.id", "YAHOO.FR", "hotmail.com.br",
					  "outlook.de", "gmx.at", "yahoo.com.tw"};
	static const char *const no[] = {"yahoo.example", "yahoo.co.", "yahoo.com.", "hotmail.c0",
					 "gmx.", "gmxx.de", "outlook.co.uk.example", "example.com", ""};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		CHECK(provider_mailbox_domain(span_of(yes[i])));
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		CHECK(!provider_mailbox_domain(span_of(no[i])));
}
