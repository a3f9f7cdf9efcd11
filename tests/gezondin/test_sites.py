"""The request's Wagtail site comes from the cache (gezondin/sites.py): no site query on every
request, and a site that is added, changed or deleted counts from the next request on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.caches import DEFAULT_TIMEOUT
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

OTHER_HOST = "gezond.andere-gemeente.example"


@pytest.fixture
def about(home_page):
    page = StandardPageFactory(parent=home_page, title="Over de andere gemeente", slug="over")
    page.save_revision().publish()
    return page


def title(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return html[html.index("<title>") + 7 : html.index("</title>")]


def site_queries(queries):
    return [q["sql"] for q in queries.captured_queries if '"wagtailcore_site"' in q["sql"]]


def test_the_site_is_looked_up_once_not_on_every_request(client, home_page):
    assert title(client.get("/nl/")).startswith("GezondIn")
    with CaptureQueriesContext(connection) as queries:
        assert title(client.get("/nl/")).startswith("GezondIn")
        assert client.get("/api/v2/pages/").status_code == 200
    assert site_queries(queries) == []


def test_a_site_added_changed_or_deleted_counts_at_the_next_request(client, home_page, about):
    # No site for the host yet: the default site answers, as in Wagtail.
    assert title(client.get("/nl/", HTTP_HOST=OTHER_HOST)).startswith("GezondIn")

    other = Site.objects.create(hostname=OTHER_HOST, root_page=about)
    assert title(client.get("/nl/", HTTP_HOST=OTHER_HOST)).startswith("Over de andere gemeente")
    assert title(client.get("/nl/")).startswith("GezondIn")

    other.hostname = "www.andere-gemeente.example"
    other.save()
    assert title(client.get("/nl/", HTTP_HOST=OTHER_HOST)).startswith("GezondIn")
    www = client.get("/nl/", HTTP_HOST="www.andere-gemeente.example")
    assert title(www).startswith("Over de andere gemeente")

    other.delete()
    www = client.get("/nl/", HTTP_HOST="www.andere-gemeente.example")
    assert title(www).startswith("GezondIn")


def test_without_any_site_pages_are_not_found(client, home_page):
    assert client.get("/nl/").status_code == 200
    Site.objects.all().delete()
    assert client.get("/nl/").status_code == 404


@pytest.mark.parametrize(
    "host", ["a" * 300, "[::1]", "127.0.0.1:99999", "xn--nxasmq6b.example", "%00.example"]
)
def test_odd_hosts_get_no_server_error(client, home_page, host):
    assert client.get("/nl/", HTTP_HOST=host).status_code < 500


def test_the_site_follows_changes_on_each_cache_backend(client, home_page, about, cache_backend):
    """On the file cache, the local-memory cache and Redis, with the cache's timeout passing."""
    other = Site.objects.create(hostname=OTHER_HOST, root_page=about)
    assert title(client.get("/nl/", HTTP_HOST=OTHER_HOST)).startswith("Over de andere gemeente")
    cache_backend.advance(3 * DEFAULT_TIMEOUT)
    assert title(client.get("/nl/", HTTP_HOST=OTHER_HOST)).startswith("Over de andere gemeente")

    other.delete()
    assert title(client.get("/nl/", HTTP_HOST=OTHER_HOST)).startswith("GezondIn")
    cache_backend.advance(3 * DEFAULT_TIMEOUT)
    assert title(client.get("/nl/", HTTP_HOST=OTHER_HOST)).startswith("GezondIn")
