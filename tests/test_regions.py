"""Regions (the safety regions of the municipalities reference data) and "GezondIn in cijfers":
the regio facet of the kennisbank and the agenda, the API's regio filter, the regional pages,
"In uw regio" on a practice page, and the figures page and its API endpoint
(docs/gemeenten.md, docs/kennisbank.md, docs/api.md)."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.translation import override

from gezondin import regions
from gezondin.gemeenten import read_reference_list
from gezondin.models import Doelgroep, Gemeente, Thema
from kennisbank.models import KennisartikelPage, KennisbankPage, PraktijkvoorbeeldPage
from kennisbank.queries import regional_practice_ids
from kennisbank.search import KennisbankSearch
from leerkringen.models import Aanmelding, WebinarPage
from tests.kennisbank.factories import add_published
from tests.leerkringen.factories import make_activity, make_agenda
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]

# What tests/kennisbank/test_pages.py pins for a practice page: "In uw regio" adds no query (its
# ids come from the facet index, its cards with the related ones).
PRACTICE_PAGE_MAX_QUERIES = 17

KENNISBANK = "/nl/kennisbank/"


def gemeente(code):
    return Gemeente.objects.get(cbs_code=code)


@shared_fixture
def content(home_page):
    kennisbank = home_page.add_child(instance=KennisbankPage(title="Kennisbank", slug="kennisbank"))
    armoede = Thema.objects.create(name="Armoede en schulden", slug="armoede-en-schulden")
    wonen = Thema.objects.create(name="Wonen", slug="wonen", sort_order=2)
    jongeren = Doelgroep.objects.create(name="Jongeren", slug="jongeren")
    Gemeente.objects.filter(cbs_code__in=["GM0363", "GM0855"]).update(is_gids=True)

    def practice(title, slug, codes, themas=(), doelgroepen=()):
        return add_published(
            kennisbank,
            PraktijkvoorbeeldPage(title=title, slug=slug, intro=f"<p>{title}.</p>"),
            gemeenten=[gemeente(code) for code in codes],
            themas=list(themas),
            doelgroepen=list(doelgroepen),
        )

    pages = {
        "amsterdam": practice(
            "Schuldhulp in Amsterdam", "schuldhulp", ["GM0363"], [armoede], [jongeren]
        ),
        "tilburg": practice("Vocht in Tilburg", "vocht", ["GM0855"], [wonen], [jongeren]),
        # Two regions: Heerlen (Zuid-Limburg) and Utrecht (Utrecht).
        "samen": practice(
            "Samen in Heerlen en Utrecht", "samen", ["GM0917", "GM0344"], [armoede, wonen]
        ),
        "amstelveen": practice("Buurtwerk in Amstelveen", "buurtwerk", ["GM0362"]),
        "artikel": add_published(
            kennisbank,
            KennisartikelPage(
                title="Wat werkt", slug="wat-werkt", kind="factsheet", intro="<p>Over.</p>"
            ),
            themas=[armoede],
            gemeenten=[gemeente("GM0363")],
        ),
    }
    agenda = make_agenda(home_page)
    now = timezone.now()
    utrecht = make_activity(
        agenda, title="Leerkring in Utrecht", start=now + datetime.timedelta(days=30)
    )
    utrecht.bijeenkomsten.update(host_gemeente=gemeente("GM0344"))
    utrecht.save_revision().publish()
    webinar = make_activity(
        agenda, WebinarPage, title="Webinar online", start=now + datetime.timedelta(days=40)
    )
    past = make_activity(
        agenda,
        title="Leerkring vorig jaar",
        slug="vorig-jaar",
        start=now.replace(month=6, day=1) - datetime.timedelta(days=366),
    )
    for number, (activity, status) in enumerate(
        [
            (utrecht, "confirmed"),
            (utrecht, "confirmed"),
            (utrecht, "pending"),
            (webinar, "cancelled"),
            (past, "confirmed"),
        ]
    ):
        Aanmelding.objects.create(
            activity=activity,
            name=f"Deelnemer {number}",
            email=f"deelnemer{number}@example.org",
            status=status,
        )
    return {**pages, "agenda": agenda, "utrecht": utrecht, "webinar": webinar, "past": past}


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def kennisbank_titles(response):
    return {a.get_text(strip=True) for a in soup(response).select(".result-list__item h3 a")}


def facet_counts(response, name):
    html = soup(response)
    counts = {}
    for box in html.select(f'input[type=checkbox][name="{name}"]'):
        label = html.select_one(f'label[for="{box["id"]}"] .facet__count')
        counts[box["value"]] = int(re.match(r"\d+", label.get_text(strip=True)).group())
    return counts


# The regions -------------------------------------------------------------------------------------


def test_the_25_safety_regions_come_from_the_reference_data():
    found = regions.regions()
    assert len(found) == 25
    assert [region.code for region in found] == [f"VR{n:02d}" for n in range(1, 26)]
    assert len({region.slug for region in found}) == 25
    assert regions.by_slug("midden-en-west-brabant").name == "Midden- en West-Brabant"
    assert regions.by_slug("midden-en-west-brabant").ggd == ""  # two GGDs share it
    assert regions.by_slug("twente").ggd == "GGD Twente"
    records = read_reference_list()
    assert all(regions.by_name(record.veiligheidsregio) for record in records)


def test_every_municipality_in_the_database_has_its_region(db):
    assert regions.slug_of(gemeente("GM0855").veiligheidsregio) == "midden-en-west-brabant"
    assert regions.slug_of(gemeente("GM0363").veiligheidsregio) == "amsterdam-amstelland"
    assert all(
        regions.by_name(name)
        for name in Gemeente.objects.values_list("veiligheidsregio", flat=True)
    )
    flevoland = regions.municipalities(regions.by_slug("flevoland"))
    assert flevoland.count() == 6


# The kennisbank's facet --------------------------------------------------------------------------


def test_the_regio_facet_counts_and_filters(client, content):
    response = client.get(KENNISBANK)
    assert facet_counts(response, "regio") == {
        "amsterdam-amstelland": 3,
        "midden-en-west-brabant": 1,
        "zuid-limburg": 1,
        "utrecht": 1,
    }
    assert kennisbank_titles(client.get(KENNISBANK, {"regio": "amsterdam-amstelland"})) == {
        "Schuldhulp in Amsterdam",
        "Buurtwerk in Amstelveen",
        "Wat werkt",
    }
    # Values of one filter combine with OR, filters with AND; the facet counts without its own
    # choice.
    response = client.get(
        KENNISBANK, {"regio": ["utrecht", "amsterdam-amstelland"], "thema": "wonen"}
    )
    assert kennisbank_titles(response) == {"Samen in Heerlen en Utrecht"}
    assert facet_counts(response, "regio") == {
        "amsterdam-amstelland": 0,  # chosen, so shown
        "midden-en-west-brabant": 1,
        "zuid-limburg": 1,
        "utrecht": 1,
    }


def test_an_unknown_region_is_dropped_not_an_error(client, content):
    response = client.get(KENNISBANK, {"regio": ["atlantis", "<script>"]})
    assert response.status_code == 200
    assert len(kennisbank_titles(response)) == 5


def test_counting_with_sql_gives_the_same_region_counts(content, rf):
    """Dossiers and municipality pages pass their own base and count with SQL."""
    request = rf.get(KENNISBANK, {"thema": "armoede-en-schulden"})
    request.LANGUAGE_CODE = "nl"
    with override("nl"):
        indexed = KennisbankSearch(request)
        base = indexed.base
        counted = KennisbankSearch(request, base_queryset=base)
        assert counted._index is None
        assert (
            counted._all_counts["regio"]
            == indexed._all_counts["regio"]
            == {
                "amsterdam-amstelland": 2,
                "zuid-limburg": 1,
                "utrecht": 1,
            }
        )


# The agenda's facet ------------------------------------------------------------------------------


def test_the_agenda_filters_and_counts_by_the_region_of_its_meetings(client, content):
    response = client.get(content["agenda"].url)
    assert facet_counts(response, "regio") == {"utrecht": 1}
    response = client.get(content["agenda"].url, {"regio": "utrecht"})
    titles = [a.get_text(strip=True) for a in soup(response).select(".card__title a")]
    assert titles == ["Leerkring in Utrecht"]
    response = client.get(content["agenda"].url, {"regio": "atlantis"})
    assert response.status_code == 200


# The read API ------------------------------------------------------------------------------------


def api_titles(response):
    return {item["title"] for item in response.json()["items"]}


def test_the_api_filters_by_region(client, content):
    response = client.get("/api/v2/praktijkvoorbeelden/", {"regio": "zuid-limburg"})
    assert response.status_code == 200
    assert api_titles(response) == {"Samen in Heerlen en Utrecht"}
    response = client.get(
        "/api/v2/praktijkvoorbeelden/", {"regio": ["zuid-limburg", "midden-en-west-brabant"]}
    )
    assert api_titles(response) == {"Samen in Heerlen en Utrecht", "Vocht in Tilburg"}
    response = client.get("/api/v2/activiteiten/", {"regio": "utrecht"})
    assert api_titles(response) == {"Leerkring in Utrecht"}
    response = client.get("/api/v2/gemeenten/", {"regio": "flevoland", "limit": 50})
    assert response.json()["meta"]["total_count"] == 6


@pytest.mark.parametrize(
    "endpoint", ["praktijkvoorbeelden", "kennisartikelen", "activiteiten", "gemeenten"]
)
def test_an_unknown_region_is_a_400_in_the_api(client, content, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"regio": "atlantis"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("regio: unknown region 'atlantis'; use one of:")


# The regional pages ------------------------------------------------------------------------------


def test_the_regions_page_lists_every_region(client, content):
    response = client.get("/nl/regio/")
    assert response.status_code == 200
    links = [a["href"] for a in soup(response).select(".region-list a")]
    assert len(links) == 25
    assert "/nl/regio/amsterdam-amstelland/" in links
    assert client.get("/en/region/").status_code == 200


def test_a_regional_page_lists_its_municipalities_practices_and_activities(client, content):
    response = client.get("/nl/regio/amsterdam-amstelland/")
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Regio Amsterdam-Amstelland"
    gemeenten = [li.get_text(" ", strip=True) for li in html.select("#region-gemeenten ~ ul li")]
    assert "Amsterdam GIDS" in gemeenten and "Amstelveen" in gemeenten
    assert len(gemeenten) == 6
    cards = {a.get_text(strip=True) for a in html.select(".kb-card-grid h3 a")}
    assert cards == {"Schuldhulp in Amsterdam", "Buurtwerk in Amstelveen"}
    assert html.find("a", href="/nl/kennisbank/?regio=amsterdam-amstelland&type=praktijkvoorbeeld")

    utrecht = soup(client.get("/nl/regio/utrecht/"))
    activities = [a.get_text(strip=True) for a in utrecht.select("#region-activities ~ ul a")]
    assert activities == ["Leerkring in Utrecht"]
    assert utrecht.find("a", href="/nl/agenda/?regio=utrecht")


def trail(response):
    """The breadcrumb trail: (text, link or None for the current page)."""
    return [
        (item.get_text(strip=True), item.a["href"] if item.a else None)
        for item in soup(response).select("nav.breadcrumbs li")
    ]


def test_the_overviews_have_the_breadcrumbs_pages_have(client, content, english_home):
    assert trail(client.get("/nl/regio/")) == [("Home", "/nl/"), ("Regio’s", None)]
    assert trail(client.get("/nl/regio/twente/")) == [
        ("Home", "/nl/"),
        ("Regio’s", "/nl/regio/"),
        ("Regio Twente", None),
    ]
    assert trail(client.get("/en/region/twente/")) == [
        ("Home", "/en/"),
        ("Regions", "/en/region/"),
        ("Region Twente", None),
    ]
    assert trail(client.get("/nl/cijfers/")) == [("Home", "/nl/"), ("GezondIn in cijfers", None)]
    current = soup(client.get("/en/figures/")).select_one("nav.breadcrumbs [aria-current=page]")
    assert current.get_text(strip=True) == "GezondIn in figures"


def test_an_unknown_region_is_a_404(client, content):
    assert client.get("/nl/regio/atlantis/").status_code == 404


def test_the_regional_pages_speak_english(client, content):
    response = client.get("/en/region/twente/")
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "Region Twente"


# "In uw regio" on a practice page ----------------------------------------------------------------


def test_a_practice_page_shows_other_practices_from_its_region(client, content):
    # Three practices elsewhere share more terms with Amsterdam's than Amstelveen's (which shares
    # only the province), so they are the related ones and Amstelveen's is "In uw regio".
    kennisbank = KennisbankPage.objects.get()
    armoede, jongeren = Thema.objects.get(slug="armoede-en-schulden"), Doelgroep.objects.get()
    for number, code in enumerate(["GM0014", "GM0193", "GM0153"]):
        add_published(
            kennisbank,
            PraktijkvoorbeeldPage(
                title=f"Elders {number}", slug=f"elders-{number}", intro="<p>.</p>"
            ),
            gemeenten=[gemeente(code)],
            themas=[armoede],
            doelgroepen=[jongeren],
        )
    html = soup(client.get(content["amsterdam"].url))
    related = {a.get_text(strip=True) for a in html.select(".kb-related:not(.kb-regional) h3 a")}
    assert related == {"Elders 0", "Elders 1", "Elders 2"}
    section = html.select_one("section.kb-regional")
    assert {a.get_text(strip=True) for a in section.select("h3 a")} == {"Buurtwerk in Amstelveen"}
    assert section.find("a", href="/nl/regio/amsterdam-amstelland/")


def test_no_in_uw_regio_when_the_region_has_nothing_else(client, content):
    html = soup(client.get(content["samen"].url))
    assert html.select_one("section.kb-regional") is None


def test_in_uw_regio_leaves_out_related_ones_and_the_practice_itself(content):
    found, ids = regional_practice_ids(content["samen"])
    assert [region.slug for region in found] == ["utrecht", "zuid-limburg"]
    assert ids == []  # nothing else in Utrecht or Zuid-Limburg
    found, ids = regional_practice_ids(content["amsterdam"], exclude=[content["amstelveen"].pk])
    assert ids == []
    found, ids = regional_practice_ids(content["amsterdam"])
    assert ids == [content["amstelveen"].pk]


def test_the_practice_page_keeps_its_query_count(client, content, django_assert_max_num_queries):
    url = content["amsterdam"].url
    client.get(url)  # warm the term and site caches
    with django_assert_max_num_queries(PRACTICE_PAGE_MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200


# "GezondIn in cijfers" ---------------------------------------------------------------------------


def by_key(rows):
    return {row["key"]: row["count"] for row in rows}


def test_the_figures_api_counts_practices_municipalities_activities_and_participants(
    client, content
):
    response = client.get("/api/v2/cijfers/")
    assert response.status_code == 200
    data = response.json()
    assert data["locale"] == "nl"
    practices = data["figures"]["praktijkvoorbeelden"]
    assert practices["total"] == 4  # the factsheet is not a practice
    assert by_key(practices["per_theme"]) == {"armoede-en-schulden": 2, "wonen": 2}
    provinces = by_key(practices["per_province"])
    assert provinces["noord-holland"] == 2
    assert provinces["noord-brabant"] == provinces["limburg"] == provinces["utrecht"] == 1
    assert provinces["zeeland"] == 0
    per_region = by_key(practices["per_region"])
    assert len(per_region) == 25
    assert per_region["amsterdam-amstelland"] == 2
    assert per_region["zuid-limburg"] == per_region["utrecht"] == 1
    assert practices["municipalities"] == {"with_practices": 5, "gids": 2, "gids_with_practices": 2}
    # The colour steps of the grid: the largest count darkest, none lightest.
    levels = {row["key"]: row["level"] for row in practices["per_region"]}
    assert levels["amsterdam-amstelland"] == 4 and levels["twente"] == 0
    this_year = timezone.localtime(content["utrecht"].first_starts_at).year
    last_year = timezone.localtime(content["past"].first_starts_at).year
    per_year = {row["year"]: row for row in data["figures"]["activiteiten"]["per_year"]}
    # Participants: sign-ups that got a seat (not pending or cancelled ones).
    assert per_year[last_year] == {"year": last_year, "activities": 1, "participants": 1}
    if this_year != last_year:
        assert per_year[this_year]["participants"] == 2
    # Aggregates only.
    assert "deelnemer" not in response.content.decode().lower()


def test_the_figures_api_checks_its_parameters(client, content):
    assert client.get("/api/v2/cijfers/", {"locale": "xx"}).status_code == 400
    response = client.get("/api/v2/cijfers/", {"kleur": "groen"})
    assert response.status_code == 400
    assert "unknown query parameter: 'kleur'" in response.json()["message"]
    english = client.get("/api/v2/cijfers/", {"locale": "en"}).json()
    assert english["locale"] == "en"
    assert "cijfers" in client.get("/api/v2/").json()["endpoints"]


def test_the_figures_page_shows_the_same_figures_with_tables(client, content):
    response = client.get("/nl/cijfers/")
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "GezondIn in cijfers"
    tables = {
        table.caption.get_text(strip=True): {
            row.th.get_text(strip=True): row.td.get_text(strip=True)
            for row in table.select("tbody tr")
        }
        for table in html.select("table.figures-table")
    }
    assert tables["Praktijkvoorbeelden per veiligheidsregio"]["Amsterdam-Amstelland"] == "2"
    assert tables["Praktijkvoorbeelden per provincie"]["Noord-Holland"] == "2"
    assert tables["Praktijkvoorbeelden per thema"]["Wonen"] == "2"
    # The grid is for the eye only: the tables carry the figures for screen readers.
    grids = html.select(".figures-grid")
    assert len(grids) == 2 and all(grid["aria-hidden"] == "true" for grid in grids)
    assert not any(grid.select("a, button, input") for grid in grids)
    assert "deelnemer0@example.org" not in response.content.decode()
    assert client.get("/en/figures/").status_code == 200


def test_the_figures_follow_publishing(client, content):
    before = client.get("/api/v2/cijfers/").json()["figures"]["praktijkvoorbeelden"]["total"]
    content["tilburg"].unpublish()
    after = client.get("/api/v2/cijfers/").json()["figures"]["praktijkvoorbeelden"]["total"]
    assert after == before - 1


def test_the_footer_links_to_the_overviews(client, content):
    html = soup(client.get("/nl/regio/"))
    footer = html.select_one("footer")
    assert footer.find("a", href="/nl/cijfers/")
    assert footer.find("a", href="/nl/regio/")
