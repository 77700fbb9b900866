"""Scoring, share strings and team profiles on a small definition built in code, with every number
worked out by hand: what the visitor sees (scores, stages, the questions that decided, the Dutch
messages) and what the team page shows.

The small definition (scoring_cases.SMALL): dimension strategie (weight 2) holds plan (weight 3) and
doelen, dimension meten (weight 1) holds cijfers; every question has options o0, o1, o2 worth 0, 1, 2.
Stages: begin; midden (overall 30, plan at least o1); eind (overall 60, meten at least 50).
"""

import pytest
from scoring_cases import small_definition

import scoring
from scoring._codec import check, fingerprint
from scoring._reach import stage_witnesses

AGAIN = "Je kunt de scan gewoon (opnieuw) invullen."


def small(changes=()):
    return scoring.load(small_definition(changes))


def answers(plan, doelen, cijfers):
    return {"plan": plan, "doelen": doelen, "cijfers": cijfers}


LOW = answers("o0", "o0", "o0")             # strategie 0, meten 0, overall 0: begin
STRATEGY = answers("o2", "o2", "o0")        # strategie 100, meten 0, overall 66.7: midden
HIGH = answers("o2", "o2", "o2")            # everything 100: eind
SOME_PLAN = answers("o1", "o0", "o0")       # strategie 37.5, meten 0, overall 25.0: begin
SOME_FIGURES = answers("o0", "o0", "o1")    # strategie 0, meten 50, overall 16.7: begin


def answer_error(assessment, given):
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.score(assessment, given)
    return caught.value


# --- answers -----------------------------------------------------------------------------------

def test_answers_that_are_not_a_mapping_ask_to_reload():
    error = answer_error(small(), ["o0", "o0", "o0"])
    assert str(error) == "De antwoorden konden niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens."


def test_an_answer_to_an_unknown_question_says_the_scan_may_have_changed():
    error = answer_error(small(), {**LOW, "budget": "o1"})
    assert str(error) == ("Deze scan kent geen vraag 'budget'. "
                          "Misschien is de scan intussen veranderd: laad de pagina opnieuw.")
    assert error.question_ids == ("budget",)


def test_unknown_options_name_one_question_or_several():
    one = answer_error(small(), {**LOW, "doelen": "o9"})
    assert str(one) == "Bij vraag 2 staat een antwoord dat deze scan niet kent. Kies het antwoord opnieuw."
    two = answer_error(small(), {**LOW, "plan": "o9", "cijfers": 2})
    assert str(two) == "Bij de vragen 1 en 3 staat een antwoord dat deze scan niet kent. Kies het antwoord opnieuw."
    assert two.question_ids == ("plan", "cijfers")


def test_weet_ik_niet_on_the_first_question_still_scores_the_others():
    result = scoring.score(small(), {**HIGH, "plan": scoring.UNKNOWN})
    assert result.unknown == ("plan",)
    assert result.dimensions == {"strategie": 25.0, "meten": 100.0}  # doelen 2 of 8 points


def test_asking_for_an_unknown_dimension_names_it():
    with pytest.raises(KeyError) as caught:
        small().dimension("budget")
    assert caught.value.args == ("budget",)


# --- placements: the deciding questions and what the next stage needs --------------------------

def test_the_next_stage_needs_even_the_smallest_minimum():
    a = small({("models", 0, "stages", 1, "min"): 0.1, ("models", 0, "stages", 1, "rules"): ...})
    placement = scoring.score(a, LOW).placements[0]
    assert placement.position == 1
    assert placement.to_next == ({"basis": "overall", "score": 0.1},)


def test_the_next_stage_names_the_dimensions_of_its_basis():
    a = small({("models", 0, "basis"): ["meten"]})
    placement = scoring.score(a, LOW).placements[0]
    assert placement.to_next == ({"basis": ["meten"], "score": 30.0}, {"question": "plan", "option": "o1"})


def test_a_basis_score_exactly_at_the_minimum_decides_the_stage():
    top = {"id": "top", "label": "Top", "element": 2, "min": 50, "meaning": "Top.", "next": "Blijf."}
    a = small({("models", 0, "basis"): ["meten"],
               ("models", 0, "stages"): [small_definition()["models"][0]["stages"][0], top]})
    placement = scoring.score(a, SOME_FIGURES).placements[0]
    assert (placement.position, placement.score_tenths) == (2, 500)
    assert placement.because == ("cijfers",)


def test_the_deciding_questions_gather_rules_and_the_basis():
    a = small({("models", 0, "basis"): ["meten"], ("models", 0, "stages", 1, "min"): 0,
               ("models", 0, "stages", 2, "rules"): ...})
    placement = scoring.score(a, answers("o1", "o0", "o2")).placements[0]
    assert placement.position == 3
    assert placement.because == ("plan", "cijfers")


# --- reachability: every stage's example answers land in that stage ----------------------------

RULE_PLAN_2 = {"question": "plan", "at_least": "o2", "because": "Een vast plan.", "source": "https://example.org/m"}
RULE_PLAN_1 = {**RULE_PLAN_2, "at_least": "o1"}
RULE_FIGURES_1 = {"question": "cijfers", "at_least": "o1", "because": "Meten.", "source": "https://example.org/m"}


def _measure(at_least):
    return {"dimension": "meten", "at_least": at_least, "because": "Meten.", "source": "https://example.org/m"}


def _ruled(first, second):
    stages = "models", 0, "stages"
    return {(*stages, 1, "min"): 0, (*stages, 1, "rules"): first, (*stages, 2, "min"): 0, (*stages, 2, "rules"): second}


@pytest.mark.parametrize("first, second", [
    ([RULE_PLAN_2], [RULE_PLAN_1, RULE_FIGURES_1]),   # a lower option asked again higher up
    ([_measure(60)], [_measure(30), RULE_PLAN_1]),    # a lower score asked again higher up
], ids=["option-asked-again", "score-asked-again"])
def test_every_stage_example_lands_in_its_stage(first, second):
    a = small(_ruled(first, second))
    mapping = a.models[0]
    for index, example in enumerate(stage_witnesses(a, mapping)):
        assert scoring.score(a, example).placements[0].position == index + 1


def test_a_stage_whose_score_rule_the_next_stage_repeats_cannot_be_reached():
    with pytest.raises(scoring.DefinitionError) as caught:
        small(_ruled([_measure(50)], [_measure(50)]))
    assert caught.value.path == "models[0].stages[1].rules"
    assert "stage 'midden' cannot be reached" in str(caught.value)


# --- share strings -------------------------------------------------------------------------------

def _share(a, payload):
    mark = fingerprint(a)
    return f"v1.{mark}.{payload}.{check(mark, payload)}"


def test_a_share_string_of_exactly_the_longest_length_is_read_not_refused_as_too_long():
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.share.decode(small(), "0" * 200)
    assert str(caught.value) == f"Deze deellink is beschadigd: hij is onvolledig. {AGAIN}"
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.share.decode(small(), "0" * 201)
    assert str(caught.value) == f"Deze deellink is beschadigd: hij is te lang. {AGAIN}"


def test_an_answer_just_past_the_last_option_is_reported():
    a = small()
    assert scoring.share.decode(a, _share(a, "2z2")) == {"plan": "o2", "doelen": scoring.UNKNOWN, "cijfers": "o2"}
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.share.decode(a, _share(a, "030"))
    assert str(caught.value) == f"Deze deellink is beschadigd: er staat een antwoord in dat niet bestaat. {AGAIN}"


# --- team entries ----------------------------------------------------------------------------------

def entry_error(entry):
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.team.read_entry(small(), entry)
    return str(caught.value)


@pytest.mark.parametrize("entry, message", [
    (42, "Deze regel kon niet worden gelezen."),
    ("x" * 20001, "Deze regel is te lang voor een deellink of antwoordbestand."),
    ("[1, 2]", "Dit bestand is geen geldig JSON-bestand met antwoorden."),
    ("{", "Dit bestand is geen geldig JSON-bestand met antwoorden."),
    ({"assessment": "a" * 70, "answers": LOW},
     f"Dit bestand hoort bij een andere test ('{'a' * 60}'), niet bij 'Kleine scan'."),
    ({"assessment": "klein"},
     "In dit bestand staan geen antwoorden (het veld 'answers' ontbreekt of is geen lijst)."),
    ({"assessment": "klein", "answers": ["o0", "o0", "o0"]},
     "In dit bestand staan geen antwoorden (het veld 'answers' ontbreekt of is geen lijst)."),
    (f"https://example.org/zelfscan/#{'b' * 70}=000",
     f"Deze link hoort bij een andere test ('{'b' * 60}'), niet bij 'Kleine scan'."),
    ("example.org/zelfscan/",
     "Deze link bevat geen antwoorden: het deel na '#' ontbreekt. Vraag je collega om de deellink."),
    ("#klein=%FF", "Deze link is beschadigd: er staan tekens in die niet goed zijn gecodeerd. "
                   "Misschien is hij niet helemaal gekopieerd."),
    ("#klein=v1.abc=def", f"Deze deellink is beschadigd: er staan tekens in die er niet in horen. {AGAIN}"),
    ("https://example.org/zelfscan/#klein=v1.abc#",
     f"Deze deellink is beschadigd: er staan tekens in die er niet in horen. {AGAIN}"),
], ids=["not-text", "too-long", "json-list", "json-object", "other-test-file", "file-without-answers",
        "file-answers-not-a-mapping", "other-test-link", "link-without-fragment", "bad-escape",
        "equals-in-code", "second-hash"])
def test_a_bad_entry_gets_its_own_dutch_reason(entry, message):
    assert entry_error(entry) == message


def test_an_entry_of_exactly_the_longest_length_is_not_refused_as_too_long():
    assert entry_error("0" * 20000) != "Deze regel is te lang voor een deellink of antwoordbestand."


def test_good_entries_of_every_kind_give_the_answers():
    a = small()
    code = scoring.share.encode(a, STRATEGY)
    for entry in (f"https://example.org/zelfscan/#klein={code}", f"#kl%65in={code}", code,
                  {"assessment": "klein", "answers": STRATEGY}, STRATEGY):
        assert scoring.team.read_entry(a, entry) == STRATEGY


# --- the team profile --------------------------------------------------------------------------------

def test_team_profile_of_two_colleagues_worked_out_by_hand():
    a = small()
    team = scoring.team.combine(a, [scoring.share.encode(a, STRATEGY), "", {"assessment": "klein", "answers": HIGH}])
    assert team == {
        "assessment": "klein",
        "members": 2,
        "invalid": [],
        "overall": {"low": 66.7, "median": 83.4, "high": 100.0, "spread": 33.3},
        "dimensions": [
            {"dimension": "strategie", "label": "Strategie", "low": 100.0, "median": 100.0, "high": 100.0,
             "spread": 0.0},
            {"dimension": "meten", "label": "Meten", "low": 0.0, "median": 50.0, "high": 100.0, "spread": 100.0},
        ],
        # strategie has the larger low + high, meten the larger spread
        "disagreement": ["meten", "strategie"],
        "placements": [{
            "model": "voorbeeldmodel", "model_title": "Voorbeeldmodel", "of": 3, "low": 2, "high": 3,
            "stages": [
                {"stage": "begin", "label": "Begin", "position": 1, "element": 1, "members": 0},
                {"stage": "midden", "label": "Midden", "position": 2, "element": 2, "members": 1},
                {"stage": "eind", "label": "Eind", "position": 3, "element": 3, "members": 1},
            ],
        }],
        # meten is weak for the first; the second has no weak dimension and gets the lowest (strategie, first)
        "next_steps": [
            {"dimension": "meten", "label": "Meten", "text": "Begin met meten.", "models": ["voorbeeldmodel"],
             "members": 1, "median": 50.0},
            {"dimension": "strategie", "label": "Strategie", "text": "Schrijf een plan.", "models": ["ander-model"],
             "members": 1, "median": 100.0},
        ],
    }


def test_an_empty_team_has_every_field():
    team = scoring.team.combine(small(), ["", "  "])
    assert team == {"assessment": "klein", "members": 0, "invalid": [], "overall": None, "dimensions": [],
                    "disagreement": [], "placements": [], "next_steps": []}


@pytest.mark.parametrize("members, median", [
    ([LOW, SOME_FIGURES, SOME_PLAN, STRATEGY, HIGH], 25.0),  # overall 0, 16.7, 25.0, 66.7, 100: the middle one
    ([LOW, SOME_PLAN, STRATEGY, HIGH], 45.9),                # (25.0 + 66.7) / 2 = 45.85, half up
    ([HIGH, SOME_PLAN, LOW], 25.0),
], ids=["five", "four", "three"])
def test_the_team_median_is_the_middle_score(members, median):
    assert scoring.team.combine(small(), members)["overall"]["median"] == median


def _membership(basis, second, third):
    """begin; an overall (or basis) score of 30; then two rungs of rules only, each on its own."""
    begin, midden, eind = small_definition()["models"][0]["stages"]
    stages = [begin,
              {**midden, "min": 30, "rules": []},
              {**eind, "id": "rules-a", "element": 3, "min": 0, "rules": second},
              {**eind, "id": "rules-b", "element": 4, "min": 0, "rules": third}]
    return small({("models", 0, "placement"): "membership", ("models", 0, "basis"): basis,
                  ("models", 0, "stages"): stages})


@pytest.mark.parametrize("basis, second, third", [
    ("overall", [_measure(30)], [_measure(80)]),                   # meten must stay below both
    (["meten", "strategie"], [RULE_PLAN_1], [RULE_PLAN_2]),        # plan must stay below both
    (["meten"], [RULE_PLAN_1], [RULE_PLAN_2]),                     # plan's part is outside the basis
], ids=["score-below-two-rungs", "option-below-two-rungs", "option-outside-the-basis"])
def test_every_rung_example_lands_on_its_rung(basis, second, third):
    a = _membership(basis, second, third)
    mapping = a.models[0]
    for index, example in enumerate(stage_witnesses(a, mapping)):
        assert scoring.score(a, example).placements[0].position == index + 1
