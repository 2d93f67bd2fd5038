#!/bin/sh
# suite-cli.sh BIN - the command line against its own tables: every option
# the parser accepts (the optdefs table of src/main.c, long and short names)
# is in --help, in man/postsleuth.1 and in README.md, and --help names no
# option the parser refuses; each command takes exactly the options its
# "COMMAND --help" lists and refuses every other with exit 2; mistyped
# commands and options get the nearest one suggested.
# Last line: "cli: N passed, N failed".
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
export TZ=UTC LC_ALL=C NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }

# the table, as the parser is built from it: {"name", has_arg, key, 'c', ...
sed -n '/^static const struct optdef optdefs\[\] = {/,/^};/p' "$top/src/main.c" >"$tmp/table"
grep -o '{"[a-z0-9-]*", [a-z_]*' "$tmp/table" | sed 's/{"\([^"]*\)", \(.*\)/\1 \2/' |
	sort -u >"$tmp/options"
grep -o "O_[A-Z_]*, '[a-zA-Z]'" "$tmp/table" | sed "s/.*'\(.\)'/\1/" | sort -u >"$tmp/shorts"
n=$(wc -l <"$tmp/options")
[ "$n" -ge 20 ] && ok || ko "only $n options found in src/main.c's optdefs table: did its shape change?"
[ -s "$tmp/shorts" ] && ok || ko "no short option found in the optdefs table"

"$bin" --help >"$tmp/help" 2>&1 && ok || ko "--help: exit $?"
# the man page's option names with \- unescaped
sed 's/\\-/-/g' "$top/man/postsleuth.1" >"$tmp/man"

while read -r name arg; do
	grep -q -e "--$name\\b" "$tmp/help" && ok || ko "--$name is accepted but not in --help"
	grep -q -e "--$name\\b" "$tmp/man" && ok || ko "--$name is accepted but not in man/postsleuth.1"
	grep -q -e "--$name\\b" "$top/README.md" && ok || ko "--$name is accepted but not in README.md"
done <"$tmp/options"
while read -r s; do
	grep -q -e "-$s, --" "$tmp/help" && ok || ko "-$s is accepted but not in --help"
	grep -q -e "-$s, --\|-$s\\b" "$tmp/man" && ok || ko "-$s is accepted but not in man/postsleuth.1"
done <"$tmp/shorts"
# every verdict of the table (src/analyze/verdicts.h) is named where users
# look for what --verdict takes
grep -o '^[[:space:]]*X(V_[A-Z_]*, "[a-z-]*"' "$top/src/analyze/verdicts.h" | sed 's/.*"\(.*\)"/\1/' >"$tmp/verdicts"
n=$(wc -l <"$tmp/verdicts")
[ "$n" -ge 15 ] && ok || ko "only $n verdicts found in src/analyze/verdicts.h: did its shape change?"
while read -r v; do
	grep -q -e "\b$v\b" "$tmp/man" && ok || ko "verdict $v is not in man/postsleuth.1"
	grep -q -e "\`$v\`" "$top/README.md" && ok || ko "verdict $v is not in README.md"
	grep -q -e "\`$v\`" "$top/docs/report.md" && ok || ko "verdict $v is not in docs/report.md"
done <"$tmp/verdicts"
# and the other way: what --help names, the parser takes
for o in $(grep -o -e '--[a-z][a-z0-9-]*' "$tmp/help" | sort -u); do
	grep -q "^${o#--} " "$tmp/options" && ok || ko "--help names $o, which the parser does not know"
done

# a value each option accepts, so that only the command decides
value() {
	case $1 in
	year) echo 2026 ;;
	since | until) echo 2026-01-01 ;;
	session | top | min-sessions | threads) echo 1 ;;
	decompress-max | spool-max | memory-budget) echo 64M ;;
	ban-time) echo 1h ;;
	max-age) echo 30 ;;
	*) echo x ;;
	esac
}
commands=$(sed -n '/^commands:/,/^$/p' "$tmp/help" | awk 'NF > 1 { print $1 }')
[ "$(echo $commands | wc -w)" -ge 11 ] && ok || ko "--help lists only: $commands"
for c in $commands; do
	"$bin" "$c" --help >"$tmp/chelp" 2>&1 || { ko "$c --help: exit $?"; continue; }
	head -1 "$tmp/chelp" | grep -q "^usage: postsleuth $c " && ok || ko "$c --help: no usage line"
	while read -r name arg; do
		case $arg in
		required_argument) set -- "--$name" "$(value "$name")" ;;
		optional_argument) set -- "--$name=never" ;;
		*) set -- "--$name" ;;
		esac
		"$bin" "$c" "$@" --help >"$tmp/out" 2>"$tmp/err"
		rc=$?
		if grep -q -e "--$name\\b" "$tmp/chelp"; then
			[ $rc = 0 ] && ok || ko "$c $*: exit $rc, but $c --help lists --$name: $(cat "$tmp/err")"
		else
			[ $rc = 2 ] && grep -q "does not apply to '$c'" "$tmp/err" && ok ||
				ko "$c $*: exit $rc, want 2 and 'does not apply' ($c --help does not list it)"
		fi
	done <"$tmp/options"
done

# mistakes, with the nearest word suggested
cd "$tmp"
expect() { # expect LABEL RC STDERR-TEXT ARGS...
	label=$1 want=$2 text=$3
	shift 3
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	[ $rc = "$want" ] && ok || ko "$label: exit $rc, want $want"
	grep -qF -e "$text" "$tmp/err" && ok || ko "$label: stderr lacks \"$text\": $(cat "$tmp/err")"
	[ -s "$tmp/out" ] && ko "$label: something on stdout" || ok
}
expect "typo of a command" 2 "unknown command 'reprot'; did you mean 'report'?" reprot
expect "typo of a command, options first" 2 "did you mean 'clients'?" --json clinets x.log
expect "typo of a command, swapped letters" 2 "did you mean 'fail2ban'?" fial2ban
expect "a word that is neither command nor file" 2 "unknown command 'maillog', and no file" maillog
expect "typo of an option" 2 "unknown option '--jsno'; did you mean '--json'?" report --jsno
expect "typo of an option with a value" 2 "did you mean '--verdict'?" clients --verdit=x
expect "an unknown option far from any" 2 "unknown option '--frobnicate'" --frobnicate
expect "an ambiguous abbreviation" 2 "'--ver' is ambiguous: --verdict --version" --ver
expect "a value to a flag" 2 "option '--json' takes no value" --json=yes
expect "a missing value" 2 "option '--year' needs a value" report --year
expect "an unknown short option" 2 "unknown option '-x'" -x
expect "an unknown short option inside a group, after a long one" 2 "unknown option '-x'" --json -xj
expect "help of an unknown command" 2 "did you mean 'summary'?" help sumary
expect "two explain selectors" 2 "one of --ip, --account" explain --ip 192.0.2.1 --session 3
expect "ban: --json against another --format" 2 "ban: --json and --format nft: choose one" ban --json --format nft
expect "--top with a selector" 2 "--top chooses among the findings" explain --top 3 --ip 192.0.2.1
expect "--threads not a number" 2 "--threads: want a number from 0 to 1024, not 'two'" report --threads two
expect "--threads below 0" 2 "--threads: want a number from 0 to 1024, not '-1'" stats --threads -1
expect "--threads without its number" 2 "option '--threads' needs a value" summary --threads
expect "--threads to watch" 2 "--threads does not apply to 'watch'" watch --threads 2
# --threads is obeyed, and wins over POSTSLEUTH_THREADS: a FIFO is read by
# one thread unless forced; once the line written is read and every thread
# waits, /proc/PID/task says how many there are
threads_seen() { # threads_seen ENV ARGS... - the threads of stats reading a FIFO
	env=$1
	shift
	rm -f "$tmp/fifo"
	mkfifo "$tmp/fifo"
	POSTSLEUTH_THREADS=$env "$bin" stats "$@" "$tmp/fifo" >/dev/null 2>&1 &
	pid=$!
	exec 3>"$tmp/fifo"
	line='Dec  3 10:00:00 mx postfix/smtpd[1]: connect from unknown[192.0.2.1]'
	echo "$line" >&3
	i=0
	while [ $i -lt 200 ]; do
		st=$(cat /proc/$pid/task/*/stat 2>/dev/null | awk '{ print $3 }' | sort -u | tr -d '\n')
		got=$(sed -n 's/^rchar: //p' /proc/$pid/io 2>/dev/null)
		[ "$st" = S ] && [ "${got:-0}" -ge ${#line} ] && break
		sleep 0.05
		i=$((i + 1))
	done
	ls /proc/$pid/task | wc -l
	exec 3>&-
	wait $pid
}
[ "$(threads_seen 1 --threads 2)" = 2 ] && ok || ko "--threads 2 over POSTSLEUTH_THREADS=1: not two threads"
[ "$(threads_seen 2 --threads 1)" = 1 ] && ok || ko "--threads 1 over POSTSLEUTH_THREADS=2: not one thread"
[ "$(threads_seen 2 --threads 0)" = 1 ] && ok || ko "--threads 0 (a FIFO: one) over POSTSLEUTH_THREADS=2: not one thread"
[ "$(threads_seen 2)" = 2 ] && ok || ko "POSTSLEUTH_THREADS=2 alone: not two threads"
# an existing file is read, whatever its name looks like
: >"$tmp/maillog"
"$bin" stats maillog >/dev/null 2>"$tmp/err"
grep -q "unknown command" "$tmp/err" && ko "an existing file taken for a command" || ok
# a path that does not exist is a file, not a command
"$bin" stats ./missing.log >/dev/null 2>"$tmp/err"
rc=$?
[ $rc = 1 ] && grep -q "missing.log: No such file" "$tmp/err" && ok || ko "missing file: exit $rc: $(cat "$tmp/err")"
"$bin" help ban >"$tmp/out" 2>&1 && cmp -s "$tmp/out" /dev/null && ko "help ban: empty" || ok
"$bin" ban --help >"$tmp/out2" 2>&1
cmp -s "$tmp/out" "$tmp/out2" && ok || ko "help ban and ban --help differ"

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
