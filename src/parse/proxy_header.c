/*
 * proxy_header.c - a PROXY protocol header (HAProxy's) where Postfix
 * expected SMTP: the bytes a proxy in front sends first, logged as the
 * text of postscreen's PREGREET, of smtpd's "improper command pipelining
 * after CONNECT" or of its "non-SMTP command" when the service is not set
 * to read them (postscreen_upstream_proxy_protocol,
 * smtpd_upstream_proxy_protocol).  Version 1 is a text line ("PROXY TCP4
 * SRC DST SPORT DPORT", TCP6, UNKNOWN); version 2 starts with a 12-byte
 * signature, which Postfix's escape() writes as "\r\n\r\n\000\r\nQUIT\n".
 */
#include "event.h"

bool ev_proxy_header(struct span text)
{
	text = span_trim(text);
	return span_starts(text, "PROXY TCP4 ") || span_starts(text, "PROXY TCP6 ") ||
	       span_starts(text, "PROXY UNKNOWN") || span_starts(text, "\\r\\n\\r\\n\\000\\r\\nQUIT\\n");
}
