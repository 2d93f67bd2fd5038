#!/bin/sh
# suite-recognition.sh BIN - every Postfix line of the real corpus and of
# the log excerpts quoted in the users' questions must be recognised:
# "BIN events --all FILE" may not print a single "type":"unknown" event.
# One case per file; a failing case prints (up to 20 of) its unknown
# lines.  Reads ../shared beside the repository (or $POSTSLEUTH_SHARED) at run time and
# copies nothing from it; when it is absent the suite says so and counts
# nothing.  Last line: "recognition: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=${POSTSLEUTH_SHARED:-$(cd "$(dirname "$0")/.." && pwd)/../shared}
export TZ=UTC LC_ALL=C
pass=0 fail=0
if [ ! -d "$shared/corpus" ] || [ ! -d "$shared/seeds" ]; then
	echo "recognition: skipped, $shared/corpus and $shared/seeds not found"
	echo "recognition: 0 passed, 0 failed"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check LABEL FILE [OPTIONS...] - one case: no unknown event in FILE
check() {
	label=$1 file=$2
	shift 2
	"$bin" events --all "$@" "$file" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" != 0 ]; then
		fail=$((fail + 1))
		echo "FAIL recognition $label: exit status $rc"
		head -5 "$tmp/err"
		return
	fi
	if [ ! -s "$tmp/out" ]; then
		fail=$((fail + 1))
		echo "FAIL recognition $label: no events at all"
		return
	fi
	n=$(grep -c '"type":"unknown"' "$tmp/out")
	if [ "$n" -gt 0 ]; then
		fail=$((fail + 1))
		echo "FAIL recognition $label: $n unknown lines"
		grep '"type":"unknown"' "$tmp/out" | head -20
	else
		pass=$((pass + 1))
	fi
}

c=$shared/corpus
check mail.log "$c/mail.log"
check mail-classic.log "$c/mail-classic.log" --year 2026
for f in "$c"/scenarios/*.log; do
	[ -f "$f" ] || continue
	case $f in
	*.classic.log) check "scenarios/$(basename "$f")" "$f" --year 2026 ;;
	*) check "scenarios/$(basename "$f")" "$f" ;;
	esac
done
for f in "$c"/extra/*.log; do
	[ -f "$f" ] || continue
	check "extra/$(basename "$f")" "$f" --year 2026
done
[ -f "$c/extra/mail.journal" ] && check extra/mail.journal "$c/extra/mail.journal"

# the seeds quote log lines with a classic prefix, some without a host
for f in "$shared"/seeds/*.txt; do
	[ -f "$f" ] || continue
	grep -E '^[A-Z][a-z][a-z] +[0-9]{1,2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)? ([^ ]+ )?postfix[A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)+\[[0-9]+\]: ' \
	    "$f" | tr -d '\r' >>"$tmp/seeds.log"
done
if [ -s "$tmp/seeds.log" ]; then
	check "seeds ($(wc -l <"$tmp/seeds.log") quoted lines)" "$tmp/seeds.log" --year 2026
else
	fail=$((fail + 1))
	echo "FAIL recognition seeds: no quoted Postfix line found in $shared/seeds"
fi
echo "recognition: $pass passed, $fail failed"
[ "$fail" = 0 ]
