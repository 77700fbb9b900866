"""Golden cases: fixed answers whose complete result is written down in tests/fixtures/scoring/golden/.

A failure here means a definition or a scoring rule changed what a visitor sees. If that was meant,
run tests/fixtures/scoring/make_golden.py and review the diff.
"""

import pytest
from make_golden_path import vector_expected
from scoring_cases import assessment, definition_ids, golden_case, golden_files, vectors

import scoring


def test_there_are_enough_golden_cases():
    assert len(golden_files()) >= 6


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_case(path):
    case = golden_case(path)
    a = assessment(case["assessment"])
    assert scoring.score(a, case["answers"]).to_dict() == case["expected"]
    assert scoring.share.decode(a, case["expected"]["share"]) == case["answers"]


def test_golden_cases_cover_what_a_visitor_can_see():
    cases = [golden_case(p) for p in golden_files()]
    overalls = {c["expected"]["overall"] for c in cases}
    assert {0.0, 100.0} <= overalls
    steps = [s for c in cases for s in c["expected"]["next_steps"]]
    assert {s["weak"] for s in steps} == {True, False}
    assert any(c["expected"]["placements"][0]["figure"] for c in cases)
    assert any(c["expected"]["unknown"] for c in cases)
    placements = [p for c in cases for p in c["expected"]["placements"]]
    assert {p["estimated"] for p in placements} == {True, False}
    assert any(p["placement"] == "membership" and p["position"] > 1 for p in placements)
    assert any(p["to_next"] and "question" in p["to_next"][0] for p in placements)
    assert any(p["position"] == p["of"] and not p["to_next"] for p in placements)


def test_vectors_cover_every_definition_and_every_stage():
    cases = vectors()
    assert {c["assessment"] for c in cases} == set(definition_ids())
    for assessment_id in definition_ids():
        a = assessment(assessment_id)
        mine = [c for c in cases if c["assessment"] == assessment_id]
        for mapping in a.models:
            reached = {c["expected"]["stages"][mapping.model] for c in mine}
            assert reached == {s.id for s in mapping.stages}, mapping.model
        assert any(c["expected"]["unknown"] for c in mine)


def test_vectors_give_the_stored_placements():
    for case in vectors():
        result = scoring.score(assessment(case["assessment"]), case["answers"])
        assert vector_expected(result) == case["expected"], (case["assessment"], case["answers"])
        assert scoring.share.decode(assessment(case["assessment"]), result.share) == case["answers"]
