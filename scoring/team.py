"""A team's profile from several colleagues' answers, computed where the answers are: nothing is sent.

    team = scoring.team.combine(assessment, entries)

Each entry is one colleague's answers as a share link (`https://.../zelfscan/#<id>=<share string>`),
a bare share string, an exported answers file as parsed by the caller (`{"assessment": id, "answers":
{...}}`; a file that was not valid JSON is passed as its text and reported), or a dict of answers.
Blank entries are skipped. An entry that cannot be read is listed in
`invalid` with its index, a Dutch reason and that reason's code and values; the others still count.

The result (JSON-safe dict):
- `members`: how many entries were combined;
- `overall` and, per dimension in definition order, `dimensions`: `low`, `median`, `high`, `spread`
  (high - low), all 0..100 to one decimal. The median of an even number of scores is the mean of
  the middle two, rounded half up like every other score;
- `disagreement`: dimension ids, largest spread first (ties keep the definition's order);
- `placements`: per model, how many members are in each stage, and the lowest and highest position;
- `next_steps`: the members' next steps combined per dimension, the most shared first (then the lowest
  team median), each with `members` (how many colleagues got it).
"""

import re
from collections.abc import Mapping

from . import share
from ._errors import AnswerError
from ._numbers import round_half_up
from ._score import score

__all__ = ["combine", "read_entry"]

MAX_ENTRY = 20000  # characters; an exported file is far smaller
_ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")


def _unquote(text):
    """Percent-decoding as in a URL; AnswerError when the result is not UTF-8 text."""
    data = _ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), text.encode("utf-8"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise AnswerError("Deze link is beschadigd: er staan tekens in die niet goed zijn gecodeerd. "
                          "Misschien is hij niet helemaal gekopieerd.", code="link-escape") from None


def _from_link(assessment, text):
    fragment = text.split("#", 1)[1] if "#" in text else text
    if "=" in fragment:
        name, code = fragment.split("=", 1)
        name = _unquote(name)
        if name != assessment.id:
            raise AnswerError(f"Deze link hoort bij een andere test ('{name[:60]}'), niet bij '{assessment.title}'.",
                              code="link-foreign", values={"name": name[:60], "title": assessment.title})
        fragment = _unquote(code)
    elif "/" in text:  # a web address (every http:// or https:// one has a slash) without answers
        raise AnswerError("Deze link bevat geen antwoorden: het deel na '#' ontbreekt. Vraag je collega om de deellink.",
                          code="link-no-answers")
    return share.decode(assessment, fragment)


def _from_file(assessment, data):
    if data.get("assessment") != assessment.id:
        raise AnswerError(f"Dit bestand hoort bij een andere test ('{str(data.get('assessment'))[:60]}'), "
                          f"niet bij '{assessment.title}'.", code="file-foreign",
                          values={"name": str(data.get("assessment"))[:60], "title": assessment.title})
    answers = data.get("answers")
    if not isinstance(answers, Mapping):
        raise AnswerError("In dit bestand staan geen antwoorden (het veld 'answers' ontbreekt of is geen lijst).",
                          code="file-no-answers")
    return dict(answers)


def read_entry(assessment, entry):
    """Answers {question id: option id} from one entry, None for a blank one; AnswerError (Dutch) otherwise."""
    if isinstance(entry, Mapping):
        return _from_file(assessment, entry) if "assessment" in entry else dict(entry)
    if not isinstance(entry, str):
        raise AnswerError("Deze regel kon niet worden gelezen.", code="entry-unreadable")
    text = entry.strip()
    if not text:
        return None
    if len(text) > MAX_ENTRY:
        raise AnswerError("Deze regel is te lang voor een deellink of antwoordbestand.", code="entry-too-long")
    if text.startswith(("{", "[")):
        raise AnswerError("Dit bestand is geen geldig JSON-bestand met antwoorden.", code="entry-not-json")
    return _from_link(assessment, text)


def _median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return round_half_up(ordered[middle - 1] + ordered[middle], 2)


def _spread(values):
    low, high = min(values), max(values)
    return {"low": low / 10, "median": _median(values) / 10, "high": high / 10, "spread": (high - low) / 10}


def combine(assessment, entries):
    """The team's profile from a list of entries (see the module docstring); never raises for a bad entry."""
    results, invalid = [], []
    for index, entry in enumerate(entries):
        try:
            answers = read_entry(assessment, entry)
            if answers is not None:
                results.append(score(assessment, answers))
        except AnswerError as exc:
            invalid.append({"index": index, "reason": str(exc), "code": exc.code, "values": exc.values})
    team = {"assessment": assessment.id, "members": len(results), "invalid": invalid,
            "overall": None, "dimensions": [], "disagreement": [], "placements": [], "next_steps": []}
    if not results:
        return team
    team["overall"] = _spread([r.overall_tenths for r in results])
    scores = [{dim_id: t for dim_id, _label, t in r.dimension_scores} for r in results]
    tenths = {d.id: [member[d.id] for member in scores] for d in assessment.dimensions}
    team["dimensions"] = [{"dimension": d.id, "label": d.label, **_spread(tenths[d.id])} for d in assessment.dimensions]
    order = {d.id: i for i, d in enumerate(assessment.dimensions)}
    widest = sorted(assessment.dimensions, key=lambda d: (-(max(tenths[d.id]) - min(tenths[d.id])), order[d.id]))
    team["disagreement"] = [d.id for d in widest]
    for number, mapping in enumerate(assessment.models):
        positions = [r.placements[number].position for r in results]
        team["placements"].append({
            "model": mapping.model, "model_title": mapping.title, "of": len(mapping.stages),
            "low": min(positions), "high": max(positions),
            "stages": [{"stage": s.id, "label": s.label, "position": i + 1, "element": s.element,
                        "members": positions.count(i + 1)} for i, s in enumerate(mapping.stages)],
        })
    shared = {}
    for r in results:
        for advice in r.next_steps:
            shared.setdefault(advice.dimension, [advice, 0])[1] += 1
    medians = {d["dimension"]: d["median"] for d in team["dimensions"]}
    ranked = sorted(shared.values(), key=lambda pair: (-pair[1], medians[pair[0].dimension], order[pair[0].dimension]))
    team["next_steps"] = [{"dimension": a.dimension, "label": a.label, "text": a.text, "models": list(a.models),
                           "members": count, "median": medians[a.dimension]} for a, count in ranked]
    return team
