"""Every diagram kind draws a well-formed, accessible SVG with every label as real text."""

import sys
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from diagrams import KINDS, DiagramError, draw  # noqa: E402
from diagrams.plugin import diagram_for  # noqa: E402

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
    paths = ET.fromstring(svg).iter(f"{SVG}path")
    assert all("dg-arrow" in node.get("class") for node in paths)  # labels are text, never paths


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


# ------------------------------------------------------------------ geometry: what is drawn matches the text

EM = 0.6  # average glyph width of sans-serif text in em, as the wrap assumes (DejaVu Sans is this wide)


def viewbox(root):
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    return x, y, x + w, y + h


def text_boxes(root):
    """(label, left, top, right, bottom) of every line of every <text>, estimated from font size and length."""
    boxes = []
    for node in root.iter(f"{SVG}text"):
        size = float(node.get("font-size", 14))
        anchor = node.get("text-anchor", "start")
        assert node.get("transform") is None, "rotated text: the estimate below would not hold"
        for span in node.iter(f"{SVG}tspan"):
            x, y, width = float(span.get("x")), float(span.get("y")), len(span.text or "") * size * EM
            left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            boxes.append((span.text, left, y - size * 0.8, left + width, y + size * 0.25))
    return boxes


def rects(root):
    """(left, top, right, bottom, classes) of every box."""
    return [(float(r.get("x")), float(r.get("y")), float(r.get("x")) + float(r.get("width")),
             float(r.get("y")) + float(r.get("height")), r.get("class")) for r in root.iter(f"{SVG}rect")]


def arrow_tips(root):
    """Centre and tip of every arrowhead, from its transform (translate + rotate of a 14 px triangle)."""
    import math
    import re
    tips = []
    for node in root.iter(f"{SVG}path"):
        x, y, deg = (float(v) for v in re.findall(r"-?[\d.]+", node.get("transform")))
        tips.append((node.get("class"), x, y, x + 7 * math.cos(math.radians(deg)), y + 7 * math.sin(math.radians(deg))))
    return tips


def label_centre(root, label):
    """Centre of the text whose lines start with `label` (the first line)."""
    for _, left, top, right, bottom in (b for b in text_boxes(root) if b[0] and b[0].startswith(label)):
        return (left + right) / 2, (top + bottom) / 2
    raise AssertionError(f"{label!r} not drawn")


CASES = [(kind, labels) for kind in KINDS for labels in (SHORT, LONG, MANY, ["Eén"])
         if kind != "matrix" or len(labels) == 4]


@pytest.mark.parametrize("kind, labels", CASES)
def test_every_text_lies_inside_the_drawing(kind, labels):
    root = ET.fromstring(draw(kind, labels, title="T", ident="t", axes=AXES))
    x0, y0, x1, y1 = viewbox(root)
    for label, left, top, right, bottom in text_boxes(root):
        assert x0 <= left and right <= x1 and y0 <= top and bottom <= y1, (label, (left, top, right, bottom), (x0, y0, x1, y1))


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6, 8, 12])
@pytest.mark.parametrize("core", [None, 1])
def test_cycle_arrowheads_are_not_covered_by_a_box(n, core):
    root = ET.fromstring(draw("cycle", MANY[:n], title="T", ident="t", core=core))
    boxes = rects(root)
    tips = arrow_tips(root)
    ring = n - (1 if core else 0)
    assert len(tips) == (ring if ring > 1 else 0)
    for _, x, y, tx, ty in tips:
        for left, top, right, bottom, _ in boxes:
            for px, py in ((x, y), (tx, ty)):
                assert not (left - 2 <= px <= right + 2 and top - 2 <= py <= bottom + 2), ((px, py), (left, top, right, bottom))


def test_cycle_arrows_run_clockwise_from_element_one():
    root = ET.fromstring(draw("cycle", SHORT, title="T", ident="t"))
    first, second = label_centre(root, "1. Crawl"), label_centre(root, "2. Walk")
    _, x, y, tx, ty = arrow_tips(root)[0]          # the arrow between 1 and 2
    # it points from element 1 towards element 2
    assert (tx - x) * (second[0] - first[0]) + (ty - y) * (second[1] - first[1]) > 0


@pytest.mark.parametrize("kind", ["petals", "cycle"])
def test_the_core_is_drawn_in_the_centre(kind):
    labels = ["Luisteren", "Reageren", "Zenden", "Activeren", "Organiseren"]
    root = ET.fromstring(draw(kind, labels, title="T", ident="t", core=5))
    x0, y0, x1, y1 = viewbox(root)
    prefix = "5. Organiseren" if kind == "cycle" else "Organiseren"
    cx, cy = label_centre(root, prefix)
    assert abs(cx - (x0 + x1) / 2) < 5 and abs(cy - (y0 + y1) / 2) < 10
    core_box = [r for r in rects(root) if "dg-core" in r[4]]
    assert len(core_box) == 1
    others = [r for r in rects(root) if "dg-core" not in r[4]]
    assert len(others) == 4
    left, top, right, bottom, _ = core_box[0]
    for ol, ot, orr, ob, _ in others:  # the ring clears the centre
        assert orr < left or ol > right or ob < top or ot > bottom
    desc = root.find(f"{SVG}desc").text
    assert "In het midden: Organiseren" in desc


def test_a_core_is_refused_where_there_is_no_centre_or_no_such_element():
    with pytest.raises(DiagramError, match="core"):
        draw("stages", SHORT, title="T", ident="t", core=1)
    with pytest.raises(DiagramError, match="core"):
        draw("petals", SHORT, title="T", ident="t", core=5)


def test_matrix_axes_are_inside_and_point_the_way_they_run():
    """An axis 'A – B' runs from the first column (row) to the second: right, and down."""
    root = ET.fromstring(draw("matrix", SHORT, title="T", ident="t", axes=AXES))
    tips = {cls.split()[-1]: (x, y, tx, ty) for cls, x, y, tx, ty in arrow_tips(root)}
    x, y, tx, ty = tips["dg-axis-x"]
    assert tx > x and abs(ty - y) < 0.5
    x, y, tx, ty = tips["dg-axis-y"]
    assert ty > y and abs(tx - x) < 0.5
    crawl, walk, run = (label_centre(root, w) for w in ("Crawl", "Walk", "Run"))
    assert walk[0] > crawl[0] and abs(walk[1] - crawl[1]) < 1      # element 2: right of element 1
    assert run[1] > crawl[1] and abs(run[0] - crawl[0]) < 1        # element 3: below element 1
    desc = root.find(f"{SVG}desc").text
    assert "van links naar rechts: " + AXES["x"] in desc and "van boven naar beneden: " + AXES["y"] in desc


# ------------------------------------------------------------------ order: first element where the text says


def test_pyramid_puts_element_one_at_the_wide_base():
    root = ET.fromstring(draw("pyramid", SHORT, title="T", ident="t"))
    ys = [label_centre(root, w)[1] for w in SHORT]
    assert ys == sorted(ys, reverse=True)   # Crawl lowest, Fly at the top
    widths = []
    for poly in root.iter(f"{SVG}polygon"):
        xs = [float(p.split(",")[0]) for p in poly.get("points").split()]
        widths.append((float(poly.get("points").split()[0].split(",")[1]), max(xs) - min(xs)))
    widths.sort()                                                    # top to bottom
    assert [w for _, w in widths] == sorted(w for _, w in widths)    # widest at the bottom


def test_funnel_puts_element_one_at_the_wide_top():
    root = ET.fromstring(draw("funnel", SHORT, title="T", ident="t"))
    ys = [label_centre(root, w)[1] for w in SHORT]
    assert ys == sorted(ys)


@pytest.mark.parametrize("kind", ["stages", "ladder"])
def test_stages_and_ladder_climb_from_element_one(kind):
    root = ET.fromstring(draw(kind, SHORT, title="T", ident="t"))
    centres = [label_centre(root, f"{i + 1}. {w}") for i, w in enumerate(SHORT)]
    ys = [c[1] for c in centres]
    assert ys == sorted(ys, reverse=True) and len(set(ys)) == len(ys)  # each next one higher
    if kind == "stages":
        xs = [label_centre(root, f"{i + 1}. {w}")[0] for i, w in enumerate(SHORT)]
        lefts = [b[1] for b in text_boxes(root)]
        assert lefts == sorted(lefts) and xs  # and a step to the right


@pytest.mark.parametrize("kind", KINDS)
def test_text_alternative_lists_the_elements_in_order(kind):
    labels = SHORT
    desc = ET.fromstring(draw(kind, labels, title="T", ident="t", axes=AXES)).find(f"{SVG}desc").text
    spots = [desc.index(f"{i + 1}. {label}") for i, label in enumerate(labels)]
    assert spots == sorted(spots)


# ------------------------------------------------------------------ elements no source names


MODEL = {"diagram": "stages", "elements": [
    {"name": "Plannen", "summary": "a"}, {"known": False, "name": "Fase 2"}, {"known": False},
    {"name": "Meten", "summary": "b"}, {"known": False}, {"name": "Leren", "summary": "c"},
    {"known": False}, {"known": False}]}


@pytest.mark.parametrize("kind", ["stages", "pyramid", "ladder", "list", "cycle", "petals", "funnel"])
def test_unknown_elements_are_drawn_dashed_with_a_question_mark(kind):
    svg = diagram_for({**MODEL, "diagram": kind}, title="T", ident="t", source="x.md")
    root = ET.fromstring(svg)
    dashed = [n for n in root.iter() if "dg-unknown" in (n.get("class") or "")]
    assert len(dashed) == 5 and all(n.get("stroke-dasharray") for n in dashed)
    drawn = texts(svg)
    assert sum(t.endswith("?") for t in drawn) == 5
    assert any("Fase 2 ?" in t for t in drawn)
    desc = root.find(f"{SVG}desc").text
    noun = {"stages": "fasen", "cycle": "fasen"}.get(kind)
    assert f"3 van 8 {noun or ''}".replace("  ", " ") in desc
    assert "2. Fase 2 (onbekend); 3. onbekend" in desc


def test_stages_with_unknown_elements_say_how_many_phases_are_known():
    desc = ET.fromstring(diagram_for(MODEL, title="T", ident="t")).find(f"{SVG}desc").text
    assert desc.endswith("3 van 8 fasen bekend.")


def test_a_complete_model_claims_nothing_about_unknowns():
    desc = ET.fromstring(draw("stages", SHORT, title="T", ident="t")).find(f"{SVG}desc").text
    assert "bekend" not in desc and "?" not in " ".join(texts(draw("stages", SHORT, title="T", ident="t")))


def test_bad_core_names_the_file():
    with pytest.raises(DiagramError, match=r"^content/x\.md: core"):
        diagram_for({"diagram": "petals", "core": 9, "elements": [{"name": "a"}, {"name": "b"}]},
                    title="T", ident="t", source="content/x.md")


def test_wrap_is_textwrap_without_breaking_words():
    import textwrap

    from diagrams.draw import CHAR, wrap
    for label in LONG + MANY + ["Social-media-beleid en een heel-lang-samengesteld-woord dat blijft"]:
        assert wrap(label, 200) == textwrap.wrap(label, int(200 / CHAR), break_long_words=False,
                                                 break_on_hyphens=False)
    assert wrap("Social-media-beleidsontwikkelingstraject", 60) == ["Social-media-beleidsontwikkelingstraject"]
