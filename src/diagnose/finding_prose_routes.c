/*
 * finding_prose_routes.c - the words of the findings about this server's
 * routes out of several addresses, instances and per-sender relays (the
 * login a relay host is given from smtp_sasl_password_maps, per sender or
 * per host): what the lines mean, the next step, and what the lines
 * cannot show.  The other findings' words are in finding_prose*.c;
 * finding_prose_en() reads them all.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_routes[F__COUNT] = {
    [F_OUT_RELAY_BLANK_LOGIN] = {
	"This server's SMTP client started to log in to its relay host with an empty user "
	"name: the SASL library's \"All-whitespace username\" is its answer when the login "
	"that smtp_sasl_password_maps gave for the relay (or for the sender, with "
	"smtp_sender_dependent_authentication) is blank, as an entry written \"[relay]:587 "
	":password\" or a container's RELAY_USER left empty gives. The relay did not refuse a "
	"password: none was sent. The deferral that follows (\"cannot authenticate to server "
	"...: generic failure\") has the same cause. Everything sent through that relay stays "
	"in the queue.",
	"Put the relay's user name and password in the table, keyed exactly as relayhost (or "
	"the sender, or sender_dependent_relayhost_maps) names the relay: \"[smtp.example.com]:587 "
	"user:password\", postmap it, then postqueue -f. When the relay admits this server by "
	"its IP address instead (a Microsoft 365 connector), turn the login off "
	"(smtp_sasl_auth_enable = no) and send to the tenant's MX host on port 25.",
	"The lines do not show the table's entry; postmap -q '[relay]:587' TABLE shows what "
	"Postfix finds for that key."},
};
