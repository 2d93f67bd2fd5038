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

/* this server's own key or certificate that did not load is no client's
 * handshake: OpenSSL's loading functions and the dropped wrapper-mode
 * request; a client's alert about a certificate stays a refusal */
TEST(tls_error_kind_server_setup)
{
	CHECK_INT(ev_tls_error_kind(span_of("9030:error:0B080074:x509 certificate routines:"
					   "X509_check_private_key:key values mismatch:x509_cmp.c:330:")),
		  TLSE_SERVER);
	CHECK_INT(ev_tls_error_kind(span_of("error:140DC002:SSL routines:use_certificate_chain_file:"
					   "system lib:ssl/ssl_rsa.c:596:")),
		  TLSE_SERVER);
	CHECK_INT(ev_tls_error_kind(span_of("error:0200100D:system library:fopen:Permission denied:"
					   "bss_file.c:398:fopen('/etc/x.pem','r'):")),
		  TLSE_SERVER);
	CHECK_INT(ev_tls_error_kind(span_of("Wrapper-mode request dropped from a[192.0.2.1] for service "
					   "smtps. TLS context initialization failed. For details see "
					   "earlier warnings in your logs.")),
		  TLSE_SERVER);
	/* look-alikes */
	CHECK_INT(ev_tls_error_kind(span_of("error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert "
					   "unknown ca:ssl/record/rec_layer_s3.c:1543:SSL alert number 48:")),
		  TLSE_CERT);
	CHECK_INT(ev_tls_error_kind(span_of("error:1408A0C1:SSL routines:ssl3_get_client_hello:"
					   "no shared cipher:s3_srvr.c:1417:")),
		  TLSE_MISMATCH);
}
