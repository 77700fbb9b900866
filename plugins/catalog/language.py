"""The interface language of the edition being built, for the few texts the plugin composes itself.

Templates translate with `_()`; texts put together in Python (the citation line, which facts a source
supports, "3 of 8 known") use the same compiled catalogue, theme/translations/<lang>/LC_MESSAGES.
Words kept in tables are marked with `N_` so `make translations` extracts them; they are translated
where they are shown.
"""

import gettext
import os

__all__ = ["N_", "interface_gettext"]


def N_(text):  # noqa: N802 - the gettext convention for "extract, translate later"
    """Mark `text` for extraction without translating it here."""
    return text


def interface_gettext(settings):
    """The gettext function of the edition `settings` build (the identity for the templates' language)."""
    lang = settings.get("DEFAULT_LANG", "nl")
    if lang == settings.get("I18N_TEMPLATES_LANG", lang):
        return gettext.NullTranslations().gettext
    localedir = os.path.join(settings["THEME"], "translations")
    return gettext.translation("messages", localedir, languages=[lang]).gettext
