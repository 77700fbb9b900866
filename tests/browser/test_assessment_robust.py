"""The scan page never dies: broken links, storage and files give a message and leave the form working."""

import json

import pytest

import scoring
from tests.browser.test_assessment_browser import (
    PATH,
    READY,
    RESULT,
    SCAN,
    answer_all,
    definition,
    form_answers,
)

FORM = f'form[data-assessment="{SCAN}"]'
ANSWERS = f"smm:answers:{SCAN}"
RESULTS = f"smm:results:{SCAN}"


def stored(page, key=ANSWERS):
    text = page.evaluate(f"localStorage.getItem('{key}')")
    return None if text is None else json.loads(text)


def progress(page):
    return page.locator(f"{FORM} [data-progress]").inner_text()


def answer_one_and_check(page, index=2, option=1):
    """Answer one question; the counter moves, the answer is saved, the form is alive."""
    before = len(form_answers(page))
    fieldset = page.locator(f"{FORM} fieldset").nth(index)
    qid = fieldset.get_attribute("data-question")
    already = qid in form_answers(page)
    fieldset.locator("input[type=radio]").nth(option).check()
    answers = form_answers(page)
    assert len(answers) == before + (0 if already else 1)
    assert progress(page).startswith(f"{len(answers)} van ")
    assert stored(page) == answers
    return qid


def put_in_storage(page, values):
    """Open the page, write raw values into localStorage, reload so the page reads them at start."""
    page.goto(page.base + PATH)
    for key, text in values.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, text])
    page.reload()


@pytest.fixture
def scan(page, base_url, watch):
    page.base = base_url
    return page


@pytest.mark.parametrize("fragment", ["%E0%A4%A", "%", "v1.%ZZ", "%E0%A4%A=%"])
def test_malformed_fragment_gives_a_message_and_the_form_works(scan, fragment):
    scan.goto(f"{scan.base}{PATH}#{SCAN}={fragment}")
    status = scan.locator('[data-status="page"]')
    status.wait_for(state="visible")
    assert "beschadigd" in status.inner_text()
    assert "niet aangeraakt" in status.inner_text()
    assert progress(scan).startswith("0 van ")
    answer_one_and_check(scan)


def test_share_link_decoded_by_python_reports_its_precise_reason(scan):
    scan.goto(scan.base + PATH)
    answer_all(scan, lambda i, n: i % n)
    scan.wait_for_selector(RESULT, timeout=90_000)
    good = scoring.share.encode(definition(SCAN), form_answers(scan))
    broken = good[:-1] + ("a" if good[-1] != "a" else "b")
    scan.goto(f"{scan.base}{PATH}#{SCAN}={broken}")
    scan.reload()
    status = scan.locator('[data-status="page"]')
    status.wait_for(state="visible", timeout=90_000)
    with pytest.raises(scoring.AnswerError) as expected:
        scoring.share.decode(definition(SCAN), broken)
    assert str(expected.value) in status.inner_text()  # the message from Python, word for word


@pytest.mark.parametrize("raw", ["{bad", "[1, 2]", "42", "null", '"text"', '{"x": '])
def test_corrupted_stored_answers_give_a_message_and_the_form_works(scan, raw):
    put_in_storage(scan, {ANSWERS: raw, RESULTS: "{bad", f"smm:results:{SCAN}x": "{"})
    if raw != "null":
        assert "konden niet worden gelezen" in scan.locator('[data-status="page"]').inner_text()
    assert progress(scan).startswith("0 van ")
    answer_one_and_check(scan)


def test_partly_valid_stored_answers_keep_the_valid_ones(scan):
    first = definition(SCAN).questions[0]
    second = definition(SCAN).questions[1]
    raw = json.dumps({first.id: first.options[2].id, second.id: "zz", "bestaat-niet": "a", "x": 5})
    put_in_storage(scan, {ANSWERS: raw})
    assert form_answers(scan) == {first.id: first.options[2].id}
    status = scan.locator('[data-status="page"]').inner_text()
    assert "vraag 2" in status and '"bestaat-niet"' in status
    assert progress(scan).startswith("1 van ")
    answer_one_and_check(scan)


def import_file(page, name, content):
    page.locator(f'{FORM} [data-action="import"]').set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": content.encode()}])


@pytest.mark.parametrize("content, reason", [
    ("dit is geen json", "geen JSON"),
    ("[]", "geen JSON"),
    (json.dumps({"assessment": "check-social-readiness-model", "answers": {"a": "b"}}), "andere test"),
    (json.dumps({"assessment": SCAN, "answers": ["a"]}), "geen antwoorden"),
    (json.dumps({"assessment": SCAN}), "geen antwoorden"),
    (json.dumps({"assessment": SCAN, "answers": {"nee": "a", "strategie-plan": "q"}}), "geen enkel antwoord"),
])
def test_broken_import_file_changes_nothing_and_says_why(scan, content, reason):
    scan.goto(scan.base + PATH)
    answer_all(scan, lambda i, n: 1)
    scan.wait_for_selector(RESULT, timeout=90_000)
    before, overall = stored(scan), scan.locator("[data-result]").get_attribute("data-overall")
    import_file(scan, "kapot.json", content)
    status = scan.locator(f'{FORM} [data-status="form"]')
    status.wait_for(state="visible")
    assert "kapot.json" in status.inner_text() and reason in status.inner_text()
    assert "niets veranderd" in status.inner_text()
    assert stored(scan) == before == form_answers(scan)
    assert scan.locator("[data-result]").get_attribute("data-overall") == overall
    answer_one_and_check(scan, index=0, option=2)


def test_import_with_some_bad_answers_keeps_the_good_ones_and_names_the_rest(scan):
    scan.goto(scan.base + PATH)
    answer_all(scan, lambda i, n: 0)
    scan.wait_for_selector(RESULT, timeout=90_000)
    questions = definition(SCAN).questions
    answers = {q.id: q.options[-1].id for q in questions}
    answers[questions[3].id] = "onzin"
    import_file(scan, "team.json", json.dumps({"assessment": SCAN, "answers": answers}))
    status = scan.locator(f'{FORM} [data-status="form"]')
    status.wait_for(state="visible")
    assert "vraag 4" in status.inner_text()
    expected = {q.id: q.options[-1].id for q in questions}
    expected[questions[3].id] = questions[3].options[0].id  # the visitor's own answer stays
    assert form_answers(scan) == expected == stored(scan)
    scan.wait_for_selector(f'{RESULT}[data-overall="{scoring.score(definition(SCAN), expected).overall:.1f}"]')


def test_reset_asks_first_and_then_really_forgets(scan):
    scan.goto(scan.base + PATH)
    answer_all(scan, lambda i, n: 1)
    scan.wait_for_selector(RESULT, timeout=90_000)
    saved = stored(scan)
    scan.click(f'{FORM} [data-action="reset"]')
    confirm = scan.locator(f"{FORM} [data-confirm]")
    assert confirm.is_visible()
    scan.click(f'{FORM} [data-action="reset-no"]')
    assert not confirm.is_visible()
    assert stored(scan) == saved == form_answers(scan)
    scan.click(f'{FORM} [data-action="reset"]')
    scan.click(f'{FORM} [data-action="reset-yes"]')
    assert stored(scan) is None and form_answers(scan) == {}
    assert progress(scan).startswith("0 van ")
    assert scan.locator("[data-result]").get_attribute("data-state") == "empty"
    assert len(stored(scan, RESULTS)) == 1  # earlier results stay for the comparison
    scan.reload()
    assert form_answers(scan) == {}
    scan.click(f'{FORM} [data-action="reset"]')
    scan.check(f"{FORM} [data-forget-results]")
    scan.click(f'{FORM} [data-action="reset-yes"]')
    assert stored(scan, RESULTS) is None


def test_opening_a_share_link_keeps_own_answers_and_results(scan):
    scan.goto(scan.base + PATH)
    answer_all(scan, lambda i, n: 0)
    scan.wait_for_selector(RESULT, timeout=90_000)
    own, own_results = stored(scan), stored(scan, RESULTS)
    theirs = {q.id: q.options[-1].id for q in definition(SCAN).questions}
    code = scoring.share.encode(definition(SCAN), theirs)
    scan.goto(f"{scan.base}{PATH}#{SCAN}={code}")
    scan.reload()
    scan.wait_for_selector(f'{RESULT}[data-overall="100.0"]', timeout=90_000)
    assert form_answers(scan) == theirs
    assert stored(scan) == own and stored(scan, RESULTS) == own_results
    scan.locator(f"{FORM} fieldset").first.locator("input").first.check()  # a change in their answers
    assert stored(scan) == own
    scan.click('[data-action="own"]')
    assert form_answers(scan) == own
    assert "#" not in scan.url
    scan.wait_for_selector(f'{RESULT}[data-overall="0.0"]', timeout=30_000)
    assert [r["overall"] for r in stored(scan, RESULTS)] == [r["overall"] for r in own_results] == [0.0]


def test_adopting_a_share_link_makes_its_answers_ones_own(scan):
    theirs = {q.id: q.options[1].id for q in definition(SCAN).questions}
    code = scoring.share.encode(definition(SCAN), theirs)
    scan.goto(f"{scan.base}{PATH}#{SCAN}={code}")
    scan.wait_for_selector(RESULT, timeout=90_000)
    assert stored(scan) is None
    scan.click('[data-action="adopt"]')
    assert stored(scan) == theirs
    answer_one_and_check(scan, index=0, option=3)


def test_progress_counter_follows_every_answer(scan):
    scan.goto(scan.base + PATH)
    total = scan.locator(f"{FORM} fieldset").count()
    for i in range(total):
        scan.locator(f"{FORM} fieldset").nth(i).locator("input").first.check()
        assert progress(scan) == f"{i + 1} van {total} vragen beantwoord"
    scan.wait_for_selector(READY, state="attached", timeout=90_000)


def test_change_is_measured_against_the_last_session_not_the_last_click(page, base_url, watch):
    page.goto(base_url + PATH)
    answer_all(page, lambda i, n: 0)
    page.wait_for_selector(RESULT, timeout=90_000)
    first = stored(page, RESULTS)
    assert len(first) == 1 and first[0]["overall"] == 0.0 and "date" in first[0]
    later = page.context.new_page()  # a new visit: its own session
    later.goto(base_url + PATH)
    later.wait_for_selector(RESULT, timeout=90_000)
    assert later.locator('[data-field="change"]').get_attribute("data-since") == first[0]["date"]
    for step in (1, 2):
        later.locator(f"{FORM} fieldset").first.locator("input").nth(step).check()
        later.wait_for_selector(f'{RESULT}:not([data-overall="0.0"])', timeout=30_000)
        change = later.locator('[data-field="change"]')
        change.wait_for(state="visible")
        assert change.get_attribute("data-since") == first[0]["date"]  # not the click before
        expected = scoring.score(definition(SCAN), form_answers(later)).dimensions
        names = {d.id: d.label for d in definition(SCAN).dimensions}
        text = change.inner_text()
        for dim, score in expected.items():
            assert f"{names[dim]}: 0,0 → {score:.1f}".replace(".", ",") in text
    kept = stored(later, RESULTS)
    assert len(kept) == 2 and kept[0] == first[0]
    later.close()


@pytest.mark.parametrize("reply", ['"kapot"', '"[1, 2]"', 'json.dumps({"ok": True})'])
def test_unreadable_worker_reply_gives_a_message_and_keeps_answers(browser, base_url, reply):
    context = browser.new_context()
    errors = []

    def broken_worker(route):
        if route.request.method != "GET":  # the runtime's HEAD probe
            route.continue_()
            return
        source = route.fetch().text()
        marker = "def evaluate(assessment_id, answers_json):"
        assert marker in source
        route.fulfill(body=source.replace(marker, f"{marker}\n    return {reply}"), content_type="text/x-python")

    context.route("**/worker.py", broken_worker)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + PATH)
    answer_all(page, lambda i, n: 1)
    status = page.locator('[data-status="result"]')
    page.wait_for_selector('[data-status="result"]:has-text("niet konden lezen")', timeout=90_000)
    assert "bewaard" in status.inner_text()
    assert stored(page) == form_answers(page) and len(stored(page)) == page.locator(f"{FORM} fieldset").count()
    assert page.locator("[data-result]").get_attribute("data-state") == "empty"
    assert errors == []
    answer_one_and_check(page, index=0, option=2)
    context.close()
