"""Browser fixtures: Debian's Chromium, launched offline, and a guard on every request."""

import pathlib
import urllib.parse

import pytest

CHROMIUM = pathlib.Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail("The browser tests need Debian's chromium package at /usr/bin/chromium (make test installs it).")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


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
