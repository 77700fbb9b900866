"""Loading definitions: every real definition loads and follows the content rules; every broken one names its path."""

import copy
import re

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scoring_cases import (
    assessment,
    broken_files,
    definition_files,
    definition_ids,
    expected_path,
    model_elements,
    raw_definition,
)

import scoring

ORGANISATION_MATURITY_MODELS = {
    "social-readiness-model", "social-media-groeimodel", "edelman-four-stages-social-business",
    "altimeter-six-stages-social-business-transformation", "forrester-social-maturity",
    "social-media-listening-maturity-model",
}


# --- broken definitions -------------------------------------------------------------------------

@pytest.mark.parametrize("path", broken_files(), ids=lambda p: p.stem)
def test_broken_definition_names_the_bad_field(path):
    with pytest.raises(scoring.DefinitionError) as caught:
        scoring.load(yaml.safe_load(path.read_text(encoding="utf-8")))
    expected = expected_path(path)
    assert caught.value.path == expected
    assert str(caught.value).startswith(f"{expected}: ")


def test_there_are_enough_broken_fixtures():
    assert len(broken_files()) >= 8


def test_unreachable_stage_message_names_the_stage_that_swallows_it():
    path = next(p for p in broken_files() if p.stem == "stage-unreachable")
    with pytest.raises(scoring.DefinitionError, match=r"stage 'midden' cannot be reached: .* stage 'eind'"):
        scoring.load(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("kind", ["rule-unknown-question", "rule-unknown-option", "rule-unknown-dimension",
                                  "rule-makes-stage-unreachable", "rule-not-monotonic", "rule-first-option",
                                  "rule-without-source", "rule-source-not-a-url", "rule-question-and-dimension",
                                  "rules-on-first-stage", "stage-without-condition", "placement-unknown",
                                  "membership-rung-unreachable", "next-missing-on-last-stage"])
def test_every_kind_of_rule_error_has_a_fixture(kind):
    assert kind in {p.stem for p in broken_files()}


@pytest.mark.parametrize("value", [None, [], "text", 3])
def test_a_definition_must_be_a_mapping(value):
    with pytest.raises(scoring.DefinitionError, match="^definition: expected a mapping"):
        scoring.load(value)


def test_many_questions_load_quickly_without_brute_force():
    """60 questions of 5 options (5**60 answer sets): reachability must come from the per-dimension sums."""
    definition = raw_definition("social-media-volwassenheidsscan")
    big = dict(definition)
    big["questions"] = [
        {**q, "id": q["id"] if n == 0 else f"{q['id']}-{n}"} for n in range(3) for q in definition["questions"]
    ]
    loaded = scoring.load(big)
    assert len(loaded.questions) == 60


# --- the real definitions -----------------------------------------------------------------------

@pytest.mark.parametrize("assessment_id", definition_ids())
def test_definition_loads_and_matches_its_file_name(assessment_id):
    a = assessment(assessment_id)
    assert a.id == assessment_id
    assert a.kind in ("organisation", "person")
    for question in a.questions:
        assert 3 <= len(question.options) <= 5, question.id
    for mapping in a.models:
        assert all(stage.next for stage in mapping.stages), "every stage, the top included, has a next step"


def test_there_are_definitions_of_every_kind():
    ids = definition_ids()
    assert "social-media-volwassenheidsscan" in ids
    assert len([i for i in ids if i.startswith("check-")]) >= 8
    assert {"persoon-social-technographics", "persoon-engagement-pyramid"} <= set(ids)
    assert len(definition_files()) == len(ids)


def test_the_scan():
    a = assessment("social-media-volwassenheidsscan")
    assert a.kind == "organisation" and a.model is None
    assert 16 <= len(a.questions) <= 24
    assert len(a.dimensions) >= 6
    assert {m.model for m in a.models} >= ORGANISATION_MATURITY_MODELS
    assert {step.dimension for step in a.next_steps} == {d.id for d in a.dimensions}
    assert a.minutes == 5


@pytest.mark.parametrize("assessment_id", [i for i in definition_ids() if i.startswith("check-")])
def test_quick_check(assessment_id):
    a = assessment(assessment_id)
    assert a.kind == "organisation"
    assert assessment_id == f"check-{a.model}"
    assert 4 <= len(a.questions) <= 10
    assert [m.model for m in a.models] == [a.model]
    mapping = a.models[0]
    assert [s.element for s in mapping.stages] == list(range(1, len(mapping.stages) + 1)), \
        "a quick check maps every stage of its model, in the model's order"


@pytest.mark.parametrize("assessment_id", [i for i in definition_ids() if i.startswith("persoon-")])
def test_personal_check(assessment_id):
    a = assessment(assessment_id)
    assert a.kind == "person"
    assert 6 <= len(a.questions) <= 10
    assert [m.model for m in a.models] == [a.model]
    for stage in a.models[0].stages:
        assert stage.related is not None and stage.related.models, stage.id
        if stage.figure is not None:
            assert re.fullmatch(r"\d+%", stage.figure.value)
            assert stage.figure.source.url.startswith("http") and stage.figure.source.year


def test_technographics_intro_says_the_groups_overlap():
    assert "overlappen" in assessment("persoon-social-technographics").intro


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_stage_elements_exist_on_the_model_page(assessment_id):
    """`element` is the 1-based anchor #element-N on the model page; check it where the page exists."""
    a = assessment(assessment_id)
    for mapping in a.models:
        elements = model_elements(mapping.model)
        if elements is None:
            continue  # the model page is not written yet; the build checks links once it is
        assert max(s.element for s in mapping.stages) <= len(elements), mapping.model
        for stage in mapping.stages:
            # "Crawling — People, ..." on the page may read "Crawling: People, ..."; "Dormant" may read
            # "Dormant (Laggards)": compare the stage's head name with the element it links to
            head = re.split(r" — |: | \(", stage.label)[0].lower()
            assert head in elements[stage.element - 1]["name"].lower(), f"{mapping.model}: {stage.label}"
        if a.model == mapping.model:
            assert len(mapping.stages) == len(elements), f"{mapping.model}: every stage of the model is mapped"


# --- anything at any place in a definition ----------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


SMALL_CHECK = raw_definition("check-sprout-social-maturity-stages")
PATHS = [p for p in _paths(SMALL_CHECK) if p]


@settings(max_examples=150, deadline=None)
@given(where=st.sampled_from(PATHS), value=json_values)
@example(where=("models", 0, "stages", 1, "min"), value=1e308)  # overflowed when scaled to tenths
@example(where=("models", 0, "stages", 1, "min"), value=float("inf"))
@example(where=("models", 0, "stages", 1, "min"), value=float("nan"))
@example(where=("questions", 0, "dimension"), value=["eigenaarschap"])
@example(where=("models", 0, "basis"), value=[{"id": "doelen"}])
def test_any_value_anywhere_raises_only_definition_error(where, value):
    broken = copy.deepcopy(SMALL_CHECK)
    target = broken
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    try:
        scoring.load(broken)
    except scoring.DefinitionError as err:
        assert err.path and str(err).startswith(err.path + ": ")
