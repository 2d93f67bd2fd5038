#!/bin/sh
# run.sh FUZZ_BUILD SECONDS TARGET... - run each libFuzzer target for
# SECONDS: first on its regression inputs (tests/hostile/<target>/, the
# crashes found so far), then from its seed corpus (fuzz/seeds.sh) and
# the corpus kept in FUZZ_BUILD/corpus/.  A crash is saved in
# FUZZ_BUILD/crashes/ and fails the target.  Last line:
# "fuzz: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$1 secs=$2
shift 2
pass=0 fail=0
sh "$top/fuzz/seeds.sh" "$dir/seeds" >/dev/null
mkdir -p "$dir/crashes"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:allocator_may_return_null=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in "$@"; do
	bin=$dir/$t
	log=$dir/$t.log
	case $t in
	fuzz_stream | fuzz_transcript) max=16384 ;;
	fuzz_source) max=65536 ;;
	*) max=4096 ;;
	esac
	ok=1
	if [ -d "$top/tests/hostile/$t" ] && ls "$top/tests/hostile/$t"/* >/dev/null 2>&1; then
		"$bin" "$top/tests/hostile/$t"/* >"$log" 2>&1 || ok=0
	fi
	mkdir -p "$dir/corpus/$t"
	if [ $ok = 1 ]; then
		"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=$max \
			-dict="$top/fuzz/postfix.dict" -print_final_stats=1 \
			-artifact_prefix="$dir/crashes/$t-" \
			"$dir/corpus/$t" "$dir/seeds/$t" >"$log" 2>&1 || ok=0
	fi
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
		echo "ok   $t: ${runs:-?} runs in ${secs}s, ${cov:-cov: ?}"
	else
		fail=$((fail + 1))
		echo "FAIL $t (log: $log)"
		grep -E 'ERROR|runtime error|oracle|SUMMARY|artifact|Test unit' "$log" | head -n 12
	fi
done
echo "fuzz: $pass passed, $fail failed"
[ $fail = 0 ]
