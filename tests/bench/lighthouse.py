"""Lighthouse scores (mobile, the default form factor) for the home, a category, a model, the scan (empty and
showing a result opened from a share link), the team view and search.

Lighthouse comes from the npm registry into tests/bench/.lighthouse/ (ignored by git) on first use.
It is pinned to 12.8.2: Lighthouse 13 needs Node 22.19+, and the project asks for Node 20+. If it
cannot be installed or run, every Lighthouse figure carries the error instead of a score.
"""

import json
import os
import pathlib
import subprocess
import tempfile

from tests.bench.common import CHROMIUM, CHROMIUM_ARGS, CONTENT, RUNS, Figure, log

VERSION = "12.8.2"
HOME = pathlib.Path(__file__).resolve().parent / ".lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SCAN_ID = "social-media-volwassenheidsscan"
PAGES = {"home": "/", "category": "/categorie/volwassenheid-adoptie/", "model": "/modellen/social-media-piramide/",
         "scan": "/zelfscan/", "scan-result": "/zelfscan/#{share}", "team": "/team/", "search": "/zoeken/?q=piramide"}
# The result appears once the runtime has started in its worker, seconds after the page's network falls quiet.
# Such a page is audited when the page says it is ready (this selector matches), as a Lighthouse snapshot
# (lighthouse_ready.mjs): accessibility, best practices and SEO of what the visitor then sees; performance
# needs a navigation, so the empty scan page carries that figure.
READY = {"scan-result": '[data-result][data-state="ready"]'}
SNAPSHOT = tuple(c for c in CATEGORIES if c != "performance")
_CONTENT_PAGE = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
_ACCESSIBLE = {"accessibility": 100}
TARGETS = {"category": _CONTENT_PAGE, "model": _CONTENT_PAGE, "scan": _ACCESSIBLE, "scan-result": _ACCESSIBLE,
           "team": _ACCESSIBLE}


def share_fragment():
    """`<scan id>=<share string>` of a middle profile (answer i takes option i modulo the options), from the
    definition in the content measured, scored by `scoring` as the page would."""
    import yaml  # noqa: PLC0415 - only this part of the bench reads definitions

    import scoring  # noqa: PLC0415
    from plugins.assessments.editions import edition  # noqa: PLC0415

    data = yaml.safe_load((CONTENT / "assessments" / f"{SCAN_ID}.yaml").read_text(encoding="utf-8"))
    assessment = scoring.load(edition(data, "nl"))
    answers = {q.id: q.options[i % len(q.options)].id for i, q in enumerate(assessment.questions)}
    return f"{SCAN_ID}={scoring.score(assessment, answers).share}"


def _tail(text, size=600):
    """The end of a tool's output on one line, npm's warnings left out."""
    lines = [line for line in text.strip().splitlines() if not line.startswith("npm warn")]
    return " ".join(" ".join(lines).split())[-size:]


def install():
    """Install the pinned Lighthouse unless it is there; return the path of its command."""
    command = HOME / "node_modules" / ".bin" / "lighthouse"
    installed = HOME / "node_modules" / "lighthouse" / "package.json"
    if command.exists() and json.loads(installed.read_text())["version"] == VERSION:
        return command
    HOME.mkdir(exist_ok=True)
    (HOME / "package.json").write_text('{"private": true, "description": "bench tools, not saved"}\n')
    log(f"installing lighthouse@{VERSION} from npm into {HOME}")
    done = subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(HOME),
                           f"lighthouse@{VERSION}"], cwd=HOME, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not command.exists():
        raise RuntimeError(f"npm install lighthouse@{VERSION} failed: {_tail(done.stderr or done.stdout)}")
    return command


def _scores(report):
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        raise RuntimeError(f"lighthouse runtime error: {data['runtimeError'].get('message')}")
    return {c: round(data["categories"][c]["score"] * 100) for c in data["categories"]}, data.get("lighthouseVersion")


def audit(command, url):
    """One Lighthouse navigation run; return ({category: score 0-100}, version)."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = pathlib.Path(tmp) / "report.json"
        done = subprocess.run(
            [str(command), url, f"--chrome-flags={' '.join(CHROMIUM_ARGS)}", "--output=json",
             f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}", "--quiet"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, cwd=tmp, capture_output=True, text=True, timeout=180)
        if done.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse exited {done.returncode}: {_tail(done.stderr or done.stdout)}")
        return _scores(report)


def audit_when_ready(url, selector):
    """One Lighthouse snapshot taken once `selector` matches on the loaded page; return (scores, version)."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = pathlib.Path(tmp) / "report.json"
        done = subprocess.run(
            ["node", str(pathlib.Path(__file__).with_name("lighthouse_ready.mjs")), str(HOME), CHROMIUM, url,
             selector, str(report), *CHROMIUM_ARGS], cwd=tmp, capture_output=True, text=True, timeout=240)
        if done.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse snapshot exited {done.returncode}: {_tail(done.stderr or done.stdout)}")
        return _scores(report)


def bench_lighthouse(base):
    """Figure 3: alternating rounds over the pages (home, category, …, search, home, …); return the figures."""
    scores = {page: {c: [] for c in CATEGORIES} for page in PAGES}
    error, version = "", None
    try:
        command = install()
        share = share_fragment()
        for i in range(RUNS):
            for page, path in PAGES.items():
                url = base + path.format(share=share)
                result, version = audit_when_ready(url, READY[page]) if page in READY else audit(command, url)
                for category, score in result.items():
                    scores[page][category].append(score)
            log(f"lighthouse round {i + 1}/{RUNS}: " + ", ".join(
                f"{page} {'/'.join(str(scores[page][c][-1]) for c in CATEGORIES)}" for page in PAGES))
    except (OSError, RuntimeError, subprocess.TimeoutExpired, KeyError, ValueError) as exc:
        error = str(exc) or type(exc).__name__
        log(f"lighthouse could not run: {error}")
    figures = []
    for page, path in PAGES.items():
        for category in SNAPSHOT if page in READY else CATEGORIES:
            target = TARGETS.get(page, {}).get(category)
            runs = scores[page][category]
            figures.append(Figure(
                f"lighthouse.{page}.{category}", f"Lighthouse {category}, {page} page ({path})", "/100",
                runs, target, ">=" if target is not None else None,
                note=f"Lighthouse {version or VERSION}, mobile",
                error=error if len(runs) < RUNS else ""))
    return figures
