"""The public surface of the scoring package: names, error types, frozen data, no forbidden imports."""

import ast
import dataclasses
import pathlib

import pytest

import scoring

PACKAGE = pathlib.Path(scoring.__file__).parent
STDLIB_ONLY = {"collections", "dataclasses", "hashlib", "itertools", "math", "re"}


def test_public_names_are_explicit():
    assert set(scoring.__all__) >= {
        "load", "score", "share", "ScoringError", "DefinitionError", "AnswerError", "Assessment",
        "Dimension", "Question", "Option", "ModelMapping", "Stage", "NextStep", "Result",
    }
    for name in scoring.__all__:
        assert hasattr(scoring, name), name
    assert scoring.share.__all__ == ["encode", "decode"]


def test_error_hierarchy():
    assert issubclass(scoring.ScoringError, ValueError)
    assert issubclass(scoring.DefinitionError, scoring.ScoringError)
    assert issubclass(scoring.AnswerError, scoring.ScoringError)
    err = scoring.AnswerError("Vraag 1 is nog niet beantwoord.", ["q1"])
    assert err.question_ids == ("q1",)
    err = scoring.DefinitionError("questions[0].id", "expected an id")
    assert str(err) == "questions[0].id: expected an id" and err.path == "questions[0].id"


@pytest.mark.parametrize("name", ["Assessment", "Dimension", "Question", "Option", "ModelMapping",
                                  "Stage", "NextStep", "Result"])
def test_data_classes_are_frozen(name):
    cls = getattr(scoring, name)
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module.split(".")[0]


SOURCES = sorted(PACKAGE.glob("*.py"))


def test_the_source_checks_find_the_package():
    assert len(SOURCES) >= 5 and PACKAGE / "__init__.py" in SOURCES, SOURCES


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_standard_library_only_and_no_io(path):
    # modules such as os, time, random or datetime fail the import check; open/print/input the call check
    assert set(_imports(path)) <= STDLIB_ONLY, "scoring imports only these standard modules"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not calls & {"open", "print", "input", "eval", "exec"}, f"{path.name}: scoring does no I/O"
    assert ast.get_docstring(tree), f"{path.name} needs a module docstring"


def test_public_functions_have_docstrings():
    for func in (scoring.load, scoring.score, scoring.share.encode, scoring.share.decode):
        assert func.__doc__ and "\n" not in func.__doc__.strip()
