#!/bin/sh
# suite-live.sh BIN - "postsleuth watch" on a log that grows, rotates
# (rename with late writes to the old file, copytruncate, compression of
# the old file) and whose follower is killed with SIGKILL and restarted,
# in dry-run mode.  Each run's SQLite state is compared with one run over
# the whole log at once: every line counted exactly once (the lines
# counter), the same client records, each address banned (printed) once,
# the hostile addresses of truth.json banned and none of its legitimate
# ones.  Also: --allow, the hook's JSON, the metrics file, --follow.
# Last line: "live: N passed, N failed".
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
export TZ=UTC LC_ALL=C
pass=0 fail=0
tmp=$(mktemp -d)
wpid=
trap '[ -n "$wpid" ] && kill -9 $wpid 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

for t in sqlite3 python3; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "live: $t missing"; echo "live: 0 passed, 1 failed"; exit 1
	fi
done
log=$data/mail.log
total=$(wc -l <"$log")

# what each address is, from the scenario drivers (never from postsleuth)
python3 - "$data/truth.json" "$tmp" <<'PY'
import json, sys
t = json.load(open(sys.argv[1])); out = sys.argv[2]
HOSTILE = {"capability_probe", "idle_timeout", "syntax_probe", "too_many_errors", "http_probe",
           "auth_bruteforce", "auth_bruteforce_tlsdebug", "relay_attempt", "pregreet_pipelining"}
cl = t["clients"]
def w(name, ips): open(f"{out}/{name}", "w").write("".join(f"{i}\n" for i in sorted(ips)))
w("hostile", {ip for ip, c in cl.items() if set(c["scenarios"]) & HOSTILE})
w("legit", {ip for ip, c in cl.items() if not set(c["scenarios"]) & HOSTILE})
PY

# watch ARGS... - the command, dry run, no mynetworks from this machine
watch() { MAIL_CONFIG=$tmp/nocfg "$bin" watch --nft-set "inet filter postsleuth_ban" "$@"; }
mkdir -p "$tmp/nocfg"
echo "mynetworks = 127.0.0.0/8 [::1]/128" >"$tmp/nocfg/main.cf"

. "$top/tests/lib.sh"

# 1. the whole log at once: the reference
mkdir -p "$tmp/ref"
cp "$log" "$tmp/ref/mail.log"
watch --once --state "$tmp/ref/state.db" --metrics "$tmp/ref/metrics.prom" "$tmp/ref/mail.log" \
	>"$tmp/ref/out" 2>"$tmp/ref/err"
check '[ $? = 0 ]' "reference run exit status"
check '[ "$(lines_of "$tmp/ref/state.db")" = "$total" ]' "reference: lines counted $(lines_of "$tmp/ref/state.db"), want $total"
records "$tmp/ref/state.db" >"$tmp/ref/records"
banned "$tmp/ref/out" | sort >"$tmp/ref/banned"
check '[ -s "$tmp/ref/banned" ]' "reference: nothing banned"
check '[ -z "$(banned "$tmp/ref/out" | sort | uniq -d)" ]' "reference: an address banned twice"
check '[ -z "$(comm -23 "$tmp/hostile" "$tmp/ref/banned")" ]' \
	"hostile addresses not banned: $(comm -23 "$tmp/hostile" "$tmp/ref/banned" | tr '\n' ' ')"
check '[ -z "$(comm -12 "$tmp/legit" "$tmp/ref/banned")" ]' \
	"legitimate addresses banned: $(comm -12 "$tmp/legit" "$tmp/ref/banned" | tr '\n' ' ')"
check '[ "$(sqlite3 "$tmp/ref/state.db" "SELECT count(*) FROM verdict WHERE acted")" = "$(wc -l <"$tmp/ref/banned")" ]' \
	"reference: acted verdicts in the state differ from the bans printed"
# the same list as the batch command
MAIL_CONFIG=$tmp/nocfg "$bin" ban "$log" 2>/dev/null | sort >"$tmp/ban-batch"
check 'cmp -s "$tmp/ban-batch" "$tmp/ref/banned"' "watch bans differ from 'postsleuth ban' on the same log"
# metrics
m=$tmp/ref/metrics.prom
check 'grep -qx "postsleuth_lines_total $total" "$m"' "metrics: postsleuth_lines_total"
n_auth=$(sqlite3 "$tmp/ref/state.db" "SELECT count(*) FROM client WHERE verdict = 'auth-bruteforce'")
check 'grep -qx "postsleuth_clients_total{verdict=\"auth-bruteforce\"} $n_auth" "$m"' "metrics: clients_total auth-bruteforce $n_auth"
check 'grep -q "^postsleuth_bans_total{verdict=\"auth-bruteforce\"} [1-9]" "$m"' "metrics: bans_total"
check 'grep -q "^# TYPE postsleuth_follow_lag_seconds gauge" "$m" && [ ! -e "$m.tmp" ]' "metrics: lag gauge, no temporary file left"
check 'grep -q "^postsleuth_findings_total{finding=" "$m"' "metrics: findings_total"
# a second run replaces its own metrics file; a log named as --metrics is left alone
watch --once --state "$tmp/ref/state2.db" --metrics "$m" "$tmp/ref/mail.log" >/dev/null 2>&1
check '[ $? = 0 ] && grep -qx "postsleuth_lines_total $total" "$m"' "metrics: an earlier metrics file replaced"
cp "$log" "$tmp/ref/log-copy"
watch --once --state "$tmp/ref/state3.db" --metrics "$tmp/ref/log-copy" "$tmp/ref/mail.log" >/dev/null 2>"$tmp/ref/err3"
check '[ $? = 2 ] && grep -q "not a metrics file" "$tmp/ref/err3" && cmp -s "$log" "$tmp/ref/log-copy"' \
	"metrics: a log named as --metrics: exit 2 and the file kept"

# 2. the same log in pieces, with each rotation between --once runs
d=$tmp/steps
mkdir -p "$d"
piece() { sed -n "$1,$2p" "$log"; }
q=$((total / 6))
st="--once --state $d/state.db $d/mail.log"
piece 1 $q >"$d/mail.log"
watch $st >"$d/out" 2>>"$d/err"
piece $((q + 1)) $((2 * q)) >>"$d/mail.log"
mv "$d/mail.log" "$d/mail.log.1"                 # rename rotation ...
piece $((2 * q + 1)) $((3 * q)) >>"$d/mail.log.1" # ... the writer has not reopened yet
: >"$d/mail.log"
watch $st >>"$d/out" 2>>"$d/err"
piece $((3 * q + 1)) $((4 * q)) >>"$d/mail.log"   # it has now
watch $st >>"$d/out" 2>>"$d/err"
cp "$d/mail.log" "$d/mail.log.2"; : >"$d/mail.log"   # copytruncate
piece $((4 * q + 1)) $((5 * q)) >>"$d/mail.log"
gzip "$d/mail.log.1"                              # compressed afterwards
watch $st >>"$d/out" 2>>"$d/err"
piece $((5 * q + 1)) "$total" >>"$d/mail.log"
watch $st >>"$d/out" 2>>"$d/err"
check '[ "$(lines_of "$d/state.db")" = "$total" ]' "steps: lines counted $(lines_of "$d/state.db"), want $total"
records "$d/state.db" >"$d/records"
check 'cmp -s "$tmp/ref/records" "$d/records"' "steps: records differ from the reference: $(diff "$tmp/ref/records" "$d/records" | head -4)"
check '[ -z "$(banned "$d/out" | sort | uniq -d)" ]' "steps: an address banned twice: $(banned "$d/out" | sort | uniq -d | tr '\n' ' ')"
check '[ "$(banned "$d/out" | sort)" = "$(cat "$tmp/ref/banned")" ]' "steps: bans differ from the reference"
check 'grep -q "truncated, read from its start\|shorter" "$d/err" || true' "steps: copytruncate said"

# 3. live: a writer appends in bursts and rotates while the follower
# runs; it is killed with SIGKILL twice and restarted; SIGTERM at the end
l=$tmp/live
mkdir -p "$l"
: >"$l/mail.log"
start_watch() {    # not through watch(): $! must be postsleuth itself
	MAIL_CONFIG=$tmp/nocfg "$bin" watch --nft-set "inet filter postsleuth_ban" \
		--state "$l/state.db" "$l/mail.log" >>"$l/out" 2>>"$l/err" &
	wpid=$!
}
start_watch
i=1 k=0
step=150
while [ $i -le "$total" ]; do
	j=$((i + step - 1))
	piece $i $j >>"$l/mail.log"
	i=$((j + 1))
	k=$((k + 1))
	case $k in
	5) mv "$l/mail.log" "$l/mail.log.1"; : >"$l/mail.log" ;;     # rename rotation
	8) kill -9 $wpid; wait $wpid 2>/dev/null; start_watch ;;       # killed mid-stream
	12) cp "$l/mail.log" "$l/mail.log.0"; sleep 0.3; : >"$l/mail.log" ;; # copytruncate
	15) kill -9 $wpid; wait $wpid 2>/dev/null; gzip "$l/mail.log.1"; start_watch ;;
	esac
	sleep 0.05
done
# wait until every line is in the state, then stop it
n=0
while [ "$(lines_of "$l/state.db" 2>/dev/null)" != "$total" ] && [ $n -lt 100 ]; do
	sleep 0.1; n=$((n + 1))
done
kill -TERM $wpid; wait $wpid
check '[ $? = 0 ]' "live: exit status after SIGTERM"
wpid=
check '[ "$(lines_of "$l/state.db")" = "$total" ]' "live: lines counted $(lines_of "$l/state.db"), want $total"
records "$l/state.db" >"$l/records"
check 'cmp -s "$tmp/ref/records" "$l/records"' "live: records differ from the reference: $(diff "$tmp/ref/records" "$l/records" | head -4)"
check '[ -z "$(banned "$l/out" | sort | uniq -d)" ]' "live: an address banned twice: $(banned "$l/out" | sort | uniq -d | tr '\n' ' ')"
check '[ "$(banned "$l/out" | sort)" = "$(cat "$tmp/ref/banned")" ]' "live: bans differ from the reference"
check 'grep -q "state saved" "$l/err"' "live: SIGTERM did not say the state was saved"
# one watcher per state: a second one is refused
start_watch
sleep 0.3
MAIL_CONFIG=$tmp/nocfg "$bin" watch --once --state "$l/state.db" "$l/mail.log" >/dev/null 2>"$l/second"
check '[ $? = 3 ] && grep -q "another postsleuth watch" "$l/second"' "a second watcher on the same state was not refused"
kill -TERM $wpid; wait $wpid; wpid=

# 4. --allow spares an address; the hook gets one JSON object per ban
a=$tmp/allow
mkdir -p "$a"
cp "$log" "$a/mail.log"
spared=$(head -1 "$tmp/ref/banned")
cat >"$a/hook" <<'SH'
#!/bin/sh
cat >>"$(dirname "$0")/hook.out"
SH
chmod +x "$a/hook"
MAIL_CONFIG=$tmp/nocfg "$bin" watch --once --act --hook "$a/hook" --allow "$spared" \
	--state "$a/state.db" "$a/mail.log" >"$a/out" 2>"$a/err"
check 'grep -q "not banned: $spared (.*): --allow" "$a/err"' "--allow: $spared not said as spared"
check '! grep -q "would ban: $spared " "$a/out"' "--allow: $spared banned anyway"
nb=$(grep -c "^would ban: " "$a/out")
check '[ "$nb" = $(( $(wc -l <"$tmp/ref/banned") - 1 )) ]' "--allow: $nb bans"
check 'python3 -c "
import json, sys
v = [json.loads(l) for l in open(sys.argv[1])]
b = [x for x in v if x[\"type\"] == \"ban\"]
assert len(b) == int(sys.argv[2]) and all(x[\"acted\"] for x in b), v
assert [x[\"account\"] for x in v if x[\"type\"] == \"account-alert\"] == [\"dave\"], v
" "$a/hook.out" "$nb"' "hook: want $nb JSON ban objects and an alert for dave"

# 5. report --state: the verdicts and counts of a batch report, from the
# state the live run left (killed twice, rotated) without the logs
"$bin" report --all --json --state "$l/state.db" >"$tmp/rs.json" 2>"$tmp/rs.err"
check '[ $? = 0 ]' "report --state: exit status"
MAIL_CONFIG=$tmp/nocfg "$bin" report --all --json "$log" >"$tmp/rb.json" 2>/dev/null
check 'python3 -c "
import json, sys
s, b = (json.load(open(f)) for f in sys.argv[1:3])
key = lambda c: (c[\"ip\"], c[\"verdict\"], c[\"sessions\"], c[\"auth_failures\"], c[\"messages\"], c[\"recipients\"])
assert sorted(map(key, s[\"clients\"])) == sorted(map(key, b[\"clients\"])), (s[\"clients\"], b[\"clients\"])
akey = lambda a: (a[\"username\"], a[\"verdict\"], a[\"logins\"], a[\"messages\"], a[\"recipients\"])
assert sorted(map(akey, s[\"accounts\"])) == sorted(map(akey, b[\"accounts\"]))
" "$tmp/rs.json" "$tmp/rb.json"' "report --state: clients or accounts differ from the batch report"
check 'grep -q "no evidence lines" "$tmp/rs.err"' "report --state: does not say what it lacks"
"$bin" report --state "$tmp/none.db" >/dev/null 2>&1
check '[ $? = 1 ]' "report --state on a missing database: want exit 1"

# 6. SIGHUP reopens (mynetworks read again) and loses nothing
h=$tmp/hup
mkdir -p "$h"
piece 1 100 >"$h/mail.log"
MAIL_CONFIG=$tmp/nocfg "$bin" watch --state "$h/state.db" "$h/mail.log" >/dev/null 2>"$h/err" &
wpid=$!
n=0
while [ "$(lines_of "$h/state.db" 2>/dev/null)" != 100 ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
kill -HUP $wpid
piece 101 200 >>"$h/mail.log"
n=0
while [ "$(lines_of "$h/state.db" 2>/dev/null)" != 200 ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
kill -TERM $wpid; wait $wpid; wpid=
check 'grep -q "SIGHUP: mynetworks read again" "$h/err" && [ "$(lines_of "$h/state.db")" = 200 ]' \
	"SIGHUP: $(lines_of "$h/state.db") lines counted, want 200: $(cat "$h/err")"

# 7. --follow points to watch; watch takes one file
"$bin" --follow "$log" >/dev/null 2>"$tmp/f.err"
check '[ $? = 2 ] && grep -q "it is an option of watch" "$tmp/f.err"' "--follow: no pointer to watch: $(cat "$tmp/f.err")"
"$bin" watch --follow --once --state "$tmp/f.db" "$log" >/dev/null 2>&1
check '[ $? = 0 ]' "watch --follow: want it accepted"
"$bin" watch --state "$tmp/x.db" "$log" "$log" >/dev/null 2>&1
check '[ $? = 2 ]' "watch with two files: want a usage error"

# 8. an open relay's users: watch reaches report's relay-abuser verdicts
# (decided at each save from the closed messages, not for each line) and
# bans what "ban" lists; the admin's own user and partner stay legitimate
r=$tmp/relay
mkdir -p "$r"
cp "$top/tests/data/variants-trust/01a-open-relay-partner-and-user/input.log" "$r/mail.log"
watch --once --state "$r/state.db" "$r/mail.log" >"$r/out" 2>"$r/err"
check '[ $? = 0 ]' "open relay: watch exit status"
sqlite3 "$r/state.db" "SELECT addr FROM client WHERE verdict = 'relay-abuser'" | sort >"$r/live"
MAIL_CONFIG=$tmp/nocfg "$bin" report --all --json "$r/mail.log" 2>/dev/null |
	python3 -c "import json, sys; [print(c['ip']) for c in json.load(sys.stdin)['clients'] if c['verdict'] == 'relay-abuser']" |
	sort >"$r/batch"
check '[ -s "$r/batch" ] && cmp -s "$r/live" "$r/batch"' \
	"open relay: watch's relay-abusers ($(tr '\n' ' ' <"$r/live")) differ from report's ($(tr '\n' ' ' <"$r/batch"))"
banned "$r/out" | sort >"$r/banned"
MAIL_CONFIG=$tmp/nocfg "$bin" ban "$r/mail.log" 2>/dev/null | sort >"$r/ban-batch"
check 'cmp -s "$r/banned" "$r/ban-batch"' "open relay: watch bans differ from 'postsleuth ban'"
check '! grep -qx "198.51.100.7\|198.51.100.20" "$r/banned"' "open relay: an own user or partner banned"

echo "live: $pass passed, $fail failed"
[ "$fail" = 0 ]
