#!/bin/sh
# suite-variants.sh BIN - variants of the real admins' questions on
# outbound reputation, authentication, DNS, relayhost SASL, DNSBLs,
# postscreen, unknown names, harvesting, SASL guessing and backscatter:
# other providers' and backends' wordings, other paste shapes, with
# normal traffic around them (tests/data/variants/NNx-slug/input.log,
# each with a README.md saying what an expert derives).  Each case's
# findings and verdicts as tests/variants.expect states them (the
# language of tests/qa-dev.expect, checked by tests/qa.py).
# Last line: "variants: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v python3 >/dev/null 2>&1; then
	echo "variants: python3 missing"; echo "variants: 0 passed, 1 failed"; exit 1
fi
out=$(python3 "$top/tests/qa.py" "$bin" "$top/tests/data/variants" "$top/tests/variants.expect")
rc=$?
printf '%s\n' "$out" | sed '$d'
# qa.py's last line: "qa: N passed, N failed, N skipped"
printf '%s\n' "$out" | tail -n 1 | sed 's/^qa: /variants: /; s/, 0 skipped$//'
exit $rc
