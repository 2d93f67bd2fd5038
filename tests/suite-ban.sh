#!/bin/sh
# suite-ban.sh BIN - "postsleuth ban" on the corpus, each output checked by
# the real tool that consumes it: nft -c and nft -f in a private network
# namespace (nftables), ipset restore in one (ipset), postmap -q on the
# cidr: tables (postfix).  The expected addresses come from truth.json
# (what the scenario drivers did), never from postsleuth's own output.
# mynetworks is read through postconf from a scratch MAIL_CONFIG.
# Last line: "ban: N passed, N failed, N skipped".  A missing tool or
# namespace is a skip, except with CI=true where it is a failure.
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
export TZ=UTC LC_ALL=C
pass=0 fail=0 skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
skip() {
	if [ "${CI:-}" = true ]; then bad "$* (CI=true: tools must be installed)"; else
		skipped=$((skipped + 1)); echo "SKIP $*"; fi
}
check() { if eval "$1"; then ok; else bad "$2"; fi; }

if ! command -v python3 >/dev/null 2>&1; then
	echo "ban: python3 missing"; echo "ban: 0 passed, 1 failed, 0 skipped"; exit 1
fi

# truth: the addresses each option must list (scenario -> hostile or not)
python3 - "$data/truth.json" "$tmp" <<'PY'
import json, sys
t = json.load(open(sys.argv[1])); out = sys.argv[2]
HOSTILE = {"capability_probe", "idle_timeout", "syntax_probe", "too_many_errors", "http_probe",
           "auth_bruteforce", "auth_bruteforce_tlsdebug", "relay_attempt", "pregreet_pipelining"}
def w(name, ips): open(f"{out}/{name}", "w").write("".join(f"{i}\n" for i in sorted(ips)))
cl = t["clients"]
hostile = {ip for ip, c in cl.items() if set(c["scenarios"]) & HOSTILE}
w("hostile", hostile)
w("legit", {ip for ip, c in cl.items() if not set(c["scenarios"]) & HOSTILE and
            "compromised_account" not in c["scenarios"]})
w("attacker", {t["compromised_account"]["attacker_ip"]})
w("auth", {ip for ip, c in cl.items() if {"auth_bruteforce", "auth_bruteforce_tlsdebug"} & set(c["scenarios"])})
w("busy", {ip for ip in hostile if cl[ip]["connections"] >= 10})
w("hostile_not_192", {ip for ip in hostile if not ip.startswith("192.0.2.")})
w("hostile_not_198", {ip for ip in hostile if not ip.startswith("198.51.100.")})
PY
for f in hostile legit attacker auth busy; do
	if [ ! -s "$tmp/$f" ]; then
		echo "FAIL no '$f' addresses derived from truth.json"; echo "ban: 0 passed, 1 failed, 0 skipped"; exit 1
	fi
done

# a Postfix configuration directory of our own, for postconf and postmap
cfg=$tmp/postfix
mkdir -p "$cfg"
if [ -f /etc/postfix/main.cf ]; then cp /etc/postfix/main.cf "$cfg/main.cf"
elif [ -f /usr/share/postfix/main.cf.debian ]; then cp /usr/share/postfix/main.cf.debian "$cfg/main.cf"
else : >"$cfg/main.cf"; fi
[ -f /etc/postfix/master.cf ] && cp /etc/postfix/master.cf "$cfg/master.cf"
have_postfix=no
command -v postconf >/dev/null 2>&1 && command -v postmap >/dev/null 2>&1 && have_postfix=yes
setnet() { # setnet VALUE - mynetworks in the scratch main.cf
	grep -v '^mynetworks' "$cfg/main.cf" >"$cfg/main.cf.new"; mv "$cfg/main.cf.new" "$cfg/main.cf"
	echo "mynetworks = $1" >>"$cfg/main.cf"
}
setnet "127.0.0.0/8 [::1]/128"
export MAIL_CONFIG=$cfg

# addresses - the address column of plain output, each checked to be one
valid_plain() { # valid_plain FILE - every line an address or network in canonical form
	python3 - "$1" <<'PY'
import ipaddress, sys
for line in open(sys.argv[1]):
    s = line.rstrip("\n")
    n = ipaddress.ip_network(s, strict=True)
    assert str(n.network_address) == s.split("/")[0] and ("/" not in s or n.prefixlen < n.max_prefixlen), s
PY
}
same_set() { # same_set GOT WANT - files of lines, as sets
	sort -u "$1" >"$1.s"; sort -u "$2" >"$2.s"
	if cmp -s "$1.s" "$2.s"; then return 0; fi
	echo "  got:  $(tr '\n' ' ' <"$1.s")"; echo "  want: $(tr '\n' ' ' <"$2.s")"; return 1
}

# 1. plain, default verdicts: exactly the hostile clients of truth.json
for log in mail.log mail-classic.log; do
	"$bin" ban --year 2026 "$data/$log" >"$tmp/out" 2>"$tmp/err"
	check '[ $? = 0 ]' "ban $log: exit status"
	check 'same_set "$tmp/out" "$tmp/hostile"' "ban $log: listed = truth's hostile clients"
	check 'valid_plain "$tmp/out"' "ban $log: every line an address"
	check 'grep -q "not listed: 198.51.100.137 (account-abuse) logged in as dave" "$tmp/err"' \
		"ban $log: the attacker of a compromised account is left out, and said why"
done

# 2. the server's own networks: --allow, and mynetworks through postconf
"$bin" ban --allow 198.51.100.0/24 "$data/mail.log" >"$tmp/out" 2>"$tmp/err"
check 'same_set "$tmp/out" "$tmp/hostile_not_198"' "--allow 198.51.100.0/24"
check 'grep -q "in --allow or mynetworks" "$tmp/err"' "--allow: counted on stderr"
if [ $have_postfix = yes ]; then
	setnet "127.0.0.0/8, [::1]/128, 192.0.2.0/24"
	"$bin" ban "$data/mail.log" >"$tmp/out" 2>"$tmp/err"
	check 'same_set "$tmp/out" "$tmp/hostile_not_192"' "mynetworks from postconf (192.0.2.0/24)"
	setnet "127.0.0.0/8 hash:/etc/postfix/network_table"
	"$bin" ban "$data/mail.log" >"$tmp/out" 2>"$tmp/err"
	check 'grep -q "network_table\" is not an address or network" "$tmp/err"' \
		"mynetworks with a table: said it cannot be read"
	setnet "127.0.0.0/8 [::1]/128"
else
	skip "mynetworks through postconf: postfix not installed"
fi

# 3. selection: --verdict, --min-sessions, --include-authenticated
"$bin" ban --verdict auth-bruteforce "$data/mail.log" >"$tmp/out" 2>/dev/null
check 'same_set "$tmp/out" "$tmp/auth"' "--verdict auth-bruteforce"
"$bin" ban --min-sessions 10 "$data/mail.log" >"$tmp/out" 2>/dev/null
check 'same_set "$tmp/out" "$tmp/busy"' "--min-sessions 10"
"$bin" ban --include-authenticated "$data/mail.log" >"$tmp/out" 2>/dev/null
cat "$tmp/hostile" "$tmp/attacker" >"$tmp/want"
check 'same_set "$tmp/out" "$tmp/want"' "--include-authenticated adds the compromised account's attacker only"
"$bin" ban --verdict no-such-verdict "$data/mail.log" >/dev/null 2>&1
check '[ $? = 2 ]' "--verdict with an unknown verdict: usage error"
"$bin" ban --format iptables "$data/mail.log" >/dev/null 2>&1
check '[ $? = 2 ]' "--format unknown: usage error"

# 4. hostile input: loopback, an impossible address, a shell word, the placeholder
# (a non-SMTP prober on 127.0.0.9, where a local proxy binds the clients it
# passes on, is a candidate and is not listed; the same from 127.0.0.1 is a
# program of this host, no candidate at all, as an EHLO/QUIT there is a
# health check)
sed 's/\(192\.0\.2\.120\|198\.51\.100\.240\|198\.51\.100\.37\)\]/127.0.0.9]/' \
	"$data/scenarios/02_syntax_probe.log" >"$tmp/loop.log"
"$bin" ban "$tmp/loop.log" >"$tmp/out" 2>"$tmp/err"
check '[ ! -s "$tmp/out" ] && grep -q "1 loopback or special" "$tmp/err"' "loopback never listed"
sed 's/\(192\.0\.2\.120\|198\.51\.100\.240\|198\.51\.100\.37\)\]/127.0.0.1]/' \
	"$data/scenarios/02_syntax_probe.log" >"$tmp/loop.log"
"$bin" ban "$tmp/loop.log" >"$tmp/out" 2>"$tmp/err"
check '[ ! -s "$tmp/out" ] && ! grep -q "loopback" "$tmp/err"' "the syntax prober from 127.0.0.1 no candidate"
sed 's/198\.51\.100\.240\]/198.51.100.999]/; s/192\.0\.2\.120\]/192.0.2.1;reboot]/' \
	"$data/scenarios/02_syntax_probe.log" >"$tmp/junk.log"
"$bin" ban "$tmp/junk.log" >"$tmp/out" 2>"$tmp/err"
echo 198.51.100.37 >"$tmp/want"
check 'same_set "$tmp/out" "$tmp/want"' "addresses that are not addresses are dropped"
check 'grep -q "not an IP address" "$tmp/err"' "dropped addresses counted on stderr"
"$bin" ban "$data/seed004.log" >"$tmp/out" 2>"$tmp/err"
check '! grep -q "not logged" "$tmp/out" && grep -q "address not logged" "$tmp/err"' \
	"the (address not logged) placeholder is never listed"

# 4b. one text per host: tests/data/addr-forms.log writes 203.0.113.70 as
# ::ffff:203.0.113.70 where it logs in as alice and plainly where it fails
# AUTH, and a prober as 2001:DB8::7 and 2001:db8:0:0:0:0:0:7
"$bin" ban "$data/addr-forms.log" >"$tmp/out" 2>"$tmp/err"
echo 2001:db8::7 >"$tmp/want"
check 'cmp -s "$tmp/out" "$tmp/want"' "IPv6 written two ways: listed once, canonical ($(tr '\n' ' ' <"$tmp/out"))"
check 'grep -q "not listed: 203.0.113.70 (auth-success-after-failures) logged in as alice" "$tmp/err"' \
	"::ffff:203.0.113.70 logged in: 203.0.113.70 not listed, and said why"

# 5. --aggregate: a prefix only where nothing else of the log lives
"$bin" ban --aggregate "$data/scenarios/02_syntax_probe.log" >"$tmp/out" 2>/dev/null
printf '192.0.2.120\n198.51.100.0/24\n' >"$tmp/want"
check 'same_set "$tmp/out" "$tmp/want"' "--aggregate: two probes of one /24"
check 'valid_plain "$tmp/out"' "--aggregate: canonical prefixes"
"$bin" ban --aggregate --allow 198.51.100.1 "$data/scenarios/02_syntax_probe.log" >"$tmp/out" 2>"$tmp/err"
printf '192.0.2.120\n198.51.100.37\n198.51.100.240\n' >"$tmp/want"
check 'same_set "$tmp/out" "$tmp/want" && grep -q "not aggregated" "$tmp/err"' \
	"--aggregate: not over an allowed address"
"$bin" ban --aggregate "$data/mail.log" >"$tmp/out" 2>"$tmp/err"
check 'same_set "$tmp/out" "$tmp/hostile" && grep -q "198.51.100.0/24 not aggregated: it holds the address" "$tmp/err"' \
	"--aggregate: not over a legitimate client's address"
sed 's/198\.51\.100\.37\]/2001:db8:5::37]/; s/198\.51\.100\.240\]/2001:db8:5::f0]/' \
	"$data/scenarios/02_syntax_probe.log" >"$tmp/v6.log"
"$bin" ban --aggregate "$tmp/v6.log" >"$tmp/out" 2>/dev/null
printf '192.0.2.120\n2001:db8:5::/64\n' >"$tmp/want"
check 'same_set "$tmp/out" "$tmp/want"' "--aggregate: IPv6 /64"

# 6. each format, checked by its consumer
ns=""
if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then ns="unshare -n"
elif unshare -rn true 2>/dev/null; then ns="unshare -rn"; fi
cat "$tmp/hostile" >"$tmp/in"                   # the addresses that must be in
cat "$tmp/legit" >"$tmp/out_addrs"              # ... and must not
{ echo 2001:db8:5::37; } >>"$tmp/out_addrs"
if command -v nft >/dev/null 2>&1 && [ -n "$ns" ]; then
	for opts in "" "--aggregate" "--verdict spam-rejected"; do
		# shellcheck disable=SC2086
		"$bin" ban --format nft $opts "$data/mail.log" >"$tmp/ban.nft" 2>/dev/null
		$ns nft -c -f "$tmp/ban.nft" >"$tmp/nft.err" 2>&1
		check '[ $? = 0 ]' "nft -c -f accepts the nft output ($opts): $(head -n 3 "$tmp/nft.err")"
	done
	"$bin" ban --format nft "$data/mail.log" >"$tmp/ban.nft" 2>/dev/null
	{
		echo 'nft -f "$1" || exit 9; nft -f "$1" || exit 9'    # twice: reload replaces
		while read -r a; do echo "nft get element inet postsleuth ban4 '{ $a }' >/dev/null 2>&1 && echo in $a || echo out $a"; done <"$tmp/in"
		while read -r a; do
			case $a in *:*) s=ban6;; *) s=ban4;; esac
			echo "nft get element inet postsleuth $s '{ $a }' >/dev/null 2>&1 && echo in $a || echo out $a"
		done <"$tmp/out_addrs"
	} >"$tmp/nft.sh"
	$ns sh "$tmp/nft.sh" "$tmp/ban.nft" >"$tmp/nft.res" 2>&1
	check '[ $? = 0 ]' "nft -f loads the set (twice)"
	check '[ "$(sed -n "s/^in //p" "$tmp/nft.res" | grep -Fxf "$tmp/in" | wc -l)" = "$(wc -l <"$tmp/in")" ]' \
		"nft: every hostile address in the set"
	check '! grep -E "^in " "$tmp/nft.res" | sed "s/^in //" | grep -Fxf "$tmp/out_addrs" | grep -q .' \
		"nft: no legitimate address in the set"
else
	skip "nft checks: nftables not installed or no network namespace (needs root or user namespaces)"
fi
if command -v ipset >/dev/null 2>&1 && [ -n "$ns" ]; then
	"$bin" ban --format ipset "$tmp/v6.log" >"$tmp/v6.ipset" 2>/dev/null
	"$bin" ban --format ipset "$data/mail.log" >"$tmp/ban.ipset" 2>/dev/null
	{
		echo 'ipset restore <"$1" || exit 9; ipset restore <"$1" || exit 9; ipset restore <"$2" || exit 8'
		echo 'ipset test postsleuth6 2001:db8:5::37 2>/dev/null && echo in6 || echo out6'
		echo 'ipset restore <"$1" || exit 9'
		while read -r a; do echo "ipset test postsleuth4 $a 2>/dev/null && echo in $a || echo out $a"; done <"$tmp/in"
		while read -r a; do
			case $a in *:*) s=postsleuth6;; *) s=postsleuth4;; esac
			echo "ipset test $s $a 2>/dev/null && echo in $a || echo out $a"
		done <"$tmp/out_addrs"
	} >"$tmp/ipset.sh"
	$ns sh "$tmp/ipset.sh" "$tmp/ban.ipset" "$tmp/v6.ipset" >"$tmp/ipset.res" 2>&1
	rc=$?
	if [ $rc = 0 ]; then
		ok
		check 'grep -qx in6 "$tmp/ipset.res"' "ipset: IPv6 entries restored"
		check '[ "$(sed -n "s/^in //p" "$tmp/ipset.res" | grep -Fxf "$tmp/in" | wc -l)" = "$(wc -l <"$tmp/in")" ]' \
			"ipset: every hostile address in the set"
		check '! grep -E "^in " "$tmp/ipset.res" | sed "s/^in //" | grep -Fxf "$tmp/out_addrs" | grep -q .' \
			"ipset: no legitimate address in the set"
	elif grep -qi 'kernel\|module\|protocol not supported' "$tmp/ipset.res"; then
		skip "ipset restore: the kernel has no ip_set support here ($(head -n 1 "$tmp/ipset.res"))"
	else
		bad "ipset restore failed: $(head -n 3 "$tmp/ipset.res")"
	fi
else
	skip "ipset checks: ipset not installed or no network namespace (needs root or user namespaces)"
fi
if [ $have_postfix = yes ]; then
	for fmt in postfix-cidr postscreen; do
		"$bin" ban --format $fmt "$data/mail.log" >"$tmp/ban.cidr" 2>/dev/null
		"$bin" ban --format $fmt --aggregate "$tmp/v6.log" >"$tmp/v6.cidr" 2>/dev/null
		: >"$tmp/pm.err"
		missing=0 wrong=0
		while read -r a; do
			r=$(postmap -c "$cfg" -q "$a" "cidr:$tmp/ban.cidr" 2>>"$tmp/pm.err")
			case $fmt:$r in postfix-cidr:REJECT\ *|postscreen:reject) ;; *) missing=$((missing + 1));; esac
		done <"$tmp/in"
		while read -r a; do
			r=$(postmap -c "$cfg" -q "$a" "cidr:$tmp/ban.cidr" 2>>"$tmp/pm.err")
			[ -z "$r" ] || wrong=$((wrong + 1))
		done <"$tmp/legit"
		r6=$(postmap -c "$cfg" -q 2001:db8:5::1 "cidr:$tmp/v6.cidr" 2>>"$tmp/pm.err")
		check '[ $missing = 0 ]' "postmap -q cidr ($fmt): $missing hostile addresses not matched"
		check '[ $wrong = 0 ]' "postmap -q cidr ($fmt): $wrong legitimate addresses matched"
		check '[ -n "$r6" ]' "postmap -q cidr ($fmt): an IPv6 /64 prefix matches"
		check '[ ! -s "$tmp/pm.err" ]' "postmap ($fmt) warned: $(head -n 2 "$tmp/pm.err")"
	done
else
	skip "postmap cidr checks: postfix not installed"
fi

echo "ban: $pass passed, $fail failed, $skipped skipped"
[ "$fail" = 0 ]
