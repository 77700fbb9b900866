"""Entry point of `make bench`: measure build and page speed, write bench-report/report.{md,json}.

    python -m tests.bench.run [--only build,profile,scale,browser,lighthouse] [--sizes 100,1000,5000]
                              [--full] [--out bench-report]

Parts run in this order: build (which also yields the site the browser parts serve), profile (one
cProfile'd build summarised per step and per package), browser, lighthouse, scale. `make bench-build`
runs build and profile only. A part that breaks is recorded in the report as not measured; the others still run.
The largest synthetic catalogue is built once unless --full (or BENCH_FULL=1) is given, to keep the
whole bench near eight minutes on two cores.
"""

import argparse
import os
import pathlib
import tempfile
import time
import traceback

from tests.bench import build, report
from tests.bench.common import ROOT, RUNS, Figure, load_average, log, machine

PARTS = ("build", "profile", "browser", "lighthouse", "scale")
INTROS = {
    "1. Build": "(a) `pelican content -s pelicanconf.py -o <tmp>` against a bare Pelican build of the same "
                "model Markdown (default theme, only `pelican.plugins.yaml_metadata`); (b) the whole "
                "`make html OUTPUTDIR=<tmp>`; (c) the same Pelican build as (a) on synthetic catalogues "
                "(the 68 real models plus copies with unique slugs and titles, spread over the six "
                "categories, with the real pages, essays and assessments; search index not included). "
                "Wall-clock time of the command, interpreter start included.",
    "2. Where one build spends its time": "One `python -m cProfile -m pelican` build of the same content. "
                "'step' rows: cumulative time of the function that carries the step (callees included, so "
                "steps overlap with the package rows). 'own time' rows: time spent in each package's own "
                "code; they add up to the total. cProfile slows Python code, so read shares, not seconds.",
    "3. Pages in headless Chromium": "The site from (b), served on 127.0.0.1 by a threaded http.server. "
                "Runtime ready: `performance.now()` in the page when `html[data-runtime=\"ready\"]` appears "
                "(navigation start = 0); the yardstick is a bare page whose module Worker only does "
                "`loadPyodide()` from the same `/runtime/pyodide/`, in 7 rounds whose order alternates (scan first, then "
                "bare first); the ratio is taken per round, then its median. Blocking: sum over long tasks of "
                "(duration − 50 ms), from a buffered PerformanceObserver. Bytes: gzip size of every response "
                "body of a first visit (service workers blocked so the worker's requests are seen too).",
    "4. Lighthouse": "`lighthouse` (npm) with CHROME_PATH=/usr/bin/chromium and the bench's Chromium flags, "
                     "default mobile form factor and simulated throttling, categories performance, "
                     "accessibility, best-practices, seo; scores × 100.",
}


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts: " + ", ".join(PARTS))
    parser.add_argument("--sizes", default="100,1000,5000", help="synthetic catalogue sizes")
    parser.add_argument("--full", action="store_true", default=os.environ.get("BENCH_FULL") == "1",
                        help=f"build the largest synthetic catalogue {RUNS}× too")
    parser.add_argument("--out", default=str(ROOT / "bench-report"), help="report folder")
    return parser.parse_args()


def _failed(part, exc):
    """A placeholder figure saying a whole part could not be measured."""
    log(f"{part} failed:\n{traceback.format_exc()}")
    return [Figure(f"{part}.error", f"{part} (whole part)", "", error=f"{type(exc).__name__}: {exc}")]


def main():
    """Run the chosen parts and write the report; print where it is."""
    args = _arguments()
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    started = time.perf_counter()
    meta = {"machine": machine(), "load": [load_average()], "parts": parts, "sizes": sizes}
    figures = {"build": [], "profile": [], "scale": [], "browser": [], "lighthouse": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = pathlib.Path(tmp)
        site = work / "site"
        if "build" in parts:
            try:
                figures["build"] = build.bench_site(work, site)
            except Exception as exc:  # the report names what broke; the other parts still run
                figures["build"] = _failed("build", exc)
            meta["load"].append(load_average())
        if "profile" in parts:
            from tests.bench.common import CONTENT
            from tests.bench.profile import bench_profile
            try:
                figures["profile"] = bench_profile(work, CONTENT)
            except Exception as exc:
                figures["profile"] = _failed("profile", exc)
            meta["load"].append(load_average())
        if ("browser" in parts or "lighthouse" in parts) and not (site / "index.html").exists():
            log("building the site for the browser parts")
            build.make_html(site)
        if "browser" in parts:
            from tests.bench.browser import bench_pages
            try:
                figures["browser"] = bench_pages(site)
            except Exception as exc:
                figures["browser"] = _failed("browser", exc)
            meta["load"].append(load_average())
        if "lighthouse" in parts:
            from tests.bench.browser import serve
            from tests.bench.lighthouse import bench_lighthouse
            with serve(site) as base:
                figures["lighthouse"] = bench_lighthouse(base)
            meta["load"].append(load_average())
        if "scale" in parts:
            largest = sizes[-1]
            try:
                figures["scale"] = build.bench_scaling(
                    work, sizes, lambda size: RUNS if args.full or size != largest or len(sizes) == 1 else 1)
            except Exception as exc:
                figures["scale"] = _failed("scale", exc)
            meta["load"].append(load_average())
    meta["seconds"] = time.perf_counter() - started
    sections = [(title, figs, INTROS[title]) for title, figs in (
        ("1. Build", figures["build"] + figures["scale"]),
        ("2. Where one build spends its time", figures["profile"]),
        ("3. Pages in headless Chromium", figures["browser"]),
        ("4. Lighthouse", figures["lighthouse"]),
    ) if figs]
    out = pathlib.Path(args.out)
    text = report.write(out, meta, sections)
    print(text)
    log(f"report written to {out / 'report.md'} and {out / 'report.json'} in {meta['seconds']:.0f} s")


if __name__ == "__main__":
    main()
