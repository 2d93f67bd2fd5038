#!/bin/sh
# valgrind.sh BIN - every golden case's command (tests/golden/*/cmd) run
# under valgrind memcheck: an invalid read or write, a use of an
# uninitialised value, or a definite/indirect leak fails the case, and so
# does an output that differs from the case's `expected` (as golden.sh).
# Prints "valgrind: N passed, N failed".  Slow: valgrind runs ~30x slower.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
export TZ=UTC LC_ALL=C NO_COLOR=1
if ! command -v valgrind >/dev/null; then
	echo "valgrind: not installed (apt-get install valgrind)"
	echo "valgrind: 0 passed, 1 failed"
	exit 1
fi
pass=0 fail=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for dir in "$top"/tests/golden/[0-9]*/; do
	[ -f "$dir/cmd" ] || continue
	name=$(basename "$dir")
	args=$(sed -e "s|@DATA@|$top/tests/data|g" -e "s|@EX@|$top/examples|g" "$dir/cmd")
	(cd "$dir" && eval "valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect --track-origins=yes \
		--log-file=\"$out/vg\" \"$bin\" $args" >"$out/stdout" 2>"$out/stderr" </dev/null
	echo $? >"$out/rc")
	rc=$(cat "$out/rc")
	{
		cat "$out/stdout"
		if [ -s "$out/stderr" ]; then echo "--- stderr"; cat "$out/stderr"; fi
		if [ "$rc" != 0 ]; then echo "--- exit $rc"; fi
	} >"$out/got"
	if [ "$rc" = 99 ] || [ -s "$out/vg" ]; then
		fail=$((fail + 1))
		echo "FAIL valgrind $name: memcheck errors"
		head -n 40 "$out/vg"
	elif ! cmp -s "$out/got" "$dir/expected"; then
		fail=$((fail + 1))
		echo "FAIL valgrind $name: output differs from expected"
		diff -u "$dir/expected" "$out/got" | head -n 20
	else
		pass=$((pass + 1))
		echo "ok   valgrind $name"
	fi
done
echo "valgrind: $pass passed, $fail failed"
[ "$fail" = 0 ]
