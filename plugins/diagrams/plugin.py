"""Pelican wiring for the diagrams: one SVG per model article, set on `article.diagram_svg`."""

from pelican import signals

from .draw import draw


def add_diagrams(generator):
    """Draw the diagram of every model once the articles are read."""
    for article in generator.articles:
        meta = article.metadata
        article.diagram_svg = draw(
            meta["diagram"],
            [e["name"] for e in meta["elements"]],
            title=article.title,
            ident=article.slug,
            axes=meta.get("axes"),
        )


def register():
    """Connect the handler to the article generator."""
    signals.article_generator_finalized.connect(add_diagrams)
