#!/bin/sh
# suite-remote-dns.sh BIN - the client's broken DNS (hostname ... does not
# resolve, address not listed, verification failed, valid_hostname,
# numeric MX) is the remote side's: written before every connection of
# the corpus log (tests/data), it changes no client's verdict and shows no
# server problem (tests/remote_dns.py).
# Last line: "remote-dns: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v python3 >/dev/null 2>&1; then
	echo "remote-dns: python3 missing"; echo "remote-dns: 0 passed, 1 failed"; exit 1
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
python3 "$top/tests/remote_dns.py" "$bin" "$top/tests/data" "$t"
