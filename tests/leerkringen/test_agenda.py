"""The agenda page: upcoming activities by default, the archive of past ones with their
materials, and the filters (type, thema, mode, provincie, maand) through plain GET parameters;
unknown or malformed values are ignored, never an error."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from leerkringen.filters import parse_month
from tests.leerkringen.conftest import titles

pytestmark = pytest.mark.django_db


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
