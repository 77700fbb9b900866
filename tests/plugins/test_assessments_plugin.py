"""The assessments plugin called directly: definitions per edition, the forms' data, the method page's
data, the time estimate, the scoring zip and the runtime files shipped with the site."""

import hashlib
import io
import json
import os
import pathlib
import types
import zipfile

import pytest
import yaml
from assessments import plugin as ap
from assessments.editions import EditionError, edition

import scoring
from tests.conftest import ROOT

CONTENT = ROOT / "content"
DEFINITIONS = sorted((CONTENT / "assessments").glob("*.yaml"))
NODE_MODULES = os.environ.get("MUTATION_NODE_MODULES", str(ROOT / "node_modules"))
PACKAGE = ROOT / "scoring"


def test_there_are_definitions_to_test():
    assert len(DEFINITIONS) >= 10


# ------------------------------------------------------------------ editions of a definition


DEFINITION = {
    "id": "x", "title": "Titel", "title_en": "Title", "minutes": 3,
    "questions": [{"id": "q1", "text": "Vraag?", "text_en": "Question?", "help": 4,
                   "options": [{"id": "a", "label": "Ja", "label_en": "Yes", "points": 1}]}],
    "source": "https://example.org/text", "names": ["text", "label"],
}


@pytest.mark.parametrize("lang, expected", [
    ("nl", {"id": "x", "title": "Titel", "minutes": 3,
            "questions": [{"id": "q1", "text": "Vraag?", "help": 4, "options": [{"id": "a", "label": "Ja", "points": 1}]}],
            "source": "https://example.org/text", "names": ["text", "label"]}),
    ("en", {"id": "x", "title": "Title", "minutes": 3,
            "questions": [{"id": "q1", "text": "Question?", "help": 4, "options": [{"id": "a", "label": "Yes", "points": 1}]}],
            "source": "https://example.org/text", "names": ["text", "label"]}),
])
def test_an_edition_holds_the_texts_of_its_language_under_the_plain_keys(lang, expected):
    assert edition(DEFINITION, lang) == expected


def test_a_third_language_is_picked_the_same_way():
    data = {"title": "Titel", "title_en": "Title", "title_de": "Titel DE"}
    assert edition(data, "de", ("nl", "en", "de")) == {"title": "Titel DE"}
    assert edition(data, "en", ("nl", "en", "de")) == {"title": "Title"}
    assert edition({"title": "Title", "title_nl": "Titel"}, "nl", ("en", "nl"), "en") == {"title": "Titel"}


def test_every_missing_or_stray_translation_is_named_by_its_path():
    data = {"title": "Titel", "intro_en": "Intro",
            "questions": [{"text": "Vraag?", "options": [{"label": "Ja", "label_en": "Yes"}, {"label": "Nee"}]}],
            "models": [{"stages": [{"meaning": "Betekenis", "next": "Verder", "next_en": "Next"}]}]}
    with pytest.raises(EditionError) as raised:
        edition(data, "en")
    assert str(raised.value).splitlines() == [
        "title_en: the 'en' text beside 'title' (every text of a definition has one)",
        "intro_en: a translation of 'intro', which this mapping does not have",
        "questions[0].text_en: the 'en' text beside 'text' (every text of a definition has one)",
        "questions[0].options[1].label_en: the 'en' text beside 'label' (every text of a definition has one)",
        "models[0].stages[0].meaning_en: the 'en' text beside 'meaning' (every text of a definition has one)",
    ]
    with pytest.raises(EditionError):
        edition(data, "nl")   # the Dutch edition needs the translations too: both editions score alike


def test_only_texts_need_a_translation():
    data = {"id": "x", "because": ["a"], "label": None, "description": 5, "url": "u"}
    assert edition(data, "en") == data
    assert edition(data, "en", ("nl",)) == data


# ------------------------------------------------------------------ loading the definitions


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_definition_loads_in_both_editions(lang):
    found = ap.load_definitions(str(CONTENT), "assessments", lang)
    assert sorted(rel for rel, _d, _a in found.values()) == [f"assessments/{p.name}" for p in DEFINITIONS]
    for aid, (rel, data, assessment) in found.items():
        raw = yaml.safe_load((CONTENT / rel).read_text(encoding="utf-8"))
        assert aid == raw["id"] == assessment.id
        assert data["title"] == (raw["title"] if lang == "nl" else raw["title_en"]) == assessment.title
        assert not any(key.endswith("_en") for key in data)


def write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True),
                               encoding="utf-8")


def good_definition():
    return yaml.safe_load(DEFINITIONS[0].read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, change, message", [
    ("a.yaml", lambda d: "id: [unclosed", r"^assessments/a\.yaml: \(document\): valid YAML: "),
    ("b.yaml", lambda d: {k: v for k, v in d.items() if k != "title_en"},
     r"^assessments/b\.yaml: title_en: the 'en' text beside 'title'"),
    ("c.yaml", lambda d: {**d, "minutes": 0}, r"^assessments/c\.yaml: minutes"),
])
def test_a_broken_definition_stops_the_build_naming_file_and_field(tmp_path, name, change, message):
    write(tmp_path / "assessments", name, change(good_definition()))
    with pytest.raises(ap.AssessmentError, match=message):
        ap.load_definitions(str(tmp_path), "assessments", "nl")


def test_each_line_of_a_translation_fault_names_the_file(tmp_path):
    data = good_definition()
    del data["title_en"], data["intro_en"]
    write(tmp_path / "assessments", "d.yaml", data)
    with pytest.raises(ap.AssessmentError) as raised:
        ap.load_definitions(str(tmp_path), "assessments", "nl")
    lines = str(raised.value).splitlines()
    assert len(lines) == 2 and all(line.startswith("assessments/d.yaml: ") for line in lines)


def test_two_definitions_with_one_id_are_refused(tmp_path):
    data = good_definition()
    write(tmp_path / "assessments", "a.yaml", data)
    write(tmp_path / "assessments", "b.yaml", data)
    write(tmp_path / "elders", "c.yaml", "id: [unclosed")    # another folder is not read
    with pytest.raises(ap.AssessmentError, match=rf"^assessments/b\.yaml: id: a unique id \('{data['id']}' is "
                                                  r"also used by assessments/a\.yaml\)$"):
        ap.load_definitions(str(tmp_path), "assessments", "nl")


def test_a_folder_without_definitions_has_none(tmp_path):
    assert ap.load_definitions(str(tmp_path), "assessments", "nl") == {}


# ------------------------------------------------------------------ the method page's data


def expected_rules(data, stage):
    """The rules of one stage as the method page should print them, read from the definition itself."""
    questions = [q["id"] for q in data["questions"]]
    dimensions = {d["id"]: d["label"] for d in data["dimensions"]}
    rules = []
    if stage.get("min", 0) > 0:
        rules.append({"kind": "score", "score": stage["min"], "because": "", "source": ""})
    for rule in stage.get("rules", []):
        if "question" in rule:
            question = data["questions"][questions.index(rule["question"])]
            options = [o["id"] for o in question["options"]]
            index = options.index(rule["at_least"])
            rules.append({"kind": "question", "question": rule["question"], "number": questions.index(rule["question"]) + 1,
                          "text": question["text"], "option": rule["at_least"], "option_number": index + 1,
                          "option_label": question["options"][index]["label"],
                          "because": rule["because"], "source": rule["source"]})
        else:
            rules.append({"kind": "dimension", "dimension": rule["dimension"], "label": dimensions[rule["dimension"]],
                          "score": rule["at_least"], "because": rule["because"], "source": rule["source"]})
    return rules


@pytest.mark.parametrize("path", DEFINITIONS, ids=lambda p: p.stem)
def test_the_method_page_data_follows_the_definition(path):
    data = edition(yaml.safe_load(path.read_text(encoding="utf-8")), "nl")
    assessment = scoring.load(data)
    got = ap.method_data(assessment)
    labels = {d["id"]: d["label"] for d in data["dimensions"]}
    assert got["dimension_labels"] == labels
    assert [m["model"] for m in got["models"]] == [m["model"] for m in data["models"]]
    for shown, mapping, loaded in zip(got["models"], data["models"], assessment.models, strict=True):
        assert shown["title"] == mapping["title"] and shown["placement"] == loaded.placement
        basis = mapping["basis"]
        assert shown["basis"] == ("overall" if basis == "overall" else [labels[d] for d in basis])
        assert [(s["id"], s["label"], s["position"]) for s in shown["stages"]] == [
            (s["id"], s["label"], i + 1) for i, s in enumerate(mapping["stages"])]
        for stage_shown, stage in zip(shown["stages"], mapping["stages"], strict=True):
            assert stage_shown["rules"] == expected_rules(data, stage), stage["id"]
        assert shown["estimated"] == [s["label"] for s in shown["stages"] if s["estimated"]]
        assert [s["estimated"] for s in shown["stages"]] == [s.estimated for s in loaded.stages]
    assert got["next_steps"] == [{"dimension": s["dimension"], "label": labels[s["dimension"]], "text": s["text"]}
                                 for s in data.get("next_steps", [])]


def with_a_dimension_rule():
    """The first definition with its first question rule turned into a rule on that question's dimension."""
    data = good_definition()
    for mapping in data["models"]:
        for stage in mapping["stages"]:
            for i, rule in enumerate(stage.get("rules", [])):
                if "question" in rule:
                    dimension = next(q["dimension"] for q in data["questions"] if q["id"] == rule["question"])
                    stage["rules"][i] = {"dimension": dimension, "at_least": 30.5,
                                         **{k: v for k, v in rule.items() if k.startswith(("because", "source"))}}
                    mapping["basis"] = sorted({q["dimension"] for q in data["questions"]})[:2]
                    return data
    raise AssertionError("no question rule to turn")


def test_a_rule_on_a_dimension_prints_its_label_and_score():
    data = edition(with_a_dimension_rule(), "nl")
    got = ap.method_data(scoring.load(data))
    for shown, mapping in zip(got["models"], data["models"], strict=True):
        for stage_shown, stage in zip(shown["stages"], mapping["stages"], strict=True):
            assert stage_shown["rules"] == expected_rules(data, stage), stage["id"]
    rules = [r for m in got["models"] for s in m["stages"] for r in s["rules"] if r["kind"] == "dimension"]
    assert len(rules) == 1 and rules[0]["score"] == 30.5
    labels = {d["id"]: d["label"] for d in data["dimensions"]}
    assert got["models"][0]["basis"] == [labels[d] for d in data["models"][0]["basis"]]


def test_some_definition_has_score_and_question_rules_and_an_estimated_stage():
    kinds, estimated = set(), False
    for path in DEFINITIONS:
        got = ap.method_data(scoring.load(edition(yaml.safe_load(path.read_text(encoding="utf-8")), "nl")))
        for model in got["models"]:
            estimated |= bool(model["estimated"])
            kinds |= {r["kind"] for s in model["stages"] for r in s["rules"]}
    assert kinds == {"score", "question"} and estimated


@pytest.mark.parametrize("definition", [{}, {"model": None, "next_steps": [{"dimension": "a"}]},
                                        {"models": [{"model": "m"}], "next_steps": []}])
def test_a_definition_without_lists_of_models_or_stages_names_only_what_it_has(definition):
    assert list(ap.linked_models(definition)) == ([("models[0].model", "m")] if definition.get("models") else [])


# ------------------------------------------------------------------ the form


def question(text, *labels):
    return {"text": text, "options": [{"label": label} for label in labels]}


@pytest.mark.parametrize("questions, expected", [
    ([], (0, 0)),
    ([question("Een twee drie", "vier", "vijf zes")], (6, 1)),
    ([question("woord " * 200)] + [question("")] * 5, (200, 2)),
    ([question("woord " * 201)] + [question("")] * 5, (201, 3)),
    ([question("")] * 7, (0, 2)),
    ([question("woord " * 400)] + [question("")] * 11, (400, 4)),
])
def test_the_time_estimate_reads_200_words_a_minute_and_chooses_in_ten_seconds(questions, expected):
    assert ap.reading_time(questions) == expected


def article(slug, title=None):
    return types.SimpleNamespace(slug=slug, url=f"modellen/{slug}/", title=title or slug.title(), metadata={})


def test_a_widget_carries_what_the_form_shows():
    data = edition(good_definition(), "nl")
    data["dimensions"][0]["label"] = "Één & ander"
    models = {"eigen": article("eigen", "Eigen modèl"), data["model"]: article(data["model"], "Het model")}
    widget = ap.Widget(data, models, {"ASSESSMENTS": {"method_url": "method/"}})
    assert (widget.id, widget.title, widget.questions, widget.total) == (
        data["id"], data["title"], data["questions"], len(data["questions"]))
    assert (widget.words, widget.minutes) == ap.reading_time(data["questions"])
    assert json.loads(widget.dimension_names) == {d["id"]: d["label"] for d in data["dimensions"]}
    assert "Één & ander" in widget.dimension_names and "Eigen modèl" in widget.model_urls   # as written, not escaped
    assert json.loads(widget.model_urls) == {"eigen": ["modellen/eigen/", "Eigen modèl"],
                                             data["model"]: [f"modellen/{data['model']}/", "Het model"]}
    assert widget.method_url == "method/" and widget.kind == "organisation"
    assert (widget.model_url, widget.model_title) == (f"modellen/{data['model']}/", "Het model")
    assert widget.method == ap.method_data(scoring.load(data))
    assert widget.unknown == scoring.UNKNOWN


def test_a_widget_without_its_model_page_has_no_model_link():
    data = edition(good_definition(), "nl")
    loaded = scoring.load(data)
    del data["kind"]
    widget = ap.Widget(data, {}, {}, loaded)
    assert widget.model_url is None and widget.model_title is None and widget.model_urls == "{}"
    assert widget.method_url == "hoe-we-scoren/" and widget.kind == "organisation"


# ------------------------------------------------------------------ attaching the forms to pages


SMALL = ("check-sprout-social-maturity-stages.yaml", "persoon-engagement-pyramid.yaml")


@pytest.fixture
def content(tmp_path):
    """A content folder with one quick check of an organisation and one assessment of a person."""
    for name in SMALL:
        write(tmp_path / "assessments", name, (CONTENT / "assessments" / name).read_text(encoding="utf-8"))
    return tmp_path


def raw(name):
    return yaml.safe_load((CONTENT / "assessments" / name).read_text(encoding="utf-8"))


def generators(content, articles, pages, hidden=(), lang="nl"):
    settings = {"PATH": str(content), "DEFAULT_LANG": lang, "SITE_LANGUAGES": [("nl", "N"), ("en", "E")]}
    arts = types.SimpleNamespace(articles=articles, settings=settings, context={})
    pgs = types.SimpleNamespace(pages=pages, hidden_pages=list(hidden))
    return [pgs, arts], arts


def linked_slugs():
    return sorted({slug for name in SMALL for _w, slug in ap.linked_models(raw(name))})


def page(content, assessment=None):
    meta = {"assessment": assessment} if assessment else {}
    return types.SimpleNamespace(metadata=meta, source_path=str(content / "pages" / "p.md"))


def test_each_page_gets_the_forms_it_asks_for(content):
    check, person = raw(SMALL[0]), raw(SMALL[1])
    models = [article(slug) for slug in linked_slugs()]
    own = next(a for a in models if a.slug == check["model"])
    other = next(a for a in models if a.slug not in (check["model"], person.get("model")))
    other.metadata = {"assessment": person["id"]}
    own.metadata = {"assessment": check["id"]}
    single, both, plain, hidden = (page(content, person["id"]), page(content, f"{check['id']}, {person['id']}"),
                                   page(content), page(content, check["id"]))
    gens, arts = generators(content, models, [single, both, plain], [hidden])
    ap.attach(gens)
    assert [w.id for w in own.widgets] == [check["id"]] and own.widget is True   # its quick check, once
    assert [w.id for w in other.widgets] == [person["id"]] and other.widget is True
    assert [w.id for w in both.widgets] == [check["id"], person["id"]] and both.widget is True
    assert [w.id for w in single.widgets] == [person["id"]] and single.widget is True
    assert [w.id for w in hidden.widgets] == [check["id"]] and hidden.widget is True
    assert plain.widget is False and not hasattr(plain, "widgets")
    quiet = [a for a in models if a not in (own, other) and a.slug != person.get("model")]
    assert quiet and all(a.widgets == [] and a.widget is False for a in quiet)
    listed = arts.context["assessments"]
    assert [(w.kind, w.id) for w in listed] == [("organisation", check["id"]), ("person", person["id"])]
    assert listed[0].title == check["title"] and listed[0].model_title == own.title
    assert arts.context["assessment_definitions"] == {check["id"]: edition(check, "nl"),
                                                      person["id"]: edition(person, "nl")}


def test_forms_of_one_kind_are_listed_by_title(content):
    data = raw(SMALL[0])
    write(content / "assessments", "z.yaml", {**data, "id": "aaa-tweede", "title": "Aaa eerst"})
    gens, arts = generators(content, [article(slug) for slug in linked_slugs()], [])
    ap.attach(gens)
    assert [w.id for w in arts.context["assessments"]] == ["aaa-tweede", data["id"], raw(SMALL[1])["id"]]


def test_the_english_edition_attaches_the_english_texts(content):
    gens, arts = generators(content, [article(slug) for slug in linked_slugs()], [], lang="en")
    ap.attach(gens)
    data = raw(SMALL[0])
    assert arts.context["assessment_definitions"][data["id"]]["title"] == data["title_en"]
    assert arts.context["assessments"][0].title == data["title_en"]


def dutch_only(node):
    if isinstance(node, list):
        return [dutch_only(item) for item in node]
    if isinstance(node, dict):
        return {k: dutch_only(v) for k, v in node.items() if not k.endswith("_en")}
    return node


def test_a_one_language_site_needs_no_translations(content):
    data = dutch_only(raw(SMALL[0]))
    write(content / "assessments", SMALL[0], data)
    write(content / "assessments", SMALL[1], dutch_only(raw(SMALL[1])))
    gens, arts = generators(content, [article(slug) for slug in linked_slugs()], [])
    del arts.settings["SITE_LANGUAGES"]
    ap.attach(gens)
    assert arts.context["assessment_definitions"][data["id"]]["title"] == data["title"]
    arts.settings["SITE_LANGUAGES"] = [("nl", "N"), ("en", "E")]
    with pytest.raises(ap.AssessmentError, match="title_en"):
        ap.attach(gens)


def test_a_definition_naming_a_missing_model_stops_the_build(content):
    slugs = linked_slugs()
    gens, _arts = generators(content, [article(slug) for slug in slugs if slug != slugs[0]], [])
    with pytest.raises(ap.AssessmentError, match=rf"^assessments/[a-z-]+\.yaml: [a-z_.\[\]0-9]+: the slug of an "
                                                  rf"existing model \('{slugs[0]}' does not exist\)$"):
        ap.attach(gens)


def test_a_page_asking_for_a_missing_form_stops_the_build(content):
    gens, _arts = generators(content, [article(slug) for slug in linked_slugs()],
                             [page(content, f"{raw(SMALL[0])['id']},bestaat-niet")])
    with pytest.raises(ap.AssessmentError, match=r"^pages/p\.md: assessment: the id of a definition in "
                                                  r"content/assessments/ \('bestaat-niet' does not exist\)$"):
        ap.attach(gens)


# ------------------------------------------------------------------ the runtime


def test_the_scoring_zip_holds_the_package_and_the_definitions_and_is_reproducible():
    definitions = {"b": {"title": "Bé", "n": 1}, "a": {"title": "A"}}
    packed = ap.scoring_zip(str(PACKAGE), definitions)
    assert packed == ap.scoring_zip(str(PACKAGE), dict(reversed(definitions.items())))
    with zipfile.ZipFile(io.BytesIO(packed)) as archive:
        names = archive.namelist()
        sources = sorted(str(p.relative_to(PACKAGE.parent)) for p in PACKAGE.rglob("*.py"))
        assert names == sources + ["assessment_definitions.json"]
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in archive.infolist())
        assert archive.read("scoring/__init__.py") == (PACKAGE / "__init__.py").read_bytes()
        text = archive.read("assessment_definitions.json").decode("utf-8")
    assert json.loads(text) == definitions and "Bé" in text and text.index('"a"') < text.index('"b"')


def test_definitions_with_dates_are_packed_as_text():
    import datetime

    packed = ap.scoring_zip(str(PACKAGE), {"a": {"seen": datetime.date(2026, 1, 2)}})
    with zipfile.ZipFile(io.BytesIO(packed)) as archive:
        assert json.loads(archive.read("assessment_definitions.json")) == {"a": {"seen": "2026-01-02"}}


def version_of(package):
    with open(os.path.join(NODE_MODULES, package, "package.json"), encoding="utf-8") as handle:
        return json.load(handle)["version"]


def test_the_runtime_version_names_the_pinned_packages_and_the_zip():
    version = ap.runtime_version(NODE_MODULES, b"zip")
    assert version == "-".join([version_of("pyodide"), version_of(os.path.join("@pyscript", "core")),
                                version_of("qrcode-generator"), hashlib.sha256(b"zip").hexdigest()[:12]])


def test_the_runtime_is_shipped_with_the_site(tmp_path):
    definitions = {"a": {"title": "A"}}
    conf = {**ap.DEFAULTS, "node_modules": NODE_MODULES, "scoring_package": str(PACKAGE)}
    (tmp_path / "runtime" / "pyodide").mkdir(parents=True)
    (tmp_path / "runtime" / "pyodide" / "pyodide.mjs").write_text("old", encoding="utf-8")   # replaced
    ap.ship_runtime(str(tmp_path), conf, definitions)
    runtime = tmp_path / "runtime"
    for name in ap.PYODIDE_FILES:
        assert (runtime / "pyodide" / name).read_bytes() == open(os.path.join(NODE_MODULES, "pyodide", name), "rb").read()
    pyscript = os.path.join(NODE_MODULES, "@pyscript", "core", "dist")
    wanted = sorted(n for n in os.listdir(pyscript) if n.endswith((".js", ".css")))
    assert wanted and sorted(os.listdir(runtime / "pyscript")) == wanted
    assert (runtime / "qrcode" / "qrcode.mjs").read_bytes() == open(
        os.path.join(NODE_MODULES, "qrcode-generator", "dist", "qrcode.mjs"), "rb").read()
    packed = (runtime / "scoring.zip").read_bytes()
    assert packed == ap.scoring_zip(str(PACKAGE), definitions)
    sw = (tmp_path / "sw.js").read_text(encoding="utf-8")
    template = pathlib.Path(ap.__file__).with_name("sw.js").read_text(encoding="utf-8")
    assert "__VERSION__" in template and "__FILES__" in template and "__VERSION__" not in sw
    kept = json.loads(sw.split("const FILES = ", 1)[1].split(";\n", 1)[0])
    # every file the service worker keeps on installing is one the build shipped, the runtime's entry points first
    assert kept and all((tmp_path / path).is_file() for path in kept)
    assert {"runtime/pyscript/core.js", "runtime/pyodide/pyodide.mjs", "runtime/pyodide/python_stdlib.zip"} <= set(kept)
    assert sw == template.replace("__VERSION__", ap.runtime_version(NODE_MODULES, packed)).replace(
        "__FILES__", json.dumps(kept))


def test_a_missing_runtime_package_says_how_to_get_it(tmp_path):
    conf = {**ap.DEFAULTS, "node_modules": str(tmp_path / "node_modules")}
    with pytest.raises(ap.AssessmentError, match=r"pyodide: \(runtime\): the npm packages pinned in "
                                                  r"package-lock\.json; run `make install`$"):
        ap.ship_runtime(str(tmp_path / "out"), conf, {})
    assert not (tmp_path / "out").exists()


def test_a_placed_file_replaces_what_was_there(tmp_path):
    (tmp_path / "a").write_text("new", encoding="utf-8")
    (tmp_path / "b").write_text("old", encoding="utf-8")
    ap._place(str(tmp_path / "a"), str(tmp_path / "b"))
    assert (tmp_path / "b").read_text(encoding="utf-8") == "new"
    ap._place(str(tmp_path / "a"), str(tmp_path / "c"))
    assert (tmp_path / "c").read_text(encoding="utf-8") == "new"


def test_a_file_on_another_file_system_is_copied(tmp_path):
    shm = pathlib.Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("needs a second file system (/dev/shm) to refuse a hard link")
    source = shm / f"place-{os.getpid()}.txt"
    source.write_text("gedeeld", encoding="utf-8")
    try:
        (tmp_path / "b").write_text("oud", encoding="utf-8")
        ap._place(str(source), str(tmp_path / "b"))
        assert (tmp_path / "b").read_text(encoding="utf-8") == "gedeeld"
        assert (tmp_path / "b").stat().st_ino != source.stat().st_ino
    finally:
        source.unlink()


def test_settings_override_the_defaults():
    assert ap._settings({}) == ap.DEFAULTS
    assert ap._settings({"ASSESSMENTS": {"path": "x"}}) == {**ap.DEFAULTS, "path": "x"}


# ------------------------------------------------------------------ editions, loading and attaching: edge cases


def test_a_stray_translation_deep_in_a_definition_is_named_by_its_whole_path():
    data = {"title": "T", "title_en": "T", "questions": [{"options": [{"id": "a"}, {"id": "b", "label_en": "B"}]}]}
    with pytest.raises(EditionError, match=r"^questions\[0\]\.options\[1\]\.label_en: a translation of 'label', "
                                           r"which this mapping does not have$"):
        edition(data, "nl")


def test_a_definition_that_is_a_list_has_its_faults_named_from_the_first_item():
    with pytest.raises(EditionError, match=r"^\[0\]\.title_en: the 'en' text beside 'title'"):
        edition([{"title": "T"}], "nl")


def english_first(node):
    """A definition written the other way round: English under the plain keys, Dutch in `_nl` siblings."""
    if isinstance(node, list):
        return [english_first(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key.endswith("_en"):
            out[key[:-3]], out[f"{key[:-3]}_nl"] = value, node[key[:-3]]
        elif f"{key}_en" not in node:
            out[key] = english_first(value)
    return out


def test_a_site_whose_first_language_is_english_reads_the_plain_keys_as_english(tmp_path):
    data = good_definition()
    write(tmp_path / "assessments", "a.yaml", english_first(data))
    (_rel, dutch, _a), = ap.load_definitions(str(tmp_path), "assessments", "nl", ("en", "nl")).values()
    (_rel, english, _a), = ap.load_definitions(str(tmp_path), "assessments", "en", ("en", "nl")).values()
    assert (dutch["title"], english["title"]) == (data["title"], data["title_en"])
    assert dutch == edition(data, "nl") and english == edition(data, "en")


def test_a_stage_that_asks_for_a_tenth_of_a_point_prints_that_score():
    data = good_definition()
    stage = data["models"][0]["stages"][1]
    stage["min"] = 0.1
    got = ap.method_data(scoring.load(edition(data, "nl")))
    assert got["models"][0]["stages"][1]["rules"][0] == {"kind": "score", "score": 0.1, "because": "", "source": ""}


def test_a_model_page_shows_its_own_quick_check_and_then_the_form_it_asks_for(content):
    check, person = raw(SMALL[0]), raw(SMALL[1])
    models = [article(slug) for slug in linked_slugs()]
    own = next(a for a in models if a.slug == check["model"])
    gens, _arts = generators(content, models, [])
    ap.attach(gens)
    assert [w.id for w in own.widgets] == [check["id"]] and own.widget is True   # found by its model alone
    own.metadata = {"assessment": person["id"]}
    ap.attach(gens)
    assert [w.id for w in own.widgets] == [check["id"], person["id"]]


def test_organisations_are_listed_before_persons_whatever_their_titles(content):
    person = raw(SMALL[1])
    write(content / "assessments", "zz.yaml", {**person, "id": "aaa-persoon", "title": "Aaa persoon"})
    gens, arts = generators(content, [article(slug) for slug in linked_slugs()], [])
    ap.attach(gens)
    assert [w.id for w in arts.context["assessments"]] == [raw(SMALL[0])["id"], "aaa-persoon", person["id"]]


def test_every_form_shares_one_list_of_model_links(content):
    models = [article(slug) for slug in linked_slugs()]
    gens, arts = generators(content, models, [])
    ap.attach(gens)
    first, second = arts.context["assessments"]
    assert first.model_urls is second.model_urls   # one JSON text for the whole site, not one per form
    assert json.loads(first.model_urls) == {a.slug: [a.url, a.title] for a in models}
    urls = '{"eigen": ["e/", "E"]}'
    assert ap.Widget(edition(good_definition(), "nl"), {}, {}, None, urls).model_urls is urls


def test_the_editions_of_one_build_parse_each_file_once_and_the_next_build_reads_afresh(content):
    check = raw(SMALL[0])
    models = [article(slug) for slug in linked_slugs()]
    gens, _arts = generators(content, models, [])
    ap.attach(gens)
    write(content / "assessments", SMALL[0], "id: [unclosed")   # changed while the build is under way
    english, english_arts = generators(content, models, [], lang="en")
    ap.attach(english)
    assert english_arts.context["assessment_definitions"][check["id"]]["title"] == check["title_en"]
    with pytest.raises(ap.AssessmentError, match=rf"^assessments/{SMALL[0]}: \(document\): valid YAML"):
        ap.attach(gens)   # the root edition starts the next build


def test_register_connects_the_plugin_to_pelican():
    from pelican import signals

    ap.register()
    assert ap.attach in signals.all_generators_finalized.receivers_for(object())
    assert ap.add_generators in signals.get_generators.receivers_for(object())
    assert ap.add_generators(None) is ap.MethodPageGenerator


# ------------------------------------------------------------------ what a scan page preloads


def install_pyscript(root, core, chunks):
    """A node_modules holding only a PyScript dist/ with these files."""
    dist = root / "@pyscript" / "core" / "dist"
    dist.mkdir(parents=True)
    for name, text in {"core.js": core, **chunks}.items():
        (dist / name).write_text(text, encoding="utf-8")
    return root


# PyScript's entry re-exports one chunk; that chunk names the plugins it loads before a worker starts as
# `name:()=>import("./file.js")` (other imports it makes later). Comments with non-ASCII text, as builds carry.
CORE_JS = '/* PyScript © Anaconda */\nexport{p as MPWorker,q as PyWorker}from"./core-Ab1_c.js";\n'
CHUNK_JS = ('/* café */ const plugins={"py-editor":()=>import("./py-editor-X-y.js"),error:()=>import("./error-Z9.js")};'
            'const later=()=>import("./codemirror-Q.js");\n')
PRELOAD = {"modules": ["pyscript/core.js", "pyscript/core-Ab1_c.js", "pyscript/py-editor-X-y.js", "pyscript/error-Z9.js"],
           "fetch": ["pyodide/python_stdlib.zip", "pyodide/pyodide.asm.mjs", "pyodide/pyodide.mjs",
                     "pyodide/pyodide-lock.json"]}


def test_a_scan_page_preloads_pyscripts_entry_its_chunk_and_the_plugins_that_chunk_loads_first(tmp_path):
    modules = install_pyscript(tmp_path / "node_modules", CORE_JS, {"core-Ab1_c.js": CHUNK_JS})
    assert ap.runtime_preload({"node_modules": str(modules)}) == PRELOAD


def test_without_pyscript_a_scan_page_preloads_only_the_entry(tmp_path):
    modules = install_pyscript(tmp_path / "node_modules", CORE_JS, {})   # the chunk core.js names is missing
    assert ap.runtime_preload({"node_modules": str(modules)}) == {**PRELOAD, "modules": ["pyscript/core.js"]}
    assert ap.runtime_preload({"node_modules": str(tmp_path / "elders")})["modules"] == ["pyscript/core.js"]


def test_attaching_the_forms_gives_the_pages_the_preload_of_the_installed_pyscript(content):
    modules = install_pyscript(content / "node_modules", CORE_JS, {"core-Ab1_c.js": CHUNK_JS})
    gens, arts = generators(content, [article(slug) for slug in linked_slugs()], [])
    arts.settings["ASSESSMENTS"] = {"node_modules": str(modules)}
    ap.attach(gens)
    assert arts.context["runtime_preload"] == PRELOAD


def test_the_installed_pyscript_still_has_the_shape_the_preload_reads():
    dist = pathlib.Path(NODE_MODULES, "@pyscript", "core", "dist")
    modules = ap.runtime_preload({"node_modules": NODE_MODULES})["modules"]
    assert modules[0] == "pyscript/core.js" and len(modules) >= 3   # the entry, its chunk, and plugins
    assert all((dist / name.removeprefix("pyscript/")).is_file() for name in modules)
    assert modules[1].removeprefix("pyscript/") in (dist / "core.js").read_text(encoding="utf-8")


# ------------------------------------------------------------------ files read whatever the machine's locale


def test_definitions_are_read_as_utf8_whatever_the_locale(ascii_locale):
    found = ap.load_definitions(str(CONTENT), "assessments", "nl")
    assert found and any("é" in json.dumps(data, ensure_ascii=False) for _rel, data, _a in found.values())


def test_pyscript_and_the_package_versions_are_read_as_utf8_whatever_the_locale(tmp_path, ascii_locale):
    modules = install_pyscript(tmp_path / "node_modules", CORE_JS, {"core-Ab1_c.js": CHUNK_JS})
    assert ap.runtime_preload({"node_modules": str(modules)}) == PRELOAD
    assert ap.runtime_version(NODE_MODULES, b"zip").startswith(version_of("pyodide") + "-")


# ------------------------------------------------------------------ the scoring zip and the shipped runtime


def test_the_scoring_zip_packs_subpackages_and_each_file_byte_for_byte(tmp_path):
    package = tmp_path / "scoring"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_bytes(b"# caf\xc3\xa9\r\nX = 1\r\n")
    (package / "sub" / "deep.py").write_bytes(b"Y = 2\n")
    (package / "notes.txt").write_bytes(b"not packed")
    with zipfile.ZipFile(io.BytesIO(ap.scoring_zip(str(package), {}))) as archive:
        assert archive.namelist() == ["scoring/__init__.py", "scoring/sub/deep.py", "assessment_definitions.json"]
        assert archive.read("scoring/__init__.py") == b"# caf\xc3\xa9\r\nX = 1\r\n"
        assert archive.read("scoring/sub/deep.py") == b"Y = 2\n"


def test_a_second_build_into_the_same_output_ships_the_runtime_again(tmp_path):
    conf = {**ap.DEFAULTS, "node_modules": NODE_MODULES, "scoring_package": str(PACKAGE)}
    ap.ship_runtime(str(tmp_path), conf, {"a": {"title": "A"}})
    ap.ship_runtime(str(tmp_path), conf, {"a": {"title": "B"}})
    with zipfile.ZipFile(tmp_path / "runtime" / "scoring.zip") as archive:
        assert json.loads(archive.read("assessment_definitions.json")) == {"a": {"title": "B"}}
    assert (tmp_path / "runtime" / "qrcode" / "qrcode.mjs").is_file()
    assert (tmp_path / "runtime" / "pyscript" / "core.js").is_file()
