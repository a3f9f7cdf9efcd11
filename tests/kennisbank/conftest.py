"""Fixtures and helpers shared by the kennisbank tests: a site with a kennisbank in two languages
and a few terms (a shared fixture, tests/shared.py), and a canned peer installation to harvest
from (tests/servers.py)."""

import io
import uuid

import pytest
from PIL import Image as PILImage

from kennisbank.harvest.client import Client, ClientSettings
from kennisbank.harvest.harvester import harvest
from tests.factories import DoelgroepFactory, ThemaFactory
from tests.kennisbank.factories import KennisbankPageFactory, publish, translate
from tests.servers import CannedPeer, canned_practice
from tests.shared import shared_fixture

ORIGIN = "https://gezond.tilburg.example"


# Fixtures ----------------------------------------------------------------------------------------


@shared_fixture
def site(home_page, english_home, locales):
    kennisbank = publish(KennisbankPageFactory(parent=home_page))
    english = translate(kennisbank, locales["en"], title="Knowledge base", slug="knowledge-base")
    terms = {
        "armoede": ThemaFactory(name="Armoede en schulden", slug="armoede-en-schulden"),
        "wonen": ThemaFactory(name="Wonen", slug="wonen"),
        "ouders": DoelgroepFactory(name="Ouders", slug="ouders"),
    }
    return {"kennisbank": kennisbank, "en_kennisbank": english, "terms": terms}


@pytest.fixture
def peer(settings):
    """The canned peer on 127.0.0.1, its origin explicitly allowed as a private address (only
    this port: everything else on loopback stays refused; test_harvest_network.py)."""
    peer = CannedPeer()
    settings.GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS = [peer.base_url]
    yield peer
    peer.close()


# Harvest helpers ---------------------------------------------------------------------------------


# Short timeouts, one retry, pages of two items (the listings' paging is walked too).
FAST = ClientSettings(connect_timeout=2, read_timeout=5, retries=1, backoff=0, page_size=2)


def run(source, **kwargs):
    """Harvest ``source`` with the FAST client settings."""
    return harvest(source, client=Client(source.base_url, FAST), **kwargs)


def practice(remote_id, locale="nl", **kwargs):
    """A practice as another installation's /api/v2/praktijkvoorbeelden/?fields=* lists it."""
    return canned_practice(remote_id, locale, origin=ORIGIN, **kwargs)


# A small image, as a peer serves it.
PNG = io.BytesIO()
PILImage.new("RGB", (40, 30), "teal").save(PNG, "PNG")


def figure(url, alt="Buurtcoach op bezoek"):
    """A figure block of a practice's approach, its image at ``url``."""
    return {
        "type": "figure",
        "value": {"image": {"url": url, "width": 40, "height": 30, "alt": alt}, "caption": "Foto"},
        "id": str(uuid.uuid4()),
    }
