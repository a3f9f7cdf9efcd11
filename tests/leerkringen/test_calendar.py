"""The public calendar files (per activity and the agenda feed) and the schema.org Event JSON-LD
on every activity page. None of them may ever carry a webinar's join link."""

import datetime
import json

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from gezondin.models import Gemeente
from leerkringen import services
from leerkringen.calendar import json_ld
from leerkringen.models import StudiedagPage, WebinarPage
from tests.leerkringen.factories import make_activity
from tests.shared import shared_fixture

# The circle and the webinar are built once for the module (tests/shared.py); every test sees
# them, also the ones that do not ask for them.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("leerkring", "webinar")]
JOIN_URL = "https://webinar.example.nl/join/geheim-123"


@shared_fixture
def leerkring(agenda):
    return make_activity(agenda, capacity=10, meeting_count=4)


@shared_fixture
def webinar(agenda):
    return make_activity(
        agenda, WebinarPage, title="Webinar over geldzorgen", join_url=JOIN_URL, capacity=2
    )


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    assert JOIN_URL.encode() not in response.content
    return icalendar.Calendar.from_ical(response.content)


def check_calendar(calendar):
    assert calendar["PRODID"]
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = calendar.walk("VEVENT")
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL", "DESCRIPTION"):
            assert prop in event, prop
        start = event.decoded("DTSTART")
        assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0)
    return events


def ld_of(response):
    """The page's schema.org Event (there is exactly one; the site may add other JSON-LD, such
    as a BreadcrumbList)."""
    html = BeautifulSoup(response.content.decode(), "html.parser")
    scripts = html.find_all("script", type="application/ld+json")
    events = [data for data in map(json.loads, (s.string for s in scripts)) if _is_event(data)]
    assert len(events) == 1
    return events[0]


def _is_event(data):
    return isinstance(data, dict) and data.get("@type") == "Event"


# iCalendar -------------------------------------------------------------------------------------


def test_activity_ics_has_every_meeting(client, leerkring):
    page_html = client.get(leerkring.url).content.decode()
    ics_url = leerkring.url + "ics/"
    assert f'href="{ics_url}"' in page_html

    events = check_calendar(parse(client.get(ics_url)))
    assert len(events) == 4
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 4
    meetings = leerkring.meetings()
    for event, meeting in zip(events, meetings, strict=True):
        assert event.decoded("DTSTART") == meeting.starts_at
        assert event.decoded("DTEND") == meeting.ends_at
        assert "Stadskantoor" in str(event["LOCATION"])
        assert str(event["URL"]).endswith(leerkring.url)
    # The UIDs are stable between downloads.
    again = check_calendar(parse(client.get(ics_url)))
    assert [str(e["UID"]) for e in again] == uids


def test_webinar_ics_says_online_and_never_has_the_join_link(client, webinar):
    events = check_calendar(parse(client.get(webinar.url + "ics/")))
    assert len(events) == 1
    assert "Online" in str(events[0]["LOCATION"])


def test_agenda_feed_has_upcoming_meetings_only(client, agenda, leerkring, webinar):
    past = make_activity(
        agenda,
        title="Voorbij",
        start=timezone.now() - datetime.timedelta(days=200),
        meeting_count=2,
    )
    html = client.get(agenda.url).content.decode()
    assert f'href="{agenda.url}agenda.ics"' in html

    calendar = parse(client.get(agenda.url + "agenda.ics"))
    events = check_calendar(calendar)
    assert len(events) == 5
    summaries = " ".join(str(e["SUMMARY"]) for e in events)
    assert "Webinar over geldzorgen" in summaries
    assert past.title not in summaries
    assert len({str(e["UID"]) for e in events}) == 5


def test_unknown_calendar_route_is_404(client, leerkring):
    assert client.get(leerkring.url + "ics/extra/").status_code == 404


# JSON-LD ---------------------------------------------------------------------------------------


def test_circle_json_ld(client, leerkring):
    data = ld_of(client.get(leerkring.url))
    meetings = leerkring.meetings()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == leerkring.title
    assert data["description"] == "Samen leren over schulden en gezondheid."
    assert datetime.datetime.fromisoformat(data["startDate"]) == meetings[0].starts_at
    assert datetime.datetime.fromisoformat(data["endDate"]) == meetings[-1].ends_at
    assert datetime.datetime.fromisoformat(data["startDate"]).utcoffset() is not None
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert "Utrecht" in data["location"]["address"]["streetAddress"]
    assert data["organizer"] == {"@type": "Organization", "name": "GezondIn"}
    assert data["offers"]["price"] == 0
    assert data["offers"]["priceCurrency"] == "EUR"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["inLanguage"] == "nl"
    assert len(data["subEvent"]) == 4
    assert data["subEvent"][1]["name"].endswith("Bijeenkomst over casus 2")


def test_webinar_json_ld_is_virtual_and_sold_out_when_full(client, webinar):
    for number in range(2):
        aanmelding, _ = services.request_signup(
            webinar, {"name": f"Deelnemer {number}", "email": f"d{number}@example.nl"}, "nl"
        )
        services.confirm(aanmelding)
    response = client.get(webinar.url)
    assert JOIN_URL not in response.content.decode()
    data = ld_of(response)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["location"]["url"].endswith(webinar.url)
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
    assert "subEvent" not in data


def test_studiedag_json_ld_uses_the_venue_and_organiser(client, agenda):
    page = make_activity(
        agenda,
        StudiedagPage,
        title="Studiedag Kansrijke start",
        organiser_name="Pharos",
        mode="hybride",
        venue_name="Jaarbeurs",
        venue_address="Jaarbeursplein 6\n3521 AL Utrecht",
    )
    data = ld_of(client.get(page.url))
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    types = {location["@type"] for location in data["location"]}
    assert types == {"Place", "VirtualLocation"}
    assert data["organizer"]["name"] == "Pharos"


def test_host_municipality_is_organizer_of_the_meeting(client, agenda):
    page = make_activity(agenda, meeting_count=2)
    page.bijeenkomsten.update(host_gemeente=Gemeente.objects.get(cbs_code="GM0344"))
    data = ld_of(client.get(page.url))
    assert data["subEvent"][0]["organizer"]["name"] == str(Gemeente.objects.get(cbs_code="GM0344"))


def test_json_ld_cannot_close_the_script_element(client, agenda):
    page = make_activity(agenda, title="Kop </script><script>alert(1)</script> & meer")
    response = client.get(page.url)
    assert "</script><script>alert(1)" not in response.content.decode()
    assert ld_of(response)["name"] == page.title
    assert "<" not in json_ld({"a": "</script>"})


# Where a meeting takes place: one rule (ActivityPage.place_of) ------------------------------------

ADDRESS = "Stadskantoor, Stationsplein 1, 3511 ED Utrecht"
PAGE_ADDRESS = "Stadskantoor, Stationsplein 1 3511 ED Utrecht"  # the page keeps the lines


@pytest.mark.parametrize(
    ("mode", "api_location", "attendance", "ics_location", "ld_types", "mail_line", "page_line"),
    [
        ("fysiek", ADDRESS, "fysiek", ADDRESS, ["Place"], ADDRESS, PAGE_ADDRESS),
        (
            "hybride",
            ADDRESS,
            "hybride",
            f"{ADDRESS} / Online",
            ["Place", "VirtualLocation"],
            f"{ADDRESS} (en online)",
            f"{PAGE_ADDRESS} en online",
        ),
        # An online activity takes place nowhere, even when a meeting still has a location.
        ("online", None, "online", "Online", ["VirtualLocation"], "Online", "Online"),
    ],
)
def test_the_api_calendar_json_ld_mails_and_page_agree_where_a_meeting_is(
    client, agenda, mode, api_location, attendance, ics_location, ld_types, mail_line, page_line
):
    from leerkringen.emails import MailKind, build_message

    page = make_activity(agenda, mode=mode, capacity=10)

    item = client.get(f"/api/v2/activiteiten/{page.pk}/").json()
    assert item["bijeenkomsten"][0]["location"] == api_location
    assert item["bijeenkomsten"][0]["attendance"] == attendance

    (event,) = check_calendar(parse(client.get(page.url + "ics/")))
    assert str(event["LOCATION"]) == ics_location

    response = client.get(page.url)
    location = ld_of(response)["location"]
    locations = location if isinstance(location, list) else [location]
    assert [place["@type"] for place in locations] == ld_types
    where = BeautifulSoup(response.content.decode(), "html.parser").select(".lk-meeting__facts dd")[
        1
    ]
    assert " ".join(where.get_text(" ").split()) == page_line

    aanmelding, _ = services.request_signup(
        page, {"name": "Deelnemer", "email": "deelnemer@example.nl"}, "nl"
    )
    services.confirm(aanmelding)
    message = build_message(aanmelding, MailKind.SEAT_CONFIRMED)
    lines = [line.strip() for line in message.body.splitlines()]
    assert mail_line in lines
    if mode == "online":
        assert "Stadskantoor" not in message.body
        assert "Stadskantoor" not in message.alternatives[0][0]
