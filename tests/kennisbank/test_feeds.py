"""The kennisbank's feeds: any kennisbank URL + ``feed/`` (Atom) or ``feed/rss/`` (RSS 2.0) is a
feed of the same selection, read here the way feed readers read them (feedparser) and compared
with the kennisbank page itself."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.search import index

from gezondin.models import Gemeente
from kennisbank import feeds
from kennisbank.models import KennisbankPage
from tests.factories import DoelgroepFactory, OrganisatieFactory, ThemaFactory
from tests.kennisbank.factories import (
    KennisartikelPageFactory,
    KennisbankPageFactory,
    PraktijkvoorbeeldPageFactory,
    publish,
    translate,
)
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("items")]

URL = "/nl/kennisbank/"
ATOM = "/nl/kennisbank/feed/"
RSS = "/nl/kennisbank/feed/rss/"


def published(page, days_ago):
    """Publish ``page`` and date its first publication ``days_ago`` days back, so the order of
    the newest items is known."""
    page = publish(page)
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    page.refresh_from_db()
    index.insert_or_update_object(page)
    return page


@shared_fixture
def terms(locales):
    return {
        "armoede": ThemaFactory(name="Armoede en schulden", slug="armoede-en-schulden"),
        "wonen": ThemaFactory(name="Wonen", slug="wonen"),
        "jongeren": DoelgroepFactory(name="Jongeren", slug="jongeren"),
    }


@shared_fixture
def kennisbank(home_page):
    return publish(KennisbankPageFactory(parent=home_page))


@shared_fixture
def items(kennisbank, terms):
    heerlen = Gemeente.objects.get(cbs_code="GM0917")
    maastricht = Gemeente.objects.get(cbs_code="GM0935")
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    ggd = OrganisatieFactory(name="GGD Zuid Limburg")
    return {
        "heerlen": published(
            PraktijkvoorbeeldPageFactory(
                parent=kennisbank,
                title="Schuldhulp in Heerlen-Noord",
                slug="schuldhulp-heerlen",
                intro="<p>Vroeg hulp bij schulden &amp; betalingsachterstanden.</p>",
                erkenning="goed-beschreven",
                themas=[terms["armoede"]],
                doelgroepen=[terms["jongeren"]],
                gemeenten=[heerlen],
            ),
            days_ago=3,
        ),
        "samen": published(
            PraktijkvoorbeeldPageFactory(
                parent=kennisbank,
                title="Samen tegen schulden in Zuid-Limburg",
                slug="samen-zuid-limburg",
                intro="<p>Twee gemeenten, één aanpak voor schulden.</p>",
                themas=[terms["armoede"], terms["wonen"]],
                gemeenten=[maastricht, heerlen],
            ),
            days_ago=1,
        ),
        "amsterdam": published(
            PraktijkvoorbeeldPageFactory(
                parent=kennisbank,
                title="Schimmelvrij wonen in Noord",
                slug="schimmelvrij",
                intro="<p>Samen met de corporatie tegen vocht.</p>",
                themas=[terms["wonen"]],
                gemeenten=[amsterdam],
            ),
            days_ago=2,
        ),
        "artikel": published(
            KennisartikelPageFactory(
                parent=kennisbank,
                title="Wat werkt bij schulden",
                slug="wat-werkt",
                kind="factsheet",
                intro="<p>Een overzicht van onderzoek naar schulden.</p>",
                source_organisatie=ggd,
                themas=[terms["armoede"]],
            ),
            days_ago=5,
        ),
        "landelijk": published(
            PraktijkvoorbeeldPageFactory(
                parent=kennisbank,
                title="Landelijke aanpak geldzorgen",
                slug="landelijk",
                intro="<p>Een aanpak voor het hele land.</p>",
                themas=[terms["armoede"]],
            ),
            days_ago=4,
        ),
    }


def parse(response, version):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    return feed


def atom(client, params=None):
    response = client.get(ATOM, params or {})
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return parse(response, "atom10")


def rss(client, params=None):
    response = client.get(RSS, params or {})
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return parse(response, "rss20")


def page_results(client, params=None):
    """The titles the kennisbank page lists for a selection (newest first without a search,
    best match first with one)."""
    response = client.get(URL, params or {})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".result-list__item h3 a")]


def titles(feed):
    return [entry.title for entry in feed.entries]


def newest_first(feed):
    dates = [entry.published_parsed for entry in feed.entries]
    return dates == sorted(dates, reverse=True)


def same_selection(client, params, *feeds):
    """Each feed holds exactly the page's results, newest first."""
    expected = page_results(client, params)
    for feed in feeds:
        if (params or {}).get("q"):
            assert sorted(titles(feed)) == sorted(expected)
        else:
            assert titles(feed) == expected
        assert newest_first(feed)


SELECTIONS = [
    {},
    {"thema": "armoede-en-schulden"},
    {"thema": "armoede-en-schulden", "provincie": "limburg"},
    {"thema": ["armoede-en-schulden", "wonen"], "gemeente": "gm0363"},
    {"doelgroep": "jongeren"},
    {"type": "factsheet"},
    {"erkenning": "goed-beschreven"},
    {"gemeente": "GM0935"},
    {"q": "schulden"},
    {"q": "schulden", "provincie": "limburg"},
    {"provincie": "zeeland"},
]


@pytest.mark.parametrize("params", SELECTIONS)
def test_the_feeds_hold_what_the_page_shows_newest_first(client, items, params):
    same_selection(client, params, atom(client, params), rss(client, params))


def test_a_selection_feed(client, items):
    feed = atom(client, {"thema": "armoede-en-schulden", "provincie": "limburg"})
    assert feed.feed.title == "Kennisbank GezondIn: Armoede en schulden, Limburg"
    assert feed.feed.language == "nl"
    assert feed.feed.link == (
        "http://testserver/nl/kennisbank/?thema=armoede-en-schulden&provincie=limburg"
    )
    assert titles(feed) == ["Samen tegen schulden in Zuid-Limburg", "Schuldhulp in Heerlen-Noord"]

    newest, older = feed.entries
    practice = items["samen"]
    assert newest.link == "http://testserver/nl/kennisbank/samen-zuid-limburg/"
    assert newest.id == newest.link
    assert newest.summary == "Twee gemeenten, één aanpak voor schulden."
    assert newest.author == "Gemeente Heerlen, Gemeente Maastricht"
    assert [tag.term for tag in newest.tags] == ["Armoede en schulden", "Wonen"]
    published_at = datetime.datetime(*newest.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published_at - practice.first_published_at) < datetime.timedelta(seconds=1)
    updated_at = datetime.datetime(*newest.updated_parsed[:6], tzinfo=datetime.UTC)
    assert abs(updated_at - practice.last_published_at) < datetime.timedelta(seconds=1)
    # Entities in the introduction come out as the text the page shows.
    assert older.summary == "Vroeg hulp bij schulden &amp; betalingsachterstanden."
    assert older.author == "Gemeente Heerlen"


def test_authors_are_the_municipality_or_the_organisation(client, items):
    by_title = {entry.title: entry for entry in atom(client).entries}
    assert by_title["Wat werkt bij schulden"].author == "GGD Zuid Limburg"
    assert by_title["Schimmelvrij wonen in Noord"].author == "Gemeente Amsterdam"
    # National work without a municipality: the site's organisation.
    assert by_title["Landelijke aanpak geldzorgen"].author == "GezondIn"


def test_rss_carries_the_same_entries(client, items):
    feed = rss(client, {"thema": "wonen"})
    assert feed.feed.title == "Kennisbank GezondIn: Wonen"
    assert feed.feed.language == "nl"
    entry = feed.entries[0]
    assert entry.title == "Samen tegen schulden in Zuid-Limburg"
    assert entry.link == "http://testserver/nl/kennisbank/samen-zuid-limburg/"
    assert entry.author == "Gemeente Heerlen, Gemeente Maastricht"
    assert entry.published_parsed is not None
    assert [tag.term for tag in entry.tags] == ["Armoede en schulden", "Wonen"]


def test_a_search_is_part_of_the_title(client, items):
    feed = atom(client, {"q": "schulden", "thema": "armoede-en-schulden"})
    assert feed.feed.title == "Kennisbank GezondIn: “schulden”, Armoede en schulden"


def test_sort_and_page_are_ignored(client, items):
    plain = titles(atom(client))
    assert titles(atom(client, {"sort": "titel", "page": "2"})) == plain
    searched = atom(client, {"q": "schulden", "sort": "relevantie"})
    assert titles(searched) == titles(atom(client, {"q": "schulden"}))
    assert newest_first(searched)


def test_at_most_the_newest_feed_limit_items(client, items, monkeypatch):
    assert feeds.FEED_LIMIT == 50
    monkeypatch.setattr(feeds, "FEED_LIMIT", 2)
    assert titles(atom(client)) == page_results(client)[:2]
    assert len(rss(client).entries) == 2


@pytest.mark.parametrize(
    "params",
    [
        {"thema": "bestaat-niet"},
        {"gemeente": "GM99999", "provincie": "atlantis"},
        {"erkenning": "<script>", "type": "onzin"},
        {"q": "x" * 500},
        {"q": "\x00"},
        {"page": "-1", "sort": "onbekend"},
        {"thema": ["armoede-en-schulden", "'); DROP TABLE x;--"]},
    ],
)
def test_bad_parameters_never_fail(client, items, params):
    same_selection(client, params, atom(client, params), rss(client, params))


def test_unknown_values_are_left_out_of_the_title(client, items):
    feed = atom(client, {"thema": ["armoede-en-schulden", "bestaat-niet"]})
    assert feed.feed.title == "Kennisbank GezondIn: Armoede en schulden"
    assert len(feed.entries) == 4


def test_hostile_titles_stay_text(client, kennisbank, terms):
    title = 'Schulden </title><script>alert("x")</script> & meer'
    published(
        PraktijkvoorbeeldPageFactory(
            parent=kennisbank, title=title, slug="vijandig", intro="<p>a < b &amp; c</p>"
        ),
        days_ago=1,
    )
    entry = atom(client).entries[0]
    assert entry.title == title
    assert "<script" not in entry.summary
    assert rss(client).entries[0].title == title


def test_unpublished_and_private_items_are_left_out(client, items):
    items["heerlen"].unpublish()
    PageViewRestriction.objects.create(page=items["amsterdam"], restriction_type="login")
    left = titles(atom(client))
    assert "Schuldhulp in Heerlen-Noord" not in left
    assert "Schimmelvrij wonen in Noord" not in left
    assert left == page_results(client)


def test_an_english_kennisbank_has_an_english_feed(client, items, terms, english_home, locales):
    english_theme = terms["armoede"].copy_for_translation(locales["en"])
    english_theme.name = "Poverty and debt"
    english_theme.save()
    kennisbank = KennisbankPage.objects.get(locale=locales["nl"])
    translate(kennisbank, locales["en"], title="Knowledge base", slug="knowledge-base")
    english = translate(items["samen"], locales["en"], title="Together against debt")
    publish(items["samen"])  # copies the links to the translation
    index.insert_or_update_object(english)

    response = client.get("/en/knowledge-base/feed/", {"thema": "armoede-en-schulden"})
    feed = parse(response, "atom10")
    assert feed.feed.language == "en"
    assert feed.feed.title == "Knowledge base GezondIn: Poverty and debt"
    assert titles(feed) == ["Together against debt"]
    assert feed.entries[0].link == "http://testserver/en/knowledge-base/samen-zuid-limburg/"
    assert [tag.term for tag in feed.entries[0].tags][0] == "Poverty and debt"


def test_an_unpublished_kennisbank_has_no_feed(client, items):
    KennisbankPage.objects.get().unpublish()
    assert client.get(ATOM).status_code == 404
    assert client.get(RSS).status_code == 404


def test_feed_query_count_is_bounded(client, items, kennisbank, terms):
    params = {"thema": "armoede-en-schulden", "q": "schulden"}
    client.get(ATOM, params)  # warm the term, locale and site caches
    with CaptureQueriesContext(connection) as few:
        client.get(ATOM, params)
    for number in range(2):
        published(
            PraktijkvoorbeeldPageFactory(
                parent=kennisbank,
                title=f"Extra schulden {number}",
                themas=[terms["armoede"]],
                gemeenten=[Gemeente.objects.get(cbs_code="GM0344")],
            ),
            days_ago=0,
        )
    client.get(ATOM, params)
    with CaptureQueriesContext(connection) as many:
        response = client.get(ATOM, params)
    assert len(feedparser.parse(response.content).entries) == 6
    assert len(many) == len(few)
    assert len(many) <= FEED_MAX_QUERIES


# Site and routing (the kennisbank page and its ancestors), the matching ids (searching: the
# search and its ids), the items with their themes and municipalities, the site settings for the
# publisher's name: 12, however many items.
FEED_MAX_QUERIES = 12


# The page links to the feeds of its selection -----------------------------------------------------


def test_the_page_announces_the_feed_of_its_selection(client, items):
    params = {"thema": "armoede-en-schulden", "provincie": "limburg", "sort": "titel", "page": "1"}
    html = BeautifulSoup(client.get(URL, params).content, "html.parser")
    atom_link = html.head.select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert atom_link["title"] == "Kennisbank GezondIn: Armoede en schulden, Limburg"
    assert atom_link["href"] == "/nl/kennisbank/feed/?thema=armoede-en-schulden&provincie=limburg"
    rss_link = html.head.select_one('link[rel="alternate"][type="application/rss+xml"]')
    assert rss_link["href"] == (
        "/nl/kennisbank/feed/rss/?thema=armoede-en-schulden&provincie=limburg"
    )
    # Following the announced link gives the feed of the same selection.
    feed = parse(client.get(atom_link["href"]), "atom10")
    assert feed.feed.title == atom_link["title"]

    # A visible link near the results, keeping the filters, with a name that says what it is.
    follow = html.select_one(".kennisbank-results .kennisbank-feed")
    links = follow.select("a")
    assert [a["href"] for a in links] == [atom_link["href"], rss_link["href"]]
    assert [a.get_text(" ", strip=True) for a in links] == [
        "Atom-feed van deze selectie",
        "RSS-feed van deze selectie",
    ]
    assert "Volg deze selectie" in follow.get_text()


def test_the_unfiltered_page_links_to_the_whole_kennisbank_feed(client, items):
    html = BeautifulSoup(client.get(URL).content, "html.parser")
    link = html.head.select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert link["href"] == "/nl/kennisbank/feed/"
    assert link["title"] == "Kennisbank GezondIn"


def test_the_search_is_kept_in_the_feed_link(client, items):
    html = BeautifulSoup(client.get(URL, {"q": "<schulden>"}).content, "html.parser")
    link = html.head.select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert link["href"] == "/nl/kennisbank/feed/?q=%3Cschulden%3E"


def test_the_index_page_query_count_is_unchanged(client, items, django_assert_max_num_queries):
    client.get(URL)
    with django_assert_max_num_queries(20):
        response = client.get(URL, {"thema": "wonen", "provincie": "limburg"})
    assert b"kennisbank-feed" in response.content
