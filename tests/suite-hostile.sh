#!/bin/sh
# suite-hostile.sh BIN - hostile input, end to end: the crashes the
# fuzzers found (tests/hostile/), huge lines, NUL bytes, invalid UTF-8,
# terminal escapes in attacker-controlled fields, time going backwards,
# the Dec -> Jan rollover, floods past the memory caps, reused queue IDs,
# damaged compressed files, and the exit status and message of each
# error.  Inputs are generated in a temporary directory.  Run with the
# plain and the sanitized binary by run-all.sh.  Last line:
# "hostile: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
export TZ=UTC LC_ALL=C NO_COLOR=1
pass=0 fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL hostile: $*"; }
# check NAME CMD... - the command must succeed
check() { name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }

# run CMD... - postsleuth with stdout in $t/out, stderr in $t/err, status in $rc
run() {
	"$bin" "$@" >"$t/out" 2>"$t/err"
	rc=$?
}

# clean_run NAME WANT_RC CMD... - that status, and no sanitizer report
clean_run() {
	name=$1 want=$2
	shift 2
	run "$@"
	if [ "$rc" != "$want" ]; then
		bad "$name: exit $rc, want $want"
		head -n 5 "$t/err"
	elif grep -qE 'runtime error|AddressSanitizer|LeakSanitizer' "$t/err"; then
		bad "$name: sanitizer report"
		head -n 5 "$t/err"
	else
		ok
	fi
}

# every command, text and JSON, on FILE: exit 0, nothing from the sanitizers
all_commands() {
	f=$1 label=$2
	for c in report "report --all" clients accounts explain "explain --show-secrets" summary \
		"events --all" "trace 91652" "trace a@b"; do
		# shellcheck disable=SC2086
		clean_run "$label: $c" 0 $c "$f"
		# shellcheck disable=SC2086
		clean_run "$label: $c --json" 0 $c --json "$f"
	done
}

## 1. What the fuzzers found: each saved input through every command
for f in "$top"/tests/hostile/fuzz_stream/* "$top"/tests/hostile/fuzz_parse/* \
	"$top"/tests/hostile/fuzz_syslog/* "$top"/tests/hostile/fuzz_transcript/*; do
	[ -f "$f" ] || continue
	all_commands "$f" "$(basename "$(dirname "$f")")/$(basename "$f")"
done

echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
