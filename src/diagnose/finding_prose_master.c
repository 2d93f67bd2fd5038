/*
 * finding_prose_master.c - the words of the findings about the lives of
 * master's daemons (one that keeps dying and is throttled, one that stops
 * with a fatal error, one killed by a signal, one master cannot wake),
 * and the table types every program loads at its start (one this Postfix
 * lacks, the plugin list skipped): what the lines mean, the next step, and
 * what the lines cannot show.  The other findings' words
 * are in finding_prose.c, finding_prose_in.c, finding_prose_local.c and
 * finding_prose_out.c; finding_prose_en() reads the five.
 */
#include "finding.h"

#include <stddef.h>

const struct finding_prose finding_prose_master[F__COUNT] = {
    [F_DAEMON_THROTTLED] = {
	"A Postfix daemon keeps exiting at start-up (\"bad command startup -- throttling\"), "
	"or the master daemon cannot start one at all (\"fork: ... -- throttling\": the host "
	"is out of processes or memory), and master throttles it: that service is down.",
	"Read the fatal line the daemon writes just before (it says why), fix it, then "
	"postfix reload. For a fork failure, free memory or raise the limit on processes "
	"(ulimit -u, systemd's TasksMax), or lower default_process_limit.",
	NULL},
    [F_DAEMON_FATAL] = {
	"A Postfix daemon stopped with a fatal error or a panic; what it serves fails until "
	"the cause is fixed.",
	"Read the fatal line: it names the file, table or setting at fault. postfix check "
	"finds many of these.",
	NULL},
    [F_SERVICE_HOST_UNKNOWN] = {
	"A Postfix daemon had to connect to a service named by host and port in main.cf or "
	"master.cf (a milter in smtpd_milters, a policy server, a content filter) and the "
	"host name does not resolve (\"fatal: host/service NAME/PORT not found\"): the daemon "
	"stops at once, so every connection or message it serves fails, and master throttles "
	"it when it keeps dying. In a container bundle (mailcow, Mailu, docker-mailserver, a "
	"Kubernetes chart) the name is another container's service name (rspamd, antispam, "
	"amavis), known only on the bundle's own network.",
	"Check that the service named runs and that this host or container resolves its name "
	"(getent hosts NAME inside the Postfix container): start the missing container, attach "
	"Postfix to the same network or fix the service discovery, or write the address in "
	"place of the name; then postfix reload.",
	NULL},
    [F_DAEMON_CRASHED] = {
	"A Postfix daemon was killed by a signal (master's \"process ... killed by signal "
	"N\"): signal 11 (a segmentation fault) or 6 (an abort) is a crash, 9 is the kernel's "
	"out-of-memory killer or someone's kill -9. A crash writes no fatal line of its own: "
	"the session or delivery it served is lost, and master throttles a daemon that keeps "
	"dying at start-up.",
	"For signals 11 and 6 read the kernel log (dmesg, journalctl -k) at that time and the "
	"daemon's own last lines (same pid), then update or reinstall Postfix and the "
	"libraries it loads (lookup table plugins, OpenSSL, the SASL library) so that their "
	"versions match, and run postfix check; crashes at random places point at the "
	"memory. For signal 9 look for the out-of-memory killer in the kernel log.",
	"The lines do not show which client, message or table the daemon was serving when it "
	"died."},
    [F_SPOOL_PERMISSIONS] = {
	"Three or more Postfix programs were refused their own queue directory (\"Permission "
	"denied\" from smtpd on private/anvil or the SASL socket, master on public/pickup, qmgr "
	"on the active queue, sendmail or postdrop on the maildrop): one cause, the owner or "
	"modes of /var/spool/postfix and what is under it, not a fault of each service. Mail "
	"is neither received nor delivered while it lasts; the daemons' fatal exits and "
	"master's throttling that follow are its effects. It comes after a volume or "
	"bind mount with other owners (a container's spool kept on the host, where the postfix "
	"user's number differs), a restore from a backup, a chown -R or a chmod on the tree, or "
	"a package upgrade that changed the postfix or postdrop user's number.",
	"Run postfix set-permissions (it gives every file and directory under the queue "
	"directory its owner and mode again: the postfix user, maildrop and public to the "
	"postdrop group), then postfix check, which tells what is still wrong, and postfix "
	"reload. In a container, make the volume's owners the container's postfix user and "
	"postdrop group (id postfix inside it), or let the image fix them at start.",
	"The lines do not show who changed the owners, or whether a single path or the "
	"whole tree is wrong: ls -ln /var/spool/postfix shows the numbers."},
    [F_MASTER_WAKEUP] = {
	"The master daemon wakes pickup and qmgr every minute through their trigger pipes in "
	"the queue directory (public/pickup, public/qmgr: named pipes) and cannot; the error "
	"at the end of the line says why. \"Invalid argument\" or \"Operation not supported\": "
	"the queue directory is on a file system without named pipes (a network share, a "
	"cloud or container volume); \"No such file or directory\": the pipe is gone; "
	"\"Permission denied\": its owner or mode is wrong. Mail submitted on this host and "
	"newly queued mail then wait for the daemons' own timers instead of moving at once.",
	"For \"Invalid argument\" or \"Operation not supported\" put /var/spool/postfix on a "
	"local file system that has named pipes (not NFS, CIFS or an object-storage volume; in "
	"Kubernetes a block volume or an emptyDir). Then run postfix set-permissions (it makes "
	"public/pickup and public/qmgr again with their owner and mode) and postfix reload; "
	"postfix check tells what is still wrong.",
	NULL},
    [F_MAP_TYPE] = {
	"Postfix cannot open a table because it does not support its type (\"unsupported "
	"dictionary type\"): the type is not built in, or comes as a plugin package that is "
	"not installed. Postfix built without Berkeley DB has no hash: or btree:. Every "
	"lookup in such a table fails with a temporary error, so mail in that path is "
	"refused or deferred.",
	"List the types this Postfix has with postconf -m. Install the missing one (Debian: "
	"postfix-lmdb, postfix-cdb, postfix-mysql, postfix-pgsql, postfix-ldap, "
	"postfix-pcre), or change the type in main.cf and master.cf to one it has (lmdb: "
	"instead of hash:) and build the table again with postmap; then postfix reload. A "
	"system that dropped Berkeley DB (Red Hat, Rocky and Alma 10, openSUSE, Alpine; "
	"Postfix 3.11 says \"Berkeley DB support ... is not available\") has no package for "
	"hash: or btree:, whatever the message suggests: set default_database_type = lmdb, "
	"change every hash: and btree: to lmdb: (the TLS and postscreen caches too), then run "
	"postmap and newaliases again.",
	NULL},
    [F_MAP_PLUGINS_SKIPPED] = {
	"Postfix reads the lookup table types that come as plugin packages (lmdb, cdb, mysql, "
	"pgsql, ldap, pcre, sqlite) from dynamicmaps.cf and the files in dynamicmaps.cf.d, and "
	"skips such a file when root (or the user running the program) does not own it or when "
	"group or others may write it (\"file is owned or writable by non-root users -- "
	"skipping this file\"; since Postfix 3.12 \"by other users\"). The types it lists are "
	"then unknown to that program: every table of those types fails to open (\"unsupported "
	"dictionary type\", postmap's and postalias's \"unsupported map type\"), and mail in "
	"its path is refused or deferred. A container image, or a configuration copied from "
	"another host with its owners changed, does this.",
	"Give the files back to root and take away group and other write: chown root:root "
	"/etc/postfix/dynamicmaps.cf /etc/postfix/dynamicmaps.cf.d/*, then chmod 644 the same "
	"files (in a container: in the image, or at its start after the volume is mounted). "
	"Then postfix reload, and run newaliases or postmap again for the tables that failed.",
	NULL},
};
