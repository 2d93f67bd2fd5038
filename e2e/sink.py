#!/usr/bin/env python3
"""sink.py CONFIG OUT - the "remote" mail servers of the e2e harness.

A tiny SMTP server (asyncio; the smtpd module is gone in Python 3.12) on
each loopback address of CONFIG's "sinks", answering like real receiving
MTAs: it accepts some recipients and refuses others with realistic 4xx/5xx
replies.  What a recipient gets is decided by the harness's plan, passed in
CONFIG's "policy" ({recipient: kind}); a recipient not in the plan is
accepted.  Kinds:

  ok       250 at RCPT, then 250 after DATA (unless the content is refused)
  unknown  550 5.1.1 at RCPT, in the sink's own wording
  full     452 4.2.2 at RCPT, always (Postfix retries, then expires it)
  grey     450 4.7.1 at RCPT until GREY_SECS after the first try, then ok

A sink with "hangup": true closes every connection before its greeting
(a server that drops this sender's address without a word).
A sink with "mail_text" answers that reply to every MAIL FROM (a server
that wants a login first: an Exchange MX without anonymous access).
A sink with "rcpt_text" answers that reply to every RCPT TO ({sender}
replaced: a relay host that refuses the sender for the login used).
A sink with "auth" advertises those SASL mechanisms in its EHLO reply and
answers every AUTH command "auth_text" (a relay host that refuses the
login this server gives).
A sink with "scan": true refuses at end of DATA a message whose header
X-E2E-Content is "virus" (551 virus infected mail rejected) or "policy"
(552 5.7.0 ...).  Every reply it gives is written to OUT as one JSON object
per line: the sinks' record is the truth about remote fates, never the log.
Stops on SIGTERM or SIGINT.
"""
import asyncio, json, signal, sys, time

GREY_SECS = 15
LINE_TIMEOUT = 60


class Sink:
    def __init__(self, conf, policy, out):
        self.ip, self.name = conf["ip"], conf["name"]
        self.unknown_text = conf.get("unknown_text", "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown")
        self.scan = conf.get("scan", False)
        self.mail_text = conf.get("mail_text")
        self.rcpt_text = conf.get("rcpt_text")
        self.hangup = conf.get("hangup", False)
        self.auth = conf.get("auth")
        self.auth_text = conf.get("auth_text", "535 5.7.8 Error: authentication failed: authentication failure")
        self.policy, self.out = policy, out
        self.first_seen = {}
        self.serial = 0

    def log(self, **rec):
        rec["t"] = round(time.time(), 3)
        rec["sink"] = self.name
        self.out.write(json.dumps(rec) + "\n")
        self.out.flush()

    def rcpt_reply(self, rcpt):
        kind = self.policy.get(rcpt.lower(), "ok")
        if kind == "unknown":
            return self.unknown_text.format(rcpt=rcpt)
        if kind == "full":
            return f"452 4.2.2 <{rcpt}>: Mailbox full, try again later"
        if kind == "grey":
            first = self.first_seen.setdefault(rcpt.lower(), time.time())
            if time.time() - first < GREY_SECS:
                return f"450 4.7.1 <{rcpt}>: Recipient address rejected: Greylisted, please try again later"
        return "250 2.1.5 Ok"

    async def handle(self, reader, writer):
        peer = writer.get_extra_info("peername")[0]

        async def send(text):
            writer.write(text.encode() + b"\r\n")
            await writer.drain()

        async def line():
            raw = await asyncio.wait_for(reader.readline(), LINE_TIMEOUT)
            if not raw:
                raise ConnectionError("eof")
            return raw.rstrip(b"\r\n").decode("utf-8", "replace")

        sender, rcpts = None, []
        if self.hangup:
            self.log(peer=peer, stage="connect", sender=None, rcpt="", code=0, text="closed before the greeting")
            writer.close()
            return
        try:
            await send(f"220 {self.name} ESMTP ready")
            while True:
                cmd = await line()
                verb = cmd.split(" ", 1)[0].upper()
                if verb == "EHLO":
                    auth = f"250-AUTH {self.auth}\r\n" if self.auth else ""
                    await send(f"250-{self.name}\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n{auth}"
                               "250-8BITMIME\r\n250 SMTPUTF8")
                elif verb == "AUTH" and self.auth:
                    self.log(peer=peer, stage="auth", sender=None, rcpt="",
                             code=int(self.auth_text[:3]), text=self.auth_text)
                    await send(self.auth_text)
                elif verb == "HELO":
                    await send(f"250 {self.name}")
                elif verb == "MAIL":
                    sender, rcpts = addr_of(cmd), []
                    if self.mail_text:
                        self.log(peer=peer, stage="mail", sender=sender, rcpt="",
                                 code=int(self.mail_text[:3]), text=self.mail_text)
                        sender = None
                        await send(self.mail_text)
                        continue
                    await send("250 2.1.0 Ok")
                elif verb == "RCPT":
                    rcpt = addr_of(cmd)
                    reply = (self.rcpt_text.format(sender=sender) if self.rcpt_text
                             else self.rcpt_reply(rcpt))
                    self.log(peer=peer, stage="rcpt", sender=sender, rcpt=rcpt,
                             code=int(reply[:3]), text=reply)
                    if reply.startswith("2"):
                        rcpts.append(rcpt)
                    await send(reply)
                elif verb == "DATA":
                    if not rcpts:
                        await send("554 5.5.1 Error: no valid recipients")
                        continue
                    await send("354 End data with <CR><LF>.<CR><LF>")
                    headers, in_headers = {}, True
                    while True:
                        body = await line()
                        if body == ".":
                            break
                        if in_headers:
                            if body == "":
                                in_headers = False
                            elif ":" in body and not body[0].isspace():
                                k, v = body.split(":", 1)
                                headers.setdefault(k.strip().lower(), v.strip())
                    content = headers.get("x-e2e-content", "clean")
                    if self.scan and content == "virus":
                        reply = "551 virus infected mail rejected"
                    elif self.scan and content == "policy":
                        reply = ("552 5.7.0 This message was blocked because its content presents "
                                 "a potential security issue.")
                    else:
                        self.serial += 1
                        reply = f"250 2.0.0 Ok: queued as S{self.serial:05d}{self.ip.replace('.', '')}"
                    for r in rcpts:
                        self.log(peer=peer, stage="data", sender=sender, rcpt=r, code=int(reply[:3]),
                                 text=reply, message_id=headers.get("message-id"))
                    rcpts = []
                    await send(reply)
                elif verb == "RSET":
                    sender, rcpts = None, []
                    await send("250 2.0.0 Ok")
                elif verb == "NOOP":
                    await send("250 2.0.0 Ok")
                elif verb == "QUIT":
                    await send("221 2.0.0 Bye")
                    break
                else:
                    await send("502 5.5.2 Error: command not recognized")
        except (ConnectionError, asyncio.TimeoutError, OSError):
            pass
        finally:
            writer.close()


def addr_of(cmd):
    """The address in MAIL FROM:<a> / RCPT TO:<a> (parameters dropped)."""
    start, end = cmd.find("<"), cmd.find(">")
    return cmd[start + 1:end] if 0 <= start < end else cmd.split(":", 1)[-1].strip()


async def main(conf_path, out_path):
    conf = json.load(open(conf_path))
    policy = {k.lower(): v for k, v in conf["policy"].items()}
    out = open(out_path, "a")
    servers = []
    for s in conf["sinks"]:
        if s.get("down"):
            continue  # a host that refuses connections: nothing listens
        sink = Sink(s, policy, out)
        servers.append(await asyncio.start_server(sink.handle, s["ip"], 25))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print("ready", flush=True)
    await stop.wait()
    for srv in servers:
        srv.close()
    out.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
