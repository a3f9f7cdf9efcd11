"""The web manifest: linked from every page, served as application/manifest+json, naming the site
in Dutch with the favicon as its icon, and allowed by the Content-Security-Policy."""

import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

# The home page is built once for the module (tests/shared.py); the tests only read it.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]


def manifest_link(response):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return html.head.select_one("link[rel=manifest]")["href"]


@pytest.mark.parametrize("path", ["/nl/", "/en/", "/nl/zoeken/", "/nl/bestaat-niet/"])
def test_every_page_links_the_manifest(client, home_page, path):
    assert manifest_link(client.get(path)) == "/manifest.webmanifest"


def test_the_manifest_names_the_site_and_its_icon(client, home_page):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "GezondIn"
    assert manifest["lang"] == "nl"
    assert manifest["start_url"] == "/"
    assert manifest["icons"]
    for icon in manifest["icons"]:
        assert icon["src"].startswith(settings.STATIC_URL)
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL)), icon
        assert icon["type"] == "image/svg+xml" and icon["sizes"] == "any"


def test_the_policy_lets_the_browser_fetch_the_manifest(client, home_page):
    """Browsers fetch the manifest under manifest-src, or default-src without it."""
    policy = client.get("/nl/")["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    allowed = directives.get("manifest-src", directives["default-src"])
    assert "'self'" in allowed
