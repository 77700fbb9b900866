"""Fast tests of the plugins' functions, called directly in the pytest process (no `make html`).

They are the tests `make mutation` runs against the mutants of plugins/ (tests/mutation/areas.toml),
so each one should take well under a second.
"""

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

# The plugin packages are imported here, before anything imports `assessments`: that plugin puts the
# project root on sys.path, and in a mutation run's copy (plugins lifted to the top level) the root holds
# an unmutated copy of each package that would otherwise shadow the mutated one.
import catalog  # noqa: E402, F401
import diagrams  # noqa: E402, F401
import editions  # noqa: E402, F401


@pytest.fixture
def ascii_locale():
    """The C locale, whose encoding is ASCII (as a build machine without a UTF-8 locale may have)."""
    import locale

    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        yield
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
