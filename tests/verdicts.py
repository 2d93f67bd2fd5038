#!/usr/bin/env python3
"""verdicts.py BIN TRUTH LOG [--year Y] [--clients IP,IP...]

Runs `BIN report --json LOG` and checks every client address and SASL
account that truth.json knows (or only --clients) against what the
scenario drivers really did: the verdict (table below), the number of
connections, SASL failures and accepted messages.  The truth comes from
the drivers, never from the log.  Prints one line per failure and
"verdicts: N passed, N failed".
"""
import json, subprocess, sys

# scenario (truth.json) -> the client verdict postsleuth must give
SCENARIO_VERDICT = {
    "capability_probe": "capability-probe",
    "idle_timeout": "capability-probe",
    "syntax_probe": "non-smtp-probe",
    "too_many_errors": "non-smtp-probe",
    "http_probe": "non-smtp-probe",
    "auth_bruteforce": "auth-bruteforce",
    "auth_bruteforce_tlsdebug": "auth-bruteforce",
    "relay_attempt": "relay-attempt",
    "pregreet_pipelining": "pregreet",
    "lost_after_connect": "unknown",
    "compromised_account": "account-abuse",
    "verbose_client": "legitimate",
    "normal_inbound": "legitimate",
    "normal_submission": "legitimate",
}
HOSTILE = {"auth-bruteforce", "auth-success-after-failures", "relay-attempt", "account-abuse",
           "non-smtp-probe", "capability-probe", "pregreet", "pipelining", "protocol-violation",
           "spam-rejected"}


def main():
    args = sys.argv[1:]
    binp, truthp, log = args[0], args[1], args[2]
    year, only = None, None
    if "--year" in args:
        year = args[args.index("--year") + 1]
    if "--clients" in args:
        only = set(args[args.index("--clients") + 1].split(","))
    truth = json.load(open(truthp))
    cmd = [binp, "report", "--json", log] + (["--year", year] if year else [])
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        print(f"FAIL {' '.join(cmd)}: exit {out.returncode}: {out.stderr.strip()}")
        print("verdicts: 0 passed, 1 failed")
        return 1
    rep = json.loads(out.stdout)
    clients = {c["ip"]: c for c in rep["clients"]}
    accounts = {a["username"]: a for a in rep["accounts"]}
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL", what)

    for ip, t in truth["clients"].items():
        if only is not None and ip not in only:
            continue
        want = SCENARIO_VERDICT[t["scenarios"][0]]
        c = clients.get(ip)
        check(c is not None, f"{log}: client {ip} ({t['scenarios'][0]}) missing from the report")
        if c is None:
            continue
        check(c["verdict"] == want, f"{log}: {ip} ({t['scenarios'][0]}): verdict {c['verdict']}, want {want}")
        if want == "legitimate":
            check(c["verdict"] not in HOSTILE, f"{log}: legitimate {ip} accused: {c['verdict']}")
        if only is None:
            # whole-run logs: the counts must match what the drivers did
            check(c["sessions"] == t["connections"],
                  f"{log}: {ip}: sessions {c['sessions']}, truth {t['connections']}")
            check(c["auth_failures"] == t["auth_failures"],
                  f"{log}: {ip}: auth_failures {c['auth_failures']}, truth {t['auth_failures']}")
            check(c["messages"] == t["messages_accepted"],
                  f"{log}: {ip}: messages {c['messages']}, truth {t['messages_accepted']}")
    comp = truth["compromised_account"]["username"]
    for user in truth["sasl_users"]:
        a = accounts.get(user)
        if only is not None and (a is None):
            continue
        check(a is not None, f"{log}: account {user} missing")
        if a is None:
            continue
        abused_here = only is None or truth["compromised_account"]["attacker_ip"] in only
        want = "compromised-suspect" if user == comp and abused_here else "normal"
        check(a["verdict"] == want, f"{log}: account {user}: {a['verdict']}, want {want}")
    print(f"verdicts: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
