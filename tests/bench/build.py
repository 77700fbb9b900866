"""Build speed: our Pelican build against a bare one, the whole `make html`, and synthetic catalogues.

Every build writes into a new temporary folder and is timed by the wall clock around the command, so
the interpreter's start and Pelican's imports count alike for both sides of a comparison.
"""

import shutil
import tempfile

from tests.bench.common import BIN, CONTENT, RUNS, Figure, log, median, run_timed
from tests.bench.synthetic import make_catalogue

BARE_CONF = """\
# A bare Pelican build of the same Markdown: default theme, only the YAML front-matter reader.
# Both editions' model files, since our build writes the Dutch site and the English one.
PATH = "content"
ARTICLE_PATHS = ["models", "en/models"]
DEFAULT_LANG = "nl"
ARTICLE_LANG_SAVE_AS = "{lang}/{slug}.html"  # the English twin shares its slug: Pelican writes it as a translation
PLUGINS = ["pelican.plugins.yaml_metadata"]
"""


# Rounds of the ours/bare/make html comparison: more than RUNS, because the machine is often shared and a
# single disturbed pair moves a median of three.
BUILD_ROUNDS = max(RUNS, 5)


def bare_project(dest):
    """A folder with a copy of every model file and the bare settings; return the settings path."""
    shutil.copytree(CONTENT / "models", dest / "content" / "models")
    if (CONTENT / "en" / "models").is_dir():
        shutil.copytree(CONTENT / "en" / "models", dest / "content" / "en" / "models")
    conf = dest / "pelicanconf.py"
    conf.write_text(BARE_CONF, encoding="utf-8")
    return conf


def model_count():
    """How many model Markdown files the two editions hold."""
    return len(list(CONTENT.glob("models/*/*.md"))) + len(list(CONTENT.glob("en/models/*/*.md")))


def pelican_ours(work, content=None):
    """Time `pelican content -s pelicanconf.py -o <tmp>` from the repository root."""
    out = tempfile.mkdtemp(prefix="out-", dir=work)
    try:
        return run_timed([BIN / "pelican", content or CONTENT, "-s", "pelicanconf.py", "-o", out])
    finally:
        shutil.rmtree(out, ignore_errors=True)


def pelican_bare(work, project):
    """Time the bare build in its own folder."""
    out = tempfile.mkdtemp(prefix="out-", dir=work)
    try:
        return run_timed([BIN / "pelican", "content", "-s", "pelicanconf.py", "-o", out], cwd=project)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def make_html(output):
    """Time the whole `make html OUTPUTDIR=<output>` (Pelican, search index and runtime copy)."""
    shutil.rmtree(output, ignore_errors=True)
    return run_timed(["make", "--no-print-directory", "html", f"OUTPUTDIR={output}", f"INPUTDIR={CONTENT}"])


def bench_site(work, site_dir):
    """Figures 1a and 1b, in BUILD_ROUNDS alternating rounds: ours, bare, make html. Leaves the last site
    in site_dir."""
    project = work / "bare"
    bare_project(project)
    ours, bare, whole = [], [], []
    for i in range(BUILD_ROUNDS):
        ours.append(pelican_ours(work))
        bare.append(pelican_bare(work, project))
        whole.append(make_html(site_dir))
        log(f"build round {i + 1}/{BUILD_ROUNDS}: ours {ours[-1]:.2f} s, bare {bare[-1]:.2f} s, make html {whole[-1]:.2f} s")
    ratios = [o / b for o, b in zip(ours, bare, strict=True)]
    return [
        Figure("build.ours", f"Pelican build, our site ({model_count()} model files, both editions)", "s", ours),
        Figure("build.bare", "Pelican build, bare (default theme, yaml_metadata only)", "s", bare),
        Figure("build.ratio", "Our build / bare build", "×", ratios, 1.5, "<=",
               note=f"ratio per alternating pair ({BUILD_ROUNDS} pairs), then the median"),
        Figure("build.make_html", "`make html` (search index and runtime copy included)", "s", whole, 5.0, "<="),
    ]


def bench_scaling(work, sizes, runs_for):
    """Figure 1c: Pelican builds of synthetic catalogues; sizes alternate round by round.

    `runs_for(size)` says how many runs a size gets (the largest may get one, to keep the time).
    """
    folders = {}
    for size in sizes:
        folders[size] = make_catalogue(work / f"synthetic-{size}", size)
        log(f"synthetic catalogue of {size} models written")
    times = {size: [] for size in sizes}
    for i in range(max(runs_for(s) for s in sizes)):
        for size in sizes:
            if i < runs_for(size):
                times[size].append(pelican_ours(work, folders[size]))
                log(f"scaling run {i + 1}: {size} models in {times[size][-1]:.1f} s")
    for folder in folders.values():
        shutil.rmtree(folder, ignore_errors=True)
    figures = []
    for size in sizes:
        note = "" if len(times[size]) >= RUNS else f"run {len(times[size])}× only, to stay within the time budget"
        target = (30.0, "<=") if size == 1000 else (None, None)
        figures.append(Figure(f"scale.{size}.seconds", f"Pelican build, {size} synthetic models", "s",
                              times[size], *target, note=note))
        figures.append(Figure(f"scale.{size}.per_model", f"… per model ({size} models)", "ms",
                              [t / size * 1000 for t in times[size]], note=note))
    per_model = [median(times[s]) / s for s in sizes if times[s]]
    if len(per_model) >= 2:
        # Flat: the largest catalogue costs at most 1.5× per model what the smallest does.
        growth = per_model[-1] / per_model[0]
        figures.append(Figure("scale.flatness", f"Per-model time, {sizes[-1]} vs {sizes[0]} models", "×",
                              [growth], 1.5, "<=", note="flat means ≤1.5× (one value from the medians)"))
    return figures
