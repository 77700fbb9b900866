"""Hypothesis properties over every assessment definition in content/assessments.

- bounds: every score lies in 0..100, and scores and placements agree with a small reference
  implementation that reads the raw YAML (Decimal arithmetic, its own rule evaluation);
- monotonic: choosing a later option (or a real option instead of "weet ik niet") never lowers a
  dimension score, the overall score, a basis score or a stage;
- explained: the `because` answers alone decide each placement (the rest set to "weet ik niet" or
  to the last option changes nothing), the stage's rules hold and the next stage's do not, and
  giving what `to_next` asks moves the placement up;
- all-first answers give every model's first stage, all-last answers its last, all "weet ik niet"
  the first stage with every score 0;
- every stage is reachable: the loader's witness answer set, scored, lands in that stage;
- on small random definitions with rules, the loader's verdict equals brute force over every answer set.
"""

import itertools
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scoring_cases import (
    assessment,
    definition_ids,
    first_answers,
    last_answers,
    raw_definition,
    stage_positions,
)

import scoring
from scoring._reach import stage_witnesses

TENTH = Decimal("0.1")
MAX_QUESTIONS = 24
UNKNOWN_RAW = 10  # a raw index folded to "weet ik niet" (see fold)
PROPERTY = settings(max_examples=25, deadline=None)

# option indexes for up to MAX_QUESTIONS questions; 10 means "weet ik niet", the rest fold onto the options
indexes = st.lists(st.integers(min_value=0, max_value=UNKNOWN_RAW), min_size=MAX_QUESTIONS, max_size=MAX_QUESTIONS)
real_indexes = st.lists(st.integers(min_value=0, max_value=9), min_size=MAX_QUESTIONS, max_size=MAX_QUESTIONS)


def fold(a, raw):
    """Raw indexes -> valid option indexes for assessment `a`, None for "weet ik niet"."""
    return [None if raw[n] == UNKNOWN_RAW else raw[n] % len(q.options) for n, q in enumerate(a.questions)]


def answers_of(a, chosen):
    """Answers from folded indexes (None -> scoring.UNKNOWN)."""
    return {q.id: scoring.UNKNOWN if i is None else q.options[i].id
            for q, i in zip(a.questions, chosen, strict=True)}


def reference(raw, answers):
    """Scores and stage ids from the raw YAML, by a different road: Decimal arithmetic, own rule check."""
    questions = raw["questions"]
    position = {}
    for q in questions:
        ids = [o["id"] for o in q["options"]]
        position[q["id"]] = -1 if answers[q["id"]] == scoring.UNKNOWN else ids.index(answers[q["id"]])
    dims = {}
    for dim in raw["dimensions"]:
        mine = [q for q in questions if q["dimension"] == dim["id"]]
        got = sum(q.get("weight", 1) * (0 if position[q["id"]] < 0 else q["options"][position[q["id"]]]["points"])
                  for q in mine)
        most = sum(q.get("weight", 1) * q["options"][-1]["points"] for q in mine)
        dims[dim["id"]] = (Decimal(100 * got) / Decimal(most)).quantize(TENTH, rounding=ROUND_HALF_UP)
    weights = {d["id"]: d.get("weight", 1) for d in raw["dimensions"]}

    def mean(ids):
        total = sum(weights[d] * dims[d] for d in ids)
        return (total / Decimal(sum(weights[d] for d in ids))).quantize(TENTH, rounding=ROUND_HALF_UP)

    def holds(stage, basis_score):
        if Decimal(str(stage.get("min", 0))) > basis_score:
            return False
        for rule in stage.get("rules", []):
            if "question" in rule:
                ids = [o["id"] for o in next(q for q in questions if q["id"] == rule["question"])["options"]]
                if position[rule["question"]] < ids.index(rule["at_least"]):
                    return False
            elif dims[rule["dimension"]] < Decimal(str(rule["at_least"])):
                return False
        return True

    stages = {}
    for mapping in raw["models"]:
        basis = list(weights) if mapping["basis"] == "overall" else mapping["basis"]
        basis_score = mean(basis)
        met = [holds(stage, basis_score) for stage in mapping["stages"]]
        mode = mapping.get("placement", "membership" if raw["kind"] == "person" else "cumulative")
        if mode == "cumulative":
            reached = list(itertools.takewhile(bool, met[1:]))
            stages[mapping["model"]] = mapping["stages"][len(reached)]["id"]
        else:
            stages[mapping["model"]] = [s["id"] for s, ok in zip(mapping["stages"], met, strict=True)
                                        if ok or s is mapping["stages"][0]][-1]
    return dims, mean(list(weights)), stages


@pytest.mark.parametrize("assessment_id", definition_ids())
@PROPERTY
@given(raw=indexes)
@example(raw=[0] * MAX_QUESTIONS)
@example(raw=[9] * MAX_QUESTIONS)
@example(raw=[UNKNOWN_RAW] * MAX_QUESTIONS)
@example(raw=[1, 2] * (MAX_QUESTIONS // 2))
def test_scores_and_stages_match_the_reference(assessment_id, raw):
    a = assessment(assessment_id)
    answers = answers_of(a, fold(a, raw))
    result = scoring.score(a, answers)
    dims, overall, stages = reference(raw_definition(assessment_id), answers)
    assert result.dimensions == {d: float(v) for d, v in dims.items()}
    assert result.overall == float(overall)
    assert result.stages == stages
    for value in [result.overall, *result.dimensions.values(), *(p.score_tenths / 10 for p in result.placements)]:
        assert 0 <= value <= 100
    assert result.answered == result.total == len(a.questions)
    assert list(result.unknown) == [q.id for q in a.questions if answers[q.id] == scoring.UNKNOWN]


def _no_lower(before, after):
    assert after.overall >= before.overall
    for dim, value in before.dimensions.items():
        assert after.dimensions[dim] >= value, dim
    for old, new in zip(before.placements, after.placements, strict=True):
        assert new.score_tenths >= old.score_tenths and new.position >= old.position, old.model


@pytest.mark.parametrize("assessment_id", definition_ids())
@PROPERTY
@given(raw=indexes, which=st.integers(min_value=0, max_value=MAX_QUESTIONS - 1), step=st.integers(1, 9))
@example(raw=[0] * MAX_QUESTIONS, which=0, step=1)
@example(raw=[UNKNOWN_RAW] * MAX_QUESTIONS, which=0, step=1)
def test_a_better_answer_never_lowers_anything(assessment_id, raw, which, step):
    a = assessment(assessment_id)
    chosen = fold(a, raw)
    which %= len(a.questions)
    better = list(chosen)
    top = len(a.questions[which].options) - 1
    better[which] = 0 if chosen[which] is None else min(chosen[which] + step, top)
    _no_lower(scoring.score(a, answers_of(a, chosen)), scoring.score(a, answers_of(a, better)))


@pytest.mark.parametrize("assessment_id", definition_ids())
@PROPERTY
@given(raw=real_indexes)
@example(raw=[0] * MAX_QUESTIONS)
def test_weet_ik_niet_never_scores_above_the_lowest_option(assessment_id, raw):
    a = assessment(assessment_id)
    chosen = fold(a, raw)
    for n, question in enumerate(a.questions):
        lowest = list(chosen)
        lowest[n] = 0
        unknown = list(chosen)
        unknown[n] = None
        _no_lower(scoring.score(a, answers_of(a, unknown)), scoring.score(a, answers_of(a, lowest)))
        assert scoring.score(a, answers_of(a, unknown)).unknown == (question.id,)


def _stage_rules_hold(a, mapping, stage, answers):
    result = scoring.score(a, answers)
    indexes = {q.id: (-1 if answers[q.id] == scoring.UNKNOWN else q.option_index(answers[q.id]))
               for q in a.questions}
    placement = next(p for p in result.placements if p.model == mapping.model)
    return all(rule.holds(indexes, {d: round(v * 10) for d, v in result.dimensions.items()})
               for rule in stage.rules) and placement.score_tenths >= stage.min_tenths


@pytest.mark.parametrize("assessment_id", definition_ids())
@PROPERTY
@given(raw=indexes)
@example(raw=[0] * MAX_QUESTIONS)
@example(raw=[9] * MAX_QUESTIONS)
@example(raw=[3, 0] * (MAX_QUESTIONS // 2))
def test_because_answers_decide_the_placement(assessment_id, raw):
    a = assessment(assessment_id)
    answers = answers_of(a, fold(a, raw))
    result = scoring.score(a, answers)
    for mapping, placement in zip(a.models, result.placements, strict=True):
        because = set(placement.because)
        assert because <= set(answers)
        low = {q: (answers[q] if q in because else scoring.UNKNOWN) for q in answers}
        high = {q.id: (answers[q.id] if q.id in because else q.options[-1].id) for q in a.questions}
        for variant in (low, high):
            moved = next(p for p in scoring.score(a, variant).placements if p.model == mapping.model)
            assert moved.position == placement.position, (mapping.model, variant is low)
        stage = mapping.stages[placement.position - 1]
        assert _stage_rules_hold(a, mapping, stage, low)
        if placement.position < placement.of:
            assert not _stage_rules_hold(a, mapping, mapping.stages[placement.position], high)
            assert placement.to_next
        else:
            assert placement.to_next == ()


@pytest.mark.parametrize("assessment_id", definition_ids())
@PROPERTY
@given(raw=indexes)
@example(raw=[0] * MAX_QUESTIONS)
def test_giving_what_to_next_asks_moves_up(assessment_id, raw):
    a = assessment(assessment_id)
    answers = answers_of(a, fold(a, raw))
    for mapping, placement in zip(a.models, scoring.score(a, answers).placements, strict=True):
        needs = placement.to_next
        if not needs or any("question" not in need for need in needs):
            continue
        better = dict(answers)
        for need in needs:
            question = a.question(need["question"])
            current = -1 if answers[question.id] == scoring.UNKNOWN else question.option_index(answers[question.id])
            assert current < question.option_index(need["option"]), need
            better[question.id] = need["option"]
        moved = next(p for p in scoring.score(a, better).placements if p.model == mapping.model)
        assert moved.position > placement.position, mapping.model


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_all_first_all_last_and_all_unknown(assessment_id):
    a = assessment(assessment_id)
    lowest = scoring.score(a, first_answers(a))
    highest = scoring.score(a, last_answers(a))
    unknown = scoring.score(a, {q.id: scoring.UNKNOWN for q in a.questions})
    assert set(stage_positions(lowest).values()) == {0}
    assert set(stage_positions(unknown).values()) == {0}
    assert unknown.overall == 0.0 and set(unknown.dimensions.values()) == {0.0}
    assert stage_positions(highest) == {m.model: len(m.stages) - 1 for m in a.models}
    assert highest.overall == 100.0 and set(highest.dimensions.values()) == {100.0}
    assert all(p.to_next == () for p in highest.placements)
    for result in (lowest, highest, unknown):
        assert all(p.stage.next for p in result.placements)
        assert bool(result.next_steps) == bool(a.next_steps)


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_every_stage_is_reachable(assessment_id):
    a = assessment(assessment_id)
    for mapping in a.models:
        witnesses = stage_witnesses(a, mapping)
        for position, (stage, answers) in enumerate(zip(mapping.stages, witnesses, strict=True), start=1):
            assert answers is not None, f"{mapping.model}: no answers reach {stage.id}"
            placed = next(p for p in scoring.score(a, answers).placements if p.model == mapping.model)
            assert (placed.stage.id, placed.position, placed.of) == (stage.id, position, len(mapping.stages))


# --- small random definitions against brute force ----------------------------------------------------

@st.composite
def small_definitions(draw):
    """A random definition with rules, small enough to try every answer set (at most 4 ** 4 = 256)."""
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
    count = draw(st.integers(2, 4))
    stages = []
    cut = 0
    for i in range(count):
        stage = {"id": f"s{i}", "label": f"Fase {i}", "element": i + 1, "meaning": "Betekenis.", "next": "Verder."}
        if i:
            rules = []
            for _ in range(draw(st.integers(0, 2))):
                if draw(st.booleans()):
                    q = draw(st.sampled_from(questions))
                    rules.append({"question": q["id"], "at_least": f"o{draw(st.integers(1, len(q['options']) - 1))}",
                                  "because": "Zo staat het er.", "source": "https://example.org/model"})
                else:
                    rules.append({"dimension": draw(st.sampled_from(dims)), "at_least": draw(st.integers(1, 100)),
                                  "because": "Zo staat het er.", "source": "https://example.org/model"})
            if not rules or draw(st.booleans()):
                cut = draw(st.integers(cut + 1, cut + 400)) if cut < 600 else cut + 1
                stage["min"] = cut / 10
            if rules:
                stage["rules"] = rules
        stages.append(stage)
    return {
        "id": "willekeurig", "title": "Willekeurig", "intro": "Test.", "minutes": 1,
        "kind": draw(st.sampled_from(["organisation", "person"])),
        "dimensions": [{"id": d, "label": d.upper(), "weight": draw(st.integers(1, 3))} for d in dims],
        "questions": questions,
        "models": [{"model": "m", "title": "M", "basis": basis, "stages": stages}],
    }


def brute_force_positions(definition):
    """Every stage id reached, by the reference placement of every real answer set."""
    questions = definition["questions"]
    reached = set()
    for combo in itertools.product(*[range(len(q["options"])) for q in questions]):
        answers = {q["id"]: q["options"][i]["id"] for q, i in zip(questions, combo, strict=True)}
        reached.add(reference(definition, answers)[2]["m"])
    return reached


@settings(max_examples=80, deadline=None)
@given(definition=small_definitions())
def test_reachability_matches_brute_force(definition):
    reached = brute_force_positions(definition)
    stage_ids = [s["id"] for s in definition["models"][0]["stages"]]
    try:
        loaded = scoring.load(definition)
    except scoring.DefinitionError as err:
        assert set(stage_ids) - reached, str(err)
        assert err.path.startswith("models[0].stages[") and "cannot be reached" in str(err)
        first_missing = next(i for i, s in enumerate(stage_ids) if s not in reached)
        assert err.path.startswith(f"models[0].stages[{first_missing}].")
        return
    assert reached == set(stage_ids)
    for index, answers in enumerate(stage_witnesses(loaded, loaded.models[0])):
        assert scoring.score(loaded, answers).placements[0].position == index + 1
