#!/bin/sh
# suite-verdicts.sh BIN - every corpus log (tests/data: a copy of the real
# Postfix 3.7 corpus) must give each client and account its true verdict,
# per truth.json (what the scenario drivers did), with no false accusation.
# Last line: "verdicts: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: verdicts.py runs it, a bare "postsleuth" is not on PATH
top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/tests/data
truth=$data/truth.json
export TZ=UTC LC_ALL=C
if ! command -v python3 >/dev/null 2>&1; then
	echo "verdicts: python3 missing"; echo "verdicts: 0 passed, 1 failed"; exit 1
fi
pass=0 fail=0
tally() {
	line=$(tail -n 1 "$1")
	p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	grep '^FAIL' "$1"
	pass=$((pass + p)); fail=$((fail + f))
}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/mail.log" >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/mail-classic.log" --year 2026 >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/extra/mail.journal" >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/extra/mail.journal.short-iso.log" >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/extra/mail.journal.json" >"$out"; tally "$out"
python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/extra/mail.journal.short-precise.log" --year 2026 >"$out"; tally "$out"
# each scenario's own window: its clients only
python3 - "$truth" >"$out.list" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
for s in t["per_scenario_logs"]:
    print(s["file"], s["classic_file"], ",".join(s["client_ips"]))
PY
while read -r iso classic ips; do
	python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/$iso" --clients "$ips" >"$out"; tally "$out"
	python3 "$top/tests/verdicts.py" "$bin" "$truth" "$data/$classic" --year 2026 --clients "$ips" >"$out"; tally "$out"
done <"$out.list"
rm -f "$out.list"
echo "verdicts: $pass passed, $fail failed"
[ "$fail" = 0 ]
