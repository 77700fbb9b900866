"""Edges that the other scoring tests pass over: source lists, long and odd answer keys, long id lists in
messages, Assessment.question. Each checks what a caller sees (values, message, path)."""

import copy

import pytest
import yaml
from scoring_cases import broken_files, expected_path
from test_scoring_score import SMALL

import scoring


def with_sources(*sources):
    definition = copy.deepcopy(SMALL)
    definition["sources"] = list(sources)
    return definition


def test_sources_are_loaded_with_title_url_and_year():
    loaded = scoring.load(with_sources({"title": "Het boek", "url": "https://example.org/boek", "year": 2012},
                                       {"title": "Een blog", "url": "http://example.org/blog"}))
    assert [(s.title, s.url, s.year) for s in loaded.sources] == [
        ("Het boek", "https://example.org/boek", 2012), ("Een blog", "http://example.org/blog", None)]
    assert scoring.load(copy.deepcopy(SMALL)).sources == ()


@pytest.mark.parametrize("year", [1900, 2100])
def test_source_years_at_the_bounds_are_accepted(year):
    loaded = scoring.load(with_sources({"title": "T", "url": "https://example.org/", "year": year}))
    assert loaded.sources[0].year == year


@pytest.mark.parametrize("year", [1899, 2101, "2012", 2012.0, True])
def test_source_years_outside_the_bounds_or_not_whole_numbers_are_refused(year):
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(with_sources({"title": "T", "url": "https://example.org/"},
                                  {"title": "T", "url": "https://example.org/", "year": year}))
    assert err.value.path == "sources[1].year"
    if isinstance(year, int) and not isinstance(year, bool):
        assert str(err.value).endswith(f"expected an integer between 1900 and 2100, got {year}")
    else:
        assert str(err.value).endswith(f"expected an integer, got {type(year).__name__}")


@pytest.mark.parametrize("url", ["ftp://example.org/", "example.org", "https://", "https://exa mple.org/", ""])
def test_source_urls_must_be_http_addresses(url):
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(with_sources({"title": "T", "url": url}))
    assert err.value.path == "sources[0].url"
    if url.strip():
        assert repr(url) in str(err.value) or repr(url.strip()) in str(err.value)


@pytest.mark.parametrize("broken,path", [
    ({"url": "https://example.org/"}, "sources[0].title"),
    ({"title": "T"}, "sources[0].url"),
    ({"title": "", "url": "https://example.org/"}, "sources[0].title"),
    ({"title": "T", "url": "https://example.org/", "pages": 3}, "sources[0].pages"),
    ("https://example.org/", "sources[0]"),
])
def test_a_broken_source_names_its_field(broken, path):
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(with_sources(broken))
    assert err.value.path == path


def test_an_unknown_question_in_a_rule_lists_the_known_ones_and_cuts_a_long_list():
    definition = copy.deepcopy(SMALL)
    definition["models"][2]["stages"][1]["rules"][0]["question"] = "q9"
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(definition)
    assert "'q9'" in str(err.value) and "(known: q1, q2, q3)" in str(err.value)

    many = copy.deepcopy(SMALL)
    template = many["questions"][0]
    many["questions"] += [{**copy.deepcopy(template), "id": f"x{n:02d}"} for n in range(12)]
    many["models"][2]["stages"][1]["rules"][0]["question"] = "q9"
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(many)
    known = ", ".join(["q1", "q2", "q3"] + [f"x{n:02d}" for n in range(9)])
    assert f"(known: {known} and 3 more)" in str(err.value)


def test_assessment_question_finds_by_id_and_refuses_an_unknown_one():
    loaded = scoring.load(copy.deepcopy(SMALL))
    assert [loaded.question(q).id for q in ("q1", "q2", "q3")] == ["q1", "q2", "q3"]
    assert loaded.question("q2").weight == 2
    with pytest.raises(KeyError):
        loaded.question("q4")


def answers(**extra):
    return {"q1": "a", "q2": "a", "q3": "a", **extra}


def test_unknown_answer_keys_are_named_in_a_dutch_list():
    loaded = scoring.load(copy.deepcopy(SMALL))
    with pytest.raises(scoring.AnswerError) as err:
        scoring.score(loaded, answers(q7="a"))
    assert "Deze scan kent geen vraag 'q7'. " in str(err.value)
    with pytest.raises(scoring.AnswerError) as err:
        scoring.score(loaded, answers(q7="a", q8="b", q9="c"))
    assert "Deze scan kent geen vraag 'q7', 'q8' en 'q9'. " in str(err.value)


def test_long_or_odd_answer_keys_are_shortened_to_forty_characters():
    loaded = scoring.load(copy.deepcopy(SMALL))
    forty, long = "k" * 40, "v" * 41
    with pytest.raises(scoring.AnswerError) as err:
        scoring.score(loaded, answers(**{forty: "a"}))
    assert f"'{forty}'" in str(err.value)
    with pytest.raises(scoring.AnswerError) as err:
        scoring.score(loaded, answers(**{long: "a"}))
    assert f"'{'v' * 37}...'" in str(err.value) and "v" * 38 not in str(err.value)
    with pytest.raises(scoring.AnswerError) as err:
        scoring.score(loaded, {**answers(), 7: "a"})
    assert "geen vraag '7'" in str(err.value)


def expected_message(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# message:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"{path.name} has no '# message: <text>' line")


@pytest.mark.parametrize("path", broken_files(), ids=lambda p: p.stem)
def test_each_broken_definition_gets_its_whole_message(path):
    """The message a definition writer reads: the path, then what was expected and what was found."""
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert (err.value.path, err.value.expected) == (expected_path(path), expected_message(path))
    assert str(err.value) == f"{expected_path(path)}: {expected_message(path)}"


def with_next_steps(value):
    definition = copy.deepcopy(SMALL)
    definition["next_steps"] = value
    return definition


@pytest.mark.parametrize("value,path,message", [
    ("Ga meten.", "next_steps", "expected a list, got str"),
    (["Ga meten."], "next_steps[0]", "expected a mapping of keys to values"),
    ([{"dimension": "meten", "text": "Ga meten."}], "next_steps[0].models", "required key is missing"),
    ([{"dimension": "meten", "text": "Ga meten.", "models": ["a", "b", "a"]}], "next_steps[0].models[2]",
     "duplicate model 'a' (first at next_steps[0].models[0])"),
    ([{"dimension": "meten", "text": "Ga meten.", "models": ["a"]},
      {"dimension": "meten", "text": "Meet meer.", "models": ["b"]}], "next_steps[1].dimension",
     "duplicate next step for dimension 'meten' (first at next_steps[0].dimension)"),
])
def test_broken_next_steps_name_their_field(value, path, message):
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(with_next_steps(value))
    assert (err.value.path, err.value.expected) == (path, message)


def test_next_steps_may_be_left_out_or_empty():
    assert scoring.load(with_next_steps([])).next_steps == ()
    steps = scoring.load(with_next_steps([{"dimension": "plan", "text": "Plan.", "models": ["a", "b"]}])).next_steps
    assert [(s.dimension, s.text, s.models) for s in steps] == [("plan", "Plan.", ("a", "b"))]


def test_a_long_known_list_is_cut_only_beyond_twelve():
    exactly = copy.deepcopy(SMALL)
    template = exactly["questions"][0]
    exactly["questions"] += [{**copy.deepcopy(template), "id": f"x{n:02d}"} for n in range(9)]  # 12 questions
    exactly["models"][2]["stages"][1]["rules"][0]["question"] = "q9"
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(exactly)
    assert str(err.value).endswith("(known: q1, q2, q3, " + ", ".join(f"x{n:02d}" for n in range(9)) + ")")


def test_a_next_step_without_text_names_its_text():
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(with_next_steps([{"dimension": "plan", "text": "", "models": ["a"]}]))
    assert err.value.path == "next_steps[0].text"


def test_an_unknown_question_id_is_the_key_error():
    with pytest.raises(KeyError) as err:
        scoring.load(copy.deepcopy(SMALL)).question("q4")
    assert err.value.args == ("q4",)


def gap_stages(placement):
    """Model A with a stage 'twee' whose min lies in a gap of the achievable overall scores, a reachable
    stage 'drie' at the end of that gap, and a stage 'vier' that has a rule."""
    small = scoring.load(copy.deepcopy(SMALL))
    scores = sorted({scoring.score(small, {"q1": a, "q2": b, "q3": c}).overall
                     for a in "abc" for b in "ab" for c in "abcd"})
    low, high = next((a, b) for a, b in zip(scores, scores[1:], strict=False) if b - a >= 0.2 and a >= 1)
    definition = copy.deepcopy(SMALL)
    definition["models"][0] = {"model": "model-a", "title": "Model A", "basis": "overall", "placement": placement,
                               "stages": [
        {"id": "een", "label": "Een", "element": 1, "min": 0, "meaning": "Begin.", "next": "Verder."},
        {"id": "twee", "label": "Twee", "element": 2, "min": round(low + 0.1, 1), "meaning": "M.", "next": "D."},
        {"id": "drie", "label": "Drie", "element": 3, "min": high, "meaning": "E.", "next": "B."},
        {"id": "vier", "label": "Vier", "element": 4, "min": 100, "meaning": "V.", "next": "B.",
         "rules": [{"question": "q3", "at_least": "d", "because": "Altijd meten.", "source": "https://example.org/a"}]},
    ]}
    return definition


def test_an_unreachable_cumulative_stage_points_at_its_min_when_only_a_later_stage_has_rules():
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(gap_stages("cumulative"))
    assert err.value.path == "models[0].stages[1].min"
    assert err.value.expected == ("stage 'twee' cannot be reached: every answer set that meets its conditions and "
                                  "those of every stage below also meets the conditions of stage 'drie'")


def test_an_unreachable_membership_stage_is_compared_with_every_stage_above():
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(gap_stages("membership"))
    assert err.value.path.startswith("models[0].stages[1].")
    assert err.value.expected == ("stage 'twee' cannot be reached: every answer set that meets its conditions "
                                  "also meets the conditions of some higher stage")


FIGURE = {"value": "38%", "text": "van de bedrijven zit in deze fase.",
          "source": {"title": "Onderzoek", "url": "https://example.org/onderzoek", "year": 2014}}
RELATED = {"text": "Verder lezen:", "models": ["vierfasenmodel", "oasis-social-media"]}


def with_stage_extras(**extras):
    definition = copy.deepcopy(SMALL)
    definition["models"][0]["stages"][1].update(copy.deepcopy(extras))
    return definition


def test_a_stage_carries_its_figure_related_models_and_texts():
    stage = scoring.load(with_stage_extras(figure=FIGURE, related=RELATED)).models[0].stages[1]
    assert (stage.meaning, stage.next) == ("Midden.", "Door.")
    assert (stage.figure.value, stage.figure.text) == ("38%", "van de bedrijven zit in deze fase.")
    assert (stage.figure.source.title, stage.figure.source.url, stage.figure.source.year) == (
        "Onderzoek", "https://example.org/onderzoek", 2014)
    assert (stage.related.text, stage.related.models) == ("Verder lezen:", ("vierfasenmodel", "oasis-social-media"))
    plain = scoring.load(copy.deepcopy(SMALL)).models[0].stages[1]
    assert plain.figure is None and plain.related is None


@pytest.mark.parametrize("extras,path,message", [
    ({"figure": {**FIGURE, "value": ""}}, "models[0].stages[1].figure.value", None),
    ({"figure": {k: v for k, v in FIGURE.items() if k != "text"}}, "models[0].stages[1].figure.text",
     "required key is missing"),
    ({"figure": {**FIGURE, "text": 3}}, "models[0].stages[1].figure.text", None),
    ({"figure": {**FIGURE, "bron": 1}}, "models[0].stages[1].figure.bron", None),
    ({"figure": {**FIGURE, "source": {"title": "T", "url": "https://example.org/"}}},
     "models[0].stages[1].figure.source.year", "required key is missing (a figure needs the year it describes)"),
    ({"figure": {**FIGURE, "source": {"title": "T", "url": "geen-url", "year": 2014}}},
     "models[0].stages[1].figure.source.url", None),
    ({"related": {"models": ["a"]}}, "models[0].stages[1].related.text", "required key is missing"),
    ({"related": {"text": "", "models": ["a"]}}, "models[0].stages[1].related.text", None),
    ({"related": {"text": "Zie", "models": ["a", "a"]}}, "models[0].stages[1].related.models[1]",
     "duplicate model 'a' (first at models[0].stages[1].related.models[0])"),
    ({"next": ""}, "models[0].stages[1].next", None),
    ({"meaning": ""}, "models[0].stages[1].meaning", None),
    ({"rules": "q1"}, "models[0].stages[1].rules", "expected a list, got str"),
])
def test_broken_stage_extras_name_their_field(extras, path, message):
    with pytest.raises(scoring.DefinitionError) as err:
        scoring.load(with_stage_extras(**extras))
    assert err.value.path == path
    if message is not None:
        assert err.value.expected == message


def damaged(reason):
    return f"Deze deellink is beschadigd: {reason} Je kunt de scan gewoon (opnieuw) invullen."


def test_share_strings_round_trip_with_surrounding_blanks():
    from scoring.share import decode, encode

    small = scoring.load(copy.deepcopy(SMALL))
    text = encode(small, {"q1": "b", "q2": "a", "q3": "d"})
    assert decode(small, f" \t{text}\r\n") == {"q1": "b", "q2": "a", "q3": "d"}
    assert decode(small, f"#{text}") == {"q1": "b", "q2": "a", "q3": "d"}


def share_cases():
    from scoring._codec import check, fingerprint
    from scoring.share import encode

    small = scoring.load(copy.deepcopy(SMALL))
    text = encode(small, {"q1": "b", "q2": "a", "q3": "d"})
    version, mark, payload, checksum = text.split(".")
    return small, [
        (None, damaged("hij kon niet worden gelezen.")),
        (text + "\x0c", damaged("er staan tekens in die er niet in horen.")),
        ("v" * 201, damaged("hij is te lang.")),
        (text.replace(".", "-", 1), damaged("er staan tekens in die er niet in horen.")),
        (f"{version}.{mark}.{payload}", damaged("hij is onvolledig.")),
        (f"x1.{mark}.{payload}.{checksum}", damaged("hij is onvolledig.")),
        (f"{version}.{mark}.{payload}.{'a' if checksum[0] != 'a' else 'b'}{checksum[1:]}",
         damaged("de controlecode klopt niet. Misschien is de link niet helemaal gekopieerd.")),
        (f"{version}.{mark}.{payload[:2]}.{check(mark, payload[:2])}", damaged("het aantal antwoorden klopt niet.")),
        (f"{version}.{mark}.9{payload[1:]}.{check(mark, '9' + payload[1:])}",
         damaged("er staat een antwoord in dat niet bestaat.")),
        (f"{version}.{fingerprint(small)}.{payload}.{checksum}".upper(), None),
    ]


@pytest.mark.parametrize("index", range(10))
def test_each_damaged_share_string_says_what_is_wrong(index):
    from scoring.share import decode

    small, cases = share_cases()
    text, message = cases[index]
    if message is None:  # upper case is read as lower case
        assert decode(small, text) == {"q1": "b", "q2": "a", "q3": "d"}
        return
    with pytest.raises(scoring.AnswerError) as err:
        decode(small, text)
    assert str(err.value) == message
