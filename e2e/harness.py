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

E2E_ONLY=NAME runs one instance only (make examples); E2E_SEED=N changes
the recipients and the clients' random choices.
"""
import grp, json, os, pwd, re, signal, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import drivers  # noqa: E402

DRAIN_LIMIT = 200       # seconds to wait for the queues to empty
SINK_IP = {  # name -> address, kind
    "mx.remote1.test": "127.0.0.21",
    "mx.bigmail.test": "127.0.0.22",
    "mx.securemail.test": "127.0.0.23",
    "mx.slowmail.test": "127.0.0.24",
    "mx.oldcompany.test": "127.0.0.25",
    "relay.smarthost.test": "127.0.0.26",
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


def fill(template, out, **values):
    text = open(os.path.join(HERE, "conf", template)).read()
    for k, v in values.items():
        text = text.replace(f"@{k}@", v)
    left = re.findall(r"@[A-Z_]+@", text)
    assert not left, (template, left)
    with open(out, "w") as f:
        f.write(text)


# -- the private namespaces ---------------------------------------------------

def private_system(work, hosts):
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
    for inst in INSTANCES:  # Postfix listens only on interface addresses
        for a in (inst["server"], inst["debug_server"]):
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
        os.chmod(os.path.join(d, "key.pem"), 0o600)
        return d

    def rsyslog(self):
        d = os.path.join(self.work, "rsyslog")
        os.makedirs(d)
        conf = os.path.join(d, "rsyslog.conf")
        fill("rsyslog.conf.in", conf, WORK=d, LOGS=self.logs)
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
            logging = (f"maillog_file = {self.logs}/maillog\n"
                       f"maillog_file_prefixes = {self.logs}")
        fill("main.cf.in", os.path.join(conf, "main.cf"), QUEUE=queue, DATA=data, CONF=conf,
             MAIL=mail, TLS=tls, LISTEN=f"{inst['server']}, {inst['debug_server']}",
             SMTP_BIND=inst["server"], LOGGING=logging, SASL_PATH=f"{queue}/private/auth",
             DEBUG_PEERS=", ".join(debug_peers) or "", FORBIDDEN=inst["forbidden"])
        fill("master.cf.in", os.path.join(conf, "master.cf"), SERVER=inst["server"],
             DEBUG_SERVER=inst["debug_server"])
        tables = drivers.postfix_tables()
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

    def queue_size(self, inst):
        n = 0
        for sub in ("maildrop", "incoming", "active", "deferred", "hold"):
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
    if os.environ.get("E2E_ONLY"):  # make examples: one server, one log
        INSTANCES = [i for i in INSTANCES if i["name"] == os.environ["E2E_ONLY"]]
    os.makedirs(out, exist_ok=True)
    os.environ["TZ"] = "UTC"
    plan = drivers.Plan(INSTANCES, seed=int(os.environ.get("E2E_SEED", "20261122")))
    private_system(work, plan.hosts_file(SINK_IP))
    d = Daemons(work, out)
    t0 = time.time()
    try:
        tls = d.tls()
        d.rsyslog()
        d.sinks(plan.sink_policy())
        queues = [d.postfix_prepare(inst, tls, plan.debug_peers(inst)) for inst in INSTANCES]
        d.dovecot(plan.sasl_users(), queues)
        for inst in INSTANCES:
            d.postfix_start(inst)
        note(f"Postfix x{len(INSTANCES)}, Dovecot, rsyslogd and the sinks are up; driving the scenarios")
        time.sleep(1)
        record = plan.run()
        note(f"scenarios done in {time.time() - t0:.0f} s; waiting for the queues to drain")
        deadline = time.time() + DRAIN_LIMIT
        while time.time() < deadline and any(d.queue_size(i) for i in INSTANCES):
            time.sleep(2)
        left = {i["name"]: d.queue_size(i) for i in INSTANCES}
        note(f"queues {left} after {time.time() - t0:.0f} s; stopping")
        time.sleep(2)
    finally:
        d.stop()
    truth = plan.truth(record, out, left, {i["name"]: i["mail"] for i in INSTANCES})
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(truth, f, indent=1, sort_keys=True)
    note(f"harness done in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
