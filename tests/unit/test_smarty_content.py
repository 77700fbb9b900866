"""The build's quicker smarty pass writes the same HTML as Markdown's own on every content file (the texts
made to exercise each rule are in tests/plugins/test_smarty.py)."""

import sys

import markdown

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from catalog.smarty import quicken  # noqa: E402
from catalog.validate import FRONT_RE  # noqa: E402

SETTINGS = {"extensions": ["markdown.extensions.extra", "markdown.extensions.toc", "markdown.extensions.smarty"],
            "extension_configs": {"markdown.extensions.toc": {"permalink": False}}, "output_format": "html5"}


def content_texts():
    """Every Markdown body in content/ (both editions)."""
    texts = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        match = FRONT_RE.match(path.read_text(encoding="utf-8"))
        if match:
            texts.append((str(path.relative_to(ROOT)), match.group("body")))
    return texts


def test_same_html_on_every_content_file():
    texts = content_texts()
    assert len(texts) > 100
    stock = markdown.Markdown(**SETTINGS)
    quick = quicken(markdown.Markdown(**SETTINGS))
    for name, body in texts:
        assert quick.reset().convert(body) == stock.reset().convert(body), name
