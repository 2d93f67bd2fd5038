#!/bin/sh
# suite-advise.sh BIN - "postsleuth advise" on the corpus, its proposals
# applied for real with Debian's postconf to a scratch copy of Debian's
# main.cf and master.cf (postconf -c DIR -e / -M / -P), then checked with
# postconf -n (no "unused parameter" warnings, the values as proposed)
# and postfix -c DIR check.  Which items appear, and the evidence they
# cite, are checked against truth.json and the log itself; the
# restriction names against the installed smtpd binary.  The printed
# postconf commands are run through sh too and must give the same
# configuration as the JSON.
# Last line: "advise: N passed, N failed, N skipped"; without Postfix the
# suite is skipped, except with CI=true where that is a failure.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
export TZ=UTC LC_ALL=C
pass=0 fail=0 skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }
finish() { echo "advise: $pass passed, $fail failed, $skipped skipped"; [ "$fail" = 0 ]; exit; }

if ! command -v postconf >/dev/null 2>&1 || ! command -v postfix >/dev/null 2>&1; then
	if [ "${CI:-}" = true ]; then bad "postfix is not installed (CI=true)"; else
		skipped=1; echo "SKIP postfix not installed"; fi
	finish
fi
if ! command -v python3 >/dev/null 2>&1; then bad "python3 missing"; finish; fi
smtpd_bin=$(postconf -d -h daemon_directory 2>/dev/null)/smtpd

# newconf DIR - Debian's main.cf (as the postfix package installs it) and master.cf
newconf() {
	rm -rf "$1"; mkdir -p "$1"
	if [ -f /etc/postfix/main.cf ]; then cp /etc/postfix/main.cf "$1/"
	else cp /usr/share/postfix/main.cf.debian "$1/main.cf"; fi
	if [ -f /etc/postfix/master.cf ]; then cp /etc/postfix/master.cf "$1/"
	else cp /usr/share/postfix/master.cf.dist "$1/master.cf"; fi
	echo "mynetworks = 127.0.0.0/8 [::1]/128" >>"$1/main.cf"
}

# apply_json JSON DIR - every proposed change, with postconf -c DIR
apply_json() {
	python3 - "$1" >"$tmp/apply.lst" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for a in d["advice"]:
    for m in a["main_cf"]:
        if not m["unchanged"]:
            print("-e", f'{m["name"]} = {m["value"]}', sep="\t")
    for m in a["master_cf"]:
        print(m["postconf"], f'{m["key"]}={m["value"]}', sep="\t")
PY
	: >"$tmp/apply.err"
	while IFS='	' read -r op arg; do
		postconf -c "$2" "$op" "$arg" 2>>"$tmp/apply.err" || echo "postconf $op failed: $arg" >>"$tmp/apply.err"
	done <"$tmp/apply.lst"
	[ ! -s "$tmp/apply.err" ]
}

a=$tmp/a b=$tmp/b
newconf "$a"; newconf "$b"
MAIL_CONFIG=$a "$bin" advise --json "$data/mail.log" >"$tmp/adv.json" 2>"$tmp/adv.err"
check '[ $? = 0 ] && [ ! -s "$tmp/adv.err" ]' "advise --json: exit status, stderr: $(head -n 2 "$tmp/adv.err")"
MAIL_CONFIG=$a "$bin" advise "$data/mail.log" >"$tmp/adv.txt" 2>&1
check '[ $? = 0 ]' "advise (text): exit status"

# which items, and their evidence, against truth.json and the log
python3 - "$tmp/adv.json" "$data/truth.json" "$data/mail.log" "$smtpd_bin" <<'PY' >"$tmp/items"
import json, re, sys
adv = json.load(open(sys.argv[1])); t = json.load(open(sys.argv[2]))
log = open(sys.argv[3], encoding="utf-8", errors="replace").read()
smtpd = open(sys.argv[4], "rb").read() if sys.argv[4] else b""
items = {a["id"]: a for a in adv["advice"]}
cl = t["clients"]
def by(sc): return {ip for ip, c in cl.items() if set(c["scenarios"]) & sc}
def res(ok, what): print("ok" if ok else "FAIL", what)
def cites(item, ips):
    text = " ".join(items.get(item, {}).get("evidence", []))
    return all(ip in text for ip in ips)
# the behaviours the drivers produced each call for their item
want = {
    "compromised-account": bool(t["compromised_account"]),
    "auth-guessing": bool(by({"auth_bruteforce", "auth_bruteforce_tlsdebug"})),
    "relay": bool(by({"relay_attempt"})),
    "debug-logging": bool(t["server"]["debug_peer_list"]),
    "non-smtp": bool(by({"syntax_probe", "too_many_errors", "http_probe"})),
    "postscreen": bool(by({"capability_probe", "syntax_probe", "pregreet_pipelining"})),
    "pipelining": bool(by({"pregreet_pipelining"})),
}
for k, v in want.items():
    res((k in items) == v, f"item {k} present: {k in items}, truth says {v}")
res(t["compromised_account"]["username"] in " ".join(items["compromised-account"]["evidence"]),
    "compromised-account cites the account")
res(cites("auth-guessing", by({"auth_bruteforce", "auth_bruteforce_tlsdebug"})), "auth-guessing cites the guessers")
res(cites("relay", by({"relay_attempt"})), "relay cites the relay testers")
res(cites("non-smtp", by({"syntax_probe", "too_many_errors", "http_probe"})), "non-smtp cites the probes")
# connection rate: the drivers' busiest minute, hostile against legitimate
def peak(ips):
    best, who = 0, None
    for ip in ips:
        st = sorted(c["start"] for c in t["connections"] if c["ip"] == ip)
        for i, s in enumerate(st):
            n = sum(1 for x in st[: i + 1] if s - x < 60)
            if n > best: best, who = n, ip
    return best, who
legit_ips = by({"normal_inbound", "normal_submission", "verbose_client"})
lp, _ = peak(legit_ips)
hp, hip = peak(by({"capability_probe", "idle_timeout", "syntax_probe", "too_many_errors", "http_probe",
                   "auth_bruteforce", "auth_bruteforce_tlsdebug", "relay_attempt", "pregreet_pipelining"}))
lim = max(2 * lp, 10)
res(("connection-rate" in items) == (hp > lim), f"connection-rate present iff the busiest hostile minute ({hp}) > {lim}")
if "connection-rate" in items:
    v = [m["value"] for m in items["connection-rate"]["main_cf"] if m["name"] == "smtpd_client_connection_rate_limit"]
    res(v == [str(lim)], f"connection rate limit {v}, want {lim} (twice the busiest legitimate minute, at least 10)")
    res(hip in " ".join(items["connection-rate"]["evidence"]), f"connection-rate cites {hip}")
# HELO evidence: each quoted HELO is in the log for that address
for e in items.get("helo", {}).get("evidence", []):
    m = re.match(r"(\S+) \(([a-z-]+)\) said HELO (\S+), not", e)
    if m:
        ip, helo = m.group(1), m.group(3)
        res(re.search(re.escape(f"[{ip}]") + r"(.*helo=<" + re.escape(helo) + ">|: [EH][HE]LO " +
                      re.escape(helo) + "$)", log, re.M) is not None,
            f"HELO {helo} of {ip} is in the log")
# every restriction word proposed is one the installed smtpd knows
for a in adv["advice"]:
    for m in a["main_cf"]:
        if m["name"].endswith("_restrictions"):
            for w in re.split(r"[,\s]+", m["value"]):
                if re.match(r"(permit|reject|defer|check)_", w):
                    res(not smtpd or re.search(rb"\b" + w.encode() + rb"\b", smtpd) is not None,
                        f"{w} is a restriction of the installed smtpd")
PY
while read -r status rest; do
	if [ "$status" = ok ]; then ok; else bad "$rest"; fi
done <"$tmp/items"
check '[ "$(grep -c . "$tmp/items")" -ge 15 ]' "advise: item checks ran ($(grep -c . "$tmp/items"))"

# apply: JSON through postconf -c, text commands through sh; same result
check 'apply_json "$tmp/adv.json" "$a"' "postconf -c DIR applies every JSON proposal: $(head -n 3 "$tmp/apply.err" 2>/dev/null)"
grep -E '^      postconf -[eMP] ' "$tmp/adv.txt" | sed "s|^      postconf |postconf -c '$b' |" >"$tmp/apply.sh"
check '[ -s "$tmp/apply.sh" ]' "the text output has postconf commands"
sh -e "$tmp/apply.sh" 2>"$tmp/sh.err"
check '[ $? = 0 ] && [ ! -s "$tmp/sh.err" ]' "the printed postconf commands run: $(head -n 2 "$tmp/sh.err")"
postconf -c "$a" -n >"$tmp/a.n" 2>"$tmp/a.err"
postconf -c "$b" -n >"$tmp/b.n" 2>"$tmp/b.err"
check '[ ! -s "$tmp/a.err" ] && [ ! -s "$tmp/b.err" ]' "postconf -n: no warnings: $(head -n 2 "$tmp/a.err")"
check 'cmp -s "$tmp/a.n" "$tmp/b.n" || [ "$(grep -v ^config_directory "$tmp/a.n")" = "$(grep -v ^config_directory "$tmp/b.n")" ]' \
	"text commands and JSON give the same main.cf"
postconf -c "$a" -M >"$tmp/a.m"; postconf -c "$b" -M >"$tmp/b.m"
check 'cmp -s "$tmp/a.m" "$tmp/b.m"' "text commands and JSON give the same master.cf"
python3 - "$tmp/adv.json" "$tmp/a.n" <<'PY' >"$tmp/vals"
import json, sys
adv = json.load(open(sys.argv[1]))
conf = {}
for line in open(sys.argv[2]):
    k, _, v = line.rstrip("\n").partition(" =")
    conf[k] = v.lstrip(" ")
for a in adv["advice"]:
    for m in a["main_cf"]:
        if not m["unchanged"]:
            print("ok" if conf.get(m["name"]) == m["value"] else "FAIL",
                  f'{m["name"]}: postconf -n says {conf.get(m["name"])!r}, proposed {m["value"]!r}')
PY
while read -r status rest; do
	if [ "$status" = ok ]; then ok; else bad "$rest"; fi
done <"$tmp/vals"
check '[ "$(grep -c . "$tmp/vals")" -ge 8 ]' "postconf -n compared with the proposals ($(grep -c . "$tmp/vals"))"
check 'postconf -c "$a" -M smtp/inet | grep -q " postscreen$" && postconf -c "$a" -M smtpd/pass | grep -q " smtpd$"' \
	"master.cf: postscreen on smtp/inet, smtpd on smtpd/pass"
postfix -c "$a" check >"$tmp/check.out" 2>&1
check '[ $? = 0 ] && [ ! -s "$tmp/check.out" ]' "postfix -c DIR check: $(head -n 2 "$tmp/check.out")"

# once applied, nothing is left to change
MAIL_CONFIG=$a "$bin" advise --json "$data/mail.log" >"$tmp/again.json" 2>/dev/null
python3 - "$tmp/again.json" >"$tmp/again" <<'PY'
import json, sys
adv = json.load(open(sys.argv[1]))
left = [m["name"] for a in adv["advice"] for m in a["main_cf"] if not m["unchanged"]]
left += [m["key"] for a in adv["advice"] for m in a["master_cf"]]
print(" ".join(left))
PY
check '[ ! -s "$tmp/again" ] || [ "$(cat "$tmp/again")" = "" ]' "after applying, advise proposes nothing new: $(cat "$tmp/again")"

# AUTH guessed on port 25 and probes: AUTH off where smtpd runs, postscreen or not
sed 's| postfix/submission/smtpd\[| postfix/smtpd[|' "$data/mail.log" >"$tmp/p25.log"
newconf "$a"
MAIL_CONFIG=$a "$bin" advise --json "$tmp/p25.log" >"$tmp/p25.json" 2>/dev/null
check 'grep -q "smtp/inet/smtpd_sasl_auth_enable" "$tmp/p25.json"' "AUTH failures on port 25: -o smtpd_sasl_auth_enable=no proposed"
check 'apply_json "$tmp/p25.json" "$a"' "port 25 proposals apply: $(head -n 2 "$tmp/apply.err" 2>/dev/null)"
check 'postconf -c "$a" -P | grep -qx "smtpd/pass/smtpd_sasl_auth_enable = no"' \
	"after postscreen, AUTH stays off on the smtpd behind it (smtpd/pass)"
postfix -c "$a" check >"$tmp/check.out" 2>&1
check '[ $? = 0 ] && [ ! -s "$tmp/check.out" ]' "postfix check after the port 25 proposals: $(head -n 2 "$tmp/check.out")"

# existing restrictions are extended, not replaced
newconf "$a"
postconf -c "$a" -e 'smtpd_helo_restrictions = permit_mynetworks, check_helo_access inline:{ { bad.example = REJECT } }'
MAIL_CONFIG=$a "$bin" advise --json "$data/mail.log" >"$tmp/ext.json" 2>/dev/null
python3 - "$tmp/ext.json" <<'PY' >"$tmp/ext"
import json, sys
adv = json.load(open(sys.argv[1]))
v = [m["value"] for a in adv["advice"] for m in a["main_cf"] if m["name"] == "smtpd_helo_restrictions"]
print(v[0] if v else "")
PY
check '[ "$(cat "$tmp/ext")" = "permit_mynetworks, permit_sasl_authenticated, reject_invalid_helo_hostname, reject_non_fqdn_helo_hostname, check_helo_access, inline:{ { bad.example = REJECT } }" ]' \
	"smtpd_helo_restrictions extended after the permits, the admin's own entries kept: $(cat "$tmp/ext")"
check 'apply_json "$tmp/ext.json" "$a" && postfix -c "$a" check' "the extended lists apply: $(head -n 2 "$tmp/apply.err" 2>/dev/null)"

# what the log proves configured is not proposed again: postscreen runs
# (its lines), DNSBLs answer; a DNSBL's error code (127.255.255.254,
# "Error: open resolver") gets the return-code filter on the admin's own
# entries, not another list
cat >"$tmp/dnsbl.log" <<'EOF2'
Feb 16 11:05:00 mail postfix/postscreen[900]: CONNECT from [192.0.2.50]:40000 to [192.0.2.1]:25
Feb 16 11:05:00 mail postfix/dnsblog[901]: addr 192.0.2.50 listed by domain zen.spamhaus.org as 127.255.255.254
Feb 16 11:05:00 mail postfix/postscreen[900]: DNSBL rank 3 for [192.0.2.50]:40000
Feb 16 11:05:06 mail postfix/postscreen[900]: NOQUEUE: reject: RCPT from [192.0.2.50]:40000: 550 5.7.1 Service unavailable; client [192.0.2.50] blocked using zen.spamhaus.org; from=<a@example.org>, to=<b@example.com>, proto=ESMTP, helo=<mx.example.org>
Feb 16 11:06:00 mail postfix/postscreen[900]: CONNECT from [192.0.2.60]:40001 to [192.0.2.1]:25
Feb 16 11:06:00 mail postfix/postscreen[900]: PREGREET 14 after 0.08 from [192.0.2.60]:40001: EHLO ylmf-pc\r\n
Feb 16 11:06:01 mail postfix/postscreen[900]: DISCONNECT [192.0.2.60]:40001
Feb 16 11:07:00 mail postfix/smtpd[950]: connect from mx.example.net[198.51.100.20]
Feb 16 11:07:00 mail postfix/smtpd[950]: NOQUEUE: reject: RCPT from mx.example.net[198.51.100.20]: 554 5.7.1 Service unavailable; Client host [198.51.100.20] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/172.64.36.1; from=<x@example.net> to=<b@example.com> proto=ESMTP helo=<mx.example.net>
Feb 16 11:07:00 mail postfix/smtpd[950]: disconnect from mx.example.net[198.51.100.20] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
EOF2
newconf "$a"
postconf -c "$a" -e 'postscreen_dnsbl_sites = zen.spamhaus.org*3, bl.spamcop.net*2' \
	'smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination, reject_rbl_client zen.spamhaus.org'
MAIL_CONFIG=$a "$bin" advise --json "$tmp/dnsbl.log" >"$tmp/dnsbl.json" 2>/dev/null
python3 - "$tmp/dnsbl.json" <<'PY' >"$tmp/dnsbl.out"
import json, sys
adv = json.load(open(sys.argv[1]))
items = {a["id"]: a for a in adv["advice"]}
main = {m["name"]: m["value"] for a in adv["advice"] for m in a["main_cf"] if not m["unchanged"]}
master = [m for a in adv["advice"] for m in a["master_cf"]]
print("dnsbl-error" in items)
print(main.get("postscreen_dnsbl_sites"))
print(main.get("smtpd_recipient_restrictions"))
print(bool(master))
print(any(m["name"] == "postscreen_dnsbl_threshold" for a in adv["advice"] for m in a["main_cf"]))
PY
check '[ "$(sed -n 1p "$tmp/dnsbl.out")" = True ]' "a DNSBL error answer: the dnsbl-error item"
check '[ "$(sed -n 2p "$tmp/dnsbl.out")" = "zen.spamhaus.org=127.0.0.[2..11]*3, bl.spamcop.net*2" ]' \
	"postscreen_dnsbl_sites: the admin's entry filtered, weight kept: $(sed -n 2p "$tmp/dnsbl.out")"
check '[ "$(sed -n 3p "$tmp/dnsbl.out")" = "permit_mynetworks, reject_unauth_destination, reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]" ]' \
	"reject_rbl_client filtered: $(sed -n 3p "$tmp/dnsbl.out")"
check '[ "$(sed -n 4p "$tmp/dnsbl.out")" = False ]' "postscreen lines in the log: no master.cf change proposed"
check '[ "$(sed -n 5p "$tmp/dnsbl.out")" = False ]' "DNSBL answers in the log: no other list or threshold proposed"
check 'apply_json "$tmp/dnsbl.json" "$a" && postfix -c "$a" check' "the filtered lists apply: $(head -n 2 "$tmp/apply.err" 2>/dev/null)"
check 'postconf -c "$a" -h postscreen_dnsbl_sites | grep -qx "zen.spamhaus.org=127.0.0.\[2..11\]\*3, bl.spamcop.net\*2"' \
	"postconf reads the filtered postscreen_dnsbl_sites back"

# a logged-in user refused by a blocklist that comes before
# permit_sasl_authenticated (user-refused.log): the list reordered, the
# blocklist's argument kept beside it, Postfix accepts it; a list with
# permit_sasl_authenticated first is left alone
newconf "$a"
postconf -c "$a" -e 'smtpd_recipient_restrictions = reject_rbl_client zen.spamhaus.org, permit_sasl_authenticated, permit_mynetworks, reject_unauth_destination' \
	'smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination'
MAIL_CONFIG=$a "$bin" advise --json "$data/user-refused.log" >"$tmp/users.json" 2>/dev/null
python3 - "$tmp/users.json" <<'PY' >"$tmp/users.out"
import json, sys
adv = json.load(open(sys.argv[1]))
items = {a["id"]: a for a in adv["advice"]}
it = items.get("users-refused", {"main_cf": [], "evidence": []})
main = {m["name"]: m["value"] for m in it["main_cf"] if not m["unchanged"]}
print("users-refused" in items)
print(main.get("smtpd_recipient_restrictions"))
print("smtpd_relay_restrictions" in main)
print("blocked using zen.spamhaus.org" in " ".join(it["evidence"]))
PY
check '[ "$(sed -n 1p "$tmp/users.out")" = True ]' "a logged-in user refused: the users-refused item"
check '[ "$(sed -n 2p "$tmp/users.out")" = "permit_sasl_authenticated, reject_rbl_client zen.spamhaus.org, permit_mynetworks, reject_unauth_destination" ]' \
	"permit_sasl_authenticated moved before the blocklist: $(sed -n 2p "$tmp/users.out")"
check '[ "$(sed -n 3p "$tmp/users.out")" = False ]' "a list already right is not proposed"
check '[ "$(sed -n 4p "$tmp/users.out")" = True ]' "the evidence names the refusal"
check 'apply_json "$tmp/users.json" "$a" && postfix -c "$a" check' "the reordered list applies: $(head -n 2 "$tmp/apply.err" 2>/dev/null)"
MAIL_CONFIG=$a "$bin" advise --json "$data/user-refused.log" >"$tmp/users2.json" 2>/dev/null
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); it=[a for a in d[\"advice\"] if a[\"id\"]==\"users-refused\"]; assert not it or all(m[\"unchanged\"] for m in it[0][\"main_cf\"])" "$tmp/users2.json"' \
	"after applying it, nothing more is proposed"

# relaying without login on the trust of a public address (variant 29c):
# the relayed-trusted item names the clients, its proposals apply and
# leave reject/defer_unauth_destination last; a log without it: no item
newconf "$a"
MAIL_CONFIG=$a "$bin" advise --json "$data/variants/29c-mynetworks-too-wide-spammers-relay/input.log" \
	>"$tmp/relayed.json" 2>/dev/null
python3 - "$tmp/relayed.json" <<'PY' >"$tmp/relayed.out"
import json, sys
adv = json.load(open(sys.argv[1]))
items = {a["id"]: a for a in adv["advice"]}
it = items.get("relayed-trusted", {})
print("relayed-trusted" in items)
print(sum("185.220.101." in e for e in it.get("evidence", [])))
main = {m["name"]: m["value"] for m in it.get("main_cf", [])}
print(main.get("smtpd_relay_restrictions", "").split(", ")[-1])
PY
check '[ "$(sed -n 1p "$tmp/relayed.out")" = True ]' "relaying trusted by a public address: the relayed-trusted item"
check '[ "$(sed -n 2p "$tmp/relayed.out")" = 4 ]' "relayed-trusted names the 4 relaying clients: $(sed -n 2p "$tmp/relayed.out")"
check 'sed -n 3p "$tmp/relayed.out" | grep -qx "[a-z]*_unauth_destination"' \
	"smtpd_relay_restrictions ends in *_unauth_destination: $(sed -n 3p "$tmp/relayed.out")"
check 'apply_json "$tmp/relayed.json" "$a" && postfix -c "$a" check' "relayed-trusted applies: $(head -n 2 "$tmp/apply.err" 2>/dev/null)"
MAIL_CONFIG=$a "$bin" advise --json "$data/variants/29e-relay-look-alikes-not-open/input.log" 2>/dev/null |
	grep -q '"relayed-trusted"'
check '[ $? != 0 ]' "look-alikes of relaying (29e): no relayed-trusted item"

# bots postscreen dropped before smtpd (62a): the postscreen item counts
# their postscreen connections, not the smtpd sessions they never had
MAIL_CONFIG=$a "$bin" advise --json "$data/variants-families2/62a-postscreen-bare-newline-and-limits/input.log" \
	>"$tmp/psbots.json" 2>/dev/null
python3 - "$tmp/psbots.json" <<'PY' >"$tmp/psbots.out"
import json, sys
adv = json.load(open(sys.argv[1]))
items = {a["id"]: a for a in adv["advice"]}
print(" ".join(items.get("postscreen", {}).get("evidence", [])))
PY
check 'grep -q "192.0.2.85 (1 session)" "$tmp/psbots.out" && grep -q "protocol-violation" "$tmp/psbots.out"' \
	"postscreen's bots counted by their connections: $(head -c 200 "$tmp/psbots.out")"

# TLS loglevel 2's handshake chatter alone (101a): the verbose-logging
# item, not debug-logging (no dialogue, no credentials), and it applies;
# loglevel 1's summary line (101b): neither
MAIL_CONFIG=$a "$bin" advise --json "$data/variants-families3/101a-tls-debug-chatter/input.log" \
	>"$tmp/chatter.json" 2>/dev/null
python3 - "$tmp/chatter.json" <<'PY' >"$tmp/chatter.out"
import json, sys
items = {a["id"]: a for a in json.load(open(sys.argv[1]))["advice"]}
v = items.get("verbose-logging", {})
print("verbose-logging" in items, "debug-logging" in items,
      [m["value"] for m in v.get("main_cf", []) if m["name"] == "smtpd_tls_loglevel"])
PY
check 'grep -qx "True False \[.1.\]" "$tmp/chatter.out"' "TLS chatter alone: verbose-logging with smtpd_tls_loglevel 1: $(cat "$tmp/chatter.out")"
check 'apply_json "$tmp/chatter.json" "$a" && postfix -c "$a" check' "verbose-logging applies: $(head -n 2 "$tmp/apply.err" 2>/dev/null)"
MAIL_CONFIG=$a "$bin" advise --json "$data/variants-families3/101b-tls-summary-only/input.log" 2>/dev/null |
	grep -q 'logging"'
check '[ $? != 0 ]' "TLS loglevel 1 (101b): no logging item"

# no postconf here: still advice, against Postfix's defaults
mkdir -p "$tmp/nobin"
PATH=$tmp/nobin "$bin" advise "$data/mail.log" >"$tmp/nopc.txt" 2>&1
check '[ $? = 0 ] && grep -q "postconf not available" "$tmp/nopc.txt"' "without postconf: said so"

finish
