#!/bin/sh
# suite-variants-trust.sh BIN - who is blamed and who is banned: an open
# relay's users (relay-abuser) beside the admin's own hosts and users, a
# user's address refused without a login, delays= read by parts; cases in
# tests/data/variants-trust, checked as tests/variants-trust.expect states
# (see tests/qa.py).
# Last line: "trust: N passed, N failed, N skipped".
exec sh "$(dirname "$0")/qa-suite.sh" trust "$1" variants-trust variants-trust.expect
