"""The plugins run in the test process: the content check on the broken and good trees, and a whole
fixture site built with `pelican.Pelican(settings).run()`.

The same checks as test_broken_content.py and test_catalog_build.py (which go through `make`), but
with the plugin code called here, so a mutation run (`make mutation`) sees which tests exercise which
plugin function.
"""

import contextlib
import io
import os
import sys

import pytest

from tests.build import test_catalog_build as built
from tests.build.test_broken_content import BROKEN, EXPECTED, LINE_RE
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
import catalog  # noqa: E402
from catalog.validate import check_content, main, report  # noqa: E402

GOOD = built.GOOD
# A mutation run works in a copy of the project without node_modules; it passes the real folder here.
NODE_MODULES = os.environ.get("MUTATION_NODE_MODULES", str(ROOT / "node_modules"))


def pelican_build(content, output):
    """Build `content` into `output` in this process with the site's own settings."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output),
        # the folder the plugin packages were imported from here (plugins/, or a mutation run's copy)
        "PLUGIN_PATHS": [os.path.dirname(os.path.dirname(os.path.abspath(catalog.__file__)))],
        "ASSESSMENTS": {"node_modules": NODE_MODULES},
    })
    from pelican.plugins.i18n_subsites import i18n_subsites

    cwd = os.getcwd()
    os.chdir(ROOT)  # PLUGIN_PATHS and THEME are relative to the project
    try:
        Pelican(settings).run()
    finally:
        os.chdir(cwd)
        # a build stopped by a content fault leaves i18n_subsites holding its settings and its queue of
        # editions: the next build in this process would build those instead of its own
        i18n_subsites._MAIN_SETTINGS = None
    return output


def run_checks(site, checks):
    """Run every check on the built site; fail once, listing every check that failed."""
    failed = []
    for check in checks:
        try:
            check(site)
        except AssertionError as err:
            failed.append(f"{check.__name__}: {err}")
    assert not failed, "\n".join(failed)


# The fixture-tree checks of test_catalog_build.py. One test builds and runs them all: a mutation run
# credits a function to the tests that call it, and a shared (module) fixture would credit only the first.
CATALOG_CHECKS = [
    built.test_facts_link_to_the_sources_that_back_them,
    built.test_sources_list_says_kind_and_what_each_backs,
    built.test_each_element_shows_its_sources_and_unknown_elements_are_marked,
    built.test_confidence_shown_is_the_computed_one,
    built.test_hidden_model_is_built_but_not_listed_and_draft_is_not_published,
    built.test_open_data_carries_computed_confidence_and_source_kinds,
    built.test_undocumented_models_have_their_page,
    built.test_element_headings_in_the_body_link_to_their_sources,
    built.test_citation_points_at_the_makers_or_publishers_source_first,
]


def diagrams_in_model_order(site):
    import re

    for slug in ("alpha", "beta", "gamma"):
        html = built.page(site, slug)
        svg = html[html.index("<svg"):html.index("</svg>")]
        desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1)
        names = re.findall(r'<li id="element-\d+"[^>]*><strong>([^<]+)</strong>', html)
        assert len(names) >= 3, slug
        assert "; ".join(f"{i}. {name}" for i, name in enumerate(names, start=1)) in desc, (slug, desc)


def runtime_and_service_worker_written(site):
    import zipfile

    with zipfile.ZipFile(site / "runtime" / "scoring.zip") as packed:
        names = packed.namelist()
    assert "scoring/__init__.py" in names and any(n.endswith(".json") for n in names)
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert "__VERSION__" not in sw
    assert (site / "hoe-we-scoren" / "index.html").is_file()


def test_the_fixture_tree_built_here_passes_every_catalog_check(tmp_path):
    site = pelican_build(GOOD, tmp_path / "output")
    run_checks(site, CATALOG_CHECKS + [diagrams_in_model_order, runtime_and_service_worker_written])


def real_site_checks():
    """The checks of test_site.py and test_method_page.py that need only the built pages."""
    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    from tests.build import test_site
    from tests.unit import test_method_page as method
    from tests.unit.scoring_cases import definition_ids

    def method_page(site):
        sections = method.method_sections.__wrapped__(site)
        for aid in definition_ids():
            method.test_every_rule_is_printed_with_its_sentence_and_source(sections, aid)
            method.test_next_steps_are_listed_by_dimension_label(sections, aid)
        method.test_the_page_explains_weet_ik_niet_and_the_two_placement_rules(site)

    return [test_site.test_every_model_page_exists, test_site.test_every_category_page_exists_with_its_models,
            test_site.test_models_json_lists_every_model_with_all_fields, test_site.test_models_csv_has_a_row_per_model,
            test_site.test_feed_sitemap_and_special_pages, test_site.test_every_page_has_a_strict_content_security_policy,
            method_page]


def test_the_real_content_built_here_passes_the_site_checks(tmp_path):
    site = pelican_build(ROOT / "content", tmp_path / "output")
    run_checks(site, real_site_checks())


def broken_lines():
    return [str(p) for p in check_content(str(BROKEN)).problems]


def test_the_broken_tree_gives_each_expected_fault_once():
    lines = broken_lines()
    assert len(lines) == len(EXPECTED), "\n".join(lines)
    for path, line, field, words in EXPECTED:
        prefix = f"{path}:{line}: {field}: "
        hits = [x for x in lines if x.split("content-broken/", 1)[-1].startswith(prefix)]
        assert len(hits) == 1, (prefix, lines)
        assert words in hits[0], hits[0]
    assert all(LINE_RE.match(x) for x in lines)


def test_the_report_prints_every_line_and_the_count():
    problems = check_content(str(BROKEN)).problems
    out = io.StringIO()
    report(problems, out)
    printed = out.getvalue().splitlines()
    assert printed[:-1] == [str(p) for p in problems]
    assert printed[-1] == f"{len(EXPECTED)} content errors found."
    one = io.StringIO()
    report(problems[:1], one)
    assert one.getvalue().splitlines()[-1] == "1 content error found."
    none = io.StringIO()
    report([], none)
    assert none.getvalue() == "content: no errors\n"


def test_the_good_tree_and_the_real_content_pass_the_check():
    good = check_content(str(GOOD))
    assert good.problems == [] and len(good.models) == 5 and len(good.undocumented) == 1
    real = check_content(str(ROOT / "content"))
    assert real.problems == [], "\n".join(map(str, real.problems))
    assert len(real.models) >= 14


def test_the_command_line_check_exits_with_the_right_code():
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main([str(GOOD)]) == 0
        assert main([str(BROKEN)]) == 1
    assert out.getvalue() == "content: 5 models, 1 undocumented, no errors\n"
    assert err.getvalue().splitlines()[-1] == f"{len(EXPECTED)} content errors found."


def test_a_pelican_build_of_the_broken_tree_stops_before_writing(tmp_path):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stopped:
        pelican_build(BROKEN, tmp_path / "out")
    assert stopped.value.code == 1
    assert f"{len(EXPECTED)} content errors found." in err.getvalue()
    assert not (tmp_path / "out" / "modellen").exists()
