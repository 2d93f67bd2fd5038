#!/bin/sh
# suite-warnings.sh BIN - Postfix's warnings on real servers are explained:
# of the warning/error/fatal/panic lines of the conformance logs
# ($POSTSLEUTH_SHARED/conformance, default ../shared beside the repository; read there, never
# copied), under 10 % may be left to the catch-all "other-warnings", no
# fatal line of a command (postsuper, postqueue...) is called a daemon
# down, and the clients' DNS lines are the remote side's, severity 0.
# Skips when the conformance logs are absent.
# Last line: "warnings: N passed, N failed[, N skipped]".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=${POSTSLEUTH_SHARED:-$(cd "$(dirname "$0")/.." && pwd)/../shared}
export TZ=UTC LC_ALL=C
if [ ! -d "$shared/conformance" ]; then
	echo "warnings: skipped, no $shared/conformance"; echo "warnings: 0 passed, 0 failed, 1 skipped"; exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "warnings: python3 missing"; echo "warnings: 0 passed, 1 failed"; exit 1
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cat "$shared"/conformance/*/*.log 2>/dev/null |
    grep -aE 'postfix[^ ]*: (warning|fatal|panic|error):' >"$t/w.log"
"$bin" report --json "$t/w.log" >"$t/r.json" 2>"$t/err"
python3 - "$t/w.log" "$t/r.json" <<'PY'
import json, sys
total = sum(1 for _ in open(sys.argv[1], errors="replace"))
rep = json.load(open(sys.argv[2]))
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)
other = sum(f["lines"] for f in rep["findings"] if f["id"] == "other-warnings")
check(total > 1000, f"{total} warning lines in the conformance logs")
check(other * 10 < total, f"other-warnings holds {other} of {total} lines (10 % at most)")
commands = {"postsuper", "postqueue", "postmap", "postalias", "sendmail", "postconf"}
check(not [f for f in rep["findings"] if f["id"] == "daemon-fatal-error" and f["key"] in commands],
      "a command's fatal line called a daemon down")
dns = [f for f in rep["findings"] if f["id"] == "client-dns-inconsistent"]
check(dns and all(f["side"] == "remote-server" and f["severity"] == 0 for f in dns),
      "client-dns-inconsistent present, the remote side, severity 0")
check(any(f["id"] == "queue-file-vanished" for f in rep["findings"]),
      "open active ...: No such file or directory is queue-file-vanished")
print(f"warnings: {other} of {total} lines left to other-warnings")
print(f"warnings: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
