"""The browser's interpreter gives the same results: the golden cases, run under Pyodide in Node.

tests/pyodide/run_golden.mjs loads Pyodide from node_modules/pyodide, writes the scoring package into
its file system and scores every golden case; here each value is compared with CPython's exactly.
Pyodide starts once per session (a few seconds).
"""

import json
import shutil
import subprocess

import pytest
import yaml
from scoring_cases import ROOT, assessment, broken_files, definition_ids, golden_case, golden_files, raw_definition, vectors

import scoring

RUNNER = ROOT / "tests" / "pyodide" / "run_golden.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"
SCAN = "social-media-volwassenheidsscan"


def hostile_strings():
    a = assessment(SCAN)
    good = scoring.share.encode(a, {q.id: q.options[-1].id for q in a.questions})
    return [good[:-1] + ("0" if good[-1] != "0" else "1"), good[: len(good) // 2], "v9.onzin", "v2.a.b.c",
            "", "#" + good.upper(), good.replace("v1", "v\u0661"), "\u212a" * 30]


@pytest.fixture(scope="session")
def pyodide_output(tmp_path_factory):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so the scoring package cannot be run under Pyodide here")
    if not PYODIDE.exists():
        pytest.skip("node_modules/pyodide is missing (run `npm ci`), so Pyodide cannot be loaded")
    payload = {
        "definitions": {aid: raw_definition(aid) for aid in definition_ids()},
        "broken": {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in broken_files()},
        "hostile": hostile_strings(),
    }
    source = tmp_path_factory.mktemp("pyodide") / "input.json"
    source.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([node, str(RUNNER), str(source)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_it_really_is_pyodide(pyodide_output):
    assert pyodide_output["python"].startswith("3.14")


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_case_under_pyodide(pyodide_output, path):
    case = golden_case(path)
    cpython = scoring.score(assessment(case["assessment"]), case["answers"]).to_dict()
    browser = pyodide_output["golden"][path.stem]
    assert browser["result"] == cpython
    assert browser["result"] == case["expected"]
    assert browser["decoded"] == case["answers"]


def test_placement_vectors_under_pyodide(pyodide_output):
    cases = vectors()
    assert len(pyodide_output["vectors"]) == len(cases)
    for case, browser in zip(cases, pyodide_output["vectors"], strict=True):
        cpython = scoring.score(assessment(case["assessment"]), case["answers"]).to_dict()
        assert browser["result"] == cpython, (case["assessment"], case["answers"])
        assert browser["decoded"] == case["answers"]
        assert [p["stage"] for p in browser["result"]["placements"]] == \
            [p["stage"] for p in case["expected"]["placements"]]


def test_every_golden_case_ran(pyodide_output):
    assert sorted(pyodide_output["golden"]) == sorted(p.stem for p in golden_files())


@pytest.mark.parametrize("path", broken_files(), ids=lambda p: p.stem)
def test_broken_definition_fails_the_same_way(pyodide_output, path):
    with pytest.raises(scoring.DefinitionError) as caught:
        scoring.load(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert pyodide_output["broken"][path.stem] == {"path": caught.value.path, "message": str(caught.value)}


def test_hostile_share_strings_fail_the_same_way(pyodide_output):
    a = assessment(SCAN)
    expected = []
    for text in hostile_strings():
        try:
            scoring.share.decode(a, text)
            expected.append(None)
        except scoring.AnswerError as err:
            expected.append(str(err))
    assert pyodide_output["hostile"] == expected
