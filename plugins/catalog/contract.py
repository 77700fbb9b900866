"""The model front-matter contract: one function that checks a parsed file and names what is wrong."""

import datetime
import re

CATEGORY_IDS = (
    "volwassenheid-adoptie",
    "implementatie-strategie",
    "focus-benadering",
    "weergave-doelgroep",
    "meten-roi",
    "kanalen-platformen",
)
KINDS = (
    "stages", "pyramid", "cycle", "matrix", "acronym", "funnel", "ladder",
    "framework", "typology", "metrics", "map", "steps",
)
DIAGRAMS = ("stages", "pyramid", "cycle", "matrix", "petals", "funnel", "ladder", "list")
CONFIDENCE = ("hoog", "middel", "laag")
REQUIRED = ("title", "slug", "category", "summary", "creators", "kind", "elements", "diagram",
            "sources", "confidence")
OPTIONAL = ("year", "date", "modified", "tags", "related", "assessment", "creators_note",
            "organisation", "unverified", "axes", "status")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
FIRST_YEAR = 1990  # the field starts with the social web; anything older is a typo


class ContractError(ValueError):
    """One field of one model file breaks the contract."""

    def __init__(self, field, expected):
        super().__init__(f"{field}: {expected}")
        self.field = field
        self.expected = expected


def _text(meta, key):
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContractError(key, "a non-empty text")
    return value


def _list(meta, key, min_items=1):
    value = meta.get(key)
    if not isinstance(value, list) or len(value) < min_items:
        raise ContractError(key, f"a list with at least {min_items} item(s)")
    return value


def check_model(meta, this_year):
    """Check one model's front matter (as written in the file); raise ContractError on the first fault."""
    if not isinstance(meta, dict):
        raise ContractError("front matter", "a YAML mapping of keys to values")
    for key in REQUIRED:
        if key not in meta:
            raise ContractError(key, "this required key is missing")
    unknown = sorted(set(meta) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise ContractError(unknown[0], f"a known key (one of {', '.join(REQUIRED + OPTIONAL)})")
    _text(meta, "title")
    if not SLUG_RE.match(str(meta["slug"])):
        raise ContractError("slug", "lower-case letters, digits and single hyphens")
    if meta["category"] not in CATEGORY_IDS:
        raise ContractError("category", f"one of {', '.join(CATEGORY_IDS)}")
    _text(meta, "summary")
    creators = _list(meta, "creators")
    for i, creator in enumerate(creators):
        if not isinstance(creator, str) or not creator.strip():
            raise ContractError(f"creators[{i}]", "a name")
    if "onbekend" in creators and not meta.get("creators_note"):
        raise ContractError("creators_note", "a note explaining why the maker is 'onbekend'")
    if "year" in meta:
        year = meta["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= this_year:
            raise ContractError("year", f"a whole year between {FIRST_YEAR} and {this_year}, "
                                        "or no year key when the year is unknown")
    if meta["kind"] not in KINDS:
        raise ContractError("kind", f"one of {', '.join(KINDS)}")
    elements = _list(meta, "elements")
    for i, element in enumerate(elements):
        if not isinstance(element, dict):
            raise ContractError(f"elements[{i}]", "a mapping with name and summary")
        for key in ("name", "summary"):
            if not isinstance(element.get(key), str) or not element[key].strip():
                raise ContractError(f"elements[{i}].{key}", "a non-empty text")
    if meta["diagram"] not in DIAGRAMS:
        raise ContractError("diagram", f"one of {', '.join(DIAGRAMS)}")
    if meta["diagram"] == "matrix":
        if len(elements) != 4:
            raise ContractError("elements", "exactly 4 elements for a matrix diagram")
        axes = meta.get("axes")
        if not isinstance(axes, dict) or not all(isinstance(axes.get(k), str) for k in ("x", "y")):
            raise ContractError("axes", "a mapping with x and y labels for a matrix diagram")
    sources = _list(meta, "sources")
    for i, source in enumerate(sources):
        if not isinstance(source, dict):
            raise ContractError(f"sources[{i}]", "a mapping with title, url and seen")
        if not isinstance(source.get("url"), str) or not URL_RE.match(source["url"]):
            raise ContractError(f"sources[{i}].url", "an http(s) URL")
        if not isinstance(source.get("title"), str) or not source["title"].strip():
            raise ContractError(f"sources[{i}].title", "a title saying what the source is")
        if not isinstance(source.get("seen"), datetime.date):
            raise ContractError(f"sources[{i}].seen", "the date the source was consulted (YYYY-MM-DD)")
    if meta["confidence"] not in CONFIDENCE:
        raise ContractError("confidence", f"one of {', '.join(CONFIDENCE)}")
    for key in ("tags", "related", "unverified"):
        if key in meta:
            items = meta[key]
            if not isinstance(items, list) or not all(isinstance(x, str) and x for x in items):
                raise ContractError(key, "a list of texts")
    for i, slug in enumerate(meta.get("related", [])):
        if not SLUG_RE.match(slug):
            raise ContractError(f"related[{i}]", "the slug of another model")
