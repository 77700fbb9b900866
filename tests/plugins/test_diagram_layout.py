"""The diagrams drawn from small constructed models and from the real models: the text alternative word
for word, in both editions, and where each shape lies relative to the others and to the drawing."""

import gettext
import math
import re
import types
import xml.etree.ElementTree as ET

import pytest
import yaml
from diagrams import KINDS, DiagramError, draw, draw_alignment
from diagrams import plugin as dp
from diagrams.draw import LINE, WIDTH, wrap

from tests.conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"
FOUR = ["Crawl", "Walk", "Run", "Fly"]
ENGLISH = gettext.translation("messages", str(ROOT / "theme" / "translations"), languages=["en"]).gettext
FIXTURE = ROOT / "tests" / "fixtures" / "content-good"


def root_of(svg):
    return ET.fromstring(svg)


def desc(svg):
    return root_of(svg).find(f"{SVG}desc").text


def viewbox(root):
    return [float(v) for v in root.get("viewBox").split()]


def rects(root):
    return [{k: float(r.get(k)) for k in ("x", "y", "width", "height")} | {"class": r.get("class"), "rx": float(r.get("rx")),
                                                                          "dash": r.get("stroke-dasharray")}
            for r in root.iter(f"{SVG}rect")]


def text_nodes(root):
    """(lines, x of each line, y of each line, anchor, class) of every <text>."""
    found = []
    for node in root.iter(f"{SVG}text"):
        spans = list(node.iter(f"{SVG}tspan"))
        found.append(([s.text or "" for s in spans], [float(s.get("x")) for s in spans],
                      [float(s.get("y")) for s in spans], node.get("text-anchor"), node.get("class")))
    return found


def middle(text):
    """The vertical middle of a text block: its baselines are placed 5 px below the centre line."""
    _lines, _xs, ys, _anchor, _cls = text
    return (ys[0] + ys[-1]) / 2 - 5


# ------------------------------------------------------------------ the text alternative, word for word


@pytest.mark.parametrize("kind, extra, expected", [
    ("stages", {}, "Trap met 4 elementen, van de eerste naar de laatste fase: 1. Crawl; 2. Walk; 3. Run; 4. Fly."),
    ("pyramid", {}, "Piramide met 4 elementen, van de basis naar de top: 1. Crawl; 2. Walk; 3. Run; 4. Fly."),
    ("funnel", {}, "Trechter met 4 elementen, van boven naar beneden: 1. Crawl; 2. Walk; 3. Run; 4. Fly."),
    ("ladder", {}, "Ladder met 4 elementen, van de onderste naar de bovenste sport: 1. Crawl; 2. Walk; 3. Run; 4. Fly."),
    ("cycle", {}, "Cyclus met 4 elementen, in volgorde: 1. Crawl; 2. Walk; 3. Run; 4. Fly."),
    ("petals", {"core": 2}, "Bloem met 4 elementen, in volgorde: 1. Crawl; 2. Walk; 3. Run; 4. Fly. In het midden: Walk."),
    ("list", {"unknown": {1, 3}},
     "Lijst met 4 elementen, in volgorde: 1. Crawl; 2. Walk (onbekend); 3. Run; 4. Fly (onbekend). 2 van 4 elementen bekend."),
    ("matrix", {"axes": {"x": "Laag – hoog", "y": "Intern – extern"}},
     "Matrix met 4 elementen, in volgorde: 1. Crawl; 2. Walk; 3. Run; 4. Fly. Horizontale as, van links naar rechts: "
     "Laag – hoog; verticale as, van boven naar beneden: Intern – extern."),
    ("matrix", {}, "Matrix met 4 elementen, in volgorde: 1. Crawl; 2. Walk; 3. Run; 4. Fly. Horizontale as, van links "
                   "naar rechts: ; verticale as, van boven naar beneden: ."),
    ("cycle", {"core": 1, "unknown": {0}},
     "Cyclus met 4 elementen, in volgorde: 1. Crawl (onbekend); 2. Walk; 3. Run; 4. Fly. In het midden: Crawl (onbekend). "
     "3 van 4 fasen bekend."),
    ("pyramid", {"unknown": {3}}, "Piramide met 4 elementen, van de basis naar de top: 1. Crawl; 2. Walk; 3. Run; "
                                  "4. Fly (onbekend). 3 van 4 lagen bekend."),
    ("ladder", {"unknown": {0}}, "Ladder met 4 elementen, van de onderste naar de bovenste sport: 1. Crawl (onbekend); "
                                 "2. Walk; 3. Run; 4. Fly. 3 van 4 sporten bekend."),
])
def test_the_text_alternative_says_shape_order_and_every_element(kind, extra, expected):
    svg = draw(kind, FOUR, title="T", ident="t", **extra)
    assert desc(svg) == expected


@pytest.mark.parametrize("kind, extra, expected", [
    ("pyramid", {"unknown": {0}}, "Pyramid with 4 elements, from the base to the top: 1. Crawl (unknown); 2. Walk; "
                                  "3. Run; 4. Fly. 3 of 4 layers known."),
    ("petals", {"core": 4}, "Flower with 4 elements, in order: 1. Crawl; 2. Walk; 3. Run; 4. Fly. In the centre: Fly."),
    ("matrix", {"axes": {"x": "A – B", "y": "C – D"}}, "Matrix with 4 elements, in order: 1. Crawl; 2. Walk; 3. Run; "
     "4. Fly. Horizontal axis, from left to right: A – B; vertical axis, from top to bottom: C – D."),
])
def test_the_english_edition_says_it_in_english(kind, extra, expected):
    assert desc(draw(kind, FOUR, title="T", ident="t", _=ENGLISH, **extra)) == expected


def test_an_unnamed_unknown_element_is_called_unknown_and_labels_are_tidied():
    svg = draw("list", ["  Eerste \n fase ", None, "", "Vierde & <laatste>"], title="A & B", ident="x-1", unknown={1})
    assert desc(svg) == ("Lijst met 4 elementen, in volgorde: 1. Eerste fase; 2. onbekend; 3. ; "
                         "4. Vierde & <laatste>. 3 van 4 elementen bekend.")
    assert [t[0] for t in text_nodes(root_of(svg))] == [["1. Eerste fase"], ["2. ?"], ["3."], ["4. Vierde & <laatste>"]]
    assert 'id="dg-x-1-t">A &amp; B</title>' in svg and 'aria-labelledby="dg-x-1-t dg-x-1-d"' in svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="dg dg-list" role="img" ')


def test_the_english_text_alternative_of_a_real_model():
    meta = yaml.safe_load((FIXTURE / "models" / "volwassenheid-adoptie" / "alpha.md").read_text(encoding="utf-8")
                          .split("---")[1])
    svg = dp.diagram_for(meta, title="Alfa", ident="alpha", _=ENGLISH)
    assert desc(svg) == ("Staircase with 3 elements, from the first to the last stage: 1. Begin; 2. Midden; "
                         "3. Fase 3 (unknown). 2 of 3 stages known.")


# ------------------------------------------------------------------ positions


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("labels", [FOUR, ["Eén"], [f"Element {i} met een iets langere naam" for i in range(1, 7)]])
def test_the_drawing_fits_its_shapes_tightly(kind, labels):
    """The viewBox is the drawing plus a 4 px margin: nothing outside it, no empty band below or right."""
    if kind == "matrix" and len(labels) != 4:
        return
    root = root_of(draw(kind, labels, title="T", ident="t", axes={"x": "X", "y": "Y"}))
    x0, y0, w, h = viewbox(root)
    assert (x0, y0) == (-4, -4)
    boxes = rects(root)
    for box in boxes:
        assert 0 <= box["x"] and box["x"] + box["width"] <= w - 8 + 0.5, box
        assert 0 <= box["y"] and box["y"] + box["height"] <= h - 8 + 0.5, box
    if kind in ("stages", "list"):
        assert max(b["x"] + b["width"] for b in boxes) == w - 8 == WIDTH
        assert min(b["y"] for b in boxes) == 0 and max(b["y"] + b["height"] for b in boxes) == h - 8


def boxes_and_texts(kind, labels, **extra):
    root = root_of(draw(kind, labels, title="T", ident="t", **extra))
    return root, rects(root), text_nodes(root)


@pytest.mark.parametrize("labels", [FOUR, ["Eerste fase met een lange naam die over twee regels loopt, of nog meer",
                                           "Twee", "Drie"]])
def test_stages_climb_one_step_up_and_right_each(labels):
    _root, boxes, texts = boxes_and_texts("stages", labels)
    n = len(labels)
    step = min(60, (WIDTH - 260) / (n - 1))
    for i, (box, text) in enumerate(zip(boxes, texts, strict=True)):
        assert box["x"] == round(i * step) and box["x"] + box["width"] == WIDTH   # each reaches the right edge
        assert text[0][0].startswith(f"{i + 1}. ") and text[3] == "start"
        assert all(x == box["x"] + 10 for x in text[1])                         # text 10 px inside its box
        assert abs(middle(text) - (box["y"] + box["height"] / 2)) <= 0.5         # and centred on it
        assert box["height"] == max(40, len(text[0]) * LINE + 20)
    for lower, upper in zip(boxes, boxes[1:], strict=False):
        assert upper["y"] + upper["height"] + 4 == lower["y"]                    # 4 px apart, the next one above


def test_many_stages_take_smaller_steps():
    _root, boxes, _texts = boxes_and_texts("stages", [f"F{i}" for i in range(12)])
    xs = [b["x"] for b in boxes]
    assert xs[-1] == WIDTH - 260 and xs[1] == round((WIDTH - 260) / 11)


def test_a_single_stage_fills_the_width():
    _root, boxes, _texts = boxes_and_texts("stages", ["Alleen"])
    assert (boxes[0]["x"], boxes[0]["width"], boxes[0]["y"]) == (0, WIDTH, 0)


def test_list_items_run_down_from_the_top_in_order():
    labels = FOUR[:2] + ["Een derde element met zo veel woorden dat het echt over twee regels moet lopen in de lijst"]
    _root, boxes, texts = boxes_and_texts("list", labels)
    assert boxes[0]["y"] == 0
    for i, (box, text) in enumerate(zip(boxes, texts, strict=True)):
        assert (box["x"], box["width"]) == (0, WIDTH) and text[0][0].startswith(f"{i + 1}. ")
        assert all(x == 10 for x in text[1]) and abs(middle(text) - (box["y"] + box["height"] / 2)) <= 0.5
        assert box["height"] == max(40, len(text[0]) * LINE + 20)
    assert len(texts[2][0]) == 2
    for upper, lower in zip(boxes, boxes[1:], strict=False):
        assert upper["y"] + upper["height"] + 6 == lower["y"]


def polygons(root):
    shapes = []
    for poly in root.iter(f"{SVG}polygon"):
        pts = [tuple(float(v) for v in p.split(",")) for p in poly.get("points").split()]
        shapes.append({"top": pts[1][0] - pts[0][0], "bottom": pts[2][0] - pts[3][0], "y0": pts[0][1],
                       "y1": pts[2][1], "centre": (pts[0][0] + pts[1][0]) / 2, "class": poly.get("class")})
    return shapes


@pytest.mark.parametrize("kind", ["pyramid", "funnel"])
def test_layers_join_without_gaps_from_narrow_to_wide(kind):
    root, _boxes, texts = boxes_and_texts(kind, FOUR, unknown={0})
    layers = polygons(root)
    assert layers[0]["y0"] == 0
    for upper, lower in zip(layers, layers[1:], strict=False):
        assert upper["y1"] == lower["y0"] and abs(upper["bottom"] - lower["top"]) <= 1
    widths = [layer["top"] for layer in layers] + [layers[-1]["bottom"]]
    edges = [200 + 440 * r / 4 for r in range(5)]
    expected = edges if kind == "pyramid" else edges[::-1]
    assert all(abs(a - b) <= 1 for a, b in zip(widths, expected, strict=True))
    order = FOUR[::-1] if kind == "pyramid" else FOUR                 # read from the top down
    assert [t[0] for t in texts] == [[label + (" ?" if label == "Crawl" else "")] for label in order]
    for layer, text in zip(layers, texts, strict=True):
        assert layer["centre"] == WIDTH / 2 and text[1] == [WIDTH / 2] and text[3] == "middle"
        assert abs(middle(text) - (layer["y0"] + layer["y1"]) / 2) <= 0.5
        assert (layer["y1"] - layer["y0"]) == 40
    dashed = [layer for layer in layers if "dg-unknown" in layer["class"]]
    assert len(dashed) == 1 and dashed[0] is (layers[-1] if kind == "pyramid" else layers[0])


def test_a_long_layer_label_wraps_to_its_narrow_edge():
    label = "Een laag met een heel lange omschrijving die echt niet op één regel past"
    root, _boxes, texts = boxes_and_texts("pyramid", ["Basis", "Midden", label])
    top = polygons(root)[0]
    assert texts[0][0] == wrap(label, 200 - 50) and len(texts[0][0]) > 1
    assert top["y1"] - top["y0"] == len(texts[0][0]) * LINE + 20


def test_ladder_rungs_climb_between_the_rails():
    root, _boxes, texts = boxes_and_texts("ladder", FOUR, unknown={2})
    lines = [{k: float(n.get(k)) for k in ("x1", "y1", "x2", "y2")} | {"class": n.get("class"), "dash": n.get("stroke-dasharray")}
             for n in root.iter(f"{SVG}line")]
    rails, rungs = lines[:2], lines[2:]
    height = viewbox(root)[3] - 8
    assert [(r["x1"], r["x2"], r["y1"], r["y2"]) for r in rails] == [(20, 20, 0, height), (110, 110, 0, height)]
    assert height == 4 * 44
    assert [r["y1"] for r in rungs] == [height - 22 - 44 * i for i in range(4)]
    for rung, text in zip(rungs, texts, strict=True):
        assert (rung["x1"], rung["x2"]) == (20, 110) and rung["y1"] == rung["y2"]
        assert abs(middle(text) - rung["y1"]) <= 0.5 and text[1][0] == 130 and text[3] == "start"
    assert [r["dash"] is not None for r in rungs] == [False, False, True, False]
    assert [t[0][0] for t in texts] == ["1. Crawl", "2. Walk", "3. Run ?", "4. Fly"]


def ring_layout(kind, n, core=None):
    labels = [f"E{i}" for i in range(1, n + 1)]
    root = root_of(draw(kind, labels, title="T", ident="t", core=core))
    _x, _y, w, h = viewbox(root)
    return root, (w - 8) / 2, rects(root), text_nodes(root)


@pytest.mark.parametrize("kind", ["cycle", "petals"])
@pytest.mark.parametrize("n", [3, 5, 8])
def test_ring_elements_go_clockwise_from_the_top_at_equal_distances(kind, n):
    root, centre, boxes, texts = ring_layout(kind, n)
    points = [(t[1][0], middle(t)) for t in texts]
    radii = [math.hypot(x - centre, y - centre) for x, y in points]
    assert max(radii) - min(radii) <= 1.5
    assert abs(points[0][0] - centre) <= 0.5 and points[0][1] < centre       # element 1 at the top
    angles = [math.degrees(math.atan2(y - centre, x - centre)) % 360 for x, y in points]
    steps = [(b - a) % 360 for a, b in zip(angles, angles[1:] + angles[:1], strict=True)]
    assert all(abs(s - 360 / n) <= 1.5 for s in steps)                        # clockwise, evenly
    for box, (x, y) in zip(boxes, points, strict=True):
        assert abs(box["x"] + box["width"] / 2 - x) <= 0.5 and abs(box["y"] + box["height"] / 2 - y) <= 1
        assert box["width"] == 150 and box["rx"] == (6 if kind == "cycle" else 18)
    first = [t[0][0] for t in texts]
    assert first == ([f"{i}. E{i}" for i in range(1, n + 1)] if kind == "cycle" else [f"E{i}" for i in range(1, n + 1)])
    circles = list(root.iter(f"{SVG}circle"))
    assert len(circles) == 1 and abs(float(circles[0].get("cx")) - centre) <= 0.5
    radius = float(circles[0].get("r"))
    if kind == "cycle":
        assert abs(radius - sum(radii) / n) <= 1 and circles[0].get("class") == "dg-line"
        assert len(list(root.iter(f"{SVG}path"))) == n
    else:
        assert abs(radius - 0.45 * sum(radii) / n) <= 1 and circles[0].get("class") == "dg-centre"
        assert not list(root.iter(f"{SVG}path"))


@pytest.mark.parametrize("kind", ["cycle", "petals"])
def test_a_core_sits_in_the_centre_with_the_others_around_it(kind):
    root, centre, boxes, texts = ring_layout(kind, 5, core=3)
    core_text = texts[-1]
    assert core_text[0][0] == ("3. E3" if kind == "cycle" else "E3")
    assert core_text[1][0] == centre and abs(middle(core_text) - centre) <= 0.5
    core = boxes[-1]
    assert "dg-core" in core["class"] and core["width"] == 170 and core["rx"] == core["height"] / 2
    assert abs(core["x"] + core["width"] / 2 - centre) <= 0.5 and abs(core["y"] + core["height"] / 2 - centre) <= 0.5
    ring = [t for t in texts[:-1]]
    assert [t[0][0].removeprefix(f"{i}. ") for i, t in zip((1, 2, 4, 5), ring, strict=True)] == ["E1", "E2", "E4", "E5"]
    spokes = list(root.iter(f"{SVG}line"))
    if kind == "petals":
        assert len(spokes) == 4 and not list(root.iter(f"{SVG}circle"))
        for spoke, text in zip(spokes, ring, strict=True):         # from the core to each petal
            assert (float(spoke.get("x1")), float(spoke.get("y1"))) == (centre, centre)
            assert abs(float(spoke.get("x2")) - text[1][0]) <= 1 and abs(float(spoke.get("y2")) - middle(text)) <= 1.5
    else:
        assert not spokes and len(list(root.iter(f"{SVG}path"))) == 4


def test_a_ring_of_one_has_no_arrows_and_stays_round():
    root, centre, boxes, texts = ring_layout("cycle", 1)
    assert not list(root.iter(f"{SVG}path")) and len(boxes) == 1
    assert abs(centre - middle(texts[0]) - 130) <= 1          # the smallest ring
    root, centre, boxes, _texts = ring_layout("cycle", 2, core=2)
    assert not list(root.iter(f"{SVG}path")) and len(boxes) == 2


def test_matrix_cells_fill_two_columns_and_two_rows():
    root, boxes, texts = boxes_and_texts("matrix", FOUR, axes={"x": "Links – rechts", "y": "Boven – onder"}, unknown={3})
    cell = (WIDTH - 44) / 2
    assert [(b["x"], b["y"] - boxes[0]["y"]) for b in boxes] == [
        (44, 0), (round(44 + cell), 0), (44, 110), (round(44 + cell), 110)]
    assert all(b["height"] == 110 and abs(b["width"] - cell) <= 0.5 and b["rx"] == 0 for b in boxes)
    assert [b["dash"] is not None for b in boxes] == [False, False, False, True]
    y_label, *cells, x_label = texts
    assert y_label[0] == ["↓ Boven – onder"] and y_label[3] == "start" and y_label[4] == "dg-axis"
    assert y_label[2][0] < boxes[0]["y"]                                   # above the grid
    assert x_label[0] == ["Links – rechts →"] and x_label[4] == "dg-axis"
    assert x_label[2][0] > boxes[-1]["y"] + boxes[-1]["height"] + 16       # below the grid and its arrow
    assert x_label[1][0] == 44 + cell
    for box, text in zip(boxes, cells, strict=True):
        assert abs(text[1][0] - (box["x"] + box["width"] / 2)) <= 0.5
        assert abs(middle(text) - (box["y"] + box["height"] / 2)) <= 0.5
    lines = list(root.iter(f"{SVG}line"))
    vertical, horizontal = ({k: float(n.get(k)) for k in ("x1", "y1", "x2", "y2")} for n in lines)
    bottom = boxes[-1]["y"] + boxes[-1]["height"]
    assert vertical == {"x1": 22, "y1": boxes[0]["y"] + 8, "x2": 22, "y2": bottom - 8}
    assert horizontal == {"x1": 52, "y1": bottom + 16, "x2": WIDTH - 8, "y2": bottom + 16}


def test_matrix_cells_grow_with_long_labels():
    long = ("Een cel met zo ontzettend veel woorden dat ze over heel wat regels moet worden verdeeld om nog "
            "binnen de breedte van haar kolom te passen")
    _root, boxes, texts = boxes_and_texts("matrix", [long, "b", "c", "d"])
    lines = len(texts[1][0])
    assert lines == len(wrap(long, (WIDTH - 44) / 2 - 24)) == 5   # more than fit the least height of 110 px
    assert all(b["height"] == lines * LINE + 30 for b in boxes)


def test_an_unknown_kind_or_a_wrong_count_names_what_is_expected():
    with pytest.raises(DiagramError, match=r"^unknown diagram kind 'spiral'; expected one of stages, pyramid, cycle, "
                                           r"matrix, petals, funnel, ladder, list$"):
        draw("spiral", FOUR, title="T", ident="t")
    with pytest.raises(DiagramError, match=r"^a matrix diagram needs exactly 4 elements$"):
        draw("matrix", FOUR + ["Vijf"], title="T", ident="t")
    with pytest.raises(DiagramError, match=r"^a diagram needs at least one element$"):
        draw("list", [], title="T", ident="t")
    with pytest.raises(DiagramError, match=r"^core: only a petals or cycle diagram has a centre \(this one is list\)$"):
        draw("list", FOUR, title="T", ident="t", core=1)
    for core in (0, 5, "2", 1.0):
        with pytest.raises(DiagramError, match=rf"^core: the 1-based position of one of the 4 elements \(got {core!r}\)$"):
            draw("petals", FOUR, title="T", ident="t", core=core)
    assert "In het midden: Crawl" in desc(draw("petals", FOUR, title="T", ident="t", core=1))
    assert "In het midden: Fly" in desc(draw("cycle", FOUR, title="T", ident="t", core=4))


@pytest.mark.parametrize("width, expected", [(0, 6), (50, 6), (59, 7), (84, 10), (85, 10)])
def test_wrap_fits_whole_words_in_at_least_six_characters(width, expected):
    text = "abcdefghijklmnopqrstuvwxyz"[:expected] + " x"
    assert wrap(text, width) == [text[:expected], "x"]
    assert wrap("", width) == [""]


# ------------------------------------------------------------------ the alignment of several models


def test_the_alignment_sets_each_models_stages_under_the_steps_of_the_scale():
    scale = ["Beginnen", "Groeien", "Bloeien"]
    rows = [("Alfa", {0: ["Begin"], 2: ["Eind", "Slot"]}), ("Beta met een naam die over meer regels moet lopen", {1: ["Midden"]})]
    svg = draw_alignment(scale, rows, title="Naast elkaar", ident="ne")
    root = root_of(svg)
    assert desc(svg) == ("Alfa: Beginnen: Begin, Bloeien: Eind / Slot; "
                         "Beta met een naam die over meer regels moet lopen: Groeien: Midden")
    assert 'id="dg-ne-t">Naast elkaar</title>' in svg and 'aria-labelledby="dg-ne-t dg-ne-d"' in svg
    texts = text_nodes(root)
    cell = (940 - 190) / 3
    heads, rest = texts[:3], texts[3:]
    assert [t[0] for t in heads] == [["Beginnen"], ["Groeien"], ["Bloeien"]]
    assert [t[1][0] for t in heads] == [round(190 + cell * (i + 0.5)) for i in range(3)]
    assert all(t[4] == "dg-axis" for t in heads)
    assert [t[0] for t in rest] == [["Alfa"], ["Begin"], ["Eind / Slot"], wrap(rows[1][0], 178), ["Midden"]]
    boxes = rects(root)
    assert [round((b["x"] - 2 - 190) / cell) for b in boxes] == [0, 2, 1]          # the column of its step
    head_h = LINE + 20
    assert boxes[0]["y"] == boxes[1]["y"] == head_h + 2 and boxes[2]["y"] == head_h + LINE + 20 + 2
    assert boxes[2]["height"] == len(wrap(rows[1][0], 178)) * LINE + 20 - 4
    assert all(abs(b["width"] - (cell - 4)) <= 0.5 for b in boxes)
    assert [t[1][0] for t in rest if t[3] == "start"] == [4, 4]                       # model names on the left
    assert viewbox(root) == [-4, -4, 948, head_h + (LINE + 20) + (len(wrap(rows[1][0], 178)) * LINE + 20) + 8]


def test_an_alignment_needs_a_scale_and_a_model():
    for scale, rows in (([], [("A", {})]), (["S"], [])):
        with pytest.raises(DiagramError, match="^an alignment needs a scale and at least one model$"):
            draw_alignment(scale, rows, title="T", ident="t")


def model(slug, title, n):
    return types.SimpleNamespace(slug=slug, title=title, metadata={"elements": [{"name": f"E{i}"} for i in range(n)]})


ALIGNMENT = {"scale": [{"name": "Beginnen"}, {"name": "Groeien"}],
             "models": [{"slug": "alpha", "stages": [{"name": "Begin", "element": 1, "step": 1},
                                                     {"name": "Midden", "element": 3, "step": 1}]},
                        {"slug": "beta", "stages": [{"name": "Top", "element": 2, "step": 2}]}]}


def test_alignment_rows_follow_the_alignment_file():
    models = {"alpha": model("alpha", "Alfa", 3), "beta": model("beta", "Beta", 2)}
    assert dp.alignment_rows(ALIGNMENT, models, "a.yaml") == (
        ["Beginnen", "Groeien"], [("Alfa", {0: ["Begin", "Midden"]}), ("Beta", {1: ["Top"]})])


@pytest.mark.parametrize("change, message", [
    (lambda d: d["models"][1].update(slug="zeta"), "a.yaml: models[1].slug: the slug of an existing model ('zeta')"),
    (lambda d: d["models"][0]["stages"][1].update(element=4), "a.yaml: models[0].stages[1].element: an element number "
                                                              "of alpha (1..3)"),
    (lambda d: d["models"][0]["stages"][0].update(element=0), "a.yaml: models[0].stages[0].element: an element number "
                                                              "of alpha (1..3)"),
    (lambda d: d["models"][1]["stages"][0].update(step=3), "a.yaml: models[1].stages[0].step: a step of the scale (1..2)"),
    (lambda d: d["models"][1]["stages"][0].update(step=0), "a.yaml: models[1].stages[0].step: a step of the scale (1..2)"),
])
def test_a_wrong_alignment_entry_names_file_and_field(change, message):
    import copy

    data = copy.deepcopy(ALIGNMENT)
    change(data)
    models = {"alpha": model("alpha", "Alfa", 3), "beta": model("beta", "Beta", 2)}
    with pytest.raises(DiagramError) as raised:
        dp.alignment_rows(data, models, "a.yaml")
    assert str(raised.value) == message


def test_the_alignment_page_gets_its_drawing():
    articles = types.SimpleNamespace(articles=[model("alpha", "Alfa", 3)], settings={"PATH": str(FIXTURE)},
                                     context={})
    asks = types.SimpleNamespace(metadata={"alignment": "alignment.yaml"}, title="Naast elkaar")
    default = types.SimpleNamespace(metadata={"alignment": True}, title="Ook")
    other = types.SimpleNamespace(metadata={}, title="Anders")
    pages = types.SimpleNamespace(pages=[other, asks, default], hidden_pages=[])
    dp.add_alignment([pages, articles])
    assert desc(asks.alignment_svg) == "Alfa: Beginnen: Begin, Groeien: Midden"
    assert 'id="dg-naast-elkaar-t">Naast elkaar</title>' in asks.alignment_svg
    assert desc(default.alignment_svg) == desc(asks.alignment_svg) and not hasattr(other, "alignment_svg")


def test_every_model_gets_its_diagram_in_the_language_of_the_edition():
    texts = {slug: yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
             for slug, path in ((p.stem, p) for p in (FIXTURE / "models").rglob("*.md"))}
    arts = [types.SimpleNamespace(metadata=meta, title=meta["title"], slug=slug, relative_source_path=f"{slug}.md")
            for slug, meta in sorted(texts.items())]
    gen = types.SimpleNamespace(articles=arts, settings={"DEFAULT_LANG": "en", "I18N_TEMPLATES_LANG": "nl",
                                                         "THEME": str(ROOT / "theme")})
    dp.add_diagrams(gen)
    for art in arts:
        assert art.diagram_svg == dp.diagram_for(art.metadata, title=art.title, ident=art.slug, _=ENGLISH)
        assert f'id="dg-{art.slug}-t">{art.title}</title>' in art.diagram_svg
        assert " with " in desc(art.diagram_svg)
    arts[0].metadata = {**arts[0].metadata, "diagram": "spiral"}
    with pytest.raises(DiagramError, match=rf"^{arts[0].slug}\.md: unknown diagram kind 'spiral'"):
        dp.add_diagrams(gen)


def test_an_element_is_unknown_only_when_marked_known_false():
    meta = {"diagram": "list", "elements": [{"name": "A", "known": True}, {"name": "B", "known": False},
                                            {"name": "C", "known": None}, {}]}
    assert desc(dp.diagram_for(meta, title="T", ident="t")) == (
        "Lijst met 4 elementen, in volgorde: 1. A; 2. B (onbekend); 3. C; 4. . 3 van 4 elementen bekend.")


# ------------------------------------------------------------------ the real models


def real_models():
    found = []
    for path in sorted((ROOT / "content" / "models").rglob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        found.append(pytest.param(meta, id=path.stem))
    return found


def test_the_real_models_draw_every_kind():
    assert {p.values[0]["diagram"] for p in real_models()} >= {"stages", "pyramid", "cycle", "matrix", "ladder"}


@pytest.mark.parametrize("meta", real_models())
def test_a_real_model_is_drawn_in_its_own_order(meta):
    svg = dp.diagram_for(meta, title=meta["title"], ident=meta["slug"])
    names = [" ".join(str(e.get("name") or "").split()) for e in meta["elements"]]
    said = desc(svg)
    spots = [said.index(f"{i}. {name}" if name else f"{i}. ") for i, name in enumerate(names, 1)]
    assert spots == sorted(spots)
    drawn = " ".join(" ".join(t[0]) for t in text_nodes(root_of(svg)))
    for name in names:
        assert " ".join(wrap(name, 10_000)) in drawn or all(word in drawn for word in name.split())
    unknown = sum(1 for e in meta["elements"] if e.get("known", True) is False)
    assert (f"{len(names) - unknown} van {len(names)}" in said) == bool(unknown)
    assert re.fullmatch(r"[A-Z][a-z]+ met \d+ elementen, .*\.", said)


# ------------------------------------------------------------------ styles: theme classes and their fallbacks


def theme_colours():
    css = (ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    light = css[css.index(":root"):]
    return {name: re.search(rf"--dg-{name}:\s*(#[0-9a-f]+)", light).group(1) for name in ("fill", "stroke", "centre")}


def every_drawing():
    for kind in KINDS:
        yield draw(kind, FOUR, title="T", ident="t", axes={"x": "X", "y": "Y"}, unknown={1},
                   core=2 if kind in ("cycle", "petals") else None)
    yield draw("petals", FOUR, title="T", ident="t")
    yield draw_alignment(["A", "B"], [("M", {0: ["s"]})], title="T", ident="t")


def test_every_shape_carries_a_theme_class_and_the_light_colours_as_fallback():
    colours = theme_colours()
    css = (ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    styled = set(re.findall(r"\.(dg-[a-z-]+)", css))
    seen = set()
    for svg in every_drawing():
        root = root_of(svg)
        assert re.fullmatch(rf"dg dg-({'|'.join(KINDS)}|alignment)", root.get("class"))
        assert root.get("font-family") == "system-ui, sans-serif" and root.get("role") == "img"
        for node in root.iter():
            tag, classes = node.tag.removeprefix(SVG), (node.get("class") or "").split()
            if tag in ("rect", "polygon"):
                assert classes[0] == "dg-box" and set(classes) <= {"dg-box", "dg-core", "dg-unknown"}, classes
                assert node.get("fill") == colours["fill"] and node.get("stroke") == colours["stroke"]
            elif tag == "line":
                assert classes[0] == "dg-line" and set(classes) <= {"dg-line", "dg-unknown"}, classes
                assert node.get("stroke") == colours["stroke"] and node.get("stroke-width") in ("2", "4")
            elif tag == "path":
                assert classes[0] == "dg-arrow" and set(classes) <= {"dg-arrow", "dg-axis-x", "dg-axis-y"}, classes
                assert node.get("fill") == colours["stroke"] and node.get("d") == "M-7,-6 L7,0 L-7,6 Z"
            elif tag == "circle":
                assert classes in (["dg-line"], ["dg-centre"]), classes
                assert node.get("stroke") == colours["stroke"]
                assert node.get("fill") == ("none" if classes == ["dg-line"] else colours["centre"])
            elif tag == "text":
                assert classes in (["dg-text"], ["dg-axis"]) and node.get("text-anchor") in ("start", "middle")
                assert node.get("fill") == "#1a1a1a" and node.get("font-size") == "14"
            else:
                assert tag in ("svg", "title", "desc", "tspan"), tag
            unknown = "dg-unknown" in classes
            assert (node.get("stroke-dasharray") == "6 4") == unknown and (node.get("stroke-dasharray") is None) != unknown
            if tag != "svg":
                seen |= set(classes)
            if tag not in ("tspan", "title", "desc"):
                assert not (node.tail or "").strip() and (tag == "text" or not (node.text or "").strip()), tag
    assert {"dg-box", "dg-core", "dg-unknown", "dg-line", "dg-arrow", "dg-centre"} <= seen
    assert seen - {"dg-text", "dg-axis", "dg-axis-x", "dg-axis-y"} <= styled     # the theme styles what it must


def test_element_labels_and_axis_labels_are_told_apart_by_class():
    root = root_of(draw("matrix", FOUR, title="T", ident="t", axes={"x": "X", "y": "Y"}))
    assert [t[4] for t in text_nodes(root)] == ["dg-axis"] + ["dg-text"] * 4 + ["dg-axis"]
    for kind in ("stages", "list", "ladder", "pyramid", "cycle"):
        assert {t[4] for t in text_nodes(root_of(draw(kind, FOUR, title="T", ident="t")))} == {"dg-text"}
    anchors = {kind: {t[3] for t in text_nodes(root_of(draw(kind, FOUR, title="T", ident="t")))} for kind in KINDS}
    assert anchors == {"stages": {"start"}, "list": {"start"}, "ladder": {"start"}, "pyramid": {"middle"},
                       "funnel": {"middle"}, "cycle": {"middle"}, "petals": {"middle"}, "matrix": {"start", "middle"}}


# ------------------------------------------------------------------ exact geometry: the spec in numbers


@pytest.mark.parametrize("kind", ["pyramid", "funnel"])
@pytest.mark.parametrize("n", [1, 3, 5])
def test_layer_edges_run_evenly_from_200_px_to_the_full_width(kind, n):
    labels = [f"L{i}" for i in range(n)]
    root = root_of(draw(kind, labels, title="T", ident="t"))
    edges = [200 + 440 * r / n for r in range(n + 1)]
    if kind == "funnel":
        edges.reverse()
    for r, poly in enumerate(root.iter(f"{SVG}polygon")):
        y0, y1 = 40 * r, 40 * (r + 1)
        top, bottom = edges[r], edges[r + 1]
        expected = [(320 - top / 2, y0), (320 + top / 2, y0), (320 + bottom / 2, y1), (320 - bottom / 2, y1)]
        assert poly.get("points") == " ".join(f"{x:.0f},{y:.0f}" for x, y in expected)


@pytest.mark.parametrize("kind", ["pyramid", "funnel"])
def test_a_layer_label_wraps_to_the_narrow_edge_of_its_own_layer(kind):
    # four layers: edges 200, 310, 420, 530, 640 px; a label gets the narrow edge less 50 px (8.4 px a character)
    fits = [17, 30, 44, 57] if kind == "pyramid" else [57, 44, 30, 17]    # from the top down
    for layer, chars in enumerate(fits):
        index = layer if kind == "funnel" else 3 - layer
        for extra, lines in ((0, 1), (1, 2)):
            labels = ["a"] * 4
            labels[index] = "x" * (chars + extra - 3) + " yy"               # chars (+1) characters
            texts = text_nodes(root_of(draw(kind, labels, title="T", ident="t")))
            assert len(texts[layer][0]) == lines, (layer, labels[index], texts[layer][0])


def test_rungs_are_spaced_by_their_wrapped_labels():
    long = "Een sport met een omschrijving die zo lang is dat ze over meer dan twee regels moet worden verdeeld naast de ladder"
    root = root_of(draw("ladder", ["Kort", long, "Ook kort"], title="T", ident="t"))
    texts = text_nodes(root)
    lines = len(texts[1][0])
    assert lines == len(wrap(f"2. {long}", WIDTH - 150)) >= 2
    rungs = [float(n.get("y1")) for n in list(root.iter(f"{SVG}line"))[2:]]
    spans = [44, lines * LINE + 20, 44]
    height = sum(spans)
    assert viewbox(root)[3] - 8 == height
    assert rungs == [height - spans[0] / 2, height - spans[0] - spans[1] / 2, spans[2] / 2]


@pytest.mark.parametrize("kind, chars", [("list", 73), ("stages", 73), ("ladder", 58)])
def test_a_label_that_just_fits_stays_on_one_line(kind, chars):
    # the text of a list item or the first stage has 620 px (10 px inside each side), a rung 490 px
    for extra, lines in ((0, 1), (1, 2)):
        label = "x" * (chars + extra - 7) + " yyy"          # with "1. " in front: chars (+1) characters
        texts = text_nodes(root_of(draw(kind, [label, "b"], title="T", ident="t")))
        assert len(texts[0][0]) == lines, (kind, extra, texts[0][0])


def test_alignment_texts_sit_in_the_middle_of_their_cells_and_rows():
    scale = ["Een", "Twee", "Drie"]
    rows = [("Model met een naam van drie regels lang of meer", {0: ["a"], 2: ["b / c"]}), ("Kort", {1: ["d"]})]
    root = root_of(draw_alignment(scale, rows, title="T", ident="t"))
    texts, boxes = text_nodes(root), rects(root)
    cell = 750 / 3
    head_h = LINE + 20
    for i, head in enumerate(texts[:3]):
        assert middle(head) == head_h / 2 and head[1] == [round(190 + cell * (i + 0.5))]
    first_h = len(wrap(rows[0][0], 178)) * LINE + 20
    name1, a, bc, name2, d = texts[3:]
    assert name1[1][0] == 4 and abs(middle(name1) - (head_h + first_h / 2)) <= 0.5
    assert name2[1][0] == 4 and abs(middle(name2) - (head_h + first_h + (LINE + 20) / 2)) <= 0.5
    for box, text in zip(boxes, (a, bc, d), strict=True):
        assert box["rx"] == 4 and abs(box["width"] - (cell - 4)) <= 0.5
        assert abs(text[1][0] - (box["x"] + box["width"] / 2)) <= 0.5
        assert abs(middle(text) - (box["y"] + box["height"] / 2)) <= 0.5
    assert [b["x"] for b in boxes] == [192, round(190 + 2 * cell + 2), round(190 + cell + 2)]
    assert [(b["y"], b["height"]) for b in boxes] == [(head_h + 2, first_h - 4)] * 2 + [(head_h + first_h + 2, LINE + 20 - 4)]


@pytest.mark.parametrize("steps, head_chars, cell_chars", [(3, 28, 28), (1, 88, 88), (5, 16, 16)])
def test_alignment_words_wrap_at_the_width_of_their_cell(steps, head_chars, cell_chars):
    """A step name has its cell less 8 px, a stage text its cell less 10 px, a model name 178 px."""
    for extra, lines in ((0, 1), (1, 2)):
        head = "x" * (head_chars + extra - 4) + " yyy"
        stage = "x" * (cell_chars + extra - 4) + " yyy"
        name = "x" * (21 + extra - 4) + " yyy"
        scale = [head] + ["s"] * (steps - 1)
        texts = text_nodes(root_of(draw_alignment(scale, [(name, {0: [stage]})], title="T", ident="t")))
        assert [len(t[0]) for t in (texts[0], texts[steps], texts[steps + 1])] == [lines] * 3, (steps, extra)
