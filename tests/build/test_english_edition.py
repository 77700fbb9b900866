"""The English edition, checked on the real build: every page paired with its counterpart both ways, no
Dutch interface string on an English page (read from the compiled catalogue), its own feed, search
language and open data, and the sitemap's alternates."""

import html
import json
import re
import xml.etree.ElementTree as ET

import pytest
from babel.messages.mofile import read_mo

from tests.conftest import ROOT

ALTERNATE_RE = re.compile(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]*)">')
PROSE_RE = re.compile(r'<div class="prose[^"]*">.*?</div>', re.S)
LANGS = ("nl", "en")


def pages(root):
    """Every HTML page of the Dutch edition (the root) and of the English one (en/), by relative path."""
    dutch = {p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.relative_to(root).parts[0] not in
             ("en", "runtime", "pagefind", "theme")}
    english = {p.relative_to(root / "en").as_posix() for p in (root / "en").rglob("*.html")
               if p.relative_to(root / "en").parts[0] not in ("runtime", "theme")}
    return dutch, english


def resolve(page, href):
    """The file a relative link on `page` points at (a folder link means its index.html)."""
    target = (page.parent / href).resolve()
    return target / "index.html" if href.endswith("/") else target


def test_every_page_pairs_with_its_counterpart_both_ways(site):
    dutch, english = pages(site)
    assert len(dutch) > 100 and len(english) > 100
    tags = {p for p in dutch | english if p.startswith("tag/")}
    assert sorted(dutch - tags) == sorted(english - tags)  # tag pages carry each language's own tags
    checked = 0
    for rel in sorted(dutch - tags):
        for edition in (site / rel, site / "en" / rel):
            links = dict(ALTERNATE_RE.findall(edition.read_text(encoding="utf-8")))
            assert set(links) == {"nl", "en", "x-default"}, (edition, links)
            assert resolve(edition, links["nl"]) == (site / rel).resolve(), (edition, links)
            assert resolve(edition, links["en"]) == (site / "en" / rel).resolve(), (edition, links)
            assert resolve(edition, links["x-default"]).is_file()
            checked += 1
    assert checked > 200


def test_language_switch_stays_on_the_same_page(site):
    model = "modellen/social-media-piramide/index.html"
    nl = (site / model).read_text(encoding="utf-8")
    en = (site / "en" / model).read_text(encoding="utf-8")
    switch_nl = re.search(r'<ul class="language-switch">.*?href="([^"]+)"', nl, re.S).group(1)
    switch_en = re.search(r'<ul class="language-switch">.*?href="([^"]+)"', en, re.S).group(1)
    assert resolve(site / model, switch_nl) == (site / "en" / model).resolve()
    assert resolve(site / "en" / model, switch_en) == (site / model).resolve()


@pytest.fixture(scope="module")
def catalogue():
    """The compiled English catalogue: every Dutch text (plural forms included) whose English differs."""
    with open(ROOT / "theme" / "translations" / "en" / "LC_MESSAGES" / "messages.mo", "rb") as handle:
        compiled = read_mo(handle)
    found = {}
    for message in compiled:
        dutch = tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)
        english = tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)
        found.update({nl: en for nl, en in zip(dutch, english, strict=True) if nl and nl != en})
    assert len(found) > 150
    return found


def pattern_of(msgid):
    """A msgid as a pattern: a number placeholder matches digits, any other any word; ends are word
    boundaries."""
    parts = re.split(r"(%\(\w+\)[sd]|\{\w+\})", msgid)
    body = "".join((r"\d+" if p.endswith(")d") else r"\S+") if i % 2 else re.escape(p).replace(r"\ ", r"\s+")
                   for i, p in enumerate(parts))
    return re.compile(r"(?<![\w-])" + body.strip() + r"(?![\w-])")


def content_words(site):
    """Texts that are content, not interface, though they sit outside the page body: the models' own
    names, source titles and element names (facts shared by both editions, often Dutch) and the entries of the
    undocumented list (their English texts, from the `_en` keys of content/undocumented/)."""
    data = json.loads((site / "en" / "data" / "models.json").read_text(encoding="utf-8"))
    words = {m["title"] for m in data["models"]}
    words |= {e["name"] for m in data["models"] for e in m["elements"] if e.get("name")}
    words |= {s["title"] for m in data["models"] for s in m["sources"]}
    for entry in data["undocumented"]:
        words |= {source["title"] for source in entry["sources"]}
        words |= {entry["name"], entry.get("creators_note") or "", *entry["known"].split("\n"),
                  *entry["missing"].split("\n")} if isinstance(entry["known"], str) else {entry["name"]}
    return sorted((w for w in words if w), key=len, reverse=True)


def chrome_text(page, content=()):
    """The interface text of a page: everything but the written page body and `content`, as plain text."""
    text = PROSE_RE.sub(" ", page.read_text(encoding="utf-8"))
    text = re.sub(r"<script.*?</script>", " ", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    text = "\n".join(" ".join(line.split()) for line in text.splitlines())
    for words in content:
        text = text.replace(" ".join(words.split()), " ")
    return text


def test_no_dutch_interface_string_on_an_english_page(site, catalogue):
    _dutch, english = pages(site)
    # Ids whose fixed text is a short word or two ("{count} van {members}") would match names such as
    # "Richard van Hooijdonk": only ids with at least four letters of their own are looked for.
    patterns = {msgid: pattern_of(msgid) for msgid in catalogue
                if len(re.sub(r"%\(\w+\)[sd]|\{\w+\}|\W", "", msgid)) > 3}
    content = content_words(site)
    faults = []
    for rel in sorted(english):
        text = chrome_text(site / "en" / rel, content)
        faults += [f"en/{rel}: {msgid!r}" for msgid, pattern in patterns.items() if pattern.search(text)]
    assert faults == []


def test_catalogue_catches_dutch_chrome(site, catalogue):
    """The check above bites: the Dutch page's chrome holds the Dutch strings it looks for."""
    text = chrome_text(site / "modellen" / "social-media-piramide" / "index.html")
    assert "Hoe te citeren" in catalogue and "Hoe te citeren" in text


def test_english_pages_say_lang_en_and_dutch_pages_nl(site):
    dutch, english = pages(site)
    for rel in sorted(english):
        assert '<html lang="en"' in (site / "en" / rel).read_text(encoding="utf-8"), rel
    for rel in sorted(dutch):
        assert '<html lang="nl"' in (site / rel).read_text(encoding="utf-8"), rel


def test_each_language_has_its_own_feed(site):
    atom = "{http://www.w3.org/2005/Atom}"
    nl = ET.parse(site / "feeds" / "modellen.atom.xml").getroot()
    en = ET.parse(site / "en" / "feeds" / "modellen.atom.xml").getroot()
    summaries_nl = {e.find(f"{atom}summary").text for e in nl.iter(f"{atom}entry")}
    summaries_en = {e.find(f"{atom}summary").text for e in en.iter(f"{atom}entry")}
    assert len(summaries_nl) == len(summaries_en) > 50
    assert not summaries_nl & summaries_en
    links = [e.find(f"{atom}link").get("href") for e in en.iter(f"{atom}entry")]
    assert all("/en/modellen/" in link or link.startswith("en/modellen/") for link in links), links[:3]


def test_search_index_has_both_languages(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {"nl", "en"} <= set(entry["languages"]), entry["languages"]
    assert entry["languages"]["en"]["page_count"] == entry["languages"]["nl"]["page_count"]


def test_english_open_data_has_english_texts(site):
    nl = json.loads((site / "data" / "models.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en" / "data" / "models.json").read_text(encoding="utf-8"))
    assert nl["count"] == en["count"] > 90
    by_slug = {m["slug"]: m for m in en["models"]}
    for model in nl["models"]:
        other = by_slug[model["slug"]]
        assert other["creators"] == model["creators"] and other.get("year") == model.get("year")
    assert sum(by_slug[m["slug"]]["summary"] != m["summary"] for m in nl["models"]) > 90
    assert all(m["url"].startswith("modellen/") for m in en["models"])


def test_sitemap_lists_the_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    urls = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    for loc in ("/modellen/social-media-piramide/", "/en/modellen/social-media-piramide/"):
        links = {x.get("hreflang"): x.get("href") for x in urls[loc].findall("x:link", ns)}
        assert links == {"nl": "/modellen/social-media-piramide/", "en": "/en/modellen/social-media-piramide/",
                         "x-default": "/modellen/social-media-piramide/"}


def test_dates_and_citation_follow_the_language(site):
    nl = (site / "modellen" / "social-media-piramide" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "modellen" / "social-media-piramide" / "index.html").read_text(encoding="utf-8")
    month_nl = re.search(r"geraadpleegd op (\d{1,2} [a-z]+ \d{4})", nl)
    month_en = re.search(r"consulted on (\d{1,2} [A-Z][a-z]+ \d{4})", en)
    assert month_nl and month_en, "source dates as '2 december 2026' and '2 December 2026'"
    assert month_nl.group(1).split()[0] == month_en.group(1).split()[0]
    assert "How to cite" in en and "Hoe te citeren" in nl


@pytest.mark.parametrize("lang", LANGS)
def test_diagram_text_alternative_in_the_edition_language(site, lang):
    base = site if lang == "nl" else site / "en"
    pages_with_unknown = [p for p in (base / "modellen").glob("*/index.html")
                          if re.search(r"<desc[^>]*>[^<]*(van \d+ \w+ bekend|of \d+ \w+ known)", p.read_text("utf-8"))]
    assert pages_with_unknown, "a model with unknown elements says how many are known"
    desc = re.search(r"<desc[^>]*>([^<]*)", pages_with_unknown[0].read_text("utf-8")).group(1)
    assert (" of " in desc and "known" in desc) if lang == "en" else ("van" in desc and "bekend" in desc)


def test_english_scan_and_method_page_show_the_english_texts(site):
    import yaml  # noqa: PLC0415 - only this test reads a definition file

    data = yaml.safe_load((ROOT / "content" / "assessments" / "social-media-volwassenheidsscan.yaml")
                          .read_text(encoding="utf-8"))
    for page in ("zelfscan", "hoe-we-scoren"):
        en = html.unescape((site / "en" / page / "index.html").read_text(encoding="utf-8"))
        nl = html.unescape((site / page / "index.html").read_text(encoding="utf-8"))
        for question in data["questions"]:
            assert question["text_en"] in en and question["text"] not in en, (page, question["id"])
            assert question["text"] in nl and question["text_en"] not in nl, (page, question["id"])


def test_english_undocumented_page_shows_the_english_texts(site):
    import yaml  # noqa: PLC0415 - only this test reads the undocumented entries

    page = "modellen/nog-niet-beschreven/index.html"
    en = html.unescape((site / "en" / page).read_text(encoding="utf-8"))
    nl = html.unescape((site / page).read_text(encoding="utf-8"))
    entries = [yaml.safe_load(p.read_text(encoding="utf-8"))
               for p in sorted((ROOT / "content" / "undocumented").glob("*.yaml"))]
    assert len(entries) > 5
    for entry in entries:
        for dutch in ("known", "missing", "creators_note"):
            if dutch in entry:
                assert entry[dutch + "_en"] in en and entry[dutch] not in en, (entry["name"], dutch)
                assert entry[dutch] in nl and entry[dutch + "_en"] not in nl, (entry["name"], dutch)
        for source in entry["sources"]:
            assert f">{source['title_en']}</a>" in en and f">{source['title']}</a>" not in en, source["url"]
            assert f">{source['title']}</a>" in nl, source["url"]
    unknown = [e["name"] for e in entries if e["creators"] == ["onbekend"]]
    assert unknown, "an entry whose makers are unknown"
    assert "onbekend" not in en and "unknown" in en
