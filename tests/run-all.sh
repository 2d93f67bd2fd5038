#!/bin/sh
# run-all.sh BIN UNIT [SAN_BIN SAN_UNIT] - every suite, plain then under
# ASan+UBSan when given; the last line is the total "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
total_pass=0 total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# the prose in English whatever the caller's locale (suite-i18n.sh asks for others)
export LC_ALL=C LANGUAGE=
unset LC_MESSAGES LANG
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run() {
	# run a suite, echo its output, add its "N passed, N failed" line
	label=$1; shift
	echo "== $label"
	"$@" >"$log" 2>&1
	rc=$?
	cat "$log"
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed.*/\2/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	[ -n "$line" ] || { p=0; f=1; echo "$label: no summary line (crashed?)"; }
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; echo "$label: exit $rc"; fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}
modes=plain
[ $# -ge 4 ] && modes="plain sanitized"
for mode in $modes; do
	if [ $mode = plain ]; then bin=$1 unit=$2; else bin=$3 unit=$4; fi
	# absolute, so suites may run it from anywhere (BIN=postsleuth has no slash)
	case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
	case $unit in /*) ;; *) unit=$(pwd)/$unit ;; esac
	run "unit ($mode)" "$unit"
	run "golden ($mode)" sh "$top/tests/golden.sh" "$bin"
	for s in "$top"/tests/suite-*.sh; do
		[ -f "$s" ] || continue
		run "$(basename "$s" .sh) ($mode)" sh "$s" "$bin"
	done
done
echo "total: $total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
