#!/usr/bin/env python3
"""The real-browser test of the published course: Debian's headless Chromium, driven over the DevTools protocol.

  browser_test.py --site DIR [--shots DIR]    serve the static site DIR on 127.0.0.1, load every page and fail on
                                              a script error (uncaught exception, console error, a resource that
                                              failed to load), an image that did not decode, math left untypeset
                                              (raw $..$, \\( or $$ in the text, MathJax error nodes), a broken
                                              internal link (each same-site href fetched, each #fragment looked up)
                                              or an explorable figure whose control does not switch frames; one
                                              screenshot per page goes to --shots (default build/browser-test)
  --self-test                                 first prove that every detector fires on a page made to trip it and
                                              that a good page passes (always run by ./course test)
  --live NOTEBOOK                             also start a Jupyter Notebook server on 127.0.0.1 with a random
                                              token, open NOTEBOOK in it, wait for the Java kernel, run its setup
                                              cell and an explorable figure through the browser, check the
                                              output renders and the slider works; screenshot live-notebook.png

Chromium is driven over --remote-debugging-pipe (no port, no extra Python package). Exit status 0 when every
check passed; the last line reads 'browser: N passed, M failed'.
"""

import argparse
import base64
import fcntl
import functools
import http.server
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_CANDIDATES = [os.environ.get("EBM_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"]
PAGE_TIMEOUT = 90


class BrowserError(Exception):
    pass


# --- Chromium over the DevTools pipe -------------------------------------------------------------------------------

class Chromium:
    """One headless Chromium; commands and events travel as NUL-terminated JSON over file descriptors 3 and 4."""

    def __init__(self, width=1280, height=900):
        exe = next((shutil.which(c) for c in CHROMIUM_CANDIDATES if c and shutil.which(c)), None)
        if not exe:
            raise BrowserError("Chromium not found; install Debian's chromium (./course and .ci/run do so as root) "
                               "or set EBM_CHROMIUM")
        self.profile = tempfile.mkdtemp(prefix="ebm-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Move the child's ends above 10 first so that dup2 onto 3 and 4 cannot clobber one of them.
        a = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD_CLOEXEC, 10)
        b = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_chrome_r)
        os.close(from_chrome_w)

        def child_fds():
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [exe, "--headless", "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--mute-audio", f"--window-size={width},{height}", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        self.log = open(os.path.join(self.profile, "chromium.log"), "w")
        self.proc = subprocess.Popen(args, preexec_fn=child_fds, close_fds=False, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=self.log)
        os.close(a)
        os.close(b)
        self.width, self.height = width, height
        self._next = 0
        self._lock = threading.Condition()
        self._responses = {}
        self._events = []
        self._closed = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.call("Browser.getVersion", timeout=30)

    def _read(self):
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_chrome, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                with self._lock:
                    self._closed = True
                    self._lock.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                with self._lock:
                    if "id" in msg:
                        self._responses[msg["id"]] = msg
                    else:
                        self._events.append(msg)
                    self._lock.notify_all()

    def call(self, method, params=None, session=None, timeout=60):
        with self._lock:
            self._next += 1
            mid = self._next
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode() + b"\0"
        while data:
            data = data[os.write(self._to_chrome, data):]
        deadline = time.monotonic() + timeout
        with self._lock:
            while mid not in self._responses:
                if self._closed:
                    raise BrowserError(f"Chromium exited during {method} (log: {self.log.name})")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"no answer to {method} within {timeout} s")
                self._lock.wait(left)
            resp = self._responses.pop(mid)
        if "error" in resp:
            raise BrowserError(f"{method}: {resp['error'].get('message')}")
        return resp.get("result", {})

    def take_events(self, session):
        with self._lock:
            mine = [e for e in self._events if e.get("sessionId") == session]
            self._events = [e for e in self._events if e.get("sessionId") != session]
        return mine

    def wait_event(self, session, method, timeout):
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for e in self._events:
                    if e.get("sessionId") == session and e.get("method") == method:
                        return e
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    return None
                self._lock.wait(left)

    def close(self):
        try:
            self.call("Browser.close", timeout=10)
        except BrowserError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


class Tab:
    """One page target with the domains the detectors listen to."""

    def __init__(self, browser):
        self.b = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.target = target
        self.s = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", {"width": browser.width, "height": browser.height,
                                                          "deviceScaleFactor": 1, "mobile": False})

    def call(self, method, params=None, timeout=60):
        return self.b.call(method, params, session=self.s, timeout=timeout)

    def navigate(self, url, timeout=PAGE_TIMEOUT):
        self.b.take_events(self.s)
        self.call("Page.navigate", {"url": url})
        if not self.b.wait_event(self.s, "Page.loadEventFired", timeout):
            raise BrowserError(f"{url} did not finish loading within {timeout} s")

    def eval(self, expression, timeout=60):
        r = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True,
                                           "timeout": timeout * 1000}, timeout=timeout + 10)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise BrowserError(f"page script failed: {d.get('exception', {}).get('description') or d.get('text')}")
        return r["result"].get("value")

    def wait_for(self, expression, timeout, what):
        deadline = time.monotonic() + timeout
        while True:
            value = self.eval(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out after {timeout} s waiting for {what}")
            time.sleep(0.25)

    def screenshot(self, path, clip=None):
        params = {"format": "png"}
        if clip:
            params["clip"] = dict(clip, scale=1)
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def script_errors(self):
        """Uncaught exceptions, console.error calls, error log entries and failed requests since navigation."""
        errors = []
        urls = {}
        for e in self.b.take_events(self.s):
            m, p = e.get("method"), e.get("params", {})
            if m == "Network.requestWillBeSent":
                urls[p.get("requestId")] = p.get("request", {}).get("url", "")
            elif m == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                errors.append("uncaught exception: " + (d.get("exception", {}).get("description") or d.get("text", ""))
                              .splitlines()[0][:300])
            elif m == "Runtime.consoleAPICalled" and p.get("type") == "error":
                args = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
                errors.append("console.error: " + args[:300])
            elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                entry = p["entry"]
                errors.append(f"log: {entry.get('text', '')[:200]} {entry.get('url', '')[:120]}".strip())
            elif m == "Network.loadingFailed" and not p.get("canceled"):
                errors.append(f"request failed: {p.get('errorText')} ({p.get('type')}) "
                              f"{urls.get(p.get('requestId'), 'unknown URL')[:160]}")
            elif m == "Network.responseReceived" and p.get("response", {}).get("status", 200) >= 400:
                r = p["response"]
                errors.append(f"HTTP {r['status']} for {r.get('url', '')[:160]}")
        return errors

    def close(self):
        try:
            self.b.call("Target.closeTarget", {"targetId": self.target})
        except BrowserError:
            pass


# --- the detectors (run in the page) ---------------------------------------------------------------------------------

WAIT_MATHJAX = """
new Promise(resolve => {
  const start = Date.now();
  (function poll() {
    if (!window.MathJax) { resolve('none'); return; }
    if (MathJax.isReady && MathJax.Hub && MathJax.Hub.queue) { MathJax.Hub.Queue(() => resolve('typeset')); return; }
    if (Date.now() - start > 60000) { resolve('not ready after 60 s'); return; }
    setTimeout(poll, 100);
  })();
})
"""

WAIT_IMAGES = """
new Promise(resolve => {
  const start = Date.now();
  (function poll() {
    const pending = Array.from(document.images).filter(i => !i.complete).length;
    if (pending === 0 || Date.now() - start > 30000) resolve(pending); else setTimeout(poll, 100);
  })();
})
"""

DETECT = r"""
(async () => {
  const problems = [];
  const say = (kind, text) => problems.push({kind, text: String(text).slice(0, 300)});
  // Images that did not decode (hidden frames of explorable figures included: they are loaded too).
  for (const img of Array.from(document.images)) {
    if (!img.complete || img.naturalWidth === 0) say('image', 'not decoded: ' + (img.alt || img.src.slice(0, 80)));
  }
  // Math: MathJax error nodes, and TeX left in the text outside code, outputs and scripts.
  document.querySelectorAll('.MathJax_Error, .mjx-merror, merror').forEach(e => say('math', 'MathJax error: ' + e.textContent));
  if (window.MathJax && MathJax.Hub && MathJax.Hub.getAllJax) {
    const walk = (node, jaxText) => {
      if (!node) return;
      if (node.type === 'merror') say('math', 'TeX error in: ' + jaxText);
      if (node.type === 'mtext' && node.mathcolor === 'red') say('math', 'undefined TeX macro in: ' + jaxText);
      (node.data || []).forEach(child => walk(child, jaxText));
    };
    MathJax.Hub.getAllJax().forEach(j => walk(j.root, j.originalText));
  }
  const skip = 'script, style, pre, code, textarea, .MathJax_Preview, .jp-OutputArea-output, .output_area, .ebm-selftest-ignore';
  const raw = /\$\$|\\\(|\\\[|\$[^$\n]*[\\^_{}][^$\n]*\$/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    const el = n.parentElement;
    if (!el || el.closest(skip)) continue;
    const m = n.textContent.match(raw);
    if (m) say('math', 'untypeset: ...' + n.textContent.slice(Math.max(0, m.index - 30), m.index + 50) + '...');
    if (n.textContent.includes('Math Processing Error')) say('math', 'Math Processing Error');
  }
  // Links: each same-site page fetched once, each #fragment looked up on its page.
  const here = location.href.split('#')[0];
  const seen = new Set();
  let checked = 0, external = 0;
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const raw = a.getAttribute('href');
    if (/^(mailto:|javascript:|data:)/.test(raw)) continue;
    const url = new URL(raw, location.href);
    if (url.protocol === 'file:') { say('link', 'file:// link: ' + raw); continue; }
    if (url.origin !== location.origin) { external++; continue; }
    const page = url.href.split('#')[0];
    if (page === here && url.hash) {
      // nbconvert writes some heading ids percent-encoded, so look the fragment up both ways.
      const ids = [url.hash.slice(1), decodeURIComponent(url.hash.slice(1))];
      if (!ids.some(id => document.getElementById(id) || document.getElementsByName(id).length)) say('link', 'no anchor ' + raw);
      checked++;
      continue;
    }
    if (seen.has(page)) continue;
    seen.add(page);
    try {
      const r = await fetch(page, {cache: 'no-store'});
      if (!r.ok) say('link', 'HTTP ' + r.status + ' for ' + raw);
    } catch (e) { say('link', 'cannot fetch ' + raw + ': ' + e); }
    checked++;
  }
  return {problems, links: checked, external, images: document.images.length,
          math: (window.MathJax && MathJax.Hub && MathJax.Hub.getAllJax) ? MathJax.Hub.getAllJax().length : 0,
          explorables: document.querySelectorAll('.ebm-explorable').length};
})()
"""

# Moves each explorable figure's control to another frame and reports what changed.
EXPLORE = r"""
(() => {
  const out = [];
  document.querySelectorAll('.ebm-explorable').forEach((root, index) => {
    const frames = root.querySelectorAll('.ebm-explorable-frames img[data-frame]');
    const visible = () => Array.from(frames).filter(i => getComputedStyle(i).display !== 'none');
    const r = {index, id: root.id, frames: frames.length, ready: root.getAttribute('data-ready') === '1'};
    const before = visible().map(i => +i.getAttribute('data-frame'));
    const slider = root.querySelector('input[type=range]');
    const buttons = root.querySelectorAll('button[data-frame]');
    const target = (before[0] + 1) % frames.length;
    if (slider) {
      r.control = 'slider'; r.disabled = slider.disabled;
      slider.value = String(target);
      slider.dispatchEvent(new Event('input', {bubbles: true}));
    } else if (buttons.length) {
      r.control = 'buttons'; r.disabled = buttons[target].disabled;
      buttons[target].click();
    } else r.control = 'none';
    const after = visible();
    r.before = before; r.after = after.map(i => +i.getAttribute('data-frame')); r.target = target;
    r.current = root.getAttribute('data-current');
    r.decoded = after.length === 1 && after[0].naturalWidth > 0;
    const value = root.querySelector('.ebm-explorable-value');
    r.label = value ? value.textContent : (after[0] ? after[0].alt : '');
    r.hint = (() => { const h = root.querySelector('.ebm-explorable-hint'); return h ? getComputedStyle(h).display : 'none'; })();
    const box = root.getBoundingClientRect();
    r.box = {x: box.left + scrollX, y: box.top + scrollY, width: box.width, height: box.height};
    out.push(r);
  });
  return out;
})()
"""


def explorable_problems(results):
    problems = []
    for r in results:
        name = f"explorable figure {r['index'] + 1} ({r['frames']} frames)"
        if not r["ready"]:
            problems.append(("explorable", f"{name}: its script did not run"))
            continue
        if r["frames"] < 2:
            problems.append(("explorable", f"{name}: fewer than 2 frames"))
            continue
        if r["control"] == "none" or r["disabled"]:
            problems.append(("explorable", f"{name}: no enabled {r['control']}"))
        if r["before"] == r["after"] or r["after"] != [r["target"]] or r["current"] != str(r["target"]):
            problems.append(("explorable", f"{name}: moving the {r['control']} to frame {r['target']} showed "
                                           f"{r['after']} (before {r['before']}, data-current {r['current']})"))
        elif not r["decoded"]:
            problems.append(("explorable", f"{name}: the frame shown is not a decoded image"))
        if r["hint"] != "none":
            problems.append(("explorable", f"{name}: the 'needs a trusted output' hint is still shown"))
    return problems


def check_page(tab, url, shot=None, explore_shot=None):
    """Loads url and runs every detector; returns (problems as (kind, text), stats)."""
    tab.navigate(url)
    mathjax = tab.eval(WAIT_MATHJAX, timeout=90)
    pending = tab.eval(WAIT_IMAGES, timeout=60)
    result = tab.eval(DETECT, timeout=120)
    problems = [(p["kind"], p["text"]) for p in result["problems"]]
    if mathjax not in ("none", "typeset"):
        problems.append(("math", f"MathJax {mathjax}"))
    if pending:
        problems.append(("image", f"{pending} image(s) still loading after 30 s"))
    explore = tab.eval(EXPLORE) if result["explorables"] else []
    problems += explorable_problems(explore)
    time.sleep(0.2)  # let late console errors arrive
    problems += [("script", e) for e in tab.script_errors()]
    if shot:
        tab.eval("window.scrollTo(0, 0)")
        tab.screenshot(shot)
    if explore_shot and explore:
        box = explore[0]["box"]
        if box["width"] > 0 and box["height"] > 0:
            tab.screenshot(explore_shot, clip={"x": box["x"], "y": box["y"], "width": min(box["width"], 1200),
                                               "height": min(box["height"], 1200)})
    stats = dict(result, mathjax=mathjax, explore=[f"{r['control']} {r['before']}->{r['after']} '{r['label']}'"
                                                   for r in explore])
    stats.pop("problems")
    return problems, stats


# --- serving ---------------------------------------------------------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    def __init__(self, directory):
        handler = functools.partial(QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# --- the self-test ---------------------------------------------------------------------------------------------------

GOOD_PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a1d4b1d40000000049454e44ae426082")).decode()


def selftest_pages(static_dir, explorable_html):
    head = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">'
    mathjax = ('<script src="_static/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"></script>'
               '<script type="text/x-mathjax-config">MathJax.Hub.Config({tex2jax: {inlineMath: [["$","$"]], '
               'processEscapes: true}});</script>')
    good_img = f'<img alt="dot" src="data:image/png;base64,{GOOD_PNG}">'
    return {
        "good.html": (None, f'{head}{mathjax}<h1 id="top">Good</h1><p>Math $E(x) = x^2$ and $$Z = \\sum_x e^{{-E(x)}}$$'
                            f'</p>{good_img}<a href="#top">top</a> <a href="good.html">self</a>'
                            f'<pre>$not math in code$</pre>{explorable_html}'),
        "script_error.html": ("script", f"{head}<p>x</p><script>notDefinedAnywhere();</script>"),
        "console_error.html": ("script", f"{head}<p>x</p><script>console.error('boom');</script>"),
        "missing_script.html": ("script", f'{head}<p>x</p><script src="no-such-file.js"></script>'),
        "broken_image.html": ("image", f'{head}<img alt="broken" src="data:image/png;base64,AAAAAAAA">'),
        "raw_math.html": ("math", f"{head}<p>The energy $E(x) = x^2$ without MathJax.</p>"),
        "raw_paren_math.html": ("math", f"{head}<p>Inline \\(\\alpha + \\beta\\) without MathJax.</p>"),
        "math_error.html": ("math", f"{head}{mathjax}<p>Broken $\\frac{{1}}{{2$ formula.</p>"),
        "undefined_macro.html": ("math", f"{head}{mathjax}<p>Unknown $\\notamacro x$ macro.</p>"),
        "broken_link.html": ("link", f'{head}<a href="no-such-page.html">gone</a>'),
        "broken_anchor.html": ("link", f'{head}<a href="#nowhere">nowhere</a>'),
        "file_link.html": ("link", f'{head}<a href="file:///usr/share/javascript/mathjax/MathJax.js">local</a>'),
        "dead_explorable.html": ("explorable", head + explorable_html.split("<script>")[0] + "</div>"),
    }


def self_test(browser, static_dir, explorable_html, shots):
    """Every detector must fire on its bad page and the good page must pass; returns (passed, failed)."""
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="ebm-selftest-") as tmp:
        tmp = Path(tmp)
        os.symlink(static_dir, tmp / "_static")
        pages = selftest_pages(static_dir, explorable_html)
        for name, (_, text) in pages.items():
            (tmp / name).write_text(text, encoding="utf-8")
        server = Server(tmp)
        tab = Tab(browser)
        try:
            for name, (expected, _) in pages.items():
                problems, _ = check_page(tab, server.url + name,
                                         explore_shot=shots / "selftest-explorable.png" if name == "good.html" else None)
                kinds = sorted({k for k, _ in problems})
                ok = (not problems) if expected is None else (expected in kinds)
                verdict = "ok" if ok else "FAILED"
                want = "no problem" if expected is None else f"'{expected}' detected"
                print(f"  self-test {name:22s} {verdict:6s} want {want:24s} got {kinds or 'none'}"
                      + ("" if ok else f": {problems[:3]}"), flush=True)
                passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
        finally:
            tab.close()
            server.close()
    return passed, failed


# --- the live notebook -------------------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


LIVE_CELL = """var liveFigure = Explorable.slider("colour");
for (int c : new int[] {0xff0000, 0x00a000, 0x0000ff}) {
    BufferedImage img = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 30; y++) for (int x = 0; x < 60; x++) img.setRGB(x, y, c);
    liveFigure.frame(String.format("#%06x", c), img);
}
html(liveFigure.title("Explorable figure in a live kernel").html());"""


APP_NOISE = ("/nbextensions/", "about:blank", "favicon")


def live_notebook(browser, notebook, shots, python):
    """Opens notebook through a real Jupyter Notebook server in Chromium and runs two cells with the Java kernel."""
    notebook = Path(notebook).resolve()
    problems = []
    with tempfile.TemporaryDirectory(prefix="ebm-live-") as tmp:
        tmp = Path(tmp)
        # A scratch copy of the course's layout, so the browser's saves never touch the repository.
        (tmp / "notebooks").mkdir()
        shutil.copyfile(notebook, tmp / "notebooks" / notebook.name)
        shutil.copyfile(ROOT / "notebooks" / "setup.jsh", tmp / "notebooks" / "setup.jsh")
        (tmp / "exercises").mkdir()
        os.symlink(ROOT / "exercises" / "target", tmp / "exercises" / "target")
        port, token = free_port(), secrets.token_hex(16)
        args = [python, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                "--port-retries=0", f"--NotebookApp.token={token}", f"--notebook-dir={tmp / 'notebooks'}",
                "--NotebookApp.open_browser=False"]
        if os.geteuid() == 0:
            args.append("--allow-root")
        log = open(tmp / "jupyter.log", "w")
        server = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        tab = None
        t0 = time.monotonic()
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    raise BrowserError("the Jupyter server did not start: "
                                       + (tmp / "jupyter.log").read_text()[-800:])
                time.sleep(0.3)
            tab = Tab(browser)
            tab.navigate(f"{base}/notebooks/{notebook.name}?token={token}", timeout=120)
            tab.wait_for("!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && "
                         "Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.name === 'java')",
                         240, "the Java kernel to connect")
            tab.eval("Jupyter.notebook.set_autosave_interval(0); true")
            name = tab.eval("Jupyter.notebook.kernel.name")
            display = tab.eval("(document.querySelector('.kernel_indicator_name') || {}).textContent || ''")
            rendered = tab.eval("document.querySelectorAll('.text_cell_render h1, .text_cell_render h2').length")
            if name != "java" or display.strip() != "Java":
                problems.append(("live", f"kernel is '{name}' shown as '{display}', expected 'java' shown as 'Java'"))
            if not rendered:
                problems.append(("live", "no rendered Markdown heading in the notebook"))
            setup_index = tab.eval("Jupyter.notebook.get_cells().findIndex(c => c.cell_type === 'code' && "
                                   "c.get_text().includes('%load setup.jsh'))")
            if setup_index < 0:
                raise BrowserError(f"{notebook.name} has no '%load setup.jsh' cell")
            tab.eval(f"Jupyter.notebook.execute_cells([{setup_index}]); true")
            text = tab.wait_for(
                f"(() => {{ const c = Jupyter.notebook.get_cell({setup_index}); "
                f"return c.output_area.outputs.length && Jupyter.notebook.kernel_busy === false ? "
                f"c.output_area.element[0].innerText : ''; }})()", 240, "the setup cell's output")
            if "EBM course library" not in text:
                problems.append(("live", f"setup cell output lacks 'EBM course library': {text[:300]!r}"))
            if "rror" in text:
                problems.append(("live", f"setup cell shows an error: {text[:300]!r}"))
            tab.eval(f"(() => {{ const c = Jupyter.notebook.insert_cell_below('code', {setup_index}); "
                     f"c.set_text({json.dumps(LIVE_CELL)}); Jupyter.notebook.execute_cells([{setup_index + 1}]); "
                     f"return true; }})()")
            tab.wait_for(f"!!Jupyter.notebook.get_cell({setup_index + 1}).output_area.element[0]"
                         ".querySelector('.ebm-explorable[data-ready=\"1\"]') || "
                         f"Jupyter.notebook.get_cell({setup_index + 1}).output_area.element[0].innerText"
                         ".includes('rror')", 180, "the explorable figure in the live notebook")
            results = tab.eval(EXPLORE)
            if not results:
                err = tab.eval(f"Jupyter.notebook.get_cell({setup_index + 1}).output_area.element[0].innerText")
                problems.append(("live", f"the explorable cell showed no figure: {err[:400]!r}"))
            problems += [("live", t) for _, t in explorable_problems(results)]
            math = tab.eval("document.querySelectorAll('.text_cell_render .MathJax, .text_cell_render .MathJax_CHTML, "
                            ".text_cell_render mjx-container').length")
            if not math:
                problems.append(("live", "no typeset math in the notebook's rendered Markdown"))
            tab.eval(f"Jupyter.notebook.get_cell({setup_index + 1}).element[0].scrollIntoView(); true")
            time.sleep(0.3)
            tab.screenshot(shots / "live-notebook.png")
            # The Notebook application's own noise (Debian enables the widgets nbextension without shipping it; the
            # app's font preloads of about:blank) is not the course's: shown as notes, everything else fails.
            for e in tab.script_errors():
                if any(k in e for k in APP_NOISE):
                    print(f"      note (Jupyter's own): {e[:160]}", flush=True)
                else:
                    problems.append(("live", e))
            stats = {"kernel": name, "display": display, "seconds": round(time.monotonic() - t0, 1),
                     "typeset": math, "explorable": [f"{r['control']} {r['before']}->{r['after']}" for r in results]}
        finally:
            if tab:
                try:
                    tab.eval("Jupyter.notebook.kernel.kill(); true", timeout=10)
                except BrowserError:
                    pass
                tab.close()
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()
    return problems, stats


# --- main ------------------------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", required=True, help="folder of the published site (index.html, _static/)")
    ap.add_argument("--shots", default=str(ROOT / "build" / "browser-test"), help="screenshot folder")
    ap.add_argument("--self-test", action="store_true", help="prove every detector fires before testing the site")
    ap.add_argument("--live", metavar="NOTEBOOK", help="also open NOTEBOOK through a running Jupyter server")
    ap.add_argument("--python", default=sys.executable, help="the Python that has Jupyter Notebook (for --live)")
    args = ap.parse_args()
    site, shots = Path(args.site).resolve(), Path(args.shots).resolve()
    if not (site / "index.html").is_file() or not (site / "_static").is_dir():
        print(f"browser_test: error: {site} is not a published site (expected index.html and _static/)", file=sys.stderr)
        return 2
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    pages = ["index.html"] + sorted(p.name for p in site.glob("[0-9][0-9]_*.html"))
    passed = failed = 0
    t0 = time.monotonic()
    browser = Chromium()
    try:
        version = browser.call("Browser.getVersion")["product"]
        print(f"browser test: {version} (headless), site {site}, screenshots in {shots}", flush=True)
        if args.self_test:
            sample = next((p for p in pages if "ebm-explorable" in (site / p).read_text(encoding="utf-8")), None)
            explorable_html = ""
            if sample:
                text = (site / sample).read_text(encoding="utf-8")
                start = text.index('<div class="ebm-explorable"')
                explorable_html = text[start:text.index("</script>", start)] + "</script>\n</div>"
            else:
                print("  self-test: no explorable figure in the site to test with", flush=True)
                failed += 1
            p, f = self_test(browser, site / "_static", explorable_html, shots)
            passed, failed = passed + p, failed + f
        server = Server(site)
        tab = Tab(browser)
        try:
            for page in pages:
                t = time.monotonic()
                stem = page[:-5]
                problems, stats = check_page(tab, server.url + page, shot=shots / f"{stem}.png",
                                             explore_shot=shots / f"{stem}-explorable.png")
                verdict = "ok" if not problems else "FAILED"
                print(f"  {page:42s} {verdict:6s} {time.monotonic() - t:5.1f} s  math {stats['math']:4d}  "
                      f"images {stats['images']:3d}  links {stats['links']:3d} (+{stats['external']} external)  "
                      f"explorable {stats['explorables']}" + (f" {stats['explore']}" if stats['explore'] else ""),
                      flush=True)
                for kind, text in problems[:20]:
                    print(f"      {kind}: {text}", flush=True)
                passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)
        finally:
            tab.close()
            server.close()
        if args.live:
            problems, stats = live_notebook(browser, args.live, shots, args.python)
            verdict = "ok" if not problems else "FAILED"
            print(f"  live notebook {Path(args.live).name:28s} {verdict:6s} {stats}", flush=True)
            for kind, text in problems:
                print(f"      {kind}: {text}", flush=True)
            passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)
    except BrowserError as e:
        print(f"browser_test: error: {e}", flush=True)
        failed += 1
    finally:
        browser.close()
    print(f"browser test took {time.monotonic() - t0:.0f} s")
    print(f"browser: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
