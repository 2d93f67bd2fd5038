#!/bin/sh
# suite-clang.sh BIN - the second compiler: the program and the unit
# tests built with clang (-Wall -Wextra and the project's other warnings,
# without LTO, -O1 to keep the build short) must give no warning and no
# error, clang's unit tests must pass, and clang's binary must print what
# BIN (gcc's) prints on the bundled logs: report, report --json and
# summary.  The tree is build-clang in the source tree, rebuilt by make
# as the sources change.  Runs in the plain pass only (the sanitized
# pass would build nothing new).  Without clang it skips, saying so,
# unless CI=true.  Last line: "clang: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
if grep -q -a __asan_init "$bin"; then
	echo "clang: the sanitized pass does not build clang's tree again"
	echo "clang: 0 passed, 0 failed"
	exit 0
fi
if ! command -v clang >/dev/null 2>&1; then
	echo "clang: no clang (apt-get install clang)"
	if [ "${CI:-}" = true ]; then echo "clang: 0 passed, 1 failed"; exit 1; fi
	echo "clang: 0 passed, 0 failed (skipped)"
	exit 0
fi
tree=$top/build-clang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# -j2: the machines this runs on have two cores or more
# not make's jobserver of a make check around it: its own -j2
if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$top" -j2 CC=clang LTO= CFLAGS="-O1 -g" BUILD="$tree" BIN="$tree/postsleuth" \
	"$tree/postsleuth" "$tree/unit_tests" >"$tmp/make" 2>&1; then
	ok
else
	ko "clang build failed"
	# what an earlier build left is not this source's
	rm -f "$tree/postsleuth" "$tree/unit_tests"
fi
# the compiler's and the linker's, not make's own notes
grep -v -E '^g?make(\[[0-9]+\])?: ' "$tmp/make" >"$tmp/cc"
grep -E '(warning|error):' "$tmp/cc" | head -20
if grep -q -E '(warning|error):' "$tmp/cc"; then ko "clang's warnings or errors (above)"; else ok; fi
if [ -x "$tree/unit_tests" ]; then
	"$tree/unit_tests" >"$tmp/unit" 2>&1
	rc=$?
	line=$(grep -E 'passed, [0-9]+ failed' "$tmp/unit" | tail -n 1)
	echo "clang's unit tests: $line"
	case $line in *" 0 failed"*) [ $rc = 0 ] && ok || ko "clang's unit tests exit $rc" ;;
	*) grep -i fail "$tmp/unit" | head -10; ko "clang's unit tests" ;;
	esac
else
	ko "no clang unit tests built"
fi
cbin=$tree/postsleuth
for log in "$top/examples/mail.log" "$top/tests/data/variants-families3/159a-redirect-rule-and-warn-notes/input.log"; do
	[ -x "$cbin" ] || { ko "no clang binary"; break; }
	for cmd in "report --color=never" "report --json" "summary --color=never"; do
		# shellcheck disable=SC2086
		LC_ALL=C TZ=UTC "$bin" $cmd "$log" >"$tmp/gcc" 2>&1
		# shellcheck disable=SC2086
		LC_ALL=C TZ=UTC "$cbin" $cmd "$log" >"$tmp/clang" 2>&1
		if cmp -s "$tmp/gcc" "$tmp/clang"; then ok; else
			ko "$cmd $(basename "$(dirname "$log")")/$(basename "$log"): gcc's and clang's binaries differ"
			diff "$tmp/gcc" "$tmp/clang" | head -5
		fi
	done
done
echo "clang: $pass passed, $fail failed"
[ "$fail" = 0 ]
