"""Pelican settings for the published site (GitHub Pages): absolute URLs from the environment."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403 - publishconf extends the local settings by design

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("http://", "https://")):
    sys.exit("publishconf.py: SITEURL is not set (or not an http(s) address). A published build writes "
             "absolute links, feeds and a sitemap from it: run for example "
             "`SITEURL=https://<user>.github.io/<repo> make publish`.")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
I18N_SUBSITES = {lang: {**over, "FEED_DOMAIN": f"{SITEURL}/{lang}"} for lang, over in I18N_SUBSITES.items()}  # noqa: F405
DELETE_OUTPUT_DIRECTORY = True
