"""Pure SVG drawing: a list of labels in, one accessible, self-contained SVG string out.

Colours come from CSS classes (`dg-*`) in the theme so the drawing follows light, dark and
print styles; the presentation attributes are only a fallback for the SVG on its own.
Labels are real <text> wrapped into <tspan> lines, never paths, so they can be read and found.
"""

import math
import textwrap
from html import escape

KINDS = ("stages", "pyramid", "cycle", "matrix", "petals", "funnel", "ladder", "list")
WIDTH = 640
LINE = 18          # line height in px for 14 px text
CHAR = 8.4         # average glyph width of 14 px sans-serif (0.6 em, wide fonts such as DejaVu Sans), used to wrap
PAD = 10


class DiagramError(ValueError):
    """The diagram kind or its input cannot be drawn."""


def wrap(label, width_px):
    """Split a label into lines that fit `width_px`; words (and hyphenated words) are never broken."""
    limit = max(6, int(width_px / CHAR))
    return textwrap.wrap(label, limit, break_long_words=False, break_on_hyphens=False) or [""]


def _text(x, y, lines, cls="dg-text", anchor="middle"):
    """A <text> element with one <tspan> per line, vertically centred on y."""
    top = y - (len(lines) - 1) * LINE / 2 + 5
    spans = "".join(
        f'<tspan x="{x:.0f}" y="{top + i * LINE:.0f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text class="{cls}" text-anchor="{anchor}" fill="#1a1a1a" font-size="14">{spans}</text>'


def _box(x, y, w, h, cls="dg-box", rx=6, unknown=False):
    """A box; an element no source names is drawn dashed (class dg-unknown)."""
    dash = ' stroke-dasharray="6 4"' if unknown else ""
    cls = f"{cls} dg-unknown" if unknown else cls
    return (f'<rect class="{cls}" x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="{rx}" '
            f'fill="#e8f0f7" stroke="#1d4f7a"{dash}/>')


def _poly(points, cls="dg-box", unknown=False):
    pts = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
    dash = ' stroke-dasharray="6 4"' if unknown else ""
    cls = f"{cls} dg-unknown" if unknown else cls
    return f'<polygon class="{cls}" points="{pts}" fill="#e8f0f7" stroke="#1d4f7a"{dash}/>'


def _stages(labels, unknown):
    n = len(labels)
    step = min(60, (WIDTH - 260) / max(1, n - 1))   # a single stage stands at x = 0 whatever the step
    rows = []
    shapes = []
    for i, label in enumerate(labels):
        x = i * step
        lines = wrap(f"{i + 1}. {label}", WIDTH - x - 2 * PAD)
        rows.append((x, lines, max(40, len(lines) * LINE + 2 * PAD)))
    total = sum(r[2] for r in rows) + 4 * (n - 1)
    y = total
    for i, (x, lines, h) in enumerate(rows):  # first stage at the bottom, each next one a step up and to the right
        y -= h
        shapes.append(_box(x, y, WIDTH - x, h, unknown=i in unknown))
        shapes.append(_text(x + PAD, y + h / 2, lines, anchor="start"))
        y -= 4
    return shapes, total


def _layers(labels, widest_first, unknown):
    """Stacked trapezoids: a funnel (element 1 on top, widest) or a pyramid (element 1 at the base)."""
    n = len(labels)
    minw, maxw = 200, WIDTH
    edges = [minw + (maxw - minw) * r / n for r in range(n + 1)]  # narrow (top) -> wide (bottom)
    if widest_first:
        edges.reverse()
    rows = []
    for r in range(n):
        index = r if widest_first else n - 1 - r
        lines = wrap(labels[index], min(edges[r], edges[r + 1]) - 50)
        rows.append((edges[r], edges[r + 1], lines, max(40, len(lines) * LINE + 2 * PAD), index in unknown))
    shapes, y, cx = [], 0, WIDTH / 2
    for top_w, bottom_w, lines, h, dashed in rows:
        shapes.append(_poly([(cx - top_w / 2, y), (cx + top_w / 2, y), (cx + bottom_w / 2, y + h),
                             (cx - bottom_w / 2, y + h)], unknown=dashed))
        shapes.append(_text(cx, y + h / 2, lines))
        y += h
    return shapes, y


def _arrowhead(x, y, degrees, cls="dg-arrow"):
    """A filled triangle whose tip points along `degrees` (0 = to the right, 90 = down)."""
    return (f'<path class="{cls}" d="M-7,-6 L7,0 L-7,6 Z" fill="#1d4f7a" '
            f'transform="translate({x:.0f},{y:.0f}) rotate({degrees:.0f})"/>')


def _ring(labels, arrows, unknown, core=None):
    """Boxes on a circle (cycle: with arrowheads between them, petals: round boxes); the element at
    1-based position `core` sits in the centre instead of on the circle."""
    n = len(labels)
    box_w = 150
    centre = core - 1 if core else None
    wrapped = [wrap(label, box_w - 16) for label in labels]
    box_h = max(max(len(w) for w in wrapped) * LINE + 2 * PAD, 40)
    ring = [i for i in range(n) if i != centre]
    m = max(1, len(ring))
    diag = math.hypot(box_w, box_h)
    # adjacent boxes (chord 2R·sin(π/m)) stay a diagonal plus an arrowhead apart, so no arrowhead is covered
    radius = max(130, (diag + 30) / (2 * math.sin(math.pi / m)) if m > 1 else 130)
    if centre is not None:
        radius = max(radius, diag + 30)   # the ring clears the centre box
    size = 2 * radius + box_w + 20
    cx = cy = size / 2
    shapes = []
    if arrows:
        shapes.append(f'<circle class="dg-line" cx="{cx:.0f}" cy="{cy:.0f}" r="{radius:.0f}" fill="none" '
                      'stroke="#1d4f7a" stroke-width="2"/>')
    elif centre is None:
        shapes.append(f'<circle class="dg-centre" cx="{cx:.0f}" cy="{cy:.0f}" r="{radius * 0.45:.0f}" '
                      'fill="#d4e4f2" stroke="#1d4f7a"/>')
    else:  # petals around a core: a spoke from the core to every petal, under the boxes
        for k in range(m):
            angle = -math.pi / 2 + 2 * math.pi * k / m
            shapes.append(f'<line class="dg-line" x1="{cx:.0f}" y1="{cy:.0f}" x2="{cx + radius * math.cos(angle):.0f}" '
                          f'y2="{cy + radius * math.sin(angle):.0f}" stroke="#1d4f7a" stroke-width="2"/>')
    for k, i in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * k / m
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        shapes.append(_box(x - box_w / 2, y - box_h / 2, box_w, box_h, rx=18 if not arrows else 6,
                           unknown=i in unknown))
        lines = wrapped[i]
        label = [f"{i + 1}. {lines[0]}", *lines[1:]] if arrows else lines
        shapes.append(_text(x, y, label))
    if arrows and m > 1:
        for k in range(m):  # drawn after the boxes, midway between two boxes on the circle
            mid = -math.pi / 2 + 2 * math.pi * (k + 0.5) / m
            shapes.append(_arrowhead(cx + radius * math.cos(mid), cy + radius * math.sin(mid), math.degrees(mid) + 90))
    if centre is not None:
        shapes.append(_box(cx - box_w / 2 - 10, cy - box_h / 2 - 10, box_w + 20, box_h + 20,
                           cls="dg-box dg-core", rx=box_h / 2 + 10, unknown=centre in unknown))
        lines = wrapped[centre]
        shapes.append(_text(cx, cy, [f"{centre + 1}. {lines[0]}", *lines[1:]] if arrows else lines))
    return shapes, size, size


def _matrix(labels, axes, unknown):
    """A 2×2 grid, elements row by row. An axis 'A – B' runs from the first column (row) to the
    second, so the horizontal arrow points right and the vertical arrow points down."""
    axes = axes or {}
    left = 44
    cell = (WIDTH - left) / 2
    wrapped = [wrap(label, cell - 24) for label in labels]
    cell_h = max(110, max(len(w) for w in wrapped) * LINE + 30)
    shapes = []
    y_label = wrap(f"↓ {axes.get('y', '')}", WIDTH - 2 * PAD)
    top = len(y_label) * LINE + 8
    shapes.append(_text(0, top / 2 - 2, y_label, cls="dg-axis", anchor="start"))
    for i, lines in enumerate(wrapped):
        col, row = i % 2, i // 2
        x, y = left + col * cell, top + row * cell_h
        shapes.append(_box(x, y, cell, cell_h, rx=0, unknown=i in unknown))
        shapes.append(_text(x + cell / 2, y + cell_h / 2, lines))
    bottom = top + 2 * cell_h
    line = '<line class="dg-line" x1="{:.0f}" y1="{:.0f}" x2="{:.0f}" y2="{:.0f}" stroke="#1d4f7a" stroke-width="2"/>'
    shapes.append(line.format(left / 2, top + 8, left / 2, bottom - 8))
    shapes.append(_arrowhead(left / 2, bottom - 8, 90, cls="dg-arrow dg-axis-y"))
    shapes.append(line.format(left + 8, bottom + 16, WIDTH - 8, bottom + 16))
    shapes.append(_arrowhead(WIDTH - 8, bottom + 16, 0, cls="dg-arrow dg-axis-x"))
    x_label = wrap(f"{axes.get('x', '')} →", WIDTH - left)
    shapes.append(_text(left + cell, bottom + 30 + (len(x_label) - 1) * LINE / 2, x_label, cls="dg-axis"))
    return shapes, bottom + 30 + len(x_label) * LINE


def _ladder(labels, unknown):
    rail_x1, rail_x2 = 20, 110
    wrapped = [wrap(f"{i + 1}. {label}", WIDTH - 150) for i, label in enumerate(labels)]
    spans = [max(44, len(w) * LINE + 2 * PAD) for w in wrapped]
    total = sum(spans)
    rail = '<line class="dg-line" x1="{x}" y1="0" x2="{x}" y2="{y}" stroke="#1d4f7a" stroke-width="4"/>'
    shapes = [rail.format(x=rail_x1, y=total), rail.format(x=rail_x2, y=total)]
    y = total
    for i, (lines, h) in enumerate(zip(wrapped, spans, strict=True)):  # first rung at the bottom
        y -= h
        mid = y + h / 2
        dash = ' stroke-dasharray="6 4"' if i in unknown else ""
        cls = "dg-line dg-unknown" if i in unknown else "dg-line"
        shapes.append(f'<line class="{cls}" x1="{rail_x1}" y1="{mid:.0f}" x2="{rail_x2}" y2="{mid:.0f}" '
                      f'stroke="#1d4f7a" stroke-width="4"{dash}/>')
        shapes.append(_text(130, mid, lines, anchor="start"))
    return shapes, total


def _list(labels, unknown):
    wrapped = [wrap(f"{i + 1}. {label}", WIDTH - 2 * PAD) for i, label in enumerate(labels)]
    shapes, y = [], 0
    for i, lines in enumerate(wrapped):
        h = max(40, len(lines) * LINE + 2 * PAD)
        shapes.append(_box(0, y, WIDTH, h, unknown=i in unknown))
        shapes.append(_text(PAD, y + h / 2, lines, anchor="start"))
        y += h + 6
    return shapes, y - 6


def N_(text):  # noqa: N802 - the gettext convention: extracted by `make translations`, translated by `draw`
    """Mark `text` for extraction without translating it here."""
    return text


NAMES = {"stages": N_("Trap"), "pyramid": N_("Piramide"), "funnel": N_("Trechter"), "cycle": N_("Cyclus"),
         "petals": N_("Bloem"), "matrix": N_("Matrix"), "ladder": N_("Ladder"), "list": N_("Lijst")}
ORDER = {"pyramid": N_("van de basis naar de top"), "ladder": N_("van de onderste naar de bovenste sport"),
         "stages": N_("van de eerste naar de laatste fase"), "funnel": N_("van boven naar beneden")}
NOUN = {"stages": N_("fasen"), "cycle": N_("fasen"), "ladder": N_("sporten"), "pyramid": N_("lagen"),
        "funnel": N_("lagen")}
UNKNOWN = N_("onbekend")
IN_ORDER = N_("in volgorde")
ELEMENTS = N_("elementen")


def draw(kind, labels, *, title, ident, axes=None, core=None, unknown=(), _=str):
    """Return an inline SVG of `kind` for the ordered `labels` (first element first).

    `_` translates the words of the text alternative (the edition's gettext; Dutch as written).
    `core` is the 1-based position of an element drawn in the centre (petals and cycle only);
    `unknown` holds the 0-based positions of elements no source names: drawn dashed with a "?".
    """
    if kind not in KINDS:
        raise DiagramError(f"unknown diagram kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not labels:
        raise DiagramError("a diagram needs at least one element")
    unknown = set(unknown)
    if core is not None:
        if kind not in ("petals", "cycle"):
            raise DiagramError(f"core: only a petals or cycle diagram has a centre (this one is {kind})")
        if not isinstance(core, int) or not 1 <= core <= len(labels):
            raise DiagramError(f"core: the 1-based position of one of the {len(labels)} elements (got {core!r})")
    labels = [" ".join(str(label or "").split()) for label in labels]
    shown = [f"{label} ?".strip() if i in unknown else label for i, label in enumerate(labels)]
    width = WIDTH
    if kind == "stages":
        shapes, height = _stages(shown, unknown)
    elif kind in ("pyramid", "funnel"):
        shapes, height = _layers(shown, widest_first=kind == "funnel", unknown=unknown)
    elif kind in ("cycle", "petals"):
        shapes, width, height = _ring(shown, arrows=kind == "cycle", unknown=unknown, core=core)
    elif kind == "matrix":
        if len(labels) != 4:
            raise DiagramError("a matrix diagram needs exactly 4 elements")
        shapes, height = _matrix(shown, axes, unknown)
    elif kind == "ladder":
        shapes, height = _ladder(shown, unknown)
    else:
        shapes, height = _list(shown, unknown)
    n = len(labels)
    said = [f"{label} ({_(UNKNOWN)})" if i in unknown and label else (_(UNKNOWN) if i in unknown else label)
            for i, label in enumerate(labels)]
    desc = _("%(shape)s met %(n)d elementen, %(order)s: ") % {
        "shape": _(NAMES[kind]), "n": n, "order": _(ORDER.get(kind, IN_ORDER))} + "; ".join(
        f"{i + 1}. {label}" for i, label in enumerate(said))
    if core is not None:
        desc += _(". In het midden: %(core)s") % {"core": said[core - 1]}
    if kind == "matrix":
        desc += _(". Horizontale as, van links naar rechts: %(x)s; verticale as, van boven naar beneden: %(y)s") % {
            "x": (axes or {}).get("x", ""), "y": (axes or {}).get("y", "")}
    if unknown:
        desc += _(". %(known)d van %(n)d %(noun)s bekend") % {
            "known": n - len(unknown), "n": n, "noun": _(NOUN.get(kind, ELEMENTS))}
    desc += "."
    m = 4
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dg dg-{kind}" role="img" '
        f'viewBox="{-m} {-m} {width + 2 * m:.0f} {height + 2 * m:.0f}" '
        f'aria-labelledby="dg-{ident}-t dg-{ident}-d" font-family="system-ui, sans-serif">'
        f'<title id="dg-{ident}-t">{escape(title)}</title><desc id="dg-{ident}-d">{escape(desc)}</desc>'
        + "".join(shapes) + "</svg>"
    )


def draw_alignment(scale, rows, *, title, ident):
    """A grid that sets the stages of several models side by side on one shared scale.

    `scale` is a list of step names; `rows` a list of (model title, {step index: [stage names]}).
    """
    if not scale or not rows:
        raise DiagramError("an alignment needs a scale and at least one model")
    width = 940  # wider than a model diagram: every Dutch or English stage word must fit a cell
    name_w, cell_w = 190, (width - 190) / len(scale)
    shapes, y = [], 0
    head = [wrap(step, cell_w - 8) for step in scale]
    head_h = max(len(h) for h in head) * LINE + 2 * PAD
    for i, lines in enumerate(head):
        shapes.append(_text(name_w + cell_w * (i + 0.5), head_h / 2, lines, cls="dg-axis"))
    y = head_h
    desc = []
    for model, cells in rows:
        name = wrap(model, name_w - 12)
        wrapped = {i: wrap(" / ".join(stages), cell_w - 10) for i, stages in cells.items()}
        h = max([len(name), *(len(w) for w in wrapped.values())]) * LINE + 2 * PAD
        shapes.append(_text(4, y + h / 2, name, anchor="start"))
        for i in range(len(scale)):
            x = name_w + cell_w * i
            if i in wrapped:
                shapes.append(_box(x + 2, y + 2, cell_w - 4, h - 4, rx=4))
                shapes.append(_text(x + cell_w / 2, y + h / 2, wrapped[i]))
        desc.append(f"{model}: " + ", ".join(f"{scale[i]}: {' / '.join(s)}" for i, s in sorted(cells.items())))
        y += h
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dg dg-alignment" role="img" viewBox="-4 -4 {width + 8} {y + 8:.0f}" '
        f'aria-labelledby="dg-{ident}-t dg-{ident}-d" font-family="system-ui, sans-serif">'
        f'<title id="dg-{ident}-t">{escape(title)}</title><desc id="dg-{ident}-d">{escape("; ".join(desc))}</desc>'
        + "".join(shapes) + "</svg>"
    )
