"""Pelican settings for local work: relative URLs, no feeds with absolute domains."""

AUTHOR = "Redactie Social Media Modellen"
SITENAME = "Social Media Modellen"
SITESUBTITLE = "Alle social media modellen uitgelegd, vergeleken en zelf te toetsen"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
THEME = "theme"
TIMEZONE = "Europe/Amsterdam"
DEFAULT_LANG = "nl"
LOCALE = ("C.UTF-8",)
DEFAULT_DATE_FORMAT = "%d-%m-%Y"
DATE_LOCALE = "nl_NL"  # Babel's locale for dates and numbers shown on the pages

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "pelican.plugins.yaml_metadata",
    "pelican.plugins.i18n_subsites",
    "catalog",
    "diagrams",
    "assessments",
    "pelican.plugins.sitemap",
    "editions",  # after sitemap: adds the language alternates to the sitemap it has written
]

ARTICLE_PATHS = ["models"]
PAGE_PATHS = ["pages", "categorieen"]
ARTICLE_EXCLUDES = ["en"]
PAGE_EXCLUDES = ["en"]
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {"extra/favicon.svg": {"path": "favicon.svg"}}
IGNORE_FILES = [".#*", "README.md"]

ARTICLE_URL = "modellen/{slug}/"
ARTICLE_SAVE_AS = "modellen/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "categorie/{slug}/"
CATEGORY_SAVE_AS = "categorie/{slug}/index.html"
CATEGORIES_SAVE_AS = ""
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags"]
TEMPLATE_PAGES = {"tijdlijn.html": "tijdlijn/index.html"}
INDEX_SAVE_AS = "index.html"
DEFAULT_PAGINATION = False
ARTICLE_ORDER_BY = "title"
SLUGIFY_SOURCE = "basename"

FEED_DOMAIN = ""
FEED_ALL_ATOM = "feeds/modellen.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}

JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.i18n"], "trim_blocks": True, "lstrip_blocks": True}

# The six categories, in the order the site shows them.
CATALOG_CATEGORIES = [
    ("volwassenheid-adoptie", "Volwassenheid & adoptie"),
    ("implementatie-strategie", "Implementatie & strategie"),
    ("focus-benadering", "Focus & benadering"),
    ("weergave-doelgroep", "Weergave & doelgroep"),
    ("meten-roi", "Meten & ROI"),
    ("kanalen-platformen", "Kanalen & platformen"),
]

# The English edition: the same build writes it under /en/ (pelican-i18n-subsites runs a second site with
# these settings). Its content lives in content/en/ with the same slugs and paths as the Dutch files;
# the interface strings come from theme/translations/en/LC_MESSAGES/messages.po (`make translations`).
I18N_TEMPLATES_LANG = "nl"
I18N_SUBSITES = {
    "en": {
        "SITESUBTITLE": "Every social media model explained, compared and ready to check yourself",
        "AUTHOR": "Social Media Models editors",
        "ARTICLE_PATHS": ["en/models"],
        "PAGE_PATHS": ["en/pages", "en/categorieen"],
        "ARTICLE_EXCLUDES": [],
        "PAGE_EXCLUDES": [],
        "DATE_LOCALE": "en_GB",
        "THEME_STATIC_DIR": "theme",  # the edition carries its own copy (a few kB), so theme URLs stay as they are
        "STATIC_PATHS": ["extra"],
        "LICENSE_URL": "https://creativecommons.org/licenses/by/4.0/",
        "CATALOG_CATEGORIES": [
            ("volwassenheid-adoptie", "Maturity & adoption"),
            ("implementatie-strategie", "Implementation & strategy"),
            ("focus-benadering", "Focus & approach"),
            ("weergave-doelgroep", "Audience & representation"),
            ("meten-roi", "Measurement & ROI"),
            ("kanalen-platformen", "Channels & platforms"),
        ],
    },
}
# The languages of the site, in the order of the language switch; the first is the root edition.
SITE_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
# Where each translated edition's content lives below PATH (checked against the Dutch files by the build).
TRANSLATION_PATHS = {"en": "en"}

SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.8, "indexes": 0.6, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "weekly", "pages": "monthly"},
}

# Content-Security-Policy: the site itself only. Pages that run Python get two more allowances
# (set by the assessments plugin on those pages alone).
CSP_BASE = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
CSP_RUNTIME = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
CSP_SEARCH = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"
