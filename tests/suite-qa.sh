#!/bin/sh
# suite-qa.sh BIN - real admins' questions with pasted lines
# ($POSTSLEUTH_SHARED/qa-dev, default ../shared beside the repository): each case's findings
# and verdicts as tests/qa-dev.expect states them (see tests/qa.py).
# Last line: "qa: N passed, N failed[, N skipped]".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${POSTSLEUTH_SHARED:-$top/../shared}
if [ ! -d "$shared/qa-dev" ]; then
	if [ "${CI:-}" = true ]; then
		echo "qa: $shared/qa-dev missing in CI"; echo "qa: 0 passed, 1 failed"; exit 1
	fi
	echo "qa: skipped, no $shared/qa-dev"; echo "qa: 0 passed, 0 failed, 1 skipped"; exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "qa: python3 missing"; echo "qa: 0 passed, 1 failed"; exit 1
fi
python3 "$top/tests/qa.py" "$bin" "$shared/qa-dev" "$top/tests/qa-dev.expect"
