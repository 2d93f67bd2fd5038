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

# watch's state (sqlite3), for the suites that follow logs (live, journal):
# records DB - what must not depend on how the log was read
records() {
	sqlite3 "$1" "SELECT addr, verdict, sessions, auth_failures, auth_successes, messages, \
		first_us, last_us, hex(rec) FROM client ORDER BY addr;
		SELECT name, logins, messages, recipients FROM account ORDER BY name;
		SELECT addr, account, hex(rec) FROM login ORDER BY addr, account;
		SELECT addr, verdict, acted FROM verdict ORDER BY addr;"
}
# lines_of DB - the lines counted; banned FILE... - the addresses a dry run banned
lines_of() { sqlite3 "$1" "SELECT value FROM counter WHERE name = 'lines'"; }
banned() { sed -n 's/^dry-run: nft add element inet filter postsleuth_ban { \([^ ]*\) timeout 3600s }$/\1/p' "$@"; }
