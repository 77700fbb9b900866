"""The catalogue of a small site in two editions, built in this process: the indexes, the decorated model
pages, the open data, the undocumented page and the sitemap's alternates, Dutch and English.

The fixture tree (tests/fixtures/content-good) gets an English counterpart of every model (same facts,
own titles) and a category essay in each language. One test builds it and runs every check: a mutation
run credits a function to the tests that call it, and a shared fixture would credit only the first.
"""

import csv
import datetime
import json
import re
import shutil

from pelican import signals

from tests.build.test_plugins_inprocess import pelican_build, run_checks
from tests.conftest import ROOT

GOOD = ROOT / "tests" / "fixtures" / "content-good"
CATEGORY_IDS = ["volwassenheid-adoptie", "implementatie-strategie", "focus-benadering", "weergave-doelgroep",
                "meten-roi", "kanalen-platformen"]
NAMES = {"nl": ["Volwassenheid & adoptie", "Implementatie & strategie", "Focus & benadering", "Weergave & doelgroep",
                "Meten & ROI", "Kanalen & platformen"],
         "en": ["Maturity & adoption", "Implementation & strategy", "Focus & approach", "Audience & representation",
                "Measurement & ROI", "Channels & platforms"]}
TITLE = {"nl": "{}", "en": "{} (EN)"}


def bilingual_content(root):
    """The fixture tree plus an English edition of every model and an essay for one category."""
    shutil.copytree(GOOD, root)
    for path in (root / "models").rglob("*.md"):
        target = root / "en" / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text(encoding="utf-8").replace("---\n", "---\nlang: en\n", 1)
        target.write_text(re.sub(r'^title: "(.*)"$', r'title: "\1 (EN)"', text, count=1, flags=re.M), encoding="utf-8")
    for folder, title, lang in ((root / "categorieen", "Volwassenheid & adoptie", ""),
                                (root / "en" / "categorieen", "Maturity & adoption", "lang: en\n")):
        folder.mkdir(parents=True)
        (folder / "volwassenheid-adoptie.md").write_text(
            f'---\ntitle: "{title}"\nslug: volwassenheid-adoptie\nessay: true\n{lang}status: hidden\nsave_as: ""\n'
            f'url: ""\nsummary: "Essay."\n---\nTekst.\n', encoding="utf-8")
    return root


def editions_built(tmp_path, content=None):
    """Build both editions of `content` (the bilingual fixture when not given); return
    {lang: (articles generator, pages generator)} and the output folder."""
    seen = []

    def keep(generators):
        seen.append(generators)

    signals.all_generators_finalized.connect(keep)
    try:
        output = pelican_build(content or bilingual_content(tmp_path / "content"), tmp_path / "output")
    finally:
        signals.all_generators_finalized.disconnect(keep)
    found = {}
    for generators in seen:
        articles = next(g for g in generators if hasattr(g, "articles"))
        pages = next(g for g in generators if hasattr(g, "hidden_pages"))
        found[articles.settings["DEFAULT_LANG"]] = (articles, pages)
    return found, output


def check_catalog(lang, articles, pages):
    catalog = articles.context["catalog"]
    title = TITLE[lang].format
    assert [c.id for c in catalog.categories] == CATEGORY_IDS == list(catalog.by_id)
    assert [c.name for c in catalog.categories] == NAMES[lang]
    assert [c.url for c in catalog.categories] == [f"categorie/{cid}/" for cid in CATEGORY_IDS]
    assert [[m.slug for m in c.models] for c in catalog.categories] == [["alpha"], [], [], [], ["beta"], ["gamma"]]
    assert [c.count for c in catalog.categories] == [1, 0, 0, 0, 1, 1]
    essay = catalog.by_id["volwassenheid-adoptie"].essay
    assert essay.title == NAMES[lang][0] and all(c.essay is None for c in catalog.categories[1:])
    assert essay not in pages.pages + pages.hidden_pages            # shown on its category page only
    # listed models by title (Alfa, Bèta, Gamma); the hidden one and the draft are not listed
    assert [m.slug for m in catalog.models] == ["alpha", "beta", "gamma"]
    assert [m.title for m in catalog.models] == [title("Alfa-testmodel"), title("Bèta-testmodel"), title("Gamma-testmodel")]
    assert sorted(catalog.by_slug) == ["alpha", "beta", "gamma"]
    assert [m.slug for m in catalog.newest] == ["gamma", "beta", "alpha"]   # newest date first
    this_year = datetime.date.today().year
    assert [y for y, _m, _u in catalog.by_year] == list(range(2012, this_year + 1))
    years = {y: ([m.slug for m in models], [u["slug"] for u in later]) for y, models, later in catalog.by_year}
    assert years[2012] == (["alpha"], ["omega-framework"]) and years[2015] == (["beta"], [])
    assert all(v == ([], []) for y, v in years.items() if y not in (2012, 2015))
    assert [m.slug for m in catalog.no_year] == ["gamma"]
    (entry,) = catalog.undocumented
    assert entry["known"].startswith("Een testmodel" if lang == "nl" else "A test model")
    assert entry["category_name"] == NAMES[lang][0]
    assert catalog.undocumented_url == "modellen/nog-niet-beschreven/"
    assert catalog.alignment == {"scale": [{"id": 1, "name": "Beginnen"}, {"id": 2, "name": "Groeien"}],
                                 "models": [{"slug": "alpha", "stages": [{"name": "Begin", "element": 1, "step": 1},
                                                                         {"name": "Midden", "element": 2, "step": 2}]}]}


CITATIONS = {
    "alpha": "Testmaker (2012). {}. Testbureau. https://example.org/alpha/rapport",
    "beta": "Eerste Maker & Tweede Maker (2015). {}. https://example.org/beta",
    "gamma": "{maker} ({nd}). {}. https://example.org/gamma",
    "delta": "Testmaker ({nd}). {}. https://example.org/delta",
    "epsilon": "Testmaker ({nd}). {}. https://example.org/epsilon",
}
WORDS = {"nl": {"maker": "Onbekende maker", "nd": "z.d.", "year": "jaar", "known": "2 van 3 bekend"},
         "en": {"maker": "Unknown maker", "nd": "n.d.", "year": "year", "known": "2 of 3 known"}}


def check_model_pages(lang, articles, _pages):
    catalog = articles.context["catalog"]
    words = WORDS[lang]
    every = {a.slug: a for a in articles.articles + articles.hidden_articles + articles.drafts}
    assert sorted(every) == ["alpha", "beta", "delta", "epsilon", "gamma"]
    for slug, art in every.items():                 # the hidden model and the draft are decorated too
        assert art.category_info is catalog.by_id[art.metadata["category"]]
        assert art.citation == CITATIONS[slug].format(art.title, **words)
        assert art.confidence == art.metadata["confidence"]
        assert json.loads(art.json_ld)["inLanguage"] == lang and json.loads(art.json_ld)["name"] == art.title
    alpha, beta = every["alpha"], every["beta"]
    assert [m.slug for m in alpha.related_models] == ["beta"]
    assert [m.slug for m in beta.related_models] == ["alpha", "gamma"]
    assert every["gamma"].related_models == []
    assert (alpha.kind_label, beta.kind_label, every["delta"].kind_label) == ("fasemodel", "matrix", "stappenplan")
    assert alpha.elements_known == ("Fasen", words["known"]) and beta.elements_known is None
    assert [s["n"] for s in alpha.sources_info] == [1, 2]
    assert alpha.sources_info[0]["supports_label"] == (f"makers, {words['year']}, "
                                                       f"{'organisatie' if lang == 'nl' else 'organisation'}, "
                                                       "element 1 (Begin), element 2 (Midden)")
    assert alpha.fact_refs == {"makers": [1], "year": [1], "organisation": [1]}
    assert alpha.element_refs == [[1], [1, 2], []]
    assert ">Begint anders</h3>" in alpha._content                  # not an element: no links
    assert 'Begin <span class="refs"><a class="ref" href="#bron-1" aria-label="bron 1">[1]</a></span></h3>' in alpha._content


def check_open_data(lang, articles, _pages, output):
    root = output if lang == "nl" else output / "en"
    text = (root / "data" / "models.json").read_text(encoding="utf-8")
    data = json.loads(text)
    # readable and diffable: one key a line, indented by one space, every character as itself
    assert text == json.dumps(data, ensure_ascii=False, indent=1) and "Bèta" in text
    assert data["count"] == 3 and data["license"] == "CC BY 4.0"
    assert [m["slug"] for m in data["models"]] == ["alpha", "beta", "gamma"]
    alpha = data["models"][0]
    assert alpha["url"] == "modellen/alpha/" and alpha["title"] == TITLE[lang].format("Alfa-testmodel")
    assert alpha["source_kinds"] == ["maker", "secondary"] and alpha["year"] == 2012
    assert alpha["confidence"] == articles.context["catalog"].by_slug["alpha"].confidence
    (entry,) = data["undocumented"]
    assert entry["slug"] == "omega-framework" and entry["sources"][0]["seen"] == "2026-12-02"
    assert entry["known"].startswith("Een testmodel" if lang == "nl" else "A test model")
    with open(root / "data" / "models.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["slug"] for r in rows] == ["alpha", "beta", "gamma"]
    assert list(rows[0]) == ["slug", "title", "url", "category", "summary", "creators", "creators_note", "organisation",
                             "year", "kind", "diagram", "elements", "sources", "source_kinds", "confidence", "unverified",
                             "tags", "related", "assessment", "date"]
    assert rows[0]["creators"] == '["Testmaker"]' and rows[0]["year"] == "2012" and rows[2]["year"] == ""
    assert json.loads(rows[1]["related"]) == ["alpha", "gamma"] and rows[0]["date"] == "2026-11-23"
    page = (root / "modellen" / "nog-niet-beschreven" / "index.html").read_text(encoding="utf-8")
    heading = "Bekende modellen die we nog niet konden beschrijven" if lang == "nl" else "Known models we could not describe yet"
    assert heading in page and "Omega Framework" in page
    assert f"<title>{heading} · " in page and 'href="../../theme/css/site.css"' in page


def check_method_page_and_runtime(output):
    import zipfile

    for root in (output, output / "en"):
        method = (root / "hoe-we-scoren" / "index.html").read_text(encoding="utf-8")
        assert 'href="../theme/css/site.css"' in method                       # relative links, as configured
        with zipfile.ZipFile(root / "runtime" / "scoring.zip") as packed:
            assert json.loads(packed.read("assessment_definitions.json")) == {}   # the fixture has no assessments
        assert (root / "runtime" / "pyodide" / "pyodide.mjs").is_file()
        assert (root / "runtime" / "qrcode" / "qrcode.mjs").is_file()
        assert "__VERSION__" not in (root / "sw.js").read_text(encoding="utf-8")


def check_sitemap(output):
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count('hreflang="en"') >= 3 and "/en/modellen/alpha/</loc>" in sitemap


def test_both_editions_of_a_small_site_get_their_catalogue(tmp_path):
    editions, output = editions_built(tmp_path)
    assert sorted(editions) == ["en", "nl"]
    checks = []
    for lang, (articles, pages) in editions.items():
        for check in (check_catalog, check_model_pages):
            checks.append(lambda _site, c=check, a=articles, p=pages, lang=lang: c(lang, a, p))
            checks[-1].__name__ = f"{check.__name__}[{lang}]"
        checks.append(lambda site, a=articles, p=pages, lang=lang: check_open_data(lang, a, p, site))
        checks[-1].__name__ = f"check_open_data[{lang}]"
    checks += [check_sitemap, check_method_page_and_runtime]
    run_checks(output, checks)


def test_a_translation_with_other_facts_stops_the_build_before_any_output(tmp_path):
    import contextlib
    import io

    import pytest

    content = bilingual_content(tmp_path / "content")
    english = content / "en" / "models" / "meten-roi" / "beta.md"
    english.write_text(english.read_text(encoding="utf-8").replace("year: 2015", "year: 2016"), encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stopped:
        pelican_build(content, tmp_path / "output")
    assert stopped.value.code == 1
    lines = err.getvalue().splitlines()
    assert any(line.startswith(f"{english}:") and ": year: " in line for line in lines), lines
    assert lines[-1] == "1 content error found."
    assert not (tmp_path / "output" / "modellen").exists()


def test_a_second_build_into_the_same_folder_writes_the_data_again(tmp_path):
    """`make html` does not empty the output folder: the next build finds data/ there and rewrites it."""
    content = bilingual_content(tmp_path / "content")
    output = pelican_build(content, tmp_path / "output")
    beta = content / "models" / "meten-roi" / "beta.md"
    beta.write_text(beta.read_text(encoding="utf-8").replace('title: "', 'title: "Nieuw: ', 1), encoding="utf-8")
    english = content / "en" / "models" / "meten-roi" / "beta.md"
    english.write_text(english.read_text(encoding="utf-8").replace('title: "', 'title: "New: ', 1), encoding="utf-8")
    pelican_build(content, output)
    titles = [model["title"] for model in json.loads((output / "data" / "models.json").read_text(encoding="utf-8"))["models"]]
    assert any(title.startswith("Nieuw: ") for title in titles), titles
    assert "Nieuw: " in (output / "data" / "models.csv").read_text(encoding="utf-8")


def test_the_open_data_is_utf8_whatever_the_locale(tmp_path, ascii_locale):
    content = bilingual_content(tmp_path / "content")
    beta = content / "models" / "meten-roi" / "beta.md"
    beta.write_text(beta.read_text(encoding="utf-8").replace('title: "', 'title: "Één ', 1), encoding="utf-8")
    output = pelican_build(content, tmp_path / "output")
    models = json.loads((output / "data" / "models.json").read_text(encoding="utf-8"))["models"]
    assert any(model["title"].startswith("Één ") for model in models)
    with open(output / "data" / "models.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert any(row["title"].startswith("Één ") for row in rows)
    assert (output / "data" / "models.csv").read_bytes().count(b"\r\n") == len(rows) + 1  # RFC 4180 line ends


def test_the_home_page_shows_the_six_newest_and_lists_sort_punctuation_before_letters(tmp_path):
    content = bilingual_content(tmp_path / "content")
    gamma = (content / "models" / "kanalen-platformen" / "gamma.md").read_text(encoding="utf-8")
    titles = {"zeta-a": "Gamma_x", "zeta-b": "GammaX", "zeta-c": "Gamma y", "zeta-d": "Gamma-z"}
    for day, (slug, title) in enumerate(titles.items(), start=1):
        text = (gamma.replace("slug: gamma", f"slug: {slug}").replace("Gamma-testmodel", title)
                .replace("date: 2026-11-25", f"date: 2026-11-{26 + day}"))
        for folder, lang in ((content / "models", ""), (content / "en" / "models", "lang: en\n")):
            path = folder / "kanalen-platformen" / f"{slug}.md"
            path.write_text(text.replace("---\n", f"---\n{lang}", 1), encoding="utf-8")
    editions, output = editions_built(tmp_path, content)
    articles, _pages = editions["nl"]
    catalog = articles.context["catalog"]
    # seven listed models; the newest six on the home page, newest first
    assert [m.slug for m in catalog.newest] == ["zeta-d", "zeta-c", "zeta-b", "zeta-a", "gamma", "beta"]
    home = (output / "index.html").read_text(encoding="utf-8")
    assert all(f">{m.title}</a></h3>" in home for m in catalog.newest) and "Alfa-testmodel" not in home
    # by title, case left out, a space and punctuation before letters: Gamma y, Gamma-testmodel, Gamma-z,
    # Gamma_x, GammaX
    assert [m.slug for m in catalog.models] == ["alpha", "beta", "zeta-c", "gamma", "zeta-d", "zeta-a", "zeta-b"]
    assert [m.slug for m in catalog.by_id["kanalen-platformen"].models] == ["zeta-c", "gamma", "zeta-d", "zeta-a",
                                                                              "zeta-b"]
