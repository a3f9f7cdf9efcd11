"""Harvesting from the admin ("Nu ophalen" on a source, queued as a task; the last harvest's
summary in the reader's language) and shared copies labelled "Gedeeld vanuit …" on every card
(docs/sharing.md). The test settings run tasks at once, so the button's harvest reads the canned
peer (tests/servers.py) within the request.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from gezondin.models import Gemeente
from kennisbank.harvest.models import HarvestSource, SharedCopy
from tests.kennisbank.conftest import practice
from tests.kennisbank.factories import (
    GemeenteIndexPageFactory,
    GemeentePageFactory,
    PraktijkvoorbeeldPageFactory,
    publish,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("site")]


@pytest.fixture
def source(peer):
    return HarvestSource.objects.create(name="Gemeente Tilburg", base_url=peer.base_url)


def speaking(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")


def harvest_url(source):
    return reverse("wagtailsnippets_kennisbank_harvestsource:harvest", args=[source.pk])


def inspect_url(source):
    return reverse("wagtailsnippets_kennisbank_harvestsource:inspect", args=[source.pk])


# "Nu ophalen" ----------------------------------------------------------------------------------


def test_harvest_now_queues_the_harvest_and_shows_its_summary(
    site, peer, source, superuser, client
):
    peer.practices["nl"] = [practice(11, title="Schuldhulp thuis")]
    admin = speaking(client, superuser, "nl")

    before = BeautifulSoup(admin.get(inspect_url(source)).content, "html.parser")
    assert "Nog niet opgehaald." in before.select_one(".harvest-summary").get_text()
    form = before.find("form", action=harvest_url(source))
    assert form["method"] == "post"
    assert form.find("input", {"name": "csrfmiddlewaretoken"})
    assert form.find("button").get_text(strip=True) == "Nu ophalen"

    response = admin.post(harvest_url(source))

    assert response.status_code == 302 and response.url == inspect_url(source)
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert "Ophalen van Gemeente Tilburg is ingepland." in messages
    assert SharedCopy.objects.get(source=source).page.title == "Schuldhulp thuis"
    summary = BeautifulSoup(admin.get(inspect_url(source)).content, "html.parser")
    text = summary.select_one(".harvest-summary").get_text()
    assert "1 nieuw, 0 bijgewerkt, 0 ingetrokken" in text
    assert "0 fouten" in text
    assert not summary.select(".harvest-errors")


def test_the_summary_is_in_the_readers_language_with_the_errors(site, source, superuser, client):
    # The peer answers nothing at this address: the harvest fails with an error.
    HarvestSource.objects.filter(pk=source.pk).update(base_url=source.base_url + "/nergens")
    with translation.override("nl"):
        speaking(client, superuser, "nl").post(harvest_url(source))
    source.refresh_from_db()
    assert source.last_status == "failed"

    english = BeautifulSoup(
        speaking(client, superuser, "en").get(inspect_url(source)).content, "html.parser"
    )
    assert "0 new, 0 updated, 0 withdrawn" in english.select_one(".harvest-summary").get_text()
    assert "1 errors" in english.select_one(".harvest-summary").get_text()
    errors = english.select_one(".harvest-errors").get_text()
    assert "could not read the practices" in errors
    dutch = speaking(client, superuser, "nl").get(inspect_url(source)).content.decode()
    assert "0 nieuw, 0 bijgewerkt" in dutch


def test_a_get_does_not_harvest(site, peer, source, superuser, client):
    peer.practices["nl"] = [practice(11)]
    response = speaking(client, superuser, "nl").get(harvest_url(source))
    assert response.status_code == 405
    assert not SharedCopy.objects.exists()
    source.refresh_from_db()
    assert source.last_harvested_at is None


def test_an_inactive_source_is_not_harvested_from_the_button(site, peer, source, superuser, client):
    peer.practices["nl"] = [practice(11)]
    HarvestSource.objects.filter(pk=source.pk).update(is_active=False)
    admin = speaking(client, superuser, "nl")

    page = BeautifulSoup(admin.get(inspect_url(source)).content, "html.parser")
    assert not page.find("form", action=harvest_url(source))
    response = admin.post(harvest_url(source))

    assert response.status_code == 302
    message = str(list(get_messages(response.wsgi_request))[-1])
    assert "Gemeente Tilburg is niet actief" in message
    assert not SharedCopy.objects.exists()


def test_only_superusers_harvest_from_the_admin(site, peer, source, client):
    peer.practices["nl"] = [practice(11)]
    editor = get_user_model().objects.create_user("landelijk", "l@example.org", "x")
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_harvestsource"),
        Permission.objects.get(codename="change_harvestsource"),
    )
    viewer = speaking(client, editor, "nl")

    page = viewer.get(inspect_url(source))
    assert page.status_code == 200  # they see the source and its report
    assert harvest_url(source) not in page.content.decode()
    refused = viewer.post(harvest_url(source))
    # Wagtail's answer to PermissionDenied in the admin: back to the dashboard, with a message.
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert not SharedCopy.objects.exists()

    client.logout()
    response = client.post(harvest_url(source))
    assert response.status_code == 302 and "login" in response.url
    assert not SharedCopy.objects.exists()


# "Gedeeld vanuit …" on the cards -----------------------------------------------------------------


def shared_labels(response):
    html = BeautifulSoup(response.content, "html.parser")
    return {
        card.select_one(".kb-card__title").get_text(strip=True): card.select_one(".kb-card__shared")
        for card in html.select("main .kb-card")
    }


def test_shared_copies_are_labelled_on_every_card(site, peer, source, superuser, client, home_page):
    peer.practices["nl"] = [practice(11, title="Schuldhulp thuis")]
    speaking(client, superuser, "nl").post(harvest_url(source))
    client.logout()
    tilburg = Gemeente.objects.get(cbs_code="GM0855")
    index = publish(GemeenteIndexPageFactory(parent=home_page))
    gemeente_page = publish(GemeentePageFactory(parent=index, gemeente=tilburg, slug="tilburg"))

    for url in (site["kennisbank"].url, home_page.url, gemeente_page.url):
        for _round in ("rendered", "cached"):
            labels = shared_labels(client.get(url))
            label = labels.get("Schuldhulp thuis")
            assert label is not None, (url, list(labels))
            assert label.get_text(strip=True) == "Gedeeld vanuit Gemeente Tilburg"


def test_a_renamed_source_is_named_on_cached_cards(site, peer, source, superuser, client):
    peer.practices["nl"] = [practice(11, title="Schuldhulp thuis")]
    speaking(client, superuser, "nl").post(harvest_url(source))
    client.logout()
    url = site["kennisbank"].url
    assert "Gemeente Tilburg" in shared_labels(client.get(url))["Schuldhulp thuis"].get_text()

    HarvestSource.objects.filter(pk=source.pk).update(name="Tilburg Gezond")

    label = shared_labels(client.get(url))["Schuldhulp thuis"]
    assert label.get_text(strip=True) == "Gedeeld vanuit Tilburg Gezond"


def test_own_practices_have_no_shared_label(site, client):
    publish(PraktijkvoorbeeldPageFactory(parent=site["kennisbank"], title="Eigen aanpak"))
    labels = shared_labels(client.get(site["kennisbank"].url))
    assert "Eigen aanpak" in labels and labels["Eigen aanpak"] is None
