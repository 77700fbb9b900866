"""The site in a real Chromium: keyboard navigation, WCAG 2.2 AA, only local requests, no console errors."""

import pytest

from tests.browser.conftest import axe_violations

PAGES = {
    "home": "/",
    "category": "/categorie/volwassenheid-adoptie/",
    "model": "/modellen/social-readiness-model/",
    "tag": "/tag/volwassenheid/",
    "tags": "/tags/",
    "404": "/404.html",
    "page": "/privacy/",
}


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return
    pytest.fail(f"keyboard focus never reached {selector}")


def test_home_to_category_to_model_by_keyboard(page, base_url, watch):
    page.goto(base_url + "/")
    tab_to(page, "a.skip-link")
    tab_to(page, 'main a[href$="categorie/volwassenheid-adoptie/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/categorie/volwassenheid-adoptie/")
    tab_to(page, 'main a[href$="modellen/social-readiness-model/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/modellen/social-readiness-model/")
    assert page.locator("h1").inner_text() == "Social Readiness Model"


def test_skip_link_moves_focus_to_the_content(page, base_url, watch):
    page.goto(base_url + "/modellen/social-readiness-model/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_wcag_violations(page, base_url, watch, name):
    page.goto(base_url + PAGES[name])
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_model_page_contrast_in_both_colour_schemes(page, base_url, watch, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + PAGES["model"])
    assert axe_violations(page) == []


def test_narrow_screen_has_no_horizontal_scroll(page, base_url, watch):
    page.set_viewport_size({"width": 320, "height": 800})
    for path in (PAGES["home"], PAGES["model"], PAGES["category"]):
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path


def test_content_security_policy_is_enforced(page, base_url, watch):
    """An inline script is refused by the page's policy: the meta tag really applies."""
    page.goto(base_url + "/")
    blocked = []
    page.on("console", lambda m: blocked.append(m.text))
    ran = page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__inline = 1'; document.body.append(s); return window.__inline === 1; }""")
    assert ran is False
    assert any("Content Security Policy" in text for text in blocked)
    watch.errors.clear()  # the refusal itself is the expected console error
