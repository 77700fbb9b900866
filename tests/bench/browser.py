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

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests.bench.common import CHROMIUM, CHROMIUM_ARGS, RUNS, Figure, load_average, log

SCAN = "/zelfscan/"
SCAN_ID = "social-media-volwassenheidsscan"
BARE = "/bench-bare/"
MODEL_CHECK = "/modellen/social-media-groeimodel/"  # a model page with a quick check (loads the runtime)
PAGES = {  # page type -> path, for the bytes transferred
    "home page": "/",
    "category page": "/categorie/volwassenheid-adoptie/",
    "model page": "/modellen/social-media-piramide/",
    "model page with quick check": MODEL_CHECK,
    "scan page": SCAN,
}
READY = 'html[data-runtime="ready"]'
RESULT = '[data-result][data-state="ready"]'
# Runtime start, scan against the bare page: more rounds than the other figures, as its ratio is the figure that
# varies most on a shared machine; the order within a round alternates (scan first, then bare first, ...).
RUNTIME_RUNS = 7
TIMEOUT = 120_000
READY_TIMEOUT = 60_000  # a runtime normally starts in 2-5 s here

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

# Resolves after two animation frames: by then a PerformanceObserver has delivered what ended before it.
# Resolves once a registered service worker is active (at once on a page that registers none).
WORKER_ACTIVE = ("() => navigator.serviceWorker.getRegistration()"
                 ".then((r) => (r ? navigator.serviceWorker.ready : null)).then(() => true)")
TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


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


def wait_ready(page):
    """Wait until the page's runtime is ready; raise with the page's errors if it failed or hung."""
    either = 'html[data-runtime="ready"], html[data-runtime="failed"]'
    try:
        page.wait_for_selector(either, state="attached", timeout=READY_TIMEOUT)
    except PlaywrightError:
        raise RuntimeError(f"runtime not ready after {READY_TIMEOUT // 1000} s; {_errors(page)}") from None
    if page.evaluate("() => document.documentElement.dataset.runtime") == "failed":
        raise RuntimeError(f"runtime failed; {_errors(page)}")
    return page.evaluate("() => window.__bench.ready")


def _errors(page):
    found = getattr(page, "bench_errors", [])
    return "page errors: " + (" / ".join(found[-3:]) if found else "none")


def new_page(context):
    """A page that keeps its console errors, for the message when a run fails."""
    page = context.new_page()
    page.bench_errors = []
    page.on("console", lambda m: m.type == "error" and page.bench_errors.append(m.text[:200]))
    page.on("pageerror", lambda e: page.bench_errors.append(str(e)[:200]))
    return page


def load_until_ready(page, url):
    """Open `url` and wait for the runtime; return ms from navigation start to ready (in-page clock)."""
    page.goto(url, wait_until="commit", timeout=TIMEOUT)
    return wait_ready(page)


def runtime_pair(browser, url):
    """One cold load (new context) and one warm load (same context, second load) of `url`.

    Returns (cold ms, warm ms, blocking ms of the cold load until ready).
    """
    context = browser.new_context()
    context.add_init_script(INIT_SCRIPT)
    try:
        page = new_page(context)
        cold = load_until_ready(page, url)
        page.evaluate(TWO_FRAMES)  # the observer has delivered a long task that just ended
        blocked = blocking_ms(page, until=cold)
        page.evaluate(WORKER_ACTIVE)  # as between two visits
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
            except PlaywrightError:  # redirects and aborted requests have no body
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
    """Load `url` as a first visit, up to its runtime being ready if it starts one on load.

    Returns (blocking ms until ready, or until the network is quiet and two frames are drawn when no
    runtime starts; (total, outside, count) bytes; whether the runtime started). A page whose check waits
    for the visitor's first touch (data-runtime stays "none") is measured as a visitor who only reads.
    """
    context = _first_visit(browser)
    try:
        page = new_page(context)
        responses = Responses(page)
        page.goto(url, wait_until="load", timeout=TIMEOUT)
        until = None
        if page.evaluate("() => document.documentElement.dataset.runtime") != "none":
            until = wait_ready(page)
            page.evaluate(TWO_FRAMES)
        else:
            # the measured window of a reader who only reads: until the network is quiet and two frames drawn
            page.wait_for_load_state("networkidle", timeout=TIMEOUT)
            page.evaluate(TWO_FRAMES)
        blocked = blocking_ms(page, until)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT)
        return blocked, responses.weigh(), until is not None
    finally:
        context.close()


def answer_to_result(browser, url):
    """Answer every question but one, wait for the runtime, then time the last answer to the result.

    Returns (ms from the change event to data-state=ready, (total, outside, count) bytes of the visit).
    """
    context = _first_visit(browser)
    try:
        page = new_page(context)
        responses = Responses(page)
        page.goto(url, wait_until="load", timeout=TIMEOUT)
        fieldsets = page.locator(f'form[data-assessment="{SCAN_ID}"] fieldset').all()
        for i, fieldset in enumerate(fieldsets[:-1]):
            options = fieldset.locator("input[type=radio]")
            options.nth(i % options.count()).check()
        wait_ready(page)
        page.evaluate(ANSWER_SCRIPT, SCAN_ID)
        fieldsets[-1].locator("input[type=radio]").first.check()
        page.wait_for_selector(RESULT, state="attached", timeout=TIMEOUT)
        t = page.evaluate("() => window.__answer")
        page.wait_for_load_state("networkidle", timeout=TIMEOUT)
        return t["result"] - t["change"], responses.weigh()
    finally:
        context.close()


class Attempts:
    """Runs each measurement, once more if it fails; keeps the failures to put in the report."""

    def __init__(self):
        self.failures = {}

    def __call__(self, key, measure, *args):
        """Return the measurement's result, or None when both tries failed."""
        for attempt in (1, 2):
            try:
                return measure(*args)
            except (PlaywrightError, RuntimeError) as exc:
                message = " ".join(str(exc).split())[:300]
                self.failures.setdefault(key, []).append(message)
                log(f"{key}: try {attempt} failed: {message}")
        return None

    def mark(self, figure, key):
        """Note failed tries on a figure; a figure without any good run carries them as its error."""
        failed = self.failures.get(key)
        if not failed:
            return figure
        if figure.runs:
            figure.note = f"{figure.note}; {len(failed)} failed tr{'y' if len(failed) == 1 else 'ies'} left out: {failed[0]}"
        else:
            figure.error = "; ".join(dict.fromkeys(failed))
        return figure


def bench_pages(site_dir):
    """Figure 2: every browser measurement, in alternating rounds; return the figures."""
    write_bare_page(site_dir)
    pairs = {"scan": [], "bare": []}  # (cold, warm, blocking) per round, None for a failed round
    model_blocked, answer, model_runtime = [], [], []
    weights = {name: [] for name in PAGES}  # (total, outside, count) per round
    attempt = Attempts()
    with serve(site_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for i in range(RUNTIME_RUNS):
                started = time.perf_counter()
                order = (("scan", SCAN), ("bare", BARE)) if i % 2 == 0 else (("bare", BARE), ("scan", SCAN))
                for kind, path in order:
                    pairs[kind].append(attempt(f"runtime.{kind}", runtime_pair, browser, base + path))
                scan, bare = pairs["scan"][-1], pairs["bare"][-1]
                ratio = f"cold {scan[0] / bare[0]:.2f}×, warm {scan[1] / bare[1]:.2f}×" if scan and bare else "failed"
                log(f"runtime round {i + 1}/{RUNTIME_RUNS} in {time.perf_counter() - started:.0f} s: {ratio}, "
                    f"load {load_average()}")
            for i in range(RUNS):
                started = time.perf_counter()
                found = attempt("model", visit, browser, base + MODEL_CHECK)
                model_blocked.append(found and found[0])
                model_runtime.append(found and found[2])
                weights["model page with quick check"].append(found and found[1])
                found = attempt("answer", answer_to_result, browser, base + SCAN)
                answer.append(found and found[0])
                weights["scan page"].append(found and found[1])
                for name, path in PAGES.items():
                    if path not in (MODEL_CHECK, SCAN):
                        found = attempt(f"bytes.{name}", visit, browser, base + path)
                        weights[name].append(found and found[1])
                log(f"browser round {i + 1}/{RUNS} in {time.perf_counter() - started:.0f} s")
        finally:
            browser.close()
    return _figures(pairs, (model_blocked, model_runtime), answer, weights, attempt)


def _kept(values):
    return [v for v in values if v is not None]


def _figures(pairs, model, answer, weights, attempt):
    model_blocked, model_runtime = model
    if all(_kept(model_runtime)):
        model_until = "until runtime ready"
        model_note = "first visit; this model page has a quick check whose runtime starts on load"
    else:
        model_until = "until the network is quiet"
        model_note = ("first visit, reading only: the quick check on this page starts its runtime at the first "
                      "touch, not on load")
    figures = []
    both = [(s, b) for s, b in zip(pairs["scan"], pairs["bare"], strict=True) if s and b]
    for j, label in ((0, "cold"), (1, "warm")):
        note = "new browser context per run" if label == "cold" else "same context, second load"
        note += f", {RUNTIME_RUNS} rounds, order alternating"
        figures += [
            attempt.mark(Figure(f"runtime.{label}.scan", f"/zelfscan/ until runtime ready ({label})", "ms",
                                [r[j] for r in _kept(pairs["scan"])], note=note), "runtime.scan"),
            attempt.mark(Figure(f"runtime.{label}.bare", f"Bare Pyodide worker page until ready ({label})", "ms",
                                [r[j] for r in _kept(pairs["bare"])], note=note), "runtime.bare"),
            Figure(f"runtime.{label}.ratio", f"/zelfscan/ / bare page ({label})", "×",
                   [s[j] / b[j] for s, b in both], 1.1, "<=", note="ratio per alternating pair, then the median",
                   error="" if both else "no pair of runs succeeded"),
        ]
    figures += [
        attempt.mark(Figure("blocking.scan", "Main-thread blocking, /zelfscan/ until runtime ready (cold)", "ms",
                            [r[2] for r in _kept(pairs["scan"])], 50, "<=", note="sum of (long task − 50 ms)"),
                     "runtime.scan"),
        attempt.mark(Figure("blocking.model", f"Main-thread blocking, {MODEL_CHECK} {model_until}", "ms",
                            _kept(model_blocked), 50, "<=", note=model_note), "model"),
        attempt.mark(Figure("answer.result", "Last answer to result shown (/zelfscan/)", "ms", _kept(answer), 100,
                            "<=", note="change event to data-state=ready, in-page clock"), "answer"),
    ]
    keys = {"model page with quick check": "model", "scan page": "answer"}
    for name, path in PAGES.items():
        runs = _kept(weights[name])
        target = (60, "<=") if name.startswith(("category", "model")) else (None, None)
        count = runs[-1][2] if runs else 0
        ident = name.removesuffix(" page").replace(" page", "").replace(" ", "_")
        figures.append(attempt.mark(Figure(
            f"bytes.{ident}", f"Bytes transferred, {name}", "KB", [r[0] / 1000 for r in runs], *target,
            note=f"{path}, first visit, {count} responses, gzip of each body (1 KB = 1,000 bytes)"),
            keys.get(name, f"bytes.{name}")))
        if any(r[0] != r[1] for r in runs):
            figures.append(Figure(f"bytes.{ident}.without_runtime", f"… {name} without /runtime/ files", "KB",
                                  [r[1] / 1000 for r in runs], *target,
                                  note="the page with its own CSS and JS, the Pyodide/PyScript runtime left out"))
    return figures
