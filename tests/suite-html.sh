#!/bin/sh
# suite-html.sh BIN - "report --html": the page of the corpus log
# (tests/data/mail.log) and of a hostile log (the corpus's relay-test and
# password-guessing sessions with the HELO made <script>alert(1)</script>
# and the username "><img src=x onerror=alert(2)>, and a delivery to the
# domain <svg onload=alert(4)>.test, which the charts and tables show)
# are checked as files
# (self-contained, CSP hashes equal to the SHA-256 of the page's own
# style and script, same page on stdout, usage and write errors, no
# planted password), then in a real browser: Debian's chromium, headless,
# driven over the DevTools protocol by tests/html_browser.py (python3 and
# python3-websocket), the network cut off.  Installs nothing: without
# chromium or the websocket module the suite fails (CI installs them).
# The page under --lang pt_BR is loaded too: no error or CSP violation,
# headings in Portuguese.
# The browser's screenshot is kept as build/suite-html/report.png.
# Last line: "html: N passed, N failed".
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
export TZ=UTC LC_ALL=C NO_COLOR=1
# the catalogues of the build tree, for the pt_BR page (as suite-i18n.sh)
: "${POSTSLEUTH_LOCALEDIR:=$top/build/locale}"
export POSTSLEUTH_LOCALEDIR
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# a python3 with the websocket module: Debian's, which python3-websocket serves
py=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import websocket' 2>/dev/null; then
		py=$p
		break
	fi
done

# the corpus page, its JSON, and stdout
"$bin" report --html "$tmp/mail.html" "$data/mail.log" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
if [ $rc = 0 ] && [ -s "$tmp/mail.html" ] && ! [ -s "$tmp/stdout" ]; then ok; else
	bad "report --html FILE: exit $rc, stdout $(wc -c <"$tmp/stdout") bytes"; fi
"$bin" report --json "$data/mail.log" >"$tmp/mail.json" 2>/dev/null
"$bin" report --html - "$data/mail.log" >"$tmp/stdout.html" 2>/dev/null
if cmp -s "$tmp/mail.html" "$tmp/stdout.html"; then ok; else bad "--html - differs from --html FILE"; fi
if head -c 15 "$tmp/mail.html" | grep -q '^<!DOCTYPE html>' && tail -n 1 "$tmp/mail.html" | grep -q '^</html>$'
then ok; else bad "not a whole HTML document"; fi

# usage and environment errors
"$bin" report --html "$tmp/x.html" --json "$data/mail.log" >/dev/null 2>&1
rc=$?
if [ $rc = 2 ]; then ok; else bad "--html with --json: exit $rc, want 2"; fi
"$bin" clients --html "$tmp/x.html" "$data/mail.log" >/dev/null 2>&1
rc=$?
if [ $rc = 2 ]; then ok; else bad "clients --html: exit $rc, want 2"; fi
"$bin" report --html "$tmp/no/such/dir/x.html" "$data/mail.log" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc = 3 ] && grep -q 'cannot write' "$tmp/err"; then ok; else bad "unwritable --html: exit $rc, want 3"; fi

# a log named where the page's file goes is not emptied; an old page is replaced
cp "$data/mail.log" "$tmp/log-copy"
"$bin" report --html "$tmp/log-copy" "$data/mail.log" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc = 2 ] && grep -q 'not a web page' "$tmp/err" && cmp -s "$data/mail.log" "$tmp/log-copy"
then ok; else bad "--html naming an existing log: exit $rc, want 2 and the file kept"; fi
cp "$tmp/mail.html" "$tmp/old.html"
printf 'x' >>"$tmp/old.html"
"$bin" report --html "$tmp/old.html" "$data/mail.log" >/dev/null 2>&1
rc=$?
if [ $rc = 0 ] && cmp -s "$tmp/mail.html" "$tmp/old.html"; then ok; else
	bad "--html over an earlier page: exit $rc, want 0 and the page replaced"; fi

# self-contained: nothing fetched, and the CSP names the page's own style and script
if python3 - "$tmp/mail.html" <<'PY'
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
def h(s):
    return base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
styles = re.findall(r"<style>(.*?)</style>", page, re.S)
scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
errors = []
if "default-src 'none'" not in csp:
    errors.append("no default-src 'none'")
if len(styles) != 1 or "style-src 'sha256-%s'" % h(styles[0]) not in csp:
    errors.append("style hash")
if len(scripts) != 1 or "script-src 'sha256-%s'" % h(scripts[0]) not in csp:
    errors.append("script hash")
if "unsafe-inline" in csp or re.search(r"\sstyle=", page):
    errors.append("inline style")
if re.search(r'(src|href|action)="(https?:)?//', page) or "@import" in page or "url(" in page:
    errors.append("a fetch")
if re.search(r"\son[a-z]+=", page):
    errors.append("an event handler attribute")
print("\n".join(errors))
sys.exit(1 if errors else 0)
PY
then ok; else bad "CSP or self-containment (above)"; fi

# the numbers are the JSON's (the browser checks the same from the DOM)
if python3 - "$tmp/mail.html" "$tmp/mail.json" <<'PY'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
rep = json.load(open(sys.argv[2]))
rows = re.findall(r'class="f-id">([^<]*)</a></td><td>([^<]*)</td><td class="n f-lines">(\d+)</td>'
                  r'<td class="n f-recipients">(\d+)</td>', page)
want = [(f["id"], f["key"], str(f["lines"]), str(f["recipients"])) for f in rep["findings"]]
if rows != want or not want:
    print("findings: got %s, want %s" % (rows, want))
    sys.exit(1)
PY
then ok; else bad "findings in the page differ from the JSON's"; fi

# "At a glance" and "What to do" are the text report's own sections,
# line for line (their headings the sections' <h2>), first on the page;
# the glance is cut at a screen in the text only (the page's may go on)
"$bin" report "$data/mail.log" >"$tmp/mail.txt" 2>/dev/null
if python3 - "$tmp/mail.html" "$tmp/mail.txt" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
text = open(sys.argv[2], encoding="utf-8").read().split("\n")
bad = []
for sid, head in (("glance", "At a glance, most serious first"), ("todo", "What to do")):
    m = re.search(r'<section id="%s">\n<h2>%s</h2>\n<pre class="%s">(.*?)</pre>' % (sid, head, sid), page, re.S)
    i = text.index(head)
    want = text[i + 1:text.index("", i)]
    got = html.unescape(m.group(1)).split("\n") if m else None
    if sid == "glance" and got:
        # the page has no screen to fit: the text's first items, then more
        want = [l for l in want if not l.startswith("  ... and ")]
        got = got[:len(want)]
    if got != want or len(want) < 5 or page.index('id="%s"' % sid) > page.index('id="problems"'):
        bad.append("%s: got %r\nwant %r" % (sid, got and got[:3], want[:3]))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
then ok; else bad "At a glance or What to do in the page differs from the text report's (above)"; fi

# the JSON's "at_a_glance" and "what_to_do" are the same two sections,
# unfolded: each glance item one string, each "What to do" item its title
# and paragraphs; the same words as the text's (blanks aside), and every
# glance item, the text's screen cut or not
if python3 - "$tmp/mail.json" "$tmp/mail.txt" <<'PY'
import json, re, sys
rep = json.load(open(sys.argv[1]))
text = open(sys.argv[2], encoding="utf-8").read().split("\n")
squash = lambda s: re.sub(r"\s+", "", s)
bad = []
head = "At a glance, most serious first"
i = text.index(head)
sec = text[i + 1:text.index("", i)]
items, more = [], 0
for l in sec:
    m = re.match(r"  \.\.\. and (\d+) more below\.$", l)
    if m:
        more = int(m.group(1))
    elif l.startswith("  - "):
        items.append(l[4:])
    else:
        items[-1] += l
got = rep["at_a_glance"]
if [squash(x) for x in got[:len(items)]] != [squash(x) for x in items] or len(got) != len(items) + more \
        or len(items) < 5 or not all(isinstance(x, str) and "\n" not in x for x in got):
    bad.append("at_a_glance: got %r\nwant %r (+%d)" % (got[:2], items[:2], more))
i = text.index("What to do")
sec = text[i + 1:text.index("", i)]
want = squash("".join(l[4:] if l.startswith("  - ") else l for l in sec))
todo = rep["what_to_do"]
flat = squash("".join(t["title"] + (":" if t["title"] else "") + "".join(t["text"]) for t in todo))
if flat != want or len(todo) < 4 or not all(t["title"] and t["text"] for t in todo):
    bad.append("what_to_do: got %r\nwant %r" % (flat[:200], want[:200]))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
then ok; else bad "at_a_glance or what_to_do in the JSON differs from the text report's sections (above)"; fi

# no password: the planted ones of tests/data/secrets-planted.log (see
# suite-secrets.sh), looked for in the page as the browser shows it
"$bin" report --html "$tmp/secrets.html" "$data/secrets-planted.log" 2>/dev/null
"$bin" report --html "$tmp/secrets-all.html" --all "$data/secrets-planted.log" 2>/dev/null
if python3 - "$tmp/secrets.html" "$tmp/secrets-all.html" <<'PY'
import base64, html, sys
pws = ["Tr0ub4dor&3xyz", "correcthorsebattery", "hunter2hunter2", "Zq9plain!", "n0IRsecretX1",
       "pipel1nedSecret", "pregreetPw99", "cyrusDecoded7", "legitUserPw42", "R3layK3yQ77"]
bad = 0
for path in sys.argv[1:]:
    text = html.unescape(open(path, encoding="utf-8").read())
    for pw in pws:
        for form in (pw, base64.b64encode(pw.encode()).decode().rstrip("=")):
            if form in text:
                print("LEAK %s in %s" % (form, path))
                bad += 1
    if "<script>" not in text:
        bad += 1
sys.exit(1 if bad else 0)
PY
then ok; else bad "a planted password in the HTML report"; fi

# the hostile log, made of the corpus's own lines
{
	grep 'smtpd\[15550\]' "$data/mail.log" | head -n 4 |
		sed 's|helo=<WIN-8D2KE>|helo=<<script>alert(1)</script>>|'
	grep 'submission/smtpd\[15320\]' "$data/mail.log" | head -n 40 |
		sed 's|sasl_username=.*|sasl_username="><img src=x onerror=alert(2)>|'
	grep -m 1 'status=sent' "$data/mail.log" | sed 's|@[a-z0-9.-]*>|@<svg onload=alert(4)>.test>|'
} >"$tmp/hostile.log"
"$bin" report --html "$tmp/hostile.html" "$tmp/hostile.log" 2>/dev/null
if grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/hostile.html" &&
	grep -q '&quot;&gt;&lt;img src=x onerror=alert(2)&gt;' "$tmp/hostile.html" &&
	grep -q '&lt;svg onload=alert(4)&gt;.test' "$tmp/hostile.html" &&
	! grep -q '<img' "$tmp/hostile.html" && [ "$(grep -c '<script>' "$tmp/hostile.html")" = 1 ]; then
	ok
else
	bad "hostile strings not escaped in the file"
fi

# the browser
shot=$top/build/suite-html/report.png
if ! command -v chromium >/dev/null 2>&1; then
	bad "chromium missing (apt-get install chromium)"
elif [ -z "$py" ]; then
	bad "python3's websocket module missing (apt-get install python3-websocket)"
else
	rm -f "$shot"
	"$bin" report --lang pt_BR --html "$tmp/pt.html" "$data/mail.log" 2>/dev/null
	timeout 300 "$py" "$top/tests/html_browser.py" "$tmp/mail.html" "$tmp/mail.json" \
		"$tmp/hostile.html" "$shot" "$tmp/pt.html" >"$tmp/browser" 2>&1
	rc=$?
	grep -v '^PASS' "$tmp/browser"
	line=$(grep -E '^html-browser: [0-9]+ passed, [0-9]+ failed$' "$tmp/browser")
	if [ -n "$line" ]; then
		p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
		f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed/\1/')
		pass=$((pass + p))
		fail=$((fail + f))
		[ $rc = 0 ] || [ "$f" != 0 ] || bad "html_browser.py: exit $rc"
	else
		bad "html_browser.py: no summary line (exit $rc)"
	fi
	if [ -s "$shot" ]; then echo "screenshot: $shot"; fi
fi

# every verdict has its colour in the page's style sheet (a class per verdict id)
top=$(cd "$(dirname "$0")/.." && pwd)
for id in $(sed -n 's/^[[:space:]]*X(V_[A-Z_]*, "\([a-z-]*\)".*/\1/p' "$top/src/analyze/verdicts.h"); do
	if grep -q "^\.v-$id {" "$top/src/report/html_page.css"; then ok; else
		bad "html_page.css has no colour for verdict $id (.v-$id)"
	fi
done

echo "html: $pass passed, $fail failed"
[ "$fail" = 0 ]
