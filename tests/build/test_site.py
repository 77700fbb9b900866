"""The real site builds, and every model, category and data file is where it should be."""

import csv
import json
import xml.etree.ElementTree as ET

import yaml

from tests.conftest import CATEGORIES, model_files


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def test_there_are_models():
    assert len(model_files()) >= 14


def test_every_model_page_exists(site):
    for path in model_files():
        slug = front_matter(path)["slug"]
        page = site / "modellen" / slug / "index.html"
        assert page.is_file(), slug
        html = page.read_text(encoding="utf-8")
        assert 'id="element-1"' in html and "<svg" in html and "Hoe te citeren" in html


def test_every_category_page_exists_with_its_models(site):
    by_category = {}
    for path in model_files():
        meta = front_matter(path)
        by_category.setdefault(meta["category"], []).append(meta["slug"])
    for cid in CATEGORIES:
        html = (site / "categorie" / cid / "index.html").read_text(encoding="utf-8")
        for slug in by_category.get(cid, []):
            assert f"modellen/{slug}/" in html, (cid, slug)


def test_models_json_lists_every_model_with_all_fields(site):
    data = json.loads((site / "data" / "models.json").read_text(encoding="utf-8"))
    slugs = {m["slug"] for m in data["models"]}
    expected = {front_matter(p)["slug"] for p in model_files()}
    assert slugs == expected
    assert data["count"] == len(expected)
    for record in data["models"]:
        meta = front_matter(next(p for p in model_files() if p.stem == record["slug"]))
        assert set(meta) <= set(record), record["slug"]
        assert record["url"] == f"modellen/{record['slug']}/"


def test_models_csv_has_a_row_per_model(site):
    with open(site / "data" / "models.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["slug"] for r in rows} == {p.stem for p in model_files()}
    assert all(r["url"] and r["title"] and r["sources"].startswith("[") for r in rows)


def test_feed_sitemap_and_special_pages(site):
    feed = ET.parse(site / "feeds" / "modellen.atom.xml").getroot()
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) >= 14
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "modellen/social-readiness-model/" in sitemap
    for page in ("404.html", "over-deze-site/index.html", "privacy/index.html", "tags/index.html"):
        assert (site / page).is_file(), page


def test_every_page_has_a_strict_content_security_policy(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20, "the built site has its pages"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, page
        policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        assert "default-src 'self'" in policy and "http" not in policy, page
        assert "'unsafe-inline'" not in policy, page


def test_html_lang_is_dutch(site):
    assert '<html lang="nl"' in (site / "index.html").read_text(encoding="utf-8")
