"""Hypothesis properties over every assessment definition in content/assessments.

- bounds: every score lies in 0..100, and scores agree with a small Decimal reference implementation;
- monotonic: choosing a later option never lowers a dimension score, the overall score, a basis score
  or a stage;
- all-first answers give every model's first stage, all-last answers its last;
- every stage is reachable: the loader's witness answer set, scored, lands in that stage;
- on small random definitions, the loader's reachability verdict equals brute force over every answer set.
"""

import itertools
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scoring_cases import answers_at, assessment, definition_ids, first_answers, last_answers, stage_positions

import scoring
from scoring._reach import basis_scores, basis_witnesses, stage_witnesses

TENTH = Decimal("0.1")
MAX_QUESTIONS = 24
PROPERTY = settings(max_examples=25, deadline=None)

# option indexes for up to MAX_QUESTIONS questions; folded onto each question's option count below
indexes = st.lists(st.integers(min_value=0, max_value=9), min_size=MAX_QUESTIONS, max_size=MAX_QUESTIONS)


def fold(a, raw):
    """Raw indexes -> valid option indexes for assessment `a`."""
    return [raw[n] % len(q.options) for n, q in enumerate(a.questions)]


def reference(a, chosen):
    """Scores by a different road: Decimal division and ROUND_HALF_UP quantising."""
    dims = {}
    for dim in a.dimensions:
        pairs = [(q, i) for q, i in zip(a.questions, chosen, strict=True) if q.dimension == dim.id]
        points = sum(q.weight * q.options[i].points for q, i in pairs)
        most = sum(q.weight * q.options[-1].points for q, _ in pairs)
        dims[dim.id] = (Decimal(100 * points) / Decimal(most)).quantize(TENTH, rounding=ROUND_HALF_UP)

    def mean(ids):
        weights = [a.dimension(d).weight for d in ids]
        total = sum(w * dims[d] for w, d in zip(weights, ids, strict=True))
        return (total / Decimal(sum(weights))).quantize(TENTH, rounding=ROUND_HALF_UP)

    stages = {}
    for mapping in a.models:
        basis = mean(mapping.basis)
        stages[mapping.model] = [s.id for s in mapping.stages if Decimal(s.min_tenths) / 10 <= basis][-1]
    return dims, mean([d.id for d in a.dimensions]), stages


@pytest.mark.parametrize("assessment_id", definition_ids())
@PROPERTY
@given(raw=indexes)
@example(raw=[0] * MAX_QUESTIONS)
@example(raw=[9] * MAX_QUESTIONS)
@example(raw=[1, 2] * (MAX_QUESTIONS // 2))
def test_scores_are_bounded_and_match_the_reference(assessment_id, raw):
    a = assessment(assessment_id)
    chosen = fold(a, raw)
    result = scoring.score(a, answers_at(a, chosen))
    dims, overall, stages = reference(a, chosen)
    assert result.dimensions == {d: float(v) for d, v in dims.items()}
    assert result.overall == float(overall)
    assert result.stages == stages
    for value in [result.overall, *result.dimensions.values(), *(p.score_tenths / 10 for p in result.placements)]:
        assert 0 <= value <= 100
    assert result.answered == result.total == len(a.questions)


@pytest.mark.parametrize("assessment_id", definition_ids())
@PROPERTY
@given(raw=indexes, which=st.integers(min_value=0, max_value=MAX_QUESTIONS - 1), step=st.integers(1, 9))
@example(raw=[0] * MAX_QUESTIONS, which=0, step=1)
def test_a_later_option_never_lowers_anything(assessment_id, raw, which, step):
    a = assessment(assessment_id)
    chosen = fold(a, raw)
    which %= len(a.questions)
    better = list(chosen)
    better[which] = min(chosen[which] + step, len(a.questions[which].options) - 1)
    before = scoring.score(a, answers_at(a, chosen))
    after = scoring.score(a, answers_at(a, better))
    assert after.overall >= before.overall
    for dim, score in before.dimensions.items():
        assert after.dimensions[dim] >= score, dim
    for old, new in zip(before.placements, after.placements, strict=True):
        assert new.score_tenths >= old.score_tenths and new.position >= old.position, old.model


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_all_first_and_all_last(assessment_id):
    a = assessment(assessment_id)
    lowest = scoring.score(a, first_answers(a))
    highest = scoring.score(a, last_answers(a))
    assert set(stage_positions(lowest).values()) == {0}
    assert stage_positions(highest) == {m.model: len(m.stages) - 1 for m in a.models}
    assert highest.overall == 100.0 and set(highest.dimensions.values()) == {100.0}


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_every_stage_is_reachable(assessment_id):
    a = assessment(assessment_id)
    for mapping in a.models:
        witnesses = stage_witnesses(a, mapping)
        for stage, answers in zip(mapping.stages, witnesses, strict=True):
            assert answers is not None, f"{mapping.model}: no answers reach {stage.id}"
            assert scoring.score(a, answers).stages[mapping.model] == stage.id


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_reachable_sets_agree_with_the_witnesses(assessment_id):
    a = assessment(assessment_id)
    for mapping in a.models:
        assert basis_scores(a, mapping.basis) == sorted(basis_witnesses(a, mapping.basis))


# --- small random definitions against brute force ----------------------------------------------------

@st.composite
def small_definitions(draw):
    """A random definition small enough to try every answer set (at most 4 ** 4 = 256)."""
    dims = [f"d{n}" for n in range(draw(st.integers(1, 3)))]
    questions = []
    for n in range(draw(st.integers(len(dims), 4))):
        points = sorted(draw(st.lists(st.integers(0, 6), min_size=2, max_size=4)))
        if points[-1] == 0:
            points[-1] = 1
        questions.append({
            "id": f"q{n}", "dimension": dims[n] if n < len(dims) else draw(st.sampled_from(dims)),
            "weight": draw(st.integers(1, 3)), "text": f"Vraag {n}?",
            "options": [{"id": f"o{i}", "label": f"Optie {i}", "points": p} for i, p in enumerate(points)],
        })
    basis = draw(st.one_of(st.just("overall"), st.lists(st.sampled_from(dims), min_size=1, unique=True)))
    cuts = sorted(draw(st.sets(st.integers(1, 1000), max_size=4)))
    mins = [0] + [c / 10 for c in cuts]
    stages = [{"id": f"s{i}", "label": f"Fase {i}", "element": i + 1, "min": m, "meaning": "Betekenis.",
               "next": "Volgende." if i < len(mins) - 1 else ""} for i, m in enumerate(mins)]
    if len(stages) == 1:
        stages.append({"id": "s-top", "label": "Top", "element": 2, "min": 100, "meaning": "Top."})
        stages[0]["next"] = "Volgende."
    return {
        "id": "willekeurig", "title": "Willekeurig", "intro": "Test.", "kind": "organisation", "minutes": 1,
        "dimensions": [{"id": d, "label": d.upper(), "weight": draw(st.integers(1, 3))} for d in dims],
        "questions": questions,
        "models": [{"model": "m", "title": "M", "basis": basis, "stages": stages}],
    }


def brute_force_scores(definition):
    """Every rounded basis score by scoring every answer set, with Decimal arithmetic."""
    questions = definition["questions"]
    weights = {d["id"]: d["weight"] for d in definition["dimensions"]}
    basis = definition["models"][0]["basis"]
    basis = list(weights) if basis == "overall" else basis
    found = set()
    for combo in itertools.product(*[range(len(q["options"])) for q in questions]):
        dims = {}
        for dim in weights:
            pairs = [(q, i) for q, i in zip(questions, combo, strict=True) if q["dimension"] == dim]
            got = sum(q["weight"] * q["options"][i]["points"] for q, i in pairs)
            most = sum(q["weight"] * q["options"][-1]["points"] for q, _ in pairs)
            dims[dim] = (Decimal(100 * got) / Decimal(most)).quantize(TENTH, rounding=ROUND_HALF_UP)
        total = sum(weights[d] * dims[d] for d in basis) / Decimal(sum(weights[d] for d in basis))
        found.add(int(total.quantize(TENTH, rounding=ROUND_HALF_UP) * 10))
    return sorted(found)


@settings(max_examples=60, deadline=None)
@given(definition=small_definitions())
def test_reachability_matches_brute_force(definition):
    achievable = brute_force_scores(definition)
    stages = definition["models"][0]["stages"]
    bounds = [round(s["min"] * 10) for s in stages] + [1001]
    reachable = all(any(lo <= t < hi for t in achievable) for lo, hi in itertools.pairwise(bounds))
    try:
        loaded = scoring.load(definition)
    except scoring.DefinitionError as err:
        assert not reachable, str(err)
        assert err.path.startswith("models[0].stages[") and "cannot be reached" in str(err)
        return
    assert reachable
    assert basis_scores(loaded, loaded.models[0].basis) == achievable
