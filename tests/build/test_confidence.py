"""The confidence rule of the contract, on its edges (one function: catalog.contract.compute_confidence)."""

import copy
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from catalog.contract import compute_confidence, confidence_reasons  # noqa: E402


def source(kind, *supports):
    return {"title": "t", "url": "https://example.org/", "seen": "2026-12-02", "kind": kind, "supports": list(supports)}


def model(sources, n=4, year=True, creators=("Maker",), unknown=()):
    meta = {"creators": list(creators), "sources": sources,
            "elements": [{"known": False} if i in unknown else {"name": f"E{i}", "summary": "s"}
                         for i in range(1, n + 1)]}
    if year:
        meta["year"] = 2013
    return meta


HOOG = model([source("maker", "makers", "year", "elements")])


def test_every_condition_met_is_hoog():
    assert compute_confidence(HOOG) == "hoog"
    assert compute_confidence(model([source("publisher", "makers", "year", "elements")])) == "hoog"
    assert confidence_reasons(HOOG, "hoog") == ["every condition for hoog is met"]


def test_elements_may_be_backed_one_by_one_and_by_several_primary_sources():
    meta = model([source("maker", "makers", "element-1", "element-2"),
                  source("publisher", "year", "element-3", "element-4")])
    assert compute_confidence(meta) == "hoog"


@pytest.mark.parametrize("change,reason", [
    (lambda m: m.pop("year"), "no year"),
    (lambda m: m["sources"].__setitem__(0, source("maker", "makers", "elements")) or m["sources"].append(
        source("secondary", "year")), "year not backed by a maker or publisher source"),
    (lambda m: m["sources"].__setitem__(0, source("maker", "year", "elements")) or m["sources"].append(
        source("secondary", "makers")), "makers not backed by a maker or publisher source"),
    (lambda m: m["sources"].__setitem__(0, source("maker", "makers", "year", "element-1", "element-2", "element-3"))
     or m["sources"].append(source("secondary", "element-4")), "1 of 4 elements not backed"),
])
def test_one_missing_primary_backing_drops_hoog_to_middel(change, reason):
    meta = copy.deepcopy(HOOG)
    change(meta)
    assert compute_confidence(meta) == "middel"
    assert any(reason in r for r in confidence_reasons(meta, "middel"))


def test_an_unknown_element_keeps_a_page_below_hoog():
    meta = model([source("maker", "makers", "year", "elements")], unknown=(4,))
    assert compute_confidence(meta) == "middel"  # 'elements' covers the three known ones: 3 of 4
    meta = model([source("maker", "makers", "year", "elements")], unknown=(3, 4))
    assert compute_confidence(meta) == "middel"  # exactly half
    meta = model([source("maker", "makers", "year", "elements")], n=3, unknown=(2, 3))
    assert compute_confidence(meta) == "laag"  # one of three


def test_half_of_the_elements_is_enough_for_middel_less_is_not():
    assert compute_confidence(model([source("secondary", "makers", "element-1", "element-2")])) == "middel"
    assert compute_confidence(model([source("secondary", "makers", "element-1")])) == "laag"
    assert compute_confidence(model([source("secondary", "makers", "element-1", "element-2")], n=3)) == "middel"
    assert compute_confidence(model([source("secondary", "makers", "element-1")], n=3)) == "laag"


def test_makers_onbekend_is_never_above_laag():
    meta = model([source("maker", "makers", "year", "elements")], creators=("onbekend",))
    assert compute_confidence(meta) == "laag"
    assert "makers 'onbekend'" in confidence_reasons(meta, "laag")


def test_makers_must_be_backed_by_an_independent_source_for_middel():
    assert compute_confidence(model([source("secondary", "elements")])) == "laag"
    assert compute_confidence(model([source("secondary", "elements"), source("reference", "makers")])) == "laag"
    assert compute_confidence(model([source("secondary", "elements"), source("secondary", "makers")])) == "middel"


def test_a_reference_source_alone_never_lifts_a_page_above_laag():
    meta = model([source("reference", "makers", "year", "organisation", "elements")])
    assert compute_confidence(meta) == "laag"
    meta = model([source("reference", "makers", "year", "elements"), source("secondary", "element-1")])
    assert compute_confidence(meta) == "laag"
