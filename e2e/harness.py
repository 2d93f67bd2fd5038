#!/usr/bin/env python3
"""harness.py WORK OUT - run the e2e scenarios against a real Postfix.

Must run as root inside the private namespaces that e2e/run.sh makes
(unshare --mount --net --uts --pid): the network there is a loopback
interface and nothing else, so no packet can leave 127.0.0.0/8, and
/dev, /etc/hosts, /etc/nsswitch.conf and /etc/resolv.conf are private
copies (name service from files only: no DNS at all).

Two Postfix instances run at the same time, each from its own scratch
configuration, queue and data directories under WORK:

  syslog   smtpd on 127.0.0.1:25 and :587, a TLS-debug submission
           listener on 127.0.0.3:587; logs through syslog(3) to a private
           rsyslogd, which writes OUT/mail.log (RSYSLOG_FileFormat, ISO 8601)
           and OUT/mail-classic.log (RSYSLOG_TraditionalFileFormat).
  maillog  the same on 127.0.0.2 and 127.0.0.4, logging through postlogd
           to OUT/maillog (Postfix's own maillog_file), with Postfix
           3.7.11's default smtpd_forbidden_commands.

Dovecot (SASL, passwd-file) serves both; Dovecot logs to syslog only.
The scenario drivers (drivers.py) play against both instances at once from
distinct 127.x source addresses; the sinks (sink.py) stand for the remote
servers.  When the queues are empty (or a time limit passes) everything is
stopped and OUT/truth.json is written from what the drivers, the sinks, the
mailboxes and the final queue recorded: never from the logs.

A third instance, diag (diag.py), is a server with faults on purpose: a
milter, an LMTP server, a content filter and a policy service that do not
run, a table never made, a TLS key of the wrong pair, a DNSBL (served by a
private dnsmasq on 127.0.0.1:53) that answers an error code, and the
admin's own application outside mynetworks.  It logs to OUT/diag.log; its
truth is what its clients did and were answered.

E2E_ONLY=NAME runs one instance only (make examples: syslog; diag for a
quick look at the diagnosis part); E2E_SEED=N changes the recipients and
the clients' random choices.
"""
import grp, json, os, pwd, re, shutil, signal, socket, subprocess, sys, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import diag, drivers, live  # noqa: E402

DRAIN_LIMIT = 200       # seconds to wait for the queues to empty
SINK_IP = {  # name -> address, kind
    "mx.remote1.test": "127.0.0.21",
    "mx.bigmail.test": "127.0.0.22",
    "mx.securemail.test": "127.0.0.23",
    "mx.slowmail.test": "127.0.0.24",
    "mx.oldcompany.test": "127.0.0.25",
    "relay.smarthost.test": "127.0.0.26",
    "mail.exchange-corp.test": "127.0.0.28",
    "smtp.relaylogin.test": "127.0.0.29",
    "mx.dropper.test": "127.0.0.30",
    "smtp.sendas.test": "127.0.0.31",
    "smtp.authfail.test": "127.0.0.32",
    "smtp.nomech.test": "127.0.0.33",
}
SINKS = [
    {"name": "mx.remote1.test", "ip": "127.0.0.21",
     "unknown_text": "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table"},
    {"name": "mx.bigmail.test", "ip": "127.0.0.22",
     "unknown_text": "550 5.1.1 The email account that you tried to reach does not exist. Please try "
                     "double-checking the recipient's email address for typos or unnecessary spaces."},
    {"name": "mx.securemail.test", "ip": "127.0.0.23", "scan": True,
     "unknown_text": "550 5.1.1 user unknown"},
    {"name": "mx.slowmail.test", "ip": "127.0.0.24",
     "unknown_text": "550 5.1.1 <{rcpt}>... User unknown"},
    {"name": "mx.oldcompany.test", "ip": "127.0.0.25", "down": True},
    {"name": "relay.smarthost.test", "ip": "127.0.0.26",
     "unknown_text": "550 5.1.1 user unknown"},
    # the diag instance's (e2e/diag.py): a domain's own MX that wants a
    # login, and a relay host that wants one
    {"name": "mail.exchange-corp.test", "ip": "127.0.0.28",
     "mail_text": "530 5.7.1 Client was not authenticated"},
    {"name": "smtp.relaylogin.test", "ip": "127.0.0.29",
     "mail_text": "530 5.7.0 Authentication required"},
    # and a domain's MX that hangs up before its greeting
    {"name": "mx.dropper.test", "ip": "127.0.0.30", "hangup": True},
    # and a relay host that refuses the sender for the login it was given
    {"name": "smtp.sendas.test", "ip": "127.0.0.31",
     "rcpt_text": "553 5.7.1 <{sender}>: Sender address rejected: not owned by user relayuser"},
    # and two relay hosts this server logs in to: one refuses the
    # password, one offers only a mechanism this host's SASL library
    # lacks (GSSAPI: no Kerberos module installed)
    {"name": "smtp.authfail.test", "ip": "127.0.0.32", "auth": "PLAIN LOGIN"},
    {"name": "smtp.nomech.test", "ip": "127.0.0.33", "auth": "GSSAPI"},
]
INSTANCES = [
    {"name": "syslog", "server": "127.0.0.1", "debug_server": "127.0.0.3", "prefix": "127.10",
     "logging": "syslog", "forbidden": "smtpd_forbidden_commands = CONNECT GET POST"},
    {"name": "maillog", "server": "127.0.0.2", "debug_server": "127.0.0.4", "prefix": "127.20",
     "logging": "maillog_file", "forbidden": "# smtpd_forbidden_commands: Postfix's default"},
]


def sh(*args, check=True, **kw):
    return subprocess.run(list(args), check=check, **kw)


def note(msg):
    print(f"e2e: {time.strftime('%H:%M:%S')} {msg}", flush=True)


def fill(template, out, mode="w", **values):
    text = open(os.path.join(HERE, "conf", template)).read()
    for k, v in values.items():
        text = text.replace(f"@{k}@", v)
    left = re.findall(r"@[A-Z_]+@", text)
    assert not left, (template, left)
    with open(out, mode) as f:
        f.write(text)


# -- the private namespaces ---------------------------------------------------

def private_system(work, hosts, instances):
    """/dev with a /dev/log of our own, files-only name service, lo up."""
    dev = os.path.join(work, "dev")
    os.makedirs(dev)
    sh("mount", "-t", "tmpfs", "-o", "mode=755", "e2e-dev", dev)
    for node in ("null", "zero", "full", "random", "urandom", "tty"):
        open(os.path.join(dev, node), "w").close()
        sh("mount", "--bind", "/dev/" + node, os.path.join(dev, node))
    for d in ("pts", "shm"):
        os.makedirs(os.path.join(dev, d))
    sh("mount", "--bind", "/dev/pts", os.path.join(dev, "pts"))
    sh("mount", "-t", "tmpfs", "e2e-shm", os.path.join(dev, "shm"))
    for i, name in enumerate(("stdin", "stdout", "stderr")):
        os.symlink(f"/proc/self/fd/{i}", os.path.join(dev, name))
    os.symlink("/proc/self/fd", os.path.join(dev, "fd"))
    sh("mount", "--move", dev, "/dev")

    etc = os.path.join(work, "etc")
    os.makedirs(etc)
    files = {
        "hosts": hosts,
        "nsswitch.conf": "passwd: files\ngroup: files\nshadow: files\nhosts: files\n"
                         "networks: files\nprotocols: files\nservices: files\n",
        "resolv.conf": "# e2e: no DNS in the harness's network namespace\nnameserver 127.0.0.1\n",
    }
    for name, text in files.items():
        path = os.path.join(etc, name)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o644)
        sh("mount", "--bind", path, "/etc/" + name)
    sh("hostname", "mx1")
    sh("ip", "link", "set", "lo", "up")
    for inst in instances:  # Postfix listens only on interface addresses
        for a in sorted({inst["server"], inst["debug_server"]}):
            if a != "127.0.0.1":
                sh("ip", "addr", "add", a + "/32", "dev", "lo")


# -- the daemons --------------------------------------------------------------

class Daemons:
    def __init__(self, work, out):
        self.work, self.out = work, out
        self.logs = out
        self.procs = []        # (name, Popen) we started
        self.postfix_confs = []
        self.dovecot_pid = None

    def tls(self):
        d = os.path.join(self.work, "tls")
        os.makedirs(d)
        sh("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
           "-subj", "/CN=mx1.example.test", "-keyout", os.path.join(d, "key.pem"),
           "-out", os.path.join(d, "cert.pem"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # a key of another pair, for the diag instance's mismatched listener
        sh("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
           "-out", os.path.join(d, "other-key.pem"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for k in ("key.pem", "other-key.pem"):
            os.chmod(os.path.join(d, k), 0o600)
        return d

    def dnsmasq(self, zone, answer):
        """A DNS server on 127.0.0.1:53 that answers every name under zone
        with one address, and refuses everything else (no upstream)."""
        d = os.path.join(self.work, "dnsmasq")
        os.makedirs(d)
        p = subprocess.Popen(["dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv",
                              "--no-hosts", "--no-poll", "--listen-address=127.0.0.1", "--bind-interfaces",
                              "--port=53", "--user=root", "--pid-file=",
                              f"--log-facility={d}/dnsmasq.log", f"--address=/{zone}/{answer}"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs.append(("dnsmasq", p))
        for _ in range(100):
            if p.poll() is not None:
                raise RuntimeError(f"dnsmasq exited {p.returncode} (see {d}/dnsmasq.log)")
            try:
                with socket.create_connection(("127.0.0.1", 53), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("dnsmasq does not answer on 127.0.0.1:53")

    def rsyslog(self):
        d = os.path.join(self.work, "rsyslog")
        os.makedirs(d)
        conf = os.path.join(d, "rsyslog.conf")
        os.makedirs(os.path.join(self.logs, "live"), exist_ok=True)
        fill("rsyslog.conf.in", conf, WORK=d, LOGS=self.logs, LIVE=os.path.join(self.logs, "live"))
        p = subprocess.Popen(["rsyslogd", "-n", "-f", conf, "-i", os.path.join(d, "pid")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs.append(("rsyslogd", p))
        for _ in range(100):
            if os.path.exists("/dev/log"):
                return
            time.sleep(0.05)
        raise RuntimeError("rsyslogd did not create /dev/log")

    def sinks(self, policy):
        conf = os.path.join(self.work, "sinks.json")
        with open(conf, "w") as f:
            json.dump({"sinks": SINKS, "policy": policy}, f)
        p = subprocess.Popen([sys.executable, os.path.join(HERE, "sink.py"), conf,
                              os.path.join(self.out, "sink.jsonl")], stdout=subprocess.PIPE, text=True)
        self.procs.append(("sink", p))
        if p.stdout.readline().strip() != "ready":
            raise RuntimeError("sinks did not start")

    def dovecot(self, users, queues):
        d = os.path.join(self.work, "dovecot")
        run, state = os.path.join(d, "run"), os.path.join(d, "state")
        os.makedirs(run)
        os.makedirs(state)
        path = os.path.join(d, "users")
        with open(path, "w") as f:
            for u, pw in users.items():
                f.write(f"{u}:{{PLAIN}}{pw}::::::\n")
        os.chmod(path, 0o640)
        os.chown(path, 0, grp.getgrnam("dovecot").gr_gid)
        listeners = "".join(
            f"  unix_listener {q}/private/auth {{\n    mode = 0660\n    user = postfix\n"
            f"    group = postfix\n  }}\n" for q in queues)
        conf = os.path.join(d, "dovecot.conf")
        fill("dovecot.conf.in", conf, RUN=run, STATE=state, USERS=path, LISTENERS=listeners.rstrip("\n"))
        sh("dovecot", "-c", conf)
        self.dovecot_pid = os.path.join(run, "master.pid")
        for _ in range(100):
            if all(os.path.exists(f"{q}/private/auth") for q in queues):
                return
            time.sleep(0.05)
        raise RuntimeError("dovecot did not create the auth sockets")

    def postfix_prepare(self, inst, tls, debug_peers):
        base = os.path.join(self.work, "postfix-" + inst["name"])
        conf, queue, data = (os.path.join(base, x) for x in ("etc", "spool", "lib"))
        mail = os.path.join(base, "mail")
        for d in (conf, queue, data):
            os.makedirs(d)
        os.makedirs(mail)
        os.chown(mail, 65534, 65534)
        os.makedirs(os.path.join(queue, "private"), 0o700)  # for Dovecot's listener
        pw = pwd.getpwnam("postfix")
        for d in (data, os.path.join(queue, "private")):
            os.chown(d, pw.pw_uid, pw.pw_gid)
        if inst["logging"] == "syslog":
            logging = "# logging: syslog(3), to the harness's rsyslogd"
        else:
            logging = (f"maillog_file = {self.logs}/{inst.get('log', 'maillog')}\n"
                       f"maillog_file_prefixes = {self.logs}")
        listen = ", ".join(sorted({inst["server"], inst["debug_server"]}))
        fill("main.cf.in", os.path.join(conf, "main.cf"), QUEUE=queue, DATA=data, CONF=conf,
             MAIL=mail, TLS=tls, LISTEN=listen,
             SMTP_BIND=inst["server"], LOGGING=logging, SASL_PATH=f"{queue}/private/auth",
             DEBUG_PEERS=", ".join(debug_peers) or "", FORBIDDEN=inst["forbidden"])
        if inst.get("main_extra"):  # the diag instance's faults, after the rest
            fill(inst["main_extra"], os.path.join(conf, "main.cf"), "a", CONF=conf, DNSBL=diag.DNSBL)
        fill(inst.get("master", "master.cf.in"), os.path.join(conf, "master.cf"), SERVER=inst["server"],
             DEBUG_SERVER=inst["debug_server"], TLS=tls)
        tables = inst["tables"]() if inst.get("tables") else drivers.postfix_tables()
        for name, text in tables.items():
            with open(os.path.join(conf, name), "w") as f:
                f.write(text)
        inst.update(conf=conf, queue=queue, mail=mail)
        return queue

    def postfix_start(self, inst):
        p = sh("postfix", "-c", inst["conf"], "start", check=False, stdout=subprocess.PIPE,
               stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            raise RuntimeError(f"postfix -c {inst['conf']} start: exit {p.returncode}: {p.stdout.strip()}")
        self.postfix_confs.append(inst["conf"])

    def queue_size(self, inst, subs=("maildrop", "incoming", "active", "deferred", "hold")):
        n = 0
        for sub in subs:
            for _root, _dirs, files in os.walk(os.path.join(inst["queue"], sub)):
                n += len(files)
        return n

    def stop(self):
        for conf in self.postfix_confs:
            sh("postfix", "-c", conf, "stop", check=False, stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL)
        self.postfix_confs = []
        if self.dovecot_pid and os.path.exists(self.dovecot_pid):
            try:
                os.kill(int(open(self.dovecot_pid).read().split()[0]), signal.SIGTERM)
            except (OSError, ValueError):
                pass
        self.dovecot_pid = None
        time.sleep(1)  # let the last lines reach rsyslogd and postlogd
        for name, p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
        self.procs = []


def main():
    global INSTANCES
    work, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    only = os.environ.get("E2E_ONLY")
    if only:  # make examples: one server, one log
        INSTANCES = [i for i in INSTANCES if i["name"] == only]
    dg = diag.Diag() if not only or only == "diag" else None
    os.makedirs(out, exist_ok=True)
    os.environ["TZ"] = "UTC"
    plan = drivers.Plan(INSTANCES, seed=int(os.environ.get("E2E_SEED", "20261122")))
    servers = INSTANCES + ([diag.INSTANCE] if dg else [])
    private_system(work, plan.hosts_file({**SINK_IP, **(diag.HOSTS if dg else {})}), servers)
    d = Daemons(work, out)
    t0 = time.time()
    left, diag_left, mailq_left = {}, None, None
    lv = None
    try:
        tls = d.tls()
        d.rsyslog()
        d.sinks({**plan.sink_policy(), **(diag.SINK_POLICY if dg else {})})
        if dg:
            d.dnsmasq(diag.DNSBL, diag.DNSBL_ANSWER)
        queues = [d.postfix_prepare(inst, tls, plan.debug_peers(inst)) for inst in INSTANCES]
        if dg:  # no Dovecot listener in its queue: its SASL backend is "down"
            d.postfix_prepare(diag.INSTANCE, tls, [])
        d.dovecot(plan.sasl_users(), queues)
        for inst in servers:
            d.postfix_start(inst)
        note(f"Postfix x{len(servers)}, Dovecot, rsyslogd and the sinks are up; driving the scenarios")
        time.sleep(1)
        syslog = [i for i in INSTANCES if i["name"] == "syslog"]
        if os.environ.get("POSTSLEUTH_BIN") and syslog:  # postsleuth watch, live (live.py)
            lv = live.Live(os.environ["POSTSLEUTH_BIN"], out, work,
                           os.path.join(work, "rsyslog", "pid"), syslog[0]["conf"])
            lv.begin()
            note("postsleuth watch follows live/mail.log")
        dt = threading.Thread(target=dg.run, daemon=True) if dg else None
        if dt:
            dt.start()
        record = plan.run()
        if dt:
            dt.join(90)
        if dg:
            # what an admin pastes: the queue listing once each message
            # was tried, before maximal_queue_lifetime ends the deferred
            # ones (check.py reads it with postsleuth alone)
            deadline = time.time() + 30
            while time.time() < deadline and d.queue_size(diag.INSTANCE, ("maildrop", "incoming", "active")):
                time.sleep(1)
            mailq_left = d.queue_size(diag.INSTANCE)
            with open(os.path.join(out, "diag-mailq.txt"), "w") as f:
                sh("postqueue", "-c", diag.INSTANCE["conf"], "-p", check=False, stdout=f,
                   stderr=subprocess.DEVNULL)
        note(f"scenarios done in {time.time() - t0:.0f} s; waiting for the queues to drain")
        deadline = time.time() + DRAIN_LIMIT
        while time.time() < deadline and any(d.queue_size(i) for i in INSTANCES):
            time.sleep(2)
        if dg:  # the diag instance's mail never leaves: wait until each was tried
            deadline = time.time() + 30
            while time.time() < deadline and d.queue_size(diag.INSTANCE, ("maildrop", "incoming", "active")):
                time.sleep(1)
            diag_left = d.queue_size(diag.INSTANCE)
        left = {i["name"]: d.queue_size(i) for i in INSTANCES}
        note(f"queues {left} after {time.time() - t0:.0f} s; stopping")
        time.sleep(2)
    finally:
        d.stop()
        if lv:
            lv.finish()
            note("postsleuth watch stopped")
    truth = plan.truth(record, out, left, {i["name"]: i["mail"] for i in INSTANCES})
    if dg:
        truth["diag"] = dg.truth(diag_left)
        truth["diag"]["mailq_left"] = mailq_left
        truth["driver_errors"] += truth["diag"]["errors"]
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(truth, f, indent=1, sort_keys=True)
    note(f"harness done in {time.time() - t0:.0f} s")

if __name__ == "__main__":
    main()
