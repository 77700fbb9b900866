"""Diagrams keep the order of the model: a pyramid, stages, ladder, funnel or list drawn the other way
round, or a text alternative that lists the elements in another order, fails here."""

import sys
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from diagrams import draw  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
LABELS = ["Eerste", "Tweede", "Derde", "Vierde", "Vijfde"]


def placed(kind, labels=LABELS):
    """(label, x, y) of each drawn label, by the first line of its <text>, and the root element."""
    root = ET.fromstring(draw(kind, labels, title="T", ident="t"))
    found = {}
    for text in root.iter(f"{SVG}text"):
        first = text.find(f"{SVG}tspan")
        words = " ".join(t.strip() for t in text.itertext() if t.strip())
        for label in labels:
            if words == label or words.endswith(f". {label}"):
                found[label] = (float(first.get("x")), float(first.get("y")))
    assert list(found) and set(found) == set(labels), found
    return [found[label] for label in labels], root


def shape_width_at(root, y):
    """Width of the polygon that spans height y."""
    for poly in root.iter(f"{SVG}polygon"):
        points = [tuple(map(float, p.split(","))) for p in poly.get("points").split()]
        ys = [p[1] for p in points]
        if min(ys) <= y <= max(ys):
            xs = [p[0] for p in points]
            return max(xs) - min(xs)
    raise AssertionError(f"no shape at y={y}")


def rising(values):
    return all(a < b for a, b in zip(values, values[1:], strict=False))


def falling(values):
    return all(a > b for a, b in zip(values, values[1:], strict=False))


def test_stages_climb_from_the_first_at_the_bottom_left():
    spots, _root = placed("stages")
    assert falling([y for _x, y in spots]), spots  # a smaller y is higher on the page
    assert rising([x for x, _y in spots]), spots


def test_pyramid_has_the_first_element_at_the_wide_base():
    spots, root = placed("pyramid")
    assert falling([y for _x, y in spots]), spots
    assert falling([shape_width_at(root, y) for _x, y in spots])


def test_funnel_has_the_first_element_on_top_and_widest():
    spots, root = placed("funnel")
    assert rising([y for _x, y in spots]), spots
    assert falling([shape_width_at(root, y) for _x, y in spots])


def test_ladder_has_the_first_rung_at_the_bottom():
    spots, _root = placed("ladder")
    assert falling([y for _x, y in spots]), spots


def test_list_reads_from_top_to_bottom():
    spots, _root = placed("list")
    assert rising([y for _x, y in spots]), spots


@pytest.mark.parametrize("kind,order", [("stages", "van de eerste naar de laatste fase"),
                                        ("pyramid", "van de basis naar de top"),
                                        ("ladder", "van de onderste naar de bovenste sport"),
                                        ("funnel", "van boven naar beneden"), ("list", "in volgorde"),
                                        ("cycle", "in volgorde")])
def test_text_alternative_lists_the_elements_in_model_order(kind, order):
    root = ET.fromstring(draw(kind, LABELS, title="T", ident="t"))
    desc = root.find(f"{SVG}desc").text
    assert desc.endswith(f"met 5 elementen, {order}: 1. Eerste; 2. Tweede; 3. Derde; 4. Vierde; 5. Vijfde"), desc


@pytest.mark.parametrize("kind", ["stages", "ladder", "list"])
def test_drawn_numbers_follow_the_model(kind):
    root = ET.fromstring(draw(kind, LABELS, title="T", ident="t"))
    drawn = [" ".join(t.strip() for t in node.itertext() if t.strip()) for node in root.iter(f"{SVG}text")]
    numbered = sorted(d for d in drawn if d[:1].isdigit())
    assert numbered == [f"{i}. {label}" for i, label in enumerate(LABELS, start=1)]
