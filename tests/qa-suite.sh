#!/bin/sh
# qa-suite.sh LABEL BIN DATA EXPECT - the shared body of the variant
# suites: every case under tests/data/DATA (a log with a README saying what
# an expert derives from it) checked as tests/EXPECT states, in the
# language of tests/qa.py. Last line: "LABEL: N passed, N failed, N skipped".
set -u
label=$1
bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v python3 >/dev/null 2>&1; then
	echo "$label: python3 missing"; echo "$label: 0 passed, 1 failed"; exit 1
fi
out=$(python3 "$top/tests/qa.py" "$bin" "$top/tests/data/$3" "$top/tests/$4")
rc=$?
# qa.py's last line: "qa: N passed, N failed, N skipped"
printf '%s\n' "$out" | sed "\$s/^qa: /$label: /"
exit $rc
