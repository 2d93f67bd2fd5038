/*
 * finding_prose_bulk.c - the words of the findings about mail sent in
 * bulk (a mailing list, a newsletter, many recipients at one provider):
 * a remote server's limit on this server's connections at once, and a
 * refusal under the DMARC policy of the domain in the From: header that
 * a list keeps (outbound-dmarc-foreign-from, forwarded.c), and one for
 * SPF or DKIM that passed for another domain than the From: header's
 * (outbound-dmarc-unaligned).  The other outbound findings' words are in
 * finding_prose_out.c; finding_prose_en() reads every table.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_bulk[F__COUNT] = {
    [F_OUT_TOO_MANY_CONNS] = {
	"The remote server refused a new connection or command because this server's IP "
	"already had as many connections open to it as it allows (\"421 Too many concurrent "
	"SMTP connections\", Microsoft's 451 4.7.652 \"exceeded the maximum number of "
	"connections\"). It is the receiver's policy, and it counts every connection from "
	"the IP together: Postfix's per-destination limit (20 by default), several "
	"transports or several servers behind the same address, and cached idle connections "
	"add up. Postfix retries, so the mail is delayed, not lost, while the queue of a "
	"large send grows.",
	"Lower the concurrency toward that destination: a transport of its own for its domains "
	"in transport_maps (e.g. slow unix - - n - 5 smtp in master.cf) with "
	"slow_destination_concurrency_limit = 2 or 3 and, for a newsletter, "
	"slow_destination_rate_delay = 1s; when the limit is per provider rather than per "
	"domain (outlook.com serves many domains), route all of them through that transport. "
	"Check that no other transport or host sends from the same IP at the same time.",
	"The lines do not show how many connections this server had open, nor the receiver's "
	"exact limit; its postmaster pages or the reply's code name it."},
    [F_OUT_DMARC_FOREIGN_FROM] = {
	"The remote server refused the mail under the DMARC policy of the domain its reply "
	"names, and that domain is not the envelope sender's domain of the message: the "
	"message carries someone else's address in its From: header. That is what a mailing "
	"list (Mailman, Sympa, mlmmj) does when it re-sends a post with the poster's From: "
	"and its own bounce address, or an application that writes a customer's address as "
	"From:. The poster's domain publishes p=reject or p=quarantine; this server is not "
	"allowed to send in its name, SPF is checked against the list's domain (no "
	"alignment), and the list's subject tag or footer broke the poster's DKIM signature.",
	"Make the list send in its own name for such posters: Mailman 3's "
	"dmarc_mitigate_action = munge_from (Mailman 2.1: dmarc_moderation_action = Munge "
	"From), Sympa's dmarc_protection.mode; the poster's address goes to Reply-To. Or keep posts unchanged (no subject tag, no footer) so that the "
	"poster's DKIM signature still passes. An application must write an address of this "
	"server's own domain in From: and put the customer's in Reply-To. SRS does not help: "
	"DMARC looks at the From: header, not at the envelope.",
	"The lines do not show the From: header itself, only the domain the reply names and "
	"the envelope sender; a domain of the same organisation under another name (not a "
	"subdomain) is counted as another domain."},
    [F_OUT_DMARC_UNALIGNED] = {
	"The remote server judged the mail by DMARC alignment, a requirement of the large "
	"mailbox providers since 2024: SPF or DKIM may pass, but for another domain than the "
	"one in the message's From: header (Gmail's 4.7.32 or 5.7.32 \"isn't aligned with "
	"either the authenticated SPF or DKIM organizational domain\"). SPF is checked for "
	"the envelope sender's domain (MAIL FROM, the bounce address), DKIM for the signature's "
	"d= domain; one of them must be the From: domain or under it. A 421 (4.7.32) defers "
	"the mail, which Postfix retries until maximal_queue_lifetime and then bounces; a "
	"550 (5.7.32) refuses it at once.",
	"Sign with a DKIM key of the From: domain (OpenDKIM's SigningTable or rspamd's "
	"dkim_signing keyed by that domain, its public key in selector._domainkey.DOMAIN), "
	"or send with an envelope sender of that domain (an application's sendmail -f; a "
	"relay host must not rewrite it); publish a DMARC record too (_dmarc.DOMAIN TXT "
	"\"v=DMARC1; p=none\" at least). The fix is on this server, not at the recipient; a "
	"relay or newsletter service that signs with its own domain needs the From: domain's "
	"key.",
	"The lines do not show the From: header, the DKIM signature or the DNS records; a "
	"test message to a mailbox that shows the Authentication-Results header tells which "
	"domain SPF and DKIM passed for."},
};
