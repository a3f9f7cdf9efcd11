"""A person signs up for an activity in Chromium, and everything after that happens through the
links in the e-mails the server sent: confirm, look at the sign-up, cancel. The site runs as
`make run` runs it (migrate, load_demo and runserver with WAGTAILADMIN_BASE_URL set to the
address served), on a free port that is not 8000; the e-mails are read from the folder of the
file-based e-mail backend. axe-core checks every step."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest

from tests.browser.conftest import axe_violations, describe_violations, mails_to

pytestmark = pytest.mark.browser

ADDRESS = "sanne.test@example.nl"


def subjects(messages):
    return [str(message["Subject"]) for message in messages]


def links_in(message):
    parts = [part for part in message.walk() if part.get_content_maintype() == "text"]
    bodies = [part.get_content() for part in parts]
    return [url for body in bodies for url in re.findall(r"https?://[^\s\"'<>]+", body)]


def link_in(message, pattern):
    """The one link in ``message`` whose path matches ``pattern``."""
    found = {url for url in links_in(message) if re.search(pattern, urlsplit(url).path)}
    assert len(found) == 1, f"{pattern!r} in {message['Subject']}: {found}"
    return found.pop()


def the_mail(mail_dir, subject_start, seen):
    """The newest mail to ADDRESS whose subject starts with ``subject_start``, sent after the
    ``seen`` first ones."""
    new = mails_to(mail_dir, ADDRESS)[seen:]
    matching = [message for message in new if str(message["Subject"]).startswith(subject_start)]
    assert matching, f"no e-mail {subject_start!r}; got {subjects(new)}"
    return matching[-1]


def assert_accessible(page, step):
    violations = axe_violations(page)
    assert not violations, f"{step}:\n{describe_violations(violations)}"


def open_an_activity_with_the_form(page, base, check=lambda step: None):
    """Go to the first activity in the Dutch agenda that accepts sign-ups; returns its path."""
    page.goto(base + "/nl/agenda/")
    check("agenda")
    links = page.locator("main a[href^='/nl/agenda/']")
    urls = set(links.evaluate_all("els => els.map(e => e.getAttribute('href'))"))
    activities = sorted(url for url in urls if re.fullmatch(r"/nl/agenda/[\w-]+/", url or ""))
    for url in activities:
        page.goto(base + url)
        if page.locator("form.lk-form").count():
            return url
    raise AssertionError("no activity in the demo agenda accepts sign-ups")


def test_sign_up_then_confirm_see_and_cancel_through_the_e_mailed_links(demo_site, page):
    base = demo_site["base_url"]
    mail_dir = demo_site["mail_dir"]
    assert urlsplit(base).port != 8000

    activity = open_an_activity_with_the_form(
        page, base, lambda step: assert_accessible(page, step)
    )
    assert_accessible(page, "activity page")

    # A form error keeps what was typed.
    page.fill("input[name=name]", "Sanne Testpersoon")
    page.fill("input[name=email]", ADDRESS)
    page.fill("input[name=organisation]", "GGD Testregio")
    page.locator("form.lk-form button[type=submit]").click()
    assert page.locator("input[name=name]").input_value() == "Sanne Testpersoon"
    assert_accessible(page, "form with errors")

    page.locator("input[name=consent]").check()
    page.locator("form.lk-form button[type=submit]").click()
    assert page.locator("h1").inner_text() == "Kijk in uw e-mail"
    assert "sanne" not in page.url.lower()
    assert_accessible(page, "check your e-mail")

    # Every link in the e-mail points at the server that sent it.
    confirm_mail = the_mail(mail_dir, "Bevestig uw aanmelding", 0)
    assert links_in(confirm_mail)
    for url in links_in(confirm_mail):
        assert url.startswith(base + "/"), url
    seen = len(mails_to(mail_dir, ADDRESS))

    page.goto(link_in(confirm_mail, r"/aanmelding/[^/]+/bevestigen/$"))
    assert page.locator("h1").inner_text() == "Uw aanmelding is bevestigd"
    assert_accessible(page, "confirmed")

    status_mail = mails_to(mail_dir, ADDRESS)[-1]
    assert str(status_mail["Subject"]).startswith(("U bent aangemeld", "U staat op de wachtlijst"))
    for url in links_in(status_mail):
        assert url.startswith(base + "/"), url
    for part in status_mail.iter_attachments():
        if part.get_content_type() == "text/calendar":
            calendar = icalendar.Calendar.from_ical(part.get_content())
            for event in calendar.walk("VEVENT"):
                assert str(event["URL"]) == base + activity

    # The manage link shows the sign-up.
    page.goto(link_in(status_mail, r"/aanmelding/[^/]+/$"))
    assert page.locator("h1").inner_text() == "Uw aanmelding"
    assert "Sanne Testpersoon" in page.locator("main").inner_text()
    assert_accessible(page, "manage")

    # The activity's calendar file, downloaded as a visitor does, is a valid iCalendar file.
    page.goto(base + activity)
    with page.expect_download() as download_info:
        page.locator(".lk-calendar-link a").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert events and calendar.get("PRODID") and calendar.get("VERSION") == "2.0"
    for event in events:
        assert event.get("UID") and event.get("DTSTAMP") and event.get("DTSTART")

    # Signing up again looks the same on screen as a new address does now (the page may say
    # that the activity is full); the e-mail says what is going on.
    def sign_up_as(address):
        page.goto(base + activity)
        page.fill("input[name=name]", "Sanne Testpersoon")
        page.fill("input[name=email]", address)
        page.fill("input[name=organisation]", "GGD Testregio")
        page.locator("input[name=consent]").check()
        page.locator("form.lk-form button[type=submit]").click()
        return page.url, page.locator("main").inner_text()

    seen = len(mails_to(mail_dir, ADDRESS))
    assert sign_up_as(ADDRESS) == sign_up_as("iemand.anders@example.nl")
    again = the_mail(mail_dir, "U was al aangemeld", seen)

    # Cancelling through the link in that e-mail.
    page.goto(link_in(again, r"/aanmelding/[^/]+/$") + "afmelden/")
    assert page.locator("h1").inner_text() == "Afmelden"
    assert_accessible(page, "cancel")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert_accessible(page, "cancelled")
    assert "afgemeld" in page.locator("#main").inner_text().lower(), page.url
    the_mail(mail_dir, "U bent afgemeld", seen)

    # The cancel link of the status e-mail leads to the same, now cancelled, sign-up.
    page.goto(link_in(status_mail, r"/aanmelding/[^/]+/afmelden/$"))
    assert "afgemeld" in page.locator("#main").inner_text().lower()


@pytest.mark.parametrize("width, height", [(375, 667), (1280, 800)])
def test_a_failed_sign_up_lands_on_the_error_summary_with_the_focus(demo_site, page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    base = demo_site["base_url"]
    open_an_activity_with_the_form(page, base)
    # The button to the form, with the seats left, is on the first screen.
    button = page.locator(".lk-page__cta a")
    box = button.bounding_box()
    assert box and box["y"] + box["height"] <= height, box
    assert button.get_attribute("href") == "#aanmelden"

    page.fill("input[name=name]", "Sanne Testpersoon")
    page.fill("input[name=email]", "sanne.test@")
    page.fill("input[name=organisation]", "GGD Testregio")
    page.locator("form.lk-form button[type=submit]").click()
    page.wait_for_load_state()

    summary = page.locator(".lk-error-summary")
    assert page.evaluate("document.activeElement.id") == summary.get_attribute("id")
    assert urlsplit(page.url).fragment == summary.get_attribute("id")
    assert summary.is_visible() and summary.evaluate("e => e.getBoundingClientRect().top") >= 0
    assert summary.evaluate("e => e.getBoundingClientRect().top") < height
    assert page.locator("input[name=name]").input_value() == "Sanne Testpersoon"
    assert page.locator("input[name=email]").input_value() == "sanne.test@"
    assert page.locator("input[name=organisation]").input_value() == "GGD Testregio"
    # Each link in the summary leads to its field.
    summary.locator("a[href='#aanmelden-email']").click()
    assert page.evaluate("document.activeElement.name") == "email"
