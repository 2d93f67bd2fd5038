/*
 * provider.c - the large mail providers by the domains of their servers
 * (provider.h).  One table: a suffix and the name a person knows.
 */
#include "provider.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* provider_name - the big mail providers by the names of their servers */
const char *provider_name(struct span name)
{
	/* with the suffixes' lengths: tried on every failed delivery */
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
	};
#undef P
	if (name.n < 2) /* every suffix has a dot and a letter at least */
		return NULL;
	/* the last two bytes first, lowered once (the suffixes are in lower case) */
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
