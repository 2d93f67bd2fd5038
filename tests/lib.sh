# lib.sh - what several suites share; sourced after they set $bin, $t
# (their scratch directory) and ok()/bad().

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
