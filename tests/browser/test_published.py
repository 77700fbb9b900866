"""The site as GitHub Pages publishes it: `make publish` served under /<repo>/ (see conftest.published).

Every link a reader can follow must stay inside /<repo>/: search hits, the scan and its share link,
feeds, the sitemap, and the 404 page at any depth.
"""

import os
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from tests.browser.conftest import REPO, axe_violations
from tests.conftest import ROOT

RESULTS = '[data-search-results][data-state="ready"]'
SCAN = "social-media-volwassenheidsscan"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def status(url):
    """HTTP status of a GET on the test server."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def hit_links(page):
    return page.locator("[data-search-results] ol a")


def test_the_build_carries_the_subpath(published):
    home = (published.root / "index.html").read_text(encoding="utf-8")
    assert f'href="{published.url}/theme/css/site.css"' in home
    assert status(published.url + "/") == 200
    assert status(published.origin + "/theme/css/site.css") == 404  # nothing is served from the root


def test_search_page_hits_open_the_model(page, base_url, watch):
    page.goto(base_url + "/zoeken/")
    page.fill("#zoekveld", "piramide")
    page.keyboard.press("Enter")
    page.wait_for_selector(RESULTS)
    assert not page.locator("[data-search-fallback]").is_visible()  # the hits take the A-Z list's place
    first = hit_links(page).first
    href = first.get_attribute("href")
    assert href.startswith(f"{base_url}/modellen/"), href
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.url == href
    assert page.locator("h1").inner_text() == title


def test_header_box_hits_open_the_model(page, base_url, watch):
    page.goto(base_url + "/categorie/meten-roi/")
    page.fill("#zoekterm", "luisteren")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/zoeken/?q=luisteren")
    page.wait_for_selector(RESULTS)
    links = hit_links(page)
    assert links.count() > 0
    for href in links.evaluate_all("(as) => as.map((a) => a.href)"):
        assert href.startswith(f"{base_url}/") and f"/{REPO}/{REPO}/" not in href, href
        assert status(href) == 200, href
    links.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1 and "niet" not in page.title().lower()


def test_every_hit_can_be_reached(page, base_url, watch):
    """A term with more hits than one page shows: 'meer resultaten' reveals the rest, the count is right."""
    page.goto(base_url + "/zoeken/?q=social")
    page.wait_for_selector(RESULTS)
    total = int(page.locator("[data-search-results] > p").first.inner_text().split()[-1])
    assert total > 20, total  # the real catalogue: otherwise this test shows nothing
    assert hit_links(page).count() == 20
    more = page.locator("[data-more]")
    clicks = 0
    while more.is_visible():
        before = hit_links(page).count()
        more.click()
        hit_links(page).nth(before).wait_for()
        assert page.evaluate("document.activeElement.href") == hit_links(page).nth(before).get_attribute("href")
        clicks += 1
    assert hit_links(page).count() == total
    assert clicks == (total - 1) // 20
    hrefs = hit_links(page).evaluate_all("(as) => as.map((a) => a.href)")
    assert len(set(hrefs)) == total
    assert axe_violations(page) == []


def test_share_link_opens_the_result_under_the_subpath(page, browser, base_url, watch):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(base_url + "/zelfscan/")
    for fieldset in page.locator(f'form[data-assessment="{SCAN}"] fieldset').all():
        fieldset.locator("input[type=radio]").last.check()
    page.wait_for_selector('[data-result][data-state="ready"]', timeout=90_000)
    overall = page.locator("[data-result]").get_attribute("data-overall")
    page.click('[data-action="share"]')
    field = page.locator('[data-field="share-url"]')
    field.wait_for()
    link = field.input_value()
    assert link.startswith(f"{base_url}/zelfscan/#"), link
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert axe_violations(page) == []
    other = browser.new_context().new_page()
    other.goto(link)
    other.wait_for_selector('[data-result][data-state="ready"]', timeout=90_000)
    assert other.locator("[data-result]").get_attribute("data-overall") == overall
    other.context.close()


def test_feed_links_resolve(published):
    feed = ET.parse(published.root / "feeds" / "modellen.atom.xml").getroot()
    links = [e.get("href") for e in feed.iter(f"{ATOM}link")]
    ids = [e.text for e in feed.iter(f"{ATOM}entry")]
    assert len(ids) >= 10 and len(links) >= 10
    for href in links:
        assert href.startswith(published.url + "/"), href
        assert status(href) == 200, href
    home = (published.root / "index.html").read_text(encoding="utf-8")
    assert f'href="{published.url}/feeds/modellen.atom.xml"' in home


def test_sitemap_lists_every_page_at_its_published_address(published):
    urls = [e.text for e in ET.parse(published.root / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    models = list((published.root / "modellen").iterdir())
    assert len(urls) >= len(models) > 10
    for url in urls:
        assert url.startswith(published.url + "/"), url
        assert status(url) == 200, url


@pytest.mark.parametrize("path", ["/bestaat-niet", "/modellen/bestaat-niet/", "/a/b/c/d/e.html"])
def test_not_found_at_any_depth_is_a_working_page(page, base_url, path):
    response = page.goto(base_url + path)
    assert response.status == 404
    assert "bestaat niet" in page.locator("h1").inner_text()
    # its style sheet loaded (absolute links): the header is laid out, not a bare list
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    category = page.locator("main .category-grid a").first
    category.click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{base_url}/categorie/")
    assert page.locator("h1").count() == 1


def test_publish_without_siteurl_stops_with_a_clear_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    out = tmp_path / "output"
    done = subprocess.run(["make", "--no-print-directory", "publish", f"OUTPUTDIR={out}"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "SITEURL is not set" in done.stderr, done.stderr
    assert not out.exists()


def test_make_test_unit_runs_the_unit_tests():
    done = subprocess.run(["make", "-n", "--no-print-directory", "test-unit"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "pytest tests/unit" in done.stdout.splitlines()[-1], done.stdout
