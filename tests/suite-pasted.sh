#!/bin/sh
# suite-pasted.sh BIN - lines as admins paste them (docs/VARIANTS.md,
# "Pasted lines"):
#  1. every qa-dev question's input.log ($POSTSLEUTH_SHARED/qa-dev, read
#     at run time; skipped when absent): no Postfix line left unknown,
#     every line a Postfix line but for the exceptions listed below with
#     their reason, and the hosts read from the lines as written (no host
#     made up from a docker-compose label, a level or a '|');
#  2. a web-UI export newest first (tests/data/pasted) gives the clients,
#     sessions and messages of the same lines as syslog wrote them, and
#     tests/data/mail.log read backwards the same report as forwards;
#  3. the message alone (no prefix, no tag) is read when its words tell
#     its program, never from mail or prose.
# Last line: "pasted: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${POSTSLEUTH_SHARED:-$top/../shared}
export TZ=UTC LC_ALL=C
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL pasted $*"; }

# field NAME - a number from the stats --json object in $tmp/stats
field() { sed -E "s/.*\"$1\":([0-9]+).*/\1/" "$tmp/stats"; }

# The qa-dev cases: NN, then the lines that are rightly not Postfix lines
# (other programs, no prefix), then the hosts the lines name ("-" for a
# line without host), sorted.  A reason for every exception.
#   25: the kernel logs the milter's segfault (2 lines of "kernel:")
#   26: the paste tool wrapped a line: "- ile or directory" has no prefix
#   34: the milter's own line ("rmilter[3897]: ...")
cases='
01 0 0 listy
02 0 0 mail
04 0 0 -
05 0 0 mx
07 0 0 779f6c28bfa9
08 0 0 mail
10 0 0 mx
11 0 0 anonaddy
13 0 0 MainServer
14 0 0 mail
16 0 0 email
17 0 0 -,nixe.k4cg.org
19 0 0 -
20 0 0 mail
22 0 0 email
23 0 0 -
25 2 0 host
26 0 1 mail
28 0 0 -,mail
29 0 0 postfix
31 0 0 mx.example.com
32 0 0 mail
34 1 0 myserver
35 0 0 mail
37 0 0 -
38 0 0 docker-mailserver-58b49658b7-cd4tc
'
if [ -d "$shared/qa-dev" ]; then
	for d in "$shared"/qa-dev/[0-9]*/; do
		[ -f "$d/input.log" ] || continue
		nn=$(basename "$d" | cut -c1-2)
		want=$(echo "$cases" | awk -v n="$nn" '$1 == n')
		if [ -z "$want" ]; then
			ko "qa-dev $nn: a case this suite does not know: add it to its table"
			continue
		fi
		set -- $want
		w_other=$2 w_noprefix=$3 w_hosts=$4
		"$bin" stats --json "$d/input.log" >"$tmp/stats" 2>/dev/null
		lines=$(field lines) postfix=$(field postfix) unknown=$(field unknown)
		other=$(field other) noprefix=$(field no_prefix)
		if [ "$unknown" != 0 ]; then
			ko "qa-dev $nn: $unknown Postfix lines of no known kind"
			"$bin" events "$d/input.log" 2>/dev/null | grep '"type":"unknown"' | head -5
		else
			ok
		fi
		if [ "$other" != "$w_other" ] || [ "$noprefix" != "$w_noprefix" ] ||
			[ $((postfix + other + noprefix)) != "$lines" ]; then
			ko "qa-dev $nn: of $lines lines $postfix Postfix, $other other, $noprefix without prefix; want $w_other other, $w_noprefix without prefix"
		else
			ok
		fi
		hosts=$("$bin" events --all "$d/input.log" 2>/dev/null |
			grep -v '"type":"\(session\|message\)"' |
			sed -E 's/.*"host":"([^"]*)".*/\1/; s/^$/-/' | sort -u | paste -sd, -)
		if [ "$hosts" != "$w_hosts" ]; then
			ko "qa-dev $nn: hosts \"$hosts\", want \"$w_hosts\""
		else
			ok
		fi
	done
else
	echo "pasted: no $shared/qa-dev, its cases skipped"
fi

# the same lines as syslog wrote them and as a web UI exported them,
# newest first ("date | level | message", no host, whole seconds)
data=$top/tests/data
head -n 400 "$data/mail.log" >"$tmp/fwd.log"
web=$data/pasted/web-ui-newest-first.log
"$bin" clients "$tmp/fwd.log" >"$tmp/a" 2>&1
"$bin" clients "$web" >"$tmp/b" 2>&1
if cmp -s "$tmp/a" "$tmp/b" && [ -s "$tmp/a" ]; then ok; else
	ko "web-UI export newest first: clients differ from the syslog lines'"
	diff "$tmp/a" "$tmp/b" | head -10
fi
sm() { "$bin" stats --json "$1" | sed -E 's/.*("sessions":[0-9]+,"messages":[0-9]+).*/\1/'; }
a=$(sm "$tmp/fwd.log") b=$(sm "$web")
[ "$a" = "$b" ] && ok || ko "web-UI export newest first: $b, want $a"

# the whole test log backwards: the same report but for evidence order
awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }' "$data/mail.log" >"$tmp/rev.log"
for cmd in clients accounts summary; do
	"$bin" $cmd "$data/mail.log" >"$tmp/a" 2>&1
	"$bin" $cmd "$tmp/rev.log" >"$tmp/b" 2>&1
	if cmp -s "$tmp/a" "$tmp/b"; then ok; else
		ko "mail.log backwards: $cmd differs"
		diff "$tmp/a" "$tmp/b" | head -10
	fi
done
a=$(sm "$data/mail.log") b=$(sm "$tmp/rev.log")
[ "$a" = "$b" ] && ok || ko "mail.log backwards: $b, want $a"

# the message alone (src/syslog/bare.c): each line of message-only.log
# whose words tell its program is read, and nothing else; a postmaster
# transcript never gives such a line (and is still found); a bounce or
# delay notice (src/syslog/bounce_mailq.c) gives one status line per
# recipient paragraph ("<rcpt>: ..." at the start of a line), bounced in
# a returned-mail notice, deferred in a delay notice
"$bin" events "$data/pasted/message-only.log" >"$tmp/ev" 2>/dev/null
n=$(grep -c '"service_inferred":true' "$tmp/ev")
[ "$n" = 13 ] && ok || ko "message-only.log: $n lines told by their words, want 13"
grep -q '192\.0\.2\.12' "$tmp/ev" && ko "message-only.log: a question's prose read as a connect" || ok
for f in "$data"/mail_samples/*; do
	"$bin" events "$f" >"$tmp/ev" 2>/dev/null
	n=$(grep -c '"service_inferred":true' "$tmp/ev")
	case $(basename "$f") in
	ndr_*) want=$(grep -c '^<[^ >]*>: ' "$f") st=bounced ;;
	delay_notice_*) want=$(grep -c '^<[^ >]*>: ' "$f") st=deferred ;;
	*) want=0 st=none ;;
	esac
	k=$(grep -c "\"type\":\"delivery\",\"to\":\"[^\"]*\",\"status\":\"$st\"" "$tmp/ev")
	[ "$n" = "$want" ] && [ "$k" = "$want" ] && ok \
		|| ko "$(basename "$f"): $n lines made from the mail ($k $st), want $want"
done
# the notices hold 9 recipient paragraphs: the loop above was not idle
n=$(cat "$data"/mail_samples/ndr_* "$data"/mail_samples/delay_notice_* | grep -c '^<[^ >]*>: ')
[ "$n" = 9 ] && ok || ko "mail_samples: $n recipient paragraphs, want 9"
for f in "$data"/mail_samples/postmaster_transcript_*; do
	"$bin" stats --json "$f" 2>/dev/null | grep -q '"transcripts":1,' && ok \
		|| ko "$(basename "$f"): its transcript is no longer found"
done

# smtpd's lines without a pid still make sessions, one client's lines
# one session (sessions.c, sess_key_pid): the message alone of the whole
# corpus log (3 369 lines, sessions of many clients interleaved) gives
# every client and account the verdict the full log gives
verdicts() {
	"$bin" report --json "$1" 2>/dev/null | python3 -c '
import sys, json
o = json.load(sys.stdin)
for c in sorted(o["clients"], key=lambda c: c["ip"]): print(c["ip"], c["verdict"], c["sessions"])
for a in sorted(o.get("accounts", []), key=lambda a: a["username"]): print(a["username"], a["verdict"])'
}
if command -v python3 >/dev/null 2>&1; then
	sed -E 's/^[^ ]+ [^ ]+ [^ ]+: //' "$data/mail.log" >"$tmp/cat.log"
	verdicts "$data/mail.log" >"$tmp/v.full"
	verdicts "$tmp/cat.log" >"$tmp/v.cat"
	[ -s "$tmp/v.full" ] && grep -q ' auth-bruteforce ' "$tmp/v.full" && ok || ko "mail.log: no verdicts to compare"
	diff "$tmp/v.full" "$tmp/v.cat" >"$tmp/v.diff" && ok || ko "message alone: other verdicts than the full log: $(head -5 "$tmp/v.diff")"
	# a log shipper's export: each line after its field's name, the whole
	# syslog line ("message: ", Kibana, Graylog) or the message alone
	# ("MESSAGE=", journalctl -o export): the same verdicts
	sed 's/^/message: /' "$data/mail.log" >"$tmp/kib.log"
	verdicts "$tmp/kib.log" >"$tmp/v.kib"
	diff "$tmp/v.full" "$tmp/v.kib" >"$tmp/v.diff" && ok || ko "message: labels: other verdicts than the full log: $(head -5 "$tmp/v.diff")"
	sed 's/^/MESSAGE=/' "$tmp/cat.log" >"$tmp/jv.log"
	verdicts "$tmp/jv.log" >"$tmp/v.jv"
	diff "$tmp/v.full" "$tmp/v.jv" >"$tmp/v.diff" && ok || ko "MESSAGE= labels: other verdicts than the full log: $(head -5 "$tmp/v.diff")"
	# a pasted excerpt of two clients interleaved: each its own session
	printf '%s\n' 'connect from unknown[192.0.2.10]' 'connect from unknown[198.51.100.7]' \
		'warning: unknown[198.51.100.7]: SASL LOGIN authentication failed: UGFzc3dvcmQ6' \
		'disconnect from unknown[192.0.2.10] ehlo=1 quit=1 commands=2' \
		'disconnect from unknown[198.51.100.7] ehlo=1 auth=0/1 quit=1 commands=2/3' >"$tmp/two.log"
	verdicts "$tmp/two.log" >"$tmp/v.two"
	grep -qx '192.0.2.10 capability-probe 1' "$tmp/v.two" && grep -qx '198.51.100.7 auth-bruteforce 1' "$tmp/v.two" \
		&& ok || ko "two clients interleaved without pids: $(tr '\n' ';' <"$tmp/v.two")"
else
	ko "python3 missing"
fi

# 4. a paste mixing lines with and without a time: a client's span (its
#    first and last time, "over N minutes") from the timed lines only.
#    The untimed sessions of 192.0.2.77 come after 192.0.2.88's 09:40
#    lines; its one timed session is at 08:10.  Look-alike: the same
#    sessions all timed, 90 minutes apart, do span 90 minutes.
"$bin" report --color=never "$data/pasted/mixed-times.log" >"$tmp/mixed.txt" 2>&1
if grep -q 'over 90 minutes' "$tmp/mixed.txt" || grep -q 'between 08:10:01 and 09:40' "$tmp/mixed.txt"; then
	ko "mixed times: a span reaches an untimed line's borrowed time"
else ok; fi
grep -q 'told by lines that carry no time' "$tmp/mixed.txt" && ok || ko "mixed times: the untimed sessions not said"
sed -E 's/^postfix\/smtpd\[520([12])\]/Jun  5 09:4\1:00 mx postfix\/smtpd[520\1]/' "$data/pasted/mixed-times.log" >"$tmp/timed.log"
"$bin" report --color=never "$tmp/timed.log" >"$tmp/timed.txt" 2>&1
grep -q 'over 9[0-9] minutes' "$tmp/timed.txt" && ok || ko "all timed: the 90-minute span not said"

echo "pasted: $pass passed, $fail failed"
[ "$fail" = 0 ]
