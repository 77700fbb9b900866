"""Turn a parsed definition (dict from YAML or JSON) into a validated `Assessment`.

Every fault raises `DefinitionError` naming the path of the field, e.g.
`questions[3].options[1].points: expected ...`, so the author can go straight to it.
The schema is described in docs/scoring.md.
"""

import math
import re

from ._errors import DefinitionError
from ._model import (
    CUMULATIVE,
    MEMBERSHIP,
    Assessment,
    Dimension,
    Figure,
    ModelMapping,
    NextStep,
    Option,
    Question,
    Related,
    Rule,
    Source,
    Stage,
)
from ._reach import stage_witness

KINDS = ("organisation", "person")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_RE = re.compile(r"^https?://\S+$")
MAX_OPTIONS = 10  # share strings spend one base-36 character per question
MAX_WEIGHT = 10  # weights and points stay small so the reachable-score sets stay small (and readable)
MAX_POINTS = 100
MAX_TENTHS = 1000

TOP = {"id", "title", "intro", "kind", "minutes", "dimensions", "questions", "models",
       "next_steps", "sources", "model"}
DIMENSION = {"id", "label", "weight", "description"}
QUESTION = {"id", "dimension", "text", "options", "weight", "help"}
OPTION = {"id", "label", "points"}
MAPPING = {"model", "title", "basis", "stages", "placement"}
PLACEMENTS = (CUMULATIVE, MEMBERSHIP)
STAGE = {"id", "label", "element", "min", "meaning", "next", "figure", "related", "rules"}
RULE = {"question", "dimension", "at_least", "because", "source"}
# conditions that a better answer could break: a stage must never be lost by answering better
NON_MONOTONIC = {"at_most", "below", "above", "equals", "is", "not", "exactly", "less_than", "max"}
FIGURE = {"value", "text", "source"}
SOURCE = {"title", "url", "year"}
RELATED = {"text", "models"}
NEXT_STEP = {"dimension", "text", "models"}


def _few(names, limit=12):
    names = list(names)
    return ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _join(path, key):
    return f"{path}.{key}" if path else key


def _mapping(value, path, allowed, required):
    if not isinstance(value, dict):
        raise DefinitionError(path or "definition", "expected a mapping of keys to values")
    for key in value:
        if key not in allowed:
            raise DefinitionError(_join(path, str(key)),
                                  f"unknown key (expected one of: {', '.join(sorted(allowed))})")
    for key in required:
        if key not in value:
            raise DefinitionError(_join(path, key), "required key is missing")
    return value


def _text(value, path, allow_empty=False):
    if not isinstance(value, str):
        raise DefinitionError(path, f"expected text, got {type(value).__name__}")
    if not allow_empty and not value.strip():
        raise DefinitionError(path, "expected non-empty text")
    return value.strip()


def _ident(value, path):
    if not isinstance(value, str) or not ID_RE.match(value):
        raise DefinitionError(path, f"expected an id of lower-case letters, digits and hyphens, got {value!r}")
    return value


def _int(value, path, minimum, maximum=None):
    # bool is an int in Python; `true` in YAML is never meant as a number
    if isinstance(value, bool) or not isinstance(value, int):
        raise DefinitionError(path, f"expected an integer, got {type(value).__name__}")
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise DefinitionError(path, f"expected an integer {bound}, got {value}")
    return value


def _list(value, path, min_items=1):
    if not isinstance(value, list):
        raise DefinitionError(path, f"expected a list, got {type(value).__name__}")
    if len(value) < min_items:
        raise DefinitionError(path, f"expected a list with at least {min_items} item(s)")
    return value


def _unique(seen, value, path, what):
    if value in seen:
        raise DefinitionError(path, f"duplicate {what} {value!r} (first at {seen[value]})")
    seen[value] = path


def _tenths(value, path):
    """A stage minimum as tenths; at most one decimal, so it compares exactly with scores."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DefinitionError(path, f"expected a number from 0 to 100, got {type(value).__name__}")
    # range first: scaling a huge float would overflow (found by the fuzz test in test_scoring_load.py)
    if not (isinstance(value, int) or math.isfinite(value)) or not 0 <= value <= 100:
        raise DefinitionError(path, f"expected a number from 0 to 100, got {value}")
    tenths = round(value * 10)
    if isinstance(value, float) and abs(value * 10 - tenths) > 1e-6:
        raise DefinitionError(path, f"expected at most one decimal, got {value}")
    return tenths


def _slugs(value, path):
    items = _list(value, path)
    seen = {}
    for index, item in enumerate(items):
        _ident(item, f"{path}[{index}]")
        _unique(seen, item, f"{path}[{index}]", "model")
    return tuple(items)


def _source(value, path):
    _mapping(value, path, SOURCE, ("title", "url"))
    url = _text(value["url"], _join(path, "url"))
    if not URL_RE.match(url):
        raise DefinitionError(_join(path, "url"), f"expected an http(s) URL, got {url!r}")
    year = value.get("year")
    if year is not None:
        _int(year, _join(path, "year"), 1900, 2100)
    return Source(title=_text(value["title"], _join(path, "title")), url=url, year=year)


def _dimensions(value):
    seen = {}
    dimensions = []
    for index, raw in enumerate(_list(value, "dimensions")):
        path = f"dimensions[{index}]"
        _mapping(raw, path, DIMENSION, ("id", "label"))
        dim_id = _ident(raw["id"], _join(path, "id"))
        _unique(seen, dim_id, _join(path, "id"), "dimension id")
        dimensions.append(Dimension(
            id=dim_id,
            label=_text(raw["label"], _join(path, "label")),
            weight=_int(raw.get("weight", 1), _join(path, "weight"), 1, MAX_WEIGHT),
            description=_text(raw.get("description", ""), _join(path, "description"), allow_empty=True),
        ))
    return tuple(dimensions)


def _options(value, path):
    items = _list(value, path, min_items=2)
    if len(items) > MAX_OPTIONS:
        raise DefinitionError(path, f"expected at most {MAX_OPTIONS} options, got {len(items)}")
    seen = {}
    options = []
    for index, raw in enumerate(items):
        option_path = f"{path}[{index}]"
        _mapping(raw, option_path, OPTION, ("id", "label", "points"))
        option_id = _ident(raw["id"], _join(option_path, "id"))
        _unique(seen, option_id, _join(option_path, "id"), "option id")
        points_path = _join(option_path, "points")
        points = _int(raw["points"], points_path, 0, MAX_POINTS)
        if options and points < options[-1].points:
            raise DefinitionError(
                points_path,
                f"expected at least {options[-1].points} (options go from least to most mature, "
                f"so points never go down), got {points}")
        options.append(Option(id=option_id, label=_text(raw["label"], _join(option_path, "label")),
                              points=points))
    if options[-1].points < 1:
        raise DefinitionError(_join(f"{path}[{len(options) - 1}]", "points"),
                              "expected the most mature option to score at least 1")
    return tuple(options)


def _questions(value, dimension_ids):
    seen = {}
    questions = []
    for index, raw in enumerate(_list(value, "questions")):
        path = f"questions[{index}]"
        _mapping(raw, path, QUESTION, ("id", "dimension", "text", "options"))
        question_id = _ident(raw["id"], _join(path, "id"))
        _unique(seen, question_id, _join(path, "id"), "question id")
        dimension = raw["dimension"]
        if dimension not in dimension_ids:
            raise DefinitionError(_join(path, "dimension"),
                                  f"unknown dimension {dimension!r} (known: {', '.join(dimension_ids)})")
        questions.append(Question(
            id=question_id,
            dimension=dimension,
            text=_text(raw["text"], _join(path, "text")),
            options=_options(raw["options"], _join(path, "options")),
            weight=_int(raw.get("weight", 1), _join(path, "weight"), 1, MAX_WEIGHT),
            help=_text(raw.get("help", ""), _join(path, "help"), allow_empty=True),
        ))
    used = {q.dimension for q in questions}
    for index, dim_id in enumerate(dimension_ids):
        if dim_id not in used:
            raise DefinitionError(f"dimensions[{index}]", f"dimension {dim_id!r} has no questions")
    return tuple(questions)


def _basis(value, path, dimension_ids):
    if value == "overall":
        return tuple(dimension_ids), True
    if not isinstance(value, list):
        raise DefinitionError(path, "expected 'overall' or a list of dimension ids")
    _list(value, path)
    seen = {}
    for index, dim_id in enumerate(value):
        item_path = f"{path}[{index}]"
        if dim_id not in dimension_ids:
            raise DefinitionError(item_path, f"unknown dimension {dim_id!r} (known: {', '.join(dimension_ids)})")
        _unique(seen, dim_id, item_path, "dimension")
    return tuple(value), False


def _rule(raw, path, questions, dimension_ids):
    if isinstance(raw, dict):
        for key in raw:
            if key in NON_MONOTONIC:
                raise DefinitionError(
                    _join(path, str(key)),
                    "not monotonic: a stage rule may only ask for 'at_least' an option or a score, "
                    "because a better answer must never lower a stage")
    _mapping(raw, path, RULE, ("at_least", "because", "source"))
    because = _text(raw["because"], _join(path, "because"))
    source = _text(raw["source"], _join(path, "source"))
    if not URL_RE.match(source):
        raise DefinitionError(_join(path, "source"), f"expected the http(s) URL of the model's definition, got {source!r}")
    if ("question" in raw) == ("dimension" in raw):
        raise DefinitionError(path, "expected exactly one of 'question' or 'dimension'")
    if "question" in raw:
        question = questions.get(raw["question"]) if isinstance(raw["question"], str) else None
        if question is None:
            raise DefinitionError(_join(path, "question"),
                                  f"unknown question {raw['question']!r} (known: {_few(questions)})")
        index = question.option_index(raw["at_least"]) if isinstance(raw["at_least"], str) else None
        if index is None:
            raise DefinitionError(
                _join(path, "at_least"),
                f"unknown option {raw['at_least']!r} of question {question.id!r} "
                f"(known: {', '.join(o.id for o in question.options)})")
        if index == 0:
            raise DefinitionError(_join(path, "at_least"),
                                  "expected an option above the first: every answer meets this rule")
        return Rule(because=because, source=source, question=question.id, option=raw["at_least"],
                    option_index=index)
    dimension = raw["dimension"]
    if dimension not in dimension_ids:
        raise DefinitionError(_join(path, "dimension"),
                              f"unknown dimension {dimension!r} (known: {', '.join(dimension_ids)})")
    tenths = _tenths(raw["at_least"], _join(path, "at_least"))
    if tenths == 0:
        raise DefinitionError(_join(path, "at_least"), "expected a score above 0: every answer meets this rule")
    return Rule(because=because, source=source, dimension=dimension, tenths=tenths)


def _stage(raw, path, is_last, questions, dimension_ids):
    _mapping(raw, path, STAGE, ("id", "label", "element", "meaning", "next"))
    next_text = _text(raw["next"], _join(path, "next"))
    if not isinstance(raw.get("rules", []), list):
        raise DefinitionError(_join(path, "rules"), f"expected a list, got {type(raw['rules']).__name__}")
    rules = tuple(_rule(item, f"{path}.rules[{i}]", questions, dimension_ids)
                  for i, item in enumerate(raw.get("rules", [])))
    figure = None
    if raw.get("figure") is not None:
        fpath = _join(path, "figure")
        _mapping(raw["figure"], fpath, FIGURE, ("value", "text", "source"))
        figure = Figure(
            value=_text(raw["figure"]["value"], _join(fpath, "value")),
            text=_text(raw["figure"]["text"], _join(fpath, "text")),
            source=_source(raw["figure"]["source"], _join(fpath, "source")),
        )
        if figure.source.year is None:
            raise DefinitionError(_join(fpath, "source.year"),
                                  "required key is missing (a figure needs the year it describes)")
    related = None
    if raw.get("related") is not None:
        rpath = _join(path, "related")
        _mapping(raw["related"], rpath, RELATED, ("text", "models"))
        related = Related(text=_text(raw["related"]["text"], _join(rpath, "text")),
                          models=_slugs(raw["related"]["models"], _join(rpath, "models")))
    return Stage(
        id=_ident(raw["id"], _join(path, "id")),
        label=_text(raw["label"], _join(path, "label")),
        element=_int(raw["element"], _join(path, "element"), 1),
        min_tenths=_tenths(raw.get("min", 0), _join(path, "min")),
        meaning=_text(raw["meaning"], _join(path, "meaning")),
        next=next_text,
        figure=figure,
        related=related,
        rules=rules,
    )


def _stages(value, path, questions, dimension_ids):
    items = _list(value, path, min_items=2)
    stages = []
    seen = {}
    for index, raw in enumerate(items):
        stage_path = f"{path}[{index}]"
        stage = _stage(raw, stage_path, index == len(items) - 1, questions, dimension_ids)
        _unique(seen, stage.id, _join(stage_path, "id"), "stage id")
        if index == 0 and stage.min_tenths != 0:
            raise DefinitionError(_join(stage_path, "min"),
                                  f"expected 0: the first stage must start at 0, got {stage.min}")
        if index == 0 and stage.rules:
            raise DefinitionError(_join(stage_path, "rules"),
                                  "expected no rules: every answer places at least in the first stage")
        if index > 0 and not stage.rules and stage.min_tenths == 0:
            raise DefinitionError(stage_path, "expected 'rules' or a 'min' above 0: a stage needs a condition")
        previous = [s for s in stages if s.min_tenths > 0 or s is stages[0]]
        if index > 0 and stage.min_tenths > 0 and stage.min_tenths <= previous[-1].min_tenths:
            raise DefinitionError(
                _join(stage_path, "min"),
                f"expected more than {previous[-1].min:g} (the previous stage's min): stages must not "
                f"overlap, got {stage.min:g}")
        if stages and stage.element <= stages[-1].element:
            raise DefinitionError(
                _join(stage_path, "element"),
                f"expected more than {stages[-1].element} (stages follow the model's element order), "
                f"got {stage.element}")
        stages.append(stage)
    return tuple(stages)


def _mappings(value, dimension_ids, questions, kind):
    seen = {}
    mappings = []
    for index, raw in enumerate(_list(value, "models")):
        path = f"models[{index}]"
        _mapping(raw, path, MAPPING, ("model", "title", "basis", "stages"))
        slug = _ident(raw["model"], _join(path, "model"))
        _unique(seen, slug, _join(path, "model"), "model")
        basis, on_overall = _basis(raw["basis"], _join(path, "basis"), dimension_ids)
        placement = raw.get("placement", MEMBERSHIP if kind == "person" else CUMULATIVE)
        if placement not in PLACEMENTS:
            raise DefinitionError(_join(path, "placement"),
                                  f"expected one of: {', '.join(PLACEMENTS)}, got {placement!r}")
        mappings.append(ModelMapping(
            model=slug,
            title=_text(raw["title"], _join(path, "title")),
            basis=basis,
            on_overall=on_overall,
            stages=_stages(raw["stages"], _join(path, "stages"), questions, dimension_ids),
            placement=placement,
        ))
    return tuple(mappings)


def _next_steps(value, dimension_ids):
    seen = {}
    steps = []
    for index, raw in enumerate(_list(value, "next_steps", min_items=0)):
        path = f"next_steps[{index}]"
        _mapping(raw, path, NEXT_STEP, ("dimension", "text", "models"))
        dimension = raw["dimension"]
        if dimension not in dimension_ids:
            raise DefinitionError(_join(path, "dimension"),
                                  f"unknown dimension {dimension!r} (known: {', '.join(dimension_ids)})")
        _unique(seen, dimension, _join(path, "dimension"), "next step for dimension")
        steps.append(NextStep(dimension=dimension, text=_text(raw["text"], _join(path, "text")),
                              models=_slugs(raw["models"], _join(path, "models"))))
    return tuple(steps)


def _check_reachable(assessment):
    for m_index, mapping in enumerate(assessment.models):
        for s_index, stage in enumerate(mapping.stages):
            if stage_witness(assessment, mapping, s_index) is not None:
                continue
            cumulative = mapping.placement == CUMULATIVE
            involved = mapping.stages[s_index:s_index + 2] if cumulative else mapping.stages[s_index:]
            field = "rules" if any(s.rules for s in involved) else "min"
            above = mapping.stages[s_index + 1].id if s_index + 1 < len(mapping.stages) else None
            held = "its conditions and those of every stage below" if cumulative else "its conditions"
            blocked = f"stage {above!r}" if cumulative else "some higher stage"
            raise DefinitionError(
                f"models[{m_index}].stages[{s_index}].{field}",
                f"stage {stage.id!r} cannot be reached: every answer set that meets {held} also meets "
                f"the conditions of {blocked}")


def load(definition):
    """Validate a parsed assessment definition and return an `Assessment`."""
    _mapping(definition, "", TOP, ("id", "title", "intro", "kind", "minutes", "dimensions",
                                  "questions", "models"))
    assessment_id = _ident(definition["id"], "id")
    title = _text(definition["title"], "title")
    intro = _text(definition["intro"], "intro")
    kind = definition["kind"]
    if kind not in KINDS:
        raise DefinitionError("kind", f"expected one of: {', '.join(KINDS)}, got {kind!r}")
    minutes = _int(definition["minutes"], "minutes", 1, 120)
    dimensions = _dimensions(definition["dimensions"])
    dimension_ids = [d.id for d in dimensions]
    questions = _questions(definition["questions"], dimension_ids)
    mappings = _mappings(definition["models"], dimension_ids, {q.id: q for q in questions}, kind)
    model = definition.get("model")
    if model is not None:
        _ident(model, "model")
        if model not in {m.model for m in mappings}:
            raise DefinitionError("model", f"expected one of the mapped models, got {model!r}")
    assessment = Assessment(
        id=assessment_id,
        title=title,
        intro=intro,
        kind=kind,
        minutes=minutes,
        dimensions=dimensions,
        questions=questions,
        models=mappings,
        next_steps=_next_steps(definition.get("next_steps", []), dimension_ids),
        sources=tuple(_source(raw, f"sources[{i}]")
                      for i, raw in enumerate(_list(definition.get("sources", []), "sources", 0))),
        model=model,
    )
    _check_reachable(assessment)
    return assessment
