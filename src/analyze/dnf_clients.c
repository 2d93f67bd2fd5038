/*
 * dnf_clients.c - a session refused as spam puts its client's address in
 * one of two sets for analysis_finish's resolver check (conclude.c):
 * a->dnf_clients when every refusal said "Domain not found", a->dnf_other
 * otherwise.  A client's text is put in each set once: a bit a client
 * and set (a->dnf_asked, by the client's number) tells a client asked
 * before, whose address is then neither written out (client_addr) nor
 * hashed and searched again (strset_add), as it was for each of its
 * refused sessions (speed35).  The sets only grow (no strset_del of
 * them, records never renumbered), so a client asked before is in the
 * set, or was dropped from a full one and would be dropped again (the
 * sets' dropped counts are read nowhere).
 */
#include "analysis.h"
#include "records.h"
#include "../util/xalloc.h"

/* analysis_dnf_note - c refused as spam in one session, for a domain
 * that did not resolve only (dnf) or for anything else too */
void analysis_dnf_note(struct analysis *a, struct client *c, bool dnf)
{
	uint32_t i = records_client_number(a, c);
	uint8_t bit = dnf ? 1 : 2;
	if (i < a->ndnf_asked && (a->dnf_asked[i] & bit))
		return;
	a->dnf_asked = xgrow_bytes(a->dnf_asked, &a->ndnf_asked, i, 256);
	a->dnf_asked[i] |= bit;
	struct client_addr ip = client_addr(c);
	strset_add(dnf ? &a->dnf_clients : &a->dnf_other, span_of(ip.s));
}
