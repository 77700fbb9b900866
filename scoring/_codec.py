"""The share-string format, version 1: `v1.<fingerprint>.<answers>.<check>`.

- fingerprint: 6 base-36 characters from a SHA-256 of the assessment's id, question ids and
  option ids, so a link made for another assessment, or for an older version of this one whose
  questions changed, is recognised instead of silently mis-read;
- answers: one base-36 character per question, in definition order: the index of the chosen
  option (0 = first, least mature), or `z` for "weet ik niet" (`UNKNOWN`). A question has at most
  10 options, so `z` never collides with an index, and strings made before "weet ik niet" existed
  still read the same;
- check: 4 base-36 characters from a SHA-256 of the rest, so a typo or a tampered link is caught.

Only `[0-9a-z.]` is used, which is safe in a URL fragment without escaping.
"""

import hashlib

from ._model import UNKNOWN_INDEX

VERSION = "v1"
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
FINGERPRINT_LENGTH = 6
CHECK_LENGTH = 4
UNKNOWN_CHAR = "z"


def _base36(number, width):
    digits = []
    for _ in range(width):
        number, digit = divmod(number, 36)
        digits.append(ALPHABET[digit])
    return "".join(reversed(digits))


def _digest36(text, width):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return _base36(int.from_bytes(digest[:8], "big") % 36**width, width)


def fingerprint(assessment):
    """Six base-36 characters that identify the assessment's questions and options."""
    lines = [assessment.id] + [
        f"{q.id}:{','.join(option.id for option in q.options)}" for q in assessment.questions
    ]
    return _digest36("\n".join(lines), FINGERPRINT_LENGTH)


def check(fingerprint_text, payload):
    """Four base-36 check characters over fingerprint and payload."""
    return _digest36(f"{VERSION}.{fingerprint_text}.{payload}", CHECK_LENGTH)


def encode_indexes(assessment, indexes):
    """Share string for checked answers {question id: option index}."""
    payload = "".join(UNKNOWN_CHAR if indexes[q.id] == UNKNOWN_INDEX else ALPHABET[indexes[q.id]]
                      for q in assessment.questions)
    mark = fingerprint(assessment)
    return f"{VERSION}.{mark}.{payload}.{check(mark, payload)}"
