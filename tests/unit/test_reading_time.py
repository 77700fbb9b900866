"""The reading-time estimate of a self-assessment: counted by the assessments plugin, printed by the theme."""

import pytest
from scoring_cases import definition_ids, raw_definition

from plugins.assessments.plugin import Widget, reading_time


def question(text, *labels):
    return {"text": text, "options": [{"label": label} for label in labels]}


def test_words_of_question_texts_and_option_labels_are_counted():
    questions = [question("Hoe vaak plaatsen jullie?", "Nooit", "Elke week iets"),
                 question("Wie beslist?", "Niemand", "De directie zelf")]
    assert reading_time(questions) == (4 + 1 + 3 + 2 + 1 + 3, 1)


def test_any_whitespace_separates_words():
    assert reading_time([question("  Een\ttwee\n drie  ", "vier  vijf")])[0] == 5


@pytest.mark.parametrize(("words", "questions", "minutes"), [
    (0, 6, 1),      # exactly one minute of choosing: not rounded up further
    (200, 6, 2),    # one minute of reading plus one of choosing
    (1, 6, 2),      # one word over a whole minute rounds up
    (199, 1, 2),    # 0.995 + 0.167
    (400, 12, 4),
    (1211, 40, 13),  # ceil(6.055 + 6.667)
])
def test_minutes_are_200_words_a_minute_plus_ten_seconds_a_question_rounded_up(words, questions, minutes):
    form = [question("woord " * words if i == 0 else "") for i in range(questions)]
    assert reading_time(form) == (words, minutes)


@pytest.mark.parametrize("aid", definition_ids())
def test_each_widget_carries_its_estimate(aid):
    data = raw_definition(aid)
    widget = Widget(data, {}, {})
    assert (widget.words, widget.minutes) == reading_time(data["questions"])
    assert widget.words > 10 * widget.total  # every question and its options are read
    assert widget.minutes >= widget.total / 6
