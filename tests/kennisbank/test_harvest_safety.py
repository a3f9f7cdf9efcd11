"""What a harvest source can make this server do, and who may add one (docs/sharing.md,
"Where the harvester connects" and "Who manages sources").

- A redirect is followed only within the origin (scheme, host and port) it came from: a peer that
  redirects to another site (this site itself, the database port) gets nothing fetched there.
- Loopback, private, link-local and other non-public addresses are refused, checked on every
  address a name resolves to, unless the origin is in GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS
  (the ``peer`` fixture allows exactly the canned peer's origin).
- A request ends at its total time however slowly the peer trickles.
- Images follow the same rules.
- Only superusers add, change or delete sources; national editors see them.

The peers are real HTTP servers on 127.0.0.1 (tests/servers.py CannedPeer). The site is built
once for the module (tests/shared.py).
"""

import logging
import socket
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from kennisbank.harvest import network
from kennisbank.harvest.client import Client, ClientSettings, HarvestError
from kennisbank.harvest.harvester import harvest
from kennisbank.harvest.models import HarvestSource, SharedCopy
from kennisbank.publishing import ensure_national_editors
from tests.kennisbank.conftest import PNG, figure, practice
from tests.servers import CannedPeer

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("site")]

JSON = {"Content-Type": "application/json"}
FAST = {"connect_timeout": 1, "read_timeout": 2, "retries": 0, "backoff": 0, "page_size": 10}


def client_for(url, **overrides):
    return Client(url, ClientSettings(**{**FAST, **overrides}))


def run(source, **overrides):
    return harvest(source, client=client_for(source.base_url, **overrides))


@pytest.fixture
def other(settings, peer):
    """A second server on loopback ("this site", or any other): it has practices of its own, and
    its origin is allowed too, so only the redirect rule can keep the harvester away from it."""
    other = CannedPeer()
    other.practices["nl"] = [practice(901, title="Eigen praktijk van deze site")]
    settings.GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS = [peer.base_url, other.base_url]
    yield other
    other.close()


@pytest.fixture
def source(peer):
    return HarvestSource.objects.create(name="Gemeente Tilburg", base_url=peer.base_url)


# Redirects ---------------------------------------------------------------------------------------


def test_a_redirect_to_another_origin_is_not_followed(site, peer, other, source, caplog):
    peer.practices["nl"] = [practice(11)]
    peer.redirect("/api/", f"{other.base_url}/api/")

    with caplog.at_level(logging.WARNING, logger="kennisbank.harvest"):
        report = run(source)

    assert report.status == "failed"
    expected = f"redirected to another site ({other.base_url}): not followed"
    assert expected in report.as_text()
    source.refresh_from_db()
    assert expected in source.last_report
    assert any(expected in record.getMessage() for record in caplog.records)
    assert other.requests == []
    assert not SharedCopy.objects.exists()


@pytest.mark.parametrize(
    "target",
    [
        lambda server: server.base_url.replace("http://", "https://"),  # another scheme
        lambda server: server.base_url.replace("127.0.0.1", "localhost"),  # another host name
        lambda server: "http://127.0.0.1:5432",  # another port (the database's)
    ],
    ids=["scheme", "host", "port"],
)
def test_every_part_of_the_origin_counts(peer, target):
    peer.redirect("/api/", target(peer) + "/api/")

    with pytest.raises(HarvestError, match="redirected to another site"):
        client_for(peer.base_url).get_json("praktijkvoorbeelden/")
    assert len(peer.requests) == 1


def test_redirects_within_the_origin_are_followed_a_few_times(site, peer):
    peer.practices["nl"] = [practice(11)]
    peer.redirect("/oud/", "/")
    source = HarvestSource.objects.create(name="Verhuisd", base_url=peer.url("/oud"))

    report = run(source)

    assert report.status == "ok", report.as_text()
    assert report.counts()["added"] == 1

    peer.route = None
    peer.redirect("/api/", peer.url("/api/"))  # a loop
    with pytest.raises(HarvestError, match="more than 3 redirects"):
        client_for(peer.base_url).get_json("praktijkvoorbeelden/")


# Non-public addresses ----------------------------------------------------------------------------


def test_a_loopback_address_is_refused_unless_its_origin_is_allowed(
    site, peer, source, settings, caplog
):
    peer.practices["nl"] = [practice(11)]
    settings.GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS = []

    with caplog.at_level(logging.WARNING, logger="kennisbank.harvest"):
        report = run(source)

    assert report.status == "failed"
    assert f"{peer.base_url} is at a loopback address (127.0.0.1): not fetched" in (
        report.as_text()
    )
    assert "refused to fetch" in caplog.text
    assert peer.requests == []  # never connected
    assert not SharedCopy.objects.exists()

    # Another port on the same host is another origin.
    settings.GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS = ["http://127.0.0.1:1"]
    assert run(source).status == "failed"
    assert peer.requests == []

    settings.GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS = [peer.base_url]
    report = run(source)
    assert report.status == "ok"
    assert report.counts()["added"] == 1


def test_a_malformed_allowed_origin_is_a_configuration_error(peer, settings):
    settings.GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS = ["127.0.0.1:8001"]

    with pytest.raises(ImproperlyConfigured, match="is not an origin"):
        client_for(peer.base_url)


def test_every_address_a_name_resolves_to_is_checked_and_the_checked_one_is_used(
    peer, monkeypatch, settings
):
    port = int(peer.base_url.rsplit(":", 1)[1])
    answers = {
        "gemengd.example": ["93.184.216.34", "10.1.2.3"],
        "peer.intern.example": ["127.0.0.1"],
    }
    lookups = []

    def resolve(host, port):
        lookups.append(host)
        return answers[host]

    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        # The connection goes to the address literal that was checked; a name resolved a
        # second time (where DNS rebinding would strike) fails the test.
        assert host not in answers, f"{host} was resolved again to connect"
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(network, "resolve", resolve)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    with pytest.raises(HarvestError, match=r"is at a private address \(10.1.2.3\)"):
        client_for(f"http://gemengd.example:{port}").get_json("praktijkvoorbeelden/")

    settings.GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS = [f"http://peer.intern.example:{port}"]
    data = client_for(f"http://peer.intern.example:{port}").get_json("praktijkvoorbeelden/")
    assert data["meta"] == {"total_count": 0}
    assert lookups == ["gemengd.example", "peer.intern.example"]


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.0.0.8", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),  # noqa: S104 - an address to classify, not to bind
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("93.184.216.34", None),
        ("2606:2800:220:1:248:1893:25c8:1946", None),
    ],
)
def test_addresses_are_classified(address, kind):
    assert network.why_not_public(address) == kind


# The total time ----------------------------------------------------------------------------------

# A total time well under the read timeout (2 s), and a peer that sends a byte far more often than
# the read timeout: only the total time can end the answer, and it does, at that time.
TOTAL = 0.25
READ = 2


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-content-length"])
def test_a_peer_trickling_bytes_is_cut_off_at_the_total_time(peer, declared):
    # 1 byte every 0.05 s, each well within the read timeout: 15 s for the whole answer.
    body = b'{"meta": {"total_count": 0}, "items": []}' + b" " * 260
    headers = {**JSON, "_trickle": "0.05", "_piece": "1"}
    if not declared:
        headers["_no_length"] = "1"
    peer.route = lambda path, query: (200, headers, body)
    client = client_for(peer.base_url, read_timeout=READ, total_timeout=TOTAL)

    started = time.monotonic()
    with pytest.raises(HarvestError, match="answer took longer than 0.25 s") as caught:
        client.get_json("praktijkvoorbeelden/")
    assert TOTAL <= time.monotonic() - started < READ
    assert caught.value.transient


def test_a_peer_trickling_its_headers_is_cut_off_at_the_total_time(peer):
    # The status line and headers a byte every 0.04 s: some 3 s for them all.
    peer.route = lambda path, query: (200, {**JSON, "_trickle_all": "0.04"}, b"{}")
    client = client_for(peer.base_url, read_timeout=READ, total_timeout=TOTAL)

    started = time.monotonic()
    with pytest.raises(HarvestError, match="answer took longer than 0.25 s"):
        client.get_json("praktijkvoorbeelden/")
    assert TOTAL <= time.monotonic() - started < READ


def test_a_harvest_with_a_trickling_peer_fails_in_time(site, peer, source):
    body = b'{"meta": {"total_count": 0}, "items": []}' + b" " * 260
    peer.route = lambda path, query: (200, {**JSON, "_trickle": "0.05", "_piece": "1"}, body)

    started = time.monotonic()
    report = run(source, read_timeout=READ, total_timeout=TOTAL)

    assert TOTAL <= time.monotonic() - started < READ
    assert report.status == "failed"
    assert "answer took longer than 0.25 s" in report.as_text()


# Images ------------------------------------------------------------------------------------------


def test_an_image_redirected_to_another_port_is_not_fetched(site, peer, other, source):
    other.files["/geheim.png"] = ("image/png", PNG.getvalue())
    peer.practices["nl"] = [practice(11, approach=[figure(peer.url("/media/images/coach.png"))])]
    peer.redirect("/media/images/coach.png", other.url("/geheim.png"))

    report = run(source)

    assert report.counts()["added"] == 1
    text = report.as_text()
    assert f"not copied: redirected to another site ({other.base_url}): not followed" in text
    assert other.requests == []
    assert len(SharedCopy.objects.get(remote_id=11).page.specific.approach) == 0


def test_an_image_that_is_not_at_an_http_address_is_left_out(peer):
    with pytest.raises(HarvestError, match="not an http"):
        client_for(peer.base_url).download("file:///etc/passwd", ["image/png"])


def test_an_image_at_a_private_address_is_not_fetched(site, peer, source):
    url = "http://127.0.0.1:5432/images/coach.png"
    peer.practices["nl"] = [practice(11, approach=[figure(url)])]

    report = run(source)

    assert report.counts()["added"] == 1
    assert "http://127.0.0.1:5432 is at a loopback address (127.0.0.1): not fetched" in (
        report.as_text()
    )


# Who manages sources ------------------------------------------------------------------------------


@pytest.fixture
def national_editor(site):
    user = get_user_model().objects.create_user("landelijk", "l@example.org", "x")
    user.groups.add(ensure_national_editors())
    return user


def test_national_editors_see_sources_but_do_not_manage_them(client, national_editor, peer):
    source = HarvestSource.objects.create(name="Gemeente Tilburg", base_url=peer.base_url)
    assert not national_editor.has_perm("kennisbank.add_harvestsource")
    # Even a group given every model permission on sources gains nothing.
    from django.contrib.auth.models import Permission

    national_editor.groups.get().permissions.add(
        *Permission.objects.filter(codename__endswith="_harvestsource")
    )
    client.force_login(national_editor)
    urls = "wagtailsnippets_kennisbank_harvestsource"

    listing = client.get(reverse(f"{urls}:list"))
    assert listing.status_code == 200
    assert "Gemeente Tilburg" in listing.content.decode()
    assert client.get(reverse(f"{urls}:inspect", args=[source.pk])).status_code == 200

    refused = [
        client.get(reverse(f"{urls}:add")),
        client.post(
            reverse(f"{urls}:add"),
            {"name": "Intern", "base_url": "http://10.0.0.8", "is_active": "on"},
        ),
        client.post(
            reverse(f"{urls}:edit", args=[source.pk]),
            {"name": "Gekaapt", "base_url": "http://127.0.0.1:5432", "is_active": "on"},
        ),
        client.post(reverse(f"{urls}:delete", args=[source.pk])),
    ]
    assert [response.status_code for response in refused] == [302] * 4
    source.refresh_from_db()
    assert (source.name, source.base_url) == ("Gemeente Tilburg", peer.base_url)
    assert list(HarvestSource.objects.values_list("name", flat=True)) == ["Gemeente Tilburg"]


def test_superusers_manage_sources(admin_client, peer):
    added = admin_client.post(
        reverse("wagtailsnippets_kennisbank_harvestsource:add"),
        {"name": "Utrecht", "base_url": "https://gezond.utrecht.example", "is_active": "on"},
    )
    assert added.status_code == 302
    assert HarvestSource.objects.filter(name="Utrecht").exists()
