"""Validate every model file, derive the catalogue indexes, and write the open data files.

Pelican fills gaps silently (a missing category becomes the folder name), so the contract is
checked against each file's own front matter, read here before Pelican reads the articles.
"""

import csv
import datetime
import html
import io
import json
import os
import re
from dataclasses import dataclass, field

import yaml
from pelican import signals
from pelican.generators import Generator

from .contract import CATEGORY_IDS, ContractError, check_model

FRONT_MATTER_RE = re.compile(r"\A\s*---\s*\n(?P<yaml>.*?)^(?:---|\.\.\.)\s*$", re.MULTILINE | re.DOTALL)
CSV_FIELDS = ("slug", "title", "url", "category", "summary", "creators", "creators_note", "organisation",
              "year", "kind", "diagram", "elements", "sources", "confidence", "unverified", "tags",
              "related", "assessment", "date")


class CatalogError(Exception):
    """A model file breaks the content contract; the message is `<file>: <field>: <expected>`."""


def read_front_matter(path):
    """Return the YAML front matter of a Markdown file as written, or raise ContractError."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    match = FRONT_MATTER_RE.match(text)
    if not match:
        raise ContractError("front matter", "a YAML block between two '---' lines at the top")
    try:
        return yaml.safe_load(match.group("yaml"))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        raise ContractError("front matter", f"valid YAML{line}: {getattr(exc, 'problem', exc)}") from None


def model_files(content_path, article_paths):
    """Every Markdown model file under the article paths, sorted for stable messages."""
    found = []
    for sub in article_paths:
        for root, _dirs, files in os.walk(os.path.join(content_path, sub)):
            found += [os.path.join(root, name) for name in files if name.endswith(".md")]
    return sorted(found)


def validate_catalog(content_path, article_paths, this_year):
    """Check every model file and the links between them; return {slug: front matter}."""
    by_slug, origin = {}, {}
    for path in model_files(content_path, article_paths):
        rel = os.path.relpath(path, content_path)
        try:
            meta = read_front_matter(path)
            check_model(meta, this_year)
        except ContractError as exc:
            raise CatalogError(f"{rel}: {exc.field}: {exc.expected}") from None
        slug = meta["slug"]
        if slug in by_slug:
            raise CatalogError(f"{rel}: slug: a unique slug ('{slug}' is also used by {origin[slug]})")
        by_slug[slug], origin[slug] = meta, rel
    for slug, meta in by_slug.items():
        for i, other in enumerate(meta.get("related", [])):
            if other not in by_slug:
                raise CatalogError(f"{origin[slug]}: related[{i}]: the slug of an existing model "
                                   f"('{other}' does not exist)")
            if other == slug:
                raise CatalogError(f"{origin[slug]}: related[{i}]: another model than this one")
    return by_slug


@dataclass
class CategoryIndex:
    """One of the six categories with its essay and its models."""

    id: str
    name: str
    url: str
    essay: object = None
    models: list = field(default_factory=list)

    @property
    def count(self):
        """Number of models in the category."""
        return len(self.models)


@dataclass
class Catalog:
    """Cross-content indexes the templates read; built once after all generators ran."""

    categories: list
    by_id: dict
    models: list
    newest: list
    by_slug: dict
    by_year: list = field(default_factory=list)
    no_year: list = field(default_factory=list)


def _citation(article):
    """APA-style citation line: Makers (jaar). Titel. Organisatie. URL."""
    makers = [c for c in article.metadata["creators"] if c != "onbekend"] or ["Onbekende maker"]
    names = makers[0] if len(makers) == 1 else ", ".join(makers[:-1]) + " & " + makers[-1]
    year = article.metadata.get("year", "z.d.")
    parts = [f"{names} ({year}).", f"{article.title}."]
    if article.metadata.get("organisation"):
        parts.append(f"{article.metadata['organisation']}.")
    parts.append(article.metadata["sources"][0]["url"])
    return " ".join(parts)


KIND_LABELS = {
    "stages": "fasemodel", "pyramid": "piramide", "cycle": "cyclus", "matrix": "matrix",
    "acronym": "acroniem", "funnel": "trechter", "ladder": "ladder", "framework": "raamwerk",
    "typology": "typologie", "metrics": "set meetwaarden", "map": "landkaart", "steps": "stappenplan",
}


ORGANISATION_WORDS = {"Group", "Research", "University", "College", "Partners", "Digital", "Minds", "Institute",
                      "Consulting", "Social", "Inc", "Ltd", "BV", "Agency", "Marketing", "Media", "Novelli",
                      "Shandwick", "Edelman", "Forrester", "Gartner", "Altimeter"}


def _plain(text):
    """Text without markup: Pelican hands the summary over as HTML (`<p>...</p>`)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", str(text))).split())


def _json_ld(article, settings):
    """schema.org description of the model page, safe to place inside a script element.

    A maker is a Person, or an Organization when the page's organisation field names it or the name
    carries a word only organisations carry (Group, Research, Partners, ...).
    """
    organisation = _plain(article.metadata.get("organisation", ""))

    def creator(name):
        name = _plain(name)
        words = set(re.split(r"[\s/&.,]+", name))
        is_org = (name in organisation or bool(words & ORGANISATION_WORDS) or "&" in name or "/" in name
                  or name.isupper())
        return {"@type": "Organization" if is_org else "Person", "name": name}

    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": _plain(article.title),
        "description": _plain(article.metadata["summary"]),
        "inLanguage": settings.get("DEFAULT_LANG", "nl"),
        "creator": [creator(c) for c in article.metadata["creators"] if c != "onbekend"],
        "about": "social media",
        "citation": [s["url"] for s in article.metadata["sources"]],
    }
    if "year" in article.metadata:
        data["dateCreated"] = str(article.metadata["year"])
    if settings.get("SITEURL") and not settings.get("RELATIVE_URLS"):
        data["url"] = f"{settings['SITEURL']}/{article.url}"
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def check_content(generator):
    """Stop the build before any article is read if a model file breaks the contract."""
    settings = generator.settings
    year = settings.get("CATALOG_THIS_YEAR") or datetime.date.today().year
    validate_catalog(settings["PATH"], settings["ARTICLE_PATHS"], year)


def build_indexes(generators):
    """Attach category, related and citation data to articles and put the catalog in the context."""
    articles = next(g for g in generators if hasattr(g, "articles"))
    pages = next(g for g in generators if hasattr(g, "hidden_pages"))
    settings = articles.settings
    names = dict(settings.get("CATALOG_CATEGORIES", [(c, c) for c in CATEGORY_IDS]))
    by_id = {cid: CategoryIndex(cid, names[cid], settings["CATEGORY_URL"].format(slug=cid)) for cid in names}
    essays = {p.slug: p for p in pages.hidden_pages + pages.pages if p.metadata.get("essay")}
    # An essay is shown on its category page only: drop it from the pages Pelican writes.
    pages.hidden_pages = [p for p in pages.hidden_pages if not p.metadata.get("essay")]
    pages.pages = [p for p in pages.pages if not p.metadata.get("essay")]
    read = len(articles.articles) + len(articles.drafts)
    expected = len(model_files(settings["PATH"], settings["ARTICLE_PATHS"]))
    if read != expected:
        raise CatalogError(f"{settings['PATH']}: models: {expected} model files, but only {read} could be "
                           "read (see the errors above)")
    by_slug = {a.slug: a for a in articles.articles}
    for article in sorted(articles.articles, key=lambda a: a.title.lower()):
        category = by_id[str(article.category)]
        category.models.append(article)
        article.category_info = category
        article.related_models = [by_slug[s] for s in article.metadata.get("related", []) if s in by_slug]
        article.citation = _citation(article)
        article.kind_label = KIND_LABELS.get(article.metadata["kind"], article.metadata["kind"])
        article.json_ld = _json_ld(article, settings)
    for cid, category in by_id.items():
        category.essay = essays.get(cid)
    newest = sorted(articles.articles, key=lambda a: (a.date, a.title), reverse=True)[:6]
    ordered = sorted(by_slug.values(), key=lambda a: a.title.lower())
    years = {}
    for article in ordered:
        if "year" in article.metadata:
            years.setdefault(article.metadata["year"], []).append(article)
    catalog = Catalog(list(by_id.values()), by_id, ordered, newest, by_slug,
                      by_year=sorted(years.items()), no_year=[a for a in ordered if "year" not in a.metadata])
    articles.context["catalog"] = catalog


def _csv_value(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


class OpenDataGenerator(Generator):
    """Writes /data/models.json and /data/models.csv: every front-matter field plus the page url."""

    def generate_context(self):
        """Nothing to read: the data comes from the catalog built by the other generators."""

    def generate_output(self, writer):
        """Write both data files from the catalog in the shared context."""
        catalog = self.context["catalog"]
        records = []
        for article in catalog.models:
            meta = read_front_matter(article.source_path)
            record = {"slug": meta["slug"], "url": article.url, **meta}
            records.append(json.loads(json.dumps(record, default=str)))
        out = os.path.join(self.output_path, "data")
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "models.json"), "w", encoding="utf-8") as handle:
            json.dump({"count": len(records), "license": self.settings.get("LICENSE_NAME"),
                       "models": records}, handle, ensure_ascii=False, indent=1)
        buffer = io.StringIO()
        table = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
        table.writeheader()
        for record in records:
            table.writerow({k: _csv_value(record.get(k)) for k in CSV_FIELDS})
        with open(os.path.join(out, "models.csv"), "w", encoding="utf-8", newline="") as handle:
            handle.write(buffer.getvalue())


def add_generators(pelican):
    """Register the open-data generator."""
    return OpenDataGenerator


def register():
    """Connect the catalog handlers: validate first, index after reading, write data at the end."""
    signals.article_generator_init.connect(check_content)
    signals.all_generators_finalized.connect(build_indexes)
    signals.get_generators.connect(add_generators)
