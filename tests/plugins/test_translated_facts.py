"""A translated model keeps the facts of its Dutch original: catalog.translations on small constructed pairs.

Each case changes the English file of one pair and compares the whole list of report lines
(`file:line: field: expected`), in order, with what an editor should read.
"""

import pytest
from catalog.translations import check_translations, counterpart_problems
from catalog.validate import read_markdown

NL = "content/models/meten-roi/testmodel.md"
EN = "content/en/models/meten-roi/testmodel.md"

DUTCH = """---
title: "Testmodel"
slug: testmodel
category: meten-roi
summary: "Een testmodel."
creators: ["Eerste Maker", "Tweede Maker"]
organisation: "Test Bureau (een uitleg in het Nederlands)"
year: 2012
kind: cycle
diagram: cycle
core: 1
assessment: check-test
related: [ander-model]
elements:
  - name: "Een"
    summary: "Eerste."
  - name: "Twee"
    known: false
sources:
  - title: "Rapport"
    url: "https://example.org/rapport"
    seen: 2026-11-23
    kind: maker
    supports: [makers, year, organisation, element-1]
  - title: "Samenvatting"
    url: "https://example.net/samenvatting"
    seen: 2026-11-24
    kind: secondary
    supports: [element-1]
---
Tekst.
"""

ENGLISH = """---
lang: en
title: "Test model"
slug: testmodel
category: meten-roi
summary: "A test model."
creators: ["Eerste Maker", "Tweede Maker"]
organisation: "Test Bureau (an explanation in English)"
year: 2012
kind: cycle
diagram: cycle
core: 1
assessment: check-test
related: [ander-model]
elements:
  - name: "Een"
    summary: "First."
  - name: "Twee"
    known: false
sources:
  - title: "Report"
    url: "https://example.org/rapport"
    seen: 2026-11-23
    kind: maker
    supports: [makers, year, organisation, element-1]
  - title: "Summary"
    url: "https://example.net/samenvatting"
    seen: 2026-11-24
    kind: secondary
    supports: [element-1]
---
Text.
"""


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def pair(root, english=ENGLISH, dutch=DUTCH):
    write(root, NL, dutch)
    write(root, EN, english)
    return [str(p) for p in check_translations("content", "en", [read_markdown(NL)], [read_markdown(EN)],
                                               page_folders=())]


def changed(old, new, text=ENGLISH):
    assert old in text, old
    return text.replace(old, new, 1)


def fault(line, field, expected):
    return f"{EN}:{line}: {field}: {expected}"


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the report names files as an editor types them, relative to here
    return tmp_path


def test_the_same_facts_in_other_words_are_no_fault(root):
    assert pair(root) == []


def test_organisation_compares_by_the_name_before_its_bracketed_explanation(root):
    assert pair(root, changed("Test Bureau (an explanation in English)", "Test Bureau")) == []
    assert pair(root, changed("Test Bureau (an", "Test Bureau  (an")) == []  # a double space is no fact
    assert pair(root, changed("Test Bureau (an", "Test Office (an")) == [
        fault(8, "organisation", f"'Test Bureau' as in {NL} (found 'Test Office')")]
    nested = "Test Bureau (nu deel van Groep (VS))"
    assert pair(root, changed("Test Bureau (an explanation in English)", "Test Bureau (now part of Group (US))"),
                changed("Test Bureau (een uitleg in het Nederlands)", nested, DUTCH)) == []
    assert pair(root, changed("Test Bureau (an", "Other Bureau (an")) == [
        fault(8, "organisation", f"'Test Bureau' as in {NL} (found 'Other Bureau')")]


@pytest.mark.parametrize("old,new,expected", [
    ('creators: ["Eerste Maker", "Tweede Maker"]', 'creators: ["Eerste Maker"]',
     [fault(7, "creators", f"['Eerste Maker', 'Tweede Maker'] as in {NL} (found ['Eerste Maker'])")]),
    ("year: 2012", "year: 2013", [fault(9, "year", f"2012 as in {NL} (found 2013)")]),
    ("year: 2012\n", "", [fault(2, "year", f"2012 as in {NL} (found absent)")]),
    ("kind: cycle", "kind: stages", [fault(10, "kind", f"'cycle' as in {NL} (found 'stages')")]),
    ("diagram: cycle", "diagram: petals", [fault(11, "diagram", f"'cycle' as in {NL} (found 'petals')")]),
    ("core: 1", "core: 2", [fault(12, "core", f"1 as in {NL} (found 2)")]),
    ("assessment: check-test\n", "", [fault(2, "assessment", f"'check-test' as in {NL} (found absent)")]),
    ("related: [ander-model]", "related: [ander-model, derde]",
     [fault(14, "related", f"['ander-model'] as in {NL} (found ['ander-model', 'derde'])")]),
    ('  - name: "Een"', '  - name: "One"', [fault(16, "elements[0].name", f"'Een' as in {NL} (found 'One')")]),
    ("    known: false\n", "",
     [fault(18, "elements[1].known", f"False as in {NL} (found absent)")]),
    ('  - name: "Twee"\n    known: false\n', "",
     [fault(15, "elements", f"2 elements as in {NL} (found 1)")]),
    ('    url: "https://example.org/rapport"', '    url: "https://example.org/report"',
     [fault(22, "sources[0].url", f"'https://example.org/rapport' as in {NL} (found 'https://example.org/report')")]),
    ("    seen: 2026-11-24", "    seen: 2026-11-25",
     [fault(28, "sources[1].seen", f"datetime.date(2026, 11, 24) as in {NL} "
                                   "(found datetime.date(2026, 11, 25))")]),
    ("    kind: secondary", "    kind: reference",
     [fault(29, "sources[1].kind", f"'secondary' as in {NL} (found 'reference')")]),
    ("    supports: [element-1]", "    supports: [element-1, critique]",
     [fault(30, "sources[1].supports", f"['element-1'] as in {NL} (found ['element-1', 'critique'])")]),
    ("    supports: [element-1]", "    supports: [critique, element-1]",
     [fault(30, "sources[1].supports", f"['element-1'] as in {NL} (found ['critique', 'element-1'])")]),
    ("lang: en\n", "", [fault(2, "lang", "'en' (a translated page says its language)")]),
    ("lang: en\ntitle: \"Test model\"", "title: \"Test model\"\nlang: nl",
     [fault(3, "lang", "'en' (a translated page says its language)")]),
])
def test_each_changed_fact_is_one_line_at_its_key(root, old, new, expected):
    assert pair(root, changed(old, new)) == expected


def test_a_fact_only_the_translation_has_is_a_fault_too(root):
    assert pair(root, changed("core: 1\n", "")) == [fault(2, "core", f"1 as in {NL} (found absent)")]
    assert pair(root, dutch=changed("core: 1\n", "", DUTCH)) == [fault(12, "core", f"absent as in {NL} (found 1)")]
    extra = changed("    summary: \"First.\"", "    summary: \"First.\"\n    known: true")
    assert pair(root, extra) == [fault(18, "elements[0].known", f"absent as in {NL} (found True)")]


def test_several_faults_come_in_the_order_of_the_fields(root):
    english = changed("lang: en\n", "")
    english = changed("    kind: maker", "    kind: publisher", english)
    english = changed('  - name: "Twee"', '  - name: "Two"', english)
    english = changed("year: 2012", "year: 2011", english)
    english = changed('creators: ["Eerste Maker", "Tweede Maker"]', 'creators: ["Tweede Maker", "Eerste Maker"]',
                      english)
    assert pair(root, english) == [
        fault(6, "creators", f"['Eerste Maker', 'Tweede Maker'] as in {NL} (found ['Tweede Maker', 'Eerste Maker'])"),
        fault(8, "year", f"2012 as in {NL} (found 2011)"),
        fault(17, "elements[1].name", f"'Twee' as in {NL} (found 'Two')"),
        fault(23, "sources[0].kind", f"'maker' as in {NL} (found 'publisher')"),
        fault(2, "lang", "'en' (a translated page says its language)"),
    ]


def test_a_missing_source_is_counted_and_the_others_still_compared(root):
    english = changed('  - title: "Summary"\n    url: "https://example.net/samenvatting"\n    seen: 2026-11-24\n'
                      "    kind: secondary\n    supports: [element-1]\n", "")
    english = changed("    kind: maker", "    kind: secondary", english)
    assert pair(root, english) == [
        fault(20, "sources", f"2 sources as in {NL} (found 1)"),
        fault(24, "sources[0].kind", f"'maker' as in {NL} (found 'secondary')"),
    ]
    no_sources = ENGLISH.split("sources:\n")[0] + "---\nText.\n"
    assert pair(root, no_sources) == [fault(2, "sources", f"2 sources as in {NL} (found 0)")]


def test_an_unreadable_file_of_either_edition_is_left_to_the_content_check(root):
    assert pair(root, "---\n- a list\n---\nText.\n") == []
    assert pair(root, dutch="---\n- a list\n---\nTekst.\n") == []
    assert pair(root, "no front matter\n") == []


def test_a_model_is_paired_by_its_place_below_the_models_folder(root):
    write(root, NL, DUTCH)
    write(root, EN, changed("year: 2012", "year: 2013"))
    write(root, "content/models/meten-roi/ander.md", changed("year: 2012", "year: 2013", DUTCH))
    write(root, "content/en/models/meten-roi/ander.md", ENGLISH)
    docs = {rel: read_markdown(rel) for rel in (NL, EN, "content/models/meten-roi/ander.md",
                                                "content/en/models/meten-roi/ander.md")}
    found = check_translations("content", "en", [docs[NL], docs["content/models/meten-roi/ander.md"]],
                               [docs["content/en/models/meten-roi/ander.md"], docs[EN]], page_folders=())
    assert [str(p) for p in found] == [
        "content/en/models/meten-roi/ander.md:9: year: 2013 as in content/models/meten-roi/ander.md (found 2012)",
        fault(9, "year", f"2012 as in {NL} (found 2013)")]


def test_every_file_needs_its_counterpart_in_the_other_edition(root):
    for rel in ("models/meten-roi/a.md", "models/meten-roi/b.md", "en/models/meten-roi/a.md",
                "en/models/focus-benadering/c.md", "pages/over.md", "en/pages/over.md", "pages/colofon.md",
                "categorieen/meten-roi.md", "en/categorieen/meten-roi.md", "en/categorieen/extra.md",
                # not pages: a README, a hidden file, a file of another kind
                "models/README.md", "models/.concept.md", "en/pages/notes.txt", "pages/sub/diep.md"):
        write(root, "content/" + rel, "---\ntitle: x\n---\n")
    assert [str(p) for p in counterpart_problems("content", "en", ("models", "pages", "categorieen"))] == [
        "content/models/meten-roi/b.md:1: translation: a counterpart in 'en' at content/en/models/meten-roi/b.md",
        "content/en/models/focus-benadering/c.md:1: translation: a Dutch original at "
        "content/models/focus-benadering/c.md",
        "content/pages/colofon.md:1: translation: a counterpart in 'en' at content/en/pages/colofon.md",
        "content/pages/sub/diep.md:1: translation: a counterpart in 'en' at content/en/pages/sub/diep.md",
        "content/en/categorieen/extra.md:1: translation: a Dutch original at content/categorieen/extra.md",
    ]
    found = [str(p) for p in check_translations("content", "en", [], [])]
    assert found == [str(p) for p in counterpart_problems("content", "en", ("models", "pages", "categorieen"))]
    assert [str(p) for p in check_translations("content", "en", [], [], page_folders=("pages",))] == found[:4]
    assert [str(p) for p in check_translations("content", "en", [], [], page_folders=(), model_folder="pages")] == [
        found[2], found[3]]
