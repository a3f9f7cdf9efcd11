"""Searching the reference tables in the admin: the snippet listings and the choosers find every
row by its fields, also rows that were never saved one by one (the 342 municipalities loaded by
migration 0002, new ones from update_gemeenten), on every search backend (gezondin/admin_search.py).
"""

import csv
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from gezondin.gemeenten import read_reference_list
from gezondin.models import Gemeente, Organisatie, Provincie
from kennisbank.harvest.models import HarvestSource
from tests.factories import (
    DoelgroepFactory,
    DomeinFactory,
    LevensfaseFactory,
    PijlerFactory,
    SpoorFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, locales):
    user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    client.force_login(user)
    return client


def listing(client, model_name, query):
    app = "kennisbank" if model_name == "harvestsource" else "gezondin"
    return client.get(reverse(f"wagtailsnippets_{app}_{model_name}:list"), {"q": query})


def chooser_results(client, model_name, query):
    url = reverse(f"wagtailsnippetchoosers_gezondin_{model_name}:choose_results")
    return client.get(url, {"q": query})


VOCABULARY_FACTORIES = {
    "thema": ThemaFactory,
    "spoor": SpoorFactory,
    "pijler": PijlerFactory,
    "doelgroep": DoelgroepFactory,
    "domein": DomeinFactory,
    "levensfase": LevensfaseFactory,
}


@pytest.mark.parametrize("model_name", VOCABULARY_FACTORIES)
def test_vocabulary_listing_search_finds_the_term(admin_client, model_name):
    factory = VOCABULARY_FACTORIES[model_name]
    factory(name="Schulden en armoede", slug="schulden")
    factory(name="Bewegen", slug="bewegen")

    for query in ("schulden", "ARMOEDE", "schulden armoede"):
        response = listing(admin_client, model_name, query)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Schulden en armoede" in content
        assert "Bewegen" not in content

    response = chooser_results(admin_client, model_name, "armoede")
    assert response.status_code == 200
    assert "Schulden en armoede" in response.content.decode()
    assert "Bewegen" not in response.content.decode()


def test_organisation_listing_and_chooser_search(admin_client):
    Organisatie.objects.create(name="GGD Hart voor Brabant", sector="ggd")
    Organisatie.objects.create(name="Woonstichting Leyten", sector="wonen")

    for response in (
        listing(admin_client, "organisatie", "hart brabant"),
        chooser_results(admin_client, "organisatie", "Hart"),
    ):
        assert response.status_code == 200
        assert "GGD Hart voor Brabant" in response.content.decode()
        assert "Woonstichting Leyten" not in response.content.decode()


def test_harvest_source_listing_search(admin_client):
    HarvestSource.objects.create(name="GezondIn Tilburg", base_url="https://gezond.tilburg.nl")
    HarvestSource.objects.create(name="GezondIn Leiden", base_url="https://gezond.leiden.nl")

    for query in ("tilburg", "gezond.tilburg"):
        response = listing(admin_client, "harvestsource", query)
        assert response.status_code == 200
        assert "GezondIn Tilburg" in response.content.decode()
        assert "GezondIn Leiden" not in response.content.decode()


# Municipalities that only migration 0002 wrote (no save signal, nothing in the search index).
MIGRATED = [
    # (query, the label shown)
    ("Aalten", "Aalten"),  # official name
    ("den haag", "Den Haag"),  # display name ('s-Gravenhage)
    ("s-Gravenhage", "Den Haag"),  # official name of the same one
    ("GM0373", "Bergen (NH.)"),  # CBS code
    ("gm1900", "Súdwest-Fryslân"),  # CBS code in lower case
    ("Fryslân", "Súdwest-Fryslân"),
]


@pytest.mark.parametrize(("query", "label"), MIGRATED)
def test_gemeente_chooser_finds_migrated_municipalities(admin_client, query, label):
    assert Gemeente.objects.count() == 342
    response = chooser_results(admin_client, "gemeente", query)
    assert response.status_code == 200
    assert label in response.content.decode()
    assert "Tilburg" not in response.content.decode()


@pytest.mark.parametrize(("query", "label"), MIGRATED)
def test_gemeente_listing_finds_migrated_municipalities(admin_client, query, label):
    response = listing(admin_client, "gemeente", query)
    assert response.status_code == 200
    assert label in response.content.decode()
    assert "Tilburg" not in response.content.decode()


def test_every_municipality_is_found_by_its_code(admin_client):
    """The chooser's search reaches all 342 rows: a query that matches every CBS code."""
    response = chooser_results(admin_client, "gemeente", "GM")
    assert response.status_code == 200
    assert response.context["results"].paginator.count == 342


def test_gemeente_chooser_finds_municipalities_from_update_gemeenten(admin_client, tmp_path):
    source = tmp_path / "cbs.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Gemeentecode", "Gemeentenaam", "Provincienaam"])
        for record in read_reference_list():
            writer.writerow([record.cbs_code, record.name, Provincie(record.provincie).label])
        writer.writerow(["GM1995", "Testgemeente Kanaalstreek", "Groningen"])
    call_command("update_gemeenten", str(source), stdout=StringIO())
    assert Gemeente.objects.filter(cbs_code="GM1995").exists()

    for query in ("Kanaalstreek", "GM1995", "Aalten"):
        response = chooser_results(admin_client, "gemeente", query)
        assert response.status_code == 200
        content = response.content.decode()
        assert ("Aalten" if query == "Aalten" else "Testgemeente Kanaalstreek") in content


@pytest.mark.parametrize("query", ["\"'>", "%_", "a\x00b", "(", "x" * 500, "*"])
def test_odd_queries_do_not_break_the_admin_search(admin_client, query):
    assert listing(admin_client, "gemeente", query).status_code == 200
    assert chooser_results(admin_client, "gemeente", query).status_code == 200
    assert listing(admin_client, "thema", query).status_code == 200
