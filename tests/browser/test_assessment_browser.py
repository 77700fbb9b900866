"""The self-assessment in a real Chromium with the real Pyodide: keyboard, results, persistence, failures."""

import json

import pytest

import scoring  # the package at the repository root (pytest runs from there)
from tests.browser.conftest import axe_violations
from tests.conftest import ROOT, assessment_data

SCAN = "social-media-volwassenheidsscan"
PATH = "/zelfscan/"
PERSON_PATH = "/welk-type-gebruiker/"
READY = 'html[data-runtime="ready"]'
RESULT = '[data-result][data-state="ready"]'


def definition(aid):
    return scoring.load(assessment_data(ROOT / "content" / "assessments" / f"{aid}.yaml"))


def cpython_result(aid, answers):
    return scoring.score(definition(aid), answers).to_dict()


def form_answers(page, aid=SCAN):
    return page.evaluate(f"""() => Object.fromEntries(new FormData(document.querySelector('form[data-assessment="{aid}"]')))""")


def answer_all(page, pick, aid=SCAN):
    """Click option `pick(question index, option count)` in every question of the form."""
    for i, fieldset in enumerate(page.locator(f'form[data-assessment="{aid}"] fieldset').all()):
        options = fieldset.locator("input[type=radio]:not([data-unknown])")
        options.nth(pick(i, options.count())).check()


def test_complete_the_scan_by_keyboard_alone(page, base_url, watch):
    page.goto(base_url + PATH)
    questions = page.locator(f'form[data-assessment="{SCAN}"] fieldset')
    total = questions.count()
    assert 16 <= total <= 24
    assert "Vraag 1 van" in questions.first.inner_text()
    for i in range(total):
        for _ in range(60):  # Tab into the next radio group
            page.keyboard.press("Tab")
            here = "(i) => document.activeElement.closest('fieldset') === document.querySelectorAll('form fieldset')[i]"
            if page.evaluate(here, i):
                break
        else:
            pytest.fail(f"question {i + 1} is not reachable by Tab")
        page.keyboard.press("Space")          # choose the focused (first) option
        for _ in range(i % 3):
            page.keyboard.press("ArrowDown")  # and move to a later one for some questions
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.wait_for_selector(RESULT, timeout=30_000)
    answers = form_answers(page)
    assert len(answers) == total
    expected = cpython_result(SCAN, answers)
    result = page.locator("[data-result]")
    assert result.get_attribute("data-overall") == f"{expected['overall']:.1f}"
    text = result.inner_text()
    for placement in expected["placements"]:
        assert placement["label"] in text
    link = result.locator(".placements a").first
    assert link.get_attribute("href").endswith(f"#element-{expected['placements'][0]['element']}")


def test_reload_keeps_answers_and_result(page, base_url, watch):
    page.goto(base_url + PATH)
    answer_all(page, lambda i, n: (i * 7) % n)
    page.wait_for_selector(RESULT, timeout=90_000)
    before = form_answers(page)
    overall = page.locator("[data-result]").get_attribute("data-overall")
    page.reload()
    assert form_answers(page) == before
    page.wait_for_selector(RESULT, timeout=90_000)
    assert page.locator("[data-result]").get_attribute("data-overall") == overall


def test_share_link_restores_answers_in_a_fresh_context(page, browser, base_url, watch):
    page.goto(base_url + PATH)
    answer_all(page, lambda i, n: n - 1 - (i % n))
    page.wait_for_selector(RESULT, timeout=90_000)
    page.click('[data-result] [data-action="share"]')
    url = page.locator('[data-field="share-url"]').input_value()
    assert url.startswith(base_url + PATH + "#" + SCAN + "=")
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(url)
    other.wait_for_selector(RESULT, timeout=90_000)
    assert form_answers(other) == form_answers(page)
    overall = page.locator("[data-result]").get_attribute("data-overall")
    assert other.locator("[data-result]").get_attribute("data-overall") == overall
    assert other.evaluate(f"localStorage.getItem('smm:answers:{SCAN}')") is None  # viewing a link saves nothing
    fresh.close()


def test_tampered_link_shows_a_message_and_keeps_own_answers(page, base_url, watch):
    page.goto(base_url + PATH)
    answer_all(page, lambda i, n: 1)
    page.wait_for_selector(RESULT, timeout=90_000)
    saved = page.evaluate(f"localStorage.getItem('smm:answers:{SCAN}')")
    answers = json.loads(saved)
    good = scoring.share.encode(definition(SCAN), {q: o for q, o in answers.items()})
    bad = good[:-3] + ("x" if good[-3] != "x" else "y") + good[-2:]
    for broken in (bad, good[: len(good) // 2], "v9.onzin"):
        page.goto(f"{base_url}{PATH}#{SCAN}={broken}")
        page.reload()
        status = page.locator('section.assessment [data-status="page"]')
        status.wait_for(state="visible", timeout=90_000)
        assert "beschadigd" in status.inner_text() or "andere scan" in status.inner_text()
        assert page.evaluate(f"localStorage.getItem('smm:answers:{SCAN}')") == saved
    assert axe_violations(page) == []


def test_unanswered_questions_are_pointed_out(page, base_url, watch):
    page.goto(base_url + PATH)
    page.locator(f'form[data-assessment="{SCAN}"] fieldset').first.locator("input").first.check()
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    assert axe_violations(page) == []  # partly answered
    page.click(f'form[data-assessment="{SCAN}"] button[type=submit]')
    page.wait_for_selector('[data-result][data-state="error"]')
    assert page.locator("fieldset.missing").count() == page.locator("fieldset").count() - 1
    assert "nog niet beantwoord" in page.locator("[data-result]").inner_text()
    assert axe_violations(page) == []  # error state


def test_blocked_runtime_fails_clearly_and_keeps_answers(browser, base_url):
    context = browser.new_context()
    context.route("**/*.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(base_url + PATH)
    answer_all(page, lambda i, n: 0)
    page.wait_for_selector('html[data-runtime="failed"]', state="attached", timeout=90_000)
    status = page.locator('section.assessment [data-status="result"]')
    assert "kon niet laden" in status.inner_text()
    assert page.locator('section.assessment button:has-text("Opnieuw proberen")').count() == 1
    saved = json.loads(page.evaluate(f"localStorage.getItem('smm:answers:{SCAN}')"))
    assert saved == form_answers(page) and len(saved) == page.locator("fieldset").count()
    page.reload()
    assert form_answers(page) == saved
    context.close()


def test_start_and_result_states_are_accessible(page, base_url, watch):
    page.goto(base_url + PATH)
    assert axe_violations(page) == []  # start
    answer_all(page, lambda i, n: n // 2)
    page.wait_for_selector(RESULT, timeout=90_000)
    assert axe_violations(page) == []  # result


def test_retake_shows_the_change_since_the_previous_result(page, base_url, watch):
    page.goto(base_url + PATH)
    answer_all(page, lambda i, n: 0)
    page.wait_for_selector(RESULT, timeout=90_000)
    first = float(page.locator("[data-result]").get_attribute("data-overall"))
    page.click('[data-action="reset"]')
    page.click('[data-action="reset-yes"]')
    assert form_answers(page) == {}
    answer_all(page, lambda i, n: n - 1)
    page.wait_for_selector(f'[data-result][data-state="ready"]:not([data-overall="{first:.1f}"])', timeout=30_000)
    change = page.locator('[data-field="change"]').inner_text()
    assert f"+{100.0 - first:.1f}".replace(".", ",") in change


@pytest.mark.parametrize("aid", ["check-social-media-groeimodel"])
def test_quick_check_on_a_model_page(page, base_url, watch, aid):
    defn = definition(aid)
    page.goto(f"{base_url}/modellen/{defn.models[0].model}/")
    answer_all(page, lambda i, n: n - 1, aid=aid)
    page.wait_for_selector(RESULT, timeout=90_000)
    expected = cpython_result(aid, form_answers(page, aid))
    assert page.locator("[data-result]").get_attribute("data-overall") == f"{expected['overall']:.1f}"
    assert expected["placements"][0]["label"] in page.locator("[data-result]").inner_text()
    assert axe_violations(page) == []


def test_repeat_visit_takes_the_runtime_from_the_service_worker(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + PATH)
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    # evaluate() waits for the Promise: the worker is installed and active before the reload
    assert page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.active !== null)")
    cached = []
    context.on("requestfinished", lambda r: "pyodide.asm.wasm" in r.url and cached.append(r.response().from_service_worker))
    page.reload()
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")
    names = page.evaluate("caches.keys()")
    assert any(n.startswith("runtime-314.0.7-0.7.31-") for n in names), names
    stored = page.evaluate("""async () => { const cache = await caches.open((await caches.keys())[0]);
        return (await cache.keys()).map((r) => new URL(r.url).pathname); }""")
    assert any(p.endswith("/runtime/pyodide/pyodide.asm.wasm") for p in stored), stored
    assert cached and all(cached), cached  # the runtime was asked for again, and the worker answered it
    context.close()


@pytest.mark.parametrize("aid", ["persoon-social-technographics", "persoon-engagement-pyramid"])
def test_personal_checks_on_their_page(page, base_url, watch, aid):
    page.goto(base_url + PERSON_PATH)
    answer_all(page, lambda i, n: i % n, aid=aid)
    result = page.locator(f'section#scan-{aid} [data-result][data-state="ready"]')
    result.wait_for(timeout=90_000)
    expected = cpython_result(aid, form_answers(page, aid))
    assert result.get_attribute("data-overall") == f"{expected['overall']:.1f}"
    assert expected["placements"][0]["label"] in result.inner_text()
    page.reload()
    page.locator(f'section#scan-{aid} [data-result][data-state="ready"]').wait_for(timeout=90_000)
    assert axe_violations(page) == []


@pytest.mark.parametrize("pick", [lambda i, n: 0, lambda i, n: (i * 5) % n, lambda i, n: n - 1])
def test_placements_show_stage_number_reason_and_next_stage(page, base_url, watch, pick):
    page.goto(base_url + PATH)
    answer_all(page, pick)
    page.wait_for_selector(RESULT, timeout=90_000)
    expected = cpython_result(SCAN, form_answers(page))
    items = page.locator("[data-result] .placements > li")
    assert items.count() == len(expected["placements"])
    for i, placement in enumerate(expected["placements"]):
        item = items.nth(i)
        assert item.get_attribute("data-model") == placement["model"]
        text = item.inner_text()
        assert f"fase {placement['position']} van {placement['of']}" in text
        head = item.locator(".placement-head a")
        assert head.get_attribute("href").endswith(f"/#element-{placement['element']}")
        if placement["estimated"]:
            assert "geschat" in text
        else:
            links = item.locator(".because-list a")
            assert links.count() == len(placement["because"])
            assert all(links.nth(k).get_attribute("href") == f"#vraag-{SCAN}-{q}"
                       for k, q in enumerate(placement["because"]))
        if placement["to_next"]:
            assert item.locator(".to-next > li").count() == len(placement["to_next"])
            nxt = item.locator(".next-stage a").get_attribute("href")
            assert nxt.endswith(f"/#element-{placement['element'] + 1}")
            model = page.context.new_page()
            model.goto(nxt)
            assert model.locator(f"#element-{placement['element'] + 1}").count() == 1
            model.close()
        else:
            assert "hoogste fase" in text
        assert placement["next"] in text  # every stage has a next step, the top one included
