"""The result as a report: summary, labelled chart, advice per part, print of at most two A4 pages, QR code."""

import re

import pytest

from tests.browser.conftest import axe_violations
from tests.browser.test_assessment_browser import PATH, RESULT, SCAN, answer_all, cpython_result, definition, form_answers

PROFILES = {"laag": lambda i, n: 0, "midden": lambda i, n: (i * 5) % n, "hoog": lambda i, n: n - 1}


def dutch(value):
    return f"{value:.1f}".replace(".", ",")


# Bytes per version (1-20) that a QR code holds in byte mode at error correction level M (ISO/IEC 18004, table 7).
BYTES_M = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666)

DRAWN = """() => { const svg = document.querySelector('.print-link svg.qr'); if (!svg) return null;
    const size = svg.viewBox.baseVal.width - 8; const grid = Array.from({length: size}, () => Array(size).fill(false));
    for (const m of svg.querySelector('path').getAttribute('d').matchAll(/M(\\d+) (\\d+)/g)) grid[+m[2] - 4][+m[1] - 4] = true;
    return grid; }"""

LIBRARY = """async (text) => { const base = document.querySelector('section.assessment').dataset.runtimeBase;
    const qrcode = (await import(new URL('qrcode/qrcode.mjs', new URL(base, location.href)).href)).default;
    const code = qrcode(0, 'M'); code.addData(text, 'Byte'); code.make(); const n = code.getModuleCount();
    return Array.from({length: n}, (_, r) => Array.from({length: n}, (_, c) => code.isDark(r, c))); }"""


def format_info(grid):
    """(error correction bits, mask) from the format information beside the top-left finder, BCH-checked."""
    n = len(grid)
    rows = [0, 1, 2, 3, 4, 5, 7, 8] + [n - 15 + i for i in range(8, 15)]
    value = sum(grid[row][8] << i for i, row in enumerate(rows)) ^ 0b101010000010010
    data, check = value >> 10, value
    for shift in range(4, -1, -1):  # the remainder of data * x^10 by the generator 10100110111 must be zero
        if check & (1 << (shift + 10)):
            check ^= 0b10100110111 << shift
    assert check == 0, f"format information of the drawn QR code is damaged: {value:015b}"
    return data >> 3, data & 7


def finder_at(grid, top, left):
    """True if the 7x7 finder pattern (dark ring, light ring, dark 3x3 centre) sits at (top, left)."""
    def dark(r, c):
        return max(abs(r - 3), abs(c - 3)) != 2
    return all(grid[top + r][left + c] == dark(r, c) for r in range(7) for c in range(7))


def assert_qr_holds(page, link):
    """The drawn QR code is the shipped encoder's code of exactly `link`, at level M, of the version its length needs."""
    drawn = page.evaluate(DRAWN)
    assert drawn, "no QR code drawn in the printed result"
    n = len(drawn)
    version = next(v for v, capacity in enumerate(BYTES_M, start=1) if capacity >= len(link.encode()))
    assert n == 17 + 4 * version, (n, len(link))
    assert finder_at(drawn, 0, 0) and finder_at(drawn, 0, n - 7) and finder_at(drawn, n - 7, 0)
    assert format_info(drawn)[0] == 0b00  # level M
    assert drawn == page.evaluate(LIBRARY, link)
    other = link[:-1] + ("b" if link[-1] != "b" else "c")  # one character of the link changed
    assert drawn != page.evaluate(LIBRARY, other)


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
    assert 1 <= pdf_pages(page.pdf(format="A4")) <= 2  # the QR code included
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.evaluate("getComputedStyle(document.querySelector('[data-result] .summary')).color") == "rgb(0, 0, 0)"
    assert page.locator(f'form[data-assessment="{SCAN}"]').is_hidden()  # no questionnaire
    assert page.locator('[data-field="printed"]').is_visible()
    assert re.search(r"\d{1,2} \w+ 20\d\d", page.locator('[data-field="printed"]').inner_text())
    url = page.locator('[data-field="print-url"]')
    link = f"{base_url}{PATH}#{SCAN}={cpython_result(SCAN, form_answers(page))['share']}"
    assert url.is_visible() and url.inner_text() == link
    assert page.locator(".print-link svg.qr").is_visible()
    assert_qr_holds(page, link)
    context.close()


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
