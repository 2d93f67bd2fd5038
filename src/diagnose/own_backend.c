/*
 * own_backend.c - this host's own delivery backends.  A delivery whose
 * relay is this host itself -- relay=local or virtual, a pipe transport
 * (relay=dovecot, maildrop...), LMTP, or SMTP/LMTP to a loopback address
 * (not SMTP to port 25, 465 or 587) or a UNIX socket -- failed because of this host (its
 * mailbox store, content filter or their configuration), never because
 * of "a remote server".  Also a process's TLS failure with such a
 * backend, for the relay-less "QID: Cannot start TLS" line after it.
 */
#include "own_backend.h"
#include "diag_internal.h"
#include "rules.h"

#include "../util/cidr.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

/* is_loopback - the address text is 127.0.0.0/8 or ::1 */
static bool is_loopback(struct span ip)
{
	char buf[CIDR_STRLEN];
	struct cidr a;
	if (!ip.n || ip.n >= sizeof buf)
		return false;
	/* without a ':' only IPv4 parses, and its first part is 127 only
	 * when written "127." (no leading zeros: cidr_dotted_quad, inet_pton) */
	if (span_chr(ip, ':') < 0 && !span_starts(ip, "127."))
		return false;
	memcpy(buf, ip.p, ip.n);
	buf[ip.n] = 0;
	if (!cidr_addr(buf, &a))
		return false;
	if (a.family == AF_INET)
		return a.a[0] == 127;
	static const unsigned char one[16] = {[15] = 1};
	return !memcmp(a.a, one, sizeof one);
}

/* store_name - a host name whose first label is a mailbox store's
 * software (Dovecot, Cyrus): what a container or compose service of the
 * site's own mailboxes is called ("dovecot", "dovecot.mail_default") */
static bool store_name(struct span h)
{
	ptrdiff_t dot = span_chr(h, '.');
	struct span first = dot >= 0 ? span_head(h, (size_t)dot) : h;
	return span_ieq(first, span_of("dovecot")) || span_ieq(first, span_of("cyrus"));
}

/* own_filter_port - a content filter's usual listener: Amavis 10024,
 * its return 10025, originating 10026 */
bool own_filter_port(struct span port)
{
	return span_eqs(port, "10024") || span_eqs(port, "10025") || span_eqs(port, "10026");
}

/* own_masked_addr - what a relay's brackets hold, masked in a paste: no
 * digit (empty, "x.x.x.x", "IP"), and no '/' (a socket path) nor ':'
 * (an IPv6 address or "[::]" is not a mask) */
bool own_masked_addr(struct span ip)
{
	for (size_t i = 0; i < ip.n; i++)
		if ((ip.p[i] >= '0' && ip.p[i] <= '9') || ip.p[i] == ':' || ip.p[i] == '/')
			return false;
	return true;
}

/* peer_in_text - "HOST[ADDR]:PORT" after one of the SMTP client's
 * markers (a deferral with relay=none names its peer only there): the
 * address or socket path inside the brackets, the port, and the name */
static void peer_in_text(struct span t, struct span *in, struct span *port, struct span *host)
{
	static const char *const marks[] = {"connect to ", "lost connection with ", "conversation with ",
					    "host "};
	struct span said = span_find(t, " said: ");
	if (said.p)
		t = span_head(t, (size_t)(said.p - t.p));
	for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
		struct span c = span_find(t, marks[m]);
		if (!c.p)
			continue;
		c = span_skip(c, strlen(marks[m]));
		/* up to a blank, not a colon: "connect to ::1[::1]:10024" */
		ptrdiff_t sp = span_chr(c, ' ');
		struct span name = sp >= 0 ? span_head(c, (size_t)sp) : c;
		ptrdiff_t lb = span_chr(name, '[');
		/* a paste that masked the name: "host mail.* [private/dovecot-lmtp]" */
		if (lb < 0 && sp > 0 && (size_t)sp + 1 < c.n && c.p[sp + 1] == '[')
			lb = sp + 1;
		ptrdiff_t rb = lb >= 0 ? span_chr(span_skip(c, (size_t)lb), ']') : -1;
		if (rb < 0)
			continue;
		*in = span_make(c.p + lb + 1, (size_t)rb - 1);
		*host = span_head(c, (size_t)lb);
		struct span after = span_skip(c, (size_t)lb + (size_t)rb + 1);
		if (after.n > 1 && after.p[0] == ':')
			*port = diag_token(span_skip(after, 1));
		return;
	}
}

/* own_backend - is the failed delivery's relay this host itself; key:
 * the backend's name ("local", "dovecot", "private/dovecot-lmtp",
 * "127.0.0.1:10024"), never words of the reply */
enum own_kind own_backend(const struct event *ev, struct span t, char *key)
{
	struct span d = ev->line->daemon;
	struct span name = ev->relay_name, ip = ev->relay_ip, port = ev->relay_port, sock = SPAN_NULL;
	if (span_eqs(name, "none"))
		name = SPAN_NULL;
	/* a socket: relay=HOST[private/dovecot-lmtp] (set_relay keeps no address) */
	ptrdiff_t lb = span_chr(ev->relay, '[');
	if (lb >= 0) {
		struct span in = span_skip(ev->relay, (size_t)lb + 1);
		ptrdiff_t rb = span_chr(in, ']');
		if (rb > 0 && span_chr(span_head(in, (size_t)rb), '/') >= 0)
			sock = span_head(in, (size_t)rb);
	}
	struct span peer = SPAN_NULL;
	if (!ip.n && !sock.n) {
		struct span in = SPAN_NULL;
		peer_in_text(t, &in, &port, &peer);
		if (span_chr(in, '/') >= 0)
			sock = in;
		else
			ip = in;
	}
	/* error(8) bouncing with trivial-rewrite's or qmgr's own verdict
	 * "User unknown in virtual alias table" (virtual mailbox, local
	 * recipient, relay recipient): this server's tables, not a remote
	 * server's reply (that one carries " said: "); key the table */
	struct span tbl = span_find(t, "User unknown in ");
	if (span_eqs(d, "error") && tbl.p && !span_find(t, " said: ").p) {
		tbl = span_skip(tbl, strlen("User unknown in "));
		ptrdiff_t end = span_chr(tbl, ')');
		diag_copy_key(key, end >= 0 ? span_head(tbl, (size_t)end) : tbl);
		return OWN_MAILBOX;
	}
	if (span_eqs(d, "local") || span_eqs(d, "virtual") || span_eqs(d, "pipe")) {
		diag_copy_key(key, name.n ? name : d);
		return OWN_MAILBOX;
	}
	if (sock.n) {
		diag_copy_key(key, sock);
		return OWN_MAILBOX;
	}
	bool lmtp = span_eqs(d, "lmtp");
	/* SMTP to port 25, 465 or 587 of a loopback address is a mail
	 * server (a relay host through a tunnel, a local submission
	 * service), not a filter (filters listen on 10024/10025 and the
	 * like): what it says stays a mail server's answer */
	bool loopback = is_loopback(ip);
	if (loopback && !lmtp && (span_eqs(port, "25") || span_eqs(port, "465") || span_eqs(port, "587")))
		return OWN_NONE;
	if (loopback) {
		bool v6 = port.n && span_chr(ip, ':') >= 0; /* [::1]:10024 */
		snprintf(key, DIAG_KEY_MAX, "%s%.*s%s%s%.*s", v6 ? "[" : "", span_prec(ip, 64), ip.p, v6 ? "]" : "",
			 port.n ? ":" : "", span_prec(port, 16), port.p);
		/* Amavis speaks LMTP on 10024 too; Dovecot's LMTP listens on 24
		 * (lmtp_tcp_port), also when the retry service's deferral
		 * ("delivery temporarily suspended: connect to ...:24") names it */
		bool filter = !(lmtp || span_eqs(port, "24")) || (port.n == 5 && span_starts(port, "100"));
		return filter ? OWN_FILTER : OWN_MAILBOX;
	}
	/* an address masked in a paste (relay=[]:10024, "x.x.x.x") at a
	 * content filter's usual port: this host's own filter, as
	 * rules_out.c's "connect to[]:10024" is */
	if (!lmtp && (!name.n || span_eq(name, ip)) && span_chr(ev->relay, '[') >= 0 && own_masked_addr(ip) &&
	    own_filter_port(port)) {
		snprintf(key, DIAG_KEY_MAX, "[%.*s]:%.*s", span_prec(ip, 64), ip.p, span_prec(port, 16), port.p);
		return OWN_FILTER;
	}
	/* Amavis's reply once it passed the message on ("250 2.0.0 from
	 * MTA(smtp:[HOST]:10025): 250 2.0.0 Ok: queued as QID") names a
	 * content filter, on another host or container of the site too */
	if (!lmtp && (name.n || ip.n) && span_starts(ev->reason, "250 2.0.0 from MTA(")) {
		struct span h = ip.n ? ip : name;
		snprintf(key, DIAG_KEY_MAX, "%.*s%s%.*s", span_prec(h, 128), h.p, port.n ? ":" : "",
			 span_prec(port, 16), port.p);
		return OWN_FILTER;
	}
	/* a mailbox store's container or host by its software's name on a
	 * private address ("lost connection with dovecot[172.22.1.250]",
	 * the reason a pasted bounce keeps without its lmtp daemon) */
	if (!lmtp && store_name(name.n ? name : peer) && ip.n && cidr_own_network(ip.p, ip.n)) {
		diag_copy_key(key, name.n ? name : peer);
		return OWN_MAILBOX;
	}
	if (lmtp) {
		/* LMTP is spoken only to the site's own mailbox server (RFC 2033) */
		struct span h = name.n ? name : ip;
		/* relay=none with a DNS failure names the LMTP host only in
		 * "Name service error for name=HOST type=A" */
		struct span nm = span_find(t, "name=");
		if (!h.n && nm.p) {
			nm = span_skip(nm, 5);
			ptrdiff_t sp = span_chr(nm, ' ');
			h = sp >= 0 ? span_head(nm, (size_t)sp) : nm;
		}
		if (!h.n)
			return OWN_NONE;
		snprintf(key, DIAG_KEY_MAX, "%.*s%s%.*s", span_prec(h, 128), h.p, port.n ? ":" : "",
			 span_prec(port, 16), port.p);
		return OWN_MAILBOX;
	}
	return OWN_NONE;
}

/* own_finding - what a finding of a remote server's answer is when the
 * server is this host's own backend; dsn X.2.2: the mailbox is full; a
 * verdict (no such user, spam) is permanent: a temporary one is the
 * backend failing ("451 4.5.0 ... virus_scan FAILED", a lookup error) */
enum finding_id own_finding(enum finding_id id, enum own_kind kind, struct span dsn, bool temp)
{
	bool full = dsn.n == 5 && dsn.p[1] == '.' && dsn.p[2] == '2' && dsn.p[3] == '.' && dsn.p[4] == '2';
	enum finding_id failed = kind == OWN_FILTER ? F_FILTER_FAILED : F_OWN_DELIVERY_FAILED;
	switch (id) {
	case F_OUT_MAILBOX_FULL:
		return F_OWN_MAILBOX_FULL;
	case F_OUT_USER_UNKNOWN:
		return temp ? failed : F_OWN_USER_UNKNOWN;
	case F_OUT_CONTENT:
	case F_OUT_REPUTATION:
	case F_OUT_COMPLAINTS:
	case F_OUT_AUTH_CHECKS:
	case F_OUT_DMARC_UNALIGNED:
	case F_OUT_NO_PTR:
	case F_OUT_BLOCKLISTED:
		return temp ? failed : F_OWN_CONTENT;
	case F_OUT_REFUSED:
	case F_OUT_DNS_TEMP: /* the LMTP host's name does not resolve */
	case F_OUT_DNS_NXDOMAIN:
		return kind == OWN_FILTER ? F_FILTER_DOWN : F_LMTP_DOWN;
	case F_OUT_SMTPUTF8: /* the own hop lacks SMTPUTF8: this host's settings */
		return F_OWN_SMTPUTF8;
	case F_LMTP_DOWN: /* LMTP to Amavis on [::1]:10024 is a content filter */
		return kind == OWN_FILTER ? F_FILTER_DOWN : F_LMTP_DOWN;
	case F_OUT_RATE_LIMITED:
	case F_OUT_TOO_MANY_CONNS:
	case F_OUT_RATE_REFUSED:
	case F_OUT_RCPT_RATE:
	case F_OUT_RCPT_LIMIT:
	case F_OUT_GREYLISTED:
	case F_OUT_TLS_FAIL:
	case F_OUT_TIMEOUT:
	case F_OUT_CONV_LOST:
	case F_OUT_SUSPENDED:
	case F_OUT_REMOTE_TEMP:
	case F_OUT_REMOTE_PERM:
	case F_OUT_DNS_MALFORMED:
		return full ? F_OWN_MAILBOX_FULL : failed;
	default:
		return id;
	}
}

/* diag_own_tls_note - an smtp or lmtp process's failed handshake ("SSL_connect
 * error to H[A]:P: ..."): with this host's own backend (a content filter's
 * port on loopback, a socket), remembered for its process; with any other
 * peer, forgotten */
void diag_own_tls_note(struct diag *d, const struct event *ev)
{
	if (ev->line->pid <= 0 || (!span_eqs(ev->line->daemon, "smtp") && !span_eqs(ev->line->daemon, "lmtp")))
		return;
	char key[DIAG_KEY_MAX] = "";
	enum own_kind kind = own_backend(ev, ev->reason, key);
	uint32_t slot = d->own_tls_next;
	for (uint32_t i = 0; i < sizeof d->own_tls / sizeof d->own_tls[0]; i++)
		if (d->own_tls[i].pid == ev->line->pid)
			slot = i;
	if (kind == OWN_NONE) {
		if (d->own_tls[slot].pid == ev->line->pid)
			d->own_tls[slot].pid = 0;
		return;
	}
	if (slot == d->own_tls_next)
		d->own_tls_next = (d->own_tls_next + 1) % (sizeof d->own_tls / sizeof d->own_tls[0]);
	d->own_tls[slot].pid = ev->line->pid;
	d->own_tls[slot].kind = (int)kind;
	memcpy(d->own_tls[slot].key, key, sizeof key);
}

/* diag_own_tls_take - "QID: Cannot start TLS: handshake failure", a line
 * without a relay, of a process whose handshake failed with this host's
 * own backend just before: not a remote server's TLS but the own hop's
 * (own_finding, as its delivery line with relay= is told); once */
void diag_own_tls_take(struct diag *d, const struct event *ev, struct diag_hit *hit)
{
	if (hit->id != F_OUT_TLS_FAIL || ev->relay_ip.n || ev->line->pid <= 0)
		return;
	for (size_t i = 0; i < sizeof d->own_tls / sizeof d->own_tls[0]; i++) {
		if (d->own_tls[i].pid != ev->line->pid)
			continue;
		d->own_tls[i].pid = 0; /* told once: the next failure logs its own peer */
		enum finding_id to = own_finding(hit->id, (enum own_kind)d->own_tls[i].kind, ev->dsn, true);
		if (to != hit->id) {
			hit->id = to;
			memset(hit->key, 0, sizeof hit->key);
			memcpy(hit->key, d->own_tls[i].key, strlen(d->own_tls[i].key));
		}
		return;
	}
}
