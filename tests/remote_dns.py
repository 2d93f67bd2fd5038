#!/usr/bin/env python3
"""remote_dns.py BIN DATA TMP - the remote-DNS warnings never count against
a client nor show a server problem.  Into the corpus log (DATA/mail.log)
it writes, before every smtpd "connect from", the lines smtpd logs when
the client's DNS is broken (smtpd_peer.c, util/valid_hostname.c,
dns/dns_lookup.c format strings, with the client's own address), then
checks the report: every client keeps its true verdict (verdicts.py, on
DATA/truth.json), the findings are those of the plain log plus
client-dns-inconsistent (benign, the remote side), and nothing says mail
is broken that was not before.  Prints "remote-dns: N passed, N failed"."""
import json, os, re, subprocess, sys

bin_, data, tmp = sys.argv[1:4]
env = dict(os.environ, TZ="UTC", LC_ALL="C")
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


conn = re.compile(r"^(\S+ \S+ postfix/(?:[\w-]+/)?smtpd\[\d+\]: )connect from ([^\[]+)\[([^\]]+)\]")
out = os.path.join(tmp, "remote-dns.log")
added = 0
with open(os.path.join(data, "mail.log"), encoding="utf-8", errors="replace") as f, open(out, "w") as w:
    for line in f:
        m = conn.match(line)
        if m:
            pre, ip = m.group(1), m.group(3)
            w.write(f"{pre}warning: hostname ptr-{ip.replace('.', '-').replace(':', '-')}.example.net does not resolve to address {ip}: Name or service not known\n")
            w.write(f"{pre}warning: {ip}: address not listed for hostname ptr.example.net\n")
            # a lookup that failed for now (EAI_AGAIN: "Temporary failure in
            # name resolution") is this host's DNS (client-name-lookups-failing),
            # not the client's: the client's own broken name is EAI_NONAME
            w.write(f"{pre}warning: {ip}: hostname ptr.example.net verification failed: Name or service not known\n")
            w.write(f"{pre}warning: valid_hostname: misplaced delimiter: .\n")
            w.write(f"{pre}warning: numeric domain name in resource data of MX record for example.org: 192.0.2.1\n")
            added += 5
        w.write(line)
check(added > 100, f"remote-DNS lines written: {added}")


def report(log):
    p = subprocess.run([bin_, "report", "--json", log], capture_output=True, text=True, env=env)
    return json.loads(p.stdout)


plain, dns = report(os.path.join(data, "mail.log")), report(out)
# the verdicts, with the truth's own checks
p = subprocess.run([sys.executable, os.path.join(os.path.dirname(sys.argv[0]), "verdicts.py"), bin_,
                    os.path.join(data, "truth.json"), out], capture_output=True, text=True, env=env)
for l in p.stdout.splitlines():
    if l.startswith("FAIL"):
        print(l)
check(p.returncode == 0, "verdicts.py on the log with the remote-DNS lines")
before = {c["ip"]: c["verdict"] for c in plain["clients"]}
after = {c["ip"]: c["verdict"] for c in dns["clients"]}
check(before == after, "every client keeps the verdict it has without the remote-DNS lines: "
      + ", ".join(f"{ip} {before.get(ip)} -> {v}" for ip, v in after.items() if before.get(ip) != v))
ids_plain = {f["id"] for f in plain["findings"]}
ids_dns = {f["id"] for f in dns["findings"]}
check(ids_dns - ids_plain == {"client-dns-inconsistent"},
      f"new findings: {sorted(ids_dns - ids_plain)}, want only client-dns-inconsistent")
for f in dns["findings"]:
    if f["id"] == "client-dns-inconsistent":
        check(f["side"] == "remote-server" and f["severity"] == 0 and f["impact"] == "nothing",
              f"client-dns-inconsistent is {f['side']}, severity {f['severity']}, {f['impact']}")
n = sum(f["lines"] for f in dns["findings"] if f["id"] == "client-dns-inconsistent")
check(n == added, f"client-dns-inconsistent holds {n} lines, want {added}")
check(sum(f["lines"] for f in dns["findings"] if f["id"] == "other-warnings")
      == sum(f["lines"] for f in plain["findings"] if f["id"] == "other-warnings"),
      "no remote-DNS line falls into other-warnings")
print(f"remote-dns: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
