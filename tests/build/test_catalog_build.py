"""The good fixture tree builds: sources back facts on the page, computed confidence, hidden and draft
models, the page of models not yet described, and open data from the checked front matter."""

import csv
import json
import re
import shutil

import pytest

from tests.conftest import ROOT, make_html

GOOD = ROOT / "tests" / "fixtures" / "content-good"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("good") / "output"
    done = make_html(out, content=GOOD)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def page(site, slug):
    return (site / "modellen" / slug / "index.html").read_text(encoding="utf-8")


def test_the_fixture_tree_has_models():
    assert len(list(GOOD.glob("models/*/*.md"))) == 5


def test_make_check_passes_on_the_good_tree():
    import subprocess
    done = subprocess.run(["make", "--no-print-directory", "check", f"INPUTDIR={GOOD}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "5 models, 1 undocumented, no errors" in done.stdout


def test_facts_link_to_the_sources_that_back_them(site):
    html = page(site, "alpha")
    facts = html[html.index('class="facts"'):html.index("</aside>")]
    for label, refs in (("Makers", ["1"]), ("Organisatie", ["1"]), ("Jaar", ["1"])):
        cell = re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", facts, re.S).group(1)
        assert re.findall(r'href="#bron-(\d+)"', cell) == refs, (label, cell)
    for n in ("1", "2"):
        assert f'<li id="bron-{n}">' in html


def test_sources_list_says_kind_and_what_each_backs(site):
    html = page(site, "alpha")
    sources = html[html.index('id="kop-bronnen"'):]
    assert "(publicatie van de makers)" in sources and "(secundair)" in sources
    assert "Staaft: makers, jaar, organisatie, element 1 (Begin), element 2 (Midden)" in sources
    assert "Staaft: element 2 (Midden), kritiek" in sources
    assert "(uitgever/onderzoek)" in page(site, "beta")
    assert "(naslagsite)" in page(site, "gamma")


def test_each_element_shows_its_sources_and_unknown_elements_are_marked(site):
    html = page(site, "alpha")
    first = re.search(r'<li id="element-1">(.*?)</li>', html, re.S).group(1)
    second = re.search(r'<li id="element-2">(.*?)</li>', html, re.S).group(1)
    assert re.findall(r"#bron-(\d+)", first) == ["1"]
    assert re.findall(r"#bron-(\d+)", second) == ["1", "2"]
    third = re.search(r'<li id="element-3" class="element-unknown">(.*?)</li>', html, re.S).group(1)
    assert "bron-" not in third
    assert "<dt>Fasen</dt><dd class=\"elements-known\">2 van 3 bekend</dd>" in html
    assert "elements-known" not in page(site, "beta")


def test_confidence_shown_is_the_computed_one(site):
    shown = {slug: re.search(r"confidence-(\w+)", page(site, slug)).group(1) for slug in ("alpha", "beta", "gamma")}
    assert shown == {"alpha": "middel", "beta": "hoog", "gamma": "laag"}


def test_hidden_model_is_built_but_not_listed_and_draft_is_not_published(site):
    assert (site / "modellen" / "delta" / "index.html").is_file()
    assert not (site / "modellen" / "epsilon").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "modellen/alpha/" in home and "modellen/delta/" not in home
    data = json.loads((site / "data" / "models.json").read_text(encoding="utf-8"))
    assert sorted(m["slug"] for m in data["models"]) == ["alpha", "beta", "gamma"]


def test_open_data_carries_computed_confidence_and_source_kinds(site):
    data = json.loads((site / "data" / "models.json").read_text(encoding="utf-8"))
    models = {m["slug"]: m for m in data["models"]}
    assert models["alpha"]["confidence"] == "middel"
    assert models["alpha"]["sources"][1] == {"title": "Samenvatting door een ander",
                                             "url": "https://example.org/alpha/samenvatting",
                                             "seen": "2026-11-24", "kind": "secondary",
                                             "supports": ["element-2", "critique"]}
    assert models["alpha"]["elements"][2] == {"known": False, "name": "Fase 3"}
    assert models["gamma"]["source_kinds"] == ["reference"]
    assert data["undocumented"][0]["name"] == "Omega Framework"
    with open(site / "data" / "models.csv", encoding="utf-8") as handle:
        rows = {r["slug"]: r for r in csv.DictReader(handle)}
    assert rows["beta"]["confidence"] == "hoog"
    assert json.loads(rows["alpha"]["sources"])[0]["kind"] == "maker"


def test_undocumented_models_have_their_page(site):
    html = (site / "modellen" / "nog-niet-beschreven" / "index.html").read_text(encoding="utf-8")
    assert "Bekende modellen die we nog niet konden beschrijven" in html
    assert 'id="omega-framework"' in html
    for text in ("Omega Framework", "De namen van vijf van de acht fasen.", "(naslagsite)", "https://example.org/omega"):
        assert text in html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "modellen/nog-niet-beschreven/" in home


def test_the_undocumented_page_builds_with_no_entries(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(GOOD, content, ignore=shutil.ignore_patterns("undocumented"))
    done = make_html(tmp_path / "out", content=content)
    assert done.returncode == 0, done.stdout + done.stderr
    html = (tmp_path / "out" / "modellen" / "nog-niet-beschreven" / "index.html").read_text(encoding="utf-8")
    assert "Op dit moment staat hier geen model" in html


OPEN_COUNTER = """
import collections, json, os, sys
opened = collections.Counter()
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].endswith((".md", ".yaml")):
        opened[os.path.abspath(args[0])] += 1
sys.addaudithook(hook)
from pelican import main
try:
    main(sys.argv[1:])
finally:
    print("OPENED " + json.dumps(opened))
"""


def test_each_model_file_is_opened_once_in_a_whole_build(tmp_path):
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-c", OPEN_COUNTER, str(GOOD), "-s", str(ROOT / "pelicanconf.py"),
                           "-o", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    opened = json.loads(done.stdout.split("OPENED ", 1)[1])
    models = sorted(str(p) for p in GOOD.glob("models/*/*.md"))
    assert models  # the glob found the fixture models
    assert {m: opened.get(m) for m in models} == {m: 1 for m in models}
    assert opened.get(str(GOOD / "alignment.yaml"), 0) >= 1


def test_element_headings_in_the_body_link_to_their_sources(site):
    heads = dict(re.findall(r'<h3 id="([^"]+)">(.*?)</h3>', page(site, "alpha"), re.S))
    assert heads  # the body has element headings
    assert re.findall(r"#bron-(\d+)", heads["1-begin"]) == ["1"]
    assert re.findall(r"#bron-(\d+)", heads["midden-het-drukke-deel"]) == ["1", "2"]
    assert "bron-" not in heads["fase-3"]  # known: false
    assert "bron-" not in heads["begint-anders"]  # 'Begin' followed by letters is another word


def test_citation_points_at_the_makers_or_publishers_source_first(site):
    html = page(site, "beta")
    cite = html[html.index("Hoe te citeren"):]
    assert "https://example.org/beta" in cite and "example.net" not in cite.split("</section>")[0]
