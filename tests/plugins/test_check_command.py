"""The content check as an editor meets it: YAML faults in plain words, paths as typed, the `make check`
command over both editions, the interface language of the texts the plugin composes."""

import contextlib
import datetime
import io
import os
import shutil

import jsonschema
import pytest
from catalog.language import N_, interface_gettext
from catalog.validate import _plain, check_content, main, read_yaml, shown_path

from tests.conftest import ROOT

GOOD = ROOT / "tests" / "fixtures" / "content-good"
UNDOC = "content/undocumented/omega-framework.yaml"


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("text,expected", [
    ('name: "open\nknown: x\n',
     "3: YAML: valid YAML syntax (found unexpected end of stream; while scanning a quoted scalar that starts on "
     "line 1)"),
    ("name: [b, c: d: e]\n", "1: YAML: valid YAML syntax (did not find expected ',' or ']')"),
    ("name: b: c\n", "1: YAML: valid YAML syntax (mapping values are not allowed in this context)"),
    ("name: a\nnaam: \x01\n",
     "1: YAML: valid YAML syntax (unacceptable character #x0001: control characters are not allowed)"),
    ("name: a\nname: b\n", "2: name: each key once in its block (this one is written twice)"),
    ("sources:\n  - kind: maker\n    kind: secondary\n",
     "3: sources[0].kind: each key once in its block (this one is written twice)"),
    ("sources:\n  - {title: x, extra: {a: 1, a: 2}}\n",
     "2: sources[0].extra.a: each key once in its block (this one is written twice)"),
])
def test_a_yaml_fault_names_its_line_and_what_is_wrong(root, text, expected):
    write(root, UNDOC, text)
    assert [str(p) for p in read_yaml(UNDOC).problems] == [f"{UNDOC}:{expected}"]


@pytest.mark.parametrize(("blank", "line", "opened"), [(0, 4, 2), (2, 6, 4)])
def test_a_yaml_fault_in_front_matter_counts_lines_from_the_top_of_the_file(root, blank, line, opened):
    """Blank lines before the front matter count too."""
    write(root, "content/models/meten-roi/x.md", "\n" * blank + '---\ntitle: "open\nslug: x\n---\nTekst.\n')
    assert [str(p) for p in check_content("content").problems] == [
        f"content/models/meten-roi/x.md:{line}: YAML: valid YAML syntax (found unexpected end of stream; while "
        f"scanning a quoted scalar that starts on line {opened})"]


def test_paths_inside_the_working_folder_are_shown_relative_and_others_as_given(root, tmp_path_factory):
    assert shown_path(str(root / "content" / "a.md")) == os.path.join("content", "a.md")
    assert shown_path("content/a.md") == os.path.join("content", "a.md")
    elsewhere = str(tmp_path_factory.mktemp("elsewhere") / "a.md")
    assert shown_path(elsewhere) == elsewhere


def test_a_date_that_is_no_date_is_said_in_the_words_of_the_schema(root):
    shutil.copytree(GOOD, root / "content")
    edit(root / "content/models/meten-roi/beta.md", "date: 2026-11-24", 'date: "2026-13-45"')
    assert [str(p) for p in check_content("content").problems] == [
        "content/models/meten-roi/beta.md:5: date: the day the model was added, written as YYYY-MM-DD"]


@pytest.mark.parametrize("schema,value,expected", [
    ({"type": "integer"}, "x", "a whole number"),
    ({"type": ["integer", "null"]}, "x", "a whole number or nothing"),
    ({"type": ["array", "object"]}, 3, "a list or a mapping of keys to values"),
])
def test_a_wrong_type_is_said_in_plain_words(schema, value, expected):
    [error] = jsonschema.Draft202012Validator(schema).iter_errors(value)
    assert _plain(error) == expected


def english_edition(root):
    """content-good with each model also in English (same facts, `lang: en`)."""
    shutil.copytree(GOOD, root / "content")
    for path in sorted((root / "content" / "models").rglob("*.md")):
        target = root / "content" / "en" / path.relative_to(root / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\nlang: en\n", 1), encoding="utf-8")


def run(folder):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([folder])
    return code, out.getvalue(), err.getvalue()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_check_command_counts_the_models_of_each_edition(root):
    english_edition(root)
    assert run("content") == (0, "content: 5 models, 5 in 'en', 1 undocumented, no errors\n", "")


def test_the_check_command_reports_each_fault_of_both_editions_once(root):
    english_edition(root)
    edit(root / "content/en/models/meten-roi/beta.md", "year: 2015", "year: 2016")
    edit(root / "content/en/models/focus-benadering/delta.md", "summary:", "samenvatting:")
    edit(root / "content/undocumented/omega-framework.yaml", "year: 2012", "year: 2999")
    (root / "content/models/kanalen-platformen/gamma.md").unlink()
    assert run("content") == (1, "", "\n".join([
        "content/models/meten-roi/beta.md:28: related[1]: the slug of an existing model ('gamma' does not exist)",
        "content/undocumented/omega-framework.yaml:5: year: a year no later than "
        f"{datetime.date.today().year} (not 2999), or no year key when unknown",
        "content/en/models/focus-benadering/delta.md:2: summary: this required key is missing",
        "content/en/models/focus-benadering/delta.md:8: samenvatting: a known key, not 'samenvatting' (one of lang, "
        "title, slug, category, date, modified, status, summary, creators, creators_note, organisation, year, kind, "
        "diagram, axes, core, elements, sources, tags, related, unverified, assessment, confidence)",
        "content/en/models/kanalen-platformen/gamma.md:1: translation: a Dutch original at "
        "content/models/kanalen-platformen/gamma.md",
        "content/en/models/meten-roi/beta.md:9: year: 2015 as in content/models/meten-roi/beta.md (found 2016)",
        "6 content errors found.", ""]))


THEME = str(ROOT / "theme")


@pytest.mark.parametrize("settings,hoog", [
    ({"DEFAULT_LANG": "en", "I18N_TEMPLATES_LANG": "nl", "THEME": THEME}, "high"),  # the English edition
    ({"DEFAULT_LANG": "nl", "I18N_TEMPLATES_LANG": "nl", "THEME": THEME}, "hoog"),  # the Dutch one
    ({"DEFAULT_LANG": "en", "THEME": THEME}, "hoog"),  # templates written in the language built
    ({"I18N_TEMPLATES_LANG": "nl"}, "hoog"),  # no language set: Dutch, no catalogue read
    ({}, "hoog"),
])
def test_composed_texts_are_in_the_language_of_the_edition(settings, hoog, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "nl")  # the catalogue follows the edition, not the environment
    gettext = interface_gettext(settings)
    assert gettext(N_("hoog")) == hoog
    assert gettext("a text no catalogue has") == "a text no catalogue has"


def test_a_file_that_is_not_utf8_names_the_line_of_the_first_bad_byte(root):
    (root / "content/models/meten-roi").mkdir(parents=True)
    (root / "content/undocumented").mkdir(parents=True)
    (root / "content/models/meten-roi/x.md").write_bytes(b"---\ntitle: x\nsummary: caf\xe9\n---\n")
    (root / "content/undocumented/y.yaml").write_bytes(b"name: x\n\nknown: \xff\n")
    assert [str(p) for p in check_content("content").problems] == [
        "content/models/meten-roi/x.md:3: text: UTF-8 text (save the file as UTF-8)",
        "content/undocumented/y.yaml:3: text: UTF-8 text (save the file as UTF-8)"]


def test_files_are_read_as_utf8_whatever_the_locale(root, monkeypatch):
    import locale

    import catalog.validate as validate

    shutil.copytree(GOOD, root / "content")
    write(root, "content/assessments/x.yaml", "title: Zelfscan één\nid: check-een\n")
    edit(root / "content/models/meten-roi/beta.md", "year: 2015", "year: 2015\nassessment: check-een")
    before = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C")  # a machine whose default text encoding is ASCII
        monkeypatch.setattr(validate, "_VALIDATORS", {})  # the schemas (with Dutch descriptions) read here
        result = check_content("content")
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
    assert result.problems == [] and len(result.models) == 5  # the models hold 'è' and 'é'



def test_the_schemas_are_read_from_the_schema_folder_and_check_formats(root, monkeypatch):
    import catalog.validate as validate

    monkeypatch.setattr(validate, "_VALIDATORS", {})  # built afresh here, as in a new process
    first = validate.schema_validator("model")
    assert validate.schema_validator("model") is first  # built once
    shutil.copytree(GOOD, root / "content")
    beta = root / "content/models/meten-roi/beta.md"
    edit(beta, "date: 2026-11-24", 'date: "2026-13-45"')
    edit(root / "content/models/focus-benadering/delta.md", "date: ", "date: 2026-11-23 10:00:00\nmodified: ")
    assert [str(p) for p in check_content("content").problems] == [
        "content/models/focus-benadering/delta.md:5: date: the day the model was added, written as YYYY-MM-DD",
        "content/models/meten-roi/beta.md:5: date: the day the model was added, written as YYYY-MM-DD"]


def test_unknown_and_missing_keys_are_placed_where_the_editor_looks(root):
    shutil.copytree(GOOD, root / "content")
    edit(root / "content/models/meten-roi/beta.md", "year: 2015", "year: 2015\nsee.also: x\n2024: y")
    edit(root / "content/undocumented/omega-framework.yaml", 'title_en: "Mention on a reference site", ', "")
    assert [str(p) for p in check_content("content").problems] == [
        "content/models/meten-roi/beta.md:9: see.also: a known key, not 'see.also' (one of lang, title, slug, "
        "category, date, modified, status, summary, creators, creators_note, organisation, year, kind, diagram, "
        "axes, core, elements, sources, tags, related, unverified, assessment, confidence)",
        "content/models/meten-roi/beta.md:10: 2024: a known key, not '2024' (one of lang, title, slug, "
        "category, date, modified, status, summary, creators, creators_note, organisation, year, kind, diagram, "
        "axes, core, elements, sources, tags, related, unverified, assessment, confidence)",
        "content/undocumented/omega-framework.yaml:12: sources[0].title_en: this required key is missing "
        "(the English text beside 'title')"]

