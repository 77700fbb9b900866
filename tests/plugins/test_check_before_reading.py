"""The content check that runs before Pelican reads anything: every fault of every edition at once, and the
checked content handed to the readers."""

import contextlib
import io
import shutil
import types

import pytest
from catalog import catalog as plugin

from tests.plugins.test_catalog_two_editions import GOOD, bilingual_content


def check(settings):
    """Run the check as Pelican's `initialized` signal does; (stopped, lines written to standard error)."""
    err = io.StringIO()
    stopped = False
    with contextlib.redirect_stderr(err):
        try:
            plugin.check_before_reading(types.SimpleNamespace(settings=settings))
        except SystemExit as stop:
            stopped = stop.code == 1
    return stopped, err.getvalue().splitlines()


@pytest.fixture(autouse=True)
def fresh_state():
    yield
    plugin._CHECKED.clear()
    plugin._PRECHECKED.clear()


def test_a_site_without_translations_is_checked_and_handed_on():
    settings = {"PATH": str(GOOD), "ARTICLE_PATHS": ["models"]}
    assert check(settings) == (False, [])
    content = plugin.checked_content(settings)
    assert sorted(doc.data["slug"] for doc in content.models.values()) == ["alpha", "beta", "delta", "epsilon", "gamma"]


def test_every_fault_of_every_edition_is_reported_once_together(tmp_path):
    content = bilingual_content(tmp_path / "content")
    dutch = content / "models" / "meten-roi" / "beta.md"
    dutch.write_text(dutch.read_text(encoding="utf-8").replace("year: 2015", "year: 1815"), encoding="utf-8")
    english = content / "en" / "models" / "kanalen-platformen" / "gamma.md"
    english.write_text(english.read_text(encoding="utf-8").replace("\nslug:", "\nslug: Gamma Bad\nold_slug:", 1),
                       encoding="utf-8")
    # a language whose folder this site does not have comes first: the English edition is still checked
    settings = {"PATH": str(content), "ARTICLE_PATHS": ["models"], "TRANSLATION_PATHS": {"de": "de", "en": "en"}}
    stopped, lines = check(settings)
    assert stopped
    english_beta = content / "en" / "models" / "meten-roi" / "beta.md"
    assert lines == [
        f"{dutch}:8: year: a whole year from 1990 on, or no year key when no source settles it",
        f"{english}:4: slug: lower-case letters, digits and single hyphens (the file name without .md)",
        f"{english}:5: old_slug: a known key, not 'old_slug' (did you mean 'slug'?)",
        f"{english_beta}:29: related[1]: the slug of an existing model ('gamma' does not exist)",
        "4 content errors found.",
    ]
    assert plugin.checked_content(settings) is None  # nothing is handed to the readers


def test_register_hooks_the_catalog_to_pelicans_signals():
    from pelican import signals

    plugin.register()
    assert plugin.use_catalog_reader in list(signals.readers_init.receivers_for(object()))
    assert plugin.build_indexes in list(signals.all_generators_finalized.receivers_for(object()))
    assert plugin.add_generators in list(signals.get_generators.receivers_for(object()))


def test_an_edition_without_model_files_gets_an_empty_catalogue(tmp_path):
    settings = {"PATH": str(GOOD), "ARTICLE_PATHS": ["no-such-folder"]}
    assert check(settings) == (False, [])
    content = plugin.checked_content(settings)
    assert (content.models, content.undocumented, content.problems) == ({}, [], [])


def test_the_model_folder_is_the_one_the_settings_name(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copytree(GOOD / "models", content / "modellen")
    settings = {"PATH": str(content), "ARTICLE_PATHS": ["modellen"]}
    assert check(settings) == (False, [])
    assert len(plugin.checked_content(settings).models) == 5


def test_a_failed_check_leaves_nothing_of_the_previous_build(tmp_path):
    content = bilingual_content(tmp_path / "content")
    settings = {"PATH": str(content), "ARTICLE_PATHS": ["models"], "TRANSLATION_PATHS": {"en": "en"}}
    assert check(settings) == (False, [])
    assert plugin.checked_content(settings) is not None
    beta = content / "models" / "meten-roi" / "beta.md"
    beta.write_text(beta.read_text(encoding="utf-8").replace("year: 2015", "year: 1815"), encoding="utf-8")
    stopped, lines = check(settings)
    assert stopped and lines[-1] == "1 content error found."
    assert plugin.checked_content(settings) is None  # an --autoreload build would not index the old content


def test_indexing_stops_when_pelican_read_other_files_than_the_check():
    settings = {"PATH": str(GOOD), "ARTICLE_PATHS": ["models"], "CATEGORY_URL": "c/{slug}.html", "DEFAULT_LANG": "nl"}
    check(settings)
    paths = sorted(plugin.checked_content(settings).models)

    def index(read):
        articles = types.SimpleNamespace(articles=[types.SimpleNamespace(source_path=p) for p in read],
                                         hidden_articles=[], drafts=[], settings=settings, context={})
        pages = types.SimpleNamespace(pages=[], hidden_pages=[])
        with pytest.raises(plugin.CatalogError) as stopped:
            plugin.build_indexes([pages, articles])
        return str(stopped.value)

    assert index(paths[1:]) == f"{paths[0]}: models: 5 model files, but Pelican read 4 (see its messages above)"
    assert index(paths + paths[:1]) == f"{GOOD}: models: 5 model files, but Pelican read 6 (see its messages above)"
