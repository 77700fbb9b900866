"""Faults of the self-assessment glue that a visitor would notice: a reset that does not forget, a shared
link that overwrites your own answers or previous result, a progress counter that does not move, an import
of another assessment's file. Real Chromium, real Pyodide, the published site."""

import json

import pytest

from tests.browser.test_assessment_browser import PATH, READY, RESULT, SCAN, answer_all, form_answers

pytestmark = pytest.mark.browser
FORM = f'form[data-assessment="{SCAN}"]'


def stored(page, kind):
    return page.evaluate(f"localStorage.getItem('smm:{kind}:{SCAN}')")


def finish(page, pick):
    answer_all(page, pick)
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.wait_for_selector(RESULT, timeout=30_000)


def test_progress_counts_each_answer(page, base_url, watch):
    page.goto(base_url + PATH)
    progress = page.locator(f"{FORM} [data-progress]")
    total = page.locator(f"{FORM} fieldset").count()
    assert f"0 van {total}" in progress.inner_text(), progress.inner_text()
    fieldsets = page.locator(f"{FORM} fieldset")
    fieldsets.nth(0).locator("input[type=radio]").nth(1).check()
    assert f"1 van {total}" in progress.inner_text(), progress.inner_text()
    fieldsets.nth(1).locator("input[type=radio]").nth(0).check()
    assert f"2 van {total}" in progress.inner_text(), progress.inner_text()
    fieldsets.nth(1).locator("input[type=radio]").nth(1).check()  # another option of the same question
    assert f"2 van {total}" in progress.inner_text(), progress.inner_text()


def test_reset_forgets_answers_and_result_also_after_a_reload(page, base_url, watch):
    page.goto(base_url + PATH)
    finish(page, lambda i, n: i % n)
    assert stored(page, "answers") and stored(page, "result")
    page.locator(f'{FORM} [data-action="reset"]').click()
    assert form_answers(page) == {}
    assert stored(page, "answers") is None
    assert page.locator("[data-result]").get_attribute("data-overall") is None
    page.reload()
    page.wait_for_load_state("load")
    assert form_answers(page) == {}
    assert stored(page, "answers") is None
    assert page.locator("[data-result]").get_attribute("data-state") in (None, "empty")


def test_a_shared_link_leaves_your_own_answers_and_previous_result_alone(page, browser, base_url, watch):
    page.goto(base_url + PATH)
    finish(page, lambda i, n: n - 1)  # your own answers: every last option
    own_answers, own_result = stored(page, "answers"), stored(page, "result")
    own_overall = page.locator("[data-result]").get_attribute("data-overall")

    other = browser.new_page()
    other.goto(base_url + PATH)
    answer_all(other, lambda i, n: 0)  # someone else's: every first option
    other.wait_for_selector(READY, state="attached", timeout=90_000)
    other.wait_for_selector(RESULT, timeout=30_000)
    other.locator('[data-action="share"]').click()
    link = other.locator('[data-field="share-url"]').input_value()
    other.close()

    page.goto("about:blank")  # a fresh load of the link, as when it is opened from a message
    page.goto(link)
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.wait_for_function("(o) => { const r = document.querySelector('[data-result]');"
                           " return r.dataset.state === 'ready' && r.dataset.overall !== o; }", arg=own_overall,
                           timeout=30_000)
    assert set(form_answers(page).values()) != set(json.loads(own_answers).values())  # the link's answers shown
    assert stored(page, "answers") == own_answers
    assert stored(page, "result") == own_result
    page.goto(base_url + PATH)
    page.wait_for_selector(RESULT, timeout=90_000)
    assert form_answers(page) == json.loads(own_answers)
    assert page.locator("[data-result]").get_attribute("data-overall") == own_overall


def test_importing_another_assessments_file_is_refused_and_changes_nothing(page, base_url, watch, tmp_path):
    page.goto(base_url + PATH)
    fieldsets = page.locator(f"{FORM} fieldset")
    fieldsets.nth(0).locator("input[type=radio]").nth(1).check()
    before = form_answers(page)
    saved = stored(page, "answers")
    question = next(iter(before))
    foreign = tmp_path / "ander.json"
    foreign.write_text(json.dumps({"assessment": "een-andere-scan", "answers": {question: "x"}}), encoding="utf-8")
    page.locator(f'{FORM} [data-action="import"]').set_input_files(str(foreign))
    status = page.locator(f"section.assessment:has({FORM}) [data-status]")
    status.wait_for(state="visible", timeout=10_000)
    assert "error" in status.get_attribute("class")
    assert form_answers(page) == before
    assert stored(page, "answers") == saved
