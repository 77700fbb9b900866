"""Write the bench report: bench-report/report.json (every run) and bench-report/report.md (medians)."""

import json

from tests.bench.common import RUNS

DECIMALS = {"s": 2, "ms": 0, "×": 2, "KB": 1, "/100": 0}


def number(value, unit):
    """A number with the decimals its unit needs."""
    return "–" if value is None else f"{value:,.{DECIMALS.get(unit, 2)}f}"


def fmt(value, unit):
    """A number with the decimals its unit needs, and the unit."""
    if value is None:
        return "–"
    return f"{number(value, unit)}{unit}" if unit in ("×", "/100") else f"{number(value, unit)} {unit}"


def cell(text):
    """Text that stays inside one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _target(figure):
    return "–" if figure.op is None else f"{'≤' if figure.op == '<=' else '≥'} {fmt(figure.target, figure.unit)}"


def _status(figure):
    return {"met": "✅ met", "not met": "❌ not met"}.get(figure.status, figure.status)


def markdown(meta, sections):
    """The report as Markdown: header with date and machine, one table per section, then what failed."""
    m = meta["machine"]
    lines = [
        "# Benchmark report",
        "",
        f"- **Date:** {m['date']}",
        f"- **Machine:** {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM (from /proc); "
        f"Python {m['python']}, Linux {m['kernel']}",
        f"- **Load average (1 min):** {meta['load'][0]} at the start; between the parts "
        f"{', '.join(str(x) for x in meta['load'][1:])} (the bench's own work counts there too)"
        + (". Other work was running on the machine when the bench started, so times are noisier than usual"
           if (meta["load"][0] or 0) > 1.0 else ""),
        f"- **Bench time:** {meta['seconds']:.0f} s",
        f"- **Method:** each figure is the median of {RUNS} runs taken in alternating order (A, B, A, B, …) "
        "unless its note says otherwise; a ratio is taken per pair, then the median. Speed is reported "
        "here, never asserted by a test.",
        "",
    ]
    failed = {}  # error -> labels of the figures it left unmeasured
    for title, figures, intro in sections:
        lines += [f"## {title}", ""]
        if intro:
            lines += [intro, ""]
        lines += ["| Figure | Median | Runs | Target | Status | Note |", "|---|---|---|---|---|---|"]
        for f in figures:
            runs = ", ".join(number(r, f.unit) for r in f.runs) or "–"
            note = f.note if not f.error else f"not measured: {f.error[:160]}"
            lines.append(f"| {cell(f.label)} | {fmt(f.value, f.unit)} | {runs} | {_target(f)} | {_status(f)} "
                         f"| {cell(note)} |")
            if f.error:
                failed.setdefault(cell(f.error), []).append(cell(f.label))
        lines.append("")
    counts = {}
    for _title, figures, _intro in sections:
        for f in figures:
            if f.op is not None or f.error:
                counts[f.status] = counts.get(f.status, 0) + 1
    lines += ["## Summary", "",
              f"Targets met: {counts.get('met', 0)}, not met: {counts.get('not met', 0)}, "
              f"not measured: {counts.get('not measured', 0)}.", ""]
    if failed:
        lines += ["## Not measured", ""]
        for error, labels in failed.items():
            names = "; ".join(labels[:3]) + (f"; and {len(labels) - 3} more" if len(labels) > 3 else "")
            lines.append(f"- **{names}:** {error}")
        lines.append("")
    return "\n".join(lines)


def write(folder, meta, sections):
    """Write report.md and report.json into `folder`; return the Markdown text."""
    folder.mkdir(parents=True, exist_ok=True)
    text = markdown(meta, sections)
    (folder / "report.md").write_text(text, encoding="utf-8")
    data = {**meta, "runs_per_figure": RUNS,
            "sections": [{"title": t, "intro": i, "figures": [f.to_dict() for f in figs]} for t, figs, i in sections]}
    (folder / "report.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return text
