"""The build's quicker smarty pass writes the same HTML as Markdown's own on texts made to exercise each
quote, dash and ellipsis rule (tests/unit/test_smarty_content.py compares every content file)."""

import markdown
import pytest
from catalog.smarty import NEEDS, SkippingInlineProcessor, quicken

SETTINGS = {"extensions": ["markdown.extensions.extra", "markdown.extensions.toc", "markdown.extensions.smarty"],
            "extension_configs": {"markdown.extensions.toc": {"permalink": False}}, "output_format": "html5"}

TRICKY = [
    "'Quoted' and \"double\" and \"'nested' quotes\" in one line.",
    "\"'Both' at the start,\" she said -- and then --- nothing...",
    "Back in the '80s, rock 'n' roll; the Jones' house; it's 5 o'clock.",
    "'.' starts with punctuation, \".\" too, and 'tis so.",
    "Dashes: a--b, a---b, a----b, a - b; dots: a..b, a...b, a....b.",
    "*Emphasis with 'quotes'* and **strong \"ones\"**, `code 'kept' -- as is`.",
    "[A link 'title'](https://example.org/a--b \"Title 'x'\") and <https://example.org/'q'>.",
    "<span title=\"x\">raw 'html'</span> and &nbsp;'after entity' &mdash;\"after dash\"",
    "Footnote[^1] with 'quotes'.\n\n[^1]: The note -- with \"dashes\"...",
    "# Heading 'one' -- first\n\n## Heading \"two\"...\n\n- item 'a'\n- item \"b\" --- c",
    "| Kolom 'a' | Kolom \"b\" |\n|---|---|\n| x -- y | z... |",
    "*[HTML]: Hyper 'Text'\n\nHTML -- with an abbreviation, 'quoted'.",
    "No quote, no dash, no dots at all",
    "",
]


def render_both(text):
    stock = markdown.Markdown(**SETTINGS)
    quick = quicken(markdown.Markdown(**SETTINGS))
    return stock.reset().convert(text), quick.reset().convert(text)


def test_the_smarty_pass_is_replaced_and_every_pattern_is_known():
    md = quicken(markdown.Markdown(**SETTINGS))
    smarty = md.treeprocessors["smarty"]
    assert isinstance(smarty, SkippingInlineProcessor)
    names = [item.name for item in sorted(md.treeprocessors._priority, key=lambda item: -item.priority)]
    stock = markdown.Markdown(**SETTINGS)
    assert names == [item.name for item in sorted(stock.treeprocessors._priority, key=lambda item: -item.priority)]
    # A pattern Markdown adds in a later version would be tried always: correct, only slower. Today none is.
    assert all(needs is not None for _pattern, needs in smarty.plan)
    for pattern, needs in smarty.plan:
        assert pattern.pattern in NEEDS and needs in {"'", '"', "--", "---", "...", "<<", ">>"}


@pytest.mark.parametrize("text", TRICKY)
def test_same_html_on_tricky_texts(text):
    stock, quick = render_both(text)
    assert quick == stock
