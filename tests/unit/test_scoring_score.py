"""Scoring: the rounding rule, dimension and overall scores, stages, next steps, answer errors, to_dict."""

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from scoring_cases import assessment, first_answers

import scoring
from scoring._numbers import dimension_tenths, mean_tenths, round_half_up

SMALL = {
    "id": "klein", "title": "Klein", "intro": "Twee onderdelen, drie vragen.", "kind": "organisation",
    "minutes": 1,
    "dimensions": [{"id": "plan", "label": "Plan"}, {"id": "meten", "label": "Meten", "weight": 3}],
    "questions": [
        {"id": "q1", "dimension": "plan", "text": "Is er een plan?", "options": [
            {"id": "a", "label": "Nee", "points": 0}, {"id": "b", "label": "Deels", "points": 1},
            {"id": "c", "label": "Ja", "points": 2}]},
        {"id": "q2", "dimension": "plan", "weight": 2, "text": "Zijn er doelen?", "options": [
            {"id": "a", "label": "Nee", "points": 0}, {"id": "b", "label": "Ja", "points": 3}]},
        {"id": "q3", "dimension": "meten", "text": "Meet je?", "options": [
            {"id": "a", "label": "Nee", "points": 0}, {"id": "b", "label": "Soms", "points": 1},
            {"id": "c", "label": "Vaak", "points": 2}, {"id": "d", "label": "Altijd", "points": 7}]},
    ],
    "models": [
        {"model": "model-a", "title": "Model A", "basis": "overall", "stages": [
            {"id": "een", "label": "Een", "element": 1, "min": 0, "meaning": "Begin.", "next": "Verder."},
            {"id": "twee", "label": "Twee", "element": 2, "min": 40.2, "meaning": "Midden.", "next": "Door."},
            {"id": "drie", "label": "Drie", "element": 3, "min": 80, "meaning": "Eind.", "next": "Blijf."}]},
        {"model": "model-b", "title": "Model B", "basis": ["plan"], "stages": [
            {"id": "laag", "label": "Laag", "element": 1, "min": 0, "meaning": "Laag.", "next": "Hoger."},
            {"id": "hoog", "label": "Hoog", "element": 2, "min": 50, "meaning": "Hoog.", "next": "Blijf."}]},
        {"model": "model-c", "title": "Model C", "basis": "overall", "stages": [
            {"id": "start", "label": "Start", "element": 1, "meaning": "Begin.", "next": "Stel doelen."},
            {"id": "doelen", "label": "Doelen", "element": 2, "meaning": "Doelen.", "next": "Meet altijd.",
             "rules": [{"question": "q2", "at_least": "b", "because": "Deze fase vraagt doelen.",
                        "source": "https://example.org/model-c"}]},
            {"id": "sturen", "label": "Sturen", "element": 3, "meaning": "Sturen.", "next": "Blijf.",
             "rules": [{"question": "q3", "at_least": "d", "because": "Deze fase vraagt dat je altijd meet.",
                        "source": "https://example.org/model-c"},
                       {"dimension": "plan", "at_least": 87.5, "because": "Deze fase vraagt een uitgewerkt plan.",
                        "source": "https://example.org/model-c"}]}]},
        {"model": "model-d", "title": "Model D", "basis": "overall", "placement": "membership", "stages": [
            {"id": "kijker", "label": "Kijker", "element": 1, "meaning": "Kijkt.", "next": "Plan iets."},
            {"id": "planner", "label": "Planner", "element": 2, "meaning": "Plant.", "next": "Meet altijd.",
             "rules": [{"question": "q1", "at_least": "b", "because": "Planners hebben deels een plan.",
                        "source": "https://example.org/model-d"}]},
            {"id": "meter", "label": "Meter", "element": 3, "meaning": "Meet.", "next": "Blijf.",
             "rules": [{"question": "q3", "at_least": "d", "because": "Meters meten altijd.",
                        "source": "https://example.org/model-d"}]}]},
    ],
    "next_steps": [
        {"dimension": "meten", "text": "Ga meten.", "models": ["vierfasenmodel"]},
        {"dimension": "plan", "text": "Maak een plan.", "models": ["forrester-post-method", "oasis-social-media"]},
    ],
}


@pytest.fixture(scope="module")
def small():
    return scoring.load(SMALL)


# --- rounding -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("numerator", "denominator", "expected"), [
    (0, 7, 0), (1, 2, 1), (3, 2, 2), (5, 2, 3), (1, 3, 0), (2, 3, 1), (7, 7, 1), (249, 100, 2), (250, 100, 3),
])
def test_round_half_up(numerator, denominator, expected):
    assert round_half_up(numerator, denominator) == expected


@pytest.mark.parametrize(("points", "max_points", "shown"), [
    (1, 16, 63),     # 6.25  -> 6.3 (half up, where Python's round() would give 6.2)
    (1, 3, 333),     # 33.33 -> 33.3
    (2, 3, 667),     # 66.67 -> 66.7
    (5, 8, 625),     # 62.5 exactly
    (1, 80, 13),     # 1.25  -> 1.3
    (0, 5, 0), (5, 5, 1000),
])
def test_dimension_rounding(points, max_points, shown):
    assert dimension_tenths(points, max_points) == shown


def test_overall_is_the_weighted_mean_of_the_shown_dimension_scores():
    # (1 * 33.3 + 3 * 66.7) / 4 = 58.35 -> 58.4
    assert mean_tenths([(1, 333), (3, 667)]) == 584


# --- scoring a small definition by hand -----------------------------------------------------------

def test_hand_computed_result(small):
    result = scoring.score(small, {"q1": "b", "q2": "b", "q3": "c"})
    # plan: (1*1 + 2*3) / (1*2 + 2*3) = 7/8 = 87.5 ; meten: 2/7 = 28.57 -> 28.6
    assert result.dimensions == {"plan": 87.5, "meten": 28.6}
    # overall: (1 * 87.5 + 3 * 28.6) / 4 = 43.325 -> 43.3
    assert result.overall == 43.3
    assert result.stages == {"model-a": "twee", "model-b": "hoog", "model-c": "doelen", "model-d": "planner"}
    assert [(p.model, p.score_tenths) for p in result.placements][:2] == [("model-a", 433), ("model-b", 875)]
    assert [a.dimension for a in result.next_steps] == ["meten"]


def _every_answer_set():
    for i in range(3):
        for j in range(2):
            for k in range(4):
                yield {"q1": "abc"[i], "q2": "ab"[j], "q3": "abcd"[k]}


def test_threshold_is_inclusive_on_the_shown_score(small):
    # plan 75 (q1 a, q2 b), meten 2/7 = 28.6 -> overall (75 + 3 * 28.6) / 4 = 40.2, exactly model-a's threshold
    result = scoring.score(small, {"q1": "a", "q2": "b", "q3": "c"})
    assert result.overall == 40.2 and result.stages["model-a"] == "twee"
    landed = below = 0
    for answers in _every_answer_set():
        result = scoring.score(small, answers)
        assert (result.stages["model-a"] != "een") == (result.overall >= 40.2), answers
        landed += result.overall == 40.2
        below += 35 <= result.overall < 40.2
    assert landed and below, "the threshold and a score just under it are both achievable"
    result = scoring.score(small, {"q1": "c", "q2": "a", "q3": "a"})
    assert result.dimensions["plan"] == 25.0 and result.overall == 6.3  # 6.25 rounds up


def _placement(result, model):
    return next(p for p in result.placements if p.model == model)


def test_ladder_needs_every_stage_below(small):
    # q3 'd' and plan 100 meet 'sturen', but without q2 at least 'b' the ladder stops at 'start'
    result = scoring.score(small, {"q1": "c", "q2": "a", "q3": "d"})
    p = _placement(result, "model-c")
    assert (p.stage.id, p.position, p.of) == ("start", 1, 3)
    assert p.because == ("q2",)
    assert p.to_next == ({"question": "q2", "option": "b"},)


def test_ladder_to_next_lists_every_unmet_rule(small):
    # plan 6/8 = 75 < 87.5 and q3 'c' < 'd': both rules of 'sturen' are unmet
    p = _placement(scoring.score(small, {"q1": "a", "q2": "b", "q3": "c"}), "model-c")
    assert (p.stage.id, p.position) == ("doelen", 2)
    assert p.to_next == ({"question": "q3", "option": "d"}, {"dimension": "plan", "score": 87.5})
    assert p.because == ("q1", "q2", "q3")
    assert p.to_dict()["rules"] == [{"question": "q2", "option": "b", "because": "Deze fase vraagt doelen.",
                                     "source": "https://example.org/model-c"}]


def test_dimension_rule_is_inclusive(small):
    # plan (1 + 6) / 8 = 87.5 exactly meets 'at_least: 87.5'; 75 does not
    assert _placement(scoring.score(small, {"q1": "b", "q2": "b", "q3": "d"}), "model-c").stage.id == "sturen"
    assert _placement(scoring.score(small, {"q1": "a", "q2": "b", "q3": "d"}), "model-c").stage.id == "doelen"


def test_question_rule_is_inclusive(small):
    assert _placement(scoring.score(small, {"q1": "c", "q2": "b", "q3": "c"}), "model-c").stage.id == "doelen"
    top = _placement(scoring.score(small, {"q1": "c", "q2": "b", "q3": "d"}), "model-c")
    assert (top.stage.id, top.position, top.of, top.to_next) == ("sturen", 3, 3, ())


def test_membership_places_on_the_highest_group_shown(small):
    # no plan at all, but always measuring: a 'meter', whatever the stages below ask
    p = _placement(scoring.score(small, {"q1": "a", "q2": "a", "q3": "d"}), "model-d")
    assert (p.stage.id, p.position, p.of) == ("meter", 3, 3)
    assert p.because == ("q3",) and p.to_next == ()
    p = _placement(scoring.score(small, {"q1": "b", "q2": "a", "q3": "c"}), "model-d")
    assert (p.stage.id, p.position) == ("planner", 2)
    assert p.because == ("q1", "q3") and p.to_next == ({"question": "q3", "option": "d"},)
    assert p.to_dict()["placement"] == "membership"


def test_unknown_scores_zero_and_meets_no_rule(small):
    result = scoring.score(small, {"q1": "b", "q2": scoring.UNKNOWN, "q3": "d"})
    assert result.dimensions["plan"] == 12.5  # 1 / 8: 'weet ik niet' counts 0 points
    assert result.unknown == ("q2",) and result.answered == 3
    assert _placement(result, "model-c").stage.id == "start"
    assert result.to_dict()["unknown"] == ["q2"]
    assert scoring.UNKNOWN == "?"
    assert scoring.UNKNOWN not in {o.id for q in small.questions for o in q.options}


def test_next_steps_weakest_first_at_most_three():
    a = assessment("social-media-volwassenheidsscan")
    answers = {q.id: q.options[-1].id for q in a.questions}
    weak = [q for q in a.questions if q.dimension in ("content", "luisteren", "beleid", "mensen")]
    for q in weak:
        answers[q.id] = q.options[0].id
    answers[weak[-1].id] = weak[-1].options[1].id  # mensen a bit stronger than the others
    result = scoring.score(a, answers)
    steps = result.to_dict()["next_steps"]
    assert len(steps) == scoring.NEXT_STEP_LIMIT == 3
    assert [s["dimension"] for s in steps] == ["luisteren", "content", "beleid"]  # ties keep definition order
    assert all(s["score"] < scoring.NEXT_STEP_BELOW / 10 for s in steps)
    assert all(s["models"] and s["text"] and s["label"] for s in steps)


def test_a_strong_organisation_still_gets_its_lowest_dimension():
    a = assessment("social-media-volwassenheidsscan")
    answers = {q.id: q.options[-1].id for q in a.questions}
    result = scoring.score(a, answers)
    assert [(s.dimension, s.weak) for s in result.next_steps] == [("strategie", False)]  # all 100: first in order
    answers["meten-sturen"] = a.question("meten-sturen").options[2].id  # meten 5/6 = 83.3, still not weak
    steps = scoring.score(a, answers).to_dict()["next_steps"]
    assert [(s["dimension"], s["score"], s["weak"]) for s in steps] == [("meten", 83.3, False)]


# --- answers the visitor gets wrong -----------------------------------------------------------------

def test_missing_answer_names_the_question(small):
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.score(small, {"q1": "a", "q3": "a"})
    assert str(caught.value) == "Vraag 2 is nog niet beantwoord: Zijn er doelen?"
    assert caught.value.question_ids == ("q2",)


def test_several_missing_answers(small):
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.score(small, {"q2": "a"})
    assert str(caught.value) == "De vragen 1 en 3 zijn nog niet beantwoord."
    assert caught.value.question_ids == ("q1", "q3")


def test_none_counts_as_unanswered(small):
    with pytest.raises(scoring.AnswerError, match="Vraag 1 is nog niet beantwoord"):
        scoring.score(small, {"q1": None, "q2": "a", "q3": "a"})


@pytest.mark.parametrize("bad", ["x", "", 1, ["a"], {"id": "a"}, "A"])
def test_unknown_option(small, bad):
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.score(small, {"q1": "a", "q2": bad, "q3": "a"})
    assert "vraag 2" in str(caught.value) and caught.value.question_ids == ("q2",)


def test_unknown_question(small):
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.score(small, {"q1": "a", "q2": "a", "q3": "a", "q9": "a"})
    assert "q9" in str(caught.value) and caught.value.question_ids == ("q9",)


@pytest.mark.parametrize("bad", [None, [], "q1=a", 3])
def test_answers_must_be_a_mapping(small, bad):
    with pytest.raises(scoring.AnswerError, match="konden niet worden gelezen"):
        scoring.score(small, bad)


# --- to_dict --------------------------------------------------------------------------------------

def test_to_dict_is_json_safe_and_complete(small):
    result = scoring.score(small, {"q1": "c", "q2": "b", "q3": "b"}).to_dict()
    assert json.loads(json.dumps(result)) == result
    assert set(result) == {"assessment", "title", "kind", "overall", "dimensions", "profile", "stages",
                           "placements", "next_steps", "answered", "total", "unknown", "share"}
    assert result["answered"] == result["total"] == 3
    placement = result["placements"][0]
    assert set(placement) == {"model", "model_title", "stage", "label", "element", "meaning", "next", "score",
                              "basis", "position", "of", "figure", "related", "rules", "estimated", "placement",
                              "because", "to_next"}
    assert placement["estimated"] is True and result["placements"][2]["estimated"] is False
    assert result["placements"][1]["basis"] == ["plan"] and placement["basis"] == "overall"
    assert result["profile"] == [{"dimension": "plan", "label": "Plan", "score": 100.0},
                                 {"dimension": "meten", "label": "Meten", "score": 14.3}]


def test_person_placements_carry_figures_and_related_models():
    a = assessment("persoon-social-technographics")
    result = scoring.score(a, {q.id: q.options[-1].id for q in a.questions}).to_dict()
    placement = result["placements"][0]
    assert placement["stage"] == "creators" and placement["element"] == 7
    assert placement["figure"]["value"] == "13%" and placement["figure"]["source"]["year"] == 2007
    assert "groundswell-objectives" in placement["related"]["models"]
    low = scoring.score(a, first_answers(a)).to_dict()["placements"][0]
    assert low["stage"] == "inactives" and low["figure"] is None


def test_decimal_reference_agrees_on_the_small_definition(small):
    """Every answer set of the small definition (3 * 2 * 4 = 24) against a Decimal ROUND_HALF_UP reference."""
    tenth = Decimal("0.1")
    for i in range(3):
        for j in range(2):
            for k in range(4):
                answers = {"q1": "abc"[i], "q2": "ab"[j], "q3": "abcd"[k]}
                plan = Decimal(100 * (i + 2 * 3 * j)) / Decimal(8)
                meten = Decimal(100 * [0, 1, 2, 7][k]) / Decimal(7)
                plan, meten = (x.quantize(tenth, rounding=ROUND_HALF_UP) for x in (plan, meten))
                overall = ((plan + 3 * meten) / 4).quantize(tenth, rounding=ROUND_HALF_UP)
                result = scoring.score(small, answers)
                assert result.dimensions == {"plan": float(plan), "meten": float(meten)}
                assert result.overall == float(overall)
