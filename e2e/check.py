#!/usr/bin/env python3
"""check.py BIN OUT - postsleuth on the logs of an e2e run, against truth.json.

OUT holds what e2e/harness.py left: the logs (mail.log and mail-classic.log
from rsyslogd, maillog from Postfix's maillog_file) and truth.json, written
from what the drivers, the sinks, the mailboxes and the queue recorded.
For every log of every Postfix instance it checks:

  - postsleuth reads it whole: exit 0, no unknown line, no line without
    a syslog shape;
  - every client address: its verdict (table below), sessions, AUTH
    failures and successes, accepted messages, the usernames it tried;
  - every SASL account: verdict (dave compromised-suspect, the others
    normal), logins, messages, recipients, and how many were sent,
    bounced and expired;
  - every accepted message (trace QUEUEID --json): found, complete, from
    the right client and account, each recipient with its real fate;
  - every bounce or delay notice found in a mailbox: the trace of the
    message it is about links it as a child of that kind, and the notice
    names that message as its parent.

For the broken "diag" instance (e2e/diag.py) it checks that each fault
played gives its finding in report --json (with its key where stable),
that none of its clients is accused, and that the text report does not
say "Nothing needs doing".

It also checks that the harness did what the issue asked (verbose and
TLS-debug lines present, queues empty, no driver error).  One FAIL line per
failed check; the last line is "e2e: N passed, N failed".
"""
import json, os, re, subprocess, sys, time

VERDICT = {
    "capability_probe": "capability-probe",
    "dot_probe": "non-smtp-probe",
    "auth_bruteforce": "auth-bruteforce",
    "auth_bruteforce_tlsdebug": "auth-bruteforce",
    "relay_attempt": "relay-attempt",
    "verbose_client": "legitimate",
    "normal_inbound": "legitimate",
    "normal_submission": "legitimate",
    "account_usual": "legitimate",
    "compromised_account": "account-abuse",
}
FATE_STATUS = {"sent": "sent", "sent_after_retry": "sent", "delivered_local": "sent",
               "bounced": "bounced", "expired": "deferred"}
SHAPE = {
    "mail.log": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 mx1 \S+: ",
    "mail-classic.log": r"^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d mx1 \S+: ",
    "maillog": r"^[A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d mx1 postfix",
    # the diag instance's ports 2531, 2533, 2536 and 465 stand for other hosts (relay
    # hosts, a TLS destination), each logging under its own name to the same
    # file (a central log)
    "diag.log": r"^[A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d (mx1|relay|verify|smtps|submit) postfix",
}
# verdicts that accuse a client (severity 3 and up, as tests/qa.py's "calm")
HOSTILE = {"relay-attempt", "auth-bruteforce", "account-abuse", "auth-success-after-failures"}


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def __call__(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL", what, flush=True)
        return ok


def run(bin_, args):
    p = subprocess.run([bin_] + args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check_log(bin_, out, log, inst, year, ok):
    path = os.path.join(out, log)
    name = f"{inst['logging']}:{log}"
    if not ok(os.path.exists(path) and os.path.getsize(path) > 0, f"{name}: no log written"):
        return
    lines = open(path, errors="replace").read().splitlines()
    ok(all(re.match(SHAPE[log], line) for line in lines),
       f"{name}: a line not in the expected shape: "
       f"{next((line for line in lines if not re.match(SHAPE[log], line)), '')!r}")
    yr = ["--year", year] if log != "mail.log" else []
    rc, so, se = run(bin_, ["report", "--json", path] + yr)
    if not ok(rc == 0, f"{name}: report exit {rc}: {se.strip()}"):
        return
    rep = json.loads(so)
    inp = rep["input"]
    ok(inp["unknown"] == 0, f"{name}: {inp['unknown']} unknown lines "
                            f"(postsleuth events {log} | grep '\"type\": *\"unknown\"')")
    ok(inp["no_syslog_prefix"] == 0, f"{name}: {inp['no_syslog_prefix']} lines without a syslog prefix")
    clients = {c["ip"]: c for c in rep["clients"]}
    for ip, t in sorted(inst["clients"].items()):
        c = clients.get(ip)
        sc = t["scenario"]
        if not ok(c is not None, f"{name}: client {ip} ({sc}) missing from the report"):
            continue
        what = f"{name}: {ip} ({sc})"
        ok(c["verdict"] == VERDICT[sc], f"{what}: verdict {c['verdict']}, want {VERDICT[sc]}")
        if t["ports"] != [2527]:  # postscreen's clients have no smtpd session
            ok(c["sessions"] == t["connections"], f"{what}: sessions {c['sessions']}, truth {t['connections']}")
        ok(c["auth_failures"] == t["auth_failures"],
           f"{what}: auth_failures {c['auth_failures']}, truth {t['auth_failures']}")
        ok(c["auth_successes"] == t["auth_successes"],
           f"{what}: auth_successes {c['auth_successes']}, truth {t['auth_successes']}")
        ok(c["messages"] == t["messages_accepted"],
           f"{what}: messages {c['messages']}, truth {t['messages_accepted']}")
        tried = sorted(u["username"] for u in c.get("usernames_tried", []))
        ok(tried == sorted(t["usernames_sent_to_sasl"]),
           f"{what}: usernames_tried {tried}, truth {sorted(t['usernames_sent_to_sasl'])}")
    for ip, c in sorted(clients.items()):
        if ip not in inst["clients"]:  # e.g. the other instance's clients in Dovecot's lines
            ok(c["verdict"] in ("unknown", "legitimate"),
               f"{name}: {ip}, not a client of this server, accused: {c['verdict']}")
    accounts = {a["username"]: a for a in rep["accounts"]}
    comp = inst["compromised_account"]["username"]
    for user, t in sorted(inst["accounts"].items()):
        a = accounts.get(user)
        if not ok(a is not None, f"{name}: account {user} missing from the report"):
            continue
        what = f"{name}: account {user}"
        want = "compromised-suspect" if user == comp else "normal"
        ok(a["verdict"] == want, f"{what}: verdict {a['verdict']}, want {want}")
        ok(a["logins"] == t["logins"], f"{what}: logins {a['logins']}, truth {t['logins']}")
        ok(a["messages"] == t["messages"], f"{what}: messages {a['messages']}, truth {t['messages']}")
        ok(a["recipients"] == t["recipients"], f"{what}: recipients {a['recipients']}, truth {t['recipients']}")
        f = t["fates"]
        sent = f.get("sent", 0) + f.get("sent_after_retry", 0) + f.get("delivered_local", 0)
        for key, want_n in (("sent", sent), ("bounced", f.get("bounced", 0)), ("expired", f.get("expired", 0))):
            ok(a.get(key) == want_n, f"{what}: {key} {a.get(key)}, truth {want_n}")
    ok(set(accounts) <= set(inst["accounts"]),
       f"{name}: accounts that never logged in: {sorted(set(accounts) - set(inst['accounts']))}")

    # traces: each accepted message, then each notice back to its message
    traces = {}
    for qid, m in sorted(inst["messages"].items()):
        rc, so, se = run(bin_, ["trace", "--json", qid, path] + yr)
        what = f"{name}: trace {qid} ({m['scenario']})"
        if not ok(rc == 0, f"{what}: exit {rc}: {se.strip()}"):
            continue
        tr = traces[qid] = json.loads(so)
        msg = next((x for x in tr["messages"] if x["queue_id"] == qid), None)
        if not ok(msg is not None, f"{what}: message not found"):
            continue
        problems = []
        if msg.get("end_kind") != "removed":
            problems.append(f"end_kind {msg.get('end_kind')}")
        if msg.get("client_ip") != m["client_ip"]:
            problems.append(f"client_ip {msg.get('client_ip')}, truth {m['client_ip']}")
        if msg.get("sasl_username") != m["sasl_username"]:
            problems.append(f"sasl_username {msg.get('sasl_username')}, truth {m['sasl_username']}")
        if msg.get("message_id") != m["message_id"]:
            problems.append(f"message_id {msg.get('message_id')}, truth {m['message_id']}")
        if msg.get("from") != m["sender"]:
            problems.append(f"from {msg.get('from')}, truth {m['sender']}")
        got = {r["to"]: r for r in msg.get("recipients", [])}
        for addr, r in sorted(m["recipients"].items()):
            if r["fate"] == "rejected_by_postfix":
                if addr in got:
                    problems.append(f"{addr} was refused at RCPT, yet listed")
                continue
            g = got.get(addr)
            want = FATE_STATUS.get(r["fate"], r["fate"])
            if g is None:
                problems.append(f"{addr} ({r['fate']}) missing")
            elif g.get("status") != want:
                problems.append(f"{addr}: status {g.get('status')}, truth {r['fate']}")
            elif r["fate"] == "sent_after_retry" and (g.get("attempts") or 0) < 2:
                problems.append(f"{addr}: sent after a retry, attempts {g.get('attempts')}")
        if any(r["fate"] == "expired" for r in m["recipients"].values()) and not msg.get("expired"):
            problems.append("not marked expired")
        ok(not problems, f"{what}: " + "; ".join(problems))
    for n in inst["notices"]:
        about = n["about_queue_id"]
        what = f"{name}: {n['kind']} notice {n['queue_id']} about {about}"
        if not ok(about is not None and n["queue_id"],
                  f"{name}: {n['kind']} notice {n['queue_id']} about an unknown message {n['about_message_id']}"):
            continue
        tr = traces.get(about)
        if tr is None:
            ok(False, f"{what}: no trace of {about}")
            continue
        orig = next((x for x in tr["messages"] if x["queue_id"] == about), {})
        kids = {(c["queue_id"], c["kind"]) for c in orig.get("children", [])}
        notice = next((x for x in tr["messages"] if x["queue_id"] == n["queue_id"]), None)
        ok((n["queue_id"], n["kind"]) in kids,
           f"{what}: not among the message's children {sorted(kids)}")
        ok(notice is not None and notice.get("parent_queue_id") == about
           and notice.get("parent_kind") == n["kind"],
           f"{what}: the trace does not show the notice with this parent "
           f"({None if notice is None else (notice.get('parent_queue_id'), notice.get('parent_kind'))})")


def check_notice_texts(bin_, out, name, inst, ok):
    """Each bounce and delay notice Postfix sent, read alone as a pasted
    one (src/syslog/bounce_mailq.c): its paragraphs give one status line
    per recipient of its machine-readable part, bounced for Action: failed,
    deferred for delayed, and nothing else"""
    want_status = {"failed": "bounced", "delayed": "deferred"}
    seen = 0
    for n in inst["notices"]:
        if not n.get("file") or not n.get("dsn"):
            continue
        path = os.path.join(out, n["file"])
        what = f"{name}: {n['kind']} notice {n['file']}"
        rc, so, se = run(bin_, ["events", path])
        if not ok(rc == 0, f"{what}: events exit {rc}: {se.strip()}"):
            continue
        seen += 1
        got = sorted([e["to"], e["status"]] for e in map(json.loads, so.splitlines())
                     if e.get("type") == "delivery")
        want = sorted([r, want_status.get(a, a)] for r, a in n["dsn"])
        ok(got == want, f"{what}: read {got}, its delivery-status part says {want}")
    ok(seen > 0, f"{name}: no notice read as a pasted one")


def check_diag(bin_, out, dg, year, ok):
    """The diag instance: each fault's finding, and no client accused."""
    log = dg["log"]
    path = os.path.join(out, log)
    name = f"diag:{log}"
    if not ok(os.path.exists(path) and os.path.getsize(path) > 0, f"{name}: no log written"):
        return
    lines = open(path, errors="replace").read().splitlines()
    ok(all(re.match(SHAPE[log], line) for line in lines),
       f"{name}: a line not in the expected shape: "
       f"{next((line for line in lines if not re.match(SHAPE[log], line)), '')!r}")
    rc, so, se = run(bin_, ["report", "--json", path, "--year", year])
    if not ok(rc == 0, f"{name}: report exit {rc}: {se.strip()}"):
        return
    rep = json.loads(so)
    ok(rep["input"]["unknown"] == 0, f"{name}: {rep['input']['unknown']} unknown lines "
                                     f"(postsleuth events {log} | grep '\"type\": *\"unknown\"')")
    found, subjects = {}, {}
    for f in rep.get("findings", []):
        found.setdefault(f["id"], []).append(f["key"])
        subjects.setdefault(f["id"], set()).update(f.get("subjects", []))
    for w in dg["findings"]:
        what = f"{name}: {w['finding']}" + (f" [{w['key']}]" if w["key"] else "")
        # the harness first: the fault was played as planned
        if not ok(w["done"], f"harness diag: not played: {w['why']}"):
            continue
        keys = found.get(w["finding"])
        if w.get("absent"):
            # one cause, one finding: an effect told with its cause; with
            # a key, only that group must be missing (the finding may hold
            # other keys rightly)
            if w["key"]:
                ok(w["key"] not in (keys or []), f"{what} reported ({w['why']}): {keys}")
            else:
                ok(keys is None, f"{what} reported apart ({w['why']}): {keys}")
            continue
        # the client whose refusal shows the fault is this finding's, and
        # no other of these findings' (each 451 told with its own cause)
        if w.get("subject"):
            ok(w["subject"] in subjects.get(w["finding"], set()),
               f"{what}: {w['subject']} not among its subjects {sorted(subjects.get(w['finding'], []))}")
            others = [o for o in dg["findings"] if o.get("subject") and o["finding"] != w["finding"]]
            for o in others:
                ok(o["subject"] not in subjects.get(w["finding"], set()),
                   f"{what}: {o['subject']}'s refusal ({o['finding']}) told as this one's")
        if not ok(keys is not None, f"{what} missing ({w['why']}); findings: "
                                    f"{sorted((k, v) for k, vs in found.items() for v in vs)}"):
            continue
        if w["key"]:
            ok(w["key"] in keys, f"{what}: key not found, got {keys}")
    clients = {c["ip"]: c for c in rep["clients"]}
    for ip, t in sorted(dg["clients"].items()):
        c = clients.get(ip)
        if not ok(c is not None, f"{name}: client {ip} ({t['scenario']}) missing from the report"):
            continue
        ok(c["verdict"] not in HOSTILE and c["severity"] < 3,
           f"{name}: {ip} ({t['scenario']}), a legitimate client, accused: {c['verdict']}")
        ok(c["verdict"] not in BANNABLE,
           f"{name}: {ip} ({t['scenario']}), a legitimate client, to be banned: {c['verdict']}")
        want_v = dg.get("verdicts", {}).get(ip)
        if want_v:
            ok(c["verdict"] == want_v, f"{name}: {ip} ({t['scenario']}): verdict {c['verdict']}, want {want_v}")
        if not set(t["ports"]) & {2527, 2537}:  # postscreen's clients: no smtpd session each
            ok(c["sessions"] == t["connections"],
               f"{name}: {ip} ({t['scenario']}): sessions {c['sessions']}, truth {t['connections']}")
    # the bots of postscreen's after-greeting tests (port 2537): each
    # its verdict, none an accusation of more than a nuisance
    for ip, b in sorted(dg.get("bots", {}).items()):
        c = clients.get(ip)
        if not ok(c is not None, f"{name}: bot {ip} ({b['scenario']}) missing from the report"):
            continue
        ok(c["severity"] < 3, f"{name}: bot {ip} ({b['scenario']}) accused beyond a nuisance: "
                              f"{c['verdict']}")
        if b["verdict"]:
            ok(c["verdict"] == b["verdict"],
               f"{name}: bot {ip} ({b['scenario']}): verdict {c['verdict']}, want {b['verdict']}")
    for ip, c in sorted(clients.items()):
        if ip not in dg["clients"] and ip not in dg.get("bots", {}):
            ok(c["verdict"] not in HOSTILE, f"{name}: {ip}, not a client here, accused: {c['verdict']}")
    rc, so, se = run(bin_, ["report", "--color=never", path, "--year", year])
    ok(rc == 0 and "Nothing needs doing" not in so,
       f"{name}: the text report says 'Nothing needs doing' (exit {rc})")
    check_diag_mailq(bin_, out, dg, ok)


# the findings whose cause a deferral's reason alone carries: what the
# queue listing of the mail left deferred must tell by itself
QUEUE_FINDINGS = {"mailbox-delivery-unreachable", "content-filter-unreachable", "transport-unavailable",
                  "outbound-tls-not-offered", "outbound-connect-refused"}


def check_diag_mailq(bin_, out, dg, ok):
    """postqueue -p's listing of the diag instance's deferred mail, pasted
    alone (src/syslog/bounce_mailq.c): a message per entry, and the
    faults whose mail waits in the queue told from their reasons"""
    path = os.path.join(out, "diag-mailq.txt")
    name = "diag:diag-mailq.txt"
    if not ok(os.path.exists(path) and os.path.getsize(path) > 0, f"{name}: not written (postqueue -p)"):
        return
    text = open(path, errors="replace").read()
    m = re.search(r"^-- \d+ Kbytes in (\d+) Requests?\.$", text, re.M)
    ok(m and int(m.group(1)) == dg.get("mailq_left") > 0,
       f"{name}: postqueue lists {m.group(1) if m else 'no'} requests, the queue held {dg.get('mailq_left')}")
    rc, so, se = run(bin_, ["report", "--json", path])
    if not ok(rc == 0, f"{name}: report exit {rc}: {se.strip()}"):
        return
    rep = json.loads(so)
    ok(m and rep["model"]["messages"] == int(m.group(1)),
       f"{name}: {rep['model']['messages']} messages, postqueue lists {m.group(1) if m else 'none'}")
    ok(rep["input"].get("pasted_lines", 0) > rep["model"]["messages"],
       f"{name}: {rep['input'].get('pasted_lines', 0)} lines made, fewer than a deferral per message")
    found = {}
    for f in rep.get("findings", []):
        found.setdefault(f["id"], []).append(f["key"])
    for w in dg["findings"]:
        if w["finding"] not in QUEUE_FINDINGS or not w["done"]:
            continue
        what = f"{name}: {w['finding']}" + (f" [{w['key']}]" if w["key"] else "")
        keys = found.get(w["finding"]) or []
        if w.get("absent"):
            ok(w["key"] not in keys if w["key"] else not keys, f"{what} reported ({w['why']}): {keys}")
        else:
            ok(w["finding"] in found and (not w["key"] or w["key"] in keys),
               f"{what} not told from the queue listing ({w['why']}); got {sorted(found.items())}")
    rc, so, se = run(bin_, ["report", "--color=never", path])
    ok(rc == 0 and "Nothing needs doing" not in so,
       f"{name}: the text report says 'Nothing needs doing' (exit {rc})")


# what "postsleuth ban" lists by default, so what watch bans (severity 3 and
# up, and the probes); the account-abuse client logged in: never banned
BANNABLE = {"capability-probe", "non-smtp-probe", "auth-bruteforce", "relay-attempt",
            "pregreet", "pipelining", "protocol-violation"}


def sql(db, q):
    p = subprocess.run(["sqlite3", db, q], capture_output=True, text=True)
    return p.stdout.strip()


def check_live(bin_, out, inst, ok):
    """postsleuth watch followed live/mail.log while logrotate rotated it and
    it was killed with SIGKILL twice (e2e/live.py): the nftables set of the
    namespace, what it printed, its SQLite state and its metrics"""
    d = os.path.join(out, "live")
    if not ok(os.path.exists(os.path.join(d, "result.json")), "live: no live/result.json (watch not run?)"):
        return
    res = json.load(open(os.path.join(d, "result.json")))
    ok(not res["errors"], f"live: the harness's steps failed: {res['errors']}")
    ok(res["exit"] == 0, f"live: watch exit {res['exit']} after SIGTERM")
    ev = [e for _t, e in res["events"]]
    ok(ev.count("kill -9") == 2 and "logrotate create" in ev and "logrotate copytruncate" in ev,
       f"live: not every disturbance happened: {ev}")
    names = sorted(os.listdir(d))
    ok("mail.log.1" in names and "mail.log.2.gz" in names,
       f"live: logrotate left {names}, want mail.log.1 and mail.log.2.gz")
    db = os.path.join(d, "state.db")
    full = sum(1 for _ in open(os.path.join(out, "mail.log"), "rb"))
    read = int(sql(db, "SELECT value FROM counter WHERE name = 'lines'") or 0)
    ok(res["lines_written"] == full, f"live: the rotated files hold {res['lines_written']} lines, "
                                     f"mail.log {full}: a line lost in rotation")
    ok(read == full, f"live: watch counted {read} lines, {full} were written (0 lost, 0 twice)")
    # the set: every hostile client of this server once, no legitimate one,
    # the element put there before still there
    sets = [x["set"] for x in json.load(open(os.path.join(d, "nft.json")))["nftables"] if "set" in x]
    elems = set()
    for e in sets[0].get("elem", []) if sets else []:
        v = e["elem"]["val"] if isinstance(e, dict) and "elem" in e else e
        elems.add(v)
    want = {ip for ip, t in inst["clients"].items() if VERDICT[t["scenario"]] in BANNABLE}
    legit = set(inst["clients"]) - want
    ok(res["sentinel"] in elems, f"live: {res['sentinel']}, in the set before, is gone: the set was flushed")
    ok(not want - elems, f"live: hostile clients not in the set: {sorted(want - elems)}")
    ok(not legit & elems, f"live: legitimate clients in the set: "
                          f"{sorted((ip, inst['clients'][ip]['scenario']) for ip in legit & elems)}")
    ok(not elems - want - {res["sentinel"]}, f"live: other addresses in the set: {sorted(elems - want)}")
    text = open(os.path.join(d, "out")).read()
    ran = re.findall(r"^ran: nft add element inet e2e ban \{ (\S+) timeout 3600s \}$", text, re.M)
    ok(len(ran) == len(set(ran)), f"live: an address banned twice: "
                                  f"{sorted(ip for ip in set(ran) if ran.count(ip) > 1)}")
    ok(set(ran) == want, f"live: bans printed {sorted(set(ran))}, want {sorted(want)}")
    ok(sql(db, "SELECT count(*) FROM verdict WHERE acted") == str(len(want)),
       "live: the state's acted verdicts differ from the bans")
    hooks = [json.loads(line) for line in open(os.path.join(d, "hook.jsonl"))] \
        if os.path.exists(os.path.join(d, "hook.jsonl")) else []
    ok(sorted(h["address"] for h in hooks if h["type"] == "ban") == sorted(ran),
       "live: the hook's JSON differs from the bans")
    comp = inst["compromised_account"]["username"]
    ok([h["account"] for h in hooks if h["type"] == "account-alert"] == [comp],
       f"live: account alerts {[h.get('account') for h in hooks if h['type'] == 'account-alert']}, want [{comp}]")
    # the state: the same clients and counts as a batch report on the whole log
    rc, so, se = run(bin_, ["report", "--all", "--json", "--state", db])
    rc2, so2, _ = run(bin_, ["report", "--all", "--json", os.path.join(out, "mail.log")])
    if ok(rc == 0 and rc2 == 0, f"live: report --state exit {rc}: {se.strip()}"):
        key = lambda c: (c["ip"], c["verdict"], c["sessions"], c["auth_failures"], c["auth_successes"],  # noqa: E731
                         c["messages"], c["recipients"])
        s_, b_ = sorted(map(key, json.loads(so)["clients"])), sorted(map(key, json.loads(so2)["clients"]))
        ok(s_ == b_, f"live: the state's clients differ from a batch report: "
                     f"{sorted(set(s_) ^ set(b_))[:6]}")
    m = open(os.path.join(d, "metrics.prom")).read()
    ok(f"postsleuth_lines_total {full}\n" in m, "live: metrics: postsleuth_lines_total")
    print(f"e2e: live: {len(want)} hostile addresses banned once each while the log rotated twice "
          f"and watch was killed twice; {read} lines counted", flush=True)


def main():
    bin_, out = sys.argv[1], sys.argv[2]
    truth = json.load(open(os.path.join(out, "truth.json")))
    ok = Checks()
    # the harness itself
    ok(not truth["driver_errors"], f"harness: driver errors: {truth['driver_errors']}")
    start = min(c["start"] for i in list(truth["instances"].values()) + [truth.get("diag", {})]
                for c in i.get("connections", []))
    year = time.strftime("%Y", time.gmtime(start))
    for name, inst in sorted(truth["instances"].items()):
        ok(inst["queue_left"] == 0, f"harness {name}: {inst['queue_left']} messages still queued at the end")
        fates = [r["fate"] for m in inst["messages"].values() for r in m["recipients"].values()]
        ok(not {"deferred", "not_delivered"} & set(fates), f"harness {name}: unfinished recipients")
        ok(any(f == "bounced" for f in fates) and any(n["kind"] == "bounce" for n in inst["notices"]),
           f"harness {name}: no bounce at all")
        for log in inst["logs"]:
            text = open(os.path.join(out, log), errors="replace").read() \
                if os.path.exists(os.path.join(out, log)) else ""
            vip = next(ip for ip, c in inst["clients"].items() if c["scenario"] == "verbose_client")
            ok(re.search(r"smtpd\[\d+\]: > \S+\[" + re.escape(vip) + r"\]: 250", text),
               f"harness {name}:{log}: no verbose (debug_peer_list) dialogue for {vip}")
            ok(re.search(r"smtpd\[\d+\]: Read \d+ chars: ", text),
               f"harness {name}:{log}: no 'Read N chars:' line (smtpd_tls_loglevel 4)")
    for name, inst in sorted(truth["instances"].items()):
        for log in inst["logs"]:
            check_log(bin_, out, log, inst, year, ok)
        check_notice_texts(bin_, out, name, inst, ok)
    if "diag" in truth:
        check_diag(bin_, out, truth["diag"], year, ok)
    if "syslog" in truth["instances"] and os.path.exists(os.path.join(out, "live")):
        check_live(bin_, out, truth["instances"]["syslog"], ok)
    if os.environ.get("E2E_START"):
        print(f"e2e: took {time.time() - float(os.environ['E2E_START']):.0f} s; logs and truth in {out}")
    print(f"e2e: {ok.passed} passed, {ok.failed} failed")
    return 1 if ok.failed else 0


if __name__ == "__main__":
    sys.exit(main())
