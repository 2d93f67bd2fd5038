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
	    P("pphosted.com", "Proofpoint"),  P("mimecast.com", "Mimecast"),
	};
#undef P
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		size_t n = known[i].n;
		/* the last byte first (the suffixes are in lower case) */
		if (name.n >= n && (unsigned char)tolower((unsigned char)name.p[name.n - 1]) ==
					   (unsigned char)known[i].suffix[n - 1] &&
		    !strncasecmp(name.p + name.n - n, known[i].suffix, n) &&
		    (name.n == n || name.p[name.n - n - 1] == '.'))
			return known[i].name;
	}
	return NULL;
}

/* provider_mailbox_domain - a domain where millions of people have their
 * mailbox: its MX and address records always exist, so "Domain not
 * found" for it says that the lookup failed on the asking side */
bool provider_mailbox_domain(struct span domain)
{
	static const char *const known[] = {
	    "gmail.com",   "googlemail.com", "outlook.com", "hotmail.com", "live.com",
	    "msn.com",     "yahoo.com",      "aol.com",     "icloud.com",  "me.com",
	    "mac.com",     "gmx.net",        "gmx.de",      "web.de",      "t-online.de",
	    "orange.fr",   "comcast.net",    "mail.ru",     "yandex.ru",   "proton.me",
	    "protonmail.com", "zoho.com",
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (domain.n == strlen(known[i]) && !strncasecmp(domain.p, known[i], domain.n))
			return true;
	return false;
}
