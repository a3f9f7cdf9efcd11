"""schema.org JSON-LD on every public page: each <script type="application/ld+json"> is parsed as
a search engine would (json.loads of the element's text) and checked per page type."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from gezondin.jsonld import serialize
from gezondin.models import Gemeente, GezondInSettings, StandardPage
from tests.factories import OrganisatieFactory, StandardPageFactory, ThemaFactory
from tests.kennisbank.factories import (
    GemeenteIndexPageFactory,
    GemeentePageFactory,
    KennisartikelPageFactory,
    KennisbankPageFactory,
    PraktijkvoorbeeldPageFactory,
    ThemaPageFactory,
    amsterdam,
    publish,
    translate,
)
from tests.leerkringen.factories import make_activity, make_agenda
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("tree")]

CBS = {"@type": "PropertyValue", "propertyID": "CBS-gemeentecode", "value": "GM0363"}


def json_ld(client, url):
    """Every JSON-LD object of the page at ``url``, parsed."""
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        json.loads(script.string) for script in html.find_all("script", type="application/ld+json")
    ]


def of_type(objects, schema_type):
    found = [obj for obj in objects if obj["@type"] == schema_type]
    assert len(found) == 1, [obj["@type"] for obj in objects]
    assert found[0]["@context"] == "https://schema.org"
    return found[0]


def breadcrumb_names(objects):
    trail = of_type(objects, "BreadcrumbList")["itemListElement"]
    assert [item["position"] for item in trail] == list(range(1, len(trail) + 1))
    return [(item["name"], item["item"]) for item in trail]


@shared_fixture
def terms(locales):
    return {"armoede": ThemaFactory(name="Armoede en schulden", slug="armoede-en-schulden")}


@pytest.fixture
def site_settings(home_page):
    settings = GezondInSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Pharos en Platform31"
    settings.contact_email = "info@gezondin.example"
    settings.save()
    return settings


@shared_fixture
def tree(home_page, terms):
    kennisbank = publish(KennisbankPageFactory(parent=home_page))
    gemeenten = publish(GemeenteIndexPageFactory(parent=home_page))
    section = publish(
        GemeentePageFactory(
            parent=gemeenten,
            gemeente=amsterdam(),
            title="Gemeente Amsterdam",
            slug="amsterdam",
            website="https://www.amsterdam.example/gezond",
        )
    )
    ggd = OrganisatieFactory(name="GGD Amsterdam", website="https://ggd.amsterdam.example")
    practice = publish(
        PraktijkvoorbeeldPageFactory(
            parent=section,
            title="Schuldhulp aan de keukentafel",
            slug="schuldhulp",
            intro="<p>Buurtcoaches helpen gezinnen met schulden thuis.</p>",
            themas=[terms["armoede"]],
            gemeenten=[amsterdam()],
            partners=[(ggd, "voert de huisbezoeken uit")],
        )
    )
    national = publish(
        PraktijkvoorbeeldPageFactory(
            parent=kennisbank, title="Landelijke aanpak", slug="landelijk", themas=[]
        )
    )
    article = publish(
        KennisartikelPageFactory(
            parent=kennisbank,
            title="Handreiking bereik",
            slug="handreiking",
            source_organisatie=ggd,
            publication_date=datetime.date(2024, 5, 2),
            themas=[terms["armoede"]],
        )
    )
    dossier = publish(ThemaPageFactory(parent=kennisbank, thema=terms["armoede"], slug="armoede"))
    about = publish(StandardPageFactory(parent=home_page, title="Over GezondIn", slug="over"))
    return {
        "kennisbank": kennisbank,
        "gemeenten": gemeenten,
        "section": section,
        "practice": practice,
        "national": national,
        "article": article,
        "dossier": dossier,
        "about": about,
    }


# Page types -----------------------------------------------------------------------------------


def test_home_page_is_the_website_with_its_publisher(client, tree, site_settings):
    objects = json_ld(client, "/nl/")
    assert [obj["@type"] for obj in objects] == ["WebSite"]  # no breadcrumbs on the home page
    website = objects[0]
    assert website["name"] == "GezondIn"
    assert website["url"] == "http://testserver/nl/"
    assert website["inLanguage"] == "nl"
    assert website["description"] == "Kennis en praktijk voor gezondheid in alle beleidsdomeinen."
    assert website["publisher"] == {
        "@type": "Organization",
        "name": "Pharos en Platform31",
        "url": "http://testserver/nl/",
        "email": "info@gezondin.example",
    }
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == (
        "http://testserver/nl/zoeken/?q={search_term_string}"
    )


def test_english_home_page(client, tree, english_home):
    website = of_type(json_ld(client, "/en/"), "WebSite")
    assert website["url"] == "http://testserver/en/"
    assert website["inLanguage"] == "en"
    assert website["potentialAction"]["target"]["urlTemplate"].startswith(
        "http://testserver/en/search/"
    )


def test_standard_page_is_a_web_page_with_breadcrumbs(client, tree):
    objects = json_ld(client, "/nl/over/")
    page = of_type(objects, "WebPage")
    assert page["name"] == "Over GezondIn"
    assert page["url"] == "http://testserver/nl/over/"
    assert page["inLanguage"] == "nl"
    assert page["isPartOf"] == {
        "@type": "WebSite",
        "name": "GezondIn",
        "url": "http://testserver/nl/",
    }
    assert page["datePublished"] and page["dateModified"]
    assert breadcrumb_names(objects) == [
        ("GezondIn", "http://testserver/nl/"),
        ("Over GezondIn", "http://testserver/nl/over/"),
    ]


def test_practice_is_an_article_about_its_themes_in_its_municipality(client, tree):
    practice = tree["practice"]
    objects = json_ld(client, practice.url)
    article = of_type(objects, "Article")
    assert article["headline"] == article["name"] == "Schuldhulp aan de keukentafel"
    assert article["url"] == "http://testserver/nl/gemeenten/amsterdam/schuldhulp/"
    assert article["description"] == "Buurtcoaches helpen gezinnen met schulden thuis."
    assert article["inLanguage"] == "nl"
    assert article["genre"] == "Praktijkvoorbeeld"
    assert datetime.datetime.fromisoformat(article["datePublished"]) == (
        practice.first_published_at.replace(microsecond=0)
    )
    assert datetime.datetime.fromisoformat(article["dateModified"]) == (
        practice.last_published_at.replace(microsecond=0)
    )
    assert article["about"] == [
        {
            "@type": "DefinedTerm",
            "name": "Armoede en schulden",
            "termCode": "armoede-en-schulden",
            # The theme's dossier (a theme without one: the kennisbank filtered on it).
            "url": "http://testserver" + tree["dossier"].url,
        }
    ]
    assert article["spatialCoverage"] == [
        {"@type": "AdministrativeArea", "name": "Amsterdam", "identifier": CBS}
    ]
    municipality, partner = article["author"]
    assert municipality["@type"] == "GovernmentOrganization"
    assert municipality["name"] == "Gemeente Amsterdam"
    assert municipality["identifier"] == CBS
    assert municipality["url"] == "http://testserver/nl/gemeenten/amsterdam/"
    assert partner == {
        "@type": "Organization",
        "name": "GGD Amsterdam",
        "url": "https://ggd.amsterdam.example",
    }
    assert article["publisher"]["name"] == "GezondIn"
    assert [name for name, _url in breadcrumb_names(objects)] == [
        "GezondIn",
        "Gemeenten",
        "Gemeente Amsterdam",
        "Schuldhulp aan de keukentafel",
    ]


def test_national_practice_is_written_by_the_publisher(client, tree):
    article = of_type(json_ld(client, tree["national"].url), "Article")
    assert article["author"] == [article["publisher"]]
    assert "spatialCoverage" not in article
    assert "about" not in article


def test_a_shared_copy_names_its_original(client, tree):
    """A practice harvested from another installation (kennisbank.harvest) has the original as
    its canonical URL; its JSON-LD says the same."""
    import uuid

    from django.utils import timezone

    from kennisbank.harvest.models import HarvestSource, SharedCopy

    original = "https://gemeente.example/nl/kennisbank/schuldhulp/"
    source = HarvestSource.objects.create(
        name="Gemeente Voorbeeld", base_url="https://gemeente.example"
    )
    SharedCopy.objects.create(
        page=tree["practice"],
        source=source,
        remote_id=7,
        remote_locale="nl",
        remote_translation_key=uuid.uuid4(),
        original_url=original,
        fingerprint="x",
        harvested_at=timezone.now(),
    )
    article = of_type(json_ld(client, tree["practice"].url), "Article")
    assert article["url"] == article["isBasedOn"] == original
    assert article["spatialCoverage"][0]["identifier"] == CBS


def test_knowledge_article(client, tree):
    article = of_type(json_ld(client, tree["article"].url), "Article")
    assert article["genre"] == "Handreiking"
    assert article["datePublished"] == "2024-05-02"
    assert article["author"] == [
        {"@type": "Organization", "name": "GGD Amsterdam", "url": "https://ggd.amsterdam.example"}
    ]
    assert article["about"][0]["name"] == "Armoede en schulden"


@pytest.mark.parametrize("key", ["kennisbank", "gemeenten", "dossier"])
def test_index_pages_are_collection_pages(client, tree, key):
    page = tree[key]
    objects = json_ld(client, page.url + "?thema=armoede-en-schulden&page=2")
    collection = of_type(objects, "CollectionPage")
    assert collection["name"] == page.title
    assert collection["url"] == f"http://testserver{page.url}"  # the page, not the selection
    assert collection["inLanguage"] == "nl"
    assert breadcrumb_names(objects)[-1] == (page.title, f"http://testserver{page.url}")


def test_dossier_is_about_its_theme(client, tree):
    collection = of_type(json_ld(client, tree["dossier"].url), "CollectionPage")
    assert collection["about"] == {
        "@type": "DefinedTerm",
        "name": "Armoede en schulden",
        "termCode": "armoede-en-schulden",
    }


def test_municipality_page_is_the_government_organisation(client, tree):
    organisation = of_type(json_ld(client, tree["section"].url), "GovernmentOrganization")
    assert organisation["name"] == "Gemeente Amsterdam"
    assert organisation["identifier"] == CBS
    assert organisation["url"] == "http://testserver/nl/gemeenten/amsterdam/"
    assert organisation["areaServed"] == {
        "@type": "AdministrativeArea",
        "name": "Amsterdam",
        "identifier": CBS,
        "containedInPlace": {"@type": "AdministrativeArea", "name": "Noord-Holland"},
    }
    assert organisation["contactPoint"] == {
        "@type": "ContactPoint",
        "name": "Programma Gezonde Stad",
        "email": "gezondestad@gemeente.example",
        "url": "https://www.amsterdam.example/gezond",
    }


def test_municipality_without_contact_has_no_contact_point(client, tree):
    section = tree["section"]
    section.contact_name = section.contact_email = section.website = ""
    publish(section)
    organisation = of_type(json_ld(client, section.url), "GovernmentOrganization")
    assert "contactPoint" not in organisation
    # An official name that differs from the everyday one is kept as the alternate name.
    Gemeente.objects.filter(cbs_code="GM0363").update(display_name="Mokum")
    organisation = of_type(json_ld(client, section.url), "GovernmentOrganization")
    assert organisation["name"] == "Gemeente Mokum"
    assert organisation["alternateName"] == "Gemeente Amsterdam"


def test_activity_pages_keep_their_event_and_get_breadcrumbs(client, home_page):
    agenda = make_agenda(home_page)
    activity = make_activity(agenda, meeting_count=2)
    objects = json_ld(client, activity.url)
    event = of_type(objects, "Event")
    assert event["name"] == activity.title
    assert [name for name, _url in breadcrumb_names(objects)] == [
        "GezondIn",
        "Agenda",
        activity.title,
    ]
    collection = of_type(json_ld(client, agenda.url), "CollectionPage")
    assert collection["name"] == "Agenda"


def test_english_practice(client, tree, locales, english_home, terms):
    english_term = terms["armoede"].copy_for_translation(locales["en"])
    english_term.name = "Poverty and debt"
    english_term.save()
    translate(tree["gemeenten"], locales["en"], title="Municipalities", slug="municipalities")
    translate(tree["section"], locales["en"], title="Municipality of Amsterdam")
    english = translate(tree["practice"], locales["en"], title="Debt help at the kitchen table")
    publish(tree["practice"])  # copies its links to the translation
    article = of_type(json_ld(client, english.url), "Article")
    assert article["inLanguage"] == "en"
    assert article["url"].startswith("http://testserver/en/municipalities/")
    assert article["about"][0]["name"] == "Poverty and debt"
    assert article["spatialCoverage"][0]["identifier"] == CBS


def test_views_that_are_not_pages_have_no_json_ld(client, home_page):
    assert json_ld(client, "/nl/zoeken/?q=schulden") == []


def test_a_page_type_can_describe_itself(client, tree, monkeypatch):
    monkeypatch.setattr(
        StandardPage,
        "get_json_ld",
        lambda self, request: {"@type": "AboutPage", "name": self.title},
        raising=False,
    )
    objects = json_ld(client, "/nl/over/")
    assert of_type(objects, "AboutPage")["name"] == "Over GezondIn"
    assert of_type(objects, "BreadcrumbList")


# Safety and cost ------------------------------------------------------------------------------


HOSTILE = '</script><script>alert("x")</script><!-- & \u2028'


def test_hostile_titles_cannot_leave_the_script_element(client, tree):
    practice = tree["practice"]
    practice.title = HOSTILE
    practice.intro = "<p>&lt;/script&gt; nog eens</p>"
    publish(practice)
    response = client.get(practice.url)
    content = response.content.decode()
    assert "<script>alert" not in content
    html = BeautifulSoup(content, "html.parser")
    scripts = html.find_all("script", type="application/ld+json")
    assert len(scripts) == 2
    article = of_type([json.loads(script.string) for script in scripts], "Article")
    assert article["name"] == HOSTILE
    assert article["description"] == "</script> nog eens"


def test_serialize_escapes_what_could_end_the_element():
    text = serialize({"name": "</script><!--&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><!--&"}


def test_the_tag_works_for_host_sites_with_an_explicit_page(tree):
    request = RequestFactory().get("/nl/gemeenten/amsterdam/schuldhulp/")
    rendered = Template("{% load gezondin_tags %}{% json_ld page %}").render(
        Context({"request": request, "page": tree["practice"]})
    )
    html = BeautifulSoup(rendered, "html.parser")
    types = [json.loads(s.string)["@type"] for s in html.find_all("script")]
    assert types == ["Article", "BreadcrumbList"]
    assert Template("{% load gezondin_tags %}{% json_ld %}").render(Context({})) == ""


@pytest.mark.parametrize(
    "key", ["home", "about", "kennisbank", "dossier", "practice", "article", "section"]
)
def test_json_ld_costs_no_queries(client, tree, monkeypatch, key):
    """The builders read what the page's template reads anyway, from the same per-request
    caches, so a page costs as many queries with its JSON-LD as without."""
    from gezondin import jsonld

    url = "/nl/" if key == "home" else tree[key].url
    client.get(url)  # warm the term and site caches
    with CaptureQueriesContext(connection) as with_json_ld:
        assert json_ld(client, url)
    monkeypatch.setattr(jsonld, "page_objects", lambda *args: [])
    monkeypatch.setattr(jsonld, "breadcrumb_list", lambda *args: {})
    with CaptureQueriesContext(connection) as without:
        client.get(url)
    assert len(with_json_ld) == len(without)
