"""The agenda page: upcoming activities by default, the archive of past ones with their
materials, and the filters (type, thema, mode, provincie, maand) through plain GET parameters;
unknown or malformed values are ignored, never an error."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from leerkringen.filters import parse_month
from tests.leerkringen.conftest import titles

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("activities")]


def test_upcoming_by_default_soonest_first(client, agenda, activities):
    assert titles(client.get(agenda.url)) == [
        "Leerkring Utrecht",
        "Webinar Geldzorgen",
        "Studiedag Kansrijke start",
    ]


def test_archive_lists_past_activities_with_their_materials(client, agenda, activities):
    response = client.get(agenda.url, {"archief": "1"})
    assert titles(response) == ["Leerkring Voorbij"]
    html = response.content.decode()
    assert f"{activities['past'].url}#na-afloop" in html
    assert 'name="archief"' in html  # filtering stays in the archive


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "webinar"}, ["Webinar Geldzorgen"]),
        ({"type": ["webinar", "studiedag"]}, ["Webinar Geldzorgen", "Studiedag Kansrijke start"]),
        ({"mode": "hybride"}, ["Studiedag Kansrijke start"]),
        ({"mode": "online"}, ["Webinar Geldzorgen"]),
        ({"provincie": "utrecht"}, ["Leerkring Utrecht"]),
        ({"provincie": "limburg"}, []),
        ({"type": "leerkring", "mode": "online"}, []),
    ],
)
def test_filters(client, agenda, activities, params, expected):
    assert titles(client.get(agenda.url, params)) == expected


def test_thema_filter(client, agenda, activities):
    slug = activities["thema"].slug
    assert titles(client.get(agenda.url, {"thema": slug})) == ["Leerkring Utrecht"]
    html = client.get(agenda.url).content.decode()
    assert f'value="{slug}"' in html  # offered in the form


def test_month_filter(client, agenda, activities):
    month = timezone.localtime(activities["webinar"].first_starts_at).strftime("%Y-%m")
    result = titles(client.get(agenda.url, {"maand": month}))
    assert "Webinar Geldzorgen" in result
    assert "Studiedag Kansrijke start" not in result
    html = client.get(agenda.url).content.decode()
    assert f'<option value="{month}"' in html


def test_the_filter_form_is_valid_html(client, agenda, activities):
    """A <select> has no `maxlength` (the month filter's text field used to put it there)."""
    response = client.get(agenda.url, {"maand": "2026-01"})
    html = BeautifulSoup(response.content.decode(), "html.parser")
    selects = html.select("form select")
    assert selects, "the agenda's filter form has a select"
    for select in selects:
        assert not select.has_attr("maxlength"), select
        assert not select.has_attr("minlength"), select


@pytest.mark.parametrize(
    "params",
    [
        {"type": "concert"},
        {"type": ["webinar", "<script>"]},
        {"thema": "bestaat-niet"},
        {"mode": "op-de-maan"},
        {"provincie": "vlaanderen"},
        {"maand": "2026-13"},
        {"maand": "volgende-week"},
        {"maand": "9999999-01"},
        {"archief": "ja"},
        {"type": "\x00"},
    ],
)
def test_unknown_values_are_ignored(client, agenda, activities, params):
    response = client.get(agenda.url, params)
    assert response.status_code == 200
    result = titles(response)
    if params.get("type") == ["webinar", "<script>"]:
        assert result == ["Webinar Geldzorgen"]
    else:
        assert len(result) == 3


def test_no_results_message(client, agenda, activities):
    response = client.get(agenda.url, {"provincie": "zeeland"})
    assert "Geen activiteiten gevonden met deze filters." in response.content.decode()


def test_parse_month():
    start, end = parse_month("2026-12")
    assert (start.month, end.year, end.month) == (12, 2027, 1)
    assert parse_month("2026-00") is None and parse_month("") is None


# The finder: facets with counts, "Filters (n)", plural counts -----------------------------------


def facet_counts(response, name):
    """{value: count} of one facet's checkboxes (or the month's select) on the agenda."""
    html = BeautifulSoup(response.content.decode(), "html.parser")
    counts = {}
    for box in html.select(f'.finder__facets input[type=checkbox][name="{name}"]'):
        label = html.select_one(f'label[for="{box["id"]}"] .facet__count')
        counts[box["value"]] = int(re.match(r"\d+", label.get_text(strip=True)).group())
    for option in html.select(f'.finder__facets select[name="{name}"] option[value!=""]'):
        counts[option["value"]] = int(re.search(r"\((\d+)\)$", option.get_text(strip=True))[1])
    return counts


def test_the_facets_count_activities_and_list_only_options_that_have_them(
    client, agenda, activities
):
    response = client.get(agenda.url)
    assert facet_counts(response, "type") == {"leerkring": 1, "webinar": 1, "studiedag": 1}
    assert facet_counts(response, "mode") == {"fysiek": 1, "online": 1, "hybride": 1}
    # Only the circle has a theme and a host municipality (in the province of Utrecht).
    assert facet_counts(response, "thema") == {activities["thema"].slug: 1}
    assert facet_counts(response, "provincie") == {"utrecht": 1}
    months = {
        timezone.localtime(activity.first_starts_at).strftime("%Y-%m")
        for activity in (activities["circle"], activities["webinar"], activities["studiedag"])
    }
    assert set(facet_counts(response, "maand")) == months
    assert sum(facet_counts(response, "maand").values()) == 3


def test_a_facet_counts_over_the_other_filters_only(client, agenda, activities):
    response = client.get(agenda.url, {"type": "webinar"})
    # Its own options still count over everything the other filters let through...
    assert facet_counts(response, "type") == {"leerkring": 1, "webinar": 1, "studiedag": 1}
    # ...the other facets count within the webinars.
    assert facet_counts(response, "mode") == {"online": 1}
    assert facet_counts(response, "thema") == {}
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert html.select_one('input[name="type"][value="webinar"]').has_attr("checked")


def test_the_archive_counts_past_activities(client, agenda, activities):
    response = client.get(agenda.url, {"archief": "1"})
    assert facet_counts(response, "type") == {"leerkring": 1}
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert html.select_one("#agenda-results").get_text(strip=True) == "1 afgelopen activiteit"


@pytest.mark.parametrize(
    ("params", "heading", "button"),
    [
        ({}, "3 activiteiten gepland", "Toon 3 resultaten"),
        ({"type": "webinar"}, "1 activiteit gepland", "Toon 1 resultaat"),
        ({"provincie": "limburg"}, "0 activiteiten gepland", "Toon 0 resultaten"),
    ],
)
def test_counts_have_plural_forms(client, agenda, activities, params, heading, button):
    html = BeautifulSoup(client.get(agenda.url, params).content.decode(), "html.parser")
    assert html.select_one("#agenda-results").get_text(strip=True) == heading
    assert html.select_one(".finder__apply-count").get_text(strip=True) == button


def test_without_javascript_the_filters_are_a_form_with_an_apply_button(client, agenda, activities):
    html = BeautifulSoup(
        client.get(agenda.url, {"type": ["webinar", "leerkring"], "mode": "online"}).content,
        "html.parser",
    )
    form = html.select_one("form.finder")
    assert form["method"] == "get" and form["action"] == agenda.url
    panel = form.select_one("details.finder__panel")
    # "Filters (3)": the toggle (a <summary>) counts the chosen values.
    assert " ".join(panel.summary.get_text(" ").split()) == "Filters (3) , 3 gekozen"
    apply = panel.select_one("button[type=submit]")
    assert apply.select_one(".finder__apply-plain").get_text(strip=True) == "Filters toepassen"
    # The chosen values are chips that each remove themselves.
    chips = {a.get_text(" ", strip=True): a["href"] for a in html.select(".active-filters__chip")}
    assert chips["Soort: Webinar — filter verwijderen ×"] == "?type=leerkring&mode=online"
    assert html.select_one(".active-filters__clear")["href"] == "?"


def test_chips_in_the_archive_stay_in_the_archive(client, agenda, activities):
    html = BeautifulSoup(
        client.get(agenda.url, {"archief": "1", "type": "leerkring"}).content, "html.parser"
    )
    [chip] = html.select(".active-filters__chip")
    assert chip["href"] == "?archief=1"
