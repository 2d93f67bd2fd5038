/*
 * evidence.h - fetch the log lines behind a verdict by reading the
 * inputs again: for each reference (file, line range, host, pid) the
 * lines of that process in that range, at most EVIDENCE_MAX_LINES.
 * Only the few chosen sessions are kept, so memory stays small.  Each
 * line is kept with its SASL secrets replaced (parse/redact.h), the
 * reference's conversation followed from its first line, unless
 * show_secrets.
 */
#ifndef POSTSLEUTH_EVIDENCE_H
#define POSTSLEUTH_EVIDENCE_H

#include "../parse/redact.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct feed;

/* the lines of one session: which input, which line range, which process;
 * the analysis keeps a few per client, and says which verdict (an enum
 * verdict of analyze/verdicts.h) and which session they prove */
struct evidence_ref {
	uint64_t file_index, first_line, last_line;
	int64_t pid;
	char *host;
	uint64_t session_id;
	uint8_t verdict;
};

#define EVIDENCE_MAX_LINES 12
#define EVIDENCE_LINE_MAX 400

struct evidence_lines {
	const struct evidence_ref *ref;
	uint32_t n, more;
	char *line[EVIDENCE_MAX_LINES];
	struct redact rd;       /* the conversation so far, for the redaction */
};

struct evidence_set {
	struct evidence_lines *v;
	size_t n;
};

void evidence_collect(struct evidence_set *out, struct evidence_ref *const *refs, size_t nrefs,
		      const struct feed *feed, int forced_year, bool show_secrets);
const struct evidence_lines *evidence_for(const struct evidence_set *set, const struct evidence_ref *ref);
void evidence_free(struct evidence_set *set);

#endif
