"""The result as a report: summary, labelled chart, advice per part, print of at most two A4 pages, QR code."""

import re

import pytest
import qrcode

from tests.browser.conftest import axe_violations
from tests.browser.test_assessment_browser import PATH, RESULT, SCAN, answer_all, cpython_result, definition, form_answers

PROFILES = {"laag": lambda i, n: 0, "midden": lambda i, n: (i * 5) % n, "hoog": lambda i, n: n - 1}


def dutch(value):
    return f"{value:.1f}".replace(".", ",")


def reference_matrix(text, mask):
    """The QR matrix of the python-qrcode reference encoder: byte mode, level M, the given mask."""
    reference = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=mask)
    reference.add_data(text, optimize=0)
    reference.make(fit=True)
    return reference.get_matrix()


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("profile", PROFILES)
def test_summary_chart_and_advice_for_each_profile(page, base_url, watch, profile):
    page.goto(base_url + PATH)
    answer_all(page, PROFILES[profile])
    page.wait_for_selector(RESULT, timeout=90_000)
    expected = cpython_result(SCAN, form_answers(page))
    result = page.locator("[data-result]")
    summary = result.locator('[data-field="summary"]').inner_text()
    first = expected["placements"][0]
    assert f"{dutch(expected['overall'])} van de 100" in summary
    assert f"fase {first['position']} van {first['of']}" in summary and first["label"] in summary
    scores = {p["label"]: p["score"] for p in expected["profile"]}
    if len(set(scores.values())) > 1:
        for name, score in scores.items():  # every part with the highest or lowest score is named
            if score in (max(scores.values()), min(scores.values())):
                assert name in summary
    step = expected["next_steps"][0]
    first_step = re.split(r"(?<=[.!?])\s+", step["text"] if step["weak"] else first["next"])[0]
    assert "Begin hiermee: " + first_step in summary
    assert len(re.split(r"(?<=[.!?])\s+", summary.strip())) in (2, 3)  # two or three sentences
    rows = result.locator(".bars .bar-row")
    assert rows.count() == len(expected["profile"])
    for i, part in enumerate(expected["profile"]):
        assert rows.nth(i).locator(".bar-name").inner_text() == part["label"]
        assert rows.nth(i).locator(".bar-value").inner_text() == dutch(part["score"])
    assert result.locator("table tbody tr").count() == len(expected["profile"])  # for screen readers
    advice = result.locator(".advice-list dd")
    assert advice.count() == len(expected["profile"])
    assert all(advice.nth(i).inner_text().strip() for i in range(advice.count()))  # strong parts too
    if profile == "hoog":  # every answer the most mature one: how to stay there, everywhere
        assert all("Zo blijf je daar" in advice.nth(i).inner_text() for i in range(advice.count()))
    else:
        assert "Volgende stap bij" in advice.first.inner_text()
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_result_is_at_most_two_a4_pages_in_light_colours(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + PATH)
    answer_all(page, PROFILES["midden"])
    page.wait_for_selector(RESULT, timeout=90_000)
    assert 1 <= pdf_pages(page.pdf(format="A4")) <= 2
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.evaluate("getComputedStyle(document.querySelector('[data-result] .summary')).color") == "rgb(0, 0, 0)"
    assert page.locator(f'form[data-assessment="{SCAN}"]').is_hidden()  # no questionnaire
    assert page.locator('[data-field="printed"]').is_visible()
    assert re.search(r"\d{1,2} \w+ 20\d\d", page.locator('[data-field="printed"]').inner_text())
    url = page.locator('[data-field="print-url"]')
    assert url.is_visible() and url.inner_text().startswith(f"{base_url}{PATH}#{SCAN}=v")
    assert page.locator(".print-link svg.qr").is_visible()
    context.close()


def test_qr_code_is_the_share_link_exactly(page, base_url, watch):
    page.goto(base_url + PATH)
    answer_all(page, PROFILES["midden"])
    page.wait_for_selector(RESULT, timeout=90_000)
    link = page.locator('[data-field="print-url"]').text_content()
    drawn = page.evaluate("""() => { const svg = document.querySelector('.print-link svg.qr');
        const size = svg.viewBox.baseVal.width - 8; const grid = Array.from({length: size}, () => Array(size).fill(false));
        const cells = svg.querySelector('path').getAttribute('d').matchAll(/M(\\d+) (\\d+)/g);
        for (const m of cells) grid[+m[2] - 4][+m[1] - 4] = true;
        return grid; }""")
    assert any(drawn == reference_matrix(link, mask) for mask in range(8))  # the drawn code holds the link
    for mask in range(8):  # the matrix equals the reference encoder's with the same mask, for every mask
        texts = [link, "https://example.org/" + "abc/" * 60]
        for text in texts:
            mine = page.evaluate("async ([t, m]) => (await import(new URL('../theme/js/qr.js', location.href).href))"
                                 ".qrMatrix(t, m)", [text, mask])
            assert mine == reference_matrix(text, mask), (text, mask)


def test_copy_button_puts_the_share_link_on_the_clipboard(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + PATH)
    answer_all(page, PROFILES["laag"])
    page.wait_for_selector(RESULT, timeout=90_000)
    page.click('[data-result] [data-action="share"]')
    page.click('[data-result] [data-action="copy"]')
    page.wait_for_selector('[data-result] [data-status="share"]:has-text("gekopieerd")')
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator('[data-field="share-url"]').input_value()
    assert copied.split("=", 1)[1] == cpython_result(SCAN, form_answers(page))["share"]
    context.close()


def test_report_reflows_at_320_px(page, base_url, watch):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(base_url + PATH)
    answer_all(page, PROFILES["midden"])
    page.wait_for_selector(RESULT, timeout=90_000)
    page.click('[data-result] [data-action="share"]')
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(page) == []
    assert definition(SCAN).id == SCAN
