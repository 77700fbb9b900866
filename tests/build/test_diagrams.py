"""Every diagram kind draws a well-formed, accessible SVG with every label as real text."""

import sys
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from diagrams import KINDS, DiagramError, draw  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
SHORT = ["Crawl", "Walk", "Run", "Fly"]
LONG = ["Bewust onbekwaam: de organisatie ziet dat ze zonder plan werkt en zoekt een strategie",
        "Onbewust bekwaam: social media is volledig verweven met alle kanalen en afdelingen",
        "Een derde element met een buitengewoon langgerekte omschrijving voor de opmaak",
        "Vier"]
MANY = [f"Fase {i} met wat tekst" for i in range(1, 13)]
AXES = {"x": "Bereik van de organisatie", "y": "Verbinding met de klant"}


def texts(svg):
    """The text of each <text> element, its lines joined by spaces."""
    root = ET.fromstring(svg)
    return [" ".join(t.strip() for t in node.itertext() if t.strip()) for node in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("labels", [SHORT, LONG, MANY], ids=["short", "long", "many"])
def test_every_kind_draws_every_label(kind, labels):
    if kind == "matrix":
        labels = labels[:4]
    svg = draw(kind, labels, title="Testmodel", ident="t", axes=AXES)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Testmodel"
    desc = root.find(f"{SVG}desc").text
    drawn = " ".join(texts(svg))
    for label in labels:
        assert label in drawn or any(label in t for t in texts(svg)), label
        assert label in desc
    assert len(svg.encode()) <= 10_240, len(svg)
    assert "<path" not in svg.replace('class="dg-arrow"', "") or kind == "cycle"


@pytest.mark.parametrize("kind", ["stages", "list", "ladder", "pyramid", "funnel"])
def test_wrapped_lines_do_not_overlap(kind):
    svg = draw(kind, LONG, title="T", ident="t")
    ys = []
    for node in ET.fromstring(svg).iter(f"{SVG}tspan"):
        ys.append(float(node.get("y")))
    assert len(ys) == len(set(ys)), "two lines share a baseline"


def test_matrix_shows_both_axes():
    drawn = " ".join(texts(draw("matrix", SHORT, title="T", ident="t", axes=AXES)))
    assert AXES["x"] in drawn and AXES["y"] in drawn


def test_labels_are_escaped():
    svg = draw("list", ["Paid & owned <media>"], title="A & B", ident="t")
    assert texts(svg) == ["1. Paid & owned <media>"]


def test_bad_input_is_refused():
    with pytest.raises(DiagramError):
        draw("spiral", SHORT, title="T", ident="t")
    with pytest.raises(DiagramError):
        draw("matrix", SHORT[:3], title="T", ident="t")
    with pytest.raises(DiagramError):
        draw("list", [], title="T", ident="t")


def test_alignment_cells_fit_their_longest_word():
    from diagrams.draw import CHAR, draw_alignment

    scale = ["Beginnen", "Experimenteren", "Structureren", "Integreren", "Vernieuwen"]
    rows = [("Forrester Social Maturity", {0: ["Dormant"], 2: ["Coordinating"], 4: ["Transformatie"]})]
    svg = draw_alignment(scale, rows, title="Naast elkaar", ident="n")
    root = ET.fromstring(svg)
    width = float(root.get("viewBox").split()[2])
    cell = (width - 8 - 190) / len(scale)
    longest = max(len(w) for label in scale + ["Coordinating", "Transformatie"] for w in label.split())
    assert longest * CHAR <= cell - 10
    drawn = " ".join(texts(svg))
    assert all(word in drawn for word in scale + ["Dormant", "Coordinating", "Transformatie"])
