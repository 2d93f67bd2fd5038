#!/bin/sh
# suite-variants.sh BIN - variants of the real admins' questions on
# outbound reputation, authentication, DNS, relayhost SASL, DNSBLs,
# postscreen, unknown names, harvesting, SASL guessing and backscatter:
# other providers' and backends' wordings, other paste shapes, with
# normal traffic around them (tests/data/variants/NNx-slug/input.log,
# each with a README.md saying what an expert derives).  Each case's
# findings and verdicts as tests/variants.expect states them (the
# language of tests/qa-dev.expect, checked by tests/qa.py).
# Last line: "variants: N passed, N failed, N skipped".
exec sh "$(dirname "$0")/qa-suite.sh" variants "$1" variants variants.expect
