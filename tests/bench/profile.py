"""A cProfile of one build of our site, summarised per step and per plugin or library.

`python -m cProfile` runs `pelican <content> -s pelicanconf.py -o <tmp>` once; the profile is then read
with pstats. Steps are the cumulative time of the functions that carry them out (a step's time includes
what it calls); the second table gives each package's own time (excluding what it calls), so the
package rows add up to the whole build. cProfile slows Python code down, so the seconds here are
larger than an unprofiled build: read them as shares, not as times.
"""

import os
import pstats
import shutil
import subprocess
import sys
import tempfile

from tests.bench.common import BIN, ROOT, Figure

# (figure id, label, file path fragment, function name or names): cumulative time of those functions.
STEPS = (
    ("run", "Pelican.run: everything after start-up and imports", "pelican/__init__.py", "run"),
    ("check", "content check (catalog.validate.check_content: read, parse, schema, rules)",
     "catalog/validate.py", "check_content"),
    ("read", "Pelican reading the content files (readers, Markdown rendering)", "pelican/readers.py", "read_file"),
    ("indexes", "catalogue indexes and source references (catalog.build_indexes)", "catalog/catalog.py",
     "build_indexes"),
    ("diagrams", "model diagrams (diagrams.add_diagrams)", "diagrams/plugin.py", "add_diagrams"),
    ("alignment", "side-by-side view (diagrams.add_alignment)", "diagrams/plugin.py", "add_alignment"),
    ("assessments", "assessments: definitions and forms (assessments.attach)", "assessments/plugin.py", "attach"),
    ("runtime", "assessments: runtime copy and scoring zip", "assessments/plugin.py", "ship_runtime"),
    ("open_data", "open data and the undocumented page (catalog.OpenDataGenerator)", "catalog/catalog.py",
     "generate_output"),
    ("templates", "writing HTML pages (pelican.writers.Writer.write_file, Jinja)", "pelican/writers.py",
     "write_file"),
    ("feeds", "feeds (pelican.writers.Writer.write_feed)", "pelican/writers.py", "write_feed"),
    ("sitemap", "sitemap (pelican.plugins.sitemap)", "sitemap/sitemap.py", "finalize"),
    ("static", "static files and theme copy (StaticGenerator)", "pelican/generators.py", ("_copy_paths", "_copy_staticfile")),
)
# (label, path fragments): own time of every function whose file matches, first match wins.
PACKAGES = (
    ("plugin catalog (ours)", ("plugins/catalog/",)),
    ("plugin diagrams (ours)", ("plugins/diagrams/",)),
    ("plugin assessments (ours)", ("plugins/assessments/",)),
    ("plugin editions (ours)", ("plugins/editions/",)),
    ("scoring (ours)", ("/scoring/",)),
    ("Pelican plugins (yaml_metadata, sitemap)", ("pelican/plugins/",)),
    ("Pelican", ("/pelican/",)),
    ("Markdown", ("/markdown/",)),
    ("Jinja2 and MarkupSafe", ("/jinja2/", "/markupsafe/")),
    ("PyYAML", ("/yaml/", "_yaml")),
    ("jsonschema", ("/jsonschema", "/referencing/", "/rpds", "/attr")),
    ("feedgenerator, dateutil, pytz, rich", ("/feedgenerator/", "/dateutil/", "/pytz", "/rich/", "/pygments/")),
    ("Python standard library and built-ins", ("/lib/python3", "~", "<frozen", "{")),
)


def profile_build(work, content):
    """Profile one build into `work`; return the pstats.Stats."""
    out = tempfile.mkdtemp(prefix="prof-out-", dir=work)
    prof = os.path.join(work, "build.prof")
    try:
        subprocess.run([BIN / "python", "-m", "cProfile", "-o", prof, "-m", "pelican", str(content), "-s",
                        "pelicanconf.py", "-o", out], cwd=ROOT, check=True, capture_output=True, text=True,
                       timeout=900)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return pstats.Stats(prof)


def summarise(stats):
    """(total seconds, [(id, label, cumulative s)], [(label, own s)]) from one profile."""
    total_own = sum(row[2] for row in stats.stats.values())
    steps = []
    for key, label, fragment, name in STEPS:
        names = (name,) if isinstance(name, str) else name
        cumulative = sum(row[3] for (path, _line, func), row in stats.stats.items()
                         if func in names and fragment in path.replace(os.sep, "/"))
        steps.append((key, label, cumulative))
    own = {label: 0.0 for label, _ in PACKAGES}
    own["other"] = 0.0
    for (path, _line, _func), row in stats.stats.items():
        where = path.replace(os.sep, "/")
        label = next((lab for lab, parts in PACKAGES if any(p in where for p in parts)), "other")
        own[label] += row[2]
    return total_own, steps, sorted(own.items(), key=lambda kv: -kv[1])


def bench_profile(work, content):
    """Figures for the report: one profiled build, per step and per package."""
    total, steps, packages = summarise(profile_build(work, content))
    note = "one profiled build; cProfile overhead included, compare shares"
    figures = [Figure("profile.total", "Profiled build, total own time", "s", [total], note=note)]
    run = next(seconds for key, _label, seconds in steps if key == "run")
    figures.append(Figure("profile.step.startup", "step: start-up and imports (total minus Pelican.run)", "s",
                          [total - run], note=f"{(total - run) / total:.0%} of the build" if total else ""))
    for key, label, seconds in steps:
        figures.append(Figure(f"profile.step.{key}", f"step: {label}", "s", [seconds],
                              note=f"{seconds / total:.0%} of the build" if total else ""))
    for label, seconds in packages:
        if seconds >= 0.005:
            figures.append(Figure(f"profile.own.{label}", f"own time: {label}", "s", [seconds],
                                  note=f"{seconds / total:.0%} of the build" if total else ""))
    return figures


if __name__ == "__main__":  # python -m tests.bench.profile [content folder]
    with tempfile.TemporaryDirectory(prefix="prof-") as tmp:
        for fig in bench_profile(tmp, sys.argv[1] if len(sys.argv) > 1 else ROOT / "content"):
            print(f"{fig.value:8.3f} s  {fig.label}  ({fig.note})")
