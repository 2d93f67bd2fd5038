"""live.py - "postsleuth watch" during the e2e run (issue 15).

Inside the harness's namespaces: rsyslogd also writes OUT/live/mail.log
(the same lines as OUT/mail.log), and postsleuth watch follows it with
--act, banning into an nftables set of the test's own network namespace
(table inet e2e, set ban, made here; an element put there first must
survive: the user's ruleset is never flushed).  While the scenarios play,
logrotate rotates the file under the follower (create + delaycompress,
then copytruncate + compress), the follower is killed with SIGKILL and
started again; at the end it is stopped with SIGTERM once it has read
every line.  What check.py compares with the truth is left in OUT/live/:
the set's elements (nft.json), what watch printed, its state (state.db),
the hook's JSON, the metrics, and the lines written (lines).
"""
import gzip, json, os, signal, subprocess, threading, time

SENTINEL = "192.0.2.1"          # put in the set first: must still be there
TEST_BANNABLE = "127.10.0.0/16"  # the syslog instance's clients (drivers: prefix 127.10)


def sh(*args, **kw):
    return subprocess.run(list(args), check=True, **kw)


class Live:
    def __init__(self, bin_, out, work, rsyslog_pid, mail_config):
        self.bin, self.dir = bin_, os.path.join(out, "live")
        self.work = os.path.join(work, "live")
        os.makedirs(self.work, exist_ok=True)
        self.log = os.path.join(self.dir, "mail.log")
        self.rsyslog_pid, self.mail_config = rsyslog_pid, mail_config
        self.proc, self.events, self.errors = None, [], []
        self.stop = threading.Event()

    def note(self, what):
        self.events.append((round(time.time(), 3), what))

    def nft(self):
        sh("nft", "add", "table", "inet", "e2e")
        sh("nft", "add", "set", "inet", "e2e", "ban", "{ type ipv4_addr; flags timeout; }")
        sh("nft", "add", "element", "inet", "e2e", "ban", "{", SENTINEL, "timeout", "1d", "}")

    def start(self):
        env = dict(os.environ, MAIL_CONFIG=self.mail_config, POSTSLEUTH_TEST_BANNABLE=TEST_BANNABLE)
        hook = os.path.join(self.work, "hook")
        with open(hook, "w") as f:
            f.write(f"#!/bin/sh\ncat >>{self.dir}/hook.jsonl\n")
        os.chmod(hook, 0o755)
        self.proc = subprocess.Popen(
            [self.bin, "watch", "--act", "--nft-set", "inet e2e ban", "--ban-time", "1h",
             "--hook", hook, "--state", os.path.join(self.dir, "state.db"),
             "--metrics", os.path.join(self.dir, "metrics.prom"), self.log],
            stdout=open(os.path.join(self.dir, "out"), "a"),
            stderr=open(os.path.join(self.dir, "err"), "a"), env=env)
        self.note("start")

    def logrotate(self, mode):
        conf = os.path.join(self.work, f"logrotate-{mode}.conf")
        pid = f"$(cat {self.rsyslog_pid})"
        with open(conf, "w") as f:
            f.write(f"{self.log} {{\n  rotate 5\n  missingok\n  compress\n  delaycompress\n")
            if mode == "create":
                f.write(f"  create 0640 root root\n  postrotate\n    kill -HUP {pid}\n  endscript\n")
            else:
                # rsyslogd paused from the copy to the cut: a line written
                # between them is in neither file, copytruncate's own loss,
                # which no follower can undo and which would make the line
                # counts below differ by chance
                f.write(f"  copytruncate\n  prerotate\n    kill -STOP {pid}\n  endscript\n"
                        f"  postrotate\n    kill -CONT {pid}\n  endscript\n")
            f.write("}\n")
        try:
            sh("logrotate", "-f", "-s", os.path.join(self.work, "logrotate.state"), conf)
        finally:  # never leave rsyslogd stopped
            os.kill(int(open(self.rsyslog_pid).read().split()[0]), signal.SIGCONT)
        self.note(f"logrotate {mode}")

    def disturb(self):
        """while the scenarios play: rotate, kill -9 and restart, rotate"""
        steps = [(8, lambda: self.logrotate("create")),
                 (16, self.kill9),
                 (26, lambda: self.logrotate("copytruncate")),
                 (34, self.kill9)]
        t0 = time.time()
        for at, step in steps:
            if self.stop.wait(max(0, t0 + at - time.time())):
                return
            try:
                step()
            except Exception as e:  # noqa: BLE001 - said in the result, checked there
                self.errors.append(f"{step}: {e}")

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.note("kill -9")
        self.start()

    def begin(self):
        os.makedirs(self.dir, exist_ok=True)
        for _ in range(100):  # rsyslogd makes the file at its first line
            if os.path.exists(self.log):
                break
            time.sleep(0.05)
        self.nft()
        self.start()
        self.thread = threading.Thread(target=self.disturb, daemon=True)
        self.thread.start()

    def lines_written(self):
        n = 0
        for name in os.listdir(self.dir):
            if not name.startswith("mail.log"):
                continue
            p = os.path.join(self.dir, name)
            op = gzip.open if name.endswith(".gz") else open
            with op(p, "rb") as f:
                n += sum(1 for _ in f)
        return n

    def lines_read(self):
        r = subprocess.run(["sqlite3", os.path.join(self.dir, "state.db"),
                            "SELECT value FROM counter WHERE name = 'lines'"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        return int(r.stdout.strip() or 0)

    def finish(self):
        """after rsyslogd stopped: wait until every line is read, stop it"""
        self.stop.set()
        self.thread.join()
        total = self.lines_written()
        deadline = time.time() + 30
        while time.time() < deadline and self.lines_read() < total:
            time.sleep(0.2)
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(30)
        self.note(f"SIGTERM: exit {rc}")
        r = subprocess.run(["nft", "-j", "list", "set", "inet", "e2e", "ban"],
                           stdout=subprocess.PIPE, text=True, check=True)
        with open(os.path.join(self.dir, "nft.json"), "w") as f:
            f.write(r.stdout)
        with open(os.path.join(self.dir, "result.json"), "w") as f:
            json.dump({"lines_written": total, "exit": rc, "events": self.events,
                       "errors": self.errors, "sentinel": SENTINEL,
                       "test_bannable": TEST_BANNABLE}, f, indent=1)
