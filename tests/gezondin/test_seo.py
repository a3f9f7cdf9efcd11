"""What search engines read besides the pages: canonical and hreflang links, the XML sitemaps per
language and robots.txt (docs/sharing.md)."""

import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory
from tests.kennisbank.factories import KennisbankPageFactory, publish, translate
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("pages")]

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# The overviews outside the page tree at the end of each language's sitemap: the regions, the 25
# regions and the figures.
OVERVIEWS = {"nl": ("regio", "cijfers"), "en": ("region", "figures")}
OVERVIEW_COUNT = 27


def head_links(client, url):
    response = client.get(url)
    assert response.status_code == 200
    head = BeautifulSoup(response.content.decode(), "html.parser").head
    canonical = head.select_one('link[rel="canonical"]')["href"]
    alternates = {
        link["hreflang"]: link["href"] for link in head.select('link[rel="alternate"][hreflang]')
    }
    return canonical, alternates


@shared_fixture
def pages(home_page, english_home, locales):
    about = publish(StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons"))
    english_about = translate(about, locales["en"], title="About us", slug="about-us")
    only_dutch = publish(StandardPageFactory(parent=home_page, title="Alleen NL", slug="alleen"))
    kennisbank = publish(KennisbankPageFactory(parent=home_page))
    english_kennisbank = translate(
        kennisbank, locales["en"], title="Knowledge base", slug="knowledge-base"
    )
    draft = StandardPageFactory(parent=home_page, title="Concept", slug="concept", live=False)
    private = publish(StandardPageFactory(parent=home_page, title="Intern", slug="intern"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {
        "about": about,
        "english_about": english_about,
        "only_dutch": only_dutch,
        "kennisbank": kennisbank,
        "english_kennisbank": english_kennisbank,
        "draft": draft,
        "private": private,
    }


# Canonical and hreflang ------------------------------------------------------------------------


def test_translated_pages_point_at_each_other_and_dutch_is_the_default(client, pages):
    expected = {
        "nl": "http://testserver/nl/over-ons/",
        "en": "http://testserver/en/about-us/",
        "x-default": "http://testserver/nl/over-ons/",
    }
    canonical, alternates = head_links(client, "/nl/over-ons/")
    assert canonical == "http://testserver/nl/over-ons/"
    assert alternates == expected
    canonical, alternates = head_links(client, "/en/about-us/")
    assert canonical == "http://testserver/en/about-us/"
    assert alternates == expected


def test_a_page_in_one_language_has_no_alternates(client, pages):
    canonical, alternates = head_links(client, "/nl/alleen/")
    assert canonical == "http://testserver/nl/alleen/"
    assert alternates == {}


@pytest.mark.parametrize(
    "query",
    ["?thema=wonen&provincie=limburg", "?page=3", "?q=schulden&page=2", "?utm_source=x"],
)
def test_a_filtered_kennisbank_url_is_canonically_the_kennisbank(client, pages, query):
    canonical, alternates = head_links(client, "/nl/kennisbank/" + query)
    assert canonical == "http://testserver/nl/kennisbank/"
    assert alternates == {
        "nl": "http://testserver/nl/kennisbank/",
        "en": "http://testserver/en/knowledge-base/",
        "x-default": "http://testserver/nl/kennisbank/",
    }


def test_search_results_are_canonically_the_search_page(client, pages):
    canonical, _alternates = head_links(client, "/nl/zoeken/?q=schulden&page=2")
    assert canonical == "http://testserver/nl/zoeken/"


# Sitemaps ---------------------------------------------------------------------------------------


def parse_xml(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def sitemap_entries(client, url):
    """{location: (lastmod, {hreflang: URL})} of one sitemap."""
    root = parse_xml(client.get(url))
    assert root.tag == f"{SITEMAP}urlset"
    entries = {}
    for url_element in root.iter(f"{SITEMAP}url"):
        lastmod = url_element.findtext(f"{SITEMAP}lastmod")
        alternates = {
            link.get("hreflang"): link.get("href") for link in url_element.iter(f"{XHTML}link")
        }
        entries[url_element.findtext(f"{SITEMAP}loc")] = (lastmod, alternates)
    return entries


def test_the_sitemap_index_points_at_one_sitemap_per_language(client, pages):
    root = parse_xml(client.get("/sitemap.xml"))
    assert root.tag == f"{SITEMAP}sitemapindex"
    sitemaps = [element.findtext(f"{SITEMAP}loc") for element in root]
    assert sitemaps == ["http://testserver/nl/sitemap.xml", "http://testserver/en/sitemap.xml"]
    assert all(element.findtext(f"{SITEMAP}lastmod") for element in root)


def pages_only(entries, language):
    """The entries that are pages (not the overviews)."""
    regio, cijfers = OVERVIEWS[language]
    overview = f"http://testserver/{language}/({regio}|{cijfers})/"
    return {url: entry for url, entry in entries.items() if not re.match(overview, url)}


def test_each_language_lists_its_own_live_public_pages(client, pages):
    dutch = pages_only(sitemap_entries(client, "/nl/sitemap.xml"), "nl")
    assert set(dutch) == {
        "http://testserver/nl/",
        "http://testserver/nl/over-ons/",
        "http://testserver/nl/alleen/",
        "http://testserver/nl/kennisbank/",
    }
    english = pages_only(sitemap_entries(client, "/en/sitemap.xml"), "en")
    assert set(english) == {
        "http://testserver/en/",
        "http://testserver/en/about-us/",
        "http://testserver/en/knowledge-base/",
    }
    about = pages["about"]
    lastmod, alternates = dutch["http://testserver/nl/over-ons/"]
    # The sitemap gives the date in the site's time zone (Europe/Amsterdam), which is a day
    # ahead of UTC for the last hour or two of a UTC day.
    assert lastmod == timezone.localdate(about.last_published_at).isoformat()
    assert alternates == {
        "nl": "http://testserver/nl/over-ons/",
        "en": "http://testserver/en/about-us/",
        "x-default": "http://testserver/nl/over-ons/",
    }
    assert english["http://testserver/en/about-us/"][1] == alternates
    assert dutch["http://testserver/nl/alleen/"][1] == {}


def test_each_language_ends_with_the_overviews_and_their_translations(client, pages):
    dutch = sitemap_entries(client, "/nl/sitemap.xml")
    english = sitemap_entries(client, "/en/sitemap.xml")
    assert list(dutch)[-OVERVIEW_COUNT:][:2] == [
        "http://testserver/nl/regio/",
        "http://testserver/nl/regio/groningen/",
    ]
    assert list(dutch)[-1] == "http://testserver/nl/cijfers/"
    assert len(set(dutch) - set(pages_only(dutch, "nl"))) == OVERVIEW_COUNT
    assert len(set(english) - set(pages_only(english, "en"))) == OVERVIEW_COUNT
    # No date (they follow every publication); each language points at the other.
    lastmod, alternates = dutch["http://testserver/nl/regio/twente/"]
    assert lastmod is None
    assert alternates == {
        "nl": "http://testserver/nl/regio/twente/",
        "en": "http://testserver/en/region/twente/",
        "x-default": "http://testserver/nl/regio/twente/",
    }
    assert english["http://testserver/en/figures/"][1]["nl"] == "http://testserver/nl/cijfers/"
    # Every overview listed answers.
    for url in list(dutch)[-OVERVIEW_COUNT:] + list(english)[-OVERVIEW_COUNT:]:
        assert client.get(url).status_code == 200, url


def test_no_drafts_private_pages_sign_up_or_search_pages(client, pages):
    locations = " ".join(
        [*sitemap_entries(client, "/nl/sitemap.xml"), *sitemap_entries(client, "/en/sitemap.xml")]
    )
    for fragment in ("concept", "intern", "aanmelding", "zoeken", "search", "feed"):
        assert fragment not in locations


def test_an_unknown_language_has_no_sitemap(client, pages):
    assert client.get("/de/sitemap.xml").status_code == 404
    assert client.get("/nl/kennisbank/sitemap.xml").status_code == 404


def test_sitemap_query_count_does_not_grow_with_the_pages(client, pages, home_page):
    client.get("/nl/sitemap.xml")
    with CaptureQueriesContext(connection) as few:
        client.get("/nl/sitemap.xml")
    for number in range(5):
        publish(StandardPageFactory(parent=home_page, title=f"Extra {number}"))
    client.get("/nl/sitemap.xml")
    with CaptureQueriesContext(connection) as many:
        assert len(sitemap_entries(client, "/nl/sitemap.xml")) == 9 + OVERVIEW_COUNT
    assert len(many) == len(few)


# robots.txt -------------------------------------------------------------------------------------


def test_robots_txt(client, pages):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = [line.strip() for line in response.content.decode().splitlines()]
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    disallowed = {line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow:")}
    assert disallowed == {
        "/admin/",
        "/nl/aanmelding/",
        "/en/registration/",
        "/en/aanmelding/",  # the Dutch words of links sent before, still answered
        "/nl/zoeken/",
        "/en/search/",
    }
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    # What robots.txt points at exists.
    assert client.get("/sitemap.xml").status_code == 200


def test_robots_txt_is_outside_the_language_prefix(client, pages):
    assert client.get("/nl/robots.txt").status_code == 404


def test_harvested_copies_are_left_to_the_sitemap_of_their_source(client, pages):
    import uuid

    from django.utils import timezone

    from kennisbank.harvest.models import HarvestSource, SharedCopy

    copy = publish(StandardPageFactory(parent=pages["kennisbank"], title="Kopie", slug="kopie"))
    assert "http://testserver/nl/kennisbank/kopie/" in sitemap_entries(client, "/nl/sitemap.xml")
    source = HarvestSource.objects.create(name="Gemeente Elders", base_url="https://elders.example")
    SharedCopy.objects.create(
        page=copy,
        source=source,
        remote_id=7,
        remote_locale="nl",
        remote_translation_key=uuid.uuid4(),
        original_url="https://elders.example/nl/kennisbank/origineel/",
        remote_last_published_at=timezone.now(),
        fingerprint="x",
        harvested_at=timezone.now(),
    )
    assert "http://testserver/nl/kennisbank/kopie/" not in sitemap_entries(
        client, "/nl/sitemap.xml"
    )
