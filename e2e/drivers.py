"""drivers.py - the e2e scenarios, played with real SMTP clients.

A Plan holds, for each Postfix instance, which 127.x source address plays
which scenario, every recipient the clients will use (and what the sinks
will answer it), and, once run, the record of what each client did and
was told: connections, every command and reply code, AUTH attempts and
usernames, and the queue IDs read from the server's "250 2.0.0 Ok: queued
as ..." replies.  truth() turns that record, the sinks' record, the
mailboxes and the final queue into truth.json.  Nothing here reads a log.

Scenarios (client verdict postsleuth must give, in parentheses):
  capability_probe   EHLO User, QUIT, at a steady period (capability-probe)
  dot_probe          ".\\r\\n\\r\\n" then drop (non-smtp-probe)
  auth_bruteforce    STARTTLS, failing AUTH PLAIN/LOGIN with many
                     usernames, once AUTH before STARTTLS (auth-bruteforce)
  auth_bruteforce_tlsdebug  the same on the smtpd_tls_loglevel=4 listener
  relay_attempt      RCPT to foreign domains: 554 5.7.1 (relay-attempt)
  verbose_client     ordinary inbound mail from a debug_peer_list address
  normal_inbound     ordinary inbound mail, one unknown local user
  normal_submission  alice, bob, carol: AUTH over STARTTLS, a few messages
  account_usual      dave from his usual address (legitimate)
  compromised_account  dave's password from a new address: a burst to
                     many domains, many bounces (account-abuse; account
                     dave compromised-suspect)
"""
import base64, email, email.utils, json, os, random, shutil, socket, ssl, threading, time

LOCAL_DOMAIN = "example.test"
LOCAL_USERS = ["alice", "bob", "carol", "dave", "erin", "hostmaster"]
PASSWORDS = {"alice": "Wonderland-42", "bob": "bob-Builder-7", "carol": "Xmas-Carol-1843",
             "dave": "dave2026"}
DOMAIN_HOST = {  # remote domain -> sink host
    "remote1.test": "mx.remote1.test", "partner-b.test": "mx.remote1.test",
    "bigmail.test": "mx.bigmail.test", "mailbox-eu.test": "mx.bigmail.test",
    "securemail.test": "mx.securemail.test",
    "slowmail.test": "mx.slowmail.test",
    "oldcompany.test": "mx.oldcompany.test",
    "bulkmail-1.test": "relay.smarthost.test", "bulkmail-2.test": "relay.smarthost.test",
    "bulkmail-3.test": "relay.smarthost.test", "bulkmail-4.test": "relay.smarthost.test",
}
DOWN_HOSTS = {"mx.oldcompany.test"}
BRUTE_USERNAMES = ["admin", "test", "info", "root", "user", "support", "office", "sales",
                   "contact", "marketing", "test1", "info@example.test", "admin@example.test",
                   "webmaster", "alice", "postmaster"]
FIRST = ["anthony", "mark", "joseph", "linda", "susan", "paul", "nancy", "kevin", "laura", "brian",
         "sarah", "gary", "amy", "eric", "helen", "jason", "kim", "scott", "ruth", "frank"]
LAST = ["perez", "robinson", "lewis", "walker", "young", "allen", "king", "wright", "scott",
        "green", "baker", "adams", "nelson", "hill", "campbell", "mitchell", "roberts", "carter"]

TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE

# client addresses, per instance prefix P: P.0.N
ADDR = {
    "capability_probe": [11], "dot_probe": [21, 22, 23], "auth_bruteforce": [31],
    "auth_bruteforce_tlsdebug": [32], "relay_attempt": [41, 42], "verbose_client": [51],
    "normal_inbound": [61, 62], "normal_submission": [71, 72, 73], "account_usual": [81],
    "compromised_account": [91],
}
PTR = {  # host part -> name in the private /etc/hosts (forward-confirmed)
    61: "mail.partner-a.test", 71: "alice-pc.office.example.test",
    73: "carol-laptop.office.example.test",
}
SUBMITTERS = {71: "alice", 72: "bob", 73: "carol"}


def postfix_tables():
    """Lookup tables of each instance's configuration directory."""
    vmailbox = "".join(f"{u}@{LOCAL_DOMAIN} {LOCAL_DOMAIN}/{u}/\n" for u in LOCAL_USERS)
    valias = f"postmaster@{LOCAL_DOMAIN} hostmaster@{LOCAL_DOMAIN}\n"
    transport = "".join(f"{d} smtp:[{h}]:25\n" for d, h in sorted(DOMAIN_HOST.items()))
    return {"vmailbox": vmailbox, "valias": valias, "transport": transport}


class Eof(Exception):
    pass


class Session:
    """One SMTP connection from a given source address; records each step."""

    def __init__(self, plan, inst, scenario, ip, server, port):
        self.plan, self.inst = plan, inst
        self.rec = {"instance": inst["name"], "ip": ip, "scenario": scenario,
                    "server": f"{server}:{port}", "start": time.time(), "tls": False,
                    "steps": [], "auth": [], "queue_ids": [], "end_reason": None}
        self.buf = b""
        self.sock = socket.create_connection((server, port), timeout=45, source_address=(ip, 0))

    def _line(self):
        while b"\n" not in self.buf:
            data = self.sock.recv(4096)
            if not data:
                raise Eof()
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return line.rstrip(b"\r").decode("utf-8", "replace")

    def reply(self, label):
        lines = []
        while True:
            line = self._line()
            lines.append(line)
            if len(line) < 4 or line[3] != "-":
                break
        code = int(lines[-1][:3]) if lines[-1][:3].isdigit() else 0
        self.rec["steps"].append([label, code])
        return code, "\n".join(lines)

    def send(self, data):
        self.sock.sendall(data if isinstance(data, bytes) else (data + "\r\n").encode())

    def cmd(self, line, label=None):
        self.send(line)
        return self.reply(label or line.split(" ", 1)[0].upper())

    def banner(self):
        return self.reply("<banner>")

    def starttls(self):
        code, _ = self.cmd("STARTTLS")
        if code == 220:
            self.sock = TLS.wrap_socket(self.sock)
            self.buf = b""
            self.rec["tls"] = True
        return code

    def auth(self, mech, user, password):
        if mech == "PLAIN":
            token = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
            code, text = self.cmd(f"AUTH PLAIN {token}", "AUTH")
        else:
            code, text = self.cmd("AUTH LOGIN", "AUTH")
            if code == 334:
                code, text = self.cmd(base64.b64encode(user.encode()).decode(), "<auth-data>")
            if code == 334:
                code, text = self.cmd(base64.b64encode(password.encode()).decode(), "<auth-data>")
        self.rec["auth"].append({"mech": mech, "username": user, "code": code,
                                 "tls": self.rec["tls"], "reply": text.splitlines()[-1]})
        return code

    def mail(self, sender, rcpts, headers, sasl_user=None):
        """One transaction; returns the queue ID or None."""
        code, _ = self.cmd(f"MAIL FROM:<{sender}>", "MAIL")
        results = {}
        for r in rcpts:
            c, text = self.cmd(f"RCPT TO:<{r}>", "RCPT")
            results[r] = {"code": c, "reply": text}
        if code != 250 or not any(v["code"] == 250 for v in results.values()):
            self.cmd("RSET")
            self.plan.rejected(self.rec, sender, results)
            return None
        code, _ = self.cmd("DATA")
        if code != 354:
            return None
        body = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        body += "\r\nHello,\r\n\r\nplease find the details below.\r\n\r\n-- \r\nsent by the e2e harness\r\n"
        self.send(body.encode() + b".\r\n")
        code, text = self.reply("<end-of-data>")
        qid = text.rsplit("queued as ", 1)[1].split()[0] if code == 250 and "queued as" in text else None
        if qid:
            self.rec["queue_ids"].append(qid)
            self.plan.accepted(self.rec, qid, sender, results, headers, sasl_user)
        return qid

    def close(self, reason):
        self.rec["end_reason"] = reason
        self.rec["end"] = time.time()
        try:
            self.sock.close()
        except OSError:
            pass
        self.plan.connection(self.rec)

    def quit(self):
        try:
            self.cmd("QUIT")
            self.close("quit")
        except (Eof, OSError):
            self.close("server_closed")


class Plan:
    def __init__(self, instances, seed):
        self.instances = instances
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.conns, self.messages, self.rejects = [], {}, []
        self.policy = {}        # remote recipient -> sink answer kind
        self.used = set()
        self.errors = []

    # -- what the harness needs before starting -------------------------------
    def ip(self, inst, scenario, i=0):
        return f"{inst['prefix']}.0.{ADDR[scenario][i]}"

    def hosts_file(self, sink_ip):
        lines = ["127.0.0.1 localhost", "127.0.0.1 mx1.example.test mx1"]
        lines += [f"{ip} {name}" for name, ip in sink_ip.items()]
        for inst in self.instances:
            lines += [f"{inst['prefix']}.0.{n} {name}" for n, name in PTR.items()]
        return "\n".join(lines) + "\n"

    def debug_peers(self, inst):
        return [self.ip(inst, "verbose_client")]

    def sasl_users(self):
        return dict(PASSWORDS)

    def sink_policy(self):
        # recipients are drawn as the drivers run, but from a sequence fixed
        # here, so that the sinks know every planned answer from the start
        self.pool = {inst["name"]: self._recipients(inst) for inst in self.instances}
        return dict(self.policy)

    def _rcpt(self, domain, kind):
        while True:
            local = self.rng.choice(FIRST) + self.rng.choice([".", "_", ""]) + self.rng.choice(LAST)
            if self.rng.random() < 0.3:
                local += str(self.rng.randint(1, 99))
            addr = f"{local}@{domain}"
            if addr not in self.used:
                self.used.add(addr)
                self.policy[addr] = kind
                return addr

    def _recipients(self, inst):
        """Recipient lists, drawn in advance, for each message of the plan."""
        r = self.rng
        doms = [d for d in DOMAIN_HOST if DOMAIN_HOST[d] not in DOWN_HOSTS and d != "slowmail.test"]
        pool = {"burst": [], "normal": []}
        # the compromised account's burst: 4 sessions x 6 messages
        for _ in range(24):
            rcpts = []
            for _ in range(r.randint(3, 6)):
                x = r.random()
                if x < 0.05:
                    rcpts.append(self._rcpt("oldcompany.test", "ok"))  # host down: expires
                elif x < 0.10:
                    rcpts.append(self._rcpt("slowmail.test", "full"))  # 452 forever: expires
                elif x < 0.16:
                    rcpts.append(self._rcpt("slowmail.test", "grey"))  # sent after retry
                elif x < 0.50:
                    rcpts.append(self._rcpt(r.choice(doms), "unknown"))
                else:
                    rcpts.append(self._rcpt(r.choice(doms), "ok"))
            content = r.choices(["clean", "virus", "policy"], [70, 20, 10])[0]
            if content != "clean" and not any(a.endswith("@securemail.test") for a in rcpts):
                rcpts.append(self._rcpt("securemail.test", "ok"))
            pool["burst"].append((rcpts, content))
        # ordinary users: mostly deliverable, one typo that bounces
        for _ in range(12):
            pool["normal"].append(([self._rcpt(r.choice(["remote1.test", "partner-b.test", "bigmail.test"]),
                                               "ok")], "clean"))
        pool["typo"] = [([self._rcpt("partner-b.test", "unknown")], "clean")]
        return pool

    # -- recording (thread-safe) ---------------------------------------------
    def connection(self, rec):
        with self.lock:
            self.conns.append(rec)

    def accepted(self, rec, qid, sender, results, headers, sasl_user):
        with self.lock:
            self.messages[rec["instance"] + ":" + qid] = {
                "instance": rec["instance"], "queue_id": qid, "scenario": rec["scenario"],
                "client_ip": rec["ip"], "sasl_username": sasl_user, "sender": sender,
                "message_id": headers["Message-ID"].strip("<>"), "subject": headers["Subject"],
                "content": headers.get("X-E2E-Content", "clean"), "submitted_at": time.time(),
                "recipients": {a: {"postfix_reply": v["code"]} for a, v in results.items()}}

    def rejected(self, rec, sender, results):
        with self.lock:
            self.rejects.append({"instance": rec["instance"], "ip": rec["ip"], "sender": sender,
                                 "results": results})

    # -- the scenarios --------------------------------------------------------
    def headers(self, sender, rcpts, subject, content="clean"):
        h = {"From": f"<{sender}>", "To": ", ".join(f"<{a}>" for a in rcpts[:3]),
             "Subject": subject, "Date": email.utils.formatdate(localtime=False),
             "Message-ID": f"<{time.time():.6f}.{self.rng.randint(10000, 99999)}@{sender.split('@')[1]}>"}
        if content != "clean":
            h["X-E2E-Content"] = content
        return h

    def session(self, inst, scenario, ip, port=25, server=None):
        return Session(self, inst, scenario, ip, server or inst["server"], port)

    def capability_probe(self, inst, rng):
        ip = self.ip(inst, "capability_probe")
        time.sleep(rng.uniform(0, 2))
        for _ in range(18):
            t = time.time()
            s = self.session(inst, "capability_probe", ip)
            s.banner()
            s.cmd("EHLO User")
            s.quit()
            time.sleep(max(0.0, 2.5 - (time.time() - t)))

    def dot_probe(self, inst, rng):
        def one(ip, n):
            time.sleep(rng.uniform(0, 5))
            for _ in range(n):
                s = self.session(inst, "dot_probe", ip)
                try:
                    s.banner()
                    s.send(b".\r\n\r\n")
                    s.sock.settimeout(1.5)
                    for label in (".", "<empty>"):
                        s.reply(label)
                except (Eof, OSError):
                    pass
                s.close("client_drop")
                time.sleep(rng.uniform(2, 6))
        ts = [threading.Thread(target=one, args=(self.ip(inst, "dot_probe", i), n))
              for i, n in enumerate((6, 4, 5))]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    def _brute(self, inst, rng, scenario, server, conns, per_conn):
        ip = self.ip(inst, scenario)
        names = list(BRUTE_USERNAMES)
        rng.shuffle(names)
        k = 0
        for c in range(conns):
            s = self.session(inst, scenario, ip, 587, server)
            try:
                s.banner()
                s.cmd("EHLO ylmf-pc")
                if c == 1:  # a bot that does not bother with STARTTLS first
                    s.auth("LOGIN", names[k % len(names)], "123456")
                    k += 1
                s.starttls()
                s.cmd("EHLO ylmf-pc")
                for _ in range(per_conn):
                    s.auth(rng.choice(["PLAIN", "LOGIN"]), names[k % len(names)],
                           rng.choice(["123456", "password", "qwerty", "Passw0rd!", "admin123"]))
                    k += 1
                s.quit()
            except (Eof, OSError) as e:
                s.close("error: " + str(e))
            time.sleep(rng.uniform(1, 3))

    def auth_bruteforce(self, inst, rng):
        time.sleep(rng.uniform(0, 3))
        self._brute(inst, rng, "auth_bruteforce", inst["server"], 5, 2)

    def auth_bruteforce_tlsdebug(self, inst, rng):
        time.sleep(rng.uniform(0, 3))
        self._brute(inst, rng, "auth_bruteforce_tlsdebug", inst["debug_server"], 2, 2)

    def relay_attempt(self, inst, rng):
        def one(ip, helo):
            time.sleep(rng.uniform(0, 8))
            for _ in range(3):
                s = self.session(inst, "relay_attempt", ip)
                s.banner()
                s.cmd(f"EHLO {helo}")
                rcpts = [f"{rng.choice(FIRST)}{rng.randint(1, 999)}@{d}" for d in
                         rng.sample(["hotmail.example", "yahoo.example", "gmx.example", "aol.example"],
                                    rng.randint(1, 2))]
                sender = f"{rng.choice(FIRST)}@{rng.choice(['mail.example', 'web.example'])}"
                s.mail(sender, rcpts, self.headers(sender, rcpts, "hi"))
                s.quit()
                time.sleep(rng.uniform(4, 9))
        ts = [threading.Thread(target=one, args=(self.ip(inst, "relay_attempt", i), h))
              for i, h in enumerate(("WIN-8KJ3N2QH1", "[" + self.ip(inst, "relay_attempt", 1) + "]"))]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    def _inbound(self, inst, rng, scenario, ip, helo, sender, sessions, rcpt_sets):
        it = iter(rcpt_sets)
        for _ in range(sessions):
            s = self.session(inst, scenario, ip)
            s.banner()
            s.cmd(f"EHLO {helo}")
            s.starttls()
            s.cmd(f"EHLO {helo}")
            for rcpts in (next(it, None), next(it, None)):
                if rcpts:
                    s.mail(sender, rcpts, self.headers(sender, rcpts, rng.choice(
                        ["Your invoice", "Order confirmation", "Meeting notes", "Newsletter"])))
            s.quit()
            time.sleep(rng.uniform(3, 8))

    def verbose_client(self, inst, rng):
        time.sleep(rng.uniform(0, 10))
        ip = self.ip(inst, "verbose_client")
        s = self.session(inst, "verbose_client", ip)
        s.banner()
        s.cmd("EHLO reports.partner-a.test")
        for u in ("dave", "alice"):
            s.mail("reports@partner-a.test", [f"{u}@{LOCAL_DOMAIN}"],
                   self.headers("reports@partner-a.test", [f"{u}@{LOCAL_DOMAIN}"], "Daily report"))
        s.quit()

    def normal_inbound(self, inst, rng):
        def one(i, helo, sender, rcpt_sets):
            time.sleep(rng.uniform(0, 10))
            self._inbound(inst, rng, "normal_inbound", self.ip(inst, "normal_inbound", i), helo,
                          sender, 2, rcpt_sets)
        L = [f"{u}@{LOCAL_DOMAIN}" for u in LOCAL_USERS if u != "hostmaster"]
        a = [[L[1]], [L[4], f"nobody-here@{LOCAL_DOMAIN}"], [L[0]]]
        b = [[L[2]], [L[0], L[1]], [L[3]], [L[4]]]
        ts = [threading.Thread(target=one, args=(0, "mail.partner-a.test", "billing@partner-a.test", a)),
              threading.Thread(target=one, args=(1, "smtp.shop.test", "noreply@shop.test", b))]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    def _submit(self, inst, rng, scenario, ip, user, batches, sessions=1):
        per = -(-len(batches) // sessions)
        for k in range(sessions):
            s = self.session(inst, scenario, ip, 587)
            s.banner()
            s.cmd(f"EHLO [{ip}]")
            s.starttls()
            s.cmd(f"EHLO [{ip}]")
            mech = "LOGIN" if scenario == "compromised_account" else rng.choice(["PLAIN", "LOGIN"])
            if s.auth(mech, user, PASSWORDS[user]) != 235:
                s.quit()
                raise RuntimeError(f"{user} could not log in from {ip}: {s.rec['auth'][-1]['reply']}")
            for rcpts, content in batches[k * per:(k + 1) * per]:
                sender = f"{user}@{LOCAL_DOMAIN}"
                if scenario == "compromised_account":
                    subject = rng.choice(["Invoice #4411 overdue", "Your account statement",
                                          "Re: payment", "Urgent: document shared with you"])
                else:
                    subject = rng.choice(["Lunch?", "Quarterly figures", "Re: holidays", "Minutes"])
                s.mail(sender, rcpts, self.headers(sender, rcpts, subject, content), sasl_user=user)
            s.quit()
            if k + 1 < sessions:
                time.sleep(rng.uniform(3, 6))

    def normal_submission(self, inst, rng):
        pool = self.pool[inst["name"]]
        normal = list(pool["normal"])

        def one(n, batches, sessions):
            time.sleep(rng.uniform(0, 12))
            self._submit(inst, rng, "normal_submission", f"{inst['prefix']}.0.{n}", SUBMITTERS[n],
                         batches, sessions)
        local = [([f"erin@{LOCAL_DOMAIN}"], "clean"), ([f"bob@{LOCAL_DOMAIN}"], "clean")]
        a = [normal[0], local[0], normal[1], pool["typo"][0]]
        b = [normal[2], local[1]]
        c = [normal[3]]
        ts = [threading.Thread(target=one, args=(71, a, 2)), threading.Thread(target=one, args=(72, b, 1)),
              threading.Thread(target=one, args=(73, c, 1))]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    def account_usual(self, inst, rng):
        time.sleep(rng.uniform(0, 3))
        pool = self.pool[inst["name"]]
        self._submit(inst, rng, "account_usual", self.ip(inst, "account_usual"), "dave",
                     [pool["normal"][4], ([f"alice@{LOCAL_DOMAIN}"], "clean")])

    def compromised_account(self, inst, rng):
        time.sleep(rng.uniform(6, 10))  # after dave's own session
        burst = self.pool[inst["name"]]["burst"]
        self._submit(inst, rng, "compromised_account", self.ip(inst, "compromised_account"), "dave",
                     burst, sessions=4)

    SCENARIOS = ["capability_probe", "dot_probe", "auth_bruteforce", "auth_bruteforce_tlsdebug",
                 "relay_attempt", "verbose_client", "normal_inbound", "normal_submission",
                 "account_usual", "compromised_account"]

    def run(self, limit=150):
        threads = []
        for inst in self.instances:
            for sc in self.SCENARIOS:
                rng = random.Random(f"{self.rng.random()}")

                def body(sc=sc, inst=inst, rng=rng):
                    try:
                        getattr(self, sc)(inst, rng)
                    except Exception as e:  # a driver that breaks is a harness error
                        with self.lock:
                            self.errors.append(f"{inst['name']} {sc}: {type(e).__name__}: {e}")
                t = threading.Thread(target=body, daemon=True)
                t.start()
                threads.append((inst["name"], sc, t))
        deadline = time.time() + limit
        for name, sc, t in threads:
            t.join(max(0.1, deadline - time.time()))
            if t.is_alive():
                self.errors.append(f"{name} {sc}: still running after {limit} s")
        with self.lock:
            return {"conns": list(self.conns), "messages": dict(self.messages),
                    "rejects": list(self.rejects), "errors": list(self.errors)}

    # -- truth ------------------------------------------------------------------
    def truth(self, record, out, queue_left, mailboxes):
        sink = [json.loads(line) for line in open(os.path.join(out, "sink.jsonl"))] \
            if os.path.exists(os.path.join(out, "sink.jsonl")) else []
        by_rcpt = {}
        for ev in sink:
            by_rcpt.setdefault(ev["rcpt"].lower(), []).append(ev)
        inst_truth = {}
        for inst in self.instances:
            name = inst["name"]
            boxes = read_mailboxes(mailboxes[name], os.path.join(out, "notices", name))
            for n in boxes["notices"]:  # relative to OUT
                n["file"] = n["file"] and os.path.relpath(n["file"], out)
            delivered_ids = {(m["to"], m["message_id"]) for m in boxes["messages"]}
            msgs = {}
            for key, m in record["messages"].items():
                if m["instance"] != name:
                    continue
                m = json.loads(json.dumps(m))
                for a, r in m["recipients"].items():
                    if r["postfix_reply"] != 250:
                        r["fate"] = "rejected_by_postfix"
                    elif a.endswith("@" + LOCAL_DOMAIN):
                        r["fate"] = "delivered_local" if (a, m["message_id"]) in delivered_ids \
                            else "not_delivered"
                    else:
                        evs = by_rcpt.get(a.lower(), [])
                        r["remote"] = [[e["stage"], e["code"]] for e in evs]
                        r["fate"] = remote_fate(evs, queue_left[name])
                msgs[m["queue_id"]] = m
            qid_of = {m["message_id"]: q for q, m in msgs.items()}
            notices = []
            for n in boxes["notices"]:
                n["about_queue_id"] = qid_of.get(n["about_message_id"])
                notices.append(n)
            clients, accounts = {}, {}
            for c in record["conns"]:
                if c["instance"] != name:
                    continue
                t = clients.setdefault(c["ip"], {
                    "scenario": c["scenario"], "connections": 0, "tls_connections": 0,
                    "auth_attempts": 0, "auth_failures": 0, "auth_successes": 0,
                    "usernames_tried": {}, "usernames_sent_to_sasl": [], "messages_accepted": 0,
                    "recipients_accepted": 0, "recipients_rejected": 0, "end_reasons": {},
                    "ports": []})
                t["connections"] += 1
                t["tls_connections"] += c["tls"]
                port = int(c["server"].rsplit(":", 1)[1])
                if port not in t["ports"]:
                    t["ports"].append(port)
                t["end_reasons"][c["end_reason"]] = t["end_reasons"].get(c["end_reason"], 0) + 1
                for a in c["auth"]:
                    t["auth_attempts"] += 1
                    ok = a["code"] == 235
                    t["auth_successes" if ok else "auth_failures"] += 1
                    if not ok:
                        t["usernames_tried"][a["username"]] = t["usernames_tried"].get(a["username"], 0) + 1
                        # answered by the SASL server (535), not refused before it (530 no TLS)
                        if a["code"] == 535 and a["username"] not in t["usernames_sent_to_sasl"]:
                            t["usernames_sent_to_sasl"].append(a["username"])
                    if ok:
                        acc = accounts.setdefault(a["username"], {
                            "logins": 0, "source_ips": {}, "messages": 0, "recipients": 0,
                            "fates": {}})
                        acc["logins"] += 1
                        acc["source_ips"][c["ip"]] = acc["source_ips"].get(c["ip"], 0) + 1
                t["messages_accepted"] += len(c["queue_ids"])
            for q, m in msgs.items():
                acc_rcpts = [r for r in m["recipients"].values() if r["postfix_reply"] == 250]
                clients[m["client_ip"]]["recipients_accepted"] += len(acc_rcpts)
                if m["sasl_username"]:
                    acc = accounts[m["sasl_username"]]
                    acc["messages"] += 1
                    acc["recipients"] += len(acc_rcpts)
                    for r in acc_rcpts:
                        acc["fates"][r["fate"]] = acc["fates"].get(r["fate"], 0) + 1
            for rj in record["rejects"]:
                if rj["instance"] == name:
                    clients[rj["ip"]]["recipients_rejected"] += sum(
                        1 for v in rj["results"].values() if v["code"] != 250)
            for m in msgs.values():
                clients[m["client_ip"]]["recipients_rejected"] += sum(
                    1 for r in m["recipients"].values() if r["postfix_reply"] != 250)
            inst_truth[name] = {
                "server": inst["server"], "debug_server": inst["debug_server"],
                "logging": inst["logging"], "forbidden_commands": inst["forbidden"],
                "logs": ["mail.log", "mail-classic.log"] if inst["logging"] == "syslog" else ["maillog"],
                "clients": clients, "accounts": accounts, "messages": msgs, "notices": notices,
                "mailbox_counts": boxes["counts"], "queue_left": queue_left[name],
                "compromised_account": {"username": "dave",
                                        "attacker_ip": self.ip(inst, "compromised_account"),
                                        "usual_ip": self.ip(inst, "account_usual")},
                "connections": [c for c in record["conns"] if c["instance"] == name],
            }
        return {"generated_by": "e2e/harness.py, e2e/drivers.py, e2e/sink.py: truth from the clients, "
                                "the sinks, the mailboxes and the queue, never from the log",
                "driver_errors": record["errors"], "instances": inst_truth,
                "sasl_users": sorted(PASSWORDS)}


def remote_fate(evs, queue_left):
    codes = [(e["stage"], e["code"]) for e in evs]
    if any(st == "data" and 200 <= c < 300 for st, c in codes):
        return "sent_after_retry" if any(400 <= c < 500 for _, c in codes) else "sent"
    if any(c >= 500 for _, c in codes):
        return "bounced"
    return "deferred" if queue_left else "expired"


def read_mailboxes(base, save=None):
    """Every message in the Maildirs: (recipient, Message-ID), and the
    notices Postfix itself sent (bounce, delay), with the queue ID from
    their Received: header and the Message-ID of the message they are about;
    each notice also copied to save/ (check.py reads it with postsleuth),
    with the recipients and actions of its machine-readable part."""
    out = {"messages": [], "notices": [], "counts": {}}
    dom = os.path.join(base, LOCAL_DOMAIN)
    if not os.path.isdir(dom):
        return out
    for user in sorted(os.listdir(dom)):
        n = 0
        for sub in ("new", "cur"):
            d = os.path.join(dom, user, sub)
            if not os.path.isdir(d):
                continue
            for fn in sorted(os.listdir(d)):
                n += 1
                with open(os.path.join(d, fn), "rb") as f:
                    msg = email.message_from_binary_file(f)
                mid = (msg.get("Message-ID") or "").strip().strip("<>")
                to = f"{user}@{LOCAL_DOMAIN}"
                out["messages"].append({"to": to, "message_id": mid})
                ctype = msg.get_content_type()
                if ctype == "multipart/report" and "MAILER-DAEMON@" in msg.get("From", ""):
                    subj = msg.get("Subject", "")
                    kind = "delay" if subj.startswith("Delayed Mail") else "bounce"
                    about, orig_qid, dsn = None, None, []
                    for part in msg.walk():
                        if part.get_content_type() == "message/delivery-status":
                            for block in part.get_payload():
                                orig_qid = orig_qid or block.get("X-Postfix-Queue-ID")
                                final = (block.get("Final-Recipient") or "").split(";", 1)
                                if len(final) == 2 and block.get("Action"):
                                    dsn.append([final[1].strip(), block.get("Action").strip()])
                        if part.get_content_type() in ("text/rfc822-headers", "message/rfc822"):
                            payload = part.get_payload()
                            inner = payload[0] if isinstance(payload, list) else \
                                email.message_from_string(payload)
                            about = (inner.get("Message-ID") or "").strip().strip("<>")
                    qid = None
                    for rcv in msg.get_all("Received") or []:
                        words = rcv.split()
                        if "id" in words:
                            qid = words[words.index("id") + 1].rstrip(";")
                            break
                    saved = None
                    if save:
                        os.makedirs(save, exist_ok=True)
                        saved = os.path.join(save, f"{kind}-{qid or len(out['notices'])}.eml")
                        shutil.copyfile(os.path.join(d, fn), saved)
                    out["notices"].append({"kind": kind, "queue_id": qid, "to": to,
                                           "about_message_id": about, "subject": subj,
                                           "x_postfix_queue_id": orig_qid, "dsn": dsn,
                                           "file": saved})
        out["counts"][user] = n
    return out
