#!/bin/sh
# conformance-recognition.sh BIN [TOP] - measure, not test: the share of
# Postfix lines that BIN recognises in every log of the conformance set
# (plain logs, .gz logs, and the logs inside .tar.gz archives), per
# program, then the TOP (default 30) most frequent unknown line shapes.
# A Postfix line is one whose tag starts with "postfix" (PROVENANCE.md's
# counting method).  Reads $POSTSLEUTH_SHARED/conformance (default
# ../shared) at run time; copies nothing into the tree.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=${2:-30}
conf=${POSTSLEUTH_SHARED:-$top/../shared}/conformance
export TZ=UTC LC_ALL=C
if [ ! -d "$conf" ]; then
	echo "conformance: $conf not found, nothing measured"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix='^(<[0-9]+>)?([A-Z][a-z][a-z] +[0-9]+ [0-9:]+|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.+-]+)'
prefix="$prefix .*postfix[A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)+\[[0-9]+\]:"
# the plain logs: files that hold syslog lines from Postfix
grep -rlE "$prefix" "$conf" 2>/dev/null | grep -v '/postfix-source/' | sort >"$tmp/files"
# compressed logs and archives, unpacked into the temporary directory
i=0
find "$conf" -name '*.gz' ! -name '*.tar.gz' | sort | while read -r f; do
	i=$((i + 1))
	gzip -dc "$f" >"$tmp/gz.$i.log" 2>/dev/null
done
find "$conf" -name '*.tar.gz' | sort | while read -r f; do
	d=$tmp/tar.$(basename "$f" .tar.gz)
	mkdir -p "$d" && tar -xzf "$f" -C "$d" 2>/dev/null
	find "$d" -type f -name '*.gz' -exec gzip -df {} \; 2>/dev/null
done
find "$tmp" -type f \( -name 'gz.*' -o -path '*/tar.*' \) | sort >>"$tmp/files"
# message-only cases: the grok-pattern tests (program from the pattern
# name) and, with jq, Sekoia's (program from syslog.appname); a made-up
# syslog prefix goes in front of the program's own message
for f in "$conf"/postfix-grok-patterns/test/*.yaml; do
	[ -f "$f" ] || continue
	p=$(sed -n -E 's/^pattern: "?\^%\{POSTFIX_([A-Z_]+)\}.*/\1/p' "$f" | tr 'A-Z_' 'a-z-')
	case $p in
	"" | tls-features | command-counter-data | delays) continue ;;
	script) p=postfix-script ;;
	esac
	sed -n -E 's/^data: "(.*)"$/\1/p; s/^data: ([^"].*)$/\1/p' "$f" |
	    sed -e 's/\\\\/\x01/g' -e 's/\\"/"/g' -e 's/\x01/\\/g' |
	    sed "s|^|Jan  1 00:00:00 grok postfix/$p[1]: |"
done >"$tmp/grok.log"
if command -v jq >/dev/null 2>&1; then
	for f in "$conf"/sekoia-intake-formats/Postfix/postfix/tests/*.json; do
		jq -r 'select(.input.log.syslog.appname // "" | startswith("postfix"))
		       | "Jan  1 00:00:00 sekoia \(.input.log.syslog.appname)[1]: \(.input.message)"' \
		    "$f" 2>/dev/null
	done >"$tmp/sekoia.log"
fi
for f in "$tmp/grok.log" "$tmp/sekoia.log"; do
	[ -s "$f" ] && echo "$f" >>"$tmp/files"
done
n=$(wc -l <"$tmp/files")
while read -r f; do
	"$bin" events --all --year 2026 "$f" 2>/dev/null
done <"$tmp/files" | grep -v '"type":"\(session\|message\)"' |
    grep '"service":"postfix' >"$tmp/ev"
echo "conformance: $n log files, $(wc -l <"$tmp/ev") Postfix lines"
# per program: lines, recognised, percentage
sed -E 's/.*"service":"([^"]*)".*"type":"([^"]*)".*/\1 \2/' "$tmp/ev" |
    awk '{ d = $1; sub(/.*\//, "", d); n[d]++; if ($2 != "unknown") ok[d]++; N++; if ($2 != "unknown") OK++ }
	 END { for (d in n) printf "%-16s %7d lines %7d recognised %6.2f%%\n", d, n[d], ok[d], 100 * ok[d] / n[d] | "sort -k2 -nr";
	       close("sort -k2 -nr");
	       printf "%-16s %7d lines %7d recognised %6.2f%%\n", "ALL", N, OK, N ? 100 * OK / N : 0 }'
echo "top unknown shapes (program: text with IDs, numbers and addresses folded):"
grep '"type":"unknown"' "$tmp/ev" |
    sed -E 's/.*"service":"([^"]*\/)?([^"/]*)".*"text":"(.*)"}$/\2: \3/' |
    sed -E -e 's/: [0-9A-Za-z]{8,16}: /: QID: /' -e 's/<[^>]*>/<A>/g' -e 's/\[[^]]*\]/[X]/g' \
	-e 's/[0-9]+/N/g' | cut -c1-110 | sort | uniq -c | sort -rn | head -n "$top"
