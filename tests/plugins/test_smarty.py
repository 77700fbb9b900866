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
    "--- the first characters are a dash, and 'then' quotes",
    "-- and \"double\" after a short dash at the very start",
    "... three dots first, then <<angled>> and >>back<<",
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


class Recorder:
    """Stands in for a pattern's compiled expression and notes each text it is asked to search."""

    def __init__(self, compiled, searched, needs):
        self.compiled, self.searched, self.needs = compiled, searched, needs

    def finditer(self, data, start=0):
        self.searched.append((self.needs, data, start))
        return self.compiled.finditer(data, start)


def recorded(md, text):
    """(needs, text, start) of every search the smarty pass of `md` makes while converting `text`, and the HTML."""
    searched = []
    for pattern in md.treeprocessors["smarty"].inlinePatterns:
        pattern.compiled_re = Recorder(pattern.compiled_re, searched, NEEDS[pattern.pattern])
    return searched, md.convert(text)


def searches(text):
    return recorded(quicken(markdown.Markdown(**SETTINGS)), text)


def test_a_text_is_searched_only_by_the_patterns_it_can_match():
    searched, html = searches("Plain words without any trigger")
    assert (searched, html) == ([], "<p>Plain words without any trigger</p>")
    searched, html = searches("One apostrophe: it's here")
    assert searched and {needs for needs, _text, _start in searched} == {"'"}
    assert html == render_both("One apostrophe: it's here")[0]
    searched, _html = searches("Dots... and a dash -- but no quote")
    assert {needs for needs, _text, _start in searched} == {"...", "--"}


def test_quickening_twice_changes_nothing():
    once = quicken(markdown.Markdown(**SETTINGS))
    twice = quicken(quicken(markdown.Markdown(**SETTINGS)))
    assert [needs for _pattern, needs in twice.treeprocessors["smarty"].plan] == \
        [needs for _pattern, needs in once.treeprocessors["smarty"].plan]
    for text in TRICKY:
        assert twice.reset().convert(text) == once.reset().convert(text)


@pytest.mark.parametrize("text", TRICKY + ["Many 'small' 'quoted' 'words' -- 'and' \"more\" -- 'still'... " * 5])
def test_the_quick_pass_makes_markdowns_own_searches_less_the_hopeless_ones(text):
    """Same searches, in the same order and from the same place, as Markdown's own pass, except those for a
    pattern whose trigger the text lacks (they can find nothing)."""
    stock, stock_html = recorded(markdown.Markdown(**SETTINGS), text)
    quick, quick_html = searches(text)
    assert quick == [(needs, data, start) for needs, data, start in stock if needs in data]
    assert quick_html == stock_html
