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
# Last line: "families: N passed, N failed, N skipped".
exec sh "$(dirname "$0")/qa-suite.sh" families "$1" variants-families variants-families.expect
