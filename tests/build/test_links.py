"""No internal link is broken: in the local build, and in a build for a /<repo>/ subpath served there."""

import html.parser
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.conftest import make_html, serve


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value and tag != "form":
                self.links.append(value)


def links_of(page):
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def internal_targets(root, base):
    """Every internal URL used by a page of the built site, resolved against the page's own URL."""
    targets = {}
    pages = sorted(root.rglob("*.html"))
    assert pages, f"no HTML pages under {root}"
    for page in pages:
        rel = page.relative_to(root).as_posix()
        page_url = urllib.parse.urljoin(base, rel.removesuffix("index.html"))
        for link in links_of(page):
            url = urllib.parse.urljoin(page_url, link).split("#", 1)[0]
            if url.startswith(base):
                targets.setdefault(url, rel)
    return targets


def check_served(base, targets):
    broken = []
    for url, found_on in sorted(targets.items()):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                assert response.status == 200
        except urllib.error.HTTPError as exc:
            broken.append(f"{url} ({exc.code}) linked from {found_on}")
    return broken


def test_no_broken_internal_link_in_the_local_build(site):
    server, url = serve(site)
    try:
        targets = internal_targets(site, url + "/")
        assert len(targets) > 50
        assert check_served(url + "/", targets) == []
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    """The published build for a GitHub Pages project site, served under /repo/."""
    root = tmp_path_factory.mktemp("pages")
    server, url = serve(root)
    done = make_html(root / "repo", conf="publishconf.py", siteurl=f"{url}/repo")
    assert done.returncode == 0, done.stdout + done.stderr
    yield root / "repo", f"{url}/repo/"
    server.shutdown()


def test_no_broken_internal_link_under_a_repository_subpath(subpath_site):
    output, base = subpath_site
    targets = internal_targets(output, base)
    assert len(targets) > 50
    assert check_served(base, targets) == []
    index = (output / "index.html").read_text(encoding="utf-8")
    assert f'href="{base}theme/css/site.css"' in index


def test_relative_links_do_not_escape_the_subpath(subpath_site):
    output, base = subpath_site
    root = base.rsplit("/repo/", 1)[0] + "/"
    pages = sorted(output.rglob("*.html"))
    assert pages, f"no HTML pages under {output}"
    for page in pages:
        rel = page.relative_to(output).as_posix()
        page_url = urllib.parse.urljoin(base, rel.removesuffix("index.html"))
        for link in links_of(page):
            url = urllib.parse.urljoin(page_url, link)
            assert not (url.startswith(root) and not url.startswith(base)), (rel, link)

