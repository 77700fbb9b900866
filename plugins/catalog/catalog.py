"""Pelican side of the catalogue: one read of each model file, the indexes, the open data, the list of
models we could not describe yet.

Every model file is read and checked once, before Pelican starts reading (`catalog.validate`). Any
fault stops the build with one line per fault and no traceback. The model reader registered here
hands the checked front matter to Pelican and renders the Markdown body; nothing reads the files again.
"""

import csv
import datetime
import html
import io
import json
import os
import re
import sys
from dataclasses import dataclass, field

import yaml
from pelican import signals
from pelican.generators import Generator
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from .contract import CATEGORY_IDS, SOURCE_KIND_LABELS, element_known
from .language import N_, interface_gettext
from .smarty import quicken
from .translations import check_translations
from .validate import Content, check_content, report

CSV_FIELDS = ("slug", "title", "url", "category", "summary", "creators", "creators_note", "organisation",
              "year", "kind", "diagram", "elements", "sources", "source_kinds", "confidence", "unverified",
              "tags", "related", "assessment", "date")
UNDOCUMENTED_TITLE = N_("Bekende modellen die we nog niet konden beschrijven")
UNDOCUMENTED_URL = "modellen/nog-niet-beschreven/"  # the page of models we know of but could not describe
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CHECKED = {}  # (content path, article paths) -> catalog.validate.Content of this build
_PRECHECKED = {}  # translated editions checked by the root edition's run, for their own run


class CatalogError(Exception):
    """The catalogue cannot be put together (a fault the content check could not see)."""


def _key(settings):
    return os.path.abspath(settings["PATH"]), tuple(settings["ARTICLE_PATHS"])


def checked_content(settings):
    """The checked content of this build (read once per content folder, edition and process)."""
    return _CHECKED.get(_key(settings))


def check_before_reading(pelican):
    """Read and check every content data file; on any fault print them all and stop before any output.

    The root edition also checks every translated edition (TRANSLATION_PATHS) against itself, so a
    translation whose facts differ, or a page without its counterpart, stops the build before anything
    is written; the translated edition's own run then uses that one read.
    """
    settings = pelican.settings
    key = _key(settings)
    if key in _PRECHECKED:
        _CHECKED[key] = _PRECHECKED.pop(key)
        return
    if not any(os.path.isdir(os.path.join(settings["PATH"], p)) for p in settings["ARTICLE_PATHS"]):
        _CHECKED[key] = Content({}, [], None, [])  # an edition this content folder does not have
        return
    result = check_content(settings["PATH"], article_paths=settings["ARTICLE_PATHS"])
    _CHECKED.pop(key, None)
    problems = list(result.problems)
    for lang, folder in settings.get("TRANSLATION_PATHS", {}).items():
        if not os.path.isdir(os.path.join(settings["PATH"], folder)):
            continue  # a one-language content folder (the test fixtures): nothing to pair
        paths = [os.path.join(folder, p) for p in settings["ARTICLE_PATHS"]]
        edition = check_content(settings["PATH"], article_paths=paths, shared=result)
        problems += [p for p in edition.problems if p not in problems]  # shared data files: their faults again
        problems += check_translations(settings["PATH"], lang, list(result.models.values()),
                                       list(edition.models.values()))
        _PRECHECKED[(key[0], tuple(paths))] = edition
    if problems:
        _PRECHECKED.clear()
        sys.stdout.flush()
        report(problems)  # to standard error
        sys.stderr.flush()
        raise SystemExit(1)  # an exception would make Pelican print a traceback under the list
    _CHECKED[key] = result


class CatalogReader(YAMLMetadataReader):
    """Markdown with YAML front matter; model files come from the check, already parsed and validated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        quicken(self._md)

    def read(self, source_path):
        """Hand the checked front matter to Pelican and render the body; other files as usual."""
        content = checked_content(self.settings)
        doc = content.models.get(os.path.abspath(source_path)) if content else None
        if doc is None:
            return super().read(source_path)
        metadata = self._parse_yaml_metadata(dict(doc.data), source_path)
        return self._md.reset().convert(doc.body), metadata


    def _load_yaml_metadata(self, text, source_path):
        """Pages and essays: the same YAML front matter, parsed with the C loader when it is there."""
        try:
            metadata = yaml.load(text, Loader=YAML_LOADER)
        except yaml.YAMLError:
            return super()._load_yaml_metadata(text, source_path)  # reports the error its own way
        if not isinstance(metadata, dict):
            return super()._load_yaml_metadata(text, source_path)
        return self._parse_yaml_metadata(metadata, source_path)


def use_catalog_reader(readers):
    """Read .md files with the catalogue reader."""
    for ext in CatalogReader.file_extensions:
        readers.reader_classes[ext] = CatalogReader


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
    undocumented: list = field(default_factory=list)
    undocumented_url: str = ""
    alignment: dict = None  # content/alignment.yaml as checked (scale and models), parsed once


def _citation(article, _):
    """APA-style citation line: Makers (year). Title. Organisation. URL (`_` gives the edition's words)."""
    makers = [c for c in article.metadata["creators"] if c != "onbekend"] or [_("Onbekende maker")]
    names = makers[0] if len(makers) == 1 else ", ".join(makers[:-1]) + " & " + makers[-1]
    year = article.metadata.get("year", _("z.d."))
    parts = [f"{names} ({year}).", f"{article.title}."]
    if article.metadata.get("organisation"):
        parts.append(f"{article.metadata['organisation']}.")
    sources = article.metadata["sources"]
    primary = [x for x in sources if x.get("kind") in ("maker", "publisher")]
    parts.append((primary or sources)[0]["url"])  # the makers' own publication when there is one
    return " ".join(parts)


KIND_LABELS = {
    "stages": N_("fasemodel"), "pyramid": N_("piramide"), "cycle": N_("cyclus"), "matrix": N_("matrix"),
    "acronym": N_("acroniem"), "funnel": N_("trechter"), "ladder": N_("ladder"), "framework": N_("raamwerk"),
    "typology": N_("typologie"), "metrics": N_("set meetwaarden"), "map": N_("landkaart"), "steps": N_("stappenplan"),
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
    organisation = article.metadata.get("organisation")

    def creator(name):
        name = _plain(name)
        words = set(re.split(r"[\s/&.,]+", name))
        is_org = (bool(organisation) and name in _plain(organisation) or bool(words & ORGANISATION_WORDS)
                  or "&" in name or "/" in name or name.isupper())
        return {"@type": "Organization" if is_org else "Person", "name": name}

    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": _plain(article.title),
        "description": _plain(article.metadata["summary"]),
        "inLanguage": settings["DEFAULT_LANG"],
        "creator": [creator(c) for c in article.metadata["creators"] if c != "onbekend"],
        "about": "social media",
        "citation": [s["url"] for s in article.metadata["sources"]],
    }
    if "year" in article.metadata:
        data["dateCreated"] = str(article.metadata["year"])
    if settings.get("SITEURL") and not settings.get("RELATIVE_URLS"):
        data["url"] = f"{settings['SITEURL']}/{article.url}"
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


ELEMENT_WORDS = {"stages": N_("Fasen"), "ladder": N_("Treden"), "steps": N_("Stappen"), "pyramid": N_("Lagen")}
FACT_LABELS = {"makers": N_("makers"), "year": N_("jaar"), "organisation": N_("organisatie"), "elements": N_("alle elementen"),
               "figures": N_("cijfers"), "critique": N_("kritiek"), "context": N_("achtergrond")}


def source_facts(meta, _=str):
    """What the templates show about sources: numbered entries and which entries back which fact.

    Returns (sources, facts, element_refs): sources are dicts with n, anchor, title, url, seen, kind,
    kind_label and supports_label; facts maps makers/year/organisation to source numbers; element_refs
    gives, per element, the numbers of the sources that back it.
    """
    elements = meta["elements"]
    entries, facts = [], {"makers": [], "year": [], "organisation": []}
    element_refs = [[] for _ in elements]
    for n, source in enumerate(meta["sources"], 1):
        supports = source["supports"]
        labels = []
        for item in supports:
            if item.startswith("element-"):
                i = int(item.split("-")[1])
                name = elements[i - 1].get("name") or f"element {i}"
                labels.append(_("element %(n)d (%(name)s)") % {"n": i, "name": name})
            else:
                labels.append(_(FACT_LABELS[item]))
            if item in facts:
                facts[item].append(n)
        for i, element in enumerate(elements, 1):
            if element_known(element) and ("elements" in supports or f"element-{i}" in supports):
                element_refs[i - 1].append(n)
        entries.append({
            "n": n, "anchor": f"bron-{n}", "title": source["title"], "url": source["url"],
            "seen": source["seen"], "kind": source["kind"], "kind_label": SOURCE_KIND_LABELS[source["kind"]],
            "supports": supports, "supports_label": ", ".join(labels),
        })
    return entries, facts, element_refs


def elements_known_label(meta, _=str):
    """('Fasen', '3 van 8 bekend') when some elements are known: false, else None."""
    elements = meta["elements"]
    known = sum(1 for e in elements if element_known(e))
    if known == len(elements):
        return None
    return (ELEMENT_WORDS.get(meta["kind"], N_("Elementen")),
            _("%(known)d van %(total)d bekend") % {"known": known, "total": len(elements)})


H3_RE = re.compile(r"(<h3\b[^>]*>)(.*?)(</h3>)", re.S)
TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                            "\u2014": "-", "\u00a0": " "})


def _heading_text(text):
    """Heading or element name as plain lower-case words: tags, entities, curly quotes and numbering gone."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text)).translate(TYPOGRAPHY)
    return " ".join(re.sub(r"^\s*\d+[.)]\s*", "", text).lower().split())


def refs_html(numbers):
    """[1][2] links to the sources list, as the template macro partials/source_refs.html writes them."""
    links = "".join(f'<a class="ref" href="#bron-{n}" aria-label="bron {n}">[{n}]</a>' for n in numbers)
    return f' <span class="refs">{links}</span>' if numbers else ""


def element_heading_refs(content, elements, element_refs):
    """Add each element's source links to its level-3 heading in the body (a heading names the element,
    possibly after a number, possibly followed by more words)."""
    names = [(_heading_text(e["name"]), i) for i, e in enumerate(elements)
             if element_known(e) and e.get("name") and element_refs[i]]

    def add(match):
        text = _heading_text(match.group(2))
        fits = [(name, i) for name, i in names
                if text == name or (text.startswith(name) and not text[len(name)].isalnum())]
        if not fits:
            return match.group(0)
        _name, i = max(fits, key=lambda fit: len(fit[0]))
        return match.group(1) + match.group(2) + refs_html(element_refs[i]) + match.group(3)

    return H3_RE.sub(add, content) if names else content


def _decorate(article, by_id, by_slug, settings):
    """Everything one model page shows beyond its front matter, computed here so templates only present."""
    meta = article.metadata
    _ = interface_gettext(settings)
    article.category_info = by_id[str(article.category)]
    article.related_models = [by_slug[s] for s in meta.get("related", []) if s in by_slug]
    article.citation = _citation(article, _)
    article.kind_label = KIND_LABELS[meta["kind"]]  # the schema allows no other kind
    article.json_ld = _json_ld(article, settings)
    article.sources_info, article.fact_refs, article.element_refs = source_facts(meta, _)
    article.elements_known = elements_known_label(meta, _)
    if article._content:
        article._content = element_heading_refs(article._content, meta["elements"], article.element_refs)
    article.confidence = meta["confidence"]


def build_indexes(generators):
    """Attach category, related, source and citation data to articles and put the catalog in the context."""
    articles = next(g for g in generators if hasattr(g, "articles"))
    pages = next(g for g in generators if hasattr(g, "hidden_pages"))
    settings = articles.settings
    names = dict(settings.get("CATALOG_CATEGORIES", [(c, c) for c in CATEGORY_IDS]))
    by_id = {cid: CategoryIndex(cid, names[cid], settings["CATEGORY_URL"].format(slug=cid)) for cid in names}
    essays = {p.slug: p for p in pages.hidden_pages + pages.pages if p.metadata.get("essay")}
    # An essay is shown on its category page only: drop it from the pages Pelican writes.
    pages.hidden_pages = [p for p in pages.hidden_pages if not p.metadata.get("essay")]
    pages.pages = [p for p in pages.pages if not p.metadata.get("essay")]
    content = checked_content(settings)
    every = articles.articles + articles.hidden_articles + articles.drafts
    if content is not None and len(every) != len(content.models):
        missing = sorted(set(content.models) - {os.path.abspath(a.source_path) for a in every})
        raise CatalogError(f"{missing[0] if missing else settings['PATH']}: models: {len(content.models)} model "
                           f"files, but Pelican read {len(every)} (see its messages above)")
    by_slug = {a.slug: a for a in articles.articles}
    for article in every:
        _decorate(article, by_id, by_slug, settings)
    for article in sorted(articles.articles, key=lambda a: a.title.lower()):
        article.category_info.models.append(article)
    for cid, category in by_id.items():
        category.essay = essays.get(cid)
    newest = sorted(articles.articles, key=lambda a: (a.date, a.title), reverse=True)[:6]
    ordered = sorted(by_slug.values(), key=lambda a: a.title.lower())
    years = {}
    for article in ordered:
        if "year" in article.metadata:
            years.setdefault(article.metadata["year"], []).append(article)
    undocumented = undocumented_entries(content, names, settings["DEFAULT_LANG"])
    catalog = Catalog(list(by_id.values()), by_id, ordered, newest, by_slug,
                      by_year=timeline(years, undocumented, datetime.date.today().year),
                      no_year=[a for a in ordered if "year" not in a.metadata])
    catalog.undocumented = undocumented
    catalog.undocumented_url = UNDOCUMENTED_URL
    catalog.alignment = content.alignment.data if content and content.alignment else None
    articles.context["catalog"] = catalog


def timeline(pages_by_year, undocumented, this_year):
    """Every year from the first model to this year: (year, model pages, models not yet described).

    Years without a model stay on the list, so a reader sees where the catalogue is thin.
    """
    later = {}
    for entry in undocumented:
        if entry["year"]:
            later.setdefault(entry["year"], []).append(entry)
    years = set(pages_by_year) | set(later)
    if not years:
        return []
    return [(year, pages_by_year.get(year, []), later.get(year, []))
            for year in range(min(years), max(max(years), this_year) + 1)]


def _in_language(data, lang):
    """`data` with each text in the edition's language: the Dutch key holds the English text beside it
    (`known_en`) in the English edition; the `_en` keys themselves are left out."""
    shown = {k: v for k, v in data.items() if not k.endswith("_en")}
    if lang == "en":
        shown.update({k[:-3]: v for k, v in data.items() if k.endswith("_en")})
    return shown


def undocumented_entries(content, category_names, lang):
    """The models we know of but could not describe, sorted by name, ready for the template, with the
    texts of the edition's language (`lang`: the build's DEFAULT_LANG)."""
    entries = []
    for doc in content.undocumented if content else []:
        data = _in_language(doc.data, lang)
        entries.append({
            "slug": os.path.splitext(os.path.basename(doc.path))[0],
            "name": data["name"], "creators": data["creators"], "creators_note": data.get("creators_note"),
            "year": data.get("year"), "category": data["category"],
            "category_name": category_names.get(data["category"], data["category"]),
            "known": data["known"], "missing": data["missing"],
            "sources": [{**_in_language(s, lang), "kind_label": SOURCE_KIND_LABELS[s["kind"]]}
                        for s in data["sources"]],
        })
    return sorted(entries, key=lambda e: e["name"].lower())


def _csv_value(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def open_data_record(article, meta):
    """One model as open data: its checked front matter (computed confidence included) and its url.

    Dates stay date objects here; both writers turn them into YYYY-MM-DD texts as they serialise."""
    record = {"slug": meta["slug"], "url": article.url, **meta}
    record["source_kinds"] = sorted({s["kind"] for s in meta["sources"]})
    return record


class OpenDataGenerator(Generator):
    """Writes /data/models.json and /data/models.csv from the checked front matter, and the page of
    models we could not describe yet."""

    def generate_context(self):
        """Nothing to read: the data comes from the checked content and the catalog."""

    def generate_output(self, writer):
        """Write both data files and the undocumented-models page."""
        catalog = self.context["catalog"]
        content = checked_content(self.settings)
        records = [open_data_record(a, content.models[os.path.abspath(a.source_path)].data)
                   for a in catalog.models]
        out = os.path.join(self.output_path, "data")
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "models.json"), "w", encoding="utf-8") as handle:
            json.dump({"count": len(records), "license": self.settings.get("LICENSE_NAME"),
                       "models": records, "undocumented": catalog.undocumented},
                      handle, ensure_ascii=False, indent=1, default=str)
        buffer = io.StringIO()
        table = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
        table.writeheader()
        for record in records:
            table.writerow({k: _csv_value(record.get(k)) for k in CSV_FIELDS})
        with open(os.path.join(out, "models.csv"), "w", encoding="utf-8", newline="") as handle:
            handle.write(buffer.getvalue())
        url = catalog.undocumented_url
        writer.write_file(
            os.path.join(url, "index.html"), self.get_template("undocumented"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            title=interface_gettext(self.settings)(UNDOCUMENTED_TITLE), entries=catalog.undocumented,
        )


def add_generators(pelican):
    """At the start of every build run (each rebuild of --autoreload too, so edits are read fresh): check
    the content, then register the open-data generator."""
    check_before_reading(pelican)
    return OpenDataGenerator


def register():
    """Check all content before reading, read model files once, index after reading, write data last."""
    signals.readers_init.connect(use_catalog_reader)
    signals.all_generators_finalized.connect(build_indexes)
    signals.get_generators.connect(add_generators)
