"""An organiser's back office in Chromium, on the demo site served as `make run` serves it: logged
in to the admin, the organiser of the past circle "De gezonde wijk" (eight seats, nine
participants, the first three of its four meetings recorded by the demo) records who came to
meeting 4, adds someone by hand with a reason (full: the waiting list, position 2) and mails the
waiting list. The e-mails are read from the folder of the file-based e-mail backend; axe-core
checks each screen of the back office. Only this circle is touched: the sign-up journey needs
the seats of the others."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import admin_log_in, assert_accessible, mails_to

pytestmark = pytest.mark.browser

CIRCLE = "Leerkring De gezonde wijk"
ADDED = "wijkcoach.test@example.nl"


def test_an_organiser_records_attendance_adds_someone_and_mails_the_waiting_list(demo_site, page):
    base = demo_site["base_url"]
    admin_log_in(page, base)
    page.goto(base + "/admin/aanmeldingen/")
    page.get_by_role("link", name=CIRCLE).click()
    main = page.locator("main")
    expect(page.locator("[data-w-breadcrumbs]")).to_contain_text(CIRCLE)
    expect(main).to_contain_text("Gemiddelde aanwezigheid: 88% over 3 gehouden bijeenkomsten.")
    assert_accessible(page, "the sign-up list")

    # Meeting 4: four of the eight present.
    page.get_by_role("link", name="Aanwezigheid bij bijeenkomst 4 vastleggen").click()
    expect(page.get_by_role("group", name="Aanwezig bij bijeenkomst 4")).to_be_visible()
    assert_accessible(page, "the attendance form")
    for n in (1, 2, 3, 4):
        page.get_by_label(f"Deelnemer {n} (Voorbeeldorganisatie)", exact=True).check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(main).to_contain_text("Aanwezigheid bij bijeenkomst 4 opgeslagen: 4 van 8 aanwezig.")
    # (8 + 6 + 7 + 4) of 4 × 8 = 78%.
    expect(main).to_contain_text("Gemiddelde aanwezigheid: 78% over 4 gehouden bijeenkomsten.")
    row = main.locator("tr", has_text="deelnemer7@example.nl")  # present at 1 and 3
    expect(row).to_contain_text("2 van 4 (50%)")

    # Added by hand: the circle is full, so the waiting list, after the one already waiting.
    page.get_by_role("link", name="Deelnemer toevoegen").click()
    assert_accessible(page, "the form to add a participant")
    form = main.locator("form")
    form.get_by_label("Naam").fill("Wijkcoach Test")
    form.get_by_label("E-mailadres").fill(ADDED)
    form.get_by_label("Organisatie").fill("Gemeente Heerlen")
    form.get_by_label("Reden").fill("Aangemeld per telefoon")
    page.get_by_role("button", name="Toevoegen").click()
    expect(main).to_contain_text("toegevoegd: Op de wachtlijst.")
    row = main.locator("tr", has_text=ADDED)
    expect(row).to_contain_text("Op de wachtlijst, plaats 2")
    expect(row).to_contain_text("Met de hand toegevoegd door admin: Aangemeld per telefoon")

    # A message to the waiting list: one e-mail each.
    page.get_by_role("link", name="Bericht aan deelnemers").click()
    assert_accessible(page, "the message form")
    page.get_by_role("radio", name="Wachtlijst (2)").check()
    form = main.locator("form")
    form.get_by_label("Onderwerp").fill("Een extra bijeenkomst")
    form.get_by_label("Bericht").fill("Beste deelnemers,\n\nEr komt een extra bijeenkomst.")
    page.get_by_role("button", name="Versturen").click()
    expect(main).to_contain_text("Het bericht gaat naar 2 deelnemers")
    sent = main.locator("tr", has_text="Een extra bijeenkomst")
    expect(sent).to_contain_text("Wachtlijst")
    assert_accessible(page, "the sign-up list with the message sent")

    for address in (ADDED, "deelnemer9@example.nl"):
        messages = mails_to(demo_site["mail_dir"], address)
        message = next(m for m in messages if str(m["Subject"]) == "Een extra bijeenkomst")
        assert str(message["To"]) == address and message["Cc"] is None
        body = message.get_body(preferencelist=("plain",)).get_content()
        assert "Er komt een extra bijeenkomst." in body
