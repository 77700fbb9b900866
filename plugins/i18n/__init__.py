"""Interface translations: installs gettext for the Jinja2 `_()` calls in the theme.

The theme's strings are written in Dutch; a catalogue in theme/translations/<lang>/LC_MESSAGES
(compiled messages.mo) translates them when the site is built in another language.
"""

import gettext
import os

from pelican import signals

__all__ = ["register"]


def install_translations(generator):
    """Give the generator's Jinja2 environment the translations for DEFAULT_LANG."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    localedir = os.path.join(generator.settings["THEME"], "translations")
    lang = generator.settings.get("DEFAULT_LANG", "nl")
    translations = gettext.translation("messages", localedir, languages=[lang], fallback=True)
    env.install_gettext_translations(translations, newstyle=True)


def register():
    """Install translations in every generator that renders templates."""
    signals.generator_init.connect(install_translations)
