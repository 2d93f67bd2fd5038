#!/bin/sh
# suite-numbers.sh BIN - numbers and addresses a hostile log can make
# absurd, end to end: delay=1e999/inf/nan, sizes past 2^64, journal
# timestamps near 2^63 and 2^64, ISO year 0000, "--since @99999999999999999999".
# Every JSON output must parse with a strict parser (Python's json with
# Infinity/NaN refused), every command exits 0 with nothing from the
# sanitizers, and the times shown stay in 1970..9999.  Run with the plain
# and the sanitized binary by run-all.sh.  Last line:
# "numbers: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export TZ=UTC LC_ALL=C NO_COLOR=1
pass=0 fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL numbers: $*"; }
expect() { if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi; }

if ! command -v python3 >/dev/null 2>&1; then
	echo "numbers: python3 missing"; echo "numbers: 0 passed, 1 failed"; exit 1
fi

. "$(dirname "$0")/lib.sh"

# strict_json FILE - one JSON document or NDJSON; Infinity, NaN (and any
# bare word Python would take for them) refused
strict_json() {
	python3 - "$1" <<'PY'
import json, sys
def refuse(word):
    raise ValueError("not JSON: " + word)
s = open(sys.argv[1], "rb").read().decode("utf-8")
try:
    json.loads(s, parse_constant=refuse)
except ValueError:
    for n, l in enumerate(s.split("\n"), 1):
        if l.strip():
            try:
                json.loads(l, parse_constant=refuse)
            except ValueError as e:
                print("line %d: %s: %s" % (n, e, l[:200])); sys.exit(1)
PY
}

# the log: syslog text and journalctl -o json lines, one file
python3 - "$t/num.log" <<'PY'
import json, sys
out = []
def j(ts, pid, msg, ident="postfix/smtpd"):
    out.append(json.dumps({"__REALTIME_TIMESTAMP": ts, "SYSLOG_IDENTIFIER": ident,
                           "SYSLOG_PID": str(pid), "_HOSTNAME": "mx1",
                           "_SYSTEMD_UNIT": "postfix@-.service", "MESSAGE": msg}))
ip = "203.0.113.9"
out.append("0000-01-01T00:00:00+00:00 mx1 postfix/smtpd[7]: connect from unknown[%s]" % ip)
out.append("0000-01-01T00:00:01+00:00 mx1 postfix/smtpd[7]: disconnect from unknown[%s] ehlo=1 auth=0/1 quit=1 commands=2/3" % ip)
for pid, ts in ((8, "4600000000000000000"), (9, "9223372036854775807"),
                (10, "9223372036854775808"), (11, "18446744073709551615"),
                (12, "99999999999999999999999999")):
    j(ts, pid, "connect from unknown[%s]" % ip)
    j(ts, pid, "warning: unknown[%s]: SASL LOGIN authentication failed: UGFzc3dvcmQ6" % ip)
    j(ts, pid, "disconnect from unknown[%s] ehlo=1 auth=0/1 quit=1 commands=2/3" % ip)
# messages with absurd numbers
t0 = "2026-11-22T10:00:%02d+00:00 mx1 "
for k, (delay, delays, size) in enumerate((("1e999", "1e999/nan/inf/0e999", "99999999999999999999999"),
                                           ("9" * 400, "0/0/0/0", "18446744073709551615"),
                                           ("nan", "inf/-1/1e-999/x", "1"))):
    q = "ABCDE1234%d" % k
    out.append(t0 % (10 + k) + "postfix/smtpd[20]: %s: client=unknown[198.51.100.7]" % q)
    out.append(t0 % (10 + k) + "postfix/qmgr[21]: %s: from=<a@example.test>, size=%s, nrcpt=%s (queue active)" % (q, size, size))
    out.append(t0 % (10 + k) + "postfix/smtp[22]: %s: to=<b@example.net>, relay=mx.example.net[192.0.2.5]:25, delay=%s, delays=%s, dsn=2.0.0, status=sent (250 ok)" % (q, delay, delays))
    out.append(t0 % (10 + k) + "postfix/qmgr[21]: %s: removed" % q)
out.append(t0 % 20 + "postfix/postscreen[30]: DNSBL rank 99999999999999999999999 for [198.51.100.8]:4000")
out.append(t0 % 21 + "postfix/smtpd[31]: warning: Connection rate limit exceeded: 99999999999999999999999 from unknown[198.51.100.9]:25 for service smtp")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY

## 1. Every JSON output parses strictly
for c in report "report --all" clients accounts explain "explain --ip 203.0.113.9" summary \
	"trace ABCDE12340" "trace 203.0.113.9" events "events --all" stats; do
	# shellcheck disable=SC2086
	clean_run "$c --json" 0 $c --json "$t/num.log"
	if strict_json "$t/out"; then ok; else bad "$c --json: not strict JSON"; fi
done
clean_run "advise --json" 0 advise --json "$t/num.log"
if strict_json "$t/out"; then ok; else bad "advise --json: not strict JSON"; fi

## 2. The numbers themselves: bounded, and the times in 1970..9999
run summary --json "$t/num.log"
expect "delay=1e999: the largest delay is the bound" \
	"$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(max(r["max_delay"] for r in d["delivery_domains"]))' "$t/out")" \
	1000000000.0
run report --json "$t/num.log"
expect "the client's first and last sessions, clamped" \
	"$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=[c for c in d["clients"] if c["ip"]=="203.0.113.9"][0]; print(c["sessions"], c["first_seen"], c["last_seen"])' "$t/out")" \
	"6 1970-01-01T00:00:00+00:00 9999-12-31T23:59:59.999999+00:00"
run events --json "$t/num.log"
expect "no time shown outside 1970..9999" \
	"$(python3 -c '
import json, sys
bad = [l for l in open(sys.argv[1]) if l.strip() and not "1970" <= json.loads(l).get("ts", "1970")[:4] <= "9999"]
print(len(bad))' "$t/out")" 0
for c in report summary clients; do
	# shellcheck disable=SC2086
	clean_run "$c (text)" 0 $c "$t/num.log"
	if grep -qiwE 'inf|nan|-?infinity' "$t/out"; then bad "$c: inf or nan in the text"; else ok; fi
done

## 3. --since/--until of any size: clamped, not overflowed
clean_run "--since @99999999999999999999" 0 report --json --since @99999999999999999999 "$t/num.log"
# the since time is the last microsecond of 9999: only the five sessions
# whose journal times were past it (and were clamped to it) are left
expect "--since after 9999: only the sessions clamped to its end" \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["model"]["sessions"])' "$t/out")" 5
clean_run "--until @99999999999999999999" 0 stats --until @99999999999999999999 "$t/num.log"
clean_run "--since @-99999999999999999999" 0 clients --since @-99999999999999999999 "$t/num.log"
clean_run "--since 99999-01-01: usage error" 2 report --since 99999-01-01 "$t/num.log"

echo "numbers: $pass passed, $fail failed"
[ "$fail" = 0 ]
