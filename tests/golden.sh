#!/bin/sh
# golden.sh BIN - run every numbered golden case: tests/golden/NNNN-name/
# holds `cmd` (the arguments, one shell line; @DATA@ = tests/data,
# @EX@ = examples) and `expected` (stdout, then stderr after a line
# "--- stderr" if any, then "--- exit N" when not 0).
# Prints one line per failure and "golden: N passed, N failed".
# UPDATE=1 rewrites the expected files (review the diff before committing).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
export TZ=UTC LC_ALL=C NO_COLOR=1
pass=0 fail=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for dir in "$top"/tests/golden/[0-9]*/; do
	[ -f "$dir/cmd" ] || continue
	name=$(basename "$dir")
	args=$(sed -e "s|@DATA@|$top/tests/data|g" -e "s|@EX@|$top/examples|g" "$dir/cmd")
	(cd "$dir" && eval "\"$bin\" $args" >"$out/stdout" 2>"$out/stderr" </dev/null; echo $? >"$out/rc")
	rc=$(cat "$out/rc")
	{
		cat "$out/stdout"
		if [ -s "$out/stderr" ]; then echo "--- stderr"; cat "$out/stderr"; fi
		if [ "$rc" != 0 ]; then echo "--- exit $rc"; fi
	} >"$out/got"
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$out/got" "$dir/expected"
	fi
	if cmp -s "$out/got" "$dir/expected"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL golden $name"
		diff -u "$dir/expected" "$out/got" | head -40
	fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
