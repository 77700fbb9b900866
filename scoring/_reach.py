"""Which placements can answers produce at all? Constraint solving over achievable point sums.

Trying every answer set is infeasible (4 options ^ 20 questions). Every stage condition is an
"at least" (a question at least some option, a dimension at least some score, the basis score at
least some score), so a stage is reachable exactly when some answer set meets a set of lower
bounds (the conditions that must hold) and fails at least one condition of each stage that must
not hold, i.e. stays below some upper bound. A question bound narrows the options of that
question; a dimension bound filters the rounded scores of that dimension, whose achievable values
are built per dimension one question at a time; a basis bound filters the weighted combination of
the basis' dimensions, built the same way. Every answer found is returned as a witness, so tests
can check the verdict by simply scoring it (and tests compare it with brute force on small
definitions).
"""

import itertools

from ._model import CUMULATIVE
from ._numbers import dimension_tenths, round_half_up

NO_LIMIT = 10**9


class Bounds:
    """Lower (inclusive) and upper (exclusive) bounds on option indexes, dimension scores and the basis score."""

    def __init__(self):
        self.q_low, self.q_high, self.d_low, self.d_high = {}, {}, {}, {}
        self.b_low, self.b_high = 0, NO_LIMIT

    def hold(self, condition):
        """Add a condition that must hold."""
        kind, key, value = condition
        if kind == "q":
            self.q_low[key] = max(self.q_low.get(key, 0), value)
        elif kind == "d":
            self.d_low[key] = max(self.d_low.get(key, 0), value)
        else:
            self.b_low = max(self.b_low, value)

    def fail(self, condition):
        """Add a condition that must not hold."""
        kind, key, value = condition
        if kind == "q":
            self.q_high[key] = min(self.q_high.get(key, NO_LIMIT), value)
        elif kind == "d":
            self.d_high[key] = min(self.d_high.get(key, NO_LIMIT), value)
        else:
            self.b_high = min(self.b_high, value)


def conditions(stage):
    """A stage's own conditions as (kind, key, value): ("b", None, tenths), ("q", id, index), ("d", id, tenths)."""
    found = [("b", None, stage.min_tenths)] if stage.min_tenths > 0 else []
    for rule in stage.rules:
        if rule.question is not None:
            found.append(("q", rule.question, rule.option_index))
        else:
            found.append(("d", rule.dimension, rule.tenths))
    return found


def dimension_witnesses(assessment, dimension_id, bounds=None):
    """Map every achievable rounded score (tenths) of a dimension to one answer set {question: option index}."""
    bounds = bounds or Bounds()
    questions = [q for q in assessment.questions if q.dimension == dimension_id]
    sums = {0: {}}
    for question in questions:
        low = bounds.q_low.get(question.id, 0)
        high = min(bounds.q_high.get(question.id, NO_LIMIT), len(question.options))
        grown = {}
        for total, picks in sums.items():
            for index in range(low, high):
                reached = total + question.weight * question.options[index].points
                if reached not in grown:
                    grown[reached] = {**picks, question.id: index}
        sums = grown
    max_points = sum(q.weight * q.max_points for q in questions)
    witnesses = {}
    low = bounds.d_low.get(dimension_id, 0)
    high = bounds.d_high.get(dimension_id, NO_LIMIT)
    for total in sorted(sums):
        tenths = dimension_tenths(total, max_points)
        if low <= tenths < high:
            witnesses.setdefault(tenths, sums[total])
    return witnesses


def solve(assessment, mapping, bounds):
    """One full answer set {question id: option id} within the bounds, or None if there is none."""
    per_dimension = {}
    for dimension in assessment.dimensions:
        found = dimension_witnesses(assessment, dimension.id, bounds)
        if not found:
            return None
        per_dimension[dimension.id] = found
    picks = {}
    for dimension_id, found in per_dimension.items():
        if dimension_id not in mapping.basis:
            picks.update(found[min(found)])
    if bounds.b_low == 0 and bounds.b_high == NO_LIMIT:
        for dimension_id in mapping.basis:
            picks.update(per_dimension[dimension_id][min(per_dimension[dimension_id])])
    else:
        combined = {0: {}}
        total_weight = 0
        for dimension_id in mapping.basis:
            weight = assessment.dimension(dimension_id).weight
            total_weight += weight
            grown = {}
            for total, chosen in combined.items():
                for tenths, dim_picks in per_dimension[dimension_id].items():
                    reached = total + weight * tenths
                    if reached not in grown:
                        grown[reached] = {**chosen, **dim_picks}
            combined = grown
        hits = [total for total in sorted(combined)
                if bounds.b_low <= round_half_up(total, total_weight) < bounds.b_high]
        if not hits:
            return None
        picks.update(combined[hits[0]])
    return {q.id: q.options[picks.get(q.id, 0)].id for q in assessment.questions}


def stage_witness(assessment, mapping, index):
    """An answer set {question id: option id} placed in stage `index` of the mapping, or None if none exists."""
    if mapping.placement == CUMULATIVE:
        held = [c for below in mapping.stages[:index + 1] for c in conditions(below)]
        blockers = [conditions(mapping.stages[index + 1])] if index + 1 < len(mapping.stages) else []
    else:
        held = conditions(mapping.stages[index])
        blockers = [conditions(above) for above in mapping.stages[index + 1:]]
    for failing in itertools.product(*blockers):
        bounds = Bounds()
        for condition in held:
            bounds.hold(condition)
        for condition in failing:
            bounds.fail(condition)
        found = solve(assessment, mapping, bounds)
        if found is not None:
            return found
    return None


def stage_witnesses(assessment, mapping):
    """One answer set per stage of the mapping that lands in that stage, or None where none exists."""
    return [stage_witness(assessment, mapping, index) for index in range(len(mapping.stages))]
