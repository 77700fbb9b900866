"""Language editions: dates and numbers in each edition's language, and the sitemap's alternates.

The editions themselves are built by pelican-i18n-subsites (pelicanconf.py's I18N_SUBSITES); this plugin
adds what that plugin leaves out:
- Jinja2 filters `local_date` and `local_number` that format with Babel in the edition's language
  ("2 december 2026" / "2 December 2026", "3,5" / "3.5");
- `xhtml:link` alternates in the root sitemap for every page that exists in more than one language,
  and the translated pages themselves listed beside their originals;
- one compilation of each template for the whole build: Pelican gives every generator of every edition
  its own Jinja2 environment, which would parse and compile `base.html` and the partials a dozen times.
  The compiled code is kept in memory for this build only; nothing is written to disk;
- the templates' `_()` in one call: Jinja2's new-style gettext reaches the translation through three
  nested calls, some eighty times on every page.
"""

import os
import re

from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import pass_context, pass_eval_context
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup
from pelican import signals

__all__ = ["register", "local_date", "local_number", "add_sitemap_alternates", "SharedTemplateCache"]

URL_RE = re.compile(r"<url>\s*<loc>(?P<loc>[^<]*)</loc>(?P<rest>.*?)</url>", re.S)


def local_date(value, lang, form="long"):
    """A date as the language writes it (Babel's CLDR formats)."""
    return format_date(value, format=form, locale=lang)


def local_number(value, lang):
    """A number as the language writes it (decimal comma in Dutch, point in English)."""
    return format_decimal(value, locale=lang)


# The edition's language, kept on each Jinja2 environment. The filters read it when a page is rendered
# (they take the context, so Jinja2 never evaluates them while compiling): a compiled template holds no
# language and one compilation serves both editions.
LANG_ATTRIBUTE = "edition_lang"


@pass_context
def local_date_filter(context, value, form="long"):
    """Jinja2 filter `local_date`: the date in the language of the edition being written."""
    return local_date(value, getattr(context.environment, LANG_ATTRIBUTE), form)


@pass_context
def local_number_filter(context, value):
    """Jinja2 filter `local_number`: the number in the language of the edition being written."""
    return local_number(value, getattr(context.environment, LANG_ATTRIBUTE))


def add_filters(generator):
    """Give every generator's Jinja2 environment the language-aware filters and the shared template cache."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    setattr(env, LANG_ATTRIBUTE, generator.settings.get("DATE_LOCALE") or generator.settings["DEFAULT_LANG"])
    env.filters["local_date"] = local_date_filter
    env.filters["local_number"] = local_number_filter
    env.bytecode_cache = SHARED_TEMPLATES
    _direct_gettext_on_install(env)
    # The environment lives for one build, so a template it has loaded is current for its whole life:
    # no need to look at the file's modification time again on every include of every page.
    env.auto_reload = False


def direct_gettext(translate):
    """Jinja2's new-style `gettext` (`_` in the templates) calling `translate` directly: the translated
    text, marked safe when the template autoescapes, always formatted with the keyword arguments (so a
    literal % is written %%, as Jinja2 requires), the same result as Jinja2's own."""
    @pass_eval_context
    def gettext(eval_ctx, string, **variables):
        text = translate(string)
        if eval_ctx.autoescape:
            text = Markup(text)
        return text % variables
    return gettext


def _direct_gettext_on_install(env):
    """When pelican-i18n-subsites installs the edition's translations in `env` (after generator_init),
    put the direct `gettext` in place of Jinja2's `gettext` and of `_`, which looks `gettext` up on
    every call. Old-style gettext (no keyword formatting) is left as Jinja2 installs it."""
    install = getattr(env, "install_gettext_translations", None)
    if install is None:
        return  # no jinja2.ext.i18n in this environment

    def install_translations(translations, newstyle=None):
        install(translations, newstyle)
        if env.newstyle_gettext:  # set by jinja2.ext.i18n, which install_gettext_translations belongs to
            env.globals["gettext"] = env.globals["_"] = direct_gettext(translations.gettext)

    env.install_gettext_translations = install_translations


def _compile_settings(env):
    """What, besides the template's source, decides the code Jinja2 compiles in `env`: the syntax and
    whitespace settings, the extensions, gettext's style, and each filter's and test's name and the
    arguments it takes. Environments that agree on these compile the same source to the same code."""
    def functions(table):
        return tuple(sorted((name, getattr(func, "jinja_pass_arg", None)) for name, func in table.items()))
    return (
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        tuple(sorted(env.extensions)), env.optimized, env.is_async, env.autoescape, env.finalize is None,
        getattr(env, "newstyle_gettext", None), env.code_generator_class, env.context_class,
        functions(env.filters), functions(env.tests),
    )


class SharedTemplateCache(BytecodeCache):
    """Compiled templates shared by every Jinja2 environment of one build, in memory only.

    A template is compiled again when its source changes (Jinja2's checksum) or when an environment
    compiles differently (`_compile_settings`), so `pelican --autoreload` still sees every edit.
    """

    def __init__(self):
        self.store = {}

    def get_bucket(self, environment, name, filename, source):
        """The bucket of `name` for environments that compile like `environment`."""
        key = (self.get_cache_key(name, filename), _compile_settings(environment))
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket):
        """Hand over the code compiled from this very source, if there is one."""
        checksum, code = self.store.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket):
        """Keep the freshly compiled code (a code object: nothing to serialise)."""
        self.store[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self):
        """Forget every compiled template."""
        self.store.clear()


SHARED_TEMPLATES = SharedTemplateCache()


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


def forget_templates(pelican):
    """Once the root edition has finished, the build is over: the next one (--autoreload) compiles anew."""
    languages = pelican.settings.get("SITE_LANGUAGES")
    if not languages or pelican.settings["DEFAULT_LANG"] == languages[0][0]:
        SHARED_TEMPLATES.clear()


def register():
    """Filters and the template cache for every generator; the sitemap once the whole build is written."""
    signals.generator_init.connect(add_filters)
    signals.finalized.connect(write_sitemap_alternates)
    signals.finalized.connect(forget_templates)
