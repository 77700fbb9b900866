"""Loading a small definition field by field: every value reaches the loaded assessment, and every bad
field gives the author the exact path and a message that says what was expected.

The definition is built here (not read from a cached file) so each test loads it afresh.
"""

import copy

import pytest
from scoring_cases import SMALL as BASE
from scoring_cases import small_definition as _with
from scoring_cases import small_options as _options

import scoring


def _error(changes):
    with pytest.raises(scoring.DefinitionError) as caught:
        scoring.load(_with(changes))
    return str(caught.value)


# --- what loads --------------------------------------------------------------------------------

def test_every_field_reaches_the_loaded_assessment():
    a = scoring.load(_with({}))
    assert (a.id, a.title, a.intro, a.kind, a.minutes, a.model) == (
        "klein", "Kleine scan", "Een kleine definitie.", "organisation", 3, None)
    strategie, meten = a.dimensions
    assert (strategie.label, strategie.weight, strategie.description) == ("Strategie", 2, "Over plannen.")
    assert (meten.label, meten.weight, meten.description) == ("Meten", 1, "")
    plan, doelen, _ = a.questions
    assert (plan.text, plan.weight, plan.help) == ("Is er een plan?", 3, "Een plan staat op papier.")
    assert (doelen.weight, doelen.help) == (1, "")
    assert [(o.id, o.label, o.points) for o in plan.options] == [
        ("o0", "Antwoord 0.", 0), ("o1", "Antwoord 1.", 1), ("o2", "Antwoord 2.", 2)]
    mapping = a.models[0]
    assert (mapping.model, mapping.title, mapping.on_overall) == ("voorbeeldmodel", "Voorbeeldmodel", True)
    assert mapping.basis == ("strategie", "meten")
    begin, midden, eind = mapping.stages
    assert (begin.id, begin.label, begin.element, begin.min_tenths) == ("begin", "Begin", 1, 0)
    assert (midden.id, midden.label, midden.element, midden.min_tenths) == ("midden", "Midden", 2, 300)
    (by_question,) = midden.rules
    assert (by_question.because, by_question.source, by_question.question, by_question.option,
            by_question.option_index) == ("Een plan hoort erbij.", "https://example.org/model", "plan", "o1", 1)
    (by_dimension,) = eind.rules
    assert (by_dimension.because, by_dimension.source, by_dimension.dimension, by_dimension.tenths) == (
        "Meten hoort erbij.", "https://example.org/model#meten", "meten", 500)
    assert [(s.title, s.url, s.year) for s in a.sources] == [("Bron", "https://example.org/bron", 2020)]


def test_the_assessment_may_name_its_own_model():
    assert scoring.load(_with({("model",): "voorbeeldmodel"})).model == "voorbeeldmodel"


def test_a_basis_list_is_not_the_overall_score():
    mapping = scoring.load(_with({("models", 0, "basis"): ["meten", "strategie"]})).models[0]
    assert (mapping.basis, mapping.on_overall) == (("meten", "strategie"), False)


@pytest.mark.parametrize("changes", [
    {("minutes",): 120},
    {("minutes",): 1},
    {("questions", 0, "options"): _options(*range(10))},
    {("questions", 0, "options"): _options(0, 100)},
    {("dimensions", 0, "weight"): 10},
    {("models", 0, "stages", 2, "rules", 0, "at_least"): 0.1},
    {("models", 0, "stages", 2, "rules", 0, "at_least"): 100},
    {("models", 0, "stages", 1, "min"): 0.1},
    {("models", 0, "stages", 2, "min"): 100},
    {("models", 0, "stages", 1, "min"): 0, ("models", 0, "stages", 2, "min"): 0.1},
    {("models", 0, "stages", 0, "min"): 1e-07},  # within float noise of 0: taken as 0
], ids=["minutes-120", "minutes-1", "ten-options", "points-100", "weight-10", "rule-0.1", "rule-100",
        "min-0.1", "min-100", "rules-then-min-0.1", "min-float-noise"])
def test_values_at_the_limits_load(changes):
    scoring.load(_with(changes))


# --- what does not load, and the message the author gets ---------------------------------------

STAGES = ("models", 0, "stages")
RULE_Q = (*STAGES, 1, "rules", 0)
RULE_D = (*STAGES, 2, "rules", 0)

CASES = {
    "id": ({("id",): "Klein Scan"},
           "id: expected an id of lower-case letters, digits and hyphens, got 'Klein Scan'"),
    "title-type": ({("title",): 3}, "title: expected text, got int"),
    "title-blank": ({("title",): "  "}, "title: expected non-empty text"),
    "intro-blank": ({("intro",): ""}, "intro: expected non-empty text"),
    "intro-type": ({("intro",): None}, "intro: expected text, got NoneType"),
    "minutes-high": ({("minutes",): 121}, "minutes: expected an integer between 1 and 120, got 121"),
    "model-bad-id": ({("model",): "Voorbeeld"},
                     "model: expected an id of lower-case letters, digits and hyphens, got 'Voorbeeld'"),
    "model-unmapped": ({("model",): "ander-model"}, "model: expected one of the mapped models, got 'ander-model'"),
    "sources-type": ({("sources",): "bron"}, "sources: expected a list, got str"),
    "top-unknown-key": ({("extra",): 1},
                        "extra: unknown key (expected one of: dimensions, id, intro, kind, minutes, model, models, "
                        "next_steps, questions, sources, title)"),
    "top-missing-key": ({("intro",): ...}, "intro: required key is missing"),
    "mapping-twice": ({("models",): copy.deepcopy(BASE["models"]) * 2},
                      "models[1].model: duplicate model 'voorbeeldmodel' (first at models[0].model)"),
    "dimensions-empty": ({("dimensions",): []}, "dimensions: expected a list with at least 1 item(s)"),
    "dimension-type": ({("dimensions", 0): "strategie"}, "dimensions[0]: expected a mapping of keys to values"),
    "dimension-id": ({("dimensions", 1, "id"): "Meten"},
                     "dimensions[1].id: expected an id of lower-case letters, digits and hyphens, got 'Meten'"),
    "dimension-label": ({("dimensions", 1, "label"): 5}, "dimensions[1].label: expected text, got int"),
    "dimension-weight": ({("dimensions", 1, "weight"): 11},
                         "dimensions[1].weight: expected an integer between 1 and 10, got 11"),
    "dimension-description": ({("dimensions", 1, "description"): 5},
                              "dimensions[1].description: expected text, got int"),
    "questions-empty": ({("questions",): []}, "questions: expected a list with at least 1 item(s)"),
    "question-id": ({("questions", 1, "id"): "Doelen"},
                    "questions[1].id: expected an id of lower-case letters, digits and hyphens, got 'Doelen'"),
    "question-text": ({("questions", 1, "text"): 5}, "questions[1].text: expected text, got int"),
    "question-weight": ({("questions", 1, "weight"): 11},
                        "questions[1].weight: expected an integer between 1 and 10, got 11"),
    "question-help": ({("questions", 1, "help"): 5}, "questions[1].help: expected text, got int"),
    "options-too-many": ({("questions", 1, "options"): _options(*range(11))},
                         "questions[1].options: expected at most 10 options, got 11"),
    "options-one": ({("questions", 1, "options"): _options(1)},
                    "questions[1].options: expected a list with at least 2 item(s)"),
    "option-type": ({("questions", 1, "options", 1): "b"},
                    "questions[1].options[1]: expected a mapping of keys to values"),
    "option-id": ({("questions", 1, "options", 1, "id"): "B"},
                  "questions[1].options[1].id: expected an id of lower-case letters, digits and hyphens, got 'B'"),
    "option-label": ({("questions", 1, "options", 1, "label"): 5},
                     "questions[1].options[1].label: expected text, got int"),
    "option-points-high": ({("questions", 1, "options", 1, "points"): 101},
                           "questions[1].options[1].points: expected an integer between 0 and 100, got 101"),
    "option-points-down": ({("questions", 1, "options"): _options(0, 2, 5, 3)},
                           "questions[1].options[3].points: expected at least 5 (options go from least to most "
                           "mature, so points never go down), got 3"),
    "option-all-zero": ({("questions", 1, "options"): _options(0, 0, 0, 0)},
                        "questions[1].options[3].points: expected the most mature option to score at least 1"),
    "models-empty": ({("models",): []}, "models: expected a list with at least 1 item(s)"),
    "mapping-type": ({("models", 0): "voorbeeldmodel"}, "models[0]: expected a mapping of keys to values"),
    "mapping-model": ({("models", 0, "model"): "Voorbeeld"},
                      "models[0].model: expected an id of lower-case letters, digits and hyphens, got 'Voorbeeld'"),
    "mapping-title": ({("models", 0, "title"): 5}, "models[0].title: expected text, got int"),
    "basis-type": ({("models", 0, "basis"): "alles"},
                   "models[0].basis: expected 'overall' or a list of dimension ids"),
    "basis-empty": ({("models", 0, "basis"): []}, "models[0].basis: expected a list with at least 1 item(s)"),
    "basis-twice": ({("models", 0, "basis"): ["meten", "meten"]},
                    "models[0].basis[1]: duplicate dimension 'meten' (first at models[0].basis[0])"),
    "stages-one": ({("models", 0, "stages"): [BASE["models"][0]["stages"][0]]},
                   "models[0].stages: expected a list with at least 2 item(s)"),
    "stage-id": ({(*STAGES, 1, "id"): "Midden"},
                 "models[0].stages[1].id: expected an id of lower-case letters, digits and hyphens, got 'Midden'"),
    "stage-label": ({(*STAGES, 1, "label"): 5}, "models[0].stages[1].label: expected text, got int"),
    "stage-element": ({(*STAGES, 0, "element"): 0}, "models[0].stages[0].element: expected an integer at least 1, got 0"),
    "stage-min-not-above-previous": (
        {(*STAGES, 2, "min"): 30},
        "models[0].stages[2].min: expected more than 30 (the previous stage's min): stages must not overlap, got 30"),
    "stage-min-below-earlier-min": (
        {("models", 0, "stages"): [
            *copy.deepcopy(BASE["models"][0]["stages"]),
            {"id": "top", "label": "Top", "element": 4, "min": 40, "meaning": "Top.", "next": "Blijf."}],
         (*STAGES, 1, "min"): 50, (*STAGES, 2, "min"): 0},
        "models[0].stages[3].min: expected more than 50 (the previous stage's min): stages must not overlap, got 40"),
    "stage-min-after-later-min": (
        {("models", 0, "stages"): [
            *copy.deepcopy(BASE["models"][0]["stages"]),
            {"id": "top", "label": "Top", "element": 4, "min": 50, "meaning": "Top.", "next": "Blijf."}]},
        "models[0].stages[3].min: expected more than 60 (the previous stage's min): stages must not overlap, got 50"),
    "stage-min-0.1-after-50": (
        {(*STAGES, 1, "min"): 50, (*STAGES, 2, "min"): 0.1},
        "models[0].stages[2].min: expected more than 50 (the previous stage's min): stages must not overlap, got 0.1"),
    "stage-min-0.1-twice": (
        {(*STAGES, 1, "min"): 0.1, (*STAGES, 2, "min"): 0.1},
        "models[0].stages[2].min: expected more than 0.1 (the previous stage's min): stages must not overlap, "
        "got 0.1"),
    "stage-element-below-earlier": (
        {("models", 0, "stages"): [
            *copy.deepcopy(BASE["models"][0]["stages"]),
            {"id": "top", "label": "Top", "element": 2, "min": 80, "meaning": "Top.", "next": "Blijf."}]},
        "models[0].stages[3].element: expected more than 3 (stages follow the model's element order), got 2"),
    "stage-element-order": ({(*STAGES, 2, "element"): 1},
                            "models[0].stages[2].element: expected more than 2 (stages follow the model's element "
                            "order), got 1"),
    "rule-question-not-text": ({(*RULE_Q, "question"): ["plan"]},
                               "models[0].stages[1].rules[0].question: unknown question ['plan'] "
                               "(known: plan, doelen, cijfers)"),
    "rule-because": ({(*RULE_Q, "because"): 5}, "models[0].stages[1].rules[0].because: expected text, got int"),
    "rule-source": ({(*RULE_Q, "source"): 5}, "models[0].stages[1].rules[0].source: expected text, got int"),
    "rule-score-zero": ({(*RULE_D, "at_least"): 0},
                        "models[0].stages[2].rules[0].at_least: expected a score above 0: every answer meets this rule"),
    "rule-score-type": ({(*RULE_D, "at_least"): "veel"},
                        "models[0].stages[2].rules[0].at_least: expected a number from 0 to 100, got str"),
    "rule-score-high": ({(*RULE_D, "at_least"): 100.5},
                        "models[0].stages[2].rules[0].at_least: expected a number from 0 to 100, got 100.5"),
    "min-type": ({(*STAGES, 1, "min"): None}, "models[0].stages[1].min: expected a number from 0 to 100, got NoneType"),
}


@pytest.mark.parametrize("changes, message", CASES.values(), ids=CASES.keys())
def test_a_bad_field_is_named_with_what_was_expected(changes, message):
    assert _error(changes) == message


def test_a_stage_made_unreachable_by_the_rules_above_it_points_at_the_rules():
    """Midden asks only an overall 50, eind only some strategy: every overall of 50 has some strategy."""
    strategy = {"dimension": "strategie", "at_least": 0.1, "because": "Iets van een plan.",
                "source": "https://example.org/model"}
    with pytest.raises(scoring.DefinitionError) as caught:
        scoring.load(_with({(*STAGES, 1, "rules"): ..., (*STAGES, 1, "min"): 50,
                            (*STAGES, 2, "min"): 0, (*STAGES, 2, "rules"): [strategy]}))
    assert caught.value.path == "models[0].stages[1].rules"
    assert str(caught.value).startswith("models[0].stages[1].rules: stage 'midden' cannot be reached")


def test_an_unreachable_rung_points_at_the_rules_of_any_higher_rung():
    """Membership: midden (overall 40) is swallowed by the top rung (some strategy), two rungs up."""
    begin, midden, eind = copy.deepcopy(BASE["models"][0]["stages"])
    strategy = {"dimension": "strategie", "at_least": 0.1, "because": "Iets van een plan.",
                "source": "https://example.org/model"}
    stages = [begin, {**midden, "min": 40, "rules": []}, {**eind, "min": 60, "rules": []},
              {**eind, "id": "top", "element": 4, "min": 0, "rules": [strategy]}]
    with pytest.raises(scoring.DefinitionError) as caught:
        scoring.load(_with({("models", 0, "stages"): stages, ("models", 0, "placement"): "membership"}))
    assert caught.value.path == "models[0].stages[1].rules"
    assert "stage 'midden' cannot be reached" in str(caught.value)
