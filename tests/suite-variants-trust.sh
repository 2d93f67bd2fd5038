#!/bin/sh
# suite-variants-trust.sh BIN - who is blamed and who is banned: an open
# relay's users (relay-abuser) beside the admin's own hosts and users, a
# user's address refused without a login, delays= read by parts; cases in
# tests/data/variants-trust, checked as tests/variants-trust.expect states
# (see tests/qa.py).
# Last line: "trust: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v python3 >/dev/null 2>&1; then
	echo "variants-trust: python3 missing"; echo "trust: 0 passed, 1 failed"; exit 1
fi
out=$(python3 "$top/tests/qa.py" "$bin" "$top/tests/data/variants-trust" "$top/tests/variants-trust.expect")
rc=$?
printf '%s\n' "$out" | sed '$d'
printf '%s\n' "$out" | tail -n 1 | sed 's/^qa: \([0-9]*\) passed, \([0-9]*\) failed.*/trust: \1 passed, \2 failed/'
exit $rc
