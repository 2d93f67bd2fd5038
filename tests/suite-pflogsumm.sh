#!/bin/sh
# suite-pflogsumm.sh BIN - "BIN summary --json" must report the same
# grand totals as Debian's pflogsumm on every real log we have: the
# corpus (mail.log, mail-classic.log, scenarios/*.log, extra/), the log
# lines quoted in seed 003, and the logs of ../shared/conformance
# that come with pflogsumm figures.  pflogsumm prints numbers above 512k
# in k or m: ours are rounded the same way before comparing.
#
# Where pflogsumm is wrong, the case names a documented fix (see
# docs/summary.md, "Where pflogsumm is wrong"): pflogsumm then reads the
# log with that one mistake worked around, and the totals must still be
# equal.  These are exactly the known cases; any other difference fails.
#
# Reads ../shared beside the repository (or $POSTSLEUTH_SHARED) at run time and copies
# nothing from it.  Skips, saying so, when pflogsumm or the corpus is
# absent.  One case per log.  Last line: "pflogsumm: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=${POSTSLEUTH_SHARED:-$(cd "$(dirname "$0")/.." && pwd)/../shared}
pf=$(command -v pflogsumm 2>/dev/null || echo /usr/sbin/pflogsumm)
export TZ=UTC LC_ALL=C
pass=0 fail=0
if [ ! -x "$pf" ] || ! command -v perl >/dev/null 2>&1; then
	echo "pflogsumm: skipped, pflogsumm (Debian package pflogsumm) is not installed"
	echo "pflogsumm: 0 passed, 0 failed"
	exit 0
fi
if [ ! -d "$shared/corpus" ]; then
	echo "pflogsumm: skipped, $shared/corpus not found"
	echo "pflogsumm: 0 passed, 0 failed"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# pf_totals FILE - pflogsumm's grand totals as "name value" lines, with
# its k/m suffix kept on the value
pf_totals() {
	perl "$pf" "$1" 2>/dev/null | awk '
		/^Per-|^Host\// { exit }
		{
			line = $0
			if (match(line, /^ *[0-9]+[km ]? +/) == 0) next
			num = substr(line, RSTART, RLENGTH); what = substr(line, RLENGTH + 1)
			gsub(/ /, "", num)
			sub(/ *\(.*$/, "", what); sub(/ +$/, "", what)
			n = split("received:received delivered:delivered forwarded:forwarded " \
			    "deferred:deferred bounced:bounced rejected:rejected " \
			    "reject_warnings:reject_warnings held:held discarded:discarded " \
			    "bytes_received:bytes_received bytes_delivered:bytes_delivered " \
			    "senders:senders sending_hosts/domains:sending_hosts " \
			    "recipients:recipients recipient_hosts/domains:recipient_hosts", m, " ")
			gsub(/ /, "_", what)
			for (i = 1; i <= n; i++) {
				split(m[i], kv, ":")
				if (kv[1] == what) print kv[2], num
			}
		}' | sort
}

# our_totals FILE [OPTIONS] - our grand totals, rounded as pflogsumm does
our_totals() {
	f=$1
	shift
	"$bin" summary --json "$@" "$f" 2>"$tmp/err" |
		sed -n 's/^{"totals":{\([^}]*\)}.*/\1/p' | tr ',' '\n' | tr -d '"' | awk -F: '
		{
			v = $2 + 0; u = ""
			if (v > 536870912) { v = int(v / 1048576); u = "m" }
			else if (v > 524288) { v = int(v / 1024); u = "k" }
			print $1, v u
		}' | sort
}

# fix_service - pflogsumm mistake 1: smtpd of a master.cf service not
# named smtps or submission is not seen; drop the service from the tag
fix_service() {
	sed -E 's#( postfix[^ /]*)/[^ /[]+/([a-z]+)\[#\1/\2[#'
}

# fix_filter - pflogsumm mistake 7: a message this host's content filter
# (on loopback) took and discarded ("250 2.7.0 Ok, discarded") is counted
# delivered; told to pflogsumm as the discard it is
fix_filter() {
	sed -E 's#( postfix[^ /]*)/(smtp|lmtp)\[([0-9]+)\]: ([0-9A-Za-z]+): to=<[^>]*>, relay=[^ ]*\[(127\.[0-9.]+|::1)\]:[0-9]+, .*status=sent \(250 2\.7\.0 Ok, discarded.*$#\1/cleanup[\3]: \4: discard: END-OF-MESSAGE from localhost[127.0.0.1]: kept by the content filter; from=<> to=<>#'
}

# check LABEL OURS THEIRS FIX [OPTIONS] - one case: equal grand totals
check() {
	label=$1 ours=$2 theirs=$3 fix=$4
	shift 4
	case $theirs in
	*.gz) gzip -dc "$theirs" >"$tmp/pfin" ;;
	*) cat "$theirs" >"$tmp/pfin" ;;
	esac
	case $fix in
	none) ;;
	service) fix_service <"$tmp/pfin" >"$tmp/pfin2" && mv "$tmp/pfin2" "$tmp/pfin" ;;
	service+filter) fix_service <"$tmp/pfin" | fix_filter >"$tmp/pfin2" && mv "$tmp/pfin2" "$tmp/pfin" ;;
	*) echo "suite bug: fix $fix"; fail=$((fail + 1)); return ;;
	esac
	pf_totals "$tmp/pfin" >"$tmp/theirs"
	our_totals "$ours" "$@" >"$tmp/ours"
	if [ "$(wc -l <"$tmp/theirs")" -ne 15 ]; then
		fail=$((fail + 1))
		echo "FAIL pflogsumm $label: pflogsumm printed $(wc -l <"$tmp/theirs") of 15 totals"
		return
	fi
	if [ "$(wc -l <"$tmp/ours")" -ne 15 ]; then
		fail=$((fail + 1))
		echo "FAIL pflogsumm $label: summary --json gave $(wc -l <"$tmp/ours") of 15 totals"
		head -5 "$tmp/err"
		return
	fi
	if cmp -s "$tmp/theirs" "$tmp/ours"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL pflogsumm $label (fix: $fix): pflogsumm | postsleuth"
		join "$tmp/theirs" "$tmp/ours" | awk '$2 != $3 { print "  " $1 ": " $2 " | " $3 }'
	fi
}

c=$shared/corpus
# pflogsumm 1.1.5 reads RFC 3339 stamps with a "+hh:mm" offset; older
# versions do not: then compare ISO logs with pflogsumm on their classic twin
printf '2026-11-22T11:32:05.650309+00:00 mx1 postfix/pickup[1]: 0123456789: uid=0 from=<root>\n' \
	>"$tmp/probe"
iso_ok=no
[ "$(pf_totals "$tmp/probe" | grep '^received ')" = "received 1" ] && iso_ok=yes
twin() {
	if [ $iso_ok = yes ]; then echo "$1"; else echo "$2"; fi
}

check mail.log "$c/mail.log" "$(twin "$c/mail.log" "$c/mail-classic.log")" none
check mail-classic.log "$c/mail-classic.log" "$c/mail-classic.log" none --year 2026
for f in "$c"/scenarios/*.log; do
	[ -f "$f" ] || continue
	case $f in
	*.classic.log) check "scenarios/$(basename "$f")" "$f" "$f" none --year 2026 ;;
	*) check "scenarios/$(basename "$f")" "$f" "$(twin "$f" "${f%.log}.classic.log")" none ;;
	esac
done
# journalctl's forms: pflogsumm cannot read "+0000" offsets nor fractions
# after a classic time, so it reads the same events in mail-classic.log
x=$c/extra
[ -f "$x/mail.journal.short-iso.log" ] &&
	check extra/mail.journal.short-iso.log "$x/mail.journal.short-iso.log" "$c/mail-classic.log" none
[ -f "$x/mail.journal.short-precise.log" ] &&
	check extra/mail.journal.short-precise.log "$x/mail.journal.short-precise.log" \
		"$c/mail-classic.log" none --year 2026
[ -f "$x/postlog-maillog_file.log" ] &&
	check extra/postlog-maillog_file.log "$x/postlog-maillog_file.log" \
		"$x/postlog-maillog_file.log" none --year 2026
for f in "$x"/smoketest-*.log; do
	[ -f "$f" ] && check "extra/$(basename "$f")" "$f" "$f" none --year 2026
done
if [ -f "$x/mail.journal" ]; then
	if "$bin" summary --json "$x/mail.journal" 2>/dev/null | grep -q '"received":'; then
		check extra/mail.journal "$x/mail.journal" "$c/mail-classic.log" none
	else
		echo "pflogsumm: extra/mail.journal skipped, this build reads no journal files"
	fi
fi

# seed 003: the log lines quoted in the question
s3=$(ls "$shared"/seeds/003_*.txt 2>/dev/null | head -n 1)
if [ -n "$s3" ]; then
	grep -E '^[A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} ' "$s3" >"$tmp/seed003.log"
	check seed003 "$tmp/seed003.log" "$tmp/seed003.log" none --year 2021
fi

# conformance logs (their licences vary: read here, never copied)
k=$shared/conformance
[ -f "$k/pflogsumm-go/testdata/rfc3339.log" ] &&
	check pflogsumm-go/rfc3339.log "$k/pflogsumm-go/testdata/rfc3339.log" \
		"$k/pflogsumm-go/testdata/rfc3339.log" none
[ -f "$k/pflogsumm-go/testdata/sample.log" ] &&
	check pflogsumm-go/sample.log "$k/pflogsumm-go/testdata/sample.log" \
		"$k/pflogsumm-go/testdata/sample.log" none --year 2024
[ -f "$k/pixelpark-postfix-logsums/test/mail.log.gz" ] &&
	check pixelpark/mail.log.gz "$k/pixelpark-postfix-logsums/test/mail.log.gz" \
		"$k/pixelpark-postfix-logsums/test/mail.log.gz" service+filter

echo "pflogsumm: $pass passed, $fail failed"
[ "$fail" = 0 ]
