"""A person signs up for an activity, confirms through the e-mailed link, downloads the calendar
file and cancels again, in Chromium, with axe-core on every step."""

import re
from pathlib import Path

import icalendar
import pytest

from tests.browser.conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser


def mails_to(mail_dir, address):
    texts = [path.read_text(errors="replace") for path in sorted(mail_dir.glob("*.log"))]
    return [text for text in texts if address in text]


def link_in(mails, fragment):
    """The first link containing `fragment` in any of the mails (files written in the same
    second have no reliable order)."""
    for text in mails:
        for url in re.findall(r"https?://[^\s\"'<>]+", text):
            if fragment in url:
                return url
    raise AssertionError(f"no link containing {fragment!r} in the e-mails")


def assert_accessible(page, step):
    violations = axe_violations(page)
    assert not violations, f"{step}:\n{describe_violations(violations)}"


def test_sign_up_confirm_and_cancel(demo_site, page):
    base = demo_site["base_url"]
    page.goto(base + "/nl/agenda/")
    assert_accessible(page, "agenda")
    links = page.locator("main a[href^='/nl/agenda/']")
    urls = set(links.evaluate_all("els => els.map(e => e.getAttribute('href'))"))
    activity = None
    activities = sorted(url for url in urls if re.fullmatch(r"/nl/agenda/[\w-]+/", url or ""))
    for url in activities:
        page.goto(base + url)
        if page.locator("form.lk-form").count():
            activity = url
            break
    assert activity, "no activity in the demo agenda accepts sign-ups"
    assert_accessible(page, "activity page")

    # A form error keeps what was typed.
    page.fill("input[name=name]", "Sanne Testpersoon")
    page.fill("input[name=email]", "sanne.test@example.nl")
    page.fill("input[name=organisation]", "GGD Testregio")
    page.locator("form.lk-form button[type=submit]").click()
    assert page.locator("input[name=name]").input_value() == "Sanne Testpersoon"
    assert_accessible(page, "form with errors")

    page.locator("input[name=consent]").check()
    page.locator("form.lk-form button[type=submit]").click()
    assert page.locator("h1").inner_text() == "Kijk in uw e-mail"
    assert "sanne" not in page.url.lower()
    assert_accessible(page, "check your e-mail")

    mails = mails_to(demo_site["mail_dir"], "sanne.test@example.nl")
    assert mails, "no confirmation e-mail was sent"
    page.goto(re.sub(r"^https?://[^/]+", base, link_in(mails, "/bevestigen/")))
    heading = page.locator("h1").inner_text()
    assert heading in {"Uw aanmelding is bevestigd", "U had uw aanmelding al bevestigd"}
    assert_accessible(page, "confirmed")

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

    mails = mails_to(demo_site["mail_dir"], "sanne.test@example.nl")
    cancel = link_in(mails, "/afmelden/")
    page.goto(re.sub(r"^https?://[^/]+", base, cancel))
    assert page.locator("h1").inner_text() == "Afmelden"
    assert_accessible(page, "cancel")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert_accessible(page, "cancelled")
    assert "afgemeld" in page.locator("#main").inner_text().lower(), page.url
