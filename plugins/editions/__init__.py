"""Language editions: dates and numbers in each edition's language, and the sitemap's alternates.

The editions themselves are built by pelican-i18n-subsites (pelicanconf.py's I18N_SUBSITES); this plugin
adds what that plugin leaves out:
- Jinja2 filters `local_date` and `local_number` that format with Babel in the edition's language
  ("2 december 2026" / "2 December 2026", "3,5" / "3.5");
- `xhtml:link` alternates in the root sitemap for every page that exists in more than one language,
  and the translated pages themselves listed beside their originals.
"""

import os
import re

from babel.dates import format_date
from babel.numbers import format_decimal
from pelican import signals

__all__ = ["register", "local_date", "local_number", "add_sitemap_alternates"]

URL_RE = re.compile(r"<url>\s*<loc>(?P<loc>[^<]*)</loc>(?P<rest>.*?)</url>", re.S)


def local_date(value, lang, form="long"):
    """A date as the language writes it (Babel's CLDR formats)."""
    return format_date(value, format=form, locale=lang)


def local_number(value, lang):
    """A number as the language writes it (decimal comma in Dutch, point in English)."""
    return format_decimal(value, locale=lang)


def add_filters(generator):
    """Give every generator's Jinja2 environment the language-aware filters."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    lang = generator.settings.get("DATE_LOCALE") or generator.settings["DEFAULT_LANG"]
    env.filters["local_date"] = lambda value, form="long": local_date(value, lang, form)
    env.filters["local_number"] = lambda value: local_number(value, lang)


def _edition_file(output, lang, path, main_lang):
    """The HTML file that serves `path` (a site-relative URL path) in edition `lang`, or None."""
    base = output if lang == main_lang else os.path.join(output, lang)
    target = os.path.join(base, path.lstrip("/"))
    target = os.path.join(target, "index.html") if path.endswith("/") or not path else target
    return target if os.path.isfile(target) else None


def add_sitemap_alternates(sitemap_text, siteurl, output, languages, main_lang):
    """The sitemap with, for each root-edition URL whose page exists in other editions, one `xhtml:link`
    per language (and x-default), and a `<url>` entry for each of those translations."""
    def path_of(loc):
        return loc[len(siteurl):] if siteurl and loc.startswith(siteurl) else loc

    def url_for(lang, path):
        return f"{siteurl}{'' if lang == main_lang else '/' + lang}{path}"

    def entry(match):
        path = path_of(match.group("loc"))
        found = [lang for lang in languages if _edition_file(output, lang, path, main_lang)]
        if len(found) < 2:
            return match.group(0)
        links = "".join(f'\n<xhtml:link rel="alternate" hreflang="{lang}" href="{url_for(lang, path)}"/>'
                        for lang in found)
        links += f'\n<xhtml:link rel="alternate" hreflang="x-default" href="{url_for(main_lang, path)}"/>'
        blocks = [f"<url>\n<loc>{url_for(lang, path)}</loc>{match.group('rest').rstrip()}{links}\n</url>"
                  for lang in found]
        return "\n\n".join(blocks)

    return URL_RE.sub(entry, sitemap_text)


def write_sitemap_alternates(pelican):
    """After the whole build (the root edition finishes last), add the alternates to sitemap.xml."""
    settings = pelican.settings
    languages = [lang for lang, _name in settings.get("SITE_LANGUAGES", [])]
    main_lang = languages[0] if languages else settings["DEFAULT_LANG"]
    if settings["DEFAULT_LANG"] != main_lang:
        return
    path = os.path.join(pelican.output_path, "sitemap.xml")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    siteurl = "" if settings.get("RELATIVE_URLS") else settings.get("SITEURL", "")
    text = add_sitemap_alternates(text, siteurl, pelican.output_path, languages, main_lang)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def register():
    """Filters for every generator; the sitemap once the whole build is written."""
    signals.generator_init.connect(add_filters)
    signals.finalized.connect(write_sitemap_alternates)
