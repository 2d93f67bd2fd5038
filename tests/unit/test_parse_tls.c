/*
 * test_parse_tls.c - TLS library lines of the smtp client and tlsproxy.
 * Real lines from the conformance logs; the error lines are built from
 * tls/tls_client.c:1355 and tls/tls_verify.c:273.
 */
#include "progs.h"

TEST(tlsproxy_session)
{
	const struct event *ev = progs_msg("postfix/tlsproxy", "CONNECT from [180.43.30.135]:47992");
	CHECK_STR(progs_type(ev), "info");
	CHECK_SPAN(ev->action, "CONNECT");
	CHECK_SPAN(ev->client_ip, "180.43.30.135");
	CHECK_SPAN(ev->client_port, "47992");
	ev = progs_msg("postfix/tlsproxy", "Anonymous TLS connection established from "
					   "[180.43.30.135]:47992: TLSv1.2 with cipher "
					   "ECDHE-RSA-AES256-SHA (256/256 bits)");
	CHECK_STR(progs_type(ev), "tls");
	CHECK_SPAN(ev->tls_trust, "Anonymous");
	CHECK_SPAN(ev->client_name, "");
	CHECK_SPAN(ev->client_ip, "180.43.30.135");
	CHECK_SPAN(ev->relay_ip, NULL);
	CHECK_SPAN(ev->tls_proto, "TLSv1.2");
	CHECK_SPAN(ev->tls_cipher, "ECDHE-RSA-AES256-SHA");
	ev = progs_msg("postfix/tlsproxy",
		       "TLS handshake failed for service=smtpd peer=[114.223.181.147]:59869");
	CHECK_STR(progs_type(ev), "tls_error");
	CHECK_SPAN(ev->client_ip, "114.223.181.147");
	CHECK_SPAN(ev->client_port, "59869");
	ev = progs_msg("postfix/tlsproxy", "DISCONNECT [180.43.30.135]:47992");
	CHECK_STR(progs_type(ev), "info");
	CHECK_SPAN(ev->action, "DISCONNECT");
	CHECK_SPAN(ev->client_ip, "180.43.30.135");
}

TEST(smtp_tls_untrusted_and_errors)
{
	const struct event *ev = progs_msg(
	    "postfix/smtp", "Untrusted TLS connection established to "
			    "email-smtp.us-east-1.amazonaws.com[3.3.3.3]:587: TLSv1.2 with cipher "
			    "ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)");
	CHECK_STR(progs_type(ev), "tls");
	CHECK_SPAN(ev->tls_trust, "Untrusted");
	CHECK_SPAN(ev->relay_name, "email-smtp.us-east-1.amazonaws.com");
	CHECK_SPAN(ev->relay_port, "587");
	ev = progs_msg("postfix/smtp", "SSL_connect error to mx.example.org[192.0.2.9]:25: -1");
	CHECK_STR(progs_type(ev), "tls_error");
	CHECK_SPAN(ev->relay_ip, "192.0.2.9");
	CHECK_SPAN(ev->reason, "-1");
	ev = progs_msg("postfix/smtp", "certificate verification failed for "
				       "mx.example.org[192.0.2.9]:25: self-signed certificate");
	CHECK_STR(progs_type(ev), "tls_error");
	CHECK_SPAN(ev->relay_name, "mx.example.org");
	CHECK_SPAN(ev->reason, "self-signed certificate");
	ev = progs_msg("postfix/smtp", "mx.example.org[192.0.2.9]:25: subject_CN=mx.example.org, "
				       "issuer=R3");
	CHECK_STR(progs_type(ev), "info");
	CHECK_SPAN(ev->relay_ip, "192.0.2.9");
}
