#!/bin/sh
# suite-secrets.sh BIN - no output path prints a SASL secret unless
# --show-secrets.  tests/data/secrets-planted.log is made of real line
# shapes (the corpus's 203.0.113.251 session, seed 004, Postfix's SASL
# debug lines) with known passwords planted: AUTH PLAIN with an initial
# response (-v and a cut TLS-debug Read), AUTH LOGIN under -v only and
# under TLS debug only, PLAIN whole in a Read and PLAIN without initial
# response, answers pipelined after AUTH, a postscreen PREGREET holding
# an AUTH, Cyrus's decoded answers, Dovecot's "given password", and the
# smtp client's own relay password.  Every command runs, text and JSON,
# and no output may hold a password in clear, in base64, or any 8
# characters of its base64 at any alignment.  The corpus's mail.log is
# checked the same way for the passwords 203.0.113.251 tried.  Then the
# placeholders must be there, and --show-secrets must show the decoded
# passwords where they are meant to be (explain) and the raw lines in
# the report's evidence.
# Last line: "secrets: N passed, N failed".
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
log=$data/secrets-planted.log
export TZ=UTC LC_ALL=C NO_COLOR=1
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

if ! command -v python3 >/dev/null 2>&1; then
	echo "secrets: python3 missing"; echo "secrets: 0 passed, 1 failed"; exit 1
fi

# out NAME ARGS... - run one command; stdout and stderr kept as out/NAME
mkdir -p "$tmp/out" "$tmp/corpus"
n=0
out() {
	name=$1; shift
	n=$((n + 1))
	"$bin" "$@" >"$tmp/out/$(printf %03d $n)-$name" 2>&1 </dev/null
}

for j in "" --json; do
	s=${j:+-json}
	out "report$s" report $j "$log"
	out "report-all$s" report --all $j "$log"
	out "clients$s" clients $j "$log"
	out "accounts$s" accounts $j "$log"
	out "explain$s" explain $j "$log"
	for ip in 192.0.2.31 192.0.2.32 192.0.2.33 192.0.2.34 192.0.2.35 192.0.2.36 192.0.2.37 \
		192.0.2.38; do
		out "explain-ip-$ip$s" explain --ip $ip $j "$log"
	done
	for acct in alice@example.test bob carol dan erin eve grace heidi relayuser; do
		out "explain-account-$acct$s" explain --account $acct $j "$log"
	done
	for sid in 1 2 3 4 5 6 7 8; do
		out "explain-session-$sid$s" explain --session $sid $j "$log"
	done
	out "explain-qid$s" explain --queue-id 4A1B2C3D4E $j "$log"
	for q in 4A1B2C3D4E 192.0.2.38 heidi@example.test ivan@example.net \
		'<20261122120000.1@laptop.example.test>'; do
		out "trace-$q$s" trace $j "$q" "$log"
	done
	out "summary$s" summary $j "$log"
	out "stats$s" stats $j "$log"
	out "advise$s" advise $j "$log"
	# piped: out() would give it /dev/null, so run it here
	n=$((n + 1))
	"$bin" report $j - <"$log" >"$tmp/out/$(printf %03d $n)-report-stdin$s" 2>&1
	n=$((n + 1))
	"$bin" explain $j - <"$log" >"$tmp/out/$(printf %03d $n)-explain-stdin$s" 2>&1
done
# the web page: every evidence line and drill-down of every client
out report-html report --all --html - "$log"
out events events "$log"
out events-all events --all "$log"
# a window that begins inside AUTH LOGIN exchanges (B's password line):
# the conversation's state is unknown there
out events-since events --all --since 2026-11-22T12:00:27 "$log"
out explain-since explain --since 2026-11-22T12:00:27 "$log"
out report-since report --since 2026-11-22T12:00:27 "$log"
for f in plain nft ipset postfix-cidr postscreen; do
	out "ban-$f" ban --format $f --allow 127.0.0.0/8 "$log"
	out "ban-$f-all" ban --format $f --include-authenticated --aggregate --allow 127.0.0.0/8 "$log"
done
out fail2ban fail2ban "$log"
mkdir -p "$tmp/out/f2b-dir"
"$bin" fail2ban --output "$tmp/out/f2b-dir" "$log" >"$tmp/out/fail2ban-output" 2>&1

# the same lines as journalctl -o json writes them, each message with a
# quote (escaped in the JSON, so the message read is no span of the line):
# every line shown (evidence, explain, samples) hides the secrets too
mkdir -p "$tmp/json"
python3 - "$log" "$tmp/planted.json" <<'PY'
import datetime, json, re, sys
out = open(sys.argv[2], "w")
for raw in open(sys.argv[1]):
    m = re.match(r"(\S+) (\S+) ([^\[: ]+)(?:\[(\d+)\])?: (.*)$", raw.rstrip("\n"))
    if not m:
        continue
    t = datetime.datetime.fromisoformat(m[1])
    d = {"__REALTIME_TIMESTAMP": str(int(t.timestamp()) * 1000000 + t.microsecond),
         "_HOSTNAME": m[2], "SYSLOG_IDENTIFIER": m[3], "MESSAGE": m[5] + ' "q"'}
    if m[4]:
        d["SYSLOG_PID"] = m[4]
    out.write(json.dumps(d) + "\n")
PY
for j in "" --json; do
	s=${j:+-json}
	for c in report explain summary advise; do
		"$bin" $c $j "$tmp/planted.json" >"$tmp/json/$c$s" 2>&1
	done
	"$bin" report --all $j "$tmp/planted.json" >"$tmp/json/report-all$s" 2>&1
	"$bin" explain --session 1 $j "$tmp/planted.json" >"$tmp/json/explain-session$s" 2>&1
	"$bin" trace $j 4A1B2C3D4E "$tmp/planted.json" >"$tmp/json/trace$s" 2>&1
done
"$bin" events --all "$tmp/planted.json" >"$tmp/json/events-all" 2>&1
"$bin" report --all --html - "$tmp/planted.json" >"$tmp/json/report-html" 2>&1

# the corpus: 203.0.113.251's -v and TLS-debug session
for j in "" --json; do
	s=${j:+-json}
	"$bin" report $j "$data/mail.log" >"$tmp/corpus/report$s" 2>&1
	"$bin" explain --ip 203.0.113.251 $j "$data/mail.log" >"$tmp/corpus/explain$s" 2>&1
	"$bin" trace $j 203.0.113.251 "$data/mail.log" >"$tmp/corpus/trace$s" 2>&1
done
"$bin" events --all "$data/mail.log" >"$tmp/corpus/events-all" 2>&1

# leaks DIR PASSWORD... - every file under DIR against every form of
# each password; "=TEXT" is looked for as it is
leaks() {
	python3 - "$@" <<'PY'
import base64, os, sys
root, pws = sys.argv[1], [p for p in sys.argv[2:] if not p.startswith("=")]
literals = [p[1:] for p in sys.argv[2:] if p.startswith("=")]
def forms(pw):
    """the password, its base64, and every 8 characters of base64 that
    only its bytes decide, at the three alignments it can have inside a
    longer blob (PLAIN's authzid NUL authcid NUL password)"""
    raw = pw.encode()
    f = {pw, base64.b64encode(raw).decode().rstrip("=")}
    for a in range(3):
        enc = base64.b64encode(b"\0" * a + raw).decode()
        lo = -(-8 * a // 6)                   # first char decided by the password alone
        hi = (8 * (a + len(raw))) // 6        # one past the last
        part = enc[lo:hi]
        for i in range(len(part) - 7):
            f.add(part[i:i + 8])
    return f
checks = {pw: forms(pw) for pw in pws}
checks.update({"=" + s: {s} for s in literals})
bad = 0
files = []
for d, _, names in os.walk(root):
    files += [os.path.join(d, x) for x in names]
for path in sorted(files):
    text = open(path, "rb").read().decode("utf-8", "replace")
    for pw, fs in checks.items():
        for s in sorted(fs):
            if s in text:
                k = text.index(s)
                print("LEAK %s: %r (form %r) in ...%s..." % (os.path.relpath(path, root), pw, s,
                      text[max(0, k - 60):k + 60].replace("\n", " ")))
                bad += 1
                break
print("files %d" % len(files))
sys.exit(1 if bad else 0)
PY
}

planted="Tr0ub4dor&3xyz correcthorsebattery hunter2hunter2 Zq9plain! n0IRsecretX1 pipel1nedSecret
pregreetPw99 cyrusDecoded7 legitUserPw42 R3layK3yQ77"
# shellcheck disable=SC2086
if leaks "$tmp/out" $planted >"$tmp/leaks" 2>&1; then ok; else bad "planted passwords in the output:"; head -40 "$tmp/leaks"; fi
# shellcheck disable=SC2086
if leaks "$tmp/json" $planted >"$tmp/leaks-json" 2>&1; then ok; else
	bad "planted passwords in the output for the journal's JSON:"; head -20 "$tmp/leaks-json"; fi
grep -q "AUTH PLAIN" "$tmp/json/explain" && ok || bad "journal JSON: explain shows no AUTH line"
nfiles=$(sed -n 's/^files //p' "$tmp/leaks")
# every command's output, and the files fail2ban --output wrote
if [ "${nfiles:-0}" -gt $n ]; then ok; else bad "only ${nfiles:-0} outputs of $n commands were checked"; fi
# 203.0.113.251 tried "password" (LOGIN and PLAIN) and "test123"; the
# plain word and "UGFzc3dvcmQ6" (the server's "Password:" prompt) are
# everywhere, so "password" is looked for as its two base64 forms
if leaks "$tmp/corpus" test123 =cGFzc3dvcmQ =c3N3b3Jk >"$tmp/leaks2" 2>&1; then ok; else
	bad "203.0.113.251's passwords in the corpus outputs:"; head -20 "$tmp/leaks2"; fi

# the commands really showed the exchanges, redacted
has() { # has FILE-GLOB TEXT WHAT
	if grep -F -q -- "$2" $1 2>/dev/null; then ok; else bad "$3: no '$2' in $1"; fi
}
o=$tmp/out
# the default report tells one member of a campaign (192.0.2.31-37 are one
# distributed password guessing), --all every member
has "$o/*-report" 'AUTH PLAIN <redacted: 48 bytes; user "alice@example.test">' "report evidence"
has "$o/*-report" 'Read 61 chars: AUTH PLAIN <redacted: 29 bytes, cut; user "alice@example.test">' "report evidence, cut Read"
has "$o/*-report-all" '< unknown[192.0.2.32]: <redacted: 4 bytes; user "bob">' "report evidence, LOGIN username"
has "$o/*-report-all" '< unknown[192.0.2.32]: <redacted: 28 bytes>' "report evidence, LOGIN password"
has "$o/*-report-all" 'Read 22 chars: <redacted: 20 bytes>??' "report evidence, TLS-debug password"
has "$o/*-report-json" 'AUTH PLAIN <redacted: 48 bytes; user \"alice@example.test\">' "report --json evidence"
has "$o/*-events" '"command":"<redacted: 28 bytes>"' "events, -v answer"
has "$o/*-events-all" 'init_response <redacted: 48 bytes>' "events --all, xsasl debug line"
has "$o/*-events-all" '(given password: <redacted: 19 bytes>)' "events --all, Dovecot"
has "$o/*-events-all" "pass \`<redacted: 11 bytes>'" "events --all, smtp_sasl_passwd_lookup"
has "$o/*-events-since" '"command":"<redacted: 28 bytes>"' "events joined mid-exchange"
has "$o/*-explain-ip-192.0.2.32" 'client: <redacted: 28 bytes>' "explain dialogue"
has "$o/*-explain-ip-192.0.2.32" 'tries to log in as "bob", password (hidden' "explain decoded AUTH"
has "$o/*-explain-ip-192.0.2.32-json" '["<","<redacted: 28 bytes>"]' "explain --json dialogue"
has "$o/*-trace-4A1B2C3D4E-json" '["<","<redacted: 20 bytes>"]' "trace --json dialogue"

# --show-secrets: decoded where explain is made to tell them, raw in the evidence
sh_out() { cmd=$1; shift; "$bin" "$cmd" --show-secrets "$@" 2>&1; }
sh_out explain --ip 192.0.2.32 "$log" >"$tmp/s1"
has "$tmp/s1" 'tries to log in as "bob", password "correcthorsebattery"' "--show-secrets explain, LOGIN"
sh_out explain --ip 192.0.2.31 "$log" >"$tmp/s2"
has "$tmp/s2" 'tries to log in as "alice@example.test", password "Tr0ub4dor&3xyz"' "--show-secrets explain, PLAIN"
sh_out explain --ip 192.0.2.33 "$log" >"$tmp/s3"
has "$tmp/s3" 'password "hunter2hunter2"' "--show-secrets explain, TLS-debug LOGIN"
sh_out explain --ip 192.0.2.34 "$log" >"$tmp/s4"
has "$tmp/s4" 'password "n0IRsecretX1"' "--show-secrets explain, PLAIN without initial response"
sh_out report --all "$log" >"$tmp/s5"
has "$tmp/s5" '< unknown[192.0.2.32]: Y29ycmVjdGhvcnNlYmF0dGVyeQ==' "--show-secrets report evidence"

echo "secrets: $pass passed, $fail failed"
[ "$fail" = 0 ]
