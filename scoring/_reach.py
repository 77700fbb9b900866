"""Which scores can answers produce at all? Dynamic programming over achievable point sums.

Trying every answer set is infeasible (4 options ^ 20 questions), but the score of a dimension
depends only on the sum of its weighted points, and a basis score only on the rounded scores of
its dimensions. So we build, per dimension, the set of achievable point sums (one question at a
time), turn those into rounded dimension scores, and then combine dimensions the same way. Every
achievable value keeps one witness: an answer set that produces it, so tests can check the claim
by simply scoring the witness (the loader itself only needs the sets of values, which are cheaper).
"""

from ._numbers import dimension_tenths, round_half_up


def dimension_witnesses(assessment, dimension_id):
    """Map every achievable rounded score (tenths) of a dimension to one answer set {question: option index}."""
    questions = [q for q in assessment.questions if q.dimension == dimension_id]
    sums = {0: {}}
    for question in questions:
        grown = {}
        for total, picks in sums.items():
            for index, option in enumerate(question.options):
                reached = total + question.weight * option.points
                if reached not in grown:
                    grown[reached] = {**picks, question.id: index}
        sums = grown
    max_points = sum(q.weight * q.max_points for q in questions)
    witnesses = {}
    for total in sorted(sums):
        witnesses.setdefault(dimension_tenths(total, max_points), sums[total])
    return witnesses


def basis_witnesses(assessment, basis):
    """Map every achievable rounded basis score (tenths) to one full answer set {question id: option id}."""
    combined = {0: {}}
    total_weight = 0
    for dimension_id in basis:
        weight = assessment.dimension(dimension_id).weight
        total_weight += weight
        grown = {}
        for total, picks in combined.items():
            for tenths, dim_picks in dimension_witnesses(assessment, dimension_id).items():
                reached = total + weight * tenths
                if reached not in grown:
                    grown[reached] = {**picks, **dim_picks}
        combined = grown
    witnesses = {}
    for total in sorted(combined):
        picks = combined[total]
        answers = {
            q.id: q.options[picks.get(q.id, 0)].id
            for q in assessment.questions
        }
        witnesses.setdefault(round_half_up(total, total_weight), answers)
    return witnesses


def stage_witnesses(assessment, mapping):
    """One answer set per stage of the mapping that lands in that stage, or None where none exists."""
    witnesses = basis_witnesses(assessment, mapping.basis)
    found = [None] * len(mapping.stages)
    for tenths in sorted(witnesses):
        index = mapping.stage_index(tenths)
        if found[index] is None:
            found[index] = witnesses[tenths]
    return found


def dimension_scores(assessment, dimension_id):
    """Every achievable rounded score (tenths) of one dimension."""
    questions = [q for q in assessment.questions if q.dimension == dimension_id]
    sums = {0}
    for question in questions:
        steps = {question.weight * option.points for option in question.options}
        sums = {total + step for total in sums for step in steps}
    max_points = sum(q.weight * q.max_points for q in questions)
    return {dimension_tenths(total, max_points) for total in sums}


def basis_scores(assessment, basis):
    """Every achievable rounded basis score (tenths): the weighted mean of the basis' dimension scores."""
    totals = {0}
    total_weight = 0
    for dimension_id in basis:
        weight = assessment.dimension(dimension_id).weight
        total_weight += weight
        steps = {weight * tenths for tenths in dimension_scores(assessment, dimension_id)}
        totals = {total + step for total in totals for step in steps}
    return sorted({round_half_up(total, total_weight) for total in totals})


def achievable_scores(assessment, mapping):
    """Sorted achievable rounded basis scores (tenths) of a mapping."""
    return basis_scores(assessment, mapping.basis)
