#!/bin/sh
# suite-hostile.sh BIN - hostile input, end to end: the crashes the
# fuzzers found (tests/hostile/), huge lines, NUL bytes, invalid UTF-8,
# terminal escapes in attacker-controlled fields, time going backwards,
# the Dec -> Jan rollover, floods past the memory caps, reused queue IDs,
# damaged compressed files, and the exit status and message of each
# error.  Inputs are generated in a temporary directory.  Run with the
# plain and the sanitized binary by run-all.sh.  Last line:
# "hostile: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
export TZ=UTC LC_ALL=C NO_COLOR=1
pass=0 fail=0
sanitized=no
grep -q -a __asan_init "$bin" && sanitized=yes
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL hostile: $*"; }
# check NAME CMD... - the command must succeed
check() { name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }

. "$(dirname "$0")/lib.sh"

# every command, text and JSON, on FILE: exit 0 (1 when the file holds
# no Postfix line at all, which every command says), nothing from the
# sanitizers
all_commands() {
	f=$1 label=$2
	want=0
	"$bin" stats "$f" >/dev/null 2>"$t/err0" || want=1
	if [ $want = 1 ] && ! grep -q -e 'no Postfix log line found' -e 'no Postfix message recognised' "$t/err0"; then
		bad "$label: stats fails for another reason: $(head -n 1 "$t/err0")"
	fi
	for c in report "report --all" clients accounts explain "explain --show-secrets" summary \
		"events --all" "trace 91652" "trace a@b" stats ban advise; do
		# shellcheck disable=SC2086
		clean_run "$label: $c" $want $c "$f"
		# shellcheck disable=SC2086
		clean_run "$label: $c --json" $want $c --json "$f"
	done
}

## 1. What the fuzzers found: each saved input through every command
for f in "$top"/tests/hostile/fuzz_stream/* "$top"/tests/hostile/fuzz_parse/* \
	"$top"/tests/hostile/fuzz_syslog/* "$top"/tests/hostile/fuzz_transcript/*; do
	[ -f "$f" ] || continue
	all_commands "$f" "$(basename "$(dirname "$f")")/$(basename "$f")"
done

## 2. Terminal escapes, newlines, NUL and bad UTF-8 in attacker-controlled
## fields (PTR name, HELO, AUTH payloads decoded from base64, usernames,
## non-SMTP commands, addresses, Message-ID, replies, transcripts)
python3 - "$t/esc.log" <<'PY'
import base64, sys
E = "\x1b]0;PWNED\x07\x1b[2J\x1b[31m"           # set title, clear screen, red
C1 = "\u009b31m"                                  # CSI as a C1 control
BIDI = "\u202egpj.exe\u2066\u2028"                # reorder, isolate, line separator
LINK = "\x1b]8;;http://evil.test/\x1b\\click\x1b]8;;\x1b\\"
BAD = b"\xff\xfe \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xe2\x82"  # invalid UTF-8
b64 = lambda b: base64.b64encode(b).decode()
ts = "2026-11-22T10:00:%02d+00:00 mx1 postfix/smtpd[%d]: "
lines = []
def L(sec, pid, text):
    lines.append((ts % (sec, pid)).encode() + (text.encode() if isinstance(text, str) else text))
c = "unknown[192.0.2.66]"
L(1, 100, "connect from evil" + E + ".test[192.0.2.66]")
L(1, 100, "< evil.test[192.0.2.66]: EHLO " + E + "helo" + C1 + LINK + BIDI)
L(1, 100, "< evil.test[192.0.2.66]: AUTH PLAIN " + b64(b"\0user\x1b[31m\nFAKE LINE: root logged in\r\0pw\x1b]0;x\x07\x08\x7f"))
L(1, 100, "> evil.test[192.0.2.66]: 535 5.7.8 Error: authentication failed")
L(2, 100, "< evil.test[192.0.2.66]: AUTH LOGIN")
L(2, 100, "> evil.test[192.0.2.66]: 334 VXNlcm5hbWU6")
L(2, 100, "< evil.test[192.0.2.66]: " + b64(b"bob\x1b[1A\x1b[2K\nFAKE LINE: root"))
L(2, 100, "> evil.test[192.0.2.66]: 334 UGFzc3dvcmQ6")
L(2, 100, "< evil.test[192.0.2.66]: " + b64(b"x\r\nFAKE LINE: \x1b[0m\x00secret"))
L(2, 100, "warning: evil.test[192.0.2.66]: SASL LOGIN authentication failed: " + E + ", sasl_username=adm" + E + "in")
L(3, 100, "warning: non-SMTP command from evil.test[192.0.2.66]: GET /" + E + " HTTP/1.1")
L(3, 100, "NOQUEUE: reject: RCPT from evil.test[192.0.2.66]: 554 5.7.1 <v" + E + "@x.test>: Relay access denied; from=<a" + E + "@b.test> to=<v" + E + "@x.test> proto=ESMTP helo=<" + E + C1 + ">")
L(3, 100, b"NOQUEUE: reject: RCPT from evil.test[192.0.2.66]: 554 5.7.1 <v@x.test>: Relay access denied; from=<a\x00b@b.test> to=<v@x.test> proto=ESMTP helo=<nul\x00" + BAD + b">")
L(3, 100, "improper command pipelining after CONNECT from evil.test[192.0.2.66]: EHLO " + E + "\\r\\n")
L(4, 100, "disconnect from evil.test[192.0.2.66] ehlo=1 auth=0/2 rcpt=0/2 commands=1/5")
L(5, 101, "connect from unknown[192.0.2.67]")
L(5, 101, "ABCDE12345: client=unknown[192.0.2.67], sasl_method=PLAIN, sasl_username=da" + E + "ve")
lines.append(b"2026-11-22T10:00:05+00:00 mx1 postfix/cleanup[102]: ABCDE12345: message-id=<" + E.encode() + b"@x.test>")
lines.append(b"2026-11-22T10:00:05+00:00 mx1 postfix/qmgr[103]: ABCDE12345: from=<f" + E.encode() + b"@x.test>, size=10, nrcpt=1 (queue active)")
lines.append(b"2026-11-22T10:00:06+00:00 mx1 postfix/smtp[104]: ABCDE12345: to=<t" + E.encode() + b"@y.test>, relay=mx.y.test[198.51.100.9]:25, delay=1, delays=0/0/0/1, dsn=5.0.0, status=bounced (host mx.y.test[198.51.100.9] said: 550 " + E.encode() + BAD + b" (in reply to RCPT TO command))")
lines.append(b"2026-11-22T10:00:06+00:00 mx1 postfix/qmgr[103]: ABCDE12345: removed")
L(7, 101, "disconnect from unknown[192.0.2.67] ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6")
lines += [b"Transcript of session follows.", b"Out: 220 mx1 ESMTP", ("In:  EHLO " + E + C1).encode(),
          b"Out: 250 mx1", b"In:  " + BAD, b"Session aborted, reason: lost connection"]
open(sys.argv[1], "wb").write(b"\n".join(lines) + b"\n")
PY
# textok FILE - no ESC, no control byte but \n, valid UTF-8, no smuggled line
textok() {
	python3 - "$1" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
bad = [i for i, c in enumerate(b) if (c < 0x20 and c != 10) or c == 0x7f]
s = b.decode("utf-8")  # raises on invalid UTF-8
bad += [i for i, ch in enumerate(s) if 0x80 <= ord(ch) < 0xa0 or ch in
        "\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
forged = [l for l in s.split("\n") if l.lstrip().startswith("FAKE LINE")]
if bad or forged:
    print("control at", bad[:5], "forged lines", forged[:2]); sys.exit(1)
PY
}
# jsonok FILE - every line or the whole is JSON; the ESC is there, escaped
jsonok() {
	python3 - "$1" <<'PY'
import json, sys
s = open(sys.argv[1], "rb").read().decode("utf-8")
try:
    json.loads(s)
except ValueError:
    for l in s.split("\n"):
        if l.strip():
            json.loads(l)
if "\x1b" in s or "\\u001b" not in s:
    print("raw ESC in JSON, or the escaped form missing"); sys.exit(1)
PY
}
for c in report "report --all" clients accounts explain "explain --show-secrets" \
	"explain --ip 192.0.2.66 --show-secrets" summary "trace ABCDE12345" \
	"trace 192.0.2.67" stats ban advise; do
	# shellcheck disable=SC2086
	clean_run "escapes: $c" 0 $c "$t/esc.log"
	check "escapes: $c: terminal-safe text" textok "$t/out"
done
for c in report "report --all" clients accounts explain "explain --show-secrets" summary \
	"trace ABCDE12345" events "events --all"; do
	# shellcheck disable=SC2086
	clean_run "escapes: $c --json" 0 $c --json "$t/esc.log"
	check "escapes: $c --json: valid JSON, ESC escaped" jsonok "$t/out"
done
for c in "advise --json"; do
	# shellcheck disable=SC2086
	clean_run "escapes: $c" 0 $c "$t/esc.log"
	check "escapes: $c: valid JSON" python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$t/out"
done
# the fields are shown neutralised, not dropped
run explain --show-secrets "$t/esc.log"
check "escapes: explain shows ESC as ^[" grep -q '\^\[\]0;PWNED' "$t/out"
run events --json "$t/esc.log"
check "escapes: events keeps the NUL as \\u0000" grep -q 'a\\u0000b@b.test' "$t/out"
check "escapes: events marks bad UTF-8 as U+FFFD" grep -q '\\ufffd' "$t/out"

# a client's words quoted in smtpd's warnings (a failed login's username,
# an address refused for its syntax, a TLS SNI name) are never this
# server's problem:
# every needle of the finding rows (src/diagnose/rule_tables*.c) used as a
# username, as an address and as a TLS SNI name makes no finding but the
# client's own
python3 - "$top"/src/diagnose/rule_tables*.c >"$t/inject.log" <<'PY'
import re, sys
src = "".join(open(f).read() for f in sys.argv[1:])
needles = sorted({q.replace('\\"', '"') for m in re.finditer(r'\{((?:"[^"]*",?\s*)+)\}', src)
                  for q in re.findall(r'"([^"]{6,80})"', m.group(1))})
c = "unknown[203.0.113.11]"
print("Mar 10 08:00:00 mail postfix/smtpd[813]: connect from " + c)
for i, q in enumerate(needles):
    ts = "Mar 10 %02d:%02d:%02d" % (8 + i // 3600, i // 60 % 60, i % 60)
    print("%s mail postfix/smtpd[813]: warning: %s: SASL LOGIN authentication failed: "
          "UGFzc3dvcmQ6, sasl_username=%s" % (ts, c, q))
    print("%s mail postfix/smtpd[813]: warning: Illegal address syntax from %s in RCPT command: <%s>" % (ts, c, q))
    print("%s mail postfix/smtpd[813]: warning: TLS SNI from %s is invalid: %s" % (ts, c, q))
print("Mar 10 09:59:59 mail postfix/smtpd[813]: disconnect from %s ehlo=1 auth=0/9 commands=1/10" % c)
PY
"$bin" report --json "$t/inject.log" >"$t/inject.json" 2>/dev/null
check "a client's quoted words make no finding about this server" python3 - "$t/inject.json" "$t/inject.log" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ids = sorted({f["id"] for f in d["findings"]})
n = sum(1 for _ in open(sys.argv[2]))
if ids != ["client-address-syntax"] or n < 1000:
    print("findings:", ids, "lines:", n)
    sys.exit(1)
PY

# jget FILE EXPR - a value from a JSON document (python expression on d)
jget() {
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2" 2>/dev/null
}
# expect NAME GOT WANT - equality of two values
expect() {
	if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi
}
# sessions N PIDBASE IPNET - N complete EHLO/QUIT sessions
sessions() {
	i=0
	while [ $i -lt "$1" ]; do
		echo "2026-11-22T10:00:01+00:00 mx1 postfix/smtpd[$(($2 + i))]: connect from unknown[$3.$((i + 1))]"
		echo "2026-11-22T10:00:02+00:00 mx1 postfix/smtpd[$(($2 + i))]: disconnect from unknown[$3.$((i + 1))] ehlo=1 quit=1 commands=2"
		i=$((i + 1))
	done
}

## 3. Huge lines: cut at 64 KiB, counted, and the lines around them intact
{
	sessions 3 400 192.0.2
	printf '2026-11-22T10:00:03+00:00 mx1 postfix/smtpd[500]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 5.7.1 x; helo=<'
	head -c 10485760 /dev/zero | tr '\0' 'A'
	printf '>\n'
	sessions 3 410 198.51.100
	head -c 10485760 /dev/zero | tr '\0' 'B'
} >"$t/huge.log"
clean_run "10 MB lines: report" 0 report --json "$t/huge.log"
cp "$t/out" "$t/huge.json"
expect "10 MB lines: lines read" "$(jget "$t/huge.json" 'd["input"]["lines"]')" 14
expect "10 MB lines: truncated" "$(jget "$t/huge.json" 'd["input"]["truncated"]')" 2
expect "10 MB lines: sessions around them" "$(jget "$t/huge.json" 'd["model"]["sessions"]')" 7
clean_run "10 MB lines: report text" 0 report --all "$t/huge.log"
check "10 MB lines: says so in the Input section" grep -q '2 truncated at 64 KiB' "$t/out"
check "10 MB lines: no output line longer than the 64 KiB cut" \
	awk 'length($0) > 66000 { exit 1 }' "$t/out"
for c in clients accounts explain summary "events --all" "trace 192.0.2.1"; do
	# shellcheck disable=SC2086
	clean_run "10 MB lines: $c" 0 $c "$t/huge.log"
	check "10 MB lines: $c says on stderr what was cut" \
		grep -q '^postsleuth: of 14 lines read: 1 lines without a syslog prefix, 2 lines cut at 64 KiB' "$t/err"
done
clean_run "clean log: clients" 0 clients "$top/tests/data/mail.log"
check "clean log: nothing said on stderr" test ! -s "$t/err"
rm -f "$t/huge.log"

## 4. NUL bytes and invalid UTF-8 in the syslog prefix and the text
printf '2026-11-22T10:00:01+00:00 mx\0001 postfix/smtpd[1]: connect from unknown[192.0.2.1]\n\0\0\0\n\377\376\375 garbage\n2026-11-22T10:00:02+00:00 mx1 postfix/smtpd[2]: warning: \300\257\355\240\200: \0\n' >"$t/nul.log"
clean_run "NUL/UTF-8: report" 0 report --json "$t/nul.log"
expect "NUL/UTF-8: lines read" "$(jget "$t/out" 'd["input"]["lines"]')" 4
expect "NUL/UTF-8: no syslog prefix" "$(jget "$t/out" 'd["input"]["no_syslog_prefix"]')" 2
clean_run "NUL/UTF-8: events --all" 0 events --all "$t/nul.log"
check "NUL/UTF-8: events is valid JSON" python3 -c '
import json, sys
for l in open(sys.argv[1], "rb").read().decode("utf-8").split("\n"):
    if l:
        json.loads(l)' "$t/out"
check "NUL/UTF-8: the NUL is kept, escaped" grep -q 'mx\\u00001' "$t/out"

## 5. Time going backwards: a later file before an earlier one
sed 's/^2026-11-22/2026-11-23/' "$top/tests/data/mail.log" >"$t/back.log"
cat "$top/tests/data/mail.log" >>"$t/back.log"
clean_run "time backwards: report" 0 report --json "$top/tests/data/mail.log"
once=$(jget "$t/out" 'd["model"]["sessions"]')
clean_run "time backwards: report" 0 report --json "$t/back.log"
expect "time backwards: every session twice" "$(jget "$t/out" 'd["model"]["sessions"]')" $((once * 2))
expect "time backwards: none evicted" "$(jget "$t/out" 'd["model"]["sessions_evicted"]')" 0
expect "time backwards: none partial" "$(jget "$t/out" 'd["model"]["sessions_partial"]')" 0
rm -f "$t/back.log"

## 6. Dec -> Jan in classic syslog, with a late December line
printf '%s\n' \
	'Dec 31 23:59:58 mx1 postfix/smtpd[200]: connect from unknown[192.0.2.5]' \
	'Jan  1 00:00:01 mx1 postfix/smtpd[201]: connect from unknown[192.0.2.6]' \
	'Dec 31 23:59:59 mx1 postfix/smtpd[200]: disconnect from unknown[192.0.2.5] ehlo=1 quit=1 commands=2' \
	'Jan  1 00:00:02 mx1 postfix/smtpd[201]: disconnect from unknown[192.0.2.6] ehlo=1 quit=1 commands=2' \
	>"$t/newyear.log"
touch -d 2026-01-05 "$t/newyear.log"
for y in "--year 2025" ""; do
	# shellcheck disable=SC2086
	clean_run "Dec -> Jan $y: events" 0 events $y "$t/newyear.log"
	got=$(sed -n 's/^{"ts":"\([0-9-]*\)T.*"type":"\([a-z]*\)".*/\1 \2/p' "$t/out" | tr '\n' ' ')
	expect "Dec -> Jan $y: dates" "$got" "2025-12-31 connect 2026-01-01 connect 2025-12-31 disconnect 2025-12-31 session 2026-01-01 disconnect 2026-01-01 session "
done

## 7. Floods past the caps: sessions that never close, messages that are
## never removed; evictions counted in the report's Input section and JSON
python3 -c '
for i in range(25000):
    print("2026-11-22T10:00:00+00:00 mx1 postfix/smtpd[%d]: connect from unknown[10.1.%d.%d]" % (1000 + i, i // 250, i % 250))
for i in range(55000):
    print("2026-11-22T10:00:01+00:00 mx1 postfix/cleanup[9]: %010X: message-id=<%d@x.test>" % (0x1000000 + i, i))
' >"$t/flood.log"
clean_run "never closed: report --json" 0 report --json "$t/flood.log"
expect "never closed: sessions evicted at the cap" "$(jget "$t/out" 'd["model"]["sessions_evicted"]')" 5000
expect "never closed: sessions open at the end" "$(jget "$t/out" 'd["model"]["sessions_unclosed"]')" 20000
expect "never closed: messages evicted at the cap" "$(jget "$t/out" 'd["model"]["messages_evicted"]')" 5000
expect "never closed: open peak bounded" "$(jget "$t/out" 'd["model"]["sessions_open_peak"] <= 20001 and d["model"]["messages_open_peak"] <= 50001')" True
clean_run "never closed: report" 0 report "$t/flood.log"
check "never closed: Input says 5000 sessions given up" grep -q '5000 given up at the memory cap, 0 given up after an hour without a line)\.' "$t/out"
check "never closed: Input says 5000 messages given up" grep -q '5000 given up at the memory cap), ' "$t/out"
rm -f "$t/flood.log"

## 7b. "queued as X" links whose X never shows up keep the pending list
## full: each new line must stay cheap (a linear string scan made such a
## log 16 times slower than the same log without links).  CPU time ratio,
## plain build only (ASan changes the proportions).
if [ $sanitized = no ] && [ -x /usr/bin/time ]; then
	for kind in links plain; do
		python3 -c '
import sys
links = sys.argv[1] == "links"
for i in range(100000):
    tail = "relay=127.0.0.1[127.0.0.1]:10025, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as %010X)" % (0x9000000 + i) if links else "relay=mx.x.test[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: id %010X)" % (0x9000000 + i)
    print("2026-11-22T10:00:00+00:00 mx1 postfix/smtp[9]: %010X: to=<a@x.test>, %s" % (0x100000 + i, tail))
' $kind >"$t/pend-$kind.log"
		/usr/bin/time -f %U -o "$t/cpu-$kind" "$bin" stats "$t/pend-$kind.log" >/dev/null 2>&1
	done
	cpu_links=$(tail -n 1 "$t/cpu-links") cpu_plain=$(tail -n 1 "$t/cpu-plain")
	echo "hostile: 100000 pending links: ${cpu_links} s CPU, without links ${cpu_plain} s"
	expect "pending links: under 4 times the cost of plain lines" \
		"$(awk "BEGIN { print ($cpu_links < 4 * ($cpu_plain + 0.05)) }")" 1
	rm -f "$t"/pend-*.log
fi

## 8. Reused queue IDs: one ID, two messages, each with its own sender
python3 -c '
for n, (h, ip, who) in enumerate([("10", "192.0.2.10", "one"), ("11", "192.0.2.11", "two")]):
    p = "2026-11-22T%s:00:0%%d+00:00 mx1 postfix/" % h
    print(p % 1 + "smtpd[%d]: connect from unknown[%s]" % (300 + n, ip))
    print(p % 1 + "smtpd[%d]: AAAAA11111: client=unknown[%s]" % (300 + n, ip))
    print(p % 1 + "cleanup[301]: AAAAA11111: message-id=<%s@x.test>" % who)
    print(p % 1 + "qmgr[302]: AAAAA11111: from=<%s@x.test>, size=100, nrcpt=1 (queue active)" % who)
    print(p % 2 + "smtpd[%d]: disconnect from unknown[%s] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5" % (300 + n, ip))
    print(p % 2 + "local[303]: AAAAA11111: to=<%s@y.test>, relay=local, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (delivered to mailbox)" % who)
    print(p % 2 + "qmgr[302]: AAAAA11111: removed")
' >"$t/reuse.log"
clean_run "reused queue ID: events" 0 events "$t/reuse.log"
got=$(grep '"type":"message"' "$t/out" | sed 's/.*"client_ip":"\([^"]*\)".*"from":"\([^"]*\)".*"to":"\([^"]*\)".*/\1 \2 \3/' | tr '\n' ' ')
expect "reused queue ID: two messages" "$got" "192.0.2.10 one@x.test one@y.test 192.0.2.11 two@x.test two@y.test "
clean_run "reused queue ID: trace" 0 trace AAAAA11111 "$t/reuse.log"
check "reused queue ID: trace tells both" grep -q '^Trace of queue ID AAAAA11111: 2 messages' "$t/out"

## 9. Damaged compressed files: the file and the byte offset on stderr,
## exit 1, and every line before the damage still counted
src=$top/tests/data/mail.log
total=$(wc -l <"$src")
for z in gzip xz zstd; do
	command -v $z >/dev/null || { echo "hostile: no $z command, $z cases skipped"; continue; }
	$z -c "$src" >"$t/full.$z"
	size=$(wc -c <"$t/full.$z")
	half=$((size / 2))
	head -c $half "$t/full.$z" >"$t/cut.$z"
	clean_run "$z cut short: report" 1 report --json "$t/cut.$z"
	check "$z cut short: stderr names the file and the offset" \
		grep -q "^postsleuth: $t/cut.$z: truncated $z file at byte offset $half\$" "$t/err"
	want=$($z -dc "$t/cut.$z" 2>/dev/null | wc -l)
	got=$(jget "$t/out" 'd["input"]["lines"]')
	# the last, incomplete line is counted too
	expect "$z cut short: every complete line read" \
		"$(python3 -c "print($want <= $got <= $want + 1 and $got < $total)")" True
	expect "$z cut short: file_errors" "$(jget "$t/out" 'd["input"]["file_errors"]')" 1
	run report "$t/cut.$z"
	check "$z cut short: report text says an input was damaged" \
		grep -q '1 input could not be read completely' "$t/out"
	# damage in the middle: a later valid file is still read in full
	cp "$t/full.$z" "$t/bad.$z"
	printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' | dd of="$t/bad.$z" bs=1 seek=$half conv=notrunc 2>/dev/null
	clean_run "$z corrupt: report" 1 report --json "$t/bad.$z" "$src"
	off=$(sed -n "s|^postsleuth: $t/bad.$z: corrupt $z data at byte offset \([0-9]*\)\$|\1|p" "$t/err")
	expect "$z corrupt: offset within the file" \
		"$(python3 -c "print(0 < int('${off:-0}') <= $size)")" True
	expect "$z corrupt: the next input read in full" \
		"$(jget "$t/out" 'd["input"]["lines"] >= '"$total"' and d["input"]["files"] == 2')" True
done
printf 'BZh91AY&SY' >"$t/x.bz2"
clean_run "bzip2: refused with a reason" 1 report "$t/x.bz2"
check "bzip2: says so" grep -q "x.bz2: bzip2 files are not supported" "$t/err"

## 10. Errors: what is said, and the exit status (man page, EXIT STATUS)
clean_run "unreadable file: exit 1" 1 report --json "$t/nonexistent.log" "$src"
check "unreadable file: named on stderr" grep -q "^postsleuth: $t/nonexistent.log: No such file or directory" "$t/err"
expect "unreadable file: the readable one still used" \
	"$(jget "$t/out" 'd["input"]["lines"] == '"$total"' and d["input"]["file_errors"] == 1')" True
mkdir "$t/nologs"
touch "$t/nologs/notes.txt"
clean_run "directory without mail logs: exit 1" 1 report "$t/nologs"
check "directory without mail logs: says so" \
	grep -q "^postsleuth: $t/nologs: a directory with no mail log in it" "$t/err"
clean_run "bad option: exit 2" 2 report --no-such-option "$src"
check "bad option: named on stderr" grep -q "unknown option '--no-such-option'" "$t/err"
clean_run "bad --year: exit 2" 2 report --year 19 "$src"
clean_run "bad --since: exit 2" 2 report --since yesterday "$src"
clean_run "bad --verdict: exit 2" 2 clients --verdict nice "$src"
clean_run "trace without an ID: exit 2" 2 trace
head -c 100000 /dev/urandom >"$t/random.bin"
# no Postfix line at all is not hostile, but is said first and exits 1
clean_run "random bytes: read, exit 1 (no Postfix line)" 1 report --json "$t/random.bin"
expect "random bytes: lines counted as unknown shape" \
	"$(jget "$t/out" 'd["input"]["no_syslog_prefix"] == d["input"]["lines"] > 0')" True
expect "random bytes: the report says there was no Postfix line" \
	"$(jget "$t/out" 'd["input_problem"].startswith("no Postfix log line found in ")')" True
check "random bytes: stderr says so" grep -q '^postsleuth: no Postfix log line found in [0-9]* lines of ' "$t/err"
# lines tagged postfix of which none is read (words no Postfix program
# writes): the same, not an empty report that reads as "all is well"
for i in 1 2 3; do
	printf 'Dec  4 10:01:0%s mx postfix/local[300%s]: frobnicated widget %s of the mail cauldron\n' $i $i $i
done >"$t/unread.log"
clean_run "unread postfix lines: exit 1 (no Postfix message recognised)" 1 report --json "$t/unread.log"
expect "unread postfix lines: the report says none was recognised" \
	"$(jget "$t/out" 'd["input_problem"]')" "no Postfix message recognised in 3 lines tagged postfix of $t/unread.log"
check "unread postfix lines: stderr says so" grep -q '^postsleuth: no Postfix message recognised in 3 lines tagged postfix of ' "$t/err"
clean_run "unread postfix lines: text report" 1 report "$t/unread.log"
check "unread postfix lines: nothing concluded, not nothing to do" grep -q 'nothing can be concluded' "$t/out"
check "unread postfix lines: no \"Nothing needs doing\"" sh -c '! grep -q "Nothing needs doing" "$1"' _ "$t/out"
# queue IDs made up in a paste (four hex digits: no Postfix writes one so
# short) are read on a second pass: the bounces are told, not "all is well"
for i in 1 2 3; do
	printf 'Dec  4 10:01:0%s mx postfix/local[300%s]: 6A0%s: to=<bob@mx.example.org>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=5.1.1, status=bounced (unknown user: "bob")\n' $i $i $i
done >"$t/fakeqid.log"
clean_run "made-up queue IDs: read, exit 0" 0 report --json "$t/fakeqid.log"
expect "made-up queue IDs: the bounces are a finding" \
	"$(jget "$t/out" '"local-user-unknown" in [f["id"] for f in d["findings"]]')" True
clean_run "made-up queue IDs: text report" 0 report "$t/fakeqid.log"
check "made-up queue IDs: no \"Nothing needs doing\"" sh -c '! grep -q "Nothing needs doing" "$1"' _ "$t/out"
clean_run "empty input: exit 1" 1 report --json /dev/null
for c in report clients accounts explain summary events "trace X"; do
	# shellcheck disable=SC2086
	clean_run "empty input: $c" 1 $c /dev/null
	check "empty input: $c: says so on stderr" grep -q 'no Postfix log line found in 0 lines of /dev/null' "$t/err"
	# shellcheck disable=SC2086
	clean_run "empty input: $c --json" 1 $c --json /dev/null
done
check "man page documents the exit status" grep -q '^Usage error' "$top/man/postsleuth.1"

## 11. A million distinct client addresses: every one kept and judged,
## in memory that grows with the addresses (about 250 bytes each), not
## with the lines
python3 -c '
import sys
w = sys.stdout.write
for i in range(1000000):
    ip = "11.%d.%d.%d" % (i >> 16, (i >> 8) & 255, i & 255)  # not a private network: those are health checks
    ts = "2026-11-%02dT%02d:%02d:%02d+00:00" % (1 + i // 86400, i // 3600 % 24, i // 60 % 60, i % 60)
    pid = 1000 + i % 30000
    w("%s mx1 postfix/smtpd[%d]: connect from unknown[%s]\n" % (ts, pid, ip))
    w("%s mx1 postfix/smtpd[%d]: disconnect from unknown[%s] ehlo=1 quit=1 commands=2\n" % (ts, pid, ip))
' >"$t/million.log"
# peak RSS bound: measured ~245 MiB plain (192-byte records, the index,
# the sorted list, 20 000 clients' detail), ~700 MiB under ASan
limit=393216
[ $sanitized = yes ] && limit=1572864
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f %M -o "$t/rss" "$bin" report "$t/million.log" >"$t/out" 2>"$t/err"
	rc=$?
	rss=$(tail -n 1 "$t/rss")
	echo "hostile: a million clients: report peak RSS ${rss} KB (sanitized: $sanitized)"
	expect "a million clients: peak RSS under $limit KB" "$(awk "BEGIN { print ($rss < $limit) }")" 1
else
	echo "hostile: /usr/bin/time missing (package time): RSS not measured"
	run report "$t/million.log"
fi
expect "a million clients: exit 0" "$rc" 0
check "a million clients: every session and every address" \
	grep -q '^1000000 sessions from 1000000 client addresses' "$t/out"
check "a million clients: every one judged" \
	grep -q '0 clients behaved in a hostile way, 1000000 only probed' "$t/out"
check "a million clients: the report says whose detail was not kept" \
	sh -c "tr '\n' ' ' <'$t/out' | grep -q '980000 of 1000000 have incomplete details'"
rm -f "$t/million.log"

echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
