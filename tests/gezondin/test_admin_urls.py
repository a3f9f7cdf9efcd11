"""Web addresses that editors and other installations give (partner and municipal websites,
videos, external links, webinar links) are strict: http(s), a proper host, no quotes, angle
brackets or whitespace (gezondin/validators.py). Checked through the admin, the blocks, the model
fields and the harvester's conversion."""

from unittest import mock

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError

from gezondin.blocks import LinkBlock, VideoBlock
from gezondin.models import Organisatie
from gezondin.validators import WebAddressField
from kennisbank.harvest.convert import is_http_url

MESSAGE = "Geef een volledig webadres dat begint met https:// of http://"

BAD = [
    'https://example.org/">',
    'https://example.org/"><script>alert(1)</script>',
    "https://example.org/' onmouseover='x",
    "https://example.org/<b>",
    "https://exa mple.org/",
    "https://example.org/pad met spatie",
    "https://example.org/\tx",
    "https://example.org/{x}",
    "javascript:alert(1)",
    "ftp://example.org/bestand",
    "data:text/html,hallo",
    "http://localhost/",
    "https://gemeente.nl@example.com/",
    "https://user:geheim@example.org/",
    "https://",
    "https://example/",
]
GOOD = [
    "https://www.tilburg.nl/gezond",
    "https://www.ggdhvb.nl/wijken?naam=noord&jaar=2024#aanpak",
    "http://example.org",
    "https://example.org/%22al%20gecodeerd%22",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "http://192.0.2.10/pad",
]


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    client.force_login(user)
    return client


def add_organisatie(client, website):
    return client.post(
        reverse("wagtailsnippets_gezondin_organisatie:add"),
        {"name": "GGD Voorbeeld", "sector": "ggd", "website": website},
    )


@pytest.mark.parametrize("website", BAD)
def test_the_admin_refuses_a_bad_partner_website(admin_client, website):
    response = add_organisatie(admin_client, website)
    assert response.status_code == 200  # the form again, with the error
    assert MESSAGE in response.content.decode()
    assert not Organisatie.objects.filter(name="GGD Voorbeeld").exists()


@pytest.mark.parametrize("website", GOOD)
def test_the_admin_accepts_a_good_partner_website(admin_client, website):
    response = add_organisatie(admin_client, website)
    assert response.status_code == 302
    assert Organisatie.objects.get(name="GGD Voorbeeld").website == website


def test_the_admin_stores_a_pasted_address_clean(admin_client):
    assert add_organisatie(admin_client, "  https://www.ggd.nl/gezond \n").status_code == 302
    assert Organisatie.objects.get(name="GGD Voorbeeld").website == "https://www.ggd.nl/gezond"


def test_every_web_address_field_is_strict():
    """Every URLField of GezondIn's models validates strictly, except the two that the
    harvester owns (a source's address has its own validator; the original's address is checked
    on import)."""
    exempt = {"kennisbank.HarvestSource.base_url", "kennisbank.SharedCopy.original_url"}
    fields = [
        f"{model._meta.label}.{field.name}"
        for app in ("gezondin", "kennisbank", "leerkringen")
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.local_fields
        if isinstance(field, models.URLField) and not isinstance(field, WebAddressField)
    ]
    assert set(fields) <= exempt, fields
    assert {
        "gezondin.Organisatie.website",
        "kennisbank.PraktijkvoorbeeldPage.intervention_url",
        "kennisbank.GemeentePage.website",
        "leerkringen.WebinarPage.join_url",
        "leerkringen.WebinarPage.recording_url",
    } <= {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.local_fields
        if isinstance(field, WebAddressField)
    }


@pytest.mark.parametrize("value", BAD)
def test_model_validation_refuses_bad_addresses(value):
    field = Organisatie._meta.get_field("website")
    with pytest.raises(ValidationError) as error:
        field.run_validators(value)
    assert MESSAGE in str(error.value)


@pytest.mark.parametrize("value", BAD)
def test_the_link_block_refuses_a_bad_external_link(value):
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"page": None, "url": value, "text": "Meer"}))
    assert MESSAGE in str(error.value.block_errors["url"])


@pytest.mark.parametrize("value", GOOD)
def test_the_link_block_accepts_a_good_external_link(value):
    block = LinkBlock()
    cleaned = block.clean(block.to_python({"page": None, "url": value, "text": "Meer"}))
    assert cleaned["url"] == value


@pytest.mark.parametrize("value", BAD)
def test_the_video_block_refuses_a_bad_url_before_looking_it_up(value):
    block = VideoBlock()
    with mock.patch("wagtail.embeds.blocks.embed_to_frontend_html") as lookup:
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(block.to_python({"video": value, "title": "Film", "transcript": ""}))
    assert MESSAGE in str(error.value.block_errors["video"])
    lookup.assert_not_called()


def test_the_video_block_accepts_a_good_url_and_stores_it_clean():
    block = VideoBlock()
    with mock.patch(
        "wagtail.embeds.blocks.embed_to_frontend_html", return_value="<iframe></iframe>"
    ):
        cleaned = block.clean(
            block.to_python(
                {"video": " https://vimeo.com/123456 ", "title": "Film", "transcript": ""}
            )
        )
    assert cleaned["video"].url == "https://vimeo.com/123456"
    assert block.get_prep_value(cleaned)["video"] == "https://vimeo.com/123456"


@pytest.mark.parametrize("value", [v for v in BAD if "localhost" not in v])
def test_the_harvester_refuses_bad_addresses(value):
    assert not is_http_url(value)


@pytest.mark.parametrize("value", [*GOOD, "http://localhost:8001/nl/kennisbank/x/"])
def test_the_harvester_accepts_good_addresses(value):
    """Another installation may run at localhost (the two-instance test, a local peer)."""
    assert is_http_url(value)
