"""The confidence rule (catalog.contract) on small constructed front matter: the level and the reasons
a page is not one level higher, both whole, at each boundary of the written rule."""

import pytest
from catalog.contract import backed_items, compute_confidence, confidence_reasons, element_known


def source(kind, *supports):
    return {"title": "t", "url": "https://example.org/", "seen": "2026-12-02", "kind": kind, "supports": list(supports)}


def model(*sources, n=4, year=True, creators=("Maker",), unknown=()):
    meta = {"creators": list(creators), "sources": list(sources),
            "elements": [{"known": False} if i in unknown else {"name": f"E{i}"} for i in range(1, n + 1)]}
    if year:
        meta["year"] = 2013
    return meta


NOT_PRIMARY = "{} not backed by a maker or publisher source"
HALF = "{} of {} elements backed by a maker, publisher or secondary source, fewer than half"
ALL_MET = ["every condition for hoog is met"]

CASES = {
    "everything primary": (model(source("maker", "makers", "year", "elements")), "hoog", ALL_MET),
    "elements one by one": (model(source("publisher", "makers", "year", "element-1", "element-2"),
                                  source("maker", "element-3", "element-4")), "hoog", ALL_MET),
    "one element secondary": (model(source("maker", "makers", "year", "element-1", "element-2", "element-3"),
                                    source("secondary", "element-4")),
                              "middel", ["1 of 4 elements not backed by a maker or publisher source"]),
    "first element secondary": (model(source("maker", "makers", "year", "element-2", "element-3", "element-4"),
                                      source("secondary", "element-1")),
                                "middel", ["1 of 4 elements not backed by a maker or publisher source"]),
    # the check reports a source that names an unknown element; the level still counts it as unknown
    "unknown element named by number": (model(source("maker", "makers", "year", "element-1", "element-2",
                                                     "element-3", "element-4"), unknown=(2,)),
                                        "middel", ["1 of 4 elements marked known: false"]),
    "no year": (model(source("maker", "makers", "year", "elements"), year=False), "middel", ["no year"]),
    "year only secondary": (model(source("maker", "makers", "elements"), source("secondary", "year")),
                            "middel", [NOT_PRIMARY.format("year")]),
    "one unknown element": (model(source("maker", "makers", "year", "elements"), unknown=(4,)),
                            "middel", ["1 of 4 elements not backed by a maker or publisher source",
                                       "1 of 4 elements marked known: false"]),
    "two unknown elements": (model(source("maker", "makers", "year", "elements"), unknown=(1, 3)),
                             "middel", ["2 of 4 elements not backed by a maker or publisher source",
                                        "2 of 4 elements marked known: false"]),
    "half secondary": (model(source("secondary", "makers", "element-1", "element-2")), "middel",
                       [NOT_PRIMARY.format("makers"), NOT_PRIMARY.format("year"),
                        "4 of 4 elements not backed by a maker or publisher source"]),
    "half of three is two": (model(source("secondary", "makers", "element-1", "element-2"), n=3), "middel",
                             [NOT_PRIMARY.format("makers"), NOT_PRIMARY.format("year"),
                              "3 of 3 elements not backed by a maker or publisher source"]),
    "the last two of four": (model(source("maker", "makers"), source("secondary", "element-3", "element-4")),
                             "middel", [NOT_PRIMARY.format("year"),
                                        "4 of 4 elements not backed by a maker or publisher source"]),
    "one of three": (model(source("secondary", "makers", "element-1"), n=3), "laag", [HALF.format(1, 3)]),
    "one of two elements of four": (model(source("secondary", "makers", "element-4")), "laag",
                                    [HALF.format(1, 4)]),
    "makers only by reference": (model(source("reference", "makers"), source("secondary", "element-3", "element-4")),
                                 "laag", ["makers not backed by a maker, publisher or secondary source"]),
    "reference alone": (model(source("reference", "makers", "year", "elements")), "laag",
                        ["makers not backed by a maker, publisher or secondary source", HALF.format(0, 4)]),
    "makers onbekend": (model(source("maker", "makers", "year", "elements"), creators=("onbekend",)), "laag",
                        ["makers 'onbekend'"]),
    "makers onbekend among others": (model(source("maker", "makers", "year", "elements"),
                                           creators=("Maker", "onbekend")), "laag", ["makers 'onbekend'"]),
    "no makers": (model(source("maker", "makers", "year", "elements"), creators=()), "laag", ["makers 'onbekend'"]),
    # an element-N past the last element, or element-0, backs nothing (the check reports it on its own)
    "element past the end, one too few": (model(source("secondary", "makers", "element-3"), n=2), "laag",
                                          [HALF.format(0, 2)]),
    "element zero": (model(source("secondary", "makers", "element-0"), n=2), "laag", [HALF.format(0, 2)]),
}


@pytest.mark.parametrize("name", CASES)
def test_the_level_and_why_it_is_not_higher(name):
    meta, level, reasons = CASES[name]
    assert compute_confidence(meta) == level
    assert confidence_reasons(meta, level) == reasons


def test_elements_stands_for_every_known_element_only():
    elements = [{"name": "a"}, {"known": False}, "plain", {"known": True}]
    assert backed_items(source("maker", "elements", "year"), elements) == {"elements", "year", "element-1",
                                                                           "element-3", "element-4"}
    assert backed_items({"kind": "maker"}, elements) == set()
    assert [element_known(e) for e in elements] == [True, False, True, True]
    assert element_known({"known": None}) and element_known({"known": 0})
