#!/bin/sh
# bench/same-output.sh OLD NEW - do two binaries print the same bytes?
#
# The check after every optimisation (docs/performance.md): runs `report`,
# `report --json`, `stats`, `summary`, `ban` and `explain` with OLD and NEW
# on every file of ../shared/corpus, ../shared/seeds and
# ../shared/conformance (each alone), plus the corpus logs all at once and
# piped on stdin (the spooled second pass), and compares stdout, stderr and
# the exit code.  Files that are no log at all are run too: "no Postfix
# line" is an output as well (compared with stats and report only).  Extra options for both binaries may be given
# in SAME_OPTS (e.g. "--threads 1").  Prints each difference (first lines
# of the diff) and ends with "N same, N different".
set -u
export LC_ALL=C TZ=UTC NO_COLOR=1
[ $# -eq 2 ] || { echo "usage: $0 OLD NEW" >&2; exit 2; }
old=$1 new=$2
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
opts=${SAME_OPTS:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
same=0 diff=0

# run BIN OUT ARGS... - stdout, stderr and exit code of one run into OUT.*
run() {
	b=$1 o=$2
	shift 2
	"$b" "$@" >"$o.out" 2>"$o.err" </dev/null
	echo "exit $?" >>"$o.err"
	# the binary's own path shows in usage and error messages
	sed -i "s|$b|BIN|g" "$o.err"
}

# compare LABEL ARGS... - one command with both binaries
compare() {
	label=$1
	shift
	run "$old" "$tmp/a" "$@"
	run "$new" "$tmp/b" "$@"
	if cmp -s "$tmp/a.out" "$tmp/b.out" && cmp -s "$tmp/a.err" "$tmp/b.err"; then
		same=$((same + 1))
	else
		diff=$((diff + 1))
		echo "DIFFERENT: $label"
		diff "$tmp/a.out" "$tmp/b.out" | head -n 6
		diff "$tmp/a.err" "$tmp/b.err" | head -n 4
	fi
}

# compare_pipe LABEL FILE ARGS... - the same with FILE on stdin
compare_pipe() {
	label=$1 f=$2
	shift 2
	for b in a b; do
		if [ $b = a ]; then bin=$old; else bin=$new; fi
		"$bin" "$@" - <"$f" >"$tmp/$b.out" 2>"$tmp/$b.err"
		echo "exit $?" >>"$tmp/$b.err"
	done
	if cmp -s "$tmp/a.out" "$tmp/b.out" && cmp -s "$tmp/a.err" "$tmp/b.err"; then
		same=$((same + 1))
	else
		diff=$((diff + 1))
		echo "DIFFERENT: $label"
		diff "$tmp/a.out" "$tmp/b.out" | head -n 6
	fi
}

find "$shared/corpus" "$shared/seeds" "$shared/conformance" -type f | sort >"$tmp/files"
while IFS= read -r f; do
	# shellcheck disable=SC2086 # the command and options split on purpose
	compare "stats $f" stats $opts "$f"
	# a file with no Postfix line and no transcript (most of the conformance
	# fixtures are JSON or YAML): every command says so the same way, so
	# report alone is compared
	cmds="report report--json summary ban explain"
	grep -Eq '^(postfix lines|transcripts) +[1-9]' "$tmp/a.out" || cmds=report
	for c in $cmds; do
		# shellcheck disable=SC2086
		compare "$c $f" $(echo $c | sed 's/--/ --/') $opts "$f"
	done
done <"$tmp/files"

# the corpus's logs as one run (several inputs, rotation order) and piped
corpus_logs=$(find "$shared/corpus" -name '*.log' | sort)
for c in "report" "report --json" "summary" "ban" "explain" "explain --all"; do
	# shellcheck disable=SC2086
	compare "$c <all corpus logs>" $c $opts $corpus_logs
done
for f in "$shared/corpus/mail.log" "$shared/corpus/mail-classic.log"; do
	for c in "report" "report --json" "explain"; do
		# shellcheck disable=SC2086
		compare_pipe "$c - <$f" "$f" $c $opts
	done
done
echo "$same same, $diff different"
[ $diff = 0 ]
