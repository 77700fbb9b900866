"""Build-time side of the self-assessment.

- loads every `content/assessments/*.yaml` through `scoring.load` (a DefinitionError stops the build,
  naming the file and the path inside it) and checks that every model it names exists;
- attaches each definition to the page that shows it (a model page for a quick check, or a page whose
  front matter says `assessment: <id>`), so the theme renders the form as plain HTML;
- writes the "Hoe we scoren" page from the definitions;
- packs `scoring/` from source, with the definitions as JSON, into one zip for the browser and copies
  the pinned Pyodide, PyScript and qrcode-generator files from node_modules into the output.
"""

import glob
import hashlib
import io
import json
import math
import os
import re
import shutil
import sys
import zipfile

import yaml
from pelican import signals
from pelican.generators import Generator

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import scoring  # noqa: E402 - the package lives at the repository root, beside plugins/

from .editions import EditionError, edition  # noqa: E402

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
QRCODE_FILE = os.path.join("dist", "qrcode.mjs")  # of the npm package qrcode-generator: the printed result's QR code
RUNTIME_PACKAGES = ("pyodide", os.path.join("@pyscript", "core"), "qrcode-generator")  # their versions key the cache
DEFAULTS = {
    "path": "assessments",             # under the content PATH
    "node_modules": os.path.join(ROOT, "node_modules"),
    "scoring_package": os.path.join(ROOT, "scoring"),
    "runtime_dir": "runtime",          # under the output path
    "method_url": "hoe-we-scoren/",
}


# The files a page that starts the runtime on load asks for early (see partials/widget_head.html): they go to the
# HTTP cache while PyScript's modules load, and the worker finds them there. Not the 9.6 MB pyodide.asm.wasm: a
# browser's in-memory cache (private windows) keeps no entry that large, so the worker would download it again.
# Not scoring.zip: PyScript asks for it once Python runs, and a freshly built file is then checked again anyway.
PRELOAD_FETCH = ("pyodide/python_stdlib.zip", "pyodide/pyodide.asm.mjs", "pyodide/pyodide.mjs",
                 "pyodide/pyodide-lock.json")
KEEP = ("pyodide/pyodide.asm.wasm", "scoring.zip")  # kept by the service worker beside the preloaded files


class AssessmentError(Exception):
    """An assessment definition is broken; the message names the file and the path inside it."""


# libyaml's parser where it is installed: the pure-Python one costs a third of a build
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PARSED = {}  # definitions folder -> {file: parsed YAML} of the build under way, shared by its editions


def _settings(settings):
    return {**DEFAULTS, **settings.get("ASSESSMENTS", {})}


def load_definitions(content_path, sub, lang, langs=("nl", "en"), parsed=None):
    """Parse and validate every definition file; return {id: (relative path, dict, Assessment)}, the dict
    holding the texts of edition `lang` (every text must have its translation in each of `langs`).

    `parsed` (file path -> YAML as parsed), when given, is used and filled: the editions of one build
    parse each file once (the parsed data is only read, each edition picks its texts into a new dict).
    """
    found = {}
    for path in sorted(glob.glob(os.path.join(content_path, sub, "*.yaml"))):
        rel = os.path.relpath(path, content_path)
        data = parsed.get(path) if parsed is not None else None
        if data is None:
            try:
                with open(path, encoding="utf-8") as handle:
                    data = yaml.load(handle, Loader=YAML_LOADER)
            except yaml.YAMLError as exc:
                raise AssessmentError(f"{rel}: (document): valid YAML: {exc}") from None
            if parsed is not None:
                parsed[path] = data
        try:
            data = edition(data, lang, langs, langs[0])
        except EditionError as exc:
            raise AssessmentError("\n".join(f"{rel}: {line}" for line in str(exc).splitlines())) from None
        try:
            assessment = scoring.load(data)
        except scoring.DefinitionError as exc:
            raise AssessmentError(f"{rel}: {exc}") from None
        if assessment.id in found:
            raise AssessmentError(f"{rel}: id: a unique id ('{assessment.id}' is also used by {found[assessment.id][0]})")
        found[assessment.id] = (rel, data, assessment)
    return found


def linked_models(data):
    """Every model slug a definition refers to, with the path where it does."""
    if data.get("model"):
        yield "model", data["model"]
    for i, mapping in enumerate(data.get("models", [])):
        yield f"models[{i}].model", mapping.get("model") or mapping.get("slug")
    for i, step in enumerate(data.get("next_steps", [])):
        for j, slug in enumerate(step.get("models", [])):
            yield f"next_steps[{i}].models[{j}]", slug
    for i, mapping in enumerate(data.get("models", [])):
        for j, stage in enumerate(mapping.get("stages", [])):
            related = stage.get("related") or {}
            for k, slug in enumerate(related.get("models", []) if isinstance(related, dict) else related):
                yield f"models[{i}].stages[{j}].related.models[{k}]", slug


def _stage_rules(assessment, stage):
    """Readable form of one stage's conditions, for the method page."""
    rules = []
    if stage.min_tenths > 0:
        rules.append({"kind": "score", "score": stage.min, "because": "", "source": ""})
    for rule in stage.rules:
        if rule.question is not None:
            question = assessment.question(rule.question)
            number = [q.id for q in assessment.questions].index(question.id) + 1
            option = question.options[rule.option_index]
            rules.append({"kind": "question", "question": question.id, "number": number, "text": question.text,
                          "option": option.id, "option_number": rule.option_index + 1,
                          "option_label": option.label, "because": rule.because, "source": rule.source})
        else:
            rules.append({"kind": "dimension", "dimension": rule.dimension,
                          "label": assessment.dimension(rule.dimension).label, "score": rule.tenths / 10,
                          "because": rule.because, "source": rule.source})
    return rules


def method_data(assessment):
    """Everything the method page prints about one assessment, with labels instead of ids."""
    labels = {d.id: d.label for d in assessment.dimensions}
    return {
        "dimension_labels": labels,
        "models": [{
            "model": mapping.model,
            "title": mapping.title,
            "placement": mapping.placement,
            "basis": "overall" if mapping.on_overall else [labels[d] for d in mapping.basis],
            "stages": [{"id": stage.id, "label": stage.label, "position": index + 1,
                        "estimated": stage.estimated, "rules": _stage_rules(assessment, stage)}
                       for index, stage in enumerate(mapping.stages)],
            "estimated": [stage.label for stage in mapping.stages if stage.estimated],
        } for mapping in assessment.models],
        "next_steps": [{"dimension": step.dimension, "label": labels[step.dimension], "text": step.text}
                       for step in assessment.next_steps],
    }


def reading_time(questions):
    """Words to read (question texts and option labels) and minutes: 200 words a minute plus ten seconds
    per question to choose, rounded up. An estimate from the form itself; returns (words, minutes)."""
    words = sum(len(q["text"].split()) + sum(len(o["label"].split()) for o in q["options"])
                for q in questions)
    return words, math.ceil(words / 200 + len(questions) / 6)


def models_json(models):
    """Every model's URL and title by slug, as the form's script reads them (the same for every form)."""
    return json.dumps({slug: [a.url, a.title] for slug, a in models.items()}, ensure_ascii=False)


class Widget:
    """What the theme needs to render one assessment form: the definition and its links."""

    unknown = scoring.UNKNOWN  # the answer value of "weet ik niet"

    def __init__(self, data, models, settings, assessment=None, model_urls=None):
        self.id = data["id"]
        self.data = data
        self.title = data["title"]
        self.questions = data["questions"]
        self.total = len(data["questions"])
        self.words, self.minutes = reading_time(data["questions"])
        self.dimension_names = json.dumps({d["id"]: d["label"] for d in data["dimensions"]}, ensure_ascii=False)
        self.model_urls = model_urls if model_urls is not None else models_json(models)
        self.method_url = _settings(settings)["method_url"]
        self.kind = data.get("kind", "organisation")
        model = models.get(data.get("model"))
        self.model_url = model.url if model else None
        self.model_title = model.title if model else None
        self.method = method_data(assessment or scoring.load(data))


def attach(generators):
    """Validate the definitions and give each page that shows one its Widget(s)."""
    articles = next(g for g in generators if hasattr(g, "articles"))
    pages = next(g for g in generators if hasattr(g, "hidden_pages"))
    settings = articles.settings
    conf = _settings(settings)
    langs = tuple(lang for lang, _name in settings.get("SITE_LANGUAGES", [(settings["DEFAULT_LANG"], "")]))
    folder = os.path.abspath(os.path.join(settings["PATH"], conf["path"]))
    if settings["DEFAULT_LANG"] == langs[0] or folder not in _PARSED:
        _PARSED[folder] = {}  # the root edition comes first in a build and reads the files afresh
    definitions = load_definitions(settings["PATH"], conf["path"], settings["DEFAULT_LANG"], langs, _PARSED[folder])
    models = {a.slug: a for a in articles.articles}
    for rel, data, _assessment in definitions.values():
        for where, slug in linked_models(data):
            if slug not in models:
                raise AssessmentError(f"{rel}: {where}: the slug of an existing model ('{slug}' does not exist)")
    urls = models_json(models)
    widgets = {aid: Widget(data, models, settings, loaded, urls) for aid, (_rel, data, loaded) in definitions.items()}
    for article in articles.articles:
        ids = [aid for aid, w in widgets.items() if w.data.get("model") == article.slug]
        ids += [article.metadata["assessment"]] if article.metadata.get("assessment") else []
        article.widgets = [widgets[i] for i in dict.fromkeys(ids)]
        article.widget = bool(article.widgets)
    for page in pages.pages + pages.hidden_pages:
        wanted = page.metadata.get("assessment")
        if not wanted:
            page.widget = False
            continue
        ids = [s.strip() for s in str(wanted).split(",")]
        for aid in ids:
            if aid not in widgets:
                raise AssessmentError(f"{os.path.relpath(page.source_path, settings['PATH'])}: assessment: "
                                      f"the id of a definition in content/{conf['path']}/ ('{aid}' does not exist)")
        page.widgets = [widgets[i] for i in ids]
        page.widget = True
    articles.context["runtime_preload"] = runtime_preload(conf)
    articles.context["assessments"] = sorted(widgets.values(), key=lambda w: (w.kind, w.title))
    articles.context["assessment_definitions"] = {aid: data for aid, (_r, data, _a) in definitions.items()}


def runtime_preload(conf):
    """What a page that starts the runtime on load preloads, as paths under the runtime folder: {"modules":
    PyScript's entry, the chunk it imports and the plugin chunks that chunk loads before any worker starts,
    "fetch": the small Pyodide files}. Names are read from the installed PyScript, whose chunks carry hashes."""
    dist = os.path.join(conf["node_modules"], "@pyscript", "core", "dist")
    modules = ["pyscript/core.js"]
    try:
        with open(os.path.join(dist, "core.js"), encoding="utf-8") as handle:
            chunks = re.findall(r'from\s*"\./([\w.-]+\.js)"', handle.read())
        for chunk in chunks:
            with open(os.path.join(dist, chunk), encoding="utf-8") as handle:
                plugins = re.findall(r'(?:"[\w-]+"|\w+):\(\)=>import\("\./([\w.-]+\.js)"\)', handle.read())
            modules += [f"pyscript/{name}" for name in (chunk, *plugins)]
    except OSError:
        pass  # ship_runtime names the missing package; the page then only preloads less
    return {"modules": modules, "fetch": list(PRELOAD_FETCH)}


def scoring_zip(package_dir, definitions):
    """The scoring package, from source, plus every definition as JSON, as one zip (bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # each entry says its own compression
        for path in sorted(glob.glob(os.path.join(package_dir, "**", "*.py"), recursive=True)):
            info = zipfile.ZipInfo(os.path.join("scoring", os.path.relpath(path, package_dir)))
            info.compress_type = zipfile.ZIP_DEFLATED  # fixed timestamp: the zip is reproducible
            with open(path, "rb") as handle:
                archive.writestr(info, handle.read())
        info = zipfile.ZipInfo("assessment_definitions.json")
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, json.dumps(definitions, ensure_ascii=False, sort_keys=True, default=str))
    return buffer.getvalue()


class MethodPageGenerator(Generator):
    """Writes the "Hoe we scoren" page: every weight and threshold of every definition."""

    def generate_context(self):
        """Nothing to read; the definitions are already in the shared context."""

    def generate_output(self, writer):
        """Render the method page and ship the runtime files."""
        conf = _settings(self.settings)
        writer.write_file(conf["method_url"] + "index.html", self.get_template("method"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=conf["method_url"])
        ship_runtime(self.output_path, conf, self.context["assessment_definitions"])


def _place(source, target):
    """Hard-link a runtime file into the output (13.5 MB on every build); copy across file systems."""
    if os.path.exists(target):
        os.remove(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def ship_runtime(output_path, conf, definitions):
    """Copy Pyodide, PyScript and the QR encoder from node_modules and write the scoring zip into the output."""
    runtime = os.path.join(output_path, conf["runtime_dir"])
    pyodide_src = os.path.join(conf["node_modules"], "pyodide")
    pyscript_src = os.path.join(conf["node_modules"], "@pyscript", "core", "dist")
    qrcode_src = os.path.join(conf["node_modules"], "qrcode-generator", QRCODE_FILE)
    for needed in (pyodide_src, pyscript_src, qrcode_src):
        if not os.path.exists(needed):
            raise AssessmentError(f"{needed}: (runtime): the npm packages pinned in package-lock.json; run `make install`")
    os.makedirs(os.path.join(runtime, "pyodide"), exist_ok=True)
    for name in PYODIDE_FILES:
        _place(os.path.join(pyodide_src, name), os.path.join(runtime, "pyodide", name))
    os.makedirs(os.path.join(runtime, "pyscript"), exist_ok=True)
    for name in os.listdir(pyscript_src):
        if name.endswith((".js", ".css")):
            _place(os.path.join(pyscript_src, name), os.path.join(runtime, "pyscript", name))
    os.makedirs(os.path.join(runtime, "qrcode"), exist_ok=True)
    _place(qrcode_src, os.path.join(runtime, "qrcode", "qrcode.mjs"))
    packed = scoring_zip(conf["scoring_package"], definitions)
    with open(os.path.join(runtime, "scoring.zip"), "wb") as handle:
        handle.write(packed)
    write_service_worker(output_path, conf, packed)


def runtime_version(node_modules, packed):
    """Pinned runtime versions plus a hash of the scoring zip: the service worker's cache key."""
    parts = []
    for package in RUNTIME_PACKAGES:
        with open(os.path.join(node_modules, package, "package.json"), encoding="utf-8") as handle:
            parts.append(json.load(handle)["version"])
    parts.append(hashlib.sha256(packed).hexdigest()[:12])
    return "-".join(parts)


def write_service_worker(output_path, conf, packed):
    """Write sw.js at the site root, its cache named after the runtime version, with the files it keeps when installed."""
    with open(os.path.join(os.path.dirname(__file__), "sw.js"), encoding="utf-8") as handle:
        source = handle.read().replace("__VERSION__", runtime_version(conf["node_modules"], packed))
    preload = runtime_preload(conf)
    files = [f"{conf['runtime_dir']}/{path}" for path in (*preload["modules"], *preload["fetch"], *KEEP)]
    source = source.replace("__FILES__", json.dumps(files))
    with open(os.path.join(output_path, "sw.js"), "w", encoding="utf-8") as handle:
        handle.write(source)


def add_generators(pelican):
    """Register the method-page generator."""
    return MethodPageGenerator


def register():
    """Connect the handlers: attach widgets after reading, write the method page and runtime at the end."""
    signals.all_generators_finalized.connect(attach)
    signals.get_generators.connect(add_generators)
