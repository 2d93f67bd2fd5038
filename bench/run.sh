#!/bin/bash
# bench/run.sh [BIN] - throughput and peak memory on a 1 GiB Postfix log.
#
# Builds the log once from examples/mail.log with ../shared/tools/amplify-log
# (cached in $BENCH_DIR, default /var/tmp/postsleuth-bench; rebuilt when the
# input, the tool or the size changes), warms the page cache, then times
# `wc -l`, `postsleuth events`, `postsleuth report` (when built) and
# pflogsumm (when installed; timed on a 100 MiB slice and scaled).
# Each step runs BENCH_RUNS times (default 5; pflogsumm once): best wall
# time, with the CPU time of that run, and the largest peak RSS.
# Prints a Markdown table and rewrites the marked section of
# docs/performance.md.  Needs python3 (amplify-log) and GNU time.
# MB = 10^6 bytes; MiB = 2^20 bytes.
set -euo pipefail
export LC_ALL=C TZ=UTC

top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$top/postsleuth}
case $bin in /*) ;; *) bin=$top/$bin ;; esac
amplify=${AMPLIFY:-$top/../shared/tools/amplify-log}
dir=${BENCH_DIR:-/var/tmp/postsleuth-bench}
size_mib=${BENCH_MIB:-1024}
slice_mib=100
runs=${BENCH_RUNS:-5}
src=$top/examples/mail.log
doc=$top/docs/performance.md

if [ ! -x "$amplify" ]; then
	echo "bench: $amplify not found (it lives in ../shared/tools beside the repository); skipped"
	exit 0
fi
for tool in python3 /usr/bin/time; do
	if ! command -v $tool >/dev/null; then
		echo "bench: $tool is missing (apt-get install python3 time); skipped"
		exit 0
	fi
done
[ -x "$bin" ] || { echo "bench: no binary $bin (run make first)" >&2; exit 2; }

# -- the 1 GiB log, cached -------------------------------------------------
mkdir -p "$dir"
big=$dir/mail-${size_mib}MiB.log
slice=$dir/mail-${slice_mib}MiB-slice.log
want="$(sha256sum "$src" "$amplify" | cut -d' ' -f1 | tr '\n' ' ')$size_mib"
target=$((size_mib * 1024 * 1024))
have=$(stat -c %s "$big" 2>/dev/null || echo 0)
if [ "$(cat "$big.key" 2>/dev/null)" != "$want" ] || [ "$have" -lt "$target" ]; then
	echo "bench: building $big from examples/mail.log (a few minutes, once)"
	rm -f "$big" "$big.key" "$slice"
	python3 "$amplify" "$src" --mb "$size_mib" -o "$big.tmp"
	mv "$big.tmp" "$big"
	echo "$want" >"$big.key"
fi
if [ ! -s "$slice" ]; then
	# the first 100 MiB, cut back to a whole line
	head -c $((slice_mib * 1024 * 1024)) "$big" | sed '$d' >"$slice.tmp"
	mv "$slice.tmp" "$slice"
fi
bytes=$(stat -c %s "$big")
sbytes=$(stat -c %s "$slice")
cat "$big" "$slice" >/dev/null # into the page cache

# -- measuring -------------------------------------------------------------
rows=()
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# measure NAME BYTES LINES SCALE NOTE CMD... - wall time, rates, peak RSS
measure() {
	local name=$1 fbytes=$2 flines=$3 scale=$4 note=$5
	shift 5
	local t0 t1 w rc=0 i best="" rss=0 usr sys r u sy
	# best wall time of $runs runs (the machine may be shared); worst RSS
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s.%N)
		/usr/bin/time -f '%M %U %S' -o "$tmp" "$@" <"${in:-/dev/null}" >/dev/null 2>"$tmp.err" || rc=$?
		t1=$(date +%s.%N)
		if [ $rc != 0 ]; then
			echo "bench: $name failed with exit $rc:" >&2
			head -5 "$tmp.err" >&2
			note="exit $rc; $note"
			break
		fi
		read -r r u sy <"$tmp"
		[ "$r" -gt "$rss" ] && rss=$r
		w=$(awk -v a="$t1" -v b="$t0" 'BEGIN { printf "%.6f", a - b }')
		if [ -z "$best" ] || awk -v w="$w" -v b="$best" 'BEGIN { exit !(w < b) }'; then
			best=$w usr=$u sys=$sy
		fi
	done
	rm -f "$tmp.err"
	if [ -z "$best" ]; then
		rows+=("| $name | failed | | | | | | $note |")
		echo "${rows[-1]}"
		return
	fi
	t0=0 t1=$best
	rows+=("$(awk -v n="$name" -v t0="$t0" -v t1="$t1" -v b="$fbytes" -v l="$flines" \
		-v s="$scale" -v rss="$rss" -v u="$usr" -v sy="$sys" -v note="$note" 'BEGIN {
		w = t1 - t0
		c = u + sy; if (c < 0.01) c = 0.01
		printf "| %s | %.2f | %.2f | %.0f | %.0f | %.2f | %.1f | %s |", n, w * s, (u + sy) * s,
			b / w / 1e6, b / c / 1e6, l / w / 1e6, rss / 1024, note
	}')")
	echo "${rows[-1]}"
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
lines=$(wc -l <"$big")
slines=$(wc -l <"$slice")
echo "bench: $big: $bytes bytes, $lines lines; binary $bin"
echo
echo "| step | wall s | cpu s | MB/s | MB/s per cpu s | M lines/s | peak RSS MiB | note |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
measure "wc -l" "$bytes" "$lines" 1 "" wc -l "$big"
measure "postsleuth events" "$bytes" "$lines" 1 "parse + correlate + NDJSON of every line to /dev/null" \
	"$bin" events "$big"
if "$bin" --help 2>/dev/null | grep -qE '^  stats '; then
	measure "postsleuth stats" "$bytes" "$lines" 1 "parse + correlate only (the 500 MB/s target)" \
		"$bin" stats "$big"
fi
if "$bin" --help 2>/dev/null | grep -qE '^  report '; then
	measure "postsleuth report" "$bytes" "$lines" 1 "parse + correlate + analyse" "$bin" report "$big"
else
	rows+=("| postsleuth report | n/a | n/a | n/a | n/a | n/a | n/a | not built yet |")
	echo "${rows[-1]}"
fi
if command -v pflogsumm >/dev/null; then
	scale=$(awk -v a="$bytes" -v b="$sbytes" 'BEGIN { printf "%.4f", a / b }')
	runs=1 measure "pflogsumm" "$sbytes" "$slines" "$scale" \
		"timed on the first $slice_mib MiB, wall and cpu scaled x$scale; RSS of the slice run" \
		pflogsumm "$slice"
else
	rows+=("| pflogsumm | n/a | n/a | n/a | n/a | n/a | n/a | not installed |")
	echo "${rows[-1]}"
fi

# -- docs/performance.md ---------------------------------------------------
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$top" status --porcelain --untracked-files=no -- src 2>/dev/null | head -1)
[ -n "$dirty" ] && commit="$commit + uncommitted changes in src/"
section=$(mktemp)
{
	echo "<!-- bench:begin (written by bench/run.sh; edits here are overwritten) -->"
	echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPUs ($cpu), $mem RAM,"
	echo "$(. /etc/os-release && echo "$PRETTY_NAME"), $(cc --version | head -n 1);"
	echo "postsleuth $("$bin" --version | cut -d' ' -f2) at commit $commit."
	echo "Load average before the run: $load0 (other work on the machine inflates wall times)."
	echo "Input: $bytes bytes, $lines lines (examples/mail.log amplified), in the page cache;"
	echo "best of $runs runs per step (pflogsumm: one run on a $slice_mib MiB slice, scaled)."
	echo
	echo "| step | wall s | cpu s | MB/s | MB/s per cpu s | M lines/s | peak RSS MiB | note |"
	echo "|---|---:|---:|---:|---:|---:|---:|---|"
	printf '%s\n' "${rows[@]}"
	echo "<!-- bench:end -->"
} >"$section"
if [ -f "$doc" ] && grep -q '<!-- bench:begin' "$doc"; then
	awk -v f="$section" '
		/<!-- bench:begin/ { while ((getline l < f) > 0) print l; skip = 1; next }
		/<!-- bench:end/ { skip = 0; next }
		!skip' "$doc" >"$doc.tmp"
	mv "$doc.tmp" "$doc"
	echo
	echo "bench: updated $doc"
else
	echo
	echo "bench: $doc has no bench markers; not updated"
fi
rm -f "$section"
