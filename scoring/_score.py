"""Score a complete set of answers: dimension scores, overall score, stages and next steps.

Next steps: a dimension is weak when its rounded score is below `NEXT_STEP_BELOW` (50.0). The
weakest dimensions that have advice come first (ties keep the definition's order), at most
`NEXT_STEP_LIMIT` (3) of them.
"""

from collections.abc import Mapping

from ._codec import encode_indexes
from ._errors import AnswerError
from ._model import Advice, Placement, Result
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
    """Check answers {question id: option id} and return {question id: option index}; AnswerError if not complete."""
    if not isinstance(answers, Mapping):
        raise AnswerError("De antwoorden konden niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens.")
    known = {q.id for q in assessment.questions}
    unknown = [key for key in answers if key not in known]
    if unknown:
        raise AnswerError(
            f"Deze scan kent geen vraag {_dutch_list(repr(_shown(k)) for k in unknown)}. "
            "Misschien is de scan intussen veranderd: laad de pagina opnieuw.",
            [_shown(k) for k in unknown])
    indexes, missing, invalid = {}, [], []
    for number, question in enumerate(assessment.questions, start=1):
        chosen = answers.get(question.id)
        if chosen is None:
            missing.append((number, question))
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
            [q.id for _, q in invalid])
    if len(missing) == 1:
        number, question = missing[0]
        raise AnswerError(f"Vraag {number} is nog niet beantwoord: {question.text}", [question.id])
    if missing:
        raise AnswerError(
            f"De vragen {_dutch_list(number for number, _ in missing)} zijn nog niet beantwoord.",
            [q.id for _, q in missing])
    return indexes


def score(assessment, answers):
    """Score a complete set of answers {question id: option id}; returns a `Result`."""
    indexes = answer_indexes(assessment, answers)
    tenths = {}
    for dimension in assessment.dimensions:
        questions = [q for q in assessment.questions if q.dimension == dimension.id]
        points = sum(q.weight * q.options[indexes[q.id]].points for q in questions)
        max_points = sum(q.weight * q.max_points for q in questions)
        tenths[dimension.id] = dimension_tenths(points, max_points)

    def basis_tenths(basis):
        return mean_tenths([(assessment.dimension(d).weight, tenths[d]) for d in basis])

    placements = []
    for mapping in assessment.models:
        basis_score = basis_tenths(mapping.basis)
        index = mapping.stage_index(basis_score)
        placements.append(Placement(
            model=mapping.model, model_title=mapping.title, stage=mapping.stages[index],
            position=index + 1, of=len(mapping.stages), score_tenths=basis_score,
            basis=mapping.basis, on_overall=mapping.on_overall))

    order = {d.id: i for i, d in enumerate(assessment.dimensions)}
    weak = sorted((step for step in assessment.next_steps if tenths[step.dimension] < NEXT_STEP_BELOW),
                  key=lambda step: (tenths[step.dimension], order[step.dimension]))
    advice = tuple(
        Advice(dimension=step.dimension, label=assessment.dimension(step.dimension).label,
               score_tenths=tenths[step.dimension], text=step.text, models=step.models)
        for step in weak[:NEXT_STEP_LIMIT])

    return Result(
        assessment=assessment.id,
        title=assessment.title,
        kind=assessment.kind,
        overall_tenths=basis_tenths([d.id for d in assessment.dimensions]),
        dimension_scores=tuple((d.id, d.label, tenths[d.id]) for d in assessment.dimensions),
        placements=tuple(placements),
        next_steps=advice,
        answered=len(indexes),
        total=len(assessment.questions),
        share=encode_indexes(assessment, indexes),
    )
