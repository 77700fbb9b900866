"""The English edition in a real Chromium, on the published build under its subpath: the scan gives the
same score and placements as the Dutch one, a share link crosses languages, the language switch keeps
you on the page, and English search finds a model by an English word."""

import pytest

import scoring
from tests.browser.conftest import axe_violations
from tests.browser.test_assessment_browser import RESULT, SCAN, answer_all, form_answers
from tests.conftest import ROOT, assessment_data

DEFINITION = ROOT / "content" / "assessments" / f"{SCAN}.yaml"


def expected(lang, answers):
    """The result CPython computes from the definition with the texts of `lang`."""
    return scoring.score(scoring.load(assessment_data(DEFINITION, lang)), answers).to_dict()


def result_of(page):
    page.wait_for_selector(RESULT, timeout=90_000)
    region = page.locator("[data-result]")
    return region.get_attribute("data-overall"), region.inner_text()


@pytest.mark.parametrize("pick", [lambda i, n: (i * 5) % n, lambda i, n: n - 1 - (i % 2)], ids=["mixed", "high"])
def test_english_scan_gives_the_dutch_score_and_placements(page, base_url, watch, pick):
    page.goto(base_url + "/en/zelfscan/")
    assert "Question 1 of" in page.locator("form fieldset").first.inner_text()
    answer_all(page, pick)
    overall_en, text_en = result_of(page)
    answers = form_answers(page)
    english, dutch = expected("en", answers), expected("nl", answers)
    assert english["overall"] == dutch["overall"] and english["stages"] == dutch["stages"]
    assert overall_en == f"{dutch['overall']:.1f}"
    for placement in english["placements"]:
        assert placement["label"] in text_en
    page.goto(base_url + "/zelfscan/")  # the same answers, kept in the browser, in Dutch
    overall_nl, text_nl = result_of(page)
    assert form_answers(page) == answers
    assert overall_nl == overall_en
    for placement_nl, placement_en in zip(dutch["placements"], english["placements"], strict=True):
        assert (placement_nl["model"], placement_nl["position"]) == (placement_en["model"], placement_en["position"])
        assert placement_nl["label"] in text_nl


def test_share_link_made_in_english_opens_in_dutch_with_the_same_result(page, browser, base_url, watch):
    page.goto(base_url + "/en/zelfscan/")
    answer_all(page, lambda i, n: (i * 3) % n)
    overall, _text = result_of(page)
    page.click('[data-result] [data-action="share"]')
    link = page.locator('[data-field="share-url"]').input_value()
    assert link.startswith(base_url + "/en/zelfscan/#")
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(link.replace("/en/zelfscan/", "/zelfscan/"))
    assert result_of(other)[0] == overall
    assert form_answers(other) == form_answers(page)
    fresh.close()


def test_language_switch_keeps_the_model(page, base_url, watch):
    page.goto(base_url + "/modellen/social-media-piramide/")
    page.click(".language-switch a[hreflang=en]")
    assert page.url == base_url + "/en/modellen/social-media-piramide/"
    assert page.evaluate("document.documentElement.lang") == "en"
    page.click(".language-switch a[hreflang=nl]")
    assert page.url == base_url + "/modellen/social-media-piramide/"


def test_english_search_finds_a_model_by_an_english_word(page, base_url, watch):
    page.goto(base_url + "/en/zoeken/")
    page.fill("#zoekveld", "pyramid")
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-search-results][data-state="ready"]')
    hits = page.locator("[data-search-results] a")
    titles = hits.all_inner_texts()
    assert "Social Media Piramide" in titles, titles
    urls = [hits.nth(i).get_attribute("href") for i in range(hits.count())]
    assert urls and all("/en/" in url for url in urls), urls  # English search lists English pages only
    assert axe_violations(page) == []


def test_dutch_search_keeps_to_dutch_pages(page, base_url, watch):
    page.goto(base_url + "/zoeken/")
    page.fill("#zoekveld", "piramide")
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-search-results][data-state="ready"]')
    hits = page.locator("[data-search-results] a")
    urls = [hits.nth(i).get_attribute("href") for i in range(hits.count())]
    assert urls and not any("/en/" in url for url in urls), urls


@pytest.mark.parametrize(("fragment", "words"), [
    ("v1.ab", "This share link is damaged: it is incomplete."),
    ("v9.aaaaaa.0123.abcd", "made with another version of this site"),
])
def test_a_bad_share_link_is_explained_in_english_on_the_english_scan(page, base_url, watch, fragment, words):
    page.goto(f"{base_url}/en/zelfscan/#{SCAN}={fragment}")
    status = page.locator('section.assessment [data-status="page"]')
    page.wait_for_function("document.querySelector('section.assessment [data-status=\"page\"]').textContent.includes('.')",
                           timeout=90_000)
    text = status.inner_text()
    assert words in text
    assert "deellink" not in text and "beschadigd" not in text  # no Dutch left in the message


def test_team_view_explains_a_foreign_link_in_english(page, base_url, watch):
    page.goto(f"{base_url}/en/team/")
    page.fill("[data-team-input]", f"{base_url}/en/zelfscan/#other-scan=v1.a.b.c")
    page.click('section.team button[type="submit"]')
    page.wait_for_selector('[data-team-result][data-state="error"]', timeout=90_000)
    reason = page.locator("[data-team-invalid] li").first.inner_text()
    assert "belongs to another test (“other-scan”)" in reason, reason
