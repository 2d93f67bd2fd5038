#!/usr/bin/env python3
"""bench/live.py BIN - "postsleuth watch" at a sustained line rate.

Appends the lines of examples/mail.log (times rewritten to now, looping)
to a log at BENCH_LIVE_RATE lines per second (default 2000) for
BENCH_LIVE_SECONDS (default 20), in small writes every 10 ms, while
postsleuth watch (dry run) follows it.  Twice a second it also writes, in
one write, one SASL password-guessing session of a new address
(198.18.0.0/15); the lag is from that write to the watcher printing the
ban of that address.  CPU is the watcher's user + system time over the
run, from /proc; peak RSS is its VmHWM.  Timing starts once the watcher
says it follows the file (it reads mynetworks with postconf first).
Prints a Markdown table.
"""
import os, re, signal, statistics, subprocess, sys, tempfile, threading, time

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
bin_ = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, "postsleuth"))
rate = int(os.environ.get("BENCH_LIVE_RATE", "2000"))
seconds = float(os.environ.get("BENCH_LIVE_SECONDS", "20"))
tick = 0.01

src = [line.split(" ", 1)[1] for line in open(os.path.join(top, "examples", "mail.log"), errors="replace")
       if " " in line]


def now_iso():
    t = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int(t % 1 * 1e6):06d}+00:00"


def attacker(n):
    addr = f"198.18.{n // 250}.{n % 250 + 1}"
    pid = 900000 + n
    ts = now_iso()
    lines = [f"{ts} mx1 postfix/smtpd[{pid}]: connect from unknown[{addr}]\n"]
    lines += [f"{ts} mx1 postfix/smtpd[{pid}]: warning: unknown[{addr}]: SASL LOGIN authentication "
              f"failed: authentication failure\n"] * 3
    lines.append(f"{ts} mx1 postfix/smtpd[{pid}]: disconnect from unknown[{addr}] ehlo=1 auth=0/3 "
                 f"quit=1 commands=2/5\n")
    return addr, "".join(lines)


def cpu_seconds(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


def main():
    d = tempfile.mkdtemp(prefix="postsleuth-bench-live.")
    log, db = os.path.join(d, "mail.log"), os.path.join(d, "state.db")
    os.makedirs(os.path.join(d, "cfg"))
    with open(os.path.join(d, "cfg", "main.cf"), "w") as f:
        f.write("mynetworks = 127.0.0.0/8\n")
    open(log, "w").close()
    env = dict(os.environ, MAIL_CONFIG=os.path.join(d, "cfg"))
    w = subprocess.Popen([bin_, "watch", "--nft-set", "inet filter postsleuth_ban", "--state", db,
                          "--metrics", os.path.join(d, "metrics.prom"), log],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    for line in w.stderr:  # ready: mynetworks read (postconf), the state open
        if "following" in line:
            break
    threading.Thread(target=lambda: [None for _ in w.stderr], daemon=True).start()
    seen = {}

    def reader():
        for line in w.stdout:
            m = re.search(r"\{ (198\.18\.\S+) timeout", line)
            if m:
                seen.setdefault(m.group(1), time.monotonic())
    th = threading.Thread(target=reader, daemon=True)
    th.start()
    cpu0, t0 = cpu_seconds(w.pid), time.monotonic()
    written, lines, i, n = {}, 0, 0, 0
    next_attack = t0
    out = open(log, "a")
    while time.monotonic() - t0 < seconds:
        t = time.monotonic()
        want = int((t - t0) * rate) - lines
        if want > 0:
            ts = now_iso()
            chunk = "".join(f"{ts} {src[(i + k) % len(src)]}" for k in range(want))
            i += want
            out.write(chunk)
            out.flush()
            lines += want
        if t >= next_attack:
            addr, block = attacker(n)
            n += 1
            out.write(block)
            out.flush()
            written[addr] = time.monotonic()
            lines += 5
            next_attack += 0.5
        time.sleep(max(0, tick - (time.monotonic() - t)))
    wall = time.monotonic() - t0
    time.sleep(3)
    cpu = cpu_seconds(w.pid) - cpu0
    hwm = next((int(x.split()[1]) for x in open(f"/proc/{w.pid}/status") if x.startswith("VmHWM")), 0)
    w.send_signal(signal.SIGTERM)
    w.wait(30)
    lags = sorted((seen[a] - written[a]) * 1000 for a in written if a in seen)
    missing = len(written) - len(lags)
    q = lambda p: lags[min(len(lags) - 1, int(p * len(lags)))] if lags else float("nan")  # noqa: E731
    print(f"bench: postsleuth watch at {rate} lines/s for {seconds:.0f} s ({lines} lines, "
          f"{len(written)} attackers); binary {bin_}")
    print()
    print("| rate lines/s | lines | attackers banned | lag p50 ms | lag p95 ms | lag max ms | "
          "cpu % of a core | peak RSS MiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {lines / wall:.0f} | {lines} | {len(lags)}/{len(written)} | {q(0.5):.1f} | {q(0.95):.1f} | "
          f"{(lags[-1] if lags else float('nan')):.1f} | {100 * cpu / wall:.1f} | {hwm / 1024:.1f} |")
    subprocess.run(["rm", "-rf", d])
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
