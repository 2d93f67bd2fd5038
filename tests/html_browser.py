#!/usr/bin/python3
"""html_browser.py PAGE JSON HOSTILE_PAGE SCREENSHOT [PT_BR_PAGE] - the HTML report in a
real browser: Debian's chromium, headless, driven over the DevTools
protocol (python3-websocket), the network cut off.

PAGE and JSON are `report --html` and `report --json` of the same log;
HOSTILE_PAGE the report of a log whose HELO is <script>alert(1)</script>,
whose username is "><img src=x onerror=alert(2)> and whose destination
domain is <svg onload=alert(4)>.test.  Checks: the page
loads from file:// with no console error, no exception, no CSP violation
and no request but its own file; its style sheet and script run (their
hashes are in the CSP); the findings, clients and accounts it shows equal
the JSON's; a click on a finding's evidence link and on a client's
session opens its evidence lines; sorting a column sorts; with script
disabled the page still reads and drills down; the hostile page shows its
strings as text, creates no element from them and opens no dialog; the
page under --lang pt_BR loads as cleanly (its translated text is outside
the hashed style and script) and shows its headings in Portuguese.  A
screenshot is saved to SCREENSHOT.  Prints "PASS name" / "FAIL name: why"
and last "html-browser: N passed, N failed"."""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

passed = 0
failed = 0


def check(name, ok, why=""):
    global passed, failed
    if ok:
        passed += 1
        print("PASS", name)
    else:
        failed += 1
        print("FAIL %s: %s" % (name, why))


class Browser:
    """One headless chromium and one page, spoken to over the DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="postsleuth-chromium-")
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if not exe:
            raise RuntimeError("chromium not found")
        self.proc = subprocess.Popen(
            [exe, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-sync", "--disable-component-update",
             "--proxy-server=127.0.0.1:9", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", "--remote-allow-origins=*",
             "--user-data-dir=" + self.profile, "--window-size=1200,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and os.path.getsize(port_file) > 0:
                break
            if self.proc.poll() is not None:
                raise RuntimeError("chromium exited with %d" % self.proc.returncode)
            time.sleep(0.1)
        else:
            raise RuntimeError("chromium did not open its DevTools port")
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen("http://127.0.0.1:%s/json/list" % port,
                                                   timeout=10))
        page = [t for t in targets if t.get("type") == "page"][0]
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30,
                                              suppress_origin=True)
        self.next_id = 0
        self.events = []
        for m in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            self.call(m)
        self.call("Network.emulateNetworkConditions", offline=True, latency=0,
                  downloadThroughput=-1, uploadThroughput=-1)
        # before any page script: CSP violations and alert() calls are recorded
        self.call("Page.addScriptToEvaluateOnNewDocument", source="""
            window.__csp = []; window.__alerts = [];
            document.addEventListener('securitypolicyviolation', function (e) {
                window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });
            window.alert = window.confirm = window.prompt = function (m) {
                window.__alerts.push(String(m)); };""")

    def call(self, method, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        self.ws.settimeout(60)
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_event(self, name, seconds=30):
        end = time.time() + seconds
        while time.time() < end:
            for i, e in enumerate(self.events):
                if e["method"] == name:
                    return self.events.pop(i)
            self.ws.settimeout(max(0.1, end - time.time()))
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                break
            if "method" in msg:
                self.events.append(msg)
        return None

    def drain(self, seconds=0.5):
        """Collect the events that arrive within a short while."""
        end = time.time() + seconds
        while time.time() < end:
            self.ws.settimeout(max(0.05, end - time.time()))
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                break
            if "method" in msg:
                self.events.append(msg)

    def load(self, path):
        self.events = []
        self.call("Page.navigate", url="file://" + os.path.abspath(path))
        ok = self.wait_event("Page.loadEventFired") is not None
        self.drain()
        return ok

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError("evaluate %s: %s" % (expr[:60], r["exceptionDetails"]))
        return r["result"].get("value")

    def click(self, selector):
        """A real mouse click in the middle of the element."""
        box = self.js("""(function () { var e = document.querySelector(%s);
            if (!e) return null; e.scrollIntoView({block: 'center'});
            var r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; })()""" % json.dumps(selector))
        if not box:
            return False
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left",
                      clickCount=1)
        self.drain(0.3)
        return True

    def problems(self):
        """Console errors, exceptions, CSP violations, dialogs, requests off the file."""
        out = []
        for e in self.events:
            m, p = e["method"], e.get("params", {})
            if m == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                out.append("log: " + p["entry"]["text"])
            elif m == "Runtime.consoleAPICalled" and p["type"] in ("error", "warning", "assert"):
                out.append("console: %s" % p["args"])
            elif m == "Runtime.exceptionThrown":
                out.append("exception: %s" % p["exceptionDetails"].get("text"))
            elif m == "Page.javascriptDialogOpening":
                out.append("dialog: " + p.get("message", ""))
            elif m == "Network.requestWillBeSent" and not p["request"]["url"].startswith("file:"):
                out.append("request: " + p["request"]["url"])
        csp = self.js("window.__csp || []")
        out += ["csp: " + c for c in csp]
        alerts = self.js("window.__alerts || []")
        out += ["alert: " + a for a in alerts]
        return out

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def dom_findings(b):
    return b.js("""Array.prototype.map.call(document.querySelectorAll('#findings-index tr.f-row'),
        function (r) { return [r.querySelector('.f-id').textContent, r.cells[3].textContent,
            +r.querySelector('.f-lines').textContent, +r.querySelector('.f-recipients').textContent]; })""")


def table_rows(b, table_id, cols):
    return b.js("""Array.prototype.map.call(document.querySelectorAll('#%s tbody tr'),
        function (r) { return %s.map(function (i) { return r.cells[i].textContent; }); })"""
                % (table_id, json.dumps(cols)))


def visible(b, selector):
    return b.js("""(function () { var e = document.querySelector(%s);
        return !!e && e.checkVisibility() && e.getClientRects().length > 0; })()"""
                % json.dumps(selector))


def main():
    page, jpath, hostile, shot = sys.argv[1:5]
    pt_page = sys.argv[5] if len(sys.argv) > 5 else None
    rep = json.load(open(jpath))
    b = Browser()
    try:
        # -- the corpus page, script enabled
        check("loads", b.load(page), "no load event")
        probs = b.problems()
        check("no console error, CSP violation, dialog or request", not probs, "; ".join(probs))
        check("style sheet applied (its hash is in the CSP)",
              b.js("getComputedStyle(document.querySelector('h1')).fontSize") == "24px",
              "h1 font size %s" % b.js("getComputedStyle(document.querySelector('h1')).fontSize"))
        check("script ran (its hash is in the CSP)",
              b.js("document.querySelector('table.sortable th').tabIndex") == 0, "no tabIndex")
        tip = b.js("document.querySelector('table.sortable th').title")
        check("the sorting tooltip from the page's data-sort-title", tip == "sort by this column",
              "got %r" % tip)
        check("no script element but the page's own", b.js("document.scripts.length") == 1,
              "%s scripts" % b.js("document.scripts.length"))
        want_f = [[f["id"], f["key"], f["lines"], f["recipients"]] for f in rep.get("findings", [])]
        got_f = dom_findings(b)
        check("findings shown equal the JSON's (id, cause, lines, recipients)", got_f == want_f,
              "got %s, want %s" % (got_f, want_f))
        check("one article per finding",
              b.js("document.querySelectorAll('article.finding').length") == len(want_f),
              "%s articles" % b.js("document.querySelectorAll('article.finding').length"))
        check("findings count", b.js("(document.getElementById('findings-count')||{}).textContent")
              == str(len(want_f)), "count differs")
        want_c = [[c["ip"], c["verdict"], str(c["sessions"]), str(c["auth_failures"]),
                   str(c["messages"])] for c in rep["clients"]][:500]
        got_c = table_rows(b, "clients-table", [0, 1, 3, 4, 5])
        check("clients table equals the JSON's (ip, verdict, sessions, failures, messages)",
              got_c == want_c, "got %s, want %s" % (got_c[:3], want_c[:3]))
        check("client count", b.js("document.getElementById('total-clients').textContent")
              == str(len(rep["clients"])), "differs")
        want_a = [[a["username"], a["verdict"], str(a["logins"]), str(a["messages"]),
                   str(a["recipients"])] for a in rep["accounts"]][:500]
        got_a = table_rows(b, "accounts-table", [0, 1, 2, 3, 4]) if want_a else []
        check("accounts table equals the JSON's", got_a == want_a,
              "got %s, want %s" % (got_a[:3], want_a[:3]))
        svgs = b.js("document.querySelectorAll('svg').length")
        check("charts drawn as inline SVG", svgs >= 5, "%s svg elements" % svgs)
        # the charts' numbers (each bar's tooltip) add up to the JSON's
        sums = b.js("""(function () {
            var out = {};
            document.querySelectorAll('figure.chart').forEach(function (f) {
                var cap = f.querySelector('figcaption').textContent;
                f.querySelectorAll('rect').forEach(function (r) {
                    var t = r.querySelector('title').textContent;
                    var k = cap.split(' ')[0] + '/' + r.getAttribute('class');
                    out[k] = (out[k] || 0) + parseInt(t.slice(t.lastIndexOf(': ') + 2), 10);
                }); });
            return out; })()""")
        m = rep["model"]
        check("connections chart adds up to the sessions",
              sums.get("Connections/s0") == m["sessions"], "%s vs %s" % (sums.get("Connections/s0"),
                                                                    m["sessions"]))
        check("messages chart adds up to the messages",
              sums.get("Connections/s2") == m["messages"], "%s vs %s" % (sums.get("Connections/s2"),
                                                                    m["messages"]))
        verdict_total = sum(v for k, v in sums.items() if k.startswith("SMTP/"))
        check("verdicts chart adds up to the sessions", verdict_total == m["sessions"],
              "%s vs %s" % (verdict_total, m["sessions"]))
        t = rep["totals"]
        shown = b.js("""(function () {
            var f = Array.prototype.filter.call(document.querySelectorAll('figure.chart'),
                function (f) { return /^Deliveries by status/.test(f.querySelector('figcaption').textContent); })[0];
            return Array.prototype.filter.call(f.querySelectorAll('text'), function (e) {
                return /^[0-9]+$/.test(e.textContent); }).map(function (e) { return +e.textContent; }); })()""")
        want = [t["delivered"], t["forwarded"], t["deferred"], t["bounced"], t["rejected"],
                t["reject_warnings"], t["held"], t["discarded"]]
        check("deliveries by status are the JSON's totals", shown == want, "%s vs %s" % (shown, want))

        # drill-down: a finding's evidence link, then a client's session
        if want_f:
            f0 = rep["findings"][0]
            check("finding evidence hidden at first", not visible(b, "#f-1-ev"), "visible")
            check("click the finding's evidence link", b.click('a.f-ev[href="#f-1-ev"]'), "no link")
            check("finding evidence visible after the click", visible(b, "#f-1-ev"), "still hidden")
            text = b.js("document.getElementById('f-1-ev').textContent")
            check("finding evidence lines are the JSON's",
                  text == "".join(l + "\n" for l in f0["evidence"]),
                  "got %r, want %r" % (text[:200], f0["evidence"][:1]))
        ev_client = [i for i, c in enumerate(rep["clients"]) if c.get("evidence")]
        if ev_client:
            i = ev_client[0]
            c = rep["clients"][i]
            sel = "#c-%d-s1" % (i + 1)
            check("client session hidden at first", not visible(b, sel), "visible")
            check("click the client in the table", b.click('#clients-table a[href="#c-%d"]' % (i + 1)),
                  "no link")
            check("click its session", b.click("#c-%d details summary" % (i + 1)), "no summary")
            check("client session visible after the click", visible(b, sel), "still hidden")
            text = b.js("document.querySelector(%s).textContent" % json.dumps(sel))
            first = c["evidence"][0]["lines"][0]
            check("client session lines are the JSON's", text.startswith(first + "\n"),
                  "got %r, want %r" % (text[:120], first))

        # sorting: the sessions column, descending on the second click
        b.click("#clients-table th:nth-child(4)")
        b.click("#clients-table th:nth-child(4)")
        col = [int(r[0]) for r in table_rows(b, "clients-table", [3])]
        check("sorting a numeric column", col == sorted(col, reverse=True) and len(col) > 1,
              "got %s" % col)
        probs = b.problems()
        check("no error after the clicks", not probs, "; ".join(probs))

        b.js("window.scrollTo(0, 0)")
        h = b.js("document.documentElement.scrollHeight")
        png = base64.b64decode(b.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                      clip={"x": 0, "y": 0, "width": 1200, "height": min(h, 12000),
                                            "scale": 1})["data"])
        os.makedirs(os.path.dirname(os.path.abspath(shot)), exist_ok=True)
        with open(shot, "wb") as fh:
            fh.write(png)
        check("screenshot saved", png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10000,
              "%d bytes" % len(png))

        # -- script disabled: still readable, drill-down by link still opens
        b.call("Emulation.setScriptExecutionDisabled", value=True)
        check("loads with script disabled", b.load(page), "no load event")
        check("findings readable with script disabled", dom_findings(b) == want_f, "differ")
        if want_f:
            b.click('a.f-ev[href="#f-1-ev"]')
            check("drill-down works with script disabled", visible(b, "#f-1-ev"), "still hidden")
        b.call("Emulation.setScriptExecutionDisabled", value=False)

        # -- the hostile page
        check("hostile page loads", b.load(hostile), "no load event")
        b.js("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
        b.drain(0.5)
        probs = b.problems()
        check("hostile page: no dialog, error or violation", not probs, "; ".join(probs))
        body = b.js("document.body.textContent")
        check("hostile HELO shown as text", "<script>alert(1)</script>" in body, "not in the text")
        check("hostile username shown as text", '"><img src=x onerror=alert(2)>' in body,
              "not in the text")
        check("hostile domain shown as text (chart label and table)",
              body.count("<svg onload=alert(4)>.test") >= 2, "not in the text")
        check("no SVG made from the log", b.js("document.querySelectorAll('svg svg').length") == 0,
              "nested svg")
        check("no element made from the log",
              b.js("document.scripts.length") == 1 and b.js("document.images.length") == 0 and
              b.js("document.querySelectorAll('[onerror],[onload],[onclick]').length") == 0,
              "scripts %s, images %s" % (b.js("document.scripts.length"),
                                        b.js("document.images.length")))

        # -- the page in Brazilian Portuguese
        if pt_page:
            check("pt_BR page loads", b.load(pt_page), "no load event")
            probs = b.problems()
            check("pt_BR page: no console error, CSP violation, dialog or request", not probs,
                  "; ".join(probs))
            check("pt_BR page: script ran", b.js("document.querySelector('table.sortable th').tabIndex") == 0,
                  "no tabIndex")
            tip = b.js("document.querySelector('table.sortable th').title")
            check("pt_BR page: the sorting tooltip in Portuguese", tip == "ordenar por esta coluna",
                  "got %r" % tip)
            h2 = b.js("Array.prototype.map.call(document.querySelectorAll('h2'), function (h) { return h.textContent; })")
            want_h2 = ["Visão geral, do mais grave ao menos grave", "O que fazer", "Problemas encontrados", "Clientes e contas", "Gráficos", "Tabelas", "O que foi lido"]
            check("pt_BR page: headings in Portuguese, lang pt-BR",
                  h2 == want_h2 and b.js("document.documentElement.lang") == "pt-BR",
                  "got %s, lang %s" % (h2, b.js("document.documentElement.lang")))
            check("pt_BR page: the same findings", dom_findings(b) == want_f, "differ")
    finally:
        b.close()
    print("html-browser: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
