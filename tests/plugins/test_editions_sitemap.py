"""The editions plugin: dates and numbers in the edition's language, and the sitemap's language alternates."""

import datetime
import types

import jinja2
import pytest
from editions import add_filters, add_sitemap_alternates, local_date, local_number, write_sitemap_alternates

DAY = datetime.date(2026, 12, 2)
SITE = "https://example.org"


@pytest.mark.parametrize("lang, form, expected", [
    ("nl", "long", "2 december 2026"), ("en_GB", "long", "2 December 2026"), ("en", "long", "December 2, 2026"),
    ("nl", "medium", "2 dec 2026"), ("nl", "full", "woensdag 2 december 2026"),
])
def test_a_date_is_written_as_the_language_writes_it(lang, form, expected):
    assert local_date(DAY, lang, form) == expected


def test_the_long_form_is_the_default():
    assert local_date(DAY, "nl") == "2 december 2026"


@pytest.mark.parametrize("lang, value, expected", [("nl", 3.5, "3,5"), ("en", 3.5, "3.5"), ("nl", 1234.5, "1.234,5")])
def test_a_number_is_written_as_the_language_writes_it(lang, value, expected):
    assert local_number(value, lang) == expected


def generator(**settings):
    return types.SimpleNamespace(env=jinja2.Environment(), settings={"DEFAULT_LANG": "nl", **settings})


@pytest.mark.parametrize("settings, expected", [
    ({}, "2 december 2026 · 02-12-2026 · 3,5"),
    ({"DATE_LOCALE": "en_GB"}, "2 December 2026 · 02/12/2026 · 3.5"),
    ({"DEFAULT_LANG": "en"}, "December 2, 2026 · 12/2/26 · 3.5"),
    ({"DEFAULT_LANG": "en", "DATE_LOCALE": "nl_NL"}, "2 december 2026 · 02-12-2026 · 3,5"),
])
def test_templates_get_filters_in_the_language_of_the_edition(settings, expected):
    gen = generator(**settings)
    add_filters(gen)
    template = gen.env.from_string("{{ day|local_date }} · {{ day|local_date('short') }} · {{ 3.5|local_number }}")
    assert template.render(day=DAY) == expected


def test_a_generator_without_templates_is_left_alone():
    gen = types.SimpleNamespace(settings={"DEFAULT_LANG": "nl"})
    add_filters(gen)
    assert not hasattr(gen, "env")


SITEMAP = """<?xml version="1.0" encoding="utf-8"?>
<urlset>
<url>
<loc>{site}/</loc>
<lastmod>2026-01-01</lastmod>
</url>

<url>
<loc>{site}/modellen/alpha/</loc>
<priority>0.5</priority>
</url>

<url>
<loc>{site}/over/</loc>
</url>

<url>
<loc>{site}/data/models.json</loc>
</url>
</urlset>
"""


def site_tree(root):
    """Home page and alpha in both editions; /over/ and the data file only in Dutch."""
    for path in ("index.html", "en/index.html", "modellen/alpha/index.html", "en/modellen/alpha/index.html",
                 "over/index.html", "data/models.json", "en/over/notes.txt"):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x", encoding="utf-8")
    (root / "en" / "data").mkdir()  # a folder is not a page


def expected_sitemap(site):
    def block(lang, path, rest):
        prefix = "" if lang == "nl" else "/en"
        links = "".join(f'\n<xhtml:link rel="alternate" hreflang="{other}" href="{site}{"" if other == "nl" else "/en"}{path}"/>'
                        for other in ("nl", "en"))
        links += f'\n<xhtml:link rel="alternate" hreflang="x-default" href="{site}{path}"/>'
        return f"<url>\n<loc>{site}{prefix}{path}</loc>{rest}{links}\n</url>"

    home = block("nl", "/", "\n<lastmod>2026-01-01</lastmod>") + "\n\n" + block("en", "/", "\n<lastmod>2026-01-01</lastmod>")
    alpha = (block("nl", "/modellen/alpha/", "\n<priority>0.5</priority>") + "\n\n"
             + block("en", "/modellen/alpha/", "\n<priority>0.5</priority>"))
    return (SITEMAP.format(site=site)
            .replace(f"<url>\n<loc>{site}/</loc>\n<lastmod>2026-01-01</lastmod>\n</url>", home)
            .replace(f"<url>\n<loc>{site}/modellen/alpha/</loc>\n<priority>0.5</priority>\n</url>", alpha))


@pytest.mark.parametrize("site", [SITE, ""])
def test_pages_in_both_editions_get_alternates_and_their_translation_listed(tmp_path, site):
    site_tree(tmp_path)
    text = SITEMAP.format(site=site)
    out = add_sitemap_alternates(text, site, str(tmp_path), ["nl", "en"], "nl")
    assert out == expected_sitemap(site)
    assert out.count("<url>") == 6 and "/en/over/" not in out and "/en/data/" not in out


def test_an_english_main_edition_links_the_dutch_one_under_its_folder(tmp_path):
    for path in ("index.html", "nl/index.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    out = add_sitemap_alternates(f"<url><loc>{SITE}/</loc></url>", SITE, str(tmp_path), ["en", "nl"], "en")
    assert out == (f'<url>\n<loc>{SITE}/</loc>\n<xhtml:link rel="alternate" hreflang="en" href="{SITE}/"/>'
                   f'\n<xhtml:link rel="alternate" hreflang="nl" href="{SITE}/nl/"/>'
                   f'\n<xhtml:link rel="alternate" hreflang="x-default" href="{SITE}/"/>\n</url>\n\n'
                   f'<url>\n<loc>{SITE}/nl/</loc>\n<xhtml:link rel="alternate" hreflang="en" href="{SITE}/"/>'
                   f'\n<xhtml:link rel="alternate" hreflang="nl" href="{SITE}/nl/"/>'
                   f'\n<xhtml:link rel="alternate" hreflang="x-default" href="{SITE}/"/>\n</url>')


def test_a_location_on_another_host_is_looked_up_as_it_is(tmp_path):
    site_tree(tmp_path)
    text = "<url><loc>https://elders.example/modellen/alpha/</loc></url>"
    assert add_sitemap_alternates(text, SITE, str(tmp_path), ["nl", "en"], "nl") == text


def pelican(output, **settings):
    base = {"DEFAULT_LANG": "nl", "SITE_LANGUAGES": [("nl", "Nederlands"), ("en", "English")],
            "SITEURL": SITE, "RELATIVE_URLS": False}
    return types.SimpleNamespace(settings={**base, **settings}, output_path=str(output))


def test_the_root_edition_rewrites_its_sitemap_after_the_build(tmp_path):
    site_tree(tmp_path)
    (tmp_path / "sitemap.xml").write_text(SITEMAP.format(site=SITE), encoding="utf-8")
    write_sitemap_alternates(pelican(tmp_path))
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == expected_sitemap(SITE)


def test_relative_urls_leave_the_host_out(tmp_path):
    site_tree(tmp_path)
    (tmp_path / "sitemap.xml").write_text(SITEMAP.format(site=""), encoding="utf-8")
    write_sitemap_alternates(pelican(tmp_path, RELATIVE_URLS=True))
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == expected_sitemap("")


@pytest.mark.parametrize("settings", [{"DEFAULT_LANG": "en"}, {"SITE_LANGUAGES": [], "DEFAULT_LANG": "nl"}])
def test_a_translated_edition_or_a_one_language_site_leaves_the_sitemap_alone(tmp_path, settings):
    site_tree(tmp_path)
    (tmp_path / "sitemap.xml").write_text(SITEMAP.format(site=SITE), encoding="utf-8")
    write_sitemap_alternates(pelican(tmp_path, **settings))
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == SITEMAP.format(site=SITE)


def test_a_build_without_a_sitemap_writes_none(tmp_path):
    site_tree(tmp_path)
    write_sitemap_alternates(pelican(tmp_path))
    assert not (tmp_path / "sitemap.xml").exists()


def test_the_bare_site_address_is_the_home_page(tmp_path):
    site_tree(tmp_path)
    out = add_sitemap_alternates(f"<url><loc>{SITE}</loc></url>", SITE, str(tmp_path), ["nl", "en"], "nl")
    assert f"<loc>{SITE}/en</loc>" in out and f'hreflang="x-default" href="{SITE}"' in out


def test_a_page_whose_address_ends_in_a_file_name_gets_alternates(tmp_path):
    for path in ("over.html", "en/over.html", "Xtra/index.html", "en/Xtra/index.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    for path in ("/over.html", "/Xtra/"):
        out = add_sitemap_alternates(f"<url><loc>{SITE}{path}</loc></url>", SITE, str(tmp_path), ["nl", "en"], "nl")
        assert f"<loc>{SITE}/en{path}</loc>" in out and out.count("<url>") == 2, path


def test_another_host_as_long_as_the_site_address_is_not_cut_to_a_path(tmp_path):
    site_tree(tmp_path)
    other = "https://elders.exam"  # as many characters as SITE: cut off, the rest would be /modellen/alpha/
    assert len(other) == len(SITE)
    text = f"<url><loc>{other}/modellen/alpha/</loc></url>"
    assert add_sitemap_alternates(text, SITE, str(tmp_path), ["nl", "en"], "nl") == text


@pytest.mark.parametrize("missing", ["SITE_LANGUAGES", "SITEURL"])
def test_settings_left_out_take_their_defaults(tmp_path, missing):
    site_tree(tmp_path)
    (tmp_path / "sitemap.xml").write_text(SITEMAP.format(site=""), encoding="utf-8")
    build = pelican(tmp_path)
    del build.settings[missing]
    write_sitemap_alternates(build)
    expected = SITEMAP.format(site="") if missing == "SITE_LANGUAGES" else expected_sitemap("")
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == expected


def test_the_sitemap_is_read_and_written_as_utf8_whatever_the_locale(tmp_path, ascii_locale):
    for path in ("café/index.html", "en/café/index.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(f"<url><loc>{SITE}/café/</loc></url>", encoding="utf-8")
    write_sitemap_alternates(pelican(tmp_path))
    assert f"<loc>{SITE}/en/café/</loc>" in (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
