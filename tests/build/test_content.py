"""The catalogue content: one page per fact sheet, own words, and the contract's extra promises."""

import hashlib
import re
import sys

import yaml

from tests.conftest import ROOT, model_files

sys.path.insert(0, str(ROOT / "plugins"))
from catalog.contract import compute_confidence  # noqa: E402

SHARED = ROOT.parent / "shared"
RESEARCH = SHARED / "research"
SEEDS = SHARED / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
SEED_HASHES = FIXTURES / "seed-8grams.txt"  # hashed 8-word runs of the seeds, for machines without them
FACT_IDS = FIXTURES / "fact-sheet-ids.txt"
DROPPED_IDS = FIXTURES / "dropped-fact-sheet-ids.txt"  # "<id>: <reason>" per line


def words(text):
    return re.findall(r"[a-zà-ÿ0-9']+", text.lower())


def gram_hash(gram):
    return hashlib.sha1(" ".join(gram).encode()).hexdigest()[:16]


def grams(text, n=8):
    w = words(re.sub(r"https?://\S+", " ", text))  # a cited address is not a copied sentence
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def split(path):
    _, head, body = path.read_text(encoding="utf-8").split("---", 2)
    return yaml.safe_load(head), body


def seed_hashes():
    """Hashes of every 8-word run of the seed articles: read from the seeds, or from the fixture copy."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if seeds:
        found = {gram_hash(g) for p in seeds for g in grams(p.read_text(encoding="utf-8"))}
        assert found == set(SEED_HASHES.read_text().split()), "refresh tests/fixtures/seed-8grams.txt"
        return found
    return set(SEED_HASHES.read_text().split())


def test_no_run_of_eight_words_is_shared_with_a_seed_article():
    seed = seed_hashes()
    assert len(seed) > 1000
    pages = model_files() + sorted((ROOT / "content").glob("categorieen/*.md")) + sorted((ROOT / "content").glob("pages/*.md"))
    for page in pages:
        shared = [" ".join(g) for g in grams(page.read_text(encoding="utf-8")) if gram_hash(g) in seed]
        assert not shared, f"{page.name}: {shared[:3]}"


def dropped_ids():
    """The fact sheets deliberately left out of the catalogue, each with its reason."""
    dropped = {}
    for n, line in enumerate(DROPPED_IDS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        ident, _, reason = line.partition(":")
        assert reason.strip(), f"{DROPPED_IDS.name}:{n}: '{ident.strip()}' needs a reason after the colon"
        dropped[ident.strip()] = reason.strip()
    return dropped


def test_every_fact_sheet_has_a_page():
    """Each fact sheet ends up as a model page, an undocumented entry, or a dropped id with its reason."""
    ids = set(FACT_IDS.read_text().split())
    sheets = sorted(RESEARCH.glob("models-facts*.yaml"))
    if sheets:  # where the research notes are at hand, the fixture list must match them
        assert ids == {m["id"] for s in sheets for m in yaml.safe_load(s.read_text(encoding="utf-8"))["models"]}
    assert len(ids) >= 106
    slugs = {split(p)[0]["slug"] for p in model_files()}
    undocumented = {p.stem for p in (ROOT / "content" / "undocumented").glob("*.yaml")}
    dropped = dropped_ids()
    assert set(dropped) <= ids, f"{DROPPED_IDS.name}: not fact-sheet ids: {sorted(set(dropped) - ids)}"
    assert not set(dropped) & (slugs | undocumented), (
        f"{DROPPED_IDS.name}: has a page or undocumented entry after all: {sorted(set(dropped) & (slugs | undocumented))}")
    missing = ids - slugs - undocumented - set(dropped)
    assert not missing, f"no page, no content/undocumented/<id>.yaml, no line in {DROPPED_IDS.name}: {sorted(missing)}"


def test_every_model_page_explains_in_at_least_250_words():
    for path in model_files():
        _meta, body = split(path)
        prose = re.sub(r"\]\(\{filename\}[^)]*\)", "]", body)
        assert len(words(prose)) >= 250, path.name
        for heading in ("## Waarvoor dient dit model?", "## Wanneer gebruik je het?", "## Kanttekeningen",
                        "## Verwante modellen"):
            assert heading in body, (path.name, heading)


def test_every_category_essay_has_at_least_300_words():
    essays = sorted((ROOT / "content" / "categorieen").glob("*.md"))
    assert len(essays) == 6
    for path in essays:
        _meta, body = split(path)
        assert len(words(body)) >= 300, path.name


def test_internal_model_links_point_at_existing_files():
    for path in model_files() + sorted((ROOT / "content").glob("*/*.md")):
        for target in re.findall(r"\{filename\}/?([^)\s#]+)", path.read_text(encoding="utf-8")):
            base = ROOT / "content" if target.startswith("models/") else path.parent
            assert (base / target).is_file() or (ROOT / "content" / target).is_file(), (path.name, target)


def test_unknown_years_are_left_out_not_guessed():
    for path in model_files():
        meta, _ = split(path)
        assert "year" not in meta or isinstance(meta["year"], int), path.name
        if compute_confidence(meta) == "hoog":  # the contract: hoog needs a year and known makers
            assert "year" in meta and "onbekend" not in meta["creators"], path.name


