"""Share strings: a short, versioned text for the URL fragment that holds a visitor's answers.

    text = scoring.share.encode(assessment, answers)     # e.g. 'v1.3k9x0a.0123321.x9z2'
    answers = scoring.share.decode(assessment, text)

Nothing is sent anywhere: the answers live in the link itself. `decode` raises only
`AnswerError` (with a Dutch message and a stable code) for any text that is not a valid string for this
assessment: tampered, truncated, from another assessment or from an older version of it.
The format is described in `scoring._codec`.
"""

import re

from ._codec import ALPHABET, UNKNOWN_CHAR, VERSION, check, encode_indexes, fingerprint
from ._errors import AnswerError
from ._model import UNKNOWN
from ._score import answer_indexes

__all__ = ["encode", "decode"]

MAX_LENGTH = 200
ALLOWED = frozenset(ALPHABET + ALPHABET.upper() + ".")
VERSION_RE = re.compile(r"^v[0-9]+$")
AGAIN = "Je kunt de scan gewoon (opnieuw) invullen."


def encode(assessment, answers):
    """Share string for a complete set of answers {question id: option id or UNKNOWN}."""
    return encode_indexes(assessment, answer_indexes(assessment, answers))


def _damaged(detail, reason):
    """The link is damaged; `reason` is the stable word for `detail` (unreadable, too-long, characters,
    incomplete, checksum, count, answer)."""
    return AnswerError(f"Deze deellink is beschadigd: {detail} {AGAIN}", code="link-damaged", values={"reason": reason})


def decode(assessment, text):
    """Answers {question id: option id or UNKNOWN} from a share string; AnswerError if it is not valid for this assessment."""
    if not isinstance(text, str):
        raise _damaged("hij kon niet worden gelezen.", "unreadable")
    text = text.strip(" \t\r\n")
    if text.startswith("#"):
        text = text[1:]
    if not text:
        raise AnswerError(f"Deze deellink bevat geen antwoorden. {AGAIN}", code="link-empty")
    if len(text) > MAX_LENGTH:
        raise _damaged("hij is te lang.", "too-long")
    # check the characters before lower(): some non-ASCII letters lower-case to ASCII ones
    if not all(char in ALLOWED for char in text):
        raise _damaged("er staan tekens in die er niet in horen.", "characters")
    parts = text.lower().split(".")
    if len(parts) != 4:
        raise _damaged("hij is onvolledig.", "incomplete")
    version, mark, payload, checksum = parts
    if version != VERSION:
        if VERSION_RE.match(version):
            raise AnswerError(f"Deze deellink is gemaakt met een andere versie van deze site en kan niet "
                              f"meer worden gelezen. {AGAIN}", code="link-version")
        raise _damaged("hij is onvolledig.", "incomplete")
    if mark != fingerprint(assessment):
        raise AnswerError(f"Deze deellink hoort bij een andere scan, of bij een oudere versie van deze scan. {AGAIN}",
                          code="link-other")
    if checksum != check(mark, payload):
        raise _damaged("de controlecode klopt niet. Misschien is de link niet helemaal gekopieerd.", "checksum")
    if len(payload) != len(assessment.questions):
        raise _damaged("het aantal antwoorden klopt niet.", "count")
    answers = {}
    for question, char in zip(assessment.questions, payload, strict=True):
        if char == UNKNOWN_CHAR:
            answers[question.id] = UNKNOWN
            continue
        index = ALPHABET.index(char)
        if index >= len(question.options):
            raise _damaged("er staat een antwoord in dat niet bestaat.", "answer")
        answers[question.id] = question.options[index].id
    return answers
