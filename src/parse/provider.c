/*
 * provider.c - the large mail providers by the domains of their servers
 * (provider.h).  One table: a suffix and the name a person knows.
 */
#include "provider.h"

#include <string.h>
#include <strings.h>

/* provider_name - the big mail providers by the names of their servers */
const char *provider_name(struct span name)
{
	static const struct {
		const char *suffix, *name;
	} known[] = {
	    {"google.com", "Gmail"},         {"googlemail.com", "Gmail"},
	    {"outlook.com", "Microsoft"},    {"hotmail.com", "Microsoft"},
	    {"live.com", "Microsoft"},       {"office365.us", "Microsoft"},
	    {"yahoodns.net", "Yahoo"},       {"yahoo.com", "Yahoo"},
	    {"aol.com", "Yahoo (AOL)"},      {"icloud.com", "Apple iCloud"},
	    {"apple.com", "Apple iCloud"},   {"mail.ru", "Mail.ru"},
	    {"yandex.net", "Yandex"},        {"yandex.ru", "Yandex"},
	    {"gmx.net", "GMX/web.de"},       {"web.de", "GMX/web.de"},
	    {"protonmail.ch", "Proton"},     {"zoho.com", "Zoho"},
	    {"comcast.net", "Comcast"},      {"orange.fr", "Orange"},
	    {"t-online.de", "T-Online"},     {"amazonses.com", "Amazon SES"},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		size_t n = strlen(known[i].suffix);
		if (name.n >= n && !strncasecmp(name.p + name.n - n, known[i].suffix, n) &&
		    (name.n == n || name.p[name.n - n - 1] == '.'))
			return known[i].name;
	}
	return NULL;
}
