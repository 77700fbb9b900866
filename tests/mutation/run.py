"""Mutation testing of scoring/ and plugins/ with mutmut; writes mutation-report/report.md and report.json.

    python -m tests.mutation.run [area ...] [--keep [--survivors]] [--only PATTERN ...] [--report-only]
                                 [--max-children N]

Each area of tests/mutation/areas.toml runs in its own copy of the project, mutants/<area>/, whose
pyproject.toml gets the area's [tool.mutmut] table. `--keep` reuses that copy's earlier results
(mutmut re-runs only the mutants of changed functions); without it every run starts afresh.
`--only 'catalog.validate.*'` tries only the mutants whose names match (fnmatch patterns, as mutmut takes
them); the others keep their earlier result, or stay 'not checked', so such a run never meets a target.
Surviving mutants that cannot change behaviour are explained in tests/mutation/equivalent.toml,
keyed by mutant name; the score leaves them out of the count, the report lists them with the reason.
"""

import argparse
import fnmatch
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
HERE = ROOT / "tests" / "mutation"
REPORT = ROOT / "mutation-report"
WORK = ROOT / "mutants"
BIN = pathlib.Path(sys.executable).parent
SKIP = {".git", ".venv", "node_modules", "mutants", "mutation-report", "bench-report", ".pytest_cache",
        ".ruff_cache", ".hypothesis", "__pycache__"}
STATUSES = ("killed", "survived", "no tests", "timeout", "suspicious", "skipped", "segfault", "not checked")


def areas():
    return tomllib.loads((HERE / "areas.toml").read_text(encoding="utf-8"))


def equivalents():
    """Mutant name -> why it cannot change what the code does."""
    data = tomllib.loads((HERE / "equivalent.toml").read_text(encoding="utf-8"))
    return {name: entry["reason"] for name, entry in data.items()}


def _toml_value(value):
    return json.dumps(value, ensure_ascii=False)  # a JSON string or list of strings is valid TOML


def prepare(area, config, keep):
    """Copy the project to mutants/<area>/ and give the copy the area's mutmut settings."""
    work = WORK / area
    if work.exists() and not keep:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    lift = config.get("lift")
    items = [item for item in ROOT.iterdir() if item.name != lift]
    if lift:
        items += [item for item in (ROOT / lift).iterdir() if item.is_dir() and item.name not in SKIP]
    for item in items:
        if item.name in SKIP or item.name.startswith("output"):
            continue
        target = work / item.name
        if target.is_dir():
            shutil.rmtree(target)
        if item.is_dir():
            shutil.copytree(item, target, ignore=shutil.ignore_patterns(*SKIP))
        else:
            shutil.copy2(item, target)
    # mutmut copies tests and data into mutants/ only when they are missing there: refresh them
    for name in ["tests", "pyproject.toml", *config.get("also_copy", [])]:
        stale = work / "mutants" / name
        if stale.is_dir():
            shutil.rmtree(stale)
        elif stale.exists():
            stale.unlink()
    settings = {k: v for k, v in config.items() if k not in ("target", "lift")}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pyproject = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[|\Z)", "", pyproject)
    pyproject += "\n[tool.mutmut]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in settings.items())
    (work / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return work


def mutmut(work, *args, log=None):
    command = [str(BIN / "mutmut"), *args]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "200"}
    if log is None:
        return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, check=True).stdout
    with open(log, "w", encoding="utf-8") as handle:
        done = subprocess.run(command, cwd=work, env=env, stdout=handle, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise SystemExit(f"mutmut {' '.join(args)} failed in {work}: see {log}")
    return ""


def function_of(name):
    """`scoring._load.x_questions__mutmut_3` -> `scoring._load.questions`; methods keep their class."""
    base = name.rsplit("__mutmut_", 1)[0]
    module, _, func = base.rpartition(".")
    func = func.removeprefix("x_").removeprefix("x\u01c1").replace("\u01c1", ".")
    return f"{module}.{func}"


def statuses(work):
    """Mutant name -> status, as mutmut last recorded it in `work`."""
    found = {}
    for line in mutmut(work, "results", "--all", "true").splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            found[name] = status
    return found


DIFFS = """
import json, sys
from mutmut.__main__ import find_mutant, get_diff_for_mutant
names = json.load(sys.stdin)
print(json.dumps({n: get_diff_for_mutant(n, path=find_mutant(n).path).strip() for n in names}))
"""


def diffs_of(work, names):
    """The diff of each named mutant (what `mutmut show` prints), read in one process."""
    if not names:
        return {}
    done = subprocess.run([sys.executable, "-c", DIFFS], cwd=work, input=json.dumps(names), capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def collect(area, work, reasons):
    found = statuses(work)
    if not found:
        raise SystemExit(f"{area}: mutmut produced no mutants (see {REPORT / (area + '.log')})")
    counts = {s: sum(1 for v in found.values() if v == s) for s in STATUSES}
    counts["total"] = len(found)
    survivors = []
    left = sorted(name for name, status in found.items() if status not in ("killed", "not checked"))
    diffs = diffs_of(work, left)
    for name in left:
        status, diff = found[name], diffs[name]
        survivors.append({"name": name, "status": status, "function": function_of(name), "diff": diff,
                          "equivalent": reasons.get(name)})
    equivalent = sum(1 for s in survivors if s["equivalent"] and s["status"] == "survived")
    counts["equivalent"] = equivalent
    stale = sorted(n for n in reasons if n in found and found[n] != "survived")
    return counts, survivors, stale


def score(counts, checked_only=False):
    """Killed mutants as a share of all mutants except the equivalent ones, in percent (one decimal);
    with `checked_only`, of the mutants tried so far (an interrupted run)."""
    counted = counts["total"] - counts["equivalent"] - (counts["not checked"] if checked_only else 0)
    return round(100 * counts["killed"] / counted, 1) if counted else 0.0


def write_report(results):
    REPORT.mkdir(exist_ok=True)
    (REPORT / "report.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    out = ["# Mutation report", "",
           "mutmut changes one thing at a time in the code (a comparison, a number, a string, a call) and runs",
           "the tests that call that function; a mutant the tests do not notice survives. Score = killed /",
           "(all mutants - equivalent mutants), where an equivalent mutant is one no input can tell apart",
           "(reasons in tests/mutation/equivalent.toml).", "",
           "An interrupted run leaves mutants 'not checked'; they count as not killed in the score, and the",
           "score of the checked mutants alone is given beside it. A target is met only by a complete run.", "",
           "| area | mutants | killed | survived | no tests | timeout | not checked | equivalent | score "
           "| score of checked | target | met |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for area, r in results.items():
        c = r["counts"]
        out.append(f"| {area} | {c['total']} | {c['killed']} | {c['survived']} | {c['no tests']} | {c['timeout']} "
                   f"| {c['not checked']} | {c['equivalent']} | {r['score']}% | {r.get('score_of_checked', '-')}% "
                   f"| {r['target']}% | {'yes' if r['met'] else 'NO'} |")
    out += ["", "Plugin code is counted by tests that call it in the pytest process (the validator and the",
            "diagram functions directly, and a fixture site built with `pelican.Pelican(settings).run()`);",
            "tests that build through a `make html` subprocess are not used for the mutation run.", ""]
    for area, r in results.items():
        out += [f"## {area}", ""]
        if r["stale_equivalents"]:
            out += ["Listed as equivalent but not surviving (remove from equivalent.toml): "
                    + ", ".join(r["stale_equivalents"]), ""]
        live = [s for s in r["survivors"] if not s["equivalent"]]
        same = [s for s in r["survivors"] if s["equivalent"]]
        out += [f"### Not killed ({len(live)})", ""]
        for s in live:
            out += [f"- `{s['name']}` ({s['status']}) in `{s['function']}`", "", "```diff", s["diff"], "```", ""]
        out += [f"### Equivalent ({len(same)})", ""]
        for s in same:
            out += [f"- `{s['name']}` in `{s['function']}`: {s['equivalent']}", "", "```diff", s["diff"], "```", ""]
    (REPORT / "report.md").write_text("\n".join(out), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="*")
    parser.add_argument("--keep", action="store_true", help="reuse the results of the previous run")
    parser.add_argument("--survivors", action="store_true",
                        help="with --keep: try again only the mutants the previous run did not kill")
    parser.add_argument("--only", nargs="+", default=[], metavar="PATTERN",
                        help="try only the mutants whose names match these patterns, e.g. 'catalog.validate.*'")
    parser.add_argument("--report-only", action="store_true",
                        help="write the report from the results already in mutants/<area>/, run nothing")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    config = areas()
    chosen = args.areas or list(config)
    unknown = set(chosen) - set(config)
    if unknown:
        parser.error(f"unknown area(s) {sorted(unknown)}; tests/mutation/areas.toml has {list(config)}")
    reasons = equivalents()
    REPORT.mkdir(exist_ok=True)
    previous = {}
    if (REPORT / "report.json").exists():
        previous = json.loads((REPORT / "report.json").read_text(encoding="utf-8"))
    results = {a: r for a, r in previous.items() if a in config and a not in chosen}
    for area in chosen:
        if args.report_only:
            work = WORK / area
        else:
            again = []
            if args.survivors and args.keep and (WORK / area / "mutants").is_dir():
                again = [name for name, status in statuses(WORK / area).items()
                         if status in ("survived", "timeout", "suspicious")]
            work = prepare(area, config[area], args.keep)
            print(f"mutation: {area} (log in mutation-report/{area}.log)", flush=True)
            names = [n for n in again if any(fnmatch.fnmatch(n, p) for p in args.only)] if again and args.only \
                else again or args.only
            mutmut(work, "run", "--max-children", str(args.max_children), *names, log=REPORT / f"{area}.log")
        counts, survivors, stale = collect(area, work, reasons)
        value = score(counts)
        complete = counts["not checked"] == 0
        results[area] = {"counts": counts, "score": value, "score_of_checked": score(counts, checked_only=True),
                         "complete": complete, "target": config[area]["target"],
                         "met": complete and value >= config[area]["target"], "survivors": survivors,
                         "stale_equivalents": stale}
        print(f"mutation: {area}: {counts['killed']} of {counts['total']} killed, {counts['not checked']} not checked, "
              f"{counts['equivalent']} equivalent, score {value}% (target {config[area]['target']}%)", flush=True)
    results = {a: results[a] for a in config if a in results}
    write_report(results)
    print(f"mutation: report in {REPORT / 'report.md'}")
    return 0 if all(r["met"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
