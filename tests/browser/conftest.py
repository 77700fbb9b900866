"""Browser fixtures: Debian's Chromium, launched offline, a guard on every request, and the site as
GitHub Pages publishes it: the `make publish` build served under a project subpath `/<repo>/`."""

import functools
import http.server
import pathlib
import threading
import urllib.parse

import pytest

from tests.conftest import make_html

CHROMIUM = pathlib.Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
REPO = "socialmediamodellen"   # the project name GitHub Pages puts in front of every path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail("The browser tests need Debian's chromium package at /usr/bin/chromium (make test installs it).")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that answers a miss the way GitHub Pages does for a project site: status 404
    with the project's own /<repo>/404.html as the body, at any depth."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm", ".js": "text/javascript",
                      ".xml": "application/xml", ".atom": "application/atom+xml"}

    def __init__(self, *args, repo, **kwargs):
        self.repo = repo
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = pathlib.Path(self.directory) / self.repo / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class Published:
    """The published build: `root` is the output folder, `url` the site's address (no trailing slash)."""

    def __init__(self, root, url, origin):
        self.root, self.url, self.origin = root, url, origin



@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """`make publish` with SITEURL=http://127.0.0.1:<port>/<repo>, served under /<repo>/ of one server."""
    parent = tmp_path_factory.mktemp("pages")
    handler = functools.partial(PagesHandler, directory=str(parent), repo=REPO)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    url = f"{origin}/{REPO}"
    done = make_html(parent / REPO, siteurl=url)
    assert done.returncode == 0, done.stdout + done.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Published(parent / REPO, url, origin)
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(published):
    """Every browser test runs against the published build under its subpath."""
    return published.url


class PageWatch:
    """Collects every request host and every console error of a page."""

    def __init__(self, page):
        self.hosts, self.errors = set(), []
        page.on("request", lambda r: self.hosts.add(urllib.parse.urlsplit(r.url).hostname or r.url.split(":")[0]))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def assert_clean(self):
        outside = self.hosts - {"127.0.0.1", "blob", "data"}
        assert not outside, f"requests left 127.0.0.1: {outside}"
        assert not self.errors, self.errors


@pytest.fixture
def watch(page):
    """Watch the page for outside requests and console errors; checked at the end of the test."""
    guard = PageWatch(page)
    yield guard
    guard.assert_clean()


def axe_violations(page):
    """Run axe-core (WCAG 2.2 A/AA rules) on the page; return the violations as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
            for v in results.response["violations"]]
