"""axe-core (WCAG 2.0/2.1 A and AA) on every page type of the demo site, in Chromium, with the
site's Content-Security-Policy on: a page that meets a CSP violation, fails to load a resource or
writes an error to the browser's console fails too. The home page as the front door, at a
phone's width and a wide screen's."""

import re

import pytest

from tests.browser.conftest import (
    axe_violations,
    broken_resources,
    console_errors,
    csp_violations,
    describe_violations,
    save_screenshot,
)

pytestmark = pytest.mark.browser


def test_demo_site_has_the_core_page_types_in_both_languages(demo_site):
    for key in ["HomePage[nl]", "HomePage[en]", "StandardPage[nl]", "StandardPage[en]"]:
        assert key in demo_site["pages"], f"the demo site has no {key}"


def test_demo_site_has_a_harvested_practice_in_both_languages(demo_site):
    """A shared copy (conftest harvests one) is among the pages axe checks below."""
    for key in ["SharedPraktijkvoorbeeldPage[nl]", "SharedPraktijkvoorbeeldPage[en]"]:
        assert key in demo_site["pages"], f"the demo site has no {key}"


@pytest.mark.parametrize("width", [1280, 375])
def test_every_page_type_has_no_axe_violations(demo_site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    failures = {}
    csp_failures = {}
    broken = {}
    console = {}
    urls = dict(demo_site["pages"])
    urls["search[nl]"] = "/nl/zoeken/?q=gezondheid"
    urls["search[en]"] = "/en/search/?q=health"
    urls["not-found[nl]"] = "/nl/deze-pagina-bestaat-niet/"
    # Honest about language: a Dutch-only page with the switch's note open, Dutch picks marked on
    # an English dossier, the English kennisbank's count of what exists only in Dutch.
    urls["language-note[nl]"] = "/nl/kennisbank/factsheet-schulden-en-gezondheid/#language-note-en"
    urls["dutch-picks[en]"] = "/en/knowledge-base/dossier-poverty-and-debt/"
    urls["only-in-dutch[en]"] = "/en/knowledge-base/?thema=armoede-en-schulden"
    # The overviews: the regions, a region, the kennisbank and agenda filtered on one, the figures.
    urls["regions[nl]"] = "/nl/regio/"
    urls["region[nl]"] = "/nl/regio/midden-en-west-brabant/"
    urls["region[en]"] = "/en/region/twente/"
    urls["regio-facet[nl]"] = "/nl/kennisbank/?regio=midden-en-west-brabant"
    urls["regio-agenda[nl]"] = "/nl/agenda/?regio=utrecht"
    urls["figures[nl]"] = "/nl/cijfers/"
    urls["figures[en]"] = "/en/figures/"
    for name, path in urls.items():
        response = page.goto(demo_site["base_url"] + path)
        expected = 404 if name.startswith("not-found") else 200
        assert response.status == expected, f"{name} at {path} answered {response.status}"
        assert page.evaluate("Array.isArray(window.__cspViolations)"), "no CSP listener"
        violations = axe_violations(page)
        if violations:
            failures[f"{name} {path}"] = describe_violations(violations)
            save_screenshot(page, re.sub(r"\W+", "-", f"axe-{name}-{width}"))
        blocked = csp_violations(page)
        if blocked:
            csp_failures[f"{name} {path}"] = "\n".join(f"    {line}" for line in blocked)
        if missing := broken_resources(page):
            broken[f"{name} {path}"] = missing
        if errors := console_errors(page, expected):
            console[f"{name} {path}"] = errors
    assert not failures, "axe violations:\n" + "\n".join(f"{k}:\n{v}" for k, v in failures.items())
    assert not csp_failures, "CSP violations:\n" + "\n".join(
        f"{k}:\n{v}" for k, v in csp_failures.items()
    )
    assert not broken, f"resources that failed to load: {broken}"
    assert not console, f"errors in the browser's console: {console}"


def test_the_console_check_sees_an_error(demo_site, page):
    """The console check above can fail: an error a script logs is seen, and so is the failed
    load of a missing resource; a page's own expected 404 is not counted."""
    page.goto(demo_site["base_url"] + "/nl/")
    assert console_errors(page) == []
    page.evaluate("console.error('gezondin test error')")
    page.evaluate("() => fetch('/static/gezondin/does-not-exist.css')")
    page.wait_for_timeout(200)
    errors = console_errors(page)
    assert "gezondin test error" in errors
    assert any("404" in error for error in errors), errors
    broken_resources(page)
    response = page.goto(demo_site["base_url"] + "/nl/deze-pagina-bestaat-niet/")
    assert response.status == 404
    assert console_errors(page, 404) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_the_home_page_is_the_front_door(demo_site, page, width):
    """Within the first screen a search box for the kennisbank; below it the themes, the next
    activities, the newest practices and the call to share a practice; nothing wider than the
    screen; searching lands on the kennisbank's results."""
    page.set_viewport_size({"width": width, "height": 900})
    for language, query in [("nl", "schulden"), ("en", "debt")]:
        page.goto(f"{demo_site['base_url']}/{language}/")
        search = page.locator("main form.home-search input[name=q]")
        assert search.is_visible()
        assert search.bounding_box()["y"] + search.bounding_box()["height"] <= 900
        for section in ["home-themes", "home-activities", "home-newest", "home-share"]:
            assert page.locator(f"main .{section} h2").is_visible(), (language, section)
        assert page.locator("main .home-activities article").count() >= 1
        assert page.locator("main .home-newest article").count() >= 1
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{language} at {width}px is {overflow}px wider than the screen"
        violations = axe_violations(page)
        assert not violations, describe_violations(violations)
        search.fill(query)
        search.press("Enter")
        page.wait_for_load_state()
        assert f"q={query}" in page.url
        assert page.locator(".result-list .kb-card").count() >= 1
        assert console_errors(page) == [] and csp_violations(page) == []


def test_the_listener_sees_a_csp_violation(demo_site, page):
    """The CSP check above can fail: an inline script added by the page is refused and seen."""
    page.goto(demo_site["base_url"] + "/nl/")
    assert csp_violations(page) == []
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ranInline = true'; document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.ranInline") is None
    assert any("script-src" in line for line in csp_violations(page))


def test_the_admin_works_under_its_own_policy(demo_site, page):
    """Wagtail's admin has its own, looser policy (settings/base.py): logging in and the main
    screens meet no CSP violation; nor does the user bar on the public site."""
    base = demo_site["base_url"]
    page.goto(base + "/admin/login/")
    assert csp_violations(page) == []
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "gezondin-demo")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(base + "/admin/")
    blocked = csp_violations(page)
    for path in ["/admin/pages/", "/admin/snippets/", "/admin/images/", "editor"]:
        if path == "editor":  # the page editor, with its rich text and StreamField widgets
            page.goto(base + "/admin/pages/")
            path = page.locator("a[href*='/edit/']").first.get_attribute("href")
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        blocked += [f"{path}: {line}" for line in csp_violations(page)]
    assert "/edit/" in path
    # A public page seen by a logged-in editor has Wagtail's user bar, under the public policy.
    page.goto(base + "/nl/")
    page.wait_for_load_state("networkidle")
    assert page.locator("wagtail-userbar").count() == 1
    blocked += [f"/nl/ (logged in): {line}" for line in csp_violations(page)]
    assert blocked == []


def test_html_lang_matches_the_language(demo_site, page):
    for path, lang in [("/nl/", "nl"), ("/en/", "en")]:
        page.goto(demo_site["base_url"] + path)
        assert page.locator("html").get_attribute("lang") == lang


def test_keyboard_user_reaches_the_content_with_the_skip_link(demo_site, page):
    page.goto(demo_site["base_url"] + "/nl/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    # The focus ring is visible: the focused element has a non-zero outline.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    assert outline not in ("0px", "")


def test_language_switcher_leads_to_the_english_translation(demo_site, page):
    page.goto(demo_site["base_url"] + "/nl/")
    page.locator("a[hreflang='en']").first.click()
    assert page.url.endswith("/en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_harvested_practice_names_its_source_in_a_note_with_a_link(demo_site, page):
    page.goto(demo_site["base_url"] + demo_site["pages"]["SharedPraktijkvoorbeeldPage[nl]"])
    note = page.get_by_role("note").filter(has_text="Gedeeld vanuit Gemeente Voorbeeldstad.")
    assert note.count() == 1
    link = note.get_by_role("link", name="Bekijk het origineel bij Gemeente Voorbeeldstad")
    assert link.get_attribute("href") == (
        "https://gezond.voorbeeldstad.example/nl/kennisbank/buurtkamer-voor-geldzorgen/"
    )
    image = page.locator("main figure img")
    assert image.get_attribute("alt") == "Bewoners aan tafel in de buurtkamer"
