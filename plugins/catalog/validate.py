"""Read and check every content data file once, and report every fault at once, one line each.

This module needs PyYAML and jsonschema only (no Pelican), so `make check` runs it on its own:

    python -m catalog.validate content        (with plugins/ on the import path)

Each fault is one line `<file>:<line>: <field>: <what was expected>`, followed by a count line.
The shape of each file is checked against the JSON Schemas in `schemas/`; the rules that need more
than one field or more than one file are the small named functions below.
"""

import dataclasses
import datetime
import difflib
import json
import os
import pathlib
import re
import sys
import urllib.parse

import jsonschema
import yaml

from .contract import compute_confidence, confidence_reasons

SCHEMAS = pathlib.Path(__file__).resolve().parent.parent.parent / "schemas"
FRONT_RE = re.compile(r"\A(?P<lead>\s*)---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*$\n?(?P<body>.*)\Z",
                      re.MULTILINE | re.DOTALL)
SUPPORT_RE = re.compile(r"^element-(\d+)$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ONBEKEND = "onbekend"
# Editions below content/<lang>/ (pelicanconf.py's TRANSLATION_PATHS for the build); a content folder
# without that subfolder is a one-language site (the test fixtures), paired with nothing.
TRANSLATED_LANGS = ("en",)
TYPE_WORDS = {"string": "a text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
              "array": "a list", "object": "a mapping of keys to values", "null": "nothing"}
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclasses.dataclass
class Problem:
    """One fault in one file: printed as `<file>:<line>: <field>: <expected>`."""

    path: str
    line: int
    field: str
    expected: str

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.expected}"


@dataclasses.dataclass
class DataFile:
    """A parsed YAML document with the line of every key and list item (path tuple -> 1-based line)."""

    path: str
    shown: str
    data: object
    lines: dict
    body: str = ""
    problems: list = dataclasses.field(default_factory=list)
    usable: bool = False  # a model file that passed every one-file check

    def line(self, *where):
        """The line of the deepest known part of `where` (a path of keys and indexes)."""
        where = tuple(where)
        while where and where not in self.lines:
            where = where[:-1]
        return self.lines.get(where, self.lines.get((), 1))

    def fault(self, field, expected, *where):
        """Record a fault about `field`, located at the path `where` (or at the field's own key)."""
        if not where:
            where = tuple(int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", field))
        self.problems.append(Problem(self.shown, self.line(*where), field, expected))


@dataclasses.dataclass
class Content:
    """Everything read from a content folder: models by absolute path, the other data, all faults."""

    models: dict
    undocumented: list
    alignment: object
    problems: list


def shown_path(path):
    """The path as an editor types it: relative to the working folder when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _walk_lines(node, where, lines, twice):
    """Record the line of every key and list item; collect keys written twice in one mapping."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here = where + (key.value,)
            if here in lines:
                twice.append((here, key.start_mark.line))
            lines[here] = key.start_mark.line
            _walk_lines(value, here, lines, twice)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[where + (i,)] = item.start_mark.line
            _walk_lines(item, where + (i,), lines, twice)


def parse_yaml(text, path, first_line):
    """Parse YAML once, keeping each key's line (the text starts on line `first_line` of its file); return a
    DataFile (its problems name syntax errors)."""
    doc = DataFile(os.path.abspath(path), shown_path(path), None, {(): first_line})
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.data = loader.construct_document(node)
            lines, twice = {}, []
            _walk_lines(node, (), lines, twice)
            doc.lines.update({k: v + first_line for k, v in lines.items()})
            for where, line in twice:  # YAML keeps the last one silently; an editor wants to know
                doc.problems.append(Problem(doc.shown, line + first_line, field_name(where),
                                            "each key once in its block (this one is written twice)"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context_mark", None)
        if context is not None and getattr(exc, "context", None) and context.line + first_line != line:
            problem += f"; {exc.context} that starts on line {context.line + first_line}"
        doc.problems.append(Problem(doc.shown, line, "YAML", f"valid YAML syntax ({problem})"))
    finally:
        loader.dispose()
    return doc


def _read_text(path):
    """The file's text, or a DataFile naming the fault when it is not UTF-8 text."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        doc = DataFile(os.path.abspath(path), shown_path(path), None, {(): 1})
        line = exc.object[:exc.start].count(b"\n") + 1
        doc.problems.append(Problem(doc.shown, line, "text", "UTF-8 text (save the file as UTF-8)"))
        return doc


def read_markdown(path):
    """Read a Markdown file once: its front matter (with key lines) and its body."""
    text = _read_text(path)
    if isinstance(text, DataFile):
        return text
    match = FRONT_RE.match(text)
    if not match:
        doc = DataFile(os.path.abspath(path), shown_path(path), None, {(): 1})
        doc.fault("front matter", "a YAML block between two '---' lines at the top of the file")
        return doc
    first = match.group("lead").count("\n") + 2  # the line after the opening '---'
    doc = parse_yaml(match.group("yaml"), path, first)
    doc.body = match.group("body")
    return doc


def read_yaml(path):
    """Read a YAML data file once."""
    text = _read_text(path)
    return text if isinstance(text, DataFile) else parse_yaml(text, path, 1)


# ---- schemas -------------------------------------------------------------------------------

_VALIDATORS = {}


def schema_validator(name):
    """A validator for `schemas/<name>.schema.json`, built once."""
    if name not in _VALIDATORS:
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        _VALIDATORS[name] = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return _VALIDATORS[name]


def as_json(value):
    """The YAML data as JSON sees it (dates become YYYY-MM-DD texts), for schema validation."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):  # a datetime too: its time stays, so a day-only field rejects it
        return value.isoformat()
    return value


def field_name(path):
    """`sources[1].kind` from ('sources', 1, 'kind')."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "front matter"


def _plain(error):
    """What the schema expected at the error's place, in plain words."""
    schema, kind = error.schema, error.validator
    if kind == "enum":
        return "one of " + ", ".join(str(v) for v in error.validator_value)
    if kind == "const":
        return f"{error.validator_value!r}"
    if "x-expected" in schema and kind in ("type", "pattern", "format", "minLength", "minimum", "maximum"):
        return schema["x-expected"]
    if kind == "type":  # one type name or a list of them, each one of the seven JSON Schema types
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return " or ".join(TYPE_WORDS[t] for t in types)
    if kind == "minItems":
        return schema.get("x-expected", "a list") + f" (at least {error.validator_value})"
    if kind == "maxItems":
        return f"at most {error.validator_value} item(s)"
    if kind == "uniqueItems":
        return "each item only once"
    if kind == "minLength":
        return "a non-empty text"
    if kind == "minimum":
        return f"a number of at least {error.validator_value}"
    return error.message


def schema_problems(doc, schema_name):
    """Check `doc.data` against its schema; every fault becomes one Problem on `doc`."""
    seen = set()
    for error in schema_validator(schema_name).iter_errors(as_json(doc.data)):
        path = tuple(error.absolute_path)
        if error.validator == "required":
            for key in error.validator_value:
                if isinstance(error.instance, dict) and key not in error.instance and (path, key) not in seen:
                    seen.add((path, key))
                    dutch = key[:-3] if key.endswith("_en") else None
                    if dutch in error.instance:  # an English text goes beside its Dutch one: point there
                        doc.fault(field_name(path + (key,)), f"this required key is missing (the English "
                                                             f"text beside '{dutch}')", *path, dutch)
                    else:
                        doc.fault(field_name(path + (key,)), "this required key is missing", *path)
        elif error.validator == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in allowed:
                    near = difflib.get_close_matches(str(key), allowed, n=1)
                    hint = f"did you mean '{near[0]}'?" if near else "one of " + ", ".join(allowed)
                    doc.fault(field_name(path + (key,)), f"a known key, not '{key}' ({hint})", *(path + (key,)))
        else:  # if/then/else and allOf give the errors of their parts, which land here
            doc.fault(field_name(path), _plain(error), *path)


# ---- rules that need more than the schema: model files ------------------------------------

def rule_slug_matches_file(doc, category_folder):
    """The file is content/models/<category>/<slug>.md."""
    meta = doc.data
    stem = pathlib.Path(doc.path).stem
    if isinstance(meta.get("slug"), str) and SLUG_RE.match(meta["slug"]) and meta["slug"] != stem:
        doc.fault("slug", f"the file name without .md ('{stem}'), not '{meta['slug']}'")
    if isinstance(meta.get("category"), str) and category_folder and meta["category"] != category_folder:
        doc.fault("category", f"the folder the file is in ('{category_folder}'), not '{meta['category']}'")


def rule_onbekend_has_note(doc):
    """A model whose makers are 'onbekend' says why in creators_note."""
    creators = doc.data.get("creators")
    if isinstance(creators, list) and ONBEKEND in creators and not doc.data.get("creators_note"):
        doc.fault("creators_note", "a note on what is known about the makers, required with 'onbekend'", "creators")


def rule_year_not_in_future(doc, this_year):
    """A year is at most this year."""
    year = doc.data.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and year > this_year:
        doc.fault("year", f"a year no later than {this_year} (not {year}), or no year key when unknown")


def rule_sources_seen_not_in_future(doc, today):
    """A source's `seen` date is a day it was really read: not after today."""
    for i, source in enumerate(doc.data.get("sources") or []):
        seen = source.get("seen") if isinstance(source, dict) else None
        if isinstance(seen, datetime.date) and not isinstance(seen, datetime.datetime) and seen > today:
            doc.fault(f"sources[{i}].seen", f"the day the source was really read, not after today ({today}), "
                                            f"not {seen}")


def rule_matrix_shape(doc):
    """A matrix diagram has exactly four elements and axes; axes belong to a matrix only."""
    meta = doc.data
    elements = meta.get("elements")
    if meta.get("diagram") == "matrix":
        if isinstance(elements, list) and len(elements) != 4:
            doc.fault("elements", f"exactly 4 elements for a matrix diagram (found {len(elements)})")
        if "axes" not in meta:
            doc.fault("axes", "an x and a y label, required for a matrix diagram", "diagram")
    elif "axes" in meta:
        doc.fault("axes", "no axes: they belong to a matrix diagram only")


CORE_DIAGRAMS = ("petals", "cycle")  # the diagrams that can draw an element in the centre


def rule_core_exists(doc):
    """`core` is the position of an element that exists."""
    core, elements = doc.data.get("core"), doc.data.get("elements")
    if isinstance(core, int) and isinstance(elements, list) and not 1 <= core <= len(elements):
        doc.fault("core", f"the position of an element (1 to {len(elements)}), not {core}")
    if core is not None and doc.data.get("diagram") not in CORE_DIAGRAMS:
        doc.fault("core", f"only a {' or '.join(CORE_DIAGRAMS)} diagram has a centre element")


def _known(element):
    return not (isinstance(element, dict) and element.get("known") is False)


def rule_supports_elements_exist(doc):
    """Each `element-N` in supports names an element that exists and is not `known: false`."""
    elements = doc.data.get("elements")
    if not isinstance(elements, list):
        return
    for i, source in enumerate(doc.data.get("sources") or []):
        if not isinstance(source, dict) or not isinstance(source.get("supports"), list):
            continue
        for j, item in enumerate(source["supports"]):
            match = SUPPORT_RE.match(str(item))
            if not match:
                continue
            n = int(match.group(1))
            field = f"sources[{i}].supports[{j}]"
            if not 1 <= n <= len(elements):
                doc.fault(field, f"an element that exists (element-1 to element-{len(elements)}), not '{item}'")
            elif not _known(elements[n - 1]):
                doc.fault(field, f"a known element: element {n} is marked known: false, so no source backs it")


HOST_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", re.IGNORECASE)


def _well_formed_url(url):
    """http(s), a host name of dot-separated labels ending in a real top-level name, a numeric port if any."""
    parts = urllib.parse.urlsplit(url)
    labels = (parts.hostname or "").split(".")
    _port = parts.port  # raises ValueError on a port that is not a number
    return (parts.scheme in ("http", "https") and len(labels) >= 2 and all(HOST_LABEL_RE.match(x) for x in labels)
            and re.match(r"^[a-z]{2,}$", labels[-1], re.IGNORECASE) is not None and not re.search(r"\s", url))


def rule_source_urls_well_formed(doc):
    """Every source URL is a full http(s) address with a real host name (the schema checks the rough shape,
    this rule the host: `https://www.example,org/` passes the shape but not this)."""
    for i, source in enumerate(doc.data.get("sources") or []):
        if isinstance(source, dict) and isinstance(source.get("url"), str):
            url = source["url"]
            try:
                good = _well_formed_url(url)
            except ValueError:
                good = False
            if not good and re.match(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$", url):
                if re.search(r"\s", url):  # a line break at the end passes the shape: the host is not the fault
                    doc.fault(f"sources[{i}].url", "a full http(s) address without spaces or line breaks")
                    continue
                host = urllib.parse.urlsplit(url).netloc
                doc.fault(f"sources[{i}].url", f"a full http(s) address with a real host name ('{host}' is not one)")


def rule_stated_facts_backed(doc):
    """Makers, year and organisation, when stated, are backed by at least one source."""
    meta = doc.data
    sources = meta.get("sources")
    if not isinstance(sources, list) or not all(isinstance(s, dict) and isinstance(s.get("supports"), list)
                                                for s in sources):
        return  # the schema has reported the sources without supports
    backed = {item for s in sources for item in s["supports"]}
    creators = meta.get("creators")
    facts = {"year": "year" in meta, "organisation": "organisation" in meta,
             "makers": isinstance(creators, list) and ONBEKEND not in creators}
    for fact, stated in facts.items():
        if stated and fact not in backed:
            key = "creators" if fact == "makers" else fact
            doc.fault(key, f"a source whose supports lists '{fact}' (the page states it as a fact)")


def rule_confidence_matches(doc):
    """A typed confidence equals the computed one; the computed value is what the site shows."""
    typed = doc.data.get("confidence")
    computed = compute_confidence(doc.data)
    if typed is not None and typed != computed:
        why = "; ".join(confidence_reasons(doc.data, computed))
        doc.fault("confidence", f"'{computed}' as computed from the sources, not '{typed}' ({why}); "
                                "leave the key out and the build fills it in")
    return computed


MODEL_RULES = (rule_onbekend_has_note, rule_matrix_shape, rule_core_exists, rule_supports_elements_exist,
               rule_source_urls_well_formed, rule_stated_facts_backed)


def check_model_file(doc, this_year, category_folder=None):
    """Schema plus one-file rules for one model; returns True when the model can be used further."""
    if doc.problems:
        return False
    if not isinstance(doc.data, dict):
        doc.fault("front matter", "a YAML mapping of keys to values")
        return False
    before = len(doc.problems)
    schema_problems(doc, "model")
    rule_slug_matches_file(doc, category_folder)
    rule_year_not_in_future(doc, this_year)
    rule_sources_seen_not_in_future(doc, datetime.date.today())
    shape_ok = len(doc.problems) == before
    for rule in MODEL_RULES:
        try:
            rule(doc)
        except (TypeError, AttributeError, KeyError):
            pass  # a wrong shape the schema has already reported
    if shape_ok:
        rule_confidence_matches(doc)
    return len(doc.problems) == before


# ---- rules across files --------------------------------------------------------------------

def rule_unique_slugs(models):
    """No two model files share a slug."""
    first = {}
    for doc in models:
        slug = doc.data.get("slug")
        if slug in first:
            doc.fault("slug", f"a unique slug ('{slug}' is also used by {first[slug].shown})")
        else:
            first[slug] = doc


def rule_related_exist(models, unreadable=()):
    """Every related slug is another model that exists (a file that could not be read counts by its name,
    so its own fault is not echoed by every model that links to it)."""
    slugs = {doc.data.get("slug") for doc in models} | {pathlib.Path(doc.path).stem for doc in unreadable}
    for doc in models:
        for i, other in enumerate(doc.data.get("related") or []):
            if other == doc.data.get("slug"):
                doc.fault(f"related[{i}]", "another model than this one")
            elif other not in slugs:
                doc.fault(f"related[{i}]", f"the slug of an existing model ('{other}' does not exist)")


def rule_assessments_exist(models, assessment_ids):
    """Every `assessment:` names a definition in content/assessments."""
    for doc in models:
        wanted = doc.data.get("assessment")
        if wanted and wanted not in assessment_ids:
            doc.fault("assessment", f"the id of an assessment in content/assessments ('{wanted}' is not one)")


def _same_stage(short, full):
    """The alignment may shorten a stage name to its first words ('Crawling' for 'Crawling: People ...')."""
    short, full = short.strip().lower(), str(full or "").strip().lower()
    return bool(short) and full.startswith(short)


def rule_alignment_names_real_stages(alignment, models_by_slug):
    """alignment.yaml names real models, real known elements by position and name, and real steps."""
    data = alignment.data
    steps = {s.get("id") for s in data.get("scale") or [] if isinstance(s, dict)}
    for i, entry in enumerate(data.get("models") or []):
        if not isinstance(entry, dict):
            continue
        slug = entry.get("slug")
        model = models_by_slug.get(slug)
        if model is None:
            alignment.fault(f"models[{i}].slug", f"the slug of an existing model ('{slug}' does not exist)")
            continue
        elements = model.data.get("elements") or []
        for j, stage in enumerate(entry.get("stages") or []):
            if not isinstance(stage, dict):
                continue
            where = f"models[{i}].stages[{j}]"
            n, name = stage.get("element"), stage.get("name")
            if isinstance(n, int) and not 1 <= n <= len(elements):
                alignment.fault(f"{where}.element", f"an element number of {slug} (1 to {len(elements)}), not {n}")
            elif isinstance(n, int) and not _known(elements[n - 1]):
                alignment.fault(f"{where}.element", f"a known element of {slug}: element {n} is marked known: false")
            elif isinstance(n, int) and isinstance(name, str) and not _same_stage(name, elements[n - 1].get("name")):
                alignment.fault(f"{where}.name", f"the name of element {n} of {slug} or its first words "
                                                 f"('{elements[n - 1].get('name')}'), not '{name}'")
            if isinstance(stage.get("step"), int) and stage["step"] not in steps:
                alignment.fault(f"{where}.step", "a step id of the scale (" + ", ".join(map(str, sorted(steps))) + ")")


def rule_undocumented_not_a_page(undocumented, models_by_slug):
    """A model listed as undocumented has no model page of the same slug."""
    for doc in undocumented:
        slug = pathlib.Path(doc.path).stem
        if slug in models_by_slug:
            doc.fault("name", f"a model without a page: {models_by_slug[slug].shown} describes '{slug}' "
                              "(delete one of the two)")


# ---- the whole content folder ----------------------------------------------------------------

def _files(folder, suffix):
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, f) for f in sorted(files) if f.endswith(suffix) and not f.startswith(".")]
    return found


def assessment_ids(content_path, folder):
    """The ids of the assessment definitions (each file's top-level `id:` line, without parsing it twice)."""
    ids = set()
    for path in _files(os.path.join(content_path, folder), ".yaml"):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                match = re.match(r"^id:\s*['\"]?([^'\"\s#]+)", line)
                if match:
                    ids.add(match.group(1))
                    break
    return ids


def _read_shared(content_path, alignment, undocumented, this_year):
    """alignment.yaml and the undocumented list, read and checked on their own (schema, one-file rules).

    `usable` says whether alignment.yaml could be read as a mapping, so the rule that also needs the
    models may look at it."""
    align = None
    align_path = os.path.join(content_path, alignment)
    if os.path.isfile(align_path):
        align = read_yaml(align_path)
        if not align.problems:
            if not isinstance(align.data, dict):
                align.fault("alignment", "a mapping with scale and models")
            else:
                schema_problems(align, "alignment")
                align.usable = True
    undoc = []
    for path in _files(os.path.join(content_path, undocumented), ".yaml"):
        doc = read_yaml(path)
        if not doc.problems:
            if not isinstance(doc.data, dict):
                doc.fault("entry", "a mapping with name, creators, category, known, missing and sources")
            else:
                schema_problems(doc, "undocumented")
                rule_year_not_in_future(doc, this_year)
                rule_sources_seen_not_in_future(doc, datetime.date.today())
        undoc.append(doc)
    return align, undoc


def check_content(content_path, *, this_year=None, article_paths=("models",), alignment="alignment.yaml",
                  undocumented="undocumented", assessments="assessments", shared=None):
    """Read and check every model file, alignment.yaml and the undocumented list; return Content.

    `shared` is the Content of another edition of the same folder (a translation's check): its
    alignment.yaml and undocumented list are used as read there, not read again, and only the rules
    that need this edition's models are applied to them once more.
    """
    this_year = this_year or datetime.date.today().year
    docs = []
    for sub in article_paths:
        top = os.path.join(content_path, sub)
        for path in _files(top, ".md"):
            doc = read_markdown(path)
            folder = os.path.relpath(os.path.dirname(path), top)
            doc.usable = check_model_file(doc, this_year, None if folder == "." else folder.split(os.sep)[0])
            docs.append(doc)
    good = [d for d in docs if d.usable]
    shaped = [d for d in docs if isinstance(d.data, dict)]
    rule_unique_slugs(shaped)
    rule_related_exist(shaped, [d for d in docs if not isinstance(d.data, dict)])
    rule_assessments_exist(shaped, assessment_ids(content_path, assessments))
    by_slug = {}
    for doc in shaped:
        by_slug.setdefault(doc.data.get("slug"), doc)
    if shared is None:
        align, undoc = _read_shared(content_path, alignment, undocumented, this_year)
    else:
        align, undoc = shared.alignment, shared.undocumented
    if align is not None and align.usable:
        rule_alignment_names_real_stages(align, by_slug)
    rule_undocumented_not_a_page(undoc, by_slug)
    problems = [p for d in docs + undoc + ([align] if align else [])
                for p in sorted(d.problems, key=lambda p: p.line)]
    models = {d.path: d for d in good}
    for doc in good:
        doc.data["confidence"] = compute_confidence(doc.data)
    return Content(models, undoc, align, problems)


def report(problems, stream=None):
    """Print every problem on its own line, then the count (to standard error unless `stream` is given)."""
    stream = stream or sys.stderr
    for problem in problems:
        print(problem, file=stream)
    n = len(problems)
    print(f"{n} content error{'s' if n != 1 else ''} found." if n else "content: no errors",
          file=stream)


def main(argv=None):
    """`python -m catalog.validate [content folder]`: exit 1 and list every fault, or exit 0."""
    from .translations import check_translations  # noqa: PLC0415 - translations imports this module

    args = sys.argv[1:] if argv is None else argv
    content = args[0] if args else "content"
    result = check_content(content)
    problems = list(result.problems)
    editions = {}
    for lang in (lang for lang in TRANSLATED_LANGS if os.path.isdir(os.path.join(content, lang))):
        edition = check_content(content, article_paths=(os.path.join(lang, "models"),), shared=result)
        problems += [p for p in edition.problems if p not in problems]  # shared files: their faults again
        problems += check_translations(content, lang, list(result.models.values()), list(edition.models.values()))
        editions[lang] = len(edition.models)
    if problems:
        report(problems)
        return 1
    counts = "".join(f", {n} in '{lang}'" for lang, n in editions.items())
    print(f"content: {len(result.models)} models{counts}, {len(result.undocumented)} undocumented, no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
