"""`make bench`: measure the build and the pages, write bench-report/report.md and report.json.

Every figure is the median of alternating runs (ours, reference, ours, ...), because absolute times on
shared machines drift; each is marked against its target. Nothing here asserts: it only reports.
"""

import json
import pathlib
import tempfile

from .browser import bench_pages, serve
from .build import bench_scaling, bench_site
from .common import ROOT, log, machine
from .lighthouse import PAGES as LIGHTHOUSE_PAGES
from .lighthouse import bench_lighthouse

REPORT = ROOT / "bench-report"
SIZES = (100, 1000, 5000)


def runs_for(size):
    """The largest synthetic catalogue is built once, to keep the whole bench within minutes."""
    return 1 if size >= 5000 else 3


def fmt(value, unit):
    if value is None:
        return "–"
    return f"{value:.2f} {unit}" if unit in ("s", "×") else f"{value:.0f} {unit}"


def write_report(head, sections):
    """Markdown and JSON side by side, from the same figures."""
    REPORT.mkdir(exist_ok=True)
    data = {"machine": head, "sections": {name: [f.to_dict() for f in figures] for name, figures in sections}}
    (REPORT / "report.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    lines = ["# Benchmark report", "",
             f"{head['date']} · {head['cpu']} · {head['cores']} cores · {head['ram_gib']} GiB · "
             f"Python {head['python']} · Linux {head['kernel']}", "",
             "Each value is the median of alternating runs; speed is reported here, never asserted in tests.", ""]
    for name, figures in sections:
        lines += [f"## {name}", "", "| figure | value | target | status | runs | note |", "|---|---:|---|---|---|---|"]
        for f in figures:
            target = f"{f.op} {f.target:g} {f.unit}" if f.op else ""
            runs = ", ".join(fmt(r, "").strip() if f.unit not in ("s", "×") else f"{r:.2f}" for r in f.runs)
            note = "; ".join(x for x in (f.note, f.error[:300]) if x)
            lines.append(f"| {f.label} | {fmt(f.value, f.unit)} | {target} | {f.status} | {runs} | {note} |")
        lines.append("")
    (REPORT / "report.md").write_text("\n".join(lines), encoding="utf-8")
    return REPORT / "report.md"


def main():
    """Run every benchmark and write the report."""
    head = machine()
    sections = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = pathlib.Path(tmp)
        site = work / "site"
        log("build: ours vs bare, and make html")
        sections.append(("Build", bench_site(work, site)))
        log("build: synthetic catalogues")
        sections.append(("Scaling", bench_scaling(work, SIZES, runs_for)))
        log("pages in Chromium")
        sections.append(("Pages in headless Chromium", bench_pages(site)))
        log("lighthouse")
        with serve(site) as base:
            sections.append(("Lighthouse (mobile)", bench_lighthouse(base)))
    path = write_report(head, sections)
    log(f"report written to {path.relative_to(ROOT)} and report.json ({len(LIGHTHOUSE_PAGES)} Lighthouse pages)")


if __name__ == "__main__":
    main()
