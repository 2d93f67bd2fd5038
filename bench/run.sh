#!/bin/bash
# bench/run.sh [BIN] - throughput and peak memory on three Postfix logs of
# different structure, with the peers measured in the same run.
#
# The logs (each amplified to BENCH_MIB MiB, default 256, with
# ../shared/tools/amplify-log; cached in $BENCH_DIR, default
# /var/tmp/postsleuth-bench, rebuilt when the input, the tool or the size
# changes):
#   example      examples/mail.log: a test server, TLS and -v debug lines,
#                delivery failures of every kind
#   corpus       ../shared/corpus/mail.log: the annotated corpus, attacks,
#                SASL, LMTP, Dovecot
#   conformance  ../shared/conformance/kdent-postfix_log_analysis/mail2.log:
#                a real classic-syslog server, mostly spam refused
# and the example log gzipped (the decompression ceiling: gzip -dc).
#
# For each log: `wc -l` (the floor: reading the bytes), `postsleuth stats`
# (parse + correlate), `postsleuth report` (parse, correlate, analyse,
# evidence), pflogsumm (on the first BENCH_SLICE_MIB MiB, default 32,
# scaled) and fail2ban-regex with Debian's postfix filter (on the first
# BENCH_F2B_MIB MiB, default 8, scaled).  Each step runs BENCH_RUNS times
# (default 3; pflogsumm BENCH_PEER_RUNS times, default 2; fail2ban-regex
# once): the best wall time, the least CPU time (each from its best run:
# a burst of other work on the machine inflates one run's CPU time too),
# and the largest peak RSS (GNU time).  "x pflogsumm" is the
# ratio of MB per CPU second to pflogsumm's on the same log in the same
# run, which holds on a loaded machine where wall times do not.
# Prints a Markdown table and rewrites the marked section of
# docs/performance.md.  Needs python3 (amplify-log) and GNU time.
# MB = 10^6 bytes; MiB = 2^20 bytes.
set -euo pipefail
export LC_ALL=C TZ=UTC

top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$top/postsleuth}
case $bin in /*) ;; *) bin=$top/$bin ;; esac
shared=${SHARED:-$top/../shared}
amplify=${AMPLIFY:-$shared/tools/amplify-log}
dir=${BENCH_DIR:-/var/tmp/postsleuth-bench}
size_mib=${BENCH_MIB:-256}
slice_mib=${BENCH_SLICE_MIB:-32}
f2b_mib=${BENCH_F2B_MIB:-8}
runs=${BENCH_RUNS:-3}
peer_runs=${BENCH_PEER_RUNS:-2}
doc=$top/docs/performance.md
f2b_filter=/etc/fail2ban/filter.d/postfix.conf

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

names=(example corpus conformance)
srcs=("$top/examples/mail.log" "$shared/corpus/mail.log"
	"$shared/conformance/kdent-postfix_log_analysis/mail2.log")

# -- the logs, cached --------------------------------------------------------
mkdir -p "$dir"
# slice FILE MIB OUT - the first MIB MiB of FILE, cut back to a whole line
slice() {
	if [ ! -s "$3" ] || [ "$3" -ot "$1" ]; then
		head -c $(($2 * 1024 * 1024)) "$1" | sed '$d' >"$3.tmp"
		mv "$3.tmp" "$3"
	fi
}
have=()
for i in "${!names[@]}"; do
	name=${names[$i]} src=${srcs[$i]}
	big=$dir/$name-${size_mib}MiB.log
	if [ ! -f "$src" ]; then
		echo "bench: $src is missing; the $name log is skipped"
		continue
	fi
	have+=("$name")
	want="$(sha256sum "$src" "$amplify" | cut -d' ' -f1 | tr '\n' ' ')$size_mib"
	if [ "$(cat "$big.key" 2>/dev/null)" != "$want" ] || [ ! -s "$big" ]; then
		echo "bench: building $big from $src (a minute or two, once)"
		rm -f "$big" "$big.key" "$big".*
		python3 "$amplify" "$src" --mb "$size_mib" -o "$big.tmp" >/dev/null
		mv "$big.tmp" "$big"
		echo "$want" >"$big.key"
	fi
	slice "$big" "$slice_mib" "$big.slice-$slice_mib"
	slice "$big" "$f2b_mib" "$big.f2b-$f2b_mib"
done
[ ${#have[@]} -gt 0 ] || { echo "bench: no log to measure" >&2; exit 2; }
names=("${have[@]}")
gz=$dir/${names[0]}-${size_mib}MiB.log.gz
if [ ! -s "$gz" ] || [ "$gz" -ot "${gz%.gz}" ]; then
	echo "bench: gzipping the ${names[0]} log (once)"
	gzip -c "${gz%.gz}" >"$gz.tmp"
	mv "$gz.tmp" "$gz"
fi

# -- measuring -----------------------------------------------------------------
rows=()
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.err"' EXIT
base=0 # pflogsumm's MB per CPU second on the current log

# measure LOG STEP BYTES SCALE NOTE CMD... - best wall time and least CPU
# time of $runs runs, the largest peak RSS; one table row
measure() {
	local log=$1 name=$2 fbytes=$3 scale=$4 note=$5
	shift 5
	local t0 t1 w rc=0 i best="" rss=0 usr=0 sys=0 r u sy cpu=
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s.%N)
		/usr/bin/time -f '%M %U %S' -o "$tmp" "$@" >/dev/null 2>"$tmp.err" || rc=$?
		t1=$(date +%s.%N)
		# fail2ban-regex and pflogsumm exit 0; postsleuth 1 only without a Postfix line
		if [ $rc != 0 ]; then
			echo "bench: $log $name failed with exit $rc:" >&2
			head -5 "$tmp.err" >&2
			note="exit $rc; $note"
			break
		fi
		read -r r u sy <"$tmp"
		[ "$r" -gt "$rss" ] && rss=$r
		w=$(awk -v a="$t1" -v b="$t0" 'BEGIN { printf "%.6f", a - b }')
		if [ -z "$best" ] || awk -v w="$w" -v b="$best" 'BEGIN { exit !(w < b) }'; then
			best=$w
		fi
		if [ -z "$cpu" ] || awk -v c="$u $sy" -v m="$cpu" 'BEGIN { split(c, a, " ")
			exit !(a[1] + a[2] < m) }'; then
			cpu=$(awk -v a="$u" -v b="$sy" 'BEGIN { print a + b }') usr=$u sys=$sy
		fi
	done
	if [ -z "$best" ]; then
		rows+=("| $log | $name | failed | | | | | | $note |")
		echo "${rows[-1]}"
		return
	fi
	local cpurate
	cpurate=$(awk -v b="$fbytes" -v u="$usr" -v sy="$sys" 'BEGIN {
		c = u + sy; if (c < 0.01) c = 0.01; printf "%.3f", b / c / 1e6 }')
	[ "$name" = pflogsumm ] && base=$cpurate
	rows+=("$(awk -v lg="$log" -v n="$name" -v w="$best" -v b="$fbytes" -v s="$scale" \
		-v rss="$rss" -v u="$usr" -v sy="$sys" -v cr="$cpurate" -v base="$base" -v note="$note" 'BEGIN {
		ratio = base > 0 ? sprintf("%.1f", cr / base) : ""
		printf "| %s | %s | %.2f | %.2f | %.0f | %.0f | %s | %.1f | %s |", lg, n, w * s,
			(u + sy) * s, b / w / 1e6, cr, ratio, rss / 1024, note
	}')")
	echo "${rows[-1]}"
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
header="| log | step | wall s | cpu s | MB/s | MB/s per cpu s | x pflogsumm (cpu) | peak RSS MiB | note |"
rule="|---|---|---:|---:|---:|---:|---:|---:|---|"
echo "bench: binary $bin, $runs runs per step; load average $load0"
echo
echo "$header"
echo "$rule"
for i in "${!names[@]}"; do
	name=${names[$i]}
	big=$dir/$name-${size_mib}MiB.log
	s=$big.slice-$slice_mib f=$big.f2b-$f2b_mib
	bytes=$(stat -c %s "$big")
	cat "$big" >/dev/null # into the page cache
	base=0
	if command -v pflogsumm >/dev/null; then
		sb=$(stat -c %s "$s")
		runs=$peer_runs measure "$name" pflogsumm "$sb" "$(awk -v a="$bytes" -v b="$sb" 'BEGIN { print a / b }')" \
			"first $slice_mib MiB, times scaled to the whole log" pflogsumm "$s"
	fi
	measure "$name" "wc -l" "$bytes" 1 "reading the bytes" wc -l "$big"
	measure "$name" "postsleuth stats" "$bytes" 1 "parse + correlate" "$bin" stats "$big"
	measure "$name" "postsleuth report" "$bytes" 1 "parse, correlate, analyse, evidence" \
		"$bin" report "$big"
	if command -v fail2ban-regex >/dev/null && [ -f "$f2b_filter" ]; then
		fb=$(stat -c %s "$f")
		runs=1 measure "$name" "fail2ban-regex" "$fb" "$(awk -v a="$bytes" -v b="$fb" 'BEGIN { print a / b }')" \
			"Debian's postfix filter, first $f2b_mib MiB, scaled" \
			fail2ban-regex -r --print-no-missed --print-no-ignored "$f" "$f2b_filter"
	fi
done
# gzip: the decompression ceiling apart from the rest
bytes=$(stat -c %s "${gz%.gz}")
base=0
measure "${names[0]}.gz" "gzip -dc" "$bytes" 1 "the zlib decompression ceiling (MB of output)" \
	gzip -dc "$gz"
measure "${names[0]}.gz" "postsleuth report" "$bytes" 1 "zlib, MB of output" "$bin" report "$gz"

# -- docs/performance.md ---------------------------------------------------
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$top" status --porcelain --untracked-files=no -- src 2>/dev/null | head -1)
[ -n "$dirty" ] && commit="$commit + uncommitted changes in src/"
load1=$(cut -d' ' -f1-3 /proc/loadavg)
section=$(mktemp)
{
	echo "<!-- bench:begin (written by bench/run.sh; edits here are overwritten) -->"
	echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPUs ($cpu), $mem RAM,"
	echo "$(. /etc/os-release && echo "$PRETTY_NAME"), $(cc --version | head -n 1);"
	echo "postsleuth $("$bin" --version | cut -d' ' -f2) at commit $commit."
	echo "Load average before and after the run: $load0; $load1 (other work on the machine"
	echo "inflates wall times; the CPU-time columns and the ratios hold better)."
	echo "Each log amplified to $size_mib MiB, in the page cache; best wall time and least"
	echo "CPU time of $runs runs per step; pflogsumm on the first $slice_mib MiB ($peer_runs runs) and"
	echo "fail2ban-regex on the first $f2b_mib MiB (one run), their times scaled to the whole log."
	echo
	echo "$header"
	echo "$rule"
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
