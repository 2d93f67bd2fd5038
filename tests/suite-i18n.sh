#!/bin/sh
# suite-i18n.sh BIN - the prose in English, Brazilian Portuguese and
# Spanish: the same finding told in the three languages (goldens in
# tests/i18n/, UPDATE=1 rewrites them), JSON keys and ids unchanged by
# the language, the language picked from --lang and the environment as
# gettext does, and the catalogues complete: every string the sources
# mark is translated in every catalogue, none fuzzy.
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
: "${POSTSLEUTH_LOCALEDIR:=$top/build/locale}"
export POSTSLEUTH_LOCALEDIR
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# every source file that marks a string for translation is one xgettext
# reads (po/POTFILES, or the findings' prose files make pot adds): a
# file left out loses its strings from the catalogues at the next
# "make pot po"
for f in $(cd "$top" && grep -l -E '[^A-Za-z0-9_](_|N_|P_|C_)\(' src/*/*.c src/*.c); do
	case $f in src/diagnose/finding_prose*.c) ok; continue ;; esac
	grep -qx "$f" "$top/po/POTFILES" && ok || bad "$f marks strings for translation but is not in po/POTFILES"
done
golden() { # golden NAME LANG FILE - FILE against tests/i18n/NAME.LANG.txt
	want=$top/tests/i18n/$1.$2.txt
	[ "${UPDATE:-}" = 1 ] && cp "$3" "$want"
	if [ -s "$3" ] && cmp -s "$3" "$want"; then ok; else
		bad "$2: $1 differs from tests/i18n/$1.$2.txt"
		diff -u "$want" "$3" | head -20
	fi
}
unset LC_ALL LC_MESSAGES LANG LANGUAGE

log=$top/tests/data/seed003.log

# the first finding's paragraph of the text report: from its "  [" tag to the blank line
finding_block() {
	awk '/^  \[/ { on = 1 } on && /^$/ { exit } on { print }'
}

# 1. the same finding in three languages
for l in en pt_BR es; do
	"$bin" report --color=never --lang "$l" "$log" >"$tmp/report.$l" 2>"$tmp/err.$l"
	finding_block <"$tmp/report.$l" >"$tmp/finding.$l"
	golden "seed003-finding" "$l" "$tmp/finding.$l"
	[ -s "$tmp/err.$l" ] && bad "$l: stderr: $(head -c 300 "$tmp/err.$l")" || ok
done
# the three differ from one another (a catalogue that is not read would pass above once UPDATE'd)
if ! cmp -s "$tmp/finding.en" "$tmp/finding.pt_BR" && ! cmp -s "$tmp/finding.en" "$tmp/finding.es" &&
	! cmp -s "$tmp/finding.pt_BR" "$tmp/finding.es"; then ok; else bad "the languages give the same words"; fi

# 1b. the first screen ("At a glance") of examples/mail.log in three languages:
# the block after the report's opening paragraph, up to its blank line
glance_block() {
	awk 'NF == 0 { if (++blank == 2) exit; next } blank == 1 { print }'
}
for l in en pt_BR es; do
	"$bin" report --color=never --lang "$l" "$top/examples/mail.log" 2>/dev/null | glance_block >"$tmp/glance.$l"
	golden "mail-glance" "$l" "$tmp/glance.$l"
	# accented text folds at 78 columns like English: characters, not bytes
	if python3 -c '
import sys
long = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if len(l) > 78]
sys.exit(1 if long else 0)' "$tmp/glance.$l"; then ok; else
		bad "$l: a first-screen line is wider than 78 columns"
	fi
done
if ! cmp -s "$tmp/glance.en" "$tmp/glance.pt_BR" && ! cmp -s "$tmp/glance.en" "$tmp/glance.es" &&
	! cmp -s "$tmp/glance.pt_BR" "$tmp/glance.es"; then ok; else bad "the first screen is the same in two languages"; fi
# no English sentence left on the translated first screens
for l in pt_BR es; do
	if grep -E 'Next:|At a glance|address(es)? |client(s)? sent|see "' "$tmp/glance.$l" >"$tmp/left.$l"; then
		bad "$l: English left on the first screen: $(head -3 "$tmp/left.$l")"
	else ok; fi
done

# 1c. explain and trace in three languages: a pasted excerpt told line by
# line (up to "the whole", which is the report's findings and the clients'
# verdicts), a session with its SMTP dialogue and a hidden password, and
# the trace of a bounce with its parent message
excerpt=$top/tests/data/pasted/qa-dev-shapes.log
for l in en pt_BR es; do
	"$bin" explain --color=never --lang "$l" - <"$excerpt" 2>/dev/null |
		awk 'NR > 1 && /^[^ ]/ { exit } { print }' >"$tmp/lines.$l"
	"$bin" explain --color=never --lang "$l" --session 68 "$top/tests/data/mail.log" >"$tmp/session.$l" 2>&1
	"$bin" trace --color=never --lang "$l" BE82711658A "$top/tests/data/mail.log" >"$tmp/trace.$l" 2>&1
	for k in lines session trace; do
		golden "explain-$k" "$l" "$tmp/$k.$l"
	done
	# the notes under each line fold at 78 columns, counted in characters
	if python3 -c '
import sys
long = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n")
        if l.startswith("       ") and len(l) > 78]
sys.exit(1 if long else 0)' "$tmp/lines.$l"; then ok; else
		bad "$l: a line-by-line note is wider than 78 columns"
	fi
done
for k in lines session trace; do
	if ! cmp -s "$tmp/$k.en" "$tmp/$k.pt_BR" && ! cmp -s "$tmp/$k.en" "$tmp/$k.es" &&
		! cmp -s "$tmp/$k.pt_BR" "$tmp/$k.es"; then ok; else bad "explain $k: two languages give the same words"; fi
done
# no English sentence left in the translated ones (log text and ids aside)
for l in pt_BR es; do
	if grep -hE 'At fault:|Problem:|receives mail|logged by Postfix|^Session #|^    (client|server): |introduces itself|Login failed|Trace of|came from|delivered via|\(hidden;' \
		"$tmp/lines.$l" "$tmp/session.$l" "$tmp/trace.$l" >"$tmp/left.$l"; then
		bad "$l: English left in explain/trace: $(head -3 "$tmp/left.$l")"
	else ok; fi
done
# the dialogue's labels line up in every language: the text after
# "client:"/"server:" starts in the same column
for l in en pt_BR es; do
	cols=$(grep -E '^    [^ ]+: ' "$tmp/session.$l" | python3 -c '
import sys
print(len({len(l.split(": ", 1)[0]) + 2 + len(l.split(": ", 1)[1]) - len(l.split(": ", 1)[1].lstrip(" ")) for l in sys.stdin}))')
	[ "$cols" = 1 ] && ok || bad "$l: the dialogue's client/server labels do not line up"
done
# explain --json: the same keys, ids, numbers in every language; only the prose differs
for l in en pt_BR es; do
	"$bin" explain --json --lang "$l" - <"$excerpt" >"$tmp/xjson.$l" 2>/dev/null || bad "$l: explain --json failed"
done
if python3 "$top/tests/json_shape.py" role,meaning,title,fix,caveat,side_words,impact_words,explanation,headline,words,why,caveats,summary,advice \
	"$tmp/xjson.en" "$tmp/xjson.pt_BR" "$tmp/xjson.es"
then ok; else bad "explain --json is not the same structure in every language"; fi
if grep -q '"meaning":"a client opened an SMTP connection' "$tmp/xjson.pt_BR"; then
	bad "pt_BR explain JSON keeps the English meaning"
else ok; fi
# 1d. the words of the verdicts (verdict_explain.c, report_text.c) in three
# languages: the opening lines of two small logs (each count with its own
# plural), examples/mail.log's accounts
# section, its first client told in full, its Input section, and the
# clients and accounts tables
verdict_words() {
	l=$1 vlog=$top/examples/mail.log
	case $l in
	en) acc="Accounts" cli="Clients, most serious first" inp="Input" ;;
	pt_BR) acc="Contas" cli="Clientes, do mais grave ao menos grave" inp="Entrada" ;;
	es) acc="Cuentas" cli="Clientes, de más a menos grave" inp="Entrada" ;;
	esac
	for f in seed004.log secrets-planted.log; do
		"$bin" report --color=never --lang "$l" "$top/tests/data/$f" 2>/dev/null | sed -n 2p
	done
	"$bin" report --color=never --lang "$l" "$vlog" 2>/dev/null >"$tmp/words.report"
	for h in "$acc" "$cli"; do
		awk -v h="$h" '$0 == h { on = 1 } on && NF == 0 { if (++blank == 1 && h != "'"$acc"'") { print; next } exit } on { print }' "$tmp/words.report"
	done
	awk -v h="$inp" '$0 == h { on = 1 } on { print }' "$tmp/words.report"
	"$bin" clients --color=never --lang "$l" "$vlog" 2>/dev/null | head -n 4
	"$bin" accounts --color=never --lang "$l" "$vlog" 2>/dev/null
}
for l in en pt_BR es; do
	verdict_words "$l" >"$tmp/words.$l"
	golden "mail-verdicts" "$l" "$tmp/words.$l"
done
if ! cmp -s "$tmp/words.en" "$tmp/words.pt_BR" && ! cmp -s "$tmp/words.en" "$tmp/words.es" &&
	! cmp -s "$tmp/words.pt_BR" "$tmp/words.es"; then ok; else bad "the verdicts' words are the same in two languages"; fi
# each count with its own plural, English's too ("1 session", "0 messages")
if grep -q '^1 session from 1 client address, 0 messages, 0 SASL accounts\.$' "$tmp/words.en" &&
	grep -q '^1 sessão de 1 endereço de cliente, 0 mensagem, 0 conta SASL\.$' "$tmp/words.pt_BR" &&
	grep -q '^7 sesiones de 8 direcciones de clientes, 1 mensaje, 1 cuenta SASL\.$' "$tmp/words.es"; then ok; else
	bad "the report's opening line: each count with its language's plural"
fi

# 2. JSON: the same keys and the same ids, numbers, addresses in every language
for l in en pt_BR es; do
	"$bin" report --json --lang "$l" "$log" >"$tmp/json.$l" || bad "$l: report --json failed"
done
if python3 "$top/tests/json_shape.py" title,meaning,fix,caveat,side_words,impact_words,headline,explanation,text,summary,words,advice,why,caveats,at_a_glance \
	"$tmp/json.en" "$tmp/json.pt_BR" "$tmp/json.es"
then ok; else bad "report --json is not the same structure in every language"; fi
# and the prose in it is translated
if grep -q '"title":"a remote server refuses mail as spam or virus"' "$tmp/json.pt_BR"; then
	bad "pt_BR JSON keeps the English title"
else ok; fi

# the HTML page says its language, and tells the finding in it
"$bin" report --html - --lang pt_BR "$log" >"$tmp/page.html" 2>/dev/null
if grep -q '<html lang="pt-BR">' "$tmp/page.html" &&
	grep -q 'um servidor remoto recusa e-mails como spam ou v' "$tmp/page.html"; then ok; else
	bad "report --html --lang pt_BR: want lang=\"pt-BR\" and the Portuguese finding"
fi

# 3. the language from the environment, as gettext picks it
LANG=pt_BR.UTF-8 "$bin" report --color=never "$log" 2>/dev/null | finding_block >"$tmp/env.1"
cmp -s "$tmp/env.1" "$tmp/finding.pt_BR" && ok || bad "LANG=pt_BR.UTF-8 does not give Portuguese"
LANG=en_US.UTF-8 LANGUAGE=es "$bin" report --color=never "$log" 2>/dev/null | finding_block >"$tmp/env.2"
cmp -s "$tmp/env.2" "$tmp/finding.es" && ok || bad "LANGUAGE=es does not give Spanish"
LC_ALL=C LANGUAGE=pt_BR "$bin" report --color=never "$log" 2>/dev/null | finding_block >"$tmp/env.3"
cmp -s "$tmp/env.3" "$tmp/finding.en" && ok || bad "LC_ALL=C with LANGUAGE=pt_BR is not English (gettext ignores LANGUAGE in C)"
LANG=pt_BR.UTF-8 "$bin" report --color=never --lang en "$log" 2>/dev/null | finding_block >"$tmp/env.4"
cmp -s "$tmp/env.4" "$tmp/finding.en" && ok || bad "--lang en does not win over LANG"
"$bin" report --color=never --lang fr "$log" >"$tmp/fr.out" 2>"$tmp/fr.err"
rc=$?
finding_block <"$tmp/fr.out" >"$tmp/env.5"
if [ $rc = 0 ] && cmp -s "$tmp/env.5" "$tmp/finding.en" && grep -q 'no catalogue for language "fr"' "$tmp/fr.err"; then
	ok
else
	bad "--lang fr: want English, a warning and exit 0 (rc $rc)"
fi
# an installed tree: the catalogue found under LOCALEDIR without the variable
if [ -d "$POSTSLEUTH_LOCALEDIR" ]; then
	mkdir -p "$tmp/inst"
	make -s -C "$top" install DESTDIR="$tmp/inst" PREFIX=/usr >/dev/null 2>&1
	if [ -f "$tmp/inst/usr/share/locale/pt_BR/LC_MESSAGES/postsleuth.mo" ] &&
		[ -f "$tmp/inst/usr/share/locale/es/LC_MESSAGES/postsleuth.mo" ]; then ok; else
		bad "make install does not install the catalogues under PREFIX/share/locale"
	fi
fi

# 3b. the commands of issue 16's second half in three languages (goldens in
# tests/i18n/, UPDATE=1 rewrites them): --help, advise, summary, ban and
# fail2ban on examples/mail.log; what programs read stays the same in every
# language, and they read it: postmap, fail2ban-regex
mail=$top/examples/mail.log
cfg=$tmp/postfix                # postconf/postmap read this, not /etc/postfix
mkdir -p "$cfg" "$tmp/nocfg"
echo "mynetworks = 127.0.0.0/8 [::1]/128" >"$cfg/main.cf"
same_but_comments() { # same_but_comments A B - equal once '#' lines are dropped
	grep -v '^#' "$1" >"$tmp/a.nc"
	grep -v '^#' "$2" >"$tmp/b.nc"
	cmp -s "$tmp/a.nc" "$tmp/b.nc"
}
have_f2b=no
command -v fail2ban-regex >/dev/null && [ -f /etc/fail2ban/filter.d/common.conf ] && have_f2b=yes
for l in en pt_BR es; do
	"$bin" ban --help --lang "$l" >"$tmp/banhelp.$l" 2>&1
	golden help-ban "$l" "$tmp/banhelp.$l"
	for c in "" report clients accounts explain events stats trace summary ban fail2ban advise watch; do
		"$bin" $c --help --lang "$l"
	done >"$tmp/allhelp.$l" 2>&1
	# advise from Postfix's defaults (no main.cf): its items, after the findings
	MAIL_CONFIG=$tmp/nocfg "$bin" advise --lang "$l" "$mail" 2>/dev/null |
		awk '/^[0-9]+\. / { on = 1 } on' >"$tmp/advise.$l"
	golden mail-advise "$l" "$tmp/advise.$l"
	"$bin" summary --color=never --lang "$l" "$mail" >"$tmp/summary.$l" 2>&1
	golden mail-summary "$l" "$tmp/summary.$l"
	for f in nft ipset postfix-cidr postscreen; do
		MAIL_CONFIG=$cfg "$bin" ban --format "$f" --lang "$l" "$mail" >"$tmp/ban-$f.$l" 2>/dev/null
	done
	golden mail-ban-nft "$l" "$tmp/ban-nft.$l"
	if [ $have_f2b = yes ]; then
		"$bin" fail2ban --lang "$l" --output "$tmp/f2b.$l" "$mail" >"$tmp/f2b-out.$l" 2>&1
		echo "exit $?" >>"$tmp/f2b-out.$l"
		# fail2ban-regex's version is the machine's
		sed 's/fail2ban-regex [0-9][0-9.]*/fail2ban-regex VERSION/' "$tmp/f2b-out.$l" >"$tmp/f2b-table.$l"
		golden mail-fail2ban "$l" "$tmp/f2b-table.$l"
		golden mail-fail2ban-jail "$l" "$tmp/f2b.$l/jail.d/postsleuth.conf"
	fi
done
for l in pt_BR es; do
	# accented help folds like English: no line wider than 79 characters
	# but the explain synopsis (as wide in English)
	if python3 - "$tmp/allhelp.en" "$tmp/allhelp.$l" <<'PY'
import sys
wide = lambda p: [x for x in open(p, encoding="utf-8").read().split("\n") if len(x) > 79]
en, tr = wide(sys.argv[1]), wide(sys.argv[2])
bad = [x for x in tr if not x.startswith(("usage: postsleuth explain", "uso: postsleuth explain"))]
print("\n".join(bad))
sys.exit(1 if bad or len(tr) > len(en) else 0)
PY
	then ok; else bad "$l: a --help line is wider than 79 characters"; fi
	# the files programs read differ only in their comment lines
	for f in nft ipset postfix-cidr postscreen; do
		same_but_comments "$tmp/ban-$f.en" "$tmp/ban-$f.$l" && ok ||
			bad "$l: ban --format $f changes more than comment lines"
		cmp -s "$tmp/ban-$f.en" "$tmp/ban-$f.$l" && bad "$l: ban --format $f: comments not translated" || ok
	done
	# Postfix reads the translated cidr: tables: every listed address matches
	if command -v postmap >/dev/null; then
		for f in postfix-cidr postscreen; do
			miss=0 n=0
			for a in $(grep -v '^#' "$tmp/ban-$f.$l" | awk 'NF { print $1 }'); do
				n=$((n + 1))
				r=$(postmap -c "$cfg" -q "$a" "cidr:$tmp/ban-$f.$l" 2>"$tmp/pm.err")
				[ -n "$r" ] && [ ! -s "$tmp/pm.err" ] || miss=$((miss + 1))
			done
			[ $n -gt 0 ] && [ $miss = 0 ] && ok || bad "$l: postmap -q on the $f table: $miss of $n not matched"
		done
	fi
	# fail2ban loads the translated filters and jail: same rules, same matches
	if [ $have_f2b = yes ]; then
		grep -q '^exit 0$' "$tmp/f2b-out.$l" && ok || bad "$l: fail2ban did not verify every filter"
		for conf in "$tmp/f2b.en/filter.d/"*.conf "$tmp/f2b.en/jail.d/postsleuth.conf"; do
			rel=${conf#"$tmp/f2b.en/"}
			same_but_comments "$conf" "$tmp/f2b.$l/$rel" && ok ||
				bad "$l: $rel changes more than comment lines"
		done
		for conf in "$tmp/f2b.$l/filter.d/"*.conf; do
			n_en=$(fail2ban-regex -r --usedns=no -o ip "$mail" "$tmp/f2b.en/filter.d/${conf##*/}" 2>&1 | grep -c .)
			n_l=$(fail2ban-regex -r --usedns=no -o ip "$mail" "$conf" 2>&1 | grep -c .)
			[ "$n_en" = "$n_l" ] && [ "$n_l" -gt 0 ] && ok ||
				bad "$l: fail2ban-regex with ${conf##*/}: $n_l matches, English $n_en"
		done
	fi
done

# 4. complete catalogues: the sources' strings today, each translated, none fuzzy
if command -v xgettext >/dev/null && command -v msgfmt >/dev/null; then
	for po in "$top"/po/*.po; do
		l=$(basename "$po" .po)
		st=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
		case $st in
		*untranslated* | *fuzzy*) bad "$l: $st" ;;
		*" translated message"*) ok ;;
		*) bad "$l: msgfmt: $st" ;;
		esac
	done
	# a fresh template from the sources, as make pot builds it
	make -s -C "$top" pot POT="$tmp/a.pot" >/dev/null 2>&1 || bad "make pot failed"
	for po in "$top"/po/*.po; do
		l=$(basename "$po" .po)
		# the template's msgids that the catalogue lacks or leaves untranslated
		msgmerge --quiet -o "$tmp/m.$l.po" "$po" "$tmp/a.pot" 2>/dev/null
		st=$(msgfmt --statistics -o /dev/null "$tmp/m.$l.po" 2>&1)
		case $st in
		*untranslated* | *fuzzy*) bad "$l: strings in the sources not in po/$l.po (make po, then translate): $st" ;;
		*) ok ;;
		esac
	done
else
	bad "xgettext/msgfmt missing (Debian package gettext)"
fi

# 5. a translation keeps the blank its msgid starts or ends with: such a
# string is pasted after or before another sentence (" It was refused
# only by greylisting ..."), which a dropped blank glues to it; column
# heads (two blanks in a row) align by their own rule
for po in "$top"/po/*.po; do
	l=$(basename "$po" .po)
	out=$(python3 - "$po" <<'PY'
import re, sys
txt = open(sys.argv[1], encoding="utf-8").read()
def grab(block, key):
    m = re.search(r"^" + key + r" ((?:\".*\"\n?)+)", block + "\n", re.M)
    return None if not m else "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
for block in txt.split("\n\n"):
    if "msgid_plural" in block or "#, fuzzy" in block:
        continue
    i, s = grab(block, "msgid"), grab(block, "msgstr")
    if not i or not s or "  " in i:
        continue
    if i.startswith(" ") != s.startswith(" ") or i.endswith(" ") != s.endswith(" "):
        print(i[:60])
PY
)
	[ -z "$out" ] && ok || bad "$l: translations that drop or add the msgid's leading or trailing blank: $out"
done

echo "suite-i18n: $pass passed, $fail failed"
[ $fail = 0 ]
