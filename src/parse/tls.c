/*
 * tls.c - TLS lines shared by the smtp/lmtp client, tlsproxy and (if it
 * wants them) the smtpd parser, from Postfix's tls library:
 *
 *   Verified|Trusted|Untrusted|Anonymous TLS connection established|reused
 *       to|from NAMADDR[ to SNI]: PROTO with cipher CIPHER (N/N bits)[...]
 *   SSL_connect error to NAMADDR: ...        SSL_accept error from ...
 *   certificate verification failed for NAMADDR: ...
 *   setting up TLS connection to|from NAMADDR
 *   NAMADDR: TLS cipher list "...", NAMADDR: subject_CN=..., ...
 *
 * and the tlsproxy daemon's own CONNECT/DISCONNECT/handshake lines.
 * Peer names, SNI and certificate names are untrusted.
 */
#include "common.h"

/* peer_is_server - the line's peer is a server (we are the client) */
static bool peer_is_server(const struct logline *l, struct span dir)
{
	if (span_eqs(dir, "to"))
		return true;
	if (span_eqs(dir, "from"))
		return false;
	return span_eqs(l->daemon, "smtp") || span_eqs(l->daemon, "lmtp");
}

/* set_peer - namaddr into relay_* (a server) or client_* (a client) */
static bool set_peer(struct event *ev, struct span na, bool server)
{
	struct span name, ip, port;
	if (!pc_namaddr(na, &name, &ip, &port))
		return false;
	if (server) {
		ev->relay = na;
		ev->relay_name = name;
		ev->relay_ip = ip;
		ev->relay_port = port;
	} else {
		ev->client_name = name;
		ev->client_ip = ip;
		ev->client_port = port;
	}
	return true;
}

/* namaddr_end - length of a leading "name[addr]" or "name[addr]:port" */
static size_t namaddr_end(struct span t)
{
	ptrdiff_t rb = span_chr(t, ']');
	if (rb < 0 || span_chr(span_head(t, (size_t)rb), '[') < 0)
		return 0;
	size_t i = (size_t)rb + 1;
	if (i + 1 < t.n && t.p[i] == ':' && t.p[i + 1] >= '0' && t.p[i + 1] <= '9') {
		i++;
		while (i < t.n && t.p[i] >= '0' && t.p[i] <= '9')
			i++;
	}
	return i;
}

/* tls_summary - "TRUST TLS connection established to X: PROTO with cipher C" */
static bool tls_summary(const struct logline *l, struct span t, struct event *ev)
{
	static const char *const trust[] = {"Verified", "Trusted", "Untrusted", "Anonymous", NULL};
	struct span tr = SPAN_NULL;
	for (int i = 0; trust[i]; i++)
		if (span_starts(t, trust[i]) && t.n > strlen(trust[i]) &&
		    t.p[strlen(trust[i])] == ' ') {
			tr = span_head(t, strlen(trust[i]));
			break;
		}
	if (!tr.p)
		return false;
	t = span_skip(t, tr.n + 1);
	if (!span_eat(&t, "TLS connection "))
		return false;
	struct span act, dir;
	if (!span_until_chr(&t, ' ', &act) || !span_until_chr(&t, ' ', &dir))
		return false;
	if (!span_eqs(act, "established") && !span_eqs(act, "reused"))
		return false;
	size_t e = namaddr_end(t);
	if (!e)
		return false;
	set_peer(ev, span_head(t, e), peer_is_server(l, dir));
	t = span_skip(t, e);
	struct span sni; /* server side: " to SNI-NAME", not kept */
	if (!(span_eat(&t, " to ") && span_until(&t, ": ", &sni)) && !span_eat(&t, ": "))
		return false;
	struct span proto;
	if (span_until(&t, " with cipher ", &proto))
		ev->tls_proto = proto;
	struct span cipher;
	if (span_until(&t, " (", &cipher))
		ev->tls_cipher = cipher;
	else if (t.n)
		ev->tls_cipher = t;
	ev->type = EV_TLS;
	ev->tls_trust = tr;
	ev->action = act;
	return true;
}

/* tls_error - handshake and certificate failures */
static bool tls_error(const struct logline *l, struct span t, struct event *ev)
{
	static const struct {
		const char *pfx, *dir;
	} errs[] = {
	    {"SSL_connect error to ", "to"},
	    {"SSL_accept error from ", "from"},
	    {"certificate verification failed for ", ""},
	    {"server certificate verification failed for ", "to"},
	    {"client certificate verification failed for ", "from"},
	    {"SSL_set_fd error to ", ""},
	};
	for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) {
		if (!span_eat(&t, errs[i].pfx))
			continue;
		size_t e = namaddr_end(t);
		if (!e)
			return false;
		set_peer(ev, span_head(t, e), peer_is_server(l, span_of(errs[i].dir)));
		t = span_skip(t, e);
		span_eat(&t, ": ");
		ev->type = EV_TLS_ERROR;
		ev->reason = t;
		return true;
	}
	return false;
}

/* tls_detail - set-up and certificate detail lines (TLS loglevel >= 1) */
static bool tls_detail(const struct logline *l, struct span t, struct event *ev)
{
	if (span_starts(t, "initializing the client-side TLS engine") ||
	    span_starts(t, "initializing the server-side TLS engine")) {
		ev->type = EV_INFO;
		return true;
	}
	struct span d = t;
	if (span_eat(&d, "setting up TLS connection ")) {
		struct span dir;
		if (!span_until_chr(&d, ' ', &dir))
			return false;
		if (!set_peer(ev, d, peer_is_server(l, dir)))
			return false;
		ev->type = EV_INFO;
		return true;
	}
	/* "NAMADDR: detail" */
	size_t e = namaddr_end(t);
	if (!e || e + 2 > t.n || t.p[e] != ':' || t.p[e + 1] != ' ')
		return false;
	struct span rest = span_skip(t, e + 2);
	static const char *const details[] = {
	    "TLS cipher list ", "subject_CN=", "Reusing old session", "re-using session",
	    "depth=", "verify=", "SNI hostname: ", "matched peername: ", "raw public key",
	    "looking up session ", "reloaded session ", "save session ", "remove session ",
	    "Issuing session ticket", "Decrypting session ticket", "Matched ", "certificate ",
	    "peer certificate ", "client certificate ", NULL};
	for (int i = 0; details[i]; i++)
		if (span_starts(rest, details[i])) {
			set_peer(ev, span_head(t, e), peer_is_server(l, SPAN_NULL));
			ev->type = EV_INFO;
			return true;
		}
	return false;
}

/* pc_tls - any TLS library line; true when recognised */
bool pc_tls(const struct logline *l, struct span t, struct event *ev)
{
	return tls_summary(l, t, ev) || tls_error(l, t, ev) || tls_detail(l, t, ev);
}

/* parse_tlsproxy - the TLS proxy in front of postscreen and smtp */
void parse_tlsproxy(const struct logline *l, struct event *ev)
{
	struct span t = l->text, na;
	if (l->severity.n)
		return;
	if (span_eat(&t, "CONNECT from ") || span_eat(&t, "CONNECT to ")) {
		if (!set_peer(ev, t, span_starts(l->text, "CONNECT to ")))
			return;
		ev->type = EV_INFO;
		ev->action = span_make(l->text.p, 7);
		return;
	}
	if (span_eat(&t, "DISCONNECT ")) {
		if (!set_peer(ev, t, false))
			return;
		ev->type = EV_INFO;
		ev->action = span_make(l->text.p, 10);
		return;
	}
	if (span_eat(&t, "TLS handshake failed for service=")) {
		struct span svc;
		if (!span_until(&t, " peer=", &svc))
			return;
		na = t;
		if (!set_peer(ev, na, false))
			return;
		ev->type = EV_TLS_ERROR;
		ev->reason = span_make(l->text.p, 20); /* "TLS handshake failed" */
		return;
	}
	if (pc_tls(l, l->text, ev))
		return;
}
