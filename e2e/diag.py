"""diag.py - the "diag" instance of the e2e harness: a Postfix with the
faults real servers have, so that real Postfix writes the lines of the
server's own problems, and what postsleuth must find in them.

The instance (e2e/conf/main.cf.in + diag-main.cf.in, diag-master.cf.in)
listens on 127.0.0.5 and logs through postlogd to OUT/diag.log.  Its
faults, each with the client that shows it and the finding wanted
(docs/findings.md):

  port  what is wrong                           client                      finding
  25    smtpd_milters inet:127.0.0.1:8891, down  every smtpd session         milter-unreachable
  25    virtual_transport lmtp:inet:127.0.0.1:24 inbound mail to a user      mailbox-delivery-unreachable
  25    transport lmtp:unix:private/dovecot-lmtp mail for lists.example.test mailbox-delivery-unreachable
  25    transport smtp:[mx.closed.test]:25       mail for closed.test        outbound-connect-refused
          (127.0.0.27, nothing listens)
  25    transport "nosuch:" not in master.cf     mail for nowhere.test       transport-unavailable
  25    mynetworks is 127.0.0.1/32 only          the admin's application     own-client-relay-denied
          on 127.30.0.71, refused "Relay access denied" (not hostile)
  2525  content_filter scan:[127.0.0.1]:10024    mail through it             content-filter-unreachable
  2526  check_sender_access hash: never made     a sender, 451 4.3.5         lookup-table-missing
          (its "451 4.3.5 Server configuration error" is the table's: no
          server-configuration-problem of its own)
  2527  postscreen, DNSBL dnsbl.test answering   a sender                    dnsbl-answers-error
          127.255.255.254 (dnsmasq on 127.0.0.1:53)
  2528  TLS key of another pair than the cert   a client asking STARTTLS    tls-key-certificate
  2529  check_policy_service 127.0.0.1:10023     a sender, 451 4.3.5         policy-service-unreachable
          (the two 451s, each of its own smtpd, are each told with its cause)
  2530  smtpd_proxy_filter 127.0.0.1:10025      a sender, 451 at RCPT       before-queue-filter-unreachable
          (a before-queue filter; nothing listens: not a policy service)
  2532  milter_default_action = tempfail, the     a sender, 451 4.7.1         milter-failure-refuses-mail
          milter down: every sender refused
  25    transport smtp:[relay.diag.test]:2531    mail for partner-relay.test outbound-relay-denied
          (this instance's port 2531 as another host, the relay host,
          which does not take this server: "454 4.7.1 Relay access denied")
  25    transport smtp:[smtp.relaylogin.test]:25 mail for relaylogin.test   relayhost-login-missing
          (a sink answering MAIL FROM "530 5.7.0 Authentication required":
          a relay host, named as one, that wants a login)
  25    transport smtp:[mail.exchange-corp.test] mail for exchange-corp.test outbound-mx-login-required
          :25 (a sink answering MAIL FROM "530 5.7.1 Client was not
          authenticated": that domain's own MX, not this server's relay)
  25    transport smtp:[mx.dropper.test]:25     mail for dropper.test       outbound-conversation-lost
          (a sink that closes before its greeting)
  25    smtp_tls_policy_maps: [mx.notls.test]   mail for tlsreq.test        outbound-tls-not-offered
          encrypt (a sink: it offers no STARTTLS)
  25    transport smtp:[smtp.sendas.test]:25    mail for sendas.test        relayhost-sender-refused
          (a sink answering RCPT "553 5.7.1 <sender>: Sender address
          rejected: not owned by user relayuser": a relay host that
          refuses the sender for the login this server uses)
  25    transport smtp:[smtp.authfail.test]:25  mail for authfail.test      relayhost-login-refused
          smtp_sasl_password_maps (a sink offering AUTH PLAIN LOGIN that
          answers 535 5.7.8: the relay host refuses the password)
  25    transport smtp:[smtp.nomech.test]:25    mail for nomech.test        relayhost-sasl-failed
          smtp_sasl_password_maps (a sink offering AUTH GSSAPI only: "no
          worthy mechs", this host's SASL library has no such mechanism)
  25    smtp_tls_policy_maps:                   mail for verify.test        outbound-tls-certificate-
          [verify.diag.test]:2533 secure (this                              unverified
          instance's 2533, a self-signed certificate)
  25    transport smtpfast:[smtps.diag.test]:465 mail for wrapper.test      outbound-tls-mode-mismatch
          (this instance's 465 with smtpd_tls_wrappermode; the client
          dials it in plain SMTP and waits for a greeting)
  2535  reject_unverified_recipient, mail for   a partner writing to a      verify-refusal-temporary
          gateway.test (relay_domains) routed to  gateway user that does not  (the probe's 550 answered
          mx.remote1.test's sink, which refuses   exist and to one that does  450: a probe is no mail,
          nobody@ (550 User unknown)                                          the partner not accused)
  25    transport smtpwrap:[submit.diag.test]:  mail for plain.test        outbound-tls-mode-mismatch
          587 (this instance on 127.0.0.6:587,
          STARTTLS; the client in wrapper mode)
  25    header_checks: HOLD and DISCARD by      a partner's two messages    mail-held, mail-discarded
          Subject (the rule's text is the key)
  25    header_checks: REJECT by Subject        a host of the admin's       own-mail-refused-by-checks
                                                network, its third message  (550 after DATA)
  2539  check_recipient_access mysql:, and      a sender, 451 4.3.5         lookup-table-type-
          postfix-mysql is not installed                                    unsupported
  25    no abuse@ in the virtual tables         a report to abuse@          role-address-missing
          (postmaster@ is aliased: not told)
  587   SASL via private/auth, no such socket   a mail client               sasl-backend-unreachable
  25    smtpd_data_restrictions =               a backup script of the      own-client-pipelining
          reject_unauth_pipelining              admin's network writing its
                                                whole transaction after HELO
  25    (none: a client's fault)                a mail client set to SSL/TLS tls-failure (verdict:
                                                on port 25 (a TLS ClientHello not a bot to ban)
                                                before the greeting)
  25    smtpd's certificate is self-signed      a mail client that checks   tls-certificate-distrusted
                                                certificates: after STARTTLS
                                                it ends the handshake
                                                ("unknown ca")

  2538  message_size_limit = 20000,          a partner's 60 KB message,   inbound-message-too-big
        smtpd_recipient_limit = 3               declared (SIZE=) and not;   (benign); the partners
                                                a partner's message to five  not accused
                                                users, the rest sent again
  2537  postscreen's after-greeting tests       a mail server that passes   (legitimate, its mail taken
        (no DNSBL)                              them and comes back; bots   on the second visit; the
                                                that fail them: non-SMTP,   bots' verdicts in BOTS)
                                                pipelining, bare newline,
                                                the count, time and length
                                                limits

Every client here but the bots of port 2537 (BOTS) is legitimate:
postsleuth must accuse none of them.
The truth is what the clients did and were answered (and what was
configured), never the log.  Accepted mail has the null sender, so that
no bounce or delay notice adds lines of its own.
"""
import email.utils, ssl, threading, time

import drivers

SERVER = "127.0.0.5"
PREFIX = "127.30"
# the bots of port 2537 play the Internet (run.sh's POSTSLEUTH_TEST_BANNABLE
# holds this net), the other clients the admin's own network
BOT_PREFIX = "127.40"
# each bot's scenario and the verdict wanted (None: any but an accusation)
BOTS = {82: ("bot_nonsmtp", "non-smtp-probe"), 83: ("bot_pipelining", "pipelining"),
        84: ("bot_bare_newline", "protocol-violation"), 85: ("bot_count", "protocol-violation"),
        86: ("bot_slow", "protocol-violation"),
        87: ("bot_length", "non-smtp-probe")}
DNSBL = "dnsbl.test"
DNSBL_ANSWER = "127.255.255.254"
CLOSED = ("mx.closed.test", "127.0.0.27")   # nothing listens there
RELAY = ("relay.diag.test", SERVER, 2531)    # this instance's own port 2531
EXCHANGE = "mail.exchange-corp.test"         # sinks (harness.py's SINKS)
RELAY_LOGIN = "smtp.relaylogin.test"
DROPPER = "mx.dropper.test"                  # a sink that hangs up before its greeting
SENDAS = "smtp.sendas.test"                  # a relay host refusing the sender
AUTHFAIL = "smtp.authfail.test"              # a relay host refusing the login
NOMECH = "smtp.nomech.test"                  # a relay host offering only GSSAPI
NOTLS = ("mx.notls.test", "127.0.0.21")      # mx.remote1.test's sink under another name
VERIFY = ("verify.diag.test", SERVER, 2533)  # this instance's 2533, a self-signed certificate
WRAPPER = ("smtps.diag.test", SERVER, 465)   # this instance's 465, TLS from the first byte
SUBMIT = ("submit.diag.test", "127.0.0.6", 587)  # this instance's too: STARTTLS, dialled in wrapper mode
LOCAL = drivers.LOCAL_DOMAIN
GATEWAY = ("gateway.test", "mx.remote1.test")  # relay_domains, its mailboxes on a sink
# what the sinks answer for the diag instance's recipients (the harness's plan
# has its own): the gateway's user that does not exist
SINK_POLICY = {f"nobody@{GATEWAY[0]}": "unknown"}
HOSTS = {CLOSED[0]: CLOSED[1], RELAY[0]: RELAY[1], NOTLS[0]: NOTLS[1], VERIFY[0]: VERIFY[1],
         WRAPPER[0]: WRAPPER[1], SUBMIT[0]: SUBMIT[1]}


def tables():
    """The diag instance's lookup tables (no sender_access: never made)."""
    t = drivers.postfix_tables()
    t["transport"] = (f"closed.test smtp:[{CLOSED[0]}]:25\n"
                      f"partner-relay.test smtp:[{RELAY[0]}]:{RELAY[2]}\n"
                      f"exchange-corp.test smtp:[{EXCHANGE}]:25\n"
                      f"relaylogin.test smtp:[{RELAY_LOGIN}]:25\n"
                      f"dropper.test smtp:[{DROPPER}]:25\n"
                      f"sendas.test smtp:[{SENDAS}]:25\n"
                      f"authfail.test smtp:[{AUTHFAIL}]:25\n"
                      f"nomech.test smtp:[{NOMECH}]:25\n"
                      f"tlsreq.test smtp:[{NOTLS[0]}]:25\n"
                      f"verify.test smtp:[{VERIFY[0]}]:{VERIFY[2]}\n"
                      f"wrapper.test smtpfast:[{WRAPPER[0]}]:{WRAPPER[2]}\n"
                      f"plain.test smtpwrap:[{SUBMIT[0]}]:{SUBMIT[2]}\n"
                      f"{GATEWAY[0]} smtp:[{GATEWAY[1]}]:25\n"
                      "nowhere.test nosuch:\n"
                      f"lists.{LOCAL} lmtp:unix:private/dovecot-lmtp\n")
    t["tls_policy"] = (f"[{NOTLS[0]}]:25 encrypt\n"
                       f"[{VERIFY[0]}]:{VERIFY[2]} secure\n")
    t["sasl_passwd"] = (f"[{AUTHFAIL}]:25 relayuser:wrong-password\n"
                        f"[{NOMECH}]:25 relayuser:secret\n")
    t["header_checks"] = ("/^Subject: .*invoice-review/ HOLD held for review\n"
                          "/^Subject: .*newsletter-drop/ DISCARD dropped newsletter\n"
                          "/^Subject: .*quote-blocked/ REJECT blocked by the content policy\n")
    # the mysql: table of port 2539: its type is not installed, its file
    # is there as an admin would have written it
    t["rcpt-mysql.cf"] = ("hosts = 127.0.0.1\nuser = postfix\npassword = secret\ndbname = mail\n"
                          "query = SELECT action FROM recipient_access WHERE address = '%s'\n")
    return t


INSTANCE = {"name": "diag", "server": SERVER, "debug_server": SERVER, "prefix": PREFIX,
            "logging": "maillog_file", "log": "diag.log", "master": "diag-master.cf.in",
            "main_extra": "diag-main.cf.in", "tables": tables,
            "forbidden": "# smtpd_forbidden_commands: Postfix's default"}


class Recorder:
    """What drivers.Session reports to: the connections, accepted and refused mail."""

    def __init__(self):
        self.lock = threading.Lock()
        self.conns, self.accepted_, self.rejects, self.errors = [], [], [], []

    def connection(self, rec):
        with self.lock:
            self.conns.append(rec)

    def accepted(self, rec, qid, sender, results, headers, sasl_user):
        with self.lock:
            self.accepted_.append({"ip": rec["ip"], "port": int(rec["server"].rsplit(":", 1)[1]),
                                   "queue_id": qid, "recipients": sorted(results)})

    def rejected(self, rec, sender, results):
        with self.lock:
            self.rejects.append({"ip": rec["ip"], "port": int(rec["server"].rsplit(":", 1)[1]),
                                 "results": {a: [v["code"], v["reply"]] for a, v in results.items()}})


def _headers(sender, rcpts, subject):
    return {"From": f"<{sender or 'mailer-daemon@partner-a.test'}>", "To": ", ".join(f"<{a}>" for a in rcpts),
            "Subject": subject, "Date": email.utils.formatdate(localtime=False),
            "Message-ID": f"<{time.time():.6f}.diag@partner-a.test>"}


class Diag:
    def __init__(self):
        self.rec = Recorder()
        self.inst = INSTANCE
        self.notes = {}          # what each scenario saw, for the truth

    def ip(self, n):
        return f"{PREFIX}.0.{n}"

    def session(self, scenario, ip, port):
        return drivers.Session(self.rec, self.inst, scenario, ip, SERVER, port)

    def _send(self, scenario, ip, port, helo, sender, rcpts, tls=False, subject="diag"):
        s = self.session(scenario, ip, port)
        try:
            s.banner()
            code, text = s.cmd(f"EHLO {helo}")
            if tls:
                self.notes["starttls_offered"] = "STARTTLS" in text
                if "STARTTLS" in text:
                    self.notes["starttls_code"] = s.starttls()
                    s.cmd(f"EHLO {helo}")
            for r in rcpts:
                s.mail(sender, [r], _headers(sender, [r], subject))
            s.quit()
        except (drivers.Eof, OSError) as e:
            s.close("error: " + str(e))

    # the scenarios, each from its own address
    def own_app(self):
        """The admin's application on a host of its own network, not in
        mynetworks: its mail to customers is refused (Relay access denied)."""
        for n in range(2):
            self._send("own_app", self.ip(71), 25, "app01.example.test", f"orders@{LOCAL}",
                       [f"customer{n}@partner-b.test"])
            time.sleep(0.5)

    def local_outbound(self):
        """The server's own host (127.0.0.1, in mynetworks): mail to a domain
        whose server is down, to an undefined transport, to a local list."""
        self._send("local_outbound", "127.0.0.1", 25, "mx1.example.test", "",
                   ["info@closed.test", "sales@nowhere.test", f"team@lists.{LOCAL}"])

    def relay_login(self):
        """The server's own host sends to domains routed through relay hosts
        that do not take its mail, and to a domain whose own MX wants a
        login."""
        self._send("relay_login", "127.0.0.1", 25, "mx1.example.test", "",
                   ["news@partner-relay.test", "ops@relaylogin.test", "ceo@exchange-corp.test",
                    "info@dropper.test", "sales@sendas.test", "legal@tlsreq.test",
                    "it@authfail.test", "hr@nomech.test", "sec@verify.test", "ops@wrapper.test",
                    "ops@plain.test"])

    def inbound_local(self):
        self._send("inbound_local", self.ip(61), 25, "mail.partner-a.test", "",
                   [f"alice@{LOCAL}"])

    def through_filter(self):
        self._send("through_filter", "127.0.0.1", 2525, "mx1.example.test", "", [f"bob@{LOCAL}"])

    def missing_table(self):
        self._send("missing_table", self.ip(62), 2526, "mail.partner-a.test",
                   "billing@partner-a.test", [f"carol@{LOCAL}"])

    def dnsbl(self):
        self._send("dnsbl", self.ip(91), 2527, "smtp.shop.test", "noreply@shop.test", [f"dave@{LOCAL}"])

    def tls_mismatch(self):
        self._send("tls_mismatch", self.ip(64), 2528, "mail.partner-a.test", "", [f"carol@{LOCAL}"], tls=True)

    def mysql_missing(self):
        """A partner writes through port 2539, whose recipient table is of a
        type this Postfix lacks (mysql: without postfix-mysql): 451."""
        self._send("mysql_missing", self.ip(79), 2539, "mail.partner-a.test", "billing@partner-a.test",
                   [f"carol@{LOCAL}"])

    def policy_down(self):
        self._send("policy_down", self.ip(63), 2529, "mail.partner-a.test", "billing@partner-a.test",
                   [f"erin@{LOCAL}"])

    def proxy_down(self):
        self._send("proxy_down", self.ip(65), 2530, "mail.partner-a.test", "billing@partner-a.test",
                   [f"dave@{LOCAL}"])

    def milter_tempfail(self):
        self._send("milter_tempfail", self.ip(66), 2532, "mail.partner-a.test", "billing@partner-a.test",
                   [f"erin@{LOCAL}"])

    def quarantine(self):
        """A partner's three messages: one that header_checks holds, one it
        discards (the sender is told both were taken), one it refuses (550
        at the end of DATA: the admin's own rule, not the partner's fault)."""
        for subject in ("diag invoice-review", "diag newsletter-drop", "diag quote-blocked"):
            self._send("quarantine", self.ip(67), 25, "mail.partner-a.test", "",
                       [f"alice@{LOCAL}"], subject=subject)

    def role(self):
        """A report to abuse@ of the local domain, which has none; and one
        to postmaster@, which is aliased."""
        self._send("role", self.ip(68), 25, "mail.partner-a.test", "",
                   [f"abuse@{LOCAL}", f"postmaster@{LOCAL}"])

    def sasl_down(self):
        self._send("sasl_down", self.ip(72), 587, f"[{self.ip(72)}]", None, [])

    def pipelined_tool(self):
        """A backup script of the admin's network that writes HELO, MAIL,
        RCPT and DATA at once, without waiting for the replies: refused at
        DATA by reject_unauth_pipelining."""
        s = self.session("pipelined_tool", self.ip(73), 25)
        try:
            s.banner()
            s.send(f"HELO backup.example.test\r\nMAIL FROM:<>\r\nRCPT TO:<alice@{LOCAL}>\r\nDATA\r\n".encode())
            self.notes["pipelined_codes"] = [s.reply(c)[0] for c in ("HELO", "MAIL", "RCPT", "DATA")]
            s.quit()
        except (drivers.Eof, OSError) as e:
            s.close("error: " + str(e))

    def tls_hello(self):
        """A mail client of the admin's network set to "SSL/TLS" on port 25:
        its TLS ClientHello goes out before the server's greeting."""
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        inb, outb = ssl.MemoryBIO(), ssl.MemoryBIO()
        obj = ctx.wrap_bio(inb, outb, server_hostname="mx1.example.test")
        try:
            obj.do_handshake()
        except ssl.SSLWantReadError:
            pass
        hello = outb.read()
        s = self.session("tls_hello", self.ip(74), 25)
        try:
            s.send(hello)
            self.notes["tls_hello_bytes"] = len(hello)
            s.banner()
            # no ServerHello comes: the client gives up, as a mail program does
            s.sock.settimeout(3)
            s.reply("<tls-bytes>")
        except (drivers.Eof, OSError):
            pass
        s.close("client_gave_up")

    def verify_gateway(self):
        """A partner writes to two users of the gateway's domain: the
        gateway asks the mailbox server behind it first (an address
        verification probe) and refuses the user it does not know."""
        self._send("verify_gateway", self.ip(76), 2535, "mail.partner-a.test", "",
                   [f"nobody@{GATEWAY[0]}", f"info@{GATEWAY[0]}"])

    def big_mail(self):
        """A partner's 60 KB message to a server taking 20 KB: refused at
        MAIL when its size is declared, at the end of the data when not."""
        s = self.session("big_mail", self.ip(77), 2538)
        try:
            s.banner()
            s.cmd("EHLO mail.partner-a.test")
            self.notes["big_declared"] = s.cmd("MAIL FROM:<> SIZE=60000", "MAIL")[0]
            s.cmd("RSET")
            s.cmd("MAIL FROM:<>", "MAIL")
            s.cmd(f"RCPT TO:<alice@{LOCAL}>", "RCPT")
            if s.cmd("DATA")[0] == 354:
                head = "".join(f"{k}: {v}\r\n" for k, v in
                               _headers("", [f"alice@{LOCAL}"], "diag big attachment").items())
                s.send((head + "\r\n" + ("x" * 76 + "\r\n") * 780 + ".\r\n").encode())
                self.notes["big_data"] = s.reply("<end-of-data>")[0]
            s.quit()
        except (drivers.Eof, OSError) as e:
            s.close("error: " + str(e))

    def many_rcpts(self):
        """A partner's message to five users of a server taking three per
        message: the other two are answered 452 and sent again at once."""
        users = [f"{u}@{LOCAL}" for u in ("alice", "bob", "carol", "dave", "erin")]
        s = self.session("many_rcpts", self.ip(78), 2538)
        try:
            s.banner()
            s.cmd("EHLO mail.partner-b.test")
            s.cmd("MAIL FROM:<>", "MAIL")
            codes = [s.cmd(f"RCPT TO:<{u}>", "RCPT")[0] for u in users]
            self.notes["rcpt_limit_codes"] = codes
            if s.cmd("DATA")[0] == 354:
                head = "".join(f"{k}: {v}\r\n" for k, v in _headers("", users, "diag team news").items())
                s.send((head + "\r\nHello team.\r\n.\r\n").encode())
                s.reply("<end-of-data>")
            left = [u for u, c in zip(users, codes) if c != 250]
            if left:
                s.mail("", left, _headers("", left, "diag team news"))
            s.quit()
        except (drivers.Eof, OSError) as e:
            s.close("error: " + str(e))

    def deep_pass(self):
        """A mail server meeting postscreen's after-greeting tests for the
        first time: answered 450 at RCPT, it comes back and is passed to
        smtpd (as real servers retry)."""
        ip = self.ip(81)
        s = self.session("deep_pass", ip, 2537)
        try:
            s.banner()
            s.cmd("EHLO mail.partner-c.test")
            s.cmd("MAIL FROM:<>")
            self.notes["deep_first_rcpt"] = s.cmd(f"RCPT TO:<bob@{LOCAL}>")[0]
            s.quit()
        except (drivers.Eof, OSError) as e:
            s.close("error: " + str(e))
        time.sleep(1)
        self._send("deep_pass", ip, 2537, "mail.partner-c.test", "", [f"bob@{LOCAL}"])

    def bot_ip(self, n):
        return f"{BOT_PREFIX}.0.{n}"

    def _bot(self, scenario, n, talk):
        s = self.session(scenario, self.bot_ip(n), 2537)
        try:
            s.banner()
            talk(s)
            s.sock.settimeout(6)
            while True:  # what the server says until it hangs up
                s.reply("<after>")
        except (drivers.Eof, OSError):
            pass
        s.close("bot_done")

    def deep_bots(self):
        """Bots failing postscreen's after-greeting tests, one per test."""
        def nonsmtp(s):
            s.send("GET / HTTP/1.1")
        def pipelining(s):
            s.send("EHLO bot.example.test\r\nMAIL FROM:<x@bot.example.test>\r\n".encode())
            s.reply("EHLO")
            s.reply("MAIL")
            s.cmd(f"RCPT TO:<bob@{LOCAL}>")
            s.cmd("QUIT")
        def bare_newline(s):
            s.send(b"EHLO bot.example.test\n")
            s.reply("EHLO")
            s.cmd("MAIL FROM:<x@bot.example.test>")
            s.cmd(f"RCPT TO:<bob@{LOCAL}>")
            s.cmd("QUIT")
        def count(s):
            s.cmd("EHLO bot.example.test")
            for _ in range(12):
                s.cmd("NOOP")
        def slow(s):
            time.sleep(5)
            s.cmd("EHLO bot.example.test")
        def length(s):
            s.send("EHLO " + "a" * 3000)
        talks = {82: nonsmtp, 83: pipelining, 84: bare_newline, 85: count, 86: slow, 87: length}
        ts = [threading.Thread(target=self._bot, args=(BOTS[n][0], n, talks[n]), daemon=True)
              for n in BOTS]
        for t in ts:
            t.start()
        for t in ts:
            t.join(40)

    def cert_distrust(self):
        """A mail program of the admin's network that checks certificates:
        after STARTTLS it finds this server's self-signed one and ends the
        handshake with an alert ("unknown ca"), as Thunderbird or a phone does
        until the user accepts it."""
        s = self.session("cert_distrust", self.ip(75), 25)
        try:
            s.banner()
            s.cmd("EHLO laptop.example.test")
            if s.cmd("STARTTLS")[0] == 220:
                ctx = ssl.create_default_context()
                try:
                    ctx.wrap_socket(s.sock, server_hostname="mx1.example.test")
                except ssl.SSLCertVerificationError as e:
                    self.notes["cert_distrust"] = e.verify_message
        except (drivers.Eof, OSError) as e:
            self.notes.setdefault("cert_distrust_error", str(e))
        s.close("client_ended_tls")

    SCENARIOS = ["own_app", "local_outbound", "relay_login", "inbound_local", "through_filter", "missing_table",
                 "mysql_missing", "dnsbl", "tls_mismatch", "policy_down", "proxy_down", "milter_tempfail", "quarantine", "role", "sasl_down",
                 "pipelined_tool", "tls_hello", "cert_distrust", "verify_gateway", "deep_pass", "deep_bots",
                 "big_mail", "many_rcpts"]

    def run(self):
        def body(sc):
            try:
                getattr(self, sc)()
            except Exception as e:  # a driver that breaks is a harness error
                with self.rec.lock:
                    self.rec.errors.append(f"diag {sc}: {type(e).__name__}: {e}")
        ts = [threading.Thread(target=body, args=(sc,), daemon=True) for sc in self.SCENARIOS]
        for t in ts:
            t.start()
        for t in ts:
            t.join(60)
            if t.is_alive():
                self.rec.errors.append("diag: a scenario still running after 60 s")

    # -- truth ------------------------------------------------------------------
    def truth(self, queue_left):
        """The findings the configuration and the clients' answers call for."""
        r = self.rec
        codes = {}               # (ip, port) -> [RCPT reply codes]
        for rj in r.rejects:
            codes.setdefault((rj["ip"], rj["port"]), []).extend(v[0] for v in rj["results"].values())
        acc = {}                 # recipient -> queue ID
        for a in r.accepted_:
            for rc in a["recipients"]:
                acc[rc] = a["queue_id"]
        sessions = {}
        for c in r.conns:
            sessions.setdefault(c["ip"], []).append(int(c["server"].rsplit(":", 1)[1]))
        want = []

        def expect(fid, key, done, why, subject=None, absent=False):
            want.append({"finding": fid, "key": key, "done": bool(done), "why": why,
                         "subject": subject, "absent": absent})
        expect("milter-unreachable", "inet:127.0.0.1:8891", r.conns,
               "smtpd_milters = inet:127.0.0.1:8891, nothing listens; smtpd sessions were made")
        expect("mailbox-delivery-unreachable", "127.0.0.1[127.0.0.1]:24", f"alice@{LOCAL}" in acc,
               "virtual_transport = lmtp:inet:127.0.0.1:24, nothing listens; mail for alice accepted")
        expect("mailbox-delivery-unreachable", "private/dovecot-lmtp", f"team@lists.{LOCAL}" in acc,
               f"lists.{LOCAL} -> lmtp:unix:private/dovecot-lmtp, no such socket; mail accepted")
        expect("outbound-connect-refused", CLOSED[0], "info@closed.test" in acc,
               f"closed.test -> smtp:[{CLOSED[0]}]:25 ({CLOSED[1]}), nothing listens; mail accepted")
        expect("outbound-relay-denied", RELAY[0], "news@partner-relay.test" in acc,
               f"partner-relay.test -> smtp:[{RELAY[0]}]:{RELAY[2]}, a relay host whose mynetworks "
               "leaves this server out; mail accepted")
        expect("relayhost-login-missing", RELAY_LOGIN, "ops@relaylogin.test" in acc,
               f"relaylogin.test -> smtp:[{RELAY_LOGIN}]:25, a sink answering MAIL FROM 530 5.7.0; "
               "mail accepted")
        expect("relayhost-sender-refused", SENDAS, "sales@sendas.test" in acc,
               f"sendas.test -> smtp:[{SENDAS}]:25, a sink answering RCPT 553 5.7.1 Sender address "
               "rejected: not owned by user; mail accepted")
        expect("relayhost-login-refused", AUTHFAIL, "it@authfail.test" in acc,
               f"authfail.test -> smtp:[{AUTHFAIL}]:25 with smtp_sasl_password_maps, a sink "
               "answering AUTH 535 5.7.8; mail accepted")
        expect("relayhost-sasl-failed", NOMECH, "hr@nomech.test" in acc,
               f"nomech.test -> smtp:[{NOMECH}]:25 with smtp_sasl_password_maps, a sink offering "
               "only AUTH GSSAPI, which this host's SASL library lacks; mail accepted")
        expect("outbound-tls-not-offered", NOTLS[0], "legal@tlsreq.test" in acc,
               f"tlsreq.test -> smtp:[{NOTLS[0]}]:25, smtp_tls_policy_maps encrypt, a sink "
               "offering no STARTTLS; mail accepted")
        expect("outbound-tls-certificate-unverified", VERIFY[0], "sec@verify.test" in acc,
               f"verify.test -> smtp:[{VERIFY[0]}]:{VERIFY[2]}, smtp_tls_policy_maps secure, a "
               "self-signed certificate; mail accepted")
        expect("outbound-tls-certificate-unverified", f"{VERIFY[0]}[{VERIFY[1]}]:{VERIFY[2]}",
               "sec@verify.test" in acc, "tls_verify.c's reason and the deferral are one group, "
               "by the server's name", absent=True)
        expect("outbound-tls-mode-mismatch", WRAPPER[0], "ops@wrapper.test" in acc,
               f"wrapper.test -> smtpfast:[{WRAPPER[0]}]:{WRAPPER[2]}, a server speaking TLS from "
               "the first byte, dialled without smtp_tls_wrappermode; mail accepted")
        expect("outbound-tls-mode-mismatch", SUBMIT[0], "ops@plain.test" in acc,
               f"plain.test -> smtpwrap:[{SUBMIT[0]}]:{SUBMIT[2]}, a submission port (STARTTLS) "
               "dialled with smtp_tls_wrappermode = yes; mail accepted")
        expect("outbound-tls-failed", SUBMIT[0], "ops@plain.test" in acc,
               "OpenSSL's 'wrong version number' before 'Cannot start TLS' is this side's mode, "
               "not the remote's TLS", absent=True)
        expect("outbound-conversation-lost", WRAPPER[0], "ops@wrapper.test" in acc,
               "the greeting that never came is the mode's mismatch, not a remote's hang-up",
               absent=True)
        expect("content-filter-failed", f"{WRAPPER[1]}:{WRAPPER[2]}", "ops@wrapper.test" in acc,
               "a mail server on port 465 of a loopback address is no content filter", absent=True)
        expect("verify-refusal-temporary",
               f"unverified_recipient_reject_code, next hop {GATEWAY[1]}[{NOTLS[1]}]",
               450 in codes.get((self.ip(76), 2535), []),
               f"port 2535's reject_unverified_recipient; the sink refused nobody@{GATEWAY[0]} "
               "(550 User unknown), the partner was answered 450 (unverified_recipient_reject_code)",
               subject=self.ip(76))
        expect("inbound-message-too-big", None,
               self.notes.get("big_declared") == 552 and self.notes.get("big_data") == 552,
               "port 2538's message_size_limit 20000; a 60 KB message refused at MAIL (SIZE=) and "
               "after its data (smtpd's 'queue file size limit exceeded')", subject=self.ip(77))
        expect("tls-certificate-distrusted", None, self.notes.get("cert_distrust"),
               "a mail client that checks certificates ended the handshake on this server's "
               "self-signed one", subject=None)
        expect("outbound-mx-login-required", EXCHANGE, "ceo@exchange-corp.test" in acc,
               f"exchange-corp.test -> smtp:[{EXCHANGE}]:25, a sink answering MAIL FROM 530 5.7.1; "
               "mail accepted")
        expect("relayhost-login-missing", EXCHANGE, "ceo@exchange-corp.test" in acc,
               "the domain's own MX asking a login is not this server's relay host", absent=True)
        expect("transport-unavailable", None, "sales@nowhere.test" in acc,
               "nowhere.test -> transport nosuch:, not in master.cf; mail accepted")
        expect("content-filter-unreachable", "127.0.0.1[127.0.0.1]:10024", f"bob@{LOCAL}" in acc,
               "content_filter scan:[127.0.0.1]:10024 on port 2525, nothing listens; mail accepted")
        expect("content-filter-unreachable", "127.0.0.1[127.0.0.1]:24", f"alice@{LOCAL}" in acc,
               "port 24 is LMTP's (the mailbox server), also in the retry service's 'delivery "
               "temporarily suspended: connect to ...:24' deferrals", absent=True)
        expect("own-client-relay-denied", self.ip(71),
               codes.get((self.ip(71), 25)) and all(c == 554 for c in codes[(self.ip(71), 25)]),
               "the application's mail to another domain, answered 554 (Relay access denied)")
        expect("lookup-table-missing", None, 451 in codes.get((self.ip(62), 2526), []),
               "check_sender_access hash:sender_access, never made; the sender was answered 451",
               subject=self.ip(62))
        expect("lookup-table-type-unsupported", "mysql", 451 in codes.get((self.ip(79), 2539), []),
               "check_recipient_access mysql:, postfix-mysql not installed; the sender was answered 451",
               subject=self.ip(79))
        data_refused = [c for c in r.conns if c["ip"] == self.ip(67)
                        and ["<end-of-data>", 550] in c.get("steps", [])]
        expect("own-mail-refused-by-checks", self.ip(67), data_refused,
               "header_checks REJECT by Subject refused a message of a host of the admin's network "
               "(550 after DATA): the admin's own rule")
        expect("server-configuration-problem", None, 451 in codes.get((self.ip(62), 2526), []),
               "the 451 4.3.5 answers are the table's and the policy server's, told with them",
               absent=True)
        expect("dnsbl-answers-error", DNSBL, 550 in codes.get((self.ip(91), 2527), []),
               f"postscreen_dnsbl_sites = {DNSBL}, answering {DNSBL_ANSWER}; the sender was refused")
        expect("tls-key-certificate", None, 2528 in sessions.get(self.ip(64), []),
               "port 2528's smtpd_tls_key_file is of another pair than its certificate; a client came")
        expect("policy-service-unreachable", "127.0.0.1:10023", 451 in codes.get((self.ip(63), 2529), []),
               "check_policy_service inet:127.0.0.1:10023, nothing listens; the sender was answered 451",
               subject=self.ip(63))
        expect("before-queue-filter-unreachable", "127.0.0.1:10025",
               2530 in sessions.get(self.ip(65), []) and not any(a["port"] == 2530 for a in r.accepted_),
               "port 2530's smtpd_proxy_filter 127.0.0.1:10025, nothing listens; the mail was not taken")
        expect("milter-failure-refuses-mail", "milter_default_action = tempfail",
               2532 in sessions.get(self.ip(66), []) and not any(a["port"] == 2532 for a in r.accepted_),
               "port 2532's milter_default_action = tempfail with the milter down; the sender's "
               "mail was not taken (real Postfix answers 451 4.7.1 from CONNECT on)",
               subject=self.ip(66))
        expect("outbound-conversation-lost", DROPPER, "info@dropper.test" in acc,
               "dropper.test's MX closes the connection before its greeting")
        expect("outbound-remote-temporary", DROPPER, "info@dropper.test" in acc,
               "a hang-up is no answer of the remote", absent=True)
        held = [a for a in r.accepted_ if a["ip"] == self.ip(67)]
        expect("mail-held", "held for review", len(held) == 2,
               "header_checks HOLD on a Subject; the partner's message was accepted (250)")
        expect("mail-discarded", "dropped newsletter", len(held) == 2,
               "header_checks DISCARD on a Subject; the partner's message was accepted (250)")
        expect("role-address-missing", f"abuse@{LOCAL}", 550 in codes.get((self.ip(68), 25), []),
               "abuse@ is in no virtual table: refused 550 User unknown")
        expect("role-address-missing", f"postmaster@{LOCAL}", f"postmaster@{LOCAL}" in acc,
               "postmaster@ is aliased in virtual_alias_maps: taken", absent=True)
        expect("sasl-backend-unreachable", "private/auth", 587 in sessions.get(self.ip(72), []),
               "port 587 with SASL through private/auth, no such socket; a client came")
        expect("own-client-pipelining", self.ip(73), (self.notes.get("pipelined_codes") or [0])[-1] == 503,
               "a backup script on the own network wrote its transaction after HELO at once; "
               "reject_unauth_pipelining answered DATA 503")
        expect("own-client-refused", self.ip(73), (self.notes.get("pipelined_codes") or [0])[-1] == 503,
               "the script's refusal is its own software's, not a HELO or name check", absent=True)
        clients, bots = {}, {}
        for c in r.conns:
            if c["ip"].startswith(BOT_PREFIX + "."):
                n = int(c["ip"].rsplit(".", 1)[1])
                bots[c["ip"]] = {"scenario": BOTS[n][0], "verdict": BOTS[n][1]}
                continue
            if c["ip"] == "127.0.0.1":
                continue
            t = clients.setdefault(c["ip"], {"scenario": c["scenario"], "connections": 0, "ports": []})
            t["connections"] += 1
            t["ports"].append(int(c["server"].rsplit(":", 1)[1]))
        # a verdict the lines call for (not only "not accused")
        verdicts = {self.ip(74): "tls-failure"} if self.notes.get("tls_hello_bytes") else {}
        # five recipients, two answered 452 (smtpd_recipient_limit) and sent
        # again: all taken, nothing refused that Postfix logs
        if self.notes.get("rcpt_limit_codes") == [250, 250, 250, 452, 452]:
            verdicts[self.ip(78)] = "legitimate"
        return {"server": SERVER, "log": INSTANCE["log"], "findings": want, "clients": clients,
                "verdicts": verdicts, "bots": bots,
                "own_app": self.ip(71), "rejects": r.rejects, "accepted": r.accepted_,
                "notes": self.notes, "queue_left": queue_left, "errors": r.errors,
                "connections": r.conns}
