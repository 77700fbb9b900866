"""Fast tests of the plugins' functions, called directly in the pytest process (no `make html`).

They are the tests `make mutation` runs against the mutants of plugins/ (tests/mutation/areas.toml),
so each one should take well under a second.
"""

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
