"""Plugin functions on their edges, called directly: the reasons given for a confidence level, the
plain-words message for each kind of schema fault, the models an assessment definition links to."""

import sys

import jsonschema
import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from assessments.plugin import linked_models  # noqa: E402
from catalog.contract import confidence_reasons  # noqa: E402
from catalog.validate import DataFile, _plain, field_name  # noqa: E402


def source(kind, *supports):
    return {"title": "t", "url": "https://example.org/", "seen": "2026-12-02", "kind": kind, "supports": list(supports)}


def model(sources, n=4, year=True, creators=("Maker",)):
    meta = {"creators": list(creators), "sources": sources,
            "elements": [{"name": f"E{i}", "summary": "s"} for i in range(1, n + 1)]}
    if year:
        meta["year"] = 2013
    return meta


def test_reasons_for_middel_list_every_missing_primary_backing():
    meta = model([source("secondary", "makers", "year", "element-1")], year=False)
    assert confidence_reasons(meta, "middel") == [
        "no year", "makers not backed by a maker or publisher source",
        "year not backed by a maker or publisher source",
        "4 of 4 elements not backed by a maker or publisher source"]
    meta = model([source("maker", "makers", "year", "element-1", "element-2")])
    assert confidence_reasons(meta, "middel") == ["2 of 4 elements not backed by a maker or publisher source"]


def test_reasons_for_laag_say_what_keeps_it_from_middel():
    meta = model([source("reference", "makers", "element-1")])
    assert confidence_reasons(meta, "laag") == [
        "makers not backed by a maker, publisher or secondary source",
        "0 of 4 elements backed by a maker, publisher or secondary source, fewer than half"]
    meta = model([source("secondary", "makers", "element-1")], n=3, creators=("onbekend",))
    assert confidence_reasons(meta, "laag") == [
        "makers 'onbekend'", "1 of 3 elements backed by a maker, publisher or secondary source, fewer than half"]
    meta = model([source("secondary", "makers", "element-1", "element-2")])
    assert confidence_reasons(meta, "laag") == ["every condition for hoog is met"]  # half is enough
    assert confidence_reasons(model([source("maker", "makers", "year", "elements")]), "hoog") == [
        "every condition for hoog is met"]


def plain(schema, value):
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(value))
    assert len(errors) == 1, errors
    return _plain(errors[0])


@pytest.mark.parametrize("schema,value,expected", [
    ({"enum": ["hoog", "middel", 3]}, "x", "one of hoog, middel, 3"),
    ({"const": "ja"}, "nee", "'ja'"),
    ({"type": "string", "x-expected": "a short text"}, 3, "a short text"),
    ({"type": "integer"}, "3", "a whole number"),
    ({"type": "array"}, "3", "a list"),
    ({"type": "null"}, 3, "nothing"),
    ({"minItems": 2}, [1], "a list (at least 2)"),
    ({"minItems": 2, "x-expected": "two names"}, [1], "two names (at least 2)"),
    ({"maxItems": 1}, [1, 2], "at most 1 item(s)"),
    ({"uniqueItems": True}, [1, 1], "each item only once"),
    ({"minLength": 1}, "", "a non-empty text"),
    ({"minLength": 1, "x-expected": "a title"}, "", "a title"),
    ({"minimum": 1900}, 1800, "a number of at least 1900"),
    ({"minimum": 1900, "x-expected": "a year"}, 1800, "a year"),
    ({"maximum": 3, "x-expected": "a small number"}, 9, "a small number"),
    ({"pattern": "^a+$", "x-expected": "only a's"}, "b", "only a's"),
    ({"maxLength": 2}, "abc", "'abc' is too long"),
])
def test_each_schema_fault_is_said_in_plain_words(schema, value, expected):
    assert plain(schema, value) == expected


def test_field_names_join_keys_and_indexes():
    assert field_name(("sources", 1, "kind")) == "sources[1].kind"
    assert field_name(("related", 0)) == "related[0]"
    assert field_name(("summary",)) == "summary"
    assert field_name(()) == "front matter"


def test_a_fault_is_placed_on_the_line_of_the_deepest_known_part():
    doc = DataFile("m.md", "m.md", {}, {(): 2, ("sources",): 10, ("sources", 1): 14, ("sources", 1, "url"): 15})
    assert doc.line("sources", 1, "url") == 15
    assert doc.line("sources", 1, "title") == 14
    assert doc.line("sources", 3, "url") == 10
    assert doc.line("summary") == 2
    assert DataFile("m.md", "m.md", {}, {}).line("summary") == 1
    doc.fault("sources[1].title", "a title")
    doc.fault("year", "a year", "sources", 1, "url")
    assert [str(p) for p in doc.problems] == ["m.md:14: sources[1].title: a title", "m.md:15: year: a year"]
    nowhere = DataFile("m.md", "m.md", {}, {(): 0})
    nowhere.fault("text", "UTF-8 text")
    assert str(nowhere.problems[0]) == "m.md: text: UTF-8 text"


def test_linked_models_lists_every_slug_with_where_it_is_named():
    definition = {
        "model": "eigen",
        "models": [{"model": "alfa", "stages": [{"related": {"models": ["beta", "gamma"]}}, {}]},
                   {"slug": "delta", "stages": [{"related": ["epsilon"]}]}],
        "next_steps": [{"models": ["zeta"]}, {"models": ["eta", "theta"]}],
    }
    assert list(linked_models(definition)) == [
        ("model", "eigen"), ("models[0].model", "alfa"), ("models[1].model", "delta"),
        ("next_steps[0].models[0]", "zeta"), ("next_steps[1].models[0]", "eta"), ("next_steps[1].models[1]", "theta"),
        ("models[0].stages[0].related.models[0]", "beta"), ("models[0].stages[0].related.models[1]", "gamma"),
        ("models[1].stages[0].related.models[0]", "epsilon")]
    assert list(linked_models({"model": "", "models": []})) == []


def test_the_check_command_reads_its_folder_from_the_command_line_or_uses_content(tmp_path, monkeypatch, capsys):
    import shutil

    from catalog.validate import main

    good = ROOT / "tests" / "fixtures" / "content-good"
    monkeypatch.setattr(sys, "argv", ["validate", str(good)])
    assert main() == 0
    assert capsys.readouterr().out == "content: 5 models, 1 undocumented, no errors\n"
    shutil.copytree(good, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["validate"])
    assert main([]) == 0
    assert capsys.readouterr().out == "content: 5 models, 1 undocumented, no errors\n"
