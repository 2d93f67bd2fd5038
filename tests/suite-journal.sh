#!/bin/sh
# suite-journal.sh BIN - "postsleuth watch" following a systemd journal
# file that grows, written by the real systemd-journal-remote (Debian
# package systemd-journal-remote) from tests/data/mail.log turned into
# journal export format.  Each run's SQLite state is compared with one
# --once run over the whole journal, itself compared with the batch
# commands on the same journal file (report --json, ban) and with watch
# on the same log as text: every entry counted exactly once through
# --once steps, kill -9 mid-stream and SIGHUP; the saved entry vacuumed;
# --from-end; a state of schema 1 (before the journal) carried on.
# Without systemd-journal-remote, or a build without libsystemd, the
# suite is skipped, except with CI=true where that is a failure.
# Last line: "journal: N passed, N failed, N skipped".
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
export TZ=UTC LC_ALL=C
pass=0 fail=0 skipped=0
tmp=$(mktemp -d)
wpid=
trap '[ -n "$wpid" ] && kill -9 $wpid 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }
finish() { echo "journal: $pass passed, $fail failed, $skipped skipped"; [ "$fail" = 0 ]; exit; }
skip() {
	if [ "${CI:-}" = true ]; then bad "$1 (CI=true)"; else skipped=1; echo "SKIP $1"; fi
	finish
}

for t in sqlite3 python3; do
	command -v $t >/dev/null 2>&1 || { bad "$t missing"; finish; }
done
jremote=
for p in /lib/systemd/systemd-journal-remote /usr/lib/systemd/systemd-journal-remote; do
	[ -x "$p" ] && { jremote=$p; break; }
done
[ -n "$jremote" ] || skip "systemd-journal-remote not installed (Debian: apt-get install systemd-journal-remote)"

log=$data/mail.log
total=$(wc -l <"$log")

# the log as journal export format, one entry per line of mail.log, the
# fields journald gives a syslog line (Postfix's with its unit)
python3 - "$log" "$tmp/all.export" <<'PY'
import datetime, re, sys
out = open(sys.argv[2], "wb")
for raw in open(sys.argv[1], "rb"):
    line = raw.rstrip(b"\n").decode("utf-8", "surrogateescape")
    m = re.match(r"(\S+) (\S+) ([^\[: ]+)(?:\[(\d+)\])?: (.*)$", line)
    t = datetime.datetime.fromisoformat(m[1])
    us = int(t.timestamp()) * 1000000 + t.microsecond
    f = [f"__REALTIME_TIMESTAMP={us}", f"_HOSTNAME={m[2]}", f"SYSLOG_IDENTIFIER={m[3]}"]
    if m[4]:
        f.append(f"SYSLOG_PID={m[4]}")
    if m[3].startswith("postfix"):
        f.append("_SYSTEMD_UNIT=postfix@-.service")
    f.append(f"MESSAGE={m[5]}")
    out.write(("\n".join(f) + "\n\n").encode("utf-8", "surrogateescape"))
PY
# entries A..B (from 1) appended to the journal file J
entries() {
	awk -v a="$2" -v b="$3" 'BEGIN { RS = ""; ORS = "\n\n" } NR >= a && NR <= b' "$tmp/all.export" |
		"$jremote" --output="$1" - 2>>"$tmp/jremote.err"
}

# watch ARGS... - the command, dry run, no mynetworks from this machine
mkdir -p "$tmp/nocfg"
echo "mynetworks = 127.0.0.0/8 [::1]/128" >"$tmp/nocfg/main.cf"
watch() { MAIL_CONFIG=$tmp/nocfg "$bin" watch --nft-set "inet filter postsleuth_ban" "$@"; }
. "$top/tests/lib.sh"
# wait_lines DB N - until N lines are saved (at most 15 s)
wait_lines() {
	n=0
	while [ "$(lines_of "$1" 2>/dev/null)" != "$2" ] && [ $n -lt 150 ]; do sleep 0.1; n=$((n + 1)); done
}

# 1. the whole journal at once
r=$tmp/ref
mkdir -p "$r"
entries "$r/mail.journal" 1 "$total"
check '[ -s "$r/mail.journal" ]' "systemd-journal-remote wrote no journal file: $(cat "$tmp/jremote.err")"
if "$bin" report --json "$r/mail.journal" 2>&1 >/dev/null | grep -q "without libsystemd"; then
	skip "this postsleuth was built without libsystemd"
fi
watch --once --state "$r/state.db" "$r/mail.journal" >"$r/out" 2>"$r/err"
check '[ $? = 0 ]' "reference run exit status: $(cat "$r/err")"
check 'grep -q "following $r/mail.journal" "$r/err"' "a journal file is not recognised: $(head -2 "$r/err")"
check '[ "$(lines_of "$r/state.db")" = "$total" ]' "reference: entries counted $(lines_of "$r/state.db"), want $total"
check '[ "$(sqlite3 "$r/state.db" "SELECT count(*) FROM journal WHERE source = '"'$r/mail.journal'"' AND cursor LIKE '"'s=%'"'")" = 1 ]' \
	"reference: no cursor saved"
records "$r/state.db" >"$r/records"
banned "$r/out" | sort >"$r/banned"
check '[ -s "$r/banned" ] && [ -z "$(uniq -d "$r/banned")" ]' "reference: nothing banned, or an address twice"
# the same as watch on the log as text
cp "$log" "$r/mail.log"
watch --once --state "$r/text.db" "$r/mail.log" >"$r/text.out" 2>"$r/text.err"
check 'records "$r/text.db" | cmp -s - "$r/records"' "journal and text records differ: $(records "$r/text.db" | diff - "$r/records" | head -4)"
# the same as the batch commands on the journal file
MAIL_CONFIG=$tmp/nocfg "$bin" ban "$r/mail.journal" 2>/dev/null | sort >"$r/ban-batch"
check 'cmp -s "$r/ban-batch" "$r/banned"' "watch bans differ from 'postsleuth ban' on the journal file"
"$bin" report --all --json --state "$r/state.db" >"$r/rs.json" 2>/dev/null
MAIL_CONFIG=$tmp/nocfg "$bin" report --all --json "$r/mail.journal" >"$r/rb.json" 2>/dev/null
check 'python3 -c "
import json, sys
s, b = (json.load(open(f)) for f in sys.argv[1:3])
assert b[\"clients\"] and b[\"accounts\"]
key = lambda c: (c[\"ip\"], c[\"verdict\"], c[\"sessions\"], c[\"auth_failures\"], c[\"messages\"], c[\"recipients\"])
assert sorted(map(key, s[\"clients\"])) == sorted(map(key, b[\"clients\"]))
akey = lambda a: (a[\"username\"], a[\"verdict\"], a[\"logins\"], a[\"messages\"], a[\"recipients\"])
assert sorted(map(akey, s[\"accounts\"])) == sorted(map(akey, b[\"accounts\"]))
" "$r/rs.json" "$r/rb.json"' "watch --once on the journal differs from report --json on it"

# 2. the journal in pieces, a --once run after each: the sessions and
# messages open at each stop are rebuilt from the replay, none counted twice
d=$tmp/steps
mkdir -p "$d"
q=$((total / 5))
for k in 1 2 3 4 5; do
	a=$(( (k - 1) * q + 1 )) b=$((k * q))
	[ $k = 5 ] && b=$total
	entries "$d/mail.journal" $a $b
	watch --once --state "$d/state.db" "$d/mail.journal" >>"$d/out" 2>>"$d/err"
	check '[ "$(lines_of "$d/state.db")" = "$b" ]' "steps: after piece $k, $(lines_of "$d/state.db") entries counted, want $b"
done
check '[ "$(sqlite3 "$d/state.db" "SELECT replay_us > 0 FROM journal")" = 0 ]' "steps: something still open at the end"
check 'records "$d/state.db" | cmp -s - "$r/records"' "steps: records differ from the reference: $(records "$d/state.db" | diff - "$r/records" | head -4)"
check '[ "$(banned "$d/out" | sort)" = "$(cat "$r/banned")" ]' "steps: bans differ from the reference"

# 3. live: entries written in bursts while the watcher runs; kill -9
# twice (entries written while it is down), SIGHUP once, SIGTERM at the end
l=$tmp/live
mkdir -p "$l"
start_watch() {    # not through watch(): $! must be postsleuth itself
	MAIL_CONFIG=$tmp/nocfg "$bin" watch --nft-set "inet filter postsleuth_ban" \
		--state "$l/state.db" "$l/mail.journal" >>"$l/out" 2>>"$l/err" &
	wpid=$!
}
entries "$l/mail.journal" 1 50
start_watch
i=51 k=0 step=300
while [ $i -le "$total" ]; do
	j=$((i + step - 1))
	entries "$l/mail.journal" $i $j
	i=$((j + 1))
	k=$((k + 1))
	case $k in
	3) wait_lines "$l/state.db" $j; kill -HUP $wpid ;;
	4) sleep 0.3; kill -9 $wpid; wait $wpid 2>/dev/null; start_watch ;;        # killed mid-stream
	7) kill -9 $wpid; wait $wpid 2>/dev/null
	   entries "$l/mail.journal" $i $((i + 99)); i=$((i + 100)); start_watch ;;  # written while down
	esac
	sleep 0.2
done
wait_lines "$l/state.db" "$total"
kill -TERM $wpid; wait $wpid
check '[ $? = 0 ]' "live: exit status after SIGTERM"
wpid=
check '[ "$(lines_of "$l/state.db")" = "$total" ]' "live: entries counted $(lines_of "$l/state.db"), want $total"
check 'records "$l/state.db" | cmp -s - "$r/records"' "live: records differ from the reference: $(records "$l/state.db" | diff - "$r/records" | head -4)"
check '[ -z "$(banned "$l/out" | sort | uniq -d)" ]' "live: an address banned twice: $(banned "$l/out" | sort | uniq -d | tr '\n' ' ')"
check '[ "$(banned "$l/out" | sort)" = "$(cat "$r/banned")" ]' "live: bans differ from 'postsleuth ban'"
check 'grep -q "SIGHUP: mynetworks read again, $l/mail.journal reopened" "$l/err" && grep -q "state saved" "$l/err"' \
	"live: SIGHUP or SIGTERM not said: $(cat "$l/err")"
check '! grep -q "gone\|not met" "$l/err"' "live: a cut was said: $(grep "gone\|not met" "$l/err")"

# 4. the saved entry vacuumed: the file now holds only later entries (a
# journal of its own, another seqnum id); reading goes on after the saved
# time, said on stderr, nothing counted twice
v=$tmp/vacuum
mkdir -p "$v"
half=$((total / 2))
entries "$v/mail.journal" 1 $half
watch --once --state "$v/state.db" "$v/mail.journal" >/dev/null 2>"$v/first.err"
rm "$v/mail.journal"
entries "$v/mail.journal" $((half - 99)) "$total"
watch --once --state "$v/state.db" "$v/mail.journal" >/dev/null 2>"$v/err"
check 'grep -q "the entry we stopped at is gone from $v/mail.journal .*: reading on from the first entry after 2026-" "$v/err"' \
	"vacuumed: not said: $(cat "$v/err")"
after=$(awk -v h=$half 'BEGIN { RS = "" } NR == h { print }' "$tmp/all.export" | sed -n 's/^__REALTIME_TIMESTAMP=//p')
later=$(awk -v h=$half -v t="$after" 'BEGIN { RS = "" } NR > h { split($0, f, "\n"); sub("__REALTIME_TIMESTAMP=", "", f[1]); if (f[1] + 0 > t + 0) n++ } END { print n + 0 }' "$tmp/all.export")
check '[ "$(lines_of "$v/state.db")" = $((half + later)) ]' "vacuumed: $(lines_of "$v/state.db") entries counted, want $((half + later))"

# 5. --from-end: only what is written after the start
e=$tmp/end
mkdir -p "$e"
entries "$e/mail.journal" 1 200
MAIL_CONFIG=$tmp/nocfg "$bin" watch --from-end --state "$e/state.db" "$e/mail.journal" >/dev/null 2>"$e/err" &
wpid=$!
n=0     # it says "following" once it stands at the end
while ! grep -q "following" "$e/err" && [ $n -lt 150 ]; do sleep 0.1; n=$((n + 1)); done
entries "$e/mail.journal" 201 300
wait_lines "$e/state.db" 100
kill -TERM $wpid; wait $wpid; wpid=
check '[ "$(lines_of "$e/state.db")" = 100 ]' "--from-end: $(lines_of "$e/state.db") entries counted, want 100"

# 6. a state written before the journal (schema 1: no journal table) is
# carried on: made so from a run on the text log, then followed further
s=$tmp/schema1
mkdir -p "$s"
sed -n "1,${half}p" "$log" >"$s/mail.log"
watch --once --state "$s/state.db" "$s/mail.log" >"$s/out" 2>"$s/first.err"
sqlite3 "$s/state.db" "DROP TABLE journal; UPDATE meta SET value = 1 WHERE key = 'schema'"
sed -n "$((half + 1)),${total}p" "$log" >>"$s/mail.log"
watch --once --state "$s/state.db" "$s/mail.log" >>"$s/out" 2>"$s/err"
check '[ $? = 0 ]' "schema 1: refused: $(cat "$s/err")"
check '[ "$(sqlite3 "$s/state.db" "SELECT value FROM meta WHERE key = '"'schema'"'")" = 2 ]' "schema 1: not migrated"
check '[ "$(lines_of "$s/state.db")" = "$total" ]' "schema 1: $(lines_of "$s/state.db") lines counted, want $total"
check 'records "$s/state.db" | cmp -s - "$r/records"' "schema 1: records differ from the reference"

# 7. the local journal: --journal alone follows it (whatever it holds here)
watch --journal --once --state "$tmp/local.db" >/dev/null 2>"$tmp/local.err"
check '[ $? = 0 ] && grep -q "following the local journal" "$tmp/local.err"' "--journal: $(cat "$tmp/local.err")"

# ... and with a file, only a journal file: one source at a time
watch --journal --once --state "$tmp/x.db" "$log" >/dev/null 2>"$tmp/x.err"
check '[ $? = 2 ] && grep -q "is not one (one source at a time)" "$tmp/x.err"' "--journal with a text file: want a usage error: $(cat "$tmp/x.err")"
watch --journal --once --state "$tmp/y.db" "$r/mail.journal" >/dev/null 2>"$tmp/y.err"
check '[ "$(lines_of "$tmp/y.db")" = "$total" ]' "--journal with a journal file: $(lines_of "$tmp/y.db") entries, want $total"

# no sanitizer report in any run's stderr (under make check's ASan build)
san=$(find "$tmp" -name '*err' -exec grep -lE 'runtime error|AddressSanitizer|LeakSanitizer' {} + 2>/dev/null)
check '[ -z "$san" ]' "sanitizer report in: $san"

finish
