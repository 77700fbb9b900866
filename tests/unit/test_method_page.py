"""The "Hoe we scoren" page of the real build prints every stage rule with its sentence and source.

Uses the session's real `make html` build (tests/conftest.py). Each assessment's section is parsed
with the standard library's HTML parser and compared with the loaded definitions.
"""

import html
import re
from html.parser import HTMLParser

import pytest
from babel.numbers import format_decimal
from scoring_cases import assessment, definition_ids


class _Sections(HTMLParser):
    """Text and links of every <section id=...> of the method page."""

    def __init__(self):
        super().__init__()
        self.sections, self.current, self.depth = {}, None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and self.current is None:
            self.current, self.depth = attrs.get("id"), 0
            self.sections[self.current] = {"text": [], "links": []}
        elif tag == "section":
            self.depth += 1
        if self.current and tag == "a" and attrs.get("href"):
            self.sections[self.current]["links"].append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "section" and self.current is not None:
            if self.depth:
                self.depth -= 1
            else:
                self.current = None

    def handle_data(self, data):
        if self.current:
            self.sections[self.current]["text"].append(data)


def _squash(text):
    return re.sub(r"\s+([:;.,])", r"\1", re.sub(r"\s+", " ", html.unescape(text))).strip()


@pytest.fixture(scope="module")
def method_sections(site):
    parser = _Sections()
    parser.feed((site / "hoe-we-scoren" / "index.html").read_text(encoding="utf-8"))
    return {key: {"text": _squash(" ".join(v["text"])), "links": v["links"]} for key, v in parser.sections.items()}


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_every_rule_is_printed_with_its_sentence_and_source(method_sections, assessment_id):
    a = assessment(assessment_id)
    section = method_sections[assessment_id]
    rules = 0
    for mapping in a.models:
        for stage in mapping.stages:
            assert stage.label in section["text"]
            for rule in stage.rules:
                rules += 1
                assert _squash(rule.because) in section["text"], (mapping.model, stage.id)
                assert rule.source in section["links"], (mapping.model, stage.id)
                if rule.question is not None:
                    option = a.question(rule.question).options[rule.option_index]
                    assert _squash(option.label) in section["text"]
            if stage.estimated:
                assert f"minstens {format_decimal(stage.min, locale='nl_NL')}" in section["text"]  # "62,5"
    assert rules == sum(len(s.rules) for m in a.models for s in m.stages)


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_next_steps_are_listed_by_dimension_label(method_sections, assessment_id):
    a = assessment(assessment_id)
    text = method_sections[assessment_id]["text"]
    for step in a.next_steps:
        label = a.dimension(step.dimension).label
        assert label != step.dimension
        assert f"{label}: {_squash(step.text)}" in text


def test_the_page_explains_weet_ik_niet_and_the_two_placement_rules(site):
    text = _squash(re.sub(r"<[^>]+>", " ", (site / "hoe-we-scoren" / "index.html").read_text(encoding="utf-8")))
    assert "Weet ik niet" in text and "0 punten" in text and "letter z" in text
    assert "hoogste fase waarvan de regels kloppen, samen met de regels van alle fasen eronder" in text
    assert "je hoort bij elke groep waarvan je het gedrag laat zien" in text
    assert "geschat op de score" in text


def test_the_page_describes_the_definitions_and_nothing_else(method_sections):
    """A definition that was removed (for instance because its model's stages are unknown) leaves no trace."""
    assert set(method_sections) == set(definition_ids())
