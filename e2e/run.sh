#!/bin/sh
# e2e/run.sh BIN [OUT] - postsleuth against a real Postfix (make e2e).
#
# Starts Postfix (three instances, one of them broken on purpose),
# Dovecot, rsyslogd, a DNS server (dnsmasq) and the sinks in
# private namespaces (network: loopback only; mounts: a private /dev/log,
# /etc/hosts, files-only name service; pids: everything dies with the run),
# plays the scenarios (e2e/drivers.py, e2e/diag.py), then checks
# postsleuth's verdicts, counts, traces and findings on the logs against
# the drivers' truth (e2e/check.py).
# Logs and truth.json are left in OUT (default: e2e-out beside BIN).
# Last line: "e2e: N passed, N failed" (", N skipped" when it cannot run:
# not root, or a package missing; with CI=true that is a failure instead).
# E2E_KEEP=1 keeps the scratch directory.  docs/e2e.md tells the rest.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=${2:-$(dirname "$bin")/e2e-out}
export TZ=UTC LC_ALL=C
# the drivers (and the diag instance's bots) play the Internet from these
# loopback networks: postsleuth is told so (test only, docs/e2e.md), else a
# probe from 127.10.0.11 is the health check a real loopback client would be
export POSTSLEUTH_TEST_BANNABLE=127.10.0.0/16,127.20.0.0/16,127.40.0.0/16

cannot() {
	if [ "${CI:-}" = true ]; then
		echo "e2e: cannot run: $1"
		echo "e2e: 0 passed, 1 failed"
		exit 1
	fi
	echo "e2e: skipped: $1"
	echo "e2e: 0 passed, 0 failed, 1 skipped"
	exit 0
}

[ "$(id -u)" = 0 ] || cannot "needs root (it starts Postfix, Dovecot and rsyslogd in private namespaces)"
for tool in postfix:postfix dovecot:dovecot-core rsyslogd:rsyslog openssl:openssl \
	python3:python3 unshare:util-linux ip:iproute2 nft:nftables logrotate:logrotate \
	sqlite3:sqlite3; do
	command -v "${tool%%:*}" >/dev/null 2>&1 ||
		cannot "${tool%%:*} missing: apt-get install ${tool#*:} (see docs/e2e.md)"
done
case ${E2E_ONLY:-diag} in  # the diag instance's DNSBL is served by dnsmasq
diag) command -v dnsmasq >/dev/null 2>&1 ||
	cannot "dnsmasq missing: apt-get install dnsmasq-base (see docs/e2e.md)" ;;
esac
[ -x /usr/lib/postfix/sbin/postlogd ] || cannot "postfix has no postlogd (Postfix >= 3.4 needed)"
unshare --mount --net --uts --pid --fork --mount-proc true 2>/dev/null ||
	cannot "unshare cannot make mount, network, UTS and PID namespaces here"
[ -x "$bin" ] || { echo "e2e: no $bin"; echo "e2e: 0 passed, 1 failed"; exit 1; }

work=$(mktemp -d /tmp/postsleuth-e2e.XXXXXX)
chmod 755 "$work"
cleanup() {
	if [ "${E2E_KEEP:-0}" = 1 ]; then echo "e2e: scratch kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/mail.log "$out"/mail-classic.log "$out"/maillog "$out"/diag.log "$out"/diag-mailq.txt "$out"/sink.jsonl "$out"/truth.json
rm -rf "$out"/live "$out"/notices
chmod 755 "$out"

start=$(date +%s)
# The harness is PID 1 of its namespace: when it ends (or is killed at the
# time limit) the kernel kills every daemon it started.
timeout --kill-after=10 480 unshare --mount --net --uts --pid --fork --mount-proc \
	--propagation private --kill-child env POSTSLEUTH_BIN="$bin" python3 "$top/e2e/harness.py" "$work" "$out"
rc=$?
cleanup
trap - EXIT
if [ "$rc" != 0 ]; then
	echo "e2e: the harness failed (exit $rc)"
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi
E2E_START=$start python3 "$top/e2e/check.py" "$bin" "$out"
