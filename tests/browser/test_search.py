"""Search: the Pagefind index built with the site finds models by Dutch word forms, offline."""

import pytest

from tests.browser.conftest import axe_violations
from tests.conftest import model_files


def search(page, base_url, term):
    page.goto(base_url + "/zoeken/")
    page.fill("#zoekveld", term)
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-search-results][data-state="ready"]')
    return page.locator("[data-search-results] a").all_inner_texts()


@pytest.mark.parametrize("term, expected", [
    ("piramides", "Social Media Piramide"),
    ("strategieën", "Social Strategy Model"),
])
def test_dutch_word_forms_find_the_model(page, base_url, watch, term, expected):
    titles = search(page, base_url, term)
    assert any(expected in t for t in titles), titles


def test_header_box_leads_to_results(page, base_url, watch):
    page.goto(base_url + "/modellen/social-readiness-model/")
    page.fill("#zoekterm", "luisteren")
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-search-results][data-state="ready"]')
    assert page.locator("[data-search-results] li").count() > 0
    assert axe_violations(page) == []


def test_without_javascript_the_search_page_lists_every_model(browser, base_url, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/zoeken/?q=piramide")
    assert page.locator(".az-list li").count() == len(model_files()) >= 95
    context.close()


def test_first_search_downloads_little(page, base_url, watch):
    sizes = []
    page.on("requestfinished", lambda r: "pagefind" in r.url and sizes.append(r.sizes()["responseBodySize"]))
    search(page, base_url, "volwassenheid")
    assert 0 < sum(sizes) <= 200_000, sum(sizes)
