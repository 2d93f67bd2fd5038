#!/bin/sh
# suite-nothing-to-do.sh BIN - "Nothing needs doing" is never said while
# mail fails or is at risk (bounced, deferred or expired mail, a client of
# the server's own network refused, a finding of severity 2 or more), in
# English, pt_BR and es, over every log at hand: tests/data and, in
# $POSTSLEUTH_SHARED (default ../shared beside the repository), the
# corpus, the conformance logs, the seeds and the qa-dev excerpts (read
# there, never copied).  See tests/nothing_to_do.py.
# Last line: "nothing-to-do: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${POSTSLEUTH_SHARED:-$top/../shared}
if ! command -v python3 >/dev/null 2>&1; then
	echo "nothing-to-do: python3 missing"; echo "nothing-to-do: 0 passed, 1 failed"; exit 1
fi
if [ ! -d "$shared" ] && [ "${CI:-}" = true ]; then
	echo "nothing-to-do: $shared missing in CI"; echo "nothing-to-do: 0 passed, 1 failed"; exit 1
fi
python3 "$top/tests/nothing_to_do.py" "$bin" "$top" "$shared"
