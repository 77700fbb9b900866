"""Worker side of the self-assessment: imports `scoring` and exports a few functions. No DOM here."""

import json

import polyscript

import scoring
from scoring import share

with open("assessment_definitions.json", encoding="utf-8") as handle:
    DEFINITIONS = json.load(handle)
_LOADED = {}


def _assessment(assessment_id):
    if assessment_id not in DEFINITIONS:
        raise scoring.AnswerError("Deze test bestaat niet (meer) op deze site. Laad de pagina opnieuw.",
                                  code="assessment-unknown")
    if assessment_id not in _LOADED:
        _LOADED[assessment_id] = scoring.load(DEFINITIONS[assessment_id])
    return _LOADED[assessment_id]


def _error(exc):
    """A readable error: the Dutch message, and for the page's own wording the error's code and values."""
    return json.dumps({"ok": False, "message": str(exc), "questions": list(getattr(exc, "question_ids", []) or []),
                       "code": getattr(exc, "code", ""), "values": getattr(exc, "values", {})})


def evaluate(assessment_id, answers_json):
    """Score the answers; return the result and its share string, or a readable error."""
    try:
        assessment = _assessment(assessment_id)
        answers = json.loads(answers_json)
        result = scoring.score(assessment, answers).to_dict()
        return json.dumps({"ok": True, "result": result, "share": result["share"]})
    except scoring.ScoringError as exc:
        return _error(exc)


def decode(assessment_id, text):
    """Turn a share string back into answers, or a readable error."""
    try:
        return json.dumps({"ok": True, "answers": share.decode(_assessment(assessment_id), text)})
    except scoring.ScoringError as exc:
        return _error(exc)


def team(assessment_id, entries_json):
    """Combine colleagues' share links or exported files (a JSON list) into a team profile."""
    try:
        assessment = _assessment(assessment_id)
        entries = json.loads(entries_json)
        if not isinstance(entries, list):
            raise scoring.AnswerError("De invoer kon niet worden gelezen. Laad de pagina opnieuw.", code="input-unreadable")
        return json.dumps({"ok": True, "team": scoring.team.combine(assessment, entries)})
    except ValueError as exc:  # ScoringError is a ValueError, and so is broken JSON
        return _error(exc)


polyscript.xworker.sync.evaluate = evaluate
polyscript.xworker.sync.team = team
polyscript.xworker.sync.decode = decode
