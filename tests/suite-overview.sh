#!/bin/sh
# suite-overview.sh BIN - the text report reads like an incident summary
# (issue 14), on logs of real line shapes, made here deterministically or
# kept in tests/data:
#   - a large log of real structure (tests/data/mail.log, one copy per day
#     for 8 days, each copy's client addresses moved): the first screen
#     (everything above "What to do") fits 40 lines of 80 columns, and the
#     default report is no longer than on the single day;
#   - a distributed SASL attack (tests/data/distributed-sasl.log: 300
#     addresses, one failure each, three hours across midnight; the pattern
#     of crowdsec-hub issue 1159): one campaign in the text and in the JSON, "per-address banning cannot stop it", times
#     with their dates; the per-client verdicts unchanged;
#   - --top N and --all choose the detail; the traffic summary only with --all;
#   - no contradiction on every log of tests/data: "Nothing needs doing"
#     beside a finding that breaks something, an account-abuse client's
#     evidence headed "legitimate", a transcript "removed from this log".
# Last line: "overview: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
export TZ=UTC LC_ALL=C NO_COLOR=1
pass=0 fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL overview: $*"; }
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
# flat FILE - the file as one line, runs of blanks as one (wrapped text searchable)
flat() { tr '\n' ' ' <"$1" | sed 's/  */ /g'; }
# screen FILE - the lines above "What to do"
screen() { sed '/^What to do$/,$d' "$1"; }

if ! command -v python3 >/dev/null 2>&1; then
	echo "overview: python3 missing"; echo "overview: 0 passed, 1 failed"; exit 1
fi

## a large log of real structure: one copy of the corpus log per day, each
## copy's IPv4 addresses moved within their /24
awk -v days=8 '
function moved(s, r,   out, p) {
	out = ""
	while (match(s, /[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+/)) {
		split(substr(s, RSTART, RLENGTH), p, ".")
		out = out substr(s, 1, RSTART - 1) p[1] "." p[2] "." p[3] "." ((p[4] + 37 * r) % 254 + 1)
		s = substr(s, RSTART + RLENGTH)
	}
	return out s
}
{ line[NR] = $0 }
END {
	for (r = 0; r < days; r++)
		for (i = 1; i <= NR; i++) {
			s = line[i]
			if (r) s = sprintf("2026-11-%02d", 22 + r) substr(moved(s, r), 11)
			print s
		}
}' "$data/mail.log" >"$t/big.log"
"$bin" report "$t/big.log" >"$t/big.txt" 2>"$t/big.err"
check "large log: report exits 0" [ $? = 0 ]
"$bin" report "$data/mail.log" >"$t/one.txt" 2>/dev/null
n=$(screen "$t/big.txt" | wc -l)
check "large log: the first screen is $n lines, over 40" [ "$n" -le 40 ]
check "large log: the first screen has a line over 80 columns" \
	sh -c "! sed '/^What to do\$/,\$d' '$t/big.txt' | awk 'length > 80' | grep -q ."
check "large log: 'At a glance' is on the first screen" grep -q '^At a glance' "$t/big.txt"
check "large log: 'What to do' follows" grep -q '^What to do$' "$t/big.txt"
nb=$(wc -l <"$t/big.txt") n1=$(wc -l <"$t/one.txt")
check "large log: 8 days give $nb lines (one day $n1), over 600" [ "$nb" -le 600 ]
# items told in full: at most 5 (the default --top) in every section
k=$(awk '/^[A-Z]/{s=$0} /^  \[/{n[s]++} END{m=0; for (x in n) if (n[x] > m) m=n[x]; print m}' "$t/big.txt")
check "large log: a section tells $k items in full, over 5" [ "$k" -le 5 ]
check "large log: no traffic summary by default" sh -c "! grep -q '^Grand Totals' '$t/big.txt'"
check "large log: the first screen says the compromised accounts first" \
	sh -c "sed -n '/^At a glance/{n;p;q}' '$t/big.txt' | grep -q 'compromised'"
flat "$t/big.txt" >"$t/big.flat"
check "large log: times carry dates (the log spans 8 days)" \
	grep -q 'between 2026-11-2[2-9] [0-9:]* and 2026-11-2[2-9] ' "$t/big.flat"
check "large log: no bare clock in a 'between' (the log spans 8 days)" \
	sh -c "! grep -q 'between [0-9][0-9]:[0-9][0-9]:[0-9][0-9] and' '$t/big.flat'"
check "large log: sections say how to see the rest" grep -q 'report --top [0-9]* or --all' "$t/big.txt"

## --top and --all
"$bin" report --top 1 "$data/mail.log" >"$t/top1.txt" 2>/dev/null
k=$(grep -c '^  \[[a-z-]*\] [0-9a-f.:]* - ' "$t/top1.txt")
check "--top 1: one client told in full, got $k" [ "$k" = 1 ]
"$bin" report --all "$data/mail.log" >"$t/all.txt" 2>/dev/null
check "--all: the traffic summary is appended" grep -q '^Grand Totals' "$t/all.txt"
check "--all: legitimate clients told in full" grep -q '^  \[legitimate\] ' "$t/all.txt"
check "--all: nothing left out" sh -c "! grep -q 'report --top [0-9]* or --all' '$t/all.txt'"
"$bin" report --top 2 --all "$data/mail.log" >/dev/null 2>"$t/err"
check "--top with --all: usage error" [ $? = 2 ]
"$bin" summary "$data/mail.log" >"$t/sum.txt" 2>/dev/null
check "summary still prints the traffic summary" grep -q '^Grand Totals' "$t/sum.txt"

## a distributed SASL attack (tests/data/distributed-sasl.log, see its README):
## 300 addresses, one failure each, every 36 s from 22:30 for three hours
## (across midnight), port 25, Postfix 3.9 lines
cp "$data/distributed-sasl.log" "$t/spray.log"
"$bin" report "$t/spray.log" >"$t/spray.txt" 2>/dev/null
check "distributed attack: report exits 0" [ $? = 0 ]
k=$(grep -c '^  \[[a-z]*\] campaign [0-9]*:' "$t/spray.txt")
check "distributed attack: one campaign in the text, got $k" [ "$k" = 1 ]
flat "$t/spray.txt" >"$t/spray.flat"
check "distributed attack: population, attempts, usernames" \
	grep -q 'One distributed password-guessing campaign from 300 addresses: 300 SASL failures, at most 1 per address, 6 usernames tried' "$t/spray.flat"
check "distributed attack: span with dates and rate" \
	grep -q '2026-11-22 22:30:00 to 2026-11-23 01:29:24 (3 h), 100 an hour' "$t/spray.flat"
check "distributed attack: says banning cannot stop it" grep -q 'per-address banning cannot stop it' "$t/spray.flat"
check "distributed attack: says what works" \
	grep -q 'smtpd_sasl_auth_enable=no' "$t/spray.flat"
check "distributed attack: per-username limits" grep -q 'auth_failure_delay' "$t/spray.flat"
check "distributed attack: on the first screen" \
	sh -c "sed '/^What to do\$/,\$d' '$t/spray.txt' | tr '\n' ' ' | grep -q 'campaign from 300 addresses'"
check "distributed attack: names its first addresses" \
	grep -q 'Addresses: [0-9][0-9.]*, [0-9.]*, .* and 292 more (report --all or --json lists them)' "$t/spray.flat"
"$bin" report --all "$t/spray.log" >"$t/spray-all.txt" 2>/dev/null
k=$(tr '\n' ' ' <"$t/spray-all.txt" | sed 's/  */ /g' | grep -o 'It is one of the 300 addresses of campaign 1 (distributed password guessing)' | wc -l)
check "distributed attack: --all tells each member with its campaign, got $k" [ "$k" = 300 ]
check "distributed attack: no paragraph per address" sh -c "! grep -q 'Alone this proves little' '$t/spray.txt'"
n=$(wc -l <"$t/spray.txt")
check "distributed attack: report is $n lines, over 120" [ "$n" -le 120 ]
"$bin" report --json "$t/spray.log" >"$t/spray.json" 2>/dev/null
check "distributed attack: one campaign in the JSON, every client kept" python3 - "$t/spray.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["campaigns"]
assert len(c) == 1, c
c = c[0]
assert c["kind"] == "distributed-auth" and c["verdict"] == "auth-bruteforce", c
assert c["addresses"] == 300 and c["attempts"] == 300 and c["max_per_address"] == 1, c
assert c["usernames"] == 6 and len(c["usernames_top"]) == 6, c
assert c["usernames_top"][0] == {"username": "admin@example.test", "count": 50}, c["usernames_top"]
assert c["first_seen"].startswith("2026-11-22T22:30:00") and c["last_seen"].startswith("2026-11-23T01:29:24"), c
assert c["span_s"] == 10764 and c["auth_fail_sessions_port25"] == 300, c
ips = {x["ip"] for x in d["clients"]}
assert len(ips) == 300 and set(c["members"]) == ips, "members are not the clients"
assert all(x["verdict"] == "auth-bruteforce" for x in d["clients"])
assert all(x.get("campaign") == 0 for x in d["clients"]), "a client without its campaign"
PY
# four addresses are not a campaign: each stays a client of its own
head -n 12 "$t/spray.log" >"$t/four.log"
"$bin" report "$t/four.log" >"$t/four.txt" 2>/dev/null
check "four addresses: no campaign" sh -c "! grep -q 'campaign' '$t/four.txt'"
k=$(grep -c '^  \[auth-bruteforce\] ' "$t/four.txt")
check "four addresses: four clients, got $k" [ "$k" = 4 ]

## clients alike by HELO name: capability probes from spread addresses
awk 'BEGIN {
	for (i = 0; i < 12; i++) {
		ip = (40 + i * 13) "." (i * 29 % 256) ".7." (10 + i)
		ts = sprintf("2026-11-22T10:%02d:00.000000+00:00", i * 4)
		pid = 7000 + i
		printf "%s mx1 postfix/smtpd[%d]: connect from unknown[%s]\n", ts, pid, ip
		printf "%s mx1 postfix/smtpd[%d]: NOQUEUE: reject: RCPT from unknown[%s]: 554 5.7.1 <x%d@example.net>: Relay access denied; from=<a@b.example> to=<x%d@example.net> proto=ESMTP helo=<WIN-CLJ1B0GQ6JP>\n", ts, pid, ip, i, i
		printf "%s mx1 postfix/smtpd[%d]: disconnect from unknown[%s] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4\n", ts, pid, ip
	}
}' >"$t/helo.log"
"$bin" report --json "$t/helo.log" >"$t/helo.json" 2>/dev/null
check "same HELO: one campaign of 12 relay testers" python3 - "$t/helo.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["campaigns"]
assert len(c) == 1 and c[0]["kind"] == "same-helo" and c[0]["key"] == "WIN-CLJ1B0GQ6JP", c
assert c[0]["addresses"] == 12 and c[0]["verdict"] == "relay-attempt", c
PY

## no contradictions, on every log of tests/data
for f in "$data"/*.log "$data"/*.txt "$data"/scenarios/*.log "$data"/pasted/*.log "$t/big.log"; do
	[ -f "$f" ] || continue
	b=$(basename "$f")
	"$bin" report "$f" >"$t/c.txt" 2>"$t/c.err"
	"$bin" report --json "$f" >"$t/c.json" 2>>"$t/c.err"
	"$bin" report --all "$f" >/dev/null 2>>"$t/c.err"
	check "$b: a sanitizer report" sh -c "! grep -q 'runtime error\|Sanitizer' '$t/c.err'"
	if grep -q 'Nothing needs doing' "$t/c.txt"; then
		check "$b: 'Nothing needs doing' beside a finding that breaks something" python3 - "$t/c.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
# a benign notice of severity 0 breaks nothing (greylisting delays a new
# sender's first mail by the admin's own design)
bad = [f["id"] for f in d.get("findings", []) if f.get("impact") != "nothing"
       and not (f.get("side") == "benign" and f.get("severity") == 0)]
bad += [c["ip"] for c in d["clients"] if c["severity"] >= 3]
bad += [a["username"] for a in d["accounts"] if a["verdict"] != "normal"]
assert not bad, bad
PY
	else
		ok
	fi
	check "$b: an account-abuse client's evidence headed 'legitimate'" \
		sh -c "! awk '/^  \\[/{abuse = /^  \\[account-abuse\\]/} abuse && /evidence \\(session #[0-9]*, legitimate\\)/' '$t/c.txt' | grep -q ."
	check "$b: something 'removed from this log'" sh -c "! grep -qi 'removed from this log' '$t/c.txt'"
	n=$(screen "$t/c.txt" | wc -l)
	check "$b: first screen of $n lines" [ "$n" -le 40 ]
done

echo "overview: $pass passed, $fail failed"
[ "$fail" = 0 ]
