#!/bin/sh
# suite-fuzz.sh BIN - a short run of every libFuzzer target (fuzz/):
# FUZZ_SECONDS (default 20) each, after replaying the inputs that once
# crashed (tests/hostile/<target>/).  The fuzz tree sits beside BIN's
# build tree (BUILD-libfuzzer).  Runs in the plain pass only: the targets
# carry their own ASan+UBSan.  Without clang's libFuzzer it skips, saying
# so, unless CI=true.  Last line: "fuzz: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if grep -q -a __asan_init "$bin"; then
	echo "fuzz: the sanitized pass does not run the fuzzers again"
	echo "fuzz: 0 passed, 0 failed"
	exit 0
fi
cc=${FUZZ_CC:-clang}
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput(const char *p, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *p, unsigned long n) { return p && n; }\n' >"$probe/p.c"
if ! "$cc" -fsanitize=fuzzer -o "$probe/p" "$probe/p.c" >/dev/null 2>&1; then
	echo "fuzz: no $cc with libFuzzer (apt-get install clang libclang-rt-14-dev)"
	if [ "${CI:-}" = true ]; then echo "fuzz: 0 passed, 1 failed"; exit 1; fi
	echo "fuzz: 0 passed, 0 failed (skipped)"
	exit 0
fi
dir=$(dirname "$bin")
case $dir in
"$top"/*) build=${dir#"$top"/} ;;
*) build=build ;;
esac
if ! make -s -C "$top" BUILD="$build" FUZZ_CC="$cc" fuzz-build >"$probe/build.log" 2>&1; then
	cat "$probe/build.log"
	echo "fuzz: 0 passed, 1 failed"
	exit 1
fi
targets=$(cd "$top/fuzz" && ls fuzz_*.c | sed 's/\.c$//')
# shellcheck disable=SC2086
sh "$top/fuzz/run.sh" "$top/$build-libfuzzer" "${FUZZ_SECONDS:-20}" $targets
