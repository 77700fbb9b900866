"""Score a complete set of answers: dimension scores, overall score, placements and next steps.

Answers: {question id: option id}, or `UNKNOWN` ("?") for "weet ik niet". UNKNOWN is worth 0
points (never more than the lowest option, which is worth 0 or more) and never meets a rule that
asks for an option.

Next steps: a dimension is weak when its rounded score is below `NEXT_STEP_BELOW` (50.0). The
weakest dimensions that have advice come first (ties keep the definition's order), at most
`NEXT_STEP_LIMIT` (3) of them. When no dimension is weak, the lowest-scoring dimension that has
advice is still given (marked `weak: False`), so every result has a next step.
"""

from collections.abc import Mapping

from ._codec import encode_indexes
from ._errors import AnswerError
from ._model import CUMULATIVE, UNKNOWN, UNKNOWN_INDEX, Advice, Placement, Result
from ._numbers import dimension_tenths, mean_tenths

NEXT_STEP_BELOW = 500  # in tenths: 50.0
NEXT_STEP_LIMIT = 3


def _dutch_list(items):
    items = [str(item) for item in items]
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def _shown(key):
    text = key if isinstance(key, str) else repr(key)
    return text if len(text) <= 40 else text[:37] + "..."


def answer_indexes(assessment, answers):
    """Check answers {question id: option id or UNKNOWN} and return {question id: option index}.

    UNKNOWN becomes `UNKNOWN_INDEX`. AnswerError if an answer is missing or not an option of its question.
    """
    if not isinstance(answers, Mapping):
        raise AnswerError("De antwoorden konden niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens.",
                          code="answers-unreadable")
    known = {q.id for q in assessment.questions}
    unknown = [key for key in answers if key not in known]
    if unknown:
        raise AnswerError(
            f"Deze scan kent geen vraag {_dutch_list(repr(_shown(k)) for k in unknown)}. "
            "Misschien is de scan intussen veranderd: laad de pagina opnieuw.",
            [_shown(k) for k in unknown], "question-unknown", {"questions": [_shown(k) for k in unknown]})
    indexes, missing, invalid = {}, [], []
    for number, question in enumerate(assessment.questions, start=1):
        chosen = answers.get(question.id)
        if chosen is None:
            missing.append((number, question))
            continue
        if chosen == UNKNOWN:
            indexes[question.id] = UNKNOWN_INDEX
            continue
        index = question.option_index(chosen) if isinstance(chosen, str) else None
        if index is None:
            invalid.append((number, question))
            continue
        indexes[question.id] = index
    if invalid:
        numbers = _dutch_list(number for number, _ in invalid)
        word = "vraag" if len(invalid) == 1 else "de vragen"
        raise AnswerError(
            f"Bij {word} {numbers} staat een antwoord dat deze scan niet kent. Kies het antwoord opnieuw.",
            [q.id for _, q in invalid], "answer-invalid" if len(invalid) == 1 else "answers-invalid",
            {"numbers": [number for number, _ in invalid]})
    if len(missing) == 1:
        number, question = missing[0]
        raise AnswerError(f"Vraag {number} is nog niet beantwoord: {question.text}", [question.id],
                          "answer-missing", {"number": number, "text": question.text})
    if missing:
        raise AnswerError(
            f"De vragen {_dutch_list(number for number, _ in missing)} zijn nog niet beantwoord.",
            [q.id for _, q in missing], "answers-missing", {"numbers": [number for number, _ in missing]})
    return indexes


def points(question, index):
    """Points of an option index; UNKNOWN ("weet ik niet") is worth 0."""
    return 0 if index == UNKNOWN_INDEX else question.options[index].points


def dimension_scores(assessment, indexes):
    """Rounded score (tenths) of every dimension for option indexes {question id: index}."""
    tenths = {}
    for dimension in assessment.dimensions:
        questions = [q for q in assessment.questions if q.dimension == dimension.id]
        got = sum(q.weight * points(q, indexes[q.id]) for q in questions)
        max_points = sum(q.weight * q.max_points for q in questions)
        tenths[dimension.id] = dimension_tenths(got, max_points)
    return tenths


def _rule_questions(assessment, rule):
    if rule.question is not None:
        return [rule.question]
    return [q.id for q in assessment.questions if q.dimension == rule.dimension]


def _conditions(mapping, index, indexes, tenths, basis_score):
    """(held, unmet) conditions of one stage: each a (questions-of, need) pair."""
    stage = mapping.stages[index]
    held, unmet = [], []
    if stage.min_tenths > 0:
        basis = "overall" if mapping.on_overall else list(mapping.basis)
        item = ("basis", {"basis": basis, "score": stage.min_tenths / 10})
        (held if basis_score >= stage.min_tenths else unmet).append(item)
    for rule in stage.rules:
        (held if rule.holds(indexes, tenths) else unmet).append((rule, rule.need()))
    return held, unmet


def place(assessment, mapping, indexes, tenths, basis_score):
    """The placement in one model, with the questions that decided it and what the next stage needs."""
    index = mapping.stage_index(indexes, tenths, basis_score)
    deciding = []
    lower = range(index + 1) if mapping.placement == CUMULATIVE else [index]
    for below in lower:
        deciding += [what for what, _need in _conditions(mapping, below, indexes, tenths, basis_score)[0]]
    to_next = []
    higher = [index + 1] if mapping.placement == CUMULATIVE else range(index + 1, len(mapping.stages))
    for above in higher:
        if above >= len(mapping.stages):
            break
        unmet = _conditions(mapping, above, indexes, tenths, basis_score)[1]
        deciding += [what for what, _need in unmet]
        if above == index + 1:
            to_next = [need for _what, need in unmet]
    wanted = set()
    for what in deciding:
        if what == "basis":
            wanted |= {q.id for q in assessment.questions if q.dimension in mapping.basis}
        else:
            wanted |= set(_rule_questions(assessment, what))
    return Placement(
        model=mapping.model, model_title=mapping.title, stage=mapping.stages[index],
        position=index + 1, of=len(mapping.stages), score_tenths=basis_score,
        basis=mapping.basis, on_overall=mapping.on_overall,
        because=tuple(q.id for q in assessment.questions if q.id in wanted),
        to_next=tuple(to_next), placement=mapping.placement,
        estimated="basis" in deciding and all(what == "basis" for what in deciding))


def score(assessment, answers):
    """Score a complete set of answers {question id: option id or UNKNOWN}; returns a `Result`."""
    indexes = answer_indexes(assessment, answers)
    tenths = dimension_scores(assessment, indexes)

    def basis_tenths(basis):
        return mean_tenths([(assessment.dimension(d).weight, tenths[d]) for d in basis])

    placements = tuple(place(assessment, mapping, indexes, tenths, basis_tenths(mapping.basis))
                       for mapping in assessment.models)

    order = {d.id: i for i, d in enumerate(assessment.dimensions)}
    ranked = sorted(assessment.next_steps, key=lambda step: (tenths[step.dimension], order[step.dimension]))
    weak = [step for step in ranked if tenths[step.dimension] < NEXT_STEP_BELOW][:NEXT_STEP_LIMIT]
    chosen = weak or ranked[:1]
    advice = tuple(
        Advice(dimension=step.dimension, label=assessment.dimension(step.dimension).label,
               score_tenths=tenths[step.dimension], text=step.text, models=step.models, weak=bool(weak))
        for step in chosen)

    return Result(
        assessment=assessment.id,
        title=assessment.title,
        kind=assessment.kind,
        overall_tenths=basis_tenths([d.id for d in assessment.dimensions]),
        dimension_scores=tuple((d.id, d.label, tenths[d.id]) for d in assessment.dimensions),
        placements=placements,
        next_steps=advice,
        answered=len(indexes),
        total=len(assessment.questions),
        share=encode_indexes(assessment, indexes),
        unknown=tuple(q.id for q in assessment.questions if indexes[q.id] == UNKNOWN_INDEX),
    )
