"""Pure SVG drawing: a list of labels in, one accessible, self-contained SVG string out.

Colours come from CSS classes (`dg-*`) in the theme so the drawing follows light, dark and
print styles; the presentation attributes are only a fallback for the SVG on its own.
Labels are real <text> wrapped into <tspan> lines, never paths, so they can be read and found.
"""

import math
from html import escape

KINDS = ("stages", "pyramid", "cycle", "matrix", "petals", "funnel", "ladder", "list")
WIDTH = 640
LINE = 18          # line height in px for 14 px text
CHAR = 7.6         # average glyph width of 14 px sans-serif, used to wrap
PAD = 10


class DiagramError(ValueError):
    """The diagram kind or its input cannot be drawn."""


def wrap(label, width_px):
    """Split a label into lines that fit `width_px`; words are never broken."""
    limit = max(6, int(width_px / CHAR))
    lines, current = [], ""
    for word in label.split():
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > limit:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def _text(x, y, lines, cls="dg-text", anchor="middle"):
    """A <text> element with one <tspan> per line, vertically centred on y."""
    top = y - (len(lines) - 1) * LINE / 2 + 5
    spans = "".join(
        f'<tspan x="{x:.0f}" y="{top + i * LINE:.0f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text class="{cls}" text-anchor="{anchor}" fill="#1a1a1a" font-size="14">{spans}</text>'


def _box(x, y, w, h, cls="dg-box", rx=6):
    return (f'<rect class="{cls}" x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="{rx}" '
            f'fill="#e8f0f7" stroke="#1d4f7a"/>')


def _poly(points, cls="dg-box"):
    pts = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
    return f'<polygon class="{cls}" points="{pts}" fill="#e8f0f7" stroke="#1d4f7a"/>'


def _stages(labels):
    n = len(labels)
    step = min(60, (WIDTH - 260) / max(1, n - 1)) if n > 1 else 0
    rows, y = [], 0
    shapes = []
    for i, label in enumerate(labels):
        x = i * step
        lines = wrap(f"{i + 1}. {label}", WIDTH - x - 2 * PAD)
        rows.append((x, lines, max(40, len(lines) * LINE + 2 * PAD)))
    total = sum(r[2] for r in rows) + 4 * (n - 1)
    y = total
    for x, lines, h in rows:  # first stage at the bottom, each next one a step up and to the right
        y -= h
        shapes.append(_box(x, y, WIDTH - x, h))
        shapes.append(_text(x + PAD, y + h / 2, lines, anchor="start"))
        y -= 4
    return shapes, total


def _layers(labels, widest_first):
    """Stacked trapezoids: a funnel (element 1 on top, widest) or a pyramid (element 1 at the base)."""
    n = len(labels)
    minw, maxw = 200, WIDTH
    edges = [minw + (maxw - minw) * r / n for r in range(n + 1)]  # narrow (top) -> wide (bottom)
    if widest_first:
        edges.reverse()
    rows = []
    for r in range(n):
        label = labels[r] if widest_first else labels[n - 1 - r]
        lines = wrap(label, min(edges[r], edges[r + 1]) - 50)
        rows.append((edges[r], edges[r + 1], lines, max(40, len(lines) * LINE + 2 * PAD)))
    shapes, y, cx = [], 0, WIDTH / 2
    for top_w, bottom_w, lines, h in rows:
        shapes.append(_poly([(cx - top_w / 2, y), (cx + top_w / 2, y), (cx + bottom_w / 2, y + h),
                             (cx - bottom_w / 2, y + h)]))
        shapes.append(_text(cx, y + h / 2, lines))
        y += h
    return shapes, y


def _ring(labels, arrows):
    n = len(labels)
    box_w = 150
    wrapped = [wrap(label, box_w - 16) for label in labels]
    box_h = max(max(len(w) for w in wrapped) * LINE + 2 * PAD, 40)
    radius = max(130, n * (box_w + 24) / (2 * math.pi) * 0.75)
    size = 2 * radius + box_w + 20
    cx = cy = size / 2
    shapes = []
    if not arrows:
        shapes.append(f'<circle class="dg-centre" cx="{cx:.0f}" cy="{cy:.0f}" r="{radius * 0.45:.0f}" '
                      'fill="#d4e4f2" stroke="#1d4f7a"/>')
    else:
        shapes.append(f'<circle class="dg-line" cx="{cx:.0f}" cy="{cy:.0f}" r="{radius:.0f}" fill="none" '
                      'stroke="#1d4f7a" stroke-width="2"/>')
    for i, lines in enumerate(wrapped):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        shapes.append(_box(x - box_w / 2, y - box_h / 2, box_w, box_h, rx=18 if not arrows else 6))
        label = [f"{i + 1}. {lines[0]}", *lines[1:]] if arrows else lines
        shapes.append(_text(x, y, label))
        if arrows:
            mid = angle + math.pi / n
            ax, ay = cx + radius * math.cos(mid), cy + radius * math.sin(mid)
            deg = math.degrees(mid) + 90
            shapes.append(f'<path class="dg-arrow" d="M-7,-6 L7,0 L-7,6 Z" fill="#1d4f7a" '
                          f'transform="translate({ax:.0f},{ay:.0f}) rotate({deg:.0f})"/>')
    return shapes, size, size


def _matrix(labels, axes):
    axes = axes or {}
    cell = (WIDTH - 60) / 2
    wrapped = [wrap(label, cell - 24) for label in labels]
    cell_h = max(110, max(len(w) for w in wrapped) * LINE + 30)
    shapes = []
    for i, lines in enumerate(wrapped):
        col, row = i % 2, i // 2
        x, y = 60 + col * cell, row * cell_h
        shapes.append(_box(x, y, cell, cell_h, rx=0))
        shapes.append(_text(x + cell / 2, y + cell_h / 2, lines))
    total = 2 * cell_h
    x_label = wrap(f"{axes.get('x', '')} →", WIDTH - 80)
    shapes.append(_text(60 + cell, total + 22, x_label, cls="dg-axis"))
    y_label = escape(f"{axes.get('y', '')} →")
    shapes.append(f'<text class="dg-axis" text-anchor="middle" fill="#1a1a1a" font-size="14" '
                  f'transform="translate(30,{total / 2:.0f}) rotate(-90)"><tspan x="0" y="0">{y_label}</tspan></text>')
    return shapes, total + 22 + len(x_label) * LINE


def _ladder(labels):
    rail_x1, rail_x2 = 20, 110
    wrapped = [wrap(f"{i + 1}. {label}", WIDTH - 150) for i, label in enumerate(labels)]
    spans = [max(44, len(w) * LINE + 2 * PAD) for w in wrapped]
    total = sum(spans)
    rail = '<line class="dg-line" x1="{x}" y1="0" x2="{x}" y2="{y}" stroke="#1d4f7a" stroke-width="4"/>'
    shapes = [rail.format(x=rail_x1, y=total), rail.format(x=rail_x2, y=total)]
    y = total
    for lines, h in zip(wrapped, spans, strict=True):  # first rung at the bottom
        y -= h
        mid = y + h / 2
        shapes.append(f'<line class="dg-line" x1="{rail_x1}" y1="{mid:.0f}" x2="{rail_x2}" y2="{mid:.0f}" '
                      'stroke="#1d4f7a" stroke-width="4"/>')
        shapes.append(_text(130, mid, lines, anchor="start"))
    return shapes, total


def _list(labels):
    wrapped = [wrap(f"{i + 1}. {label}", WIDTH - 2 * PAD) for i, label in enumerate(labels)]
    shapes, y = [], 0
    for lines in wrapped:
        h = max(40, len(lines) * LINE + 2 * PAD)
        shapes.append(_box(0, y, WIDTH, h))
        shapes.append(_text(PAD, y + h / 2, lines, anchor="start"))
        y += h + 6
    return shapes, y - 6


def draw(kind, labels, *, title, ident, axes=None):
    """Return an inline SVG of `kind` for the ordered `labels` (first element first)."""
    if kind not in KINDS:
        raise DiagramError(f"unknown diagram kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not labels:
        raise DiagramError("a diagram needs at least one element")
    labels = [" ".join(str(label).split()) for label in labels]
    width = WIDTH
    if kind == "stages":
        shapes, height = _stages(labels)
    elif kind == "pyramid":
        shapes, height = _layers(labels, widest_first=False)
    elif kind == "funnel":
        shapes, height = _layers(labels, widest_first=True)
    elif kind in ("cycle", "petals"):
        shapes, width, height = _ring(labels, arrows=kind == "cycle")
    elif kind == "matrix":
        if len(labels) != 4:
            raise DiagramError("a matrix diagram needs exactly 4 elements")
        shapes, height = _matrix(labels, axes)
    elif kind == "ladder":
        shapes, height = _ladder(labels)
    else:
        shapes, height = _list(labels)
    names = {"stages": "Trap", "pyramid": "Piramide", "funnel": "Trechter", "cycle": "Cyclus",
             "petals": "Bloem", "matrix": "Matrix", "ladder": "Ladder", "list": "Lijst"}
    order = {"pyramid": "van de basis naar de top", "ladder": "van de onderste naar de bovenste sport",
             "stages": "van de eerste naar de laatste fase", "funnel": "van boven naar beneden"}
    desc = f"{names[kind]} met {len(labels)} elementen, {order.get(kind, 'in volgorde')}: " + "; ".join(
        f"{i + 1}. {label}" for i, label in enumerate(labels))
    if kind == "matrix":
        desc += f". Horizontale as: {(axes or {}).get('x', '')}; verticale as: {(axes or {}).get('y', '')}."
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
