/*
 * finding.c - the FINDINGS table read by id: headline, side at fault,
 * severity, impact, and the JSON ids of each.  The words come out in the
 * language of the catalogue in use (util/i18n.h); the ids never change.
 */
#include "finding.h"
#include "../util/i18n.h"

#include <string.h>

static const struct {
	const char *id, *title;
	enum finding_side side;
	int severity;
	enum finding_impact impact;
} findings[] = {
#define X(e, s, side, sev, imp, t) {s, t, side, sev, imp},
    FINDINGS(X)
#undef X
};

static const struct {
	const char *id, *words;
} sides[] = {
#define X(e, s, w) {s, w},
    FINDING_SIDES(X)
#undef X
};

static const struct {
	const char *id, *words;
} impacts[] = {
#define X(e, s, w) {s, w},
    FINDING_IMPACTS(X)
#undef X
};

/* finding_id - the stable id used in JSON */
const char *finding_id(enum finding_id f)
{
	return (unsigned)f < F__COUNT ? findings[f].id : "unknown";
}

/* finding_title - the headline */
const char *finding_title(enum finding_id f)
{
	return (unsigned)f < F__COUNT ? _(findings[f].title) : "";
}

/* the causes (group keys) that are words of ours, not names from the log
 * or Postfix's own words: the rules' K_FIXED and K_TLSKIND keys, the
 * port-25 fold's (folds.c) */
static const char *const prose_keys[] = {
    N_("reverse DNS does not match"), N_("malformed DNS data"), N_("another TLS error"),
    N_("the client hung up mid-handshake"), N_("no protocol version or cipher in common"),
    N_("not TLS (HTTP to a mail port)"), N_("a certificate refused"), N_("port 25")};

/* finding_key_words - a group's key as the reader sees it: our own words
 * translated, anything else (hosts, domains, parameters) as it is; JSON
 * keeps the key itself */
const char *finding_key_words(const char *key)
{
	for (size_t i = 0; i < sizeof prose_keys / sizeof prose_keys[0]; i++)
		if (!strcmp(key, prose_keys[i]))
			return _(prose_keys[i]);
	return key;
}

/* finding_side - who is at fault */
enum finding_side finding_side(enum finding_id f)
{
	return (unsigned)f < F__COUNT ? findings[f].side : SIDE_CONFIG;
}

/* finding_severity - 0 benign .. 4 critical */
int finding_severity(enum finding_id f)
{
	return (unsigned)f < F__COUNT ? findings[f].severity : 1;
}

/* finding_impact - what it breaks */
enum finding_impact finding_impact(enum finding_id f)
{
	return (unsigned)f < F__COUNT ? findings[f].impact : IMPACT_NONE;
}

/* finding_from_id - parse a JSON id */
bool finding_from_id(const char *s, enum finding_id *f)
{
	for (unsigned i = 0; i < F__COUNT; i++)
		if (!strcmp(findings[i].id, s)) {
			*f = (enum finding_id)i;
			return true;
		}
	return false;
}

/* finding_side_id - JSON id of a side */
const char *finding_side_id(enum finding_side s)
{
	return (unsigned)s < SIDE__COUNT ? sides[s].id : "";
}

/* finding_side_words - a side in words */
const char *finding_side_words(enum finding_side s)
{
	return (unsigned)s < SIDE__COUNT ? _(sides[s].words) : "";
}

/* finding_impact_id - JSON id of an impact */
const char *finding_impact_id(enum finding_impact i)
{
	return (unsigned)i < IMPACT__COUNT ? impacts[i].id : "";
}

/* finding_impact_words - an impact in words */
const char *finding_impact_words(enum finding_impact i)
{
	return (unsigned)i < IMPACT__COUNT ? _(impacts[i].words) : "";
}

/* finding_prose_en - the English words of a finding, from whichever of
 * the seven tables has its row; NULL when none has */
const struct finding_prose *finding_prose_en(enum finding_id f)
{
	if ((unsigned)f >= F__COUNT)
		return NULL;
	if (finding_prose_out[f].meaning)
		return &finding_prose_out[f];
	if (finding_prose_in[f].meaning)
		return &finding_prose_in[f];
	if (finding_prose_users[f].meaning)
		return &finding_prose_users[f];
	if (finding_prose_local[f].meaning)
		return &finding_prose_local[f];
	if (finding_prose_master[f].meaning)
		return &finding_prose_master[f];
	if (finding_prose_bulk[f].meaning)
		return &finding_prose_bulk[f];
	if (finding_prose_routes[f].meaning)
		return &finding_prose_routes[f];
	if (finding_prose_host[f].meaning)
		return &finding_prose_host[f];
	return finding_prose_table[f].meaning ? &finding_prose_table[f] : NULL;
}

/* finding_prose - the words of a finding (finding_prose.c), in the
 * catalogue's language */
const struct finding_prose *finding_prose(enum finding_id f)
{
	static const struct finding_prose none = {"", "", NULL};
	static struct finding_prose tr[F__COUNT];
	const struct finding_prose *p = finding_prose_en(f);
	if (!p)
		return &none;
	tr[f].meaning = _(p->meaning);
	tr[f].fix = _(p->fix);
	tr[f].caveat = p->caveat ? _(p->caveat) : NULL;
	return &tr[f];
}
