"""Typographic quotes, dashes and ellipses (Markdown's smarty extension) without its cost on plain text.

Smarty runs a second pass of inline patterns over every text in a page: eighteen regular expressions,
each tried on each paragraph, heading and list item, which made it as costly as the rest of Markdown
together. Each of its patterns needs a character the text may not hold at all: a quote, two dashes,
three dots. The pass below skips a pattern when the text lacks what that pattern needs, and otherwise
runs it exactly as Markdown does, so the HTML is the same to the byte (tests/plugins/test_smarty.py,
tests/unit/test_smarty_content.py).
"""

from markdown import treeprocessors, util
from markdown.extensions import smarty

# The regular expression of each smarty pattern -> the text it cannot match without (it consumes it).
NEEDS = {
    smarty.singleQuoteStartRe: "'", smarty.doubleQuoteStartRe: '"',
    smarty.doubleQuoteSetsRe: '"', smarty.singleQuoteSetsRe: "'",
    smarty.doubleQuoteSetsRe2: '"', smarty.singleQuoteSetsRe2: "'",
    smarty.decadeAbbrRe: "'",
    smarty.openingSingleQuotesRegex: "'", smarty.closingSingleQuotesRegex: "'",
    smarty.closingSingleQuotesRegex2: "'", smarty.remainingSingleQuotesRegex: "'",
    smarty.openingDoubleQuotesRegex: '"', smarty.closingDoubleQuotesRegex: '"',
    smarty.closingDoubleQuotesRegex2: '"', smarty.remainingDoubleQuotesRegex: '"',
    r"(?<!-)---(?!-)": "---", r"(?<!-)--(?!-)": "--", r"(?<!\.)\.{3}(?!\.)": "...",
    r"\<\<": "<<", r"\>\>": ">>",
}
SMARTY_PRIORITY = 6  # where SmartyExtension.extendMarkdown registers its pass


class SkippingInlineProcessor(treeprocessors.InlineProcessor):
    """Markdown's inline pass over a fixed list of patterns, skipping the ones the text cannot match.

    A pattern without an entry in NEEDS is always tried, as Markdown tries it.
    """

    def __init__(self, md, patterns):
        super().__init__(md)
        self.inlinePatterns = patterns
        self.plan = [(pattern, NEEDS.get(pattern.pattern)) for pattern in patterns]

    # Markdown calls this method by its private name, from run() and for the text inside a match.
    def _InlineProcessor__handleInline(self, data, patternIndex=0):  # noqa: N802, N803 - Markdown's names
        if isinstance(data, util.AtomicString):
            return data
        start = 0
        plan = self.plan
        while patternIndex < len(plan):
            pattern, needs = plan[patternIndex]
            if needs is not None and needs not in data:
                patternIndex += 1  # what Markdown's loop does after a pattern that found nothing
                start = 0
                continue
            data, matched, start = self._InlineProcessor__applyPattern(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


def quicken(md):
    """Replace the smarty pass of Markdown instance `md` (if it has one) by the skipping one."""
    if "smarty" in md.treeprocessors:
        patterns = list(md.treeprocessors["smarty"].inlinePatterns)
        md.treeprocessors.register(SkippingInlineProcessor(md, patterns), "smarty", SMARTY_PRIORITY)
    return md
