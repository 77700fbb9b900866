"""Web standards as tests, on the published build: the W3C Nu HTML checker, axe (WCAG 2.2 AA) at
320 and 1280 px, reflow at 320 px, visible focus, heading order, aria-current, named landmarks,
JSON-LD, a phone-sized header, and the assessment forms without JavaScript."""

import html.parser
import json
import shutil
import subprocess
import sys

import pytest

from tests.browser.conftest import axe_violations
from tests.conftest import ROOT, model_files

sys.path.insert(0, str(ROOT / "plugins"))
from diagrams import KINDS, draw  # noqa: E402

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# One page of every type the site has (the scan's result state is covered in test_assessment_browser).
PAGE_TYPES = {
    "home": "/",
    "category": "/categorie/volwassenheid-adoptie/",
    "model-with-check": "/modellen/altimeter-six-stages-social-business-transformation/",
    "model-matrix": "/modellen/social-media-momenten-model/",
    "model-cycle": "/modellen/social-media-cycle/",
    "model-petals": "/modellen/social-model/",
    "tag": "/tag/volwassenheid/",
    "tags": "/tags/",
    "search": "/zoeken/",
    "search-results": "/zoeken/?q=social",
    "scan": "/zelfscan/",
    "team": "/team/",
    "person-checks": "/welk-type-gebruiker/",
    "method": "/hoe-we-scoren/",
    "alignment": "/volwassenheidsmodellen-naast-elkaar/",
    "timeline": "/tijdlijn/",
    "chooser": "/welk-model/",
    "open-data": "/open-data/",
    "page": "/privacy/",
    "404": "/404.html",
    # The English edition: the page types whose interface differs most, under /en/ (the Nu checker, the
    # reflow and the landmark checks run over every English page anyway).
    "en-home": "/en/",
    "en-model-with-check": "/en/modellen/altimeter-six-stages-social-business-transformation/",
    "en-tag": "/en/tag/maturity/",
    "en-search-results": "/en/zoeken/?q=social",
    "en-scan": "/en/zelfscan/",
    "en-method": "/en/hoe-we-scoren/",
    "en-timeline": "/en/tijdlijn/",
    "en-page": "/en/privacy/",
}


def page_files(published):
    """Every built HTML page with the path a reader uses for it."""
    files = sorted(published.root.rglob("*.html"))
    assert len(files) > 80, len(files)
    return [(f, "/" + str(f.relative_to(published.root)).removesuffix("index.html")) for f in files]


class Outline(html.parser.HTMLParser):
    """Headings, landmarks, aria-current links and JSON-LD of one page; <template> content skipped."""

    LANDMARKS = {"nav": "navigation", "aside": "complementary"}

    def __init__(self):
        super().__init__()
        self.levels, self.landmarks, self.current, self.json_ld = [], [], [], []
        self.template = 0
        self._ld = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "template":
            self.template += 1
        if self.template:
            return
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.levels.append(int(tag[1]))
        role = a.get("role") or self.LANDMARKS.get(tag)
        if role in ("navigation", "complementary", "search", "region", "form"):
            self.landmarks.append((role, a.get("aria-label") or a.get("aria-labelledby")))
        if a.get("aria-current"):
            self.current.append((a.get("aria-current"), a.get("href")))
        if tag == "script" and a.get("type") == "application/ld+json":
            self._ld = ""

    def handle_endtag(self, tag):
        if tag == "template":
            self.template -= 1
        if tag == "script" and self._ld is not None:
            self.json_ld.append(self._ld)
            self._ld = None

    def handle_data(self, data):
        if self._ld is not None:
            self._ld += data


def outline(path):
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# ---------------------------------------------------------------- static checks on every page


def test_nu_html_checker_finds_no_errors(published, tmp_path):
    """Every built page, and a diagram of every kind on its own page: 0 errors from the W3C Nu checker."""
    if not shutil.which("java"):
        pytest.fail("The HTML checker needs Java: install Debian's default-jre-headless (make test does).")
    assert VNU.exists(), "node_modules/vnu-jar missing: run make install"
    for kind in KINDS:
        labels = ["Een", "Twee", "Drie", "Vier"] if kind == "matrix" else ["Een", "Twee", "Drie", "Vier", "Vijf"]
        extra = {"core": 2} if kind in ("petals", "cycle") else {}
        svg = draw(kind, labels, title=kind, ident=kind, axes={"x": "Breed", "y": "Hoog"}, unknown={0}, **extra)
        (tmp_path / f"{kind}.html").write_text(
            f'<!DOCTYPE html><html lang="nl"><head><title>{kind}</title></head><body><main>{svg}</main></body></html>',
            encoding="utf-8")
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                           str(published.root), str(tmp_path)], capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    assert done.returncode in (0, 1), done.stderr[:2000]
    checked = len(list(published.root.rglob("*.html"))) + len(KINDS)
    assert checked > 80
    errors = [f"{m.get('url', '').split('/pages')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m["type"] == "error"]
    assert errors == []


def test_headings_never_skip_a_level(published):
    for path, url in page_files(published):
        levels = outline(path).levels
        assert levels and levels[0] == 1 and levels.count(1) == 1, (url, levels)
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, f"{url}: h{before} is followed by h{after}"


def test_aria_current_marks_only_the_page_itself(published):
    marked = 0
    for path, url in page_files(published):
        for value, href in outline(path).current:
            assert value == "page", (url, value)
            if href is None:
                continue  # the breadcrumb's last item: the page itself, not a link
            assert href == published.url + url, f"{url}: aria-current on a link to {href}"
            marked += 1
    assert marked >= 8  # the six category pages, the scan and the team view mark their own menu link


def test_every_landmark_has_a_unique_name(published):
    for path, url in page_files(published):
        landmarks = outline(path).landmarks
        for role, name in landmarks:
            assert name, f"{url}: a {role} landmark without a name"
        assert len(set(landmarks)) == len(landmarks), (url, landmarks)


def test_json_ld_is_plain_text_with_typed_creators(published):
    blocks = []
    for path, url in page_files(published):
        for raw in outline(path).json_ld:
            data = json.loads(raw)
            blocks.append(data)
            for key in ("name", "description", "about"):
                assert data.get(key) and "<" not in data[key] and "&lt;" not in data[key], (url, key, data.get(key))
            for creator in data.get("creator", []):
                assert creator["@type"] in ("Person", "Organization"), (url, creator)
                assert creator["name"] and "<" not in creator["name"]
            assert data["url"] == published.url + url
    assert len(blocks) == 2 * len(model_files()) >= 190  # every model page, in Dutch and in English
    assert sorted(b["inLanguage"] for b in blocks) == ["en"] * len(model_files()) + ["nl"] * len(model_files())
    types = {c["@type"] for b in blocks for c in b.get("creator", [])}
    assert types == {"Person", "Organization"}, types


# ---------------------------------------------------------------- in Chromium


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_axe_finds_no_wcag_violation(page, base_url, watch, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + PAGE_TYPES[name])
    if "?q=" in PAGE_TYPES[name]:
        page.wait_for_selector('[data-search-results][data-state="ready"]')
    assert axe_violations(page) == []


def test_no_page_scrolls_sideways_at_320_px(page, published):
    page.set_viewport_size({"width": 320, "height": 640})
    wide = []
    for _, url in page_files(published):
        page.goto(published.url + url, wait_until="load")
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            wide.append((url, width))
    assert wide == []


FOCUS_CHECK = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const box = (r.width <= 2 || r.height <= 2) ? (el.closest("label") || el) : el;
  const cs = getComputedStyle(box);
  const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2;
  return {name: el.outerHTML.slice(0, 90), visible: outline || cs.boxShadow !== "none"};
}"""


@pytest.mark.parametrize("name", ["home", "model-with-check", "scan", "search-results", "method", "404"])
def test_every_control_shows_its_focus(page, base_url, watch, name):
    page.goto(base_url + PAGE_TYPES[name])
    if "?q=" in PAGE_TYPES[name]:
        page.wait_for_selector('[data-search-results][data-state="ready"]')
    seen, hidden = [], []
    for _ in range(250):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_CHECK)
        if state is None or (seen and state["name"] == seen[0]):
            break
        seen.append(state["name"])
        if not state["visible"]:
            hidden.append(state["name"])
    assert len(seen) > 5, seen
    if name in ("scan", "model-with-check"):
        assert any('type="file"' in s for s in seen), "the file input is not reachable by keyboard"
    assert hidden == []


@pytest.mark.parametrize("name", ["home", "category", "model-with-check", "scan", "team", "search", "tag"])
def test_phone_header_leaves_the_title_in_the_first_screen(page, base_url, watch, name):
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base_url + PAGE_TYPES[name])
    h1 = page.locator("h1").bounding_box()
    # the title starts in the top half and ends inside the first screen, also when it wraps to three lines
    assert h1["y"] <= 667 / 2 and h1["y"] + h1["height"] <= 667, h1
    nav = page.locator("nav.main-nav").bounding_box()
    assert nav["height"] <= 56, nav  # the menu is one line
    links = page.locator("nav.main-nav a")
    assert not links.first.is_visible()
    page.locator("nav.main-nav summary").click()
    assert links.first.is_visible() and links.count() >= 8
    assert page.locator('nav.main-nav a[href$="/team/"]').is_visible()  # the team view, folded in like the rest


def test_wide_screen_shows_the_whole_menu(page, base_url, watch):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + "/")
    links = page.locator("nav.main-nav a")
    assert links.count() >= 8
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    assert not page.locator("nav.main-nav summary").is_visible()


@pytest.mark.parametrize("path", ["/", "/zelfscan/", "/team/"])
def test_menu_leads_a_team_lead_to_the_team_view(page, base_url, watch, path):
    page.goto(base_url + path)
    team = page.locator("nav.main-nav a.nav-team")
    assert team.evaluate("(a) => a.href") == f"{base_url}/team/"
    assert (team.get_attribute("aria-current") == "page") == (path == "/team/")


@pytest.mark.parametrize("path", ["/zelfscan/", "/modellen/altimeter-six-stages-social-business-transformation/"])
def test_without_javascript_answers_stay_on_the_page(browser, base_url, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + path)
    form = page.locator("form[data-assessment]").first
    section = page.locator("section.assessment").first
    assert "heeft JavaScript nodig" in section.inner_text()
    for fieldset in form.locator("fieldset").all():
        fieldset.locator("input[type=radio]").first.check()
    sent = []
    context.on("request", lambda r: sent.append(r.url))
    form.locator("button[type=submit]").click()
    form.locator("input[type=radio]").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.url == base_url + path
    assert sent == [], sent
    assert form.locator("input[type=radio]:checked").count() == form.locator("fieldset").count()
    context.close()


BBOX_CHECK = """() => [...document.querySelectorAll("svg.dg")].flatMap((svg) => {
  const [x, y, w, h] = svg.getAttribute("viewBox").split(/\\s+/).map(Number);
  return [...svg.querySelectorAll("text")].map((t) => {
    const b = t.getBBox();
    return (b.x >= x - 0.5 && b.y >= y - 0.5 && b.x + b.width <= x + w + 0.5 && b.y + b.height <= y + h + 0.5)
      ? null : `${t.textContent.slice(0, 40)}: ${[b.x, b.y, b.x + b.width, b.y + b.height].map(Math.round)}`;
  }).filter(Boolean);
})"""


def test_diagram_texts_lie_inside_their_drawing_as_chromium_measures_them(page, published):
    """The wrap estimates glyph widths; here Chromium measures every label of every model's diagram."""
    models = sorted((published.root / "modellen").iterdir())
    assert len(models) > 10
    outside = {}
    for path in [f"/modellen/{m.name}/" for m in models] + [PAGE_TYPES["alignment"]]:
        page.goto(published.url + path)
        found = page.evaluate(BBOX_CHECK)
        if found:
            outside[path] = found
    assert outside == {}
