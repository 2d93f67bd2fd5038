#!/bin/sh
# seeds.sh OUTDIR - build the seed corpus of every fuzz target from real
# logs: tests/data (always), and the shared corpus, seeds, qa-dev
# questions and conformance logs when present ($POSTSLEUTH_SHARED, else
# /work/shared).  Writes
# OUTDIR/<target>/ (rebuilt each time; nothing here is committed).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
out=$1
shared=${POSTSLEUTH_SHARED:-/work/shared}
rm -rf "$out"
mkdir -p "$out/fuzz_syslog" "$out/fuzz_parse" "$out/fuzz_auth" "$out/fuzz_stream" \
	"$out/fuzz_source" "$out/fuzz_transcript"
logs=$(mktemp)
trap 'rm -f "$logs"' EXIT
{
	find "$top/tests/data" -name '*.log' -o -name 'mail.journal.json'
	[ -d "$shared/corpus" ] && find "$shared/corpus" -name '*.log'
	[ -d "$shared/conformance" ] && find "$shared/conformance" -name '*.log' -size -2M
	[ -d "$shared/seeds" ] && find "$shared/seeds" -name '*.txt'
	[ -d "$shared/qa-dev" ] && find "$shared/qa-dev" -name 'input.log'
} | sort >"$logs"

# syslog, parse: distinct lines (at most 200 from each log, 4000 in
# all); parse gets the program's index in fuzz_parse.c's progs[] table
# as its first byte (keep in step)
while read -r f; do head -n 200 "$f"; done <"$logs" | awk '!seen[$0]++' | head -n 4000 |
	awk -v out="$out" '
BEGIN {
	n = split("smtpd submission/smtpd qmgr cleanup smtp lmtp local virtual pipe error " \
		  "bounce pickup postsuper postscreen dnsblog master anvil scache tlsproxy " \
		  "postfix-script trace discard sendmail postqueue", progs, " ")
	for (i = 1; i <= n; i++) idx[progs[i]] = i - 1
}
{
	f = sprintf("%s/fuzz_syslog/l%05d", out, NR)
	printf "%s", $0 >f; close(f)
	if (match($0, /postfix[^ \/]*\/[^ \[]+\[[0-9]+\]: /)) {
		tag = substr($0, RSTART, RLENGTH)
		sub(/^postfix[^\/]*\//, "", tag); sub(/\[.*/, "", tag)
		k = (tag in idx) ? idx[tag] : 0
		f = sprintf("%s/fuzz_parse/l%05d", out, NR)
		printf "%c%s", k + 72, substr($0, RSTART + RLENGTH) >f; close(f)
	}
}'

# stream: runs of 40 consecutive lines of each log (at most 25 per log)
while read -r f; do
	b=$(echo "$f" | sed "s|^$top/||; s|^$shared/||; s|[^A-Za-z0-9]|_|g")
	split -l 40 -a 3 "$f" "$out/fuzz_stream/$b." 2>/dev/null
	ls "$out/fuzz_stream/$b."* 2>/dev/null | tail -n +26 | xargs rm -f
done <"$logs"
# the pasted notices and queue listings (src/syslog/bounce_mailq.c), whole
cp "$top"/tests/data/pasted/bounce-mailq.txt "$out/fuzz_stream/pasted-bounce-mailq"
for f in "$top"/tests/data/mail_samples/ndr_*.eml "$top"/tests/data/mail_samples/delay_notice_*.eml; do
	cp "$f" "$out/fuzz_stream/$(basename "$f")"
done

# numbers: journal times near 2^63 and 2^64, ISO year 0000 and 9999,
# delay=1e999/inf/nan, counts past 2^64 (syslog, parse and stream seeds)
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
def j(ts, pid, msg):
    return json.dumps({"__REALTIME_TIMESTAMP": ts, "SYSLOG_IDENTIFIER": "postfix/smtpd",
                       "SYSLOG_PID": str(pid), "_HOSTNAME": "mx1",
                       "_SYSTEMD_UNIT": "postfix@-.service", "MESSAGE": msg})
ip = "203.0.113.9"
sess = []
for pid, ts in ((7, "0"), (8, "4600000000000000000"), (9, "9223372036854775807"),
                (10, "9223372036854775808"), (11, "18446744073709551615"),
                (12, "99999999999999999999999")):
    sess += [j(ts, pid, "connect from unknown[%s]" % ip),
             j(ts, pid, "warning: unknown[%s]: SASL LOGIN authentication failed: UGFzc3dvcmQ6" % ip),
             j(ts, pid, "disconnect from unknown[%s] ehlo=1 auth=0/1 quit=1 commands=2/3" % ip)]
iso = ["0000-01-01T00:00:00+00:00 mx1 postfix/smtpd[7]: connect from unknown[%s]" % ip,
       "9999-12-31T23:59:59.999999-23:59 mx1 postfix/smtpd[7]: disconnect from unknown[%s] ehlo=1 quit=1 commands=2" % ip]
msgs = []
for k, (d, ds, n) in enumerate((("1e999", "1e999/nan/inf/0e999", "99999999999999999999999"),
                                ("9" * 400, "0/0/0/0", "18446744073709551615"),
                                ("nan", "inf/-1/1e-999/x", "9223372036854775808"))):
    q = "ABCDE1234%d" % k
    msgs += ["Nov 22 10:00:1%d mx1 postfix/qmgr[21]: %s: from=<a@example.test>, size=%s, nrcpt=%s (queue active)" % (k, q, n, n),
             "Nov 22 10:00:1%d mx1 postfix/smtp[22]: %s: to=<b@example.net>, relay=mx.example.net[192.0.2.5]:25, delay=%s, delays=%s, dsn=2.0.0, status=sent (250 ok)" % (k, q, d, ds),
             "Nov 22 10:00:1%d mx1 postfix/qmgr[21]: %s: removed" % (k, q)]
msgs += ["Nov 22 10:00:20 mx1 postfix/postscreen[30]: DNSBL rank 99999999999999999999999 for [198.51.100.8]:4000"]
def w(path, lines):
    open(path, "w").write("\n".join(lines) + "\n")
for i, l in enumerate(sess + iso + msgs):
    w("%s/fuzz_syslog/numbers%02d" % (out, i), [l])
# fuzz_parse: the first byte is the program (fuzz_parse.c's progs[]: qmgr 2, smtp 4)
for i, l in enumerate(msgs[:6]):
    prog = 2 if "qmgr" in l else 4
    open("%s/fuzz_parse/numbers%02d" % (out, i), "w").write(chr(prog + 72) + l.split(": ", 1)[1])
w(out + "/fuzz_stream/numbers-journal", sess + iso)
w(out + "/fuzz_stream/numbers-delays", msgs)
PY

# auth: each smtpd process's -v dialogue as "<line" / ">line"
tr "\n" "\0" <"$logs" | xargs -0 cat 2>/dev/null | awk -v out="$out" '
/smtpd\[[0-9]+\]: [<>] [^ ]*\[[^]]*\]: / {
	match($0, /smtpd\[[0-9]+\]/); pid = substr($0, RSTART, RLENGTH)
	match($0, /\]: [<>] [^ ]*\[[^]]*\]: /)
	dir = substr($0, RSTART + 3, 1)
	f = sprintf("%s/fuzz_auth/%s", out, pid); gsub(/[^A-Za-z0-9\/_.-]/, "_", f)
	printf "%s%s\n", dir, substr($0, RSTART + RLENGTH) >>f
	n[f]++; if (n[f] % 50 == 0) close(f)
}'
for f in "$out"/fuzz_auth/*; do [ -f "$f" ] && head -n 60 "$f" >"$f.t" && mv "$f.t" "$f"; done
printf '<AUTH PLAIN AGFsaWNlAHNlY3JldA==\n>235 2.7.0 ok\n' >"$out/fuzz_auth/plain"
printf '<AUTH LOGIN\n>334 VXNlcm5hbWU6\n<YWxpY2U=\n>334 UGFzc3dvcmQ6\n<c2VjcmV0\n' >"$out/fuzz_auth/login"

# source: short logs plain, gzip, xz, zstd, concatenated and cut short
src="$top/tests/data/short-iso-40.log"
cp "$src" "$out/fuzz_source/plain"
gzip -c "$src" >"$out/fuzz_source/gz"
cat "$out/fuzz_source/gz" "$out/fuzz_source/gz" >"$out/fuzz_source/gz2"
head -c 700 "$out/fuzz_source/gz" >"$out/fuzz_source/gz-cut"
if command -v xz >/dev/null; then
	xz -c "$src" >"$out/fuzz_source/xz"
	head -c 700 "$out/fuzz_source/xz" >"$out/fuzz_source/xz-cut"
fi
if command -v zstd >/dev/null; then
	zstd -q -c "$src" >"$out/fuzz_source/zst"
	head -c 700 "$out/fuzz_source/zst" >"$out/fuzz_source/zst-cut"
fi

# transcript: the postmaster transcripts, NDRs and delay notices
cp "$top"/tests/data/mail_samples/*.eml "$out/fuzz_transcript/" 2>/dev/null
for t in "$out"/*/; do
	echo "seeds: $(basename "$t"): $(ls "$t" | wc -l) inputs"
done
