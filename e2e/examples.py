#!/usr/bin/env python3
"""examples.py OUT DEST - examples/mail.log from an e2e run (make examples).

OUT is the output of a one-server run (E2E_ONLY=syslog e2e/run.sh): its
mail.log, written by rsyslogd in RSYSLOG_FileFormat, is copied to DEST with
the loopback addresses of the clients and of the "remote" sinks mapped onto
RFC 5737 documentation addresses, one for one and everywhere in the line
(the same addresses the stored corpus used for the same roles, so that
`postsleuth explain --ip 198.51.100.206 examples/mail.log` shows the brute
force there too).  The server's own addresses (127.0.0.1, 127.0.0.3) stay.
Nothing else in a line is changed.
"""
import os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import drivers, harness  # noqa: E402

ROLE = {  # scenario -> documentation addresses, in ADDR order
    "capability_probe": ["203.0.113.67"],
    "dot_probe": ["198.51.100.37", "198.51.100.240", "192.0.2.120"],
    "auth_bruteforce": ["198.51.100.206"],
    "auth_bruteforce_tlsdebug": ["203.0.113.251"],
    "relay_attempt": ["198.51.100.160", "198.51.100.11"],
    "verbose_client": ["198.51.100.3"],
    "normal_inbound": ["203.0.113.74", "198.51.100.128"],
    "normal_submission": ["203.0.113.185", "203.0.113.29", "192.0.2.169"],
    "account_usual": ["192.0.2.91"],
    "compromised_account": ["198.51.100.137"],
}
SINK = {"mx.remote1.test": "192.0.2.41", "mx.bigmail.test": "192.0.2.208",
        "mx.securemail.test": "192.0.2.175", "mx.slowmail.test": "198.51.100.136",
        "mx.oldcompany.test": "198.51.100.213", "relay.smarthost.test": "198.51.100.58"}


def mapping():
    inst = next(i for i in harness.INSTANCES if i["name"] == "syslog")
    m = {}
    for scenario, hosts in drivers.ADDR.items():
        for n, doc in zip(hosts, ROLE[scenario], strict=True):
            m[f"{inst['prefix']}.0.{n}"] = doc
    for s in harness.SINKS:
        m[s["ip"]] = SINK[s["name"]]
    return m


def main():
    out, dest = sys.argv[1], sys.argv[2]
    m = mapping()
    keep = {"127.0.0.1", "127.0.0.3"}
    ip = re.compile(r"(?<![\d.])127\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\.?\d)")
    left = set()

    def sub(mo):
        a = mo.group(0)
        if a in m:
            return m[a]
        if a not in keep:
            left.add(a)
        return a
    with open(os.path.join(out, "mail.log"), encoding="utf-8", errors="surrogateescape") as f:
        text = ip.sub(sub, f.read())
    if left:
        sys.exit(f"examples: addresses with no mapping: {sorted(left)}")
    tmp = dest + ".tmp"
    with open(tmp, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(text)
    os.replace(tmp, dest)
    print(f"examples: {dest}: {text.count(chr(10))} lines")


if __name__ == "__main__":
    main()
