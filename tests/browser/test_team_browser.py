"""The team view in a real Chromium: share links and files combined by scoring.team in the worker."""

import json

import pytest

import scoring
from tests.browser.conftest import axe_violations
from tests.browser.test_assessment_browser import SCAN, definition

TEAM = "/team/"
RESULT = "[data-team-result]"


def answers_by(pick):
    return {q.id: q.options[pick(i, len(q.options))].id for i, q in enumerate(definition(SCAN).questions)}


MEMBERS = [answers_by(lambda i, n: 0), answers_by(lambda i, n: (i * 3) % n), answers_by(lambda i, n: n - 1)]


def link(base_url, answers):
    return f"{base_url}/zelfscan/#{SCAN}={scoring.share.encode(definition(SCAN), answers)}"


def combine(page, text):
    page.fill("[data-team-input]", text)
    page.click("[data-team-form] button[type=submit]")


def test_three_links_and_a_tampered_fourth(page, base_url, watch):
    page.goto(base_url + TEAM)
    assert page.locator(RESULT).get_attribute("data-state") == "empty"
    links = [link(base_url, a) for a in MEMBERS]
    tampered = links[1][:-2] + ("qq" if not links[1].endswith("qq") else "rr")
    combine(page, "\n".join([links[0], links[1], "", links[2], tampered]))
    page.wait_for_selector(f'{RESULT}[data-state="ready"]', timeout=90_000)
    result = page.locator(RESULT)
    assert result.get_attribute("data-members") == "3"
    bad = result.locator("[data-team-invalid] li")
    assert bad.count() == 1
    assert bad.first.get_attribute("data-line") == "5"
    assert "Regel 5" in bad.first.inner_text() and "beschadigd" in bad.first.inner_text()
    expected = scoring.team.combine(definition(SCAN), MEMBERS)
    rows = result.locator(".team-table tbody tr")
    assert rows.count() == len(expected["dimensions"])
    for i, row in enumerate(expected["dimensions"]):
        cells = rows.nth(i).locator("td")
        shown = [cells.nth(k).inner_text() for k in range(4)]
        assert shown == [f"{row[k]:.1f}".replace(".", ",") for k in ("low", "median", "high", "spread")]
    for model in expected["placements"]:
        item = result.locator(f'.placements > li[data-model="{model["model"]}"]')
        assert item.get_attribute("data-range") == f"{model['low']}-{model['high']}"
    assert result.locator("[data-list=next_steps] li").count() == len(expected["next_steps"])
    assert axe_violations(page) == []


def test_files_count_too_and_bad_files_are_named(page, base_url, watch):
    page.goto(base_url + TEAM)
    files = [
        {"name": "anna.json", "mimeType": "application/json",
         "buffer": json.dumps({"assessment": SCAN, "answers": MEMBERS[0]}).encode()},
        {"name": "bram.json", "mimeType": "application/json", "buffer": b"{kapot"},
        {"name": "cor.json", "mimeType": "application/json",
         "buffer": json.dumps({"assessment": "check-social-readiness-model", "answers": {}}).encode()},
    ]
    page.fill("[data-team-input]", link(base_url, MEMBERS[2]))
    page.locator("[data-team-files]").set_input_files(files=files)
    page.wait_for_selector(f'{RESULT}[data-state="ready"]', timeout=90_000)
    result = page.locator(RESULT)
    assert result.get_attribute("data-members") == "2"
    problems = result.locator("[data-team-invalid]").inner_text()
    assert "Bestand bram.json" in problems and "JSON" in problems
    assert "Bestand cor.json" in problems and "andere test" in problems


@pytest.mark.parametrize("text", ["onzin\nnog meer onzin", f"#{SCAN}=%E0%A4%A"])
def test_only_bad_entries_give_the_error_state_and_the_reasons(page, base_url, watch, text):
    page.goto(base_url + TEAM)
    combine(page, text)
    page.wait_for_selector(f'{RESULT}[data-state="error"]', timeout=90_000)
    assert page.locator(RESULT).get_attribute("data-members") == "0"
    assert page.locator("[data-team-invalid] li").count() == len(text.splitlines())
    combine(page, link(base_url, MEMBERS[1]))  # the page still works
    page.wait_for_selector(f'{RESULT}[data-state="ready"][data-members="1"]', timeout=30_000)


def test_team_view_sends_nothing_and_reflows_at_320(page, base_url, watch):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(base_url + TEAM)
    combine(page, "\n".join(link(base_url, a) for a in MEMBERS))
    page.wait_for_selector(f'{RESULT}[data-state="ready"]', timeout=90_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(page) == []
