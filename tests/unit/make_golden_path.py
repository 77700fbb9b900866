"""Import `vector_expected` from tests/fixtures/scoring/make_golden.py, so tests and generator agree on the vector shape."""

import importlib.util

from scoring_cases import FIXTURES

_spec = importlib.util.spec_from_file_location("make_golden", FIXTURES / "make_golden.py")
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
vector_expected = _module.vector_expected
