"""The English edition's checks without a build: translated model files keep the Dutch facts, every file
has its counterpart, and an assessment definition gives the same scores in both languages."""

import shutil
import sys

import pytest
import yaml

import scoring
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from assessments.editions import EditionError, edition  # noqa: E402
from catalog.translations import check_translations  # noqa: E402
from catalog.validate import check_content  # noqa: E402

MODEL = "meten-roi/aarrr-pirate-metrics.md"


@pytest.fixture
def content(tmp_path):
    """A content folder with one real model in Dutch and English, and nothing else to pair."""
    root = tmp_path / "content"
    for sub in ("models", "en/models"):
        (root / sub / "meten-roi").mkdir(parents=True)
        shutil.copy(ROOT / "content" / sub / MODEL, root / sub / MODEL)
    return root


def problems(root):
    nl = check_content(str(root))
    en = check_content(str(root), article_paths=("en/models",))
    # Each file passes its own checks; links to models outside this small folder are not the point here.
    assert [p for p in nl.problems + en.problems if not p.field.startswith("related")] == []
    return [str(p) for p in check_translations(str(root), "en", list(nl.models.values()),
                                               list(en.models.values()), page_folders=())]


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_pair_agrees(content):
    assert problems(content) == []


@pytest.mark.parametrize("old, new, field", [
    ("year: 2007", "year: 2008", "year"),
    ('creators: ["Dave McClure"]', 'creators: ["D. McClure"]', "creators"),
    ("kind: acronym", "kind: funnel", "kind"),
    ('  - name: "Activation"', '  - name: "Activering"', "elements[1].name"),
    ("    kind: maker", "    kind: secondary", "sources[0].kind"),
    ("    supports: [makers, elements, context]", "    supports: [makers]", "sources[0].supports"),
    ("related: [kaushik-digital-marketing-measurement-model, ", "related: [", "related"),
])
def test_a_changed_fact_is_named_with_file_line_and_field(content, old, new, field):
    english = content / "en" / "models" / MODEL
    edit(english, old, new)
    found = problems(content)
    assert len(found) == 1, found
    where, name, expected = found[0].split(": ", 2)
    assert where.endswith(tuple(f"{MODEL}:{n}" for n in range(1, 60)))
    assert name == field
    assert "as in" in expected and "models/" + MODEL in expected


def test_the_same_words_in_english_are_no_fault(content):
    edit(content / "en" / "models" / MODEL, "    summary: \"Users arrive", "    summary: \"People arrive")
    assert problems(content) == []


def test_a_missing_counterpart_is_reported_both_ways(content):
    (content / "en" / "models" / MODEL).unlink()
    shutil.copy(ROOT / "content" / "en" / "models" / "meten-roi" / "vierfasenmodel.md",
                content / "en" / "models" / "meten-roi" / "vierfasenmodel.md")
    found = problems(content)
    assert any(f"models/{MODEL}:1: translation: a counterpart in 'en'" in p for p in found), found
    assert any("en/models/meten-roi/vierfasenmodel.md:1: translation: a Dutch original" in p for p in found), found


def test_a_translation_says_its_language(content):
    edit(content / "en" / "models" / MODEL, "lang: en\n", "")
    assert [p.split(": ")[1] for p in problems(content)] == ["lang"]


DEFINITION = ROOT / "content" / "assessments" / "persoon-engagement-pyramid.yaml"


def definition():
    return yaml.safe_load(DEFINITION.read_text(encoding="utf-8"))


def test_both_editions_score_alike():
    data = definition()
    nl, en = scoring.load(edition(data, "nl")), scoring.load(edition(data, "en"))
    assert [q.id for q in nl.questions] == [q.id for q in en.questions]
    assert nl.questions[0].text != en.questions[0].text
    for pick in (0, -1, 2):
        answers = {q.id: q.options[pick].id for q in nl.questions}
        result_nl, result_en = scoring.score(nl, answers).to_dict(), scoring.score(en, answers).to_dict()
        assert result_nl["overall"] == result_en["overall"]
        assert result_nl["stages"] == result_en["stages"]
        assert scoring.share.encode(nl, answers) == scoring.share.encode(en, answers)


def test_a_missing_english_text_names_its_path():
    data = definition()
    del data["questions"][2]["text_en"]
    with pytest.raises(EditionError, match=r"^questions\[2\]\.text_en: the 'en' text beside 'text'"):
        edition(data, "en")
    with pytest.raises(EditionError):
        edition(data, "nl")  # the Dutch edition needs the complete file too: one definition, two languages


def test_a_stray_translation_names_its_path():
    data = definition()
    data["dimensions"][0]["meaning_en"] = "Stray"
    with pytest.raises(EditionError, match=r"dimensions\[0\]\.meaning_en: a translation of 'meaning'"):
        edition(data, "en")


def test_organisation_compares_by_name_and_its_bracketed_note_is_text(content):
    for path, note in ((content / "models" / MODEL, "het fonds van McClure"), (content / "en" / "models" / MODEL,
                                                                           "McClure's fund")):
        edit(path, "year: 2007", f'organisation: "500 Startups ({note})"\nyear: 2007')
        edit(path, "supports: [makers, elements, context]", "supports: [makers, organisation, elements, context]")
    assert problems(content) == []
    edit(content / "en" / "models" / MODEL, '"500 Startups (', '"Five Hundred Startups (')
    assert [p.split(": ")[1] for p in problems(content)] == ["organisation"]
