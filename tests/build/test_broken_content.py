"""A content tree with many broken files: every fault in one run, one line each, no site left behind."""

import os
import re
import subprocess

import pytest

from tests.conftest import ROOT

BROKEN = ROOT / "tests" / "fixtures" / "content-broken"
SHOWN = "tests/fixtures/content-broken/"
VA = "models/volwassenheid-adoptie/"
# (file in the tree, line of the key, field, words the message must contain)
EXPECTED = [
    (VA + "missing-field.md", 2, "summary", "this required key is missing"),
    (VA + "misspelt-key.md", 19, "releated", "did you mean 'related'?"),
    (VA + "future-year.md", 8, "year", "a year no later than"),
    (VA + "bad-slug.md", 3, "slug", "lower-case letters, digits and single hyphens"),
    (VA + "onbekend-without-note.md", 7, "creators_note", "required with 'onbekend'"),
    (VA + "related-self.md", 19, "related[0]", "another model than this one"),
    (VA + "related-unknown.md", 19, "related[1]", "'bestaat-niet' does not exist"),
    ("models/meten-roi/matrix-three.md", 11, "elements", "exactly 4 elements for a matrix diagram"),
    (VA + "axes-without-matrix.md", 10, "axes", "they belong to a matrix diagram only"),
    (VA + "core-out-of-range.md", 10, "core", "the position of an element (1 to 2), not 9"),
    (VA + "core-on-stages.md", 10, "core", "only a petals or cycle diagram has a centre element"),
    (VA + "bad-confidence.md", 19, "confidence", "one of hoog, middel, laag"),
    (VA + "confidence-disagrees.md", 19, "confidence", "'middel' as computed from the sources, not 'hoog'"),
    (VA + "reference-only-middel.md", 19, "confidence", "'laag' as computed from the sources, not 'middel'"),
    (VA + "source-without-kind.md", 14, "sources[0].kind", "this required key is missing"),
    (VA + "unknown-kind.md", 17, "sources[0].kind", "one of maker, publisher, secondary, reference"),
    (VA + "supports-missing-element.md", 18, "sources[0].supports[1]", "not 'element-7'"),
    (VA + "supports-unknown-element.md", 18, "sources[0].supports[2]", "element 2 is marked known: false"),
    (VA + "supports-unknown-fact.md", 18, "sources[0].supports[1]", "one of makers, year, organisation"),
    (VA + "year-not-backed.md", 8, "year", "a source whose supports lists 'year'"),
    (VA + "seen-in-future.md", 16, "sources[0].seen", "not after today"),
    (VA + "malformed-url.md", 15, "sources[0].url", "a full http(s) address"),
    (VA + "url-bad-host.md", 15, "sources[0].url", "a real host name ('www.example,org' is not one)"),
    (VA + "yaml-syntax.md", 7, "YAML", "valid YAML syntax"),
    (VA + "duplicate-key.md", 8, "summary", "each key once in its block"),
    (VA + "not-utf8.md", 6, "text", "UTF-8 text"),
    (VA + "no-front-matter.md", 1, "front matter", "a YAML block between two '---' lines"),
    (VA + "assessment-unknown.md", 19, "assessment", "'check-bestaat-niet' is not one"),
    (VA + "wrong-folder.md", 4, "category", "the folder the file is in ('volwassenheid-adoptie')"),
    ("models/weergave-doelgroep/alpha.md", 3, "slug", "a unique slug ('alpha' is also used by"),
    ("alignment.yaml", 8, "models[0].stages[1].element", "element 3 is marked known: false"),
    ("alignment.yaml", 9, "models[0].stages[2].step", "this required key is missing"),
    ("alignment.yaml", 10, "models[1].slug", "'bestaat-niet' does not exist"),
    ("undocumented/half-entry.yaml", 1, "missing", "this required key is missing"),
    ("undocumented/gamma.yaml", 1, "name", "a model without a page"),
    ("undocumented/dutch-only.yaml", 4, "known_en", "this required key is missing (the English text beside 'known')"),
]
GOOD_COPIES = {"alpha.md", "beta.md", "gamma.md"}  # valid models the broken ones refer to
LINE_RE = re.compile(r"^(?P<file>\S+?):(?P<line>\d+): (?P<field>[^:]+): (?P<words>.+)$")


def run(target, output=None):
    args = ["make", "--no-print-directory", target, f"INPUTDIR={BROKEN}"]
    if output:
        args.append(f"OUTPUTDIR={output}")
    env = {**os.environ, "COLUMNS": "60", "TERM": "xterm"}  # a narrow terminal must not wrap the lines
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("broken") / "output"
    out.mkdir()
    (out / "index.html").write_text("an earlier build")  # must not survive a failed build
    return out, run("html", out)


def error_lines(text):
    return [line for line in text.splitlines() if line.startswith(SHOWN)]


def test_every_broken_file_is_in_the_table():
    files = {p.relative_to(BROKEN).as_posix() for p in BROKEN.rglob("*") if p.suffix in (".md", ".yaml")}
    assert len(files) > 20  # the glob found the fixture tree
    good = {f for f in files if f.rsplit("/", 1)[-1] in GOOD_COPIES and not f.startswith("models/weergave")}
    assert files - good == {f for f, *_ in EXPECTED}


def test_the_build_fails_and_leaves_nothing(build):
    out, done = build
    assert done.returncode != 0
    assert not out.exists()


@pytest.mark.parametrize("path,line,field,words", EXPECTED, ids=[f"{e[0]}:{e[2]}" for e in EXPECTED])
def test_each_fault_is_one_line_naming_file_line_and_field(build, path, line, field, words):
    _out, done = build
    prefix = f"{SHOWN}{path}:{line}: {field}: "
    hits = [x for x in error_lines(done.stderr) if x.startswith(prefix)]
    assert len(hits) == 1, done.stderr
    assert words in hits[0], hits[0]


def test_nothing_else_and_a_count_and_no_traceback(build):
    _out, done = build
    lines = error_lines(done.stderr)
    assert len(lines) == len(EXPECTED), "\n".join(lines)
    assert all(LINE_RE.match(x) for x in lines)
    assert f"{len(EXPECTED)} content errors found." in done.stderr.splitlines()
    assert "Traceback" not in done.stdout + done.stderr


def test_make_check_reports_the_same_lines_without_building(build):
    _out, done = build
    check = run("check")
    assert check.returncode != 0
    assert error_lines(check.stderr) == error_lines(done.stderr)
    assert "Traceback" not in check.stdout + check.stderr
