"""The editions plugin's template work shared by one build: one compilation of each template for every
Jinja2 environment that compiles alike, the language filters that read the edition at render time, and the
one-call gettext that gives what Jinja2's new-style gettext gives."""

import datetime
import gettext
import os
import types

import editions
import jinja2
import pytest
from editions import LANG_ATTRIBUTE, SharedTemplateCache, direct_gettext, local_date_filter, local_number_filter
from markupsafe import Markup


def environment(folder, cache, lang="nl", **options):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache,
                             extensions=["jinja2.ext.i18n"], **options)
    setattr(env, LANG_ATTRIBUTE, lang)
    env.filters["local_date"] = local_date_filter
    env.filters["local_number"] = local_number_filter
    env.install_gettext_translations(gettext.NullTranslations(), newstyle=True)
    return env


def counting(env):
    """Count the templates `env` compiles itself."""
    calls = []
    compile_ = env.compile

    def compile_and_count(*args, **kwargs):
        calls.append(args[1] if len(args) > 1 else kwargs.get("name"))
        return compile_(*args, **kwargs)

    env.compile = compile_and_count
    return calls


def test_two_editions_share_one_compilation_and_keep_their_language(tmp_path):
    (tmp_path / "page.html").write_text("{{ day|local_date }} · {{ 3.5|local_number }} · {{ _('Zoek') }}")
    cache = SharedTemplateCache()
    nl, en = environment(tmp_path, cache, "nl_NL"), environment(tmp_path, cache, "en_GB")
    compiled_nl, compiled_en = counting(nl), counting(en)
    day = datetime.date(2026, 12, 2)
    assert nl.get_template("page.html").render(day=day) == "2 december 2026 · 3,5 · Zoek"
    assert en.get_template("page.html").render(day=day) == "2 December 2026 · 3.5 · Zoek"
    assert (compiled_nl, compiled_en) == (["page.html"], [])  # the English environment took the Dutch code
    assert len(cache.store) == 1


def test_an_edited_template_is_compiled_again(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("eerste")
    cache = SharedTemplateCache()
    assert environment(tmp_path, cache).get_template("page.html").render() == "eerste"
    page.write_text("tweede")
    fresh = environment(tmp_path, cache)
    compiled = counting(fresh)
    assert fresh.get_template("page.html").render() == "tweede"
    assert compiled == ["page.html"]


def test_environments_that_compile_differently_do_not_share(tmp_path):
    (tmp_path / "page.html").write_text("  {% if true %}\n  ja\n  {% endif %}\n{{ 'x'|shout }}")
    cache = SharedTemplateCache()
    plain = environment(tmp_path, cache)
    trimmed = environment(tmp_path, cache, trim_blocks=True, lstrip_blocks=True)
    other_filter = environment(tmp_path, cache)
    for env in (plain, trimmed):
        env.filters["shout"] = str.upper
    other_filter.filters["shout"] = jinja2.pass_context(lambda _context, value: value + "!")
    assert plain.get_template("page.html").render() == "  \n  ja\n  \nX"
    assert trimmed.get_template("page.html").render() == "  ja\nX"
    assert other_filter.get_template("page.html").render() == "  \n  ja\n  \nx!"
    assert len(cache.store) == 3


def test_the_build_cache_is_emptied_when_the_root_edition_finishes(tmp_path):
    (tmp_path / "page.html").write_text("x")
    environment(tmp_path, editions.SHARED_TEMPLATES).get_template("page.html")
    assert editions.SHARED_TEMPLATES.store

    class English:
        settings = {"SITE_LANGUAGES": [("nl", "Nederlands"), ("en", "English")], "DEFAULT_LANG": "en"}

    class Dutch:
        settings = {"SITE_LANGUAGES": [("nl", "Nederlands"), ("en", "English")], "DEFAULT_LANG": "nl"}

    editions.forget_templates(English())  # the English edition finishes first, inside the root's run
    assert editions.SHARED_TEMPLATES.store
    editions.forget_templates(Dutch())
    assert not editions.SHARED_TEMPLATES.store


@pytest.mark.parametrize("autoescape", [False, True])
@pytest.mark.parametrize("source", [
    "{{ _('Zoek een model') }}",
    "{{ _('%(n)d van %(total)d bekend', n=3, total=8) }}",
    "{{ _('100%% zeker') }}",
    "{{ _('<b>%(name)s</b>', name='<i>') }}",
    "{% trans n=2 %}{{ n }} modellen{% endtrans %}",
])
def test_direct_gettext_gives_what_jinja_gives(source, autoescape):
    translations = gettext.NullTranslations()
    jinja_env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
    jinja_env.install_gettext_translations(translations, newstyle=True)
    direct_env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
    editions.add_filters(types.SimpleNamespace(env=direct_env, settings={"DEFAULT_LANG": "nl"}))
    direct_env.install_gettext_translations(translations, newstyle=True)  # as pelican-i18n-subsites does
    assert direct_env.globals["_"] is direct_env.globals["gettext"]
    assert direct_env.globals["_"] is not jinja_env.globals["_"]
    assert direct_env.from_string(source).render() == jinja_env.from_string(source).render()


def test_direct_gettext_marks_safe_only_when_autoescaping():
    class Context:
        def __init__(self, autoescape):
            self.autoescape = autoescape

    say = direct_gettext(lambda text: text.replace("a", "A"))
    assert isinstance(say(Context(True), "a %(x)s", x="b"), Markup)
    assert say(Context(False), "a %(x)s", x="b") == "A b"
    assert not isinstance(say(Context(False), "a"), Markup)


def test_old_and_new_style_gettext_do_not_share_a_compilation(tmp_path):
    (tmp_path / "page.html").write_text("{% trans n=2 %}{{ n }} modellen{% endtrans %}")
    cache = SharedTemplateCache()
    old = environment(tmp_path, cache)
    old.install_gettext_translations(gettext.NullTranslations(), newstyle=False)
    new = environment(tmp_path, cache)
    assert old.get_template("page.html").render() == "2 modellen"
    assert new.get_template("page.html").render() == "2 modellen"
    assert len(cache.store) == 2


def test_templates_of_one_name_in_two_folders_keep_their_own_compilation(tmp_path):
    for folder, text in (("theme", "thema"), ("other", "ander")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.html").write_text(text)
    cache = SharedTemplateCache()
    assert environment(tmp_path / "theme", cache).get_template("page.html").render() == "thema"
    assert environment(tmp_path / "other", cache).get_template("page.html").render() == "ander"
    again = environment(tmp_path / "theme", cache)
    compiled = counting(again)
    assert again.get_template("page.html").render() == "thema"
    assert compiled == []  # the theme's code was kept beside the other folder's


def test_every_generator_of_a_build_shares_the_build_cache_and_keeps_what_it_loaded(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("eerste")
    editions.SHARED_TEMPLATES.clear()
    try:
        generators = [types.SimpleNamespace(env=environment(tmp_path, None, lang), settings={"DEFAULT_LANG": lang})
                      for lang in ("nl", "en")]
        for generator in generators:
            editions.add_filters(generator)
        first, second = (generator.env for generator in generators)
        compiled = counting(second)
        assert first.get_template("page.html").render() == "eerste"
        assert second.get_template("page.html").render() == "eerste"
        assert compiled == [] and len(editions.SHARED_TEMPLATES.store) == 1
        page.write_text("tweede")  # an environment lives for one build: what it loaded stays as it was
        later = page.stat().st_mtime + 60
        os.utime(page, (later, later))
        assert first.get_template("page.html").render() == "eerste"
    finally:
        editions.SHARED_TEMPLATES.clear()


def test_register_hooks_the_editions_to_pelicans_signals():
    from pelican import signals

    editions.register()
    assert editions.add_filters in list(signals.generator_init.receivers_for(object()))
    receivers = list(signals.finalized.receivers_for(object()))
    assert editions.write_sitemap_alternates in receivers and editions.forget_templates in receivers


def test_an_environment_without_translations_shares_the_cache_too(tmp_path):
    (tmp_path / "page.html").write_text("{{ 3.5|local_number }}")
    cache = SharedTemplateCache()
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
    setattr(plain, LANG_ATTRIBUTE, "en")
    plain.filters["local_number"] = local_number_filter
    assert plain.get_template("page.html").render() == "3.5"
    assert len(cache.store) == 1
