#!/bin/sh
# suite-variants-families.sh BIN - the message families an admin meets
# (anvil limits, header/body checks, Relay access denied for an own domain,
# an unknown recipient that the world writes to, Access denied to a large
# provider, queue congestion, outbound TLS trust, SMTPUTF8, malformed
# messages, smtp_bind_address, relayhost, ignored settings...), each a
# problem written from Postfix's format strings with normal traffic around
# it, and a look-alike that must not trigger the same rule, in
# tests/data/variants-families, checked as tests/variants-families.expect
# states (see tests/qa.py).
# Last line: "families: N passed, N failed[, N skipped]".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v python3 >/dev/null 2>&1; then
	echo "variants-families: python3 missing"; echo "families: 0 passed, 1 failed"; exit 1
fi
out=$(python3 "$top/tests/qa.py" "$bin" "$top/tests/data/variants-families" "$top/tests/variants-families.expect")
rc=$?
printf '%s\n' "$out" | sed '$s/^qa: /families: /'
exit $rc
