"""The agenda's feeds: Atom at ``<agenda>/feed/`` and RSS 2.0 at ``feed/rss/``, of the same
selection as the agenda page (its filter parameters), and the "Abonneren" block and
``<link rel="alternate">`` tags on the agenda page that lead to them and to the .ics."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from leerkringen.models import LeerkringPage, WebinarPage
from tests.leerkringen.conftest import titles
from tests.leerkringen.factories import make_activity, publish

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("activities")]
JOIN_URL = "https://webinar.example.nl/join/feed-geheim-789"

# The agenda and its activities (tests/leerkringen/conftest.py): a circle, a webinar and a study
# day to come, and a past circle.


def feed(client, agenda, params=None, kind="atom"):
    url = agenda.url + ("feed/" if kind == "atom" else "feed/rss/")
    response = client.get(url, params or {})
    assert response.status_code == 200
    expected = "application/atom+xml" if kind == "atom" else "application/rss+xml"
    assert response["Content-Type"].startswith(expected)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("atom10" if kind == "atom" else "rss20")
    return response, parsed


def entry_titles(parsed):
    """Entry titles without the date in brackets, to compare with the agenda page."""
    return [entry.title.rsplit(" (", 1)[0] for entry in parsed.entries]


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feed_lists_the_upcoming_activities_of_the_agenda(client, agenda, activities, kind):
    _response, parsed = feed(client, agenda, kind=kind)

    assert entry_titles(parsed) == titles(client.get(agenda.url))
    assert entry_titles(parsed) == [
        "Leerkring Utrecht",
        "Webinar Geldzorgen",
        "Studiedag Kansrijke start",
    ]
    assert parsed.feed.title == "Agenda"
    assert parsed.feed.link == agenda.full_url
    circle = activities["circle"]
    first = parsed.entries[0]
    assert first.link == circle.full_url  # absolute
    day = timezone.localtime(circle.first_starts_at)
    assert first.title == f"Leerkring Utrecht ({day.day} {_dutch_month(day)} {day.year})"
    assert "Eerste bijeenkomst" in first.summary
    assert "Samen leren over schulden en gezondheid." in first.summary
    assert [tag.term for tag in first.tags] == ["Armoede en schulden"]
    assert "Online" in parsed.entries[1].summary  # kind and form of the webinar
    assert first.get("published_parsed")


def _dutch_month(moment):
    return [
        "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december",
    ][moment.month - 1]  # fmt: skip


@pytest.mark.parametrize(
    "params",
    [
        {"type": "webinar"},
        {"type": ["webinar", "studiedag"]},
        {"mode": "hybride"},
        {"provincie": "utrecht"},
        {"provincie": "limburg"},
        {"archief": "1"},
    ],
)
def test_feed_follows_the_agenda_filters(client, agenda, activities, params):
    _response, parsed = feed(client, agenda, params)
    assert entry_titles(parsed) == titles(client.get(agenda.url, params))


def test_thema_and_month_filters(client, agenda, activities):
    params = {"thema": activities["thema"].slug}
    assert entry_titles(feed(client, agenda, params)[1]) == ["Leerkring Utrecht"]
    month = timezone.localtime(activities["webinar"].first_starts_at).strftime("%Y-%m")
    _response, parsed = feed(client, agenda, {"maand": month}, kind="rss")
    assert entry_titles(parsed) == titles(client.get(agenda.url, {"maand": month}))
    assert "Webinar Geldzorgen" in entry_titles(parsed)


def test_the_archive_feed_has_past_activities_only(client, agenda, activities):
    _response, parsed = feed(client, agenda, {"archief": "1"})
    assert entry_titles(parsed) == ["Leerkring Voorbij"]
    assert parsed.feed.title == "Agenda: archief"
    assert "Leerkring Voorbij" not in entry_titles(feed(client, agenda)[1])


def test_drafts_private_and_other_agendas_pages_are_absent(client, agenda, activities):
    draft = make_activity(agenda, title="Nog geheim concept")
    draft.unpublish()
    response, parsed = feed(client, agenda)
    assert "Nog geheim concept" not in response.content.decode()
    assert len(parsed.entries) == 3


def test_never_a_join_link_or_personal_data(client, agenda, activities):
    from leerkringen import services

    webinar = make_activity(
        agenda, WebinarPage, title="Webinar met link", join_url=JOIN_URL, capacity=5
    )
    aanmelding, _outcome = services.request_signup(
        webinar, {"name": "Fenna Bakker", "email": "fenna@example.org"}, "nl"
    )
    services.confirm(aanmelding)
    for kind in ("atom", "rss"):
        response, parsed = feed(client, agenda, kind=kind)
        body = response.content.decode()
        assert "Webinar met link" in body
        assert JOIN_URL not in body
        assert "Fenna" not in body and "fenna@example.org" not in body


@pytest.mark.parametrize(
    "query",
    [
        "type=concert",
        "type=webinar&type=%3Cscript%3E",
        "thema=bestaat-niet",
        "maand=2026-13",
        "maand=volgende-week",
        "archief=ja",
        "type=%00",
        "provincie=" + "x" * 5000,
        "type=webinar&" * 200,
    ],
)
def test_bad_parameters_never_fail(client, agenda, activities, query):
    for suffix in ("feed/", "feed/rss/"):
        response = client.get(f"{agenda.url}{suffix}?{query}")
        assert response.status_code == 200
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo
        assert "<script>" not in response.content.decode()


def test_feed_routes_that_do_not_exist_are_404(client, agenda, activities):
    assert client.get(agenda.url + "feed/atom/").status_code == 404
    assert client.get(agenda.url + "feed/rss/extra/").status_code == 404
    assert client.get(activities["circle"].url + "feed/").status_code == 404


def test_an_unpublished_agenda_has_no_feed(client, agenda, activities):
    url = agenda.url
    agenda.unpublish()
    assert client.get(url + "feed/").status_code == 404


def test_activities_below_the_agenda_are_still_reached(client, agenda, activities):
    """The feed routes are tried first; the activities' own pages and routes still work."""
    circle = activities["circle"]
    assert client.get(circle.url).status_code == 200
    assert client.get(circle.url + "ics/").status_code == 200


def test_an_activity_cannot_take_the_feed_slug(agenda):
    page = LeerkringPage(title="Feed", slug="feed")
    page.path, page.depth = "", 0  # not in the tree: only the model's own checks
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "slug" in error.value.message_dict


def test_the_feed_does_not_grow_with_the_number_of_items(
    client, agenda, activities, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(agenda.url + "feed/")
    with CaptureQueriesContext(connection) as few:
        client.get(agenda.url + "feed/")
    start = timezone.now() + datetime.timedelta(days=50)
    for n in range(5):
        make_activity(agenda, title=f"Extra leerkring {n}", start=start)
    with CaptureQueriesContext(connection) as many:
        _response, parsed = feed(client, agenda)
    assert len(parsed.entries) == 8
    assert len(many.captured_queries) <= len(few.captured_queries)


# The agenda page leads to the feeds ------------------------------------------------------------


def test_the_agenda_page_has_a_subscribe_block_and_alternate_links(client, agenda, activities):
    html = BeautifulSoup(client.get(agenda.url).content.decode(), "html.parser")

    block = html.select_one("section.lk-subscribe")
    heading = block.find("h2")
    assert heading.get_text(strip=True) == "Abonneren"
    assert block["aria-labelledby"] == heading["id"]
    links = {a.get_text(strip=True): a["href"] for a in block.find_all("a")}
    assert links == {
        "Atom-feed": f"{agenda.url}feed/",
        "RSS-feed": f"{agenda.url}feed/rss/",
        "Agenda in uw agenda-app (.ics)": f"{agenda.url}agenda.ics",
        "Ontvang nieuwe activiteiten per e-mail": "/nl/attenderingen/nieuw/activiteiten/",
    }
    alternates = {
        link["type"]: link["href"] for link in html.head.find_all("link", rel="alternate")
    }
    assert alternates["application/atom+xml"] == f"{agenda.url}feed/"
    assert alternates["application/rss+xml"] == f"{agenda.url}feed/rss/"
    assert alternates["text/calendar"] == f"{agenda.url}agenda.ics"
    for href in links.values():
        assert client.get(href).status_code == 200


def test_the_feed_links_carry_the_filters_but_nothing_unknown(client, agenda, activities):
    response = client.get(agenda.url, {"type": ["webinar", "<script>"], "archief": "1"})
    html = BeautifulSoup(response.content.decode(), "html.parser")
    atom = html.head.find("link", type="application/atom+xml")["href"]
    assert atom == f"{agenda.url}feed/?type=webinar&archief=1"
    block = html.select_one("section.lk-subscribe")
    assert (
        block.find("a", string="RSS-feed")["href"]
        == f"{agenda.url}feed/rss/?type=webinar&archief=1"
    )
    assert "dezelfde selectie" in block.get_text()


def test_the_agenda_page_costs_no_more_queries(
    client, agenda, activities, django_assert_max_num_queries
):
    client.get(agenda.url)  # warm the caches (terms, site root paths)
    # The finder's counts are two of these: the facets in one query (UNION ALL), the months in
    # another (leerkringen.filters.AgendaSelection).
    with django_assert_max_num_queries(19):
        response = client.get(agenda.url)
    assert response.status_code == 200


def test_the_english_agenda_has_its_own_feed(client, agenda, activities, locales, english_home):
    english_agenda = agenda.copy_for_translation(locales["en"])
    english_agenda.title = "Events"
    english_agenda.slug = "events"
    english_agenda.save()
    english_agenda = publish(english_agenda)
    circle = activities["circle"].copy_for_translation(locales["en"])
    circle.title = "Learning circle Utrecht"
    circle.save()
    circle = publish(circle)

    response, parsed = feed(client, english_agenda)

    assert parsed.feed.title == "Events"
    assert b'xml:lang="en"' in response.content
    [entry] = parsed.entries
    assert entry.link == circle.full_url
    assert entry.link.startswith("http") and "/en/" in entry.link
    assert "First meeting" in entry.summary
