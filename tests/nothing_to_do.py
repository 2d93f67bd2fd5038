#!/usr/bin/env python3
"""nothing_to_do.py BIN TOP SHARED - "Nothing needs doing" is never said
while mail fails or is at risk.

Over every log at hand (tests/data, and in SHARED: the corpus, the
conformance logs, the seeds, the qa-dev excerpts; read in place, never
copied): when `report --json` shows bounced, deferred or expired mail,
a client of the server's own network (loopback, RFC 1918, 100.64/10,
ULA, link-local) refused, or a finding of severity 2 (warning) or more,
the text report must not say "Nothing needs doing" - in English, and
in pt_BR and es (the same code path, each catalogue's own words).
Prints one line per failure and ends with "nothing-to-do: N passed, N failed".
"""
import ipaddress
import gzip
import json
import os
import re
import subprocess
import sys

OWN = [ipaddress.ip_network(n) for n in (
    "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
    "169.254.0.0/16", "::1/128", "fc00::/7", "fe80::/10")]
PREFIX = re.compile(rb"postfix[\w.-]*(/[\w.-]+)+\[\d+\]:")
SENTENCE = "  Nothing needs doing.\n"


def own(ip):
    try:
        a = ipaddress.ip_address(ip)
    except ValueError:
        return False
    if a.version == 6 and a.ipv4_mapped:
        a = a.ipv4_mapped
    return any(a in n for n in OWN)


def po_string(path, msgid):
    """the msgstr of msgid in a catalogue (plain entries, as msgmerge writes them)"""
    text = open(path, encoding="utf-8").read()
    for entry in text.split("\n\n"):
        if "#, fuzzy" in entry:
            continue
        m = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', entry, re.M)
        if not m:
            continue

        def unq(s):
            return "".join(json.loads(p) for p in re.findall(r'"(?:[^"\\]|\\.)*"', s))
        if unq(m.group(1)) == msgid:
            return unq(m.group(2))
    return None


def logs(top, shared):
    """every log at hand, sorted"""
    out = []
    for base, pat in ((os.path.join(top, "tests/data"), None),
                      (os.path.join(shared, "corpus"), None),
                      (os.path.join(shared, "conformance"), PREFIX),
                      (os.path.join(shared, "seeds"), None),
                      (os.path.join(shared, "qa-dev"), None)):
        for d, _, files in os.walk(base):
            if "/postfix-source" in d:
                continue
            for f in files:
                p = os.path.join(d, f)
                if f.endswith((".log", ".gz")) or (f.endswith(".txt") and "seeds" in d) or \
                        (pat and re.search(r"(^|[._-])(mail|maillog|log)", f)):
                    if f.endswith(".gz") or not pat:
                        out.append(p)
                        continue
                    with open(p, "rb") as fh:
                        if PREFIX.search(fh.read(1 << 20)):
                            out.append(p)
    return sorted(set(out))


def expired_in(log):
    """the log itself (not our JSON) says qmgr gave up on a message"""
    opener = gzip.open if log.endswith(".gz") else open
    try:
        with opener(log, "rb") as fh:
            return b"status=expired" in fh.read(64 << 20)
    except OSError:
        return False


def at_risk(j, log):
    """why the JSON (or the log's own expiry lines) says mail fails or is at
    risk, or None"""
    if expired_in(log):
        return "the log has status=expired lines"
    t = j.get("totals", {})
    if t.get("bounced") or t.get("deferred"):
        return f"{t.get('bounced', 0)} bounced, {t.get('deferred', 0)} deferred"
    for a in j.get("accounts", []):
        if a.get("expired"):
            return f"account {a.get('name')}: expired mail"
    for c in j.get("clients", []):
        if own(c.get("ip", "")) and (c.get("rejects") or c.get("relay_denied")):
            return f"own client {c['ip']} refused"
    for f in j.get("findings", []):
        if f.get("severity", 0) >= 2:
            return f"finding {f['id']} (severity {f['severity']})"
    return None


def main():
    bin_, top, shared = sys.argv[1:4]
    words = {"en": SENTENCE}
    for lang in ("pt_BR", "es"):
        s = po_string(os.path.join(top, "po", lang + ".po"), SENTENCE)
        if not s:
            print(f"FAIL po/{lang}.po: no translation of {SENTENCE!r}")
            print("nothing-to-do: 0 passed, 1 failed")
            return 1
        words[lang] = s
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")
    env.setdefault("POSTSLEUTH_LOCALEDIR", os.path.join(top, "build/locale"))
    passed = failed = risky = 0
    files = logs(top, shared)
    for log in files:
        p = subprocess.run([bin_, "report", "--json", "--year", "2026", log], capture_output=True,
                           env=env, timeout=600)
        try:
            j = json.loads(p.stdout)
        except ValueError:
            continue  # not a Postfix log (exit 1, said on stderr): nothing to judge
        why = at_risk(j, log)
        if not why:
            continue
        risky += 1
        for lang, sentence in words.items():
            t = subprocess.run([bin_, "report", "--color=never", "--lang", lang, "--year", "2026", log],
                               capture_output=True, env=env, timeout=600).stdout.decode("utf-8", "replace")
            name = os.path.relpath(log, shared if log.startswith(shared) else top)
            if sentence in t:
                failed += 1
                print(f"FAIL {name} ({lang}): says {sentence.strip()!r} although {why}")
            else:
                passed += 1
    print(f"nothing-to-do: {len(files)} logs read, {risky} where mail fails or is at risk")
    print(f"nothing-to-do: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
