/*
 * provider.c - the large mail providers by the domains of their servers
 * (provider.h).  One table: a suffix and the name a person knows.
 */
#include "provider.h"
#include "../util/cidr.h"
#include <sys/socket.h>

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* dots8 - bit 7 of each byte of w that is '.', exactly (no borrow
 * between bytes: each byte's test stays inside it) */
static inline uint64_t dots8(uint64_t w)
{
	const uint64_t lows = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t y = w ^ 0x2E2E2E2E2E2E2E2EULL;
	return ~(((y & lows) + lows) | y) & ~lows;
}

/* lower8 - w with each byte 'A'..'Z' lowered, every other byte as it is
 * (tolower in the C locale: postsleuth sets LC_MESSAGES only) */
static inline uint64_t lower8(uint64_t w)
{
	const uint64_t lows = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t y = w & lows;
	uint64_t from_a = y + 0x3F3F3F3F3F3F3F3FULL; /* bit 7: y >= 'A' */
	uint64_t past_z = y + 0x2525252525252525ULL; /* bit 7: y > 'Z' */
	return w | (from_a & ~past_z & ~w & ~lows) >> 2;
}

/* provider_name - the big mail providers by the names of their servers.
 * Every suffix is two labels ("google.com", "t-online.de"): a name is
 * under one exactly when its tail after its second last dot (the whole
 * name when it has fewer) is that suffix, case-blind.  So the tail (6 to
 * 14 bytes) is found from the end, lowered as strncasecmp would lower it,
 * and looked up by its length: no table walked for each failed delivery
 * and refused client (test_provider.c holds it to the walk it replaced).
 * speed29: the last 16 bytes (a shorter name right-aligned after zeros,
 * which are no dots) read as two words, the dots and the lowering found
 * eight bytes at a time instead of a byte loop each (151 -> about 60
 * instructions a name) */
const char *provider_name(struct span name)
{
	if (name.n < 6)
		return NULL;
	const char *e = name.p + name.n;
	char b[16];
	if (name.n >= 16) {
		memcpy(b, e - 16, 16);
	} else {
		memset(b, 0, 16);
		memcpy(b + 16 - name.n, name.p, name.n);
	}
	/* byte j of hi is e[j - 8], byte j of lo e[j - 16]; a dot at e[-1 - i]
	 * leaves i bytes after it.  At most 15 bytes back: lo's byte 0 (e[-16])
	 * is out of reach */
	uint64_t lo = load_le64(b), hi = load_le64(b + 8);
	uint64_t dh = dots8(hi), dl = dots8(lo) & ~(uint64_t)0x80;
	size_t i = name.n < 15 ? name.n : 15; /* no second dot in reach */
	if (dh) {
		uint64_t rest = dh & ~(1ULL << (63 - __builtin_clzll(dh)));
		if (rest)
			i = 7 - (size_t)((63 - __builtin_clzll(rest)) >> 3);
		else if (dl)
			i = 15 - (size_t)((63 - __builtin_clzll(dl)) >> 3);
	} else if (dl) {
		uint64_t rest = dl & ~(1ULL << (63 - __builtin_clzll(dl)));
		if (rest)
			i = 15 - (size_t)((63 - __builtin_clzll(rest)) >> 3);
	}
	/* i: the tail's length; 15 when the second dot is not in reach */
	if (i < 6 || i > 14)
		return NULL;
	uint64_t l0 = lower8(lo), l1 = lower8(hi);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	l0 = __builtin_bswap64(l0), l1 = __builtin_bswap64(l1);
#endif
	char lw[16];
	memcpy(lw, &l0, 8);
	memcpy(lw + 8, &l1, 8);
	const char *t = lw + 16 - i;
#define IS(s) (!memcmp(t, s, sizeof s - 1))
	switch (i) {
	case 6:
		return IS("web.de") ? "GMX/web.de" : NULL;
	case 7:
		return IS("aol.com") ? "Yahoo (AOL)" : IS("mail.ru") ? "Mail.ru" : IS("gmx.net") ? "GMX/web.de" : NULL;
	case 8:
		return IS("live.com") ? "Microsoft" : IS("zoho.com") ? "Zoho" : NULL;
	case 9:
		return IS("yahoo.com")	 ? "Yahoo"
		       : IS("apple.com") ? "Apple iCloud"
		       : IS("yandex.ru") ? "Yandex"
		       : IS("orange.fr") ? "Orange"
		       : IS("posteo.de") ? "Posteo"
					 : NULL;
	case 10:
		return IS("google.com")	  ? "Gmail"
		       : IS("icloud.com") ? "Apple iCloud"
		       : IS("yandex.net") ? "Yandex"
					  : NULL;
	case 11:
		return IS("outlook.com")   ? "Microsoft"
		       : IS("hotmail.com") ? "Microsoft"
		       : IS("comcast.net") ? "Comcast"
		       : IS("t-online.de") ? "T-Online"
		       : IS("mailbox.org") ? "mailbox.org"
					   : NULL;
	case 12:
		return IS("office365.us")   ? "Microsoft"
		       : IS("yahoodns.net") ? "Yahoo"
		       : IS("pphosted.com") ? "Proofpoint"
		       : IS("mimecast.com") ? "Mimecast"
					    : NULL;
	case 13:
		return IS("protonmail.ch") ? "Proton" : IS("amazonses.com") ? "Amazon SES" : NULL;
	default: /* 14 */
		return IS("googlemail.com") ? "Gmail" : NULL;
	}
#undef IS
}

/* provider_sending_service - see provider.h.  The services' own sending
 * domains, as their servers' names end (a label boundary before them,
 * case-blind); not on any line's path: asked of a refusal's client only */
const char *provider_sending_service(struct span host)
{
	const char *big = provider_name(host);
	if (big)
		return big;
	static const struct {
		const char *suffix, *name;
	} services[] = {
	    {"sendgrid.net", "SendGrid"},	    {"mailgun.net", "Mailgun"},
	    {"mailgun.org", "Mailgun"},	    {"mcsv.net", "Mailchimp"},
	    {"mcdlv.net", "Mailchimp"},	    {"rsgsv.net", "Mailchimp"},
	    {"mandrillapp.com", "Mandrill"},	    {"sparkpostmail.com", "SparkPost"},
	    {"mailjet.com", "Mailjet"},	    {"mtasv.net", "Postmark"},
	    {"sendinblue.com", "Brevo"},	    {"brevo.com", "Brevo"},
	    {"messagingengine.com", "Fastmail"}, {"zoho.eu", "Zoho"},
	    {"zohomail.com", "Zoho"},	    {"wordpress.com", "WordPress.com"},
	    {"smtp.github.com", "GitHub"},	    {"exacttarget.com", "Salesforce"},
	    {"salesforce.com", "Salesforce"},	    {"hubspotemail.net", "HubSpot"},
	    {"cmail19.com", "Campaign Monitor"}, {"cmail20.com", "Campaign Monitor"},
	    {"elasticemail.com", "Elastic Email"}, {"smtp2go.com", "SMTP2GO"},
	    /* Exchange Online Protection's older outbound pools
	     * ("tx2outboundsmtppool2.messaging.microsoft.com") */
	    {"messaging.microsoft.com", "Microsoft"},
	};
	for (size_t i = 0; i < sizeof services / sizeof services[0]; i++) {
		size_t n = strlen(services[i].suffix);
		if (host.n > n && host.p[host.n - n - 1] == '.' &&
		    !strncasecmp(host.p + host.n - n, services[i].suffix, n))
			return services[i].name;
	}
	return NULL;
}

/* provider_of_address6 - the IPv6 networks of the same SPF records
 * (Google's ip6: ranges, Microsoft's 2a01:111:f400::/48 and
 * 2a01:111:f403::/48, which hold its published /49../52), or NULL */
static const char *provider_of_address6(struct span ip)
{
	static const struct {
		const char *net;
		const char *name;
	} nets[] = {
	    {"2001:4860:4000::/36", "Gmail"}, {"2404:6800:4000::/36", "Gmail"},
	    {"2607:f8b0:4000::/36", "Gmail"}, {"2800:3f0:4000::/36", "Gmail"},
	    {"2a00:1450:4000::/36", "Gmail"}, {"2c0f:fb50:4000::/36", "Gmail"},
	    {"2a01:111:f400::/48", "Microsoft"}, {"2a01:111:f403::/48", "Microsoft"},
	};
	char text[CIDR_STRLEN];
	if (!ip.n || ip.n >= sizeof text || !memchr(ip.p, ':', ip.n))
		return NULL;
	memcpy(text, ip.p, ip.n);
	text[ip.n] = 0;
	struct cidr x;
	if (!cidr_addr(text, &x) || x.family != AF_INET6)
		return NULL;
	for (size_t i = 0; i < sizeof nets / sizeof nets[0]; i++) {
		struct cidr n;
		if (cidr_parse(nets[i].net, &n, NULL) && cidr_contains(&n, &x))
			return nets[i].name;
	}
	return NULL;
}

/* provider_of_address - see provider.h.  The networks are those of
 * _spf.google.com, spf.protection.outlook.com and _spf.mail.yahoo.com
 * that their mail servers send from; they change rarely, and the
 * answer is only used together with a HELO name of the same provider
 * (ev_reject_unresolved_provider), so a stale row costs a missed
 * finding, never a false one */
const char *provider_of_address(struct span ip)
{
	static const struct {
		unsigned char net[4];
		unsigned plen;
		const char *name;
	} nets[] = {
	    {{64, 233, 160, 0}, 19, "Gmail"},  {{66, 102, 0, 0}, 20, "Gmail"},
	    {{66, 249, 80, 0}, 20, "Gmail"},   {{72, 14, 192, 0}, 18, "Gmail"},
	    {{74, 125, 0, 0}, 16, "Gmail"},    {{108, 177, 8, 0}, 21, "Gmail"},
	    {{108, 177, 96, 0}, 19, "Gmail"},  {{172, 217, 0, 0}, 19, "Gmail"},
	    {{172, 253, 56, 0}, 21, "Gmail"},  {{172, 253, 112, 0}, 20, "Gmail"},
	    {{173, 194, 0, 0}, 16, "Gmail"},   {{209, 85, 128, 0}, 17, "Gmail"},
	    {{216, 58, 192, 0}, 19, "Gmail"},  {{216, 239, 32, 0}, 19, "Gmail"},
	    {{40, 92, 0, 0}, 15, "Microsoft"}, {{40, 107, 0, 0}, 16, "Microsoft"},
	    {{52, 100, 0, 0}, 14, "Microsoft"}, {{104, 47, 0, 0}, 17, "Microsoft"},
	    {{98, 136, 0, 0}, 14, "Yahoo"},    {{66, 163, 184, 0}, 21, "Yahoo"},
	    {{74, 6, 0, 0}, 16, "Yahoo"},      {{67, 195, 0, 0}, 16, "Yahoo"},
	};
	unsigned char a[4];
	if (!cidr_dotted_quad(ip.p, ip.n, a))
		return provider_of_address6(ip);
	uint32_t x = (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 | (uint32_t)a[2] << 8 | a[3];
	for (size_t i = 0; i < sizeof nets / sizeof nets[0]; i++) {
		uint32_t n = (uint32_t)nets[i].net[0] << 24 | (uint32_t)nets[i].net[1] << 16 |
			     (uint32_t)nets[i].net[2] << 8 | nets[i].net[3];
		uint32_t mask = nets[i].plen ? ~0u << (32 - nets[i].plen) : 0;
		if ((x & mask) == n)
			return nets[i].name;
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
	/* the same brands' country domains: yahoo.co.id, hotmail.fr,
	 * gmx.at, outlook.com.br (the brand, then CC, co.CC or com.CC) */
	static const char *const brands[] = {"yahoo.", "hotmail.", "outlook.", "gmx."};
	for (size_t i = 0; i < sizeof brands / sizeof brands[0]; i++) {
		size_t b = strlen(brands[i]);
		if (domain.n <= b || strncasecmp(domain.p, brands[i], b))
			continue;
		struct span cc = span_skip(domain, b);
		if (cc.n > 3 && (!strncasecmp(cc.p, "co.", 3) || (cc.n > 4 && !strncasecmp(cc.p, "com.", 4))))
			cc = span_skip(cc, cc.p[2] == '.' ? 3 : 4);
		if (cc.n == 2 && isalpha((unsigned char)cc.p[0]) && isalpha((unsigned char)cc.p[1]))
			return true;
	}
	return false;
}
