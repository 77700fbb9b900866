"""Frozen data classes: a loaded assessment and the result of scoring it.

Scores are kept as integers in tenths (`overall_tenths == 667` means 66.7) so that every
interpreter computes and compares exactly the same values; floats appear only at the edge,
in `Result.to_dict()`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """A publication a definition quotes from."""

    title: str
    url: str
    year: int | None = None

    def to_dict(self):
        """JSON-safe form."""
        return {"title": self.title, "url": self.url, "year": self.year}


@dataclass(frozen=True)
class Dimension:
    """One aspect of maturity (or behaviour) that questions are grouped under."""

    id: str
    label: str
    weight: int = 1
    description: str = ""


@dataclass(frozen=True)
class Option:
    """One answer to a question: a concrete, observable behaviour worth `points`."""

    id: str
    label: str
    points: int


@dataclass(frozen=True)
class Question:
    """One question on one dimension; options are ordered from least to most mature."""

    id: str
    dimension: str
    text: str
    options: tuple[Option, ...]
    weight: int = 1
    help: str = ""

    @property
    def max_points(self):
        """Points of the most mature option (the last one)."""
        return self.options[-1].points

    def option_index(self, option_id):
        """Position of the option with this id, or None."""
        for index, option in enumerate(self.options):
            if option.id == option_id:
                return index
        return None


@dataclass(frozen=True)
class Figure:
    """How common a stage is, as a source reports it (never estimated by us)."""

    value: str
    text: str
    source: Source

    def to_dict(self):
        """JSON-safe form."""
        return {"value": self.value, "text": self.text, "source": self.source.to_dict()}


@dataclass(frozen=True)
class Related:
    """What organisations do with people in a stage, and the models that explain it."""

    text: str
    models: tuple[str, ...]

    def to_dict(self):
        """JSON-safe form."""
        return {"text": self.text, "models": list(self.models)}


UNKNOWN = "?"
"""The one reserved answer value meaning "weet ik niet": outside the ordered options, worth 0 points."""

UNKNOWN_INDEX = -1
"""How UNKNOWN is carried among option indexes (never used to index `Question.options`)."""


@dataclass(frozen=True)
class Rule:
    """One condition of a stage: a question answered at least `option`, or a dimension scoring at least `tenths`.

    `because` is our Dutch paraphrase of the sentence in the model's own definition that justifies
    the rule; `source` is the URL where that definition is published.
    """

    because: str
    source: str
    question: str | None = None
    option: str | None = None
    option_index: int | None = None
    dimension: str | None = None
    tenths: int | None = None

    def holds(self, indexes, dimension_tenths):
        """Whether the rule is met by option indexes {question: index} and dimension scores {id: tenths}."""
        if self.question is not None:
            # UNKNOWN_INDEX (-1) lies below every option a rule can ask for (index 1 or more)
            return indexes[self.question] >= self.option_index
        return dimension_tenths[self.dimension] >= self.tenths

    def need(self):
        """What the rule asks, as a JSON-safe item of `to_next`."""
        if self.question is not None:
            return {"question": self.question, "option": self.option}
        return {"dimension": self.dimension, "score": self.tenths / 10}

    def to_dict(self):
        """JSON-safe form: what it asks, plus the sentence and source that justify it."""
        return {**self.need(), "because": self.because, "source": self.source}


@dataclass(frozen=True)
class Stage:
    """One stage of a model: its own conditions are its `rules` and, on a plain scale, a basis score `min`."""

    id: str
    label: str
    element: int
    min_tenths: int
    meaning: str
    next: str = ""
    figure: Figure | None = None
    related: Related | None = None
    rules: tuple[Rule, ...] = ()

    @property
    def min(self):
        """Lowest basis score (inclusive) this stage asks, 0..100 (0: no score threshold)."""
        return self.min_tenths / 10

    @property
    def estimated(self):
        """True when only the score threshold tells this stage apart (no rule from the model's text)."""
        return not self.rules and self.min_tenths > 0


CUMULATIVE = "cumulative"
MEMBERSHIP = "membership"


@dataclass(frozen=True)
class ModelMapping:
    """How answers place the visitor in the stages of one model of the catalogue.

    `placement` is `cumulative` (a maturity ladder: the highest stage whose own conditions and those
    of every stage below hold) or `membership` (overlapping groups: the highest stage whose own
    conditions hold, whatever the stages below ask).
    """

    model: str
    title: str
    basis: tuple[str, ...]
    on_overall: bool
    stages: tuple[Stage, ...]
    placement: str = CUMULATIVE

    def stage_holds(self, index, indexes, dimension_tenths, basis_tenths):
        """Whether stage `index`'s own conditions (score threshold and rules) hold."""
        stage = self.stages[index]
        return basis_tenths >= stage.min_tenths and all(r.holds(indexes, dimension_tenths) for r in stage.rules)

    def stage_index(self, indexes, dimension_tenths, basis_tenths):
        """Index of the stage these answers place the visitor in."""
        found = 0
        for index in range(1, len(self.stages)):
            if self.stage_holds(index, indexes, dimension_tenths, basis_tenths):
                found = index
            elif self.placement == CUMULATIVE:
                break
        return found


@dataclass(frozen=True)
class NextStep:
    """Advice for a weak dimension, with the models (slugs) that help."""

    dimension: str
    text: str
    models: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    """A validated assessment definition."""

    id: str
    title: str
    intro: str
    kind: str
    minutes: int
    dimensions: tuple[Dimension, ...]
    questions: tuple[Question, ...]
    models: tuple[ModelMapping, ...]
    next_steps: tuple[NextStep, ...] = ()
    sources: tuple[Source, ...] = ()
    model: str | None = None

    def dimension(self, dimension_id):
        """The dimension with this id (KeyError if unknown)."""
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)

    def question(self, question_id):
        """The question with this id (KeyError if unknown)."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


@dataclass(frozen=True)
class Placement:
    """Where the visitor lands in one model."""

    model: str
    model_title: str
    stage: Stage
    position: int
    of: int
    score_tenths: int
    basis: tuple[str, ...]
    on_overall: bool
    because: tuple[str, ...] = ()
    to_next: tuple[dict, ...] = ()
    placement: str = CUMULATIVE
    estimated: bool = False  # decided by score thresholds alone, no rule from the model's text

    def to_dict(self):
        """JSON-safe form.

        `because`: ids of the questions whose answers decided this stage (they meet its conditions, and
        those of the stages below on a ladder, and they fail what the next stage asks);
        `to_next`: what the next stage still needs, one item per unmet condition:
        `{"question": id, "option": id}`, `{"dimension": id, "score": n}` or
        `{"basis": "overall" | [ids], "score": n}`; empty at the top.
        """
        return {
            "model": self.model,
            "model_title": self.model_title,
            "stage": self.stage.id,
            "label": self.stage.label,
            "element": self.stage.element,
            "meaning": self.stage.meaning,
            "next": self.stage.next,
            "score": self.score_tenths / 10,
            "basis": "overall" if self.on_overall else list(self.basis),
            "position": self.position,
            "of": self.of,
            "figure": self.stage.figure.to_dict() if self.stage.figure else None,
            "related": self.stage.related.to_dict() if self.stage.related else None,
            "rules": [rule.to_dict() for rule in self.stage.rules],
            "estimated": self.estimated,
            "placement": self.placement,
            "because": list(self.because),
            "to_next": [dict(item) for item in self.to_next],
        }


@dataclass(frozen=True)
class Advice:
    """A next step shown for one weak dimension."""

    dimension: str
    label: str
    score_tenths: int
    text: str
    models: tuple[str, ...]
    weak: bool = True

    def to_dict(self):
        """JSON-safe form; `weak` is False when no dimension is weak and this is simply the lowest one."""
        return {
            "dimension": self.dimension,
            "label": self.label,
            "score": self.score_tenths / 10,
            "text": self.text,
            "models": list(self.models),
            "weak": self.weak,
        }


@dataclass(frozen=True)
class Result:
    """The outcome of scoring one complete set of answers."""

    assessment: str
    title: str
    kind: str
    overall_tenths: int
    dimension_scores: tuple[tuple[str, str, int], ...]  # (id, label, tenths), in definition order
    placements: tuple[Placement, ...]
    next_steps: tuple[Advice, ...]
    answered: int
    total: int
    share: str
    unknown: tuple[str, ...] = ()  # questions answered with UNKNOWN ("weet ik niet"), in definition order

    @property
    def overall(self):
        """Overall score, 0..100, one decimal."""
        return self.overall_tenths / 10

    @property
    def dimensions(self):
        """Dimension scores by id, 0..100, one decimal."""
        return {dim_id: tenths / 10 for dim_id, _label, tenths in self.dimension_scores}

    @property
    def stages(self):
        """Stage id per model slug."""
        return {p.model: p.stage.id for p in self.placements}

    def to_dict(self):
        """JSON-safe form: everything the result page shows."""
        return {
            "assessment": self.assessment,
            "title": self.title,
            "kind": self.kind,
            "overall": self.overall,
            "dimensions": self.dimensions,
            "profile": [
                {"dimension": dim_id, "label": label, "score": tenths / 10}
                for dim_id, label, tenths in self.dimension_scores
            ],
            "stages": self.stages,
            "placements": [p.to_dict() for p in self.placements],
            "next_steps": [a.to_dict() for a in self.next_steps],
            "answered": self.answered,
            "total": self.total,
            "unknown": list(self.unknown),
            "share": self.share,
        }
