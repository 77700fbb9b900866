"""Pelican wiring for the diagrams: one SVG per model article, set on `article.diagram_svg`."""

from pathlib import Path

import yaml
from catalog.language import interface_gettext
from pelican import signals

from .draw import DiagramError, draw, draw_alignment


def diagram_for(meta, *, title, ident, source="model", _=str):
    """The SVG for one model's front matter: elements in order, `core` in the centre, elements with
    `known: false` drawn as unknown. Bad input names the file and field."""
    elements = meta["elements"]
    unknown = {i for i, e in enumerate(elements) if e.get("known") is False}
    try:
        return draw(meta["diagram"], [e.get("name") for e in elements], title=title, ident=ident,
                    axes=meta.get("axes"), core=meta.get("core"), unknown=unknown, _=_)
    except DiagramError as error:
        raise DiagramError(f"{source}: {error}") from None


def add_diagrams(generator):
    """Draw the diagram of every model once the articles are read."""
    _ = interface_gettext(generator.settings)
    for article in generator.articles:
        article.diagram_svg = diagram_for(article.metadata, title=article.title, ident=article.slug,
                                          source=article.relative_source_path, _=_)


def alignment_rows(data, models, rel):
    """Check the alignment data against the models; return (scale names, rows) for the drawing."""
    scale = [step["name"] for step in data["scale"]]
    rows = []
    for i, entry in enumerate(data["models"]):
        model = models.get(entry["slug"])
        if model is None:
            raise DiagramError(f"{rel}: models[{i}].slug: the slug of an existing model ('{entry['slug']}')")
        elements = model.metadata["elements"]
        cells = {}
        for j, stage in enumerate(entry["stages"]):
            where = f"{rel}: models[{i}].stages[{j}]"
            if not 1 <= stage["element"] <= len(elements):
                raise DiagramError(f"{where}.element: an element number of {entry['slug']} (1..{len(elements)})")
            if not 1 <= stage["step"] <= len(scale):
                raise DiagramError(f"{where}.step: a step of the scale (1..{len(scale)})")
            cells.setdefault(stage["step"] - 1, []).append(stage["name"])
        rows.append((model.title, cells))
    return scale, rows


def alignment_data(articles, rel):
    """The data of alignment file `rel`: content/alignment.yaml as the content check read it (the
    catalogue carries it), any other file read here."""
    catalog = articles.context.get("catalog")
    if rel == "alignment.yaml" and getattr(catalog, "alignment", None) is not None:
        return catalog.alignment
    return yaml.safe_load(Path(articles.settings["PATH"], rel).read_bytes())   # YAML is UTF-8 unless a BOM says otherwise


def add_alignment(generators):
    """Draw the side-by-side view of the maturity models on the page that asks for it."""
    articles = next(g for g in generators if hasattr(g, "articles"))
    pages = next(g for g in generators if hasattr(g, "hidden_pages"))
    models = {a.slug: a for a in articles.articles}
    for page in pages.pages:
        source = page.metadata.get("alignment")
        if not source:
            continue
        rel = source if isinstance(source, str) else "alignment.yaml"
        data = alignment_data(articles, rel)
        scale, rows = alignment_rows(data, models, rel)
        page.alignment_svg = draw_alignment(scale, rows, title=page.title, ident="naast-elkaar")


def register():
    """Connect the handlers: model diagrams after reading articles, the alignment once all is read."""
    signals.article_generator_finalized.connect(add_diagrams)
    signals.all_generators_finalized.connect(add_alignment)
