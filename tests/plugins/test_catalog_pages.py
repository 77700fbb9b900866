"""What the catalogue computes for the pages: citations, schema.org data, source references, the timeline,
the undocumented list and the open data, called directly on small models and on the fixture tree."""

import datetime
import json
import re
import types

import pytest
from catalog import catalog as cat
from catalog.validate import check_content

from tests.conftest import ROOT

GOOD = ROOT / "tests" / "fixtures" / "content-good"
SEEN = datetime.date(2026, 11, 23)


def source(kind, *supports, url=None, title="Bron"):
    return {"title": title, "url": url or f"https://example.org/{kind}", "seen": SEEN, "kind": kind,
            "supports": list(supports)}


def article(title="Model", url="modellen/model/", **meta):
    base = {"creators": ["Maker"], "sources": [source("secondary", "elements")], "summary": "Kort."}
    return types.SimpleNamespace(title=title, url=url, metadata={**base, **meta})


# ------------------------------------------------------------------ citation


@pytest.mark.parametrize("meta, expected", [
    ({"creators": ["Ann"], "year": 2010, "organisation": "Bureau",
      "sources": [source("secondary", "makers"), source("maker", "year")]},
     "Ann (2010). Model. Bureau. https://example.org/maker"),
    ({"creators": ["Ann", "Bob"], "year": 2010, "sources": [source("reference"), source("publisher")]},
     "Ann & Bob (2010). Model. https://example.org/publisher"),
    ({"creators": ["Ann", "Bob", "Cas"], "sources": [source("secondary"), source("reference")]},
     "Ann, Bob & Cas (z.d.). Model. https://example.org/secondary"),
    ({"creators": ["onbekend"], "year": 1999, "organisation": "",
      "sources": [source("reference", url="https://example.org/r1"), source("maker", url="https://example.org/m1"),
                  source("publisher", url="https://example.org/p1")]},
     "Onbekende maker (1999). Model. https://example.org/m1"),
    ({"creators": ["onbekend", "Dee"], "year": 2001}, "Dee (2001). Model. https://example.org/secondary"),
])
def test_the_citation_names_makers_year_title_organisation_and_the_makers_source(meta, expected):
    assert cat._citation(article(**meta), str) == expected


def test_the_citation_uses_the_words_of_the_edition():
    words = {"Onbekende maker": "Unknown maker", "z.d.": "n.d."}
    got = cat._citation(article(creators=["onbekend"]), lambda text: words.get(text, "?"))
    assert got == "Unknown maker (n.d.). Model. https://example.org/secondary"


# ------------------------------------------------------------------ schema.org


def json_ld(settings=None, **meta):
    text = cat._json_ld(article(**meta), {"DEFAULT_LANG": "nl", **(settings or {})})
    return json.loads(text.replace("<\\/", "</")), text


@pytest.mark.parametrize("name, organisation, kind", [
    ("Jan Jansen", "", "Person"),
    ("Jan Jansen", "Jan Jansen Advies", "Organization"),       # the organisation field names the maker
    ("Ann Smith", "Jan Jansen Advies", "Person"),              # ... and not this one
    ("None", None, "Person"),                                  # no organisation field at all
    ("Altimeter Group", "", "Organization"),
    ("Forrester", "", "Organization"),
    ("Smith & Jones", "", "Organization"),
    ("Lab/Studio", "", "Organization"),
    ("IBM", "", "Organization"),
    ("Ibm", "", "Person"),
    ("Groupon Fan", "", "Person"),                              # a word, not a part of a word
    ("<b>Edelman</b>", "", "Organization"),
])
def test_a_maker_is_a_person_unless_it_reads_as_an_organisation(name, organisation, kind):
    data, _ = json_ld(creators=[name], **({} if organisation is None else {"organisation": organisation}))
    assert data["creator"] == [{"@type": kind, "name": name.replace("<b>", "").replace("</b>", "")}]


def test_schema_org_data_describes_the_model_page():
    data, text = json_ld({"SITEURL": "https://example.org", "RELATIVE_URLS": False, "DEFAULT_LANG": "en"},
                         creators=["onbekend", "Ann"], year=2012, summary="<p>Over &amp; &lt;/script&gt; weer</p>",
                         sources=[source("maker"), source("reference")])
    assert data == {
        "@context": "https://schema.org", "@type": "CreativeWork", "name": "Model",
        "description": "Over & </script> weer", "inLanguage": "en",
        "creator": [{"@type": "Person", "name": "Ann"}], "about": "social media",
        "citation": ["https://example.org/maker", "https://example.org/reference"],
        "dateCreated": "2012", "url": "https://example.org/modellen/model/",
    }
    assert "</" not in text and "Over & <\\/script> weer" in text   # safe inside a script element


@pytest.mark.parametrize("settings", [{}, {"SITEURL": "https://example.org", "RELATIVE_URLS": True},
                                      {"SITEURL": "", "RELATIVE_URLS": False}])
def test_schema_org_has_an_address_only_for_an_absolute_site(settings):
    data, _ = json_ld(settings)
    assert "url" not in data and "dateCreated" not in data
    assert data["inLanguage"] == "nl"


def test_plain_text_drops_tags_and_entities():
    assert cat._plain("<p>Paid &amp;\n <em>owned</em></p>") == "Paid & owned"
    assert cat._plain(2012) == "2012"


# ------------------------------------------------------------------ sources and elements


def test_source_facts_number_the_sources_and_say_what_each_backs():
    meta = {"kind": "stages", "elements": [{"name": "Begin"}, {"name": ""}, {"known": False, "name": "Fase 3"}],
            "sources": [source("maker", "makers", "year", "element-1", "element-3", title="Rapport"),
                        source("secondary", "elements", "critique", "organisation", title="Boek"),
                        source("reference", "element-2", "context", title="Site")]}
    entries, facts, refs = cat.source_facts(meta)
    assert [(e["n"], e["anchor"], e["title"], e["kind"], e["kind_label"], e["supports_label"]) for e in entries] == [
        (1, "bron-1", "Rapport", "maker", "publicatie van de makers", "makers, jaar, element 1 (Begin), element 3 (Fase 3)"),
        (2, "bron-2", "Boek", "secondary", "secundair", "alle elementen, kritiek, organisatie"),
        (3, "bron-3", "Site", "reference", "naslagsite", "element 2 (element 2), achtergrond"),
    ]
    assert entries[0]["url"] == "https://example.org/maker" and entries[0]["seen"] == SEEN
    assert entries[1]["supports"] == ["elements", "critique", "organisation"]
    assert facts == {"makers": [1], "year": [1], "organisation": [2]}
    assert refs == [[1, 2], [2, 3], []]   # an unknown element is backed by no source


def test_source_facts_speak_the_language_of_the_edition():
    words = {"element %(n)d (%(name)s)": "item %(n)d (%(name)s)", "cijfers": "figures"}
    meta = {"kind": "x", "elements": [{"name": "A"}], "sources": [source("publisher", "element-1", "figures")]}
    entries, _facts, _refs = cat.source_facts(meta, lambda t: words[t])
    assert entries[0]["supports_label"] == "item 1 (A), figures"


@pytest.mark.parametrize("kind, elements, expected", [
    ("stages", [{"name": "a"}, {"known": False}, {"known": False, "name": "c"}], ("Fasen", "1 van 3 bekend")),
    ("ladder", [{"known": False}, {"name": "b"}], ("Treden", "1 van 2 bekend")),
    ("pyramid", [{"known": False}], ("Lagen", "0 van 1 bekend")),
    ("steps", [{"known": False}, {"name": "b"}], ("Stappen", "1 van 2 bekend")),
    ("matrix", [{"known": False}, {"name": "b"}, {"name": "c"}], ("Elementen", "2 van 3 bekend")),
    ("stages", [{"name": "a"}, {"name": "b", "known": True}], None),
])
def test_a_page_says_how_many_elements_are_known(kind, elements, expected):
    assert cat.elements_known_label({"kind": kind, "elements": elements}) == expected


@pytest.mark.parametrize("text, expected", [
    ("1. Begin", "begin"), ("2) Het  <em>Midden</em>", "het midden"), ("  3.Slot", "slot"),
    ("Paid &amp; owned", "paid & owned"), ("\u2018Luisteren\u2019 \u2013 \u201cnu\u201d\u00a0zo", "'luisteren' - \"nu\" zo"),
    ("2012 rapport", "2012 rapport"), ("Fase 1. Begin", "fase 1. begin"),
])
def test_heading_text_compares_words_not_markup_or_numbering(text, expected):
    assert cat._heading_text(text) == expected


def test_reference_links_point_at_the_sources_list():
    assert cat.refs_html([]) == ""
    assert cat.refs_html([2, 5]) == (' <span class="refs"><a class="ref" href="#bron-2" aria-label="bron 2">[2]</a>'
                                     '<a class="ref" href="#bron-5" aria-label="bron 5">[5]</a></span>')


ELEMENTS = [{"name": "Begin"}, {"name": "Midden"}, {"known": False, "name": "Fase 3"}, {"name": "Begin fase"},
            {"name": "Zonder bron"}]
REFS = [[1], [1, 2], [2], [3], []]


@pytest.mark.parametrize("heading, refs", [
    ("1. Begin", [1]),
    ("Midden: het drukke deel", [1, 2]),
    ("Begin fase", [3]),                 # the longest name that fits wins
    ("Begin fase twee", [3]),
    ("Beginnen", None),                  # a name must end at a word boundary
    ("Begint anders", None),
    ("Fase 3", None),                    # an unknown element shows no sources
    ("Zonder bron", None),
    ("Iets anders", None),
])
def test_an_element_heading_gets_the_links_of_its_sources(heading, refs):
    body = f'<p>x</p><h3 id="h">{heading}</h3><h2>Begin</h2>'
    got = cat.element_heading_refs(body, ELEMENTS, REFS)
    heading_html = f'<h3 id="h">{heading}{cat.refs_html(refs) if refs else ""}</h3>'
    assert got == f"<p>x</p>{heading_html}<h2>Begin</h2>"


def test_without_any_backed_element_the_body_is_left_as_it_is():
    body = "<h3>Begin</h3>"
    assert cat.element_heading_refs(body, [{"name": "Begin"}], [[]]) == body
    assert cat.element_heading_refs(body, [{"name": ""}], [[1]]) == body


# ------------------------------------------------------------------ timeline, undocumented list, open data


def test_the_timeline_runs_from_the_first_year_to_this_year_without_gaps():
    pages = {2010: ["a"], 2012: ["b", "c"]}
    later = [{"year": 2011, "name": "x"}, {"year": None, "name": "y"}, {"year": 2011, "name": "z"}]
    assert cat.timeline(pages, later, 2014) == [
        (2010, ["a"], []), (2011, [], [later[0], later[2]]), (2012, ["b", "c"], []), (2013, [], []), (2014, [], [])]
    assert cat.timeline({2015: ["a"]}, [{"year": 2009, "name": "x"}], 2011)[0] == (2009, [], [{"year": 2009, "name": "x"}])
    assert [y for y, _p, _u in cat.timeline({2015: ["a"]}, [], 2011)] == [2015]   # a year after this one still shows
    assert cat.timeline({}, [{"year": None}], 2014) == []


def test_in_language_picks_the_texts_of_the_edition():
    data = {"name": "N", "known": "bekend", "known_en": "known", "year": 1}
    assert cat._in_language(data, "nl") == {"name": "N", "known": "bekend", "year": 1}
    assert cat._in_language(data, "en") == {"name": "N", "known": "known", "year": 1}


@pytest.fixture(scope="module")
def good():
    return check_content(str(GOOD))


@pytest.mark.parametrize("lang, known, source_title", [
    ("nl", "Een testmodel waarvan alleen de naam en het aantal fasen bekend zijn.", "Vermelding op een naslagsite"),
    ("en", "A test model of which only the name and the number of phases are known.", "Mention on a reference site"),
])
def test_the_undocumented_list_holds_each_model_in_the_edition_language(good, lang, known, source_title):
    names = {"volwassenheid-adoptie": "Volwassenheid & adoptie"}
    (entry,) = cat.undocumented_entries(good, names, lang)
    assert entry == {
        "slug": "omega-framework", "name": "Omega Framework", "creators": ["onbekend"],
        "creators_note": "Geen bron noemt een maker." if lang == "nl" else "No source names a maker.",
        "year": 2012, "category": "volwassenheid-adoptie", "category_name": "Volwassenheid & adoptie",
        "known": known, "missing": entry["missing"],
        "sources": [{"title": source_title, "url": "https://example.org/omega", "seen": datetime.date(2026, 12, 2),
                     "kind": "reference", "kind_label": "naslagsite"}],
    }
    assert entry["missing"].startswith("De namen" if lang == "nl" else "The names")
    assert cat.undocumented_entries(good, {}, lang)[0]["category_name"] == "volwassenheid-adoptie"


def test_the_undocumented_list_is_sorted_by_name_and_empty_without_content(good):
    doc = good.undocumented[0]
    docs = [types.SimpleNamespace(path=f"/x/{slug}.yaml", data={**doc.data, "name": name})
            for slug, name in (("b", "beta"), ("a", "Alfa"), ("c", "Gamma"), ("d", "AlfaX"), ("e", "Alfa_x"))]
    entries = cat.undocumented_entries(types.SimpleNamespace(undocumented=docs), {}, "nl")
    # case does not count; punctuation comes before letters, whatever their case
    assert [(e["slug"], e["name"]) for e in entries] == [("a", "Alfa"), ("e", "Alfa_x"), ("d", "AlfaX"),
                                                         ("b", "beta"), ("c", "Gamma")]
    assert entries[0]["creators_note"] == "Geen bron noemt een maker."
    assert cat.undocumented_entries(None, {}, "nl") == []


def test_open_data_is_the_checked_front_matter_with_url_and_source_kinds(good):
    meta = next(d.data for d in good.models.values() if d.data["slug"] == "alpha")
    record = cat.open_data_record(types.SimpleNamespace(url="modellen/alpha/"), meta)
    assert record["slug"] == "alpha" and record["url"] == "modellen/alpha/"
    assert record["source_kinds"] == ["maker", "secondary"]
    # dates stay dates in the record; the writers turn them into YYYY-MM-DD as they serialise
    written = json.loads(json.dumps(record, default=str))
    assert record["confidence"] == meta["confidence"] and written["date"] == str(meta["date"])
    assert written["sources"][0]["seen"] == "2026-11-23"
    assert {k: v for k, v in written.items() if k not in ("url", "source_kinds")} == json.loads(
        json.dumps(meta, default=str))
    assert list(record)[:2] == ["slug", "url"]


@pytest.mark.parametrize("value, expected", [
    (None, ""), ("tekst", "tekst"), (2012, "2012"), (0, "0"), (["a", "é"], '["a", "é"]'),
    ({"x": SEEN}, '{"x": "2026-11-23"}'), ([], "[]"),
])
def test_a_csv_cell_holds_lists_as_json_and_nothing_as_empty(value, expected):
    assert cat._csv_value(value) == expected


# ------------------------------------------------------------------ reading: checked models, pages as usual


def reader_settings(content):
    from pelican.settings import read_settings

    return read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})


def test_a_model_is_read_from_the_check_and_the_file_is_not_read_again(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(GOOD, content)
    settings = reader_settings(content)
    cat.check_before_reading(types.SimpleNamespace(settings=settings))
    alpha = content / "models" / "volwassenheid-adoptie" / "alpha.md"
    checked = cat.checked_content(settings).models[str(alpha)]
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("Alfa-testmodel", "Veranderd"), encoding="utf-8")
    body, meta = cat.CatalogReader(settings).read(str(alpha))
    assert meta["title"] == "Alfa-testmodel" and meta["slug"] == "alpha" and meta["year"] == 2012
    assert meta["confidence"] == checked.data["confidence"] and meta["elements"] == checked.data["elements"]
    assert meta["date"].year == 2026 and "<p>" in meta["summary"]          # Pelican's own metadata types
    assert ">1. Begin</h3>" in body and "Alleen om de build te testen." in body


def test_a_page_or_an_unchecked_folder_is_read_from_its_file(tmp_path):
    page = tmp_path / "over.md"
    page.write_text('---\ntitle: "Over ons"\nsummary: "Kort *nieuws*."\ntags: [a, b]\n---\nTekst **vet**.\n',
                    encoding="utf-8")
    body, meta = cat.CatalogReader(reader_settings(tmp_path)).read(str(page))
    assert body == "<p>Tekst <strong>vet</strong>.</p>"
    assert meta["title"] == "Over ons" and meta["summary"] == "<p>Kort <em>nieuws</em>.</p>"
    assert [str(t) for t in meta["tags"]] == ["a", "b"]


def test_front_matter_that_is_no_mapping_gives_no_metadata(tmp_path, caplog):
    import yaml

    reader = cat.CatalogReader(reader_settings(tmp_path))
    assert reader._load_yaml_metadata("title: [open", str(tmp_path / "x.md")) == {}
    (broken,) = [r for r in caplog.records if "x.md" in r.getMessage()]
    assert "Error parsing YAML" in broken.getMessage() and isinstance(broken.exc_info[1], yaml.YAMLError)
    caplog.clear()
    assert reader._load_yaml_metadata("- een\n- twee\n", str(tmp_path / "y.md")) == {}
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        f"YAML header didn't parse as a dict for file '{tmp_path / 'y.md'}'"]
    caplog.clear()
    page = str(tmp_path / "z.md")   # a path of its own: Pelican says a warning only once per process
    assert reader._load_yaml_metadata("status: [hidden, draft]\n", page) == {"status": "hidden"}
    assert f"Duplicate definition of 'status' for '{page}'" in caplog.text
    assert reader._load_yaml_metadata("title: Goed\nstatus: hidden\n", "z.md") == {"title": "Goed", "status": "hidden"}


def test_markdown_files_are_read_by_the_catalogue_reader():
    readers = types.SimpleNamespace(reader_classes={"md": object, "html": object})
    cat.use_catalog_reader(readers)
    assert readers.reader_classes["html"] is object
    assert {ext: readers.reader_classes[ext] for ext in cat.CatalogReader.file_extensions} == {
        ext: cat.CatalogReader for ext in cat.CatalogReader.file_extensions}
    assert "md" in cat.CatalogReader.file_extensions


def test_every_kind_the_schema_allows_has_its_label():
    schema = json.loads((ROOT / "schemas" / "model.schema.json").read_text(encoding="utf-8"))
    assert sorted(cat.KIND_LABELS) == sorted(schema["properties"]["kind"]["enum"])
    assert len(set(cat.KIND_LABELS.values())) == len(cat.KIND_LABELS)


# ------------------------------------------------------------------ the indexes of a site without settings of its own


def generators(settings, articles=(), pages=(), hidden_pages=()):
    arts = types.SimpleNamespace(articles=list(articles), hidden_articles=[], drafts=[], settings=settings, context={})
    pgs = types.SimpleNamespace(pages=list(pages), hidden_pages=list(hidden_pages))
    return [pgs, arts], arts, pgs


def essay(slug):
    return types.SimpleNamespace(slug=slug, metadata={"essay": True})


def test_an_empty_site_gets_every_category_by_its_id_and_the_default_addresses(tmp_path):
    settings = {"PATH": str(tmp_path), "ARTICLE_PATHS": ["models"], "CATEGORY_URL": "c/{slug}.html",
                "DEFAULT_LANG": "nl"}
    about = types.SimpleNamespace(slug="over", metadata={})
    gens, arts, pgs = generators(settings, pages=[about, essay("meten-roi")], hidden_pages=[essay("kanalen-platformen")])
    cat.build_indexes(gens)
    catalog = arts.context["catalog"]
    ids = ["volwassenheid-adoptie", "implementatie-strategie", "focus-benadering", "weergave-doelgroep", "meten-roi",
           "kanalen-platformen"]
    assert [(c.id, c.name, c.url, c.count) for c in catalog.categories] == [(i, i, f"c/{i}.html", 0) for i in ids]
    assert catalog.by_id["meten-roi"].essay.slug == "meten-roi"
    assert catalog.by_id["kanalen-platformen"].essay.slug == "kanalen-platformen"
    assert catalog.by_id["focus-benadering"].essay is None
    assert pgs.pages == [about] and pgs.hidden_pages == []             # essays are not pages of their own
    assert (catalog.models, catalog.newest, catalog.by_slug, catalog.by_year, catalog.no_year) == ([], [], {}, [], [])
    assert catalog.undocumented == [] and catalog.alignment is None
    assert catalog.undocumented_url == "modellen/nog-niet-beschreven/"


def test_a_model_file_pelican_did_not_read_stops_the_build(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(GOOD, content)
    settings = {**reader_settings(content), "CATALOG_CATEGORIES": [(i, i) for i in cat.CATEGORY_IDS]}
    cat.check_before_reading(types.SimpleNamespace(settings=settings))
    gens, _arts, _pgs = generators(settings)
    first = sorted(cat.checked_content(settings).models)[0]
    with pytest.raises(cat.CatalogError, match=rf"^{re.escape(first)}: models: 5 model files, but Pelican read 0 "
                                                r"\(see its messages above\)$"):
        cat.build_indexes(gens)


def test_schema_org_keeps_letters_as_written():
    data, text = json_ld(creators=["Åsa Öberg"], summary="Één model")
    assert data["creator"] == [{"@type": "Person", "name": "Åsa Öberg"}]
    assert '"Åsa Öberg"' in text and '"Één model"' in text  # readable in the page source, not \u escapes


def test_a_heading_two_elements_share_gets_the_sources_of_the_first():
    body = "<h3>Evalueren</h3>"
    elements = [{"name": "Evalueren"}, {"name": "Evalueren"}]
    assert cat.element_heading_refs(body, elements, [[1], [2]]) == f"<h3>Evalueren{cat.refs_html([1])}</h3>"
