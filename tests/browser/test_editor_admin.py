"""A municipal editor's start in Chromium: the dashboard panel "Mijn gemeente" leads to a new
practice, whose municipalities are chosen with the keyboard in the autocomplete
(gezondin/static/gezondin/admin/autocomplete.js), checked with axe; the draft saved then shows
under "Mijn concepten". The walk also fails on a script error or a CSP violation."""

import pytest

from tests.browser.conftest import (
    admin_log_in,
    axe_violations,
    console_errors,
    csp_violations,
    describe_violations,
    save_screenshot,
)

pytestmark = pytest.mark.browser

EDITOR = "redactie-tilburg"  # a demo editor (kennisbank/demo), with the demo admin password


def chosen(page):
    return page.locator(".gz-autocomplete__chosen li span").all_inner_texts()


def selected_codes(page):
    """The CBS codes of the options the hidden select posts."""
    return page.evaluate(
        "() => Array.from(document.querySelector('select[name=gemeenten]').selectedOptions)"
        ".map(option => option.dataset.search.match(/GM\\d{4}/)[0])"
    )


def test_a_municipal_editor_starts_a_practice_and_chooses_municipalities(demo_site, page):
    base = demo_site["base_url"]
    admin_log_in(page, base, EDITOR)
    panel = page.locator("section[id^=mijn-gemeente-]")
    assert "Mijn gemeente: Tilburg" in panel.inner_text()
    panel.get_by_role("link", name="Nieuw praktijkvoorbeeld").click()
    page.wait_for_load_state("networkidle")
    assert "/add/kennisbank/praktijkvoorbeeldpage/" in page.url

    search = page.get_by_role("combobox", name="Gemeenten")
    assert search.is_visible()
    assert not page.locator("select[name=gemeenten]").is_visible()
    # A new practice in Tilburg's section starts with Tilburg, and shows it as chosen.
    assert chosen(page) == ["Tilburg"]
    assert not page.locator(".gz-autocomplete__nothing").is_visible()

    # The common name finds 's-Gravenhage; arrow down and Enter choose it.
    search.fill("den haa")
    listbox = page.get_by_role("listbox")
    assert listbox.is_visible()
    assert listbox.get_by_role("option").all_inner_texts() == ["Den Haag"]
    live_region = page.locator(".gz-autocomplete [role=status]")
    assert live_region.inner_text() == "1 resultaat; kies met pijl omlaag en Enter."
    violations = axe_violations(page, ".gz-autocomplete")
    assert not violations, describe_violations(violations)
    search.press("ArrowDown")
    assert search.get_attribute("aria-activedescendant")
    search.press("Enter")
    assert sorted(chosen(page)) == ["Den Haag", "Tilburg"]
    assert sorted(selected_codes(page)) == ["GM0518", "GM0855"]
    assert live_region.inner_text() == "Den Haag gekozen."
    assert not listbox.is_visible() and search.input_value() == ""

    # By CBS code, Enter takes the first result; the choice stays visible beside the first.
    search.fill("gm0363")
    search.press("Enter")
    assert sorted(chosen(page)) == ["Amsterdam", "Den Haag", "Tilburg"]
    assert "/add/kennisbank/praktijkvoorbeeldpage/" in page.url  # Enter did not submit

    # Escape closes the list, and a second Escape clears the text.
    search.fill("utr")
    assert listbox.is_visible()
    search.press("Escape")
    assert not listbox.is_visible() and search.input_value() == "utr"
    search.press("Escape")
    assert search.input_value() == ""

    # Removing: the button names what it removes, and the focus returns to the search.
    page.get_by_role("button", name="Den Haag verwijderen").click()
    assert sorted(chosen(page)) == ["Amsterdam", "Tilburg"]
    assert sorted(selected_codes(page)) == ["GM0363", "GM0855"]
    assert page.evaluate("document.activeElement.getAttribute('role')") == "combobox"
    violations = axe_violations(page, ".gz-autocomplete")
    assert not violations, describe_violations(violations)

    # Saved as a draft, the practice is among "Mijn concepten" on the dashboard.
    page.fill("#id_title", "Gezonde buurt in Tilburg")
    # The slug is on the "Promote" tab; filled in directly (Wagtail's own behaviour).
    page.evaluate("document.querySelector('#id_slug').value = 'gezonde-buurt-in-tilburg'")
    page.locator("button.action-save").first.click()
    page.wait_for_load_state("networkidle")
    assert "/edit/" in page.url, page.locator(".error-message").all_inner_texts()
    page.goto(base + "/admin/")
    drafts = page.locator("section[id^=mijn-gemeente-]").inner_text().split("Mijn concepten")[1]
    save_screenshot(page, "editor-dashboard")
    assert "Gezonde buurt in Tilburg" in drafts
    # Script errors only: offline, the admin's avatars (gravatar.com) fail to load.
    errors = [text for text in console_errors(page) if not text.startswith("Failed to load")]
    assert errors == [] and csp_violations(page) == []
