#!/bin/sh
# suite-variants-local.sh BIN - variants of the local-configuration questions
# of qa-dev (SASL backends, lookup tables, milters, content filters, LMTP,
# master's listeners, storage, trust by address): other backends' and Postfix
# versions' wordings and other paste shapes, in tests/data/variants, checked
# as tests/variants-local.expect states (see tests/qa.py).
# Last line: "qa: N passed, N failed[, N skipped]".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v python3 >/dev/null 2>&1; then
	echo "variants-local: python3 missing"; echo "qa: 0 passed, 1 failed"; exit 1
fi
python3 "$top/tests/qa.py" "$bin" "$top/tests/data/variants" "$top/tests/variants-local.expect"
