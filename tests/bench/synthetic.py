"""Synthetic catalogues for the scaling benchmark: N valid model files built from the real ones.

The real pages, category essays, assessments and alignment data are kept, and they name real models,
so the first 68 files are the real models unchanged. Every further file copies the front matter and
text of a real model (round robin, so every diagram kind is drawn) under a unique slug and title, in
one of the six category folders in turn, with `related` pointing at earlier generated slugs.
"""

import re
import shutil

import yaml

from tests.bench.common import CATEGORIES, CONTENT

FRONT_MATTER_RE = re.compile(r"\A\s*---\s*\n(?P<yaml>.*?)^---\s*$\n?(?P<body>.*)", re.MULTILINE | re.DOTALL)


def real_models():
    """Every real model file as (front matter dict, Markdown body), in a stable order."""
    found = []
    for path in sorted((CONTENT / "models").glob("*/*.md")):
        match = FRONT_MATTER_RE.match(path.read_text(encoding="utf-8"))
        found.append((path, yaml.safe_load(match.group("yaml")), match.group("body")))
    return found


def _write(path, meta, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def make_catalogue(dest, count):
    """Write a content folder with `count` model files to `dest`; return `dest`."""
    top = str(CONTENT)
    shutil.copytree(top, dest, ignore=lambda folder, names: ["models"] if folder == top else [])
    models = real_models()
    if count < len(models):
        raise ValueError(f"a synthetic catalogue needs at least the {len(models)} real models")
    slugs = []
    for i in range(count):
        source, meta, body = models[i % len(models)]
        if i < len(models):
            target = dest / "models" / source.parent.name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            slugs.append(meta["slug"])
            continue
        slug = f"{meta['slug']}-s{i}"
        category = CATEGORIES[i % len(CATEGORIES)]
        copy = {**meta, "slug": slug, "title": f"{meta['title']} (synthetisch {i})", "category": category,
                "related": slugs[-3:]}
        copy.pop("assessment", None)  # a definition belongs to one model only
        _write(dest / "models" / category / f"{slug}.md", copy, body)
        slugs.append(slug)
    return dest
