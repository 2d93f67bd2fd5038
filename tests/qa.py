#!/usr/bin/env python3
"""qa.py BIN QADEV EXPECT - each real admin's question (QADEV/NN-slug/input.log)
against what tests/qa-dev.expect says postsleuth must state about it.
Prints PASS/FAIL/SKIP lines and the summary "qa: N passed, N failed, N skipped"."""
import glob, json, os, re, subprocess, sys

bin_, qadev, expect = sys.argv[1:4]
env = dict(os.environ, TZ="UTC", LC_ALL="C")
passed = failed = skipped = 0


def run(args):
    p = subprocess.run([bin_] + args, capture_output=True, text=True, env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr


for raw in open(expect):
    line = raw.split("#", 1)[0].strip()
    if not line:
        continue
    nn, *words = line.split()
    dirs = glob.glob(os.path.join(qadev, nn + "-*"))
    if len(dirs) != 1:
        print(f"FAIL {nn}: no case folder")
        failed += 1
        continue
    case = os.path.basename(dirs[0])
    log = os.path.join(dirs[0], "input.log")
    pending = [w.split("=", 1)[1] for w in words if w.startswith("pending=")]
    if pending:
        print(f"SKIP {case}: {pending[0]}")
        skipped += 1
        continue
    rc, out, err = run(["report", "--json", log])
    try:
        rep = json.loads(out)
    except ValueError as e:
        print(f"FAIL {case}: report --json is not JSON ({e}); stderr: {err.strip()[:200]}")
        failed += 1
        continue
    found = {f["id"] for f in rep.get("findings", [])}
    clients = {c["ip"]: c for c in rep.get("clients", [])}
    problems = []
    for w in words:
        k, _, v = w.partition("=")
        if k == "finding" and v not in found:
            problems.append(f"finding {v} missing (got {sorted(found)})")
        elif k == "nofinding" and v in found:
            problems.append(f"finding {v} should not be there")
        elif k == "calm":
            c = clients.get(v)
            if c and c["severity"] >= 3:
                problems.append(f"{v} accused: {c['verdict']}")
        elif k == "campaign":
            kind, _, n = v.partition(":")
            got = [(c["kind"], c["addresses"]) for c in rep.get("campaigns", [])]
            if got != [(kind, int(n))]:
                problems.append(f"campaigns {got}, want one {kind} of {n} addresses")
        elif k == "verdict":
            ip, _, want = v.partition(":")
            got = clients.get(ip, {}).get("verdict")
            if got != want:
                problems.append(f"{ip}: verdict {got}, want {want}")
    # ban=IP: "ban" lists the address; noban=IP: neither "ban" nor the
    # fail2ban filters' check (fail2ban --json, its addresses) ever names it
    bans = [w for w in words if w.startswith(("ban=", "noban="))]
    if bans:
        _, bout, _ = run(["ban", log])
        listed = set(bout.split())
        _, fout, _ = run(["fail2ban", "--json", log])
        # a jail's ignoreip names the addresses it never bans
        fout = re.sub(r"ignoreip = [^\\\n]*", "", fout)
        for w in bans:
            k, _, ip = w.partition("=")
            if k == "ban" and ip not in listed:
                problems.append(f"ban does not list {ip}")
            elif k == "noban" and (ip in listed or ip in fout):
                problems.append(f"{ip} listed by ban or fail2ban")
    # advise carries the same findings, with their fixes
    rc, out, err = run(["advise", "--json", log])
    try:
        adv = {f["id"] for f in json.loads(out).get("findings", [])}
    except ValueError:
        adv = None
    if adv is None:
        problems.append("advise --json is not JSON")
    elif adv != found:
        problems.append(f"advise tells findings {sorted(adv)}, report {sorted(found)}")
    # explain on the excerpt as pasted (stdin, no selector): every line told,
    # each finding of the report tied to a line, calm clients never blamed
    with open(log, "rb") as fh:
        data = fh.read()
    p = subprocess.run([bin_, "explain", "--json", "-"], input=data, capture_output=True, env=env,
                       timeout=120)
    try:
        ex = json.loads(p.stdout)
    except ValueError:
        ex = None
    if not ex or ex.get("select") != "lines":
        problems.append("explain - does not tell the lines")
    else:
        # a told stretch (a wrapped line, a DSN paragraph) counts its
        # non-blank lines: a paste may double the line ends inside it
        full = [bool(l.strip()) for l in data.split(b"\n")]
        # records a copy site flattened onto one line are told one by
        # one with that line's number: a line's range counts once
        ranges = {(l["line"], l["last_line"]) for l in ex["lines"]}
        told = sum(max(1, sum(full[i - 1] for i in range(a, z + 1) if 0 < i <= len(full)))
                   for a, z in ranges)
        want = sum(full)
        if told != want:
            problems.append(f"explain tells {told} of {want} lines")
        on_lines = {l["finding"] for l in ex["lines"] if l["finding"]}
        for f in found - on_lines:
            problems.append(f"explain ties no line to finding {f}")
        if {f["id"] for f in ex.get("findings", [])} != found:
            problems.append("explain's findings differ from report's")
        for w in words:
            k, _, v = w.partition("=")
            if k == "calm" and any(l["client"] == v and l["at_fault"] == "hostile-client"
                                   for l in ex["lines"]):
                problems.append(f"explain blames calm client {v}")
    # say=PHRASE / nosay=PHRASE ('_' for a space): the text report and
    # explain's text, their lines joined (wrapping breaks at spaces), do or
    # do not hold it
    nosay = [w.split("=", 1)[1].replace("_", " ") for w in words if w.startswith("nosay=")]
    say = [w.split("=", 1)[1].replace("_", " ") for w in words if w.startswith("say=")]
    if nosay or say:
        _, text, _ = run(["report", "--color=never", log])
        _, xtext, _ = run(["explain", "--color=never", log])
        joined = " ".join((text + "\n" + xtext).split())
        for phrase in nosay:
            if phrase in text or phrase in xtext or phrase in joined:
                problems.append(f"says {phrase!r}")
        for phrase in say:
            if phrase not in joined:
                problems.append(f"does not say {phrase!r}")
    affected = [f for f in rep.get("findings", []) if f["impact"] != "nothing" and f["severity"] >= 2]
    if affected:
        rc, text, err = run(["report", "--color=never", log])
        if "Nothing needs doing" in text:
            problems.append("says 'Nothing needs doing' while " + affected[0]["id"])
        # a title the text writer wrapped over two lines is still told
        flat = " ".join(text.split())
        for f in affected:
            if " ".join(f["title"].split()) not in flat:
                problems.append(f"text report does not tell {f['id']}")
    if problems:
        failed += 1
        print(f"FAIL {case}: " + "; ".join(problems))
    else:
        passed += 1
        print(f"PASS {case}")
# every finding of the table is documented in docs/findings.md
top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
import re
ids = re.findall(r'X\(F_\w+, "([\w-]+)"', open(os.path.join(top, "src/diagnose/finding.h")).read())
doc = open(os.path.join(top, "docs/findings.md")).read()
missing = [i for i in ids if f"| `{i}` |" not in doc]
if len(ids) < 40 or missing:
    failed += 1
    print(f"FAIL docs/findings.md: {len(ids)} findings, undocumented: {missing}")
else:
    passed += 1
    print(f"PASS docs/findings.md documents all {len(ids)} findings")
print(f"qa: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
