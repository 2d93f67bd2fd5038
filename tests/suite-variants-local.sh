#!/bin/sh
# suite-variants-local.sh BIN - variants of the local-configuration questions
# of qa-dev (SASL backends, lookup tables, milters, content filters, LMTP,
# master's listeners, storage, trust by address): other backends' and Postfix
# versions' wordings and other paste shapes, in tests/data/variants, checked
# as tests/variants-local.expect states (see tests/qa.py).
# Last line: "variants-local: N passed, N failed, N skipped".
exec sh "$(dirname "$0")/qa-suite.sh" variants-local "$1" variants variants-local.expect
