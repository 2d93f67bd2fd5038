/*
 * journal_text.h - journalctl's renderings that spread one entry over
 * several lines (-o verbose, export, json-pretty) and json-seq's record
 * separator, each entry handed over as the one line of "-o json" it
 * stands for (journal_text.c says how).
 */
#ifndef POSTSLEUTH_JOURNAL_TEXT_H
#define POSTSLEUTH_JOURNAL_TEXT_H

/* how far before an entry's MESSAGE line its first line may be: where a
 * second pass starts reading to find the entry whole */
#define JT_BACK_LINES 256

#include <stdbool.h>
#include <stdint.h>
#include "../util/buf.h"
#include "../util/span.h"

enum { JT_TIME, JT_HOST, JT_IDENT, JT_SPID, JT_PID, JT_UNIT, JT_MESSAGE, JT_NFIELDS };

struct jtext {
	int mode;                   /* the rendering of the entry being gathered, JT_MODE_* */
	bool broken;                /* the entry went over a bound: dropped at its end */
	uint64_t skip;              /* export: bytes of a binary field still to pass */
	uint64_t first, msg_line;   /* the entry's first line and its MESSAGE line */
	size_t nlines;              /* lines gathered into the entry */
	unsigned have;              /* the fields seen, a bit each */
	struct buf field[JT_NFIELDS];
	struct buf obj;             /* json-pretty: the object's lines so far, joined */
	struct buf out;             /* a verbose or export entry as one JSON line */
};

void jtext_init(struct jtext *j);
void jtext_free(struct jtext *j);
void jtext_line(struct jtext *j, struct span line, uint64_t lineno, struct span *entry, uint64_t *at,
		struct span *rest);
void jtext_end(struct jtext *j, struct span *entry, uint64_t *at);
bool jtext_starts(struct span line);
bool jtext_brace(struct span line);
bool jtext_pretty_field(struct span line);

/* jtext_maybe - may the line be, or go on with, such an entry: cheap, for
 * every line (a verbose header ends with ";x=HEX]", an export entry starts
 * with "__CURSOR=", a json-pretty object with "{", a json-seq record with
 * 0x1e) */
static inline bool jtext_maybe(const struct jtext *j, struct span line)
{
	if (j->mode)
		return true;
	if (!line.n)
		return false;
	char c = line.p[0];
	if (c == '{' || c == '_' || c == '\x1e')
		return true;
	if (line.p[line.n - 1] != ']')
		return false;
	/* a verbose header ends ";x=HEX]"; a line ending "name[address]" fails
	 * at the address's first dot or colon */
	size_t i = line.n - 1;
	while (i > 3 && line.n - i < 20 &&
	       ((line.p[i - 1] >= '0' && line.p[i - 1] <= '9') || (line.p[i - 1] >= 'a' && line.p[i - 1] <= 'f')))
		i--;
	return i > 3 && line.p[i - 1] == '=' && line.p[i - 2] == 'x' && line.p[i - 3] == ';';
}

#endif
