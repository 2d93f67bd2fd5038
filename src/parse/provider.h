/*
 * provider.h - the large mail providers, known by the names of their
 * servers: a host name in a log line (a relay, a client's PTR) tells
 * which provider's machines they are.
 */
#ifndef POSTSLEUTH_PROVIDER_H
#define POSTSLEUTH_PROVIDER_H

#include "../util/span.h"

#include <stdbool.h>

/* provider_name - "Gmail", "Microsoft", ... for a host under one of
 * their domains; NULL for any other name */
const char *provider_name(struct span host);

/* provider_of_address - the same names for an address in the outbound
 * networks the largest providers publish in their SPF records (Gmail,
 * Microsoft, Yahoo; IPv6: Gmail and Microsoft); NULL for any other */
const char *provider_of_address(struct span ip);

/* provider_sending_service - "SendGrid", "Mailgun", "Mailchimp", ... for
 * a host under the domain of a service that sends mail for others
 * (newsletters, notifications, password resets), or of a large provider
 * (provider_name); NULL for any other name.  Such a server is a real MTA
 * that retries; the domains of the mail it carries are its customers' */
const char *provider_sending_service(struct span host);

/* provider_mailbox_domain - gmail.com, outlook.com, yahoo.com...: a
 * domain that always resolves (exact match, case-blind) */
bool provider_mailbox_domain(struct span domain);

/* When "Domain not found" (smtpd's reject_unknown_sender_domain and
 * reject_unknown_recipient_domain) names RESOLVER_DOMAINS distinct domains
 * or more, RESOLVER_KNOWN of them mailbox domains that always resolve,
 * the lookups failed on this host: its resolver, not the senders.  One
 * well-known domain may be a passing glitch, and unknown domains alone
 * are what spam forges. */
enum { RESOLVER_DOMAINS = 3, RESOLVER_KNOWN = 2 };

#endif
