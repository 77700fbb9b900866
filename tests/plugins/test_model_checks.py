"""The content check on one model file at a time (catalog.validate.check_content on a small tree).

Each case changes a valid model and compares the whole report an editor reads: every line
`file:line: field: expected`, in order, and nothing else.
"""

import datetime

import pytest
from catalog.validate import check_content

PATH = "content/models/volwassenheid-adoptie/testmodel.md"
THIS_YEAR = 2026

MODEL = """---
title: "Testmodel"
slug: testmodel
category: volwassenheid-adoptie
date: 2026-11-23
summary: "Een testmodel."
creators: ["Maker"]
organisation: "Bureau"
year: 2012
kind: stages
diagram: stages
elements:
  - name: "Een"
    summary: "Eerste."
  - name: "Twee"
    summary: "Tweede."
sources:
  - title: "Rapport"
    url: "https://example.org/rapport"
    seen: 2026-11-23
    kind: maker
    supports: [makers, year, organisation, elements]
---
Tekst.
"""


def changed(*edits, text=MODEL):
    for old, new in zip(edits[::2], edits[1::2], strict=True):
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the report names files as an editor types them, relative to here
    return tmp_path


def check(root, text, path=PATH):
    write(root, path, text)
    return [str(p) for p in check_content("content", this_year=THIS_YEAR).problems]


def at(line, field, expected, path=PATH):
    return f"{path}:{line}: {field}: {expected}"


def test_a_good_model_passes_and_gets_its_computed_confidence(root):
    write(root, PATH, MODEL)
    result = check_content("content", this_year=THIS_YEAR)
    assert result.problems == []
    [doc] = result.models.values()
    assert doc.shown == PATH and doc.usable
    assert doc.data["confidence"] == "hoog"
    write(root, PATH, changed("    kind: maker", "    kind: secondary"))
    [doc] = check_content("content", this_year=THIS_YEAR).models.values()
    assert doc.data["confidence"] == "middel"


TOMORROW = datetime.date.today() + datetime.timedelta(days=1)
FIXED = "; leave the key out and the build fills it in"

CASES = {
    "year this year": (("year: 2012", f"year: {THIS_YEAR}"), []),
    "year next year": (("year: 2012", f"year: {THIS_YEAR + 1}"),
                       [at(9, "year", f"a year no later than {THIS_YEAR} (not {THIS_YEAR + 1}), "
                                      "or no year key when unknown")]),
    "seen today": (("seen: 2026-11-23", f"seen: {datetime.date.today()}"), []),
    "seen tomorrow": (("seen: 2026-11-23", f"seen: {TOMORROW}"),
                      [at(20, "sources[0].seen", f"the day the source was really read, not after today "
                                                 f"({datetime.date.today()}), not {TOMORROW}")]),
    "slug not the file name": (("slug: testmodel", "slug: ander-model"),
                               [at(3, "slug", "the file name without .md ('testmodel'), not 'ander-model'")]),
    "slug badly written": (("slug: testmodel", "slug: Test_Model"),
                           [at(3, "slug", "lower-case letters, digits and single hyphens (the file name "
                                          "without .md)")]),
    "category not the folder": (("category: volwassenheid-adoptie", "category: meten-roi"),
                                [at(4, "category", "the folder the file is in ('volwassenheid-adoptie'), "
                                                   "not 'meten-roi'")]),
    "onbekend without note": (('creators: ["Maker"]', 'creators: ["onbekend"]'),
                              [at(7, "creators_note", "a note on what is known about the makers, required "
                                                      "with 'onbekend'")]),
    "onbekend with note": (('creators: ["Maker"]', 'creators: ["onbekend"]\ncreators_note: "Niemand weet het."'),
                           []),
    "matrix of two without axes": (("kind: stages\ndiagram: stages", "kind: matrix\ndiagram: matrix"),
                                   [at(11, "axes", "an x and a y label, required for a matrix diagram"),
                                    at(12, "elements", "exactly 4 elements for a matrix diagram (found 2)")]),
    "axes without a matrix": (("diagram: stages", 'diagram: stages\naxes: {x: "A", y: "B"}'),
                              [at(12, "axes", "no axes: they belong to a matrix diagram only")]),
    "core on a cycle": (("diagram: stages", "diagram: cycle\ncore: 2"), []),
    "core on petals": (("diagram: stages", "diagram: petals\ncore: 1"), []),
    "core past the end": (("diagram: stages", "diagram: cycle\ncore: 3"),
                          [at(12, "core", "the position of an element (1 to 2), not 3")]),
    "core on stages": (("diagram: stages", "diagram: stages\ncore: 1"),
                       [at(12, "core", "only a petals or cycle diagram has a centre element")]),
    "element-2 backed": (("organisation, elements]", "organisation, element-1, element-2]"), []),
    "element-3 of two": (("organisation, elements]", "organisation, element-1, element-3]"),
                         [at(22, "sources[0].supports[4]", "an element that exists (element-1 to element-2), "
                                                           "not 'element-3'")]),
    "element-0": (("organisation, elements]", "organisation, element-0, elements]"),
                  [at(22, "sources[0].supports[3]", "one of makers, year, organisation, elements, element-N "
                                                    "(N = element position), figures, critique, context"),
                   at(22, "sources[0].supports[3]", "an element that exists (element-1 to element-2), "
                                                    "not 'element-0'")]),
    "an unknown element backed": (('  - name: "Twee"\n    summary: "Tweede."', '  - known: false'),
                                  ("organisation, elements]", "organisation, element-1, element-2]"),
                                  [at(21, "sources[0].supports[4]", "a known element: element 2 is marked known: "
                                                                    "false, so no source backs it")]),
    "sources that are not all mappings": (("sources:\n", "sources:\n  - een tekst\n  - {title: B, url: "
                                           "\"https://example.org/b\", seen: 2026-11-23, kind: maker, supports: makers}\n"),
                                          ("organisation, elements]", "organisation, elements, element-3]",
                                           'url: "https://example.org/rapport"', 'url: "https://www.example,org/"'),
                                          [at(18, "sources[0]", "a mapping with title, url, seen, kind and supports"),
                                           at(19, "sources[1].supports", "a list of what the source backs (makers, year, "
                                                                      "organisation, elements, element-N, figures, "
                                                                      "critique, context)"),
                                           at(21, "sources[2].url", "a full http(s) address with a real host "
                                                                    "name ('www.example,org' is not one)"),
                                           at(24, "sources[2].supports[4]", "an element that exists (element-1 to "
                                                                            "element-2), not 'element-3'")]),
    "supports that is not a list": (("supports: [makers, year, organisation, elements]", "supports: makers"),
                                    [at(22, "sources[0].supports", "a list of what the source backs (makers, year, "
                                                                   "organisation, elements, element-N, figures, "
                                                                   "critique, context)")]),
    "a line break in the url": (('url: "https://example.org/rapport"', 'url: "https://example.org/rapport\\n"'),
                                [at(19, "sources[0].url", "a full http(s) address without spaces or line breaks")]),
    "summary typed short": (('summary: "Een testmodel."', 'summ: "Een testmodel."'),
                            [at(2, "summary", "this required key is missing"),
                             at(6, "summ", "a known key, not 'summ' (did you mean 'summary'?)")]),
    "two required keys missing": (('summary: "Een testmodel."\n', "", "kind: stages\n", ""),
                                  [at(2, "summary", "this required key is missing"),
                                   at(2, "kind", "this required key is missing")]),
    "year not backed": (("supports: [makers, year, organisation", "supports: [makers, organisation"),
                        [at(9, "year", "a source whose supports lists 'year' (the page states it as a fact)")]),
    "organisation not backed": (("supports: [makers, year, organisation", "supports: [makers, year"),
                                [at(8, "organisation", "a source whose supports lists 'organisation' "
                                                       "(the page states it as a fact)")]),
    "makers not backed": (("supports: [makers, year", "supports: [year"),
                          [at(7, "creators", "a source whose supports lists 'makers' (the page states it as a "
                                             "fact)")]),
    "no year, no organisation, unbacked": (("organisation: \"Bureau\"\nyear: 2012\n", "",
                                            "supports: [makers, year, organisation", "supports: [makers"), []),
    "onbekend needs no backing": (('creators: ["Maker"]', 'creators: ["onbekend"]\ncreators_note: "Onbekend."',
                                   "supports: [makers, year", "supports: [year"), []),
    "confidence as computed": (("diagram: stages", "diagram: stages\nconfidence: hoog"), []),
    "confidence too high": (("diagram: stages", "diagram: stages\nconfidence: hoog", "    kind: maker",
                             "    kind: secondary"),
                            [at(12, "confidence", "'middel' as computed from the sources, not 'hoog' (makers "
                                                  "not backed by a maker or publisher source; year not backed by a "
                                                  "maker or publisher source; 2 of 2 elements not backed by a maker "
                                                  "or publisher source)" + FIXED)]),
    "confidence too low": (("diagram: stages", "diagram: stages\nconfidence: laag"),
                           [at(12, "confidence", "'hoog' as computed from the sources, not 'laag' (every "
                                                 "condition for hoog is met)" + FIXED)]),
    "two bad urls": (('url: "https://example.org/rapport"', 'url: "https://example.org/rapport\\n"',
                      "supports: [makers, year, organisation, elements]\n",
                      "supports: [makers, year, organisation, elements]\n  - {title: B, url: \"https://b.c0m/\", "
                      "seen: 2026-11-23, kind: secondary, supports: [context]}\n"),
                     [at(19, "sources[0].url", "a full http(s) address without spaces or line breaks"),
                      at(23, "sources[1].url", "a full http(s) address with a real host name ('b.c0m' is not one)")]),
    "port that is a number": (('url: "https://example.org/rapport"', 'url: "https://example.org:8080/rapport"'),
                              []),
    "plain http": (('url: "https://example.org/rapport"', 'url: "http://www.example.org"'), []),
    "comma in the host": (('url: "https://example.org/rapport"', 'url: "https://www.example,org/rapport"'),
                          [at(19, "sources[0].url", "a full http(s) address with a real host name "
                                                    "('www.example,org' is not one)")]),
    "digits as top-level name": (('url: "https://example.org/rapport"', 'url: "https://example.c0m/"'),
                                 [at(19, "sources[0].url", "a full http(s) address with a real host name "
                                                           "('example.c0m' is not one)")]),
    "one-letter top-level name": (('url: "https://example.org/rapport"', 'url: "https://example.o/"'),
                                  [at(19, "sources[0].url", "a full http(s) address with a real host name "
                                                            "('example.o' is not one)")]),
    "label starting with a hyphen": (('url: "https://example.org/rapport"', 'url: "https://-example.org/"'),
                                     [at(19, "sources[0].url", "a full http(s) address with a real host name "
                                                               "('-example.org' is not one)")]),
    "label ending with a hyphen": (('url: "https://example.org/rapport"', 'url: "https://example-.org/"'),
                                   [at(19, "sources[0].url", "a full http(s) address with a real host name "
                                                             "('example-.org' is not one)")]),
    "empty label": (('url: "https://example.org/rapport"', 'url: "https://example..org/"'),
                    [at(19, "sources[0].url", "a full http(s) address with a real host name "
                                              "('example..org' is not one)")]),
    "port not a number": (('url: "https://example.org/rapport"', 'url: "https://example.org:80x/"'),
                          [at(19, "sources[0].url", "a full http(s) address with a real host name "
                                                    "('example.org:80x' is not one)")]),
}


@pytest.mark.parametrize("name", CASES)
def test_each_fault_of_one_model_is_one_line_at_its_key(root, name):
    *edits, expected = CASES[name]
    text = MODEL
    for edit in edits:
        text = changed(*edit, text=text)
    assert check(root, text) == expected


def test_faults_are_listed_by_line_and_a_misshapen_model_is_not_used(root):
    text = changed("year: 2012", f"year: {THIS_YEAR + 5}", 'creators: ["Maker"]', 'creators: ["onbekend"]',
                   "slug: testmodel", "slug: anders", "diagram: stages", "diagram: stages\nconfidence: middel")
    write(root, PATH, text)
    result = check_content("content", this_year=THIS_YEAR)
    assert [str(p) for p in result.problems] == [
        at(3, "slug", "the file name without .md ('testmodel'), not 'anders'"),
        at(7, "creators_note", "a note on what is known about the makers, required with 'onbekend'"),
        at(9, "year", f"a year no later than {THIS_YEAR} (not {THIS_YEAR + 5}), or no year key when unknown"),
    ]  # the confidence is not compared while the shape is wrong
    assert result.models == {}


def test_a_model_that_is_not_a_mapping_is_one_fault(root):
    assert check(root, "---\n- een lijst\n---\nTekst.\n") == [at(2, "front matter", "a YAML mapping of keys to values")]
    assert check(root, "---\n\n---\nTekst.\n") == [at(2, "front matter", "a YAML mapping of keys to values")]
    assert check(root, "Tekst zonder kop.\n") == [
        at(1, "front matter", "a YAML block between two '---' lines at the top of the file")]


def test_the_year_rule_ignores_what_is_not_a_whole_number(root):
    assert check(root, changed("year: 2012", "year: true")) == [
        at(9, "year", "a whole year from 1990 on, or no year key when no source settles it")]
    assert check(root, changed("year: 2012", "year: 2012\nconfidence: hoog")) == []


def test_the_file_and_its_folders_decide_slug_and_category(root):
    nested = "content/models/volwassenheid-adoptie/deel/testmodel.md"
    assert check(root, MODEL, nested) == []
    top = "content/models/testmodel.md"
    (root / nested).unlink()
    assert check(root, changed("category: volwassenheid-adoptie", "category: meten-roi"), top) == []


GOOD = __import__("tests.conftest", fromlist=["ROOT"]).ROOT / "tests" / "fixtures" / "content-good"


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_faults_between_files_name_the_other_file(root):
    import shutil

    shutil.copytree(GOOD, root / "content")
    models = root / "content" / "models"
    twin = (models / "meten-roi" / "beta.md").read_text(encoding="utf-8").replace("category: meten-roi",
                                                                                 "category: focus-benadering")
    (models / "focus-benadering" / "beta.md").write_text(twin, encoding="utf-8")
    edit(models / "volwassenheid-adoptie" / "alpha.md", "related: [beta]",
         "related: [beta, alpha, zeta, omega-framework]")
    write(root, "content/assessments/een.yaml", "# een test\nid: check-een\n")
    write(root, "content/assessments/twee.yaml", 'title: x\nid: "check-twee"  # met uitleg\nid: check-drie\n')
    edit(models / "kanalen-platformen" / "gamma.md", "slug: gamma\n", "slug: gamma\nassessment: check-twee\n")
    edit(models / "focus-benadering" / "delta.md", "slug: delta\n", "slug: delta\nassessment: check-drie\n")
    write(root, "content/undocumented/gamma.yaml",
          (GOOD / "undocumented" / "omega-framework.yaml").read_text(encoding="utf-8"))
    write(root, "content/alignment.yaml", "\n".join([
        "scale:", "  - {id: 1, name: Beginnen}", "  - {id: 2, name: Groeien}", "models:", "  - slug: alpha",
        "    stages:", '      - {name: "begin ", element: 1, step: 1}', '      - {name: "Mid", element: 2, step: 2}',
        '      - {name: "Fase 3", element: 3, step: 1}', '      - {name: "Eind", element: 4, step: 3}',
        '      - {name: "Begin", element: 0, step: 1}', '      - {name: "Midden", element: 1, step: 1}',
        '      - {name: "", element: 2, step: 1}', "  - slug: zeta", "    stages: []", ""]))
    alpha, align = "content/models/volwassenheid-adoptie/alpha.md", "content/alignment.yaml"
    assert [str(p) for p in check_content("content").problems] == [
        "content/models/focus-benadering/delta.md:4: assessment: the id of an assessment in content/assessments "
        "('check-drie' is not one)",
        "content/models/meten-roi/beta.md:3: slug: a unique slug ('beta' is also used by "
        "content/models/focus-benadering/beta.md)",
        f"{alpha}:31: related[1]: another model than this one",
        f"{alpha}:31: related[2]: the slug of an existing model ('zeta' does not exist)",
        f"{alpha}:31: related[3]: the slug of an existing model ('omega-framework' does not exist)",
        "content/undocumented/gamma.yaml:1: name: a model without a page: content/models/kanalen-platformen/gamma.md "
        "describes 'gamma' (delete one of the two)",
        f"{align}:9: models[0].stages[2].element: a known element of alpha: element 3 is marked known: false",
        f"{align}:10: models[0].stages[3].element: an element number of alpha (1 to 3), not 4",
        f"{align}:10: models[0].stages[3].step: a step id of the scale (1, 2)",
        f"{align}:11: models[0].stages[4].element: the 1-based position of the stage among the model's elements",
        f"{align}:11: models[0].stages[4].element: an element number of alpha (1 to 3), not 0",
        f"{align}:12: models[0].stages[5].name: the name of element 1 of alpha or its first words ('Begin'), "
        "not 'Midden'",
        f"{align}:13: models[0].stages[6].name: the stage's name as the model page writes it",
        f"{align}:13: models[0].stages[6].name: the name of element 2 of alpha or its first words ('Midden'), not ''",
        f"{align}:14: models[1].slug: the slug of an existing model ('zeta' does not exist)",
        f"{align}:15: models[1].stages: a list of the model's stages (at least 1)",
    ]


def test_data_files_that_are_not_mappings_and_files_that_are_no_data(root):
    import shutil

    shutil.copytree(GOOD, root / "content")
    write(root, "content/alignment.yaml", "- alpha\n- beta\n")
    write(root, "content/undocumented/lijst.yaml", "- een\n- twee\n")
    write(root, "content/undocumented/LEESMIJ.txt", "Eén bestand per model: naam.yaml\n")
    write(root, "content/undocumented/.concept.yaml", "half af: [\n")
    result = check_content("content")
    assert [str(p) for p in result.problems] == [
        "content/undocumented/lijst.yaml:1: entry: a mapping with name, creators, category, known, missing and "
        "sources",
        "content/alignment.yaml:1: alignment: a mapping with scale and models"]
    assert result.alignment.shown == "content/alignment.yaml"
    assert [d.shown for d in result.undocumented] == ["content/undocumented/lijst.yaml",
                                                      "content/undocumented/omega-framework.yaml"]


def test_a_model_that_cannot_be_read_still_counts_as_existing_for_links(root):
    import shutil

    shutil.copytree(GOOD, root / "content")
    (root / "content/alignment.yaml").unlink()
    edit(root / "content/models/meten-roi/beta.md", "year: 2015", "year: [2015")
    result = check_content("content")
    assert [str(p) for p in result.problems] == [  # alpha's link to beta is no fault
        "content/models/meten-roi/beta.md:9: YAML: valid YAML syntax (did not find expected ',' or ']'; while parsing "
        "a flow sequence that starts on line 8)"]
    assert result.alignment is None and sorted(result.models) == sorted(
        str(p) for p in (root / "content/models").rglob("*.md") if p.name != "beta.md")


def test_an_alignment_entry_that_is_wrong_does_not_hide_the_entries_after_it(root):
    import shutil

    shutil.copytree(GOOD, root / "content")
    write(root, "content/alignment.yaml", "\n".join([
        "scale: [{id: 1, name: Beginnen}, {id: 2, name: Groeien}]", "models:", "  - alleen een naam", "  - slug: zeta",
        "    stages: [{name: x, element: 1, step: 1}]", "  - slug: alpha", "    stages:", "      - alleen een naam",
        '      - {name: "Eind", element: 4, step: 1}', ""]))
    align = "content/alignment.yaml"
    assert [str(p) for p in check_content("content").problems] == [
        f"{align}:3: models[0]: a mapping with slug and stages",
        f"{align}:4: models[1].slug: the slug of an existing model ('zeta' does not exist)",
        f"{align}:8: models[2].stages[0]: a mapping with name, element and step",
        f"{align}:9: models[2].stages[1].element: an element number of alpha (1 to 3), not 4"]


def test_a_stage_named_after_an_element_without_a_name_is_a_fault_too(root):
    import shutil

    shutil.copytree(GOOD, root / "content")
    edit(root / "content/models/volwassenheid-adoptie/alpha.md", '  - name: "Begin"\n', "  - ")
    edit(root / "content/alignment.yaml", '      - {name: "Midden"', '      - {name: "X", element: 1, step: 1}\n'
                                                                      '      - {name: "Midden"')
    assert [str(p) for p in check_content("content").problems] == [
        "content/models/volwassenheid-adoptie/alpha.md:13: elements[0].name: this required key is missing",
        "content/alignment.yaml:7: models[0].stages[0].name: the name of element 1 of alpha or its first words "
        "('None'), not 'Begin'",
        "content/alignment.yaml:8: models[0].stages[1].name: the name of element 1 of alpha or its first words "
        "('None'), not 'X'"]
