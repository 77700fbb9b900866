"""Translated editions keep the facts of the Dutch original: one check over both content trees.

A translated model file (content/<lang>/models/<cat>/<slug>.md) carries its own words (summary, element
summaries, source titles, tags, notes) but the same facts as the Dutch file at the same place below
content/models/. Every Dutch model, page and category essay has a counterpart in each translated
edition and back. Faults are `Problem`s, printed like every other content fault.
"""

import os

from .validate import Problem, shown_path

__all__ = ["FACT_FIELDS", "SOURCE_FACTS", "ELEMENT_FACTS", "check_translations", "counterpart_problems"]

# Facts a translation must repeat exactly (texts such as summary, tags and titles are its own). The
# organisation is compared by its name: an explanation after it in brackets is text, written per language.
FACT_FIELDS = ("creators", "organisation", "year", "kind", "diagram", "core", "related", "assessment")
ELEMENT_FACTS = ("name", "known")
SOURCE_FACTS = ("url", "seen", "kind", "supports")
MISSING = object()


def _files(folder, suffix=".md"):
    """Paths below `folder` (relative to it) of the files ending in `suffix`."""
    found = set()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            if name.endswith(suffix) and not name.startswith(".") and name != "README.md":
                found.add(os.path.relpath(os.path.join(root, name), folder))
    return found


def _name_only(value):
    """An organisation without the explanation in brackets that may follow its name."""
    return value.split(" (", 1)[0].strip() if isinstance(value, str) else value


def _shown(value):
    return "absent" if value is MISSING else repr(value)


def counterpart_problems(content_path, lang, folders):
    """A problem for every file in one edition without a file at the same place in the other."""
    problems = []
    for folder in folders:
        nl_dir = os.path.join(content_path, folder)
        tr_dir = os.path.join(content_path, lang, folder)
        nl_files, tr_files = _files(nl_dir), _files(tr_dir)
        for rel in sorted(nl_files - tr_files):
            problems.append(Problem(shown_path(os.path.join(nl_dir, rel)), 1, "translation",
                                    f"a counterpart in '{lang}' at {shown_path(os.path.join(tr_dir, rel))}"))
        for rel in sorted(tr_files - nl_files):
            problems.append(Problem(shown_path(os.path.join(tr_dir, rel)), 1, "translation",
                                    f"a Dutch original at {shown_path(os.path.join(nl_dir, rel))}"))
    return problems


def _compare(doc, original, field, mine, theirs, where):
    if mine != theirs:
        doc.fault(field, f"{_shown(theirs)} as in {original.shown} (found {_shown(mine)})", *where)


def _compare_items(doc, original, mine, theirs, field, facts):
    """A list of mappings (elements, sources): the same number, and the same `facts` in each, in order."""
    items, items_nl = mine.get(field) or [], theirs.get(field) or []
    if len(items) != len(items_nl):
        doc.fault(field, f"{len(items_nl)} {field} as in {original.shown} (found {len(items)})")
    for i, (item, item_nl) in enumerate(zip(items, items_nl, strict=False)):
        for key in facts:
            _compare(doc, original, f"{field}[{i}].{key}", item.get(key, MISSING), item_nl.get(key, MISSING),
                     (field, i, key))


def fact_problems(doc, original, lang):
    """Every fact of translated model `doc` that differs from the Dutch `original` (both parsed DataFiles)."""
    saved, doc.problems = doc.problems, []
    mine, theirs = doc.data, original.data
    for key in FACT_FIELDS:
        mine_value, their_value = mine.get(key, MISSING), theirs.get(key, MISSING)
        if key == "organisation":
            mine_value, their_value = _name_only(mine_value), _name_only(their_value)
        _compare(doc, original, key, mine_value, their_value, (key,))
    _compare_items(doc, original, mine, theirs, "elements", ELEMENT_FACTS)
    _compare_items(doc, original, mine, theirs, "sources", SOURCE_FACTS)
    if mine.get("lang") != lang:
        doc.fault("lang", f"'{lang}' (a translated page says its language)", "lang")
    found, doc.problems = doc.problems, saved
    return found


def check_translations(content_path, lang, originals, translations, page_folders=("pages", "categorieen"),
                       model_folder="models"):
    """All faults between the Dutch models (`originals`) and one edition's (`translations`), plus files
    of either edition without a counterpart. Both are lists of parsed DataFiles with dict data."""
    nl_root = os.path.abspath(os.path.join(content_path, model_folder))
    tr_root = os.path.abspath(os.path.join(content_path, lang, model_folder))
    by_rel = {os.path.relpath(os.path.abspath(d.path), nl_root): d for d in originals}
    problems = counterpart_problems(content_path, lang, (model_folder, *page_folders))
    for doc in translations:
        original = by_rel.get(os.path.relpath(os.path.abspath(doc.path), tr_root))
        if original is None or not isinstance(doc.data, dict) or not isinstance(original.data, dict):
            continue  # a missing original is reported above; unreadable files by the content check
        problems += fact_problems(doc, original, lang)
    return problems
