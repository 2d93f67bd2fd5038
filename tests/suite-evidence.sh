#!/bin/sh
# suite-evidence.sh BIN - report's evidence lines, fetched by jumping to
# the marks the first pass took (src/input/jump.h), are those of a plain
# reading whatever the input's shape: a 3 MiB log (the corpus scaled by
# ../shared/tools/amplify-log) as a plain file, a gzip file, a gzip file
# of several members with NUL padding between two, an xz file (read again
# from its start, as every input was before: the anchor), a regular file
# on stdin and a pipe (the spool).  The report must be byte for byte that
# of the plain file (evidence lines carry no file name), with evidence
# lines in it.  Last line: "evidence: N
# passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
export TZ=UTC LC_ALL=C NO_COLOR=1
pass=0 fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export TMPDIR="$t"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL evidence: $*"; }
. "$top/tests/lib.sh"

log=$t/big.log
python3 "$shared/tools/amplify-log" "$shared/corpus/mail.log" --mb 3 -o "$log" >/dev/null ||
	{ echo "evidence: 0 passed, 1 failed (amplify-log)"; exit 1; }
gzip -c "$log" >"$t/big.log.gz"
n=$(wc -l <"$log")
a=$((n / 3)) b=$((n / 3 * 2))
{
	head -n $a "$log" | gzip -c -6
	sed -n "$((a + 1)),${b}p" "$log" | gzip -c -1
	head -c 512 /dev/zero
	tail -n +$((b + 1)) "$log" | gzip -c -9
} >"$t/members.log.gz"
xz -c "$log" >"$t/big.log.xz"

for threads in 1 2; do
	export POSTSLEUTH_THREADS=$threads
	for mode in "report --json" "report --all"; do
		# shellcheck disable=SC2086 # mode is two words
		clean_run "$mode, plain file, $threads thread(s)" 0 $mode "$log"
		cp "$t/out" "$t/ref"
		if [ "$mode" = "report --json" ]; then
			k=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print(sum(len(e.get("lines", [])) for c in d["clients"] for e in c.get("evidence", [])))' "$t/ref")
			[ "$k" -gt 100 ] && ok || bad "$mode: only $k evidence lines in the reference"
		fi
		for f in big.log.gz members.log.gz big.log.xz; do
			# shellcheck disable=SC2086
			clean_run "$mode, $f" 0 $mode "$t/$f"
			sed "s|$t/$f|$log|g" "$t/out" >"$t/got"
			cmp -s "$t/ref" "$t/got" && ok ||
				{ bad "$mode, $threads thread(s): $f differs from the plain file"; diff "$t/ref" "$t/got" | head -n 6; }
		done
		for f in big.log members.log.gz; do
			# shellcheck disable=SC2086
			"$bin" $mode - <"$t/$f" >"$t/got" 2>"$t/err"
			# shellcheck disable=SC2086
			cat "$t/$f" | "$bin" $mode - >"$t/got2" 2>"$t/err2"
			for g in got got2; do
				python3 - "$t/ref" "$t/$g" <<'PY' && ok || bad "$mode, $threads thread(s): $f on stdin ($g): other evidence"
import json, re, sys
def ev(p):
    s = open(p).read()
    try:
        d = json.loads(s)
        return [(c["ip"], e) for c in d["clients"] for e in c.get("evidence", [])]
    except ValueError:
        return [l for l in s.splitlines() if re.match(r"\s+\S+ \d\d:\d\d:\d\d |\s+\d{4}-\d\d-\d\dT", l)]
a, b = ev(sys.argv[1]), ev(sys.argv[2])
sys.exit(0 if a == b and a else 1)
PY
			done
		done
	done
done

echo "evidence: $pass passed, $fail failed"
[ "$fail" = 0 ]
