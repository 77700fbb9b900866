"""Page speed in headless Chromium: runtime start, main-thread blocking, answer-to-result, page weight.

The built site is served on 127.0.0.1 by a threaded http.server. A bare page that only loads the same
Pyodide in a plain module Worker is written into the served folder as the yardstick for the runtime
start. Times come from performance.now() inside the page (since navigation start), recorded by an
init script; long tasks come from a buffered PerformanceObserver in the same script.
"""

import contextlib
import functools
import gzip
import http.server
import threading
import time

from playwright.sync_api import sync_playwright

from tests.bench.common import CHROMIUM, CHROMIUM_ARGS, RUNS, Figure, log

SCAN = "/zelfscan/"
SCAN_ID = "social-media-volwassenheidsscan"
BARE = "/bench-bare/"
MODEL_CHECK = "/modellen/social-readiness-model/"  # a model page with a quick check (loads the runtime)
PAGES = {  # page type -> path, for the bytes transferred
    "home": "/",
    "category": "/categorie/volwassenheid-adoptie/",
    "model": "/modellen/communicatieroos/",
    "model with quick check": MODEL_CHECK,
    "scan page": SCAN,
}
READY = 'html[data-runtime="ready"]'
RESULT = '[data-result][data-state="ready"]'
TIMEOUT = 120_000

BARE_HTML = """<!DOCTYPE html>
<html lang="en" data-runtime="loading">
<head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body>
<p>Loads Pyodide in a plain module Worker, nothing else.</p>
<script type="module">
const worker = new Worker("/bench-bare/worker.js", { type: "module" });
worker.onmessage = (event) => { if (event.data === "ready") document.documentElement.dataset.runtime = "ready"; };
</script>
</body>
</html>
"""
BARE_WORKER = """import { loadPyodide } from '/runtime/pyodide/pyodide.mjs';
await loadPyodide({ indexURL: '/runtime/pyodide/' });
postMessage('ready');
"""

# Runs in every page before its own scripts: long tasks (buffered) and the moment the runtime is ready.
INIT_SCRIPT = """
(() => {
  const bench = window.__bench = { longtasks: [], ready: null };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (error) { bench.longtaskError = String(error); }
  new MutationObserver(() => {
    if (bench.ready === null && document.documentElement?.dataset.runtime === "ready") bench.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-runtime"] });
})();
"""

# Installed once the runtime is ready: times the last answer's change event and the result's arrival.
ANSWER_SCRIPT = """
(id) => {
  const form = document.querySelector(`form[data-assessment="${id}"]`);
  const out = form.closest("section").querySelector("[data-result]");
  const t = window.__answer = { change: null, result: null };
  document.addEventListener("change", () => { t.change ??= performance.now(); }, true);
  new MutationObserver(() => {
    if (out.dataset.state === "ready" && t.result === null) t.result = performance.now();
  }).observe(out, { attributes: true, attributeFilter: ["data-state"] });
}
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory):
    """Serve `directory` on 127.0.0.1 at a free port in a thread; yield the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def write_bare_page(site_dir):
    """Write the bare Pyodide page and its worker into the served output folder."""
    folder = site_dir / BARE.strip("/")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(BARE_HTML, encoding="utf-8")
    (folder / "worker.js").write_text(BARE_WORKER, encoding="utf-8")


def blocking_ms(page, until=None):
    """Sum over the page's long tasks (so far, or started before `until`) of duration − 50 ms."""
    tasks = page.evaluate("() => window.__bench.longtasks")
    return sum(max(0.0, duration - 50) for start, duration in tasks if until is None or start <= until)


def load_until_ready(page, url):
    """Open `url` and wait for the runtime; return ms from navigation start to ready (in-page clock)."""
    page.goto(url, wait_until="commit", timeout=TIMEOUT)
    page.wait_for_selector(READY, state="attached", timeout=TIMEOUT)
    return page.evaluate("() => window.__bench.ready")


def runtime_pair(browser, url):
    """One cold load (new context) and one warm load (same context, second load) of `url`.

    Returns (cold ms, warm ms, blocking ms of the cold load until ready).
    """
    context = browser.new_context()
    context.add_init_script(INIT_SCRIPT)
    try:
        page = context.new_page()
        cold = load_until_ready(page, url)
        page.wait_for_timeout(100)  # let the observer deliver a long task that just ended
        blocked = blocking_ms(page, until=cold)
        page.wait_for_timeout(500)  # let the service worker finish caching, as a visitor's would
        warm = load_until_ready(page, url)
        return cold, warm, blocked
    finally:
        context.close()


class Responses:
    """Every response a page receives; weighed as the gzip size of each body."""

    def __init__(self, page):
        self.items = []
        page.on("response", lambda response: self.items.append(response))

    def weigh(self):
        """Return (total bytes, bytes outside /runtime/, number of responses with a body)."""
        total = outside = count = 0
        for response in self.items:
            if response.request.method != "GET" or not response.url.startswith("http"):
                continue  # the runtime's HEAD probe and blob: URLs carry no transferred body
            try:
                body = response.body()
            except Exception:  # redirects and aborted requests have no body
                continue
            size = len(gzip.compress(body))
            total, count = total + size, count + 1
            if "/runtime/" not in response.url:
                outside += size
        return total, outside, count


def _first_visit(browser):
    """A new context whose service workers are blocked, so every request, the worker's too, is seen.

    The service worker only caches the runtime for later visits; it does no work on the page's main thread.
    """
    context = browser.new_context(service_workers="block")
    context.add_init_script(INIT_SCRIPT)
    return context


def visit(browser, url):
    """Load `url` as a first visit, up to its runtime being ready if it has one.

    Returns (blocking ms until ready, or until load + 1 s without a runtime; (total, outside, count) bytes).
    """
    context = _first_visit(browser)
    try:
        page = context.new_page()
        responses = Responses(page)
        page.goto(url, wait_until="load", timeout=TIMEOUT)
        until = None
        if page.evaluate("() => document.documentElement.dataset.runtime") == "loading":
            page.wait_for_selector(READY, state="attached", timeout=TIMEOUT)
            until = page.evaluate("() => window.__bench.ready")
            page.wait_for_timeout(100)
        else:
            page.wait_for_timeout(1000)
        blocked = blocking_ms(page, until)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT)
        return blocked, responses.weigh()
    finally:
        context.close()


def answer_to_result(browser, url):
    """Answer every question but one, wait for the runtime, then time the last answer to the result.

    Returns (ms from the change event to data-state=ready, (total, outside, count) bytes of the visit).
    """
    context = _first_visit(browser)
    try:
        page = context.new_page()
        responses = Responses(page)
        page.goto(url, wait_until="load", timeout=TIMEOUT)
        fieldsets = page.locator(f'form[data-assessment="{SCAN_ID}"] fieldset').all()
        for i, fieldset in enumerate(fieldsets[:-1]):
            options = fieldset.locator("input[type=radio]")
            options.nth(i % options.count()).check()
        page.wait_for_selector(READY, state="attached", timeout=TIMEOUT)
        page.evaluate(ANSWER_SCRIPT, SCAN_ID)
        fieldsets[-1].locator("input[type=radio]").first.check()
        page.wait_for_selector(RESULT, state="attached", timeout=TIMEOUT)
        t = page.evaluate("() => window.__answer")
        page.wait_for_load_state("networkidle", timeout=TIMEOUT)
        return t["result"] - t["change"], responses.weigh()
    finally:
        context.close()


def bench_pages(site_dir):
    """Figure 2: every browser measurement, in alternating rounds; return the figures."""
    write_bare_page(site_dir)
    cold = {"scan": [], "bare": []}
    warm = {"scan": [], "bare": []}
    scan_blocking, model_blocked, answer = [], [], []
    weights = {name: ([], []) for name in PAGES}
    counts = {}

    def weighed(name, weight):
        weights[name][0].append(weight[0] / 1000)
        weights[name][1].append(weight[1] / 1000)
        counts[name] = weight[2]

    with serve(site_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for i in range(RUNS):
                started = time.perf_counter()
                for kind, path in (("scan", SCAN), ("bare", BARE)):
                    c, w, blocked = runtime_pair(browser, base + path)
                    cold[kind].append(c)
                    warm[kind].append(w)
                    if kind == "scan":
                        scan_blocking.append(blocked)
                blocked, weight = visit(browser, base + MODEL_CHECK)
                model_blocked.append(blocked)
                weighed("model with quick check", weight)
                ms, weight = answer_to_result(browser, base + SCAN)
                answer.append(ms)
                weighed("scan page", weight)
                for name, path in PAGES.items():
                    if path not in (MODEL_CHECK, SCAN):
                        weighed(name, visit(browser, base + path)[1])
                log(f"browser round {i + 1}/{RUNS} in {time.perf_counter() - started:.0f} s: "
                    f"ready scan {cold['scan'][-1]:.0f}/{warm['scan'][-1]:.0f} ms, "
                    f"bare {cold['bare'][-1]:.0f}/{warm['bare'][-1]:.0f} ms (cold/warm), "
                    f"answer {answer[-1]:.0f} ms")
        finally:
            browser.close()
    return _figures(cold, warm, scan_blocking, model_blocked, answer, weights, counts)


def _figures(cold, warm, scan_blocking, model_blocked, answer, weights, counts):
    figures = []
    for label, runs in (("cold", cold), ("warm", warm)):
        note = "new browser context per run" if label == "cold" else "same context, second load"
        figures += [
            Figure(f"runtime.{label}.scan", f"/zelfscan/ until runtime ready ({label})", "ms", runs["scan"], note=note),
            Figure(f"runtime.{label}.bare", f"Bare Pyodide worker page until ready ({label})", "ms", runs["bare"], note=note),
            Figure(f"runtime.{label}.ratio", f"/zelfscan/ / bare page ({label})", "×",
                   [s / b for s, b in zip(runs["scan"], runs["bare"], strict=True)], 1.1, "<=",
                   note="ratio per alternating pair, then the median"),
        ]
    figures += [
        Figure("blocking.scan", "Main-thread blocking, /zelfscan/ until runtime ready (cold)", "ms", scan_blocking,
               50, "<=", note="sum of (long task − 50 ms)"),
        Figure("blocking.model", f"Main-thread blocking, {MODEL_CHECK} until runtime ready", "ms", model_blocked,
               50, "<=", note="first visit; this model page has a quick check, so it loads the runtime too"),
        Figure("answer.result", "Last answer to result shown (/zelfscan/)", "ms", answer, 100, "<=",
               note="change event to data-state=ready, in-page clock"),
    ]
    for name, path in PAGES.items():
        total, outside = weights[name]
        target = (60, "<=") if name in ("category", "model", "model with quick check") else (None, None)
        note = f"{path}, first visit, {counts.get(name, 0)} responses, gzip of each body (1 KB = 1,000 bytes)"
        figures.append(Figure(f"bytes.{name.replace(' ', '_')}", f"Bytes transferred, {name} page", "KB", total, *target,
                              note=note))
        if any(o != t for o, t in zip(outside, total, strict=True)):
            figures.append(Figure(f"bytes.{name.replace(' ', '_')}.without_runtime",
                                  f"… {name} page without /runtime/ files", "KB", outside, *target,
                                  note="the page with its own CSS and JS, the Pyodide/PyScript runtime left out"))
    return figures
