"""The diagrams in exact numbers where a reader sees the difference: the axes and arrowheads of a matrix,
the size of a ring and where its arrowheads point, a centre that is unknown, and the model and alignment
data the plugin hands to the drawing."""

import math
import types

import pytest
import yaml
from diagrams import DiagramError, draw, draw_alignment
from diagrams import plugin as dp
from diagrams.draw import LINE, WIDTH, wrap
from pelican import signals

from tests.plugins.test_diagram_layout import ALIGNMENT, FOUR, SVG, desc, middle, model, rects, root_of, text_nodes, viewbox


def arrowheads(root):
    """(class, x, y, degrees) of every arrowhead, read from its transform."""
    found = []
    for path in root.iter(f"{SVG}path"):
        move, turn = path.get("transform").removeprefix("translate(").removesuffix(")").split(") rotate(")
        x, y = (float(v) for v in move.split(","))
        found.append((path.get("class"), x, y, float(turn)))
    return found


def spaced(chars):
    """A label of exactly `chars` characters that can only break before its last word."""
    return "x" * (chars - 4) + " yyy"


# ------------------------------------------------------------------ the matrix


def matrix(x="Links – rechts", y="Boven – onder", labels=FOUR):
    root = root_of(draw("matrix", labels, title="T", ident="t", axes={"x": x, "y": y}))
    return root, rects(root), text_nodes(root)


@pytest.mark.parametrize("y, y_lines", [("Boven – onder", 1), (spaced(71), 1), (spaced(72), 2)])
@pytest.mark.parametrize("x, x_lines", [("Links – rechts", 1), (spaced(68), 1), (spaced(69), 2)])
def test_matrix_axis_labels_sit_outside_the_grid_and_grow_away_from_it(y, y_lines, x, x_lines):
    """The vertical axis label ("↓ " and its text, 620 px wide) starts at the top left, the grid 8 px below
    its last line; the horizontal one (" →" after its text, 596 px wide) starts 35 px below the grid and the
    drawing ends 30 px plus its lines below the grid. Both arrows end 8 px before their end and point along."""
    root, boxes, texts = matrix(x, y)
    y_label, x_label = texts[0], texts[-1]
    assert len(y_label[0]) == y_lines and " ".join(y_label[0]) == f"↓ {y}"
    assert len(x_label[0]) == x_lines and " ".join(x_label[0]) == f"{x} →"
    assert y_label[1] == [0] * y_lines and y_label[2] == [16 + LINE * i for i in range(y_lines)]
    top = y_lines * LINE + 8
    assert [b["y"] for b in boxes] == [top, top, top + 110, top + 110]
    bottom = top + 220
    assert x_label[1] == [44 + (WIDTH - 44) / 2] * x_lines
    assert x_label[2] == [bottom + 35 + LINE * i for i in range(x_lines)]
    assert viewbox(root) == [-4, -4, WIDTH + 8, bottom + 30 + x_lines * LINE + 8]
    assert arrowheads(root) == [("dg-arrow dg-axis-y", 22, bottom - 8, 90), ("dg-arrow dg-axis-x", WIDTH - 8, bottom + 16, 0)]


@pytest.mark.parametrize("axes", [None, {}, {"x": "Klein – groot"}, {"y": "Laag – hoog"}])
def test_a_matrix_without_an_axis_name_draws_its_bare_arrow(axes):
    root = root_of(draw("matrix", FOUR, title="T", ident="t", axes=axes))
    texts = text_nodes(root)
    axes = axes or {}
    assert texts[0][0] == [f"↓ {axes['y']}" if "y" in axes else "↓"]
    assert len(texts[-1][0]) == 1 and texts[-1][0][0].strip() == (f"{axes['x']} →" if "x" in axes else "→")


def test_a_matrix_cell_wraps_its_label_at_32_characters():
    """A cell is 298 px wide; its label gets that less 24 px: 32 characters of 8.4 px."""
    for chars, lines in ((32, 1), (33, 2)):
        _root, _boxes, texts = matrix(labels=[spaced(chars), "b", "c", "d"])
        assert len(texts[1][0]) == lines


# ------------------------------------------------------------------ the ring


def drawing(kind, labels, **extra):
    root = root_of(draw(kind, labels, title="T", ident="t", **extra))
    return root, rects(root), text_nodes(root)


def expected_radius(box_h, on_ring, core):
    """Neighbours on the ring are a box diagonal plus 30 px apart (centre to centre), at least 130 px
    from the centre, and a centre box keeps the ring a diagonal plus 30 px away."""
    diag = math.hypot(150, box_h)
    radius = max(130, (diag + 30) / (2 * math.sin(math.pi / on_ring))) if on_ring > 1 else 130
    return max(radius, diag + 30) if core else radius


@pytest.mark.parametrize("kind", ["cycle", "petals"])
@pytest.mark.parametrize("labels, core, box_h", [
    (["E1"], None, 40), (["E1", "E2"], None, 40), (["E1", "E2", "E3"], None, 40),
    ([f"E{i}" for i in range(8)], None, 40), ([f"E{i}" for i in range(12)], None, 40),
    ([spaced(16), "b", "c", "d", "e", "f"], None, 2 * LINE + 20),
    ([" ".join(["woord"] * 18), "b"], None, 9 * LINE + 20),     # a cycle of two that the label widens
    (["a", "b", "c"], 1, 40), (["a", "b", "c", "d", "e"], 2, 40), ([f"E{i}" for i in range(9)], 9, 40),
])
def test_the_ring_is_just_wide_enough_for_its_boxes(kind, labels, core, box_h):
    """The drawing is the ring plus half a box and 10 px on every side: the outermost boxes touch that margin."""
    root, boxes, _texts = drawing(kind, labels, core=core)
    on_ring = [b for b in boxes if "dg-core" not in b["class"]]
    assert {b["height"] for b in on_ring} == {box_h} and {b["width"] for b in on_ring} == {150}
    radius = expected_radius(box_h, len(on_ring), core)
    size = 2 * radius + 170
    assert viewbox(root) == [-4, -4, float(f"{size + 8:.0f}"), float(f"{size + 8:.0f}")]
    top = min(on_ring, key=lambda b: b["y"])
    assert top["y"] == float(f"{size / 2 - radius - box_h / 2:.0f}")            # element 1 at the top
    for circle in root.iter(f"{SVG}circle"):
        r = radius if kind == "cycle" else radius * 0.45
        assert float(circle.get("r")) == float(f"{r:.0f}")
    if len(on_ring) == 4:
        assert min(b["x"] for b in on_ring) == 10 and max(b["x"] + b["width"] for b in on_ring) == round(size - 10)


@pytest.mark.parametrize("chars, lines", [(15, 1), (16, 2)])
def test_a_ring_box_holds_15_characters_a_line_and_grows_with_its_lines(chars, lines):
    _root, boxes, texts = drawing("petals", [spaced(chars), "b", "c"])
    assert len(texts[0][0]) == lines
    assert {b["height"] for b in boxes} == {max(40, lines * LINE + 20)}


@pytest.mark.parametrize("n", [2, 3, 4, 7])
def test_cycle_arrowheads_point_clockwise_midway_between_the_boxes(n):
    root, _boxes, texts = drawing("cycle", [f"E{i}" for i in range(1, n + 1)])
    centre = (viewbox(root)[2] - 8) / 2
    radius = float(next(root.iter(f"{SVG}circle")).get("r"))
    heads = arrowheads(root)
    assert len(heads) == n
    points = [(t[1][0], middle(t)) for t in texts]
    for k, (cls, x, y, degrees) in enumerate(heads):
        assert cls == "dg-arrow"
        assert abs(math.hypot(x - centre, y - centre) - radius) <= 1.5                 # on the circle
        (ax, ay), (bx, by) = points[k], points[(k + 1) % n]
        angle = math.atan2(y - centre, x - centre)
        between = math.atan2((ay + by) / 2 - centre, (ax + bx) / 2 - centre) if n > 2 else \
            math.atan2(ay - centre, ax - centre) + math.pi / 2
        assert abs(math.remainder(angle - between, 2 * math.pi)) <= 0.02                 # after box k, before k + 1
        assert degrees == float(f"{360 * (k + 0.5) / n:.0f}")                        # along the circle, clockwise


@pytest.mark.parametrize("kind", ["cycle", "petals"])
@pytest.mark.parametrize("unknown", [set(), {0}, {1}])
def test_an_unknown_centre_is_dashed_and_a_known_one_is_not(kind, unknown):
    _root, boxes, texts = drawing(kind, FOUR, core=1, unknown=unknown)
    assert "dg-core" in boxes[-1]["class"]
    assert [b["dash"] is not None for b in boxes] == [i in unknown for i in (1, 2, 3, 0)]
    assert [("dg-unknown" in b["class"]) for b in boxes] == [i in unknown for i in (1, 2, 3, 0)]
    assert texts[-1][0][0].endswith("Crawl ?" if 0 in unknown else "Crawl")


@pytest.mark.parametrize("kind", ["cycle", "petals"])
def test_a_long_centre_label_keeps_every_line(kind):
    label = "Een kern met een naam die over drie of vier regels loopt"
    _root, _boxes, texts = drawing(kind, [label, "b", "c"], core=1)
    lines = wrap(label, 134)
    assert len(lines) >= 3
    assert texts[-1][0] == ([f"1. {lines[0]}", *lines[1:]] if kind == "cycle" else lines)


# ------------------------------------------------------------------ stages, boxes and wrapping


def test_two_stages_stand_one_full_step_apart():
    _root, boxes, _texts = drawing("stages", ["Een", "Twee"])
    assert [b["x"] for b in boxes] == [0, 60]


def test_a_stage_of_two_lines_is_as_high_as_its_lines():
    label = " ".join(["woord"] * 20)
    _root, boxes, texts = drawing("stages", [label, "Kort"])
    assert len(texts[0][0]) == 2
    assert [b["height"] for b in boxes] == [2 * LINE + 20, 40]


def test_boxes_of_a_list_and_stages_have_round_corners_and_alignment_cells_are_never_dashed():
    for kind in ("list", "stages"):
        assert {b["rx"] for b in drawing(kind, FOUR)[1]} == {6}
    root = root_of(draw_alignment(["A", "B"], [("M", {0: ["s"], 1: ["t"]})], title="T", ident="t"))
    assert [(b["dash"], b["class"]) for b in rects(root)] == [(None, "dg-box")] * 2


@pytest.mark.parametrize("width", [0, 30, 58])
def test_a_narrow_wrap_still_breaks_lines_of_more_than_six_characters(width):
    assert wrap("abc def", width) == ["abc", "def"]
    assert wrap("abcdef g", width) == ["abcdef", "g"]


# ------------------------------------------------------------------ the plugin: model data and alignment data


def test_a_matrix_model_draws_its_axes_from_the_front_matter():
    meta = {"diagram": "matrix", "elements": [{"name": n} for n in FOUR], "axes": {"x": "Klein – groot", "y": "Los – vast"}}
    svg = dp.diagram_for(meta, title="T", ident="t")
    assert desc(svg).endswith("Horizontale as, van links naar rechts: Klein – groot; verticale as, van boven naar "
                              "beneden: Los – vast.")
    texts = text_nodes(root_of(svg))
    assert texts[0][0] == ["↓ Los – vast"] and texts[-1][0] == ["Klein – groot →"]


def test_elements_without_a_name_are_drawn_empty_and_an_error_without_a_file_names_the_model():
    meta = {"diagram": "list", "elements": [{"name": "A"}, {}, {"name": None}]}
    svg = dp.diagram_for(meta, title="T", ident="t")
    assert [t[0] for t in text_nodes(root_of(svg))] == [["1. A"], ["2."], ["3."]]
    with pytest.raises(DiagramError, match=r"^model: a matrix diagram needs exactly 4 elements$"):
        dp.diagram_for({**meta, "diagram": "matrix"}, title="T", ident="t")


def articles_with(path, alignment=None):
    catalog = types.SimpleNamespace(alignment=alignment)
    return types.SimpleNamespace(articles=[model("alpha", "Alfa", 3), model("beta", "Beta", 2)],
                                 settings={"PATH": str(path)}, context={"catalog": catalog})


def test_the_default_alignment_comes_from_the_content_check_and_another_file_from_disk(tmp_path):
    on_disk = {"scale": [{"name": "Één"}], "models": [{"slug": "beta", "stages": [{"name": "Tóp", "element": 2, "step": 1}]}]}
    for name in ("alignment.yaml", "ander.yaml"):
        (tmp_path / name).write_text(yaml.safe_dump(on_disk, allow_unicode=True), encoding="utf-8")
    articles = articles_with(tmp_path, alignment=ALIGNMENT)
    assert dp.alignment_data(articles, "alignment.yaml") is ALIGNMENT
    assert dp.alignment_data(articles, "ander.yaml") == on_disk
    assert dp.alignment_data(articles_with(tmp_path), "alignment.yaml") == on_disk     # the check read none
    default = types.SimpleNamespace(metadata={"alignment": True}, title="Standaard")
    named = types.SimpleNamespace(metadata={"alignment": "ander.yaml"}, title="Ander")
    dp.add_alignment([types.SimpleNamespace(pages=[default, named], hidden_pages=[]), articles])
    assert desc(default.alignment_svg) == "Alfa: Beginnen: Begin / Midden; Beta: Groeien: Top"
    assert desc(named.alignment_svg) == "Beta: Één: Tóp"


def test_a_wrong_entry_in_a_named_alignment_file_names_that_file(tmp_path):
    (tmp_path / "ander.yaml").write_text(yaml.safe_dump({"scale": [{"name": "S"}], "models": [
        {"slug": "gamma", "stages": []}]}), encoding="utf-8")
    page = types.SimpleNamespace(metadata={"alignment": "ander.yaml"}, title="Ander")
    with pytest.raises(DiagramError, match=r"^ander\.yaml: models\[0\]\.slug: the slug of an existing model \('gamma'\)$"):
        dp.add_alignment([types.SimpleNamespace(pages=[page], hidden_pages=[]), articles_with(tmp_path)])


def test_register_hooks_the_diagrams_to_pelicans_signals():
    dp.register()
    assert dp.add_diagrams in list(signals.article_generator_finalized.receivers_for(object()))
    assert dp.add_alignment in list(signals.all_generators_finalized.receivers_for(object()))
