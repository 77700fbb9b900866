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


@dataclass(frozen=True)
class Stage:
    """One stage of a model: reached when the basis score (rounded) is at least `min`."""

    id: str
    label: str
    element: int
    min_tenths: int
    meaning: str
    next: str = ""
    figure: Figure | None = None
    related: Related | None = None

    @property
    def min(self):
        """Lowest score (inclusive) of this stage, 0..100."""
        return self.min_tenths / 10


@dataclass(frozen=True)
class ModelMapping:
    """How scores place the visitor in the stages of one model of the catalogue."""

    model: str
    title: str
    basis: tuple[str, ...]
    on_overall: bool
    stages: tuple[Stage, ...]

    def stage_index(self, tenths):
        """Index of the stage a rounded basis score (in tenths) falls in."""
        found = 0
        for index, stage in enumerate(self.stages):
            if tenths >= stage.min_tenths:
                found = index
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

    def to_dict(self):
        """JSON-safe form."""
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
        }


@dataclass(frozen=True)
class Advice:
    """A next step shown for one weak dimension."""

    dimension: str
    label: str
    score_tenths: int
    text: str
    models: tuple[str, ...]

    def to_dict(self):
        """JSON-safe form."""
        return {
            "dimension": self.dimension,
            "label": self.label,
            "score": self.score_tenths / 10,
            "text": self.text,
            "models": list(self.models),
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
            "share": self.share,
        }
