"""The read API under /api/v2/ (gezondin.api, docs/api.md), through the test client: the
endpoints and their fields, absolute URLs for the requesting host, languages, query counts.

Privacy is in test_api_privacy.py, filters and bad input in test_api_filters.py; the fixtures
and helpers they share are in conftest.py.

The tree the fixtures build is drawn in conftest.py.
"""

import contextlib
import datetime
import json
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.signal_handlers import disable_reference_index_auto_update

from gezondin.models import Gemeente
from kennisbank.models import PraktijkvoorbeeldPage
from leerkringen.models import Aanmelding
from tests.factories import OrganisatieFactory
from tests.gezondin.conftest import API, gemeente, get, item_ids
from tests.kennisbank.factories import (
    PraktijkvoorbeeldPageFactory,
    amsterdam,
    publish,
)
from tests.leerkringen.factories import make_activity

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("content", "activities")]

# --- The endpoints -------------------------------------------------------------------------------


def test_index_lists_the_endpoints_as_absolute_urls(client):
    data = get(client, API, HTTP_ACCEPT="text/html")
    assert data["endpoints"] == {
        name: f"http://testserver/api/v2/{name}/"
        for name in [
            "praktijkvoorbeelden",
            "kennisartikelen",
            "activiteiten",
            "gemeenten",
            "cijfers",
            "pages",
        ]
    }


@pytest.mark.parametrize(
    "url", ["/api/v2/onbekend/", "/api/v2/praktijkvoorbeelden/abc/", "/api/v2/onbekend"]
)
def test_unknown_api_urls_are_json_404s_not_language_redirects(client, url):
    data = get(client, url, status=404, follow=True)
    assert "praktijkvoorbeelden/" in data["message"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, content, method):
    for url in [f"{API}praktijkvoorbeelden/", f"{API}praktijkvoorbeelden/{content.practice.pk}/"]:
        response = getattr(client, method)(url, data={}, content_type="application/json")
        assert response.status_code == 405
        assert response.json() == {"message": f'Method "{method.upper()}" not allowed.'}
    assert PraktijkvoorbeeldPage.objects.filter(pk=content.practice.pk, live=True).exists()


def test_listing_shape_and_default_fields(client, content):
    data = get(client, f"{API}praktijkvoorbeelden/")
    assert data["meta"] == {"total_count": 3}
    assert item_ids(data) == sorted(
        [content.practice.pk, content.national.pk, content.opgroeien.pk]
    )
    item = data["items"][0]
    assert set(item) == {"id", "meta", "title"}
    assert set(item["meta"]) == {
        "type",
        "detail_url",
        "html_url",
        "slug",
        "first_published_at",
        "last_published_at",
        "locale",
        "translation_key",
        "search_description",
        "canonical_url",
        "shared_from",
    }


def test_practice_detail_has_every_field_of_the_contract(client, content):
    practice = content.practice
    data = get(client, f"{API}praktijkvoorbeelden/{practice.pk}/")

    html_url = "http://testserver/nl/gemeenten/amsterdam/keukentafel/"
    assert data["id"] == practice.pk
    assert data["title"] == "Schuldhulp aan de keukentafel"
    meta = data["meta"]
    assert meta["type"] == "kennisbank.PraktijkvoorbeeldPage"
    assert meta["detail_url"] == f"http://testserver/api/v2/praktijkvoorbeelden/{practice.pk}/"
    assert meta["html_url"] == meta["canonical_url"] == html_url
    assert meta["shared_from"] is None
    assert meta["slug"] == "keukentafel"
    assert meta["locale"] == "nl"
    assert meta["translation_key"] == str(practice.translation_key)
    published = datetime.datetime.fromisoformat(meta["last_published_at"])
    assert published == practice.last_published_at
    assert published.utcoffset() is not None
    assert datetime.datetime.fromisoformat(meta["first_published_at"]).utcoffset() is not None

    assert data["kind"] == "praktijkvoorbeeld"
    assert data["intro"] == "<p>Hoe een wijk samen met bewoners de schulden aanpakte.</p>"
    assert data["background"].startswith("<p>In de wijk")
    assert data["results"] == (
        '<p>Meer in <a href="http://testserver/nl/gemeenten/amsterdam/">Amsterdam</a>.</p>'
    )
    assert data["lessons"] == data["monitoring"] == data["working_elements"] == ""
    assert data["status"] == "lopend"
    assert data["start_date"] == "2022-03-01"
    assert data["end_date"] is None
    assert data["last_checked"] == timezone.localdate().isoformat()
    assert data["erkenning"] == "goed-onderbouwd"
    assert data["erkenning_label"] == "Goed onderbouwd"
    assert data["erkenning_date"] == "2024-06-01"
    assert data["intervention_name"] == "Schuldhulp Thuis"
    assert data["intervention_url"] == "https://interventies.example/schuldhulp-thuis"
    assert data["funding"] == "GIDS-middelen"
    assert data["needs_team"] == data["needs_time"] == data["needs_budget"] == ""
    assert data["themas"] == [{"slug": "armoede-en-schulden", "name": "Armoede en schulden"}]
    assert data["doelgroepen"] == [{"slug": "jongeren", "name": "Jongeren"}]
    assert data["sporen"] == data["pijlers"] == data["domeinen"] == data["levensfasen"] == []
    assert data["gemeenten"] == [
        {"cbs_code": "GM0363", "name": "Amsterdam", "provincie": "noord-holland"}
    ]
    assert data["partners"] == [
        {
            "organisatie": {
                "name": "GGD Amsterdam",
                "website": "https://www.ggd.amsterdam.example",
            },
            "role": "doet de huisbezoeken",
        }
    ]
    assert data["contact"] == {
        "name": "Team Geldzorgen",
        "email": "geldzorgen@amsterdam.example",
        "phone": "",
    }


def test_approach_streamfield_has_absolute_links_and_image_renditions(client, content):
    data = get(client, f"{API}praktijkvoorbeelden/{content.practice.pk}/")
    paragraph, figure, document = data["approach"]

    assert paragraph["type"] == "paragraph" and paragraph["id"]
    assert paragraph["value"] == (
        '<p>Zie <a href="http://testserver/nl/kennisbank/">de kennisbank</a>.</p>'
    )
    assert figure["type"] == "figure"
    image = figure["value"]["image"]
    assert image["url"].startswith("http://testserver/media/images/")
    assert ".width-1200" in image["url"]
    assert (image["width"], image["height"], image["alt"]) == (1200, 600, "Twee mensen aan tafel")
    assert figure["value"]["caption"] == "Aan de keukentafel"
    assert document["value"] == {
        "document": {
            "title": "Werkwijze",
            "url": f"http://testserver{content.document.url}",
        },
        "title": "",
    }


def test_urls_follow_the_requesting_host_and_port(client, content):
    """A second installation on another port gets links to itself, not to the Site record's."""
    host = {"HTTP_HOST": "127.0.0.1:8001"}
    data = get(client, f"{API}praktijkvoorbeelden/{content.practice.pk}/", **host)

    base = "http://127.0.0.1:8001"
    assert data["meta"]["detail_url"].startswith(f"{base}/api/v2/praktijkvoorbeelden/")
    assert data["meta"]["html_url"] == f"{base}/nl/gemeenten/amsterdam/keukentafel/"
    assert data["meta"]["canonical_url"] == data["meta"]["html_url"]
    assert f'href="{base}/nl/gemeenten/amsterdam/"' in data["results"]
    assert data["approach"][1]["value"]["image"]["url"].startswith(f"{base}/media/")
    assert data["approach"][2]["value"]["document"]["url"].startswith(f"{base}/documents/")
    assert "testserver" not in json.dumps(data)
    listing = get(client, f"{API}gemeenten/?cbs_code=GM0363", **host)
    assert listing["items"][0]["page"] == f"{base}/nl/gemeenten/amsterdam/"


def test_find_redirects_to_the_detail_view(client, content, english):
    def found(url):
        response = client.get(url)
        assert response.status_code == 302, response.content
        return response["Location"]

    pages = f"{API}pages/find/?html_path="
    assert found(f"{pages}/nl/gemeenten/amsterdam/keukentafel/") == (
        f"http://testserver/api/v2/pages/{content.practice.pk}/"
    )
    assert found(f"{pages}/en/knowledge-base/living/") == (
        f"http://testserver/api/v2/pages/{english.pk}/"
    )
    get(client, f"{pages}/nl/bestaat-niet/", status=404)
    assert found(f"{API}praktijkvoorbeelden/find/?id={content.national.pk}") == (
        f"http://testserver/api/v2/praktijkvoorbeelden/{content.national.pk}/"
    )


def test_detail_of_an_unknown_id_is_a_404(client, content):
    data = get(client, f"{API}praktijkvoorbeelden/999999/", status=404)
    assert data["message"]
    # A page of another type is not in this endpoint either.
    get(client, f"{API}praktijkvoorbeelden/{content.article.pk}/", status=404)
    get(client, f"{API}gemeenten/999999/", status=404)


def test_article_fields(client, content):
    data = get(client, f"{API}kennisartikelen/{content.article.pk}/")
    assert data["meta"]["type"] == "kennisbank.KennisartikelPage"
    assert data["kind"] == "handreiking"
    assert data["publication_date"] == "2024-03-01"
    assert data["source_organisatie"] == {
        "name": "GGD Amsterdam",
        "website": "https://www.ggd.amsterdam.example",
    }
    assert data["body"][0]["type"] == "paragraph"
    assert data["body"][0]["value"] == "<p>Vijf stappen.</p>"
    assert data["themas"] == [{"slug": "armoede-en-schulden", "name": "Armoede en schulden"}]
    assert data["gemeenten"] == []
    factsheet = get(client, f"{API}kennisartikelen/{content.factsheet.pk}/")
    assert factsheet["source_organisatie"] is None
    assert factsheet["publication_date"] is None


def test_fields_star_gives_all_fields_in_listings(client, content):
    data = get(client, f"{API}praktijkvoorbeelden/?fields=*")
    detail = get(client, f"{API}praktijkvoorbeelden/{content.practice.pk}/")
    item = next(item for item in data["items"] if item["id"] == content.practice.pk)
    assert item == detail
    some = get(client, f"{API}praktijkvoorbeelden/?fields=themas,gemeenten")
    assert set(some["items"][0]) == {"id", "meta", "title", "themas", "gemeenten"}


def test_english_pages_have_english_names_and_urls(client, content, english):
    data = get(client, f"{API}praktijkvoorbeelden/?locale=en&fields=*")
    assert item_ids(data) == [english.pk]
    item = data["items"][0]
    assert item["title"] == "Living without worries"
    assert item["meta"]["locale"] == "en"
    assert item["meta"]["html_url"] == "http://testserver/en/knowledge-base/living/"
    assert item["meta"]["translation_key"] == str(content.national.translation_key)
    assert item["themas"] == [{"slug": "wonen", "name": "Housing"}]
    assert item["gemeenten"] == [{"cbs_code": "GM0344", "name": "Utrecht", "provincie": "utrecht"}]
    assert item["erkenning_label"] == "Not assessed"
    # Its translations, the other way round.
    dutch = get(client, f"{API}praktijkvoorbeelden/?translation_of={english.pk}")
    assert item_ids(dutch) == [content.national.pk]


def test_harvested_copies_name_their_original_and_source(client, content):
    from kennisbank.models import HarvestSource, SharedCopy

    source = HarvestSource.objects.create(
        name="GezondIn Tilburg", base_url="https://tilburg.example"
    )
    SharedCopy.objects.create(
        page=content.opgroeien,
        source=source,
        original_url="https://tilburg.example/nl/gemeenten/tilburg/gezond-opgroeien/",
        remote_id=12,
        remote_locale="nl",
        remote_translation_key=uuid.uuid4(),
        fingerprint="abc",
        harvested_at=timezone.now(),
    )
    data = get(client, f"{API}praktijkvoorbeelden/")
    metas = {item["id"]: item["meta"] for item in data["items"]}
    assert metas[content.opgroeien.pk]["canonical_url"] == (
        "https://tilburg.example/nl/gemeenten/tilburg/gezond-opgroeien/"
    )
    assert metas[content.opgroeien.pk]["shared_from"] == {
        "name": "GezondIn Tilburg",
        "url": "https://tilburg.example",
    }
    assert metas[content.opgroeien.pk]["html_url"].startswith("http://testserver/nl/")
    assert metas[content.national.pk]["shared_from"] is None
    assert metas[content.national.pk]["canonical_url"] == metas[content.national.pk]["html_url"]


# --- Municipalities -------------------------------------------------------------------------------


def test_gemeenten_with_their_section_page_and_practice_count(client, content):
    data = get(client, f"{API}gemeenten/?cbs_code=GM0363,GM0344,GM0599")
    by_code = {item["cbs_code"]: item for item in data["items"]}
    amsterdam_item = by_code["GM0363"]
    assert set(amsterdam_item) == {
        "id",
        "meta",
        "cbs_code",
        "name",
        "display_name",
        "provincie",
        "is_gids",
        "is_active",
        "page",
        "practice_count",
    }
    assert amsterdam_item["meta"]["detail_url"] == (
        f"http://testserver/api/v2/gemeenten/{amsterdam().pk}/"
    )
    assert amsterdam_item["page"] == "http://testserver/nl/gemeenten/amsterdam/"
    assert amsterdam_item["practice_count"] == 1
    assert amsterdam_item["provincie"] == "noord-holland"
    assert by_code["GM0344"]["page"] is None
    assert by_code["GM0344"]["practice_count"] == 1
    english = get(client, f"{API}gemeenten/{amsterdam().pk}/?locale=en")
    assert english["page"] is None  # no English section
    assert english["practice_count"] == 0


def test_gemeenten_lists_active_municipalities_and_finds_by_cbs_code(client, db):
    Gemeente.objects.filter(cbs_code__in=["GM0363", "GM0362"]).update(is_gids=True)
    merged = Gemeente.objects.create(
        cbs_code="GM9001", name="Opgeheven", provincie="utrecht", is_active=False
    )
    data = get(client, f"{API}gemeenten/?limit=100")
    assert data["meta"]["total_count"] == Gemeente.objects.filter(is_active=True).count()
    get(client, f"{API}gemeenten/{merged.pk}/", status=404)
    response = client.get(f"{API}gemeenten/find/?cbs_code=gm0363")
    assert response.status_code == 302
    assert response["Location"] == f"http://testserver/api/v2/gemeenten/{amsterdam().pk}/"
    gids = get(client, f"{API}gemeenten/?is_gids=true&provincie=noord-holland&limit=100")
    assert gids["items"] and all(i["is_gids"] for i in gids["items"])
    assert {i["provincie"] for i in gids["items"]} == {"noord-holland"}


# --- Activities -----------------------------------------------------------------------------------


def test_activity_fields(client, activities):
    circle = activities.circle
    data = get(client, f"{API}activiteiten/{circle.pk}/")
    assert data["meta"]["type"] == "leerkringen.LeerkringPage"
    assert data["kind"] == "leerkring"
    assert data["capacity"] == 10
    assert data["seats_available"] == 8
    assert data["registration_open"] is True
    meeting = circle.bijeenkomsten.get()
    start = timezone.localtime(meeting.starts_at).isoformat()
    end = timezone.localtime(meeting.ends_at).isoformat()
    assert data["dates"] == {"start": start, "end": end}
    assert data["bijeenkomsten"] == [
        {
            "start": start,
            "end": end,
            "timezone": "Europe/Amsterdam",
            "topic": "Bijeenkomst over casus 1",
            "attendance": "fysiek",
            "location": "Stadskantoor, Stationsplein 1, 3511 ED Utrecht",
            "host_gemeente": {"cbs_code": "GM0344", "name": "Utrecht"},
        }
    ]
    assert data["ics_url"] == f"http://testserver/nl/agenda/{circle.slug}/ics/"
    assert data["materials"] == []
    ics = client.get(data["ics_url"].removeprefix("http://testserver"))
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")


def test_webinar_study_day_and_past_activity(client, activities):
    webinar = get(client, f"{API}activiteiten/{activities.webinar.pk}/")
    assert webinar["kind"] == "webinar"
    assert webinar["speakers"] == "Fatima El Amrani"
    assert webinar["capacity"] is None and webinar["seats_available"] is None
    assert webinar["bijeenkomsten"][0]["attendance"] == "online"
    assert webinar["bijeenkomsten"][0]["location"] is None
    assert webinar["bijeenkomsten"][0]["host_gemeente"] is None

    studiedag = get(client, f"{API}activiteiten/{activities.studiedag.pk}/")
    assert (
        studiedag["bijeenkomsten"][0]["location"] == "Jaarbeurs, Jaarbeursplein 6, 3521 AL Utrecht"
    )
    assert studiedag["venue_name"] == "Jaarbeurs"

    past = get(client, f"{API}activiteiten/{activities.past.pk}/")
    assert past["registration_open"] is False
    assert past["summary"] == "<p>Wat we leerden.</p>"
    assert past["materials"][0]["type"] == "link"
    assert past["materials"][0]["value"]["url"] == "https://example.org/verslag"


def test_activity_listing_has_the_same_items_as_details(client, activities):
    data = get(client, f"{API}activiteiten/?fields=*")
    assert data["meta"]["total_count"] == 4
    for item in data["items"]:
        detail = get(client, f"{API}activiteiten/{item['id']}/")
        shared = set(item) & set(detail)
        assert {name: item[name] for name in shared} == {name: detail[name] for name in shared}
    # The listing's items are the specific types: a study day's venue is its meetings' place.
    studiedag = next(i for i in data["items"] if i["id"] == activities.studiedag.pk)
    assert studiedag["bijeenkomsten"][0]["location"].startswith("Jaarbeurs")


def test_english_activity_shares_the_seats_of_the_dutch_one(
    client, activities, locales, english_home
):
    publish(activities.agenda.copy_for_translation(locales["en"]))
    english = activities.circle.copy_for_translation(locales["en"])
    english.title = "Learning circle Utrecht"
    english.save()
    english = publish(english)

    data = get(client, f"{API}activiteiten/?locale=en&fields=_,id,capacity,seats_available")
    assert data["items"] == [{"id": english.pk, "capacity": 10, "seats_available": 8}]


# --- Query counts ---------------------------------------------------------------------------------


@contextlib.contextmanager
def not_indexed():
    """Pages saved here are left out of the search index and the reference index: the listings
    whose queries are counted read neither, and indexing is half of what publishing takes."""
    backends = {
        name: {**config, "AUTO_UPDATE": False}
        for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield


def add_practices(parent, count, terms, start=0):
    ggd = OrganisatieFactory()
    with not_indexed():
        for i in range(start, start + count):
            publish(
                PraktijkvoorbeeldPageFactory(
                    parent=parent,
                    title=f"Praktijk {i}",
                    slug=f"praktijk-{i}",
                    themas=[terms.armoede, terms.wonen],
                    doelgroepen=[terms.jongeren],
                    gemeenten=[amsterdam(), gemeente("GM0344")],
                    partners=[(ggd, "partner"), (OrganisatieFactory(), "ook partner")],
                )
            )


def count_queries(client, url):
    client.get(url)  # warm the caches of terms, site root paths and private sections
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()


# Count, items, locales, 6 vocabularies, municipalities, partners with their organisations,
# shared copies, site and site roots (term names and private sections come from the cache).
MAX_LISTING_QUERIES = 14


def test_practice_listing_queries_do_not_grow_with_the_items(
    client, content, django_assert_max_num_queries
):
    url = f"{API}praktijkvoorbeelden/?fields=*&limit=25&offset=3"
    add_practices(content.kennisbank, 5, content.terms)
    few, data = count_queries(client, url)
    assert len(data["items"]) == 5
    add_practices(content.kennisbank, 20, content.terms, start=5)
    many, data = count_queries(client, url)
    assert len(data["items"]) == 25
    assert all(len(item["partners"]) == 2 and len(item["themas"]) == 2 for item in data["items"])
    assert many == few
    with django_assert_max_num_queries(MAX_LISTING_QUERIES):
        client.get(url)


def test_activity_listing_queries_do_not_grow_with_the_items(client, activities):
    url = f"{API}activiteiten/?fields=*"
    few, _data = count_queries(client, url)
    with not_indexed():
        for i in range(6):
            activity = make_activity(activities.agenda, title=f"Leerkring {i}", meeting_count=3)
            Aanmelding.objects.create(
                activity=activity, name="X", email=f"x{i}@example.org", status="confirmed"
            )
    many, data = count_queries(client, url)
    assert len(data["items"]) == 10
    assert many == few


def test_gemeenten_listing_queries_do_not_grow_with_the_items(client, content):
    few, _data = count_queries(client, f"{API}gemeenten/?limit=5")
    many, _data = count_queries(client, f"{API}gemeenten/?limit=100")
    assert many == few
