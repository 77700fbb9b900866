"""No model page, Dutch or English, shares a run of eight words with a source its writers read.

The excerpts read while writing live outside the repository; what is kept here is a list of hashed
8-word runs (tests/fixtures/source-8grams.txt), so the check runs anywhere without the texts.
Exempt, because they are names rather than sentences: element names as the makers wrote them,
quoted or italic titles, and headings.
"""

import hashlib
import re

import yaml

from tests.conftest import ROOT

HASHES = ROOT / "tests" / "fixtures" / "source-8grams.txt"
PAGES = sorted((ROOT / "content" / "models").glob("*/*.md")) + sorted((ROOT / "content" / "en" / "models").glob("*/*.md"))


def words(text):
    return re.findall(r"[a-zà-ÿ0-9']+", text.lower())


def gram_hashes(text, n=8):
    w = words(re.sub(r"https?://\S+", " ", text))
    return {hashlib.sha1(" ".join(w[i:i + n]).encode()).hexdigest()[:16] for i in range(len(w) - n + 1)}


def prose(path):
    """The page's own sentences: body and front-matter summaries, minus names, titles and headings."""
    _, head, body = path.read_text(encoding="utf-8").split("---", 2)
    meta = yaml.safe_load(head)
    texts = [body, meta.get("summary", "")] + [e.get("summary", "") for e in meta.get("elements", [])]
    text = "\n".join(texts)
    for element in meta.get("elements", []):
        if element.get("name"):
            text = text.replace(element["name"], " | ")
    text = re.sub(r"^#+ .*$", " | ", text, flags=re.M)
    text = re.sub(r"\*[^*\n]+\*|\"[^\"\n]+\"|“[^”\n]+”|‘[^’\n]+’|'[^'\n]{8,}'", " | ", text)
    return text


def source_hashes():
    return set(HASHES.read_text(encoding="utf-8").split())


def test_the_source_list_is_not_empty():
    assert len(PAGES) >= 190, "Dutch and English model pages"
    assert len(source_hashes()) > 10000


def test_no_page_shares_eight_words_with_a_source():
    known = source_hashes()
    copied = {}
    for path in PAGES:
        segments = re.split(r"\s\|\s", prose(path))
        shared = set().union(*(gram_hashes(s) for s in segments)) & known
        if shared:
            copied[str(path.relative_to(ROOT))] = len(shared)
    assert not copied, copied


def test_the_check_catches_a_copied_sentence_but_not_a_quoted_title(tmp_path):
    sentence = "de organisatie leert van elk gesprek dat klanten online over haar voeren"
    page = tmp_path / "model.md"
    page.write_text("---\ntitle: T\nelements: [{name: Stap, summary: kort}]\n---\n\n" + sentence + "\n", encoding="utf-8")
    known = gram_hashes(sentence)
    assert len(known) == 5
    assert gram_hashes(" ".join(prose(page).split())) & known
    page.write_text("---\ntitle: T\nelements: [{name: Stap, summary: kort}]\n---\n\nHet boek *" + sentence + "* kwam uit.\n",
                    encoding="utf-8")
    segments = prose(page).split(" | ")
    assert not set().union(*(gram_hashes(s) for s in segments)) & known
