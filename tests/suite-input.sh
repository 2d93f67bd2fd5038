#!/bin/sh
# suite-input.sh BIN - every way logs come in gives the same result:
# gzip/xz/zstd told by magic bytes (not by name), stdin as -, a rotated set
# named in any order or as a directory, the journal file and its
# journalctl renderings.  The reference is `stats --json` on the plain
# log.  Last line: "input: N passed, N failed".
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
export TZ=UTC LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
same() { # same LABEL FILE1 FILE2
	if cmp -s "$2" "$3"; then ok; else ko "$1"; diff "$2" "$3" | head -5; fi
}
# counts without the byte total (decompressed bytes are equal, raw differ)
counts() { "$bin" stats --json "$@" | sed -e 's/"bytes":[0-9]*,//'; }

log=$data/mail.log
counts "$log" >"$tmp/ref"
for z in gzip xz zstd; do
	command -v $z >/dev/null 2>&1 || { ko "$z not installed"; continue; }
	$z -c "$log" >"$tmp/log.$z.bin"          # a name that says nothing
	counts "$tmp/log.$z.bin" >"$tmp/got"
	same "$z by magic" "$tmp/ref" "$tmp/got"
done
counts - <"$log" >"$tmp/got"
same "stdin" "$tmp/ref" "$tmp/got"
"$bin" report --json - <"$log" >"$tmp/got-report"
"$bin" report --json "$log" >"$tmp/ref-report"
same "report from stdin (spooled) equals report from the file" "$tmp/ref-report" "$tmp/got-report"

# a rotated set: split the log in three, compress the older parts
mkdir -p "$tmp/rot"
n=$(wc -l <"$log")
third=$((n / 3))
head -n $third "$log" | gzip -c >"$tmp/rot/mail.log.2.gz"
sed -n "$((third + 1)),$((2 * third))p" "$log" >"$tmp/rot/mail.log.1"
tail -n +$((2 * third + 1)) "$log" >"$tmp/rot/mail.log"
"$bin" report --json "$tmp/rot/mail.log" "$tmp/rot/mail.log.2.gz" "$tmp/rot/mail.log.1" \
	| sed -e 's/"files":[0-9]*,//' >"$tmp/got"
sed -e 's/"files":[0-9]*,//' "$tmp/ref-report" >"$tmp/ref2"
# evidence lines carry no file name, so the whole report must be equal
same "rotated set named out of order" "$tmp/ref2" "$tmp/got"
"$bin" report --json "$tmp/rot" | sed -e 's/"files":[0-9]*,//' >"$tmp/got"
same "rotated set as a directory" "$tmp/ref2" "$tmp/got"

# journal file and journalctl renderings (short-iso, short-precise, json):
# same sessions and messages
sess() { "$bin" stats --json "$@" | sed -E 's/.*"sessions":([0-9]+),"messages":([0-9]+).*/\1 \2/'; }
want=$(sess "$log")
for f in "$data/extra/mail.journal" "$data/extra/mail.journal.short-iso.log" \
	"$data/extra/mail.journal.json"; do
	got=$(sess "$f")
	[ "$got" = "$want" ] && ok || ko "$(basename "$f"): sessions/messages $got, want $want"
done
got=$(sess --year 2026 "$data/extra/mail.journal.short-precise.log")
[ "$got" = "$want" ] && ok || ko "short-precise: sessions/messages $got, want $want"

# a truncated compressed file: an error naming the file, exit 1, the rest kept
head -c 20000 "$tmp/log.gzip.bin" >"$tmp/cut.gz"
"$bin" stats "$tmp/cut.gz" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] && ok || ko "truncated gzip: exit $rc, want 1"
grep -q "cut.gz: truncated gzip file" "$tmp/err" && ok || ko "truncated gzip: message: $(cat "$tmp/err")"
lines=$(awk '/^lines/ {print $2}' "$tmp/out")
[ "${lines:-0}" -gt 100 ] && ok || ko "truncated gzip: lines before the cut not kept ($lines)"

# unreadable input and bad usage
"$bin" stats "$tmp/does-not-exist" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc = 1 ] && grep -q "does-not-exist" "$tmp/err" && ok || ko "missing file: exit $rc"
"$bin" report --no-such-option >/dev/null 2>&1; rc=$?
[ $rc = 2 ] && ok || ko "bad option: exit $rc, want 2"

echo "input: $pass passed, $fail failed"
[ "$fail" = 0 ]
