"""Shared fixtures: the real site, built once per session with the real Makefile, and a local server."""

import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import sys
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = pathlib.Path(sys.executable).parent
CATEGORIES = ("volwassenheid-adoptie", "implementatie-strategie", "focus-benadering",
              "weergave-doelgroep", "meten-roi", "kanalen-platformen")


def make_html(output, *, content=None, conf="pelicanconf.py", siteurl=None):
    """Run `make html` (or `make publish` with a SITEURL) into `output`; return the finished process.

    Without `content`, the real content folder (or TEST_CONTENT_DIR, to try the tests on a copy)."""
    content = content or os.environ.get("TEST_CONTENT_DIR") or ROOT / "content"
    env = {**os.environ, "COLUMNS": "200"}
    target = "html"
    if siteurl is not None:
        env["SITEURL"] = siteurl
        target = "publish"
    return subprocess.run(
        ["make", "--no-print-directory", target, f"OUTPUTDIR={output}", f"INPUTDIR={content}",
         f"CONFFILE={ROOT / conf}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real catalogue, built by `make html` into a temporary folder (or TEST_SITE_DIR, if given)."""
    if os.environ.get("TEST_SITE_DIR"):
        return pathlib.Path(os.environ["TEST_SITE_DIR"])
    out = tmp_path_factory.mktemp("site") / "output"
    done = make_html(out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    """Serve `directory` on 127.0.0.1 at a free port in a background thread; return (server, base url)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".mjs": "text/javascript", ".wasm": "application/wasm", ".js": "text/javascript"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served on 127.0.0.1; pytest-playwright's page fixture uses it too."""
    server, url = serve(site)
    yield url
    server.shutdown()


def assessment_data(path, lang="nl"):
    """The definition in content/assessments/<id>.yaml as the build hands it to `scoring`: the texts of
    edition `lang` under the plain keys (the `_en` siblings picked or dropped)."""
    import yaml  # noqa: PLC0415 - only the tests that read definitions need it

    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))
    from assessments.editions import edition  # noqa: PLC0415 - plugins/ is put on the path just above

    return edition(yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8")), lang)


def model_files():
    """Every model Markdown file in the real content; never empty."""
    files = sorted((ROOT / "content" / "models").glob("*/*.md"))
    assert files, "no model files found in content/models/*/"
    return files


def copy_content(dest):
    """A copy of the real content folder to break on purpose."""
    shutil.copytree(ROOT / "content", dest)
    return dest
