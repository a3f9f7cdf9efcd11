"""The evaluation after an activity and the organiser's report, in Chromium on the demo site.

The demo's past circle "De gezonde wijk" has recorded attendance and four answers already; the
periodic jobs (``leerkringen_jobs --only evaluations``) mail the others present. One of them
answers from the link in the e-mail on a phone (375 px): first without a score (the message says
what is missing and keeps the comment typed), then complete. The organiser then finds the
answer in "Bereik en evaluatie" (1280 px). axe-core checks each screen.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import admin_log_in, assert_accessible, mails_to
from tests.servers import manage

pytestmark = pytest.mark.browser

CIRCLE = "Leerkring De gezonde wijk"
PARTICIPANT = "deelnemer5@example.nl"  # present; the demo's answers came from 1 to 4
COMMENT = "Het bezoek aan de wijk in Tilburg was het sterkste onderdeel."


def evaluation_link(demo_site):
    manage(demo_site["env"], "leerkringen_jobs", "--only", "evaluations")
    [message] = [
        m
        for m in mails_to(demo_site["mail_dir"], PARTICIPANT)
        if str(m["Subject"]).startswith("Hoe was het?")
    ]
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+/nl/evaluatie/\S+/", body)[0]


def test_a_participant_answers_and_the_organiser_reads_it(demo_site, page):
    base = demo_site["base_url"]
    link = evaluation_link(demo_site)
    assert link.startswith(base)

    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Evaluatie")
    scores = page.get_by_role("group", name="Hoe waardeert u deze activiteit?")
    expect(scores.get_by_role("radio")).to_have_count(5)
    assert_accessible(page, "the evaluation form")

    comment = page.get_by_label("Wat wilt u de organisatie nog meegeven? (niet verplicht)")
    comment.fill(COMMENT)
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies een waardering van 1 tot 5.")
    expect(comment).to_have_value(COMMENT)
    assert_accessible(page, "the evaluation form with an error")

    scores.get_by_role("radio", name="4 – goed").check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u voor uw antwoord")
    assert_accessible(page, "the thanks")
    page.goto(link)  # the link again: the thanks, no second form
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u voor uw antwoord")

    page.set_viewport_size({"width": 1280, "height": 900})
    admin_log_in(page, base)
    page.goto(base + "/admin/aanmeldingen/bereik/")
    main = page.locator("main")
    expect(main.get_by_role("link", name=CIRCLE)).to_be_visible()
    assert_accessible(page, "the year's reach")

    main.get_by_role("link", name=CIRCLE).click()
    row = main.get_by_role("row", name=re.compile("Evaluaties ingevuld"))
    expect(row).to_contain_text("5")
    expect(main.get_by_role("row", name=re.compile("waarvan GIDS-gemeenten"))).to_contain_text("3")
    expect(main).to_contain_text(COMMENT)
    assert_accessible(page, "the circle's reach and evaluation")
    with page.expect_download() as download:
        main.get_by_role("link", name="Exporteren (Excel)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
