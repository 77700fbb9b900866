"""Every AnswerError a visitor can meet carries a stable code and the values its wording needs, so a page in
another language can word it; the Dutch message stays as it was."""

import pytest
from scoring_cases import assessment

import scoring

SCAN = "social-media-volwassenheidsscan"


def raised(call, *args):
    with pytest.raises(scoring.AnswerError) as caught:
        call(*args)
    return caught.value


def test_share_link_errors_carry_code_and_reason():
    scan = assessment(SCAN)
    answers = {q.id: q.options[0].id for q in scan.questions}
    good = scoring.share.encode(scan, answers)
    version, mark, payload, check = good.split(".")
    cases = {
        "": ("link-empty", {}),
        "x" * 300: ("link-damaged", {"reason": "too-long"}),
        "v1.ab!": ("link-damaged", {"reason": "characters"}),
        "v1.ab": ("link-damaged", {"reason": "incomplete"}),
        f"v9.{mark}.{payload}.{check}": ("link-version", {}),
        f"{version}.{mark}.{payload}.{'a' if check[0] != 'a' else 'b'}{check[1:]}": ("link-damaged", {"reason": "checksum"}),
    }
    for text, (code, values) in cases.items():
        error = raised(scoring.share.decode, scan, text)
        assert (error.code, error.values) == (code, values), text
        assert str(error).startswith("Deze deellink")  # the Dutch message is unchanged


def test_answer_errors_name_the_questions_by_number():
    scan = assessment(SCAN)
    answers = {q.id: q.options[0].id for q in scan.questions}
    first, second = scan.questions[0].id, scan.questions[1].id
    one = raised(scoring.score, scan, {k: v for k, v in answers.items() if k != first})
    assert (one.code, one.values) == ("answer-missing", {"number": 1, "text": scan.questions[0].text})
    two = raised(scoring.score, scan, {k: v for k, v in answers.items() if k not in (first, second)})
    assert (two.code, two.values) == ("answers-missing", {"numbers": [1, 2]})
    bad = raised(scoring.score, scan, {**answers, second: "no-such-option"})
    assert (bad.code, bad.values) == ("answer-invalid", {"numbers": [2]})
    assert raised(scoring.score, scan, ["not", "a", "mapping"]).code == "answers-unreadable"
    unknown = raised(scoring.score, scan, {**answers, "extra": "a"})
    assert (unknown.code, unknown.values) == ("question-unknown", {"questions": ["extra"]})


def test_team_lists_each_invalid_entry_with_its_code():
    scan = assessment(SCAN)
    entries = ["https://example.org/zelfscan/", "https://example.org/zelfscan/#other-scan=v1.a.b.c", "{",
               "x" * 30000, 7, {"assessment": "other", "answers": {}}, {"assessment": SCAN, "answers": 3}]
    team = scoring.team.combine(scan, entries)
    codes = [(item["index"], item["code"]) for item in team["invalid"]]
    assert codes == [(0, "link-no-answers"), (1, "link-foreign"), (2, "entry-not-json"), (3, "entry-too-long"),
                     (4, "entry-unreadable"), (5, "file-foreign"), (6, "file-no-answers")]
    foreign = team["invalid"][1]
    assert foreign["values"] == {"name": "other-scan", "title": scan.title}
    assert all(item["reason"] for item in team["invalid"])  # the Dutch reason is still there


def test_every_damaged_link_names_its_reason():
    scan = assessment(SCAN)
    answers = {q.id: q.options[0].id for q in scan.questions}
    version, mark, payload, _check = scoring.share.encode(scan, answers).split(".")
    short, last = payload[:-1], scan.questions[-1]
    beyond = payload[:-1] + scoring.share.ALPHABET[len(last.options)]  # one past the last option of the last question
    sealed = {text: f"{version}.{mark}.{text}.{scoring.share.check(mark, text)}" for text in (short, beyond)}
    cases = {
        None: ("link-damaged", {"reason": "unreadable"}),
        f"x1.{mark}.{payload}.{_check}": ("link-damaged", {"reason": "incomplete"}),  # not a version at all
        f"{version}.{'0' * len(mark)}.{payload}.{_check}": ("link-other", {}),
        sealed[short]: ("link-damaged", {"reason": "count"}),
        sealed[beyond]: ("link-damaged", {"reason": "answer"}),
    }
    for text, (code, values) in cases.items():
        error = raised(scoring.share.decode, scan, text)
        assert (error.code, error.values) == (code, values), text


def test_several_unknown_answers_are_named_together():
    scan = assessment(SCAN)
    answers = {q.id: q.options[0].id for q in scan.questions}
    second, fourth = scan.questions[1].id, scan.questions[3].id
    error = raised(scoring.score, scan, {**answers, second: "no-such-option", fourth: 3})
    assert (error.code, error.values) == ("answers-invalid", {"numbers": [2, 4]})
    assert error.question_ids == (second, fourth)


def test_team_entries_name_what_they_belong_to():
    scan = assessment(SCAN)
    long_name = "another-scan-" + "x" * 100
    entries = ["https://example.org/zelfscan/#%FF%FE=v1", f"#{long_name}=v1.a.b.c",
               {"assessment": long_name, "answers": {}}, {"assessment": None, "answers": {}}]
    invalid = scoring.team.combine(scan, entries)["invalid"]
    assert [(item["index"], item["code"]) for item in invalid] == [
        (0, "link-escape"), (1, "link-foreign"), (2, "file-foreign"), (3, "file-foreign")]
    assert invalid[0]["values"] == {}
    assert invalid[1]["values"] == {"name": long_name[:60], "title": scan.title}
    assert invalid[2]["values"] == {"name": long_name[:60], "title": scan.title}
    assert invalid[3]["values"] == {"name": "None", "title": scan.title}
