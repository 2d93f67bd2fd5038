#!/bin/sh
# suite-scale.sh BIN - more client addresses and accounts than the detail
# memory holds: every one is still counted and judged, and every command
# agrees on the numbers.  A 60 000-address SASL botnet (three failures
# each), 25 000 accounts that log in once each, and the same botnet under
# a 4 MiB memory budget (the tables move to a file; nothing changes).
# Inputs are generated in a temporary directory.  Run with the plain and
# the sanitized binary by run-all.sh.  Last line: "scale: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export TZ=UTC LC_ALL=C NO_COLOR=1
pass=0 fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export TMPDIR="$t"              # where spill files go

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL scale: $*"; }
# expect NAME GOT WANT
expect() { if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi; }
# check NAME CMD... - the command must succeed
check() { name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }
# run CMD... - postsleuth with stdout in $t/out, stderr in $t/err, status in $rc
run() {
	"$bin" "$@" >"$t/out" 2>"$t/err"
	rc=$?
	if grep -qE 'runtime error|AddressSanitizer|LeakSanitizer' "$t/err"; then
		bad "$*: sanitizer report"
		head -n 5 "$t/err"
	fi
}
# jget FILE EXPR - a Python expression over the JSON document d
jget() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

## 1. A 60 000-address SASL botnet, three failed AUTH each
python3 -c '
import sys
w = sys.stdout.write
k = 0
for i in range(60000):
    ip = "198.18.%d.%d" % (i >> 8, i & 255)  # RFC 2544 benchmark range: public, not this site
    for j in range(3):
        ts = "2026-11-%02dT%02d:%02d:%02d+00:00" % (1 + k // 86400, k // 3600 % 24, k // 60 % 60, k % 60)
        pid = 1000 + k % 30000
        k += 1
        w("%s mx1 postfix/submission/smtpd[%d]: connect from unknown[%s]\n" % (ts, pid, ip))
        w("%s mx1 postfix/submission/smtpd[%d]: warning: unknown[%s]: SASL LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=admin\n" % (ts, pid, ip))
        w("%s mx1 postfix/submission/smtpd[%d]: disconnect from unknown[%s] ehlo=1 auth=0/1 quit=1 commands=2/3\n" % (ts, pid, ip))
' >"$t/botnet.log"

run clients --json "$t/botnet.log"
expect "botnet: clients --json exit" "$rc" 0
expect "botnet: clients --json: every address" "$(jget "$t/out" 'len(d["clients"])')" 60000
expect "botnet: clients --json: every one guessing passwords" \
	"$(jget "$t/out" 'sum(c["verdict"] == "auth-bruteforce" and c["auth_failures"] == 3 for c in d["clients"])')" 60000
expect "botnet: clients --json: each address once" \
	"$(jget "$t/out" 'len(set(c["ip"] for c in d["clients"]))')" 60000
expect "botnet: clients --json: the least active lost their detail, and say so" \
	"$(jget "$t/out" 'sum(1 for c in d["clients"] if c.get("detail_incomplete"))')" 40000
check "botnet: clients says on stderr what it could not keep" \
	grep -q '40000 of 60000 have incomplete details' "$t/err"

run clients --verdict auth-bruteforce "$t/botnet.log"
expect "botnet: clients table rows" "$(($(wc -l <"$t/out") - 1))" 60000
check "botnet: a late address is in the table" grep -q '^198\.18\.234\.95 *auth-bruteforce *3 ' "$t/out"

run ban "$t/botnet.log"
expect "botnet: ban exit" "$rc" 0
expect "botnet: ban lists every address" "$(grep -c '^198\.18\.' "$t/out")" 60000
check "botnet: ban's summary counts them" grep -q 'ban: 60000 addresses in 60000 entries' "$t/err"
check "botnet: ban says what it could not keep" grep -q 'have incomplete details' "$t/err"
sort "$t/out" >"$t/ban.mem"

run report --json "$t/botnet.log"
expect "botnet: report --json: one campaign of every address" \
	"$(jget "$t/out" '[(c["kind"], c["addresses"], len(c["members"])) for c in d["campaigns"]]')" \
	"[('distributed-auth', 60000, 60000)]"
expect "botnet: report --json sessions" "$(jget "$t/out" 'd["model"]["sessions"]')" 180000
expect "botnet: report --json clients" \
	"$(jget "$t/out" 'sum(c["verdict"] == "auth-bruteforce" for c in d["clients"])')" 60000
expect "botnet: report --json: nobody untracked" "$(jget "$t/out" 'd["model"]["clients_untracked"]')" 0
expect "botnet: report --json counts the incomplete ones" \
	"$(jget "$t/out" 'd["model"]["clients_detail_incomplete"]')" 40000

run report "$t/botnet.log"
check "botnet: report's totals" grep -q '^180000 sessions from 60000 client addresses' "$t/out"
check "botnet: report's count of hostile clients" \
	grep -q '60000 clients behaved in a hostile way' "$t/out"
check "botnet: report says at the top what it could not keep" \
	sh -c "sed -n '1,/^At a glance/p' '$t/out' | tr '\n' ' ' | grep -q 'kept for the 20000 most active client addresses only'"
check "botnet: report's first screen: one campaign, not 60000 clients" \
	sh -c "sed '/^What to do\$/,\$d' '$t/out' | tr '\n' ' ' | sed 's/  */ /g' | grep -q 'One distributed password-guessing campaign from 60000 addresses: 180000 SASL failures, at most 3 per address'"
check "botnet: report's first screen: 40 lines of 80 columns at most" \
	sh -c "[ \$(sed '/^What to do\$/,\$d' '$t/out' | wc -l) -le 40 ] && ! sed '/^What to do\$/,\$d' '$t/out' | awk 'length > 80' | grep -q ."
check "botnet: report's campaign counts the addresses it does not name" \
	sh -c "tr '\n' ' ' <'$t/out' | sed 's/  */ /g' | grep -q 'and 59992 more (report --all or --json lists them)'"

run explain --ip 198.18.234.95 "$t/botnet.log"
check "botnet: explain judges a late address" grep -q 'In short: auth-bruteforce' "$t/out"
check "botnet: explain says what it could not keep" grep -q 'have incomplete details' "$t/err"

run advise --json "$t/botnet.log"
expect "botnet: advise exit" "$rc" 0
check "botnet: advise counts every address" grep -q 'and 59995 more addresses' "$t/out"

## 2. The same botnet under a 4 MiB budget: the tables go to disk, the
## ban list is the same
run ban --memory-budget 4M "$t/botnet.log"
expect "budget: ban exit" "$rc" 0
sort "$t/out" >"$t/ban.disk"
check "budget: the same ban list" cmp -s "$t/ban.mem" "$t/ban.disk"
check "budget: ban says the tables went to disk" grep -q 'moved to a file on disk' "$t/err"
expect "budget: no spill file left behind" "$(find "$t" -name 'postsleuth-spill-*' | wc -l)" 0
run clients --memory-budget 0 "$t/botnet.log"
expect "budget: a size of 0 is a usage error" "$rc" 2
rm -f "$t/botnet.log"

## 3. 25 000 accounts, each logging in once from its own address
python3 -c '
import sys
w = sys.stdout.write
for i in range(25000):
    ip = "172.16.%d.%d" % (i >> 8, i & 255)
    ts = "2026-11-02T%02d:%02d:%02d+00:00" % (i // 3600 % 24, i // 60 % 60, i % 60)
    pid = 2000 + i % 20000
    w("%s mx1 postfix/submission/smtpd[%d]: connect from unknown[%s]\n" % (ts, pid, ip))
    w("%s mx1 postfix/submission/smtpd[%d]: %010X: client=unknown[%s], sasl_method=PLAIN, sasl_username=user%d@example.test\n" % (ts, pid, 0x100000 + i, ip, i))
    w("%s mx1 postfix/submission/smtpd[%d]: disconnect from unknown[%s] ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6\n" % (ts, pid, ip))
' >"$t/accounts.log"
run accounts --json "$t/accounts.log"
expect "accounts: every one kept" "$(jget "$t/out" 'len(d["accounts"])')" 25000
expect "accounts: each with its address" \
	"$(jget "$t/out" 'sum(len(a["source_ips"]) == 1 and a["logins"] == 1 for a in d["accounts"])')" 25000
run clients --verdict legitimate "$t/accounts.log"
expect "accounts: every address legitimate" "$(($(wc -l <"$t/out") - 1))" 25000
run ban --verdict legitimate "$t/accounts.log"
expect "accounts: none banned" "$(grep -c '^172\.' "$t/out")" 0
check "accounts: ban says why" grep -q 'not listed: 25000 logged in successfully' "$t/err"

echo "scale: $pass passed, $fail failed"
[ "$fail" = 0 ]
