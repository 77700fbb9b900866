"""The three error types of the scoring package.

`DefinitionError` is for the people who write assessment definitions (English, names the path of
the bad field). `AnswerError` is for visitors (Dutch, names the questions involved).
"""


class ScoringError(ValueError):
    """Base class of every error the scoring package raises on purpose."""


class DefinitionError(ScoringError):
    """An assessment definition is invalid; `path` names the bad field, e.g. `questions[3].options[1].points`."""

    def __init__(self, path, expected):
        super().__init__(f"{path}: {expected}")
        self.path = path
        self.expected = expected


class AnswerError(ScoringError):
    """A set of answers (or a share string) cannot be scored; the message is Dutch.

    `question_ids` holds the ids of the questions the visitor should look at (may be empty, for
    example when a share string is damaged). `code` names the problem with a stable word and `values`
    holds what its wording needs (numbers, lists of numbers, names): a page in another language words
    the message from these two, not from the Dutch text.
    """

    def __init__(self, message, question_ids=(), code="", values=None):
        super().__init__(message)
        self.question_ids = tuple(question_ids)
        self.code = code
        self.values = dict(values or {})
