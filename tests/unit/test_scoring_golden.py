"""Golden cases: fixed answers whose complete result is written down in tests/fixtures/scoring/golden/.

A failure here means a definition or a scoring rule changed what a visitor sees. If that was meant,
run tests/fixtures/scoring/make_golden.py and review the diff.
"""

import pytest
from scoring_cases import assessment, golden_case, golden_files

import scoring


def test_there_are_enough_golden_cases():
    assert len(golden_files()) >= 6


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_case(path):
    case = golden_case(path)
    a = assessment(case["assessment"])
    assert scoring.score(a, case["answers"]).to_dict() == case["expected"]
    assert scoring.share.decode(a, case["expected"]["share"]) == case["answers"]


def test_golden_cases_cover_first_and_last_stages_and_a_threshold():
    cases = [golden_case(p) for p in golden_files()]
    overalls = {c["expected"]["overall"] for c in cases}
    assert {0.0, 100.0} <= overalls
    assert any(c["expected"]["next_steps"] for c in cases)
    assert any(c["expected"]["placements"][0]["figure"] for c in cases)
