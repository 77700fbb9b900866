"""Shared helpers for the scoring tests: where the definitions live, loading them once, answer sets."""

import copy
import functools
import json
import pathlib

import yaml

import scoring
from tests.conftest import assessment_data

ROOT = pathlib.Path(__file__).resolve().parents[2]
ASSESSMENTS = ROOT / "content" / "assessments"
MODELS = ROOT / "content" / "models"
FIXTURES = ROOT / "tests" / "fixtures" / "scoring"
GOLDEN = FIXTURES / "golden"
BROKEN = FIXTURES / "broken"


def definition_files():
    """Every assessment definition of the site; never empty."""
    files = sorted(ASSESSMENTS.glob("*.yaml"))
    assert files, f"no assessment definitions found in {ASSESSMENTS}"
    return files


def definition_ids():
    """Ids (file stems) of every assessment definition."""
    return [path.stem for path in definition_files()]


@functools.cache
def raw_definition(assessment_id):
    """The parsed YAML of content/assessments/<id>.yaml, with its Dutch texts (as the build loads it)."""
    return assessment_data(ASSESSMENTS / f"{assessment_id}.yaml")


@functools.cache
def assessment(assessment_id):
    """The loaded (validated) assessment, loaded once per test session."""
    return scoring.load(raw_definition(assessment_id))


def golden_files():
    """Every golden case; never empty."""
    files = sorted(GOLDEN.glob("*.json"))
    assert files, f"no golden cases found in {GOLDEN}"
    return files


def golden_case(path):
    """One golden case: {assessment, answers, expected}."""
    return json.loads(path.read_text(encoding="utf-8"))


VECTORS = FIXTURES / "vectors.jsonl"


def vectors():
    """Every placement vector [{assessment, answers, expected}], in file order; never empty."""
    lines = [line for line in VECTORS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines, f"no vectors in {VECTORS}"
    return [json.loads(line) for line in lines]


def broken_files():
    """Every broken definition fixture; never empty."""
    files = sorted(BROKEN.glob("*.yaml"))
    assert files, f"no broken definitions found in {BROKEN}"
    return files


def expected_path(path):
    """The path a broken fixture announces in its `# expect: <path>` line."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"{path.name} has no '# expect: <path>' line")


def answers_at(a, indexes):
    """Answers {question id: option id} from a list of option indexes in question order."""
    return {q.id: q.options[i].id for q, i in zip(a.questions, indexes, strict=True)}


def first_answers(a):
    """Every question answered with its first (least mature) option."""
    return answers_at(a, [0] * len(a.questions))


def last_answers(a):
    """Every question answered with its last (most mature) option."""
    return answers_at(a, [len(q.options) - 1 for q in a.questions])


def stage_positions(result):
    """Stage index (0-based) per model slug of a Result."""
    return {p.model: p.position - 1 for p in result.placements}


def model_elements(slug):
    """The `elements` of the model page content/models/*/<slug>.md, or None if the page does not exist (yet)."""
    pages = list(MODELS.glob(f"*/{slug}.md"))
    if not pages:
        return None
    text = pages[0].read_text(encoding="utf-8")
    front = text.split("---", 2)[1]
    return yaml.safe_load(front).get("elements") or []


# --- a small definition built in code, loaded afresh by each test that needs it -------------------

def small_options(*points):
    return [{"id": f"o{i}", "label": f"Antwoord {i}.", "points": p} for i, p in enumerate(points)]


SMALL = {
    "id": "klein",
    "title": "Kleine scan",
    "intro": "Een kleine definitie.",
    "kind": "organisation",
    "minutes": 3,
    "dimensions": [
        {"id": "strategie", "label": "Strategie", "weight": 2, "description": "Over plannen."},
        {"id": "meten", "label": "Meten"},
    ],
    "questions": [
        {"id": "plan", "dimension": "strategie", "text": "Is er een plan?", "options": small_options(0, 1, 2),
         "weight": 3, "help": "Een plan staat op papier."},
        {"id": "doelen", "dimension": "strategie", "text": "Zijn er doelen?", "options": small_options(0, 1, 2)},
        {"id": "cijfers", "dimension": "meten", "text": "Welke cijfers?", "options": small_options(0, 1, 2)},
    ],
    "models": [{
        "model": "voorbeeldmodel",
        "title": "Voorbeeldmodel",
        "basis": "overall",
        "stages": [
            {"id": "begin", "label": "Begin", "element": 1, "min": 0, "meaning": "Je begint.",
             "next": "Maak een plan."},
            {"id": "midden", "label": "Midden", "element": 2, "min": 30, "meaning": "Op weg.", "next": "Meet.",
             "rules": [{"question": "plan", "at_least": "o1", "because": "Een plan hoort erbij.",
                        "source": "https://example.org/model"}]},
            {"id": "eind", "label": "Eind", "element": 3, "min": 60, "meaning": "Er.", "next": "Volhouden.",
             "rules": [{"dimension": "meten", "at_least": 50, "because": "Meten hoort erbij.",
                        "source": "https://example.org/model#meten"}]},
        ],
    }],
    "sources": [{"title": "Bron", "url": "https://example.org/bron", "year": 2020}],
    "next_steps": [
        {"dimension": "meten", "text": "Begin met meten.", "models": ["voorbeeldmodel"]},
        {"dimension": "strategie", "text": "Schrijf een plan.", "models": ["ander-model"]},
    ],
}


def small_definition(changes=()):
    """A small valid definition (SMALL) with each (path tuple -> value) set; a value of `...` deletes the key."""
    definition = copy.deepcopy(SMALL)
    for where, value in dict(changes).items():
        target = definition
        for step in where[:-1]:
            target = target[step]
        if value is ...:
            del target[where[-1]]
        else:
            target[where[-1]] = value
    return definition
