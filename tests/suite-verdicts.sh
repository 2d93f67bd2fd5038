#!/bin/sh
# suite-verdicts.sh BIN - every corpus log (tests/data: a copy of the real
# Postfix 3.7 corpus) must give each client and account its true verdict,
# per truth.json (what the scenario drivers did), with no false accusation.
# Last line: "verdicts: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: verdicts.py runs it, a bare "postsleuth" is not on PATH
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
truth=$data/truth.json
export TZ=UTC LC_ALL=C
if ! command -v python3 >/dev/null 2>&1; then
	echo "verdicts: python3 missing"; echo "verdicts: 0 passed, 1 failed"; exit 1
fi
pass=0 fail=0
tally() {
	line=$(tail -n 1 "$1")
	p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	grep '^FAIL' "$1"
	pass=$((pass + p)); fail=$((fail + f))
}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/mail.log" >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/mail-classic.log" --year 2026 >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/extra/mail.journal" >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/extra/mail.journal.short-iso.log" >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/extra/mail.journal.json" >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/extra/mail.journal.short-precise.log" --year 2026 >"$out"; tally "$out"
# each scenario's own window: its clients only
python3 - "$truth" >"$out.list" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
for s in t["per_scenario_logs"]:
    print(s["file"], s["classic_file"], ",".join(s["client_ips"]))
PY
while read -r iso classic ips; do
	python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/$iso" --clients "$ips" >"$out"; tally "$out"
	python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/$classic" --year 2026 --clients "$ips" >"$out"; tally "$out"
done <"$out.list"
rm -f "$out.list"
# a user's device with an old password (stale-password) against the
# guessers that look like it: the verdict needs one user tried, who logs
# in from another address, a failure or two a session, sessions a
# minute or more apart, and never a success
stale=$top/tests/data/stale-password.log
verdict_of() { "$bin" clients --json "$1" | python3 -c 'import json,sys; print({c["ip"]: c["verdict"] for c in json.load(sys.stdin)["clients"]}.get(sys.argv[1], "absent"))' "$2"; }
expect_verdict() {
	got=$(verdict_of "$1" 203.0.113.77)
	if [ "$got" = "$2" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $3: got $got, want $2"; fi
}
expect_verdict "$stale" stale-password "one user who logs in elsewhere, every 5 minutes"
# the user never logs in anywhere in the log: a guesser who found a name
grep -v "sasl_username=alice" "$stale" >"$out.s1"
expect_verdict "$out.s1" auth-bruteforce "the user tried never logs in"
# two different users tried
awk '/passwd-file/ && ++n % 2 == 0 { sub(/alice@example.com/, "bob@example.com") } { print }' "$stale" >"$out.s2"
expect_verdict "$out.s2" auth-bruteforce "two users tried"
# the same failures crammed into two minutes: one name, fast
python3 - "$stale" >"$out.s3" <<'PY'
import re, sys
k = 0
for line in open(sys.argv[1]):
    if "203.0.113.77" in line:
        k += 1
        line = "Dec  3 10:%02d:%02d" % (k // 60 % 60, k % 60) + line[15:]
    sys.stdout.write(line)
PY
expect_verdict "$out.s3" auth-bruteforce "one name, sessions seconds apart"
# AUTH refused with no password checked (auth=0/1, no SASL failure
# line) from an address that logs in on 587: a user's mail program on
# the wrong port, not failures before a login; with SASL failure lines
# (passwords checked) the alarm stays
wrong=$top/tests/data/auth-wrong-port.log
got=$(verdict_of "$wrong" 198.51.100.30)
if [ "$got" = legitimate ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL AUTH refused on port 25, logs in on 587: got $got"; fi
awk '{ print } / auth=0\/1 / { sub(/disconnect from /, "warning: "); sub(/ ehlo=.*/, ": SASL PLAIN authentication failed: authentication failure"); print }' "$wrong" >"$out.s4"
got=$(verdict_of "$out.s4" 198.51.100.30)
if [ "$got" = auth-success-after-failures ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL passwords checked and failed, then a login: got $got"; fi
# several users' logins, some failed, through 127.0.0.1 (a webmail):
# shared-front, never an alarm; the same from a public address is an
# office (legitimate: each failed user then got in), not a front;
# one user only through 127.0.0.1 is not a front
front=$top/tests/data/shared-front.log
got=$(verdict_of "$front" 127.0.0.1)
if [ "$got" = shared-front ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL webmail on 127.0.0.1: got $got"; fi
sed 's/localhost\[127\.0\.0\.1\]/web.example.net[203.0.113.80]/' "$front" >"$out.s5"
got=$(verdict_of "$out.s5" 203.0.113.80)
if [ "$got" = legitimate ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL the same from a public address (an office's typing mistakes): got $got"; fi
sed 's/sasl_username=[a-z]*@/sasl_username=ann@/' "$front" >"$out.s6"
got=$(verdict_of "$out.s6" 127.0.0.1)
if [ "$got" != shared-front ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL one user through 127.0.0.1: got $got"; fi
"$bin" ban --allow 192.0.2.0/24 "$front" >"$out.s7" 2>/dev/null
if ! grep -q "127.0.0.1" "$out.s7"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL ban lists the webmail's address"; fi
# an account that sends in bulk from its one usual address with few
# bounces is no compromise; with a third of it bouncing it is one
account_of() { "$bin" accounts --json "$1" | python3 -c 'import json,sys; print({a["username"]: a["verdict"] for a in json.load(sys.stdin)["accounts"]}.get(sys.argv[1], "absent"))' "$2"; }
bulk=$top/tests/data/bulk-sender.log
got=$(account_of "$bulk" news@example.com)
if [ "$got" = normal ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL a newsletter from its usual address: got $got"; fi
awk '/status=sent/ && ++n % 3 == 0 { sub(/dsn=2\.0\.0, status=sent \(250 2\.0\.0 OK\)/, "dsn=5.1.1, status=bounced (host mx.sub.example[203.0.113.9] said: 550 5.1.1 User unknown (in reply to RCPT TO command))") } { print }' "$bulk" >"$out.s8"
got=$(account_of "$out.s8" news@example.com)
if [ "$got" = compromised-suspect ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL bulk with a third bouncing: got $got"; fi
# an office's shared address: five users log in, four typing mistakes
# among 25 logins, each by a user who then got in: legitimate; the same
# failures under a name that never logs in stay an alarm
office=$top/tests/data/office-typos.log
got=$(verdict_of "$office" 198.51.100.50)
if [ "$got" = legitimate ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL an office's typing mistakes: got $got"; fi
sed '/authentication failed/s/sasl_username=[a-z]*@/sasl_username=admin@/' "$office" >"$out.s9"
got=$(verdict_of "$out.s9" 198.51.100.50)
if [ "$got" = auth-success-after-failures ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL failures under a name that never logs in: got $got"; fi
# Gmail's servers refused only for recipients that do not exist here:
# nobody is accused; the same refusals of a small unnamed sender are its own
gu=$top/tests/data/provider-unknown-user.log
got=$(verdict_of "$gu" 209.85.220.40)
if [ "$got" = unknown ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL Gmail refused for unknown users: got $got"; fi
sed 's/mail-sor-f40\.google\.com\[/unknown[/' "$gu" >"$out.s10"
got=$(verdict_of "$out.s10" 209.85.220.40)
if [ "$got" = spam-rejected ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL an unnamed sender refused for unknown users: got $got"; fi
# this host's own content filter (127.0.0.1:10024) refusing a user's
# mail as spam is no remote server's refusal: not counted as one
got=$("$bin" accounts --json "$top/tests/data/own-filter-refuses.log" | python3 -c 'import json,sys; print([a["remote_content_rejects"] for a in json.load(sys.stdin)["accounts"]])')
if [ "$got" = "[0]" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL own content filter counted as remote refusals: $got"; fi
# an account sending from five networks within two hours: told, not
# accused; with volume, compromised; the same five networks over a day,
# or a person's three (office, home, phone), say nothing
spread=$top/tests/data/account-spread.log
got=$(account_of "$spread" sales@example.com)
if [ "$got" = normal ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL five networks alone: got $got"; fi
got=$(account_of "$spread" news@example.com)
if [ "$got" = compromised-suspect ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL five networks and volume: got $got"; fi
nets_of() { "$bin" accounts --json "$1" | python3 -c 'import json,sys; print({a["username"]: a["networks_within_2h"] for a in json.load(sys.stdin)["accounts"]}.get(sys.argv[1], "absent"))' "$2"; }
got="$(nets_of "$spread" sales@example.com) $(nets_of "$spread" bob@example.com)"
if [ "$got" = "5 3" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL networks within two hours (sales, bob): got $got"; fi
if "$bin" report "$spread" | grep -q "Account sales@example.com (sent from many networks at once)"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL What to do does not name sales@"; fi
# the same sends an hour apart (09:05, 10:25, ... 14:25): at most two networks in two hours
sed -E '/sales@example\.com|buyer[0-9]@/!d' "$spread" >"$out.s11"
python3 - "$out.s11" <<'PY'
import re, sys
p = sys.argv[1]
lines = open(p).read().splitlines()
out = []
for l in lines:
    m = re.match(r"Dec  3 (\d\d):(\d\d):(\d\d)", l)
    h, mi = int(m.group(1)), int(m.group(2))
    k = ((h - 9) * 60 + mi - 5) // 20          # the k-th send (0..4)
    t = 5 + k * 80 + ((h - 9) * 60 + mi - 5) % 20
    l = "Dec  3 %02d:%02d:%s" % (9 + t // 60, t % 60, m.group(3)) + l[15:]
    out.append(l)
open(p, "w").write("\n".join(out) + "\n")
PY
got="$(account_of "$out.s11" sales@example.com 2>/dev/null) $(nets_of "$out.s11" sales@example.com 2>/dev/null)"
if [ "$got" = "normal 2" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL five networks over a day: got $got"; fi
if ! "$bin" report "$out.s11" 2>/dev/null | grep -q "many networks"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL five networks over a day are told"; fi
# a mail program whose password is refused falls back through the
# mechanisms (PLAIN twice, then LOGIN twice, one connection): a user's
# device, not a guesser; the same burst on one mechanism, or repeated
# in five connections (a guesser on a library that falls back), is one
fb=$top/tests/data/mech-fallback.log
got=$(verdict_of "$fb" 203.0.113.88)
if [ "$got" = unknown ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL PLAIN then LOGIN in one connection: got $got"; fi
if "$bin" report "$fb" 2>/dev/null | grep -q "falling back through the"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL the fallback is told"; fi
sed 's/SASL PLAIN/SASL LOGIN/' "$fb" >"$out.s12"
got=$(verdict_of "$out.s12" 203.0.113.88)
if [ "$got" = auth-bruteforce ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL four LOGIN failures in one connection: got $got"; fi
# back and forth between the mechanisms (PLAIN, LOGIN, PLAIN): a guesser's alternation
awk '/SASL LOGIN/ && ++n == 2 { sub(/SASL LOGIN/, "SASL PLAIN") } { print }' "$fb" >"$out.s14"
got=$(verdict_of "$out.s14" 203.0.113.88)
if [ "$got" = auth-bruteforce ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL PLAIN, LOGIN, PLAIN in one connection: got $got"; fi
rm -f "$out.s14"
# the same two mechanisms, paced over 40 seconds: a guesser's tries, not a fallback
sed 's/10:00:01 mx postfix\/submission\/smtpd\[301\]: warning: unknown\[203.0.113.88\]: SASL LOGIN/10:00:40 mx postfix\/submission\/smtpd[301]: warning: unknown[203.0.113.88]: SASL LOGIN/; s/10:00:02 mx/10:00:41 mx/' "$fb" >"$out.s15"
got=$(verdict_of "$out.s15" 203.0.113.88)
if [ "$got" = auth-bruteforce ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL PLAIN, then LOGIN 40 s later: got $got"; fi
rm -f "$out.s15"
# the same burst on port 25 (smtpd, not submission): a guesser's script
sed 's/postfix\/submission\/smtpd/postfix\/smtpd/' "$fb" >"$out.s16"
got=$(verdict_of "$out.s16" 203.0.113.88)
if [ "$got" = auth-bruteforce ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL PLAIN then LOGIN on port 25: got $got"; fi
rm -f "$out.s16"
for k in 1 2 3 4 5; do sed "s/\[301\]/[30$k]/; s/10:00:0/10:0$k:0/" "$fb"; done >"$out.s13"
got=$(verdict_of "$out.s13" 203.0.113.88)
if [ "$got" = auth-bruteforce ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL the fallback in five connections: got $got"; fi
rm -f "$out.s12" "$out.s13"
rm -f "$out.s1" "$out.s2" "$out.s3" "$out.s4" "$out.s5" "$out.s6" "$out.s7" "$out.s8" "$out.s9" "$out.s10" "$out.s11"
echo "verdicts: $pass passed, $fail failed"
[ "$fail" = 0 ]
