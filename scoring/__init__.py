"""Social media maturity assessments: definitions in, results out.

Pure Python, standard library only, no I/O, no clock, no randomness: the same code validates
assessment definitions at build time (CPython) and scores answers in the visitor's browser
(Pyodide).

    import scoring
    a = scoring.load(definition)                 # dict parsed from content/assessments/<id>.yaml
    r = scoring.score(a, {"question-id": "option-id", "other-id": scoring.UNKNOWN, ...})
    r.to_dict()                                  # JSON-safe; everything the result page shows
    r.to_dict()["placements"]                    # [{model, stage, position, of, because, to_next, ...}]

`UNKNOWN` ("?") is the one reserved answer value for "weet ik niet": it is not one of a question's
options, is worth 0 points (never more than the lowest option) and never meets a stage rule that
asks for an option; share strings carry it as `z`.
    text = scoring.share.encode(a, answers); answers = scoring.share.decode(a, text)
    team = scoring.team.combine(a, ["<share link>", "<exported file text>", ...])   # a team profile
"""

from . import share, team
from ._errors import AnswerError, DefinitionError, ScoringError
from ._load import load
from ._model import (
    CUMULATIVE,
    MEMBERSHIP,
    UNKNOWN,
    Advice,
    Assessment,
    Dimension,
    Figure,
    ModelMapping,
    NextStep,
    Option,
    Placement,
    Question,
    Related,
    Result,
    Rule,
    Source,
    Stage,
)
from ._score import NEXT_STEP_BELOW, NEXT_STEP_LIMIT, score

__all__ = [
    "load",
    "score",
    "share",
    "team",
    "ScoringError",
    "DefinitionError",
    "AnswerError",
    "Assessment",
    "Dimension",
    "Question",
    "Option",
    "ModelMapping",
    "Stage",
    "Rule",
    "UNKNOWN",
    "CUMULATIVE",
    "MEMBERSHIP",
    "NextStep",
    "Result",
    "Placement",
    "Advice",
    "Figure",
    "Related",
    "Source",
    "NEXT_STEP_BELOW",
    "NEXT_STEP_LIMIT",
]
