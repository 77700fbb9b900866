"""Loading feedback, retry after a blocked runtime file, the start of the scan and the "weet ik niet" answer."""

import pytest

import scoring
from tests.browser.conftest import axe_violations
from tests.browser.test_assessment_browser import PATH, READY, RESULT, SCAN, answer_all, cpython_result, form_answers

FORM = f'form[data-assessment="{SCAN}"]'


@pytest.mark.parametrize("blocked", ["**/*.wasm", "**/python_stdlib.zip", "**/scoring.zip", "**/worker.py"])
def test_blocked_runtime_file_fails_fast_and_retry_recovers(browser, base_url, blocked):
    context = browser.new_context()
    context.route(blocked, lambda route: route.abort())
    page = context.new_page()
    page.goto(base_url + PATH)
    answer_all(page, lambda i, n: 1)
    page.wait_for_selector('html[data-runtime="failed"]', state="attached", timeout=15_000)
    status = page.locator('section.assessment [data-status="result"]')
    assert "kon niet laden" in status.inner_text()
    context.unroute(blocked)
    page.click('section.assessment button:has-text("Opnieuw proberen")')
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.wait_for_selector(RESULT, timeout=30_000)
    expected = cpython_result(SCAN, form_answers(page))
    assert page.locator("[data-result]").get_attribute("data-overall") == f"{expected['overall']:.1f}"
    context.close()


def test_loading_steps_are_announced_and_the_button_shows_it_is_busy(page, base_url, watch):
    page.add_init_script("""window.__seen = [];
        document.addEventListener('runtime-step', (e) => window.__seen.push(e.detail));
        new MutationObserver((list) => list.forEach((m) => m.target.getAttribute && m.target.getAttribute('aria-busy')
          && window.__seen.push('busy')))
          .observe(document, {subtree: true, attributes: true, attributeFilter: ['aria-busy']});""")
    page.goto(base_url + PATH)
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    assert page.evaluate("window.__seen") == [1, 2, 3, 4]
    assert "klaar" in page.locator('section.assessment [data-status="runtime"]').inner_text()
    answer_all(page, lambda i, n: 0)
    page.wait_for_selector(RESULT, timeout=30_000)
    page.click(f"{FORM} button[type=submit]")
    page.wait_for_function("window.__seen.includes('busy')")
    page.wait_for_selector(f"{FORM} button[type=submit]:not([aria-busy])")
    assert page.locator(f"{FORM} button[type=submit]").inner_text() == "Toon mijn uitslag"


def test_start_estimate_title_once_and_progress_in_view(page, base_url, watch):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(base_url + PATH)
    title = page.locator("h1").inner_text()
    assert title not in [h.inner_text() for h in page.locator("h2").all()]  # the title once
    intro = page.locator("section.assessment > p").first.inner_text()
    assert "Twintig vragen" not in intro  # the definition's intro is not repeated under the page's own
    note = page.locator("section.assessment .note").first.inner_text()
    words = sum(len(q.split()) for q in page.locator(f"{FORM} legend .q-text").all_inner_texts())
    words += sum(len(o.split()) for o in page.locator(f"{FORM} label:not(.unknown) span").all_inner_texts())
    counted = int(note.split("(")[1].split(" woorden")[0])
    assert abs(counted - words) <= words // 100  # the words of the questions and options, as the page shows them
    minutes = int(note.split("ongeveer ")[1].split(" ")[0])
    assert minutes >= words / 200  # never less than the reading time alone
    page.click('[data-action="start"]')
    first = page.locator(f"{FORM} fieldset").first
    box = first.bounding_box()
    assert 0 <= box["y"] < 700
    progress = page.locator(f"{FORM} [data-progress]")
    pbox = progress.bounding_box()
    assert pbox["y"] + pbox["height"] <= 700 + 1  # stays in view while answering
    assert axe_violations(page) == []


def test_weet_ik_niet_is_an_answer_that_scores_and_travels_in_links(page, base_url, watch):
    page.goto(base_url + PATH)
    fieldsets = page.locator(f"{FORM} fieldset")
    for i in range(fieldsets.count()):
        target = "input[data-unknown]" if i % 4 == 0 else "input[type=radio]:not([data-unknown]) >> nth=1"
        fieldsets.nth(i).locator(target).check()
    page.wait_for_selector(RESULT, timeout=90_000)
    answers = form_answers(page)
    assert list(answers.values()).count(scoring.UNKNOWN) == (fieldsets.count() + 3) // 4
    expected = cpython_result(SCAN, answers)
    assert page.locator("[data-result]").get_attribute("data-overall") == f"{expected['overall']:.1f}"
    page.click('[data-result] [data-action="share"]')
    url = page.locator('[data-field="share-url"]').input_value()
    other = page.context.new_page()
    other.goto(url)
    other.wait_for_selector(RESULT, timeout=90_000)
    assert form_answers(other) == answers
    other.close()
