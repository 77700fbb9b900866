"""Each broken model file stops the build with `<file>: <field>: ...` and leaves no site behind."""

import shutil

import pytest

from tests.conftest import ROOT, make_html

FIXTURES = ROOT / "tests" / "fixtures"
CASES = {
    "missing-category": "category: this required key is missing",
    "unknown-category": "category: one of volwassenheid-adoptie",
    "related-unknown": "related[1]: the slug of an existing model ('bestaat-niet' does not exist)",
    "no-sources": "sources: this required key is missing",
    "source-without-url": "sources[0].url: an http(s) URL",
    "year-ooit": "year: a whole year between 1990",
    "duplicate-slug": "slug: a unique slug ('alpha' is also used by",
    "malformed-yaml": "front matter: valid YAML",
    "empty-elements": "elements: a list with at least 1 item(s)",
}


def test_every_fixture_has_a_case():
    assert {p.stem for p in (FIXTURES / "broken-models").glob("*.md")} == set(CASES)


def test_the_minimal_content_builds(tmp_path):
    done = make_html(tmp_path / "out", content=FIXTURES / "content-min")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "out" / "modellen" / "alpha" / "index.html").is_file()


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_model_stops_the_build(tmp_path, name):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "content-min", content)
    target = content / "models" / "volwassenheid-adoptie" / f"{name}.md"
    shutil.copy(FIXTURES / "broken-models" / f"{name}.md", target)
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("an earlier build")  # must not survive a failed build
    done = make_html(out, content=content)
    assert done.returncode != 0
    log = " ".join((done.stdout + done.stderr).split())
    assert f"CatalogError: models/volwassenheid-adoptie/{name}.md: {CASES[name]}" in log, log[-2000:]
    assert not out.exists()
