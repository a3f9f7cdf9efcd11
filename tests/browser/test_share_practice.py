"""A visitor without an account shares a practice in Chromium, confirms it by the link in the
e-mail the server sent, and Tilburg's municipal editor finds the draft on their dashboard and
opens it in the editor (kennisbank/share.py). axe-core checks the public pages at 375 and 1280
pixels wide."""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import admin_log_in, axe_violations, describe_violations, mails_to

pytestmark = pytest.mark.browser

ADDRESS = "deler.test@example.nl"
TITLE = "Buurtkoks in Tilburg-Noord"
EDITOR = "redactie-tilburg"  # a demo editor (kennisbank/demo), with the demo admin password
WIDTHS = (375, 1280)


def assert_accessible(page, step):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe_violations(page)
        assert not violations, f"{step} at {width} px:\n{describe_violations(violations)}"
    page.set_viewport_size({"width": 1280, "height": 900})


def links_in(message):
    parts = [part for part in message.walk() if part.get_content_maintype() == "text"]
    bodies = [part.get_content() for part in parts]
    return [url for body in bodies for url in re.findall(r"https?://[^\s\"'<>]+", body)]


def test_a_visitor_shares_a_practice_confirms_it_and_the_editor_sees_the_draft(demo_site, page):
    base = demo_site["base_url"]
    mail_dir = demo_site["mail_dir"]

    # From Tilburg's page to the form, with Tilburg chosen.
    page.goto(base + "/nl/")
    assert page.locator(".home-share a.button").get_attribute("href") == "/nl/praktijk-delen/"
    page.goto(base + "/nl/gemeenten/tilburg/")
    page.locator(".kb-share-link a").click()
    assert urlsplit(page.url).path == "/nl/praktijk-delen/"
    assert page.locator("select[name=gemeente]").input_value() == "GM0855"
    assert_accessible(page, "the form")

    # A mistake: the error summary has the focus, and nothing typed is lost.
    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=intro]", "Buurtbewoners koken samen gezond en goedkoop.")
    page.fill("textarea[name=background]", "Veel gezinnen in Noord eten weinig groente.")
    page.fill("textarea[name=goal]", "Gezonder eten met weinig geld.")
    page.fill("textarea[name=partners]", "Contour de Twern: kookmiddagen")
    page.fill("input[name=name]", "Deler Testpersoon")
    page.fill("input[name=email]", ADDRESS)
    page.fill("input[name=organisation]", "Welzijn Tilburg")
    page.locator("form.gi-form button[type=submit]").click()
    summary = page.locator("#delen-fouten")
    assert "Geef toestemming" in summary.inner_text()
    assert page.evaluate("document.activeElement.id") == "delen-fouten"
    assert page.locator("input[name=title]").input_value() == TITLE
    assert page.locator("textarea[name=goal]").input_value() == "Gezonder eten met weinig geld."
    assert_accessible(page, "the form with an error")

    page.locator("input[name=consent]").check()
    page.locator("form.gi-form button[type=submit]").click()
    assert page.locator("h1").inner_text() == "Kijk in uw e-mail"
    assert "deler" not in page.url.lower()
    assert_accessible(page, "check your e-mail")

    # The link in the mail confirms; the page says what happens next.
    (mail,) = mails_to(mail_dir, ADDRESS)
    assert str(mail["Subject"]) == f"Bevestig uw praktijkvoorbeeld: {TITLE}"
    links = {url for url in links_in(mail) if url.endswith("/bevestigen/")}
    assert len(links) == 1
    link = links.pop()
    assert link.startswith(base + "/nl/praktijk-delen/")
    page.goto(link)
    assert page.locator("h1").inner_text() == "Bedankt: uw praktijkvoorbeeld is ingestuurd"
    assert "concept klaar voor de redactie van Tilburg" in page.locator("main").inner_text()
    assert_accessible(page, "confirmed")

    # Nothing is live.
    response = page.goto(base + "/nl/kennisbank/?q=Buurtkoks")
    assert TITLE not in page.locator("main").inner_text()

    # Tilburg's editor sees it on their dashboard and opens the draft.
    admin_log_in(page, base, EDITOR)
    panel = page.locator("#mijn-gemeente-GM0855-section")
    assert "Ingestuurd door bezoekers" in panel.inner_text()
    assert "Deler Testpersoon" in panel.inner_text()
    panel.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert page.locator("#id_title").input_value() == TITLE
    assert response is not None
