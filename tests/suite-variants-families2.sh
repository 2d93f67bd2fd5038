#!/bin/sh
# suite-variants-families2.sh BIN - the message families an admin meets, second round
# (mail loops: "mail forwarding loop for", "too many hops"; .forward and
# :include: files local will not use; "451 4.3.0 Temporary lookup failure"
# with and without the table's own warning; a database behind a table;
# a policy server spawn runs that dies; a next hop that greets with this
# server's own name; smtpd's restriction errors; postfix start twice; master
# unable to fork; Cyrus SASL's unknown password verifier; a hosting panel's
# milter refusing its own webmail user's mail; journal times under French and
# Russian locales; a DSN reply pasted alone or through markdown), each a problem written from Postfix's format strings with normal
# traffic around it, and a look-alike that must not trigger the same rule, in
# tests/data/variants-families2, checked as tests/variants-families2.expect
# states (see tests/qa.py).
# Last line: "families2: N passed, N failed, N skipped".
exec sh "$(dirname "$0")/qa-suite.sh" families2 "$1" variants-families2 variants-families2.expect
