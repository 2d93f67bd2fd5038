#!/bin/sh
# suite-variants-families3.sh BIN - the message families an admin meets,
# third round: problems read off admins' questions on mail servers' issue
# trackers and Q&A sites (see tests/data/variants-families3/README.md), each
# written from Postfix's format strings with normal traffic around it, and a
# look-alike that must not trigger the same rule, in
# tests/data/variants-families3, checked as tests/variants-families3.expect
# states (see tests/qa.py).
# Last line: "families3: N passed, N failed, N skipped".
exec sh "$(dirname "$0")/qa-suite.sh" families3 "$1" variants-families3 variants-families3.expect
